"""No overlaps, align and distribute, snap to grid: driven through the real window."""

from __future__ import annotations

import random

from PySide6.QtCore import QPointF, QSettings

from orgdesigner.model import save
from orgdesigner.model.synthetic import synthetic_structure

from canvasdrive import card_centre, drag
from test_layout import overlapping
from test_window import window  # noqa: F401  (the small council open in the window, at 70%)


def drawn_cards(win) -> dict:
    from orgdesigner.layout import Rect
    rects = {}
    for post_id, card in win.scene.cards.items():
        rect = card.card_rect().translated(card.pos())
        rects[post_id] = Rect(rect.x(), rect.y(), rect.width(), rect.height())
    return rects


def select(win, post_ids: list[str]) -> None:
    win.scene.select_posts(post_ids)


def test_a_card_dropped_on_another_moves_to_the_nearest_free_place(window):
    target = card_centre(window, "H2")
    drag(window, card_centre(window, "H1"), target)
    assert window.document.structure.posts["H1"].position is not None, "the drop is kept as a hand placement"
    assert overlapping(drawn_cards(window)) == []
    assert window.scene.cards["H1"].pos() != window.scene.cards["H2"].pos()


def test_random_edits_in_the_window_never_leave_cards_on_each_other(new_window, qtbot, tmp_path):
    path = tmp_path / "synthetic.orgd"
    save(synthetic_structure(60, seed=4, span=4), path)
    win = new_window()
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(path)
    win.view.set_zoom(0.5)
    rng = random.Random(7)
    from orgdesigner.editing import move_posts, set_manager
    for step in range(30):
        structure = win.document.structure
        ids = list(structure.posts)
        post_id = rng.choice(ids)
        if step % 3 == 0:
            manager = rng.choice(ids)
            win.document.perform(lambda: set_manager(structure, post_id, manager))
        elif step % 3 == 1:
            other = win.scene.cards[rng.choice(ids)].pos()
            win.document.perform(lambda: move_posts(structure, {post_id: (other.x() + 10, other.y() + 5)}, {}))
        else:
            win.document.undo_stack.undo()
        assert overlapping(drawn_cards(win)) == [], f"overlap after step {step}"
        assert set(win.scene.cards) == set(win.document.structure.posts)


def test_align_and_distribute_are_undoable_edits(window):
    from orgdesigner.editing import move_posts
    structure = window.document.structure
    spots = {"H1": (1000.0, 100.0), "H2": (1200.0, 300.0), "H3": (1600.0, 200.0)}
    window.document.perform(lambda: move_posts(structure, spots, {}))
    select(window, ["H1", "H2", "H3"])
    before = {p: window.scene.cards[p].pos() for p in ("H1", "H2", "H3")}
    assert {p: (pos.x(), pos.y()) for p, pos in before.items()} == spots
    window.findChild(type(window.snap_action), "align_top").trigger()
    tops = {window.scene.cards[p].pos().y() for p in ("H1", "H2", "H3")}
    assert len(tops) == 1 and window.document.undo_stack.undoText().startswith("Align 3 posts")
    assert overlapping(drawn_cards(window)) == []
    window.findChild(type(window.snap_action), "distribute_horizontal").trigger()
    xs = [window.scene.cards[p].pos().x() for p in ("H1", "H2", "H3")]
    assert xs == [1000.0, 1300.0, 1600.0]
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert {p: window.scene.cards[p].pos() for p in ("H1", "H2", "H3")} == before


def test_align_needs_two_cards(window):
    select(window, ["H1"])
    window.findChild(type(window.snap_action), "align_left").trigger()
    assert window.document.undo_stack.count() == 0
    assert "at least 2" in window.statusBar().currentMessage()


def test_snap_to_grid_is_remembered_and_puts_a_dropped_card_on_the_grid(window, tmp_path):
    window.snap_action.trigger()
    assert QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat).value("snap_to_grid") == "true"
    drag(window, card_centre(window, "H3"), card_centre(window, "H3") + QPointF(0, 333))
    position = window.document.structure.posts["H3"].position
    assert position is not None and position.x % 20 == 0 and position.y % 20 == 0
    window.snap_action.trigger()
    assert window.scene.snap_grid == 0


def test_folding_a_branch_removes_its_cards_and_unfolding_brings_them_back(window):
    everything = set(window.scene.cards)
    window.scene.view_state.fold(["D1"])
    assert "D1" in window.scene.cards and not {"H1", "H2"} & set(window.scene.cards)
    assert overlapping(drawn_cards(window)) == []
    window.scene.view_state.show_all()
    assert set(window.scene.cards) == everything
