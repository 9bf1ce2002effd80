"""Money and partners' shares of a post's cost, as people read and type them.

`money` (from `model.money`, so the findings use it too) is the one way an amount is written, on the
canvas, in the docks, the PDFs, the spreadsheets' text and the text output.
"""

from __future__ import annotations


from ..model.money import change, money, percent, saving

__all__ = ["change", "format_funding", "money", "parse_funding", "parse_money", "percent", "saving"]


def parse_money(text: str) -> float | None:
    """'£72,500' → 72500.0; blank → None; raises ValueError with a reason otherwise."""
    cleaned = text.replace("£", "").replace(",", "").strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"'{text}' is not an amount of money") from None
    if value < 0:
        raise ValueError("a salary cannot be negative")
    return value


def parse_funding(text: str) -> dict[str, float]:
    """'NHS: 50%; Partner Council: 0.25' → {'NHS': 0.5, 'Partner Council': 0.25}."""
    result: dict[str, float] = {}
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        name, sep, amount = part.rpartition(":")
        if not sep or not name.strip():
            raise ValueError(f"write each share as 'Organisation: 50%' (not '{part}')")
        amount = amount.strip()
        try:
            share = float(amount[:-1]) / 100 if amount.endswith("%") else float(amount)
        except ValueError:
            raise ValueError(f"'{amount}' is not a share (write 50% or 0.5)") from None
        if not 0 <= share <= 1:
            raise ValueError(f"a share must be between 0% and 100% ('{amount}')")
        result[name.strip()] = share
    if sum(result.values()) > 1 + 1e-9:
        raise ValueError("partners' shares add up to more than 100%")
    return result


def format_funding(funding: dict[str, float]) -> str:
    return "; ".join(f"{name}: {percent(share)}" for name, share in funding.items())
