"""PDF pages as images, for the export preview and for printing (pdfium renders; Qt only shows)."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

from ..pdf.export import page_count

__all__ = ["page_count", "render_pages"]


def render_pages(data: bytes, dpi: float, first: int = 0, last: int | None = None) -> list[QImage]:
    """Pages `first`..`last` (inclusive, 0-based; all when `last` is None) drawn at `dpi`."""
    document = pdfium.PdfDocument(data)
    try:
        stop = len(document) if last is None else min(last + 1, len(document))
        return [_image(document[index], dpi) for index in range(first, stop)]
    finally:
        document.close()


def _image(page: pdfium.PdfPage, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True)
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format_RGB888)
    return image.copy()  # own the pixels: the bitmap's buffer goes away with it
