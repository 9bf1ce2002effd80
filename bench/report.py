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
    """The figure must stay below this at that size."""

    def describe(self, unit: str) -> str:
        return f"< {self.limit:g} {unit} at {self.posts:,}".replace("  ", " ")


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str
    digits: int
    target: Target | None = None


FIGURES = [
    Figure("open_s", "open a file, until painted", "s", 2, Target(5000, 2.0)),
    Figure("analysis_ms", "full analysis", "ms", 1),
    Figure("edit_analysis_ms", "one edit's recalculation (worst kind)", "ms", 3, Target(5000, 16.0)),
    Figure("edit_window_ms", "one edit in the window, painted", "ms", 1, Target(5000, 16.0)),
    Figure("move_window_ms", "new manager in the window (relayout)", "ms", 1),
    Figure("layout_ms", "layout (compact)", "ms", 1),
    Figure("first_paint_ms", "canvas first paint (fitted)", "ms", 1),
    Figure("drag_frame_ms", "drag one card: frame at 100%", "ms", 2, Target(5000, 16.0)),
    Figure("drag_frame_far_ms", "drag one card: frame at 25%", "ms", 2, Target(5000, 16.0)),
    Figure("drop_ms", "drop the card (edit, relayout)", "ms", 1),
    Figure("fit_repaint_ms", "zoom to fit, repainted", "ms", 1),
    Figure("pdf_s", "PDF export (A4 chart)", "s", 2),
    Figure("pdf_pages", "  pages", "", 0),
    Figure("dot_s", "Graphviz dot -Tpdf, same tree", "s", 2),
    Figure("pdf_vs_dot", "PDF export ÷ dot -Tpdf", "×", 2, Target(5000, 1.0)),
    Figure("peak_mb", "peak memory", "MiB", 0, Target(20000, 1024.0)),
]


def derived(figures: dict[str, Any]) -> dict[str, Any]:
    """The figures with the ratios worked out from them."""
    result = dict(figures)
    if figures.get("pdf_s") is not None and figures.get("dot_s"):
        result["pdf_vs_dot"] = figures["pdf_s"] / figures["dot_s"]
    return result


def table(results: Results, previous: Results | None = None) -> tuple[str, bool]:
    """The printed table, and whether every target that could be checked holds."""
    sizes = sorted(results["sizes"], key=int)
    now = {size: derived(results["sizes"][size]) for size in sizes}
    before = {size: derived(figures) for size, figures in (previous or {}).get("sizes", {}).items()}
    width = 16 if previous else 10
    header = f"{'figure':<40}{'unit':<5}" + "".join(f"{int(s):>{width},}" for s in sizes) + "   target"
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
            met = None if value is None else value < figure.target.limit
            all_met = all_met and met is not False
            verdict = f"   {figure.target.describe(figure.unit):<24}" + \
                      {True: "met", False: "MISSED", None: "not measured"}[met]
        lines.append(f"{figure.label:<40}{figure.unit:<5}{cells}{verdict}")
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
