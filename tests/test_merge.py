"""Three-way merge: random edits on two sides that do not collide merge to both edit lists applied;
colliding edits always report their conflict, keep ours, and leave a valid structure."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from orgdesigner.model import (Benchmark, Comparator, ConflictItem, ConflictKind, Group, Post, Responsibility,
                               Scenarios, Structure, dumps_scenarios, loads_scenarios, save_scenarios)
from orgdesigner.model.cycles import find_cycles
from orgdesigner.model.rota import Rota, RotaMonth
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.resources import load_json
from orgdesigner.sharing import merge_files, merge_scenarios, merge_structures

Edit = Callable[[Structure], None]


def _base(seed: int, posts: int = 80) -> Structure:
    s = synthetic_structure(posts, seed=seed)
    for i in range(6):
        s.add_responsibility(Responsibility(id=f"R{i}", name=f"Duty {i}", category="meeting", post=f"P{i + 1}"))
    s.set_benchmark(Benchmark(role="Chief Executive",
                              comparators=[Comparator(council=f"Council {i}", pay=150000 + i * 1000) for i in range(6)]))
    s.set_rota(Rota(posts=["P2", "P3"], months=[RotaMonth(month=f"2024-{m:02d}", lead="P2", buddy="P3")
                                                for m in range(1, 9)]))
    return s


def _copy(s: Structure) -> Structure:
    return Structure.model_validate(s.model_dump())


class _Side:
    """One side's random edits, each checked against that side's own copy as it is generated."""

    def __init__(self, base: Structure, rng: random.Random, tag: str, pools: dict[str, list[str]],
                 other_posts: set[str], details_field: str) -> None:
        self.base, self.rng, self.tag, self.pools = base, rng, tag, pools
        self.other_posts = other_posts
        self.details_field = details_field
        self.copy = _copy(base)
        self.edits: list[Edit] = []
        self.depth = {p: len(base.chain_above(p)) for p in base.posts}
        self.count = 0

    def apply(self, edit: Edit) -> None:
        edit(self.copy)
        self.edits.append(edit)

    def fresh(self, what: str) -> str:
        self.count += 1
        return f"{self.tag}{what}{self.count}"

    def managers_for(self, depth: int) -> list[str]:
        """Posts this side may point a line at: never one the other side may delete, always higher up."""
        return [p for p in self.copy.posts if p in self.depth and p not in self.other_posts and self.depth[p] < depth]

    def generate(self, count: int) -> None:
        kinds = [self.edit_field, self.move, self.add_post, self.remove_post, self.edit_grade, self.edit_group,
                 self.add_group, self.responsibility, self.comparator, self.rota_month, self.rule]
        for _ in range(count):
            self.rng.choice(kinds)()
        value = f"{self.tag} {self.details_field}"
        self.apply(lambda s: s.update_details(**{self.details_field: value}))

    def own_post(self) -> str | None:
        live = [p for p in self.pools["posts"] if p in self.copy.posts]
        return self.rng.choice(live) if live else None

    def edit_field(self) -> None:
        p = self.own_post()
        if p is None:
            return
        field, value = self.rng.choice([("title", f"{self.tag} title {self.rng.random():.6f}"),
                                        ("grade", self.rng.choice(["G1", "G4", "G9"])),
                                        ("fte", self.rng.choice([0.2, 0.6, 0.9])),
                                        ("notes", f"{self.tag} note"), ("salary", self.rng.randrange(30000, 90000)),
                                        ("status", "interim")])
        self.apply(lambda s: s.update_post(p, **{field: value}))

    def move(self) -> None:
        p = self.own_post()
        if p is None or p == "P1":
            return
        options = [m for m in self.managers_for(self.depth[p]) if m != self.copy.posts[p].reports_to]
        if options:
            m = self.rng.choice(options)
            self.apply(lambda s: s.set_manager(p, m))

    def add_post(self) -> None:
        manager = self.rng.choice(self.managers_for(99))
        group = self.rng.choice([*self.base.groups, None])
        post = Post(id=self.fresh("P"), title=f"New {self.tag} post", reports_to=manager, group=group,
                    grade="G2", salary=self.rng.randrange(20000, 40000))
        self.apply(lambda s: s.add_post(post))

    def remove_post(self) -> None:
        leaves = [p for p in self.pools["posts"] if p in self.copy.posts and not self.copy.reports_of(p)
                  and not any(g.leader == p for g in self.copy.groups.values())]
        if leaves:
            p = self.rng.choice(leaves)
            self.apply(lambda s: s.remove_post(p))

    def edit_grade(self) -> None:
        code = self.rng.choice(self.pools["grades"])
        raise_by = self.rng.randrange(1, 5000)
        self.apply(lambda s: s.set_pay_scale(s.pay_scales[code].model_copy(
            update={"max": s.pay_scales[code].max + raise_by}), code))

    def edit_group(self) -> None:
        gid = self.rng.choice(self.pools["groups"])
        name = f"{self.tag} directorate {self.rng.random():.5f}"
        self.apply(lambda s: s.update_group(gid, name=name))

    def add_group(self) -> None:
        group = Group(id=self.fresh("G"), name=f"{self.tag} team", parent=self.rng.choice(list(self.base.groups)))
        self.apply(lambda s: s.add_group(group))

    def responsibility(self) -> None:
        live = [r for r in self.pools["responsibilities"] if any(x.id == r for x in self.copy.responsibilities)]
        choice = self.rng.randrange(3)
        if choice == 0 and live:
            rid, holder = self.rng.choice(live), self.rng.choice(list(self.base.posts))
            self.apply(lambda s: s.update_responsibility(rid, post=holder))
        elif choice == 1 and live:
            rid = self.rng.choice(live)
            self.apply(lambda s: s.remove_responsibility(rid))
        else:
            item = Responsibility(id=self.fresh("R"), name=f"{self.tag} duty", category="delegation")
            self.apply(lambda s: s.add_responsibility(item))

    def comparator(self) -> None:
        council = self.rng.choice(self.pools["councils"])
        pay = float(self.rng.randrange(120000, 200000))
        added = Comparator(council=self.fresh(" council "), pay=pay)

        def edit(s: Structure) -> None:
            kept = [c.model_copy(update={"pay": pay}) if c.council == council else c for c in s.benchmark.comparators]
            s.set_benchmark(s.benchmark.model_copy(update={"comparators": [*kept, added]}))
        self.apply(edit)

    def rota_month(self) -> None:
        month = self.rng.choice(self.pools["months"])
        lead = self.rng.choice(["P4", "P5", "P6"])
        new_month = RotaMonth(month=f"{2030 if self.tag == 'O' else 2031}-{self.rng.randrange(1, 13):02d}",
                              lead="P2", buddy="P3")

        def edit(s: Structure) -> None:
            months = [m.model_copy(update={"lead": lead}) if m.month == month else m for m in s.rota.months]
            if all(m.month != new_month.month for m in months):
                months.append(new_month)
            s.set_rota(s.rota.model_copy(update={"months": months}))
        self.apply(edit)

    def rule(self) -> None:
        known = [rule["id"] for rule in load_json("rules.json")["rules"]]
        key = self.rng.choice(known[0::2] if self.tag == "O" else known[1::2])  # each side its own rules
        enabled = self.rng.random() < 0.5
        self.apply(lambda s: s.update_settings(rules={**{k: v.model_dump() for k, v in s.settings.rules.items()},
                                                      key: {"enabled": enabled}}))


def _pools(base: Structure, rng: random.Random) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Disjoint things for each side to change (P1 stays with neither: it heads the tree)."""
    def split(items: list[str]) -> tuple[list[str], list[str]]:
        items = list(items)
        rng.shuffle(items)
        half = len(items) // 2
        return items[:half], items[half:]
    names = {"posts": [p for p in base.posts if p != "P1"], "grades": list(base.pay_scales),
             "groups": list(base.groups), "responsibilities": [r.id for r in base.responsibilities],
             "councils": [c.council for c in base.benchmark.comparators], "months": [m.month for m in base.rota.months]}
    ours: dict[str, list[str]] = {}
    theirs: dict[str, list[str]] = {}
    for key, values in names.items():
        ours[key], theirs[key] = split(values)
    return ours, theirs


