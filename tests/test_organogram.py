"""The organogram format row by row: tops, undisclosed pay and names, job shares, units, junior staff,
the data-quality report, rule sets by sector, and suggested pairs for renumbered posts."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from orgdesigner.analysis import Analysis, RuleSet, check_report
from orgdesigner.analysis.matching import suggest_matches
from orgdesigner.presentation.chartstyle import cost_line
from orgdesigner.io.establishment import ImportFailed
from orgdesigner.io.organogram import (JUNIOR_COLUMNS, SENIOR_COLUMNS, import_organogram, junior_rows,
                                       read_organogram, senior_rows)
from orgdesigner.model import Post, PostStatus, Settings, Structure, dumps, loads

from conftest import make_structure


def senior(*rows: dict[str, str]) -> list[list[str]]:
    """A senior file: each row gives some columns by their published header."""
    table = [list(SENIOR_COLUMNS)]
    for row in rows:
        table.append([row.get(header, "") for header in SENIOR_COLUMNS])
    return table


def junior(*rows: dict[str, str]) -> list[list[str]]:
    table = [list(JUNIOR_COLUMNS)]
    for row in rows:
        table.append([row.get(header, "") for header in JUNIOR_COLUMNS])
    return table


def post(ref: str, title: str, boss: str = "XX", name: str = "A Person", floor: str = "60000",
         ceiling: str = "64999", fte: str = "1", unit: str = "Unit A", org: str = "Body", dept: str = "Dept",
         grade: str = "SCS1") -> dict[str, str]:
    return {"Post Unique Reference": ref, "Job Title": title, "Reports to Senior Post": boss, "Name": name,
            "Actual Pay Floor (£)": floor, "Actual Pay Ceiling (£)": ceiling, "FTE": fte, "Unit": unit,
            "Organisation": org, "Parent Department": dept, "Grade (or equivalent)": grade}


def messages(result) -> list[str]:
    return [str(w) for w in result.warnings]


def test_undisclosed_pay_blank_and_zero_are_not_costed_and_never_zero():
    result = read_organogram(senior(post("P1", "Chief Executive", floor="N/D", ceiling="N/D"),
                                    post("P2", "Director A", "P1", floor="", ceiling=""),
                                    post("P3", "Director B", "P1", floor="0", ceiling="0"),
                                    post("P4", "Director C", "P1")))
    structure = result.structure
    assert [p.pay_withheld for p in structure.posts.values()] == [True, True, True, False]
    analysis = Analysis(structure)
    assert analysis.totals().gross == 64_999 and analysis.totals().pay_withheld == 3
    assert check_report(structure, analysis)["pay_not_disclosed"] == 3
    flagged = [f for f in analysis.findings() if f.rule == "pay-not-disclosed"]
    assert [f.posts for f in flagged] == [("P1",), ("P2",), ("P3",)]
    assert "pay not disclosed" in flagged[0].message and "£0" not in flagged[0].message
    assert cost_line(structure.posts["P1"], 0.0, 0.0) == "Pay not disclosed"  # what a card says, never £0
    rows = senior_rows(structure)
    assert rows[1][13:15] == ["N/D", "N/D"] and rows[4][13:15] == ["60000", "64999"]


def test_vacant_withheld_names_and_a_job_share():
    result = read_organogram(senior(post("P1", "Chief Executive"),
                                    post("P2", "Director", "P1", name="Vacant"),
                                    post("P3", "Head of Policy", "P1", name="N/D"),
                                    post("P4", "Head of Data", "P1", name="Ann Smith", fte="0.6"),
                                    post("P4", "Head of Data", "P1", name="Bo Jones", fte="0.4")))
    posts = result.structure.posts
    assert posts["P2"].status is PostStatus.VACANT and posts["P2"].postholder is None
    assert posts["P3"].name_withheld and posts["P3"].postholder is None
    share = posts["P4"]
    assert share.status is PostStatus.JOB_SHARE and share.fte == 1.0
    assert (share.postholder, share.co_holders) == ("Ann Smith", ["Bo Jones"])
    assert len(posts) == 4 and result.warnings == []
    back = read_organogram(senior_rows(result.structure)).structure.posts["P4"]
    assert (back.fte, back.postholder, back.co_holders, back.status) == (1.0, "Ann Smith", ["Bo Jones"],
                                                                       PostStatus.JOB_SHARE)


def test_data_quality_warnings_do_not_stop_the_import():
    result = read_organogram(
        senior(post("P1", "Chief Executive"),
               post("P2", "Second top", name="B"),
               post("P9", "Board", fte="0", name="N/D"),
               post("P3", "Director", "P1"),
               post("P3", "Director", "P1"),  # the same row twice
               post("P4", "Head", "P1", floor="70000", ceiling="90000"),
               post("P5", "Lost", "NOPE")),
        junior({"Reporting Senior Post": "P3", "Grade": "EO", "Number of Posts in FTE": "2",
                "Payscale Minimum (£)": "25000", "Payscale Maximum (£)": "30000"},
               {"Reporting Senior Post": "GHOST", "Grade": "EO", "Number of Posts in FTE": "3"}))
    found = messages(result)
    assert "senior file, row 6: repeats row 5 exactly (reference 'P3'); counted once" in found
    assert any("row 7" in m and "wider than the £5,000 band" in m for m in found)
    assert any("row 8" in m and "'NOPE', which is not a post in the file" in m for m in found)
    assert any(m.startswith("senior file: 4 top posts: P1 (row 2), P2 (row 3), P9 (row 4), P5 (row 8)")
               for m in found)
    assert any("row 4" in m and "placeholder" in m for m in found)
    assert "junior file, row 3: reports to senior post 'GHOST', which is not in the senior file; the row is left out" \
        in found
    structure = result.structure
    assert structure.posts["P3"].fte == 1.0 and len(structure.posts) == 6
    analysis = Analysis(structure)
    report = check_report(structure, analysis)
    assert report["junior_fte"] == 2 and report["junior_cost"] == 55_000
    assert report["posts"] == 6  # junior staff are never posts, nor in spans or layers
    assert analysis.span("P3") == 0 and analysis.layers() == 2


def test_junior_cost_takes_the_on_cost_rate_and_is_apart_from_the_senior_cost():
    result = read_organogram(senior(post("P1", "Chief Executive")),
                             junior({"Reporting Senior Post": "P1", "Grade": "EO", "Number of Posts in FTE": "2.5",
                                     "Payscale Minimum (£)": "20000", "Payscale Maximum (£)": "30000"},
                                    {"Reporting Senior Post": "P1", "Grade": "AO", "Number of Posts in FTE": "1",
                                     "Payscale Minimum (£)": "N/D", "Payscale Maximum (£)": "N/D"}))
    structure = result.structure
    structure.update_settings(on_cost_rate=0.3)
    totals = Analysis(structure).totals()
    assert totals.junior_fte == 3.5 and totals.junior_cost == pytest.approx(25_000 * 2.5 * 1.3)
    assert totals.gross == 84_499 and totals.posts == 1  # 64,999 × 1.3 = 84,498.70, in whole pounds


def test_units_nest_under_organisation_and_department_when_the_file_spans_several():
    structure = read_organogram(senior(post("P1", "Permanent Secretary", org="Home Office", dept="Home Office"),
                                       post("P2", "Chief Executive", "P1", org="Passport Office", dept="Home Office",
                                            unit="Executive"),
                                       post("P3", "Director", "P1", org="Home Office", dept="Home Office",
                                            unit="Executive"))).structure
    by_name = {(g.name, structure.groups[g.parent].name if g.parent else None) for g in structure.groups.values()}
    assert by_name == {("Home Office", None), ("Unit A", "Home Office"), ("Executive", "Passport Office"),
                       ("Passport Office", None), ("Executive", "Home Office")}
    single = read_organogram(senior(post("P1", "Chief Executive"), post("P2", "Director", "P1", unit="Unit B")))
    assert {g.parent for g in single.structure.groups.values()} == {None}


def test_a_file_that_is_not_an_organogram_is_refused_with_a_clear_message():
    with pytest.raises(ImportFailed, match="not an organogram senior file"):
        read_organogram([["post_id", "title"], ["A", "B"]])
    with pytest.raises(ImportFailed, match="this is an organogram senior file, not a junior file"):
        read_organogram(senior(post("P1", "Chief Executive")), senior(post("P1", "Chief Executive")))


def test_junior_file_is_found_beside_a_senior_one(tmp_path):
    from orgdesigner.io.organogram import junior_beside
    (tmp_path / "body-2020-senior.csv").write_text("x")
    assert junior_beside(tmp_path / "body-2020-senior.csv") is None
    (tmp_path / "body-2020-junior.csv").write_text("x")
    assert junior_beside(tmp_path / "body-2020-senior.csv") == tmp_path / "body-2020-junior.csv"


def test_import_from_files_uses_the_date_in_the_name(tmp_path):
    path = tmp_path / "body-2024-09-30-senior.csv"
    import csv
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(senior(post("P1", "Chief Executive")))
    structure = import_organogram(path).structure
    assert structure.date == "2024-09-30" and structure.organisation == "Body"


def test_new_post_fields_are_saved_only_when_set_and_validated():
    plain = dumps(make_structure())
    assert "pay_band" not in plain and "junior" not in plain and "rule_set" not in plain
    structure = read_organogram(senior(post("P1", "Chief Executive", name="N/D")),
                                junior({"Reporting Senior Post": "P1", "Grade": "EO",
                                        "Number of Posts in FTE": "2"})).structure
    again = loads(dumps(structure))
    assert again.posts["P1"] == structure.posts["P1"] and again.settings.rule_set == "central-government"
    with pytest.raises(ValidationError, match="pay is not disclosed has no salary"):
        Post(id="X", title="T", pay_withheld=True, salary=1000)
    with pytest.raises(ValidationError, match="floor 70,000 is above its ceiling"):
        Post(id="X", title="T", pay_band={"floor": 70000, "ceiling": 60000})
    with pytest.raises(ValidationError, match="minimum 30,000 is above its maximum"):
        Post(id="X", title="T", junior=[{"grade": "EO", "fte": 1, "pay_min": 30000, "pay_max": 20000}])


def test_rule_sets_by_sector():
    council = RuleSet.for_settings(Settings())
    central = RuleSet.for_settings(Settings(rule_set="central-government"))
    assert council.active("statutory-missing") and not central.active("statutory-missing")
    assert not central.active("hops-is-mo") and not central.active("statutory-duplicate")
    assert council.rules["pay-over-threshold"].params["threshold"] == 100_000
    assert central.rules["pay-over-threshold"].params["threshold"] == 174_000
    assert {"SCS1", "SCS2", "SCS3", "SCS4"} <= set(central.pay_scales) and not council.pay_scales
    with pytest.raises(ValueError, match="unknown rule set 'nowhere'"):
        RuleSet.for_settings(Settings(rule_set="nowhere"))


def test_central_government_words_pay_in_its_own_terms_and_knows_scs_grades():
    structure = Structure.model_validate({"settings": {"rule_set": "central-government"}, "posts": [
        {"id": "PS", "title": "Permanent Secretary", "grade": "SCS4", "pay_band": {"floor": 180000, "ceiling": 184999}},
        {"id": "DG", "title": "Director General", "grade": "SCS3", "reports_to": "PS"},
        {"id": "DD", "title": "Deputy Director", "grade": "SCS1", "reports_to": "DG"}]})
    analysis = Analysis(structure)
    rules = {f.rule for f in analysis.findings()}
    assert "unknown-grade" not in rules and "statutory-missing" not in rules
    over = {f.posts[0]: f for f in analysis.findings() if f.rule == "pay-over-threshold"}
    assert set(over) == {"PS", "DG"}  # DG at the SCS3 maximum, £208,100; DD's £117,800 is under £174,000
    assert "£184,999, over £174,000" in over["PS"].message
    assert "Chief Secretary to the Treasury" in over["PS"].message and "full council" not in over["PS"].message
    assert analysis.cost("DD").gross == 117_800
    council = structure.model_copy(deep=True)
    council.update_settings(rule_set=None)
    assert "unknown-grade" in {f.rule for f in Analysis(council).findings()}


def test_suggested_pairs_for_renumbered_posts():
    def body(suffix: str, unit: str = "Corporate"):
        return Structure.model_validate({
            "groups": [{"id": "g", "name": unit}],
            "posts": [
                {"id": f"PS{suffix}", "title": "Permanent Secretary", "grade": "SCS4"},
                {"id": f"FD{suffix}", "title": "Finance Director", "grade": "SCS2", "reports_to": f"PS{suffix}",
                 "group": "g"},
                {"id": f"HR{suffix}", "title": "HR Director", "grade": "SCS2", "reports_to": f"PS{suffix}",
                 "group": "g"}]})
    before, after = body(""), body("v2")
    after.update_post("FDv2", title="Director of Finance")
    pairs = {(s.before, s.after): s for s in suggest_matches(before, after)}
    assert set(pairs) == {("PS", "PSv2"), ("HR", "HRv2"), ("FD", "FDv2")}
    assert pairs[("HR", "HRv2")].score == pytest.approx(0.96)  # all alike; the manager by title only
    assert "same title" in pairs[("HR", "HRv2")].reason
    assert "a line manager of the same title" in pairs[("HR", "HRv2")].reason
    assert pairs[("FD", "FDv2")].score < pairs[("HR", "HRv2")].score
    assert "title" in pairs[("FD", "FDv2")].reason and "alike" in pairs[("FD", "FDv2")].reason
    assert [s.before for s in suggest_matches(before, after)][0] != "FD"  # best pairs first


def test_junior_rows_are_one_row_per_entry_under_their_senior_post():
    structure = read_organogram(senior(post("P1", "Chief Executive")),
                                junior({"Reporting Senior Post": "P1", "Grade": "EO", "Number of Posts in FTE": "2",
                                        "Unit": "Elsewhere"})).structure
    rows = junior_rows(structure)
    assert rows[0] == list(JUNIOR_COLUMNS)
    assert rows[1] == ["Dept", "Body", "Elsewhere", "P1", "EO", "", "", "", "2", ""]
