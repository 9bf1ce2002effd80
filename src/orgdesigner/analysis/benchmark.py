"""Pay benchmarking: averages and quartiles of comparators' pay by category, and where a post sits.

Quartiles are inclusive (Excel's QUARTILE.INC), as the spreadsheets councils benchmark in
compute them. A post's pay is its salary, else the top of its grade: the most it can be paid.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..model import Benchmark, Comparator, Structure
from .costing import pay_ceiling

ALL = "All comparators"
"""The pseudo-category every comparator is in."""


@dataclass(frozen=True)
class CategoryStats:
    category: str
    count: int
    mean: float
    median: float
    lower_quartile: float
    upper_quartile: float
    lowest: float
    highest: float

    def as_dict(self) -> dict[str, object]:
        return {"category": self.category, "count": self.count, "mean": round(self.mean, 2),
                "median": round(self.median, 2), "lower_quartile": round(self.lower_quartile, 2),
                "upper_quartile": round(self.upper_quartile, 2), "lowest": self.lowest, "highest": self.highest}


@dataclass(frozen=True)
class PostPosition:
    """A post's pay against one category's figures."""

    post: str
    title: str
    pay: float
    pay_bottom: float | None
    """The bottom of the post's grade, when it is paid on a grade rather than a salary of its own."""
    against: CategoryStats
    paid_less: int
    """How many comparators in the category are paid less than the post can be."""

    @property
    def vs_mean(self) -> float:
        return self.pay - self.against.mean

    @property
    def vs_median(self) -> float:
        return self.pay - self.against.median

    @property
    def quarter(self) -> int:
        """1 (at or below the lower quartile) to 4 (above the upper quartile)."""
        s = self.against
        return 1 + sum(self.pay > level for level in (s.lower_quartile, s.median, s.upper_quartile))

    def as_dict(self) -> dict[str, object]:
        return {"post": self.post, "title": self.title, "pay": self.pay, "pay_bottom": self.pay_bottom,
                "category": self.against.category, "vs_mean": round(self.vs_mean, 2),
                "vs_median": round(self.vs_median, 2), "quarter": self.quarter, "paid_less": self.paid_less,
                "count": self.against.count}


def categories(benchmark: Benchmark) -> list[str]:
    """The benchmark's categories in order, then ALL."""
    return [*benchmark.all_categories(), ALL]


def resolve_category(benchmark: Benchmark, text: str) -> str:
    """The category named `text` (any letter case; "all" means ALL), or a ValueError listing them."""
    wanted = text.strip().casefold()
    for name in categories(benchmark):
        if name.casefold() == wanted or (name == ALL and wanted == "all"):
            return name
    known = ", ".join(repr(c) for c in categories(benchmark))
    raise ValueError(f"there is no comparator category {text!r} (the categories are {known})")


def members(benchmark: Benchmark, category: str) -> list[Comparator]:
    return [c for c in benchmark.comparators if category == ALL or category in c.categories]


def category_stats(benchmark: Benchmark, category: str) -> CategoryStats:
    pays = sorted(c.pay for c in members(benchmark, category))
    if not pays:
        raise ValueError(f"no comparator is in the category {category!r}")
    if len(pays) == 1:
        lower = median = upper = pays[0]
    else:
        lower, median, upper = statistics.quantiles(pays, n=4, method="inclusive")
    return CategoryStats(category, len(pays), statistics.fmean(pays), median, lower, upper, pays[0], pays[-1])


def all_stats(benchmark: Benchmark) -> list[CategoryStats]:
    """Figures for every category with comparators in it, then for all of them; none without comparators."""
    return [category_stats(benchmark, category) for category in categories(benchmark)
            if members(benchmark, category)]


def post_position(structure: Structure, benchmark: Benchmark, post_id: str, category: str) -> PostPosition:
    """Where a post's pay sits among `benchmark`'s comparators in a category; a ValueError when the
    post is unknown or has no pay."""
    post = structure.posts.get(post_id)
    if post is None:
        raise ValueError(f"there is no post {post_id!r} to benchmark")
    pay = pay_ceiling(post, structure.pay_scales)
    if pay is None:
        raise ValueError(f"'{post.title}' has neither a salary nor a grade with a pay scale, so its pay "
                         "cannot be benchmarked")
    scale = structure.pay_scales.get(post.grade) if post.salary is None and post.grade is not None else None
    stats = category_stats(benchmark, category)
    paid_less = sum(1 for c in members(benchmark, category) if c.pay < pay)
    return PostPosition(post.id, post.title, pay, scale.min if scale is not None else None, stats, paid_less)
