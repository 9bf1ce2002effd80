"""One way in to every PDF the product makes, for the command line and the window alike."""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2 as pdfium

from ..model import Structure
from .chart.document import chart_pdf
from .options import PdfOptions
from .pack.document import pack_pdf

Progress = Callable[[int, int], None]

__all__ = ["PdfOptions", "page_count", "pdf_bytes"]


def pdf_bytes(structure: Structure, options: PdfOptions, before: Structure | None = None,
              progress: Progress | None = None) -> bytes:
    """The chart of `structure`, or with `before` the consultation pack comparing it with `before`."""
    if before is None:
        return chart_pdf(structure, options, progress)
    return pack_pdf(before, structure, options, progress)


def page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()
