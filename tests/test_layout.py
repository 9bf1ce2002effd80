"""The layout layer: tidy tree, compact stacks, forests and cycles, hand-placed cards, group boxes, line routes."""

from __future__ import annotations

import random

import pytest

from orgdesigner.layout import Layout, LayoutOptions, LineRoute, Rect, compute_layout
from orgdesigner.model import Structure
from orgdesigner.model.synthetic import synthetic_structure

OPTS = LayoutOptions()
COMPACT = LayoutOptions(compact=True)
COLUMNS = LayoutOptions(compact=True, leaf_column=True, stack_rows=3)
"""As printed charts are laid out: leaf reports in columns, long stacks wrapped."""


def build(posts: list[dict], groups: list[dict] | None = None) -> Structure:
    """A structure from short post rows: {"id", "to" (manager), "group", "position", "dotted"}."""
    rows = []
    for row in posts:
        full = {"id": row["id"], "title": f"Post {row['id']}", "reports_to": row.get("to")}
        for key in ("group", "position", "dotted"):
            if key in row:
                full[key] = row[key]
        rows.append(full)
    return Structure.model_validate({"groups": groups or [], "posts": rows})


def tree(edges: str) -> Structure:
    """'A>B A>C B>D' style: A manages B and C, B manages D; ids in order of first mention."""
    order: dict[str, str | None] = {}
    for edge in edges.split():
        manager, report = edge.split(">")
        order.setdefault(manager, None)
        order[report] = manager
    return build([{"id": pid, "to": boss} for pid, boss in order.items()])


def random_structure(size: int, seed: int) -> Structure:
    """Irregular trees: each post reports to a random earlier post, some posts start new trees."""
    rng = random.Random(seed)
    rows = [{"id": "P0"}]
    for i in range(1, size):
        boss = None if rng.random() < 0.03 else f"P{rng.randrange(i)}"
        rows.append({"id": f"P{i}", "to": boss})
    return build(rows)


def overlapping(rects: dict[str, Rect]) -> list[tuple[str, str]]:
    """Pairs of rectangles sharing area, by a sweep along x (fast enough for thousands)."""
    found: list[tuple[str, str]] = []
    active: list[tuple[str, Rect]] = []
    for key, rect in sorted(rects.items(), key=lambda item: item[1].x):
        active = [(k, r) for k, r in active if r.right > rect.x]
        found += [(k, key) for k, r in active if r.intersects(rect)]
        active.append((key, rect))
    return found


def route(layout: Layout, manager: str, report: str, kind: str = "line") -> LineRoute:
    matches = [r for r in layout.lines if (r.manager, r.report, r.kind) == (manager, report, kind)]
    assert len(matches) == 1, f"expected one {kind} route {manager}->{report}, found {len(matches)}"
    return matches[0]


def assert_orthogonal(points: list[tuple[float, float]]) -> None:
    assert len(points) >= 2
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        assert x0 == pytest.approx(x1) or y0 == pytest.approx(y1), f"diagonal segment in {points}"


def crosses(rect: Rect, points: list[tuple[float, float]]) -> bool:
    """Whether an orthogonal route runs through the inside of `rect` (its edges do not count)."""
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if y0 == y1 and rect.y < y0 < rect.bottom and min(x0, x1) < rect.right and max(x0, x1) > rect.x:
            return True
        if x0 == x1 and rect.x < x0 < rect.right and min(y0, y1) < rect.bottom and max(y0, y1) > rect.y:
            return True
    return False


def on_edge(rect: Rect, x: float, y: float) -> bool:
    inside = rect.contains(x, y)
    edge = min(abs(x - rect.x), abs(x - rect.right), abs(y - rect.y), abs(y - rect.bottom))
    return inside and edge < 1e-6


# ----- Rect and options ----------------------------------------------------------------------


def test_rect_geometry() -> None:
    r = Rect(10, 20, 100, 50)
    assert (r.right, r.bottom, r.center_x, r.center_y) == (110, 70, 60, 45)
    assert r.contains(10, 20) and r.contains(110, 70) and r.contains(60, 45)
    assert not r.contains(111, 45) and not r.contains(60, 19)
    assert r.intersects(Rect(100, 60, 50, 50))
    assert not r.intersects(Rect(110, 20, 10, 10)), "touching along an edge is not overlapping"
    assert not r.intersects(Rect(0, 70, 500, 5))
    assert r.union(Rect(-5, 30, 10, 100)) == Rect(-5, 20, 115, 110)
    assert r.translated(5, -20) == Rect(15, 0, 100, 50)
    with pytest.raises(AttributeError):
        r.x = 3  # type: ignore[misc]


