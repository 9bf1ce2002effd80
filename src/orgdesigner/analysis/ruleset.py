"""The rule set and tier definitions, read from resources/ and overridden per structure.

A structure names its sector's rule set (settings.rule_set, listed in resources/rulesets.json):
the English local authority set by default, or the central government and arm's-length bodies set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any, NamedTuple

from ..model import PayScale, Settings, Structure
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


class PostRules(NamedTuple):
    """The rules `findings.post_findings` applies to one post, each None when it is off."""

    tier_order: Rule | None
    tier_manager: Rule | None
    span_over_limit: Rule | None
    span_of_one: Rule | None
    pay_not_disclosed: Rule | None
    unknown_grade: Rule | None
    uncosted: Rule | None
    pay_over_threshold: Rule | None


POST_RULE_IDS = ("tier-order", "tier-manager", "span-over-limit", "span-of-one", "pay-not-disclosed", "unknown-grade",
                 "uncosted", "pay-over-threshold")
"""The ids of `PostRules`, field by field."""


class RuleSet:
    """The rules in force for one structure: the defaults with the structure's overrides applied."""

    def __init__(self, rules: dict[str, Rule], tiers: dict[str, Tier], pay_scales: dict[str, PayScale] | None = None,
                 sector: "Sector | None" = None) -> None:
        self.rules = rules
        self.tiers = tiers
        self.pay_scales = pay_scales or {}
        """Grades the sector knows (the Senior Civil Service bands), beside the structure's own."""
        self.sector = sector or sector_of(None)

    def scales_for(self, structure: Structure) -> dict[str, PayScale]:
        """The structure's pay scales, with the sector's grades it does not define itself."""
        if not self.pay_scales:
            return structure.pay_scales
        return {**self.pay_scales, **structure.pay_scales}

    @classmethod
    def for_settings(cls, settings: Settings) -> "RuleSet":
        sector = sector_of(settings.rule_set)
        rules = {rule.id: rule for rule in sector.rules()}
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
        return cls(rules, sector.tiers(), sector.pay_scales(), sector)

    def active(self, rule_id: str) -> Rule | None:
        rule = self.rules.get(rule_id)
        return rule if rule is not None and rule.enabled else None

    @cached_property
    def post_rules(self) -> "PostRules":
        """The rules checked on every post, looked up once (a file opened checks thousands of posts)."""
        return PostRules(*(self.active(rule_id) for rule_id in POST_RULE_IDS))

    def rank(self, tier: str | None) -> float | None:
        """How senior a tier is (1 is the top); None for no tier or one that cannot be ranked."""
        if tier is None:
            return None
        known = self.tiers.get(tier)
        if known is not None:
            return known.rank
        match = re.match(r"\s*(\d+)", tier)
        return float(match.group(1)) if match else None


@dataclass(frozen=True)
class Sector:
    """One entry of resources/rulesets.json: a rules file and the changes this sector makes to it."""

    id: str
    name: str
    rules_file: str
    tiers_file: str
    without: tuple[str, ...] = ()
    change: dict[str, dict[str, Any]] = field(default_factory=dict)
    pay_scales_file: str | None = None
    sources: tuple[str, ...] = ()

    def rules(self) -> list[Rule]:
        found = []
        for rule in default_rules(self.rules_file):
            if rule.id in self.without:
                continue
            changed = self.change.get(rule.id, {})
            found.append(Rule(rule.id, Severity(changed.get("severity", rule.severity)),
                              changed.get("enabled", rule.enabled), changed.get("title", rule.title),
                              changed.get("description", rule.description),
                              {**rule.params, **changed.get("params", {})}))
        return found

    def tiers(self) -> dict[str, Tier]:
        return default_tiers(self.tiers_file)

    def pay_scales(self) -> dict[str, PayScale]:
        if self.pay_scales_file is None:
            return {}
        return {entry["code"]: PayScale.model_validate(entry) for entry in load_json(self.pay_scales_file)["pay_scales"]}


DEFAULT_SECTOR = "english-local-authority"
CENTRAL_GOVERNMENT = "central-government"


def sectors() -> dict[str, Sector]:
    """Every rule set in resources/rulesets.json, by id, in file order."""
    return {
        entry["id"]: Sector(entry["id"], entry["name"], entry["rules"], entry["tiers"], tuple(entry.get("without", ())),
                            entry.get("change", {}), entry.get("pay_scales"), tuple(entry.get("sources", ())))
        for entry in load_json("rulesets.json")["rule_sets"]
    }


def sector_of(rule_set: str | None) -> Sector:
    """The rule set a structure names (None: the default); ValueError naming the known ones otherwise."""
    known = sectors()
    key = rule_set or load_json("rulesets.json").get("default", DEFAULT_SECTOR)
    if key not in known:
        raise ValueError(f"settings name an unknown rule set {key!r} (known: {', '.join(known)})")
    return known[key]


def default_rules(name: str = "rules.json") -> list[Rule]:
    return [
        Rule(
            id=entry["id"],
            severity=Severity(entry["severity"]),
            enabled=entry.get("enabled", True),
            title=entry["title"],
            description=entry.get("description", ""),
            params=entry.get("params", {}),
        )
        for entry in load_json(name)["rules"]
    ]


def default_tiers(name: str = "tiers.json") -> dict[str, Tier]:
    return {
        entry["code"]: Tier(
            code=entry["code"],
            name=entry["name"],
            rank=float(entry["rank"]),
            managed_by=tuple(entry["managed_by"]) if "managed_by" in entry else None,
        )
        for entry in load_json(name)["tiers"]
    }
