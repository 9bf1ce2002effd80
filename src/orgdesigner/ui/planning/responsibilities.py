"""The responsibilities dock: a matrix of posts × categories, each cell the list of what the post holds.

Drag a responsibility to another post's row (or another category's column) to reassign it; the
form below renames, recategorises, reassigns, adds and deletes. Every change is one undo command.
Rows of vacant posts, deleted posts and the unassigned row are tinted while they hold anything,
as the findings flag them until the responsibilities are reassigned.

A drop only asks for the change: it is made once the drag is over (the next turn of the event
loop), because the change rebuilds the lists the drag started from and ended on.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ...analysis.responsibilities import responsibilities_by_post
from ...model import Change, ChangeKind, PostStatus, Responsibility, ResponsibilityCategory
from ...presentation.chartstyle import SEVERITY_COLOURS
from ... import editing as commands
from ..document import Document
from ..onscreen import OnScreenRefresh

MIME_TYPE = "application/x-orgdesigner-responsibility"
CATEGORIES = list(ResponsibilityCategory)
UNASSIGNED = "(no post)"
VACANT_FILL = "#fff4e0"
LOST_FILL = "#fde8e8"
LINE_HEIGHT = 19
ALL_POSTS_UP_TO = 80
"""Structures with more posts show the top layers and the posts holding something, until filtered."""
TOP_LAYERS = 3
ROW_FIELDS = frozenset({"title", "status", "context", "reports_to"})
"""Post fields the matrix shows or chooses its rows by."""
RESPONSIBILITY_RULES = ("responsibility-vacant", "responsibility-unassigned")


class ResponsibilityList(QListWidget):
    """One cell of the matrix: the responsibilities of one category held by one post (or by none)."""

    dropped = Signal(str, object, str)
    """A responsibility's id, the row's post id (None for the unassigned row) and the column's category."""

    def __init__(self, holder: str | None, category: ResponsibilityCategory) -> None:
        super().__init__()
        self.holder, self.category = holder, category
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDrop)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setFrameShape(QListWidget.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setStyleSheet("QListWidget { background: transparent; }")

    def item_ids(self) -> list[str]:
        return [self.item(row).data(Qt.UserRole) for row in range(self.count())]

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(MIME_TYPE, items[0].data(Qt.UserRole).encode())
        return data

    def startDrag(self, supported: Qt.DropAction) -> None:
        """Drag the responsibility's id; the lists are rebuilt from the model after the drop, never edited here."""
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        drag.exec(Qt.MoveAction)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(MIME_TYPE):
            event.ignore()
            return
        item_id = bytes(event.mimeData().data(MIME_TYPE).data()).decode()
        event.setDropAction(Qt.CopyAction)  # nothing for the source list to remove: the model decides
        event.accept()
        QTimer.singleShot(0, self, lambda: self.dropped.emit(item_id, self.holder, self.category.value))


class ResponsibilitiesPanel(OnScreenRefresh, QWidget):
    posts_chosen = Signal(list)

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.selected_id: str | None = None
        self.lists: dict[tuple[str | None, ResponsibilityCategory], ResponsibilityList] = {}
        self.rows: list[str | None] = []
        """The post id of each row of the matrix (None: the unassigned row)."""
        self._loading = False
        self._build()
        document.changed.connect(self._on_change)
        document.replaced.connect(self._replaced)
        self.refresh()

    # ----- building --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter posts…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _text: self.refresh())
        top.addWidget(self.filter, 1)
        self.summary = QLabel()
        self.summary.setObjectName("responsibility_summary")
        top.addWidget(self.summary)
        layout.addLayout(top)
        self.trimmed = QLabel(f"Showing the top {TOP_LAYERS} layers and the posts holding responsibilities; "
                              "filter to find any other post.")
        self.trimmed.setWordWrap(True)
        self.trimmed.setStyleSheet("color: #5b6675; padding: 0 4px;")
        layout.addWidget(self.trimmed)
        self.problems = QLabel()
        self.problems.setObjectName("responsibility_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {SEVERITY_COLOURS['warning']}; padding: 0 4px;")
        layout.addWidget(self.problems)
        self.table = QTableWidget(0, 1 + len(CATEGORIES))
        self.table.setHorizontalHeaderLabels(["Post", *(c.plural.capitalize() for c in CATEGORIES)])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        self.table.setColumnWidth(0, 230)
        self.table.cellClicked.connect(self._cell_clicked)
        layout.addWidget(self.table, 1)
        form_row = QHBoxLayout()
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("responsibility_name")
        self.name_edit.editingFinished.connect(self._name_finished)
        form.addRow("Name", self.name_edit)
        choices = QHBoxLayout()
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("responsibility_category")
        for category in CATEGORIES:
            self.category_combo.addItem(category.value.capitalize(), category.value)
        self.category_combo.activated.connect(
            lambda _i: self._edit_selected(category=self.category_combo.currentData()))
        choices.addWidget(self.category_combo)
        choices.addWidget(QLabel("held by"))
        self.post_combo = QComboBox()
        self.post_combo.setObjectName("responsibility_post")
        self.post_combo.activated.connect(lambda _i: self._edit_selected(post=self.post_combo.currentData()))
        choices.addWidget(self.post_combo, 1)
        form.addRow("Category", choices)
        form_row.addLayout(form, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton("Add")
        self.add_button.setToolTip("Add a responsibility of this category to this post")
        self.add_button.clicked.connect(self.add_new)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        form_row.addLayout(buttons)
        layout.addLayout(form_row)

    # ----- showing ---------------------------------------------------------------------

    def _replaced(self) -> None:
        self.selected_id = None
        self.refresh()

    def _on_change(self, change: Change) -> None:
        if change.kind in (ChangeKind.RESPONSIBILITIES_CHANGED, ChangeKind.POST_ADDED, ChangeKind.POST_REMOVED) \
                or (change.kind is ChangeKind.POST_CHANGED and change.fields & ROW_FIELDS):
            self.refresh()

    def _row_posts(self, held: set[str]) -> list[str]:
        """The posts given a row: all (or those the filter matches), or on a large structure the top
        layers and the posts holding something."""
        structure, analysis = self.document.structure, self.document.analysis
        posts = [p for p in structure.posts.values() if p.context is None]
        needle = self.filter.text().strip().lower()
        self.trimmed.setVisible(not needle and len(posts) > ALL_POSTS_UP_TO)
        if needle:
            return [p.id for p in posts if needle in p.title.lower()]
        if len(posts) <= ALL_POSTS_UP_TO:
            return [p.id for p in posts]
        return [p.id for p in posts if p.id in held or ((depth := analysis.depth(p.id)) is not None
                                                          and depth < TOP_LAYERS)]

    def refresh(self) -> None:
        """Rebuild the matrix from the model, keeping the selected responsibility selected. While the dock
        is hidden the work waits until it is shown."""
        if not self.on_screen_now():
            return
        structure = self.document.structure
        held = responsibilities_by_post(structure)
        self.rows = [*self._row_posts({p for p in held if p is not None}),
                     *(p for p in held if p is not None and p not in structure.posts), None]
        self.lists = {}
        self.table.setRowCount(len(self.rows))
        for row, holder in enumerate(self.rows):
            items = held.get(holder, [])
            label, fill = self._row_label(holder, bool(items))
            cell = QTableWidgetItem(label)
            cell.setData(Qt.UserRole, holder)
            cell.setToolTip(label)
            if fill:
                cell.setBackground(QBrush(QColor(fill)))
            self.table.setItem(row, 0, cell)
            tallest = 1
            for column, category in enumerate(CATEGORIES, start=1):
                cell_list = ResponsibilityList(holder, category)
                if fill:
                    cell_list.setStyleSheet(f"QListWidget {{ background: {fill}; }}")
                for item in (i for i in items if i.category is category):
                    entry = QListWidgetItem(item.name)
                    entry.setData(Qt.UserRole, item.id)
                    entry.setToolTip(item.notes or item.name)
                    cell_list.addItem(entry)
                tallest = max(tallest, cell_list.count())
                cell_list.dropped.connect(self.move)
                cell_list.currentItemChanged.connect(
                    lambda current, _previous, source=cell_list: self._list_selected(source, current))
                self.lists[(holder, category)] = cell_list
                self.table.setCellWidget(row, column, cell_list)
            self.table.setRowHeight(row, tallest * LINE_HEIGHT + 8)
        self._fill_posts_combo()
        self._show_summary()
        if self.selected_id is not None and not self.select(self.selected_id):
            self.selected_id = None
        self._load_form()

    def _row_label(self, holder: str | None, holds_any: bool) -> tuple[str, str | None]:
        """The row's text, and the tint that flags what nobody can carry out."""
        structure = self.document.structure
        if holder is None:
            return "Not assigned to a post", LOST_FILL if holds_any else None
        post = structure.posts.get(holder)
        if post is None:
            return f"Deleted post '{holder}': reassign", LOST_FILL
        if post.status is PostStatus.VACANT:
            return f"{post.title} (vacant)", VACANT_FILL if holds_any else None
        return post.title, None

    def _show_summary(self) -> None:
        structure = self.document.structure
        count = len(structure.responsibilities)
        self.summary.setText(f"{count} responsibilit{'y' if count == 1 else 'ies'}")
        findings = [f for f in self.document.analysis.findings() if f.rule in RESPONSIBILITY_RULES]
        self.problems.setText("\n".join(f.message for f in findings))
        self.problems.setVisible(bool(findings))

    def _fill_posts_combo(self) -> None:
        structure = self.document.structure
        self.post_combo.clear()
        self.post_combo.addItem(UNASSIGNED, None)
        for post in sorted((p for p in structure.posts.values() if p.context is None), key=lambda p: p.title.lower()):
            self.post_combo.addItem(post.title + (" (vacant)" if post.status is PostStatus.VACANT else ""), post.id)

    # ----- selection and the form -------------------------------------------------------

    def select(self, item_id: str) -> bool:
        """Select a responsibility in its cell; False when it is not shown."""
        for cell_list in self.lists.values():
            for row in range(cell_list.count()):
                if cell_list.item(row).data(Qt.UserRole) == item_id:
                    cell_list.setCurrentRow(row)
                    return True
        return False

    def _list_selected(self, source: ResponsibilityList, current: QListWidgetItem | None) -> None:
        if current is None:
            return
        for cell_list in self.lists.values():
            if cell_list is not source:
                cell_list.blockSignals(True)
                cell_list.clearSelection()
                cell_list.setCurrentRow(-1)
                cell_list.blockSignals(False)
        self.selected_id = current.data(Qt.UserRole)
        self._load_form()

    def _load_form(self) -> None:
        structure = self.document.structure
        item = next((r for r in structure.responsibilities if r.id == self.selected_id), None)
        self._loading = True
        try:
            self.name_edit.setText(item.name if item else "")
            self.name_edit.setPlaceholderText("" if item else "Select a responsibility, or Add one")
            self.name_edit.setEnabled(item is not None)
            self.delete_button.setEnabled(item is not None)
            if item is not None:
                self.category_combo.setCurrentIndex(self.category_combo.findData(item.category.value))
                index = self.post_combo.findData(item.post)
                if index < 0:  # a deleted post: show it until the responsibility is reassigned
                    self.post_combo.addItem(f"deleted post '{item.post}'", item.post)
                    index = self.post_combo.count() - 1
                self.post_combo.setCurrentIndex(index)
        finally:
            self._loading = False

    def _cell_clicked(self, row: int, column: int) -> None:
        holder = self.rows[row] if 0 <= row < len(self.rows) else None
        if column == 0 and holder in self.document.structure.posts:
            self.posts_chosen.emit([holder])

    # ----- edits -----------------------------------------------------------------------

    def move(self, item_id: str, holder: str | None, category: str) -> bool:
        """Reassign a responsibility to `holder` (None: no post) and `category`, as one undo step."""
        structure = self.document.structure
        if not any(r.id == item_id for r in structure.responsibilities):
            return False
        item = structure.responsibility(item_id)
        fields: dict[str, object] = {}
        if item.post != holder:
            fields["post"] = holder
        if item.category.value != category:
            fields["category"] = category
        if not fields:
            return False
        self.selected_id = item_id
        return self.document.execute(commands.edit_responsibility(structure, item_id, **fields))

    def _edit_selected(self, **fields: object) -> None:
        if self._loading or self.selected_id is None:
            return
        item = self.document.structure.responsibility(self.selected_id)
        changed = {k: v for k, v in fields.items() if getattr(item, k) != v}  # categories compare as text
        if changed and not self.document.execute(
                commands.edit_responsibility(self.document.structure, self.selected_id, **changed)):
            self._load_form()

    def _name_finished(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.document.refuse("a responsibility needs a name")
            self._load_form()
            return
        self._edit_selected(name=name)

    def add_new(self) -> None:
        """Add a responsibility of the form's category to the form's post, select it and start naming it."""
        structure = self.document.structure
        item = Responsibility(id=structure.new_responsibility_id(), name="New responsibility",
                              category=self.category_combo.currentData(), post=self.post_combo.currentData())
        if self.document.execute(commands.add_responsibility(structure, item)):
            self.selected_id = item.id
            self.select(item.id)
            self._load_form()
            self.name_edit.setFocus()
            self.name_edit.selectAll()

    def delete_selected(self) -> None:
        if self.selected_id is None:
            return
        item_id, self.selected_id = self.selected_id, None
        self.document.execute(commands.delete_responsibility(self.document.structure, item_id))
