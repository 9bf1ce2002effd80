"""Chart geometry: numbers in, rectangles out (no drawing toolkit), so print and screen agree.

`compute_layout(structure, options)` gives every post's card, every group's box and every
reporting line's route; `IncrementalLayout` keeps one up to date edit by edit and says what moved.
Modules: `geometry` (Rect), `options`, `hierarchy` (the line-management forest and its cycles),
`nesting` (group chains), `tree` (subtree blocks: tidy placement, compact stacks, wrapped rows,
assistants), `incremental` (the layout kept up to date), `published` (what a layout gives its readers:
`Layout`, `LayoutDelta`), `space` (room for hand-placed cards),
`boxes` (group boxes), `routes` (line routes) and `compute` (the layout done once).
"""

from .compute import compute_layout
from .geometry import Rect
from .incremental import IncrementalLayout
from .published import Layout, LayoutDelta, route_box
from .options import SCREEN_LAYOUT, LayoutOptions
from .routes import LineRoute

__all__ = ["SCREEN_LAYOUT", "IncrementalLayout", "Layout", "LayoutDelta", "LayoutOptions", "LineRoute", "Rect",
           "compute_layout", "route_box"]
