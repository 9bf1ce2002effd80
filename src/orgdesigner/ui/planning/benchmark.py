"""The pay benchmarking dock: the comparator table (editable, or imported from a CSV or Excel table),
the mean, quartiles and median of each category, and where a chosen post's pay sits among them.

The table, the benchmarked post and the category are kept in the file, so changing any of them
is an undo command like any other edit.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)
from pydantic import ValidationError

from ...analysis.benchmark import ALL, PostPosition, all_stats, categories, post_position
from ...analysis.costing import pay_ceiling
from ...io.comparators import ComparatorTableFailed, read_comparators
from ...model import Benchmark, Change, ChangeKind, Comparator
from ...model.fileformat import describe_validation_error
from ...presentation.money import money, parse_money
from ...presentation.planning import position_sentence
from ... import editing as commands
from ..document import Document
from .boxplot import PayBoxPlot
from ..onscreen import OnScreenRefresh

TABLE_FILTER = "Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)"
STATS_COLUMNS = ["Category", "Count", "Mean", "Lower q.", "Median", "Upper q."]
FIXED_COLUMNS = ["Council", "Pay", "Population"]
POST_FIELDS = frozenset({"title", "salary", "grade", "context"})


class BenchmarkPanel(OnScreenRefresh, QWidget):
    import_failed = Signal(str, str)
    """A comparator table could not be read: a title and the problems."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self._loading = False
        self.position: PostPosition | None = None
        self._build()
        document.changed.connect(self._on_change)
        document.replaced.connect(self.refresh)
        self.refresh()

    # ----- building --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        form = QFormLayout()
        self.role_edit = QLineEdit()
        self.role_edit.setObjectName("benchmark_role")
        self.role_edit.setPlaceholderText("e.g. Chief Executive (or equivalent) pay")
        self.role_edit.editingFinished.connect(self._role_finished)
        form.addRow("Pay for", self.role_edit)
        self.post_combo = QComboBox()
        self.post_combo.setObjectName("benchmark_post")
        self.post_combo.activated.connect(lambda _i: self._choose(post=self.post_combo.currentData()))
        form.addRow("Post", self.post_combo)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("benchmark_category")
        self.category_combo.activated.connect(lambda _i: self._choose(category=self.category_combo.currentData()))
        form.addRow("Compare with", self.category_combo)
        layout.addLayout(form)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        self.plot = PayBoxPlot()
        figures_layout.addWidget(self.plot)
        self.position_label = QLabel()
        self.position_label.setObjectName("benchmark_position")
        self.position_label.setWordWrap(True)
        self.position_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        figures_layout.addWidget(self.position_label)
        self.stats_table = QTableWidget(0, len(STATS_COLUMNS))
        self.stats_table.setHorizontalHeaderLabels(STATS_COLUMNS)
        self.stats_table.verticalHeader().setVisible(False)
        self.stats_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.stats_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.stats_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.stats_table.setWordWrap(True)
        figures_layout.addWidget(self.stats_table)
        figures_layout.addStretch(1)
        scroll = QScrollArea()  # so the dock never asks the window for more height than the screen has
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(figures)
        self.tabs.addTab(scroll, "Figures")
        comparators = QWidget()
        comparators_layout = QVBoxLayout(comparators)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.add_button = QPushButton("Add")
        self.add_button.clicked.connect(self.add_comparator)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_comparator)
        self.import_button = QPushButton("Import…")
        self.import_button.setToolTip("Read the comparators from a CSV or Excel table (a council column, a pay "
                                      "column, optionally population, and the categories)")
        self.import_button.clicked.connect(self.import_comparators)
        for button in (self.add_button, self.delete_button, self.import_button):
            buttons.addWidget(button)
        comparators_layout.addLayout(buttons)
        self.comparators_table = QTableWidget(0, len(FIXED_COLUMNS))
        self.comparators_table.setObjectName("comparators")
        self.comparators_table.verticalHeader().setVisible(False)
        self.comparators_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.comparators_table.itemChanged.connect(self._cell_changed)
        comparators_layout.addWidget(self.comparators_table, 1)
        self.tabs.addTab(comparators, "Comparators")

    # ----- showing ---------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind in (ChangeKind.BENCHMARK_CHANGED, ChangeKind.POST_ADDED, ChangeKind.POST_REMOVED,
                           ChangeKind.PAY_SCALES_CHANGED, ChangeKind.SETTINGS_CHANGED) \
                or (change.kind is ChangeKind.POST_CHANGED and change.fields & POST_FIELDS):
            self.refresh()

    def refresh(self) -> None:
        if not self.on_screen_now():
            return
        structure = self.document.structure
        benchmark = structure.benchmark
        self._loading = True
        try:
            self.role_edit.setText(benchmark.role)
            self.role_edit.setModified(False)
            self.post_combo.clear()
            self.post_combo.addItem("(none)", None)
            for post in structure.posts.values():
                if post.context is None and pay_ceiling(post, structure.pay_scales) is not None:
                    self.post_combo.addItem(post.title, post.id)
            self.post_combo.setCurrentIndex(max(0, self.post_combo.findData(benchmark.post)))
            self.category_combo.clear()
            for name in categories(benchmark):
                self.category_combo.addItem(name, None if name == ALL else name)
            self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(benchmark.category)))
            self._fill_comparators(benchmark)
        finally:
            self._loading = False
        self._show_figures(benchmark)

    def chosen_category(self) -> str:
        benchmark = self.document.structure.benchmark
        return benchmark.category if benchmark.category is not None else ALL

    def _show_figures(self, benchmark: Benchmark) -> None:
        structure = self.document.structure
        stats = all_stats(benchmark) if benchmark.comparators else []
        chosen = self.chosen_category()
        self.position = None
        message = "" if benchmark.comparators else "No comparators yet: add them, or Import… a table of them."
        if benchmark.post is not None and stats:
            try:
                self.position = post_position(structure, benchmark, benchmark.post, chosen)
            except ValueError as exc:
                message = f"{str(exc)[:1].upper()}{str(exc)[1:]}."
        if self.position is not None:
            message = position_sentence(self.position)
        self.position_label.setText(message)
        self.plot.set_data(stats, chosen, self.position.pay if self.position else None,
                           self.position.pay_bottom if self.position else None)
        self.plot.setVisible(bool(stats))
        self.stats_table.setRowCount(len(stats))
        for row, s in enumerate(stats):
            values = [s.category, str(s.count), money(s.mean), money(s.lower_quartile), money(s.median),
                      money(s.upper_quartile)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if s.category == chosen:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.stats_table.setItem(row, column, item)
        self.stats_table.resizeRowsToContents()
        table = self.stats_table
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
                             + sum(table.rowHeight(r) for r in range(len(stats))))
        self.tabs.setTabText(1, f"Comparators ({len(benchmark.comparators)})")

    def _fill_comparators(self, benchmark: Benchmark) -> None:
        names = benchmark.all_categories()
        table = self.comparators_table
        table.blockSignals(True)  # filling the table is not editing it
        try:
            self._fill_rows(benchmark, names)
        finally:
            table.blockSignals(False)
        table.resizeColumnsToContents()

    def _fill_rows(self, benchmark: Benchmark, names: list[str]) -> None:
        table = self.comparators_table
        table.setColumnCount(len(FIXED_COLUMNS) + len(names))
        table.setHorizontalHeaderLabels([*FIXED_COLUMNS, *names])
        table.setRowCount(len(benchmark.comparators))
        for row, comparator in enumerate(benchmark.comparators):
            cells = [comparator.council, money(comparator.pay),
                     f"{comparator.population:,}" if comparator.population is not None else ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                table.setItem(row, column, item)
            for offset, name in enumerate(names):
                mark = QTableWidgetItem()
                mark.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable)
                mark.setCheckState(Qt.Checked if name in comparator.categories else Qt.Unchecked)
                table.setItem(row, len(FIXED_COLUMNS) + offset, mark)

    # ----- edits -----------------------------------------------------------------------

    def _apply(self, benchmark: Benchmark, text: str) -> bool:
        if not self.document.execute(commands.set_benchmark(self.document.structure, benchmark, text)):
            self.refresh()
            return False
        return True

    def _choose(self, **fields: object) -> None:
        if self._loading:
            return
        benchmark = self.document.structure.benchmark
        if all(getattr(benchmark, k) == v for k, v in fields.items()):
            return
        if "post" in fields:
            post = self.document.structure.posts.get(fields["post"])
            text = f"Benchmark '{post.title}'" if post else "Benchmark no post"
        else:
            text = f"Compare with {fields['category'] or ALL}"
        self._apply(benchmark.model_copy(update=fields), text)

    def _role_finished(self) -> None:
        role = self.role_edit.text().strip()
        benchmark = self.document.structure.benchmark
        if self._loading or not self.role_edit.isModified() or role == benchmark.role:
            return
        self.role_edit.setModified(False)
        self._apply(benchmark.model_copy(update={"role": role}), "Change what the pay benchmark is for")

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        """Apply an edited council, pay or population, or a ticked category, to the comparator of that row."""
        if self._loading:
            return
        benchmark = self.document.structure.benchmark
        row, column = item.row(), item.column()
        comparator = benchmark.comparators[row]
        names = benchmark.all_categories()
        try:
            if column == 0:
                change: dict[str, object] = {"council": item.text().strip()}
            elif column == 1:
                pay = parse_money(item.text())
                if pay is None:
                    raise ValueError("a comparator needs its pay")
                change = {"pay": pay}
            elif column == 2:
                change = {"population": _population(item.text())}
            else:
                name = names[column - len(FIXED_COLUMNS)]
                ticked = item.checkState() == Qt.Checked
                change = {"categories": [c for c in names if (c == name and ticked) or
                                         (c != name and c in comparator.categories)]}
            edited = Comparator.model_validate({**comparator.model_dump(), **change})
            comparators = [edited if i == row else c for i, c in enumerate(benchmark.comparators)]
            updated = Benchmark.model_validate({**benchmark.model_dump(), "comparators":
                                                [c.model_dump() for c in comparators]})
        except ValueError as exc:
            message = describe_validation_error(exc, {}) if isinstance(exc, ValidationError) else str(exc)
            self.document.refuse(f"comparator row {row + 1} ({comparator.council}): {message}")
            self.refresh()
            return
        self._apply(updated, f"Change the comparator '{edited.council}'")

    def add_comparator(self) -> None:
        benchmark = self.document.structure.benchmark
        taken = {c.council for c in benchmark.comparators}
        number = len(taken) + 1
        while f"Council {number}" in taken:
            number += 1
        comparator = Comparator(council=f"Council {number}", pay=0)
        if self._apply(benchmark.model_copy(update={"comparators": [*benchmark.comparators, comparator]}),
                       f"Add the comparator '{comparator.council}'"):
            self.comparators_table.setCurrentCell(self.comparators_table.rowCount() - 1, 0)
            self.comparators_table.editItem(self.comparators_table.currentItem())

    def delete_comparator(self) -> None:
        rows = sorted({index.row() for index in self.comparators_table.selectedIndexes()})
        benchmark = self.document.structure.benchmark
        if not rows:
            self.document.refuse("select the comparators to delete")
            return
        kept = [c for i, c in enumerate(benchmark.comparators) if i not in rows]
        category = benchmark.category
        remaining = {c for comparator in kept for c in comparator.categories} | set(benchmark.categories)
        text = (f"Delete the comparator '{benchmark.comparators[rows[0]].council}'" if len(rows) == 1
                else f"Delete {len(rows)} comparators")
        self._apply(benchmark.model_copy(update={"comparators": kept,
                                                 "category": category if category in remaining else None}), text)

    def choose_comparators_file(self) -> Path | None:
        """Ask for a comparator table; tests replace this."""
        name, _ = QFileDialog.getOpenFileName(self, "Import comparators", str(Path.cwd()), TABLE_FILTER)
        return Path(name) if name else None

    def import_comparators(self) -> bool:
        """Replace the comparators with a table's (the post and, if the table has it, the category stay)."""
        path = self.choose_comparators_file()
        if path is None:
            return False
        try:
            table = read_comparators(path)
        except ComparatorTableFailed as exc:
            self.import_failed.emit("Cannot import the comparators", str(exc))
            return False
        benchmark = self.document.structure.benchmark
        category = benchmark.category if benchmark.category in table.all_categories() else None
        updated = Benchmark(role=benchmark.role, post=benchmark.post, category=category,
                            categories=table.categories, comparators=table.comparators)
        count = len(table.comparators)
        return self._apply(updated, f"Import {count} comparator{'s' if count != 1 else ''} from {path.name}")


def _population(text: str) -> int | None:
    cleaned = text.replace(",", "").strip()
    if not cleaned:
        return None
    try:
        return int(float(cleaned))
    except ValueError:
        raise ValueError(f"'{text}' is not a population (a number of residents)") from None
