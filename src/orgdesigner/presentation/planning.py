"""How planning data is worded: month names, where a post's pay sits against its comparators, and the
plain-text forms of `orgdesigner rota` and `orgdesigner benchmark`. The window and the pack use the
same sentences, so screen, print and text agree."""

from __future__ import annotations

import calendar

from ..analysis.benchmark import CategoryStats, PostPosition
from ..analysis.findings import Finding
from ..analysis.rota import lead_counts
from ..model import Rota, Structure
from ..model.rota import parse_month
from .figures import severity_label
from .money import money

QUARTERS = {1: "in the lowest quarter (at or below the lower quartile)",
            2: "in the second quarter (between the lower quartile and the median)",
            3: "in the third quarter (between the median and the upper quartile)",
            4: "in the top quarter (above the upper quartile)"}


def month_name(month: str) -> str:
    year, number = parse_month(month)
    return f"{calendar.month_name[number]} {year}"


def versus(difference: float) -> str:
    """'£12,888 below', '£3,000 above' or 'level with'."""
    if round(difference) == 0:
        return "level with"
    return f"{money(abs(difference))} {'above' if difference > 0 else 'below'}"


def position_sentence(position: PostPosition) -> str:
    """Where a post's pay sits against one category, in a sentence."""
    p, s = position, position.against
    grade = f" (the top of its grade; the bottom is {money(p.pay_bottom)})" if p.pay_bottom is not None else ""
    return (f"{p.title}: {money(p.pay)}{grade}. Against {s.category} ({s.count}): {versus(p.vs_mean)} the mean of "
            f"{money(s.mean)} and {versus(p.vs_median)} the median of {money(s.median)}; {QUARTERS[p.quarter]}; "
            f"paid more than {p.paid_less} of {s.count}.")


def format_rota(structure: Structure, rota: Rota, findings: list[Finding]) -> str:
    def title(post_id: str) -> str:
        post = structure.posts.get(post_id)
        return post.title if post is not None else f"{post_id} (not in the structure)"

    width = max((len(title(p)) for m in rota.months for p in (m.lead, m.buddy)), default=10)
    lines = [f"Monthly rota: {len(rota.months)} month{'s' if len(rota.months) != 1 else ''}, "
             "a lead (single point of contact) and a buddy"]
    if rota.duties:
        lines.append(f"Duties: {rota.duties}")
    lines += ["", f"  {'Month':<15}{'Lead':<{width + 2}}Buddy"]
    for entry in rota.months:
        lines.append(f"  {month_name(entry.month):<15}{title(entry.lead):<{width + 2}}{title(entry.buddy)}")
    lines += ["", "Months as lead"]
    for post_id, count in lead_counts(rota).items():
        lines.append(f"  {title(post_id):<{width}}  {count}")
    if findings:
        lines += ["", f"Findings: {len(findings)}"]
        lines += [f"  {severity_label(f.severity.value).upper():<7} [{f.rule}] {f.message}" for f in findings]
    return "\n".join(lines)


def format_benchmark(role: str, stats: list[CategoryStats], position: PostPosition | None, note: str = "") -> str:
    count = stats[-1].count
    lines = [f"Pay benchmarking{': ' + role if role else ''} — {count} comparator{'s' if count != 1 else ''}", ""]
    width = max(len(s.category) for s in stats)
    lines.append(f"  {'Category':<{width}}  {'Count':>5}  {'Mean':>10}  {'Lower q.':>10}  {'Median':>10}  "
                 f"{'Upper q.':>10}")
    for s in stats:
        lines.append(f"  {s.category:<{width}}  {s.count:>5}  {money(s.mean):>10}  {money(s.lower_quartile):>10}  "
                     f"{money(s.median):>10}  {money(s.upper_quartile):>10}")
    if position is not None:
        p, s = position, position.against
        pay = money(p.pay) + (f" (top of its grade; bottom {money(p.pay_bottom)})" if p.pay_bottom is not None else "")
        lines += ["", f"{p.title}: {pay}",
                  f"  against {s.category} ({s.count}): {versus(p.vs_mean)} the mean of {money(s.mean)}, "
                  f"{versus(p.vs_median)} the median of {money(s.median)};",
                  f"  {QUARTERS[p.quarter]}; paid more than {p.paid_less} of {s.count}."]
    if note:
        lines += ["", note]
    return "\n".join(lines)