@pytest.mark.parametrize("seed", range(12))
def test_edits_that_do_not_collide_merge_to_both_edit_lists_applied(seed):
    rng = random.Random(seed)
    base = _base(seed)
    ours_pools, theirs_pools = _pools(base, rng)
    ours = _Side(base, rng, "O", ours_pools, set(theirs_pools["posts"]), "description")
    theirs = _Side(base, rng, "T", theirs_pools, set(ours_pools["posts"]), "name")
    ours.generate(rng.randrange(10, 40))
    theirs.generate(rng.randrange(10, 40))
    expected = _copy(base)
    for edit in [*ours.edits, *theirs.edits]:
        edit(expected)

    merged = merge_structures(base, ours.copy, theirs.copy)

    assert merged.conflicts == []
    assert merged.model_dump() == expected.model_dump()
    result = merge_scenarios(Scenarios.single(base), Scenarios.single(ours.copy), Scenarios.single(theirs.copy))
    assert result.conflicts == []
    assert result.scenarios.baseline.model_dump() == {**expected.model_dump(), "scenario": "Current"}


def _conflicts(structure: Structure, kind: ConflictKind, item: ConflictItem = ConflictItem.POST):
    return [c for c in structure.conflicts if c.kind is kind and c.item is item]


def _valid(structure: Structure) -> None:
    """A merged result saves and reads back exactly, and has no reporting cycle ours did not have."""
    again = loads_scenarios(dumps_scenarios(Scenarios.single(structure)))
    assert again.baseline.model_dump() == {**structure.model_dump(), "scenario": "Current"}
    assert list(find_cycles({p: post.reports_to for p, post in structure.posts.items()})) == []


