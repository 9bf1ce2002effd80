"""Room for cards placed by hand: a hand-placed card that would lie on another card moves to
the nearest free place (the tidy cards keep theirs), so no edit leaves two cards on each other."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping

from .geometry import Box, Rect
from .options import LayoutOptions


class Room:
    """The cards a hand-placed card may not lie on, by cell: each cell's cards are asked for (`find`, the
    layout's walk down only the blocks that meet it) when the search for room first reaches it, so nothing is
    kept for every card between edits; the hand-placed cards placed so far are added."""

    def __init__(self, options: LayoutOptions, find: Callable[[Box], Iterable[tuple[str, Rect]]]) -> None:
        self.cell_w, self.cell_h = options.card_width + options.h_gap, options.card_height + options.v_gap
        self.cells: dict[tuple[int, int], dict[str, Rect]] = {}
        self.find = find

    def _cell(self, i: int, j: int) -> dict[str, Rect]:
        found = self.cells.get((i, j))
        if found is None:
            w, h = self.cell_w, self.cell_h
            found = self.cells[(i, j)] = dict(self.find((i * w, j * h, (i + 1) * w, (j + 1) * h)))
        return found

    def _span(self, rect: Rect) -> tuple[range, range]:
        return (range(math.floor(rect.x / self.cell_w), math.floor(rect.right / self.cell_w) + 1),
                range(math.floor(rect.y / self.cell_h), math.floor(rect.bottom / self.cell_h) + 1))

    def add(self, key: str, rect: Rect) -> None:
        xs, ys = self._span(rect)
        for i in xs:
            for j in ys:
                self._cell(i, j)[key] = rect

    def hits(self, rect: Rect, ignore: str) -> bool:
        xs, ys = self._span(rect)
        return any(key != ignore and other.intersects(rect)
                   for i in xs for j in ys for key, other in self._cell(i, j).items())


def make_room_for_hand_placed(room: Room, placed: Mapping[str, Rect], options: LayoutOptions) -> dict[str, Rect]:
    """Where each hand-placed card goes: where it was put if that is free, else the nearest free
    place, looked for ring by ring on a grid of half a card (in post order, so the result does
    not depend on which edit came last). `room` holds the other cards; the placed ones are added."""
    w, h = options.card_width, options.card_height
    step_x, step_y = (w + options.h_gap) / 2, (h + options.stack_gap) / 2
    result: dict[str, Rect] = {}
    for key, rect in placed.items():
        spot = rect
        ring = 0
        while room.hits(spot, key):
            ring += 1
            candidates = [rect.translated(dx * step_x, dy * step_y)
                          for dx in range(-ring, ring + 1) for dy in range(-ring, ring + 1)
                          if max(abs(dx), abs(dy)) == ring]
            candidates.sort(key=lambda r: (r.x - rect.x) ** 2 + (r.y - rect.y) ** 2)
            spot = next((c for c in candidates if not room.hits(c, key)), spot)
        result[key] = spot
        room.add(key, spot)
    return result
