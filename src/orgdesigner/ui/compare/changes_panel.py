"""The changes dock: every post of either structure with what happens to it and its holder.

Sorts on any column, filters by text and by change kind or impact; the Impact and Reason
cells of the proposed structure's posts are editable, as undoable decisions.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSplitter, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QVBoxLayout,
                               QWidget)

from ...analysis import PostChange
from ...model import ImpactChoice
from ...presentation.changes import proposed_action
from ...presentation.chartstyle import CHANGE_STYLES, IMPACT_STYLES, change_style
from .changes_model import POST_ROLE, ChangesFilter, ChangesModel, Column
from .matches_panel import MatchesPanel
from .result import ComparisonResult

CHOICES: list[tuple[str, tuple[str, str] | None]] = (
    [("All posts", None), ("Changed posts", ("changed", ""))]
    + [(style.label, ("kind", style.kind)) for style in CHANGE_STYLES]
    + [(f"Impact: {label}", ("impact", value)) for value, (label, _colour) in IMPACT_STYLES.items()])


class ImpactDelegate(QStyledItemDelegate):
    """A box of impacts to choose from; the choice is passed on as soon as it is made."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for value, (label, _colour) in IMPACT_STYLES.items():
            combo.addItem(label, value)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        combo.activated.connect(lambda _i: self.closeEditor.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.EditRole))))

    def setModelData(self, editor: QWidget, model, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentData() != index.data(Qt.EditRole):
            model.setData(index, editor.currentData(), Qt.EditRole)


class ChangesPanel(QWidget):
    change_selected = Signal(str)
    """The post id of the row the user selected."""
    impact_chosen = Signal(str, object)
    reason_given = Signal(str, str)
    reset_requested = Signal(list)
    """The post ids whose impacts should go back to the rules' suggestion."""

    def __init__(self) -> None:
        super().__init__()
        self.model = ChangesModel()
        self.proxy = ChangesFilter()
        self.proxy.setSourceModel(self.model)
        self.model.impact_chosen.connect(self.impact_chosen)
        self.model.reason_given.connect(self.reason_given)
        self._result: ComparisonResult | None = None
        self._selecting = False
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("changes_filter")
        self.filter_edit.setPlaceholderText("Filter by post, title or reason…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.choice_combo = QComboBox()
        self.choice_combo.setObjectName("changes_choice")
        for label, choice in CHOICES:
            self.choice_combo.addItem(label, choice)
        self.choice_combo.currentIndexChanged.connect(
            lambda i: self.proxy.set_choice(self.choice_combo.itemData(i)))
        self.reset_button = QPushButton("Reset to Suggested")
        self.reset_button.setToolTip("Forget your impact decisions for the selected posts and take the rules' "
                                     "suggestion")
        self.reset_button.clicked.connect(lambda: self.reset_requested.emit(self.selected_posts()))
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setObjectName("changes_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.AscendingOrder)  # the comparison's own order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.SelectedClicked
                                   | QAbstractItemView.EditKeyPressed)
        self.table.setItemDelegateForColumn(Column.IMPACT, ImpactDelegate(self.table))
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        for column, width in ((Column.POST, 70), (Column.TITLE, 300), (Column.CHANGE, 240), (Column.IMPACT, 100),
                              (Column.REASON, 330), (Column.GRADE_BEFORE, 85), (Column.GRADE_AFTER, 85),
                              (Column.FTE_BEFORE, 75), (Column.FTE_AFTER, 75)):
            header.resizeSection(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.details = QLabel()
        self.details.setObjectName("change_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.RichText)
        self.details.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.details.setMinimumWidth(260)
        self.details.setMaximumWidth(380)
        controls = QHBoxLayout()
        controls.addWidget(self.filter_edit, 2)
        controls.addWidget(self.choice_combo, 1)
        controls.addWidget(self.count_label)
        controls.addStretch()
        controls.addWidget(self.reset_button)
        body = QWidget()
        beside = QHBoxLayout(body)
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addWidget(self.table, 1)
        beside.addWidget(self.details)
        self.matches = MatchesPanel()
        split = QSplitter(Qt.Orientation.Vertical)  # the user shares the height; neither forces the window taller
        split.addWidget(self.matches)
        split.addWidget(body)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([100, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(split, 1)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)
        self._count()

    # ----- data in ----------------------------------------------------------------------

    def set_result(self, result: ComparisonResult | None, editable: bool) -> None:
        """Show a comparison, keeping the selected rows; `editable` while the proposed structure is shown."""
        selected = self.selected_posts()
        self._result = result
        self._selecting = True
        try:
            self.model.set_changes(result.changes if result else [], editable)
            for post_id in selected:
                self._select_row(post_id, add=True)
        finally:
            self._selecting = False
        self.reset_button.setEnabled(editable)
        self.matches.set_result(result, editable)
        self._show_details()

    def select_post(self, post_id: str) -> None:
        """Select the post's row (clearing a filter that hides it) and bring it into view."""
        row = self.model.row_of(post_id)
        if row is None:
            return
        if not self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
            self.filter_edit.clear()
            self.choice_combo.setCurrentIndex(0)
        self._selecting = True
        try:
            self.table.clearSelection()
            self._select_row(post_id, add=False)
        finally:
            self._selecting = False
        self._show_details()

    # ----- queries -----------------------------------------------------------------------

    def selected_posts(self) -> list[str]:
        return [index.data(POST_ROLE) for index in self.table.selectionModel().selectedRows()]

    def visible_posts(self) -> list[str]:
        """The post ids of the rows shown, top to bottom."""
        return [self.proxy.index(row, 0).data(POST_ROLE) for row in range(self.proxy.rowCount())]

    def change_of(self, post_id: str) -> PostChange | None:
        row = self.model.row_of(post_id)
        return None if row is None else self.model.changes[row]

    # ----- helpers -----------------------------------------------------------------------

    def _select_row(self, post_id: str, add: bool) -> None:
        row = self.model.row_of(post_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        flags = QItemSelectionModel.Select | QItemSelectionModel.Rows
        if not add:
            flags |= QItemSelectionModel.Current
        self.table.selectionModel().select(index, flags)
        self.table.scrollTo(index)

    def _selection_changed(self) -> None:
        self._show_details()
        posts = self.selected_posts()
        if not self._selecting and len(posts) == 1:
            self.change_selected.emit(posts[0])

    def _count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{shown} of {total} posts" if shown != total else f"{total} posts")

    def _show_details(self) -> None:
        posts = self.selected_posts()
        change = self.change_of(posts[0]) if len(posts) == 1 else None
        if change is None or self._result is None:
            self.details.setText("<span style='color:#5b6675'>Select a post to see what happens to it and "
                                 "why.</span>" if self._result else "")
            return
        self.details.setText(describe(change, self._result))


def describe(change: PostChange, result: ComparisonResult) -> str:
    """A change in a few lines of rich text: what happens to the post, the impact and why."""
    kinds = " ".join(f"<span style='color:{change_style(k).colour}'><b>{change_style(k).label}</b></span>"
                     for k in change.kinds)
    label, colour = IMPACT_STYLES[change.impact.value]
    lines = [f"<b>{escape(change.title)}</b> <span style='color:#5b6675'>({escape(change.post)})</span>", kinds]
    if change.before is not None and change.after is not None:
        lines.append(escape(proposed_action(change, result.before, result.after)))
    lines += [f"Impact on the postholder: <span style='color:{colour}'><b>{escape(label)}</b></span>",
              f"<i>{escape(change.reason)}</i>"]
    if change.suggested is not None:
        lines.append(f"Your decision: the rules suggested {escape(IMPACT_STYLES[change.suggested.value][0].lower())}.")
    destinations = [result.after.posts[d].title for d in change.destinations if d in result.after.posts]
    if destinations and change.impact in (ImpactChoice.ASSIMILATE, ImpactChoice.MATCH, ImpactChoice.RING_FENCE):
        lines.append("Into: " + escape(", ".join(destinations)))
    return "<br>".join(lines)
