"""A readable diff of two structure files: scenario by scenario, item by item, field by field.

Meant for people (and for `git diff` through a textconv-style `orgdesigner diff A B`): posts
are named by title with their id, managers and groups by title and name, money as money.
Scenarios are matched the way the merge matches them (by name, or by their posts when renamed).
A changed post's heading says what kind of change it is the way the comparison does
(`orgdesigner.analysis.compare`: retitled, regraded, moved…), then each field follows.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from enum import Enum
from typing import Any

from pydantic import BaseModel

from ..analysis import compare
from ..presentation.money import money
from ..model import Scenarios, Structure, load_scenarios
from .merge import STRUCTURE_SPECS, scenario_keys
from .threeway import Keyed, Nested, Spec, by_key

_MONEY_FIELDS = {"salary", "min", "max", "pay", "amount"}
_LABELS = {"reports_to": "reports to", "in_scope": "in scope", "pay_scales": "grades", "one_off_costs": "one-off costs",
           "set_asides": "set-asides", "pay_award_rate": "pay award", "on_cost_rate": "on-cost rate",
           "cost_basis": "cost basis", "span_max": "largest span", "span_min": "smallest span"}


def diff_files(a_path: str | os.PathLike[str], b_path: str | os.PathLike[str]) -> str:
    return diff_text(load_scenarios(a_path), load_scenarios(b_path))


def diff_text(a: Scenarios, b: Scenarios) -> str:
    """What changed from `a` to `b`; "No differences." when nothing did."""
    old_list, new_list = list(a), list(b)
    keys = scenario_keys(old_list, new_list, "new", {})
    matched = {key: structure for key, structure in zip(keys, new_list)}
    lines: list[str] = []
    for index, old in enumerate(old_list):
        new = matched.get(f"base:{index}")
        if new is None:
            lines.append(f"Scenario {old.scenario!r}: removed ({_count(old)})")
            continue
        body = _StructureDiff(old, new).lines()
        heading = f"Scenario {old.scenario!r}"
        if new.scenario != old.scenario:
            heading += f" renamed {new.scenario!r}"
        if body or new.scenario != old.scenario:
            lines += [heading, *body]
    for key, new in matched.items():
        if not key.startswith("base:"):
            lines.append(f"Scenario {new.scenario!r}: added ({_count(new)})")
    if a.baseline.scenario != b.baseline.scenario:
        lines.append(f"Baseline: {a.baseline.scenario!r} → {b.baseline.scenario!r}")
    return "\n".join(lines) + "\n" if lines else "No differences.\n"


def _count(structure: Structure) -> str:
    return f"{len(structure.posts)} post{'s' if len(structure.posts) != 1 else ''}"


class _StructureDiff:
    def __init__(self, old: Structure, new: Structure) -> None:
        self.old, self.new = old, new
        self.kinds = {c.post: c.kinds for c in compare(old, new) if c.before is not None and c.after is not None}

    def lines(self) -> list[str]:
        return self._model(self.old, self.new, STRUCTURE_SPECS, "  ", skip={"conflicts", "scenario"}) + self._conflicts()

    def _conflicts(self) -> list[str]:
        before, after = len(self.old.conflicts), len(self.new.conflicts)
        return [f"  open conflicts: {before} → {after}"] if before != after else []

    def _model(self, old: BaseModel, new: BaseModel, specs: Mapping[str, Spec], indent: str,
               skip: frozenset[str] | set[str] = frozenset()) -> list[str]:
        lines: list[str] = []
        for name in type(old).model_fields:
            before, after = getattr(old, name), getattr(new, name)
            if name in skip or before == after:
                continue
            spec = specs.get(name)
            if isinstance(spec, Keyed):
                lines += self._keyed(name, spec, before, after, indent)
            elif isinstance(spec, Nested):
                lines += [f"{indent}~ {_label(name)}", *self._model(before, after, spec.nested, indent + "    ")]
            else:
                lines.append(f"{indent}{_label(name)}: {self._value(name, before)} → {self._value(name, after)}")
        return lines

    def _keyed(self, name: str, spec: Keyed, before: Any, after: Any, indent: str) -> list[str]:
        old, new = by_key(before, spec), by_key(after, spec)
        what = spec.item.value
        lines = [f"{indent}- {what} {self._name(key, item)}" for key, item in old.items() if key not in new]
        for key, item in new.items():
            if key not in old:
                lines.append(f"{indent}+ {what} {self._name(key, item)}")
            elif old[key] != item:
                heading = f"{indent}~ {what} {self._name(key, item)}"
                kinds = self.kinds.get(key, []) if name == "posts" else []
                if kinds:
                    heading += f" — {', '.join(kinds)}"
                if spec.fieldwise and isinstance(item, BaseModel):
                    lines += [heading, *self._model(old[key], item, spec.nested, indent + "    ")]
                else:
                    lines += [heading, f"{indent}    {self._value(name, old[key])} → {self._value(name, item)}"]
        return lines

    @staticmethod
    def _name(key: str, item: Any) -> str:
        label = getattr(item, "title", None) or getattr(item, "name", None)
        return f"{label!r} ({key})" if label and label != key else repr(key)

    def _value(self, name: str, value: Any) -> str:
        if value is None:
            return "none"
        if name in ("reports_to", "leader", "post", "lead", "buddy", "manager") and isinstance(value, str):
            return self._post_title(value)
        if name in ("group", "parent") and isinstance(value, str):
            group = self.new.groups.get(value) or self.old.groups.get(value)
            return f"{group.name!r} ({value})" if group else repr(value)
        if name in _MONEY_FIELDS and isinstance(value, (int, float)) and not isinstance(value, bool):
            return money(value)
        if isinstance(value, BaseModel):
            value = value.model_dump(mode="json", exclude_defaults=True)
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            value = [v.model_dump(mode="json", exclude_defaults=True) for v in value]
        if isinstance(value, dict) and any(isinstance(v, BaseModel) for v in value.values()):
            value = {k: v.model_dump(mode="json", exclude_defaults=True) for k, v in value.items()}
        if isinstance(value, str):
            return repr(value)
        return json.dumps(value, ensure_ascii=False, default=str)

    def _post_title(self, post_id: str) -> str:
        post = self.new.posts.get(post_id) or self.old.posts.get(post_id)
        return f"{post.title!r} ({post_id})" if post else repr(post_id)


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _label(name: str) -> str:
    return _LABELS.get(name, name.replace("_", " "))



def listing_text(scenarios: Scenarios) -> str:
    """One file listed an item a line (posts by title, managers and groups named, money as money), so that
    git's line diff of two listings reads like a change list (the `diff --textconv` of the command line)."""
    lines: list[str] = []
    for structure in scenarios:
        baseline = " (baseline)" if structure is scenarios.baseline else ""
        lines.append(f"Scenario {structure.scenario!r}{baseline}")
        namer = _StructureDiff(structure, structure)
        for name in Structure.model_fields:
            value = getattr(structure, name)
            spec = STRUCTURE_SPECS.get(name)
            if name == "scenario" or value == Structure.model_fields[name].get_default(call_default_factory=True):
                continue
            if isinstance(spec, Keyed) and spec.fieldwise:
                for key, item in by_key(value, spec).items():
                    fields = item.model_dump(exclude_defaults=True, exclude={"id", "code", "title", "name"})
                    text = "; ".join(f"{_label(f)} {namer._value(f, _plain(getattr(item, f)))}" for f in fields)
                    lines.append(f"  {spec.item.value} {namer._name(key, item)}: {text}")
            elif name == "conflicts":
                lines += [f"  open conflict: {c.kind.value} on {c.item.value} {c.id!r} {c.field}".rstrip()
                          for c in value]
            else:
                lines.append(f"  {_label(name)}: {namer._value(name, value)}")
    return "\n".join(lines) + "\n"
