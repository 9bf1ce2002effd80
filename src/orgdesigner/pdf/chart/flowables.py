"""Chart pages as platypus flowables, for documents such as the consultation pack.

Each chart page fills a page of its own. "Continued on page N" needs the printed page numbers,
which only drawing reveals: each page records where it landed, and the references read those
records. The pack is built with `multiBuild` (for its contents page), whose last pass draws
with the numbers the pass before recorded, so the references come out right.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import Flowable, PageBreak

from ...model import Structure
from ...presentation.chartstyle import ChangeStyle
from .page import card_facts, draw_chart_page, plan_chart
from .plan import ChartPage


class ChartPageFlowable(Flowable):
    def __init__(self, draw, width: float, height: float, landed: dict[int, int], key: int) -> None:
        super().__init__()
        self._draw, self._width, self._height, self._landed, self._key = draw, width, height, landed, key

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self._width, self._height

    def draw(self) -> None:
        self._landed[self._key] = self.canv.getPageNumber()
        self._draw(self.canv)


def chart_pages(structure: Structure, frame_width: float, frame_height: float, heading: str) -> list[ChartPage]:
    """The pages `chart_flowables` would print, planned (for a caller that sets them all one scale)."""
    return plan_chart(structure, frame_width, frame_height - 1, heading)


def chart_flowables(structure: Structure, frame_width: float, frame_height: float, heading: str, redact_names: bool,
                    colours_from: Structure | None = None, pages: list[ChartPage] | None = None,
                    scale: float | None = None, marks: dict[str, ChangeStyle] | None = None) -> list[Flowable]:
    """The chart of `structure` split over as many pages as it needs, each page a flowable filling a text
    frame of this size; with `colours_from`, its groups keep the colours they have in that structure's chart.
    `pages` are those `chart_pages` planned; `scale` caps every page's scale (so two charts print alike);
    `marks` rings the posts a proposal changes in the compare view's colours."""
    # a hair under the frame, so rounding never pushes a page's flowable over to the next page
    width, height = frame_width, frame_height - 1
    if pages is None:
        pages = plan_chart(structure, width, height, heading)
    if scale is not None:
        pages = [replace(page, scale=min(page.scale, scale)) for page in pages]
    facts = card_facts(structure, redact_names, also=colours_from)
    if marks:
        facts = replace(facts, marks=marks)
    landed: dict[int, int] = {}
    flowables: list[Flowable] = []
    for page in pages:
        if flowables:
            flowables.append(PageBreak())
        flowables.append(ChartPageFlowable(
            lambda canvas, page=page: draw_chart_page(canvas, page, facts, 0, 0, width, height, landed.get),
            width, height, landed, page.key))
    return flowables
