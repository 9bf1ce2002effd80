"""The Cambridge 2022 samples reproduce the figures of the council's consultation document.

Source: Cambridge City Council, "Consultation: Leadership Team – Restructure Proposal",
November 2022 (shared/seeds/000_...). Its figures:

- "There are currently 15 posts at senior leadership level, excluding the Chief Executive";
  13 are in scope (section 3 list, section 6.3 table: 2 DIR, 11 HOS), the Heads of Legal
  Services and Building Control are shared-service posts out of scope.
- "reducing the number of posts in scope of the restructure from 13 to 8 to release ~£0.36m
  gross savings, including the creation of a new two-year fixed term Head of People position
  (band 11)"; new posts (6.4): 3 DIR, 2 AD, 3 HOS = 8.0, plus the Head of People (Band 11).
- Pay (section 8): HoS £73,931 - £81,251, Director £94,684 - £105,670, Assistant Director
  "around £84,000 to £93,000".
- Tiers (section 7): Tier 2 Director and Tier 3A Assistant Director line managed by the
  Chief Executive; Tier 3B Head of Service line managed by a Tier 2 or 3A.
- Five groups (5.7): Corporate 217 staff (+ 69 contractors), City Services 207, Communities
  217, Assets and Development 51, Strategy Climate & Inclusive Economy 63.
- Finance (section 9): up to £40k of gross savings set aside (up to £15k for City Services);
  £0.32m net a year; profile £0.32m, £0.33m, £0.34m, £0.35m, £0.36m = £1.7m; payback about
  2.1 years in the most expensive severance scenario; new leadership including shared-service
  leaders "just over 11 FTE at a cost around £1.47m".

The document gives no on-cost rate, Band 11 figures or Chief Executive pay. The samples cost
posts at the top of grade with 25% on-costs and Band 11 at £70,000, chosen together to give
the ~£0.36m gross saving (see the structures' descriptions). "~£0.36m" is read as rounding
to £0.36m: the tests allow £355,000-£365,000, and the same half-a-unit tolerance for the
£0.32m net saving and each year of the profile.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from conftest import SAMPLES
from orgdesigner.analysis.comparison import compare
from orgdesigner.analysis.engine import Analysis
from orgdesigner.analysis.finance import finance_summary
from orgdesigner.analysis.report import check_report
from orgdesigner.model import Designation, load

CURRENT = SAMPLES / "cambridge-2022-current.orgd"
PROPOSED = SAMPLES / "cambridge-2022-proposed.orgd"

GROSS_SAVING, NET_SAVING, SET_ASIDE, CITY_SERVICES_SET_ASIDE = 360_000, 320_000, 40_000, 15_000
PROFILE_M = [0.32, 0.33, 0.34, 0.35, 0.36]
LEADERSHIP_FTE, LEADERSHIP_COST = 11, 1_470_000
HALF_A_ROUNDING_UNIT = 5_000  # the document quotes savings to £0.01m

GROUPS = {  # name: (leader post, staff, contractors)
    "Corporate Group": ("COO", 217, 69),
    "City Services Group": ("DIR-CS", 207, None),
    "Communities Group": ("DIR-COM", 217, None),
    "Assets and Development Group": ("AAD-AD", 51, None),
    "Strategy, Climate & Inclusive Economy Group": ("SCIE-AD", 63, None),
}


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


def in_scope(structure):
    return [p for p in structure.posts.values() if p.in_scope]


def _whole_pounds(amount: float) -> int:
    return int(Decimal(repr(round(amount, 6))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def direct_cost(structure, posts) -> float:
    """Cost from the model alone: grade point × FTE × (1 + on-costs) × the council's share, each post's cost
    rounded to whole pounds (halves up), as a council's table prints it and adds it up."""
    basis = structure.settings.cost_basis.value
    total = 0.0
    for post in posts:
        if post.salary is not None:
            salary = post.salary
        elif post.grade in structure.pay_scales:
            scale = structure.pay_scales[post.grade]
            salary = {"top": scale.max, "bottom": scale.min, "mid": (scale.min + scale.max) / 2}[basis]
        else:
            continue
        gross = _whole_pounds(salary * post.fte * (1 + structure.settings.on_cost_rate))
        total += _whole_pounds(gross * (1 - sum(post.funding.values()))) if post.funding else gross
    return total


