"""Memory over repeated chart exports: what one export holds at its peak and what it leaves behind.

Run:  python bench/export_memory_bench.py [--runs N] [SIZES...]     (default 3 runs of 1000 and 3000)

Each size exports its chart as a PDF `--runs` times in one process, as the window does when a user exports
again and again, with tracemalloc on: the memory still held after each export (after a collection), the peak
during it, and the most sets of layout options the planner's trial layouts kept blocks for at once
(`layout.trial.OPTION_SETS_KEPT` bounds it). A figure that rises export after export is a leak. Prints
figures only; nothing here is a test.
"""

from __future__ import annotations

import argparse
import gc
import tracemalloc

from orgdesigner.layout import trial
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.pdf.chart.document import chart_pdf
from orgdesigner.pdf.options import PdfOptions


def option_sets_watch() -> list[int]:
    """Record, for each planning run from here on, the most option sets its trial layouts held at once."""
    most: list[int] = []
    measure = trial.TrialLayouts._measure

    def watched(self: trial.TrialLayouts, *args: object) -> object:
        if getattr(self, "_watch", None) is None:
            self._watch = len(most)
            most.append(0)
        result = measure(self, *args)
        most[self._watch] = max(most[self._watch], len(self.blocks))
        return result

    trial.TrialLayouts._measure = watched
    return most


def main(sizes: list[int], runs: int) -> None:
    most = option_sets_watch()
    print(f"{'posts':>7}  {'export':>6}  {'held after':>10}  {'peak during':>11}  {'option sets':>11}")
    for size in sizes:
        structure = synthetic_structure(size)
        chart_pdf(structure, PdfOptions())  # fonts registered and module caches filled before measuring
        gc.collect()
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        for run in range(1, runs + 1):
            tracemalloc.reset_peak()
            chart_pdf(structure, PdfOptions())
            gc.collect()
            held, peak = tracemalloc.get_traced_memory()
            print(f"{size:>7}  {run:>6}  {(held - base) / 1e6:>7.2f} MB  {(peak - base) / 1e6:>8.1f} MB  {most[-1]:>11}")
        tracemalloc.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 3000])
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    main(arguments.sizes, arguments.runs)
