"""The plain-text form of `orgdesigner check`: figures first, then findings by severity."""

from __future__ import annotations

from .analysis import Analysis
from .chartstyle import money
from .model import Structure


def posts_phrase(count: int) -> str:
    return f"{count} post" if count == 1 else f"{count} posts"


def format_check(structure: Structure, analysis: Analysis) -> str:
    totals = analysis.totals()
    in_scope = analysis.totals(in_scope_only=True)
    lines = [
        structure.name + (f" — {structure.scenario}" if structure.scenario else ""),
        "",
        f"Posts          {totals.posts} ({in_scope.posts} in scope), {totals.vacant} vacant",
        f"FTE            {totals.fte:g}",
        f"Cost           {money(totals.gross)} gross, {money(totals.net)} net of partner funding",
        f"Layers         {analysis.layers()}",
        f"Largest span   {analysis.max_span()}",
    ]
    by_group = analysis.totals_by_group()
    if by_group:
        lines += ["", "By group (net, including nested groups)"]
        width = max(len(structure.groups[g].name) for g in by_group)
        for gid, t in by_group.items():
            depth = len(structure.group_chain(gid)) - 1
            name = "  " * depth + structure.groups[gid].name
            lines.append(f"  {name:<{width + 2 * depth}}  {posts_phrase(t.posts):>10}  {money(t.net):>12}")
    by_tier = analysis.totals_by_tier()
    if by_tier:
        lines += ["", "By tier (net)"]
        for tier, t in sorted(by_tier.items(), key=lambda i: analysis.rules.rank(i[0]) or float("inf")):
            lines.append(f"  {('Tier ' + tier) if tier else 'No tier':<10}  {posts_phrase(t.posts):>10}  {money(t.net):>12}")
    findings = analysis.findings()
    lines += ["", f"Findings: {len(findings)}" if findings else "Findings: none"]
    for f in findings:
        lines.append(f"  {f.severity.value.upper():<7} [{f.rule}] {f.message}")
    return "\n".join(lines)
