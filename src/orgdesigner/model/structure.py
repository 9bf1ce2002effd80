"""The structure: the single source of truth for one organisation chart.

Posts and groups are held in dicts keyed by id (files store them as lists in order).
Every edit goes through a method here, which checks it, applies it and announces a
`Change` to the listeners, so the analysis and the canvas follow one path whatever
the edit came from (a drag, the properties dock, a paste, an undo).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_serializer, field_validator, model_validator

from .benchmark import Benchmark
from .changes import Change, ChangeKind
from .conflicts import Conflict
from .cycles import find_cycles
from .errors import EditRefused
from .limits import MAX_TEXT, MAX_TITLE
from .responsibilities import Responsibility
from .rota import Rota
from .types import Group, PayScale, Post, Proposal, Settings

Listener = Callable[[Change], None]


def _keyed(items: object, what: str) -> object:
    """Turn a list of items with ids into a dict keyed by id, refusing repeated ids."""
    if not isinstance(items, list):
        return items
    result: dict[object, Any] = {}  # keys as the file gives them: pydantic checks they are strings
    for index, item in enumerate(items):
        key = item.get("id") if isinstance(item, dict) else getattr(item, "id", None)
        if key in result:
            raise ValueError(f"{what} id {key!r} is used twice (entry {index + 1})")
        result[key] = item
    return result


class Structure(BaseModel):
    """One scenario of an organisation: posts, groups, pay scales, settings and planning data.

    The single source of truth. Every change goes through a method here (`add_post`, `update_post`,
    `remove_group`, ...), which checks it (a cycle, an unknown reference, an invalid value raises
    `EditRefused` and changes nothing), makes it, keeps the reverse indexes current and announces
    a `Change` to subscribers (`subscribe`). Nothing outside this class mutates a structure; the
    reversible edits of `orgdesigner.editing` are built from these methods.
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, str_max_length=MAX_TEXT)

    name: str = Field("Untitled structure", max_length=MAX_TITLE)
    organisation: str = Field("", max_length=MAX_TITLE)
    date: str = Field("", max_length=MAX_TITLE)
    scenario: str = Field("", max_length=MAX_TITLE)
    description: str = ""
    settings: Settings = Field(default_factory=Settings)
    proposal: Proposal = Field(default_factory=Proposal)
    pay_scales: dict[str, PayScale] = Field(default_factory=dict)
    groups: dict[str, Group] = Field(default_factory=dict)
    posts: dict[str, Post] = Field(default_factory=dict)
    responsibilities: list[Responsibility] = Field(default_factory=list)
    """In the user's order; a few dozen at most, so looked up by id by walking the list."""
    rota: Rota = Field(default_factory=Rota)
    benchmark: Benchmark = Field(default_factory=Benchmark)
    conflicts: list[Conflict] = Field(default_factory=list)
    """Open conflicts a merge left (see `conflicts.py`); saved only while there are some."""

    _listeners: list[Listener] = PrivateAttr(default_factory=list)
    _reports: dict[str, set[str]] = PrivateAttr(default_factory=dict)
    _dotted_to: dict[str, set[str]] = PrivateAttr(default_factory=dict)
    """Ids of the posts with a dotted line to each post (only posts that have some)."""

    # ----- reading and writing as lists -------------------------------------------------

    @field_validator("pay_scales", mode="before")
    @classmethod
    def _scales_from_list(cls, value: object) -> object:
        if isinstance(value, list):
            result: dict[object, Any] = {}  # keys as the file gives them: pydantic checks they are strings
            for index, item in enumerate(value):
                code = item.get("code") if isinstance(item, dict) else getattr(item, "code", None)
                if code in result:
                    raise ValueError(f"grade {code!r} is defined twice (entry {index + 1})")
                result[code] = item
            return result
        return value

    @field_validator("groups", mode="before")
    @classmethod
    def _groups_from_list(cls, value: object) -> object:
        return _keyed(value, "group")

    @field_validator("posts", mode="before")
    @classmethod
    def _posts_from_list(cls, value: object) -> object:
        return _keyed(value, "post")

    @field_serializer("pay_scales", "groups", "posts")
    def _as_list(self, value: dict[str, BaseModel]) -> list[dict[str, Any]]:
        return [item.model_dump(mode="json", exclude_defaults=True) for item in value.values()]

    @model_validator(mode="after")
    def _references_resolve(self) -> "Structure":
        for key, post in self.posts.items():
            if key != post.id:
                raise ValueError(f"post stored under {key!r} has id {post.id!r}")
        for key, group in self.groups.items():
            if key != group.id:
                raise ValueError(f"group stored under {key!r} has id {group.id!r}")
        seen: set[str] = set()
        for index, item in enumerate(self.responsibilities):
            if item.id in seen:
                raise ValueError(f"responsibility id {item.id!r} is used twice (entry {index + 1})")
            seen.add(item.id)
        asked: set[tuple[str, str, str, str]] = set()
        for index, conflict in enumerate(self.conflicts):
            if conflict.key() in asked:
                raise ValueError(f"conflict {index + 1} ({conflict.kind} on {conflict.item} {conflict.id!r} "
                                 f"{conflict.field}) repeats an earlier one")
            asked.add(conflict.key())
        for post in self.posts.values():
            _check_post_references(self, post)
        for group in self.groups.values():
            _check_group_references(self, group, check_nesting=False)
        for cycle in find_cycles({gid: group.parent for gid, group in self.groups.items()}):
            group = self.groups[cycle[0]]
            raise ValueError(f"group {group.id!r} ({group.name}) is nested inside itself")
        self._rebuild_index()
        return self

    def _rebuild_index(self) -> None:
        reports: dict[str, set[str]] = {pid: set() for pid in self.posts}  # a local: pydantic's private
        for post in self.posts.values():                                     # attributes are slow to read
            if post.reports_to is not None:
                reports[post.reports_to].add(post.id)
        self._reports = reports
        dotted_to: dict[str, set[str]] = {}
        for post in self.posts.values():
            for line in post.dotted:
                dotted_to.setdefault(line.manager, set()).add(post.id)
        self._dotted_to = dotted_to

    def _index_dotted(self, post: Post, sign: int) -> None:
        """Add (+1) or drop (-1) a post's dotted lines in the index of who has a dotted line to whom."""
        for line in post.dotted:
            if sign > 0:
                self._dotted_to.setdefault(line.manager, set()).add(post.id)
            else:
                holders = self._dotted_to.get(line.manager)
                if holders is not None:
                    holders.discard(post.id)
                    if not holders:
                        del self._dotted_to[line.manager]

    # ----- queries ---------------------------------------------------------------------

    def post(self, post_id: str) -> Post:
        try:
            return self.posts[post_id]
        except KeyError:
            raise EditRefused(f"there is no post with id {post_id!r}") from None

    def group(self, group_id: str) -> Group:
        try:
            return self.groups[group_id]
        except KeyError:
            raise EditRefused(f"there is no group with id {group_id!r}") from None

    def reports_of(self, post_id: str) -> set[str]:
        """Ids of the posts line managed by `post_id` (solid lines only)."""
        return self._reports.get(post_id, set())

    def dotted_reports_of(self, post_id: str) -> set[str]:
        """Ids of the posts with a dotted line to `post_id`."""
        return self._dotted_to.get(post_id, set())

    def chain_above(self, post_id: str) -> list[str]:
        """Line managers above a post, nearest first; stops if it meets a cycle."""
        chain: list[str] = []
        seen = {post_id}
        current = self.posts[post_id].reports_to
        while current is not None and current not in seen:
            chain.append(current)
            seen.add(current)
            current = self.posts[current].reports_to
        return chain

    def group_chain(self, group_id: str) -> list[str]:
        """The group and its ancestors, innermost first."""
        chain: list[str] = []
        seen: set[str] = set()
        current: str | None = group_id
        while current is not None and current not in seen:
            chain.append(current)
            seen.add(current)
            current = self.groups[current].parent
        return chain

    def group_depths(self) -> dict[str, int]:
        """Each group's nesting depth (0 for a top-level group), in time linear in the number of groups."""
        depths: dict[str, int] = {}
        for start in self.groups:
            path: list[str] = []
            on_path: set[str] = set()
            current: str | None = start
            while current is not None and current not in depths and current not in on_path:
                path.append(current)
                on_path.add(current)
                current = self.groups[current].parent
            base = depths.get(current, -1) if current is not None else -1
            for group_id in reversed(path):
                base += 1
                depths[group_id] = base
        return depths

    def new_post_id(self, prefix: str = "P") -> str:
        """A fresh id, never one a responsibility, the rota or the benchmark still names
        (a deleted post's id), so a new post cannot silently inherit what the old one held."""
        return _fresh_id(prefix, set(self.posts) | self.post_references())

    def post_references(self) -> set[str]:
        """Post ids named by responsibilities, the rota and the benchmark (present or deleted)."""
        named = {r.post for r in self.responsibilities if r.post is not None}
        named.update(self.rota.posts)
        for entry in self.rota.months:
            named.update((entry.lead, entry.buddy))
        if self.benchmark.post is not None:
            named.add(self.benchmark.post)
        return named

    def new_group_id(self, prefix: str = "G") -> str:
        return _fresh_id(prefix, self.groups)

    # ----- listeners -------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _announce(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # ----- edits -------------------------------------------------------------------------

    def add_post(self, post: Post, index: int | None = None) -> None:
        """Add a post at the end of the file's order, or at `index` (to undo a removal in place)."""
        if post.id in self.posts:
            raise EditRefused(f"a post with id {post.id!r} already exists")
        _check_post_references(self, post)
        if post.reports_to is not None:
            self.check_line_manager(post.id, post.reports_to)
        _insert(self.posts, post.id, post, index)
        self._reports[post.id] = set()
        if post.reports_to is not None:
            self._reports[post.reports_to].add(post.id)
        self._index_dotted(post, +1)
        self._announce(Change(ChangeKind.POST_ADDED, posts=frozenset({post.id})))

    def remove_post(self, post_id: str) -> Post:
        """Delete a post. Its reports, dotted lines and group leadership must be detached first."""
        post = self.post(post_id)
        if self._reports[post_id]:
            raise EditRefused(f"{post.title!r} still line manages {len(self._reports[post_id])} post(s)")
        holders = self._dotted_to.get(post_id)
        if holders:
            other = next(p for p in self.posts.values() if p.id in holders)  # the first in the file's order
            raise EditRefused(f"{other.title!r} still has a dotted line to {post.title!r}")
        for group in self.groups.values():
            if group.leader == post_id:
                raise EditRefused(f"{post.title!r} still leads the group {group.name!r}")
        del self.posts[post_id]
        del self._reports[post_id]
        if post.reports_to is not None:
            self._reports[post.reports_to].discard(post_id)
        self._index_dotted(post, -1)
        self._announce(Change(ChangeKind.POST_REMOVED, posts=frozenset({post_id}), removed=post))
        return post

    def update_post(self, post_id: str, **fields: Any) -> dict[str, Any]:
        """Change fields of a post; returns the old values so the edit can be undone."""
        old = self.post(post_id)
        if "id" in fields and fields["id"] != post_id:
            raise EditRefused("a post's id cannot be changed")
        merged = old.model_dump()
        merged.update({k: _plain(v) for k, v in fields.items()})
        new = Post.model_validate(merged)
        _check_post_references(self, new)
        if new.reports_to != old.reports_to and new.reports_to is not None:
            self.check_line_manager(post_id, new.reports_to)
        previous = {name: getattr(old, name) for name in fields}
        self.posts[post_id] = new
        if new.dotted != old.dotted:
            self._index_dotted(old, -1)
            self._index_dotted(new, +1)
        if new.reports_to != old.reports_to:
            if old.reports_to is not None:
                self._reports[old.reports_to].discard(post_id)
            if new.reports_to is not None:
                self._reports[new.reports_to].add(post_id)
        self._announce(
            Change(
                ChangeKind.POST_CHANGED,
                posts=frozenset({post_id}),
                fields=frozenset(fields),
                old_manager=old.reports_to,
            )
        )
        return previous

    def set_manager(self, post_id: str, manager_id: str | None) -> str | None:
        """Point a post's line-management line at `manager_id`; returns the old manager."""
        return self.update_post(post_id, reports_to=manager_id)["reports_to"]

    def add_group(self, group: Group, index: int | None = None) -> None:
        """Add a group at the end of the file's order, or at `index` (to undo a removal in place)."""
        if group.id in self.groups:
            raise EditRefused(f"a group with id {group.id!r} already exists")
        _check_group_references(self, group)
        _insert(self.groups, group.id, group, index)
        self._announce(Change(ChangeKind.GROUP_ADDED, groups=frozenset({group.id})))

    def remove_group(self, group_id: str) -> Group:
        group = self.group(group_id)
        members = [p.title for p in self.posts.values() if p.group == group_id]
        if members:
            raise EditRefused(f"the group {group.name!r} still holds {len(members)} post(s)")
        if any(g.parent == group_id for g in self.groups.values()):
            raise EditRefused(f"the group {group.name!r} still contains other groups")
        del self.groups[group_id]
        self._announce(Change(ChangeKind.GROUP_REMOVED, groups=frozenset({group_id}), removed=group))
        return group

    def update_group(self, group_id: str, **fields: Any) -> dict[str, Any]:
        old = self.group(group_id)
        if "id" in fields and fields["id"] != group_id:
            raise EditRefused("a group's id cannot be changed")
        merged = old.model_dump()
        merged.update({k: _plain(v) for k, v in fields.items()})
        new = Group.model_validate(merged)
        _check_group_references(self, new)
        if new.parent is not None and group_id in self.group_chain(new.parent):
            raise EditRefused(f"{new.name!r} cannot sit inside itself or one of its own sub-groups")
        previous = {name: getattr(old, name) for name in fields}
        self.groups[group_id] = new
        self._announce(Change(ChangeKind.GROUP_CHANGED, groups=frozenset({group_id}), fields=frozenset(fields)))
        return previous

    def update_details(self, **fields: Any) -> dict[str, Any]:
        """Change the name, organisation, date, scenario or description; returns the old values."""
        allowed = {"name", "organisation", "date", "scenario", "description"}
        if not set(fields) <= allowed:
            raise EditRefused(f"{', '.join(sorted(set(fields) - allowed))} is not a detail of the structure")
        previous = {name: getattr(self, name) for name in fields}
        for name, value in fields.items():
            if not isinstance(value, str):
                raise EditRefused(f"the structure's {name} must be text")
            setattr(self, name, value)
        self._announce(Change(ChangeKind.DETAILS_CHANGED, fields=frozenset(fields)))
        return previous

    def update_settings(self, **fields: Any) -> dict[str, Any]:
        merged = self.settings.model_dump()
        merged.update({k: _plain(v) for k, v in fields.items()})
        new = Settings.model_validate(merged)
        previous = {name: getattr(self.settings, name) for name in fields}
        self.settings = new
        self._announce(Change(ChangeKind.SETTINGS_CHANGED, fields=frozenset(fields)))
        return previous

    def update_proposal(self, **fields: Any) -> dict[str, Any]:
        """Change the proposal (set-asides, one-off costs, pay award, years, impact decisions); returns
        the old values."""
        merged = self.proposal.model_dump()
        merged.update({k: _plain(v) for k, v in fields.items()})
        new = Proposal.model_validate(merged)
        previous = {name: getattr(self.proposal, name) for name in fields}
        self.proposal = new
        self._announce(Change(ChangeKind.PROPOSAL_CHANGED, fields=frozenset(fields)))
        return previous

    def set_pay_scale(self, scale: PayScale | None, code: str) -> PayScale | None:
        """Add, replace (scale given) or remove (None) the grade `code`; returns the old one."""
        old = self.pay_scales.get(code)
        if scale is None:
            self.pay_scales.pop(code, None)
        else:
            if scale.code != code:
                raise EditRefused(f"grade {scale.code!r} cannot be stored as {code!r}")
            self.pay_scales[code] = scale
        self._announce(Change(ChangeKind.PAY_SCALES_CHANGED, grades=frozenset({code})))
        return old

    # Responsibilities, the rota and the benchmark may name a post that is not (or no longer) in
    # the structure: deleting a post leaves them naming it, so undo gives them back, and the
    # analysis flags them until they are reassigned.

    def add_responsibility(self, item: Responsibility, index: int | None = None) -> None:
        """Add a responsibility at the end, or at `index` (to undo a removal in place)."""
        if any(r.id == item.id for r in self.responsibilities):
            raise EditRefused(f"a responsibility with id {item.id!r} already exists")
        self.responsibilities.insert(len(self.responsibilities) if index is None else index, item)
        self._announce_responsibility(item.id, item.post)

    def remove_responsibility(self, item_id: str) -> tuple[Responsibility, int]:
        """Delete a responsibility; returns it and where it stood, for undo."""
        index = self._responsibility_index(item_id)
        item = self.responsibilities.pop(index)
        self._announce_responsibility(item_id, item.post)
        return item, index

    def update_responsibility(self, item_id: str, **fields: Any) -> dict[str, Any]:
        """Rename, recategorise or reassign (`post=`) a responsibility; returns the old values."""
        index = self._responsibility_index(item_id)
        old = self.responsibilities[index]
        if "id" in fields and fields["id"] != item_id:
            raise EditRefused("a responsibility's id cannot be changed")
        new = Responsibility.model_validate({**old.model_dump(), **fields})
        previous = {name: getattr(old, name) for name in fields}
        self.responsibilities[index] = new
        self._announce_responsibility(item_id, old.post, new.post, fields=frozenset(fields))
        return previous

    def responsibility(self, item_id: str) -> Responsibility:
        return self.responsibilities[self._responsibility_index(item_id)]

    def _responsibility_index(self, item_id: str) -> int:
        for index, item in enumerate(self.responsibilities):
            if item.id == item_id:
                return index
        raise EditRefused(f"there is no responsibility with id {item_id!r}")

    def new_responsibility_id(self, prefix: str = "R") -> str:
        return _fresh_id(prefix, (r.id for r in self.responsibilities))

    def _announce_responsibility(self, item_id: str, *holders: str | None,
                                 fields: frozenset[str] = frozenset()) -> None:
        posts = frozenset(h for h in holders if h is not None and h in self.posts)
        self._announce(Change(ChangeKind.RESPONSIBILITIES_CHANGED, posts=posts, fields=fields,
                              responsibilities=frozenset({item_id})))

    def set_rota(self, rota: Rota) -> Rota:
        """Replace the rota (generated, or edited by hand); returns the old one."""
        old = self.rota
        self.rota = Rota.model_validate(rota.model_dump())
        named = {p for r in (old, self.rota) for p in (*r.posts, *(x for m in r.months for x in (m.lead, m.buddy)))}
        self._announce(Change(ChangeKind.ROTA_CHANGED, posts=frozenset(named & set(self.posts))))
        return old

    def set_benchmark(self, benchmark: Benchmark) -> Benchmark:
        """Replace the comparator table, the benchmarked post or the category; returns the old one."""
        old = self.benchmark
        self.benchmark = Benchmark.model_validate(benchmark.model_dump())
        self._announce(Change(ChangeKind.BENCHMARK_CHANGED))
        return old

    def remove_conflict(self, key: tuple[str, str, str, str]) -> tuple[Conflict, int]:
        """Close the open conflict with this key (see `Conflict.key`); returns it and where it stood, for undo."""
        for index, conflict in enumerate(self.conflicts):
            if conflict.key() == key:
                del self.conflicts[index]
                self._announce(Change(ChangeKind.CONFLICTS_CHANGED))
                return conflict, index
        raise EditRefused("that conflict is no longer open")

    def add_conflict(self, conflict: Conflict, index: int | None = None) -> None:
        """Reopen a conflict (to undo its resolution), at `index` or at the end."""
        if any(c.key() == conflict.key() for c in self.conflicts):
            raise EditRefused("that conflict is already open")
        self.conflicts.insert(len(self.conflicts) if index is None else index, conflict)
        self._announce(Change(ChangeKind.CONFLICTS_CHANGED))

    def check_line_manager(self, post_id: str, manager_id: str) -> None:
        """Raise EditRefused if `manager_id` may not line manage `post_id` (itself, or a reporting cycle):
        the check every edit of a line makes, open to the canvas so it can warn before the edit."""
        if manager_id == post_id:
            raise EditRefused(f"{self.posts[post_id].title!r} cannot line manage itself")
        if post_id in self.chain_above(manager_id):
            report, manager = self.posts[post_id].title, self.posts[manager_id].title
            raise EditRefused(
                f"{report!r} cannot report to {manager!r}: {manager!r} already reports "
                f"(through the line) to {report!r}, so this would make a reporting cycle"
            )


