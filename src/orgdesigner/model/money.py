"""How an amount of money and a rate are written, and how money is rounded: one function each for every output.

It sits in the model so every layer uses the same ones: the costing and findings (analysis), the text
output, the PDFs, the spreadsheets' text and the window. A negative amount takes a true minus sign
("−£217,400"), never "£-217,400".

The rounding rule, so that every table adds up as printed: each post's cost (and each year of a savings
profile, each set-aside and one-off cost) is rounded to whole pounds once, half up, where it is worked
out (`whole_pounds`); every total, difference and multi-year figure is then added up from those whole
pounds, so a column's total is the sum of the figures above it and a change is the difference of the
figures beside it.
"""

from __future__ import annotations

import math

MINUS = "\u2212"


_HALF = 0.5000001
"""A half, and a hair more, so a figure a hair under a half through floating point (…4999999) counts as the half."""


def whole_pounds(amount: float) -> float:
    """`amount` rounded to whole pounds, halves away from zero (£101,563.50 → £101,564), as a council's
    tables round. Called for every post's cost, so kept to one floor."""
    if amount >= 0:
        return float(math.floor(amount + _HALF))
    return 0.0 - math.floor(_HALF - amount)


def money(amount: float, short: bool = False) -> str:
    """72500 → '£72,500'; −217400 → '−£217,400'. With `short`, headline sums as council reports quote
    them: '£0.36m', '£950k', '£4,500'."""
    pounds = whole_pounds(amount)
    value = abs(pounds)
    sign = MINUS if pounds < 0 else ""
    if short and value >= 100_000:
        return f"{sign}£{abs(amount) / 1_000_000:.2f}m"
    if short and value >= 10_000:
        return f"{sign}£{abs(amount) / 1000:,.0f}k"
    return f"{sign}£{value:,.0f}"


def change(amount: float) -> str:
    """A change of money with its sign: '+£90,900', '−£1,146,938', '£0'."""
    pounds = whole_pounds(amount)
    return ("+" if pounds > 0 else "") + money(pounds)


def saving(amount: float, per: str = " a year", short: bool = False) -> str:
    """A saving as it reads where one is expected: '£300,625 a year', or '£217,400 extra cost a year'
    when the proposal costs more (never '−£217,400 saving')."""
    if whole_pounds(amount) < 0:
        return f"{money(-amount, short)} extra cost{per}"
    return f"{money(amount, short)}{per}"


def percent(rate: float) -> str:
    """A rate as a percentage, to at most two places and no trailing zeros: 0.25 → '25%', 0.03 → '3%',
    0.025 → '2.5%', 0.3125 → '31.25%'."""
    text = f"{rate * 100:.2f}".rstrip("0").rstrip(".")
    return f"{'0' if text == '-0' else text}%"
