"""`orgdesigner compare BEFORE AFTER`: what happens to each post, to postholders and to the money."""

from __future__ import annotations

import argparse

from ..analysis import compare
from ..analysis.basis import Basis, costed_comparison, on_one_basis
from ..analysis.likely import likely_matches
from ..analysis.matching import review_matches
from ..analysis.report import comparison_report
from ..model import Settings, Structure
from ..presentation.costbasis import cost_basis_text
from .common import EXIT_OK, load_target, print_json, print_note, print_text
from .textreport import format_comparison, format_likely, format_matches

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
    parser.add_argument("--basis", choices=[b.value for b in Basis], default=Basis.AFTER.value,
                        help="after (the default): cost both structures on AFTER's on-cost rate, cost basis and "
                             "pay ranges; before: on BEFORE's; own: each on its own (differences are reported "
                             "on stderr and in the JSON's warnings either way)")
    parser.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    before, after = load_target(options.before), load_target(options.after)
    changes = compare(before.structure, after.structure)
    basis = Basis(options.basis)
    costed = costed_comparison(before.structure, after.structure, basis, before.analysis, after.analysis)
    summary = costed.finance
    for warning in costed.warnings:
        print_note("warning", warning.message)
    if costed.note:
        print_note("note", costed.note)
    likely = likely_matches(before.structure, after.structure)
    costed_on = on_one_basis(before.structure, after.structure, basis)[1].settings
    reviewed = review_matches(before.structure, after.structure) if options.match == "suggest" else None
    if options.json:
        report = comparison_report(changes, summary)
        report["basis"] = {"chosen": basis.value, "after": cost_basis_text(costed_on),
                           "note": costed.note}
        report["warnings"] = [w.as_dict() for w in costed.warnings]
        report["likely_matches"] = {old: [m.as_dict() for m in found] for old, found in likely.items()}
        if reviewed is not None:
            report["matches"] = [{**s.as_dict(), "accepted": decision} for s, decision in reviewed]
        print_json(report)
    else:
        print_text(format_comparison(before.structure, after.structure, changes, summary,
                                     basis_line(basis, costed_on, costed.note, before.structure)))
        if likely:
            print()
            print_text(format_likely(before.structure, after.structure, likely))
        if reviewed is not None:
            print()
            print_text(format_matches(before.structure, after.structure, reviewed))
    return EXIT_OK


def basis_line(basis: Basis, costed_on: Settings, note: str, before: Structure) -> str:
    """'Costed at top of grade with 25% on-costs', and how, when the two files differ."""
    if basis is Basis.OWN and note:
        return (f"Costed each on its own basis: before {cost_basis_text(before.settings)}, after "
                f"{cost_basis_text(costed_on)}. {note}")
    return f"Costed {cost_basis_text(costed_on)}." + (f" {note}" if note else "")
