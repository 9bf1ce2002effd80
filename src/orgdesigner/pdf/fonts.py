"""The typeface every PDF is set in: DejaVu Sans, shipped in resources/fonts and embedded in the file.

reportlab's built-in Helvetica is not embedded and lacks many characters council names use
(en dashes, accented letters), so the PDFs register TrueType fonts of their own once per process.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import resource_path

REGULAR = "OrgSans"
BOLD = "OrgSans-Bold"
CONDENSED = "OrgSansCondensed"
CONDENSED_BOLD = "OrgSansCondensed-Bold"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
}

MIN_FONT_SIZE = 7.0
"""No text in any PDF is set smaller than this (points)."""


@cache
def register_fonts() -> None:
    """Register the shipped fonts with reportlab (idempotent) so `<b>` in paragraphs finds the bold face."""
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    addMapping(CONDENSED, 0, 0, CONDENSED)
    addMapping(CONDENSED, 1, 0, CONDENSED_BOLD)
    addMapping(CONDENSED, 0, 1, CONDENSED)
    addMapping(CONDENSED, 1, 1, CONDENSED_BOLD)


def text_width(text: str, font: str, size: float) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text`, cut short with an ellipsis when it is wider than `width`.

    The longest beginning that fits is found by halving (a text's width only grows as it gets
    longer), so a title of thousands of characters costs a few dozen measurements, not thousands.
    """
    if text_width(text, font, size) <= width:
        return text
    fits, too_long = 0, len(text)  # text[:fits] + "…" fits (or fits is 0); text[:too_long] + "…" does not
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if text_width(text[:middle] + "…", font, size) <= width:
            fits = middle
        else:
            too_long = middle
    return text[:fits].rstrip() + "…"


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` on as many lines as it needs, none wider than `width`: broken between words, and a word
    wider than a line on its own broken between letters, so nothing is cut short."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while text_width(word, font, size) > width and len(word) > 1:
            cut = max(1, max(n for n in range(1, len(word) + 1) if n == 1 or text_width(word[:n], font, size) <= width))
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines
