"""Errors the model raises, each carrying a message fit to show a user."""

from __future__ import annotations


class EditRefused(ValueError):
    """An edit (or a file's content) that would break the structure; the message says why."""


class StructureFileError(Exception):
    """A structure file that cannot be read: the message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UnknownScenario(LookupError):
    """A scenario name that is not in the file; the message lists the names that are."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"there is no scenario {name!r}; the scenarios are {', '.join(map(repr, known))}")
        self.name = name
        self.known = known
