"""The two published snapshots of London Thames Gateway Development Corporation (../shared/data/organograms):
imported with no hand editing, compared, and exported back to files that import to the same figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesigner.analysis import Analysis, check_report, compare
from orgdesigner.analysis.comparison import UNIT_CHANGED
from orgdesigner.io.organogram import import_organogram, junior_beside, write_organogram
from orgdesigner.model import CostBasis, PostStatus

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "organograms"
BODY = "london_thames_gateway_development_corporation"
pytestmark = pytest.mark.skipif(not (DATA / f"{BODY}-2011-03-31-senior.csv").is_file(),
                                reason="the published organograms (../shared/data/organograms) are not here")


def snapshot(date: str):
    senior = DATA / f"{BODY}-{date}-senior.csv"
    return import_organogram(senior, junior_beside(senior))


@pytest.fixture(scope="module")
def march():
    return snapshot("2011-03-31")


@pytest.fixture(scope="module")
def september():
    return snapshot("2011-09-30")


def figures(structure):
    analysis = Analysis(structure)
    report = check_report(structure, analysis)
    bands = [p.pay_band for p in structure.posts.values() if p.pay_band is not None]
    return {
        "posts": report["posts"], "fte": report["fte"], "junior_fte": report["junior_fte"],
        "junior_cost": report["junior_cost"], "tops": sorted(p.id for p in structure.posts.values() if p.reports_to is None),
        "layers": report["layers"], "spans": report["spans"], "gross": report["cost"]["gross"],
        "floors": sum(b.floor for b in bands), "ceilings": sum(b.ceiling for b in bands),
        "pay_not_disclosed": report["pay_not_disclosed"], "findings": report["findings"],
    }


def test_march_imports_with_the_bodys_figures(march):
    structure = march.structure
    assert march.warnings == []
    assert structure.organisation == "London Thames Gateway Development Corporation"
    assert structure.date == "2011-03-31" and structure.settings.rule_set == "central-government"
    found = figures(structure)
    assert found["posts"] == 8 and found["fte"] == 8.0
    assert found["junior_fte"] == 34.2  # 6.2 + 1 + 3 + 7 + 5 + 1 + 1 + 8 + 2
    assert found["tops"] == ["LTGDC1"] and found["layers"] == 2 and found["spans"] == {"LTGDC1": 7}
    assert found["floors"] == 760_000 and found["ceilings"] == 760_000 + 8 * 4_999
    assert found["gross"] == found["ceilings"]  # costed at the top of each band by default
    # Middle of each scale × FTE: Manager 18.2 × 44,999.5, Officer 6 × 24,999.5, Senior Manager 10 × 71,450.
    assert found["junior_cost"] == pytest.approx(18.2 * 44_999.5 + 6 * 24_999.5 + 10 * 71_450)
    # No Head of Paid Service, S151 or Monitoring Officer rules, and every SCS grade is known.
    assert found["findings"] == []
    chief = structure.posts["LTGDC1"]
    assert chief.title == "Chief Executive" and chief.grade == "SCS2" and chief.postholder == "Peter Andrews"
    assert (chief.pay_band.floor, chief.pay_band.ceiling) == (130_000, 134_999)
    assert chief.custom["Contact E-mail"] == "info@ltgdc.org.uk"
    assert {structure.groups[p.group].name for p in structure.posts.values()} >= {"Planning Development", "Policy"}
    assert structure.posts["LTGDC7"].postholder is None  # a blank name: filled, name not published
    planning = structure.posts["LTGDC4"].junior
    assert [(s.grade, s.fte, s.pay_min, s.pay_max) for s in planning] == [
        ("Manager", 6.2, 30_000, 59_999), ("Officer", 1, 20_000, 29_999), ("Senior Manager", 2, 60_000, 82_900)]


def test_september_imports_with_the_bodys_figures(september):
    structure = september.structure
    assert september.warnings == []
    found = figures(structure)
    assert found["posts"] == 6 and found["fte"] == 6.0 and found["junior_fte"] == 28.2
    assert found["tops"] == ["LTGDC1"] and found["layers"] == 2 and found["spans"] == {"LTGDC1": 5}
    assert found["floors"] == 570_000 and found["ceilings"] == 570_000 + 6 * 4_999
    assert [g.name for g in structure.groups.values()] == ["Executive Team"]
    withheld = structure.posts["LTGDC8"]
    assert withheld.name_withheld and withheld.postholder is None and withheld.status is PostStatus.FILLED
    # Junior rows keep the units they were published in.
    assert {s.unit for s in structure.posts["LTGDC4"].junior} == {"Planning Development"}


def test_cost_basis_takes_floor_middle_or_ceiling_of_each_band(march):
    structure = march.structure.model_copy(deep=True)
    totals = {}
    for basis in CostBasis:
        structure.update_settings(cost_basis=basis)
        totals[basis] = Analysis(structure).totals().gross
    assert totals[CostBasis.BOTTOM] == 760_000 and totals[CostBasis.TOP] == 799_992
    # each of the 8 posts' band middles is £…,499.50 (bands of £4,999), rounded up to whole pounds
    assert totals[CostBasis.MID] == (760_000 + 799_992) / 2 + 8 * 0.5


def test_comparing_the_snapshots(march, september):
    changes = {c.post: c for c in compare(march.structure, september.structure)}
    deleted = sorted(pid for pid, c in changes.items() if c.kinds == ["deleted"])
    assert deleted == ["LTGDC2", "LTGDC5"]
    assert not [pid for pid, c in changes.items() if "new" in c.kinds]
    retitled = changes["LTGDC7"]
    assert "retitled" in retitled.kinds and retitled.before.title == "Head of Finance and Operations"
    assert retitled.after.title == "Director of Finance"
    assert "regraded" in retitled.kinds and "pay band changed" in retitled.reason  # one £5,000 band up
    # Every kept post's Unit became "Executive Team" under the same Chief Executive: a unit change, worded so.
    for pid in ("LTGDC3", "LTGDC4", "LTGDC6", "LTGDC7", "LTGDC8"):
        assert UNIT_CHANGED in changes[pid].kinds and "moved" not in changes[pid].kinds
        assert "now reports to" not in changes[pid].reason and "to 'Executive Team'" in changes[pid].reason
    assert changes["LTGDC1"].kinds == [UNIT_CHANGED]


@pytest.mark.parametrize("date", ["2011-03-31", "2011-09-30"])
def test_export_imports_back_to_the_same_figures(tmp_path, date):
    original = snapshot(date).structure
    senior, junior = write_organogram(original, tmp_path / "ltgdc.csv")
    assert (senior.name, junior.name) == ("ltgdc-senior.csv", "ltgdc-junior.csv")
    lines = senior.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('"Post Unique Reference","Name","Grade (or equivalent)","Job Title"')
    assert any('"XX"' in line for line in lines[1:])
    again = import_organogram(senior, junior)
    assert again.warnings == []
    assert figures(again.structure) == figures(original)
    for pid, post in original.posts.items():
        back = again.structure.posts[pid]
        assert (back.title, back.grade, back.reports_to, back.pay_band, back.postholder, back.name_withheld) == (
            post.title, post.grade, post.reports_to, post.pay_band, post.postholder, post.name_withheld)


def test_redacted_names_are_written_as_not_disclosed(tmp_path):
    senior, _ = write_organogram(snapshot("2011-03-31").structure, tmp_path / "out.csv", redact_names=True)
    text = senior.read_text(encoding="utf-8")
    assert "Peter Andrews" not in text and '"N/D"' in text
    assert import_organogram(senior).structure.posts["LTGDC1"].name_withheld
