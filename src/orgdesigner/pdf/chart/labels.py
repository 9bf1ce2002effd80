"""Where a page's dotted-line labels are printed: beside their line, clear of every card.

A label goes beside the part of its line that runs between cards (above or below a run across,
right or left of a run down), as near the middle of the line as there is room: whole, on two lines,
or as a numbered mark ("[1]") with the label in full in the page's notes; only where even a mark has
no room beside the line does the mark go just clear of the cards round the line. Pure
geometry in chart units, so tests read what is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...layout import Layout, Rect
from ...layout.routes import LineRoute
from ...model import Structure
from ..fonts import CONDENSED, CONDENSED_BOLD, text_width
from .sizes import GROUP_HEADER, GROUP_SIZE, PAD_X, SMALL_LEADING, SMALL_SIZE

LABEL_SIZE, LABEL_LEADING = SMALL_SIZE, SMALL_LEADING
"""The label's type size and line spacing, in chart units: as a card's small rows."""
PAD = 1.5
"""White round the label's words, so lines under it do not cut them."""
GAP = 1.5
"""Room between a line and the label beside it."""
STEP = 6.0
"""How far apart along a run the places tried are."""
CARD_MARGIN = (8.0, 1.0, 5.0)
"""Room kept clear above a card (a "from page N" tab), at its sides and below it (a "continued" tick)."""
MOST_LINES = 4
"""The most lines a label is set on beside its line before a numbered mark stands for it."""
NEAR = 80.0
"""How far from its line a label may be moved to get clear of the cards round it (past a card it runs behind)."""


@dataclass(frozen=True)
class LabelPlace:
    """A dotted line's label as printed: its lines of words, the white patch under them and the first baseline."""

    route: LineRoute
    lines: tuple[str, ...]
    patch: Rect
    x: float
    baseline: float
    mark: int | None = None
    """The number printed in place of the words (given in full near it or in the page's notes), if any."""
    callout: bool = False
    """Whether this is a mark's label in full ("[1] professional"), printed in room near the mark."""


def place_labels(routes: list[LineRoute], layout: Layout, structure: Structure) -> list[LabelPlace]:
    """A place for each labelled dotted line's label, clear of cards, group names, the solid lines (its white
    patch would hide a piece of one) and the labels placed before it; a label with no room beside its line even
    as a numbered mark is left out (and given in the page's notes). `routes` are the page's dotted lines as
    printed."""
    obstacles = [_around(card) for card in layout.cards.values()]
    obstacles += [Rect(min(x0, x1) - GAP, min(y0, y1) - GAP, abs(x1 - x0) + 2 * GAP, abs(y1 - y0) + 2 * GAP)
                  for route in layout.lines if route.kind != "dotted"
                  for (x0, y0), (x1, y1) in zip(route.points, route.points[1:])]
    for gid, box in layout.groups.items():
        group = structure.groups.get(gid)
        if group is not None:
            width = text_width(group.name, CONDENSED_BOLD, GROUP_SIZE)
            obstacles.append(Rect(box.x, box.y, min(width + 2 * PAD_X, box.width), GROUP_HEADER))
    placed: list[LabelPlace] = []
    for route in routes:
        if not route.label or len(route.points) < 2:
            continue
        place = _place(route, layout.bounds, obstacles, 1 + sum(other.mark is not None for other in placed))
        if place is not None:
            placed.append(place)
            obstacles.append(place.patch)
    for place in list(placed):  # once every label has had its line: room near a mark for its words
        if place.mark is not None:
            callout = _callout(place, layout.bounds, obstacles)
            if callout is not None:
                placed.append(callout)
                obstacles.append(callout.patch)
    return placed


def unplaced_notes(places: list[LabelPlace], routes: list[LineRoute], structure: Structure) -> list[str]:
    """The page's notes for labels printed as a mark ("[1] professional") or not at all ("dotted line,
    A to B: professional")."""
    shown = {(place.route.manager, place.route.report): place for place in places if not place.callout}
    called = {(place.route.manager, place.route.report) for place in places if place.callout}
    notes = []
    for route in routes:
        if not route.label or len(route.points) < 2:
            continue
        place = shown.get((route.manager, route.report))
        if place is None:
            manager, report = structure.posts[route.manager].title, structure.posts[route.report].title
            notes.append(f"dotted line, {manager} to {report}: {route.label}")
        elif place.mark is not None and (route.manager, route.report) not in called:
            notes.append(f"{_mark(place.mark)} {route.label}")
    return notes


