"""A small box plot of comparators' pay, one row per category, with a post's pay drawn across them."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...analysis.benchmark import CategoryStats
from ...presentation.chartstyle import ACCENT, INK, MUTED

ROW_HEIGHT = 22.0
AXIS_HEIGHT = 18.0
LABEL_WIDTH = 118.0
BOX_FILL = "#dbe6f3"
CHOSEN_FILL = "#b9cfe9"
GRADE_FILL = "#fde9c8"


class PayBoxPlot(QWidget):
    """Whiskers from lowest to highest pay, the box between the quartiles, the median as a bar and the
    mean as a diamond; the post's pay is a vertical line, its grade's range a pale band."""

    def __init__(self) -> None:
        super().__init__()
        self.stats: list[CategoryStats] = []
        self.chosen = ""
        self.pay: float | None = None
        self.pay_bottom: float | None = None
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setMinimumWidth(260)

    def set_data(self, stats: list[CategoryStats], chosen: str, pay: float | None, pay_bottom: float | None) -> None:
        self.stats, self.chosen, self.pay, self.pay_bottom = stats, chosen, pay, pay_bottom
        self.setFixedHeight(int(AXIS_HEIGHT + ROW_HEIGHT * max(len(stats), 1) + 6))
        self.update()

    def scale(self) -> tuple[float, float]:
        """The lowest and highest amounts the axis spans (comparators and the post's pay), a little padded."""
        amounts = [v for s in self.stats for v in (s.lowest, s.highest)]
        amounts += [v for v in (self.pay, self.pay_bottom) if v is not None]
        low, high = min(amounts), max(amounts)
        pad = max((high - low) * 0.04, 1000.0)
        return low - pad, high + pad

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.stats:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(7.6)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        left, right = LABEL_WIDTH, self.width() - 10.0
        low, high = self.scale()

        def x(amount: float) -> float:
            return left + (amount - low) / (high - low) * (right - left)

        bottom = AXIS_HEIGHT + ROW_HEIGHT * len(self.stats)
        if self.pay is not None and self.pay_bottom is not None:
            painter.fillRect(QRectF(x(self.pay_bottom), AXIS_HEIGHT, x(self.pay) - x(self.pay_bottom),
                                    bottom - AXIS_HEIGHT), QColor(GRADE_FILL))
        painter.setPen(QPen(QColor(MUTED), 1))
        for tick in _ticks(low, high):
            painter.drawLine(QPointF(x(tick), AXIS_HEIGHT - 3), QPointF(x(tick), AXIS_HEIGHT))
            label = f"£{tick / 1000:,.0f}k"
            painter.drawText(QPointF(x(tick) - metrics.horizontalAdvance(label) / 2, AXIS_HEIGHT - 6), label)
        for index, s in enumerate(self.stats):
            top = AXIS_HEIGHT + index * ROW_HEIGHT
            mid = top + ROW_HEIGHT / 2
            chosen = s.category == self.chosen
            painter.setPen(QColor(INK if chosen else MUTED))
            font.setBold(chosen)
            painter.setFont(font)
            name = QFontMetricsF(font).elidedText(s.category, Qt.ElideRight, LABEL_WIDTH - 8)
            painter.drawText(QRectF(0, top, LABEL_WIDTH - 6, ROW_HEIGHT), Qt.AlignVCenter | Qt.AlignRight, name)
            painter.setPen(QPen(QColor(INK), 1))
            painter.drawLine(QPointF(x(s.lowest), mid), QPointF(x(s.highest), mid))
            for end in (s.lowest, s.highest):
                painter.drawLine(QPointF(x(end), mid - 4), QPointF(x(end), mid + 4))
            box = QRectF(x(s.lower_quartile), top + 4, max(x(s.upper_quartile) - x(s.lower_quartile), 1.5),
                         ROW_HEIGHT - 8)
            painter.setBrush(QColor(CHOSEN_FILL if chosen else BOX_FILL))
            painter.drawRect(box)
            painter.setPen(QPen(QColor(INK), 2))
            painter.drawLine(QPointF(x(s.median), box.top()), QPointF(x(s.median), box.bottom()))
            painter.setPen(QPen(QColor(INK), 1))
            painter.setBrush(QColor("#ffffff"))
            cx = x(s.mean)
            painter.drawPolygon(QPolygonF([QPointF(cx, mid - 4), QPointF(cx + 4, mid), QPointF(cx, mid + 4),
                                           QPointF(cx - 4, mid)]))
        if self.pay is not None:
            painter.setPen(QPen(QColor(ACCENT), 2))
            painter.drawLine(QPointF(x(self.pay), AXIS_HEIGHT), QPointF(x(self.pay), bottom))
        painter.end()


def _ticks(low: float, high: float) -> list[float]:
    """Round amounts for the axis: steps of £5k, £10k, £20k or £50k, about five of them."""
    step = next((s for s in (5_000, 10_000, 20_000, 50_000, 100_000) if (high - low) / s <= 6), 200_000)
    first = (low // step + 1) * step
    return [first + i * step for i in range(int((high - first) // step) + 1)]
