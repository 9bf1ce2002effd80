"""Which gesture a mouse press starts, from what is under the cursor."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsItem

from ..items.groupbox import GroupBoxItem
from ..items.postcard import PostCardItem
from .base import Canvas, Gesture
from .draw_line import DrawLine
from .move_cards import MoveCards
from .move_group import MoveGroup


def gesture_for_press(canvas: Canvas, item: QGraphicsItem | None, pos: QPointF,
                      button: Qt.MouseButton) -> Gesture | None:
    """The gesture for a press of `button` on `item` at `pos` (scene coordinates), or None for
    Qt's own handling (rubber-band selection, a line's selection). Ctrl at release makes a line dotted."""
    if button != Qt.MouseButton.LeftButton:
        return None
    if isinstance(item, PostCardItem):
        return DrawLine(canvas, item) if item.on_handle(item.mapFromScene(pos)) else MoveCards(canvas, item)
    if isinstance(item, GroupBoxItem) and item.on_header(pos.y()):
        return MoveGroup(canvas, item)
    return None
