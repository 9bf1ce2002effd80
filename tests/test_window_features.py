"""The window built from its feature list: menus and docks where they always were, every dock tabbed in
by the one dock layout, and a feature declared as data plugging in with nothing but the WindowHost."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from orgdesigner.ui.feature import (ActionSpec, DockSpec, FeatureParts, MenuSpec, WindowHost, insert_menu,
                                    install)

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def shown(new_window, qtbot):
    win = new_window()
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.dock_layout.is_placed)
    return win


def tab_group(win, name: str) -> list[str]:
    dock = win.findChild(QDockWidget, name)
    return [name] + [d.objectName() for d in win.tabifiedDockWidgets(dock)]


def test_menus_keep_their_order_and_titles(shown):
    assert [a.text() for a in shown.menuBar().actions()] == [
        "&File", "&Edit", "&Insert", "S&cenario", "Co&mpare", "&Planning", "&Arrange", "&View"]
    view = next(a.menu() for a in shown.menuBar().actions() if a.menu().objectName() == "view_menu")
    assert [a.text() for a in view.actions()][-6:] == ["Outline", "Properties", "Figures", "Findings", "Overview", "Conflicts"]


def test_every_dock_keeps_its_object_name_and_tab_group(shown):
    names = {d.objectName() for d in shown.findChildren(QDockWidget)}
    assert names == {"outline", "properties", "history", "figures", "findings", "changes", "finance",
                     "layers_spans", "statutory_officers", "responsibilities", "rota", "pay_benchmarking",
                     "shared_posts", "overview", "conflicts"}
    assert not shown.findChild(QDockWidget, "changes").isVisible()  # until a comparison starts
    assert not shown.findChild(QDockWidget, "conflicts").isVisible()  # until a merge leaves conflicts
    for name in ("changes", "finance", "layers_spans", "conflicts"):
        shown.findChild(QDockWidget, name).show()
    assert set(tab_group(shown, "outline")) == {"outline", "history", "layers_spans"}
    assert set(tab_group(shown, "findings")) == {"findings", "statutory_officers", "responsibilities", "rota",
                                                 "changes", "conflicts"}
    assert set(tab_group(shown, "properties")) == {"properties", "figures", "pay_benchmarking", "shared_posts",
                                                   "finance"}


class NotesFeature:
    """A feature as a new module would declare it."""

    DOCKS: ClassVar[tuple[DockSpec, ...]] = (
        DockSpec("notes", "Notes", Qt.DockWidgetArea.RightDockWidgetArea, tab_with="properties"),)
    MENU: ClassVar[MenuSpec | None] = MenuSpec("notes_menu", "&Notes", before="view_menu")
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = (ActionSpec("count_posts", "&Count Posts", shortcut="Ctrl+Shift+K"),)

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self.label = QLabel()

    def contents(self) -> Mapping[str, QWidget]:
        return {"notes": self.label}

    def attach(self, parts: FeatureParts) -> None:
        assert parts.menu is not None
        parts.menu.addAction(parts.docks["notes"].toggleViewAction())
        parts.menu.addAction(parts.actions["count_posts"])
        parts.actions["count_posts"].triggered.connect(self.count)

    def count(self) -> None:
        self.host.show_status(f"{len(self.host.document.structure.posts)} posts", 3000)


def test_a_feature_declared_as_data_plugs_in(new_window, qtbot):
    win = new_window()
    feature = NotesFeature(win)
    install(feature, win.dock_layout, win.menuBar(), win)
    assert [a.text() for a in win.menuBar().actions()][-2:] == ["&Notes", "&View"]
    win.show()
    qtbot.waitUntil(lambda: win.dock_layout.is_placed)
    assert "notes" in tab_group(win, "properties")
    action = win.findChild(QAction, "count_posts")
    assert action.shortcut().toString() == "Ctrl+Shift+K"
    action.trigger()
    assert win.statusBar().currentMessage() == "0 posts"


def test_a_menu_placed_before_a_menu_the_bar_lacks_says_which(new_window):
    win = new_window()
    spec = MenuSpec("lost_menu", "&Lost", before="tools_menu")
    with pytest.raises(LookupError, match="'lost_menu' goes before 'tools_menu'"):
        insert_menu(win.menuBar(), spec, win)
