"""Docks that refresh only while they are on screen.

A dock tabbed behind another still counts as visible to Qt, so the feature that owns the dock
(`PlanningFeature`, `FiguresFeature`) tells each panel when its dock's tab comes and goes
(`QDockWidget.visibilityChanged`). A hidden panel only notes that it is out of date, and catches
up when it is shown: edits on a large structure do not pay for tables nobody is looking at.

A tab also reports itself shown for a moment while the window first shows, before the dock layout
tabs the docks together (`DockLayout.place`, on a later turn of the event loop); so a panel
refreshes on being shown only once the feature has told it the docks are placed (`dock_placed`).
Otherwise opening 10,000 posts would fill every planning dock's lists of posts, none of them in sight.
"""

from __future__ import annotations

from collections.abc import Callable


class OnScreenRefresh:
    """Mixed into a panel (a QObject) whose `refresh` starts with `if not self.on_screen_now(): return`."""

    refresh: Callable[[], None]
    """The panel's own: rebuilds what it shows (and returns at once while not in sight)."""
    _on_screen = False
    _out_of_date = True
    _placed = False

    @property
    def shown(self) -> bool:
        return self._on_screen

    def set_shown(self, shown: bool) -> None:
        self._on_screen = shown
        if shown and self._out_of_date and self._placed:
            self.refresh()

    def dock_placed(self) -> None:
        """The window has tabbed its docks together: from now on a panel shown is one in sight."""
        self._placed = True
        if self._on_screen and self._out_of_date:
            self.refresh()

    def bring_up_to_date(self) -> None:
        """Refresh now if an edit was left waiting while hidden (for a value read off a hidden panel)."""
        if not self._out_of_date:
            return
        shown, placed = self._on_screen, self._placed
        self._on_screen = self._placed = True
        try:
            self.refresh()
        finally:
            self._on_screen, self._placed = shown, placed

    def on_screen_now(self) -> bool:
        """True when the panel should refresh now; otherwise marks it out of date."""
        in_sight = self._on_screen and self._placed
        self._out_of_date = not in_sight
        return in_sight
