"""The pack's planning sections (issue #7): statutory officers, responsibilities, the rota and pay
benchmarking. Each is printed only when the structures have that data (`has_*`), and every name
goes through `data.text` / `data.holder`, so a redacted pack leaves postholders out.

The words for where a post's pay sits (`position_sentence`) come from `presentation.planning`, shared
with the window's pay benchmarking dock, so screen and print say the same.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether

from ...analysis.benchmark import ALL, CategoryStats, all_stats, post_position
from ...analysis.findings import Finding
from ...analysis.responsibilities import responsibility_matrix
from ...analysis.rota import lead_counts
from ...analysis.statutory import StatutoryOfficer, statutory_officers
from ...model import Designation, PostStatus, ResponsibilityCategory, Structure
from ...model.money import change, whole_pounds
from ...presentation.chartstyle import ACCENT, INK
from ...presentation.money import money
from ...presentation.planning import month_name, position_sentence
from ..styles import (NARROW, Column, Row, bold, data_table, lines, muted, para, section_row, severity_chip,
                      styles, total_row)
from .data import PackData

STATUTORY_RULES = ("statutory-missing", "statutory-duplicate", "hops-is-mo")
BOX_FILL = "#dbe6f3"
GRADE_FILL = "#fde9c8"


@cache
def flowing_heading() -> ParagraphStyle:
    """A second-level heading over a table longer than a page: reportlab keeps a heading with a table by
    moving both to a new page, which would leave the rest of this one empty."""
    return ParagraphStyle("Heading2Flowing", parent=styles().h2, keepWithNext=0)


def _findings_note(data: PackData, findings: list[Finding], none: str) -> list[Flowable]:
    """The findings under a section's tables, each with its severity, or a line saying there are none."""
    s = styles()
    if not findings:
        return [para(none, s.after_table)]
    columns = [Column("Severity", 0.12), Column("Finding", 0.88)]
    rows = [Row([severity_chip(f.severity.value), data.text(f.message)])
            for f in findings]
    return [para("Findings", s.h2), data_table(columns, rows, data.width)]


def _rule_findings(data: PackData, prefix: tuple[str, ...]) -> list[Finding]:
    return [f for f in data.after_analysis.findings() if f.rule.startswith(prefix)]


def _title(data: PackData, structure: Structure, post_id: str | None) -> str:
    if post_id is None:
        return "Not assigned to a post"
    post = structure.posts.get(post_id)
    return data.text(post.title) if post is not None else f"A deleted post ({post_id})"


# ----- statutory officers -----------------------------------------------------------------


def has_statutory(data: PackData) -> bool:
    """Whether either structure designates a statutory role, or the proposed one fails to designate one the
    rules require (the section then says which are missing)."""
    return any(p.designations for s in (data.before, data.after) for p in s.posts.values() if p.context is None) \
        or any(f.rule in STATUTORY_RULES for f in data.after_analysis.findings())


def statutory_officers_section(data: PackData) -> list[Flowable]:
    """Each statutory role, the post holding it in the proposed structure and the one holding it now."""
    s = styles()
    after = {o.designation: o for o in statutory_officers(data.after, data.after_analysis.rules)}
    before = {o.designation: o for o in statutory_officers(data.before, data.before_analysis.rules)}
    rows = []
    for designation in (d for d in Designation if d in after or d in before):
        required = after.get(designation) or before[designation]
        name = lines(bold(designation.full_name), muted(designation.value + (" · required" if required.required
                                                                              else "")))
        rows.append(Row([name, _holders(data, data.after, after.get(designation)),
                         _holders(data, data.before, before.get(designation))]))
    columns = [Column("Statutory role", 0.34), Column("Proposed structure", 0.36), Column("Current structure", 0.30)]
    out: list[Flowable] = [
        para("The statutory officers the council must designate (the Head of Paid Service, the Chief Finance "
             "Officer under section 151 and the Monitoring Officer, each held by exactly one post; the Head of Paid "
             "Service may not be the Monitoring Officer) and the other statutory roles, with the post that holds "
             "each in the proposed structure and now.", s.body),
        data_table(columns, rows, data.width),
    ]
    findings = [f for f in data.after_analysis.findings() if f.rule in STATUTORY_RULES]
    return out + _findings_note(data, findings, "The proposed structure designates every required statutory "
                                                "officer once, and the Head of Paid Service is not the Monitoring "
                                                "Officer.")


def _holders(data: PackData, structure: Structure, officer: StatutoryOfficer | None) -> str:
    if officer is None or not officer.holders:
        return muted("Not designated") if officer is not None else ""
    parts = []
    for holder in officer.holders:
        post = structure.posts[holder.post]
        who = data.holder(post)
        parts.append(lines(bold(data.text(post.title)), muted(who) if who else ""))
    return lines(*parts)


# ----- responsibilities -----------------------------------------------------------------


