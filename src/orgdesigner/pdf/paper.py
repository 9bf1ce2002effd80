"""Paper sizes and orientation for every PDF the product writes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.lib.units import mm


class PaperSize(StrEnum):
    A4 = "A4"
    A3 = "A3"


@dataclass(frozen=True)
class Paper:
    size: PaperSize = PaperSize.A4
    landscape: bool = True
    margin: float = 14 * mm

    @property
    def page_size(self) -> tuple[float, float]:
        base = A4 if self.size is PaperSize.A4 else A3
        return landscape(base) if self.landscape else portrait(base)

    @property
    def width(self) -> float:
        return self.page_size[0]

    @property
    def height(self) -> float:
        return self.page_size[1]
