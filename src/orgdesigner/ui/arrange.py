"""The Arrange menu: align and distribute the selected cards, each an undoable edit
(`editing.align_posts`, `editing.distribute_posts`) that places the cards by hand."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from PySide6.QtWidgets import QWidget

from ..editing import align_posts, distribute_posts
from ..editing.arrange import Axis, Edge
from .docking import DockSpec
from .feature import ActionSpec, FeatureParts, MenuSpec, WindowHost

ALIGN: tuple[tuple[Edge, str, str], ...] = (
    ("left", "Align &Left Edges", "Ctrl+Alt+Left"),
    ("centre", "Align &Centres", "Ctrl+Alt+C"),
    ("right", "Align &Right Edges", "Ctrl+Alt+Right"),
    ("top", "Align &Tops", "Ctrl+Alt+Up"),
    ("middle", "Align &Middles", "Ctrl+Alt+M"),
    ("bottom", "Align &Bottoms", "Ctrl+Alt+Down"),
)
DISTRIBUTE: tuple[tuple[Axis, str, str], ...] = (
    ("horizontal", "Distribute &Horizontally", "Ctrl+Alt+H"),
    ("vertical", "Distribute &Vertically", "Ctrl+Alt+V"),
)


class ArrangeFeature:
    DOCKS: ClassVar[tuple[DockSpec, ...]] = ()
    MENU: ClassVar[MenuSpec | None] = MenuSpec("arrange_menu", "&Arrange", before="view_menu")
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = (
        *(ActionSpec(f"align_{edge}", text, "Line up the selected cards", key) for edge, text, key in ALIGN),
        *(ActionSpec(f"distribute_{axis}", text, "Space the selected cards evenly", key)
          for axis, text, key in DISTRIBUTE),
    )

    def __init__(self, host: WindowHost) -> None:
        self.host = host

    def contents(self) -> Mapping[str, QWidget]:
        return {}

    def attach(self, parts: FeatureParts) -> None:
        assert parts.menu is not None
        for edge, _, _ in ALIGN:
            action = parts.actions[f"align_{edge}"]
            action.triggered.connect(lambda _checked=False, edge=edge: self.align(edge))
            parts.menu.addAction(action)
        parts.menu.addSeparator()
        for axis, _, _ in DISTRIBUTE:
            action = parts.actions[f"distribute_{axis}"]
            action.triggered.connect(lambda _checked=False, axis=axis: self.distribute(axis))
            parts.menu.addAction(action)

    def _corners(self) -> dict[str, tuple[float, float]]:
        return {card.post_id: (card.pos().x(), card.pos().y()) for card in self.host.scene.selected_cards()}

    def align(self, edge: Edge) -> bool:
        structure, corners = self.host.document.structure, self._corners()
        return self.host.document.perform(lambda: align_posts(structure, corners, edge))

    def distribute(self, axis: Axis) -> bool:
        structure, corners = self.host.document.structure, self._corners()
        options = self.host.scene.options
        return self.host.document.perform(
            lambda: distribute_posts(structure, corners, (options.card_width, options.card_height), axis))
