"""compute_layout: the one layout both the canvas and the PDF draw from."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Post, Structure
from .boxes import group_boxes
from .geometry import Rect, bounding
from .hierarchy import build_forest
from .nesting import GroupNesting
from .options import LayoutOptions
from .routes import LineRoute, column_route, dotted_route, solid_route, spine_route
from .tree import TreePlacement, place_forest
from .visibility import shown_groups, shown_posts


@dataclass
class Layout:
    cards: dict[str, Rect]
    """Post id to card rectangle, for every post shown (all but those folded away or outside a focus)."""
    groups: dict[str, Rect]
    """Group id to box, for every group shown."""
    lines: list[LineRoute]
    bounds: Rect
    """Encloses every card, box and line; an empty rectangle at the origin for an empty structure."""


def compute_layout(structure: Structure, options: LayoutOptions | None = None) -> Layout:
    """Lay the structure out: a tidy tree of line management, with hand-placed cards kept
    where the user put them unless `options.use_manual_positions` is off."""
    o = options or LayoutOptions()
    if o.folded:  # a folded manager still reads as one: never stacked as if it managed no one
        o = replace(o, continued=o.continued | o.folded)
    posts = shown_posts(structure, o)
    nesting = GroupNesting(structure.groups)
    chains = [nesting.chain(post.group) for post in posts]
    placement = place_forest(build_forest(structure, posts), chains, o)

    manual: list[bool] = []
    cards: dict[str, Rect] = {}
    for i, post in enumerate(posts):
        pinned = post.position if o.use_manual_positions else None
        manual.append(pinned is not None)
        x, y = (pinned.x, pinned.y) if pinned is not None else (placement.x[i], placement.y[i])
        cards[post.id] = Rect(x, y, o.card_width, o.card_height)

    lines = _line_routes(posts, cards, placement, manual, o)
    groups = group_boxes(shown_groups(structure, nesting, posts, o), nesting, ((post.group, cards[post.id]) for post in posts), o)
    return Layout(cards, groups, lines, _bounds(cards, groups, lines))


def _bounds(cards: dict[str, Rect], groups: dict[str, Rect], lines: list[LineRoute]) -> Rect:
    boxes = bounding([*cards.values(), *groups.values()])
    xs = [x for route in lines for x, _ in route.points]
    ys = [y for route in lines for _, y in route.points]
    if xs:
        reach = Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        boxes = boxes.union(reach) if boxes else reach
    return boxes or Rect(0.0, 0.0, 0.0, 0.0)


def _line_routes(posts: list[Post], cards: dict[str, Rect], placement: TreePlacement, manual: list[bool],
                 o: LayoutOptions) -> list[LineRoute]:
    """Solid lines first, then dotted lines, each in post order.

    The tidy routes (shared bus, compact spine) only fit when both cards are where the tree
    put them; a line touching a hand-placed card takes the plain route between the two.
    """
    index = {post.id: i for i, post in enumerate(posts)}
    lines: list[LineRoute] = []
    for i, post in enumerate(posts):
        if post.reports_to is None or (boss := index.get(post.reports_to)) is None or boss == i:
            continue
        manager, report = cards[post.reports_to], cards[post.id]
        tidy = not (manual[i] or manual[boss])
        spine, bus = placement.spine[i], placement.bus[boss]
        if tidy and spine is not None and bus is not None:  # a leaf column always hangs from its manager's bus
            points = column_route(manager, report, bus, spine)
        elif tidy and placement.stacked[i]:
            points = spine_route(manager, report, o.stack_indent, o.stack_gap)
        else:
            points = solid_route(manager, report, bus if tidy else None, o.v_gap / 2)
        lines.append(LineRoute(post.reports_to, post.id, "line", points))
    for post in posts:
        drawn: set[str] = set()
        for dotted in post.dotted:
            if dotted.manager in cards and dotted.manager != post.id and dotted.manager not in drawn:
                drawn.add(dotted.manager)
                points = dotted_route(cards[dotted.manager], cards[post.id], o.h_gap / 2)
                lines.append(LineRoute(dotted.manager, post.id, "dotted", points, dotted.label))
    return lines
