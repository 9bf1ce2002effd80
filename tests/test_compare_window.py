"""The compare view in the window, driven as a user would: Leicester's current and proposed structures,
and a file of two scenarios edited while they are compared."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, QPointF, QStandardPaths, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from orgdesigner.analysis import Analysis, compare
from orgdesigner.model import ChangeKind, ImpactChoice, ImpactOverride, load, save_scenarios
from orgdesigner.presentation.chartstyle import change_style
from orgdesigner.ui.compare import CompareFeature
from orgdesigner.ui.compare.changes_model import Column
from orgdesigner.ui.items.postcard import PostCardItem

from conftest import SAMPLES, make_options

QStandardPaths.setTestModeEnabled(True)

CURRENT = SAMPLES / "leicester-2011-current.orgd"
PROPOSED = SAMPLES / "leicester-2011-proposed.orgd"


@pytest.fixture
def leicester(new_window, qtbot, monkeypatch):
    """The proposed structure open, compared (Compare ▸ Compare with File…) with the current one."""
    win = new_window()
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(PROPOSED)
    monkeypatch.setattr(win.feature(CompareFeature), "choose_compare_file", lambda: CURRENT)
    assert win.feature(CompareFeature).compare_with_file_dialog()
    qtbot.wait(20)  # the docks settle and the view fits the chart and the holding area
    return win


@pytest.fixture
def options(new_window, qtbot, tmp_path):
    """A file of two scenarios, Current and Option A (the Head of Legal deleted), showing Option A compared
    with Current."""
    path = tmp_path / "options.orgd"
    save_scenarios(make_options(), path)
    win = new_window()
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(path)
    win.scenario_controls.show_scenario("Option A")
    assert win.feature(CompareFeature).compare_with_scenario("Current")
    return win


def rows(win) -> dict[str, dict[str, str]]:
    """The changes table as shown, by post id: each column's text."""
    proxy = win.feature(CompareFeature).changes.proxy
    return {proxy.index(r, Column.POST).data(): {c.name: proxy.index(r, c).data() for c in Column}
            for r in range(proxy.rowCount())}


def click_scene_item(win, item) -> None:
    point = win.view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseClick(win.view.viewport(), Qt.LeftButton, Qt.NoModifier, point)


# ----- the overlay on the canvas -----------------------------------------------------------------


def test_deleted_posts_wait_in_a_visible_holding_area_with_their_impact(leicester):
    before, after = load(CURRENT), load(PROPOSED)
    holding = leicester.feature(CompareFeature).holding
    deleted = {p for p in before.posts if p not in after.posts}
    assert holding is not None and holding.title == "Deleted posts · 16"
    assert set(holding.ghosts) == deleted and len(deleted) == 16
    assert holding.ghosts["SD-AC"].change.impact is ImpactChoice.AT_RISK
    assert holding.ghosts["CE"].change.impact is ImpactChoice.VACANT  # the vacant chief executive post
    assert holding.subtitle == "12 postholders at risk, 4 vacant posts"
    shown = leicester.view.mapToScene(leicester.view.viewport().rect()).boundingRect()
    assert shown.contains(holding.sceneBoundingRect())  # fitted into view beside the chart
    assert holding.sceneBoundingRect().left() > leicester.scene.layout.bounds.right
    assert not any(p in leicester.scene.cards for p in deleted)


def test_a_ghost_card_shows_its_details_and_no_edit_reaches_it(leicester, qtbot):
    ghost = leicester.feature(CompareFeature).holding.ghosts["SD-AC"]
    stack = leicester.document.undo_stack
    click_scene_item(leicester, ghost)
    assert ghost.isSelected()
    assert leicester.feature(CompareFeature).changes.selected_posts() == ["SD-AC"]
    details = leicester.feature(CompareFeature).changes.details.text()
    assert "Strategic Director Adults &amp; Communities" in details and "At risk" in details
    leicester.delete_action.trigger()
    assert stack.count() == 0 and "SD-AC" in leicester.feature(CompareFeature).holding.ghosts


