"""The layout kept up to date edit by edit: only the blocks on changed chains of command are
measured again, only the subtrees whose place changed are moved.

`IncrementalLayout(structure, options)` lays everything out once; `update(structure, posts)`
after an edit to those posts (a new manager or group, added, deleted, the assistant flag, a
hand placement) re-measures the blocks of the posts, their old and new managers and everyone
above them (`tree.py`: a block depends only on the blocks below it), then walks down from the
top, skipping every subtree that was neither re-measured nor shifted. It returns what moved,
so a canvas repositions just those items. `compute_layout` is the same thing done once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Structure
from .boxes import group_boxes
from .geometry import Rect, bounding
from .hierarchy import build_forest
from .nesting import GroupNesting
from .options import LayoutOptions
from .routes import LineRoute, column_route, dotted_route, side_route, solid_route, spine_route, wrapped_route
from .space import make_room_for_hand_placed
from .tree import ROOT, Block, BlockMeasure, Route, TreeShape

LineKey = tuple[str, str, str]


@dataclass
class Layout:
    cards: dict[str, Rect]
    """Post id to card rectangle, for every post shown (all but those under a folded post)."""
    groups: dict[str, Rect]
    """Group id to box, for every group."""
    lines: list[LineRoute]
    bounds: Rect
    """Encloses every card, box and line; an empty rectangle at the origin for an empty structure."""


@dataclass
class LayoutDelta:
    """What an update changed: items to move, add or remove."""

    cards: set[str] = field(default_factory=set)
    """Posts whose card moved, appeared or went (look each up in `Layout.cards`)."""
    groups: set[str] = field(default_factory=set)
    lines: set[LineKey] = field(default_factory=set)


class IncrementalLayout:
    def __init__(self, structure: Structure, options: LayoutOptions | None = None) -> None:
        self.options = options or LayoutOptions()
        self._rebuild(structure)

    # ----- the whole layout --------------------------------------------------------------

    def _rebuild(self, structure: Structure) -> None:
        o = self.options
        self.structure = structure
        self.nesting = GroupNesting(structure.groups)
        forest = build_forest(structure)
        ids = forest.ids
        shape = TreeShape()
        shape.children[ROOT] = [ids[i] for i in forest.roots]
        shape.cycle_tops = [ids[i] for i in forest.cycle_members]
        self.parent: dict[str, str] = {}
        for top in [*shape.children[ROOT], *shape.cycle_tops]:
            self.parent[top] = ROOT
        for i, post_id in enumerate(ids):
            post = structure.posts[post_id]
            shape.chain[post_id] = self.nesting.chain(post.group)
            shape.assistant[post_id] = post.assistant
            kids = [ids[k] for k in forest.children[i]]
            for kid in kids:
                self.parent[kid] = post_id
            folded = post_id in o.hidden
            shape.children[post_id] = [] if folded else kids
            if post_id in o.continued or (folded and kids):
                shape.managing.add(post_id)
        self.hidden_kids = {pid: [ids[k] for k in forest.children[i]] for i, pid in enumerate(ids) if pid in o.hidden}
        self.has_cycles = bool(forest.cycle_members)
        self.order = {pid: i for i, pid in enumerate(ids)}
        self.manual = {pid for pid, post in structure.posts.items() if post.position is not None}
        """Posts placed by hand."""
        self.shape = shape
        self.blocks: dict[str, Block] = {}
        self.measure = BlockMeasure(o, shape, self.blocks)
        for post_id in reversed(self._preorder(ROOT)):
            self.blocks[post_id] = self.measure.measure(post_id)
        self.origin: dict[str, tuple[float, float]] = {}
        self.tidy: dict[str, Rect] = {}
        self._place(ROOT, (0.0, 0.0), dirty=None, moved=None)
        self.cards: dict[str, Rect] = {}
        self._hand_placed()
        self.routes: dict[LineKey, LineRoute] = {}
        for post_id in self.cards:
            self._route_lines_of(post_id, set())
        self.groups = self._boxes()
        self.layout = Layout(self.cards, self.groups, self._lines(), self._bounds())

    def _preorder(self, start: str) -> list[str]:
        order: list[str] = []
        stack = [start]
        children, cycle = self.shape.children, self.shape.cycle_tops
        while stack:
            post = stack.pop()
            order.append(post)
            kids = [*children[post], *cycle] if post == ROOT else children[post]
            stack.extend(reversed(kids))
        return order

    def _place(self, start: str, origin: tuple[float, float], dirty: set[str] | None,
               moved: set[str] | None) -> None:
        """Absolute positions from `start` down. With `dirty` (an update), a subtree that was not
        re-measured and whose origin is unchanged is skipped, and cards that move go in `moved`."""
        o = self.options
        stack = [(start, origin)]
        while stack:
            post, (x, y) = stack.pop()
            if dirty is not None and post not in dirty and self.origin.get(post) == (x, y):
                continue
            self.origin[post] = (x, y)
            block = self.blocks[post]
            if post != ROOT:
                rect = Rect(x + block.card_x, y, o.card_width, o.card_height)
                if moved is not None and self.tidy.get(post) != rect:
                    moved.add(post)
                self.tidy[post] = rect
            for kid, dx, dy in block.kids:
                stack.append((kid, (x + dx, y + dy)))

    def _hand_placed(self) -> None:
        """Cards where the user put them, made room for (`space.py`), over the tidy ones."""
        o = self.options
        self.cards.clear()
        self.cards.update(self.tidy)
        if o.use_manual_positions and self.manual:
            posts = self.structure.posts
            placed = {}
            for pid in sorted(self.manual, key=self.order.__getitem__):
                position = posts[pid].position
                if pid in self.tidy and position is not None:
                    placed[pid] = Rect(position.x, position.y, o.card_width, o.card_height)
            if placed:
                self.cards.update(make_room_for_hand_placed(self.tidy, placed, o))

    # ----- lines, boxes, bounds ------------------------------------------------------------

    def _route_lines_of(self, post_id: str, changed: set[LineKey]) -> None:
        """(Re)route the solid line into `post_id` and every dotted line it ends or starts."""
        o, cards, structure = self.options, self.cards, self.structure
        post = structure.posts.get(post_id)
        if post is None or post_id not in cards:
            return
        manager = post.reports_to
        if manager is not None and manager in cards and manager != post_id:
            route = self.blocks[manager].routes.get(post_id)
            key = (manager, post_id, "line")
            points = self._solid_points(manager, post_id, route)
            self._set_route(key, LineRoute(manager, post_id, "line", points), changed)
        for dotted in post.dotted:
            if dotted.manager in cards and dotted.manager != post_id:
                key = (dotted.manager, post_id, "dotted")
                if key in changed and key in self.routes and self.routes[key].label != dotted.label:
                    continue  # the first of two lines to the same manager is the one drawn
                points = dotted_route(cards[dotted.manager], cards[post_id], o.h_gap / 2)
                self._set_route(key, LineRoute(dotted.manager, post_id, "dotted", points, dotted.label), changed)

    def _set_route(self, key: LineKey, route: LineRoute, changed: set[LineKey]) -> None:
        old = self.routes.get(key)
        if old is None or old.points != route.points or old.label != route.label:
            self.routes[key] = route
            changed.add(key)

    def _solid_points(self, manager: str, report: str, route: Route | None) -> list[tuple[float, float]]:
        """The tidy routes fit only when both cards are where the tree put them; a line touching a
        hand-placed card takes the plain route between the two."""
        o = self.options
        boss, card = self.cards[manager], self.cards[report]
        tidy = self.tidy[manager] == boss and self.tidy[report] == card
        block = self.blocks[manager]
        ox, oy = self.origin[manager]
        if not tidy or route is None:
            bus = block.first_bus + oy if tidy and block.first_bus is not None else None
            return solid_route(boss, card, None, o.v_gap / 2) if bus is None else solid_route(boss, card, bus, o.v_gap / 2)
        if route.kind == "stack":
            return spine_route(boss, card, o.stack_indent, o.stack_gap)
        if route.kind == "side":
            return side_route(boss, card)
        if route.kind == "column":
            return column_route(boss, card, route.bus + oy, route.x + ox)
        first = block.first_bus
        if first is None or route.bus == first or block.trunk is None:
            return solid_route(boss, card, route.bus + oy, o.v_gap / 2)
        return wrapped_route(boss, card, first + oy, block.trunk + ox, route.bus + oy)

    def _lines(self) -> list[LineRoute]:
        """Solid lines first, then dotted lines, each in post order."""
        order = self.order
        return sorted(self.routes.values(), key=lambda r: (r.kind != "line", order[r.report],
                                                             order.get(r.manager, 0) if r.kind == "dotted" else 0))

    def _boxes(self) -> dict[str, Rect]:
        structure = self.structure
        return group_boxes(structure.groups, self.nesting,
                           ((structure.posts[pid].group, rect) for pid, rect in self.cards.items()), self.options)

    def _bounds(self) -> Rect:
        boxes = bounding([*self.cards.values(), *self.groups.values()])
        xs = [x for route in self.routes.values() for x, _ in route.points]
        ys = [y for route in self.routes.values() for _, y in route.points]
        if xs:
            reach = Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
            boxes = boxes.union(reach) if boxes else reach
        return boxes or Rect(0.0, 0.0, 0.0, 0.0)

    # ----- updates -----------------------------------------------------------------------

    def update(self, structure: Structure, posts: Iterable[str] = (), groups_changed: bool = False) -> LayoutDelta:
        """Bring the layout in line with `structure` after an edit to `posts` (added, deleted, given
        a new manager, group, assistant flag or hand placement); `groups_changed` after an edit to
        the groups themselves. Returns what moved."""
        before_cards, before_groups = dict(self.cards), dict(self.groups)
        before_routes = dict(self.routes)
        posts = set(posts)
        if self._needs_rebuild(structure, posts, groups_changed):
            self._rebuild(structure)
            return self._delta(before_cards, before_groups, before_routes, None)
        self.structure = structure
        shape, o = self.shape, self.options
        dirty: set[str] = set()
        touched: set[str] = set(posts)
        if any(pid not in self.order for pid in posts if pid in structure.posts) or \
                any(pid not in structure.posts for pid in posts):
            self.order = {pid: i for i, pid in enumerate(structure.posts)}
        for pid in posts:
            old_manager = self.parent.get(pid)
            post = structure.posts.get(pid)
            self.manual.discard(pid)
            if post is None:
                self._forget(pid, old_manager)
                if old_manager is not None:
                    dirty |= self._chain_up(old_manager)
                continue
            new_manager = post.reports_to if post.reports_to in structure.posts else None
            new_parent = new_manager if new_manager is not None else ROOT
            shape.chain[pid] = self.nesting.chain(post.group)
            shape.assistant[pid] = post.assistant
            if post.position is not None:
                self.manual.add(pid)
            if pid not in shape.children:
                shape.children[pid] = []
            if old_manager != new_parent:
                if old_manager is not None:
                    self._unlink(pid, old_manager)
                    dirty |= self._chain_up(old_manager)
                    touched.add(old_manager)
                self._link(pid, new_parent)
                touched.add(new_parent)
            dirty |= self._chain_up(pid)
        if groups_changed:
            self.nesting = GroupNesting(structure.groups)
            for pid, post in structure.posts.items():
                chain = self.nesting.chain(post.group)
                if shape.chain.get(pid) != chain:
                    shape.chain[pid] = chain
                    dirty |= self._chain_up(pid)
        for post_id in sorted(dirty, key=self._depth, reverse=True):
            if post_id == ROOT or post_id in structure.posts:
                self.blocks[post_id] = self.measure.measure(post_id)
        moved: set[str] = set()
        self._place(ROOT, (0.0, 0.0), dirty=dirty, moved=moved)
        previous = dict(self.cards)
        self._hand_placed()
        for pid in list(self.cards):
            if previous.get(pid) != self.cards[pid]:
                moved.add(pid)
        moved |= {pid for pid in touched if pid in self.cards}
        changed_lines: set[LineKey] = set()
        for key in [k for k in self.routes if k[0] not in self.cards or k[1] not in self.cards]:
            del self.routes[key]
        reroute = set(moved)
        for pid in moved | dirty:  # a re-measured block may hang its reports from another bus
            reroute.update(shape.children.get(pid, ()))
        for key in list(self.routes):
            if key[0] in moved or key[1] in moved:
                reroute.add(key[1])
        for pid in reroute:
            self._drop_lines_into(pid)
            self._route_lines_of(pid, changed_lines)
        self.groups = self._boxes()
        self.layout = Layout(self.cards, self.groups, self._lines(), self._bounds())
        return self._delta(before_cards, before_groups, before_routes, None)

    def _needs_rebuild(self, structure: Structure, posts: set[str], groups_changed: bool) -> bool:
        """Reporting cycles (before or after) and structures swapped wholesale are laid out afresh."""
        if self.has_cycles or len(posts) > len(structure.posts) // 4 + 8:
            return True
        for pid in posts:
            post = structure.posts.get(pid)
            if post is None:
                continue
            seen = {pid}
            current = post.reports_to
            while current is not None and current in structure.posts:
                if current in seen:
                    return True
                seen.add(current)
                current = structure.posts[current].reports_to
        return False

    def _forget(self, pid: str, manager: str | None) -> None:
        if manager is not None:
            self._unlink(pid, manager)
        for kid in self.shape.children.get(pid, []):
            self.parent.pop(kid, None)
        for table in (self.shape.children, self.shape.chain, self.shape.assistant, self.blocks, self.origin,
                      self.tidy):
            table.pop(pid, None)  # type: ignore[attr-defined]
        self.cards.pop(pid, None)

    def _unlink(self, pid: str, manager: str) -> None:
        kids = self.shape.children.get(manager)
        if kids is not None and pid in kids:
            kids.remove(pid)
        self.parent.pop(pid, None)

    def _link(self, pid: str, manager: str) -> None:
        self.parent[pid] = manager
        if manager in self.options.hidden:
            self.hidden_kids.setdefault(manager, []).append(pid)
            return
        kids = self.shape.children.setdefault(manager, [])
        position = self.order[pid]
        index = len(kids)
        while index > 0 and self.order[kids[index - 1]] > position:
            index -= 1
        kids.insert(index, pid)

    def _chain_up(self, post: str) -> set[str]:
        chain = {ROOT}
        current: str | None = post
        while current is not None and current != ROOT and current not in chain:
            chain.add(current)
            current = self.parent.get(current)
        return chain

    def _depth(self, post: str) -> int:
        depth = 0
        current = post
        while current != ROOT and current in self.parent:
            current = self.parent[current]
            depth += 1
        return depth if post != ROOT else -1

    def _drop_lines_into(self, pid: str) -> None:
        for key in [k for k in self.routes if k[1] == pid]:
            del self.routes[key]

    def _delta(self, cards: dict[str, Rect], groups: dict[str, Rect], routes: dict[LineKey, LineRoute],
               _unused: None) -> LayoutDelta:
        delta = LayoutDelta()
        delta.cards = {k for k in cards.keys() | self.cards.keys() if cards.get(k) != self.cards.get(k)}
        delta.groups = {k for k in groups.keys() | self.groups.keys() if groups.get(k) != self.groups.get(k)}
        delta.lines = {k for k in routes.keys() | self.routes.keys()
                       if (routes[k].points if k in routes else None) != (self.routes[k].points if k in self.routes else None)}
        return delta
