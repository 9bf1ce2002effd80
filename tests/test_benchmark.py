"""Pay benchmarking: figures by category, where a post sits, the comparator table read from CSV,
and `orgdesigner benchmark`."""

from __future__ import annotations

import json

import pytest

from orgdesigner.analysis.benchmark import ALL, all_stats, category_stats, post_position, resolve_category
from orgdesigner.cli import main
from orgdesigner.io.comparators import ComparatorTableFailed, read_comparators
from orgdesigner.model import Benchmark, ChangeKind, dumps, loads, save

COMPARATORS = [
    {"council": "North", "pay": 100_000, "population": 300_000, "categories": ["County"]},
    {"council": "South", "pay": 200_000, "population": 800_000, "categories": ["County", "Neighbour"]},
    {"council": "East", "pay": 300_000, "categories": ["County"]},
    {"council": "West", "pay": 400_000, "categories": ["Neighbour"]},
    {"council": "Central", "pay": 500_000, "categories": ["County"]},
]


@pytest.fixture
def benchmark() -> Benchmark:
    return Benchmark(role="Director pay", post="D1", category="County", categories=["Neighbour", "County"],
                     comparators=COMPARATORS)


def test_figures_by_category_then_for_all(benchmark):
    stats = {s.category: s for s in all_stats(benchmark)}
    assert list(stats) == ["Neighbour", "County", ALL]  # the benchmark's order, then all
    every = stats[ALL]
    assert (every.count, every.mean, every.median) == (5, 300_000, 300_000)
    assert (every.lower_quartile, every.upper_quartile) == (200_000, 400_000)  # inclusive, as Excel's QUARTILE.INC
    county = stats["County"]
    assert (county.count, county.mean, county.median) == (4, 275_000, 250_000)
    assert (county.lower_quartile, county.upper_quartile) == (175_000, 350_000)
    assert (county.lowest, county.highest) == (100_000, 500_000)
    one = category_stats(Benchmark(comparators=COMPARATORS[:1]), ALL)
    assert one.mean == one.median == one.lower_quartile == one.upper_quartile == 100_000


def test_a_posts_pay_is_its_grade_top_against_the_category(structure, benchmark):
    position = post_position(structure, benchmark, "D1", "County")  # grade DIR, £90,000 to £100,000
    assert (position.pay, position.pay_bottom) == (100_000, 90_000)
    assert position.vs_mean == -175_000 and position.vs_median == -150_000
    assert position.quarter == 1 and position.paid_less == 0
    structure.update_post("D1", salary=320_000)
    position = post_position(structure, benchmark, "D1", ALL)
    assert position.pay_bottom is None and position.quarter == 3 and position.paid_less == 3


def test_a_post_without_pay_or_unknown_is_refused_clearly(structure, benchmark):
    structure.update_post("D1", grade=None)
    with pytest.raises(ValueError, match="'Director of Resources' has neither a salary nor a grade"):
        post_position(structure, benchmark, "D1", ALL)
    with pytest.raises(ValueError, match="no post 'X'"):
        post_position(structure, benchmark, "X", ALL)


def test_categories_are_named_in_any_case(benchmark):
    assert resolve_category(benchmark, "county") == "County"
    assert resolve_category(benchmark, "ALL") == ALL
    with pytest.raises(ValueError, match="no comparator category 'Unitary'.*'Neighbour', 'County', 'All comparators'"):
        resolve_category(benchmark, "Unitary")


@pytest.mark.parametrize("change, words", [
    ({"comparators": [*COMPARATORS, COMPARATORS[0]]}, "'North' is listed twice"),
    ({"category": "Unitary"}, "'Unitary' is not one of the benchmark's categories"),
    ({"comparators": [{"council": "X", "pay": -1}]}, "greater than or equal to 0"),
    ({"comparators": [{"council": "X", "pay": 1, "categories": [" "]}]}, "category name cannot be blank"),
])
def test_a_comparator_table_that_makes_no_sense_is_refused(benchmark, change, words):
    with pytest.raises(ValueError, match=words):
        Benchmark.model_validate({**benchmark.model_dump(), **change})


def test_the_table_is_kept_in_the_file_and_edits_are_announced(structure, benchmark):
    seen = []
    structure.subscribe(seen.append)
    old = structure.set_benchmark(benchmark)
    assert old == Benchmark() and seen[-1].kind is ChangeKind.BENCHMARK_CHANGED
    assert loads(dumps(structure)).benchmark == benchmark
    structure.set_benchmark(old)
    assert '"benchmark"' not in dumps(structure)


# ----- the comparator table from CSV -----------------------------------------------------------------


