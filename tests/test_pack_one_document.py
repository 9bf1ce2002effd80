"""A pack for a restructure imported from two spreadsheets reads as one document, and money is written
one way everywhere (#15 items 3, 4, 6 and 7)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from orgdesigner.pdf.options import PdfOptions

from pdfread import drawn_share, page_texts

SAMPLES = Path(__file__).parent.parent / "sample_structures" / "establishment"
CURRENT, PROPOSED = SAMPLES / "ashdown-district-current.csv", SAMPLES / "ashdown-district-proposed.csv"
WRONG_NEGATIVE = re.compile(r"£\s*[-\u2212]|-\s*£")
"""A negative amount written any way but '−£217,400': '£-217,400', '-£217,400', '£−217,400'."""


@pytest.fixture(scope="module")
def restructure(tmp_path_factory) -> Path:
    """Ashdown District Council's current and proposed establishment lists, imported as two scenarios of one file."""
    from orgdesigner.main import main
    out = tmp_path_factory.mktemp("ashdown") / "ashdown.orgd"
    assert main(["import", str(CURRENT), "-o", str(out), "--on-cost-rate", "25%", "--scenario", "Current",
                 "--organisation", "Ashdown District Council", "--name", "Senior management review"]) == 0
    assert main(["import", str(PROPOSED), "-o", str(out), "--add", "--scenario", "Proposed"]) == 0
    return out


@pytest.fixture(scope="module")
def pack(restructure) -> Path:
    from orgdesigner.main import main
    out = restructure.with_name("pack.pdf")
    assert main(["export", f"{restructure}", "--scenario", "Proposed", "--pack", "--before",
                 f"{restructure}:Current", "-o", str(out)]) == 0
    return out


def section_starts(path: Path) -> dict[str, int]:
    reader = PdfReader(path)
    return {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline}


def test_the_cover_names_the_council_both_scenarios_and_the_cost_basis(pack):
    cover = page_texts(pack)[0]
    assert "Ashdown District Council" in cover and "Current → Proposed" in cover
    assert "Both structures costed at top of grade with 25% on-costs." in cover
    assert "Costed differently" not in cover


