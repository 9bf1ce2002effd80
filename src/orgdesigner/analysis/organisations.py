"""What each organisation pays for a structure's posts: the structure's own and its funding partners."""

from __future__ import annotations

from ..model import Structure
from .costing import share_of
from .engine import Analysis

OWN = "This organisation"
"""Names the structure's own organisation when the structure does not say who it is."""


def cost_by_organisation(structure: Structure, analysis: Analysis | None = None) -> dict[str, float]:
    """Gross cost of the posts (with on-costs) split by who pays: the structure's own organisation
    first, then each partner in the order first named. Context posts count for nobody."""
    analysis = analysis or Analysis(structure)
    own = structure.organisation or OWN
    posts = [p for p in structure.posts.values() if p.context is None]
    names = list(dict.fromkeys([own, *(org for p in posts for org in p.funding)]))
    totals = dict.fromkeys(names, 0.0)
    for post in posts:
        gross = analysis.cost(post.id).gross
        for name in names:
            totals[name] += gross * share_of(post, name, own)
    return totals
