"""The incremental layout, updated edit by edit, always equals a full layout of the same structure,
and after any edit no two cards overlap."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from orgdesigner.layout import SCREEN_LAYOUT, IncrementalLayout, Layout, LayoutOptions, Rect, compute_layout
from orgdesigner.model import DottedLine, Change, ChangeKind, EditRefused, Group, Post, Structure
from orgdesigner.model.synthetic import synthetic_structure

from test_layout import overlapping

WIDE = LayoutOptions()
PRINT_LIKE = LayoutOptions(compact=True, leaf_column=True, stack_rows=3, wrap_aspect=1.0)


def random_edit(structure: Structure, rng: random.Random, cards: dict[str, Rect]) -> None:
    """One layout-affecting edit: new manager, move into a group, add, delete, hand placement,
    assistant flag, or a group moved inside another."""
    ids = list(structure.posts)
    post_id = rng.choice(ids)
    choice = rng.randrange(8)
    if choice == 0:
        structure.add_post(Post(id=structure.new_post_id("N"), title="New post",
                                reports_to=rng.choice(ids + [None]), group=rng.choice([*structure.groups, None])))
    elif choice == 1:
        leaves = [p for p in ids if not structure.reports_of(p)
                  and not any(g.leader == p for g in structure.groups.values())
                  and not any(d.manager == p for q in structure.posts.values() for d in q.dotted)]
        if len(leaves) > 1:
            structure.remove_post(rng.choice(leaves))
    elif choice == 2:
        structure.update_post(post_id, group=rng.choice([*structure.groups, None]))
    elif choice == 3:  # placed by hand: anywhere, onto another card, or back to the tidy layout
        other = cards.get(rng.choice(ids))
        roll = rng.random()
        if roll < 0.3 or other is None:
            position = None
        elif roll < 0.7:
            position = {"x": other.x + rng.uniform(-20, 20), "y": other.y + rng.uniform(-20, 20)}
        else:
            position = {"x": rng.uniform(-300, 3000), "y": rng.uniform(-100, 1500)}
        structure.update_post(post_id, position=position)
    elif choice == 4:
        structure.update_post(post_id, assistant=not structure.posts[post_id].assistant)
    elif choice == 5 and structure.groups:
        group = rng.choice(list(structure.groups))
        try:
            structure.update_group(group, parent=rng.choice([*structure.groups, None]))
        except EditRefused:
            pass
    elif choice == 6 and rng.random() < 0.3:
        structure.add_group(Group(id=structure.new_group_id("NG"), name="New group",
                                  parent=rng.choice([*structure.groups, None])))
    else:
        try:
            structure.set_manager(post_id, rng.choice(ids + [None]))
        except EditRefused:
            pass


def same(a: Layout, b: Layout) -> None:
    assert a.cards == b.cards
    assert a.groups == b.groups
    assert [(r.manager, r.report, r.kind, r.points, r.label) for r in a.lines] == \
           [(r.manager, r.report, r.kind, r.points, r.label) for r in b.lines]
    assert a.bounds == b.bounds


@pytest.mark.parametrize("options", [SCREEN_LAYOUT, WIDE, PRINT_LIKE], ids=["screen", "wide", "print"])
@pytest.mark.parametrize("seed", range(30))  # 24 and 29: a folded manager losing its last report
def test_random_edits_match_a_full_layout(options: LayoutOptions, seed: int) -> None:
    rng = random.Random(seed)
    structure = synthetic_structure(120, seed=seed, span=4)
    live = IncrementalLayout(structure, options)
    changes: list[Change] = []
    structure.subscribe(changes.append)
    edits = 0
    posts: set[str] = set()
    mirror = (dict(live.layout.cards), dict(live.layout.groups), dict(live.layout.routes))
    while edits < 120:
        changes.clear()
        roll = rng.random()
        if roll < 0.1:  # fold or unfold a branch
            managers = [p for p in structure.posts if structure.reports_of(p)]
            folded = live.options.folded ^ {rng.choice(managers)}
            delta = live.set_folded(structure, frozenset(p for p in folded if p in structure.posts))
        elif roll < 0.13:  # focus on a branch, or show the whole chart again
            managers = [p for p in structure.posts if structure.reports_of(p)]
            focus = rng.choice(managers) if live.options.focus is None else None
            delta = live.set_focus(structure, focus, live.options.folded - {focus})
        else:
            random_edit(structure, rng, live.layout.cards)
            if not changes:
                continue
            posts = set().union(*(c.posts for c in changes))
            groups = any(c.kind in (ChangeKind.GROUP_ADDED, ChangeKind.GROUP_CHANGED, ChangeKind.GROUP_REMOVED)
                         for c in changes)
            delta = live.update(structure, posts, groups)
        edits += 1
        full = compute_layout(structure, replace(options, folded=live.options.folded, focus=live.options.focus))
        same(live.layout, full)
        assert overlapping(full.cards) == [], f"cards overlap after edit {edits}"
        x, y = rng.uniform(-200, 3000), rng.uniform(-200, 2500)
        box = (x, y, x + rng.uniform(0, 1500), y + rng.uniform(0, 1000))  # what a view of the chart would show
        assert sorted(live.layout.cards_in(box) or []) == sorted(full.cards_in(box) or []) == \
            sorted(p for p, r in full.cards.items() if r.x <= box[2] and r.right >= box[0] and r.y <= box[3] and
                   r.bottom >= box[1])
        assert sorted(live.layout.card_corners()) == sorted((r.x, r.y) for r in full.cards.values())
        meeting = {key for key, route in full.routes.items()
                   if min(x for x, _ in route.points) <= box[2] and max(x for x, _ in route.points) >= box[0] and
                   min(y for _, y in route.points) <= box[3] and max(y for _, y in route.points) >= box[1]}
        assert meeting <= set(live.layout.lines_in(box))
        assert delta.cards <= set(structure.posts) | posts
        layout = live.layout
        cards = delta.cards | {pid for root in delta.shifted for pid in layout.below(root)}
        lines = delta.lines | {key for root in delta.shifted for key in layout.lines_below(root)}
        for table, keys, now in zip(mirror, (cards, delta.groups, lines), (layout.cards, layout.groups, layout.routes)):
            for key in keys:  # the delta names everything that changed: applying it gives the new layout
                if key in now:
                    table[key] = now[key]  # type: ignore[index]
                else:
                    table.pop(key, None)  # type: ignore[arg-type]
            assert table == now


def test_a_new_manager_moves_only_what_must_move() -> None:
    structure = synthetic_structure(2000, seed=3)
    live = IncrementalLayout(structure, SCREEN_LAYOUT)
    leaves = [p for p in structure.posts if not structure.reports_of(p)]
    moving, new_manager = leaves[-1], structure.posts[leaves[-200]].reports_to
    assert new_manager != structure.posts[moving].reports_to
    structure.set_manager(moving, new_manager)
    delta = live.update(structure, {moving})
    same(live.layout, compute_layout(structure, SCREEN_LAYOUT))
    assert moving in delta.cards
    assert len(delta.cards) < len(structure.posts) / 4


def test_a_card_back_in_the_tidy_layout_is_made_room_for() -> None:
    structure = synthetic_structure(40, seed=2)
    live = IncrementalLayout(structure, SCREEN_LAYOUT)
    a, b, c = "P5", "P9", "P12"
    spot = live.layout.cards[a]
    for post_id, position in ((a, live.layout.cards[b]), (a, None), (c, spot)):
        structure.update_post(post_id, position=None if position is None else {"x": position.x, "y": position.y})
        live.update(structure, {post_id})
        same(live.layout, compute_layout(structure, SCREEN_LAYOUT))
        assert overlapping(live.layout.cards) == []


@pytest.mark.parametrize("options", [SCREEN_LAYOUT, WIDE, PRINT_LIKE], ids=["screen", "wide", "print"])
def test_boxes_of_different_groups_never_overlap(options: LayoutOptions, structure: Structure) -> None:
    """A manager whose reports are partly in other groups keeps its group's box clear of theirs."""
    for shown in (structure, synthetic_structure(300)):
        layout = compute_layout(shown, options)
        for a, first in layout.groups.items():
            for b, second in layout.groups.items():
                nested = a in shown.group_chain(b) or b in shown.group_chain(a) or a == b
                assert nested or not first.intersects(second), (a, b)


