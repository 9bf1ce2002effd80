"""Working together on one file: three-way merge, readable diffs, disk-change checks and lock files.

Qt-free: the command line and the window both build on these.
"""

from .diff import diff_files, diff_text
from .diskstate import DiskState, FileChangedOnDisk, changed_since, read_with_state, snapshot
from .lock import FileLock, LockHeld, LockInfo, acquire, lock_path, read_lock
from .merge import MergeResult, merge_files, merge_scenarios, merge_structures

__all__ = ["DiskState", "FileChangedOnDisk", "FileLock", "LockHeld", "LockInfo", "MergeResult", "acquire",
           "changed_since", "diff_files", "diff_text", "lock_path", "merge_files", "merge_scenarios",
           "merge_structures", "read_lock", "read_with_state", "snapshot"]
