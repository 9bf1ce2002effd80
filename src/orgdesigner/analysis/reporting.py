"""The line-management graph the analysis walks: each post's direct reports, in the order they were linked.

A few dict operations are all the analysis needs (reports of a post, how many, link and unlink),
so this small class stands in for a general graph library, whose import alone took longer than
checking a 10,000-post structure (issue 14).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator


class ReportingLines:
    """Posts (nodes) and solid reporting lines (manager → report edges); a post has at most one manager."""

    def __init__(self, posts: Iterable[str] = (), lines: Iterable[tuple[str, str]] = ()) -> None:
        self._reports: dict[str, dict[str, None]] = {post: {} for post in posts}
        self._manager: dict[str, str] = {}
        for manager, report in lines:
            self.add_line(manager, report)

    def __contains__(self, post: object) -> bool:
        return post in self._reports

    def __iter__(self) -> Iterator[str]:
        return iter(self._reports)

    def add_post(self, post: str) -> None:
        self._reports.setdefault(post, {})

    def remove_post(self, post: str) -> None:
        """Forget a post with every line to and from it."""
        for report in self._reports.pop(post):
            del self._manager[report]
        manager = self._manager.pop(post, None)
        if manager is not None:
            del self._reports[manager][post]

    def add_line(self, manager: str, report: str) -> None:
        self._reports.setdefault(report, {})
        self._reports.setdefault(manager, {})[report] = None
        self._manager[report] = manager

    def remove_line(self, manager: str, report: str) -> None:
        del self._reports[manager][report]
        del self._manager[report]

    def reports(self, post: str) -> Iterator[str]:
        return iter(self._reports[post])

    def span(self, post: str) -> int:
        """How many direct reports a post has."""
        return len(self._reports[post])

    def spans(self) -> Iterator[tuple[str, int]]:
        """Every post with its number of direct reports."""
        return ((post, len(reports)) for post, reports in self._reports.items())
