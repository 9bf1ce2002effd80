"""A reporting line: solid for line management, dashed for dotted lines. Selectable to switch or delete."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from ...presentation.chartstyle import ACCENT, DOTTED_LINE, LINE

LINE_TYPE = QGraphicsItem.UserType + 3
_PENS: dict[tuple[str, bool], QPen] = {}
_NO_BRUSH = QBrush(Qt.NoBrush)


class ReportingLineItem(QGraphicsPathItem):
    def __init__(self, manager: str, report: str, kind: str) -> None:
        super().__init__()
        self.manager, self.report, self.kind = manager, report, kind
        self.setFlags(QGraphicsItem.ItemIsSelectable)
        self.setZValue(5)
        self.setPen(self._pen(False))
        self._points: list[tuple[float, float]] = []
        self._path = QPainterPath()

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
            path.moveTo(QPointF(*points[0]))
            for point in points[1:]:
                path.lineTo(QPointF(*point))
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

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(9)
        return stroker.createStroke(self.path())

    def paint(self, painter, option, widget=None) -> None:  # no dashed selection rectangle
        painter.setPen(self._pen(self.isSelected()))  # kept cheap: a chart paints thousands of lines
        painter.setBrush(_NO_BRUSH)
        painter.drawPath(self._path)
