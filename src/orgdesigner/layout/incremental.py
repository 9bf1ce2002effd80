"""The layout kept up to date edit by edit: only the blocks on changed chains of command are
measured again, only the subtrees whose place changed are moved.

`IncrementalLayout(structure, options)` lays everything out once; `update(structure, posts)`
after an edit to those posts (a new manager or group, added, deleted, the assistant flag, a
hand placement) re-measures the blocks of the posts, their old and new managers and everyone
above them (`tree.py`: a block depends only on the blocks below it), then walks down from the
top, skipping every subtree that was neither re-measured nor shifted. Lines are re-routed and
group boxes re-framed only where a card moved. It returns what changed, so a canvas moves just
those items. `set_folded` folds and unfolds branches the same way (only the branches that open or
close are measured, only what they push aside moves); `set_focus` lays one branch out on its own the
same way too. A card hidden by a fold or a focus is parked with the block and place it had: when it
comes back to the same place with the same block, it takes back its rectangle and its line instead of
being placed and routed again (showing all levels again, or the whole chart after a focus).
`compute_layout` is the same thing done once; the randomised test holds the two equal.

What is shown: every post but those under a folded post and, with a focus, those outside the focused
post's branch. A group is boxed when a shown post sits in it (or in a group inside it); a group with no
posts at all still gets its empty box, to drop a card into, except in a focused view.

A branch that moves whole (a team growing pushes the teams to its right along) is not walked: it gets one
entry in `pending`, and its cards and lines are looked up where they are now (`card`, `route`); a walk
through it later hands the move down. A branch folded away or outside a focus is hidden whole (`_Stash`)
and comes back moved whole when its block did not change meanwhile. What a layout gives its readers is
in `published.py`.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import islice

from ..model import DottedLine, Group, Structure
from .boxes import framed, group_box, group_boxes
from .geometry import Rect
from .hierarchy import build_forest
from .nesting import GroupNesting
from .options import LayoutOptions
from .published import Box, Layout, LayoutDelta, LineKey, Resolved, route_meets
from .routes import LineRoute, column_route, dotted_route, side_route, solid_route, spine_route, wrapped_route
from .space import Room, make_room_for_hand_placed
from .tree import ROOT, Block, BlockMeasure, Route, TreeShape, lacking


@dataclass
class _Stash:
    """A branch hidden whole (folded away, or outside a focus) as it was stored: shown again with the same block,
    it comes back as it was, moved whole, with nothing placed or routed again."""

    block: Block
    origin: tuple[float, float]
    tidy: dict[str, Rect]
    origins: dict[str, tuple[float, float]]
    pending: dict[str, tuple[float, float]]
    routes: dict[LineKey, LineRoute]
    ends: dict[LineKey, tuple[Rect, Rect]]
    groups: dict[str, list[str]]
    """The branch's posts shown in each group (a post moved to another group makes its branch's block stale)."""


class IncrementalLayout:
    def __init__(self, structure: Structure, options: LayoutOptions | None = None) -> None:
        self.options = options or LayoutOptions()
        self.pending: dict[str, tuple[float, float]] = {}
        """Branches moved whole and not walked since: the post and every post shown under it (with the solid
        lines among them) lie this much away from the rectangles and routes stored for them. A walk through
        the post hands its move down to its reports; `card` and `route` add up the moves above what they look
        up. So a branch moving whole costs one entry, however many cards it holds."""
        self.version = 0
        """Counts the updates: a layout published before the last one is not to be read."""
        self._rebuild(structure)

    # ----- the whole layout --------------------------------------------------------------

    def _rebuild(self, structure: Structure, keep: dict[str, Block] | None = None) -> None:
        """Lay everything out; with `keep`, the blocks measured before are reused where still right
        (none in `stale` nor below it)."""
        o = self.options
        self.structure = structure
        self.nesting = GroupNesting(structure.groups)
        forest = build_forest(structure)
        ids = forest.ids
        shape = TreeShape()
        tops = [ids[i] for i in forest.roots]
        cycle_tops = [ids[i] for i in forest.cycle_members]
        self.focus = o.focus if o.focus in structure.posts else None
        """The post whose branch alone is laid out, if any."""
        if self.focus is None:
            shape.children[ROOT], shape.cycle_tops = list(tops), cycle_tops
        elif self.focus in cycle_tops:  # the focus is on a reporting cycle: the cycle heads its branch
            cycle = _cycle_of(self.focus, structure)
            shape.children[ROOT], shape.cycle_tops = [], [pid for pid in cycle_tops if pid in cycle]
        else:
            shape.children[ROOT], shape.cycle_tops = [self.focus], []
        self.parent: dict[str, str] = {}
        """Each post's place in the tree: its manager, or ROOT for a tree's top or a cycle member."""
        self.reports: dict[str, list[str]] = {ROOT: tops}
        """Every post's reports in the tree, folded or not (ROOT's: the trees' tops)."""
        for top in [*tops, *cycle_tops]:
            self.parent[top] = ROOT
        for i, post_id in enumerate(ids):
            post = structure.posts[post_id]
            shape.chain[post_id] = self.nesting.chain(post.group)
            shape.assistant[post_id] = post.assistant
            kids = [ids[k] for k in forest.children[i]]
            self.reports[post_id] = kids
            for kid in kids:
                self.parent[kid] = post_id
            folded = post_id in o.folded
            shape.children[post_id] = [] if folded else list(kids)
            if post_id in o.continued or (folded and kids):
                shape.managing.add(post_id)
        self.has_cycles = bool(forest.cycle_members)
        self.order = {pid: i for i, pid in enumerate(ids)}
        self._next_number = len(ids)
        """The number the next post added at the end of the file takes in `order`."""
        self.manual = {pid for pid, post in structure.posts.items() if post.position is not None}
        """Posts placed by hand."""
        self._dotted_from: dict[str, set[str]] = {}
        """Each post with dotted lines from it: the posts they go to (routed again when it is shown again)."""
        self._dotted_to: dict[str, set[str]] = {}
        for pid, post in structure.posts.items():
            if post.dotted:
                self._note_dotted(pid, post.dotted)
        self.shape = shape
        self.version += 1
        self._fresh: dict[str, Rect] = {}
        """The cards of moved branches where they are now, as looked up since the last walk."""
        self._fresh_routes: dict[LineKey, LineRoute] = {}
        self._offsets: dict[str, tuple[float, float]] | None = None
        """`_offset` of each post asked for since the walk of an update (whose lines then ask for their managers'
        again and again), while it lasts; None at other times, when the pending moves may change."""
        self._pinned: dict[LineKey, tuple[LineRoute, Rect | None, Rect | None]] = {}
        """The lines of cards being hidden, where they were with the cards they joined: parked when dropped."""
        self._reframed: set[str] = set()
        """Posts whose branch's move was handed down in the last walk: their lines' stored routes moved."""
        self.stashed: dict[str, _Stash] = {}
        """Branches hidden whole, by their top post."""
        self._gone: set[str] = set()
        self._appeared: set[str] = set()
        """In an update: the cards placed that were not before (added, or shown again card by card)."""
        self._regrouped: set[str] = set()
        """In an update: the groups that posts of branches hidden or shown whole left or joined."""
        self._back: set[str] = set()
        self._lines_shown: set[LineKey] = set()
        """In an update: the cards of branches hidden whole and of those brought back, and the lines among them."""
        self._unpend: list[str] = []
        """Posts hidden in this update: their moves are dropped once their cards and lines are parked."""
        self.loose_ends: dict[LineKey, tuple[Rect | None, Rect | None]] = {}
        """The cards each loose line was routed between: routed again when either is elsewhere."""
        reuse = keep is not None and not self.has_cycles
        self.blocks: dict[str, Block] = keep if keep is not None and reuse else {}
        if not reuse:
            self.stale: set[str] = set()
            """Posts whose block is out of date: edited or folded while not shown (measured when shown)."""
            self.parked: dict[str, tuple[tuple[float, float], Block, Rect]] = {}
            """Hidden post -> where its block was and its card: taken back if it comes back there with that block."""
            self.parked_routes: dict[LineKey, tuple[LineRoute, Rect | None, Rect | None, Block | None]] = {}
            """The solid lines into hidden cards with the cards they were routed between and the manager's block:
            taken back when both cards come back as they were (the same rectangles: the same places and blocks)
            and the manager's block is the same (its buses and spines)."""
        else:
            for pid, rect in self.tidy.items():
                self._park(pid, rect)
            for key, ends in self.ends.items():
                self.parked_routes[key] = (self.routes[key], *ends, self.blocks.get(key[0]))
        self.measure = BlockMeasure(o, shape, self.blocks)
        self._measure_below(ROOT, reuse)
        self.origin: dict[str, tuple[float, float]] = {}
        self.shifted: dict[str, tuple[float, float]] = {}
        """In an update, the posts whose block moved whole without being measured again, and by how much."""
        self.tidy: dict[str, Rect] = {}
        self._place(ROOT, (0.0, 0.0), None, None)
        self._appeared.clear()  # (every card: laid out afresh)
        self.cards: dict[str, Rect] = dict(self.tidy)
        self.hand_placed: dict[str, Rect] = {}
        self._hand_placed(set())
        self.routes: dict[LineKey, LineRoute] = {}
        self.ends: dict[LineKey, tuple[Rect, Rect]] = {}
        """The cards each solid line in the tidy layout was routed between."""
        self.into: dict[str, set[LineKey]] = {}
        """Post id -> the lines ending or starting at its card."""
        self.loose: set[LineKey] = set()
        """Lines that may leave the tidy blocks: dotted, to hand-placed cards, in reporting cycles."""
        for post_id in self.cards:
            self._route_lines_of(post_id, set())
        self.parked_routes = {key: route for key, route in self.parked_routes.items() if key[1] not in self.cards}
        self._index_members()
        self.groups: dict[str, Rect] = {}
        self._all_boxes(set())
        self._publish()

    def _measure_below(self, start: str, reuse: bool) -> set[str]:
        """Measure the blocks from `start` down, deepest first, and return those measured. With `reuse`, a
        block measured before is kept unless it is stale or a block below it was measured again."""
        blocks, children, stale = self.blocks, self.shape.children, self.stale
        if not reuse or len(stale) >= 64:
            return self._measure_walk(start, reuse)
        above = {up for pid in stale for up in self._chain_up(pid)}  # the posts with a stale block below them
        if start != ROOT:
            if start in blocks and start not in above and all(kid in blocks for kid in children[start]):
                return set()  # every block below kept (a block's reports were measured with it): no walk down
            return self._measure_walk(start, reuse)
        measured: set[str] = set()  # the top: each tree walked only if something in it is to be measured
        for top in [*children[ROOT], *self.shape.cycle_tops]:
            if top not in blocks or top in above or not all(kid in blocks for kid in children[top]):
                measured |= self._measure_walk(top, reuse)
        blocks[ROOT] = self.measure.measure(ROOT)
        measured.add(ROOT)
        stale.discard(ROOT)
        return measured

    def _measure_walk(self, start: str, reuse: bool) -> set[str]:
        """`_measure_below` by a walk through every post from `start` down."""
        blocks, children, stale, measure = self.blocks, self.shape.children, self.stale, self.measure.measure
        measured: set[str] = set()
        for post_id in reversed(self._preorder(start)):
            if reuse and post_id != ROOT and post_id in blocks and post_id not in stale and \
                    not any(kid in measured for kid in children[post_id]):
                continue
            blocks[post_id] = measure(post_id)
            measured.add(post_id)
            stale.discard(post_id)
        return measured

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
               moved: set[str] | None, lazy: bool = False) -> None:
        """Absolute positions from `start` down. With `dirty` (an update), a subtree that was not
        re-measured and whose origin is unchanged is skipped, and cards that move go in `moved`; one that
        moved whole goes in `shifted` and, `lazy`, in `pending` instead of being walked. A hidden card coming
        back where it was, with the same block, takes back its rectangle."""
        width, height = self.options.card_width, self.options.card_height
        origins, blocks, tidy, parked, shifted = self.origin, self.blocks, self.tidy, self.parked, self.shifted
        pending, children = self.pending, self.shape.children
        stack = [(start, origin)]
        pop, push = stack.pop, stack.append
        while stack:
            post, corner = pop()
            if dirty is not None and post not in dirty:
                before = origins.get(post)
                if before is not None:
                    step = pending.get(post)
                    now = before if step is None else (before[0] + step[0], before[1] + step[1])
                    if now == corner:
                        continue
                    shifted[post] = (corner[0] - now[0], corner[1] - now[1])  # its block, and all below, moved whole
                    if lazy:
                        pending[post] = (corner[0] - before[0], corner[1] - before[1])
                        continue
            if lazy and post in self.stashed:
                stash = self.stashed.pop(post)
                if stash.block is blocks[post]:  # back as it was: moved whole, nothing walked
                    self._unstash(post, stash, corner)
                    continue
            step = pending.pop(post, None) if pending else None
            if step is not None:  # placed afresh: the branch's move goes down to its reports
                self._reframed.add(post)
                for kid in children.get(post, ()):
                    below = pending.get(kid)
                    pending[kid] = step if below is None else (below[0] + step[0], below[1] + step[1])
            if post not in origins and post != ROOT:
                self._appeared.add(post)
            origins[post] = corner
            block = blocks[post]
            x, y = corner
            if post != ROOT:
                was = parked.pop(post, None)
                if was is not None and was[1] is block and was[0] == corner:
                    rect = was[2]
                else:
                    rect = Rect(x + block.card_x, y, width, height)
                if moved is not None:
                    old = tidy.get(post)
                    if old is not None and step is not None:
                        old = old.translated(*step)
                        if old == rect:  # where it was, but no longer stored away from it
                            self.cards[post] = rect
                    if old != rect:
                        moved.add(post)
                tidy[post] = rect
            for kid, dx, dy in block.kids:
                push((kid, (x + dx, y + dy)))

    # ----- branches moved whole ------------------------------------------------------------

    def _offset(self, post_id: str | None) -> tuple[float, float]:
        """How far the post's stored card (and the solid lines from it) lie from where they are now."""
        pending = self.pending
        if not pending:
            return 0.0, 0.0
        known = self._offsets
        if known is not None and post_id is not None:
            found = known.get(post_id)
            if found is not None:
                return found
        dx = dy = 0.0
        parent = self.parent
        current: str | None = post_id
        while current is not None and current != ROOT:
            step = pending.get(current)
            if step is not None:
                dx += step[0]
                dy += step[1]
            current = parent.get(current)
        if known is not None and post_id is not None:
            known[post_id] = dx, dy
        return dx, dy

    def card(self, post_id: str) -> Rect | None:
        """The post's card where it is now; None if it is not shown."""
        rect = self.cards.get(post_id)
        if rect is None or not self.pending or post_id in self.hand_placed:
            return rect
        fresh = self._fresh.get(post_id)
        if fresh is None:
            dx, dy = self._offset(post_id)
            fresh = self._fresh[post_id] = rect if dx == 0.0 and dy == 0.0 else rect.translated(dx, dy)
        return fresh

    def route(self, key: LineKey) -> LineRoute:
        """The line where it is now (KeyError: no such line); a tidy line moves with its manager's branch."""
        route = self.routes[key]
        if not self.pending or key in self.loose:
            return route
        fresh = self._fresh_routes.get(key)
        if fresh is None:
            dx, dy = self._offset(key[0])
            fresh = self._fresh_routes[key] = route if dx == 0.0 and dy == 0.0 else _moved(route, dx, dy)
        return fresh

    def origin_now(self, post_id: str) -> tuple[float, float]:
        """The top left of the post's block where it is now."""
        if post_id == ROOT:
            return 0.0, 0.0
        ox, oy = self.origin[post_id]
        dx, dy = self._offset(post_id)
        return ox + dx, oy + dy

    def prepare(self) -> None:
        """Work out now what the first update would (the groups' spans in every block), while nothing waits."""
        if not self.hand_placed:
            self.measure.spans(ROOT)

    # ----- finding what is where ----------------------------------------------------------

    def corners(self, post_id: str) -> list[tuple[float, float]]:
        """The top left of every card in the post's block, from the block's top left; kept with each block
        (a block measured again is a new block)."""
        blocks = self.blocks
        for post in lacking(blocks, post_id, lambda block: block.corners is not None):
            block = blocks[post]
            found = [] if post == ROOT else [(block.card_x, 0.0)]
            for kid, dx, dy in block.kids:
                found += [(x + dx, y + dy) for x, y in blocks[kid].corners or ()]
            block.corners = found
        return blocks[post_id].corners or []

    def branch(self, root: str, stop: Container[str] | None = None, with_lines: bool = True) -> tuple[
            list[tuple[str, float, float]], list[tuple[LineRoute, float, float]]]:
        """The cards of the post's branch in the tidy tree, each (post, left, top) where it is now, and (unless
        `with_lines` is False) the solid lines among them, each with how far its stored route lies from where it
        is now: one walk down the blocks, however far the branch moved. The branches of the posts in `stop` are
        left out, the lines to them not."""
        blocks, children, routes, pending, loose = self.blocks, self.shape.children, self.routes, self.pending, \
            self.loose
        x, y = self.origin_now(root)
        cards: list[tuple[str, float, float]] = []
        lines: list[tuple[LineRoute, float, float]] = []
        stack = [(root, x, y, *self._offset(root))]
        pop, push = stack.pop, stack.append
        while stack:
            post, x, y, dx, dy = pop()
            block = blocks[post]
            cards.append((post, x + block.card_x, y))
            if with_lines:
                for kid in children.get(post, ()):
                    key = (post, kid, "line")
                    route = routes.get(key)
                    if route is not None and key not in loose:
                        lines.append((route, dx, dy))
            for kid, kx, ky in block.kids:
                if stop is not None and kid in stop:
                    continue
                step = pending.get(kid)
                push((kid, x + kx, y + ky, dx + step[0], dy + step[1]) if step else (kid, x + kx, y + ky, dx, dy))
        return cards, lines

    def cards_in(self, box: Box, most: int | None = None) -> list[str] | None:
        """The posts whose cards meet `box` (None: more than `most`), found by walking down only the blocks
        that meet it, so a view of a few hundred cards looks at a few hundred blocks of any chart."""
        left, top, right, bottom = box
        hand = self.hand_placed
        width, height = self.options.card_width, self.options.card_height
        found: list[str] = []
        for post, block, x, y in self._blocks_meeting(box):
            x0, y0, x1, y1 = block.extent
            if most is not None and len(found) + block.size > most and left <= x0 + x and x1 + x <= right and \
                    top <= y0 + y and y1 + y <= bottom:
                return None  # the whole block is in the box, and that is too many
            if post != ROOT and post not in hand:
                card_x = x + block.card_x
                if card_x <= right and card_x + width >= left and y <= bottom and y + height >= top:
                    found.append(post)
                    if most is not None and len(found) > most:
                        return None
        for pid, rect in hand.items():
            if rect.x <= right and rect.right >= left and rect.y <= bottom and rect.bottom >= top:
                found.append(pid)
        return None if most is not None and len(found) > most else found

    def _blocks_meeting(self, box: Box) -> Iterator[tuple[str, Block, float, float]]:
        """Each block that meets `box`, with where its top left is now, walking down only from those."""
        left, top, right, bottom = box
        blocks = self.blocks
        stack = [(ROOT, 0.0, 0.0)]
        pop, push = stack.pop, stack.append
        while stack:
            post, x, y = pop()
            block = blocks[post]
            x0, y0, x1, y1 = block.extent
            if x0 + x > right or x1 + x < left or y0 + y > bottom or y1 + y < top:
                continue
            yield post, block, x, y
            for kid, dx, dy in block.kids:
                push((kid, x + dx, y + dy))

    def lines_in(self, box: Box) -> list[LineKey]:
        """The solid lines from every post whose block meets `box` (a line lies inside its manager's block),
        and the loose lines that meet it."""
        children, routes, loose = self.shape.children, self.routes, self.loose
        found: list[LineKey] = []
        for post, _, _, _ in self._blocks_meeting(box):
            if post != ROOT:
                for kid in children.get(post, ()):
                    key = (post, kid, "line")
                    if key in routes and key not in loose:
                        found.append(key)
        for key in loose:
            if route_meets(routes[key].points, box):
                found.append(key)
        return found

    def _flush(self) -> None:
        """Walk every branch moved whole down to its cards and lines (finding room for hand-placed cards, or
        laying out afresh, needs every card where it is)."""
        if not self.pending:
            return
        offsets = {pid: self._offset(pid) for pid in self.origin if pid != ROOT}
        for key, route in self.routes.items():
            dx, dy = offsets.get(key[0], (0.0, 0.0))
            if key not in self.loose and (dx or dy):
                self.routes[key] = _moved(route, dx, dy)
        for pid, (dx, dy) in offsets.items():
            if dx or dy:
                ox, oy = self.origin[pid]
                self.origin[pid] = (ox + dx, oy + dy)
                rect = self.tidy.get(pid)
                if rect is not None:
                    self.tidy[pid] = rect.translated(dx, dy)
                    if pid not in self.hand_placed:
                        self.cards[pid] = self.tidy[pid]
        for key in self.ends:
            self.ends[key] = self.cards[key[0]], self.cards[key[1]]
        self.pending.clear()
        self._fresh, self._fresh_routes = {}, {}

    def _relinked(self, post_id: str, above: tuple[float, float], under: str) -> None:
        """The post, placed while `above` away from its stored card, now hangs under `under`: it stays where
        it is until walked (its move is the one above it before, less the one above it now)."""
        if post_id not in self.origin:  # not placed yet, or hidden: placed afresh when shown
            self.pending.pop(post_id, None)
            return
        dx, dy = self._offset(under)
        step = self.pending.get(post_id, (0.0, 0.0))
        step = (step[0] + above[0] - dx, step[1] + above[1] - dy)
        if step == (0.0, 0.0):
            self.pending.pop(post_id, None)
        else:
            self.pending[post_id] = step

    def _stash_branch(self, root: str) -> None:
        """Hide the branch under and including `root` whole: its stored cards, places, moves and the lines among
        them are kept as they are (`_Stash`, the lines' ends still knowing them); the lines to the rest of the
        chart are dropped."""
        branch: list[str] = []  # placed: a branch inside not placed yet is hidden on its own
        stack = [root]
        tidy, children = self.tidy, self.shape.children
        while stack:
            post = stack.pop()
            if post in tidy:
                branch.append(post)
                stack.extend(children.get(post, ()))
        cards, origin, pending, routes, ends, parent = self.cards, self.origin, self.pending, self.routes, \
            self.ends, self.parent
        stash = _Stash(self.blocks[root], origin[root], {}, {}, {}, {}, {}, {})
        members, group_of, regrouped = self.members, self._group_of, self._regrouped
        top = parent.get(root, ROOT)
        if (top, root, "line") in routes:  # from the rest of the chart: routed again if shown
            self._drop_route((top, root, "line"), self._lines_shown, park=False)
        loose = self.loose
        if loose:  # dotted lines to or from the branch, found from the smaller side
            if len(loose) < len(branch):
                inside = set(branch)
                leaving = [key for key in loose if key[0] in inside or key[1] in inside]
            else:
                leaving = [key for pid in branch for key in self.into.get(pid, ()) if key in loose]
            for key in leaving:
                self._drop_route(key, self._lines_shown, park=False)
        for pid in branch:
            if pid != root:
                key = (parent[pid], pid, "line")
                route = routes.pop(key, None)
                if route is not None:
                    stash.routes[key] = route
                    found = ends.pop(key, None)
                    if found is not None:
                        stash.ends[key] = found
            stash.tidy[pid] = tidy.pop(pid)
            cards.pop(pid, None)
            stash.origins[pid] = origin.pop(pid)
            step = pending.pop(pid, None)
            if step is not None:
                stash.pending[pid] = step
            group = group_of.pop(pid, None)
            if group is not None:
                members[group].discard(pid)
                held = stash.groups.get(group)
                if held is None:
                    stash.groups[group] = [pid]
                else:
                    held.append(pid)
        regrouped.update(stash.groups)
        above = self._offset(top)
        if above != (0.0, 0.0):  # the moves above the branch, which it leaves behind
            step = stash.pending.get(root, (0.0, 0.0))
            stash.pending[root] = (step[0] + above[0], step[1] + above[1])
        self.stashed[root] = stash
        self._gone.update(stash.tidy)
        self._lines_shown.update(stash.routes)  # gone from the layout: named in the update

    def _unstash(self, root: str, stash: _Stash, corner: tuple[float, float]) -> None:
        """Bring a branch hidden whole back, its top's block at `corner`."""
        self.tidy.update(stash.tidy)
        self.cards.update(stash.tidy)
        members, group_of = self.members, self._group_of
        for group, pids in stash.groups.items():
            if group in members:
                members[group].update(pids)
                group_of.update(dict.fromkeys(pids, group))
                self._regrouped.add(group)
        self.origin.update(stash.origins)
        self.pending.update(stash.pending)
        step = (corner[0] - stash.origin[0], corner[1] - stash.origin[1])
        if step == (0.0, 0.0):
            self.pending.pop(root, None)
        else:
            self.pending[root] = step
        self.routes.update(stash.routes)
        self.ends.update(stash.ends)
        self._back.update(stash.tidy)
        self._gone.difference_update(stash.tidy)
        self._lines_shown.update(stash.routes)

    def _hide_branch(self, root: str, moved: set[str]) -> None:
        """Hide the post and everything shown under it: whole when the layout holds no hand-placed cards nor
        reporting cycles, else card by card."""
        if root not in self.tidy:
            return
        if self.manual or self.hand_placed or self.has_cycles:
            for pid in self._preorder(root):
                self._hide_card(pid, moved)
        else:
            self._stash_branch(root)

    def _pin_lines(self, post_id: str) -> None:
        """The lines of a card about to be hidden, where they are now, with the cards they join: parked as such."""
        for key in self.into.get(post_id, ()):
            if key in self.routes and key not in self._pinned:
                self._pinned[key] = (self.route(key), self.card(key[0]), self.card(key[1]))

    def _tidy_cards_meeting(self, box: Box) -> Iterator[tuple[str, Rect]]:
        """The cards in the tidy tree that meet `box`, where they are now, but those placed by hand."""
        left, top, right, bottom = box
        manual, width, height = self.manual, self.options.card_width, self.options.card_height
        for post, block, x, y in self._blocks_meeting(box):
            if post != ROOT and post not in manual:
                card_x = x + block.card_x
                if card_x <= right and card_x + width >= left and y <= bottom and y + height >= top:
                    yield post, Rect(card_x, y, width, height)

    def _hand_placed(self, moved: set[str]) -> None:
        """Cards where the user put them, or the nearest free place (`space.py`); changed ones go in `moved`."""
        o = self.options
        placed: dict[str, Rect] = {}
        if o.use_manual_positions and self.manual:
            posts = self.structure.posts
            for pid in sorted(self.manual, key=self.order.__getitem__):
                position = posts[pid].position
                if pid in self.tidy and position is not None:
                    placed[pid] = Rect(position.x, position.y, o.card_width, o.card_height)
        result = make_room_for_hand_placed(Room(o, self._tidy_cards_meeting), placed, o) if placed else {}
        for pid in self.hand_placed.keys() - result.keys():
            if pid in self.tidy:
                self.cards[pid] = self.tidy[pid]
                moved.add(pid)
        for pid, rect in result.items():
            if self.cards.get(pid) != rect:
                self.cards[pid] = rect
                moved.add(pid)
        self.hand_placed = result

    # ----- lines, boxes, bounds ------------------------------------------------------------

    def _route_lines_of(self, post_id: str, changed: set[LineKey]) -> None:
        """(Re)route the solid line into `post_id` and every dotted line into it. A solid line between two
        cards that came back as they were when it was parked is taken back."""
        o, cards, card = self.options, self.cards, self.card
        post = self.structure.posts.get(post_id)
        if post is None or post_id not in cards:
            return
        manager = post.reports_to
        if manager is not None and manager in cards and manager != post_id:
            key = (manager, post_id, "line")
            ends = cards[manager], cards[post_id]
            parked = self.parked_routes.pop(key, None) if self.parked_routes else None
            if parked is not None and parked[1] is ends[0] and parked[2] is ends[1] and \
                    parked[3] is self.blocks.get(manager):
                self._set_route(parked[0], False, changed)
                self.ends[key] = ends
            else:
                points, loose = self._solid_points(manager, post_id)
                self._set_route(LineRoute(manager, post_id, "line", points), loose, changed)
                if loose:
                    self.ends.pop(key, None)
                    self.loose_ends[key] = card(manager), card(post_id)
                else:
                    self.ends[key] = ends
        drawn: set[str] = set()
        for dotted in post.dotted:
            if dotted.manager in cards and dotted.manager != post_id and dotted.manager not in drawn:
                drawn.add(dotted.manager)
                boss, report = card(dotted.manager), card(post_id)
                assert boss is not None and report is not None
                points = dotted_route(boss, report, o.h_gap / 2)
                self._set_route(LineRoute(dotted.manager, post_id, "dotted", points, dotted.label), True, changed)
                self.loose_ends[(dotted.manager, post_id, "dotted")] = boss, report

    def _shift_line(self, post_id: str, changed: set[LineKey]) -> bool:
        """Move the solid line into `post_id` with its manager's block, when that block moved whole (its
        routes are relative to it, so the line moves as its cards did); False if it must be routed afresh."""
        post = self.structure.posts.get(post_id)
        manager = post.reports_to if post is not None and not post.dotted else None
        if manager is None or manager not in self.shifted:
            return False
        key: LineKey = (manager, post_id, "line")
        old = self.routes.get(key)
        if old is None or key in self.loose or manager in self.hand_placed or post_id in self.hand_placed:
            return False
        dx, dy = self.shifted[manager]
        self.routes[key] = _moved(old, dx, dy)
        self.ends[key] = self.cards[manager], self.cards[post_id]  # so a parked line is known by its cards now
        changed.add(key)
        return True

    def _set_route(self, route: LineRoute, loose: bool, changed: set[LineKey]) -> None:
        """Store the route, a tidy one as its manager's branch stands when walked (see `pending`)."""
        key = (route.manager, route.report, route.kind)
        if not loose and self.pending:
            dx, dy = self._offset(route.manager)
            if dx or dy:
                route = _moved(route, -dx, -dy)
        old = self.routes.get(key)
        if old is not None and old.points == route.points and old.label == route.label:
            route = old  # the same line: kept, so what was drawn from it can be kept too
        self.routes[key] = route
        if old is None:
            changed.add(key)
            into = self.into
            for end in (route.manager, route.report):
                keys = into.get(end)
                if keys is None:
                    into[end] = {key}
                else:
                    keys.add(key)
        elif old.points != route.points or old.label != route.label or route.manager in self._reframed:
            changed.add(key)  # (a line from a branch walked again was stored as it stood before it moved)
        if loose:
            self.loose.add(key)
        else:
            self.loose.discard(key)
            self.loose_ends.pop(key, None)

    def _drop_route(self, key: LineKey, changed: set[LineKey], park: bool = True) -> None:
        pinned = self._pinned.pop(key, None)
        route = self.routes.pop(key, None)
        ends = self.ends.pop(key, None)
        if route is not None:
            changed.add(key)
            if ends is not None and park:
                block = self.blocks.get(key[0])
                self.parked_routes[key] = (*pinned, block) if pinned is not None else (route, *ends, block)
        self.loose.discard(key)
        self.loose_ends.pop(key, None)
        for end in key[:2]:
            keys = self.into.get(end)
            if keys is not None:
                keys.discard(key)

    def _solid_points(self, manager: str, report: str) -> tuple[list[tuple[float, float]], bool]:
        """The route and whether it may leave the tidy blocks. The tidy routes fit only when both
        cards are where the tree put them; a line touching a hand-placed card takes the plain route."""
        o = self.options
        if self.pending:
            boss, card = self.card(manager), self.card(report)
            ox, oy = self.origin_now(manager)
        else:  # nothing moved whole: every card where it is stored (most of laying out afresh)
            boss, card = self.cards.get(manager), self.cards.get(report)
            ox, oy = self.origin[manager]
        assert boss is not None and card is not None
        tidy = manager not in self.hand_placed and report not in self.hand_placed
        block = self.blocks[manager]
        route: Route | None = block.routes.get(report)
        if not tidy or route is None:
            bus = block.first_bus + oy if tidy and block.first_bus is not None else None
            return solid_route(boss, card, bus, o.v_gap / 2), True
        return tidy_route(block, route, (ox, oy), boss, card, o), False

    def _shown_groups(self) -> Mapping[str, Group]:
        """The groups around a shown post, and (but in a focus) those with no posts at all."""
        groups = self.structure.groups
        if len(self.cards) == len(self.structure.posts):
            return groups
        wanted: set[str] = set()
        chain = self.nesting.chain
        for gid, members in self.members.items():
            if members and gid not in wanted:
                wanted.update(chain(gid))
        if self.focus is None:
            for gid in self._unoccupied():
                wanted.update(chain(gid))
        return {gid: group for gid, group in groups.items() if gid in wanted}

    def _unoccupied(self) -> list[str]:
        """The groups with no post anywhere inside them."""
        chain = self.nesting.chain
        if len(self.cards) == len(self.structure.posts):  # every post shown: a look at each group, not each post
            held: list[str | None] = [gid for gid, members in self.members.items() if members]
        else:
            held = list({post.group for post in self.structure.posts.values()})
        occupied = {g for gid in held for g in chain(gid)}
        return [gid for gid in self.structure.groups if gid not in occupied]

    def _all_boxes(self, changed: set[str]) -> None:
        structure = self.structure
        card = self.card
        boxes = group_boxes(self._shown_groups(), self.nesting,
                            ((structure.posts[pid].group, card(pid)) for pid in self.cards),  # type: ignore[misc]
                            self.options)
        changed.update(g for g in boxes.keys() | self.groups.keys() if boxes.get(g) != self.groups.get(g))
        self.groups = boxes
        self.nested: dict[str, list[str]] = {gid: [] for gid in structure.groups}
        for gid in structure.groups:
            parent = self.nesting.parent(gid)
            if parent is not None:
                self.nested[parent].append(gid)
        self.vacant = bool(self._unoccupied())
        """Whether some group holds no posts at all: such a box is placed by what is around it (and shown or
        not depending on the focus and on how much is folded), so all boxes follow any change."""

    def _index_members(self) -> None:
        self.members: dict[str, set[str]] = {gid: set() for gid in self.structure.groups}
        """Group id -> the posts shown directly in it."""
        self._group_of: dict[str, str] = {}
        for pid in self.cards:
            group = self.structure.posts[pid].group
            if group in self.members:
                self.members[group].add(pid)
                self._group_of[pid] = group

    def _holds_posts(self, group_id: str) -> bool:
        pending = [group_id]
        while pending:
            gid = pending.pop()
            if self.members[gid]:
                return True
            pending.extend(self.nested[gid])
        return False

    def _boxes(self, touched_posts: set[str], edited: set[str], groups_changed: bool, changed: set[str],
               also: Iterable[str] = ()) -> None:
        """Re-frame the boxes of the groups around `touched_posts` (`edited`: the posts edited, not only moved
        or folded) and of the groups `also` (with cards in branches moved whole); all of them when a group was
        edited or some group holds no posts at all (such boxes are placed by what is around them). A group
        whose posts are all folded away or outside the focus loses its box."""
        posts, cards, members, group_of = self.structure.posts, self.cards, self.members, self._group_of
        touched: set[str] = {gid for gid in also if gid in members}
        for pid in touched_posts:
            old = group_of.get(pid)
            if old is not None and pid in cards and pid not in edited and old in members:  # moved within its group
                touched.add(old)
                continue
            post = posts.get(pid)
            group = post.group if post is not None and pid in cards else None
            old = group_of.get(pid)
            if old == group:
                if group is not None and group in members:
                    touched.add(group)
                continue
            if old is not None:
                del group_of[pid]
                if old in members:
                    members[old].discard(pid)
                    touched.add(old)
            if group is not None and group in members:
                members[group].add(pid)
                group_of[pid] = group
                touched.add(group)
        affected: set[str] = set()
        for gid in touched:
            affected.update([gid, *self.nesting.chain(gid)])
        was_vacant = self.vacant
        if edited and not groups_changed:
            self.vacant = bool(self._unoccupied())
        if groups_changed or self.vacant or was_vacant:  # an empty box may go
            if groups_changed:
                self._index_members()
            self._all_boxes(changed)
            return
        spans = self.measure.spans(ROOT) if not self.hand_placed else None  # every card in the tidy tree
        for gid in sorted(affected, key=lambda g: -len(self.nesting.chain(g))):  # innermost first
            if not self._holds_posts(gid):
                if self.groups.pop(gid, None) is not None:
                    changed.add(gid)
                continue
            nested = [kid for kid in self.nested[gid] if kid in self.groups]
            if spans is not None:
                box = framed(gid, spans.get(gid), [self.groups[kid] for kid in nested], self.options)
            else:
                box = group_box(gid, map(self.card, members[gid]), nested, self.groups, self.options)  # type: ignore[arg-type]
            if self.groups.get(gid) != box:
                self.groups[gid] = box
                changed.add(gid)

    def _bounds(self) -> Rect:
        x0, y0, x1, y1 = self.blocks[ROOT].extent
        empty = not self.cards
        if empty:
            x0, y0, x1, y1 = float("inf"), float("inf"), float("-inf"), float("-inf")
        for rect in [*self.groups.values(), *self.hand_placed.values()]:
            x0, y0, x1, y1 = min(x0, rect.x), min(y0, rect.y), max(x1, rect.right), max(y1, rect.bottom)
        for key in self.loose:
            for x, y in self.routes[key].points:
                x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
        if x0 == float("inf"):
            return Rect(0.0, 0.0, 0.0, 0.0)
        return Rect(x0, y0, x1 - x0, y1 - y0)

    def _publish(self) -> None:
        cards: Mapping[str, Rect] = Resolved(self, self.cards, self.card) if self.pending else self.cards
        routes: Mapping[LineKey, LineRoute] = Resolved(self, self.routes, self.route) if self.pending else self.routes
        self.layout = Layout(cards, self.groups, routes, self._bounds(), self.order, self)

    # ----- updates -----------------------------------------------------------------------

    def update(self, structure: Structure, posts: Iterable[str] = (), groups_changed: bool = False) -> LayoutDelta:
        """Bring the layout in line with `structure` after an edit to `posts` (added, deleted, given
        a new manager, group, assistant flag or hand placement); `groups_changed` after an edit to
        the groups themselves. Returns what changed."""
        posts = set(posts)
        if self._needs_rebuild(structure, posts):
            return self._rebuilt(structure)
        self.structure = structure
        shape = self.shape
        dirty: set[str] = set()
        moved: set[str] = set()
        self._follow_order(structure, posts)
        for pid in posts:  # dotted lines changed with them
            for source in self._dotted_to.pop(pid, ()):
                self._dotted_from[source].discard(pid)
            post = structure.posts.get(pid)
            if post is not None and post.dotted:
                self._note_dotted(pid, post.dotted)
        for pid in sorted(posts, key=lambda p: _depth_in(structure, p)):  # a new manager before its new reports
            old_manager = self.parent.get(pid)
            post = structure.posts.get(pid)
            self.manual.discard(pid)
            if post is None:
                self._forget(pid, old_manager, moved)
                if old_manager is not None:
                    self._mark_managing(old_manager)
                    dirty |= self._chain_up(old_manager)
                continue
            manager = post.reports_to if post.reports_to in structure.posts else None
            new_parent = manager if manager is not None else ROOT
            shape.chain[pid] = self.nesting.chain(post.group)
            shape.assistant[pid] = post.assistant
            if post.position is not None:
                self.manual.add(pid)
            if pid not in self.reports:
                self.reports[pid] = []
                shape.children[pid] = []
            was_shown = pid in self.tidy
            if old_manager != new_parent:
                above = self._offset(old_manager)
                if old_manager is not None:
                    self._unlink(pid, old_manager)
                    self._mark_managing(old_manager)
                    dirty |= self._chain_up(old_manager)
                self._relinked(pid, above, new_parent)
                self._link(pid, new_parent, moved)
                self._mark_managing(new_parent)
            if (pid not in self.blocks or not was_shown) and self._shown(pid):  # its blocks may be stale
                self._measure_below(pid, False)
            dirty |= self._chain_up(pid)
            moved.add(pid)
        if groups_changed:
            self.nesting = GroupNesting(structure.groups)
            for pid, post in structure.posts.items():
                chain = self.nesting.chain(post.group)
                if shape.chain.get(pid) != chain:
                    shape.chain[pid] = chain
                    dirty |= self._chain_up(pid)
        return self._settle(dirty, moved, posts, groups_changed)

    def _note_dotted(self, report: str, dotted: Iterable[DottedLine]) -> None:
        managers = self._dotted_to[report] = {line.manager for line in dotted}
        for manager in managers:
            self._dotted_from.setdefault(manager, set()).add(report)

    def _follow_order(self, structure: Structure, posts: set[str]) -> None:
        """Keep `order` (the posts' order in the file, which orders reports) in step with added and deleted
        posts: a deleted post leaves it and posts added at the end follow the others, so only a post put back
        between others (an undone deletion) numbers them all again. Changed in place: a published layout reads
        it only while it is the latest (`Layout.lines`)."""
        order = self.order
        added = [pid for pid in posts if pid in structure.posts and pid not in order]
        for pid in posts:
            if pid not in structure.posts:
                order.pop(pid, None)
        if not added:
            return
        last = list(islice(reversed(structure.posts), len(added)))
        if set(last) != set(added):
            self.order = {pid: i for i, pid in enumerate(structure.posts)}
            self._next_number = len(self.order)
        else:
            start = self._next_number
            order.update((pid, start + i) for i, pid in enumerate(reversed(last)))
            self._next_number = start + len(last)

    def set_focus(self, structure: Structure, focus: str | None, folded: frozenset[str]) -> LayoutDelta:
        """Lay out only `focus`'s branch (None: everything), with `folded` folded. The posts leaving the view
        are hidden, those coming back take back where they were if their blocks are unchanged, and the
        branch in focus moves as a whole. Reporting cycles are laid out afresh."""
        if self.has_cycles or (focus is not None and focus not in self.parent):
            for pid in self.options.folded ^ folded:  # each and every block above it too
                self.stale |= self._chain_up(pid) - {ROOT}
            self.options = replace(self.options, focus=focus, folded=folded)
            return self._rebuilt(structure, keep=self.blocks)
        self.structure = structure
        dirty: set[str] = set()
        moved: set[str] = set()
        measured = self._fold(folded, dirty, moved)
        self.options = replace(self.options, focus=focus)
        self.measure.o = self.options
        was, self.focus = self.focus, focus
        self.shape.children[ROOT] = [focus] if focus is not None else list(self.reports[ROOT])
        if focus is not None:
            above = self._offset(self.parent.get(focus))
            chain: list[str] = []  # the posts above the focus, shown
            current = self.parent.get(focus)
            while current is not None and current != ROOT:
                chain.append(current)
                current = self.parent.get(current)
            if focus in self.tidy and all(pid in self.tidy for pid in chain):
                on_chain = {focus, *chain}
                for holder in [ROOT, *chain]:
                    kids = [*self.reports[ROOT], *self.shape.cycle_tops] if holder == ROOT else \
                        self.shape.children.get(holder, [])
                    for kid in list(kids):
                        if kid not in on_chain:
                            self._hide_branch(kid, moved)
                for pid in chain:
                    self._hide_card(pid, moved)
            else:
                branch = set(self._preorder(focus))
                for pid in [p for p in self.tidy if p not in branch]:
                    self._hide_card(pid, moved)
            if focus in self.origin and above != (0.0, 0.0):  # the posts above it are hidden: their moves go
                step = self.pending.get(focus, (0.0, 0.0))
                self.pending[focus] = (step[0] + above[0], step[1] + above[1])
        elif was is not None and not self._shown(was):  # the branch was under a folded post
            self._hide_branch(was, moved)
        measured |= self._measure_below(ROOT, True)
        dirty |= measured
        dirty.add(ROOT)
        return self._settle(dirty, moved, set(), False, measured)

    def set_folded(self, structure: Structure, folded: frozenset[str]) -> LayoutDelta:
        """Fold away the reports of the posts in `folded` (and unfold the others)."""
        self.structure = structure
        dirty: set[str] = set()
        moved: set[str] = set()
        measured = self._fold(folded, dirty, moved)
        return self._settle(dirty, moved, set(), False, measured)

    def _fold(self, folded: frozenset[str], dirty: set[str], moved: set[str]) -> set[str]:
        """Fold the posts in `folded`, unfold the others: the cards folded away go in `moved`, the blocks to
        measure again in `dirty`; returns the blocks of `dirty` already measured as they now stand."""
        measured: set[str] = set()
        was = self.options.folded
        self.options = replace(self.options, folded=folded)
        self.measure.o = self.options
        shape = self.shape
        for pid in was ^ folded:
            if pid not in self.reports or pid == ROOT:
                continue
            if pid in folded:
                for kid in list(shape.children[pid]):
                    self._hide_branch(kid, moved)
                shape.children[pid] = []
            else:
                shape.children[pid] = list(self.reports[pid])
            self._mark_managing(pid)
            chain = self._chain_up(pid)
            measured -= chain  # measured before this change below them
            if pid not in folded and self._shown(pid):  # else measured when it is shown
                fresh = self._measure_below(pid, True)
                measured |= fresh
                dirty |= fresh
            dirty |= chain
        return measured

    def _settle(self, dirty: set[str], moved: set[str], posts: set[str], groups_changed: bool,
                measured: set[str] | frozenset[str] = frozenset()) -> LayoutDelta:
        """Measure the dirty blocks (but those `measured` already), place what moved, then lines and boxes;
        what changed."""
        shape = self.shape
        lazy = not self.has_cycles
        if not lazy:
            self._flush()
        if measured:  # a block measured before one below it is measured again after it
            measured = measured - {up for pid in dirty - measured for up in self._chain_up(pid)}
        for post_id in sorted(dirty - measured, key=self._depth, reverse=True):
            if post_id == ROOT or post_id in self.blocks and self._shown(post_id):
                self.blocks[post_id] = self.measure.measure(post_id)
                self.stale.discard(post_id)
            else:  # folded away or outside the focus: measured when shown
                self.stale.add(post_id)
        for pid in self._unpend:  # hidden, their cards and lines parked where they were
            self.pending.pop(pid, None)
        self._unpend.clear()
        self.shifted.clear()
        self._reframed.clear()
        self._place(ROOT, (0.0, 0.0), dirty, moved, lazy)
        self._fresh, self._fresh_routes, self._offsets = {}, {}, {}
        self.version += 1
        tidy, cards, manual = self.tidy, self.cards, self.manual
        for pid in moved:
            rect = tidy.get(pid)  # in `tidy`: shown and placed
            if rect is not None and pid not in manual:
                cards[pid] = rect
        if self.manual or self.hand_placed:
            self._hand_placed(moved)
        delta = LayoutDelta()
        reroute = set(moved)
        children = shape.children
        for pids in (moved, dirty):  # a re-measured block may hang its reports from another bus
            for pid in pids:
                kids = children.get(pid)
                if kids:
                    reroute.update(kids)
        if lazy and self.shifted:
            delta.shifted = dict(self.shifted)
            card = self.card
            for key, ends in self.loose_ends.items():  # a loose line follows either end's branch
                if key[0] in cards and key[1] in cards and (card(key[0]), card(key[1])) != ends:
                    reroute.add(key[1])
        into = self.into
        for pid in moved:
            keys = into.get(pid)
            if not keys:
                continue
            gone = pid not in cards
            for key in list(keys):
                reroute.add(key[1])
                if gone or key[1] == pid and pid in posts:  # else routed again under the same key
                    self._drop_route(key, delta.lines)
        shown = self._back | self._appeared  # shown again: dotted lines from it and (whole) to it, dropped
        for pid in self._dotted_from.keys() & shown:  # or drawn while it was hidden (`&` walks the smaller side)
            reroute.update(self._dotted_from[pid])
        reroute.update(self._dotted_to.keys() & shown)
        for pid in reroute:
            if pid in cards and (lazy or not self._shift_line(pid, delta.lines)):
                self._route_lines_of(pid, delta.lines)
        self._pinned.clear()
        delta.cards = {pid for pid in moved if pid in cards or pid not in tidy}  # placed, hidden or deleted
        delta.cards |= self._gone | self._back
        delta.lines |= self._lines_shown
        self._boxes(moved | posts, posts, groups_changed, delta.groups,
                    {gid for pid in delta.shifted for gid in self.measure.spans(pid)} | self._regrouped)
        self._gone, self._back, self._lines_shown, self._regrouped, self._appeared = set(), set(), set(), set(), set()
        self._offsets = None
        self._publish()
        return delta

    def _rebuilt(self, structure: Structure, keep: dict[str, Block] | None = None) -> LayoutDelta:
        self._flush()
        cards, groups, routes = self.cards, self.groups, self.routes
        self._rebuild(structure, keep)
        delta = LayoutDelta()
        delta.cards = {k for k in cards.keys() | self.cards.keys() if cards.get(k) != self.cards.get(k)}
        delta.groups = {k for k in groups.keys() | self.groups.keys() if groups.get(k) != self.groups.get(k)}
        delta.lines = {k for k in routes.keys() | self.routes.keys()
                       if (routes[k].points if k in routes else None) != (self.routes[k].points if k in self.routes
                                                                          else None)}
        return delta

    def _needs_rebuild(self, structure: Structure, posts: set[str]) -> bool:
        """Reporting cycles (before or after), structures swapped wholesale and edits to the post in
        focus (or one that comes back) are laid out afresh."""
        if self.has_cycles or len(posts) > len(structure.posts) // 4 + 8:
            return True
        if self.options.focus is not None and self.options.focus in posts:
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

    def _shown(self, pid: str) -> bool:
        """Whether the post is laid out: no folded post above it and, with a focus, inside its branch."""
        folded, focus = self.options.folded, self.focus
        if pid == focus:
            return True
        last, current = pid, self.parent.get(pid)
        while current is not None and current != ROOT:
            if current in folded:
                return False
            if current == focus:
                return True
            last, current = current, self.parent.get(current)
        return current == ROOT and (focus is None or last in self.shape.cycle_tops)

    def _hide_card(self, pid: str, moved: set[str]) -> None:
        if pid in self.tidy:
            self._pin_lines(pid)
            rect = self.card(pid) if pid not in self.hand_placed else self.tidy[pid].translated(*self._offset(pid))
            self._park(pid, rect)  # type: ignore[arg-type]
            del self.tidy[pid]
            self._unpend.append(pid)
        self.origin.pop(pid, None)
        if self.cards.pop(pid, None) is not None:
            moved.add(pid)
        self.hand_placed.pop(pid, None)

    def _park(self, pid: str, rect: Rect) -> None:
        block = self.blocks.get(pid)
        if pid in self.origin and block is not None:
            self.parked[pid] = (self.origin_now(pid), block, rect)

    def _forget(self, pid: str, manager: str | None, moved: set[str]) -> None:
        offset = self._offset(pid)
        self._hide_card(pid, moved)
        self.pending.pop(pid, None)
        for kid in self.reports.get(pid, ()):  # its reports stay where they are until placed again
            if kid in self.origin:
                step = self.pending.get(kid, (0.0, 0.0))
                self.pending[kid] = (step[0] + offset[0], step[1] + offset[1])
        if manager is not None:
            self._unlink(pid, manager)
        self.parked.pop(pid, None)
        self.shape.children.pop(pid, None)
        self.reports.pop(pid, None)
        self.blocks.pop(pid, None)
        self.stashed.pop(pid, None)  # a branch hidden under it has no top to come back under
        self.stale.discard(pid)

    def _unlink(self, pid: str, manager: str) -> None:
        shown = self.shape.children.get(manager) if manager != ROOT or self.focus is None else None
        for kids in (shown, self.reports.get(manager)):
            if kids is not None and pid in kids:
                kids.remove(pid)
        self.parent.pop(pid, None)

    def _link(self, pid: str, manager: str, moved: set[str]) -> None:
        self.parent[pid] = manager
        lists = [self.reports[manager]]
        if (manager not in self.options.folded) if manager != ROOT else self.focus is None:
            lists.append(self.shape.children[manager])
        for kids in lists:
            position = self.order[pid]
            index = len(kids)
            while index > 0 and self.order[kids[index - 1]] > position:
                index -= 1
            kids.insert(index, pid)
        if not self._shown(pid):
            for below in self._preorder(pid):
                self._hide_card(below, moved)

    def _mark_managing(self, pid: str) -> None:
        """A folded post with reports (or one whose reports go on elsewhere) is drawn as a manager."""
        if pid == ROOT:
            return
        if pid in self.options.continued or (pid in self.options.folded and self.reports.get(pid)):
            self.shape.managing.add(pid)
        else:
            self.shape.managing.discard(pid)

    def _chain_up(self, post: str) -> set[str]:
        chain = {ROOT}
        current: str | None = post
        while current is not None and current != ROOT and current not in chain:
            chain.add(current)
            current = self.parent.get(current)
        return chain

    def _depth(self, post: str) -> int:
        if post == ROOT:
            return -1
        depth = 0
        current = post
        while current != ROOT and current in self.parent:
            current = self.parent[current]
            depth += 1
        return depth


