"""The rule findings dock: every finding, worst first; clicking one selects what it names."""

from __future__ import annotations

from collections.abc import Mapping
from difflib import SequenceMatcher
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from ...analysis import Finding, Severity
from ...presentation.chartstyle import SEVERITY_COLOURS
from ...presentation.figures import severity_label
from ..document import Document
from ..feature import ActionSpec, DockSpec, FeatureParts, MenuSpec, WindowHost


class FindingsPanel(QTreeWidget):
    """After an edit only the rows whose findings changed are replaced (on 10,000 posts an edit changes a
    few findings among hundreds, often far apart in the list)."""

    posts_chosen = Signal(list)
    """The post ids a clicked finding names."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.setColumnCount(2)
        self.setHeaderLabels(["Severity", "Finding"])
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self._shown: list[Finding] = []
        self.setColumnWidth(0, max(self.fontMetrics().horizontalAdvance(text) for text in
                                   ["Severity", *(severity_label(s.value) for s in Severity)]) + 24)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        document.changed.connect(lambda _change: self.refresh())
        document.replaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Replace only the runs of rows whose findings changed, matched as a diff of the two lists."""
        findings, shown = self.document.analysis.findings(), self._shown
        if findings == shown:
            return
        for old_start, old_end, new_start, new_end in reversed(_changed_runs(shown, findings)):
            for _ in range(old_end - old_start):  # from the end back, so earlier rows keep their places
                self.takeTopLevelItem(old_start)
            self.insertTopLevelItems(old_start, [_item(f) for f in findings[new_start:new_end]])
        self._shown = findings

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        posts = item.data(0, Qt.ItemDataRole.UserRole) or []
        if posts:
            self.posts_chosen.emit(posts)


def _changed_runs(old: list[Finding], new: list[Finding]) -> list[tuple[int, int, int, int]]:
    """The runs of rows to replace (old start and end, new start and end), in order. Both lists are sorted the
    same way, so the findings in both are in the same order in each, and one pass finds the runs between them;
    if they are not (a finding twice), a diff does."""
    in_old, in_new = set(old), set(new)
    kept = [f for f in old if f in in_new]
    if len(in_old) < len(old) or len(in_new) < len(new) or kept != [f for f in new if f in in_old]:
        return [(a1, a2, b1, b2) for tag, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
                if tag != "equal"]
    runs: list[tuple[int, int, int, int]] = []
    i = j = 0
    while i < len(old) or j < len(new):
        i0, j0 = i, j
        while i < len(old) and old[i] not in in_new:
            i += 1
        while j < len(new) and new[j] not in in_old:
            j += 1
        if i > i0 or j > j0:
            runs.append((i0, i, j0, j))
        i, j = i + 1, j + 1  # past a finding in both
    return runs


def _item(finding: Finding) -> QTreeWidgetItem:
    item = QTreeWidgetItem([severity_label(finding.severity.value), finding.message])
    item.setForeground(0, QBrush(QColor(SEVERITY_COLOURS[finding.severity.value])))
    item.setData(0, Qt.ItemDataRole.UserRole, list(finding.posts))
    item.setToolTip(1, f"[{finding.rule}] {finding.message}")
    return item


class FindingsFeature:
    """The Findings dock along the bottom; clicking a finding selects the posts it names."""

    DOCKS: ClassVar[tuple[DockSpec, ...]] = (
        DockSpec("findings", "Findings", Qt.DockWidgetArea.BottomDockWidgetArea, front=True, size=150,
                 in_view_menu=True),)
    MENU: ClassVar[MenuSpec | None] = None
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = ()

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self.panel = FindingsPanel(host.document)

    def contents(self) -> Mapping[str, QWidget]:
        return {"findings": self.panel}

    def attach(self, parts: FeatureParts) -> None:
        self.panel.posts_chosen.connect(self.host.select_and_centre)