def _leaf(structure: Structure, rng: random.Random) -> str:
    return rng.choice([p for p in structure.posts if not structure.reports_of(p)
                       and not any(g.leader == p for g in structure.groups.values())])


@pytest.mark.parametrize("seed", range(10))
def test_both_changing_one_field_differently_keeps_ours_and_reports_it(seed):
    rng = random.Random(seed)
    base = _base(seed)
    ours, theirs = _copy(base), _copy(base)
    post = rng.choice(list(base.posts))
    field, a, b = rng.choice([("title", "Ours title", "Theirs title"), ("grade", "G1", "G2"), ("fte", 0.3, 0.4),
                              ("notes", "ours", "theirs"), ("postholder", "A. Smith", "B. Jones")])
    ours.update_post(post, **{field: a})
    theirs.update_post(post, **{field: b})
    other = rng.choice([p for p in base.posts if p != post])
    theirs.update_post(other, notes="theirs only")  # a change that does not collide is still taken

    merged = merge_structures(base, ours, theirs)

    [conflict] = merged.conflicts
    assert (conflict.kind, conflict.item, conflict.id, conflict.field) == (ConflictKind.BOTH_CHANGED,
                                                                           ConflictItem.POST, post, field)
    assert (conflict.base, conflict.ours, conflict.theirs) == (base.post(post).model_dump(mode="json")[field], a, b)
    assert getattr(merged.posts[post], field) == a
    assert merged.posts[other].notes == "theirs only"
    _valid(merged)


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("deleter", ["ours", "theirs"])
def test_deleting_what_the_other_side_changed_is_reported_and_keeps_ours(seed, deleter):
    rng = random.Random(seed)
    base = _base(seed)
    ours, theirs = _copy(base), _copy(base)
    post = _leaf(base, rng)
    deleting, changing = (ours, theirs) if deleter == "ours" else (theirs, ours)
    deleting.remove_post(post)
    changing.update_post(post, title="Changed meanwhile")

    merged = merge_structures(base, ours, theirs)

    [conflict] = _conflicts(merged, ConflictKind.DELETED_CHANGED)
    assert conflict.id == post and conflict.field == ""
    assert conflict.base["title"] == base.post(post).title
    if deleter == "ours":
        assert post not in merged.posts and conflict.ours is None and conflict.theirs["title"] == "Changed meanwhile"
    else:
        assert merged.posts[post].title == "Changed meanwhile" and conflict.theirs is None
    _valid(merged)


