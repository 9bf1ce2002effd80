"""The rota dock: generate a balanced monthly rota (a lead, the single point of contact, and a buddy)
across chosen posts, and change any month's lead or buddy by hand. Each is one undo command.

The posts list is checkable and can be dragged into the order the turns go in. The rota's
findings (unbalanced turns, a lead who is their own buddy, a vacant or deleted post) are shown
under the table, as the Findings dock shows them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ...analysis.rota import generate_rota, lead_counts
from ...model import Change, ChangeKind, PostStatus, Rota, RotaMonth
from ...model.rota import parse_month
from ...presentation.chartstyle import SEVERITY_COLOURS
from ...presentation.planning import month_name
from ... import editing as commands
from ..document import Document
from ..onscreen import OnScreenRefresh

ROLES = ("lead", "buddy")
ROW_FIELDS = frozenset({"title", "status", "context"})


class RotaPanel(OnScreenRefresh, QWidget):
    posts_chosen = Signal(list)

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.combos: dict[tuple[str, str], QComboBox] = {}
        """Each month's lead and buddy choosers, by (month, role)."""
        self._shown_rota: Rota | None = None
        """The rota last shown: while it is the same, the user's half-made choices of posts and months stay."""
        self._build()
        document.changed.connect(self._on_change)
        document.replaced.connect(self.refresh)
        self.refresh()

    # ----- building --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(QLabel("Posts taking turns (drag to reorder)"))
        self.posts_list = QListWidget()
        self.posts_list.setObjectName("rota_posts")
        self.posts_list.setDragDropMode(QAbstractItemView.InternalMove)
        left.addWidget(self.posts_list, 1)
        form = QFormLayout()
        self.months_spin = QSpinBox()
        self.months_spin.setObjectName("rota_months")
        self.months_spin.setRange(1, 60)
        self.months_spin.setValue(9)
        self.months_spin.setSuffix(" months")
        form.addRow("Length", self.months_spin)
        self.start_edit = QDateEdit()
        self.start_edit.setObjectName("rota_start")
        self.start_edit.setDisplayFormat("MMMM yyyy")
        self.start_edit.setCalendarPopup(True)
        form.addRow("From", self.start_edit)
        left.addLayout(form)
        self.generate_button = QPushButton("Generate Rota")
        self.generate_button.setToolTip("A balanced rota: each post leads in turn, and each month's buddy is the "
                                        "next month's lead. Replaces the months below (undo brings them back).")
        self.generate_button.clicked.connect(self.generate)
        left.addWidget(self.generate_button)
        layout.addLayout(left, 2)
        right = QVBoxLayout()
        duties = QHBoxLayout()
        duties.addWidget(QLabel("Duties of the lead"))
        self.duties_edit = QLineEdit()
        self.duties_edit.setObjectName("rota_duties")
        self.duties_edit.setPlaceholderText("e.g. DMT chair, Cabinet briefing, Full Council")
        self.duties_edit.editingFinished.connect(self._duties_finished)
        duties.addWidget(self.duties_edit, 1)
        right.addLayout(duties)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Month", "Lead (single point of contact)", "Buddy"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        right.addWidget(self.table, 1)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("rota_counts")
        self.counts_label.setWordWrap(True)
        right.addWidget(self.counts_label)
        self.problems = QLabel()
        self.problems.setObjectName("rota_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {SEVERITY_COLOURS['warning']};")
        right.addWidget(self.problems)
        layout.addLayout(right, 5)

    # ----- showing ---------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind in (ChangeKind.ROTA_CHANGED, ChangeKind.POST_ADDED, ChangeKind.POST_REMOVED) \
                or (change.kind is ChangeKind.POST_CHANGED and change.fields & ROW_FIELDS):
            self.refresh()

    def refresh(self) -> None:
        if not self.on_screen_now():
            return
        rota = self.document.structure.rota
        new = rota is not self._shown_rota
        self._shown_rota = rota
        self._fill_posts(rota, keep_choices=not new)
        self.duties_edit.setText(rota.duties)
        self.duties_edit.setModified(False)
        if new:
            start = self._default_start(rota)
            self.start_edit.setDate(QDate(start[0], start[1], 1))
            if rota.months:
                self.months_spin.setValue(len(rota.months))
        self._fill_table(rota)
        if rota.months:
            turns = ", ".join(f"{self._title(p)} {n}" for p, n in lead_counts(rota).items())
            self.counts_label.setText(f"Months as lead: {turns}")
        else:
            self.counts_label.setText("No rota yet: tick the posts, choose the months, then Generate Rota.")
        findings = [f for f in self.document.analysis.findings() if f.rule.startswith("rota-")]
        self.problems.setText("\n".join(f.message for f in findings))
        self.problems.setVisible(bool(findings))

    def _fill_posts(self, rota: Rota, keep_choices: bool) -> None:
        """List the posts, the rota's first in its order; `keep_choices` keeps the order and ticks the user
        has set since the rota was last shown."""
        structure = self.document.structure
        if keep_choices:
            listed = [self.posts_list.item(r).data(Qt.UserRole) for r in range(self.posts_list.count())]
            chosen = set(self.chosen_posts())
        else:
            listed, chosen = list(rota.posts), set(rota.posts)
        order = [p for p in listed if p in structure.posts and structure.posts[p].context is None]
        order += [p.id for p in structure.posts.values() if p.id not in order and p.context is None]
        self.posts_list.clear()
        for post_id in order:
            post = structure.posts[post_id]
            item = QListWidgetItem(post.title + (" (vacant)" if post.status is PostStatus.VACANT else ""))
            item.setData(Qt.UserRole, post_id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if post_id in chosen else Qt.Unchecked)
            self.posts_list.addItem(item)

    def _fill_table(self, rota: Rota) -> None:
        self.combos = {}
        self.table.setRowCount(len(rota.months))
        choices = list(dict.fromkeys([*rota.posts, *(p for m in rota.months for p in (m.lead, m.buddy))]))
        for row, entry in enumerate(rota.months):
            month = QTableWidgetItem(month_name(entry.month))
            month.setData(Qt.UserRole, entry.month)
            self.table.setItem(row, 0, month)
            for column, role in enumerate(ROLES, start=1):
                combo = QComboBox()
                for post_id in choices:
                    combo.addItem(self._title(post_id), post_id)
                combo.setCurrentIndex(combo.findData(getattr(entry, role)))
                combo.activated.connect(lambda _i, c=combo, m=entry.month, r=role: self._chosen(m, r, c))
                self.combos[(entry.month, role)] = combo
                self.table.setCellWidget(row, column, combo)

    def _chosen(self, month: str, role: str, combo: QComboBox) -> None:
        """A month's lead or buddy picked: changed once the combo box is done, since the change rebuilds it."""
        post_id = combo.currentData()
        QTimer.singleShot(0, self, lambda: self.set_month(month, **{role: post_id}))

    def _title(self, post_id: str) -> str:
        post = self.document.structure.posts.get(post_id)
        return post.title if post is not None else f"{post_id} (not in the structure)"

    def _default_start(self, rota: Rota) -> tuple[int, int]:
        """The rota's first month, else the structure's date, else this month."""
        for text in ([rota.months[0].month] if rota.months else []) + [self.document.structure.date[:7]]:
            try:
                return parse_month(text)
            except ValueError:
                continue
        today = date.today()
        return today.year, today.month

    # ----- edits -----------------------------------------------------------------------

    def chosen_posts(self) -> list[str]:
        """The checked posts in the list's order: the order turns are taken in."""
        return [self.posts_list.item(r).data(Qt.UserRole) for r in range(self.posts_list.count())
                if self.posts_list.item(r).checkState() == Qt.Checked]

    def generate(self) -> bool:
        structure = self.document.structure
        start = self.start_edit.date()
        posts, months = self.chosen_posts(), self.months_spin.value()
        first = f"{start.year():04d}-{start.month():02d}"

        def build() -> commands.Edit:
            rota = generate_rota(posts, months, first, structure.rota.duties)
            return commands.set_rota(structure, rota, f"Generate a {months}-month rota across {len(posts)} posts")
        return self.document.perform(build)

    def set_month(self, month: str, **roles: str) -> bool:
        """Change a month's lead and/or buddy."""
        structure = self.document.structure
        rota = structure.rota
        entries = [RotaMonth(**{**m.model_dump(), **roles}) if m.month == month else m for m in rota.months]
        if entries == rota.months:
            return False
        words = " and ".join(f"'{self._title(post)}' the {role}" for role, post in roles.items())
        text = f"Make {words} for {month_name(month)}"
        return self.document.execute(commands.set_rota(structure, rota.model_copy(update={"months": entries}), text))

    def _duties_finished(self) -> None:
        rota = self.document.structure.rota
        text = self.duties_edit.text().strip()
        if not self.duties_edit.isModified() or text == rota.duties:
            return
        self.duties_edit.setModified(False)
        self.document.execute(commands.set_rota(self.document.structure, rota.model_copy(update={"duties": text}),
                                                "Change the rota's duties"))
