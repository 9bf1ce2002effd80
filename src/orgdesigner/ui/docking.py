"""The one way the window's docks are made and tabbed together, for its own docks and every feature's."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QTabBar, QWidget


@dataclass(frozen=True)
class DockSpec:
    """A dock as data. `name` is its object name: the window's saved state and `tab_with` refer to it."""

    name: str
    title: str
    area: Qt.DockWidgetArea
    tab_with: str | None = None
    """The object name of the dock it shares tabs with; tabbed in once the window is first shown."""
    front: bool = False
    """Brought to the front of its tab group once the docks are tabbed in."""
    size: int | None = None
    """Its starting width (left or right area) or height (top or bottom)."""
    scroll: bool = False
    """Its content sits in a scroll area, so wrapped text never makes the window taller."""
    in_view_menu: bool = False
    """Its show/hide action is listed in View, in the order the docks are made."""
    hidden: bool = False
    """It starts hidden, until its feature shows it."""


class DockLayout(QObject):
    """Makes every dock of the window (`add`) and tabs them together as their specs say (`place`).

    Tabbing waits until the window is first shown: Qt 6.11 leaves a stray copy of a tab bar visible for a tab
    group made before that. A feature that needs its tabs sooner (a dock shown from a menu before the window
    has had its first turn of the event loop) calls `place` itself; it runs once.
    """

    placed = Signal()
    """The docks have been tabbed together and the front ones raised."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._specs: list[DockSpec] = []
        self._docks: dict[str, QDockWidget] = {}
        self.is_placed = False
        window.installEventFilter(self)
        window.installEventFilter(_ReadableTabs(window))

    def add(self, spec: DockSpec, content: QWidget) -> QDockWidget:
        dock = QDockWidget(spec.title, self._window)
        dock.setObjectName(spec.name)
        if spec.scroll:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(content)
            dock.setWidget(scroll)
        else:
            dock.setWidget(content)
        self._window.addDockWidget(spec.area, dock)
        if spec.size is not None:
            self.resize(dock, spec.size)
        if spec.hidden:
            dock.hide()
        self._specs.append(spec)
        self._docks[spec.name] = dock
        return dock

    def set_content(self, name: str, content: QWidget) -> None:
        """Put `content` in the dock named, in place of what it was made with (a stand-in for a panel made when
        first needed), in a scroll area if its spec says so; the stand-in is deleted."""
        dock = self._docks[name]
        holder = dock.widget()
        if isinstance(holder, QScrollArea) and next(spec for spec in self._specs if spec.name == name).scroll:
            holder.setWidget(content)  # (a scroll area deletes the widget it held)
        else:
            dock.setWidget(content)
            if holder is not None:  # a dock only hides it
                holder.deleteLater()

    def __getitem__(self, name: str) -> QDockWidget:
        return self._docks[name]

    def view_menu_docks(self) -> list[QDockWidget]:
        return [self._docks[spec.name] for spec in self._specs if spec.in_view_menu]

    def resize(self, dock: QDockWidget, size: int) -> None:
        """Make a dock this wide (left or right area) or tall (top or bottom)."""
        area = self._window.dockWidgetArea(dock)
        across = area in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        self._window.resizeDocks([dock], [size], Qt.Orientation.Horizontal if across else Qt.Orientation.Vertical)

    def place(self) -> None:
        """Tab each dock in with the one its spec names, in the order they were made (the hidden ones last);
        then raise the front ones."""
        if self.is_placed:
            return
        self.is_placed = True
        window = self._window
        # A dock hidden now (a comparison's, before one starts) joins the end of its group, after those in sight.
        for spec in sorted(self._specs, key=lambda spec: not self._docks[spec.name].isVisibleTo(window)):
            if spec.tab_with is not None:
                window.tabifyDockWidget(self._docks[spec.tab_with], self._docks[spec.name])
        for spec in self._specs:
            if spec.front:
                self._docks[spec.name].raise_()
        self.placed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.place)  # once the window is on screen (never, if it has gone)
        return False


class _ReadableTabs(QObject):
    """Tabs of docks show their whole title ("Figures", never "Fi…"): Qt makes a tab bar for each group of
    tabbed docks and elides its labels, so once a child has been added to the window (a bar is announced
    half made, so it is looked for a moment later) every bar is told not to, and to scroll when its tabs
    overflow."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._pending = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildAdded and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._make_readable)
        return False

    def _make_readable(self) -> None:
        self._pending = False
        for bar in self._window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)
