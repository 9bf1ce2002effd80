"""The chart's pages as planned for print (the geometry every format draws): a page carrying several
departments names them in the order a reader meets them, and dotted-line labels are printed clear of cards."""

from __future__ import annotations

import pytest

from conftest import SAMPLES, dotted_synthetic
from orgdesigner.layout import Rect
from orgdesigner.layout.routes import LineRoute
from orgdesigner.model import Structure, load
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.pdf.chart.document import FOOTER_BAND, chart_source, write_chart
from orgdesigner.pdf.chart.plan import ChartPage
from orgdesigner.pdf.options import PdfOptions
from pdfread import page_chars, page_texts

SEPARATOR = " \u00b7 "


def _pages(structure: Structure) -> list[ChartPage]:
    """The pages of the chart PDF as `orgdesigner export` plans them (default paper)."""
    options = PdfOptions()
    paper = options.paper
    return chart_source(structure, options).pages(paper.width - 2 * paper.margin,
                                                  paper.height - 2 * paper.margin - FOOTER_BAND)


def _head_card(page: ChartPage, name: str) -> Rect:
    """The card of the first post heading a team on the page (its manager is elsewhere) in the department named."""
    structure = page.structure
    cards = []
    for pid, card in page.layout.cards.items():
        post = structure.posts[pid]
        group = structure.groups.get(post.group) if post.group else None
        if post.reports_to not in structure.posts and name in (post.title, group.name if group else None):
            cards.append(card)
    assert cards, f"page {page.key + 1} is titled with {name!r} but no team of it heads a tree there"
    return min(cards, key=lambda card: (card.y, card.x))


def _reads_before(first: Rect, second: Rect) -> bool:
    """Whether a reader meets `first` before `second`: left of it in the same row, or in a row above."""
    same_row = first.y < second.bottom and second.y < first.bottom
    return first.x < second.x if same_row else first.y < second.y


SAMPLE_FILES = sorted(path.name for path in SAMPLES.glob("*.orgd"))


def _check_title_order(pages: list[ChartPage]) -> None:
    for page in [page for page in pages if SEPARATOR in page.title]:
        heads = [_head_card(page, name) for name in page.title.split(SEPARATOR)]
        for first, second in zip(heads, heads[1:]):
            assert _reads_before(first, second), f"page {page.key + 1} {page.title!r}: names out of printed order"


@pytest.mark.parametrize("size", [300, 1000])
def test_a_page_of_several_departments_names_them_in_the_order_they_are_printed(size):
    pages = _pages(synthetic_structure(size))
    assert any(SEPARATOR in page.title for page in pages), "the chart should have pages carrying several departments"
    _check_title_order(pages)


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_pages_name_their_departments_in_printed_order(name):
    _check_title_order(_pages(load(SAMPLES / name)))


def test_the_300_post_chart_names_the_department_printed_first_first():
    """The page the reviewer saw: two directorates' teams, the second directorate's printed at the top."""
    page = next(page for page in _pages(synthetic_structure(300)) if SEPARATOR in page.title)
    names = page.title.split(SEPARATOR)
    heads = {name: _head_card(page, name) for name in names}
    assert names == sorted(names, key=lambda name: (heads[name].y, heads[name].x))


def _check_labels(pages: list[ChartPage]) -> int:
    """Every dotted-line label on the pages is clear of every card and of the other labels, and is printed
    beside its line or given in full near it or in the page's notes (a numbered mark beside the line standing
    for it).
    Returns how many labels were placed."""
    count = 0
    for page in pages:
        patches = [place.patch for place in page.labels]
        for place in page.labels:
            for pid, card in page.layout.cards.items():
                assert not place.patch.intersects(card), \
                    f"page {page.key + 1}: label {place.route.label!r} runs across the card of {pid}"
        for index, patch in enumerate(patches):
            assert not any(patch.intersects(other) for other in patches[index + 1:]), f"page {page.key + 1}: labels overlap"
        whole = {(place.route.manager, place.route.report) for place in page.labels
                 if place.mark is None or place.callout and " ".join(place.lines) == f"[{place.mark}] {place.route.label}"}
        for route in page.layout.lines:
            if route.kind == "dotted" and route.label and (route.manager, route.report) not in whole:
                assert any(route.label in note for note in page.label_notes), \
                    f"page {page.key + 1}: label {route.label!r} is neither printed whole nor in the notes"
        count += len(page.labels)
    return count


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_dotted_line_labels_are_clear_of_cards(name):
    _check_labels(_pages(load(SAMPLES / name)))


@pytest.mark.parametrize("size", [60, 300])
def test_synthetic_dotted_line_labels_are_clear_of_cards(size):
    assert _check_labels(_pages(dotted_synthetic(size))) > 0


