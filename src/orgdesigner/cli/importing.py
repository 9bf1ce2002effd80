"""`orgdesigner import TABLE -o FILE`: build a structure file from an establishment list."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..io.establishment import ImportOptions, import_table
from ..model import save
from .common import EXIT_OK, refuse_output_of_input, write_output

NAME = "import"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="build a structure file from an establishment list (CSV or Excel)",
                                 description="Build a structure from an establishment list (.csv or .xlsx) with "
                                             "headers post_id,title,reports_to,dotted_to,grade,tier,fte,salary,"
                                             "funding_share,group,status,postholder,designations, or everyday "
                                             "names for them (Position Number, Job Title, Reports To, ...).")
    parser.add_argument("table", metavar="TABLE")
    parser.add_argument("--sheet", metavar="NAME", help="the workbook's sheet to read (default: the first)")
    parser.add_argument("--standard-hours", type=float, default=37.0, metavar="H",
                        help="full-time weekly hours, for tables that give hours instead of FTE (default 37)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the structure file to write")
    parser.add_argument("--on-cost-rate", type=_rate, default=0.0, metavar="R",
                        help="employer on-costs as a fraction of salary, e.g. 0.3 (or 30%%)")
    parser.set_defaults(run=run)


def _rate(text: str) -> float:
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a rate (write 0.3 or 30%)") from None
    if not 0 <= value <= 5:
        raise argparse.ArgumentTypeError(f"{text!r} is outside 0 to 5 (500%)")
    return value


def run(options: argparse.Namespace) -> int:
    output = Path(options.output)
    refuse_output_of_input(output, options.table)
    structure = import_table(Path(options.table), ImportOptions(
        on_cost_rate=options.on_cost_rate, standard_hours=options.standard_hours, sheet=options.sheet)).structure
    write_output(output, lambda path: save(structure, path))
    print(f"Wrote {output}: {len(structure.posts)} posts in {len(structure.groups)} groups.")
    return EXIT_OK
