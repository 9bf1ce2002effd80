"""One comparison of two structures, everything the compare view shows (no Qt here)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...analysis import Analysis, FinanceSummary, PostChange, compare
from ...analysis.basis import Basis, BasisWarning, costed_comparison
from ...analysis.likely import LikelyMatch, likely_matches
from ...model import ImpactChoice, Structure
from ...presentation.chartstyle import CHANGE_STYLES


@dataclass(frozen=True)
class ComparisonResult:
    before: Structure
    after: Structure
    changes: list[PostChange]
    finance: FinanceSummary
    layers_before: dict[int, int]
    """Posts per layer, the top layer numbered 1."""
    layers_after: dict[int, int]
    spans_before: dict[int, int]
    """How many managers have each span (managers with at least one line report)."""
    spans_after: dict[int, int]
    basis: Basis = Basis.AFTER
    """The basis both structures are costed on (see `analysis.basis`)."""
    basis_warnings: tuple[BasisWarning, ...] = ()
    """How the two structures' own cost bases differ."""
    basis_note: str = ""
    likely: dict[str, list[LikelyMatch]] | None = None
    """Deleted post id → the new posts its holder could be matched to."""

    def kind_counts(self) -> dict[str, int]:
        """Posts of each change kind, in legend order, leaving out kinds no post has."""
        counts = Counter(kind for change in self.changes for kind in change.kinds)
        return {style.kind: counts[style.kind] for style in CHANGE_STYLES if counts[style.kind]}

    def impact_counts(self, changes: list[PostChange] | None = None) -> Counter[ImpactChoice]:
        return Counter(change.impact for change in (self.changes if changes is None else changes))


def compare_structures(before: Structure, after: Structure, before_analysis: Analysis,
                       after_analysis: Analysis, basis: Basis = Basis.AFTER) -> ComparisonResult:
    costed = costed_comparison(before, after, basis, before_analysis, after_analysis)
    return ComparisonResult(
        before, after, compare(before, after), costed.finance,
        before_analysis.layer_counts(), after_analysis.layer_counts(),
        _span_counts(before_analysis), _span_counts(after_analysis),
        basis, tuple(costed.warnings), costed.note, likely_matches(before, after))


def _span_counts(analysis: Analysis) -> dict[int, int]:
    return dict(sorted(Counter(analysis.spans().values()).items()))


def rule_impact(change: PostChange) -> ImpactChoice:
    """The impact the rules suggest, whatever the user decided."""
    return change.suggested if change.suggested is not None else change.impact

