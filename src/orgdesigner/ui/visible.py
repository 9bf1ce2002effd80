"""Build only what is seen: the scene's card and line items exist for the part of the chart in or near the
view, and are made or dropped as the view scrolls and zooms.

A `GridIndex` buckets the layout's rectangles (cards, and the bounds of line routes) into square cells, so
the items for a view's rectangle are found without looking at every post. When the view holds more cards
than `MAX_CARD_ITEMS` (a large chart zoomed out), no card or line items are made at all: `SketchTile`s draw
the cards as plain boxes, which is all a card paints at that size anyway. Selected cards are always kept;
`ensure` makes the item of any post on demand (selection by id, find, centring, a press on a sketched card).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from math import floor
from typing import Generic, Hashable, Protocol, TypeVar

from PySide6.QtCore import QPointF, QRectF, SignalInstance
from PySide6.QtWidgets import QGraphicsItem

from ..layout import Layout, LayoutDelta, LineRoute, Rect
from ..model import Post, Structure
from ..presentation.chartstyle import card_style
from .items.lineitem import ReportingLineItem
from .items.postcard import PostCardItem
from .items.sketch import CardShape, LineShape, SketchTile

K = TypeVar("K", bound=Hashable)
Box = tuple[float, float, float, float]
"""left, top, right, bottom"""
Cell = tuple[int, int]

CELL = 1024.0
"""The index's cell, in scene units: about five cards wide."""
TILE_CELLS = 4
TILE = CELL * TILE_CELLS
"""A sketch tile's square, in scene units: a square of the index's cells."""
MAX_CARD_ITEMS = 1500
"""More cards than this in view and the chart is sketched instead of made of items."""
MARGIN = 0.5
"""How far beyond the view items are made, as a share of the view's width and height on each side."""
LineKey = tuple[str, str, str]


def _enter(cells: dict[Cell, set[K]], key: K, span: tuple[int, int, int, int]) -> None:
    """Add `key` to the cells of `span` (first and last column, first and last row)."""
    x0, x1, y0, y1 = span
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            found = cells.get((x, y))
            if found is None:
                cells[(x, y)] = {key}
            else:
                found.add(key)


