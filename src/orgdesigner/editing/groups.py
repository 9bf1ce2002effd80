"""Edits that add or change groups (directorates, services, teams)."""

from __future__ import annotations

from ..model import Group, Structure
from .edit import Plan, builder, field_names
from .operations import AddGroup, Operation, UpdateGroup, UpdatePost


@builder
def edit_group(structure: Structure, /, group_id: str, text: str | None = None, **fields: object) -> Plan:
    name = structure.group(group_id).name
    return Plan(text or f"Change {field_names(fields)} of group '{name}'", [UpdateGroup(group_id, dict(fields))])


@builder
def add_group(structure: Structure, /, group: Group) -> Plan:
    return Plan(f"Add group '{group.name}'", [AddGroup(group)])


@builder
def group_posts(structure: Structure, /, group: Group, post_ids: list[str]) -> Plan:
    """Add a group and move the given posts into it, as one step."""
    operations: list[Operation] = [AddGroup(group)]
    operations += [UpdatePost(post_id, {"group": group.id}) for post_id in post_ids]
    return Plan(f"Group {len(post_ids)} post{'s' if len(post_ids) != 1 else ''} as '{group.name}'", operations)
