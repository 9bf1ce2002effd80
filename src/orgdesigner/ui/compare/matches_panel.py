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
        self.accept_button = QPushButton("Accept match")
        self.accept_button.setToolTip("The two are one continuing post in the comparison")
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
        reviewed = review_matches(result.before, result.after) if result is not None else []
        self.pairs = [(s.before, s.after, decision) for s, decision in reviewed]
        self.table.setRowCount(len(reviewed))
        for row, (suggestion, decision) in enumerate(reviewed):
            assert result is not None
            old, new = result.before.posts[suggestion.before], result.after.posts[suggestion.after]
            cells = [f"{suggestion.score:.2f}", f"{old.title} ({old.id})", f"{new.title} ({new.id})",
                     DECISION_WORDS[decision], suggestion.reason]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.label.setText(f"Suggested matches of a deleted and a new post: {len(reviewed)}")
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(editable and bool(reviewed))
        self.setVisible(bool(reviewed))

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _decide(self, accepted: bool) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        before, after, _decision = self.pairs[rows[0].row()]
        self.decided.emit(before, after, accepted)
