"""Draw a reporting line: drag from a card's handle to its new manager's card (dotted with Ctrl).

While dragging, a rubber line follows the mouse, green over a card that can become the
manager and red over one that cannot, with the model's own reason in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem

from ...model import EditRefused
from ... import editing as commands
from ...editing import Edit
from ..items.postcard import PostCardItem
from .base import Canvas, Gesture

NEUTRAL, ALLOWED, REFUSED = QColor("#555555"), QColor("#2e7d32"), QColor("#c62828")


class DrawLine(Gesture):
    def __init__(self, canvas: Canvas, source: PostCardItem) -> None:
        super().__init__(canvas)
        self.post_id = source.post_id
        self.origin = source.mapToScene(source.handle_centre())
        self.rubber: QGraphicsLineItem | None = None

    def press(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        self.rubber = QGraphicsLineItem(QLineF(self.origin, pos))
        self.rubber.setZValue(100)
        self.rubber.setPen(QPen(NEUTRAL, 1.6, Qt.PenStyle.DashLine))
        self.canvas.addItem(self.rubber)

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        if self.rubber is None:
            return
        self.rubber.setLine(QLineF(self.origin, pos))
        target = self.canvas.card_at(pos, exclude=self.post_id)
        refusal = self.refusal(target.post_id, _dotted(modifiers)) if target is not None else None
        pen = self.rubber.pen()
        pen.setColor(NEUTRAL if target is None else REFUSED if refusal else ALLOWED)
        pen.setStyle(Qt.PenStyle.DotLine if _dotted(modifiers) else Qt.PenStyle.DashLine)
        self.rubber.setPen(pen)
        self.canvas.show_hint(refusal or "")

    def release(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        self.cancel()
        target = self.canvas.card_at(pos, exclude=self.post_id)
        if target is not None:
            self.canvas.push(self.edit(target.post_id, _dotted(modifiers)))  # a refusal is shown by the canvas

    def cancel(self) -> None:
        if self.rubber is not None:
            self.canvas.removeItem(self.rubber)
            self.rubber = None
        self.canvas.show_hint("")

    def edit(self, manager_id: str, dotted: bool) -> Callable[[], Edit]:
        structure, post_id = self.canvas.structure, self.post_id
        if dotted:
            return lambda: commands.add_dotted_line(structure, post_id, manager_id)
        return lambda: commands.set_manager(structure, post_id, manager_id)

    def refusal(self, manager_id: str, dotted: bool) -> str | None:
        """Why the model would refuse the line to `manager_id` (its own words), or None if it would not.

        A line-management line is checked by the model's cycle rule; a dotted line is checked
        by building its command, which refuses a duplicate the same way on release."""
        if dotted:
            return self.edit(manager_id, dotted)().refusal()
        try:
            self.canvas.structure.check_line_manager(self.post_id, manager_id)
        except EditRefused as exc:
            return str(exc)
        return None


def _dotted(modifiers: Qt.KeyboardModifier) -> bool:
    return bool(modifiers & Qt.KeyboardModifier.ControlModifier)
