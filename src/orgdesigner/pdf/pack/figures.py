"""Span and tier figures, current beside proposed: the headline shape, posts per layer, the spread of
spans of control, posts per tier, and each manager's span."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ...analysis import Analysis
from ...model import Structure
from ...presentation.chartstyle import ACCENT
from ...presentation.figures import one_place, rounded_change
from ..styles import (NARROW, Column, Row, block_width, bold, data_table, lines, muted, para, side_by_side,
                      styles, without_column)
from .data import PackData

CURRENT_BAR = "#aab5c3"


class BarPair(Flowable):
    """Two thin bars in a table cell: the current figure (grey) above the proposed one (accent)."""

    BAR, GAP = 3.6, 1.6

    def __init__(self, current: int, proposed: int, largest: int) -> None:
        super().__init__()
        self.current, self.proposed, self.largest = current, proposed, max(largest, 1)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 2 * self.BAR + self.GAP

    def draw(self) -> None:
        for index, (value, colour) in enumerate(((self.current, CURRENT_BAR), (self.proposed, ACCENT))):
            if value:
                self.canv.setFillColor(colors.HexColor(colour))
                y = self.BAR + self.GAP if index == 0 else 0
                self.canv.rect(0, y, self.width * value / self.largest, self.BAR, stroke=0, fill=1)


def spans_and_tiers(data: PackData) -> list[Flowable]:
    s = styles()
    before, after = data.before_analysis, data.after_analysis
    out: list[Flowable] = [para(
        "The shape of the structure before and after: how many layers of management there are from the top "
        "post down, how many posts each manager line manages directly (dotted lines are not counted)"
        + (", and how many posts sit in each tier." if data.has_tiers else ". Neither structure gives its posts tiers."),
        s.body)]
    out.append(KeepTogether([para("At a glance", s.h2), _headline(data)]))
    distributions: list[tuple[str, str, Sequence[tuple[Any, int, int]], Callable[[Any], str]]] = [
        ("Posts per layer", "Layer", _pairs(before.layer_counts(), after.layer_counts()), lambda k: f"Layer {k}"),
        ("Spans of control", "Direct reports", _pairs(_span_spread(before), _span_spread(after)), str),
    ]
    if data.has_tiers:
        distributions.append(("Posts per tier", "Tier", _tier_pairs(data), lambda k: f"Tier {k}" if k else "No tier"))
    width = block_width(data.width, len(distributions))
    out.append(Spacer(0, 6))
    out += side_by_side([[para(title, s.h2), _distribution(label, pairs, name, width)]
                         for title, label, pairs, name in distributions], data.width, data.height)
    out.append(para("Grey bars: current structure. Blue bars: proposed structure. The spans count each manager "
                    "once, by the number of posts it line manages.", s.note))
    out.append(KeepTogether([para("Each manager's span", s.h2), _managers(data)]))
    return out


def _headline(data: PackData) -> Flowable:
    rows = []
    for label, current, proposed in (
        ("Posts", data.before_analysis.totals().posts, data.after_analysis.totals().posts),
        ("Layers", data.before_analysis.layers(), data.after_analysis.layers()),
        ("Managers (posts with line reports)", len(data.before_analysis.spans()), len(data.after_analysis.spans())),
        ("Largest span", data.before_analysis.max_span(), data.after_analysis.max_span()),
    ):
        rows.append(Row([label, f"{current}", f"{proposed}", rounded_change(current, proposed, 0)]))
    before, after = (a.average_span() or 0.0 for a in (data.before_analysis, data.after_analysis))
    rows.append(Row(["Average span of a manager", one_place(before), one_place(after),
                     rounded_change(before, after, 1)]))
    columns = [Column("", 0.46), Column("Current", 0.18, True), Column("Proposed", 0.18, True),
               Column("Change", 0.18, True)]
    return data_table(columns, rows, min(NARROW, data.width))


def _span_spread(analysis: Analysis) -> dict[int, int]:
    """How many managers have each span (posts with no line reports are not managers)."""
    return dict(Counter(analysis.spans().values()))


def _pairs(before: dict[int, int], after: dict[int, int]) -> list[tuple[int, int, int]]:
    keys = sorted(set(before) | set(after))
    return [(k, before.get(k, 0), after.get(k, 0)) for k in keys]


def _tier_pairs(data: PackData) -> list[tuple[str | None, int, int]]:
    rules = data.after_analysis.rules
    counts = [Counter(p.tier for p in s.posts.values()) for s in (data.before, data.after)]

    def rank(tier: str | None) -> tuple[float, str]:
        value = rules.rank(tier)
        return (value if value is not None else float("inf"), tier or "")
    return [(t, counts[0].get(t, 0), counts[1].get(t, 0)) for t in sorted(set(counts[0]) | set(counts[1]), key=rank)]


def _distribution(label: str, pairs: Sequence[tuple[Any, int, int]], name: Callable[[Any], str],
                  width: float) -> Flowable:
    largest = max((max(c, p) for _, c, p in pairs), default=1)
    columns = [Column(label, 0.30), Column("Current", 0.20, True), Column("Proposed", 0.22, True),
               Column("", 0.28)]
    rows = [Row([name(key), f"{current}", f"{proposed}", BarPair(current, proposed, largest)])
            for key, current, proposed in pairs]
    return data_table(columns, rows, width)


def _managers(data: PackData) -> Flowable:
    """Every manager of the proposed structure, widest span first, with the same post's span before."""
    after, before = data.after_analysis, data.before_analysis
    limit = after.rules.rules["span-over-limit"].params.get("max")
    spans = sorted(after.spans().items(), key=lambda item: (-item[1], _title(data.after, item[0])))
    rows = []
    for post_id, span in spans:
        post = data.after.posts[post_id]
        earlier = f"{before.span(post_id)}" if post_id in data.before.posts else "new post"
        over = muted(f"over the limit of {limit}") if limit is not None and span > limit else ""
        rows.append(Row([lines(bold(data.text(post.title)), over), post.tier or "", earlier, f"{span}"]))
    columns = [Column("Manager (proposed structure)", 0.58), Column("Tier", 0.10), Column("Current span", 0.16, True),
               Column("Proposed span", 0.16, True)]
    if not data.has_tiers:
        columns, rows = without_column(columns, rows, "Tier")
    return data_table(columns, rows, data.width)


def _title(structure: Structure, post_id: str) -> str:
    return structure.posts[post_id].title
