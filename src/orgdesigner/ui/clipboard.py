"""Copy and paste of posts through the system clipboard, as structure-file JSON."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData
from pydantic import ValidationError

from ..model import Position, Post, Structure

MIME_TYPE = "application/x-orgdesigner-posts"
PASTE_OFFSET = 30.0


def copy_posts(structure: Structure, post_ids: list[str]) -> QMimeData:
    posts = [structure.posts[p].model_dump(mode="json") for p in post_ids]
    data = QMimeData()
    data.setData(MIME_TYPE, json.dumps(posts).encode("utf-8"))
    data.setText("\n".join(structure.posts[p].title for p in post_ids))
    return data


def paste_posts(structure: Structure, data: QMimeData) -> list[Post]:
    """New posts from copied ones: fresh ids, lines among them kept, lines outside kept if the
    manager still exists; statutory roles and postholders are not copied (a copy is a new post)."""
    try:
        raw = json.loads(bytes(data.data(MIME_TYPE)).decode("utf-8"))
        copied = [Post.model_validate(item) for item in raw]
    except (ValueError, ValidationError):
        return []
    taken = set(structure.posts)
    new_ids: dict[str, str] = {}
    for post in copied:
        number = len(taken) + 1
        while f"P{number}" in taken:
            number += 1
        new_ids[post.id] = f"P{number}"
        taken.add(new_ids[post.id])
    result = []
    for post in copied:
        manager = new_ids.get(post.reports_to, post.reports_to if post.reports_to in structure.posts else None)
        dotted = [d.model_copy(update={"manager": new_ids.get(d.manager, d.manager)}) for d in post.dotted
                  if d.manager in new_ids or d.manager in structure.posts]
        position = None
        if post.position is not None:
            position = Position(x=post.position.x + PASTE_OFFSET, y=post.position.y + PASTE_OFFSET)
        result.append(post.model_copy(update={
            "id": new_ids[post.id], "reports_to": manager, "dotted": dotted, "designations": [],
            "postholder": None, "position": position,
            "group": post.group if post.group in structure.groups else None,
        }))
    # Managers before their reports, so each paste step finds its manager already there.
    order = {p.id: i for i, p in enumerate(result)}
    return sorted(result, key=lambda p: (_depth_within(p, result), order[p.id]))


def _depth_within(post: Post, posts: list[Post]) -> int:
    by_id = {p.id: p for p in posts}
    depth, current = 0, post.reports_to
    while current in by_id and depth <= len(posts):
        depth, current = depth + 1, by_id[current].reports_to
    return depth
