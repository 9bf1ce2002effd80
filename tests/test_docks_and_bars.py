"""Docks and bars that fit, in the window at its default size: every figure readable, whole tab labels, Undo
and Redo of one width, a refusal read in full until the next edit, span badges in their finding's colour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QStandardPaths
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QTabBar, QToolBar

from orgdesigner import editing as commands
from orgdesigner.model import Post, save
from orgdesigner.presentation.chartstyle import ACCENT, SEVERITY_COLOURS
from orgdesigner.ui.docks.figures import FiguresFeature

from conftest import make_structure

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def window(new_window, qtbot, tmp_path):
    structure = make_structure()
    structure.posts["D1"].title = "Strategic Director of Finance, Resources, Transformation and Customer Services"
    path = tmp_path / "council.orgd"
    save(structure, path)
    win = new_window()
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(path)
    QApplication.processEvents()
    QApplication.processEvents()
    return win


def test_the_figures_dock_shows_every_value_in_full(window):
    panel = window.feature(FiguresFeature).panel
    window.dock_layout["figures"].raise_()
    QApplication.processEvents()
    header, metrics = panel.header(), QFontMetrics(panel.font())
    right_edge = header.sectionViewportPosition(2) + header.sectionSize(2)
    assert right_edge <= panel.viewport().width()
    values = [item.text(2) for item in _rows(panel) if item.text(2)]
    assert "FTE" in [item.text(0) for item in _rows(panel)] and len(values) > 10
    assert all(metrics.horizontalAdvance(v) <= header.sectionSize(2) for v in values), header.sectionSize(2)
    assert header.sectionSize(0) > 60  # the labels keep room too, elided with the whole label in a tooltip


def test_the_figures_dock_shows_each_figures_name_in_full(window):
    """'Cost (gross)' and 'Cost (net)' must not both read 'Cost …': the long cost basis sentence spans the
    row instead of widening the Value column."""
    panel = window.feature(FiguresFeature).panel
    window.dock_layout["figures"].raise_()
    QApplication.processEvents()
    header, metrics = panel.header(), QFontMetrics(panel.font())
    room = header.sectionSize(0) - panel.indentation()
    top = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    for item in top:
        if item.isFirstColumnSpanned():
            assert metrics.horizontalAdvance(item.text(0)) <= panel.viewport().width(), item.text(0)
        else:
            assert metrics.horizontalAdvance(item.text(0)) <= room, (item.text(0), room)
    assert any(item.text(0).startswith("Costed at top of grade") for item in top)


def _rows(panel):
    stack = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(item.child(i) for i in range(item.childCount()))


def test_every_dock_tab_label_is_whole(window):
    bars = [bar for bar in window.findChildren(QTabBar) if bar.parent() is window and bar.isVisible()]
    assert len(bars) >= 2
    for bar in bars:
        metrics = QFontMetrics(bar.font())
        for index in range(bar.count()):
            text = bar.tabText(index)
            assert metrics.horizontalAdvance(text) <= bar.tabRect(index).width(), text


def test_undo_and_redo_keep_one_width_with_the_command_in_the_tooltip_and_history(window):
    toolbar = window.findChild(QToolBar, "main_toolbar")
    undo, redo = window.undo_button, window.redo_button
    assert undo.parent() is toolbar and undo.isVisible() and undo.text() == "Undo" and redo.text() == "Redo"
    widths = (undo.width(), redo.width())
    structure = window.document.structure
    assert window.document.execute(commands.edit_post(structure, "H1", title="Head of Finance, Audit and Risk"))
    QApplication.processEvents()
    assert (undo.width(), redo.width()) == widths and window.undo_action.text() == "&Undo"
    assert "Head of Finance" in window.undo_action.toolTip() and window.undo_action.toolTip().startswith("Undo ")
    history = window.history.model()
    assert "Head of Finance" in history.index(history.rowCount() - 1, 0).data()
    window.undo_action.trigger()
    QApplication.processEvents()
    assert (undo.width(), redo.width()) == widths and "Head of Finance" in window.redo_action.toolTip()
    assert not window.undo_action.isEnabled() and window.redo_action.isEnabled()
    assert not undo.isEnabled() and redo.isEnabled()


class _LaidOut(QObject):
    """Notes each widget asked to lay out its children again."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.asked.append(watched.objectName() or type(watched).__name__)
        return False


def test_edits_and_their_undo_lay_out_neither_the_toolbar_nor_the_window_again(window):
    """Undo's tooltip, Redo's state and the status bar's figures change with every edit; a toolbar or status bar
    laid out again has the whole window laid out and repainted."""
    structure = window.document.structure
    edits = [lambda: commands.edit_post(structure, "H1", title="Head of Finance"),  # the first as it comes
             lambda: commands.edit_post(structure, "H1", title="Head of Finance and Audit"),
             lambda: commands.add_post(structure, Post(id="NEW", title="Auditor", reports_to="H1",
                                                       group=structure.posts["H1"].group)),
             lambda: commands.edit_post(structure, "H1", salary=123_456_789)]
    figures = window.summary_label.text()
    laid_out = _LaidOut()
    for number, edit in enumerate(edits):
        if number == 1:
            QApplication.instance().installEventFilter(laid_out)
        assert window.document.execute(edit())
        QApplication.processEvents()
        window.undo_action.trigger()
        QApplication.processEvents()
        window.redo_action.trigger()
        QApplication.processEvents()
    QApplication.instance().removeEventFilter(laid_out)
    assert window.undo_action.toolTip().startswith("Undo Change salary")
    assert window.summary_label.text() != figures and window.summary_label.width() >= \
        window.summary_label.fontMetrics().horizontalAdvance(window.summary_label.text())  # read in full
    assert not {"main_toolbar", "MainWindow", "WrappingStatusBar"} & set(laid_out.asked), laid_out.asked


def test_a_refusal_is_shown_in_full_until_the_next_edit(window):
    structure = window.document.structure
    assert not window.document.perform(lambda: commands.set_manager(structure, "D1", "H1"))  # a cycle
    bar = window.statusBar()
    message = bar.currentMessage()
    assert message.startswith("Not done: ") and "cycle" in message and structure.posts["D1"].title in message
    QApplication.processEvents()
    assert QFontMetrics(bar.font()).horizontalAdvance(message) > bar.width()  # too long for one line: it wraps
    assert bar.lines_height(message) <= bar.message_rect().height()
    assert not window.summary_label.isVisible() and bar.toolTip() == message
    assert window.document.execute(commands.edit_post(structure, "H1", fte=0.8))
    assert bar.currentMessage() == "" and window.summary_label.isVisible()


def test_span_badges_take_the_colour_of_their_finding(window):
    structure, scene = window.document.structure, window.scene
    assert scene.card("CE").span_badge_colour() == ACCENT  # two reports: nothing to say
    assert window.document.execute(commands.edit_settings(structure, span_max=1))
    assert scene.card("CE").span_badge_colour() == SEVERITY_COLOURS["warning"]
    rules = {"span-over-limit": {"severity": "error"}}
    assert window.document.execute(commands.edit_settings(structure, rules=rules))
    assert scene.card("CE").span_badge_colour() == SEVERITY_COLOURS["error"]
    assert scene.card("H1").span_badge_colour() == ACCENT  # no reports, no finding about its span
