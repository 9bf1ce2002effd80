"""A group's box on the canvas: a tinted container with a header naming the group, and its label: the name
and figures in type sized to the view, over the cards, once they are too small to read (semantic zoom)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from ...presentation.chartstyle import ACCENT, INK, MUTED
from .text import pixels_of, points_for, use_font, use_pixel_font
from .zoom import LABEL_DETAIL_PX, LABEL_PX, READABLE_PX, Detail, card_detail

GROUP_BOX_TYPE = QGraphicsItem.UserType + 2
GROUP_LABEL_TYPE = QGraphicsItem.UserType + 7
MAX_NAME_LINES = 3
LABEL_Z = 40.0
"""Above the cards (which are plain boxes whenever the label shows) and their lines."""
TITLE_SIZE, DETAIL_SIZE = 9.5, 7.4


class GroupBoxItem(QGraphicsItem):
    def __init__(self, group_id: str, header_height: float, card_height: float = 92.0, padding: float = 0.0) -> None:
        super().__init__()
        self.group_id = group_id
        self._rect = QRectF()
        self._header = header_height
        self._name_room = header_height + padding
        """How tall the name may be painted: the header band and the padding above the first cards."""
        self._title = ""
        self._detail = ""
        self._fill = QColor("#eef4fb")
        self._border = QColor("#9db8d9")
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0)
        self.label = GroupLabelItem(card_height, self._name_room)
        """Kept in the same scene as the box (see `itemChange`)."""

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemSceneChange and self.label.scene() is not None:
            self.label.scene().removeItem(self.label)
        elif change == QGraphicsItem.GraphicsItemChange.ItemSceneHasChanged and value is not None:
            value.addItem(self.label)  # type: ignore[attr-defined]
        return super().itemChange(change, value)

    def type(self) -> int:
        return GROUP_BOX_TYPE

    def set_content(self, title: str, detail: str, fill: str, border: str, depth: int, summary: str = "") -> None:
        """Repaint only what changed: a new figure in the header must not repaint the whole box
        (a directorate's box spans much of the chart, and every edit changes some total)."""
        fill_colour, border_colour = QColor(fill), QColor(border)
        if (fill_colour, border_colour, depth) != (self._fill, self._border, self.zValue()):
            self._fill, self._border = fill_colour, border_colour
            self.setZValue(depth)  # nested groups sit above their parents, below cards
            self.update()
        if (title, detail) != (self._title, self._detail):
            # a new name may be painted in larger type (see `header_name_pixels`): the whole band then
            changed = self._text_band() if title != self._title else self._text_area(self._title, self._detail,
                                                                                        title, detail)
            self._title, self._detail = title, detail
            self.setToolTip(f"<b>{title}</b><br>{detail}")
            self.update(changed)
        self.label.set_text(title, summary, border_colour, depth)

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)
            self.label.set_rect(rect)

    def set_view_scale(self, scale: float | None) -> None:
        """The view's scale, for the label, whose type is sized to the view (see `GroupLabelItem`); None while
        the label is out of sight."""
        self.label.set_view_scale(scale)

    @property
    def title(self) -> str:
        return self._title

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def header_rect(self) -> QRectF:
        return QRectF(self._rect.left(), self._rect.top(), self._rect.width(), self._header)

    def _text_band(self) -> QRectF:
        """Where the header's text is painted, at any zoom: the header, and the padding under it that the name
        alone may reach in larger type (see `header_name_pixels`) or the ordinary two lines in a large font."""
        title, detail = _metrics(TITLE_SIZE, True), _metrics(DETAIL_SIZE, False)
        height = max(self._name_room, 3 + title.height() + detail.height() + 1)
        return QRectF(self._rect.left(), self._rect.top(), self._rect.width(), height)

    def _text_area(self, *texts: str) -> QRectF:
        """The part of the text band these texts take, with room to spare: zoomed out, the whole band
        crosses thousands of cards, and repainting it for a new total would cost a frame."""
        metrics = _metrics(TITLE_SIZE, True), _metrics(DETAIL_SIZE, False)
        widest = max(m.horizontalAdvance(text) for m in metrics for text in texts)
        band = self._text_band()
        band.setWidth(min(band.width(), 1.25 * widest + 30))
        return band

    def on_header(self, local_y: float) -> bool:
        return local_y <= self._rect.top() + self._header

    def header_name_pixels(self, view_scale: float) -> float:
        """The em, in scene units, of the name alone in the header once its ordinary type is too small to read
        (the cards showing only their titles): as large as the header band holds, and 0 when even that is
        too small (the label over the cards takes over) or the ordinary header is readable."""
        return header_name_em(view_scale, self._name_room)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor(ACCENT) if selected else self._border, 2.4 if selected else 1.2))
        painter.setBrush(self._fill)
        painter.drawRoundedRect(self._rect, 8, 8)
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        if pixels_of(TITLE_SIZE) * scale < READABLE_PX:  # too small for the ordinary header
            size = self.header_name_pixels(scale)
            if size:
                font = use_pixel_font(painter, size, bold=True)
                painter.setPen(QColor(INK))
                band = QRectF(self._rect.left() + 6, self._rect.top() + 1, self._rect.width() - 12, size * 1.2)
                painter.drawText(band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 QFontMetricsF(font).elidedText(self._title, Qt.TextElideMode.ElideRight, band.width()))
            return
        header = self.header_rect().adjusted(10, 3, -10, 0)
        font = use_font(painter, TITLE_SIZE, bold=True)
        painter.setPen(QColor(INK))
        metrics = QFontMetricsF(font, painter.device())
        painter.drawText(QRectF(header.left(), header.top(), header.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, metrics.elidedText(self._title, Qt.TextElideMode.ElideRight, header.width()))
        small = use_font(painter, DETAIL_SIZE, bold=False)
        painter.setPen(QColor(MUTED))
        detail_metrics = QFontMetricsF(small, painter.device())
        painter.drawText(QRectF(header.left(), header.top() + metrics.height(), header.width(), detail_metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         detail_metrics.elidedText(self._detail, Qt.TextElideMode.ElideRight, header.width()))


def header_name_em(view_scale: float, name_room: float) -> float:
    """The em, in scene units, of a group's name alone in a header `name_room` tall once the ordinary header
    type is too small to read: as large as the header holds, and 0 when even that is too small to read or
    the ordinary header is readable."""
    if view_scale <= 0 or pixels_of(TITLE_SIZE) * view_scale >= READABLE_PX:
        return 0.0
    size = min(READABLE_PX * 1.25 / view_scale, (name_room - 4) / 1.2)
    return size if size * view_scale >= READABLE_PX else 0.0


class GroupLabelItem(QGraphicsItem):
    """A group's name and figures ("12 posts · £1.2m") in type of a fixed size on screen, painted while the
    cards are plain boxes, or show only their titles with a header too small to name the group; not
    selectable, so clicks reach the box and cards under it.

    Its type is sized to the view, so what it covers in the scene depends on the view's scale: the scene tells
    it each new scale while it may be in sight (`set_view_scale`; out of sight it paints nothing), and its
    bounding rectangle is what it paints at that scale, which may run past the box (a short box, a word wider
    than a narrow one). Qt repaints an item only within its bounding rectangle, so every change to what it
    paints goes through `prepareGeometryChange`, which repaints where the label was and where it is now."""

    def __init__(self, card_height: float, name_room: float) -> None:
        super().__init__()
        self._card_height = card_height
        self._name_room = name_room
        self._rect = QRectF()
        self._name, self._summary = "", ""
        self._colour = QColor(INK)
        self._scale: float | None = None
        """The view's scale, as the scene last told it; None until then (nothing is painted)."""
        self._painted: _Painted | None = None
        """What paint draws at `_scale`."""
        self._words, self._widest_word = 0, 0.0
        """How many words the name has, and the widest in the largest type (see `reach`)."""
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(LABEL_Z)

    def type(self) -> int:
        return GROUP_LABEL_TYPE

    def set_text(self, name: str, summary: str, colour: QColor, depth: int) -> None:
        if (name, summary, colour) != (self._name, self._summary, self._colour):
            self.prepareGeometryChange()  # repaints the old text's extent and the new one's
            self._name, self._summary, self._colour = name, summary, QColor(colour)
            words = name.split()
            self._words, self._widest_word = len(words), max((_advance(w, LABEL_PX, True) for w in words), default=0.0)
            self._painted = self._paint_plan(self._scale)
        self.setZValue(LABEL_Z + depth)

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)
            self._painted = self._paint_plan(self._scale)

    def set_view_scale(self, scale: float | None) -> None:
        """The view now shows the chart at `scale` (as `levelOfDetailFromTransform` gives it), or None: out of
        sight. Called before it is painted at that scale, so the bounding rectangle changes before what is
        painted does."""
        if scale == self._scale:
            return
        painted = self._paint_plan(scale)
        if painted != self._painted:
            self.prepareGeometryChange()
        self._scale, self._painted = scale, painted

    def boundingRect(self) -> QRectF:
        return QRectF(self._painted.bounds) if self._painted is not None else QRectF()

    def reach(self, scale: float) -> QRectF:
        """The most the label may cover at `scale`, found without placing its lines: from the box's corner, as
        wide as the box or its widest word, and each word of the name on a line of its own, all in the largest
        type, with the figures under them (see `painted_lines` and `_paint_plan`)."""
        width = max(self._rect.width(), (self._widest_word + 16) / scale)
        height = ((self._words + 1) * LABEL_PX * 1.25 + 16) / scale
        return QRectF(self._rect.left(), self._rect.top(), width, height)

    def shape(self):  # type: ignore[no-untyped-def]
        return QPainterPath()  # never hit: the box and cards beneath take the clicks

    def painted_lines(self, view_scale: float) -> list[tuple[str, float]]:
        """What paint draws at this view scale: each line's text and its em in device pixels (none while the
        cards are readable themselves). The name is wrapped, in smaller type down to `READABLE_PX`, to fit
        the box; it is never cut short (a word wider than a narrow box runs past its edge). The figures are
        one line, cut short if they must be."""
        if view_scale <= 0:
            return []
        if card_detail(view_scale, self._card_height) is not Detail.BOX and \
                (pixels_of(TITLE_SIZE) * view_scale >= READABLE_PX or header_name_em(view_scale, self._name_room)):
            return []  # the header names the group
        width = self._rect.width() * view_scale - 8

        def fits(name: list[str], size: float) -> bool:
            return len(name) <= MAX_NAME_LINES and all(_advance(n, size, True) <= width for n in name)

        size = LABEL_PX
        name = _wrap(self._name, size, width)
        smallest = _wrap(self._name, READABLE_PX, width) if not fits(name, size) else name
        if not fits(smallest, READABLE_PX):  # a narrow box, far out: the smallest type, without trying each size
            size, name = READABLE_PX, smallest
        while not fits(name, size) and size > READABLE_PX:
            size = max(READABLE_PX, size - 0.5)
            name = _wrap(self._name, size, width)
        lines = [(line, size) for line in name]
        if self._summary:
            detail = min(LABEL_DETAIL_PX, size)
            lines.append((_elide(self._summary, detail, False, width), detail))
        return lines

    def _paint_plan(self, scale: float | None) -> _Painted | None:
        """Where each line goes at this scale, in device pixels from the box's corner (paint draws them so, in
        the type they were measured in), the white plate behind them all, and what that covers in the scene."""
        lines = self.painted_lines(scale) if scale is not None else []
        if scale is None or not lines:
            return None
        names = len(lines) - (1 if self._summary else 0)
        pad = 4.0
        y = pad
        placed = []
        for index, (text, size) in enumerate(lines):
            bold = index < names
            points = points_for(size)
            static = _static_text(text, points, bold)
            top = y + (size * 1.25 - _metrics(points, bold).height()) / 2  # centred in its line, as drawText would
            placed.append((static, _label_font(points, bold), bold, QRectF(pad, y, _advance(text, size, bold),
                                                                           size * 1.25), QPointF(pad, top)))
            y += size * 1.25
        widest = max(line.width() for _, _, _, line, _ in placed)
        plate = QRectF(pad / 2, pad / 2, widest + pad, y)
        covered = plate.adjusted(-1, -1, 1, 1)  # the plate's antialiased edge
        corner = self._rect.topLeft()
        bounds = QRectF(corner.x() + covered.x() / scale, corner.y() + covered.y() / scale,
                        covered.width() / scale, covered.height() / scale)
        return _Painted(scale, tuple(placed), plate, bounds)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """What was placed for the view's scale, in device pixels, and so never more than the bounding rectangle:
        a picture of the scene at another scale shows the label in type sized to the view."""
        painted = self._painted
        if painted is None:
            return
        painter.save()  # the view does not save the painter's state for each item
        painter.translate(self._rect.topLeft())
        painter.scale(1 / painted.scale, 1 / painted.scale)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 165))  # the cards under a label still show through it
        painter.drawRoundedRect(painted.plate, 4, 4)
        for static, font, bold, _, at in painted.lines:
            painter.setFont(font)
            painter.setPen(_HALO)  # a white edge round the letters: a line or card edge behind never runs through them
            for dx, dy in _HALO_STEPS:
                painter.drawStaticText(at + QPointF(dx, dy), static)
            painter.setPen(QColor(INK) if bold else QColor(MUTED))
            painter.drawStaticText(at, static)
        painter.restore()


