"""Working together on one file: who has it open (lock files), someone else's save noticed and never
overwritten (merge, save under another name, or reload), File ▸ Merge Changes from File…, and the
Conflicts dock where a merge's open conflicts are resolved.

The questions (`offer_lock_choice`, `ask_changed_choice`, `choose_merge_file`, `choose_save_name`) are
methods so that tests answer them without a modal loop.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from ...model import EditRefused, Scenarios, StructureFileError, load_scenarios
from ...sharing import DiskState, LockHeld, LockInfo, MergeResult, load_with_state, merge_scenarios
from ..document import FILE_FILTER
from ..feature import ActionSpec, DockSpec, FeatureParts, MenuSpec, WindowHost
from .conflicts_panel import ConflictsPanel
from .shared_file import SharedFile


class LockChoice(Enum):
    READ_ONLY = "read-only"
    ANYWAY = "anyway"


class ChangedChoice(Enum):
    MERGE = "merge"
    SAVE_AS = "save as"
    RELOAD = "reload"
    CANCEL = "cancel"


class SharingFeature:
    DOCKS: ClassVar[tuple[DockSpec, ...]] = (
        DockSpec("conflicts", "Conflicts", Qt.DockWidgetArea.BottomDockWidgetArea, tab_with="findings",
                 in_view_menu=True, hidden=True),)
    MENU: ClassVar[MenuSpec | None] = None
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = (
        ActionSpec("merge_from_file", "&Merge Changes from File…",
                   "Combine the changes made in another copy of this file with yours (three-way merge)"),)

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self.document = host.document
        self.panel = ConflictsPanel(self.document)
        self.shared = SharedFile(self.document, host.dialog_parent())
        self.shared.changed_on_disk.connect(self._changed_on_disk)
        self.document.path_changed.connect(self._path_changed)
        self.document.closing.connect(self.shared.release)
        self.document.replaced.connect(self._show_conflicts_if_any)

    def contents(self) -> Mapping[str, QWidget]:
        return {"conflicts": self.panel}

    def attach(self, parts: FeatureParts) -> None:
        self.dock = parts.docks["conflicts"]
        self.merge_action = parts.actions["merge_from_file"]
        self.merge_action.triggered.connect(self.merge_from_file)
        file_menu = self.host.dialog_parent().findChild(QMenu, "file_menu")
        if file_menu is not None:
            separators = [a for a in file_menu.actions() if a.isSeparator()]  # after Save and Save As
            if len(separators) > 1:
                file_menu.insertAction(separators[1], self.merge_action)
            else:
                file_menu.addAction(self.merge_action)
        self.panel.posts_chosen.connect(self.host.select_and_centre)

    # ----- locks and changes on disk ----------------------------------------------------------------

    def _path_changed(self) -> None:
        path = self.document.path
        if path is None:
            self.shared.release()
            self.shared.watch(None)
            return
        try:
            lock = self.shared.take(path)
        except LockHeld as exc:
            self._opened_in_use(exc.holder)
            return
        except OSError as exc:  # a read-only folder: open without a lock
            self._note(f"{path.name}: no lock file written ({exc.strerror or exc}); others opening "
                       "it will not be told you have it open", 10000)
            return
        if lock.replaced is not None:
            self._note(f"Ignored a stale lock on {path.name} left by {lock.replaced.describe()}", 10000)

    def _note(self, message: str, msecs: int = 0) -> None:
        """A status message about the file just opened, shown after the window's own "Opened …"."""
        QTimer.singleShot(0, self.host.dialog_parent(), lambda: self.host.show_status(message, msecs))

    def _opened_in_use(self, holder: LockInfo) -> None:
        """Opened although someone holds the lock: say so, and offer read-only without blocking the window."""
        path = self.document.path
        assert path is not None
        self._note(f"Opened {path.name} although {holder.describe()} has it open; if they save first, saving "
                   "offers to merge their changes with yours", 0)

        def answer(choice: LockChoice) -> None:
            if choice is LockChoice.READ_ONLY and self.document.path == path:
                self.document.read_only = True
                self._note(f"Opened {path.name} read-only: {holder.describe()} has it open. Save As keeps "
                           "your changes under another name.", 0)

        self.offer_lock_choice(path, holder, answer)

    def offer_lock_choice(self, path: Path, holder: LockInfo, answer: Callable[[LockChoice], None]) -> None:
        """Ask (without a modal loop) whether to keep a file someone else has open read-only; `answer` gets
        the choice. Tests replace this."""
        box = QMessageBox(QMessageBox.Icon.Information, "File in use",
                          f"{path.name} is open by {holder.describe()}.\n\nKeep it read-only, or edit it anyway "
                          "(if you both save, the second save offers to merge the changes)?",
                          parent=self.host.dialog_parent())
        read_only = box.addButton("&Read-Only", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Edit &Anyway", QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda button: answer(LockChoice.READ_ONLY if button is read_only
                                                        else LockChoice.ANYWAY))
        box.open()

    def _changed_on_disk(self, path: Path) -> None:
        self.host.show_status(f"{path.name} changed on disk: someone else saved it. Saving will offer to merge "
                              "their changes with yours.", 0)

    # ----- saving over someone else's save ------------------------------------------------------------

    def save_over_changes(self) -> bool:
        """The document's file changed on disk since it was read: merge, save under another name, or reload.
        True when the document ends up saved."""
        path = self.document.path
        assert path is not None
        choice = self.ask_changed_choice(path)
        if choice is ChangedChoice.MERGE:
            return self.merge_from_disk()
        if choice is ChangedChoice.SAVE_AS:
            target = self.choose_save_name(path)
            return target is not None and self._save(target)
        if choice is ChangedChoice.RELOAD:
            try:
                self.document.open(path)
            except (StructureFileError, ValueError) as exc:
                self.host.show_error("Cannot reload the file", str(exc))
                return False
            self.host.show_status(f"Reloaded {path.name}: their version; your changes were discarded", 8000)
        return False

    def ask_changed_choice(self, path: Path) -> ChangedChoice:
        box = QMessageBox(QMessageBox.Icon.Warning, "Changed on disk",
                          f"Someone else saved {path.name} after you opened it. Saving now would overwrite "
                          "their changes, so it was not saved.", parent=self.host.dialog_parent())
        roles = QMessageBox.ButtonRole
        buttons: dict[object, ChangedChoice] = {
            box.addButton("&Merge Their Changes", roles.AcceptRole): ChangedChoice.MERGE,
            box.addButton("Save Mine &As…", roles.ActionRole): ChangedChoice.SAVE_AS,
            box.addButton("&Reload Theirs", roles.DestructiveRole): ChangedChoice.RELOAD,
            box.addButton(QMessageBox.StandardButton.Cancel): ChangedChoice.CANCEL}
        box.exec()
        return buttons.get(box.clickedButton(), ChangedChoice.CANCEL)

    def choose_save_name(self, path: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.host.dialog_parent(), "Save your version as",
                                              str(path.with_name(f"{path.stem} (mine){path.suffix}")), FILE_FILTER)
        return Path(name) if name else None

    def merge_from_disk(self) -> bool:
        """Merge the saved file (theirs) with the document (ours) over the file as it was read (base); save
        at once when nothing collides, else show the conflicts and leave saving to the user."""
        path = self.document.path
        assert path is not None
        base = self.document.base_scenarios()
        try:
            theirs, data, state = load_with_state(path)
        except StructureFileError as exc:
            self.host.show_error("Cannot merge their changes", str(exc))
            return False
        assert base is not None, "a document that checks the disk remembers what it read"
        result = self._merge(base, theirs, (data, state))
        if result.conflicts:
            return False
        return self._save(path)

    # ----- merging a chosen file ----------------------------------------------------------------------

    def merge_from_file(self) -> bool:
        """File ▸ Merge Changes from File…: the changes a copy of this file made, merged into the document
        over the file as it was opened."""
        base = self.document.base_scenarios()
        if base is None:
            self.host.show_error("Cannot merge", "Save the structure first: the merge combines the changes made "
                                                 "since the file was opened or saved.")
            return False
        path = self.choose_merge_file()
        if path is None:
            return False
        try:
            theirs = load_scenarios(path)
        except StructureFileError as exc:
            self.host.show_error("Cannot merge the file", str(exc))
            return False
        self._merge(base, theirs, None, path.name)
        return True

    def choose_merge_file(self) -> Path | None:
        start = str(self.document.path.parent) if self.document.path else str(Path.cwd())
        name, _ = QFileDialog.getOpenFileName(self.host.dialog_parent(), "Merge changes from", start, FILE_FILTER)
        return Path(name) if name else None

    def _merge(self, base: Scenarios, theirs: Scenarios, new_base: tuple[bytes, DiskState] | None,
               source: str = "") -> MergeResult:
        result = merge_scenarios(base, self.document.scenarios, theirs)
        self.document.take_merge(result.scenarios, new_base)
        count = len(result.conflicts)
        where = f" from {source}" if source else ""
        if count:
            self.dock.show()
            self.dock.raise_()
            self.host.show_status(f"Merged their changes{where} with yours: {count} conflict{'s' if count != 1 else ''}"
                                  " to resolve in the Conflicts dock (ours is kept until you choose)", 0)
        else:
            self.host.show_status(f"Merged their changes{where} with yours: no conflicts", 8000)
        return result

    def _save(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except (OSError, EditRefused) as exc:
            self.host.show_error("Cannot save the file", f"{path}: {getattr(exc, 'strerror', None) or exc}")
            return False
        self.host.show_status(f"Saved {path.name}", 6000)
        return True

    def _show_conflicts_if_any(self) -> None:
        if self.document.structure.conflicts and hasattr(self, "dock"):
            self.dock.show()
