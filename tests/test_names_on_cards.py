"""People on cards: the postholder's name (View ▸ Show Names, on by default and remembered), never a name
withheld from publication, and who is at risk on the ghost cards of deleted posts."""

from __future__ import annotations

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from orgdesigner.model import Scenarios, save, save_scenarios
from orgdesigner.ui.compare import CompareFeature

from conftest import make_structure

QStandardPaths.setTestModeEnabled(True)


def _named():
    structure = make_structure()
    structure.posts["CE"].postholder = "Jane Smith"
    structure.posts["D1"].postholder = "Sam Jones"
    structure.posts["D1"].name_withheld = True  # published as N/D
    structure.posts["H3"].postholder = "Left Last Year"  # vacant: nobody holds it now
    structure.posts["H2"].postholder = "Alex Doe"
    return structure


def _open(new_window, qtbot, path, name="settings"):
    win = new_window(name)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(path)
    win.view.set_zoom(1.0)
    win.view.centre_on_posts(["CE"])
    QApplication.processEvents()
    return win


def test_cards_show_the_postholder_unless_withheld_and_the_choice_is_remembered(new_window, qtbot, tmp_path):
    path = tmp_path / "named.orgd"
    save(_named(), path)
    win = _open(new_window, qtbot, path)
    assert win.show_names_action.isChecked()  # on by default
    card = win.scene.card
    assert card("CE").shown_name == "Jane Smith" and "Jane Smith" in card("CE").toolTip()
    assert card("D1").shown_name == "" and "Sam Jones" not in card("D1").toolTip()  # withheld
    assert card("H3").shown_name == ""  # vacant
    with_names = win.view.viewport().grab().toImage()
    win.show_names_action.trigger()
    QApplication.processEvents()
    assert all(card(p).shown_name == "" for p in win.document.structure.posts)
    assert win.view.viewport().grab().toImage() != with_names  # the name is gone from the painted card
    again = _open(new_window, qtbot, path)  # the same settings file
    assert not again.show_names_action.isChecked() and again.scene.card("CE").shown_name == ""


def test_the_ghost_card_of_a_deleted_post_shows_who_is_at_risk(new_window, qtbot, tmp_path):
    current = _named()
    current.update_details(scenario="Current")
    scenarios = Scenarios([current])
    scenarios.add("Option A", copy_of="Current").remove_post("H2")
    path = tmp_path / "options.orgd"
    save_scenarios(scenarios, path)
    win = _open(new_window, qtbot, path)
    win.scenario_controls.show_scenario("Option A")
    assert win.feature(CompareFeature).compare_with_scenario("Current")
    ghost = win.feature(CompareFeature).holding.ghosts["H2"]
    assert ghost.shown_name == "Alex Doe" and "Alex Doe" in ghost.toolTip()
    win.show_names_action.trigger()
    assert ghost.shown_name == ""
