"""The compare view in the window: the Compare menu, the overlay on the canvas (change colours, legend,
holding area) and the Changes, Finance and Layers & Spans docks, all following one CompareSession."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu, QWidget

from ...analysis import PostChange, RuleSet
from ...analysis.basis import Basis
from ...model import ImpactChoice, Structure, StructureFileError, UnknownScenario, load_scenarios
from ...presentation.changes import impact_summary, likely_phrase
from ...presentation.chartstyle import IMPACT_STYLES, change_style
from ...editing import Edit, decide_match
from ..document import FILE_FILTER
from ..feature import ActionSpec, DockSpec, FeatureParts, MenuSpec, WindowHost
from ..items.postcard import PostCardItem
from .holding import GAP, HEADER, GhostCard, HoldingArea
from .impacts import choose_impact, give_reason, reset_impacts
from .legend import CompareLegend
from .session import CompareSession

if TYPE_CHECKING:  # made, and imported, when a comparison first needs them (issue 14)
    from .changes_panel import ChangesPanel
    from .charts import ShapePanel
    from .finance_panel import FinancePanel

Area = Qt.DockWidgetArea

GHOST_SCALE = 0.85
"""Cards waiting in the holding area are drawn a little smaller than the chart's."""
MIN_ROWS = 4
"""The holding area is as tall as the chart, and at least this many cards tall."""


