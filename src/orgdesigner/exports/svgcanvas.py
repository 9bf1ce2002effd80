"""A canvas that takes the drawing calls of reportlab's PDF canvas and writes SVG instead.

The chart's pages are drawn by `pdf/chart/page.py` and `cards.py` onto a reportlab canvas; handing
them this one instead gives the same picture as SVG, with text kept as text, so a chart is drawn
by one piece of code whatever the format. It implements the calls that drawing makes (and no
more): colours, line width and dash, rectangles, rounded rectangles, lines, paths, strings (alone or
gathered in text objects), saved states with translation and rotation, and forms drawn once and placed
many times.

Coordinates are reportlab's (points, y up); one group turns them into SVG's (y down), and each
string is turned back upright where it stands.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from typing import Any

from ..pdf.fonts import BOLD, CONDENSED, CONDENSED_BOLD, REGULAR

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

FONT_FAMILIES = {
    REGULAR: ("'DejaVu Sans', Verdana, Arial, sans-serif", "normal", "normal"),
    BOLD: ("'DejaVu Sans', Verdana, Arial, sans-serif", "bold", "normal"),
    CONDENSED: ("'DejaVu Sans Condensed', 'Arial Narrow', 'DejaVu Sans', sans-serif", "normal", "condensed"),
    CONDENSED_BOLD: ("'DejaVu Sans Condensed', 'Arial Narrow', 'DejaVu Sans', sans-serif", "bold", "condensed"),
}
"""The shipped fonts by the names reportlab knows them as: CSS family, weight and stretch."""


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _colour(colour: Any) -> str:
    """A reportlab colour as #rrggbb."""
    return "#" + colour.hexval()[2:] if hasattr(colour, "hexval") else str(colour)


@dataclass(frozen=True)
class _State:
    fill: str = "#000000"
    stroke: str = "#000000"
    fill_alpha: float = 1.0
    line_width: float = 1.0
    dash: str = ""
    font: str = REGULAR
    font_size: float = 10.0


