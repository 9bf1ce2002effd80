"""The chart as PowerPoint slides: one 16:9 slide per page of the chart plan.

The slides follow the PDF's plan (`ChartSource.pages`: an overview, then a slide per department,
"continued on slide 4") and the PDF's page geometry, but every card is one native shape whose
text stays editable (title, holder, grade line, cost line), a reporting line is a connector whose
ends are attached to the two cards (PowerPoint keeps it attached when a card is moved), or, with
three bends or more, a path through the route's own points (viewers route attached connectors their
own way, and such a one could run through another card),
group boxes are shapes behind the cards, and each slide has the legend along its foot. Dotted lines'
labels are placed by the PDF's rules (`labels.py`) beside the lines as the slide draws them, and those
given only as a mark are in full in the notes under the slide's title, as on paper.

The shapes are written as DrawingML directly (one parse per slide), not one python-pptx call per
property: a 5,000-post chart writes in a few seconds.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import SlidePart
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.util import Emu

from ..analysis import Cost
from ..layout import LineRoute, Rect
from ..model import PostStatus, Structure
from ..pdf.chart.document import ChartSource, chart_source
from ..pdf.chart.labels import LABEL_LEADING, LABEL_SIZE, PAD, LabelPlace
from ..pdf.chart.page import (HEADER_BAND, LEGEND_BAND, NOTE_BASELINE, NoteBlock, came_from, chart_scale,
                              continued_on, note_block, page_notes)
from ..pdf.chart.plan import ChartPage
from ..pdf.chart.sizes import GROUP_SIZE, SMALL_SIZE, TITLE_STEPS
from ..pdf.draft import DRAFT_ALPHA, draft_angle
from ..pdf.options import PdfOptions
from ..pdf.styles import DRAFT_RED
from ..pdf.fonts import REGULAR, text_width
from ..presentation.chartstyle import (ACCENT, DOTTED_LINE, INK, LINE, MUTED, card_lines, card_style, cost_line,
                                       group_colours, hidden_note, legend_styles)

EMU_PER_POINT = 12700
SLIDE_WIDTH, SLIDE_HEIGHT = 960.0, 540.0
"""16:9 (13.33 × 7.5 inches), in points."""
MARGIN = 22.0
FOOTER_BAND = 14.0
FONT = "Arial"
NARROW_FONT = "Arial Narrow"
"""Cards are set narrow, as on paper; PowerPoint and LibreOffice (Liberation Sans Narrow) both have it."""

FLIP_H, FLIP_V = ' flipH="1"', ' flipV="1"'

SITE_TOP, SITE_LEFT, SITE_BOTTOM, SITE_RIGHT = 0, 1, 2, 3
"""Connection sites of a rectangle, as PowerPoint numbers them."""


def slide_pages(structure: Structure, options: PdfOptions, source: ChartSource | None = None) -> list[ChartPage]:
    """The chart's pages planned for slides: one slide each."""
    source = source or chart_source(structure, options)
    return source.pages(SLIDE_WIDTH - 2 * MARGIN, SLIDE_HEIGHT - 2 * MARGIN - FOOTER_BAND)


def pptx_bytes(structure: Structure, options: PdfOptions) -> bytes:
    """The chosen part of the chart as a PowerPoint file (refuses a choice that does not fit)."""
    source = chart_source(structure, options)
    pages = slide_pages(structure, options, source)
    structure, options = source.whole, source.options  # as printed (without names when they are withheld)
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Emu(_emu(SLIDE_WIDTH)), Emu(_emu(SLIDE_HEIGHT))
    presentation.core_properties.title = source.heading
    presentation.core_properties.author = options.author or structure.organisation or "OrgDesigner"
    blank = presentation.slide_layouts[6]
    footer = " · ".join(part for part in (structure.organisation, structure.name, structure.date) if part)
    for page in pages:
        slide = _add_slide(presentation, blank, page.key + 1)
        writer = _SlideWriter(source, page, len(pages), footer, options.draft)
        tree = slide.shapes._spTree  # the slide's shape tree: the shapes are appended as parsed XML
        shapes = parse_xml(f"<p:spTree {nsdecls('a', 'p')}>{''.join(writer.shapes())}</p:spTree>")
        for shape in list(shapes):
            tree.append(shape)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def _add_slide(presentation: Any, layout: Any, number: int) -> Any:
    """A new blank slide, as `Slides.add_slide` makes it but in constant time: python-pptx looks
    through every relationship of the presentation for each slide it adds (quadratic: 6 s of the
    10 s a 700-slide deck took); a slide made here is new, so there is nothing to look for. Uses
    python-pptx's inner parts, which is why its version is pinned to 1.0.x."""
    part = presentation.part
    slide_part = SlidePart.new(PackURI(f"/ppt/slides/slide{number}.xml"), part.package, layout.part)
    r_id = part.rels._add_relationship(RT.SLIDE, slide_part)
    presentation.slides._sldIdLst._add_sldId(id=255 + number, rId=r_id)
    return slide_part.slide


