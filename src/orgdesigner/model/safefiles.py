"""Reading and writing files safely: only regular files of a bounded size are read (a FIFO never
blocks), and saves go through a unique temporary file beside the target, renamed over it.

Temporary files are named ``.NAME.orgd-tmp.PID.RANDOM``; one left behind by a killed process
(its process gone, or older than an hour) is removed at the next save to the same file.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

STALE_AFTER_SECONDS = 3600
_TEMP_MARK = "orgd-tmp"


class UnreadableFile(Exception):
    """A path that must not or cannot be read; the message says why (without the path)."""


class SamePathRefused(ValueError):
    """An output path that is also one of the command's inputs."""


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "this is a named pipe (FIFO), not a file"
    if stat.S_ISSOCK(mode):
        return "this is a socket, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "this is a device, not a file"
    return "this is not a regular file"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; UnreadableFile otherwise.

    The file is opened without blocking and checked through its open handle, so a FIFO or a
    device is refused at once (and a file swapped for one after a check is still refused).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except IsADirectoryError:
        raise UnreadableFile("this is a folder, not a file") from None
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        problem = _kind(info.st_mode)
        if problem:
            raise UnreadableFile(problem)
        if info.st_size > limit:
            raise UnreadableFile(f"the file is {_megabytes(info.st_size)}, more than the {_megabytes(limit)} "
                                 "this program reads")
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = os.read(fd, 1024 * 1024)
            except OSError as exc:
                raise UnreadableFile(exc.strerror or str(exc)) from None
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # the file grew while it was read
                raise UnreadableFile(f"the file is more than the {_megabytes(limit)} this program reads")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def refuse_same_path(output: str | os.PathLike[str], *inputs: str | os.PathLike[str]) -> None:
    """SamePathRefused if `output` is (or links to) the same file as one of `inputs`."""
    out = Path(output)
    for given in inputs:
        source = Path(given)
        try:
            same = os.path.samefile(out, source)
        except OSError:  # one of them does not exist yet: compare where they would be
            same = out.resolve() == source.resolve()
        if same:
            raise SamePathRefused(f"{output}: this is also an input of the command ({given}); "
                                  "write the output to another file")


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(name)}\.{_TEMP_MARK}\.(\d+)\.[A-Za-z0-9_]+$")


def _process_gone(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def clean_stale_temporaries(path: Path) -> list[Path]:
    """Remove temporary files of ours beside `path` whose process is gone or that are over an hour old."""
    pattern = _temp_pattern(path.name)
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if _process_gone(int(match.group(1))) or now - info.st_mtime > STALE_AFTER_SECONDS:
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write beside, fsync, rename: the old file stays whole until the new one is complete.

    Text is written as UTF-8 with newline line ends; bytes (a PDF, a workbook) as they are. The
    temporary file is created exclusively under a unique name (never through a link planted
    there); the new file keeps the old one's permissions, or for a new file those the umask
    gives. Saving to a symbolic link replaces the file it points at and keeps the link.
    """
    path = Path(path)
    target = path.resolve() if path.is_symlink() else path.absolute()
    directory = target.parent
    data = content.encode("utf-8") if isinstance(content, str) else content
    clean_stale_temporaries(target)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.{_TEMP_MARK}.{os.getpid()}.", suffix="", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
