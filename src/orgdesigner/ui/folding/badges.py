"""The fold control on a manager's card: a small chevron on its bottom edge that folds the branch away,
and on a folded card a pill saying what is folded (posts, FTE and net cost under it). Click either to
fold or unfold. The marks are child items of the cards, so the cards themselves are not repainted."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent, QStyleOptionGraphicsItem, QWidget

from ...presentation.chartstyle import ACCENT, MUTED
from ...presentation.folding import hidden_summary
from ..items.postcard import PostCardItem
from ..scene import OrgScene

FOLD_BADGE_TYPE = QGraphicsItem.UserType + 20  # type: ignore[attr-defined]  # not in the stubs
RADIUS = 7.0
PILL_HEIGHT = 17.0
PILL_OVERLAP = 3.0
"""How far the folded pill reaches up over its card's bottom edge."""
FONT_SIZE = 7.2


def _font() -> QFont:
    font = QFont()
    font.setPointSizeF(FONT_SIZE)
    font.setBold(True)
    return font


_CENTRE, _LEFT, _TIP, _RIGHT = QPointF(0, 0), QPointF(-3, -1.5), QPointF(0, 1.5), QPointF(3, -1.5)
_RING, _FILL, _CHEVRON = QPen(QColor(MUTED), 1.2), QBrush(QColor("#ffffff")), QPen(QColor(MUTED), 1.4)
"""The unfolded badge's ink, made once: every manager's card has one, and a focus paints hundreds at once."""


class FoldBadge(QGraphicsItem):
    """Sits on its card's bottom edge; a click asks `toggle` to fold or unfold the card's branch."""

    def __init__(self, card: PostCardItem, toggle: Callable[[str], None]) -> None:
        super().__init__(card)
        self.post_id = card.post_id
        self._toggle = toggle
        self._folded = False
        self._text = ""
        self._shape = QRectF()
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.place(card)

    def type(self) -> int:
        return FOLD_BADGE_TYPE

    @property
    def folded(self) -> bool:
        return self._folded

    @property
    def text(self) -> str:
        return self._text

    def place(self, card: PostCardItem) -> None:
        """The chevron sits on the card's bottom edge; the folded pill hangs below it (there is nothing shown
        under a folded card), so it never covers the card's last line."""
        rect = card.card_rect()
        below = PILL_HEIGHT / 2 - PILL_OVERLAP if self._folded else 0.0
        self.setPos(rect.center().x(), rect.bottom() + below)

    def set_state(self, folded: bool, text: str) -> None:
        if (folded, text) == (self._folded, self._text):
            return
        self.prepareGeometryChange()
        self._folded, self._text = folded, text
        card = self.parentItem()
        if isinstance(card, PostCardItem):
            self.place(card)
        if folded:
            width = QFontMetricsF(_font()).horizontalAdvance(f"▸  {text}") + 16
            self._shape = QRectF(-width / 2, -PILL_HEIGHT / 2, width, PILL_HEIGHT)
            self.setToolTip(f"Folded: {text} under this post. Click to unfold the branch.")
        else:
            self._shape = QRectF(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
            self.setToolTip("Fold this branch away (the figures do not change)")
        self.update()

    def boundingRect(self) -> QRectF:
        return self._shape.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._folded:
            painter.setPen(QPen(QColor(ACCENT), 1.2))
            painter.setBrush(QColor(ACCENT))
            painter.drawRoundedRect(self._shape, PILL_HEIGHT / 2, PILL_HEIGHT / 2)
            painter.setFont(_font())
            painter.setPen(QColor("#ffffff"))
            painter.drawText(self._shape, Qt.AlignmentFlag.AlignCenter, f"▸  {self._text}")
            return
        painter.setPen(_RING)
        painter.setBrush(_FILL)
        painter.drawEllipse(_CENTRE, RADIUS, RADIUS)
        painter.setPen(_CHEVRON)
        painter.drawLine(_LEFT, _TIP)
        painter.drawLine(_TIP, _RIGHT)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()  # the click is the badge's: no drag, no selection change

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()
        if self.boundingRect().contains(event.pos()):
            self._toggle(self.post_id)


class FoldMarks:
    """Keeps a badge on every shown card that manages anyone, folded or not, in step with the layout."""

    def __init__(self, scene: OrgScene, toggle: Callable[[str], None]) -> None:
        self.scene = scene
        self._toggle = toggle
        self._badges: dict[str, tuple[PostCardItem, FoldBadge]] = {}
        self._summaries: dict[str, str] = {}
        """A folded post's pill text, kept until the document changes or shows another analysis (a sync
        mostly re-places the badges)."""
        self._summarised: object = None
        """The analysis `_summaries` come from."""
        scene.laid_out.connect(self.sync)
        scene.cards_made.connect(self.sync)
        scene.document.changed.connect(lambda _change: self.refresh_folded())
        self.sync()

    def badge(self, post_id: str) -> FoldBadge | None:
        held = self._badges.get(post_id)
        if held is None or self.scene.cards.get(post_id) is not held[0] or not shiboken6.isValid(held[1]):
            return None
        return held[1]

    def sync(self) -> None:
        scene, layout = self.scene, self.scene.layout
        if layout is None:
            return
        structure, folded = scene.structure, scene.view_state.folded
        kept: dict[str, tuple[PostCardItem, FoldBadge]] = {}
        for post_id, card in scene.cards.items():  # the card items there are (see `ui/visible.py`)
            if post_id not in layout.cards or not structure.reports_of(post_id):
                continue
            held = self._badges.get(post_id)
            if held is None or held[0] is not card or not shiboken6.isValid(held[1]):  # cleared with a rebuild
                held = (card, FoldBadge(card, self._toggle))
            else:
                held[1].place(card)
            kept[post_id] = held
            self._set(post_id, held[1], post_id in folded)
        for post_id, (card, badge) in self._badges.items():
            if post_id not in kept and shiboken6.isValid(badge) and badge.scene() is scene:
                scene.removeItem(badge)  # its card stays but manages no one now
        self._badges = kept

    def refresh_folded(self) -> None:
        """A folded card's figures after an edit that did not lay the chart out (a grade, an FTE)."""
        self._summaries.clear()
        for post_id in self.scene.view_state.folded:
            badge = self.badge(post_id)
            if badge is not None:
                self._set(post_id, badge, True)

    def _set(self, post_id: str, badge: FoldBadge, folded: bool) -> None:
        text = ""
        if folded:
            analysis = self.scene.document.analysis
            if analysis is not self._summarised:
                self._summaries.clear()
                self._summarised = analysis
            text = self._summaries.get(post_id, "")
            if not text:
                text = self._summaries[post_id] = hidden_summary(analysis.branch_totals(post_id))
        badge.set_state(folded, text)
