"""What the import dialog needs from the io layer: a workbook's sheets, and choosing what each column gives."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from orgdesigner.io.columns import CUSTOM, IGNORE, detect_mapping
from orgdesigner.io.establishment import ImportFailed, ImportOptions, build_structure, import_table
from orgdesigner.io.tables import TableError, sheet_names

ROWS = [
    ["Position Number", "Job Title", "Band", "Cost Centre", "cost_gross", ""],
    ["1001", "Chief Executive", "CE", "CC01", "190000", "note"],
]


def build(mapping):
    return build_structure(ROWS, "t.csv", "t", ImportOptions(), mapping).structure.posts["1001"]


def test_each_column_gives_a_field_a_custom_field_or_nothing():
    mapping = detect_mapping(ROWS)
    assert [mapping.choice(i) for i in range(6)] == ["post_id", "title", "grade", CUSTOM, IGNORE, IGNORE]
    assert build(mapping).custom == {"Cost Centre": "CC01"}  # computed figures and blank headings are not kept
    mapping.choose(3, IGNORE)
    mapping.choose(4, CUSTOM)
    mapping.choose(2, "tier")
    post = build(mapping)
    assert post.custom == {"cost_gross": "190000"} and post.tier == "CE" and post.grade is None


def test_choosing_a_field_twice_or_none_is_a_problem_of_the_mapping():
    mapping = detect_mapping(ROWS)
    mapping.choose(3, "title")
    assert mapping.problems() == [("title", "2 columns give the title: Job Title, Cost Centre")]
    mapping.choose(0, CUSTOM)
    with pytest.raises(ImportFailed, match="no column gives the post id"):
        build(mapping)
    with pytest.raises(ValueError, match="'wages' is not a field"):
        mapping.choose(0, "wages")


def test_sheet_names(tmp_path):
    path = tmp_path / "e.xlsx"
    workbook = Workbook()
    workbook.active.title = "Notes"
    workbook.create_sheet("Posts")
    workbook.save(path)
    assert sheet_names(path) == ["Notes", "Posts"]
    assert sheet_names(tmp_path / "e.csv") == []
    (tmp_path / "broken.xlsx").write_text("not a zip")
    with pytest.raises(TableError, match="not a readable Excel workbook"):
        sheet_names(tmp_path / "broken.xlsx")


def test_a_csv_the_reader_rejects_is_a_problem_not_a_traceback(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('post_id,title\n1,"' + "x" * 200_000 + "\n")
    with pytest.raises(ImportFailed, match="not a readable CSV file"):
        import_table(path)