def test_cards_take_the_colour_of_their_change_with_a_legend(leicester, qtbot):
    card_of = leicester.scene.card  # made on demand when out of view
    assert set(card_of("SD-ECS").change_kinds) == {"retitled", "regraded", "moved"}
    assert card_of("SD-ASCHH").change_kinds == ("new",)
    legend = leicester.feature(CompareFeature).legend
    assert legend.isVisible() and legend.geometry().bottom() <= leicester.view.viewport().geometry().top()
    changes = compare(load(CURRENT), load(PROPOSED))
    assert legend.counts["deleted"] == 16 and legend.counts["new"] == sum("new" in c.kinds for c in changes)
    assert "Deleted" in legend.text() and "New" in legend.text()
    # Zoomed in on a new post, its card is ringed in the colour the legend gives "New".
    leicester.view.set_zoom(1.0)
    card = card_of("SD-ASCHH")
    rect = card.sceneBoundingRect()
    leicester.view.centerOn(rect.center())
    qtbot.wait(10)
    left_edge = card.mapToScene(QPointF(0, card.card_rect().height() / 2))
    point = leicester.view.mapFromScene(left_edge) - QPoint(3, 0)
    colour = leicester.view.viewport().grab().toImage().pixelColor(point)
    expected = QColor(change_style("new").colour)
    assert abs(colour.red() - expected.red()) + abs(colour.green() - expected.green()) \
        + abs(colour.blue() - expected.blue()) < 60, colour.name()


def test_stop_comparing_gives_back_the_ordinary_chart(leicester):
    leicester.feature(CompareFeature).stop_action.trigger()
    assert all(card.change_kinds == () for card in leicester.scene.cards.values())
    compared = leicester.feature(CompareFeature)
    assert leicester.scene.side_panel is None and compared.holding is None
    assert not compared.legend.isVisible() and leicester.view.viewport().geometry().top() < 5
    assert not compared.changes_dock.isVisible() and not compared.finance_dock.isVisible()
    assert not compared.stop_action.isEnabled()


# ----- the changes table ----------------------------------------------------------------------


