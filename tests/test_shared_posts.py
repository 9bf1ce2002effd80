"""Shared and partner posts: a partner's context posts count in no figure, costs split by who pays,
and the statutory officers table."""

from __future__ import annotations

import pytest

from orgdesigner.analysis import Analysis, check_report
from orgdesigner.analysis.organisations import cost_by_organisation
from orgdesigner.analysis.statutory import statutory_officers
from orgdesigner.model import Designation, Post

PARTNER = "Partner Council"


def add_context_posts(structure) -> None:
    """The partner's own director of place beside ours, with a vacant head of service under it."""
    structure.add_post(Post(id="PX", title="Partner's Director of Place", grade="DIR", tier="2", reports_to="CE",
                            status="vacant", designations=["HoPS", "MO"], context=PARTNER))
    structure.add_post(Post(id="PY", title="Partner's Head of Highways", grade="HOS", tier="3B", reports_to="PX",
                            context=PARTNER))
    structure.add_post(Post(id="PZ", title="Partner's Planning Officer", grade="HOS", tier="4", reports_to="H3",
                            context=PARTNER))


def test_context_posts_are_left_out_of_totals_spans_layers_and_findings(structure):
    before = check_report(structure)
    add_context_posts(structure)
    after = check_report(structure)
    for key in ("posts", "posts_in_scope", "fte", "vacant_posts", "cost", "spans", "max_span", "layers"):
        assert after[key] == before[key], key
    # a HoPS and an MO on the partner's post are the partner's, not a second one of ours
    assert after["findings"] == before["findings"]
    analysis = Analysis(structure)
    assert analysis.span("CE") == 2 and analysis.span("PX") == 0 and analysis.span("H3") == 0
    assert analysis.cost("PX").gross == 0
    assert analysis.depth("PZ") == 3  # still placed below its manager for the chart


def test_a_post_under_a_context_post_still_counts_and_has_a_manager(structure):
    add_context_posts(structure)
    structure.set_manager("H2", "PX")
    report = check_report(structure)
    assert report["posts"] == 6 and report["spans"]["D1"] == 1
    assert not [f for f in report["findings"] if "H2" in f["posts"] and f["rule"] == "no-manager"]


def test_making_a_post_context_and_back_keeps_the_live_analysis_right(structure):
    live = Analysis(structure)
    structure.subscribe(live.apply)
    structure.update_post("H3", context=PARTNER)
    assert live.totals().posts == 5 and live.span("D2") == 0
    assert check_report(structure, live) == check_report(structure, Analysis(structure))
    structure.update_post("H3", context=None)
    assert live.totals().posts == 6 and live.span("D2") == 1
    assert check_report(structure, live) == check_report(structure, Analysis(structure))


def test_a_context_post_names_its_organisation(structure):
    with pytest.raises(ValueError, match="names the partner organisation"):
        structure.update_post("H3", context=" ")


def test_cost_split_by_organisation(structure):
    add_context_posts(structure)
    costs = cost_by_organisation(structure)
    # D2 (£100,000 top of grade, 25% on-costs) is half paid by the partner; context posts count for nobody
    assert costs[PARTNER] == pytest.approx(62_500)
    assert list(costs) == ["Test Council", PARTNER]
    totals = Analysis(structure).totals()
    assert costs["Test Council"] == pytest.approx(totals.net)
    assert sum(costs.values()) == pytest.approx(totals.gross)


def test_statutory_officers_table(structure):
    add_context_posts(structure)
    structure.update_post("H2", designations=["MO", "RO"])
    rows = {row.designation: row for row in statutory_officers(structure)}
    assert list(rows) == [Designation.HOPS, Designation.S151, Designation.MO, Designation.RO]
    assert [(h.post, h.title) for h in rows[Designation.HOPS].holders] == [("CE", "Chief Executive")]
    assert rows[Designation.MO].name == "Monitoring Officer" and rows[Designation.MO].required
    assert not rows[Designation.RO].required
    structure.update_post("D1", designations=[])
    assert statutory_officers(structure)[1].holders == []  # required but held by nobody: still a row
