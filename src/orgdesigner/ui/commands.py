"""Undo commands: one per user action, each a list of reversible model operations.

`Document.execute` applies a command's operations before pushing it, so an edit the model
refuses never reaches the undo stack; the command's first `redo` (called by the push) is
therefore skipped.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..model import Benchmark, DottedLine, Group, Post, Position, Responsibility, Rota, Structure
from .edits import (AddGroup, AddPost, Operation, RemoveGroup, RemovePost, UpdateGroup, UpdatePost,
                    UpdateDetails, UpdateSettings, run_all, undo_all)
from .edits import AddResponsibility, RemoveResponsibility, SetBenchmark, SetRota, UpdateResponsibility


class ModelCommand(QUndoCommand):
    def __init__(self, structure: Structure, text: str, operations: list[Operation]) -> None:
        super().__init__(text)
        self.structure = structure
        self.operations = operations
        self._applied = False

    def apply(self) -> None:
        run_all(self.structure, self.operations)
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # already done by Document.execute
            return
        run_all(self.structure, self.operations)

    def undo(self) -> None:
        undo_all(self.structure, self.operations)


def edit_post(structure: Structure, post_id: str, text: str | None = None, **fields: object) -> ModelCommand:
    title = structure.posts[post_id].title
    names = ", ".join(_FIELD_NAMES.get(f, f) for f in fields)
    return ModelCommand(structure, text or f"Change {names} of '{title}'", [UpdatePost(post_id, dict(fields))])


def edit_group(structure: Structure, group_id: str, text: str | None = None, **fields: object) -> ModelCommand:
    name = structure.groups[group_id].name
    names = ", ".join(_FIELD_NAMES.get(f, f) for f in fields)
    return ModelCommand(structure, text or f"Change {names} of group '{name}'", [UpdateGroup(group_id, dict(fields))])


def edit_settings(structure: Structure, **fields: object) -> ModelCommand:
    return ModelCommand(structure, "Change settings", [UpdateSettings(dict(fields))])


def edit_structure(structure: Structure, **fields: object) -> ModelCommand:
    names = ", ".join(fields)
    return ModelCommand(structure, f"Change the structure's {names}", [UpdateDetails(dict(fields))])


def set_manager(structure: Structure, post_id: str, manager_id: str | None) -> ModelCommand:
    post = structure.posts[post_id]
    operations: list[Operation] = []
    dotted = [d for d in post.dotted if d.manager != manager_id]
    fields: dict[str, object] = {"reports_to": manager_id}
    if len(dotted) != len(post.dotted):
        fields["dotted"] = dotted  # a solid line replaces a dotted one between the same posts
    operations.append(UpdatePost(post_id, fields))
    if manager_id is None:
        text = f"Remove the line management of '{post.title}'"
    else:
        text = f"Make '{post.title}' report to '{structure.posts[manager_id].title}'"
    return ModelCommand(structure, text, operations)


def add_dotted_line(structure: Structure, post_id: str, manager_id: str, label: str = "") -> ModelCommand:
    post = structure.posts[post_id]
    if manager_id == post.reports_to:
        raise ValueError(f"'{post.title}' is already line managed by '{structure.posts[manager_id].title}'")
    if any(d.manager == manager_id for d in post.dotted):
        raise ValueError(f"'{post.title}' already has a dotted line to '{structure.posts[manager_id].title}'")
    dotted = [*post.dotted, DottedLine(manager=manager_id, label=label)]
    return ModelCommand(structure, f"Add a dotted line from '{post.title}' to '{structure.posts[manager_id].title}'",
                        [UpdatePost(post_id, {"dotted": dotted})])


def remove_line(structure: Structure, post_id: str, manager_id: str, kind: str) -> ModelCommand:
    post = structure.posts[post_id]
    manager = structure.posts[manager_id].title
    if kind == "line":
        return ModelCommand(structure, f"Delete the line from '{post.title}' to '{manager}'",
                            [UpdatePost(post_id, {"reports_to": None})])
    dotted = [d for d in post.dotted if d.manager != manager_id]
    return ModelCommand(structure, f"Delete the dotted line from '{post.title}' to '{manager}'",
                        [UpdatePost(post_id, {"dotted": dotted})])


def switch_line_kind(structure: Structure, post_id: str, manager_id: str, kind: str) -> ModelCommand:
    """Turn a solid line into a dotted one or back; a post keeps at most one line manager."""
    post = structure.posts[post_id]
    manager = structure.posts[manager_id].title
    if kind == "line":
        dotted = [*post.dotted, DottedLine(manager=manager_id)]
        return ModelCommand(structure, f"Make the line from '{post.title}' to '{manager}' dotted",
                            [UpdatePost(post_id, {"reports_to": None, "dotted": dotted})])
    if post.reports_to is not None:
        raise ValueError(f"'{post.title}' is already line managed by '{structure.posts[post.reports_to].title}'; "
                         "a post has one line manager at most")
    dotted = [d for d in post.dotted if d.manager != manager_id]
    return ModelCommand(structure, f"Make the line from '{post.title}' to '{manager}' line management",
                        [UpdatePost(post_id, {"dotted": dotted, "reports_to": manager_id})])


def add_post(structure: Structure, post: Post) -> ModelCommand:
    return ModelCommand(structure, f"Add post '{post.title}'", [AddPost(post)])


def add_group(structure: Structure, group: Group) -> ModelCommand:
    return ModelCommand(structure, f"Add group '{group.name}'", [AddGroup(group)])


def paste_posts(structure: Structure, posts: list[Post]) -> ModelCommand:
    noun = f"'{posts[0].title}'" if len(posts) == 1 else f"{len(posts)} posts"
    return ModelCommand(structure, f"Paste {noun}", [AddPost(p) for p in posts])


def delete(structure: Structure, post_ids: list[str], group_ids: list[str]) -> ModelCommand:
    """Delete posts and groups; reports move up to the deleted post's manager, lines to it go."""
    operations: list[Operation] = []
    doomed = set(post_ids)
    for post_id in post_ids:
        post = structure.posts[post_id]
        new_manager = post.reports_to
        while new_manager in doomed:
            new_manager = structure.posts[new_manager].reports_to
        for report in sorted(structure.reports_of(post_id)):
            if report not in doomed:
                operations.append(UpdatePost(report, {"reports_to": new_manager}))
    for other in structure.posts.values():
        if any(d.manager in doomed for d in other.dotted):
            operations.append(UpdatePost(other.id, {"dotted": [d for d in other.dotted if d.manager not in doomed]}))
    doomed_groups = set(group_ids)
    for group in structure.groups.values():
        if group.id in doomed_groups:
            continue
        fields: dict[str, object] = {}
        if group.leader in doomed:
            fields["leader"] = None
        if group.parent in doomed_groups:
            parent = group.parent
            while parent in doomed_groups:
                parent = structure.groups[parent].parent
            fields["parent"] = parent
        if fields:
            operations.append(UpdateGroup(group.id, fields))
    for post in structure.posts.values():
        if post.id not in doomed and post.group in doomed_groups:
            parent = post.group
            while parent in doomed_groups:
                parent = structure.groups[parent].parent
            operations.append(UpdatePost(post.id, {"group": parent}))
    # Delete reports before their managers so the model never sees a dangling line.
    for post_id in sorted(post_ids, key=lambda p: -len(structure.chain_above(p))):
        operations.append(RemovePost(post_id))
    for group_id in sorted(group_ids, key=lambda g: -len(structure.group_chain(g))):
        operations.append(RemoveGroup(group_id))
    parts = []
    if post_ids:
        parts.append(f"'{structure.posts[post_ids[0]].title}'" if len(post_ids) == 1 else f"{len(post_ids)} posts")
    if group_ids:
        parts.append(f"group '{structure.groups[group_ids[0]].name}'" if len(group_ids) == 1
                     else f"{len(group_ids)} groups")
    return ModelCommand(structure, "Delete " + " and ".join(parts), operations)


