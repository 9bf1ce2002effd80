"""Tidy top-down placement of the line-management forest, in linear time and without recursion.

Each subtree is measured bottom-up as a block (its width, and where the root's card sits in
it); blocks are then laid side by side top-down. Sibling blocks never share columns, so
subtrees cannot overlap, a compact stack can hang as deep as it needs, and the box of a
group that follows a subtree stays clear of its neighbours' (a report that starts new
groups gets their padding on both sides of its block).

Rows are shared across the chart. The gap above a row grows when reports there start new
groups, so the groups' header bands fit between the rows without touching the line bus.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .hierarchy import Forest
from .nesting import Chain, crossings
from .options import LayoutOptions


@dataclass
class TreePlacement:
    """Card top-left corners by post index, and what the line router needs to know."""

    x: list[float]
    y: list[float]
    stacked: list[bool]
    """The post hangs in a compact stack below its manager."""
    bus: list[float | None]
    """For a manager whose reports are spread in the row below, the height of the bus line."""
    spine: list[float | None]
    """For a report in a leaf column (see `LayoutOptions.leaf_column`), the x of the column's spine."""


def place_forest(forest: Forest, chains: Sequence[Chain], options: LayoutOptions) -> TreePlacement:
    """Lay out the forest from (0, 0); posts in reporting cycles go in a band below it."""
    n = len(forest.ids)
    placement = TreePlacement([0.0] * n, [0.0] * n, [False] * n, [None] * n, [None] * n)
    band = _Band(forest.children, chains, options, placement,
                 [post_id in options.continued for post_id in forest.ids])
    bottom = band.place(forest.roots, top=0.0)
    if forest.cycle_members:
        top = 0.0
        if forest.roots:
            left = max(map(len, chains)) * options.group_padding
            entered = max(len(chains[i]) for i in forest.cycle_members) * (options.group_header
                                                                            + options.group_padding)
            top = bottom + _row_gap(left, entered, options.v_gap)
        band.place(forest.cycle_members, top)
    return placement


def _row_gap(left: float, entered: float, v_gap: float) -> float:
    """Space between two rows: room for the group boxes closing and opening, and for the bus."""
    return max(v_gap, left + entered + v_gap / 2)


