"""A found post and its chain of command, marked on the canvas: a halo round each card and along each line
from the post up to the top. Cleared by the next find or when the selection changes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from ..scene import OrgScene

HALO = QColor(255, 183, 0, 150)


def chain_highlight(scene: OrgScene, post_id: str) -> QGraphicsPathItem | None:
    """The mark for `post_id` and the managers above it that are shown, added to the scene (None: not shown)."""
    layout = scene.layout
    if layout is None or post_id not in layout.cards:
        return None
    chain = [post_id, *(p for p in scene.structure.chain_above(post_id) if p in layout.cards)]
    path = QPainterPath()
    for member in chain:
        rect = layout.cards[member]
        path.addRoundedRect(QRectF(rect.x - 5, rect.y - 5, rect.width + 10, rect.height + 10), 8, 8)
    for manager, report in zip(chain[1:], chain[:-1]):
        route = layout.routes.get((manager, report, "line"))
        if route is not None and route.points:
            path.moveTo(QPointF(*route.points[0]))
            for point in route.points[1:]:
                path.lineTo(QPointF(*point))
    item = QGraphicsPathItem(path)
    item.setPen(QPen(HALO, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    item.setZValue(8)  # above lines and group boxes, under the cards
    item.setData(0, "chain_highlight")
    scene.addItem(item)
    return item
