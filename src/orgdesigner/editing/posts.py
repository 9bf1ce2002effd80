"""Edits that add, change, move or lay out posts."""

from __future__ import annotations

from ..model import Post, Position, Structure
from .edit import Plan, builder, field_names
from .operations import AddPost, Operation, UpdatePost


@builder
def edit_post(structure: Structure, /, post_id: str, text: str | None = None, **fields: object) -> Plan:
    title = structure.post(post_id).title
    return Plan(text or f"Change {field_names(fields)} of '{title}'", [UpdatePost(post_id, dict(fields))])


@builder
def add_post(structure: Structure, /, post: Post) -> Plan:
    return Plan(f"Add post '{post.title}'", [AddPost(post)])


@builder
def paste_posts(structure: Structure, /, posts: list[Post]) -> Plan:
    noun = f"'{posts[0].title}'" if len(posts) == 1 else f"{len(posts)} posts"
    return Plan(f"Paste {noun}", [AddPost(p) for p in posts])


@builder
def move_posts(structure: Structure, /, positions: dict[str, tuple[float, float]],
               groups: dict[str, str | None]) -> Plan:
    """Pin dragged cards where they were dropped, and move them into (or out of) groups."""
    operations = _pin(structure, positions, groups)
    moved_groups = [g for p, g in groups.items() if g != structure.post(p).group]
    if moved_groups and len(positions) == 1:
        post_id = next(iter(positions))
        target = groups[post_id]
        where = f"into '{structure.group(target).name}'" if target else "out of its group"
        text = f"Move '{structure.post(post_id).title}' {where}"
    elif moved_groups:
        text = f"Move {len(positions)} posts into a group" if groups and all(groups.values()) \
            else f"Move {len(positions)} posts between groups"
    elif len(positions) == 1:
        text = f"Move '{structure.post(next(iter(positions))).title}'"
    else:
        text = f"Move {len(positions)} posts"
    return Plan(text, operations)


@builder
def move_group(structure: Structure, /, group_id: str, positions: dict[str, tuple[float, float]]) -> Plan:
    """Pin the cards of a group dragged by its header where they were dropped."""
    return Plan(f"Move group '{structure.group(group_id).name}'", _pin(structure, positions, {}))


def _pin(structure: Structure, positions: dict[str, tuple[float, float]],
         groups: dict[str, str | None]) -> list[Operation]:
    operations: list[Operation] = []
    for post_id, (x, y) in positions.items():
        fields: dict[str, object] = {"position": Position(x=round(x, 1), y=round(y, 1))}
        if post_id in groups and groups[post_id] != structure.post(post_id).group:
            fields["group"] = groups[post_id]
        operations.append(UpdatePost(post_id, fields))
    return operations


@builder
def tidy_layout(structure: Structure, /) -> Plan:
    """Unpin every card, so the automatic layout places them all."""
    operations: list[Operation] = [UpdatePost(p.id, {"position": None})
                                   for p in structure.posts.values() if p.position is not None]
    return Plan("Tidy layout", operations)
