"""The guard test: every command over a corpus of broken and hostile files (all generated here).

Each run must end within its deadline, print no traceback, exit 2 with a message naming the file
for bad input (0 or 1 where the input is valid), and leave any previous output file as it was.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook

DEADLINE = 20.0
"""Seconds one command may take (each takes well under a few seconds when the machine is idle;
the margin is for a loaded 2-core machine)."""
TRACEBACK_MARKS = ("Traceback (most recent call last)", 'File "', "RecursionError", "    raise ")


def document(**scenario: object) -> str:
    body = {"scenario": "Current", "name": "Hostile", **scenario}
    return json.dumps({"format": "orgdesigner-structure", "version": 2, "baseline": "Current", "scenarios": [body]})


def posts(*items: dict) -> list[dict]:
    return [{"id": "CE", "title": "Chief Executive"}, *items]


def chain(levels: int) -> list[dict]:
    return [{"id": f"P{i}", "title": f"Level {i}", **({"reports_to": f"P{i - 1}"} if i else {})}
            for i in range(levels)]


def nested_groups(count: int) -> dict[str, list[dict]]:
    return {"groups": [{"id": f"G{i}", "name": f"Group {i}", **({"parent": f"G{i - 1}"} if i else {})}
                       for i in range(count)],
            "posts": [{"id": f"P{i}", "title": "Head", "group": f"G{i}"} for i in range(0, count, 50)]}


STRUCTURES: dict[str, tuple[str | bytes | None, bool]] = {
    # name: (content, valid); None content means a special file made by `make_special`
    "truncated.orgd": (document(posts=posts())[:-20], False),
    "wrong-types.orgd": (document(posts=[{"id": 5, "title": ["x"], "fte": "lots", "reports_to": {}}]), False),
    "posts-not-a-list.orgd": (document(posts="CE"), False),
    "nested-arrays.orgd": ("[" * 200_000 + "]" * 200_000, False),
    "long-version.orgd": ('{"format": "orgdesigner-structure", "version": ' + "9" * 5000 + ', "scenarios": []}', False),
    "newer-version.orgd": ('{"format": "orgdesigner-structure", "version": 99, "scenarios": []}', False),
    "infinite-fte.orgd": (document(posts=posts()).replace('"Chief Executive"}', '"Chief Executive", "fte": Infinity}'),
                          False),
    "nan-salary.orgd": (document(posts=posts()).replace('"Chief Executive"}', '"Chief Executive", "salary": NaN}'),
                        False),
    "huge-salary.orgd": (document(posts=posts({"id": "D", "title": "D", "reports_to": "CE", "salary": 1e308})), False),
    "nan-position.orgd": (document(posts=posts()).replace('"Chief Executive"}',
                                                          '"Chief Executive", "position": {"x": NaN, "y": 0}}'), False),
    "empty.orgd": ("", False),
    "binary.orgd": (bytes(range(256)) * 64, False),
    "latin1.orgd": (document(posts=posts()).replace("Chief", "Chéf").encode("latin-1"), False),
    "not-json-object.orgd": ("[1, 2, 3]", False),
    "huge-title.orgd": (document(posts=[{"id": "CE", "title": "x" * 1_000_000}]), False),
    "bad-rule-params.orgd": (document(posts=posts(), settings={"rules": {"span-over-limit": {"params": {"max": "8"}}}}),
                             False),
    "unknown-rule.orgd": (document(posts=posts(), settings={"rules": {"no-such-rule": {}}}), False),
    "dangling-manager.orgd": (document(posts=posts({"id": "D", "title": "D", "reports_to": "nobody"})), False),
    "duplicate-ids.orgd": (document(posts=posts({"id": "CE", "title": "Again"})), False),
    "bad-baseline.orgd": (json.dumps({"format": "orgdesigner-structure", "version": 2, "baseline": "Nope",
                                      "scenarios": [{"scenario": "Current", "name": "x"}]}), False),
    "year-zero-rota.orgd": (document(posts=posts({"id": "D", "title": "D", "reports_to": "CE"}),
                                     rota={"posts": ["CE", "D"], "months": [{"month": "0000-05", "lead": "CE",
                                                                              "buddy": "D"}]}), False),
    "fifo.orgd": (None, False),
    "folder.orgd": (None, False),
    "missing.orgd": (None, False),
    # valid, if strange: these must work (exit 0 or 1)
    "chain-10000.orgd": (document(posts=chain(10_000)), True),
    "groups-5000.orgd": (document(**nested_groups(5_000)), True),
    "control-characters.orgd": (document(name="\x1b[2J\x1b[31mRed\x07", posts=posts(
        {"id": "D", "title": "Director\x1b]0;pwned\x07 \u202eevil", "reports_to": "CE", "postholder": "\x1b[5mBlink"})),
                                True),
    "formula-titles.orgd": (document(posts=posts({"id": "D", "title": "=HYPERLINK(\"http://x\")", "reports_to": "CE"},
                                                 {"id": "E", "title": "\t＝1+1", "reports_to": "CE"})), True),
    "cycle.orgd": (document(posts=[{"id": "A", "title": "A", "reports_to": "B"},
                                   {"id": "B", "title": "B", "reports_to": "A"}]), True),
    "colon-scenario.orgd": (json.dumps({"format": "orgdesigner-structure", "version": 2, "baseline": "Option: lean",
                                        "scenarios": [{"scenario": "Option: lean", "name": "x", "posts": posts()}]}),
                            True),
}
LARGE = {"chain-10000.orgd"}
"""Valid files big enough that only the commands that treat them differently are run over them."""
PDF_CHAIN = "chain-1500.orgd"
"""A chain deeper than Python's recursion limit, for the PDF export (the 10,000-level chain's PDF
is tested on its own, in test_hardening_algorithms)."""


def workbook_bytes(rows: list[list[str]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_sheet(sheet_xml: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes([["post_id", "title"], ["1", "Chief"]])))
    out_buffer = io.BytesIO()
    with zipfile.ZipFile(out_buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, sheet_xml if info.filename == "xl/worksheets/sheet1.xml" else source.read(info))
    return out_buffer.getvalue()


SHEET = (b'<?xml version="1.0"?>\n%s<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         b"<sheetData>%s</sheetData></worksheet>")
ROW = b'<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>'

TABLES: dict[str, tuple[str | bytes | None, bool]] = {
    "unclosed-quote.csv": ('post_id,title\n1,Chief\n2,"Director\n3,Head\n', False),
    "bad-numbers.csv": ("post_id,title,fte,salary\n1,Chief,lots,-5\n2,Dir,Infinity,NaN\n", False),
    "duplicate-ids.csv": ("post_id,title\n1,Chief\n1,Again\n", False),
    "cycle.csv": ("post_id,title,reports_to\n1,A,2\n2,B,1\n", False),
    "empty.csv": ("", False),
    "binary.csv": (bytes(range(256)) * 64, False),
    "no-headers.csv": ("a,b,c\n1,2,3\n", False),
    "formula.csv": ("post_id,title\n1,=cmd|' /C calc'!A0\n", True),
    "control.csv": ("post_id,title\n1,\x1b[31mRed\x1b[0m\n", True),
    "malformed.xlsx": (with_sheet(SHEET % (b"", b'<row r="1"><c r="A1"')), False),
    "external-entity.xlsx": (with_sheet(SHEET % (b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', ROW)),
                             False),
    "entity-bomb.xlsx": (with_sheet(SHEET % (b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY x "'
                                             + b"&a;" * 10 + b'">]>', ROW)), False),
    "far-cell.xlsx": (with_sheet(SHEET % (b"", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is>'
                                          b"</c></row>")), False),
    "not-a-zip.xlsx": (b"PK\x03\x04 this is not really a zip", False),
    "old-format.xls": (b"\xd0\xcf\x11\xe0", False),
    "fifo.csv": (None, False),
    "folder.csv": (None, False),
}


def make_special(path: Path) -> None:
    if path.stem == "fifo":
        os.mkfifo(path)
    elif path.stem == "folder":
        path.mkdir()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, (content, _valid) in {**STRUCTURES, **TABLES}.items():
        path = folder / name
        if content is None:
            make_special(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (folder / PDF_CHAIN).write_text(document(posts=chain(1_500)))
    (folder / "good.orgd").write_text(document(posts=posts({"id": "D", "title": "Director", "reports_to": "CE"})))
    return folder


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    seconds: float


def run_with_deadline(args: list[str]) -> Outcome:
    """Run `orgdesigner ARGS` in this process, in a thread with a deadline: a hang fails the test."""
    import time

    from orgdesigner.main import main

    result: dict[str, object] = {}
    out, err = io.StringIO(), io.StringIO()

    def work() -> None:
        try:
            result["code"] = main(args)
        except SystemExit as exc:  # argparse refusing options in the window's parser
            result["code"] = exc.code
        except BaseException as exc:  # noqa: BLE001 - anything escaping the guard fails the test
            result["escaped"] = exc

    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    started = time.monotonic()
    try:
        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        thread.join(DEADLINE)
    finally:
        sys.stdout, sys.stderr = saved
    seconds = time.monotonic() - started
    assert not thread.is_alive(), f"orgdesigner {' '.join(args)} did not finish within {DEADLINE} s"
    assert "escaped" not in result, f"an exception escaped the guard: {result.get('escaped')!r}"
    return Outcome(int(result["code"]), out.getvalue(), err.getvalue(), seconds)  # type: ignore[call-overload]


def assert_clean(outcome: Outcome, args: list[str]) -> None:
    for stream in (outcome.out, outcome.err):
        assert not any(mark in stream for mark in TRACEBACK_MARKS), f"{args}: traceback-like text:\n{stream[-2000:]}"
        assert "\x1b" not in stream and "\x07" not in stream, f"{args}: raw control characters printed"
    assert "internal error" not in outcome.err, f"{args}: {outcome.err}"


def structure_commands(name: str, out: Path, good: Path) -> list[list[str]]:
    return [
        ["check", name], ["check", "--json", name], ["scenarios", name], ["scenarios", "--json", name],
        ["compare", str(good), name], ["compare", "--json", name, str(good)],
        ["export", name, "-o", str(out.with_suffix(".csv"))], ["export", name, "-o", str(out.with_suffix(".xlsx"))],
        ["export", name, "-o", str(out.with_suffix(".csv")), "--redact-names"],
        ["rota", name], ["rota", name, "--months", "3", "--posts", "CE"], ["benchmark", name],
    ]


def prepare_outputs(out: Path) -> dict[Path, bytes]:
    previous = {}
    for suffix in (".csv", ".xlsx", ".pdf", ".orgd"):
        path = out.with_suffix(suffix)
        path.write_bytes(b"the previous output " + suffix.encode())
        previous[path] = path.read_bytes()
    return previous


@pytest.mark.parametrize("name", sorted(STRUCTURES))
def test_every_command_over_a_hostile_structure_file(corpus, tmp_path, name):
    path, valid = corpus / name, STRUCTURES[name][1]
    out = tmp_path / "out"
    commands = structure_commands(str(path), out, corpus / "good.orgd")
    if name in LARGE:  # each command reads all 10,000 posts: the ones that do something different with them
        commands = [c for c in commands if c[0] in ("check", "compare") or c[-1].endswith(".csv")]
    if not valid or name in ("control-characters.orgd", "formula-titles.orgd", "cycle.orgd"):
        commands.append(["export", str(path), "-o", str(out.with_suffix(".pdf"))])
    for args in commands:
        previous = prepare_outputs(out)
        outcome = run_with_deadline(args)
        assert_clean(outcome, args)
        if valid and args[0] in ("check", "scenarios", "compare", "export"):
            assert outcome.code in (0, 1), f"{args}: valid input refused: {outcome.err}"
            if args[0] == "check" and "--json" in args:
                json.loads(outcome.out, parse_constant=lambda constant: pytest.fail(f"bare {constant} in --json"))
        else:
            assert outcome.code in ((0, 1, 2) if valid else (2,)), f"{args}: exit {outcome.code}: {outcome.err}"
        if outcome.code == 2:
            assert outcome.err.startswith("orgdesigner: ") and path.name in outcome.err, f"{args}: {outcome.err}"
            assert all(p.read_bytes() == data for p, data in previous.items()), f"{args}: an output was changed"


def test_the_colon_scenario_is_addressed_as_file_colon_scenario(corpus, run):
    path = corpus / "colon-scenario.orgd"
    result = run("compare", f"{path}:Option: lean", str(corpus / "good.orgd"))
    assert result.returncode == 0, result.stderr
    assert "Option: lean" in result.stdout
    missing = run("check", f"{path}:Option: fat")
    assert missing.returncode == 2 and "there is no scenario 'Option: fat'" in missing.stderr


def test_a_chain_deeper_than_the_recursion_limit_exports_to_pdf(corpus, tmp_path):
    args = ["export", str(corpus / PDF_CHAIN), "-o", str(tmp_path / "chain.pdf")]
    outcome = run_with_deadline(args)
    assert_clean(outcome, args)
    assert outcome.code == 0 and (tmp_path / "chain.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("name", sorted(TABLES))
def test_import_and_comparators_over_a_hostile_table(corpus, tmp_path, name):
    path, valid = corpus / name, TABLES[name][1]
    out = tmp_path / "out"
    for args in (["import", str(path), "-o", str(out.with_suffix(".orgd"))],
                 ["benchmark", str(corpus / "good.orgd"), "--comparators", str(path)]):
        previous = prepare_outputs(out)
        outcome = run_with_deadline(args)
        assert_clean(outcome, args)
        expected = (0,) if valid and args[0] == "import" else (2,)
        assert outcome.code in expected, f"{args}: exit {outcome.code}: {outcome.err}"
        if outcome.code == 2:
            assert outcome.err.startswith("orgdesigner: ") and path.name in outcome.err, f"{args}: {outcome.err}"
            assert all(p.read_bytes() == data for p, data in previous.items()), f"{args}: an output was changed"


@pytest.mark.parametrize("args", [
    ["import", "{table}", "-o", "{table}"],
    ["export", "{good}", "-o", "{good}"],
    ["export", "{good}", "-o", "{good_link}"],
    ["export", "{good}", "-o", "{good}", "--pack", "--before", "{good}"],
    ["export", "{chain}", "-o", "{good}", "--pack", "--before", "{good}:Current"],
], ids=["import", "export-table", "export-through-link", "export-pack", "export-pack-before"])
def test_an_output_that_is_one_of_the_inputs_is_refused(corpus, tmp_path, args):
    table = tmp_path / "table.csv"
    table.write_text("post_id,title\n1,Chief\n")
    good = tmp_path / "good.orgd"
    good.write_bytes((corpus / "good.orgd").read_bytes())
    (tmp_path / "link.orgd").symlink_to(good)
    before = {table: table.read_bytes(), good: good.read_bytes()}
    filled = [a.format(table=table, good=good, good_link=tmp_path / "link.orgd", chain=corpus / "cycle.orgd")
              for a in args]
    outcome = run_with_deadline(filled)
    assert_clean(outcome, filled)
    assert outcome.code == 2 and "is also an input of the command" in outcome.err
    assert all(p.read_bytes() == data for p, data in before.items())


def test_an_unexpected_error_is_one_line_and_exit_2_with_the_traceback_only_on_request(corpus, run, monkeypatch):
    from orgdesigner.cli import check

    def broken(*_args):
        raise RuntimeError("something the program did not expect")

    monkeypatch.setattr(check, "check_report", broken)
    result = run("check", str(corpus / "good.orgd"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == ("orgdesigner: internal error, please report it: RuntimeError: something the program "
                             "did not expect (run with ORGDESIGNER_DEBUG=1 to see the details)\n")
    monkeypatch.setenv("ORGDESIGNER_DEBUG", "1")
    result = run("check", str(corpus / "good.orgd"))
    assert result.returncode == 2 and "Traceback (most recent call last)" in result.stderr


def test_a_reader_that_stops_reading_ends_the_command_quietly(corpus):
    """`orgdesigner check FILE | head -1`: no BrokenPipeError, on stderr or at exit."""
    command = [sys.executable, "-m", "orgdesigner", "check", str(corpus / "chain-10000.orgd")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait(timeout=60) in (0, 1) and error == ""


@pytest.mark.parametrize("name", ["fifo.orgd", "long-version.orgd", "nested-arrays.orgd", "control-characters.orgd"])
def test_the_window_screenshot_over_hostile_files(corpus, tmp_path, name):
    picture = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "orgdesigner", str(corpus / name), "--screenshot", str(picture)],
                            capture_output=True, text=True, timeout=90, env=env)
    assert not any(mark in result.stderr for mark in TRACEBACK_MARKS), result.stderr
    if STRUCTURES[name][1]:
        assert result.returncode == 0 and picture.exists(), result.stderr
    else:
        assert result.returncode == 2 and name in result.stderr and not picture.exists()


def test_text_output_shows_control_characters_escaped_and_the_workbook_export_counts_them(corpus, run, tmp_path):
    path = corpus / "control-characters.orgd"
    for args in (["check", str(path)], ["compare", str(corpus / "good.orgd"), str(path)]):
        result = run(*args)
        assert "\\x1b[2J\\x1b[31mRed\\x07" in result.stdout or "Director\\x1b]0;pwned\\x07" in result.stdout
        assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    result = run("export", str(path), "-o", str(tmp_path / "t.xlsx"))
    assert result.returncode == 0
    assert "2 cells held control characters, which a workbook cannot hold" in result.stdout
