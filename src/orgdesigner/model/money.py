"""How an amount of money is written: one function for every output.

It sits in the model so every layer uses the same one: the findings (analysis), the text output,
the PDFs, the spreadsheets' text and the window. A negative amount takes a true minus sign
("−£217,400"), never "£-217,400".
"""

from __future__ import annotations

MINUS = "\u2212"


def money(amount: float, short: bool = False) -> str:
    """72500 → '£72,500'; −217400 → '−£217,400'. With `short`, headline sums as council reports quote
    them: '£0.36m', '£950k', '£4,500'."""
    value = abs(amount)
    sign = MINUS if round(amount) < 0 else ""
    if short and value >= 100_000:
        return f"{sign}£{value / 1_000_000:.2f}m"
    if short and value >= 10_000:
        return f"{sign}£{value / 1000:,.0f}k"
    return f"{sign}£{value:,.0f}"


def saving(amount: float, per: str = " a year", short: bool = False) -> str:
    """A saving as it reads where one is expected: '£300,625 a year', or '£217,400 extra cost a year'
    when the proposal costs more (never '−£217,400 saving')."""
    if round(amount) < 0:
        return f"{money(-amount, short)} extra cost{per}"
    return f"{money(amount, short)}{per}"
