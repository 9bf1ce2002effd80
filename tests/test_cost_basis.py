"""The cost basis stated and asked at import, and before and after compared like with like (#15 items 1, 2, 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgdesigner.analysis.basis import Basis, basis_warnings, costed_comparison
from orgdesigner.model import CostBasis, PayScale, Settings, load, load_scenarios
from orgdesigner.presentation.costbasis import cost_basis_text

from conftest import make_structure

SAMPLES = Path(__file__).parent.parent / "sample_structures" / "establishment"
CURRENT, PROPOSED = SAMPLES / "ashdown-district-current.csv", SAMPLES / "ashdown-district-proposed.csv"
SALARIES_CURRENT = 1_997_500  # the current table's salaries × FTE
SALARIES_PROPOSED = 1_741_500


def test_cost_basis_in_a_few_words():
    assert cost_basis_text(Settings(on_cost_rate=0.25)) == "at top of grade with 25% on-costs"
    assert cost_basis_text(Settings(on_cost_rate=0.285, cost_basis=CostBasis.MID)) == \
        "at middle of grade with 28.5% on-costs"
    assert cost_basis_text(Settings()) == "at top of grade with no on-costs (salary only)"


def test_import_without_a_rate_says_what_it_assumed(run, tmp_path):
    out = tmp_path / "current.orgd"
    result = run("import", str(CURRENT), "-o", str(out))
    assert result.returncode == 0
    assert "no --on-cost-rate given: costed with no on-costs (salary only)" in result.stderr
    assert "costed at top of grade with no on-costs (salary only)" in result.stdout
    check = run("check", str(out))
    assert "costed at top of grade with no on-costs (salary only)" in check.stdout
    assert f"£{SALARIES_CURRENT:,}" in check.stdout


def test_import_names_the_organisation_structure_scenario_and_basis(run, tmp_path):
    out = tmp_path / "current.orgd"
    result = run("import", str(CURRENT), "-o", str(out), "--on-cost-rate", "25%", "--cost-basis", "mid",
                 "--organisation", "Ashdown District Council", "--name", "Ashdown 2025", "--scenario", "Current")
    assert result.returncode == 0 and "no --on-cost-rate" not in result.stderr
    structure = load(out)
    assert (structure.organisation, structure.name, structure.scenario) == (
        "Ashdown District Council", "Ashdown 2025", "Current")
    assert structure.settings == Settings(on_cost_rate=0.25, cost_basis=CostBasis.MID)
    assert "costed at middle of grade with 25% on-costs" in run("check", str(out)).stdout
    assert json.loads(run("check", str(out), "--json").stdout)["cost_basis"] == "at middle of grade with 25% on-costs"


def test_the_table_name_is_a_hint_for_the_name_never_the_organisation(run, tmp_path):
    out = tmp_path / "x.orgd"
    run("import", str(CURRENT), "-o", str(out), "--on-cost-rate", "0.25")
    structure = load(out)
    assert structure.name == "Ashdown district current" and structure.organisation == ""


def _restructure(run, tmp_path: Path) -> Path:
    out = tmp_path / "ashdown.orgd"
    assert run("import", str(CURRENT), "-o", str(out), "--on-cost-rate", "25%", "--scenario", "Current",
               "--organisation", "Ashdown District Council").returncode == 0
    added = run("import", str(PROPOSED), "-o", str(out), "--add", "--scenario", "Proposed")
    assert added.returncode == 0, added.stderr
    assert "costed with 25% on-costs, as" in added.stderr  # the file's rate, not the assumed one
    return out


def test_import_as_a_new_scenario_compares_within_one_file(run, tmp_path):
    out = _restructure(run, tmp_path)
    scenarios = load_scenarios(out)
    assert scenarios.names == ["Current", "Proposed"]
    assert scenarios.get("Proposed").organisation == "Ashdown District Council"
    result = run("compare", f"{out}:Current", f"{out}:Proposed", "--json")
    report = json.loads(result.stdout)
    assert report["warnings"] == [] and result.stderr == ""
    assert report["saving"]["net"] == pytest.approx((SALARIES_CURRENT - SALARIES_PROPOSED) * 1.25)
    text = run("compare", f"{out}:Current", f"{out}:Proposed").stdout
    assert "— Current  →  " in text and "— Proposed" in text
    assert "Costed at top of grade with 25% on-costs." in text


def test_adding_a_scenario_refuses_a_taken_or_missing_name(run, tmp_path):
    out = _restructure(run, tmp_path)
    taken = run("import", str(PROPOSED), "-o", str(out), "--add", "--scenario", "Proposed")
    assert taken.returncode == 2 and "already a scenario named 'Proposed'" in taken.stderr
    missing = run("import", str(PROPOSED), "-o", str(out), "--add")
    assert missing.returncode == 2 and "--add needs --scenario" in missing.stderr
    nowhere = run("import", str(PROPOSED), "-o", str(tmp_path / "none.orgd"), "--add", "--scenario", "X")
    assert nowhere.returncode == 2 and "there is none here" in nowhere.stderr
    assert load_scenarios(out).names == ["Current", "Proposed"]


def test_different_rates_are_warned_and_compared_like_for_like(run, tmp_path):
    before, after, same = tmp_path / "before.orgd", tmp_path / "after.orgd", tmp_path / "after25.orgd"
    run("import", str(CURRENT), "-o", str(before), "--on-cost-rate", "30%")
    run("import", str(PROPOSED), "-o", str(after), "--on-cost-rate", "0")
    run("import", str(PROPOSED), "-o", str(same), "--on-cost-rate", "30%")
    result = run("compare", str(before), str(after), "--json")
    report = json.loads(result.stdout)
    assert [w["kind"] for w in report["warnings"]] == ["on_cost_rate"]
    assert "on-costs differ: 30% before, 0% after" in report["warnings"][0]["message"]
    assert "warning: on-costs differ" in result.stderr
    assert "costed on the proposed structure's basis" in result.stderr
    assert report["saving"]["net"] == pytest.approx(SALARIES_CURRENT - SALARIES_PROPOSED)
    on_before = json.loads(run("compare", str(before), str(after), "--json", "--basis", "before").stdout)
    one_rate = json.loads(run("compare", str(before), str(same), "--json").stdout)
    assert one_rate["warnings"] == []
    assert on_before["saving"]["net"] == pytest.approx(one_rate["saving"]["net"])
    own = json.loads(run("compare", str(before), str(after), "--json", "--basis", "own").stdout)
    assert own["saving"]["net"] == pytest.approx(SALARIES_CURRENT * 1.3 - SALARIES_PROPOSED)
    assert "does not compare like with like" in run("compare", str(before), str(after), "--basis", "own").stdout


def test_grade_ranges_cost_basis_and_pay_award_differences_are_named():
    before, after = make_structure(), make_structure()
    before.pay_scales = {"G1": PayScale(code="G1", min=30000, max=35000)}
    after.pay_scales = {"G1": PayScale(code="G1", min=30000, max=36000)}
    after.settings = before.settings.model_copy(update={"cost_basis": CostBasis.MID})
    after.proposal = after.proposal.model_copy(update={"pay_award_rate": 0.03})
    kinds = [w.kind for w in basis_warnings(before, after)]
    assert kinds == ["cost_basis", "pay_range", "pay_award"]
    assert "grade G1 pays £30,000–£35,000 before and £30,000–£36,000 after" in \
        [w.message for w in basis_warnings(before, after)]
    costed = costed_comparison(before, after, Basis.AFTER)
    assert costed.note and before.settings.cost_basis is CostBasis.TOP  # the files themselves are untouched
