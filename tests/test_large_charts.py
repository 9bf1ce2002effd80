"""Charts the size of a whole council: what keeps them quick must not change what the user sees.

The timings themselves are in `bench/` (run by `bench/run.py`, not here); these tests hold the
shortcuts behind them to giving the same pictures and pages as the long way round.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QImage, QTransform
from PySide6.QtWidgets import QApplication
from pypdf import PdfReader

from orgdesigner.model import load, save
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.layout import compute_layout
from orgdesigner.layout.trial import Trial, TrialLayouts
from orgdesigner.pdf.chart import plan as chartplan
from orgdesigner.pdf.chart.cards import card_height
from orgdesigner.pdf.chart.document import FOOTER_BAND, write_chart
from orgdesigner.pdf.chart.page import chart_frame
from orgdesigner.pdf.paper import Paper, PaperSize
from orgdesigner.presentation.selection import ChartSelection, select
from orgdesigner import editing as commands
from orgdesigner.ui.items.lineitem import ReportingLineItem
from orgdesigner.ui.items.postcard import PostCardItem
from orgdesigner.ui.items.sketch import SketchPiece

from conftest import SAMPLES
from pdfread import page_texts
from test_trial_layout import tangled

PAPERS = [Paper(), Paper(PaperSize.A3), Paper(PaperSize.A4, landscape=False)]


def _plan(structure, paper: Paper) -> list[tuple]:
    width, height = paper.width - 2 * paper.margin, paper.height - 2 * paper.margin - FOOTER_BAND
    return [(page.title, page.subtitle, list(page.structure.posts), page.parent, page.continued, page.scale,
             {pid: (r.x, r.y) for pid, r in page.layout.cards.items()})
            for page in chartplan.plan_pages(structure, chart_frame(width, height), "Chart", card_height=card_height)]


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: f"{p.size}-{'landscape' if p.landscape else 'portrait'}")
def test_pages_are_planned_the_same_without_laying_out_sets_too_big_for_a_page(paper, monkeypatch):
    structures = [synthetic_structure(400, seed=3), synthetic_structure(400, seed=5, span=14),
                  load(SAMPLES / "leicester-2011-current.orgd")]
    quick = [_plan(s, paper) for s in structures]
    monkeypatch.setattr(chartplan, "_capacity", lambda frame, height: float("inf"))  # lay out every candidate
    monkeypatch.setattr(chartplan._Planner, "too_tall", lambda planner, trees: False)  # even pages sharing one
    assert [_plan(s, paper) for s in structures] == quick
    assert len(quick[0]) > 10  # the synthetic charts really are split over many pages


def _printed(structure, paper: Paper, folded: frozenset[str] = frozenset()) -> list[tuple]:
    """Every page as printed: what `_plan` compares, with group boxes and lines."""
    width, height = paper.width - 2 * paper.margin, paper.height - 2 * paper.margin - FOOTER_BAND
    pages = chartplan.plan_pages(structure, chart_frame(width, height), "Chart", folded, card_height=card_height)
    return [(page.key, page.title, page.subtitle, list(page.structure.posts), page.parent, page.also_from,
             page.continued, page.came_from, page.scale, list(page.layout.cards.items()), page.layout.groups,
             [(r.manager, r.report, r.kind, r.points, r.label) for r in page.layout.lines], page.layout.bounds)
            for page in pages]


def _laid_out_in_full(trials, shown, options, cut, folded=()):
    """A candidate page laid out the long way: cut out of the structure and laid out in full."""
    shown = set(shown)
    continued = frozenset(pid for pid in shown if pid in folded or any(kid not in shown for kid in trials.reports[pid]))
    full = compute_layout(cut(), replace(options, continued=continued))
    return Trial(full.cards, full.groups, full.bounds, options, full=full)


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: f"{p.size}-{'landscape' if p.landscape else 'portrait'}")
def test_pages_are_planned_and_printed_the_same_from_trial_layouts(paper, monkeypatch):
    tangled_with_a_cycle = tangled(7)
    a, b = [pid for pid in tangled_with_a_cycle.posts if tangled_with_a_cycle.reports_of(pid)][-2:]
    for post, manager in ((a, b), (b, a)):
        tangled_with_a_cycle.posts[post] = tangled_with_a_cycle.posts[post].model_copy(update={"reports_to": manager})
    whole = synthetic_structure(600, seed=8, span=4)
    team = next(sorted(whole.reports_of(pid)) for pid in list(whole.posts)[1:]  # a team of managers, all folded
                if len(whole.reports_of(pid)) > 1 and all(whole.reports_of(kid) for kid in whole.reports_of(pid)))
    folded = select(whole, ChartSelection(folded=frozenset(team)))
    structures = [(synthetic_structure(400, seed=3), frozenset()), (tangled_with_a_cycle, frozenset()),
                  (folded.structure, frozenset(folded.hidden)),
                  (load(SAMPLES / "leicester-2011-current.orgd"), frozenset())]
    quick = [_printed(s, paper, folded) for s, folded in structures]
    monkeypatch.setattr(TrialLayouts, "lay", _laid_out_in_full)
    assert [_printed(s, paper, folded) for s, folded in structures] == quick
    assert len(quick[1]) > 3 and any("reporting cycle" in page[1] for page in quick[1])  # split, cycle and all


def test_every_page_of_a_long_chart_carries_the_legend_drawn_once(tmp_path):
    out = tmp_path / "chart.pdf"
    write_chart(synthetic_structure(300), out)
    texts = page_texts(out)
    assert len(texts) > 10 and all("Line management" in text and "Dotted line" in text for text in texts)
    legends = set()
    for page in PdfReader(out).pages:
        forms = page["/Resources"]["/XObject"]
        legends |= {forms.raw_get(name).idnum for name in forms if "Legend" in name}
    assert len(legends) == 1  # one legend in the file, placed on every page


@pytest.fixture
def paints(monkeypatch) -> dict[str, int]:
    """Counts of cards, lines and sketch pieces painted afresh (a card drawn from its cached picture is not)."""
    painted = {"cards": 0, "lines": 0, "pieces": 0}
    for cls, key in ((PostCardItem, "cards"), (ReportingLineItem, "lines"), (SketchPiece, "pieces")):
        def paint(self, *args, _original=cls.paint, _key=key):
            painted[_key] += 1
            return _original(self, *args)
        monkeypatch.setattr(cls, "paint", paint)  # before any item is made: Qt keeps to the method it first finds
    return painted


@pytest.fixture
def big_canvas(paints, make_canvas):
    """A canvas showing 1,400 posts, fitted to the window as opening a file leaves it: few enough cards for
    items (`ui.visible.MAX_CARD_ITEMS`), but each would be a plain box at that scale, so the chart is sketched."""
    canvas = make_canvas(synthetic_structure(1400))
    canvas.host.resize(830, 695)  # a viewport of 792 × 657, as the window's canvas at 1400 × 900
    QApplication.processEvents()
    canvas.view.fit()
    QApplication.processEvents()
    paints.update(cards=0, lines=0, pieces=0)
    return canvas


def test_cards_too_small_for_any_text_are_sketched_not_made_into_items(big_canvas):
    scene = big_canvas.scene
    assert not scene.cards and not scene.lines
    assert scene.visible.sketching and scene.visible.sketch.card_count() == len(big_canvas.document.structure.posts)


def test_a_finding_made_while_sketched_marks_the_card_once_it_is_made(big_canvas):
    document, scene, view = big_canvas.document, big_canvas.scene, big_canvas.view
    post_id = "P1300"
    before = {f.rule for f in document.analysis.findings() if post_id in f.posts}
    assert document.execute(commands.edit_post(document.structure, post_id, salary=9_999_999))  # far over its grade
    QApplication.processEvents()
    found = [f for f in document.analysis.findings() if post_id in f.posts]
    assert not scene.cards and {f.rule for f in found} - before  # no card to mark yet
    rect = scene.layout.cards[post_id]
    view.set_zoom(1.0)
    view.centerOn(QPointF(rect.x + rect.width / 2, rect.y + rect.height / 2))
    QApplication.processEvents()
    assert scene.cards[post_id]._findings == found


def test_an_edit_on_a_fitted_chart_repaints_around_the_post_not_the_whole_chart(big_canvas, paints):
    document, sketch = big_canvas.document, big_canvas.scene.visible.sketch
    assert document.execute(commands.edit_post(document.structure, "P1300", status="vacant"))  # its box restyled
    QApplication.processEvents()
    assert 0 < paints["pieces"] <= len(sketch.pieces) / 4, paints  # the pieces about the post, not all of them


def test_an_edit_to_the_top_post_repaints_round_its_card_not_every_line_from_the_top(big_canvas, paints):
    """The posts above the sketch's pieces and their lines down to them span the whole chart: restyling the
    top post once repainted all of it."""
    document, sketch = big_canvas.document, big_canvas.scene.visible.sketch
    top = big_canvas.scene.layout.tops[0]
    assert sketch.layout.size(top) > 300  # drawn by the crown, not by a piece of its own
    assert document.execute(commands.edit_post(document.structure, top, status="vacant"))
    QApplication.processEvents()
    assert 0 < paints["pieces"] <= len(sketch.pieces) / 4, paints


@pytest.fixture
def zoomed_in(big_canvas):
    """The window at 100% on the top of directorate G2: its header, its leader and the first row below."""
    view = big_canvas.view
    view.setTransform(QTransform())
    header = big_canvas.scene.boxes["G2"].header_rect()
    view.centerOn(QPointF(header.left() + 300, header.top() + 200))
    QApplication.processEvents()
    return big_canvas


def test_a_new_total_in_a_group_header_is_shown_without_repainting_the_group(zoomed_in, make_canvas, tmp_path):
    document = zoomed_in.document
    far_away = [pid for pid, post in document.structure.posts.items() if post.group == "G2"][-3:]  # off screen
    for post_id in far_away:  # (Qt repaints an item whole the first time after scrolling: the later edits count)
        before = _on_screen(zoomed_in)
        assert document.execute(commands.edit_post(document.structure, post_id, fte=0.2))
        QApplication.processEvents()
        assert _on_screen(zoomed_in) != before  # the header's cost changed
    assert _alike(_on_screen(zoomed_in), _on_screen(_opened_alike(zoomed_in, make_canvas, tmp_path)))


def test_lines_laid_out_again_are_shown_where_they_now_run(zoomed_in, make_canvas, tmp_path):
    structure, scene, view = zoomed_in.document.structure, zoomed_in.scene, zoomed_in.view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    managers = sorted((pid for pid, card in scene.cards.items()
                       if shown.contains(card.sceneBoundingRect()) and structure.reports_of(pid)),
                      key=lambda pid: scene.cards[pid].x())
    first, second = managers[:2]
    assert structure.posts[first].reports_to == structure.posts[second].reports_to  # neighbours in one row
    for moving in sorted(structure.reports_of(second))[:2]:  # the second's stack shrinks, the first's grows
        before = _on_screen(zoomed_in)
        assert zoomed_in.document.perform(lambda: commands.set_manager(structure, moving, first))
        QApplication.processEvents()
        assert _on_screen(zoomed_in) != before
    assert _alike(_on_screen(zoomed_in), _on_screen(_opened_alike(zoomed_in, make_canvas, tmp_path)))


def _opened_alike(window, make_canvas, tmp_path):
    """A second canvas opened on what `window` shows (saved and read back), at the same size, zoom and scroll."""
    path = tmp_path / "edited.orgd"
    save(window.document.structure, path)
    fresh = make_canvas(load(path))
    fresh.host.resize(window.host.size())
    QApplication.processEvents()
    fresh.view.setTransform(window.view.transform())
    for mine, theirs in ((fresh.view.horizontalScrollBar(), window.view.horizontalScrollBar()),
                         (fresh.view.verticalScrollBar(), window.view.verticalScrollBar())):
        mine.setValue(theirs.value())
    QApplication.processEvents()
    assert fresh.view.viewport().size() == window.view.viewport().size()
    assert fresh.view.mapFromScene(QPointF(0, 0)) == window.view.mapFromScene(QPointF(0, 0))
    return fresh


def _alike(shown: QImage, fresh: QImage) -> bool:
    """The same picture, but for a level or two of a colour where two antialiased lines cross: the items of a
    view are made in the order the view came to them, and lines that cross blend in the order they were made."""
    if shown == fresh:
        return True
    if shown.size() != fresh.size() or shown.format() != fresh.format():
        return False
    return all(abs(a - b) <= 2 for a, b in zip(bytes(shown.constBits()), bytes(fresh.constBits())) if a != b)


def _on_screen(window) -> QImage:
    """What the canvas shows: its pixels as last painted (grabbing the widget would paint it anew)."""
    viewport = window.view.viewport()
    corner = viewport.mapTo(window.host, QPoint(0, 0))
    return window.host.screen().grabWindow(window.host.winId(), corner.x(), corner.y(), viewport.width(),
                                      viewport.height()).toImage()
