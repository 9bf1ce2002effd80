"""Like compared with like: whether two structures are costed on the same basis, and recosting them on one.

A saving means something only when before and after are costed the same way. They can differ in
the on-cost rate, the point of the grade a post is costed at (top, middle, bottom), a grade's pay
range (a pay award applied to one file's scales only) and the pay award the profile grows by.
`basis_warnings` names each difference; `on_one_basis` gives both structures costed on one basis:
the proposed structure's ('after', the default), the current one's ('before') or each its own ('own').
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..model import Structure
from ..model.money import money, percent
from .engine import Analysis
from .finance import FinanceSummary, finance_summary

ON_COST_RATE, COST_BASIS, PAY_RANGE, PAY_AWARD = "on_cost_rate", "cost_basis", "pay_range", "pay_award"


class Basis(StrEnum):
    AFTER = "after"
    """Both costed on the proposed structure's basis (the default)."""
    BEFORE = "before"
    """Both costed on the current structure's basis."""
    OWN = "own"
    """Each costed on its own basis, as the files say (differences are only reported)."""


@dataclass(frozen=True)
class BasisWarning:
    kind: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "message": self.message}


def basis_warnings(before: Structure, after: Structure) -> list[BasisWarning]:
    """Each way the two structures' costs are worked out differently, in words."""
    found: list[BasisWarning] = []
    b, a = before.settings, after.settings
    if abs(b.on_cost_rate - a.on_cost_rate) > 1e-9:
        found.append(BasisWarning(ON_COST_RATE, f"on-costs differ: {percent(b.on_cost_rate)} before, "
                                                f"{percent(a.on_cost_rate)} after"))
    if b.cost_basis is not a.cost_basis:
        found.append(BasisWarning(COST_BASIS, f"posts are costed at the {b.cost_basis.value} of their grade "
                                              f"before and the {a.cost_basis.value} after"))
    for code in sorted(before.pay_scales.keys() & after.pay_scales.keys()):
        old, new = before.pay_scales[code], after.pay_scales[code]
        if (old.min, old.max) != (new.min, new.max):
            found.append(BasisWarning(PAY_RANGE, f"grade {code} pays {money(old.min)}–{money(old.max)} before "
                                                 f"and {money(new.min)}–{money(new.max)} after"))
    if abs(before.proposal.pay_award_rate - after.proposal.pay_award_rate) > 1e-9:
        found.append(BasisWarning(PAY_AWARD, f"the pay award differs: {percent(before.proposal.pay_award_rate)} "
                                             f"before, {percent(after.proposal.pay_award_rate)} after (the "
                                             "profile uses the proposal's)"))
    return found


def recosted(structure: Structure, source: Structure) -> Structure:
    """A copy of `structure` costed as `source` is: its on-cost rate, cost basis and the pay ranges of the
    grades both have (grades only `structure` has keep theirs). `structure` itself when nothing differs."""
    shared = structure.pay_scales.keys() & source.pay_scales.keys()
    scales = {code: (source.pay_scales[code] if code in shared else scale)
              for code, scale in structure.pay_scales.items()}
    settings = structure.settings.model_copy(update={"on_cost_rate": source.settings.on_cost_rate,
                                                     "cost_basis": source.settings.cost_basis})
    if settings == structure.settings and scales == structure.pay_scales:
        return structure
    body = structure.model_dump()
    body["settings"] = settings.model_dump()
    body["pay_scales"] = {code: scale.model_dump() for code, scale in scales.items()}
    return Structure.model_validate(body)


def on_one_basis(before: Structure, after: Structure, basis: Basis = Basis.AFTER) -> tuple[Structure, Structure]:
    """The pair costed on `basis`: copies where something changes, never the structures themselves altered."""
    if basis is Basis.AFTER:
        return recosted(before, after), after
    if basis is Basis.BEFORE:
        return before, recosted(after, before)
    return before, after


def basis_note(basis: Basis, warnings: list[BasisWarning]) -> str:
    """What the figures were costed on, when the two bases differ ('' when they agree)."""
    if not [w for w in warnings if w.kind != PAY_AWARD]:
        return ""
    return {Basis.AFTER: "Both structures are costed on the proposed structure's basis.",
            Basis.BEFORE: "Both structures are costed on the current structure's basis.",
            Basis.OWN: "Each structure is costed on its own basis, so the saving does not compare like "
                       "with like."}[basis]


@dataclass(frozen=True)
class CostedComparison:
    finance: FinanceSummary
    warnings: list[BasisWarning]
    basis: Basis

    @property
    def note(self) -> str:
        return basis_note(self.basis, self.warnings)


def costed_comparison(before: Structure, after: Structure, basis: Basis = Basis.AFTER,
                      before_analysis: Analysis | None = None,
                      after_analysis: Analysis | None = None) -> CostedComparison:
    """The finances of `before` → `after` on `basis`, with the differences between their own bases.
    The analyses given are used for a structure that is not recosted."""
    first, second = on_one_basis(before, after, basis)
    summary = finance_summary(first, second,
                              before_analysis if first is before else None,
                              after_analysis if second is after else None)
    return CostedComparison(summary, basis_warnings(before, after), basis)
