"""Drawing chart pages with reportlab: cards, group boxes, reporting lines, legend.

The geometry comes from the shared layout (`plan.py` decides what goes on each page),
so a printed chart matches the canvas. Text is set in the shipped DejaVu fonts, never below
`MIN_FONT_SIZE` (pages are planned so the scale keeps every size at or above it).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ...analysis import Analysis, Cost
from ...model import Structure
from ...presentation.chartstyle import (DOTTED_LINE, INK, LINE, MUTED, CardStyle, ChangeStyle, group_colours,
                                        hidden_note, legend_styles, pages_text)
from ...presentation.costbasis import card_cost_note
from ..fonts import BOLD, MIN_FONT_SIZE, REGULAR, fit, register_fonts, text_width, wrap_words
from .cards import CONTINUATION_TICK, ChartPainter, card_height
from .sizes import GROUP_SIZE, SMALL_SIZE, TITLE_SIZE
from .plan import CONTINUATION_ALLOWANCE, ChartPage, Frame, plan_pages

MIN_SCALE = MIN_FONT_SIZE / min(TITLE_SIZE, SMALL_SIZE, GROUP_SIZE)

HEADER_BAND = 34.0
"""Page title and subtitle above the chart, in points."""
HEADING_SIZE = 13.0
"""The page title's size, in points (bold)."""
SMALLEST_HEADING = 9.5
"""A title too long for the page is set smaller, down to this size, before it is cut short."""
NOTE_SIZE = 8.5
"""The size of the line of notes under the page title, in points, when they fit on one line."""
WRAPPED_NOTE_SIZE, WRAPPED_NOTE_LEADING = 7.5, 9.0
"""The size and line spacing of notes too long for one line, set on as many lines as they need."""
NOTE_BASELINE = 26.0
"""From the top of a page's area to the first line of its notes, in points."""
LEGEND_BAND = 22.0
"""The legend under the chart, in points."""

PageNumbers = Callable[[int], int | None]
"""Chart page index -> printed page number (None while not yet known)."""


@dataclass(frozen=True)
class CardFacts:
    """What a card shows beyond the post itself, worked out once for the whole structure."""

    costs: dict[str, Cost]
    group_colour: dict[str, tuple[str, str]]
    redact_names: bool
    cost_note: str
    greyed: frozenset[str] = frozenset()
    """Posts drawn greyed, as context only (the chain of command above an exported branch)."""
    hidden: dict[str, int] = field(default_factory=dict)
    """Post id -> how many posts below it the export leaves out (a folded branch)."""
    marks: dict[str, ChangeStyle] = field(default_factory=dict)
    """Posts marked with a change (a proposed chart in a pack: new, moved, retitled), in the compare colours."""


def card_facts(structure: Structure, redact_names: bool, analysis: Analysis | None = None,
               also: Structure | None = None, greyed: frozenset[str] = frozenset(),
               hidden: dict[str, int] | None = None) -> CardFacts:
    """Costs and group colours for the cards. With `also` (the other structure of a before-and-after
    pair), colours follow the top-level groups of both, `also`'s first, so a group keeps its colour
    from one chart to the other."""
    analysis = analysis or Analysis(structure)
    sources = [also, structure] if also is not None else [structure]
    tops = list(dict.fromkeys(group.name for source in sources for group in source.groups.values()
                              if group.parent is None))  # by name: two files' ids for a group may differ
    colour: dict[str, tuple[str, str]] = {}
    for gid in structure.groups:
        top = structure.groups[[gid, *structure.group_chain(gid)][-1]].name
        colour[gid] = group_colours(tops.index(top) if top in tops else 0)
    costs = {pid: analysis.cost(pid) for pid in structure.posts}
    note = card_cost_note(structure.settings.on_cost_rate, any(c.net != c.gross for c in costs.values()))
    return CardFacts(costs, colour, redact_names, note, greyed, hidden or {})


@dataclass(frozen=True)
class NoteBlock:
    """A page's notes as set under its title: every line whole, within the page's width."""

    lines: list[str]
    size: float
    leading: float

    @property
    def extra(self) -> float:
        """How much lower than a page with one line of notes the chart starts, in points."""
        return max(0, len(self.lines) - 1) * self.leading


def note_block(text: str, width: float) -> NoteBlock:
    """`text` on one line at `NOTE_SIZE` if it fits, else wrapped at `WRAPPED_NOTE_SIZE` onto as many lines
    as it needs: a label given in the notes is never cut short."""
    if not text or text_width(text, REGULAR, NOTE_SIZE) <= width:
        return NoteBlock([text] if text else [], NOTE_SIZE, WRAPPED_NOTE_LEADING)
    return NoteBlock(wrap_words(text, REGULAR, WRAPPED_NOTE_SIZE, width), WRAPPED_NOTE_SIZE, WRAPPED_NOTE_LEADING)