class GridIndex(Generic[K]):
    """Keys by the cells their boxes touch: `query` finds what meets a rectangle.

    A key's box is taken at once, its cells when next asked for: a fold that moves thousands of cards while
    the whole chart is in view (and sketched) asks no cell, and moving them costs a dictionary entry each."""

    def __init__(self, cell: float = CELL) -> None:
        self._cell = cell
        self._boxes: dict[K, Box] = {}
        self._spans: dict[K, tuple[int, int, int, int]] = {}
        """The cells each key's box touches: first and last column, first and last row."""
        self._cells: dict[Cell, set[K]] = {}
        self._moved: set[K] = set()
        """Keys put since the cells were last brought up to date."""

    def __len__(self) -> int:
        return len(self._boxes)

    def __contains__(self, key: object) -> bool:
        return key in self._boxes

    def box(self, key: K) -> Box | None:
        return self._boxes.get(key)

    def keys(self) -> Iterable[K]:
        return self._boxes.keys()

    def put(self, key: K, box: Box | None) -> None:
        """Place (or move) `key` at `box`; None takes it out."""
        if box is None:
            self._boxes.pop(key, None)
        else:
            self._boxes[key] = box
        self._moved.add(key)

    def _settle(self) -> None:
        """Bring the cells in line with the boxes put since they last were (all afresh when most moved)."""
        if not self._moved:
            return
        if 2 * len(self._moved) > len(self._boxes):
            self._refill()
            return
        boxes, cells, spans, c = self._boxes, self._cells, self._spans, self._cell
        for key in self._moved:
            old = spans.pop(key, None)
            box = boxes.get(key)
            span = None
            if box is not None:
                span = spans[key] = (int(box[0] // c), int(box[2] // c), int(box[1] // c), int(box[3] // c))
                if span == old:  # the same cells
                    continue
            if old is not None:
                ox0, ox1, oy0, oy1 = old
                for x in range(ox0, ox1 + 1):
                    for y in range(oy0, oy1 + 1):
                        bucket = cells[(x, y)]
                        bucket.discard(key)
                        if not bucket:
                            del cells[(x, y)]
            if span is not None:
                _enter(cells, key, span)
        self._moved.clear()

    def _refill(self) -> None:
        c = self._cell
        cells: dict[Cell, set[K]] = {}
        spans: dict[K, tuple[int, int, int, int]] = {}
        for key, box in self._boxes.items():
            span = spans[key] = (int(box[0] // c), int(box[2] // c), int(box[1] // c), int(box[3] // c))
            _enter(cells, key, span)
        self._cells, self._spans = cells, spans
        self._moved.clear()

    def count(self, box: Box) -> int:
        """At least as many keys as meet `box`, quickly: keys in several cells are counted in each."""
        self._settle()
        return sum(len(self._cells.get(cell, ())) for cell in self._cells_of(box))

    def query(self, box: Box) -> set[K]:
        self._settle()
        left, top, right, bottom = box
        found: set[K] = set()
        for cell in self._cells_of(box):
            for key in self._cells.get(cell, ()):
                l2, t2, r2, b2 = self._boxes[key]
                if l2 <= right and r2 >= left and t2 <= bottom and b2 >= top:
                    found.add(key)
        return found

    def _cells_of(self, box: Box) -> Iterator[Cell]:
        left, top, right, bottom = box
        c = self._cell
        x0, x1 = floor(left / c), floor(right / c)
        y0, y1 = floor(top / c), floor(bottom / c)
        if (x1 - x0 + 1) * (y1 - y0 + 1) > 4 * len(self._cells) + 16:  # a huge box: only the cells in use
            yield from [cell for cell in self._cells if x0 <= cell[0] <= x1 and y0 <= cell[1] <= y1]
            return
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                yield (x, y)


def route_box(route: LineRoute) -> Box:
    points = route.points
    if not points:
        return (0.0, 0.0, 0.0, 0.0)
    left, top = right, bottom = points[0]
    for x, y in points:  # a few points: a plain loop is quicker than min and max
        if x < left:
            left = x
        elif x > right:
            right = x
        if y < top:
            top = y
        elif y > bottom:
            bottom = y
    return (left, top, right, bottom)


class ItemHost(Protocol):
    """What `VisibleItems` needs of the scene (`ui.scene.OrgScene`): its item dictionaries, the structure, and
    making and dropping a card item as the scene does it."""

    cards: dict[str, PostCardItem]
    lines: dict[LineKey, ReportingLineItem]

    @property
    def structure(self) -> Structure: ...

    def make_card(self, post_id: str, rect: QRectF) -> PostCardItem: ...

    def drop_card(self, post_id: str) -> None: ...

    def selected_cards(self) -> list[PostCardItem]: ...

    def gesture_running(self) -> bool: ...

    def addItem(self, item: QGraphicsItem) -> None: ...

    @property
    def cards_made(self) -> SignalInstance: ...

    def removeItem(self, item: QGraphicsItem) -> None: ...


class VisibleItems:
    """Which of the layout's cards and lines are items in `scene`, following the layout and the view."""

    def __init__(self, scene: ItemHost) -> None:
        self.scene = scene
        self.cards: GridIndex[str] = GridIndex()
        self.lines: GridIndex[LineKey] = GridIndex()
        self.routes: dict[LineKey, LineRoute] = {}
        self._rects: dict[str, Rect] = {}
        """The layout's rectangle each card was last placed from."""
        self.area: QRectF | None = None
        """The scene rectangle the view shows; None (no view) makes every item."""
        self.bounds: Rect | None = None
        """What encloses the layout taken in last."""
        self.sketching = False
        self.tiles: dict[Cell, SketchTile] = {}
        self._dirty: set[Cell] = set()
        self._styles: dict[str, tuple[str, str]] = {}
        """The fill and border of each card placed so far (kept by `restyle`)."""
        self._tile_cards: dict[Cell, dict[str, CardShape]] = {}
        self._tile_lines: dict[Cell, dict[LineKey, LineShape]] = {}
        """What each tile draws, by the tile of its top left corner, kept as cards and lines move: a tile is
        redrawn from these without searching the index."""

    # ----- following the layout -------------------------------------------------------------

    def clear(self) -> None:
        """The scene dropped every item (a new document): start afresh, in the same view."""
        area = self.area
        self.__init__(self.scene)  # type: ignore[misc]
        self.area = area

    def apply(self, layout: Layout) -> None:
        """Take in a new layout: move the items that exist, drop those of posts and lines that went, and
        make or drop items for what is now in or out of view."""
        self.bounds = layout.bounds
        if len(layout.cards) < len(self._rects) or any(p not in self._rects for p in layout.cards):
            for post_id in [p for p in self._rects if p not in layout.cards]:
                self._move_card(post_id, None)
        for post_id, rect in layout.cards.items():
            if self._rects.get(post_id) is not rect:  # the same rectangle object: the card stayed where it was
                self._move_card(post_id, rect)
        wanted = layout.routes
        for key in [k for k in self.routes if k not in wanted]:
            self._move_line(key, None)
        for key, route in wanted.items():
            if self.routes.get(key) is not route:
                self._move_line(key, route)
        self.sync()

    def apply_delta(self, layout: Layout, delta: LayoutDelta) -> None:
        """Take in an updated layout where only what `delta` names changed: the index follows those cards and
        lines, their items (if they have one) move or go, and the view's items are made or dropped."""
        self.bounds = layout.bounds
        cards, routes, move_card, move_line = layout.cards.get, layout.routes.get, self._move_card, self._move_line
        for post_id in delta.cards:
            move_card(post_id, cards(post_id))
        for key in delta.lines:
            move_line(key, routes(key))
        for root, (dx, dy) in delta.shifted.items():  # moved whole: from where each card and line was
            self._shift(layout.below(root), layout.lines_below(root), dx, dy)
        self.sync()

    def _shift(self, posts: list[str], lines: list[LineKey], dx: float, dy: float) -> None:
        """These cards and lines moved by (dx, dy): their boxes, tile shapes and items follow (one tight loop,
        as a branch moving whole may hold thousands)."""
        rects, put_card, card_box = self._rects, self.cards.put, self.cards.box
        tiles, dirty, items = self._tile_cards, self._dirty, self.scene.cards
        for post_id in posts:
            rect, old = rects.get(post_id), card_box(post_id)
            if rect is None or old is None:
                continue
            rect = rects[post_id] = Rect(rect.x + dx, rect.y + dy, rect.width, rect.height)
            box = (old[0] + dx, old[1] + dy, old[2] + dx, old[3] + dy)
            _, fill, border = tiles[_tile_of(old)].pop(post_id)
            dirty.add(_tile_of(old))
            tile = _tile_of(box)
            shapes = tiles.get(tile)
            if shapes is None:
                shapes = tiles[tile] = {}
            shapes[post_id] = (box, fill, border)
            dirty.add(tile)
            put_card(post_id, box)
            item = items.get(post_id)
            if item is not None:
                item.setPos(rect.x, rect.y)
        routes, put_line, line_box, line_tiles, line_items = self.routes, self.lines.put, self.lines.box, \
            self._tile_lines, self.scene.lines
        for key in lines:
            route, old = routes.get(key), line_box(key)
            if route is None or old is None:
                continue
            points = [(x + dx, y + dy) for x, y in route.points]
            routes[key] = LineRoute(route.manager, route.report, route.kind, points, route.label)
            box = (old[0] + dx, old[1] + dy, old[2] + dx, old[3] + dy)
            del line_tiles[_tile_of(old)][key]
            dirty.add(_tile_of(old))
            tile = _tile_of(box)
            found = line_tiles.get(tile)
            if found is None:
                found = line_tiles[tile] = {}
            found[key] = (route.kind, points, box)
            dirty.add(tile)
            put_line(key, box)
            line = line_items.get(key)
            if line is not None:
                line.set_points(points)

    def _move_card(self, post_id: str, rect: Rect | None) -> None:
        """The card is now at `rect` (None: no longer laid out): the index and its item, if any, follow."""
        scene = self.scene
        if rect is None:
            if self._rects.pop(post_id, None) is not None:
                self._place_post(post_id, self.cards.box(post_id), None)
            if post_id in scene.cards:
                scene.drop_card(post_id)
            return
        self._rects[post_id] = rect
        box = (rect.x, rect.y, rect.x + rect.width, rect.y + rect.height)
        old = self.cards.box(post_id)
        if old != box:
            self._place_post(post_id, old, box)
            card = scene.cards.get(post_id)
            if card is not None:
                card.set_size(rect.width, rect.height)
                card.setPos(rect.x, rect.y)

    def _move_line(self, key: LineKey, route: LineRoute | None) -> None:
        scene = self.scene
        if route is None:
            if self.routes.pop(key, None) is not None:
                self._place_line(key, self.lines.box(key), None)
            if key in scene.lines:
                scene.removeItem(scene.lines.pop(key))
            return
        old = self.routes.get(key)
        self.routes[key] = route
        if old is None or old.points != route.points:
            self._place_line(key, self.lines.box(key), route)
            item = scene.lines.get(key)
            if item is not None:
                item.set_points(route.points)

    def restyle(self, post_ids: Iterable[str]) -> None:
        """These posts may look different (status, scope): redraw the sketch tiles of those that do."""
        posts = self.scene.structure.posts
        for post_id in post_ids:
            box, post = self.cards.box(post_id), posts.get(post_id)
            if post is None:
                self._styles.pop(post_id, None)
                continue
            colours = _colours(post)
            if self._styles.get(post_id) != colours:
                self._styles[post_id] = colours
                if box is not None:
                    tile = _tile_of(box)
                    self._tile_cards[tile][post_id] = (box, *colours)
                    self._dirty.add(tile)
        self._redraw_tiles()

    def _place_post(self, post_id: str, old: Box | None, box: Box | None) -> None:
        """The card was at `old` and is now at `box` (None: nowhere): the index and the tiles' shapes follow."""
        tiles, dirty = self._tile_cards, self._dirty
        if old is not None:
            tile = _tile_of(old)
            del tiles[tile][post_id]
            dirty.add(tile)
        if box is not None:
            colours = self._styles.get(post_id)
            if colours is None:
                colours = self._styles[post_id] = _colours(self.scene.structure.posts[post_id])
            tile = _tile_of(box)
            shapes = tiles.get(tile)
            if shapes is None:
                shapes = tiles[tile] = {}
            shapes[post_id] = (box, *colours)
            dirty.add(tile)
        self.cards.put(post_id, box)

    def _place_line(self, key: LineKey, old: Box | None, route: LineRoute | None) -> None:
        """The line was in `old` and now follows `route` (None: gone): the index and the tiles' shapes follow."""
        tiles, dirty = self._tile_lines, self._dirty
        if old is not None:
            tile = _tile_of(old)
            del tiles[tile][key]
            dirty.add(tile)
        box = route_box(route) if route is not None else None
        if route is not None and box is not None:
            tile = _tile_of(box)
            shapes = tiles.get(tile)
            if shapes is None:
                shapes = tiles[tile] = {}
            shapes[key] = (route.kind, route.points, box)
            dirty.add(tile)
        self.lines.put(key, box)

    # ----- following the view -----------------------------------------------------------------

    def show_area(self, area: QRectF) -> None:
        """The view now shows `area` (scene coordinates)."""
        if self.area is not None and area == self.area:
            return
        self.area = QRectF(area)
        self.sync()

    def wanted_box(self) -> Box | None:
        if self.area is None:
            return None
        a = self.area
        dx, dy = a.width() * MARGIN, a.height() * MARGIN
        return (a.left() - dx, a.top() - dy, a.right() + dx, a.bottom() + dy)

    def sync(self) -> None:
        """Make the items wanted for the area and drop the others (never a selected card, nor anything while a
        gesture runs). Items out of the area are kept while all of them together stay within
        `MAX_CARD_ITEMS` cards: zooming in on a chart that small and out again makes nothing afresh."""
        scene = self.scene
        box = self.wanted_box()
        if box is None:
            posts, lines = set(self.cards.keys()), set(self.routes)
            sketch = False
        elif self._holds_everything(box):  # the whole chart: no need to search the index
            sketch = len(self.cards) > MAX_CARD_ITEMS
            posts = set() if sketch else set(self.cards.keys())
            lines = set() if sketch else set(self.routes)
        else:
            counted = self.cards.count(box)  # cards in two cells are counted twice: look closer if it is near
            posts = self.cards.query(box) if counted <= 4 * MAX_CARD_ITEMS else set()
            sketch = len(posts) > MAX_CARD_ITEMS or counted > 4 * MAX_CARD_ITEMS
            if sketch:
                posts = set()
            lines = set() if sketch else self.lines.query(box)
        made = [p for p in posts if p not in scene.cards]
        if not scene.gesture_running() and (sketch or len(scene.cards) + len(made) > MAX_CARD_ITEMS):
            keep = {card.post_id for card in scene.selected_cards()}
            for post_id in [p for p in scene.cards if p not in posts and p not in keep]:
                scene.drop_card(post_id)
            for key in [k for k in scene.lines if k not in lines and not scene.lines[k].isSelected()]:
                scene.removeItem(scene.lines.pop(key))
        for post_id in made:
            self.ensure(post_id)
        for key in lines:
            if key not in scene.lines:
                self._make_line(key)
        self._set_sketching(sketch, box)
        if made:
            scene.cards_made.emit()

    def _holds_everything(self, box: Box) -> bool:
        """Whether `box` holds the whole layout taken in last (every card and line)."""
        b = self.bounds
        return b is not None and box[0] <= b.x and box[1] <= b.y and b.right <= box[2] and b.bottom <= box[3]

    def ensure(self, post_id: str) -> PostCardItem | None:
        """The post's card item, made now if it is not an item yet; None for a post the layout lacks."""
        card = self.scene.cards.get(post_id)
        if card is not None:
            return card
        box = self.cards.box(post_id)
        if box is None:
            return None
        return self.scene.make_card(post_id, QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1]))

    def card_under(self, point: QPointF) -> PostCardItem | None:
        """Make the item of the card under `point`, if there is one and it is not an item yet."""
        x, y = point.x(), point.y()
        for post_id in self.cards.query((x, y, x, y)):
            return self.ensure(post_id)
        return None

    def _make_line(self, key: LineKey) -> None:
        item = ReportingLineItem(*key)
        item.set_points(self.routes[key].points)
        self.scene.lines[key] = item
        self.scene.addItem(item)

    # ----- sketch tiles ------------------------------------------------------------------------

    def _set_sketching(self, sketch: bool, box: Box | None) -> None:
        if sketch != self.sketching:
            self.sketching = sketch
            for tile in self.tiles.values():
                tile.setVisible(sketch)
        if sketch and box is not None:
            b = self.bounds
            if b is not None:  # a view far wider than the chart looks only where the chart is
                box = (max(box[0], b.x), max(box[1], b.y), min(box[2], b.right), min(box[3], b.bottom))
            tx0, ty0 = _tile_of(box)
            tx1, ty1 = _tile_of((box[2], box[3], box[2], box[3]))
            cards, lines, tiles = self._tile_cards, self._tile_lines, self.tiles
            for cell in [(x, y) for x in range(tx0, tx1 + 1) for y in range(ty0, ty1 + 1)]:
                if cell not in tiles and (cards.get(cell) or lines.get(cell)):
                    tile = tiles[cell] = SketchTile()
                    self.scene.addItem(tile)
                    self._dirty.add(cell)
        self._redraw_tiles()

    def _redraw_tiles(self) -> None:
        """While sketching, redraw the tiles that exist and changed; the others are drawn when they are first
        needed, and hidden tiles when sketching starts again."""
        if not self.sketching:
            return
        for cell in [c for c in self._dirty if c in self.tiles]:
            self.tiles[cell].set_content(list(self._tile_cards.get(cell, {}).values()),
                                         list(self._tile_lines.get(cell, {}).values()))
        self._dirty.clear()


def _colours(post: Post) -> tuple[str, str]:
    style = card_style(post)
    return style.fill, style.border


def _tile_of(box: Box) -> Cell:
    return (int(box[0] // CELL) // TILE_CELLS, int(box[1] // CELL) // TILE_CELLS)
