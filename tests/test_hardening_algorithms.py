"""Algorithms without recursion limits or quadratic traps: a 10,000-level reporting chain plans and
prints as a PDF chart, and card text fitting of very long titles takes a few dozen measurements."""

from __future__ import annotations

import time

import pytest

from orgdesigner.model import Structure


def chain(levels: int, title: str = "Post") -> Structure:
    posts = [{"id": "P0", "title": "Top"}]
    posts += [{"id": f"P{i}", "title": f"{title} {i}", "reports_to": f"P{i - 1}"} for i in range(1, levels)]
    return Structure.model_validate({"name": "Chain", "posts": posts})


def test_a_10000_level_chain_is_planned_over_pages_without_recursion():
    from orgdesigner.pdf.chart.page import chart_frame
    from orgdesigner.pdf.chart.plan import plan_pages
    from orgdesigner.pdf.paper import Paper

    structure = chain(10_000)
    paper = Paper()
    start = time.monotonic()
    pages = plan_pages(structure, chart_frame(paper.width - 2 * paper.margin, paper.height - 2 * paper.margin),
                       "Chain")
    assert time.monotonic() - start < 60  # linear: the quadratic search took minutes
    assert {pid for page in pages for pid in page.structure.posts} == set(structure.posts)
    assert pages[0].title == "Chain: overview" and len(pages) > 1000
    for index, page in enumerate(pages[1:], start=1):  # each page carries on from the one before
        assert page.parent == index - 1 and pages[index - 1].continued


def test_a_1500_level_chain_exports_to_a_pdf_deeper_than_the_recursion_limit():
    import sys

    from orgdesigner.pdf.export import PdfOptions, page_count, pdf_bytes

    assert sys.getrecursionlimit() < 1500 * 2
    data = pdf_bytes(chain(1_500), PdfOptions())
    assert page_count(data) > 100


@pytest.mark.parametrize("title", ["x" * 16_000, "ab " * 5_333, "W" * 1_000, "a " * 500, "x" * 1_000_000],
                         ids=["16000-one-word", "16000-short-words", "1000-wide", "1000-one-letter-words", "1MB"])
def test_card_titles_of_thousands_of_characters_are_fitted_quickly_and_within_the_card(title, monkeypatch):
    from orgdesigner.pdf.chart import cards
    from orgdesigner.pdf.fonts import CONDENSED_BOLD, text_width

    cards.text_width("warm up", CONDENSED_BOLD, 10)
    measured = []
    real = cards.text_width
    monkeypatch.setattr(cards, "text_width", lambda *a: measured.append(a) or real(*a))
    start = time.monotonic()
    size, _leading, lines = cards.title_lines(title, 120)
    assert time.monotonic() - start < 2
    assert len(measured) < 400  # halving: about log2(n) measurements per line cut short, not n
    assert all(text_width(line, CONDENSED_BOLD, size) <= 120 for line in lines)
    assert lines[-1].endswith("…")


def test_fit_keeps_the_longest_beginning_that_fits():
    from orgdesigner.pdf.fonts import fit
    from orgdesigner.pdf.fonts import CONDENSED, text_width

    text = "Director of Children's Services and Education " * 40
    fitted = fit(text, CONDENSED, 8, 150)
    kept = fitted[:-1]
    assert text.startswith(kept.rstrip()) and text_width(fitted, CONDENSED, 8) <= 150
    longer = text[:len(kept) + 1] + "…"
    assert text_width(longer, CONDENSED, 8) > 150 or text[len(kept)] == " "
    assert fit("Short", CONDENSED, 8, 150) == "Short"
