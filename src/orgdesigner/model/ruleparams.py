"""Checking a structure's rule overrides (``settings.rules``) against the default rule set when the
file is read, so a parameter of the wrong type is refused there, naming the rule and parameter,
instead of failing later inside a rule."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..resources import load_json

SEVERITIES = ("error", "warning", "info")


@cache
def default_params() -> dict[str, dict[str, Any]]:
    """Each default rule's id → its parameters and their default values."""
    return {entry["id"]: dict(entry.get("params", {})) for entry in load_json("rules.json")["rules"]}


def check_rule_override(rule_id: str, severity: str | None, params: dict[str, Any]) -> None:
    """ValueError naming the rule (and parameter) if the override cannot apply to the default rule."""
    defaults = default_params()
    if rule_id not in defaults:
        raise ValueError(f"settings name an unknown rule {rule_id!r} (known: {', '.join(defaults)})")
    if severity is not None and severity not in SEVERITIES:
        raise ValueError(f"rule {rule_id!r}: severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    known = defaults[rule_id]
    for name, value in params.items():
        if name not in known:
            has = f"it has: {', '.join(known)}" if known else "it has none"
            raise ValueError(f"rule {rule_id!r} has no parameter {name!r} ({has})")
        problem = _type_problem(known[name], value)
        if problem:
            raise ValueError(f"rule {rule_id!r}, parameter {name!r}: {value!r} {problem}")


def _type_problem(default: Any, value: Any) -> str | None:
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "is not a number"
        if value < 0:
            return "cannot be negative"
        return None
    if isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "is not a list of names"
        return None
    if isinstance(default, str) and not isinstance(value, str):
        return "is not text"
    return None
