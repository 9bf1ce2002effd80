"""compute_layout: the one layout both the canvas and the PDF draw from."""

from __future__ import annotations

from ..model import Structure
from .incremental import IncrementalLayout
from .published import Layout
from .options import LayoutOptions


def compute_layout(structure: Structure, options: LayoutOptions | None = None) -> Layout:
    """Lay the structure out: a tidy tree of line management (`tree.py`), with hand-placed cards
    kept where the user put them unless `options.use_manual_positions` is off (or moved to the
    nearest free place when that is taken)."""
    return IncrementalLayout(structure, options).layout
