"""Shared fixtures: small structures built in code, and the samples shipped with the product."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from orgdesigner.model import DottedLine, Structure  # noqa: E402
from orgdesigner.model.synthetic import synthetic_structure  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "sample_structures"


def make_structure(**settings: object) -> Structure:
    """A small council: a chief executive, two directors, three heads of service."""
    return Structure.model_validate({
        "name": "Test Council senior structure",
        "organisation": "Test Council",
        "settings": {"on_cost_rate": 0.25, **settings},
        "pay_scales": [
            {"code": "CE", "min": 140000, "max": 150000},
            {"code": "DIR", "min": 90000, "max": 100000},
            {"code": "HOS", "min": 70000, "max": 80000},
        ],
        "groups": [
            {"id": "corp", "name": "Corporate", "kind": "directorate", "leader": "D1", "staff": 100},
            {"id": "fin", "name": "Finance", "kind": "cluster", "parent": "corp", "staff": 40, "contractors": 5},
            {"id": "place", "name": "Place", "kind": "directorate", "leader": "D2", "staff": 200},
        ],
        "posts": [
            {"id": "CE", "title": "Chief Executive", "grade": "CE", "tier": "1", "group": "corp",
             "designations": ["HoPS"]},
            {"id": "D1", "title": "Director of Resources", "grade": "DIR", "tier": "2", "reports_to": "CE",
             "group": "corp", "designations": ["S151"]},
            {"id": "D2", "title": "Director of Place", "grade": "DIR", "tier": "2", "reports_to": "CE",
             "group": "place", "funding": {"Partner Council": 0.5}, "status": "shared"},
            {"id": "H1", "title": "Head of Finance", "grade": "HOS", "tier": "3B", "reports_to": "D1",
             "group": "fin"},
            {"id": "H2", "title": "Head of Legal", "grade": "HOS", "tier": "3B", "reports_to": "D1",
             "group": "corp", "designations": ["MO"]},
            {"id": "H3", "title": "Head of Planning", "grade": "HOS", "tier": "3B", "reports_to": "D2",
             "group": "place", "fte": 0.5, "status": "vacant"},
        ],
    })


@pytest.fixture
def structure() -> Structure:
    return make_structure()


def make_options():
    """Two scenarios of the small council: Current (the baseline) and Option A (the Head of Legal deleted)."""
    from orgdesigner.model import Scenarios

    current = make_structure()
    current.update_details(scenario="Current")
    scenarios = Scenarios([current])
    scenarios.add("Option A", copy_of="Current").remove_post("H2")
    return scenarios


@pytest.fixture
def new_window(qtbot, tmp_path, monkeypatch):
    """Make windows with their own settings and recovery folder; at the end they close without asking."""
    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from orgdesigner.ui.mainwindow import MainWindow

    made = []

    def make(name: str = "settings") -> MainWindow:
        win = MainWindow(settings=QSettings(str(tmp_path / f"{name}.ini"), QSettings.IniFormat))
        win.recovery.folder = tmp_path / "recovery"
        made.append(win)
        return win

    yield make
    for win in made:
        monkeypatch.setattr(win, "ask_save_changes", lambda: QMessageBox.Discard)
        win.close()
        win.deleteLater()
    QApplication.clipboard().clear()  # the clipboard outliving the test would own a deleted QMimeData
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def crash(window) -> None:
    """What a crash leaves behind: the window's recovery files, and no open window that owns them
    (its process is gone). The window object itself is closed by `new_window` at the end."""
    from orgdesigner.ui.recovery import Recovery

    Recovery._open.discard(window.recovery.owner)


# ----- the canvas on its own -------------------------------------------------------------

@dataclass
class CanvasRig:
    """A document shown on a scene and view in a plain widget, as the window shows it but without
    the window; what the document refused and what the scene hinted are recorded."""

    document: Any
    scene: Any
    view: Any
    host: Any
    refusals: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)


@pytest.fixture
def make_canvas(qtbot):
    """Make a canvas showing `structure` in the compact layout (the window's default), zoomed to 70% on
    the middle of the chart."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from orgdesigner.layout import LayoutOptions
    from orgdesigner.ui.document import Document
    from orgdesigner.ui.scene import OrgScene
    from orgdesigner.ui.view import OrgView

    def make(structure: Structure) -> CanvasRig:
        document = Document()
        document.set_structure(structure, None)
        scene = OrgScene(document, LayoutOptions(compact=True))
        view = OrgView(scene)
        host = QWidget()
        QVBoxLayout(host).addWidget(view)
        qtbot.addWidget(host)
        host.resize(1400, 900)
        host.show()
        qtbot.waitExposed(host)
        view.set_zoom(0.7)
        view.centerOn(scene.itemsBoundingRect().center())
        rig = CanvasRig(document, scene, view, host)
        document.refused.connect(rig.refusals.append)
        scene.hint.connect(rig.hints.append)
        return rig

    return make


@pytest.fixture
def canvas(make_canvas) -> CanvasRig:
    """The small council on a canvas of its own."""
    return make_canvas(make_structure())


@dataclass
class Ran:
    """What one `orgdesigner` command did: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys):
    """Run `orgdesigner ARGS` in this process (orgdesigner.main, as the installed command does)."""
    from orgdesigner.main import main

    def run(*args: str) -> Ran:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


LABELS = ["professional", "statutory", "Corporate Group leads the relationship with the shared ICT service",
          "aligned to", "Finance business partner for the directorate's capital programme"]


def dotted_synthetic(size: int, every: int = 5) -> Structure:
    """A synthetic council with a dotted line from every fifth (`every`th) post to a post near it, some with
    long labels."""
    structure = synthetic_structure(size)
    rng = random.Random(7)
    ids = list(structure.posts)
    for number, index in enumerate(range(1, len(ids), every)):
        pid, manager = ids[index], ids[max(0, index - rng.randint(2, 12))]  # near by: mostly on the same page
        if manager != structure.posts[pid].reports_to:
            structure.update_post(pid, dotted=[DottedLine(manager=manager, label=LABELS[number % len(LABELS)])])
    return structure
