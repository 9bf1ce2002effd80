"""Readable at every zoom: at Fit to Window in the window's own 1440 × 900, what the canvas paints can be read.

The sizes are those the items paint by (`painted_title_px`, `painted_lines`: paint calls the same
methods) times the view's scale, so they are the painted sizes on screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from orgdesigner.model import Post, load, save
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.ui.items.zoom import READABLE_PX, Detail

from conftest import SAMPLES


def _fitted(new_window, qtbot, tmp_path, structure):
    path = tmp_path / "chart.orgd"
    save(structure, path)
    win = new_window()
    win.show()
    qtbot.waitExposed(win)
    assert (win.width(), win.height()) == (1440, 900)
    assert win.open_file(path)
    QApplication.processEvents()  # the docks are tabbed in once the window is shown
    win.fit_action.trigger()
    QApplication.processEvents()
    return win


def _district_council():
    """The 26 posts of Leicester's senior structure and one with a long title: 27 posts."""
    structure = load(SAMPLES / "leicester-2011-current.orgd")
    root = next(p for p in structure.posts.values() if p.reports_to is None)
    structure.add_post(Post(id="EXTRA", title="Head of Revenues, Benefits and Customer Services",
                            reports_to=root.id, group=root.group))
    assert len(structure.posts) == 27
    return structure


@pytest.mark.parametrize("make", [_district_council, lambda: synthetic_structure(40, seed=4)],
                         ids=["27-posts", "40-posts"])
def test_every_card_title_is_painted_at_8px_or_more_at_fit_to_window(new_window, qtbot, tmp_path, make):
    structure = make()
    win = _fitted(new_window, qtbot, tmp_path, structure)
    scale, shown = win.view.zoom, win.view.visible_area()
    assert scale < 0.7  # the ordinary card text would be too small: the cards show their titles larger
    for post_id, post in structure.posts.items():
        card = win.scene.card(post_id)
        assert shown.contains(card.sceneBoundingRect()), post_id
        assert card.painted_title_px(scale) >= READABLE_PX, (post.title, card.painted_title_px(scale))
        if card.detail(scale) is Detail.TITLE:
            size, lines = card.title_only(scale)
            assert lines and post.title.startswith(lines[0].rstrip("…")) and size * scale >= READABLE_PX
    for box in win.scene.boxes.values():  # the groups' names too, in the header band
        assert box.header_name_pixels(scale) * scale >= READABLE_PX, box.title


@pytest.mark.parametrize("posts, detail", [(300, Detail.TITLE), (600, Detail.BOX)])
def test_every_group_name_is_painted_on_a_300_post_chart(new_window, qtbot, tmp_path, posts, detail):
    """The screen layout's wrapped rows fit 300 posts with their titles readable, yet headers too small to
    name the groups: the labels do; at 600 the cards are plain boxes."""
    structure = synthetic_structure(posts)
    win = _fitted(new_window, qtbot, tmp_path, structure)
    scale, shown = win.view.zoom, win.view.visible_area()
    assert {win.scene.card(p).detail(scale) for p in structure.posts} == {detail}  # cards too small to read in full
    assert len(structure.groups) >= 5
    for group_id, group in structure.groups.items():
        label = win.scene.boxes[group_id].label
        assert label.scene() is win.scene and label.isVisible() and shown.intersects(label.boundingRect())
        lines = label.painted_lines(scale)
        name_lines = lines[:-1]  # then the figures: "45 posts · £5,280,640"
        assert " ".join(text for text, _ in name_lines) == group.name
        assert all(size >= READABLE_PX for _, size in lines)
        assert lines[-1][0].split(" posts")[0] == str(sum(p.group == group_id for p in structure.posts.values()))


def test_zoomed_in_a_card_shows_everything_and_group_labels_step_aside(new_window, qtbot, tmp_path):
    structure = synthetic_structure(300)
    win = _fitted(new_window, qtbot, tmp_path, structure)
    win.view.set_zoom(1.0)
    card = win.scene.card("P1")
    assert card.detail(1.0) is Detail.FULL and card.painted_title_px(1.0) >= READABLE_PX
    assert all(win.scene.boxes[g].label.painted_lines(1.0) == [] for g in structure.groups)


@pytest.mark.parametrize("make", [lambda: load(SAMPLES / "leicester-2011-proposed.orgd"),
                                  lambda: synthetic_structure(300)], ids=["leicester", "300 posts"])
def test_at_fit_the_whole_chart_is_centred_with_no_scrollbars_and_zoomed_in_it_scrolls_past_its_edges(
        new_window, qtbot, tmp_path, make):
    win = _fitted(new_window, qtbot, tmp_path, make())
    view = win.view
    assert not view.horizontalScrollBar().isVisible() and not view.verticalScrollBar().isVisible()
    chart = view.mapFromScene(win.scene.content_rect()).boundingRect()
    port = view.viewport().rect()
    assert port.contains(chart)
    assert abs(chart.center().x() - port.center().x()) <= 2 and abs(chart.center().y() - port.center().y()) <= 2
    view.set_zoom(view.zoom * 4)
    QApplication.processEvents()
    content = win.scene.content_rect()
    for bar, past_start, past_end in ((view.horizontalScrollBar(), lambda a: content.left() - a.left(),
                                       lambda a: a.right() - content.right()),
                                      (view.verticalScrollBar(), lambda a: content.top() - a.top(),
                                       lambda a: a.bottom() - content.bottom())):
        assert bar.isVisible()
        bar.setValue(bar.minimum())
        assert past_start(view.visible_area()) * view.zoom >= 100  # room to drag a card out past the edge
        bar.setValue(bar.maximum())
        assert past_end(view.visible_area()) * view.zoom >= 100


def test_the_cards_under_a_group_label_still_show_through_it(new_window, qtbot, tmp_path):
    """At Fit on a 300-post chart a group's label lies over some of the group's cards (its leader's among them);
    the label's plate lets them show: a card's edge under it keeps a good part of the contrast it has with the
    labels hidden."""
    structure = synthetic_structure(300)
    win = _fitted(new_window, qtbot, tmp_path, structure)
    view, scene = win.view, win.scene
    shown = view.viewport().grab().toImage()
    for box in scene.boxes.values():
        box.label.setVisible(False)
    QApplication.processEvents()
    bare = view.viewport().grab().toImage()

    def contrast(image, x: int, y: int) -> int:  # an edge against the card's inside, just right of it
        return image.pixelColor(x + 3, y).lightness() - image.pixelColor(x, y).lightness()

    checked = 0
    for box in scene.boxes.values():
        plate = view.mapFromScene(box.label.sceneBoundingRect()).boundingRect().adjusted(1, 1, -1, -1)
        for card in scene.cards.values():
            edge = view.mapFromScene(card.sceneBoundingRect()).boundingRect()
            x = edge.left()
            rows = range(max(edge.top() + 2, plate.top()), min(edge.bottom() - 2, plate.bottom()))
            if not plate.left() < x < plate.right() - 4 or len(rows) < 3:
                continue
            before = max(contrast(bare, x, y) for y in rows)
            if before < 20:
                continue
            after = max(contrast(shown, x, y) for y in rows)
            assert after >= 0.3 * before, (box.title, card.post_id, before, after)
            checked += 1
    assert checked >= 3  # labels do lie over cards at this size
