"""JSON text that is always strict JSON: never the bare ``NaN`` or ``Infinity`` Python writes."""

from __future__ import annotations

import json
import math
from typing import Any


def dumps_strict(value: Any, **options: Any) -> str:
    """`json.dumps` with ``allow_nan=False``; a float that is not finite is written as null.

    Options (indent, ensure_ascii, sort_keys…) pass through to `json.dumps`.
    """
    try:
        return json.dumps(value, allow_nan=False, **options)
    except ValueError:
        return json.dumps(_finite(value), allow_nan=False, **options)


def _finite(value: Any) -> Any:
    """A copy with every non-finite float replaced by None (walked without recursion)."""
    root: list[Any] = [value]
    stack: list[tuple[Any, Any]] = [(root, 0)]
    while stack:
        container, key = stack.pop()
        item = container[key]
        if isinstance(item, float) and not math.isfinite(item):
            container[key] = None
        elif isinstance(item, dict):
            copy = dict(item)
            container[key] = copy
            stack.extend((copy, k) for k in copy)
        elif isinstance(item, (list, tuple)):
            copy_list = list(item)
            container[key] = copy_list
            stack.extend((copy_list, i) for i in range(len(copy_list)))
    return root[0]
