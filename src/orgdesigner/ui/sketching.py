"""The chart sketched in pieces that follow its branches: what the canvas shows when it holds too many cards
for items (see `visible.py`).

The tidy tree is cut into pieces of at most `PIECE_CARDS` cards: each piece draws one or more neighbouring
branches under the same manager, in coordinates from the top left of its first branch. The posts above the
pieces (the crown: every post whose branch is larger) are drawn by one piece of their own, with their lines
down to the pieces, and the lines that do not follow the tree (dotted, or to a card placed by hand) and
hand-placed cards by another. After an edit a piece whose branches moved whole is only moved; a piece is
drawn again only when something inside it changed, and only once it is next in sight.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from ..layout import Layout, LayoutDelta, Rect, route_box
from ..model import Post, Structure
from ..presentation.chartstyle import card_style
from .items.sketch import CardShape, Content, LineShape, SketchLayer, SketchPiece

PIECE_CARDS = 300
"""Most cards a piece draws (fewer, unless one report's branch alone is larger and has no reports of its own
large enough to split)."""
SMALL_BRANCH = 20
"""Branches this small are gathered into one piece (a row of them moves apart seldom and costs little to
draw again); larger ones have a piece each, so one moving past another only moves its piece."""
CROWN, LOOSE = "\0crown", "\0loose"
"""The ids of the two pieces drawn in the chart's own coordinates."""
_NO_BOX = (0.0, 0.0, 0.0, 0.0)


class PieceHost(Protocol):
    @property
    def structure(self) -> Structure: ...

    def addItem(self, item: QGraphicsItem) -> None: ...


