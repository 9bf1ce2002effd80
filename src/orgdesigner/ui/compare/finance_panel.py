"""The finance dock: the proposal's saving in one line, then posts, FTE and costs before and after,
set-asides, the profile by year, one-off costs and payback (the wording of `orgdesigner compare`)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...analysis import FinanceSummary
from ...presentation.money import money, saving
from .result import ComparisonResult

SAVING_COLOUR, COST_COLOUR = "#2e7d32", "#c0392b"


class FinancePanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
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
            return
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
            self._row(f"Set aside: {label}", "", "", money(amount))
        self._row("Net saving", "", "", saving(f.saving_net), bold=True)
        if len(f.profile) > 1:
            for year, amount in enumerate(f.profile, start=1):
                self._row(f"Year {year}", "", "", money(amount))
            self._row(f"Over {len(f.profile)} years", "", "", money(f.profile_total), bold=True)
        for label, amount in f.one_off_costs:
            self._row(f"One-off: {label}", "", "", money(amount))
        if f.one_off_costs:
            self._row("One-off costs", "", "", money(f.one_off_total), bold=True)
            payback = "never" if f.payback_years is None else f"{f.payback_years:.1f} years"
            self._row("Payback", "", "", payback, bold=True)

    def _sides(self, f: FinanceSummary) -> None:
        b, a = f.before, f.after
        self._row("Posts in scope", str(b.posts), str(a.posts), _signed(a.posts - b.posts, str))
        self._row("FTE", f"{b.fte:,.2f}", f"{a.fte:,.2f}", _signed(a.fte - b.fte, lambda v: f"{v:,.2f}"))
        self._row("Cost (gross)", money(b.cost_gross), money(a.cost_gross), _signed(a.cost_gross - b.cost_gross))
        self._row("Cost (net)", money(b.cost_net), money(a.cost_net), _signed(a.cost_net - b.cost_net))

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


def _signed(amount: float, form: Callable[[float], str] = money) -> str:
    """A difference with its sign: −£1,146,938, +2."""
    return ("−" if amount < 0 else "+") + form(abs(amount))
