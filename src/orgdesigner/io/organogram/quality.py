"""The data-quality report of an organogram import: what the publisher got wrong, by file and row.

None of these stops the import; each says what was done instead.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RowWarning:
    file: str
    """"senior" or "junior"."""
    row: int
    """The row as a spreadsheet numbers it (the header row is 1 in a published file); 0 for the file."""
    message: str

    def __str__(self) -> str:
        where = f"{self.file} file, row {self.row}" if self.row else f"{self.file} file"
        return f"{where}: {self.message}"
