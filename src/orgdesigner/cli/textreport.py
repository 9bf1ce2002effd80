"""The plain-text form of `orgdesigner check`: figures first, then findings by severity."""

from __future__ import annotations

from typing import Any

from ..analysis import Analysis, FinanceSummary, PostChange
from ..analysis.likely import LikelyMatch
from ..analysis.matching import MatchSuggestion
from ..model import Structure
from ..presentation.changes import likely_phrase
from ..presentation.costbasis import cost_basis_text
from ..presentation.figures import fte_text, payback_text, set_aside, severity_label
from ..presentation.money import money, saving


MAX_INDENT = 12
"""Levels of group nesting shown by indenting; deeper groups line up with the twelfth level, so
thousands of nested groups do not print lines thousands of spaces wide."""


def posts_phrase(count: int) -> str:
    return f"{count} post" if count == 1 else f"{count} posts"


def format_check(structure: Structure, analysis: Analysis) -> str:
    totals = analysis.totals()
    in_scope = analysis.totals(in_scope_only=True)
    lines = [
        structure.name + (f" — {structure.scenario}" if structure.scenario else ""),
        "",
        f"Posts          {totals.posts} ({in_scope.posts} in scope), {totals.vacant} vacant",
        f"FTE            {fte_text(totals.fte)}",
        f"Cost           {money(totals.gross)} gross, {money(totals.net)} net of partner funding",
        f"               costed {cost_basis_text(structure.settings)}",
    ]
    if totals.pay_withheld:
        lines.append(f"Pay            not disclosed for {posts_phrase(totals.pay_withheld)} (not in the cost)")
    if totals.junior_fte:
        lines.append(f"Junior staff   {fte_text(totals.junior_fte)} FTE under the posts, {money(totals.junior_cost)} "
                     "(apart from the posts' figures)")
    lines += [
        f"Layers         {analysis.layers()}",
        f"Largest span   {analysis.max_span()}",
    ]
    by_group = analysis.totals_by_group()
    if by_group:
        lines += ["", "By group (net, including nested groups)"]
        depths = structure.group_depths()
        indent = {gid: min(depths.get(gid, 0), MAX_INDENT) for gid in by_group}
        width = max(len(structure.groups[g].name) + 2 * indent[g] for g in by_group)
        for gid, t in by_group.items():
            name = "  " * indent[gid] + structure.groups[gid].name
            lines.append(f"  {name:<{width}}  {posts_phrase(t.posts):>10}  {money(t.net):>12}")
    by_tier = analysis.totals_by_tier()
    if by_tier:
        lines += ["", "By tier (net)"]
        for tier, t in sorted(by_tier.items(), key=lambda i: analysis.rules.rank(i[0]) or float("inf")):
            lines.append(f"  {('Tier ' + tier) if tier else 'No tier':<10}  {posts_phrase(t.posts):>10}  {money(t.net):>12}")
    findings = analysis.findings()
    lines += ["", f"Findings: {len(findings)}" if findings else "Findings: none"]
    for f in findings:
        lines.append(f"  {severity_label(f.severity.value).upper():<7} [{f.rule}] {f.message}")
    return "\n".join(lines)


def format_comparison(before: Structure, after: Structure, changes: list[PostChange],
                      summary: FinanceSummary, basis: str = "") -> str:
    """The comparison as text; `basis` says what the costs are costed on (see `cli.compare.basis_line`)."""
    b, a = summary.before, summary.after
    lines = [
        f"{before.name}{' — ' + before.scenario if before.scenario else ''}  →  "
        f"{after.name}{' — ' + after.scenario if after.scenario else ''}",
        "",
        f"{'':<16}{'Before':>14}{'After':>14}",
        f"{'Posts in scope':<16}{b.posts:>14}{a.posts:>14}",
        f"{'FTE':<16}{fte_text(b.fte):>14}{fte_text(a.fte):>14}",
        f"{'Cost (gross)':<16}{money(b.cost_gross):>14}{money(a.cost_gross):>14}",
        f"{'Cost (net)':<16}{money(b.cost_net):>14}{money(a.cost_net):>14}",
        *([basis] if basis else []),
        "",
        f"Saving           {saving(summary.saving_gross)}",
    ]
    for label, amount in summary.set_asides:
        lines.append(f"  set aside      {set_aside(amount)}  {label}")
    lines.append(f"Net saving       {saving(summary.saving_net)}")
    if len(summary.profile) > 1:
        years = ", ".join(money(v) for v in summary.profile)
        lines.append(f"Profile          {years} = {money(summary.profile_total)} over {len(summary.profile)} years")
    if summary.one_off_costs:
        lines.append(f"One-off costs    {money(summary.one_off_total)}")
        lines.append(f"Payback          {payback_text(summary.payback_years)}")
    lines += ["", "Changes"]
    width = max((len(c.title) for c in changes), default=10)
    for change in changes:
        if change.kinds == ["unchanged"]:
            continue
        lines.append(f"  {change.title:<{width}}  {', '.join(change.kinds):<24}  {change.impact.value:<11} {change.reason}")
    unchanged = sum(1 for c in changes if c.kinds == ["unchanged"])
    if unchanged:
        lines.append(f"  ({unchanged} post{'s' if unchanged != 1 else ''} unchanged)")
    return "\n".join(lines)


def format_matches(before: Structure, after: Structure,
                   reviewed: list[tuple[MatchSuggestion, bool | None]]) -> str:
    """The suggested pairs of a deleted and a new post, best first, with the user's decision."""
    if not reviewed:
        return "Suggested matches: none (no deleted post is like a new one)"
    lines = [f"Suggested matches: {len(reviewed)} (a deleted post → a new post, score 0 to 1)"]
    words = {True: "accepted", False: "rejected", None: "not decided"}
    for suggestion, decision in reviewed:
        old, new = before.posts[suggestion.before], after.posts[suggestion.after]
        lines.append(f"  {suggestion.score:.2f}  {old.title} ({old.id}) → {new.title} ({new.id})  "
                     f"[{words[decision]}]")
        lines.append(f"        {suggestion.reason}")
    return "\n".join(lines)


def format_likely(before: Structure, after: Structure, likely: dict[str, list[LikelyMatch]]) -> str:
    """Each deleted post's likely matches (see `analysis.likely`), for the user to accept or not."""
    lines = ["Likely matches for the holders of deleted posts"]
    for old_id, matches in likely.items():
        lines.append(f"  {before.posts[old_id].title} ({old_id})")
        lines += [f"    {likely_phrase(m, after)}" for m in matches]
    return "\n".join(lines)


def format_scenarios(report: dict[str, Any]) -> str:
    """The scenarios of a file, one a line, the baseline marked with *."""
    rows = report["scenarios"]
    width = max(len(row["name"]) for row in rows)
    lines = [f"{len(rows)} scenario{'s' if len(rows) != 1 else ''} (* baseline)"]
    for row in rows:
        lines.append(f"{'*' if row['baseline'] else ' '} {row['name']:<{width}}  {posts_phrase(row['posts']):>10}  "
                     f"{fte_text(row['fte']):>7} FTE  {money(row['cost_net']):>12} net")
    return "\n".join(lines)
