"""Build only what is seen: the scene's card and line items exist for the part of the chart in or near the
view, and are made or dropped as the view scrolls and zooms.

The layout finds the cards and lines in a view's rectangle itself (`Layout.cards_in`, walking down only the
branches that meet it), so nothing here keeps a place for every post. When the view holds more cards than
`MAX_CARD_ITEMS` (a large chart zoomed out), or the view is so far out that a card would paint only a plain box
(`zoom.Detail.BOX`), no card or line items are made at all: the chart is sketched in pieces that follow its
branches (`sketching.py`), which draw those boxes and lines far more cheaply than items. Selected
cards are always kept; `ensure` makes the item of any post on demand (selection by id, find, centring, a press
on a sketched card).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, Protocol

from PySide6.QtCore import QPointF, QRectF, SignalInstance
from PySide6.QtWidgets import QGraphicsItem

from ..layout import Layout, LayoutDelta
from ..layout.geometry import Box
from ..layout.published import LineKey
from ..model import Structure
from .items.lineitem import ReportingLineItem
from .items.postcard import PostCardItem
from .items.zoom import Detail, card_detail
from .sketching import SketchPieces


MAX_CARD_ITEMS = 1500
"""More cards than this in view and the chart is sketched instead of made of items."""
MARGIN = 0.5
"""How far beyond the view items are made, as a share of the view's width and height on each side."""


