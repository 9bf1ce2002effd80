"""What an edit changed, as announced by the structure to its listeners."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class ChangeKind(Enum):
    POST_ADDED = "post-added"
    POST_REMOVED = "post-removed"
    POST_CHANGED = "post-changed"
    GROUP_ADDED = "group-added"
    GROUP_REMOVED = "group-removed"
    GROUP_CHANGED = "group-changed"
    DETAILS_CHANGED = "details-changed"
    SETTINGS_CHANGED = "settings-changed"
    PAY_SCALES_CHANGED = "pay-scales-changed"
    RESPONSIBILITIES_CHANGED = "responsibilities-changed"
    ROTA_CHANGED = "rota-changed"
    BENCHMARK_CHANGED = "benchmark-changed"
    PROPOSAL_CHANGED = "proposal-changed"
    CONFLICTS_CHANGED = "conflicts-changed"
    """An open merge conflict was resolved (or its resolution undone)."""


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    posts: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    grades: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()
    responsibilities: frozenset[str] = frozenset()
    """For a responsibilities change: the ids added, removed or edited (`posts` names their holders)."""
    old_manager: str | None = None
    """For a post change: its line manager before the edit."""
    removed: Any = field(default=None, compare=False)
    """The post or group an edit removed (None in a change coalesced from several)."""
    neighbours: frozenset[str] = frozenset()
    """In a change coalesced from several: the posts beside them whose span changed (each former line
    manager, each removed post's manager), which the single changes name by `old_manager` and `removed`."""


def coalesce(changes: list[Change]) -> list[Change]:
    """Changes announced one after another by one edit, with each run of the same kind merged into one,
    so that listeners react once to a paste of fifty posts rather than fifty times. Order is kept, so a
    listener sees the kinds in the order they happened; it reads the structure as it is after all of them."""
    merged: list[Change] = []
    run: list[Change] = []
    for change in changes:
        if run and change.kind is not run[0].kind:
            merged.append(_merge(run))
            run = []
        run.append(change)
    if run:
        merged.append(_merge(run))
    return merged


def _merge(run: list[Change]) -> Change:
    if len(run) == 1:
        return run[0]
    neighbours = {c.old_manager for c in run if c.old_manager is not None}
    neighbours |= {c.removed.reports_to for c in run
                   if c.kind is ChangeKind.POST_REMOVED and c.removed.reports_to is not None}
    return Change(run[0].kind,
                  posts=frozenset().union(*(c.posts for c in run)),
                  groups=frozenset().union(*(c.groups for c in run)),
                  grades=frozenset().union(*(c.grades for c in run)),
                  fields=frozenset().union(*(c.fields for c in run)),
                  responsibilities=frozenset().union(*(c.responsibilities for c in run)),
                  neighbours=frozenset(neighbours).union(*(c.neighbours for c in run)))
