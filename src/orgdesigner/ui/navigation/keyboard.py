"""Walking the chart from the keyboard: up to the manager, down to the first report, left and right to
the siblings, Tab and Shift+Tab to the next and previous card reading down each branch in turn (in the order the chart shows them: column by column, top to bottom in a column), over the
posts shown (folded and out-of-focus posts are skipped)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt

from ...layout.geometry import Rect
from ...model import Structure

STEPS = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down", Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right"}


def _in_chart_order(posts: list[str], shown: Mapping[str, Rect]) -> list[str]:
    """Left to right, and down a column of stacked reports before the next column."""
    return sorted(posts, key=lambda p: (round(shown[p].x), shown[p].y))


def step(structure: Structure, shown: Mapping[str, Rect], post_id: str, direction: str) -> str | None:
    """The post one step from `post_id` in `direction` ("up", "down", "left", "right"), or None at an end.
    `shown` holds the cards shown and where they are."""
    post = structure.posts.get(post_id)
    if post is None or post_id not in shown:
        return None
    if direction == "up":
        return post.reports_to if post.reports_to in shown else None
    if direction == "down":
        reports = _in_chart_order([r for r in structure.reports_of(post_id) if r in shown], shown)
        return reports[0] if reports else None
    if post.reports_to is not None and post.reports_to in shown:
        siblings = [r for r in structure.reports_of(post.reports_to) if r in shown]
    else:  # a top post (or the post in focus): the other top posts shown
        siblings = [p for p in shown if structure.posts[p].reports_to not in shown]
    siblings = _in_chart_order(siblings, shown)
    at = siblings.index(post_id)
    nxt = at + (1 if direction == "right" else -1)
    return siblings[nxt] if 0 <= nxt < len(siblings) else None


def first_post(structure: Structure, shown: Mapping[str, Rect]) -> str | None:
    """Where a walk starts when nothing is selected: the first top post shown, from the left."""
    tops = [p for p in shown if p in structure.posts and structure.posts[p].reports_to not in shown]
    return _in_chart_order(tops, shown)[0] if tops else None


def reading_order(structure: Structure, shown: Mapping[str, Rect]) -> list[str]:
    """The posts shown, each followed by its branch (reports in chart order): the order Tab goes through."""
    reports: dict[str | None, list[str]] = {}
    for post_id in shown:
        post = structure.posts.get(post_id)
        if post is not None:
            reports.setdefault(post.reports_to if post.reports_to in shown else None, []).append(post_id)
    order: list[str] = []
    stack = list(reversed(_in_chart_order(reports.get(None, []), shown)))
    while stack:
        post_id = stack.pop()
        order.append(post_id)
        stack.extend(reversed(_in_chart_order(reports.get(post_id, []), shown)))
    return order


class ReadingOrder:
    """The order Tab goes through, worked out once per layout: a press looks its card up in it rather than
    sorting every card shown. `invalidate` when the layout changes (an edit, folding, focus, another
    structure shown)."""

    def __init__(self) -> None:
        self._order: list[str] | None = None
        self._at: dict[str, int] = {}

    def invalidate(self) -> None:
        self._order = None

    def next(self, structure: Structure, shown: Mapping[str, Rect], post_id: str | None,
             backwards: bool = False) -> str | None:
        """The card after (or before) `post_id` in reading order; the first (or last) card when `post_id` is None
        or not shown; None past either end."""
        if self._order is None:
            self._order = reading_order(structure, shown)
            self._at = {post: index for index, post in enumerate(self._order)}
        order = self._order
        if not order:
            return None
        at = self._at.get(post_id) if post_id is not None else None
        if at is None:
            return order[-1] if backwards else order[0]
        at += -1 if backwards else 1
        return order[at] if 0 <= at < len(order) else None
