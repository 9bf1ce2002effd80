"""Reading a pay-benchmarking comparator table (CSV or Excel) into comparators.

Columns: the council (Council, Authority, Organisation or Name), its pay (a heading with "pay"
or "salary" in it; "£200,000" is read as 200000), optionally the population (Population,
Residents, Number of Residents) and the categories, either in one Categories column separated
by ";" or as one column per category marked with x (or yes, y, ✓, 1) — the layout of
Derbyshire's Appendix 4. Every problem is listed with its row and column; nothing is returned
unless there are none.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

from pydantic import ValidationError

from ..model import Benchmark, Comparator
from ..model.limits import capped_lines
from .tables import TableError, read_rows

_COUNCIL = {"council", "authority", "localauthority", "organisation", "organization", "name"}
_POPULATION = {"population", "residents", "numberofresidents"}
_CATEGORIES = {"categories", "category"}
_MARKS = {"x", "yes", "y", "✓", "✔", "1", "true"}
HEADER_SEARCH_ROWS = 30


class ComparatorTableFailed(Exception):
    """The table cannot be read as comparators; the message lists every problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{source}: {len(problems)} {noun}:\n" + "\n".join(f"  {p}" for p in capped_lines(problems)))


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def read_comparators(path: str | Path) -> Benchmark:
    """The table's comparators, with its category columns (in order) as the benchmark's categories."""
    path = Path(path)
    try:
        rows = read_rows(path)
    except TableError as exc:
        raise ComparatorTableFailed(str(path), [str(exc)]) from None
    header_index = next((i for i, row in enumerate(rows[:HEADER_SEARCH_ROWS])
                         if any(_key(cell) in _COUNCIL for cell in row)), None)
    if header_index is None:
        raise ComparatorTableFailed(str(path), ["no header row names the council (a column headed Council, "
                                                "Authority, Organisation or Name)"])
    headers = [cell.strip() for cell in rows[header_index]]
    roles = _column_roles(headers)
    if "pay" not in roles.values():
        raise ComparatorTableFailed(str(path), [f"row {header_index + 1}: no column gives the pay "
                                                "(a heading with 'pay' or 'salary' in it)"])
    problems: list[str] = []
    comparators: list[Comparator] = []
    for offset, cells in enumerate(rows[header_index + 1:], start=header_index + 2):
        if not any(cell.strip() for cell in cells):
            continue
        row_problems: list[str] = []
        values: dict = {"categories": []}
        for index, role in roles.items():
            cell = cells[index].strip() if index < len(cells) else ""
            where = f"row {offset}, column {headers[index]!r}"
            if role == "council":
                values["council"] = cell
            elif role == "pay":
                values["pay"] = _number(cell, where, row_problems, required=True)
            elif role == "population":
                values["population"] = _number(cell, where, row_problems, required=False)
            elif role == "categories":
                values["categories"] += [c.strip() for c in cell.split(";") if c.strip()]
            elif cell.lower() in _MARKS:
                values["categories"].append(headers[index])
            elif cell:
                row_problems.append(f"{where}: {cell!r} is not a mark (write x, or leave the cell blank)")
        if not values.get("council"):
            row_problems.append(f"row {offset}: no council named")
        if not row_problems:
            try:
                comparators.append(Comparator.model_validate(values))
            except ValidationError as exc:
                row_problems += [f"row {offset}, {'.'.join(map(str, e['loc'])) or 'row'}: "
                                 f"{' '.join(e['msg'].removeprefix('Value error, ').split())}" for e in exc.errors()]
        problems += row_problems
    names = [c.council for c in comparators]
    repeated = [name for name, times in Counter(names).items() if times > 1]
    problems += [f"the council {name!r} is listed more than once" for name in repeated]
    if not problems and not comparators:
        problems.append("the table has no comparator rows under its header")
    if problems:
        raise ComparatorTableFailed(str(path), problems)
    marked = [headers[index] for index, role in roles.items() if role == "mark"]
    return Benchmark(categories=marked, comparators=comparators)


def _column_roles(headers: list[str]) -> dict[int, str]:
    """Column index → council, pay, population, categories, or a category marked with x."""
    roles: dict[int, str] = {}
    for index, heading in enumerate(headers):
        key = _key(heading)
        if not key:
            continue
        if key in _COUNCIL and "council" not in roles.values():
            roles[index] = "council"
        elif ("pay" in key or "salary" in key) and "pay" not in roles.values():
            roles[index] = "pay"
        elif key in _POPULATION and "population" not in roles.values():
            roles[index] = "population"
        elif key in _CATEGORIES:
            roles[index] = "categories"
        else:
            roles[index] = "mark"
    return roles


def _number(cell: str, where: str, problems: list[str], required: bool) -> float | int | None:
    text = cell.replace("£", "").replace(",", "").replace(" ", "")
    if not text:
        if required:
            problems.append(f"{where}: no figure given")
        return None
    try:
        value = float(text)
    except ValueError:
        problems.append(f"{where}: {cell!r} is not a number")
        return None
    if not math.isfinite(value):
        problems.append(f"{where}: {cell!r} is not a number")
        return None
    if value < 0:
        problems.append(f"{where}: {cell!r} is negative")
        return None
    return int(value) if value.is_integer() else value
