"""What every subcommand shares: the exit codes, loading a target, refusing bad input, writing output.

A subcommand refuses input by raising one of INPUT_ERRORS with a message that names the file (or
option) and the problem; the guard in `orgdesigner.cli.main` prints it and exits EXIT_BAD_INPUT.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn

from ..analysis import Analysis
from ..io.comparators import ComparatorTableFailed
from ..io.establishment import ImportFailed
from ..model import Structure, StructureFileError, load

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
"""0 success (for `check`: no error findings), 1 error findings, 2 bad input."""

PROG = "orgdesigner"


class BadInput(Exception):
    """Input a command cannot use; the message names the file or option and says why."""


INPUT_ERRORS: tuple[type[Exception], ...] = (BadInput, StructureFileError, ImportFailed, ComparatorTableFailed)
"""The errors whose message is shown as it is: each already names its file."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own exit code 2 is ours too
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


@contextmanager
def about(path: str | Path) -> Iterator[None]:
    """Blame a ValueError raised inside (a value the model or analysis refuses, an option that does
    not fit the file) on PATH: it becomes BadInput('PATH: why')."""
    try:
        yield
    except ValueError as exc:
        raise BadInput(f"{path}: {exc}") from None


class Target:
    """A structure read from the command line, with its analysis built when first asked for."""

    def __init__(self, file: Path, structure: Structure) -> None:
        self.file = file
        self.structure = structure

    @cached_property
    def analysis(self) -> Analysis:
        with about(self.file):
            return Analysis(self.structure)


def load_target(text: str, scenario: str | None = None) -> Target:
    """FILE's baseline, or its SCENARIO when given; without SCENARIO the text may be FILE:SCENARIO,
    split on the last colon unless the whole text names an existing file."""
    path = Path(text)
    if scenario is None and not path.exists() and ":" in text:
        file, _, scenario = text.rpartition(":")
        path = Path(file)
    with about(path):
        return Target(path, load(path, scenario))


def write_output(path: Path, write: Callable[[Path], object]) -> None:
    """Write PATH with WRITE; a file that cannot be written is bad input naming it."""
    try:
        write(path)
    except OSError as exc:
        raise BadInput(f"{path}: cannot write ({exc.strerror or exc})") from None


def print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def scenario_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", metavar="NAME", help="the scenario of FILE to use (default: its baseline)")
