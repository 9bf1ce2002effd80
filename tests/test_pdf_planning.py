"""The pack's planning sections read back from the PDF: statutory officers, responsibilities, the rota and
pay benchmarking, each printed only when the structure has that data, with names withheld when asked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import SAMPLES
from orgdesigner.analysis.benchmark import all_stats
from orgdesigner.model import PostStatus, Structure, load
from orgdesigner.pdf.options import PdfOptions
from orgdesigner.pdf.pack.document import CONTENTS, write_pack
from orgdesigner.presentation.money import money
from orgdesigner.presentation.planning import month_name

from pdfread import page_texts

PLANNING = ["Statutory officers", "Responsibilities", "Rota", "Pay benchmarking"]
NAMES = ["Winifred Applethwaite", "Olusegun Baptiste-Morrow", "Catriona Fairweather", "Desmond Ugwu-Halloran",
         "Philippa Treharne", "Ianto Ravensworth", "Marguerite Okafor", "Bartholomew Sinclair-Nye"]


class Pack:
    def __init__(self, path: Path, before: Structure, after: Structure, options: PdfOptions | None = None) -> None:
        write_pack(before, after, path, options or PdfOptions(title="Pack"))
        self.reader = PdfReader(path)
        self.texts = page_texts(path)
        self.starts = {item.title: self.reader.get_destination_page_number(item) for item in self.reader.outline}
        """Each section's first page (0-based), from the PDF's outline."""

    def section(self, title: str) -> str:
        """The text of a section, from its first page to the next section's heading (sections that are not
        charts flow on, so the next may start on this section's last page)."""
        start = self.starts[title]
        names = list(self.starts)  # in the outline's order, the document's
        if names.index(title) + 1 == len(names):
            return " ".join(self.texts[start:])
        heading = names[names.index(title) + 1]
        end = self.starts[heading]
        last = self.texts[end]
        return " ".join([*self.texts[start:end], last[:last.rfind(heading)]])


def _sample(name: str) -> Structure:
    return load(SAMPLES / name)


@pytest.fixture(scope="module")
def cumbria(tmp_path_factory) -> tuple[Pack, Structure]:
    after = _sample("cumbria-2022-distributed-leadership.orgd")
    pack = Pack(tmp_path_factory.mktemp("cumbria") / "cumbria.pdf",
                _sample("cumbria-2022-distributed-leadership.orgd"), after)
    return pack, after


@pytest.fixture(scope="module")
def derbyshire(tmp_path_factory) -> tuple[Pack, Structure]:
    after = _sample("derbyshire-2021-managing-director.orgd")
    pack = Pack(tmp_path_factory.mktemp("derbyshire") / "derbyshire.pdf",
                _sample("derbyshire-2021-interim.orgd"), after)
    return pack, after


def test_sections_come_only_with_their_data_and_are_in_the_contents(cumbria, derbyshire, tmp_path):
    cambridge = Pack(tmp_path / "cambridge.pdf", _sample("cambridge-2022-current.orgd"),
                     _sample("cambridge-2022-proposed.orgd"))
    present = {name: [title for title in PLANNING if title in pack.starts]
               for name, pack in (("cumbria", cumbria[0]), ("derbyshire", derbyshire[0]), ("cambridge", cambridge))}
    assert present == {"cumbria": ["Statutory officers", "Responsibilities", "Rota"],
                       "derbyshire": ["Statutory officers", "Pay benchmarking"],
                       "cambridge": ["Statutory officers"]}
    contents = cumbria[0].texts[1]
    assert contents.startswith(CONTENTS)
    for title in present["cumbria"]:
        listed = re.search(re.escape(title) + r" (\d+)", contents)
        assert listed and int(listed.group(1)) == cumbria[0].starts[title] + 1
    order = [cumbria[0].starts[t] for t in present["cumbria"]]
    assert order == sorted(order) and order[0] > cumbria[0].starts["Spans of control and tiers"]
    assert cumbria[0].starts["Appendix: rule findings"] > order[-1]


