"""Walking the chart from the keyboard: up to the manager, down to the first report, left and right to
the siblings (in chart order), over the posts shown (folded and out-of-focus posts are skipped)."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt

from ...model import Structure

STEPS = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down", Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right"}


def step(structure: Structure, shown: Collection[str], post_id: str, direction: str) -> str | None:
    """The post one step from `post_id` in `direction` ("up", "down", "left", "right"), or None at an end."""
    post = structure.posts.get(post_id)
    if post is None:
        return None
    if direction == "up":
        return post.reports_to if post.reports_to in shown else None
    order = {p: i for i, p in enumerate(structure.posts)}
    if direction == "down":
        reports = sorted((r for r in structure.reports_of(post_id) if r in shown), key=order.__getitem__)
        return reports[0] if reports else None
    if post.reports_to is not None and post.reports_to in shown:
        siblings = [r for r in structure.reports_of(post.reports_to) if r in shown]
    else:  # a top post (or the post in focus): the other top posts shown
        siblings = [p for p in shown if structure.posts[p].reports_to not in shown]
    siblings.sort(key=order.__getitem__)
    at = siblings.index(post_id)
    nxt = at + (1 if direction == "right" else -1)
    return siblings[nxt] if 0 <= nxt < len(siblings) else None


def first_post(structure: Structure, shown: Collection[str]) -> str | None:
    """Where a walk starts when nothing is selected: the first top post shown."""
    return next((p for p in structure.posts if p in shown and structure.posts[p].reports_to not in shown), None)
