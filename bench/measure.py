"""Measuring helpers shared by every benchmark here: timings and the process's peak memory."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """Seconds taken by repeated runs of one action."""

    best: float
    median: float
    worst: float = 0.0

    @property
    def median_ms(self) -> float:
        return self.median * 1000

    @property
    def worst_ms(self) -> float:
        return self.worst * 1000

    @property
    def best_ms(self) -> float:
        return self.best * 1000


def time_runs(action: Callable[[], object], runs: int) -> Timing:
    """Run `action` `runs` times and time each run."""
    return timing(seconds(action) for _ in range(runs))


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def timing(samples: Iterable[float]) -> Timing:
    """Best, median and worst of some samples in seconds (at least one)."""
    values = list(samples)
    if not values:
        raise ValueError("no runs were timed")
    return Timing(min(values), statistics.median(values), max(values))


def peak_memory_mb() -> float:
    """This process's peak resident memory so far, in MiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
