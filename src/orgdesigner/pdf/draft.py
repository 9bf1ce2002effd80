"""The DRAFT mark across a page, the same on a pack, a chart, a picture and (in its own shapes) a slide."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor

from .fonts import BOLD
from .styles import DRAFT_RED

DRAFT_ALPHA = 0.07
"""How strongly the mark shows: faint, so the page under it stays readable."""


def draft_angle(width: float, height: float) -> float:
    """Degrees the mark is turned: steeper on a portrait page."""
    return 30 if width < height else 20


def draw_draft_mark(canvas: Any, x: float, y: float, width: float, height: float) -> None:
    """A large faint DRAFT across the area whose bottom-left corner is (x, y); `canvas` is a reportlab
    canvas or one that draws like it (the SVG canvas)."""
    canvas.saveState()
    canvas.setFillColor(HexColor(DRAFT_RED))
    canvas.setFillAlpha(DRAFT_ALPHA)
    canvas.setFont(BOLD, min(width, height) * 0.22)
    canvas.translate(x + width / 2, y + height / 2)
    canvas.rotate(draft_angle(width, height))
    canvas.drawCentredString(0, -min(width, height) * 0.08, "DRAFT")
    canvas.restoreState()
