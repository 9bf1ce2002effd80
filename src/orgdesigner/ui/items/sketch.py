"""A tile of the chart drawn as plain shapes: the cards' boxes and the reporting lines of one square of
the layout, in one item with a cached picture.

When the view holds more cards than are worth making items of (a 10,000-post chart fitted to the window),
the scene shows these tiles instead of card and line items: each card is then a few pixels across, so a
box coloured by its status is all a card item would paint anyway (see `zoom.Detail.BOX`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...presentation.chartstyle import DOTTED_LINE, LINE

SKETCH_TYPE = QGraphicsItem.UserType + 8
CardShape = tuple[QRectF, str, str]
"""A card's rectangle, fill and border colour."""


class SketchTile(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self._bounds = QRectF()
        self._cards: dict[tuple[str, str], list[QRectF]] = {}
        self._lines: dict[str, list[QLineF]] = {}
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setZValue(10)  # where the cards would be
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)

    def type(self) -> int:
        return SKETCH_TYPE

    @property
    def card_count(self) -> int:
        return sum(len(rects) for rects in self._cards.values())

    def set_content(self, cards: Iterable[CardShape], lines: Iterable[tuple[str, list[tuple[float, float]]]]) -> None:
        """The tile's cards and its lines (each a kind, "line" or "dotted", and its route's points)."""
        self.prepareGeometryChange()
        self._cards, self._lines = {}, {}
        bounds = QRectF()
        for rect, fill, border in cards:
            self._cards.setdefault((fill, border), []).append(rect)
            bounds = bounds.united(rect)
        for kind, points in lines:
            segments = self._lines.setdefault(kind, [])
            for (x1, y1), (x2, y2) in zip(points, points[1:]):
                segments.append(QLineF(x1, y1, x2, y2))
                bounds = bounds.united(QRectF(QPointF(x1, y1), QPointF(x2, y2)).normalized())
        self._bounds = bounds.adjusted(-2, -2, 2, 2)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never hit: a press over a sketched card makes its card item first

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        for kind, segments in self._lines.items():
            pen = QPen(QColor(LINE if kind == "line" else DOTTED_LINE), 1.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLines(segments)
        for (fill, border), rects in self._cards.items():
            pen = QPen(QColor(border), 1.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(QColor(fill))
            painter.drawRects(rects)
