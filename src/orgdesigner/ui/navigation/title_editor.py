"""Edit a post's title in place: a line edit over the card's title. Enter makes the edit (an undoable
edit like any other), Esc or leaving the card alone puts nothing on the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from ... import editing as commands
from ..document import Document
from ..view import OrgView


class TitleEditor(QLineEdit):
    """One at a time, over the card being edited; closes itself when done."""

    def __init__(self, view: OrgView, document: Document, post_id: str) -> None:
        super().__init__(view.viewport())
        self.setObjectName("title_editor")
        self.document, self.post_id = document, post_id
        self._done = False
        scene = view.scene()
        card = scene.card(post_id)  # type: ignore[attr-defined]
        rect = card.mapRectToScene(card.card_rect())
        top_left = view.mapFromScene(rect.topLeft())
        width = max(160, round(rect.width() * view.zoom))
        self.setText(document.structure.posts[post_id].title)
        self.selectAll()
        self.move(top_left.x(), top_left.y() + 2)
        self.resize(width, self.sizeHint().height())
        self.returnPressed.connect(self.commit)
        self.installEventFilter(self)
        self.show()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        if event.type() == QEvent.Type.FocusOut and not self._done:
            self.cancel()
        return False

    def commit(self) -> None:
        if self._done:
            return
        self._done = True
        title = self.text().strip()
        post = self.document.structure.posts.get(self.post_id)
        if post is not None and title and title != post.title:
            self.document.perform(lambda: commands.edit_post(self.document.structure, self.post_id, title=title))
        elif post is not None and not title:
            self.document.refuse("a post needs a title")
        self._close()

    def cancel(self) -> None:
        self._done = True
        self._close()

    def _close(self) -> None:
        parent = self.parentWidget()
        self.hide()
        self.deleteLater()
        view = parent.parentWidget() if parent is not None else None
        if view is not None:
            view.setFocus()
