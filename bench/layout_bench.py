"""Layout speed: compute_layout on synthetic structures, spread and compact.

Run:  python bench/layout_bench.py [SIZES...]     (default 1000 5000 20000)
Target: 20,000 posts laid out well under a second. Prints figures only; nothing here is a test.
`bench/run.py` uses the same measurement.
"""

from __future__ import annotations

import sys

from measure import Timing, time_runs

from orgdesigner.layout import LayoutOptions, compute_layout
from orgdesigner.model import Structure
from orgdesigner.model.synthetic import synthetic_structure

RUNS = 5


def time_layout(structure: Structure, compact: bool, runs: int = RUNS) -> Timing:
    """One layout of `structure`, timed `runs` times."""
    options = LayoutOptions(compact=compact)
    return time_runs(lambda: compute_layout(structure, options), runs)


def main(sizes: list[int]) -> None:
    print(f"{'posts':>7}  {'spread best':>12}  {'median':>9}  {'compact best':>13}  {'median':>9}")
    for size in sizes:
        structure = synthetic_structure(size)
        spread = time_layout(structure, compact=False)
        compact = time_layout(structure, compact=True)
        print(f"{size:>7}  {spread.best:>10.3f} s  {spread.median:>7.3f} s  {compact.best:>11.3f} s"
              f"  {compact.median:>7.3f} s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000, 20000])
