"""Align and distribute cards: each card placed by hand where the arrangement puts it.

The window passes the cards' top-left corners as drawn and their size (the layout's card size),
since the model holds positions only for cards placed by hand.
"""

from __future__ import annotations

from typing import Literal

from ..model import EditRefused, Position, Structure
from .edit import Plan, builder
from .operations import Operation, UpdatePost

Corner = tuple[float, float]
Edge = Literal["left", "centre", "right", "top", "middle", "bottom"]
Axis = Literal["horizontal", "vertical"]

EDGES: tuple[Edge, ...] = ("left", "centre", "right", "top", "middle", "bottom")


@builder
def align_posts(structure: Structure, /, corners: dict[str, Corner], edge: Edge) -> Plan:
    """Line the cards up on the edge (or centre line) of the outermost of them: lefts with the
    leftmost left, tops with the topmost top, centres on the middle of the selection's extent
    (every card has the same size, so its edges move with its corner)."""
    _need(corners, 2, "align")
    xs, ys = [x for x, _ in corners.values()], [y for _, y in corners.values()]
    placed: dict[str, Corner] = {}
    for post_id, (x, y) in corners.items():
        if edge == "left":
            placed[post_id] = (min(xs), y)
        elif edge == "right":
            placed[post_id] = (max(xs), y)
        elif edge == "centre":
            placed[post_id] = ((min(xs) + max(xs)) / 2, y)
        elif edge == "top":
            placed[post_id] = (x, min(ys))
        elif edge == "bottom":
            placed[post_id] = (x, max(ys))
        elif edge == "middle":
            placed[post_id] = (x, (min(ys) + max(ys)) / 2)
        else:
            raise EditRefused(f"cards cannot be aligned by {edge!r}; use one of {', '.join(EDGES)}")
    names = {"left": "left edges", "right": "right edges", "centre": "centres", "top": "tops", "bottom": "bottoms",
             "middle": "middles"}
    return Plan(f"Align {len(corners)} posts by their {names[edge]}", _pin(structure, corners, placed))


@builder
def distribute_posts(structure: Structure, /, corners: dict[str, Corner], size: tuple[float, float],
                     axis: Axis) -> Plan:
    """Space the cards evenly between the two outermost along the axis, in their present order; where
    they would not fit edge to edge, they are spaced edge to edge from the first."""
    _need(corners, 3, "distribute")
    if axis not in ("horizontal", "vertical"):
        raise EditRefused(f"cards are distributed horizontally or vertically, not {axis!r}")
    width, height = size
    along = 0 if axis == "horizontal" else 1
    ordered = sorted(corners, key=lambda post_id: (corners[post_id][along], post_id))
    first, last = corners[ordered[0]][along], corners[ordered[-1]][along]
    step = max((last - first) / (len(ordered) - 1), width if along == 0 else height)
    placed: dict[str, Corner] = {}
    for index, post_id in enumerate(ordered):
        x, y = corners[post_id]
        value = first + index * step
        placed[post_id] = (value, y) if along == 0 else (x, value)
    return Plan(f"Distribute {len(corners)} posts {axis}ly", _pin(structure, corners, placed))


def _need(corners: dict[str, Corner], count: int, verb: str) -> None:
    if len(corners) < count:
        raise EditRefused(f"select at least {count} posts to {verb}")


def _pin(structure: Structure, corners: dict[str, Corner], placed: dict[str, Corner]) -> list[Operation]:
    operations: list[Operation] = []
    for post_id, (x, y) in placed.items():
        structure.post(post_id)  # refuses an unknown post
        position = Position(x=round(x, 1), y=round(y, 1))
        if corners[post_id] != (x, y) or structure.posts[post_id].position is None:
            operations.append(UpdatePost(post_id, {"position": position}))
    return operations
