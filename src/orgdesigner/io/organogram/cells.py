"""Reading an organogram's cells: amounts, FTE, and the words publishers use for "not disclosed"."""

from __future__ import annotations

import re

NOT_DISCLOSED = "N/D"
TOP_MARK = "XX"
VACANT = "Vacant"
_WITHHELD_WORDS = {"n/d", "nd", "n.d.", "not disclosed", "withheld"}
_VACANT_WORDS = {"vacant", "vacancy", "vacant post"}


def is_withheld(text: str) -> bool:
    return text.strip().lower() in _WITHHELD_WORDS


def is_vacant(text: str) -> bool:
    return text.strip().lower() in _VACANT_WORDS


def is_top(text: str) -> bool:
    return text.strip().upper() == TOP_MARK


def amount(text: str) -> float | None:
    """A number from a cell ("£130,000", "6.2"); None when blank, not disclosed or not a number."""
    try:
        value = float(text)
    except ValueError:
        cleaned = re.sub(r"[£,\s]", "", text)
        if not cleaned or is_withheld(text):
            return None
        try:
            value = float(cleaned)
        except ValueError:
            return None
    if value != value or value in (float("inf"), float("-inf")) or value < 0:
        return None
    return value


def is_number(text: str) -> bool:
    return amount(text) is not None
