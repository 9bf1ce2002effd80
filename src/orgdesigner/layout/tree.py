"""Tidy top-down placement of the line-management forest as nested blocks.

Every subtree is measured bottom-up as a block: its width and height, where the root's card
sits in it, and where each report's own block sits relative to it. A block depends only on
the blocks below it, so after an edit only the blocks on the changed chains of command are
measured again (`incremental.py`); absolute positions are the sum of the offsets down the tree.

Inside a block, a manager's reports hang below its card:
- in a compact layout, reports who manage no one are stacked one under another (in columns
  of `stack_rows`), also beside spread managers when `leaf_column` is on;
- the other reports' blocks are spread in a row; with `wrap_aspect`, a row wider than a block
  of that shape wraps onto further rows, reached by a trunk line down the block's left side;
- posts marked as assistants sit beside their manager's card, not among its reports.
Sibling blocks never share columns (or, when wrapped, rows), so cards cannot overlap, and a
report that starts new groups gets their padding on both sides of its block and room for the
header bands above its row. No recursion: trees of any depth are walked with explicit stacks.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .nesting import Chain, crossings
from .options import LayoutOptions

ROOT = ""
"""The block holding the forest's trees (no post has an empty id)."""
Span = tuple[float, float, float, float]


@dataclass
class Route:
    """How a report's line leaves its manager, in the manager's block coordinates."""

    kind: str
    """"stack" (spine from the manager), "column" (bus, then a leaf column's spine), "side" (an
    assistant beside the card), "row" (the bus above the report's row)."""
    x: float = 0.0
    """For "column": the spine's x."""
    bus: float = 0.0
    """For "column" and "row": the height of the bus the report hangs from."""


@dataclass
class Block:
    width: float
    height: float
    card_x: float
    """Left of the root's card in the block; its top is the block's top."""
    kids: list[tuple[str, float, float]] = field(default_factory=list)
    """Each report shown and where its block's top-left sits in this one."""
    routes: dict[str, Route] = field(default_factory=dict)
    trunk: float | None = None
    """When the reports wrap onto several rows: the x of the trunk line down to them."""
    first_bus: float | None = None
    """The bus above the first row of spread reports (lines to later rows leave along it)."""
    deep: int = 0
    """The most groups around any card in the block."""
    extent: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    """Left, top, right, bottom of what is drawn in the block: cards, trunks and column spines."""
    size: int = 1
    """How many cards the block holds."""
    corners: list[tuple[float, float]] | None = field(default=None, repr=False, compare=False)
    """The top left of each of its cards, from the block's top left, once asked for (the chart's overview)."""
    spans: dict[str, Span] | None = field(default=None, repr=False, compare=False)
    """Each group with a card in the block directly in it: the left, top, right and bottom of those cards, once
    asked for (`BlockMeasure.spans`). A group's box frames its span in the whole chart's block, so a branch
    moving whole costs no box any work."""


@dataclass
class _Unit:
    """Something spread in a row: a report's block or a leaf column."""

    kids: list[tuple[str, float, float]]
    width: float
    height: float
    margin: float
    card_left: float
    card_right: float
    key: str | None
    chain: Chain
    deep: int
    column: list[str] = field(default_factory=list)


def lacking(blocks: Mapping[str, Block], post: str, has: Callable[[Block], bool]) -> list[str]:
    """The post and the posts below it whose blocks lack something (`has` says what), each after its reports'
    (so each can be made from theirs); a block that has it is not looked below."""
    found: list[str] = []
    stack = [post]
    while stack:
        current = stack.pop()
        if not has(blocks[current]):
            found.append(current)
            stack.extend(kid for kid, _, _ in blocks[current].kids)
    found.reverse()
    return found


class TreeShape:
    """The reporting tree as the layout sees it, kept up to date by the incremental layout."""

    def __init__(self) -> None:
        self.children: dict[str, list[str]] = {ROOT: []}
        """Reports shown under each post (none under a folded one); ROOT's are the trees' tops."""
        self.cycle_tops: list[str] = []
        """Posts in reporting cycles: laid out in a band below the trees."""
        self.chain: dict[str, Chain] = {ROOT: ()}
        self.assistant: dict[str, bool] = {}
        self.managing: set[str] = set()
        """Posts with reports not shown here (folded, or continued on another page): never stacked."""


