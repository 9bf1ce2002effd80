"""`orgdesigner import TABLE -o FILE`: build a structure file from an establishment list, or from a
published organogram (its senior file, recognised by its headers, with the junior file beside it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..io.establishment import ImportOptions, import_table
from ..io.organogram import FileKind, OrganogramOptions, detect_file, import_organogram, junior_beside
from ..model import Structure, save
from .common import EXIT_OK, BadInput, refuse_output_of_input, write_output

NAME = "import"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="build a structure file from an establishment list (CSV or Excel)",
                                 description="Build a structure from an establishment list (.csv or .xlsx) with "
                                             "headers post_id,title,reports_to,dotted_to,grade,tier,fte,salary,"
                                             "funding_share,group,status,postholder,designations, or everyday "
                                             "names for them (Position Number, Job Title, Reports To, ...); or "
                                             "from a published organogram's senior file (data.gov.uk format, "
                                             "recognised by its headers) and its junior file.")
    parser.add_argument("table", metavar="TABLE")
    parser.add_argument("--junior", metavar="JUNIOR.csv",
                        help="an organogram's junior file (default: the …-junior file beside a …-senior one)")
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
    output, table = Path(options.output), Path(options.table)
    refuse_output_of_input(output, table, *([options.junior] if options.junior is not None else []))
    layout = detect_file(table)
    if layout is not None and layout.kind is FileKind.JUNIOR:
        raise BadInput(f"{table}: this is an organogram junior file; import the senior file, with "
                       f"--junior {table}")
    if layout is None and options.junior is not None:
        raise BadInput(f"{table}: --junior is for an organogram senior file, and this is not one")
    if layout is not None:
        structure = _organogram(table, options)
    else:
        structure = import_table(table, ImportOptions(
            on_cost_rate=options.on_cost_rate, standard_hours=options.standard_hours, sheet=options.sheet)).structure
    write_output(output, lambda path: save(structure, path))
    print(f"Wrote {output}: {len(structure.posts)} posts in {len(structure.groups)} groups.")
    return EXIT_OK


def _organogram(senior: Path, options: argparse.Namespace) -> Structure:
    """The published pair as a structure; each data-quality warning goes to stderr and stops nothing."""
    junior = Path(options.junior) if options.junior is not None else junior_beside(senior)
    result = import_organogram(senior, junior, OrganogramOptions(on_cost_rate=options.on_cost_rate))
    staff = sum(s.fte for p in result.structure.posts.values() for s in p.junior)
    source = f"{senior} with {junior}" if junior is not None else f"{senior} (no junior file)"
    print(f"Read the organogram {source}: {len(result.structure.posts)} senior posts, {staff:g} junior FTE.")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return result.structure
