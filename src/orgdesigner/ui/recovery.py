"""Autosave to a recovery file, and finding one after a crash.

Recovery files live in the application's data folder, never beside the user's own file. Each
window owns its own pair, named by its process id and a random window id:
``PID-WINDOW.orgd`` (the scenarios as last autosaved) and ``PID-WINDOW.json`` (its index entry:
the original file's full path, or null for an untitled document). So two windows never write or
delete each other's files, and a window deletes its own only after a successful save or when its
changes are discarded (a new document, a declined restore, closing without saving).

A window that crashed leaves its pair behind. It is found by the original path (when that file is
opened, from File ▸ Open or `orgdesigner FILE`), or as "untitled" (when a window starts without a
file), and only once its window is gone: its process has ended, or (for a window of this
process) it has been closed. A recovery the user restores is adopted by the new window and deleted
with its own files; one the user declines is deleted at once.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QStandardPaths

from ..model import Scenarios, StructureFileError, load_scenarios, save_scenarios
from ..model.fileformat import write_atomically


@dataclass
class Recovered:
    scenarios: Scenarios
    when: str
    file: Path
    """The recovery file it was read from."""


class Recovery:
    _open: ClassVar[set[str]] = set()
    """Owners of this process's windows that are still open: their files are not offered to others."""

    def __init__(self, folder: Path | None = None) -> None:
        base = folder or Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)) / "recovery"
        self.folder = base
        self.owner = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.adopted: list[Path] = []
        """Recovery files of crashed windows whose changes this window restored."""
        Recovery._open.add(self.owner)

    @property
    def own_file(self) -> Path:
        return self.folder / f"{self.owner}.orgd"

    def write(self, document_path: Path | None, scenarios: Scenarios) -> None:
        """Autosave SCENARIOS (the document at DOCUMENT_PATH, or untitled) to this window's file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        save_scenarios(scenarios, self.own_file)
        entry = {"original": str(document_path.resolve()) if document_path else None, "pid": os.getpid()}
        write_atomically(self.own_file.with_suffix(".json"), json.dumps(entry) + "\n")

    def discard(self) -> None:
        """Delete this window's recovery file and those it adopted: the changes were saved or discarded."""
        for file in [self.own_file, *self.adopted]:
            file.unlink(missing_ok=True)
            file.with_suffix(".json").unlink(missing_ok=True)
        self.adopted.clear()

    def close(self) -> None:
        """The window is closing: discard its files and stop counting it as open."""
        self.discard()
        Recovery._open.discard(self.owner)

    def adopt(self, recovered: Recovered) -> None:
        """Keep RECOVERED's file until this window saves or discards the changes restored from it."""
        self.adopted.append(recovered.file)

    def newer_than(self, document_path: Path | None) -> Recovered | None:
        """The newest recovery left by a crashed window for the document at DOCUMENT_PATH (None: an
        untitled document), if it is newer than the document itself."""
        key = str(document_path.resolve()) if document_path else None
        found: list[tuple[float, Path]] = []
        for entry in self._entries():
            original, data = entry
            if original != key:
                continue
            try:
                when = data.stat().st_mtime
            except OSError:
                continue
            if document_path is not None and document_path.exists() and when <= document_path.stat().st_mtime:
                continue
            found.append((when, data))
        for when, data in sorted(found, reverse=True):
            try:
                scenarios = load_scenarios(data)
            except StructureFileError:
                continue
            return Recovered(scenarios, datetime.fromtimestamp(when).strftime("%d %b %Y at %H:%M"), data)
        return None

    def forget(self, recovered: Recovered) -> None:
        """Delete a crashed window's recovery the user chose not to restore."""
        recovered.file.unlink(missing_ok=True)
        recovered.file.with_suffix(".json").unlink(missing_ok=True)

    def _entries(self) -> list[tuple[str | None, Path]]:
        """(original path or None, recovery file) for each recovery whose window is gone."""
        entries: list[tuple[str | None, Path]] = []
        try:
            indexes = sorted(self.folder.glob("*.json"))
        except OSError:
            return entries
        for index in indexes:
            owner = index.stem
            if owner == self.owner or Path(index.with_suffix(".orgd")) in self.adopted or _still_open(owner):
                continue
            try:
                entry = json.loads(index.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            original = entry.get("original") if isinstance(entry, dict) else None
            if original is None or isinstance(original, str):
                entries.append((original, index.with_suffix(".orgd")))
        return entries


def _still_open(owner: str) -> bool:
    """True while the window that owns these files is open (in this process, or in another that runs)."""
    pid_text = owner.split("-", 1)[0]
    if not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return owner in Recovery._open
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it runs, under another user
        return True
    return True
