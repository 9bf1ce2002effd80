"""`orgdesigner export FILE -o OUT`: the posts table (.csv, .xlsx), or a PDF chart or consultation pack.

openpyxl and reportlab are imported only when a table or a PDF is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..io.safetext import terminal_safe
from ..model import Structure
from ..model.fileformat import write_atomically
from ..presentation.redaction import names_to_review, redacted_structure
from .common import EXIT_OK, BadInput, about, load_target, refuse_output_of_input, scenario_option, write_output

NAME = "export"

PAPER_SIZES = ("A4", "A3")
"""The --paper choices: the pdf package's PaperSize, spelled here so that building the parser does
not import reportlab (a test keeps the two the same)."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="write the posts table (.csv, .xlsx)",
                                 description="Write the posts table with computed cost, span and layer to "
                                             "OUT.csv or OUT.xlsx; it imports back to the same structure.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("-o", "--output", required=True, metavar="OUT")
    parser.add_argument("--redact-names", action="store_true", help="leave out postholder names")
    pdf = parser.add_argument_group("PDF", "for OUT.pdf: the chart, or with --pack the consultation pack")
    pdf.add_argument("--paper", type=_paper, default="A4", metavar="{" + ",".join(PAPER_SIZES) + "}",
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
    scenario_option(parser)
    parser.set_defaults(run=run)


def _paper(text: str) -> str:
    size = text.upper()
    if size not in PAPER_SIZES:
        raise argparse.ArgumentTypeError(f"invalid choice: {size!r} (choose from {', '.join(map(repr, PAPER_SIZES))})")
    return size


def run(options: argparse.Namespace) -> int:
    output = Path(options.output)
    refuse_output_of_input(output, options.file, options.before)
    if output.suffix.lower() == ".pdf":
        return _pdf(options, output)
    return _table(options, output)


def _table(options: argparse.Namespace, output: Path) -> int:
    suffix = output.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise BadInput(f"{output}: export writes .csv or .xlsx files")
    target = load_target(options.file, options.scenario)
    from ..io.export import posts_table, write_csv, write_xlsx

    structure = target.structure
    if options.redact_names:
        structure = redacted_structure(structure)
        _warn_names_to_review(structure)
    rows = posts_table(structure, target.analysis, redact_names=options.redact_names)
    escaped = 0

    def write(path: Path) -> None:
        nonlocal escaped
        if suffix == ".csv":
            write_csv(rows, path)
        else:
            escaped = write_xlsx(rows, path)

    write_output(output, write)
    print(f"Wrote {output}: {len(rows) - 1} posts.")
    if escaped:
        print(f"{escaped} cell{'s' if escaped != 1 else ''} held control characters, which a workbook cannot "
              "hold; they are written as visible escapes such as \\x1b.")
    return EXIT_OK


def _pdf(options: argparse.Namespace, output: Path) -> int:
    if options.pack != bool(options.before):
        raise BadInput("--pack needs --before BEFORE (the current structure), and --before is only for --pack")
    if options.draft and not options.pack:
        raise BadInput("--draft marks the pages of a pack; add --pack --before BEFORE")
    from ..pdf.export import PdfOptions, page_count, pdf_bytes
    from ..pdf.paper import Paper, PaperSize

    after = load_target(options.file, options.scenario)
    before = load_target(options.before) if options.pack else None
    pdf = PdfOptions(paper=Paper(PaperSize(options.paper), options.landscape), title=options.title,
                     author=options.author, redact_names=options.redact_names, draft=options.draft)
    if options.redact_names:
        _warn_names_to_review(after.structure, before.structure if before is not None else None)
    with about(after.file):
        data = pdf_bytes(after.structure, pdf, before.structure if before is not None else None)
    write_output(output, lambda path: write_atomically(path, data))
    pages = page_count(data)
    what = "consultation pack" if before is not None else "chart"
    print(f"Wrote {output}: the {what}, {pages} page{'s' if pages != 1 else ''} on {options.paper} "
          f"{'landscape' if options.landscape else 'portrait'}.")
    return EXIT_OK


def _warn_names_to_review(*structures: Structure | None) -> None:
    """With names withheld, say on stderr which printed text still looks like a person's name."""
    for line in names_to_review(*structures):
        print(f"orgdesigner: warning: {terminal_safe(line)}", file=sys.stderr)
