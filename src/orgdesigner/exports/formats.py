"""One way in to a chart in any format but PDF, for the command line and the window alike."""

from __future__ import annotations

from ..model import Structure
from ..pdf.options import PdfOptions

FORMATS = {".png": "PNG picture", ".svg": "SVG picture", ".pptx": "PowerPoint slides"}
"""The suffixes written here, with the words a file dialog or a message gives them."""


def chart_bytes(structure: Structure, suffix: str, options: PdfOptions, dpi: float | None = None,
                transparent: bool = False) -> bytes:
    """The chosen part of the chart as `suffix` (.png, .svg, .pptx); `dpi` and `transparent` are for
    pictures. A choice that does not fit the structure, or a picture too big, raises ValueError."""
    if suffix == ".pptx":
        from .slides import pptx_bytes

        return pptx_bytes(structure, options)
    from .picture import DEFAULT_DPI, png_bytes, svg_bytes

    if suffix == ".png":
        return png_bytes(structure, options, dpi or DEFAULT_DPI, transparent)
    if suffix == ".svg":
        return svg_bytes(structure, options, transparent)
    raise ValueError(f"a chart is written as .pdf, {', '.join(FORMATS)}, not {suffix}")


def chart_summary(suffix: str, data: bytes) -> str:
    """What was written, in a few words: "the chart on 12 slides"."""
    if suffix == ".pptx":
        from .slides import slide_count

        count = slide_count(data)
        return f"the chart on {count} slide{'s' if count != 1 else ''}"
    if suffix == ".png":
        from .picture import png_size

        width, height = png_size(data)
        return f"the chart as a {width} × {height} pixel picture"
    return "the chart as an SVG picture"
