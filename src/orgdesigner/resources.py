"""Where the data files in `resources/` (rules, tiers, pay-scale templates, fonts) live."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any


def resources_dir() -> Path:
    """The resources folder: $ORGDESIGNER_RESOURCES, else the one at the top of the source tree."""
    override = os.environ.get("ORGDESIGNER_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


@cache
def load_json(name: str) -> Any:
    with resource_path(name).open(encoding="utf-8") as handle:
        return json.load(handle)
