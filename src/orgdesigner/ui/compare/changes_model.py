"""The changes table's model: one row per post of either structure, and the proxy that sorts and filters it."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ...analysis import PostChange
from ...model import ImpactChoice, Post
from ...presentation.chartstyle import CHANGE_STYLES, IMPACT_STYLES, change_style, main_change

SORT_ROLE = Qt.UserRole
POST_ROLE = Qt.UserRole + 1
IMPACT_ORDER = list(IMPACT_STYLES)
"""Impacts sort worst first."""

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    POST = 0
    TITLE = 1
    CHANGE = 2
    IMPACT = 3
    REASON = 4
    GRADE_BEFORE = 5
    GRADE_AFTER = 6
    FTE_BEFORE = 7
    FTE_AFTER = 8


HEADERS = ["Post", "Title", "Change", "Impact", "Reason", "Grade before", "Grade after", "FTE before", "FTE after"]


class ChangesModel(QAbstractTableModel):
    impact_chosen = Signal(str, object)
    """A post id and the ImpactChoice the user picked in its Impact cell."""
    reason_given = Signal(str, str)
    """A post id and the reason the user typed in its Reason cell."""

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[PostChange] = []
        self.editable = False

    def set_changes(self, changes: list[PostChange], editable: bool) -> None:
        self.beginResetModel()
        self.changes, self.editable = changes, editable
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> object:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self.editable and index.column() in (Column.IMPACT, Column.REASON):
            flags |= Qt.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.DisplayRole) -> object:
        change = self.changes[index.row()]
        column = Column(index.column())
        if role == Qt.DisplayRole:
            return _text(change, column)
        if role == Qt.EditRole:
            return change.impact.value if column is Column.IMPACT else _text(change, column)
        if role == SORT_ROLE:
            return _sort_key(change, column)
        if role == POST_ROLE:
            return change.post
        if role == Qt.ToolTipRole:
            return _tooltip(change, column)
        if role == Qt.BackgroundRole and column is Column.CHANGE:
            return QBrush(QColor(main_change(change.kinds).tint))
        if role == Qt.ForegroundRole and column is Column.CHANGE:
            return QBrush(QColor(main_change(change.kinds).colour))
        if role == Qt.ForegroundRole and column is Column.IMPACT:
            return QBrush(QColor(IMPACT_STYLES[change.impact.value][1]))
        if role == Qt.FontRole and column is Column.IMPACT and change.suggested is not None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.TextAlignmentRole and column in (Column.FTE_BEFORE, Column.FTE_AFTER):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.EditRole) -> bool:
        """Edits are not stored here: they are passed on as undoable commands, and the table follows."""
        if role != Qt.EditRole or not self.editable:
            return False
        change = self.changes[index.row()]
        if index.column() == Column.IMPACT:
            self.impact_chosen.emit(change.post, ImpactChoice(value))
            return True
        if index.column() == Column.REASON:
            self.reason_given.emit(change.post, str(value))
            return True
        return False

    def row_of(self, post_id: str) -> int | None:
        return next((row for row, change in enumerate(self.changes) if change.post == post_id), None)


def _text(change: PostChange, column: Column) -> str:
    before, after = change.before, change.after
    if column is Column.POST:
        return change.post
    if column is Column.TITLE:
        return change.title
    if column is Column.CHANGE:
        return ", ".join(change_style(k).label for k in change.kinds)
    if column is Column.IMPACT:
        return IMPACT_STYLES[change.impact.value][0]
    if column is Column.REASON:
        return change.reason
    if column is Column.GRADE_BEFORE:
        return _grade(before)
    if column is Column.GRADE_AFTER:
        return _grade(after)
    if column is Column.FTE_BEFORE:
        return f"{before.fte:g}" if before else "—"
    return f"{after.fte:g}" if after else "—"


def _grade(post: Post | None) -> str:
    if post is None:
        return "—"
    return post.grade or ""


def _sort_key(change: PostChange, column: Column) -> object:
    if column is Column.CHANGE:
        return CHANGE_STYLES.index(main_change(change.kinds))
    if column is Column.IMPACT:
        return IMPACT_ORDER.index(change.impact.value)
    if column is Column.FTE_BEFORE:
        return change.before.fte if change.before else -1.0
    if column is Column.FTE_AFTER:
        return change.after.fte if change.after else -1.0
    return _text(change, column).lower()


def _tooltip(change: PostChange, column: Column) -> str | None:
    if column is Column.IMPACT and change.suggested is not None:
        return f"Your decision; the rules suggested: {IMPACT_STYLES[change.suggested.value][0].lower()}"
    if column in (Column.REASON, Column.TITLE):
        return change.reason
    return None


class ChangesFilter(QSortFilterProxyModel):
    """Rows whose post, title or reason contain the text, and that have the chosen kind or impact."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._choice: tuple[str, str] | None = None

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().lower()))

    def set_choice(self, choice: tuple[str, str] | None) -> None:
        """("kind", a change kind), ("impact", an ImpactChoice value), ("changed", "") or None for all."""
        self._refilter(lambda: setattr(self, "_choice", choice))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Change the filter and apply it (Qt 6.10 replaced invalidateFilter with begin/endFilterChange)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ChangesModel)
        change = model.changes[source_row]
        if self._text and not any(self._text in text.lower() for text in
                                  (change.post, change.title, change.reason, " ".join(change.kinds))):
            return False
        if self._choice is None:
            return True
        what, value = self._choice
        if what == "changed":
            return change.kinds != ["unchanged"]
        if what == "kind":
            return value in change.kinds
        return change.impact.value == value
