"""What every canvas gesture is, and the narrow view of the canvas it works through.

A gesture lives from a mouse press to its release (or Esc). While it runs it only moves
items or shows transient feedback; the one edit it makes, on release, goes to the model
as an undo command, and the items then follow the model like after any other edit.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import ClassVar, Protocol

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsItem

from ...model import Structure
from ...editing import Edit
from ..items.groupbox import GroupBoxItem
from ..items.postcard import PostCardItem


class Canvas(Protocol):
    """What a gesture may use of the scene: item lookup, the structure shown, a way to edit it."""

    @property
    def structure(self) -> Structure:
        """The structure shown (read only: edits go through `push`)."""
        ...

    def card(self, post_id: str) -> PostCardItem | None: ...

    def box(self, group_id: str) -> GroupBoxItem | None: ...

    def selected_cards(self) -> list[PostCardItem]: ...

    def card_at(self, scene_pos: QPointF, exclude: str | None = None) -> PostCardItem | None: ...

    def innermost_group_at(self, x: float, y: float) -> str | None: ...

    def push(self, build: Callable[[], Edit]) -> bool:
        """Build the edit's command and apply it through the undo stack; False (and the reason shown)
        if the model refuses it."""
        ...

    def snapped(self, x: float, y: float) -> tuple[float, float]:
        """Where a card dropped with its corner at (x, y) lands (on the grid, when snapping is on)."""
        ...

    def show_hint(self, text: str) -> None:
        """Say something in the status bar while the gesture runs; empty text clears it."""
        ...

    def addItem(self, item: QGraphicsItem) -> None: ...

    def removeItem(self, item: QGraphicsItem) -> None: ...


class Gesture(ABC):
    """One mouse gesture: press, moves, then release (which may make one edit) or cancel (which makes none)."""

    items_see_clicks: ClassVar[bool] = False
    """Whether the press and release also reach the item under the cursor (Qt's click selection)."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas

    @abstractmethod
    def press(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        """The button went down at `pos` (scene coordinates)."""

    @abstractmethod
    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        """The mouse moved with the button held; show where the edit would go."""

    @abstractmethod
    def release(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        """The button came up: make the edit, or nothing if the release is on nothing valid."""

    @abstractmethod
    def cancel(self) -> None:
        """Esc: put back everything the gesture moved or showed; no edit is made."""
