"""Writing a structure as the published pair of organogram files, in the published column order.

The top post reports to XX; pay is written as its £5,000 band (floor and ceiling), undisclosed pay
as N/D; a job share is one row per holder, the post's FTE shared between them; junior staff are one
row per senior post and grade. The files import back to the same figures.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ...model import Post, PostStatus, Structure
from ...model.fileformat import write_atomically
from ..safetext import neutralise_formula
from .cells import NOT_DISCLOSED, TOP_MARK, VACANT
from .detect import JUNIOR_COLUMNS, SENIOR_COLUMNS
from .senior import BAND_WIDTH


def senior_rows(structure: Structure, redact_names: bool = False) -> list[list[str]]:
    rows = [list(SENIOR_COLUMNS)]
    for post in structure.posts.values():
        if post.context is not None:
            continue
        department, organisation, unit = _place(structure, post.id)
        floor, ceiling = _band(post)
        reports_cost = sum((s.pay_min + s.pay_max) / 2 * s.fte for s in post.junior
                           if s.pay_min is not None and s.pay_max is not None)
        names = _names(post, redact_names)
        for name in names:
            rows.append([
                post.id, name, post.grade or "", post.title, post.custom.get("Job/Team Function", ""),
                department, organisation, unit, post.custom.get("Contact Phone", ""),
                post.custom.get("Contact E-mail", ""), post.reports_to or TOP_MARK, _number(reports_cost),
                _number(round(post.fte / len(names), 6)), floor, ceiling, "",
                post.custom.get("Professional/Occupational Group", ""), post.notes, "",
            ])
    return rows


def junior_rows(structure: Structure) -> list[list[str]]:
    rows = [list(JUNIOR_COLUMNS)]
    for post in structure.posts.values():
        if post.context is not None:
            continue
        department, organisation, unit = _place(structure, post.id)
        for staff in post.junior:
            rows.append([department, organisation, staff.unit or unit, post.id, staff.grade,
                         _number(staff.pay_min), _number(staff.pay_max), staff.title, _number(staff.fte),
                         staff.profession])
    return rows


def write_organogram(structure: Structure, output: Path, redact_names: bool = False) -> tuple[Path, Path]:
    """Write NAME-senior.csv and NAME-junior.csv beside `output` (NAME.csv); returns the two paths."""
    stem = output.with_suffix("") if output.suffix.lower() == ".csv" else output
    senior = stem.with_name(f"{stem.name}-senior.csv")
    junior = stem.with_name(f"{stem.name}-junior.csv")
    write_atomically(senior, _csv(senior_rows(structure, redact_names)))
    write_atomically(junior, _csv(junior_rows(structure)))
    return senior, junior


def _names(post: Post, redact_names: bool) -> list[str]:
    if post.status is PostStatus.VACANT:
        return [VACANT]
    holders = [h for h in (post.postholder, *post.co_holders) if h]
    if not holders:
        holders = [NOT_DISCLOSED if post.name_withheld else ""]
    if post.status is PostStatus.JOB_SHARE and len(holders) == 1:
        holders = holders * 2  # a job share whose holders' names are not known is still two rows
    return [NOT_DISCLOSED if redact_names and h else h for h in holders]


def _band(post: Post) -> tuple[str, str]:
    if post.pay_withheld:
        return NOT_DISCLOSED, NOT_DISCLOSED
    if post.pay_band is not None:
        return _number(post.pay_band.floor), _number(post.pay_band.ceiling)
    if post.salary is not None and post.salary > 0:
        floor = post.salary // BAND_WIDTH * BAND_WIDTH
        return _number(floor), _number(floor + BAND_WIDTH - 1)
    return NOT_DISCLOSED, NOT_DISCLOSED


def _place(structure: Structure, post_id: str) -> tuple[str, str, str]:
    """Parent Department, Organisation and Unit of a post: as read, else from its groups and the structure."""
    post = structure.posts[post_id]
    unit = structure.groups[post.group].name if post.group else ""
    organisation = post.custom.get("Organisation") or structure.organisation or structure.name
    return post.custom.get("Parent Department", ""), organisation, unit


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:g}"


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise_formula(cell) for cell in row])
    return buffer.getvalue()
