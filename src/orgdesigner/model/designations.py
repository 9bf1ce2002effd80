"""Statutory designations a post can hold, with the names councils write them in."""

from __future__ import annotations

from enum import StrEnum


class Designation(StrEnum):
    """A statutory role. The value is the short code used in files and on cards."""

    HOPS = "HoPS"
    S151 = "S151"
    MO = "MO"
    DCS = "DCS"
    DASS = "DASS"
    DPH = "DPH"
    RO = "RO"
    SIRO = "SIRO"
    PROPER_OFFICER = "PO"

    @property
    def full_name(self) -> str:
        return FULL_NAMES[self]

    @classmethod
    def parse(cls, text: str) -> "Designation":
        """Accept a short code or any of the full names, in any letter case."""
        key = _normalise(text)
        try:
            return _LOOKUP[key]
        except KeyError:
            known = ", ".join(d.value for d in cls)
            raise ValueError(f"unknown statutory designation {text!r} (known: {known})") from None


FULL_NAMES: dict[Designation, str] = {
    Designation.HOPS: "Head of Paid Service",
    Designation.S151: "Chief Finance Officer (S151)",
    Designation.MO: "Monitoring Officer",
    Designation.DCS: "Director of Children's Services",
    Designation.DASS: "Director of Adult Social Services",
    Designation.DPH: "Director of Public Health",
    Designation.RO: "Returning Officer",
    Designation.SIRO: "Senior Information Risk Owner",
    Designation.PROPER_OFFICER: "Proper Officer",
}

_ALIASES: dict[str, Designation] = {
    "chief finance officer": Designation.S151,
    "section 151 officer": Designation.S151,
    "s151 officer": Designation.S151,
    "chief financial officer": Designation.S151,
    "cfo": Designation.S151,
    "director of childrens services": Designation.DCS,
    "director of adult social services": Designation.DASS,
    "siro": Designation.SIRO,
    "returning officer": Designation.RO,
    "electoral registration officer": Designation.RO,
}


def _normalise(text: str) -> str:
    return " ".join(text.replace("'", "").replace("’", "").replace("(", " ").replace(")", " ").lower().split())


_LOOKUP: dict[str, Designation] = {
    **{_normalise(d.value): d for d in Designation},
    **{_normalise(name): d for d, name in FULL_NAMES.items()},
    **{_normalise(alias): d for alias, d in _ALIASES.items()},
}
