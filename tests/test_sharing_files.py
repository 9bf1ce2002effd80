"""Disk-state change detection and lock files beside a structure file."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from orgdesigner.sharing import (FileChangedOnDisk, LockHeld, acquire, changed_since, lock_path, read_lock,
                                 read_with_state, snapshot)
from orgdesigner.sharing.diskstate import check_unchanged


def test_a_file_rewritten_with_other_content_has_changed(tmp_path):
    path = tmp_path / "s.orgd"
    path.write_text("one", encoding="utf-8")
    data, state = read_with_state(path)
    assert data == b"one" and not changed_since(state)
    path.write_text("two", encoding="utf-8")  # same size, possibly the same mtime tick
    assert changed_since(state)
    with pytest.raises(FileChangedOnDisk, match="s.orgd: changed on disk"):
        check_unchanged(state)


def test_a_file_touched_but_not_changed_has_not_changed(tmp_path):
    path = tmp_path / "s.orgd"
    path.write_text("same", encoding="utf-8")
    state = snapshot(path)
    os.utime(path, ns=(state.mtime_ns + 5_000_000_000, state.mtime_ns + 5_000_000_000))
    path.write_bytes(b"same")
    assert not changed_since(state)
    check_unchanged(state)


def test_created_and_deleted_files_have_changed(tmp_path):
    path = tmp_path / "out.orgd"
    missing = snapshot(path)
    assert not missing.exists and not changed_since(missing)
    path.write_text("new", encoding="utf-8")
    assert changed_since(missing)
    present = snapshot(path)
    path.unlink()
    assert changed_since(present)


def test_a_lock_is_taken_seen_refused_to_a_second_opener_and_released(tmp_path):
    path = tmp_path / "Budget.orgd"
    path.write_text("{}", encoding="utf-8")
    lock = acquire(path)
    assert lock_path(path) == tmp_path / ".~lock.Budget.orgd#"
    holder = read_lock(path)
    assert holder == lock.info and holder.pid == os.getpid() and holder.machine == socket.gethostname()
    assert not holder.is_stale()
    with pytest.raises(LockHeld) as refused:
        acquire(path)
    assert refused.value.holder == lock.info and "Budget.orgd is open by" in str(refused.value)
    assert path.read_text(encoding="utf-8") == "{}"  # reading is never blocked
    lock.release()
    assert read_lock(path) is None
    with acquire(path) as again:
        assert again.replaced is None
    assert not lock_path(path).exists()


def test_release_leaves_a_lock_someone_else_took_over(tmp_path):
    path = tmp_path / "s.orgd"
    lock = acquire(path)
    lock_path(path).unlink()
    other = acquire(path)
    lock.release()
    assert read_lock(path) == other.info


def _write_lock(path, **fields):
    data = {"user": "jsmith", "machine": socket.gethostname(), "pid": os.getpid(),
            "time": datetime.now(timezone.utc).isoformat(), **fields}
    lock_path(path).write_text(json.dumps(data), encoding="utf-8")


def test_a_lock_whose_process_has_gone_is_stale_and_replaced(tmp_path):
    path = tmp_path / "s.orgd"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    _write_lock(path, pid=int(gone.stdout))
    assert read_lock(path).is_stale()
    lock = acquire(path)
    assert lock.replaced is not None and lock.replaced.user == "jsmith"
    assert read_lock(path) == lock.info


def test_a_lock_older_than_a_day_is_stale_even_from_another_machine(tmp_path):
    path = tmp_path / "s.orgd"
    old = datetime.now(timezone.utc) - timedelta(days=1, minutes=1)
    _write_lock(path, machine="SOMEONE-ELSES-PC", pid=1, time=old.isoformat())
    assert read_lock(path).is_stale()
    assert acquire(path).replaced.machine == "SOMEONE-ELSES-PC"


def test_a_recent_lock_from_another_machine_is_held(tmp_path):
    path = tmp_path / "s.orgd"
    _write_lock(path, machine="SOMEONE-ELSES-PC", pid=1, time=(datetime.now(timezone.utc)
                                                              - timedelta(hours=23)).isoformat())
    with pytest.raises(LockHeld, match="jsmith on SOMEONE-ELSES-PC since"):
        acquire(path)


def test_a_damaged_lock_is_held_by_someone_unknown_until_a_day_old(tmp_path):
    path = tmp_path / "s.orgd"
    lock_path(path).write_text("{not json", encoding="utf-8")
    with pytest.raises(LockHeld, match="someone on an unknown machine"):
        acquire(path)
    day_ago = (datetime.now(timezone.utc) - timedelta(days=2)).timestamp()
    os.utime(lock_path(path), (day_ago, day_ago))
    assert acquire(path).replaced is not None
