"""The sizes and switches a layout is computed with."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class LayoutOptions:
    card_width: float = 200.0
    card_height: float = 92.0
    h_gap: float = 28.0
    """Space between neighbouring subtrees (and neighbouring cards in a row)."""
    v_gap: float = 56.0
    """Least space between a row of cards and the row of their reports."""
    compact: bool = False
    """Stack the reports of a manager whose reports have no reports of their own."""
    stack_indent: float = 24.0
    stack_gap: float = 12.0
    stack_rows: int = 0
    """Most cards in one column of a compact stack; more start a new column to the right (0: no limit)."""
    leaf_column: bool = False
    """Compact only: a manager whose reports include managers gathers its other reports into one
    stacked column at the start of its row, so the row stays narrow."""
    wrap_aspect: float = 0.0
    """Compact only: a row of reports wider than a block of this width-to-height shape wraps onto
    further rows, so a large chart stays near a screen's shape (0: rows never wrap)."""
    group_padding: float = 14.0
    group_header: float = 30.0
    use_manual_positions: bool = True
    """Keep the cards the user placed by hand; False gives the tidy layout."""
    wrap_width: float = 0.0
    """Compact only: rows of reports wrap where they would grow wider than this (a printed page's
    width); with `wrap_aspect` too, the narrower of the two (0: no such limit)."""
    continued: frozenset[str] = frozenset()
    """Posts whose reports are left out (a printed page continued elsewhere): a compact layout
    treats them as managers, never stacking them as if they managed no one."""
    folded: frozenset[str] = frozenset()
    """Posts whose reports are folded away (on screen): none of the posts under them is laid out; a folded
    post with reports is laid out as a manager."""
    focus: str | None = None
    """Lay out only this post and everything under it (a branch shown on its own); None, or a post the
    structure lacks, lays out all."""

    def __post_init__(self) -> None:
        if self.card_width <= 0 or self.card_height <= 0:
            raise ValueError("cards need a positive width and height")
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, float | int) and not isinstance(value, bool) and value < 0:
                raise ValueError(f"layout option {field.name} cannot be negative")


SCREEN_LAYOUT = LayoutOptions(compact=True, leaf_column=True, stack_rows=8, wrap_aspect=1.6)
"""The canvas's compact layout: the printed chart's rules, rows wrapped to a screen's shape."""
