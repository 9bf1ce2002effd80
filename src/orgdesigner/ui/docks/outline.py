"""The outline dock: groups and their posts as a tree, with a filter box.

The tree is a model (`QStandardItemModel`) seen through a filter (`QSortFilterProxyModel`): an edit
adds, removes, moves or retitles the rows it touches, so moving a post into another group on a
10,000-post structure changes two rows rather than rebuilding ten thousand (issue 14). The whole
tree is built afresh only when another structure is shown or the groups themselves change, and then
with only each group's first rows (more than a dock shows): a group's next rows are made when its last
row made comes into sight, and every row before anything is filtered. A fitted 10,000-post structure
in five groups opens with 500 rows made, not 10,000.
"""

from __future__ import annotations

from itertools import islice

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPaintEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ...model import Change, ChangeKind, Post
from ..document import Document

POST, GROUP = "post", "group"
NO_GROUP = "No group"
FIRST_ROWS = 100
"""Post rows of each group made when the tree is built, and made at a time after that: more than the
tallest dock shows."""


class _Tree(QTreeView):
    """A tree view that says when it has painted: what is in sight may have changed."""

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()


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
        self.proxy.setRecursiveFilteringEnabled(True)  # a group stays while any row inside it matches
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree = _Tree()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)  # retitling a row then costs no measuring of thousands
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setModel(self.proxy)
        self.tree.clicked.connect(self._clicked)
        layout.addWidget(self.tree)
        self._items: dict[str, QStandardItem] = {}
        self._groups: dict[str | None, QStandardItem] = {}
        self._waiting: dict[str | None, dict[str, None]] = {}
        """Posts of each group whose rows are still to be made, in order, after the group's rows (a dict: an
        ordered set, so deleting a branch of thousands removes each in one step)."""
        self._waiting_in: dict[str, str | None] = {}
        """The group each post in `_waiting` waits in."""
        self._in_sight = QTimer(self)
        self._in_sight.setSingleShot(True)
        self._in_sight.setInterval(0)
        self._in_sight.timeout.connect(self._make_rows_in_sight)
        self.tree.painted.connect(self._check_sight)
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
        """The posts in the file's order, looked for from its end, where added posts go (a paste into 10,000
        posts looks at the last few)."""
        posts = self.document.structure.posts
        if len(post_ids) == 1:
            return [posts[next(iter(post_ids))]]
        found: list[Post] = []
        for post in reversed(posts.values()):
            if post.id in post_ids:
                found.append(post)
                if len(found) == len(post_ids):
                    break
        return found[::-1]

    def _add_rows(self, posts: list[Post]) -> None:
        """Append the posts' rows to their groups, each group's in one go (a paste of 50 is a few model
        updates, not 50)."""
        by_group: dict[str | None, list[QStandardItem]] = {}
        for post in posts:
            if self._waiting.get(post.group):  # after the rows still to be made, as a rebuild would have them
                self._waiting[post.group][post.id] = None
                self._waiting_in[post.id] = post.group
                continue
            item = _post_item(post)
            self._items[post.id] = item
            by_group.setdefault(post.group, []).append(item)
        for group_id, items in by_group.items():
            parent = self._group_node(group_id)
            was_empty = not parent.hasChildren()
            parent.appendRows(items)
            if was_empty:  # a group that was empty (or the No group row, just made) opens
                self.tree.expand(self.proxy.mapFromSource(parent.index()))

    def _remove_rows(self, post_ids: frozenset[str]) -> None:
        """Remove the posts' rows, each run of neighbouring rows in one model update."""
        rows: dict[int, tuple[QStandardItem, list[int]]] = {}
        for post_id in post_ids:
            item = self._items.pop(post_id, None)
            if item is None:
                if post_id in self._waiting_in:
                    group = self._waiting_in.pop(post_id)
                    waiting = self._waiting[group]
                    del waiting[post_id]
                    if not waiting:
                        del self._waiting[group]
            else:
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
            if parent is self._groups.get(None) and not parent.hasChildren() and not self._waiting.get(None):
                # as a rebuild would: no empty No group
                del self._groups[None]
                self.model.removeRow(parent.row())

    # ----- building ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Build the tree afresh from the structure, in a model not yet shown, then show it: every group, and
        the first rows of each (the others as they come into sight, or all before filtering)."""
        structure = self.document.structure
        self.model = QStandardItemModel(self)
        self._groups = {}
        for group_id in structure.groups:
            self._group_node(group_id)
        rows: dict[str | None, list[str]] = {}
        for post in structure.posts.values():
            rows.setdefault(post.group, []).append(post.id)
        self._items = {}
        self._waiting = {}
        self._waiting_in = {}
        for group, post_ids in rows.items():
            self._group_node(group).appendRows(self._made(post_ids[:FIRST_ROWS]))
            if len(post_ids) > FIRST_ROWS:
                self._waiting[group] = dict.fromkeys(post_ids[FIRST_ROWS:])
                self._waiting_in.update(dict.fromkeys(post_ids[FIRST_ROWS:], group))
        if self.filter.text().strip():  # the filter must see every post
            self.make_every_row()
        old = self.proxy.sourceModel()
        self.proxy.setSourceModel(self.model)
        if old is not None:
            old.deleteLater()
        self.tree.expandAll()

    def make_every_row(self) -> None:
        """Make the rows still to be made, now (before filtering, which must see every post)."""
        for group in list(self._waiting):
            self._make_more(group, None)

    def _check_sight(self) -> None:
        """The tree painted what it shows: if that takes in a group's last row made while more are waiting,
        make them just after (not while painting)."""
        if self._waiting and self._groups_in_sight():
            self._in_sight.start()

    def _make_rows_in_sight(self) -> None:
        """Make the next rows of each open group whose last row made is in sight, until none is."""
        while groups := self._groups_in_sight():
            for group in groups:
                self._make_more(group, FIRST_ROWS)

    def _groups_in_sight(self) -> list[str | None]:
        """The groups with rows waiting whose last row made is in the tree's sight (not collapsed away)."""
        bottom = self.tree.viewport().height()
        found = []
        for group in self._waiting:
            node = self._groups[group]
            last = node.child(node.rowCount() - 1) if node.hasChildren() else node
            rect = self.tree.visualRect(self._in_tree(last.index()))
            if rect.isValid() and rect.bottom() >= 0 and rect.top() <= bottom:
                found.append(group)
        return found

    def _in_tree(self, index: QModelIndex) -> QModelIndex:
        """A row of the model as the tree shows it (through the filter when the tree shows the filter's rows)."""
        return self.proxy.mapFromSource(index) if self.tree.model() is self.proxy else index

    def _make_more(self, group: str | None, count: int | None) -> None:
        """Make the next `count` rows waiting in `group` (None: all of them)."""
        waiting = self._waiting[group]
        post_ids = list(islice(waiting, count))
        for post_id in post_ids:
            del waiting[post_id], self._waiting_in[post_id]
        if not waiting:
            del self._waiting[group]
        self._groups[group].appendRows(self._made(post_ids))

    def _made(self, post_ids: list[str]) -> list[QStandardItem]:
        posts = self.document.structure.posts
        items = [_post_item(posts[post_id]) for post_id in post_ids]
        self._items.update(zip(post_ids, items))
        return items

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

    def _apply_filter(self, text: str) -> None:
        self.make_every_row()
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()

    def _clicked(self, index: QModelIndex) -> None:
        data = self.proxy.data(index, Qt.ItemDataRole.UserRole)
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

        def visit(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                labels.append(str(self.proxy.data(index)))
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
