"""Moving about the chart and working it from the keyboard, as a window feature: the Overview dock,
Zoom to Selection, the Find box's highlight of a match and its chain of command, arrow-key walking,
Enter/F2 to edit a title in place, Reports To… (Ctrl+M) and Add Dotted Line To… choosers, and the
right-click menus."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QGraphicsPathItem, QMenu, QWidget

from ... import editing as commands
from ...model import EditRefused
from ..feature import ActionSpec, DockSpec, FeatureParts, MenuSpec, WindowHost, window_menu
from ..folding.feature import FoldFeature
from .chooser import ManagerChooser
from .contextmenus import CanvasHost, menu_for, new_post
from .highlight import chain_highlight
from .keyboard import STEPS, ReadingOrder, first_post, step
from .minimap import Overview
from .title_editor import TitleEditor

OVERVIEW = DockSpec("overview", "Overview", Qt.DockWidgetArea.LeftDockWidgetArea, size=200, in_view_menu=True)
MOST_ZOOM_TO_SELECTION = 1.5


class NavigationFeature(QObject):
    DOCKS: ClassVar[tuple[DockSpec, ...]] = (OVERVIEW,)
    MENU: ClassVar[MenuSpec | None] = None
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = (
        ActionSpec("reports_to", "Reports &To…", "Choose the selected post's line manager from a list", "Ctrl+M"),
        ActionSpec("dotted_to", "Add &Dotted Line To…", "Choose a post for the selected post's dotted line",
                   "Ctrl+Shift+M"),
        ActionSpec("edit_title", "&Rename Post\tF2", "Edit the selected post's title on its card"),
        # F2 and Enter are the canvas's own keys (see `_key`): a window shortcut would take F2 from the tables
        ActionSpec("zoom_selection", "Zoom to &Selection", "Fit the selected cards in the window", "Ctrl+2"),
    )

    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.dialog_parent())
        self.host = cast(CanvasHost, host)  # the window's menus' own commands, which the main window has
        self.fold = self.host.feature(FoldFeature)
        self.overview = Overview(host.scene, host.view)
        self.highlight: QGraphicsPathItem | None = None
        self._highlighted: str | None = None
        """The post whose chain `highlight` marks: selecting anything else takes the mark away."""
        self.editor: TitleEditor | None = None
        self._walked: str | None = None
        """The post the last arrow key moved to: the next step starts there."""
        self.reading_order = ReadingOrder()
        """Where Tab goes, worked out again only after the chart is laid out again."""
        host.view.installEventFilter(self)
        host.view.viewport().installEventFilter(self)
        host.scene.selectionChanged.connect(self._selection_changed)
        host.scene.laid_out.connect(self.clear_highlight)
        host.scene.laid_out.connect(self.reading_order.invalidate)

    def contents(self) -> Mapping[str, QWidget]:
        return {"overview": self.overview}

    def attach(self, parts: FeatureParts) -> None:
        actions = parts.actions
        actions["reports_to"].triggered.connect(
            lambda: self._with_one(lambda p: self.choose_manager(p, False), "to choose its line manager"))
        actions["dotted_to"].triggered.connect(
            lambda: self._with_one(lambda p: self.choose_manager(p, True), "to give it a dotted line"))
        actions["edit_title"].triggered.connect(lambda: self._with_one(self.edit_title, "to rename it"))
        actions["zoom_selection"].triggered.connect(self.zoom_to_selection)
        edit_menu = window_menu(self.host, "edit_menu")
        edit_menu.addSeparator()
        edit_menu.addActions([actions["edit_title"], actions["reports_to"], actions["dotted_to"]])
        view_menu = window_menu(self.host, "view_menu")
        shown = view_menu.actions()
        fit = next(i for i, a in enumerate(shown) if a.shortcut().toString() == "Ctrl+0")  # Fit to Window
        view_menu.insertAction(shown[fit + 1], actions["zoom_selection"])

    def _with_one(self, act, purpose: str) -> None:
        selected = self.host.scene.selected_post_ids()
        if len(selected) != 1:
            several = f" ({len(selected)} are selected)" if selected else ""
            self.host.show_status(f"Select one post {purpose}{several}", 5000)
            return
        act(selected[0])

    # ----- the view ------------------------------------------------------------------------

    def zoom_to_selection(self) -> None:
        items = self.host.scene.selectedItems()
        if not items:
            self.host.show_status("Select the cards to zoom to", 5000)
            return
        area = QRectF()
        for item in items:
            area = area.united(item.sceneBoundingRect())
        view = self.host.view
        view.fitInView(area.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        if view.zoom > MOST_ZOOM_TO_SELECTION:
            view.set_zoom(MOST_ZOOM_TO_SELECTION)
            view.centerOn(area.center())
        view.report_area()

    def show_match(self, post_id: str) -> None:
        """The Find box's match: shown (unfolded if need be), selected, centred, and marked with its chain
        of command up to the top."""
        self.host.select_and_centre([post_id])
        self.clear_highlight()
        self.highlight, self._highlighted = chain_highlight(self.host.scene, post_id), post_id

    def clear_highlight(self) -> None:
        if self.highlight is not None and shiboken6.isValid(self.highlight) and self.highlight.scene() is not None:
            self.highlight.scene().removeItem(self.highlight)
        self.highlight = None

    def _selection_changed(self) -> None:
        if not shiboken6.isValid(self.host.scene):
            return
        if self.highlight is not None and self.host.scene.selected_post_ids() != [self._highlighted]:
            self.clear_highlight()

    # ----- edits from the keyboard ---------------------------------------------------------

    def edit_title(self, post_id: str) -> None:
        if self.host.scene.card(post_id) is None:
            return
        self.editor = TitleEditor(self.host.view, self.host.document, post_id)

    def choose_manager(self, post_id: str, dotted: bool) -> bool:
        """Ask for the post's manager (or dotted-line manager) in a searchable list and make the line."""
        structure = self.host.document.structure
        chooser = ManagerChooser(structure, post_id, "Add dotted line to" if dotted else "Reports to",
                                 lambda manager: self.refusal(post_id, manager, dotted), self.host.dialog_parent())
        manager = self.run_chooser(chooser)
        if manager is None:
            return False
        if dotted:
            return self.host.document.perform(lambda: commands.add_dotted_line(structure, post_id, manager))
        return self.host.document.perform(lambda: commands.set_manager(structure, post_id, manager))

    def run_chooser(self, chooser: ManagerChooser) -> str | None:
        """Show the chooser; the post chosen, or None. Tests replace this to fill it in without a modal loop."""
        return chooser.chosen() if chooser.exec() == QDialog.DialogCode.Accepted else None

    def refusal(self, post_id: str, manager_id: str, dotted: bool) -> str | None:
        """Why the model would refuse the line, in its own words (the drag asks the same), or None."""
        structure = self.host.document.structure
        if dotted:
            return commands.add_dotted_line(structure, post_id, manager_id).refusal()
        refused = commands.set_manager(structure, post_id, manager_id).refusal()
        if refused is None:
            try:  # cycles are the model's own rule, checked as the edit runs
                structure.check_line_manager(post_id, manager_id)
            except EditRefused as exc:
                return str(exc)
        return refused

    def add_post(self, manager: str | None = None, group: str | None = None) -> None:
        structure = self.host.document.structure
        post = new_post(structure.new_post_id(), structure.posts.get(manager) if manager else None, group)
        if manager is not None:
            self.host.scene.view_state.unfold([manager])
        if self.host.document.execute(commands.add_post(structure, post)):
            self.host.scene.select_posts([post.id])
            self.edit_title(post.id)

    # ----- keys and right-clicks on the canvas ---------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched is self.host.view and isinstance(event, QKeyEvent):
            return self._key(event)
        if event.type() == QEvent.Type.ContextMenu and watched is self.host.view.viewport() \
                and isinstance(event, QContextMenuEvent):
            self.context_menu(event.pos()).popup(event.globalPos())
            return True
        return False

    def context_menu(self, viewport_pos: QPoint) -> QMenu:
        """The right-click menu for what is at this point of the canvas (viewport coordinates)."""
        scene_pos = self.host.view.mapToScene(viewport_pos)
        item = self.host.scene.itemAt(scene_pos, self.host.view.transform())
        return menu_for(self, item, scene_pos, self.host.dialog_parent())

    def _key(self, event: QKeyEvent) -> bool:
        key, modifiers = event.key(), event.modifiers()
        scene = self.host.scene
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and not modifiers:
            selected = scene.selected_post_ids()
            if len(selected) == 1:
                self.edit_title(selected[0])
                return True
            return False
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not modifiers & ~Qt.KeyboardModifier.ShiftModifier:
            return self.tab(backwards=key == Qt.Key.Key_Backtab or bool(modifiers))
        direction = STEPS.get(Qt.Key(key))
        if direction is None or modifiers & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            return False
        self.walk(direction, extend=bool(modifiers & Qt.KeyboardModifier.ShiftModifier))
        return True

    def tab(self, backwards: bool = False) -> bool:
        """Select the next (or previous) card reading down each branch; past the last card the keyboard focus
        moves on out of the canvas (False), as Tab does elsewhere."""
        scene = self.host.scene
        shown = scene.layout.cards if scene.layout is not None else {}
        target = self.reading_order.next(scene.structure, shown, self._walk_start(), backwards)
        if target is None:
            return False
        self._walk_to(target, extend=False)
        return True

    def _walk_start(self) -> str | None:
        """Where the next step starts: the post the last step reached, if still selected, else the last selected."""
        selected = self.host.scene.selected_post_ids()
        return self._walked if self._walked in selected else (selected[-1] if selected else None)

    def _walk_to(self, target: str, extend: bool) -> None:
        scene = self.host.scene
        if extend:
            card = scene.card(target)
            if card is not None:
                card.setSelected(True)
        else:
            scene.select_posts([target])
        self._walked = target
        card = scene.card(target)
        if card is not None:
            self.host.view.ensureVisible(card.sceneBoundingRect(), 40, 40)

    def walk(self, direction: str, extend: bool = False) -> str | None:
        """Move the selection one step along the tree (Shift: add the post reached to the selection)."""
        scene = self.host.scene
        shown = scene.layout.cards if scene.layout is not None else {}
        start = self._walk_start()
        target = step(scene.structure, shown, start, direction) if start else first_post(scene.structure, shown)
        if target is None:
            return None
        self._walk_to(target, extend)
        return target

