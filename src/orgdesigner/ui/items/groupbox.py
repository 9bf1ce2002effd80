"""A group's box on the canvas: a tinted container with a header naming the group."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from ...presentation.chartstyle import ACCENT, INK, MUTED
from .text import use_font

GROUP_BOX_TYPE = QGraphicsItem.UserType + 2
TITLE_SIZE, DETAIL_SIZE = 9.5, 7.4


class GroupBoxItem(QGraphicsItem):
    def __init__(self, group_id: str, header_height: float) -> None:
        super().__init__()
        self.group_id = group_id
        self._rect = QRectF()
        self._header = header_height
        self._title = ""
        self._detail = ""
        self._fill = QColor("#eef4fb")
        self._border = QColor("#9db8d9")
        self.setFlags(QGraphicsItem.ItemIsSelectable)
        self.setZValue(0)

    def type(self) -> int:
        return GROUP_BOX_TYPE

    def set_content(self, title: str, detail: str, fill: str, border: str, depth: int) -> None:
        """Repaint only what changed: a new figure in the header must not repaint the whole box
        (a directorate's box spans much of the chart, and every edit changes some total)."""
        fill_colour, border_colour = QColor(fill), QColor(border)
        if (fill_colour, border_colour, depth) != (self._fill, self._border, self.zValue()):
            self._fill, self._border = fill_colour, border_colour
            self.setZValue(depth)  # nested groups sit above their parents, below cards
            self.update()
        if (title, detail) != (self._title, self._detail):
            changed = self._text_area(self._title, self._detail, title, detail)
            self._title, self._detail = title, detail
            self.setToolTip(f"<b>{title}</b><br>{detail}")
            self.update(changed)

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

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

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        selected = bool(option.state & QStyle.State_Selected)
        painter.setPen(QPen(QColor(ACCENT) if selected else self._border, 2.4 if selected else 1.2))
        painter.setBrush(self._fill)
        painter.drawRoundedRect(self._rect, 8, 8)
        header = self.header_rect().adjusted(10, 3, -10, 0)
        font = use_font(painter, TITLE_SIZE, bold=True)
        painter.setPen(QColor(INK))
        metrics = QFontMetricsF(font, painter.device())
        painter.drawText(QRectF(header.left(), header.top(), header.width(), metrics.height()),
                         Qt.AlignLeft | Qt.AlignVCenter, metrics.elidedText(self._title, Qt.ElideRight, header.width()))
        small = use_font(painter, DETAIL_SIZE, bold=False)
        painter.setPen(QColor(MUTED))
        detail_metrics = QFontMetricsF(small, painter.device())
        painter.drawText(QRectF(header.left(), header.top() + metrics.height(), header.width(), detail_metrics.height()),
                         Qt.AlignLeft | Qt.AlignVCenter,
                         detail_metrics.elidedText(self._detail, Qt.ElideRight, header.width()))


def _font(size: float, bold: bool) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font
