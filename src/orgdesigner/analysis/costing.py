"""What a post costs: salary basis × FTE × (1 + on-cost rate) × the share this organisation pays.

The salary basis is the post's own salary, else its published pay band, else its grade, each at the
structure's cost basis (top, middle or bottom). A post whose pay is not disclosed has no basis: it is
not costed, and the findings say so, rather than counting as £0. Junior staff under a senior post
are costed apart: the middle of their pay scale × FTE × (1 + on-cost rate).

Each cost is rounded to whole pounds here, once (`model.money.whole_pounds`): the share this organisation
pays is taken of the rounded cost and rounded again, so every total and saving added up from these costs
is the sum of the figures a table prints."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CostBasis, JuniorStaff, PayBand, PayScale, Post, Settings
from ..model.money import whole_pounds


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


def band_point(band: PayBand, basis: CostBasis) -> float:
    if basis is CostBasis.TOP:
        return band.ceiling
    if basis is CostBasis.BOTTOM:
        return band.floor
    return (band.floor + band.ceiling) / 2


def salary_basis(post: Post, scales: dict[str, PayScale], settings: Settings) -> float | None:
    """The full-time annual salary a post is costed at, or None when nothing says what it is
    (no salary, band or costed grade, or pay not disclosed)."""
    if post.pay_withheld:
        return None
    if post.salary is not None:
        return post.salary
    if post.pay_band is not None:
        return band_point(post.pay_band, settings.cost_basis)
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
    gross = whole_pounds(basis * post.fte * (1.0 + settings.on_cost_rate))
    return Cost(gross, whole_pounds(gross * own_share(post)) if post.funding else gross)  # most posts: all our own


def pay_ceiling(post: Post, scales: dict[str, PayScale]) -> float | None:
    """The most the post can be paid (full time): its salary, else its band's ceiling, else the top
    of its grade; None when its pay is not disclosed."""
    if post.pay_withheld:
        return None
    if post.salary is not None:
        return post.salary
    if post.pay_band is not None:
        return post.pay_band.ceiling
    scale = scales.get(post.grade) if post.grade is not None else None
    return scale.max if scale is not None else None


def junior_scale_middle(staff: JuniorStaff) -> float | None:
    """The middle of a junior grade's pay scale, or None when the file gives no scale."""
    if staff.pay_min is None or staff.pay_max is None:
        return None
    return (staff.pay_min + staff.pay_max) / 2


def junior_cost(post: Post, settings: Settings) -> float:
    """What the junior staff under a post cost: each grade's scale middle × FTE × (1 + on-costs).

    Grades published without a pay scale add nothing (their FTE still counts)."""
    salaries = 0.0
    for staff in post.junior:
        middle = junior_scale_middle(staff)
        if middle is not None:
            salaries += middle * staff.fte
    return whole_pounds(salaries * (1.0 + settings.on_cost_rate))
