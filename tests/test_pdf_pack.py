"""The consultation pack, read back from the PDF as a reader (or a screen reader) would get it."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A3, portrait

from conftest import SAMPLES
from orgdesigner.analysis.comparison import DELETED, compare
from orgdesigner.analysis.finance import finance_summary
from orgdesigner.model import ImpactChoice, ImpactOverride, PostStatus, Structure, load
from orgdesigner.pdf.fonts import MIN_FONT_SIZE
from orgdesigner.pdf.options import PdfOptions
from orgdesigner.pdf.pack.document import CONTENTS, write_pack
from orgdesigner.pdf.pack.sections import SECTIONS
from orgdesigner.pdf.paper import Paper, PaperSize
from orgdesigner.presentation.money import money

TITLES = [s.title for s in SECTIONS if s.when is None]
FIRST_NAMES = ["Harriet", "Oluwaseun", "Margaret", "Tomasz", "Priya", "Declan", "Ffion", "Ravinder", "Siobhan",
               "Kwame", "Agnieszka", "Brendan", "Imogen", "Yusuf", "Rosalind", "Callum", "Nkechi", "Alasdair"]
SURNAMES = ["Quennell", "Abernethy", "Okonkwo-Reid", "Thistlewood", "Varghese", "Pemberton"]


def _pair(name: str) -> tuple[Structure, Structure]:
    return load(SAMPLES / f"{name}-current.orgd"), load(SAMPLES / f"{name}-proposed.orgd")


def _text(reader: PdfReader) -> list[str]:
    """Each page's text with runs of white space made single spaces (table cells wrap titles)."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


def _section_pages(texts: list[str], title: str) -> str:
    """The text of a section: from the page its heading starts to where the next section's heading is (a
    section that is not a chart flows on from the one before, on the same page)."""
    start = _first_page(texts, title)
    following = [(i, t) for t in TITLES[TITLES.index(title) + 1:] if (i := _first_page(texts, t)) >= start]
    if not following:
        return " ".join(texts[start - 1:])
    end, heading = min(following, key=lambda found: (found[0], TITLES.index(found[1])))
    last = texts[end - 1]
    return " ".join([*texts[start - 1:end - 1], last[:last.rfind(heading)]] if end > start else [texts[start - 1]])


def _first_page(texts: list[str], title: str) -> int:
    """1-based number of the first page after the contents whose text has `title`."""
    return next(n for n, text in enumerate(texts, start=1) if n > 2 and title in text)


class Pack:
    def __init__(self, path: Path, before: Structure, after: Structure, options: PdfOptions) -> None:
        self.steps: list[tuple[int, int]] = []
        write_pack(before, after, path, options, progress=lambda done, total: self.steps.append((done, total)))
        self.path, self.before, self.after, self.options = path, before, after, options
        self.reader = PdfReader(path)
        self.texts = _text(self.reader)


@pytest.fixture(scope="module", params=["cambridge-2022", "leicester-2011"])
def pack(request, tmp_path_factory) -> Pack:
    before, after = _pair(request.param)
    options = PdfOptions(title="Senior leadership review: consultation pack", author="Head of HR")
    return Pack(tmp_path_factory.mktemp("pack") / f"{request.param}.pdf", before, after, options)


def _with_postholders(before: Structure, after: Structure) -> list[str]:
    """Give every filled post a name (the same name where a post continues) and return the names."""
    names: list[str] = []
    for index, post_id in enumerate(dict.fromkeys([*before.posts, *after.posts])):
        name = f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {SURNAMES[index % len(SURNAMES)]}"
        for structure in (before, after):
            post = structure.posts.get(post_id)
            if post is not None and post.status is not PostStatus.VACANT:
                structure.update_post(post_id, postholder=name)
                names.append(name)
    first = next(pid for pid, p in before.posts.items() if p.postholder and pid in after.posts)
    after.proposal.impacts[first] = ImpactOverride(impact=ImpactChoice.MATCH,
                                                   reason=f"{before.posts[first].postholder} asked to be matched")
    return sorted(set(names))


@pytest.fixture(scope="module")
def named(tmp_path_factory) -> tuple[Pack, Pack, list[str]]:
    """The Cambridge pack with postholder names, printed as is and with the names left out (and as a draft)."""
    folder = tmp_path_factory.mktemp("named")
    before, after = _pair("cambridge-2022")
    names = _with_postholders(before, after)
    plain = Pack(folder / "named.pdf", before, after, PdfOptions(title="Pack"))
    redacted = Pack(folder / "redacted.pdf", before, after,
                    PdfOptions(title="Pack", redact_names=True, draft=True, paper=Paper(PaperSize.A3, False)))
    return plain, redacted, names


def test_sections_come_in_order_each_on_its_own_page(pack):
    starts = [_first_page(pack.texts, title) for title in TITLES]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert CONTENTS in pack.texts[1][:40]


