"""Each rule of the default rule set fires when it should, and only then."""

from __future__ import annotations

import pytest

from orgdesigner.analysis import Analysis
from orgdesigner.model import Post, RuleOverride, Structure


def rules_fired(structure) -> dict[str, list[tuple[str, ...]]]:
    fired: dict[str, list[tuple[str, ...]]] = {}
    for finding in Analysis(structure).findings():
        fired.setdefault(finding.rule, []).append(finding.posts)
    return fired


def test_sound_structure_has_only_the_pay_notes(structure):
    fired = rules_fired(structure)
    assert set(fired) == {"pay-over-threshold", "span-of-one"}
    assert fired["pay-over-threshold"] == [("CE",)]
    assert fired["span-of-one"] == [("D2",)]


def test_tier_order(structure):
    structure.update_post("H1", tier="2")
    finding = next(f for f in Analysis(structure).findings() if f.rule == "tier-order")
    assert finding.posts == ("H1", "D1") and finding.severity == "error"
    assert "not a higher tier" in finding.message


def test_tier_3b_reports_to_tier_2_or_3a(structure):
    structure.set_manager("H1", "CE")
    assert rules_fired(structure)["tier-manager"] == [("H1", "CE")]


def test_tier_3a_reports_to_tier_1(structure):
    structure.add_post(Post(id="AD", title="Assistant Director", tier="3A", grade="DIR", reports_to="D1"))
    fired = rules_fired(structure)
    assert fired["tier-manager"] == [("AD", "D1")]
    structure.set_manager("AD", "CE")
    assert "tier-manager" not in rules_fired(structure)


def test_span_over_limit_uses_settings(structure):
    structure.update_settings(span_max=1)
    fired = rules_fired(structure)
    assert fired["span-over-limit"] == [("CE",), ("D1",)]


def test_span_of_one_can_be_switched_off(structure):
    structure.update_settings(rules={"span-of-one": RuleOverride(enabled=False)})
    assert "span-of-one" not in rules_fired(structure)


def test_no_manager_except_the_top_post(structure):
    structure.set_manager("H2", None)
    assert rules_fired(structure)["no-manager"] == [("H2",)]


def test_no_manager_ignores_posts_out_of_scope(structure):
    structure.add_post(Post(id="X", title="Head of Shared Legal", in_scope=False))
    assert "no-manager" not in rules_fired(structure)


def test_top_post_without_tier_one_is_the_root_with_most_reports():
    s = Structure.model_validate({"posts": [
        {"id": "SD", "title": "Strategic Director", "tier": "2", "designations": ["HoPS", "S151", "MO"]},
        {"id": "A", "title": "Director A", "tier": "3", "reports_to": "SD"},
        {"id": "B", "title": "Director B", "tier": "3", "reports_to": "SD"},
        {"id": "L", "title": "Loose post", "tier": "3"},
    ]})
    assert rules_fired(s)["no-manager"] == [("L",)]


def test_reporting_cycle_in_a_file_is_an_error():
    s = Structure.model_validate({"posts": [
        {"id": "A", "title": "A", "reports_to": "C"},
        {"id": "B", "title": "B", "reports_to": "A"},
        {"id": "C", "title": "C", "reports_to": "B"},
        {"id": "D", "title": "D", "reports_to": "C"},
    ]})
    analysis = Analysis(s)
    cycles = [f for f in analysis.findings() if f.rule == "reporting-cycle"]
    assert len(cycles) == 1 and set(cycles[0].posts) == {"A", "B", "C"}
    assert cycles[0].severity == "error"
    assert analysis.depth("D") is None


@pytest.mark.parametrize("designation", ["HoPS", "S151", "MO"])
def test_each_statutory_officer_must_be_designated(structure, designation):
    holder = next(p for p in structure.posts.values() if designation in p.designations)
    structure.update_post(holder.id, designations=[])
    missing = [f for f in Analysis(structure).findings() if f.rule == "statutory-missing"]
    assert len(missing) == 1 and missing[0].severity == "error"


def test_statutory_officer_held_twice(structure):
    structure.update_post("H1", designations=["S151"])
    assert rules_fired(structure)["statutory-duplicate"] == [("D1", "H1")]


def test_head_of_paid_service_cannot_be_monitoring_officer(structure):
    structure.update_post("H2", designations=[])
    structure.update_post("CE", designations=["HoPS", "MO"])
    assert rules_fired(structure)["hops-is-mo"] == [("CE",)]


def test_head_of_paid_service_may_be_chief_finance_officer(structure):
    structure.update_post("D1", designations=[])
    structure.update_post("CE", designations=["HoPS", "S151"])
    fired = rules_fired(structure)
    assert "hops-is-mo" not in fired and "statutory-missing" not in fired


def test_pay_over_threshold_follows_the_rule_data(structure):
    structure.update_settings(rules={"pay-over-threshold": RuleOverride(params={"threshold": 90000})})
    assert rules_fired(structure)["pay-over-threshold"] == [("CE",), ("D1",), ("D2",)]


def test_unknown_grade_and_uncosted_posts(structure):
    structure.add_post(Post(id="U", title="Head of People", grade="Band 11", tier="3B", reports_to="D1"))
    structure.add_post(Post(id="V", title="Adviser", tier="4", reports_to="H1"))
    fired = rules_fired(structure)
    assert fired["unknown-grade"] == [("U",)] and fired["uncosted"] == [("V",)]


def test_severity_can_be_overridden(structure):
    structure.update_settings(rules={"span-of-one": RuleOverride(severity="warning")})
    finding = next(f for f in Analysis(structure).findings() if f.rule == "span-of-one")
    assert finding.severity == "warning"
