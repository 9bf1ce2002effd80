"""Who holds which responsibilities: the matrix (posts × categories), counts for cards, findings.

Findings flag what nobody can carry out: responsibilities held by a vacant post (Cumbria's
Executive Director vacancy, until they are shared out), and those held by no post or by a post
that has been deleted, until they are reassigned.
"""

from __future__ import annotations

from ..model import PostStatus, Responsibility, ResponsibilityCategory, Structure
from .findings import Finding
from .ruleset import RuleSet

Matrix = dict[str | None, dict[ResponsibilityCategory, list[Responsibility]]]


def responsibilities_by_post(structure: Structure) -> dict[str | None, list[Responsibility]]:
    """Each holder's responsibilities in the user's order; None collects the unassigned."""
    held: dict[str | None, list[Responsibility]] = {}
    for item in structure.responsibilities:
        held.setdefault(item.post, []).append(item)
    return held


def responsibility_counts(structure: Structure) -> dict[str, int]:
    """How many responsibilities each post holds (the count on its card); posts with none are left out."""
    return {post: len(items) for post, items in responsibilities_by_post(structure).items()
            if post is not None and post in structure.posts}


def responsibility_matrix(structure: Structure) -> Matrix:
    """Rows: every post holding something (in the structure's post order), then the unassigned (None)
    and any deleted holders; columns: the four categories, each a list in the user's order."""
    held = responsibilities_by_post(structure)
    rows: list[str | None] = [p for p in structure.posts if p in held]
    rows += [p for p in held if p not in structure.posts and p is not None]
    if None in held:
        rows.append(None)
    matrix: Matrix = {}
    for row in rows:
        cells: dict[ResponsibilityCategory, list[Responsibility]] = {c: [] for c in ResponsibilityCategory}
        for item in held[row]:
            cells[item.category].append(item)
        matrix[row] = cells
    return matrix


def responsibility_findings(structure: Structure, rules: RuleSet) -> list[Finding]:
    found: list[Finding] = []
    held = responsibilities_by_post(structure)
    if rule := rules.active("responsibility-vacant"):
        for post_id, items in held.items():
            post = structure.posts.get(post_id) if post_id is not None else None
            if post is not None and post.status is PostStatus.VACANT:
                found.append(Finding(rule.id, rule.severity, (post.id,),
                                     f"'{post.title}' is vacant but holds {_count(items)}: {_names(items)}. "
                                     "Reassign them or arrange cover."))
    if rule := rules.active("responsibility-unassigned"):
        for post_id, items in held.items():
            if post_id is None:
                found.append(Finding(rule.id, rule.severity, (),
                                     f"{_count(items).capitalize()} {'is' if len(items) == 1 else 'are'} "
                                     f"assigned to no post: {_names(items)}."))
            elif post_id not in structure.posts:
                found.append(Finding(rule.id, rule.severity, (),
                                     f"{_count(items).capitalize()} still {'names' if len(items) == 1 else 'name'} "
                                     f"the deleted post {post_id!r}: {_names(items)}. Reassign "
                                     f"{'it' if len(items) == 1 else 'them'} to a post."))
    return found


def _count(items: list[Responsibility]) -> str:
    return "1 responsibility" if len(items) == 1 else f"{len(items)} responsibilities"


def _names(items: list[Responsibility]) -> str:
    return ", ".join(f"'{item.name}'" for item in items)