class BlockMeasure:
    """Measures one block from its reports' blocks."""

    def __init__(self, options: LayoutOptions, shape: TreeShape, blocks: Mapping[str, Block]) -> None:
        self.o = options
        self.shape = shape
        self.blocks = blocks

    def measure(self, post: str) -> Block:
        o = self.o
        if not self.shape.children[post] and post != ROOT:  # most posts: a card alone
            return Block(o.card_width, o.card_height, 0.0, deep=len(self.shape.chain[post]),
                         extent=(0.0, 0.0, o.card_width, o.card_height))
        block = self._measure(post)
        if post == ROOT:
            x0, y0, x1, y1 = (math.inf, math.inf, -math.inf, -math.inf)
        else:
            x0, y0, x1, y1 = block.card_x, 0.0, block.card_x + o.card_width, o.card_height
        if block.trunk is not None:
            x0 = min(x0, block.trunk)
        for route in block.routes.values():
            if route.kind == "column":
                x0 = min(x0, route.x)
        blocks = self.blocks
        size = 0 if post == ROOT else 1
        for kid, dx, dy in block.kids:
            below = blocks[kid]
            size += below.size
            e = below.extent
            x0, y0, x1, y1 = min(x0, e[0] + dx), min(y0, e[1] + dy), max(x1, e[2] + dx), max(y1, e[3] + dy)
        block.extent = (x0, y0, x1, y1) if x0 != math.inf else (0.0, 0.0, 0.0, 0.0)
        block.size = size
        return block

    def spans(self, post: str) -> dict[str, Span]:
        """The block's spans (see `Block.spans`), made for it and every block below it that lacks them, each
        block's reports first (a block measured again is a new block, without them)."""
        blocks, chains = self.blocks, self.shape.chain
        width, height = self.o.card_width, self.o.card_height
        for current in lacking(blocks, post, lambda block: block.spans is not None):
            block = blocks[current]
            spans: dict[str, Span] = {}
            chain = chains.get(current, ())
            if current != ROOT and chain:
                spans[chain[-1]] = (block.card_x, 0.0, block.card_x + width, height)
            for kid, dx, dy in block.kids:
                for group, (a, b, c, d) in (blocks[kid].spans or {}).items():
                    span = spans.get(group)
                    if span is None:
                        spans[group] = (a + dx, b + dy, c + dx, d + dy)
                    else:
                        spans[group] = (min(span[0], a + dx), min(span[1], b + dy), max(span[2], c + dx),
                                        max(span[3], d + dy))
            block.spans = spans
        return blocks[post].spans or {}

    def _measure(self, post: str) -> Block:
        o, shape = self.o, self.shape
        kids = shape.children[post]
        chain = shape.chain[post]
        if post == ROOT:
            return self._spread(post, chain, [], kids, [], head_w=0.0, head_h=0.0, has_card=False,
                                cycle=shape.cycle_tops)
        beside = [k for k in kids if shape.assistant.get(k) and shape.chain[k] == chain]
        rest = [k for k in kids if k not in beside] if beside else kids
        head_w, head_h = o.card_width, o.card_height
        placed_beside: list[tuple[str, float, float]] = []
        for kid in beside:
            block = self.blocks[kid]
            placed_beside.append((kid, head_w + o.h_gap, 0.0))
            head_w += o.h_gap + block.width
            head_h = max(head_h, block.height)
        leaves = [k for k in rest if not shape.children[k] and k not in shape.managing]
        if o.compact and rest and len(leaves) == len(rest):
            return self._stacked(post, chain, placed_beside, rest, head_w, head_h)
        column = leaves if o.compact and o.leaf_column and len(leaves) > 1 else []
        spread = [k for k in rest if k not in column] if column else rest
        return self._spread(post, chain, placed_beside, spread, column, head_w, head_h, has_card=True)

    # ----- stacks ------------------------------------------------------------------------

    def columns(self, base: Chain, kids: list[str]) -> list[tuple[str, int]]:
        """A stack's reports in the order they hang, each with its column.

        With no `stack_rows` limit: one column in post order. With one, reports are gathered by
        group (groups in the order they first come, nested groups after their parent). When they
        need more than one column, the reports in each group entered below `base` (the manager's
        groups) share a column with the groups before them if they fit whole in what is left of it,
        and otherwise start a column (ending one also where a group inside them changes, should
        they need more than one): every group's box stays clear of its neighbours'.
        """
        rows = self.o.stack_rows
        if rows <= 0:
            return [(kid, 0) for kid in kids]
        chains = self.shape.chain
        first_seen: dict[tuple[str, ...], int] = {}
        for kid in kids:
            for depth in range(len(chains[kid]) + 1):
                first_seen.setdefault(chains[kid][:depth], len(first_seen))
        ordered = sorted(kids, key=lambda kid: [first_seen[chains[kid][:d]] for d in range(len(chains[kid]) + 1)])
        runs: list[list[str]] = []  # the reports in each group entered below base, in order
        keys: list[Chain] = []
        for kid in ordered:
            chain = chains[kid]
            key = chain[:len(chain) - crossings(base, chain)[1] + 1]
            if keys and keys[-1] == key:
                runs[-1].append(kid)
            else:
                runs.append([kid])
                keys.append(key)
        plan: list[tuple[str, int]] = []
        column, count, split = 0, 0, False
        several = len(kids) > rows
        for run in runs:
            if plan and several and (split or len(run) > rows - count):
                column, count = column + 1, 0
            whole = len(run) <= rows - count
            first = column
            for index, kid in enumerate(run):
                if plan and (count == rows or several and not whole and index and chains[kid] != chains[run[index - 1]]):
                    column, count = column + 1, 0
                plan.append((kid, column))
                count += 1
            split = column != first
        return plan

    def pitch(self) -> float:
        """From one stack column's cards to the next's, leaving room for the next column's spine."""
        o = self.o
        return o.card_width + o.stack_indent + o.group_padding

    def _hang(self, base: Chain, kids: list[str], left: float, top: float, under_card: bool,
              place: Callable[[str, float, float], None]) -> tuple[float, float, float]:
        """Hang `kids` in indented columns from `left`: under a card (a gap below `top`, after room
        for the groups entered), or else with each column's first card at `top`. `place(kid, x, y)`
        records each. Returns (low x, high x, bottom), group margins included."""
        o, chains = self.o, self.shape.chain
        low, high, bottom = math.inf, -math.inf, top
        above: Chain | None = base if under_card else None
        level, previous = top, 0
        for kid, column in self.columns(base, kids):
            if column != previous:
                above, level, previous = (base if under_card else None), top, column
            if above is not None:
                closing, opening = crossings(above, chains[kid])
                level += o.stack_gap + closing * o.group_padding + opening * (o.group_header + o.group_padding)
            column_x = left + column * self.pitch()
            place(kid, column_x + o.stack_indent, level)
            margin = crossings(base, chains[kid])[1] * o.group_padding
            low, high = min(low, column_x + o.stack_indent - margin), max(high, column_x + o.stack_indent + o.card_width + margin)
            level += o.card_height
            bottom = max(bottom, level)
            above = chains[kid]
        return low, high, bottom

    def _stacked(self, post: str, chain: Chain, beside: list[tuple[str, float, float]], kids: list[str],
                 head_w: float, head_h: float) -> Block:
        """All the reports (but assistants) manage no one: stacked under the card."""
        placed: list[tuple[str, float, float]] = []
        routes: dict[str, Route] = {}

        def place(kid: str, x: float, y: float) -> None:
            placed.append((kid, x, y))
            routes[kid] = Route("stack")

        top = head_h if beside else self.o.card_height
        low, high, bottom = self._hang(chain, kids, 0.0, top, True, place)
        low, high = min(low, 0.0), max(high, head_w)
        for kid, _, _ in beside:
            routes[kid] = Route("side")
        deep = max([len(chain), *(len(self.shape.chain[k]) for k in kids), *(self.blocks[k].deep for k, _, _ in beside)])
        block = Block(high - low, max(bottom, head_h), -low, [], routes, deep=deep)
        block.kids = [(k, x - low, y) for k, x, y in [*beside, *placed]]
        return block

    # ----- spread rows -------------------------------------------------------------------

    def _units(self, chain: Chain, spread: list[str], column: list[str]) -> list[_Unit]:
        o, shape = self.o, self.shape
        units: list[_Unit] = []
        if column:
            margin = max(crossings(chain, shape.chain[k])[1] for k in column) * o.group_padding
            placed: list[tuple[str, float, float]] = []
            _, width, bottom = self._hang(chain, column, margin, 0.0, False,
                                          lambda kid, x, y: placed.append((kid, x, y)))
            deep = max(len(shape.chain[k]) for k in column)
            units.append(_Unit(placed, width, bottom, 0.0, margin, margin, None, chain, deep, column))
        for kid in spread:
            block = self.blocks[kid]
            kid_chain = shape.chain[kid]
            closing, opening = crossings(chain, kid_chain)
            margin = opening * o.group_padding
            key = kid_chain[len(chain) - closing] if opening else None
            units.append(_Unit([(kid, margin, 0.0)], block.width + 2 * margin, block.height, margin,
                               margin + block.card_x, margin + block.card_x + o.card_width, key, kid_chain,
                               block.deep))
        return units

    def _rows(self, units: list[_Unit], limit: float, break_at: int | None) -> list[list[_Unit]]:
        """Units in rows no wider than `limit`, a run of units entering the same group kept in
        rows of its own when it needs more than one (so no other card sits in its box)."""
        gap = self.o.h_gap
        rows: list[list[_Unit]] = [[]]
        width = 0.0
        i = 0
        while i < len(units):
            if break_at is not None and i == break_at and rows[-1]:
                rows.append([])
                width = 0.0
            key = units[i].key
            j = i + 1
            while key is not None and j < len(units) and units[j].key == key and j != break_at:
                j += 1
            run = units[i:j]
            run_width = sum(u.width for u in run) + gap * (len(run) - 1)
            if rows[-1] and width + gap + run_width > limit:
                rows.append([])
                width = 0.0
            if run_width <= limit or len(run) == 1:
                for unit in run:
                    width += (gap if rows[-1] else 0.0) + unit.width
                    rows[-1].append(unit)
            else:
                for unit in run:
                    if rows[-1] and (width + gap + unit.width > limit or unit.chain != rows[-1][-1].chain):
                        rows.append([])
                        width = 0.0
                    width += (gap if rows[-1] else 0.0) + unit.width
                    rows[-1].append(unit)
                rows.append([])
                width = 0.0
            i = j
        return [row for row in rows if row]

    def _limit(self, units: list[_Unit]) -> float:
        o = self.o
        if not o.compact or len(units) < 2 or not (o.wrap_aspect > 0 or o.wrap_width > 0):
            return math.inf
        limit = o.wrap_width if o.wrap_width > 0 else math.inf
        if o.wrap_aspect > 0:
            area = sum((u.width + o.h_gap) * (u.height + o.v_gap) for u in units)
            pitch = 4 * (o.card_width + o.h_gap)  # in steps, so one card more or less seldom re-wraps a row
            limit = min(limit, math.ceil(math.sqrt(area * o.wrap_aspect) / pitch) * pitch)
        return max(limit, max(u.width for u in units))

    def _spread(self, post: str, chain: Chain, beside: list[tuple[str, float, float]], spread: list[str],
                column: list[str], head_w: float, head_h: float, has_card: bool,
                cycle: list[str] | None = None) -> Block:
        o, shape = self.o, self.shape
        kids_all = [*spread, *(cycle or [])]
        units = self._units(chain, kids_all, column)
        routes: dict[str, Route] = {kid: Route("side") for kid, _, _ in beside}
        deep = max([len(chain), *(u.deep for u in units), *(self.blocks[k].deep for k, _, _ in beside)])
        if not units:
            return Block(head_w, head_h, 0.0, list(beside), routes, deep=deep)
        break_at = len(units) - len(cycle) if cycle and len(cycle) < len(units) else None
        limit = self._limit(units)
        inside = [u for u in units if u.column or crossings(chain, u.chain)[0] == 0]
        if has_card and inside and len(inside) < len(units):
            # The manager's group box holds its card and the reports still in its groups: those come
            # first, the card centres over them, and the others stand beside (wrapped: below), clear of the box.
            units = inside + [u for u in units if not (u.column or crossings(chain, u.chain)[0] == 0)]
            rows = self._rows(units, limit, None)
            if len(rows) > 1:
                rows = self._rows(units, limit, len(inside))
        else:
            inside = units
            rows = self._rows(units, limit, break_at)
        wrapped = len(rows) > 1 and has_card
        # The trunk down to wrapped rows runs in the gutter between the cards and the border of the manager's
        # group box round them (a group's padding from them), midway: along neither.
        lane = max(o.h_gap, o.group_padding) if wrapped else 0.0
        trunk = lane - (o.group_padding or lane) / 2
        placed: list[tuple[str, float, float]] = []
        upper_bottom, upper_deep = head_h, len(chain)
        first_bus: float | None = None
        right = 0.0
        span_start = span_end = 0.0  # the first row's cards, left to right: the manager's card centres over them
        for number, row in enumerate(rows):
            row_kids = [k for u in row for k in (u.column or [u.kids[0][0]])]
            shared = min(len(chain) - crossings(chain, shape.chain[k])[0] for k in row_kids)
            if number == 0:
                left = max(crossings(chain, shape.chain[k])[0] for k in row_kids) * o.group_padding
            else:
                left = max(0, upper_deep - shared) * o.group_padding
            entered = max(crossings(chain, shape.chain[k])[1] for k in row_kids) * (o.group_header + o.group_padding)
            if number == 0 and not has_card:
                top = 0.0
                bus = 0.0
            elif number == 0 or not has_card:
                gap = max(o.v_gap, left + entered + o.v_gap / 2)
                top = upper_bottom + gap
                bus = upper_bottom + left + (gap - left - entered) / 2
            else:  # a wrapped row: its bus further below the row above (and the ticks under its cards) than above
                # the cards it leads to, so it is read as theirs, not as a line to the upper cards' reports (in
                # eighths: sums of offsets down the tree then add up the same in any order)
                bus = upper_bottom + left + o.v_gap * 5 / 8
                top = bus + o.v_gap * 3 / 8 + entered
            if number == 0:
                first_bus = bus
            cursor = lane
            bottom = top
            for unit in row:
                for kid, x, y in unit.kids:
                    placed.append((kid, cursor + x, top + y))
                    if unit.column:
                        routes[kid] = Route("column", cursor + x - o.stack_indent / 2, bus)
                    else:
                        routes[kid] = Route("row", 0.0, bus)
                if number == 0 and unit in inside:
                    if unit is row[0]:
                        span_start = cursor + unit.card_left
                    span_end = cursor + unit.card_right
                cursor += unit.width + o.h_gap
                bottom = max(bottom, top + unit.height)
            right = max(right, cursor - o.h_gap)
            upper_bottom, upper_deep = bottom, max(u.deep for u in row)
        card_left = (span_start + span_end) / 2 - o.card_width / 2 if has_card else 0.0
        low = min(0.0, card_left)
        high = max(right, card_left + head_w)
        kids_placed = [(k, card_left + x - low, y) for k, x, y in beside]
        kids_placed += [(k, x - low, y) for k, x, y in placed]
        for route in routes.values():
            if route.kind == "column":
                route.x -= low
        block = Block(high - low, upper_bottom, card_left - low, kids_placed, routes,
                      trunk=trunk - low if wrapped else None, first_bus=first_bus, deep=deep)
        return block
