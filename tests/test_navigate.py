"""Fold and focus, the overview, the keyboard, the choosers and the right-click menus, through the window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest

from canvasdrive import card_centre, view_point
from conftest import SAMPLES, make_structure
from orgdesigner import editing
from orgdesigner.layout import LayoutOptions, compute_layout
from orgdesigner.model import load_scenarios
from orgdesigner.ui.folding.feature import FoldFeature
from orgdesigner.ui.navigation.contextmenus import menu_for
from orgdesigner.ui.navigation.feature import NavigationFeature


def _window(new_window, qtbot):
    win = new_window()
    win.document.set_structure(make_structure(), None)
    win.resize(1440, 900)
    win.show()
    qtbot.waitExposed(win)
    win.view.fit()
    return win


def _cambridge_window(new_window, qtbot):
    """The Cambridge sample in a 1440×900 window: long titles, and reports stored in another order than shown."""
    win = new_window()
    path = SAMPLES / "cambridge-2022-current.orgd"
    win.document.set_scenarios(load_scenarios(path), path, None)
    win.resize(1440, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def _shown(win) -> set[str]:
    return set(win.scene.layout.cards)


def _trigger(menu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text() == text)
    assert action.isEnabled(), text
    action.trigger()


def test_a_folded_cards_summary_hangs_below_the_card_without_covering_its_last_line(new_window, qtbot):
    win = _window(new_window, qtbot)
    fold = win.feature(FoldFeature)
    fold.toggle("D1")
    card = win.scene.card("D1")
    card_rect = card.mapRectToScene(card.card_rect())
    pill = fold.marks.badge("D1").sceneBoundingRect()
    assert pill.top() >= card_rect.bottom() - 4  # over the edge by a few pixels only
    assert card_rect.left() < pill.center().x() < card_rect.right()
    fold.toggle("D1")
    chevron = fold.marks.badge("D1").sceneBoundingRect()
    assert chevron.top() < card_rect.bottom() < chevron.bottom()  # unfolded, the chevron sits on the edge


def test_layout_leaves_out_folded_branches_and_what_is_outside_a_focus(structure):
    assert set(compute_layout(structure, LayoutOptions(folded=frozenset({"D1"}))).cards) == {"CE", "D1", "D2", "H3"}
    focused = compute_layout(structure, LayoutOptions(focus="D1"))
    assert set(focused.cards) == {"D1", "H1", "H2"}
    assert set(focused.groups) == {"corp", "fin"}  # Place has nothing shown, so no box


def test_fold_and_unfold_change_the_cards_shown_never_the_figures(new_window, qtbot):
    win = _window(new_window, qtbot)
    fold = win.feature(FoldFeature)
    totals = win.document.analysis.totals()
    fold.toggle("D1")
    assert _shown(win) == {"CE", "D1", "D2", "H3"}
    assert win.scene.card("H1") is None
    badge = fold.marks.badge("D1")
    assert badge.folded and badge.text == "2 posts · 2.0 FTE · £200,000"
    assert win.document.analysis.totals() == totals and not win.document.modified
    assert win.document.undo_stack.count() == 0  # a view setting, not an edit
    QTest.mouseClick(win.view.viewport(), Qt.LeftButton, Qt.NoModifier,
                     view_point(win, badge.mapToScene(badge.boundingRect().center())))
    assert _shown(win) == set(win.document.structure.posts)
    assert not fold.marks.badge("D1").folded


def test_folding_is_remembered_per_file(new_window, qtbot, tmp_path):
    from orgdesigner.model import save

    path = tmp_path / "council.orgd"
    save(make_structure(), path)
    win = new_window("remember")
    win.open_file(path, ask=False)
    win.feature(FoldFeature).toggle("D2")
    other = new_window("remember")
    other.open_file(path, ask=False)
    assert other.scene.view_state.folded == {"D2"} and "H3" not in _shown(other)


def test_show_levels(new_window, qtbot):
    win = _window(new_window, qtbot)
    win.feature(FoldFeature).actions["show_levels_1"].trigger()
    assert _shown(win) == {"CE"}
    win.feature(FoldFeature).actions["show_levels_2"].trigger()
    assert _shown(win) == {"CE", "D1", "D2"}
    win.feature(FoldFeature).actions["show_all_levels"].trigger()
    assert _shown(win) == set(win.document.structure.posts)


def test_focus_on_a_branch_and_back_up_by_the_breadcrumb(new_window, qtbot):
    win = _window(new_window, qtbot)
    fold = win.feature(FoldFeature)
    win.scene.select_posts(["H1"])
    fold.actions["focus_branch"].trigger()
    assert _shown(win) == {"H1"}
    crumbs = fold.breadcrumb
    assert crumbs.isVisible()
    assert [b.text() for b in crumbs.buttons] == ["Whole chart", "Chief Executive", "Director of Resources"]
    QTest.mouseClick(crumbs.buttons[2], Qt.LeftButton)
    assert _shown(win) == {"D1", "H1", "H2"}
    QTest.mouseClick(crumbs.buttons[0], Qt.LeftButton)
    assert _shown(win) == set(win.document.structure.posts) and not crumbs.isVisible()


def test_a_click_in_the_overview_moves_the_view(new_window, qtbot):
    win = _window(new_window, qtbot)
    win.view.set_zoom(2.0)
    overview = win.feature(NavigationFeature).overview
    overview.ensure_drawn()
    for post_id in ("H1", "H3", "CE"):
        card = win.scene.card(post_id)
        target = card.mapToScene(card.card_rect().center())
        spot = overview.to_widget(QRectF(target, QSizeF(0, 0))).topLeft().toPoint()
        QTest.mouseClick(overview, Qt.LeftButton, Qt.NoModifier, spot)
        centre = win.view.mapToScene(win.view.viewport().rect().center())
        assert abs(centre.x() - target.x()) < 30 and abs(centre.y() - target.y()) < 30
        assert overview.to_widget(overview.visible_rect()).contains(QPointF(spot))


def _overview_on_screen(win, overview) -> QImage:
    """The overview's pixels as they are on screen (`grab` would paint it afresh)."""
    QApplication.processEvents()
    corner = overview.mapTo(win, QPoint(0, 0))
    image = win.screen().grabWindow(win.winId(), corner.x(), corner.y(), overview.width(), overview.height())
    return image.toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_the_overview_outline_follows_the_canvas_on_screen(new_window, qtbot):
    """Only the outline's old and new places are repainted as the canvas scrolls; what is on screen is what
    painting the overview afresh shows."""
    win = _window(new_window, qtbot)
    win.view.set_zoom(2.0)
    overview = win.feature(NavigationFeature).overview
    overview.ensure_drawn()
    before = _overview_on_screen(win, overview)
    bar = win.view.horizontalScrollBar()
    bar.setValue(bar.value() + bar.pageStep())
    shown = _overview_on_screen(win, overview)
    assert shown != before
    assert shown == overview.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_arrow_keys_walk_the_tree_and_shift_extends(new_window, qtbot):
    win = _window(new_window, qtbot)
    win.view.setFocus()
    scene = win.scene
    scene.select_posts(["CE"])
    # Finance is a cluster inside Corporate: its head is shown under the Head of Legal
    keys = [(Qt.Key_Down, ["D1"]), (Qt.Key_Down, ["H2"]), (Qt.Key_Right, ["H1"]), (Qt.Key_Left, ["H2"]),
            (Qt.Key_Up, ["D1"]), (Qt.Key_Right, ["D2"])]
    for key, expected in keys:
        QTest.keyClick(win.view, key)
        assert scene.selected_post_ids() == expected
    QTest.keyClick(win.view, Qt.Key_Left, Qt.ShiftModifier)
    assert set(scene.selected_post_ids()) == {"D1", "D2"}
    win.select_all_action.trigger()
    assert set(scene.selected_post_ids()) == set(win.document.structure.posts)


