"""The Derbyshire, Peterborough & Cambridgeshire and Cumbria samples hold what their documents say.

Sources (shared/seeds/):
- 003_...: Derbyshire County Council, Council 15 September 2021, "Senior Officer Operating Model".
  A Managing Director (Head of Paid Service, Grade 21, £161,000 to £175,929 excluding on-costs) line
  manages four Executive Directors (Children's Services; Adult Social Care and Health; Place; Corporate
  Services and Transformation, grade 20). In the interim model an Executive Director (Commissioning,
  Communities and Policy, acting as Managing Executive Director) holds the Head of Paid Service
  designation, which moves to the new post. The pay review costs £82,780 one-off. Appendix 4 benchmarks
  chief-executive pay against 38 councils, averaging £180,744 (local councils), £183,727 (county councils),
  £188,817 (comparable functions), £180,178 (population 600-900K) and £181,517 (all).
- 004_...: Peterborough City Council, Employment Committee 16 June 2017, "Shared Management
  Proposals". One Executive Director and the Service Directors shared with Cambridgeshire County
  Council, funded 50:50; Peterborough saves £200k. Cambridgeshire keeps its interim for Children's Services (7.9).
- 002_...: Cumbria County Council, 20 May 2022, "Executive Director Corporate, Customer & Community
  Services Succession Plan". The Executive Director post is vacant; four Assistant Directors take its
  lead responsibilities; the S151 officer and the Chief Legal Officer (Monitoring Officer & Returning
  Officer) keep their roles and report directly to the Chief Executive. Two tables share the Executive
  Director's lead responsibilities, portfolio briefings, meetings and delegations among the Assistant
  Directors; a monthly rota with a buddy runs for nine months to the end of March 2023.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from conftest import SAMPLES
from orgdesigner.analysis import Analysis, compare, post_cost
from orgdesigner.analysis.benchmark import ALL, all_stats, post_position
from orgdesigner.analysis.organisations import cost_by_organisation
from orgdesigner.analysis.report import check_report
from orgdesigner.cli import main
from orgdesigner.model import Designation, ResponsibilityCategory, load

INTERIM = SAMPLES / "derbyshire-2021-interim.orgd"
MANAGING_DIRECTOR = SAMPLES / "derbyshire-2021-managing-director.orgd"
PETERBOROUGH = SAMPLES / "peterborough-cambridgeshire-2017-shared.orgd"
CUMBRIA = SAMPLES / "cumbria-2022-distributed-leadership.orgd"
ALL_FILES = [INTERIM, MANAGING_DIRECTOR, PETERBOROUGH, CUMBRIA]

CCC = "Cambridgeshire County Council"

FOUR_EXECUTIVE_DIRECTORS = {
    "Executive Director for Children's Services",
    "Executive Director for Adult Social Care and Health",
    "Executive Director for Place",
    "Executive Director for Corporate Services and Transformation",
}


def holders(structure, designation: Designation) -> list[str]:
    return sorted(p.id for p in structure.posts.values() if designation in p.designations)


def errors(report) -> list[dict]:
    return [f for f in report["findings"] if f["severity"] == "error"]


def rules_for(report, post_id: str) -> set[str]:
    return {f["rule"] for f in report["findings"] if post_id in f["posts"]}


@pytest.fixture(scope="module")
def interim():
    return load(INTERIM)


@pytest.fixture(scope="module")
def md_model():
    return load(MANAGING_DIRECTOR)


@pytest.fixture(scope="module")
def peterborough():
    return load(PETERBOROUGH)


@pytest.fixture(scope="module")
def cumbria():
    return load(CUMBRIA)


# ----- all four files ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.stem)
def test_no_personal_data_and_a_cited_source(path):
    structure = load(path)
    assert all(p.postholder is None for p in structure.posts.values())
    assert structure.organisation and structure.date and structure.scenario
    assert "Source:" in structure.description
    report = check_report(structure)
    assert errors(report) == [], errors(report)


# ----- Derbyshire 2021: the Managing Director model -------------------------------------------------


def test_managing_director_is_head_of_paid_service_on_grade_21(md_model):
    md = md_model.posts["MD"]
    assert md.title == "Managing Director (Head of Paid Service)"
    assert holders(md_model, Designation.HOPS) == ["MD"]
    assert md.grade == "21" and md.tier == "1" and md.reports_to is None
    scale = md_model.pay_scales["21"]
    assert (scale.min, scale.max) == (161_000, 175_929)
    assert md.status.value == "vacant"  # a new post, recruited to after the report


def test_managing_director_line_manages_the_four_executive_directors(md_model):
    report = check_report(md_model)
    assert report["spans"]["MD"] == 4
    reports = {md_model.posts[p].title for p in md_model.reports_of("MD")}
    assert reports == FOUR_EXECUTIVE_DIRECTORS
    for post_id in md_model.reports_of("MD"):
        assert md_model.posts[post_id].grade == "20" and md_model.posts[post_id].tier == "2"
    assert report["layers"] == 3 and report["max_span"] == 4


def test_only_the_grade_21_figures_are_costed(md_model):
    # The report gives a pay range for grade 21 only, excluding on-costs; nothing else is invented.
    report = check_report(md_model)
    assert md_model.settings.on_cost_rate == 0 and md_model.settings.cost_basis.value == "top"
    assert report["cost"]["gross"] == report["cost"]["net"] == 175_929
    assert report["cost"]["by_tier"]["1"] == 175_929
    assert set(md_model.pay_scales) == {"21"}
    assert all(p.salary is None for p in md_model.posts.values())
    assert "pay-over-threshold" in rules_for(report, "MD")  # over £100,000: full council votes
    assert "unknown-grade" in rules_for(report, "ED-CS")    # grade 20 has no figures in the report
    assert [c.amount for c in md_model.proposal.one_off_costs] == [82_780]


def test_statutory_officers_in_the_managing_director_model(md_model):
    assert holders(md_model, Designation.MO) == ["DIR-LDS"]
    assert holders(md_model, Designation.S151) == ["DIR-FIN"]
    assert md_model.posts["DIR-LDS"].title == "Director of Legal & Democratic Services"
    assert md_model.posts["DIR-FIN"].title == "Director of Finance and ICT"
    assert not set(holders(md_model, Designation.HOPS)) & set(holders(md_model, Designation.MO))


# ----- Derbyshire 2021: the interim model and the change -------------------------------------------


def test_interim_head_of_paid_service_is_an_executive_director(interim):
    assert holders(interim, Designation.HOPS) == ["ED-CORP"]
    med = interim.posts["ED-CORP"]
    assert med.title.startswith("Executive Director Commissioning, Communities and Policy")
    assert "Managing Executive Director" in med.title
    assert med.grade == "20"
    assert "MD" not in interim.posts and not any(p.grade == "21" for p in interim.posts.values())
    executive_directors = [p for p in interim.posts.values() if p.title.startswith("Executive Director")]
    assert len(executive_directors) == 4 and all(p.grade == "20" for p in executive_directors)


def test_interim_executive_directors_are_equals_not_line_reports(interim):
    # First amongst equals: the report does not make the MED the other Executive Directors' line manager.
    report = check_report(interim)
    assert report["spans"]["ED-CORP"] == 3  # the corporate directors
    for post_id in ("ED-CS", "ED-ASCH", "ED-PLACE"):
        post = interim.posts[post_id]
        assert post.reports_to is None
        assert [d.manager for d in post.dotted] == ["ED-CORP"]
        assert "no-manager" in rules_for(report, post_id)
    assert report["cost"]["gross"] == 0  # no pay figures for grade 20 or the Directors' grades


def test_head_of_paid_service_moves_from_the_executive_director_to_the_new_post(interim, md_model):
    assert set(interim.posts) == set(md_model.posts) - {"MD"}  # the same post keeps the same id
    assert Designation.HOPS in interim.posts["ED-CORP"].designations
    assert Designation.HOPS not in md_model.posts["ED-CORP"].designations
    assert interim.posts["ED-CORP"].grade == md_model.posts["ED-CORP"].grade == "20"  # no change to pay
    changes = {c.post: c for c in compare(interim, md_model)}
    assert changes["MD"].kinds == ["new"]
    assert changes["ED-CORP"].kinds == ["retitled", "moved", "tier changed"]
    assert changes["ED-CORP"].after.title == "Executive Director for Corporate Services and Transformation"
    for post_id in ("ED-CS", "ED-ASCH", "ED-PLACE"):
        assert changes[post_id].kinds == ["moved"]
    # "no current role holder being placed at risk of redundancy"
    assert all(c.impact.value != "at risk" for c in changes.values())


# ----- Peterborough & Cambridgeshire 2017 -----------------------------------------------------------


def test_shared_executive_director_and_service_directors(peterborough):
    assert peterborough.organisation == "Peterborough City Council"
    shared = {p.id for p in peterborough.posts.values() if p.funding}
    assert shared == {"ED", "SD-CHILD", "SD-EDU", "SD-ADULTS", "SD-COMMS", "SD-COMM"}
    for post_id in shared:
        post = peterborough.posts[post_id]
        assert post.funding == {CCC: 0.5}
        assert post.status.value == "shared"
    service_directors = sorted(p.title for p in peterborough.posts.values() if p.title.startswith("Service Director"))
    assert service_directors == [
        "Service Director, Adults",
        "Service Director, Children and Safeguarding",
        "Service Director, Commissioning",
        "Service Director, Community and Safety",
        "Service Director, Education",
    ]
    report = check_report(peterborough)
    assert report["spans"]["ED"] == 5
    assert peterborough.posts["ED"].reports_to == "CEX"
    assert holders(peterborough, Designation.HOPS) == ["CEX"]
    assert "£200k" in peterborough.description and "nine" in peterborough.description


def test_no_pay_figures_are_invented(peterborough):
    report = check_report(peterborough)
    assert report["cost"]["gross"] == report["cost"]["net"] == 0
    assert all(p.salary is None and p.grade is None for p in peterborough.posts.values())


def test_shared_posts_cost_peterborough_half():
    # The report gives no salaries, so price every post at £100,000 to see the funding split at work.
    priced = load(PETERBOROUGH)
    for post_id in priced.posts:
        priced.update_post(post_id, salary=100_000)
    for post_id in ("ED", "SD-CHILD", "SD-EDU", "SD-ADULTS", "SD-COMMS", "SD-COMM"):
        cost = post_cost(priced.posts[post_id], priced.pay_scales, priced.settings)
        assert cost.gross == 100_000 and cost.net == pytest.approx(cost.gross / 2)
    report = check_report(priced)
    assert report["cost"]["gross"] == 700_000
    # The Chief Executive has no funding split in the report, so Peterborough pays it in full here.
    assert report["cost"]["net"] == pytest.approx(100_000 + 6 * 50_000)
    assert report["cost"]["by_group"]["People and Communities"] == pytest.approx(300_000)
    assert report["cost"]["by_tier"]["3"] == pytest.approx(250_000)
    # Cambridgeshire's context post is priced too, but counts for nobody
    assert cost_by_organisation(priced) == pytest.approx({"Peterborough City Council": 400_000, CCC: 300_000})


def test_cambridgeshires_interim_is_shown_as_partner_context(peterborough):
    post = peterborough.posts["CCC-CS"]
    assert post.context == CCC and post.reports_to == "ED" and post.status.value == "interim"
    report = check_report(peterborough)
    assert report["posts"] == len(peterborough.posts) - 1 == 7
    assert report["spans"]["ED"] == 5 and report["layers"] == 3
    assert not [f for f in report["findings"] if "CCC-CS" in f["posts"]]


# ----- Cumbria 2022 ---------------------------------------------------------------------------------


def test_executive_director_post_is_vacant_with_four_assistant_directors(cumbria):
    report = check_report(cumbria)
    ed = cumbria.posts["ED-CCCS"]
    assert ed.title == "Executive Director Corporate, Customer & Community Services"
    assert ed.status.value == "vacant" and ed.tier == "2" and ed.reports_to == "CEX"
    assert report["vacant_posts"] == 1
    assistant_directors = sorted(cumbria.reports_of("ED-CCCS"))
    assert len(assistant_directors) == 4 and report["spans"]["ED-CCCS"] == 4
    for post_id in assistant_directors:
        post = cumbria.posts[post_id]
        assert post.title.startswith("Assistant Director") and post.status.value == "filled"
        assert "single point of contact" in post.notes
    assert holders(cumbria, Designation.SIRO)[0] in assistant_directors        # new SIRO arrangement
    assert holders(cumbria, Designation.PROPER_OFFICER)[0] in assistant_directors  # registration
    assert report["cost"]["gross"] == 0  # the paper gives no pay figures


def test_statutory_officers_stay_and_report_to_the_chief_executive(cumbria):
    assert holders(cumbria, Designation.S151) == ["DIR-FIN"]
    assert holders(cumbria, Designation.MO) == holders(cumbria, Designation.RO) == ["CLO"]
    for post_id in ("DIR-FIN", "CLO"):
        assert cumbria.posts[post_id].reports_to == "CEX"
        assert cumbria.posts[post_id].status.value == "filled"
    assert holders(cumbria, Designation.HOPS) == ["CEX"]
    assert check_report(cumbria)["spans"]["CEX"] == 3


LEAD, BRIEFING = ResponsibilityCategory.LEAD, ResponsibilityCategory.BRIEFING
MEETING, DELEGATION = ResponsibilityCategory.MEETING, ResponsibilityCategory.DELEGATION
ASSISTANT_DIRECTORS = ["AD-SCPC", "AD-ICT", "AD-CUST", "AD-PEOPLE"]  # the paper's columns, in order


def test_the_executive_directors_responsibilities_are_shared_as_the_tables_say(cumbria):
    held = Counter((r.post, r.category) for r in cumbria.responsibilities)
    assert held == {
        # county council and LGR lead responsibilities, briefings, meetings, delegations, column by column
        ("AD-SCPC", LEAD): 4 + 2, ("AD-SCPC", BRIEFING): 4, ("AD-SCPC", MEETING): 2, ("AD-SCPC", DELEGATION): 4,
        ("AD-ICT", LEAD): 5 + 3, ("AD-ICT", BRIEFING): 2, ("AD-ICT", MEETING): 3, ("AD-ICT", DELEGATION): 1,
        ("AD-CUST", LEAD): 4 + 2, ("AD-CUST", BRIEFING): 3, ("AD-CUST", MEETING): 4, ("AD-CUST", DELEGATION): 1,
        ("AD-PEOPLE", LEAD): 4 + 2, ("AD-PEOPLE", BRIEFING): 2, ("AD-PEOPLE", MEETING): 1,
        ("AD-PEOPLE", DELEGATION): 4,
        ("CEX", LEAD): 1, ("DIR-FIN", LEAD): 1,  # Returning Officer duties; Audit and Assurance Committee
    }
    by_name = {r.name: r for r in cumbria.responsibilities}
    assert by_name["SIRO"].post == "AD-ICT" and "New arrangement" in by_name["SIRO"].notes
    assert by_name["HRO1s"].post == "AD-PEOPLE" and by_name["HRO1s"].category is DELEGATION
    assert by_name["Audit and Assurance Committee"].post == "DIR-FIN"
    assert by_name["Returning Officer responsibilities"].post == "CEX"
    assert not [r for r in cumbria.responsibilities if r.post == "ED-CCCS"]  # nothing left with the vacancy
    assert not [f for f in check_report(cumbria)["findings"] if f["rule"].startswith("responsibility-")]


def test_handing_a_responsibility_back_to_the_vacant_executive_director_is_flagged():
    structure = load(CUMBRIA)
    live = Analysis(structure)
    structure.subscribe(live.apply)
    structure.update_responsibility(next(r.id for r in structure.responsibilities if r.name == "Key decisions"),
                                    post="ED-CCCS")
    [finding] = [f for f in live.findings() if f.rule == "responsibility-vacant"]
    assert finding.posts == ("ED-CCCS",) and "'Key decisions'" in finding.message


def test_the_nine_month_rota_to_the_end_of_march_2023(cumbria, capsys):
    rota = cumbria.rota
    assert rota.posts == ASSISTANT_DIRECTORS and "DMT chair" in rota.duties and "Full Council" in rota.duties
    assert [m.month for m in rota.months] == ["2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12",
                                              "2023-01", "2023-02", "2023-03"]
    leads = Counter(m.lead for m in rota.months)
    assert set(leads) == set(ASSISTANT_DIRECTORS) and max(leads.values()) - min(leads.values()) <= 1
    assert all(m.lead != m.buddy and m.buddy in ASSISTANT_DIRECTORS for m in rota.months)
    assert not [f for f in check_report(cumbria)["findings"] if f["rule"].startswith("rota-")]
    assert main(["rota", str(CUMBRIA), "--months", "9", "--json"]) == 0  # regenerating gives the same rota
    assert json.loads(capsys.readouterr().out) == [m.model_dump() for m in rota.months]


# ----- Derbyshire 2021: Appendix 4, pay benchmarking ------------------------------------------------

DERBYSHIRE_AVERAGES = {
    "Local Councils": 180_744,
    "County Councils": 183_727,
    "Councils with Comparable Functions": 188_817,
    "Population 600-900K": 180_178,
    ALL: 181_517,
}


def test_benchmark_averages_by_category_come_out_as_the_document_states(md_model):
    benchmark = md_model.benchmark
    assert len(benchmark.comparators) == 38 and benchmark.role == "Chief Executive (or equivalent) pay"
    stats = all_stats(benchmark)
    assert {s.category: round(s.mean) for s in stats} == DERBYSHIRE_AVERAGES
    assert [s.count for s in stats] == [16, 28, 13, 10, 38]
    assert "£180,744" not in md_model.description  # the data carries the averages now


def test_comparators_are_the_appendix_rows(md_model):
    rows = {c.council: c for c in md_model.benchmark.comparators}
    hampshire = rows["Hampshire County Council"]
    assert (hampshire.pay, hampshire.population) == (224_929, 1_882_340)
    assert hampshire.categories == ["County Councils", "Councils with Comparable Functions"]
    assert rows["Nottingham City"].categories == ["Local Councils"] and rows["Nottingham City"].pay == 175_000
    assert rows["Leicestershire County Council"].categories == [
        "Local Councils", "County Councils", "Councils with Comparable Functions", "Population 600-900K"]
    for comparator in rows.values():  # the population category is what the residents say
        in_band = 600_000 <= comparator.population <= 900_000
        assert ("Population 600-900K" in comparator.categories) == in_band, comparator.council


def test_managing_director_pay_is_below_the_mean_of_comparable_roles(md_model, capsys):
    # report 2.11: the scale positions the Council "below the mean when considering comparable roles"
    benchmark = md_model.benchmark
    assert benchmark.post == "MD" and benchmark.category == "Councils with Comparable Functions"
    position = post_position(md_model, benchmark, "MD", benchmark.category)
    assert (position.pay, position.pay_bottom) == (175_929, 161_000)
    assert round(position.vs_mean) == 175_929 - 188_817
    assert main(["benchmark", str(MANAGING_DIRECTOR), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {c["category"]: round(c["mean"]) for c in report["categories"]} == DERBYSHIRE_AVERAGES
    assert report["post"]["post"] == "MD" and report["post"]["vs_mean"] < 0

