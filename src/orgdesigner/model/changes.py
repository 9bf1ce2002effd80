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
    """The post or group an edit removed."""
