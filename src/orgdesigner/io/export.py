"""The posts table with its computed figures, to CSV or Excel, in the layout `import` reads back.

Text cells are made safe for spreadsheets: one that could be read as a formula gets a leading
apostrophe, and control characters an .xlsx file cannot hold are written as visible escapes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..analysis import Analysis
from ..analysis.costing import own_share
from ..model import Structure
from ..model.fileformat import write_atomically
from .safetext import cell_safe, neutralise_formula

HEADERS = ["post_id", "title", "reports_to", "dotted_to", "grade", "tier", "fte", "salary", "funding_share",
           "group", "status", "postholder", "designations", "in_scope", "assistant", "partner", "cost_gross", "cost_net",
           "span", "layer"]


def posts_table(structure: Structure, analysis: Analysis, redact_names: bool = False) -> list[list[object]]:
    """One row a post: its fields, then cost, span and layer as the analysis computes them."""
    rows: list[list[object]] = [list(HEADERS)]
    for post in structure.posts.values():
        cost = analysis.cost(post.id)
        depth = analysis.depth(post.id)
        group = structure.groups[post.group].name if post.group else ""
        rows.append([
            post.id, post.title, post.reports_to or "", ";".join(d.manager for d in post.dotted), post.grade or "",
            post.tier or "", post.fte, "" if post.salary is None else post.salary, round(own_share(post), 6),
            group, post.status.value, "" if redact_names else (post.postholder or ""),
            ";".join(d.value for d in post.designations), "yes" if post.in_scope else "no",
            "yes" if post.assistant else "", post.context or "",
            round(cost.gross, 2), round(cost.net, 2), analysis.span(post.id), "" if depth is None else depth + 1,
        ])
    return rows


def write_csv(rows: list[list[object]], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise_formula(v) if isinstance(v, str) else v for v in row])
    write_atomically(path, "\ufeff" + buffer.getvalue())


def write_xlsx(rows: list[list[object]], path: Path, title: str = "Posts") -> int:
    """Write the workbook atomically; returns how many cells had control characters, written as
    visible escapes (``\\x1b``) because an .xlsx cell cannot hold them, for the caller to report."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.worksheets[0]  # a new workbook has one sheet
    sheet.title = cell_safe(title)[0][:31]
    escaped = 0
    for row in rows:
        cells: list[object] = []
        for value in row:
            if isinstance(value, str):
                value, changed = cell_safe(value)  # text stays text, never a formula
                escaped += changed
            cells.append(value)
        sheet.append(cells)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for number, column in enumerate(sheet.columns, start=1):
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[get_column_letter(number)].width = min(48, max(8, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(path, buffer.getvalue())
    return escaped
