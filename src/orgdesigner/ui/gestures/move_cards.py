"""Drag cards: the selected cards (and the one pressed) follow the mouse; on release they are
pinned where they were dropped, and a card dropped into another group box joins that group."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtWidgets import QGraphicsItem

from ... import editing as commands
from ...editing import Edit
from ..items.postcard import PostCardItem
from .base import Canvas
from .dragging import DragItems


class MoveCards(DragItems):
    items_see_clicks: ClassVar[bool] = True  # a press selects the card first, as Qt does, then it drags the selection

    def __init__(self, canvas: Canvas, card: PostCardItem) -> None:
        super().__init__(canvas)
        self.card = card

    def items_to_move(self) -> list[QGraphicsItem]:
        cards = self.canvas.selected_cards()
        return [*cards, self.card] if self.card not in cards else list(cards)

    def edit(self) -> Callable[[], Edit] | None:
        structure, canvas = self.canvas.structure, self.canvas
        positions: dict[str, tuple[float, float]] = {}
        groups: dict[str, str | None] = {}
        for item, origin in self.origins.items():
            if not isinstance(item, PostCardItem):
                continue
            centre = item.card_rect().center()
            before, after = origin + centre, item.pos() + centre
            positions[item.post_id] = canvas.snapped(item.pos().x(), item.pos().y())
            end_group = canvas.innermost_group_at(after.x(), after.y())
            if canvas.innermost_group_at(before.x(), before.y()) != end_group:
                groups[item.post_id] = end_group
        return lambda: commands.move_posts(structure, positions, groups)
