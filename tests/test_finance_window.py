"""The window's side of #15: the Finance dock says the basis and warns when the two differ, a choice costs
both on one basis, likely matches are accepted in one click (undoable), money reads one way in the docks,
and Export PDF opens beside the file with a preview that can be enlarged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTreeWidget

from orgdesigner.io.establishment import ImportOptions, import_table
from orgdesigner.model import Scenarios, save_scenarios
from orgdesigner.ui.compare import CompareFeature
from orgdesigner.ui.pdfexport import PdfExportDialog

SAMPLES = Path(__file__).parent.parent / "sample_structures" / "establishment"
WRONG_NEGATIVE = re.compile(r"£\s*[-\u2212]|-\s*£")


def _restructure(tmp_path: Path, current_rate: float, proposed_rate: float) -> Path:
    current = import_table(SAMPLES / "ashdown-district-current.csv",
                           ImportOptions(on_cost_rate=current_rate, scenario="Current",
                                         organisation="Ashdown District Council")).structure
    proposed = import_table(SAMPLES / "ashdown-district-proposed.csv",
                            ImportOptions(on_cost_rate=proposed_rate, scenario="Proposed")).structure
    path = tmp_path / "ashdown.orgd"
    save_scenarios(Scenarios([current, proposed]), path)
    return path


@pytest.fixture
def comparing(new_window, qtbot, tmp_path):
    """Ashdown's proposal shown and compared with its current structure, costed at 30% and 0% on-costs."""
    def make(current_rate: float = 0.3, proposed_rate: float = 0.0, shown: str = "Proposed",
             before: str = "Current"):
        win = new_window()
        win.show()
        qtbot.waitExposed(win)
        assert win.open_file(_restructure(tmp_path, current_rate, proposed_rate))
        assert win.document.switch_scenario(shown)
        feature = win.feature(CompareFeature)
        assert feature.compare_with_scenario(before)
        return win, feature
    return make


def test_the_finance_dock_warns_of_differing_rates_and_costs_on_the_chosen_basis(comparing):
    window, feature = comparing()
    panel = feature.finance
    assert "on-costs differ: 30% before, 0% after" in panel.basis_label.text()
    assert "costed on the proposed structure's basis" in panel.basis_label.text()
    assert "costed on different bases" in feature.legend.text()
    like_for_like = panel.value_of("Saving", 3)
    panel.basis_combo.setCurrentIndex(panel.basis_combo.findData("own"))
    panel.basis_combo.activated.emit(panel.basis_combo.currentIndex())
    feature.session.refresh()
    assert panel.value_of("Saving", 3) != like_for_like
    assert "does not compare like with like" in panel.basis_label.text()


def test_a_likely_match_is_accepted_in_one_click_and_undone(comparing):
    window, feature = comparing(0.25, 0.25)
    assert "P014" in feature.session.result.likely
    matches = feature.changes.matches
    row = next(r for r, (before, after, _) in enumerate(matches.pairs) if (before, after) == ("P014", "P040"))
    assert matches.table.item(row, 3).text() == "Likely: match with assessment"
    ghost = feature.holding.ghosts["P014"]
    assert "Likely match: Head of Digital and Transformation" in ghost.toolTip()
    matches.accept_row(row)
    change = next(c for c in feature.session.result.changes if c.post == "P014")
    assert change.after is not None and change.after.id == "P040" and change.impact.value == "match"
    window.document.undo_stack.undo()
    feature.session.refresh()
    assert next(c for c in feature.session.result.changes if c.post == "P014").after is None


def test_negative_money_reads_one_way_in_the_docks(comparing):
    window, feature = comparing(0.25, 0.25, shown="Current", before="Proposed")  # the "proposal" costs more
    texts = [label.text() for label in window.findChildren(QLabel)]
    for tree in window.findChildren(QTreeWidget):
        for row in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(row)
            texts += [item.text(column) for column in range(tree.columnCount())]
    joined = " ".join(texts)
    assert "extra cost a year" in joined and "\u2212£" in joined
    assert not WRONG_NEGATIVE.search(joined), WRONG_NEGATIVE.search(joined)


def test_export_pdf_opens_beside_the_file_and_its_preview_enlarges(comparing, qtbot, monkeypatch):
    window, _feature = comparing()
    suggested: list[str] = []
    monkeypatch.setattr(window, "run_pdf_dialog", lambda dialog: dialog.request())
    monkeypatch.setattr(window, "choose_chart_file", lambda path: suggested.append(path))
    window.export_pdf_action.trigger()
    assert Path(suggested[0]).parent == window.document.path.parent
    dialog = PdfExportDialog(window.document.structure, window.pack_candidates(), window)
    qtbot.addWidget(dialog)
    view = dialog.enlarge()
    assert view is not None
    small, large = dialog.preview.pixmap().width(), view.image.pixmap().width()
    assert large > 2 * small
    view.page_spin.setValue(view.page_spin.maximum())
    assert not view.image.pixmap().isNull()
    view.close()
