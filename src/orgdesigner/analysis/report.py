"""The figures and findings of a structure as one plain dict (what `orgdesigner check --json` prints)."""

from __future__ import annotations

from typing import Any

from ..model import Scenarios, Structure
from .comparison import PostChange
from .engine import Analysis
from .finance import FinanceSummary


def check_report(structure: Structure, analysis: Analysis | None = None) -> dict[str, Any]:
    analysis = analysis or Analysis(structure)
    totals = analysis.totals()
    by_group = analysis.totals_by_group()
    return {
        "name": structure.name,
        "posts": totals.posts,
        "posts_in_scope": analysis.totals(in_scope_only=True).posts,
        "fte": round(totals.fte, 4),
        "vacant_posts": totals.vacant,
        "pay_not_disclosed": totals.pay_withheld,
        "junior_fte": round(totals.junior_fte, 4),
        "junior_cost": _money(totals.junior_cost),
        "cost": {
            "gross": _money(totals.gross),
            "net": _money(totals.net),
            "by_group": {structure.groups[gid].name: _money(t.net) for gid, t in by_group.items()},
            "by_tier": {(tier or "untiered"): _money(t.net) for tier, t in sorted(
                analysis.totals_by_tier().items(), key=lambda item: _tier_sort(analysis, item[0]))},
        },
        "spans": analysis.spans(),
        "max_span": analysis.max_span(),
        "layers": analysis.layers(),
        "findings": [f.as_dict() for f in analysis.findings()],
    }


def scenarios_report(scenarios: Scenarios) -> dict[str, Any]:
    """What `orgdesigner scenarios --json` prints: each scenario's headline figures, in file order."""
    rows = []
    for structure in scenarios:
        try:
            totals = Analysis(structure).totals()
        except ValueError as exc:  # an unknown rule in the scenario's settings
            raise ValueError(f"scenario {structure.scenario!r}: {exc}") from None
        rows.append({"name": structure.scenario, "baseline": structure is scenarios.baseline,
                     "posts": totals.posts, "fte": round(totals.fte, 4), "cost_net": _money(totals.net)})
    return {"baseline": scenarios.baseline.scenario, "scenarios": rows}


def _money(amount: float) -> float:
    return round(amount + 0.0, 2)


def _tier_sort(analysis: Analysis, tier: str | None) -> tuple[float, str]:
    rank = analysis.rules.rank(tier)
    return (rank if rank is not None else float("inf"), tier or "")


def comparison_report(changes: list[PostChange], summary: FinanceSummary) -> dict[str, Any]:
    """What `orgdesigner compare --json` prints."""
    return {
        "before": summary.before.as_dict(),
        "after": summary.after.as_dict(),
        "saving": {"gross": _money(summary.saving_gross), "net": _money(summary.saving_net)},
        "set_asides": [{"label": label, "amount": _money(amount)} for label, amount in summary.set_asides],
        "profile": [_money(amount) for amount in summary.profile],
        "one_off_costs": [{"label": label, "amount": _money(amount)} for label, amount in summary.one_off_costs],
        "payback_years": None if summary.payback_years is None else round(summary.payback_years, 2),
        "changes": [change.as_dict() for change in changes],
    }
