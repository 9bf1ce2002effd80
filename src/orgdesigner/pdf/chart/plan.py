"""Splitting a chart over pages the way council appendices do it.

A chart that fits its page at a readable scale goes on one page. Otherwise the first page
shows the top of the structure as deep as it fits without cutting through a department (a post
heading a group its manager is not in) that would fit a page of its own, and every post on that
page whose reports did not fit is continued on a page of its own (titled by the post's group),
recursively: so a department that fits a page is seen whole on one, in any structure. A
department that just misses a page is printed in a few parts, its head over some of its teams
whole. A manager whose direct reports alone are too many for one page has them shared over
several pages ("part 2 of 3"): the heads of other groups, then its own group, when each fits.
Small pages are put together afterwards (a team with the page it continues when it fits there).
Pages come in reading order: overview first, then depth first. A page's cards are as tall as its
titles need, and a level a little too wide or too tall for a page is tried again with its rows
wrapped sooner or its stacks in shorter columns. A team carried on elsewhere says so both ways:
"continued on page N" under its manager's card, "from page M" over that card on the team's page.

Planning is pure geometry: it decides which posts go on which page and lays each page out;
`page.py` draws them. It tries many candidate pages, so four things keep it fast at the size
of a whole council: a set of posts whose cards could not fit the page even edge to edge is
refused without being laid out, so are pages whose trees would need rows enough to overflow a
page together, a candidate is judged by a trial layout (`layout/trial.py`: cards, boxes and bounds,
with the blocks of teams it shares with other candidates measured once), and only the pages
printed are cut out of the structure and have their lines routed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from ...layout import Layout, LayoutOptions, Rect
from ...layout.routes import LineRoute
from ...layout.trial import Trial, TrialLayouts
from ...model import Post, Structure
from ...presentation.selection import substructure
from .detours import dotted_routes
from .labels import LabelPlace, place_labels, unplaced_notes
from .sizes import GROUP_HEADER

_Task = Iterator["_Task"]
"""A step of planning that may hand over sub-steps (yielded, each run to its end before the step
goes on): `_run` drives them with a stack of its own, so a reporting chain thousands of levels deep
plans without Python's recursion limit."""

PRINT_LAYOUT = LayoutOptions(card_width=136.0, card_height=70.0, h_gap=10.0, v_gap=24.0, compact=True, leaf_column=True,
                             stack_indent=10.0, stack_gap=7.0, group_padding=8.0, group_header=GROUP_HEADER,
                             use_manual_positions=False)
"""Cards in points at scale 1: sized for the card text in `cards.py` (7.5 pt at its smallest). The height
is the tallest a card can need (a title of four lines); a page's cards are as tall as its posts' titles need."""

CardHeight = Callable[[Post], float]
"""How tall a post's card must be for its text, in chart units."""

SHARING_WINDOW = 6
"""How many of the latest pages a small continuation page may join, keeping reading order near."""

WHOLE_PARTS = 3
"""A department that misses one page by a little is printed in up to this many parts, each its head over
some of its teams whole, rather than as a page of its managers and pages of their teams."""

ROOMIER_WRAPS = (0.7, 0.55, 0.4)
"""The widths, as shares of a chart's, its rows are tried wrapped at when it prints as a strip across a page."""
CONTINUATION_ALLOWANCE = 12.0
"""Room under a card for its "continued on page N" note, in chart units."""


@dataclass
class ChartPage:
    key: int
    """Index of the page within its chart (0 for the first)."""
    title: str
    subtitle: str
    structure: Structure
    """The posts on this page (line management cut at the page's edge) and their groups."""
    layout: Layout
    scale: float
    parent: int | None = None
    """The page this one continues, if any."""
    also_from: list[int] = field(default_factory=list)
    """Further pages this one continues, when small teams from several pages share it."""
    continued: dict[str, list[int]] = field(default_factory=dict)
    """Post id on this page -> the pages its reports continue on."""
    came_from: dict[str, int] = field(default_factory=dict)
    """Post id on this page whose team this page continues -> the page the post is printed on with its
    own manager (so each team on a shared page says where it hangs in the chart)."""

    @cached_property
    def dotted(self) -> list[LineRoute]:
        """The dotted lines as printed: round the cards in their way where there is a clear channel."""
        return dotted_routes(self.layout, self.came_from, self.continued)

    @cached_property
    def labels(self) -> list[LabelPlace]:
        """Where the dotted lines' labels are printed, clear of the cards."""
        return place_labels(self.dotted, self.layout, self.structure)

    @cached_property
    def label_notes(self) -> list[str]:
        """Dotted lines' labels given in full in the page's notes: those with no room beside their line."""
        return unplaced_notes(self.labels, self.dotted, self.structure)


