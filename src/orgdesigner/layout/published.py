"""What a layout gives its readers: `Layout` (every card, box and line, and questions about where they are)
and `LayoutDelta` (what an update changed).

A layout kept up to date edit by edit (`incremental.py`) may hold branches that moved whole without their
cards being placed again: its `Layout` then looks each card and line up where it is now, and answers
"what is in this rectangle" by walking down only the blocks that meet it. Such a layout is good until the
next update, and says so if read after it.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol, TypeVar

from .geometry import Box, Rect
from .options import LayoutOptions
from .routes import LineRoute
from .tree import ROOT, Block, TreeShape

K = TypeVar("K")
V = TypeVar("V")
LineKey = tuple[str, str, str]
"""(manager, report, "line" or "dotted")."""


class Layout:
    """Rectangles for the cards and group boxes, and the lines' routes."""

    def __init__(self, cards: Mapping[str, Rect], groups: dict[str, Rect], routes: Mapping[LineKey, LineRoute],
                 bounds: Rect, order: dict[str, int], finder: Live | None = None) -> None:
        self.cards = cards
        """Post id to card rectangle, for every post shown (all but those folded away or outside a focus)."""
        self.groups = groups
        """Group id to box, for every group shown."""
        self.routes = routes
        self.bounds = bounds
        """Encloses every card, box and line; an empty rectangle at the origin for an empty structure."""
        self._order = order
        self._source = finder
        self._version = finder.version if finder is not None else 0

    @property
    def _finder(self) -> Live:
        """The layout kept up to date that made this one, while this one is its latest."""
        source = self._source
        if source is None:
            raise ValueError("a layout laid out on its own (a trial) answers no questions about where things are")
        if source.version != self._version:
            raise RuntimeError("a layout was read after a later update")
        return source

    def cards_in(self, box: Box, most: int | None = None) -> list[str] | None:
        """The posts whose cards meet `box`; None when there are more than `most`."""
        return self._finder.cards_in(box, most)

    def lines_in(self, box: Box) -> list[LineKey]:
        """At least the lines that meet `box`."""
        return self._finder.lines_in(box)

    def parent(self, post_id: str) -> str | None:
        """The post's manager in the tidy tree; None at the top."""
        parent = self._finder.parent.get(post_id)
        return None if parent == ROOT else parent

    def size(self, post_id: str) -> int:
        """How many cards the post's branch shows (itself included)."""
        return self._finder.blocks[post_id].size

    def origin(self, post_id: str) -> tuple[float, float]:
        """The top left of the post's branch (its block) where it is now."""
        return self._finder.origin_now(post_id)

    def extent(self, post_id: str) -> Box:
        """Left, top, right and bottom of what the post's branch draws, from its block's top left."""
        return self._finder.blocks[post_id].extent

    def branch(self, root: str, stop: Container[str] | None = None, lines: bool = True) -> tuple[
            list[tuple[str, float, float]], list[tuple[LineRoute, float, float]]]:
        """The cards of the post's branch, each (post, left, top), and (unless `lines` is False) its solid lines,
        each with how far its route is to be moved (see `IncrementalLayout.branch`); not the branches of the
        posts in `stop`, but the lines to them."""
        return self._finder.branch(root, stop, lines)

    def card_size(self) -> tuple[float, float]:
        """The cards' width and height (every card of a layout is the same size)."""
        options = self._finder.options
        return options.card_width, options.card_height

    def card_corners(self) -> list[tuple[float, float]]:
        """The top left of every card where it is now (all cards are the same size), quickly: branches that
        moved whole are not looked up card by card, their blocks keep their cards' places."""
        finder = self._finder
        if not finder.pending or finder.hand_placed:
            return [(r.x, r.y) for r in self.cards.values()]
        return finder.corners(ROOT)

    def loose(self) -> tuple[list[LineKey], dict[str, Rect]]:
        """The lines that do not follow the tidy tree (dotted, to hand-placed cards) and the hand-placed cards."""
        return list(self._finder.loose), dict(self._finder.hand_placed)

    @property
    def tops(self) -> list[str]:
        """The posts at the top of the tidy tree shown (and those on reporting cycles, below the trees)."""
        return [kid for kid, _, _ in self._finder.blocks[ROOT].kids]

    def reports(self, post_id: str) -> list[str]:
        """The post's reports shown in the tidy tree."""
        return list(self._finder.shape.children.get(post_id, ()))

    def below(self, post_id: str) -> list[str]:
        """The post and every post shown under it in the tidy tree, each before its reports."""
        children = self._finder.shape.children
        order: list[str] = []
        stack = [post_id]
        while stack:
            post = stack.pop()
            order.append(post)
            stack.extend(reversed(children.get(post, ())))
        return order

    def lines_below(self, post_id: str) -> list[LineKey]:
        """The solid lines from the post and from every post under it to their reports shown."""
        children = self._finder.shape.children
        return [(manager, report, "line") for manager in self.below(post_id) for report in children.get(manager, ())]

    @cached_property
    def lines(self) -> list[LineRoute]:
        """Solid lines first, then dotted lines, each in post order."""
        if self._source is not None:
            self._finder  # the order is kept up to date in place: read only while this layout is the latest
        order = self._order
        return sorted(self.routes.values(), key=lambda r: (r.kind != "line", order[r.report],
                                                           order[r.manager] if r.kind == "dotted" else 0))


