"""Docks that refresh only while they are on screen.

A dock tabbed behind another still counts as visible to Qt, so the feature that owns the dock
(`PlanningFeature`, `FiguresFeature`) tells each panel when its dock's tab comes and goes (`QDockWidget.visibilityChanged`). A hidden panel only notes
that it is out of date, and catches up when it is shown: edits on a large structure do not pay
for tables nobody is looking at.

A tab also reports itself shown for a moment while the window first shows, before the dock layout
tabs the docks together (`DockLayout.place`, on the next turn of the event loop); so a panel
catches up on the turn after it is shown, and only if it is still on screen then. Otherwise
opening 10,000 posts would fill every planning dock's lists of posts, none of them in sight.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer


class OnScreenRefresh:
    """Mixed into a panel (a QObject) whose `refresh` starts with `if not self.on_screen_now(): return`."""

    _on_screen = False
    _out_of_date = True

    @property
    def shown(self) -> bool:
        return self._on_screen

    def set_shown(self, shown: bool) -> None:
        self._on_screen = shown
        if shown and self._out_of_date:
            QTimer.singleShot(0, self, self._catch_up)  # type: ignore[call-overload]  # self is the panel

    def _catch_up(self) -> None:
        if self._on_screen and self._out_of_date:
            self.refresh()

    def bring_up_to_date(self) -> None:
        """Refresh now if an edit was left waiting while hidden (for a value read off a hidden panel)."""
        if not self._out_of_date:
            return
        shown = self._on_screen
        self._on_screen = True
        try:
            self.refresh()
        finally:
            self._on_screen = shown

    def on_screen_now(self) -> bool:
        """True when the panel should refresh now; otherwise marks it out of date."""
        self._out_of_date = not self._on_screen
        return self._on_screen