def test_contents_lists_every_section_with_its_page(pack):
    contents = pack.texts[1]
    for title in TITLES:
        match = re.search(re.escape(title) + r"[ .]*?(\d+)\b", contents)
        assert match, f"{title!r} is not in the contents"
        listed = int(match.group(1))
        assert listed == _first_page(pack.texts, title)
    outline = {item.title: pack.reader.get_destination_page_number(item) + 1 for item in pack.reader.outline}
    assert {t: outline[t] for t in TITLES} == {t: _first_page(pack.texts, t) for t in TITLES}


def test_every_proposed_post_is_in_the_posts_table_with_its_cost(pack):
    table = _section_pages(pack.texts, "Proposed posts")
    for post in pack.after.posts.values():
        assert post.title in table
    summary = finance_summary(pack.before, pack.after)
    assert f"Posts in scope of the review ({summary.after.posts})" in table
    assert money(summary.after.cost_net) in table


def test_changes_table_carries_every_current_post(pack):
    table = _section_pages(pack.texts, "Changes to current posts")
    for post in pack.before.posts.values():
        assert post.title in table, post.title
    assert f"Total ({len(pack.before.posts)} posts)" in table
    deleted = sum(1 for c in compare(pack.before, pack.after) if DELETED in c.kinds)
    assert table.count("Post deleted") == deleted


def test_new_posts_table_lists_the_new_posts(pack):
    table = _section_pages(pack.texts, "New posts and selection")
    for change in compare(pack.before, pack.after):
        if change.before is None and change.after.in_scope:
            assert change.after.title in table


def test_financial_summary_prints_the_comparison_figures(pack):
    page = _section_pages(pack.texts, "Financial summary")
    summary = finance_summary(pack.before, pack.after)
    for amount in (summary.saving_gross, summary.saving_net, summary.one_off_total,
                   summary.before.cost_net, summary.after.cost_net):
        assert money(amount) in page
    # the profile's total is the sum of the years as printed, so the column adds up
    printed_years = [round(amount) for amount in summary.profile]
    assert all(money(amount) in page for amount in printed_years)
    assert money(sum(printed_years)) in page
    assert abs(sum(printed_years) - summary.profile_total) < len(printed_years)
    assert f"{summary.payback_years:.1f} years" in page or "month" in page


def test_cambridge_figures_read_as_the_council_published_them(tmp_path):
    before, after = _pair("cambridge-2022")
    texts = Pack(tmp_path / "c.pdf", before, after, PdfOptions()).texts
    assert "£0.36m" in texts[0] and "£0.32m" in texts[0]
    finance = _section_pages(texts, "Financial summary")
    assert "Payback period: 2.1 years" in finance
    changes = _section_pages(texts, "Changes to current posts")
    assert "Change of line management to Chief Operating Officer" in changes
    assert "change of title to Chief Finance Officer" in changes


def test_page_x_of_y_on_every_page(pack):
    total = len(pack.texts)
    assert total > len(TITLES)
    for number, text in enumerate(pack.texts, start=1):
        assert f"Page {number} of {total}" in text


def test_no_text_is_smaller_than_the_minimum(pack):
    sizes: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            a, b, c, d = (tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3],
                          tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            sizes.append(size * math.sqrt(abs(a * d - b * c)))

    for page in pack.reader.pages:
        page.extract_text(visitor_text=visit)
    assert len(sizes) > 200 and max(sizes) >= 17
    assert min(sizes) >= MIN_FONT_SIZE - 1e-6


def test_fonts_are_embedded(pack):
    fonts = {}
    for page in pack.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} is not embedded"


def test_document_title_and_author_are_set(pack):
    assert pack.reader.metadata.title == pack.options.title
    assert pack.reader.metadata.author == pack.options.author


def test_progress_is_reported_up_to_the_end(pack):
    done = [d for d, _ in pack.steps]
    assert done == sorted(done) and pack.steps[-1][0] == pack.steps[-1][1]


def test_redacted_pack_has_no_postholder_name(named):
    plain, redacted, names = named
    everything = " ".join(plain.texts)
    assert all(name in everything for name in names)
    hidden = " ".join(redacted.texts)
    assert [name for name in names if name in hidden] == []
    assert "Postholder names are left out" in hidden


def test_draft_mark_only_when_asked(pack, named):
    assert not any("DRAFT" in text for text in pack.texts)
    assert all("DRAFT" in text for text in named[1].texts)


def test_paper_size_and_orientation_are_honoured(named):
    width, height = portrait(A3)
    box = named[1].reader.pages[3].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(width), round(height))


def test_a_folder_that_does_not_exist_is_an_error_and_writes_nothing(tmp_path):
    before, after = _pair("leicester-2011")
    with pytest.raises(OSError):
        write_pack(before, after, tmp_path / "missing" / "pack.pdf")
    assert not (tmp_path / "missing").exists()


def test_an_empty_proposal_still_makes_a_pack(tmp_path, structure):
    empty = Structure(name="Nothing yet")
    write_pack(structure, empty, tmp_path / "empty.pdf")
    texts = _text(PdfReader(tmp_path / "empty.pdf"))
    assert all(title in " ".join(texts) for title in TITLES)
