"""Hostile spreadsheets and safe writing: entity bombs, zip bombs, malformed XML, unclosed quotes,
formula-like and control-character cells, temporary files, and saves killed midway."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from orgdesigner.io import tables
from orgdesigner.io.establishment import ImportFailed, ImportOptions, import_table
from orgdesigner.io.export import write_csv, write_xlsx
from orgdesigner.io.safetext import neutralise_formula, terminal_safe
from orgdesigner.io.tables import TableError, read_rows
from orgdesigner.model.safefiles import SamePathRefused, refuse_same_path, write_atomically

ROWS = [["post_id", "title", "reports_to"], ["1", "Chief Executive", ""], ["2", "Director", "1"]]


def workbook_bytes(rows=ROWS) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_sheet(path: Path, sheet_xml: bytes, extra: dict[str, bytes] | None = None) -> Path:
    """A workbook whose first sheet's XML is replaced."""
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = sheet_xml if info.filename == "xl/worksheets/sheet1.xml" else source.read(info)
            out.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return path


SHEET_START = (b'<?xml version="1.0"?>\n%s<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               b"<sheetData>")
SHEET_END = b"</sheetData></worksheet>"


def test_external_entities_and_entity_bombs_are_refused(tmp_path):
    external = b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    bomb = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    for name, doctype in (("external.xlsx", external), ("bomb.xlsx", bomb)):
        row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>'
        path = with_sheet(tmp_path / name, SHEET_START % doctype + row + SHEET_END)
        with pytest.raises(TableError, match="entities or a document type, which are refused"):
            read_rows(path)


def test_malformed_xml_is_a_clear_message(tmp_path):
    path = with_sheet(tmp_path / "broken.xlsx", SHEET_START % b"" + b'<row r="1"><c r="A1"' + SHEET_END)
    with pytest.raises(ImportFailed, match="not a readable Excel workbook \\(its XML is malformed"):
        import_table(path)


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "MAX_WORKBOOK_UNCOMPRESSED", 1_000_000)
    path = with_sheet(tmp_path / "bomb.xlsx", SHEET_START % b"" + b" " * 2_000_000 + SHEET_END)
    with pytest.raises(TableError, match="would unpack to 2 MB, more than the 1 MB"):
        read_rows(path)


def test_a_sheet_without_dimensions_reaching_the_last_row_is_refused_in_seconds(tmp_path):
    cell = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = with_sheet(tmp_path / "far.xlsx", SHEET_START % b"" + cell + SHEET_END)
    started = time.perf_counter()
    with pytest.raises(TableError, match="more than"):
        read_rows(path)
    assert time.perf_counter() - started < 20