def _around(card: Rect) -> Rect:
    above, side, below = CARD_MARGIN
    return Rect(card.x - side, card.y - above, card.width + 2 * side, card.height + above + below)


def _place(route: LineRoute, bounds: Rect, obstacles: list[Rect], mark: int) -> LabelPlace | None:
    """The first of the label's settings (whole on a line, on two to four lines, the numbered `mark`) that fits beside
    the line, at the place nearest the line's middle; else the mark just clear of the cards round the line
    (words further off would seem to label another line)."""
    settings = list(_settings(route.label, mark))
    reach = NEAR + max(text_width(route.label, CONDENSED, LABEL_SIZE), 2 * LABEL_LEADING) + 2 * PAD
    xs, ys = [x for x, _ in route.points], [y for _, y in route.points]
    region = Rect(min(xs) - reach, min(ys) - reach, max(xs) - min(xs) + 2 * reach, max(ys) - min(ys) + 2 * reach)
    obstacles = [other for other in obstacles if other.intersects(region)]  # none further off can meet a patch
    for near in (False, True):
        for lines, marked in settings[-1:] if near else settings:
            width = max(text_width(line, CONDENSED, LABEL_SIZE) for line in lines) + 2 * PAD
            height = len(lines) * LABEL_LEADING + PAD
            if near:
                candidates, local = _near(route.points, width, height, obstacles), obstacles
            else:  # a patch beside the line lies within its size of the line
                candidates = _candidates(route.points, width, height)
                box = Rect(min(xs) - width - GAP, min(ys) - height - GAP, max(xs) - min(xs) + 2 * (width + GAP),
                           max(ys) - min(ys) + 2 * (height + GAP))
                local = [other for other in obstacles if other.intersects(box)]
            for _, patch in sorted(candidates, key=lambda candidate: candidate[0]):  # nearest the middle first
                if _inside(patch, bounds) and not any(patch.intersects(other) for other in local):
                    return LabelPlace(route, lines, patch, patch.x + PAD, patch.y + LABEL_SIZE, mark if marked else None)
    return None


def _callout(mark: LabelPlace, bounds: Rect, obstacles: list[Rect]) -> LabelPlace | None:
    """The marked label in full after its mark ("[1] professional", on up to `MOST_LINES` lines), in the
    nearest room clear of cards and other labels at most `NEAR` from the mark, so the reader need not look
    for it in the page's notes; None where there is no such room."""
    assert mark.mark is not None
    text = f"{_mark(mark.mark)} {mark.route.label}"
    words = text.split()
    anchor = mark.patch
    reach = NEAR + text_width(text, CONDENSED, LABEL_SIZE) + 2 * PAD
    region = Rect(anchor.x - reach, anchor.y - reach, anchor.width + 2 * reach, anchor.height + 2 * reach)
    nearby = [other for other in obstacles if other.intersects(region)]
    for count in range(1, min(MOST_LINES, len(words)) + 1):
        lines = _even_lines(text, count)
        width = max(text_width(line, CONDENSED, LABEL_SIZE) for line in lines) + 2 * PAD
        height = len(lines) * LABEL_LEADING + PAD
        most = NEAR + max(width, height) / 2
        cx, cy = anchor.center_x, anchor.center_y
        beside = [other for other in nearby  # only those a patch snug against could be near enough the mark
                  if max(other.x - cx, cx - other.right, 0.0) <= most + width and
                  max(other.y - cy, cy - other.bottom, 0.0) <= most + height]
        shifts = [(math.hypot(patch.center_x - cx, patch.center_y - cy), patch)
                  for patch in _beside(anchor, width, height, beside)]
        for shift, patch in sorted(shifts, key=lambda candidate: candidate[0]):  # nearest the mark first
            if shift > most:
                break
            if _inside(patch, bounds) and not any(patch.intersects(other) for other in nearby):
                return LabelPlace(mark.route, lines, patch, patch.x + PAD, patch.y + LABEL_SIZE, mark.mark,
                                  callout=True)
    return None