def test_arrow_keys_follow_the_chart_left_to_right_not_the_file_order(new_window, qtbot):
    """On the Cambridge sample the Chief Executive's reports are stored directors first, but the chart
    shows the heads stacked on the left: Down lands on the leftmost report and Right never goes back left."""
    win = _cambridge_window(new_window, qtbot)
    win.view.setFocus()
    cards = win.scene.layout.cards
    win.scene.select_posts(["CEX"])
    QTest.keyClick(win.view, Qt.Key_Down)
    reports = [p for p in win.document.structure.reports_of("CEX") if p in cards]
    walked = win.scene.selected_post_ids()
    assert cards[walked[0]].x == min(cards[p].x for p in reports)
    for _ in reports[1:]:
        QTest.keyClick(win.view, Qt.Key_Right)
        walked += win.scene.selected_post_ids()
    assert sorted(walked) == sorted(reports)  # every report reached once
    for before, after in zip(walked, walked[1:]):
        a, b = cards[before], cards[after]
        assert b.x > a.x or (b.x == a.x and b.y > a.y), (before, after)


def test_tab_reads_down_each_branch_and_shift_tab_goes_back(new_window, qtbot):
    win = _window(new_window, qtbot)
    win.view.setFocus()
    win.scene.select_posts(["CE"])
    walked = []
    for _ in range(5):
        QTest.keyClick(win.view, Qt.Key_Tab)
        walked += win.scene.selected_post_ids()
    assert walked == ["D1", "H2", "H1", "D2", "H3"]  # the chart's order: Legal is shown above the Finance cluster
    QTest.keyClick(win.view, Qt.Key_Backtab, Qt.ShiftModifier)
    assert win.scene.selected_post_ids() == ["D2"]
    QTest.keyClick(win.view, Qt.Key_Tab)
    nav = win.feature(NavigationFeature)
    assert not nav.tab()  # past the last card the key is not the canvas's: the focus moves on, as Tab does elsewhere
    assert win.scene.selected_post_ids() == ["H3"]


