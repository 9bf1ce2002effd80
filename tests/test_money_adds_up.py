"""Money a finance officer can sign off: the pack's tables add up as printed, a change is the difference of the
printed figures, the pack and the window say the same figures the same way, and the words follow the data.
Everything is read back from the produced PDF (as pdfium gives its text, line by line) and from the window's panels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SAMPLES
from orgdesigner.io.establishment import ImportOptions, import_table
from orgdesigner.model import Scenarios, Structure, load, save_scenarios
from orgdesigner.model.money import money
from orgdesigner.pdf.options import PdfOptions
from orgdesigner.pdf.pack.document import write_pack

ESTABLISHMENT = SAMPLES / "establishment"
POUNDS = r"[\u2212-]?£[\d,]+"
MINUS = "\u2212"


def _pounds(text: str) -> int:
    """'£1,234' → 1234; '−£25,000' → −25000."""
    negative = text.startswith((MINUS, "-"))
    value = int(text.lstrip(MINUS + "-").lstrip("£").replace(",", ""))
    return -value if negative else value


def _lines(path: Path) -> list[list[str]]:
    """Each page's lines as a reader's copy and paste gets them."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range().replace("\r", "").split("\n") for page in document]
    finally:
        document.close()


class Pack:
    def __init__(self, path: Path, before: Structure, after: Structure) -> None:
        self.pay_award = after.proposal.pay_award_rate
        write_pack(before, after, path, PdfOptions(title="Senior leadership review"))
        self.pages = _lines(path)
        self.lines = [line for page in self.pages for line in page]

    def after(self, heading: str) -> list[str]:
        """The lines from the first line that is `heading` (outside the contents pages) to the end."""
        start = next(i for i, line in enumerate(self.lines) if line.strip() == heading and i > 40)
        return self.lines[start + 1:]

    def row(self, label: str, lines: list[str] | None = None) -> list[str]:
        """The figures printed on the first line that is `label` followed by figures."""
        line = next(line for line in (lines or self.lines)
                    if line.startswith(label + " ") and line[len(label) + 1] in f"0123456789£+({MINUS}–")
        return line[len(label):].split()

    def money_row(self, label: str, lines: list[str] | None = None) -> list[int]:
        return [_pounds(cell) for cell in self.row(label, lines) if re.fullmatch(POUNDS, cell)]


def _pair(name: str) -> tuple[Structure, Structure]:
    return load(SAMPLES / f"{name}-current.orgd"), load(SAMPLES / f"{name}-proposed.orgd")


def _ashdown(current_rate: float = 0.0, proposed_rate: float = 0.0) -> tuple[Structure, Structure]:
    """Ashdown District's establishment lists, imported as a reviewer would (no on-costs unless told)."""
    current = import_table(ESTABLISHMENT / "ashdown-district-current.csv",
                           ImportOptions(on_cost_rate=current_rate, scenario="Current",
                                         organisation="Ashdown District Council")).structure
    proposed = import_table(ESTABLISHMENT / "ashdown-district-proposed.csv",
                            ImportOptions(on_cost_rate=proposed_rate, scenario="Proposed")).structure
    return current, proposed


@pytest.fixture(scope="module", params=["cambridge-2022", "leicester-2011"])
def pack(request, tmp_path_factory) -> Pack:
    return Pack(tmp_path_factory.mktemp("money") / f"{request.param}.pdf", *_pair(request.param))


@pytest.fixture(scope="module")
def cambridge(tmp_path_factory) -> Pack:
    return Pack(tmp_path_factory.mktemp("money") / "cambridge.pdf", *_pair("cambridge-2022"))


# ----- the pack adds up as printed ---------------------------------------------------------------------


ROW_END = re.compile(rf"(?:(\S+) )?(\d+\.\d+) (–|{POUNDS}) (–|{POUNDS})$")
"""The end of a row of the proposed posts table: tier, FTE, cost and cost to the council."""


def _proposed_posts(pack: Pack) -> list[tuple[str, bool, int, int]]:
    """Each costed post of the proposed posts table: tier, in scope, cost, cost to the council. A row's lines run
    from the end of the row before it; 'out of scope' in its note puts it out of scope."""
    lines = pack.after("Proposed posts")
    end = next(i for i, line in enumerate(lines) if line.startswith("All posts ("))
    rows, block = [], []
    for line in lines[:end]:
        block.append(line)
        found = ROW_END.search(line)
        if found:
            if found.group(3) != "–":
                rows.append((found.group(1) or "", not any("out of scope" in b for b in block),
                             _pounds(found.group(3)), _pounds(found.group(4))))
            block = []
    return rows


