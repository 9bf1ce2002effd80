"""Printing through Qt's print system: the same PDF the export writes, drawn page by page."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from .pdfpages import page_count, render_pages

PRINT_DPI = 300


def print_pdf(printer: QPrinter, data: bytes) -> int:
    """Send every page of the PDF `data` to `printer`, each fitted to the printable area; returns the page count."""
    count = page_count(data)
    dpi = min(PRINT_DPI, printer.resolution())
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        for index in range(count):
            if index:
                printer.newPage()
            image = render_pages(data, dpi, index, index)[0]  # one page in memory at a time
            area = QRectF(painter.viewport())
            size = image.size().scaled(area.size().toSize(), Qt.KeepAspectRatio)
            target = QRectF((area.width() - size.width()) / 2, (area.height() - size.height()) / 2,
                            size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return count
