"""The file format: exact round trips, stable text, refusals with clear messages, atomic saves."""

from __future__ import annotations

import json
import os

import pytest

from orgdesigner.model import FORMAT_VERSION, StructureFileError, dumps, load, loads, save


def test_save_and_reopen_exactly(structure, tmp_path):
    structure.update_details(scenario="Proposed")
    path = tmp_path / "s.orgd"
    save(structure, path)
    again = load(path)
    assert again.model_dump() == structure.model_dump()
    assert dumps(again) == path.read_text(encoding="utf-8")


def test_text_keeps_user_order_and_indentation(structure):
    text = dumps(structure)
    document = json.loads(text)
    assert list(document) == ["format", "version", "baseline", "scenarios"]
    assert [p["id"] for p in document["scenarios"][0]["posts"]] == ["CE", "D1", "D2", "H1", "H2", "H3"]
    assert '\n  "scenarios": [\n    {\n      "name": ' in text


def test_newer_version_is_refused_with_a_clear_message(structure, tmp_path):
    document = json.loads(dumps(structure))
    document["version"] = FORMAT_VERSION + 1
    path = tmp_path / "future.orgd"
    path.write_text(json.dumps(document))
    with pytest.raises(StructureFileError, match="newer OrgDesigner"):
        load(path)


@pytest.mark.parametrize("text, words", [
    ("{not json", "not valid JSON \\(line 1"),
    ('{"format": "something-else"}', "not an OrgDesigner structure file"),
    ('{"format": "orgdesigner-structure", "version": 1}', "no \"structure\""),
    ('{"format": "orgdesigner-structure", "version": 1, "structure": {"posts": [{"id": "A"}]}}',
     "scenario 'Current' › post 'A' › title: Field required"),
    ('{"format": "orgdesigner-structure", "version": 1, "structure": {"posts": [{"id": "A", "title": "x", "colour": 1}]}}',
     "post 'A' \\(x\\) › colour: Extra inputs are not permitted"),
])
def test_broken_files_say_what_and_where(text, words):
    with pytest.raises(StructureFileError, match=words) as info:
        loads(text, "broken.orgd")
    assert str(info.value).startswith("broken.orgd: ")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(StructureFileError, match="no such file"):
        load(tmp_path / "absent.orgd")


def test_failed_save_keeps_the_previous_file(structure, tmp_path, monkeypatch):
    path = tmp_path / "s.orgd"
    save(structure, path)
    before = path.read_bytes()
    structure.update_post("H1", title="Changed")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        save(structure, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.orgd"]
