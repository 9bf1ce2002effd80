"""Suggested matches in the changes dock: pairs of a deleted and a new post (for snapshots whose
references were renumbered), each with its score and reason; Accept makes the pair one continuing
post, Reject keeps them apart. Decisions are undoable edits of the proposal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ...analysis.matching import review_matches
from .result import ComparisonResult

DECISION_WORDS = {True: "Accepted", False: "Rejected", None: ""}


class MatchesPanel(QWidget):
    decided = Signal(str, str, bool)
    """(current post id, proposed post id, True to accept or False to reject)."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str, bool | None]] = []
        self.label = QLabel()
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("matches_table")
        self.table.setHorizontalHeaderLabels(["Score", "Deleted post", "New post", "Decision", "Why"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(150)
        self.table.doubleClicked.connect(lambda index: self.accept_row(index.row()))
        self.accept_button = QPushButton("Accept match")
        self.accept_button.setToolTip("The two are one continuing post in the comparison (or double-click the row)")
        self.reject_button = QPushButton("Reject match")
        self.accept_button.clicked.connect(lambda: self._decide(True))
        self.reject_button.clicked.connect(lambda: self._decide(False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.label, 1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.setVisible(False)

    def set_result(self, result: ComparisonResult | None, editable: bool) -> None:
        """The suggested pairs (renumbered posts), then the likely matches for each deleted post's holder
        that no pair covers, with the overlap and the impact accepting one would bring."""
        reviewed = review_matches(result.before, result.after) if result is not None else []
        rows = [(f"{s.score:.2f}", s.before, s.after, DECISION_WORDS[decision], s.reason) for s, decision in reviewed]
        paired = {s.before for s, _ in reviewed}
        for old_id, likely in (result.likely or {}).items() if result is not None else ():
            if old_id not in paired:
                rows += [(f"{m.overlap:.0f}%", m.before, m.after, f"Likely: {m.impact_words}", m.reason)
                         for m in likely]
        self.pairs = [(before, after, None) for _, before, after, _, _ in rows]
        self.table.setRowCount(len(rows))
        for row, (score, before, after, decision, reason) in enumerate(rows):
            assert result is not None
            old, new = result.before.posts[before], result.after.posts[after]
            cells = [score, f"{old.title} ({old.id})", f"{new.title} ({new.id})", decision, reason]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.label.setText(f"Suggested and likely matches of a deleted and a new post: {len(rows)}")
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(editable and bool(rows))
        self.setVisible(bool(rows))

    def accept_row(self, row: int) -> None:
        """Accept the pair on `row` in one click (what selecting it and pressing Accept does)."""
        before, after, _decision = self.pairs[row]
        self.decided.emit(before, after, True)

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _decide(self, accepted: bool) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        before, after, _decision = self.pairs[rows[0].row()]
        self.decided.emit(before, after, accepted)