def test_posts_added_together_under_one_another_match_a_full_layout() -> None:
    """A paste of a manager with their team: the new posts reach the layout in one update, in no order."""
    structure = synthetic_structure(200, seed=4)
    live = IncrementalLayout(structure, SCREEN_LAYOUT)
    manager, added = next(iter(structure.posts)), []
    for number in range(8):  # a chain: each new post reports to the one added before it
        post = Post(id=f"C{number}", title=f"Copy {number}", reports_to=manager)
        structure.add_post(post)
        added.append(post.id)
        manager = post.id
    structure.add_post(Post(id="C8", title="Copy 8", reports_to="C3"))
    live.update(structure, set(reversed([*added, "C8"])))
    same(live.layout, compute_layout(structure, SCREEN_LAYOUT))


@pytest.mark.parametrize("seed", range(8))
def test_branches_folded_focused_and_shown_again_match_a_full_layout(seed: int) -> None:
    """Folding, showing levels, focusing and leaving the focus hide and show branches whole (kept as they were
    and brought back moved whole when nothing inside them changed), between edits elsewhere: after each step
    the layout is the one laid out afresh, and applying the update's changes to the old one gives it."""
    rng = random.Random(seed)
    structure = synthetic_structure(400, seed=seed, span=5)
    ids = list(structure.posts)
    for report in rng.sample(ids[1:], 25):  # dotted lines into, out of and across the branches hidden
        manager = rng.choice([p for p in ids if p != report])
        structure.update_post(report, dotted=[DottedLine(manager=manager, label="professional")])
    live = IncrementalLayout(structure, SCREEN_LAYOUT)
    changes: list[Change] = []
    structure.subscribe(changes.append)
    mirror = (dict(live.layout.cards), dict(live.layout.routes))
    restored = 0
    for _ in range(150):
        managers = [p for p in structure.posts if structure.reports_of(p)]
        roll = rng.random()
        hidden = len(live.stashed)
        if roll < 0.35:
            folded = live.options.folded ^ {rng.choice(managers)}
            delta = live.set_folded(structure, frozenset(p for p in folded if p in structure.posts))
        elif roll < 0.5:
            depth = rng.randrange(1, 4)
            levels = frozenset(p for p in managers if len(structure.chain_above(p)) == depth - 1)
            delta = live.set_folded(structure, levels if rng.random() < 0.5 else frozenset())
        elif roll < 0.65:
            focus = rng.choice(managers) if live.options.focus is None else None
            delta = live.set_focus(structure, focus, live.options.folded - {focus})
        else:
            changes.clear()
            leaves = [p for p in structure.posts if structure.posts[p].reports_to and not structure.reports_of(p)]
            leaf = rng.choice(leaves)
            structure.set_manager(leaf, rng.choice([m for m in managers if m != leaf]))
            delta = live.update(structure, set().union(*(c.posts for c in changes)))
        restored += len(live.stashed) < hidden
        full = compute_layout(structure, replace(SCREEN_LAYOUT, folded=live.options.folded, focus=live.options.focus))
        same(live.layout, full)
        layout = live.layout
        cards = delta.cards | {pid for root in delta.shifted for pid in layout.below(root)}
        lines = delta.lines | {key for root in delta.shifted for key in layout.lines_below(root)}
        for table, keys, now in zip(mirror, (cards, lines), (layout.cards, layout.routes)):
            for key in keys:
                if key in now:
                    table[key] = now[key]  # type: ignore[index]
                else:
                    table.pop(key, None)  # type: ignore[arg-type]
            assert table == now
    assert restored > 10  # branches came back whole
