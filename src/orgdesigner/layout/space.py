"""Room for cards placed by hand: a hand-placed card that would lie on another card moves to
the nearest free place (the tidy cards keep theirs), so no edit leaves two cards on each other."""

from __future__ import annotations

import math
from collections.abc import Mapping

from .geometry import Rect
from .options import LayoutOptions


class Grid:
    """Cards bucketed by cell, to find the ones near a rectangle without looking at them all;
    kept up to date card by card as the layout changes."""

    def __init__(self, options: LayoutOptions) -> None:
        self.cell_w, self.cell_h = options.card_width + options.h_gap, options.card_height + options.v_gap
        self.cells: dict[tuple[int, int], dict[str, Rect]] = {}
        self.where: dict[str, Rect] = {}

    def _span(self, rect: Rect) -> tuple[range, range]:
        return (range(math.floor(rect.x / self.cell_w), math.floor(rect.right / self.cell_w) + 1),
                range(math.floor(rect.y / self.cell_h), math.floor(rect.bottom / self.cell_h) + 1))

    def add(self, key: str, rect: Rect) -> None:
        self.where[key] = rect
        xs, ys = self._span(rect)
        for i in xs:
            for j in ys:
                self.cells.setdefault((i, j), {})[key] = rect

    def remove(self, key: str) -> None:
        rect = self.where.pop(key, None)
        if rect is None:
            return
        xs, ys = self._span(rect)
        for i in xs:
            for j in ys:
                self.cells[(i, j)].pop(key, None)

    def hits(self, rect: Rect, ignore: str) -> bool:
        xs, ys = self._span(rect)
        return any(key != ignore and other.intersects(rect)
                   for i in xs for j in ys for key, other in self.cells.get((i, j), {}).items())


def make_room_for_hand_placed(grid: Grid, placed: Mapping[str, Rect], options: LayoutOptions) -> dict[str, Rect]:
    """Where each hand-placed card goes: where it was put if that is free, else the nearest free
    place, looked for ring by ring on a grid of half a card (in post order, so the result does
    not depend on which edit came last). `grid` holds the other cards; the placed ones are added."""
    w, h = options.card_width, options.card_height
    step_x, step_y = (w + options.h_gap) / 2, (h + options.stack_gap) / 2
    result: dict[str, Rect] = {}
    for key, rect in placed.items():
        spot = rect
        ring = 0
        while grid.hits(spot, key):
            ring += 1
            candidates = [rect.translated(dx * step_x, dy * step_y)
                          for dx in range(-ring, ring + 1) for dy in range(-ring, ring + 1)
                          if max(abs(dx), abs(dy)) == ring]
            candidates.sort(key=lambda r: (r.x - rect.x) ** 2 + (r.y - rect.y) ** 2)
            spot = next((c for c in candidates if not grid.hits(c, key)), spot)
        result[key] = spot
        grid.add(key, spot)
    return result
