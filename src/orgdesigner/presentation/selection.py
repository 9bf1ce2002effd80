"""Which part of a chart an export shows: the whole, one branch, the top levels, a group, with
folded branches kept folded. The same choice serves every format (PDF, PNG, SVG, PPTX) and the
clipboard.

`select(structure, choice)` cuts the chosen posts out of the structure (line management and
dotted lines to posts left out are cut) and says which of them are drawn greyed (a branch's chain
of command above it) and how many posts each shown post hides below it (a folded branch, or the
last of the top levels).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Group, Structure


class SelectionRefused(ValueError):
    """A choice that does not fit the structure; the message names what is wrong."""


@dataclass(frozen=True)
class ChartSelection:
    branch: str | None = None
    """A post id: that post and everything under it, with its chain of command above it greyed."""
    levels: int | None = None
    """Only the top this-many layers (the top posts are layer 1)."""
    group: str | None = None
    """A group id: the posts in that group and the groups inside it."""
    folded: frozenset[str] = frozenset()
    """Posts whose reports are hidden (collapsed on the canvas); they show how many they hide."""

    @property
    def whole(self) -> bool:
        return self.branch is None and self.levels is None and self.group is None and not self.folded

    def describe(self, structure: Structure) -> str:
        """A few words for a heading or a message: "the branch under Director of Place"."""
        parts = []
        if self.branch is not None and self.branch in structure.posts:
            parts.append(f"the branch under {structure.posts[self.branch].title}")
        if self.group is not None and self.group in structure.groups:
            parts.append(structure.groups[self.group].name)
        if self.levels is not None:
            parts.append(f"top {self.levels} level{'s' if self.levels != 1 else ''}")
        return ", ".join(parts)


@dataclass
class Selected:
    structure: Structure
    """The chosen posts and their groups, cut free of the rest."""
    greyed: frozenset[str] = frozenset()
    """Posts shown only for context (the chain of command above a branch)."""
    hidden: dict[str, int] = field(default_factory=dict)
    """Post id -> how many posts below it are left out (folded, or below the last level shown)."""


def check_selection(structure: Structure, choice: ChartSelection) -> None:
    """Refuse a choice naming a post or group the structure does not have, or a level below 1."""
    if choice.branch is not None and choice.branch not in structure.posts:
        raise SelectionRefused(f"there is no post with id {choice.branch!r} for --branch")
    if choice.group is not None and choice.group not in structure.groups:
        raise SelectionRefused(f"there is no group with id {choice.group!r} for --group")
    if choice.levels is not None and choice.levels < 1:
        raise SelectionRefused(f"--levels must be 1 or more, not {choice.levels}")
    unknown = sorted(choice.folded - structure.posts.keys())
    if unknown:
        raise SelectionRefused(f"there is no post with id {unknown[0]!r} to fold")


def select(structure: Structure, choice: ChartSelection) -> Selected:
    """The part of `structure` that `choice` shows (the structure itself for the whole chart)."""
    check_selection(structure, choice)
    if choice.whole:
        return Selected(structure)
    reports: dict[str, list[str]] = {pid: [] for pid in structure.posts}
    for post in structure.posts.values():
        if post.reports_to is not None:
            reports[post.reports_to].append(post.id)
    greyed: list[str] = []
    if choice.branch is not None:
        tops = [choice.branch]
        greyed = structure.chain_above(choice.branch)
    else:
        tops = [pid for pid, post in structure.posts.items() if post.reports_to is None]
        tops += _cycle_members(structure, reports, tops)
    stops = set(choice.folded)
    shown: set[str] = set()
    hidden: dict[str, int] = {}
    frontier = [pid for pid in tops if pid not in shown]
    level = 1
    while frontier:
        shown.update(frontier)
        if choice.levels is not None and level >= choice.levels:
            stops.update(frontier)
            break
        frontier = [kid for pid in frontier if pid not in stops for kid in reports[pid] if kid not in shown]
        level += 1
    for pid in shown & stops:
        count = len(_all_below(pid, reports))
        if count:
            hidden[pid] = count
    if choice.group is not None:
        inside = _groups_within(structure, choice.group)
        shown = {pid for pid in shown if structure.posts[pid].group in inside}
        hidden = {pid: count for pid, count in hidden.items() if pid in shown}
    shown.update(greyed)
    return Selected(substructure(structure, shown), frozenset(greyed), hidden)


def substructure(source: Structure, post_ids: Iterable[str], post_order: dict[str, int] | None = None,
                 group_order: dict[str, int] | None = None) -> Structure:
    """The posts given, their groups (with enclosing groups) and pay scales, cut free of the rest:
    line management and dotted lines to posts left out are dropped, a group's leader left out is
    forgotten. Posts and groups with nothing to cut are shared with `source`, not copied. The
    orders (post and group id -> index in `source`) may be passed in by a caller cutting many
    times, so that a cut costs time in proportion to the posts given, not to the structure."""
    post_order = post_order if post_order is not None else {pid: index for index, pid in enumerate(source.posts)}
    group_order = group_order if group_order is not None else {gid: index for index, gid in enumerate(source.groups)}
    chosen = {pid: source.posts[pid] for pid in sorted(set(post_ids), key=post_order.__getitem__)}
    posts = {}
    groups: dict[str, None] = {}
    for pid, post in chosen.items():
        manager = post.reports_to if post.reports_to in chosen else None
        dotted = [line for line in post.dotted if line.manager in chosen]
        if manager != post.reports_to or len(dotted) != len(post.dotted) or post.replaces:
            post = post.model_copy(update={"reports_to": manager, "dotted": dotted, "replaces": []})
        posts[pid] = post
        if post.group is not None:
            for gid in [post.group, *source.group_chain(post.group)]:
                groups.setdefault(gid, None)
    kept_groups: dict[str, Group] = {}
    for gid in sorted(groups, key=group_order.__getitem__):
        group = source.groups[gid]
        if group.leader is not None and group.leader not in chosen:
            group = group.model_copy(update={"leader": None})
        kept_groups[gid] = group
    return Structure(name=source.name, organisation=source.organisation, settings=source.settings,
                     pay_scales=source.pay_scales, groups=kept_groups, posts=posts)


def _cycle_members(structure: Structure, reports: dict[str, list[str]], roots: list[str]) -> list[str]:
    """One post of each reporting cycle (which hangs under no root), so whole-chart choices keep it."""
    reached = set(roots)
    stack = list(roots)
    while stack:
        for kid in reports[stack.pop()]:
            if kid not in reached:
                reached.add(kid)
                stack.append(kid)
    tops: list[str] = []
    for pid in structure.posts:
        if pid in reached:
            continue
        chain = structure.chain_above(pid)
        top = chain[-1] if chain else pid
        members = {top, *_all_below(top, reports)}
        reached.update(members)
        tops.append(top)
    return tops


def _all_below(post_id: str, reports: dict[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    stack = list(reports[post_id])
    while stack:
        pid = stack.pop()
        if pid not in seen:
            seen.add(pid)
            stack.extend(reports[pid])
    return seen


def _groups_within(structure: Structure, group_id: str) -> set[str]:
    """The group and every group nested inside it."""
    return {gid for gid in structure.groups if group_id in structure.group_chain(gid)}
