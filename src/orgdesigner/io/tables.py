"""Reading a spreadsheet (CSV or Excel) into rows of text cells, as the user sees them."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook

FORMULA_PREFIX = "'"
"""Written before a cell that starts like a formula, so spreadsheet programs show it as text."""


class TableError(Exception):
    """A file that cannot be read as a table; the message says why."""


def read_text(path: Path) -> str:
    """A CSV's text, UTF-8 (with or without BOM) or else Windows-1252 as Excel saves it."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_rows(path: Path, sheet: str | None = None) -> list[list[str]]:
    if not path.is_file():
        raise TableError("no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path, sheet)
    if suffix in (".xls", ".ods"):
        raise TableError(f"{suffix} files cannot be read: save the sheet as .xlsx or .csv")
    try:
        text = read_text(path)
    except OSError as exc:
        raise TableError(exc.strerror or str(exc)) from None
    try:
        return [[_unescape(cell) for cell in row] for row in csv.reader(io.StringIO(text))]
    except csv.Error as exc:
        raise TableError(f"not a readable CSV file ({exc})") from None


def sheet_names(path: Path) -> list[str]:
    """The sheets of an Excel workbook, in order; a CSV file has none."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    if not path.is_file():
        raise TableError("no such file")
    workbook = _open_workbook(path)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _open_workbook(path: Path) -> Workbook:
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TableError(f"not a readable Excel workbook ({exc})") from None


def _xlsx_rows(path: Path, sheet: str | None) -> list[list[str]]:
    workbook = _open_workbook(path)
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            raise TableError(f"the workbook has no sheet named {sheet!r} (it has: {', '.join(workbook.sheetnames)})")
        return [[_unescape(_cell_text(v)) for v in row] for row in worksheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value).strip()


def escape_formula(text: str) -> str:
    """Make a cell that starts with = + - or @ inert in spreadsheet programs."""
    return FORMULA_PREFIX + text if text[:1] in ("=", "+", "-", "@") else text


def _unescape(text: str) -> str:
    if text.startswith(FORMULA_PREFIX) and text[1:2] in ("=", "+", "-", "@"):
        return text[1:]
    return text
