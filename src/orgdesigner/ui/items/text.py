"""Fonts for painting items: the painter's font at a given size and weight, set on the painter."""

from __future__ import annotations

from PySide6.QtGui import QFont, QPainter


def use_font(painter: QPainter, size: float, bold: bool = False) -> QFont:
    font = QFont(painter.font())
    font.setPointSizeF(size)
    font.setBold(bold)
    painter.setFont(font)
    return font
