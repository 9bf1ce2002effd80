"""The model: validation of posts and groups, and edits that keep the structure sound."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from orgdesigner.model import Designation, EditRefused, Group, Post, Structure

from conftest import make_structure


def test_designations_accept_short_codes_and_full_names():
    post = Post(id="X", title="Chief Executive",
                designations=["Head of Paid Service", "section 151 officer", "MO", "Director of Children's Services"])
    assert post.designations == [Designation.HOPS, Designation.S151, Designation.MO, Designation.DCS]


def test_unknown_designation_is_refused_with_its_name():
    with pytest.raises(ValidationError, match="Chief Wizard"):
        Post(id="X", title="T", designations=["Chief Wizard"])


@pytest.mark.parametrize("fields, words", [
    ({"fte": -1}, "greater than or equal to 0"),
    ({"title": "   "}, "needs a title"),
    ({"funding": {"A": 0.6, "B": 0.6}}, "more than 100%"),
    ({"status": "retired"}, "status"),
])
def test_bad_post_fields_are_refused(fields, words):
    with pytest.raises(ValidationError, match=words):
        Post.model_validate({"id": "X", "title": "Director", **fields})


def test_repeated_post_id_is_refused():
    with pytest.raises(ValidationError, match="'A' is used twice"):
        Structure.model_validate({"posts": [{"id": "A", "title": "x"}, {"id": "A", "title": "y"}]})


def test_reference_to_missing_manager_is_refused():
    with pytest.raises(ValidationError, match="reports to 'ZZ'"):
        Structure.model_validate({"posts": [{"id": "A", "title": "x", "reports_to": "ZZ"}]})


def test_pay_scale_range_must_be_in_order():
    with pytest.raises(ValidationError, match="above maximum"):
        Structure.model_validate({"pay_scales": [{"code": "G", "min": 10, "max": 5}]})


def test_set_manager_refuses_a_cycle_and_says_why(structure):
    with pytest.raises(EditRefused, match="reporting cycle"):
        structure.set_manager("CE", "H1")
    assert structure.posts["CE"].reports_to is None


def test_set_manager_refuses_self_management(structure):
    with pytest.raises(EditRefused, match="itself"):
        structure.set_manager("D1", "D1")


def test_a_post_has_one_line_manager_and_moving_it_updates_reports(structure):
    structure.set_manager("H1", "D2")
    assert structure.reports_of("D1") == {"H2"}
    assert structure.reports_of("D2") == {"H1", "H3"}


def test_update_post_returns_old_values_for_undo(structure):
    old = structure.update_post("H1", grade="DIR", fte=0.8)
    assert old == {"grade": "HOS", "fte": 1.0}
    structure.update_post("H1", **old)
    assert structure.posts["H1"].grade == "HOS"


def test_update_with_invalid_value_changes_nothing(structure):
    with pytest.raises(ValidationError):
        structure.update_post("H1", fte=-2)
    assert structure.posts["H1"].fte == 1.0


def test_remove_post_refused_while_it_manages_or_leads(structure):
    with pytest.raises(EditRefused, match="still line manages"):
        structure.remove_post("D2")
    structure.remove_post("H3")
    with pytest.raises(EditRefused, match="still leads"):
        structure.remove_post("D2")


def test_group_cannot_nest_inside_its_own_subgroup(structure):
    with pytest.raises(EditRefused, match="inside itself"):
        structure.update_group("corp", parent="fin")


def test_remove_group_refused_while_it_holds_posts(structure):
    with pytest.raises(EditRefused, match="still holds"):
        structure.remove_group("place")


def test_listeners_hear_every_edit(structure):
    heard = []
    structure.subscribe(heard.append)
    structure.add_post(Post(id="N", title="New post", reports_to="D2"))
    structure.update_post("N", title="Renamed")
    structure.remove_post("N")
    structure.add_group(Group(id="g2", name="New group"))
    assert [c.kind.value for c in heard] == ["post-added", "post-changed", "post-removed", "group-added"]
    assert heard[1].fields == {"title"}


def test_new_ids_are_fresh():
    s = make_structure()
    assert s.new_post_id() not in s.posts
    assert s.new_group_id() not in s.groups
