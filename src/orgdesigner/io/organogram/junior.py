"""The junior file: FTE per grade under each senior post; staff of that post, never posts."""

from __future__ import annotations

from typing import Any

from ...model import JuniorStaff
from .cells import amount
from .detect import Layout
from .quality import RowWarning


def read_junior(rows: list[list[str]], layout: Layout, unit_of: dict[str, str]) -> tuple[
        dict[str, list[JuniorStaff]], list[RowWarning]]:
    """Junior staff by the reference of their senior post; rows under an unknown post are left out."""
    staff: dict[str, list[JuniorStaff]] = {}
    warnings: list[RowWarning] = []
    for index in range(layout.header_row + 1, len(rows)):
        values = layout.values(rows[index])
        if not any(values.values()):
            continue
        row = index + 1
        value = lambda name: values.get(name, "")  # noqa: E731
        senior = value("senior_post")
        if senior not in unit_of:
            warnings.append(RowWarning("junior", row, f"reports to senior post {senior!r}, which is not in the "
                                                      "senior file; the row is left out"))
            continue
        fte = amount(value("junior_fte"))
        if fte is None:
            warnings.append(RowWarning("junior", row, f"Number of Posts in FTE {value('junior_fte')!r} is not a "
                                                      "number; the row is left out"))
            continue
        low, high = amount(value("pay_min")), amount(value("pay_max"))
        if low is not None and high is not None and low > high:
            warnings.append(RowWarning("junior", row, f"pay scale minimum {low:,.0f} is above the maximum "
                                                      f"{high:,.0f}; the two are swapped"))
            low, high = high, low
        fields: dict[str, Any] = {"grade": value("grade") or "(no grade)", "fte": fte,
                                  "title": value("generic_title"), "pay_min": low, "pay_max": high,
                                  "profession": value("profession")}
        if value("unit") and value("unit") != unit_of[senior]:
            fields["unit"] = value("unit")
        staff.setdefault(senior, []).append(JuniorStaff(**fields))
    return staff, warnings
