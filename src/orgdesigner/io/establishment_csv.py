"""Build a structure from an establishment list in OrgDesigner's own CSV layout.

Headers (any order; only post_id and title are required):
post_id, title, reports_to, dotted_to, grade, tier, fte, salary, funding_share, group,
status, postholder, designations. `dotted_to` and `designations` take several values
separated by ";". Other columns are kept on each post as custom fields.

Every problem in the table is collected, each naming its row (as a spreadsheet numbers
it, the header being row 1), column and value; nothing is built unless there are none.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Designation, DottedLine, Group, Post, PostStatus, Settings, Structure

COLUMNS = ("post_id", "title", "reports_to", "dotted_to", "grade", "tier", "fte", "salary",
           "funding_share", "group", "status", "postholder", "designations")
REQUIRED = ("post_id", "title")
PARTNER = "Partner funding"
"""Who pays the rest of a post whose funding_share (the share this organisation pays) is below 1."""


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        shown = f" {self.value!r}" if self.value else ""
        return f"{where}:{shown} {self.message}"


class ImportFailed(Exception):
    """The table has problems; `problems` lists every one."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{source}: {len(problems)} {noun}; nothing was written:\n{lines}")


def read_text(path: Path) -> str:
    """A CSV's text, UTF-8 (with or without BOM) or else Windows-1252 as Excel saves it."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def import_csv(path: str | Path, on_cost_rate: float = 0.0) -> Structure:
    path = Path(path)
    try:
        text = read_text(path)
    except OSError as exc:
        raise ImportFailed(str(path), [Problem(0, "", "", exc.strerror or str(exc))]) from None
    return parse_table(text, source=str(path), name=path.stem.replace("_", " ").replace("-", " ").strip(),
                       on_cost_rate=on_cost_rate)


def parse_table(text: str, source: str, name: str, on_cost_rate: float = 0.0) -> Structure:
    reader = csv.reader(io.StringIO(text))
    rows = list(reader)
    if not rows:
        raise ImportFailed(source, [Problem(1, "", "", "the table is empty: it needs a header row")])
    header = [h.strip().lower().replace(" ", "_") for h in rows[0]]
    problems: list[Problem] = []
    for column in REQUIRED:
        if column not in header:
            problems.append(Problem(1, column, "", f"the header row has no '{column}' column"))
    seen_columns: set[str] = set()
    for column in header:
        if column in seen_columns and column:
            problems.append(Problem(1, column, "", "this column appears twice in the header"))
        seen_columns.add(column)
    if problems:
        raise ImportFailed(source, problems)

    builder = _Builder(header, problems)
    for offset, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        builder.add_row(offset, cells)
    builder.resolve_references()
    if problems:
        raise ImportFailed(source, sorted(problems, key=lambda p: (p.row, COLUMNS.index(p.column)
                                                                  if p.column in COLUMNS else 99)))
    return Structure(name=name or "Imported structure", settings=Settings(on_cost_rate=on_cost_rate),
                     groups=builder.groups, posts=builder.posts)


class _Builder:
    def __init__(self, header: list[str], problems: list[Problem]) -> None:
        self.header = header
        self.problems = problems
        self.posts: dict[str, Post] = {}
        self.groups: dict[str, Group] = {}
        self.row_of: dict[str, int] = {}
        self._pending: list[tuple[int, dict[str, str]]] = []

    def _problem(self, row: int, column: str, value: str, message: str) -> None:
        self.problems.append(Problem(row, column, value, message))

    def add_row(self, row: int, cells: list[str]) -> None:
        if len(cells) > len(self.header):
            extra = ", ".join(c for c in cells[len(self.header):] if c.strip())
            if extra:
                self._problem(row, "", extra, "this row has more cells than the header has columns")
        values = {col: (cells[i].strip() if i < len(cells) else "") for i, col in enumerate(self.header) if col}
        post_id, title = values.get("post_id", ""), values.get("title", "")
        if not post_id:
            self._problem(row, "post_id", "", "every post needs an id")
        elif post_id in self.row_of:
            self._problem(row, "post_id", post_id, f"is already used on row {self.row_of[post_id]}")
        if not title:
            self._problem(row, "title", "", "every post needs a title")
        fields: dict[str, object] = {"id": post_id, "title": title}
        fte = self._number(row, values, "fte")
        if fte is not None:
            fields["fte"] = fte
        salary = self._number(row, values, "salary")
        if salary is not None:
            fields["salary"] = salary
        share = self._number(row, values, "funding_share")
        if share is not None:
            if share > 1:
                self._problem(row, "funding_share", values["funding_share"],
                              "the share this organisation pays must be between 0 and 1")
            elif share < 1:
                fields["funding"] = {PARTNER: round(1 - share, 10)}
        for column in ("grade", "tier", "postholder"):
            if values.get(column):
                fields[column] = values[column]
        if values.get("status"):
            status = values["status"].lower().replace(" ", "-").replace("_", "-")
            try:
                fields["status"] = PostStatus(status)
            except ValueError:
                known = ", ".join(s.value for s in PostStatus)
                self._problem(row, "status", values["status"], f"is not a post status (use one of: {known})")
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
        custom = {col: v for col, v in values.items() if col not in COLUMNS and v}
        if custom:
            fields["custom"] = custom
        if post_id and post_id not in self.row_of:
            # A row with problems still gets a post, so its manager and dotted lines are
            # checked too and the user hears of every problem at once; any problem stops
            # the import, so such a post is never written.
            self.row_of[post_id] = row
            fields["title"] = title or "(no title)"
            self.posts[post_id] = Post.model_validate(fields)
            self._pending.append((row, values))

    def _number(self, row: int, values: dict[str, str], column: str) -> float | None:
        text = values.get(column, "")
        if not text:
            return None
        cleaned = re.sub(r"[£,\s]", "", text)
        try:
            number = float(cleaned)
        except ValueError:
            self._problem(row, column, text, "is not a number")
            return None
        if number != number or number in (float("inf"), float("-inf")):
            self._problem(row, column, text, "is not a number")
            return None
        if number < 0:
            self._problem(row, column, text, "cannot be negative")
            return None
        return number

    def _group_id(self, name: str) -> str:
        for group in self.groups.values():
            if group.name == name:
                return group.id
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "group"
        group_id, n = slug, 2
        while group_id in self.groups:
            group_id, n = f"{slug}-{n}", n + 1
        self.groups[group_id] = Group(id=group_id, name=name)
        return group_id

    def resolve_references(self) -> None:
        """Check managers and dotted lines name posts in the table, then look for cycles."""
        for row, values in self._pending:
            post = self.posts[values["post_id"]]
            manager = values.get("reports_to", "")
            if manager:
                if manager == post.id:
                    self._problem(row, "reports_to", manager, "a post cannot report to itself")
                elif manager not in self.posts:
                    self._problem(row, "reports_to", manager, "is not the id of any post in the table")
                else:
                    post.reports_to = manager
            dotted = []
            for target in _split(values.get("dotted_to", "")):
                if target == post.id:
                    self._problem(row, "dotted_to", target, "a post cannot have a dotted line to itself")
                elif target not in self.posts:
                    self._problem(row, "dotted_to", target, "is not the id of any post in the table")
                else:
                    dotted.append(DottedLine(manager=target))
            if dotted:
                post.dotted = dotted
        self._find_cycles()

    def _find_cycles(self) -> None:
        done: set[str] = set()
        for start in self.posts:
            path: list[str] = []
            on_path: set[str] = set()
            current: str | None = start
            while current is not None and current not in done and current not in on_path:
                path.append(current)
                on_path.add(current)
                current = self.posts[current].reports_to
            if current is not None and current in on_path:
                cycle = path[path.index(current):]
                first = min(cycle, key=lambda p: self.row_of[p])
                chain = " → ".join(f"{p} (row {self.row_of[p]})" for p in (*cycle, cycle[0]))
                self._problem(self.row_of[first], "reports_to", self.posts[first].reports_to or "",
                              f"makes a reporting cycle: {chain}")
            done.update(path)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]