def test_the_cambridge_label_is_printed_whole_beside_its_line_clear_of_the_joint_director(tmp_path):
    """The label the reviewer saw printed across the Joint Director's title."""
    structure = load(SAMPLES / "cambridge-2022-proposed.orgd")
    page = _pages(structure)[0]
    place = next(place for place in page.labels if place.route.label.startswith("Corporate Group leads"))
    assert place.mark is None and place.lines == ("Corporate Group leads the relationship with 3C ICT",)
    assert not any(place.patch.intersects(card) for card in page.layout.cards.values())
    write_chart(structure, tmp_path / "chart.pdf")
    assert "Corporate Group leads the relationship with 3C ICT" in page_texts(tmp_path / "chart.pdf")[0]


def test_a_label_with_no_room_beside_its_line_is_marked_and_given_in_full_on_its_page(tmp_path):
    """Lines between cards stacked close have no room for words: a numbered mark stands beside the line and
    the label is given in full after the same mark, near it or in the notes under the page's title, both
    read back from the PDF."""
    structure = dotted_synthetic(300)
    pages = _pages(structure)
    marked = [(page, place) for page in pages for place in page.labels if place.mark is not None and not place.callout]
    assert marked, "the close-stacked dotted lines should need marks"
    write_chart(structure, tmp_path / "chart.pdf")
    texts = page_texts(tmp_path / "chart.pdf")
    for page, place in marked:
        text = texts[page.key]
        assert f"[{place.mark}]" in text.replace(f"[{place.mark}] {place.route.label}", "", 1)
        assert f"[{place.mark}] {place.route.label}" in text


@pytest.mark.parametrize("size, every", [(300, 5), (1000, 1)])
def test_every_dotted_line_label_is_printed_in_full_within_the_margins(tmp_path, size, every):
    """Read back from the PDF: every label of a page's dotted lines is on that page in full (beside its line,
    after its mark near the line, or in the notes under the title, which wrap onto as many lines as they
    need), and no letter on any page lies outside the paper's margins."""
    structure = dotted_synthetic(size, every)
    pages = _pages(structure)
    write_chart(structure, tmp_path / "chart.pdf")
    read = page_chars(tmp_path / "chart.pdf")
    paper = PdfOptions().paper
    labels = wrapped = 0
    for page, (text, boxes) in zip(pages, read, strict=True):
        words = " ".join(text.split())
        for route in page.dotted:
            if route.label:
                labels += 1
                assert route.label in words, f"page {page.key + 1}: {route.label!r} is not printed in full"
        assert "\u2026" not in words, f"page {page.key + 1}: something is cut short"
        for char, (left, bottom, right, top) in zip(text, boxes):
            if not char.isspace():
                assert paper.margin - 0.5 <= left and right <= paper.width - paper.margin + 0.5, \
                    f"page {page.key + 1}: {char!r} at x {left:.1f}–{right:.1f} is outside the margins"
                assert paper.margin - 3 <= bottom and top <= paper.height - paper.margin + 0.5, \
                    f"page {page.key + 1}: {char!r} at y {bottom:.1f}–{top:.1f} is outside the margins"
        lines = text.split("\r\n")  # the title, then the notes under it
        wrapped += bool(page.label_notes) and page.label_notes[-1] not in " ".join(lines[1].split())
    assert labels > 0
    if every == 1:
        assert wrapped, "a page this dense should need its notes on more than one line"


def _crossed(page: ChartPage, route: LineRoute) -> list[str]:
    """The cards other than its own two that a dotted line's route runs through."""
    runs = [Rect(min(x0, x1) - 0.01, min(y0, y1) - 0.01, abs(x1 - x0) + 0.02, abs(y1 - y0) + 0.02)
            for (x0, y0), (x1, y1) in zip(route.points, route.points[1:])]
    return [pid for pid, card in page.layout.cards.items()
            if pid not in (route.manager, route.report) and any(card.intersects(run) for run in runs)]


def test_the_cambridge_dotted_line_goes_round_the_joint_director_not_behind_it():
    page = _pages(load(SAMPLES / "cambridge-2022-proposed.orgd"))[0]
    laid_out = next(route for route in page.layout.lines if route.kind == "dotted")
    printed = next(route for route in page.dotted if route.report == laid_out.report)
    assert _crossed(page, laid_out), "the layout's route runs behind the Joint Director's card"
    assert _crossed(page, printed) == []
    bounds = page.layout.bounds
    assert all(bounds.x <= x <= bounds.right and bounds.y <= y <= bounds.bottom for x, y in printed.points)


def test_dotted_lines_between_stacked_cards_are_printed_round_the_cards_between():
    pages = _pages(dotted_synthetic(300))
    laid_out = sum(bool(_crossed(page, route)) for page in pages for route in page.layout.lines if route.kind == "dotted")
    printed = sum(bool(_crossed(page, route)) for page in pages for route in page.dotted)
    assert laid_out > 0 and printed < laid_out / 2
