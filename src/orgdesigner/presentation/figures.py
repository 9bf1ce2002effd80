"""Figures beside the money, written one way in the pack, the window and the text output: FTE, a change
shown as the difference of the rounded figures beside it, the payback period, set-asides and the words
for a finding's severity."""

from __future__ import annotations

from collections.abc import Callable

from ..model.money import MINUS, money

SEVERITY_WORDS = {"error": ("error", "errors"), "warning": ("warning", "warnings"), "info": ("note", "notes")}
"""A finding's severity as readers say it (one and many); 'info' reads 'note'."""


def severity_label(severity: str) -> str:
    """'Error', 'Warning', 'Note': the label a finding carries in the pack and the window."""
    return SEVERITY_WORDS.get(severity, (severity, severity))[0].capitalize()


def fte_text(fte: float) -> str:
    """FTE as council tables print it, to at most two places and at least one: '13.0', '0.5', '0.81'."""
    text = f"{round(fte, 2) + 0.0:,.2f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def fte_change(before: float, after: float) -> str:
    """The change of FTE between two printed figures, with its sign: '+1.0', '−4.0', '0'."""
    return rounded_change(before, after, 2, fte_text)


def rounded_change(before: float, after: float, places: int, form: Callable[[float], str] | None = None) -> str:
    """The difference of `before` and `after` as printed to `places` (so 2.2 → 2.3 changes by +0.1 even
    when the figures behind them differ by 0.04), with its sign; '0' when the printed figures agree."""
    difference = round(round(after, places) - round(before, places), places)
    if difference == 0:
        return f"{0:.{places}f}" if form is None else "0"
    text = f"{abs(difference):,.{places}f}" if form is None else form(abs(difference))
    return ("+" if difference > 0 else MINUS) + text


def one_place(value: float) -> str:
    """A figure such as an average span to one place: '2.3'."""
    return f"{round(value, 1) + 0.0:.1f}"


def set_aside(amount: float) -> str:
    """A set-aside as a deduction from the saving: '−£25,000' (the net saving is the saving less these)."""
    return money(-amount)


def payback_text(years: float | None) -> str:
    """The payback period: '2.1 years'; under a year in months ('about 1 month'); 'never' when the savings
    never repay the one-off costs."""
    if years is None:
        return "never"
    if years >= 1:
        return f"{years:.1f} years"
    months = max(1, round(years * 12))
    return f"about {months} month{'s' if months != 1 else ''}"
