"""Single edits of each kind in the window, with their undo and redo, each timed from the command to the
painted window (issue 14: under 16 ms median and 50 ms worst at 10,000 posts).

Run:  python bench/edit_bench.py [SIZES...]      (default 1000)
Prints figures only; nothing here is a test. `bench/run.py` uses the same measurement.

Every edit goes through `Document.execute` as the window's own gestures do, then Qt processes every
pending event (relayout, item updates, docks, status bar, the paint of the viewport); the undo and
redo go through the document's undo stack the same way. After each run the edit is undone again
(untimed), so every run starts from the structure as opened.
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from canvas_bench import WindowBench
from measure import Timing, seconds, timing

from orgdesigner import editing
from orgdesigner.editing import Edit
from orgdesigner.model import Post, Structure
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.ui.clipboard import copy_posts, paste_posts

RUNS = 5
PASTED = 50

KINDS = ("field", "manager", "group", "add", "delete", "paste")
"""Change a grade; give a post a new manager; move a post into another group; add a post; delete a post;
paste 50 copied posts."""


@dataclass(frozen=True)
class EditTimings:
    do: Timing
    undo: Timing
    redo: Timing


class EditMaker:
    """Builds one edit of each kind on the structure the window holds, at random but never refused."""

    def __init__(self, structure: Structure, seed: int = 14) -> None:
        self.structure = structure
        self.rng = random.Random(seed)

    def _leaf(self) -> str:
        """A post with no reports under a manager: any other manager may take it without a cycle."""
        structure = self.structure
        ids = list(structure.posts)
        while True:
            post_id = self.rng.choice(ids)
            if structure.posts[post_id].reports_to is not None and not structure.reports_of(post_id):
                return post_id

    def _manager(self, other_than: str | None = None) -> str:
        structure = self.structure
        managers = [p for p in structure.posts if structure.reports_of(p) and p != other_than]
        return self.rng.choice(managers)

    def make(self, kind: str) -> Edit:
        structure = self.structure
        if kind == "field":
            return editing.edit_post(structure, self._leaf(), grade=self.rng.choice(["G3", "G6", "G9"]))
        if kind == "manager":
            post_id = self._leaf()
            return editing.set_manager(structure, post_id, self._manager(structure.posts[post_id].reports_to))
        if kind == "group":
            post_id = self._leaf()
            groups = [g for g in structure.groups if g != structure.posts[post_id].group]
            return editing.edit_post(structure, post_id, group=self.rng.choice(groups))
        if kind == "add":
            manager = self._manager()
            return editing.add_post(structure, Post(id=structure.new_post_id(), title="New post", reports_to=manager,
                                                    group=structure.posts[manager].group))
        if kind == "delete":
            return editing.delete(structure, [self._leaf()], [])
        if kind == "paste":
            team: dict[str, None] = {}
            while len(team) < PASTED:
                team.update(dict.fromkeys(sorted(structure.reports_of(self._manager()))))
            return editing.paste_posts(structure, paste_posts(structure, copy_posts(structure, list(team)[:PASTED])))
        raise ValueError(f"no edit of kind {kind!r}")


def time_edit_kinds(bench: WindowBench, runs: int = RUNS) -> dict[str, EditTimings]:
    """For each kind: the edit, its undo and its redo, each until painted."""
    document = bench.window.document
    maker = EditMaker(document.structure)
    stack = document.undo_stack
    result = {}
    for kind in KINDS:
        samples: dict[str, list[float]] = {"do": [], "undo": [], "redo": []}
        for _ in range(runs):
            edit = maker.make(kind)
            step: Callable[[], object]
            for name, step in (("do", lambda: _executed(document.execute(edit), kind)), ("undo", stack.undo),
                               ("redo", stack.redo)):
                samples[name].append(seconds(lambda: (step(), bench.settle())))
            stack.undo()
            bench.settle()
        result[kind] = EditTimings(timing(samples["do"]), timing(samples["undo"]), timing(samples["redo"]))
    return result


def _executed(done: bool, kind: str) -> None:
    if not done:
        raise RuntimeError(f"the window refused the {kind} edit the bench made")


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        bench = WindowBench(Path(folder))
        print(f"{'posts':>7}  {'edit':<8}  {'median (ms)':>11}  {'worst (ms)':>10}  {'undo (ms)':>9}  {'redo (ms)':>9}")
        for size in sizes:
            bench.open(synthetic_structure(size))
            for kind, t in time_edit_kinds(bench).items():
                print(f"{size:>7}  {kind:<8}  {t.do.median_ms:>11.1f}  {t.do.worst_ms:>10.1f}  "
                      f"{t.undo.median_ms:>9.1f}  {t.redo.median_ms:>9.1f}")
        bench.close()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000])
