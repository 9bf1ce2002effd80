"""Edits to reporting lines: line management (solid) and dotted lines.

A post has one line manager at most, and never both a solid and a dotted line to the same post.
"""

from __future__ import annotations

from ..model import DottedLine, EditRefused, Structure
from .edit import Plan, builder
from .operations import UpdatePost


@builder
def set_manager(structure: Structure, /, post_id: str, manager_id: str | None) -> Plan:
    post = structure.post(post_id)
    if manager_id is not None and manager_id == post.reports_to:  # nothing would change: no empty undo step
        raise EditRefused(f"'{post.title}' is already line managed by '{structure.post(manager_id).title}'")
    dotted = [d for d in post.dotted if d.manager != manager_id]
    fields: dict[str, object] = {"reports_to": manager_id}
    if len(dotted) != len(post.dotted):
        fields["dotted"] = dotted  # a solid line replaces a dotted one between the same posts
    if manager_id is None:
        text = f"Remove the line management of '{post.title}'"
    else:
        text = f"Make '{post.title}' report to '{structure.post(manager_id).title}'"
    return Plan(text, [UpdatePost(post_id, fields)])


@builder
def add_dotted_line(structure: Structure, /, post_id: str, manager_id: str, label: str = "") -> Plan:
    post, manager = structure.post(post_id), structure.post(manager_id)
    if manager_id == post.reports_to:
        raise EditRefused(f"'{post.title}' is already line managed by '{manager.title}'")
    if any(d.manager == manager_id for d in post.dotted):
        raise EditRefused(f"'{post.title}' already has a dotted line to '{manager.title}'")
    dotted = [*post.dotted, DottedLine(manager=manager_id, label=label)]
    return Plan(f"Add a dotted line from '{post.title}' to '{manager.title}'", [UpdatePost(post_id, {"dotted": dotted})])


@builder
def remove_line(structure: Structure, /, post_id: str, manager_id: str, kind: str) -> Plan:
    """Delete the solid (`kind` "line") or dotted line from a post to `manager_id`."""
    post = structure.post(post_id)
    manager = structure.post(manager_id).title
    if kind == "line":
        return Plan(f"Delete the line from '{post.title}' to '{manager}'", [UpdatePost(post_id, {"reports_to": None})])
    dotted = [d for d in post.dotted if d.manager != manager_id]
    return Plan(f"Delete the dotted line from '{post.title}' to '{manager}'", [UpdatePost(post_id, {"dotted": dotted})])


@builder
def switch_line_kind(structure: Structure, /, post_id: str, manager_id: str, kind: str) -> Plan:
    """Turn a solid line (`kind` "line") into a dotted one or back; a post keeps at most one line manager."""
    post = structure.post(post_id)
    manager = structure.post(manager_id).title
    if kind == "line":
        dotted = [*post.dotted, DottedLine(manager=manager_id)]
        return Plan(f"Make the line from '{post.title}' to '{manager}' dotted",
                    [UpdatePost(post_id, {"reports_to": None, "dotted": dotted})])
    if post.reports_to is not None:
        raise EditRefused(f"'{post.title}' is already line managed by '{structure.post(post.reports_to).title}'; "
                          "a post has one line manager at most")
    dotted = [d for d in post.dotted if d.manager != manager_id]
    return Plan(f"Make the line from '{post.title}' to '{manager}' line management",
                [UpdatePost(post_id, {"dotted": dotted, "reports_to": manager_id})])
