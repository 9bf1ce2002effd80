"""Autosave to a recovery file, and finding one after a crash.

Recovery files live in the application's data folder, one per document (named by a hash
of its path), so an autosave never touches the user's own file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from ..model import Scenarios, StructureFileError, load_scenarios, save_scenarios


@dataclass
class Recovered:
    scenarios: Scenarios
    when: str


class Recovery:
    def __init__(self, folder: Path | None = None) -> None:
        base = folder or Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)) / "recovery"
        self.folder = base

    def path_for(self, document_path: Path | None) -> Path:
        key = str(document_path.resolve()) if document_path else "untitled"
        return self.folder / f"{hashlib.sha1(key.encode()).hexdigest()[:16]}.orgd"

    def write(self, document_path: Path | None, scenarios: Scenarios) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        save_scenarios(scenarios, self.path_for(document_path))

    def discard(self, document_path: Path | None) -> None:
        self.path_for(document_path).unlink(missing_ok=True)

    def newer_than(self, document_path: Path) -> Recovered | None:
        """The recovery file for a document, if there is one newer than the document itself."""
        candidate = self.path_for(document_path)
        if not candidate.exists():
            return None
        if document_path.exists() and candidate.stat().st_mtime <= document_path.stat().st_mtime:
            return None
        try:
            scenarios = load_scenarios(candidate)
        except StructureFileError:
            return None
        when = datetime.fromtimestamp(candidate.stat().st_mtime).strftime("%d %b %Y at %H:%M")
        return Recovered(scenarios, when)
