"""The window's status bar, whose messages wrap: a long refusal ("'…' cannot report to '…': … would make a
reporting cycle") is read in full, on two or three lines if it must be, instead of being cut at the edge."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QStatusBar

WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap


class WrappingStatusBar(QStatusBar):
    def __init__(self) -> None:
        super().__init__()
        self.messageChanged.connect(lambda _message: self._fit())

    def message_rect(self) -> QRect:
        """Where a message is painted: the whole bar (the window hides its permanent widgets meanwhile)."""
        return self.rect().adjusted(6, 2, -6, -2)

    def lines_height(self, message: str) -> int:
        """How tall `message` is, wrapped to the bar's width."""
        bounds = QRect(0, 0, max(self.message_rect().width(), 1), 10_000)
        return self.fontMetrics().boundingRect(bounds, int(WRAP), message).height()

    def _fit(self) -> None:
        message = self.currentMessage()
        self.setMinimumHeight(self.lines_height(message) + 6 if message else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.currentMessage() and self.lines_height(self.currentMessage()) + 6 != self.minimumHeight():
            self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        message = self.currentMessage()
        if not message:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.message_rect(), int(WRAP), message)


class SummaryLabel(QLabel):
    """The figures at the right of the status bar, in a label that only ever grows. Its text changes width with
    every edit ("10,050 posts", "7 layers"), and a label free to change size has the status bar, and so the
    whole window, laid out and repainted again each time."""

    def __init__(self) -> None:
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setFixedSize(0, self.sizeHint().height())

    def show_text(self, text: str) -> None:
        margins = self.contentsMargins()
        needed = self.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right() + 2 * self.margin() + 4
        if needed > self.width():
            self.setFixedWidth(needed)
        self.setText(text)
