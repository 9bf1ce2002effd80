"""The pack's tables of posts: the proposed establishment, the changes to current posts, the new posts."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ...analysis import Analysis, PostChange, salary_basis
from ...analysis.comparison import (DELETED, FTE_CHANGED, MOVED, NEW, REGRADED, RETITLED, TIER_CHANGED, UNCHANGED,
                                   UNIT_CHANGED)
from ...model import ImpactChoice, Post, Structure
from ...presentation.changes import (IMPACT_LABELS, SELECTION_LABELS, impact_note, impact_summary, likely_phrase,
                                     proposed_action)
from ...presentation.figures import fte_text
from ..styles import (Column, Markup, Row, bold, data_table, lines, money_or_dash, muted, para, section_row, styles,
                      total_row, without_column)
from .data import PackData

NO_GROUP = "Not in a group"


def post_order(structure: Structure, analysis: Analysis) -> list[Post]:
    """Most senior first (by tier, then layer), in file order among equals."""
    def key(item: tuple[int, Post]) -> tuple[float, float, int]:
        index, post = item
        rank = analysis.rules.rank(post.tier)
        depth = analysis.depth(post.id)
        return (rank if rank is not None else float("inf"), depth if depth is not None else float("inf"), index)
    return [post for _, post in sorted(enumerate(structure.posts.values()), key=key)]


def top_group(structure: Structure, post: Post) -> str | None:
    """The top-level group a post sits in (through any nesting), or None."""
    if post.group not in structure.groups:
        return None
    return structure.group_chain(post.group)[-1]


def _title_cell(data: PackData, post: Post, extra: str = "") -> str:
    notes = [data.holder(post), " · ".join(d.value for d in post.designations), extra]
    note = " · ".join(n for n in notes if n)
    return lines(bold(data.text(post.title)), muted(data.text(note)) if note else "")


def proposed_posts(data: PackData) -> list[Flowable]:
    """Every post of the proposed structure under its top-level group, with its cost. Groups come in
    the order of their most senior post, so the group of the head of paid service leads."""
    s, after, analysis = styles(), data.after, data.after_analysis
    columns = [Column("Post", 0.40), Column("Grade", 0.11), Column("Tier", 0.07), Column("FTE", 0.07, True),
               Column("Cost", 0.175, True), Column("Cost to the council", 0.175, True)]
    by_group: dict[str | None, list[Post]] = {}
    for post in post_order(after, analysis):
        by_group.setdefault(top_group(after, post), []).append(post)
    rows: list[Row] = []
    for gid, posts in by_group.items():
        rows.append(section_row(_group_label(data, gid), f"{data.text(after.groups[gid].name)} (continued)") if gid
                    else section_row(NO_GROUP))
        for post in posts:
            costed = salary_basis(post, after.pay_scales, after.settings) is not None
            cost = analysis.cost(post.id)
            nested = after.groups[post.group].name if post.group in after.groups and post.group != gid else ""
            extra = " · ".join(n for n in (nested, "" if post.in_scope else "out of scope") if n)
            rows.append(Row([_title_cell(data, post, extra), post.grade or "", post.tier or "", fte_text(post.fte),
                             money_or_dash(cost.gross if costed else None),
                             money_or_dash(cost.net if costed else None)]))
    every, in_scope = analysis.totals(), analysis.totals(in_scope_only=True)
    rows.append(total_row([f"All posts ({every.posts})", "", "", fte_text(every.fte), money_or_dash(every.gross),
                           money_or_dash(every.net)]))
    rows.append(total_row([f"Posts in scope of the review ({in_scope.posts})", "", "", fte_text(in_scope.fte),
                           money_or_dash(in_scope.gross), money_or_dash(in_scope.net)]))
    if not data.has_tiers:
        columns, rows = without_column(columns, rows, "Tier")
    return [
        para("The proposed establishment, post by post, under the group each post sits in. Costs are for a "
             "full year and include on-costs; the cost to the council leaves out the shares partners pay. "
             "A dash marks a post with no grade or salary to cost it by.", s.body),
        data_table(columns, rows, data.width),
    ]


def _group_label(data: PackData, gid: str) -> str:
    """The group's name, and who leads it and the staff beneath, in grey."""
    after = data.after
    group = after.groups[gid]
    details = []
    if group.leader and group.leader in after.posts:
        details.append(f"led by the {after.posts[group.leader].title}")
    staff, contractors = data.after_analysis.group_staff(gid)
    if staff:
        details.append(f"staff {staff:,}" + (f" (+ {contractors:,} contractors)" if contractors else ""))
    label = bold(data.text(group.name))
    return Markup(label + "  " + muted(data.text(" · ".join(details)), 8)) if details else label


