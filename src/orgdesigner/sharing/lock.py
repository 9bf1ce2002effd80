"""Lock files beside a structure file, the way office suites mark a file in use on a shared drive.

Opening `Budget.orgd` writes `.~lock.Budget.orgd#` beside it: JSON naming the user, machine,
process and time. A second user sees who has the file open. A lock is stale, and ignored,
when its process is gone (on this machine) or it is older than a day. Locks are advisory:
nothing here stops anyone reading the file, and the command line never consults them.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

STALE_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class LockInfo:
    user: str
    machine: str
    pid: int
    time: str
    """When the lock was taken, ISO 8601 with its time zone."""
    token: str = ""
    """Unique to the lock, so a process releases only the lock it wrote."""

    @property
    def taken(self) -> datetime:
        return datetime.fromisoformat(self.time)

    def is_stale(self, now: datetime | None = None) -> bool:
        """Older than a day, or taken on this machine by a process that has gone."""
        now = now or datetime.now(timezone.utc)
        if now - self.taken > STALE_AFTER:
            return True
        return self.machine == socket.gethostname() and not _running(self.pid)

    def describe(self) -> str:
        return f"{self.user or 'someone'} on {self.machine or 'an unknown machine'} since {self.taken:%H:%M on %d %b %Y}"


class LockHeld(Exception):
    """The file is open elsewhere; `holder` says by whom."""

    def __init__(self, path: Path, holder: LockInfo) -> None:
        super().__init__(f"{path} is open by {holder.describe()}")
        self.path = path
        self.holder = holder


def lock_path(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    return path.with_name(f".~lock.{path.name}#")


def read_lock(path: str | os.PathLike[str]) -> LockInfo | None:
    """Who holds the lock on `path` (stale or not), or None when there is none.

    A lock file that cannot be read as a lock (half written, damaged) counts as held by an
    unknown user since its modification time, so it goes stale after a day.
    """
    where = lock_path(path)
    try:
        text = where.read_text(encoding="utf-8")
        modified = datetime.fromtimestamp(where.stat().st_mtime, timezone.utc)
    except FileNotFoundError:
        return None
    try:
        data = json.loads(text)
        info = LockInfo(user=str(data["user"]), machine=str(data["machine"]), pid=int(data["pid"]),
                        time=str(data["time"]), token=str(data.get("token", "")))
        datetime.fromisoformat(info.time)  # a time that does not parse is a damaged lock
        return info
    except (ValueError, KeyError, TypeError):
        return LockInfo(user="", machine="", pid=0, time=modified.isoformat())


@dataclass
class FileLock:
    """A lock this process holds; `replaced` is the stale lock it took over, if any (to mention it)."""

    path: Path
    info: LockInfo
    replaced: LockInfo | None = None

    def release(self) -> None:
        """Remove the lock file if it is still ours (someone may have taken over a lock they judged stale)."""
        if read_lock(self.path) == self.info:
            lock_path(self.path).unlink(missing_ok=True)

    def __enter__(self) -> "FileLock":
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(path: str | os.PathLike[str], now: datetime | None = None) -> FileLock:
    """Take the lock on `path`; LockHeld when someone holds a live one. A stale lock is replaced.

    OSError (a read-only folder) propagates: the caller opens the file without a lock.
    """
    path = Path(path)
    info = LockInfo(user=_user(), machine=socket.gethostname(), pid=os.getpid(),
                    time=(now or datetime.now(timezone.utc)).isoformat(timespec="seconds"), token=uuid.uuid4().hex)
    replaced: LockInfo | None = None
    for _attempt in range(2):
        if _create(lock_path(path), info):
            return FileLock(path, info, replaced)
        holder = read_lock(path)
        if holder is None:
            continue  # released meanwhile: try again
        if not holder.is_stale(now):
            raise LockHeld(path, holder)
        if read_lock(path) == holder:
            lock_path(path).unlink(missing_ok=True)
            replaced = holder
    holder = read_lock(path)
    raise LockHeld(path, holder or info)


def _create(where: Path, info: LockInfo) -> bool:
    """Write the lock file if none exists (exclusive create); False if one does."""
    try:
        fd = os.open(where, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(info), handle)
    return True


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _running(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill would end the process there: only the lock's age tells
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    except OSError:
        return False
    return True
