"""What is on screen after an edit is what a full repaint shows: no old figures left behind.

Qt repaints only the parts of the canvas an edit marks dirty, each item's within its bounding rectangle;
anything an item paints outside that rectangle stays on screen after the item changes. The screen (the
window's backing store, as the offscreen platform keeps it) is compared with the same view repainted whole,
after edits that change group figures, at the zooms where the group labels and headers change size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmapCache, QTransform
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionGraphicsItem

from orgdesigner import editing
from orgdesigner.model import Post
from orgdesigner.model.synthetic import synthetic_structure

from conftest import make_structure


def _on_screen(canvas) -> QImage:
    """The view's pixels as they are on screen, not painted afresh (`QWidget.grab` would repaint them)."""
    QApplication.processEvents()
    viewport = canvas.view.viewport()
    corner = viewport.mapTo(canvas.host, viewport.rect().topLeft())
    screen = canvas.host.screen()
    return screen.grabWindow(canvas.host.winId(), corner.x(), corner.y(), viewport.width(),
                             viewport.height()).toImage()


def _repainted_whole(canvas) -> QImage:
    canvas.scene.invalidate()
    canvas.view.viewport().update()
    return _on_screen(canvas)


def _edit_and_compare(canvas, what: str, build) -> None:
    before = _on_screen(canvas)
    assert canvas.document.perform(build), canvas.refusals
    shown = _on_screen(canvas)
    assert shown != before, f"{what}: nothing changed on screen"
    whole = _repainted_whole(canvas)
    assert shown == whole, f"{what}: the screen differs from a full repaint {_where(shown, whole)}"


def _where(one: QImage, other: QImage) -> str:
    """The rectangle of pixels in which two images of the same size differ, as "x from–to, y from–to"."""
    width, row = one.width(), one.bytesPerLine()
    first, second = bytes(one.constBits()), bytes(other.constBits())
    rows = [y for y in range(one.height()) if first[y * row:(y + 1) * row] != second[y * row:(y + 1) * row]]
    columns = [x for x in range(width) if any(first[y * row + 4 * x:y * row + 4 * x + 4] !=
                                              second[y * row + 4 * x:y * row + 4 * x + 4] for y in rows)]
    return f"(x {columns[0]}–{columns[-1]}, y {rows[0]}–{rows[-1]})" if rows else ""


@pytest.fixture
def chart(make_canvas):
    canvas = make_canvas(synthetic_structure(2000))
    canvas.view.fit()
    return canvas


def _leaves(structure, group: str) -> list[str]:
    return sorted((p.id for p in structure.posts.values() if p.group == group and not structure.reports_of(p.id)),
                  key=lambda post_id: int(post_id[1:]))


def test_at_fit_to_window_edits_leave_no_old_group_figures_on_screen(chart):
    structure = chart.document.structure
    assert chart.scene.boxes["G2"].label.painted_lines(chart.view.zoom)  # the labels are what shows
    first, second = _leaves(structure, "G2")[:2]
    _edit_and_compare(chart, "a post's grade (its group's cost)",
                      lambda: editing.edit_post(structure, first, grade="G11"))
    _edit_and_compare(chart, "a post deleted", lambda: editing.delete(structure, [second], []))
    _edit_and_compare(chart, "a post moved to another group",
                      lambda: editing.edit_post(structure, first, group="G3"))
    manager = structure.posts[_leaves(structure, "G4")[0]].reports_to
    _edit_and_compare(chart, "a post added", lambda: editing.add_post(
        structure, Post(id="NEW", title="Post new", grade="G3", reports_to=manager, group="G4")))
    chart.view.set_zoom(0.05)  # as far out as the wheel goes: the labels' type is smaller in the scene
    chart.view.centerOn(chart.scene.boxes["G1"].header_rect().topLeft() + QPointF(8000, 3000))
    _edit_and_compare(chart, "zoomed in, a post deleted",
                      lambda: editing.delete(structure, [_leaves(structure, "G1")[0]], []))
    chart.view.centerOn(chart.scene.boxes["G5"].header_rect().topLeft() + QPointF(8000, 3000))  # scrolled along
    _edit_and_compare(chart, "scrolled to another group, a post deleted",
                      lambda: editing.delete(structure, [_leaves(structure, "G5")[1]], []))
    chart.view.fit()  # and larger again
    _edit_and_compare(chart, "fitted again, a post's grade",
                      lambda: editing.edit_post(structure, _leaves(structure, "G5")[0], grade="G1"))


def test_only_the_group_labels_in_sight_are_placed_and_scrolling_places_the_others(chart):
    view, boxes = chart.view, chart.scene.boxes
    assert all(not box.label.boundingRect().isEmpty() for box in boxes.values())  # fitted: every label shows
    view.set_zoom(0.05)
    for group in ("G1", "G5"):
        view.centerOn(boxes[group].header_rect().topLeft() + QPointF(8000, 3000))
        QApplication.processEvents()
        shown = {g for g, box in boxes.items() if not box.label.boundingRect().isEmpty()}
        assert group in shown and len(shown) < len(boxes)
        assert view.visible_area().intersects(boxes[group].label.boundingRect())


