"""Start the designer window: `orgdesigner [FILE] [--scenario NAME] [--compare BEFORE] [--screenshot OUT.png]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..heap import settling

SCREENSHOT_SIZE = (1440, 900)


def run(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="orgdesigner", description="Open the OrgDesigner window.")
    parser.add_argument("file", nargs="?", metavar="FILE", help="a structure file (.orgd) to open")
    parser.add_argument("--scenario", metavar="NAME", help="the scenario of FILE to show (default: its baseline)")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="lay the file out, save a picture of the whole window and exit (no display needed)")
    parser.add_argument("--layout", choices=("compact", "wide"),
                        help="compact stacks the reports of managers whose reports manage no one (default: "
                             "as last chosen in the window, compact at first)")
    parser.add_argument("--compare", metavar="BEFORE",
                        help="open in the compare view against BEFORE: another scenario of FILE, or another file "
                             "(its baseline)")
    parser.add_argument("--levels", type=int, choices=range(1, 7), metavar="N",
                        help="show the top N levels of the chart (1 to 6), folding the branches below")
    options = parser.parse_args(args)
    if options.scenario is not None and not options.file:
        parser.error("--scenario needs a FILE")
    if options.compare is not None and not options.file:
        parser.error("--compare needs a FILE")
    if options.screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    with settling():  # what is read and built now lives on: no collecting while it is made
        started = _start(options)
    if isinstance(started, int):
        return started
    app, window = started
    if options.screenshot:
        return _screenshot(app, window, Path(options.screenshot))
    opened(window, Path(options.file) if options.file else None)
    return app.exec()


def _start(options: argparse.Namespace):
    """Read FILE and show the window with it, not yet painted: the application and the window, or the exit
    code when FILE cannot be shown (having said why)."""
    from PySide6.QtWidgets import QApplication

    from ..model import StructureFileError, UnknownScenario, load_scenarios
    from .compare import CompareFeature
    from .folding.feature import FoldFeature
    from .mainwindow import MainWindow

    scenarios = None
    if options.file:
        try:
            scenarios = load_scenarios(options.file)
            if options.scenario is not None:
                scenarios.get(options.scenario)  # an unknown name fails here, before any window opens
        except StructureFileError as exc:
            print(f"orgdesigner: {exc}", file=sys.stderr)
            return 2
        except UnknownScenario as exc:
            print(f"orgdesigner: {options.file}: {exc}", file=sys.stderr)
            return 2
    before = None
    if options.compare is not None:
        before = _compare_target(scenarios, options.scenario or scenarios.baseline.scenario, options.compare)
        if before is None:
            return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OrgDesigner")
    app.setOrganizationName("OrgDesigner")
    # Copied posts live in the clipboard; let it go before Qt tears down, or exit can crash.
    app.aboutToQuit.connect(lambda: app.clipboard().clear())
    window = MainWindow()
    if options.layout:
        window.compact_action.setChecked(options.layout == "compact")
        window.scene.set_compact(options.layout == "compact")
    if scenarios is not None:
        try:
            window.document.set_scenarios(scenarios, Path(options.file), options.scenario)
        except ValueError as exc:
            print(f"orgdesigner: {options.file}: {exc}", file=sys.stderr)
            return 2
    if options.levels is not None:
        window.feature(FoldFeature).show_levels(options.levels)
    if options.screenshot:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    if isinstance(before, str):
        window.feature(CompareFeature).compare_with_scenario(before)
    elif before is not None:
        window.feature(CompareFeature).compare_with(before, Path(options.compare))
    return app, window


def opened(window, path: Path | None) -> None:
    """A window started for the file at PATH (None: a new, untitled structure) is shown: offer what a
    crashed window autosaved for it, remember the file among the recent ones and fit the chart."""
    window.offer_recovery(path)
    if path is not None:
        window._remember_recent(path)
    window.view.fit()


def _compare_target(scenarios, shown: str, text: str):
    """What --compare names: another scenario of FILE (its name), else another file (its baseline
    structure); None, having said why, when it is neither."""
    from ..analysis import RuleSet
    from ..model import StructureFileError, load_scenarios

    if text == shown:
        print(f"orgdesigner: --compare: {text!r} is the scenario shown; name another one", file=sys.stderr)
        return None
    if text in scenarios.names:
        return text
    try:
        structure = load_scenarios(text).baseline
        RuleSet.for_settings(structure.settings)
    except StructureFileError as exc:
        names = ", ".join(scenarios.names)
        print(f"orgdesigner: --compare: not a scenario of the file ({names}), and {exc}", file=sys.stderr)
        return None
    except ValueError as exc:
        print(f"orgdesigner: --compare: {text}: {exc}", file=sys.stderr)
        return None
    return structure


def _screenshot(app, window, out: Path) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    app.processEvents()
    app.processEvents()  # docks shown or raised while showing settle in a second round
    window.resize(*SCREENSHOT_SIZE)  # a dock shown late may have grown the window a few pixels
    app.processEvents()
    window.view.fit()
    app.processEvents()
    if not window.grab().save(str(out)):
        print(f"orgdesigner: cannot write the screenshot to {out}", file=sys.stderr)
        return 2
    window.document.undo_stack.setClean()
    window.close()
    return 0
