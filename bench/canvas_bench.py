"""Designer window speed, headless: open a file, edits, painting, dragging a card, zoom to fit.

Run:  python bench/canvas_bench.py [SIZES...]      (default 1000)
Targets (issues 3 and 8): no visible lag — an edit and a drag's repaint within a 60 Hz frame
(16 ms). Prints figures only; nothing here is a test. `bench/run.py` uses the same measurements.

Every figure is timed up to the point where Qt has painted what changed (events processed). Edits
go to the structure the window holds, read back from the file it opened.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QPointF, QSettings, QStandardPaths, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent, QPixmapCache  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from measure import Timing, seconds, timing  # noqa: E402

from orgdesigner.model import Structure, save  # noqa: E402
from orgdesigner.model.synthetic import synthetic_structure  # noqa: E402
from orgdesigner import editing as commands  # noqa: E402
from orgdesigner.ui.mainwindow import MainWindow  # noqa: E402

EDITS = 40
DRAG_STEPS = 30
DRAGS = 3


class _PaintCounter(QObject):
    """Counts the viewport's paint events, to be sure a timed frame really painted."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Paint:
            self.count += 1
        return False


class WindowBench:
    """A shown 1440×900 main window with its own settings and recovery folder, timed as a user sees it."""

    def __init__(self, folder: Path) -> None:
        QStandardPaths.setTestModeEnabled(True)
        self.app = QApplication.instance() or QApplication([])
        self.folder = folder
        self.window = MainWindow(settings=QSettings(str(folder / "bench.ini"), QSettings.IniFormat))
        self.window.recovery.folder = folder / "recovery"
        self.window.resize(1440, 900)
        self.window.show()
        self.app.processEvents()
        self.viewport = self.window.view.viewport()
        self.paints = _PaintCounter()
        self.viewport.installEventFilter(self.paints)
        self.rng = random.Random(3)

    def settle(self) -> None:
        self.app.processEvents()

    def open(self, structure: Structure) -> tuple[float, float]:
        """Seconds to open `structure` from a file until the window has painted it; then seconds for
        a first paint of the whole chart as opening leaves it (fitted), with no card cached yet."""
        path = self.folder / "bench.orgd"
        save(structure, path)
        painted = self.paints.count
        opened = seconds(lambda: (self.window.open_file(path, ask=False), self.settle()))
        if self.paints.count == painted:
            raise RuntimeError("opening the file painted nothing")
        QPixmapCache.clear()
        return opened, seconds(self.viewport.repaint)

    def field_edit(self, count: int = EDITS) -> Timing:
        """Change one post's grade: analysis, card, docks and status bar brought up to date and painted."""
        document = self.window.document
        ids = list(document.structure.posts)[1:]

        def edit() -> None:
            post_id = self.rng.choice(ids)
            document.execute(commands.edit_post(document.structure, post_id, grade=self.rng.choice(["G3", "G6", "G9"])))
            self.settle()

        return timing(seconds(edit) for _ in range(count))

    def move_post(self, count: int = EDITS) -> Timing:
        """Give a post another manager: the chart is laid out again and every view refreshed."""
        document = self.window.document
        ids = list(document.structure.posts)[1:]
        managers = [p for p in ids if document.structure.reports_of(p)]

        def move() -> None:
            post_id, manager = self.rng.choice(ids), self.rng.choice(managers)
            document.perform(lambda: commands.set_manager(document.structure, post_id, manager))
            self.settle()

        return timing(seconds(move) for _ in range(count))

    def drag(self, zoom: float, drags: int = DRAGS) -> tuple[Timing, Timing]:
        """Drag `drags` cards in turn at `zoom`, one mouse move per frame: timings of all their frames,
        and of their drops (the edit made on release, which lays the chart out again)."""
        runs = [self._drag_one(zoom) for _ in range(drags)]
        return timing(frame for frames, _ in runs for frame in frames), timing(drop for _, drop in runs)

    def _drag_one(self, zoom: float, steps: int = DRAG_STEPS) -> tuple[list[float], float]:
        view, scene = self.window.view, self.window.scene
        post_id = self._card_with_reports()
        view.set_zoom(zoom)
        view.centerOn(scene.cards[post_id].sceneBoundingRect().center())
        self.settle()
        card = scene.cards[post_id]
        start = view.mapFromScene(card.mapToScene(card.card_rect().center()))
        before = card.pos()
        QTest.mousePress(self.viewport, Qt.LeftButton, Qt.NoModifier, start)
        self.settle()
        frames = []
        point = QPointF(start)
        for step in range(1, steps + 1):
            point = QPointF(start.x() + 4 * step, start.y() + 2 * step)
            event = QMouseEvent(QEvent.MouseMove, point, self.viewport.mapToGlobal(point), Qt.NoButton,
                                Qt.LeftButton, Qt.NoModifier)
            painted = self.paints.count
            frames.append(seconds(lambda: (QApplication.sendEvent(self.viewport, event), self.settle())))
            if self.paints.count == painted:
                raise RuntimeError(f"dragging {post_id} at zoom {zoom}: a mouse move painted nothing")
        if card.pos() == before:
            raise RuntimeError(f"dragging {post_id} at zoom {zoom}: the card did not move")
        drop = seconds(lambda: (QTest.mouseRelease(self.viewport, Qt.LeftButton, Qt.NoModifier, point.toPoint()),
                                self.settle()))
        if self.window.document.structure.posts[post_id].position is None:
            raise RuntimeError(f"dragging {post_id} at zoom {zoom}: the drop did not place the post")
        return frames, drop

    def fit_repaint(self, runs: int = 3) -> Timing:
        """Zoom to fit from 100%: the whole chart painted afresh at the new scale."""
        times = []
        for _ in range(runs):
            self.window.view.set_zoom(1.0)
            self.settle()
            times.append(seconds(lambda: (self.window.view.fit(), self.viewport.repaint())))
        return timing(times)

    def repaint(self, runs: int = 10) -> Timing:
        """Paint the whole viewport again at the current zoom (nothing changed)."""
        return timing(seconds(self.viewport.repaint) for _ in range(runs))

    def close(self) -> None:
        self.window.document.undo_stack.setClean()
        self.window.close()

    def _card_with_reports(self) -> str:
        """A manager's card away from the top of the chart, the same one in every run, and not one
        dragged before (a dropped card may lie on top of a neighbour)."""
        structure = self.window.document.structure
        managers = [p for p in structure.posts if structure.reports_of(p) and structure.posts[p].position is None]
        return managers[len(managers) // 2]


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        bench = WindowBench(Path(folder))
        print(f"{'posts':>7}  {'open (ms)':>10}  {'field edit (ms)':>16}  {'move a post (ms)':>17}"
              f"  {'repaint (ms)':>13}  {'drag frame (ms)':>16}")
        for size in sizes:
            opened, _ = bench.open(synthetic_structure(size))
            repaint = bench.repaint()
            field, move = bench.field_edit(), bench.move_post()
            drag, _ = bench.drag(1.0)
            print(f"{size:>7}  {opened * 1000:>10.0f}  {field.median_ms:>16.1f}  {move.median_ms:>17.1f}"
                  f"  {repaint.median_ms:>13.1f}  {drag.median_ms:>16.1f}")
        bench.close()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000])
