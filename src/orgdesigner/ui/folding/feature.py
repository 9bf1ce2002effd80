"""Fold and focus, as a window feature: View ▸ Fold/Unfold Branch, Show Levels 1…6, Show Only This Branch
and Show Whole Chart; the fold marks on the cards and the breadcrumb bar over the canvas.

The state itself is the scene's `view_state` (the layout reads it); this feature remembers it per file
in the window's settings and keeps the view steady while branches fold and unfold."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu, QWidget

from ..feature import ActionSpec, DockSpec, FeatureParts, MenuSpec, WindowHost, window_menu
from .badges import FoldMarks
from .breadcrumb import Breadcrumb
from ..viewstate import FoldMemory, FoldState

LEVELS = range(1, 7)


class FoldFeature:
    DOCKS: ClassVar[tuple[DockSpec, ...]] = ()
    MENU: ClassVar[MenuSpec | None] = None
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = (
        ActionSpec("fold_branch", "&Fold/Unfold Branch", "Fold the selected managers' branches away, or unfold them",
                   "Ctrl+."),
        ActionSpec("focus_branch", "Show &Only This Branch", "Show the selected post and everything under it",
                   "Ctrl+B"),
        ActionSpec("whole_chart", "Show &Whole Chart", "Leave the branch shown on its own", "Ctrl+Shift+B"),
        ActionSpec("show_all_levels", "&All Levels", "Unfold every branch", "Alt+0"),
        *(ActionSpec(f"show_levels_{n}", f"&{n} Level{'s' if n > 1 else ''}",
                     f"Show the top {n} level{'s' if n > 1 else ''} of the chart, folding what is below",
                     f"Alt+{n}") for n in LEVELS),
    )

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self.state: FoldState = host.scene.view_state
        self.state.memory = FoldMemory(host.settings)
        self.marks = FoldMarks(host.scene, self.toggle)
        self.breadcrumb = Breadcrumb(host.scene, host.view)
        self.actions: dict = {}

    def contents(self) -> Mapping[str, QWidget]:
        return {}

    def attach(self, parts: FeatureParts) -> None:
        self.actions = parts.actions
        actions = parts.actions
        view_menu = window_menu(self.host, "view_menu")
        first = view_menu.actions()[0]  # Zoom In: fold and focus go above the zoom actions
        levels = QMenu("Show &Levels", view_menu)
        levels.setObjectName("levels_menu")
        for n in LEVELS:
            actions[f"show_levels_{n}"].triggered.connect(lambda _checked=False, n=n: self.show_levels(n))
            levels.addAction(actions[f"show_levels_{n}"])
        levels.addSeparator()
        levels.addAction(actions["show_all_levels"])
        actions["show_all_levels"].triggered.connect(self.state.show_all)
        actions["fold_branch"].triggered.connect(self.fold_selection)
        actions["focus_branch"].triggered.connect(self.focus_selection)
        actions["whole_chart"].triggered.connect(lambda: self.focus(None))
        for action in (actions["fold_branch"], levels.menuAction(), actions["focus_branch"], actions["whole_chart"]):
            view_menu.insertAction(first, action)
        view_menu.insertSeparator(first)

    # ----- what the actions do -------------------------------------------------------------

    def toggle(self, post_id: str) -> None:
        """Fold or unfold one branch, keeping its card where it is on screen."""
        self._steady(post_id, lambda: self.state.toggle(post_id))

    def fold_selection(self) -> None:
        structure = self.host.document.structure
        managers = [p for p in self.host.scene.selected_post_ids() if structure.reports_of(p)]
        if not managers:
            self.host.show_status("Select a manager's card to fold or unfold its branch", 5000)
            return
        unfold = all(p in self.state.folded for p in managers)
        self._steady(managers[0], lambda: (self.state.unfold if unfold else self.state.fold)(managers))

    def show_levels(self, levels: int) -> None:
        self.state.show_levels(levels, self.host.document.analysis)
        self.host.view.fit()

    def focus_selection(self) -> None:
        selected = self.host.scene.selected_post_ids()
        if len(selected) != 1:
            self.host.show_status("Select one post to show its branch on its own", 5000)
            return
        self.focus(selected[0])

    def focus(self, post_id: str | None) -> None:
        previous = self.state.focus
        self.state.focus_on(post_id)
        if post_id is not None or previous is not None:
            self.host.view.fit()
            if previous is not None and self.host.scene.card(previous) is not None:
                self.host.select_and_centre([previous])  # back up the chain: where one was

    def _steady(self, post_id: str, change: Callable[[], object]) -> None:
        """Make the change and scroll so the card of `post_id` stays at the same place in the window."""
        view, scene = self.host.view, self.host.scene
        card = scene.card(post_id)
        before = view.mapFromScene(card.scenePos()) if card is not None else None
        change()
        card = scene.card(post_id)
        if before is None or card is None:
            return
        after = view.mapFromScene(card.scenePos())
        shift = QPointF(after - before)
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + round(shift.x()))
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + round(shift.y()))
