"""The designer window driven as a user would: mouse drags on the canvas that reach the window, keys, the docks.

Gestures that need only the canvas are in test_canvas."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QPointF, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from orgdesigner.model import load, save
from orgdesigner import editing as commands
from orgdesigner.ui.docks.figures import FiguresFeature
from orgdesigner.ui.docks.findings import FindingsFeature

from canvasdrive import card_centre, click_card, drag, handle_point, move_to, press, release, view_point
from conftest import SAMPLES, crash, make_structure

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def window(new_window, qtbot, tmp_path):
    path = tmp_path / "council.orgd"
    save(make_structure(), path)
    win = new_window()
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(path)
    win.view.set_zoom(0.7)
    win.view.centerOn(win.scene.itemsBoundingRect().center())
    return win


def test_window_shows_every_post_and_figures(window):
    assert set(window.scene.cards) == set(window.document.structure.posts)
    assert window.feature(FiguresFeature).panel.value_of("Cost (gross)") == "£687,500"
    assert "council.orgd" in window.windowTitle()


def test_drag_a_post_into_a_group_and_undo(window):
    structure = window.document.structure
    target = card_centre(window, "H2") + QPointF(15, 10)
    drag(window, card_centre(window, "H3"), target)
    assert structure.posts["H3"].group == "corp"
    assert structure.posts["H3"].position is not None
    assert window.document.undo_stack.undoText() == "Move 'Head of Planning' into 'Corporate'"
    QTest.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert structure.posts["H3"].group == "place" and structure.posts["H3"].position is None
    QTest.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert structure.posts["H3"].group == "corp"


def test_a_cycle_is_refused_with_a_message(window):
    structure = window.document.structure
    before = window.document.undo_stack.count()
    drag(window, handle_point(window, "D1"), card_centre(window, "H1"))
    assert structure.posts["D1"].reports_to == "CE"
    assert window.document.undo_stack.count() == before
    message = window.statusBar().currentMessage()
    assert "reporting cycle" in message and "Director of Resources" in message


def test_while_drawing_the_status_bar_says_why_a_line_cannot_go_there(window):
    start, end = handle_point(window, "D1"), card_centre(window, "H1")
    press(window, start)
    move_to(window, start, end)
    message = window.statusBar().currentMessage()
    assert "reporting cycle" in message and "Director of Resources" in message
    release(window, end)
    assert window.document.structure.posts["D1"].reports_to == "CE"


def test_edit_grade_in_properties_changes_cost_and_undoes(window, qtbot):
    click_card(window, "H1")
    assert window.properties.post_id == "H1"
    combo = window.properties.grade_combo
    combo.lineEdit().selectAll()
    QTest.keyClicks(combo.lineEdit(), "DIR")
    QTest.keyClick(combo.lineEdit(), Qt.Key_Return)
    structure = window.document.structure
    assert structure.posts["H1"].grade == "DIR"
    assert window.feature(FiguresFeature).panel.value_of("Cost (gross)") == "£712,500"
    window.document.undo_stack.undo()
    assert structure.posts["H1"].grade == "HOS"
    assert window.feature(FiguresFeature).panel.value_of("Cost (gross)") == "£687,500"


def test_reports_to_in_properties_lists_every_other_post_by_its_current_title(window, qtbot):
    combo = window.properties.manager_combo

    def choices() -> dict[str, str]:
        return {combo.itemData(row): combo.itemText(row) for row in range(1, combo.count())
                if not combo.view().isRowHidden(row) and combo.model().item(row).isEnabled()}

    structure = window.document.structure
    for post_id in ("H1", "D1", "H1"):  # the list is kept between selections: the post shown is left out
        click_card(window, post_id)
        assert set(choices()) == set(structure.posts) - {post_id}
        assert combo.currentData() == structure.posts[post_id].reports_to
    window.document.execute(commands.edit_post(structure, "D1", title="Director of Everything"))
    click_card(window, "CE")
    assert choices()["D1"] == "Director of Everything"


def test_figures_behind_properties_wait_until_their_tab_is_shown(window, qtbot):
    panel = window.feature(FiguresFeature).panel
    qtbot.waitUntil(lambda: window.dock_layout.is_placed and not panel.shown)  # tabbed behind Properties
    on_screen = lambda: next((panel.topLevelItem(r).text(2) for r in range(panel.topLevelItemCount())  # noqa: E731
                              if panel.topLevelItem(r).text(0) == "Cost (gross)"), None)
    window.document.execute(commands.edit_post(window.document.structure, "H1", grade="DIR"))
    assert on_screen() != "£712,500"  # hidden: not counted
    window.dock_layout["figures"].raise_()
    qtbot.waitUntil(lambda: on_screen() == "£712,500")  # counted once its tab came forward


def test_invalid_salary_is_shown_and_not_applied(window):
    click_card(window, "H1")
    edit = window.properties.salary_edit
    edit.setFocus()
    QTest.keyClicks(edit, "lots")
    assert "not an amount of money" in window.properties.error.text()
    QTest.keyClick(edit, Qt.Key_Return)
    assert window.document.structure.posts["H1"].salary is None


def test_delete_key_removes_a_manager_and_its_reports_move_up(window):
    structure = window.document.structure
    click_card(window, "D2")
    QTest.keyClick(window.view, Qt.Key_Delete)
    assert "D2" not in structure.posts and structure.posts["H3"].reports_to == "CE"
    assert "D2" not in window.scene.cards
    window.document.undo_stack.undo()
    assert structure.posts["H3"].reports_to == "D2" and structure.groups["place"].leader == "D2"


def test_double_click_on_empty_canvas_adds_a_post(window):
    structure = window.document.structure
    bounds = window.scene.layout.bounds
    empty = QPointF(bounds.x + bounds.width + 150, bounds.y + 40)
    window.view.centerOn(empty)
    QTest.mouseDClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, view_point(window, empty))
    assert len(structure.posts) == 7
    window.document.undo_stack.undo()
    assert len(structure.posts) == 6


def test_add_post_and_add_group_keys_work_and_do_not_start_a_new_structure(window, monkeypatch):
    """Each shortcut shown in a menu does what its menu item says (no two-key chord behind Ctrl+N = New)."""
    monkeypatch.setattr(window, "ask_save_changes", lambda: QMessageBox.Discard)
    structure = window.document.structure
    window.scene.select_posts(["H1"])
    window.view.setFocus()
    QTest.keySequence(window.view, window.add_post_action.shortcut())
    assert window.document.structure is structure  # not a new, empty structure
    assert len(structure.posts) == 7
    assert [p for p in structure.posts.values() if p.reports_to == "H1"]
    window.activateWindow()
    window.view.setFocus()
    window.scene.select_posts(["H2"])
    QTest.keySequence(window.view, window.add_group_action.shortcut())
    assert window.document.structure is structure and len(structure.groups) == 4


def test_no_menu_shortcut_is_taken_by_another(window):
    """A shortcut that another one starts (Ctrl+N before Ctrl+N, P) never reaches its action."""
    shortcuts = {}

    def collect(menu):
        for action in menu.actions():
            if action.menu() is not None:
                collect(action.menu())
            for keys in action.shortcuts():
                if not keys.isEmpty():
                    shortcuts.setdefault(keys.toString(), []).append(action.text())

    for action in window.menuBar().actions():
        collect(action.menu())
    assert all(len(texts) == 1 for texts in shortcuts.values()), shortcuts
    firsts = {QKeySequence(keys)[0].toCombined() for keys in shortcuts if QKeySequence(keys).count() == 1}
    chords = [keys for keys in shortcuts if QKeySequence(keys).count() > 1 and QKeySequence(keys)[0].toCombined() in firsts]
    assert not chords


def test_copy_paste_and_duplicate(window):
    click_card(window, "H2")
    window.duplicate_action.trigger()
    structure = window.document.structure
    copies = [p for p in structure.posts.values() if p.title == "Head of Legal"]
    assert len(copies) == 2
    copy = next(p for p in copies if p.id != "H2")
    assert copy.reports_to == "D1" and copy.designations == []


def test_switch_a_line_to_dotted_and_back(window):
    structure = window.document.structure
    window.scene.clearSelection()
    window.scene.lines[("D2", "H3", "line")].setSelected(True)
    window.switch_line_action.trigger()
    assert structure.posts["H3"].reports_to is None and structure.posts["H3"].dotted[0].manager == "D2"
    window.scene.lines[("D2", "H3", "dotted")].setSelected(True)
    window.switch_line_action.trigger()
    assert structure.posts["H3"].reports_to == "D2" and structure.posts["H3"].dotted == []


def test_find_selects_and_centres(window):
    window.find_action.trigger()
    QTest.keyClicks(window.find_edit, "planning")
    QTest.keyClick(window.find_edit, Qt.Key_Return)
    assert window.scene.selected_post_ids() == ["H3"]


def test_find_looks_for_the_postholder_and_the_post_id_too(window):
    """An HR officer looks people up by name."""
    structure = window.document.structure
    window.document.execute(commands.edit_post(structure, "H2", postholder="Priya Shah"))
    window.find_action.trigger()
    QTest.keyClicks(window.find_edit, "shah")
    QTest.keyClick(window.find_edit, Qt.Key_Return)
    assert window.scene.selected_post_ids() == ["H2"]
    window.find_edit.clear()
    QTest.keyClicks(window.find_edit, "d2")
    QTest.keyClick(window.find_edit, Qt.Key_Return)
    assert window.scene.selected_post_ids() == ["D2"]
    window.find_edit.setText("Nobody")
    QTest.keyClick(window.find_edit, Qt.Key_Return)
    assert window.statusBar().currentMessage() == "No post's title, ID or postholder contains 'Nobody'"


def test_findings_marked_on_cards_and_click_selects(window):
    structure = window.document.structure
    window.document.execute(commands.edit_post(
        structure, "H2", designations=[]))
    assert window.scene.cards["H1"].severity is None
    findings = window.feature(FindingsFeature).panel
    errors = [findings.topLevelItem(i) for i in range(findings.topLevelItemCount())]
    assert any("Monitoring Officer" in item.text(1) for item in errors)
    window.document.execute(commands.edit_post(
        structure, "H1", tier="2"))
    assert window.scene.cards["H1"].severity == "error"
    assert "not a higher tier" in window.scene.cards["H1"].toolTip()
    item = next(findings.topLevelItem(i) for i in range(findings.topLevelItemCount())
                if "not a higher tier" in findings.topLevelItem(i).text(1))
    findings.itemClicked.emit(item, 0)
    assert set(window.scene.selected_post_ids()) == {"H1", "D1"}


def test_save_and_reopen_exactly(window, tmp_path, new_window):
    drag(window, handle_point(window, "H3"), card_centre(window, "D1"))
    assert window.isWindowModified()
    QTest.keyClick(window.view, Qt.Key_S, Qt.ControlModifier)
    assert not window.isWindowModified()
    saved = load(tmp_path / "council.orgd")
    assert saved.model_dump() == window.document.structure.model_dump()
    other = new_window("second")
    other.open_file(tmp_path / "council.orgd")
    assert other.document.structure.model_dump() == window.document.structure.model_dump()
    assert {k: (c.pos().x(), c.pos().y()) for k, c in other.scene.cards.items()} == \
        {k: (c.pos().x(), c.pos().y()) for k, c in window.scene.cards.items()}


def test_unsaved_changes_prompt_can_cancel_closing(window, monkeypatch):
    window.document.execute(commands.edit_post(
        window.document.structure, "H1", fte=0.5))
    monkeypatch.setattr(window, "ask_save_changes", lambda: QMessageBox.Cancel)
    assert not window.close()
    monkeypatch.setattr(window, "ask_save_changes", lambda: QMessageBox.Discard)
    assert window.close()


def test_broken_file_shows_the_message_and_changes_nothing(window, tmp_path):
    broken = tmp_path / "broken.orgd"
    broken.write_text("{nope")
    before = window.document.structure.model_dump()
    assert not window.open_file(broken, ask=False)
    assert "not valid JSON" in window.statusBar().currentMessage()
    assert window.document.structure.model_dump() == before
    assert window.document.path.name == "council.orgd"


def test_autosave_and_restore_after_a_crash(window, tmp_path, new_window, monkeypatch):
    structure = window.document.structure
    window.document.execute(commands.edit_post(
        structure, "H1", title="Head of Finance and Audit"))
    window.autosave()
    # The window dies without saving; a new one opens the file and is offered the recovery.
    crash(window)
    fresh = new_window("third")
    monkeypatch.setattr(fresh, "ask_restore", lambda when: QMessageBox.Yes)
    fresh.open_file(tmp_path / "council.orgd")
    assert fresh.document.structure.posts["H1"].title == "Head of Finance and Audit"
    assert fresh.isWindowModified()


def test_history_names_each_step(window):
    drag(window, handle_point(window, "H3"), card_centre(window, "D1"))
    stack = window.document.undo_stack
    assert stack.text(stack.count() - 1) == "Make 'Head of Planning' report to 'Director of Resources'"


def test_screenshot_command_writes_a_large_png(tmp_path):
    path = tmp_path / "council.orgd"
    save(make_structure(), path)
    out = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "orgdesigner", str(path), "--screenshot", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert image.width() >= 1280 and image.height() >= 800


def test_screenshot_of_an_unreadable_file_exits_2(tmp_path):
    result = subprocess.run([sys.executable, "-m", "orgdesigner", str(tmp_path / "none.orgd"),
                             "--screenshot", str(tmp_path / "x.png")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "no such file" in result.stderr


def test_opening_a_file_or_failing_to_leaves_garbage_collected(new_window, tmp_path, monkeypatch):
    """The collector is held off while a file is read and shown; it collects again afterwards, whether the
    file opened or was refused (else memory would only grow for the rest of the session)."""
    import gc

    win = new_window()
    errors: list[str] = []
    monkeypatch.setattr(win, "show_error", lambda title, message: errors.append(message))
    good, bad = tmp_path / "council.orgd", tmp_path / "bad.orgd"
    save(make_structure(), good)
    bad.write_text("{broken", encoding="utf-8")
    assert win.open_file(good, ask=False) and gc.isenabled()
    assert not win.open_file(bad, ask=False) and gc.isenabled()
    assert errors == [f"{bad}: not valid JSON (line 1, column 2: Expecting property name enclosed in double quotes)"]
    assert set(win.scene.cards) == set(load(good).posts)  # the refused file left the one before shown


@pytest.mark.skipif(not SAMPLES.exists() or not any(SAMPLES.glob("*.orgd")), reason="no samples")
def test_every_sample_opens_in_the_window(new_window):
    win = new_window()
    for sample in sorted(SAMPLES.glob("*.orgd")):
        assert win.open_file(sample, ask=False), sample
        assert set(win.scene.cards) == set(win.document.structure.posts)


def test_tidy_layout_forgets_hand_placed_positions(window):
    drag(window, card_centre(window, "H1"), card_centre(window, "H1") + QPointF(0, 200))
    assert window.document.structure.posts["H1"].position is not None
    window.tidy_action.trigger()
    assert window.document.structure.posts["H1"].position is None
    window.document.undo_stack.undo()
    assert window.document.structure.posts["H1"].position is not None


def test_compact_layout_is_narrower_and_remembered(window, tmp_path):
    window.set_compact(False)
    wide = window.scene.layout.bounds.width
    window.set_compact(True)
    assert window.scene.layout.bounds.width < wide
    window.set_compact(False)
    assert QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat).value("compact_layout") == "false"
