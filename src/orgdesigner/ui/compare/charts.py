"""The shape of the two structures, painted: a layer pyramid (posts per layer, before on the left,
after on the right) and the span distribution (managers by number of direct reports, side by side)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...presentation.chartstyle import ACCENT, INK, MUTED
from .result import ComparisonResult

BEFORE_COLOUR, AFTER_COLOUR = "#9aabc2", ACCENT
ROW, PAD = 20.0, 8.0


class _Chart(QWidget):
    """Before and after counts by a number (a layer, a span); the subclasses paint them."""

    def __init__(self) -> None:
        super().__init__()
        self.before: dict[int, int] = {}
        self.after: dict[int, int] = {}
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def set_counts(self, before: dict[int, int], after: dict[int, int]) -> None:
        self.before, self.after = dict(before), dict(after)
        self.updateGeometry()
        self.update()

    def keys(self) -> list[int]:
        return sorted(set(self.before) | set(self.after))

    def peak(self) -> int:
        return max([*self.before.values(), *self.after.values(), 1])

    def _font(self, painter: QPainter, size: float, bold: bool = False) -> None:
        font = QFont(self.font())
        font.setPointSizeF(size)
        font.setBold(bold)
        painter.setFont(font)


class LayerPyramid(_Chart):
    """One row a layer, the top layer first; before's bar runs left from the middle, after's right."""

    def sizeHint(self) -> QSize:
        return QSize(300, int(PAD * 2 + ROW * (len(self.keys()) + 1)))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        width = self.width()
        label_width = 64.0
        middle = width / 2
        half = (width - label_width) / 2 - PAD - 26
        self._font(painter, 8, bold=True)
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(PAD, PAD, middle - label_width / 2 - PAD, ROW), Qt.AlignRight | Qt.AlignVCenter,
                         "Before")
        painter.drawText(QRectF(middle + label_width / 2, PAD, half, ROW), Qt.AlignLeft | Qt.AlignVCenter, "After")
        peak = self.peak()
        for row, layer in enumerate(self.keys(), start=1):
            y = PAD + ROW * row
            self._font(painter, 8)
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(middle - label_width / 2, y, label_width, ROW), Qt.AlignCenter, f"Layer {layer}")
            for count, colour, sign in ((self.before.get(layer, 0), BEFORE_COLOUR, -1),
                                        (self.after.get(layer, 0), AFTER_COLOUR, 1)):
                length = half * count / peak
                start = middle + sign * label_width / 2
                bar = QRectF(start - length if sign < 0 else start, y + 3, length, ROW - 6)
                painter.setPen(Qt.NoPen)
                painter.setBrush(QColor(colour))
                painter.drawRoundedRect(bar, 2, 2)
                painter.setPen(QColor(INK))
                text = QRectF(bar.left() - 30, y, 26, ROW) if sign < 0 else QRectF(bar.right() + 4, y, 26, ROW)
                painter.drawText(text, (Qt.AlignRight if sign < 0 else Qt.AlignLeft) | Qt.AlignVCenter, str(count))
        painter.end()


class SpanChart(_Chart):
    """A pair of columns for each span: how many managers have that many direct line reports."""

    HEIGHT = 150.0

    def sizeHint(self) -> QSize:
        return QSize(300, int(self.HEIGHT))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        keys = self.keys()
        if not keys:
            painter.end()
            return
        spans = list(range(1, keys[-1] + 1))
        plot = QRectF(PAD, PAD + 14, self.width() - 2 * PAD, self.HEIGHT - 2 * PAD - 14 - ROW)
        slot = plot.width() / len(spans)
        bar = min(18.0, slot / 2 - 2)
        peak = self.peak()
        painter.setPen(QColor(MUTED))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for index, span in enumerate(spans):
            centre = plot.left() + slot * (index + 0.5)
            for count, colour, offset in ((self.before.get(span, 0), BEFORE_COLOUR, -bar - 1),
                                          (self.after.get(span, 0), AFTER_COLOUR, 1)):
                if not count:
                    continue
                height = plot.height() * count / peak
                rect = QRectF(centre + offset, plot.bottom() - height, bar, height)
                painter.setPen(Qt.NoPen)
                painter.setBrush(QColor(colour))
                painter.drawRect(rect)
                self._font(painter, 7)
                painter.setPen(QColor(INK))
                painter.drawText(QRectF(rect.left() - 4, rect.top() - 14, bar + 8, 13), Qt.AlignCenter, str(count))
            self._font(painter, 8)
            painter.setPen(QColor(MUTED))
            painter.drawText(QRectF(centre - slot / 2, plot.bottom() + 2, slot, ROW - 4), Qt.AlignCenter, str(span))
        painter.end()


class ShapePanel(QWidget):
    """The pyramid and the span chart under one key saying which colour is which structure."""

    def __init__(self) -> None:
        super().__init__()
        self.key = QLabel()
        self.key.setTextFormat(Qt.RichText)
        self.key.setWordWrap(True)
        self.pyramid = LayerPyramid()
        self.spans = SpanChart()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.key)
        layout.addWidget(_heading("Posts per layer"))
        layout.addWidget(self.pyramid)
        layout.addWidget(_heading("Managers by span of control (direct line reports)"))
        layout.addWidget(self.spans)
        layout.addStretch()

    def set_result(self, result: ComparisonResult | None, before_label: str, after_label: str) -> None:
        if result is None:
            self.key.setText("")
            self.pyramid.set_counts({}, {})
            self.spans.set_counts({}, {})
            return
        self.key.setText(f"<span style='color:{BEFORE_COLOUR}'>■</span> Before: {escape(before_label)}<br>"
                         f"<span style='color:{AFTER_COLOUR}'>■</span> After: {escape(after_label)}")
        self.pyramid.set_counts(result.layers_before, result.layers_after)
        self.spans.set_counts(result.spans_before, result.spans_after)


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setTextFormat(Qt.RichText)
    return label