class SketchPieces:
    """The pieces of the sketched chart in `scene`, following the layout."""

    def __init__(self, scene: PieceHost) -> None:
        self.scene = scene
        self.layout: Layout | None = None
        self.pieces: dict[str, SketchPiece] = {}
        self.roots: dict[str, list[str]] = {}
        """Each piece's branches (their top posts), by the piece's id: its first branch's top post."""
        self._piece_of_root: dict[str, str] = {}
        self._parent_at_cut: dict[str, str | None] = {}
        """The manager of each piece's branches and of each post of the crown when the pieces were cut."""
        self._crown: set[str] = set()
        self._drawn_in: dict[str, str] = {}
        """Which piece drew each post when last drawn (to find the piece of a post gone from the layout)."""
        self._styles: dict[str, tuple[str, str]] = {}
        self._crown_size = 0
        self._crown_drawn = 0
        """How many posts the crown had when cut, and drew when last drawn."""
        self.shown = False
        self.layer = SketchLayer()
        self.layer.setVisible(False)
        scene.addItem(self.layer)

    # ----- following the layout ---------------------------------------------------------------

    def reset(self, layout: Layout) -> None:
        """Cut a new layout into pieces, every one drawn afresh when it is next in sight."""
        self.layout = layout
        self.pieces, self.roots, self._piece_of_root, self._parent_at_cut = {}, {}, {}, {}
        self._crown, self._drawn_in = set(), {}
        for roots in self._cut(layout):
            self.roots[roots[0]] = roots
            for root in roots:
                self._piece_of_root[root] = roots[0]
                self._parent_at_cut[root] = layout.parent(root)
        for post_id in self._crown:
            self._parent_at_cut[post_id] = layout.parent(post_id)
        self._crown_size = self._crown_drawn = len(self._crown)
        for piece_id in [CROWN, LOOSE, *self.roots]:
            self.pieces[piece_id] = SketchPiece(self._content_of(piece_id))
            self._place(piece_id)
        self.layer.hold(list(self.pieces.values()))

    def follow(self, layout: Layout, delta: LayoutDelta) -> None:
        """Take in an update: pieces whose branches moved whole move, pieces with changes inside are drawn
        again; a layout whose branches no longer fit the pieces is cut again."""
        self.layout = layout
        if len(delta.cards) > len(self.pieces) * 8 or self._needs_cut(layout, delta):  # most of the chart: afresh
            self.reset(layout)
            return
        stale: set[str] = {LOOSE}
        moved: set[str] = set()
        drawn_in = self._drawn_in
        for post_id in delta.cards:  # the piece that drew it (no longer: a post deleted, its id used again
            drawn = drawn_in.pop(post_id, None)  # later, would be looked for there), and the one to draw it now
            if drawn is not None:
                stale.add(drawn)
            if post_id in layout.cards:
                stale.add(self._piece_of(post_id))
        for manager, _, _ in delta.lines:
            stale.add(self._piece_of(manager))
        for root, step in delta.shifted.items():
            piece_id = self._piece_of_root.get(root)
            if piece_id is None:
                holder = self._piece_of(root)
                if holder == CROWN:  # a branch above the pieces: every piece under it moves with it
                    stale.add(CROWN)
                    moved.update(self._pieces_below(root))
                else:
                    stale.add(holder)
            elif root != piece_id or any(delta.shifted.get(r) != step for r in self.roots[piece_id]):
                stale.add(piece_id)  # its branches moved apart
                moved.add(piece_id)
            else:
                moved.add(piece_id)
        for piece_id in stale:
            if piece_id in self.pieces:
                self._redraw(piece_id)
        for piece_id in moved - stale:  # its branches moved whole, together: where it may draw is as it was
            if piece_id in self.pieces:
                self.pieces[piece_id].set_pos(*layout.origin(piece_id))

    def restyle(self, post_ids: Iterable[str]) -> None:
        """These posts may look different (status, scope): draw again the pieces of those that do."""
        posts = self.scene.structure.posts
        for post_id in post_ids:
            post = posts.get(post_id)
            if post is None:
                self._styles.pop(post_id, None)  # deleted: an id used again is a new post
                continue
            if post_id not in self._styles:
                continue
            colours = _colours(post)
            if self._styles[post_id] != colours:
                self._styles[post_id] = colours
                piece_id = self._drawn_in.get(post_id) or self._piece_of(post_id)
                if piece_id in self.pieces:
                    self._redraw(piece_id)

    def show(self, shown: bool) -> None:
        if shown != self.shown:
            self.shown = shown
            self.layer.setVisible(shown)

    def card_count(self) -> int:
        """How many cards the pieces draw (each shown card once)."""
        return sum(piece.card_count for piece in self.pieces.values())

    # ----- the pieces ---------------------------------------------------------------------------

    def _cut(self, layout: Layout) -> list[list[str]]:
        """The branches of each piece: a post whose branch is larger than a piece is in the crown, and the
        branches under it are gathered, in order, into pieces of up to `PIECE_CARDS` cards."""
        pieces: list[list[str]] = []
        pending: list[list[str]] = [layout.tops]
        while pending:
            kids = pending.pop()
            run: list[str] = []
            cards = 0
            for kid in kids:
                size = layout.size(kid)
                if size > PIECE_CARDS and layout.reports(kid):
                    self._crown.add(kid)
                    pending.append(layout.reports(kid))
                    if run:
                        pieces.append(run)
                    run, cards = [], 0
                    continue
                if run and (cards + size > PIECE_CARDS or size > SMALL_BRANCH or cards > SMALL_BRANCH):
                    pieces.append(run)
                    run, cards = [], 0
                run.append(kid)
                cards += size
            if run:
                pieces.append(run)
        return pieces

    def _needs_cut(self, layout: Layout, delta: LayoutDelta) -> bool:
        """Whether the pieces no longer match the tree: a branch of a piece or a post of the crown hidden, gone
        or under another manager (a branch of the crown moved into a piece would be drawn twice), or many posts
        gathered in the crown since it was cut."""
        if self.layout is None or not self.pieces:
            return True
        cards, cut = layout.cards, self._parent_at_cut
        for post_id in delta.cards:
            if post_id in cut and (post_id not in cards or layout.parent(post_id) != cut[post_id]):
                return True
        return self._crown_size + PIECE_CARDS < self._crown_drawn

    def _piece_of(self, post_id: str) -> str:
        """The piece drawing the post as the layout now stands: that of the nearest branch above it."""
        layout = self.layout
        current: str | None = post_id
        while current is not None:
            piece_id = self._piece_of_root.get(current)
            if piece_id is not None:
                return piece_id
            if current in self._crown or layout is None:
                return CROWN
            current = layout.parent(current)
        return CROWN

    def _pieces_below(self, post_id: str) -> list[str]:
        """The pieces of the branches under a post of the crown."""
        layout = self.layout
        found: list[str] = []
        pending = [post_id]
        while pending and layout is not None:
            for kid in layout.reports(pending.pop()):
                piece_id = self._piece_of_root.get(kid)
                if piece_id is not None:
                    found.append(piece_id)
                elif kid in self._crown:
                    pending.append(kid)
        return found

    def _redraw(self, piece_id: str) -> None:
        """Something the piece draws changed: the crown and the loose lines repaint round what changed now, a
        piece of branches is drawn again whole when next in sight."""
        if piece_id in (CROWN, LOOSE):
            self.pieces[piece_id].refresh()
        else:
            self.pieces[piece_id].invalidate()
            self._place(piece_id)

    def _place(self, piece_id: str) -> None:
        """Put the piece where its first branch is now, and tell it where it may draw."""
        layout, piece = self.layout, self.pieces[piece_id]
        if layout is None:
            return
        if piece_id in (CROWN, LOOSE):  # a few cards and lines across the chart: bounds from what they are
            piece.refresh()
            return
        x, y = layout.origin(piece_id)
        piece.set_pos(x, y)
        left = top = right = bottom = 0.0
        for root in self.roots[piece_id]:
            rx, ry = layout.origin(root)
            x0, y0, x1, y1 = layout.extent(root)
            left, top = min(left, rx - x + x0), min(top, ry - y + y0)
            right, bottom = max(right, rx - x + x1), max(bottom, ry - y + y1)
        piece.set_bounds(QRectF(left - 2, top - 2, right - left + 4, bottom - top + 4))

    def _content_of(self, piece_id: str) -> Callable[[bool], Content]:
        return lambda lines: self._content(piece_id, lines)

    def _content(self, piece_id: str, lines: bool) -> Content:
        """The cards the piece draws and, if asked for, its lines, as the layout now stands, in the piece's
        coordinates."""
        layout = self.layout
        if layout is None:
            return [], []
        loose, hand = layout.loose()
        if piece_id == LOOSE:
            return self._shapes(piece_id, list(hand), loose)
        if piece_id == CROWN:  # every post above the pieces: walked down from the top, stopping at the pieces
            tops = [top for top in layout.tops if top not in self._piece_of_root]
            content = self._walked(piece_id, tops, (0.0, 0.0), hand, lines)
            self._crown_drawn = len(content[0])
            return content
        roots = [root for root in self.roots[piece_id] if root in layout.cards]
        return self._walked(piece_id, roots, layout.origin(piece_id), hand, lines)

    def _walked(self, piece_id: str, roots: list[str], origin: tuple[float, float], hand: dict[str, Rect],
                with_lines: bool) -> Content:
        """The cards and lines of the branches under `roots`, from one walk down each (the crown's stops at the
        pieces' branches), drawn from `origin`. The crown's bounds come from its shapes, so its lines are boxed;
        a piece's come from its branches."""
        layout = self.layout
        assert layout is not None
        ox, oy = origin
        crown = piece_id == CROWN
        stop = self._piece_of_root if crown else None
        structure, styles, drawn = self.scene.structure.posts, self._styles, self._drawn_in
        width, height = layout.card_size()
        card_shapes: list[CardShape] = []
        line_shapes: list[LineShape] = []
        for root in roots:
            cards, lines = layout.branch(root, stop, with_lines)
            for post_id, x, y in cards:
                colours = styles.get(post_id)
                if colours is None:
                    post = structure.get(post_id)
                    if post is None:
                        continue
                    colours = styles[post_id] = _colours(post)
                if hand and post_id in hand:
                    continue
                x, y = x - ox, y - oy
                card_shapes.append(((x, y, x + width, y + height), *colours))
                drawn[post_id] = piece_id
            for route, dx, dy in lines:
                dx, dy = dx - ox, dy - oy
                line_shapes.append((route.kind, route.points, (dx, dy), route_box(route.points, dx, dy) if crown else _NO_BOX))
        return card_shapes, line_shapes

    def _shapes(self, piece_id: str, posts: list[str], lines: list[tuple[str, str, str]]) -> Content:
        """The hand-placed cards and the lines that do not follow the tree, where they are."""
        layout = self.layout
        assert layout is not None
        cards, routes, structure = layout.cards, layout.routes, self.scene.structure.posts
        styles, drawn = self._styles, self._drawn_in
        card_shapes: list[CardShape] = []
        for post_id in posts:
            rect = cards.get(post_id)
            post = structure.get(post_id)
            if rect is None or post is None:
                continue
            colours = styles.get(post_id)
            if colours is None:
                colours = styles[post_id] = _colours(post)
            card_shapes.append(((rect.x, rect.y, rect.right, rect.bottom), *colours))
            drawn[post_id] = piece_id
        line_shapes: list[LineShape] = []
        for key in lines:
            route = routes.get(key)
            if route is not None and route.points:
                line_shapes.append((route.kind, route.points, (0.0, 0.0), route_box(route.points)))
        return card_shapes, line_shapes


def _colours(post: Post) -> tuple[str, str]:
    style = card_style(post)
    return style.fill, style.border
