"""Working together on one file: three-way merge, readable diffs, disk-change checks and lock files.

Qt-free: the command line and the window both build on these.
"""

from .diff import diff_files, diff_text
from .diskstate import (DiskState, FileChangedOnDisk, changed_since, check_unchanged, load_with_state, read_with_state,
                        snapshot, write_if_unchanged)
from .lock import FileLock, LockHeld, LockInfo, acquire, lock_path, read_lock
from .merge import MergeResult, ScenarioConflict, merge_files, merge_scenarios, merge_structures
from .wording import conflict_subject, describe_conflict, value_text

__all__ = ["DiskState", "FileChangedOnDisk", "FileLock", "LockHeld", "LockInfo", "MergeResult", "ScenarioConflict",
           "acquire", "changed_since", "check_unchanged", "conflict_subject", "describe_conflict", "diff_files",
           "diff_text", "load_with_state", "lock_path", "merge_files", "merge_scenarios", "merge_structures",
           "read_lock", "read_with_state", "snapshot", "value_text", "write_if_unchanged"]
