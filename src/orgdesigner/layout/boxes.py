"""Group boxes: each encloses its member cards and nested groups' boxes, with padding and a header band.

A group with no posts anywhere inside it still gets a box, big enough to drop a card into:
inside its enclosing group, below that group's contents, or in a column beside the chart
for a top-level group. Such a box keeps the group's hand-placed position when there is one.
A group with posts follows its posts; its own `position` is not used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from operator import add, attrgetter

from ..model import Group
from .geometry import Rect, bounding
from .nesting import GroupNesting
from .options import LayoutOptions

Extent = list[float]
"""[left, top, right, bottom], grown in place."""
_X, _Y, _WIDTH, _HEIGHT = attrgetter("x"), attrgetter("y"), attrgetter("width"), attrgetter("height")


def group_boxes(groups: Mapping[str, Group], nesting: GroupNesting, member_cards: Iterable[tuple[str | None, Rect]],
                options: LayoutOptions) -> dict[str, Rect]:
    """Boxes for all groups; `member_cards` gives every post's card with the post's group."""
    cards: list[Rect] = []
    members: dict[str, list[Rect]] = {}
    for group_id, card in member_cards:
        cards.append(card)
        if group_id is not None and group_id in groups:
            members.setdefault(group_id, []).append(card)
    content: dict[str, Extent] = {group_id: _extent(rects) for group_id, rects in members.items()}
    nested: dict[str, list[str]] = {group_id: [] for group_id in groups}
    for group_id in groups:
        parent = nesting.parent(group_id)
        if parent is not None:
            nested[parent].append(group_id)

    boxes: dict[str, Rect] = {}
    sizes: dict[str, tuple[float, float]] = {}  # of the groups with no posts inside
    for group_id in sorted(groups, key=lambda g: -len(nesting.chain(g))):  # innermost first
        extent = content.get(group_id)
        if extent is None:
            sizes[group_id] = _empty_size([sizes[k] for k in nested[group_id]], options)
            continue
        empty = [kid for kid in nested[group_id] if kid in sizes]
        _stack_empties(empty, (extent[0], extent[3]), groups, nested, sizes, boxes, options)
        for kid in empty:
            _grow_extent(extent, boxes[kid])
        boxes[group_id] = _frame(extent, options)
        parent = nesting.parent(group_id)
        if parent is not None:
            _grow(content, parent, boxes[group_id])

    top_level = [g for g in groups if g in sizes and nesting.parent(g) is None]
    if top_level:
        chart = bounding([*cards, *boxes.values()])
        beside = (chart.right + options.h_gap, chart.y - options.stack_gap) if chart else (0.0, -options.stack_gap)
        _stack_empties(top_level, beside, groups, nested, sizes, boxes, options)
    return boxes


def group_box(group_id: str, member_cards: Iterable[Rect], nested: list[str], boxes: Mapping[str, Rect],
              options: LayoutOptions) -> Rect:
    """The box of a group with posts inside, from its own members' cards and its nested groups'
    boxes, when none of those nested groups is empty (else `group_boxes` places them too)."""
    rects = [*member_cards, *(boxes[kid] for kid in nested)]
    if not rects:
        raise ValueError(f"group {group_id!r} has nothing inside")
    return _frame(_extent(rects), options)


def framed(group_id: str, span: tuple[float, float, float, float] | None, nested_boxes: list[Rect],
           options: LayoutOptions) -> Rect:
    """What `group_box` gives from the left, top, right and bottom of the group's own members' cards (None:
    no card directly in it) instead of the cards themselves."""
    extent = list(span) if span is not None else None
    for box in nested_boxes:
        if extent is None:
            extent = [box.x, box.y, box.right, box.bottom]
        else:
            _grow_extent(extent, box)
    if extent is None:
        raise ValueError(f"group {group_id!r} has nothing inside")
    return _frame(extent, options)


def _extent(rects: list[Rect]) -> Extent:
    """The left, top, right and bottom of some rectangles (at least one); thousands of cards: each edge in
    one pass at C speed."""
    xs, ys = list(map(_X, rects)), list(map(_Y, rects))
    return [min(xs), min(ys), max(map(add, xs, map(_WIDTH, rects))), max(map(add, ys, map(_HEIGHT, rects)))]


def _stack_empties(group_ids: list[str], corner: tuple[float, float], groups: Mapping[str, Group],
                   nested: dict[str, list[str]], sizes: dict[str, tuple[float, float]], boxes: dict[str, Rect],
                   options: LayoutOptions) -> None:
    """Box empty groups one under another below `corner`; a hand-placed one goes where it was put."""
    x, y = corner
    for group_id in group_ids:
        origin = _hand_placed(groups[group_id], options)
        if origin is None:
            origin = (x, y + options.stack_gap)
            y = origin[1] + sizes[group_id][1]
        _place_empty(group_id, origin, nested, sizes, boxes, options)


def _grow(content: dict[str, Extent], group_id: str, rect: Rect) -> None:
    extent = content.get(group_id)
    if extent is None:
        content[group_id] = [rect.x, rect.y, rect.right, rect.bottom]
    else:
        _grow_extent(extent, rect)


def _grow_extent(extent: Extent, rect: Rect) -> None:
    extent[0], extent[1] = min(extent[0], rect.x), min(extent[1], rect.y)
    extent[2], extent[3] = max(extent[2], rect.right), max(extent[3], rect.bottom)


def _frame(extent: Extent, options: LayoutOptions) -> Rect:
    pad, header = options.group_padding, options.group_header
    return Rect(extent[0] - pad, extent[1] - pad - header,
                extent[2] - extent[0] + 2 * pad, extent[3] - extent[1] + 2 * pad + header)


def _empty_size(nested: list[tuple[float, float]], options: LayoutOptions) -> tuple[float, float]:
    """A card-sized slot, or the nested empty boxes one under another, framed like any group."""
    if nested:
        inner_w = max(w for w, _ in nested)
        inner_h = sum(h for _, h in nested) + options.stack_gap * (len(nested) - 1)
    else:
        inner_w, inner_h = options.card_width, options.card_height
    pad = options.group_padding
    return inner_w + 2 * pad, inner_h + 2 * pad + options.group_header


def _hand_placed(group: Group, options: LayoutOptions) -> tuple[float, float] | None:
    if options.use_manual_positions and group.position is not None:
        return group.position.x, group.position.y
    return None


def _place_empty(group_id: str, origin: tuple[float, float], nested: dict[str, list[str]],
                 sizes: dict[str, tuple[float, float]], boxes: dict[str, Rect], options: LayoutOptions) -> Rect:
    """Box an empty group with its top-left at `origin`, and its nested (empty) groups inside it."""
    pending = [(group_id, *origin)]
    while pending:
        current, left, top = pending.pop()
        width, height = sizes[current]
        boxes[current] = Rect(left, top, width, height)
        inner_y = top + options.group_header + options.group_padding
        for kid in nested[current]:
            pending.append((kid, left + options.group_padding, inner_y))
            inner_y += sizes[kid][1] + options.stack_gap
    return boxes[group_id]
