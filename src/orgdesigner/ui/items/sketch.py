"""Pieces of the chart drawn as plain shapes: the cards' boxes and the reporting lines of a few branches each,
all painted by one item (`SketchLayer`).

When the view holds more cards than are worth making items of (a 10,000-post chart fitted to the window),
the scene shows these pieces instead of card and line items: each card is then a few pixels across, so a
box coloured by its status is all a card item would paint anyway (see `zoom.Detail.BOX`). A piece draws in
its own coordinates, from the top left of its first branch, so a branch that moves whole moves its piece
without working out any of its shapes again. What it draws is asked for when it is first painted after a
change (`SketchPiece.content`), so pieces out of sight cost nothing; a piece painted again unchanged puts
down a picture of itself (`SketchPiece.paint`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from operator import itemgetter

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPixmapCache, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...layout.geometry import Box
from ...presentation.chartstyle import DOTTED_LINE, LINE

_FIRST, _SECOND, _THIRD, _LAST = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(-1)
SKETCH_TYPE = QGraphicsItem.UserType + 8
SMALL_CARD = 92.0
"""A card's height in scene units (the layout's default), to judge how large cards are on screen."""
DOT_PX = 4.0
"""Cards less tall than this on screen are drawn as dots."""
PICTURE_PIXELS = 512 * 512
"""The largest piece, in screen pixels, kept as a picture once painted (see `SketchPiece.paint`)."""
PICTURES_PER_PAINT = 16
"""The most pieces that make a picture of themselves in one paint of the view. Making one costs about twice
drawing the piece: a second Fit to Window would make one for every piece at once, so they are spread over
the paints that follow."""
CardShape = tuple[Box, str, str]
"""A card's box, fill and border colour."""
LineShape = tuple[str, list[tuple[float, float]], tuple[float, float], Box]
"""A line's kind ("line" or "dotted"), its route's points as the layout keeps them, how far they lie from where the
piece draws them, and the box around them there (left empty where a piece's bounds come from the layout, not from
its shapes). A route is drawn from the layout's own list of points: a piece drawn again after an edit makes again
only the segments of the lines that changed or moved within it."""
Content = tuple[list[CardShape], list[LineShape]]


