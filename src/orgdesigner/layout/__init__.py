"""Chart geometry: numbers in, rectangles out (no drawing toolkit), so print and screen agree.

`compute_layout(structure, options)` gives every post's card, every group's box and every
reporting line's route. Modules: `geometry` (Rect), `options`, `hierarchy` (the line-management
forest and its cycles), `nesting` (group chains), `tree` (tidy placement and compact stacks),
`boxes` (group boxes), `routes` (line routes) and `compute` (putting them together).
"""

from .compute import Layout, compute_layout
from .geometry import Rect
from .options import LayoutOptions
from .routes import LineRoute

__all__ = ["Layout", "LayoutOptions", "LineRoute", "Rect", "compute_layout"]
