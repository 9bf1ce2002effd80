"""The chart's pages as planned for print (the geometry every format draws): a page carrying several
departments names them in the order a reader meets them, and dotted-line labels are printed clear of cards."""

from __future__ import annotations

import pytest

from conftest import SAMPLES
from orgdesigner.layout import Rect
from orgdesigner.model import Structure, load
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.pdf.chart.document import FOOTER_BAND, chart_source
from orgdesigner.pdf.chart.plan import ChartPage
from orgdesigner.pdf.options import PdfOptions

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
