"""The statutory officers table: each designation, the posts holding it, their titles and holders."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Designation, Structure
from .ruleset import RuleSet


@dataclass(frozen=True)
class Holder:
    post: str
    title: str
    postholder: str | None


@dataclass(frozen=True)
class StatutoryOfficer:
    designation: Designation
    required: bool
    """Whether the rules require the council to designate it (then exactly one post should hold it)."""
    holders: list[Holder] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.designation.full_name


def statutory_officers(structure: Structure, rules: RuleSet | None = None) -> list[StatutoryOfficer]:
    """A row for every designation held or required, in the usual order (HoPS, S151, MO, …).

    Posts of a partner organisation shown as context are not this council's officers and are left out.
    """
    rules = rules or RuleSet.for_settings(structure.settings)
    rule = rules.active("statutory-missing")
    required = {Designation.parse(code) for code in rule.params["designations"]} if rule else set()
    rows = []
    for designation in Designation:
        holders = [Holder(p.id, p.title, p.postholder) for p in structure.posts.values()
                   if designation in p.designations and p.context is None]
        if holders or designation in required:
            rows.append(StatutoryOfficer(designation, designation in required, holders))
    return rows