def _emu(points: float) -> int:
    return round(points * EMU_PER_POINT)


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _fill(colour: str, alpha: float = 1.0) -> str:
    inner = f'<a:alpha val="{round(alpha * 100000)}"/>' if alpha < 1 else ""
    return f'<a:solidFill><a:srgbClr val="{_hex(colour)}">{inner}</a:srgbClr></a:solidFill>'


def _line(colour: str, width: float, dashed: bool) -> str:
    dash = '<a:prstDash val="dash"/>' if dashed else ""
    return f'<a:ln w="{_emu(width)}">{_fill(colour)}{dash}</a:ln>'


def _xfrm(x: float, y: float, width: float, height: float, extra: str = "") -> str:
    return (f'<a:xfrm{extra}><a:off x="{_emu(x)}" y="{_emu(y)}"/>'
            f'<a:ext cx="{max(_emu(width), 0)}" cy="{max(_emu(height), 0)}"/></a:xfrm>')


@dataclass(frozen=True)
class Run:
    text: str
    size: float
    colour: str
    bold: bool = False
    font: str = NARROW_FONT


def _paragraph(runs: list[Run], align: str = "l", spacing: float | None = None) -> str:
    """A paragraph of `runs`, its lines `spacing` points apart when given (else PowerPoint's own spacing)."""
    line_spacing = f'<a:lnSpc><a:spcPts val="{round(spacing * 100)}"/></a:lnSpc>' if spacing else ""
    body = "".join(
        f'<a:r><a:rPr lang="en-GB" sz="{max(100, round(run.size * 100))}" b="{1 if run.bold else 0}" dirty="0">'
        f'{_fill(run.colour)}<a:latin typeface={quoteattr(run.font)}/></a:rPr><a:t>{escape(run.text)}</a:t></a:r>'
        for run in runs if run.text)
    return f'<a:p><a:pPr algn="{align}">{line_spacing}</a:pPr>{body}</a:p>'


def _text_body(paragraphs: list[str], inset: float, anchor: str = "t", wrap: bool = True) -> str:
    pad = _emu(inset)
    return (f'<p:txBody><a:bodyPr wrap="{"square" if wrap else "none"}" lIns="{pad}" tIns="{pad}" rIns="{pad}" '
            f'bIns="{pad}" anchor="{anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
            f'{"".join(paragraphs) or "<a:p/>"}</p:txBody>')


