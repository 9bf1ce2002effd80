"""The import dialog: an establishment list's sheet, options and column mapping, with a preview.

Every change (sheet, hours, on-costs, a column's field, skipping bad rows) rebuilds the import
at once, so the problems list (row, column, value) and the preview always show what OK would
import; OK stays disabled while there are problems and they are not being skipped.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..io.columns import CUSTOM, IGNORE, ColumnMapping, detect_mapping, field_names
from ..io.establishment import (STANDARD_HOURS, ImportFailed, ImportOptions, ImportResult, Problem,
                                build_structure, table_name)
from ..io.organogram import FileKind, detect
from ..io.tables import TableError, read_rows, sheet_names
from ..model import CostBasis, Settings, Structure
from ..presentation.costbasis import GRADE_POINT, cost_basis_text
from .organogramimport import OrganogramImportDialog

PREVIEW_ROWS = 50
CHOICE_LABELS = {
    "post_id": "Post id", "title": "Title", "reports_to": "Reports to (line manager)",
    "dotted_to": "Dotted line to", "grade": "Grade", "tier": "Tier", "fte": "FTE", "hours": "Weekly hours",
    "salary": "Salary", "funding_share": "Share this organisation pays", "group": "Group", "status": "Status",
    "postholder": "Postholder", "designations": "Statutory designations", "in_scope": "In scope",
    "partner": "Partner's post (its organisation)",
    CUSTOM: "Custom field", IGNORE: "Ignore",
}
RATE_KEY, BASIS_KEY = "import/on_cost_rate", "import/cost_basis"
"""Where the window keeps the last on-cost rate and cost basis an import used (the next one's default)."""
PROBLEM_TINT = QColor("#fde8e8")
IGNORED_TEXT = QColor("#9e9e9e")


def choice_label(choice: str) -> str:
    return CHOICE_LABELS.get(choice, choice.replace("_", " ").capitalize())


def column_heading(mapping: ColumnMapping, index: int) -> str:
    """A column's heading, or its spreadsheet letter when the header cell is blank."""
    heading = mapping.headers[index].strip()
    if heading:
        return heading
    letters, n = "", index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"(column {letters})"


class ImportDialog(QDialog):
    def __init__(self, path: Path, sheets: list[str], rows: list[list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {path.name}")
        self.path = path
        self.rows = rows
        self.mapping = detect_mapping(rows)
        self.problems: list[Problem] = []
        self.imported: ImportResult | None = None
        """What OK imports: None while nothing can be imported."""
        self.combos: list[QComboBox] = []
        self._build(sheets)
        self._fill_mapping()
        self.refresh()

    @classmethod
    def for_file(cls, path: Path, parent: QWidget | None = None) -> ImportDialog | OrganogramImportDialog:
        """The dialog on a file's first sheet, or the organogram dialog for a published senior file (found
        by its headers); raises TableError when the file cannot be read as a table."""
        sheets = sheet_names(path)
        rows = read_rows(path, sheets[0] if sheets else None)
        if not any(cell.strip() for row in rows for cell in row):
            raise TableError("the table is empty")
        organogram = detect(rows)
        if organogram is not None and organogram.kind is FileKind.JUNIOR:
            raise TableError("this is a published organogram's junior file: import its senior file, and the "
                             "junior file is read with it")
        if organogram is not None:
            return OrganogramImportDialog(path, parent)
        return cls(path, sheets, rows, parent)

    # ----- construction ---------------------------------------------------------------

    def _build(self, sheets: list[str]) -> None:
        options = QHBoxLayout()
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet")
        self.sheet_combo.addItems(sheets)
        self.sheet_combo.currentTextChanged.connect(self._sheet_chosen)
        sheet_label = QLabel("Sheet")
        for widget in (sheet_label, self.sheet_combo):
            widget.setVisible(len(sheets) > 1)
            options.addWidget(widget)
        self.hours_spin = QDoubleSpinBox()
        self.hours_spin.setObjectName("standard_hours")
        self.hours_spin.setRange(1, 80)
        self.hours_spin.setDecimals(1)
        self.hours_spin.setSuffix(" hours")
        self.hours_spin.setValue(STANDARD_HOURS)
        self.hours_spin.setToolTip("Full-time hours, to turn a table's weekly hours into FTE")
        self.hours_spin.valueChanged.connect(self.refresh)
        options.addWidget(QLabel("Full-time week"))
        options.addWidget(self.hours_spin)
        self.oncost_spin = QDoubleSpinBox()
        self.oncost_spin.setObjectName("on_cost_rate")
        self.oncost_spin.setRange(0, 100)
        self.oncost_spin.setDecimals(1)
        self.oncost_spin.setSuffix("%")
        self.oncost_spin.setToolTip("Employer on-costs as a share of salary")
        self.oncost_spin.valueChanged.connect(self.refresh)
        options.addWidget(QLabel("On-costs"))
        options.addWidget(self.oncost_spin)
        self.basis_combo = QComboBox()
        self.basis_combo.setObjectName("cost_basis")
        for basis, words in GRADE_POINT.items():
            self.basis_combo.addItem(f"Cost at {words}", basis.value)
        self.basis_combo.setToolTip("The point of its grade a post without a salary of its own is costed at")
        self.basis_combo.currentIndexChanged.connect(self.refresh)
        options.addWidget(self.basis_combo)
        self.basis_label = QLabel()
        self.basis_label.setObjectName("cost_basis_text")
        options.addWidget(self.basis_label)
        options.addStretch(1)
        names = QHBoxLayout()
        self.organisation_edit = self._name_field(names, "Organisation", "organisation",
                                                  "The council or body, as the pack's cover names it")
        self.name_edit = self._name_field(names, "Structure", "structure_name", "The structure's name")
        self.name_edit.setPlaceholderText(table_name(self.path))
        self.scenario_edit = self._name_field(names, "Scenario", "scenario_name",
                                              "The scenario's name, e.g. Current or Proposed")
        self.scenario_edit.setPlaceholderText("Current")

        self.header_label = QLabel()
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("mapping")
        self.mapping_table.setHorizontalHeaderLabels(["Column", "First value", "Gives"])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.preview = QTableWidget()
        self.preview.setObjectName("preview")
        self.preview.setEditTriggers(QAbstractItemView.NoEditTriggers)
        tables = QSplitter(Qt.Horizontal)
        tables.addWidget(_boxed("Columns", self.header_label, self.mapping_table))
        tables.addWidget(_boxed(f"Preview (first {PREVIEW_ROWS} rows)", self.preview))
        tables.setSizes([480, 620])

        self.problem_table = QTableWidget(0, 4)
        self.problem_table.setObjectName("problems")
        self.problem_table.setHorizontalHeaderLabels(["Row", "Column", "Value", "Problem"])
        self.problem_table.verticalHeader().hide()
        self.problem_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.problem_table.horizontalHeader().setStretchLastSection(True)
        self.skip_check = QCheckBox("Skip the rows with problems and import the rest")
        self.skip_check.toggled.connect(self.refresh)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.problems_box = _boxed("Problems", self.problem_table, self.skip_check)

        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(tables)
        splitter.addWidget(self.problems_box)
        splitter.setSizes([420, 200])
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addLayout(names)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.buttons)
        self.resize(1100, 720)

    def _name_field(self, row: QHBoxLayout, label: str, name: str, tip: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setToolTip(tip)
        row.addWidget(QLabel(label))
        row.addWidget(edit, 1)
        return edit

    # ----- defaults: the last cost basis used, and the names when adding a scenario ------------

    def use_defaults(self, settings: QSettings) -> None:
        """Start from the on-cost rate and cost basis the last import used."""
        rate = settings.value(RATE_KEY)
        try:
            self.oncost_spin.setValue(float(rate) * 100 if rate is not None else 0.0)
        except (TypeError, ValueError):
            pass
        index = self.basis_combo.findData(settings.value(BASIS_KEY))
        if index >= 0:
            self.basis_combo.setCurrentIndex(index)

    def remember(self, settings: QSettings) -> None:
        options = self.options()
        settings.setValue(RATE_KEY, options.on_cost_rate)
        settings.setValue(BASIS_KEY, options.cost_basis.value)

    def as_scenario_of(self, structure: Structure, scenario: str) -> None:
        """Import into the open file: its organisation, name and cost basis, under a new scenario name."""
        self.setWindowTitle(f"Import {self.path.name} as a new scenario")
        self.organisation_edit.setText(structure.organisation)
        self.name_edit.setText(structure.name)
        self.scenario_edit.setText(scenario)
        self.oncost_spin.setValue(structure.settings.on_cost_rate * 100)
        self.basis_combo.setCurrentIndex(self.basis_combo.findData(structure.settings.cost_basis.value))

    def _fill_mapping(self) -> None:
        """One row a column of the header row, its combo box showing the field it gives."""
        mapping = self.mapping
        self.header_label.setText(f"Headings found on row {mapping.header_row + 1}" if mapping.headers
                                  else "No headings found")
        first = next((r for r in self.rows[mapping.header_row + 1:] if any(c.strip() for c in r)), [])
        choices = [*field_names(), CUSTOM, IGNORE]
        self.mapping_table.setRowCount(len(mapping.headers))
        self.combos = []
        for index in range(len(mapping.headers)):
            self.mapping_table.setItem(index, 0, QTableWidgetItem(column_heading(mapping, index)))
            self.mapping_table.setItem(index, 1, QTableWidgetItem(first[index] if index < len(first) else ""))
            combo = QComboBox()
            for choice in choices:
                combo.addItem(choice_label(choice), choice)
            combo.setCurrentIndex(choices.index(mapping.choice(index)))
            combo.currentIndexChanged.connect(partial(self._column_chosen, index))
            self.mapping_table.setCellWidget(index, 2, combo)
            self.combos.append(combo)

    # ----- reactions --------------------------------------------------------------------

    def options(self) -> ImportOptions:
        return ImportOptions(on_cost_rate=round(self.oncost_spin.value() / 100, 6),
                             cost_basis=CostBasis(self.basis_combo.currentData() or CostBasis.TOP.value),
                             name=self.name_edit.text().strip() or None,
                             organisation=self.organisation_edit.text(), scenario=self.scenario_edit.text(),
                             standard_hours=self.hours_spin.value(),
                             sheet=self.sheet_combo.currentText() or None,
                             skip_bad_rows=self.skip_check.isChecked())

    def accept(self) -> None:
        self.refresh()  # the names typed since the last change are in what is imported
        if self.imported is not None:
            super().accept()

    def _column_chosen(self, index: int, _combo_index: int) -> None:
        self.mapping.choose(index, self.combos[index].currentData())
        self.refresh()

    def _sheet_chosen(self, sheet: str) -> None:
        try:
            self.rows = read_rows(self.path, sheet)
        except TableError as exc:
            self.rows = []
            self.mapping = detect_mapping([])
            self._fill_mapping()
            self._show([Problem(0, "", "", f"the sheet {sheet!r} cannot be read: {exc}")], None)
            return
        self.mapping = detect_mapping(self.rows)
        self._fill_mapping()
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the import with the current sheet, options and mapping, and show the outcome."""
        options = self.options()
        basis = Settings(on_cost_rate=options.on_cost_rate, cost_basis=options.cost_basis)
        self.basis_label.setText(f"(costed {cost_basis_text(basis)})")
        try:
            result = build_structure(self.rows, str(self.path), table_name(self.path),
                                     replace(self.options(), skip_bad_rows=True), self.mapping)
        except ImportFailed as exc:  # the mapping itself cannot work: no row can be imported
            self._show(exc.problems, None)
            return
        self._show(result.skipped, result)

    def _show(self, problems: list[Problem], result: ImportResult | None) -> None:
        self.problems = problems
        skipping = self.skip_check.isChecked()
        posts = len(result.structure.posts) if result else 0
        rows = sorted({p.row for p in problems})
        if result is None:
            summary = "Nothing can be imported until the problems above are put right (choose the columns)."
        elif not posts:
            summary = "No posts to import."
        elif not problems:
            summary = f"{posts} posts ready to import."
        elif skipping:
            summary = f"{posts} posts ready to import; {_rows_phrase(rows)} will be skipped."
        else:
            summary = (f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {_rows_phrase(rows)}: "
                       "correct the file, change the columns, or skip those rows.")
        self.imported = result if result is not None and posts and (skipping or not problems) else None
        self.summary_label.setText(summary)
        self.ok_button.setEnabled(self.imported is not None)
        self.skip_check.setEnabled(result is not None and bool(problems))
        self.problems_box.setTitle(f"Problems ({len(problems)})" if problems else "Problems (none)")
        self._fill_problems()
        self._fill_preview()

    def _fill_problems(self) -> None:
        self.problem_table.setRowCount(len(self.problems))
        for index, problem in enumerate(self.problems):
            cells = [str(problem.row) if problem.row else "", problem.column, problem.value, problem.message]
            for column, text in enumerate(cells):
                self.problem_table.setItem(index, column, QTableWidgetItem(text))

    def _fill_preview(self) -> None:
        mapping = self.mapping
        start = mapping.header_row + 1 if mapping.headers else 0
        shown = self.rows[start:start + PREVIEW_ROWS]
        width = max([len(mapping.headers), *(len(r) for r in shown)])
        self.preview.setRowCount(len(shown))
        self.preview.setColumnCount(width)
        self.preview.setHorizontalHeaderLabels([
            f"{column_heading(mapping, i)}\n→ {choice_label(mapping.choice(i))}" if i < len(mapping.headers) else ""
            for i in range(width)])
        self.preview.setVerticalHeaderLabels([str(start + i + 1) for i in range(len(shown))])
        messages: dict[int, list[str]] = {}
        for problem in self.problems:
            messages.setdefault(problem.row, []).append(str(problem))
        for r, cells in enumerate(shown):
            found = messages.get(start + r + 1)
            for c in range(width):
                item = QTableWidgetItem(cells[c] if c < len(cells) else "")
                if found:
                    item.setBackground(QBrush(PROBLEM_TINT))
                    item.setToolTip("\n".join(found))
                if c >= len(mapping.headers) or mapping.choice(c) == IGNORE:
                    item.setForeground(QBrush(IGNORED_TEXT))
                self.preview.setItem(r, c, item)


def _boxed(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def _rows_phrase(rows: list[int]) -> str:
    """'row 8' / 'rows 8, 9' ('the table' for problems not on a row)."""
    numbered = [str(r) for r in rows if r]
    if not numbered:
        return "the table"
    return f"row {numbered[0]}" if len(numbered) == 1 else f"rows {', '.join(numbered)}"
