"""The chart as a picture (PNG, SVG) and as slides (PPTX), of the whole chart or a part, read back."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from conftest import SAMPLES, dotted_synthetic, make_structure
from orgdesigner.cli import main
from orgdesigner.exports.picture import chart_picture, picture_pixels
from orgdesigner.exports.slides import SLIDE_HEIGHT, SLIDE_WIDTH, MARGIN, FOOTER_BAND, pptx_bytes, slide_pages
from orgdesigner.model import Structure, load, save
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.pdf.chart.document import chart_source
from orgdesigner.pdf.options import PdfOptions
from orgdesigner.presentation.selection import ChartSelection, SelectionRefused, select
from pdfread import continued_from, page_texts

PROPOSED = SAMPLES / "cambridge-2022-proposed.orgd"
SVG = "{http://www.w3.org/2000/svg}"
P_NS = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def named(count: int = 300) -> Structure:
    """A synthetic council whose postholders all have names ("Holder P12")."""
    structure = synthetic_structure(count)
    for post in list(structure.posts.values()):
        if post.status.value != "vacant":
            structure.update_post(post.id, postholder=f"Holder {post.id}")
    return structure


@pytest.fixture(scope="module")
def council(tmp_path_factory) -> tuple[Structure, str]:
    path = tmp_path_factory.mktemp("council") / "council.orgd"
    structure = named()
    save(structure, path)
    return structure, str(path)


def layer(structure: Structure, post_id: str) -> int:
    return len(structure.chain_above(post_id)) + 1


def branch_of(structure: Structure, post_id: str) -> set[str]:
    return {pid for pid in structure.posts if pid == post_id or post_id in structure.chain_above(pid)}


# ----- choosing the part ---------------------------------------------------------------------


def test_branch_is_the_post_and_everything_under_it_with_its_chain_greyed():
    structure = synthetic_structure(300)
    post = next(pid for pid in structure.posts if layer(structure, pid) == 3 and structure.reports_of(pid))
    chosen = select(structure, ChartSelection(branch=post))
    chain = set(structure.chain_above(post))
    assert set(chosen.structure.posts) == branch_of(structure, post) | chain
    assert chosen.greyed == chain and len(chain) == 2
    assert chosen.structure.posts[post].reports_to == structure.posts[post].reports_to


def test_levels_are_exactly_the_top_layers_with_counts_of_what_is_below():
    structure = synthetic_structure(300)
    chosen = select(structure, ChartSelection(levels=3))
    assert set(chosen.structure.posts) == {pid for pid in structure.posts if layer(structure, pid) <= 3}
    third = [pid for pid in chosen.structure.posts if layer(structure, pid) == 3 and structure.reports_of(pid)]
    assert third and all(chosen.hidden[pid] == len(branch_of(structure, pid)) - 1 for pid in third)


def test_group_and_folded_branches():
    structure = make_structure()
    assert set(select(structure, ChartSelection(group="corp")).structure.posts) == {"CE", "D1", "H1", "H2"}
    folded = select(structure, ChartSelection(folded=frozenset({"D1"})))
    assert set(folded.structure.posts) == {"CE", "D1", "D2", "H3"} and folded.hidden == {"D1": 2}


@pytest.mark.parametrize("choice,message", [
    (ChartSelection(branch="NOPE"), "no post with id 'NOPE'"),
    (ChartSelection(group="NOPE"), "no group with id 'NOPE'"),
    (ChartSelection(levels=0), "must be 1 or more"),
    (ChartSelection(folded=frozenset({"NOPE"})), "no post with id 'NOPE' to fold"),
])
def test_choices_that_do_not_fit_are_refused(choice, message):
    with pytest.raises(SelectionRefused, match=message):
        select(make_structure(), choice)


# ----- pictures ----------------------------------------------------------------------------


def test_png_is_as_many_pixels_as_the_dpi_makes_and_not_blank(tmp_path):
    out = tmp_path / "chart.png"
    assert main(["export", str(PROPOSED), "-o", str(out), "--dpi", "120"]) == 0
    picture = chart_picture(load(PROPOSED), PdfOptions())
    expected = (round(picture.width * 120 / 72), round(picture.height * 120 / 72))
    assert picture_pixels(picture, 120) == expected
    with Image.open(out) as image:
        assert image.size == expected
        assert round(image.info["dpi"][0]) == 120
        shades = image.convert("L").histogram()
        assert sum(shades[:200]) > 0.01 * sum(shades)  # cards, lines and text drawn
        assert image.convert("RGB").getpixel((0, 0)) == (255, 255, 255)


def test_transparent_png_has_no_background(tmp_path):
    out = tmp_path / "chart.png"
    assert main(["export", str(PROPOSED), "-o", str(out), "--transparent", "--dpi", "40"]) == 0
    with Image.open(out) as image:
        assert image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] == 0
        assert image.getchannel("A").getextrema() == (0, 255)


def svg_texts(path) -> list[str]:
    return [element.text or "" for element in ET.parse(path).getroot().iter(f"{SVG}text")]


def test_svg_holds_every_post_title_as_text_and_withholds_names(council, tmp_path):
    structure, path = council
    out = tmp_path / "chart.svg"
    assert main(["export", path, "-o", str(out), "--levels", "3", "--redact-names"]) == 0
    texts = set(svg_texts(out))
    top = {pid for pid in structure.posts if layer(structure, pid) <= 3}
    assert {structure.posts[pid].title for pid in top} <= texts
    assert not {structure.posts[pid].title for pid in structure.posts if pid not in top} & texts
    assert not any(text.startswith("Holder ") for text in texts)
    assert "top 3 levels" in " ".join(texts)


def test_svg_of_a_branch_holds_exactly_the_branch_and_its_chain(council, tmp_path):
    structure, path = council
    post = next(pid for pid in structure.posts if layer(structure, pid) == 2)
    out = tmp_path / "branch.svg"
    assert main(["export", path, "-o", str(out), "--branch", post, "--draft"]) == 0
    texts = set(svg_texts(out))
    shown = branch_of(structure, post) | set(structure.chain_above(post))
    assert {structure.posts[pid].title for pid in structure.posts} & texts == {structure.posts[pid].title
                                                                             for pid in shown}
    assert f"Holder {post}" in texts and "DRAFT" in texts


# ----- slides ------------------------------------------------------------------------------


def card_post(name: str) -> str | None:
    found = re.search(r"\[(.+)\]$", name)
    return found.group(1) if found else None


def _on_edge(point: tuple[int, int], shape) -> bool:
    """Whether a point (EMU) lies on the edge of a shape's box, to within rounding."""
    x, y = point
    left, top, right, bottom = shape.left, shape.top, shape.left + shape.width, shape.top + shape.height
    inside = left - 2 <= x <= right + 2 and top - 2 <= y <= bottom + 2
    return inside and min(abs(x - left), abs(x - right), abs(y - top), abs(y - bottom)) <= 2


