"""Scenarios in the designer window: the toolbar box and Scenario menu, separate undo, saving them all."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from orgdesigner.model import load_scenarios, save_scenarios
from orgdesigner import editing as commands
from orgdesigner.ui.docks.figures import FiguresFeature

from conftest import crash, make_options

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def options_file(tmp_path):
    """Current (the baseline, 6 posts) and Option A (the Head of Legal deleted)."""
    path = tmp_path / "options.orgd"
    save_scenarios(make_options(), path)
    return path


@pytest.fixture
def window(new_window, qtbot, options_file):
    win = new_window()
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(options_file)
    return win


def box_labels(win) -> list[str]:
    box = win.scenario_controls.combo
    return [box.itemText(i) for i in range(box.count())]


def choose_in_box(win, steps: int) -> None:
    """Pick another scenario in the toolbar box with the arrow keys, as a user would."""
    box = win.scenario_controls.combo
    box.setFocus()
    key = Qt.Key_Down if steps > 0 else Qt.Key_Up
    for _ in range(abs(steps)):
        QTest.keyClick(box, key)


def answer_name(win, monkeypatch, name: str | None) -> None:
    monkeypatch.setattr(win.scenario_controls, "ask_name", lambda title, label, text: name)


def test_opening_shows_the_baseline_and_lists_every_scenario(window):
    assert box_labels(window) == ["Current (baseline)", "Option A"]
    assert window.scenario_controls.combo.currentText() == "Current (baseline)"
    assert window.windowTitle().startswith("options.orgd: Current")
    assert "H2" in window.scene.cards and not window.isWindowModified()


def test_switching_in_the_box_shows_the_other_scenario(window):
    choose_in_box(window, 1)
    assert window.document.structure.scenario == "Option A"
    assert set(window.scene.cards) == {"CE", "D1", "D2", "H1", "H3"}
    assert window.feature(FiguresFeature).panel.value_of("Cost (gross)") == "£587,500"
    assert window.summary_label.text().startswith("5 posts")
    assert window.windowTitle().startswith("options.orgd: Option A")
    assert not window.isWindowModified()
    menu_checked = [a.text() for a in window.scenario_controls.choices.actions() if a.isChecked()]
    assert menu_checked == ["Option A"]


def test_each_scenario_has_its_own_undo(window):
    choose_in_box(window, 1)
    option_a = window.document.structure
    window.document.execute(commands.edit_post(option_a, "H1", title="Head of Finance and Legal"))
    assert window.undo_action.isEnabled() and window.isWindowModified()
    choose_in_box(window, -1)
    current = window.document.structure
    assert current.posts["H1"].title == "Head of Finance"
    assert not window.undo_action.isEnabled()  # nothing done in Current
    assert window.scene.cards["H1"].post.title == "Head of Finance"
    window.document.execute(commands.edit_post(current, "H3", fte=1.0))
    QTest.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert current.posts["H3"].fte == 0.5 and option_a.posts["H1"].title == "Head of Finance and Legal"
    choose_in_box(window, 1)
    assert window.undo_action.toolTip() == "Undo Change title of 'Head of Finance'"
    window.undo_action.trigger()
    assert option_a.posts["H1"].title == "Head of Finance"
    assert window.scene.cards["H1"].post.title == "Head of Finance"


def test_new_scenario_copies_the_one_shown(window, monkeypatch):
    choose_in_box(window, 1)
    answer_name(window, monkeypatch, "Option B")
    window.scenario_controls.new_action.trigger()
    assert box_labels(window) == ["Current (baseline)", "Option A", "Option B"]
    assert window.document.structure.scenario == "Option B" and "H2" not in window.document.structure.posts
    assert window.windowTitle().startswith("options.orgd: Option B") and window.isWindowModified()
    window.document.execute(commands.edit_post(window.document.structure, "H1", grade="DIR"))
    assert window.document.scenarios.get("Option A").posts["H1"].grade == "HOS"


def test_new_scenario_with_a_taken_name_is_refused(window, monkeypatch):
    answer_name(window, monkeypatch, "Option A")
    window.scenario_controls.new_action.trigger()
    assert "there is already a scenario named 'Option A'" in window.statusBar().currentMessage()
    assert box_labels(window) == ["Current (baseline)", "Option A"] and not window.isWindowModified()
    answer_name(window, monkeypatch, None)  # cancelled
    window.scenario_controls.new_action.trigger()
    assert len(window.document.scenarios) == 2


def test_rename_is_undoable_and_keeps_the_baseline(window, monkeypatch):
    answer_name(window, monkeypatch, "Current (2024)")
    window.scenario_controls.rename_action.trigger()
    assert box_labels(window) == ["Current (2024) (baseline)", "Option A"]
    assert window.windowTitle().startswith("options.orgd: Current (2024)")
    window.undo_action.trigger()
    assert box_labels(window) == ["Current (baseline)", "Option A"]


def test_renaming_in_the_properties_to_a_taken_name_is_refused(window):
    edit = window.properties.scenario_edit
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, "Option A")
    QTest.keyClick(edit, Qt.Key_Return)
    assert window.document.structure.scenario == "Current"
    assert "two scenarios are named 'Option A'" in window.statusBar().currentMessage()
    assert edit.text() == "Current" and not window.undo_action.isEnabled()


def test_delete_asks_first_and_keeps_the_last_scenario(window, monkeypatch):
    controls = window.scenario_controls
    asked = []
    monkeypatch.setattr(controls, "confirm_delete", lambda name: asked.append(name) or False)
    controls.delete_action.trigger()
    assert asked == ["Current"] and len(window.document.scenarios) == 2
    monkeypatch.setattr(controls, "confirm_delete", lambda name: True)
    controls.delete_action.trigger()
    assert box_labels(window) == ["Option A (baseline)"]
    assert window.document.structure.scenario == "Option A"
    assert set(window.scene.cards) == {"CE", "D1", "D2", "H1", "H3"}
    assert window.isWindowModified() and not controls.delete_action.isEnabled()


def test_save_and_reopen_keeps_every_scenario_and_the_baseline(window, new_window, options_file, monkeypatch):
    choose_in_box(window, 1)
    window.document.execute(commands.edit_post(window.document.structure, "H1", title="Head of Finance and Legal"))
    window.scenario_controls.baseline_action.trigger()
    assert box_labels(window) == ["Current", "Option A (baseline)"] and window.isWindowModified()
    answer_name(window, monkeypatch, "Option B")
    window.scenario_controls.new_action.trigger()
    choose_in_box(window, -2)
    assert window.save() and not window.isWindowModified()
    saved = load_scenarios(options_file)
    assert saved.names == ["Current", "Option A", "Option B"] and saved.baseline.scenario == "Option A"
    assert saved.get("Option A").posts["H1"].title == "Head of Finance and Legal"
    again = new_window("again")
    assert again.open_file(options_file)
    assert box_labels(again) == ["Current", "Option A (baseline)", "Option B"]
    assert again.document.structure.scenario == "Option A"
    assert again.document.structure.posts["H1"].title == "Head of Finance and Legal"


def test_recovery_file_keeps_every_scenario(window, new_window, options_file, monkeypatch):
    answer_name(window, monkeypatch, "Option B")
    window.scenario_controls.new_action.trigger()
    window.autosave()
    crash(window)
    fresh = new_window("fresh")
    monkeypatch.setattr(fresh, "ask_restore", lambda when: QMessageBox.Yes)
    fresh.open_file(options_file)
    assert box_labels(fresh) == ["Current (baseline)", "Option A", "Option B"] and fresh.isWindowModified()


def test_window_opens_on_the_scenario_named_on_the_command_line(options_file, tmp_path):
    out = tmp_path / "shot.png"
    ok = subprocess.run([sys.executable, "-m", "orgdesigner", str(options_file), "--scenario", "Option A",
                         "--screenshot", str(out)], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert out.exists()


def test_an_unknown_scenario_on_the_command_line_opens_no_window(run, options_file, tmp_path):
    bad = run(str(options_file), "--scenario", "Option Z", "--screenshot", str(tmp_path / "x.png"))
    assert bad.returncode == 2 and "there is no scenario 'Option Z'" in bad.stderr
    assert not (tmp_path / "x.png").exists()
