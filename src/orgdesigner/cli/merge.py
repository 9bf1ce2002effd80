"""`orgdesigner merge BASE OURS THEIRS [-o OUT]`: combine two sets of changes to one structure file.

OUT defaults to OURS, which is what git expects of a merge driver (`orgdesigner merge %O %A %B`).
Exit 0: merged cleanly; 1: merged, with open conflicts (listed, and written into OUT for the window's
Conflicts dock); 2: bad input, or OUT changed on disk while the merge ran (then nothing is written).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..model import EditRefused, dumps_scenarios
from ..sharing import (DiskState, FileChangedOnDisk, describe_conflict, load_with_state, merge_scenarios, snapshot,
                       write_if_unchanged)
from .common import EXIT_FINDINGS, EXIT_OK, PROG, BadInput, print_text, refuse_output_of_input, write_output

NAME = "merge"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="three-way merge of two changed copies of a structure",
                                 description="Combine the changes OURS and THEIRS each made to BASE, scenario by "
                                             "scenario, post by post and field by field. Where they collide OURS is "
                                             "kept and the conflict is listed and written into the result, to be "
                                             "resolved in the window's Conflicts dock. Exit 0: merged cleanly; 1: "
                                             "merged with conflicts; 2: bad input. As a git merge driver: "
                                             f"{PROG} {NAME} %O %A %B (OUT is then OURS).")
    parser.add_argument("base", metavar="BASE", help="the common ancestor")
    parser.add_argument("ours", metavar="OURS", help="our changed copy")
    parser.add_argument("theirs", metavar="THEIRS", help="their changed copy")
    parser.add_argument("-o", "--output", metavar="OUT", help="where to write the result (default: OURS)")
    parser.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    output = Path(options.output or options.ours)
    refuse_output_of_input(output, options.base, options.theirs)  # over OURS is the point; over BASE or THEIRS, never
    before = snapshot(output)
    states: dict[Path, DiskState] = {}
    sides = []
    for text in (options.base, options.ours, options.theirs):
        scenarios, _data, state = load_with_state(text)
        sides.append(scenarios)
        states[Path(text).resolve()] = state
    state = states.get(output.resolve(), before)  # OUT read as an input: it must still be what was read
    result = merge_scenarios(*sides)
    try:
        content = dumps_scenarios(result.scenarios)
    except EditRefused as exc:
        raise BadInput(f"{output}: the merged file cannot be written: {exc}") from None

    def write(_path: Path) -> None:
        try:
            write_if_unchanged(state, content)
        except FileChangedOnDisk as exc:
            raise BadInput(str(exc)) from None

    write_output(output, write)
    conflicts = result.conflicts
    for found in conflicts:
        structure = result.scenarios.get(found.scenario)
        print_text(f"CONFLICT in scenario {found.scenario!r}: {describe_conflict(structure, found.conflict)}")
    if conflicts:
        print(f"Merged into {output} with {len(conflicts)} open conflict{'s' if len(conflicts) != 1 else ''}: "
              "ours is kept in each; resolve them in the Conflicts dock (or edit and merge again).")
        return EXIT_FINDINGS
    print(f"Merged into {output}: no conflicts.")
    return EXIT_OK
