"""Painting one chart's items on a reportlab canvas, in chart units scaled to points."""

from __future__ import annotations

import math
from functools import cache, lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from ...analysis import Cost
from ...layout import Rect
from ...model import Post, PostStatus
from ...presentation.chartstyle import (ACCENT, DOTTED_LINE, LINE, MUTED, INK, ChangeStyle, card_lines, card_style,
                                        cost_line)
from ..fonts import CONDENSED, CONDENSED_BOLD, fit, text_width
from .labels import LABEL_LEADING, LABEL_SIZE, LabelPlace
from .plan import PRINT_LAYOUT
from .sizes import GROUP_SIZE, PAD_X, PAD_Y, SMALL_LEADING, SMALL_SIZE, TITLE_STEPS

ROWS_HEIGHT = PAD_Y + 3 * SMALL_LEADING - 0.25 * SMALL_SIZE
"""From the top of a card's three rows under its title (name, grade, cost; set at its foot) to the card's foot."""
CONTINUATION_TICK = 4.0
"""How far below a card continued elsewhere its tick reaches."""
TITLE_GAP = 2.5
"""Least room between the title's last line, descenders included, and the rows under it."""


class ChartPainter:
    """Chart units to page points: x right, y down in the layout; reportlab's y goes up."""

    def __init__(self, canvas: Canvas, scale: float, ox: float, oy: float) -> None:
        self.c, self.s, self.ox, self.oy = canvas, scale, ox, oy
        self._fill: str | None = None
        self._stroke: str | None = None
        self._font: tuple[str, float] | None = None
        self._width: float | None = None
        """The colours, font and line width last set: a chart of hundreds of pages sets each only when it
        changes (the painter is the only one drawing on the canvas while a page's chart is drawn). Lines are
        solid but while a dashed one is drawn."""
        canvas.setDash()

    def fill(self, colour: str, words: PDFTextObject | None = None) -> None:
        """Fill in `colour` from here on, set on the canvas or in a text object being written (a colour set
        there holds after it too)."""
        if colour != self._fill:
            self._fill = colour
            (words or self.c).setFillColor(_colour(colour))

    def stroke(self, colour: str) -> None:
        if colour != self._stroke:
            self._stroke = colour
            self.c.setStrokeColor(_colour(colour))

    def font(self, name: str, size: float) -> None:
        if (name, size) != self._font:
            self._font = name, size
            self.c.setFont(name, size)

    def line_width(self, width: float) -> None:
        """Lines `width` points wide from here on."""
        if width != self._width:
            self._width = width
            self.c.setLineWidth(width)

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return self.ox + x * self.s, self.oy - y * self.s

    def rect(self, r: Rect) -> tuple[float, float, float, float]:
        left, top = self.pt(r.x, r.y)
        return left, top - r.height * self.s, r.width * self.s, r.height * self.s

    def text(self, x: float, y: float, text: str, font: str, size: float, colour: str, right: bool = False) -> None:
        """`y` is the baseline in chart units."""
        self.fill(colour)
        self.font(font, size * self.s)
        px, py = self.pt(x, y)
        (self.c.drawRightString if right else self.c.drawString)(px, py, text)

    def group(self, box: Rect, colours: tuple[str, str]) -> None:
        fill, border = colours
        c = self.c
        self.fill(fill)
        self.stroke(border)
        self.line_width(0.8)
        c.roundRect(*self.rect(box), 4 * self.s, stroke=1, fill=1)

    def group_name(self, name: str, box: Rect, fill: str) -> None:
        """The group's name in its header band, over a patch of the group's fill, so a reporting line
        passing through the band does not cut the words (drawn after the lines)."""
        text = fit(name, CONDENSED_BOLD, GROUP_SIZE, box.width - 2 * PAD_X)
        width = text_width(text, CONDENSED_BOLD, GROUP_SIZE)
        x, baseline = box.x + PAD_X, box.y + PRINT_LAYOUT.group_header - 5.5
        left, bottom = self.pt(x - 1.5, baseline + 2.5)
        self.fill(fill)
        self.c.rect(left, bottom, (width + 3) * self.s, (GROUP_SIZE + 2) * self.s, stroke=0, fill=1)
        self.text(x, baseline, text, CONDENSED_BOLD, GROUP_SIZE, INK)

    def line(self, points: list[tuple[float, float]], dashed: bool) -> None:
        c = self.c
        self.stroke(DOTTED_LINE if dashed else LINE)
        self.line_width(0.8 * self.s)
        if dashed:
            c.setDash(3 * self.s, 2.2 * self.s)
        path = c.beginPath()
        path.moveTo(*self.pt(*points[0]))
        for point in points[1:]:
            path.lineTo(*self.pt(*point))
        c.drawPath(path, stroke=1, fill=0)
        if dashed:
            c.setDash()

    def line_label(self, place: LabelPlace) -> None:
        """A dotted line's label where `labels.py` placed it, on a white patch so lines under it do not cut it."""
        self.fill("#ffffff")
        self.c.rect(*self.rect(place.patch), stroke=0, fill=1)
        for number, line in enumerate(place.lines):
            self.text(place.x, place.baseline + number * LABEL_LEADING, line, CONDENSED, LABEL_SIZE, MUTED)

    def card(self, post: Post, card: Rect, cost: Cost, redact: bool, greyed: bool = False) -> None:
        style = card_style(post, greyed)
        c = self.c
        self.fill(style.fill)
        self.stroke(style.border)
        self.line_width(0.9 * self.s)
        if style.dashed:
            c.setDash(2.5 * self.s, 1.8 * self.s)
        c.roundRect(*self.rect(card), 3 * self.s, stroke=1, fill=1)
        if style.dashed:
            c.setDash()
        inner = card.width - 2 * PAD_X
        left, right = card.x + PAD_X, card.right - PAD_X
        size, leading, lines = title_lines(post.title, inner)
        baseline = card.y + PAD_Y + size
        words = _CardWords(self)
        for line in lines:
            words.add(left, baseline, line, CONDENSED_BOLD, size, style.text)
            baseline += leading
        rows_top = card.bottom - PAD_Y - 3 * SMALL_LEADING + SMALL_SIZE
        label = style.label
        name = "" if redact or post.status is PostStatus.VACANT else post.postholder
        label_width = text_width(label, CONDENSED, SMALL_SIZE) + 4 if label else 0
        if name:
            words.add(left, rows_top, fit(name, CONDENSED, SMALL_SIZE, inner - label_width), CONDENSED, SMALL_SIZE,
                      style.text)
        if label:
            words.flush()
            self.text(right, rows_top, label, CONDENSED, SMALL_SIZE, MUTED, right=True)
        words.add(left, rows_top + SMALL_LEADING, fit(card_lines(post), CONDENSED, SMALL_SIZE, inner), CONDENSED,
                  SMALL_SIZE, MUTED)
        badges = " ".join(d.value for d in post.designations)
        badge_width = text_width(badges, CONDENSED_BOLD, SMALL_SIZE) + 4 if badges else 0
        amount = cost_line(post, cost.gross, cost.net)
        words.add(left, rows_top + 2 * SMALL_LEADING, fit(amount, CONDENSED, SMALL_SIZE, inner - badge_width),
                  CONDENSED, SMALL_SIZE, style.text)
        words.flush()
        if badges:
            self.text(right, rows_top + 2 * SMALL_LEADING, badges, CONDENSED_BOLD, SMALL_SIZE, ACCENT, right=True)

    def change_mark(self, card: Rect, style: ChangeStyle) -> None:
        """A ring round the card in the change's colour (as the compare view draws it) and its word in a tab."""
        c = self.c
        self.stroke(style.colour)
        self.line_width(2.0 * self.s)
        c.roundRect(*self.rect(card), 3 * self.s, stroke=1, fill=0)
        mark = tab(card, style.label, right=True)
        self.fill(style.colour)
        c.roundRect(*self.rect(mark), 1.5 * self.s, stroke=0, fill=1)
        self.text(mark.x + 3, mark.bottom - 2.5, style.label, CONDENSED_BOLD, SMALL_SIZE, "#ffffff")

    def source(self, card: Rect, text: str) -> None:
        """"from page N" in a tab on the card's top edge, where a line from its manager would come in."""
        note = tab(card, text, right=False)
        c = self.c
        self.fill("#ffffff")
        self.stroke(ACCENT)
        self.line_width(0.8 * self.s)
        c.roundRect(*self.rect(note), 1.5 * self.s, stroke=1, fill=1)
        self.text(note.x + 3, note.bottom - 2.5, text, CONDENSED_BOLD, SMALL_SIZE, ACCENT)

    def continuation(self, card: Rect, texts: list[str], post: Post, cost: Cost, redact: bool, tick: bool) -> None:
        """A note inside the card ("continued on page N", "+110 posts below"; `texts` longest first, each
        shorter form kept for a card with less room) where `note_place` puts it, clear of the card's other
        words; with `tick`, a tick below the card under the note: inside the card the note never runs across a
        group box's border or the page's margin, and the tick, off the card's centre, never reads as the
        line down to a card below."""
        place = note_place(card, post, cost_line(post, cost.gross, cost.net), redact, texts)
        if place is None:
            return
        x, baseline, text = place
        if tick:
            self.stroke(ACCENT)
            self.line_width(0.8 * self.s)
            middle = x - text_width(text, CONDENSED_BOLD, SMALL_SIZE) / 2
            self.c.line(*self.pt(middle, card.bottom), *self.pt(middle, card.bottom + CONTINUATION_TICK))
        self.text(x, baseline, text, CONDENSED_BOLD, SMALL_SIZE, ACCENT, right=True)