class SketchPiece:
    """One piece: what it draws, where, and its picture. Not an item of its own: the layer paints every piece."""

    def __init__(self, content: Callable[[bool], Content]) -> None:
        self.layer: SketchLayer | None = None
        self.x = self.y = 0.0
        """Where the piece's own coordinates start in the scene."""
        self.scene_rect = QRectF()
        """Where the piece may draw, in the scene."""
        self.content = content
        """What the piece draws, in its own coordinates, as things are now; the lines only if asked for (a piece
        painted as dots draws none)."""
        self._bounds = QRectF()
        self._card_shapes: list[CardShape] | None = None
        self._line_shapes: list[LineShape] = []
        self._with_lines = False
        """Whether `_line_shapes` holds the lines as things are now."""
        self._cards: dict[tuple[str, str], list[QRectF]] | None = None
        self._made: dict[Box, QRectF] = {}
        """The rectangle made for each card's box when last painted: an edit moves a few of a piece's cards."""
        self._lines: dict[str, list[QLineF]] | None = None
        self._made_lines: dict[tuple[int, tuple[float, float]], tuple[list[tuple[float, float]], list[QLineF]]] = {}
        """The segments made for each route (by its points' identity, kept with them) and offset when last
        painted."""
        self._drawn = 0
        """Counts the changes to what the piece draws (its shapes, their bounds): a picture is of one of them."""
        self._painted_at: tuple[int, float, float] | None = None
        self._picture: tuple[QPixmapCache.Key, tuple[int, float, float], int, int] | None = None
        """The piece painted into a pixmap (in Qt's pixmap cache, which may drop it), for what it drew at what
        scale, and where the pixmap's top left lies from the piece's own on screen."""

    def set_pos(self, x: float, y: float) -> None:
        if x != self.x or y != self.y:
            old = self.scene_rect
            self.x, self.y = x, y
            self.scene_rect = self._bounds.translated(x, y)
            if self.layer is not None:
                self.layer.moved(old, self.scene_rect)

    def set_bounds(self, bounds: QRectF) -> None:
        """Where the piece may draw, in its own coordinates (known before what it draws is asked for)."""
        if bounds != self._bounds:
            old = self.scene_rect
            self._bounds = QRectF(bounds)
            self.scene_rect = self._bounds.translated(self.x, self.y)
            self._drawn += 1
            if self.layer is not None:
                self.layer.moved(old, self.scene_rect)

    def drop_picture(self) -> None:
        if self._picture is not None:
            QPixmapCache.remove(self._picture[0])
            self._picture = None

    def update(self, rect: QRectF | None = None) -> None:
        """Repaint the piece, or the part of it in `rect` (its own coordinates)."""
        if self.layer is not None:
            self.layer.update(self.scene_rect if rect is None else rect.translated(self.x, self.y))

    def invalidate(self) -> None:
        """What the piece draws changed: asked for again when it is next painted."""
        self._card_shapes, self._cards, self._lines, self._with_lines = None, None, None, False
        self._drawn += 1
        self.update()

    def refresh(self) -> None:
        """Take what the piece draws now, at once, and repaint only round the shapes that changed: for a piece of
        a few shapes spread across the whole chart (the posts above the pieces, the loose lines), of which an edit
        changes a few. Its bounds only grow, as a change of bounds repaints all of them."""
        old_cards, old_lines = self._card_shapes, self._line_shapes
        cards, lines = self.content(True)
        self._card_shapes, self._line_shapes, self._cards, self._lines = cards, lines, None, None
        self._with_lines = True
        self._drawn += 1
        bounds = bounds_of(cards, lines)
        if old_cards is None or (not bounds.isEmpty() and not self._bounds.contains(bounds)):
            self.set_bounds(self._bounds.united(bounds) if not self._bounds.isEmpty() else bounds)
            self.update()
            return
        changed = {box for box, _, _ in set(old_cards) ^ set(cards)}
        changed.update(box for _, _, _, box in {_line_key(line) for line in old_lines} ^ {_line_key(line) for line in lines})
        for left, top, right, bottom in changed:
            self.update(QRectF(left - 2, top - 2, right - left + 4, bottom - top + 4))

    def shapes(self, lines: bool = True) -> Content:
        """The cards drawn and, if asked for, the lines, asked for now if they changed since."""
        if self._card_shapes is None or lines and not self._with_lines:
            self._card_shapes, self._line_shapes = self.content(lines)
            self._with_lines = lines
        return self._card_shapes, self._line_shapes

    @property
    def card_count(self) -> int:
        return len(self.shapes(False)[0])

    def _card_rects(self) -> dict[tuple[str, str], list[QRectF]]:
        if self._cards is None:
            cards: dict[tuple[str, str], list[QRectF]] = {}
            made, kept = {}, self._made
            for box, fill, border in self.shapes(False)[0]:
                rect = kept.get(box)
                if rect is None:
                    left, top, right, bottom = box
                    rect = QRectF(left, top, right - left, bottom - top)
                made[box] = rect
                cards.setdefault((fill, border), []).append(rect)
            self._cards, self._made = cards, made
        return self._cards

    def _line_segments(self) -> dict[str, list[QLineF]]:
        if self._lines is None:
            lines: dict[str, list[QLineF]] = {}
            made, kept = {}, self._made_lines
            for kind, points, offset, _ in self.shapes()[1]:
                key = (id(points), offset)
                found = kept.get(key)
                if found is None or found[0] is not points:
                    dx, dy = offset
                    found = (points, [QLineF(x1 + dx, y1 + dy, x2 + dx, y2 + dy)
                                      for (x1, y1), (x2, y2) in zip(points, points[1:])])
                made[key] = found
                segments = lines.get(kind)
                if segments is None:
                    lines[kind] = list(found[1])
                else:
                    segments.extend(found[1])
            self._lines, self._made_lines = lines, made
        return self._lines

    def paint(self, painter: QPainter, base: QTransform, option: QStyleOptionGraphicsItem) -> None:
        """The piece's picture where it has one; else its shapes. A piece painted a second time unchanged at the
        same scale keeps a picture of itself: an edit at Fit to Window moves most pieces a little, and a picture
        is quicker to put down than a few hundred boxes. The first paint at a scale makes none, so Fit to
        Window costs no pictures of pieces it may never paint again. Either way the piece is drawn from the
        screen pixel nearest its top left, so its picture shows exactly what drawing it would. `base` is the
        scene's transform onto the screen; the painter's is left as it may be (the layer sets it back)."""
        if base.type() not in _UNTURNED or self.layer is None:
            painter.setWorldTransform(QTransform.fromTranslate(self.x, self.y) * base)
            self._draw(painter, option)
            return
        scale = base.m11()
        drawn = (self._drawn, scale, self.layer.ratio)  # what, at what scale, on what
        picture = self._picture
        x, y = round(base.dx() + self.x * scale), round(base.dy() + self.y * base.m22())
        if picture is not None and picture[1] == drawn:  # most pieces, most paints: as quickly as may be
            pixmap = QPixmap()
            if QPixmapCache.find(picture[0], pixmap):
                painter.resetTransform()
                painter.drawPixmap(x + picture[2], y + picture[3], pixmap)
                return
        snapped = QTransform(scale, 0.0, 0.0, base.m22(), x, y)
        painter.setWorldTransform(snapped)
        if self._painted_at != drawn or not self._picture_made(painter, snapped, option, drawn):
            self._draw(painter, option)
        self._painted_at = drawn

    def _picture_made(self, painter: QPainter, transform: QTransform, option: QStyleOptionGraphicsItem,
                      drawn: tuple[int, float, float]) -> bool:
        """Paint the piece into a pixmap kept in Qt's cache and put it down; False if it is too large to keep."""
        area = transform.mapRect(self._bounds)
        left, top = int(area.left()) - 1, int(area.top()) - 1
        width, height = int(area.width()) + 3, int(area.height()) + 3
        layer = self.layer
        if layer is None or width * height > PICTURE_PIXELS or layer.pictures_left <= 0:
            return False
        layer.pictures_left -= 1
        ratio = drawn[2]
        pixmap = QPixmap(round(width * ratio), round(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        onto = QPainter(pixmap)
        onto.setTransform(transform * QTransform.fromTranslate(-left, -top))
        self._draw(onto, option)
        onto.end()
        if self._picture is not None:
            QPixmapCache.remove(self._picture[0])
        x, y = round(transform.dx()), round(transform.dy())
        self._picture = (QPixmapCache.insert(pixmap), drawn, left - x, top - y)
        painter.resetTransform()
        painter.drawPixmap(left, top, pixmap)
        return True

    def _draw(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        """Boxes with their borders and the lines between them; when a card is only a few pixels across, a
        dot of its border colour, and no lines (they would only smudge the dots together)."""
        smooth = painter.testRenderHint(QPainter.RenderHint.Antialiasing)  # given back: the view saves no state
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # boxes a few pixels wide: crisp and quick
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        dots = scale * SMALL_CARD < DOT_PX
        if not dots:
            for kind, segments in self._line_segments().items():
                painter.setPen(_pen(LINE if kind == "line" else DOTTED_LINE))
                painter.drawLines(segments)
        if dots:
            painter.setPen(Qt.PenStyle.NoPen)
        for (fill, border), rects in self._card_rects().items():
            if dots:
                painter.setBrush(_colour(border))
            else:
                painter.setPen(_pen(border))
                painter.setBrush(_colour(fill))
            painter.drawRects(rects)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)


class SketchLayer(QGraphicsItem):
    """Every piece of the sketch, painted by one item. An item costs Qt and PySide some microseconds a paint
    whatever it draws, and at Fit to Window an edit repaints the whole sketch, most pieces from their pictures:
    143 items were a millisecond of each edit at 10,000 posts. The layer's bounds only grow (a change of bounds
    repaints all of them); it repaints where a piece was and is when one moves or changes."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[SketchPiece] = []
        self._bounds = QRectF()
        self.pictures_left = PICTURES_PER_PAINT
        """How many more pieces may make a picture of themselves in this paint."""
        self.ratio = 1.0
        """The device pixel ratio of what this paint is on."""
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # to paint only the pieces exposed
        self.setZValue(10)  # where the cards would be

    def type(self) -> int:
        return SKETCH_TYPE

    def hold(self, pieces: list[SketchPiece]) -> None:
        """Paint these pieces (in this order) instead of those before, whose pictures leave Qt's pixmap cache
        (which the cards' own pictures share)."""
        for piece in self.pieces:
            piece.layer = None
            piece.drop_picture()
        self.pieces = pieces
        bounds = QRectF()
        for piece in pieces:
            piece.layer = self
            bounds = bounds.united(piece.scene_rect)
        self.prepareGeometryChange()
        self._bounds = bounds
        self.update()

    def moved(self, old: QRectF, new: QRectF) -> None:
        """A piece that drew in `old` now draws in `new` (scene rectangles)."""
        if not new.isEmpty() and not self._bounds.contains(new):
            self.prepareGeometryChange()
            self._bounds = self._bounds.united(new)
        if not old.isEmpty():
            self.update(old)
        if not new.isEmpty() and new != old:
            self.update(new)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never hit: a press over a sketched card makes its card item first

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed, base = option.exposedRect, painter.worldTransform()
        self.pictures_left, self.ratio = PICTURES_PER_PAINT, painter.device().devicePixelRatioF()
        for piece in self.pieces:
            if piece.scene_rect.intersects(exposed):
                piece.paint(painter, base, option)
        painter.setWorldTransform(base)


_UNTURNED = {QTransform.TransformationType.TxNone, QTransform.TransformationType.TxTranslate,
             QTransform.TransformationType.TxScale}
"""Transforms a piece's picture can be put down under (no rotation or shear)."""


def _line_key(line: LineShape) -> tuple[str, int, tuple[float, float], Box]:
    """A line as drawn, its route known by identity: the layout keeps a route's points when it routes a line
    again unchanged (and the old lines, held while compared, keep their ids from being used again)."""
    kind, points, offset, box = line
    return kind, id(points), offset, box


@cache
def _colour(name: str) -> QColor:
    """One colour object for each colour: hundreds of pieces paint with a handful."""
    return QColor(name)


@cache
def _pen(name: str) -> QPen:
    pen = QPen(_colour(name), 1.0)
    pen.setCosmetic(True)
    return pen


def bounds_of(cards: list[CardShape], lines: list[LineShape]) -> QRectF:
    """The rectangle around some shapes, with room for their pens (thousands of boxes: each edge in one pass)."""
    boxes = [*map(_FIRST, cards), *map(_LAST, lines)]
    if not boxes:
        return QRectF()
    left, top = min(map(_FIRST, boxes)), min(map(_SECOND, boxes))
    right, bottom = max(map(_THIRD, boxes)), max(map(_LAST, boxes))
    return QRectF(left - 2, top - 2, right - left + 4, bottom - top + 4)
