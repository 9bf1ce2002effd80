"""The benchmark suite (issues 8 and 14): every figure at each size, as a table, optionally against an earlier run.

Run:  .venv/bin/python bench/run.py [--sizes 1000,5000,10000,20000] [--runs 5] [--save results.json]
                                    [--compare previous.json] [--no-dot] [--dot-timeout SECONDS]

Each size is measured in a fresh process (`one_size.py`), so peak memory is that size's own;
the canvas figures come from the real window, headless; the start-up and `check` figures
are whole processes started afresh (`process_bench.py`), with the package byte-compiled first. Graphviz `dot` is timed on the same
tree when it is installed; without it the table says so and leaves its figures out. Exits 1
when a size fails or a target is missed, 2 on bad options or an unreadable --compare file.
Not part of the tests (pytest collects `tests/` only).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from report import Results, machine_line, table

HERE = Path(__file__).resolve().parent


def measure_size(size: int, no_dot: bool, dot_timeout: float, runs: int) -> dict:
    """Run `one_size.py` for one size; raises RuntimeError with the end of its output if it fails."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "figures.json"
        command = [sys.executable, str(HERE / "one_size.py"), str(size), str(out), "--dot-timeout", str(dot_timeout),
                   "--runs", str(runs)]
        if no_dot:
            command.append("--no-dot")
        done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        if done.returncode != 0 or not out.exists():
            tail = "\n".join(done.stderr.strip().splitlines()[-15:])
            raise RuntimeError(f"measuring {size:,} posts failed (exit {done.returncode}):\n{tail}")
        return json.loads(out.read_text(encoding="utf-8"))


def sizes_option(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"--sizes takes whole numbers separated by commas, not {text!r}") from None
    if not sizes or any(size < 3 for size in sizes):
        raise argparse.ArgumentTypeError(f"--sizes needs one or more sizes of at least 3 posts, not {text!r}")
    return sizes


def read_previous(path: Path) -> Results:
    """A run saved with --save; raises ValueError naming the file and what is wrong with it."""
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"--compare {path}: cannot read it ({exc})") from None
    if not isinstance(results, dict) or not isinstance(results.get("sizes"), dict) or "machine" not in results:
        raise ValueError(f"--compare {path}: not a file written by bench/run.py --save")
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="OrgDesigner benchmark suite (issues 8 and 14)")
    parser.add_argument("--sizes", type=sizes_option, default=[1000, 5000, 10000, 20000],
                        help="posts in each synthetic structure, comma separated (default 1000,5000,10000,20000)")
    parser.add_argument("--runs", type=int, default=5,
                        help="times each whole process (median) and each kind of edit (median, worst) is timed")
    parser.add_argument("--save", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--compare", type=Path, help="show the change from a run saved with --save")
    parser.add_argument("--no-dot", action="store_true", help="leave Graphviz dot out")
    parser.add_argument("--dot-timeout", type=float, default=1800.0, help="seconds dot may take per size")
    args = parser.parse_args(argv)
    try:
        previous = read_previous(args.compare) if args.compare else None
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    notes = []
    if not args.no_dot and shutil.which("dot") is None:
        notes.append("Graphviz dot is not installed (apt-get install graphviz): its figures are left out.")
        print(notes[-1], file=sys.stderr)
        args.no_dot = True
    results: Results = {"when": datetime.now().isoformat(timespec="minutes"),
                        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                    "platform": platform.platform(terse=True)},
                        "sizes": {}}
    failed = False
    for size in args.sizes:
        print(f"measuring {size:,} posts…", file=sys.stderr, flush=True)
        try:
            results["sizes"][str(size)] = measure_size(size, args.no_dot, args.dot_timeout, args.runs)
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            failed = True
    if not results["sizes"]:
        return 1
    if args.save:
        args.save.write_text(json.dumps(results, indent=1), encoding="utf-8")
    text, targets_met = table(results, previous)
    print(machine_line(results))
    if previous:
        print(f"change in brackets from {args.compare} ({machine_line(previous)})")
    print(text)
    for note in notes:
        print(note)
    return 1 if failed or not targets_met else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
