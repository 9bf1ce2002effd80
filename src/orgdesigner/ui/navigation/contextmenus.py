"""Right-click menus: on a card, a reporting line, a group box or the empty canvas, the actions that apply
there. `menu_for` builds the menu for whatever is at a point; tests open it the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem, QMenu, QWidget

from ... import editing as commands
from ...model import Post
from ..feature import WindowHost
from ..folding.feature import FoldFeature
from ..items.groupbox import GroupBoxItem
from ..items.lineitem import ReportingLineItem
from ..items.postcard import PostCardItem

class CanvasHost(WindowHost, Protocol):
    """What the right-click menus use of the window besides a feature's usual view of it."""

    def copy(self) -> bool: ...

    def can_paste(self) -> bool: ...

    def paste(self) -> None: ...

    def delete_selection(self) -> None: ...

    def tidy(self) -> None: ...

    def add_post_at(self, pos: QPointF) -> None: ...

    def select_group(self, group_id: str) -> None: ...

    def feature(self, kind: type[FoldFeature]) -> FoldFeature: ...


class NavigationFeature(Protocol):
    """What the menus use of the navigation feature (`feature.NavigationFeature`)."""

    host: CanvasHost
    fold: FoldFeature

    def edit_title(self, post_id: str) -> None: ...

    def choose_manager(self, post_id: str, dotted: bool) -> bool: ...

    def add_post(self, manager: str | None = None, group: str | None = None) -> None: ...


def _add(menu: QMenu, text: str, slot: Callable[[], object], enabled: bool = True) -> None:
    action = menu.addAction(text)
    action.setEnabled(enabled)
    action.triggered.connect(lambda _checked=False: slot())


def card_menu(nav: NavigationFeature, post_id: str, parent: QWidget | None = None) -> QMenu:
    host, structure = nav.host, nav.host.document.structure
    state = host.scene.view_state
    if post_id not in host.scene.selected_post_ids():
        host.scene.select_posts([post_id])
    selected = host.scene.selected_post_ids()
    manages = bool(structure.reports_of(post_id))
    menu = QMenu(parent)
    _add(menu, "Edit Title", lambda: nav.edit_title(post_id))
    _add(menu, "Reports To…", lambda: nav.choose_manager(post_id, dotted=False))
    _add(menu, "Add Dotted Line To…", lambda: nav.choose_manager(post_id, dotted=True))
    _add(menu, "Add Report", lambda: nav.add_post(manager=post_id))
    menu.addSeparator()
    folded = post_id in state.folded
    _add(menu, "Unfold Branch" if folded else "Fold Branch", lambda: nav.fold.toggle(post_id), manages)
    _add(menu, "Show Only This Branch", lambda: nav.fold.focus(post_id), state.focus != post_id)
    menu.addSeparator()
    _add(menu, "Copy", nav.host.copy)
    count = len(selected)
    _add(menu, "Delete" if count == 1 else f"Delete {count} Posts", nav.host.delete_selection)
    return menu


def line_menu(nav: NavigationFeature, line: ReportingLineItem, parent: QWidget | None = None) -> QMenu:
    document = nav.host.document
    manager, report, kind = line.manager, line.report, line.kind
    menu = QMenu(parent)
    _add(menu, "Make Dotted" if kind == "line" else "Make Line Management",
         lambda: document.perform(lambda: commands.switch_line_kind(document.structure, report, manager, kind)))
    _add(menu, "Delete Line",
         lambda: document.perform(lambda: commands.remove_line(document.structure, report, manager, kind)))
    return menu


def group_menu(nav: NavigationFeature, group_id: str, parent: QWidget | None = None) -> QMenu:
    document = nav.host.document
    menu = QMenu(parent)
    _add(menu, "Rename / Properties…", lambda: nav.host.select_group(group_id))
    _add(menu, "Add Post in Group", lambda: nav.add_post(group=group_id))
    menu.addSeparator()
    _add(menu, "Delete Group", lambda: document.perform(lambda: commands.delete(document.structure, [], [group_id])))
    return menu


def canvas_menu(nav: NavigationFeature, scene_pos: QPointF, parent: QWidget | None = None) -> QMenu:
    host = nav.host
    menu = QMenu(parent)
    _add(menu, "Add Post Here", lambda: host.add_post_at(scene_pos))
    _add(menu, "Paste", host.paste, host.can_paste())
    menu.addSeparator()
    _add(menu, "Tidy Layout", host.tidy)
    _add(menu, "Fit to Window", host.view.fit)
    if host.scene.view_state.focus is not None:
        _add(menu, "Show Whole Chart", lambda: nav.fold.focus(None))
    return menu


def menu_for(nav: NavigationFeature, item: QGraphicsItem | None, scene_pos: QPointF,
             parent: QWidget | None = None) -> QMenu:
    """The menu for what was right-clicked: `item` as found at `scene_pos` (a fold mark counts as its card)."""
    while item is not None and not isinstance(item, (PostCardItem, ReportingLineItem, GroupBoxItem)):
        item = item.parentItem()
    if isinstance(item, PostCardItem):
        return card_menu(nav, item.post_id, parent)
    if isinstance(item, ReportingLineItem):
        return line_menu(nav, item, parent)
    if isinstance(item, GroupBoxItem):
        return group_menu(nav, item.group_id, parent)
    return canvas_menu(nav, scene_pos, parent)


def new_post(structure_new_id: str, manager: Post | None, group: str | None) -> Post:
    """A fresh post under `manager` (in its group) or in `group`."""
    return Post(id=structure_new_id, title="New post", reports_to=manager.id if manager else None,
                group=manager.group if manager else group)
