"""Responsibilities held by posts: edits that can be undone, the matrix and card counts, and the
findings that flag what a vacant or deleted post can no longer carry out."""

from __future__ import annotations

import pytest

from orgdesigner.analysis import Analysis
from orgdesigner.analysis.responsibilities import responsibility_counts, responsibility_matrix
from orgdesigner.model import Benchmark, ChangeKind, Responsibility, ResponsibilityCategory, Rota, dumps, loads

LEAD, BRIEFING = ResponsibilityCategory.LEAD, ResponsibilityCategory.BRIEFING
DELEGATION, MEETING = ResponsibilityCategory.DELEGATION, ResponsibilityCategory.MEETING


@pytest.fixture
def held(structure):
    for item in [
        Responsibility(id="R1", name="SIRO", category=LEAD, post="D1"),
        Responsibility(id="R2", name="Cabinet member for Finance", category=BRIEFING, post="D1"),
        Responsibility(id="R3", name="Key decisions", category=DELEGATION, post="D2"),
        Responsibility(id="R4", name="Planning Committee", category=MEETING, post="H3"),  # H3 is vacant
        Responsibility(id="R5", name="Scrutiny", category=MEETING, post="D1"),
    ]:
        structure.add_responsibility(item)
    return structure


def findings(structure, rule: str) -> list:
    return [f for f in Analysis(structure).findings() if f.rule == rule]


def test_matrix_of_posts_by_category_and_counts_for_cards(held):
    matrix = responsibility_matrix(held)
    assert list(matrix) == ["D1", "D2", "H3"]
    assert [r.id for r in matrix["D1"][LEAD]] == ["R1"]
    assert [r.id for r in matrix["D1"][MEETING]] == ["R5"]
    assert matrix["D2"][BRIEFING] == [] and [r.name for r in matrix["D2"][DELEGATION]] == ["Key decisions"]
    assert responsibility_counts(held) == {"D1": 3, "D2": 1, "H3": 1}


def test_moving_a_responsibility_between_posts_is_announced_and_undoable(held):
    seen = []
    held.subscribe(seen.append)
    previous = held.update_responsibility("R5", post="D2")
    change = seen[-1]
    assert change.kind is ChangeKind.RESPONSIBILITIES_CHANGED
    assert change.posts == {"D1", "D2"} and change.responsibilities == {"R5"}  # both cards' counts change
    assert responsibility_counts(held) == {"D1": 2, "D2": 2, "H3": 1}
    held.update_responsibility("R5", **previous)
    assert responsibility_counts(held)["D1"] == 3


def test_removal_is_undone_in_place(held):
    item, index = held.remove_responsibility("R2")
    assert [r.id for r in held.responsibilities] == ["R1", "R3", "R4", "R5"]
    held.add_responsibility(item, index)
    assert [r.id for r in held.responsibilities] == ["R1", "R2", "R3", "R4", "R5"]


@pytest.mark.parametrize("edit, words", [
    (lambda s: s.add_responsibility(Responsibility(id="R1", name="Again", category=LEAD)), "'R1' already exists"),
    (lambda s: s.update_responsibility("R1", id="R9"), "id cannot be changed"),
    (lambda s: s.update_responsibility("R9", post="D1"), "no responsibility with id 'R9'"),
    (lambda s: s.update_responsibility("R1", name="  "), "needs a name"),
    (lambda s: s.update_responsibility("R1", category="chore"), "lead responsibility"),
])
def test_bad_edits_are_refused_with_a_reason(held, edit, words):
    with pytest.raises(ValueError, match=words):
        edit(held)


def test_kept_in_the_file_in_order_and_old_files_still_load(held):
    again = loads(dumps(held))
    assert again.responsibilities == held.responsibilities
    old = loads('{"format": "orgdesigner-structure", "version": 1, '
                '"structure": {"posts": [{"id": "A", "title": "x"}]}}')
    assert old.responsibilities == [] and old.rota == Rota() and old.benchmark == Benchmark()
    assert '"responsibilities"' not in dumps(old) and '"rota"' not in dumps(old)


def test_a_vacant_posts_responsibilities_are_flagged_until_reassigned(held):
    live = Analysis(held)
    held.subscribe(live.apply)
    [finding] = [f for f in live.findings() if f.rule == "responsibility-vacant"]
    assert finding.posts == ("H3",) and finding.severity.value == "warning"
    assert finding.message == ("'Head of Planning' is vacant but holds 1 responsibility: 'Planning Committee'. "
                               "Reassign them or arrange cover.")
    held.update_responsibility("R4", post="D2")
    assert not [f for f in live.findings() if f.rule == "responsibility-vacant"]
    held.update_post("D2", status="vacant")  # a post falling vacant flags what it holds
    assert [f.posts for f in live.findings() if f.rule == "responsibility-vacant"] == [("D2",)]


def test_a_deleted_posts_responsibilities_are_kept_and_flagged_and_undo_restores_them(held):
    live = Analysis(held)
    held.subscribe(live.apply)
    removed = held.remove_post("H2")  # holds nothing: no finding
    assert not [f for f in live.findings() if f.rule == "responsibility-unassigned"]
    held.add_post(removed)
    held.update_responsibility("R3", post="H2")
    removed = held.remove_post("H2")
    assert held.responsibility("R3").post == "H2"  # not silently dropped
    [finding] = [f for f in live.findings() if f.rule == "responsibility-unassigned"]
    assert "'Key decisions'" in finding.message and "deleted post 'H2'" in finding.message
    assert held.new_post_id("H") != "H2"  # a new post cannot silently inherit them
    held.add_post(removed)  # undo
    assert not [f for f in live.findings() if f.rule == "responsibility-unassigned"]


def test_unassigned_responsibilities_are_flagged(held):
    held.update_responsibility("R1", post=None)
    held.update_responsibility("R2", post=None)
    [finding] = findings(held, "responsibility-unassigned")
    assert finding.message == "2 responsibilities are assigned to no post: 'SIRO', 'Cabinet member for Finance'."
    assert None in responsibility_matrix(held)


def test_rules_can_be_switched_off_per_structure(held):
    held.update_settings(rules={"responsibility-vacant": {"enabled": False}})
    assert findings(held, "responsibility-vacant") == []
