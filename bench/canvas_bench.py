"""Designer window speed: open, and one edit from command to refreshed canvas and docks.

Run:  python bench/canvas_bench.py [SIZES...]      (default 1000; headless)
Target (issue 3): no visible lag at 1,000 posts — an edit well under 100 ms end to end.
Prints figures only; nothing here is a test.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from orgdesigner.model.synthetic import synthetic_structure  # noqa: E402
from orgdesigner.ui import commands  # noqa: E402
from orgdesigner.ui.mainwindow import MainWindow  # noqa: E402

EDITS = 40


def median_ms(action, count: int) -> float:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        action()
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(sizes: list[int]) -> None:
    app = QApplication.instance() or QApplication([])
    window = MainWindow(settings=QSettings(QSettings.IniFormat, QSettings.UserScope, "OrgDesignerBench", "bench"))
    window.resize(1440, 900)
    window.show()
    rng = random.Random(3)
    print(f"{'posts':>7}  {'open (ms)':>10}  {'field edit (ms)':>16}  {'move a post (ms)':>17}  {'repaint (ms)':>13}")
    for size in sizes:
        structure = synthetic_structure(size)
        start = time.perf_counter()
        window.document.set_structure(structure, None)
        window.view.fit()
        app.processEvents()
        opened = (time.perf_counter() - start) * 1000
        ids = list(structure.posts)[1:]
        managers = [p for p in ids if structure.reports_of(p)]

        def field_edit() -> None:
            post_id = rng.choice(ids)
            grade = rng.choice(["G3", "G6", "G9"])
            window.document.execute(commands.edit_post(structure, post_id, grade=grade))

        def move() -> None:
            window.document.perform(lambda: commands.set_manager(structure, rng.choice(ids), rng.choice(managers)))

        def repaint() -> None:
            window.view.viewport().repaint()

        print(f"{size:>7}  {opened:>10.0f}  {median_ms(field_edit, EDITS):>16.1f}  {median_ms(move, EDITS):>17.1f}"
              f"  {median_ms(repaint, 10):>13.1f}")
        window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000])
