"""Cost arithmetic: salary basis × FTE × (1 + on-costs) × own share; totals by group and tier."""

from __future__ import annotations

import pytest

from orgdesigner.analysis import Analysis, check_report

from conftest import make_structure


def test_post_cost_at_top_of_grade_with_on_costs(structure):
    analysis = Analysis(structure)
    assert analysis.cost("D1").gross == pytest.approx(100000 * 1.25)
    assert analysis.cost("D1").net == pytest.approx(100000 * 1.25)


def test_partner_funding_reduces_net_not_gross(structure):
    cost = Analysis(structure).cost("D2")
    assert cost.gross == pytest.approx(125000)
    assert cost.net == pytest.approx(62500)


def test_fte_scales_cost(structure):
    assert Analysis(structure).cost("H3").gross == pytest.approx(80000 * 0.5 * 1.25)


@pytest.mark.parametrize("basis, salary", [("top", 80000), ("mid", 75000), ("bottom", 70000)])
def test_cost_basis_chooses_the_point_of_the_grade(basis, salary):
    analysis = Analysis(make_structure(cost_basis=basis))
    assert analysis.cost("H1").gross == pytest.approx(salary * 1.25)


def test_actual_salary_overrides_the_grade(structure):
    structure.update_post("H1", salary=72500)
    assert Analysis(structure).cost("H1").gross == pytest.approx(72500 * 1.25)


def test_totals_gross_and_net():
    report = check_report(make_structure())
    gross = (150000 + 2 * 100000 + 2 * 80000 + 0.5 * 80000) * 1.25
    assert report["cost"]["gross"] == pytest.approx(gross)
    assert report["cost"]["net"] == pytest.approx(gross - 0.5 * 125000)
    assert report["posts"] == 6 and report["fte"] == pytest.approx(5.5) and report["vacant_posts"] == 1


def test_group_totals_roll_up_through_nesting(structure):
    by_group = check_report(structure)["cost"]["by_group"]
    assert by_group["Finance"] == pytest.approx(100000)
    assert by_group["Corporate"] == pytest.approx((150000 + 100000 + 80000 + 80000) * 1.25)
    assert by_group["Place"] == pytest.approx(62500 + 50000)


def test_tier_totals(structure):
    by_tier = check_report(structure)["cost"]["by_tier"]
    assert list(by_tier) == ["1", "2", "3B"]
    assert by_tier["2"] == pytest.approx(125000 + 62500)


def test_group_staff_includes_nested_groups(structure):
    assert Analysis(structure).group_staff("corp") == (140, 5)