def test_options_refuse_nonsense() -> None:
    with pytest.raises(ValueError):
        LayoutOptions(card_width=0)
    with pytest.raises(ValueError):
        LayoutOptions(v_gap=-1)
    assert LayoutOptions(**{**OPTS.__dict__, "compact": True}).compact  # how the canvas switches mode


# ----- the tidy tree ---------------------------------------------------------------------------


def test_every_post_gets_a_card_of_the_option_size(structure: Structure) -> None:
    options = LayoutOptions(card_width=150, card_height=60)
    layout = compute_layout(structure, options)
    assert set(layout.cards) == set(structure.posts)
    assert all((r.width, r.height) == (150, 60) for r in layout.cards.values())


@pytest.mark.parametrize("options", [OPTS, COMPACT, COLUMNS], ids=["spread", "compact", "columns"])
@pytest.mark.parametrize("seed", range(6))
def test_cards_never_overlap(options: LayoutOptions, seed: int) -> None:
    layout = compute_layout(random_structure(400, seed), options)
    assert overlapping(layout.cards) == []


@pytest.mark.parametrize("options", [OPTS, COMPACT, COLUMNS], ids=["spread", "compact", "columns"])
def test_managers_are_above_their_reports(options: LayoutOptions) -> None:
    structure = random_structure(300, 11)
    layout = compute_layout(structure, options)
    for post in structure.posts.values():
        if post.reports_to:
            assert layout.cards[post.reports_to].bottom < layout.cards[post.id].y


def test_manager_centred_over_reports_in_post_order() -> None:
    structure = random_structure(300, 3)
    layout = compute_layout(structure, OPTS)
    checked = 0
    for manager in structure.posts:
        reports = [p.id for p in structure.posts.values() if p.reports_to == manager]
        if not reports:
            continue
        cards = [layout.cards[r] for r in reports]
        assert len({c.y for c in cards}) == 1, "reports of one manager share a row"
        assert [c.x for c in cards] == sorted(c.x for c in cards), "siblings keep the structure's order"
        middle = (cards[0].center_x + cards[-1].center_x) / 2
        assert layout.cards[manager].center_x == pytest.approx(middle)
        checked += 1
    assert checked > 50


def test_rows_and_gaps() -> None:
    layout = compute_layout(tree("A>B A>C C>D"), OPTS)
    a, b, c, d = (layout.cards[k] for k in "ABCD")
    assert a.y == 0 and b.y == c.y == a.bottom + OPTS.v_gap and d.y == c.bottom + OPTS.v_gap
    assert c.x - b.right == pytest.approx(OPTS.h_gap)
    assert d.center_x == pytest.approx(c.center_x), "a single report sits straight below"


def test_subtrees_keep_their_own_columns() -> None:
    """B's wide subtree pushes C's subtree right; no card of one subtree sits in the other's columns."""
    layout = compute_layout(tree("A>B A>C B>D B>E B>F C>G C>H"), OPTS)
    left = [layout.cards[k] for k in "BDEF"]
    right = [layout.cards[k] for k in "CGH"]
    assert max(r.right for r in left) + OPTS.h_gap <= min(r.x for r in right) + 1e-9


def test_deep_chain_needs_no_recursion() -> None:
    size = 5000  # far beyond Python's recursion limit
    structure = build([{"id": f"P{i}", "to": f"P{i - 1}" if i else None} for i in range(size)])
    layout = compute_layout(structure, OPTS)
    assert layout.cards[f"P{size - 1}"].y == pytest.approx((size - 1) * (OPTS.card_height + OPTS.v_gap))
    assert len({r.x for r in layout.cards.values()}) == 1


def test_empty_structure() -> None:
    layout = compute_layout(Structure(), OPTS)
    assert layout.cards == {} and layout.groups == {} and layout.lines == []
    assert layout.bounds == Rect(0, 0, 0, 0)


