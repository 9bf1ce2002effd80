"""The Leicester 2011 samples reproduce the figures of the council's own report.

Source: Leicester City Council, Employees Committee 13 December 2011, "Senior Management
Review 2011 - Strategic and Divisional Directors" (shared/seeds/001_...). Its cost table:

    Post title                          existing posts / £     new posts / £
    Chief Executive                     1   229,400            0   -
    COO / Head of Paid Service          1   184,400            1   167,500
    Strategic Directors                 4   485,100            3   391,700
    Enhanced Divisional Directors       3   388,200            0   -
    Divisional Directors               17 2,188,400           15 1,677,200
    City Officer                        0   -                  2    90,900
    Total                              26 3,475,500           21 2,327,300   saving 1,148,200

"costed at the top of the grade", including on-costs and external contributions to two
posts (the new Strategic Director of Adult Social Care, Health & Housing half funded by
NHS Leicester City, the City Public Health officer wholly).
"""

from __future__ import annotations

import pytest

from conftest import SAMPLES
from orgdesigner.analysis.report import check_report
from orgdesigner.model import Designation, load

CURRENT = SAMPLES / "leicester-2011-current.orgd"
PROPOSED = SAMPLES / "leicester-2011-proposed.orgd"

CURRENT_TOTAL, PROPOSED_TOTAL, SAVING = 3_475_500, 2_327_300, 1_148_200


def within(actual: float, expected: float, share: float = 0.01) -> bool:
    return abs(actual - expected) <= share * expected


@pytest.fixture(scope="module")
def current():
    return load(CURRENT)


@pytest.fixture(scope="module")
def proposed():
    return load(PROPOSED)


@pytest.fixture(scope="module")
def current_report(current):
    return check_report(current)


@pytest.fixture(scope="module")
def proposed_report(proposed):
    return check_report(proposed)


def holders(structure, designation: Designation) -> list[str]:
    return sorted(p.id for p in structure.posts.values() if designation in p.designations)


# ----- the headline figures ------------------------------------------------------------------


def test_post_counts(current_report, proposed_report):
    assert current_report["posts"] == 26 and current_report["posts_in_scope"] == 26
    assert proposed_report["posts"] == 21 and proposed_report["posts_in_scope"] == 21
    assert current_report["fte"] == 26 and proposed_report["fte"] == 21


def test_net_costs_match_the_report(current_report, proposed_report):
    assert within(current_report["cost"]["net"], CURRENT_TOTAL), current_report["cost"]["net"]
    assert within(proposed_report["cost"]["net"], PROPOSED_TOTAL), proposed_report["cost"]["net"]


def test_saving_matches_the_report(current_report, proposed_report):
    saving = current_report["cost"]["net"] - proposed_report["cost"]["net"]
    assert within(saving, SAVING), saving


def test_costed_at_the_top_of_the_grade_with_on_costs(current, proposed):
    for structure in (current, proposed):
        assert structure.settings.cost_basis.value == "top"
        # The City Officer row (2 posts, one wholly NHS funded, £90,900) and the total imply about 31%.
        assert 0.30 <= structure.settings.on_cost_rate <= 0.325
    assert all(p.salary is None for p in proposed.posts.values()), "proposed posts are costed from their grade"


def test_proposed_cost_table_rows(proposed_report):
    # Each tier of the proposed structure is one row of the cost table.
    rows = proposed_report["cost"]["by_tier"]
    assert set(rows) == {"1", "2", "3", "4"}
    assert within(rows["1"], 167_500), rows          # Head of Paid Service
    assert within(rows["2"], 391_700), rows          # 3 Strategic Directors, one half NHS funded
    assert within(rows["3"], 1_677_200), rows        # 15 Divisional Directors
    assert within(rows["4"], 90_900), rows           # 2 City Officers, one wholly NHS funded


def test_current_cost_table_rows(current, current_report):
    rows = current_report["cost"]["by_tier"]
    assert within(rows["1"], 229_400), rows                       # Chief Executive
    assert within(rows["2"], 184_400 + 485_100), rows             # COO / HoPS and 4 Strategic Directors
    assert within(rows["3"], 388_200 + 2_188_400), rows           # 3 enhanced + 17 Divisional Directors
    grades = [p.grade for p in current.posts.values()]
    assert grades.count("UCOE") == 3 and grades.count("UCOC/T") == 17


def test_gross_less_net_is_the_nhs_contribution(current, proposed, current_report, proposed_report):
    rate = 1 + proposed.settings.on_cost_rate
    # Half the Strategic Director (top £118,983) and all of one City Officer (top £68,853).
    expected = (0.5 * 118_983 + 68_853) * rate
    assert proposed_report["cost"]["gross"] - proposed_report["cost"]["net"] == pytest.approx(expected, abs=1)
    assert current_report["cost"]["gross"] > current_report["cost"]["net"]  # 50% of one existing SD


# ----- grades --------------------------------------------------------------------------------


def test_new_pay_ranges(proposed):
    scales = proposed.pay_scales
    assert (scales["HOPS"].min, scales["HOPS"].max) == (123_231, 127_485)
    assert (scales["SD"].min, scales["SD"].max) == (110_484, 118_983)
    assert (scales["DD"].min, scales["DD"].max) == (76_725, 85_575)
    assert (scales["CO"].min, scales["CO"].max) == (63_945, 68_853)
    assert {p.point: p.salary for p in scales["HOPS"].points} == {19: 123_231, 20: 127_485}
    assert {p.point for p in scales["SD"].points} == {16, 18}
    assert {p.point for p in scales["DD"].points} == {6, 9}
    assert {p.point for p in scales["CO"].points} == {1, 3}
    counts = {code: sum(p.grade == code for p in proposed.posts.values()) for code in scales}
    assert counts == {"HOPS": 1, "SD": 3, "DD": 15, "CO": 2}


