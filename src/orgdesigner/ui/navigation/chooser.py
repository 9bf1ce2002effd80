"""A searchable list of posts to choose a post's manager (or a dotted-line manager) from the keyboard.

Each post is listed with what would stop it becoming the manager, in the model's own words (the same
check a drag makes): choosing such a post shows the reason and OK stays off."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout,
                               QWidget)

from ...model import Structure

Refusal = Callable[[str], str | None]
"""Why a post could not be the manager (None: it could)."""


class ManagerChooser(QDialog):
    def __init__(self, structure: Structure, post_id: str, title: str, refusal: Refusal,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("manager_chooser")
        self.resize(440, 420)
        self._refusal = refusal
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type part of a title or a name…")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{structure.posts[post_id].title}</b> will report to:"))
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        current = structure.posts[post_id].reports_to
        for post in structure.posts.values():
            if post.id == post_id:
                continue
            who = f" — {post.postholder}" if post.postholder else ""
            now = " (line manager now)" if post.id == current else ""
            item = QListWidgetItem(f"{post.title}{who}{now}")
            item.setToolTip(post.title)
            item.setData(Qt.ItemDataRole.UserRole, post.id)
            self.list.addItem(item)
        self.filter.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(lambda _now, _before: self._check())
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.filter.returnPressed.connect(self.accept)
        self._check()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.text().lower()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)
        self._check()

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and not item.isHidden() else None

    def choose(self, post_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == post_id:
                self.list.setCurrentRow(row)
                return

    def _check(self) -> None:
        chosen = self.chosen()
        refusal = self._refusal(chosen) if chosen is not None else None
        self.reason.setText(refusal or "")
        # a wrapped label gets no more height than one line from the dialog's layout: ask for all its lines
        self.reason.setMinimumHeight(self.reason.heightForWidth(self.reason.width()) if refusal else 0)
        self.layout().activate()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(chosen is not None and refusal is None)

    def accept(self) -> None:
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            super().accept()
