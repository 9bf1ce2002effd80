"""Build only what is seen, at 10,000 posts: the canvas makes items for the view alone and sketches a chart
too large to make items of (see `orgdesigner/ui/visible.py`).

Run:  python bench/canvas_visible_bench.py [POSTS]      (default 10000)
Prints, in a shown 1440×900 window (offscreen), each figure with its target from issue 14:
  load → first canvas paint   open the file (parse, analysis, layout, items) until the canvas has painted (< 0.5 s)
  Fit to Window, painted      from 100% to fitted, the whole chart painted afresh at the new scale (< 16 ms)
  single edit, painted        a grade change and a new manager, command to painted, median (< 16 ms)
and how many card and line items exist at each point, to show that what is out of view is not an item.
Figures only; nothing here is a test.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from measure import seconds, timing  # noqa: E402

from orgdesigner import editing  # noqa: E402
from orgdesigner.model import save  # noqa: E402
from orgdesigner.model.synthetic import synthetic_structure  # noqa: E402
from orgdesigner.ui import mainwindow  # noqa: E402
from orgdesigner.ui.mainwindow import MainWindow  # noqa: E402
from orgdesigner.ui.scene import OrgScene  # noqa: E402
from orgdesigner.ui.view import OrgView  # noqa: E402

EDITS = 25


class Paints:
    """The canvas's paints: when the first one after `reset` ended, and how long they all took."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.first_end: float | None = None
        self.spent = 0.0


PAINTS = Paints()


class TimedView(OrgView):
    """The window's canvas view, timing each of its paints into `PAINTS`."""

    def paintEvent(self, event: QPaintEvent) -> None:
        start = time.perf_counter()
        super().paintEvent(event)
        end = time.perf_counter()
        PAINTS.spent += end - start
        PAINTS.first_end = PAINTS.first_end or end


mainwindow.OrgView = TimedView  # type: ignore[misc]


class SceneClock:
    """Seconds spent in the scene keeping its items in step with the model (layout included) and the view."""

    def __init__(self) -> None:
        self.spent = 0.0
        for name in ("rebuild", "on_change", "show_area"):
            self._wrap(name)

    def _wrap(self, name: str) -> None:
        original = getattr(OrgScene, name)

        def timed(scene, *args, _original=original):
            start = time.perf_counter()
            try:
                return _original(scene, *args)
            finally:
                self.spent += time.perf_counter() - start

        setattr(OrgScene, name, timed)


def items(window: MainWindow) -> str:
    scene = window.scene
    return (f"{len(scene.cards):,} card items, {len(scene.lines):,} line items, "
            f"{sum(t.isVisible() for t in scene.visible.tiles.values())} sketch tiles shown")


def row(label: str, value_ms: float, target_ms: float, note: str = "") -> None:
    met = "met" if value_ms < target_ms else "MISSED"
    print(f"{label:<30}{value_ms:>8.1f} ms   target < {target_ms:g} ms   {met:<6}   {note}")


def timed(action, clock: SceneClock, paints: Paints, runs: int) -> tuple[float, float, float]:
    """Median seconds of `action` over `runs`, and the median seconds of it spent by the scene and in painting."""
    totals, scene, painted = [], [], []
    for _ in range(runs):
        clock.spent = 0.0
        paints.reset()
        totals.append(seconds(action))
        scene.append(clock.spent)
        painted.append(paints.spent)
    return timing(totals).median, timing(scene).median, timing(painted).median


def share(scene_s: float, paint_s: float) -> str:
    return f"(scene {scene_s * 1000:.1f} ms + paint {paint_s * 1000:.1f} ms of it)"


def main(posts: int) -> None:
    QStandardPaths.setTestModeEnabled(True)
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="orgd-visible-"))
    path = folder / "chart.orgd"
    save(synthetic_structure(posts), path)
    clock = SceneClock()
    window = MainWindow(settings=QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
    window.recovery.folder = folder / "recovery"
    window.show()
    app.processEvents()
    app.processEvents()
    viewport = window.view.viewport()
    paints = PAINTS
    assert isinstance(window.view, TimedView)

    clock.spent = 0.0
    paints.reset()
    start = time.perf_counter()
    window.open_file(path, ask=False)
    while paints.first_end is None:
        app.processEvents()
    print(f"{posts:,} posts, window {window.width()}×{window.height()}, fitted at zoom {window.view.zoom:.4f}")
    row("load → first canvas paint", (paints.first_end - start) * 1000, 500, share(clock.spent, paints.spent))
    print(f"{'':<30}{items(window)}")

    def fit() -> None:
        window.view.set_zoom(1.0)
        app.processEvents()
        clock.spent = 0.0
        paints.reset()
        fits.append(seconds(lambda: (window.view.fit(), viewport.repaint())))
        parts.append((clock.spent, paints.spent))

    fits: list[float] = []
    parts: list[tuple[float, float]] = []
    for _ in range(7):
        fit()
    middle = sorted(range(len(fits)), key=fits.__getitem__)[len(fits) // 2]
    row("Fit to Window, painted", fits[middle] * 1000, 16, share(*parts[middle]))
    print(f"{'':<30}{items(window)}")

    rng = random.Random(3)
    document = window.document
    ids = list(document.structure.posts)[1:]

    def grade() -> None:
        document.execute(editing.edit_post(document.structure, rng.choice(ids), grade=rng.choice(["G3", "G6", "G9"])))
        app.processEvents()

    total, scene, painted = timed(grade, clock, paints, EDITS)
    row("field edit at Fit, painted", total * 1000, 16, share(scene, painted))
    managers = [p for p in ids if document.structure.reports_of(p)]

    def move() -> None:
        post_id, manager = rng.choice(ids), rng.choice(managers)
        document.perform(lambda: editing.set_manager(document.structure, post_id, manager))
        app.processEvents()

    total, scene, painted = timed(move, clock, paints, 5)
    row("new manager at Fit, painted", total * 1000, 16, share(scene, painted) + " (the whole chart laid out again)")
    window.view.set_zoom(1.0)
    window.view.centre_on_posts([ids[len(ids) // 2]])
    app.processEvents()
    total, scene, painted = timed(grade, clock, paints, EDITS)
    row("field edit at 100%, painted", total * 1000, 16, share(scene, painted))
    print(f"{'':<30}{items(window)}")
    document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
