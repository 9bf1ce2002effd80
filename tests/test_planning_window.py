"""The planning docks driven in the real window on the samples: statutory officers, responsibilities
(dragged between posts), the rota, pay benchmarking, and shared and partner posts."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from orgdesigner.analysis.organisations import cost_by_organisation
from orgdesigner.model import ResponsibilityCategory, save
from orgdesigner.presentation.chartstyle import CONTEXT, card_style
from orgdesigner.presentation.money import money
from orgdesigner import editing as commands
from orgdesigner.ui.planning import PlanningFeature

from conftest import SAMPLES, make_structure

QStandardPaths.setTestModeEnabled(True)
CUMBRIA = "cumbria-2022-distributed-leadership.orgd"
DERBYSHIRE = "derbyshire-2021-managing-director.orgd"
PETERBOROUGH = "peterborough-cambridgeshire-2017-shared.orgd"
LEAD = ResponsibilityCategory.LEAD


@pytest.fixture
def open_sample(new_window, qtbot, tmp_path):
    """A shown window on a copy of a sample (so saving never touches the shipped file)."""
    def open_(name: str):
        path = tmp_path / name
        shutil.copy(SAMPLES / name, path)
        win = new_window()
        win.resize(1440, 900)
        win.show()
        qtbot.waitExposed(win)
        assert win.open_file(path)
        qtbot.waitUntil(lambda: win.dock_layout.is_placed)  # the docks tabbed in: those in front fill
        return win
    return open_


def show(win, dock) -> None:
    win.feature(PlanningFeature).show_dock(dock)
    QApplication.processEvents()


def drop(target, item_id: str, source) -> None:
    """Drop a responsibility (as the source list packs it for a drag) on a cell of the matrix."""
    entry = next(source.item(r) for r in range(source.count()) if source.item(r).data(Qt.UserRole) == item_id)
    data = source.mimeData([entry])
    event = QDropEvent(target.viewport().rect().center(), Qt.MoveAction, data, Qt.LeftButton, Qt.NoModifier)
    target.dropEvent(event)
    assert event.isAccepted()


# ----- responsibilities ----------------------------------------------------------------


def test_cumbria_opens_on_its_responsibilities_with_counts_on_the_cards(open_sample, qtbot):
    win = open_sample(CUMBRIA)
    panel = win.feature(PlanningFeature).responsibilities
    qtbot.waitUntil(lambda: not win.feature(PlanningFeature).statutory.shown)  # the docks are tabbed in
    assert panel.shown and not win.feature(PlanningFeature).rota.shown  # brought forward: it has responsibilities
    assert panel.summary.text() == "59 responsibilities"
    cell = panel.lists[("AD-SCPC", LEAD)]
    assert "Cabinet" in [cell.item(r).text() for r in range(cell.count())]
    counts = {post: win.scene.cards[post].responsibility_count for post in ("AD-SCPC", "AD-ICT", "CEX", "ED-CCCS")}
    assert counts == {"AD-SCPC": 16, "AD-ICT": 14, "CEX": 1, "ED-CCCS": 0}
    assert "Holds 16 responsibilities" in win.scene.cards["AD-SCPC"].toolTip()


def test_drag_a_responsibility_to_another_post_and_undo(open_sample, qtbot):
    win = open_sample(CUMBRIA)
    structure = win.document.structure
    panel = win.feature(PlanningFeature).responsibilities
    cabinet = next(r for r in structure.responsibilities if r.name == "Cabinet")
    drop(panel.lists[("AD-ICT", LEAD)], cabinet.id, panel.lists[("AD-SCPC", LEAD)])
    qtbot.waitUntil(lambda: structure.responsibility(cabinet.id).post == "AD-ICT")
    assert win.document.undo_stack.undoText() == \
        "Move 'Cabinet' to 'Assistant Director (ICT, Information & Transformation lead)'"
    assert cabinet.id in panel.lists[("AD-ICT", LEAD)].item_ids()
    assert cabinet.id not in panel.lists[("AD-SCPC", LEAD)].item_ids()
    assert (win.scene.cards["AD-SCPC"].responsibility_count, win.scene.cards["AD-ICT"].responsibility_count) == (15, 15)
    win.undo_action.trigger()
    assert structure.responsibility(cabinet.id).post == "AD-SCPC"
    assert cabinet.id in panel.lists[("AD-SCPC", LEAD)].item_ids()
    assert win.scene.cards["AD-SCPC"].responsibility_count == 16
    win.redo_action.trigger()
    assert structure.responsibility(cabinet.id).post == "AD-ICT"


def test_a_drop_on_another_category_recategorises_and_a_drop_on_itself_does_nothing(open_sample, qtbot):
    win = open_sample(CUMBRIA)
    structure = win.document.structure
    panel = win.feature(PlanningFeature).responsibilities
    cabinet = next(r for r in structure.responsibilities if r.name == "Cabinet")
    drop(panel.lists[("AD-SCPC", LEAD)], cabinet.id, panel.lists[("AD-SCPC", LEAD)])
    qtbot.wait(20)
    assert win.document.undo_stack.count() == 0
    drop(panel.lists[("AD-SCPC", ResponsibilityCategory.MEETING)], cabinet.id, panel.lists[("AD-SCPC", LEAD)])
    qtbot.waitUntil(lambda: structure.responsibility(cabinet.id).category is ResponsibilityCategory.MEETING)
    assert structure.responsibility(cabinet.id).post == "AD-SCPC"


def test_responsibilities_of_a_vacant_or_deleted_post_are_flagged_until_reassigned(open_sample):
    win = open_sample(CUMBRIA)
    structure, document = win.document.structure, win.document
    panel = win.feature(PlanningFeature).responsibilities
    document.execute(commands.edit_post(structure, "AD-CUST", status="vacant"))
    row = panel.rows.index("AD-CUST")
    assert panel.table.item(row, 0).text().endswith("(vacant)")
    assert panel.table.item(row, 0).background().color().name() == "#fff4e0"
    assert "is vacant but holds 14 responsibilities" in panel.problems.text()
    document.undo_stack.undo()
    document.execute(commands.delete(structure, ["AD-CUST"], []))
    assert "AD-CUST" not in structure.posts
    row = panel.rows.index("AD-CUST")
    assert panel.table.item(row, 0).text() == "Deleted post 'AD-CUST': reassign"
    assert "still name the deleted post 'AD-CUST'" in panel.problems.text()
    item_id = panel.lists[("AD-CUST", LEAD)].item_ids()[0]
    assert panel.select(item_id)
    assert panel.post_combo.currentText() == "deleted post 'AD-CUST'"
    panel.post_combo.setCurrentIndex(panel.post_combo.findData("AD-PEOPLE"))
    panel.post_combo.activated.emit(panel.post_combo.currentIndex())
    assert structure.responsibility(item_id).post == "AD-PEOPLE"
    assert document.undo_stack.undoText().startswith(f"Move '{structure.responsibility(item_id).name}' to")


def test_add_rename_and_delete_a_responsibility(open_sample):
    win = open_sample(CUMBRIA)
    structure, panel = win.document.structure, win.feature(PlanningFeature).responsibilities
    panel.category_combo.setCurrentIndex(panel.category_combo.findData("delegation"))
    panel.post_combo.setCurrentIndex(panel.post_combo.findData("DIR-FIN"))
    panel.add_new()
    item = structure.responsibilities[-1]
    assert (item.name, item.category, item.post) == ("New responsibility", ResponsibilityCategory.DELEGATION, "DIR-FIN")
    assert item.id in panel.lists[("DIR-FIN", ResponsibilityCategory.DELEGATION)].item_ids()
    assert panel.selected_id == item.id
    panel.name_edit.setText("Treasury management decisions")
    panel.name_edit.editingFinished.emit()
    assert structure.responsibility(item.id).name == "Treasury management decisions"
    assert win.document.undo_stack.undoText() == "Rename 'New responsibility' to 'Treasury management decisions'"
    panel.name_edit.setText("   ")
    panel.name_edit.editingFinished.emit()
    assert structure.responsibility(item.id).name == "Treasury management decisions"
    assert "needs a name" in win.statusBar().currentMessage()
    panel.delete_selected()
    assert all(r.id != item.id for r in structure.responsibilities)
    assert win.scene.cards["DIR-FIN"].responsibility_count == 1
    win.undo_action.trigger()
    assert structure.responsibility(item.id).name == "Treasury management decisions"
    assert win.scene.cards["DIR-FIN"].responsibility_count == 2


# ----- the rota ----------------------------------------------------------------------------


def test_generate_a_rota_edit_a_month_and_undo(open_sample, qtbot):
    win = open_sample(CUMBRIA)
    structure, panel = win.document.structure, win.feature(PlanningFeature).rota
    show(win, win.feature(PlanningFeature).rota_dock)
    assert panel.table.rowCount() == 9 and panel.table.item(0, 0).text() == "July 2022"
    assert panel.chosen_posts() == ["AD-SCPC", "AD-ICT", "AD-CUST", "AD-PEOPLE"]
    assert panel.counts_label.text().endswith("Assistant Director (People Management & Workforce lead) 2")
    panel.months_spin.setValue(12)
    panel.start_edit.setDate(panel.start_edit.date().addMonths(9))  # April 2023
    assert panel.generate()
    assert [m.month for m in structure.rota.months][:2] == ["2023-04", "2023-05"]
    assert len(structure.rota.months) == 12 and panel.table.rowCount() == 12
    leads = [m.lead for m in structure.rota.months]
    assert {leads.count(p) for p in panel.chosen_posts()} == {3}
    assert all(m.lead != m.buddy for m in structure.rota.months)
    assert win.document.undo_stack.undoText() == "Generate a 12-month rota across 4 posts"
    combo = panel.combos[("2023-04", "buddy")]
    combo.setCurrentIndex(combo.findData("AD-SCPC"))  # the lead itself
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: structure.rota.months[0].buddy == "AD-SCPC")
    assert "both the lead and the buddy" in panel.problems.text()
    assert win.document.undo_stack.undoText().endswith("the buddy for April 2023")
    win.undo_action.trigger()
    assert structure.rota.months[0].buddy == "AD-ICT" and not panel.problems.isVisible()
    win.undo_action.trigger()
    assert len(structure.rota.months) == 9 and panel.table.rowCount() == 9


def test_a_rota_needs_two_posts_and_the_duties_are_kept(open_sample):
    win = open_sample(CUMBRIA)
    structure, panel = win.document.structure, win.feature(PlanningFeature).rota
    show(win, win.feature(PlanningFeature).rota_dock)
    for row in range(panel.posts_list.count()):
        item = panel.posts_list.item(row)
        item.setCheckState(Qt.Checked if item.data(Qt.UserRole) == "AD-ICT" else Qt.Unchecked)
    assert not panel.generate()
    assert "at least two posts" in win.statusBar().currentMessage()
    assert len(structure.rota.months) == 9
    panel.duties_edit.setText("DMT chair and Cabinet briefing")
    panel.duties_edit.setModified(True)
    panel.duties_edit.editingFinished.emit()
    assert structure.rota.duties == "DMT chair and Cabinet briefing"


def test_the_rota_is_saved_in_the_file(open_sample, tmp_path):
    from orgdesigner.model import load

    win = open_sample(CUMBRIA)
    show(win, win.feature(PlanningFeature).rota_dock)
    win.feature(PlanningFeature).rota.months_spin.setValue(4)
    assert win.feature(PlanningFeature).rota.generate()
    assert win.save()
    assert len(load(win.document.path).rota.months) == 4


# ----- made when first needed ------------------------------------------------------------


def test_a_planning_dock_behind_a_tab_is_made_when_brought_to_the_front_and_shows_the_structure(open_sample):
    """The window starts without the planning panels nobody sees (issue 14); bringing a dock's tab to the front
    must still show a whole panel, in the dock the user sees, with the file's values, following the edits."""
    win = open_sample(DERBYSHIRE)
    planning = win.feature(PlanningFeature)
    dock = planning.statutory_dock
    assert "statutory_officers" not in planning._panels  # behind Findings: not made yet
    dock.raise_()  # what clicking its tab does
    QApplication.processEvents()
    panel = dock.widget().widget()  # the scroll area the dock holds, and the panel in it
    assert panel is planning._panels["statutory_officers"] and panel.isVisible()
    structure = win.document.structure
    head = next(p for p in structure.posts.values() if "HoPS" in p.designations)
    hops = next(row for row in panel.rows() if row[0].startswith("Head of Paid Service"))
    assert hops[1] == head.title
    win.document.execute(commands.edit_post(structure, head.id, designations=[]))
    hops = next(row for row in panel.rows() if row[0].startswith("Head of Paid Service"))
    assert hops[1] == "—"


