"""A trial layout (what the chart PDF's page planner judges candidate pages by) gives exactly the cards,
in the same order, the group boxes and the bounds that the full layout gives the same posts cut out of the
structure, and the full layout made from it (for a page printed) has the same lines too."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from orgdesigner.layout import Layout, LayoutOptions, compute_layout
from orgdesigner.layout.trial import TrialLayouts
from orgdesigner.model import Group, Structure
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.model.types import DottedLine
from orgdesigner.presentation.selection import substructure

PRINT = LayoutOptions(card_width=136.0, card_height=70.0, h_gap=10.0, v_gap=24.0, compact=True, leaf_column=True,
                      stack_indent=10.0, stack_gap=7.0, group_padding=8.0, group_header=17.0,
                      use_manual_positions=False, wrap_width=900.0, stack_rows=5)


def tangled(seed: int) -> Structure:
    """A synthetic council with what a real one has too: teams in nested groups, assistants, dotted
    lines (some to posts far away), long titles and a few posts with no line manager."""
    structure = synthetic_structure(300, seed=seed, span=5)
    rng = random.Random(seed)
    ids = list(structure.posts)
    tops = list(structure.groups)
    for number in range(8):
        structure.add_group(Group(id=f"T{number}", name=f"Team {number}", parent=rng.choice(tops)))
    for pid in ids[1:]:
        roll = rng.random()
        if roll < 0.15:
            inside = [gid for gid, group in structure.groups.items() if group.parent == structure.posts[pid].group]
            if inside:
                structure.update_post(pid, group=rng.choice(inside))
        elif roll < 0.2:
            structure.update_post(pid, assistant=True)
        elif roll < 0.27:
            manager = rng.choice(ids)
            if manager != pid:
                structure.update_post(pid, dotted=[DottedLine(manager=manager, label="professional")])
    for pid in rng.sample(ids[1:], 3):
        structure.set_manager(pid, None)
    return structure


def candidates(structure: Structure, rng: random.Random, count: int) -> list[set[str]]:
    """Sets of posts like the pages a planner tries: a few posts with some levels below them, some
    branches cut short."""
    reports: dict[str, list[str]] = {pid: sorted(structure.reports_of(pid)) for pid in structure.posts}
    sets = []
    for _ in range(count):
        tops = rng.sample(list(structure.posts), rng.randrange(1, 4))
        shown, frontier = set(tops), list(tops)
        for _ in range(rng.randrange(0, 5)):
            frontier = [kid for pid in frontier for kid in reports[pid] if rng.random() < 0.85]
            shown.update(frontier)
        sets.append(shown)
    return sets


def lines(layout: Layout) -> list[tuple]:
    return [(r.manager, r.report, r.kind, r.points, r.label) for r in layout.lines]


@pytest.mark.parametrize("seed", range(6))
def test_a_trial_layout_is_the_full_layout(seed: int) -> None:
    structure = tangled(seed)
    trials = TrialLayouts(structure)
    rng = random.Random(seed)
    variants = [PRINT, replace(PRINT, stack_rows=2, wrap_width=400.0), replace(PRINT, card_height=52.0)]
    for shown in candidates(structure, rng, 60):
        options = rng.choice(variants)
        folded = {pid for pid in structure.posts if rng.random() < 0.05}  # in the export
        continued = {pid for pid in shown if any(kid not in shown for kid in structure.reports_of(pid))}
        cut = substructure(structure, shown)
        trial = trials.lay(shown, options, lambda: cut, folded)
        full = compute_layout(cut, replace(options, continued=frozenset(continued | folded & shown)))
        assert trial.full is None  # no reporting cycle: not laid out in full
        assert list(trial.cards.items()) == list(full.cards.items())
        assert trial.groups == full.groups and trial.bounds == full.bounds
        printed = trials.layout(trial)
        assert list(printed.cards.items()) == list(full.cards.items())
        assert printed.groups == full.groups and printed.bounds == full.bounds
        assert lines(printed) == lines(full)


def test_a_set_holding_a_reporting_cycle_is_laid_out_in_full() -> None:
    structure = synthetic_structure(40)
    a, b = [pid for pid in structure.posts if structure.reports_of(pid)][-2:]
    structure.posts[a] = structure.posts[a].model_copy(update={"reports_to": b})
    structure.posts[b] = structure.posts[b].model_copy(update={"reports_to": a})
    trials = TrialLayouts(structure)
    shown = {a, b, *structure.reports_of(a)}
    cut = substructure(structure, shown)
    trial = trials.lay(shown, PRINT, lambda: cut)
    continued = frozenset(pid for pid in shown if not structure.reports_of(pid) <= shown)
    full = compute_layout(cut, replace(PRINT, continued=continued))
    assert trial.full is not None and trials.layout(trial) is trial.full
    assert trial.cards == full.cards and lines(trial.full) == lines(full)
    assert trials.lay({"P1", "P2"}, PRINT, lambda: substructure(structure, {"P1", "P2"})).full is None
