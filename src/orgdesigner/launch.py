"""`orgdesigner [FILE]`: open the designer window (the Qt layer is imported only here)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def launch_window(args: Sequence[str]) -> int:
    try:
        from .ui.app import run
    except ImportError:
        print("orgdesigner: the designer window is not part of this build yet; "
              "use 'orgdesigner check FILE' or 'orgdesigner import TABLE.csv -o FILE'.", file=sys.stderr)
        return 2
    return run(list(args))
