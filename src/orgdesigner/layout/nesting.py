"""Group nesting as chains of group ids, and how many group boxes a line crosses."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Group

Chain = tuple[str, ...]
"""A group and the groups around it, outermost first; () for a post in no group."""


class GroupNesting:
    def __init__(self, groups: Mapping[str, Group]) -> None:
        self._chains: dict[str, Chain] = {}
        for group_id in groups:
            self._resolve(group_id, groups)

    def chain(self, group_id: str | None) -> Chain:
        return self._chains.get(group_id, ()) if group_id is not None else ()

    def parent(self, group_id: str) -> str | None:
        """The enclosing group as laid out (a group caught in a nesting loop is taken as top level)."""
        chain = self._chains[group_id]
        return chain[-2] if len(chain) > 1 else None

    def _resolve(self, group_id: str, groups: Mapping[str, Group]) -> None:
        path: list[str] = []
        seen: set[str] = set()
        current: str | None = group_id
        while current is not None and current in groups and current not in self._chains and current not in seen:
            path.append(current)
            seen.add(current)
            current = groups[current].parent
        outer = self._chains.get(current, ()) if current is not None else ()
        for member in reversed(path):
            outer = (*outer, member)
            self._chains[member] = outer


def crossings(upper: Chain, lower: Chain) -> tuple[int, int]:
    """(boxes left, boxes entered) going from a card in `upper` groups down to one in `lower` groups."""
    if upper is lower:
        return 0, 0
    shared = 0
    for a, b in zip(upper, lower):
        if a != b:
            break
        shared += 1
    return len(upper) - shared, len(lower) - shared
