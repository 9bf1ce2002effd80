"""Build a structure from an establishment list: a CSV or Excel table, one post a row.

The header row is found even below title rows; everyday header names ("Position Number",
"Job Title", "Reports To", "Directorate", "Band", "Hours"…, listed in resources/headers.json)
are recognised, and other columns are kept on each post as custom fields. Every problem is
collected, naming its row (as the spreadsheet numbers it), column (as the table heads it) and
value; nothing is built unless there are none.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..model import CostBasis, Designation, DottedLine, Group, Post, PostStatus, Settings, Structure
from ..model.cycles import find_cycles
from ..model.limits import MAX_TITLE, capped_lines
from .columns import ColumnMapping, detect_mapping
from .tables import TableError, read_rows

PARTNER = "Partner funding"
"""Who pays the rest of a post whose funding share (the share this organisation pays) is below 1."""
STANDARD_HOURS = 37.0
_STATUS_WORDS = {
    "filled": PostStatus.FILLED, "occupied": PostStatus.FILLED, "substantive": PostStatus.FILLED,
    "vacant": PostStatus.VACANT, "vacancy": PostStatus.VACANT, "unfilled": PostStatus.VACANT,
    "interim": PostStatus.INTERIM, "acting": PostStatus.INTERIM,
    "fixed-term": PostStatus.FIXED_TERM, "fixed term": PostStatus.FIXED_TERM, "temporary": PostStatus.FIXED_TERM,
    "shared": PostStatus.SHARED,
}


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "the table"
        if self.column:
            where += f", column {self.column}"
        shown = f" {self.value!r}" if self.value else ""
        return f"{where}:{shown} {self.message}"


class ImportFailed(Exception):
    """The table has problems; `problems` lists every one."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        lines = "\n".join(f"  {line}" for line in capped_lines([str(p) for p in problems]))
        super().__init__(f"{source}: {len(problems)} {noun}; nothing was written:\n{lines}")


@dataclass
class ImportOptions:
    on_cost_rate: float = 0.0
    cost_basis: CostBasis = CostBasis.TOP
    """Which point of its grade a post without a salary of its own is costed at."""
    name: str | None = None
    """The structure's name (default: from the table's file name)."""
    organisation: str = ""
    scenario: str = ""
    """The scenario's name (blank: 'Current' when saved on its own)."""
    standard_hours: float = STANDARD_HOURS
    sheet: str | None = None
    skip_bad_rows: bool = False
    """Leave out rows with problems instead of failing (the window offers this, showing which)."""


@dataclass
class ImportResult:
    structure: Structure
    skipped: list[Problem] = field(default_factory=list)


def import_table(path: str | Path, options: ImportOptions | None = None,
                 mapping: ColumnMapping | None = None) -> ImportResult:
    """Read a .csv or .xlsx establishment list into a new structure."""
    options = options or ImportOptions()
    path = Path(path)
    try:
        rows = read_rows(path, options.sheet)
    except TableError as exc:
        raise ImportFailed(str(path), [Problem(0, "", "", str(exc))]) from None
    return build_structure(rows, str(path), table_name(path), options, mapping)


def table_name(path: Path) -> str:
    """The name an imported structure takes from its file, begun with a capital as a title is ("ashdown-district-
    current.csv": "Ashdown district current")."""
    name = " ".join(path.stem.replace("_", " ").replace("-", " ").split())
    return name[:1].upper() + name[1:] if name else "Imported structure"


def options_problem(options: ImportOptions) -> str | None:
    """Why the import options cannot be used (a working week of no hours…), or None."""
    hours = options.standard_hours
    if not (isinstance(hours, (int, float)) and math.isfinite(hours) and 0 < hours <= 168):
        return f"the standard working week must be more than 0 and at most 168 hours (it is {hours})"
    rate = options.on_cost_rate
    if not (isinstance(rate, (int, float)) and math.isfinite(rate) and 0 <= rate <= 5):
        return f"the on-cost rate must be between 0 and 5 (500%) (it is {rate})"
    for label, text in (("name", options.name or ""), ("organisation", options.organisation),
                        ("scenario", options.scenario)):
        if len(text) > MAX_TITLE:
            return f"the {label} is longer than {MAX_TITLE} characters"
    return None