def _beside(anchor: Rect, width: float, height: float, obstacles: list[Rect]) -> Iterator[Rect]:
    """Patches of `width` x `height` snug against `anchor` or an obstacle: right of it, left of it, under it,
    over it, each level with its top, middle or foot (or its left, middle or right)."""
    for other in [anchor, *obstacles]:
        for y in (other.y, other.center_y - height / 2, other.bottom - height):
            yield Rect(other.right + GAP, y, width, height)
            yield Rect(other.x - GAP - width, y, width, height)
        for x in (other.x, other.center_x - width / 2, other.right - width):
            yield Rect(x, other.bottom + GAP, width, height)
            yield Rect(x, other.y - GAP - height, width, height)


def _settings(label: str, mark: int) -> Iterator[tuple[tuple[str, ...], bool]]:
    """The label whole on one line, then on two, three or four lines as even as the words allow (a narrow
    column fits between cards stacked side by side), then the numbered mark standing for it."""
    for count in range(1, min(MOST_LINES, len(label.split())) + 1):
        yield _even_lines(label, count), False
    yield (_mark(mark),), True


@lru_cache(maxsize=4096)
def _even_lines(text: str, count: int) -> tuple[str, ...]:
    """The words of `text` on `count` lines, the widest of them as narrow as can be (a page's labels are
    mostly a few words used again and again, so each is worked out once)."""
    words = text.split()
    if count == 1:
        return (" ".join(words),)

    def width(start: int, end: int) -> float:
        return text_width(" ".join(words[start:end]), CONDENSED, LABEL_SIZE)

    # best[k][end]: (widest line, line starts) for words[:end] on k lines
    best: list[dict[int, tuple[float, tuple[int, ...]]]] = [{0: (0.0, ())}]
    for lines in range(1, count + 1):
        row: dict[int, tuple[float, tuple[int, ...]]] = {}
        for end in range(lines, len(words) - (count - lines) + 1):
            row[end] = min((max(widest, width(start, end)), starts + (start,))
                           for start, (widest, starts) in best[-1].items() if start < end)
        best.append(row)
    starts = best[count][len(words)][1]
    return tuple(" ".join(words[start:end]) for start, end in zip(starts, [*starts[1:], len(words)]))


def _mark(number: int) -> str:
    return f"[{number}]"


def _candidates(points: list[tuple[float, float]], width: float, height: float) -> Iterator[tuple[float, Rect]]:
    """Patches beside each run of the route, each with how far along the route its anchor is from the middle."""
    lengths = [abs(x1 - x0) + abs(y1 - y0) for (x0, y0), (x1, y1) in zip(points, points[1:])]
    middle = sum(lengths) / 2
    start = 0.0
    for ((x0, y0), (x1, y1)), length in zip(zip(points, points[1:]), lengths):
        steps = max(1, int(length // STEP))
        for step in range(steps + 1):
            t = step / steps
            x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
            distance = abs(start + length * t - middle)
            if y0 == y1:  # a run across: the label above or below it, centred on the place
                yield distance, Rect(x - width / 2, y - GAP - height, width, height)
                yield distance + 0.1, Rect(x - width / 2, y + GAP, width, height)
            else:  # a run down: the label right or left of it, centred on the place
                yield distance, Rect(x + GAP, y - height / 2, width, height)
                yield distance + 0.1, Rect(x - GAP - width, y - height / 2, width, height)
        start += length


def _near(points: list[tuple[float, float]], width: float, height: float,
          obstacles: list[Rect]) -> Iterator[tuple[float, Rect]]:
    """Where no run has room beside it (a line between cards stacked close): patches just clear of the
    cards round the line's places, at most `NEAR` from the line, each with how far it is from its place."""
    for place_distance, patch in _candidates(points, width, height):
        anchor = patch.center_x, patch.center_y
        for other in obstacles:
            if other.intersects(patch):
                for moved in (Rect(other.right + GAP, patch.y, width, height),
                              Rect(other.x - GAP - width, patch.y, width, height),
                              Rect(patch.x, other.bottom + GAP, width, height),
                              Rect(patch.x, other.y - GAP - height, width, height)):
                    shift = abs(moved.center_x - anchor[0]) + abs(moved.center_y - anchor[1])
                    if shift <= NEAR + max(width, height) / 2:
                        yield place_distance + shift, moved


def _inside(patch: Rect, bounds: Rect) -> bool:
    return bounds.x <= patch.x and patch.right <= bounds.right and bounds.y <= patch.y and patch.bottom <= bounds.bottom
