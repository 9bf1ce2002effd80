"""Puts the planning docks in the main window, with a Planning menu to show them.

Statutory officers, responsibilities and the rota sit along the bottom with the findings (wide
tables); pay benchmarking and shared posts sit on the right with the properties. Opening a
structure that has responsibilities (or a rota) brings that dock to the front, so a file like
Cumbria's opens on what it is about.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMenu, QScrollArea, QWidget

from .benchmark import BenchmarkPanel
from .organisations import SharedPostsPanel
from .responsibilities import ResponsibilitiesPanel
from .rota import RotaPanel
from .statutory import StatutoryPanel

OnScreenPanel = StatutoryPanel | ResponsibilitiesPanel | RotaPanel | BenchmarkPanel | SharedPostsPanel

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

PLANNING_DOCK_HEIGHT = 270


class _FirstShow(QObject):
    """Calls `then` once, soon after the window it watches is first shown."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Show:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.then)  # once the window is on screen (never, if it has gone)
        return False


class PlanningDocks:
    """A plain object, not a QObject: the scene it listens to may outlive it while the window is torn down,
    and a signal to a deleted QObject crashes."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        document = window.document
        self.statutory = StatutoryPanel(document)
        self.responsibilities = ResponsibilitiesPanel(document)
        self.rota = RotaPanel(document)
        self.benchmark = BenchmarkPanel(document)
        self.shared = SharedPostsPanel(document)
        self.statutory_dock = self._dock("Statutory Officers", "statutory_officers", self.statutory,
                                         Qt.BottomDockWidgetArea)
        self.responsibilities_dock = self._dock("Responsibilities", "responsibilities", self.responsibilities,
                                                Qt.BottomDockWidgetArea)
        self.rota_dock = self._dock("Rota", "rota", self.rota, Qt.BottomDockWidgetArea)
        self.benchmark_dock = self._dock("Pay Benchmarking", "pay_benchmarking", self.benchmark,
                                         Qt.RightDockWidgetArea)
        self.shared_dock = self._dock("Shared Posts", "shared_posts", self.shared, Qt.RightDockWidgetArea)
        self._tabified = False
        self._first_show = _FirstShow(window, self._tabify)
        self.menu = self._build_menu()
        for panel in (self.statutory, self.responsibilities, self.rota, self.shared):
            panel.posts_chosen.connect(window.select_and_centre)
        self.benchmark.import_failed.connect(window.show_error)
        self.scene = window.scene
        self.scene.selectionChanged.connect(self._selection_changed)
        document.replaced.connect(self.bring_forward)

    def _tabify(self) -> None:
        """Tab the docks in with the findings and the properties. Done when the window is first shown:
        Qt 6.11 leaves a stray copy of a tab bar visible for a tab group made before that."""
        if self._tabified:
            return
        window = self.window
        for dock in (self.statutory_dock, self.responsibilities_dock, self.rota_dock):
            window.tabifyDockWidget(window.findings_dock, dock)
        for dock in (self.benchmark_dock, self.shared_dock):
            window.tabifyDockWidget(window.figures_dock, dock)
        window.findings_dock.raise_()
        window.properties_dock.raise_()
        self._tabified = True
        self.bring_forward()

    def _dock(self, title: str, name: str, widget: OnScreenPanel, area: Qt.DockWidgetArea) -> QDockWidget:
        """A dock holding `widget` in a scroll area, so its wrapped text never makes the window taller; the
        widget hears when its tab comes and goes."""
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(widget)
        dock.setWidget(scroll)
        dock.visibilityChanged.connect(widget.set_shown)
        self.window.addDockWidget(area, dock)
        return dock

    def docks(self) -> list[QDockWidget]:
        return [self.statutory_dock, self.responsibilities_dock, self.rota_dock, self.benchmark_dock, self.shared_dock]

    def _build_menu(self) -> QMenu:
        """A Planning menu before View: each dock, and the two actions that start from the menu."""
        bar = self.window.menuBar()
        menu = QMenu("&Planning", self.window)
        for dock in self.docks():
            menu.addAction(dock.toggleViewAction())
        menu.addSeparator()
        generate = menu.addAction("&Generate Rota…")
        generate.setStatusTip("Show the rota dock, to choose the posts and months and generate a balanced rota")
        generate.triggered.connect(lambda: self.show_dock(self.rota_dock))
        imported = menu.addAction("&Import Comparators…")
        imported.setStatusTip("Read the pay benchmarking comparators from a CSV or Excel table")
        imported.triggered.connect(self._import_comparators)
        view = next((a for a in bar.actions() if a.text().replace("&", "") == "View"), None)
        if view is not None:
            bar.insertMenu(view, menu)
        else:
            bar.addMenu(menu)
        return menu

    def show_dock(self, dock: QDockWidget) -> None:
        self._tabify()  # if the window has not had its first turn of the event loop yet
        dock.show()
        dock.raise_()

    def _import_comparators(self) -> None:
        self.show_dock(self.benchmark_dock)
        self.benchmark.import_comparators()

    def bring_forward(self) -> bool:
        """Show the responsibilities (or else the rota) of a structure that has them, taller than the findings;
        False when there is nothing to show (or the docks are not tabbed in yet: the window is not shown)."""
        if not self._tabified:
            return False
        structure = self.window.document.structure
        dock = (self.responsibilities_dock if structure.responsibilities
                else self.rota_dock if structure.rota.months else None)
        if dock is None:
            return False
        self.show_dock(dock)
        self.window.resizeDocks([dock], [PLANNING_DOCK_HEIGHT], Qt.Vertical)
        return True

    def _selection_changed(self) -> None:
        scene = self.scene
        if not (shiboken6.isValid(scene) and shiboken6.isValid(self.shared)):  # going away with the window
            return
        posts = scene.selected_post_ids()
        self.shared.show_post(posts[0] if len(posts) == 1 and not scene.selected_group_ids() else None)