def test_a_group_renamed_while_its_header_shows_the_name_alone_leaves_no_old_name_on_screen(chart):
    structure = chart.document.structure
    chart.view.set_zoom(0.3)  # cards show their titles, the header the name alone, in type taller than the band
    box = chart.scene.boxes["G2"]
    chart.view.centerOn(box.header_rect().topLeft() + QPointF(1000, 500))
    assert box.header_name_pixels(chart.view.zoom) * 1.2 > box.header_rect().height()
    for name in ("Strategy, Policy and Equality", "Adult Social Care"):  # descenders below the header band
        _edit_and_compare(chart, f"a group renamed {name}", lambda: editing.edit_group(structure, "G2", name=name))


def _ink_outside(item, scale: float, selected: bool) -> int:
    """How many rows of pixels `item` paints, alone at `scale`, outside its bounding rectangle and the two
    pixels around it that the view repaints with it (for antialiasing)."""
    margin = 30
    to_view = item.sceneTransform() * QTransform.fromScale(scale, scale)
    bounds = to_view.mapRect(item.boundingRect())
    image = QImage(int(bounds.width()) + 2 * margin, int(bounds.height()) + 2 * margin,
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.setTransform(to_view * QTransform.fromTranslate(margin - bounds.left(), margin - bounds.top()))
    option = QStyleOptionGraphicsItem()
    option.exposedRect = item.boundingRect()
    if selected:
        option.state = QStyle.StateFlag.State_Selected
    item.paint(painter, option, None)
    painter.end()
    inside = bounds.translated(margin - bounds.left(), margin - bounds.top()).toAlignedRect().adjusted(-2, -2, 2, 2)
    bits, row = bytes(image.constBits()), image.bytesPerLine()
    rows = (bits[y * row:(y + 1) * row] for y in range(image.height()))
    return sum(1 for y, pixels in enumerate(rows) if any(pixels) and (
        not inside.top() <= y <= inside.bottom() or any(pixels[:4 * inside.left()]) or
        any(pixels[4 * (inside.right() + 1):])))


@pytest.mark.parametrize("posts", [0, 2000], ids=["council", "2000-posts"])
def test_no_item_paints_outside_what_qt_repaints_for_it_at_any_zoom(make_canvas, posts):
    """Cards, group boxes and their labels, lines and sketch tiles, at every kind of semantic zoom; the small
    council's Finance has a name wider than its box, which its label runs past."""
    structure = synthetic_structure(posts) if posts else make_structure()
    if not posts:
        structure.update_group("fin", name="Finance-and-Commercial-Services")
    canvas = make_canvas(structure)
    view, scene = canvas.view, canvas.scene
    checked: set[str] = set()
    for zoom in (None, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 1.0, 2.0):
        if zoom is None:
            view.fit()
        else:
            view.set_zoom(zoom)
        QApplication.processEvents()
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(view.transform())
        seen: dict[str, int] = {}
        for item in scene.items(view.visible_area(), Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            kind = type(item).__name__
            seen[kind] = seen.get(kind, 0) + 1
            if seen[kind] > 40 or item.boundingRect().isEmpty():
                continue
            checked.add(kind)
            for selected in (False, True):
                assert not _ink_outside(item, scale, selected), (kind, zoom, selected)
    assert {"GroupBoxItem", "GroupLabelItem", "PostCardItem", "ReportingLineItem"} <= checked
    assert posts == 0 or "SketchLayer" in checked


def test_sketch_pieces_put_down_from_their_pictures_look_exactly_as_drawn(chart, monkeypatch):
    """At Fit to Window a piece painted twice unchanged keeps a picture of itself, and an edit that moves the
    pieces puts their pictures down: the screen is what drawing every piece afresh shows."""
    from orgdesigner.ui.items import sketch

    structure = chart.document.structure
    pieces = chart.scene.visible.sketch.pieces.values()
    _repainted_whole(chart)
    assert sum(piece._picture is not None for piece in pieces) <= sketch.PICTURES_PER_PAINT  # a few each paint
    for _ in range(len(pieces) // sketch.PICTURES_PER_PAINT + 1):
        _repainted_whole(chart)
    assert sum(piece._picture is not None for piece in pieces) > len(pieces) // 2
    first = _leaves(structure, "G1")[0]  # a post at the top left: the pieces after it move along
    _edit_and_compare(chart, "a post added", lambda: editing.add_post(
        structure, Post(id="NEW", title="Post new", grade="G3", reports_to=structure.posts[first].reports_to,
                        group="G1")))
    shown = _on_screen(chart)
    monkeypatch.setattr(sketch, "PICTURE_PIXELS", 0)
    QPixmapCache.clear()
    drawn = _repainted_whole(chart)
    assert sum(piece._picture is not None for piece in pieces) > len(pieces) // 2  # kept, but not found
    assert shown == drawn, f"pictures differ from drawing {_where(shown, drawn)}"
