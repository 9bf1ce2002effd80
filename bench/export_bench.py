"""Chart export speed as slides (PPTX) and pictures (PNG, SVG), on synthetic structures.

Run:  python bench/export_bench.py [SIZES...]     (default 1000 5000)
Target (issue 18): slides of a 5,000-post chart in under 10 s. A whole chart is one very wide
picture (a 5,000-post council is about 1,600 inches across), so the PNG is timed at the most
dots per inch that keeps it within the picture limit (`MAX_PIXELS`). Prints figures only;
nothing here is a test.
"""

from __future__ import annotations

import sys

from measure import seconds

from orgdesigner.exports.picture import MAX_PIXELS, chart_picture, png_bytes, svg_bytes
from orgdesigner.exports.slides import pptx_bytes, slide_count
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.pdf.options import PdfOptions

OPTIONS = PdfOptions()


def png_dpi(structure: object) -> float:
    """150 dpi (the default) if the picture fits the limit, else the most that fits, in whole dpi."""
    picture = chart_picture(structure, OPTIONS)  # type: ignore[arg-type]
    most = 72 * (MAX_PIXELS / (picture.width * picture.height)) ** 0.5
    return min(150.0, float(int(most)))


def main(sizes: list[int]) -> None:
    print(f"{'posts':>7}  {'PPTX':>8}  {'slides':>6}  {'PNG':>8}  {'dpi':>4}  {'SVG':>8}  {'SVG size':>9}")
    for size in sizes:
        structure = synthetic_structure(size)
        out: dict[str, bytes] = {}
        pptx = seconds(lambda: out.__setitem__("pptx", pptx_bytes(structure, OPTIONS)))
        dpi = png_dpi(structure)
        png = seconds(lambda: out.__setitem__("png", png_bytes(structure, OPTIONS, dpi)))
        svg = seconds(lambda: out.__setitem__("svg", svg_bytes(structure, OPTIONS)))
        print(f"{size:>7}  {pptx:>6.2f} s  {slide_count(out['pptx']):>6}  {png:>6.2f} s  {dpi:>4.0f}  {svg:>6.2f} s  "
              f"{len(out['svg']) / 1e6:>6.1f} MB")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000])