class _Path:
    """What `beginPath` returns: a route of straight runs."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def moveTo(self, x: float, y: float) -> None:  # noqa: N802 (reportlab's spelling)
        self.parts.append(f"M{_number(x)} {_number(y)}")

    def lineTo(self, x: float, y: float) -> None:  # noqa: N802
        self.parts.append(f"L{_number(x)} {_number(y)}")


class _Words:
    """What `beginText` returns: strings set from the left, each where `setTextOrigin` put it last, in the
    font and fill set last (in it or, before that, on the canvas)."""

    def __init__(self, state: _State) -> None:
        self.state = state
        self.origin = (0.0, 0.0)
        self.lines: list[tuple[float, float, str, _State]] = []

    def setFillColor(self, colour: Any) -> None:  # noqa: N802
        self.state = replace(self.state, fill=_colour(colour))

    def setFont(self, name: str, size: float, leading: float | None = None) -> None:  # noqa: N802
        self.state = replace(self.state, font=name, font_size=size)

    def setTextOrigin(self, x: float, y: float) -> None:  # noqa: N802
        self.origin = x, y

    def textLine(self, text: str) -> None:  # noqa: N802
        self.lines.append((*self.origin, text, self.state))


class SvgCanvas:
    """Draw with reportlab's canvas calls into an SVG picture of `width` x `height` points."""

    def __init__(self, width: float, height: float, background: str | None = "#ffffff") -> None:
        ET.register_namespace("", SVG_NS)
        ET.register_namespace("xlink", XLINK_NS)
        self.width, self.height = width, height
        self.root = ET.Element(f"{{{SVG_NS}}}svg", {
            "width": f"{_number(width)}pt", "height": f"{_number(height)}pt",
            "viewBox": f"0 0 {_number(width)} {_number(height)}", "version": "1.1"})
        self.defs = ET.SubElement(self.root, f"{{{SVG_NS}}}defs")
        if background is not None:
            ET.SubElement(self.root, f"{{{SVG_NS}}}rect", {"x": "0", "y": "0", "width": _number(width),
                                                            "height": _number(height), "fill": background})
        flip = ET.SubElement(self.root, f"{{{SVG_NS}}}g",
                             {"transform": f"matrix(1 0 0 -1 0 {_number(height)})"})
        self.parents: list[ET.Element] = [flip]
        self.state = _State()
        self.saved: list[_State] = []
        self.forms: set[str] = set()

    # ----- state ---------------------------------------------------------------------------

    def setFillColor(self, colour: Any) -> None:  # noqa: N802
        self.state = replace(self.state, fill=_colour(colour))

    def setStrokeColor(self, colour: Any) -> None:  # noqa: N802
        self.state = replace(self.state, stroke=_colour(colour))

    def setFillAlpha(self, alpha: float) -> None:  # noqa: N802
        self.state = replace(self.state, fill_alpha=alpha)

    def setLineWidth(self, width: float) -> None:  # noqa: N802
        self.state = replace(self.state, line_width=width)

    def setDash(self, array: float | list[float] | None = None, phase: float = 0) -> None:  # noqa: N802
        """As reportlab: two numbers are the on and off lengths; nothing is a solid line."""
        if array is None or array == []:
            dash = ""
        elif isinstance(array, int | float):
            dash = f"{_number(array)} {_number(phase)}"
        else:
            dash = " ".join(_number(value) for value in array)
        self.state = replace(self.state, dash=dash)

    def setFont(self, name: str, size: float, leading: float | None = None) -> None:  # noqa: N802
        self.state = replace(self.state, font=name, font_size=size)

    def saveState(self) -> None:  # noqa: N802
        self.saved.append(self.state)
        self.parents.append(ET.SubElement(self.parents[-1], f"{{{SVG_NS}}}g"))

    def restoreState(self) -> None:  # noqa: N802
        self.state = self.saved.pop()
        self.parents.pop()

    def _transform(self, text: str) -> None:
        """Apply to everything drawn until the state is restored (needs a saved state to end it)."""
        group = self.parents[-1]
        group.set("transform", (group.get("transform", "") + " " + text).strip())

    def translate(self, dx: float, dy: float) -> None:
        self._transform(f"translate({_number(dx)} {_number(dy)})")

    def rotate(self, degrees: float) -> None:
        self._transform(f"rotate({_number(degrees)})")

    # ----- forms ---------------------------------------------------------------------------

    def hasForm(self, name: str) -> bool:  # noqa: N802
        return name in self.forms

    def beginForm(self, name: str) -> None:  # noqa: N802
        self.forms.add(name)
        self.saved.append(self.state)
        self.parents.append(ET.SubElement(self.defs, f"{{{SVG_NS}}}g", {"id": name}))

    def endForm(self) -> None:  # noqa: N802
        self.state = self.saved.pop()
        self.parents.pop()

    def doForm(self, name: str) -> None:  # noqa: N802
        self._add("use", {f"{{{XLINK_NS}}}href": f"#{name}"})

    # ----- drawing -------------------------------------------------------------------------

    def _add(self, tag: str, attributes: dict[str, str]) -> ET.Element:
        return ET.SubElement(self.parents[-1], f"{{{SVG_NS}}}{tag}", attributes)

    def _paint(self, stroke: int | bool, fill: int | bool) -> dict[str, str]:
        s = self.state
        paint = {"fill": s.fill if fill else "none"}
        if fill and s.fill_alpha < 1:
            paint["fill-opacity"] = _number(s.fill_alpha)
        if stroke:
            paint |= {"stroke": s.stroke, "stroke-width": _number(s.line_width)}
            if s.dash:
                paint["stroke-dasharray"] = s.dash
        return paint

    def rect(self, x: float, y: float, width: float, height: float, stroke: int = 1, fill: int = 0) -> None:
        self._add("rect", {"x": _number(x), "y": _number(y), "width": _number(width), "height": _number(height),
                           **self._paint(stroke, fill)})

    def roundRect(self, x: float, y: float, width: float, height: float, radius: float,  # noqa: N802
                  stroke: int = 1, fill: int = 0) -> None:
        self._add("rect", {"x": _number(x), "y": _number(y), "width": _number(width), "height": _number(height),
                           "rx": _number(radius), **self._paint(stroke, fill)})

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self._add("line", {"x1": _number(x1), "y1": _number(y1), "x2": _number(x2), "y2": _number(y2),
                           **self._paint(True, False)})

    def beginPath(self) -> _Path:  # noqa: N802
        return _Path()

    def drawPath(self, path: _Path, stroke: int = 1, fill: int = 0) -> None:  # noqa: N802
        self._add("path", {"d": " ".join(path.parts), **self._paint(stroke, fill)})

    def beginText(self) -> _Words:  # noqa: N802
        return _Words(self.state)

    def drawText(self, words: _Words) -> None:  # noqa: N802
        """Each string of `words`; as in a PDF, the fill set in them holds after them, the font does not."""
        for x, y, text, state in words.lines:
            self._text(x, y, text, "start", state)
        self.state = replace(self.state, fill=words.state.fill)

    def _text(self, x: float, y: float, text: str, anchor: str, state: _State | None = None) -> None:
        s = state or self.state
        family, weight, stretch = FONT_FAMILIES.get(s.font, FONT_FAMILIES[REGULAR])
        attributes = {"transform": f"translate({_number(x)} {_number(y)}) scale(1 -1)",
                      "font-family": family, "font-size": _number(s.font_size), "fill": s.fill}
        if weight != "normal":
            attributes["font-weight"] = weight
        if stretch != "normal":
            attributes["font-stretch"] = stretch
        if anchor != "start":
            attributes["text-anchor"] = anchor
        if s.fill_alpha < 1:
            attributes["fill-opacity"] = _number(s.fill_alpha)
        self._add("text", attributes).text = text

    def drawString(self, x: float, y: float, text: str) -> None:  # noqa: N802
        self._text(x, y, text, "start")

    def drawRightString(self, x: float, y: float, text: str) -> None:  # noqa: N802
        self._text(x, y, text, "end")

    def drawCentredString(self, x: float, y: float, text: str) -> None:  # noqa: N802
        self._text(x, y, text, "middle")

    # ----- out -----------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        return ET.tostring(self.root, encoding="utf-8", xml_declaration=True)
