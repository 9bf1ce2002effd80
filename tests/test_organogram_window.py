"""Organograms in the window and on paper: the import dialog on a published senior file, cards and the
Figures dock counting junior staff apart, the chart PDF saying "Pay not disclosed", and suggested
matches accepted and rejected in the compare view, undoably."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from orgdesigner.editing import decide_match
from orgdesigner.io.organogram import import_organogram, junior_beside
from orgdesigner.model import save
from orgdesigner.pdf.chart.document import chart_pdf
from orgdesigner.ui.compare import CompareFeature
from orgdesigner.ui.docks.figures import FiguresPanel
from orgdesigner.ui.importdialog import ImportDialog
from orgdesigner.ui.items.postcard import PostCardItem
from orgdesigner.ui.organogramimport import OrganogramImportDialog

from test_organogram_cli import SNAPSHOTS, renumbered, senior_file


@SNAPSHOTS
def test_import_dialog_offers_the_junior_file_and_shows_warnings(new_window, qtbot, tmp_path):
    win = new_window()
    dialog = ImportDialog.for_file(senior_file("2011-09-30"), win)
    assert isinstance(dialog, OrganogramImportDialog)
    assert dialog.junior() == junior_beside(senior_file("2011-09-30"))
    assert "6 senior posts, 28.2 junior FTE" in dialog.summary_label.text() and dialog.ok_button.isEnabled()
    assert [dialog.warning_list.item(i).text() for i in range(dialog.warning_list.count())] == ["None"]
    lone = tmp_path / "lone-senior.csv"  # no junior beside it; one post reports to a post not in the file
    text = senior_file("2011-09-30").read_text(encoding="utf-8").replace('"LTGDC1","0","1","80000"',
                                                                         '"NOBODY","0","1","80000"')
    lone.write_text(text, encoding="utf-8")
    dialog = ImportDialog.for_file(lone, win)
    assert dialog.junior() is None
    warnings = [dialog.warning_list.item(i).text() for i in range(dialog.warning_list.count())]
    assert any("'NOBODY', which is not a post in the file" in w for w in warnings)
    assert dialog.imported is not None and len(dialog.imported.structure.posts) == 6


@SNAPSHOTS
def test_cards_and_figures_count_junior_staff_apart(new_window, qtbot, tmp_path):
    structure = import_organogram(senior_file("2011-03-31"), junior_beside(senior_file("2011-03-31"))).structure
    structure.update_post("LTGDC8", pay_band=None, pay_withheld=True)
    path = tmp_path / "ltgdc.orgd"
    save(structure, path)
    win = new_window()
    assert win.open_file(path)
    cards = {item.post_id: item for item in win.scene.items() if isinstance(item, PostCardItem)}
    planning = cards["LTGDC4"]
    assert "Junior staff +9.2 FTE in 3 grades" in planning.toolTip()
    assert "Manager (Officer / Manager): 6.2 FTE, £30,000 to £59,999" in planning.toolTip()
    figures = win.findChild(FiguresPanel)
    assert figures.value_of("Junior staff FTE") == "34.2"  # FTE as the pack prints it
    assert figures.value_of("Pay not disclosed") == "not in the cost"
    assert figures.value_of("Posts") == "8 in scope"


@SNAPSHOTS
def test_chart_pdf_prints_undisclosed_pay_and_junior_staff(tmp_path):
    structure = import_organogram(senior_file("2011-03-31"), junior_beside(senior_file("2011-03-31"))).structure
    structure.update_post("LTGDC8", pay_band=None, pay_withheld=True)
    pdf = tmp_path / "chart.pdf"
    pdf.write_bytes(chart_pdf(structure))
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Pay not disclosed" in text and "£0" not in text
    assert "+9.2 FTE in 3 grades" in text  # the Director of Planning's junior staff on the card


def test_compare_view_accepts_and_rejects_suggested_matches_undoably(new_window, qtbot, tmp_path):
    before, after = renumbered()
    save(before, tmp_path / "before.orgd")
    save(after, tmp_path / "after.orgd")
    win = new_window()
    assert win.open_file(tmp_path / "after.orgd")
    feature = win.feature(CompareFeature)
    feature.choose_compare_file = lambda: tmp_path / "before.orgd"
    assert feature.compare_with_file_dialog()
    matches = feature.changes.matches
    assert matches.isVisibleTo(feature.changes) and [p[:2] for p in matches.pairs] == [("HO_3", "HO_3v2"),
                                                                                        ("HO_2", "HO_2v2")]
    matches.select(1)
    matches.accept_button.click()
    assert [(m.before, m.after, m.accepted) for m in win.document.structure.proposal.matches] == [
        ("HO_2", "HO_2v2", True)]
    assert matches.table.item(1, 3).text() == "Accepted"
    assert feature.changes.change_of("HO_2").kinds == ["retitled", "regraded"]
    assert feature.changes.change_of("HO_2v2") is None
    matches.select(0)
    matches.reject_button.click()
    assert win.document.structure.proposal.matches[-1].accepted is False
    win.document.undo_stack.undo()
    win.document.undo_stack.undo()
    assert win.document.structure.proposal.matches == []
    qtbot.waitUntil(lambda: feature.changes.change_of("HO_2").kinds == ["deleted"])  # the view follows the undo
