"""A monthly rota: one post leads (the single point of contact) each month, another is its buddy."""

from __future__ import annotations

import re
from collections import Counter

from pydantic import Field, field_validator, model_validator

from .types import _Strict

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> tuple[int, int]:
    """(year, month) from "YYYY-MM"; a ValueError that quotes the text otherwise."""
    match = _MONTH.match(text)
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"{text!r} is not a month written YYYY-MM (e.g. 2022-07)")
    if int(match.group(1)) < 1:
        raise ValueError(f"{text!r} is before the year 1; write the year in four digits (e.g. 2022-07)")
    return int(match.group(1)), int(match.group(2))


def add_months(month: str, count: int) -> str:
    """The month `count` months after `month` (both "YYYY-MM")."""
    year, number = parse_month(month)
    index = year * 12 + number - 1 + count
    if not 12 <= index < 10000 * 12:
        raise ValueError(f"{count:+,} months from {month} is outside the years 0001 to 9999")
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


class RotaMonth(_Strict):
    month: str
    lead: str = Field(min_length=1)
    buddy: str = Field(min_length=1)

    @field_validator("month")
    @classmethod
    def _month_format(cls, value: str) -> str:
        parse_month(value)
        return value


class Rota(_Strict):
    """Who leads each month, over the posts the rota spans (its `posts`, in the user's order)."""

    posts: list[str] = Field(default_factory=list)
    duties: str = ""
    """What the lead of the month does (Cumbria: DMT chair, Cabinet, Full Council…)."""
    months: list[RotaMonth] = Field(default_factory=list)

    @field_validator("posts")
    @classmethod
    def _posts_once(cls, value: list[str]) -> list[str]:
        repeated = sorted(post for post, times in Counter(value).items() if times > 1)
        if repeated:
            raise ValueError(f"the rota names {', '.join(map(repr, repeated))} more than once in its posts")
        return value

    @model_validator(mode="after")
    def _months_once(self) -> "Rota":
        seen: set[str] = set()
        for entry in self.months:
            if entry.month in seen:
                raise ValueError(f"the rota gives {entry.month} twice")
            seen.add(entry.month)
        return self
