"""The open file as others see it: our lock beside it, and a watch for someone else saving it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ...sharing import FileLock, acquire, changed_since
from ..document import Document

REWATCH_MS = 250
"""How soon to look again for a file an editor replaced (deleted, then wrote anew)."""


class SharedFile(QObject):
    changed_on_disk = Signal(Path)
    """The open file's content on disk is no longer what the document read or wrote."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.lock: FileLock | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)

    def take(self, path: Path) -> FileLock:
        """Lock and watch `path` (a lock we hold on it already is kept); LockHeld or OSError when it cannot
        be locked, and then it is watched all the same."""
        self.watch(path)
        if self.lock is not None and self.lock.path == path:
            return self.lock
        self.release()
        self.lock = acquire(path)
        return self.lock

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def watch(self, path: Path | None) -> None:
        files = self.watcher.files()
        if files and (path is None or files != [str(path)]):
            self.watcher.removePaths(files)
        if path is not None and path.exists() and str(path) not in self.watcher.files():
            self.watcher.addPath(str(path))

    def _file_changed(self, name: str) -> None:
        path = Path(name)
        if path != self.document.path:
            return
        if not path.exists():  # replaced by delete-and-write: watch the new file once it is there
            QTimer.singleShot(REWATCH_MS, lambda: self._file_changed(name) if path.exists() else None)
            return
        if name not in self.watcher.files():  # replaced by a rename over it
            self.watcher.addPath(name)
        if self.document.disk is not None and changed_since(self.document.disk):
            self.changed_on_disk.emit(path)

