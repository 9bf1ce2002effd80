"""The canvas on its own (document, scene and view, no window): gestures, drags, Esc, refusals."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsLineItem

from orgdesigner.model import EditRefused
from orgdesigner.ui.gestures import gesture_for_press
from orgdesigner.ui.gestures.draw_line import DrawLine
from orgdesigner.ui.gestures.move_cards import MoveCards
from orgdesigner.ui.gestures.move_group import MoveGroup

from canvasdrive import card_centre, drag, handle_point, move_to, press, release


def rubber_lines(canvas) -> list[QGraphicsLineItem]:
    return [item for item in canvas.scene.items() if isinstance(item, QGraphicsLineItem)]


def header_point(canvas, group_id: str) -> QPointF:
    header = canvas.scene.boxes[group_id].header_rect()
    return QPointF(header.left() + 40, header.center().y())


MOVED_POSTS = {"H1", "H2"}


def test_drag_several_posts_is_one_undo_step(canvas):
    structure = canvas.document.structure
    canvas.scene.select_posts(["H1", "H2"])
    before = canvas.document.undo_stack.count()
    drag(canvas, card_centre(canvas, "H2"), card_centre(canvas, "H2") + QPointF(0, 120))
    assert canvas.document.undo_stack.count() == before + 1
    assert structure.posts["H1"].position is not None and structure.posts["H2"].position is not None
    canvas.document.undo_stack.undo()
    assert structure.posts["H1"].position is None and structure.posts["H2"].position is None


def test_draw_a_reporting_line_from_the_handle_and_undo(canvas):
    structure = canvas.document.structure
    drag(canvas, handle_point(canvas, "H3"), card_centre(canvas, "D1"))
    assert structure.posts["H3"].reports_to == "D1"
    assert canvas.document.analysis.span("D1") == 3
    assert ("D1", "H3", "line") in canvas.scene.lines
    canvas.document.undo_stack.undo()
    assert structure.posts["H3"].reports_to == "D2"
    assert ("D2", "H3", "line") in canvas.scene.lines


def test_ctrl_drag_draws_a_dotted_line(canvas):
    structure = canvas.document.structure
    drag(canvas, handle_point(canvas, "H3"), card_centre(canvas, "D1"), Qt.ControlModifier)
    assert [d.manager for d in structure.posts["H3"].dotted] == ["D1"]
    assert structure.posts["H3"].reports_to == "D2"
    assert canvas.document.analysis.span("D1") == 2  # dotted lines do not count in spans


def test_drag_a_group_by_its_header_moves_its_posts_as_one_step(canvas):
    structure = canvas.document.structure
    box = canvas.scene.boxes["place"]
    header = box.header_rect()
    start = QPointF(header.left() + 40, header.center().y())
    before = {p: canvas.scene.cards[p].pos() for p in ("D2", "H3")}
    drag(canvas, start, start + QPointF(300, 60))
    for post_id in ("D2", "H3"):
        position = structure.posts[post_id].position
        assert position is not None
        assert (position.x - before[post_id].x(), position.y - before[post_id].y()) == pytest.approx((300, 60), abs=3)
    assert canvas.document.undo_stack.undoText() == "Move group 'Place'"
    canvas.document.undo_stack.undo()
    assert structure.posts["D2"].position is None and structure.posts["H3"].position is None


def test_wheel_zooms_the_canvas(canvas):
    from PySide6.QtCore import QPoint as P
    from PySide6.QtGui import QWheelEvent

    before = canvas.view.zoom
    centre = canvas.view.viewport().rect().center()
    event = QWheelEvent(QPointF(centre), QPointF(canvas.view.viewport().mapToGlobal(centre)), P(0, 0), P(0, 240),
                        Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(canvas.view.viewport(), event)
    assert canvas.view.zoom == pytest.approx(before * 1.15 ** 2)


def test_qt_binding_keeps_references_over_a_long_session(canvas):
    """PySide6 6.12.0 dropped a reference to None on every void call, crashing long sessions."""
    card = canvas.scene.cards["H1"]
    before = sys.getrefcount(None)
    for _ in range(5000):
        card.setPos(card.pos())
    assert sys.getrefcount(None) >= before - 100

# ----- the factory ---------------------------------------------------------------------------

@pytest.mark.parametrize(("where", "expected"), [
    (lambda c: handle_point(c, "H3"), DrawLine),
    (lambda c: card_centre(c, "H3"), MoveCards),
    (lambda c: header_point(c, "place"), MoveGroup),
])
def test_a_press_starts_the_gesture_for_what_is_under_the_cursor(canvas, where, expected):
    from PySide6.QtGui import QTransform

    pos = where(canvas)
    item = canvas.scene.itemAt(pos, QTransform())
    assert type(gesture_for_press(canvas.scene, item, pos, Qt.LeftButton)) is expected
    assert gesture_for_press(canvas.scene, item, pos, Qt.RightButton) is None


def test_a_press_on_empty_canvas_starts_no_gesture(canvas):
    bounds = canvas.scene.layout.bounds
    assert gesture_for_press(canvas.scene, None, QPointF(bounds.right + 100, bounds.y), Qt.LeftButton) is None


# ----- Esc and releases on nothing -----------------------------------------------------------

def test_esc_mid_drag_puts_the_cards_back_and_makes_no_edit(canvas):
    structure, stack = canvas.document.structure, canvas.document.undo_stack
    canvas.scene.select_posts(sorted(MOVED_POSTS))
    before = {p: canvas.scene.cards[p].pos() for p in canvas.scene.cards}
    start = card_centre(canvas, "H2")
    press(canvas, start)
    move_to(canvas, start, start + QPointF(0, 120))
    assert {p for p, pos in before.items() if canvas.scene.cards[p].pos() != pos} == MOVED_POSTS
    selected = set(canvas.scene.selected_post_ids())
    QTest.keyClick(canvas.view, Qt.Key_Escape)
    assert {p: canvas.scene.cards[p].pos() for p in canvas.scene.cards} == before
    assert set(canvas.scene.selected_post_ids()) == selected  # Esc cancelled the drag only
    move_to(canvas, start + QPointF(0, 120), start + QPointF(80, 200))  # the button still held: nothing follows
    release(canvas, start + QPointF(80, 200))
    assert {p: canvas.scene.cards[p].pos() for p in canvas.scene.cards} == before
    assert stack.count() == 0 and all(structure.posts[p].position is None for p in MOVED_POSTS)


def test_esc_mid_group_drag_puts_the_group_back(canvas):
    before = {p: canvas.scene.cards[p].pos() for p in ("D2", "H3")}
    box_before = canvas.scene.boxes["place"].pos()
    start = header_point(canvas, "place")
    press(canvas, start)
    move_to(canvas, start, start + QPointF(300, 60))
    assert canvas.scene.cards["H3"].pos() != before["H3"]
    QTest.keyClick(canvas.view, Qt.Key_Escape)
    release(canvas, start + QPointF(300, 60))
    assert {p: canvas.scene.cards[p].pos() for p in before} == before
    assert canvas.scene.boxes["place"].pos() == box_before
    assert canvas.document.undo_stack.count() == 0


def test_esc_while_drawing_a_line_leaves_no_line_and_no_edit(canvas):
    structure = canvas.document.structure
    start, end = handle_point(canvas, "H3"), card_centre(canvas, "D1")
    press(canvas, start)
    move_to(canvas, start, end)
    assert len(rubber_lines(canvas)) == 1
    QTest.keyClick(canvas.view, Qt.Key_Escape)
    assert rubber_lines(canvas) == []
    release(canvas, end)
    assert structure.posts["H3"].reports_to == "D2" and structure.posts["H3"].dotted == []
    assert canvas.document.undo_stack.count() == 0 and canvas.refusals == []


def test_a_line_dropped_on_empty_canvas_makes_no_edit(canvas):
    bounds = canvas.scene.layout.bounds
    drag(canvas, handle_point(canvas, "H3"), QPointF(bounds.x + 5, bounds.bottom + 150))
    assert rubber_lines(canvas) == []
    assert canvas.document.structure.posts["H3"].reports_to == "D2"
    assert canvas.document.undo_stack.count() == 0 and canvas.refusals == []


def test_a_card_clicked_without_moving_makes_no_edit(canvas):
    before = canvas.scene.cards["H1"].pos()
    drag(canvas, card_centre(canvas, "H1"), card_centre(canvas, "H1") + QPointF(1, 0), steps=1)
    assert canvas.scene.cards["H1"].pos() == before
    assert canvas.document.undo_stack.count() == 0
    assert canvas.scene.selected_post_ids() == ["H1"]


# ----- the model's refusal, before and after the release -------------------------------------

def test_a_line_onto_the_posts_own_report_is_refused_in_the_models_words(canvas):
    structure = canvas.document.structure
    with pytest.raises(EditRefused) as refused:
        structure.set_manager("D1", "H1")  # the Head of Finance reports to the Director of Resources
    expected = str(refused.value)
    start, end = handle_point(canvas, "D1"), card_centre(canvas, "H1")
    press(canvas, start)
    move_to(canvas, start, end)
    assert canvas.hints[-1] == expected  # said while hovering, before any edit is tried
    assert rubber_lines(canvas)[0].pen().color().name() == "#c62828"
    release(canvas, end)
    assert canvas.refusals == [expected]  # and the edit, tried on release, is refused with the same words
    assert canvas.hints[-1] == ""
    assert structure.posts["D1"].reports_to == "CE" and canvas.document.undo_stack.count() == 0
    assert rubber_lines(canvas) == []


def test_a_line_onto_an_allowed_manager_shows_green_and_no_hint(canvas):
    start, end = handle_point(canvas, "H3"), card_centre(canvas, "D1")
    press(canvas, start)
    move_to(canvas, start, end)
    assert rubber_lines(canvas)[0].pen().color().name() == "#2e7d32"
    assert canvas.hints[-1] == ""
    release(canvas, end)


def test_a_dotted_line_onto_the_line_manager_is_refused_as_on_release(canvas):
    start, end = handle_point(canvas, "H3"), card_centre(canvas, "D2")
    press(canvas, start, Qt.ControlModifier)
    move_to(canvas, start, end, Qt.ControlModifier)
    hint = canvas.hints[-1]
    assert hint == "'Head of Planning' is already line managed by 'Director of Place'"
    release(canvas, end, Qt.ControlModifier)
    assert canvas.refusals == [hint] and canvas.document.undo_stack.count() == 0


def test_hovering_a_card_shows_its_post_as_it_is_now(canvas):
    """The tooltip over a card (worked out only when asked for) names the post as an edit left it."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from orgdesigner import editing

    assert canvas.document.execute(editing.edit_post(canvas.document.structure, "H1", title="Head of Audit"))
    viewport = canvas.view.viewport()
    point = canvas.view.mapFromScene(card_centre(canvas, "H1"))
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    assert QToolTip.text().startswith("<b>Head of Audit</b>")
    QToolTip.hideText()
