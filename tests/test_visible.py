"""Build only what is seen: card and line items exist for the part of the chart in or near the view, a chart
too large for that is sketched, and everything that finds cards by id still works off screen."""

from __future__ import annotations

import random

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from orgdesigner import editing as commands
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.ui.visible import MARGIN, MAX_CARD_ITEMS
from orgdesigner.ui.items.zoom import Detail, card_detail


def _wanted(view) -> QRectF:
    area = view.visible_area()
    return area.adjusted(-area.width() * MARGIN, -area.height() * MARGIN, area.width() * MARGIN,
                         area.height() * MARGIN)


def _expected(scene, area: QRectF) -> set[str]:
    return {p for p, r in scene.layout_rects().items() if area.intersects(QRectF(r.x, r.y, r.width, r.height))}


def _fitted(make_canvas, structure):
    """`structure` on the canvas, fitted to the view (and so sketched when it is large)."""
    canvas = make_canvas(structure)
    canvas.view.fit()
    QApplication.processEvents()
    return structure, canvas


def _sketched(scene) -> tuple[list[tuple[float, float, float, float]], list[tuple]]:
    """Every card box and line the sketch's shown pieces draw, in scene coordinates."""
    boxes, lines = [], []
    if not scene.visible.sketch.layer.isVisible():
        return [], []
    for piece in scene.visible.sketch.pieces.values():
        x, y = piece.x, piece.y
        cards, routes = piece.shapes()
        for box, _, _ in cards:  # where the piece draws is where Qt repaints it
            assert piece.scene_rect.contains(QRectF(box[0] + x, box[1] + y, box[2] - box[0], box[3] - box[1])), box
        boxes += [(b[0] + x, b[1] + y, b[2] + x, b[3] + y) for b, _, _ in cards]
        lines += [(kind, tuple((px + dx + x, py + dy + y) for px, py in points)) for kind, points, (dx, dy), _ in routes]
    return sorted(boxes), sorted(lines)


def _laid_out(scene) -> tuple[list[tuple[float, float, float, float]], list[tuple]]:
    layout = scene.layout
    boxes = sorted((r.x, r.y, r.right, r.bottom) for r in layout.cards.values())
    return boxes, sorted((route.kind, tuple(route.points)) for route in layout.routes.values())


def test_only_cards_in_or_near_the_view_are_items_and_scrolling_makes_the_others(make_canvas):
    canvas = make_canvas(synthetic_structure(3000))
    scene, view = canvas.scene, canvas.view
    view.set_zoom(0.7)
    view.centerOn(QPointF(0, 0))
    QApplication.processEvents()
    assert _expected(scene, _wanted(view)) <= set(scene.cards) and 0 < len(scene.cards) < 300
    before = set(scene.cards)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 5000)
    QApplication.processEvents()
    wanted = _expected(scene, _wanted(view))
    assert wanted <= set(scene.cards) <= before | wanted and not wanted <= before


