"""`orgdesigner export FILE -o OUT`: the posts table (.csv, .xlsx), a PDF chart or consultation pack, a
picture of the chart (.png, .svg) or slides (.pptx), of the whole chart or a part of it.

openpyxl, reportlab and python-pptx are imported only when their kind of file is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.fileformat import write_atomically
from ..presentation.redaction import redacted_structure
from .common import (EXIT_OK, BadInput, about, load_target, refuse_output_of_input, scenario_option,
                     warn_names_to_review, write_output)
from .published import FORMATS, export_published

if TYPE_CHECKING:
    from ..presentation.selection import ChartSelection

NAME = "export"

PAPER_SIZES = ("A4", "A3")
"""The --paper choices: the pdf package's PaperSize, spelled here so that building the parser does
not import reportlab (a test keeps the two the same)."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="write the posts table, the chart (.pdf, .png, .svg, .pptx) or a pack",
                                 description="Write the posts table with computed cost, span and layer to "
                                             "OUT.csv or OUT.xlsx (it imports back to the same structure); the "
                                             "chart as OUT.pdf, a picture (OUT.png, OUT.svg) or slides (OUT.pptx); "
                                             "or with --pack the consultation pack.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("-o", "--output", required=True, metavar="OUT")
    parser.add_argument("--redact-names", action="store_true", help="leave out postholder names")
    parser.add_argument("--format", choices=FORMATS,
                        help="organogram: NAME-senior.csv and NAME-junior.csv (data.gov.uk); transparency: the "
                             "Local Government Transparency Code chart and senior salaries (OUT.pdf or OUT.csv)")
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
    pdf.add_argument("--draft", action="store_true", help="mark every page, slide or picture DRAFT")
    _chart_options(parser)
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
    if options.format is not None:
        return export_published(options, output)
    suffix = output.suffix.lower()
    if suffix in CHART_FORMATS:
        return _chart(options, output)
    if suffix == ".pdf":
        return _pdf(options, output)
    _refuse_chart_options(options, "a table")
    return _table(options, output)


def _table(options: argparse.Namespace, output: Path) -> int:
    suffix = output.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise BadInput(f"{output}: export writes the chart as .pdf, {', '.join(CHART_FORMATS)}, "
                       "or the posts table as .csv or .xlsx")
    target = load_target(options.file, options.scenario)
    from ..io.export import posts_table, write_csv, write_xlsx

    structure = target.structure
    if options.redact_names:
        structure = redacted_structure(structure)
        warn_names_to_review(structure)
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
    if options.pack:
        _refuse_chart_options(options, "a pack")
    if options.dpi is not None or options.transparent:
        raise BadInput("--dpi and --transparent are for a picture (OUT.png, OUT.svg)")
    from ..pdf.export import PdfOptions, page_count, pdf_bytes
    from ..pdf.paper import Paper, PaperSize

    after = load_target(options.file, options.scenario)
    before = load_target(options.before) if options.pack else None
    pdf = PdfOptions(paper=Paper(PaperSize(options.paper), options.landscape), title=options.title,
                     author=options.author, redact_names=options.redact_names, draft=options.draft,
                     selection=_selection(options))
    if options.redact_names:
        warn_names_to_review(after.structure, before.structure if before is not None else None)
    with about(after.file):
        data = pdf_bytes(after.structure, pdf, before.structure if before is not None else None)
    write_output(output, lambda path: write_atomically(path, data))
    pages = page_count(data)
    what = "consultation pack" if before is not None else "chart"
    print(f"Wrote {output}: the {what}, {pages} page{'s' if pages != 1 else ''} on {options.paper} "
          f"{'landscape' if options.landscape else 'portrait'}.")
    return EXIT_OK


# ----- pictures and slides, and the part of the chart any chart format shows -----------------

CHART_FORMATS = (".png", ".svg", ".pptx")
"""Formats of the chart alone (a PDF chart takes the same part-of-the-chart options)."""


def _chart_options(parser: argparse.ArgumentParser) -> None:
    part = parser.add_argument_group("part of the chart", "for a chart (.pdf, .png, .svg, .pptx): which part")
    part.add_argument("--branch", metavar="POST_ID",
                      help="only this post and everything under it, its chain of command above it greyed")
    part.add_argument("--levels", type=_levels, metavar="N", help="only the top N levels (the top posts are level 1)")
    part.add_argument("--group", metavar="GROUP_ID", help="only the posts in this group and the groups inside it")
    picture = parser.add_argument_group("picture", "for OUT.png and OUT.svg")
    picture.add_argument("--dpi", type=_dpi, default=None, metavar="D", help="PNG resolution (default 150)")
    picture.add_argument("--transparent", action="store_true", help="no background (default white)")


def _levels(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--levels takes a whole number of levels, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"--levels must be 1 or more, not {value}")
    return value


def _dpi(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--dpi takes a number of dots per inch, not {text!r}") from None
    if not 10 <= value <= 1200:
        raise argparse.ArgumentTypeError(f"--dpi must be between 10 and 1200, not {value:g}")
    return value


def _selection(options: argparse.Namespace) -> ChartSelection:
    from ..presentation.selection import ChartSelection

    return ChartSelection(branch=options.branch, levels=options.levels, group=options.group)


def _refuse_chart_options(options: argparse.Namespace, what: str) -> None:
    given = [flag for flag, value in (("--branch", options.branch), ("--levels", options.levels),
                                      ("--group", options.group), ("--dpi", options.dpi),
                                      ("--transparent", options.transparent)) if value]
    if given:
        raise BadInput(f"{given[0]} is for a chart (.pdf, .png, .svg, .pptx), not for {what}")


def _chart(options: argparse.Namespace, output: Path) -> int:
    """A picture (.png, .svg) or slides (.pptx) of the chart or the part chosen."""
    suffix = output.suffix.lower()
    if options.pack or options.before:
        raise BadInput("--pack writes a PDF; give OUT.pdf")
    if suffix != ".png" and options.dpi is not None:
        raise BadInput("--dpi is for OUT.png")
    if suffix == ".pptx" and options.transparent:
        raise BadInput("--transparent is for OUT.png and OUT.svg")
    from ..exports.formats import chart_bytes, chart_summary
    from ..pdf.options import PdfOptions

    target = load_target(options.file, options.scenario)
    if options.redact_names:
        warn_names_to_review(target.structure)
    chart = PdfOptions(title=options.title, author=options.author, redact_names=options.redact_names,
                       draft=options.draft, selection=_selection(options))
    with about(target.file):
        data = chart_bytes(target.structure, suffix, chart, options.dpi, options.transparent)
    write_output(output, lambda path: write_atomically(path, data))
    print(f"Wrote {output}: {chart_summary(suffix, data)}.")
    return EXIT_OK
