"""Open conflicts in words, for the command line and the Conflicts dock: what, where and the three values."""

from __future__ import annotations

import json

from pydantic import JsonValue

from ..model import Conflict, ConflictItem, Structure


def conflict_subject(structure: Structure, conflict: Conflict) -> str:
    """What the conflict is about: "post 'Head of Legal' (P7) salary", "settings span_max"."""
    what = conflict.item.value
    if conflict.item is ConflictItem.POST and conflict.id in structure.posts:
        what += f" {structure.posts[conflict.id].title!r} ({conflict.id})"
    elif conflict.item is ConflictItem.GROUP and conflict.id in structure.groups:
        what += f" {structure.groups[conflict.id].name!r} ({conflict.id})"
    elif conflict.id:
        what += f" {conflict.id!r}"
    return f"{what} {conflict.field}" if conflict.field else what


def value_text(value: JsonValue) -> str:
    """A value as the file holds it, short; None reads "absent" (a deleted item, a field not set)."""
    if value is None:
        return "absent"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def describe_conflict(structure: Structure, conflict: Conflict) -> str:
    """One line: the subject, the kind, and base/ours/theirs (with the note when there is one)."""
    line = (f"{conflict_subject(structure, conflict)}: {conflict.kind.value} — base {value_text(conflict.base)}, "
            f"ours {value_text(conflict.ours)}, theirs {value_text(conflict.theirs)}")
    return f"{line} ({conflict.note})" if conflict.note else line
