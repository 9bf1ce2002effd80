"""Dotted lines in every export run round the cards in their way, as on paper: read back from the SVG picture
(drawn as the PNG is) and from the slides, no dotted line passes behind a card other than its own two."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pptx import Presentation

from conftest import SAMPLES, dotted_synthetic
from orgdesigner.main import main
from orgdesigner.model import save
from orgdesigner.presentation.chartstyle import DOTTED_LINE

SVG = "{http://www.w3.org/2000/svg}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
Box = tuple[float, float, float, float]
"""Left, top, right, bottom."""
Points = list[tuple[float, float]]


def _behind(points: Points, cards: list[Box], margin: float) -> list[Box]:
    """The cards a route's runs pass through (more than `margin` inside their edges)."""
    hit = []
    for left, top, right, bottom in cards:
        l, t, r, b = left + margin, top + margin, right - margin, bottom - margin
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            if min(x0, x1) < r and max(x0, x1) > l and min(y0, y1) < b and max(y0, y1) > t:
                hit.append((left, top, right, bottom))
                break
    return hit


def _svg_crossings(path: Path) -> tuple[int, int]:
    """How many dotted lines the SVG draws, and how many pass through a card they do not end at (a card is a
    rounded rectangle; a line ends on its own two cards' edges, so only a line entering a card counts)."""
    root = ET.parse(path).getroot()
    cards = [(float(e.get("x", 0)), float(e.get("y", 0)), float(e.get("x", 0)) + float(e.get("width", 0)),
              float(e.get("y", 0)) + float(e.get("height", 0)))
             for e in root.iter(f"{SVG}rect") if e.get("rx") == "3" and e.get("fill") not in (None, "none")]
    dotted = [[(float(x), float(y)) for x, y in re.findall(r"[ML]([-\d.]+) ([-\d.]+)", e.get("d", ""))]
              for e in root.iter(f"{SVG}path") if e.get("stroke") == DOTTED_LINE and e.get("stroke-dasharray")]
    assert cards and dotted
    return len(dotted), sum(bool(_behind(points, cards, 1.0)) for points in dotted)


def test_the_cambridge_picture_takes_its_dotted_lines_round_the_cards_between(tmp_path):
    """The COO's dotted lines to the Emergency Planning lead and to 3C ICT ran behind the directors' cards."""
    out = tmp_path / "chart.svg"
    assert main(["export", str(SAMPLES / "cambridge-2022-proposed.orgd"), "-o", str(out)]) == 0
    lines, crossing = _svg_crossings(out)
    assert lines == 2 and crossing == 0


def test_a_picture_of_many_dotted_lines_takes_them_round_the_cards(tmp_path):
    source = tmp_path / "dotted.orgd"
    save(dotted_synthetic(120, every=4), source)
    out = tmp_path / "chart.svg"
    assert main(["export", str(source), "-o", str(out)]) == 0
    lines, crossing = _svg_crossings(out)
    assert lines > 15 and crossing <= lines // 10


def _slide_route(shape) -> Points:
    """The points a dotted line's shape on a slide is drawn through (EMU): a drawn path's own points, or the
    course of a straight or single-elbow connector from its box, flips and turn."""
    element = shape._element
    off, ext = element.find(f".//{A}off"), element.find(f".//{A}ext")
    x, y, w, h = (int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))
    path = element.find(f".//{A}path")
    if path is not None:
        return [(x + int(pt.get("x")), y + int(pt.get("y"))) for pt in path.iter(f"{A}pt")]
    xfrm = element.find(f".//{A}xfrm")
    preset = element.find(f".//{A}prstGeom").get("prst")
    shares = [int(gd.get("fmla").split()[1]) / 100000 for gd in element.iter(f"{A}gd")]
    if preset == "straightConnector1":
        local = [(0.0, 0.0), (1.0, 1.0)]
    elif preset == "bentConnector2":
        local = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]
    elif preset == "bentConnector3":
        share = shares[0] if shares else 0.5
        local = [(0.0, 0.0), (share, 0.0), (share, 1.0), (1.0, 1.0)]
    else:
        pytest.fail(f"{shape.name}: a {preset} is not read here")
    flip_h, flip_v = xfrm.get("flipH") == "1", xfrm.get("flipV") == "1"
    points = [((1 - u) if flip_h else u, (1 - v) if flip_v else v) for u, v in local]
    cx, cy = x + w / 2, y + h / 2
    placed = [(x + u * w, y + v * h) for u, v in points]
    if int(xfrm.get("rot", "0")) == 5400000:  # a quarter turn clockwise about the box's centre
        placed = [(cx - (py - cy), cy + (px - cx)) for px, py in placed]
    return placed


def _slide_crossings(path: Path) -> tuple[int, int]:
    lines = crossing = 0
    for slide in Presentation(str(path)).slides:
        cards: dict[str, Box] = {}
        for shape in slide.shapes:
            found = re.search(r"\[(.+)\]$", shape.name)
            if found:
                cards[found.group(1)] = (shape.left, shape.top, shape.left + shape.width, shape.top + shape.height)
        for shape in slide.shapes:
            named = re.fullmatch(r"Dotted line (\S+) to (\S+)", shape.name)
            if named:
                lines += 1
                others = [box for pid, box in cards.items() if pid not in named.groups()]
                crossing += bool(_behind(_slide_route(shape), others, 12700))
    return lines, crossing


def test_the_cambridge_slides_take_their_dotted_lines_round_the_cards_between(tmp_path):
    """The slides drew each dotted line as laid out: the COO's line to the Emergency Planning lead ran behind
    three directors' and heads' cards."""
    out = tmp_path / "chart.pptx"
    assert main(["export", str(SAMPLES / "cambridge-2022-proposed.orgd"), "-o", str(out)]) == 0
    lines, crossing = _slide_crossings(out)
    assert lines >= 2 and crossing == 0
