"""How the pack words a change to a post and its impact, in the phrasing councils' tables use.

Cambridge's table: "Post deleted → At Risk and Ring Fence for new roles"; "Change of reporting
line to AD Assets & Development, change of title to Head of Homes & Regeneration → Slotting in".
The kinds and impacts themselves come from analysis/comparison.py; this only phrases them.
"""

from __future__ import annotations

from collections import Counter

from ..analysis.comparison import DELETED, FTE_CHANGED, MOVED, REGRADED, RETITLED, TIER_CHANGED, UNCHANGED, PostChange
from ..analysis.likely import LikelyMatch
from ..model import ImpactChoice, Structure
from .money import money

IMPACT_LABELS = {
    ImpactChoice.AT_RISK: "At risk, and ring-fenced for the new posts",
    ImpactChoice.RING_FENCE: "Ring-fenced selection, with assessment",
    ImpactChoice.MATCH: "Matched, with assessment",
    ImpactChoice.ASSIMILATE: "Slotting in",
    ImpactChoice.VACANT: "None: the post is vacant",
    ImpactChoice.NONE: "None",
}

_COUNTED = [(ImpactChoice.AT_RISK, "at risk"), (ImpactChoice.RING_FENCE, "in a ring-fenced selection"),
            (ImpactChoice.MATCH, "matched"), (ImpactChoice.ASSIMILATE, "slotting in"),
            (ImpactChoice.NONE, "not affected")]

SELECTION_LABELS = {
    ImpactChoice.ASSIMILATE: "Slotting in",
    ImpactChoice.MATCH: "Matched",
    ImpactChoice.RING_FENCE: "Ring-fenced",
    ImpactChoice.AT_RISK: "Ring-fenced",
    ImpactChoice.VACANT: "Ring-fenced",
    ImpactChoice.NONE: "No change",
}
"""How a post of the proposed structure is filled, by the impact on its (current) holder."""


def proposed_action(change: PostChange, before: Structure, after: Structure) -> str:
    """What happens to a current post: 'Post deleted', or its changes joined in one sentence."""
    if DELETED in change.kinds:
        return "Post deleted"
    old, new = change.before, change.after
    assert old is not None and new is not None
    parts: list[str] = []
    manager = after.posts.get(new.reports_to) if new.reports_to else None
    new_manager = MOVED in change.kinds and old.reports_to != new.reports_to
    if new_manager:
        parts.append(f"change of line management to {manager.title}" if manager else "no longer line managed")
    # Joining the new line manager's own group (or a group inside it) goes without saying.
    joins_manager = (new_manager and manager is not None and new.group in after.groups
                     and manager.group in after.group_chain(new.group))
    if MOVED in change.kinds and old.group != new.group and not joins_manager:
        group = after.groups.get(new.group) if new.group else None
        parts.append(f"moves to {group.name}" if group else "no longer in a group")
    if RETITLED in change.kinds:
        parts.append(f"change of title to {new.title}")
    if REGRADED in change.kinds:
        if old.grade != new.grade:
            parts.append(f"regraded from {old.grade or 'no grade'} to {new.grade or 'no grade'}")
        else:
            parts.append(f"salary from {_salary(old.salary)} to {_salary(new.salary)}")
    if FTE_CHANGED in change.kinds:
        parts.append(f"hours from {old.fte:g} to {new.fte:g} FTE")
    if TIER_CHANGED in change.kinds:
        parts.append(f"tier from {old.tier or 'none'} to {new.tier or 'none'}")
    if change.kinds == [UNCHANGED]:
        parts.append("no change")
    if not old.in_scope and not new.in_scope:
        parts.insert(0, "out of scope of the review")
    sentence = "; ".join(parts)
    return sentence[:1].upper() + sentence[1:]


def impact_summary(changes: list[PostChange]) -> str:
    """'10 postholders at risk, 2 slotting in, 1 vacant post deleted' for a table's footnote."""
    counts = Counter(c.impact for c in changes)
    parts = [f"{counts[impact]} {'postholder' if counts[impact] == 1 else 'postholders'} {words}"
             for impact, words in _COUNTED if counts[impact]]
    vacant = counts[ImpactChoice.VACANT]
    if vacant:
        parts.append(f"{vacant} vacant {'post' if vacant == 1 else 'posts'}")
    return ", ".join(parts)


def _salary(amount: float | None) -> str:
    return "the grade" if amount is None else money(amount)


def impact_note(change: PostChange, after: Structure) -> str:
    """The reason behind an impact when it says more than the label: the user's own, or where the job goes."""
    decided = after.proposal.impacts.get(change.post)
    if decided is not None and decided.reason:
        return change.reason
    if change.suggested is not None:
        return change.reason
    if change.destinations and change.impact in (ImpactChoice.ASSIMILATE, ImpactChoice.MATCH):
        return "Into " + ", ".join(after.posts[d].title for d in change.destinations if d in after.posts)
    return ""


def likely_phrase(match: LikelyMatch, after: Structure) -> str:
    """'Likely match: Head of Digital and Transformation (one grade apart, 42% alike: match with assessment)'."""
    gap = {0: "same grade", 1: "one grade apart", None: "grades not comparable"}.get(
        match.grade_gap, f"{match.grade_gap} grades apart")
    title = after.posts[match.after].title if match.after in after.posts else match.after
    return f"Likely match: {title} ({gap}, {match.overlap:.0f}% alike: {match.impact_words})"

