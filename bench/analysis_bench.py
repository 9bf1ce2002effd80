"""Analysis speed: full analysis and single-edit recalculation on synthetic structures.

Run:  python bench/analysis_bench.py [SIZES...]     (default 1000 10000)
Targets (issue 2): full analysis of 10,000 posts under 0.5 s; one edit under 5 ms median.
Prints figures only; nothing here is a test.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from orgdesigner.analysis import Analysis
from orgdesigner.model.synthetic import synthetic_structure

EDITS = 300


def time_full(size: int) -> tuple[float, float]:
    structure = synthetic_structure(size)
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        Analysis(structure)
        runs.append(time.perf_counter() - start)
    return min(runs), statistics.median(runs)


def time_edits(size: int) -> dict[str, float]:
    """Median milliseconds per kind of edit, each timed from the model call to the analysis being current."""
    structure = synthetic_structure(size)
    analysis = Analysis(structure)
    structure.subscribe(analysis.apply)
    rng = random.Random(7)
    ids = list(structure.posts)
    managers = [p for p in ids if structure.reports_of(p)]
    kinds = {
        "move a post": lambda p: structure.set_manager(p, rng.choice(managers)),
        "change grade": lambda p: structure.update_post(p, grade=rng.choice(["G3", "G6", "G9"])),
        "change FTE": lambda p: structure.update_post(p, fte=rng.choice([0.5, 0.8, 1.0])),
        "change tier": lambda p: structure.update_post(p, tier=rng.choice(["3B", "4", "5"])),
    }
    results = {}
    for name, edit in kinds.items():
        times = []
        for _ in range(EDITS):
            post_id = rng.choice(ids[1:])
            start = time.perf_counter()
            try:
                edit(post_id)
            except ValueError:
                continue  # a refused move (it would make a cycle) is not an edit
            times.append(time.perf_counter() - start)
        results[name] = statistics.median(times) * 1000
    return results


def main(sizes: list[int]) -> None:
    print(f"{'posts':>7}  {'full (best)':>12}  {'full (median)':>14}  edit medians (ms)")
    for size in sizes:
        best, median = time_full(size)
        edits = time_edits(size)
        shown = ", ".join(f"{k} {v:.3f}" for k, v in edits.items())
        print(f"{size:>7}  {best:>10.3f} s  {median:>12.3f} s  {shown}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
