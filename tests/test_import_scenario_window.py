"""The import dialog asks the cost basis (remembering the last) and names; File ▸ Import Establishment as
New Scenario… puts a restructure's current and proposed lists in one file (#15 items 1 and 4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from orgdesigner.model import CostBasis, load_scenarios
from orgdesigner.ui.compare import CompareFeature
from orgdesigner.ui.importdialog import ImportDialog

from test_window import window  # noqa: F401  (the fixture)

SAMPLES = Path(__file__).parent.parent / "sample_structures" / "establishment"
CURRENT, PROPOSED = SAMPLES / "ashdown-district-current.csv", SAMPLES / "ashdown-district-proposed.csv"


def drive_import(win, path, drive, action=None):
    shown: list[ImportDialog] = []
    win.choose_import_file = lambda: path

    def run(dialog):
        shown.append(dialog)
        dialog.show()
        drive(dialog)
        return dialog.result() == QDialog.Accepted

    win.run_import_dialog = run
    win.ask_save_changes = lambda: QMessageBox.Discard
    (action or win.import_table_action).trigger()
    return shown[0]


def test_the_dialog_asks_the_basis_and_names_and_remembers_the_basis(window):
    def first(dialog):
        assert dialog.oncost_spin.value() == 0 and "no on-costs (salary only)" in dialog.basis_label.text()
        assert dialog.name_edit.placeholderText() == "Ashdown district current"
        assert dialog.organisation_edit.text() == "" and dialog.organisation_edit.placeholderText() == ""
        dialog.oncost_spin.setValue(25)
        dialog.basis_combo.setCurrentIndex(dialog.basis_combo.findData("mid"))
        assert dialog.basis_label.text() == "(costed at middle of grade with 25% on-costs)"
        dialog.organisation_edit.setText("Ashdown District Council")
        dialog.scenario_edit.setText("Current")
        dialog.ok_button.click()

    drive_import(window, CURRENT, first)
    structure = window.document.structure
    assert (structure.organisation, structure.scenario, structure.name) == (
        "Ashdown District Council", "Current", "Ashdown district current")
    assert structure.settings.on_cost_rate == 0.25 and structure.settings.cost_basis is CostBasis.MID
    assert "at middle of grade with 25% on-costs" in window.summary_label.toolTip()

    def second(dialog):
        assert dialog.oncost_spin.value() == 25 and dialog.basis_combo.currentData() == "mid"
        dialog.reject()

    drive_import(window, CURRENT, second)


def test_import_as_a_new_scenario_compares_current_with_proposed_in_one_file(window, tmp_path):
    def current(dialog):
        dialog.oncost_spin.setValue(25)
        dialog.organisation_edit.setText("Ashdown District Council")
        dialog.ok_button.click()

    drive_import(window, CURRENT, current)

    def proposed(dialog):
        assert dialog.scenario_edit.text() == "Proposed"
        assert dialog.organisation_edit.text() == "Ashdown District Council"
        assert dialog.oncost_spin.value() == 25
        dialog.ok_button.click()

    drive_import(window, PROPOSED, proposed, window.import_scenario_action)
    document = window.document
    assert document.scenarios.names == ["Current", "Proposed"] and document.structure.scenario == "Proposed"
    assert window.isWindowModified()
    compare = window.feature(CompareFeature)
    assert compare.compare_with_scenario("Current")
    assert "Current → Proposed" in compare.legend.text()
    path = tmp_path / "ashdown.orgd"
    window.save_as_path = path
    document.save(path)
    assert load_scenarios(path).names == ["Current", "Proposed"]