def changes_table(data: PackData) -> list[Flowable]:
    """Every current post, what the proposal does to it and what that means for its holder: by directorate
    (the current top-level group), then by change (deleted first, unchanged last), then by seniority;
    a deleted post's likely matches under its impact."""
    s = styles()
    current = [(change, change.before) for change in data.changes if change.before is not None]
    order = {post.id: index for index, post in enumerate(post_order(data.before, data.before_analysis))}
    group_order: dict[str | None, int] = {}
    for post in post_order(data.before, data.before_analysis):
        group_order.setdefault(top_group(data.before, post), len(group_order))

    def key(pair: tuple[PostChange, Post]) -> tuple[int, int, int]:
        change, post = pair
        return (group_order[top_group(data.before, post)], _change_rank(change), order[post.id])
    in_scope = sorted((pair for pair in current if pair[1].in_scope), key=key)
    out_scope = sorted((pair for pair in current if not pair[1].in_scope), key=key)
    columns = [Column("Current post", 0.29), Column("FTE", 0.06, True), Column("Grade", 0.11),
               Column("Proposed action", 0.31), Column("Impact on postholder", 0.23)]
    rows: list[Row] = []
    for label, block in (("In scope of the review", in_scope), ("Out of scope of the review", out_scope)):
        if not block:
            continue
        rows.append(section_row(label))
        shown_group: str | None | bool = False
        for change, post in block:
            group = top_group(data.before, post)
            if group != shown_group:
                rows.append(section_row(data.text(data.before.groups[group].name) if group else NO_GROUP))
                shown_group = group
            notes = [impact_note(change, data.after), *(likely_phrase(m, data.after)
                                                        for m in data.likely.get(post.id, []))]
            note = " · ".join(n for n in notes if n)
            rows.append(Row([_title_cell(data, post), fte_text(post.fte), post.grade or "",
                             data.text(proposed_action(change, data.before, data.after)),
                             lines(IMPACT_LABELS[change.impact], muted(data.text(note)) if note else "")]))
    rows.append(total_row([f"Total ({len(current)} posts)", fte_text(sum(post.fte for _, post in current)), "", "", ""]))
    out: list[Flowable] = [
        para("The following table shows the current posts, by directorate, and the impact of the proposals on "
             "their holders. A likely match is a new post a deleted post's holder could be matched to; it is "
             "a suggestion until it is accepted.", s.body),
        data_table(columns, rows, data.width),
    ]
    summary = impact_summary([change for change, _ in in_scope])
    if summary:
        out.append(para(f"Posts in scope: {summary}.", s.note))
    return out


CHANGE_ORDER = [DELETED, MOVED, UNIT_CHANGED, RETITLED, REGRADED, FTE_CHANGED, TIER_CHANGED, UNCHANGED]
"""The order changes are listed in within a directorate: the ones that touch a holder most first."""


def _change_rank(change: PostChange) -> int:
    return min((CHANGE_ORDER.index(k) for k in change.kinds if k in CHANGE_ORDER), default=len(CHANGE_ORDER))


def new_posts(data: PackData) -> list[Flowable]:
    """The posts of the proposed structure that are new or changed jobs, and how each is filled."""
    s = styles()
    jobs = [(c, c.after) for c in data.changes if c.after is not None and c.after.in_scope
            and (NEW in c.kinds or RETITLED in c.kinds or REGRADED in c.kinds)]
    order = {post.id: index for index, post in enumerate(post_order(data.after, data.after_analysis))}
    jobs.sort(key=lambda job: order[job[1].id])
    if not jobs:
        return [para("The proposal creates no new posts and changes no job's title or grade.", s.body)]
    columns = [Column("New post", 0.34), Column("FTE", 0.06, True), Column("Grade", 0.11), Column("Tier", 0.06),
               Column("Selection", 0.13), Column("Open to", 0.30)]
    rows = [Row([_title_cell(data, post), fte_text(post.fte), post.grade or "", post.tier or "",
                 SELECTION_LABELS[c.impact], data.text(_open_to(c, data.changes))]) for c, post in jobs]
    rows.append(total_row([f"Total ({len(jobs)} posts)", fte_text(sum(post.fte for _, post in jobs)), "", "", "", ""]))
    if not data.has_tiers:
        columns, rows = without_column(columns, rows, "Tier")
    return [
        para("The new posts, and the current posts whose title or grade changes, with how each will be filled. "
             "Ring-fenced posts are open to every postholder at risk; slotting in and matching follow the "
             "review policy.", s.body),
        data_table(columns, rows, data.width),
    ]


def _open_to(change: PostChange, changes: list[PostChange]) -> str:
    """Whose postholders the post is for: where it slots in or matches from, else the ring fence."""
    new = change.after
    assert new is not None
    if NEW in change.kinds:
        sources = [c for c in changes if DELETED in c.kinds and new.id in c.destinations
                   and c.impact in (ImpactChoice.ASSIMILATE, ImpactChoice.MATCH)]
    else:
        sources = [change]
    titles = ", ".join(c.before.title for c in sources if c.before is not None)
    if change.impact is ImpactChoice.ASSIMILATE and titles:
        return f"The current {titles}"
    if change.impact is ImpactChoice.MATCH and titles:
        return f"The current {titles}, with assessment"
    if change.impact is ImpactChoice.VACANT:
        return "Vacant now: open to postholders at risk, with assessment"
    if NEW not in change.kinds:
        return change.reason
    matched = f"; matched: {titles}" if titles else ""
    return f"Postholders at risk, with assessment{matched}"
