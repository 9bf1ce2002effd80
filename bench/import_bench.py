"""Establishment-list import speed: a synthetic 20,000-row table written as CSV and Excel, read back.

Run:  python bench/import_bench.py [ROWS]      (default 20000)
Target (issue 6): 20,000 rows import in a few seconds. Prints figures only.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from orgdesigner.analysis import Analysis
from orgdesigner.io.establishment import import_table
from orgdesigner.io.export import posts_table, write_csv, write_xlsx
from orgdesigner.model.synthetic import synthetic_structure


def main(rows: int) -> None:
    structure = synthetic_structure(rows)
    table = posts_table(structure, Analysis(structure))
    with tempfile.TemporaryDirectory() as folder:
        for suffix, write in ((".csv", write_csv), (".xlsx", write_xlsx)):
            path = Path(folder) / f"establishment{suffix}"
            start = time.perf_counter()
            write(table, path)
            written = time.perf_counter() - start
            start = time.perf_counter()
            imported = import_table(path).structure
            read = time.perf_counter() - start
            print(f"{rows:>7} rows {suffix:<5}  export {written:6.2f} s  import {read:6.2f} s  "
                  f"({len(imported.posts)} posts)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
