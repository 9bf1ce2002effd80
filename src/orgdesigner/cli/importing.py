"""`orgdesigner import TABLE -o FILE`: build a structure file from an establishment list, or from a
published organogram (its senior file, recognised by its headers, with the junior file beside it).

The costs are only as good as their basis, so the import says what it costed on: without
`--on-cost-rate` it tells stderr the rate it assumed. With `--add` the table becomes a new scenario
of the existing FILE, so a restructure's current and proposed establishment live in one file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..io.establishment import ImportOptions, import_table, table_name
from ..io.organogram import FileKind, OrganogramOptions, detect_file, import_organogram, junior_beside
from ..model import CostBasis, Scenarios, Structure, StructureFileError, load_scenarios, save, save_scenarios
from ..presentation.costbasis import cost_basis_text, on_cost_text
from .common import EXIT_OK, BadInput, about, print_note, refuse_output_of_input, write_output

NAME = "import"
ASSUMED_ON_COST_RATE = 0.0
"""The rate an import without --on-cost-rate is costed at (salary only), and says so."""


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
    parser.add_argument("--add", action="store_true",
                        help="add the table to the existing FILE as a new scenario (named by --scenario) "
                             "instead of writing a new file")
    parser.add_argument("--on-cost-rate", type=_rate, default=None, metavar="R",
                        help="employer on-costs as a fraction of salary, e.g. 0.3 (or 30%%); without it the "
                             f"import assumes {ASSUMED_ON_COST_RATE:g} (salary only), or with --add FILE's "
                             "baseline's rate, and says so")
    parser.add_argument("--cost-basis", choices=[b.value for b in CostBasis], default=None,
                        help="the point of its grade a post without its own salary is costed at (default top; "
                             "with --add, as FILE's baseline)")
    parser.add_argument("--organisation", default="", metavar="NAME", help="the organisation (council) it is of")
    parser.add_argument("--name", metavar="NAME",
                        help="the structure's name (default: from TABLE's file name; with --add, FILE's)")
    parser.add_argument("--scenario", default="", metavar="NAME",
                        help="the scenario's name (default Current; needed with --add)")
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
    existing = _existing(output) if options.add else None
    assumed = ""  # said once the table has been read, so a refused table gets its problems alone
    if existing is not None:  # a scenario of the file is costed as the file is, unless told otherwise
        baseline = existing.baseline.settings
        options.cost_basis = options.cost_basis or baseline.cost_basis.value
        if options.on_cost_rate is None:
            options.on_cost_rate = baseline.on_cost_rate
            assumed = (f"no --on-cost-rate given: costed with {on_cost_text(baseline.on_cost_rate)}, as "
                       f"{output}'s baseline {existing.baseline.scenario!r} is")
    options.cost_basis = options.cost_basis or CostBasis.TOP.value
    if options.on_cost_rate is None:
        options.on_cost_rate = ASSUMED_ON_COST_RATE
        assumed = (f"no --on-cost-rate given: costed with {on_cost_text(ASSUMED_ON_COST_RATE)}; give the "
                   "council's rate (e.g. --on-cost-rate 25%) to include employer on-costs")
    layout = detect_file(table)
    if layout is not None and layout.kind is FileKind.JUNIOR:
        raise BadInput(f"{table}: this is an organogram junior file; import the senior file, with "
                       f"--junior {table}")
    if layout is None and options.junior is not None:
        raise BadInput(f"{table}: --junior is for an organogram senior file, and this is not one")
    names = _names(options, table, existing)
    if layout is not None:
        structure = _organogram(table, options)
        with about(table):
            structure.update_details(**names)
            structure.update_settings(cost_basis=CostBasis(options.cost_basis))
    else:
        structure = import_table(table, ImportOptions(
            on_cost_rate=options.on_cost_rate, cost_basis=CostBasis(options.cost_basis),
            standard_hours=options.standard_hours, sheet=options.sheet, name=names["name"],
            organisation=names["organisation"], scenario=names["scenario"])).structure
    basis = cost_basis_text(structure.settings)
    if assumed:
        print_note("note", assumed)
    if existing is not None:
        with about(output):
            existing.append(structure)
        write_output(output, lambda path: save_scenarios(existing, path))
        print(f"Added the scenario {structure.scenario!r} to {output}: {len(structure.posts)} posts in "
              f"{len(structure.groups)} groups, costed {basis}; the file has {len(existing)} scenarios.")
        return EXIT_OK
    write_output(output, lambda path: save(structure, path))
    print(f"Wrote {output}: {len(structure.posts)} posts in {len(structure.groups)} groups, costed {basis}.")
    return EXIT_OK


def _existing(output: Path) -> Scenarios:
    if not output.exists():
        raise BadInput(f"{output}: --add adds a scenario to an existing file, and there is none here")
    try:
        return load_scenarios(output)
    except StructureFileError as exc:
        raise BadInput(str(exc)) from None


def _names(options: argparse.Namespace, table: Path, existing: Scenarios | None) -> dict[str, str]:
    """The structure's name, organisation and scenario: as given, else (adding) the file's, else the table's."""
    scenario = options.scenario.strip()
    if existing is not None and not scenario:
        raise BadInput(f"{options.output}: --add needs --scenario NAME for the new scenario "
                       f"(it has {', '.join(repr(n) for n in existing.names)})")
    if existing is not None:
        with about(options.output):
            existing.check_name(scenario)
    baseline = existing.baseline if existing is not None else None
    name = options.name or (baseline.name if baseline is not None else table_name(table))
    organisation = options.organisation or (baseline.organisation if baseline is not None else "")
    return {"name": name, "organisation": organisation, "scenario": scenario}


def _organogram(senior: Path, options: argparse.Namespace) -> Structure:
    """The published pair as a structure; each data-quality warning goes to stderr and stops nothing."""
    junior = Path(options.junior) if options.junior is not None else junior_beside(senior)
    result = import_organogram(senior, junior, OrganogramOptions(on_cost_rate=options.on_cost_rate))
    staff = sum(s.fte for p in result.structure.posts.values() for s in p.junior)
    source = f"{senior} with {junior}" if junior is not None else f"{senior} (no junior file)"
    print(f"Read the organogram {source}: {len(result.structure.posts)} senior posts, {staff:g} junior FTE.")
    for warning in result.warnings:
        print_note("warning", str(warning))
    return result.structure
