"""Headless round trip of the edits the window offers: hundreds of random edits, undone and redone.

Every kind of edit is built from the structure as it stands, some of them ones the model must
refuse (cycles, bad values, unknown ids). A refused edit must leave the structure untouched;
undoing every applied edit must give back the structure exactly as it was loaded, and redoing
them all the structure exactly as it was after the edits.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

import pytest

from orgdesigner import editing
from orgdesigner.model import (Benchmark, EditRefused, Group, ImpactChoice, ImpactOverride, Post, Responsibility,
                               ResponsibilityCategory, Rota, RotaMonth, Structure, load)
from orgdesigner.model.synthetic import synthetic_structure

from conftest import SAMPLES, make_structure

EDITS_PER_STRUCTURE = 300


def _post_edit(s: Structure, rng: random.Random) -> editing.Edit:
    post = rng.choice(list(s.posts))
    field, value = rng.choice([
        ("title", f"Retitled {rng.randrange(1000)}"),
        ("title", ""),  # refused: a post needs a title
        ("fte", rng.choice([0.5, 1.0, -1.0])),  # -1 refused
        ("grade", rng.choice([*s.pay_scales, None])),
        ("status", rng.choice(["filled", "vacant", "no-such-status"])),
        ("in_scope", rng.random() < 0.5),
        ("postholder", rng.choice(["", "A. Person"])),
        ("designations", rng.choice([[], ["MO"], ["S151"]])),
        ("group", rng.choice([*s.groups, None, "no-such-group"])),
    ])
    return editing.edit_post(s, post, **{field: value})


def _new_post(s: Structure, rng: random.Random) -> Post:
    return Post(id=s.new_post_id("N"), title=f"New post {rng.randrange(1000)}",
                reports_to=rng.choice([*s.posts, None]), group=rng.choice([*s.groups, None]))


def _new_group(s: Structure, rng: random.Random) -> Group:
    return Group(id=s.new_group_id("NG"), name=f"New group {rng.randrange(1000)}", parent=rng.choice([*s.groups, None]))


def _paste(s: Structure, rng: random.Random) -> editing.Edit:
    first = _new_post(s, rng)
    second = Post(id=f"{first.id}x", title="Pasted report", reports_to=first.id)
    return editing.paste_posts(s, [first, second])


def _delete(s: Structure, rng: random.Random) -> editing.Edit:
    posts = rng.sample(list(s.posts), min(len(s.posts), rng.randrange(0, 4)))
    groups = rng.sample(list(s.groups), min(len(s.groups), rng.randrange(0, 2)))
    if not posts and not groups:
        posts = ["no-such-post"]  # refused
    return editing.delete(s, posts, groups)


def _move(s: Structure, rng: random.Random) -> editing.Edit:
    posts = rng.sample(list(s.posts), min(len(s.posts), rng.randrange(1, 4)))
    positions = {p: (rng.uniform(-500, 500), rng.uniform(-500, 500)) for p in posts}
    groups = {p: rng.choice([*s.groups, None]) for p in posts} if rng.random() < 0.5 else {}
    return editing.move_posts(s, positions, groups)


def _line(s: Structure, rng: random.Random) -> editing.Edit:
    post, other = rng.choice(list(s.posts)), rng.choice(list(s.posts))
    kind = rng.choice(["line", "dotted"])
    action = rng.choice([editing.add_dotted_line, editing.remove_line, editing.switch_line_kind])
    if action is editing.add_dotted_line:
        return editing.add_dotted_line(s, post, other, label=rng.choice(["", "professional"]))
    return action(s, post, other, kind)


def _responsibility(s: Structure, rng: random.Random) -> editing.Edit:
    if not s.responsibilities or rng.random() < 0.4:
        item = Responsibility(id=s.new_responsibility_id(), name=f"Duty {rng.randrange(1000)}",
                              category=rng.choice(list(ResponsibilityCategory)), post=rng.choice([*s.posts, None]))
        return editing.add_responsibility(s, item)
    item_id = rng.choice(s.responsibilities).id
    if rng.random() < 0.3:
        return editing.delete_responsibility(s, item_id)
    field, value = rng.choice([("name", f"Renamed {rng.randrange(1000)}"), ("name", ""),
                               ("post", rng.choice([*s.posts, None])),
                               ("category", rng.choice(list(ResponsibilityCategory)).value)])
    return editing.edit_responsibility(s, item_id, **{field: value})


def _rota(s: Structure, rng: random.Random) -> editing.Edit:
    posts = rng.sample(list(s.posts), min(len(s.posts), 3))
    months = [RotaMonth(month=f"2024-{n:02d}", lead=posts[n % len(posts)], buddy=posts[(n + 1) % len(posts)])
              for n in range(1, rng.randrange(2, 8))]
    return editing.set_rota(s, Rota(posts=posts, duties=f"Duties {rng.randrange(100)}", months=months), "Rota")


def _benchmark(s: Structure, rng: random.Random) -> editing.Edit:
    benchmark = Benchmark(role=f"Role {rng.randrange(100)}", post=rng.choice([*s.posts, None]))
    return editing.set_benchmark(s, benchmark, "Benchmark")


def _impact(s: Structure, rng: random.Random) -> editing.Edit:
    impacts = dict(s.proposal.impacts)
    impacts[rng.choice(list(s.posts))] = ImpactOverride(impact=rng.choice(list(ImpactChoice)), reason="decided")
    return editing.edit_proposal(s, "Decide an impact", impacts=impacts)


KINDS: dict[str, Callable[[Structure, random.Random], editing.Edit]] = {
    "post field": _post_edit,
    "new manager": lambda s, rng: editing.set_manager(s, rng.choice(list(s.posts)), rng.choice([*s.posts, None])),
    "line": _line,
    "move": _move,
    "add post": lambda s, rng: editing.add_post(s, _new_post(s, rng)),
    "paste": _paste,
    "delete": _delete,
    "add group": lambda s, rng: editing.add_group(s, _new_group(s, rng)),
    "group posts": lambda s, rng: editing.group_posts(s, _new_group(s, rng), rng.sample(list(s.posts), 2)),
    "group field": lambda s, rng: editing.edit_group(s, rng.choice(list(s.groups)), **rng.choice([
        {"name": f"Renamed {rng.randrange(1000)}"}, {"parent": rng.choice([*s.groups, None])},
        {"leader": rng.choice([*s.posts, None])}, {"staff": rng.choice([10, -5])}])),
    "tidy": lambda s, rng: editing.tidy_layout(s),
    "settings": lambda s, rng: editing.edit_settings(s, **rng.choice([{"span_max": rng.choice([4, 8, 0])},
                                                                     {"on_cost_rate": rng.choice([0.2, 0.3])}])),
    "details": lambda s, rng: editing.edit_structure(s, description=f"Edited {rng.randrange(1000)}"),
    "impact": _impact,
    "responsibility": _responsibility,
    "rota": _rota,
    "benchmark": _benchmark,
}


def _structures() -> list[tuple[str, Callable[[], Structure]]]:
    samples = [(path.stem, lambda path=path: load(path)) for path in sorted(SAMPLES.glob("*.orgd"))]
    return [("small council", make_structure), ("synthetic", lambda: synthetic_structure(120, seed=7)), *samples]


@pytest.mark.parametrize("name, make", _structures(), ids=[name for name, _ in _structures()])
def test_random_edits_undo_and_redo_exactly(name: str, make: Callable[[], Structure]) -> None:
    structure = make()
    rng = random.Random(f"roundtrip {name}")
    original = structure.model_dump()
    applied: list[editing.Edit] = []
    counts: Counter[tuple[str, bool]] = Counter()
    for _ in range(EDITS_PER_STRUCTURE):
        if not structure.posts:
            break
        kind = rng.choice(list(KINDS))
        if kind.startswith("group") and not structure.groups or kind == "group posts" and len(structure.posts) < 2:
            continue
        edit = KINDS[kind](structure, rng)
        before = structure.model_dump()
        try:
            edit.apply()
        except EditRefused as refusal:
            assert str(refusal), f"{kind}: a refusal must say why"
            assert structure.model_dump() == before, f"{kind}: a refused edit changed the structure"
            counts[kind, False] += 1
            continue
        assert edit.text, f"{kind}: an applied edit is named for the Undo menu"
        applied.append(edit)
        counts[kind, True] += 1
    after = structure.model_dump()

    for edit in reversed(applied):
        edit.revert()
    assert structure.model_dump() == original
    for edit in applied:
        edit.apply()
    assert structure.model_dump() == after

    assert len(applied) > EDITS_PER_STRUCTURE // 3, counts
    assert all(counts[kind, True] for kind in KINDS), f"some kinds were never applied: {counts}"
    assert sum(n for (_, ok), n in counts.items() if not ok) > 0, "no edit was refused, so refusals went untested"


def test_builders_never_refuse_only_apply_does(structure: Structure) -> None:
    """Unknown ids and broken rules are refused by `apply`, with the message, never by the builder."""
    edit = editing.edit_post(structure, "nope", title="Anything")
    with pytest.raises(EditRefused, match="there is no post with id 'nope'"):
        edit.apply()
    edit = editing.add_dotted_line(structure, "H1", "D1")
    with pytest.raises(EditRefused, match="'Head of Finance' is already line managed by 'Director of Resources'"):
        edit.apply()
    edit = editing.edit_post(structure, "H1", fte=-1)
    with pytest.raises(EditRefused, match="fte"):
        edit.apply()
    assert structure.model_dump() == make_structure().model_dump()
