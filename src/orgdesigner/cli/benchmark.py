"""`orgdesigner benchmark FILE`: a post's pay against the comparator councils' pay.

FILE is only read: `--comparators TABLE` compares against a table without storing it.
"""

from __future__ import annotations

import argparse

from ..analysis.benchmark import ALL, all_stats, categories, post_position, resolve_category
from ..io.comparators import read_comparators
from ..model import Benchmark, Structure
from ..presentation.planning import format_benchmark
from .common import EXIT_OK, about, load_target, print_json, print_text, scenario_option

NAME = "benchmark"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME, help="compare a post's pay with the comparator councils",
        description="Print the mean, quartiles and median of the comparators' pay for each category and "
                    "for all of them, and where the post's pay (its salary, else the top of its grade) sits.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--post", metavar="ID", help="the post to compare (default: the file's benchmarked post)")
    parser.add_argument("--category", metavar="C", help="the category to compare with (default: the file's, else all)")
    parser.add_argument("--comparators", metavar="TABLE",
                        help="read the comparators from a .csv or .xlsx table instead of FILE")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    scenario_option(parser)
    parser.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    target = load_target(options.file, options.scenario)
    structure = target.structure
    with about(target.file):
        benchmark = _comparators(structure, options.comparators)
        if options.category is not None:
            category = resolve_category(benchmark, options.category)
        else:
            category = structure.benchmark.category if structure.benchmark.category in categories(benchmark) else ALL
        post_id, note = options.post or benchmark.post, ""
        if options.post is None and post_id is not None and post_id not in structure.posts:
            post_id, note = None, f"The benchmarked post {post_id!r} is no longer in the structure."
        if options.post is not None and options.post not in structure.posts:
            raise ValueError(f"--post names {options.post!r}, which is not a post in the structure")
        stats = all_stats(benchmark)
        position = post_position(structure, benchmark, post_id, category) if post_id is not None else None
    if options.json:
        print_json({"role": benchmark.role, "comparators": len(benchmark.comparators),
                    "categories": [s.as_dict() for s in stats],
                    "post": position.as_dict() if position is not None else None})
    else:
        print_text(format_benchmark(benchmark.role, stats, position, note))
    return EXIT_OK


def _comparators(structure: Structure, table: str | None) -> Benchmark:
    """The file's benchmark, with the comparators (and categories) of TABLE when one is given."""
    benchmark = structure.benchmark
    if table is not None:
        read = read_comparators(table)
        benchmark = Benchmark(role=benchmark.role, post=benchmark.post, categories=read.categories,
                              comparators=read.comparators)
    if not benchmark.comparators:
        raise ValueError("the structure has no comparators; give a table of them with --comparators TABLE.csv")
    return benchmark