def has_responsibilities(data: PackData) -> bool:
    return bool(data.after.responsibilities)


def responsibilities_section(data: PackData) -> list[Flowable]:
    """Who holds how many of each kind, then every responsibility by category, as Cumbria's tables set them out."""
    s, after = styles(), data.after
    matrix = responsibility_matrix(after)
    categories = list(ResponsibilityCategory)
    columns = [Column("Post", 0.40)] + [Column(c.plural.capitalize(), 0.12, True) for c in categories] + \
              [Column("Total", 0.12, True)]
    rows = []
    for holder, cells in matrix.items():
        counts = [len(cells[c]) for c in categories]
        rows.append(Row([_holder_cell(data, holder), *(str(n) if n else "\u2013" for n in counts), str(sum(counts))]))
    totals = Counter(item.category for item in after.responsibilities)
    rows.append(total_row(["Total", *(str(totals[c]) for c in categories), str(len(after.responsibilities))]))
    out: list[Flowable] = [
        para("The lead responsibilities, portfolio briefings, delegations and meetings the structure's posts "
             "carry beyond line management, and the post that holds each. A responsibility held by a vacant post, "
             "by a deleted post or by none is flagged until it is reassigned.", s.body),
        KeepTogether([para("Who holds what", s.h2), data_table(columns, rows, data.width)]),
    ]
    detail = [Column("Responsibility", 0.40), Column("Held by", 0.35), Column("Notes", 0.25)]
    body: list[Row] = []
    for category in categories:
        items = [i for i in after.responsibilities if i.category is category]
        if items:
            body.append(section_row(f"{category.plural.capitalize()} ({len(items)})"))
            body += [Row([data.text(i.name), _holder_cell(data, i.post),
                          muted(data.text(i.notes), 7.5) if i.notes else ""]) for i in items]
    out += [para("Each responsibility, by category", flowing_heading()), data_table(detail, body, data.width)]
    return out + _findings_note(data, _rule_findings(data, ("responsibility-",)),
                                "Every responsibility is held by a post that is filled.")


def _holder_cell(data: PackData, holder: str | None) -> str:
    post = data.after.posts.get(holder) if holder is not None else None
    title = _title(data, data.after, holder)
    if post is None:
        return lines(bold(title), muted("to be reassigned"))
    if post.status is PostStatus.VACANT:
        return lines(bold(title), muted("vacant: to be reassigned or covered"))
    who = data.holder(post)
    return lines(bold(title), muted(who) if who else "")


# ----- the rota -------------------------------------------------------------------------


def has_rota(data: PackData) -> bool:
    return bool(data.after.rota.months)


def rota_section(data: PackData) -> list[Flowable]:
    """Month by month, the lead (single point of contact) and the buddy; then each post's turns."""
    s, rota = styles(), data.after.rota
    out: list[Flowable] = [para(
        f"A monthly rota over {len(rota.months)} month{'s' if len(rota.months) != 1 else ''} names the single point "
        "of contact for the month (the lead) and a buddy who covers for them.", s.body)]
    if rota.duties:
        out.append(para(f"The lead of the month takes on: {data.text(rota.duties)}.", s.body))
    columns = [Column("Month", 0.20), Column("Lead (single point of contact)", 0.40), Column("Buddy", 0.40)]
    rows = [Row([month_name(m.month), _rota_cell(data, m.lead), _rota_cell(data, m.buddy)]) for m in rota.months]
    out.append(data_table(columns, rows, data.width))
    buddies = Counter(m.buddy for m in rota.months)
    turns = [Row([_rota_cell(data, post), str(count), str(buddies.get(post, 0))])
             for post, count in lead_counts(rota).items()]
    turn_columns = [Column("Post", 0.60), Column("Months as lead", 0.20, True), Column("Months as buddy", 0.20, True)]
    out.append(KeepTogether([para("Turns", s.h2), data_table(turn_columns, turns, min(NARROW, data.width))]))
    return out + _findings_note(data, _rule_findings(data, ("rota-",)),
                                "The turns are balanced (they differ by at most one month), and no lead is their own "
                                "buddy.")


def _rota_cell(data: PackData, post_id: str) -> str:
    post = data.after.posts.get(post_id)
    if post is None:
        return lines(bold(f"{post_id}"), muted("not a post in the structure"))
    who = data.holder(post)
    return lines(bold(data.text(post.title)), muted(who) if who else "")


# ----- pay benchmarking -----------------------------------------------------------------


def has_benchmark(data: PackData) -> bool:
    return bool(data.after.benchmark.comparators)


