"""Every figure of the benchmark suite for one size, measured in this process (run by `run.py`).

Run:  python bench/one_size.py POSTS OUT.json [--dot-timeout SECONDS] [--no-dot]

One process per size, so its peak memory is that size's alone: it opens, edits, paints,
drags, zooms and prints one synthetic structure, then writes the figures to OUT.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from analysis_bench import time_edits, time_full  # noqa: E402
from canvas_bench import WindowBench  # noqa: E402
from dot_bench import DotMissing, DotTooSlow, time_dot_pdf  # noqa: E402
from edit_bench import time_edit_kinds  # noqa: E402
from layout_bench import time_layout  # noqa: E402
from measure import peak_memory_mb  # noqa: E402
from pdf_bench import time_chart_pdf  # noqa: E402
from process_bench import time_processes  # noqa: E402

from orgdesigner.model import save  # noqa: E402
from orgdesigner.model.synthetic import synthetic_structure  # noqa: E402

ZOOMED_OUT = 0.25
"""A drag's zoom when the cards are plain boxes (the canvas drops their text below 0.35)."""


def measure(size: int, dot_timeout: float | None, runs: int) -> dict[str, object]:
    """The figures for a `size`-post synthetic structure; `dot_timeout` None leaves Graphviz out; `runs` is
    how many times each whole process and each kind of edit is timed."""
    figures: dict[str, object] = {"posts": size}
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "synthetic.orgd"
        save(synthetic_structure(size), file)
        figures.update(time_processes(file, runs))  # before this process grows: fresh processes of their own
    figures["analysis_ms"] = time_full(synthetic_structure(size)).best_ms
    edits = time_edits(synthetic_structure(size))
    figures["edit_analysis_ms"] = max(t.median_ms for t in edits.values())
    figures["layout_ms"] = time_layout(synthetic_structure(size), compact=True).best_ms
    with tempfile.TemporaryDirectory() as folder:
        window = WindowBench(Path(folder))
        opened, first_paint = window.open(synthetic_structure(size))
        figures["open_s"], figures["first_paint_ms"] = opened, first_paint * 1000
        figures["edit_window_ms"] = window.field_edit().median_ms
        figures["move_window_ms"] = window.move_post().median_ms
        edits = time_edit_kinds(window, runs)
        for kind, timings in edits.items():
            figures[f"edit_{kind}_ms"], figures[f"edit_{kind}_worst_ms"] = timings.do.median_ms, timings.do.worst_ms
        for step in ("undo", "redo"):
            slowest = max((getattr(t, step) for t in edits.values()), key=lambda t: t.median)
            figures[f"{step}_ms"] = slowest.median_ms
            figures[f"{step}_worst_ms"] = max(getattr(t, step).worst_ms for t in edits.values())
        frames, drops = window.drag(1.0)
        figures["drag_frame_ms"], figures["drop_ms"] = frames.median_ms, drops.median_ms
        figures["drag_frame_far_ms"] = window.drag(ZOOMED_OUT)[0].median_ms
        figures["fit_repaint_ms"] = window.fit_repaint().median_ms
        window.close()
        run = time_chart_pdf(synthetic_structure(size))
        figures["pdf_s"], figures["pdf_pages"] = run.seconds, run.pages
        if dot_timeout is not None:
            try:
                figures["dot_s"] = time_dot_pdf(synthetic_structure(size), Path(folder), dot_timeout)
            except (DotMissing, DotTooSlow) as exc:
                figures["dot_note"] = str(exc)
    figures["peak_mb"] = peak_memory_mb()
    return figures


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--dot-timeout", type=float, default=1800.0)
    parser.add_argument("--no-dot", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    figures = measure(args.posts, None if args.no_dot else args.dot_timeout, args.runs)
    args.out.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
