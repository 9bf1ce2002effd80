"""Orthogonal routes for reporting lines between two card rectangles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .geometry import Rect

Point = tuple[float, float]
LineKind = Literal["line", "dotted"]


@dataclass(slots=True)
class LineRoute:
    manager: str
    report: str
    kind: LineKind
    points: list[Point] = field(default_factory=list)
    label: str = ""
    """A dotted line's label ("professional", "statutory"…); empty for line management."""


def solid_route(manager: Rect, report: Rect, bus: float | None, clearance: float) -> list[Point]:
    """Bottom-centre of the manager to top-centre of the report: down, across, down.

    `bus` is the preferred height of the horizontal run (shared by a manager's reports).
    When the report is not below the manager (a hand-placed card, a reporting cycle) the
    line leaves downwards, passes beside the cards `clearance` away and comes in from above.
    """
    sx, sy = manager.center_x, manager.bottom
    ex, ey = report.center_x, report.y
    if ey > sy:
        level = bus if bus is not None and sy < bus < ey else (sy + ey) / 2
        if sx == ex:
            return [(sx, sy), (ex, ey)]
        return [(sx, sy), (sx, level), (ex, level), (ex, ey)]
    aside = _channel(manager, report, clearance)
    below, above = sy + clearance, ey - clearance
    return [(sx, sy), (sx, below), (aside, below), (aside, above), (ex, above), (ex, ey)]


def spine_route(manager: Rect, report: Rect, indent: float, gap: float) -> list[Point]:
    """A compact stack: down the spine at the manager's left, then a tick into the report's left edge.

    A report in a later column of the stack is reached along a run just under the manager
    (`gap` is the space between the manager and the first card) to that column's own spine.
    """
    spine = manager.x + indent / 2
    column_spine = report.x - indent / 2
    if abs(column_spine - spine) < 0.5:
        return [(spine, manager.bottom), (spine, report.center_y), (report.x, report.center_y)]
    run = manager.bottom + gap / 2
    return [(spine, manager.bottom), (spine, run), (column_spine, run), (column_spine, report.center_y),
            (report.x, report.center_y)]


def column_route(manager: Rect, report: Rect, bus: float, spine: float) -> list[Point]:
    """A report in a leaf column: down from the manager to the bus, along it to the column's
    spine, down the spine, then a tick into the report's left edge."""
    return [(manager.center_x, manager.bottom), (manager.center_x, bus), (spine, bus), (spine, report.center_y),
            (report.x, report.center_y)]


def side_route(manager: Rect, assistant: Rect) -> list[Point]:
    """An assistant beside its manager: from the manager's side straight across (or with a step)."""
    leftwards = assistant.right <= manager.x
    sx = manager.x if leftwards else manager.right
    ex = assistant.right if leftwards else assistant.x
    return _elbow((sx, manager.center_y), (ex, assistant.center_y), horizontal=True)


def wrapped_route(manager: Rect, report: Rect, bus: float, trunk: float, row_bus: float) -> list[Point]:
    """A report in a later row of wrapped reports: down to the first row's bus, along it to the
    trunk at the block's side, down the trunk to the bus above the report's row, across, down."""
    return [(manager.center_x, manager.bottom), (manager.center_x, bus), (trunk, bus), (trunk, row_bus),
            (report.center_x, row_bus), (report.center_x, report.y)]


def dotted_route(manager: Rect, report: Rect, clearance: float) -> list[Point]:
    """Side to side when the cards stand apart, otherwise bottom to top; around the left if they overlap."""
    if manager.right <= report.x or report.right <= manager.x:
        leftwards = report.right <= manager.x
        sx = manager.x if leftwards else manager.right
        ex = report.right if leftwards else report.x
        return _elbow((sx, manager.center_y), (ex, report.center_y), horizontal=True)
    if manager.bottom <= report.y:
        return _elbow((manager.center_x, manager.bottom), (report.center_x, report.y), horizontal=False)
    if report.bottom <= manager.y:
        return _elbow((manager.center_x, manager.y), (report.center_x, report.bottom), horizontal=False)
    aside = min(manager.x, report.x) - clearance
    return [(manager.x, manager.center_y), (aside, manager.center_y), (aside, report.center_y),
            (report.x, report.center_y)]


def _elbow(start: Point, end: Point, horizontal: bool) -> list[Point]:
    """A Z-shaped route whose middle run is halfway; a straight one when the ends line up."""
    (sx, sy), (ex, ey) = start, end
    if (sy == ey) if horizontal else (sx == ex):
        return [start, end]
    if horizontal:
        mid = (sx + ex) / 2
        return [start, (mid, sy), (mid, ey), end]
    mid = (sy + ey) / 2
    return [start, (sx, mid), (ex, mid), end]


def _channel(a: Rect, b: Rect, clearance: float) -> float:
    """An x between two cards standing apart, else one to the left of both."""
    if a.right <= b.x:
        return (a.right + b.x) / 2
    if b.right <= a.x:
        return (b.right + a.x) / 2
    return min(a.x, b.x) - clearance
