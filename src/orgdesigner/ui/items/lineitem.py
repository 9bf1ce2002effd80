"""A reporting line: solid for line management, dashed for dotted lines. Selectable to switch or delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from ...presentation.chartstyle import ACCENT, DOTTED_LINE, LINE

LINE_TYPE = QGraphicsItem.UserType + 3
_PENS: dict[tuple[str, bool], QPen] = {}
_NO_BRUSH = QBrush(Qt.NoBrush)
_SELECTABLE = QGraphicsItem.ItemIsSelectable
"""(Looked up once: a focus on a branch makes a thousand lines at a time.)"""
_HIT_AREA = QPainterPathStroker()
"""A line's shape: 9 wide, easy to click."""
_HIT_AREA.setWidth(9)


class ReportingLineItem(QGraphicsPathItem):
    _points: list[tuple[float, float]] = []  # (replaced by `set_points`, never changed in place)
    _path = QPainterPath()

    def __init__(self, manager: str, report: str, kind: str) -> None:
        super().__init__()
        self.manager, self.report, self.kind = manager, report, kind
        self.setFlags(_SELECTABLE)
        self.setZValue(5)
        self.setPen(self._pen(False))

    def type(self) -> int:
        return LINE_TYPE

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.manager, self.report, self.kind)

    def set_points(self, points: list[tuple[float, float]]) -> None:
        if points == self._points:
            return  # most lines stay put when the chart is laid out again
        self._points = list(points)
        path = QPainterPath()
        if points:
            path.moveTo(*points[0])
            for x, y in points[1:]:
                path.lineTo(x, y)
        self._path = path
        self.setPath(path)

    def _pen(self, selected: bool) -> QPen:
        key = (self.kind, selected)
        pen = _PENS.get(key)
        if pen is None:
            pen = _PENS[key] = self._make_pen(selected)
        return pen

    def _make_pen(self, selected: bool) -> QPen:
        colour = QColor(ACCENT) if selected else QColor(LINE if self.kind == "line" else DOTTED_LINE)
        pen = QPen(colour, 2.6 if selected else (1.4 if self.kind == "line" else 1.2))
        if self.kind == "dotted":
            pen.setStyle(Qt.DashLine)
        pen.setCapStyle(Qt.FlatCap)
        return pen

    def shape(self) -> QPainterPath:  # (Qt asks for it once per new path, for the line's bounding rectangle)
        return _HIT_AREA.createStroke(self._path)

    def paint(self, painter, option, widget=None) -> None:  # no dashed selection rectangle
        painter.setPen(self._pen(self.isSelected()))  # kept cheap: a chart paints thousands of lines
        painter.setBrush(_NO_BRUSH)
        painter.drawPath(self._path)