_HALO = QColor(255, 255, 255, 235)
_HALO_STEPS = ((-1.2, 0.0), (1.2, 0.0), (0.0, -1.2), (0.0, 1.2))


@dataclass(frozen=True)
class _Painted:
    """A label's lines placed for one view scale: each line's text, font, weight and rectangle and the white
    plate behind them, in device pixels from the box's corner; and what paint covers in the scene, the plate's
    antialiased edge included."""

    scale: float
    lines: tuple[tuple[QStaticText, QFont, bool, QRectF, QPointF], ...]
    """Each line's text (laid out once, kept: drawn five times each paint), font, weight, rectangle and where
    the text's top left goes."""
    plate: QRectF
    bounds: QRectF


def _advance(text: str, pixels: float, bold: bool) -> float:
    return _advance_in(text, points_for(pixels), bold)


@lru_cache(maxsize=16384)
def _advance_in(text: str, points: float, bold: bool) -> float:
    """Kept: every label measures its words again at each step of a zoom, at the same few sizes."""
    return _metrics(points, bold).horizontalAdvance(text)


@lru_cache(maxsize=64)
def _metrics(points: float, bold: bool) -> QFontMetricsF:
    return QFontMetricsF(_label_font(points, bold))


@lru_cache(maxsize=4096)
def _static_text(text: str, points: float, bold: bool) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=_label_font(points, bold))
    return static


@lru_cache(maxsize=64)
def _label_font(points: float, bold: bool) -> QFont:
    return _font(points, bold)


def _wrap(text: str, pixels: float, width: float) -> list[str]:
    """Words onto lines no wider than `width` in bold type `pixels` tall; a word wider than that has a line
    of its own."""
    lines: list[str] = []
    points = points_for(pixels)
    for word in text.split():
        if lines and _advance_in(f"{lines[-1]} {word}", points, True) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _elide(text: str, pixels: float, bold: bool, width: float) -> str:
    return _metrics(points_for(pixels), bold).elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0.0))


def _font(size: float, bold: bool) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font
