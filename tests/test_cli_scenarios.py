"""The command line with several scenarios in a file: --scenario, FILE:SCENARIO and `orgdesigner scenarios`."""

from __future__ import annotations

import csv
import json

import pytest

from orgdesigner.cli import main
from orgdesigner.model import save, save_scenarios

from conftest import make_options, make_structure


@pytest.fixture
def options_file(tmp_path):
    """Current (6 posts), Option A (Head of Legal deleted) and Option B (the baseline, a new post)."""
    scenarios = make_options()
    option_b = scenarios.add("Option B", copy_of="Current")
    option_b.add_post(option_b.posts["H1"].model_copy(update={"id": "H4", "title": "Head of Audit"}))
    scenarios.set_baseline("Option B")
    path = tmp_path / "options.orgd"
    save_scenarios(scenarios, path)
    return path


def test_check_uses_the_baseline_or_the_named_scenario(options_file, capsys):
    main(["check", str(options_file), "--json"])
    assert json.loads(capsys.readouterr().out)["posts"] == 7
    main(["check", str(options_file), "--json", "--scenario", "Option A"])
    assert json.loads(capsys.readouterr().out)["posts"] == 5
    main(["check", str(options_file), "--scenario", "Current"])
    assert "Test Council senior structure — Current" in capsys.readouterr().out


def test_unknown_scenario_exits_2_naming_those_there_are(options_file, run):
    result = run("check", str(options_file), "--scenario", "Option C")
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert "there is no scenario 'Option C'; the scenarios are 'Current', 'Option A', 'Option B'" in result.stderr


def test_export_writes_the_named_scenario(options_file, tmp_path, capsys):
    out = tmp_path / "posts.csv"
    assert main(["export", str(options_file), "-o", str(out), "--scenario", "Option A"]) == 0
    with out.open(encoding="utf-8-sig") as handle:
        ids = [row["post_id"] for row in csv.DictReader(handle)]
    assert ids == ["CE", "D1", "D2", "H1", "H3"]
    assert main(["export", str(options_file), "-o", str(tmp_path / "x.csv"), "--scenario", "Nope"]) == 2
    assert not (tmp_path / "x.csv").exists()


def test_compare_two_scenarios_of_one_file(options_file, capsys):
    assert main(["compare", f"{options_file}:Current", f"{options_file}:Option A", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["before"]["posts"], report["after"]["posts"]) == (6, 5)
    assert {c["post"]: c["kinds"] for c in report["changes"]}["H2"] == ["deleted"]
    main(["compare", f"{options_file}:Option A", str(options_file)])
    assert "— Option A  →  Test Council senior structure — Option B" in capsys.readouterr().out


def test_compare_with_a_scenario_against_another_file(options_file, tmp_path, capsys):
    other = tmp_path / "other.orgd"
    save(make_structure(), other)
    assert main(["compare", str(other), f"{options_file}:Option A", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["after"]["posts"] == 5


def test_a_file_whose_name_has_a_colon_is_not_split(tmp_path, capsys):
    odd = tmp_path / "options:v2.orgd"
    save(make_structure(), odd)
    assert main(["compare", str(odd), str(odd), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["before"]["posts"] == 6


@pytest.mark.parametrize("suffix, words", [(":Option Z", "options.orgd: there is no scenario 'Option Z'; the "
                                                          "scenarios are 'Current', 'Option A', 'Option B'"),
                                           ("-missing:Current", "options.orgd-missing: no such file")])
def test_compare_with_an_unknown_scenario_or_file_exits_2(options_file, suffix, words, run):
    result = run("compare", str(options_file), f"{options_file}{suffix}")
    assert result.returncode == 2 and words in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_scenarios_lists_figures_and_the_baseline(options_file, capsys):
    assert main(["scenarios", str(options_file), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["baseline"] == "Option B"
    rows = {row["name"]: row for row in report["scenarios"]}
    assert list(rows) == ["Current", "Option A", "Option B"]
    assert [rows[n]["posts"] for n in rows] == [6, 5, 7]
    assert [rows[n]["baseline"] for n in rows] == [False, False, True]
    assert rows["Current"]["cost_net"] - rows["Option A"]["cost_net"] == pytest.approx(80000 * 1.25)
    assert set(rows["Current"]) == {"name", "baseline", "posts", "fte", "cost_net"}
    main(["scenarios", str(options_file)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("3 scenarios (* baseline)")
    assert lines[3].startswith("* Option B") and "7 posts" in lines[3] and lines[1].startswith("  Current")


def test_scenarios_of_an_unreadable_file_exits_2(tmp_path, run):
    result = run("scenarios", str(tmp_path / "none.orgd"))
    assert result.returncode == 2 and "none.orgd: no such file" in result.stderr and "Traceback" not in result.stderr
