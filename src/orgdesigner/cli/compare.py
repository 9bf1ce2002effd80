"""`orgdesigner compare BEFORE AFTER`: what happens to each post, to postholders and to the money."""

from __future__ import annotations

import argparse

from ..analysis import compare, finance_summary
from ..analysis.matching import review_matches
from ..analysis.report import comparison_report
from .common import EXIT_OK, load_target, print_json, print_text
from .textreport import format_comparison, format_matches

NAME = "compare"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="compare a current and a proposed structure",
                                 description="Compare BEFORE (the current structure) with AFTER (the proposal): "
                                             "what happens to each post, the impact on postholders, and the "
                                             "finances. Set-asides, one-off costs and the pay award are read "
                                             "from AFTER, and so are the matches accepted between a deleted and "
                                             "a new post (each pair is one continuing post).")
    parser.add_argument("before", metavar="BEFORE", help="a file (its baseline scenario), or FILE:SCENARIO")
    parser.add_argument("after", metavar="AFTER", help="a file (its baseline scenario), or FILE:SCENARIO")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--match", choices=("ids", "suggest"), default="ids",
                        help="ids (the default): posts are the same post when their ids are; suggest: also "
                             "propose pairs of a deleted and a new post alike in title, grade, manager and unit "
                             "(for snapshots whose references were renumbered), each with a score and a reason")
    parser.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    before, after = load_target(options.before), load_target(options.after)
    changes = compare(before.structure, after.structure)
    summary = finance_summary(before.structure, after.structure, before.analysis, after.analysis)
    reviewed = review_matches(before.structure, after.structure) if options.match == "suggest" else None
    if options.json:
        report = comparison_report(changes, summary)
        if reviewed is not None:
            report["matches"] = [{**s.as_dict(), "accepted": decision} for s, decision in reviewed]
        print_json(report)
    else:
        print_text(format_comparison(before.structure, after.structure, changes, summary))
        if reviewed is not None:
            print()
            print_text(format_matches(before.structure, after.structure, reviewed))
    return EXIT_OK
