"""The financial summary of a proposal: before and after, savings, profile, one-off costs, payback.

Counts and costs are of the posts in scope of the restructure (out-of-scope posts, such as a
shared service's head, sit in both structures and would cancel out of the saving anyway).
The saving is the fall in the cost this council pays (net of partner funding); the net saving
is what is left after the set-asides. Each later year of the profile grows by the pay award.

Every figure is in whole pounds (the rule in `model.money`): the costs are sums of posts' costs rounded
to whole pounds, set-asides and one-off costs are rounded as they are read, and each year of the profile
is rounded before the years are added up, so the pack, the window and the text report print figures that
add up and agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Structure
from ..model.money import whole_pounds
from .engine import Analysis

MAX_PAYBACK_YEARS = 50


@dataclass(frozen=True)
class Side:
    posts: int
    fte: float
    cost_gross: float
    cost_net: float

    def as_dict(self) -> dict[str, float]:
        return {"posts": self.posts, "fte": round(self.fte, 4), "cost_gross": round(self.cost_gross, 2),
                "cost_net": round(self.cost_net, 2)}


@dataclass(frozen=True)
class FinanceSummary:
    before: Side
    after: Side
    saving_gross: float
    set_asides: list[tuple[str, float]]
    saving_net: float
    profile: list[float]
    one_off_costs: list[tuple[str, float]]
    payback_years: float | None

    @property
    def grows(self) -> bool:
        """Whether the profile's years differ (a pay award makes each later year's saving larger)."""
        return len(set(self.profile)) > 1

    @property
    def profile_total(self) -> float:
        return sum(self.profile)

    @property
    def one_off_total(self) -> float:
        return sum(amount for _, amount in self.one_off_costs)


def side(analysis: Analysis) -> Side:
    totals = analysis.totals(in_scope_only=True)
    return Side(totals.posts, totals.fte, totals.gross, totals.net)


def finance_summary(before: Structure, after: Structure, before_analysis: Analysis | None = None,
                    after_analysis: Analysis | None = None) -> FinanceSummary:
    """The proposal's finances; set-asides, one-off costs and the pay award come from `after.proposal`."""
    first = side(before_analysis or Analysis(before))
    second = side(after_analysis or Analysis(after))
    proposal = after.proposal
    saving = first.cost_net - second.cost_net
    set_asides = [(a.label, whole_pounds(a.amount)) for a in proposal.set_asides]
    net = saving - sum(amount for _, amount in set_asides)
    profile = [year_saving(net, proposal.pay_award_rate, year) for year in range(proposal.years)]
    one_offs = [(a.label, whole_pounds(a.amount)) for a in proposal.one_off_costs]
    return FinanceSummary(first, second, saving, set_asides, net, profile, one_offs,
                          payback_period(sum(a for _, a in one_offs), net, proposal.pay_award_rate))


def year_saving(net: float, pay_award_rate: float, year: int) -> float:
    """The net saving in a year of the profile (0 for the first), grown by the pay award, in whole pounds."""
    return whole_pounds(net * (1 + pay_award_rate) ** year)


def payback_period(one_off: float, annual_saving: float, pay_award_rate: float) -> float | None:
    """Years until the savings, growing with the pay award, repay the one-off cost (in part years)."""
    if one_off <= 0:
        return 0.0
    if annual_saving <= 0:
        return None
    remaining = one_off
    for year in range(MAX_PAYBACK_YEARS):
        this_year = year_saving(annual_saving, pay_award_rate, year)
        if this_year <= 0:
            return None
        if remaining <= this_year:
            return year + remaining / this_year
        remaining -= this_year
    return None
