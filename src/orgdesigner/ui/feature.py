"""What a window feature is: the docks, menu and actions it declares as data, and the narrow view of the
window (`WindowHost`) it is given instead of the MainWindow.

`install` makes what a feature declares (every dock through the window's one `DockLayout`, the menu placed
by object name) and hands the made parts to `WindowFeature.attach`, where the feature fills in its menu and
wires its panels. Features are listed once, in `ui/feature_list.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QWidget

from .docking import DockLayout, DockSpec
from .document import Document
from .scene import OrgScene
from .view import OrgView

__all__ = ["ActionSpec", "DockSpec", "FeatureFactory", "FeatureParts", "MenuSpec", "WindowFeature", "WindowHost",
           "install", "window_menu"]


@dataclass(frozen=True)
class MenuSpec:
    """A menu bar menu as data, placed in front of the menu whose object name is `before`."""

    name: str
    title: str
    before: str


@dataclass(frozen=True)
class ActionSpec:
    """An action as data; the feature connects it and puts it in its menu."""

    name: str
    text: str
    tip: str = ""
    shortcut: str | QKeySequence.StandardKey | None = None


@dataclass
class FeatureParts:
    """What the window made from a feature's declarations, by object name."""

    docks: dict[str, QDockWidget] = field(default_factory=dict)
    actions: dict[str, QAction] = field(default_factory=dict)
    menu: QMenu | None = None


class WindowHost(Protocol):
    """The part of the window a feature may use."""

    @property
    def document(self) -> Document: ...

    @property
    def scene(self) -> OrgScene: ...

    @property
    def view(self) -> OrgView: ...

    @property
    def dock_layout(self) -> DockLayout: ...

    @property
    def settings(self) -> QSettings:
        """The window's settings (what is remembered between sessions)."""

    def select_and_centre(self, post_ids: list[str]) -> None:
        """Select these posts on the chart and scroll to them."""

    def show_status(self, message: str, msecs: int) -> None:
        """A passing message in the status bar."""

    def show_error(self, title: str, message: str) -> None:
        """Something the user asked for could not be done, and why."""

    def dialog_parent(self) -> QWidget:
        """The widget to parent dialogs, menus and the feature's own objects to."""


class WindowFeature(Protocol):
    """A part of the window with its own docks and, optionally, a menu: made with the host, then given the
    parts the window made from its declarations."""

    DOCKS: ClassVar[tuple[DockSpec, ...]]
    MENU: ClassVar[MenuSpec | None]
    ACTIONS: ClassVar[tuple[ActionSpec, ...]]

    def contents(self) -> Mapping[str, QWidget]:
        """The widget each declared dock holds, by the dock's name."""

    def attach(self, parts: FeatureParts) -> None:
        """Wire up the made docks, menu and actions."""


FeatureFactory = Callable[[WindowHost], WindowFeature]
"""A feature class, as listed in `ui/feature_list.py`."""


def make_action(spec: ActionSpec, parent: QWidget) -> QAction:
    action = QAction(spec.text, parent)
    action.setObjectName(spec.name)
    if isinstance(spec.shortcut, QKeySequence.StandardKey):
        action.setShortcuts(spec.shortcut)
    elif spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.tip:
        action.setStatusTip(spec.tip)
    return action


def insert_menu(bar: QMenuBar, spec: MenuSpec, parent: QWidget) -> QMenu:
    """A new menu in front of the menu whose object name is `spec.before` (never matched by its text)."""
    before = next((a for a in bar.actions() if a.menu() is not None and a.menu().objectName() == spec.before), None)
    if before is None:
        raise LookupError(f"menu {spec.name!r} goes before {spec.before!r}, which the menu bar does not have")
    menu = QMenu(spec.title, parent)
    menu.setObjectName(spec.name)
    bar.insertMenu(before, menu)
    return menu


def window_menu(host: WindowHost, name: str) -> QMenu:
    """One of the window's own menus (File, Edit, View…), found by its object name, for a feature to add to."""
    menu = host.dialog_parent().findChild(QMenu, name)
    if menu is None:
        raise LookupError(f"the window has no menu named {name!r}")
    return menu


def install(feature: WindowFeature, layout: DockLayout, bar: QMenuBar, parent: QWidget) -> None:
    """Make what a feature declares (its docks through the window's one dock layout) and hand it the parts."""
    contents = feature.contents()
    parts = FeatureParts(docks={spec.name: layout.add(spec, contents[spec.name]) for spec in feature.DOCKS},
                         actions={spec.name: make_action(spec, parent) for spec in feature.ACTIONS})
    if feature.MENU is not None:
        parts.menu = insert_menu(bar, feature.MENU, parent)
    feature.attach(parts)
