"""Organogram import speed: a synthetic senior file of 5,000 posts with 20,000 junior rows, read back.

Run:  python bench/organogram_bench.py [POSTS] [JUNIOR_ROWS]      (default 5000 20000)
Target (issue 16): the pair imports in under 2 s. Prints figures only.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

from orgdesigner.analysis import Analysis
from orgdesigner.io.organogram import JUNIOR_COLUMNS, SENIOR_COLUMNS, import_organogram

TARGET_SECONDS = 2.0
SPAN = 6


def senior_table(posts: int) -> list[list[str]]:
    """A tree of posts with spans of six, units per top-level branch, some N/D pay and a job share in 50."""
    rows = [list(SENIOR_COLUMNS)]
    for number in range(posts):
        ref = f"P{number}"
        boss = "XX" if number == 0 else f"P{(number - 1) // SPAN}"
        branch = 0 if number == 0 else (number - 1) % SPAN
        floor = 60000 + 5000 * (number % 20)
        pay = ("N/D", "N/D") if number % 17 == 0 else (str(floor), str(floor + 4999))
        cells = {"Post Unique Reference": ref, "Name": "N/D" if number % 3 else "Vacant",
                 "Grade (or equivalent)": f"SCS{1 + number % 3}", "Job Title": f"Post {number}",
                 "Parent Department": "Department", "Organisation": "Body", "Unit": f"Unit {branch}",
                 "Reports to Senior Post": boss, "FTE": "1", "Actual Pay Floor (£)": pay[0],
                 "Actual Pay Ceiling (£)": pay[1]}
        rows.append([cells.get(header, "") for header in SENIOR_COLUMNS])
        if number % 50 == 49:
            rows.append([cells.get(header, "") if header != "FTE" else "0.5" for header in SENIOR_COLUMNS])
    return rows


def junior_table(posts: int, count: int) -> list[list[str]]:
    rows = [list(JUNIOR_COLUMNS)]
    for number in range(count):
        cells = {"Parent Department": "Department", "Organisation": "Body", "Unit": "Unit 0",
                 "Reporting Senior Post": f"P{number % posts}", "Grade": f"G{number % 7}",
                 "Payscale Minimum (£)": "20000", "Payscale Maximum (£)": "29999",
                 "Generic Job Title": "Officer", "Number of Posts in FTE": "1.5"}
        rows.append([cells.get(header, "") for header in JUNIOR_COLUMNS])
    return rows


def main(posts: int, junior_rows: int) -> int:
    with tempfile.TemporaryDirectory() as folder:
        senior, junior = Path(folder) / "body-senior.csv", Path(folder) / "body-junior.csv"
        for path, table in ((senior, senior_table(posts)), (junior, junior_table(posts, junior_rows))):
            with path.open("w", newline="", encoding="utf-8") as handle:
                csv.writer(handle, quoting=csv.QUOTE_ALL).writerows(table)
        start = time.perf_counter()
        result = import_organogram(senior, junior)
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        totals = Analysis(result.structure).totals()
        analysed = time.perf_counter() - start
    verdict = "met" if seconds < TARGET_SECONDS else "MISSED"
    print(f"{posts} senior posts, {junior_rows} junior rows: import {seconds:.2f} s "
          f"(target < {TARGET_SECONDS:g} s: {verdict}); analysis {analysed:.2f} s; "
          f"{totals.posts} posts, {totals.junior_fte:,.1f} junior FTE, {totals.pay_withheld} with pay not disclosed, "
          f"{len(result.warnings)} warnings")
    return 0 if seconds < TARGET_SECONDS else 1


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    sys.exit(main(*(arguments + [5000, 20000][len(arguments):])))