def note_place(card: Rect, post: Post, amount: str, redact: bool, texts: list[str]) -> tuple[float, float, str] | None:
    """Where a note set flush right in a card goes: the right of the first of its three rows (grade row first,
    then name, then cost: `amount`) with room for one of `texts` (the longest that fits) clear of that row's
    words, else the shortest cut to the widest room; None when no row has room for a word. Returns (right x,
    baseline, text)."""
    inner = card.width - 2 * PAD_X
    rows_top = card.bottom - PAD_Y - 3 * SMALL_LEADING + SMALL_SIZE

    def room(words: str, taken: bool) -> float:
        """What a row leaves at its right: none when something is set there already."""
        return 0.0 if taken else inner - min(text_width(words, CONDENSED, SMALL_SIZE), inner)

    name = "" if redact or post.status is PostStatus.VACANT else post.postholder or ""
    rooms = [(rows_top + SMALL_LEADING, room(card_lines(post), False)),
             (rows_top, room(name, bool(card_style(post).label))),
             (rows_top + 2 * SMALL_LEADING, room(amount, bool(post.designations)))]
    gap = 4.0
    for baseline, free in rooms:
        for text in texts:
            if text_width(text, CONDENSED_BOLD, SMALL_SIZE) <= free - gap:
                return card.right - PAD_X, baseline, text
    baseline, free = max(rooms, key=lambda row: row[1])
    if free - gap < 4 * text_width("\u2026", CONDENSED_BOLD, SMALL_SIZE):
        return None
    return card.right - PAD_X, baseline, fit(texts[-1], CONDENSED_BOLD, SMALL_SIZE, free - gap)