def test_breadcrumb_of_long_titles_fits_over_the_canvas(new_window, qtbot):
    """Cambridge's shared planning posts have titles of 80 characters and more: the bar cuts them short
    (in full in the tooltips), and the post in focus is still on it, inside the view."""
    from PySide6.QtWidgets import QLabel

    win = _cambridge_window(new_window, qtbot)
    fold = win.feature(FoldFeature)
    fold.focus("AD-PD")
    bar = fold.breadcrumb
    assert bar.isVisible() and [b.toolTip() for b in bar.buttons][-1].endswith(
        win.document.structure.posts["JD-GCSP"].title)
    assert bar.geometry().right() <= win.view.width()
    here = bar.findChildren(QLabel)[-1]
    assert here.toolTip() == win.document.structure.posts["AD-PD"].title
    assert here.geometry().right() <= bar.contentsRect().right()
    win.resize(1000, 900)  # a narrower window: the titles are cut shorter still
    qtbot.waitUntil(lambda: win.view.width() < 700)
    assert bar.geometry().right() <= win.view.width()


def test_shift_click_extends_the_selection(new_window, qtbot):
    win = _window(new_window, qtbot)
    for post_id, modifier in (("H1", Qt.NoModifier), ("H2", Qt.ShiftModifier), ("H3", Qt.ShiftModifier)):
        QTest.mouseClick(win.view.viewport(), Qt.LeftButton, modifier, view_point(win, card_centre(win, post_id)))
    assert set(win.scene.selected_post_ids()) == {"H1", "H2", "H3"}


def test_enter_edits_the_title_in_place_and_esc_cancels(new_window, qtbot):
    win = _window(new_window, qtbot)
    win.view.setFocus()
    win.scene.select_posts(["H2"])
    QTest.keyClick(win.view, Qt.Key_Return)
    editor = win.feature(NavigationFeature).editor
    editor.setText("Head of Law")
    QTest.keyClick(editor, Qt.Key_Return)
    assert win.document.structure.posts["H2"].title == "Head of Law"
    win.document.undo_stack.undo()
    assert win.document.structure.posts["H2"].title == "Head of Legal"
    QTest.keyClick(win.view, Qt.Key_F2)
    editor = win.feature(NavigationFeature).editor
    editor.setText("Something else")
    QTest.keyClick(editor, Qt.Key_Escape)
    assert win.document.structure.posts["H2"].title == "Head of Legal"


