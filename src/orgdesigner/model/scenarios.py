"""Several named scenarios of one organisation (current, option A, option B…) kept together.

Each scenario is a whole `Structure`, named by its `scenario` field; one of them is the
baseline that options are compared against. The baseline is held as the structure itself,
not its name, so renaming a scenario (however it is renamed) keeps it the baseline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .errors import EditRefused, UnknownScenario
from .structure import Structure

DEFAULT_SCENARIO = "Current"
"""The name given to a structure saved without one (and to version 1 files that had none)."""


class Scenarios:
    def __init__(self, structures: Iterable[Structure], baseline: str | None = None) -> None:
        """Hold `structures` in order; `baseline` names one of them (default: the first)."""
        self._items = list(structures)
        if not self._items:
            raise EditRefused("a file needs at least one scenario")
        problem = self.problem()
        if problem:
            raise EditRefused(problem)
        self._baseline = self._items[0] if baseline is None else self.get(baseline)

    @classmethod
    def single(cls, structure: Structure) -> "Scenarios":
        """Just `structure`; one without a scenario name is held as a copy named 'Current'."""
        if not structure.scenario.strip():
            structure = Structure.model_validate({**structure.model_dump(), "scenario": DEFAULT_SCENARIO})
        return cls([structure])

    # ----- queries ---------------------------------------------------------------------

    def __iter__(self) -> Iterator[Structure]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def names(self) -> list[str]:
        return [s.scenario for s in self._items]

    @property
    def baseline(self) -> Structure:
        return self._baseline

    def get(self, name: str) -> Structure:
        for structure in self._items:
            if structure.scenario == name:
                return structure
        raise UnknownScenario(name, self.names)

    def problem(self) -> str | None:
        """What is wrong with the names (blank or repeated), or None. Names can change from outside
        (a scenario is renamed like any other detail of its structure), so this is checked again on save."""
        seen: dict[str, int] = {}
        for number, name in enumerate(self.names, start=1):
            if not name.strip():
                return f"scenario {number} has no name"
            if name in seen:
                return f"two scenarios are named {name!r} (scenarios {seen[name]} and {number})"
            seen[name] = number
        return None

    def check_name(self, name: str, renaming: Structure | None = None) -> str:
        """`name` stripped, if it can name a new scenario (or `renaming`); EditRefused says why not."""
        name = name.strip()
        if not name:
            raise EditRefused("a scenario needs a name")
        if any(s.scenario == name and s is not renaming for s in self._items):
            raise EditRefused(f"there is already a scenario named {name!r}")
        return name

    # ----- edits -------------------------------------------------------------------------

    def add(self, name: str, copy_of: str) -> Structure:
        """Add a copy of the scenario `copy_of` named `name`, at the end; returns the copy."""
        name = self.check_name(name)
        source = self.get(copy_of)
        copy = Structure.model_validate({**source.model_dump(), "scenario": name})
        self._items.append(copy)
        return copy

    def append(self, structure: Structure) -> Structure:
        """Add `structure` (one built elsewhere, such as an imported table) at the end, under its own
        scenario name, which must be new; returns it."""
        self.check_name(structure.scenario)
        self._items.append(structure)
        return structure

    def rename(self, old: str, new: str) -> None:
        structure = self.get(old)
        structure.update_details(scenario=self.check_name(new, renaming=structure))

    def remove(self, name: str) -> Structure:
        """Remove a scenario (never the last one); removing the baseline makes the first one left the baseline."""
        structure = self.get(name)
        if len(self._items) == 1:
            raise EditRefused(f"{name!r} is the only scenario; a file keeps at least one")
        self._items = [s for s in self._items if s is not structure]
        if structure is self._baseline:
            self._baseline = self._items[0]
        return structure

    def set_baseline(self, name: str) -> None:
        self._baseline = self.get(name)
