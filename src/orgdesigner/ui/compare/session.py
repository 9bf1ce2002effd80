"""Which two structures are compared, kept up to date as the user edits and switches scenarios.

The "after" is the structure shown; the "before" is the one the user chose to compare with: a
scenario of the open file (editable: show it, edit it, and the comparison follows) or the
baseline of another file (read only). While the before scenario itself is shown, the after
stays the scenario shown last. Edits are gathered for ~100 ms and compared once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ...analysis import Analysis
from ...analysis.basis import Basis
from ...model import Change, Structure
from ..document import Document
from .result import ComparisonResult, compare_structures

DEBOUNCE_MS = 100


class CompareSession(QObject):
    updated = Signal()
    """A new comparison is ready (or, with `result` None, comparing stopped)."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.before: Structure | None = None
        self.before_file: Path | None = None
        """The file the before came from, when it is not a scenario of the open file."""
        self._after: Structure | None = None
        self.result: ComparisonResult | None = None
        self.basis = Basis.AFTER
        """The basis both structures are costed on (the Finance dock's choice)."""
        self._analyses: dict[int, tuple[Structure, Analysis]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        document.changed.connect(self._on_change)
        document.replaced.connect(self._on_document)
        document.scenarios_changed.connect(self._on_document)

    # ----- the pair ----------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self.before is not None

    @property
    def after(self) -> Structure | None:
        return self._after

    @property
    def before_label(self) -> str:
        if self.before is None:
            return ""
        if self.before_file is not None:
            return f"{self.before.scenario} ({self.before_file.name})" if self.before.scenario else self.before_file.name
        return self.before.scenario

    @property
    def before_shown(self) -> bool:
        return self.before is not None and self.before is self.document.structure

    def start(self, before: Structure, from_file: Path | None = None) -> None:
        """Compare the structure shown with `before` (a scenario of the open file, or from `from_file`)."""
        self.before, self.before_file = before, from_file
        self._after = self.document.structure
        self._analyses.clear()
        self.refresh()

    def stop(self) -> None:
        self._timer.stop()
        self.before = self.before_file = self._after = None
        self.result = None
        self._analyses.clear()
        self.updated.emit()

    # ----- following the document --------------------------------------------------------

    def _on_change(self, _change: Change) -> None:
        self._analyses.pop(id(self.document.structure), None)
        if self.active:
            self._timer.start()

    def _on_document(self) -> None:
        if not self.active:
            return
        if self._keep_pair():
            self.refresh()
        else:
            self.stop()

    def _keep_pair(self) -> bool:
        """Follow the structure shown; False when the before or after has left the document."""
        scenarios = list(self.document.scenarios)
        shown = self.document.structure
        if self.before_file is None and not any(s is self.before for s in scenarios):
            return False
        if shown is not self.before:
            self._after = shown
            return True
        return any(s is self._after for s in scenarios)

    # ----- comparing ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Compare now (edits call this after the debounce)."""
        self._timer.stop()
        if self.before is None or self._after is None:
            return
        self.result = compare_structures(self.before, self._after, self._analysis(self.before),
                                         self._analysis(self._after), self.basis)
        self.updated.emit()

    def set_basis(self, basis: Basis) -> None:
        if basis is not self.basis:
            self.basis = basis
            self.refresh()

    def _analysis(self, structure: Structure) -> Analysis:
        """The live analysis of the structure shown, else one kept until that structure is edited."""
        if structure is self.document.structure:
            return self.document.analysis
        cached = self._analyses.get(id(structure))
        if cached is None or cached[0] is not structure:
            cached = (structure, Analysis(structure))
            self._analyses[id(structure)] = cached
        return cached[1]
