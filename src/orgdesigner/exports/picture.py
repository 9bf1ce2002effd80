"""The chosen part of a chart as one picture: PNG (at a chosen resolution) or SVG (text as text).

The picture is one chart page as big as the chart needs, drawn by the PDF's page drawing
(`draw_chart_page`): onto a reportlab canvas and rendered by pdfium for a PNG, onto `SvgCanvas`
for an SVG. So the cards in a picture are the cards on paper.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from typing import Any

import pypdfium2 as pdfium
from reportlab.pdfgen.canvas import Canvas

from ..layout import compute_layout
from ..model import Structure
from ..pdf.chart.cards import card_height
from ..pdf.chart.document import ChartSource, chart_source
from ..pdf.chart.page import HEADER_BAND, HEADING_SIZE, LEGEND_BAND, draw_chart_page, note_block, page_notes
from ..pdf.chart.plan import CONTINUATION_ALLOWANCE, PRINT_LAYOUT, ChartPage
from ..pdf.draft import draw_draft_mark
from ..pdf.fonts import BOLD, REGULAR, register_fonts, text_width
from ..pdf.options import PdfOptions
from .svgcanvas import SvgCanvas

MARGIN = 18.0
"""Space round the picture, in points."""
MIN_WIDTH = 520.0
"""The legend needs this much width for its two rows; a narrower chart is centred in it."""
STACK_ROWS = 12
"""Most cards in one column of a stack: one picture has no page height to fit, so columns are kept short."""
MAX_PIXELS = 120_000_000
"""A PNG bigger than this (about 11,000 pixels square) is refused rather than filling the memory."""
DEFAULT_DPI = 150


@dataclass(frozen=True)
class Picture:
    """The chart as one page: its size in points and the page drawn at scale 1."""

    source: ChartSource
    page: ChartPage
    width: float
    height: float
    draft: bool

    def draw(self, canvas: Any) -> None:
        """Draw the picture onto a reportlab canvas, or one that draws like it."""
        draw_chart_page(canvas, self.page, self.source.facts, MARGIN, MARGIN, self.width - 2 * MARGIN,
                        self.height - 2 * MARGIN, lambda key: None)
        if self.draft:
            draw_draft_mark(canvas, 0, 0, self.width, self.height)


def chart_picture(structure: Structure, options: PdfOptions) -> Picture:
    """The chosen part of the chart laid out as one page (refuses a choice that does not fit)."""
    register_fonts()
    source = chart_source(structure, options)
    hidden = frozenset(source.selected.hidden)
    height = max((card_height(post) for post in source.structure.posts.values()), default=PRINT_LAYOUT.card_height)
    sizes = replace(PRINT_LAYOUT, card_height=min(height, PRINT_LAYOUT.card_height), stack_rows=STACK_ROWS,
                  continued=hidden)
    layout = compute_layout(source.structure, sizes)
    page = ChartPage(0, source.heading, "", source.structure, layout, 1.0)
    width = max(layout.bounds.width, MIN_WIDTH, text_width(source.heading, BOLD, HEADING_SIZE)) + 2 * MARGIN
    notes = note_block(page_notes(page, lambda key: None), width - 2 * MARGIN)  # the labels' notes, if any
    height = HEADER_BAND + notes.extra + layout.bounds.height + CONTINUATION_ALLOWANCE + LEGEND_BAND + 2 * MARGIN
    return Picture(source, page, width, height, options.draft)


def picture_pixels(picture: Picture, dpi: float) -> tuple[int, int]:
    """The PNG's size in pixels at `dpi` (points are 1/72 inch)."""
    return round(picture.width * dpi / 72), round(picture.height * dpi / 72)


def png_bytes(structure: Structure, options: PdfOptions, dpi: float = DEFAULT_DPI, transparent: bool = False) -> bytes:
    """The picture as PNG at `dpi`, on white or (`transparent`) on nothing."""
    if not 10 <= dpi <= 1200:
        raise ValueError(f"--dpi must be between 10 and 1200, not {dpi:g}")
    picture = chart_picture(structure, options)
    width, height = picture_pixels(picture, dpi)
    if width * height > MAX_PIXELS:
        raise ValueError(f"the picture would be {width:,} × {height:,} pixels at {dpi:g} dpi, too big for one "
                         "image; lower --dpi, or export a part (--branch, --levels, --group), or write SVG or PDF")
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(picture.width, picture.height), initialFontName=REGULAR)
    picture.draw(canvas)
    canvas.showPage()
    canvas.save()
    document = pdfium.PdfDocument(buffer.getvalue())
    try:
        bitmap = document[0].render(scale=dpi / 72, fill_color=(255, 255, 255, 0 if transparent else 255),
                                    draw_annots=False)
        image = bitmap.to_pil()
    finally:
        document.close()
    if image.size != (width, height):  # pdfium rounds the page size its own way: keep the promised size
        image = image.resize((width, height))
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi), optimize=False, compress_level=6)
    return out.getvalue()


def svg_bytes(structure: Structure, options: PdfOptions, transparent: bool = False) -> bytes:
    """The picture as SVG, its text as text, on white or (`transparent`) on nothing."""
    picture = chart_picture(structure, options)
    canvas = SvgCanvas(picture.width, picture.height, None if transparent else "#ffffff")
    picture.draw(canvas)
    return canvas.to_bytes()


def png_size(data: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels, read from its header."""
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
