"""Deleting posts and groups, with what must be detached first."""

from __future__ import annotations

from ..model import Structure
from .edit import Plan, builder
from .operations import Operation, RemoveGroup, RemovePost, UpdateGroup, UpdatePost


@builder
def delete(structure: Structure, /, post_ids: list[str], group_ids: list[str]) -> Plan:
    """Delete posts and groups; reports move up to the deleted post's manager, lines to it go,
    and a deleted group's posts and sub-groups move up to its parent."""
    operations: list[Operation] = []
    doomed = set(post_ids)
    for post_id in post_ids:
        new_manager = structure.post(post_id).reports_to
        while new_manager in doomed:
            new_manager = structure.post(new_manager).reports_to
        for report in sorted(structure.reports_of(post_id)):
            if report not in doomed:
                operations.append(UpdatePost(report, {"reports_to": new_manager}))
    dotted = any(structure.dotted_reports_of(post_id) for post_id in doomed)  # else no post need be looked at
    for other in structure.posts.values() if dotted else ():
        if any(d.manager in doomed for d in other.dotted):
            operations.append(UpdatePost(other.id, {"dotted": [d for d in other.dotted if d.manager not in doomed]}))
    doomed_groups = set(group_ids)
    for group_id in group_ids:
        structure.group(group_id)  # refuses an unknown id before anything is planned
    for group in structure.groups.values():
        if group.id in doomed_groups:
            continue
        fields: dict[str, object] = {}
        if group.leader in doomed:
            fields["leader"] = None
        if group.parent in doomed_groups:
            fields["parent"] = _surviving_parent(structure, group.parent, doomed_groups)
        if fields:
            operations.append(UpdateGroup(group.id, fields))
    for post in structure.posts.values() if doomed_groups else ():
        if post.id not in doomed and post.group in doomed_groups:
            operations.append(UpdatePost(post.id, {"group": _surviving_parent(structure, post.group, doomed_groups)}))
    # Delete reports before their managers so the model never sees a dangling line.
    for post_id in sorted(post_ids, key=lambda p: -len(structure.chain_above(p))):
        operations.append(RemovePost(post_id))
    depths = structure.group_depths()
    for group_id in sorted(group_ids, key=lambda g: -depths[g]):
        operations.append(RemoveGroup(group_id))
    parts = []
    if post_ids:
        parts.append(f"'{structure.post(post_ids[0]).title}'" if len(post_ids) == 1 else f"{len(post_ids)} posts")
    if group_ids:
        parts.append(f"group '{structure.group(group_ids[0]).name}'" if len(group_ids) == 1
                     else f"{len(group_ids)} groups")
    return Plan("Delete " + " and ".join(parts), operations)


def _surviving_parent(structure: Structure, group_id: str | None, doomed: set[str]) -> str | None:
    while group_id in doomed:
        group_id = structure.groups[group_id].parent
    return group_id
