"""Likely matches for the holder of a deleted post (#15 item 5)."""

from __future__ import annotations

import json
from pathlib import Path

from orgdesigner.analysis import compare
from orgdesigner.analysis.likely import likely_matches
from orgdesigner.editing import decide_match
from orgdesigner.model import ImpactChoice, Post, PostStatus

from conftest import make_structure

SAMPLES = Path(__file__).parent.parent / "sample_structures" / "establishment"


def ict_restructure():
    """The Head of ICT (SM2, £70,000) deleted; a Head of Digital and Transformation (SM1, £76,000) new,
    under the same director, and an unrelated new post far down the grades."""
    before = make_structure()
    before.add_post(Post(id="ICT", title="Head of ICT", reports_to="D1", grade="SM2", salary=70000,
                         postholder="F. Black"))
    before.add_post(Post(id="FIN", title="Head of Finance", reports_to="D1", grade="SM1", salary=76000))
    after = make_structure()
    after.add_post(Post(id="FIN", title="Head of Finance", reports_to="D1", grade="SM1", salary=76000))
    after.add_post(Post(id="DIG", title="Head of Digital and Transformation", reports_to="D1", grade="SM1",
                        salary=76000))
    after.add_post(Post(id="CLK", title="Admin Clerk", reports_to="D1", grade="SC1", salary=21000))
    return before, after


def test_a_deleted_head_of_ict_is_likely_matched_to_the_new_digital_head():
    before, after = ict_restructure()
    likely = likely_matches(before, after)
    assert [m.after for m in likely["ICT"]] == ["DIG"]
    match = likely["ICT"][0]
    assert match.grade_gap == 1 and match.impact is ImpactChoice.MATCH
    assert 25 <= match.overlap < 75
    assert {c.post: c.impact for c in compare(before, after)}["ICT"] is ImpactChoice.AT_RISK


def test_accepting_it_makes_the_impact_the_one_predicted_and_undo_takes_it_back():
    before, after = ict_restructure()
    match = likely_matches(before, after)["ICT"][0]
    edit = decide_match(after, "ICT", "DIG", True)
    edit.apply()
    change = {c.post: c for c in compare(before, after)}["ICT"]
    assert change.impact is match.impact and change.after is not None and change.after.id == "DIG"
    assert "ICT" not in likely_matches(before, after)
    edit.revert()
    assert {c.post: c.impact for c in compare(before, after)}["ICT"] is ImpactChoice.AT_RISK


def test_vacant_posts_need_no_match_and_two_holders_for_one_post_are_competitive():
    before, after = ict_restructure()
    before.update_post("FIN", status=PostStatus.VACANT)
    before.add_post(Post(id="ICT2", title="Head of ICT Services", reports_to="D1", grade="SM2", salary=70000))
    likely = likely_matches(before, after)
    assert "FIN" not in likely
    assert [m.impact for m in (likely["ICT"][0], likely["ICT2"][0])] == [ImpactChoice.RING_FENCE] * 2
    assert "2 holders are likely for this one post" in likely["ICT"][0].reason


def test_compare_prints_and_reports_the_likely_matches(run, tmp_path):
    out = tmp_path / "ashdown.orgd"
    run("import", str(SAMPLES / "ashdown-district-current.csv"), "-o", str(out), "--scenario", "Current")
    run("import", str(SAMPLES / "ashdown-district-proposed.csv"), "-o", str(out), "--add", "--scenario", "Proposed")
    text = run("compare", f"{out}:Current", f"{out}:Proposed").stdout
    assert "Likely matches for the holders of deleted posts" in text
    assert "Likely match: Head of Digital and Transformation (one grade apart" in text
    report = json.loads(run("compare", f"{out}:Current", f"{out}:Proposed", "--json").stdout)
    assert "P040" in [m["after"] for m in report["likely_matches"]["P014"]]
