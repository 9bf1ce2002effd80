"""Fold, focus and the overview at the size of a whole council (issue 13), headless, in the real window.

Run:  python bench/fold_bench.py [SIZES...]      (default 10000)
Targets (issue 13): folding or unfolding a branch of about 1,000 posts, Show Levels, focusing a branch and
leaving the focus, each painted within 50 ms; the overview repainted within 16 ms. Each figure is timed
until Qt has processed every event (the canvas repainted); the median of 5 runs. Prints figures only.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from canvas_bench import WindowBench
from measure import seconds

from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.ui.folding.feature import FoldFeature
from orgdesigner.ui.navigation.feature import NavigationFeature

RUNS = 5


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2] * 1000


def branch_of(structure, size: int) -> tuple[str, int]:
    """The post whose branch is nearest `size` posts, and that branch's size."""
    below: dict[str, int] = {}
    for post_id in reversed(list(_top_down(structure))):
        below[post_id] = sum(1 + below[r] for r in structure.reports_of(post_id))
    best = min(below, key=lambda p: abs(below[p] - size))
    return best, below[best]


def _top_down(structure):
    pending = [p for p, post in structure.posts.items() if post.reports_to is None]
    while pending:
        post_id = pending.pop(0)
        yield post_id
        pending.extend(structure.reports_of(post_id))


def measure(size: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        bench = WindowBench(Path(folder))
        structure = synthetic_structure(size)
        bench.open(structure)
        window = bench.window
        fold, overview = window.feature(FoldFeature), window.feature(NavigationFeature).overview
        branch, hidden = branch_of(window.document.structure, 1000)
        figures: dict[str, float] = {"branch size": hidden}
        done = bench.settle

        def timed(action) -> float:
            return seconds(lambda: (action(), done()))

        folds, unfolds = [], []
        for _ in range(RUNS):
            folds.append(timed(lambda: fold.toggle(branch)))
            unfolds.append(timed(lambda: fold.toggle(branch)))
        figures["fold a branch, painted (ms)"] = _median(folds)
        figures["unfold it, painted (ms)"] = _median(unfolds)
        levels, all_levels = [], []
        for _ in range(RUNS):
            levels.append(timed(lambda: fold.show_levels(3)))
            all_levels.append(timed(lambda: fold.state.show_all()))
        figures["show 3 levels, painted (ms)"] = _median(levels)
        figures["show all levels again, painted (ms)"] = _median(all_levels)
        focus, unfocus = [], []
        for _ in range(RUNS):
            focus.append(timed(lambda: fold.focus(branch)))
            unfocus.append(timed(lambda: fold.focus(None)))
        figures["focus the branch, painted (ms)"] = _median(focus)
        figures["back to the whole chart, painted (ms)"] = _median(unfocus)
        window.view.fit()
        done()
        overview.redraw_chart()
        figures["overview: chart redrawn (ms)"] = _median([seconds(lambda: (overview.redraw_chart(), overview.repaint()))
                                                          for _ in range(RUNS)])
        figures["overview: view moved, repainted (ms)"] = _median(
            [seconds(lambda: (overview.repaint())) for _ in range(RUNS)])
        bench.close()
        return figures


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [10_000]
    for size in sizes:
        print(f"{size:,} posts")
        for name, value in measure(size).items():
            print(f"  {name:<42} {value:10,.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
