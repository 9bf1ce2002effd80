"""Synthetic structures of any size, shaped like a council, for benchmarks and tests."""

from __future__ import annotations

import random

from .structure import Structure

_TIERS = ["1", "2", "3A", "3B", "4", "5", "6", "7", "8"]


def synthetic_structure(posts: int, seed: int = 1, span: int = 6) -> Structure:
    """A line-management tree of `posts` posts with spans around `span`, grouped by directorate.

    Every post has a grade with a pay scale, a tier matching its layer and a group; a few
    are vacant, part time or partly funded by a partner, so every figure has work to do.
    """
    rng = random.Random(seed)
    scales = [{"code": f"G{n}", "name": f"Grade {n}", "min": 20000 + 9000 * n, "max": 26000 + 9000 * n}
              for n in range(1, 12)]
    groups: list[dict] = []
    rows: list[dict] = []
    queue: list[tuple[str, int, str | None, int]] = []  # manager id, layer, group id, places left
    head = 0
    for index in range(posts):
        post_id = f"P{index + 1}"
        if index == 0:
            manager, layer, group = None, 0, None
        else:
            manager, manager_layer, group, left = queue[head]
            queue[head] = (manager, manager_layer, group, left - 1)
            if left == 1:
                head += 1
            layer = manager_layer + 1
            if layer == 1:
                group = f"G{len(groups) + 1}"
                groups.append({"id": group, "name": f"Directorate {len(groups) + 1}", "kind": "directorate",
                               "leader": post_id, "staff": rng.randrange(50, 400)})
        row: dict = {"id": post_id, "title": f"Post {index + 1}", "grade": f"G{max(1, 11 - layer)}",
                     "tier": _TIERS[min(layer, len(_TIERS) - 1)], "reports_to": manager, "group": group}
        if rng.random() < 0.08:
            row["status"] = "vacant"
        if rng.random() < 0.1:
            row["fte"] = 0.5
        if rng.random() < 0.03:
            row["funding"] = {"Partner Council": 0.5}
        rows.append(row)
        queue.append((post_id, layer, group, rng.randint(max(1, span - 3), span + 3)))
    rows[0]["designations"] = ["HoPS"]
    if posts > 2:
        rows[1]["designations"] = ["S151"]
        rows[2]["designations"] = ["MO"]
    return Structure.model_validate({"name": f"Synthetic {posts}", "organisation": "Synthetic Council",
                                     "settings": {"on_cost_rate": 0.28}, "pay_scales": scales,
                                     "groups": groups, "posts": rows})
