"""Start the designer window: `orgdesigner [FILE] [--screenshot OUT.png]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SCREENSHOT_SIZE = (1440, 900)


def run(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="orgdesigner", description="Open the OrgDesigner window.")
    parser.add_argument("file", nargs="?", metavar="FILE", help="a structure file (.orgd) to open")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="lay the file out, save a picture of the whole window and exit (no display needed)")
    parser.add_argument("--layout", choices=("compact", "wide"),
                        help="compact stacks the reports of managers whose reports manage no one (default: "
                             "as last chosen in the window, compact at first)")
    options = parser.parse_args(args)
    if options.screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from ..model import StructureFileError, load
    from .mainwindow import MainWindow

    structure = None
    if options.file:
        try:
            structure = load(options.file)
        except StructureFileError as exc:
            print(f"orgdesigner: {exc}", file=sys.stderr)
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
    if structure is not None:
        try:
            window.document.set_structure(structure, Path(options.file))
        except ValueError as exc:
            print(f"orgdesigner: {options.file}: {exc}", file=sys.stderr)
            return 2
    if options.screenshot:
        return _screenshot(app, window, Path(options.screenshot))
    window.show()
    if structure is not None:
        window._remember_recent(Path(options.file))
        window.view.fit()
    return app.exec()


def _screenshot(app, window, out: Path) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    app.processEvents()
    window.view.fit()
    app.processEvents()
    if not window.grab().save(str(out)):
        print(f"orgdesigner: cannot write the screenshot to {out}", file=sys.stderr)
        return 2
    window.document.undo_stack.setClean()
    window.close()
    return 0
