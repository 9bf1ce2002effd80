"""Which posts and groups a folded or focused view lays out.

Folding hides a post's reports (and everything under them) from the view, never from the structure;
focusing shows one post and everything under it. A group is shown when a shown post sits in it (or in a
group inside it); a group with no posts at all still gets its empty box, except in a focused view.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Group, Post, Structure
from .nesting import GroupNesting
from .options import LayoutOptions


def hidden_posts(structure: Structure, folded: frozenset[str], focus: str | None = None) -> set[str]:
    """Posts the view leaves out: everything under a folded post and, when focused, everything outside
    the focused post's branch."""
    if focus is not None and focus in structure.posts:
        inside = {focus}
        pending = [focus]
        while pending:
            post_id = pending.pop()
            if post_id in folded:
                continue
            for report in structure.reports_of(post_id):
                if report not in inside:
                    inside.add(report)
                    pending.append(report)
        return set(structure.posts) - inside
    hidden: set[str] = set()
    for top in folded:
        if top not in structure.posts:
            continue
        pending = [top]
        while pending:
            for report in structure.reports_of(pending.pop()):
                if report != top and report not in hidden:
                    hidden.add(report)
                    pending.append(report)
    return hidden


def shown_posts(structure: Structure, options: LayoutOptions) -> list[Post]:
    """The posts laid out, in structure order."""
    if not options.folded and options.focus is None:
        return list(structure.posts.values())
    hidden = hidden_posts(structure, options.folded, options.focus)
    return [post for post in structure.posts.values() if post.id not in hidden]


def shown_groups(structure: Structure, nesting: GroupNesting, posts: list[Post],
                 options: LayoutOptions) -> Mapping[str, Group]:
    """The groups boxed around `posts`, with the groups around them."""
    if len(posts) == len(structure.posts):
        return structure.groups
    wanted: set[str] = set()
    for post in posts:
        wanted.update(nesting.chain(post.group))
    if options.focus is None:
        occupied: set[str] = set()
        for post in structure.posts.values():
            occupied.update(nesting.chain(post.group))
        for group_id in structure.groups:
            if group_id not in occupied:
                wanted.update(nesting.chain(group_id))
    return {g: group for g, group in structure.groups.items() if g in wanted}
