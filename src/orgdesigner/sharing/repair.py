"""Make a merged structure valid again where the two sides' changes do not fit together.

Each side's changes were valid alone, but together a post may sit in a group the other side
deleted, report (or have a dotted line, or lead a group) to a post the other side deleted, or
two moves may make a reporting cycle. Each is fixed the same way: the offending field goes
back to OUR value (or to none, when ours has no such post or ours' value no longer fits),
and a `Conflict` records what theirs wanted.
"""

from __future__ import annotations

from typing import Any

from ..model import ConflictItem, ConflictKind, Group, Post, Structure
from ..model.cycles import find_cycles
from .threeway import ConflictLog, as_json


class Repair:
    def __init__(self, base: Structure | None, ours: Structure, theirs: Structure, log: ConflictLog) -> None:
        self.base, self.ours, self.theirs, self.log = base, ours, theirs, log

    def run(self, groups: dict[str, Group], posts: dict[str, Post]) -> None:
        """Fix `groups` and `posts` (a merged structure's) in place."""
        self._group_references(groups, posts)
        self._group_cycles(groups)
        self._post_references(groups, posts)
        self._reporting_cycles(posts)

    # ----- groups ------------------------------------------------------------------------

    def _group_references(self, groups: dict[str, Group], posts: dict[str, Post]) -> None:
        for gid, group in list(groups.items()):
            if group.parent is not None and group.parent not in groups:
                self._reset_group(groups, gid, "parent", groups, ConflictKind.DELETED_GROUP,
                                  f"theirs put it inside the group {group.parent!r}, which ours deleted")
            group = groups[gid]
            if group.leader is not None and group.leader not in posts:
                self._reset_group(groups, gid, "leader", posts, ConflictKind.DELETED_POST,
                                  f"theirs made {group.leader!r} its leader, a post ours deleted")

    def _group_cycles(self, groups: dict[str, Group]) -> None:
        while True:
            cycle = next(find_cycles({gid: g.parent for gid, g in groups.items()}), None)
            if cycle is None:
                return
            culprit = self._not_ours(cycle, {gid: g.parent for gid, g in groups.items()},
                                     {gid: g.parent for gid, g in self.ours.groups.items()})
            if culprit is None:  # ours nests groups in a cycle itself: not the merge's doing
                return
            self._reset_group(groups, culprit, "parent", groups, ConflictKind.CYCLE,
                              f"together the changes nest groups in a cycle: {' → '.join(cycle)}")

    def _reset_group(self, groups: dict[str, Group], gid: str, name: str, valid: dict[str, Any],
                     kind: ConflictKind, note: str) -> None:
        ours = self.ours.groups.get(gid)
        value = getattr(ours, name) if ours is not None else None
        groups[gid] = groups[gid].model_copy(update={name: value if value in valid else None})
        self._log(kind, ConflictItem.GROUP, gid, name, self._field(gid, name, "groups"), note)

    # ----- posts -------------------------------------------------------------------------

    def _post_references(self, groups: dict[str, Group], posts: dict[str, Post]) -> None:
        for pid, post in list(posts.items()):
            if post.group is not None and post.group not in groups:
                self._reset_post(posts, pid, "group", groups, ConflictKind.DELETED_GROUP,
                                 f"theirs placed it in the group {post.group!r}, which ours deleted")
            post = posts[pid]
            if post.reports_to is not None and post.reports_to not in posts:
                self._reset_post(posts, pid, "reports_to", posts, ConflictKind.DELETED_POST,
                                 f"theirs made it report to {post.reports_to!r}, a post ours deleted")
            post = posts[pid]
            gone = [line.manager for line in post.dotted if line.manager not in posts]
            if gone:
                kept = [line for line in post.dotted if line.manager in posts]
                posts[pid] = post.model_copy(update={"dotted": kept})
                self._log(ConflictKind.DELETED_POST, ConflictItem.POST, pid, "dotted",
                          self._field(pid, "dotted", "posts"),
                          f"dropped dotted lines to {', '.join(map(repr, gone))}, posts ours deleted")

    def _reporting_cycles(self, posts: dict[str, Post]) -> None:
        ours_managers = {pid: p.reports_to for pid, p in self.ours.posts.items()}
        while True:
            managers = {pid: p.reports_to for pid, p in posts.items()}
            fixed = False
            for cycle in find_cycles(managers):
                culprit = self._not_ours(cycle, managers, ours_managers)
                if culprit is None:  # a cycle ours has itself: left for the analysis to flag
                    continue
                titles = " → ".join(posts[p].title for p in (*cycle, cycle[0]))
                self._reset_post(posts, culprit, "reports_to", posts, ConflictKind.CYCLE,
                                 f"together the moves make a reporting cycle: {titles}")
                fixed = True
            if not fixed:
                return

    def _reset_post(self, posts: dict[str, Post], pid: str, name: str, valid: dict[str, Any],
                    kind: ConflictKind, note: str) -> None:
        ours = self.ours.posts.get(pid)
        value = getattr(ours, name) if ours is not None else None
        if name == "reports_to" and value == pid:
            value = None
        posts[pid] = posts[pid].model_copy(update={name: value if value in valid else None})
        self._log(kind, ConflictItem.POST, pid, name, self._field(pid, name, "posts"), note)

    # ----- shared ------------------------------------------------------------------------

    @staticmethod
    def _not_ours(cycle: tuple[str, ...], managers: dict[str, str | None],
                  ours: dict[str, str | None]) -> str | None:
        """The first member of the cycle whose link is not ours' (theirs' change made the cycle)."""
        for member in cycle:
            if member not in ours or ours[member] != managers[member]:
                return member
        return None

    def _field(self, ident: str, name: str, collection: str) -> tuple[Any, Any, Any]:
        def value(structure: Structure | None) -> Any:
            item = getattr(structure, collection).get(ident) if structure is not None else None
            return as_json(item, name)
        return value(self.base), value(self.ours), value(self.theirs)

    def _log(self, kind: ConflictKind, item: ConflictItem, ident: str, name: str,
             values: tuple[Any, Any, Any], note: str) -> None:
        self.log.add(kind, item, ident, name, *values, note=note)