def test_a_planning_panel_asked_for_before_its_dock_is_shown_catches_up_when_shown(open_sample):
    win = open_sample(DERBYSHIRE)
    planning = win.feature(PlanningFeature)
    panel = planning.benchmark  # made on asking (Planning ▸ Import Comparators… does this)
    assert planning.benchmark_dock.widget().widget() is panel and not panel.shown
    show(win, planning.benchmark_dock)
    assert panel.shown and panel.stats_table.rowCount() > 0


# ----- statutory officers ----------------------------------------------------------------


def test_statutory_officers_table_follows_the_edits(open_sample):
    win = open_sample(CUMBRIA)
    structure, panel = win.document.structure, win.feature(PlanningFeature).statutory
    show(win, win.feature(PlanningFeature).statutory_dock)
    rows = {row[0]: row for row in panel.rows()}
    assert rows["Head of Paid Service (HoPS)"][1:] == ["Chief Executive", "", ""]
    assert rows["Monitoring Officer (MO)"][1] == "Chief Legal Officer (Monitoring Officer & Returning Officer)"
    assert rows["Returning Officer (RO)"][1] == rows["Monitoring Officer (MO)"][1]
    win.document.execute(commands.edit_post(structure, "CEX", designations=["HoPS", "MO"]))
    rows = [row for row in panel.rows() if row[0] == "Monitoring Officer (MO)"]
    assert len(rows) == 2 and all("Held by 2 posts" in row[3] for row in rows)
    hops = next(row for row in panel.rows() if row[0] == "Head of Paid Service (HoPS)")
    assert "both Head of Paid Service and Monitoring Officer" in hops[3]
    win.document.execute(commands.edit_post(structure, "DIR-FIN", designations=[]))
    s151 = next(row for row in panel.rows() if row[0].startswith("Chief Finance Officer"))
    assert s151[1] == "—" and s151[3].startswith("Not designated")
    win.document.execute(commands.edit_post(structure, "DIR-FIN", postholder="A. Person"))
    win.undo_action.trigger()
    win.undo_action.trigger()
    s151 = next(row for row in panel.rows() if row[0].startswith("Chief Finance Officer"))
    assert s151[1].startswith("Director of Finance") and s151[3] == ""


