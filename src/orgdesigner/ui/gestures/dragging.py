"""The part the two move gestures share: items follow the mouse, and go back if nothing is made of it."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsItem

from ...editing import Edit
from .base import Canvas, Gesture

WOBBLE = 2.0
"""A press that moves no further than this (in scene units, along x plus y) is a click, not a move."""


class DragItems(Gesture):
    """Move some items by the mouse's offset from the press; on release, one edit pins them."""

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self.start = QPointF()
        self.origins: dict[QGraphicsItem, QPointF] = {}

    @abstractmethod
    def items_to_move(self) -> list[QGraphicsItem]:
        """The items that follow the mouse, chosen when the button goes down."""

    @abstractmethod
    def edit(self) -> Callable[[], Edit] | None:
        """The edit for where the items now are (built when pushed), or None if there is none to make."""

    def press(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        self.start = pos
        self.origins = {item: item.pos() for item in self.items_to_move()}

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        delta = pos - self.start
        for item, origin in self.origins.items():
            item.setPos(origin + delta)

    def release(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        self.move(pos, modifiers)
        build = self.edit() if (pos - self.start).manhattanLength() > WOBBLE else None
        if build is None or not self.canvas.push(build):
            self.cancel()

    def cancel(self) -> None:
        for item, origin in self.origins.items():
            item.setPos(origin)

