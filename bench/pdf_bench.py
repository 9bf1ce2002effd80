"""Chart PDF export speed: planning the pages and drawing them, on synthetic structures.

Run:  python bench/pdf_bench.py [SIZES...]     (default 1000 5000)
Target (issue 8): at 5,000 posts, faster than Graphviz `dot -Tpdf` on the same tree
(`bench/dot_bench.py`). Prints figures only; nothing here is a test. `bench/run.py` uses the
same measurement.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from measure import seconds

from orgdesigner.model import Structure
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.pdf.chart.document import chart_pdf
from orgdesigner.pdf.options import PdfOptions
from orgdesigner.pdf.paper import Paper

PAPER = Paper()
"""A4 landscape, the export dialog's first choice."""


@dataclass(frozen=True)
class PdfRun:
    seconds: float
    pages: int
    size: int
    """Bytes written."""


def time_chart_pdf(structure: Structure, paper: Paper = PAPER) -> PdfRun:
    """One export of the structure's chart, as File ▸ Export PDF writes it."""
    pages: list[int] = []
    document: list[bytes] = []

    def export() -> None:
        document.append(chart_pdf(structure, PdfOptions(paper=paper), lambda done, total: pages.append(total)))

    elapsed = seconds(export)
    if not document[0].startswith(b"%PDF") or not pages:
        raise RuntimeError("the chart export wrote no PDF pages")
    return PdfRun(elapsed, pages[-1], len(document[0]))


def main(sizes: list[int]) -> None:
    print(f"{'posts':>7}  {'PDF export':>11}  {'pages':>6}  {'size':>9}")
    for size in sizes:
        run = time_chart_pdf(synthetic_structure(size))
        print(f"{size:>7}  {run.seconds:>9.2f} s  {run.pages:>6}  {run.size / 1e6:>6.1f} MB")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000])
