"""The Overview dock: the whole chart as plain shapes, with the part the canvas shows outlined. Click or
drag in it to move the canvas there.

The shapes are drawn once into a picture each time the chart is laid out (or the dock resized), a moment
after the layout so that an edit or a fold paints without waiting for it; moving or zooming the canvas only
redraws the outline over that picture."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...layout import Layout, Rect
from ..scene import OrgScene
from ..view import OrgView

MARGIN = 6.0
REDRAW_DELAY_MS = 150
CARD, GROUP, GROUP_EDGE, FRAME = QColor("#5b7fb0"), QColor("#e3ebf6"), QColor("#9db8d9"), QColor("#d9480f")


class Overview(QWidget):
    def __init__(self, scene: OrgScene, view: OrgView) -> None:
        super().__init__()
        self.setObjectName("overview")
        self.scene, self.view = scene, view
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("The whole chart: click or drag to move the canvas")
        self._picture: QPixmap | None = None
        self._chart = QRectF()
        self._scale = 1.0
        self._offset = QPointF()
        self._later = QTimer(self)
        """A relayout redraws the chart's picture once things are quiet, never in the edit's own frame."""
        self._later.setSingleShot(True)
        self._later.setInterval(REDRAW_DELAY_MS)
        self._later.timeout.connect(self.redraw_chart)
        scene.laid_out.connect(self._later.start)
        self._frame = QRectF()
        """Where the outline of what the canvas shows was last painted."""
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(self._follow_view)
            bar.rangeChanged.connect(self._follow_view)

    # ----- scene and widget coordinates ----------------------------------------------------

    def _fit(self) -> None:
        chart = self.scene.content_rect()
        self._chart = chart
        if chart.isEmpty():
            self._scale = 1.0
            return
        room_w, room_h = self.width() - 2 * MARGIN, self.height() - 2 * MARGIN
        self._scale = min(room_w / chart.width(), room_h / chart.height())
        self._offset = QPointF(MARGIN + (room_w - chart.width() * self._scale) / 2,
                               MARGIN + (room_h - chart.height() * self._scale) / 2)

    def to_widget(self, rect: QRectF) -> QRectF:
        return QRectF((rect.x() - self._chart.x()) * self._scale + self._offset.x(),
                      (rect.y() - self._chart.y()) * self._scale + self._offset.y(),
                      rect.width() * self._scale, rect.height() * self._scale)

    def to_scene(self, point: QPointF) -> QPointF:
        return QPointF((point.x() - self._offset.x()) / self._scale + self._chart.x(),
                       (point.y() - self._offset.y()) / self._scale + self._chart.y())

    def visible_rect(self) -> QRectF:
        """The part of the chart the canvas shows, in scene coordinates."""
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()

    def _frame_rect(self) -> QRectF:
        return self.to_widget(self.visible_rect()).intersected(QRectF(self.rect()).adjusted(1, 1, -1, -1))

    def _follow_view(self) -> None:
        """Repaint round the outline, where it was and where it goes, if it moves: a scroll bar's range changes
        with most edits while the canvas shows the same part of the chart."""
        frame = self._frame_rect()
        if frame != self._frame:
            self.update(self._frame.united(frame).toAlignedRect().adjusted(-2, -2, 2, 2))
            self._frame = frame

    # ----- painting ------------------------------------------------------------------------

    def redraw_chart(self) -> None:
        self._later.stop()
        self._picture = None
        self.update()

    def _draw_chart(self) -> QPixmap:
        self._fit()
        picture = QPixmap(self.size())
        picture.fill(QColor("#fbfbfc"))
        layout = self.scene.layout
        if layout is None:
            return picture
        painter = QPainter(picture)
        painter.setPen(QPen(GROUP_EDGE, 1))
        painter.setBrush(GROUP)
        painter.drawRects(self._widget_rects(layout.groups.values(), 0.0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CARD)
        painter.drawRects(self._card_rects(layout))  # a card is at least one pixel
        painter.end()
        return picture

    def _widget_rects(self, rects: Iterable[Rect], least: float) -> list[QRectF]:
        """Scene rectangles in widget coordinates, each at least `least` pixels wide and high (all at once:
        10,000 cards are one call to draw, not 10,000)."""
        scale, dx, dy = self._scale, self._offset.x() - self._chart.x() * self._scale, \
            self._offset.y() - self._chart.y() * self._scale
        return [QRectF(r.x * scale + dx, r.y * scale + dy, max(r.width * scale, least), max(r.height * scale, least))
                for r in rects]

    def _card_rects(self, layout: Layout) -> list[QRectF]:
        """Every card in widget coordinates, at least a pixel wide and high (from where the layout keeps them)."""
        scale, dx, dy = self._scale, self._offset.x() - self._chart.x() * self._scale, \
            self._offset.y() - self._chart.y() * self._scale
        width, height = (max(side * scale, 1.0) for side in layout.card_size())
        return [QRectF(x * scale + dx, y * scale + dy, width, height) for x, y in layout.card_corners()]

    def ensure_drawn(self) -> None:
        """The chart's picture at the widget's size (and with it, where each shape is), the latest layout's."""
        if self._later.isActive():
            self.redraw_chart()
        self._draw_if_needed()

    def _draw_if_needed(self) -> None:
        if self._picture is None or self._picture.size() != self.size():
            self._picture = self._draw_chart()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._draw_if_needed()  # a picture waiting for a redraw is shown until it is redrawn
        painter = QPainter(self)
        if self._picture is not None:
            painter.drawPixmap(0, 0, self._picture)
        painter.setPen(QPen(FRAME, 1.6))
        painter.setBrush(QColor(217, 72, 15, 30))
        self._frame = self._frame_rect()
        painter.drawRect(self._frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._picture = None
        super().resizeEvent(event)

    # ----- moving the canvas ---------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.ensure_drawn()
        if event.button() == Qt.MouseButton.LeftButton:
            self.view.centerOn(self.to_scene(event.position()))
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.view.centerOn(self.to_scene(event.position()))
            event.accept()
