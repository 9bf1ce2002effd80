"""The Export dialog: the chart (as PDF, PNG, SVG or PowerPoint slides, whole or a part of it) or
the consultation pack, with options, and the first page or the picture previewed.

The preview is the real export's first page (built by the same code the command line uses,
then drawn by pdfium), or the picture itself, refreshed shortly after each change so typing
stays smooth. Slides follow the chart's plan for a 16:9 slide; their number is shown. Enlarge opens
the pages (of a PDF, or of the slides' paper plan) at a size to read, a page at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap, QStandardItemModel
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QScrollArea, QSpinBox,
                               QVBoxLayout, QWidget)

from ..exports.formats import FORMATS, chart_bytes
from ..exports.picture import DEFAULT_DPI
from ..exports.slides import slide_pages
from ..model import Structure, StructureFileError
from ..pdf.export import PdfOptions, pdf_bytes
from ..pdf.paper import Paper, PaperSize
from ..presentation.redaction import names_to_review
from ..presentation.selection import ChartSelection
from .pdfpages import page_count, render_pages

PREVIEW_DPI = 40
READING_DPI = 110
"""The enlarged preview: a page at about the size it prints, to read."""
PREVIEW_DELAY_MS = 250


@dataclass(frozen=True)
class PdfRequest:
    """What the user asked for: the options, and for a pack the structure to compare with."""

    options: PdfOptions
    before: str | None
    """The label of the chosen 'current structure' for a pack; None for a chart."""
    suffix: str = ".pdf"
    """The format: .pdf, or for a chart .png, .svg or .pptx."""
    dpi: float = DEFAULT_DPI
    transparent: bool = False


PARTS = ["Whole chart", "Branch of the selected post", "Top levels", "Group"]


class PdfExportDialog(QDialog):
    def __init__(self, structure: Structure, candidates: dict[str, Callable[[], Structure]],
                 parent: QWidget | None = None, selected_post: str | None = None,
                 folded: frozenset[str] = frozenset()) -> None:
        """`candidates` are the structures a pack can compare with, by label, loaded on demand;
        `selected_post` is the post whose branch the dialog offers."""
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.selected_post = selected_post
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
        self.format_combo = QComboBox()
        self.format_combo.addItem("PDF document", ".pdf")
        for suffix, words in FORMATS.items():
            self.format_combo.addItem(words, suffix)
        self.part_combo = QComboBox()
        self.part_combo.addItems(PARTS)
        parts = self.part_combo.model()
        assert isinstance(parts, QStandardItemModel)  # a QComboBox's own model
        if selected_post is None or selected_post not in structure.posts:
            parts.item(1).setEnabled(False)
        else:
            self.part_combo.setItemText(1, f"Branch under {structure.posts[selected_post].title}")
        self.levels_spin = QSpinBox(minimum=1, maximum=50, value=3, suffix=" levels")
        self.group_combo = QComboBox()
        for gid, group in structure.groups.items():
            self.group_combo.addItem(group.name, gid)
        if not structure.groups:
            parts.item(3).setEnabled(False)
        self.dpi_spin = QSpinBox(minimum=10, maximum=1200, value=int(DEFAULT_DPI), suffix=" dpi")
        self.transparent_check = QCheckBox("Transparent background")
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
        self.folded = folded
        self.folded_check = QCheckBox(f"Keep the {len(folded)} folded branch{'es' if len(folded) != 1 else ''} "
                                      "folded, as on the canvas")
        self.folded_check.setChecked(bool(folded))
        self.folded_check.setVisible(bool(folded))
        self.preview = QLabel(alignment=Qt.AlignCenter)
        self.preview.setMinimumSize(360, 260)
        self.preview.setStyleSheet("background: #e9ecef; border: 1px solid #c8cdd3;")
        self.pages_label = QLabel()
        self.pages_label.setObjectName("pages")
        self.enlarge_button = QPushButton("Enlarge…")
        self.enlarge_button.setObjectName("enlarge")
        self.enlarge_button.setToolTip("Show the pages at a size to read")
        self.enlarge_button.clicked.connect(self.enlarge)
        self.exported: bytes | None = None
        """The export the preview shows (None while it cannot be built)."""
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.export_button = self.buttons.addButton("Export…", QDialogButtonBox.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        for signal in (self.chart_choice.toggled, self.before_combo.currentIndexChanged,
                       self.format_combo.currentIndexChanged, self.part_combo.currentIndexChanged,
                       self.levels_spin.valueChanged, self.group_combo.currentIndexChanged,
                       self.dpi_spin.valueChanged, self.transparent_check.toggled,
                       self.paper_combo.currentIndexChanged, self.orientation_combo.currentIndexChanged,
                       self.title_edit.textChanged, self.author_edit.textChanged, self.redact_check.toggled,
                       self.draft_check.toggled, self.folded_check.toggled):
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
        form.addRow("Format", self.format_combo)
        part_row = QHBoxLayout()
        part_row.addWidget(self.part_combo)
        part_row.addWidget(self.levels_spin)
        part_row.addWidget(self.group_combo, 1)
        form.addRow("Part", part_row)
        form.addRow("", self.folded_check)
        picture_row = QHBoxLayout()
        picture_row.addWidget(self.dpi_spin)
        picture_row.addWidget(self.transparent_check)
        picture_row.addStretch(1)
        form.addRow("Picture", picture_row)
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
        self.preview_title = QLabel("Page 1")
        right.addWidget(self.preview_title)
        right.addWidget(self.preview, 1)
        under = QHBoxLayout()
        under.addWidget(self.pages_label, 1)
        under.addWidget(self.enlarge_button)
        right.addLayout(under)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body)
        outer.addWidget(self.buttons)

    # ----- the request -------------------------------------------------------------------

    def selection(self) -> ChartSelection:
        """The part chosen, with the canvas's folded branches kept folded when asked."""
        folded = self.folded if self.folded_check.isChecked() else frozenset()
        part = self.part_combo.currentIndex()
        if part == 1 and self.selected_post is not None:
            return ChartSelection(branch=self.selected_post, folded=folded)
        if part == 2:
            return ChartSelection(levels=self.levels_spin.value(), folded=folded)
        if part == 3 and self.group_combo.currentData() is not None:
            return ChartSelection(group=self.group_combo.currentData(), folded=folded)
        return ChartSelection(folded=folded)

    def request(self) -> PdfRequest:
        paper = Paper(PaperSize(self.paper_combo.currentText()), self.orientation_combo.currentIndex() == 0)
        pack = self.pack_choice.isChecked()
        options = PdfOptions(paper=paper, title=self.title_edit.text().strip(), author=self.author_edit.text().strip(),
                             redact_names=self.redact_check.isChecked(), draft=self.draft_check.isChecked(),
                             selection=ChartSelection() if pack else self.selection())
        suffix = ".pdf" if pack else self.format_combo.currentData()
        return PdfRequest(options, self.before_combo.currentText() if pack else None, suffix,
                          float(self.dpi_spin.value()), self.transparent_check.isChecked())

    def _changed(self) -> None:
        pack = self.pack_choice.isChecked()
        suffix = self.format_combo.currentData()
        self.before_combo.setEnabled(pack)
        self.format_combo.setEnabled(not pack)
        self.part_combo.setEnabled(not pack)
        part = self.part_combo.currentIndex()
        self.levels_spin.setVisible(part == 2)
        self.group_combo.setVisible(part == 3)
        picture = not pack and suffix in (".png", ".svg")
        self.dpi_spin.setEnabled(picture and suffix == ".png")
        self.transparent_check.setEnabled(picture)
        paper = pack or suffix == ".pdf"
        self.paper_combo.setEnabled(paper)
        self.orientation_combo.setEnabled(paper)
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
            if request.suffix == ".pdf":
                before = self.candidates[request.before]() if request.before else None
                data = pdf_bytes(self.structure, request.options, before)
            elif request.suffix == ".pptx":  # the slides' plan, and page 1 of the same part on paper
                slides = len(slide_pages(self.structure, request.options))
                data = pdf_bytes(self.structure, request.options)
            else:  # the picture itself, small
                data = chart_bytes(self.structure, ".png", request.options, PREVIEW_DPI, request.transparent)
        except (OSError, ValueError) as exc:
            self.preview_error = str(exc)
            self.preview.setPixmap(QPixmap())
            self.preview.setText(f"No preview: {exc}")
            self.pages_label.setText("")
            self.export_button.setEnabled(False)
            self.enlarge_button.setEnabled(False)
            self.exported = None
            return
        self.preview_error = ""
        self.exported = data if request.suffix in (".pdf", ".pptx") else None  # pages to enlarge
        self.enlarge_button.setEnabled(self.exported is not None)
        self.export_button.setEnabled(True)
        if request.suffix in (".png", ".svg"):
            image = QImage.fromData(data)
            self.preview_title.setText("The picture")
            self.pages_label.setText("One picture")
        else:
            image = render_pages(data, PREVIEW_DPI, 0, 0)[0]
            self.preview_title.setText("Page 1 (on paper)" if request.suffix == ".pptx" else "Page 1")
            count = slides if request.suffix == ".pptx" else page_count(data)
            noun = "slide" if request.suffix == ".pptx" else "page"
            self.pages_label.setText(f"{count} {noun}{'s' if count != 1 else ''}")
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(self.preview.size(), Qt.KeepAspectRatio,
                                                               Qt.SmoothTransformation))
    def enlarge(self) -> "PagesView | None":
        """Open the export's pages at reading size (non-modal, so the options stay to hand)."""
        if self.exported is None:
            return None
        view = PagesView(self.exported, self)
        view.show()
        return view


class PagesView(QDialog):
    """The export's pages at reading size, one at a time, scrolled as needed."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PDF: preview")
        self.data = data
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page")
        self.page_spin.setRange(1, max(1, page_count(data)))
        self.page_spin.setPrefix("Page ")
        self.page_spin.setSuffix(f" of {self.page_spin.maximum()}")
        self.page_spin.valueChanged.connect(self.show_page)
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setObjectName("page_image")
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.page_spin)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(close)
        self.resize(1200, 900)
        self.show_page(1)

    def show_page(self, number: int) -> None:
        image = render_pages(self.data, READING_DPI, number - 1, number - 1)[0]
        self.image.setPixmap(QPixmap.fromImage(image))
