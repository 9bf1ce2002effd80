"""The line-management forest: who reports to whom, in post order, with reporting cycles cut out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Post, Structure


@dataclass(frozen=True)
class Forest:
    """Posts by index (structure order); `children` holds solid-line reports in post order.

    Posts in a reporting cycle cannot hang under a root. They are the roots of a second
    band (`cycle_members`), and the lines between them are left out of `children`, so
    every post is reached exactly once from `roots` or `cycle_members`.
    """

    ids: list[str]
    children: list[list[int]]
    roots: list[int]
    cycle_members: list[int]


def build_forest(structure: Structure, posts: Sequence[Post] | None = None) -> Forest:
    """The forest of `posts` (default: all); a post whose manager is not among them is a root."""
    shown = list(structure.posts.values()) if posts is None else posts
    ids = [post.id for post in shown]
    index = {post_id: i for i, post_id in enumerate(ids)}
    manager = [index.get(post.reports_to, -1) if post.reports_to is not None else -1 for post in shown]
    children: list[list[int]] = [[] for _ in ids]
    for report, boss in enumerate(manager):
        if boss >= 0:
            children[boss].append(report)
    cycle_members = _cycle_members(manager)
    in_cycle = set(cycle_members)
    for member in cycle_members:
        children[member] = [c for c in children[member] if c not in in_cycle]
    roots = [i for i, boss in enumerate(manager) if boss < 0]
    return Forest(ids, children, roots, cycle_members)


def _cycle_members(manager: list[int]) -> list[int]:
    """Posts on a reporting cycle, in post order.

    Each post has at most one manager, so following managers from any post either ends at
    a root or runs into a cycle; every post is walked once.
    """
    UNSEEN, ON_PATH, DONE = 0, 1, 2
    state = [UNSEEN] * len(manager)
    members: list[int] = []
    for start in range(len(manager)):
        path: list[int] = []
        post = start
        while post >= 0 and state[post] == UNSEEN:
            state[post] = ON_PATH
            path.append(post)
            post = manager[post]
        if post >= 0 and state[post] == ON_PATH:
            members.extend(path[path.index(post):])
        for walked in path:
            state[walked] = DONE
    return sorted(members)
