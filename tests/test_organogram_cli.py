"""The organogram work through the command line, in-process: the two published snapshots of London
Thames Gateway Development Corporation imported, checked, compared with --match suggest, exported with
--format organogram and --format transparency and read back; accepted matches as one continuing post."""

from __future__ import annotations

import csv
import json

import pytest
from pypdf import PdfReader

from orgdesigner.analysis import Analysis, compare
from orgdesigner.analysis.comparison import UNIT_CHANGED
from orgdesigner.analysis.matching import review_matches
from orgdesigner.editing import decide_match
from orgdesigner.io.organogram import SENIOR_COLUMNS, JUNIOR_COLUMNS, read_organogram
from orgdesigner.io.transparency import transparency_data
from orgdesigner.model import EditRefused, Structure, dumps, load, loads, save
from orgdesigner.pdf.options import PdfOptions
from orgdesigner.pdf.transparency import transparency_pdf

from test_organogram_snapshots import BODY, DATA, figures

SNAPSHOTS = pytest.mark.skipif(not (DATA / f"{BODY}-2011-03-31-senior.csv").is_file(),
                               reason="the published organograms (../shared/data/organograms) are not here")


def senior_file(date: str):
    return DATA / f"{BODY}-{date}-senior.csv"


@pytest.fixture
def imported(run, tmp_path):
    """Both snapshots imported by `orgdesigner import SENIOR.csv -o FILE` (the junior file found beside)."""
    paths = {}
    for date in ("2011-03-31", "2011-09-30"):
        out = tmp_path / f"{date}.orgd"
        ran = run("import", str(senior_file(date)), "-o", str(out), "--on-cost-rate", "0")
        assert ran.returncode == 0, ran.stderr
        assert f"{BODY}-{date}-junior.csv" in ran.stdout and ran.stderr == ""  # no data-quality warnings
        paths[date] = out
    return paths


@SNAPSHOTS
def test_import_recognises_the_pair_and_check_counts_junior_staff_apart(run, imported):
    march = load(imported["2011-03-31"])
    assert len(march.posts) == 8 and march.settings.rule_set == "central-government"
    assert sum(s.fte for p in march.posts.values() for s in p.junior) == pytest.approx(34.2)
    ran = run("check", str(imported["2011-03-31"]))
    assert ran.returncode == 0
    assert "Posts          8 (8 in scope)" in ran.stdout
    # 18.2×44,999.5 + 6×24,999.5 + 10×71,450 = £1,683,487.90, added up from each senior post's junior cost in
    # whole pounds (the rule every cost follows), which comes to a pound more
    assert "Junior staff   34.2 FTE under the posts, £1,683,489" in ran.stdout
    report = json.loads(run("check", str(imported["2011-03-31"]), "--json").stdout)
    assert report["junior_fte"] == 34.2 and report["posts"] == 8


@SNAPSHOTS
def test_junior_file_alone_is_refused_and_warnings_go_to_stderr(run, tmp_path):
    junior = DATA / f"{BODY}-2011-03-31-junior.csv"
    ran = run("import", str(junior), "-o", str(tmp_path / "x.orgd"))
    assert ran.returncode == 2 and "junior file" in ran.stderr and "--junior" in ran.stderr
    # A senior file with a junior row under a post it does not have: a warning, and the import goes on.
    senior = tmp_path / "s.csv"
    senior.write_bytes(senior_file("2011-03-31").read_bytes())
    bad_junior = tmp_path / "j.csv"
    rows = list(csv.reader(junior.read_text(encoding="utf-8").splitlines()))
    rows[1][3] = "NOPE"
    with bad_junior.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    ran = run("import", str(senior), "--junior", str(bad_junior), "-o", str(tmp_path / "y.orgd"))
    assert ran.returncode == 0
    assert "warning: junior file, row 2: reports to senior post 'NOPE'" in ran.stderr
    assert (tmp_path / "y.orgd").is_file()


@SNAPSHOTS
def test_compare_with_suggested_matches(run, imported):
    ran = run("compare", str(imported["2011-03-31"]), str(imported["2011-09-30"]), "--match", "suggest")
    assert ran.returncode == 0
    assert "Suggested matches: none" in ran.stdout  # nothing was renumbered between these two snapshots
    assert "Head of Policy" in ran.stdout and "deleted" in ran.stdout and "moved to another unit" in ran.stdout
    report = json.loads(run("compare", str(imported["2011-03-31"]), str(imported["2011-09-30"]), "--match",
                            "suggest", "--json").stdout)
    assert report["matches"] == []
    deleted = sorted(c["post"] for c in report["changes"] if c["kinds"] == ["deleted"])
    assert deleted == ["LTGDC2", "LTGDC5"]
    plain = json.loads(run("compare", str(imported["2011-03-31"]), str(imported["2011-09-30"]), "--json").stdout)
    assert "matches" not in plain