class _Wanted(NamedTuple):
    """What the view wants as items: these cards and lines, or (`sketch`) none, the chart sketched instead."""

    posts: list[str]
    lines: list[LineKey]
    sketch: bool


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
        self.layout: Layout | None = None
        self.area: QRectF | None = None
        """The scene rectangle the view shows; None (no view) makes every item."""
        self.scale: float | None = None
        """The view's scale (None: not known, items as for any scale)."""
        self.sketching = False
        self.sketch = SketchPieces(scene)

    # ----- following the layout -------------------------------------------------------------

    def clear(self) -> None:
        """The scene dropped every item (a new document): start afresh, in the same view."""
        area, scale = self.area, self.scale
        self.__init__(self.scene)  # type: ignore[misc]
        self.area, self.scale = area, scale

    def apply(self, layout: Layout) -> None:
        """Take in a new layout: move the items that exist, drop those of posts and lines that went, cut the
        sketch afresh, and make or drop items for what is now in or out of view."""
        self.layout = layout
        self._follow(layout, list(self.scene.cards), list(self.scene.lines))
        self.sketch.reset(layout)
        self.sync()

    def apply_delta(self, layout: Layout, delta: LayoutDelta) -> None:
        """Take in an updated layout where only what `delta` names changed: the items of those cards and lines
        (if they have one) move or go, the sketch follows, and the view's items are made or dropped. Those the
        view no longer wants go first, so that they are not moved on their way out (leaving a focus on a branch
        of a large chart drops every card of the branch for the sketch)."""
        self.layout = layout
        scene = self.scene
        wanted = self._wanted(layout)
        self._drop_unwanted(wanted, sum(1 for p in scene.cards if p in layout.cards))
        if delta.shifted:  # any item may be in a branch moved whole
            posts, lines = self._in_shifted(layout, delta)
            posts.update(scene.cards.keys() & delta.cards)  # (`&` walks the smaller side: a focus names 9,000 cards)
            lines.update(scene.lines.keys() & delta.lines)
        else:
            posts = scene.cards.keys() & delta.cards
            lines = scene.lines.keys() & delta.lines
        self._follow(layout, posts, lines)
        self.sketch.follow(layout, delta)
        self._make_wanted(wanted)

    def _in_shifted(self, layout: Layout, delta: LayoutDelta) -> tuple[set[str], set[LineKey]]:
        """The card and line items in the branches `delta` moved whole: each item's chain of managers is looked
        up (at most `MAX_CARD_ITEMS` cards), never the branches themselves."""
        scene, shifted = self.scene, delta.shifted
        inside: dict[str, bool] = {}

        def moved(post_id: str) -> bool:
            chain: list[str] = []
            current: str | None = post_id
            found = False
            while current is not None:
                known = inside.get(current)
                if known is not None:
                    found = known
                    break
                chain.append(current)
                if current in shifted:
                    found = True
                    break
                current = layout.parent(current)
            for post in chain:
                inside[post] = found
            return found

        posts = {p for p in scene.cards if moved(p)}
        lines = {k for k in scene.lines if moved(k[0])}  # a line moves with its manager's branch
        return posts, lines

    def _follow(self, layout: Layout, posts: Iterable[str], lines: Iterable[LineKey]) -> None:
        """The items of these posts and lines go where the layout puts them, or go."""
        scene, cards, routes = self.scene, layout.cards, layout.routes
        for post_id in posts:
            rect = cards.get(post_id)
            if rect is None:
                scene.drop_card(post_id)
                continue
            card = scene.cards[post_id]
            card.set_size(rect.width, rect.height)
            if card.x() != rect.x or card.y() != rect.y:
                card.setPos(rect.x, rect.y)
        for key in lines:
            route = routes.get(key)
            if route is None:
                scene.removeItem(scene.lines.pop(key))
            else:
                scene.lines[key].set_points(route.points)

    def restyle(self, post_ids: Iterable[str]) -> None:
        """These posts may look different (status, scope): the sketch draws again those that do."""
        self.sketch.restyle(post_ids)

    # ----- following the view -----------------------------------------------------------------

    def show_area(self, area: QRectF, scale: float | None = None) -> None:
        """The view now shows `area` (scene coordinates), at `scale`."""
        if self.area is not None and area == self.area and scale == self.scale:
            return
        self.area, self.scale = QRectF(area), scale
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
        if self.layout is None:
            return
        wanted = self._wanted(self.layout)
        self._drop_unwanted(wanted, len(self.scene.cards))
        self._make_wanted(wanted)

    def _wanted(self, layout: Layout) -> _Wanted:
        """The cards and lines wanted as items for the area, or none at all (sketched)."""
        box = self.wanted_box()
        if box is None:
            return _Wanted(list(layout.cards), list(layout.routes), False)
        if self.scale is not None and card_detail(self.scale, layout.card_size()[1]) is Detail.BOX:
            return _Wanted([], [], True)  # plain boxes: the sketch draws them
        if self._holds_everything(layout, box):  # the whole chart: no need to look for what is in it
            sketch = len(layout.cards) > MAX_CARD_ITEMS
            return _Wanted([] if sketch else list(layout.cards), [] if sketch else list(layout.routes), sketch)
        found = layout.cards_in(box, MAX_CARD_ITEMS)
        if found is None:
            return _Wanted([], [], True)
        return _Wanted(found, layout.lines_in(box), False)

    def _drop_unwanted(self, wanted: _Wanted, items: int) -> None:
        """Drop the items not wanted, if the chart is sketched or keeping them (`items` cards now, those still in
        the layout) with those to make would be too many."""
        scene = self.scene
        made = sum(1 for p in wanted.posts if p not in scene.cards)
        if scene.gesture_running() or not (wanted.sketch or items + made > MAX_CARD_ITEMS):
            return
        keep = {card.post_id for card in scene.selected_cards()}
        posts, lines = set(wanted.posts), set(wanted.lines)
        for post_id in [p for p in scene.cards if p not in posts and p not in keep]:
            scene.drop_card(post_id)
        for key in [k for k in scene.lines if k not in lines and not scene.lines[k].isSelected()]:
            scene.removeItem(scene.lines.pop(key))

    def _make_wanted(self, wanted: _Wanted) -> None:
        """Make the wanted items that are not items yet; sketch or not."""
        scene, layout = self.scene, self.layout
        assert layout is not None
        made = [p for p in wanted.posts if p not in scene.cards]
        for post_id in made:
            self.ensure(post_id)
        routes = layout.routes
        for key in wanted.lines:
            if key not in scene.lines and key in routes:
                self._make_line(key, routes[key].points)
        self._set_sketching(wanted.sketch)
        if made:
            scene.cards_made.emit()

    @staticmethod
    def _holds_everything(layout: Layout, box: Box) -> bool:
        """Whether `box` holds the whole layout (every card and line)."""
        b = layout.bounds
        return box[0] <= b.x and box[1] <= b.y and b.right <= box[2] and b.bottom <= box[3]

    def ensure(self, post_id: str) -> PostCardItem | None:
        """The post's card item, made now if it is not an item yet; None for a post the layout lacks."""
        card = self.scene.cards.get(post_id)
        if card is not None:
            return card
        rect = self.layout.cards.get(post_id) if self.layout is not None else None
        if rect is None:
            return None
        return self.scene.make_card(post_id, QRectF(rect.x, rect.y, rect.width, rect.height))

    def card_under(self, point: QPointF) -> PostCardItem | None:
        """Make the item of the card under `point`, if there is one and it is not an item yet."""
        if self.layout is None:
            return None
        x, y = point.x(), point.y()
        for post_id in self.layout.cards_in((x, y, x, y)) or []:
            return self.ensure(post_id)
        return None

    def _make_line(self, key: LineKey, points: list[tuple[float, float]]) -> None:
        item = ReportingLineItem(*key)
        item.set_points(points)
        self.scene.lines[key] = item
        self.scene.addItem(item)

    def _set_sketching(self, sketch: bool) -> None:
        self.sketching = sketch
        self.sketch.show(sketch)