# ----- compact stacking ------------------------------------------------------------------------


def test_compact_stacks_reports_that_manage_no_one() -> None:
    layout = compute_layout(tree("A>B A>C B>D B>E B>F C>G"), COMPACT)
    b = layout.cards["B"]
    stacked = [layout.cards[k] for k in "DEF"]
    for i, card in enumerate(stacked):
        assert card.x == pytest.approx(b.x + COMPACT.stack_indent)
        assert card.y == pytest.approx(b.bottom + COMPACT.stack_gap + i * (COMPACT.card_height + COMPACT.stack_gap))
    g = layout.cards["G"]
    assert g.x == pytest.approx(layout.cards["C"].x + COMPACT.stack_indent), "a single leaf report stacks too"
    assert overlapping(layout.cards) == []


def test_compact_spreads_a_manager_with_managers_among_its_reports() -> None:
    layout = compute_layout(tree("A>B A>C B>D"), COMPACT)
    b, c = layout.cards["B"], layout.cards["C"]
    assert b.y == c.y and c.x >= b.right, "C is a leaf but B is not, so A's reports spread"
    assert layout.cards["A"].center_x == pytest.approx((b.center_x + c.center_x) / 2)


def test_compact_is_narrower_than_spread() -> None:
    structure = tree(" ".join(f"A>B{i} " + " ".join(f"B{i}>C{i}{j}" for j in range(5)) for i in range(4)))
    spread, compact = compute_layout(structure, OPTS), compute_layout(structure, COMPACT)
    assert compact.bounds.width < spread.bounds.width / 2


def test_stacked_reports_hang_from_a_spine() -> None:
    layout = compute_layout(tree("A>B A>C A>D"), COMPACT)
    a = layout.cards["A"]
    spine = a.x + COMPACT.stack_indent / 2
    for report in "BCD":
        card = layout.cards[report]
        points = route(layout, "A", report).points
        assert_orthogonal(points)
        assert points[0] == (spine, a.bottom)
        assert points[-1] == (card.x, card.center_y), "a tick into the left edge of the stacked card"
        assert all(x == spine for x, _ in points[:-1])


def test_a_long_stack_wraps_into_columns_each_with_its_spine() -> None:
    options = LayoutOptions(compact=True, stack_rows=3)
    layout = compute_layout(tree("R>A R>B A>M1 A>M2 A>M3 A>M4 A>M5 A>M6 A>M7 B>N1"), options)
    a = layout.cards["A"]
    columns = sorted({layout.cards[f"M{i}"].x for i in range(1, 8)})
    assert len(columns) == 3, "7 reports in columns of 3"
    assert [sum(layout.cards[f"M{i}"].x == x for i in range(1, 8)) for x in columns] == [3, 3, 1]
    assert layout.cards["M4"].y == layout.cards["M1"].y, "each column starts under the manager"
    assert overlapping(layout.cards) == []
    assert layout.cards["B"].x >= max(card.right for card in layout.cards.values() if card.x in columns)
    for i in range(1, 8):
        card = layout.cards[f"M{i}"]
        points = route(layout, "A", f"M{i}").points
        assert_orthogonal(points)
        assert points[0] == (a.x + options.stack_indent / 2, a.bottom)
        assert points[-1] == (card.x, card.center_y)
        others = [c for key, c in layout.cards.items() if key not in ("A", f"M{i}")]
        assert not any(crosses(other, points) for other in others), f"the line to M{i} crosses a card"


def test_leaf_column_gathers_the_reports_that_manage_no_one_at_the_start_of_the_row() -> None:
    structure = tree("A>L1 A>B A>L2 A>C A>L3 B>B1 C>C1")
    compact, columns = compute_layout(structure, COMPACT), compute_layout(structure, COLUMNS)
    assert columns.bounds.width < compact.bounds.width
    leaves = [columns.cards[k] for k in ("L1", "L2", "L3")]
    b, c = columns.cards["B"], columns.cards["C"]
    assert len({card.x for card in leaves}) == 1 and leaves[0].y == b.y == c.y
    assert [card.y for card in leaves] == sorted(card.y for card in leaves)
    assert leaves[0].right < b.x < c.x, "the column comes first, then the managers in post order"
    a = columns.cards["A"]
    for key, card in zip(("L1", "L2", "L3"), leaves):
        points = route(columns, "A", key).points
        assert_orthogonal(points)
        assert points[0] == (a.center_x, a.bottom) and points[-1] == (card.x, card.center_y)
    bus = route(columns, "A", "C").points[1][1]
    assert route(columns, "A", "L1").points[1][1] == bus, "the column hangs from the same bus"


