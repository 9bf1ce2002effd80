"""Layout speed: compute_layout on synthetic structures, spread and compact.

Run:  python bench/layout_bench.py [SIZES...]     (default 1000 5000 20000)
Target: 20,000 posts laid out well under a second. Prints figures only; nothing here is a test.
"""

from __future__ import annotations

import statistics
import sys
import time

from orgdesigner.layout import LayoutOptions, compute_layout
from orgdesigner.model.synthetic import synthetic_structure

RUNS = 5


def time_layout(size: int, compact: bool) -> tuple[float, float]:
    """Best and median seconds for one layout of a `size`-post structure."""
    structure = synthetic_structure(size)
    options = LayoutOptions(compact=compact)
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        compute_layout(structure, options)
        runs.append(time.perf_counter() - start)
    return min(runs), statistics.median(runs)


def main(sizes: list[int]) -> None:
    print(f"{'posts':>7}  {'spread best':>12}  {'median':>9}  {'compact best':>13}  {'median':>9}")
    for size in sizes:
        spread = time_layout(size, compact=False)
        compact = time_layout(size, compact=True)
        print(f"{size:>7}  {spread[0]:>10.3f} s  {spread[1]:>7.3f} s  {compact[0]:>11.3f} s  {compact[1]:>7.3f} s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000, 20000])