def test_clicking_an_officer_selects_its_post(open_sample):
    win = open_sample(CUMBRIA)
    panel = win.feature(PlanningFeature).statutory
    show(win, win.feature(PlanningFeature).statutory_dock)
    row = next(r for r in range(panel.topLevelItemCount()) if panel.topLevelItem(r).text(0).startswith("Monitoring"))
    panel.itemClicked.emit(panel.topLevelItem(row), 0)
    assert win.scene.selected_post_ids() == ["CLO"]


# ----- pay benchmarking ------------------------------------------------------------------


def test_derbyshire_managing_director_against_the_documents_averages(open_sample):
    win = open_sample(DERBYSHIRE)
    panel = win.feature(PlanningFeature).benchmark
    show(win, win.feature(PlanningFeature).benchmark_dock)
    means = {panel.stats_table.item(r, 0).text(): panel.stats_table.item(r, 2).text()
             for r in range(panel.stats_table.rowCount())}
    assert means == {"Local Councils": "£180,744", "County Councils": "£183,727",
                     "Councils with Comparable Functions": "£188,817", "Population 600-900K": "£180,178",
                     "All comparators": "£181,517"}
    assert panel.post_combo.currentData() == "MD"
    text = panel.position_label.text()
    assert "£175,929" in text and "£12,888 below the mean of £188,817" in text and "lowest quarter" in text
    assert panel.plot.pay == 175929 and panel.plot.pay_bottom == 161000
    assert panel.comparators_table.rowCount() == 38
    panel.category_combo.setCurrentIndex(panel.category_combo.findText("All comparators"))
    panel.category_combo.activated.emit(panel.category_combo.currentIndex())
    assert win.document.structure.benchmark.category is None
    assert "£5,588 below the mean of £181,517" in panel.position_label.text()
    win.undo_action.trigger()
    assert win.document.structure.benchmark.category == "Councils with Comparable Functions"