@pytest.mark.parametrize("with_a_manager", [False, True], ids=["stack", "leaf column"])
def test_wrapped_columns_keep_each_group_to_itself(with_a_manager: bool) -> None:
    rows = [{"id": "A"}] + [{"id": f"L{i}", "to": "A", "group": "g1" if i % 2 else "g2"} for i in range(1, 8)]
    if with_a_manager:
        rows += [{"id": "B", "to": "A"}, {"id": "B1", "to": "B"}]
    structure = build(rows, [{"id": "g1", "name": "One"}, {"id": "g2", "name": "Two"}])
    layout = compute_layout(structure, COLUMNS)
    assert overlapping(layout.cards) == []
    assert not layout.groups["g1"].intersects(layout.groups["g2"])
    ones = {layout.cards[f"L{i}"].x for i in (1, 3, 5, 7)}
    twos = {layout.cards[f"L{i}"].x for i in (2, 4, 6)}
    assert not ones & twos, "no column holds both groups"


@pytest.mark.parametrize("with_a_manager", [False, True], ids=["stack", "leaf column"])
def test_small_groups_in_a_long_stack_share_columns_each_box_to_itself(with_a_manager: bool) -> None:
    rows = [{"id": "A"}] + [{"id": f"L{i}", "to": "A", "group": f"g{i}"} for i in range(1, 7)]
    if with_a_manager:
        rows += [{"id": "B", "to": "A"}, {"id": "B1", "to": "B"}]
    structure = build(rows, [{"id": f"g{i}", "name": f"Service {i}"} for i in range(1, 7)])
    layout = compute_layout(structure, COLUMNS)
    assert overlapping(layout.cards) == []
    assert len({layout.cards[f"L{i}"].x for i in range(1, 7)}) == 2, "six one-post services in two columns, not six"
    for i in range(1, 7):
        box = layout.groups[f"g{i}"]
        assert [pid for pid, card in layout.cards.items() if card.intersects(box)] == [f"L{i}"]
        assert not any(box.intersects(layout.groups[f"g{j}"]) for j in range(1, 7) if j != i)


# ----- forests and cycles ----------------------------------------------------------------------


def test_forest_trees_side_by_side_in_post_order() -> None:
    structure = build([{"id": "X"}, {"id": "A"}, {"id": "A1", "to": "A"}, {"id": "A2", "to": "A"},
                       {"id": "B"}, {"id": "B1", "to": "B"}])
    layout = compute_layout(structure, OPTS)
    x, a, b = layout.cards["X"], layout.cards["A"], layout.cards["B"]
    assert x.y == a.y == b.y == 0
    assert x.right <= min(layout.cards[k].x for k in ("A", "A1", "A2"))
    assert max(layout.cards[k].right for k in ("A", "A1", "A2")) + OPTS.h_gap <= b.x + 1e-9
    assert overlapping(layout.cards) == []


def cyclic() -> Structure:
    """A tree (R) and a reporting cycle C1 -> C2 -> C3 -> C1 with a post (U) and its report (V) under C2.

    The model refuses to make a cycle by editing, but a file can hold one.
    """
    return build([{"id": "R"}, {"id": "R1", "to": "R"}, {"id": "R2", "to": "R"},
                  {"id": "C1", "to": "C3"}, {"id": "C2", "to": "C1"}, {"id": "C3", "to": "C2"},
                  {"id": "U", "to": "C2"}, {"id": "V", "to": "U"}])


