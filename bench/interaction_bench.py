"""Three window interactions at the size of a whole council, headless, in the real 1440×900 window:
deleting a large branch (and the Outline dock's share of it), Tab / Shift+Tab from card to card, and one
wheel step of zoom (and how often it makes the view's items follow it).

Run:  python bench/interaction_bench.py [POSTS] [BRANCH...]   (default 10000 posts; branches of ~3000 and ~2300)
Each figure is timed until Qt has processed every event it caused (the window painted); medians.
Prints figures only; nothing here is a test.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QWheelEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from canvas_bench import WindowBench  # noqa: E402
from fold_bench import branch_of  # noqa: E402
from measure import seconds  # noqa: E402

from orgdesigner import editing  # noqa: E402
from orgdesigner.model.synthetic import synthetic_structure  # noqa: E402
from orgdesigner.ui.docks.outline import OutlinePanel  # noqa: E402
from orgdesigner.ui.navigation.feature import NavigationFeature  # noqa: E402
from orgdesigner.ui.visible import VisibleItems  # noqa: E402

RUNS = 5
TABS = 40
WHEEL_STEPS = 12
ZOOM = 0.8
"""The wheel turns about this zoom: cards with text, items made as they come into sight."""


def _ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


class Clock:
    """Calls of one method of a class, and the seconds spent in them, while installed."""

    def __init__(self, owner: type, name: str) -> None:
        self.owner, self.name, self.original = owner, name, getattr(owner, name)
        self.calls, self.spent = 0, 0.0
        clock = self

        def timed(obj, *args, **kwargs):
            start = time.perf_counter()
            try:
                return clock.original(obj, *args, **kwargs)
            finally:
                clock.calls += 1
                clock.spent += time.perf_counter() - start

        setattr(owner, name, timed)

    def reset(self) -> None:
        self.calls, self.spent = 0, 0.0


def _branch(structure, top: str) -> list[str]:
    found, pending = [], [top]
    while pending:
        post_id = pending.pop()
        found.append(post_id)
        pending.extend(structure.reports_of(post_id))
    return found


def delete_branch(bench: WindowBench, size: int, figures: dict[str, float]) -> None:
    """Delete the branch nearest `size` posts from a freshly built Outline (most of its rows not yet made),
    then undo; `RUNS` times."""
    window = bench.window
    document = window.document
    top, count = branch_of(document.structure, size)
    posts = _branch(document.structure, top)
    removing = Clock(OutlinePanel, "_remove_rows")
    whole, outline = [], []
    for _ in range(RUNS):
        window.outline.refresh()  # as opening the file leaves it: only each group's first rows made
        bench.settle()
        removing.reset()
        whole.append(seconds(lambda: (document.execute(editing.delete(document.structure, posts, [])), bench.settle())))
        outline.append(removing.spent)
        document.undo_stack.undo()
        bench.settle()
    group = document.structure.posts[top].group
    figures[f"delete a branch of {count:,} posts ({group}), painted (ms)"] = _ms(whole)
    figures[f"  of which the Outline removing its rows ({group}) (ms)"] = _ms(outline)
    setattr(OutlinePanel, "_remove_rows", removing.original)


def tab_presses(bench: WindowBench, figures: dict[str, float]) -> None:
    view = bench.window.view
    view.setFocus()
    bench.settle()

    def press(key: Qt.Key) -> Callable[[], None]:
        return lambda: (QTest.keyClick(view, key), bench.settle())

    tab, walk = Clock(NavigationFeature, "tab"), Clock(NavigationFeature, "_walk_to")
    finding = []

    def timed(key: Qt.Key) -> float:
        tab.reset()
        walk.reset()
        spent = seconds(press(key))
        finding.append(tab.spent - walk.spent)
        return spent

    forward = [timed(Qt.Key.Key_Tab) for _ in range(TABS)]
    backward = [timed(Qt.Key.Key_Backtab) for _ in range(TABS)]
    figures["Tab to the next card, painted (ms)"] = _ms(forward)
    figures["Shift+Tab to the previous card, painted (ms)"] = _ms(backward)
    figures["  of which finding the card to go to (ms)"] = _ms(finding)
    for clock in (tab, walk):
        setattr(NavigationFeature, clock.name, clock.original)


def wheel_steps(bench: WindowBench, figures: dict[str, float]) -> None:
    view = bench.window.view
    view.set_zoom(ZOOM)
    bench.settle()
    syncs = Clock(VisibleItems, "sync")
    viewport = view.viewport()
    centre = QPointF(viewport.width() / 3, viewport.height() / 3)

    def step(up: bool) -> None:
        delta = QPoint(0, 120 if up else -120)
        event = QWheelEvent(centre, viewport.mapToGlobal(centre), QPoint(), delta, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)
        bench.settle()

    times, calls, spent = [], [], []
    for i in range(WHEEL_STEPS):
        syncs.reset()
        times.append(seconds(lambda: step(up=i % 4 < 2)))
        calls.append(syncs.calls)
        spent.append(syncs.spent)
    figures["wheel step of zoom, painted (ms)"] = _ms(times)
    figures["  visible-items syncs per wheel step (median)"] = statistics.median(calls)
    figures["  time in those syncs per wheel step (ms)"] = _ms(spent)
    figures["  visible-items syncs per wheel step (most)"] = max(calls)
    view.fit()  # the scroll bars come with the first steps in
    bench.settle()
    calls = []
    for _ in range(3):
        syncs.reset()
        step(up=True)
        calls.append(syncs.calls)
    figures["  syncs per wheel step in from Fit to Window (most)"] = max(calls)
    setattr(VisibleItems, "sync", syncs.original)


def measure(size: int, branches: list[int]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        bench = WindowBench(Path(folder))
        bench.open(synthetic_structure(size))
        figures: dict[str, float] = {}
        for size_of_branch in branches:
            delete_branch(bench, size_of_branch, figures)
        tab_presses(bench, figures)
        wheel_steps(bench, figures)
        bench.close()
        return figures


def main(argv: list[str]) -> int:
    size = int(argv[0]) if argv else 10_000
    branches = [int(a) for a in argv[1:]] or [3_000, 2_300]
    print(f"{size:,} posts")
    for name, value in measure(size, branches).items():
        print(f"  {name:<50} {value:10,.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
