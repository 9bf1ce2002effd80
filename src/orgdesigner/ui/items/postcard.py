"""A post's card on the canvas: paints the post and hit-tests its line handle, nothing more."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from ...analysis import Cost, Finding
from ...model import Post
from ...presentation.chartstyle import (ACCENT, MUTED, SEVERITY_COLOURS, card_lines, card_style, change_style, cost_line,
                                        junior_grades, junior_summary, main_change)
from .text import use_font

HANDLE_RADIUS = 6.0
RESPONSIBILITY_COLOUR = "#00796b"
POST_CARD_TYPE = QGraphicsItem.UserType + 1


class PostCardItem(QGraphicsItem):
    def __init__(self, post: Post, width: float, height: float) -> None:
        super().__init__()
        self.post_id = post.id
        self._post = post
        self._rect = QRectF(0, 0, width, height)
        self._bounds: QRectF | None = None
        self._cost = Cost(0.0, 0.0)
        self._span = 0
        self._findings: list[Finding] = []
        self._severity: str | None = None
        self._responsibilities = 0
        """How many responsibilities (lead roles, briefings, delegations, meetings) the post holds."""
        self._change_kinds: tuple[str, ...] = ()
        """While comparing: what the proposal does to the post, drawn as a coloured ring and badges."""
        self._change_note = ""
        self.setFlags(QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemSendsGeometryChanges)  # moved by a gesture
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        if post.junior:
            self.setToolTip(self._tooltip())

    def type(self) -> int:
        return POST_CARD_TYPE

    # ----- data in ----------------------------------------------------------------------

    def set_post(self, post: Post, cost: Cost, span: int) -> None:
        junior_changed = post.junior != self._post.junior
        self._post, self._cost, self._span = post, cost, span
        if junior_changed:
            self.setToolTip(self._tooltip())
        self.update()

    def set_findings(self, findings: list[Finding]) -> None:
        self._findings = findings
        severities = [f.severity.value for f in findings]
        self._severity = next((s for s in ("error", "warning") if s in severities), None)
        self.setToolTip(self._tooltip())
        self.update()

    def set_responsibility_count(self, count: int) -> None:
        if count != self._responsibilities:
            self._responsibilities = count
            self.setToolTip(self._tooltip())
            self.update()

    @property
    def responsibility_count(self) -> int:
        return self._responsibilities

    def set_change(self, kinds: tuple[str, ...], note: str = "") -> None:
        """Mark the card with its change kinds and a line for its tooltip; no kinds clears the mark."""
        if (kinds, note) == (self._change_kinds, self._change_note):
            return
        self._change_kinds, self._change_note = kinds, note
        self.setToolTip(self._tooltip())
        self.update()

    @property
    def change_kinds(self) -> tuple[str, ...]:
        return self._change_kinds

    def set_size(self, width: float, height: float) -> None:
        if (width, height) != (self._rect.width(), self._rect.height()):
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, width, height)
            self._bounds = None

    @property
    def post(self) -> Post:
        return self._post

    @property
    def severity(self) -> str | None:
        return self._severity

    def _tooltip(self) -> str:
        lines = [f"<b>{_escape(self._post.title)}</b>"]
        if self._post.junior:  # the junior staff the card counts ("+34.2 FTE in 3 grades"), grade by grade
            lines.append(f"Junior staff {junior_summary(self._post)}:")
            lines += [f"&nbsp;&nbsp;{_escape(row)}" for row in junior_grades(self._post)]
        if self._responsibilities:
            lines.append(f"Holds {_responsibility_words(self._responsibilities)} (see the Responsibilities dock)")
        if self._change_note:
            lines.append(_escape(self._change_note))
        for finding in self._findings:
            colour = SEVERITY_COLOURS[finding.severity.value]
            lines.append(f"<span style='color:{colour}'>{finding.severity.value.upper()}</span> "
                         f"{_escape(finding.message)}")
        return "<br>".join(lines)

    # ----- geometry -----------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        if self._bounds is None:  # asked for thousands of times when cards move: worked out once per size
            self._bounds = self._rect.adjusted(-HANDLE_RADIUS - 2, -HANDLE_RADIUS - 12, HANDLE_RADIUS + 12, 10)
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.WindingFill)  # the handle overlaps the card's edge; keep both solid
        path.addRect(self._rect)
        path.addEllipse(self.handle_centre(), HANDLE_RADIUS + 2, HANDLE_RADIUS + 2)
        return path

    def card_rect(self) -> QRectF:
        return QRectF(self._rect)

    def handle_centre(self) -> QPointF:
        """The handle on the top edge: drag it to a manager's card to draw a reporting line."""
        return QPointF(self._rect.center().x(), 0.0)

    def on_handle(self, local: QPointF) -> bool:
        delta = local - self.handle_centre()
        return delta.x() ** 2 + delta.y() ** 2 <= (HANDLE_RADIUS + 3) ** 2

    # ----- painting -----------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        post, rect = self._post, self._rect
        style = card_style(post)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = bool(option.state & QStyle.State_Selected)
        border = QPen(QColor(ACCENT if selected else style.border), 2.6 if selected else 1.2)
        if style.dashed:
            border.setStyle(Qt.DashLine)
        change = main_change(self._change_kinds) if self._change_kinds else None
        painter.setPen(border)
        painter.setBrush(QBrush(QColor(change.tint if change else style.fill)))
        painter.drawRoundedRect(rect, 5, 5)
        if change is not None:
            painter.setPen(QPen(QColor(change.colour), 3.2))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 7, 7)
        if self._severity:
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(SEVERITY_COLOURS[self._severity]))
            painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 5, rect.height()), 2, 2)
        if lod < 0.35:  # zoomed far out: a plain box reads better and paints far faster
            return
        self._paint_text(painter, rect, style.text, style.label)
        if self._span:
            self._paint_span_badge(painter, rect)
        if self._responsibilities:
            self._paint_responsibility_badge(painter, rect)
        if self._change_kinds and self._change_kinds != ("unchanged",):
            self._paint_change_badges(painter, rect)
        painter.setPen(QPen(QColor(MUTED), 1))
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(self.handle_centre(), HANDLE_RADIUS - 2, HANDLE_RADIUS - 2)

    def _paint_text(self, painter: QPainter, rect: QRectF, ink: str, label: str) -> None:
        post = self._post
        inner = rect.adjusted(11, 7, -8, -6)
        title_font = use_font(painter, 8.6, bold=True)
        painter.setPen(QColor(ink))
        # measured on the device painted on (a cache pixmap may differ from the screen), and the lines
        # broken here are drawn as they are, so a title never wraps to a third line that is cut off
        metrics = QFontMetricsF(title_font, painter.device())
        title_box = QRectF(inner.left(), inner.top(), inner.width(), metrics.lineSpacing() * 2 + 1)
        painter.drawText(title_box, Qt.AlignLeft | Qt.AlignTop, elide_two_lines(post.title, metrics, inner.width()))
        small = use_font(painter, 7.4, bold=False)
        line_height = QFontMetricsF(small, painter.device()).lineSpacing()
        y = title_box.bottom() + 1
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(inner.left(), y, inner.width(), line_height), Qt.AlignLeft, card_lines(post))
        cost = cost_line(post, self._cost.gross, self._cost.net, separator="  ")
        painter.setPen(QColor(ink))
        painter.drawText(QRectF(inner.left(), y + line_height, inner.width(), line_height), Qt.AlignLeft, cost)
        footer = QRectF(inner.left(), inner.bottom() - line_height, inner.width(), line_height)
        if label:
            painter.setPen(QColor(MUTED))
            painter.drawText(footer, Qt.AlignLeft | Qt.AlignVCenter, label)
        if post.designations:
            painter.setPen(QColor(ACCENT))
            bold = QFont(small)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(footer, Qt.AlignRight | Qt.AlignVCenter, " ".join(d.value for d in post.designations))

    def _paint_responsibility_badge(self, painter: QPainter, rect: QRectF) -> None:
        """A pill on the top edge, left of the line handle: how many responsibilities the post holds."""
        font = use_font(painter, 6.6, bold=True)
        text = f"{self._responsibilities} RESP."
        advance = QFontMetricsF(font, painter.device()).horizontalAdvance(text)
        pill = QRectF(rect.left() + 10, rect.top() - 6.5, advance + 10, 13)
        painter.setPen(QPen(QColor("#ffffff"), 1.2))
        painter.setBrush(QColor(RESPONSIBILITY_COLOUR))
        painter.drawRoundedRect(pill, 6.5, 6.5)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(pill, Qt.AlignCenter, text)

    def _paint_span_badge(self, painter: QPainter, rect: QRectF) -> None:
        centre = QPointF(rect.right(), rect.top())
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QColor(ACCENT))
        painter.drawEllipse(centre, 10, 10)
        use_font(painter, 7.2, bold=True)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(centre.x() - 10, centre.y() - 10, 20, 20), Qt.AlignCenter, str(self._span))


    def _paint_change_badges(self, painter: QPainter, rect: QRectF) -> None:
        """One small coloured label per change kind, sitting on the card's bottom edge."""
        font = use_font(painter, 6.4, bold=True)
        metrics = QFontMetricsF(font, painter.device())
        x = rect.left() + 8
        for kind in self._change_kinds:
            style = change_style(kind)
            text = style.label.upper()
            width = metrics.horizontalAdvance(text) + 8
            if x + width > rect.right() - 4:
                break
            badge = QRectF(x, rect.bottom() - 6, width, 12)
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(style.colour))
            painter.drawRoundedRect(badge, 6, 6)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignCenter, text)
            x += width + 3


def elide_two_lines(text: str, metrics: QFontMetricsF, width: float) -> str:
    """Wrap a title over two lines at most, eliding the second if it is still too long."""
    words = text.split()
    first = ""
    while words and metrics.horizontalAdvance((first + " " + words[0]).strip()) <= width:
        first = (first + " " + words.pop(0)).strip()
    if not first and words:
        first = metrics.elidedText(words.pop(0), Qt.ElideRight, width)
    rest = " ".join(words)
    if not rest:
        return first
    return first + "\n" + metrics.elidedText(rest, Qt.ElideRight, width)


def _responsibility_words(count: int) -> str:
    return "1 responsibility" if count == 1 else f"{count} responsibilities"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
