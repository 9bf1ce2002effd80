"""File ▸ Import Establishment… and File ▸ Export Table… in the window, the import dialog driven as a user would."""

from __future__ import annotations

import csv

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QDialog, QMessageBox

from orgdesigner.analysis.costing import own_share
from orgdesigner.io.columns import IGNORE
from orgdesigner.model import Post
from orgdesigner import editing as commands
from orgdesigner.ui.importdialog import ImportDialog

from test_window import window  # noqa: F401  (the fixture)

HR_CSV = """Test Council — establishment report,,,,,,,
Run on 01/11/2026,,,,,,,
,,,,,,,
Position Number,Job Title,Reports To,Directorate,Band,Hours,Annual Salary,Cost Centre
1001,Chief Executive,,Chief Executive's Office,CE,37,150000,CC01
1002,Director of Resources,Chief Executive,Resources,D,37,"100,000",CC02
1003,Head of Finance,1002,Resources,HoS,18.5,80000,CC03
"""
BAD_ROWS = """1004,Head of Legal,Nobody,Resources,HoS,lots,80000,CC04
1005,,1002,Resources,HoS,37,70000,CC05
1006,Accountant,1003,Resources,G8,37,40000,CC06
"""


@pytest.fixture
def hr_csv(tmp_path):
    path = tmp_path / "establishment.csv"
    path.write_text(HR_CSV, encoding="utf-8")
    return path


def import_through_window(win, path, drive):
    """File ▸ Import Establishment… on `path`, with drive(dialog) playing the user; returns the dialog shown."""
    shown: list[ImportDialog] = []
    win.choose_import_file = lambda: path

    def run(dialog: ImportDialog) -> bool:
        shown.append(dialog)
        dialog.show()
        drive(dialog)
        return dialog.result() == QDialog.Accepted

    win.run_import_dialog = run
    win.import_table_action.trigger()
    return shown[0] if shown else None


def press_import(dialog: ImportDialog) -> None:
    dialog.ok_button.click()


def choose(dialog: ImportDialog, heading: str, choice: str) -> None:
    combo = dialog.combos[dialog.mapping.headers.index(heading)]
    combo.setCurrentIndex(combo.findData(choice))


def problem_rows(dialog: ImportDialog) -> list[tuple[str, str, str, str]]:
    table = dialog.problem_table
    return [tuple(table.item(r, c).text() for c in range(4)) for r in range(table.rowCount())]


def preview_heading(dialog: ImportDialog, heading: str) -> str:
    return dialog.preview.horizontalHeaderItem(dialog.mapping.headers.index(heading)).text()


def test_import_everyday_headers_below_a_title_row_opens_a_new_unsaved_structure(window, hr_csv):
    structure = window.document.structure
    window.document.execute(commands.add_post(structure, Post(id="X", title="Extra", reports_to="CE")))
    asked = []
    window.ask_save_changes = lambda: asked.append(True) or QMessageBox.Discard

    def drive(dialog):
        assert not dialog.sheet_combo.isVisibleTo(dialog)  # a CSV has no sheets to choose
        assert "row 4" in dialog.header_label.text()
        assert preview_heading(dialog, "Job Title") == "Job Title\n→ Title"
        assert preview_heading(dialog, "Cost Centre") == "Cost Centre\n→ Custom field"
        assert dialog.preview.verticalHeaderItem(0).text() == "5"
        assert dialog.preview.item(1, 6).text() == "100,000"
        assert problem_rows(dialog) == []
        assert dialog.summary_label.text() == "3 posts ready to import."
        press_import(dialog)

    import_through_window(window, hr_csv, drive)
    assert asked == [True]
    imported = window.document.structure
    assert set(imported.posts) == {"1001", "1002", "1003"} and set(window.scene.cards) == set(imported.posts)
    assert imported.posts["1002"].reports_to == "1001" and imported.posts["1003"].fte == pytest.approx(0.5)
    assert imported.posts["1003"].custom == {"Cost Centre": "CC03"}
    assert window.document.path is None and window.isWindowModified()
    assert window.windowTitle().startswith("Establishment")
    assert window.statusBar().currentMessage() == "Imported 3 posts from establishment.csv"


def test_cancelling_the_unsaved_changes_prompt_imports_nothing(window, hr_csv):
    structure = window.document.structure
    window.document.execute(commands.add_post(structure, Post(id="X", title="Extra", reports_to="CE")))
    window.ask_save_changes = lambda: QMessageBox.Cancel
    assert import_through_window(window, hr_csv, press_import) is None
    assert window.document.structure is structure and "X" in structure.posts


def test_changing_a_column_updates_the_preview_and_problems(window, hr_csv):
    def drive(dialog):
        choose(dialog, "Job Title", IGNORE)
        assert preview_heading(dialog, "Job Title") == "Job Title\n→ Ignore"
        assert [p[3] for p in problem_rows(dialog)] == [
            "no column gives the title (the header row is row 4; choose the column in the import's mapping)"]
        assert not dialog.ok_button.isEnabled() and not dialog.skip_check.isEnabled()
        choose(dialog, "Job Title", "title")
        choose(dialog, "Cost Centre", "grade")  # Band already gives the grade
        assert problem_rows(dialog)[0][3] == "2 columns give the grade: Band, Cost Centre"
        assert not dialog.ok_button.isEnabled()
        choose(dialog, "Band", IGNORE)
        assert problem_rows(dialog) == [] and dialog.ok_button.isEnabled()
        press_import(dialog)

    import_through_window(window, hr_csv, drive)
    head = window.document.structure.posts["1003"]
    assert head.grade == "CC03" and head.custom == {}