def test_cards_scrolled_past_are_kept_as_items_only_up_to_the_limit(make_canvas):
    canvas = make_canvas(synthetic_structure(3000))
    scene, view = canvas.scene, canvas.view
    view.set_zoom(0.7)
    bar = view.horizontalScrollBar()
    seen: set[str] = set()
    for value in range(bar.minimum(), bar.maximum() + 1, max(1, (bar.maximum() - bar.minimum()) // 30)):
        bar.setValue(value)
        QApplication.processEvents()
        wanted = _expected(scene, _wanted(view))
        seen |= wanted
        assert wanted <= set(scene.cards)
        assert len(scene.cards) <= max(MAX_CARD_ITEMS, len(wanted))
    assert len(seen) > MAX_CARD_ITEMS  # the walk went past the limit, so cards out of view were dropped


def test_zooming_in_and_fitting_again_keeps_a_small_charts_items(make_canvas):
    canvas = make_canvas(synthetic_structure(300))
    scene, view = canvas.scene, canvas.view
    view.fit()
    QApplication.processEvents()
    items = dict(scene.cards)
    assert set(items) == set(scene.layout_rects())
    view.set_zoom(2.0)
    QApplication.processEvents()
    view.fit()
    QApplication.processEvents()
    assert all(scene.cards[post_id] is item for post_id, item in items.items())


def test_a_card_out_of_view_is_made_on_demand_for_selection_and_centring(make_canvas):
    canvas = make_canvas(synthetic_structure(3000))
    scene, view = canvas.scene, canvas.view
    far = max(scene.layout_rects(), key=lambda p: scene.layout_rects()[p].x)
    assert far not in scene.cards
    scene.select_posts([far])
    assert scene.selected_post_ids() == [far]
    view.centre_on_posts([far])
    QApplication.processEvents()
    assert view.visible_area().contains(scene.cards[far].sceneBoundingRect().center())
    view.centerOn(QPointF(0, 0))  # scrolled away, the selected card stays an item
    QApplication.processEvents()
    assert far in scene.cards and scene.selected_post_ids() == [far]


def test_a_chart_too_large_for_items_is_sketched_and_a_press_on_a_card_makes_it(make_canvas):
    structure, canvas = _fitted(make_canvas, synthetic_structure(3000))
    scene, view = canvas.scene, canvas.view
    assert len(_expected(scene, _wanted(view))) > MAX_CARD_ITEMS
    assert scene.visible.sketching and not scene.cards and not scene.lines
    assert _sketched(scene) == _laid_out(scene)  # every card and line drawn once, where the layout puts it
    assert len(_sketched(scene)[0]) == len(structure.posts)
    rect = scene.layout_rects()["P2"]
    point = view.mapFromScene(QPointF(rect.x + rect.width / 2, rect.y + rect.height / 2))
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, point)
    assert scene.selected_post_ids() == ["P2"]
    # An edit while sketched: the pieces follow the layout, still every card once.
    document = canvas.document
    assert document.perform(lambda: commands.set_manager(document.structure, "P40", "P3"))
    QApplication.processEvents()
    assert _sketched(scene) == _laid_out(scene)
    view.set_zoom(1.0)  # zoomed in again: items, no sketch
    QApplication.processEvents()
    assert not scene.visible.sketching and scene.cards
    assert not scene.visible.sketch.layer.isVisible()


def test_the_sketch_follows_random_edits_moving_whole_branches_and_their_undo(make_canvas):
    """New managers, added, deleted and pasted posts move branches whole: after each, and after undoing it, the
    sketch draws every card and line where the layout puts it."""
    from orgdesigner.ui.clipboard import copy_posts, paste_posts

    structure, canvas = _fitted(make_canvas, synthetic_structure(3000))
    scene, document = canvas.scene, canvas.document
    rng = random.Random(5)
    for step in range(24):
        posts = document.structure.posts
        leaves = [p for p in posts if posts[p].reports_to and not document.structure.reports_of(p)]
        managers = [p for p in posts if document.structure.reports_of(p)]
        kind = step % 4
        if kind == 0:
            leaf = rng.choice(leaves)
            edit = lambda: commands.set_manager(document.structure, leaf, rng.choice(  # noqa: E731
                [m for m in managers if m != posts[leaf].reports_to]))
        elif kind == 1:
            edit = lambda: commands.delete(document.structure, [rng.choice(leaves)], [])  # noqa: E731
        elif kind == 2:
            team = sorted(document.structure.reports_of(rng.choice(managers)))[:20]
            edit = lambda: commands.paste_posts(  # noqa: E731
                document.structure, paste_posts(document.structure, copy_posts(document.structure, team)))
        else:
            edit = lambda: commands.edit_post(document.structure, rng.choice(leaves),  # noqa: E731
                                              group=rng.choice(list(document.structure.groups)))
        assert document.perform(edit)
        QApplication.processEvents()
        assert scene.visible.sketching and _sketched(scene) == _laid_out(scene), f"after step {step}"
        if step % 3 == 0:
            document.undo_stack.undo()
            QApplication.processEvents()
            assert _sketched(scene) == _laid_out(scene), f"after undoing step {step}"


def test_edits_made_zoomed_in_are_sketched_once_zoomed_out_again(make_canvas):
    """Edits and a restyle made while the view is close enough for items (the sketch hidden) are all in the
    sketch once zoomed out: every card drawn once, where the layout puts it, in its colours."""
    from orgdesigner.ui.clipboard import copy_posts, paste_posts

    structure, canvas = _fitted(make_canvas, synthetic_structure(3000))
    scene, document, view = canvas.scene, canvas.document, canvas.view
    assert scene.visible.sketching
    view.set_zoom(0.7)
    QApplication.processEvents()
    assert not scene.visible.sketching
    posts = document.structure.posts
    leaf = next(p for p in posts if posts[p].reports_to and not document.structure.reports_of(p))
    team = sorted(document.structure.reports_of(posts[leaf].reports_to))
    assert document.perform(lambda: commands.paste_posts(
        document.structure, paste_posts(document.structure, copy_posts(document.structure, team))))
    assert document.perform(lambda: commands.delete(document.structure, [leaf], [])), canvas.refusals
    vacant = next(p for p in team if p != leaf)
    assert document.perform(lambda: commands.edit_post(document.structure, vacant, status="vacant")), canvas.refusals
    QApplication.processEvents()
    view.fit()
    QApplication.processEvents()
    assert scene.visible.sketching and _sketched(scene) == _laid_out(scene)
    fills = {(fill, border) for piece in scene.visible.sketch.pieces.values() for box, fill, border in piece.shapes()[0]
             if (box[0] + piece.x, box[1] + piece.y) == (scene.layout.cards[vacant].x, scene.layout.cards[vacant].y)}
    assert fills == {tuple(_colours_of(document.structure.posts[vacant]))}


def _colours_of(post) -> tuple[str, str]:
    from orgdesigner.presentation.chartstyle import card_style
    style = card_style(post)
    return style.fill, style.border


def test_the_sketch_follows_folds_focus_and_edits_with_dotted_lines(make_canvas):
    """Folding, showing levels, focusing and leaving the focus hide and bring back whole branches, between edits
    and with dotted lines across them: whenever the chart is sketched it draws every card and line where the
    layout puts it, and the layout is the one laid out afresh."""
    from dataclasses import replace

    from orgdesigner.layout import compute_layout
    from orgdesigner.model import DottedLine

    structure, canvas = _fitted(make_canvas, synthetic_structure(3000, seed=2))
    scene, document, view = canvas.scene, canvas.document, canvas.view
    rng = random.Random(11)
    ids = list(document.structure.posts)
    for report in rng.sample(ids[1:], 30):
        manager = rng.choice([p for p in ids if p != report])
        assert document.perform(lambda: commands.edit_post(  # noqa: B023
            document.structure, report, dotted=[DottedLine(manager=manager, label="professional")]))
    state = scene.view_state
    sketched = 0
    for step in range(30):
        posts = document.structure.posts
        managers = [p for p in posts if document.structure.reports_of(p)]
        roll = rng.random()
        if roll < 0.3:
            state.fold([rng.choice(managers)])
        elif roll < 0.4:
            state.unfold(list(state.folded))
        elif roll < 0.5:
            state.show_levels(rng.randrange(2, 5), document.analysis)
        elif roll < 0.6:
            state.focus_on(rng.choice(managers) if state.focus is None else None)
        else:
            leaves = [p for p in posts if posts[p].reports_to and not document.structure.reports_of(p)]
            leaf = rng.choice(leaves)
            assert document.perform(lambda: commands.set_manager(  # noqa: B023
                document.structure, leaf, rng.choice([m for m in managers if m != posts[leaf].reports_to])))
        view.fit()
        QApplication.processEvents()
        fresh = compute_layout(document.structure, replace(scene.incremental.options))
        assert dict(scene.layout.cards) == dict(fresh.cards), f"after step {step}"
        assert {k: r.points for k, r in scene.layout.routes.items()} == \
            {k: r.points for k, r in fresh.routes.items()}, f"after step {step}"
        if scene.visible.sketching:
            assert _sketched(scene) == _laid_out(scene), f"after step {step}"
            sketched += 1
    assert sketched >= 5  # the chart was large enough to sketch in many of the steps


def test_a_large_branch_moved_into_a_small_one_is_sketched_once_and_follows_later_edits(make_canvas):
    """A manager whose branch is larger than a sketch piece, given a manager inside a piece, and then moved whole
    by another edit: every card is still drawn once, where the layout puts it (none left behind)."""
    structure, canvas = _fitted(make_canvas, synthetic_structure(3000, seed=3))
    scene, document = canvas.scene, canvas.document
    posts = document.structure.posts
    large = next(p for p in posts if posts[p].reports_to and 300 < scene.layout.size(p) < 1000)
    small = next(p for p in reversed(posts) if not document.structure.reports_of(p)
                 and large not in document.structure.chain_above(p) and scene.layout.size(p) == 1)
    assert document.perform(lambda: commands.set_manager(document.structure, large, small))
    QApplication.processEvents()
    assert scene.visible.sketching and _sketched(scene) == _laid_out(scene)
    leaf = next(p for p in posts if posts[p].reports_to and not document.structure.reports_of(p)
                and large not in document.structure.chain_above(p) and p != small)
    assert document.perform(lambda: commands.set_manager(document.structure, leaf, "P5"))
    QApplication.processEvents()
    assert _sketched(scene) == _laid_out(scene)

def test_folding_and_focus_while_sketched_draw_every_shown_card_once_where_the_layout_puts_it(make_canvas):
    structure, canvas = _fitted(make_canvas, synthetic_structure(3000))
    scene, view = canvas.scene, canvas.view
    managers = [p for p in structure.posts if len(structure.reports_of(p)) > 2]
    state = scene.view_state
    for change in (lambda: state.fold(managers[1:4]), lambda: state.focus_on(managers[2]), lambda: state.focus_on(None),
                   lambda: state.unfold(managers[1:3]), state.show_all):
        change()
        view.fit()
        QApplication.processEvents()
        assert scene.visible.sketching or len(scene.layout_rects()) <= MAX_CARD_ITEMS
        if scene.visible.sketching:
            assert _sketched(scene) == _laid_out(scene)
        for post_id, card in scene.cards.items():
            rect = scene.layout_rects()[post_id]
            assert (card.x(), card.y()) == (rect.x, rect.y)


def test_each_wheel_step_brings_the_cards_in_view_once_and_keeps_the_point_under_the_cursor(make_canvas):
    """Wheeling in from the fitted chart and out again: after each step every card in or near the view is an item
    (the chart is drawn, not left blank), the point under the cursor stays put, and the scene made and dropped
    items once for the step, for the area it ends at, not for the areas the view passed through on the way (the
    scroll range following the scale, the scroll bars coming)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    structure, canvas = _fitted(make_canvas, synthetic_structure(1000))
    scene, view = canvas.scene, canvas.view
    viewport = view.viewport()
    rects = scene.layout_rects()
    target = sorted(rects, key=lambda p: (rects[p].x, rects[p].y))[len(rects) // 3]
    at = QPointF(rects[target].x + rects[target].width / 2, rects[target].y + rects[target].height / 2)
    cursor = QPointF(view.mapFromScene(at))
    syncs = []
    sync = scene.visible.sync
    scene.visible.sync = lambda: (syncs.append(QRectF(scene.visible.area)), sync())[1]
    QTest.mouseMove(viewport, cursor.toPoint())  # the view zooms about the point the mouse last moved to
    bars = view.horizontalScrollBar(), view.verticalScrollBar()
    drawn = anchored = 0
    for up in [True] * 16 + [False] * 6:
        syncs.clear()
        scrolled = [bar.maximum() > bar.minimum() for bar in bars]
        event = QWheelEvent(cursor, viewport.mapToGlobal(cursor), QPoint(), QPoint(0, 120 if up else -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)
        QApplication.processEvents()
        assert syncs == [view.visible_area()], f"at {view.zoom:.0%}"
        under = view.mapToScene(cursor.toPoint())
        for axis, bar, was in zip((QPointF.x, QPointF.y), bars, scrolled):
            if was and bar.maximum() > bar.minimum():  # else the chart sits centred along that axis
                assert abs(axis(under) - axis(at)) < 2 / view.zoom, f"at {view.zoom:.0%}"
                anchored += 1
        at = under
        wanted = _expected(scene, _wanted(view))
        if len(wanted) < MAX_CARD_ITEMS and card_detail(view.zoom, scene.options.card_height) is not Detail.BOX:
            assert wanted <= set(scene.cards), f"at {view.zoom:.0%}"
            drawn += 1
        else:  # far out, each card a plain box: sketched
            assert not set(scene.cards) - {c.post_id for c in scene.selected_cards()} and scene.visible.sketching
    assert drawn >= 8 and anchored >= 8
