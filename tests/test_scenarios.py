"""Several named scenarios in one file: the container's edits, version 1 files migrated, exact round trips, refusals."""

from __future__ import annotations

import json

import pytest

from orgdesigner.model import (EditRefused, Scenarios, StructureFileError, UnknownScenario, dumps, dumps_scenarios,
                               load, load_scenarios, loads_scenarios, save_scenarios)

from conftest import SAMPLES, make_structure


def named(name: str):
    structure = make_structure()
    structure.update_details(scenario=name)
    return structure


@pytest.fixture
def three() -> Scenarios:
    scenarios = Scenarios([named("Current")])
    scenarios.add("Option A", copy_of="Current").update_post("H1", title="Head of Finance and Audit")
    scenarios.add("Option B", copy_of="Current").remove_post("H3")
    scenarios.set_baseline("Option A")
    return scenarios


def v1_text(structure) -> str:
    return json.dumps({"format": "orgdesigner-structure", "version": 1,
                       "structure": structure.model_dump(mode="json", exclude_defaults=True)}, indent=2)


# ----- the container --------------------------------------------------------------------

def test_a_new_scenario_is_an_independent_copy(three):
    assert three.names == ["Current", "Option A", "Option B"]
    assert three.get("Option A").posts["H1"].title == "Head of Finance and Audit"
    assert three.get("Current").posts["H1"].title == "Head of Finance"
    assert "H3" in three.get("Current").posts and "H3" not in three.get("Option B").posts


@pytest.mark.parametrize("name, words", [("Option A", "already a scenario named 'Option A'"),
                                         ("   ", "needs a name")])
def test_adding_a_taken_or_blank_name_is_refused(three, name, words):
    with pytest.raises(EditRefused, match=words):
        three.add(name, copy_of="Current")
    assert len(three) == 3


def test_renaming_keeps_the_baseline_and_refuses_a_taken_name(three):
    three.rename("Option A", "  Option A (revised) ")
    assert three.baseline.scenario == "Option A (revised)"
    with pytest.raises(EditRefused, match="already a scenario named 'Current'"):
        three.rename("Option B", "Current")
    assert three.names == ["Current", "Option A (revised)", "Option B"]


def test_removing_the_baseline_moves_it_and_the_last_scenario_stays(three):
    three.remove("Option A")
    assert three.names == ["Current", "Option B"] and three.baseline.scenario == "Current"
    three.remove("Current")
    assert three.baseline.scenario == "Option B"
    with pytest.raises(EditRefused, match="'Option B' is the only scenario"):
        three.remove("Option B")


def test_unknown_scenario_lists_the_names_there_are(three):
    with pytest.raises(UnknownScenario,
                       match="no scenario 'Option C'; the scenarios are 'Current', 'Option A', 'Option B'"):
        three.get("Option C")
    with pytest.raises(UnknownScenario):
        three.set_baseline("Option C")
    assert three.baseline.scenario == "Option A"


# ----- the file format --------------------------------------------------------------------

def test_version_2_round_trip_is_exact(three, tmp_path):
    path = tmp_path / "options.orgd"
    save_scenarios(three, path)
    text = path.read_text(encoding="utf-8")
    document = json.loads(text)
    assert list(document) == ["format", "version", "baseline", "scenarios"]
    assert document["version"] == 2 and document["baseline"] == "Option A"
    again = load_scenarios(path)
    assert again.names == three.names and again.baseline.scenario == "Option A"
    assert [s.model_dump() for s in again] == [s.model_dump() for s in three]
    assert dumps_scenarios(again) == text


def test_load_gives_the_baseline_or_the_named_scenario(three, tmp_path):
    path = tmp_path / "options.orgd"
    save_scenarios(three, path)
    assert load(path).scenario == "Option A"
    assert "H3" not in load(path, scenario="Option B").posts
    with pytest.raises(StructureFileError, match="options.orgd: there is no scenario 'Nope'; the scenarios are "
                                                 "'Current', 'Option A', 'Option B'"):
        load(path, scenario="Nope")


