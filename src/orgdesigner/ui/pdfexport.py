"""The Export PDF dialog: chart or consultation pack, paper and options, with page 1 previewed.

The preview is the real export's first page (built by the same code the command line uses,
then drawn by pdfium), refreshed shortly after each change so typing stays smooth.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget)

from ..model import Structure, StructureFileError
from ..pdf.export import PdfOptions, pdf_bytes
from ..pdf.paper import Paper, PaperSize
from ..presentation.redaction import names_to_review
from .pdfpages import page_count, render_pages

PREVIEW_DPI = 40
PREVIEW_DELAY_MS = 250


@dataclass(frozen=True)
class PdfRequest:
    """What the user asked for: the options, and for a pack the structure to compare with."""

    options: PdfOptions
    before: str | None
    """The label of the chosen 'current structure' for a pack; None for a chart."""


class PdfExportDialog(QDialog):
    def __init__(self, structure: Structure, candidates: dict[str, Callable[[], Structure]],
                 parent: QWidget | None = None) -> None:
        """`candidates` are the structures a pack can compare with, by label, loaded on demand."""
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self.structure = structure
        self.candidates = candidates
        self.preview_error = ""
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)

        self.chart_choice = QRadioButton("Organisation chart of this structure")
        self.pack_choice = QRadioButton("Consultation pack comparing it with:")
        kinds = QButtonGroup(self)
        kinds.addButton(self.chart_choice)
        kinds.addButton(self.pack_choice)
        self.chart_choice.setChecked(True)
        self.before_combo = QComboBox()
        self.before_combo.addItems(list(candidates))
        if not candidates:
            self.pack_choice.setEnabled(False)
            self.pack_choice.setToolTip("A pack compares two structures: add a scenario or open the current "
                                        "structure's file first.")
        self.paper_combo = QComboBox()
        self.paper_combo.addItems([size.value for size in PaperSize])
        self.orientation_combo = QComboBox()
        self.orientation_combo.addItems(["Landscape", "Portrait"])
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(structure.name)
        self.author_edit = QLineEdit(structure.organisation)
        self.redact_check = QCheckBox("Leave out postholder names (for packs that are published)")
        self.draft_check = QCheckBox("Mark every page DRAFT")
        self.review_label = QLabel(wordWrap=True)
        self.review_label.setObjectName("names_to_review")
        self.review_label.setVisible(False)
        self.preview = QLabel(alignment=Qt.AlignCenter)
        self.preview.setMinimumSize(360, 260)
        self.preview.setStyleSheet("background: #e9ecef; border: 1px solid #c8cdd3;")
        self.pages_label = QLabel()
        self.pages_label.setObjectName("pages")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.export_button = self.buttons.addButton("Export…", QDialogButtonBox.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        for signal in (self.chart_choice.toggled, self.before_combo.currentIndexChanged,
                       self.paper_combo.currentIndexChanged, self.orientation_combo.currentIndexChanged,
                       self.title_edit.textChanged, self.author_edit.textChanged, self.redact_check.toggled,
                       self.draft_check.toggled):
            signal.connect(self._changed)
        self._changed()
        self.refresh_preview()

    def _build_layout(self) -> None:
        form = QFormLayout()
        kind = QVBoxLayout()
        kind.addWidget(self.chart_choice)
        pack_row = QHBoxLayout()
        pack_row.addWidget(self.pack_choice)
        pack_row.addWidget(self.before_combo, 1)
        kind.addLayout(pack_row)
        form.addRow("Export", kind)
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper_combo)
        paper_row.addWidget(self.orientation_combo)
        paper_row.addStretch(1)
        form.addRow("Paper", paper_row)
        form.addRow("Title", self.title_edit)
        form.addRow("Author", self.author_edit)
        form.addRow("", self.redact_check)
        form.addRow("", self.review_label)
        form.addRow("", self.draft_check)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel("Page 1"))
        right.addWidget(self.preview, 1)
        right.addWidget(self.pages_label)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body)
        outer.addWidget(self.buttons)

    # ----- the request -------------------------------------------------------------------

    def request(self) -> PdfRequest:
        paper = Paper(PaperSize(self.paper_combo.currentText()), self.orientation_combo.currentIndex() == 0)
        pack = self.pack_choice.isChecked()
        options = PdfOptions(paper=paper, title=self.title_edit.text().strip(), author=self.author_edit.text().strip(),
                             redact_names=self.redact_check.isChecked(), draft=pack and self.draft_check.isChecked())
        return PdfRequest(options, self.before_combo.currentText() if pack else None)

    def _changed(self) -> None:
        pack = self.pack_choice.isChecked()
        self.before_combo.setEnabled(pack)
        self.draft_check.setEnabled(pack)
        self.title_edit.setPlaceholderText("Consultation pack" if pack else self.structure.name)
        self._show_names_to_review()
        self._timer.start()

    def _show_names_to_review(self) -> None:
        """With names left out, list the text that still looks like a person's name, to check by eye."""
        lines: list[str] = []
        if self.redact_check.isChecked():
            before = self.before_combo.currentText() if self.pack_choice.isChecked() else ""
            try:
                lines = names_to_review(self.structure, self.candidates[before]() if before else None)
            except (OSError, ValueError, StructureFileError):  # a candidate that cannot be read: the preview says why
                lines = names_to_review(self.structure)
        self.review_label.setText("Check these before publishing; they may name a person:\n• " + "\n• ".join(lines)
                                  if lines else "")
        self.review_label.setVisible(bool(lines))

    # ----- preview -----------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Build the export as asked and show its first page (a problem is shown in its place)."""
        request = self.request()
        try:
            before = self.candidates[request.before]() if request.before else None
            data = pdf_bytes(self.structure, request.options, before)
        except (OSError, ValueError) as exc:
            self.preview_error = str(exc)
            self.preview.setPixmap(QPixmap())
            self.preview.setText(f"No preview: {exc}")
            self.pages_label.setText("")
            self.export_button.setEnabled(False)
            return
        self.preview_error = ""
        self.export_button.setEnabled(True)
        image = render_pages(data, PREVIEW_DPI, 0, 0)[0]
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(self.preview.size(), Qt.KeepAspectRatio,
                                                               Qt.SmoothTransformation))
        count = page_count(data)
        self.pages_label.setText(f"{count} page{'s' if count != 1 else ''}")