class _SlideWriter:
    """The shapes of one slide as DrawingML, back to front."""

    def __init__(self, source: ChartSource, page: ChartPage, count: int, footer: str, draft: bool) -> None:
        self.source, self.page, self.count, self.footer, self.draft = source, page, count, footer, draft
        self.next_id = 2  # 1 is the shape tree itself
        self.card_ids: dict[str, int] = {}
        width = SLIDE_WIDTH - 2 * MARGIN
        self.labels = page.labels  # as on paper: the dotted lines round the cards in their way, labelled alike
        self.notes: NoteBlock = note_block(page_notes(page, _slide_number, "slide"), width)
        bounds = page.layout.bounds
        self.s = chart_scale(page, SLIDE_HEIGHT - 2 * MARGIN - FOOTER_BAND - HEADER_BAND - LEGEND_BAND, self.notes.extra)
        self.ox = MARGIN + max(0.0, (width - bounds.width * self.s) / 2) - bounds.x * self.s
        self.oy = MARGIN + HEADER_BAND + self.notes.extra - bounds.y * self.s

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def pt(self, x: float, y: float) -> tuple[float, float]:
        """Chart units to slide points (both with y down)."""
        return self.ox + x * self.s, self.oy + y * self.s

    def box(self, r: Rect) -> tuple[float, float, float, float]:
        x, y = self.pt(r.x, r.y)
        return x, y, r.width * self.s, r.height * self.s

    def shapes(self) -> Iterator[str]:
        page, facts = self.page, self.source.facts
        groups = sorted(page.layout.groups.items(), key=lambda item: -item[1].width * item[1].height)
        for gid, box in groups:  # outer first: behind everything
            yield self._group(page.structure.groups[gid].name, box, facts.group_colour.get(gid, group_colours(0)))
        for pid in page.layout.cards:  # numbered first: the lines, drawn behind the cards, name them
            self.card_ids[pid] = self._id()
        laid_out = {id(route) for route in page.layout.lines}
        for route in [*(line for line in page.layout.lines if line.kind != "dotted"), *page.dotted]:
            connector = self._connector(route, id(route) not in laid_out)
            if connector:
                yield connector
        for pid, card in page.layout.cards.items():
            yield self._card(pid, card)
        for place in self.labels:
            yield self._label(place)
        for pid, card in page.layout.cards.items():
            note = (continued_on(page.continued[pid], _slide_number, "slide") if pid in page.continued
                    else hidden_note(facts.hidden[pid]) if pid in facts.hidden else "")
            if note:
                x, y = self.pt(card.center_x + 3, card.bottom + 1)
                yield self._text_box("Note", x, y, 200, (SMALL_SIZE + 3) * self.s,
                                     [_paragraph([Run(note, SMALL_SIZE * self.s, ACCENT, bold=True)])])
            if pid in page.came_from:
                x, y = self.pt(card.x + 4, card.y - SMALL_SIZE - 1.5)
                yield self._text_box("Source", x, y, 200, (SMALL_SIZE + 3) * self.s, [_paragraph(
                    [Run(came_from(page.came_from[pid], _slide_number, "slide"), SMALL_SIZE * self.s, ACCENT, bold=True)])])
        yield from self._header()
        yield from self._legend()
        yield from self._footer()
        if self.draft:
            yield self._draft_mark()

    # ----- the chart -----------------------------------------------------------------------

    def _group(self, name: str, box: Rect, colours: tuple[str, str]) -> str:
        fill, border = colours
        x, y, w, h = self.box(box)
        text = _text_body([_paragraph([Run(name, GROUP_SIZE * self.s, INK, bold=True)])], 4 * self.s)
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name={quoteattr("Group: " + name)}/><p:cNvSpPr/>'
                f'<p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(x, y, w, h)}<a:prstGeom prst="roundRect"><a:avLst>'
                f'<a:gd name="adj" fmla="val {_corner(4, box)}"/></a:avLst></a:prstGeom>{_fill(fill)}'
                f'{_line(border, 0.8, False)}</p:spPr>{text}</p:sp>')

    def _card(self, pid: str, card: Rect) -> str:
        facts = self.source.facts
        post = self.page.structure.posts[pid]
        style = card_style(post, pid in facts.greyed)
        s = self.s
        cost = facts.costs.get(pid, Cost(0.0, 0.0))
        name = "" if facts.redact_names or post.status is PostStatus.VACANT else (post.postholder or "")
        badges = " ".join(d.value for d in post.designations)
        paragraphs = [
            _paragraph([Run(post.title, TITLE_STEPS[0][0] * s, style.text, bold=True)]),
            _paragraph([Run(name, SMALL_SIZE * s, style.text),
                        Run(("  " if name else "") + style.label, SMALL_SIZE * s, MUTED)]),
            _paragraph([Run(card_lines(post), SMALL_SIZE * s, MUTED)]),
            _paragraph([Run(cost_line(post, cost.gross, cost.net), SMALL_SIZE * s, style.text),
                        Run(("  " + badges) if badges else "", SMALL_SIZE * s, ACCENT, bold=True)]),
        ]
        shape_id = self.card_ids[pid]
        x, y, w, h = self.box(card)
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(f"{post.title} [{pid}]")}/>'
                f'<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(x, y, w, h)}<a:prstGeom prst="roundRect">'
                f'<a:avLst><a:gd name="adj" fmla="val {_corner(3, card)}"/></a:avLst></a:prstGeom>'
                f'{_fill(style.fill)}{_line(style.border, 0.9 * s, style.dashed)}</p:spPr>'
                f'{_text_body(paragraphs, 4 * s)}</p:sp>')

    def _connector(self, route: LineRoute, detour: bool) -> str:
        """The route as an elbow connector attached to both cards (a straight one if it has no bend); a route of
        three bends and more (to a later column of a stack, a wrapped row) or a dotted line's `detour` round the
        cards in its way as a path drawn through its points."""
        cards = self.page.layout.cards
        if route.manager not in self.card_ids or route.report not in self.card_ids or len(route.points) < 2:
            return ""
        points = [self.pt(x, y) for x, y in route.points]
        dotted = route.kind == "dotted"
        name = f"{'Dotted line' if dotted else 'Line'} {route.manager} to {route.report}"
        pen = f'<a:noFill/>{_line(DOTTED_LINE if dotted else LINE, 0.8 * self.s, dotted)}'
        if detour or _many_bends(points):  # a connector attached to its cards is routed afresh by some viewers, through
            return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name={quoteattr(name)}/><p:cNvSpPr/><p:nvPr/>'
                    f'</p:nvSpPr><p:spPr>{_path_geometry(points)}{pen}</p:spPr></p:sp>')  # other cards
        start = _site(cards[route.manager], route.points[0])
        end = _site(cards[route.report], route.points[-1])
        return (f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{self._id()}" name={quoteattr(name)}/><p:cNvCxnSpPr>'
                f'<a:stCxn id="{self.card_ids[route.manager]}" idx="{start}"/>'
                f'<a:endCxn id="{self.card_ids[route.report]}" idx="{end}"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>'
                f'<p:spPr>{_connector_geometry(points)}{pen}</p:spPr></p:cxnSp>')

    def _label(self, place: LabelPlace) -> str:
        """A dotted line's label where `labels.py` placed it: its lines on a white patch, as on paper."""
        x, y, w, h = self.box(place.patch)
        lines = "".join(_paragraph([Run(line, LABEL_SIZE * self.s, MUTED)], spacing=LABEL_LEADING * self.s)
                        for line in place.lines)
        pad = _emu(PAD * self.s)
        name = f"Dotted line label {place.route.manager} to {place.route.report}"
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name={quoteattr(name)}/><p:cNvSpPr txBox="1"/>'
                f'<p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(x, y, w, h)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
                f'{_fill("#ffffff")}<a:ln><a:noFill/></a:ln></p:spPr><p:txBody><a:bodyPr wrap="none" lIns="{pad}" '
                f'tIns="0" rIns="0" bIns="0" anchor="t" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>{lines}'
                f'</p:txBody></p:sp>')

    # ----- around the chart --------------------------------------------------------------

    def _text_box(self, name: str, x: float, y: float, width: float, height: float, paragraphs: list[str],
                  wrap: bool = False) -> str:
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name={quoteattr(name)}/><p:cNvSpPr txBox="1"/>'
                f'<p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(x, y, width, height)}<a:prstGeom prst="rect"><a:avLst/>'
                f'</a:prstGeom><a:noFill/></p:spPr>{_text_body(paragraphs, 0, wrap=wrap)}</p:sp>')

    def _header(self) -> Iterator[str]:
        width = SLIDE_WIDTH - 2 * MARGIN
        yield self._text_box("Title", MARGIN, MARGIN - 2, width, 17, [_paragraph([Run(self.page.title, 13, INK, True, FONT)])])
        notes = self.notes
        if notes.lines:  # a line a paragraph, as measured: PowerPoint's own wrapping could need more room
            yield self._text_box("Subtitle", MARGIN, MARGIN + NOTE_BASELINE - notes.size - 2, width,
                                 len(notes.lines) * notes.leading + 3,
                                 [_paragraph([Run(line, notes.size, MUTED, font=FONT)], spacing=notes.leading)
                                  for line in notes.lines])

    def _legend(self) -> Iterator[str]:
        """Swatches for every card style and both kinds of line, along the foot of the slide."""
        x = MARGIN
        y = SLIDE_HEIGHT - MARGIN - FOOTER_BAND - LEGEND_BAND + 6
        for label, style in legend_styles():
            yield (f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name={quoteattr("Legend: " + label)}/><p:cNvSpPr/>'
                   f'<p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(x, y, 16, 9)}<a:prstGeom prst="roundRect"><a:avLst/>'
                   f'</a:prstGeom>{_fill(style.fill)}{_line(style.border, 0.8, style.dashed)}</p:spPr></p:sp>')
            yield self._text_box("Legend text", x + 19, y - 1, text_width(label, REGULAR, 7.5) + 4, 11, [_paragraph([Run(label, 7.5, INK, font=FONT)])])
            x += 19 + text_width(label, REGULAR, 7.5) + 12
        for label, colour, dashed in (("Line management", LINE, False), ("Dotted line", DOTTED_LINE, True)):
            yield (f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{self._id()}" name={quoteattr("Legend: " + label)}/>'
                   f'<p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr>{_xfrm(x, y + 4.5, 18, 0)}'
                   f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom>{_line(colour, 0.9, dashed)}</p:spPr></p:cxnSp>')
            yield self._text_box("Legend text", x + 21, y - 1, text_width(label, REGULAR, 7.5) + 4, 11, [_paragraph([Run(label, 7.5, INK, font=FONT)])])
            x += 21 + text_width(label, REGULAR, 7.5) + 12
        yield self._text_box("Cost note", MARGIN, y + 11, SLIDE_WIDTH - 2 * MARGIN, 10,
                             [_paragraph([Run(self.source.facts.cost_note, 7, MUTED, font=FONT)], align="r")])

    def _footer(self) -> Iterator[str]:
        y = SLIDE_HEIGHT - MARGIN - 8
        width = SLIDE_WIDTH - 2 * MARGIN
        if self.footer:
            yield self._text_box("Footer", MARGIN, y, width * 0.7, 10, [_paragraph([Run(self.footer, 7.5, MUTED, font=FONT)])])
        numbering = f"Slide {self.page.key + 1} of {self.count}"
        yield self._text_box("Slide number", MARGIN + width * 0.7, y, width * 0.3, 10,
                             [_paragraph([Run(numbering, 7.5, MUTED, font=FONT)], align="r")])

    def _draft_mark(self) -> str:
        size = min(SLIDE_WIDTH, SLIDE_HEIGHT) * 0.22
        width, height = size * 3.6, size * 1.4
        x, y = (SLIDE_WIDTH - width) / 2, (SLIDE_HEIGHT - height) / 2
        turn = f' rot="{round((360 - draft_angle(SLIDE_WIDTH, SLIDE_HEIGHT)) * 60000)}"'  # PowerPoint turns clockwise
        run = (f'<a:r><a:rPr lang="en-GB" sz="{round(size * 100)}" b="1">{_fill(DRAFT_RED, DRAFT_ALPHA * 2)}'
               f'<a:latin typeface="{FONT}"/></a:rPr><a:t>DRAFT</a:t></a:r>')
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="DRAFT"/><p:cNvSpPr txBox="1"/><p:nvPr/>'
                f'</p:nvSpPr><p:spPr>{_xfrm(x, y, width, height, turn)}<a:prstGeom prst="rect">'
                f'<a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="none" anchor="ctr">'
                f'<a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr algn="ctr"/>{run}</a:p></p:txBody></p:sp>')


