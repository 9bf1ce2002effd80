"""Trial layouts: the cards and bounds `compute_layout` would give a part of a structure, worked out
without cutting the part out and without routing its lines.

A printed chart is planned by trying thousands of candidate pages, each a set of posts, of which only
a few hundred are printed; a candidate needs only its bounds (does it fit?) and its cards (how its
reporting trees stand). So a trial lays a set of the structure's own posts out as `compute_layout`
lays out that set cut free of the rest (`presentation.selection.substructure`), with:

- blocks measured once per subtree: a block depends only on the posts shown below it and which of
  them have reports left out (`tree.py`), so the subtree's shape names the block, and candidates that
  share teams share their blocks;
- no line routed: a line of the tidy tree stays inside the blocks' extents, which the bounds already
  hold, and so does a dotted line (it runs between two cards, which never overlap).

It covers the tidy layout only (no hand placement, no fold, no focus) of a set with no reporting cycle;
`lay` says None for a set with a cycle, which the caller lays out in full. `tests/test_trial_layout.py`
holds it equal to `compute_layout`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ..model import Structure
from .boxes import group_boxes
from .geometry import Rect
from .nesting import GroupNesting
from .options import LayoutOptions
from .tree import ROOT, Block, BlockMeasure, TreeShape


@dataclass(frozen=True)
class Trial:
    """What a candidate page is judged by: the cards (in the full layout's order) and the bounds, with
    the options they were laid out with (to lay the page out in full if it is printed)."""

    cards: dict[str, Rect]
    bounds: Rect
    options: LayoutOptions


class TrialLayouts:
    """Trial layouts of parts of one structure, sharing measured blocks between them."""

    def __init__(self, structure: Structure) -> None:
        self.structure = structure
        self.nesting = GroupNesting(structure.groups)
        self.reports: dict[str, list[str]] = {pid: [] for pid in structure.posts}
        for post in structure.posts.values():
            if post.reports_to is not None:
                self.reports[post.reports_to].append(post.id)
        self.order = {pid: index for index, pid in enumerate(structure.posts)}
        self.group_order = {gid: index for index, gid in enumerate(structure.groups)}
        self.chains = {pid: self.nesting.chain(post.group) for pid, post in structure.posts.items()}
        self.shapes: dict[tuple[str, bool, tuple[int, ...]], int] = {}
        """A subtree's shape (its top, whether its reports go on elsewhere, its shown reports' shapes) ->
        a number naming it."""
        self.blocks: dict[LayoutOptions, dict[int, Block]] = {}
        """Blocks measured so far, by layout options and subtree shape."""

    def lay(self, shown: Collection[str], options: LayoutOptions, folded: Collection[str] = ()) -> Trial | None:
        """The cards and bounds of `compute_layout(substructure(structure, shown), options)` with the options'
        `continued` posts those of `shown` whose reports are not all shown, and those `folded`; None when
        `shown` holds a reporting cycle. `options` must give the tidy layout (no hand placement, fold or
        focus) and no `continued`."""
        if options.use_manual_positions or options.folded or options.focus is not None or options.continued:
            raise ValueError("a trial layout is of the tidy layout, with what is continued worked out here")
        shape = self._shape(shown, folded)
        if shape is None:
            return None
        blocks = self._measure(shape, options)
        cards = self._place(blocks, options)
        return Trial(cards, self._bounds(blocks[ROOT], cards, options), options)

    def _shape(self, shown: Collection[str], folded: Collection[str]) -> TreeShape | None:
        """The reporting tree of `shown` as the layout sees it; None when some post hangs under no top
        (a reporting cycle)."""
        structure, reports, chains = self.structure, self.reports, self.chains
        shape = TreeShape()
        managing = shape.managing
        tops: list[str] = []
        for pid in sorted(shown, key=self.order.__getitem__):
            post = structure.posts[pid]
            if post.reports_to is None or post.reports_to not in shown:
                tops.append(pid)
            kids = shape.children[pid] = [kid for kid in reports[pid] if kid in shown]
            if len(kids) < len(reports[pid]) or pid in folded:
                managing.add(pid)
            shape.chain[pid] = chains[pid]
            shape.assistant[pid] = post.assistant
        shape.children[ROOT] = tops
        return shape if self._reached(shape) == len(shown) else None

    @staticmethod
    def _reached(shape: TreeShape) -> int:
        count, stack = 0, list(shape.children[ROOT])
        while stack:
            count += 1
            stack.extend(shape.children[stack.pop()])
        return count

    def _measure(self, shape: TreeShape, options: LayoutOptions) -> dict[str, Block]:
        """Every shown post's block and ROOT's (the page's tops side by side), deepest first: each looked up
        by its subtree's shape, measured only when that shape was not measured before with these options."""
        known = self.blocks.setdefault(options, {})
        names = self.shapes
        blocks: dict[str, Block] = {}
        measure = BlockMeasure(options, shape, blocks).measure
        named: dict[str, int] = {}
        children, managing = shape.children, shape.managing
        for pid in reversed(_preorder(shape)):
            key = (pid, pid in managing, tuple(named[kid] for kid in children[pid]))
            name = names.setdefault(key, len(names))
            named[pid] = name
            block = known.get(name)
            if block is None:
                block = known[name] = measure(pid)
            blocks[pid] = block
        return blocks

    @staticmethod
    def _place(blocks: dict[str, Block], options: LayoutOptions) -> dict[str, Rect]:
        """Each card where the full layout places it, in the order it places them."""
        width, height = options.card_width, options.card_height
        cards: dict[str, Rect] = {}
        stack: list[tuple[str, float, float]] = [(ROOT, 0.0, 0.0)]
        while stack:
            post, x, y = stack.pop()
            block = blocks[post]
            if post != ROOT:
                cards[post] = Rect(x + block.card_x, y, width, height)
            for kid, dx, dy in block.kids:
                stack.append((kid, x + dx, y + dy))
        return cards

    def _bounds(self, root: Block, cards: dict[str, Rect], options: LayoutOptions) -> Rect:
        """The blocks' extent grown by the group boxes. Dotted lines add nothing: in the tidy layout no two
        cards overlap, and a dotted line runs inside the rectangle spanning the two cards it joins."""
        if not cards:
            return Rect(0.0, 0.0, 0.0, 0.0)
        x0, y0, x1, y1 = root.extent
        for box in self._boxes(cards, options).values():
            x0, y0, x1, y1 = min(x0, box.x), min(y0, box.y), max(x1, box.right), max(y1, box.bottom)
        return Rect(x0, y0, x1 - x0, y1 - y0)

    def _boxes(self, cards: dict[str, Rect], options: LayoutOptions) -> dict[str, Rect]:
        """The group boxes: of the groups of the shown posts and the groups around them (every one holds a post)."""
        structure, chain = self.structure, self.nesting.chain
        wanted: set[str] = set()
        for pid in cards:
            group = structure.posts[pid].group
            if group is not None and group not in wanted:
                wanted.update(chain(group))
        groups = {gid: structure.groups[gid] for gid in sorted(wanted, key=self.group_order.__getitem__)}
        return group_boxes(groups, self.nesting, ((structure.posts[pid].group, card) for pid, card in cards.items()),
                           options)


def _preorder(shape: TreeShape) -> list[str]:
    """ROOT and every shown post, each before its reports (as the full layout walks them)."""
    order: list[str] = []
    stack = [ROOT]
    children = shape.children
    while stack:
        post = stack.pop()
        order.append(post)
        stack.extend(reversed(children[post]))
    return order