def move_posts(structure: Structure, positions: dict[str, tuple[float, float]],
               groups: dict[str, str | None]) -> ModelCommand:
    """Pin dragged cards where they were dropped, and move them into (or out of) groups."""
    operations: list[Operation] = []
    for post_id, (x, y) in positions.items():
        fields: dict[str, object] = {"position": Position(x=round(x, 1), y=round(y, 1))}
        if post_id in groups and groups[post_id] != structure.posts[post_id].group:
            fields["group"] = groups[post_id]
        operations.append(UpdatePost(post_id, fields))
    moved_groups = [g for p, g in groups.items() if g != structure.posts[p].group]
    if moved_groups and len(positions) == 1:
        post_id = next(iter(positions))
        target = groups[post_id]
        where = f"into '{structure.groups[target].name}'" if target else "out of its group"
        text = f"Move '{structure.posts[post_id].title}' {where}"
    elif moved_groups:
        text = f"Move {len(positions)} posts into a group" if groups and all(groups.values()) \
            else f"Move {len(positions)} posts between groups"
    elif len(positions) == 1:
        text = f"Move '{structure.posts[next(iter(positions))].title}'"
    else:
        text = f"Move {len(positions)} posts"
    return ModelCommand(structure, text, operations)


def tidy_layout(structure: Structure) -> ModelCommand:
    operations: list[Operation] = [UpdatePost(p.id, {"position": None})
                                   for p in structure.posts.values() if p.position is not None]
    return ModelCommand(structure, "Tidy layout", operations)


