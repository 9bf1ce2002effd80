"""The facts a consultation pack prints, worked out once: analyses, changes, finances, names.

Every section reads from one `PackData`, so the tables agree with each other and the
redaction of postholder names is decided in one place: the figures and changes are worked out on
the structures as given, then (when names are withheld) the structures the sections print from are
replaced by `presentation.redaction` copies, and any other text goes through `text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ...analysis import Analysis, FinanceSummary, PostChange, compare, finance_summary
from ...analysis.comparison import MOVED, NEW, RETITLED
from ...analysis.basis import Basis, BasisWarning, basis_note, basis_warnings, on_one_basis
from ...analysis.likely import LikelyMatch, likely_matches
from ...model import Post, PostStatus, Structure
from ...presentation.chartstyle import ChangeStyle, main_change
from ...presentation.costbasis import cost_basis_text
from ..chart.flowables import chart_pages
from ..chart.plan import ChartPage
from ...presentation.redaction import Redactor, redacted_structure
from ..paper import Paper

_STATUS_WORDS = {PostStatus.VACANT: "Vacant", PostStatus.INTERIM: "Interim", PostStatus.FIXED_TERM: "Fixed term",
                 PostStatus.SHARED: "Shared", PostStatus.JOB_SHARE: "Job share"}
HEADER_ROOM = 14.0
FOOTER_ROOM = 14.0
"""Points kept clear between the text frame and the running header and footer."""
MARKED_CHANGES = (NEW, MOVED, RETITLED)
"""The changes a pack's proposed chart marks on the cards."""
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


@dataclass
class PackData:
    before: Structure
    after: Structure
    paper: Paper
    redact_names: bool
    basis: Basis = Basis.AFTER
    """Both structures are costed on the proposal's basis unless told otherwise (see `analysis.basis`)."""
    warnings: list[BasisWarning] = field(init=False)
    """How the two files' own cost bases differ (said on the cover and the finance page)."""
    likely: dict[str, list[LikelyMatch]] = field(init=False)
    before_analysis: Analysis = field(init=False)
    after_analysis: Analysis = field(init=False)
    changes: list[PostChange] = field(init=False)
    finance: FinanceSummary = field(init=False)
    redactor: Redactor = field(init=False)

    def __post_init__(self) -> None:
        self.warnings = basis_warnings(self.before, self.after)
        self.before, self.after = on_one_basis(self.before, self.after, self.basis)
        self.likely = likely_matches(self.before, self.after)
        self._charts: dict[tuple[str, bool], list[ChartPage]] = {}
        self.before_analysis = Analysis(self.before)
        self.after_analysis = Analysis(self.after)
        self.changes = compare(self.before, self.after)
        self.finance = finance_summary(self.before, self.after, self.before_analysis, self.after_analysis)
        self.redactor = Redactor.for_structures(self.before, self.after) if self.redact_names else Redactor(())
        if self.redact_names:  # post ids stay, so the analyses still answer for the copies
            self.before = redacted_structure(self.before, self.redactor)
            self.after = redacted_structure(self.after, self.redactor)

    @property
    def width(self) -> float:
        """Width of the text frame in points; tables are laid out to it."""
        return frame_width(self.paper)

    @property
    def height(self) -> float:
        return frame_height(self.paper)

    @property
    def basis_text(self) -> str:
        """'Costed at top of grade with 25% on-costs.', and on which basis when the two files differ."""
        if self.basis is Basis.OWN:
            text = (f"Current structure costed {cost_basis_text(self.before.settings)}; proposed structure "
                    f"costed {cost_basis_text(self.after.settings)}.")
        else:
            text = f"Both structures costed {cost_basis_text(self.after.settings)}."
        note = basis_note(self.basis, self.warnings)
        return f"{text} {note}" if note else text

    @property
    def scenarios(self) -> str:
        """'Current → Proposed': the two scenarios compared, by name (their structures' names when unnamed,
        or named alike, as two files imported with the default scenario are)."""
        if self.before.scenario and self.after.scenario and self.before.scenario != self.after.scenario:
            first, second = self.before.scenario, self.after.scenario
        else:
            first, second = self.before.name, self.after.name
        return self.text(f"{first} \u2192 {second}")

    @cached_property
    def has_tiers(self) -> bool:
        """Whether either structure gives any post a tier (an imported establishment list may give none)."""
        return any(post.tier for structure in (self.before, self.after) for post in structure.posts.values())

    @property
    def organisation(self) -> str:
        return self.text(self.after.organisation or self.before.organisation)

    def chart_pages(self, heading: str, proposed: bool) -> list[ChartPage]:
        """The planned pages of the current or proposed chart (planned once for the scale and the printing)."""
        key = (heading, proposed)
        if key not in self._charts:
            self._charts[key] = chart_pages(self.after if proposed else self.before, self.width, self.height, heading)
        return self._charts[key]

    def chart_scale(self) -> float:
        """The one scale both charts print at: the smallest any of their pages needs to fit."""
        pages = self.chart_pages("Current structure", False) + self.chart_pages("Proposed structure", True)
        return min(page.scale for page in pages)

    def change_marks(self) -> dict[str, ChangeStyle]:
        """Proposed post id → the change its card is marked with (new, moved or retitled)."""
        marks = {}
        for change in self.changes:
            kinds = [k for k in change.kinds if k in MARKED_CHANGES]
            if change.after is not None and kinds:
                marks[change.after.id] = main_change(kinds)
        return marks

    def text(self, value: str) -> str:
        """Free text (reasons, labels, titles, the pack's title and author) with every form of a
        postholder's name withheld when redacting."""
        return self.redactor.redact_text(value)

    def holder(self, post: Post) -> str:
        """Who holds the post, as a pack prints it: the name (unless redacted) or the post's status."""
        status = _STATUS_WORDS.get(post.status, "")
        name = "" if self.redact_names or post.status is PostStatus.VACANT else (post.postholder or "")
        return " · ".join(part for part in (name, status) if part)


def frame_width(paper: Paper) -> float:
    return paper.width - 2 * paper.margin


def frame_height(paper: Paper) -> float:
    return paper.height - 2 * paper.margin - HEADER_ROOM - FOOTER_ROOM


def readable_date(text: str) -> str:
    """'2022-11' as 'November 2022', '2012-01-02' as '2 January 2012'; anything else as it is."""
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        return text
    month = _MONTHS[int(match.group(2)) - 1]
    if match.group(3) is None:
        return f"{month} {match.group(1)}"
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return text
    return f"{day.day} {month} {day.year}"


def today() -> str:
    now = date.today()
    return f"{now.day} {_MONTHS[now.month - 1]} {now.year}"
