"""The one money formatter and the parsers the docks share (Qt-free, in orgdesigner.presentation.money)."""

import pytest

from orgdesigner.presentation.money import format_funding, money, parse_funding, parse_money


def test_money_is_whole_pounds_with_thousands():
    assert money(72500.4) == "£72,500"


def test_parse_money_reads_what_money_writes_and_refuses_nonsense():
    assert parse_money(money(72500)) == 72500.0
    assert parse_money("  ") is None
    with pytest.raises(ValueError, match="'lots' is not an amount of money"):
        parse_money("lots")
    with pytest.raises(ValueError, match="cannot be negative"):
        parse_money("-5")


def test_funding_round_trips_and_names_the_bad_share():
    shares = parse_funding("NHS: 50%; Partner Council: 0.25")
    assert shares == {"NHS": 0.5, "Partner Council": 0.25}
    assert parse_funding(format_funding(shares)) == shares
    with pytest.raises(ValueError, match="more than 100%"):
        parse_funding("NHS: 60%; County: 50%")
    with pytest.raises(ValueError, match="'half' is not a share"):
        parse_funding("NHS: half")


def test_a_negative_amount_takes_a_true_minus_sign_before_the_pound():
    from orgdesigner.model.money import money

    assert money(-217400) == "\u2212£217,400"
    assert money(-0.4) == "£0"  # rounds to nothing: no minus sign on a zero
    assert money(-360_000, short=True) == "\u2212£0.36m"
    assert money(950_000, short=True) == "£0.95m" and money(45_000, short=True) == "£45k"


def test_a_saving_that_is_an_extra_cost_says_so():
    from orgdesigner.model.money import saving

    assert saving(300625) == "£300,625 a year"
    assert saving(-217400) == "£217,400 extra cost a year"
    assert saving(-217400, per="") == "£217,400 extra cost"


def test_compare_text_never_writes_a_pound_sign_before_a_minus(run, tmp_path):
    from orgdesigner.model import save

    from conftest import make_structure

    before, after = make_structure(), make_structure()
    after.update_post("H1", salary=200000)
    save(before, tmp_path / "before.orgd")
    save(after, tmp_path / "after.orgd")
    result = run("compare", str(tmp_path / "before.orgd"), str(tmp_path / "after.orgd"))
    assert "£-" not in result.stdout and "extra cost a year" in result.stdout