def chart_scale(page: ChartPage, room_height: float, extra: float) -> float:
    """The page's scale with its notes taking `extra` points of the chart's `room_height`: smaller only
    when the chart would otherwise run into the legend. The planner kept room under the chart for notes
    under its cards; where the notes need it, the chart takes only the room its cards' ticks do, and it
    is made smaller (never below the smallest readable scale) only after that."""
    bounds = page.layout.bounds
    if (bounds.height + CONTINUATION_ALLOWANCE) * page.scale <= room_height - extra:
        return page.scale
    foot = max([bounds.bottom, *(card.bottom + CONTINUATION_TICK for card in page.layout.cards.values())])
    return max(MIN_SCALE, min(page.scale, (room_height - extra) / max(foot - bounds.y, 1.0)))


def chart_frame(width: float, height: float) -> Frame:
    """The room left for the chart itself in a page area of `width` x `height` points."""
    return Frame(width, height - HEADER_BAND - LEGEND_BAND, MIN_SCALE)


def draw_chart_page(canvas: Canvas, page: ChartPage, facts: CardFacts, x: float, y: float, width: float,
                    height: float, page_number: PageNumbers) -> None:
    """Draw `page` in the area whose bottom-left corner is (x, y): title, chart, legend."""
    register_fonts()
    top = y + height
    notes = _header(canvas, page, x, top, width, page_number)
    chart_top = top - HEADER_BAND - notes.extra
    bounds = page.layout.bounds
    s = chart_scale(page, height - HEADER_BAND - LEGEND_BAND, notes.extra)
    drawn_width = bounds.width * s
    ox = x + max(0.0, (width - drawn_width) / 2)
    painter = ChartPainter(canvas, s, ox - bounds.x * s, chart_top + bounds.y * s)
    boxes = sorted(page.layout.groups.items(), key=lambda item: -item[1].width * item[1].height)  # outer first
    for gid, box in boxes:
        painter.group(box, facts.group_colour.get(gid, group_colours(0)))
    for route in page.layout.lines:
        if route.kind != "dotted":
            painter.line(route.points, False)
    for route in page.dotted:
        painter.line(route.points, True)
    for gid, box in boxes:
        painter.group_name(page.structure.groups[gid].name, box, facts.group_colour.get(gid, group_colours(0))[0])
    for pid, card in page.layout.cards.items():
        post = page.structure.posts[pid]
        painter.card(post, card, facts.costs.get(pid, Cost(0.0, 0.0)), facts.redact_names, pid in facts.greyed)
        if pid in facts.marks:
            painter.change_mark(card, facts.marks[pid])
        cost = facts.costs.get(pid, Cost(0.0, 0.0))
        if pid in page.continued:
            painter.continuation(card, note_forms(continued_on(page.continued[pid], page_number)), post, cost,
                                 facts.redact_names, tick=True)
        elif pid in facts.hidden:  # folded: nothing is drawn below it, so no tick says a line carries on
            painter.continuation(card, note_forms(hidden_note(facts.hidden[pid])), post, cost, facts.redact_names,
                                 tick=False)
        if pid in page.came_from:
            painter.source(card, came_from(page.came_from[pid], page_number))
    for place in page.labels:
        painter.line_label(place)
    kinds = list({style.kind: style for style in facts.marks.values()}.values())
    _legend(canvas, x, y, width, facts.cost_note, sorted(kinds, key=lambda k: k.label))


def _header(canvas: Canvas, page: ChartPage, x: float, top: float, width: float,
            page_number: PageNumbers) -> NoteBlock:
    """The page's title, and its notes on as many lines as they need; returns the notes as set."""
    canvas.setFillColor(HexColor(INK))
    size = heading_size(page.title, width)
    canvas.setFont(BOLD, size)
    canvas.drawString(x, top - HEADING_SIZE, fit(page.title, BOLD, size, width))
    notes = note_block(page_notes(page, page_number), width)
    if notes.lines:
        canvas.setFillColor(HexColor(MUTED))
        canvas.setFont(REGULAR, notes.size)
        for number, line in enumerate(notes.lines):
            canvas.drawString(x, top - NOTE_BASELINE - number * notes.leading, line)
    return notes


def heading_size(title: str, width: float) -> float:
    """The size a page title is set at: `HEADING_SIZE`, or smaller (down to `SMALLEST_HEADING`) so that the names
    of every department on a page can be read in full."""
    wide = text_width(title, BOLD, HEADING_SIZE)
    return HEADING_SIZE if wide <= width else max(SMALLEST_HEADING, HEADING_SIZE * width / wide)


def page_notes(page: ChartPage, page_number: PageNumbers, word: str = "page") -> str:
    """The notes under a page's title: its subtitle, the page it continues ("continued from page 2") and the
    dotted lines' labels the chart gives in full only here ("[1] professional")."""
    notes = [page.subtitle] if page.subtitle else []
    if page.parent is not None:
        numbers = [page_number(source) for source in [page.parent, *page.also_from]]
        known = sorted({n for n in numbers if n is not None})
        unknown = [f"an earlier {word}"] if len(known) < len(numbers) else []
        notes.append(pages_text(known, word, "continued from") + (" and " + unknown[0] if unknown else "")
                     if known else f"continued from {unknown[0]}")
    notes += page.label_notes
    text = "; ".join(notes)
    return text[:1].upper() + text[1:]


