"""Chart pages as platypus flowables, for documents such as the consultation pack.

Each chart page fills a page of its own. "Continued on page N" needs the printed page numbers,
which only drawing reveals: each page records where it landed, and the references read those
records. The pack is built with `multiBuild` (for its contents page), whose last pass draws
with the numbers the pass before recorded, so the references come out right.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from ...model import Structure
from .page import card_facts, draw_chart_page, plan_chart


class ChartPageFlowable(Flowable):
    def __init__(self, draw, width: float, height: float, landed: dict[int, int], key: int) -> None:
        super().__init__()
        self._draw, self._width, self._height, self._landed, self._key = draw, width, height, landed, key

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self._width, self._height

    def draw(self) -> None:
        self._landed[self._key] = self.canv.getPageNumber()
        self._draw(self.canv)


def chart_flowables(structure: Structure, frame_width: float, frame_height: float, heading: str, redact_names: bool,
                    colours_from: Structure | None = None) -> list[Flowable]:
    """The chart of `structure` split over as many pages as it needs, each page a flowable filling a text
    frame of this size; with `colours_from`, its groups keep the colours they have in that structure's chart."""
    # a hair under the frame, so rounding never pushes a page's flowable over to the next page
    width, height = frame_width, frame_height - 1
    pages = plan_chart(structure, width, height, heading)
    facts = card_facts(structure, redact_names, also=colours_from)
    landed: dict[int, int] = {}
    flowables: list[Flowable] = []
    for page in pages:
        if flowables:
            flowables.append(PageBreak())
        flowables.append(ChartPageFlowable(
            lambda canvas, page=page: draw_chart_page(canvas, page, facts, 0, 0, width, height, landed.get),
            width, height, landed, page.key))
    return flowables