@dataclass
class LayoutDelta:
    """What an update changed: items to move, add or remove (look each up in the new `Layout`)."""

    cards: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    lines: set[LineKey] = field(default_factory=set)
    shifted: dict[str, tuple[float, float]] = field(default_factory=dict)
    """Branches moved whole, by how much: the post, every post shown under it (`Layout.below`) and the solid
    lines among them (`Layout.lines_below`) moved by that much and are not named in `cards` and `lines`."""




class Live(Protocol):
    """What a `Layout` asks of the layout kept up to date that made it (`IncrementalLayout`)."""

    version: int
    options: LayoutOptions
    cards: dict[str, Rect]
    routes: dict[LineKey, LineRoute]
    parent: dict[str, str]
    blocks: dict[str, Block]
    shape: TreeShape
    pending: dict[str, tuple[float, float]]
    loose: set[LineKey]
    hand_placed: dict[str, Rect]

    def card(self, post_id: str) -> Rect | None: ...

    def route(self, key: LineKey) -> LineRoute: ...

    def origin_now(self, post_id: str) -> tuple[float, float]: ...

    def cards_in(self, box: Box, most: int | None = None) -> list[str] | None: ...

    def lines_in(self, box: Box) -> list[LineKey]: ...

    def branch(self, root: str, stop: Container[str] | None = None, lines: bool = True) -> tuple[
            list[tuple[str, float, float]], list[tuple[LineRoute, float, float]]]: ...

    def corners(self, post_id: str) -> list[tuple[float, float]]: ...


class Resolved(Mapping[K, V]):
    """The cards (or lines) of a layout holding branches moved whole but not yet walked: what is `stored`, each
    looked up where it is now (`look_up`)."""

    def __init__(self, live: Live, stored: Mapping[K, V], look_up: Callable[[K], V | None]) -> None:
        self._live, self._stored, self._look_up = live, stored, look_up
        self._version = live.version

    def __getitem__(self, key: K) -> V:
        if self._live.version != self._version:
            raise RuntimeError("a layout was read after a later update")
        found = self._look_up(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[K]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)

    def __contains__(self, key: object) -> bool:
        return key in self._stored


def route_box(points: list[tuple[float, float]], dx: float = 0.0, dy: float = 0.0) -> Box:
    """The box around a route's points (at least one), moved by `dx`, `dy`."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs) + dx, min(ys) + dy, max(xs) + dx, max(ys) + dy


def route_meets(points: list[tuple[float, float]], box: Box) -> bool:
    """Whether the box around `points` meets `box`."""
    if not points:
        return False
    left, top, right, bottom = route_box(points)
    return left <= box[2] and right >= box[0] and top <= box[3] and bottom >= box[1]
