"""The properties dock: every field of the selected post or group (or of the structure), editable.

Fields are checked as the user types (a bad value turns red and says why) and applied
when editing finishes, each as one undo command; the form reloads from the model after
every change, whatever made it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QListView,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QScrollArea, QSpinBox, QVBoxLayout,
                               QWidget)

from ...analysis.costing import salary_basis
from ...model import Change, CostBasis, Designation, GroupKind, PostStatus
from ...presentation.money import format_funding, money, parse_funding, parse_money
from ... import editing as commands
from ..document import Document
from ..formstyle import INVALID_STYLE

NONE = "(none)"


class NotesEdit(QPlainTextEdit):
    """A multi-line box that reports when the user leaves it, like a line edit's editingFinished."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


class PropertiesPanel(QWidget):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.post_id: str | None = None
        self.group_id: str | None = None
        self._loading = False
        self._manager_rows: list[tuple[str, str]] | None = None
        """The posts (id, title) the Reports-to list was last filled with."""
        self._manager_row: dict[str, int] = {}
        """Each post's row in that list (a lookup by data walks every row)."""
        self._manager_hidden: str | None = None
        """The post left out of that list: the one shown."""
        self._build()
        document.changed.connect(self._on_change)
        document.replaced.connect(lambda: self.show_selection([], []))
        self.show_selection([], [])

    # ----- building the forms ---------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600; font-size: 11pt; padding: 6px 8px 2px 8px;")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828; padding: 0 8px;")
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        body = QWidget()
        self.stack = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.post_form = self._build_post_form()
        self.group_form = self._build_group_form()
        self.structure_form = self._build_structure_form()
        for form in (self.post_form, self.group_form, self.structure_form):
            self.stack.addWidget(form)
        self.stack.addStretch(1)

    def _line(self, form: QFormLayout, label: str, name: str, apply: Callable[[str], None],
              check: Callable[[str], object] | None = None) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        if check is not None:
            edit.textEdited.connect(lambda text, e=edit: self._check(e, check, text))
        edit.editingFinished.connect(lambda e=edit: self._finish(e, apply, check))
        form.addRow(label, edit)
        return edit

    def _check(self, edit: QLineEdit, check: Callable[[str], object], text: str) -> bool:
        try:
            check(text)
        except ValueError as exc:
            edit.setStyleSheet(INVALID_STYLE)
            self.error.setText(str(exc))
            return False
        edit.setStyleSheet("")
        self.error.setText("")
        return True

    def _finish(self, edit: QLineEdit, apply: Callable[[str], None], check: Callable[[str], object] | None) -> None:
        if self._loading or not edit.isModified():
            return
        if check is not None and not self._check(edit, check, edit.text()):
            return
        edit.setModified(False)
        apply(edit.text())

    def _combo(self, form: QFormLayout, label: str, name: str, apply: Callable[[object], None],
               editable: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(editable)
        combo.setInsertPolicy(QComboBox.NoInsert)
        if editable:
            combo.lineEdit().editingFinished.connect(lambda c=combo: not self._loading and apply(c.currentText()))
            combo.activated.connect(lambda _i, c=combo: not self._loading and apply(c.currentText()))
        else:
            combo.activated.connect(lambda _i, c=combo: not self._loading and apply(c.currentData()))
        form.addRow(label, combo)
        return combo

    def _build_post_form(self) -> QWidget:
        widget = QWidget()
        form = QFormLayout(widget)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.post_id_label = QLabel()
        self.post_id_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        form.addRow("Post ID", self.post_id_label)
        self.title_edit = self._line(form, "Title", "title", lambda t: self._edit_post(title=t.strip()),
                                     _require("a post needs a title"))
        self.grade_combo = self._combo(form, "Grade", "grade", lambda t: self._edit_post(grade=t.strip() or None),
                                       editable=True)
        self.tier_combo = self._combo(form, "Tier", "tier", lambda t: self._edit_post(tier=t.strip() or None),
                                      editable=True)
        self.fte_spin = QDoubleSpinBox()
        self.fte_spin.setObjectName("fte")
        self.fte_spin.setRange(0, 10)
        self.fte_spin.setDecimals(2)
        self.fte_spin.setSingleStep(0.1)
        self.fte_spin.editingFinished.connect(self._fte_finished)
        form.addRow("FTE", self.fte_spin)
        self.salary_edit = self._line(form, "Salary", "salary", lambda t: self._edit_post(salary=parse_money(t)),
                                      parse_money)
        self.status_combo = self._combo(form, "Status", "status", lambda v: self._edit_post(status=v))
        for status in PostStatus:
            self.status_combo.addItem(status.value.replace("-", " ").capitalize(), status.value)
        self.postholder_edit = self._line(form, "Postholder", "postholder",
                                          lambda t: self._edit_post(postholder=t.strip() or None))
        self.group_combo = self._combo(form, "Group", "group", lambda v: self._edit_post(group=v))
        self.manager_combo = self._combo(form, "Reports to", "reports_to", self._set_manager)
        self.designation_list = QListWidget()
        self.designation_list.setObjectName("designations")
        for designation in Designation:
            item = QListWidgetItem(f"{designation.full_name} ({designation.value})")
            item.setData(Qt.UserRole, designation.value)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.designation_list.addItem(item)
        self.designation_list.setMaximumHeight(120)
        self.designation_list.itemChanged.connect(self._designations_changed)
        form.addRow("Statutory roles", self.designation_list)
        self.funding_edit = self._line(form, "Partner funding", "funding",
                                       lambda t: self._edit_post(funding=parse_funding(t)), parse_funding)
        self.funding_edit.setPlaceholderText("e.g. NHS: 50%")
        self.scope_check = QCheckBox("In scope of the restructure")
        self.scope_check.setObjectName("in_scope")
        self.scope_check.toggled.connect(lambda on: not self._loading and self._edit_post(in_scope=on))
        form.addRow("", self.scope_check)
        self.notes_edit = NotesEdit()
        self.notes_edit.setMaximumHeight(90)
        self.notes_edit.editing_finished.connect(self._notes_finished)
        form.addRow("Notes", self.notes_edit)
        self.custom_label = QLabel()
        self.custom_label.setWordWrap(True)
        form.addRow("Other fields", self.custom_label)
        self.figures_label = QLabel()
        self.figures_label.setObjectName("post_figures")
        self.figures_label.setWordWrap(True)
        form.addRow("Figures", self.figures_label)
        return widget

    def _build_group_form(self) -> QWidget:
        widget = QWidget()
        form = QFormLayout(widget)
        self.group_id_label = QLabel()
        form.addRow("Group ID", self.group_id_label)
        self.group_name_edit = self._line(form, "Name", "group_name", lambda t: self._edit_group(name=t.strip()),
                                          _require("a group needs a name"))
        self.kind_combo = self._combo(form, "Kind", "kind", lambda v: self._edit_group(kind=v))
        for kind in GroupKind:
            self.kind_combo.addItem(kind.value.capitalize(), kind.value)
        self.parent_combo = self._combo(form, "Inside", "parent", lambda v: self._edit_group(parent=v))
        self.leader_combo = self._combo(form, "Led by", "leader", lambda v: self._edit_group(leader=v))
        self.staff_spin = _count_spin("staff")
        self.staff_spin.editingFinished.connect(lambda: self._count_finished("staff", self.staff_spin))
        form.addRow("Staff", self.staff_spin)
        self.contractors_spin = _count_spin("contractors")
        self.contractors_spin.editingFinished.connect(lambda: self._count_finished("contractors",
                                                                                   self.contractors_spin))
        form.addRow("Contractors", self.contractors_spin)
        return widget

    def _build_structure_form(self) -> QWidget:
        widget = QWidget()
        form = QFormLayout(widget)
        s = self.document
        self.name_edit = self._line(form, "Name", "structure_name",
                                    lambda t: s.execute(_structure_field(s, name=t.strip() or "Untitled structure")))
        self.org_edit = self._line(form, "Organisation", "organisation",
                                   lambda t: s.execute(_structure_field(s, organisation=t.strip())))
        self.scenario_edit = self._line(form, "Scenario", "scenario",
                                        lambda t: s.execute(_structure_field(s, scenario=t.strip())))
        self.oncost_spin = QDoubleSpinBox()
        self.oncost_spin.setObjectName("on_cost_rate")
        self.oncost_spin.setRange(0, 100)
        self.oncost_spin.setSuffix("%")
        self.oncost_spin.setDecimals(1)
        self.oncost_spin.editingFinished.connect(self._oncost_finished)
        form.addRow("On-costs", self.oncost_spin)
        self.basis_combo = self._combo(form, "Cost at", "cost_basis",
                                       lambda v: s.execute(commands.edit_settings(s.structure, cost_basis=v)))
        for basis in CostBasis:
            self.basis_combo.addItem(f"{basis.value.capitalize()} of grade", basis.value)
        self.span_spin = _count_spin("span_max")
        self.span_spin.setRange(0, 99)
        self.span_spin.setSpecialValueText("Rule default")
        self.span_spin.editingFinished.connect(self._span_finished)
        form.addRow("Span limit", self.span_spin)
        return widget

    # ----- showing ---------------------------------------------------------------------

    def show_selection(self, post_ids: list[str], group_ids: list[str]) -> None:
        self.post_id = post_ids[0] if len(post_ids) == 1 and not group_ids else None
        self.group_id = group_ids[0] if len(group_ids) == 1 and not post_ids else None
        self.error.setText("")
        self.reload()

    def reload(self) -> None:
        structure = self.document.structure
        if self.post_id not in structure.posts:
            self.post_id = None
        if self.group_id not in structure.groups:
            self.group_id = None
        self._loading = True
        try:
            self.post_form.setVisible(self.post_id is not None)
            self.group_form.setVisible(self.group_id is not None)
            self.structure_form.setVisible(self.post_id is None and self.group_id is None)
            if self.post_id is not None:
                self._load_post()
            elif self.group_id is not None:
                self._load_group()
            else:
                self._load_structure()
        finally:
            self._loading = False

    def _load_post(self) -> None:
        structure, analysis = self.document.structure, self.document.analysis
        post = structure.posts[self.post_id]
        self.heading.setText(post.title)
        self.post_id_label.setText(post.id)
        _set_text(self.title_edit, post.title)
        _fill_editable(self.grade_combo, sorted(structure.pay_scales), post.grade or "")
        tiers = sorted(analysis.rules.tiers, key=lambda t: analysis.rules.rank(t) or 99)
        _fill_editable(self.tier_combo, tiers, post.tier or "")
        self.fte_spin.setValue(post.fte)
        _set_text(self.salary_edit, "" if post.salary is None else f"{post.salary:,.0f}")
        basis = salary_basis(post.model_copy(update={"salary": None}), structure.pay_scales, structure.settings)
        self.salary_edit.setPlaceholderText(f"from grade: {money(basis)}" if basis is not None else "not known")
        self.status_combo.setCurrentIndex(self.status_combo.findData(post.status.value))
        _set_text(self.postholder_edit, post.postholder or "")
        _fill_choices(self.group_combo, [(g.id, g.name) for g in structure.groups.values()], post.group)
        self._fill_managers(post.id, post.reports_to)
        for row in range(self.designation_list.count()):
            item = self.designation_list.item(row)
            held = item.data(Qt.UserRole) in {d.value for d in post.designations}
            item.setCheckState(Qt.Checked if held else Qt.Unchecked)
        _set_text(self.funding_edit, format_funding(post.funding))
        self.scope_check.setChecked(post.in_scope)
        if self.notes_edit.toPlainText() != post.notes:
            self.notes_edit.setPlainText(post.notes)
        self.custom_label.setText("<br>".join(f"<b>{k}</b>: {v}" for k, v in post.custom.items()) or "—")
        self.custom_label.setVisible(bool(post.custom))
        cost = analysis.cost(post.id)
        depth = analysis.depth(post.id)
        self.figures_label.setText(
            f"Cost {money(cost.gross)} gross, {money(cost.net)} net<br>"
            f"Span {analysis.span(post.id)} · Layer {depth + 1 if depth is not None else '—'}")
        for edit in (self.title_edit, self.salary_edit, self.funding_edit):
            edit.setStyleSheet("")

    def _fill_managers(self, post_id: str, current: str | None) -> None:
        """Every other post, by title. Filled only when the posts or their titles changed (10,000 rows take
        longer than the rest of the panel); the post itself is there but hidden and cannot be chosen."""
        combo, structure = self.manager_combo, self.document.structure
        posts = [(p.id, p.title) for p in structure.posts.values()]
        if posts != self._manager_rows:
            self._manager_rows = posts
            rows = sorted(posts, key=lambda item: item[1].lower())
            _fill_choices(combo, rows, None)
            self._manager_row = {key: row for row, (key, _) in enumerate(rows, start=1)}
            self._manager_hidden = None
        model, view = combo.model(), combo.view()
        if isinstance(model, QStandardItemModel) and isinstance(view, QListView):
            for key, hide in ((self._manager_hidden, False), (post_id, True)):
                row = self._manager_row.get(key, -1) if key is not None else -1
                if row > 0:
                    view.setRowHidden(row, hide)
                    item = model.item(row)
                    if item is not None:
                        item.setEnabled(not hide)
        self._manager_hidden = post_id
        combo.setCurrentIndex(self._manager_row.get(current, 0) if current is not None else 0)

    def _load_group(self) -> None:
        structure = self.document.structure
        group = structure.groups[self.group_id]
        self.heading.setText(group.name)
        self.group_id_label.setText(group.id)
        _set_text(self.group_name_edit, group.name)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(group.kind.value))
        parents = [(g.id, g.name) for g in structure.groups.values()
                   if self.group_id not in structure.group_chain(g.id)]
        _fill_choices(self.parent_combo, parents, group.parent)
        leaders = sorted(((p.id, p.title) for p in structure.posts.values()), key=lambda i: i[1].lower())
        _fill_choices(self.leader_combo, leaders, group.leader)
        self.staff_spin.setValue(group.staff or 0)
        self.contractors_spin.setValue(group.contractors or 0)

    def _load_structure(self) -> None:
        structure = self.document.structure
        self.heading.setText("Structure")
        _set_text(self.name_edit, structure.name)
        _set_text(self.org_edit, structure.organisation)
        _set_text(self.scenario_edit, structure.scenario)
        self.oncost_spin.setValue(structure.settings.on_cost_rate * 100)
        self.basis_combo.setCurrentIndex(self.basis_combo.findData(structure.settings.cost_basis.value))
        self.span_spin.setValue(structure.settings.span_max or 0)

    def _on_change(self, change: Change) -> None:
        if self.post_id is not None or self.group_id is not None or not change.posts:
            self.reload()

    # ----- applying --------------------------------------------------------------------

    def _edit_post(self, **fields: object) -> None:
        if self.post_id is None:
            return
        post = self.document.structure.posts[self.post_id]
        if all(getattr(post, k) == v for k, v in fields.items()):
            return
        if not self.document.execute(commands.edit_post(self.document.structure, self.post_id, **fields)):
            self.reload()

    def _edit_group(self, **fields: object) -> None:
        if self.group_id is None:
            return
        group = self.document.structure.groups[self.group_id]
        if all(getattr(group, k) == v for k, v in fields.items()):
            return
        if not self.document.execute(commands.edit_group(self.document.structure, self.group_id, **fields)):
            self.reload()

    def _set_manager(self, manager_id: object) -> None:
        if self.post_id is None:
            return
        if self.document.structure.posts[self.post_id].reports_to == manager_id:
            return
        if not self.document.execute(commands.set_manager(self.document.structure, self.post_id, manager_id)):
            self.reload()

    def _fte_finished(self) -> None:
        if not self._loading:
            self._edit_post(fte=round(self.fte_spin.value(), 2))

    def _notes_finished(self) -> None:
        if not self._loading:
            self._edit_post(notes=self.notes_edit.toPlainText())

    def _designations_changed(self, _item: QListWidgetItem) -> None:
        if self._loading:
            return
        held = [self.designation_list.item(r).data(Qt.UserRole) for r in range(self.designation_list.count())
                if self.designation_list.item(r).checkState() == Qt.Checked]
        self._edit_post(designations=[Designation(v) for v in held])

    def _count_finished(self, field: str, spin: QSpinBox) -> None:
        if not self._loading:
            self._edit_group(**{field: spin.value() or None})

    def _oncost_finished(self) -> None:
        rate = round(self.oncost_spin.value() / 100, 4)
        if not self._loading and rate != self.document.structure.settings.on_cost_rate:
            self.document.execute(commands.edit_settings(self.document.structure, on_cost_rate=rate))

    def _span_finished(self) -> None:
        value = self.span_spin.value() or None
        if not self._loading and value != self.document.structure.settings.span_max:
            self.document.execute(commands.edit_settings(self.document.structure, span_max=value))


def _structure_field(document: Document, **fields: object) -> commands.Edit:
    return commands.edit_structure(document.structure, **fields)


def _require(message: str) -> Callable[[str], None]:
    def check(text: str) -> None:
        if not text.strip():
            raise ValueError(message)
    return check


def _count_spin(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(0, 1_000_000)
    spin.setGroupSeparatorShown(True)
    return spin


def _set_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)
        edit.setCursorPosition(0)
    edit.setModified(False)


def _fill_editable(combo: QComboBox, items: list[str], current: str) -> None:
    combo.clear()
    combo.addItems(items)
    combo.setEditText(current)


def _fill_choices(combo: QComboBox, items: list[tuple[str, str]], current: str | None) -> None:
    combo.clear()
    combo.addItem(NONE, None)
    for key, label in items:
        combo.addItem(label, key)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
