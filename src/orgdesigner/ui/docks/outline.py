"""The outline dock: groups and their posts as a tree, with a filter box."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...model import Change, ChangeKind, Post
from ..document import Document

POST, GROUP = "post", "group"


class OutlinePanel(QWidget):
    posts_chosen = Signal(list)
    group_chosen = Signal(str)

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter posts and groups…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        layout.addWidget(self.filter)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)  # retitling a row then costs no measuring of thousands
        self.tree.itemClicked.connect(self._clicked)
        layout.addWidget(self.tree)
        self._items: dict[str, QTreeWidgetItem] = {}
        document.changed.connect(self._on_change)
        document.replaced.connect(self.refresh)
        self.refresh()

    def _on_change(self, change: Change) -> None:
        """Rebuild when posts or groups come, go or change group; otherwise retitle one row."""
        if change.kind is ChangeKind.POST_CHANGED and not change.fields & {"group"}:
            if change.fields & {"title", "grade"}:
                for post_id in change.posts:
                    if post_id in self._items:
                        self._items[post_id].setText(0, _label(self.document.structure.posts[post_id]))
                if self.filter.text().strip():  # with no filter every row is shown already
                    self._apply_filter(self.filter.text())
            return
        if change.posts or change.groups:
            self.refresh()

    def refresh(self) -> None:
        structure = self.document.structure
        self.tree.clear()
        nodes: dict[str | None, QTreeWidgetItem] = {}
        bold = QFont()
        bold.setBold(True)

        def group_node(group_id: str | None) -> QTreeWidgetItem:
            if group_id in nodes:
                return nodes[group_id]
            if group_id is None:
                node = QTreeWidgetItem(["No group"])
                node.setFont(0, bold)
                self.tree.addTopLevelItem(node)
            else:
                group = structure.groups[group_id]
                node = QTreeWidgetItem([group.name])
                node.setFont(0, bold)
                node.setData(0, Qt.UserRole, (GROUP, group_id))
                if group.parent is None:
                    self.tree.addTopLevelItem(node)
                else:
                    group_node(group.parent).addChild(node)
            nodes[group_id] = node
            return node

        for group_id in structure.groups:
            group_node(group_id)
        self._items = {}
        for post in structure.posts.values():
            item = QTreeWidgetItem([_label(post)])
            self._items[post.id] = item
            item.setData(0, Qt.UserRole, (POST, post.id))
            group_node(post.group).addChild(item)
        self.tree.expandAll()
        self._apply_filter(self.filter.text())

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()

        def visit(item: QTreeWidgetItem) -> bool:
            shown_child = False
            for i in range(item.childCount()):
                shown_child = visit(item.child(i)) or shown_child
            shown = not needle or needle in item.text(0).lower() or shown_child
            item.setHidden(not shown)
            return shown

        for row in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(row))

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, Qt.UserRole)
        if not data:
            return
        kind, key = data
        if kind == POST:
            self.posts_chosen.emit([key])
        else:
            self.group_chosen.emit(key)


def _label(post: Post) -> str:
    return post.title + (f" ({post.grade})" if post.grade else "")
