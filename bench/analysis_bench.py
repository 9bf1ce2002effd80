"""Analysis speed: full analysis and single-edit recalculation on synthetic structures.

Run:  python bench/analysis_bench.py [SIZES...]     (default 1000 10000)
Targets (issue 2): full analysis of 10,000 posts under 0.5 s; one edit under 5 ms median.
Prints figures only; nothing here is a test. `bench/run.py` uses the same measurements.
"""

from __future__ import annotations

import random
import sys

from measure import Timing, seconds, time_runs, timing

from orgdesigner.analysis import Analysis
from orgdesigner.model import Structure
from orgdesigner.model.synthetic import synthetic_structure

EDITS = 300


def time_full(structure: Structure, runs: int = 3) -> Timing:
    return time_runs(lambda: Analysis(structure), runs)


def time_edits(structure: Structure, edits: int = EDITS) -> dict[str, Timing]:
    """Each kind of edit, timed from the model call to the analysis being current. Edits `structure`."""
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
        for _ in range(edits):
            post_id = rng.choice(ids[1:])
            try:
                times.append(seconds(lambda: edit(post_id)))
            except ValueError:
                continue  # a refused move (it would make a cycle) is not an edit
        results[name] = timing(times)
    structure.unsubscribe(analysis.apply)
    return results


def main(sizes: list[int]) -> None:
    print(f"{'posts':>7}  {'full (best)':>12}  {'full (median)':>14}  edit medians (ms)")
    for size in sizes:
        full = time_full(synthetic_structure(size))
        edits = time_edits(synthetic_structure(size))
        shown = ", ".join(f"{k} {v.median_ms:.3f}" for k, v in edits.items())
        print(f"{size:>7}  {full.best:>10.3f} s  {full.median:>12.3f} s  {shown}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
