"""Assistants and staff officers: a post field, read from a spreadsheet column, saved only when
set, and drawn beside the manager (not in the row of reports) on screen and in print."""

from __future__ import annotations

import csv

import pytest

from orgdesigner.io.establishment import ImportFailed, import_table
from orgdesigner.layout import SCREEN_LAYOUT, LayoutOptions, compute_layout
from orgdesigner.model import Group, Structure
from orgdesigner.model.fileformat import dumps, loads
from orgdesigner.pdf.chart.plan import PRINT_LAYOUT

from test_layout import build, overlapping, route


def with_assistant() -> Structure:
    rows = [{"id": "CE"}, {"id": "PA", "to": "CE"}] + [{"id": f"D{i}", "to": "CE"} for i in range(4)]
    rows += [{"id": f"H{i}{j}", "to": f"D{i}"} for i in range(4) for j in range(3)]
    structure = build(rows)
    structure.update_post("PA", assistant=True)
    return structure


def test_assistant_sits_beside_its_manager_not_in_the_row_of_reports() -> None:
    structure = with_assistant()
    for options in (LayoutOptions(), SCREEN_LAYOUT, PRINT_LAYOUT):
        layout = compute_layout(structure, options)
        ce, pa = layout.cards["CE"], layout.cards["PA"]
        directors = [layout.cards[f"D{i}"] for i in range(4)]
        assert pa.y == ce.y and pa.x >= ce.right, "beside the manager, at its height"
        assert all(pa.bottom < d.y for d in directors), "above the row of reports"
        points = route(layout, "CE", "PA").points
        assert points[0] == (ce.right, ce.center_y) and points[-1] == (pa.x, pa.center_y)
        assert overlapping(layout.cards) == []


def test_assistant_in_another_group_hangs_as_a_report() -> None:
    structure = with_assistant()
    structure.add_group(Group(id="g", name="Office"))
    structure.update_post("PA", group="g")
    layout = compute_layout(structure, SCREEN_LAYOUT)
    assert layout.cards["PA"].y > layout.cards["CE"].bottom


def test_assistant_flag_saved_only_when_set() -> None:
    structure = with_assistant()
    text = dumps(structure)
    assert text.count('"assistant"') == 1
    assert loads(text).posts["PA"].assistant and not loads(text).posts["D0"].assistant


def test_assistant_column_imports(tmp_path) -> None:
    path = tmp_path / "staff.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Post ID", "Job Title", "Reports To", "Staff Officer"])
        writer.writerow(["1", "Chief Executive", "", ""])
        writer.writerow(["2", "Executive Assistant", "1", "yes"])
        writer.writerow(["3", "Director", "1", "no"])
    structure = import_table(path).structure
    assert [p.assistant for p in structure.posts.values()] == [False, True, False]


def test_assistant_column_refuses_nonsense(tmp_path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("Post ID,Job Title,Reports To,Assistant\n1,Chief Executive,,\n2,PA,1,perhaps\n")
    with pytest.raises(ImportFailed, match="perhaps.*yes or no"):
        import_table(path)


def test_assistant_flag_survives_export_and_import(tmp_path) -> None:
    from orgdesigner.analysis import Analysis
    from orgdesigner.io.export import posts_table, write_csv

    structure = with_assistant()
    path = tmp_path / "posts.csv"
    write_csv(posts_table(structure, Analysis(structure)), path)
    back = import_table(path).structure
    assert {p.id for p in back.posts.values() if p.assistant} == {"PA"}
