"""Dotted lines on a printed page taken round the cards they would pass behind.

The shared layout routes a dotted line straight between its two cards, whatever stands between
them; drawn beneath the cards such a line seems to start at a card in its way (the post between a
manager and a report stacked under each other). On paper a line crossing other cards instead runs
down a channel beside them, out of one card's side and into the other's, when such a channel is
clear of every card within the page's chart; else it keeps its route (drawn beneath the cards).
"""

from __future__ import annotations

from collections.abc import Iterable

from ...layout import Layout, Rect
from ...layout.routes import LineRoute, Point

CLEARANCE = 5.0
"""How far beside the cards a detour runs, in chart units."""


def dotted_routes(layout: Layout) -> list[LineRoute]:
    """The page's dotted lines as printed, in the layout's order: each either as laid out or round the cards
    in its way."""
    return [_detour(route, layout) for route in layout.lines if route.kind == "dotted"]


def _detour(route: LineRoute, layout: Layout) -> LineRoute:
    ends = {route.manager, route.report}
    others = [card for pid, card in layout.cards.items() if pid not in ends]
    if len(route.points) < 2 or not _crosses(route.points, others):
        return route
    manager, report = layout.cards[route.manager], layout.cards[route.report]
    clear = [points for points in (_channel(manager, report, others, right) for right in (True, False))
             if points is not None and _within(points, layout.bounds) and not _crosses(points, others)]
    if not clear:
        return route
    return LineRoute(route.manager, route.report, route.kind, min(clear, key=_length), route.label)


def _channel(manager: Rect, report: Rect, others: list[Rect], right: bool) -> list[Point] | None:
    """Out of the manager's side, along a channel beside every card between, into the report's same side."""
    top, bottom = sorted((manager.center_y, report.center_y))
    x = max(manager.right, report.right) + CLEARANCE if right else min(manager.x, report.x) - CLEARANCE
    for _ in range(len(others) + 1):
        run = _segment((x, top), (x, bottom))
        blocking = [card for card in others if card.intersects(run)]
        if not blocking:
            side = (lambda card: card.right) if right else (lambda card: card.x)
            return [(side(manager), manager.center_y), (x, manager.center_y), (x, report.center_y),
                    (side(report), report.center_y)]
        x = max(card.right for card in blocking) + CLEARANCE if right else min(card.x for card in blocking) - CLEARANCE
    return None


def _crosses(points: list[Point], cards: Iterable[Rect]) -> bool:
    runs = [_segment(a, b) for a, b in zip(points, points[1:])]
    return any(card.intersects(run) for card in cards for run in runs)


def _segment(a: Point, b: Point) -> Rect:
    """A run between two points as a hairline rectangle (one wide enough to meet a card it crosses)."""
    (x0, y0), (x1, y1) = a, b
    return Rect(min(x0, x1) - 0.01, min(y0, y1) - 0.01, abs(x1 - x0) + 0.02, abs(y1 - y0) + 0.02)


def _within(points: list[Point], bounds: Rect) -> bool:
    return all(bounds.x <= x <= bounds.right and bounds.y <= y <= bounds.bottom for x, y in points)


def _length(points: list[Point]) -> float:
    return sum(abs(x1 - x0) + abs(y1 - y0) for (x0, y0), (x1, y1) in zip(points, points[1:]))
