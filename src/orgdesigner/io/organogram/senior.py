"""The senior file: one row per senior post (a job share repeats its reference on several rows)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any

from ...model import Group, GroupKind, PostStatus
from ...model.cycles import find_cycles
from .cells import amount, is_top, is_vacant, is_withheld
from .detect import Layout
from .quality import RowWarning

Warn = Callable[[int, str], None]
Row = dict[str, str]
"""A row's recognised fields by name (see `Layout.values`)."""
BAND_WIDTH = 5000
PLACEHOLDER_TITLES = {"", "n/a", "na", "n/d", "xx", "-", "none", "tbc", "placeholder"}
_KEPT_AS_FIELDS = {"function": "Job/Team Function", "phone": "Contact Phone", "email": "Contact E-mail",
                   "profession": "Professional/Occupational Group", "reports_cost": "Salary Cost of Reports (£)",
                   "department": "Parent Department", "organisation": "Organisation"}
"""Columns kept on each post as fields, under the published header names (read back by the export)."""
_COMPARED = ("reference", "name", "grade", "title", "function", "department", "organisation", "unit", "phone",
             "email", "reports_to", "reports_cost", "fte", "pay_floor", "pay_ceiling", "profession", "notes")


@dataclass
class SeniorPosts:
    """Post fields by reference (ready for `Post`), the groups, and where each post was read."""

    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    row_of: dict[str, int] = field(default_factory=dict)
    unit_of: dict[str, str] = field(default_factory=dict)
    """The Unit each post was published in (to tell when junior rows sit elsewhere)."""
    warnings: list[RowWarning] = field(default_factory=list)


def read_senior(rows: list[list[str]], layout: Layout) -> SeniorPosts:
    result = SeniorPosts()

    def warn(row: int, message: str) -> None:
        result.warnings.append(RowWarning("senior", row, message))

    by_reference: dict[str, list[tuple[int, Row]]] = {}
    for index in range(layout.header_row + 1, len(rows)):
        values = layout.values(rows[index])
        if not any(values.values()):
            continue
        if not values["reference"]:
            warn(index + 1, "no Post Unique Reference; the row is left out")
            continue
        by_reference.setdefault(values["reference"], []).append((index + 1, values))
    groups = _Groups(rows, layout)
    for reference, entries in by_reference.items():
        distinct: list[tuple[int, Row]] = []
        seen: dict[tuple[str, ...], int] = {}
        for row, cells in entries:
            key = tuple(cells.get(name, "") for name in _COMPARED)
            if key in seen:
                warn(row, f"repeats row {seen[key]} exactly (reference {reference!r}); counted once")
                continue
            seen[key] = row
            distinct.append((row, cells))
        result.fields[reference] = _post_fields(reference, distinct, warn)
        result.row_of[reference] = distinct[0][0]
        first = distinct[0][1]
        result.unit_of[reference] = first.get("unit", "")
        group = groups.group_for(first)
        if group is not None:
            result.fields[reference]["group"] = group
    result.groups = groups.groups
    _resolve_managers(result, by_reference, warn)
    return result


def _post_fields(reference: str, entries: list[tuple[int, Row]], warn: Warn) -> dict[str, Any]:
    row, cells = entries[0]
    value = lambda name: cells.get(name, "")  # noqa: E731
    title = value("title")
    if not title:
        warn(row, f"post {reference!r} has no Job Title; it is called '(untitled post {reference})'")
        title = f"(untitled post {reference})"
    fields: dict[str, Any] = {"id": reference, "title": title}
    if value("grade"):
        fields["grade"] = value("grade")
    fields["fte"] = sum(_fte(r, c.get("fte", ""), warn) for r, c in entries)
    names = [c.get("name", "") for _, c in entries]
    holders = [n for n in names if n and not is_vacant(n) and not is_withheld(n)]
    if len(entries) > 1:
        fields["status"] = PostStatus.JOB_SHARE if any(not is_vacant(n) for n in names) else PostStatus.VACANT
    elif is_vacant(names[0]):
        fields["status"] = PostStatus.VACANT
    if holders:
        fields["postholder"] = holders[0]
        if holders[1:]:
            fields["co_holders"] = holders[1:]
    if any(is_withheld(n) for n in names):
        fields["name_withheld"] = True
    bands = [_band(r, c.get("pay_floor", ""), c.get("pay_ceiling", ""), warn) for r, c in entries]
    if len(set(bands)) > 1:
        warn(row, f"the rows of job share {reference!r} give different pay bands; the first row's is kept")
    band = bands[0]
    if band is None:
        fields["pay_withheld"] = True
    else:
        fields["pay_band"] = {"floor": band[0], "ceiling": band[1]}
    custom = {header: value(name) for name, header in _KEPT_AS_FIELDS.items() if value(name)}
    if custom:
        fields["custom"] = custom
    if value("notes"):
        fields["notes"] = value("notes")
    return fields