def test_slides_follow_the_chart_plan_with_a_card_shape_per_post_and_every_line_from_card_to_card(council, tmp_path):
    structure, path = council
    out = tmp_path / "chart.pptx"
    assert main(["export", path, "-o", str(out), "--redact-names"]) == 0
    deck = Presentation(str(out))
    assert (deck.slide_width, deck.slide_height) == (round(SLIDE_WIDTH * 12700), round(SLIDE_HEIGHT * 12700))
    pages = chart_source(structure, PdfOptions()).pages(SLIDE_WIDTH - 2 * MARGIN,
                                                        SLIDE_HEIGHT - 2 * MARGIN - FOOTER_BAND)
    assert len(deck.slides) == len(pages) > 3
    everywhere: set[str] = set()
    for page, slide in zip(pages, deck.slides):
        cards = {card_post(shape.name): shape for shape in slide.shapes if card_post(shape.name)}
        assert set(cards) == set(page.structure.posts)
        for pid, shape in cards.items():
            assert shape.text_frame.paragraphs[0].text == structure.posts[pid].title
        ids = {shape.shape_id: pid for pid, shape in cards.items()}
        attached = set()
        for connector in slide.shapes._spTree.iter(f"{P_NS}cxnSp"):
            start, end = connector.find(f".//{A_NS}stCxn"), connector.find(f".//{A_NS}endCxn")
            if start is not None:
                attached.add((ids[int(start.get("id"))], ids[int(end.get("id"))]))
        for shape in slide.shapes:  # a route of three bends and more: a path from the manager's card to the report's
            if shape.name.startswith(("Line ", "Dotted line ")) and shape.element.find(f".//{A_NS}custGeom") is not None:
                manager, report = shape.name.removeprefix("Dotted line ").removeprefix("Line ").split(" to ")
                drawn = [(shape.left + int(pt.get("x")), shape.top + int(pt.get("y")))
                         for pt in shape.element.iter(f"{A_NS}pt")]
                assert _on_edge(drawn[0], cards[manager]) and _on_edge(drawn[-1], cards[report]), shape.name
                assert len(drawn) > 4 and all(a[0] == b[0] or a[1] == b[1] for a, b in zip(drawn, drawn[1:]))
                attached.add((manager, report))
        assert attached == {(route.manager, route.report) for route in page.layout.lines}
        paths = {shape.name for shape in slide.shapes if shape.element.find(f".//{A_NS}custGeom") is not None}
        assert paths == {f"{'Dotted line' if r.kind == 'dotted' else 'Line'} {r.manager} to {r.report}"
                         for r in page.layout.lines  # three bends or more: paths, which every viewer draws alike
                         if len(r.points) > 4 and len({x for x, _ in r.points}) > 1 and len({y for _, y in r.points}) > 1}
        texts = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        assert page.title in texts
        if page.parent is not None:
            assert page.parent + 1 in continued_from(texts, "slide")
        for pid, keys in page.continued.items():
            assert (f"continued on slide {keys[0] + 1}" in texts or f"continued on slides {keys[0] + 1}" in texts)
        sources = [shape for shape in slide.shapes if shape.name == "Source"]
        assert len(sources) == len(page.came_from)  # each team's top card says where it came from
        for pid, key in page.came_from.items():
            assert pid in pages[key].continued and page.key in pages[key].continued[pid]
            assert any(shape.text_frame.text == f"from slide {key + 1}" and
                       abs(shape.left - cards[pid].left) < cards[pid].width / 4 and shape.top < cards[pid].top
                       for shape in sources), pid
        everywhere |= set(cards)
    assert everywhere == set(structure.posts)
    assert any(page.came_from for page in pages)
    with zipfile.ZipFile(out) as archive:
        xml = " ".join(archive.read(name).decode() for name in archive.namelist() if name.endswith(".xml"))
    assert "Holder " not in xml


