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