def test_the_changes_table_has_a_row_per_post_and_sorts_by_impact(leicester, qtbot):
    table = rows(leicester)
    before, after = load(CURRENT), load(PROPOSED)
    assert set(table) == set(before.posts) | set(after.posts)
    assert table["SD-AC"]["CHANGE"] == "Deleted" and table["SD-AC"]["IMPACT"] == "At risk"
    assert table["SD-AC"]["GRADE_BEFORE"] == before.posts["SD-AC"].grade and table["SD-AC"]["GRADE_AFTER"] == "—"
    view = leicester.feature(CompareFeature).changes.table
    header = view.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.LeftButton, Qt.NoModifier,
                     QPoint(header.sectionViewportPosition(Column.IMPACT) + 20, header.height() // 2))
    proxy = leicester.feature(CompareFeature).changes.proxy
    impacts = [proxy.index(r, Column.IMPACT).data() for r in range(proxy.rowCount())]
    order = ["At risk", "Ring-fenced", "Matched", "Slotting in", "Vacant post", "No impact"]
    assert impacts == sorted(impacts, key=order.index) and impacts[0] == "At risk"
    QTest.mouseClick(header.viewport(), Qt.LeftButton, Qt.NoModifier,
                     QPoint(header.sectionViewportPosition(Column.IMPACT) + 20, header.height() // 2))
    impacts = [proxy.index(r, Column.IMPACT).data() for r in range(proxy.rowCount())]
    assert impacts == sorted(impacts, key=order.index, reverse=True)


def test_the_changes_table_filters_by_kind_and_by_text(leicester):
    panel = leicester.feature(CompareFeature).changes
    panel.choice_combo.setCurrentIndex(panel.choice_combo.findText("Deleted"))
    deleted = set(load(CURRENT).posts) - set(load(PROPOSED).posts)
    assert set(panel.visible_posts()) == deleted
    assert panel.count_label.text() == "16 of 37 posts"
    QTest.keyClicks(panel.filter_edit, "housing")
    assert panel.visible_posts() and all("housing" in rows(leicester)[p]["TITLE"].lower()
                                         for p in panel.visible_posts())
    panel.filter_edit.clear()
    panel.choice_combo.setCurrentIndex(panel.choice_combo.findText("Impact: Matched"))
    assert {rows(leicester)[p]["IMPACT"] for p in panel.visible_posts()} == {"Matched"}


def test_choosing_a_row_selects_and_centres_its_card(leicester, qtbot):
    panel = leicester.feature(CompareFeature).changes
    proxy = panel.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, Column.POST).data() == "DIR-PROP")
    QTest.mouseClick(panel.table.viewport(), Qt.LeftButton, Qt.NoModifier,
                     panel.table.visualRect(proxy.index(row, Column.TITLE)).center())
    assert leicester.scene.selected_post_ids() == ["DIR-PROP"]
    centre = leicester.view.mapToScene(leicester.view.viewport().rect().center())
    assert leicester.scene.cards["DIR-PROP"].sceneBoundingRect().adjusted(-200, -200, 200, 200).contains(centre)


def test_an_impact_chosen_in_the_table_is_an_undoable_decision(leicester, qtbot):
    panel = leicester.feature(CompareFeature).changes
    proposal = lambda: leicester.document.structure.proposal  # noqa: E731
    proxy = panel.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, Column.POST).data() == "SD-AC")
    index = proxy.index(row, Column.IMPACT)
    panel.table.scrollTo(index)
    QTest.mouseClick(panel.table.viewport(), Qt.LeftButton, Qt.NoModifier, panel.table.visualRect(index).center())
    QTest.keyClick(panel.table, Qt.Key_F2)
    editor = panel.table.findChild(QComboBox)
    assert editor is not None and editor.currentText() == "At risk"
    editor.setCurrentIndex(editor.findText("Matched"))
    editor.activated.emit(editor.currentIndex())
    assert proposal().impacts["SD-AC"] == ImpactOverride(impact=ImpactChoice.MATCH)
    qtbot.waitUntil(lambda: rows(leicester)["SD-AC"]["IMPACT"] == "Matched")
    assert leicester.feature(CompareFeature).holding.ghosts["SD-AC"].change.impact is ImpactChoice.MATCH
    reason_index = proxy.index(next(r for r in range(proxy.rowCount())
                                    if proxy.index(r, Column.POST).data() == "SD-AC"), Column.REASON)
    count = leicester.document.undo_stack.count()
    proxy.setData(reason_index, reason_index.data())  # the reason shown, left as it was: nothing decided
    assert leicester.document.undo_stack.count() == count and proposal().impacts["SD-AC"].reason == ""
    assert proxy.setData(reason_index, "Most of the job continues in the new Strategic Director post")
    assert proposal().impacts["SD-AC"].reason == "Most of the job continues in the new Strategic Director post"
    qtbot.waitUntil(lambda: rows(leicester)["SD-AC"]["REASON"].startswith("Most of the job"))
    leicester.undo_action.trigger()
    assert proposal().impacts["SD-AC"].reason == ""
    leicester.undo_action.trigger()
    assert "SD-AC" not in proposal().impacts
    qtbot.waitUntil(lambda: rows(leicester)["SD-AC"]["IMPACT"] == "At risk")
    leicester.redo_action.trigger()
    assert proposal().impacts["SD-AC"].impact is ImpactChoice.MATCH
    # Reset to Suggested forgets the decision, as one more undoable step.
    panel.select_post("SD-AC")
    qtbot.waitUntil(lambda: rows(leicester)["SD-AC"]["IMPACT"] == "Matched")
    panel.select_post("SD-AC")
    QTest.mouseClick(panel.reset_button, Qt.LeftButton)
    assert "SD-AC" not in proposal().impacts
    leicester.undo_action.trigger()
    assert proposal().impacts["SD-AC"].impact is ImpactChoice.MATCH


# ----- finance and shape ---------------------------------------------------------------------


def test_the_finance_panel_shows_the_leicester_saving(leicester):
    finance = leicester.feature(CompareFeature).finance
    # the sum of the 26 and 21 posts' costs, each in whole pounds (as the pack prints them)
    assert "Saves £1,146,947 a year" in finance.headline.text()
    assert finance.value_of("Saving", 3) == "£1,146,947 a year"
    assert finance.value_of("Posts in scope", 1) == "26" and finance.value_of("Posts in scope", 2) == "21"
    assert finance.value_of("Cost (net)", 3) == "−£1,146,947" and finance.value_of("Posts in scope", 3) == "−5"
    assert finance.value_of("Payback", 3) == "about 1 month"  # £100,000 against £1.1m a year
    assert leicester.feature(CompareFeature).finance_dock.isVisible()