@pytest.mark.parametrize("options", [OPTS, COMPACT, COLUMNS], ids=["spread", "compact", "columns"])
def test_reporting_cycle_in_a_row_below_everything(options: LayoutOptions) -> None:
    layout = compute_layout(cyclic(), options)
    cycle = [layout.cards[k] for k in ("C1", "C2", "C3")]
    assert len({c.y for c in cycle}) == 1
    assert [c.x for c in cycle] == sorted(c.x for c in cycle)
    assert cycle[0].y > max(layout.cards[k].bottom for k in ("R", "R1", "R2"))
    assert layout.cards["C2"].bottom < layout.cards["U"].y < layout.cards["V"].y, "what hangs below stays below"
    assert overlapping(layout.cards) == []
    for manager, report in (("C3", "C1"), ("C1", "C2"), ("C2", "C3")):
        points = route(layout, manager, report).points
        assert_orthogonal(points)
        assert points[0] == (layout.cards[manager].center_x, layout.cards[manager].bottom)
        assert points[-1] == (layout.cards[report].center_x, layout.cards[report].y)


def test_structure_that_is_all_cycle() -> None:
    layout = compute_layout(build([{"id": "A", "to": "B"}, {"id": "B", "to": "A"}]), OPTS)
    assert layout.cards["A"].y == layout.cards["B"].y and layout.cards["A"].right <= layout.cards["B"].x


# ----- hand-placed cards ---------------------------------------------------------------------------


def test_hand_placed_cards_keep_their_position_and_tidy_ignores_them() -> None:
    plain = tree("A>B A>C C>D")
    placed = build([{"id": "A"}, {"id": "B", "to": "A", "position": {"x": -500.5, "y": 900.25}},
                    {"id": "C", "to": "A"}, {"id": "D", "to": "C"}])
    tidy = compute_layout(plain, OPTS)
    kept = compute_layout(placed, OPTS)
    assert (kept.cards["B"].x, kept.cards["B"].y) == (-500.5, 900.25)
    for other in "ACD":
        assert kept.cards[other] == tidy.cards[other], "everything else is laid out as usual"
    assert compute_layout(placed, LayoutOptions(use_manual_positions=False)).cards == tidy.cards
    assert kept.bounds.contains(-500.5, 900.25 + OPTS.card_height)


def test_lines_to_a_hand_placed_card_above_its_manager() -> None:
    structure = build([{"id": "A", "position": {"x": 0, "y": 500}}, {"id": "B", "to": "A"},
                       {"id": "C", "to": "A", "position": {"x": 40, "y": 0}}])
    layout = compute_layout(structure, COMPACT)
    for report in "BC":
        points = route(layout, "A", report).points
        assert_orthogonal(points)
        a, card = layout.cards["A"], layout.cards[report]
        assert points[0] == (a.center_x, a.bottom) and points[-1] == (card.center_x, card.y)
        assert all(layout.bounds.contains(x, y) for x, y in points)


# ----- group boxes -----------------------------------------------------------------------------


def grouped() -> Structure:
    return build(
        [{"id": "CE"}, {"id": "D1", "to": "CE", "group": "res"}, {"id": "D2", "to": "CE", "group": "place"},
         {"id": "F1", "to": "D1", "group": "fin"}, {"id": "F2", "to": "D1", "group": "fin"},
         {"id": "L1", "to": "D1", "group": "res"}, {"id": "P1", "to": "D2", "group": "place"},
         {"id": "P2", "to": "P1", "group": "plan"}],
        [{"id": "res", "name": "Resources"}, {"id": "fin", "name": "Finance", "parent": "res"},
         {"id": "place", "name": "Place"}, {"id": "plan", "name": "Planning", "parent": "place"},
         {"id": "new", "name": "New service", "parent": "place"},
         {"id": "spare", "name": "Spare"}, {"id": "spare-team", "name": "Spare team", "parent": "spare"}])


def assert_encloses(box: Rect, inner: Rect, options: LayoutOptions) -> None:
    pad = options.group_padding
    assert box.x <= inner.x - pad + 1e-9 and inner.right + pad <= box.right + 1e-9
    assert inner.bottom + pad <= box.bottom + 1e-9
    assert box.y <= inner.y - pad - options.group_header + 1e-9, "room for the header band on top"


@pytest.mark.parametrize("options", [OPTS, COMPACT, COLUMNS], ids=["spread", "compact", "columns"])
def test_group_boxes_enclose_members_and_nested_groups(options: LayoutOptions) -> None:
    structure = grouped()
    layout = compute_layout(structure, options)
    assert set(layout.groups) == set(structure.groups)
    for post in structure.posts.values():
        for group_id in structure.group_chain(post.group) if post.group else []:
            assert_encloses(layout.groups[group_id], layout.cards[post.id], options)
    for group in structure.groups.values():
        if group.parent:
            assert_encloses(layout.groups[group.parent], layout.groups[group.id], options)


