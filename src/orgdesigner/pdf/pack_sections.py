"""The sections of the consultation pack, in the order they are printed.

Each section starts on a new page under its heading, which the contents page lists. A section's
builder takes the pack's `PackData` and returns platypus flowables; every builder honours
`data.redact_names` (names go through `data.holder` and `data.text`).

The two chart sections, "Current structure" and "Proposed structure", belong first in the list
(after the contents): they are built by `pdf/chart.py`'s
`chart_flowables(structure, paper, heading, redact_names)`, which sets its own heading on each
chart page, so they will enter the list with `prints_heading=True`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable

from .pack_data import PackData
from .pack_figures import spans_and_tiers
from .pack_finance import financial_summary
from .pack_findings import findings_appendix
from .pack_tables import changes_table, new_posts, proposed_posts


@dataclass(frozen=True)
class Section:
    title: str
    build: Callable[[PackData], list[Flowable]]
    prints_heading: bool = False
    """True when the builder sets the heading itself; otherwise the pack prints `title` above it."""


SECTIONS: list[Section] = [
    Section("Proposed posts", proposed_posts),
    Section("Changes to current posts", changes_table),
    Section("New posts and selection", new_posts),
    Section("Financial summary", financial_summary),
    Section("Spans of control and tiers", spans_and_tiers),
    Section("Appendix: rule findings", findings_appendix),
]