def test_edit_a_comparators_pay_and_refuse_nonsense(open_sample):
    win = open_sample(DERBYSHIRE)
    structure, panel = win.document.structure, win.feature(PlanningFeature).benchmark
    show(win, win.feature(PlanningFeature).benchmark_dock)
    first = structure.benchmark.comparators[0]
    panel.comparators_table.item(0, 1).setText("£250,000")
    assert structure.benchmark.comparators[0].pay == 250000
    assert win.document.undo_stack.undoText() == f"Change the comparator '{first.council}'"
    panel.comparators_table.item(0, 1).setText("lots")
    assert structure.benchmark.comparators[0].pay == 250000
    assert "comparator row 1" in win.statusBar().currentMessage() and "'lots'" in win.statusBar().currentMessage()
    assert panel.comparators_table.item(0, 1).text() == "£250,000"
    win.undo_action.trigger()
    assert structure.benchmark.comparators[0].pay == first.pay


def test_import_comparators_from_a_csv_and_undo(open_sample, tmp_path, monkeypatch):
    win = open_sample(DERBYSHIRE)
    structure, panel = win.document.structure, win.feature(PlanningFeature).benchmark
    table = tmp_path / "comparators.csv"
    table.write_text("Council,Salary,Population,Categories\nAshby,£170000,500000,County\nBrill,180000,,County;Local\n"
                     "Crewe,190000,700000,Local\n")
    monkeypatch.setattr(panel, "choose_comparators_file", lambda: table)
    win.feature(PlanningFeature).menu.actions()[-1].trigger()  # Planning ▸ Import Comparators…
    assert [c.council for c in structure.benchmark.comparators] == ["Ashby", "Brill", "Crewe"]
    assert structure.benchmark.post == "MD" and structure.benchmark.category is None
    assert panel.comparators_table.rowCount() == 3
    assert "Against All comparators (3): £4,071 below the mean of £180,000" in panel.position_label.text()
    assert win.document.undo_stack.undoText() == "Import 3 comparators from comparators.csv"
    win.undo_action.trigger()
    assert len(structure.benchmark.comparators) == 38


