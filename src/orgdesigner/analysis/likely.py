"""Likely matches for the holder of a deleted post: the new posts it could be matched to.

For each deleted post that has a holder, the new posts whose title shares a word with its own and that
are on the same or an adjacent grade, or in the same group with a similar title, scored by `matching.pair_score` (title, grade, line manager,
unit). The score stands in for the overlap of the two jobs that the slotting rules use (see
`comparison`): accepting the pair (`editing.decide_match`) makes it one continuing post, and the
impact that follows is the one given here: slotted in on the same grade, matched with assessment
one grade apart, ring-fenced further apart; competitive when several holders are likely for one post.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import ImpactChoice, PostStatus, Structure
from .comparison import accepted_matches, grade_steps
from .matching import pair_score, shares_a_word, title_likeness

LIKELY_SCORE = 0.3
"""Below this a new post is too unlike the deleted one to suggest."""
SIMILAR_TITLE = 0.5
"""A post further than one grade away is suggested only with a title at least this alike, in the same group."""
MOST = 3
"""At most this many likely matches a deleted post."""


@dataclass(frozen=True)
class LikelyMatch:
    before: str
    """The deleted post's id."""
    after: str
    """The new post's id."""
    overlap: float
    """The estimated share of the old job in the new one, in per cent (the likeness score)."""
    grade_gap: int | None
    """Grades apart (0 the same), None when the grades cannot be ranked."""
    impact: ImpactChoice
    reason: str

    @property
    def impact_words(self) -> str:
        return IMPACT_WORDS[self.impact]

    def as_dict(self) -> dict[str, object]:
        return {"before": self.before, "after": self.after, "overlap": round(self.overlap),
                "grade_gap": self.grade_gap, "impact": self.impact.value, "reason": self.reason}


IMPACT_WORDS = {ImpactChoice.ASSIMILATE: "slot in", ImpactChoice.MATCH: "match with assessment",
                ImpactChoice.RING_FENCE: "ring-fenced, competitive selection"}


def likely_matches(before: Structure, after: Structure) -> dict[str, list[LikelyMatch]]:
    """Deleted post id → its likely matches, best first (only deleted posts with a holder that have some)."""
    ours_before = {pid: p for pid, p in before.posts.items() if p.context is None}
    ours_after = {pid: p for pid, p in after.posts.items() if p.context is None}
    taken = accepted_matches(before, after)
    matched_new = set(taken.values())
    deleted = [p for pid, p in ours_before.items() if pid not in ours_after and pid not in taken
               and p.status is not PostStatus.VACANT]
    new = [p for pid, p in ours_after.items() if pid not in ours_before and pid not in matched_new]
    steps = grade_steps(before, after)
    found: dict[str, list[LikelyMatch]] = {}
    for old in deleted:
        candidates = []
        for post in new:
            gap = _gap(steps, old.grade, post.grade)
            scored = pair_score(before, after, old, post)
            title = title_likeness(old.title, post.title)
            near = gap is not None and gap <= 1
            alike = title >= SIMILAR_TITLE and _same_group(before, after, old.group, post.group)
            if scored.score < LIKELY_SCORE or not shares_a_word(old.title, post.title) or not (near or alike):
                continue
            candidates.append((scored.score, post.id, gap, scored.reason))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        if candidates:
            found[old.id] = [LikelyMatch(old.id, pid, score * 100, gap, _impact(gap), reason)
                             for score, pid, gap, reason in candidates[:MOST]]
    _competitive(found)
    return found


def _impact(gap: int | None) -> ImpactChoice:
    """What the slotting rules make of the pair once accepted as one continuing post."""
    if gap == 0:
        return ImpactChoice.ASSIMILATE
    if gap == 1:
        return ImpactChoice.MATCH
    return ImpactChoice.RING_FENCE


def _competitive(found: dict[str, list[LikelyMatch]]) -> None:
    """A new post that is the best likely match of several holders goes to competitive selection."""
    best: dict[str, list[str]] = {}
    for old, matches in found.items():
        best.setdefault(matches[0].after, []).append(old)
    for new, olds in best.items():
        if len(olds) < 2:
            continue
        for old in olds:
            first = found[old][0]
            found[old][0] = LikelyMatch(first.before, first.after, first.overlap, first.grade_gap,
                                        ImpactChoice.RING_FENCE,
                                        f"{first.reason}; {len(olds)} holders are likely for this one post")


def _gap(steps: dict[str, int], old: str | None, new: str | None) -> int | None:
    if old is not None and old == new:
        return 0
    if old in steps and new in steps:
        return abs(steps[old] - steps[new])
    return None


def _same_group(before: Structure, after: Structure, old: str | None, new: str | None) -> bool:
    if old is None or new is None:
        return False
    names = (before.groups[old].name if old in before.groups else old,
             after.groups[new].name if new in after.groups else new)
    return names[0].strip().lower() == names[1].strip().lower()
