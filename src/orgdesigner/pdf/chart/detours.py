"""Dotted lines on a printed page (and every picture and slide drawn from it) taken round the cards they
would pass behind.

The shared layout routes a dotted line straight between its two cards, whatever stands between
them; drawn beneath the cards such a line seems to start at a card in its way (the post between a
manager and a report stacked under each other). On paper a line crossing other cards instead runs
down a channel beside them, out of one card's side and into the other's, when such a channel is
clear of every card within the page's chart; failing that, along the gaps between the cards, the
fewest bends and the shortest way (`_gaps`); else it keeps its route (drawn beneath the cards).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Collection, Iterable
from functools import cache

from ...layout import Layout, Rect
from ...layout.routes import LineRoute, Point
from .sizes import GROUP_HEADER, SMALL_SIZE

CLEARANCE = 5.0
"""How far beside the cards a detour runs, in chart units."""
BEND = 40.0
"""What a bend costs a route along the gaps, as so much more length: a longer way with fewer turns reads better."""
ALONG = 6.0
"""What running along a reporting line (or through a group's header band, where the name hides it) costs a route
along the gaps: so much more than its length. On a solid line a dotted one is lost."""
NEAR_LINE = 4.0
"""How near a reporting line a run parallel to it is taken to run along it, in chart units."""
REACH = 300.0
"""How far beyond its two cards a route along the gaps may go looking for a way round, in chart units."""
TAB = SMALL_SIZE
"""How far a "from page N" tab stands above its card's top."""
NOTE = SMALL_SIZE + 4.0
"""How far below a card continued elsewhere its tick (on paper) or its note (on a slide) reaches."""


def dotted_routes(layout: Layout, tabbed: Collection[str] = (), noted: Collection[str] = ()) -> list[LineRoute]:
    """The page's dotted lines as printed, in the layout's order: each either as laid out or round the cards
    in its way (and the "from page N" tabs over the `tabbed` cards and the notes under the `noted` ones, where a
    slide sets its "continued on" note)."""
    room = {pid: Rect(card.x, card.y - (TAB if pid in tabbed else 0.0), card.width,
                      card.height + (TAB if pid in tabbed else 0.0) + (NOTE if pid in noted else 0.0))
            for pid, card in layout.cards.items()}
    solid = [line for line in layout.lines if line.kind != "dotted" and len(line.points) >= 2]
    busy = cache(lambda: _busy(solid, layout.groups.values()))  # worked out once a page needs a way along the gaps
    return [_detour(route, layout, room, solid, busy) for route in layout.lines if route.kind == "dotted"]


def _detour(route: LineRoute, layout: Layout, room: dict[str, Rect], solid: list[LineRoute],
            busy: Callable[[], tuple[list[Rect], list[Rect]]]) -> LineRoute:
    ends = {route.manager, route.report}
    others = [card for pid, card in layout.cards.items() if pid not in ends]
    if len(route.points) < 2 or not _crosses(route.points, others):
        return route
    manager, report = layout.cards[route.manager], layout.cards[route.report]
    clear = [points for points in (_channel(manager, report, others, right) for right in (True, False))
             if points is not None and _within(points, layout.bounds) and not _crosses(points, others)]
    if not clear:
        found = _gaps((manager, room[route.manager]), (report, room[route.report]),
                      [rect for pid, rect in room.items() if pid not in ends], layout.bounds, solid, busy())
        if found is None:
            return route
        clear = [found]
    return LineRoute(route.manager, route.report, route.kind, min(clear, key=_length), route.label)


def _channel(manager: Rect, report: Rect, others: list[Rect], right: bool) -> list[Point] | None:
    """Out of the manager's side, along a channel beside every card between, into the report's same side."""
    top, bottom = sorted((manager.center_y, report.center_y))
    x = max(manager.right, report.right) + CLEARANCE if right else min(manager.x, report.x) - CLEARANCE
    for _ in range(len(others) + 1):
        run = _segment((x, top), (x, bottom))
        blocking = [card for card in others if card.intersects(run)]
        if not blocking:
            side = (lambda card: card.right) if right else (lambda card: card.x)
            return [(side(manager), manager.center_y), (x, manager.center_y), (x, report.center_y),
                    (side(report), report.center_y)]
        x = max(card.right for card in blocking) + CLEARANCE if right else min(card.x for card in blocking) - CLEARANCE
    return None


def _busy(lines: list[LineRoute], boxes: Iterable[Rect]) -> tuple[list[Rect], list[Rect]]:
    """Where a dotted line had better not run along, across and down: the solid lines' runs and the group boxes'
    borders, each grown `NEAR_LINE` either side, and (across) the boxes' header bands, where a name hides what runs
    there."""
    across: list[Rect] = []
    down: list[Rect] = []

    def run(x0: float, y0: float, x1: float, y1: float) -> None:
        grown = Rect(min(x0, x1) - NEAR_LINE, min(y0, y1) - NEAR_LINE, abs(x1 - x0) + 2 * NEAR_LINE,
                     abs(y1 - y0) + 2 * NEAR_LINE)
        (across if y0 == y1 else down).append(grown)

    for route in lines:
        for (x0, y0), (x1, y1) in zip(route.points, route.points[1:]):
            run(x0, y0, x1, y1)
    for box in boxes:
        across.append(Rect(box.x, box.y, box.width, GROUP_HEADER))
        run(box.x, box.y, box.right, box.y)
        run(box.x, box.bottom, box.right, box.bottom)
        run(box.x, box.y, box.x, box.bottom)
        run(box.right, box.y, box.right, box.bottom)
    return across, down


def _gaps(source: tuple[Rect, Rect], target: tuple[Rect, Rect], others: list[Rect], bounds: Rect, lines: list[LineRoute],
          busy: tuple[list[Rect], list[Rect]]) -> list[Point] | None:
    """Out of a side of the manager's card, along the gaps between the cards (`CLEARANCE` from each), into a side
    of the report's where none of the solid `lines` ends: the way with the least length and bends (a search over
    the lines beside the cards' edges near the two), running along as little of the `busy` places as it can,
    within `bounds`; None when there is none. `source` and `target` are each a card and the room it takes (with
    its tab and note), `others` the room the other cards take."""
    (manager, manager_room), (report, report_room) = source, target
    left = max(bounds.x, min(manager.x, report.x) - REACH)
    right = min(bounds.right, max(manager.right, report.right) + REACH)
    top = max(bounds.y, min(manager.y, report.y) - REACH)
    bottom = min(bounds.bottom, max(manager.bottom, report.bottom) + REACH)
    walls = [card for card in [*others, manager_room, report_room]
             if card.x < right and card.right > left and card.y < bottom and card.bottom > top]
    attached = {point for route in lines for point in (route.points[0], route.points[-1])}
    ports = {end: [port for port in _ports(card) if port[0] not in attached]  # not where a solid line comes in
             for end, card in (("from", manager), ("to", report))}
    xs = sorted({x for x in [*(c.x - CLEARANCE for c in walls), *(c.right + CLEARANCE for c in walls),
                             *(stub[0] for stubs in ports.values() for _, stub, _ in stubs)] if left <= x <= right})
    ys = sorted({y for y in [*(c.y - CLEARANCE for c in walls), *(c.bottom + CLEARANCE for c in walls),
                             *(stub[1] for stubs in ports.values() for _, stub, _ in stubs)] if top <= y <= bottom})
    column = {x: n for n, x in enumerate(xs)}
    row = {y: n for n, y in enumerate(ys)}
    keep = CLEARANCE - 0.01  # no run nearer a card than the clearance (the lines beside one card pass near others)
    kept = [Rect(c.x - keep, c.y - keep, c.width + 2 * keep, c.height + 2 * keep) for c in walls]
    across = [[c for c in kept if c.y < y < c.bottom] for y in ys]  # the cards a run along each row could meet
    down = [[c for c in kept if c.x < x < c.right] for x in xs]
    near_across, near_down = ([b for b in rects if b.x < right and b.right > left and b.y < bottom and b.bottom > top]
                              for rects in busy)
    busy_across = [[b for b in near_across if b.y < y < b.bottom] for y in ys]
    busy_down = [[b for b in near_down if b.x < x < b.right] for x in xs]

    def along(i: int, j: int, step: tuple[int, int]) -> float:
        """How much of the run from node (i, j) to `step` lies along a busy place."""
        if step[1] == j:
            low, high = sorted((xs[i], xs[step[0]]))
            return sum(max(0.0, min(high, b.right) - max(low, b.x)) for b in busy_across[j])
        low, high = sorted((ys[j], ys[step[1]]))
        return sum(max(0.0, min(high, b.bottom) - max(low, b.y)) for b in busy_down[i])

    def open_step(i: int, j: int, direction: int) -> tuple[int, int] | None:
        """The next node from (i, j) in `direction` (0 right, 1 left, 2 down, 3 up), if the run to it is clear."""
        if direction < 2:
            k = i + (1 if direction == 0 else -1)
            if not 0 <= k < len(xs):
                return None
            low, high = sorted((xs[i], xs[k]))
            return None if any(c.x < high and c.right > low for c in across[j]) else (k, j)
        k = j + (1 if direction == 2 else -1)
        if not 0 <= k < len(ys):
            return None
        low, high = sorted((ys[j], ys[k]))
        return None if any(c.y < high and c.bottom > low for c in down[i]) else (i, k)

    usable = {end: [(port, stub, direction) for port, stub, direction in stubs
                    if stub[0] in column and stub[1] in row and not _crosses([port, stub], others)]
              for end, stubs in ports.items()}
    targets: dict[tuple[int, int], list[tuple[Point, int]]] = {}
    for port, stub, direction in usable["to"]:
        targets.setdefault((column[stub[0]], row[stub[1]]), []).append((port, direction ^ 1))
    if not targets:
        return None
    goals = [(xs[i], ys[j]) for i, j in targets]

    def guess(node: tuple[int, int]) -> float:
        """The least the rest of the way from `node` can cost (A*: the search heads for the report first)."""
        x, y = xs[node[0]], ys[node[1]]
        return min(abs(x - gx) + abs(y - gy) for gx, gy in goals)

    heap: list[tuple[float, float, int, tuple[int, int], int, Point | None]] = []  # estimate, cost so far, …
    came: dict[tuple[tuple[int, int], int], tuple[tuple[int, int], int] | None] = {}
    best: dict[tuple[tuple[int, int], int], float] = {}
    count = 0
    for port, stub, direction in usable["from"]:
        node = (column[stub[0]], row[stub[1]])
        best[(node, direction)] = CLEARANCE
        came[(node, direction)] = None
        heapq.heappush(heap, (CLEARANCE + guess(node), CLEARANCE, count := count + 1, node, direction, None))
    starts = {(column[stub[0]], row[stub[1]]): port for port, stub, _ in usable["from"]}
    while heap:
        _, cost, _, node, direction, arrival = heapq.heappop(heap)
        if arrival is not None:  # the way into the report, whole
            return _path(node, direction, came, xs, ys, starts, arrival)
        if cost > best.get((node, direction), float("inf")):
            continue
        for end, into in targets.get(node, []):
            finish = cost + CLEARANCE + (BEND if into != direction else 0.0)
            heapq.heappush(heap, (finish, finish, count := count + 1, node, direction, end))
        for turn in range(4):
            if turn == direction ^ 1:
                continue
            step = open_step(*node, turn)
            if step is None:
                continue
            length = abs(xs[step[0]] - xs[node[0]]) + abs(ys[step[1]] - ys[node[1]])
            new = cost + length + ALONG * along(*node, step) + (BEND if turn != direction else 0.0)
            if new < best.get((step, turn), float("inf")):
                best[(step, turn)] = new
                came[(step, turn)] = (node, direction)
                heapq.heappush(heap, (new + guess(step), new, count := count + 1, step, turn, None))
    return None


def _ports(card: Rect) -> list[tuple[Point, Point, int]]:
    """Where a line may leave a card (the middle of each side), the point `CLEARANCE` out from it, and the way
    out (0 right, 1 left, 2 down, 3 up)."""
    return [((card.right, card.center_y), (card.right + CLEARANCE, card.center_y), 0),
            ((card.x, card.center_y), (card.x - CLEARANCE, card.center_y), 1),
            ((card.center_x, card.bottom), (card.center_x, card.bottom + CLEARANCE), 2),
            ((card.center_x, card.y), (card.center_x, card.y - CLEARANCE), 3)]


def _path(node: tuple[int, int], direction: int, came: dict[tuple[tuple[int, int], int], tuple[tuple[int, int], int] | None],
          xs: list[float], ys: list[float], starts: dict[tuple[int, int], Point], end: Point) -> list[Point]:
    """The route found, from the manager's side to `end` on the report's, with only its bends between."""
    nodes = []
    state: tuple[tuple[int, int], int] | None = (node, direction)
    first = node
    while state is not None:
        first = state[0]
        nodes.append((xs[first[0]], ys[first[1]]))
        state = came[state]
    points = [starts[first], *reversed(nodes), end]
    kept = [points[0]]
    for here, after in zip(points[1:], points[2:]):
        before = kept[-1]
        if not (before[0] == here[0] == after[0] or before[1] == here[1] == after[1]):
            kept.append(here)
    kept.append(points[-1])
    return kept


def _crosses(points: list[Point], cards: Iterable[Rect]) -> bool:
    runs = [_segment(a, b) for a, b in zip(points, points[1:])]
    return any(card.intersects(run) for card in cards for run in runs)


def _segment(a: Point, b: Point) -> Rect:
    """A run between two points as a hairline rectangle (one wide enough to meet a card it crosses)."""
    (x0, y0), (x1, y1) = a, b
    return Rect(min(x0, x1) - 0.01, min(y0, y1) - 0.01, abs(x1 - x0) + 0.02, abs(y1 - y0) + 0.02)


def _within(points: list[Point], bounds: Rect) -> bool:
    return all(bounds.x <= x <= bounds.right and bounds.y <= y <= bounds.bottom for x, y in points)


def _length(points: list[Point]) -> float:
    return sum(abs(x1 - x0) + abs(y1 - y0) for (x0, y0), (x1, y1) in zip(points, points[1:]))
