"""Driving a canvas with the mouse, as a user would. `on` is anything with a `view` and a `scene`:
the window, or a canvas of its own (conftest's `canvas`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def view_point(on, scene_point: QPointF) -> QPoint:
    return on.view.mapFromScene(scene_point)


def card_centre(on, post_id: str) -> QPointF:
    card = on.scene.card(post_id)
    return card.mapToScene(card.card_rect().center())


def handle_point(on, post_id: str) -> QPointF:
    card = on.scene.card(post_id)
    return card.mapToScene(card.handle_centre())


def press(on, start: QPointF, modifiers=Qt.NoModifier) -> None:
    QTest.mousePress(on.view.viewport(), Qt.LeftButton, modifiers, view_point(on, start))


def move_to(on, start: QPointF, end: QPointF, modifiers=Qt.NoModifier, steps: int = 8) -> None:
    """Mouse moves with the left button held (QTest.mouseMove carries no button state)."""
    viewport = on.view.viewport()
    a, b = view_point(on, start), view_point(on, end)
    for i in range(1, steps + 1):
        p = QPointF(a.x() + (b.x() - a.x()) * i / steps, a.y() + (b.y() - a.y()) * i / steps)
        event = QMouseEvent(QEvent.MouseMove, p, viewport.mapToGlobal(p), Qt.NoButton, Qt.LeftButton, modifiers)
        QTest.qWait(5)
        QApplication.sendEvent(viewport, event)


def release(on, end: QPointF, modifiers=Qt.NoModifier) -> None:
    QTest.mouseRelease(on.view.viewport(), Qt.LeftButton, modifiers, view_point(on, end))


def drag(on, start: QPointF, end: QPointF, modifiers=Qt.NoModifier, steps: int = 8) -> None:
    press(on, start, modifiers)
    move_to(on, start, end, modifiers, steps)
    release(on, end, modifiers)


def click_card(on, post_id: str) -> None:
    QTest.mouseClick(on.view.viewport(), Qt.LeftButton, Qt.NoModifier, view_point(on, card_centre(on, post_id)))
