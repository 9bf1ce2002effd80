"""Semantic zoom: what a card and a group box paint at a given view scale, so the chart stays readable.

Zoomed in, a card shows everything; when its ordinary title would be painted smaller than
`READABLE_PX`, it shows only its title, in type large enough to read; when even a title filling
the card would be too small, the card is a plain coloured box and the group boxes carry the
reading instead: their names, post counts and cost in type sized to the view.
"""

from __future__ import annotations

from enum import Enum

from .text import pixels_of

READABLE_PX = 8.0
"""The smallest type, in device pixels, the canvas paints for reading."""
LABEL_PX, LABEL_DETAIL_PX = 13.0, 10.5
"""The type of a group's name and figures when the cards are plain boxes, in device pixels."""
TITLE_PT = 8.6
"""A card's title at full detail, in points."""
TITLE_LEADING = 1.15
CARD_PAD_X, CARD_PAD_Y = 11.0, 7.0


class Detail(Enum):
    FULL = "full"
    """Everything: title, holder, grade, cost, badges."""
    TITLE = "title"
    """The title alone, in larger type."""
    BOX = "box"
    """A plain box: the group labels say what is where."""


def title_pixels(scale: float, card_height: float) -> float:
    """The em of the title a card paints at `scale`, in scene units; 0 when it paints none."""
    full = pixels_of(TITLE_PT)
    if full * scale >= READABLE_PX:
        return full
    largest = (card_height - 2 * CARD_PAD_Y) / TITLE_LEADING
    wanted = max(READABLE_PX, 11.0) / scale if scale > 0 else largest
    size = min(wanted, largest)
    return size if size * scale >= READABLE_PX else 0.0


def card_detail(scale: float, card_height: float) -> Detail:
    size = title_pixels(scale, card_height)
    if size == 0.0:
        return Detail.BOX
    return Detail.FULL if size == pixels_of(TITLE_PT) else Detail.TITLE
