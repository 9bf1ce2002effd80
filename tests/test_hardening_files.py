"""Hostile structure files: limits checked before work, special files refused, numbers that are
numbers, and algorithms without recursion limits or quadratic traps (inputs generated here)."""

from __future__ import annotations

import json
import os
import signal
import time

import pytest

from orgdesigner.analysis import Analysis
from orgdesigner.layout.compute import compute_layout
from orgdesigner.model import StructureFileError, fileformat, load, loads
from orgdesigner.model.rota import RotaMonth, add_months
from orgdesigner.model.safefiles import UnreadableFile, read_regular_file
from orgdesigner.model.strictjson import dumps_strict


def document(**scenario: object) -> str:
    body = {"scenario": "Current", **scenario}
    return json.dumps({"format": "orgdesigner-structure", "version": 2, "baseline": "Current", "scenarios": [body]})


def refusal(text: str) -> str:
    with pytest.raises(StructureFileError) as caught:
        loads(text, "f.orgd")
    message = str(caught.value)
    assert message.startswith("f.orgd: ") and "http" not in message and "Traceback" not in message
    return message


@pytest.fixture
def alarm():
    """Fail instead of hanging if a read blocks."""
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the read blocked"))
    signal.alarm(5)
    yield
    signal.alarm(0)


def test_special_files_are_refused_without_blocking(tmp_path, alarm):
    fifo = tmp_path / "pipe.orgd"
    os.mkfifo(fifo)
    with pytest.raises(StructureFileError, match="pipe.orgd: this is a named pipe"):
        load(fifo)
    with pytest.raises(StructureFileError, match="this is a folder"):
        load(tmp_path)
    with pytest.raises(StructureFileError, match="this is a device"):
        load("/dev/zero")


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(UnreadableFile, match="more than"):
        read_regular_file(path, 1000)
    assert read_regular_file(path, 2000) == b"x" * 2000


def test_deeply_nested_json_and_huge_numbers_give_clear_messages():
    assert "nested too deeply" in refusal("[" * 200_000 + "]" * 200_000)
    long_version = '{"format": "orgdesigner-structure", "version": ' + "9" * 5000 + "}"
    assert "format version (too long a number)" in refusal(long_version)
    message = refusal(document(posts=[{"id": "P1", "title": "Chief", "fte": 7}]).replace('"fte": 7',
                                                                                           '"fte": ' + "9" * 5000))
    assert "post 'P1' (Chief) › fte" in message and "finite" in message


@pytest.mark.parametrize("field, value", [("fte", "Infinity"), ("salary", "NaN"), ("salary", "1e308"),
                                          ("fte", "-Infinity")])
def test_infinite_absurd_and_nan_figures_are_refused(field, value):
    text = document(posts=[{"id": "P1", "title": "Chief", field: 1}]).replace(f'"{field}": 1', f'"{field}": {value}')
    assert f"post 'P1' (Chief) › {field}" in refusal(text)


def test_infinity_is_refused_in_positions_pay_scales_benchmarks_and_proposals():
    assert "position" in refusal(document(posts=[{"id": "P1", "title": "A", "position": {"x": 1, "y": 1}}])
                                 .replace('"x": 1', '"x": NaN'))
    assert "grade 'A'" in refusal(document(pay_scales=[{"code": "A", "min": 1, "max": 2}]).replace('"max": 2',
                                                                                                    '"max": Infinity'))
    assert "benchmark" in refusal(document(benchmark={"comparators": [{"council": "X", "pay": 1}]})
                                  .replace('"pay": 1', '"pay": Infinity'))
    assert "proposal" in refusal(document(proposal={"one_off_costs": [{"label": "Severance", "amount": 1e300}]}))


def test_a_rule_parameter_of_the_wrong_type_is_refused_at_load_naming_rule_and_parameter():
    message = refusal(document(settings={"rules": {"span-over-limit": {"params": {"max": "eight"}}}}))
    assert "rule 'span-over-limit', parameter 'max': 'eight' is not a number" in message
    assert "has no parameter 'maxx'" in refusal(document(settings={"rules": {"span-over-limit":
                                                                              {"params": {"maxx": 8}}}}))
    assert "unknown rule 'no-such-rule'" in refusal(document(settings={"rules": {"no-such-rule": {}}}))
    assert "severity 'loud'" in refusal(document(settings={"rules": {"tier-order": {"severity": "loud"}}}))


def test_counts_and_text_lengths_are_limited(monkeypatch):
    assert "a post needs a title" not in refusal(document(posts=[{"id": "P1", "title": "x" * 1001}]))
    assert "at most 1000 characters" in refusal(document(posts=[{"id": "P1", "title": "x" * 1001}]))
    monkeypatch.setattr(fileformat, "MAX_POSTS", 3)
    posts = [{"id": f"P{i}", "title": "T"} for i in range(4)]
    assert "scenario 'Current' has 4 posts; at most 3 are read" in refusal(document(posts=posts))


def test_many_validation_problems_are_counted_and_capped_without_links():
    posts = [{"id": f"P{i}", "title": "T", "fte": -1} for i in range(120)]
    message = refusal(document(posts=posts))
    assert message.count("\n") == 50 and "120 problems" in message and "… and 71 more" in message


def test_rota_months_before_year_one_are_refused():
    with pytest.raises(ValueError, match="before the year 1"):
        RotaMonth(month="0000-05", lead="A", buddy="B")
    with pytest.raises(ValueError, match="outside the years"):
        add_months("0001-01", -1)


def test_strict_json_never_writes_nan_or_infinity():
    text = dumps_strict({"a": float("inf"), "b": [1.5, float("nan")], "c": ("x",)}, indent=1)

    def refuse(constant: str) -> None:
        raise AssertionError(constant)

    assert json.loads(text, parse_constant=refuse) == {"a": None, "b": [1.5, None], "c": ["x"]}


def test_a_ten_thousand_level_chain_loads_analyses_and_lays_out():
    posts = [{"id": f"P{i}", "title": f"T{i}", **({"reports_to": f"P{i - 1}"} if i else {})} for i in range(10_000)]
    structure = loads(document(posts=posts))
    assert Analysis(structure).layers() == 10_000
    assert len(compute_layout(structure).cards) == 10_000
    assert len(structure.chain_above("P9999")) == 9_999


def test_five_thousand_nested_groups_load_and_roll_up_in_linear_time():
    count = 5_000
    groups = [{"id": f"G{i}", "name": f"G{i}", "staff": 1, **({"parent": f"G{i - 1}"} if i else {})}
              for i in range(count)]
    posts = [{"id": f"P{i}", "title": "T", "group": f"G{i}"} for i in range(count)]
    started = time.perf_counter()
    structure = loads(document(groups=groups, posts=posts))
    analysis = Analysis(structure)
    assert analysis.totals_by_group()["G0"].posts == count
    assert analysis.group_staff("G0") == (count, 0)
    assert structure.group_depths()[f"G{count - 1}"] == count - 1
    assert len(structure.group_chain(f"G{count - 1}")) == count
    assert time.perf_counter() - started < 15  # minutes before: the chain was searched as a list


def test_a_group_nested_inside_itself_is_refused():
    groups = [{"id": "A", "name": "A", "parent": "B"}, {"id": "B", "name": "B", "parent": "A"}]
    assert "nested inside itself" in refusal(document(groups=groups))
