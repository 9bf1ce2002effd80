"""The monthly single-point-of-contact rota: generating a balanced one, and checking one edited by hand.

Generated rotas take the posts in turn, in the order given, and make each month's buddy the
next month's lead: lead counts differ by at most one, nobody is their own buddy, buddy turns
are balanced too, and every lead has been the buddy the month before (a handover, as Cumbria
asks for), except the first.
"""

from __future__ import annotations

from collections import Counter

from ..model import PostStatus, Rota, RotaMonth, Structure
from ..model.rota import add_months, parse_month
from .findings import Finding
from .ruleset import RuleSet


def generate_rota(post_ids: list[str], months: int, start: str, duties: str = "") -> Rota:
    """A balanced rota of `months` months from `start` ("YYYY-MM") across `post_ids`, in their order."""
    parse_month(start)
    repeated = sorted({p for p in post_ids if post_ids.count(p) > 1})
    if repeated:
        raise ValueError(f"the rota's posts name {', '.join(map(repr, repeated))} more than once")
    if len(post_ids) < 2:
        raise ValueError("a rota needs at least two posts, so that each month's lead has a buddy")
    if months < 1:
        raise ValueError(f"a rota needs at least one month (got {months})")
    count = len(post_ids)
    entries = [RotaMonth(month=add_months(start, index), lead=post_ids[index % count],
                         buddy=post_ids[(index + 1) % count]) for index in range(months)]
    return Rota(posts=list(post_ids), duties=duties, months=entries)


def lead_counts(rota: Rota) -> dict[str, int]:
    """Months each post leads: the rota's posts first (with 0 for none), then any other lead."""
    counts = Counter(entry.lead for entry in rota.months)
    return {post: counts.get(post, 0) for post in dict.fromkeys([*rota.posts, *counts])}


def rota_findings(structure: Structure, rules: RuleSet) -> list[Finding]:
    rota = structure.rota
    if not rota.months:
        return []
    return _balance(structure, rules, rota) + _self_buddies(structure, rules, rota) + _posts(structure, rules, rota)


def _balance(structure: Structure, rules: RuleSet, rota: Rota) -> list[Finding]:
    rule = rules.active("rota-balance")
    counts = {p: n for p, n in lead_counts(rota).items() if p in rota.posts}
    if rule is None or not counts or max(counts.values()) - min(counts.values()) <= 1:
        return []
    most, fewest = max(counts.values()), min(counts.values())
    busiest = [p for p, n in counts.items() if n == most]
    idlest = [p for p, n in counts.items() if n == fewest]
    return [Finding(rule.id, rule.severity, tuple(p for p in busiest + idlest if p in structure.posts),
                    f"The rota is not balanced: {_titles(structure, busiest)} "
                    f"{'leads' if len(busiest) == 1 else 'lead'} {_months(most)}, "
                    f"{_titles(structure, idlest)} {_months(fewest)}; turns should differ by at most one.")]


def _self_buddies(structure: Structure, rules: RuleSet, rota: Rota) -> list[Finding]:
    rule = rules.active("rota-self-buddy")
    if rule is None:
        return []
    found = []
    for entry in rota.months:
        if entry.lead == entry.buddy:
            found.append(Finding(rule.id, rule.severity,
                                 (entry.lead,) if entry.lead in structure.posts else (),
                                 f"In {entry.month} {_titles(structure, [entry.lead])} is both the lead and "
                                 "the buddy; choose another post as buddy."))
    return found


def _posts(structure: Structure, rules: RuleSet, rota: Rota) -> list[Finding]:
    rule = rules.active("rota-post")
    if rule is None:
        return []
    turns: dict[str, list[str]] = {p: [] for p in rota.posts}
    for entry in rota.months:
        turns.setdefault(entry.lead, []).append(f"lead in {entry.month}")
        if entry.buddy != entry.lead:
            turns.setdefault(entry.buddy, []).append(f"buddy in {entry.month}")
    found = []
    for post_id, roles in turns.items():
        post = structure.posts.get(post_id)
        where = f" ({', '.join(roles)})" if roles else ""
        if post is None:
            found.append(Finding(rule.id, rule.severity, (),
                                 f"The rota names {post_id!r}, which is not a post in the structure{where}."))
        elif post.status is PostStatus.VACANT:
            found.append(Finding(rule.id, rule.severity, (post_id,),
                                 f"'{post.title}' is vacant but takes turns on the rota{where}."))
        elif post_id not in rota.posts:
            found.append(Finding(rule.id, rule.severity, (post_id,),
                                 f"'{post.title}' is not one of the rota's posts but takes turns on it{where}."))
    return found


def _titles(structure: Structure, post_ids: list[str]) -> str:
    names = [f"'{structure.posts[p].title}'" if p in structure.posts else repr(p) for p in post_ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _months(count: int) -> str:
    return "1 month" if count == 1 else f"{count} months"