@SNAPSHOTS
def test_export_organogram_imports_back_to_the_same_figures(run, imported, tmp_path):
    for date, path in imported.items():
        out = tmp_path / f"pub-{date}.csv"
        ran = run("export", str(path), "-o", str(out), "--format", "organogram", "--redact-names")
        assert ran.returncode == 0, ran.stderr
        senior, junior = tmp_path / f"pub-{date}-senior.csv", tmp_path / f"pub-{date}-junior.csv"
        assert "Peter Andrews" not in senior.read_text(encoding="utf-8")
        back = tmp_path / f"back-{date}.orgd"
        assert run("import", str(senior), "-o", str(back)).returncode == 0  # the junior file found beside it
        original, again = figures(load(path)), figures(load(back))
        assert again == original
    ran = run("export", str(imported["2011-03-31"]), "-o", str(tmp_path / "x.xlsx"), "--format", "organogram")
    assert ran.returncode == 2 and "NAME.csv" in ran.stderr


def renumbered() -> tuple[Structure, Structure]:
    """A body that renumbered its references (HO_1 → HO_1v2): the chief kept, the two heads renumbered."""
    def table(rows):
        return [list(SENIOR_COLUMNS)] + [[row.get(h, "") for h in SENIOR_COLUMNS] for row in rows]

    def post(ref, title, boss, grade, floor, unit="Unit A"):
        return {"Post Unique Reference": ref, "Job Title": title, "Reports to Senior Post": boss,
                "Grade (or equivalent)": grade, "Actual Pay Floor (£)": floor,
                "Actual Pay Ceiling (£)": str(int(floor) + 4999), "FTE": "1", "Unit": unit, "Name": "N/D"}

    before = read_organogram(table([post("HO_1", "Director General", "XX", "SCS3", "120000"),
                                    post("HO_2", "Head of Finance", "HO_1", "SCS1", "70000"),
                                    post("HO_3", "Head of Policy", "HO_1", "SCS1", "75000")])).structure
    after = read_organogram(table([post("HO_1", "Director General", "XX", "SCS3", "120000"),
                                   post("HO_2v2", "Head of Finance and Estates", "HO_1", "SCS1", "75000"),
                                   post("HO_3v2", "Head of Policy", "HO_1", "SCS1", "75000", "Unit B")])).structure
    before.scenario, after.scenario = "Before", "After"
    return before, after


def test_accepted_match_is_one_continuing_post_and_is_undoable():
    before, after = renumbered()
    suggested = [(s.before, s.after) for s, decision in review_matches(before, after)]
    assert suggested == [("HO_3", "HO_3v2"), ("HO_2", "HO_2v2")]
    assert {c.post: c.kinds for c in compare(before, after)}["HO_2"] == ["deleted"]
    edit = decide_match(after, "HO_2", "HO_2v2", True)
    edit.apply()
    changes = {c.post: c for c in compare(before, after)}
    finance = changes["HO_2"]
    assert finance.kinds == ["retitled", "regraded"] and finance.after.id == "HO_2v2"
    assert "now HO_2v2, an accepted match" in finance.reason and finance.as_dict()["matched_to"] == "HO_2v2"
    assert "HO_2v2" not in changes  # not also a new post
    assert changes["HO_3"].kinds == ["deleted"] and changes["HO_3v2"].kinds == ["new"]
    assert [(s.before, d) for s, d in review_matches(before, after)] == [("HO_3", None), ("HO_2", True)]
    # Saved only when set, and read back.
    assert '"matches"' in dumps(after) and loads(dumps(after)).proposal.matches == after.proposal.matches
    edit.revert()
    assert after.proposal.matches == [] and '"matches"' not in dumps(after)
    reject = decide_match(after, "HO_3", "HO_3v2", False)
    reject.apply()
    reviewed = review_matches(before, after)
    assert reviewed[-1][0].before == "HO_3" and reviewed[-1][1] is False
    assert {c.post: c.kinds for c in compare(before, after)}["HO_3"] == ["deleted"]
    with pytest.raises(EditRefused, match="still a post"):
        decide_match(after, "HO_1", "HO_3v2", True).apply()


def test_a_renumbered_manager_accepted_as_a_match_is_the_same_manager():
    before, after = renumbered()
    after.update_post("HO_3v2", reports_to="HO_2v2")
    before.update_post("HO_3", reports_to="HO_2")
    decide_match(after, "HO_2", "HO_2v2", True).apply()
    decide_match(after, "HO_3", "HO_3v2", True).apply()
    changes = {c.post: c.kinds for c in compare(before, after)}
    assert changes["HO_3"] == [UNIT_CHANGED]  # same manager (renumbered), another unit: never "moved"


def test_compare_cli_lists_suggestions_with_decisions(run, tmp_path):
    before, after = renumbered()
    decide_match(after, "HO_2", "HO_2v2", True).apply()
    save(before, tmp_path / "before.orgd")
    save(after, tmp_path / "after.orgd")
    ran = run("compare", str(tmp_path / "before.orgd"), str(tmp_path / "after.orgd"), "--match", "suggest")
    assert "Head of Finance (HO_2) → Head of Finance and Estates (HO_2v2)  [accepted]" in ran.stdout
    assert "Head of Policy (HO_3) → Head of Policy (HO_3v2)  [not decided]" in ran.stdout
    assert "same title" in ran.stdout
    report = json.loads(run("compare", str(tmp_path / "before.orgd"), str(tmp_path / "after.orgd"), "--match",
                            "suggest", "--json").stdout)
    assert [(m["before"], m["after"], m["accepted"]) for m in report["matches"]] == [
        ("HO_3", "HO_3v2", None), ("HO_2", "HO_2v2", True)]
    assert 0.5 <= report["matches"][0]["score"] <= 1 and report["matches"][0]["reason"]
    kept = {c["post"]: c for c in report["changes"]}
    assert kept["HO_2"]["matched_to"] == "HO_2v2"