def test_the_compare_panels_are_made_when_a_comparison_starts_and_fill_their_docks(new_window, qtbot, monkeypatch):
    """The window starts without them (issue 14); the first comparison must still show whole panels, in the
    docks the user sees, with its figures."""
    win = new_window()
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(PROPOSED)
    feature = win.feature(CompareFeature)
    assert feature._panels is None
    monkeypatch.setattr(feature, "choose_compare_file", lambda: CURRENT)
    assert feature.compare_with_file_dialog()
    qtbot.wait(20)
    finance, changes, shape = feature.finance_dock.widget(), feature.changes_dock.widget(), \
        feature.shape_dock.widget().widget()  # Layers and Spans scrolls
    assert (changes, finance, shape) == feature._panels
    assert finance.isVisible() and "Saves £1,146,947 a year" in finance.headline.text()
    assert changes.proxy.rowCount() > 0
    assert sum(shape.pyramid.after.values()) == 21


def test_the_pyramid_and_spans_show_before_beside_after(leicester):
    shape = leicester.feature(CompareFeature).shape
    current, proposed = Analysis(load(CURRENT)), Analysis(load(PROPOSED))
    assert shape.pyramid.before == current.layer_counts() and shape.pyramid.after == proposed.layer_counts()
    assert sum(shape.pyramid.before.values()) == 26 and sum(shape.pyramid.after.values()) == 21
    assert sum(shape.spans.before.values()) == len(current.spans())
    assert max(shape.spans.after) == proposed.max_span()
    assert shape.pyramid.height() >= shape.pyramid.sizeHint().height()


# ----- live as either structure is edited -------------------------------------------------------


def test_editing_the_proposal_updates_the_comparison(options, qtbot):
    assert rows(options)["H1"]["CHANGE"] == "Unchanged"
    assert set(options.feature(CompareFeature).holding.ghosts) == {"H2"}
    options.select_and_centre(["H1"])
    combo = options.properties.grade_combo
    combo.lineEdit().selectAll()
    QTest.keyClicks(combo.lineEdit(), "DIR")
    QTest.keyClick(combo.lineEdit(), Qt.Key_Return)
    assert options.document.structure.posts["H1"].grade == "DIR"
    qtbot.waitUntil(lambda: rows(options)["H1"]["CHANGE"] == "Regraded")
    assert options.scene.cards["H1"].change_kinds == ("regraded",)
    assert rows(options)["H1"]["IMPACT"] == "Matched"  # one grade up: match, with assessment
    options.undo_action.trigger()
    qtbot.waitUntil(lambda: rows(options)["H1"]["CHANGE"] == "Unchanged")


def test_editing_the_before_scenario_updates_the_comparison(options, qtbot):
    options.scenario_controls.show_scenario("Current")
    # Shown, the current chart is marked too; the post the option creates... none here, so no holding area,
    # and the deleted post is on this chart, marked as deleted.
    assert options.scene.cards["H2"].change_kinds == ("deleted",)
    assert options.feature(CompareFeature).holding is None
    assert not options.feature(CompareFeature).changes.model.editable  # decisions belong to the option
    options.document.execute(options_retitle(options.document.structure, "H3", "Head of Planning & Building"))
    qtbot.waitUntil(lambda: rows(options)["H3"]["CHANGE"] == "Retitled")
    options.scenario_controls.show_scenario("Option A")
    assert options.feature(CompareFeature).session.after is options.document.structure
    assert rows(options)["H3"]["CHANGE"] == "Retitled" and set(options.feature(CompareFeature).holding.ghosts) == {"H2"}


def options_retitle(structure, post_id: str, title: str):
    from orgdesigner import editing as commands

    return commands.edit_post(structure, post_id, title=title)


def test_new_posts_wait_beside_the_current_chart(options, qtbot):
    from orgdesigner.model import Post
    from orgdesigner import editing as commands

    options.document.execute(commands.add_post(options.document.structure,
                                               Post(id="N1", title="Head of Climate", reports_to="D2")))
    qtbot.waitUntil(lambda: "N1" in rows(options))
    options.scenario_controls.show_scenario("Current")
    holding = options.feature(CompareFeature).holding
    assert holding is not None and holding.title == "New posts in Option A · 1" and set(holding.ghosts) == {"N1"}


def test_deleting_the_before_scenario_ends_the_comparison(options, monkeypatch):
    options.scenario_controls.show_scenario("Current")
    monkeypatch.setattr(options.scenario_controls, "confirm_delete", lambda name: True)
    options.scenario_controls.delete_scenario()
    assert not options.feature(CompareFeature).session.active and options.scene.side_panel is None


