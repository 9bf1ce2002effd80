"""Whole-process times, each from a fresh Python process, as a user starts the program (issue 14).

Run:  python bench/process_bench.py FILE [RUNS]
Times `orgdesigner FILE --screenshot OUT.png` (start to the window laid out, painted and grabbed,
then exit: the nearest a headless run comes to "start to painted window"), `orgdesigner
--screenshot OUT.png` (an empty window) and `orgdesigner check FILE --json`, each the median of
RUNS runs (default 3). The package is byte-compiled first, as an installed one is, so no run pays
for compiling. Prints figures only; `bench/run.py` uses the same measurement.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orgdesigner

RUNS = 3


def byte_compile() -> None:
    """Compile the package's modules once, as `python -m compileall -q src` does."""
    compileall.compile_dir(str(Path(orgdesigner.__file__).parent), quiet=1)


def time_process(arguments: list[str], runs: int = RUNS) -> float:
    """Median seconds of `python -m orgdesigner ARGUMENTS` in a fresh process, offscreen, with settings of
    its own; raises RuntimeError if it fails."""
    times = []
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": home}
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "orgdesigner", *arguments], capture_output=True, text=True,
                                  env=env)
            times.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):  # check exits 1 on error findings
                raise RuntimeError(f"orgdesigner {' '.join(arguments)} failed (exit {done.returncode}):\n"
                                   + "\n".join(done.stderr.strip().splitlines()[-10:]))
    return statistics.median(times)


def time_processes(file: Path, runs: int = RUNS) -> dict[str, float]:
    """Seconds for the window with FILE, an empty window, and `check --json`, each from a fresh process."""
    byte_compile()
    with tempfile.TemporaryDirectory() as folder:
        shot = str(Path(folder) / "window.png")
        return {"start_s": time_process([str(file), "--screenshot", shot], runs),
                "empty_start_s": time_process(["--screenshot", shot], runs),
                "check_s": time_process(["check", str(file), "--json"], runs)}


def main(argv: list[str]) -> None:
    file = Path(argv[0])
    figures = time_processes(file, int(argv[1]) if len(argv) > 1 else RUNS)
    for name, value in figures.items():
        print(f"{name:<16}{value:>8.3f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
