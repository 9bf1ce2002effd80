"""The rule set and tier definitions, read from resources/ and overridden per structure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..model import Settings
from ..resources import load_json


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def order(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    enabled: bool
    title: str
    description: str = ""
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Tier:
    code: str
    name: str
    rank: float
    managed_by: tuple[str, ...] | None = None


class RuleSet:
    """The rules in force for one structure: the defaults with the structure's overrides applied."""

    def __init__(self, rules: dict[str, Rule], tiers: dict[str, Tier]) -> None:
        self.rules = rules
        self.tiers = tiers

    @classmethod
    def for_settings(cls, settings: Settings) -> "RuleSet":
        rules = {rule.id: rule for rule in default_rules()}
        for rule_id, override in settings.rules.items():
            if rule_id not in rules:
                raise ValueError(f"settings name an unknown rule {rule_id!r} (known: {', '.join(rules)})")
            base = rules[rule_id]
            rules[rule_id] = Rule(
                id=base.id,
                severity=Severity(override.severity) if override.severity else base.severity,
                enabled=base.enabled if override.enabled is None else override.enabled,
                title=base.title,
                description=base.description,
                params={**base.params, **override.params},
            )
        for rule_id, key, value in (("span-over-limit", "max", settings.span_max), ("span-of-one", "min", settings.span_min)):
            if value is not None:
                base = rules[rule_id]
                rules[rule_id] = Rule(base.id, base.severity, base.enabled, base.title, base.description,
                                      {**base.params, key: value})
        return cls(rules, default_tiers())

    def active(self, rule_id: str) -> Rule | None:
        rule = self.rules.get(rule_id)
        return rule if rule is not None and rule.enabled else None

    def rank(self, tier: str | None) -> float | None:
        """How senior a tier is (1 is the top); None for no tier or one that cannot be ranked."""
        if tier is None:
            return None
        known = self.tiers.get(tier)
        if known is not None:
            return known.rank
        match = re.match(r"\s*(\d+)", tier)
        return float(match.group(1)) if match else None


def default_rules() -> list[Rule]:
    return [
        Rule(
            id=entry["id"],
            severity=Severity(entry["severity"]),
            enabled=entry.get("enabled", True),
            title=entry["title"],
            description=entry.get("description", ""),
            params=entry.get("params", {}),
        )
        for entry in load_json("rules.json")["rules"]
    ]


def default_tiers() -> dict[str, Tier]:
    return {
        entry["code"]: Tier(
            code=entry["code"],
            name=entry["name"],
            rank=float(entry["rank"]),
            managed_by=tuple(entry["managed_by"]) if "managed_by" in entry else None,
        )
        for entry in load_json("tiers.json")["tiers"]
    }