@dataclass
class _Draft:
    """A page as first planned, before small pages are put together and the pages printed are laid out
    in full."""

    key: int
    title: str
    subtitle: str
    posts: list[str]
    """In the structure's order."""
    layout: Trial
    parent: int | None = None
    continued: dict[str, list[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Frame:
    """The room a chart has on a page, in points, and how far it may be shrunk or enlarged."""

    width: float
    height: float
    min_scale: float
    max_scale: float = 1.35


def plan_pages(structure: Structure, frame: Frame, heading: str, folded: Collection[str] = (),
               card_height: CardHeight | None = None) -> list[ChartPage]:
    """The pages of `structure`'s chart, in order; `folded` posts have reports that are not shown at all
    (they are laid out as managers, with room under them for a note). With `card_height`, each page's
    cards are as tall as the tallest of them needs (else `PRINT_LAYOUT`'s height)."""
    planner = _Planner(structure, frame, heading, frozenset(folded), card_height)
    whole = planner.fitting(structure.posts)
    if whole is not None:
        planner.page(heading, "", structure.posts, whole, None)
        return planner.shared_pages()
    roots = [pid for pid, post in structure.posts.items() if post.reports_to is None]
    reached = planner.reach(roots)
    planner.place(roots, f"{heading}: overview", "", None)
    rest = [pid for pid in structure.posts if pid not in reached]
    if rest:  # posts in a reporting cycle (and their reports) hang under no root
        planner.place(_cycle_tops(structure, rest), f"{heading}: posts in a reporting cycle",
                      "Their line management goes round in a circle; see the rule findings.", None)
    return planner.shared_pages()


def _cycle_tops(structure: Structure, rest: list[str]) -> list[str]:
    """Posts of `rest` whose manager chain never leaves `rest` before repeating: the cycle members."""
    tops = []
    for pid in rest:
        seen = {pid}
        current = structure.posts[pid].reports_to
        while current is not None and current not in seen:
            seen.add(current)
            current = structure.posts[current].reports_to
        if current == pid:
            tops.append(pid)
    return tops


class _Planner:
    def __init__(self, structure: Structure, frame: Frame, heading: str, folded: frozenset[str],
                 card_height: CardHeight | None) -> None:
        self.structure = structure
        self.folded = folded
        self.frame = frame
        self.heading = heading
        self.heights = {pid: min(card_height(post), PRINT_LAYOUT.card_height) if card_height else PRINT_LAYOUT.card_height
                        for pid, post in structure.posts.items()}
        self.headers = _nesting(structure)
        self.options: dict[float, LayoutOptions] = {}
        """The layout options for each card height a page may have."""
        self.pages: list[_Draft] = []
        self.loose: set[int] = set()
        """Pages of tops with no line manager, which may go beside other tops."""
        self.shown: set[str] = set()
        """Posts on some page already: a reporting cycle must not send the planner round it for ever."""
        self.trials = TrialLayouts(structure)
        self.reports = self.trials.reports
        """Each post's reports, in post order."""
        self.post_order, self.group_order = self.trials.order, self.trials.group_order
        self.lowest = min(self.heights.values(), default=PRINT_LAYOUT.card_height)
        """The height of the smallest card: no page's cards are smaller."""
        self.capacity = _capacity(frame, self.lowest)

    # ----- geometry ----------------------------------------------------------------------

    def fitting(self, post_ids: Iterable[str], reshape: bool = False) -> Trial | None:
        """The layout of the posts given if it fits the page, else None. With `reshape`, a layout a little
        too wide or too tall is tried again in other shapes (a level more on a page is worth a few layouts)."""
        shown = set(post_ids)
        if len(shown) > self.capacity:
            return None
        layout = self.lay(shown)
        if self.fits(layout):
            return layout
        return self._refit(shown, layout) if reshape else None

    def _refit(self, shown: set[str], layout: Trial) -> Trial | None:
        """A layout of `shown` that fits, found by reshaping one that is a little too wide or too tall but not
        both: rows of reports wrapped sooner, stacks in shorter columns (a few tries); else None."""
        room_width = self.frame.width / self.frame.min_scale
        room_height = self.frame.height / self.frame.min_scale - CONTINUATION_ALLOWANCE
        if layout.bounds.width > room_width * 1.5 or layout.bounds.height > room_height * 1.5:
            return None  # reshaping seldom wins back half a page
        options = self._options(shown)
        wrap, rows = options.wrap_width, options.stack_rows
        for _ in range(3):
            wide, tall = layout.bounds.width - room_width, layout.bounds.height - room_height
            if wide > 0 and tall > 0:
                return None
            if wide > 0:
                wrap -= wide
            elif rows > 2:
                rows = max(2, rows - math.ceil(tall / (options.card_height + options.stack_gap)))
            else:
                return None
            reshaped = self.lay(shown, replace(options, wrap_width=wrap, stack_rows=rows))
            if self.fits(reshaped):
                return reshaped
            if reshaped.bounds == layout.bounds:
                return None
            layout = reshaped
        return None

    def lay(self, post_ids: Iterable[str], options: LayoutOptions | None = None) -> Trial:
        """The trial layout of the posts given, with `options` (else as a page of them is laid out at first)."""
        shown = set(post_ids)
        return self.trials.lay(shown, options or self._options(shown), lambda: self.subset(shown), self.folded)

    def _options(self, shown: set[str]) -> LayoutOptions:
        """The layout options for a page of `shown`: cards as tall as the tallest of them needs."""
        height = max((self.heights[pid] for pid in shown), default=PRINT_LAYOUT.card_height)
        if height not in self.options:
            self.options[height] = replace(PRINT_LAYOUT, card_height=height, wrap_width=_wrap_width(self.frame),
                                           stack_rows=_stack_rows(self.frame, height, self.headers))
        return self.options[height]

    def scale_for(self, layout: Trial) -> float:
        width = max(layout.bounds.width, 1.0)
        height = max(layout.bounds.height + CONTINUATION_ALLOWANCE, 1.0)
        return min(self.frame.width / width, self.frame.height / height, self.frame.max_scale)

    def fits(self, layout: Trial) -> bool:
        return self.scale_for(layout) >= self.frame.min_scale

    def subset(self, post_ids: Iterable[str]) -> Structure:
        return substructure(self.structure, post_ids, self.post_order, self.group_order)

    # ----- pages -------------------------------------------------------------------------

    def reach(self, roots: list[str], depth: int | None = None, limit: float = math.inf) -> set[str]:
        """Posts at most `depth` lines below `roots` (all of them when depth is None), leaving out
        those already on a page. Once more than `limit` are found the search stops (the set is then
        only known to be too big), so asking whether a long chain fits a page costs no more than a page."""
        seen = set(roots)
        frontier = list(roots)
        level = 0
        while frontier and (depth is None or level < depth) and len(seen) <= limit:
            frontier = [kid for pid in frontier for kid in self.reports[pid] if kid not in seen and kid not in self.shown]
            seen.update(frontier)
            level += 1
        return seen

    def page(self, title: str, subtitle: str, post_ids: Iterable[str], layout: Trial, parent: int | None) -> _Draft:
        posts = sorted(set(post_ids), key=self.post_order.__getitem__)
        page = _Draft(len(self.pages), title, subtitle, posts, layout, parent)
        self.pages.append(page)
        self.shown.update(posts)
        return page

    def place(self, roots: list[str], title: str, subtitle: str, parent: int | None) -> None:
        """Plan the pages for `roots` and everything below them."""
        _run(self._place(roots, title, subtitle, parent))

    def _place(self, roots: list[str], title: str, subtitle: str, parent: int | None) -> _Task:
        best: tuple[int, set[str], Trial] | None = None
        clean: tuple[int, set[str], Trial] | None = None
        whole = False
        depth = 0
        shown = self.reach(roots, depth)
        while True:
            layout = self.fitting(shown, reshape=True)
            if layout is None:
                break
            best = (depth, shown, layout)
            if self._keeps_departments_whole(roots, shown):
                clean = best
            deeper = self.reach(roots, depth + 1)
            if shown == deeper:
                whole = True
                break  # nothing deeper: the whole subtree fits
            shown, depth = deeper, depth + 1
        if clean is not None and clean[0] > 0:
            best = clean
        if best is None or best[0] == 0 and len(roots) == 1 and self.reports[roots[0]]:
            yield self._share_out(roots, title, subtitle, parent)
            return
        if best[0] == 0 and any(self.reports[root] for root in roots):
            # a page of bare tops says little: give each top with a team its own pages instead
            loners = [root for root in roots if not self.reports[root]]
            for root in roots:
                if self.reports[root]:
                    yield self._place([root], title if root == roots[0] else self._title_for(root), subtitle, parent)
            if loners:
                first = len(self.pages)
                yield self._place(loners, f"{self.heading}: posts with no line manager", subtitle, parent)
                self.loose.update(range(first, len(self.pages)))
            return
        depth, shown, layout = best
        halves = self._whole_teams(roots[0]) if len(roots) == 1 and depth > 0 and parent is not None and not whole \
            else None
        if halves is not None:
            for number, (posts, part) in enumerate(halves, start=1):
                self.page(title + _part(number, len(halves)), subtitle, posts, part, parent)
            return
        yield self._continue(self.page(title, subtitle, shown, layout, parent))

    def _keeps_departments_whole(self, roots: list[str], shown: set[str]) -> bool:
        """Whether a page of `shown` cuts no department that fits a page of its own: every post heading a
        group its manager is not in shows all its posts or none of its reports (its department then
        goes whole on a page of its own), so a department that fits one page is always seen on one."""
        for pid in shown.difference(roots):
            post = self.structure.posts[pid]
            kids = self.reports[pid]
            if post.reports_to is None or post.group == self.structure.posts[post.reports_to].group:
                continue
            if not any(kid in shown for kid in kids) or all(kid in shown for kid in kids) and \
                    self.reach(kids, limit=len(shown)) <= shown:
                continue
            if self.fitting(self.reach([pid], limit=self.capacity)) is not None:
                return False
        return True

    def _whole_teams(self, root: str) -> list[tuple[set[str], Trial]] | None:
        """`root` over its reports' whole teams, dealt over at most `WHOLE_PARTS` pages, or None when
        some report's team does not fit a page with `root` or it takes more pages than that."""
        def fit(chunk: list[str]) -> tuple[set[str], Trial] | None:
            posts = {root} | self.reach(chunk, limit=self.capacity)
            layout = self.fitting(posts)
            return (posts, layout) if layout is not None else None

        if len(self.reach([root], limit=WHOLE_PARTS * self.capacity)) > WHOLE_PARTS * self.capacity:
            return None  # more posts than that many pages could hold
        kids = self.reports[root]
        chunks: list[list[str]] = [[]]
        for kid in kids:
            if fit([*chunks[-1], kid]) is None:
                if not chunks[-1] or len(chunks) == WHOLE_PARTS:
                    return None
                chunks.append([])
            chunks[-1].append(kid)
        # even the parts out by their posts, when that fits too: "part 2 of 2" should not be one team
        sizes = [len(self.reach([kid])) for kid in kids]
        share, run = sum(sizes) / len(chunks), 0
        even: list[list[str]] = [[]]
        for kid, size in zip(kids, sizes):
            if even[-1] and len(even) < len(chunks) and run + size / 2 > share * len(even):
                even.append([])
            even[-1].append(kid)
            run += size
        parts = [fit(chunk) for chunk in even] if len(even) == len(chunks) else [None]
        if any(part is None for part in parts):
            parts = [fit(chunk) for chunk in chunks]
        return [part for part in parts if part is not None]

    def _continue(self, page: _Draft) -> _Task:
        """Give every post on `page` whose reports are not shown the pages that carry them on.

        Neighbours whose whole teams fit one page together share it, so a chart is not
        spread over many half-empty pages.
        """
        pending = [pid for pid in page.posts if any(kid not in self.shown for kid in self.reports[pid])]
        while pending:
            together = [pending.pop(0)]
            whole = self.reach(together, limit=self.capacity)
            layout = self.fitting(whole)
            if layout is not None:
                while pending:
                    more = self.reach([*together, pending[0]], limit=self.capacity)
                    wider = self.fitting(more)
                    if wider is None:
                        break
                    together.append(pending.pop(0))
                    whole, layout = more, wider
                if len(together) > 1 and pending:
                    whole, layout = self._even_out(together, pending, whole, layout)
            before = len(self.pages)
            if layout is None or len(together) == 1:  # no layout: the team alone needs pages of its own
                yield self._place(together, self._title_for(together[0]), self._managers_note(together), page.key)
            else:
                self.page(self._shared_title(_reading_order(together, layout)), self._managers_note(together), whole, layout, page.key)
            for pid in together:
                page.continued[pid] = [p.key for p in self.pages[before:]
                                       if p.parent == page.key and pid in p.posts]

    def _even_out(self, together: list[str], pending: list[str], whole: set[str],
                  layout: Trial) -> tuple[set[str], Trial]:
        """When the teams left after `together` fit one page but would fill under a quarter of it, move teams
        from the end of `together` to the front of `pending` while both pages still fit, as evenly as they
        go: two pages half full read better than a full one and a nearly empty one. Returns `together`'s
        posts and layout (the lists are changed in place)."""
        quarter = self.frame.width * self.frame.height / 4
        rest = self.reach(pending, limit=self.capacity)
        cards = len(rest) * PRINT_LAYOUT.card_width * self.lowest * self.frame.min_scale ** 2
        if cards > quarter:  # cards never overlap: the rest fills a quarter of a page whatever the layout
            return whole, layout
        last = self.fitting(rest)
        if last is None or self._area(last) > quarter:
            return whole, layout
        best, moves = self._area(last), 0
        chosen = whole, layout
        for count in range(1, len(together)):
            first = self.reach(together[:-count], limit=self.capacity)
            second = self.fitting(self.reach([*together[-count:], *pending], limit=self.capacity))
            kept = self.fitting(first)
            if second is None or kept is None:
                break
            if min(self._area(kept), self._area(second)) > best:
                best, moves, chosen = min(self._area(kept), self._area(second)), count, (first, kept)
        if moves:
            pending[:0] = together[-moves:]
            del together[-moves:]
        return chosen

    def _share_out(self, roots: list[str], title: str, subtitle: str, parent: int | None) -> _Task:
        """`roots` with their direct reports do not fit one page: deal them over several pages."""
        if len(roots) > 1:  # many unconnected tops: deal the tops themselves out
            chunks = self._chunks([], roots)
            for number, chunk in enumerate(chunks, start=1):
                yield self._place(chunk, title + _part(number, len(chunks)), subtitle, parent)
            return
        root = roots[0]
        halves = self._whole_teams(root)
        if halves is not None:  # a few pages of whole teams say more than a page of bare tops
            for number, (posts, part) in enumerate(halves, start=1):
                self.page(title + _part(number, len(halves)), subtitle, posts, part, parent)
            return
        chunks = self._by_group(root) or self._chunks(roots, self.reports[root])
        deepest = [self._deepest(chunk, extra={root}) for chunk in chunks]  # planned before any part is placed
        parts = [self.page(title + _part(number, len(chunks)), subtitle, shown, layout, parent)
                 for number, (shown, layout) in enumerate(deepest, start=1)]  # parts follow each other
        for page in parts:
            yield self._continue(page)

    def _by_group(self, root: str) -> list[list[str]] | None:
        """`root`'s reports in two parts, the heads of other groups and the posts of its own (a chief
        executive's directors, then the office), when each fits a page with `root`; else None."""
        group = self.structure.posts[root].group
        own = [kid for kid in self.reports[root] if self.structure.posts[kid].group == group]
        others = [kid for kid in self.reports[root] if self.structure.posts[kid].group != group]
        if not own or not others or any(self.fitting([root, *part]) is None for part in (others, own)):
            return None
        return [others, own]

    def _deepest(self, tops: list[str], extra: set[str]) -> tuple[set[str], Trial]:
        """`extra` with `tops` and as many levels below them as fit (at least the tops)."""
        shown = extra | set(tops)
        layout = self.lay(shown)
        depth = 1
        while True:
            deeper = extra | self.reach(tops, depth)
            if deeper == shown:
                return shown, layout
            wider = self.fitting(deeper, reshape=True)
            if wider is None:
                return shown, layout
            shown, layout, depth = deeper, wider, depth + 1

    def _chunks(self, fixed: list[str], items: list[str]) -> list[list[str]]:
        """Split `items` into runs that fit a page together with `fixed` (at least one item each)."""
        chunks: list[list[str]] = []
        current: list[str] = []
        for item in items:
            if current and self.fitting([*fixed, *current, item]) is None:
                chunks.append(current)
                current = []
            current.append(item)
        if current:
            chunks.append(current)
        return self._balanced(fixed, chunks)

    def _balanced(self, fixed: list[str], chunks: list[list[str]]) -> list[list[str]]:
        """The same number of runs with their sizes evened out, when those fit too: "part 2 of 2"
        should not be one card left over."""
        if len(chunks) < 2:
            return chunks
        items = [item for chunk in chunks for item in chunk]
        size, extra = divmod(len(items), len(chunks))
        even, start = [], 0
        for number in range(len(chunks)):
            end = start + size + (1 if number < extra else 0)
            even.append(items[start:end])
            start = end
        if all(self.fitting([*fixed, *chunk]) is not None for chunk in even):
            return even
        return chunks

    def shared_pages(self) -> list[ChartPage]:
        """The pages with small ones put together: each continuation page goes on the first recent
        page after its own source page that still fits with it, so teams from several pages share
        one; every cross-reference follows (a shared page says which pages it continues)."""
        bins: list[list[_Draft]] = []
        bin_of: dict[int, int] = {}
        layouts: list[Trial] = []
        trees: list[list[tuple[float, float]]] = []
        for page in self.pages:
            target = None
            if page.parent is not None or page.key in self.loose and bins:
                # a team filling under a quarter of a page first tries the page it continues (under its manager),
                # then any page tries the recent pages after that one; a top with no line manager goes beside
                # the tops before it
                source = bin_of[page.parent] if page.parent is not None else 0
                small = self._area(page.layout) <= self.frame.width * self.frame.height / 4
                own = self.trees(page.layout)
                for index in [source] * small + list(range(max(source + 1, len(bins) - SHARING_WINDOW), len(bins))):
                    if page.parent is not None and index != source and len(bins[index]) == 1 and \
                            bins[index][0].parent is None:
                        continue
                    posts = [pid for other in bins[index] for pid in other.posts]
                    if layouts[index].options.card_height == page.layout.options.card_height and \
                            self._apart(set(posts), page.posts) and self.too_tall(trees[index] + own):
                        continue
                    layout = self.fitting(posts + page.posts)
                    if layout is not None:
                        target, layouts[index] = index, layout
                        trees[index] = self.trees(layout)
                        break
            if target is None:
                bins.append([page])
                layouts.append(page.layout)
                trees.append(self.trees(page.layout))
                target = len(bins) - 1
            else:
                bins[target].append(page)
            bin_of[page.key] = target
        pages: list[ChartPage] = []
        for index, (members, layout) in enumerate(zip(bins, layouts)):
            first = members[0]
            if all(bin_of[m.parent] == index for m in members[1:] if m.parent is not None):
                title, subtitle = first.title, first.subtitle  # teams that joined the page they continue
            else:
                title, subtitle = self._shared_title(_reading_order([member.posts[0] for member in members], layout)), ""
            printed = self._printed(index, title, subtitle, {pid for member in members for pid in member.posts}, layout)
            sources = [s for s in dict.fromkeys(bin_of[m.parent] for m in members if m.parent is not None)
                       if s != index]
            printed.parent = sources[0] if sources else None
            printed.also_from = sources[1:]
            continued = {pid: sorted(dict.fromkeys(bin_of[k] for k in keys if bin_of[k] != index))
                         for member in members for pid, keys in member.continued.items()}
            printed.continued = {pid: keys for pid, keys in continued.items() if keys}
            pages.append(printed)
        for printed in pages:
            for pid, keys in printed.continued.items():
                for key in keys:
                    if pid in pages[key].structure.posts:
                        pages[key].came_from[pid] = printed.key
        return pages

    def _printed(self, key: int, title: str, subtitle: str, posts: set[str], layout: Trial) -> ChartPage:
        """A page as printed: its posts cut out of the structure, its lines routed (a candidate page is
        judged by its trial layout alone, and most candidates are never printed)."""
        layout = self._roomier(posts, layout)
        return ChartPage(key, title, subtitle, self.subset(posts), self.trials.layout(layout), self.scale_for(layout))

    def _roomier(self, posts: set[str], layout: Trial) -> Trial:
        """A chart printed as a strip across a page mostly left empty (a wide row of teams, held to the page's
        width) with its rows wrapped narrower, when that prints it larger; else as it is."""
        scale = self.scale_for(layout)
        if scale >= self.frame.max_scale or \
                (layout.bounds.height + CONTINUATION_ALLOWANCE) * scale > self.frame.height / 2:
            return layout
        best, best_scale = layout, scale
        for share in ROOMIER_WRAPS:
            trial = self.lay(posts, replace(layout.options, wrap_width=layout.bounds.width * share))
            if self.scale_for(trial) > best_scale * 1.1:
                best, best_scale = trial, self.scale_for(trial)
        return best

    def _area(self, layout: Trial) -> float:
        """The room a layout takes on the page printed at the smallest readable scale, in square points."""
        scale = self.frame.min_scale
        return layout.bounds.width * scale * (layout.bounds.height + CONTINUATION_ALLOWANCE) * scale

    def _shared_title(self, tops: list[str]) -> str:
        """The title of a page carrying the teams of `tops`: each department named once ("Housing ·
        Planning"), and a department whose teams fill it alone marked as carried on ("Housing (continued)")."""
        names = list(dict.fromkeys(self._title_for(pid, short=True) for pid in tops))
        return f"{names[0]} (continued)" if len(names) == 1 and len(tops) > 1 else " \u00b7 ".join(names)

    def trees(self, layout: Trial) -> list[tuple[float, float]]:
        """The width and height of the cards of each reporting tree in `layout` (the posts on a page under
        each of its tops); none when its posts report in a circle."""
        top: dict[str, str] = {}
        for pid in layout.cards:
            path, current = [], pid
            while current not in top:
                path.append(current)
                manager = self.structure.posts[current].reports_to
                if manager in path:
                    return []
                if manager not in layout.cards:
                    top[current] = current
                    break
                current = manager
            for walked in path:
                top[walked] = top[current]
        extent: dict[str, Rect] = {}
        for pid, card in layout.cards.items():
            head = top[pid]
            extent[head] = extent[head].union(card) if head in extent else card
        return [(box.width, box.height) for box in extent.values()]

    def too_tall(self, trees: list[tuple[float, float]]) -> bool:
        """Whether reporting trees whose cards span these sizes cannot share a page (with cards as tall as
        they had): side by side in rows no wider than the page, they need rows enough to be taller than it.
        A quick test before laying them out together, which never refuses trees that would fit."""
        if not trees:
            return False
        o, frame = PRINT_LAYOUT, self.frame
        room_width = frame.width / frame.min_scale
        room_height = frame.height / frame.min_scale - CONTINUATION_ALLOWANCE
        if max(width for width, _ in trees) > room_width:
            return True
        rows = math.ceil((sum(width for width, _ in trees) + o.h_gap * len(trees)) / (room_width + o.h_gap) - 1e-9)
        heights = [height for _, height in trees]
        return max(heights) + (rows - 1) * (min(heights) + o.v_gap) > room_height + 1e-6

    def _apart(self, posts: set[str], others: Iterable[str]) -> bool:
        """Whether two sets of posts share no post and no reporting line: laid out together, each tree of
        either stays a tree of its own, as `too_tall` assumes."""
        others = set(others)
        return posts.isdisjoint(others) and \
            all(self.structure.posts[pid].reports_to not in others for pid in posts) and \
            all(self.structure.posts[pid].reports_to not in posts for pid in others)

    def _title_for(self, post_id: str, short: bool = False) -> str:
        """The post's group and title ("Children's Services: Director of …"); just one of them if `short`."""
        post = self.structure.posts[post_id]
        group = self.structure.groups.get(post.group) if post.group else None
        if group is None or group.name == post.title:
            return post.title
        return group.name if short else f"{group.name}: {post.title}"

    def _managers_note(self, post_ids: list[str]) -> str:
        """"Reports to …" when the posts given share a manager, else nothing (each card says where it is from)."""
        managers = {self.structure.posts[pid].reports_to for pid in post_ids}
        manager = managers.pop() if len(managers) == 1 else None
        return f"Reports to {self.structure.posts[manager].title}" if manager else ""


def _reading_order(tops: list[str], layout: Trial) -> list[str]:
    """`tops` in the order a reader meets their cards on the page: rows top to bottom (cards overlapping in
    height share a row: trees side by side start level but for their groups' headers), each row left to right."""
    placed = sorted((pid for pid in tops if pid in layout.cards), key=lambda pid: (layout.cards[pid].y, layout.cards[pid].x))
    ordered: list[str] = []
    row: list[str] = []
    for pid in placed:
        if row and layout.cards[pid].y >= min(layout.cards[other].bottom for other in row):
            ordered += sorted(row, key=lambda other: layout.cards[other].x)
            row = []
        row.append(pid)
    ordered += sorted(row, key=lambda other: layout.cards[other].x)
    return ordered + [pid for pid in tops if pid not in layout.cards]


def _run(task: _Task) -> None:
    """Run a planning step and every sub-step it hands over, depth first, without recursion."""
    stack = [task]
    while stack:
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
        else:
            stack.append(step)


def _capacity(frame: Frame, card_height: float) -> float:
    """The most cards a page could hold: laid out, cards never overlap, so a layout holding more
    than this many is bigger than the page at the smallest scale allowed and cannot fit."""
    if frame.min_scale <= 0:
        return math.inf
    room = (frame.width / frame.min_scale) * (frame.height / frame.min_scale - CONTINUATION_ALLOWANCE)
    return max(room, 0.0) / (PRINT_LAYOUT.card_width * card_height)


def _part(number: int, count: int) -> str:
    return f" (part {number} of {count})" if count > 1 else ""


def _stack_rows(frame: Frame, card_height: float, headers: int) -> int:
    """How many cards a stack column may hold so that a manager and its stack, inside `headers` groups'
    headers, fill a page's height at the smallest readable scale (a team continued on its own page)."""
    o = PRINT_LAYOUT
    room = frame.height / frame.min_scale - CONTINUATION_ALLOWANCE - card_height
    room -= headers * (o.group_header + 2 * o.group_padding)
    return max(2, int(room // (card_height + o.stack_gap)))


def _nesting(structure: Structure) -> int:
    """How many groups' headers can stand above a stack: a stack's cards sit in the groups of their own
    chain, nested to a depth of at most two under the manager's (and never more than the structure has)."""
    return min(max((depth + 1 for depth in structure.group_depths().values()), default=0), 2)


def _wrap_width(frame: Frame) -> float:
    """Rows of reports wrap at the page's width at the smallest readable scale, so a wide team
    takes two rows of a page rather than two pages."""
    return frame.width / frame.min_scale if frame.min_scale > 0 else 0.0
