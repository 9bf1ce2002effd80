"""One way in to every PDF the product makes, for the command line and the window alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from ..model import Structure
from .chartdoc import ChartOptions, chart_pdf
from .pack import PackOptions, pack_pdf
from .paper import Paper

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfOptions:
    paper: Paper = field(default_factory=Paper)
    title: str = ""
    """The chart's heading or the pack's title; a sensible default when empty."""
    author: str = ""
    redact_names: bool = False
    draft: bool = False
    """Packs only: DRAFT on every page."""


def pdf_bytes(structure: Structure, options: PdfOptions, before: Structure | None = None,
              progress: Progress | None = None) -> bytes:
    """The chart of `structure`, or with `before` the consultation pack comparing it with `before`."""
    if before is None:
        return chart_pdf(structure, ChartOptions(options.paper, options.redact_names, options.title, options.author),
                         progress)
    pack = PackOptions(paper=options.paper, author=options.author, draft=options.draft,
                       redact_names=options.redact_names, **({"title": options.title} if options.title else {}))
    return pack_pdf(before, structure, pack, progress)


def page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()
