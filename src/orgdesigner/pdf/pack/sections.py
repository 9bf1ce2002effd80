"""The sections of the consultation pack, in the order they are printed.

Each section starts on a new page, and the contents page lists it. A section's builder takes the
pack's `PackData` and returns platypus flowables; every builder honours `data.redact_names`
(names go through `data.holder` and `data.text`, and the charts leave them off the cards).
The charts come first, as in the councils' own packs (Cambridge: 6.1 current structure, 6.2
proposed structure, 6.3 changes to current posts, 6.4 selection to the new posts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable

from ..chart.flowables import chart_flowables
from .data import PackData
from .figures import spans_and_tiers
from .finance import financial_summary
from .findings import findings_appendix
from .planning import (has_benchmark, has_responsibilities, has_rota, has_statutory, pay_benchmarking_section,
                       responsibilities_section, rota_section, statutory_officers_section)
from .tables import changes_table, new_posts, proposed_posts


@dataclass(frozen=True)
class Section:
    title: str
    build: Callable[[PackData], list[Flowable]]
    prints_heading: bool = False
    """True when the builder sets the heading itself (a chart page); otherwise the pack prints `title` above it."""
    when: Callable[[PackData], bool] | None = None
    """For a section printed only when the structures have its data (a rota, say); None prints it always."""
    new_page: bool = False
    """True to start on a page of its own (a chart); otherwise the section flows on after the one before
    when enough of the page is left, so the pack has no mostly-empty pages."""


def _chart(heading: str, proposed: bool) -> Callable[[PackData], list[Flowable]]:
    """A chart of the pack: both printed at one scale (a department looks the same on both), the proposed
    one marking new, moved and retitled posts as the compare view colours them."""
    def build(data: PackData) -> list[Flowable]:
        return chart_flowables(data.after if proposed else data.before, data.width, data.height, heading,
                               data.redact_names, colours_from=data.before, pages=data.chart_pages(heading, proposed),
                               scale=data.chart_scale(), marks=data.change_marks() if proposed else None)
    return build


SECTIONS: list[Section] = [
    Section("Current structure", _chart("Current structure", proposed=False), prints_heading=True, new_page=True),
    Section("Proposed structure", _chart("Proposed structure", proposed=True), prints_heading=True, new_page=True),
    Section("Proposed posts", proposed_posts, new_page=True),
    Section("Changes to current posts", changes_table),
    Section("New posts and selection", new_posts),
    Section("Financial summary", financial_summary),
    Section("Spans of control and tiers", spans_and_tiers),
    Section("Statutory officers", statutory_officers_section, when=has_statutory),
    Section("Responsibilities", responsibilities_section, when=has_responsibilities),
    Section("Rota", rota_section, when=has_rota),
    Section("Pay benchmarking", pay_benchmarking_section, when=has_benchmark),
    Section("Appendix: rule findings", findings_appendix),
]
