"""The bar over the canvas while one branch is shown on its own: the whole chart, then the chain of command
down to the post in focus. Click a name to show that post's branch instead, or "Whole chart" to leave."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ..scene import OrgScene

STYLE = ("QFrame#breadcrumb { background: #ffffff; border: 1px solid #b8c4d6; border-radius: 4px; }"
         "QToolButton { border: none; padding: 2px 4px; color: #1f5fa8; }"
         "QToolButton:hover { text-decoration: underline; }"
         "QLabel { color: #5f6b7a; }")
MOST_STEP_WIDTH = 260
"""A long title is cut short with "…" (in full in its tooltip), so the whole chain fits over the canvas."""
LEAST_STEP_WIDTH = 60


class Breadcrumb(QFrame):
    """Floats at the top left of the view; hidden while the whole chart is shown."""

    def __init__(self, scene: OrgScene, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("breadcrumb")
        self.setStyleSheet(STYLE)
        self.scene = scene
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 2, 6, 2)
        self._layout.setSpacing(2)
        self.buttons: list[QToolButton] = []
        scene.view_state.changed.connect(self.refresh)
        scene.document.replaced.connect(self.refresh)
        scene.document.changed.connect(lambda _change: self.refresh())
        parent.installEventFilter(self)  # a narrower view cuts the titles shorter
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.refresh()
        return False

    def refresh(self) -> None:
        while self._layout.count():
            taken = self._layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = []
        structure, focus = self.scene.structure, self.scene.view_state.focus
        if focus is None or focus not in structure.posts:
            self.hide()
            self._make_room(0)
            return
        steps: list[tuple[str, str | None]] = [("Whole chart", None)]
        steps += [(structure.posts[p].title, p) for p in reversed(structure.chain_above(focus))]
        width = self._step_width(len(steps) + 1)
        metrics = QFontMetrics(self.font())
        for text, post_id in steps:
            button = QToolButton()
            button.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width).replace("&", "&&"))
            button.setToolTip("Show the whole chart" if post_id is None else f"Show only the branch of {text}")
            button.clicked.connect(lambda _checked=False, p=post_id: self.scene.view_state.focus_on(p))
            self._layout.addWidget(button)
            self._layout.addWidget(QLabel("›"))
            self.buttons.append(button)
        title = structure.posts[focus].title
        bold = QFont(self.font())
        bold.setBold(True)
        here = QLabel(f"<b>{escape(QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, width))}</b>")
        here.setToolTip(title)
        self._layout.addWidget(here)
        self.adjustSize()
        self.move(4, 3)
        self.show()
        self.raise_()
        self._make_room(self.height() + 6)

    def _step_width(self, steps: int) -> int:
        """The widest a step's text may be for `steps` steps to share the view's width."""
        view = self.parentWidget()
        room = (view.width() if view is not None else 1000) - 40 - 24 * steps  # margins, "›" and padding
        return max(LEAST_STEP_WIDTH, min(MOST_STEP_WIDTH, room // max(1, steps)))

    def _make_room(self, height: int) -> None:
        """The bar sits above the canvas, which gives up that strip, so it never hides a card (the canvas is
        laid out again only when the strip changes: most edits leave it as it was)."""
        view = self.parentWidget()
        if isinstance(view, QAbstractScrollArea) and view.viewportMargins().top() != height:
            view.setViewportMargins(0, height, 0, 0)