def _condensed_sizes(page) -> set[float]:
    """The sizes the cards' regular text (postholder, grade, cost) is set at on a page, as printed."""
    sizes: set[float] = set()

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None and str(font.get("/BaseFont")).endswith("DejaVuSansCondensed"):
            sizes.add(round(size * (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5, 2))

    page.extract_text(visitor_text=visit)
    return sizes


def test_both_charts_are_printed_at_one_scale(pack):
    starts = section_starts(pack)
    reader = PdfReader(pack)
    chart_pages = range(starts["Current structure"], starts["Proposed posts"])
    sizes = {number: _condensed_sizes(reader.pages[number - 1]) for number in chart_pages}
    assert all(sizes.values()) and len(set().union(*sizes.values())) == 1, sizes
    assert starts["Proposed structure"] > starts["Current structure"] + 1  # both charts, over several pages


def test_the_proposed_chart_marks_new_moved_and_retitled_posts_with_a_legend(pack):
    starts = section_starts(pack)
    texts = page_texts(pack)
    current = " ".join(texts[starts["Current structure"] - 1:starts["Proposed structure"] - 1])
    proposed = " ".join(texts[starts["Proposed structure"] - 1:starts["Proposed posts"] - 1])
    for word in ("New", "Moved", "Retitled"):
        assert re.search(rf"\b{word}\b", proposed), word
    assert not re.search(r"\bRetitled\b", current)


def page_fullness(path: Path) -> dict[int, float]:
    """Each page's share of its frame that the drawing covers (see `drawn_share`), cover left out. A chart
    page is measured between its title and its legend, which fill every chart page whatever the chart."""
    from orgdesigner.pdf.chart.page import HEADER_BAND, LEGEND_BAND
    from orgdesigner.pdf.pack.data import FOOTER_ROOM, HEADER_ROOM

    reader = PdfReader(path)
    starts = section_starts(path)
    charts = range(starts["Current structure"], starts["Proposed posts"])
    paper = PdfOptions().paper
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    frame = (paper.margin, paper.margin + FOOTER_ROOM, width - paper.margin, height - paper.margin - HEADER_ROOM)
    full = {}
    for number in range(2, len(reader.pages) + 1):
        left, bottom, right, top = frame
        if number in charts:
            bottom, top = bottom + LEGEND_BAND + 1, top - HEADER_BAND
        full[number] = drawn_share(path, number, (left, bottom, right, top))
    return full


def test_no_page_is_under_a_quarter_full_but_the_last_of_a_section(pack):
    """Measured by what is drawn. A chart page is planned whole, never the remainder of a section that runs
    on, so every chart page is held to it, the last of a chart too."""
    starts = section_starts(pack)
    fullness = page_fullness(pack)
    charts = range(starts["Current structure"], starts["Proposed posts"])
    last_of_section = {start - 1 for start in starts.values()} | {max(fullness)}
    thin = {number: f"{share:.0%}" for number, share in fullness.items()
            if share < 0.25 and (number in charts or number not in last_of_section)}
    assert not thin, f"pages under a quarter full: {thin}"


def test_continued_labels_keep_inside_the_page(pack):
    """Each "continued on page N" label, measured from its start to its end, lies inside the page's margins."""
    from orgdesigner.pdf.fonts import CONDENSED_BOLD, register_fonts, text_width
    register_fonts()
    reader = PdfReader(pack)
    starts = section_starts(pack)
    left = PdfOptions().paper.margin
    right = float(reader.pages[0].mediabox.width) - left
    labels = 0
    for number in range(starts["Current structure"], starts["Proposed posts"]):
        spans: list[tuple[float, float]] = []

        def visit(text, cm, tm, font, size):
            if "continued on" in text or "\u2192 p" in text:
                scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
                start = tm[4] * cm[0] + cm[4]
                spans.append((start, start + text_width(text.strip(), CONDENSED_BOLD, size * scale)))

        reader.pages[number - 1].extract_text(visitor_text=visit)
        labels += len(spans)
        assert all(left <= start and end <= right for start, end in spans), (number, spans)
    assert labels


def test_changes_are_grouped_by_directorate_then_change_with_likely_matches(pack):
    starts = section_starts(pack)
    texts = page_texts(pack)
    table = " ".join(texts[starts["Changes to current posts"] - 1:starts["New posts and selection"]])
    order = [table.index(row) for row in ("Corporate Services Head of ICT", "Procurement Officer",
                                          "Communities Head of Leisure and Culture", "Homelessness Officer",
                                          "Place Director of Place")]
    assert order == sorted(order)  # by directorate; in each, deleted posts before moved ones
    assert "Likely match: Head of Digital and Transformation (one grade apart" in table


def test_sections_after_the_charts_flow_on(pack):
    starts = section_starts(pack)
    texts = page_texts(pack)
    assert "Total (30 posts)" in texts[starts["New posts and selection"] - 1]  # the changes table ends there


def test_differing_rates_are_said_on_the_cover_and_the_finance_page(tmp_path, run):
    before, after = tmp_path / "before.orgd", tmp_path / "after.orgd"
    run("import", str(CURRENT), "-o", str(before), "--on-cost-rate", "30%", "--organisation", "Ashdown")
    run("import", str(PROPOSED), "-o", str(after), "--on-cost-rate", "0")
    out = tmp_path / "pack.pdf"
    assert run("export", str(after), "--pack", "--before", str(before), "-o", str(out)).returncode == 0
    texts = page_texts(out)
    assert "Costed differently in the two files: on-costs differ: 30% before, 0% after" in texts[0]
    finance = " ".join(texts[section_starts(out)["Financial summary"] - 1:])
    assert "The two files are costed differently: on-costs differ" in finance
    assert "Both structures are costed on the proposed structure's basis." in finance


def test_money_is_negative_one_way_in_the_text_the_json_and_the_pack(tmp_path, restructure, run):
    """Current → Proposed saves money; Proposed → Current costs more: every amount of it is written one way."""
    outputs = [run("compare", f"{restructure}:Proposed", f"{restructure}:Current", *extra).stdout
               for extra in ((), ("--json",), ("--basis", "own"))]
    outputs.append(run("check", f"{restructure}").stdout)
    pdf = tmp_path / "backwards.pdf"
    run("export", str(restructure), "--scenario", "Current", "--pack", "--before", f"{restructure}:Proposed",
        "-o", str(pdf))
    outputs += page_texts(pdf)
    assert "extra cost a year" in outputs[0] and "\u2212£" in " ".join(outputs)
    for text in outputs:
        assert not WRONG_NEGATIVE.search(text), WRONG_NEGATIVE.search(text)


def test_spreadsheets_write_costs_as_numbers(tmp_path, restructure, run):
    xlsx, csv_path = tmp_path / "posts.xlsx", tmp_path / "posts.csv"
    run("export", str(restructure), "-o", str(xlsx))
    run("export", str(restructure), "-o", str(csv_path))
    sheet = load_workbook(xlsx).active
    headers = [cell.value for cell in sheet[1]]
    costs = [row[headers.index("cost_net")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert costs and all(isinstance(value, (int, float)) for value in costs)
    with csv_path.open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            float(row["cost_net"])
            assert not WRONG_NEGATIVE.search(" ".join(row.values()))


def _council(departments: dict[str, tuple[int, int]], scenario: str):
    """A chief executive over departments, each a director over heads with officers: name -> (heads, officers)."""
    from orgdesigner.model import Group, Post, Structure
    groups = {"ceo": Group(id="ceo", name="Chief Executive's Office")}
    posts = {"CE": Post(id="CE", title="Chief Executive", group="ceo")}
    for d, (name, (heads, officers)) in enumerate(departments.items()):
        groups[f"g{d}"] = Group(id=f"g{d}", name=name)
        posts[f"D{d}"] = Post(id=f"D{d}", title=f"Director of {name}", reports_to="CE", group=f"g{d}")
        for h in range(heads):
            posts[f"D{d}H{h}"] = Post(id=f"D{d}H{h}", title=f"Head of {name} {h + 1}", reports_to=f"D{d}",
                                      group=f"g{d}")
            for o in range(officers):
                posts[f"D{d}H{h}O{o}"] = Post(id=f"D{d}H{h}O{o}", title=f"{name} Officer {h + 1}.{o + 1}",
                                              reports_to=f"D{d}H{h}", group=f"g{d}")
    return Structure(name="Review", organisation="Test", scenario=scenario, groups=groups, posts=posts)


def _department_pages(structure, texts: list[str]) -> dict[str, list[int]]:
    """Each department (a top-level group) -> the chart pages showing all its posts."""
    pages = {}
    for gid, group in structure.groups.items():
        titles = [p.title for p in structure.posts.values() if p.group == gid]
        pages[group.name] = [number for number, text in enumerate(texts, start=1)
                             if all(re.search(rf"{re.escape(title)}(?![\d.])", text) for title in titles)]
    return pages


def _card_texts(path: Path) -> list[str]:
    """Each page's text below a chart page's title and subtitle (which may name a post: "Reports to …")."""
    from orgdesigner.pdf.chart.page import HEADER_BAND
    from orgdesigner.pdf.pack.data import HEADER_ROOM
    texts = []
    for page in PdfReader(path).pages:
        top = float(page.mediabox.height) - PdfOptions().paper.margin - HEADER_ROOM - HEADER_BAND
        parts: list[str] = []

        def visit(text, cm, tm, font, size):
            if tm[5] * cm[3] + cm[5] < top:
                parts.append(text)

        page.extract_text(visitor_text=visit)
        texts.append(" ".join("".join(parts).split()))
    return texts


def test_a_department_on_one_page_now_is_on_one_page_after_when_it_has_no_more_posts(tmp_path):
    """Housing keeps its 17 posts and Place shrinks; with fewer departments the proposed overview has room for
    Housing's heads, yet Housing is printed whole on one page in both charts, as it was before."""
    from orgdesigner.pdf.pack.document import write_pack
    before = _council({"Housing": (4, 3), "Place": (4, 2), "Resources": (4, 2), "Leisure": (3, 2)}, "Current")
    after = _council({"Housing": (4, 3), "Place": (1, 1)}, "Proposed")
    out = tmp_path / "pack.pdf"
    write_pack(before, after, out)
    starts = section_starts(out)
    texts = _card_texts(out)
    current = _department_pages(before, texts[starts["Current structure"] - 1:starts["Proposed structure"] - 1])
    proposed = _department_pages(after, texts[starts["Proposed structure"] - 1:starts["Proposed posts"] - 1])
    assert current["Housing"] and proposed["Housing"], (current, proposed)
    for name, pages in proposed.items():
        fewer = sum(p.group == g for p in after.posts.values() for g, group in after.groups.items()
                    if group.name == name) <= sum(p.group == g for p in before.posts.values()
                                                  for g, group in before.groups.items() if group.name == name)
        if name in current and current[name] and fewer:
            assert pages, f"{name} is on one page in the current chart but split in the proposed one"


@pytest.mark.parametrize("council", ["cambridge-2022", "leicester-2011"])
def test_sample_packs_have_no_chart_page_under_a_quarter_full(tmp_path, council):
    """Cambridge's post with no line manager once had a page for one card, and Leicester's proposed overview
    a second part holding a column of four cards: a top that fits goes beside the overview, an overview that
    must be split is split into the heads of departments and the chief's own office, and the teams left over
    for a last page are evened out with the page before."""
    from orgdesigner.model import load
    from orgdesigner.pdf.pack.document import write_pack
    samples = SAMPLES.parent
    out = tmp_path / "pack.pdf"
    write_pack(load(samples / f"{council}-current.orgd"), load(samples / f"{council}-proposed.orgd"), out)
    starts = section_starts(out)
    fullness = page_fullness(out)
    texts = page_texts(out)
    # a top with no line manager that fits beside no other page keeps a page of its own, under its own title
    thin = {n: f"{fullness[n]:.0%}" for n in range(starts["Current structure"], starts["Proposed posts"])
            if fullness[n] < 0.25 and "posts with no line manager" not in texts[n - 1]}
    assert not thin, f"chart pages under a quarter full: {thin}"


def test_a_page_title_naming_three_departments_is_set_smaller_rather_than_cut_short(tmp_path):
    """Cambridge's pages of three departments' teams were titled "… · Greater Cambridge Sh…"."""
    from orgdesigner.model import load
    from orgdesigner.pdf.pack.document import write_pack
    out = tmp_path / "pack.pdf"
    write_pack(load(SAMPLES.parent / "cambridge-2022-current.orgd"),
               load(SAMPLES.parent / "cambridge-2022-proposed.orgd"), out)
    texts = page_texts(out)
    assert sum("\u00b7 Greater Cambridge Shared Planning" in text for text in texts) >= 2
    assert not any(re.search(r"\u00b7 [^\u00b7]*\u2026", text.split("Reports to")[0]) for text in texts)


def test_a_page_of_several_teams_names_each_department_once():
    from orgdesigner.model import Group, Post, Structure
    from orgdesigner.pdf.chart.page import plan_chart
    groups = {"g": Group(id="g", name="Housing"), "c": Group(id="c", name="Office")}
    posts = {"CE": Post(id="CE", title="Chief Executive", group="c"),
             "D": Post(id="D", title="Director of Housing", reports_to="CE", group="g")}
    for h in range(14):  # too many teams for a few parts: a page of the heads, then pages of their teams
        posts[f"H{h}"] = Post(id=f"H{h}", title=f"Head {h}", reports_to="D", group="g")
        for o in range(4):
            posts[f"H{h}O{o}"] = Post(id=f"H{h}O{o}", title=f"Officer {h}.{o}", reports_to=f"H{h}", group="g")
    pages = plan_chart(Structure(groups=groups, posts=posts), 770, 480, "Chart")
    teams = [page for page in pages if sum(pid.startswith("H") and "O" not in pid for pid in page.structure.posts) > 1
             and "D" not in page.structure.posts]
    assert teams and all(page.title == "Housing (continued)" for page in teams), [p.title for p in pages]
    for page in pages:
        names = page.title.split(" \u00b7 ")
        assert len(names) == len(set(names)), page.title


def test_a_pack_of_posts_without_tiers_prints_no_empty_tier_columns_and_says_the_rate_once(pack):
    """Establishment lists give no tiers: no empty Tier column, no table of one 'No tier' row."""
    texts = page_texts(pack)
    starts = section_starts(pack)
    whole = " ".join(texts[starts["Proposed posts"] - 1:])
    assert "No tier" not in whole and "Posts per tier" not in whole and "Posts and cost by tier" not in whole
    assert not re.search(r"\bTier\b", whole)
    finance = " ".join(texts[starts["Financial summary"] - 1:starts["Spans of control and tiers"]])
    assert finance.count("on-costs") == 1 and "25% on-costs" in finance


def test_a_table_carried_over_a_page_names_its_directorate_again(pack, restructure):
    """The posts and changes tables run over pages; each page they carry on to starts with the directorate."""
    from orgdesigner.model import load
    names = {g.name for scenario in ("Current", "Proposed") for g in load(restructure, scenario).groups.values()}
    starts = section_starts(pack)
    texts = page_texts(pack)
    carried = 0
    for section, header in (("Proposed posts", "Cost to the council "), ("Changes to current posts",
                                                                         "Impact on postholder ")):
        first = starts[section]
        for number in range(first + 1, min(n for n in starts.values() if n > first) + 1):
            text = texts[number - 1]
            if header in text and text.index(header) < 80:  # the table's header opens the page
                rest = text[text.index(header) + len(header):]
                assert any(rest.startswith(f"{name} (continued)") or rest.startswith(name) for name in names), rest[:80]
                carried += 1
    assert carried >= 2


def test_two_files_imported_with_the_default_scenario_are_told_apart_on_the_cover(tmp_path, run):
    before, after = tmp_path / "current.orgd", tmp_path / "proposed.orgd"
    run("import", str(CURRENT), "-o", str(before), "--on-cost-rate", "25%")
    run("import", str(PROPOSED), "-o", str(after), "--on-cost-rate", "25%")
    out = tmp_path / "pack.pdf"
    assert run("export", str(after), "--pack", "--before", str(before), "-o", str(out)).returncode == 0
    cover = page_texts(out)[0]
    assert "Current → Current" not in cover
    assert "ashdown district current → ashdown district proposed" in cover.lower()


def test_a_proposal_with_errors_says_so_on_the_cover_and_shows_the_statutory_officers_it_lacks(tmp_path, run):
    """The Ashdown tables designate no statutory officer: three errors, told on the cover, and the statutory
    officers section shows each required role as not designated."""
    before, after = tmp_path / "current.orgd", tmp_path / "proposed.orgd"
    run("import", str(CURRENT), "-o", str(before))
    run("import", str(PROPOSED), "-o", str(after))
    out = tmp_path / "pack.pdf"
    assert run("export", str(after), "--pack", "--before", str(before), "-o", str(out)).returncode == 0
    texts = page_texts(out)
    assert "has 3 errors that must be put right" in " ".join(texts[0].split())
    statutory = section_starts(out)["Statutory officers"]
    page = " ".join(texts[statutory - 1].split())
    assert page.count("Not designated") >= 3 and "Head of Paid Service" in page
