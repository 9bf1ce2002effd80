"""The consultation pack: one PDF with a cover, contents, every section of `sections.py`, and
"Page x of y" on each page.

Built with platypus: `multiBuild` runs the story until the contents page's page numbers and the
page total printed in every footer have settled. Text is vector and selectable, set in the
embedded DejaVu fonts; the document's title and author are set in its metadata. The file is
written atomically.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate
from reportlab.platypus.doctemplate import IndexingFlowable
from reportlab.platypus.tableofcontents import TableOfContents

from ...model import Structure
from ...model.fileformat import write_atomically
from ...presentation.chartstyle import INK, MUTED
from ..fonts import BOLD, REGULAR, register_fonts
from ..options import PdfOptions
from ..draft import draw_draft_mark
from ..styles import BODY_SIZE, DRAFT_RED, NOTE_SIZE, RULE, Markup, esc, house_table, para, styles
from .cover import cover, draw_cover_band
from .data import FOOTER_ROOM, PackData, frame_height, frame_width, readable_date, today
from .sections import SECTIONS

Progress = Callable[[int, int], None]
CONTENTS = "Contents"
DEFAULT_TITLE = "Consultation pack"
PAGE_ENDED = "PackPageEnded"


def write_pack(before: Structure, after: Structure, path: str | os.PathLike[str], options: PdfOptions | None = None,
               progress: Progress | None = None) -> None:
    """Write the consultation pack comparing `before` with `after` to `path` (OSError if it cannot be written)."""
    write_atomically(Path(path), pack_pdf(before, after, options or PdfOptions(), progress))


def pack_pdf(before: Structure, after: Structure, options: PdfOptions, progress: Progress | None = None) -> bytes:
    register_fonts()
    data = PackData(before, after, options.paper, options.redact_names)
    steps = len(SECTIONS) + 2
    report = progress or (lambda done, total: None)
    title = data.text(options.title or DEFAULT_TITLE)
    author = data.text(options.author) or data.organisation or "OrgDesigner"
    date = readable_date(options.date or after.date) or today()
    story: list[Flowable] = cover(data, title, date, data.text(options.author))
    story += [NextPageTemplate("body"), PageBreak(), SectionMark(CONTENTS, "contents", in_contents=False),
              para(CONTENTS, styles().h1), _about(data), Contents()]
    report(1, steps)
    for index, section in enumerate(SECTIONS, start=2):
        if section.when is not None and not section.when(data):
            continue
        story += [PageBreak(), SectionMark(section.title, f"section-{index}")]
        if not section.prints_heading:
            story.append(para(section.title, styles().h1))
        story += section.build(data)
        report(index, steps)
    buffer = io.BytesIO()
    footer = " · ".join(part for part in (data.organisation, title) if part)
    total = PageTotal()
    document = _PackDocument(buffer, options, footer, total, title=title, author=author,
                             subject=f"{data.text(before.name)} and {data.text(after.name)}", creator="OrgDesigner")
    document.multiBuild([total, *story])
    report(steps, steps)
    return buffer.getvalue()


def _about(data: PackData) -> Flowable:
    text = (f"This pack sets out the current structure ({data.text(data.before.name)}) and the proposed one "
            f"({data.text(data.after.name)}): the posts, the changes and their impact on postholders, the "
            "finances, and the shape of the structure.")
    if data.redact_names:
        text += " Postholder names are left out of this edition."
    return para(text, styles().body)


class Contents(TableOfContents):
    """The contents as a ruled two-column table, each title and its page number linked to the section.

    reportlab's own draws the dot leaders and page numbers from a callback before the title, so
    text extraction (and a screen reader) met the number first; here the title comes first.
    """

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        s = styles()
        rows = [[para(Markup(f'<a href="#{key}">{esc(text)}</a>'), s.toc),
                 para(Markup(f'<a href="#{key}">{number}</a>'), s.toc_page)]
                for _, text, number, key in self._lastEntries] or [["", ""]]
        self._table = house_table(rows, [available_width - 40, 40], [
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
        self.width, self.height = self._table.wrapOn(self.canv, available_width, available_height)
        return self.width, self.height


class PageTotal(IndexingFlowable):
    """Takes no room: counts the pages of each pass, and asks `multiBuild` for another pass until the
    count is the same twice, so the "of y" printed on every page is the final total."""

    def __init__(self) -> None:
        super().__init__()
        self.previous: int | None = None
        self.current = 0

    def beforeBuild(self) -> None:
        self.previous, self.current = (self.current or None), 0

    def notify(self, kind: str, stuff: Any) -> None:
        if kind == PAGE_ENDED:
            self.current = stuff

    def isSatisfied(self) -> bool:
        return self.previous == self.current

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        """Nothing to draw."""


class SectionMark(Flowable):
    """Takes no room: marks where a section starts, for the contents, the PDF outline and the page header."""

    def __init__(self, title: str, key: str, in_contents: bool = True) -> None:
        super().__init__()
        self.title, self.key, self.in_contents = title, key, in_contents

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


class _PackDocument(BaseDocTemplate):
    def __init__(self, target: Any, options: PdfOptions, footer: str, total: PageTotal, **metadata: str) -> None:
        paper = options.paper
        super().__init__(target, pagesize=paper.page_size, leftMargin=paper.margin, rightMargin=paper.margin,
                         topMargin=paper.margin, bottomMargin=paper.margin, initialFontName=REGULAR,
                         initialFontSize=BODY_SIZE, lang="en-GB", **metadata)
        self.options, self.footer, self.total, self.section = options, footer, total, ""
        frame = Frame(paper.margin, paper.margin + FOOTER_ROOM, frame_width(paper), frame_height(paper), id="text",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [frame], onPage=self._cover_page, onPageEnd=self._page_end),
            PageTemplate("body", [frame], onPage=self._body_page, onPageEnd=self._page_end),
        ])

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, SectionMark):
            self.section = flowable.title
            if flowable.in_contents:
                self.notify("TOCEntry", (0, flowable.title, self.page, flowable.key))

    def _cover_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        draw_cover_band(canvas, *self.options.paper.page_size)
        self._watermark(canvas)

    def _body_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        self._watermark(canvas)

    def _watermark(self, canvas: Canvas) -> None:
        if not self.options.draft:
            return
        draw_draft_mark(canvas, 0, 0, *self.options.paper.page_size)

    def _page_end(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        """The running header (the section) and the footer, with the page total of the last pass."""
        paper = self.options.paper
        right = paper.width - paper.margin
        self.notify(PAGE_ENDED, self.page)
        canvas.saveState()
        canvas.setFont(REGULAR, NOTE_SIZE)
        canvas.setFillColor(colors.HexColor(MUTED))
        canvas.drawString(paper.margin, paper.margin, self.footer)
        canvas.setFillColor(colors.HexColor(INK))
        canvas.drawRightString(right, paper.margin, f"Page {self.page} of {self.total.previous or self.page}")
        canvas.setFillColor(colors.HexColor(MUTED))
        if self.page > 1:
            top = paper.height - paper.margin + 2
            canvas.drawString(paper.margin, top, self.section)
            if self.options.draft:
                canvas.setFillColor(colors.HexColor(DRAFT_RED))
                canvas.setFont(BOLD, NOTE_SIZE)
                canvas.drawRightString(right, top, "DRAFT")
            canvas.setStrokeColor(colors.HexColor(RULE))
            canvas.setLineWidth(0.5)
            canvas.line(paper.margin, top - 4, right, top - 4)
        canvas.restoreState()