def test_the_proposed_posts_table_adds_up_as_printed(pack):
    rows = _proposed_posts(pack)
    assert len(rows) >= 9
    every = pack.money_row("All posts", pack.after("Proposed posts"))
    assert every == [sum(r[2] for r in rows), sum(r[3] for r in rows)]
    in_scope = pack.money_row("Posts in scope of the review", pack.after("Proposed posts"))
    assert in_scope == [sum(r[2] for r in rows if r[1]), sum(r[3] for r in rows if r[1])]


def test_the_tier_table_adds_up_and_each_saving_is_the_difference_of_its_printed_costs(pack):
    lines = pack.after("Posts and cost by tier")
    tiers = [line for line in lines[:lines.index(next(l for l in lines if l.startswith("Total ")))]
             if line.startswith("Tier ") and not line.startswith("Tier Current")]
    assert len(tiers) >= 3
    columns = []
    for line in tiers:
        cells = line.split()
        current = 0 if cells[-4] == "–" else _pounds(cells[-4])
        proposed = 0 if cells[-2] == "–" else _pounds(cells[-2])
        assert _pounds(cells[-1]) == current - proposed, line
        columns.append((current, proposed, _pounds(cells[-1])))
    total = pack.money_row("Total", lines)
    assert total == [sum(c[0] for c in columns), sum(c[1] for c in columns), sum(c[2] for c in columns)]


def test_each_tiers_proposed_cost_is_the_sum_of_its_posts_in_the_posts_table(pack):
    posts = _proposed_posts(pack)
    lines = pack.after("Posts and cost by tier")
    for line in lines:
        found = re.match(r"Tier (\S+) – .* (–|£[\d,]+) (\u2212?£[\d,]+)$", line)
        if found and found.group(2) != "–":
            assert _pounds(found.group(2)) == sum(net for tier, scope, _, net in posts if tier == found.group(1)
                                                  and scope), line


def test_the_financial_summary_adds_up_as_printed(pack):
    lines = pack.after("Financial summary")
    for label in ("Cost", "Cost to the council"):
        current, proposed, difference = pack.money_row(label, lines)
        assert difference == proposed - current, label
    saving = lines[lines.index("Gross saving"):lines.index(next(l for l in lines if l.startswith("Net saving")))]
    amounts = [_pounds(line) for line in saving if re.fullmatch(POUNDS, line)]  # the saving, then each set-aside
    assert len(amounts) >= 1 and all(amount < 0 for amount in amounts[1:])
    assert pack.money_row("Net saving", lines) == [sum(amounts)]
    years = [pack.money_row(f"Year {n}", lines)[0] for n in range(1, 6)]
    assert pack.money_row("Over 5 years", lines) == [sum(years)]
    assert years[0] == pack.money_row("Net saving", lines)[0]


def test_the_cambridge_figures_the_reviewer_checked_now_add_up(cambridge):
    """The reviewer's sums: the posts in scope came to £1,020,956 against a printed £1,020,954."""
    rows = _proposed_posts(cambridge)
    assert sum(net for _, scope, _, net in rows if scope) == 1_020_956
    assert cambridge.money_row("Posts in scope of the review", cambridge.after("Proposed posts")) == [1_020_956] * 2
    tier_3b = [net for tier, scope, _, net in rows if tier == "3B" and scope]
    assert len(tier_3b) == 3 and cambridge.money_row("Tier 3B – Head of Service",
                                                     cambridge.after("Posts and cost by tier"))[-2] == sum(tier_3b)


def test_an_average_span_changes_by_the_difference_of_the_printed_averages(tmp_path):
    pack = Pack(tmp_path / "ashdown.pdf", *_ashdown())
    current, proposed, difference = pack.row("Average span of a manager", pack.after("At a glance"))
    assert float(difference.replace(MINUS, "-")) == pytest.approx(float(proposed) - float(current))
    assert (current, proposed, difference) == ("2.2", "2.3", "+0.1")