class _Band:
    """Places trees given by their roots side by side, starting at x = 0 and a given top."""

    def __init__(self, children: list[list[int]], chains: Sequence[Chain], options: LayoutOptions,
                 placement: TreePlacement, continued: list[bool]) -> None:
        self.children = children
        self.continued = continued
        self.chains = chains
        self.o = options
        self.p = placement
        n = len(children)
        self.depth = [0] * n
        self.width = [0.0] * n
        self.anchor = [0.0] * n
        """Left of the post's card within its block."""
        self.offset = [0.0] * n
        """Left of the post's block within its manager's block."""
        self.stack_manager = [False] * n
        self.leaves: dict[int, list[int]] = {}
        """A manager with a leaf column: the reports in it."""
        self.column_left = [0.0] * n
        """For a manager with a leaf column, the column's left within the manager's block."""

    def place(self, roots: list[int], top: float) -> float:
        """Place the trees under `roots`; returns the lowest card bottom (or `top` if none)."""
        order = self._preorder(roots)
        if self.o.compact:
            self._mark_stacks(order)
        rows, buses = self._rows(order, top)
        self._measure(order)
        return self._position(order, roots, rows, buses, top)

    def _preorder(self, roots: list[int]) -> list[int]:
        order: list[int] = []
        stack = list(reversed(roots))
        for root in roots:
            self.depth[root] = 0
        while stack:
            post = stack.pop()
            order.append(post)
            kids = self.children[post]
            below = self.depth[post] + 1
            for kid in kids:
                self.depth[kid] = below
            stack.extend(reversed(kids))
        return order

    def _mark_stacks(self, order: list[int]) -> None:
        children, stacked = self.children, self.p.stacked
        for post in order:
            kids = children[post]
            if kids and not any(children[k] or self.continued[k] for k in kids):
                self.stack_manager[post] = True
                for kid in kids:
                    stacked[kid] = True
            elif self.o.leaf_column:
                leaves = [k for k in kids if not (children[k] or self.continued[k])]
                if len(leaves) > 1:
                    self.leaves[post] = leaves
                    for kid in leaves:
                        stacked[kid] = True

    def _rows(self, order: list[int], top: float) -> tuple[list[float], list[float]]:
        """The top of each row of spread cards, and the bus height above each row."""
        o, chains = self.o, self.chains
        levels = max((self.depth[p] for p in order), default=0) + 1
        left = [0.0] * levels
        entered = [0.0] * levels
        for post in order:
            if self.stack_manager[post]:
                continue
            for kid in self.children[post]:
                closing, opening = crossings(chains[post], chains[kid])
                if closing or opening:
                    level = self.depth[kid]
                    left[level] = max(left[level], closing * o.group_padding)
                    entered[level] = max(entered[level], opening * (o.group_header + o.group_padding))
        rows, buses = [top], [top]
        for level in range(1, levels):
            upper_bottom = rows[-1] + o.card_height
            gap = _row_gap(left[level], entered[level], o.v_gap)
            rows.append(upper_bottom + gap)
            buses.append(upper_bottom + left[level] + (gap - left[level] - entered[level]) / 2)
        return rows, buses

    def _margin(self, upper: Chain, lower: Chain) -> float:
        """Room beside a block for the boxes of the groups its root starts."""
        return crossings(upper, lower)[1] * self.o.group_padding

    def _measure(self, order: list[int]) -> None:
        o, chains, children = self.o, self.chains, self.children
        width, anchor, offset = self.width, self.anchor, self.offset
        card = o.card_width
        for post in reversed(order):
            kids = children[post]
            if not kids:
                width[post], anchor[post] = card, 0.0
                continue
            if self.stack_manager[post]:
                low, high = 0.0, card
                for kid, column in self._columns(kids):
                    margin = self._margin(chains[post], chains[kid])
                    left = o.stack_indent + column * self._column_pitch()
                    low = min(low, left - margin)
                    high = max(high, left + card + margin)
                width[post], anchor[post] = high - low, -low
                continue
            cursor = 0.0
            leaves = self.leaves.get(post, [])
            if leaves:
                margin = max(self._margin(chains[post], chains[kid]) for kid in leaves)
                self.column_left[post] = cursor + margin
                columns = self._columns(leaves)[-1][1] + 1
                cursor += o.stack_indent + (columns - 1) * self._column_pitch() + card + 2 * margin + o.h_gap
            spread = [kid for kid in kids if kid not in leaves] if leaves else kids
            for kid in spread:
                margin = self._margin(chains[post], chains[kid])
                offset[kid] = cursor + margin
                cursor += width[kid] + 2 * margin + o.h_gap
            row_width = cursor - o.h_gap
            first, last = spread[0], spread[-1]
            start = self.column_left[post] if leaves else offset[first] + anchor[first]
            middle = (start + offset[last] + anchor[last] + card) / 2
            card_left = middle - card / 2
            low, high = min(0.0, card_left), max(row_width, card_left + card)
            width[post], anchor[post] = high - low, card_left - low
            self.column_left[post] -= low
            for kid in spread:
                offset[kid] -= low

    def _position(self, order: list[int], roots: list[int], rows: list[float], buses: list[float],
                  top: float) -> float:
        o, chains, children = self.o, self.chains, self.children
        x, y, stacked, bus = self.p.x, self.p.y, self.p.stacked, self.p.bus
        block = self.offset  # reused: from here on, the absolute left of each block
        cursor = 0.0
        for root in roots:
            margin = self._margin((), chains[root])
            block[root] = cursor + margin
            cursor += self.width[root] + 2 * margin + o.h_gap
        bottom = top
        for post in order:
            if stacked[post]:
                continue  # placed with its manager's stack
            x[post] = block[post] + self.anchor[post]
            y[post] = rows[self.depth[post]]
            bottom = max(bottom, y[post] + o.card_height)
            kids = children[post]
            if self.stack_manager[post]:
                bottom = max(bottom, self._stack(post, kids))
            elif kids:
                bus[post] = buses[self.depth[post] + 1]
                leaves = self.leaves.get(post)
                for kid in kids:
                    block[kid] += block[post]
                if leaves:
                    left = block[post] + self.column_left[post]
                    bottom = max(bottom, self._leaf_column(leaves, left, rows[self.depth[post] + 1]))
        return bottom

    def _leaf_column(self, leaves: list[int], left: float, top: float) -> float:
        """Hang a manager's leaf reports from a spine at `left`, the first card at the row's top;
        returns the column's bottom."""
        o, chains, x, y, spine = self.o, self.chains, self.p.x, self.p.y, self.p.spine
        bottom = top
        above: int | None = None
        level, previous = top, 0
        for kid, column in self._columns(leaves):
            if column != previous:
                above, level, previous = None, top, column
            if above is not None:
                closing, opening = crossings(chains[above], chains[kid])
                level += o.stack_gap + closing * o.group_padding + opening * (o.group_header + o.group_padding)
            column_x = left + column * self._column_pitch()
            x[kid], y[kid] = column_x + o.stack_indent, level
            spine[kid] = column_x + o.stack_indent / 2
            level += o.card_height
            bottom = max(bottom, level)
            above = kid
        return bottom

    def _columns(self, kids: list[int]) -> list[tuple[int, int]]:
        """A stack's reports in the order they hang, each with its column.

        With no `stack_rows` limit: one column in post order. With one, a column also ends where
        the group changes, and reports are gathered by group (groups in the order they first come,
        nested groups after their parent), so every group's box stays clear of its neighbours'.
        """
        if self.o.stack_rows <= 0:
            return [(kid, 0) for kid in kids]
        chains = self.chains
        first_seen: dict[tuple[str, ...], int] = {}
        for kid in kids:
            for depth in range(len(chains[kid]) + 1):
                first_seen.setdefault(chains[kid][:depth], len(first_seen))
        ordered = sorted(kids, key=lambda kid: [first_seen[chains[kid][:d]] for d in range(len(chains[kid]) + 1)])
        plan: list[tuple[int, int]] = []
        column, count = 0, 0
        for kid in ordered:
            if plan and (count == self.o.stack_rows or chains[kid] != chains[plan[-1][0]]):
                column, count = column + 1, 0
            plan.append((kid, column))
            count += 1
        return plan

    def _column_pitch(self) -> float:
        """From one stack column's cards to the next's, leaving room for the next column's spine."""
        o = self.o
        return o.card_width + o.stack_indent + o.group_padding

    def _stack(self, manager: int, kids: list[int]) -> float:
        """Hang the reports one under another, indented, in columns of `stack_rows`; returns the bottom."""
        o, chains, x, y = self.o, self.chains, self.p.x, self.p.y
        top = y[manager] + o.card_height
        above, level, bottom = manager, top, top
        previous = 0
        for kid, column in self._columns(kids):
            if column != previous:
                above, level, previous = manager, top, column
            closing, opening = crossings(chains[above], chains[kid])
            level += o.stack_gap + closing * o.group_padding + opening * (o.group_header + o.group_padding)
            x[kid], y[kid] = x[manager] + o.stack_indent + column * self._column_pitch(), level
            level += o.card_height
            bottom = max(bottom, level)
            above = kid
        return bottom
