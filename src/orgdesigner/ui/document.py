"""The open document: the structure, its live analysis, its file and its undo stack.

It turns the model's change notifications into Qt signals, after the analysis has caught
up, so every view (canvas, docks) refreshes from figures that are already current.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from pydantic import ValidationError

from ..analysis import Analysis
from ..model import Change, EditRefused, Structure, load, save
from ..model.fileformat import describe_validation_error
from .commands import ModelCommand


class Document(QObject):
    changed = Signal(object)
    """A Change, after the analysis has applied it."""
    replaced = Signal()
    """A different structure was loaded (or a new one started)."""
    refused = Signal(str)
    """An edit was refused; the text says why."""
    path_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.path: Path | None = None
        self.structure = Structure(name="Untitled structure")
        self.analysis = Analysis(self.structure)
        self.structure.subscribe(self._on_change)

    # ----- files -------------------------------------------------------------------------

    def set_structure(self, structure: Structure, path: Path | None) -> None:
        """Replace the open structure (the analysis is rebuilt before anyone hears of it)."""
        analysis = Analysis(structure)  # may raise (an unknown rule in the file's settings)
        self.structure.unsubscribe(self._on_change)
        self.structure, self.analysis = structure, analysis
        structure.subscribe(self._on_change)
        self.undo_stack.clear()
        self.path = path
        self.replaced.emit()
        self.path_changed.emit()

    def open(self, path: Path) -> None:
        """Open a file; raises StructureFileError (or ValueError) and leaves the document as it was."""
        structure = load(path)
        try:
            self.set_structure(structure, path)
        except ValueError as exc:
            raise ValueError(f"{path}: {exc}") from None

    def save(self, path: Path | None = None) -> None:
        target = path or self.path
        if target is None:
            raise ValueError("the document has no file name yet")
        save(self.structure, target)
        self.undo_stack.setClean()
        if target != self.path:
            self.path = target
            self.path_changed.emit()

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else self.structure.name or "Untitled"

    # ----- edits -------------------------------------------------------------------------

    def execute(self, command: ModelCommand) -> bool:
        """Apply a command and put it on the undo stack; a refused edit says why and changes nothing."""
        try:
            command.apply()
        except EditRefused as exc:
            self.refused.emit(str(exc))
            return False
        except ValidationError as exc:
            self.refused.emit(describe_validation_error(exc, {}))
            return False
        self.undo_stack.push(command)
        return True

    def perform(self, build: Callable[[], ModelCommand]) -> bool:
        """Build a command and execute it; a command that cannot even be built is refused too."""
        try:
            command = build()
        except ValueError as exc:
            self.refused.emit(str(exc))
            return False
        return self.execute(command)

    def refuse(self, message: str) -> None:
        self.refused.emit(message)

    def _on_change(self, change: Change) -> None:
        self.analysis.apply(change)
        self.changed.emit(change)
