"""Responsibilities a post carries beyond its line management: the rows of Cumbria's tables.

A responsibility is held by one post. When that post is deleted the responsibility keeps the
old post id, so undoing the deletion gives it back, and until it is reassigned the analysis
flags it as held by a post that is no longer in the structure.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, field_validator

from .types import _Strict


class ResponsibilityCategory(StrEnum):
    LEAD = "lead responsibility"
    BRIEFING = "portfolio briefing"
    DELEGATION = "delegation"
    MEETING = "meeting"

    @property
    def plural(self) -> str:
        return _PLURALS[self]


_PLURALS = {
    ResponsibilityCategory.LEAD: "lead responsibilities",
    ResponsibilityCategory.BRIEFING: "portfolio briefings",
    ResponsibilityCategory.DELEGATION: "delegations",
    ResponsibilityCategory.MEETING: "meetings",
}


class Responsibility(_Strict):
    """A named lead role, portfolio briefing, delegation or meeting, assigned to a post (or to none yet)."""

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    category: ResponsibilityCategory
    post: str | None = None
    notes: str = ""

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a responsibility needs a name")
        return value