def test_group_box_is_tight_around_its_members() -> None:
    layout = compute_layout(grouped(), OPTS)
    fin = layout.groups["fin"]
    f1, f2 = layout.cards["F1"], layout.cards["F2"]
    pad, header = OPTS.group_padding, OPTS.group_header
    assert fin == Rect(f1.x - pad, f1.y - pad - header, f2.right - f1.x + 2 * pad, OPTS.card_height + 2 * pad + header)


def test_group_headers_fit_between_rows() -> None:
    """Boxes of groups that follow subtrees keep clear of other posts' cards and of each other."""
    layout = compute_layout(grouped(), OPTS)
    assert not layout.groups["res"].intersects(layout.groups["place"])
    assert not layout.groups["res"].intersects(layout.cards["CE"])
    assert not layout.groups["fin"].intersects(layout.cards["D1"])
    assert not layout.groups["fin"].intersects(layout.cards["L1"])
    bus = route(layout, "CE", "D1").points[1][1]
    assert layout.cards["CE"].bottom < bus < layout.groups["res"].y, "the bus runs above the header bands"


@pytest.mark.parametrize("options", [OPTS, COMPACT, COLUMNS], ids=["spread", "compact", "columns"])
def test_room_for_two_header_bands_when_a_report_enters_nested_groups(options: LayoutOptions) -> None:
    structure = build([{"id": "A"}, {"id": "B", "to": "A", "group": "inner"}, {"id": "C", "to": "A"},
                       {"id": "D", "to": "C", "group": "inner2"}],
                      [{"id": "outer", "name": "Outer"}, {"id": "inner", "name": "Inner", "parent": "outer"},
                       {"id": "outer2", "name": "Outer 2"}, {"id": "inner2", "name": "Inner 2", "parent": "outer2"}])
    layout = compute_layout(structure, options)
    for outer, inner, member in (("outer", "inner", "B"), ("outer2", "inner2", "D")):
        box = layout.groups[outer]
        assert_encloses(box, layout.groups[inner], options)
        assert [k for k, card in layout.cards.items() if k != member and box.intersects(card)] == []
    for line in layout.lines:
        assert not any(crosses(card, line.points) for card in layout.cards.values())


def test_boxes_of_side_by_side_trees_stay_apart() -> None:
    structure = build([{"id": "A", "group": "inner"}, {"id": "A1", "to": "A", "group": "inner"},
                       {"id": "B", "group": "inner2"}],
                      [{"id": "outer", "name": "Outer"}, {"id": "inner", "name": "Inner", "parent": "outer"},
                       {"id": "outer2", "name": "Outer 2"}, {"id": "inner2", "name": "Inner 2", "parent": "outer2"}])
    layout = compute_layout(structure, OPTS)
    assert not layout.groups["outer"].intersects(layout.groups["outer2"])


def test_groups_without_posts_get_a_box_clear_of_the_chart() -> None:
    structure = grouped()
    layout = compute_layout(structure, OPTS)
    spare, team = layout.groups["spare"], layout.groups["spare-team"]
    assert_encloses(spare, team, OPTS)
    assert team.width >= OPTS.card_width and team.height >= OPTS.card_height, "room to drop a card in"
    assert all(not spare.intersects(r) for r in layout.cards.values())
    assert all(not spare.intersects(layout.groups[g]) for g in ("res", "place", "fin", "plan"))
    new = layout.groups["new"]
    assert_encloses(layout.groups["place"], new, OPTS)
    assert all(not new.intersects(r) for r in layout.cards.values())


def test_an_empty_group_keeps_its_hand_placed_position() -> None:
    structure = grouped()
    structure.update_group("spare", position={"x": -900, "y": 40})
    layout = compute_layout(structure, OPTS)
    assert (layout.groups["spare"].x, layout.groups["spare"].y) == (-900, 40)
    assert layout.bounds.x <= -900
    tidy = compute_layout(structure, LayoutOptions(use_manual_positions=False))
    assert tidy.groups["spare"].x > max(r.right for r in tidy.cards.values())


