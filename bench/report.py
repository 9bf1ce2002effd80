"""The benchmark table: every figure by size, the targets they are held to, and the change from an earlier run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Results = dict[str, Any]
"""{"machine": {...}, "when": ISO time, "sizes": {"5000": {figure key: value}}}."""


@dataclass(frozen=True)
class Target:
    posts: int
    limit: float
    """The figure must stay below this at that size (or reach it, when `at_least`)."""
    at_least: bool = False

    def describe(self, unit: str) -> str:
        return f"{'≥' if self.at_least else '<'} {self.limit:g} {unit} at {self.posts:,}".replace("  ", " ")

    def met(self, value: float) -> bool:
        return value >= self.limit if self.at_least else value < self.limit


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str
    digits: int
    target: Target | None = None


EDIT_KINDS = (("field", "a field (grade)"), ("manager", "a new manager"), ("group", "a move into a group"),
              ("add", "add a post"), ("delete", "delete a post"), ("paste", "paste 50 posts"))
"""The single edits timed in the window (`edit_bench.py`), by key and as the table names them."""

FRAME, WORST = 16.0, 50.0
"""Issue 14: any single edit, its undo and its redo painted within a frame (median) and 50 ms (worst)."""
BIG = 10000
"""The size issue 14's targets are held at."""


def _edit_figures() -> list[Figure]:
    figures = []
    for key, label in EDIT_KINDS:
        figures.append(Figure(f"edit_{key}_ms", f"edit: {label}, median", "ms", 1, Target(BIG, FRAME)))
        figures.append(Figure(f"edit_{key}_worst_ms", f"edit: {label}, worst", "ms", 1, Target(BIG, WORST)))
    for step in ("undo", "redo"):
        figures.append(Figure(f"{step}_ms", f"{step} (slowest kind), median", "ms", 1, Target(BIG, FRAME)))
        figures.append(Figure(f"{step}_worst_ms", f"{step} (slowest kind), worst", "ms", 1, Target(BIG, WORST)))
    return figures


FIGURES = [
    Figure("start_s", "orgdesigner FILE → painted (process)", "s", 2, Target(BIG, 1.0)),
    Figure("empty_start_s", "empty window → painted (process)", "s", 2, Target(BIG, 0.6)),
    Figure("check_s", "orgdesigner check --json (process)", "s", 2, Target(BIG, 0.5)),
    Figure("open_s", "load → first paint (in process)", "s", 2, Target(BIG, 0.5)),
    Figure("analysis_ms", "full analysis", "ms", 1),
    Figure("edit_analysis_ms", "one edit's recalculation (worst kind)", "ms", 3, Target(5000, 16.0)),
    Figure("edit_window_ms", "one edit in the window, painted", "ms", 1, Target(5000, 16.0)),
    Figure("move_window_ms", "new manager in the window (relayout)", "ms", 1),
    *_edit_figures(),
    Figure("layout_ms", "layout (compact)", "ms", 1),
    Figure("first_paint_ms", "canvas first paint (fitted)", "ms", 1),
    Figure("drag_frame_ms", "drag one card: frame at 100%", "ms", 2, Target(BIG, 16.0)),
    Figure("drag_frame_far_ms", "drag one card: frame at 25%", "ms", 2, Target(BIG, 16.0)),
    Figure("drop_ms", "drop the card (edit, relayout)", "ms", 1),
    Figure("fit_repaint_ms", "Fit to Window, repainted", "ms", 1, Target(BIG, 16.0)),
    Figure("pdf_s", "PDF export (A4 chart)", "s", 2),
    Figure("pdf_pages", "  pages", "", 0),
    Figure("posts_per_page", "  posts per page", "", 1, Target(1000, 15.0, at_least=True)),
    Figure("dot_s", "Graphviz dot -Tpdf, same tree", "s", 2),
    Figure("pdf_vs_dot", "PDF export ÷ dot -Tpdf", "×", 2, Target(BIG, 0.1)),
    Figure("peak_mb", "peak memory", "MiB", 0, Target(20000, 600.0)),
]


def derived(figures: dict[str, Any]) -> dict[str, Any]:
    """The figures with the ratios worked out from them."""
    result = dict(figures)
    if figures.get("pdf_s") is not None and figures.get("dot_s"):
        result["pdf_vs_dot"] = figures["pdf_s"] / figures["dot_s"]
    if figures.get("pdf_pages"):
        result["posts_per_page"] = figures["posts"] / figures["pdf_pages"]
    return result


def table(results: Results, previous: Results | None = None) -> tuple[str, bool]:
    """The printed table, and whether every target that could be checked holds."""
    sizes = sorted(results["sizes"], key=int)
    now = {size: derived(results["sizes"][size]) for size in sizes}
    before = {size: derived(figures) for size, figures in (previous or {}).get("sizes", {}).items()}
    width = 16 if previous else 10
    label_width = max(len(f.label) for f in FIGURES) + 2
    header = f"{'figure':<{label_width}}{'unit':<5}" + "".join(f"{int(s):>{width},}" for s in sizes) + "   target"
    lines = [header, "-" * len(header)]
    all_met = True
    for figure in FIGURES:
        if not any(figure.key in now[s] for s in sizes):
            continue
        cells = "".join(f"{_cell(figure, now[s].get(figure.key), before.get(s, {}).get(figure.key)):>{width}}"
                        for s in sizes)
        verdict = ""
        if figure.target is not None:
            value = now.get(str(figure.target.posts), {}).get(figure.key)
            met = None if value is None else figure.target.met(value)
            all_met = all_met and met is not False
            verdict = f"   {figure.target.describe(figure.unit):<26}" + \
                      {True: "met", False: "MISSED", None: "not measured"}[met]
        lines.append(f"{figure.label:<{label_width}}{figure.unit:<5}{cells}{verdict}")
    for size in sizes:
        note = now[size].get("dot_note")
        if note:
            lines.append(f"dot at {int(size):,} posts: {note}")
    return "\n".join(lines), all_met


def machine_line(results: Results) -> str:
    m = results["machine"]
    return f"{results['when']} · {m['cpus']} CPUs · Python {m['python']} · {m['platform']}"


def _cell(figure: Figure, value: float | None, previous: float | None) -> str:
    if value is None:
        return "–"
    text = f"{value:,.{figure.digits}f}"
    if previous:
        text += f" ({(value - previous) / previous:+.0%})"
    return text
