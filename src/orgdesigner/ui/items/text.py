"""Fonts for painting items: the painter's font at a given size and weight, set on the painter, and how
tall a font's letters are in pixels (what the semantic zoom sizes type by)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontInfo, QGuiApplication, QPainter

POINT = 1 / 72
"""An inch, in points."""


def use_font(painter: QPainter, size: float, bold: bool = False) -> QFont:
    font = QFont(painter.font())
    font.setPointSizeF(size)
    font.setBold(bold)
    painter.setFont(font)
    return font


def use_pixel_font(painter: QPainter, pixels: float, bold: bool = False) -> QFont:
    """The painter's font with letters `pixels` scene units tall (an em), for type sized to the view."""
    font = QFont(painter.font())
    font.setPointSizeF(points_for(pixels))
    font.setBold(bold)
    painter.setFont(font)
    return font


def dpi() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchY() if screen is not None else 96.0


def pixels_of(points: float) -> float:
    """The em of a font of `points`, in scene units (device pixels at zoom 1)."""
    return points * POINT * dpi()


def points_for(pixels: float) -> float:
    return pixels / (POINT * dpi())


def font_pixels(font: QFont) -> float:
    """The em of `font` in pixels at zoom 1, as Qt resolves it on the screen."""
    return pixels_of(font.pointSizeF()) if font.pointSizeF() > 0 else float(QFontInfo(font).pixelSize())
