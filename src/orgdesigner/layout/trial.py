"""Trial layouts: the cards, group boxes and bounds `compute_layout` would give a part of a structure,
worked out without cutting the part out and without routing its lines until asked.

A printed chart is planned by trying thousands of candidate pages, each a set of posts, of which only
a few hundred are printed; a candidate needs only its bounds (does it fit?) and its cards (how its
reporting trees stand). So a trial lays a set of the structure's own posts out as `compute_layout`
lays out that set cut free of the rest (`presentation.selection.substructure`), with:

- blocks measured once per subtree: a block depends only on the posts shown below it and which of
  them have reports left out (`tree.py`), so the subtree's shape names the block, and candidates that
  share teams share their blocks;
- lines routed only for a page that is printed (`TrialLayouts.layout`): a line of the tidy tree stays
  inside the blocks' extents, which the bounds already hold, and so does a dotted line (it runs between
  two cards, which never overlap).

It is the tidy path of `IncrementalLayout._rebuild` (no hand placement, no fold, no focus); a set
holding a reporting cycle is laid out in full. `tests/test_trial_layout.py` holds the two equal.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace

from ..model import Structure
from .boxes import group_boxes
from .compute import compute_layout
from .geometry import Rect
from .incremental import tidy_route
from .published import Layout, LineKey
from .nesting import GroupNesting
from .options import LayoutOptions
from .routes import LineRoute, dotted_route
from .tree import ROOT, Block, BlockMeasure, TreeShape


@dataclass(frozen=True)
class Trial:
    """What a candidate page is judged by: the cards (in the full layout's order), the group boxes and the
    bounds, with the options they were laid out with."""

    cards: dict[str, Rect]
    groups: dict[str, Rect]
    bounds: Rect
    options: LayoutOptions
    blocks: dict[str, Block] = field(default_factory=dict)
    """Each post's block and ROOT's, and (`origins`) where each block stands: to route the lines of a page
    that is printed."""
    origins: dict[str, tuple[float, float]] = field(default_factory=dict)
    full: Layout | None = None
    """The full layout, when the set was laid out in full (it holds a reporting cycle)."""


OPTION_SETS_KEPT = 8
"""How many sets of layout options keep their measured blocks: a page's own options (one per card height) are
used again and again, while a page reshaped to fit (rows wrapped at a width worked out to the point) makes
options used for a few tries at most. The least recently used set is dropped past this many."""


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
        self.chains = {ROOT: (), **{pid: self.nesting.chain(post.group) for pid, post in structure.posts.items()}}
        self.assistant = {pid: post.assistant for pid, post in structure.posts.items()}
        self.shapes: dict[tuple[str, bool, tuple[int, ...]], int] = {}
        """A subtree's shape (its top, whether its reports go on elsewhere, its shown reports' shapes) ->
        a number naming it."""
        self.blocks: OrderedDict[LayoutOptions, dict[int, Block]] = OrderedDict()
        """Blocks measured so far, by layout options (the `OPTION_SETS_KEPT` used last) and subtree shape."""

    def lay(self, shown: Collection[str], options: LayoutOptions, cut: Callable[[], Structure],
            folded: Collection[str] = ()) -> Trial:
        """What `compute_layout(substructure(structure, shown), options)` gives, with the options' `continued`
        posts those of `shown` whose reports are not all shown, and those `folded`. `options` must give the
        tidy layout (no hand placement, fold or focus) and no `continued`. A set holding a reporting cycle
        is laid out in full, cut out of the structure by `cut`."""
        if options.use_manual_positions or options.folded or options.focus is not None or options.continued:
            raise ValueError("a trial layout is of the tidy layout, with what is continued worked out here")
        shape = self._shape(shown, folded)
        order = _preorder(shape)
        if len(order) != len(shown) + 1:  # some posts hang under no top: a reporting cycle
            full = compute_layout(cut(), replace(options, continued=frozenset(shape.managing)))
            return Trial(dict(full.cards), full.groups, full.bounds, options, full=full)
        blocks = self._measure(shape, order, options)
        origins, cards = self._place(blocks, options)
        groups = self._boxes(cards, options)
        return Trial(cards, groups, _bounds(blocks[ROOT], groups), options, blocks, origins)

    def layout(self, trial: Trial) -> Layout:
        """The full layout of a trial's posts, as `compute_layout` gives it: every line routed too."""
        if trial.full is not None:
            return trial.full
        return Layout(trial.cards, trial.groups, self._routes(trial), trial.bounds, self.order)

    def _shape(self, shown: Collection[str], folded: Collection[str]) -> TreeShape:
        """The reporting tree of `shown` as the layout sees it (the groups and assistants of every post)."""
        posts, reports = self.structure.posts, self.reports
        shape = TreeShape()
        shape.chain, shape.assistant = self.chains, self.assistant
        children, managing = shape.children, shape.managing
        tops: list[str] = []
        for pid in shown:
            manager = posts[pid].reports_to
            if manager is None or manager not in shown:
                tops.append(pid)
            kids = children[pid] = [kid for kid in reports[pid] if kid in shown]
            if len(kids) < len(reports[pid]) or pid in folded:
                managing.add(pid)
        children[ROOT] = sorted(tops, key=self.order.__getitem__)
        return shape

    def _measure(self, shape: TreeShape, order: list[str], options: LayoutOptions) -> dict[str, Block]:
        """Every shown post's block and ROOT's (the page's tops side by side), deepest first: each looked up
        by its subtree's shape, measured only when that shape was not measured before with these options.
        `order` is ROOT and the posts, each before its reports."""
        known = self.blocks.get(options)
        if known is None:
            known = self.blocks[options] = {}
            if len(self.blocks) > OPTION_SETS_KEPT:
                self.blocks.popitem(last=False)
        else:
            self.blocks.move_to_end(options)
        names = self.shapes
        blocks: dict[str, Block] = {}
        measure = BlockMeasure(options, shape, blocks).measure
        named: dict[str, int] = {}
        children, managing = shape.children, shape.managing
        for pid in reversed(order):
            key = (pid, pid in managing, tuple(named[kid] for kid in children[pid]))
            name = names.setdefault(key, len(names))
            named[pid] = name
            block = known.get(name)
            if block is None:
                block = known[name] = measure(pid)
            blocks[pid] = block
        return blocks

    @staticmethod
    def _place(blocks: dict[str, Block],
               options: LayoutOptions) -> tuple[dict[str, tuple[float, float]], dict[str, Rect]]:
        """Where each block stands, and each card where the full layout places it, in the order it places them."""
        width, height = options.card_width, options.card_height
        origins: dict[str, tuple[float, float]] = {}
        cards: dict[str, Rect] = {}
        stack: list[tuple[str, float, float]] = [(ROOT, 0.0, 0.0)]
        while stack:
            post, x, y = stack.pop()
            block = blocks[post]
            origins[post] = x, y
            if post != ROOT:
                cards[post] = Rect(x + block.card_x, y, width, height)
            for kid, dx, dy in block.kids:
                stack.append((kid, x + dx, y + dy))
        return origins, cards

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

    def _routes(self, trial: Trial) -> dict[LineKey, LineRoute]:
        """Every line between the trial's cards: line management and dotted lines."""
        cards, posts, clearance = trial.cards, self.structure.posts, trial.options.h_gap / 2
        routes: dict[LineKey, LineRoute] = {}
        for pid, card in cards.items():
            post = posts[pid]
            manager = post.reports_to
            if manager is not None and manager in cards and manager != pid:
                routes[manager, pid, "line"] = LineRoute(manager, pid, "line", _solid_points(trial, manager, pid))
            drawn: set[str] = set()
            for line in post.dotted:
                if line.manager in cards and line.manager != pid and line.manager not in drawn:
                    drawn.add(line.manager)
                    points = dotted_route(cards[line.manager], card, clearance)
                    routes[line.manager, pid, "dotted"] = LineRoute(line.manager, pid, "dotted", points, line.label)
        return routes


def _bounds(root: Block, groups: dict[str, Rect]) -> Rect:
    """The blocks' extent grown by the group boxes. Dotted lines add nothing: in the tidy layout no two cards
    overlap, and a dotted line runs inside the rectangle spanning the two cards it joins."""
    if not root.kids:
        return Rect(0.0, 0.0, 0.0, 0.0)
    x0, y0, x1, y1 = root.extent
    for box in groups.values():
        x0, y0, x1, y1 = min(x0, box.x), min(y0, box.y), max(x1, box.right), max(y1, box.bottom)
    return Rect(x0, y0, x1 - x0, y1 - y0)


def _solid_points(trial: Trial, manager: str, report: str) -> list[tuple[float, float]]:
    block = trial.blocks[manager]
    return tidy_route(block, block.routes[report], trial.origins[manager], trial.cards[manager], trial.cards[report],
                      trial.options)


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
