"""What each organisation pays for a structure's posts: the structure's own and its funding partners."""

from __future__ import annotations

from ..model import Structure
from ..model.money import whole_pounds
from .engine import Analysis

OWN = "This organisation"
"""Names the structure's own organisation when the structure does not say who it is."""


def cost_by_organisation(structure: Structure, analysis: Analysis | None = None) -> dict[str, float]:
    """Gross cost of the posts (with on-costs) split by who pays: the structure's own organisation
    first, then each partner in the order first named. Context posts count for nobody.

    In whole pounds, adding up: the own organisation pays each post's net cost; each partner its share of
    the gross cost rounded to whole pounds, the last partner named on a post what is left, so the shares of
    a post add up to its gross cost."""
    analysis = analysis or Analysis(structure)
    own = structure.organisation or OWN
    posts = [p for p in structure.posts.values() if p.context is None]
    names = list(dict.fromkeys([own, *(org for p in posts for org in p.funding)]))
    totals = dict.fromkeys(names, 0.0)
    for post in posts:
        cost = analysis.cost(post.id)
        totals[own] += cost.net
        left = cost.gross - cost.net
        for index, name in enumerate(post.funding):
            amount = left if index == len(post.funding) - 1 else min(left, whole_pounds(cost.gross * post.funding[name]))
            totals[name] += amount
            left -= amount
    return totals
