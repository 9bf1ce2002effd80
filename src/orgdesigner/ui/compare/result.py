"""One comparison of two structures, everything the compare view shows (no Qt here)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...analysis import Analysis, FinanceSummary, PostChange, compare, finance_summary
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

    def kind_counts(self) -> dict[str, int]:
        """Posts of each change kind, in legend order, leaving out kinds no post has."""
        counts = Counter(kind for change in self.changes for kind in change.kinds)
        return {style.kind: counts[style.kind] for style in CHANGE_STYLES if counts[style.kind]}

    def impact_counts(self, changes: list[PostChange] | None = None) -> Counter[ImpactChoice]:
        return Counter(change.impact for change in (self.changes if changes is None else changes))


def compare_structures(before: Structure, after: Structure, before_analysis: Analysis,
                       after_analysis: Analysis) -> ComparisonResult:
    return ComparisonResult(
        before, after, compare(before, after),
        finance_summary(before, after, before_analysis, after_analysis),
        before_analysis.layer_counts(), after_analysis.layer_counts(),
        _span_counts(before_analysis), _span_counts(after_analysis))


def _span_counts(analysis: Analysis) -> dict[int, int]:
    return dict(sorted(Counter(analysis.spans().values()).items()))


def rule_impact(change: PostChange) -> ImpactChoice:
    """The impact the rules suggest, whatever the user decided."""
    return change.suggested if change.suggested is not None else change.impact