def test_esc_with_nothing_in_progress_clears_the_selection(new_window, qtbot):
    win = _window(new_window, qtbot)
    win.view.setFocus()
    win.scene.select_posts(["H2"])
    QTest.keyClick(win.view, Qt.Key_F2)
    QTest.keyClick(win.feature(NavigationFeature).editor, Qt.Key_Escape)
    assert win.scene.selected_post_ids() == ["H2"]  # that Esc only closed the title editor
    win.view.setFocus()
    QTest.keyClick(win.view, Qt.Key_Escape)
    assert win.scene.selected_post_ids() == []
    win.select_group("place")
    QTest.keyClick(win.view, Qt.Key_Escape)
    assert win.scene.selectedItems() == []


def test_paste_is_offered_only_while_the_clipboard_holds_copied_posts(new_window, qtbot):
    from PySide6.QtWidgets import QApplication

    QApplication.clipboard().setText("some text from another program")
    win = _window(new_window, qtbot)
    nav = win.feature(NavigationFeature)
    empty = QPointF(win.scene.layout.bounds.right + 300, 0)

    menus = []  # kept, or their actions go with them

    def menu_paste() -> QAction:
        menus.append(menu_for(nav, None, empty))
        return next(a for a in menus[-1].actions() if a.text() == "Paste")

    assert not win.paste_action.isEnabled() and not menu_paste().isEnabled()
    win.scene.select_posts(["H2"])
    win.copy_action.trigger()
    assert win.paste_action.isEnabled() and menu_paste().isEnabled()
    before = len(win.document.structure.posts)
    menu_paste().trigger()
    assert len(win.document.structure.posts) == before + 1
    QApplication.clipboard().setText("copied elsewhere since")
    assert not win.paste_action.isEnabled() and not menu_paste().isEnabled()


def test_reports_to_chooser_makes_the_line_and_refuses_a_cycle(new_window, qtbot, monkeypatch):
    win = _window(new_window, qtbot)
    nav = win.feature(NavigationFeature)
    seen: list[str] = []

    def pick(text):
        def run(chooser):
            chooser.filter.setText(text)
            seen.append(chooser.reason.text())
            ok = chooser.buttons.button(chooser.buttons.StandardButton.Ok)
            return chooser.chosen() if ok.isEnabled() else None
        return run

    reports_to = win.findChild(QAction, "reports_to")
    assert reports_to.shortcut().toString() == "Ctrl+M"
    win.scene.select_posts(["D1"])
    monkeypatch.setattr(nav, "run_chooser", pick("Head of Finance"))
    reports_to.trigger()  # D1 under its own report: a cycle
    expected = ("'Director of Resources' cannot report to 'Head of Finance': 'Head of Finance' already reports "
                "(through the line) to 'Director of Resources', so this would make a reporting cycle")
    assert seen == [expected]
    assert win.document.structure.posts["D1"].reports_to == "CE"
    win.scene.select_posts(["H3"])
    monkeypatch.setattr(nav, "run_chooser", pick("director of resources"))
    reports_to.trigger()
    assert win.document.structure.posts["H3"].reports_to == "D1"
    monkeypatch.setattr(nav, "run_chooser", pick("Director of Place"))
    assert nav.choose_manager("H3", dotted=True)
    assert [d.manager for d in win.document.structure.posts["H3"].dotted] == ["D2"]


def test_reports_to_chooser_marks_the_manager_now_and_choosing_it_again_makes_no_edit(new_window, qtbot, monkeypatch):
    win = _window(new_window, qtbot)
    nav = win.feature(NavigationFeature)
    listed: list[list[str]] = []
    reasons: list[str] = []

    def run(chooser):
        listed.append([chooser.list.item(r).text() for r in range(chooser.list.count())])
        chooser.choose("D1")
        reasons.append(chooser.reason.text())
        ok = chooser.buttons.button(chooser.buttons.StandardButton.Ok)
        return chooser.chosen() if ok.isEnabled() else None

    monkeypatch.setattr(nav, "run_chooser", run)
    assert not nav.choose_manager("H1", dotted=False)
    assert "Director of Resources (line manager now)" in listed[0]
    assert reasons == ["'Head of Finance' is already line managed by 'Director of Resources'"]
    assert win.document.undo_stack.count() == 0 and not win.document.modified


