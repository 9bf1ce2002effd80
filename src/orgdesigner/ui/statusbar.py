"""The window's status bar, whose messages wrap: a long refusal ("'…' cannot report to '…': … would make a
reporting cycle") is read in full, on two or three lines if it must be, instead of being cut at the edge."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QStatusBar

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
