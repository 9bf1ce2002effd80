"""The live figures dock: totals, costs by group and tier, spans and layers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ...presentation.costbasis import cost_basis_text
from ...presentation.figures import fte_text, one_place
from ...presentation.money import money
from ..document import Document
from ..feature import ActionSpec, DockSpec, FeatureParts, MenuSpec, WindowHost
from ..onscreen import OnScreenRefresh


class FiguresPanel(OnScreenRefresh, QTreeWidget):
    """Refreshed after each edit only while its tab is showing (it sits behind Properties): counting the
    spans of 10,000 posts is no cost to a salary edit made with the figures out of sight."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.setColumnCount(3)
        self.setHeaderLabels(["Figure", "Posts", "Value"])
        self.setRootIsDecorated(True)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        # The figures always show in full; a long label gives way (elided, whole in its tooltip).
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        document.changed.connect(lambda _change: self.refresh())
        document.replaced.connect(self.refresh)
        self.refresh()

    def value_of(self, label: str) -> str:
        """The value shown against a top-level figure (for tests and the status bar), as it is now."""
        self.bring_up_to_date()
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            if item.text(0) == label:
                return item.text(2)
        raise KeyError(label)

    def refresh(self) -> None:
        if not self.on_screen_now():
            return
        structure, analysis = self.document.structure, self.document.analysis
        totals = analysis.totals()
        in_scope = analysis.totals(in_scope_only=True)
        expanded = {self.topLevelItem(r).text(0) for r in range(self.topLevelItemCount())
                    if self.topLevelItem(r).isExpanded()}
        self.clear()
        rows = [
            ("Posts", str(totals.posts), f"{in_scope.posts} in scope"),
            ("FTE", "", fte_text(totals.fte)),
            ("Vacant posts", str(totals.vacant), ""),
            ("Cost (gross)", "", money(totals.gross)),
            ("Cost (net)", "", money(totals.net)),
            ("Costed", "", cost_basis_text(structure.settings)),
            ("Layers", "", str(analysis.layers())),
            ("Largest span", "", str(analysis.max_span())),
            ("Average span", "", "—" if (average := analysis.average_span()) is None else one_place(average)),
        ]
        if totals.pay_withheld:
            rows.insert(6, ("Pay not disclosed", str(totals.pay_withheld), "not in the cost"))
        if totals.junior_fte:  # staff under the senior posts: counted apart, never as posts
            rows[6:6] = [("Junior staff FTE", "", fte_text(totals.junior_fte)),
                         ("Junior staff cost", "", money(totals.junior_cost))]
        for label, posts, value in rows:
            item = self._row(self, label, posts, value)
            if label == "Costed":  # a sentence, not a figure: across the row, so the Value column stays narrow
                item.setText(0, f"Costed {value}")
                item.setText(2, "")
                item.setToolTip(0, item.text(0))
                item.setFirstColumnSpanned(True)
        by_group = QTreeWidgetItem(self, ["Net cost by group"])
        group_totals = analysis.totals_by_group()
        items: dict[str, QTreeWidgetItem] = {}
        for group_id in structure.groups:  # parents before children is not guaranteed: attach lazily
            self._group_item(group_id, items, by_group, group_totals)
        ungrouped = analysis.ungrouped()
        if ungrouped.posts:
            self._row(by_group, "No group", str(ungrouped.posts), money(ungrouped.net))
        by_tier = QTreeWidgetItem(self, ["Net cost by tier"])
        tiers = analysis.totals_by_tier()
        for tier in sorted(tiers, key=lambda t: analysis.rules.rank(t) or 99):
            self._row(by_tier, f"Tier {tier}" if tier else "No tier", str(tiers[tier].posts), money(tiers[tier].net))
        layers = QTreeWidgetItem(self, ["Posts per layer"])
        for layer, count in analysis.layer_counts().items():
            self._row(layers, f"Layer {layer}", str(count), "")
        widest = QTreeWidgetItem(self, ["Widest spans"])
        for post_id, span in analysis.widest_spans(8):
            self._row(widest, structure.posts[post_id].title, "", str(span))
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            item.setExpanded(item.text(0) in expanded or item.text(0) == "Net cost by group")

    def _group_item(self, group_id, items, root, totals) -> QTreeWidgetItem:
        if group_id in items:
            return items[group_id]
        structure = self.document.structure
        group = structure.groups[group_id]
        parent = root if group.parent is None else self._group_item(group.parent, items, root, totals)
        t = totals[group_id]
        item = self._row(parent, group.name, str(t.posts), money(t.net))
        item.setExpanded(True)
        items[group_id] = item
        return item

    @staticmethod
    def _row(parent, label: str, posts: str, value: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [label, posts, value])
        item.setToolTip(0, label)
        item.setTextAlignment(1, Qt.AlignRight | Qt.AlignVCenter)
        item.setTextAlignment(2, Qt.AlignRight | Qt.AlignVCenter)
        return item


class FiguresFeature:
    """The Figures dock, in a tab behind Properties."""

    DOCKS: ClassVar[tuple[DockSpec, ...]] = (
        DockSpec("figures", "Figures", Qt.DockWidgetArea.RightDockWidgetArea, tab_with="properties",
                 in_view_menu=True),)
    MENU: ClassVar[MenuSpec | None] = None
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = ()

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self.panel = FiguresPanel(host.document)

    def contents(self) -> Mapping[str, QWidget]:
        return {"figures": self.panel}

    def attach(self, parts: FeatureParts) -> None:
        """The panel follows the document by itself while its tab is showing."""
        parts.docks["figures"].visibilityChanged.connect(self.panel.set_shown)
        self.host.dock_layout.placed.connect(self.panel.dock_placed)
