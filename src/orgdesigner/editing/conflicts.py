"""Resolving a merge's open conflicts: set the field (or item) to the chosen value and close the conflict.

One edit does both, so Undo gives back the old value and reopens the conflict. The chosen value is
given as the file holds it (JSON): the conflict's `ours` (keep what the structure holds: only the
conflict is closed), its `theirs`, or a value the user typed. An item-wide value of None deletes the
item (a post or group still in use is refused, as deleting it by hand would be).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, JsonValue

from ..model import (Benchmark, Conflict, ConflictItem, EditRefused, Group, PayScale, Post, Responsibility, Rota,
                     Structure)
from .edit import Plan, builder
from .operations import (AddGroup, AddPost, AddResponsibility, Operation, RemoveGroup, RemovePost,
                         RemoveResponsibility, SetBenchmark, SetRota, UpdateDetails, UpdateGroup, UpdatePost,
                         UpdateProposal, UpdateResponsibility, UpdateSettings)

ConflictKey = tuple[str, str, str, str]

DETAILS = ("name", "organisation", "date", "scenario", "description")


@dataclass
class CloseConflict(Operation):
    key: ConflictKey
    _closed: tuple[Conflict, int] | None = None

    def do(self, structure: Structure) -> None:
        self._closed = structure.remove_conflict(self.key)

    def undo(self, structure: Structure) -> None:
        assert self._closed is not None
        structure.add_conflict(*self._closed)


@dataclass
class SetPayScale(Operation):
    code: str
    scale: PayScale | None
    _old: PayScale | None = None

    def do(self, structure: Structure) -> None:
        self._old = structure.set_pay_scale(self.scale, self.code)

    def undo(self, structure: Structure) -> None:
        structure.set_pay_scale(self._old, self.code)


def find_conflict(structure: Structure, key: ConflictKey) -> Conflict:
    for conflict in structure.conflicts:
        if conflict.key() == key:
            return conflict
    raise EditRefused("that conflict is no longer open")


@builder
def resolve_conflict(structure: Structure, /, key: ConflictKey, value: JsonValue, choice: str) -> Plan:
    """Resolve the open conflict `key` with `value`; `choice` names it for the Undo menu ("keep ours")."""
    conflict = find_conflict(structure, key)
    where = " ".join(part for part in (conflict.item.value, repr(conflict.id) if conflict.id else "", conflict.field)
                     if part)
    operations = [] if value == conflict.ours else _set(structure, conflict, value)
    return Plan(f"Resolve the conflict on {where}: {choice}", [*operations, CloseConflict(key)])


def _set(structure: Structure, conflict: Conflict, value: JsonValue) -> list[Operation]:
    item, ident, name = conflict.item, conflict.id, conflict.field
    if item is ConflictItem.POST:
        return _keyed_item(Post, structure.posts.get(ident), name, value, UpdatePost, AddPost, RemovePost, ident)
    if item is ConflictItem.GROUP:
        return _keyed_item(Group, structure.groups.get(ident), name, value, UpdateGroup, AddGroup, RemoveGroup, ident)
    if item is ConflictItem.RESPONSIBILITY:
        held = next((r for r in structure.responsibilities if r.id == ident), None)
        return _keyed_item(Responsibility, held, name, value, UpdateResponsibility, AddResponsibility,
                           RemoveResponsibility, ident)
    if item is ConflictItem.DETAILS and name in DETAILS:
        return [UpdateDetails({name: value})]
    if item is ConflictItem.SETTINGS and name:
        return [UpdateSettings({name: value})]
    if item is ConflictItem.PROPOSAL and name:
        return [UpdateProposal({name: value})]
    if item is ConflictItem.RULE:
        return [UpdateSettings({"rules": _with(structure.settings.rules, ident, name, value)})]
    if item is ConflictItem.IMPACT:
        return [UpdateProposal({"impacts": _with(structure.proposal.impacts, ident, name, value)})]
    if item is ConflictItem.GRADE:
        old = structure.pay_scales.get(ident)
        whole = _whole(old, name, value)
        return [SetPayScale(ident, None if whole is None else PayScale.model_validate(whole))]
    if item is ConflictItem.ROTA and name:
        return [SetRota(Rota.model_validate({**structure.rota.model_dump(), name: value}))]
    if item is ConflictItem.ROTA_MONTH:
        months = _list_with(structure.rota.months, "month", ident, name, value)
        return [SetRota(Rota.model_validate({**structure.rota.model_dump(), "months": months}))]
    if item is ConflictItem.BENCHMARK and name:
        return [SetBenchmark(Benchmark.model_validate({**structure.benchmark.model_dump(), name: value}))]
    if item is ConflictItem.COMPARATOR:
        rows = _list_with(structure.benchmark.comparators, "council", ident, name, value)
        return [SetBenchmark(Benchmark.model_validate({**structure.benchmark.model_dump(), "comparators": rows}))]
    raise EditRefused(f"a conflict on the {item.value} {name or ident!r} is resolved by hand: "
                      "make the change yourself, then keep ours")


def _whole(old: BaseModel | None, name: str, value: JsonValue) -> Any:
    """The whole item after the choice: `value` itself for an item-wide conflict, else the item with one field set."""
    if not name:
        return value
    if old is None:
        raise EditRefused("the item that conflict is about is no longer there")
    return {**old.model_dump(mode="json"), name: value}


def _keyed_item(cls: type[BaseModel], old: BaseModel | None, name: str, value: JsonValue, update: type[Operation],
                add: type[Operation], remove: type[Operation], ident: str) -> list[Operation]:
    if name:
        if old is None:
            raise EditRefused(f"the {cls.__name__.lower()} {ident!r} is no longer there")
        return [update(ident, {name: value})]  # type: ignore[call-arg]
    if value is None:
        return [] if old is None else [remove(ident)]  # type: ignore[call-arg]
    new = cls.model_validate(value)
    if old is None:
        return [add(new)]  # type: ignore[call-arg]
    fields = {field: getattr(new, field) for field in cls.model_fields if field != "id"}
    return [update(ident, fields)]  # type: ignore[call-arg]


def _with(items: dict[str, Any], key: str, name: str, value: JsonValue) -> dict[str, Any]:
    result = {k: v.model_dump(mode="json") for k, v in items.items()}
    whole = _whole(items.get(key), name, value)
    if whole is None:
        result.pop(key, None)
    else:
        result[key] = whole
    return result


def _list_with(items: list[Any], key_field: str, key: str, name: str, value: JsonValue) -> list[Any]:
    old = next((item for item in items if getattr(item, key_field) == key), None)
    whole = _whole(old, name, value)
    result = [item.model_dump(mode="json") for item in items if getattr(item, key_field) != key]
    if whole is not None:
        index = next((i for i, item in enumerate(items) if getattr(item, key_field) == key), len(result))
        result.insert(index, whole)
    return result
