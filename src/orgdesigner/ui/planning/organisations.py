"""The shared posts dock: what each organisation pays, the posts shared with partners and the partners'
posts shown for context, and for the selected post its funding shares and whether it is a partner's.

A partner's post (Peterborough's chart shows Cambridgeshire's Director of Children's Services) is
drawn greyed and counts in no figure; shares follow the properties dock's form, "NHS: 50%".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHeaderView, QLabel,
                               QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...analysis.costing import own_share, share_of
from ...analysis.organisations import OWN, cost_by_organisation
from ...model import Change, ChangeKind
from ...presentation.chartstyle import SEVERITY_COLOURS
from ...presentation.money import format_funding, money, parse_funding, percent
from ... import editing as commands
from ..document import Document
from ..formstyle import INVALID_STYLE
from ..onscreen import OnScreenRefresh

IGNORED = (ChangeKind.RESPONSIBILITIES_CHANGED, ChangeKind.ROTA_CHANGED, ChangeKind.BENCHMARK_CHANGED)


class SharedPostsPanel(OnScreenRefresh, QWidget):
    posts_chosen = Signal(list)

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.post_id: str | None = None
        self._row_posts: list[str] = []
        """The post of each row of the shared posts table."""
        self._loading = False
        self._build()
        document.changed.connect(self._on_change)
        document.replaced.connect(lambda: self.show_post(None))
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(QLabel("<b>Cost by organisation</b> (with on-costs; partners' own posts left out)"))
        self.org_table = _table(["Organisation", "Posts", "Cost"])
        self.org_table.setObjectName("organisation_costs")
        self.org_table.setMaximumHeight(140)
        layout.addWidget(self.org_table)
        layout.addWidget(QLabel("<b>Shared posts and partners' posts</b>"))
        self.posts_table = _table(["Post", "Paid by", "Cost to us"])
        self.posts_table.setObjectName("shared_posts")
        self.posts_table.cellClicked.connect(self._row_clicked)
        layout.addWidget(self.posts_table, 1)
        self.post_box = QGroupBox("Selected post")
        form = QFormLayout(self.post_box)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        form.addRow(self.title_label)
        self.funding_edit = QLineEdit()
        self.funding_edit.setObjectName("shared_funding")
        self.funding_edit.setPlaceholderText("e.g. Cambridgeshire County Council: 50%")
        self.funding_edit.textEdited.connect(self._check_funding)
        self.funding_edit.editingFinished.connect(self._funding_finished)
        form.addRow("Partners pay", self.funding_edit)
        self.context_check = QCheckBox("A partner's post, shown for context only")
        self.context_check.setObjectName("context")
        self.context_check.toggled.connect(lambda _on: self._context_changed())
        form.addRow(self.context_check)
        self.context_combo = QComboBox()
        self.context_combo.setObjectName("context_organisation")
        self.context_combo.setEditable(True)
        self.context_combo.setInsertPolicy(QComboBox.NoInsert)
        self.context_combo.lineEdit().setPlaceholderText("The partner organisation")
        self.context_combo.lineEdit().editingFinished.connect(self._context_changed)
        self.context_combo.activated.connect(lambda _i: self._context_changed())
        form.addRow("Belongs to", self.context_combo)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {SEVERITY_COLOURS['error']};")
        form.addRow(self.error)
        layout.addWidget(self.post_box)

    # ----- showing ---------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind not in IGNORED:
            self.refresh()

    def show_post(self, post_id: str | None) -> None:
        """Edit this post's shares and context (None: no single post is selected)."""
        self.post_id = post_id
        self.error.setText("")
        self.refresh()

    def refresh(self) -> None:
        if not self.on_screen_now():
            return
        structure, analysis = self.document.structure, self.document.analysis
        own = structure.organisation or OWN
        costs = cost_by_organisation(structure, analysis)
        counted = [p for p in structure.posts.values() if p.context is None]
        rows = [[name, str(sum(1 for p in counted if share_of(p, name, own) > 0)), money(amount)]
                for name, amount in costs.items()]
        _fill(self.org_table, rows)
        shared = [[p.title, format_funding(p.funding) + f"; {own}: {percent(own_share(p))}",
                   money(analysis.cost(p.id).net)] for p in counted if p.funding]
        context = [[p.title, f"{p.context}'s post, shown for context", "—"]
                   for p in structure.posts.values() if p.context is not None]
        self._row_posts = [p.id for p in counted if p.funding] + \
                          [p.id for p in structure.posts.values() if p.context is not None]
        _fill(self.posts_table, shared + context)
        self._load_post(own)

    def _load_post(self, own: str) -> None:
        structure = self.document.structure
        post = structure.posts.get(self.post_id) if self.post_id is not None else None
        self.post_box.setEnabled(post is not None)
        self._loading = True
        try:
            partners = sorted({name for p in structure.posts.values() for name in p.funding}
                              | {p.context for p in structure.posts.values() if p.context is not None} - {own})
            self.context_combo.clear()
            self.context_combo.addItems(partners)
            if post is None:
                self.title_label.setText("Select one post on the chart to edit its funding or mark it a partner's.")
                self.funding_edit.setText("")
                self.context_check.setChecked(False)
                self.context_combo.setEditText("")
                return
            self.title_label.setText(f"<b>{post.title}</b>")
            if not self.funding_edit.hasFocus():
                self.funding_edit.setText(format_funding(post.funding))
                self.funding_edit.setModified(False)
                self.funding_edit.setStyleSheet("")
            self.context_check.setChecked(post.context is not None)
            self.context_combo.setEditText(post.context or "")
            self.context_combo.setEnabled(post.context is not None)
        finally:
            self._loading = False

    def _row_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._row_posts):
            self.posts_chosen.emit([self._row_posts[row]])

    # ----- edits -----------------------------------------------------------------------

    def _check_funding(self, text: str) -> bool:
        try:
            parse_funding(text)
        except ValueError as exc:
            self.funding_edit.setStyleSheet(INVALID_STYLE)
            self.error.setText(str(exc))
            return False
        self.funding_edit.setStyleSheet("")
        self.error.setText("")
        return True

    def _funding_finished(self) -> None:
        if self._loading or self.post_id is None or not self.funding_edit.isModified():
            return
        if not self._check_funding(self.funding_edit.text()):
            return
        self.funding_edit.setModified(False)
        self._edit(funding=parse_funding(self.funding_edit.text()))

    def _context_changed(self) -> None:
        if self._loading or self.post_id is None:
            return
        self.context_combo.setEnabled(self.context_check.isChecked())
        if not self.context_check.isChecked():
            self._edit(context=None)
            return
        name = self.context_combo.currentText().strip()
        if not name:
            self.error.setText("Name the partner organisation the post belongs to.")
            self.context_combo.setFocus()
            return
        self.error.setText("")
        self._edit(context=name)

    def _edit(self, **fields: object) -> None:
        structure = self.document.structure
        post = structure.posts.get(self.post_id) if self.post_id is not None else None
        if post is None or all(getattr(post, k) == v for k, v in fields.items()):
            return
        if not self.document.execute(commands.edit_post(structure, post.id, **fields)):
            self.refresh()


def _table(headings: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setHorizontalHeaderLabels(headings)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Stretch)
    header.setSectionResizeMode(len(headings) - 1, QHeaderView.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == len(cells) - 1 or text[:1].isdigit():
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            table.setItem(row, column, item)
    table.resizeRowsToContents()