def test_a_comparator_table_with_problems_says_where_and_changes_nothing(open_sample, tmp_path, monkeypatch):
    win = open_sample(DERBYSHIRE)
    panel = win.feature(PlanningFeature).benchmark
    table = tmp_path / "bad.csv"
    table.write_text("Council,Pay\nAshby,lots\n")
    monkeypatch.setattr(panel, "choose_comparators_file", lambda: table)
    failures = []
    panel.import_failed.connect(lambda title, message: failures.append(message))
    assert not panel.import_comparators()
    assert len(failures) == 1 and "bad.csv" in failures[0] and "row 2" in failures[0]
    assert len(win.document.structure.benchmark.comparators) == 38
    assert win.document.undo_stack.count() == 0


# ----- shared posts and partners' posts ----------------------------------------------------


def test_peterboroughs_partner_post_is_greyed_and_counted_nowhere(open_sample):
    win = open_sample(PETERBOROUGH)
    structure = win.document.structure
    card = win.scene.cards["CCC-CS"]
    assert card_style(card.post) is CONTEXT
    assert win.document.analysis.totals().posts == 7
    assert win.document.analysis.span("ED") == 5  # the partner's director does not count in the span
    panel = win.feature(PlanningFeature).shared
    show(win, win.feature(PlanningFeature).shared_dock)
    shared = [panel.posts_table.item(r, 0).text() for r in range(panel.posts_table.rowCount())]
    assert "Service Director, Education" in shared
    assert structure.posts["CCC-CS"].title in shared
    assert "Cambridgeshire County Council's post, shown for context" in [
        panel.posts_table.item(r, 1).text() for r in range(panel.posts_table.rowCount())]


