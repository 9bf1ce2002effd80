"""The Conflicts dock: the shown scenario's open merge conflicts, each resolved by keeping ours, taking
theirs or typing a value, as an edit on the undo stack (`editing.resolve_conflict`)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)
from pydantic import JsonValue

from ...editing import resolve_conflict
from ...model import Conflict, ConflictItem
from ...sharing import conflict_subject, value_text
from ..document import Document

KEY_ROLE = Qt.ItemDataRole.UserRole


class ConflictsPanel(QWidget):
    posts_chosen = Signal(list)
    """The post a clicked conflict is about."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Conflict", "Base", "Ours (kept)", "Theirs"])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.itemClicked.connect(self._clicked)
        self.keep_button = QPushButton("Keep &Ours")
        self.take_button = QPushButton("Take &Theirs")
        self.edit_button = QPushButton("&Edit…")
        self.keep_button.clicked.connect(lambda: self.resolve_selected("ours"))
        self.take_button.clicked.connect(lambda: self.resolve_selected("theirs"))
        self.edit_button.clicked.connect(lambda: self.resolve_selected("edit"))
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.take_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        document.changed.connect(lambda _change: self.refresh())
        document.replaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        structure = self.document.structure
        selected = self.selected_conflict()
        self.tree.clear()
        for conflict in structure.conflicts:
            item = QTreeWidgetItem(self.tree, [f"{conflict_subject(structure, conflict)}: {conflict.kind.value}",
                                               value_text(conflict.base), value_text(conflict.ours),
                                               value_text(conflict.theirs)])
            item.setData(0, KEY_ROLE, list(conflict.key()))
            item.setToolTip(0, conflict.note or conflict.kind.value)
            if selected is not None and conflict.key() == selected.key():
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        elsewhere = sum(len(s.conflicts) for s in self.document.scenarios if s is not structure)
        count = len(structure.conflicts)
        text = f"{count} open conflict{'s' if count != 1 else ''} in this scenario" if count else \
            "No open conflicts in this scenario"
        if elsewhere:
            text += f"; {elsewhere} in other scenarios"
        self.summary.setText(text + "." + (" Ours is kept until you choose." if count else ""))
        self._enable()

    def selected_conflict(self) -> Conflict | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        key = tuple(item.data(0, KEY_ROLE))
        return next((c for c in self.document.structure.conflicts if c.key() == key), None)

    def resolve_selected(self, choice: str) -> bool:
        """Resolve the selected conflict: "ours", "theirs" or "edit" (asks for the value)."""
        conflict = self.selected_conflict()
        if conflict is None:
            return False
        if choice == "ours":
            value, label = conflict.ours, "keep ours"
        elif choice == "theirs":
            value, label = conflict.theirs, "take theirs"
        else:
            asked = self.ask_value(conflict)
            if asked is None:
                return False
            value, label = asked[0], "set by hand"
        return self.document.execute(resolve_conflict(self.document.structure, conflict.key(), value, label))

    def ask_value(self, conflict: Conflict) -> tuple[JsonValue] | None:
        """The value to set, typed as JSON (plain text is taken as text); None if cancelled. Tests replace this."""
        start = conflict.ours if conflict.ours is not None else conflict.theirs
        text, ok = QInputDialog.getText(self, "Resolve the conflict",
                                        f"{conflict_subject(self.document.structure, conflict)} (as JSON):",
                                        text=json.dumps(start, ensure_ascii=False))
        if not ok:
            return None
        try:
            value: JsonValue = json.loads(text)
        except ValueError:
            value = text
        return (value,)

    def _enable(self) -> None:
        has = self.selected_conflict() is not None
        for button in (self.keep_button, self.take_button, self.edit_button):
            button.setEnabled(has)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        conflict = self.selected_conflict()
        if conflict is not None and conflict.item is ConflictItem.POST and conflict.id in self.document.structure.posts:
            self.posts_chosen.emit([conflict.id])
