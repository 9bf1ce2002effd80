"""What a post costs: salary basis × FTE × (1 + on-cost rate) × the share this organisation pays."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CostBasis, PayScale, Post, Settings


@dataclass(frozen=True)
class Cost:
    gross: float
    net: float

    def __add__(self, other: "Cost") -> "Cost":
        return Cost(self.gross + other.gross, self.net + other.net)

    def __sub__(self, other: "Cost") -> "Cost":
        return Cost(self.gross - other.gross, self.net - other.net)


ZERO = Cost(0.0, 0.0)


def grade_point(scale: PayScale, basis: CostBasis) -> float:
    if basis is CostBasis.TOP:
        return scale.max
    if basis is CostBasis.BOTTOM:
        return scale.min
    return (scale.min + scale.max) / 2


def salary_basis(post: Post, scales: dict[str, PayScale], settings: Settings) -> float | None:
    """The full-time annual salary a post is costed at, or None when nothing says what it is."""
    if post.salary is not None:
        return post.salary
    scale = scales.get(post.grade) if post.grade is not None else None
    if scale is None:
        return None
    return grade_point(scale, settings.cost_basis)


def own_share(post: Post) -> float:
    """The share of the cost the structure's own organisation pays (partners pay the rest)."""
    return max(0.0, 1.0 - sum(post.funding.values()))


def share_of(post: Post, organisation: str, own_organisation: str) -> float:
    """The share a named organisation pays for a post."""
    if organisation == own_organisation:
        return own_share(post)
    return post.funding.get(organisation, 0.0)


def post_cost(post: Post, scales: dict[str, PayScale], settings: Settings) -> Cost:
    basis = salary_basis(post, scales, settings)
    if basis is None:
        return ZERO
    gross = basis * post.fte * (1.0 + settings.on_cost_rate)
    return Cost(gross, gross * own_share(post))


def pay_ceiling(post: Post, scales: dict[str, PayScale]) -> float | None:
    """The most the post can be paid (full time): its salary, else the top of its grade."""
    if post.salary is not None:
        return post.salary
    scale = scales.get(post.grade) if post.grade is not None else None
    return scale.max if scale is not None else None
