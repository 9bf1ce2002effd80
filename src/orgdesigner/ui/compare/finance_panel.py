"""The finance dock: the proposal's saving in one line, then posts, FTE and costs before and after,
set-asides, the profile by year, one-off costs and payback (the wording of `orgdesigner compare`)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ...analysis import FinanceSummary
from ...analysis.basis import Basis, on_one_basis
from ...presentation.costbasis import cost_basis_text
from ...presentation.figures import fte_change, fte_text, payback_text, rounded_change, set_aside
from ...presentation.money import change, money, saving
from .result import ComparisonResult

SAVING_COLOUR, COST_COLOUR, WARNING_COLOUR = "#2e7d32", "#c0392b", "#b26a00"
BASIS_CHOICES = {Basis.AFTER: "Cost both on the proposal's basis", Basis.BEFORE: "Cost both on the current basis",
                 Basis.OWN: "Cost each on its own basis"}


class FinancePanel(QWidget):
    basis_chosen = Signal(str)
    """The user chose the basis both structures are costed on (a `Basis` value)."""

    def __init__(self) -> None:
        super().__init__()
        self.basis_combo = QComboBox()
        self.basis_combo.setObjectName("finance_basis")
        for basis, words in BASIS_CHOICES.items():
            self.basis_combo.addItem(words, basis.value)
        self.basis_combo.activated.connect(lambda index: self.basis_chosen.emit(self.basis_combo.itemData(index)))
        self.basis_label = QLabel()
        self.basis_label.setObjectName("finance_basis_text")
        self.basis_label.setWordWrap(True)
        self.basis_label.setTextFormat(Qt.TextFormat.RichText)
        self.headline = QLabel()
        self.headline.setObjectName("finance_headline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.RichText)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["", "Before", "After", "Change"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.headline)
        basis_row = QHBoxLayout()
        basis_row.addWidget(self.basis_combo)
        basis_row.addStretch(1)
        layout.addLayout(basis_row)
        layout.addWidget(self.basis_label)
        layout.addWidget(self.tree)

    def value_of(self, label: str, column: int = 1) -> str:
        """The text shown against a row (for tests and anyone reading the panel)."""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.text(0) == label:
                return item.text(column)
        raise KeyError(label)

    def set_result(self, result: ComparisonResult | None, before_label: str) -> None:
        self.tree.clear()
        if result is None:
            self.headline.setText("")
            self.basis_label.setText("")
            return
        self._basis(result)
        f = result.finance
        net = f.saving_net
        headline, colour = ((f"Saves {money(net)} a year", SAVING_COLOUR) if round(net) >= 0
                            else (f"Costs {money(-net)} more a year", COST_COLOUR))
        counts = result.kind_counts()
        parts = [f"{f.before.posts} → {f.after.posts} posts in scope"]
        parts += [f"{counts[k]} {k}" for k in ("deleted", "new", "moved") if counts.get(k)]
        self.headline.setText(
            f"<div style='font-size:15pt; color:{colour}'><b>{headline}</b></div>"
            f"<div style='color:#5b6675'>against {escape(before_label)}: {' · '.join(parts)}</div>")
        self._sides(f)
        self._row("Saving", "", "", saving(f.saving_gross), bold=True)
        for label, amount in f.set_asides:
            self._row(f"Set aside: {label}", "", "", set_aside(amount))
        self._row("Net saving", "", "", saving(f.saving_net), bold=True)
        if len(f.profile) > 1:
            for year, amount in enumerate(f.profile, start=1):
                self._row(f"Year {year}", "", "", money(amount))
            self._row(f"Over {len(f.profile)} years", "", "", money(f.profile_total), bold=True)
        for label, amount in f.one_off_costs:
            self._row(f"One-off: {label}", "", "", money(amount))
        if f.one_off_costs:
            self._row("One-off costs", "", "", money(f.one_off_total), bold=True)
            self._row("Payback", "", "", payback_text(f.payback_years), bold=True)

    def _basis(self, result: ComparisonResult) -> None:
        """What the figures are costed on, and each way the two structures' own bases differ."""
        self.basis_combo.setCurrentIndex(self.basis_combo.findData(result.basis.value))
        before, after = on_one_basis(result.before, result.after, result.basis)
        if result.basis is Basis.OWN:
            text = (f"Costed before {cost_basis_text(before.settings)}, after {cost_basis_text(after.settings)}.")
        else:
            text = f"Costed {cost_basis_text(after.settings)}."
        lines = [escape(text + (f" {result.basis_note}" if result.basis_note else ""), quote=False)]
        lines += [f"<span style='color:{WARNING_COLOUR}'>⚠ {escape(w.message, quote=False)}</span>" for w in result.basis_warnings]
        self.basis_label.setText("<br>".join(lines))

    def _sides(self, f: FinanceSummary) -> None:
        b, a = f.before, f.after
        self._row("Posts in scope", str(b.posts), str(a.posts), rounded_change(b.posts, a.posts, 0))
        self._row("FTE", fte_text(b.fte), fte_text(a.fte), fte_change(b.fte, a.fte))
        self._row("Cost (gross)", money(b.cost_gross), money(a.cost_gross), change(a.cost_gross - b.cost_gross))
        self._row("Cost (net)", money(b.cost_net), money(a.cost_net), change(a.cost_net - b.cost_net))

    def _row(self, label: str, before: str, after: str, change: str, bold: bool = False) -> None:
        item = QTreeWidgetItem(self.tree, [label, before, after, change])
        item.setToolTip(0, label)
        for column in (1, 2, 3):
            item.setTextAlignment(column, Qt.AlignRight | Qt.AlignVCenter)
        if bold:
            font = item.font(0)
            font.setBold(True)
            for column in range(4):
                item.setFont(column, font)