def write(tmp_path, text: str, name: str = "comparators.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_laid_out_like_derbyshires_appendix(tmp_path):
    path = write(tmp_path, "Pay benchmarking for the Managing Director\n\n"
                           "Council,Local Councils,County Councils,Chief Executive (or equivalent) Pay,"
                           "Number of Residents\n"
                           "Derby City,x,,\"£169,810\",258746\n"
                           "Devon County Council,,x,\"£160,346\",\"810,716\"\n"
                           "Lancashire County Council,x,X,£206728,\n")
    table = read_comparators(path)
    assert table.categories == ["Local Councils", "County Councils"]
    assert [(c.council, c.pay, c.population, c.categories) for c in table.comparators] == [
        ("Derby City", 169_810, 258_746, ["Local Councils"]),
        ("Devon County Council", 160_346, 810_716, ["County Councils"]),
        ("Lancashire County Council", 206_728, None, ["Local Councils", "County Councils"]),
    ]


def test_csv_with_a_categories_column(tmp_path):
    path = write(tmp_path, "council,pay,categories\nA,100000,County; Neighbour\nB,120000,\n")
    table = read_comparators(path)
    assert [c.categories for c in table.comparators] == [["County", "Neighbour"], []]
    assert table.all_categories() == ["County", "Neighbour"]


@pytest.mark.parametrize("text, words", [
    ("name,pay,County\nA,100,maybe\n", "row 2, column 'County': 'maybe' is not a mark"),
    ("name,pay\nA,lots\n", "row 2, column 'pay': 'lots' is not a number"),
    ("name,pay\nA,\n", "row 2, column 'pay': no figure given"),
    ("name,pay\n,100\n", "row 2: no council named"),
    ("name,pay\nA,100\nA,200\n", "the council 'A' is listed more than once"),
    ("name,population\nA,100\n", "row 1: no column gives the pay"),
    ("what,pay\nA,100\n", "no header row names the council"),
    ("name,pay\n", "no comparator rows"),
])
def test_csv_problems_name_the_row_and_column(tmp_path, text, words):
    with pytest.raises(ComparatorTableFailed, match=words):
        read_comparators(write(tmp_path, text))


def test_every_problem_is_listed_at_once(tmp_path):
    with pytest.raises(ComparatorTableFailed) as info:
        read_comparators(write(tmp_path, "name,pay\nA,x\nB,\n"))
    assert len(info.value.problems) == 2 and str(info.value).startswith(str(tmp_path / "comparators.csv"))


# ----- orgdesigner benchmark -------------------------------------------------------------------------


@pytest.fixture
def benchmark_file(structure, benchmark, tmp_path):
    structure.set_benchmark(benchmark)
    path = tmp_path / "s.orgd"
    save(structure, path)
    return path


def test_cli_json_gives_figures_per_category_and_the_posts_place(benchmark_file, capsys):
    assert main(["benchmark", str(benchmark_file), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["role"] == "Director pay" and report["comparators"] == 5
    assert [c["category"] for c in report["categories"]] == ["Neighbour", "County", ALL]
    assert report["categories"][1] == {"category": "County", "count": 4, "mean": 275_000, "median": 250_000,
                                       "lower_quartile": 175_000, "upper_quartile": 350_000,
                                       "lowest": 100_000, "highest": 500_000}
    assert report["post"] == {"post": "D1", "title": "Director of Resources", "pay": 100_000, "pay_bottom": 90_000,
                              "category": "County", "vs_mean": -175_000, "vs_median": -150_000, "quarter": 1,
                              "paid_less": 0, "count": 4}


def test_cli_chooses_post_and_category(benchmark_file, capsys):
    assert main(["benchmark", str(benchmark_file), "--post", "CE", "--category", "neighbour"]) == 0
    out = capsys.readouterr().out
    assert "Chief Executive: £150,000 (top of its grade; bottom £140,000)" in out
    assert "against Neighbour (2): £150,000 below the mean of £300,000" in out


def test_cli_reads_comparators_from_a_table(benchmark_file, tmp_path, capsys):
    table = write(tmp_path, "council,pay,Unitary\nA,\"£90,000\",x\nB,110000,x\nC,130000,\n")
    assert main(["benchmark", str(benchmark_file), "--comparators", str(table), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(c["category"], c["mean"]) for c in report["categories"]] == [("Unitary", 100_000), (ALL, 110_000)]
    assert report["post"]["category"] == ALL  # the file's 'County' is not in this table


@pytest.mark.parametrize("args, words", [
    (["--post", "NOPE"], "--post names 'NOPE', which is not a post"),
    (["--category", "Unitary"], "no comparator category 'Unitary'"),
    (["--comparators", "absent.csv"], "absent.csv: 1 problem:\n  no such file"),
])
def test_cli_bad_benchmark_options_exit_2(benchmark_file, capsys, args, words):
    assert main(["benchmark", str(benchmark_file), *args]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_cli_without_comparators_says_how_to_give_them(structure, tmp_path, capsys):
    path = tmp_path / "none.orgd"
    save(structure, path)
    assert main(["benchmark", str(path)]) == 2
    assert "has no comparators; give a table of them with --comparators" in capsys.readouterr().err