def build_structure(rows: list[list[str]], source: str, name: str, options: ImportOptions,
                    mapping: ColumnMapping | None = None) -> ImportResult:
    """The structure the rows describe; ImportFailed listing every problem (or bad options)."""
    problem = options_problem(options)
    if problem:
        raise ImportFailed(source, [Problem(0, "", "", problem)])
    if mapping is None:
        mapping = detect_mapping(rows)
    problems = mapping.problems()
    if problems:
        raise ImportFailed(source, [Problem(mapping.header_row + 1, col, "", msg) for col, msg in problems])
    builder = _Builder(mapping, options)
    for index in range(mapping.header_row + 1, len(rows)):
        cells = rows[index]
        if any(cell.strip() for cell in cells):
            builder.add_row(index + 1, cells)
    builder.resolve_references()
    found = sorted(builder.problems, key=lambda p: (p.row, p.column))
    if found and not options.skip_bad_rows:
        raise ImportFailed(source, found)
    bad_rows = {p.row for p in found}
    posts = {pid: post for pid, post in builder.posts.items() if builder.row_of[pid] not in bad_rows}
    for post in posts.values():  # lines to a skipped row's post go with it
        if post.reports_to not in posts:
            post.reports_to = None
        post.dotted = [d for d in post.dotted if d.manager in posts]
    used_groups = {p.group for p in posts.values()}
    groups = {gid: g for gid, g in builder.groups.items() if gid in used_groups}
    structure = Structure(name=(options.name or "").strip() or name, organisation=options.organisation.strip(),
                          scenario=options.scenario.strip(),
                          settings=Settings(on_cost_rate=options.on_cost_rate, cost_basis=options.cost_basis),
                          groups=groups, posts=posts)
    return ImportResult(structure, found)


