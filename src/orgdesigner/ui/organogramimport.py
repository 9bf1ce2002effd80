"""Importing a published organogram: the senior file the user chose, the junior file beside it (or
another, by Browse…), on-costs, and the data-quality warnings, which never stop the import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget)

from ..io.establishment import ImportFailed, ImportResult
from ..io.organogram import OrganogramOptions, RowWarning, import_organogram, junior_beside


class OrganogramImportDialog(QDialog):
    def __init__(self, senior: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import organogram {senior.name}")
        self.path = senior
        self.imported: ImportResult | None = None
        """What Import brings in: None while the files cannot be read."""
        self.warnings: list[RowWarning] = []
        intro = QLabel(f"<b>{senior.name}</b> is a published organogram's senior file (data.gov.uk format). "
                       "Its junior file gives the staff under each senior post.")
        intro.setWordWrap(True)
        self.junior_edit = QLineEdit(str(junior_beside(senior) or ""))
        self.junior_edit.setObjectName("junior")
        self.junior_edit.setPlaceholderText("No junior file: senior posts only")
        self.junior_edit.editingFinished.connect(self.refresh)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        junior_row = QHBoxLayout()
        junior_row.addWidget(QLabel("Junior file"))
        junior_row.addWidget(self.junior_edit, 1)
        junior_row.addWidget(browse)
        self.oncost_spin = QDoubleSpinBox()
        self.oncost_spin.setObjectName("on_cost_rate")
        self.oncost_spin.setRange(0, 100)
        self.oncost_spin.setDecimals(1)
        self.oncost_spin.setSuffix("%")
        self.oncost_spin.valueChanged.connect(self.refresh)
        costs = QHBoxLayout()
        costs.addWidget(QLabel("On-costs"))
        costs.addWidget(self.oncost_spin)
        costs.addStretch(1)
        self.warning_list = QListWidget()
        self.warning_list.setObjectName("warnings")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(junior_row)
        layout.addLayout(costs)
        layout.addWidget(QLabel("Data-quality warnings (what the publisher got wrong; the import goes ahead)"))
        layout.addWidget(self.warning_list, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(buttons)
        self.resize(760, 480)
        self.refresh()

    def junior(self) -> Path | None:
        text = self.junior_edit.text().strip()
        return Path(text) if text else None

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Junior file", str(self.path.parent),
                                              "Tables (*.csv *.xlsx);;All files (*)")
        if name:
            self.junior_edit.setText(name)
            self.refresh()

    def refresh(self) -> None:
        self.warning_list.clear()
        try:
            result = import_organogram(self.path, self.junior(),
                                       OrganogramOptions(on_cost_rate=round(self.oncost_spin.value() / 100, 6)))
        except ImportFailed as exc:
            self.imported, self.warnings = None, []
            self.summary_label.setText(str(exc))
            self.ok_button.setEnabled(False)
            return
        self.warnings = result.warnings
        self.warning_list.addItems([str(w) for w in result.warnings] or ["None"])
        structure = result.structure
        junior = [s for p in structure.posts.values() for s in p.junior]
        staff = (f", {sum(s.fte for s in junior):g} junior FTE in {len({s.grade for s in junior})} grades"
                 if junior else "")
        count = len(result.warnings)
        self.summary_label.setText(f"{len(structure.posts)} senior posts{staff} ready to import; "
                                   f"{count} data-quality warning{'s' if count != 1 else ''}.")
        self.imported = ImportResult(structure)
        self.ok_button.setEnabled(True)
