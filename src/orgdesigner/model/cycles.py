"""Reporting cycles in line management, where each post has at most one manager."""

from __future__ import annotations

from collections.abc import Iterator, Mapping


def canonical(cycle: list[str]) -> tuple[str, ...]:
    """A cycle written from its smallest id, so the same cycle always reads the same."""
    start = cycle.index(min(cycle))
    return tuple(cycle[start:] + cycle[:start])


def find_cycles(managers: Mapping[str, str | None]) -> Iterator[tuple[str, ...]]:
    """Each cycle once, each post followed by its manager (post id → manager id or None).

    Walks up from each post, colouring as it goes: a walk that meets its own path has found
    a cycle; one that meets an earlier walk stops. Linear in the number of posts.
    """
    state: dict[str, int] = {}  # 1: on the current walk, 2: finished
    for start in managers:
        path: list[str] = []
        current: str | None = start
        while current is not None and current not in state:
            state[current] = 1
            path.append(current)
            current = managers.get(current)
        if current is not None and state[current] == 1:
            yield canonical(path[path.index(current):])
        for node in path:
            state[node] = 2
