"""`orgdesigner rota FILE`: the monthly single-point-of-contact rota, or with --months a new one.

FILE is only read: a generated rota is printed, not saved (the window saves rotas).
"""

from __future__ import annotations

import argparse

from ..analysis.rota import generate_rota
from ..model import Structure
from ..model.rota import parse_month
from ..presentation.planning import format_rota
from .common import EXIT_OK, about, load_target, print_json, print_text, scenario_option

NAME = "rota"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME, help="print the monthly single-point-of-contact rota, or generate a balanced one",
        description="Print FILE's monthly rota (a lead and a buddy each month) with its findings, or with "
                    "--months generate a balanced one across the rota's posts (or --posts): each post leads "
                    "in turn, and each month's buddy is the next month's lead. FILE is not changed.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--months", type=int, metavar="N", help="generate a rota of N months")
    parser.add_argument("--start", metavar="YYYY-MM",
                        help="the first month (default: the saved rota's first month, else the structure's date)")
    parser.add_argument("--posts", metavar="ID,ID", help="the posts taking turns, in order (default: the rota's posts)")
    parser.add_argument("--json", action="store_true", help="print a list of {month, lead, buddy} (post ids)")
    scenario_option(parser)
    parser.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    target = load_target(options.file, options.scenario)
    structure, analysis = target.structure, target.analysis
    with about(target.file):
        if options.months is None:
            if options.posts or options.start:
                raise ValueError("--posts and --start are for generating a rota: give --months N as well")
            if not structure.rota.months:
                raise ValueError("the structure has no rota; give --months N (and --posts ID,ID) to generate one")
            rota = structure.rota
        else:
            rota = generate_rota(_posts(structure, options.posts), options.months, _start(structure, options.start),
                                 structure.rota.duties)
            structure.subscribe(analysis.apply)
            structure.set_rota(rota)
    if options.json:
        print_json([entry.model_dump() for entry in rota.months])
    else:
        findings = [f for f in analysis.findings() if f.rule.startswith("rota-")]
        print_text(format_rota(structure, rota, findings))
    return EXIT_OK


def _posts(structure: Structure, text: str | None) -> list[str]:
    if text is None:
        if not structure.rota.posts:
            raise ValueError("the structure's rota names no posts; give them with --posts ID,ID")
        return list(structure.rota.posts)
    posts = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [p for p in posts if p not in structure.posts]
    if unknown:
        raise ValueError(f"--posts names {', '.join(map(repr, unknown))}, which "
                         f"{'is not a post' if len(unknown) == 1 else 'are not posts'} in the structure")
    return posts


def _start(structure: Structure, text: str | None) -> str:
    if text is not None:
        parse_month(text)
        return text
    if structure.rota.months:
        return structure.rota.months[0].month
    try:
        parse_month(structure.date[:7])
    except ValueError:
        raise ValueError("the structure has no date to start the rota from; give --start YYYY-MM") from None
    return structure.date[:7]
