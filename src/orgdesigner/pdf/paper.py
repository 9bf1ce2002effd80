"""Paper sizes and orientation for every PDF the product writes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MM = 72 / 25.4
"""Points in a millimetre (reportlab's `mm`); the sizes are written out here so that choosing a paper size,
as the window does when it starts, does not import reportlab."""
A4 = (210 * MM, 297 * MM)
A3 = (297 * MM, 420 * MM)


class PaperSize(StrEnum):
    A4 = "A4"
    A3 = "A3"


@dataclass(frozen=True)
class Paper:
    size: PaperSize = PaperSize.A4
    landscape: bool = True
    margin: float = 14 * MM

    @property
    def page_size(self) -> tuple[float, float]:
        short, long = A4 if self.size is PaperSize.A4 else A3
        return (long, short) if self.landscape else (short, long)

    @property
    def width(self) -> float:
        return self.page_size[0]

    @property
    def height(self) -> float:
        return self.page_size[1]
