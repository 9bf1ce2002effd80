"""Rule findings: the checks themselves, each producing plain-English findings.

Post rules look at one post, its line manager and its span, so after an edit only the
posts it touched are checked again. Structure rules (statutory designations, cycles,
posts without a manager) look at small indexes the analysis keeps up to date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Designation, PayScale, Post, Structure
from ..model.money import money
from .costing import pay_ceiling
from .ruleset import PostRules, RuleSet, Severity


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    posts: tuple[str, ...]
    message: str

    def sort_key(self) -> tuple[int, str, tuple[str, ...]]:
        return (self.severity.order, self.rule, self.posts)

    def as_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "severity": self.severity.value, "posts": list(self.posts), "message": self.message}


def _tier_label(tier: str | None) -> str:
    return f"Tier {tier}" if tier else "no tier"


def post_findings(structure: Structure, rules: RuleSet, scales: dict[str, PayScale], post: Post,
                  span: int) -> list[Finding]:
    """Findings about one post: its tier against its manager's, its span, its grade and pay (`scales`: the
    structure's, as `rules.scales_for` gives them, worked out once for every post)."""
    found: list[Finding] = []
    active = rules.post_rules
    manager = structure.posts.get(post.reports_to) if post.reports_to else None
    if manager is not None:
        found.extend(_tier_findings(rules, active, post, manager))
    if (rule := active.span_over_limit) and span > rule.params["max"]:
        found.append(Finding(rule.id, rule.severity, (post.id,),
                             f"'{post.title}' line manages {span} posts, more than the limit of {rule.params['max']}."))
    if (rule := active.span_of_one) and 0 < span < rule.params["min"]:
        found.append(Finding(rule.id, rule.severity, (post.id,),
                             f"'{post.title}' line manages only {span} post{'s' if span != 1 else ''}; "
                             "consider whether this layer is needed."))
    found.extend(_pay_findings(active, scales, post))
    return found


def _tier_findings(rules: RuleSet, active: PostRules, post: Post, manager: Post) -> list[Finding]:
    post_rank, manager_rank = rules.rank(post.tier), rules.rank(manager.tier)
    pair = (post.id, manager.id)
    if (rule := active.tier_order) and post_rank is not None and manager_rank is not None:
        if manager_rank >= post_rank:
            return [Finding(rule.id, rule.severity, pair,
                            f"'{post.title}' ({_tier_label(post.tier)}) reports to '{manager.title}' "
                            f"({_tier_label(manager.tier)}), which is not a higher tier.")]
    tier = rules.tiers.get(post.tier) if post.tier else None
    if (rule := active.tier_manager) and tier is not None and tier.managed_by is not None:
        if manager.tier not in tier.managed_by:
            allowed = " or ".join(tier.managed_by)
            return [Finding(rule.id, rule.severity, pair,
                            f"'{post.title}' is {_tier_label(post.tier)}, which should be line managed by Tier "
                            f"{allowed}; its line manager '{manager.title}' is {_tier_label(manager.tier)}.")]
    return []


def _pay_findings(active: PostRules, scales: dict[str, PayScale], post: Post) -> list[Finding]:
    found: list[Finding] = []
    if post.pay_withheld:
        if rule := active.pay_not_disclosed:
            found.append(Finding(rule.id, rule.severity, (post.id,),
                                 f"'{post.title}': pay not disclosed, so the post is not in the cost."))
        return found
    if post.salary is None and post.pay_band is None:
        if post.grade is not None and post.grade not in scales:
            if rule := active.unknown_grade:
                found.append(Finding(rule.id, rule.severity, (post.id,),
                                     f"'{post.title}' is on grade '{post.grade}', which has no pay scale, "
                                     "so it cannot be costed."))
        elif post.grade is None and (rule := active.uncosted):
            found.append(Finding(rule.id, rule.severity, (post.id,),
                                 f"'{post.title}' has neither a grade nor a salary, so it adds nothing to the cost."))
    ceiling = pay_ceiling(post, scales)
    if (rule := active.pay_over_threshold) and ceiling is not None and ceiling > rule.params["threshold"]:
        found.append(Finding(rule.id, rule.severity, (post.id,),
                             f"'{post.title}' can be paid {money(ceiling)}, over {money(rule.params['threshold'])}: "
                             f"{rule.params['advice']}."))
    return found


def no_manager_findings(structure: Structure, rules: RuleSet, roots: Iterable[str],
                        spans: Mapping[str, int]) -> list[Finding]:
    """Posts in scope with no line manager, other than the top post.

    The top post is any root in the top-ranked tier; a structure with no such post (a
    department's own chart, say) takes the root with the largest span as its top.
    """
    rule = rules.active("no-manager")
    if rule is None:
        return []
    candidates = [structure.posts[r] for r in roots if structure.posts[r].in_scope]
    top = {p.id for p in candidates if rules.rank(p.tier) == 1}
    if not top and candidates:
        top = {max(candidates, key=lambda p: spans.get(p.id, 0)).id}
    return [
        Finding(rule.id, rule.severity, (p.id,), f"'{p.title}' has no line manager.")
        for p in candidates
        if p.id not in top
    ]


def statutory_findings(structure: Structure, rules: RuleSet,
                       holders: Mapping[Designation, set[str]]) -> list[Finding]:
    found: list[Finding] = []
    if rule := rules.active("statutory-missing"):
        for code in rule.params["designations"]:
            designation = Designation.parse(code)
            if not holders.get(designation):
                found.append(Finding(rule.id, rule.severity, (),
                                     f"No post is designated {designation.full_name}; the council must designate one."))
    if rule := rules.active("statutory-duplicate"):
        for code in rule.params["designations"]:
            designation = Designation.parse(code)
            posts = sorted(holders.get(designation, ()))
            if len(posts) > 1:
                titles = ", ".join(f"'{structure.posts[p].title}'" for p in posts)
                found.append(Finding(rule.id, rule.severity, tuple(posts),
                                     f"{designation.full_name} is held by {len(posts)} posts ({titles}); "
                                     "it must be held by exactly one."))
    if rule := rules.active("hops-is-mo"):
        for post_id in sorted(holders.get(Designation.HOPS, set()) & holders.get(Designation.MO, set())):
            found.append(Finding(rule.id, rule.severity, (post_id,),
                                 f"'{structure.posts[post_id].title}' is both Head of Paid Service and Monitoring "
                                 "Officer; the law does not allow one post to hold both."))
    return found


def cycle_findings(structure: Structure, rules: RuleSet, cycles: Iterable[tuple[str, ...]]) -> list[Finding]:
    rule = rules.active("reporting-cycle")
    if rule is None:
        return []
    found = []
    for cycle in cycles:
        titles = " → ".join(f"'{structure.posts[p].title}'" for p in (*cycle, cycle[0]))
        found.append(Finding(rule.id, rule.severity, tuple(cycle),
                             f"Line management goes round in a circle: {titles} (each reports to the next)."))
    return found