def holders(structure, designation: Designation) -> list[str]:
    return sorted(p.id for p in structure.posts.values() if designation in p.designations)


# ----- posts in scope ---------------------------------------------------------------------------


def test_thirteen_current_posts_in_scope(current, current_report):
    assert current_report["posts_in_scope"] == 13
    scoped = in_scope(current)
    assert sum(p.fte for p in scoped) == 13.0
    assert sorted(p.grade for p in scoped) == ["DIR"] * 2 + ["HOS"] * 11
    assert sorted(p.title for p in scoped) == sorted([  # the consultation list, section 3
        "Director of Enterprise and Sustainable Development", "Director of Neighbourhoods and Communities",
        "Assistant Chief Executive", "Head of Commercial Services", "Head of Community Services",
        "Head of Environmental Services", "Head of Finance", "Head of Housing Development Agency",
        "Head of Housing Maintenance & Assets", "Head of Housing Services", "Head of Human Resources",
        "Head of Property Services", "Head of Transformation",
    ])
    assert [p.id for p in scoped if p.status.value == "vacant"] == ["TRANS"]  # "(vacant post)"
    assert current.posts["DIR-NC"].status.value == "interim"


def test_fifteen_senior_posts_below_the_chief_executive(current):
    # Section 6.3's table: the 13 in scope plus the two shared-service posts, "Total 15.0".
    council_graded = [p for p in current.posts.values() if p.grade in ("DIR", "HOS")]
    assert len(council_graded) == 15 and sum(p.fte for p in council_graded) == 15.0
    out = sorted(p.id for p in council_graded if not p.in_scope)
    assert out == ["BC", "LEGAL"]
    assert all(current.posts[pid].status.value == "shared" for pid in out)
    assert not current.posts["CEX"].in_scope


def test_eight_new_posts_plus_a_fixed_term_head_of_people(proposed, proposed_report):
    scoped = in_scope(proposed)
    permanent = [p for p in scoped if p.status.value != "fixed-term"]
    fixed_term = [p for p in scoped if p.status.value == "fixed-term"]
    # The table of new posts, section 6.4: Total 8.0, then the Head of People on its own row.
    assert len(permanent) == 8 and sum(p.fte for p in permanent) == 8.0
    assert sorted(p.grade for p in permanent) == ["AD"] * 2 + ["DIR"] * 3 + ["HOS"] * 3
    assert sorted(p.title for p in permanent) == sorted([
        "Communities Director", "City Services Director", "Chief Operating Officer",
        "Assets & Development Assistant Director",
        "Assistant CEO (Assistant Director Strategy, Environment & Economy)",
        "Head of Housing & Community Safety", "Head of Homes & Regeneration", "Chief Finance Officer",
    ])
    assert [(p.id, p.grade, p.fte) for p in fixed_term] == [("HOP", "B11", 1.0)]
    # The Head of People's cost is inside the ~£0.36m, so it is in scope of the comparison.
    assert proposed_report["posts_in_scope"] == 9


# ----- grades and tiers --------------------------------------------------------------------------


def test_pay_ranges(current, proposed):
    for structure in (current, proposed):
        scales = structure.pay_scales
        assert (scales["HOS"].min, scales["HOS"].max) == (73_931, 81_251)
        assert (scales["DIR"].min, scales["DIR"].max) == (94_684, 105_670)
    scales = proposed.pay_scales
    assert (scales["AD"].min, scales["AD"].max) == (84_000, 93_000)
    # The AD points start where HoS ends and finish before the Director grade starts; Band 11 is below HoS.
    assert scales["HOS"].max < scales["AD"].min and scales["AD"].max < scales["DIR"].min
    assert scales["B11"].max < scales["HOS"].min
    assert "AD" not in current.pay_scales  # "a new role of Assistant Director has been introduced"


