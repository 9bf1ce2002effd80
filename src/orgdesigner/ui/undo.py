"""The one Qt undo command: an edit from `orgdesigner.editing` on a QUndoStack.

`Document.execute` applies the edit before pushing its command, so an edit the model refuses
never reaches the undo stack; the command's first `redo` (called by the push) is therefore
skipped. After that, undo reverts the edit and redo applies it again.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from PySide6.QtGui import QUndoCommand

from ..editing import Edit


class EditCommand(QUndoCommand):
    """Redo applies an `orgdesigner.editing.Edit`, undo reverts it (see the module docstring)."""

    def __init__(self, edit: Edit, batched: Callable[[], AbstractContextManager[object]] = nullcontext) -> None:
        """`batched`: the context in which the edit is applied or reverted (the document's, which announces
        the edit's changes to the views in one round)."""
        super().__init__()
        self.edit = edit
        self._batched = batched
        self._skip_redo = False

    def apply(self) -> None:
        """Apply the edit now (raises EditRefused); the text is known once it is."""
        with self._batched():
            self.edit.apply()
        self.setText(self.edit.text)
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False  # already applied by Document.execute
            return
        with self._batched():
            self.edit.apply()

    def undo(self) -> None:
        with self._batched():
            self.edit.revert()
