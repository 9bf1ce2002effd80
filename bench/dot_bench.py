"""The same chart laid out and printed by Graphviz `dot`, for comparison with our PDF export.

Run:  python bench/dot_bench.py [SIZES...]     (default 1000 5000)
Needs Graphviz (`apt-get install graphviz`); says so, and exits 2, when `dot` is missing.
Prints figures only; nothing here is a test. `bench/run.py` uses the same measurement.

The DOT file holds the line-management tree with one box per post carrying the card's text
(title, grade · tier · FTE, cost, status) and one edge per reporting line, solid or dotted;
`dot` lays it out top-down and writes one PDF page, as it does by default.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import seconds

from orgdesigner.analysis import Analysis
from orgdesigner.model import Structure
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.presentation.chartstyle import card_lines, card_style
from orgdesigner.presentation.money import money


class DotMissing(Exception):
    """Graphviz is not installed (or `dot` is not on the PATH)."""


class DotTooSlow(Exception):
    """`dot` ran past the time allowed."""


def dot_source(structure: Structure) -> str:
    """The structure's chart as a DOT graph: boxes with the card text, edges for reporting lines."""
    analysis = Analysis(structure)
    out = ["digraph chart {",
           '  graph [rankdir=TB, nodesep=0.15, ranksep=0.45];',
           '  node [shape=box, style="rounded,filled", fillcolor=white, fontname="DejaVu Sans", fontsize=8];',
           "  edge [arrowhead=none];"]
    for post in structure.posts.values():
        cost = analysis.cost(post.id)
        amount = money(cost.gross) + (f" (net {money(cost.net)})" if abs(cost.net - cost.gross) > 0.5 else "")
        lines = [post.title, card_lines(post), amount]
        style = card_style(post)
        if style.label:
            lines.append(style.label)
        label = "\\n".join(_quoted(line) for line in lines)
        out.append(f'  "{_quoted(post.id)}" [label="{label}", color="{style.border}", fillcolor="{style.fill}"];')
    for post in structure.posts.values():
        if post.reports_to is not None:
            out.append(f'  "{_quoted(post.reports_to)}" -> "{_quoted(post.id)}";')
        for line in post.dotted:
            out.append(f'  "{_quoted(line.manager)}" -> "{_quoted(post.id)}" [style=dashed, constraint=false];')
    out.append("}")
    return "\n".join(out) + "\n"


def time_dot_pdf(structure: Structure, folder: Path, timeout: float) -> float:
    """Seconds `dot -Tpdf` takes to lay out and print the structure's chart (the DOT file is written first).
    Raises DotMissing without Graphviz, DotTooSlow past `timeout` seconds."""
    dot = shutil.which("dot")
    if dot is None:
        raise DotMissing("Graphviz `dot` is not installed (on Debian or Ubuntu: apt-get install graphviz)")
    source, target = folder / "chart.dot", folder / "chart-dot.pdf"
    source.write_text(dot_source(structure), encoding="utf-8")
    command = [dot, "-Tpdf", "-o", str(target), str(source)]
    try:
        elapsed = seconds(lambda: subprocess.run(command, check=True, capture_output=True, timeout=timeout))
    except subprocess.TimeoutExpired:
        raise DotTooSlow(f"dot -Tpdf took longer than {timeout:.0f} s") from None
    except subprocess.CalledProcessError as exc:
        raise RuntimeError(f"dot -Tpdf failed: {exc.stderr.decode(errors='replace').strip()}") from None
    if not target.exists() or target.stat().st_size == 0:
        raise RuntimeError("dot -Tpdf wrote no PDF")
    return elapsed


def _quoted(text: str) -> str:
    """Text inside a DOT double-quoted string."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def main(sizes: list[int]) -> int:
    print(f"{'posts':>7}  {'dot -Tpdf':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            try:
                elapsed = time_dot_pdf(synthetic_structure(size), Path(folder), timeout=3600)
            except DotMissing as exc:
                print(exc, file=sys.stderr)
                return 2
            print(f"{size:>7}  {elapsed:>8.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [1000, 5000]))
