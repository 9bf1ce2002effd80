"""Puts the planning docks in the main window, with a Planning menu to show them.

Statutory officers, responsibilities and the rota sit along the bottom with the findings (wide
tables); pay benchmarking and shared posts sit on the right with the properties. Opening a
structure that has responsibilities (or a rota) brings that dock to the front, so a file like
Cumbria's opens on what it is about.

The docks start tabbed behind others, so each panel is made (and its module imported) only when its
dock first comes into sight, or when something asks for it (a menu action, a test): the window starts
without them (issue 14). A dock's tab is there from the start; it holds a stand-in until then.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, ClassVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from ..document import Document
from ..feature import ActionSpec, DockSpec, FeatureParts, MenuSpec, WindowHost

if TYPE_CHECKING:
    from .benchmark import BenchmarkPanel
    from .organisations import SharedPostsPanel
    from .responsibilities import ResponsibilitiesPanel
    from .rota import RotaPanel
    from .statutory import StatutoryPanel

    OnScreenPanel = StatutoryPanel | ResponsibilitiesPanel | RotaPanel | BenchmarkPanel | SharedPostsPanel


def _statutory(document: Document) -> StatutoryPanel:
    from .statutory import StatutoryPanel
    return StatutoryPanel(document)


def _responsibilities(document: Document) -> ResponsibilitiesPanel:
    from .responsibilities import ResponsibilitiesPanel
    return ResponsibilitiesPanel(document)


def _rota(document: Document) -> RotaPanel:
    from .rota import RotaPanel
    return RotaPanel(document)


def _benchmark(document: Document) -> BenchmarkPanel:
    from .benchmark import BenchmarkPanel
    return BenchmarkPanel(document)


def _shared(document: Document) -> SharedPostsPanel:
    from .organisations import SharedPostsPanel
    return SharedPostsPanel(document)


PANELS: dict[str, Callable[[Document], OnScreenPanel]] = {
    "statutory_officers": _statutory, "responsibilities": _responsibilities, "rota": _rota,
    "pay_benchmarking": _benchmark, "shared_posts": _shared}
"""How each dock's panel is made, by the dock's name."""

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
        self.scene = host.scene
        self._panels: dict[str, OnScreenPanel] = {}
        self._in_sight = {spec.name: False for spec in self.DOCKS}
        """Each dock's last visibilityChanged: shown, even for a moment, or not."""
        self._tabbed = False
        """The window has tabbed its docks together: from then on a dock shown is one in sight (while they are
        tabbed, and while the window first shows, every dock shows for a moment)."""
        self.menu: QMenu
        self.statutory_dock: QDockWidget
        self.responsibilities_dock: QDockWidget
        self.rota_dock: QDockWidget
        self.benchmark_dock: QDockWidget
        self.shared_dock: QDockWidget

    @property
    def statutory(self) -> StatutoryPanel:
        return self._panel("statutory_officers")  # type: ignore[return-value]

    @property
    def responsibilities(self) -> ResponsibilitiesPanel:
        return self._panel("responsibilities")  # type: ignore[return-value]

    @property
    def rota(self) -> RotaPanel:
        return self._panel("rota")  # type: ignore[return-value]

    @property
    def benchmark(self) -> BenchmarkPanel:
        return self._panel("pay_benchmarking")  # type: ignore[return-value]

    @property
    def shared(self) -> SharedPostsPanel:
        return self._panel("shared_posts")  # type: ignore[return-value]

    def contents(self) -> Mapping[str, QWidget]:
        """Stand-ins: each panel takes its dock when first needed (`_panel`)."""
        return {spec.name: QWidget() for spec in self.DOCKS}

    def attach(self, parts: FeatureParts) -> None:
        docks = parts.docks
        self.statutory_dock, self.responsibilities_dock = docks["statutory_officers"], docks["responsibilities"]
        self.rota_dock, self.benchmark_dock = docks["rota"], docks["pay_benchmarking"]
        self.shared_dock = docks["shared_posts"]
        for name, dock in docks.items():
            dock.visibilityChanged.connect(lambda shown, name=name: self._seen(name, shown))
        self.host.dock_layout.placed.connect(self._make_those_in_sight)  # before bring_forward shows one
        assert parts.menu is not None
        self.menu = self._fill_menu(parts)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.host.document.replaced.connect(self.bring_forward)
        self.host.dock_layout.placed.connect(self.bring_forward)

    def _seen(self, name: str, shown: bool) -> None:
        self._in_sight[name] = shown
        if shown and self._tabbed:
            self._panel(name)

    def _make_those_in_sight(self) -> None:
        self._tabbed = True
        for name, shown in self._in_sight.items():
            if shown:
                self._panel(name)

    def _panel(self, name: str) -> OnScreenPanel:
        """The panel of the dock named, made and put in its dock the first time it is needed."""
        panel = self._panels.get(name)
        if panel is not None:
            return panel
        panel = self._panels[name] = PANELS[name](self.host.document)
        layout = self.host.dock_layout
        layout.set_content(name, panel)
        layout[name].visibilityChanged.connect(panel.set_shown)  # it hears when its tab comes and goes
        if hasattr(panel, "posts_chosen"):
            panel.posts_chosen.connect(self.host.select_and_centre)
        if hasattr(panel, "import_failed"):
            panel.import_failed.connect(self.host.show_error)
        panel.set_shown(self._in_sight[name])
        if layout.is_placed:
            panel.dock_placed()
        else:
            layout.placed.connect(panel.dock_placed)
        if name == "shared_posts":
            self._selection_changed()
        return panel

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
        if "shared_posts" not in self._panels:  # made when first shown, with the selection of the moment
            return
        if not (shiboken6.isValid(scene) and shiboken6.isValid(self.shared)):  # going away with the window
            return
        posts = scene.selected_post_ids()
        self.shared.show_post(posts[0] if len(posts) == 1 and not scene.selected_group_ids() else None)
