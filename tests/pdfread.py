"""Reading PDFs back the way a reader meets them: text per page, font sizes, embedded fonts, metadata."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader


def page_texts(path: Path) -> list[str]:
    """Each page's text with runs of whitespace made single spaces (wrapped lines join up)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def smallest_font_size(path: Path) -> float:
    """The smallest size any visible text is set at, with the text and page matrices applied."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale_tm = (tm[2] ** 2 + tm[3] ** 2) ** 0.5
            scale_cm = (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            sizes.append(size * scale_tm * scale_cm)

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return min(sizes)


def fonts_embedded(path: Path) -> dict[str, bool]:
    """Every font the pages use, by base name, and whether its program is embedded in the file."""
    fonts: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor_owner = descendants[0].get_object() if descendants else font
            descriptor = descriptor_owner.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            name = re.sub(r"^[A-Z]{6}\+", "", str(font["/BaseFont"]).lstrip("/"))
            fonts[name] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def drawn_share(path: Path, number: int, box: tuple[float, float, float, float], dpi: float = 36.0) -> float:
    """How much of `box` (left, bottom, right, top in points) on page `number` (from 1) the drawing covers:
    the area of the smallest rectangle holding every mark not white (text, cards, group boxes, lines) as a
    share of the box's area. Rendered, so it counts what a reader sees, not what the text layer holds."""
    import pypdfium2 as pdfium
    from PIL import ImageOps

    document = pdfium.PdfDocument(str(path))
    try:
        page = document[number - 1]
        height = page.get_height()
        image = page.render(scale=dpi / 72).to_pil().convert("L")
    finally:
        document.close()
    zoom = dpi / 72
    left, bottom, right, top = box
    crop = image.crop((round(left * zoom), round((height - top) * zoom), round(right * zoom),
                       round((height - bottom) * zoom)))
    inked = ImageOps.invert(crop).point(lambda value: 255 if value > 10 else 0).getbbox()
    if inked is None:
        return 0.0
    x0, y0, x1, y1 = inked
    return (x1 - x0) * (y1 - y0) / (crop.width * crop.height)


LISTED = r"((?:\d+(?:–\d+)?(?:, | and )?)+)"
"""Page numbers as the chart lists them: "4", "4–6 and 9", "1, 3 and 23"."""


def listed_pages(listed: str) -> list[int]:
    """The numbers of a LISTED run of pages: "4–6 and 9" is [4, 5, 6, 9]."""
    numbers = []
    for first, last in re.findall(r"(\d+)(?:–(\d+))?", listed):
        numbers.extend(range(int(first), int(last or first) + 1))
    return numbers


def continued_from(text: str, word: str = "page") -> list[int]:
    """The pages a chart page's subtitle says it continues ("Continued from pages 1 and 23")."""
    found = re.search(rf"continued from {word}s? {LISTED}", text, re.IGNORECASE)
    return listed_pages(found.group(1)) if found else []



def page_chars(path: Path) -> list[tuple[str, list[tuple[float, float, float, float]]]]:
    """Each page's text as pdfium reads it (lines end in CR LF) and each character's box (left, bottom, right,
    top in points): where a reader sees every letter."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    pages = []
    try:
        for page in document:
            text_page = page.get_textpage()
            count = text_page.count_chars()
            pages.append((text_page.get_text_range(0, count), [text_page.get_charbox(n) for n in range(count)]))
    finally:
        document.close()
    return pages


def page_strokes(path: Path, number: int) -> list[tuple[str, list[tuple[float, float]]]]:
    """Every path drawn on page `number` (from 1) outside the legend's form, as its stroke colour ("#rrggbb")
    and its points in page points (x right, y up): the lines a reader sees, read back from the file."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    document = pdfium.PdfDocument(str(path))
    strokes = []
    try:
        page = document[number - 1]
        for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=0):
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            raw.FPDFPageObj_GetStrokeColor(obj.raw, r, g, b, a)
            matrix = raw.FS_MATRIX()
            raw.FPDFPageObj_GetMatrix(obj.raw, matrix)
            points = []
            for index in range(raw.FPDFPath_CountSegments(obj.raw)):
                segment = raw.FPDFPath_GetPathSegment(obj.raw, index)
                x, y = ctypes.c_float(), ctypes.c_float()
                raw.FPDFPathSegment_GetPoint(segment, x, y)
                points.append((matrix.a * x.value + matrix.c * y.value + matrix.e,
                               matrix.b * x.value + matrix.d * y.value + matrix.f))
            strokes.append((f"#{r.value:02x}{g.value:02x}{b.value:02x}", points))
    finally:
        document.close()
    return strokes