# ----- shape -----------------------------------------------------------------------------------


def test_proposed_shape(proposed, proposed_report):
    hops = "HOPS"
    assert proposed.posts[hops].reports_to is None
    strategic = sorted(p.id for p in proposed.posts.values() if p.tier == "2")
    assert strategic == ["SD-ASCHH", "SD-CDN", "SD-ECS"]
    assert all(proposed.posts[s].reports_to == hops for s in strategic)
    spans = proposed_report["spans"]
    # 3 Strategic Directors, 4 corporate Directors and the Head of Standards & City Solicitor.
    assert spans[hops] == 8
    assert {s: spans[s] for s in strategic} == {"SD-ECS": 3, "SD-ASCHH": 4, "SD-CDN": 5}
    assert proposed_report["max_span"] == 8 and proposed_report["layers"] == 3
    assert proposed.posts["CO-PH"].reports_to == "SD-ASCHH"


def test_four_departments(proposed, proposed_report):
    by_group = proposed_report["cost"]["by_group"]
    assert set(by_group) == {"Education & Children's Services", "Adult Social Care, Health & Housing",
                             "City Development & Neighbourhoods", "Corporate Resources & Support"}
    assert sum(by_group.values()) == pytest.approx(proposed_report["cost"]["net"], abs=1)
    leaders = {g.name: g.leader for g in proposed.groups.values()}
    assert leaders["Corporate Resources & Support"] == "HOPS"
    sizes = {g.name: sum(p.group == g.id for p in proposed.posts.values()) for g in proposed.groups.values()}
    assert sizes == {"Education & Children's Services": 4, "Adult Social Care, Health & Housing": 5,
                     "City Development & Neighbourhoods": 6, "Corporate Resources & Support": 6}


def test_statutory_designations(current, proposed, current_report, proposed_report):
    assert holders(proposed, Designation.HOPS) == ["HOPS"]
    assert holders(proposed, Designation.MO) == ["CO-CSHS"]
    assert proposed.posts["CO-CSHS"].title == "Head of Standards & City Solicitor"
    assert proposed.posts["CO-CSHS"].grade == "CO"
    assert holders(proposed, Designation.S151) == ["DIR-FIN"]
    assert holders(proposed, Designation.DCS) == ["SD-ECS"]
    assert holders(proposed, Designation.DASS) == holders(proposed, Designation.DPH) == ["SD-ASCHH"]
    assert holders(proposed, Designation.RO) == ["DIR-DCPG"]
    # Before: the COO is Head of Paid Service, the Director of Corporate Governance Monitoring Officer.
    assert holders(current, Designation.HOPS) == ["HOPS"]
    assert holders(current, Designation.MO) == ["DIR-CG"]
    assert holders(current, Designation.DPH) == ["SD-HHI"]
    for report in (current_report, proposed_report):
        assert [f for f in report["findings"] if f["severity"] == "error"] == []


def test_nhs_funding_shares(current, proposed):
    assert {p.id: p.funding for p in proposed.posts.values() if p.funding} == {
        "SD-ASCHH": {"NHS Leicester City": 0.5},
        "CO-PH": {"NHS Leicester City": 1.0},
    }
    assert {p.id: p.funding for p in current.posts.values() if p.funding} == {
        "SD-HHI": {"NHS Leicester City": 0.5},
    }


# ----- before and after match by post id ---------------------------------------------------------


def test_continuing_posts_keep_their_ids(current, proposed):
    kept = set(current.posts) & set(proposed.posts)
    assert kept == {"HOPS", "SD-ECS", "DIR-CSCS", "DIR-LS", "DIR-CC", "DIR-PROP", "DIR-ENV",
                    "DIR-HR", "DIR-FIN", "DIR-INFO"}
    assert "CE" in current.posts and "CE" not in proposed.posts
    assert current.posts["CE"].status.value == "vacant"
    assert len(set(current.posts) - kept) == 16 and len(set(proposed.posts) - kept) == 11


def test_no_personal_data():
    text = CURRENT.read_text(encoding="utf-8") + PROPOSED.read_text(encoding="utf-8")
    for surname in ("Keeling", "Soulsby", "Reid", "Watson", "Curry", "Dickinson", "Cannon", "Holmes", "Skene",
                    "Libreri", "Pringle", "Russell", "Miller", "Branson", "Habens", "Craig", "Ryan", "Rees",
                    "Lake", "Harrison", "Ashton", "Greenhill"):
        assert surname not in text, surname
    for structure in (load(CURRENT), load(PROPOSED)):
        assert all(p.postholder is None for p in structure.posts.values())
        assert structure.organisation == "Leicester City Council"
    assert load(CURRENT).scenario == "Current" and load(PROPOSED).scenario == "Proposed"


def test_compare_gives_the_documents_saving(current, proposed, tmp_path):
    """The saving through the comparison (and its command line), within 1.5% of £1,148,200."""
    from orgdesigner.analysis import finance_summary

    summary = finance_summary(current, proposed)
    assert abs(summary.saving_gross - SAVING) <= 0.015 * SAVING
    assert (summary.before.posts, summary.after.posts) == (26, 21)
