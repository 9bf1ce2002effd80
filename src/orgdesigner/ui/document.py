"""The open document: every scenario of the file, the one shown, its live analysis and undo stacks.

Each scenario has its own undo stack in one QUndoGroup; showing a scenario makes its stack
the active one, so Undo never reaches into a scenario that is not on screen. The document
turns the shown structure's change notifications into Qt signals, after the analysis has
caught up, so every view (canvas, docks) refreshes from figures that are already current.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from ..analysis import Analysis, RuleSet
from ..editing import Edit, edit_structure
from ..heap import freeze_shown
from ..model import (Change, ChangeKind, EditRefused, Scenarios, Structure, UnknownScenario, coalesce,
                     dumps_scenarios, loads_scenarios)
from ..model.fileformat import write_atomically
from ..sharing import DiskState, check_unchanged, load_with_state, snapshot
from .undo import EditCommand

FILE_FILTER = "OrgDesigner structures (*.orgd);;All files (*)"
"""What the open, save and compare dialogs offer."""


class Document(QObject):
    """The open file as the window sees it: every scenario, the one shown, its `Analysis` and undo stacks.

    The bridge between the Qt-free model and the widgets: `execute(edit)` applies an
    `orgdesigner.editing` edit through the shown scenario's undo stack (a refusal is emitted as
    `refused`, never raised), and each `Change` the structure announces is applied to the analysis
    first and then re-emitted as `changed`, so the scene and docks refresh from current figures.
    """

    changed = Signal(object)
    """A Change, after the analysis has applied it; the changes of one edit come once the whole edit is made,
    each run of one kind coalesced into one Change (see `batched`)."""
    replaced = Signal()
    """A different structure is shown: a file was opened, a new one started, or another scenario chosen."""
    refused = Signal(str)
    """An edit was refused; the text says why."""
    path_changed = Signal()
    scenarios_changed = Signal()
    """Scenarios were added, removed or renamed, the baseline moved, or another scenario is shown."""
    modified_changed = Signal()
    closing = Signal()
    """The window is closing the document (its lock on the file goes)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_group = QUndoGroup(self)
        self.path: Path | None = None
        self._stacks: dict[int, QUndoStack] = {}
        """Each scenario's undo stack, by the id() of its structure (structures are not hashable)."""
        self._scenarios_edited = False
        """Scenarios added or removed, or the baseline moved, since the file was opened or saved."""
        self.disk: DiskState | None = None
        """The file as it was last read or written, to tell whether someone else saved it since."""
        self.loaded: bytes | None = None
        """That file's bytes: the base of a three-way merge with someone else's save."""
        self.read_only = False
        """Opened read-only (someone else has it open): Save writes only to another name."""
        self._held: list[Change] | None = None
        """Changes announced inside `batched`, held back from `changed` until it ends."""
        self.scenarios = Scenarios.single(Structure(name="Untitled structure"))
        self.structure = self.scenarios.baseline
        self.analysis = Analysis(self.structure)
        self.structure.subscribe(self._on_change)
        self._add_stack(self.structure)
        self.undo_group.setActiveStack(self.undo_stack)

    # ----- files -------------------------------------------------------------------------

    def set_structure(self, structure: Structure, path: Path | None) -> None:
        """Show a file of one scenario (an unnamed structure is held as a copy named 'Current')."""
        self.set_scenarios(Scenarios.single(structure), path)

    def set_scenarios(self, scenarios: Scenarios, path: Path | None, shown: str | None = None) -> None:
        """Replace every scenario and show `shown` (default: the baseline). Raises ValueError (a scenario's
        settings name an unknown rule) or UnknownScenario and leaves the document as it was."""
        for structure in scenarios:
            try:
                RuleSet.for_settings(structure.settings)
            except ValueError as exc:
                raise ValueError(f"scenario {structure.scenario!r}: {exc}") from None
        target = scenarios.baseline if shown is None else scenarios.get(shown)
        analysis = Analysis(target)
        old_stacks = list(self._stacks.values())
        self._stacks = {}
        for structure in scenarios:
            self._add_stack(structure)
        if path != self.path:
            self.disk, self.loaded, self.read_only = None, None, False
        self.scenarios, self.path, self._scenarios_edited = scenarios, path, False
        self._show(target, analysis)
        for stack in old_stacks:
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self.replaced.emit()
        self.scenarios_changed.emit()
        self.path_changed.emit()
        self.modified_changed.emit()
        freeze_shown()

    def open(self, path: Path) -> None:
        """Open a file; raises StructureFileError (or ValueError) and leaves the document as it was."""
        scenarios, data, state = load_with_state(path)
        try:
            self.set_scenarios(scenarios, path)
        except ValueError as exc:
            raise ValueError(f"{path}: {exc}") from None
        self.disk, self.loaded = state, data

    def base_scenarios(self) -> Scenarios | None:
        """The file as it was read (or last saved), read afresh: the base of a merge; None for a new document."""
        return None if self.loaded is None else loads_scenarios(self.loaded.decode("utf-8"), str(self.path))

    def take_merge(self, scenarios: Scenarios, base: tuple[bytes, DiskState] | None = None) -> None:
        """Show a merge's result, unsaved, keeping the scenario shown; `base`: the file it now builds on
        (theirs, when merging someone else's save of this file)."""
        shown = self.structure.scenario if self.structure.scenario in scenarios.names else None
        self.set_scenarios(scenarios, self.path, shown)
        if base is not None:
            self.loaded, self.disk = base
        self._scenarios_edited_now()

    def close(self) -> None:
        self.closing.emit()

    def save(self, path: Path | None = None) -> None:
        """Write every scenario; raises OSError, EditRefused while two scenarios share a name or over a file
        opened read-only, or FileChangedOnDisk (writing nothing) when someone else saved the file since."""
        target = path or self.path
        if target is None:
            raise ValueError("the document has no file name yet")
        content = dumps_scenarios(self.scenarios).encode("utf-8")
        if target == self.path and self.read_only:
            raise EditRefused("it was opened read-only; save it under another name")
        if target == self.path and self.disk is not None:
            check_unchanged(self.disk)
        write_atomically(target, content)
        self.loaded, self.disk, self.read_only = content, snapshot(target), False
        for stack in self._stacks.values():
            stack.setClean()
        self._scenarios_edited = False
        self.modified_changed.emit()
        if target != self.path:
            self.path = target
            self.path_changed.emit()

    @property
    def undo_stack(self) -> QUndoStack:
        """The undo stack of the scenario shown."""
        return self._stacks[id(self.structure)]

    @property
    def modified(self) -> bool:
        return self._scenarios_edited or any(not stack.isClean() for stack in self._stacks.values())

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else self.structure.name or "Untitled"

    # ----- scenarios ---------------------------------------------------------------------

    def switch_scenario(self, name: str) -> bool:
        """Show another scenario, as opening a file does (canvas and docks rebuilt)."""
        try:
            target = self.scenarios.get(name)
        except UnknownScenario as exc:
            self.refuse(str(exc))
            return False
        if target is not self.structure:
            self._show(target, Analysis(target))  # every scenario's rules were checked when it was opened
            self.replaced.emit()
            self.scenarios_changed.emit()
            freeze_shown()
        return True

    def add_scenario(self, name: str) -> bool:
        """Add a copy of the scenario shown, named `name`, and show it."""
        try:
            copy = self.scenarios.add(name, copy_of=self.structure.scenario)
        except EditRefused as exc:
            self.refuse(str(exc))
            return False
        self._add_stack(copy)
        self._scenarios_edited_now()
        return self.switch_scenario(copy.scenario)

    def add_imported_scenario(self, structure: Structure) -> bool:
        """Add `structure` (an imported table) as a new scenario under its own name, and show it."""
        try:
            self.scenarios.append(structure)
        except EditRefused as exc:
            self.refuse(str(exc))
            return False
        self._add_stack(structure)
        self._scenarios_edited_now()
        return self.switch_scenario(structure.scenario)

    def rename_scenario(self, name: str) -> bool:
        """Rename the scenario shown; an edit on its undo stack like any other."""
        old = self.structure.scenario
        try:
            name = self.scenarios.check_name(name, renaming=self.structure)
        except EditRefused as exc:
            self.refuse(str(exc))
            return False
        if name == old:
            return True
        return self.execute(edit_structure(self.structure, text=f"Rename scenario '{old}' to '{name}'", scenario=name))

    def remove_scenario(self, name: str) -> bool:
        """Remove a scenario (never the last); if it is shown, the one before it is shown instead."""
        try:
            target = self.scenarios.get(name)
            index = [s is target for s in self.scenarios].index(True)
            self.scenarios.remove(name)
        except (EditRefused, UnknownScenario) as exc:
            self.refuse(str(exc))
            return False
        stack = self._stacks.pop(id(target))
        if target is self.structure:
            neighbour = list(self.scenarios)[max(0, index - 1)]
            self._show(neighbour, Analysis(neighbour))
            self.replaced.emit()
            freeze_shown()
        self.undo_group.removeStack(stack)
        stack.deleteLater()
        self._scenarios_edited_now()
        return True

    def set_baseline(self, name: str) -> bool:
        try:
            self.scenarios.set_baseline(name)
        except UnknownScenario as exc:
            self.refuse(str(exc))
            return False
        self._scenarios_edited_now()
        return True

    def _add_stack(self, structure: Structure) -> None:
        stack = QUndoStack(self)
        stack.cleanChanged.connect(self.modified_changed)
        self.undo_group.addStack(stack)
        self._stacks[id(structure)] = stack

    def _show(self, structure: Structure, analysis: Analysis) -> None:
        self.structure.unsubscribe(self._on_change)
        self.structure, self.analysis = structure, analysis
        structure.subscribe(self._on_change)
        self.undo_group.setActiveStack(self.undo_stack)

    def _scenarios_edited_now(self) -> None:
        self._scenarios_edited = True
        self.scenarios_changed.emit()
        self.modified_changed.emit()

    # ----- edits -------------------------------------------------------------------------

    def execute(self, edit: Edit) -> bool:
        """Apply an edit and put it on the undo stack; a refused edit says why and changes nothing."""
        command = EditCommand(edit, self.batched)
        try:
            command.apply()
        except EditRefused as exc:
            self.refused.emit(str(exc))
            return False
        problem = self.scenarios.problem()  # the scenario's name is a detail any edit may change
        if problem is not None:
            command.undo()
            self.refused.emit(f"{problem}; each scenario needs a name of its own")
            return False
        self.undo_stack.push(command)
        return True

    def perform(self, build: Callable[[], Edit]) -> bool:
        """Work out an edit and execute it, for actions whose inputs may be refused (ValueError) before
        there is an edit (a rota that cannot be generated); edits themselves are refused by `execute`."""
        try:
            edit = build()
        except ValueError as exc:
            self.refused.emit(str(exc))
            return False
        return self.execute(edit)

    def refuse(self, message: str) -> None:
        self.refused.emit(message)

    @contextmanager
    def batched(self) -> Iterator[None]:
        """Hold back `changed` while an edit is made or undone: the analysis follows every change at once (so
        its figures stay exact), the views hear of them once the edit is whole, coalesced by `coalesce`."""
        if self._held is not None:  # already inside a batch
            yield
            return
        self._held = []
        try:
            yield
        except BaseException:
            self._held = None  # a refused edit leaves the structure as it was: the views have nothing to follow
            raise
        held, self._held = self._held, None
        posts = self.structure.posts
        for change in coalesce(held):
            if change.kind in (ChangeKind.POST_ADDED, ChangeKind.POST_CHANGED) and not change.posts <= posts.keys():
                present = frozenset(p for p in change.posts if p in posts)  # the rest were removed later on
                if not present:
                    continue
                change = replace(change, posts=present)
            self._announce(change)

    def _on_change(self, change: Change) -> None:
        self.analysis.apply(change)
        if self._held is not None:
            self._held.append(change)
        else:
            self._announce(change)

    def _announce(self, change: Change) -> None:
        self.changed.emit(change)
        if change.kind is ChangeKind.DETAILS_CHANGED and "scenario" in change.fields:
            self.scenarios_changed.emit()