def _fte(row: int, text: str, warn: Warn) -> float:
    if not text.strip():
        warn(row, "no FTE; taken as 1")
        return 1.0
    fte = amount(text)
    if fte is None:
        warn(row, f"FTE {text!r} is not a number; taken as 1")
        return 1.0
    return fte


def _band(row: int, floor_text: str, ceiling_text: str, warn: Warn) -> tuple[float, float] | None:
    """The pay band, or None for pay not disclosed (N/D, blank or the 0 some bodies use)."""
    floor, ceiling = amount(floor_text), amount(ceiling_text)
    for text in (floor_text, ceiling_text):
        if text.strip() and amount(text) is None and not is_withheld(text):
            warn(row, f"pay {text!r} is not a number; pay taken as not disclosed")
    if not floor or not ceiling:
        return None
    if floor > ceiling:
        warn(row, f"pay floor {floor:,.0f} is above the ceiling {ceiling:,.0f}; the two are swapped")
        floor, ceiling = ceiling, floor
    if ceiling - floor >= BAND_WIDTH:
        warn(row, f"pay {floor:,.0f} to {ceiling:,.0f} is wider than the £5,000 band the guidance asks for; "
                  "kept as published")
    return floor, ceiling


class _Groups:
    """Units become groups, nested under Organisation and Parent Department when the file spans several."""

    def __init__(self, rows: list[list[str]], layout: Layout) -> None:
        self.layout = layout
        body = rows[layout.header_row + 1:]
        self.nest_departments = len({layout.value(c, "department") for c in body if any(c)} - {""}) > 1
        self.nest_organisations = len({layout.value(c, "organisation") for c in body if any(c)} - {""}) > 1
        self.groups: dict[str, Group] = {}
        self._by_path: dict[tuple[str, ...], str] = {}

    def group_for(self, cells: Row) -> str | None:
        unit = cells.get("unit", "")
        if not unit:
            return None
        path: list[tuple[str, GroupKind]] = []
        if self.nest_departments and cells.get("department"):
            path.append((cells["department"], GroupKind.DEPARTMENT))
        if (self.nest_departments or self.nest_organisations) and cells.get("organisation"):
            path.append((cells["organisation"], GroupKind.GROUP))
        path.append((unit, GroupKind.GROUP))
        parent: str | None = None
        for depth in range(len(path)):
            key = tuple(name for name, _ in path[:depth + 1])
            if key not in self._by_path:
                name, kind = path[depth]
                group_id = self._fresh_id(name)
                self.groups[group_id] = Group(id=group_id, name=name, kind=kind, parent=parent)
                self._by_path[key] = group_id
            parent = self._by_path[key]
        return parent

    def _fresh_id(self, name: str) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "unit"
        group_id, n = slug, 2
        while group_id in self.groups:
            group_id, n = f"{slug}-{n}", n + 1
        return group_id


def _resolve_managers(result: SeniorPosts, by_reference: dict[str, list[tuple[int, Row]]], warn: Warn) -> None:
    for reference, fields in result.fields.items():
        row = result.row_of[reference]
        manager = by_reference[reference][0][1].get("reports_to", "")
        if is_top(manager):
            continue
        if not manager:
            warn(row, f"post {reference!r} gives no Reports to Senior Post (XX marks the top); taken as a top post")
        elif manager == reference:
            warn(row, f"post {reference!r} reports to itself; taken as a top post")
        elif manager not in result.fields:
            warn(row, f"post {reference!r} reports to {manager!r}, which is not a post in the file; "
                      "taken as a top post")
        else:
            fields["reports_to"] = manager
    for cycle in find_cycles({ref: f.get("reports_to") for ref, f in result.fields.items()}):
        first = min(cycle, key=lambda ref: result.row_of[ref])
        chain = " → ".join((*cycle, cycle[0]))
        warn(result.row_of[first], f"the reporting lines go round in a circle ({chain}); {first!r} is taken as "
                                   "a top post")
        del result.fields[first]["reports_to"]
    tops = [ref for ref, f in result.fields.items() if "reports_to" not in f]
    if len(tops) > 1:
        listed = ", ".join(f"{ref} (row {result.row_of[ref]})" for ref in tops)
        warn(0, f"{len(tops)} top posts: {listed}; all are kept")
    for ref in tops:
        fields = result.fields[ref]
        if fields["fte"] == 0 or fields["title"].strip().lower() in PLACEHOLDER_TITLES:
            warn(result.row_of[ref], f"top post {ref!r} looks like a placeholder (title {fields['title']!r}, "
                                     f"{fields['fte']:g} FTE)")
