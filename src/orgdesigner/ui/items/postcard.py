"""A post's card on the canvas: paints the post and hit-tests its line handle, nothing more."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyle, QStyleOptionGraphicsItem, QWidget

from ...analysis import Cost, Finding
from ...model import Post
from ...presentation.chartstyle import (ACCENT, MUTED, SEVERITY_COLOURS, SPAN_RULES, card_lines, card_style,
                                        change_style, cost_line, holder_name, junior_grades, junior_summary,
                                        main_change)
from ...presentation.figures import severity_label
from .text import pixels_of, points_for, use_font, use_pixel_font
from .zoom import CARD_PAD_X, CARD_PAD_Y, READABLE_PX, TITLE_LEADING, TITLE_PT, Detail, card_detail, title_pixels

HANDLE_RADIUS = 6.0
RESPONSIBILITY_COLOUR = "#00796b"
POST_CARD_TYPE = QGraphicsItem.UserType + 1


@lru_cache(maxsize=64)
def _border_pen(colour: str, width: float, dashed: bool) -> QPen:
    """A card's border, made once per look (a chart of thousands of cards has a handful)."""
    pen = QPen(QColor(colour), width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


@lru_cache(maxsize=64)
def _fill_brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
"""Selectable, and moved by a gesture (worked out once: a focus on a branch makes hundreds of cards at a time)."""
_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_SELECTED = QStyle.StateFlag.State_Selected
_NO_PEN = QPen(Qt.PenStyle.NoPen)
_NO_COST = Cost(0.0, 0.0)


class PostCardItem(QGraphicsRectItem):
    """A post's card. Its `QGraphicsRectItem` rectangle, drawn with no pen, is its bounding rectangle (the card
    with room for its handle and badges), so Qt finds it without calling into Python: it asks for it several
    times for each card it paints, and for every card an edit or a scroll moves."""

    _span = 0
    _severity: str | None = None
    _responsibilities = 0
    """How many responsibilities (lead roles, briefings, delegations, meetings) the post holds."""
    _change_kinds: tuple[str, ...] = ()
    """While comparing: what the proposal does to the post, drawn as a coloured ring and badges."""
    _change_note = ""
    _show_names = True
    _cost_basis = ""
    """How the structure is costed ('at top of grade with 25% on-costs'), said under the cost in the hover text."""
    _tip: str | None = None
    """The hover text; None: worked out afresh when asked for (`toolTip`). Most cards made as the view moves
    are never hovered, and a card is told several things as it is made."""

    def __init__(self, post: Post, width: float, height: float) -> None:
        rect = QRectF(0, 0, width, height)
        super().__init__(_bounds(rect))
        self.setPen(_NO_PEN)
        self._rect = rect
        self.post_id = post.id
        self._post = post
        self._cost = _NO_COST
        self._findings: list[Finding] = []
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self.setCacheMode(_CACHE)

    def type(self) -> int:
        return POST_CARD_TYPE

    # ----- data in ----------------------------------------------------------------------

    def set_post(self, post: Post, cost: Cost, span: int) -> None:
        self._post, self._cost, self._span = post, cost, span
        self._tip = None
        self.update()

    def set_show_names(self, show: bool) -> None:
        if show != self._show_names:
            self._show_names = show
            self._tip = None
            self.update()

    def set_cost_basis(self, words: str) -> None:
        if words != self._cost_basis:
            self._cost_basis = words
            self._tip = None

    def set_findings(self, findings: list[Finding]) -> None:
        self._findings = findings
        self._severity = _worst(findings)
        self._tip = None
        self.update()

    def set_responsibility_count(self, count: int) -> None:
        if count != self._responsibilities:
            self._responsibilities = count
            self._tip = None
            self.update()

    @property
    def responsibility_count(self) -> int:
        return self._responsibilities

    def set_change(self, kinds: tuple[str, ...], note: str = "") -> None:
        """Mark the card with its change kinds and a line for its tooltip; no kinds clears the mark."""
        if (kinds, note) == (self._change_kinds, self._change_note):
            return
        self._change_kinds, self._change_note = kinds, note
        self._tip = None
        self.update()

    @property
    def change_kinds(self) -> tuple[str, ...]:
        return self._change_kinds

    def set_size(self, width: float, height: float) -> None:
        if (width, height) != (self._rect.width(), self._rect.height()):
            self._rect = QRectF(0, 0, width, height)
            self.setRect(_bounds(self._rect))

    @property
    def post(self) -> Post:
        return self._post

    @property
    def severity(self) -> str | None:
        return self._severity

    @property
    def shown_name(self) -> str:
        """The postholder's name as the card paints it at full detail; empty when it paints none."""
        return holder_name(self._post) if self._show_names else ""

    def span_badge_colour(self) -> str:
        """The span badge's colour: its span finding's severity colour, else the ordinary accent."""
        severity = _worst([f for f in self._findings if f.rule in SPAN_RULES])
        return SEVERITY_COLOURS[severity] if severity else ACCENT

    def detail(self, view_scale: float) -> Detail:
        return card_detail(view_scale, self._rect.height())

    def painted_title_px(self, view_scale: float) -> float:
        """How tall (an em, in device pixels) the title is painted at this view scale; 0 if it is not."""
        detail = self.detail(view_scale)
        if detail is Detail.BOX:
            return 0.0
        if detail is Detail.FULL:
            return pixels_of(TITLE_PT) * view_scale
        size, lines = self.title_only(view_scale)
        return size * view_scale if lines else 0.0

    def title_only(self, view_scale: float) -> tuple[float, list[str]]:
        """The title when a card shows nothing else: its em in scene units and its lines (see `fit_title`)."""
        return fit_title(self._post.title, self._title_box(), self._rect.height(), view_scale)

    def _title_box(self) -> QRectF:
        return title_box(self._rect)

    def toolTip(self) -> str:  # noqa: N802 (Qt's name)
        """The hover text as the card is now, handed to Qt too (the scene asks for it before a tooltip shows)."""
        if self._tip is None:
            self._tip = self._tooltip()
            self.setToolTip(self._tip)
        return self._tip

    def _tooltip(self) -> str:
        lines = [f"<b>{_escape(self._post.title)}</b>"]
        if self.shown_name:
            lines.append(_escape(self.shown_name))
        if self._cost_basis:
            lines.append(_escape(f"{cost_line(self._post, self._cost.gross, self._cost.net)}, costed {self._cost_basis}"))
        if self._post.junior:  # the junior staff the card counts ("+34.2 FTE in 3 grades"), grade by grade
            lines.append(f"Junior staff {junior_summary(self._post)}:")
            lines += [f"&nbsp;&nbsp;{_escape(row)}" for row in junior_grades(self._post)]
        if self._responsibilities:
            lines.append(f"Holds {_responsibility_words(self._responsibilities)} (see the Responsibilities dock)")
        if self._change_note:
            lines.append(_escape(self._change_note))
        for finding in self._findings:
            colour = SEVERITY_COLOURS[finding.severity.value]
            lines.append(f"<span style='color:{colour}'>{severity_label(finding.severity.value).upper()}</span> "
                         f"{_escape(finding.message)}")
        return "<br>".join(lines)

    # ----- geometry -----------------------------------------------------------------------

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # the handle overlaps the card's edge; keep both solid
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
        selected = _SELECTED in option.state  # (no new flag made for each card painted)
        change = main_change(self._change_kinds) if self._change_kinds else None
        painter.setPen(_border_pen(ACCENT if selected else style.border, 2.6 if selected else 1.2, style.dashed))
        painter.setBrush(_fill_brush(change.tint if change else style.fill))
        painter.drawRoundedRect(rect, 5, 5)
        if change is not None:
            painter.setPen(QPen(QColor(change.colour), 3.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 7, 7)
        if self._severity:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(SEVERITY_COLOURS[self._severity]))
            painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 5, rect.height()), 2, 2)
        detail = self.detail(lod)
        if detail is Detail.BOX:  # zoomed far out: a plain box, and the group labels say what is where
            return
        if detail is Detail.TITLE:
            self._paint_title_only(painter, style.text, lod)
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

    def _paint_title_only(self, painter: QPainter, ink: str, scale: float) -> None:
        paint_title_only(painter, self._post.title, self._rect, ink, scale)

    def _paint_text(self, painter: QPainter, rect: QRectF, ink: str, label: str) -> None:
        post = self._post
        inner = rect.adjusted(CARD_PAD_X, CARD_PAD_Y, -8, -6)
        title_font = use_font(painter, TITLE_PT, bold=True)
        painter.setPen(QColor(ink))
        # measured on the device painted on (a cache pixmap may differ from the screen), and the lines
        # broken here are drawn as they are, so a title never wraps to a third line that is cut off
        metrics = QFontMetricsF(title_font, painter.device())
        title_box = QRectF(inner.left(), inner.top(), inner.width(), metrics.lineSpacing() * 2 + 1)
        painter.drawText(title_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, elide_two_lines(post.title, metrics, inner.width()))
        small = use_font(painter, 7.4, bold=False)
        line_height = QFontMetricsF(small, painter.device()).lineSpacing()
        y = title_box.bottom() + 1
        name = self.shown_name
        if name:
            painter.setPen(QColor(ink))
            painter.drawText(QRectF(inner.left(), y, inner.width(), line_height), Qt.AlignmentFlag.AlignLeft,
                             QFontMetricsF(small, painter.device()).elidedText(name, Qt.TextElideMode.ElideRight, inner.width()))
            y += line_height
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(inner.left(), y, inner.width(), line_height), Qt.AlignmentFlag.AlignLeft, card_lines(post))
        cost = cost_line(post, self._cost.gross, self._cost.net, separator="  ")
        painter.setPen(QColor(ink))
        painter.drawText(QRectF(inner.left(), y + line_height, inner.width(), line_height), Qt.AlignmentFlag.AlignLeft, cost)
        footer = QRectF(inner.left(), inner.bottom() - line_height, inner.width(), line_height)
        if label:
            painter.setPen(QColor(MUTED))
            painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        if post.designations:
            painter.setPen(QColor(ACCENT))
            bold = QFont(small)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(footer, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, " ".join(d.value for d in post.designations))

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
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_span_badge(self, painter: QPainter, rect: QRectF) -> None:
        centre = QPointF(rect.right(), rect.top())
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QColor(self.span_badge_colour()))
        painter.drawEllipse(centre, 10, 10)
        use_font(painter, 7.2, bold=True)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(centre.x() - 10, centre.y() - 10, 20, 20), Qt.AlignmentFlag.AlignCenter, str(self._span))


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
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.colour))
            painter.drawRoundedRect(badge, 6, 6)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
            x += width + 3