@pytest.mark.parametrize("seed", range(10))
def test_moves_that_make_a_cycle_together_are_reported_and_ours_manager_kept(seed):
    rng = random.Random(seed)
    base = _base(seed)
    while True:
        x, y = rng.sample([p for p in base.posts if p != "P1"], 2)
        if x not in base.chain_above(y) and y not in base.chain_above(x):
            break
    ours, theirs = _copy(base), _copy(base)
    ours.set_manager(x, y)
    theirs.set_manager(y, x)

    merged = merge_structures(base, ours, theirs)

    [conflict] = _conflicts(merged, ConflictKind.CYCLE)
    assert (conflict.id, conflict.field) == (y, "reports_to")
    assert (conflict.base, conflict.ours, conflict.theirs) == (base.post(y).reports_to, base.post(y).reports_to, x)
    assert merged.posts[x].reports_to == y
    assert merged.posts[y].reports_to == base.post(y).reports_to
    _valid(merged)


@pytest.mark.parametrize("seed", range(6))
def test_a_post_placed_in_a_group_the_other_side_deleted_is_reported(seed):
    rng = random.Random(seed)
    base = _base(seed)
    ours, theirs = _copy(base), _copy(base)
    gone, other = rng.sample(list(base.groups), 2)
    for post in [p for p in base.posts.values() if p.group == gone]:
        ours.update_post(post.id, group=other)
    ours.remove_group(gone)
    manager = rng.choice(list(base.posts))
    theirs.add_post(Post(id="NEW", title="Added in the deleted group", group=gone, reports_to=manager))

    merged = merge_structures(base, ours, theirs)

    [conflict] = _conflicts(merged, ConflictKind.DELETED_GROUP)
    assert (conflict.id, conflict.field, conflict.ours, conflict.theirs) == ("NEW", "group", None, gone)
    assert merged.posts["NEW"].group is None and merged.posts["NEW"].reports_to == manager
    assert gone not in merged.groups
    _valid(merged)


@pytest.mark.parametrize("seed", range(6))
def test_a_post_reporting_to_a_post_the_other_side_deleted_is_reported(seed):
    rng = random.Random(seed)
    base = _base(seed)
    ours, theirs = _copy(base), _copy(base)
    leaf = _leaf(base, rng)
    ours.remove_post(leaf)
    theirs.add_post(Post(id="NEW", title="Reports to the deleted post", reports_to=leaf))
    moved = rng.choice([p for p in base.posts if p not in (leaf, "P1") and leaf not in base.chain_above(p)
                        and p not in base.chain_above(leaf)])
    theirs.set_manager(moved, leaf)

    merged = merge_structures(base, ours, theirs)

    by_post = {c.id: c for c in _conflicts(merged, ConflictKind.DELETED_POST)}
    assert set(by_post) == {"NEW", moved}
    assert merged.posts["NEW"].reports_to is None
    assert merged.posts[moved].reports_to == base.post(moved).reports_to  # ours' manager
    assert by_post[moved].theirs == leaf
    _valid(merged)


def test_grade_changes_valid_alone_but_not_together_keep_ours():
    base = _base(1)
    ours, theirs = _copy(base), _copy(base)
    scale = base.pay_scales["G3"]
    ours.set_pay_scale(scale.model_copy(update={"min": scale.max - 100}), "G3")
    theirs.set_pay_scale(scale.model_copy(update={"max": scale.min + 100}), "G3")

    merged = merge_structures(base, ours, theirs)

    [conflict] = _conflicts(merged, ConflictKind.INVALID, ConflictItem.GRADE)
    assert (conflict.id, conflict.field, conflict.theirs) == ("G3", "max", scale.min + 100)
    assert merged.pay_scales["G3"] == ours.pay_scales["G3"]


