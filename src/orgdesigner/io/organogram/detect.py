"""Recognise the data.gov.uk organogram files by their headers.

Published files vary in small ways ("Grade" or "Grade (or equivalent)", "Reports to Senior Post" or
"Reporting Senior Post", a "(£)" or not), so headers are compared without case, punctuation or the
pound sign, against the names below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

SENIOR_COLUMNS = (
    "Post Unique Reference", "Name", "Grade (or equivalent)", "Job Title", "Job/Team Function",
    "Parent Department", "Organisation", "Unit", "Contact Phone", "Contact E-mail", "Reports to Senior Post",
    "Salary Cost of Reports (£)", "FTE", "Actual Pay Floor (£)", "Actual Pay Ceiling (£)", "",
    "Professional/Occupational Group", "Notes", "Valid?",
)
"""The senior file's columns in the published order (one is unnamed)."""

JUNIOR_COLUMNS = (
    "Parent Department", "Organisation", "Unit", "Reporting Senior Post", "Grade", "Payscale Minimum (£)",
    "Payscale Maximum (£)", "Generic Job Title", "Number of Posts in FTE", "Professional/Occupational Group",
)

_ALIASES = {
    "reference": ("post unique reference", "unique reference", "post reference"),
    "name": ("name",),
    "grade": ("grade or equivalent", "grade"),
    "title": ("job title",),
    "function": ("job team function", "job function", "team function"),
    "department": ("parent department",),
    "organisation": ("organisation", "organization"),
    "unit": ("unit",),
    "phone": ("contact phone",),
    "email": ("contact e mail", "contact email"),
    "reports_to": ("reports to senior post",),
    "reports_cost": ("salary cost of reports",),
    "fte": ("fte",),
    "pay_floor": ("actual pay floor",),
    "pay_ceiling": ("actual pay ceiling",),
    "profession": ("professional occupational group",),
    "notes": ("notes",),
    "senior_post": ("reporting senior post",),
    "pay_min": ("payscale minimum", "pay scale minimum"),
    "pay_max": ("payscale maximum", "pay scale maximum"),
    "generic_title": ("generic job title",),
    "junior_fte": ("number of posts in fte",),
}
_NEEDED = {
    "senior": ("reference", "title", "reports_to"),
    "junior": ("senior_post", "grade", "junior_fte"),
}
HEADER_SEARCH_ROWS = 10


class FileKind(StrEnum):
    SENIOR = "senior"
    JUNIOR = "junior"


@dataclass(frozen=True)
class Layout:
    """Which file this is, the row its headers are on (0-based) and the column of each field."""

    kind: FileKind
    header_row: int
    columns: dict[str, int]
    headers: list[str]

    def value(self, cells: list[str], name: str) -> str:
        index = self.columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def values(self, cells: list[str]) -> dict[str, str]:
        """Every recognised field of a row, stripped (blank where the row is short)."""
        width = len(cells)
        return {name: cells[index].strip() if index < width else "" for name, index in self.columns.items()}

    def label(self, name: str) -> str:
        index = self.columns.get(name)
        return self.headers[index] if index is not None else name


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", header.lower().replace("£", "")).strip()


def _columns(headers: list[str]) -> dict[str, int]:
    keys = [_key(h) for h in headers]
    found: dict[str, int] = {}
    for name, aliases in _ALIASES.items():
        for alias in aliases:
            if alias in keys:
                found[name] = keys.index(alias)
                break
    return found


def detect(rows: list[list[str]]) -> Layout | None:
    """The organogram layout of a table (senior or junior file), or None if it is not one."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = _columns(row)
        for kind in (FileKind.SENIOR, FileKind.JUNIOR):
            if all(name in columns for name in _NEEDED[kind.value]):
                return Layout(kind, index, columns, [h.strip() for h in row])
    return None