_FIELD_NAMES = {
    "reports_to": "line manager", "fte": "FTE", "in_scope": "scope", "dotted": "dotted lines",
    "funding": "funding", "designations": "statutory roles",
}


def group_posts(structure: Structure, group: Group, post_ids: list[str]) -> ModelCommand:
    """Add a group and move the given posts into it, as one step."""
    operations: list[Operation] = [AddGroup(group)]
    operations += [UpdatePost(post_id, {"group": group.id}) for post_id in post_ids]
    return ModelCommand(structure, f"Group {len(post_ids)} post{'s' if len(post_ids) != 1 else ''} "
                                   f"as '{group.name}'", operations)


# ----- responsibilities, the rota and the pay benchmark ----------------------------------


def add_responsibility(structure: Structure, item: Responsibility) -> ModelCommand:
    return ModelCommand(structure, f"Add {item.category.value} '{item.name}'", [AddResponsibility(item)])


def delete_responsibility(structure: Structure, item_id: str) -> ModelCommand:
    item = structure.responsibility(item_id)
    return ModelCommand(structure, f"Delete {item.category.value} '{item.name}'", [RemoveResponsibility(item_id)])


def edit_responsibility(structure: Structure, item_id: str, **fields: object) -> ModelCommand:
    """Rename, recategorise or reassign a responsibility; the text names what changed."""
    item = structure.responsibility(item_id)
    if "post" in fields:
        holder = fields["post"]
        where = f"to '{structure.posts[holder].title}'" if holder in structure.posts else "to no post"
        text = f"Move '{item.name}' {where}"
    elif "name" in fields:
        text = f"Rename '{item.name}' to '{fields['name']}'"
    elif "category" in fields:
        text = f"Make '{item.name}' a {fields['category']}"
    else:
        text = f"Change the {', '.join(fields)} of '{item.name}'"
    return ModelCommand(structure, text, [UpdateResponsibility(item_id, dict(fields))])


def set_rota(structure: Structure, rota: Rota, text: str) -> ModelCommand:
    return ModelCommand(structure, text, [SetRota(rota)])


def set_benchmark(structure: Structure, benchmark: Benchmark, text: str) -> ModelCommand:
    return ModelCommand(structure, text, [SetBenchmark(benchmark)])