def continued_on(keys: list[int], page_number: PageNumbers, word: str = "page") -> str:
    """Under a card whose reports carry on elsewhere: "continued on page 4", "… on pages 4–6 and 9"."""
    known = [page_number(key) for key in keys]
    numbers = [n for n in known if n is not None]
    if not numbers or len(numbers) < len(known):
        return f"continued on later {word}s"
    return pages_text(numbers, word)


def note_forms(note: str) -> list[str]:
    """A card's note and its shorter forms for a card with less room: "continued on page 4", "→ p. 4";
    "+110 posts below", "+110 below"."""
    short = (note.replace("continued on pages ", "\u2192 pp. ").replace("continued on page ", "\u2192 p. ")
             .replace(" posts below", " below").replace(" post below", " below"))
    return [note, short] if short != note else [note]


def came_from(key: int, page_number: PageNumbers, word: str = "page") -> str:
    """Over the top card of a team continued from another page: "from page 3" (where the card is
    printed under its own manager, with "continued on" this page)."""
    number = page_number(key)
    return f"from {word} {number}" if number is not None else f"from an earlier {word}"


def _legend(canvas: Canvas, x: float, y: float, width: float, note: str, changes: list[ChangeStyle]) -> None:
    """The legend along the bottom. It is the same on every page, so it is drawn once per document
    as a form that each page places: a chart of hundreds of pages draws it once."""
    kinds = ",".join(style.kind for style in changes)
    name = f"ChartLegend{zlib.crc32(f'{width:.3f} {note} {kinds}'.encode()):08x}"
    if not canvas.hasForm(name):
        canvas.beginForm(name)
        _draw_legend(canvas, 0.0, 0.0, width, note, changes)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


def _draw_legend(canvas: Canvas, x: float, y: float, width: float, note: str, changes: list[ChangeStyle]) -> None:
    """Swatches for every card style, the change marks used, and both kinds of line along the bottom, in as
    many rows as the width needs (two fit the band), then the cost note at the right of the last row, or
    of the row below when that one is full and the band has one."""
    size = SMALL_SIZE
    def swatch(style: CardStyle) -> Callable[[float, float], None]:
        return lambda cx, cy: _swatch(canvas, cx, cy, style.fill, style.border, style.dashed)

    def line_sample(colour: str, dashed: bool) -> Callable[[float, float], None]:
        return lambda cx, cy: _line_sample(canvas, cx, cy, colour, dashed)

    entries = [(label, swatch(style)) for label, style in legend_styles()]
    entries += [(label, line_sample(colour, dashed))
                for label, dashed, colour in (("Line management", False, LINE), ("Dotted line", True, DOTTED_LINE))]
    entries += [(style.label, _mark_sample(canvas, style)) for style in changes]
    canvas.setFont(REGULAR, size)
    row_height = 10.0
    cx, cy = x, y + LEGEND_BAND - row_height
    for label, sample in entries:
        step = 20 + text_width(label, REGULAR, size) + 12
        if cx > x and cx + step - 12 > x + width:
            cx, cy = x, cy - row_height
        sample(cx, cy)
        canvas.setFillColor(HexColor(INK))
        canvas.setFont(REGULAR, size)
        canvas.drawString(cx + 20, cy + 1, label)
        cx += step
    if cx + text_width(note, REGULAR, size) > x + width:
        cx, cy = x, cy - row_height  # the row is full: the note goes on the band's next row, if it has one
    if cy >= y:
        canvas.setFillColor(HexColor(MUTED))
        canvas.drawRightString(x + width, cy + 1, note)


def _mark_sample(canvas: Canvas, style: ChangeStyle) -> Callable[[float, float], None]:
    def draw(x: float, y: float) -> None:
        canvas.setStrokeColor(HexColor(style.colour))
        canvas.setFillColor(HexColor(style.tint))
        canvas.setLineWidth(1.8)
        canvas.roundRect(x, y - 1, 16, 9, 1.5, stroke=1, fill=1)
    return draw


def _swatch(canvas: Canvas, x: float, y: float, fill: str, border: str, dashed: bool) -> None:
    canvas.setStrokeColor(HexColor(border))
    canvas.setFillColor(HexColor(fill))
    canvas.setLineWidth(0.8)
    canvas.setDash(2, 1.5) if dashed else canvas.setDash()
    canvas.roundRect(x, y - 1, 16, 9, 1.5, stroke=1, fill=1)
    canvas.setDash()


def _line_sample(canvas: Canvas, x: float, y: float, colour: str, dashed: bool) -> None:
    canvas.setStrokeColor(HexColor(colour))
    canvas.setLineWidth(0.9)
    canvas.setDash(2.5, 2) if dashed else canvas.setDash()
    canvas.line(x, y + 3.5, x + 18, y + 3.5)
    canvas.setDash()


def plan_chart(structure: Structure, width: float, height: float, heading: str,
               folded: Collection[str] = ()) -> list[ChartPage]:
    """The chart's pages for a page area of `width` x `height` points."""
    return plan_pages(structure, chart_frame(width, height), heading, folded, card_height)
