"""The Local Government Transparency Code 2015's organisation chart and senior salaries, as data.

The code (Part 2, "Organisation chart") asks for a chart of the staff in the top three levels of the
organisation giving, for each: grade, job title, department and team, whether permanent or
temporary, contact details, salary in £5,000 brackets (consistent with the senior salaries of
paragraph 38) and the salary ceiling (the maximum salary for the grade); it recommends the vacant
posts as well. "Senior salaries" (paragraph 38) counts the employees paid £50,000 or more in
£5,000 brackets with their job titles, and names only those paid £150,000 or more. A name the
structure withholds (an organogram's N/D) or the user redacts is never printed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import Analysis
from ..analysis.costing import salary_basis
from ..model import PayScale, Post, PostStatus, Structure
from ..model.fileformat import write_atomically
from ..model.money import money
from .safetext import neutralise_formula

TOP_LEVELS = 3
BRACKET = 5_000
SENIOR_FROM = 50_000
NAMED_FROM = 150_000
NOT_DISCLOSED = "Not disclosed"
TEMPORARY = {PostStatus.INTERIM, PostStatus.FIXED_TERM}

CHART_COLUMNS = ("Level", "Post", "Job title", "Grade", "Department", "Team", "Permanent or temporary",
                 "Contact details", "Salary bracket", "Grade salary ceiling", "Reports to", "Vacant")
SALARY_COLUMNS = ("Salary bracket", "Job title", "Department", "Team", "FTE", "Name")


@dataclass(frozen=True)
class ChartEntry:
    level: int
    """1 for the top of the organisation."""
    post: str
    title: str
    grade: str
    department: str
    team: str
    employment: str
    """"Permanent", "Temporary", or "Vacant"."""
    contact: str
    bracket: str
    """"£130,000 to £134,999", or "Not disclosed"."""
    ceiling: str
    """The top of the grade's pay scale, or "" when the grade has none."""
    reports_to: str
    vacant: bool


@dataclass(frozen=True)
class SalaryEntry:
    floor: float
    bracket: str
    title: str
    department: str
    team: str
    fte: float
    name: str
    """Only for pay of £150,000 or more, and never a withheld or redacted name."""


@dataclass
class TransparencyData:
    organisation: str
    date: str
    chart: list[ChartEntry] = field(default_factory=list)
    vacant: list[ChartEntry] = field(default_factory=list)
    """Every vacant post of the organisation, the top three levels or not."""
    salaries: list[SalaryEntry] = field(default_factory=list)
    """Filled posts paid £50,000 or more, highest bracket first."""
    pay_not_disclosed: int = 0
    """Filled posts left out of the senior salaries because their pay is not disclosed or not known."""


def transparency_data(structure: Structure, analysis: Analysis | None = None,
                      redact_names: bool = False) -> TransparencyData:
    analysis = analysis or Analysis(structure)
    scales = analysis.rules.scales_for(structure)
    data = TransparencyData(structure.organisation or structure.name, structure.date)
    for post in structure.posts.values():
        if post.context is not None:
            continue
        depth = analysis.depth(post.id)
        entry = _entry(structure, post, (depth or 0) + 1, scales)
        if depth is not None and depth < TOP_LEVELS:
            data.chart.append(entry)
        if entry.vacant:
            data.vacant.append(entry)
        pay = _pay(structure, post, scales)
        if entry.vacant:
            continue  # the senior salaries are what employees are paid; a vacant post has none
        if pay is None:
            data.pay_not_disclosed += 1
        elif pay >= SENIOR_FROM:
            named = pay >= NAMED_FROM and not redact_names and not post.name_withheld
            names = [n for n in (post.postholder, *post.co_holders) if n] if named else []
            data.salaries.append(SalaryEntry(_floor(structure, post, pay), bracket(structure, post, pay), post.title,
                                             entry.department, entry.team, post.fte, " and ".join(names)))
    data.chart.sort(key=lambda e: e.level)
    data.salaries.sort(key=lambda e: (-e.floor, e.title))
    return data


def bracket(structure: Structure, post: Post, pay: float) -> str:
    low = _floor(structure, post, pay)
    high = post.pay_band.ceiling if post.pay_band is not None and post.salary is None else low + BRACKET - 1
    return f"{money(low)} to {money(high)}"


def _floor(structure: Structure, post: Post, pay: float) -> float:
    if post.salary is None and post.pay_band is not None:
        return post.pay_band.floor
    return pay // BRACKET * BRACKET


def _pay(structure: Structure, post: Post, scales: dict[str, PayScale]) -> float | None:
    """The post's full-time pay: its salary, else its published band's floor, else its grade at the
    structure's cost basis; None when not disclosed or not known."""
    if post.salary is None and post.pay_band is not None and not post.pay_withheld:
        return post.pay_band.floor
    return salary_basis(post, scales, structure.settings)


def _entry(structure: Structure, post: Post, level: int, scales: dict[str, PayScale]) -> ChartEntry:
    chain = structure.group_chain(post.group) if post.group in structure.groups else []
    names = [structure.groups[g].name for g in reversed(chain)]
    department = post.custom.get("Parent Department", "") if not names else names[0]
    team = names[-1] if len(names) > 1 else ""
    vacant = post.status is PostStatus.VACANT
    employment = "Vacant" if vacant else "Temporary" if post.status in TEMPORARY else "Permanent"
    contact = "; ".join(v for k, v in post.custom.items() if v and ("phone" in k.lower() or "mail" in k.lower()))
    pay = _pay(structure, post, scales)
    scale = scales.get(post.grade) if post.grade else None
    manager = structure.posts[post.reports_to].title if post.reports_to in structure.posts else ""
    return ChartEntry(level, post.id, post.title, post.grade or "", department, team, employment, contact,
                      NOT_DISCLOSED if pay is None else bracket(structure, post, pay),
                      money(scale.max) if scale is not None else "", manager, vacant)


def chart_rows(data: TransparencyData) -> list[list[str]]:
    rows = [list(CHART_COLUMNS)]
    for e in data.chart:
        rows.append([str(e.level), e.post, e.title, e.grade, e.department, e.team, e.employment, e.contact,
                     e.bracket, e.ceiling, e.reports_to, "Yes" if e.vacant else "No"])
    return rows


def salary_rows(data: TransparencyData) -> list[list[str]]:
    rows = [list(SALARY_COLUMNS)]
    for e in data.salaries:
        rows.append([e.bracket, e.title, e.department, e.team, f"{e.fte:g}", e.name])
    return rows


def write_transparency_csv(data: TransparencyData, output: Path) -> tuple[Path, Path]:
    """Write NAME-organisation-chart.csv and NAME-senior-salaries.csv beside `output` (NAME.csv)."""
    stem = output.with_suffix("") if output.suffix.lower() == ".csv" else output
    chart = stem.with_name(f"{stem.name}-organisation-chart.csv")
    salaries = stem.with_name(f"{stem.name}-senior-salaries.csv")
    write_atomically(chart, _csv(chart_rows(data)))
    write_atomically(salaries, _csv(salary_rows(data)))
    return chart, salaries


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise_formula(cell) for cell in row])
    return buffer.getvalue()