class PayBox(Flowable):
    """One category's pay as a box plot in a table cell: whiskers lowest to highest, the box between
    the quartiles, the median a bar, the mean a diamond, and the post's pay a blue line."""

    HEIGHT = 11.0

    def __init__(self, stats: CategoryStats, low: float, high: float, pay: float | None) -> None:
        super().__init__()
        self.stats, self.low, self.high, self.pay = stats, low, high, pay

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.HEIGHT

    def _x(self, amount: float) -> float:
        return (amount - self.low) / (self.high - self.low) * self.width

    def draw(self) -> None:
        c, st, mid = self.canv, self.stats, self.HEIGHT / 2
        c.setStrokeColor(colors.HexColor(INK))
        c.setLineWidth(0.6)
        c.line(self._x(st.lowest), mid, self._x(st.highest), mid)
        for end in (st.lowest, st.highest):
            c.line(self._x(end), mid - 2.5, self._x(end), mid + 2.5)
        c.setFillColor(colors.HexColor(BOX_FILL))
        left = self._x(st.lower_quartile)
        c.rect(left, 1.5, max(self._x(st.upper_quartile) - left, 0.8), self.HEIGHT - 3, stroke=1, fill=1)
        c.setLineWidth(1.4)
        c.line(self._x(st.median), 1.5, self._x(st.median), self.HEIGHT - 1.5)
        c.setLineWidth(0.6)
        c.setFillColor(colors.white)
        x = self._x(st.mean)
        path = c.beginPath()
        path.moveTo(x, mid + 2.6)
        path.lineTo(x + 2.6, mid)
        path.lineTo(x, mid - 2.6)
        path.lineTo(x - 2.6, mid)
        path.close()
        c.drawPath(path, stroke=1, fill=1)
        if self.pay is not None:
            c.setStrokeColor(colors.HexColor(ACCENT))
            c.setLineWidth(1.4)
            c.line(self._x(self.pay), 0, self._x(self.pay), self.HEIGHT)


def pay_benchmarking_section(data: PackData) -> list[Flowable]:
    """Each category's average, quartiles and median, where the benchmarked post sits, and the comparators."""
    s, after = styles(), data.after
    benchmark = after.benchmark
    stats = all_stats(benchmark)
    chosen = benchmark.category or ALL
    position = None
    problem = ""
    if benchmark.post is not None:
        try:
            position = post_position(after, benchmark, benchmark.post, chosen)
        except ValueError as exc:
            problem = f"{str(exc)[:1].upper()}{str(exc)[1:]}."
    what = f"figures for {data.text(benchmark.role)}" if benchmark.role else "pay"
    out: list[Flowable] = [para(
        f"{len(benchmark.comparators)} comparable councils' {what}, by category: the mean (average), the "
        "quartiles and the median. Quartiles are inclusive, as a spreadsheet's QUARTILE.INC computes them.", s.body)]
    if position is not None:
        out.append(para(data.text(position_sentence(position)), s.body))
    elif problem:
        out.append(para(data.text(problem), s.body))
    pay = position.pay if position is not None else None
    amounts = [v for st in stats for v in (st.lowest, st.highest)] + ([pay] if pay is not None else [])
    pad = max((max(amounts) - min(amounts)) * 0.03, 500.0)
    low, high = min(amounts) - pad, max(amounts) + pad
    # money columns wide enough for "£188,817" on A4 portrait; the box plot takes what is left
    columns = [Column("Category", 0.19), Column("Count", 0.07, True), Column("Mean", 0.11, True),
               Column("Lower quartile", 0.11, True), Column("Median", 0.11, True),
               Column("Upper quartile", 0.11, True)]
    columns += [Column("Post vs mean", 0.11, True), Column("", 0.19)] if position is not None else \
        [Column("", 0.30)]
    rows = []
    for st in stats:
        name = bold(st.category) if st.category == chosen else st.category
        cells: list[object] = [name, str(st.count), money(st.mean), money(st.lower_quartile), money(st.median),
                               money(st.upper_quartile)]
        if pay is not None:
            cells.append(change(whole_pounds(pay) - whole_pounds(st.mean)))
        cells.append(PayBox(st, low, high, pay))
        rows.append(Row(cells))
    out.append(KeepTogether([para("By category", s.h2), data_table(columns, rows, data.width)]))
    legend = "Box: lower quartile to upper quartile; bar: median; diamond: mean; whiskers: lowest and highest pay."
    if pay is not None:
        legend += " Blue line: the post's pay."
    out.append(para(legend, s.note))
    names = benchmark.all_categories()
    comparator_columns = [Column("Council", 0.34), Column("Pay", 0.13, True), Column("Population", 0.13, True),
                          Column("Categories", 0.40)]
    comparator_rows = [Row([data.text(c.council), money(c.pay),
                            f"{c.population:,}" if c.population is not None else "\u2013",
                            muted("; ".join(n for n in names if n in c.categories), 7.5)])
                       for c in sorted(benchmark.comparators, key=lambda c: -c.pay)]
    out += [para("The comparators", flowing_heading()), data_table(comparator_columns, comparator_rows, data.width)]
    return out

