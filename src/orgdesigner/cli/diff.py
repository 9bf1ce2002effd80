"""`orgdesigner diff A B`: what changed from A to B, by scenario, post and field; `diff --textconv FILE`
lists one file an item a line, for git to diff (`git config diff.orgdesigner.textconv "orgdesigner diff
--textconv"`)."""

from __future__ import annotations

import argparse

from ..io.safetext import terminal_safe
from ..model import load_scenarios
from ..sharing import diff_files
from ..sharing.diff import listing_text
from .common import EXIT_OK, BadInput

NAME = "diff"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="a readable diff of two structure files",
                                 description="What changed from A to B: scenarios, posts (by title), groups, grades "
                                             "and settings added, removed and changed, field by field. With "
                                             "--textconv FILE: FILE listed an item a line, for git's textconv.")
    parser.add_argument("a", metavar="A", help="the earlier file (with --textconv: the file to list)")
    parser.add_argument("b", metavar="B", nargs="?", help="the later file")
    parser.add_argument("--textconv", action="store_true", help="list the one file A an item a line (for git)")
    parser.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    if options.textconv:
        if options.b is not None:
            raise BadInput("--textconv lists one file: give only A")
        print(terminal_safe(listing_text(load_scenarios(options.a)), keep_newlines=True), end="")
        return EXIT_OK
    if options.b is None:
        raise BadInput("diff needs two files, A and B (or --textconv A to list one)")
    print(terminal_safe(diff_files(options.a, options.b), keep_newlines=True), end="")
    return EXIT_OK
