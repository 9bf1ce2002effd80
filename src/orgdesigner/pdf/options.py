"""What the user chooses for any PDF: paper, title, author, names withheld, DRAFT, and which part of a chart."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..presentation.selection import ChartSelection
from .paper import Paper


@dataclass(frozen=True)
class PdfOptions:
    paper: Paper = field(default_factory=Paper)
    title: str = ""
    """The chart's heading or the pack's title, and the PDF's title; when empty the structure's
    name for a chart, "Consultation pack" for a pack."""
    author: str = ""
    """Who the document is from (the PDF's author); the organisation when empty."""
    redact_names: bool = False
    """Leave postholder names out everywhere, for documents that are published."""
    draft: bool = False
    """Mark every page DRAFT."""
    date: str = ""
    """Packs: the date on the cover; the proposed structure's date, else today, when empty."""
    selection: ChartSelection = field(default_factory=ChartSelection)
    """Charts: which part of the chart to show (the whole chart by default)."""
