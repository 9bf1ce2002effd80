"""The outline dock: groups and their posts as a tree, with a filter box.

The tree is a model (`QStandardItemModel`), seen through a filter (`QSortFilterProxyModel`) while
something is typed in the filter box: an edit adds, removes, moves or retitles the rows it touches, so
moving a post into another group on a 10,000-post structure changes two rows rather than rebuilding ten
thousand (issue 14). With no filter the tree shows the model itself: the filter would only map every
row of every edit again, and the tree lay out its 10,000 rows through it. The whole tree is built
afresh only when another structure is shown or the groups themselves change.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ...model import Change, ChangeKind, Post
from ..document import Document

POST, GROUP = "post", "group"
NO_GROUP = "No group"


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
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self._unfiltered = QStandardItemModel(self)
        """What the filter looks at while nothing is typed: nothing."""
        self.proxy.setRecursiveFilteringEnabled(True)  # a group stays while any row inside it matches
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree = QTreeView()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)  # retitling a row then costs no measuring of thousands
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.clicked.connect(self._clicked)
        layout.addWidget(self.tree)
        self._items: dict[str, QStandardItem] = {}
        self._groups: dict[str | None, QStandardItem] = {}
        document.changed.connect(self._on_change)
        document.replaced.connect(self.refresh)
        self.refresh()

    # ----- following edits ---------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        """Update the rows an edit touched; rebuild only when the groups themselves change."""
        kind = change.kind
        if kind in (ChangeKind.GROUP_ADDED, ChangeKind.GROUP_REMOVED) or (
                kind is ChangeKind.GROUP_CHANGED and "parent" in change.fields):
            self.refresh()
        elif kind is ChangeKind.GROUP_CHANGED and "name" in change.fields:
            for group_id in change.groups:
                self._groups[group_id].setText(self.document.structure.groups[group_id].name)
        elif kind is ChangeKind.POST_ADDED:
            self._add_rows(self._in_file_order(change.posts))
        elif kind is ChangeKind.POST_REMOVED:
            self._remove_rows(change.posts)
        elif kind is ChangeKind.POST_CHANGED:
            structure = self.document.structure
            if "group" in change.fields:
                self._remove_rows(change.posts)
                self._add_rows(self._in_file_order(change.posts))
            elif change.fields & {"title", "grade"}:
                for post_id in change.posts:
                    if post_id in self._items:
                        self._items[post_id].setText(_label(structure.posts[post_id]))

    def _in_file_order(self, post_ids: frozenset[str]) -> list[Post]:
        posts = self.document.structure.posts
        if len(post_ids) == 1:
            return [posts[next(iter(post_ids))]]
        return [post for post in posts.values() if post.id in post_ids]

    def _add_rows(self, posts: list[Post]) -> None:
        """Append the posts' rows to their groups, each group's in one go (a paste of 50 is a few model
        updates, not 50)."""
        by_group: dict[str | None, list[QStandardItem]] = {}
        for post in posts:
            item = _post_item(post)
            self._items[post.id] = item
            by_group.setdefault(post.group, []).append(item)
        for group_id, items in by_group.items():
            parent = self._group_node(group_id)
            was_empty = not parent.hasChildren()
            parent.appendRows(items)
            if was_empty:  # a group that was empty (or the No group row, just made) opens
                index = parent.index()
                self.tree.expand(self.proxy.mapFromSource(index) if self.tree.model() is self.proxy else index)

    def _remove_rows(self, post_ids: frozenset[str]) -> None:
        """Remove the posts' rows, each run of neighbouring rows in one model update."""
        rows: dict[int, tuple[QStandardItem, list[int]]] = {}
        for post_id in post_ids:
            item = self._items.pop(post_id, None)
            if item is not None:
                parent = item.parent()
                rows.setdefault(id(parent), (parent, []))[1].append(item.row())
        for parent, numbers in rows.values():
            numbers.sort(reverse=True)
            start = 0
            while start < len(numbers):  # the highest run first, so the rows below keep their numbers
                end = start
                while end + 1 < len(numbers) and numbers[end + 1] == numbers[end] - 1:
                    end += 1
                parent.removeRows(numbers[end], end - start + 1)
                start = end + 1
            if parent is self._groups.get(None) and not parent.hasChildren():  # as a rebuild would: no empty No group
                del self._groups[None]
                self.model.removeRow(parent.row())

    # ----- building ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Build the whole tree from the structure, in a model not yet shown, then show it."""
        structure = self.document.structure
        previous, self.model = self.model, QStandardItemModel(self)
        self._groups = {}
        for group_id in structure.groups:
            self._group_node(group_id)
        rows: dict[str | None, list[QStandardItem]] = {}
        self._items = {}
        for post in structure.posts.values():
            item = _post_item(post)
            self._items[post.id] = item
            rows.setdefault(post.group, []).append(item)
        for group, items in rows.items():
            self._group_node(group).appendRows(items)
        self._show_model()
        previous.deleteLater()
        self.tree.expandAll()

    def _show_model(self) -> None:
        """The model itself, or, while a filter is typed, the rows of the model the filter lets through."""
        text = self.filter.text().strip()
        view: QAbstractItemModel
        if text:
            self.proxy.setSourceModel(self.model)
            self.proxy.setFilterFixedString(text)
            view = self.proxy
        else:
            self.proxy.setSourceModel(self._unfiltered)  # follows no edits while it is not shown
            view = self.model
        if self.tree.model() is not view:
            selection = self.tree.selectionModel()
            self.tree.setModel(view)
            if selection is not None:  # the view makes a new one and leaves the old to its owner
                selection.deleteLater()

    def _group_node(self, group_id: str | None) -> QStandardItem:
        """The row of a group (made with its parents when first asked for), or of the posts in no group."""
        node = self._groups.get(group_id)
        if node is not None:
            return node
        if group_id is None:
            node = _group_item(NO_GROUP, None)
            self.model.appendRow(node)
        else:
            group = self.document.structure.groups[group_id]
            node = _group_item(group.name, group_id)
            parent = self.model.invisibleRootItem() if group.parent is None else self._group_node(group.parent)
            parent.appendRow(node)
        self._groups[group_id] = node
        return node

    def _apply_filter(self, _text: str) -> None:
        self._show_model()
        self.tree.expandAll()

    def _clicked(self, index: QModelIndex) -> None:
        data = index.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        kind, key = data
        if kind == POST:
            self.posts_chosen.emit([key])
        else:
            self.group_chosen.emit(key)

    # ----- reading (for tests) -------------------------------------------------------------

    def shown_labels(self) -> list[str]:
        """The text of every row the filter lets through, depth first."""
        labels: list[str] = []
        model = self.tree.model()

        def visit(parent: QModelIndex) -> None:
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                labels.append(str(model.data(index)))
                visit(index)

        visit(QModelIndex())
        return labels


def _post_item(post: Post) -> QStandardItem:
    item = QStandardItem(_label(post))
    item.setData((POST, post.id), Qt.ItemDataRole.UserRole)
    return item


def _group_item(name: str, group_id: str | None) -> QStandardItem:
    item = QStandardItem(name)
    font = QFont()
    font.setBold(True)
    item.setFont(font)
    if group_id is not None:
        item.setData((GROUP, group_id), Qt.ItemDataRole.UserRole)
    return item


def _label(post: Post) -> str:
    return post.title + (f" ({post.grade})" if post.grade else "")