def council() -> Structure:
    """Four levels, a vacancy, an interim, one post paid £150,000 or more named, one whose name is withheld."""
    def post(pid, title, boss=None, salary=None, **extra):
        return {"id": pid, "title": title, "reports_to": boss, "salary": salary, "grade": extra.pop("grade", "CO"),
                "group": extra.pop("group", "g-res"), **extra}

    return Structure.model_validate({
        "name": "Test", "organisation": "Test Council", "date": "2024-04-01",
        "pay_scales": [{"code": "CO", "min": 60000, "max": 180000}],
        "groups": [{"id": "g-res", "name": "Resources"}, {"id": "g-fin", "name": "Finance", "parent": "g-res"}],
        "posts": [
            post("CE", "Chief Executive", salary=182_300, postholder="Ann Chief",
                 custom={"Contact E-mail": "ce@test.gov.uk"}),
            post("DR", "Director of Resources", "CE", 151_000, postholder="Bea Withheld", name_withheld=True),
            post("HF", "Head of Finance", "DR", 98_765, postholder="Cal Finance", status="interim", group="g-fin"),
            post("HV", "Head of Audit", "DR", 70_000, status="vacant", group="g-fin"),
            post("AM", "Accounts Manager", "HF", 52_000, postholder="Dee Deep", group="g-fin"),
            post("OF", "Finance Officer", "AM", 40_000, postholder="Eve Low", group="g-fin"),
        ]})


def test_transparency_data_follows_the_code():
    data = transparency_data(council())
    assert [e.post for e in data.chart] == ["CE", "DR", "HF", "HV"]  # the top three levels only
    chief, finance, vacant = data.chart[0], data.chart[2], data.chart[3]
    assert (chief.bracket, chief.ceiling, chief.contact, chief.employment) == (
        "£180,000 to £184,999", "£180,000", "ce@test.gov.uk", "Permanent")
    assert (finance.department, finance.team, finance.employment, finance.bracket) == (
        "Resources", "Finance", "Temporary", "£95,000 to £99,999")
    assert vacant.vacant and vacant.employment == "Vacant" and [e.post for e in data.vacant] == ["HV"]
    salaries = [(e.bracket, e.title, e.name) for e in data.salaries]
    assert salaries == [("£180,000 to £184,999", "Chief Executive", "Ann Chief"),
                        ("£150,000 to £154,999", "Director of Resources", ""),  # withheld: never named
                        ("£95,000 to £99,999", "Head of Finance", ""),  # under £150,000: not named
                        ("£50,000 to £54,999", "Accounts Manager", "")]
    assert transparency_data(council(), redact_names=True).salaries[0].name == ""


def test_transparency_export_csv_and_pdf_read_back(run, tmp_path):
    path = tmp_path / "council.orgd"
    save(council(), path)
    ran = run("export", str(path), "-o", str(tmp_path / "tc.csv"), "--format", "transparency")
    assert ran.returncode == 0, ran.stderr
    chart = list(csv.DictReader((tmp_path / "tc-organisation-chart.csv").open(encoding="utf-8")))
    assert [r["Job title"] for r in chart] == ["Chief Executive", "Director of Resources", "Head of Finance",
                                               "Head of Audit"]
    assert chart[2]["Permanent or temporary"] == "Temporary" and chart[3]["Vacant"] == "Yes"
    assert chart[0]["Salary bracket"] == "£180,000 to £184,999" and chart[0]["Grade salary ceiling"] == "£180,000"
    salaries = list(csv.DictReader((tmp_path / "tc-senior-salaries.csv").open(encoding="utf-8")))
    assert [r["Name"] for r in salaries] == ["Ann Chief", "", "", ""]
    assert "Bea Withheld" not in (tmp_path / "tc-senior-salaries.csv").read_text(encoding="utf-8")
    ran = run("export", str(path), "-o", str(tmp_path / "tc.pdf"), "--format", "transparency")
    assert ran.returncode == 0, ran.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "tc.pdf").pages)
    for expected in ("Transparency Code", "Senior salaries", "Vacant posts", "Head of Audit", "£180,000 to £184,999",
                     "Temporary", "Ann Chief", "ce@test.gov.uk"):
        assert expected in text
    assert "Bea Withheld" not in text and "Finance Officer" not in text and "Eve Low" not in text
    redacted = transparency_pdf(council(), PdfOptions(redact_names=True))
    assert b"Ann Chief" not in redacted
    assert run("export", str(path), "-o", str(tmp_path / "tc.xlsx"), "--format", "transparency").returncode == 2
