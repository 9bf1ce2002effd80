"""What every subcommand shares: the exit codes, loading a target, refusing bad input, writing output.

A subcommand refuses input by raising one of INPUT_ERRORS with a message that names the file (or
option) and the problem; the guard in `orgdesigner.cli.main` prints it and exits EXIT_BAD_INPUT.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn

from ..analysis import Analysis
from ..heap import settling
from ..io.comparators import ComparatorTableFailed
from ..io.establishment import ImportFailed
from ..io.safetext import terminal_safe
from ..model import Structure, StructureFileError, load, load_scenarios
from ..model.safefiles import SamePathRefused, refuse_same_path
from ..model.strictjson import dumps_strict
from ..presentation.redaction import names_to_review

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
"""0 success (for `check`: no error findings), 1 error findings, 2 bad input."""
EXIT_INTERRUPTED = 130

PROG = "orgdesigner"
DEBUG_VARIABLE = "ORGDESIGNER_DEBUG"
"""Set to 1 to see the traceback of an internal error (a bug) as well as its one-line message."""


class BadInput(Exception):
    """Input a command cannot use; the message names the file or option and says why."""


INPUT_ERRORS: tuple[type[Exception], ...] = (BadInput, StructureFileError, ImportFailed, ComparatorTableFailed,
                                             SamePathRefused)
"""The errors whose message is shown as it is: each already names its file."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own exit code 2 is ours too
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def fail(message: str) -> int:
    print(f"{PROG}: {terminal_safe(message, keep_newlines=True)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def guarded(work: Callable[[], int]) -> int:
    """Run WORK, the one boundary between a command and the user: bad input becomes a message
    naming it and EXIT_BAD_INPUT; a reader that stops reading (`check FILE | head -1`) ends the
    command quietly; anything else is a bug, reported in one line without a traceback (unless
    ORGDESIGNER_DEBUG is set) and also EXIT_BAD_INPUT."""
    try:
        return work()
    except INPUT_ERRORS as exc:
        return fail(str(exc))
    except BrokenPipeError:
        _stop_writing_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # the last resort (RecursionError and MemoryError too): a bug, never a traceback
        return internal_error(exc)


def internal_error(exc: BaseException) -> int:
    """Report an unexpected exception in one line; the traceback only with ORGDESIGNER_DEBUG=1."""
    if os.environ.get(DEBUG_VARIABLE):
        traceback.print_exception(exc, file=sys.stderr)
    what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    hint = "" if os.environ.get(DEBUG_VARIABLE) else f" (run with {DEBUG_VARIABLE}=1 to see the details)"
    return fail(f"internal error, please report it: {what[:500]}{hint}")


def _stop_writing_stdout() -> None:
    """Point stdout at /dev/null, so Python's flush at exit does not fail on the closed pipe again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test capturing output)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


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
        with about(self.file), settling():
            return Analysis(self.structure)


def load_target(text: str, scenario: str | None = None) -> Target:
    """FILE's baseline, or its SCENARIO when given; without SCENARIO the text may be FILE:SCENARIO
    (see `split_target`)."""
    path, named = split_target(text) if scenario is None else (Path(text), scenario)
    with about(path), settling():  # the structure read lives on: no collecting while it is made
        return Target(path, load(path, named))


def split_target(text: str) -> tuple[Path, str | None]:
    """The file and scenario that TEXT names: the whole text if it is an existing path, else the
    split at a colon where the part before is an existing file, trying the colons from the right
    (so a scenario name may itself hold colons: `plan.orgd:Option: lean` is plan.orgd's scenario
    "Option: lean"), and among several such splits the one whose rest is a scenario of the file.
    Without any, the split is at the last colon (and reading the file says it is missing)."""
    path = Path(text)
    if path.exists() or ":" not in text:
        return path, None
    splits = [(Path(text[:i]), text[i + 1:]) for i in range(len(text) - 1, -1, -1)
              if text[i] == ":" and text[:i] and Path(text[:i]).is_file()]
    if not splits:
        before, _, after = text.rpartition(":")
        return Path(before), after
    if len(splits) > 1:
        for file, name in splits:
            try:
                if name in load_scenarios(file).names:
                    return file, name
            except (StructureFileError, ValueError):
                continue
    return splits[0]


def refuse_output_of_input(output: str | Path, *inputs: str | Path | None) -> None:
    """BadInput if OUTPUT is one of the command's inputs (a FILE:SCENARIO input counts as FILE)."""
    files = [split_target(str(i))[0] for i in inputs if i is not None]
    refuse_same_path(output, *files)


def write_output(path: Path, write: Callable[[Path], object]) -> None:
    """Write PATH with WRITE; a file that cannot be written is bad input naming it."""
    try:
        write(path)
    except OSError as exc:
        raise BadInput(f"{path}: cannot write ({exc.strerror or exc})") from None


def print_json(value: Any) -> None:
    """Strict JSON (a number that is not finite is written as null, never as a bare NaN)."""
    print(dumps_strict(value, indent=2, ensure_ascii=False))


def print_text(text: str) -> None:
    """Text output with a file's control characters and escape sequences shown, not obeyed."""
    print(terminal_safe(text, keep_newlines=True))


def print_note(kind: str, text: str) -> None:
    """A warning or note on stderr ("warning: …"), with a file's control characters shown, not obeyed."""
    print(f"{kind}: {terminal_safe(text)}", file=sys.stderr)


def scenario_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", metavar="NAME", help="the scenario of FILE to use (default: its baseline)")


def warn_names_to_review(*structures: Structure | None) -> None:
    """With names withheld, say on stderr which printed text still looks like a person's name."""
    for line in names_to_review(*structures):
        print(f"orgdesigner: warning: {terminal_safe(line)}", file=sys.stderr)