def test_proposed_tiers_follow_section_7(proposed, proposed_report):
    posts = proposed.posts
    assert posts["CEX"].tier == "1" and posts["CEX"].reports_to is None
    by_tier: dict[str, list[str]] = {}
    for post in in_scope(proposed):
        by_tier.setdefault(post.tier, []).append(post.id)
    assert sorted(by_tier["2"]) == ["COO", "DIR-COM", "DIR-CS"]
    assert sorted(by_tier["3A"]) == ["AAD-AD", "SCIE-AD"]
    assert sorted(by_tier["3B"]) == ["FIN", "HCS", "HDA"]
    assert all(posts[p].grade == "DIR" for p in by_tier["2"])
    assert all(posts[p].grade == "AD" for p in by_tier["3A"])
    assert all(posts[p].grade == "HOS" for p in by_tier["3B"])
    # Tier 2 and 3A are line managed by the Chief Executive; 3B by a Tier 2 or 3A.
    assert all(posts[p].reports_to == "CEX" for p in by_tier["2"] + by_tier["3A"])
    assert {p: posts[posts[p].reports_to].tier for p in by_tier["3B"]} == {"FIN": "2", "HCS": "2", "HDA": "3A"}
    assert not [f for f in proposed_report["findings"] if f["rule"].startswith("tier-")]


def test_current_heads_of_service_reporting_to_the_chief_executive_break_the_new_tier_rules(current_report):
    flagged = sorted(f["posts"][0] for f in current_report["findings"] if f["rule"] == "tier-manager")
    assert flagged == ["ACE", "FIN", "LEGAL", "TRANS"]
    assert all(f["severity"] != "error" for f in current_report["findings"])


# ----- groups --------------------------------------------------------------------------------------


def test_five_groups_with_their_staff(proposed):
    top = {g.name: g for g in proposed.groups.values() if g.parent is None and g.leader in
           {leader for leader, _, _ in GROUPS.values()}}
    assert {name: (g.leader, g.staff, g.contractors) for name, g in top.items()} == GROUPS
    # "Each group will be led by a Director or Assistant Director".
    assert sorted(proposed.posts[g.leader].grade for g in top.values()) == ["AD", "AD", "DIR", "DIR", "DIR"]
    analysis = Analysis(proposed)
    staff = {g.name: analysis.group_staff(g.id) for g in top.values()}
    assert staff == {name: (s, c or 0) for name, (_, s, c) in GROUPS.items()}  # nested clusters add none
    assert sum(s for s, _ in staff.values()) == 755


def test_nested_clusters(proposed):
    clusters = {g.name: (proposed.groups[g.parent].name, g.leader) for g in proposed.groups.values() if g.parent}
    assert clusters["Housing and Community Safety"] == ("Communities Group", "HCS")
    assert clusters["Homes & Regeneration"] == ("Assets and Development Group", "HDA")
    assert clusters["Finance (Chief Finance Officer)"] == ("Corporate Group", "FIN")
    assert clusters["Human Resources"] == ("Corporate Group", "HOP")
    assert clusters["3C Shared Legal"] == ("Strategy, Climate & Inclusive Economy Group", "LEGAL")
    finance = next(g for g in proposed.groups.values() if g.leader == "FIN")
    assert finance.teams == ["Accountancy", "Internal Audit", "Revenues", "Finance Support Services", "Procurement"]