@pytest.mark.parametrize("sample", [None, "derbyshire-2021-interim.orgd"])
def test_slides_print_every_dotted_line_label_as_the_pdf_does(tmp_path, sample):
    """Read back with python-pptx: each dotted line's label is on its slide, whole beside the line, or as a
    numbered mark beside it with "[n] label" near it or in the notes under the title; no label covers a card."""
    structure = load(SAMPLES / sample) if sample else dotted_synthetic(300)
    out = tmp_path / "chart.pptx"
    out.write_bytes(pptx_bytes(structure, PdfOptions()))
    deck = Presentation(str(out))
    pages = slide_pages(structure, PdfOptions())
    labels = marked = 0
    for page, slide in zip(pages, deck.slides, strict=True):
        cards = [shape for shape in slide.shapes if card_post(shape.name)]
        placed = [shape for shape in slide.shapes if shape.name.startswith("Dotted line label ")]
        for shape in placed:
            assert 0 <= shape.left and shape.left + shape.width <= deck.slide_width
            assert not any(shape.left < card.left + card.width and card.left < shape.left + shape.width and
                           shape.top < card.top + card.height and card.top < shape.top + shape.height
                           for card in cards), f"slide {page.key + 1}: {shape.text_frame.text!r} covers a card"
        notes = " ".join(shape.text_frame.text for shape in slide.shapes if shape.name == "Subtitle")
        notes = " ".join(notes.split())
        for route in page.layout.lines:
            if route.kind != "dotted" or not route.label:
                continue
            labels += 1
            own = [" ".join(shape.text_frame.text.split()) for shape in placed
                   if shape.name == f"Dotted line label {route.manager} to {route.report}"]
            if route.label in own:
                continue
            mark = next((words for words in own if re.fullmatch(r"\[\d+\]", words)), None)
            if mark is None:
                assert f"{structure.posts[route.report].title}: {route.label}" in notes
            else:
                marked += 1
                assert f"{mark} {route.label}" in own or f"{mark} {route.label}" in notes, \
                    f"slide {page.key + 1}: {route.label!r} is marked {mark} but not given in full"
    assert labels > 0 and (marked > 0 or sample)