def test_bad_rows_are_listed_by_row_and_can_be_skipped(window, hr_csv):
    hr_csv.write_text(HR_CSV + BAD_ROWS, encoding="utf-8")

    def drive(dialog):
        assert problem_rows(dialog) == [
            ("8", "Hours", "lots", "is not a number"),
            ("8", "Reports To", "Nobody", "is not the id, title or postholder of any post in the table"),
            ("9", "Job Title", "", "every post needs a title"),
        ]
        assert dialog.summary_label.text().startswith("3 problems in rows 8, 9")
        assert "is not a number" in dialog.preview.item(3, 0).toolTip()  # row 8, tinted in the preview
        assert not dialog.ok_button.isEnabled()
        press_import(dialog)  # refused while the problems stand
        assert dialog.isVisible()
        dialog.skip_check.setChecked(True)
        assert dialog.summary_label.text() == "4 posts ready to import; rows 8, 9 will be skipped."
        assert dialog.ok_button.isEnabled()
        press_import(dialog)

    import_through_window(window, hr_csv, drive)
    assert set(window.document.structure.posts) == {"1001", "1002", "1003", "1006"}
    assert window.statusBar().currentMessage() == (
        "Imported 4 posts from establishment.csv; skipped 2 rows with problems (8, 9)")


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("broken.xlsx", "this is not a workbook", "not a readable Excel workbook"),
    ("empty.csv", "\n,,\n", "the table is empty"),
])
def test_a_file_that_is_not_a_table_says_why_and_changes_nothing(window, tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_text(content)
    before = window.document.structure
    assert import_through_window(window, path, press_import) is None
    assert window.document.structure is before
    message = window.statusBar().currentMessage()
    assert message.startswith(f"{path}: ") and reason in message
    box = window.findChildren(QMessageBox)[-1]
    assert box.isVisible() and reason in box.text()


def test_a_workbook_offers_its_sheets_and_the_options(window, tmp_path):
    path = tmp_path / "establishment.xlsx"
    workbook = Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["Exported from the HR system"])
    posts = workbook.create_sheet("Posts")
    for row in csv.reader(HR_CSV.splitlines()[3:]):
        posts.append(row)
    workbook.save(path)

    def drive(dialog):
        assert dialog.sheet_combo.isVisibleTo(dialog)
        assert [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())] == ["Notes", "Posts"]
        assert not dialog.ok_button.isEnabled()  # the notes sheet has no post ids
        dialog.sheet_combo.setCurrentText("Posts")
        assert "row 1" in dialog.header_label.text() and problem_rows(dialog) == []
        dialog.hours_spin.setValue(36)
        dialog.oncost_spin.setValue(30)
        press_import(dialog)

    import_through_window(window, path, drive)
    imported = window.document.structure
    assert imported.posts["1003"].fte == pytest.approx(18.5 / 36, abs=1e-4)
    assert imported.settings.on_cost_rate == pytest.approx(0.3)


def export_through_window(win, path, action):
    win.choose_export_file = lambda _redact: path
    action.trigger()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exported_table_imports_back_to_the_same_posts(window, tmp_path, suffix):
    before = window.document.structure
    out = tmp_path / f"posts{suffix}"
    export_through_window(window, out, window.export_table_action)
    assert window.statusBar().currentMessage() == f"Exported 6 posts to {out.name}"
    import_through_window(window, out, press_import)
    after = window.document.structure
    assert after is not before and list(after.posts) == list(before.posts)
    for post_id, post in before.posts.items():
        again = after.posts[post_id]
        for name in ("title", "reports_to", "grade", "tier", "fte", "status", "designations", "custom"):
            assert getattr(again, name) == getattr(post, name), (post_id, name)
        assert own_share(again) == pytest.approx(own_share(post))  # the table carries the share, not who pays
        assert after.groups[again.group].name == before.groups[post.group].name


def test_export_without_names_leaves_out_postholders(window, tmp_path):
    window.document.structure.update_post("H1", postholder="Jane Smith")
    named, redacted = tmp_path / "named.csv", tmp_path / "redacted.csv"
    export_through_window(window, named, window.export_table_action)
    export_through_window(window, redacted, window.export_redacted_action)
    assert "Jane Smith" in named.read_text(encoding="utf-8-sig")
    assert "Jane Smith" not in redacted.read_text(encoding="utf-8-sig")
    assert window.statusBar().currentMessage() == "Exported 6 posts to redacted.csv without postholder names"


@pytest.mark.parametrize(("name", "reason"), [
    ("missing/posts.csv", "Nothing was written."),
    ("posts.txt", "the table is written as .csv or .xlsx"),
])
def test_export_that_cannot_be_written_says_why(window, tmp_path, name, reason):
    out = tmp_path / name
    export_through_window(window, out, window.export_table_action)
    assert not out.exists()
    assert window.statusBar().currentMessage().startswith(str(out))
    assert reason in window.findChildren(QMessageBox)[-1].text()


def test_file_menu_offers_import_and_export(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert {"&Import Establishment…", "&Export Table…", "Export Table &without Names…"} <= set(texts)
