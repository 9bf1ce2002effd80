"""Puts the planning docks in the main window, with a Planning menu to show them.

Statutory officers, responsibilities and the rota sit along the bottom with the findings (wide
tables); pay benchmarking and shared posts sit on the right with the properties. Opening a
structure that has responsibilities (or a rota) brings that dock to the front, so a file like
Cumbria's opens on what it is about.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMenu

from ..feature import ActionSpec, DockSpec, FeatureParts, MenuSpec, WindowHost
from .benchmark import BenchmarkPanel
from .organisations import SharedPostsPanel
from .responsibilities import ResponsibilitiesPanel
from .rota import RotaPanel
from .statutory import StatutoryPanel

OnScreenPanel = StatutoryPanel | ResponsibilitiesPanel | RotaPanel | BenchmarkPanel | SharedPostsPanel

PLANNING_DOCK_HEIGHT = 270

BOTTOM, RIGHT = Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


class PlanningFeature:
    """A plain object, not a QObject: the scene it listens to may outlive it while the window is torn down,
    and a signal to a deleted QObject crashes."""

    DOCKS: ClassVar[tuple[DockSpec, ...]] = (
        DockSpec("statutory_officers", "Statutory Officers", BOTTOM, tab_with="findings", scroll=True),
        DockSpec("responsibilities", "Responsibilities", BOTTOM, tab_with="findings", scroll=True),
        DockSpec("rota", "Rota", BOTTOM, tab_with="findings", scroll=True),
        DockSpec("pay_benchmarking", "Pay Benchmarking", RIGHT, tab_with="figures", scroll=True),
        DockSpec("shared_posts", "Shared Posts", RIGHT, tab_with="figures", scroll=True),
    )
    MENU: ClassVar[MenuSpec | None] = MenuSpec("planning_menu", "&Planning", before="view_menu")
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = (
        ActionSpec("generate_rota", "&Generate Rota…",
                   "Show the rota dock, to choose the posts and months and generate a balanced rota"),
        ActionSpec("import_comparators", "&Import Comparators…",
                   "Read the pay benchmarking comparators from a CSV or Excel table"),
    )

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        document = host.document
        self.statutory = StatutoryPanel(document)
        self.responsibilities = ResponsibilitiesPanel(document)
        self.rota = RotaPanel(document)
        self.benchmark = BenchmarkPanel(document)
        self.shared = SharedPostsPanel(document)
        self.scene = host.scene
        self.menu: QMenu
        self.statutory_dock: QDockWidget
        self.responsibilities_dock: QDockWidget
        self.rota_dock: QDockWidget
        self.benchmark_dock: QDockWidget
        self.shared_dock: QDockWidget

    def contents(self) -> Mapping[str, OnScreenPanel]:
        return {"statutory_officers": self.statutory, "responsibilities": self.responsibilities, "rota": self.rota,
                "pay_benchmarking": self.benchmark, "shared_posts": self.shared}

    def attach(self, parts: FeatureParts) -> None:
        docks = parts.docks
        self.statutory_dock, self.responsibilities_dock = docks["statutory_officers"], docks["responsibilities"]
        self.rota_dock, self.benchmark_dock = docks["rota"], docks["pay_benchmarking"]
        self.shared_dock = docks["shared_posts"]
        for name, panel in self.contents().items():  # each panel hears when its tab comes and goes
            docks[name].visibilityChanged.connect(panel.set_shown)
            self.host.dock_layout.placed.connect(panel.dock_placed)  # before bring_forward shows one
        assert parts.menu is not None
        self.menu = self._fill_menu(parts)
        for panel in (self.statutory, self.responsibilities, self.rota, self.shared):
            panel.posts_chosen.connect(self.host.select_and_centre)
        self.benchmark.import_failed.connect(self.host.show_error)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.host.document.replaced.connect(self.bring_forward)
        self.host.dock_layout.placed.connect(self.bring_forward)

    def docks(self) -> list[QDockWidget]:
        return [self.statutory_dock, self.responsibilities_dock, self.rota_dock, self.benchmark_dock, self.shared_dock]

    def _fill_menu(self, parts: FeatureParts) -> QMenu:
        """Each dock, and the two actions that start from the menu."""
        menu = parts.menu
        assert menu is not None
        for dock in self.docks():
            menu.addAction(dock.toggleViewAction())
        menu.addSeparator()
        generate, imported = parts.actions["generate_rota"], parts.actions["import_comparators"]
        generate.triggered.connect(lambda: self.show_dock(self.rota_dock))
        imported.triggered.connect(self._import_comparators)
        menu.addActions([generate, imported])
        return menu

    def show_dock(self, dock: QDockWidget) -> None:
        self.host.dock_layout.place()  # if the window has not had its first turn of the event loop yet
        dock.show()
        dock.raise_()

    def _import_comparators(self) -> None:
        self.show_dock(self.benchmark_dock)
        self.benchmark.import_comparators()

    def bring_forward(self) -> bool:
        """Show the responsibilities (or else the rota) of a structure that has them, taller than the findings;
        False when there is nothing to show (or the docks are not tabbed in yet: the window is not shown)."""
        if not self.host.dock_layout.is_placed:
            return False
        structure = self.host.document.structure
        dock = (self.responsibilities_dock if structure.responsibilities
                else self.rota_dock if structure.rota.months else None)
        if dock is None:
            return False
        self.show_dock(dock)
        self.host.dock_layout.resize(dock, PLANNING_DOCK_HEIGHT)
        return True

    def _selection_changed(self) -> None:
        scene = self.scene
        if not (shiboken6.isValid(scene) and shiboken6.isValid(self.shared)):  # going away with the window
            return
        posts = scene.selected_post_ids()
        self.shared.show_post(posts[0] if len(posts) == 1 and not scene.selected_group_ids() else None)