def _named(structure: Structure, name: str) -> Structure:
    return Structure.model_validate({**structure.model_dump(), "scenario": name})


def test_scenarios_added_renamed_and_removed_on_either_side_are_all_kept():
    current, option = _named(_base(2, 30), "Current"), _named(_base(3, 30), "Option A")
    extra = _named(_base(4, 30), "Option Z")
    base = Scenarios([current, option, extra])
    ours = Scenarios([_copy(current), _named(option, "Option A (revised)"), _named(_base(5, 30), "Ours new")])
    theirs_option = _copy(option)
    theirs_option.update_post("P3", title="Theirs retitled")
    theirs = Scenarios([_copy(current), theirs_option, _copy(extra), _named(_base(6, 30), "Theirs new")],
                       baseline="Option A")

    result = merge_scenarios(base, ours, theirs)

    assert result.scenarios.names == ["Current", "Option A (revised)", "Ours new", "Theirs new"]
    revised = result.scenarios.get("Option A (revised)")
    assert revised.posts["P3"].title == "Theirs retitled"
    assert result.scenarios.baseline is revised  # theirs moved the baseline, ours did not
    assert result.conflicts == []


def test_a_scenario_deleted_on_one_side_and_changed_on_the_other_is_kept_with_a_conflict():
    current, option = _named(_base(2, 30), "Current"), _named(_base(3, 30), "Option A")
    changed = _copy(option)
    changed.update_post("P2", title="Changed")
    result = merge_scenarios(Scenarios([current, option]), Scenarios([_copy(current)]),
                             Scenarios([_copy(current), changed]))
    assert result.scenarios.names == ["Current", "Option A"]
    [found] = result.conflicts
    assert found.scenario == "Option A"
    assert (found.conflict.kind, found.conflict.item, found.conflict.ours) == (ConflictKind.DELETED_CHANGED,
                                                                               ConflictItem.SCENARIO, None)


def test_open_conflicts_are_saved_read_back_and_left_out_when_there_are_none(tmp_path):
    base = _base(7, 30)
    ours, theirs = _copy(base), _copy(base)
    ours.update_post("P4", title="Ours")
    theirs.update_post("P4", title="Theirs")
    paths = []
    for name, structure in [("base", base), ("ours", ours), ("theirs", theirs)]:
        paths.append(tmp_path / f"{name}.orgd")
        save_scenarios(Scenarios.single(structure), paths[-1])
    assert '"conflicts"' not in paths[0].read_text(encoding="utf-8")

    result = merge_files(*paths)

    [found] = result.conflicts
    assert (found.scenario, found.conflict.id, found.conflict.ours, found.conflict.theirs) == \
        ("Current", "P4", "Ours", "Theirs")
    text = dumps_scenarios(result.scenarios)
    assert '"conflicts": [' in text and '"kind": "both changed"' in text
    again = loads_scenarios(text)
    assert again.baseline.conflicts == result.scenarios.baseline.conflicts
    # resolving on one side (ours dropped the conflict) while the other kept it leaves it resolved
    resolved = _copy(again.baseline)
    resolved.conflicts = []
    merged_again = merge_structures(again.baseline, resolved, _copy(again.baseline))
    assert merged_again.conflicts == []


def test_a_damaged_conflict_in_a_file_is_refused_with_a_clear_message():
    text = dumps_scenarios(Scenarios.single(_base(1, 5)))
    broken = text.replace('"scenario": "Current",',
                          '"scenario": "Current", "conflicts": [{"kind": "both changed", "item": "spaceship"}],')
    from orgdesigner.model import StructureFileError
    with pytest.raises(StructureFileError, match="conflict 1.*item"):
        loads_scenarios(broken, "x.orgd")
