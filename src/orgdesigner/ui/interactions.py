"""Mouse gestures on the canvas, each a small state machine ending in one undo command.

Items only paint; these objects show the transient feedback (a rubber line, boxes moving
with the mouse) and, on release, ask the document to make the edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem

from .. import editing as commands
from .items.groupbox import GroupBoxItem
from .items.postcard import PostCardItem

if TYPE_CHECKING:
    from .scene import OrgScene

ALLOWED, REFUSED = QColor("#2e7d32"), QColor("#c62828")


class LineDrawGesture:
    """Drag from a card's handle to its new manager's card: line management, or dotted with Ctrl."""

    def __init__(self, scene: "OrgScene", source: PostCardItem, start: QPointF) -> None:
        self.scene = scene
        self.source = source
        origin = source.mapToScene(source.handle_centre())
        self.rubber = QGraphicsLineItem(QLineF(origin, start))
        self.rubber.setZValue(100)
        self.rubber.setPen(QPen(QColor("#555555"), 1.6, Qt.DashLine))
        scene.addItem(self.rubber)

    def _verdict(self, target: PostCardItem | None, dotted: bool) -> str | None:
        """Why the edit would be refused, or None if it is allowed (the model decides the same)."""
        if target is None:
            return None
        structure = self.scene.document.structure
        post, manager = self.source.post_id, target.post_id
        if dotted:
            return None
        if post in structure.chain_above(manager):
            return "cycle"
        return None

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        line = self.rubber.line()
        self.rubber.setLine(QLineF(line.p1(), pos))
        target = self.scene.card_at(pos, exclude=self.source.post_id)
        pen = self.rubber.pen()
        if target is None:
            pen.setColor(QColor("#555555"))
        else:
            pen.setColor(REFUSED if self._verdict(target, _dotted(modifiers)) else ALLOWED)
        pen.setStyle(Qt.DotLine if _dotted(modifiers) else Qt.DashLine)
        self.rubber.setPen(pen)

    def finish(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        self.scene.removeItem(self.rubber)
        target = self.scene.card_at(pos, exclude=self.source.post_id)
        if target is None:
            return
        document = self.scene.document
        structure = document.structure
        if _dotted(modifiers):
            document.perform(lambda: commands.add_dotted_line(structure, self.source.post_id, target.post_id))
        else:
            document.perform(lambda: commands.set_manager(structure, self.source.post_id, target.post_id))


class GroupDragGesture:
    """Drag a group by its header: the box, its nested groups and its member cards move together."""

    def __init__(self, scene: "OrgScene", box: GroupBoxItem, start: QPointF) -> None:
        self.scene = scene
        self.group_id = box.group_id
        self.start = start
        structure = scene.document.structure
        inside = {g for g in structure.groups if box.group_id in structure.group_chain(g)}
        self.boxes = [scene.boxes[g] for g in inside if g in scene.boxes]
        self.cards = [scene.cards[p.id] for p in structure.posts.values()
                      if p.group in inside and p.id in scene.cards]
        self.origins = {item: item.pos() for item in (*self.boxes, *self.cards)}
        self.moved = False

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        delta = pos - self.start
        self.moved = self.moved or delta.manhattanLength() > 2
        for item, origin in self.origins.items():
            item.setPos(origin + delta)

    def finish(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        if not self.moved or not self.cards:
            for item, origin in self.origins.items():
                item.setPos(origin)
            return
        positions = {card.post_id: (card.pos().x(), card.pos().y()) for card in self.cards}
        command = commands.move_group(self.scene.document.structure, self.group_id, positions)
        if not self.scene.document.execute(command):
            self.scene.relayout()


class CardMoveGesture:
    """Cards dragged by Qt's own item moves; on release, pin them and move them between groups."""

    def __init__(self, scene: "OrgScene") -> None:
        self.scene = scene
        self.origins = {card.post_id: card.pos() for card in scene.selectedItems() if isinstance(card, PostCardItem)}

    def finish(self) -> None:
        scene = self.scene
        moved = {pid: scene.cards[pid].pos() for pid, origin in self.origins.items()
                 if pid in scene.cards and (scene.cards[pid].pos() - origin).manhattanLength() > 1}
        if not moved:
            return
        groups: dict[str, str | None] = {}
        for post_id, pos in moved.items():
            card = scene.cards[post_id]
            before = self.origins[post_id] + card.card_rect().center()
            after = pos + card.card_rect().center()
            start_group = scene.innermost_group_at(before.x(), before.y())
            end_group = scene.innermost_group_at(after.x(), after.y())
            if start_group != end_group:
                groups[post_id] = end_group
        positions = {pid: (pos.x(), pos.y()) for pid, pos in moved.items()}
        if not scene.document.execute(commands.move_posts(scene.document.structure, positions, groups)):
            scene.relayout()


def _dotted(modifiers: Qt.KeyboardModifier) -> bool:
    return bool(modifiers & Qt.ControlModifier)