def test_statutory_officers_show_who_holds_each_role_now_and_proposed(derbyshire):
    pack, after = derbyshire
    text = pack.section("Statutory officers")
    hops = text[text.index("Head of Paid Service HoPS"):text.index("Chief Finance Officer (S151) S151")]
    assert "Managing Director (Head of Paid Service)" in hops
    assert "Executive Director Commissioning, Communities and Policy (Managing Executive Director)" in hops
    assert "Director of Finance and ICT" in text and "Director of Legal & Democratic Services" in text
    assert "designates every required statutory officer once" in text


def test_cumbria_responsibilities_are_printed_by_category_with_their_holders(cumbria):
    pack, after = cumbria
    text = pack.section("Responsibilities")
    for category, count in (("Lead responsibilities", 28), ("Portfolio briefings", 11), ("Delegations", 10),
                            ("Meetings", 10)):
        assert f"{category} ({count})" in text
    for item in after.responsibilities:
        assert " ".join(item.name.split()) in text, item.name
    who = re.search(r"Assistant Director \(Commissioning, Procurement & Contracts lead\) (\d+) (\d+) (\d+) (\d+) (\d+)",
                    text)
    assert who and who.groups() == ("6", "4", "4", "2", "16")
    assert "Total 28 11 10 10 59" in text
    assert "Every responsibility is held by a post that is filled" in text


def test_a_vacant_holder_is_flagged_in_the_pack(tmp_path):
    after = _sample("cumbria-2022-distributed-leadership.orgd")
    after.update_post("AD-CUST", status=PostStatus.VACANT)
    pack = Pack(tmp_path / "vacant.pdf", _sample("cumbria-2022-distributed-leadership.orgd"), after)
    text = pack.section("Responsibilities")
    assert text.count("vacant: to be reassigned or covered") == 14 + 1  # each of its 14, and its row in the summary
    assert "is vacant but holds 14 responsibilities" in text


def test_cumbria_rota_month_by_month(cumbria):
    pack, after = cumbria
    text = pack.section("Rota")
    titles = {p.id: p.title for p in after.posts.values()}
    for entry in after.rota.months:
        assert f"{month_name(entry.month)} {titles[entry.lead]} {titles[entry.buddy]}" in text
    assert "DMT chair, Directors meeting" in text
    assert f"{titles['AD-SCPC']} 3 2" in text and f"{titles['AD-ICT']} 2 3" in text
    assert "The turns are balanced" in text


def test_derbyshire_pay_benchmarking_against_the_documents_averages(derbyshire):
    pack, after = derbyshire
    text = pack.section("Pay benchmarking")
    for category, mean in (("Local Councils", "£180,744"), ("County Councils", "£183,727"),
                           ("Councils with Comparable Functions", "£188,817"), ("Population 600-900K", "£180,178"),
                           ("All comparators", "£181,517")):
        assert re.search(re.escape(category) + r" \d+ " + re.escape(mean), text), category
    assert "Managing Director (Head of Paid Service): £175,929" in text
    assert "£12,888 below the mean of £188,817" in text and "lowest quarter" in text
    stats = {s.category: s for s in all_stats(after.benchmark)}
    assert money(stats["County Councils"].median) in text
    for comparator in after.benchmark.comparators:
        assert comparator.council in text
    assert "38 comparable councils" in text


def test_names_are_withheld_from_the_planning_sections_when_asked(tmp_path):
    before = _sample("cumbria-2022-distributed-leadership.orgd")
    after = _sample("cumbria-2022-distributed-leadership.orgd")
    for name, post in zip(NAMES, [p for p in after.posts.values() if p.status is not PostStatus.VACANT]):
        after.update_post(post.id, postholder=name)
        before.update_post(post.id, postholder=name)
    named = Pack(tmp_path / "named.pdf", before, after)
    redacted = Pack(tmp_path / "redacted.pdf", before, after, PdfOptions(title="Pack", redact_names=True))
    for title in ("Statutory officers", "Responsibilities", "Rota"):
        assert any(name in named.section(title) for name in NAMES), title
        assert not any(name in redacted.section(title) for name in NAMES), title
