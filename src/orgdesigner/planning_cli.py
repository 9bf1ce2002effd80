"""The `orgdesigner rota` and `orgdesigner benchmark` commands (registered by cli.py).

Both only read FILE: `rota --months N` prints a new rota without saving it (the window saves
rotas), and `benchmark --comparators TABLE` compares against a table without storing it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .analysis import Analysis
from .analysis.benchmark import ALL, all_stats, categories, post_position, resolve_category
from .analysis.rota import generate_rota
from .io.comparators import ComparatorTableFailed, read_comparators
from .model import Benchmark, Structure, StructureFileError, load
from .model.rota import parse_month

COMMANDS = ("rota", "benchmark")
EXIT_OK, EXIT_BAD_INPUT = 0, 2


class BadInput(Exception):
    """An option or file that cannot be used; the message says which and why."""


def add_parsers(commands: argparse._SubParsersAction) -> list[argparse.ArgumentParser]:
    rota = commands.add_parser(
        "rota", help="print the monthly single-point-of-contact rota, or generate a balanced one",
        description="Print FILE's monthly rota (a lead and a buddy each month) with its findings, or with "
                    "--months generate a balanced one across the rota's posts (or --posts): each post leads "
                    "in turn, and each month's buddy is the next month's lead. FILE is not changed.")
    rota.add_argument("file", metavar="FILE")
    rota.add_argument("--months", type=int, metavar="N", help="generate a rota of N months")
    rota.add_argument("--start", metavar="YYYY-MM",
                      help="the first month (default: the saved rota's first month, else the structure's date)")
    rota.add_argument("--posts", metavar="ID,ID", help="the posts taking turns, in order (default: the rota's posts)")
    rota.add_argument("--json", action="store_true", help="print a list of {month, lead, buddy} (post ids)")
    benchmark = commands.add_parser(
        "benchmark", help="compare a post's pay with the comparator councils",
        description="Print the mean, quartiles and median of the comparators' pay for each category and "
                    "for all of them, and where the post's pay (its salary, else the top of its grade) sits.")
    benchmark.add_argument("file", metavar="FILE")
    benchmark.add_argument("--post", metavar="ID", help="the post to compare (default: the file's benchmarked post)")
    benchmark.add_argument("--category", metavar="C",
                           help="the category to compare with (default: the file's, else all)")
    benchmark.add_argument("--comparators", metavar="TABLE",
                           help="read the comparators from a .csv or .xlsx table instead of FILE")
    benchmark.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    return [rota, benchmark]


def run(options: argparse.Namespace) -> int:
    path = Path(options.file)
    try:
        structure = load(path, getattr(options, "scenario", None))
        analysis = Analysis(structure)
        if options.command == "rota":
            return _rota(structure, analysis, options)
        return _benchmark(structure, options)
    except StructureFileError as exc:
        return _fail(str(exc))
    except (BadInput, ValueError) as exc:
        return _fail(f"{path}: {exc}")
    except ComparatorTableFailed as exc:
        return _fail(str(exc))


def _fail(message: str) -> int:
    print(f"orgdesigner: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _rota(structure: Structure, analysis: Analysis, options: argparse.Namespace) -> int:
    if options.months is None:
        if options.posts or options.start:
            raise BadInput("--posts and --start are for generating a rota: give --months N as well")
        if not structure.rota.months:
            raise BadInput("the structure has no rota; give --months N (and --posts ID,ID) to generate one")
        rota = structure.rota
    else:
        rota = generate_rota(_rota_posts(structure, options.posts), options.months, _start(structure, options.start),
                             structure.rota.duties)
        structure.subscribe(analysis.apply)
        structure.set_rota(rota)
    if options.json:
        print(json.dumps([entry.model_dump() for entry in rota.months], indent=2, ensure_ascii=False))
    else:
        from .presentation.planning import format_rota

        findings = [f for f in analysis.findings() if f.rule.startswith("rota-")]
        print(format_rota(structure, rota, findings))
    return EXIT_OK


def _rota_posts(structure: Structure, text: str | None) -> list[str]:
    if text is None:
        if not structure.rota.posts:
            raise BadInput("the structure's rota names no posts; give them with --posts ID,ID")
        return list(structure.rota.posts)
    posts = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [p for p in posts if p not in structure.posts]
    if unknown:
        raise BadInput(f"--posts names {', '.join(map(repr, unknown))}, which "
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
        raise BadInput("the structure has no date to start the rota from; give --start YYYY-MM") from None
    return structure.date[:7]


def _benchmark(structure: Structure, options: argparse.Namespace) -> int:
    benchmark = structure.benchmark
    if options.comparators is not None:
        table = read_comparators(options.comparators)
        benchmark = Benchmark(role=benchmark.role, post=benchmark.post, categories=table.categories,
                              comparators=table.comparators)
    if not benchmark.comparators:
        raise BadInput("the structure has no comparators; give a table of them with --comparators TABLE.csv")
    if options.category is not None:
        category = resolve_category(benchmark, options.category)
    else:
        category = structure.benchmark.category if structure.benchmark.category in categories(benchmark) else ALL
    post_id, note = options.post or benchmark.post, ""
    if options.post is None and post_id is not None and post_id not in structure.posts:
        post_id, note = None, f"The benchmarked post {post_id!r} is no longer in the structure."
    if options.post is not None and options.post not in structure.posts:
        raise BadInput(f"--post names {options.post!r}, which is not a post in the structure")
    stats = all_stats(benchmark)
    position = post_position(structure, benchmark, post_id, category) if post_id is not None else None
    if options.json:
        print(json.dumps({"role": benchmark.role, "comparators": len(benchmark.comparators),
                          "categories": [s.as_dict() for s in stats],
                          "post": position.as_dict() if position is not None else None},
                         indent=2, ensure_ascii=False))
    else:
        from .presentation.planning import format_benchmark

        print(format_benchmark(benchmark.role, stats, position, note))
    return EXIT_OK