def test_edit_funding_shares_and_mark_a_partners_post_on_the_selected_post(open_sample):
    win = open_sample(PETERBOROUGH)
    structure, panel = win.document.structure, win.feature(PlanningFeature).shared
    show(win, win.feature(PlanningFeature).shared_dock)
    win.scene.select_posts(["SD-EDU"])
    assert panel.post_id == "SD-EDU"
    assert panel.funding_edit.text() == "Cambridgeshire County Council: 50%"
    panel.funding_edit.setText("Cambridgeshire County Council: 40%")
    panel.funding_edit.setModified(True)
    panel.funding_edit.editingFinished.emit()
    assert structure.posts["SD-EDU"].funding == {"Cambridgeshire County Council": 0.4}
    panel.funding_edit.setText("Cambridgeshire County Council: 140%")
    panel.funding_edit.textEdited.emit(panel.funding_edit.text())
    panel.funding_edit.setModified(True)
    panel.funding_edit.editingFinished.emit()
    assert "between 0% and 100%" in panel.error.text()
    assert structure.posts["SD-EDU"].funding == {"Cambridgeshire County Council": 0.4}
    panel.context_combo.setEditText("Cambridgeshire County Council")
    panel.context_check.setChecked(True)
    assert structure.posts["SD-EDU"].context == "Cambridgeshire County Council"
    assert win.document.analysis.totals().posts == 6
    assert card_style(win.scene.cards["SD-EDU"].post) is CONTEXT
    win.undo_action.trigger()
    assert structure.posts["SD-EDU"].context is None and win.document.analysis.totals().posts == 7
    win.undo_action.trigger()
    assert structure.posts["SD-EDU"].funding == {"Cambridgeshire County Council": 0.5}


def test_cost_by_organisation(new_window, qtbot, tmp_path):
    path = tmp_path / "council.orgd"
    save(make_structure(), path)
    win = new_window()
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(path)
    planning = win.feature(PlanningFeature)
    show(win, planning.shared_dock)
    table = planning.shared.org_table
    shown = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    expected = cost_by_organisation(win.document.structure, win.document.analysis)
    assert shown == {"Test Council": ("6", money(expected["Test Council"])),
                     "Partner Council": ("1", money(expected["Partner Council"]))}
    assert expected["Partner Council"] == pytest.approx(100000 * 1.25 * 0.5)


def test_planning_menu_shows_each_dock(open_sample, qtbot):
    win = open_sample(CUMBRIA)
    qtbot.wait(20)
    titles = [a.text() for a in win.feature(PlanningFeature).menu.actions() if a.text()]
    assert titles[:5] == ["Statutory Officers", "Responsibilities", "Rota", "Pay Benchmarking", "Shared Posts"]
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus.index("&Planning") < menus.index("&View")
    win.feature(PlanningFeature).menu.actions()[6].trigger()  # Generate Rota…
    assert win.feature(PlanningFeature).rota.shown and not win.feature(PlanningFeature).responsibilities.shown

