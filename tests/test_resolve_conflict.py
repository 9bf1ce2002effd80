"""Resolving a merge's open conflicts as edits: the chosen value is set and the conflict closed; reverting
gives back both."""

from __future__ import annotations

import pytest

from orgdesigner.editing import resolve_conflict
from orgdesigner.model import ConflictItem, EditRefused, Scenarios, Structure
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.sharing import merge_scenarios


def _merged(change_ours, change_theirs) -> Structure:
    base = synthetic_structure(12, seed=7)
    base.update_details(scenario="Current")
    ours, theirs = (Structure.model_validate(base.model_dump()) for _ in range(2))
    change_ours(ours)
    change_theirs(theirs)
    return merge_scenarios(*(Scenarios.single(s) for s in (base, ours, theirs))).scenarios.baseline


def _dump(structure: Structure) -> dict:
    return structure.model_dump(mode="json")


def _resolve_each_with_theirs(structure: Structure) -> None:
    before = _dump(structure)
    edits = [resolve_conflict(structure, c.key(), c.theirs, "take theirs") for c in list(structure.conflicts)]
    for edit in edits:
        edit.apply()
    assert not structure.conflicts
    for edit in reversed(edits):
        edit.revert()
    assert _dump(structure) == before


def test_a_group_field_a_setting_and_a_grade_take_theirs_and_undo():
    structure = _merged(lambda s: (s.update_group("G1", name="Ours"), s.update_settings(span_max=9),
                                   s.set_pay_scale(s.pay_scales["G1"].model_copy(update={"max": 36000}), "G1")),
                        lambda s: (s.update_group("G1", name="Theirs"), s.update_settings(span_max=11),
                                   s.set_pay_scale(s.pay_scales["G1"].model_copy(update={"max": 37000}), "G1")))
    items = {(c.item, c.field) for c in structure.conflicts}
    assert items == {(ConflictItem.GROUP, "name"), (ConflictItem.SETTINGS, "span_max"), (ConflictItem.GRADE, "max")}
    for conflict in list(structure.conflicts):
        resolve_conflict(structure, conflict.key(), conflict.theirs, "take theirs").apply()
    assert structure.groups["G1"].name == "Theirs" and structure.settings.span_max == 11
    assert structure.pay_scales["G1"].max == 37000
    _resolve_each_with_theirs(_merged(lambda s: s.update_group("G1", name="Ours"),
                                      lambda s: s.update_group("G1", name="Theirs")))


def test_a_post_deleted_by_theirs_and_changed_by_ours_is_deleted_by_taking_theirs():
    structure = _merged(lambda s: s.update_post("P12", title="Kept by ours"), lambda s: s.remove_post("P12"))
    [conflict] = structure.conflicts
    assert (conflict.item, conflict.id, conflict.field, conflict.theirs) == (ConflictItem.POST, "P12", "", None)
    edit = resolve_conflict(structure, conflict.key(), None, "take theirs")
    edit.apply()
    assert "P12" not in structure.posts and not structure.conflicts
    edit.revert()
    assert structure.posts["P12"].title == "Kept by ours" and structure.conflicts == [conflict]


def test_keeping_ours_only_closes_the_conflict_and_a_closed_one_is_refused():
    structure = _merged(lambda s: s.update_post("P3", title="Ours"), lambda s: s.update_post("P3", title="Theirs"))
    [conflict] = structure.conflicts
    resolve_conflict(structure, conflict.key(), conflict.ours, "keep ours").apply()
    assert structure.posts["P3"].title == "Ours" and not structure.conflicts
    with pytest.raises(EditRefused, match="no longer open"):
        resolve_conflict(structure, conflict.key(), "x", "edit").apply()
    assert structure.posts["P3"].title == "Ours"


def test_an_edited_value_the_model_refuses_changes_nothing():
    structure = _merged(lambda s: s.update_post("P3", fte=0.5), lambda s: s.update_post("P3", fte=0.6))
    [conflict] = structure.conflicts
    with pytest.raises(EditRefused):
        resolve_conflict(structure, conflict.key(), "lots", "set by hand").apply()
    assert structure.posts["P3"].fte == 0.5 and structure.conflicts == [conflict]
