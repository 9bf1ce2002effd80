"""Before and after: what happens to each post, and the impact on its holder.

Posts match by id. A proposed post may also name the current posts it `replaces`, with the
share of the old job it contains; the impact follows Leicester's review policy:
- assimilate (slot in): at least 75% of the current job is in the new one, on the same grade,
  and no more people than posts;
- match (with assessment): 25–74% of the job, the new grade the same or one above or below;
- ring-fence: new posts are open to the people at risk, with assessment;
- at risk: the post is deleted and nothing assimilates or matches its holder.
The user may overrule any suggestion, with a reason, in the proposal's `impacts`.

A pair of a deleted and a new post the user accepted as a match (the proposal's `matches`, for
snapshots whose references were renumbered) is one continuing post: it is retitled, regraded or
moved as it is, and a line manager renumbered by another accepted pair is the same manager.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ImpactChoice, Post, PostStatus, Structure
from ..model.money import percent

DELETED, NEW, UNCHANGED = "deleted", "new", "unchanged"
RETITLED, REGRADED, MOVED, FTE_CHANGED, TIER_CHANGED = "retitled", "regraded", "moved", "fte changed", "tier changed"
UNIT_CHANGED = "moved to another unit"
"""Same line manager, another group (an organogram's Unit): never worded as a new reporting line."""
ASSIMILATE_OVERLAP, MATCH_OVERLAP = 75.0, 25.0


@dataclass
class PostChange:
    post: str
    """The current post's id, or the new post's id for a new post."""
    title: str
    kinds: list[str]
    impact: ImpactChoice
    reason: str
    before: Post | None = None
    after: Post | None = None
    suggested: ImpactChoice | None = None
    """What the rules suggested, when the user overruled it."""
    destinations: list[str] = field(default_factory=list)
    """New posts a deleted post's holder may go to (assimilated, matched or ring-fenced)."""

    def as_dict(self) -> dict[str, object]:
        result: dict[str, object] = {"post": self.post, "kinds": self.kinds, "impact": self.impact.value,
                                     "reason": self.reason}
        if self.before is not None and self.after is not None and self.after.id != self.before.id:
            result["matched_to"] = self.after.id  # an accepted match: the proposed post continuing this one
        return result


def grade_steps(before: Structure, after: Structure) -> dict[str, int]:
    """Grades ranked by their top salary across both structures, lowest first, for 'one grade apart'.
    A grade without a pay scale (an establishment list gives salaries, not scales) is ranked by the
    highest salary of a post on it."""
    tops: dict[str, float] = {}
    for structure in (before, after):
        for code, scale in structure.pay_scales.items():
            tops[code] = max(tops.get(code, 0.0), scale.max)
    paid: dict[str, float] = {}
    for structure in (before, after):
        for post in structure.posts.values():
            if post.grade is not None and post.grade not in tops and post.salary is not None:
                paid[post.grade] = max(paid.get(post.grade, 0.0), post.salary)
    tops.update(paid)
    ordered = sorted({round(v, 2) for v in tops.values()})
    rank = {value: index for index, value in enumerate(ordered)}
    return {code: rank[round(top, 2)] for code, top in tops.items()}


def _grade_gap(steps: dict[str, int], old: str | None, new: str | None) -> int | None:
    if old == new:
        return 0
    if old in steps and new in steps:
        return abs(steps[old] - steps[new])
    return None


def compare(before: Structure, after: Structure) -> list[PostChange]:
    """Every current post (kept or deleted) and every new post, with the change kinds and impact.

    A partner's post shown for context is not the organisation's: it is neither kept, deleted
    nor new. One of ours that becomes a partner's leaves the establishment (deleted).
    """
    steps = grade_steps(before, after)
    ours_before, ours_after = _own_posts(before), _own_posts(after)
    pairs = accepted_matches(before, after)
    same_as = {new_id: old_id for old_id, new_id in pairs.items()}
    replaced_by: dict[str, list[tuple[Post, float]]] = {}
    for post in ours_after.values():
        for replacement in post.replaces:
            replaced_by.setdefault(replacement.post, []).append((post, replacement.overlap))
    changes: list[PostChange] = []
    assimilated_into: dict[str, list[str]] = {}
    for old in ours_before.values():
        new = ours_after.get(pairs.get(old.id, old.id))
        if new is not None:
            change = _kept(before, after, old, new, steps, same_as)
        else:
            change = _deleted(old, replaced_by.get(old.id, []), steps)
            if change.impact is ImpactChoice.ASSIMILATE:
                assimilated_into.setdefault(change.destinations[0], []).append(old.id)
        changes.append(change)
    _no_more_people_than_posts(changes, assimilated_into, after)
    for new in ours_after.values():
        if new.id not in ours_before and new.id not in same_as:
            changes.append(_new(new, assimilated_into.get(new.id, [])))
    for change in changes:
        override = after.proposal.impacts.get(change.post)
        if override is not None and override.impact is not change.impact:
            change.suggested, change.impact = change.impact, override.impact
            change.reason = override.reason or f"Decided by the user (the rules suggested {change.suggested.value})"
        elif override is not None and override.reason:
            change.reason = override.reason
    return changes


def accepted_matches(before: Structure, after: Structure) -> dict[str, str]:
    """The accepted matches that still stand, current post id → proposed post id: the current post is
    gone from the proposal and the proposed one is new (decisions about posts since changed are ignored)."""
    ours_before, ours_after = _own_posts(before), _own_posts(after)
    return {m.before: m.after for m in after.proposal.matches
            if m.accepted and m.before in ours_before and m.before not in ours_after
            and m.after in ours_after and m.after not in ours_before}


def _own_posts(structure: Structure) -> dict[str, Post]:
    return {pid: post for pid, post in structure.posts.items() if post.context is None}


def _kept(before: Structure, after: Structure, old: Post, new: Post, steps: dict[str, int],
          same_as: dict[str, str]) -> PostChange:
    """`new` continues `old` (the same id, or an accepted match); `same_as` gives the current id of
    each proposed post matched to one, so a renumbered manager is still the same manager."""
    kinds = []
    if old.title != new.title:
        kinds.append(RETITLED)
    if old.grade != new.grade or old.salary != new.salary or old.pay_band != new.pay_band:
        kinds.append(REGRADED)
    new_manager = same_as.get(new.reports_to, new.reports_to) if new.reports_to is not None else None
    if old.reports_to != new_manager:
        kinds.append(MOVED)
    elif old.group != new.group:
        kinds.append(UNIT_CHANGED)
    if old.fte != new.fte:
        kinds.append(FTE_CHANGED)
    if old.tier != new.tier:
        kinds.append(TIER_CHANGED)
    if not kinds:
        kinds = [UNCHANGED]
    change = PostChange(old.id, new.title, kinds, ImpactChoice.NONE, "", before=old, after=new)
    renumbered = f" (now {new.id}, an accepted match)" if new.id != old.id else ""
    if old.status is PostStatus.VACANT:
        change.impact, change.reason = ImpactChoice.VACANT, f"The post is vacant: no postholder is affected{renumbered}"
        return change
    if kinds == [UNCHANGED]:
        change.reason = f"No change to the post{renumbered}"
        return change
    if not old.in_scope and not new.in_scope:
        change.reason = "Out of scope of the restructure"
        return change
    gap = _grade_gap(steps, old.grade, new.grade) if REGRADED in kinds else 0
    if FTE_CHANGED in kinds and new.fte < old.fte:
        change.impact = ImpactChoice.AT_RISK
        change.reason = f"Hours reduced from {old.fte:g} to {new.fte:g} FTE"
    elif gap == 0:
        change.impact = ImpactChoice.ASSIMILATE
        what = ", ".join(_describe(k, before, after, old, new) for k in kinds)
        change.reason = f"Slot in: the job continues on the same grade ({what}){renumbered}"
    elif gap == 1:
        change.impact = ImpactChoice.MATCH
        change.reason = f"Regraded one grade ({old.grade} to {new.grade}): match with assessment{renumbered}"
    else:
        change.impact = ImpactChoice.RING_FENCE
        change.reason = (f"Regraded from {old.grade or 'no grade'} to {new.grade or 'no grade'}, "
                         "more than one grade: ring-fenced selection")
    return change


def _describe(kind: str, before: Structure, after: Structure, old: Post, new: Post) -> str:
    if kind == RETITLED:
        return f"retitled from '{old.title}'"
    if kind == MOVED:
        manager = after.posts.get(new.reports_to) if new.reports_to else None
        return f"now reports to '{manager.title}'" if manager else "moved"
    if kind == UNIT_CHANGED:
        old_unit = before.groups[old.group].name if old.group in before.groups else "no unit"
        new_unit = after.groups[new.group].name if new.group in after.groups else "no unit"
        return f"moved from '{old_unit}' to '{new_unit}'"
    if kind == REGRADED and old.grade == new.grade:
        return "pay band changed"
    return kind


def _deleted(old: Post, successors: list[tuple[Post, float]], steps: dict[str, int]) -> PostChange:
    change = PostChange(old.id, old.title, [DELETED], ImpactChoice.AT_RISK, "", before=old)
    if old.status is PostStatus.VACANT:
        change.impact, change.reason = ImpactChoice.VACANT, "A vacant post is deleted: no postholder is affected"
        return change
    best: tuple[int, float, Post] | None = None
    for new, overlap in successors:
        gap = _grade_gap(steps, old.grade, new.grade)
        if overlap >= ASSIMILATE_OVERLAP and gap == 0:
            rank = 0
        elif overlap >= MATCH_OVERLAP and gap is not None and gap <= 1:
            rank = 1
        else:
            rank = 2
        if best is None or (rank, -overlap) < (best[0], -best[1]):
            best = (rank, overlap, new)
    change.destinations = [new.id for new, _ in successors]
    if best is None:
        change.reason = "Post deleted: at risk, and ring-fenced for the new posts"
    elif best[0] == 0:
        change.impact = ImpactChoice.ASSIMILATE
        change.destinations = [best[2].id]
        change.reason = (f"{percent(best[1] / 100)} of the job is in '{best[2].title}' on the same grade: "
                         "assimilate (slot in)")
    elif best[0] == 1:
        change.impact = ImpactChoice.MATCH
        change.reason = f"{percent(best[1] / 100)} of the job is in '{best[2].title}': match, with assessment"
    else:
        change.reason = (f"Post deleted; '{best[2].title}' holds {percent(best[1] / 100)} of the job, too little "
                         "or too different a grade to match: at risk, ring-fenced for the new posts")
    return change


def _no_more_people_than_posts(changes: list[PostChange], assimilated_into: dict[str, list[str]],
                               after: Structure) -> None:
    """Assimilation needs no more people than posts; otherwise it is competitive selection."""
    by_id = {c.post: c for c in changes}
    for new_id, old_ids in assimilated_into.items():
        if len(old_ids) <= 1:
            continue
        for old_id in old_ids:
            change = by_id[old_id]
            change.impact = ImpactChoice.RING_FENCE
            change.reason = (f"{len(old_ids)} postholders would assimilate into one post "
                             f"'{after.posts[new_id].title}': competitive selection in a ring fence")
        assimilated_into[new_id] = []


def _new(new: Post, assimilated: list[str]) -> PostChange:
    if assimilated:
        return PostChange(new.id, new.title, [NEW], ImpactChoice.ASSIMILATE,
                          "New post filled by assimilating the holder of the post it replaces", after=new)
    return PostChange(new.id, new.title, [NEW], ImpactChoice.RING_FENCE,
                      "New post: open to the ring-fenced group at risk, with assessment", after=new)