def test_group_costs_roll_up(proposed, proposed_report):
    by_group = proposed_report["cost"]["by_group"]
    rate = 1 + proposed.settings.on_cost_rate
    # Corporate: the COO, and through its nested clusters the CFO and the Head of People.
    assert by_group["Corporate Group"] == pytest.approx((105_670 + 81_251 + 70_000) * rate, abs=1)
    assert by_group["Corporate Group"] == pytest.approx(
        by_group["Finance (Chief Finance Officer)"] + by_group["Human Resources"] + 105_670 * rate, abs=1)
    assert by_group["Communities Group"] == pytest.approx((105_670 + 81_251) * rate, abs=1)
    tops = [name for name, g in ((g.name, g) for g in proposed.groups.values()) if g.parent is None]
    assert sum(by_group[name] for name in tops) == pytest.approx(proposed_report["cost"]["net"], abs=1)


# ----- the money -----------------------------------------------------------------------------------


def test_costed_at_the_top_of_the_grade(current, proposed):
    for structure in (current, proposed):
        assert structure.settings.cost_basis.value == "top"
        assert structure.settings.on_cost_rate == 0.25
        assert all(p.salary is None for p in structure.posts.values()), "posts are costed from their grade"
        assert all(not p.funding for p in structure.posts.values())  # the document gives no cost shares


def test_gross_saving_about_036m(current, proposed):
    summary = finance_summary(current, proposed)
    assert (summary.before.posts, summary.after.posts) == (13, 9)
    assert abs(summary.saving_gross - GROSS_SAVING) < HALF_A_ROUNDING_UNIT, summary.saving_gross
    # The same from the model alone, without the analysis layer.
    saving = direct_cost(current, in_scope(current)) - direct_cost(proposed, in_scope(proposed))
    assert saving == pytest.approx(summary.saving_gross, abs=1)
    # Without the Head of People the saving would be well above £0.36m: its cost is inside the figure.
    without = saving + direct_cost(proposed, [proposed.posts["HOP"]])
    assert without - GROSS_SAVING > 2 * HALF_A_ROUNDING_UNIT


def test_set_aside_net_saving_and_profile(current, proposed):
    summary = finance_summary(current, proposed)
    assert sum(amount for _, amount in summary.set_asides) == SET_ASIDE
    assert [amount for label, amount in summary.set_asides if "City Services" in label] == [CITY_SERVICES_SET_ASIDE]
    assert abs(summary.saving_net - NET_SAVING) < HALF_A_ROUNDING_UNIT, summary.saving_net
    assert [round(year / 1e6, 2) for year in summary.profile] == PROFILE_M
    assert round(summary.profile_total / 1e6, 1) == 1.7
    # The one-off cost is derived from the payback (the document gives no amount); this checks they agree.
    assert summary.payback_years == pytest.approx(2.1, abs=0.05)


def test_new_leadership_cost_against_the_document(proposed, proposed_report):
    # "just over 11 FTE at a cost around £1.47m", including leaders of shared services. The costed posts
    # here are 11 FTE: the 8 new posts, the Head of People and the Heads of 3C Legal and 3C Building Control.
    costed = [p for p in proposed.posts.values() if direct_cost(proposed, [p]) > 0]
    assert sum(p.fte for p in costed) == LEADERSHIP_FTE
    assert sorted(p.id for p in costed if not p.in_scope) == ["BC", "LEGAL"]
    cost = proposed_report["cost"]["net"]
    assert cost == pytest.approx(direct_cost(proposed, costed), abs=1)
    # NOT reproduced: the files fall about £0.25m (15-20%) short of £1.47m. The document's figure also holds
    # the Chief Executive and partner-hosted shared-service leaders, whose pay it does not give; matching it
    # with the on-cost rate alone would need about 50% on-costs and break the £0.36m saving.
    shortfall = (LEADERSHIP_COST - cost) / LEADERSHIP_COST
    assert 0.15 < shortfall < 0.20, cost


# ----- shape -------------------------------------------------------------------------------------------


