"""Three-way merge of pydantic models, field by field, and of collections keyed by id.

The rule everywhere: a value only one side changed takes that side's value; a value both
changed alike is kept; a value both changed differently keeps OURS and is logged as a
`Conflict`. Items are compared as objects and dumped to JSON only when a conflict is logged,
so merging 10,000 mostly unchanged posts costs little more than comparing them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, JsonValue, ValidationError

from ..model import Conflict, ConflictItem, ConflictKind

M = TypeVar("M", bound=BaseModel)


@dataclass
class ConflictLog:
    """The conflicts found while merging one structure."""

    conflicts: list[Conflict] = field(default_factory=list)

    def add(self, kind: ConflictKind, item: ConflictItem, ident: str, field_name: str,
            base: JsonValue, ours: JsonValue, theirs: JsonValue, note: str = "") -> None:
        self.conflicts.append(Conflict(kind=kind, item=item, id=ident, field=field_name,
                                       base=base, ours=ours, theirs=theirs, note=note))


def as_json(model: BaseModel | None, name: str | None = None) -> JsonValue:
    """An item (or one of its fields) as the file holds it; None for an absent item."""
    if model is None:
        return None
    if name is None:
        dumped: JsonValue = model.model_dump(mode="json", exclude_defaults=True)
        return dumped
    value: JsonValue = model.model_dump(mode="json", include={name})[name]
    return value


@dataclass(frozen=True)
class Keyed:
    """A field holding items with keys: a dict keyed by id, or a list keyed by `key`.

    `fieldwise` items are merged field by field (a post); others are taken whole (a rule override).
    `nested` gives the specs of the items' own keyed or nested fields.
    """

    item: ConflictItem
    key: Callable[[Any], str] | None = None
    fieldwise: bool = True
    nested: Mapping[str, "Keyed | Nested"] = field(default_factory=dict)


@dataclass(frozen=True)
class Nested:
    """A field holding one model merged field by field (the settings, the rota)."""

    item: ConflictItem
    nested: Mapping[str, "Keyed | Nested"] = field(default_factory=dict)


Spec = Keyed | Nested


def merge_model(cls: type[M], base: M | None, ours: M, theirs: M, item: ConflictItem, ident: str,
                log: ConflictLog, specs: Mapping[str, Spec]) -> M:
    """One model merged field by field; `base` None means both sides added it (every difference collides).

    If the merged fields are invalid together, ours is kept whole and each field taken from
    theirs is logged as an INVALID conflict.
    """
    if ours == theirs:
        return ours
    if base is not None and base == ours:
        return theirs
    if base is not None and base == theirs:
        return ours
    fields = merge_fields(cls, base, ours, theirs, item, ident, log, specs)
    return build(cls, fields, base, ours, theirs, item, ident, log)


def merge_fields(cls: type[M], base: M | None, ours: M, theirs: M, item: ConflictItem, ident: str,
                 log: ConflictLog, specs: Mapping[str, Spec], skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The merged value of each field but those in `skip` (the caller merges those itself)."""
    fields: dict[str, Any] = {}
    for name in cls.model_fields:
        if name in skip:
            continue
        b = getattr(base, name) if base is not None else None
        o, t = getattr(ours, name), getattr(theirs, name)
        spec = specs.get(name)
        if o == t or (base is not None and b == t):
            fields[name] = o
        elif base is not None and b == o:
            fields[name] = t
        elif isinstance(spec, Keyed):
            fields[name] = merge_keyed(spec, b, o, t, log)
        elif isinstance(spec, Nested):
            fields[name] = merge_model(type(o), b, o, t, spec.item, "", log, spec.nested)
        else:
            log.add(ConflictKind.BOTH_CHANGED, item, ident, name,
                    as_json(base, name), as_json(ours, name), as_json(theirs, name))
            fields[name] = o
    return fields


def build(cls: type[M], fields: dict[str, Any], base: M | None, ours: M, theirs: M, item: ConflictItem,
          ident: str, log: ConflictLog) -> M:
    """Validate merged fields; when they do not fit together keep ours and log what was dropped."""
    try:
        return cls.model_validate(fields)
    except ValidationError as exc:
        reason = "; ".join(error["msg"].removeprefix("Value error, ") for error in exc.errors())
        for name, value in fields.items():
            if value != getattr(ours, name):
                log.add(ConflictKind.INVALID, item, ident, name, as_json(base, name), as_json(ours, name),
                        as_json(theirs, name), f"kept ours: together the changes are invalid ({reason})")
        return ours


def merge_keyed(spec: Keyed, base: Any, ours: Any, theirs: Any, log: ConflictLog) -> Any:
    """A dict or list of keyed items merged item by item; the result has the shape `ours` has.

    Order: ours' order, then the items only theirs added, in theirs' order.
    """
    as_list = isinstance(ours, list)
    b, o, t = (by_key(x, spec) for x in (base, ours, theirs))
    merged = merge_items(spec, b, o, t, log)
    return list(merged.values()) if as_list else merged


def by_key(items: Any, spec: Keyed) -> dict[str, Any]:
    if items is None:
        return {}
    if isinstance(items, dict):
        return items
    assert spec.key is not None, "a keyed list needs a key"
    return {spec.key(x): x for x in items}


def merge_items(spec: Keyed, base: Mapping[str, M], ours: Mapping[str, M], theirs: Mapping[str, M],
                log: ConflictLog) -> dict[str, M]:
    result: dict[str, M] = {}
    for key, o in ours.items():
        b, t = base.get(key), theirs.get(key)
        if t is None:
            if b is None:
                result[key] = o
            elif b != o:
                log.add(ConflictKind.DELETED_CHANGED, spec.item, key, "", as_json(b), as_json(o), None,
                        "theirs deleted it, ours changed it: kept ours")
                result[key] = o
        elif t is o or t == o:
            result[key] = o
        elif spec.fieldwise:
            result[key] = merge_model(type(o), b, o, t, spec.item, key, log, spec.nested)
        elif b is not None and b == o:
            result[key] = t
        else:
            if b is None or b != t:
                log.add(ConflictKind.BOTH_CHANGED, spec.item, key, "", as_json(b), as_json(o), as_json(t))
            result[key] = o
    for key, t in theirs.items():
        if key in ours:
            continue
        b = base.get(key)
        if b is None:
            result[key] = t
        elif b != t:
            log.add(ConflictKind.DELETED_CHANGED, spec.item, key, "", as_json(b), None, as_json(t),
                    "ours deleted it, theirs changed it: kept ours (deleted)")
    return result
