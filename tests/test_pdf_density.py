"""A big chart printed on A4 reads back as a dense, fully cross-referenced org chart.

Each test reads the PDF as a reader meets it (pypdf's text of each page) and checks what the
reader relies on: every post printed once, enough posts on a page that a council's chart is
not a ream of paper, text never under 7 pt, and every "continued on page N" and "from page N"
leading to a page that really holds the manager or the team it names.
"""

from __future__ import annotations

import re

import pytest

from orgdesigner.model import load
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.pdf.chart.document import write_chart

from conftest import SAMPLES
from pdfread import continued_from, listed_pages, page_texts, smallest_font_size

TITLE = re.compile(r"Role \d{4}(?= (?:VACANT )?G\d+ ·)")
"""A card's title: followed by its grade row (a page's heading may name posts too, never so)."""
ONWARD = re.compile(r"(?:continued on pages?|→ pp?\.) ((?:\d+(?:–\d+)?(?:, | and )?)+)")
SOURCE = re.compile(r"from page (\d+)")


def _numbered(posts: int):
    """A synthetic council whose titles ("Role 0042") never contain one another, so a page's text
    can be cut into one piece per card."""
    structure = synthetic_structure(posts)
    for pid, post in list(structure.posts.items()):
        structure.posts[pid] = post.model_copy(update={"title": f"Role {int(pid[1:]):04d}"})
    return structure


def _cards(text: str) -> dict[str, str]:
    """Each card's title on a page -> the card's own text (up to the next title): its rows and notes."""
    starts = [(match.start(), match.group()) for match in TITLE.finditer(text)]
    return {title: text[start:following] for (start, title), (following, _) in
            zip(starts, [*starts[1:], (len(text), "")])}


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    structure = _numbered(1000)
    out = tmp_path_factory.mktemp("density") / "council.pdf"
    write_chart(structure, out)  # A4 landscape, as File ▸ Export PDF writes it
    texts = page_texts(out)
    return structure, out, [_cards(text) for text in texts], texts


def _id(title: str) -> str:
    return f"P{int(title[5:])}"


def test_a_thousand_posts_average_fifteen_or_more_to_an_a4_page_every_one_printed(council):
    structure, out, cards, _ = council
    printed = {title for page in cards for title in page}
    assert printed == {post.title for post in structure.posts.values()}
    assert len(structure.posts) / len(cards) >= 15, f"{len(cards)} pages"
    assert smallest_font_size(out) >= 7.0


def test_every_continued_on_leads_to_the_pages_holding_the_rest_of_the_team(council):
    structure, _, cards, _ = council
    title_of = {pid: post.title for pid, post in structure.posts.items()}
    checked = 0
    for number, page in enumerate(cards, start=1):
        for title, text in page.items():
            reports = {title_of[kid] for kid in structure.reports_of(_id(title))}
            onward = ONWARD.search(text)
            targets = listed_pages(onward.group(1)) if onward else []
            assert number not in targets and all(1 <= target <= len(cards) for target in targets), (title, targets)
            shown = set(page).union(*(cards[target - 1] for target in targets))
            assert reports <= shown, f"{title} on page {number}: {sorted(reports - shown)} are on no page it names"
            for target in targets:  # the team's page shows the card again, saying where it came from
                assert title in cards[target - 1] and f"from page {number}" in cards[target - 1][title]
                assert reports & set(cards[target - 1]), (title, number, target)
                checked += 1
    assert checked > 50


def test_every_from_page_names_the_page_with_the_card_under_its_own_manager(council):
    structure, _, cards, texts = council
    title_of = {pid: post.title for pid, post in structure.posts.items()}
    for number, page in enumerate(cards, start=1):
        for title, text in page.items():
            manager = structure.posts[_id(title)].reports_to
            source = SOURCE.search(text)
            if not source:
                assert manager is None or title_of[manager] in page, f"{title} on page {number}: where is its manager?"
                continue
            earlier = int(source.group(1))
            assert earlier < number and title in cards[earlier - 1], (title, number, earlier)
            assert number in listed_pages(ONWARD.search(cards[earlier - 1][title]).group(1))
            assert manager is not None and title_of[manager] in cards[earlier - 1]
            assert earlier in continued_from(texts[number - 1])


def test_a_senior_team_too_tall_for_its_stacked_column_still_prints_on_one_page(tmp_path):
    out = tmp_path / "leicester.pdf"
    write_chart(load(SAMPLES / "leicester-2011-proposed.orgd"), out)
    texts = page_texts(out)
    assert "overview" in texts[0] and not any("part 1" in text for text in texts)
    assert "Director of Human Resources" in texts[0] and "Head of Standards" in texts[0]


def test_a_director_over_one_post_services_prints_on_one_page(tmp_path):
    structure = load(SAMPLES / "peterborough-cambridgeshire-2017-shared.orgd")  # each service its own group
    out = tmp_path / "shared.pdf"
    write_chart(structure, out)
    texts = page_texts(out)
    assert len(texts) == 1
    assert all(" ".join(post.title.split()) in texts[0] for post in structure.posts.values())
