"""The `orgdesigner` command: check and import structures, or open the designer window.

Exit codes: 0 success (for `check`: no error findings), 1 error findings, 2 bad input
(a file that cannot be read, an invalid table, a bad option), always with a message on
stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .analysis import Analysis, check_report, compare, finance_summary
from .analysis.report import comparison_report, scenarios_report
from .io.establishment import ImportFailed, ImportOptions, import_table
from . import planning_cli
from .model import EditRefused, Structure, StructureFileError, load, load_scenarios, save
from .model.fileformat import write_atomically
from .pdf.paper import PaperSize

COMMANDS = ("check", "import", "compare", "export", "scenarios", *planning_cli.COMMANDS)
EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's default exit code 2 matches ours
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="orgdesigner", description="Design, check and compare the senior structures of public bodies.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="print a structure's figures and rule findings",
                                description="Print figures and rule findings. Exit 0 with no error findings, "
                                            "1 with error findings, 2 when the file cannot be read.")
    check.add_argument("file", metavar="FILE", help="a structure file (.orgd)")
    check.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    _scenario_option(check)

    importer = commands.add_parser("import", help="build a structure file from an establishment list (CSV or Excel)",
                                   description="Build a structure from an establishment list (.csv or .xlsx) with "
                                               "headers post_id,title,reports_to,dotted_to,grade,tier,fte,salary,"
                                               "funding_share,group,status,postholder,designations, or everyday "
                                               "names for them (Position Number, Job Title, Reports To, ...).")
    importer.add_argument("table", metavar="TABLE")
    importer.add_argument("--sheet", metavar="NAME", help="the workbook's sheet to read (default: the first)")
    importer.add_argument("--standard-hours", type=float, default=37.0, metavar="H",
                          help="full-time weekly hours, for tables that give hours instead of FTE (default 37)")
    importer.add_argument("-o", "--output", required=True, metavar="FILE", help="the structure file to write")
    importer.add_argument("--on-cost-rate", type=_rate, default=0.0, metavar="R",
                          help="employer on-costs as a fraction of salary, e.g. 0.3 (or 30%%)")
    comparer = commands.add_parser("compare", help="compare a current and a proposed structure",
                                   description="Compare BEFORE (the current structure) with AFTER (the proposal): "
                                               "what happens to each post, the impact on postholders, and the "
                                               "finances. Set-asides, one-off costs and the pay award are read "
                                               "from AFTER.")
    comparer.add_argument("before", metavar="BEFORE", help="a file (its baseline scenario), or FILE:SCENARIO")
    comparer.add_argument("after", metavar="AFTER", help="a file (its baseline scenario), or FILE:SCENARIO")
    comparer.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    exporter = commands.add_parser("export", help="write the posts table (.csv, .xlsx)",
                                   description="Write the posts table with computed cost, span and layer to "
                                               "OUT.csv or OUT.xlsx; it imports back to the same structure.")
    exporter.add_argument("file", metavar="FILE")
    exporter.add_argument("-o", "--output", required=True, metavar="OUT")
    exporter.add_argument("--redact-names", action="store_true", help="leave out postholder names")
    pdf = exporter.add_argument_group("PDF", "for OUT.pdf: the chart, or with --pack the consultation pack")
    pdf.add_argument("--paper", choices=[size.value for size in PaperSize], default="A4", type=str.upper,
                     help="paper size (default A4)")
    sides = pdf.add_mutually_exclusive_group()
    sides.add_argument("--landscape", dest="landscape", action="store_true", default=True,
                       help="landscape pages (the default)")
    sides.add_argument("--portrait", dest="landscape", action="store_false", help="portrait pages")
    pdf.add_argument("--pack", action="store_true",
                     help="write the consultation pack comparing --before (current) with FILE (proposed)")
    pdf.add_argument("--before", metavar="BEFORE", help="the current structure for --pack: a file or FILE:SCENARIO")
    pdf.add_argument("--title", default="", help="the chart's heading or the pack's title")
    pdf.add_argument("--author", default="", help="the PDF's author (default: the organisation)")
    pdf.add_argument("--draft", action="store_true", help="mark every page of the pack DRAFT")
    _scenario_option(exporter)
    lister = commands.add_parser("scenarios", help="list the scenarios in a structure file",
                                 description="List the scenarios in FILE with their posts, FTE and net cost; "
                                             "the baseline is marked with *.")
    lister.add_argument("file", metavar="FILE")
    lister.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    for planning in planning_cli.add_parsers(commands):
        _scenario_option(planning)
    return parser


def _scenario_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", metavar="NAME", help="the scenario of FILE to use (default: its baseline)")


def _rate(text: str) -> float:
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a rate (write 0.3 or 30%)") from None
    if not 0 <= value <= 5:
        raise argparse.ArgumentTypeError(f"{text!r} is outside 0 to 5 (500%)")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in COMMANDS and args[0] not in ("-h", "--help"):
        from .launch import launch_window

        return launch_window(args)
    options = build_parser().parse_args(args)
    if options.command == "check":
        return _check(Path(options.file), options.json, options.scenario)
    if options.command == "compare":
        return _compare(options.before, options.after, options.json)
    if options.command in planning_cli.COMMANDS:
        return planning_cli.run(options)
    if options.command == "scenarios":
        return _scenarios(Path(options.file), options.json)
    if options.command == "export":
        if Path(options.output).suffix.lower() == ".pdf":
            return _export_pdf(options)
        return _export(Path(options.file), Path(options.output), options.redact_names, options.scenario)
    return _import(Path(options.table), Path(options.output),
                   ImportOptions(on_cost_rate=options.on_cost_rate, standard_hours=options.standard_hours,
                                 sheet=options.sheet))


def _fail(message: str) -> int:
    print(f"orgdesigner: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _check(path: Path, as_json: bool, scenario: str | None) -> int:
    try:
        structure = load(path, scenario)
        analysis = Analysis(structure)
    except StructureFileError as exc:
        return _fail(str(exc))
    except (ValueError, EditRefused) as exc:
        return _fail(f"{path}: {exc}")
    report = check_report(structure, analysis)
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        from .textreport import format_check

        print(format_check(structure, analysis))
    has_errors = any(f["severity"] == "error" for f in report["findings"])
    return EXIT_FINDINGS if has_errors else EXIT_OK


def _target(text: str) -> Structure:
    """Load BEFORE or AFTER: a file (its baseline) or FILE:SCENARIO, split on the last colon
    unless the whole text names an existing file."""
    path = Path(text)
    if path.exists() or ":" not in text:
        return load(path)
    file, _, scenario = text.rpartition(":")
    return load(Path(file), scenario)


def _compare(before_text: str, after_text: str, as_json: bool) -> int:
    try:
        before, after = _target(before_text), _target(after_text)
        before_analysis, after_analysis = Analysis(before), Analysis(after)
    except StructureFileError as exc:
        return _fail(str(exc))
    except ValueError as exc:
        return _fail(str(exc))
    changes = compare(before, after)
    summary = finance_summary(before, after, before_analysis, after_analysis)
    if as_json:
        print(json.dumps(comparison_report(changes, summary), indent=2, ensure_ascii=False))
    else:
        from .textreport import format_comparison

        print(format_comparison(before, after, changes, summary))
    return EXIT_OK


def _import(table: Path, output: Path, options: ImportOptions) -> int:
    try:
        structure = import_table(table, options).structure
    except ImportFailed as exc:
        return _fail(str(exc))
    try:
        save(structure, output)
    except OSError as exc:
        return _fail(f"{output}: cannot write ({exc.strerror or exc})")
    print(f"Wrote {output}: {len(structure.posts)} posts in {len(structure.groups)} groups.")
    return EXIT_OK


def _export(path: Path, output: Path, redact_names: bool, scenario: str | None = None) -> int:
    suffix = output.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        return _fail(f"{output}: export writes .csv or .xlsx files")
    try:
        structure = load(path, scenario)
        analysis = Analysis(structure)
    except StructureFileError as exc:
        return _fail(str(exc))
    except ValueError as exc:
        return _fail(f"{path}: {exc}")
    from .io.export import posts_table, write_csv, write_xlsx

    rows = posts_table(structure, analysis, redact_names=redact_names)
    try:
        (write_csv if suffix == ".csv" else write_xlsx)(rows, output)
    except OSError as exc:
        return _fail(f"{output}: cannot write ({exc.strerror or exc})")
    print(f"Wrote {output}: {len(rows) - 1} posts.")
    return EXIT_OK


def _export_pdf(options: argparse.Namespace) -> int:
    from .pdf.export import PdfOptions, page_count, pdf_bytes
    from .pdf.paper import Paper

    if options.pack != bool(options.before):
        return _fail("--pack needs --before BEFORE (the current structure), and --before is only for --pack")
    if options.draft and not options.pack:
        return _fail("--draft marks the pages of a pack; add --pack --before BEFORE")
    output = Path(options.output)
    try:
        after = load(Path(options.file), options.scenario)
        before = _target(options.before) if options.pack else None
        pdf = PdfOptions(paper=Paper(PaperSize(options.paper), options.landscape), title=options.title,
                         author=options.author, redact_names=options.redact_names, draft=options.draft)
        data = pdf_bytes(after, pdf, before)
    except StructureFileError as exc:
        return _fail(str(exc))
    except ValueError as exc:
        return _fail(f"{options.file}: {exc}")
    try:
        write_atomically(output, data)
    except OSError as exc:
        return _fail(f"{output}: cannot write ({exc.strerror or exc})")
    pages = page_count(data)
    what = "consultation pack" if before is not None else "chart"
    print(f"Wrote {output}: the {what}, {pages} page{'s' if pages != 1 else ''} on {options.paper} "
          f"{'landscape' if options.landscape else 'portrait'}.")
    return EXIT_OK


def _scenarios(path: Path, as_json: bool) -> int:
    try:
        report = scenarios_report(load_scenarios(path))
    except StructureFileError as exc:
        return _fail(str(exc))
    except ValueError as exc:
        return _fail(f"{path}: {exc}")
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        from .textreport import format_scenarios

        print(f"{path}: {format_scenarios(report)}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
