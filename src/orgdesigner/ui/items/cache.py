"""Room in Qt's pixmap cache for the cached pictures of a chart's cards.

Cards keep a picture of themselves at the screen's scale, so repainting around them calls no
Python. Qt counts every cached picture as at least 1 KB, however small, and keeps 10 MB by
default: a chart of several thousand posts zoomed to fit would overflow it, and every repaint
would then draw each card afresh. The cache is sized by the number of cards instead.
"""

from __future__ import annotations

from PySide6.QtGui import QPixmapCache

DEFAULT_KB = 10 * 1024
"""Qt's own limit, kept for small charts."""
PER_CARD_KB = 2
"""1 KB for a card's picture when the chart is fitted to the window, and as much again shared
by the pictures of the cards one is zoomed in on."""


def make_room(cards: int) -> None:
    """Let every one of `cards` keep its picture."""
    QPixmapCache.setCacheLimit(max(DEFAULT_KB, cards * PER_CARD_KB))