def test_reports_to_without_one_post_selected_says_what_to_select(new_window, qtbot):
    win = _window(new_window, qtbot)
    reports_to = win.findChild(QAction, "reports_to")
    win.scene.select_posts([])
    reports_to.trigger()
    assert win.statusBar().currentMessage() == "Select one post to choose its line manager"
    win.scene.select_posts(["H1", "H2"])
    reports_to.trigger()
    assert win.statusBar().currentMessage() == "Select one post to choose its line manager (2 are selected)"


def test_chooser_shows_a_refusal_in_full(new_window, qtbot):
    from orgdesigner.ui.navigation.chooser import ManagerChooser

    win = _window(new_window, qtbot)
    nav = win.feature(NavigationFeature)
    chooser = ManagerChooser(win.document.structure, "D1", "Reports to", lambda m: nav.refusal("D1", m, False), win)
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.waitExposed(chooser)
    chooser.choose("H1")  # a cycle: three lines of explanation in a 440-pixel dialog
    reason = chooser.reason
    assert "reporting cycle" in reason.text()
    assert reason.height() >= reason.heightForWidth(reason.width())
    assert reason.geometry().bottom() < chooser.buttons.geometry().top()


def test_card_menu(new_window, qtbot, monkeypatch):
    win = _window(new_window, qtbot)
    nav = win.feature(NavigationFeature)
    menu = menu_for(nav, win.scene.card("D1"), QPointF())
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Edit Title", "Reports To…", "Add Dotted Line To…", "Add Report", "Fold Branch",
                     "Show Only This Branch", "Copy", "Delete"]
    _trigger(menu_for(nav, win.scene.card("D1"), QPointF()), "Fold Branch")
    assert "H1" not in _shown(win)
    _trigger(menu_for(nav, win.scene.card("D1"), QPointF()), "Unfold Branch")
    _trigger(menu_for(nav, win.scene.card("D2"), QPointF()), "Add Report")
    added = win.scene.selected_post_ids()[0]
    assert win.document.structure.posts[added].reports_to == "D2"
    nav.editor.cancel()
    _trigger(menu_for(nav, win.scene.card(added), QPointF()), "Delete")
    assert added not in win.document.structure.posts
    _trigger(menu_for(nav, win.scene.card("D2"), QPointF()), "Show Only This Branch")
    assert _shown(win) == {"D2", "H3"}
    monkeypatch.setattr(nav, "run_chooser", lambda chooser: (chooser.choose("D1"), chooser.chosen())[1])
    _trigger(menu_for(nav, win.scene.card("H3"), QPointF()), "Reports To…")
    assert win.document.structure.posts["H3"].reports_to == "D1"


def test_line_group_and_canvas_menus(new_window, qtbot):
    win = _window(new_window, qtbot)
    nav = win.feature(NavigationFeature)
    line = win.scene.lines[("D1", "H2", "line")]
    _trigger(menu_for(nav, line, QPointF()), "Make Dotted")
    assert win.document.structure.posts["H2"].reports_to is None
    line = win.scene.lines[("D1", "H2", "dotted")]
    _trigger(menu_for(nav, line, QPointF()), "Delete Line")
    assert not win.document.structure.posts["H2"].dotted
    box = win.scene.box("place")
    _trigger(menu_for(nav, box, QPointF()), "Add Post in Group")
    added = win.scene.selected_post_ids()[0]
    assert win.document.structure.posts[added].group == "place"
    nav.editor.cancel()
    _trigger(menu_for(nav, win.scene.box("place"), QPointF()), "Rename / Properties…")
    assert win.scene.selected_group_ids() == ["place"]
    _trigger(menu_for(nav, win.scene.box("fin"), QPointF()), "Delete Group")
    assert "fin" not in win.document.structure.groups
    before = len(win.document.structure.posts)
    empty = QPointF(win.scene.layout.bounds.right + 300, 0)
    menu = menu_for(nav, None, empty)
    assert [a.text() for a in menu.actions() if a.text()] == ["Add Post Here", "Paste", "Tidy Layout",
                                                               "Fit to Window"]
    _trigger(menu, "Add Post Here")
    assert len(win.document.structure.posts) == before + 1
    _trigger(menu_for(nav, None, empty), "Fit to Window")


