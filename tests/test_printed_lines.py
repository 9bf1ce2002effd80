"""Reporting lines and notes on the printed chart as a reader follows them: a wrapped row of reports hangs
from a bus plainly its own, a "continued on" tick never points at a line to another card, and a folded
card's note is set clear of the card's other words."""

from __future__ import annotations

import pytest

from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.pdf.chart.document import FOOTER_BAND, chart_source
from orgdesigner.pdf.chart.plan import PRINT_LAYOUT, ChartPage
from orgdesigner.pdf.options import PdfOptions


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