# ----- the words follow the data --------------------------------------------------------------------------


def test_with_no_pay_award_the_pack_says_the_saving_is_the_same_each_year(pack):
    text = " ".join(pack.after("Financial summary"))
    if pack.pay_award:  # Cambridge: 3%
        assert "growing each year with a pay award of 3%" in text and "growing with the pay award of 3%" in text
    else:  # Leicester: no pay award, every year alike
        assert "growing" not in text and "pay award" in text
        assert "the same each year: the proposal sets no pay award" in text


def test_a_chart_costed_without_on_costs_says_so_in_a_sentence(tmp_path):
    pack = Pack(tmp_path / "ashdown.pdf", *_ashdown())
    notes = [line for line in pack.lines if line.startswith("Cost: ")]
    assert notes and set(notes) == {"Cost: salary only, no on-costs."}
    with_rate = Pack(tmp_path / "ashdown-25.pdf", *_ashdown(0.25, 0.25))
    assert {line for line in with_rate.lines if line.startswith("Cost: ")} == {"Cost: salary plus 25% on-costs."}


def test_every_percentage_in_a_pack_is_written_one_way(pack):
    text = "\n".join(pack.lines)
    assert not re.search(r"\d %", text)  # '25 % on-costs'
    assert not re.search(r"\d\.0+%", text)  # '3.0%'
    assert re.search(r"\d%", text)


# ----- the window and the pack agree ------------------------------------------------------------------------


def test_the_finance_dock_and_the_pack_print_the_same_figures_the_same_way(cambridge, new_window, qtbot, tmp_path):
    from orgdesigner.ui.compare import CompareFeature
    from orgdesigner.ui.docks.findings import FindingsFeature

    path = tmp_path / "cambridge.orgd"
    current, proposed = _pair("cambridge-2022")
    current.scenario, proposed.scenario = "Current", "Proposed"
    save_scenarios(Scenarios([current, proposed]), path)
    window = new_window()
    window.show()
    qtbot.waitExposed(window)
    assert window.open_file(path) and window.document.switch_scenario("Proposed")
    feature = window.feature(CompareFeature)
    assert feature.compare_with_scenario("Current")
    panel = feature.finance
    lines = cambridge.after("Financial summary")
    assert panel.value_of("Over 5 years", 3) == money(cambridge.money_row("Over 5 years", lines)[0])
    for year in range(1, 6):
        assert panel.value_of(f"Year {year}", 3) == money(cambridge.money_row(f"Year {year}", lines)[0])
    assert [panel.value_of("FTE", column) for column in (1, 2, 3)] == cambridge.row("FTE", lines)
    assert [panel.value_of("Cost (net)", column) for column in (1, 2, 3)] == cambridge.row("Cost to the council", lines)
    assert panel.value_of("Posts in scope", 3) == cambridge.row("Posts", lines)[2]
    payback = panel.value_of("Payback", 3)
    assert f"Payback period: {payback}," in " ".join(lines)
    set_asides = [panel.tree.topLevelItem(r).text(3) for r in range(panel.tree.topLevelItemCount())
                  if panel.tree.topLevelItem(r).text(0).startswith("Set aside")]
    assert set_asides == ["\u2212£25,000", "\u2212£15,000"]
    assert all(amount in lines for amount in set_asides)
    # the findings: the same words for a severity in the dock and the pack's appendix
    findings = window.feature(FindingsFeature).panel
    shown = {findings.topLevelItem(r).text(0) for r in range(findings.topLevelItemCount())}
    assert shown and shown <= {"Error", "Warning", "Note"}
    appendix = " ".join(cambridge.after("Findings in the proposed structure"))
    assert all(label in appendix for label in shown)


def test_money_is_rounded_half_up_once_and_changes_are_signed():
    from orgdesigner.model.money import change, percent, whole_pounds

    assert whole_pounds(101_563.5) == 101_564 and whole_pounds(-0.5) == -1 and whole_pounds(2.4999) == 2
    assert change(90_900) == "+£90,900" and change(-1_146_938) == "\u2212£1,146,938" and change(0.3) == "£0"
    assert [percent(r) for r in (0.25, 0.03, 0.025, 0.3125, 0)] == ["25%", "3%", "2.5%", "31.25%", "0%"]
