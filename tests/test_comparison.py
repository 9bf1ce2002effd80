"""Before and after: every change kind, the suggested impact on postholders, and the finances."""

from __future__ import annotations

import pytest

from orgdesigner.analysis import compare, finance_summary
from orgdesigner.analysis.finance import payback_period
from orgdesigner.model import ImpactOverride, Post, Proposal, Replacement

from conftest import make_structure


def changes_by_post(before, after):
    return {c.post: c for c in compare(before, after)}


def test_identical_structures_change_nothing():
    changes = changes_by_post(make_structure(), make_structure())
    assert {c.post: c.kinds for c in changes.values()} == {p: ["unchanged"] for p in make_structure().posts}
    assert all(c.impact == "none" for c in changes.values() if c.before.status != "vacant")


def test_every_change_kind_of_a_kept_post():
    before, after = make_structure(), make_structure()
    after.update_post("H1", title="Head of Finance and Procurement")
    after.update_post("H2", grade="DIR")
    after.set_manager("H1", "D2")
    after.update_post("H2", fte=0.8, tier="3A")
    after.update_post("D1", group="place")
    changes = changes_by_post(before, after)
    assert changes["H1"].kinds == ["retitled", "moved"]
    assert changes["H2"].kinds == ["regraded", "fte changed", "tier changed"]
    assert changes["D1"].kinds == ["moved to another unit"]  # same line manager, another group
    assert "now reports to" not in changes["D1"].reason and "moved from" in changes["D1"].reason


def test_retitled_or_moved_on_the_same_grade_slots_in():
    before, after = make_structure(), make_structure()
    after.update_post("H1", title="Head of Finance and Procurement")
    after.set_manager("H1", "D2")
    change = changes_by_post(before, after)["H1"]
    assert change.impact == "assimilate" and "Slot in" in change.reason


def test_regraded_one_grade_is_matched_and_further_is_ring_fenced():
    before, after = make_structure(), make_structure()
    after.update_post("H1", grade="DIR")
    after.update_post("H2", grade="CE")
    changes = changes_by_post(before, after)
    assert changes["H1"].impact == "match"
    assert changes["H2"].impact == "ring-fence"


def test_reduced_hours_put_the_holder_at_risk():
    before, after = make_structure(), make_structure()
    after.update_post("H1", fte=0.6)
    assert changes_by_post(before, after)["H1"].impact == "at risk"


def test_deleted_posts_filled_or_vacant():
    before, after = make_structure(), make_structure()
    after.remove_post("H2")
    after.remove_post("H3")
    changes = changes_by_post(before, after)
    assert changes["H2"].kinds == ["deleted"] and changes["H2"].impact == "at risk"
    assert changes["H3"].impact == "vacant"


@pytest.mark.parametrize("overlap, grade, impact", [
    (80, "HOS", "assimilate"),
    (75, "HOS", "assimilate"),
    (74, "HOS", "match"),
    (50, "DIR", "match"),
    (25, "HOS", "match"),
    (24, "HOS", "at risk"),
    (90, "CE", "at risk"),
])
def test_new_post_replacing_a_deleted_one_follows_the_overlap_rules(overlap, grade, impact):
    before, after = make_structure(), make_structure()
    after.remove_post("H2")
    after.add_post(Post(id="N1", title="Head of Legal and Democratic Services", grade=grade, tier="3B",
                        reports_to="D1", replaces=[Replacement(post="H2", overlap=overlap)]))
    changes = changes_by_post(before, after)
    assert changes["H2"].impact == impact
    assert changes["N1"].kinds == ["new"]
    assert changes["N1"].impact == ("assimilate" if impact == "assimilate" else "ring-fence")


def test_more_people_than_posts_means_selection_not_assimilation():
    before, after = make_structure(), make_structure()
    after.remove_post("H1")
    after.remove_post("H2")
    after.add_post(Post(id="N1", title="Head of Corporate Services", grade="HOS", reports_to="D1",
                        replaces=[Replacement(post="H1", overlap=80), Replacement(post="H2", overlap=80)]))
    changes = changes_by_post(before, after)
    assert changes["H1"].impact == changes["H2"].impact == "ring-fence"
    assert "competitive selection" in changes["H1"].reason
    assert changes["N1"].impact == "ring-fence"


def test_the_user_can_overrule_the_suggested_impact():
    before, after = make_structure(), make_structure()
    after.remove_post("H2")
    after.proposal = Proposal(impacts={"H2": ImpactOverride(impact="match", reason="Agreed with the union")})
    change = changes_by_post(before, after)["H2"]
    assert change.impact == "match" and change.suggested == "at risk" and change.reason == "Agreed with the union"


def test_finance_before_after_saving_set_asides_profile_and_payback():
    before, after = make_structure(), make_structure()
    after.remove_post("H2")  # saves 80,000 × 1.25 = 100,000 a year
    after.proposal = Proposal(set_asides=[{"label": "Next phase", "amount": 20000}],
                              one_off_costs=[{"label": "Severance", "amount": 150000}],
                              pay_award_rate=0.03, years=5)
    summary = finance_summary(before, after)
    assert (summary.before.posts, summary.after.posts) == (6, 5)
    assert summary.before.fte - summary.after.fte == pytest.approx(1)
    assert summary.saving_gross == pytest.approx(100000)
    assert summary.saving_net == pytest.approx(80000)
    # each year in whole pounds (80,000 × 1.03³ = 87,418.16, × 1.03⁴ = 90,040.70), the total their sum
    assert summary.profile == [80000, 82400, 84872, 87418, 90041]
    assert summary.profile_total == 80000 + 82400 + 84872 + 87418 + 90041
    assert summary.payback_years == pytest.approx(1 + (150000 - 80000) / (80000 * 1.03))


def test_out_of_scope_posts_are_left_out_of_the_counts():
    before, after = make_structure(), make_structure()
    for s in (before, after):
        s.add_post(Post(id="X", title="Head of Shared Legal", salary=90000, in_scope=False, reports_to="CE"))
    summary = finance_summary(before, after)
    assert summary.before.posts == 6 and summary.saving_gross == 0


def test_payback_edge_cases():
    assert payback_period(0, 100, 0) == 0
    assert payback_period(100, 0, 0) is None
    assert payback_period(250, 100, 0) == pytest.approx(2.5)


def test_posts_out_of_scope_have_no_impact_even_when_moved():
    before, after = make_structure(), make_structure()
    for s in (before, after):
        s.add_post(Post(id="X", title="Head of Shared Legal", salary=90000, in_scope=False, reports_to="CE"))
    after.set_manager("X", "D1")
    change = changes_by_post(before, after)["X"]
    assert change.kinds == ["moved"] and change.impact == "none" and "Out of scope" in change.reason


def test_a_partners_post_is_neither_new_nor_deleted_but_one_handed_to_a_partner_leaves():
    before, after = make_structure(), make_structure()
    context = Post(id="PX", title="Partner's Director of Children's Services", reports_to="CE",
                   context="Cambridgeshire County Council")
    before.add_post(context)
    after.add_post(context.model_copy())
    after.update_post("H1", context="Partner Council")
    changes = {change.post: change for change in compare(before, after)}
    assert "PX" not in changes
    assert changes["H1"].kinds == ["deleted"]
