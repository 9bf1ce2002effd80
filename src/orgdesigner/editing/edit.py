"""An edit: one user action on one structure, applied, reverted and re-applied as a unit.

A builder (`editing.delete`, `editing.set_manager`, ...) only records what was asked. The
edit is planned — turned into model operations, with the domain rules checked — when it is
first applied, against the structure as it is then. So building never fails, and `apply` is
the one place an edit can be refused: it raises EditRefused with a message fit to show, and
leaves the structure as it was.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Concatenate, ParamSpec

from pydantic import ValidationError

from ..model import EditRefused, Structure
from ..model.fileformat import describe_validation_error
from .operations import Operation, run_all, undo_all


@dataclass(frozen=True)
class Plan:
    """What an edit does: the operations, in order, and the text that names it (for Undo menus)."""

    text: str
    operations: list[Operation]


class Edit:
    """One user action on `structure`; `apply` makes it, `revert` undoes it, and the pair may repeat."""

    def __init__(self, structure: Structure, plan: Callable[[], Plan]) -> None:
        """`plan` is called on the first `apply` (see the module docstring)."""
        self.structure = structure
        self._planner = plan
        self._plan: Plan | None = None
        self.applied = False

    @classmethod
    def of(cls, structure: Structure, text: str, operations: list[Operation]) -> Edit:
        """An edit whose operations are already known."""
        return cls(structure, lambda: Plan(text, operations))

    @property
    def text(self) -> str:
        """What the edit does, in words ("Delete 'Head of Finance'"); empty until it is first applied."""
        return self._plan.text if self._plan is not None else ""

    def refusal(self) -> str | None:
        """Why the builder's own rules would refuse the edit as the structure is now, or None; changes
        nothing (rules the model checks as the operations run, such as cycles, are not tried)."""
        try:
            self._planner()
        except EditRefused as exc:
            return str(exc)
        return None

    def apply(self) -> None:
        """Make the edit (again, after `revert`); raises EditRefused and changes nothing if it is refused."""
        if self.applied:
            raise RuntimeError(f"the edit {self.text!r} is already applied")
        try:
            if self._plan is None:
                self._plan = self._planner()
            run_all(self.structure, self._plan.operations)
        except ValidationError as exc:
            raise EditRefused(describe_validation_error(exc, {})) from None
        self.applied = True

    def revert(self) -> None:
        """Undo the edit, leaving the structure exactly as it was before `apply`."""
        if not self.applied or self._plan is None:
            raise RuntimeError(f"the edit {self.text!r} is not applied, so it cannot be reverted")
        undo_all(self.structure, self._plan.operations)
        self.applied = False


P = ParamSpec("P")


def builder(plan: Callable[Concatenate[Structure, P], Plan]) -> Callable[Concatenate[Structure, P], Edit]:
    """Turn a planner `plan(structure, ...) -> Plan` into a builder `build(structure, ...) -> Edit` that
    plans only when the edit is applied."""

    @functools.wraps(plan)
    def build(structure: Structure, /, *args: P.args, **kwargs: P.kwargs) -> Edit:
        return Edit(structure, lambda: plan(structure, *args, **kwargs))

    return build


FIELD_NAMES = {
    "reports_to": "line manager", "fte": "FTE", "in_scope": "scope", "dotted": "dotted lines",
    "funding": "funding", "designations": "statutory roles",
}
"""How a post's or a group's fields are named in an edit's text, where the field name is not plain English."""


def field_names(fields: dict[str, object]) -> str:
    return ", ".join(FIELD_NAMES.get(name, name) for name in fields)