def test_the_compare_menu_offers_the_other_scenarios(options):
    texts = [a.text() for a in options.feature(CompareFeature).menu.actions()]
    assert "Compare with 'Current' (baseline)" in texts and "Compare with &File…" in texts
    assert not options.feature(CompareFeature).compare_with_scenario("Option A")  # the one shown
    assert "the scenario shown" in options.statusBar().currentMessage()


def test_a_file_that_cannot_be_compared_says_why(new_window, qtbot, tmp_path, monkeypatch):
    win = new_window()
    assert win.open_file(PROPOSED)
    broken = tmp_path / "broken.orgd"
    broken.write_text("{not json")
    monkeypatch.setattr(win.feature(CompareFeature), "choose_compare_file", lambda: broken)
    assert not win.feature(CompareFeature).compare_with_file_dialog()
    assert "broken.orgd" in win.statusBar().currentMessage() and not win.feature(CompareFeature).session.active


def test_an_impact_decision_is_announced_and_undone_in_the_model():
    structure = load(PROPOSED)
    seen = []
    structure.subscribe(seen.append)
    old = structure.update_proposal(impacts={"SD-AC": ImpactOverride(impact=ImpactChoice.MATCH, reason="r")})
    assert seen[-1].kind is ChangeKind.PROPOSAL_CHANGED and structure.proposal.impacts["SD-AC"].reason == "r"
    structure.update_proposal(**old)
    assert structure.proposal.impacts == {}


def test_the_window_opens_in_the_compare_view_from_the_command_line(tmp_path):
    out = tmp_path / "compare.png"
    result = subprocess.run([sys.executable, "-m", "orgdesigner", str(PROPOSED), "--compare", str(CURRENT),
                             "--screenshot", str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000


def test_comparing_with_an_unknown_scenario_from_the_command_line_is_refused(run, tmp_path):
    result = run(str(PROPOSED), "--compare", "Option Z", "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2 and "Option Z" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_cards_outside_a_comparison_carry_no_change_marks(new_window):
    win = new_window()
    assert win.open_file(PROPOSED)
    assert all(isinstance(c, PostCardItem) and c.change_kinds == () for c in win.scene.cards.values())
    assert not win.feature(CompareFeature).changes_dock.isVisible()


def test_opening_another_file_ends_a_comparison_with_a_scenario(options):
    assert options.open_file(PROPOSED)
    assert not options.feature(CompareFeature).session.active and options.scene.side_panel is None
    assert all(card.change_kinds == () for card in options.scene.cards.values())


def _dock_tab_bars(win):
    from PySide6.QtWidgets import QTabBar
    return [[bar.tabText(i) for i in range(bar.count())] for bar in win.findChildren(QTabBar)
            if bar.parent() is win and bar.isVisible()]


@pytest.mark.parametrize("attempt", range(3))
def test_a_comparison_started_with_the_window_shows_one_tab_bar_per_tab_group(new_window, qtbot, attempt):
    """As `orgdesigner FILE --compare BEFORE` starts: the window shown and the comparison started before its first
    turn of the event loop. Each tab bar in sight holds a whole group of tabbed docks; none is a stray copy of a
    group as it was while the docks were being tabbed in."""
    from PySide6.QtWidgets import QApplication, QDockWidget

    win = new_window()
    win.resize(1440, 900)
    assert win.open_file(SAMPLES / "leicester-2011-proposed.orgd")
    win.show()
    win.feature(CompareFeature).compare_with(load(SAMPLES / "leicester-2011-current.orgd"),
                                             SAMPLES / "leicester-2011-current.orgd")
    qtbot.waitUntil(lambda: win.dock_layout.is_placed)
    for _ in range(3):
        QApplication.processEvents()
    bars = _dock_tab_bars(win)
    titles = [title for bar in bars for title in bar]
    assert len(titles) == len(set(titles)), bars  # no tab twice: no stray bar
    for bar in bars:
        dock = next(d for d in win.findChildren(QDockWidget) if d.windowTitle() == bar[0] and d.parent() is win)
        group = [dock, *win.tabifiedDockWidgets(dock)]
        assert sorted(bar) == sorted(d.windowTitle() for d in group if not d.isHidden()), bars
    assert any("Changes" in bar and "Findings" in bar for bar in bars)  # tabbed in with the others
