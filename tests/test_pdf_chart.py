"""The chart PDF read back: every post there, text never below 7 pt, fonts embedded, pages that refer to each other."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from conftest import SAMPLES, make_structure
from orgdesigner.model import load
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.pdf.chart.document import write_chart
from orgdesigner.pdf.options import PdfOptions
from orgdesigner.pdf.paper import Paper, PaperSize
from pdfread import continued_from, fonts_embedded, page_texts, smallest_font_size


def _titles_present(structure, texts: list[str]) -> list[str]:
    whole = " ".join(texts)
    return [post.title for post in structure.posts.values() if " ".join(post.title.split()) not in whole]


def test_small_structure_fits_one_page_with_everything_a_card_shows(tmp_path):
    structure = make_structure()
    structure.update_post("H1", postholder="Alex Jones")
    out = tmp_path / "chart.pdf"
    write_chart(structure, out)
    texts = page_texts(out)
    assert len(texts) == 1
    assert _titles_present(structure, texts) == []
    page = texts[0]
    assert "Alex Jones" in page
    assert "HoPS" in page and "S151" in page
    assert "SHARED" in page  # D2's status
    assert "net £" in page  # D2 is half paid by a partner
    assert "Legend" not in page and "Vacant" in page and "Dotted line" in page  # the legend's entries
    assert "Page 1 of 1" in page


def test_metadata_and_fonts_are_set_and_embedded(tmp_path):
    out = tmp_path / "chart.pdf"
    write_chart(make_structure(), out, PdfOptions(title="Senior structure", author="Head of HR"))
    meta = PdfReader(out).metadata
    assert meta.title == "Senior structure" and meta.author == "Head of HR"
    fonts = fonts_embedded(out)
    assert fonts and all(fonts.values()), fonts
    assert all(name.startswith("DejaVuSans") for name in fonts), fonts


def test_redacted_chart_names_no_one(tmp_path):
    structure = make_structure()
    structure.update_post("H1", postholder="Alex Jones")
    out = tmp_path / "chart.pdf"
    write_chart(structure, out, PdfOptions(redact_names=True))
    assert "Alex Jones" not in " ".join(page_texts(out))


@pytest.mark.parametrize("size,landscape,expected", [(PaperSize.A4, True, (842, 595)), (PaperSize.A3, False, (842, 1191))])
def test_paper_size_and_orientation(tmp_path, size, landscape, expected):
    out = tmp_path / "chart.pdf"
    write_chart(make_structure(), out, PdfOptions(paper=Paper(size, landscape)))
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == expected


def test_leicester_chart_carries_every_post_legibly(tmp_path):
    structure = load(SAMPLES / "leicester-2011-proposed.orgd")
    out = tmp_path / "leicester.pdf"
    write_chart(structure, out)
    texts = page_texts(out)
    assert _titles_present(structure, texts) == []
    assert smallest_font_size(out) >= 7.0


def test_300_posts_split_into_overview_and_cross_referenced_pages(tmp_path):
    structure = synthetic_structure(300)
    out = tmp_path / "big.pdf"
    write_chart(structure, out, PdfOptions(paper=Paper(PaperSize.A3, landscape=True)))
    texts = page_texts(out)
    assert len(texts) > 1
    assert "overview" in texts[0]
    assert _titles_present(structure, texts) == []
    assert smallest_font_size(out) >= 7.0
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        for listed in re.findall(r"continued on pages? ([\d–, and]+\d)", text):
            for first, last in re.findall(r"(\d+)(?:–(\d+))?", listed):
                for target in range(int(first), int(last or first) + 1):
                    assert number in continued_from(texts[target - 1]), (number, target)
    # every page after the first continues one before it
    for number, text in enumerate(texts[1:], start=2):
        sources = continued_from(text)
        assert sources and min(sources) < number


def test_posts_in_a_reporting_cycle_still_print(tmp_path):
    structure = synthetic_structure(300)
    ids = [pid for pid in structure.posts if structure.reports_of(pid)][-2:]
    structure.posts[ids[0]] = structure.posts[ids[0]].model_copy(update={"reports_to": ids[1]})
    structure.posts[ids[1]] = structure.posts[ids[1]].model_copy(update={"reports_to": ids[0]})
    out = tmp_path / "cycle.pdf"
    write_chart(structure, out)
    assert _titles_present(structure, page_texts(out)) == []


def test_a_partners_post_prints_greyed_with_its_organisation_not_a_cost(tmp_path):
    structure = load(SAMPLES / "peterborough-cambridgeshire-2017-shared.orgd")
    partner = next(post for post in structure.posts.values() if post.context is not None)
    out = tmp_path / "shared.pdf"
    write_chart(structure, out)
    text = " ".join(page_texts(out))
    card = text[text.index(" ".join(partner.title.split())):][:200]
    assert "PARTNER'S POST" in card and partner.context in card and "£" not in card.split(partner.context)[0]
    assert "Partner's post" in text  # the legend explains the grey card


def test_a_post_with_neither_salary_nor_grade_says_not_costed_rather_than_nothing(tmp_path):
    structure = make_structure()
    structure.update_post("H1", grade=None, salary=None)
    out = tmp_path / "chart.pdf"
    write_chart(structure, out)
    text = " ".join(page_texts(out))
    card = text[text.index("Head of Finance"):][:120]
    assert "Not costed" in card and "£0" not in card


def test_a_group_keeps_its_colour_from_the_current_chart_to_the_proposed_one():
    from orgdesigner.model import Group
    from orgdesigner.pdf.chart.page import card_facts

    before, after = make_structure(), make_structure()
    after.groups = {"new": Group(id="new", name="Newly formed"), **after.groups}  # a new group listed first
    current, proposed = card_facts(before, False), card_facts(after, False, also=before)
    for gid in before.groups:
        assert proposed.group_colour[gid] == current.group_colour[gid], gid
    assert proposed.group_colour["new"] not in current.group_colour.values()


def test_reports_dealt_over_several_pages_are_dealt_evenly():
    from orgdesigner.model import Group, Post, Structure
    from orgdesigner.pdf.chart.page import plan_chart

    groups = {f"g{i}": Group(id=f"g{i}", name=f"Service {i}") for i in range(41)}
    posts = {"CE": Post(id="CE", title="Chief Executive")}
    for i in range(41):  # forty-one directors with teams: rows wrap, yet they need more than one page
        posts[f"D{i}"] = Post(id=f"D{i}", title=f"Director {i}", reports_to="CE", group=f"g{i}")
        posts[f"H{i}"] = Post(id=f"H{i}", title=f"Head {i}", reports_to=f"D{i}", group=f"g{i}")
    structure = Structure(groups=groups, posts=posts)
    pages = plan_chart(structure, 770, 500, "Chart")
    parts = [page for page in pages if "part" in page.title and page.parent is None]
    assert len(parts) > 1
    directors = [sum(pid.startswith("D") for pid in page.structure.posts) for page in parts]
    assert sum(directors) == 41 and max(directors) - min(directors) <= 1, directors


@pytest.mark.parametrize("size", list(PaperSize))
@pytest.mark.parametrize("landscape", [True, False])
def test_paper_sizes_written_out_are_reportlabs(size, landscape):
    """paper.py writes the sizes out so the window need not import reportlab: they must stay its own."""
    from reportlab.lib import pagesizes, units

    from orgdesigner.pdf import paper

    assert paper.MM == units.mm
    expected = getattr(pagesizes, size.value)
    expected = pagesizes.landscape(expected) if landscape else pagesizes.portrait(expected)
    assert Paper(size, landscape).page_size == pytest.approx(expected, abs=1e-9)

