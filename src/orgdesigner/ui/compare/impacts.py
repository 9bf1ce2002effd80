"""Edits for the user's impact decisions, kept in the proposed structure's `proposal.impacts`.

A decision is only stored while it says something: an impact other than the rules' suggestion,
or a reason. Choosing the suggested impact again, with no reason, removes the decision.
"""

from __future__ import annotations

from ...analysis import PostChange
from ...model import ImpactChoice, ImpactOverride, Structure
from ...presentation.chartstyle import IMPACT_STYLES
from ...editing import Edit, edit_proposal
from .result import rule_impact


def choose_impact(after: Structure, change: PostChange, impact: ImpactChoice) -> Edit | None:
    """Set the impact on a post's holder, keeping the reason already given; None if nothing changes."""
    current = after.proposal.impacts.get(change.post)
    reason = current.reason if current is not None else ""
    label = IMPACT_STYLES[impact.value][0].lower()
    return _decide(after, change, impact, reason, f"Set the impact on '{change.title}' to {label}")


def give_reason(after: Structure, change: PostChange, reason: str) -> Edit | None:
    """Record why the impact on a post's holder is what it is; None if nothing changes."""
    if reason.strip() == change.reason:
        return None  # the reason shown, left as it was
    return _decide(after, change, change.impact, reason.strip(), f"Give the reason for the impact on '{change.title}'")


def reset_impacts(after: Structure, changes: list[PostChange]) -> Edit | None:
    """Go back to the rules' suggestion for these posts; None if none of them had a decision."""
    decided = [c for c in changes if c.post in after.proposal.impacts]
    if not decided:
        return None
    impacts = {k: v for k, v in after.proposal.impacts.items() if k not in {c.post for c in decided}}
    noun = f"'{decided[0].title}'" if len(decided) == 1 else f"{len(decided)} posts"
    return edit_proposal(after, f"Reset the impact on {noun} to the suggested one", impacts=impacts)


def _decide(after: Structure, change: PostChange, impact: ImpactChoice, reason: str,
            text: str) -> Edit | None:
    impacts = dict(after.proposal.impacts)
    if impact is rule_impact(change) and not reason:
        impacts.pop(change.post, None)
    else:
        impacts[change.post] = ImpactOverride(impact=impact, reason=reason)
    if impacts == after.proposal.impacts:
        return None
    return edit_proposal(after, text, impacts=impacts)
