"""What a file on disk was when it was read, to tell whether someone changed it since.

Size and modification time are remembered with a SHA-256 of the content; the content decides:
a file touched but unchanged (a sync client, a copy that keeps the bytes) is not "changed",
and a change within the file system's time granularity is still caught.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..model import Scenarios, StructureFileError, loads_scenarios
from ..model.fileformat import write_atomically


class FileChangedOnDisk(Exception):
    """A file changed on disk since it was read; the message names it and says what to do."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: changed on disk since it was read (someone else saved it?); "
                         "not overwritten — read it again, or write to another name")
        self.path = path


@dataclass(frozen=True)
class DiskState:
    """A file as it was read; `exists` False for a file that was not there (a new output)."""

    path: Path
    exists: bool
    size: int = 0
    mtime_ns: int = 0
    sha256: str = ""


def read_with_state(path: str | os.PathLike[str]) -> tuple[bytes, DiskState]:
    """The file's bytes and its state, from one open handle (no gap between reading and measuring)."""
    path = Path(path)
    with open(path, "rb") as handle:
        data = handle.read()
        status = os.fstat(handle.fileno())
    return data, DiskState(path, True, len(data), status.st_mtime_ns, hashlib.sha256(data).hexdigest())


def snapshot(path: str | os.PathLike[str]) -> DiskState:
    """The file's state now; a missing file gives a state that says so."""
    try:
        return read_with_state(path)[1]
    except FileNotFoundError:
        return DiskState(Path(path), False)


def changed_since(state: DiskState) -> bool:
    """Whether the file is not what `state` remembers: created, deleted, or its content changed."""
    now = snapshot(state.path)
    if now.exists != state.exists:
        return True
    return now.exists and (now.size != state.size or now.sha256 != state.sha256)


def check_unchanged(state: DiskState) -> None:
    """Raise FileChangedOnDisk if the file changed since `state` (call just before overwriting it)."""
    if changed_since(state):
        raise FileChangedOnDisk(state.path)


def load_with_state(path: str | os.PathLike[str]) -> tuple[Scenarios, bytes, DiskState]:
    """A structure file's scenarios, its bytes (to parse again as a merge's base) and its state.

    Every problem is a StructureFileError naming the file.
    """
    path = Path(path)
    try:
        data, state = read_with_state(path)
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise StructureFileError(str(path), "no such file") from None
    except IsADirectoryError:
        raise StructureFileError(str(path), "this is a folder, not a structure file") from None
    except UnicodeDecodeError:
        raise StructureFileError(str(path), "not a text file (it is not UTF-8)") from None
    except OSError as exc:
        raise StructureFileError(str(path), exc.strerror or str(exc)) from None
    return loads_scenarios(text, str(path)), data, state


def write_if_unchanged(state: DiskState, content: str | bytes) -> DiskState:
    """Write `content` atomically over `state.path` unless the file changed since `state`
    (FileChangedOnDisk); returns the state of what was written."""
    check_unchanged(state)
    write_atomically(state.path, content)
    return snapshot(state.path)
