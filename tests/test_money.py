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
