"""A group's box on the canvas: a tinted container with a header naming the group, and its label: the name
and figures in type sized to the view, over the cards, once they are too small to read (semantic zoom)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
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
            # a new name may be painted in larger type (see `header_name_pixels`): the whole header then
            changed = self.header_rect() if title != self._title else self._text_area(self._title, self._detail,
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

    @property
    def title(self) -> str:
        return self._title

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def header_rect(self) -> QRectF:
        return QRectF(self._rect.left(), self._rect.top(), self._rect.width(), self._header)

    def _text_area(self, *texts: str) -> QRectF:
        """The part of the header these texts take, with room to spare: zoomed out, the whole header
        band crosses thousands of cards, and repainting it for a new total would cost a frame."""
        metrics = QFontMetricsF(_font(TITLE_SIZE, bold=True)), QFontMetricsF(_font(DETAIL_SIZE, bold=False))
        widest = max(m.horizontalAdvance(text) for m in metrics for text in texts)
        header = self.header_rect()
        header.setWidth(min(header.width(), 1.25 * widest + 30))
        return header

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
    selectable, so clicks reach the box and cards under it."""

    def __init__(self, card_height: float, name_room: float) -> None:
        super().__init__()
        self._card_height = card_height
        self._name_room = name_room
        self._rect = QRectF()
        self._name, self._summary = "", ""
        self._colour = QColor(INK)
        self._scale: float | None = None
        """The view scale it was last painted at."""
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(LABEL_Z)

    def type(self) -> int:
        return GROUP_LABEL_TYPE

    def set_text(self, name: str, summary: str, colour: QColor, depth: int) -> None:
        """Repaint only where the label was and will be painted: its item spans the whole group (a directorate
        is much of the chart), and almost every edit changes some group's figures."""
        if (name, summary, colour) != (self._name, self._summary, self._colour):
            scale = self._scale
            before = self.painted_area(scale) if scale is not None else None
            self._name, self._summary, self._colour = name, summary, QColor(colour)
            if scale is None:
                self.update()
            else:
                for area in (before, self.painted_area(scale)):
                    if area is not None:
                        self.update(area)
        self.setZValue(LABEL_Z + depth)

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._rect

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
        size = LABEL_PX
        name = _wrap(self._name, size, width)
        while size > READABLE_PX and (len(name) > MAX_NAME_LINES or any(_advance(n, size, True) > width for n in name)):
            size = max(READABLE_PX, size - 0.5)
            name = _wrap(self._name, size, width)
        lines = [(line, size) for line in name]
        if self._summary:
            detail = min(LABEL_DETAIL_PX, size)
            lines.append((_elide(self._summary, detail, False, width), detail))
        return lines

    def painted_area(self, view_scale: float) -> QRectF | None:
        """The rectangle paint covers at this view scale (with a pixel to spare), None when it paints nothing."""
        lines = self.painted_lines(view_scale)
        if not lines:
            return None
        pad = 4 / view_scale
        widest = max(_advance(text, size, True) for text, size in lines) / view_scale
        height = sum(size * 1.25 for _, size in lines) / view_scale
        return QRectF(self._rect.left() + pad / 2, self._rect.top() + pad / 2, widest + pad, height + pad).adjusted(
            -1 / view_scale, -1 / view_scale, 1 / view_scale, 1 / view_scale)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        self._scale = scale
        lines = self.painted_lines(scale)
        if not lines:
            return
        pad = 4 / scale
        x, y = self._rect.left() + pad, self._rect.top() + pad
        widest = max(_advance(text, size, True) for text, size in lines) / scale
        height = sum(size * 1.25 for _, size in lines) / scale
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(QRectF(x - pad / 2, y - pad / 2, widest + pad, height + pad), pad, pad)
        names = len(lines) - (1 if self._summary else 0)
        for index, (text, size) in enumerate(lines):
            use_pixel_font(painter, size / scale, bold=index < names)
            painter.setPen(QColor(INK) if index < names else QColor(MUTED))
            line = QRectF(x, y, widest + pad, size * 1.25 / scale)
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            y += size * 1.25 / scale


def _pixel_font(pixels: float, bold: bool) -> QFont:
    return _font(points_for(pixels), bold)


def _advance(text: str, pixels: float, bold: bool) -> float:
    return QFontMetricsF(_pixel_font(pixels, bold)).horizontalAdvance(text)


def _wrap(text: str, pixels: float, width: float) -> list[str]:
    """Words onto lines no wider than `width` in bold type `pixels` tall; a word wider than that has a line
    of its own."""
    lines: list[str] = []
    for word in text.split():
        if lines and _advance(f"{lines[-1]} {word}", pixels, True) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _elide(text: str, pixels: float, bold: bool, width: float) -> str:
    return QFontMetricsF(_pixel_font(pixels, bold)).elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0.0))


def _font(size: float, bold: bool) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font