class _CardWords:
    """A card's words set from the left, gathered in one text object until one set flush right (by the
    canvas, as `ChartPainter.text` sets it) comes between: a chart of hundreds of pages has tens of
    thousands of words, and a text object costs more than the words in it."""

    def __init__(self, painter: ChartPainter) -> None:
        self.painter = painter
        self.words: PDFTextObject | None = None
        self.font: tuple[str, float] | None = None

    def add(self, x: float, y: float, text: str, font: str, size: float, colour: str) -> None:
        """`y` is the baseline in chart units."""
        painter = self.painter
        if self.words is None:
            self.words, self.font = painter.c.beginText(), None
        painter.fill(colour, self.words)
        size *= painter.s
        if (font, size) != self.font:
            self.font = font, size
            self.words.setFont(font, size)
        self.words.setTextOrigin(*painter.pt(x, y))
        self.words.textLine(text)

    def flush(self) -> None:
        """Draw the words gathered so far."""
        if self.words is not None:
            self.painter.c.drawText(self.words)
            self.words = None


@cache
def _colour(hex_colour: str) -> Color:
    return HexColor(hex_colour)


def tab(card: Rect, text: str, right: bool) -> Rect:
    """Where a tab with `text` sits on a card: across its top edge, at its left (where the card came
    from) or its right (a change mark), over the card's top padding, clear of a card stacked above
    and of a group's name above."""
    width = text_width(text, CONDENSED_BOLD, SMALL_SIZE) + 6
    return Rect(card.right - width - 4 if right else card.x + 4, card.y - SMALL_SIZE + 0.5, width, SMALL_SIZE + 3)


def card_height(post: Post) -> float:
    """How tall the post's card must be for its title's lines and the three rows under them."""
    return _height_for(post.title)


@lru_cache(maxsize=1 << 16)
def _height_for(title: str) -> float:
    inner = PRINT_LAYOUT.card_width - 2 * PAD_X
    size, leading, _ = TITLE_STEPS[0]
    if text_width(title, CONDENSED_BOLD, size) <= inner:  # most titles: one line, measured once
        lines = 1
    else:
        size, leading, wrapped = title_lines(title, inner)
        lines = len(wrapped)
    return math.ceil(PAD_Y + size + (lines - 1) * leading + 0.25 * size + TITLE_GAP + ROWS_HEIGHT)


def title_lines(title: str, width: float) -> tuple[float, float, list[str]]:
    """The title's size, leading and lines: the largest step it fits whole, else the last step cut short."""
    for size, leading, most in TITLE_STEPS:
        lines = wrap(title, CONDENSED_BOLD, size, width, most)
        if " ".join(lines) == " ".join(title.split()):
            break
    return size, leading, lines


def wrap(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Words onto lines no wider than `width`; the last line ends in an ellipsis if words are left over."""
    lines: list[str] = []
    words = text.split()
    next_word = 0
    while next_word < len(words) and len(lines) < max_lines:
        line = words[next_word]
        next_word += 1
        while next_word < len(words) and text_width(f"{line} {words[next_word]}", font, size) <= width:
            line = f"{line} {words[next_word]}"
            next_word += 1
        lines.append(fit(line, font, size, width))
    if next_word < len(words):
        lines[-1] = fit(f"{lines[-1]} {' '.join(words[next_word:])}", font, size, width)
    return lines