def test_slides_of_a_branch_show_names_unless_withheld(council, tmp_path):
    structure, path = council
    post = next(pid for pid in structure.posts if layer(structure, pid) == 2)
    out = tmp_path / "branch.pptx"
    assert main(["export", path, "-o", str(out), "--branch", post, "--draft"]) == 0
    deck = Presentation(str(out))
    shown = {card_post(shape.name) for slide in deck.slides for shape in slide.shapes if card_post(shape.name)}
    assert shown == branch_of(structure, post) | set(structure.chain_above(post))
    first = deck.slides[0]
    assert any(shape.name == "DRAFT" for shape in first.shapes)
    assert f"Holder {post}" in " ".join(shape.text_frame.text for shape in first.shapes if shape.has_text_frame)


def test_a_chart_pdf_takes_a_branch_and_draft(tmp_path):
    out = tmp_path / "branch.pdf"
    assert main(["export", str(PROPOSED), "-o", str(out), "--branch", "COO", "--draft"]) == 0
    text = " ".join(page_texts(out))
    structure = load(PROPOSED)
    for pid, post in structure.posts.items():
        inside = pid in {"CEX", "COO", "FIN", "HOP", "AUDIT"}
        assert (" ".join(post.title.split()) in text) == inside, pid
    assert "DRAFT" in text
    assert len(PdfReader(out).pages) == 1


# ----- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pptx", ".pdf"])
@pytest.mark.parametrize("args,message", [
    (["--branch", "NOPE"], "no post with id 'NOPE'"),
    (["--levels", "0"], "must be 1 or more"),
    (["--levels", "two"], "whole number"),
    (["--group", "NOPE"], "no group with id 'NOPE'"),
])
def test_refusals_exit_2_name_the_problem_and_write_nothing(tmp_path, capsys, suffix, args, message):
    out = tmp_path / f"out{suffix}"
    assert main(["export", str(PROPOSED), "-o", str(out), *args]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("name,args,message", [
    ("missing/out.png", [], "cannot write"),
    ("out.pptx", ["--transparent"], "--transparent is for OUT.png and OUT.svg"),
    ("out.svg", ["--dpi", "100"], "--dpi is for OUT.png"),
    ("out.csv", ["--branch", "COO"], "--branch is for a chart"),
    ("out.png", ["--dpi", "5000"], "--dpi must be between"),
])
def test_other_refusals(tmp_path, capsys, name, args, message):
    out = tmp_path / name
    assert main(["export", str(PROPOSED), "-o", str(out), *args]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_picture_too_big_for_one_image_is_refused(tmp_path, capsys):
    path = tmp_path / "big.orgd"
    save(synthetic_structure(2000), path)
    out = tmp_path / "big.png"
    assert main(["export", str(path), "-o", str(out), "--dpi", "600"]) == 2
    assert "too big for one image" in capsys.readouterr().err
    assert not out.exists()


def test_png_size_is_read_from_its_header():
    from orgdesigner.exports.picture import png_bytes, png_size

    data = png_bytes(make_structure(), PdfOptions(), 96)
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == png_size(data)