def _bounds(card: QRectF) -> QRectF:
    """What a card paints: the card, its handle above it, its span badge at its top right, its change badges below."""
    return card.adjusted(-HANDLE_RADIUS - 2, -HANDLE_RADIUS - 12, HANDLE_RADIUS + 12, 10)


def title_box(card: QRectF) -> QRectF:
    """Where a card's title goes when it shows nothing else."""
    return card.adjusted(CARD_PAD_X - 3, CARD_PAD_Y - 2, -6, -CARD_PAD_Y + 2)


MIN_TITLE_STUB = 6
"""Fewer characters of a cut-short title than this are not painted: they read as noise, not a title."""


def fit_title(title: str, box: QRectF, card_height: float, scale: float) -> tuple[float, list[str]]:
    """A title alone in `box`: its em in scene units and its lines. The largest type up to `title_pixels` that
    shows the whole title on the lines the box holds, else readable type with the last line cut short."""
    largest = title_pixels(scale, card_height)
    smallest = min(largest, READABLE_PX / scale)
    size = largest
    while True:
        metrics = QFontMetricsF(_title_font(size))
        rows = max(1, int(box.height() // (size * TITLE_LEADING)))
        lines = wrap_lines(title, metrics, box.width(), rows)
        if " ".join(lines) == " ".join(title.split()):
            return size, lines
        if size <= smallest:  # a stub such as "Pos…" tells nothing: the group labels say what is where
            shown = "".join(lines).replace("\u2026", "").replace(" ", "")
            return (size, lines) if len(shown) >= MIN_TITLE_STUB else (size, [])
        size = max(smallest, size * 0.9)


def paint_title_only(painter: QPainter, title: str, card: QRectF, ink: str, scale: float) -> None:
    size, lines = fit_title(title, title_box(card), card.height(), scale)
    use_pixel_font(painter, size, bold=True)
    painter.setPen(QColor(ink))
    painter.drawText(title_box(card), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "\n".join(lines))


def elide_two_lines(text: str, metrics: QFontMetricsF, width: float) -> str:
    """Wrap a title over two lines at most, eliding the second if it is still too long."""
    return "\n".join(wrap_lines(text, metrics, width, 2))


def wrap_lines(text: str, metrics: QFontMetricsF, width: float, rows: int) -> list[str]:
    """Words onto at most `rows` lines no wider than `width`, the last elided if words are left over."""
    words, lines = text.split(), []
    while words and len(lines) < rows - 1:
        line = ""
        while words and metrics.horizontalAdvance((line + " " + words[0]).strip()) <= width:
            line = (line + " " + words.pop(0)).strip()
        if not line:
            line = metrics.elidedText(words.pop(0), Qt.TextElideMode.ElideRight, width)
        lines.append(line)
    if words:
        lines.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return lines


def _title_font(pixels: float) -> QFont:
    font = QFont()
    font.setPointSizeF(points_for(pixels))
    font.setBold(True)
    return font


def _worst(findings: list[Finding]) -> str | None:
    severities = {f.severity.value for f in findings}
    return next((s for s in ("error", "warning") if s in severities), None)


def _responsibility_words(count: int) -> str:
    return "1 responsibility" if count == 1 else f"{count} responsibilities"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