def _insert(items: dict[str, Any], key: str, value: Any, index: int | None) -> None:
    """Put `value` under `key` at position `index` of the dict's order (the end if None), in place."""
    if index is None or index >= len(items):
        items[key] = value
        return
    after = list(items)[index:]  # only these move: undoing a deletion near the end stays cheap
    items[key] = value
    for other in after:
        items[other] = items.pop(other)


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _fresh_id(prefix: str, taken: Iterable[str]) -> str:
    used = set(taken)
    number = len(used) + 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"


def _check_post_references(structure: Structure, post: Post) -> None:
    posts = structure.posts
    if post.reports_to is not None and post.reports_to not in posts:
        raise EditRefused(f"{_where(post)} reports to {post.reports_to!r}, which is not a post in this structure")
    if post.reports_to == post.id:
        raise EditRefused(f"{_where(post)} cannot report to itself")
    for line in post.dotted:
        if line.manager not in posts:
            raise EditRefused(f"{_where(post)} has a dotted line to {line.manager!r}, which is not a post in this "
                              "structure")
        if line.manager == post.id:
            raise EditRefused(f"{_where(post)} cannot have a dotted line to itself")
    if post.group is not None and post.group not in structure.groups:
        raise EditRefused(f"{_where(post)} sits in group {post.group!r}, which does not exist")


def _where(post: Post) -> str:
    """A post as a refusal names it (worked out only for a refusal: a file opened checks every post)."""
    return f"post {post.id!r} ({post.title})"


def _check_group_references(structure: Structure, group: Group, check_nesting: bool = True) -> None:
    """Refuse a group whose parent or leader is missing or (with `check_nesting`) that would sit
    inside itself; a whole file's nesting is checked at once, in linear time, by the validator."""
    where = f"group {group.id!r} ({group.name})"
    if group.parent is not None and group.parent not in structure.groups:
        raise EditRefused(f"{where} sits inside {group.parent!r}, which is not a group in this structure")
    if group.leader is not None and group.leader not in structure.posts:
        raise EditRefused(f"{where} is led by {group.leader!r}, which is not a post in this structure")
    if not check_nesting:
        return
    seen = {group.id}
    current = group.parent
    while current is not None and current in structure.groups:
        if current in seen:
            raise EditRefused(f"{where} is nested inside itself")
        seen.add(current)
        current = structure.groups[current].parent if current != group.id else group.parent
