"""The canvas view: wheel zoom about the cursor, middle-button or space-bar panning, fit to window,
Esc to cancel the gesture in progress (or, with none, to clear the selection), and the scene's hints shown in the window's status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QStatusTipEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QStyleOptionGraphicsItem

from .scene import OrgScene

MIN_ZOOM, MAX_ZOOM = 0.05, 4.0
SCROLL_MARGIN_PX = 200
"""How far past the chart's edges the canvas scrolls, in view pixels whatever the zoom (room to drag cards
outward). Along an axis where the whole chart fits in the view there is nothing to scroll, so at Fit to Window
no scrollbar shows and the chart sits centred."""
FIT_PADDING = 30


class OrgView(QGraphicsView):
    def __init__(self, scene: OrgScene) -> None:
        super().__init__(scene)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setDragMode(QGraphicsView.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.DontSavePainterState)
        self._pan_from: QPointF | None = None
        self._space_down = False
        self._holding = False
        """While a zoom runs (see `set_zoom`): the scroll area follows, the scene hears of the area at the end."""
        scene.hint.connect(self._show_hint)
        scene.sceneRectChanged.connect(lambda _rect: self._fit_scroll_area(now=True))  # the chart grew or shrank
        self.report_area()

    def report_area(self) -> None:
        """Tell the scene what part of it is in view and at what scale, so it makes the items there (see
        `ui/visible.py`) and the items sized to the view know their size.
        Called after every scroll, resize and zoom; `drawBackground` catches any other change."""
        scene = self.scene()
        if isinstance(scene, OrgScene):
            self._fit_scroll_area()
            if self._holding:
                return
            scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(self.transform())  # as items are painted at
            scene.show_area(self.visible_area(), scale)

    def _fit_scroll_area(self, now: bool = False) -> None:
        """Scroll over the chart and `SCROLL_MARGIN_PX` beyond it, along each axis where it doesn't fit. `now`: the
        chart grew or shrank, and the scroll area is laid out at once, so scroll bars that come or go do so before
        the view is painted, not after it, which paints it twice (a scroll or zoom leaves that to Qt)."""
        scene = self.scene()
        if not isinstance(scene, OrgScene) or scene.layout is None:
            return
        chart, zoom = scene.content_rect(), self.zoom
        margin = SCROLL_MARGIN_PX / zoom
        for _ in range(3 if now else 1):  # a scroll bar that comes or goes changes the room, so perhaps the other
            size = self.viewport().size()
            dx = 0.0 if chart.width() * zoom <= size.width() else margin
            dy = 0.0 if chart.height() * zoom <= size.height() else margin
            area = chart.adjusted(-dx, -dy, dx, dy)
            if area == self.sceneRect():
                return
            self.setSceneRect(area)
            if now:
                self.setViewportMargins(self.viewportMargins())  # (setting them again lays the scroll area out)

    def visible_area(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.report_area()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.report_area()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        self.report_area()  # a no-op unless the view moved without telling (a transform set from outside)
        super().drawBackground(painter, rect)

    def _show_hint(self, text: str) -> None:
        """A status tip travels up to the main window, which shows it in its status bar."""
        QApplication.sendEvent(self, QStatusTipEvent(text))

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        """Zoom to `factor` (about the point under the mouse), telling the scene only of the area the zoom ends at.
        Scaling scrolls the view more than once on the way (the scroll range follows the new scale, then the point
        under the mouse is put back under it), and scroll bars that come or go with the new range do so on a queued
        call, narrowing or widening the viewport after the zoom: each would report its area, and the scene make
        and drop items for areas shown for no frame at all."""
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        held, self._holding = self._holding, True
        try:
            self.setTransform(QTransform.fromScale(factor, factor))  # exactly `factor`, not a product of steps
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)  # the scroll bars shown or hidden now
        finally:
            self._holding = held
        self.report_area()

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom * step)

    def fit(self) -> None:
        scene = self.scene()
        if not isinstance(scene, OrgScene) or scene.layout is None:
            return
        rect = scene.content_rect().adjusted(-FIT_PADDING, -FIT_PADDING, FIT_PADDING, FIT_PADDING)
        self._holding = True  # as in `set_zoom`: the scene hears only of the area the fit ends at
        try:
            for _ in range(2):  # again if the first fit took the scrollbars away, and so widened the view
                size = self.viewport().size()
                self.fitInView(rect, Qt.KeepAspectRatio)
                if self.zoom > 1.0:
                    self.set_zoom(1.0)
                    self.centerOn(rect.center())
                self.report_area()
                if self.viewport().size() == size:
                    break
        finally:
            self._holding = False
        self.report_area()

    def centre_on_posts(self, post_ids: list[str]) -> None:
        scene = self.scene()
        cards = [scene.card(p) for p in post_ids]
        rects = [card.sceneBoundingRect() for card in cards if card is not None]
        if not rects:
            return
        area = rects[0]
        for rect in rects[1:]:
            area = area.united(rect)
        if self.zoom < 0.6:
            self.set_zoom(0.8)
        self.centerOn(area.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.15 ** steps)
            event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        scene = self.scene()
        if event.key() == Qt.Key.Key_Escape and isinstance(scene, OrgScene):
            if not scene.cancel_gesture():
                scene.clearSelection()
            event.accept()
            return
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.OpenHandCursor)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MiddleButton or (self._space_down and event.button() == Qt.LeftButton):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
