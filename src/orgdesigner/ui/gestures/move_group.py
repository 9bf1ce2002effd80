"""Drag a group by its header: the box, its nested groups and its member cards move together,
and on release the cards are pinned where they were dropped, as one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGraphicsItem

from ... import editing as commands
from ...editing import Edit
from ..items.groupbox import GroupBoxItem
from ..items.postcard import PostCardItem
from .base import Canvas
from .dragging import DragItems


class MoveGroup(DragItems):
    def __init__(self, canvas: Canvas, box: GroupBoxItem) -> None:
        super().__init__(canvas)
        self.group_id = box.group_id

    def items_to_move(self) -> list[QGraphicsItem]:
        structure = self.canvas.structure
        inside = {g for g in structure.groups if self.group_id in structure.group_chain(g)}
        boxes = [self.canvas.box(g) for g in inside]
        cards = [self.canvas.card(p.id) for p in structure.posts.values() if p.group in inside]
        return [item for item in (*boxes, *cards) if item is not None]

    def edit(self) -> Callable[[], Edit] | None:
        structure = self.canvas.structure
        positions = {item.post_id: (item.pos().x(), item.pos().y())
                     for item in self.origins if isinstance(item, PostCardItem)}
        if not positions:
            return None  # an empty group's box is placed by the layout, not pinned
        return lambda: commands.move_group(structure, self.group_id, positions)