def test_directorate_boxes_of_a_large_council_stay_apart() -> None:
    structure = synthetic_structure(1500)
    for options in (OPTS, COMPACT):
        layout = compute_layout(structure, options)
        assert overlapping(layout.groups) == []
        members = {g: {p.id for p in structure.posts.values() if p.group == g} for g in structure.groups}
        for group_id, box in layout.groups.items():
            strangers = [k for k, r in layout.cards.items() if k not in members[group_id] and box.intersects(r)]
            assert strangers == [], f"{group_id}'s box covers {strangers[:3]}"


# ----- line routes -----------------------------------------------------------------------------


@pytest.mark.parametrize("options", [OPTS, COMPACT, COLUMNS], ids=["spread", "compact", "columns"])
def test_solid_lines_run_from_manager_bottom_to_report(options: LayoutOptions) -> None:
    structure = random_structure(200, 5)
    layout = compute_layout(structure, options)
    solid = [r for r in layout.lines if r.kind == "line"]
    assert {(r.manager, r.report) for r in solid} == {(p.reports_to, p.id) for p in structure.posts.values()
                                                      if p.reports_to}
    for line in solid:
        manager, report = layout.cards[line.manager], layout.cards[line.report]
        assert_orthogonal(line.points)
        (sx, sy), (ex, ey) = line.points[0], line.points[-1]
        assert sy == manager.bottom and manager.x <= sx <= manager.right
        if (ex, ey) == (report.x, report.center_y):
            assert options.compact, "spine ticks only in compact mode"
        else:
            assert (sx, ex, ey) == (manager.center_x, report.center_x, report.y)
            ys = [y for _, y in line.points]
            assert ys == sorted(ys), "down, across, down"


@pytest.mark.parametrize("options", [OPTS, COMPACT, COLUMNS], ids=["spread", "compact", "columns"])
def test_tidy_lines_pass_no_card(options: LayoutOptions) -> None:
    structure = random_structure(150, 8)
    layout = compute_layout(structure, options)
    for line in layout.lines:
        assert [k for k, card in layout.cards.items() if crosses(card, line.points)] == [], line


def test_dotted_lines_join_the_two_cards() -> None:
    structure = build([{"id": "A"}, {"id": "B", "to": "A"}, {"id": "C", "to": "A"},
                       {"id": "D", "to": "B", "dotted": [{"manager": "C", "label": "professional"}]},
                       {"id": "E", "to": "C", "dotted": [{"manager": "A"}, {"manager": "A"}]},
                       {"id": "F", "to": "B", "dotted": [{"manager": "D"}]}])
    for options in (OPTS, COMPACT):
        layout = compute_layout(structure, options)
        dotted = [r for r in layout.lines if r.kind == "dotted"]
        assert [(r.manager, r.report) for r in dotted] == [("C", "D"), ("A", "E"), ("D", "F")]
        assert route(layout, "C", "D", "dotted").label == "professional"
        for line in dotted:
            assert_orthogonal(line.points)
            assert on_edge(layout.cards[line.manager], *line.points[0])
            assert on_edge(layout.cards[line.report], *line.points[-1])
            assert not crosses(layout.cards[line.manager], line.points)
            assert not crosses(layout.cards[line.report], line.points)


def test_bounds_enclose_cards_boxes_and_lines() -> None:
    layout = compute_layout(grouped(), COMPACT)
    everything = [*layout.cards.values(), *layout.groups.values()]
    assert all(layout.bounds.contains(r.x, r.y) and layout.bounds.contains(r.right, r.bottom) for r in everything)
    assert all(layout.bounds.contains(x, y) for line in layout.lines for x, y in line.points)
    assert layout.bounds.x == min(r.x for r in everything) and layout.bounds.y == min(r.y for r in everything)


# ----- scale ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("options", [OPTS, COMPACT, COLUMNS], ids=["spread", "compact", "columns"])
def test_five_thousand_posts_without_overlaps(options: LayoutOptions) -> None:
    structure = synthetic_structure(5000)
    layout = compute_layout(structure, options)
    assert len(layout.cards) == 5000
    assert overlapping(layout.cards) == []
    assert sum(r.kind == "line" for r in layout.lines) == 4999
