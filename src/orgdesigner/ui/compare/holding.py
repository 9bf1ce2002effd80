"""The holding area beside the chart: the posts the shown chart lacks, as ghost cards with their impact.

On the proposed chart it holds the deleted posts, so they wait visibly instead of vanishing; on
the current chart, the new posts. Ghost cards can be selected (to see their details) but are not
posts of the structure shown, so no edit reaches them.
"""

from __future__ import annotations

from html import escape
from math import ceil

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from ...analysis import PostChange
from ...analysis.costing import post_cost
from ...model import Structure
from ...presentation.chartstyle import ACCENT, IMPACT_STYLES, INK, MUTED, card_lines, holder_name, main_change
from ...presentation.money import money
from ..items.postcard import elide_two_lines, paint_title_only
from ..items.text import use_font
from ..items.zoom import Detail, card_detail

GHOST_TYPE = QGraphicsItem.UserType + 5
HOLDING_TYPE = QGraphicsItem.UserType + 6
HEADER, PADDING, GAP = 58.0, 16.0, 14.0


class GhostCard(QGraphicsItem):
    def __init__(self, change: PostChange, home: Structure, width: float, height: float,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        post = change.before or change.after
        assert post is not None
        self.post_id = change.post
        self.change = change
        self._post = post
        self._cost = post_cost(post, home.pay_scales, home.settings).gross
        self._rect = QRectF(0, 0, width, height)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(10)
        self.holder = holder_name(change.before) if change.before is not None else ""
        """Who is at risk: the deleted post's holder (never a name withheld)."""
        impact = IMPACT_STYLES[change.impact.value][0]
        holder = f"{escape(self.holder)}<br>" if self.holder else ""
        self.setToolTip(f"<b>{escape(change.title)}</b><br>{holder}{escape(impact)}: {escape(change.reason)}")

    def type(self) -> int:
        return GHOST_TYPE

    @property
    def shown_name(self) -> str:
        """The holder's name as the ghost paints it: hidden with the chart's names (View ▸ Show Names)."""
        scene = self.scene()
        return self.holder if getattr(scene, "show_names", True) else ""

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 9)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect, style = self._rect, main_change(self.change.kinds)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        border = QPen(QColor(ACCENT if selected else style.colour), 2.6 if selected else 1.6)
        if not selected:
            border.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(border)
        painter.setBrush(QColor(style.tint))
        painter.drawRoundedRect(rect, 5, 5)
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        detail = card_detail(scale, rect.height())
        if detail is not Detail.FULL:  # zoomed out: the title in readable type, and the impact's colour
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(IMPACT_STYLES[self.change.impact.value][1]))
            painter.drawRect(QRectF(rect.left(), rect.bottom() - 10, rect.width(), 10))
            if detail is Detail.TITLE:
                paint_title_only(painter, self._post.title, rect.adjusted(0, 0, 0, -8), INK, scale)
            return
        inner = rect.adjusted(10, 7, -8, -6)
        title_font = use_font(painter, 8.6, bold=True)
        metrics = QFontMetricsF(title_font)
        painter.setPen(QColor(INK))
        title_box = QRectF(inner.left(), inner.top(), inner.width(), metrics.lineSpacing() * 2 + 1)
        painter.drawText(title_box, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         elide_two_lines(self._post.title, metrics, inner.width()))
        small = use_font(painter, 7.4)
        line = QFontMetricsF(small).lineSpacing()
        y = title_box.bottom() + 1
        name = self.shown_name
        if name:
            painter.drawText(QRectF(inner.left(), y, inner.width(), line), Qt.AlignmentFlag.AlignLeft,
                             QFontMetricsF(small).elidedText(name, Qt.TextElideMode.ElideRight, inner.width()))
            y += line
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(inner.left(), y, inner.width(), line), Qt.AlignmentFlag.AlignLeft, card_lines(self._post))
        painter.drawText(QRectF(inner.left(), y + line, inner.width(), line), Qt.AlignmentFlag.AlignLeft, money(self._cost))
        label, colour = IMPACT_STYLES[self.change.impact.value]
        font = use_font(painter, 7.2, bold=True)
        width = QFontMetricsF(font).horizontalAdvance(label.upper()) + 12
        badge = QRectF(rect.left() + 8, rect.bottom() - 7, width, 14)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(badge, 7, 7)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label.upper())


class HoldingArea(QGraphicsItem):
    """A labelled box of ghost cards, in columns of at most `max_rows`."""

    def __init__(self, title: str, subtitle: str, changes: list[PostChange], home: Structure,
                 card_width: float, card_height: float, max_rows: int) -> None:
        super().__init__()
        self.title, self.subtitle = title, subtitle
        self.colour = main_change(changes[0].kinds).colour if changes else MUTED
        self.ghosts: dict[str, GhostCard] = {}
        rows = max(1, min(len(changes), max_rows))
        columns = max(1, ceil(len(changes) / rows))
        for index, change in enumerate(changes):
            ghost = GhostCard(change, home, card_width, card_height, self)
            column, row = divmod(index, rows)
            ghost.setPos(PADDING + column * (card_width + GAP), HEADER + row * (card_height + GAP))
            self.ghosts[change.post] = ghost
        self._rect = QRectF(0, 0, max(2 * PADDING + columns * (card_width + GAP) - GAP, 300),
                            HEADER + rows * (card_height + GAP) - GAP + PADDING)
        self.setZValue(5)

    def type(self) -> int:
        return HOLDING_TYPE

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pen = QPen(QColor(self.colour), 1.4, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor("#fffdfc"))
        painter.drawRoundedRect(self._rect, 8, 8)
        width = self._rect.width() - 2 * PADDING
        font = use_font(painter, 13, bold=True)
        painter.setPen(QColor(self.colour))
        painter.drawText(QRectF(PADDING, 8, width, 24), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetricsF(font).elidedText(self.title, Qt.TextElideMode.ElideRight, width))
        font = use_font(painter, 8.2)
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(PADDING, 31, width, 18), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetricsF(font).elidedText(self.subtitle, Qt.TextElideMode.ElideRight, width))