def test_an_unclosed_csv_quote_names_its_row(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('post_id,title\n1,Chief\n2,"Director\n3,Head\n')
    with pytest.raises(ImportFailed, match='row 3: a quote \\(\\"\\) opened in this row is never closed'):
        import_table(path)


def test_the_problems_listed_are_capped(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("post_id,title,fte\n" + "".join(f"{i},T,lots\n" for i in range(500)))
    with pytest.raises(ImportFailed) as caught:
        import_table(path)
    assert "500 problems" in str(caught.value) and "… and 451 more" in str(caught.value)
    assert str(caught.value).count("\n") == 50


@pytest.mark.parametrize("hours", [0, -37, float("inf"), float("nan")])
def test_a_standard_week_of_no_hours_is_refused(tmp_path, hours):
    path = tmp_path / "t.csv"
    path.write_text("post_id,title,hours\n1,Chief,37\n")
    with pytest.raises(ImportFailed, match="standard working week must be more than 0"):
        import_table(path, ImportOptions(standard_hours=hours))


def test_infinite_figures_in_a_table_are_problems(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("post_id,title,salary,fte\n1,Chief,inf,1\n2,Director,1,1e300\n")
    with pytest.raises(ImportFailed) as caught:
        import_table(path)
    assert "row 2, column salary: 'inf' is not a number" in str(caught.value)
    assert "row 3, column fte" in str(caught.value) and "less than or equal" in str(caught.value)


FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", " \n=1", "＝1", "＋1", "－1", "＠x"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formula_like_cells_are_neutralised_and_read_back(tmp_path, suffix):
    rows = [["post_id", "title"], *[[str(i), text] for i, text in enumerate(FORMULAS, start=1)]]
    path = tmp_path / f"out{suffix}"
    (write_csv if suffix == ".csv" else write_xlsx)(rows, path)
    if suffix == ".xlsx":
        cells = [row[1].value for row in load_workbook(path).active.iter_rows(min_row=2)]
    else:
        cells = [line.split(",", 1)[1] for line in path.read_text(encoding="utf-8-sig").split("\r\n")[1:] if line]
    assert all(str(cell).lstrip('"').startswith("'") for cell in cells), cells
    assert [row[1] for row in read_rows(path)[1:]] == FORMULAS


def test_control_characters_are_escaped_in_xlsx_and_for_the_terminal(tmp_path):
    path = tmp_path / "out.xlsx"
    assert write_xlsx([["post_id", "title"], ["1", "Chief\x1b[31m\x07 Exec"]], path) == 1
    assert load_workbook(path).active["B2"].value == "Chief\\x1b[31m\\x07 Exec"
    shown = terminal_safe("Chief\x1b[2J\x9b1m\u202eevil\nnext")
    assert shown == "Chief\\x1b[2J\\x9b1m\\u202eevil\\x0anext"
    assert terminal_safe("a\nb", keep_newlines=True) == "a\nb"
    assert neutralise_formula("\r\n=1") == "'\r\n=1" and neutralise_formula("a=1") == "a=1"


def test_saves_keep_the_mode_follow_no_planted_link_and_clean_stale_temporaries(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    (tmp_path / ".out.xlsx.tmp").symlink_to(victim)
    old_mask = os.umask(0o027)
    try:
        write_xlsx(ROWS, tmp_path / "out.xlsx")
        write_csv(ROWS, tmp_path / "out.csv")
    finally:
        os.umask(old_mask)
    assert victim.read_text() == "keep me"
    assert (tmp_path / "out.xlsx").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "out.csv").stat().st_mode & 0o777 == 0o640
    os.chmod(tmp_path / "out.csv", 0o604)
    gone = tmp_path / ".out.csv.orgd-tmp.999999999.abc123"
    old = tmp_path / f".out.csv.orgd-tmp.{os.getpid()}.old_1"
    fresh = tmp_path / f".out.csv.orgd-tmp.{os.getpid()}.fresh"
    for path in (gone, old, fresh):
        path.write_text("partial")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    write_csv(ROWS, tmp_path / "out.csv")
    assert (tmp_path / "out.csv").stat().st_mode & 0o777 == 0o604
    assert not gone.exists() and not old.exists() and fresh.exists()


def test_an_output_that_is_an_input_is_refused(tmp_path):
    table = tmp_path / "table.csv"
    table.write_text("x")
    (tmp_path / "link.csv").symlink_to(table)
    for output in (table, tmp_path / "link.csv", tmp_path / "." / "table.csv"):
        with pytest.raises(SamePathRefused, match="also an input"):
            refuse_same_path(output, tmp_path / "other.orgd", table)
    with pytest.raises(SamePathRefused):
        refuse_same_path(tmp_path / "new.orgd", tmp_path / "sub" / ".." / "new.orgd")
    refuse_same_path(tmp_path / "out.orgd", table)


SAVER = """
import sys
from pathlib import Path
from orgdesigner.model.safefiles import write_atomically
target = Path(sys.argv[1])
content = ("x" * 1023 + "\\n") * 30_000
print("ready", flush=True)
while True:
    write_atomically(target, content)
"""


def test_saves_killed_midway_leave_the_file_whole_and_no_temporary_after_the_next_save(tmp_path):
    target = tmp_path / "big.orgd"
    write_atomically(target, "original\n")
    for attempt in range(20):
        saver = subprocess.Popen([sys.executable, "-c", SAVER, str(target)], stdout=subprocess.PIPE)
        assert saver.stdout is not None and saver.stdout.readline().strip() == b"ready"
        time.sleep(0.02 * (attempt % 5))
        saver.send_signal(signal.SIGKILL)
        saver.wait()
        saver.stdout.close()
        text = target.read_text()
        assert text == "original\n" or text == ("x" * 1023 + "\n") * 30_000
    write_atomically(target, "after\n")
    assert target.read_text() == "after\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.orgd"]
