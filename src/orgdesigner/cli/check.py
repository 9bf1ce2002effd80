"""`orgdesigner check FILE`: a structure's figures and rule findings; exit 1 when any is an error."""

from __future__ import annotations

import argparse

from ..analysis import check_report
from ..presentation.costbasis import cost_basis_text
from .common import EXIT_FINDINGS, EXIT_OK, load_target, print_json, print_text, scenario_option
from .textreport import format_check

NAME = "check"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="print a structure's figures and rule findings",
                                 description="Print figures and rule findings. Exit 0 with no error findings, "
                                             "1 with error findings, 2 when the file cannot be read.")
    parser.add_argument("file", metavar="FILE", help="a structure file (.orgd)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    scenario_option(parser)
    parser.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    target = load_target(options.file, options.scenario)
    report = check_report(target.structure, target.analysis)
    if options.json:
        print_json({**report, "cost_basis": cost_basis_text(target.structure.settings)})
    else:
        print_text(format_check(target.structure, target.analysis))
    has_errors = any(f["severity"] == "error" for f in report["findings"])
    return EXIT_FINDINGS if has_errors else EXIT_OK