class _Builder:
    def __init__(self, mapping: ColumnMapping, options: ImportOptions) -> None:
        self.mapping = mapping
        self.options = options
        self.problems: list[Problem] = []
        self.posts: dict[str, Post] = {}
        self.groups: dict[str, Group] = {}
        self._group_by_name: dict[str, str] = {}
        self.row_of: dict[str, int] = {}
        self._pending: list[tuple[int, dict[str, str]]] = []

    def _problem(self, row: int, field_name: str, value: str, message: str) -> None:
        self.problems.append(Problem(row, self.mapping.label(field_name), value, message))

    def add_row(self, row: int, cells: list[str]) -> None:
        values = self.mapping.values(cells)
        custom = self.mapping.custom_values(cells)
        post_id, title = values.get("post_id", ""), values.get("title", "")
        if not post_id:
            self._problem(row, "post_id", "", "every post needs an id")
        elif post_id in self.row_of:
            self._problem(row, "post_id", post_id, f"is already used on row {self.row_of[post_id]}")
        if not title:
            self._problem(row, "title", "", "every post needs a title")
        fields: dict[str, object] = {"id": post_id, "title": title or "(no title)"}
        fte = self._number(row, values, "fte")
        hours = self._number(row, values, "hours")
        if fte is not None:
            fields["fte"] = fte
        elif hours is not None:
            fields["fte"] = round(hours / self.options.standard_hours, 4)
        salary = self._number(row, values, "salary")
        if salary is not None:
            fields["salary"] = salary
        share = self._number(row, values, "funding_share", percent=True)
        if share is not None:
            if share > 1:
                self._problem(row, "funding_share", values["funding_share"],
                              "the share this organisation pays must be between 0 and 1 (or 0% and 100%)")
            elif share < 1:
                fields["funding"] = {PARTNER: round(1 - share, 10)}
        for name in ("grade", "tier", "postholder"):
            if values.get(name):
                fields[name] = values[name]
        if values.get("status"):
            status = _STATUS_WORDS.get(values["status"].lower().replace("_", " ").strip())
            if status is None:
                known = ", ".join(s.value for s in PostStatus)
                self._problem(row, "status", values["status"], f"is not a post status (use one of: {known})")
            else:
                fields["status"] = status
        if values.get("designations"):
            parsed = []
            for item in _split(values["designations"]):
                try:
                    parsed.append(Designation.parse(item))
                except ValueError:
                    known = ", ".join(d.value for d in Designation)
                    self._problem(row, "designations", item, f"is not a statutory designation (use one of: {known})")
            fields["designations"] = parsed
        if values.get("group"):
            fields["group"] = self._group_id(values["group"])
        if values.get("in_scope"):
            scope = values["in_scope"].strip().lower()
            if scope in ("yes", "y", "true", "1", "in", "in scope"):
                fields["in_scope"] = True
            elif scope in ("no", "n", "false", "0", "out", "out of scope"):
                fields["in_scope"] = False
            else:
                self._problem(row, "in_scope", values["in_scope"], "should be yes or no")
        if values.get("assistant", "").strip():
            flag = values["assistant"].strip().lower()
            if flag in ("yes", "y", "true", "1", "x"):
                fields["assistant"] = True
            elif flag not in ("no", "n", "false", "0"):
                self._problem(row, "assistant", values["assistant"], "should be yes or no")
        if values.get("partner", "").strip():
            fields["context"] = values["partner"].strip()  # a partner's post, shown for context
        if custom:
            fields["custom"] = custom
        if post_id and post_id not in self.row_of:
            # A row with problems still gets a post, so its manager and dotted lines are
            # checked too and the user hears of every problem at once.
            try:
                post = Post.model_validate(fields)
            except ValidationError as exc:
                for error in exc.errors():
                    field_name = str(error["loc"][0]) if error["loc"] else ""
                    message = " ".join(error["msg"].removeprefix("Value error, ").split())
                    self._problem(row, field_name, "", message)
                return
            self.row_of[post_id] = row
            self.posts[post_id] = post
            self._pending.append((row, values))

    def _number(self, row: int, values: dict[str, str], name: str, percent: bool = False) -> float | None:
        text = values.get(name, "")
        if not text:
            return None
        cleaned = re.sub(r"[£,\s]", "", text)
        scale = 1.0
        if percent and cleaned.endswith("%"):
            cleaned, scale = cleaned[:-1], 0.01
        try:
            number = float(cleaned) * scale
        except ValueError:
            self._problem(row, name, text, "is not a number")
            return None
        if number != number or number in (float("inf"), float("-inf")):
            self._problem(row, name, text, "is not a number")
            return None
        if number < 0:
            self._problem(row, name, text, "cannot be negative")
            return None
        return number

    def _group_id(self, name: str) -> str:
        if name in self._group_by_name:
            return self._group_by_name[name]
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60].strip("-") or "group"
        group_id, n = slug, 2
        while group_id in self.groups:
            group_id, n = f"{slug}-{n}", n + 1
        self.groups[group_id] = Group(id=group_id, name=name[:MAX_TITLE])
        self._group_by_name[name] = group_id
        return group_id

    def resolve_references(self) -> None:
        """Resolve managers and dotted lines (by id, or by a title or name that is unambiguous), then cycles."""
        by_name: dict[str, list[str]] = {}
        for post in self.posts.values():
            for label in {post.title, post.postholder}:
                if label:
                    by_name.setdefault(label.strip().lower(), []).append(post.id)
        for row, values in self._pending:
            post = self.posts[values["post_id"]]
            manager = values.get("reports_to", "")
            if manager:
                resolved = self._resolve(row, "reports_to", manager, post.id, by_name)
                if resolved is not None:
                    post.reports_to = resolved
            dotted = []
            for target in _split(values.get("dotted_to", "")):
                resolved = self._resolve(row, "dotted_to", target, post.id, by_name)
                if resolved is not None and resolved != post.reports_to:
                    dotted.append(DottedLine(manager=resolved))
            if dotted:
                post.dotted = dotted
        self._find_cycles()

    def _resolve(self, row: int, name: str, text: str, post_id: str, by_name: dict[str, list[str]]) -> str | None:
        if text in self.posts:
            target = text
        else:
            matches = sorted(set(by_name.get(text.strip().lower(), [])))
            if len(matches) > 1:
                self._problem(row, name, text, f"matches {len(matches)} posts ({', '.join(matches)}); "
                                               "give the post id instead")
                return None
            if not matches:
                self._problem(row, name, text, "is not the id, title or postholder of any post in the table")
                return None
            target = matches[0]
        if target == post_id:
            self._problem(row, name, text, "a post cannot report to itself")
            return None
        return target

    def _find_cycles(self) -> None:
        for cycle in find_cycles({pid: post.reports_to for pid, post in self.posts.items()}):
            first = min(cycle, key=lambda p: self.row_of[p])
            chain = " → ".join(f"{p} (row {self.row_of[p]})" for p in (*cycle, cycle[0]))
            self._problem(self.row_of[first], "reports_to", self.posts[first].reports_to or "",
                          f"makes a reporting cycle: {chain}")


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]