def test_version_1_file_opens_as_one_scenario_and_is_written_back_as_version_2(tmp_path):
    old = named("Proposed")
    path = tmp_path / "old.orgd"
    path.write_text(v1_text(old), encoding="utf-8")
    scenarios = load_scenarios(path)
    assert scenarios.names == ["Proposed"] and scenarios.baseline.scenario == "Proposed"
    save_scenarios(scenarios, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 2 and document["baseline"] == "Proposed"
    assert document["scenarios"] == [json.loads(v1_text(old))["structure"]]


def test_version_1_file_without_a_scenario_name_becomes_current(tmp_path):
    path = tmp_path / "old.orgd"
    path.write_text(v1_text(make_structure()), encoding="utf-8")
    structure = load(path)
    assert structure.scenario == "Current"
    assert structure.posts.keys() == make_structure().posts.keys()


def test_an_unnamed_structure_is_saved_as_current_without_renaming_it(structure):
    document = json.loads(dumps(structure))
    assert document["baseline"] == "Current" and document["scenarios"][0]["scenario"] == "Current"
    assert structure.scenario == ""


def _v2(**changes: object) -> str:
    document = {"format": "orgdesigner-structure", "version": 2, "baseline": "Current",
                "scenarios": [{"scenario": "Current", "posts": [{"id": "A", "title": "Chief Executive"}]},
                              {"scenario": "Option A", "posts": [{"id": "A", "title": "Chief Executive"}]}]}
    document.update(changes)
    return json.dumps(document)


@pytest.mark.parametrize("text, words", [
    (_v2(baseline="Option Z"),
     "\"baseline\" names 'Option Z', which is not one of the scenarios \\('Current', 'Option A'\\)"),
    (_v2(baseline=None), "no \"baseline\""),
    (_v2(scenarios=[]), "no \"scenarios\""),
    (_v2(scenarios=[{"scenario": "Current"}, "Option A"]), "scenario 2 is not an object"),
    (_v2(scenarios=[{"scenario": "Current"}, {"scenario": "Current"}]),
     "two scenarios are named 'Current' \\(scenarios 1 and 2\\)"),
    (_v2(scenarios=[{"scenario": "Current"}, {"name": "Unnamed option"}]), "scenario 2 has no name"),
    (_v2(scenarios=[{"scenario": "Current"}, {"scenario": "Option A", "posts": [{"id": "B", "title": "Director",
                                                                                "fte": -1}]}]),
     "scenario 'Option A' › post 'B' \\(Director\\) › fte: Input should be greater than or equal to 0"),
    (_v2(scenarios=[{"scenario": "Current"}, {"posts": [{"id": "B"}]}]), "scenario 2 › post 'B' › title"),
])
def test_broken_version_2_files_say_what_and_where(text, words):
    with pytest.raises(StructureFileError, match=words) as info:
        loads_scenarios(text, "options.orgd")
    assert str(info.value).startswith("options.orgd: ")


def test_saving_two_scenarios_with_one_name_is_refused_and_keeps_the_file(three, tmp_path):
    path = tmp_path / "options.orgd"
    save_scenarios(three, path)
    before = path.read_bytes()
    three.get("Option B").update_details(scenario="Current")  # renamed from outside the container
    with pytest.raises(EditRefused, match="two scenarios are named 'Current'"):
        save_scenarios(three, path)
    assert path.read_bytes() == before


@pytest.mark.skipif(not any(SAMPLES.glob("*.orgd")), reason="no samples")
def test_every_sample_is_a_version_2_file_that_loads():
    for sample in sorted(SAMPLES.glob("*.orgd")):
        scenarios = load_scenarios(sample)
        assert json.loads(sample.read_text(encoding="utf-8"))["version"] == 2, sample
        assert dumps_scenarios(scenarios) == sample.read_text(encoding="utf-8"), sample
