"""Reading a spreadsheet (CSV or Excel) into rows of text cells, as the user sees them.

Only regular files of a bounded size are read. A workbook's parts are checked in its zip
directory before anything is unpacked (a zip bomb is refused unread), its XML is parsed through
defusedxml (no external entities, no entity expansion), and reading stops at the row and cell
limits, so a hostile table is refused in seconds.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import ParseError

from ..model.limits import (MAX_CELLS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_WORKBOOK_BYTES,
                            MAX_WORKBOOK_UNCOMPRESSED)
from ..model.safefiles import UnreadableFile, read_regular_file
from .safetext import restore_formula_text

if TYPE_CHECKING:
    from openpyxl import Workbook


class TableError(Exception):
    """A file that cannot be read as a table; the message says why."""


def read_text(path: Path) -> str:
    """A CSV's text, UTF-8 (with or without BOM) or else Windows-1252 as Excel saves it."""
    raw = _read(path, MAX_FILE_BYTES)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _read(path: Path, limit: int) -> bytes:
    try:
        return read_regular_file(path, limit)
    except UnreadableFile as exc:
        raise TableError(str(exc)) from None


def read_rows(path: Path, sheet: str | None = None) -> list[list[str]]:
    suffix = path.suffix.lower()
    if suffix in (".xls", ".ods"):
        raise TableError(f"{suffix} files cannot be read: save the sheet as .xlsx or .csv")
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path, sheet)
    return csv_rows(read_text(path))


def csv_rows(text: str) -> list[list[str]]:
    """The rows of CSV text; an unclosed quote is an error naming the row it opens on."""
    reader = csv.reader(io.StringIO(text), strict=True)
    rows: list[list[str]] = []
    cells = 0
    while True:
        starts_on = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return rows
        except csv.Error as exc:
            if "end of data" in str(exc) or "EOF" in str(exc):
                raise TableError(f"row {starts_on}: a quote (\") opened in this row is never closed, so the "
                                 "rest of the file would be read as one cell") from None
            raise TableError(f"row {starts_on}: not a readable CSV file ({exc})") from None
        cells += len(row)
        _check_size(len(rows) + 1, len(row), cells, starts_on)
        rows.append([restore_formula_text(cell) for cell in row])


def _check_size(row_count: int, width: int, cells: int, row_number: int) -> None:
    if row_count > MAX_ROWS:
        raise TableError(f"the table has more than {MAX_ROWS:,} rows, more than this program reads")
    if width > MAX_COLUMNS:
        raise TableError(f"row {row_number} has {width:,} columns, more than the {MAX_COLUMNS:,} this program reads")
    if cells > MAX_CELLS:
        raise TableError(f"the table has more than {MAX_CELLS:,} cells, more than this program reads")


def sheet_names(path: Path) -> list[str]:
    """The sheets of an Excel workbook, in order; a CSV file has none."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    workbook = _open_workbook(path)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _check_zip(data: bytes) -> None:
    """Refuse a workbook whose parts would unpack to more than the limit, before unpacking any."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise TableError(f"not a readable Excel workbook ({exc})") from None
    if total > MAX_WORKBOOK_UNCOMPRESSED:
        raise TableError(f"the workbook would unpack to {total / 2**20:,.0f} MB, more than the "
                         f"{MAX_WORKBOOK_UNCOMPRESSED / 2**20:,.0f} MB this program reads (it may be a zip bomb)")


def _open_workbook(path: Path) -> Workbook:
    from openpyxl import DEFUSEDXML, load_workbook

    if not DEFUSEDXML:  # installed with the program; without it workbooks could expand entities
        raise TableError("Excel workbooks cannot be read safely here: the defusedxml package is missing")
    data = _read(path, MAX_WORKBOOK_BYTES)
    _check_zip(data)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook; each is the file's fault
        raise TableError(f"not a readable Excel workbook ({_xml_problem(exc)})") from None


def _xml_problem(exc: BaseException) -> str:
    """The reason, in one line: a refused entity, broken XML, or openpyxl's own message
    (openpyxl wraps the parser's error, so the chain of causes is searched)."""
    cause: BaseException | None = exc
    while cause is not None:
        if type(cause).__name__ in ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden",
                                    "NotSupportedError"):
            return "it declares XML entities or a document type, which are refused for safety"
        if isinstance(cause, ParseError):
            return f"its XML is malformed: {cause}"
        cause = cause.__cause__ or cause.__context__
    return " ".join(str(exc).split()) or type(exc).__name__


def _xlsx_rows(path: Path, sheet: str | None) -> list[list[str]]:
    workbook = _open_workbook(path)
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            raise TableError(f"the workbook has no sheet named {sheet!r} (it has: {', '.join(workbook.sheetnames)})")
        try:
            return _bounded_rows(worksheet.iter_rows(values_only=True))
        except TableError:
            raise
        except Exception as exc:  # the sheet's XML is parsed as it is read
            raise TableError(f"not a readable Excel workbook ({_xml_problem(exc)})") from None
    finally:
        workbook.close()


def _bounded_rows(rows: Iterable[tuple[object, ...]]) -> list[list[str]]:
    """Cell texts row by row, trailing empty cells dropped, stopping at the row and cell limits."""
    result: list[list[str]] = []
    cells = 0
    for number, values in enumerate(rows, start=1):
        texts = [_cell_text(v) for v in values[:MAX_COLUMNS + 1]]
        while texts and not texts[-1]:
            texts.pop()
        cells += len(values)
        _check_size(number, len(texts), cells, number)
        result.append([restore_formula_text(t) for t in texts])
    return result


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
