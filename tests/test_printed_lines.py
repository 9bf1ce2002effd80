"""Reporting lines and notes on the printed chart as a reader follows them: a wrapped row of reports hangs
from a bus plainly its own, a "continued on" tick never points at a line to another card, a folded
card's note is set clear of the card's other words, a dotted line's label never hides a solid line, and a
short wide chart is not printed as a thin strip."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import dotted_synthetic
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.pdf.chart.document import FOOTER_BAND, chart_source, write_chart
from orgdesigner.pdf.chart.page import HEADER_BAND, LEGEND_BAND
from orgdesigner.pdf.chart.plan import PRINT_LAYOUT, ChartPage
from orgdesigner.pdf.options import PdfOptions
from orgdesigner.presentation.chartstyle import ACCENT, LINE
from orgdesigner.presentation.selection import ChartSelection
from pdfread import drawn_share, page_chars, page_strokes

Points = list[tuple[float, float]]


def _pages(size: int) -> list[ChartPage]:
    options = PdfOptions()
    paper = options.paper
    return chart_source(synthetic_structure(size), options).pages(paper.width - 2 * paper.margin,
                                                                  paper.height - 2 * paper.margin - FOOTER_BAND)


@pytest.mark.parametrize("size", [300, 1000])
def test_a_wrapped_row_hangs_from_a_bus_well_below_the_cards_above_it_down_a_trunk_clear_of_box_borders(size):
    """A manager's reports wrapped onto a further row are reached down a trunk at the block's side and along
    a bus over that row. Midway between the row above and its own (the old spacing), the bus read as the
    line to the upper cards' reports, and the trunk ran along the group box's border."""
    wrapped = 0
    for page in _pages(size):
        cards, boxes = page.layout.cards, page.layout.groups.values()
        for route in page.layout.lines:
            points = route.points
            if route.kind != "line" or len(points) != 6 or points[3][1] <= points[1][1]:
                continue  # not a line to a wrapped row (its row's bus below the first row's)
            wrapped += 1
            first_bus, (trunk, bus), (x, _), top = points[1][1], points[3], points[4], points[5][1]
            low, high = sorted((trunk, x))
            above = max(card.bottom for pid, card in cards.items()
                        if pid != route.manager and card.bottom <= bus and card.x < high and card.right > low)
            assert bus - above >= PRINT_LAYOUT.v_gap / 2 + 1, (
                f"page {page.key + 1}: the bus to {route.report} runs {bus - above:.1f} under the cards above it")
            if not any(bus < box.y < top for box in boxes):  # no group's header band between the bus and the card
                assert bus - above >= 1.5 * (top - bus), (
                    f"page {page.key + 1}: the bus to {route.report} is as near the cards above as its own row")
            beside = [box for box in boxes if box.y < bus and box.bottom > first_bus]
            nearest = min(min(abs(trunk - box.x), abs(trunk - box.right)) for box in beside)
            assert nearest >= PRINT_LAYOUT.group_padding / 2 - 1e-6, (
                f"page {page.key + 1}: the trunk to {route.report} runs {nearest:.1f} from a group box's border")
    assert wrapped > 0, "the chart should wrap some rows of reports"


def _vertical_runs(points: Points) -> list[tuple[float, float, float]]:
    """The vertical runs of a path: x, low y, high y (page points, y up)."""
    return [(x0, min(y0, y1), max(y0, y1)) for (x0, y0), (x1, y1) in zip(points, points[1:])
            if abs(x0 - x1) < 0.01 and abs(y0 - y1) > 0.01]


def _ticks(strokes: list[tuple[str, Points]]) -> list[tuple[float, float]]:
    """The ticks under cards continued elsewhere: short vertical strokes in the accent colour (x, low y)."""
    return [(x, low) for colour, points in strokes if colour == ACCENT and len(points) == 2
            for x, low, high in _vertical_runs(points) if high - low < 6]


def test_no_continuation_tick_points_down_at_the_line_to_another_card(tmp_path: Path):
    """Read back from the PDF: under each card continued on a later page a short tick says its line carries
    on; one straight above the line down to a card in the next row read as that card's manager's line."""
    path = tmp_path / "chart.pdf"
    write_chart(synthetic_structure(300), path, PdfOptions())
    ticks = 0
    for number in range(1, len(page_chars(path)) + 1):
        strokes = page_strokes(path, number)
        runs = [run for colour, points in strokes if colour == LINE for run in _vertical_runs(points)]
        for x, low in _ticks(strokes):
            ticks += 1
            under = [(rx, top) for rx, _, top in runs if abs(rx - x) < 2 and low - 3 * PRINT_LAYOUT.v_gap < top < low]
            assert not under, f"page {number}: the tick at x={x:.0f} stands over a line down to another card"
    assert ticks > 20


def test_folded_cards_say_how_many_posts_they_hide_clear_of_their_other_words_and_with_no_tick(tmp_path: Path):
    """`--levels 2`: each card of the second level hides the posts below it. Its note was overprinted on the
    grade row ("1 FTE+110 posts be…"), and a tick under it said a line carried on though none does."""
    path = tmp_path / "levels.pdf"
    write_chart(synthetic_structure(300), path, PdfOptions(selection=ChartSelection(levels=2)))
    text, boxes = page_chars(path)[0]
    inked = [(char, box) for char, box in zip(text, boxes) if not char.isspace()]
    for index, (char, (l0, b0, r0, t0)) in enumerate(inked):
        for other, (l1, b1, r1, t1) in inked[index + 1:]:
            overlap = max(0.0, min(r0, r1) - max(l0, l1)) * max(0.0, min(t0, t1) - max(b0, b1))
            smaller = min((r0 - l0) * (t0 - b0), (r1 - l1) * (t1 - b1))
            assert overlap <= 0.25 * smaller, f"{char!r} and {other!r} are printed over each other"
    assert text.count(" below") == 5, "each of the five directors' cards should say how many posts it hides"
    assert _ticks(page_strokes(path, 1)) == []


def test_a_chart_that_would_print_as_a_strip_is_wrapped_to_fill_more_of_its_page(tmp_path: Path):
    """`--levels 2` of a council of five directorates: printed as one row of five across the page's width, the
    chart covered under a third of the room it had; its row wrapped, the cards print larger and fill more."""
    path = tmp_path / "levels.pdf"
    write_chart(synthetic_structure(300), path, PdfOptions(selection=ChartSelection(levels=2)))
    paper = PdfOptions().paper
    room = (paper.margin, paper.margin + FOOTER_BAND + LEGEND_BAND, paper.width - paper.margin,
            paper.height - paper.margin - HEADER_BAND)
    assert drawn_share(path, 1, room) > 0.5


@pytest.mark.parametrize("size", [300, 1000])
def test_no_dotted_line_label_is_printed_over_a_solid_line(size):
    """A label is set on a white patch, so lines beneath it do not cut its words: laid over a line of line
    management the patch cut that line in two (the reader lost who reports to whom)."""
    options = PdfOptions()
    paper = options.paper
    pages = chart_source(dotted_synthetic(size), options).pages(paper.width - 2 * paper.margin,
                                                                paper.height - 2 * paper.margin - FOOTER_BAND)
    labels = 0
    for page in pages:
        runs = [(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)) for route in page.layout.lines
                if route.kind != "dotted" for (x0, y0), (x1, y1) in zip(route.points, route.points[1:])]
        for place in page.labels:
            labels += 1
            patch = place.patch
            over = [run for run in runs if patch.x <= run[2] and run[0] <= patch.right and patch.y <= run[3]
                    and run[1] <= patch.bottom]
            assert not over, f"page {page.key + 1}: the label {place.lines} hides part of a reporting line"
    assert labels > 20
