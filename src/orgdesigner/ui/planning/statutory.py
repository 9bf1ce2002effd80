"""The statutory officers dock: each designation, the post and person holding it, and its problems.

Problems follow the rule set in force for the structure (a rule switched off in its settings
raises nothing here either): a required designation held by no post or by several, and a
Head of Paid Service who is also the Monitoring Officer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from ...analysis import RuleSet
from ...analysis.statutory import StatutoryOfficer, statutory_officers
from ...model import Change, ChangeKind, Designation, Structure
from ...presentation.chartstyle import SEVERITY_COLOURS
from ..document import Document
from ..onscreen import OnScreenRefresh

COLUMNS = ["Designation", "Post", "Holder", "Problems"]
POST_FIELDS = frozenset({"designations", "title", "postholder", "context"})


def officer_problems(structure: Structure, rules: RuleSet, officer: StatutoryOfficer) -> list[str]:
    """What is wrong with how a designation is held, in a few words each."""
    problems: list[str] = []
    if officer.required and not officer.holders:
        problems.append("Not designated: the council must designate one post")
    duplicate = rules.active("statutory-duplicate")
    if duplicate and len(officer.holders) > 1 and officer.designation in _designations(duplicate.params):
        problems.append(f"Held by {len(officer.holders)} posts: it must be held by exactly one")
    if rules.active("hops-is-mo") and officer.designation in (Designation.HOPS, Designation.MO):
        other = Designation.MO if officer.designation is Designation.HOPS else Designation.HOPS
        for holder in officer.holders:
            if other in structure.posts[holder.post].designations:
                problems.append(f"'{holder.title}' is both Head of Paid Service and Monitoring Officer, "
                                "which the law does not allow")
    return problems


def _designations(params: dict[str, object]) -> set[Designation]:
    return {Designation.parse(code) for code in params.get("designations", [])}


class StatutoryPanel(OnScreenRefresh, QTreeWidget):
    posts_chosen = Signal(list)
    """The post a clicked row names."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(COLUMNS)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        document.changed.connect(self._on_change)
        document.replaced.connect(self.refresh)
        self.refresh()

    def _on_change(self, change: Change) -> None:
        if change.kind in (ChangeKind.POST_ADDED, ChangeKind.POST_REMOVED, ChangeKind.SETTINGS_CHANGED) \
                or (change.kind is ChangeKind.POST_CHANGED and change.fields & POST_FIELDS):
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the table; while the dock is hidden the work waits until it is shown."""
        if not self.on_screen_now():
            return
        structure, rules = self.document.structure, self.document.analysis.rules
        self.clear()
        for officer in statutory_officers(structure, rules):
            problems = officer_problems(structure, rules, officer)
            code = f"({officer.designation.value})"
            label = officer.name if officer.name.endswith(code) else f"{officer.name} {code}"
            for holder in officer.holders or [None]:
                item = QTreeWidgetItem(self, [
                    label,
                    holder.title if holder else "—",
                    (holder.postholder or "") if holder else "",
                    "; ".join(problems),
                ])
                item.setData(0, Qt.UserRole, [holder.post] if holder else [])
                if problems:
                    item.setForeground(3, QBrush(QColor(SEVERITY_COLOURS["error"])))
                    item.setToolTip(3, "\n".join(problems))
                if officer.required:
                    font = item.font(0)
                    font.setBold(True)
                    item.setFont(0, font)
        for column in range(3):
            self.resizeColumnToContents(column)

    def rows(self) -> list[list[str]]:
        """The table as text, row by row (what a reader sees)."""
        return [[self.topLevelItem(r).text(c) for c in range(len(COLUMNS))] for r in range(self.topLevelItemCount())]

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        posts = item.data(0, Qt.UserRole) or []
        if posts:
            self.posts_chosen.emit(posts)