def test_find_reveals_centres_and_marks_the_chain(new_window, qtbot):
    win = _window(new_window, qtbot)
    win.feature(FoldFeature).toggle("D1")
    win.find_edit.setText("Head of Legal")
    win.find_next()
    assert "H2" in _shown(win) and win.scene.selected_post_ids() == ["H2"]
    mark = win.feature(NavigationFeature).highlight
    assert mark is not None and mark.scene() is win.scene
    for post_id in ("H2", "D1", "CE"):
        assert mark.shape().contains(win.scene.card(post_id).pos() + QPointF(-5, 20))  # the halo's left side
    assert not mark.shape().contains(win.scene.card("H3").pos() + QPointF(-5, 20))
    win.scene.select_posts(["H3"])
    assert win.feature(NavigationFeature).highlight is None


def test_selecting_posts_by_id_tells_the_docks_once(new_window, qtbot):
    """The properties dock showed the whole structure between the old selection and the new."""
    win = _window(new_window, qtbot)
    win.scene.select_posts(["H3"])
    shown: list[list[str]] = []
    scene = win.scene

    def heard() -> None:
        shown.append(scene.selected_post_ids())

    scene.selectionChanged.connect(heard)
    scene.select_posts(["H2"])
    scene.select_posts(["H2"])
    scene.selectionChanged.disconnect(heard)
    assert shown == [["H2"]]


def test_zoom_to_selection(new_window, qtbot):
    win = _window(new_window, qtbot)
    win.scene.select_posts(["H3"])
    win.feature(NavigationFeature).zoom_to_selection()
    visible = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    assert visible.contains(win.scene.card("H3").sceneBoundingRect())
    assert win.view.zoom == 1.5


def _tab_through(win, key=Qt.Key_Tab) -> list[str]:
    """Press Tab (or Shift+Tab) from the selection until the canvas lets the key go: the cards selected in turn."""
    walked = []
    for _ in range(20):
        QTest.keyClick(win.view, key, Qt.ShiftModifier if key == Qt.Key_Backtab else Qt.NoModifier)
        selected = win.scene.selected_post_ids()
        if walked and selected == walked[-1:]:
            break
        walked += selected
    return walked


def test_tab_follows_the_chart_as_it_is_folded_edited_and_rearranged(new_window, qtbot):
    """Tab and Shift+Tab go through the cards as the chart shows them now, after a fold, a deletion and its
    undo, and a card dragged to the left of its neighbour, not as it was when Tab was first pressed."""
    win = _window(new_window, qtbot)
    win.view.setFocus()

    def walk_from_ce() -> list[str]:
        win.scene.select_posts(["CE"])
        forward = _tab_through(win)
        backward = _tab_through(win, Qt.Key_Backtab)
        assert backward == list(reversed(["CE", *forward]))[1:], "Shift+Tab goes back the same way"
        return forward

    assert walk_from_ce() == ["D1", "H2", "H1", "D2", "H3"]
    fold = win.feature(FoldFeature)
    fold.toggle("D1")
    assert walk_from_ce() == ["D1", "D2", "H3"]
    fold.toggle("D1")
    document = win.document
    document.execute(editing.delete(document.structure, ["H2"], []))
    assert walk_from_ce() == ["D1", "H1", "D2", "H3"]
    document.undo_stack.undo()
    assert walk_from_ce() == ["D1", "H2", "H1", "D2", "H3"]
    below = win.scene.layout.cards["H2"]  # Head of Finance dragged to the left of Head of Legal: read first
    document.execute(editing.move_posts(document.structure, {"H1": (below.x - 400, below.y)}, {}))
    assert walk_from_ce() == ["D1", "H1", "H2", "D2", "H3"]
