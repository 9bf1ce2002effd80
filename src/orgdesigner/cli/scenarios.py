"""`orgdesigner scenarios FILE`: the scenarios in a file with their posts, FTE and net cost."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..analysis.report import scenarios_report
from ..model import load_scenarios
from .common import EXIT_OK, about, print_json, print_text
from .textreport import format_scenarios

NAME = "scenarios"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="list the scenarios in a structure file",
                                 description="List the scenarios in FILE with their posts, FTE and net cost; "
                                             "the baseline is marked with *.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    path = Path(options.file)
    with about(path):
        report = scenarios_report(load_scenarios(path))
    if options.json:
        print_json(report)
    else:
        print_text(f"{path}: {format_scenarios(report)}")
    return EXIT_OK
