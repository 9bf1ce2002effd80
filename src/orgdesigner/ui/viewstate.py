"""What the canvas shows of the chart: the folded branches and the branch in focus.

A view setting, never an edit: folding is not on the undo stack and not in the file. It is remembered
per file (by the file's absolute path, in the window's settings), and the PDF export can read it from
`FoldState.folded` to print the chart as it is shown.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from ..analysis import Analysis
from ..layout import LayoutOptions
from ..model import Structure

SETTINGS_KEY = "view/folded_by_file"
REMEMBERED_FILES = 40
"""The most files whose folding is remembered; the least recently changed is forgotten first."""


class FoldMemory:
    """Each file's folded posts and focus, in the settings, keyed by the file's absolute path."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def _all(self) -> dict[str, dict]:
        try:
            value = json.loads(str(self.settings.value(SETTINGS_KEY, "{}")))
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def load(self, path: Path) -> tuple[frozenset[str], str | None]:
        entry = self._all().get(str(path.resolve()), {})
        folded = entry.get("folded", []) if isinstance(entry, dict) else []
        focus = entry.get("focus") if isinstance(entry, dict) else None
        return (frozenset(str(p) for p in folded if isinstance(p, str)),
                focus if isinstance(focus, str) else None)

    def save(self, path: Path, folded: frozenset[str], focus: str | None) -> None:
        entries = self._all()
        key = str(path.resolve())
        entries.pop(key, None)
        if folded or focus is not None:
            entries[key] = {"folded": sorted(folded), "focus": focus}
        while len(entries) > REMEMBERED_FILES:
            entries.pop(next(iter(entries)))
        self.settings.setValue(SETTINGS_KEY, json.dumps(entries))


class FoldState(QObject):
    """The folded posts (whose reports are not shown) and the post in focus (None: the whole chart)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folded: frozenset[str] = frozenset()
        self.focus: str | None = None
        self.memory: FoldMemory | None = None
        self._path: Path | None = None

    def layout_options(self, options: LayoutOptions) -> LayoutOptions:
        """`options` with this view's folding and focus."""
        if not self.folded and self.focus is None:
            return options
        return LayoutOptions(**{**options.__dict__, "folded": self.folded, "focus": self.focus})

    def open(self, path: Path | None) -> None:
        """The document now shows `path`: take up what was remembered for it (nothing for a new file).
        Called by the scene before it lays out a replaced document; announces nothing."""
        if path == self._path and path is not None:
            return  # another scenario of the same file keeps the view
        self._path = path
        if path is not None and self.memory is not None:
            self.folded, self.focus = self.memory.load(path)
        else:
            self.folded, self.focus = frozenset(), None

    def set(self, folded: frozenset[str], focus: str | None) -> None:
        if (folded, focus) == (self.folded, self.focus):
            return
        self.folded, self.focus = folded, focus
        if self._path is not None and self.memory is not None:
            self.memory.save(self._path, folded, focus)
        self.changed.emit()

    # ----- what the user asks for ---------------------------------------------------------

    def fold(self, post_ids: list[str]) -> None:
        self.set(self.folded | set(post_ids), self.focus)

    def unfold(self, post_ids: list[str]) -> None:
        self.set(self.folded - set(post_ids), self.focus)

    def toggle(self, post_id: str) -> None:
        (self.unfold if post_id in self.folded else self.fold)([post_id])

    def show_levels(self, levels: int, analysis: Analysis) -> None:
        """Show the top `levels` layers of each tree (within the focus, counted from it): the managers on
        the last shown layer are folded and nothing else is."""
        top = analysis.depth(self.focus) if self.focus is not None else 0
        last = (top or 0) + levels - 1
        structure = analysis.structure
        folded = frozenset(p for p in structure.posts if analysis.depth(p) == last and structure.reports_of(p))
        self.set(folded, self.focus)

    def show_all(self) -> None:
        self.set(frozenset(), self.focus)

    def focus_on(self, post_id: str | None) -> None:
        """Show only this post's branch (None: the whole chart); a folded post in focus is unfolded."""
        folded = self.folded - {post_id} if post_id is not None else self.folded
        self.set(folded, post_id)

    def reveal(self, post_ids: list[str], structure: Structure) -> None:
        """Unfold and, if need be, leave the focus, so that these posts are shown."""
        folded, focus = set(self.folded), self.focus
        for post_id in post_ids:
            if post_id not in structure.posts:
                continue
            chain = structure.chain_above(post_id)
            folded.difference_update(chain)
            if focus is not None and focus != post_id and focus not in chain:
                focus = None
        self.set(frozenset(folded), focus)
