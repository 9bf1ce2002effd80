"""The live analysis of a structure, kept up to date edit by edit.

`Analysis.apply(change)` recomputes only what an edit touches: the edited post's cost
and totals by delta, the spans of its old and new manager, the layers of its own subtree
when its line manager changes, and the findings of the posts around it. Structure-wide
checks run over small indexes (roots, designation holders, cycles), not over every post.

A partner's context post (`Post.context`) is in the graph, so layers below it stay right, but
counts in no figure: no totals, no span, no layer count, no finding. The few edits that add,
remove or change a context post recompute everything.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple

from ..model import Change, ChangeKind, Designation, Post, PostStatus, Structure
from ..model.cycles import canonical, find_cycles
from .costing import ZERO, Cost, junior_cost, post_cost
from .findings import Finding, cycle_findings, no_manager_findings, post_findings, statutory_findings
from .reporting import ReportingLines
from .responsibilities import responsibility_findings
from .rota import rota_findings
from .ruleset import RuleSet


@dataclass
class Totals:
    """Posts, FTE, vacancies and cost of a set of posts (a group, a tier, the whole structure), and
    apart from them the junior staff under those posts (never counted as posts)."""

    posts: int = 0
    fte: float = 0.0
    vacant: int = 0
    gross: float = 0.0
    net: float = 0.0
    junior_fte: float = 0.0
    junior_cost: float = 0.0
    pay_withheld: int = 0
    """Posts whose pay is not disclosed, so not in the cost."""

    def add(self, record: "PostRecord", sign: int) -> None:
        self.posts += sign
        self.fte += sign * record.fte
        self.vacant += sign * record.vacant
        self.gross += sign * record.cost.gross
        self.net += sign * record.cost.net
        self.junior_fte += sign * record.junior_fte
        self.junior_cost += sign * record.junior_cost
        self.pay_withheld += sign * record.pay_withheld

    @classmethod
    def of(cls, records: list["PostRecord"]) -> "Totals":
        """The totals of some posts' records, summed field by field (as adding each in turn would, in the same
        order, so to the same figures) rather than record by record: a file opened sums every post four times."""
        if not records:
            return cls()
        cost, fte, vacant, _, _, _, _, junior_fte, junior_cost, pay_withheld = zip(*records)
        return cls(len(records), sum(fte, 0.0), sum(vacant), sum((c.gross for c in cost), 0.0),
                   sum((c.net for c in cost), 0.0), sum(junior_fte, 0.0), sum(junior_cost, 0.0), sum(pay_withheld))

    def merged(self, other: "Totals") -> "Totals":
        return Totals(self.posts + other.posts, self.fte + other.fte, self.vacant + other.vacant,
                      self.gross + other.gross, self.net + other.net, self.junior_fte + other.junior_fte,
                      self.junior_cost + other.junior_cost, self.pay_withheld + other.pay_withheld)


class PostRecord(NamedTuple):
    """What a post contributes to the totals, kept so an edit can subtract it again (a tuple: one is made for
    every post each time a file is opened, three times quicker than a frozen dataclass)."""

    cost: Cost
    fte: float
    vacant: int
    tier: str | None
    group: str | None
    in_scope: bool
    context: bool = False
    junior_fte: float = 0.0
    junior_cost: float = 0.0
    pay_withheld: int = 0


class Analysis:
    """The live figures of one structure: graph, spans, layers, costs and rule findings.

    Built in full once (`refresh`), then kept current by `apply(change)` for each `Change` the
    structure announces, recomputing only what the change touches (a salary edit re-costs one post
    and its groups; a new manager re-derives the layers below it). Qt-free, so the command line
    and the PDFs use the same figures the window shows.
    """

    def __init__(self, structure: Structure, rules: RuleSet | None = None) -> None:
        self.structure = structure
        self._fixed_rules = rules
        self.refresh()

    # ----- full computation ------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute everything (on open, or when settings change the basis of every figure)."""
        s = self.structure
        self.rules = self._fixed_rules or RuleSet.for_settings(s.settings)
        self.scales = self.rules.scales_for(s)
        self._context = {p.id for p in s.posts.values() if p.context is not None}
        self.graph = ReportingLines(s.posts, ((p.reports_to, p.id) for p in s.posts.values()
                                              if p.reports_to is not None))
        self._records: dict[str, PostRecord] = {post_id: self._record(post) for post_id, post in s.posts.items()}
        counted = [record for record in self._records.values() if not record.context]
        by_tier: dict[str | None, list[PostRecord]] = defaultdict(list)
        by_group: dict[str | None, list[PostRecord]] = defaultdict(list)
        for record in counted:
            by_tier[record.tier].append(record)
            by_group[record.group].append(record)
        self._all = Totals.of(counted)
        self._in_scope = Totals.of([record for record in counted if record.in_scope])
        self._by_tier: dict[str | None, Totals] = defaultdict(Totals, {k: Totals.of(v) for k, v in by_tier.items()})
        self._by_group: dict[str | None, Totals] = defaultdict(Totals, {k: Totals.of(v) for k, v in by_group.items()})
        spans = dict(self.graph.spans()) if not self._context else \
            {post_id: self._own_span(post_id) for post_id in s.posts if post_id not in self._context}
        self._span_counts = Counter(spans.values())
        self._roots = {p.id for p in s.posts.values() if p.reports_to is None and p.id not in self._context}
        self._holders: dict[Designation, set[str]] = defaultdict(set)
        for post in s.posts.values():
            for designation in post.designations if post.id not in self._context else ():
                self._holders[designation].add(post.id)
        self._cycle_of: dict[str, tuple[str, ...]] = {}
        for cycle in find_cycles({p.id: p.reports_to for p in s.posts.values()}):
            for member in cycle:
                self._cycle_of[member] = cycle
        self._depth, self._depth_counts = self._all_depths()
        self._sorted_findings: list[Finding] | None = None
        """`findings()`, kept until a finding changes."""
        self._structure_findings: list[Finding] | None = None
        self._post_findings: dict[str, list[Finding]] = {}
        """Each post's own findings, for the posts that have any (every edit gathers them all)."""
        self._unchecked: set[str] = set()
        """Posts touched since their findings were last worked out (see `_check_post`)."""
        for post_id, post in s.posts.items():
            if post_id not in self._context:
                found = post_findings(s, self.rules, self.scales, post, spans[post_id])
                if found:
                    self._post_findings[post_id] = found
        self._refresh_structure_findings()

    def _all_depths(self) -> tuple[dict[str, int | None], Counter[int]]:
        """Every post's depth below its tree's top, level by level from the roots (None in or under a cycle),
        and how many counted posts each depth has: what `_assign_depths` from every root gives, in one pass."""
        depth: dict[str, int | None] = {}
        counts: Counter[int] = Counter()
        context, reports = self._context, self.graph.reports
        level, at = list(self._roots), 0
        while level:
            for post_id in level:
                depth[post_id] = at
            counted = sum(1 for post_id in level if post_id not in context) if context else len(level)
            if counted:
                counts[at] = counted
            level = [report for post_id in level for report in reports(post_id)]
            at += 1
        for post_id in self.structure.posts:
            if post_id not in depth:  # in or under a cycle
                depth[post_id] = None
        return depth, counts

    # ----- incremental updates ---------------------------------------------------------

    def apply(self, change: Change) -> None:
        """Bring the figures and findings up to date with one edit of the structure."""
        kind = change.kind
        if kind is ChangeKind.SETTINGS_CHANGED or self._touches_context(change):
            self.refresh()
            return
        if kind is ChangeKind.PAY_SCALES_CHANGED:
            self.scales = self.rules.scales_for(self.structure)
            affected = [p.id for p in self.structure.posts.values() if p.grade in change.grades]
            for post_id in affected:
                self._replace_record(post_id)
                self._check_post(post_id)
            self._refresh_structure_findings()
            return
        if kind is ChangeKind.POST_ADDED:
            for post_id in change.posts:
                self._post_added(self.structure.posts[post_id])
        elif kind is ChangeKind.POST_REMOVED:
            self._post_removed(change.removed)
        elif kind is ChangeKind.POST_CHANGED:
            for post_id in change.posts:
                self._post_changed(post_id, change)
        # Group edits change no post figure; group totals are rolled up when asked for.
        self._refresh_structure_findings()

    def _touches_context(self, change: Change) -> bool:
        """Whether an edit adds, removes or changes a partner's context post, or makes one."""
        if change.kind is ChangeKind.POST_REMOVED:
            return change.removed.context is not None
        if change.kind is ChangeKind.POST_ADDED:
            return any(self.structure.posts[p].context is not None for p in change.posts)
        if change.kind is ChangeKind.POST_CHANGED:
            return "context" in change.fields or bool(change.posts & self._context)
        return False

    def _post_added(self, post: Post) -> None:
        self.graph.add_post(post.id)
        self._add_record(post)
        self._span_counts[0] += 1
        for designation in post.designations:
            self._holders[designation].add(post.id)
        self._roots.add(post.id)
        self._depth[post.id] = 0
        self._depth_counts[0] += 1
        if post.reports_to is not None:
            self._relink(post.id, None, post.reports_to)
        else:
            self._check_post(post.id)

    def _post_removed(self, post: Post) -> None:
        """Forget a deleted post (the model only deletes posts with no reports of their own)."""
        manager = post.reports_to
        if manager is not None and manager not in self._context:
            span = self._own_span(manager)
            self._span_counts[span] -= 1
            self._span_counts[span - 1] += 1
        self._subtract_record(post.id)
        self._span_counts[self._own_span(post.id)] -= 1
        self.graph.remove_post(post.id)
        if manager is not None:
            self._check_post(manager)
        self._roots.discard(post.id)
        for designation in post.designations:
            self._holders[designation].discard(post.id)
        depth = self._depth.pop(post.id)
        if depth is not None:
            self._uncount_depth(depth)
        self._post_findings.pop(post.id, None)
        self._sorted_findings = None

    def _post_changed(self, post_id: str, change: Change) -> None:
        post = self.structure.posts[post_id]
        self._replace_record(post_id)
        if "designations" in change.fields:
            for holders in self._holders.values():
                holders.discard(post_id)
            for designation in post.designations:
                self._holders[designation].add(post_id)
        if post.reports_to != change.old_manager:
            self._relink(post_id, change.old_manager, post.reports_to)
        self._check_post(post_id)
        if "tier" in change.fields or "title" in change.fields:
            for report in self.graph.reports(post_id):
                self._check_post(report)

    def _relink(self, post_id: str, old_manager: str | None, new_manager: str | None) -> None:
        """Move a post's line-management edge and update spans, roots, cycles and layers."""
        for manager, sign in ((old_manager, -1), (new_manager, +1)):
            if manager is None:
                continue
            counted = manager not in self._context
            span = self._own_span(manager)
            if counted:
                self._span_counts[span] -= 1
            if sign < 0:
                self.graph.remove_line(manager, post_id)
            else:
                self.graph.add_line(manager, post_id)
            if counted:
                self._span_counts[span + sign] += 1
        if new_manager is None:
            self._roots.add(post_id)
        else:
            self._roots.discard(post_id)
        broken = self._cycle_of.get(post_id)
        if broken is not None:
            for member in broken:
                del self._cycle_of[member]
        if new_manager is not None:
            cycle = self._cycle_through(post_id)
            if cycle is not None:
                for member in cycle:
                    self._cycle_of[member] = cycle
        self._redepth_subtree(post_id)
        for touched in (post_id, old_manager, new_manager):
            if touched is not None:
                self._check_post(touched)

    # ----- layers ------------------------------------------------------------------------

    def _assign_depths(self, start: str, depth: int | None) -> None:
        """Give `start` the depth given and its line-management subtree the depths below it."""
        stack = [(start, depth)]
        seen: set[str] = set()
        while stack:
            node, node_depth = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            counted = node not in self._context
            old = self._depth.get(node)
            if old is not None and counted:
                self._uncount_depth(old)
            self._depth[node] = node_depth
            if node_depth is not None and counted:
                self._depth_counts[node_depth] += 1
            child_depth = None if node_depth is None else node_depth + 1
            stack.extend((child, child_depth) for child in self.graph.reports(node))

    def _redepth_subtree(self, post_id: str) -> None:
        manager = self.structure.posts[post_id].reports_to
        if post_id in self._cycle_of:
            depth = None
        elif manager is None:
            depth = 0
        else:
            above = self._depth.get(manager)
            depth = None if above is None else above + 1
        self._assign_depths(post_id, depth)

    def _uncount_depth(self, depth: int) -> None:
        self._depth_counts[depth] -= 1
        if self._depth_counts[depth] == 0:
            del self._depth_counts[depth]

    def _cycle_through(self, post_id: str) -> tuple[str, ...] | None:
        """The cycle a post is on, walking up from it, or None."""
        chain = [post_id]
        seen = {post_id}
        current = self.structure.posts[post_id].reports_to
        while current is not None:
            if current == post_id:
                return canonical(chain)
            if current in seen:
                return None  # above us is a different cycle
            chain.append(current)
            seen.add(current)
            current = self.structure.posts[current].reports_to
        return None

    # ----- records and totals ------------------------------------------------------------

    def _record(self, post: Post) -> PostRecord:
        context = post.context is not None
        settings = self.structure.settings
        cost = ZERO if context else post_cost(post, self.scales, settings)
        if not post.junior:  # most posts: no junior staff to add up
            return PostRecord(cost, post.fte, int(post.status is PostStatus.VACANT), post.tier, post.group,
                              post.in_scope, context, 0.0, 0.0, int(post.pay_withheld))
        return PostRecord(cost, post.fte, int(post.status is PostStatus.VACANT), post.tier, post.group, post.in_scope,
                          context, sum(staff.fte for staff in post.junior), junior_cost(post, settings),
                          int(post.pay_withheld))

    def _add_record(self, post: Post) -> None:
        record = self._record(post)
        self._records[post.id] = record
        self._count(record, +1)

    def _subtract_record(self, post_id: str) -> None:
        self._count(self._records.pop(post_id), -1)

    def _replace_record(self, post_id: str) -> None:
        self._subtract_record(post_id)
        self._add_record(self.structure.posts[post_id])

    def _count(self, record: PostRecord, sign: int) -> None:
        if record.context:
            return
        self._all.add(record, sign)
        if record.in_scope:
            self._in_scope.add(record, sign)
        self._by_tier[record.tier].add(record, sign)
        self._by_group[record.group].add(record, sign)

    # ----- findings --------------------------------------------------------------------

    def _check_post(self, post_id: str) -> None:
        """The post's own findings are to be worked out again, when next asked for: a paste of fifty posts
        into one team touches its manager fifty times."""
        self._sorted_findings = None
        self._unchecked.add(post_id)

    def _check_posts(self) -> None:
        """Work out the findings of the posts touched since, each once."""
        structure = self.structure
        for post_id in self._unchecked:
            post = structure.posts.get(post_id)
            found = [] if post is None or post_id in self._context else \
                post_findings(structure, self.rules, self.scales, post, self._own_span(post_id))
            if found:
                self._post_findings[post_id] = found
            else:
                self._post_findings.pop(post_id, None)
        self._unchecked.clear()

    def _own_span(self, post_id: str) -> int:
        """Direct line reports, not counting a partner's context posts."""
        if not self._context:
            return self.graph.span(post_id)
        return sum(1 for report in self.graph.reports(post_id) if report not in self._context)

    def _refresh_structure_findings(self) -> None:
        """The findings about the whole structure are stale: worked out again when next asked for (once for a
        paste of fifty posts, not after each)."""
        self._sorted_findings = None
        self._structure_findings = None

    def _whole_structure_findings(self) -> list[Finding]:
        if self._structure_findings is None:
            s = self.structure
            spans = {root: self._own_span(root) for root in self._roots}
            cycles = sorted(set(self._cycle_of.values()))
            self._structure_findings = (
                no_manager_findings(s, self.rules, sorted(self._roots), spans)
                + statutory_findings(s, self.rules, self._holders)
                + cycle_findings(s, self.rules, cycles)
                + responsibility_findings(s, self.rules)
                + rota_findings(s, self.rules)
            )
        return self._structure_findings

    # ----- answers -----------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        """Every finding, most severe first; sorted once per edit however many views ask."""
        if self._sorted_findings is None:
            self._check_posts()
            found = [f for fs in self._post_findings.values() for f in fs] + self._whole_structure_findings()
            self._sorted_findings = sorted(found, key=Finding.sort_key)
        return list(self._sorted_findings)

    def findings_for(self, post_id: str) -> list[Finding]:
        """Every finding that names the post, whichever rule produced it."""
        return [f for f in self.findings() if post_id in f.posts]

    def cost(self, post_id: str) -> Cost:
        record = self._records.get(post_id)
        return record.cost if record is not None else ZERO

    def span(self, post_id: str) -> int:
        """Direct line reports, not counting context posts (a context post's own span is 0)."""
        if post_id in self._context or post_id not in self.graph:
            return 0
        return self._own_span(post_id)

    def spans(self) -> dict[str, int]:
        """Direct line reports of every post that has at least one (context posts left out)."""
        if not self._context:
            return {p: n for p, n in self.graph.spans() if n > 0}
        counted = {p: self._own_span(p) for p in self.graph if p not in self._context}
        return {p: n for p, n in counted.items() if n > 0}

    def max_span(self) -> int:
        return max((span for span, count in self._span_counts.items() if count > 0), default=0)

    def average_span(self) -> float | None:
        """The mean span of the posts that line manage anyone (None if none does), from the count of posts
        at each span: no walk over the posts."""
        managers = sum(count for span, count in self._span_counts.items() if span > 0)
        if managers == 0:
            return None
        return sum(span * count for span, count in self._span_counts.items() if span > 0) / managers

    def widest_spans(self, count: int) -> list[tuple[str, int]]:
        """The `count` posts with the most direct reports (context posts left out), widest first."""
        if not self._context:
            spans: Iterable[tuple[str, int]] = self.graph.spans()
        else:
            spans = ((p, self._own_span(p)) for p in self.graph if p not in self._context)
        return [(p, n) for p, n in heapq.nlargest(count, spans, key=lambda item: item[1]) if n > 0]

    def depth(self, post_id: str) -> int | None:
        """Layer of a post counted from 0 at the top; None when it sits in or under a cycle."""
        return self._depth.get(post_id)

    def layers(self) -> int:
        return max(self._depth_counts, default=-1) + 1

    def layer_counts(self) -> dict[int, int]:
        """Posts per layer, the top layer numbered 1."""
        return {depth + 1: count for depth, count in sorted(self._depth_counts.items())}

    def totals(self, in_scope_only: bool = False) -> Totals:
        return _copy(self._in_scope if in_scope_only else self._all)

    def branch_totals(self, post_id: str) -> Totals:
        """Everything under a post (its reports, theirs and so on; not the post itself), summed: what a
        folded card stands for."""
        totals = Totals()
        seen = {post_id}
        pending = [post_id]
        while pending:
            for report in self.structure.reports_of(pending.pop()):
                if report not in seen:
                    seen.add(report)
                    pending.append(report)
                    if (record := self._records.get(report)) is not None:
                        totals.add(record, 1)
        return totals

    def totals_by_tier(self) -> dict[str | None, Totals]:
        return {tier: _copy(t) for tier, t in self._by_tier.items() if t.posts}

    def totals_by_group(self) -> dict[str, Totals]:
        """Totals per group, each including the posts of the groups nested inside it."""
        groups = self.structure.groups
        rolled: dict[str, Totals] = {gid: Totals() for gid in groups}
        for gid, direct in self._by_group.items():
            if gid is not None and direct.posts and gid in groups:
                rolled[gid] = _copy(direct)
        depths = self.structure.group_depths()
        for gid in sorted(groups, key=lambda g: -depths[g]):  # inner groups first, each added once to its parent
            parent = groups[gid].parent
            if parent is not None and parent in rolled and rolled[gid].posts:
                rolled[parent] = rolled[parent].merged(rolled[gid])
        return rolled

    def ungrouped(self) -> Totals:
        return _copy(self._by_group.get(None, Totals()))

    def group_staff(self, group_id: str) -> tuple[int, int]:
        """Staff and contractors under a group, including the groups nested inside it."""
        children: dict[str, list[str]] = {}
        for gid, group in self.structure.groups.items():
            if group.parent is not None:
                children.setdefault(group.parent, []).append(gid)
        staff = contractors = 0
        pending, seen = [group_id], {group_id}
        while pending:
            group = self.structure.groups[pending.pop()]
            staff += group.staff or 0
            contractors += group.contractors or 0
            for child in children.get(group.id, []):
                if child not in seen:
                    seen.add(child)
                    pending.append(child)
        return staff, contractors


def _copy(totals: Totals) -> Totals:
    return replace(totals)
