"""How charts look, shared by the canvas and the PDF so screen and print agree (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Post, PostStatus
from .money import money


@dataclass(frozen=True)
class CardStyle:
    fill: str
    border: str
    text: str
    dashed: bool
    label: str
    """A word printed on the card ("VACANT"), empty for an ordinary filled post."""


INK = "#1f2a37"
MUTED = "#5b6675"
LINE = "#44505f"
DOTTED_LINE = "#6b7787"
ACCENT = "#1d5fa6"
SEVERITY_COLOURS = {"error": "#c62828", "warning": "#e08a00", "info": "#2f6fb3"}
GROUP_FILLS = ["#eef4fb", "#f1f7ef", "#fbf3ea", "#f5effa", "#eef7f7", "#fbf0f3", "#f6f6ea"]
GROUP_BORDERS = ["#9db8d9", "#a9c9a0", "#ddb98f", "#c3a9dc", "#97c5c5", "#dfa6b8", "#c9c98f"]

_STATUS_STYLES = {
    PostStatus.FILLED: CardStyle("#ffffff", "#5d6b7c", INK, False, ""),
    PostStatus.VACANT: CardStyle("#f3f4f6", "#8a94a3", INK, True, "VACANT"),
    PostStatus.INTERIM: CardStyle("#fff8e1", "#b58b00", INK, False, "INTERIM"),
    PostStatus.FIXED_TERM: CardStyle("#e8f4fd", "#3b82b6", INK, False, "FIXED TERM"),
    PostStatus.SHARED: CardStyle("#f3ecfb", "#7e57c2", INK, False, "SHARED"),
    PostStatus.JOB_SHARE: CardStyle("#ffffff", "#5d6b7c", INK, False, "JOB SHARE"),
}
OUT_OF_SCOPE = CardStyle("#f7f7f7", "#b0b6bf", "#7a828d", True, "OUT OF SCOPE")
CONTEXT = CardStyle("#e6e9ed", "#aab1bb", "#7a828d", False, "PARTNER'S POST")
"""A partner organisation's post shown for context: greyed, and counted in no figure."""
CHAIN_OF_COMMAND = CardStyle("#eef0f3", "#b9bfc8", "#8a929c", False, "")
"""A post above an exported branch, shown greyed so the reader sees where the branch hangs."""


def legend_styles() -> list[tuple[str, CardStyle]]:
    """Every card style with the word a legend gives it, in the order a legend lists them."""
    words = {PostStatus.FILLED: "Filled", PostStatus.VACANT: "Vacant", PostStatus.INTERIM: "Interim",
             PostStatus.FIXED_TERM: "Fixed term", PostStatus.SHARED: "Shared",
             PostStatus.JOB_SHARE: "Job share"}
    return ([(words[status], style) for status, style in _STATUS_STYLES.items()]
            + [("Out of scope", OUT_OF_SCOPE), ("Partner's post", CONTEXT)])


def card_style(post: Post, greyed: bool = False) -> CardStyle:
    """How the post's card is drawn; `greyed` for a post shown only as context (a branch's chain of command)."""
    if greyed:
        return CHAIN_OF_COMMAND
    if post.context is not None:
        return CONTEXT
    if not post.in_scope:
        base = _STATUS_STYLES[post.status]
        label = "OUT OF SCOPE" + (f" · {base.label}" if base.label else "")
        return CardStyle(OUT_OF_SCOPE.fill, OUT_OF_SCOPE.border, OUT_OF_SCOPE.text, True, label)
    return _STATUS_STYLES[post.status]


def group_colours(index: int) -> tuple[str, str]:
    """Fill and border of the index-th top-level group, cycling through a calm palette."""
    return GROUP_FILLS[index % len(GROUP_FILLS)], GROUP_BORDERS[index % len(GROUP_BORDERS)]


def cost_line(post: Post, gross: float, net: float, separator: str = " ") -> str:
    """The cost a card shows: gross, and net when partners pay a share; "Not costed" when neither a
    salary nor a grade gives one; a partner's post names its organisation instead."""
    if post.context is not None:
        return post.context
    if post.pay_withheld:
        return "Pay not disclosed"
    if gross == 0 and post.salary is None:
        return "Not costed"
    return money(gross) + (f"{separator}(net {money(net)})" if abs(net - gross) > 0.5 else "")


