"""Reversible model operations, the bricks an edit is built from.

Each operation calls one model method and remembers what it needs to undo it. None of
them touches a view: windows follow the model's change notifications.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Benchmark, Group, Post, Responsibility, Rota, Structure


class Operation:
    """One model call and its inverse; `do` may raise EditRefused (the model is then unchanged)."""

    def do(self, structure: Structure) -> None:
        raise NotImplementedError

    def undo(self, structure: Structure) -> None:
        raise NotImplementedError


@dataclass
class UpdatePost(Operation):
    post_id: str
    fields: dict[str, Any]
    _old: dict[str, Any] = field(default_factory=dict)

    def do(self, structure: Structure) -> None:
        self._old = structure.update_post(self.post_id, **self.fields)

    def undo(self, structure: Structure) -> None:
        structure.update_post(self.post_id, **self._old)


@dataclass
class AddPost(Operation):
    post: Post

    def do(self, structure: Structure) -> None:
        structure.add_post(self.post)

    def undo(self, structure: Structure) -> None:
        structure.remove_post(self.post.id)


@dataclass
class RemovePost(Operation):
    post_id: str
    _removed: Post | None = None
    _index: int | None = None
    """Where the post stood in the file's order, so undo puts it back there."""

    def do(self, structure: Structure) -> None:
        index = list(structure.posts).index(self.post_id) if self.post_id in structure.posts else None
        self._removed, self._index = structure.remove_post(self.post_id), index

    def undo(self, structure: Structure) -> None:
        assert self._removed is not None
        structure.add_post(self._removed, self._index)


@dataclass
class UpdateGroup(Operation):
    group_id: str
    fields: dict[str, Any]
    _old: dict[str, Any] = field(default_factory=dict)

    def do(self, structure: Structure) -> None:
        self._old = structure.update_group(self.group_id, **self.fields)

    def undo(self, structure: Structure) -> None:
        structure.update_group(self.group_id, **self._old)


@dataclass
class AddGroup(Operation):
    group: Group

    def do(self, structure: Structure) -> None:
        structure.add_group(self.group)

    def undo(self, structure: Structure) -> None:
        structure.remove_group(self.group.id)


@dataclass
class RemoveGroup(Operation):
    group_id: str
    _removed: Group | None = None
    _index: int | None = None
    """Where the group stood in the file's order, so undo puts it back there."""

    def do(self, structure: Structure) -> None:
        index = list(structure.groups).index(self.group_id) if self.group_id in structure.groups else None
        self._removed, self._index = structure.remove_group(self.group_id), index

    def undo(self, structure: Structure) -> None:
        assert self._removed is not None
        structure.add_group(self._removed, self._index)


@dataclass
class UpdateSettings(Operation):
    fields: dict[str, Any]
    _old: dict[str, Any] = field(default_factory=dict)

    def do(self, structure: Structure) -> None:
        self._old = structure.update_settings(**self.fields)

    def undo(self, structure: Structure) -> None:
        structure.update_settings(**self._old)


@dataclass
class UpdateDetails(Operation):
    fields: dict[str, Any]
    _old: dict[str, Any] = field(default_factory=dict)

    def do(self, structure: Structure) -> None:
        self._old = structure.update_details(**self.fields)

    def undo(self, structure: Structure) -> None:
        structure.update_details(**self._old)


@dataclass
class UpdateProposal(Operation):
    fields: dict[str, Any]
    _old: dict[str, Any] = field(default_factory=dict)

    def do(self, structure: Structure) -> None:
        self._old = structure.update_proposal(**self.fields)

    def undo(self, structure: Structure) -> None:
        structure.update_proposal(**self._old)


@dataclass
class AddResponsibility(Operation):
    item: Responsibility
    index: int | None = None
    """Where it goes in the list; None puts it at the end."""

    def do(self, structure: Structure) -> None:
        structure.add_responsibility(self.item, self.index)

    def undo(self, structure: Structure) -> None:
        structure.remove_responsibility(self.item.id)


@dataclass
class RemoveResponsibility(Operation):
    item_id: str
    _removed: tuple[Responsibility, int] | None = None

    def do(self, structure: Structure) -> None:
        self._removed = structure.remove_responsibility(self.item_id)

    def undo(self, structure: Structure) -> None:
        assert self._removed is not None
        structure.add_responsibility(*self._removed)


@dataclass
class UpdateResponsibility(Operation):
    item_id: str
    fields: dict[str, Any]
    _old: dict[str, Any] = field(default_factory=dict)

    def do(self, structure: Structure) -> None:
        self._old = structure.update_responsibility(self.item_id, **self.fields)

    def undo(self, structure: Structure) -> None:
        structure.update_responsibility(self.item_id, **self._old)


@dataclass
class SetRota(Operation):
    rota: Rota
    _old: Rota | None = None

    def do(self, structure: Structure) -> None:
        self._old = structure.set_rota(self.rota)

    def undo(self, structure: Structure) -> None:
        assert self._old is not None
        structure.set_rota(self._old)


@dataclass
class SetBenchmark(Operation):
    benchmark: Benchmark
    _old: Benchmark | None = None

    def do(self, structure: Structure) -> None:
        self._old = structure.set_benchmark(self.benchmark)

    def undo(self, structure: Structure) -> None:
        assert self._old is not None
        structure.set_benchmark(self._old)


def run_all(structure: Structure, operations: list[Operation]) -> None:
    """Do the operations in order; if one is refused, undo the ones done and re-raise."""
    done: list[Operation] = []
    try:
        for operation in operations:
            operation.do(structure)
            done.append(operation)
    except Exception:
        for operation in reversed(done):
            operation.undo(structure)
        raise


def undo_all(structure: Structure, operations: list[Operation]) -> None:
    """Undo operations that were all done, last first."""
    for operation in reversed(operations):
        operation.undo(structure)
