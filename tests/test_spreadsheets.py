"""Establishment lists as HR systems export them: Excel and CSV in, and the posts table back out."""

from __future__ import annotations

import csv

import pytest
from openpyxl import Workbook, load_workbook

from orgdesigner.analysis import check_report
from orgdesigner.io.establishment import ImportFailed, ImportOptions, import_table
from orgdesigner.io.export import posts_table, write_csv, write_xlsx
from orgdesigner.analysis import Analysis
from orgdesigner.model import load

from conftest import SAMPLES

HR_ROWS = [
    ["Test Council — establishment report", None, None, None, None, None, None, None],
    ["Run on 01/11/2026", None, None, None, None, None, None, None],
    [None] * 8,
    ["Position Number", "Job Title", "Reports To", "Directorate", "Band", "Hours", "Annual Salary", "Cost Centre"],
    [1001, "Chief Executive", None, "Chief Executive's Office", "CE", 37, 150000, "CC01"],
    [1002, "Director of Resources", "Chief Executive", "Resources", "D", 37, 100000, "CC02"],
    [1003, "Head of Finance", 1002, "Resources", "HoS", 18.5, 80000, "CC03"],
]


def write_workbook(path, rows, sheet="Establishment"):
    workbook = Workbook()
    workbook.active.title = sheet
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)


def test_hr_workbook_with_title_rows_and_everyday_headers(tmp_path):
    path = tmp_path / "establishment.xlsx"
    write_workbook(path, HR_ROWS)
    structure = import_table(path).structure
    ce, director, head = (structure.posts[p] for p in ("1001", "1002", "1003"))
    assert director.reports_to == "1001"  # a manager named by title is resolved
    assert head.reports_to == "1002" and head.fte == pytest.approx(0.5)
    assert head.salary == 80000 and head.grade == "HoS"
    assert head.custom == {"Cost Centre": "CC03"}
    assert structure.groups[head.group].name == "Resources"


def test_named_sheet_and_missing_sheet(tmp_path):
    path = tmp_path / "e.xlsx"
    workbook = Workbook()
    workbook.active.title = "Notes"
    posts = workbook.create_sheet("Posts")
    for row in HR_ROWS[3:]:
        posts.append(row)
    workbook.save(path)
    assert len(import_table(path, ImportOptions(sheet="Posts")).structure.posts) == 3
    with pytest.raises(ImportFailed, match="no sheet named 'Staff'"):
        import_table(path, ImportOptions(sheet="Staff"))


def test_standard_hours_setting(tmp_path):
    path = tmp_path / "e.xlsx"
    write_workbook(path, HR_ROWS)
    head = import_table(path, ImportOptions(standard_hours=36)).structure.posts["1003"]
    assert head.fte == pytest.approx(18.5 / 36, abs=1e-4)


def test_every_problem_named_by_sheet_row_and_heading(tmp_path):
    rows = HR_ROWS + [[1004, "Head of Legal", "Director", "Resources", "HoS", "lots", 80000, None],
                      [1005, None, 1002, "Resources", "HoS", 37, -1, None]]
    path = tmp_path / "e.xlsx"
    write_workbook(path, rows)
    with pytest.raises(ImportFailed) as info:
        import_table(path)
    messages = [str(p) for p in info.value.problems]
    assert "row 8, column Reports To: 'Director' is not the id, title or postholder of any post in the table" in messages
    assert "row 8, column Hours: 'lots' is not a number" in messages
    assert "row 9, column Job Title: every post needs a title" in messages
    assert "row 9, column Annual Salary: '-1' cannot be negative" in messages


def test_skip_bad_rows_keeps_the_good_ones_and_lists_the_rest(tmp_path):
    rows = HR_ROWS + [[1004, "Adviser", "Nobody", "Resources", "HoS", 37, 1, None]]
    path = tmp_path / "e.xlsx"
    write_workbook(path, rows)
    result = import_table(path, ImportOptions(skip_bad_rows=True))
    assert set(result.structure.posts) == {"1001", "1002", "1003"}
    assert [p.row for p in result.skipped] == [8]


def test_ambiguous_manager_name_asks_for_the_id(tmp_path):
    rows = HR_ROWS + [[1004, "Head of Finance", 1002, "Resources", "HoS", 37, 1, None],
                      [1005, "Accountant", "Head of Finance", "Resources", "G8", 37, 1, None]]
    path = tmp_path / "e.xlsx"
    write_workbook(path, rows)
    with pytest.raises(ImportFailed, match="matches 2 posts \\(1003, 1004\\)"):
        import_table(path)


def test_table_without_a_post_id_column_says_so(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Job Title,Reports To\nChief Executive,\n")
    with pytest.raises(ImportFailed, match="no column gives the post id"):
        import_table(path)


def test_not_a_workbook(tmp_path):
    path = tmp_path / "e.xlsx"
    path.write_text("this is not a zip file")
    with pytest.raises(ImportFailed, match="not a readable Excel workbook"):
        import_table(path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_imports_back_to_the_same_figures(structure, tmp_path, suffix):
    structure.update_post("H1", title="=HYPERLINK(\"http://x\")", postholder="@someone")
    analysis = Analysis(structure)
    out = tmp_path / f"posts{suffix}"
    (write_csv if suffix == ".csv" else write_xlsx)(posts_table(structure, analysis), out)
    again = import_table(out, ImportOptions(on_cost_rate=structure.settings.on_cost_rate)).structure
    again.pay_scales = structure.pay_scales
    before, after = check_report(structure), check_report(again)
    for key in ("posts", "fte", "vacant_posts", "spans", "max_span", "layers"):
        assert before[key] == after[key], key
    assert before["cost"]["net"] == pytest.approx(after["cost"]["net"])
    assert again.posts["H1"].title == "=HYPERLINK(\"http://x\")"
    assert again.posts["H1"].custom == {}


def test_formula_cells_are_written_inert(structure, tmp_path):
    structure.update_post("H1", title="=1+1", postholder="-2")
    rows = posts_table(structure, Analysis(structure))
    write_csv(rows, tmp_path / "p.csv")
    write_xlsx(rows, tmp_path / "p.xlsx")
    with open(tmp_path / "p.csv", encoding="utf-8-sig") as handle:
        cells = [row for row in csv.reader(handle) if row[0] == "H1"][0]
    assert cells[1] == "'=1+1" and cells[11] == "'-2"
    sheet = load_workbook(tmp_path / "p.xlsx").active
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "H1")
    assert row[1] == "'=1+1"
    assert sheet.cell(row=2, column=2).data_type == "s"


def test_export_command(structure, tmp_path):
    from orgdesigner.cli import main
    from orgdesigner.model import save

    path = tmp_path / "s.orgd"
    save(structure, path)
    assert main(["export", str(path), "-o", str(tmp_path / "p.xlsx")]) == 0
    assert main(["export", str(path), "-o", str(tmp_path / "p.txt")]) == 2
    assert load(path).posts["H1"].title == "Head of Finance"


def test_a_partners_post_exports_and_imports_back_as_a_partners_post(tmp_path):
    structure = load(SAMPLES / "peterborough-cambridgeshire-2017-shared.orgd")
    partner = next(post for post in structure.posts.values() if post.context is not None)
    out = tmp_path / "posts.csv"
    write_csv(posts_table(structure, Analysis(structure)), out)
    again = import_table(out).structure
    assert again.posts[partner.id].context == partner.context
    assert [p.id for p in again.posts.values() if p.context] == [partner.id]
    assert check_report(again)["posts"] == check_report(structure)["posts"]
