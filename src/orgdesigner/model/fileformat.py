"""The `.orgd` file format: one JSON document, stable key order, atomic saves.

A file looks like ``{"format": "orgdesigner-structure", "version": 1, "structure": {...}}``.
Keys keep the model's field order and lists keep the user's order, so two versions of a
structure diff line by line in version control.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import StructureFileError
from .structure import Structure

FORMAT_NAME = "orgdesigner-structure"
FORMAT_VERSION = 1
FILE_SUFFIX = ".orgd"


def dumps(structure: Structure) -> str:
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "structure": structure.model_dump(mode="json", exclude_defaults=True),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def loads(text: str, source: str = "<text>") -> Structure:
    """Parse a structure document; every problem becomes a StructureFileError naming `source`."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StructureFileError(source, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise StructureFileError(source, f"not an OrgDesigner structure file (expected \"format\": \"{FORMAT_NAME}\")")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StructureFileError(source, f"the format version {version!r} is not a positive whole number")
    if version > FORMAT_VERSION:
        raise StructureFileError(
            source,
            f"written by a newer OrgDesigner (format version {version}); "
            f"this version reads files up to version {FORMAT_VERSION}. Update OrgDesigner to open it.",
        )
    body = document.get("structure")
    if not isinstance(body, dict):
        raise StructureFileError(source, "the file has no \"structure\" object")
    try:
        return Structure.model_validate(body)
    except ValidationError as exc:
        raise StructureFileError(source, describe_validation_error(exc, body)) from None


def load(path: str | os.PathLike[str]) -> Structure:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StructureFileError(str(path), "no such file") from None
    except IsADirectoryError:
        raise StructureFileError(str(path), "this is a folder, not a structure file") from None
    except UnicodeDecodeError:
        raise StructureFileError(str(path), "not a text file (it is not UTF-8)") from None
    except OSError as exc:
        raise StructureFileError(str(path), exc.strerror or str(exc)) from None
    return loads(text, str(path))


def save(structure: Structure, path: str | os.PathLike[str]) -> None:
    """Write atomically: a temporary file beside the target, flushed, fsynced, then renamed over it."""
    write_atomically(Path(path), dumps(structure))


def write_atomically(path: Path, text: str) -> None:
    directory = path.resolve().parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temp_name, path.stat().st_mode & 0o777)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def describe_validation_error(exc: ValidationError, body: dict[str, Any]) -> str:
    """Turn pydantic's errors into lines a user can act on ("post 'P4' (Director): fte: ...")."""
    lines = []
    for error in exc.errors():
        location = _describe_location(error["loc"], body)
        message = error["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, "):]
        lines.append(f"{location}: {message}" if location else message)
    if len(lines) == 1:
        return lines[0]
    return f"{len(lines)} problems:\n  " + "\n  ".join(lines)


_COLLECTION_NAMES = {"posts": "post", "groups": "group", "pay_scales": "grade"}


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
