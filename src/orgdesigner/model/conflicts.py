"""Open conflicts: what a three-way merge could not decide, kept in the structure until resolved.

A merge keeps OUR value wherever the two sides collide and records a `Conflict` with the
base, ours and theirs values, so the choice can be made later (ours, theirs or an edit).
Values are stored as they appear in the file (JSON); None stands for "absent" (a deleted
item, or a field of an item that side did not have).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import JsonValue

from .types import _Strict


class ConflictKind(StrEnum):
    BOTH_CHANGED = "both changed"
    """Both sides changed one field (or added one item) differently."""
    DELETED_CHANGED = "deleted and changed"
    """One side deleted an item (a post, a group, a scenario…) the other changed."""
    CYCLE = "reporting cycle"
    """Each side's moves were fine alone; together they made a reporting (or group nesting) cycle."""
    DELETED_GROUP = "deleted group"
    """A post (or group) placed in a group the other side deleted."""
    DELETED_POST = "deleted post"
    """A post reporting (or a dotted line, a group's leader) to a post the other side deleted."""
    INVALID = "invalid together"
    """Changes that are valid alone but not together (a grade's minimum above its maximum…)."""


class ConflictItem(StrEnum):
    """What a conflict is about: the kind of item `Conflict.id` names."""

    FILE = "file"
    SCENARIO = "scenario"
    DETAILS = "details"
    SETTINGS = "settings"
    RULE = "rule"
    PROPOSAL = "proposal"
    IMPACT = "impact"
    GRADE = "grade"
    GROUP = "group"
    POST = "post"
    RESPONSIBILITY = "responsibility"
    ROTA = "rota"
    ROTA_MONTH = "rota month"
    BENCHMARK = "benchmark"
    COMPARATOR = "comparator"


class Conflict(_Strict):
    """One open conflict: the item (by id), the field ("" for the whole item) and the three values."""

    kind: ConflictKind
    item: ConflictItem
    id: str = ""
    """The post or group id, grade code, month, council or rule; "" for the structure's own details."""
    field: str = ""
    base: JsonValue = None
    ours: JsonValue = None
    """The value the structure holds now (the merge kept ours)."""
    theirs: JsonValue = None
    note: str = ""
    """What happened, in words, when the values alone do not say (which cycle, which deleted group)."""

    def key(self) -> tuple[str, str, str, str]:
        """What the conflict is about, whatever the values: two conflicts with one key are one question."""
        return self.kind.value, self.item.value, self.id, self.field
