"""A chart on its own as a PDF: the pages `plan.py` decides, with a footer on each."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ...model import Structure
from ...model.fileformat import write_atomically
from ...presentation.chartstyle import MUTED
from ...presentation.redaction import Redactor, redacted_structure
from ..fonts import REGULAR, fit, register_fonts, text_width
from ..options import PdfOptions
from ...presentation.selection import Selected, select
from ..draft import draw_draft_mark
from .page import CardFacts, card_facts, draw_chart_page, plan_chart
from .plan import ChartPage

FOOTER_BAND = 16.0


@dataclass(frozen=True)
class ChartSource:
    """What every format of a chart draws from: the chosen part, its heading and its cards' facts."""

    heading: str
    selected: Selected
    facts: CardFacts
    whole: Structure
    """The whole structure as the chart prints it: a copy without names when they are withheld."""
    options: PdfOptions
    """The options as the chart prints them: the title and author without names when they are withheld."""

    @property
    def structure(self) -> Structure:
        return self.selected.structure

    def pages(self, width: float, height: float) -> list[ChartPage]:
        """The chart's pages for a page area of `width` x `height` points (a PDF page, a slide)."""
        return plan_chart(self.structure, width, height, self.heading, self.selected.hidden)


def chart_source(structure: Structure, options: PdfOptions) -> ChartSource:
    """The part of `structure` that `options.selection` chooses, ready to draw; a choice that does
    not fit the structure raises SelectionRefused (a ValueError) naming it. With names withheld,
    everything is drawn from `presentation.redaction` copies: this is the one place every chart
    format (PDF, PNG, SVG, PowerPoint) takes its structure."""
    structure, options = printable(structure, options)
    choice = options.selection
    selected = select(structure, choice)
    heading = options.title or structure.name
    part = choice.describe(structure)
    if part and not options.title:
        heading = f"{heading}: {part}"
    facts = card_facts(selected.structure, options.redact_names, also=None if choice.whole else structure,
                       greyed=selected.greyed, hidden=selected.hidden)
    return ChartSource(heading, selected, facts, structure, options)


def printable(structure: Structure, options: PdfOptions) -> tuple[Structure, PdfOptions]:
    """The structure and options as they are printed: as given, or with names withheld a redacted
    copy of the structure and the title and author redacted."""
    if not options.redact_names:
        return structure, options
    redactor = Redactor.for_structures(structure)
    return (redacted_structure(structure, redactor),
            replace(options, title=redactor.redact_text(options.title), author=redactor.redact_text(options.author)))


def chart_pdf(structure: Structure, options: PdfOptions | None = None,
              progress: Callable[[int, int], None] | None = None) -> bytes:
    """The chart of `structure` as PDF bytes; `progress(done, total)` hears of each page drawn."""
    o = options or PdfOptions()
    register_fonts()
    paper = o.paper
    width, height = paper.width - 2 * paper.margin, paper.height - 2 * paper.margin - FOOTER_BAND
    source = chart_source(structure, o)
    structure, o = source.whole, source.options
    heading, facts = source.heading, source.facts
    pages = source.pages(width, height)
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
        if o.draft:  # over the chart, faint: group boxes would hide a mark drawn under them
            draw_draft_mark(canvas, 0, 0, paper.width, paper.height)
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
