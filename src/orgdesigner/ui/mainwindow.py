"""The main window: canvas in the centre, docks around it, menus, toolbar and status bar."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import shiboken6

from PySide6.QtCore import QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QImage, QKeySequence, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QApplication, QCompleter, QDialog, QFileDialog, QLineEdit, QMainWindow,
                               QMessageBox, QProgressDialog, QToolBar, QToolButton, QUndoView, QWidget)

from ..exports.formats import FORMATS, chart_bytes, chart_summary
from ..heap import settling
from ..model import EditRefused, Group, Post, Structure, StructureFileError, load
from ..model.fileformat import write_atomically
from ..presentation.costbasis import cost_basis_text
from ..presentation.figures import fte_text
from ..presentation.money import money
from ..presentation.redaction import redacted_structure
from ..presentation.selection import ChartSelection
from ..sharing import FileChangedOnDisk
from .. import editing as commands
from .clipboard import MIME_TYPE, copy_posts, paste_posts
from .docking import DockLayout, DockSpec
from .docks.outline import OutlinePanel
from .docks.properties import PropertiesPanel
from .document import FILE_FILTER, Document
from .feature import WindowFeature, install
from .feature_list import FEATURES
from .navigation.feature import NavigationFeature
from .recovery import Recovery
from .scenario_menu import ScenarioControls
from .scene import GRID, OrgScene
from .sharing import SharingFeature
from .statusbar import SummaryLabel, WrappingStatusBar
from .view import OrgView

if TYPE_CHECKING:  # imported where used: spreadsheets, PDFs and printing are not needed to start the window
    from .importdialog import ImportDialog
    from .organogramimport import OrganogramImportDialog
    from .pdfexport import PdfExportDialog, PdfRequest

TABLE_FILTER = "Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)"
EXPORT_FILTER = "CSV (*.csv);;Excel workbook (*.xlsx)"
EXPORT_FORMATS = {".pdf": "PDF", **FORMATS}
COPY_DPI = 150
"""Copy Chart as Image: sharp on screen and in print, small enough for an email."""
MAX_RECENT = 8
AUTOSAVE_MS = 60_000

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
OUTLINE = DockSpec("outline", "Outline", LEFT, front=True, size=250, in_view_menu=True)
PROPERTIES = DockSpec("properties", "Properties", RIGHT, front=True, size=330, in_view_menu=True)
HISTORY = DockSpec("history", "History", LEFT, tab_with="outline")

F = TypeVar("F", bound=WindowFeature)


class MainWindow(QMainWindow):
    """Owns the document and what edits it as a whole: the canvas (scene and view), the File, Edit, Insert,
    Scenario and View menus with their actions and the toolbar, the status bar, the Outline, Properties and
    History docks, files (open, save, recent, autosave and recovery), import and export, PDF and printing,
    and the dock layout that makes and tabs every dock.

    Everything else is a feature listed in `ui/feature_list.py` (figures, findings, compare, planning): each
    declares its docks, menu and actions as data and owns its panels and what they do. A feature sees the
    window only as a `WindowHost` (document, scene, view, selection, messages, dock layout) and never
    imports this module; the window knows features only through that list and `feature()`.
    """

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings("OrgDesigner", "OrgDesigner")
        self.document = Document(self)
        self.scene = OrgScene(self.document)
        self.view = OrgView(self.scene)
        self.setCentralWidget(self.view)
        self.dock_layout = DockLayout(self)
        self.recovery = Recovery()
        self._find_index = 0
        self._build_docks()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self.features: list[WindowFeature] = []
        for make in FEATURES:
            self.features.append(make(self))
            install(self.features[-1], self.dock_layout, self.menuBar(), self)
        for dock in self.dock_layout.view_menu_docks():
            self.view_menu.addAction(dock.toggleViewAction())
        self.document.refused.connect(self.show_refusal)
        self.document.path_changed.connect(self.update_title)
        self.document.modified_changed.connect(self.update_title)
        self.document.scenarios_changed.connect(self.update_title)
        self.document.changed.connect(lambda _change: self._update_status())
        self.document.replaced.connect(self._update_status)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.add_post_requested.connect(self.add_post_at)
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()
        self.resize(1440, 900)
        self.update_title()
        self._update_status()

    # ----- construction ---------------------------------------------------------------

    def feature(self, kind: type[F]) -> F:
        """The window's feature of this class."""
        return next(f for f in self.features if isinstance(f, kind))

    def _build_docks(self) -> None:
        self.properties = PropertiesPanel(self.document)
        self.outline = OutlinePanel(self.document)
        self.history = QUndoView(self.document.undo_group)
        self.history.setEmptyLabel("Opened")
        self.history.setUniformItemSizes(True)  # a line an edit: a long session's list is laid out without measuring
        self.outline_dock = self.dock_layout.add(OUTLINE, self.outline)
        self.properties_dock = self.dock_layout.add(PROPERTIES, self.properties)
        self.history_dock = self.dock_layout.add(HISTORY, self.history)
        self.outline.posts_chosen.connect(self.select_and_centre)
        self.outline.group_chosen.connect(self.select_group)

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.new_action = self._action("&New", self.new_document, K.New, "Start a new structure")
        self.open_action = self._action("&Open…", self.open_dialog, K.Open, "Open a structure file")
        self.save_action = self._action("&Save", self.save, K.Save)
        self.save_as_action = self._action("Save &As…", self.save_as, K.SaveAs)
        self.import_table_action = self._action("&Import Establishment…", self.import_establishment, None,
                                                "Start a structure from an establishment list (.csv, .xlsx)")
        self.import_scenario_action = self._action(
            "Import Establishment as New &Scenario…", self.import_establishment_as_scenario, None,
            "Add an establishment list to this file as a new scenario (e.g. the proposed structure)")
        self.export_table_action = self._action("&Export Table…", lambda: self.export_table(), None,
                                                "Write the posts table with costs, spans and layers (.csv, .xlsx)")
        self.export_redacted_action = self._action("Export Table &without Names…",
                                                   lambda: self.export_table(redact_names=True), None,
                                                   "Write the posts table, leaving out postholder names")
        self.export_pdf_action = self._action("&Export…", self.export_pdf, QKeySequence("Ctrl+E"),
                                              "Write the chart (PDF, picture or slides, whole or a part) or a "
                                              "consultation pack")
        self.print_action = self._action("&Print…", self.print_chart, K.Print, "Print the chart")
        self.quit_action = self._action("&Quit", self.close, K.Quit)
        stack = self.document.undo_group
        # One width on the toolbar whatever the command: its text is in the tooltip and in Edit ▸ History.
        self.undo_action = self._action("&Undo", stack.undo, K.Undo)
        self.redo_action = self._action("&Redo", stack.redo, K.Redo)
        for action, word, can, text in ((self.undo_action, "Undo", stack.canUndoChanged, stack.undoTextChanged),
                                        (self.redo_action, "Redo", stack.canRedoChanged, stack.redoTextChanged)):
            action.setEnabled(False)
            action.setToolTip(word)
            can.connect(action.setEnabled)
            text.connect(lambda command, action=action, word=word: action.setToolTip(f"{word} {command}".strip()))
        self.cut_action = self._action("Cu&t", self.cut, K.Cut)
        self.copy_action = self._action("&Copy", self.copy, K.Copy)
        self.copy_chart_action = self._action("Copy Chart as &Image", self.copy_chart_image, "Ctrl+Shift+C",
                                              "Put the selected post's branch, or the whole chart, on the "
                                              "clipboard as a picture")
        self.paste_action = self._action("&Paste", self.paste, K.Paste)
        QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)
        self._clipboard_changed()
        self.duplicate_action = self._action("D&uplicate", self.duplicate, "Ctrl+D")
        self.delete_action = self._action("&Delete", self.delete_selection, K.Delete,
                                          "Delete the selected posts, groups or lines")
        self.select_all_action = self._action("Select &All", self.select_all, K.SelectAll)
        self.find_action = self._action("&Find…", self.focus_find, K.Find)
        self.history_action = self.history_dock.toggleViewAction()
        self.history_action.setText("&History")
        self.switch_line_action = self._action("Switch Line &Solid/Dotted", self.switch_selected_line, "Ctrl+L",
                                               "Turn the selected reporting line dotted, or back to line management")
        self.zoom_in_action = self._action("Zoom &In", lambda: self.view.zoom_by(1.25), K.ZoomIn)
        self.zoom_out_action = self._action("Zoom &Out", lambda: self.view.zoom_by(0.8), K.ZoomOut)
        self.fit_action = self._action("&Fit to Window", self.view.fit, "Ctrl+0")
        self.tidy_action = self._action("&Tidy Layout", self.tidy, "Ctrl+Shift+T",
                                        "Forget hand-placed positions and lay the chart out afresh")
        self.compact_action = self._action("&Compact Layout", self.set_compact, None,
                                           "Stack the reports of managers whose reports manage no one")
        self.compact_action.setCheckable(True)
        compact = str(self.settings.value("compact_layout", "true")).lower() == "true"
        self.compact_action.setChecked(compact)
        self.scene.set_compact(compact)
        self.show_names_action = self._action("Show &Names", self.set_show_names, None,
                                              "Show postholders' names on the cards (never a name withheld)")
        self.show_names_action.setCheckable(True)
        show_names = str(self.settings.value("show_names", "true")).lower() == "true"
        self.show_names_action.setChecked(show_names)
        self.scene.set_show_names(show_names)
        self.snap_action = self._action("&Snap to Grid", self.set_snap, None, "Cards dropped by hand land on a grid")
        self.snap_action.setCheckable(True)
        self.set_snap(str(self.settings.value("snap_to_grid", "false")).lower() == "true")
        self.add_post_action = self._action("Add &Post", self.add_post, "Ctrl+Shift+N",
                                            "Add a post (under the selected post, if one is selected)")
        self.add_group_action = self._action("Add &Group", self.add_group, "Ctrl+Shift+G",
                                             "Add a group (holding the selected posts, if any)")
        self.recent_actions = [self._action("", self._open_recent) for _ in range(MAX_RECENT)]

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.setObjectName("file_menu")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.addActions(self.recent_actions)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_pdf_action, self.print_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_table_action, self.import_scenario_action, self.export_table_action, self.export_redacted_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.setObjectName("edit_menu")
        edit_menu.addActions([self.undo_action, self.redo_action, self.history_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.cut_action, self.copy_action, self.copy_chart_action, self.paste_action,
                              self.duplicate_action, self.delete_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.select_all_action, self.find_action, self.switch_line_action])
        insert_menu = bar.addMenu("&Insert")
        insert_menu.setObjectName("insert_menu")
        insert_menu.addActions([self.add_post_action, self.add_group_action])
        self.scenario_controls = ScenarioControls(self.document, self)
        self.scenario_controls.switched.connect(self.view.fit)
        self.scenario_controls.menu.setObjectName("scenario_menu")
        bar.addMenu(self.scenario_controls.menu)
        self.view_menu = bar.addMenu("&View")
        self.view_menu.setObjectName("view_menu")
        self.view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_action])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.tidy_action, self.compact_action, self.show_names_action, self.snap_action])
        self.view_menu.addSeparator()  # then each dock's show/hide action, once the features have made theirs
        toolbar = QToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        self.undo_button, self.redo_button = _steady_button(self.undo_action), _steady_button(self.redo_action)
        toolbar.addWidget(self.undo_button)
        toolbar.addWidget(self.redo_button)
        toolbar.addSeparator()
        toolbar.addActions([self.add_post_action, self.add_group_action, self.delete_action])
        toolbar.addSeparator()
        toolbar.addActions([self.zoom_out_action, self.zoom_in_action, self.fit_action, self.tidy_action])
        toolbar.addSeparator()
        toolbar.addWidget(self.scenario_controls.combo)
        toolbar.addSeparator()
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("find")
        self.find_edit.setPlaceholderText("Find a post…")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setMaximumWidth(260)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textEdited.connect(lambda _t: setattr(self, "_find_index", 0))
        toolbar.addWidget(self.find_edit)
        self.addToolBar(toolbar)
        self._refresh_recent()

    def _build_status_bar(self) -> None:
        self.summary_label = SummaryLabel()
        bar = WrappingStatusBar()
        self.setStatusBar(bar)
        bar.addPermanentWidget(self.summary_label)
        bar.messageChanged.connect(self._message_changed)
        self._refusal = ""
        self.document.changed.connect(lambda _change: self._clear_refusal())

    def _message_changed(self, message: str) -> None:
        """A message has the whole bar: the summary steps aside so a long refusal is read in full."""
        self.summary_label.setVisible(not message)
        self.statusBar().setToolTip(message)

    def _clear_refusal(self) -> None:
        if self._refusal and self.statusBar().currentMessage() == self._refusal:
            self.statusBar().clearMessage()
        self._refusal = ""

    # ----- files ---------------------------------------------------------------------------

    def update_title(self) -> None:
        self.setWindowFilePath(str(self.document.path) if self.document.path else "")
        self.setWindowTitle(f"{self.document.display_name}: {self.document.structure.scenario}[*] — OrgDesigner")
        self.setWindowModified(self.document.modified)

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled."""
        if not self.document.modified:
            return True
        answer = self.ask_save_changes()
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        return QMessageBox.warning(
            self, "Unsaved changes",
            f"Save the changes to {self.document.display_name} before closing it?",
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)

    def new_document(self) -> None:
        if not self.maybe_save():
            return
        self.recovery.discard()
        self.document.set_structure(Structure(name="Untitled structure"), None)
        self.statusBar().showMessage("New structure", 4000)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.document.path.parent) if self.document.path else str(Path.cwd())
        name, _ = QFileDialog.getOpenFileName(self, "Open structure", start, FILE_FILTER)
        if name:
            self.open_file(Path(name), ask=False)

    def open_file(self, path: Path, ask: bool = True) -> bool:
        """Open a file; a file that fails to open shows why and leaves the window as it was."""
        if ask and not self.maybe_save():
            return False
        try:
            with settling():  # the file read and the chart built live on: no collecting while they are made
                self.document.open(path)
        except (StructureFileError, ValueError) as exc:
            self.show_error("Cannot open the file", str(exc))
            return False
        self.recovery.discard()  # the document before was saved or its changes discarded
        self._remember_recent(path)
        self.offer_recovery(path)
        self.view.fit()
        self.statusBar().showMessage(f"Opened {path.name}", 4000)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        start = str(self.document.path or Path.cwd() / f"{self.document.structure.name}.orgd")
        name, _ = QFileDialog.getSaveFileName(self, "Save structure as", start, FILE_FILTER)
        if not name:
            return False
        path = Path(name)
        if path.suffix == "":
            path = path.with_suffix(".orgd")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except OSError as exc:
            self.show_error("Cannot save the file", f"{path}: {exc.strerror or exc}. The file on disk is unchanged.")
            return False
        except EditRefused as exc:  # two scenarios share a name (a rename undone after another took it)
            self.show_error("Cannot save the file", f"{path}: {exc}. The file on disk is unchanged.")
            return False
        except FileChangedOnDisk:  # someone else saved it: never overwritten, their changes are offered
            if not self.feature(SharingFeature).save_over_changes():
                return False
        self.recovery.discard()
        self._remember_recent(path)
        self.statusBar().showMessage(f"Saved {path.name}", 4000)
        return True

    def autosave(self) -> None:
        if self.document.modified and self.document.scenarios.problem() is None:
            self.recovery.write(self.document.path, self.document.scenarios)

    def offer_recovery(self, path: Path | None) -> None:
        """Offer the changes a crashed window autosaved for the file at PATH (None: an untitled document)."""
        recovered = self.recovery.newer_than(path)
        if recovered is None:
            return
        if self.ask_restore(recovered.when) != QMessageBox.Yes:
            self.recovery.forget(recovered)
            return
        self.recovery.adopt(recovered)
        self.document.set_scenarios(recovered.scenarios, path)
        self.document.undo_stack.resetClean()
        self.update_title()
        self.statusBar().showMessage("Restored the unsaved changes from the recovery file", 6000)

    def ask_restore(self, when: str) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self, "Recover unsaved changes",
            f"OrgDesigner closed without saving changes to {'this file' if self.document.path else 'an untitled structure'} "
            f"(last autosaved {when}). Restore them?",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)

    def _remember_recent(self, path: Path) -> None:
        files = [f for f in self._recent_files() if f != str(path.resolve())]
        files.insert(0, str(path.resolve()))
        self.settings.setValue("recent_files", json.dumps(files[:MAX_RECENT]))
        self._refresh_recent()

    def _recent_files(self) -> list[str]:
        try:
            return list(json.loads(self.settings.value("recent_files", "[]")))
        except (TypeError, ValueError):
            return []

    def _refresh_recent(self) -> None:
        files = self._recent_files()
        for index, action in enumerate(self.recent_actions):
            if index < len(files):
                action.setText(f"&{index + 1} {Path(files[index]).name}")
                action.setData(files[index])
                action.setStatusTip(files[index])
                action.setVisible(True)
            else:
                action.setVisible(False)
        self.recent_menu.setEnabled(bool(files))

    def _open_recent(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and action.data():
            self.open_file(Path(action.data()))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            self.recovery.close()
            self.document.close()
            event.accept()
        else:
            event.ignore()

    # ----- messages ----------------------------------------------------------------------

    def dialog_parent(self) -> QWidget:
        return self

    def show_status(self, message: str, msecs: int) -> None:
        self.statusBar().showMessage(message, msecs)

    def show_refusal(self, message: str) -> None:
        """Why an edit was not done, kept in the status bar until the next edit."""
        self._refusal = f"Not done: {message}"
        self.statusBar().showMessage(self._refusal)

    def show_error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        box = QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, self)
        box.setModal(True)
        box.open()

    def _update_status(self) -> None:
        analysis = self.document.analysis
        totals = analysis.totals()
        severities = [finding.severity.value for finding in analysis.findings()]
        self.summary_label.show_text(
            f"{totals.posts} posts · {fte_text(totals.fte)} FTE · {money(totals.net)} net · "
            f"{analysis.layers()} layers · {severities.count('error')} errors, {severities.count('warning')} warnings")
        self.summary_label.setToolTip(f"Costs {cost_basis_text(self.document.structure.settings)}")

    # ----- selection ---------------------------------------------------------------------

    def _selection_changed(self) -> None:
        if not shiboken6.isValid(self.scene):  # the scene is going away with the window
            return
        self.properties.show_selection(self.scene.selected_post_ids(), self.scene.selected_group_ids())

    def select_and_centre(self, post_ids: list[str]) -> None:
        self.scene.view_state.reveal(post_ids, self.document.structure)  # unfolded into view if need be
        self.scene.select_posts(post_ids)
        self.view.centre_on_posts(post_ids)

    def select_group(self, group_id: str) -> None:
        self.scene.clearSelection()
        if group_id in self.scene.boxes:
            self.scene.boxes[group_id].setSelected(True)
            self.view.centerOn(self.scene.boxes[group_id].boundingRect().center())

    def select_all(self) -> None:
        self.scene.select_posts(list(self.document.structure.posts))

    def focus_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        titles = sorted({p.title for p in self.document.structure.posts.values()})
        completer = QCompleter(titles, self.find_edit)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        self.find_edit.setCompleter(completer)

    def find_next(self) -> None:
        needle = self.find_edit.text().strip().lower()
        matches = [p.id for p in self.document.structure.posts.values() if needle and needle in _findable(p)]
        if not matches:
            self.statusBar().showMessage(f"No post's title, ID or postholder contains '{self.find_edit.text()}'", 5000)
            return
        post_id = matches[self._find_index % len(matches)]
        self._find_index += 1
        self.feature(NavigationFeature).show_match(post_id)
        self.statusBar().showMessage(f"Match {(self._find_index - 1) % len(matches) + 1} of {len(matches)}", 4000)

    # ----- edits -------------------------------------------------------------------------

    def add_post(self) -> None:
        selected = self.scene.selected_post_ids()
        manager = selected[0] if len(selected) == 1 else None
        self._add_post(manager, None)

    def add_post_at(self, pos: QPointF) -> None:
        group = self.scene.innermost_group_at(pos.x(), pos.y())
        self._add_post(None, (pos.x() - self.scene.options.card_width / 2, pos.y() - self.scene.options.card_height / 2),
                       group)

    def _add_post(self, manager: str | None, position: tuple[float, float] | None, group: str | None = None) -> None:
        structure = self.document.structure
        if manager is not None:
            group = structure.posts[manager].group
        post = Post(id=structure.new_post_id(), title="New post", reports_to=manager, group=group,
                    position={"x": position[0], "y": position[1]} if position else None)
        if self.document.execute(commands.add_post(structure, post)):
            self.scene.select_posts([post.id])
            self.properties_dock.raise_()
            self.properties.title_edit.setFocus()
            self.properties.title_edit.selectAll()

    def add_group(self) -> None:
        structure = self.document.structure
        selected = self.scene.selected_post_ids()
        group = Group(id=structure.new_group_id(), name="New group", leader=selected[0] if selected else None)
        command = commands.add_group(structure, group)
        if selected:
            command = commands.group_posts(structure, group, selected)
        if self.document.execute(command):
            self.select_group(group.id)

    def delete_selection(self) -> None:
        posts, groups = self.scene.selected_post_ids(), self.scene.selected_group_ids()
        lines = self.scene.selected_lines()
        structure = self.document.structure
        if posts or groups:
            self.document.perform(lambda: commands.delete(structure, posts, groups))
        elif len(lines) == 1:
            line = lines[0]
            self.document.perform(lambda: commands.remove_line(structure, line.report, line.manager, line.kind))

    def switch_selected_line(self) -> None:
        lines = self.scene.selected_lines()
        if len(lines) != 1:
            self.statusBar().showMessage("Select one reporting line to switch it between solid and dotted", 5000)
            return
        line = lines[0]
        self.document.perform(lambda: commands.switch_line_kind(self.document.structure, line.report,
                                                                line.manager, line.kind))

    def set_snap(self, snap: bool) -> None:
        """Switch snap-to-grid on or off; the choice is remembered for next time."""
        self.snap_action.setChecked(snap)
        self.scene.snap_grid = GRID if snap else 0.0
        self.settings.setValue("snap_to_grid", "true" if snap else "false")

    def set_compact(self, compact: bool) -> None:
        """Switch the compact layout on or off; the choice is remembered for next time."""
        self.compact_action.setChecked(compact)
        self.scene.set_compact(compact)
        self.settings.setValue("compact_layout", "true" if compact else "false")

    def set_show_names(self, show: bool) -> None:
        """Show or hide postholders' names on the cards; the choice is remembered for next time."""
        self.show_names_action.setChecked(show)
        self.scene.set_show_names(show)
        self.settings.setValue("show_names", "true" if show else "false")

    def tidy(self) -> None:
        if any(p.position is not None for p in self.document.structure.posts.values()):
            self.document.execute(commands.tidy_layout(self.document.structure))
        self.view.fit()

    def copy(self) -> bool:
        posts = self.scene.selected_post_ids()
        if not posts:
            return False
        QGuiApplication.clipboard().setMimeData(copy_posts(self.document.structure, posts))
        self.statusBar().showMessage(f"Copied {len(posts)} post{'s' if len(posts) != 1 else ''}", 3000)
        return True

    def cut(self) -> None:
        if self.copy():
            self.delete_selection()

    def can_paste(self) -> bool:
        """Whether the clipboard holds copied posts (here or in another OrgDesigner window)."""
        data = QGuiApplication.clipboard().mimeData()
        return data is not None and data.hasFormat(MIME_TYPE)

    def _clipboard_changed(self) -> None:
        self.paste_action.setEnabled(self.can_paste())

    def paste(self) -> None:
        data = QGuiApplication.clipboard().mimeData()
        if data is None or not data.hasFormat(MIME_TYPE):
            self.statusBar().showMessage("The clipboard holds no posts", 3000)
            return
        new_posts = paste_posts(self.document.structure, data)
        if new_posts and self.document.execute(commands.paste_posts(self.document.structure, new_posts)):
            self.scene.select_posts([p.id for p in new_posts])

    def duplicate(self) -> None:
        if self.copy():
            self.paste()

    # ----- establishment lists in, posts table out ------------------------------------

    def import_establishment(self) -> None:
        """Open a spreadsheet as a new, unsaved structure, through the import dialog."""
        from ..io.tables import TableError
        from .importdialog import ImportDialog
        if not self.maybe_save():
            return
        path = self.choose_import_file()
        if path is None:
            return
        try:
            dialog = ImportDialog.for_file(path, self)
        except TableError as exc:
            self.show_error("Cannot import the file", f"{path}: {exc}")
            return
        if isinstance(dialog, ImportDialog):
            dialog.use_defaults(self.settings)
        if not self.run_import_dialog(dialog) or dialog.imported is None:
            return
        if isinstance(dialog, ImportDialog):
            dialog.remember(self.settings)
        result = dialog.imported
        self.recovery.discard()
        self.document.set_structure(result.structure, None)
        self.document.undo_stack.resetClean()  # imported, not yet saved anywhere
        self.update_title()
        self.view.fit()
        posts = len(result.structure.posts)
        message = f"Imported {posts} post{'s' if posts != 1 else ''} from {path.name}"
        rows = sorted({p.row for p in result.skipped if p.row})
        if rows:
            message += (f"; skipped {len(rows)} row{'s' if len(rows) != 1 else ''} with problems "
                        f"({', '.join(map(str, rows))})")
        self.statusBar().showMessage(message, 10000)

    def import_establishment_as_scenario(self) -> bool:
        """Add an establishment list to the open file as a new scenario, so a restructure's current and
        proposed structures live in one file (added as other scenarios are: not undoable, the file modified)."""
        from ..io.tables import TableError
        from .importdialog import ImportDialog
        path = self.choose_import_file()
        if path is None:
            return False
        try:
            dialog = ImportDialog.for_file(path, self)
        except TableError as exc:
            self.show_error("Cannot import the file", f"{path}: {exc}")
            return False
        if not isinstance(dialog, ImportDialog):
            self.show_error("Cannot import the file", f"{path}: a published organogram is opened as a file of "
                            "its own (Import Establishment…), not added as a scenario")
            return False
        taken = set(self.document.scenarios.names)
        name = next((n for n in ("Proposed", *(f"Option {c}" for c in "ABCDEFGH")) if n not in taken), "")
        dialog.as_scenario_of(self.document.structure, name)
        if not self.run_import_dialog(dialog) or dialog.imported is None:
            return False
        structure = dialog.imported.structure
        if not self.document.add_imported_scenario(structure):
            return False
        self.view.fit()
        self.statusBar().showMessage(f"Added the scenario '{structure.scenario}': {len(structure.posts)} posts "
                                     f"from {path.name}", 10000)
        return True

    def choose_import_file(self) -> Path | None:
        start = str(self.document.path.parent) if self.document.path else str(Path.cwd())
        name, _ = QFileDialog.getOpenFileName(self, "Import establishment list", start, TABLE_FILTER)
        return Path(name) if name else None

    def run_import_dialog(self, dialog: ImportDialog | OrganogramImportDialog) -> bool:
        """Show the import dialog; True when the user chose Import."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def export_table(self, redact_names: bool = False) -> bool:
        """Write the posts table (with computed cost, span and layer) as CSV or Excel."""
        from ..io.export import posts_table, write_csv, write_xlsx
        path = self.choose_export_file(redact_names)
        if path is None:
            return False
        if path.suffix == "":
            path = path.with_suffix(".csv")
        if path.suffix.lower() not in (".csv", ".xlsx"):
            self.show_error("Cannot export the table", f"{path}: the table is written as .csv or .xlsx")
            return False
        structure = redacted_structure(self.document.structure) if redact_names else self.document.structure
        rows = posts_table(structure, self.document.analysis, redact_names=redact_names)
        try:
            (write_xlsx if path.suffix.lower() == ".xlsx" else write_csv)(rows, path)
        except OSError as exc:
            self.show_error("Cannot export the table", f"{path}: {exc.strerror or exc}. Nothing was written.")
            return False
        names = " without postholder names" if redact_names else ""
        self.statusBar().showMessage(f"Exported {len(rows) - 1} posts to {path.name}{names}", 6000)
        return True

    def choose_export_file(self, redact_names: bool) -> Path | None:
        folder = self.document.path.parent if self.document.path else Path.cwd()
        start = folder / f"{self.document.structure.name}.csv"
        title = "Export table without names" if redact_names else "Export table"
        name, _ = QFileDialog.getSaveFileName(self, title, str(start), EXPORT_FILTER)
        return Path(name) if name else None

    # ----- PDF and print ----------------------------------------------------------------

    def pack_candidates(self) -> dict[str, Callable[[], Structure]]:
        """What a consultation pack can compare the open structure with: the file's other scenarios
        (the baseline first), then recently opened files."""
        shown = self.document.structure
        scenarios = sorted((s for s in self.document.scenarios if s is not shown),
                           key=lambda s: s is not self.document.scenarios.baseline)
        candidates: dict[str, Callable[[], Structure]] = {
            f"Scenario: {s.scenario}": (lambda s=s: s) for s in scenarios}
        for name in self._recent_files():
            path = Path(name)
            if path != self.document.path and path.exists():
                candidates[f"File: {path.name}"] = lambda path=path: load(path)
        return candidates

    def run_pdf_dialog(self, dialog: PdfExportDialog) -> PdfRequest | None:
        """Show the export dialog; tests replace this to fill it in without a modal loop."""
        return dialog.request() if dialog.exec() == QDialog.Accepted else None

    def choose_chart_file(self, suggested: str) -> Path | None:
        """Ask where to write the chart or a pack; the suggested name's suffix (.pdf, .png…) is the format."""
        suffix = Path(suggested).suffix.lower()
        words = EXPORT_FORMATS.get(suffix, suffix)
        name, _ = QFileDialog.getSaveFileName(self, f"Export {words}", suggested, f"{words} (*{suffix})")
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def export_pdf(self) -> None:
        from ..pdf.export import pdf_bytes
        from .pdfexport import PdfExportDialog
        from .pdfpages import page_count
        candidates = self.pack_candidates()
        selected = self.scene.selected_post_ids()
        dialog = PdfExportDialog(self.document.structure, candidates, self, selected[0] if selected else None,
                                 self.scene.view_state.folded)
        request = self.run_pdf_dialog(dialog)
        if request is None:
            return
        stem = self.document.path.stem if self.document.path else "structure"
        folder = self.document.path.parent if self.document.path else Path.home()  # beside the file it is of
        path = self.choose_chart_file(str(folder / f"{stem}{'-pack' if request.before else ''}{request.suffix}"))
        if path is None:
            return
        if request.suffix != ".pdf":
            self.export_chart(request, path)
            return
        progress = QProgressDialog("Writing the PDF…", "", 0, 100, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(400)

        def report(done: int, total: int) -> None:
            progress.setValue(int(100 * done / max(total, 1)))
            QApplication.processEvents()

        def make() -> bytes:
            before = candidates[request.before]() if request.before else None
            return pdf_bytes(self.document.structure, request.options, before, report)

        try:
            data = self._write_export(path, "PDF", make)
        finally:
            progress.close()
        if data is None:
            return
        self.statusBar().showMessage(f"Exported {path.name} ({page_count(data)} pages)", 6000)

    def export_chart(self, request: PdfRequest, path: Path) -> None:
        """Write the chart, or the part asked for, as a picture or slides."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = self._write_export(path, "chart", lambda: chart_bytes(
                self.document.structure, request.suffix, request.options, request.dpi, request.transparent))
        finally:
            QApplication.restoreOverrideCursor()
        if data is None:
            return
        self.statusBar().showMessage(f"Exported {path.name}: {chart_summary(request.suffix, data)}", 6000)

    def _write_export(self, path: Path, what: str, make: Callable[[], bytes]) -> bytes | None:
        """Make an export and write it atomically; None (and the problem shown) if either fails."""
        try:
            data = make()
            write_atomically(path, data)
        except (OSError, ValueError) as exc:
            self.show_error(f"Cannot export the {what}", f"{path}: {getattr(exc, 'strerror', None) or exc}")
            return None
        return data

    def copy_chart_image(self) -> None:
        """Put the selected post's branch (or the whole chart) on the clipboard as a picture."""
        from ..pdf.options import PdfOptions
        selected = self.scene.selected_post_ids()
        choice = ChartSelection(branch=selected[0]) if selected else ChartSelection()
        try:
            data = chart_bytes(self.document.structure, ".png", PdfOptions(selection=choice), COPY_DPI)
        except ValueError as exc:
            self.show_error("Cannot copy the chart", str(exc))
            return
        QGuiApplication.clipboard().setImage(QImage.fromData(data))
        what = f"the branch under {self.document.structure.posts[selected[0]].title}" if selected else "the chart"
        self.statusBar().showMessage(f"Copied {what} as a picture", 4000)

    def run_print_dialog(self, printer: QPrinter) -> bool:
        """Show the system print dialog; tests replace this."""
        return QPrintDialog(printer, self).exec() == QDialog.Accepted

    def print_chart(self) -> None:
        from ..pdf.export import PdfOptions, pdf_bytes
        from ..pdf.paper import Paper, PaperSize
        from .printing import print_pdf
        printer = QPrinter(QPrinter.HighResolution)
        printer.setPageOrientation(QPageLayout.Landscape)
        if not self.run_print_dialog(printer):
            return
        layout = printer.pageLayout()
        size = PaperSize.A3 if layout.pageSize().id() == QPageSize.A3 else PaperSize.A4
        paper = Paper(size, layout.orientation() == QPageLayout.Landscape)
        pages = print_pdf(printer, pdf_bytes(self.document.structure, PdfOptions(paper=paper)))
        self.statusBar().showMessage(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer", 6000)


def _findable(post: Post) -> str:
    """What the Find box looks through: the title, the post ID and the names of the people holding it."""
    return "\n".join([post.title, post.id, post.postholder or "", *post.co_holders]).lower()


def _steady_button(action: QAction) -> QToolButton:
    """A toolbar button for `action` that keeps one size. Undo's tooltip and Redo's state change with every
    edit, and a button the toolbar makes for an action has the toolbar, and so the whole window, laid out and
    repainted again at each change."""
    button = QToolButton()
    button.setDefaultAction(action)
    button.setAutoRaise(True)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setFixedSize(button.sizeHint())
    return button
