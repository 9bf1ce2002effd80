"""The `orgdesigner` subcommands: check and import structures, compare, export, list scenarios,
print rotas and pay benchmarks, merge and diff structure files. No Qt here: the window is opened by
`orgdesigner.main`.

Exit codes (`common`): 0 success (for `check`: no error findings), 1 error findings (for `merge`:
open conflicts), 2 bad input (a file that cannot be read, an invalid table, a bad option), always
with a message on stderr and never a traceback. `common.guarded` is the one boundary: an
unexpected error (a bug) is also one line and exit 2, its traceback shown only with
ORGDESIGNER_DEBUG=1; a closed pipe (`orgdesigner check FILE | head -1`) ends the command quietly.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from types import ModuleType

from .common import PROG, Parser, guarded

COMMANDS = ("check", "import", "compare", "export", "scenarios", "rota", "benchmark", "merge", "diff")
"""The subcommands' names (each module's NAME, in the order of `subcommands()`): known without importing them,
so the window starts without the commands' modules (issue 14)."""


def subcommands() -> tuple[ModuleType, ...]:
    """The subcommands' modules; each registers its subparser, which names the function that runs it."""
    from . import benchmark, check, compare, diff, export, importing, merge, rota, scenarios

    return (check, importing, compare, export, scenarios, rota, benchmark, merge, diff)

WINDOW_USAGE = f"""\
without a COMMAND, {PROG} opens the designer window:
  {PROG} [FILE] [--scenario NAME] [--compare BEFORE] [--layout {{compact,wide}}] [--screenshot OUT.png]
  ({PROG} FILE --help lists the window's options)"""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog=PROG, description="Design, check and compare the senior structures of public bodies.",
                    epilog=WINDOW_USAGE, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser, required=True)
    for module in subcommands():
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; bad input of any kind ends in a message naming it and exit 2."""
    try:
        options = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, or argparse refusing the options (it has printed why)
        return int(exc.code or 0)
    run: Callable[[argparse.Namespace], int] = options.run
    return guarded(lambda: run(options))
