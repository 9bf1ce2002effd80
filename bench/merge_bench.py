"""Merge speed: two sides' changes to a 10,000-post structure, 500 changes each (issue 19).

Run:  python bench/merge_bench.py [POSTS] [CHANGES]     (default 10000 500)
Target: the merge (`merge_scenarios`, files already read) under 1 s. Also prints reading the
three files, the whole `merge_files`, and the whole command `orgdesigner merge BASE OURS THEIRS -o OUT`
(reading, merging and writing: in this process, and as a new process as git runs it, start-up
included). Prints figures only; nothing here is a test.
"""

from __future__ import annotations

import contextlib
import io
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from orgdesigner.cli import main as cli_main
from orgdesigner.model import Post, Scenarios, Structure, load_scenarios, save_scenarios
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.sharing import merge_files, merge_scenarios

TARGET = 1.0


def _side(base: Structure, posts: list[str], changes: int, tag: str, rng: random.Random) -> Structure:
    """A copy of base with `changes` edits on its own posts: retitles, regrades, moves and new posts."""
    side = Structure.model_validate(base.model_dump())
    depth = {p: len(base.chain_above(p)) for p in base.posts}
    higher = sorted(base.posts, key=depth.__getitem__)[:200]
    for n, pid in enumerate(posts[:changes]):
        kind = n % 4
        if kind == 0:
            side.update_post(pid, title=f"{tag} retitled {n}")
        elif kind == 1:
            side.update_post(pid, grade=rng.choice(["G2", "G5", "G8"]), fte=0.8)
        elif kind == 2:
            options = [m for m in higher if depth[m] < depth[pid]]
            if options:
                side.set_manager(pid, rng.choice(options))
        else:
            side.add_post(Post(id=f"{tag}{n}", title=f"New {tag} post {n}", reports_to=pid, grade="G3"))
    return side


def main(posts: int = 10000, changes: int = 500) -> int:
    rng = random.Random(19)
    base = synthetic_structure(posts, seed=19)
    base.update_details(scenario="Current")
    ids = [p for p in base.posts if p != "P1"]
    rng.shuffle(ids)
    ours = _side(base, ids[:changes], changes, "O", rng)
    theirs = _side(base, ids[changes:2 * changes], changes, "T", rng)
    files = [Scenarios.single(s) for s in (base, ours, theirs)]
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        result = merge_scenarios(*files)
        runs.append(time.perf_counter() - start)
    merged = result.scenarios.baseline
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / f"{name}.orgd" for name in ("base", "ours", "theirs")]
        for path, structure in zip(paths, (base, ours, theirs)):
            save_scenarios(Scenarios.single(structure), path)
        start = time.perf_counter()
        for path in paths:
            load_scenarios(path)
        reading = time.perf_counter() - start
        start = time.perf_counter()
        merge_files(*paths)
        whole = time.perf_counter() - start
        command = ["merge", *map(str, paths), "-o", str(Path(folder) / "out.orgd")]
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            cli_main(command)
        in_process = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "orgdesigner", *command], capture_output=True, check=False)
        new_process = time.perf_counter() - start
    best = min(runs)
    print(f"{posts:,} posts, {changes} changes a side: merged {len(merged.posts):,} posts, "
          f"{len(result.conflicts)} conflicts")
    print(f"  merge          {best * 1000:8.0f} ms (best of 3)  target {TARGET * 1000:.0f} ms  "
          f"{'met' if best < TARGET else 'MISSED'}")
    print(f"  read 3 files   {reading * 1000:8.0f} ms")
    print(f"  merge_files    {whole * 1000:8.0f} ms (reading and merging)")
    print(f"  merge command  {in_process * 1000:8.0f} ms (reading, merging and writing OUT, in this process)")
    print(f"  as a process   {new_process * 1000:8.0f} ms (python -m orgdesigner merge, start-up included)")
    return 0 if best < TARGET else 1


if __name__ == "__main__":
    sys.exit(main(*(int(a) for a in sys.argv[1:3])))
