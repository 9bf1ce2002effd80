"""The monthly single-point-of-contact rota: generated balanced, checked when edited by hand,
kept in the file, and printed by `orgdesigner rota`."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from orgdesigner.analysis import Analysis
from orgdesigner.analysis.rota import generate_rota
from orgdesigner.cli import main
from orgdesigner.model import ChangeKind, Rota, RotaMonth, load, loads, dumps, save


def rota_findings(structure) -> list:
    return [f for f in Analysis(structure).findings() if f.rule.startswith("rota-")]


@pytest.mark.parametrize("posts", [2, 3, 4, 5])
@pytest.mark.parametrize("months", [1, 2, 5, 9, 12, 13])
def test_generated_rota_is_balanced_and_nobody_is_their_own_buddy(posts, months):
    ids = [f"AD{n}" for n in range(posts)]
    rota = generate_rota(ids, months, "2022-11")
    assert len(rota.months) == months and rota.posts == ids
    leads = Counter(entry.lead for entry in rota.months)
    counts = [leads.get(p, 0) for p in ids]
    assert max(counts) - min(counts) <= 1
    buddies = Counter(entry.buddy for entry in rota.months)
    assert max(buddies.get(p, 0) for p in ids) - min(buddies.get(p, 0) for p in ids) <= 1
    assert all(entry.lead != entry.buddy for entry in rota.months)
    # this month's buddy leads next month: the handover Cumbria asks for
    assert all(a.buddy == b.lead for a, b in zip(rota.months, rota.months[1:]))


def test_months_run_on_across_the_year_end_and_generation_is_repeatable():
    rota = generate_rota(["A", "B", "C"], 4, "2022-11")
    assert [m.month for m in rota.months] == ["2022-11", "2022-12", "2023-01", "2023-02"]
    assert [(m.lead, m.buddy) for m in rota.months] == [("A", "B"), ("B", "C"), ("C", "A"), ("A", "B")]
    assert generate_rota(["A", "B", "C"], 4, "2022-11") == rota


@pytest.mark.parametrize("posts, months, start, words", [
    (["A"], 3, "2022-01", "at least two posts"),
    (["A", "B", "A"], 3, "2022-01", "'A' more than once"),
    (["A", "B"], 0, "2022-01", "at least one month"),
    (["A", "B"], 3, "2022-13", "'2022-13' is not a month written YYYY-MM"),
    (["A", "B"], 3, "July 2022", "not a month"),
])
def test_generation_refuses_what_cannot_make_a_rota(posts, months, start, words):
    with pytest.raises(ValueError, match=words):
        generate_rota(posts, months, start)


def test_rota_is_saved_in_the_file_and_announced(structure):
    seen = []
    structure.subscribe(seen.append)
    rota = generate_rota(["D1", "D2"], 3, "2024-04", duties="Chairs the management team")
    old = structure.set_rota(rota)
    assert old == Rota() and seen[-1].kind is ChangeKind.ROTA_CHANGED and seen[-1].posts == {"D1", "D2"}
    again = loads(dumps(structure))
    assert again.rota == rota and again.rota.duties == "Chairs the management team"
    structure.set_rota(old)  # undo
    assert structure.rota == Rota() and '"rota"' not in dumps(structure)


@pytest.mark.parametrize("raw, words", [
    ({"months": [{"month": "2022-7", "lead": "A", "buddy": "B"}]}, "not a month written YYYY-MM"),
    ({"months": [{"month": "2022-07", "lead": "A", "buddy": "B"}, {"month": "2022-07", "lead": "B", "buddy": "A"}]},
     "gives 2022-07 twice"),
    ({"posts": ["A", "A"]}, "names 'A' more than once"),
])
def test_hand_edited_rota_that_cannot_be_read_is_refused(raw, words):
    with pytest.raises(ValueError, match=words):
        Rota.model_validate(raw)


def test_a_balanced_generated_rota_has_no_findings(structure):
    structure.set_rota(generate_rota(["D1", "D2", "H1"], 9, "2024-01"))
    assert rota_findings(structure) == []


def test_hand_edited_imbalance_and_self_buddy_are_flagged(structure):
    months = [RotaMonth(month=f"2024-0{n}", lead="D1", buddy="D2") for n in range(1, 5)]
    months.append(RotaMonth(month="2024-05", lead="D2", buddy="D2"))
    structure.set_rota(Rota(posts=["D1", "D2", "H1"], months=months))
    found = {f.rule: f for f in rota_findings(structure)}
    assert set(found) == {"rota-balance", "rota-self-buddy"}
    balance = found["rota-balance"]
    assert set(balance.posts) == {"D1", "H1"} and balance.severity.value == "warning"
    assert "'Director of Resources' leads 4 months" in balance.message
    assert "'Head of Finance' 0 months" in balance.message
    assert found["rota-self-buddy"].posts == ("D2",) and "In 2024-05" in found["rota-self-buddy"].message


def test_vacant_deleted_and_outside_posts_on_the_rota_are_flagged(structure):
    structure.set_rota(Rota(posts=["D1", "H3", "H1"], months=[
        RotaMonth(month="2024-01", lead="D1", buddy="H3"),   # H3 is vacant
        RotaMonth(month="2024-02", lead="H3", buddy="H1"),
        RotaMonth(month="2024-03", lead="H1", buddy="H2"),   # H2 is not one of the rota's posts
    ]))
    structure.remove_post("H1")  # deleting a post leaves the rota naming it
    messages = {f.message for f in rota_findings(structure) if f.rule == "rota-post"}
    assert "'Head of Planning' is vacant but takes turns on the rota (buddy in 2024-01, lead in 2024-02)." in messages
    assert "The rota names 'H1', which is not a post in the structure (buddy in 2024-02, lead in 2024-03)." in messages
    assert any(m.startswith("'Head of Legal' is not one of the rota's posts") for m in messages)
    assert structure.new_post_id("H") != "H1"  # a new post does not inherit the deleted one's turns


def test_live_analysis_follows_rota_edits(structure):
    live = Analysis(structure)
    structure.subscribe(live.apply)
    structure.set_rota(Rota(posts=["D1", "D2"], months=[RotaMonth(month="2024-01", lead="D1", buddy="D1")]))
    assert [f.rule for f in live.findings() if f.rule.startswith("rota-")] == ["rota-self-buddy"]
    structure.set_rota(generate_rota(["D1", "D2"], 2, "2024-01"))
    assert not [f for f in live.findings() if f.rule.startswith("rota-")]


# ----- orgdesigner rota ------------------------------------------------------------------------------


@pytest.fixture
def rota_file(structure, tmp_path):
    structure.set_rota(generate_rota(["D1", "D2", "H2"], 3, "2024-04"))
    path = tmp_path / "s.orgd"
    save(structure, path)
    return path


def test_cli_generates_a_rota_as_json_from_the_files_posts(rota_file, capsys):
    assert main(["rota", str(rota_file), "--months", "4", "--json"]) == 0
    months = json.loads(capsys.readouterr().out)
    assert months == [
        {"month": "2024-04", "lead": "D1", "buddy": "D2"},
        {"month": "2024-05", "lead": "D2", "buddy": "H2"},
        {"month": "2024-06", "lead": "H2", "buddy": "D1"},
        {"month": "2024-07", "lead": "D1", "buddy": "D2"},
    ]
    assert load(rota_file).rota.months[-1].month == "2024-06"  # the file is not changed


def test_cli_takes_posts_and_start_month(rota_file, capsys):
    assert main(["rota", str(rota_file), "--months", "2", "--posts", "H1, H2", "--start", "2025-12", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"month": "2025-12", "lead": "H1", "buddy": "H2"},
                                                   {"month": "2026-01", "lead": "H2", "buddy": "H1"}]


def test_cli_prints_the_saved_rota_with_titles_and_findings(rota_file, capsys):
    assert main(["rota", str(rota_file)]) == 0
    out = capsys.readouterr().out
    assert "April 2024" in out and "June 2024" in out and "Director of Resources" in out
    assert "Findings" not in out
    assert main(["rota", str(rota_file), "--months", "2", "--posts", "D1,H3"]) == 0
    assert "'Head of Planning' is vacant" in capsys.readouterr().out


@pytest.mark.parametrize("args, words", [
    (["--months", "3", "--posts", "D1,NOPE"], "--posts names 'NOPE', which is not a post"),
    (["--months", "3", "--posts", "D1"], "at least two posts"),
    (["--months", "0"], "at least one month"),
    (["--months", "3", "--start", "2024-00"], "'2024-00' is not a month"),
    (["--posts", "D1,D2"], "give --months N as well"),
    (["--months", "many"], "invalid int value"),
])
def test_cli_bad_rota_options_exit_2_with_a_message(rota_file, capsys, args, words):
    assert _exit_code(["rota", str(rota_file), *args]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_cli_without_a_rota_says_how_to_make_one(structure, tmp_path, capsys):
    path = tmp_path / "none.orgd"
    save(structure, path)
    assert main(["rota", str(path)]) == 2
    assert "has no rota; give --months N" in capsys.readouterr().err
    assert main(["rota", str(path), "--months", "3"]) == 2
    assert "give them with --posts ID,ID" in capsys.readouterr().err


def _exit_code(args: list[str]) -> int:
    try:
        return main(args)
    except SystemExit as exc:  # argparse's own refusals
        return int(exc.code)
