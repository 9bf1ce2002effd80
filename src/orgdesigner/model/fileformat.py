"""The `.orgd` file format: one JSON document, stable key order, atomic saves.

A file (version 2) looks like ``{"format": "orgdesigner-structure", "version": 2,
"baseline": NAME, "scenarios": [{...structure...}, ...]}``: the named scenarios of one
organisation, one of them the baseline. Version 1 files held one ``"structure"``; they
read as a single scenario and are written back as version 2.
Keys keep the model's field order and lists keep the user's order, so two versions of a
structure diff line by line in version control. A structure's open merge conflicts
(``"conflicts"``, see `conflicts.py`) are written only while there are some.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import EditRefused, StructureFileError, UnknownScenario
from .limits import MAX_FILE_BYTES, MAX_GROUPS, MAX_NUMBER_DIGITS, MAX_POSTS, MAX_SCENARIOS, capped_lines
from .safefiles import UnreadableFile, read_regular_file, write_atomically
from .scenarios import DEFAULT_SCENARIO, Scenarios
from .structure import Structure

FORMAT_NAME = "orgdesigner-structure"
FORMAT_VERSION = 2
FILE_SUFFIX = ".orgd"


def dumps(structure: Structure) -> str:
    """A file holding just this structure (named 'Current' if it has no scenario name)."""
    return dumps_scenarios(Scenarios.single(structure))


def dumps_scenarios(scenarios: Scenarios) -> str:
    """The file text; EditRefused if two scenarios share a name or one has none."""
    problem = scenarios.problem()
    if problem:
        raise EditRefused(f"{problem}; every scenario needs a name of its own before saving")
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "baseline": scenarios.baseline.scenario,
        "scenarios": [s.model_dump(mode="json", exclude_defaults=True) for s in scenarios],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def loads(text: str, source: str = "<text>", scenario: str | None = None) -> Structure:
    """The scenario named `scenario` (default: the baseline) of a structure document."""
    scenarios = loads_scenarios(text, source)
    if scenario is None:
        return scenarios.baseline
    try:
        return scenarios.get(scenario)
    except UnknownScenario as exc:
        raise StructureFileError(source, str(exc)) from None


def loads_scenarios(text: str, source: str = "<text>") -> Scenarios:
    """Parse a structure document; every problem becomes a StructureFileError naming `source`."""
    document = _parse_json(text, source)
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise StructureFileError(source, f"not an OrgDesigner structure file (expected \"format\": \"{FORMAT_NAME}\")")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        shown = "too long a number" if isinstance(version, float) and not math.isfinite(version) else repr(version)
        raise StructureFileError(source, f"the format version ({shown}) is not a positive whole number")
    if version > FORMAT_VERSION:
        raise StructureFileError(
            source,
            f"written by a newer OrgDesigner (format version {version}); "
            f"this version reads files up to version {FORMAT_VERSION}. Update OrgDesigner to open it.",
        )
    bodies, baseline = _version_1(document, source) if version == 1 else _version_2(document, source)
    _check_counts(bodies, source)
    structures = [_validate(body, number, source) for number, body in enumerate(bodies, start=1)]
    try:
        return Scenarios(structures, baseline)
    except EditRefused as exc:
        raise StructureFileError(source, str(exc)) from None
    except UnknownScenario as exc:
        names = ", ".join(map(repr, exc.known))
        raise StructureFileError(source, f"\"baseline\" names {exc.name!r}, which is not one of the scenarios "
                                         f"({names})") from None


def _parse_int(text: str) -> int | float:
    """Whole numbers longer than any real figure are read as floats (infinite if very long), which
    validation then refuses with the field's name, instead of Python's int-string limit error."""
    return int(text) if len(text) <= MAX_NUMBER_DIGITS else float(text)


def _parse_json(text: str, source: str) -> Any:
    try:
        return json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise StructureFileError(source, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise StructureFileError(source, "the JSON is nested too deeply to be a structure file "
                                         "(lists or objects inside each other thousands of levels deep)") from None


def _check_counts(bodies: list[Any], source: str) -> None:
    """Refuse a file with more scenarios, posts or groups than any real organisation, before validating."""
    if len(bodies) > MAX_SCENARIOS:
        raise StructureFileError(source, f"the file has {len(bodies):,} scenarios; at most {MAX_SCENARIOS:,} are read")
    for number, body in enumerate(bodies, start=1):
        name = body.get("scenario")
        where = f"scenario {name!r}" if isinstance(name, str) and name.strip() else f"scenario {number}"
        for key, limit in (("posts", MAX_POSTS), ("groups", MAX_GROUPS)):
            items = body.get(key)
            if isinstance(items, (list, dict)) and len(items) > limit:
                raise StructureFileError(source, f"{where} has {len(items):,} {key}; at most {limit:,} are read")


def _version_1(document: dict[str, Any], source: str) -> tuple[list[dict[str, Any]], None]:
    """Migration: the one structure of a version 1 file, named 'Current' if it had no scenario name."""
    body = document.get("structure")
    if not isinstance(body, dict):
        raise StructureFileError(source, "the file has no \"structure\" object")
    name = body.get("scenario")
    if not isinstance(name, str) or not name.strip():
        body = {**body, "scenario": DEFAULT_SCENARIO}
    return [body], None


def _version_2(document: dict[str, Any], source: str) -> tuple[list[dict[str, Any]], str]:
    bodies = document.get("scenarios")
    if not isinstance(bodies, list) or not bodies:
        raise StructureFileError(source, "the file has no \"scenarios\" (a list of at least one structure)")
    for number, body in enumerate(bodies, start=1):
        if not isinstance(body, dict):
            raise StructureFileError(source, f"scenario {number} is not an object")
    baseline = document.get("baseline")
    if not isinstance(baseline, str):
        raise StructureFileError(source, "the file has no \"baseline\" (the name of one of its scenarios)")
    return bodies, baseline


def _validate(body: dict[str, Any], number: int, source: str) -> Structure:
    try:
        return Structure.model_validate(body)
    except ValidationError as exc:
        name = body.get("scenario")
        where = f"scenario {name!r}" if isinstance(name, str) and name.strip() else f"scenario {number}"
        raise StructureFileError(source, describe_validation_error(exc, body, where)) from None


def _read(path: Path) -> str:
    """The file's text; a special file (folder, FIFO, device) or one over the size limit is refused
    before anything is read from it."""
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except UnreadableFile as exc:
        raise StructureFileError(str(path), str(exc)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise StructureFileError(str(path), "not a text file (it is not UTF-8)") from None


def load(path: str | os.PathLike[str], scenario: str | None = None) -> Structure:
    """The scenario named `scenario` (default: the baseline) of a file."""
    path = Path(path)
    return loads(_read(path), str(path), scenario)


def load_scenarios(path: str | os.PathLike[str]) -> Scenarios:
    path = Path(path)
    return loads_scenarios(_read(path), str(path))


def save(structure: Structure, path: str | os.PathLike[str]) -> None:
    """Write a file holding just this structure, atomically (see `write_atomically`)."""
    write_atomically(Path(path), dumps(structure))


def save_scenarios(scenarios: Scenarios, path: str | os.PathLike[str]) -> None:
    """Write every scenario atomically: a temporary file beside the target, flushed, fsynced, renamed over it."""
    write_atomically(Path(path), dumps_scenarios(scenarios))


def describe_validation_error(exc: ValidationError, body: dict[str, Any] | None = None, where: str = "") -> str:
    """Turn pydantic's errors into lines a user can act on ("scenario 'A' › post 'P4' (Director) › fte: ...").

    One problem is one line; several are counted and listed (at most 50), never with pydantic's
    own text or web links.
    """
    body = body or {}
    lines = []
    for error in exc.errors():
        location = " › ".join(part for part in (where, _describe_location(error["loc"], body)) if part)
        message = error["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, "):]
        message = " ".join(message.split())
        lines.append(f"{location}: {message}" if location else message)
    if len(lines) == 1:
        return lines[0]
    return f"{len(lines)} problems:\n  " + "\n  ".join(capped_lines(lines))


_COLLECTION_NAMES = {"posts": "post", "groups": "group", "pay_scales": "grade", "conflicts": "conflict"}


def _describe_location(loc: tuple[Any, ...], body: dict[str, Any]) -> str:
    parts: list[str] = []
    node: Any = body
    index = 0
    while index < len(loc):
        key = loc[index]
        if key in _COLLECTION_NAMES and index + 1 < len(loc) and isinstance(node, dict):
            collection = node.get(key)
            item_key = loc[index + 1]
            item = _pick(collection, item_key)
            parts.append(_name_item(_COLLECTION_NAMES[key], item, item_key))
            node = item
            index += 2
            continue
        parts.append(str(key))
        node = node.get(key) if isinstance(node, dict) else None
        index += 1
    return " › ".join(p for p in parts if p)


def _pick(collection: Any, key: Any) -> Any:
    if isinstance(collection, list) and isinstance(key, int) and 0 <= key < len(collection):
        return collection[key]
    if isinstance(collection, list) and isinstance(key, str):
        for item in collection:
            if isinstance(item, dict) and key in (item.get("id"), item.get("code")):
                return item
    if isinstance(collection, dict):
        return collection.get(key)
    return None


def _name_item(kind: str, item: Any, key: Any) -> str:
    if isinstance(item, dict):
        ident = item.get("id", item.get("code"))
        label = item.get("title", item.get("name"))
        if ident is not None:
            return f"{kind} {ident!r}" + (f" ({label})" if label else "")
    if isinstance(key, int):
        return f"{kind} {key + 1}"
    return f"{kind} {key!r}"
