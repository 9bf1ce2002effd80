"""The command line's contract: exit codes, the JSON keys, messages without tracebacks, nothing written on failure."""

from __future__ import annotations

import json

import pytest

from orgdesigner.cli import main
from orgdesigner.model import load, save


def test_check_json_has_the_documented_keys(structure, tmp_path, capsys):
    path = tmp_path / "s.orgd"
    save(structure, path)
    assert main(["check", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"posts", "fte", "vacant_posts", "cost", "spans", "max_span", "layers", "findings"} <= set(report)
    assert set(report["cost"]) == {"gross", "net", "by_group", "by_tier"}
    assert report["spans"] == {"CE": 2, "D1": 2, "D2": 1}
    assert report["max_span"] == 2 and report["layers"] == 3
    assert report["findings"][0].keys() == {"rule", "severity", "posts", "message"}


def test_check_exits_1_with_error_findings(structure, tmp_path, capsys):
    structure.update_post("H2", designations=[])
    path = tmp_path / "s.orgd"
    save(structure, path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "ERROR" in out and "Monitoring Officer" in out


def test_check_text_output_shows_figures(structure, tmp_path, capsys):
    path = tmp_path / "s.orgd"
    save(structure, path)
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "Posts          6 (6 in scope), 1 vacant" in out
    assert "Finance" in out and "Tier 3B" in out


@pytest.mark.parametrize("content, words", [
    (None, "no such file"),
    ("{broken", "not valid JSON"),
    ('{"format": "orgdesigner-structure", "version": 99, "structure": {}}', "newer OrgDesigner"),
])
def test_check_unreadable_file_exits_2_without_traceback(tmp_path, content, words, run):
    path = tmp_path / "bad.orgd"
    if content is not None:
        path.write_text(content)
    result = run("check", str(path), "--json")
    assert result.returncode == 2
    assert str(path) in result.stderr and words in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_check_unknown_rule_in_settings_exits_2(structure, tmp_path, run):
    path = tmp_path / "s.orgd"
    save(structure, path)
    path.write_text(path.read_text().replace('"on_cost_rate": 0.25', '"on_cost_rate": 0.25, "rules": {"no-such-rule": {}}'))
    result = run("check", str(path))
    assert result.returncode == 2 and "unknown rule 'no-such-rule'" in result.stderr


GOOD_TABLE = """post_id,title,reports_to,dotted_to,grade,tier,fte,salary,funding_share,group,status,postholder,designations
CE,Chief Executive,,,,1,1,150000,,Corporate,filled,,HoPS
D1,Director of Resources,CE,,,2,1,100000,,Corporate,,,S151
D2,Director of Adult Care,CE,D1,,2,1,100000,0.5,People,interim,,DASS
H1,Head of Legal,D1,,,3B,0.5,80000,,Corporate,vacant,,Monitoring Officer
"""


def test_import_builds_the_structure(tmp_path, run):
    table = tmp_path / "establishment.csv"
    table.write_text(GOOD_TABLE, encoding="utf-8-sig")
    out = tmp_path / "s.orgd"
    result = run("import", str(table), "-o", str(out), "--on-cost-rate", "0.3")
    assert result.returncode == 0, result.stderr
    s = load(out)
    assert s.settings.on_cost_rate == 0.3
    assert s.posts["D2"].reports_to == "CE" and s.posts["D2"].dotted[0].manager == "D1"
    assert s.posts["D2"].funding == {"Partner funding": 0.5} and s.posts["D2"].status == "interim"
    assert s.posts["H1"].designations == ["MO"] and s.posts["H1"].fte == 0.5
    assert {g.name for g in s.groups.values()} == {"Corporate", "People"}
    check = run("check", str(out), "--json")
    assert json.loads(check.stdout)["cost"]["net"] == pytest.approx((150000 + 100000 + 50000 + 40000) * 1.3)


def test_import_needs_only_id_and_title(tmp_path, run):
    table = tmp_path / "t.csv"
    table.write_text("title,post_id\nChief Executive,CE\n")
    out = tmp_path / "s.orgd"
    assert run("import", str(table), "-o", str(out)).returncode == 0
    post = load(out).posts["CE"]
    assert post.fte == 1 and post.status == "filled" and post.funding == {}


@pytest.mark.parametrize("row, words", [
    ("D1,Duplicate,CE,,,,1,,,,,,", "row 6, column post_id: 'D1' is already used on row 3"),
    ("X1,Adviser,NOBODY,,,,1,,,,,,", "row 6, column reports_to: 'NOBODY' is not the id, title or postholder of any post in the table"),
    ("X1,Adviser,CE,,,,one,,,,,,", "row 6, column fte: 'one' is not a number"),
    ("X1,Adviser,CE,,,,1,-100,,,,,", "row 6, column salary: '-100' cannot be negative"),
    ("X1,,CE,,,,1,,,,,,", "row 6, column title: every post needs a title"),
    ("X1,Adviser,CE,,,,1,,,,sacked,,", "row 6, column status: 'sacked'"),
])
def test_bad_row_stops_import_naming_row_and_value(tmp_path, row, words, run):
    table = tmp_path / "t.csv"
    table.write_text(GOOD_TABLE + row + "\n")
    out = tmp_path / "s.orgd"
    result = run("import", str(table), "-o", str(out))
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_cycle_stops_import_and_keeps_an_existing_output(tmp_path, run):
    table = tmp_path / "t.csv"
    table.write_text(GOOD_TABLE.replace("CE,Chief Executive,,", "CE,Chief Executive,H1,"))
    out = tmp_path / "s.orgd"
    out.write_text("previous content")
    result = run("import", str(table), "-o", str(out))
    assert result.returncode == 2 and "reporting cycle" in result.stderr
    assert out.read_text() == "previous content"


def test_every_problem_is_reported_at_once(tmp_path, run):
    table = tmp_path / "t.csv"
    table.write_text(GOOD_TABLE + "X1,Adviser,NOBODY,,,,one,,,,,,\nX2,,CE,,,,1,,,,,,\n")
    result = run("import", str(table), "-o", str(tmp_path / "s.orgd"))
    assert "3 problems" in result.stderr


def test_missing_table_and_bad_rate_exit_2(tmp_path, run):
    assert run("import", str(tmp_path / "none.csv"), "-o", str(tmp_path / "s.orgd")).returncode == 2
    table = tmp_path / "t.csv"
    table.write_text(GOOD_TABLE)
    result = run("import", str(table), "-o", str(tmp_path / "s.orgd"), "--on-cost-rate", "lots")
    assert result.returncode == 2 and "not a rate" in result.stderr


def test_windows_1252_table_is_read(tmp_path, run):
    table = tmp_path / "t.csv"
    table.write_bytes("post_id,title,salary\nCE,Directeur Général,£150,000\n".replace("£150,000", '"£150,000"').encode("cp1252"))
    out = tmp_path / "s.orgd"
    assert run("import", str(table), "-o", str(out)).returncode == 0
    post = load(out).posts["CE"]
    assert post.title == "Directeur Général" and post.salary == 150000


def test_compare_json_contract(structure, tmp_path, run):
    before, after = tmp_path / "before.orgd", tmp_path / "after.orgd"
    save(structure, before)
    structure.remove_post("H2")
    structure.update_post("H1", title="Head of Finance and Audit")
    save(structure, after)
    result = run("compare", str(before), str(after), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report["before"]) == set(report["after"]) == {"posts", "fte", "cost_gross", "cost_net"}
    assert (report["before"]["posts"], report["after"]["posts"]) == (6, 5)
    assert report["saving"] == {"gross": 100000.0, "net": 100000.0}
    changes = {c["post"]: c for c in report["changes"]}
    assert changes["H2"]["kinds"] == ["deleted"] and changes["H2"]["impact"] == "at risk"
    assert changes["H1"]["kinds"] == ["retitled"] and changes["H1"]["impact"] == "assimilate"
    assert changes["H1"]["reason"]


def test_compare_text_and_unreadable_file(structure, tmp_path, run):
    path = tmp_path / "s.orgd"
    save(structure, path)
    text = run("compare", str(path), str(path))
    assert text.returncode == 0 and "Saving           £0 a year" in text.stdout
    bad = run("compare", str(path), str(tmp_path / "missing.orgd"))
    assert bad.returncode == 2 and "missing.orgd: no such file" in bad.stderr and "Traceback" not in bad.stderr


def test_export_to_an_unknown_kind_of_file_lists_every_kind_it_writes(structure, tmp_path, run):
    path = tmp_path / "s.orgd"
    save(structure, path)
    result = run("export", str(path), "-o", str(tmp_path / "chart.docx"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert all(kind in result.stderr for kind in (".pdf", ".png", ".svg", ".pptx", ".csv", ".xlsx"))
