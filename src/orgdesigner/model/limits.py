"""Limits on what a file may hold, checked before any work starts.

Each is far above anything a real organisation needs (a structure of 100,000 posts, its
spreadsheet and its file all fit with room to spare) and low enough that a hostile or broken
file is refused in seconds, within a few hundred megabytes, rather than exhausting the machine.
"""

from __future__ import annotations

MAX_FILE_BYTES = 256 * 1024 * 1024
"""A structure file or CSV table (100,000 posts in several scenarios take about 100 MB)."""
MAX_WORKBOOK_BYTES = 64 * 1024 * 1024
"""An .xlsx file as stored (compressed)."""
MAX_WORKBOOK_UNCOMPRESSED = 400 * 1024 * 1024
"""All the parts of an .xlsx file together, as its zip directory declares them once unpacked."""
MAX_SCENARIOS = 200
MAX_POSTS = 250_000
MAX_GROUPS = 100_000
MAX_ROWS = 250_000
"""Rows of a table (CSV or a worksheet)."""
MAX_COLUMNS = 1_000
MAX_CELLS = 10_000_000
MAX_TITLE = 1_000
"""Characters in a title or a name (a post's title, a group's name, a scenario's name)."""
MAX_TEXT = 200_000
"""Characters in any other text (notes, descriptions, custom fields)."""
MAX_AMOUNT = 1e12
"""The largest salary, pay, FTE or sum of money a structure may hold: far above any real figure,
and small enough that the sums over a quarter of a million posts stay finite."""
MAX_COUNT = 10**9
"""The largest whole-number count (staff, contractors, population)."""
MAX_NUMBER_DIGITS = 30
"""Digits of a whole number in a file before it is read as a (possibly infinite) float, so a
number of 5,000 digits gets a clear message about the value instead of Python's int-string limit."""
MAX_PROBLEMS_SHOWN = 50
"""Problem lines listed in one message; the rest are counted ("… and 4,950 more")."""


def capped_lines(lines: list[str], limit: int = MAX_PROBLEMS_SHOWN) -> list[str]:
    """At most `limit` lines, the last one saying how many more there were."""
    if len(lines) <= limit:
        return lines
    return [*lines[:limit - 1], f"… and {len(lines) - limit + 1:,} more"]
