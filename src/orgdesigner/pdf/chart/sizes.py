"""The chart's type sizes, in chart units (points at scale 1): written here once for the cards, the group
names and the dotted lines' labels (`cards.py`, `labels.py`) and the slides drawn from them."""

from __future__ import annotations

SMALL_SIZE, SMALL_LEADING = 7.5, 8.7
"""A card's rows under its title (name, grade, cost), its tabs and notes, and a dotted line's label."""
TITLE_STEPS = [(8.2, 9.2, 3), (SMALL_SIZE, 8.2, 4)]
"""Size, leading and most lines for a card's title: a title too long for the first is set in the second."""
TITLE_SIZE = min(size for size, _, _ in TITLE_STEPS)
"""The smallest a card's title is set."""
GROUP_SIZE = 8.0
"""A group's name in its box's header band (bold)."""
GROUP_HEADER = 17.0
"""The height of a group box's header band, which holds its name."""
PAD_X, PAD_Y = 6.0, 5.0
"""Room inside a card round its words, and before a group's name in its header band."""
