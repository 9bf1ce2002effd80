"""Which column of a table holds which field: finding the header row and recognising its names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..resources import load_json

REQUIRED = ("post_id", "title")
HEADER_SEARCH_ROWS = 30
CUSTOM = "custom"
IGNORE = "ignore"


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def known_names() -> dict[str, str]:
    """Normalised header name → field, from resources/headers.json."""
    names: dict[str, str] = {}
    for field_name, aliases in load_json("headers.json")["fields"].items():
        for alias in aliases:
            names.setdefault(_key(alias), field_name)
    return names


def ignored_names() -> set[str]:
    return {_key(name) for name in load_json("headers.json").get("ignored", [])}


def field_names() -> list[str]:
    return list(load_json("headers.json")["fields"])


@dataclass
class ColumnMapping:
    header_row: int
    """Index (from 0) of the header row in the table."""
    headers: list[str]
    fields: dict[int, str] = field(default_factory=dict)
    """Column index → field name; columns not listed are kept as custom fields unless ignored."""
    ignored: set[int] = field(default_factory=set)
    """Columns left out altogether; always includes those headed with a figure OrgDesigner computes."""

    def __post_init__(self) -> None:
        computed = ignored_names()
        self.ignored |= {i for i, heading in enumerate(self.headers)
                         if i not in self.fields and _key(heading) in computed}

    def choice(self, index: int) -> str:
        """What a column gives: a field name, CUSTOM or IGNORE."""
        if index in self.fields:
            return self.fields[index]
        if index in self.ignored or not self.headers[index].strip():
            return IGNORE
        return CUSTOM

    def choose(self, index: int, choice: str) -> None:
        """Make a column give a field, a custom field (CUSTOM) or nothing (IGNORE)."""
        if choice not in (CUSTOM, IGNORE) and choice not in field_names():
            raise ValueError(f"{choice!r} is not a field a column can give")
        self.fields.pop(index, None)
        self.ignored.discard(index)
        if choice == IGNORE:
            self.ignored.add(index)
        elif choice != CUSTOM:
            self.fields[index] = choice

    def label(self, field_name: str) -> str:
        """The table's own heading for a field, to name it in messages."""
        for index, name in self.fields.items():
            if name == field_name:
                return self.headers[index]
        return field_name

    def values(self, cells: list[str]) -> dict[str, str]:
        return {name: cells[i].strip() for i, name in self.fields.items() if i < len(cells) and cells[i].strip()}

    def custom_values(self, cells: list[str]) -> dict[str, str]:
        return {self.headers[i]: cells[i].strip() for i in range(min(len(cells), len(self.headers)))
                if i not in self.fields and i not in self.ignored and self.headers[i].strip() and cells[i].strip()}

    def problems(self) -> list[tuple[str, str]]:
        """(column, message) for a mapping that cannot work: required fields missing or given twice."""
        found: list[tuple[str, str]] = []
        mapped = list(self.fields.values())
        for name in REQUIRED:
            if name not in mapped:
                found.append((name, f"no column gives the {name.replace('_', ' ')} (the header row is row "
                                   f"{self.header_row + 1}; choose the column in the import's mapping)"))
        for name in sorted(set(mapped)):
            columns = [self.headers[i] for i, n in self.fields.items() if n == name]
            if len(columns) > 1:
                found.append((name, f"{len(columns)} columns give the {name.replace('_', ' ')}: "
                                    f"{', '.join(columns)}"))
        return found


def recognise(headers: list[str]) -> dict[int, str]:
    """Map each recognised heading to its field; when two headings claim one field, the first wins."""
    names = known_names()
    fields: dict[int, str] = {}
    taken: set[str] = set()
    for index, heading in enumerate(headers):
        name = names.get(_key(heading))
        if name is not None and name not in taken:
            fields[index] = name
            taken.add(name)
    return fields


def detect_mapping(rows: list[list[str]]) -> ColumnMapping:
    """The header row is the one among the first rows that names the most known fields."""
    best_index, best_fields = 0, dict[int, str]()
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = recognise(row)
        if len(fields) > len(best_fields):
            best_index, best_fields = index, fields
    headers = [cell.strip() for cell in rows[best_index]] if rows else []
    return ColumnMapping(best_index, headers, best_fields)
