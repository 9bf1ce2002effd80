"""The financial summary: before and after, the saving gross and net, profile, one-off costs, payback,
and (as Leicester's report sets it out) the posts and cost of each tier before and after."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from ...analysis import Analysis
from ...model import CostBasis, Structure
from ...model.money import change, percent
from ...presentation.figures import fte_change, fte_text, payback_text, rounded_change, set_aside
from ..styles import (Column, Row, block_width, bold, data_table, lines, money_or_dash, muted, para, side_by_side,
                      styles, total_row)
from .data import PackData

_BASIS = {CostBasis.TOP: "at the top of the grade", CostBasis.MID: "at the middle of the grade",
          CostBasis.BOTTOM: "at the bottom of the grade"}


def financial_summary(data: PackData) -> list[Flowable]:
    s, settings = styles(), data.after.settings
    # the on-cost rate is said once, in `basis_text`
    basis = (f"Posts are costed at their salary where one is recorded, otherwise {_BASIS[settings.cost_basis]}. "
             f"{data.basis_text} Figures are for posts in scope of the review and a full year; the cost to the "
             "council leaves out the shares partners pay. Each post's cost is rounded to the nearest pound and every "
             "total and saving is added up from those rounded costs (each year of the profile is rounded too), so "
             "the tables add up as printed.")
    width = block_width(data.width, 2)
    left = _before_after(data, width) + _saving(data, width)
    right = _profile(data, width) + _one_off(data, width)
    blocks = [left, right] if right else [left]
    warnings = [para(f"\u26a0 The two files are costed differently: {data.text(w.message)}.", s.note)
                for w in data.warnings]
    out = [para(basis, s.body), *warnings, *side_by_side(blocks, data.width, data.height)]
    if data.has_tiers:
        out.append(KeepTogether([para("Posts and cost by tier", s.h2), tier_table(data)]))
    return out



def _before_after(data: PackData, width: float) -> list[Flowable]:
    b, a = data.finance.before, data.finance.after
    columns = [Column("", 0.37), Column("Current", 0.21, True), Column("Proposed", 0.21, True),
               Column("Change", 0.21, True)]
    rows = [
        Row(["Posts", f"{b.posts}", f"{a.posts}", rounded_change(b.posts, a.posts, 0)]),
        Row(["FTE", fte_text(b.fte), fte_text(a.fte), fte_change(b.fte, a.fte)]),
        Row(["Cost", money_or_dash(b.cost_gross), money_or_dash(a.cost_gross), change(a.cost_gross - b.cost_gross)]),
        Row(["Cost to the council", money_or_dash(b.cost_net), money_or_dash(a.cost_net), change(a.cost_net - b.cost_net)]),
    ]
    return [para("Before and after", styles().h2), data_table(columns, rows, width)]


def _saving(data: PackData, width: float) -> list[Flowable]:
    f = data.finance
    rows = [Row([lines(bold("Gross saving"), muted("the fall in the cost to the council")),
                 money_or_dash(f.saving_gross)])]
    rows += [Row([lines("Set aside", muted(data.text(label))), set_aside(amount)]) for label, amount in f.set_asides]
    rows.append(total_row(["Net saving", money_or_dash(f.saving_net)]))
    return [para("Saving", styles().h2), data_table([Column("", 0.70), Column("A year", 0.30, True)], rows, width)]


def _profile(data: PackData, width: float) -> list[Flowable]:
    f, s = data.finance, styles()
    if len(f.profile) < 2:
        return []
    rate = data.after.proposal.pay_award_rate
    grows = (f", growing each year with a pay award of {percent(rate)}" if f.grows
             else ", the same each year" + ("" if rate else ": the proposal sets no pay award"))
    rows = [Row([f"Year {year}", money_or_dash(amount)]) for year, amount in enumerate(f.profile, start=1)]
    rows.append(total_row([f"Over {len(f.profile)} years", money_or_dash(f.profile_total)]))
    return [para("Savings profile", s.h2), data_table([Column("", 0.70), Column("Net saving", 0.30, True)], rows, width),
            para(f"The net saving year by year{grows}.", s.note)]


def _one_off(data: PackData, width: float) -> list[Flowable]:
    f, s = data.finance, styles()
    if not f.one_off_costs:
        return []
    rows = [Row([data.text(label), money_or_dash(amount)]) for label, amount in f.one_off_costs]
    rows.append(total_row(["Total one-off costs", money_or_dash(f.one_off_total)]))
    rate = data.after.proposal.pay_award_rate
    savings = f"the net savings (growing with the pay award of {percent(rate)})" if rate else "the net savings"
    payback = ("The net savings never repay the one-off costs." if f.payback_years is None
               else f"Payback period: {payback_text(f.payback_years)}, the time {savings} take to repay the one-off "
                    "costs.")
    return [para("One-off costs and payback", s.h2),
            data_table([Column("", 0.70), Column("Amount", 0.30, True)], rows, width), para(payback, s.after_table)]


def tier_totals(structure: Structure, analysis: Analysis) -> dict[str | None, tuple[int, float]]:
    """Posts in scope and their cost to the council, by tier."""
    totals: dict[str | None, tuple[int, float]] = {}
    for post in structure.posts.values():
        if post.in_scope:
            count, cost = totals.get(post.tier, (0, 0.0))
            totals[post.tier] = (count + 1, cost + analysis.cost(post.id).net)
    return totals


def tier_name(analysis: Analysis, tier: str | None) -> str:
    if tier is None:
        return "No tier"
    known = analysis.rules.tiers.get(tier)
    return f"Tier {tier} \u2013 {known.name}" if known else f"Tier {tier}"


def tier_table(data: PackData) -> Flowable:
    before = tier_totals(data.before, data.before_analysis)
    after = tier_totals(data.after, data.after_analysis)
    rules = data.after_analysis.rules

    def rank(tier: str | None) -> tuple[float, str]:
        value = rules.rank(tier)
        return (value if value is not None else float("inf"), tier or "")
    columns = [Column("Tier", 0.34), Column("Current posts", 0.12, True), Column("Current cost", 0.15, True),
               Column("Proposed posts", 0.12, True), Column("Proposed cost", 0.15, True), Column("Saving", 0.12, True)]
    rows = []
    for tier in sorted(set(before) | set(after), key=rank):
        (bn, bc), (an, ac) = before.get(tier, (0, 0.0)), after.get(tier, (0, 0.0))
        rows.append(Row([tier_name(data.after_analysis, tier), f"{bn}", money_or_dash(bc) if bn else "\u2013",
                         f"{an}", money_or_dash(ac) if an else "\u2013", money_or_dash(bc - ac)]))
    f = data.finance
    rows.append(total_row(["Total", f"{f.before.posts}", money_or_dash(f.before.cost_net), f"{f.after.posts}",
                           money_or_dash(f.after.cost_net), money_or_dash(f.saving_gross)]))
    return data_table(columns, rows, data.width)