class CompareFeature(QObject):
    """The Compare menu (before View) and its docks, which stay hidden until a comparison starts; tabbed with
    the docks they stand in for while comparing. Their panels are made when a comparison first starts (or one
    is asked for): the window starts without them."""

    DOCKS: ClassVar[tuple[DockSpec, ...]] = (
        DockSpec("changes", "Changes", Area.BottomDockWidgetArea, tab_with="findings", hidden=True),
        DockSpec("finance", "Finance", Area.RightDockWidgetArea, tab_with="properties", hidden=True),
        DockSpec("layers_spans", "Layers and Spans", Area.LeftDockWidgetArea, tab_with="outline", hidden=True, scroll=True),
    )
    MENU: ClassVar[MenuSpec | None] = MenuSpec("compare_menu", "Co&mpare", before="view_menu")
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = (
        ActionSpec("compare_with_file", "Compare with &File…",
                   "Compare the structure shown with the baseline of another file"),
        ActionSpec("stop_comparing", "&Stop Comparing", "Back to the ordinary chart"),
    )

    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self.document = host.document
        self.scene = host.scene
        self.session = CompareSession(host.document, self)
        self.holding: HoldingArea | None = None
        self._syncing = False
        self._panels: tuple[ChangesPanel, FinancePanel, ShapePanel] | None = None
        self.legend = CompareLegend(host.view)
        self.menu: QMenu
        self.file_action: QAction
        self.stop_action: QAction
        self.changes_dock: QDockWidget
        self.finance_dock: QDockWidget
        self.shape_dock: QDockWidget

    def contents(self) -> Mapping[str, QWidget]:
        """Stand-ins until the panels are made (`_made_panels`)."""
        return {name: QWidget() for name in ("changes", "finance", "layers_spans")}

    @property
    def changes(self) -> ChangesPanel:
        return self._made_panels()[0]

    @property
    def finance(self) -> FinancePanel:
        return self._made_panels()[1]

    @property
    def shape(self) -> ShapePanel:
        return self._made_panels()[2]

    def _made_panels(self) -> tuple[ChangesPanel, FinancePanel, ShapePanel]:
        """The Changes, Finance and Layers and Spans panels, made and put in their docks when first needed."""
        if self._panels is not None:
            return self._panels
        from .changes_panel import ChangesPanel
        from .charts import ShapePanel
        from .finance_panel import FinancePanel

        changes, finance, shape = self._panels = ChangesPanel(), FinancePanel(), ShapePanel()
        layout = self.host.dock_layout
        for name, panel in (("changes", changes), ("finance", finance), ("layers_spans", shape)):
            layout.set_content(name, panel)
        changes.change_selected.connect(self._row_chosen)
        changes.impact_chosen.connect(self._impact_chosen)
        changes.reason_given.connect(self._reason_given)
        changes.reset_requested.connect(self._reset)
        changes.matches.decided.connect(self._match_decided)
        finance.basis_chosen.connect(lambda value: self.session.set_basis(Basis(value)))
        return self._panels

    def attach(self, parts: FeatureParts) -> None:
        assert parts.menu is not None
        self.menu = parts.menu
        self.changes_dock, self.finance_dock = parts.docks["changes"], parts.docks["finance"]
        self.shape_dock = parts.docks["layers_spans"]
        self.file_action = parts.actions["compare_with_file"]
        self.file_action.triggered.connect(self.compare_with_file_dialog)
        self.stop_action = parts.actions["stop_comparing"]
        self.stop_action.triggered.connect(self.stop)
        self.session.updated.connect(self._show_result)
        self.document.scenarios_changed.connect(self._fill_menu)
        self.scene.selectionChanged.connect(self._scene_selection)
        self._fill_menu()

    # ----- starting and stopping ------------------------------------------------------------

    def compare_with_scenario(self, name: str) -> bool:
        """Compare the structure shown (after) with another scenario of the open file (before)."""
        try:
            before = self.document.scenarios.get(name)
        except UnknownScenario as exc:
            self.document.refuse(str(exc))
            return False
        if before is self.document.structure:
            self.document.refuse(f"'{name}' is the scenario shown; choose another one to compare it with")
            return False
        self.session.start(before)
        self._started()
        return True

    def choose_compare_file(self) -> Path | None:
        """The file to compare the structure shown with; tests replace this."""
        start = str(self.document.path.parent) if self.document.path else str(Path.cwd())
        name, _ = QFileDialog.getOpenFileName(self.host.dialog_parent(), "Compare with file", start, FILE_FILTER)
        return Path(name) if name else None

    def compare_with_file_dialog(self) -> bool:
        path = self.choose_compare_file()
        return path is not None and self.compare_with_file(path)

    def compare_with_file(self, path: Path) -> bool:
        """Compare the structure shown (after) with the baseline of another file (before, read only)."""
        try:
            before = load_scenarios(path).baseline
            RuleSet.for_settings(before.settings)
        except StructureFileError as exc:
            self.host.show_error("Cannot compare with the file", str(exc))
            return False
        except ValueError as exc:
            self.host.show_error("Cannot compare with the file", f"{path}: {exc}")
            return False
        self.compare_with(before, path)
        return True

    def compare_with(self, before: Structure, path: Path) -> None:
        """Compare the structure shown with `before`, read from the file `path`."""
        self.session.start(before, path)
        self._started()

    def _started(self) -> None:
        for dock in (self.changes_dock, self.finance_dock, self.shape_dock):
            dock.show()
        layout = self.host.dock_layout
        if not layout.is_placed:  # started with the window (orgdesigner FILE --compare BEFORE): tabbed in on its
            # first turn of the event loop, not now, while it is being shown: Qt would leave a stray tab bar of a
            # tab group made before the window has laid out its docks
            layout.placed.connect(self._arrange, Qt.ConnectionType.SingleShotConnection)
        self._arrange()
        QTimer.singleShot(0, self, self._arrange)  # again once the window has laid the docks out (or is shown)

    def _arrange(self) -> None:
        for dock in (self.changes_dock, self.finance_dock, self.shape_dock):
            dock.raise_()
        layout = self.host.dock_layout
        layout.resize(self.shape_dock, 330)
        layout.resize(self.finance_dock, 400)
        layout.resize(self.changes_dock, 280)
        QTimer.singleShot(0, self.host.view, self.host.view.fit)  # once the docks have their new sizes
        self.host.show_status(f"Comparing {self._after_label()} with {self.session.before_label}", 6000)

    def stop(self) -> None:
        self.session.stop()

    # ----- showing the comparison ----------------------------------------------------------

    def _after_label(self) -> str:
        after = self.session.after
        return after.scenario or after.name if after is not None else ""

    def _show_result(self) -> None:
        result = self.session.result
        self._fill_menu()
        if result is None:
            self.scene.set_comparison({}, None)
            self.holding = None
            self.legend.clear_counts()
            if self._panels is not None:
                self.changes.set_result(None, False)
                self.finance.set_result(None, "")
                self.shape.set_result(None, "", "")
            for dock in (self.changes_dock, self.finance_dock, self.shape_dock):
                dock.hide()
            self.host.view.fit()
            return
        before_label, after_label = self.session.before_label, self._after_label()
        on_before = self.session.before_shown
        shown = [c for c in result.changes if (c.before if on_before else c.after) is not None]
        held = [c for c in result.changes if (c.before if on_before else c.after) is None]
        marks = {side.id: (tuple(c.kinds), _note(c)) for c in shown  # an accepted match's cards differ in id
                 if (side := c.before if on_before else c.after) is not None}
        selected = [item.post_id for item in self.scene.selectedItems() if isinstance(item, GhostCard)]
        self.holding = self._holding_area(held, on_before, before_label, after_label) if held else None
        self._syncing = True
        try:
            self.scene.set_comparison(marks, self.holding)
            if self.holding is not None:
                for post_id in selected:
                    if post_id in self.holding.ghosts:
                        self.holding.ghosts[post_id].setSelected(True)
        finally:
            self._syncing = False
        what = "new" if on_before else "deleted"
        self.legend.set_counts(before_label, after_label, result.kind_counts(),
                               f"{len(held)} {what} post{'s' if len(held) != 1 else ''} wait beside the chart →"
                               if held else "",
                               "costed on different bases: see Finance" if result.basis_warnings else "")
        self.changes.set_result(result, editable=not on_before)
        self.finance.set_result(result, before_label)
        self.shape.set_result(result, before_label, after_label)

    def _holding_area(self, held: list[PostChange], on_before: bool, before_label: str,
                      after_label: str) -> HoldingArea:
        result = self.session.result
        assert result is not None
        options = self.scene.options
        width, height = options.card_width * GHOST_SCALE, options.card_height * GHOST_SCALE
        chart_height = self.scene.layout.bounds.height if self.scene.layout is not None else 0.0
        rows = max(MIN_ROWS, int((chart_height - HEADER) // (height + GAP)))
        if on_before:
            title, home = f"New posts in {after_label} · {len(held)}", result.after
            subtitle = f"Not on this chart: {after_label} creates {'it' if len(held) == 1 else 'them'}"
        else:
            title, home = f"Deleted posts · {len(held)}", result.before
            subtitle = impact_summary(held)
        area = HoldingArea(title, subtitle, held, home, width, height, rows)
        for post_id, likely in (result.likely or {}).items() if not on_before else ():
            ghost = area.ghosts.get(post_id)
            if ghost is not None:  # the likely matches for its holder, best first, under its impact
                ghost.setToolTip("<br>".join([ghost.toolTip(), *(escape(likely_phrase(m, result.after))
                                                                 for m in likely)]))
        return area

    def _fill_menu(self) -> None:
        self.menu.clear()
        shown = self.document.structure
        baseline = self.document.scenarios.baseline
        others = [s for s in self.document.scenarios if s is not shown]
        for structure in sorted(others, key=lambda s: s is not baseline):
            label = f"Compare with '{structure.scenario}'" + (" (baseline)" if structure is baseline else "")
            action = QAction(label.replace("&", "&&"), self.menu)
            action.setCheckable(True)
            action.setChecked(structure is self.session.before)
            action.triggered.connect(lambda _checked=False, name=structure.scenario: self.compare_with_scenario(name))
            self.menu.addAction(action)
        if not others:
            hint = self.menu.addAction("This file has no other scenario")
            hint.setEnabled(False)
        self.menu.addAction(self.file_action)
        self.menu.addSeparator()
        self.stop_action.setEnabled(self.session.active)
        self.menu.addAction(self.stop_action)
        self.menu.addSeparator()
        for dock in (self.changes_dock, self.finance_dock, self.shape_dock):
            self.menu.addAction(dock.toggleViewAction())

    # ----- selection, both ways -------------------------------------------------------------

    def _scene_selection(self) -> None:
        if self._syncing or not shiboken6.isValid(self.scene) or not self.session.active:
            return
        items = self.scene.selectedItems()
        if len(items) != 1 or not isinstance(items[0], (GhostCard, PostCardItem)):
            return
        self._syncing = True
        try:
            self.changes.select_post(items[0].post_id)
        finally:
            self._syncing = False
        if isinstance(items[0], GhostCard):
            self.changes_dock.show()
            self.changes_dock.raise_()

    def _row_chosen(self, post_id: str) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            if post_id in self.scene.layout_rects():
                self.host.select_and_centre([post_id])
            elif self.holding is not None and post_id in self.holding.ghosts:
                ghost = self.holding.ghosts[post_id]
                self.scene.clearSelection()
                ghost.setSelected(True)
                self.host.view.centerOn(ghost.sceneBoundingRect().center())
        finally:
            self._syncing = False

    # ----- impact decisions ------------------------------------------------------------------

    def _impact_chosen(self, post_id: str, impact: ImpactChoice) -> None:
        change = self.changes.change_of(post_id)
        if change is not None and self._can_decide():
            self._execute(choose_impact(self.document.structure, change, impact))

    def _reason_given(self, post_id: str, reason: str) -> None:
        change = self.changes.change_of(post_id)
        if change is not None and self._can_decide():
            self._execute(give_reason(self.document.structure, change, reason))

    def _reset(self, post_ids: list[str]) -> None:
        changes = [c for c in map(self.changes.change_of, post_ids) if c is not None]
        if not changes:
            self.host.show_status("Select the posts whose impact should go back to the suggested one", 5000)
            return
        if self._can_decide():
            self._execute(reset_impacts(self.document.structure, changes))

    def _match_decided(self, before: str, after: str, accepted: bool) -> None:
        if self._can_decide():
            self._execute(decide_match(self.document.structure, before, after, accepted))

    def _can_decide(self) -> bool:
        """Decisions are kept in the proposed structure, so it has to be the one shown (its undo history)."""
        if self.session.after is not self.document.structure:
            self.document.refuse(f"show '{self._after_label()}' to change the impacts of its proposal")
            return False
        return True

    def _execute(self, command: Edit | None) -> None:
        if command is not None and self.document.execute(command):
            self.session.refresh()


def _note(change: PostChange) -> str:
    kinds = ", ".join(change_style(k).label for k in change.kinds)
    return f"{kinds} · {IMPACT_STYLES[change.impact.value][0]}"