def holder_name(post: Post) -> str:
    """Who holds the post, as a card shows it: the postholder (and job-share partners); empty for a vacant
    post, one without a name, or one whose name is withheld from publication."""
    if post.name_withheld or post.status is PostStatus.VACANT:
        return ""
    names = [n.strip() for n in (post.postholder, *post.co_holders) if n and n.strip()]
    return " / ".join(names)


SPAN_RULES = ("span-over-limit", "span-of-one")
"""The findings about a manager's span, which colour its span badge."""


def hidden_note(count: int) -> str:
    """Under a folded card: how many posts it hides."""
    return f"+{count} post{'s' if count != 1 else ''} below"


def pages_text(numbers: list[int], word: str = "page", lead: str = "continued on") -> str:
    """ "continued on page 4", "continued on pages 4–6 and 9" (runs joined by a dash); `word` may be
    "slide", `lead` "continued from"."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{lead} {word}{'s' if len(numbers) > 1 else ''} {listed}"


def card_lines(post: Post) -> str:
    """The line under the title: grade, tier and FTE, as far as they are known, and the junior staff."""
    parts = []
    if post.grade:
        parts.append(post.grade)
    if post.tier:
        parts.append(f"Tier {post.tier}")
    parts.append(f"{post.fte:g} FTE")
    if post.junior:
        parts.append(junior_summary(post))
    return " · ".join(parts)


def junior_summary(post: Post) -> str:
    """The junior staff under a senior post in a few words: "+34.2 FTE in 3 grades"."""
    grades = len({staff.grade for staff in post.junior})
    fte = sum(staff.fte for staff in post.junior)
    return f"+{fte:g} FTE in {grades} grade{'s' if grades != 1 else ''}"


def junior_grades(post: Post) -> list[str]:
    """Each junior grade under a post with its FTE and pay scale, for a card's hover text."""
    rows = []
    for staff in post.junior:
        scale = (f", {money(staff.pay_min)} to {money(staff.pay_max)}"
                 if staff.pay_min is not None and staff.pay_max is not None else "")
        title = f" ({staff.title})" if staff.title else ""
        rows.append(f"{staff.grade}{title}: {staff.fte:g} FTE{scale}")
    return rows


# ----- comparing two structures: a colour for each change kind and each impact -------------


@dataclass(frozen=True)
class ChangeStyle:
    kind: str
    """The kind as `analysis.comparison` names it ("deleted", "fte changed"…)."""
    label: str
    """The word a legend and a card's badge give it."""
    colour: str
    tint: str
    """A pale fill of the same hue for the card."""


CHANGE_STYLES = [
    ChangeStyle("deleted", "Deleted", "#c0392b", "#fbe9e7"),
    ChangeStyle("new", "New", "#2e7d32", "#e8f5e9"),
    ChangeStyle("moved", "Moved", "#5e35b1", "#efeaf8"),
    ChangeStyle("moved to another unit", "Unit changed", "#7e57c2", "#f3eefa"),
    ChangeStyle("regraded", "Regraded", "#d9822b", "#fdf1e4"),
    ChangeStyle("retitled", "Retitled", "#00838f", "#e3f4f5"),
    ChangeStyle("fte changed", "FTE changed", "#8d6e63", "#f3eeec"),
    ChangeStyle("tier changed", "Tier changed", "#6d7f99", "#edf0f5"),
    ChangeStyle("unchanged", "Unchanged", "#9aa3ad", "#ffffff"),
]
"""In the order a legend lists them; a post with several kinds takes its colour from the first."""

_CHANGE_BY_KIND = {style.kind: style for style in CHANGE_STYLES}

IMPACT_STYLES = {
    "at risk": ("At risk", "#b3261e"),
    "ring-fence": ("Ring-fenced", "#b26a00"),
    "match": ("Matched", "#1d5fa6"),
    "assimilate": ("Slotting in", "#2e7d32"),
    "vacant": ("Vacant post", "#6b7787"),
    "none": ("No impact", "#6b7787"),
}
"""An impact (its `ImpactChoice` value) as a short label and the colour it is shown in, worst first."""


def change_style(kind: str) -> ChangeStyle:
    return _CHANGE_BY_KIND[kind]


def main_change(kinds: list[str] | tuple[str, ...]) -> ChangeStyle:
    """The style a post with these change kinds is drawn in: the first of them in legend order."""
    return min((_CHANGE_BY_KIND[k] for k in kinds), key=CHANGE_STYLES.index)
