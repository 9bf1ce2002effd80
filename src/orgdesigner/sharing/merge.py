"""Three-way merge of structure files: scenario by scenario, then item by item and field by field.

`merge_scenarios(base, ours, theirs)` combines the changes ours and theirs each made to base.
Changes that do not collide are all kept. Where they collide the result keeps OURS and the
structure records an open `Conflict` (see `orgdesigner.model.conflicts`) with the three values;
the result is always a valid file (see `repair.py` for how references and cycles are mended).

Scenarios are matched by name; a scenario renamed on one side is matched by its posts (the one
sharing most post ids with the base scenario). Input structures are never changed; the result
shares their (immutable in practice) post and group objects rather than copying them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..model import Conflict, ConflictItem, ConflictKind, Scenarios, Structure, load_scenarios
from .repair import Repair
from .threeway import ConflictLog, Keyed, Nested, Spec, build, merge_fields

STRUCTURE_SPECS: dict[str, Spec] = {
    "settings": Nested(ConflictItem.SETTINGS, {"rules": Keyed(ConflictItem.RULE, fieldwise=False)}),
    "proposal": Nested(ConflictItem.PROPOSAL, {"impacts": Keyed(ConflictItem.IMPACT, fieldwise=False)}),
    "pay_scales": Keyed(ConflictItem.GRADE),
    "groups": Keyed(ConflictItem.GROUP),
    "posts": Keyed(ConflictItem.POST),
    "responsibilities": Keyed(ConflictItem.RESPONSIBILITY, key=lambda r: r.id),
    "rota": Nested(ConflictItem.ROTA, {"months": Keyed(ConflictItem.ROTA_MONTH, key=lambda m: m.month)}),
    "benchmark": Nested(ConflictItem.BENCHMARK,
                        {"comparators": Keyed(ConflictItem.COMPARATOR, key=lambda c: c.council)}),
}
_MIN_SHARED_POSTS = 0.5
"""A scenario renamed on one side is matched to a base scenario sharing at least this share of its post ids."""


@dataclass(frozen=True)
class ScenarioConflict:
    scenario: str
    conflict: Conflict


@dataclass
class MergeResult:
    scenarios: Scenarios

    @property
    def conflicts(self) -> list[ScenarioConflict]:
        """Every open conflict in the result, by scenario (the merge's own and any the inputs still had)."""
        return [ScenarioConflict(s.scenario, c) for s in self.scenarios for c in s.conflicts]


def merge_files(base_path: str | os.PathLike[str], ours_path: str | os.PathLike[str],
                theirs_path: str | os.PathLike[str]) -> MergeResult:
    """Merge three structure files; StructureFileError names a file that cannot be read."""
    return merge_scenarios(load_scenarios(base_path), load_scenarios(ours_path), load_scenarios(theirs_path))


def merge_structures(base: Structure | None, ours: Structure, theirs: Structure) -> Structure:
    """One scenario merged (`base` None: both sides added it apart), its conflicts in `conflicts`."""
    if _same(ours, theirs) or (base is not None and _same(base, theirs)):
        return _copy(ours)
    if base is not None and _same(base, ours):
        return _copy(theirs)
    log = ConflictLog()
    fields = merge_fields(Structure, base, ours, theirs, ConflictItem.DETAILS, "", log, STRUCTURE_SPECS,
                          skip=frozenset({"conflicts"}))
    fields["posts"], fields["groups"] = dict(fields["posts"]), dict(fields["groups"])
    Repair(base, ours, theirs, log).run(fields["groups"], fields["posts"])
    fields["conflicts"] = _open_conflicts(base, ours, theirs, log.conflicts)
    result = build(Structure, fields, base, ours, theirs, ConflictItem.DETAILS, "", log)
    if result is ours:  # the repairs should make this impossible; if not, ours whole, with what was dropped
        result = _copy(ours)
        result.conflicts = _open_conflicts(base, ours, theirs, log.conflicts)
    return result


def _open_conflicts(base: Structure | None, ours: Structure, theirs: Structure,
                    new: list[Conflict]) -> list[Conflict]:
    """The inputs' open conflicts merged as sets (one resolved on one side stays resolved), then the new ones."""
    base_keys = {c.key() for c in base.conflicts} if base is not None else set()
    ours_keys, theirs_keys = {c.key() for c in ours.conflicts}, {c.key() for c in theirs.conflicts}
    kept = [c for c in ours.conflicts if not (c.key() in base_keys and c.key() not in theirs_keys)]
    kept += [c for c in theirs.conflicts if c.key() not in ours_keys and c.key() not in base_keys]
    fresh = {c.key(): c for c in new}
    return [c for c in kept if c.key() not in fresh] + list(fresh.values())


def _same(a: Structure, b: Structure) -> bool:
    """Equal content (pydantic's == would also compare listeners and indexes)."""
    return a is b or all(getattr(a, name) == getattr(b, name) for name in Structure.model_fields)


def _copy(structure: Structure) -> Structure:
    """A structure of its own (its own dicts and lists) holding the same items."""
    return Structure.model_validate({name: getattr(structure, name) for name in Structure.model_fields})


# ----- scenarios ---------------------------------------------------------------------------


def merge_scenarios(base: Scenarios, ours: Scenarios, theirs: Scenarios) -> MergeResult:
    base_list, ours_list, theirs_list = list(base), list(ours), list(theirs)
    ours_keys = scenario_keys(base_list, ours_list, "ours", {})
    added_by_ours = {s.scenario: k for s, k in zip(ours_list, ours_keys) if not k.startswith("base:")}
    theirs_keys = scenario_keys(base_list, theirs_list, "theirs", added_by_ours)
    base_by_key = {f"base:{i}": s for i, s in enumerate(base_list)}
    ours_by_key, theirs_by_key = dict(zip(ours_keys, ours_list)), dict(zip(theirs_keys, theirs_list))
    merged: dict[str, Structure] = {}
    for key in [*ours_keys, *(k for k in theirs_keys if k not in ours_by_key)]:
        structure = _merge_one(base_by_key.get(key), ours_by_key.get(key), theirs_by_key.get(key))
        if structure is not None:
            merged[key] = structure
    if not merged:  # both deleted every scenario they shared and added none: impossible for valid files
        merged = {key: _copy(s) for key, s in ours_by_key.items()}
    _distinct_names(merged, ours_by_key)
    baseline = _baseline(base, ours, theirs, base_by_key, ours_by_key, theirs_by_key, merged)
    return MergeResult(Scenarios(merged.values(), baseline))


def scenario_keys(base: list[Structure], side: list[Structure], label: str, added_by_ours: dict[str, str]) -> list[str]:
    """Each of a side's scenarios' merge key: "base:N" for the base scenario it is, else new on that side
    (or the key ours gave a scenario of the same name that both added)."""
    base_names = {s.scenario: i for i, s in enumerate(base)}
    keys: list[str | None] = [f"base:{base_names[s.scenario]}" if s.scenario in base_names else None for s in side]
    matched = {k for k in keys if k is not None}
    for j, structure in enumerate(side):
        if keys[j] is not None:
            continue
        candidates = []
        for i, old in enumerate(base):
            if f"base:{i}" in matched:
                continue
            shared = len(old.posts.keys() & structure.posts.keys()) / max(1, len(old.posts))
            if shared >= _MIN_SHARED_POSTS or not (old.posts or structure.posts):
                candidates.append((-shared, abs(i - j), i))
        if candidates:
            i = min(candidates)[2]
            keys[j] = f"base:{i}"
            matched.add(f"base:{i}")
        else:
            keys[j] = added_by_ours.get(structure.scenario, f"{label}:{structure.scenario}")
    return [k for k in keys if k is not None]


def _merge_one(base: Structure | None, ours: Structure | None, theirs: Structure | None) -> Structure | None:
    if ours is not None and theirs is not None:
        return merge_structures(base, ours, theirs)
    kept = ours if ours is not None else theirs
    if kept is None:
        return None
    if base is None:
        return _copy(kept)  # added by one side
    if _same(base, kept):
        return None  # deleted by the other side, unchanged here
    deleter = "theirs" if ours is not None else "ours"
    result = _copy(kept)
    result.conflicts.append(Conflict(
        kind=ConflictKind.DELETED_CHANGED, item=ConflictItem.SCENARIO, id=base.scenario,
        ours=kept.scenario if ours is not None else None, theirs=kept.scenario if theirs is not None else None,
        base=base.scenario, note=f"{deleter} deleted this scenario, the other side changed it: kept, "
                                 "so nothing is lost; delete it to take the deletion"))
    return result


def _distinct_names(merged: dict[str, Structure], ours_by_key: dict[str, Structure]) -> None:
    """Two scenarios given one name apart (added, or renamed to it): the later one gets a new name."""
    taken: set[str] = set()
    for key, structure in merged.items():
        name = structure.scenario
        if name not in taken:
            taken.add(name)
            continue
        number = 2
        while f"{name} ({number})" in taken:
            number += 1
        structure.scenario = f"{name} ({number})"
        taken.add(structure.scenario)
        structure.conflicts.append(Conflict(
            kind=ConflictKind.BOTH_CHANGED, item=ConflictItem.SCENARIO, id=structure.scenario, field="scenario",
            ours=ours_by_key[key].scenario if key in ours_by_key else None, theirs=name,
            note=f"another scenario is already named {name!r}: renamed {structure.scenario!r}"))


def _baseline(base: Scenarios, ours: Scenarios, theirs: Scenarios, base_by_key: dict[str, Structure],
              ours_by_key: dict[str, Structure], theirs_by_key: dict[str, Structure],
              merged: dict[str, Structure]) -> str:
    """The baseline's key merged like a field; a collision keeps ours' and is recorded on it."""
    def key_of(side: dict[str, Structure], structure: Structure) -> str:
        return next(k for k, s in side.items() if s is structure)
    b, o = key_of(base_by_key, base.baseline), key_of(ours_by_key, ours.baseline)
    t = key_of(theirs_by_key, theirs.baseline)
    chosen = t if b == o else o
    if o != t and b not in (o, t) and o in merged:
        merged[o].conflicts.append(Conflict(
            kind=ConflictKind.BOTH_CHANGED, item=ConflictItem.FILE, field="baseline", base=base.baseline.scenario,
            ours=ours.baseline.scenario, theirs=theirs.baseline.scenario,
            note="each side chose a different baseline: kept ours"))
    if chosen not in merged:
        chosen = o if o in merged else next(iter(merged))
    return merged[chosen].scenario
