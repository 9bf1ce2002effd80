"""The `orgdesigner` program: a subcommand (or --help) runs on the command line, anything else
(nothing, a FILE, --screenshot, --compare ...) opens the designer window.

The only module that reaches both `cli` and `ui`; Qt is imported only on the way to the window. Both
ways pass through the one guard (`cli.common.guarded`): bad input is a message and exit 2, never a
traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .heap import settling


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    with settling():  # the modules imported live on: no collecting while they are made (issue 14)
        from . import cli
        from .cli.common import guarded
    if args and (args[0] in cli.COMMANDS or args[0] in ("-h", "--help")):
        return cli.main(args)
    from .ui.app import run

    return guarded(lambda: run(args))
