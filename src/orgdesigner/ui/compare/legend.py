"""The legend above the canvas while comparing: which colour is which change, and how many posts each
touches. It sits in a strip the view keeps free above its viewport, so it never hides the chart."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel

from ...presentation.chartstyle import change_style


class CompareLegend(QLabel):
    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("compare_legend")
        self.setTextFormat(Qt.RichText)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#compare_legend { background: #ffffff; border-bottom: 1px solid #c9d1db;"
                           " padding: 5px 10px; color: #1f2a37; }")
        self.counts: dict[str, int] = {}
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        self.hide()

    def set_counts(self, before: str, after: str, counts: dict[str, int], held: str, warning: str = "") -> None:
        """`counts`: posts per change kind, in legend order; `held`: what the holding area beside the chart holds."""
        self.counts = counts
        items = [f"<span style='color:{change_style(kind).colour}; font-size:14pt'>■</span>&nbsp;"
                 f"{change_style(kind).label.replace(' ', '&nbsp;')}&nbsp;<b>{count}</b>" for kind, count in counts.items()]
        text = f"<b>{escape(before)} → {escape(after)}</b> &nbsp; " + " &nbsp; ".join(items)
        if held:
            text += f" &nbsp; <span style='color:#5b6675'>{escape(held)}</span>"
        if warning:
            text += f" &nbsp; <span style='color:#b26a00'>⚠ {escape(warning)}</span>"
        self.setText(text)
        self.show()
        self._place()

    def clear_counts(self) -> None:
        self.counts = {}
        self.hide()
        self.view.setViewportMargins(0, 0, 0, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Resize and watched is self._viewport and not self.isHidden():
            self._place()
        return False

    def _place(self) -> None:
        width = self._viewport.width()  # not under the vertical scroll bar
        height = self.heightForWidth(width)
        self.setGeometry(self.view.frameWidth(), self.view.frameWidth(), width, height)
        if self.view.viewportMargins().top() != height:
            self.view.setViewportMargins(0, height, 0, 0)
        self.raise_()