def _slide_number(key: int) -> int:
    return key + 1


def _corner(radius: float, rect: Rect) -> int:
    """A rounded rectangle's corner as PowerPoint gives it: a share of the shorter side."""
    return round(min(50000, radius / max(min(rect.width, rect.height), 1.0) * 100000))


def _site(card: Rect, point: tuple[float, float]) -> int:
    """The connection site on the edge of `card` where a route ends at `point`."""
    x, y = point
    distances = {SITE_TOP: abs(y - card.y), SITE_BOTTOM: abs(y - card.bottom), SITE_LEFT: abs(x - card.x),
                 SITE_RIGHT: abs(x - card.right)}
    return min(distances, key=distances.__getitem__)


def _connector_geometry(points: list[tuple[float, float]]) -> str:
    """The xfrm and preset geometry drawing an orthogonal route as PowerPoint's elbow connectors do.

    A bent connector runs across first, then down, ... in its own box; a route starting downwards is
    that turned a quarter. The flips put the start at the route's first point, and the adjust values
    put each bend where the route has it, as a share of the way along that axis."""
    (sx, sy), (ex, ey) = points[0], points[-1]
    dx, dy = ex - sx, ey - sy
    bends = len(points) - 2
    vertical_first = abs(points[1][0] - sx) < 1e-6 and abs(points[1][1] - sy) > 1e-6
    along, across = (dy, dx) if vertical_first else (dx, dy)
    axes = (1, 0) if vertical_first else (0, 1)
    shares: list[float] = []
    for n in range(1, bends):  # the adjust values: bend n lies on axis n % 2 (0: along, 1: across)
        axis = axes[(n - 1) % 2]
        total = along if (n - 1) % 2 == 0 else across
        start = sy if axis == 1 else sx
        shares.append((points[n][axis] - start) / total if abs(total) > 1e-6 else 0.5)
    if bends == 0 or bends > 4 or (bends > 1 and (abs(dx) < 1e-6 or abs(dy) < 1e-6)):
        preset, shares, vertical_first = "straightConnector1", [], False
    else:
        preset = f"bentConnector{bends + 1}"
    cx, cy = (sx + ex) / 2, (sy + ey) / 2
    if vertical_first:  # turned a quarter clockwise: the box's width lies along the slide's height
        w, h = abs(dy), abs(dx)
        flips = ' rot="5400000"' + (FLIP_H if dy < 0 else "") + (FLIP_V if dx > 0 else "")
    else:
        w, h = abs(dx), abs(dy)
        flips = (FLIP_H if dx < 0 else "") + (FLIP_V if dy < 0 else "")
    guides = "".join(f'<a:gd name="adj{n}" fmla="val {round(share * 100000)}"/>' for n, share in enumerate(shares, 1))
    return (f'{_xfrm(cx - w / 2, cy - h / 2, w, h, flips)}'
            f'<a:prstGeom prst="{preset}"><a:avLst>{guides}</a:avLst></a:prstGeom>')


def _many_bends(points: list[tuple[float, float]]) -> bool:
    """Whether a route has three bends or more (to a later column of a stack, a wrapped row): drawn as a path
    through its points, which every viewer draws alike, not as an elbow connector's adjust values."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return len(points) > 4 and min(xs) < max(xs) and min(ys) < max(ys)


def _path_geometry(points: list[tuple[float, float]]) -> str:
    """The xfrm and a drawn path through the route's own points, in the box around them."""
    left, top = min(x for x, _ in points), min(y for _, y in points)
    width, height = max(x for x, _ in points) - left, max(y for _, y in points) - top
    steps = "".join(f'<a:{"moveTo" if n == 0 else "lnTo"}><a:pt x="{_emu(x - left)}" y="{_emu(y - top)}"/>'
                    f'</a:{"moveTo" if n == 0 else "lnTo"}>' for n, (x, y) in enumerate(points))
    return (f'{_xfrm(left, top, width, height)}<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>'
            f'<a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="{_emu(width)}" h="{_emu(height)}">'
            f'{steps}</a:path></a:pathLst></a:custGeom>')


def slide_count(data: bytes) -> int:
    return len(Presentation(io.BytesIO(data)).slides)
