"""`orgdesigner export FILE -o OUT --format organogram|transparency`: the files public bodies publish.

organogram: NAME-senior.csv and NAME-junior.csv in the data.gov.uk format. transparency: the Local
Government Transparency Code 2015 organisation chart and senior salaries, as OUT.pdf, or as
OUT-organisation-chart.csv and OUT-senior-salaries.csv.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..model.fileformat import write_atomically
from ..presentation.redaction import redacted_structure
from .common import EXIT_OK, BadInput, about, load_target, warn_names_to_review, write_output

FORMATS = ("organogram", "transparency")


def export_published(options: argparse.Namespace, output: Path) -> int:
    target = load_target(options.file, options.scenario)
    structure = target.structure
    if options.redact_names:  # every form of a postholder's name withheld from every field printed
        structure = redacted_structure(structure)
        warn_names_to_review(structure)
    suffix = output.suffix.lower()
    if options.format == "organogram":
        if suffix != ".csv":
            raise BadInput(f"{output}: --format organogram writes NAME.csv as NAME-senior.csv and NAME-junior.csv")
        from ..io.organogram import write_organogram

        written: list[Path] = []
        write_output(output, lambda path: written.extend(write_organogram(structure, path,
                                                                          options.redact_names)))
        print(f"Wrote {written[0]} and {written[1]}: {len(structure.posts)} senior posts.")
        return EXIT_OK
    if suffix not in (".pdf", ".csv"):
        raise BadInput(f"{output}: --format transparency writes OUT.pdf or OUT.csv")
    if suffix == ".pdf":
        from ..pdf.paper import Paper, PaperSize
        from ..pdf.options import PdfOptions
        from ..pdf.transparency import transparency_pdf

        pdf = PdfOptions(paper=Paper(PaperSize(options.paper), options.landscape), title=options.title,
                         author=options.author, redact_names=options.redact_names)
        with about(target.file):
            data = transparency_pdf(structure, pdf)
        write_output(output, lambda path: write_atomically(path, data))
        print(f"Wrote {output}: the Transparency Code organisation chart and senior salaries.")
        return EXIT_OK
    from ..io.transparency import transparency_data, write_transparency_csv

    with about(target.file):
        table = transparency_data(structure, target.analysis, options.redact_names)
    paths: list[Path] = []
    write_output(output, lambda path: paths.extend(write_transparency_csv(table, path)))
    print(f"Wrote {paths[0]} ({len(table.chart)} posts in the top three levels) and {paths[1]} "
          f"({len(table.salaries)} senior salaries).")
    return EXIT_OK
