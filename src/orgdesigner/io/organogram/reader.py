"""Reading a published pair (senior file, optional junior file) into a new structure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...analysis.ruleset import CENTRAL_GOVERNMENT
from ...model import CostBasis, Post, Settings, Structure
from ..establishment import ImportFailed, Problem, table_name
from ..tables import TableError, read_rows
from .detect import FileKind, Layout, detect
from .junior import read_junior
from .quality import RowWarning
from .senior import read_senior


@dataclass
class OrganogramOptions:
    on_cost_rate: float = 0.0
    cost_basis: CostBasis = CostBasis.TOP
    rule_set: str = CENTRAL_GOVERNMENT
    """Organograms are published by central government and its arm's-length bodies."""


@dataclass
class OrganogramImport:
    structure: Structure
    warnings: list[RowWarning] = field(default_factory=list)
    """The data-quality report: what the publisher got wrong, by file and row (nothing stopped the import)."""


def detect_file(path: Path) -> Layout | None:
    """The organogram layout of a CSV or Excel file, or None when it is not an organogram."""
    try:
        return detect(read_rows(path))
    except TableError:
        return None


def junior_beside(senior: Path) -> Path | None:
    """The junior file published beside a senior one (…-senior.csv → …-junior.csv), if it is there."""
    matches = list(re.finditer("senior", senior.name, flags=re.IGNORECASE))
    if not matches:
        return None
    last = matches[-1]
    word = "JUNIOR" if last.group().isupper() else "Junior" if last.group()[0].isupper() else "junior"
    candidate = senior.with_name(senior.name[:last.start()] + word + senior.name[last.end():])
    return candidate if candidate.is_file() else None


def import_organogram(senior: str | Path, junior: str | Path | None = None,
                      options: OrganogramOptions | None = None) -> OrganogramImport:
    """Read a published senior file, and its junior file when given; ImportFailed if either is not one."""
    senior, junior = Path(senior), (None if junior is None else Path(junior))
    senior_rows = _rows(senior)
    junior_rows = None if junior is None else _rows(junior)
    return read_organogram(senior_rows, junior_rows, table_name(senior), options, str(senior),
                           None if junior is None else str(junior), _date_in(senior.name))


def read_organogram(senior_rows: list[list[str]], junior_rows: list[list[str]] | None = None, name: str = "",
                    options: OrganogramOptions | None = None, senior_source: str = "senior file",
                    junior_source: str | None = "junior file", date: str = "") -> OrganogramImport:
    options = options or OrganogramOptions()
    senior_layout = _layout(senior_rows, FileKind.SENIOR, senior_source)
    posts = read_senior(senior_rows, senior_layout)
    warnings = list(posts.warnings)
    if junior_rows is not None:
        junior_layout = _layout(junior_rows, FileKind.JUNIOR, junior_source or "junior file")
        staff, junior_warnings = read_junior(junior_rows, junior_layout, posts.unit_of)
        warnings += junior_warnings
        for reference, entries in staff.items():
            posts.fields[reference]["junior"] = entries
    organisations = {f["custom"].get("Organisation", "") for f in posts.fields.values() if "custom" in f} - {""}
    organisation = organisations.pop() if len(organisations) == 1 else ""
    structure = Structure(
        name=organisation or name or "Imported organogram", organisation=organisation, date=date,
        settings=Settings(on_cost_rate=options.on_cost_rate, cost_basis=options.cost_basis,
                          rule_set=options.rule_set),
        groups=posts.groups, posts={ref: Post(**fields) for ref, fields in posts.fields.items()},
    )
    return OrganogramImport(structure, warnings)


def _rows(path: Path) -> list[list[str]]:
    try:
        return read_rows(path)
    except TableError as exc:
        raise ImportFailed(str(path), [Problem(0, "", "", str(exc))]) from None


def _layout(rows: list[list[str]], kind: FileKind, source: str) -> Layout:
    layout = detect(rows)
    if layout is None:
        needed = ("Post Unique Reference, Job Title and Reports to Senior Post" if kind is FileKind.SENIOR
                  else "Reporting Senior Post, Grade and Number of Posts in FTE")
        raise ImportFailed(source, [Problem(0, "", "", f"not an organogram {kind.value} file: its headers "
                                                       f"do not include {needed}")])
    if layout.kind is not kind:
        raise ImportFailed(source, [Problem(0, "", "", f"this is an organogram {layout.kind.value} file, "
                                                       f"not a {kind.value} file")])
    return layout


def _date_in(name: str) -> str:
    found = re.search(r"\d{4}-\d{2}-\d{2}", name)
    return found.group() if found else ""
