"""Deciding a suggested match: the user accepts or rejects a pair of a deleted and a new post.

The decision is kept in the proposed structure's proposal (`Proposal.matches`); an accepted pair is
compared as one continuing post (see `analysis.comparison`)."""

from __future__ import annotations

from ..model import EditRefused, MatchDecision, Structure
from .edit import Plan, builder
from .operations import UpdateProposal


@builder
def decide_match(structure: Structure, /, before: str, after: str, accepted: bool | None) -> Plan:
    """Accept (True) or reject (False) the pair of current post `before` and proposed post `after`,
    or forget the decision (None). `structure` is the proposed structure."""
    if after not in structure.posts:
        raise EditRefused(f"there is no post with id {after!r} in the proposed structure")
    if accepted is not None and before in structure.posts:
        raise EditRefused(f"{before!r} is still a post in the proposed structure, so it needs no match")
    kept = [m for m in structure.proposal.matches if m.before != before and m.after != after]
    title = structure.posts[after].title
    if accepted is None:
        text = f"Undecide the match for '{title}'"
    else:
        kept.append(MatchDecision(before=before, after=after, accepted=accepted))
        text = f"{'Accept' if accepted else 'Reject'} the match of {before} with '{title}'"
    return Plan(text, [UpdateProposal({"matches": kept})])