def test_spans_and_layers(current_report, proposed_report):
    # Before: two Directors, the Joint Director of Shared Planning and five posts shown beside the CEX.
    assert current_report["spans"]["CEX"] == 8 and current_report["layers"] == 3
    assert current_report["spans"]["DIR-ESD"] == 5 and current_report["spans"]["DIR-NC"] == 4
    # After: three Directors, two Assistant Directors and the Joint Director.
    assert proposed_report["spans"]["CEX"] == 6
    assert proposed_report["spans"]["COO"] == 2  # the CFO and the Head of People; the dotted line is not counted
    assert proposed_report["layers"] == 4  # the S151 officer now sits beneath the COO, internal audit beneath it


def test_emergency_planning_dotted_line_to_the_coo(proposed):
    ep = proposed.posts["EP"]
    assert proposed.groups[ep.group].name == "Assets and Development Group"
    assert ep.reports_to == "AAD-AD" and [d.manager for d in ep.dotted] == ["COO"]
    assert not ep.in_scope


def test_statutory_designations(current, proposed, current_report, proposed_report):
    for structure in (current, proposed):
        assert holders(structure, Designation.HOPS) == ["CEX"]
        assert holders(structure, Designation.S151) == ["FIN"]
        assert holders(structure, Designation.MO) == ["LEGAL"]
    assert current.posts["FIN"].reports_to == "CEX" and proposed.posts["FIN"].reports_to == "COO"
    # "The Head of 3C Legal Services, also the City Council's Monitoring Officer, would be line managed by
    # the Assistant Director."
    assert proposed.posts["LEGAL"].reports_to == "SCIE-AD" and not proposed.posts["LEGAL"].in_scope
    for report in (current_report, proposed_report):
        assert [f for f in report["findings"] if f["severity"] == "error"] == []


# ----- before and after ------------------------------------------------------------------------------


def test_comparison_matches_the_impact_table(current, proposed):
    changes = {c.post: c for c in compare(current, proposed)}
    scoped_before = {p.id for p in in_scope(current)}
    # Section 6.3: two posts slot in (retitled, new line manager), the rest are deleted.
    for kept in ("FIN", "HDA"):
        assert sorted(changes[kept].kinds) == ["moved", "retitled"]
        assert changes[kept].impact.value == "assimilate"
    deleted = {pid for pid in scoped_before if changes[pid].kinds == ["deleted"]}
    assert deleted == scoped_before - {"FIN", "HDA"} and len(deleted) == 11
    assert {pid: changes[pid].impact.value for pid in deleted} == {
        pid: "vacant" if pid == "TRANS" else "at risk" for pid in deleted}
    new = sorted(pid for pid, c in changes.items() if c.kinds == ["new"] and proposed.posts[pid].in_scope)
    assert new == ["AAD-AD", "COO", "DIR-COM", "DIR-CS", "HCS", "HOP", "SCIE-AD"]
    assert all(changes[pid].impact.value == "ring-fence" for pid in new)
    # Out-of-scope posts: "None" (the Head of Legal Services' reporting line changes).
    out = [pid for pid in changes if pid not in scoped_before and pid not in new]
    assert {changes[pid].impact.value for pid in out} <= {"none", "vacant"}
    assert "moved" in changes["LEGAL"].kinds and changes["CEX"].kinds == ["unchanged"]


def test_no_personal_data():
    text = CURRENT.read_text(encoding="utf-8") + PROPOSED.read_text(encoding="utf-8")
    for surname in ("Pollock", "Lewis", "Ryba", "Tully", "Limb", "Bryant", "Kelly", "Wilson", "Elms", "Kaye",
                    "Prinsep", "Carré", "Flowers", "Bradley", "Simpson", "Heather", "Greening", "Esan", "Sagar",
                    "Brennan", "MacDonald"):
        assert not re.search(rf"\b{surname}\b", text), surname
    for structure in (load(CURRENT), load(PROPOSED)):
        assert all(p.postholder is None for p in structure.posts.values())
        assert structure.organisation == "Cambridge City Council"
        assert structure.date
    assert load(CURRENT).scenario == "Current" and load(PROPOSED).scenario == "Proposed"
