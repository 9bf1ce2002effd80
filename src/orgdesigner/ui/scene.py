"""The canvas scene: the chart's items, kept in step with the model, and the gesture in progress."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from PySide6.QtCore import QPointF, QRectF, QTimer, Qt, Signal
from PySide6.QtGui import QColor, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneHelpEvent, QGraphicsSceneMouseEvent

from ..analysis import Finding
from ..layout import SCREEN_LAYOUT, IncrementalLayout, Layout, LayoutDelta, LayoutOptions, Rect
from ..model import Change, ChangeKind, Structure
from ..presentation.chartstyle import group_colours
from ..presentation.costbasis import cost_basis_text
from ..presentation.money import money
from ..editing import Edit
from .document import Document
from .viewstate import FoldState
from .gestures import Gesture, gesture_for_press
from .items.cache import make_room
from .items.groupbox import GroupBoxItem
from .items.lineitem import ReportingLineItem
from .items.postcard import PostCardItem
from .visible import VisibleItems

STRUCTURAL_FIELDS = frozenset({"reports_to", "dotted", "group", "position", "parent", "assistant"})
SIDE_PANEL_GAP = 90.0
GRID = 20.0
"""The snap-to-grid spacing, in scene units."""


class OrgScene(QGraphicsScene):
    """The chart on the canvas, following the model: it never edits items to match an edit.

    Every edit, the canvas's own gestures included, is an undo command applied to the model;
    the document then announces the change (after the analysis has caught up) and `on_change`
    brings the items into line: a structural edit (lines, groups, positions, posts added or
    removed) updates the incremental layout (the PDF draws from the same geometry) and moves
    only the items it reports as changed; any other edit only repaints the cards and group headers it touched. A document
    showing another structure (a file opened, another scenario) rebuilds every item.

    Mouse presses start a gesture chosen by `gesture_for_press`; moves and the release are
    forwarded to it, and Esc (through the view) cancels it. Gestures see the scene only as a
    `Canvas`: item lookup, the structure shown, `push` for their one edit, and `show_hint`.
    """

    add_post_requested = Signal(QPointF)
    """A double-click on empty canvas: the window adds a post there."""
    hint = Signal(str)
    """Text for the status bar while a gesture runs (why a line cannot be drawn there); empty clears it."""
    laid_out = Signal()
    """The items were placed afresh (an edit, folding, focus): overview and fold marks follow."""
    cards_made = Signal()
    """Card items were made for posts coming into view (scrolling, zooming): fold marks follow."""

    def __init__(self, document: Document, options: LayoutOptions | None = None) -> None:
        super().__init__()
        self.document = document
        self.options = options or SCREEN_LAYOUT
        self.incremental: IncrementalLayout | None = None
        self.snap_grid = 0.0
        """Cards dropped by hand land on a grid this fine (0: where dropped)."""
        self.cards: dict[str, PostCardItem] = {}
        self.boxes: dict[str, GroupBoxItem] = {}
        self.lines: dict[tuple[str, str, str], ReportingLineItem] = {}
        self.layout: Layout | None = None
        self.view_area: QRectF | None = None
        self.view_scale: float | None = None
        """What the view shows and at what scale (see `show_area`); None until it says."""
        self._gesture: Gesture | None = None
        self._severities: dict[str, str | None] = {}
        self._findings: dict[str, list[Finding]] | None = None
        """`_findings_shown` by post (see `_findings_by_post`)."""
        self._held: tuple[Structure, Counter[str | None]] | None = None
        """How many responsibilities each post holds, counted once per edit (see `_responsibilities_of`)."""
        self._findings_shown: list | None = None
        """The findings the cards were last marked from (an edit that changes none marks nothing)."""
        self.visible = VisibleItems(self)
        """Which cards and lines are items: those in or near the view (see `ui/visible.py`)."""
        self.show_names = True
        """Cards show their postholder's name (View ▸ Show Names)."""
        self.change_marks: dict[str, tuple[tuple[str, ...], str]] = {}
        """While comparing: each post's change kinds and a line for its tooltip."""
        self.side_panel: QGraphicsItem | None = None
        """While comparing: the item kept beside the chart (the holding area of deleted posts)."""
        self.view_state = FoldState(self)
        """What is folded away and which branch is in focus: the layout leaves those posts out."""
        self.view_state.changed.connect(self._show_view_state)
        self.setBackgroundBrush(QColor("#fbfbfc"))
        document.replaced.connect(self.rebuild)
        document.changed.connect(self.on_change)
        self.rebuild()

    # ----- following the model -----------------------------------------------------------

    def rebuild(self) -> None:
        self._gesture = None
        if self.side_panel is not None:
            self.removeItem(self.side_panel)  # kept: clear() would delete it
        self.clear()
        if self.side_panel is not None:
            self.addItem(self.side_panel)
        self.cards.clear()
        self.boxes.clear()
        self.lines.clear()
        self._severities.clear()
        self._findings_shown = None
        self.visible.clear()
        self.view_state.open(self.document.path)
        self.relayout()
        self.refresh_findings()

    def set_compact(self, compact: bool) -> None:
        if compact != self.options.compact:
            self.options = LayoutOptions(**{**self.options.__dict__, "compact": compact})
            self.relayout()

    def on_change(self, change: Change) -> None:
        self._held = None
        structural = change.kind in (ChangeKind.POST_ADDED, ChangeKind.POST_REMOVED, ChangeKind.GROUP_ADDED,
                                     ChangeKind.GROUP_REMOVED) or bool(change.fields & STRUCTURAL_FIELDS)
        touched = set(change.posts) | change.neighbours  # their span badges
        if change.old_manager is not None:
            touched.add(change.old_manager)  # its span badge
        if change.kind is ChangeKind.POST_REMOVED and change.removed is not None and \
                change.removed.reports_to is not None:
            touched.add(change.removed.reports_to)
        if change.kind in (ChangeKind.SETTINGS_CHANGED, ChangeKind.PAY_SCALES_CHANGED):
            touched = set(self.cards)
        if structural:
            groups = change.kind in (ChangeKind.GROUP_ADDED, ChangeKind.GROUP_REMOVED) or \
                bool(change.groups and change.fields & {"parent", "position"})
            self._relayout_change(set(change.posts), groups)
        else:
            self._refresh_boxes()
        self.visible.restyle(touched)
        for post_id in touched:
            self._refresh_card(post_id)
        self.refresh_findings()

    def relayout(self) -> None:
        """Lay the whole chart out afresh (another structure shown, other options) and place every item
        that exists or comes into view; card contents are refreshed only for new cards."""
        options = self.view_state.layout_options(self.options)
        self.incremental = IncrementalLayout(self.document.structure, options)
        self.apply_layout(self.incremental.layout, None)
        QTimer.singleShot(0, self._prepare_layout)  # once the chart is painted

    def _prepare_layout(self) -> None:
        if self.incremental is not None:
            self.incremental.prepare()

    def _show_view_state(self) -> None:
        """Folding or focus changed: both go through the incremental layout, so only the branches that open,
        close or come into focus and what they push aside move."""
        state, incremental = self.view_state, self.incremental
        if incremental is None:
            self.relayout()
        else:
            structure = self.document.structure
            if state.focus != incremental.options.focus:
                delta = incremental.set_focus(structure, state.focus, state.folded)
            else:
                delta = incremental.set_folded(structure, state.folded)
            self.apply_layout(incremental.layout, delta)
        self.refresh_findings()  # for the cards unfolded into view

    def _relayout_change(self, posts: set[str], groups_changed: bool) -> None:
        """After a structural edit: update the incremental layout and move only what it moved."""
        if self.incremental is None:
            self.relayout()
            return
        delta = self.incremental.update(self.document.structure, posts, groups_changed)
        self.apply_layout(self.incremental.layout, delta)

    def apply_layout(self, layout: Layout, delta: LayoutDelta | None) -> None:
        """Bring the items in line with `layout`: only the cards, lines and boxes named in `delta` (all when
        it is None); `VisibleItems` makes, moves or drops card and line items only in or near the view."""
        self.layout = layout
        if delta is None:
            self.visible.apply(layout)  # deleted, folded away or out of focus: no item
        else:
            self.visible.apply_delta(layout, delta)
        changed = set(self.boxes) | set(layout.groups) if delta is None else delta.groups
        order = {group_id: index for index, group_id in enumerate(layout.groups)}
        for group_id in sorted(changed, key=lambda g: order.get(g, -1)):  # boxes made in one order, so stacked alike
            rect = layout.groups.get(group_id)
            box = self.boxes.get(group_id)
            if rect is None:
                if box is not None:
                    self.removeItem(self.boxes.pop(group_id))
                continue
            if box is None:
                box = GroupBoxItem(group_id, self.options.group_header, self.options.card_height,
                                   self.options.group_padding)
                self.boxes[group_id] = box
                self.addItem(box)
            box.set_rect(QRectF(rect.x, rect.y, rect.width, rect.height))
        self._refresh_boxes()
        make_room(len(layout.cards))
        self._place_side_panel()
        self.laid_out.emit()

    def make_card(self, post_id: str, rect: QRectF) -> PostCardItem:
        """A post's card item, placed at `rect` and showing the post as it is now (see `VisibleItems`)."""
        card = PostCardItem(self.document.structure.posts[post_id], rect.width(), rect.height())
        card.setPos(rect.topLeft())
        card.set_show_names(self.show_names)
        self.cards[post_id] = card
        self.addItem(card)
        self._refresh_card(post_id, manager=False)  # its manager's card, if any, is as it was
        findings = self._findings_by_post().get(post_id, [])
        if findings:
            card.set_findings(findings)
            self._severities[post_id] = _findings_key(findings)
        return card

    def drop_card(self, post_id: str) -> None:
        self.removeItem(self.cards.pop(post_id))
        self._severities.pop(post_id, None)

    def show_area(self, area: QRectF, scale: float) -> None:
        """The view shows this part of the scene now, at this scale (as items' `levelOfDetailFromTransform`
        gives it): make the items in or near it, drop the others, and place the group labels in sight."""
        self.visible.show_area(area, scale)
        if self.view_area is None or area != self.view_area or scale != self.view_scale:
            self.view_area, self.view_scale = QRectF(area), scale
            self._place_labels()

    def _place_labels(self) -> None:
        """The group labels that may reach into the view follow its scale, and the others paint nothing: a label's
        type is sized to the view, so it is placed afresh at every step of a zoom, and only those in sight are
        worth it (see `GroupLabelItem`)."""
        area, scale = self.view_area, self.view_scale
        if area is None or scale is None:
            return
        for box in self.boxes.values():
            box.set_view_scale(scale if area.intersects(box.label.reach(scale)) else None)

    def gesture_running(self) -> bool:
        return self._gesture is not None

    def layout_rects(self) -> Mapping[str, Rect]:
        """Every post's card rectangle in the current layout, items or not (for an overview of the chart)."""
        return self.layout.cards if self.layout is not None else {}

    def set_show_names(self, show: bool) -> None:
        self.show_names = show
        for card in self.cards.values():
            card.set_show_names(show)
        if self.side_panel is not None:
            for item in self.side_panel.childItems():  # the ghost cards of a comparison
                item.update()

    def set_comparison(self, marks: dict[str, tuple[tuple[str, ...], str]], side_panel: QGraphicsItem | None) -> None:
        """Mark the cards with their change kinds and keep `side_panel` beside the chart; no marks and no
        panel is the ordinary chart again."""
        self.change_marks = marks
        for post_id, card in self.cards.items():
            card.set_change(*marks.get(post_id, ((), "")))
        if side_panel is not self.side_panel:
            if self.side_panel is not None:
                self.removeItem(self.side_panel)
            self.side_panel = side_panel
            if side_panel is not None:
                self.addItem(side_panel)
        self._place_side_panel()

    def content_rect(self) -> QRectF:
        """What the view fits: the chart and, while comparing, the item beside it."""
        bounds = self.layout.bounds if self.layout is not None else None
        rect = QRectF(bounds.x, bounds.y, bounds.width, bounds.height) if bounds else QRectF()
        if self.side_panel is not None:
            rect = rect.united(self.side_panel.sceneBoundingRect())
        return rect

    def _place_side_panel(self) -> None:
        if self.layout is None:
            return
        bounds = self.layout.bounds
        if self.side_panel is not None:
            self.side_panel.setPos(bounds.right + SIDE_PANEL_GAP, bounds.y)
        margin = 400
        self.setSceneRect(self.content_rect().adjusted(-margin, -margin, margin, margin))

    def _refresh_card(self, post_id: str, manager: bool = True) -> None:
        """The post's card (and, with `manager`, its manager's card, whose span may have changed) shows the post
        as it is now."""
        card = self.cards.get(post_id)
        post = self.document.structure.posts.get(post_id)
        if post is None:
            return
        analysis = self.document.analysis
        if card is not None:
            card.set_cost_basis(cost_basis_text(self.document.structure.settings))
            card.set_responsibility_count(self._responsibilities_of(post_id))
            card.set_change(*self.change_marks.get(post_id, ((), "")))
            card.set_post(post, analysis.cost(post_id), analysis.span(post_id))
        boss = post.reports_to
        if manager and boss in self.cards:  # the manager's span may have changed
            self.cards[boss].set_post(self.document.structure.posts[boss], analysis.cost(boss), analysis.span(boss))

    def _responsibilities_of(self, post_id: str) -> int:
        """How many responsibilities the post holds: all posts counted at once, again after an edit or for another
        structure (a focus on a branch makes hundreds of cards, each asking)."""
        structure = self.document.structure
        if self._held is None or self._held[0] is not structure:
            self._held = (structure, Counter(r.post for r in structure.responsibilities))
        return self._held[1][post_id]

    def _refresh_boxes(self) -> None:
        structure, analysis = self.document.structure, self.document.analysis
        totals = analysis.totals_by_group()
        top_level = [g for g in structure.groups.values() if g.parent is None]
        for group_id, box in self.boxes.items():
            group = structure.groups[group_id]
            chain = structure.group_chain(group_id)
            root_index = next((i for i, g in enumerate(top_level) if g.id == chain[-1]), 0)
            fill, border = group_colours(root_index)
            parts = []
            if group.leader in structure.posts:
                parts.append(f"Led by {structure.posts[group.leader].title}")
            staff, contractors = analysis.group_staff(group_id)
            if staff or contractors:
                parts.append(f"Staff {staff:,}" + (f" (+{contractors:,} contractors)" if contractors else ""))
            t = totals.get(group_id)
            summary = f"{t.posts} post{'s' if t.posts != 1 else ''} · {money(t.net)}" if t is not None else ""
            if summary:
                parts.append(summary)
            box.set_content(group.name, " · ".join(parts), fill, border, len(chain), summary)
        self._place_labels()  # a box moved or a name changed may bring its label into sight, or take it out

    def _findings_by_post(self) -> dict[str, list[Finding]]:
        """The findings shown, by each post they name (worked out when a card is first to show them)."""
        if self._findings is None:
            by_post: dict[str, list[Finding]] = {}
            for finding in self._findings_shown or []:
                for post_id in finding.posts:
                    by_post.setdefault(post_id, []).append(finding)
            self._findings = by_post
        return self._findings

    def refresh_findings(self) -> None:
        """Mark cards with their worst finding; only cards whose marking changes are repainted."""
        findings = self.document.analysis.findings()
        if findings == self._findings_shown:  # cards made since were marked as they were made
            return
        self._findings_shown = findings
        self._findings = None
        if not self.cards:  # a sketched chart: cards made later are marked as they are made
            return
        by_post = self._findings_by_post()
        marked = [post_id for post_id, key in self._severities.items() if key is not None]
        for post_id in [*by_post, *(p for p in marked if p not in by_post)]:  # cards with no findings stay so
            card = self.cards.get(post_id)
            if card is None:
                continue
            findings = by_post.get(post_id, [])
            key = _findings_key(findings) or None
            if self._severities.get(post_id) != key:
                self._severities[post_id] = key
                card.set_findings(findings)

    # ----- queries (with the edit and the hint below, what gestures may use: `gestures.Canvas`) ----

    @property
    def structure(self) -> Structure:
        return self.document.structure

    def card(self, post_id: str) -> PostCardItem | None:
        """The post's card item, made on demand when the post is out of view."""
        return self.cards.get(post_id) or self.visible.ensure(post_id)

    def box(self, group_id: str) -> GroupBoxItem | None:
        return self.boxes.get(group_id)

    def selected_cards(self) -> list[PostCardItem]:
        return [item for item in self.selectedItems() if isinstance(item, PostCardItem)]

    def selected_post_ids(self) -> list[str]:
        return [card.post_id for card in self.selected_cards()]

    def selected_group_ids(self) -> list[str]:
        return [item.group_id for item in self.selectedItems() if isinstance(item, GroupBoxItem)]

    def selected_lines(self) -> list[ReportingLineItem]:
        return [item for item in self.selectedItems() if isinstance(item, ReportingLineItem)]

    def card_at(self, scene_pos: QPointF, exclude: str | None = None) -> PostCardItem | None:
        self.visible.card_under(scene_pos)
        for item in self.items(scene_pos):
            if isinstance(item, PostCardItem) and item.post_id != exclude and \
                    item.card_rect().contains(item.mapFromScene(scene_pos)):
                return item
        return None

    def innermost_group_at(self, x: float, y: float) -> str | None:
        """The smallest group box (in the current layout) holding the point, if any."""
        if self.layout is None:
            return None
        holding = [(r.width * r.height, gid) for gid, r in self.layout.groups.items() if r.contains(x, y)]
        return min(holding)[1] if holding else None

    def select_posts(self, post_ids: list[str]) -> None:
        """Select these posts' cards and nothing else, telling of the new selection once: the docks would
        otherwise show the whole structure for the moment between the old selection and the new."""
        cards = [card for card in (self.card(post_id) for post_id in post_ids) if card is not None]
        if set(self.selectedItems()) == set(cards):
            return
        self.blockSignals(True)
        try:
            self.clearSelection()
            for card in cards:
                card.setSelected(True)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()

    # ----- gestures ----------------------------------------------------------------------

    def push(self, build: Callable[[], Edit]) -> bool:
        """A gesture's edit, through the document's undo stack; a refusal is announced by the document."""
        return self.document.perform(build)

    def snapped(self, x: float, y: float) -> tuple[float, float]:
        """Where a card dropped with its corner at (x, y) lands: on the grid, when snapping is on."""
        grid = self.snap_grid
        return (round(x / grid) * grid, round(y / grid) * grid) if grid > 0 else (x, y)

    def show_hint(self, text: str) -> None:
        self.hint.emit(text)

    def cancel_gesture(self) -> bool:
        """Esc: undo whatever the gesture in progress has moved or shown; False if there is none."""
        gesture, self._gesture = self._gesture, None
        if gesture is None:
            return False
        gesture.cancel()
        return True

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:  # noqa: N802 (Qt's name)
        """A tooltip is wanted: the cards there work out their hover text now (they do only when asked)."""
        for item in self.items(event.scenePos()):
            if isinstance(item, PostCardItem):
                item.toolTip()
        super().helpEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture is not None:  # another button while one runs
            event.accept()
            return
        self.visible.card_under(event.scenePos())  # a sketched card becomes an item to press on
        gesture = gesture_for_press(self, self.itemAt(event.scenePos(), QTransform()), event.scenePos(),
                                    event.button())
        modifiers = event.modifiers()
        if gesture is None or gesture.items_see_clicks:
            _extend_with_shift(event)
            super().mousePressEvent(event)
        if gesture is not None:
            gesture.press(event.scenePos(), modifiers)
            self._gesture = gesture
            event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture is not None:
            self._gesture.move(event.scenePos(), event.modifiers())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        gesture = self._gesture if event.button() == Qt.MouseButton.LeftButton else None
        modifiers = event.modifiers()
        if gesture is None or gesture.items_see_clicks:
            _extend_with_shift(event)
            super().mouseReleaseEvent(event)
        if gesture is not None:
            self._gesture = None
            gesture.release(event.scenePos(), modifiers)
            event.accept()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.visible.card_under(event.scenePos())
        if self.itemAt(event.scenePos(), QTransform()) is None:
            self.add_post_requested.emit(event.scenePos())
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


def _findings_key(findings: list) -> str:
    """What a card shows of its findings: a new severity repaints it as a new message does."""
    return "|".join(f"{f.severity.value}:{f.message}" for f in findings)


def _extend_with_shift(event: QGraphicsSceneMouseEvent) -> None:
    """Shift-click adds to the selection: Qt's item selection does that with Ctrl, so it is told Ctrl."""
    if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
        event.setModifiers(event.modifiers() | Qt.KeyboardModifier.ControlModifier)
