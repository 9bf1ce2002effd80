"""A chart on its own as a PDF: the pages `plan.py` decides, with a footer on each."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ...model import Structure
from ...model.fileformat import write_atomically
from ...presentation.chartstyle import MUTED
from ...presentation.redaction import Redactor, redacted_structure
from ..fonts import REGULAR, register_fonts, text_width
from ..options import PdfOptions
from .cards import fit
from .page import card_facts, draw_chart_page, plan_chart

FOOTER_BAND = 16.0


def chart_pdf(structure: Structure, options: PdfOptions | None = None,
              progress: Callable[[int, int], None] | None = None) -> bytes:
    """The chart of `structure` as PDF bytes; `progress(done, total)` hears of each page drawn."""
    o = options or PdfOptions()
    register_fonts()
    if o.redact_names:
        redactor = Redactor.for_structures(structure)
        structure = redacted_structure(structure, redactor)
        o = replace(o, title=redactor.redact_text(o.title), author=redactor.redact_text(o.author))
    paper = o.paper
    width, height = paper.width - 2 * paper.margin, paper.height - 2 * paper.margin - FOOTER_BAND
    heading = o.title or structure.name
    pages = plan_chart(structure, width, height, heading)
    facts = card_facts(structure, o.redact_names)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=paper.page_size, pageCompression=1, initialFontName=REGULAR)
    canvas.setTitle(heading)
    canvas.setAuthor(o.author or structure.organisation or "OrgDesigner")
    canvas.setSubject(f"Organisation chart: {structure.name}")
    canvas.setCreator("OrgDesigner")
    footer = " · ".join(part for part in (structure.organisation, structure.name, structure.date) if part)
    for page in pages:
        draw_chart_page(canvas, page, facts, paper.margin, paper.margin + FOOTER_BAND, width, height,
                        lambda key: key + 1)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(HexColor(MUTED))
        numbering = f"Page {page.key + 1} of {len(pages)}"
        room = width - text_width(numbering, REGULAR, 7.5) - 18
        canvas.drawString(paper.margin, paper.margin, fit(footer, REGULAR, 7.5, room))
        canvas.drawRightString(paper.width - paper.margin, paper.margin, numbering)
        canvas.showPage()
        if progress is not None:
            progress(page.key + 1, len(pages))
    canvas.save()
    return buffer.getvalue()


def write_chart(structure: Structure, path: str | os.PathLike[str], options: PdfOptions | None = None) -> None:
    """Write the chart PDF atomically: an existing file is replaced only by a complete new one."""
    write_atomically(Path(path), chart_pdf(structure, options))