def _depth_in(structure: Structure, post_id: str) -> int:
    """How many managers the post has above it (0 for a post deleted, or at the top)."""
    depth, seen = 0, {post_id}
    current = structure.posts.get(post_id)
    while current is not None and current.reports_to in structure.posts and current.reports_to not in seen:
        seen.add(current.reports_to)
        depth += 1
        current = structure.posts[current.reports_to]
    return depth


def _cycle_of(post_id: str, structure: Structure) -> set[str]:
    """The reporting cycle `post_id` is on (following managers from it comes back to it)."""
    cycle = [post_id]
    current = structure.posts[post_id].reports_to
    while current is not None and current != post_id and current not in cycle:
        cycle.append(current)
        current = structure.posts[current].reports_to
    return set(cycle)


def _moved(route: LineRoute, dx: float, dy: float) -> LineRoute:
    return LineRoute(route.manager, route.report, route.kind, [(x + dx, y + dy) for x, y in route.points], route.label)


def tidy_route(block: Block, route: Route, origin: tuple[float, float], boss: Rect, card: Rect,
               options: LayoutOptions) -> list[tuple[float, float]]:
    """A line-management line as the tidy tree routes it, from the way the report hangs in its manager's
    `block` (placed at `origin`): down a stack's spine, beside the manager, into a column, or from a bus."""
    ox, oy = origin
    if route.kind == "stack":
        return spine_route(boss, card, options.stack_indent, options.stack_gap)
    if route.kind == "side":
        return side_route(boss, card)
    if route.kind == "column":
        return column_route(boss, card, route.bus + oy, route.x + ox)
    first = block.first_bus
    if first is None or route.bus == first or block.trunk is None:
        return solid_route(boss, card, route.bus + oy, options.v_gap / 2)
    return wrapped_route(boss, card, first + oy, block.trunk + ox, route.bus + oy)

