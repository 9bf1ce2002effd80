"""Withholding postholder names from everything an export prints (the one place redaction is done).

`Redactor.for_structures(...)` learns the postholders' names; `redact_text` replaces every form of
them in a text with WITHHELD; `redacted_structure` returns a copy of a structure with the names
removed from the name fields and every printed text field (titles, labels, notes, group names,
responsibilities, rota duties, benchmark notes…) passed through `redact_text`. Exporters (the PDF
chart and pack, the posts table, organograms, pictures) take the redacted copy, so no output can
print a name it was not given.

The forms of a name "Barbara Jane Smith-Jones" that are withheld, case-insensitively, with any
whitespace (a line break too) between the parts: the full name; the surname alone or after a
title (Mr, Ms, Mrs, Dr…), given names or initials ("B. Smith-Jones", "B J Smith-Jones",
"Barbara Smith-Jones"); a hyphenated surname written with a space or a line break instead of the
hyphen; and each part of a hyphenated surname after a title, a given name or an initial
("Ms Jones", "B. Smith").

`review_warnings` lists person-like text still left after redaction (a title or "PA:" followed
by capitalised words, an initial and a capitalised word) for the user to check by eye: names that
are not any postholder's cannot be known for sure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import Any

from ..model import Structure

WITHHELD = "Name withheld"

TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Cllr",
          "Councillor", "Rev", "Revd", "Reverend")
_TITLE = r"(?:" + "|".join(TITLES) + r")\.?"
_GAP = r"[\s\u00a0]+"
"""Between the parts of a name: any run of whitespace, line breaks included."""
_HYPHEN = r"(?:[\s\u00a0]*[-\u2010\u2011\u2012\u2013][\s\u00a0]*|[\s\u00a0]+)"
"""Between the parts of a hyphenated surname: a hyphen or dash (spaces around it allowed), or whitespace."""
_WORD = re.compile(r"\w+")


def _name_pattern(name: str) -> tuple[re.Pattern[str], list[str]] | None:
    """The pattern matching every withheld form of NAME, and the surname's parts (its key words)."""
    words = [w for w in re.split(r"[\s\u00a0]+", name.strip()) if w.strip(".,")]
    words = [w.strip(",") for w in words]
    if not words:
        return None
    if words[0].rstrip(".").lower() in {t.lower() for t in TITLES} and len(words) > 1:
        words = words[1:]  # "Dr Jane Smith": the title is not a given name
    surname, given = words[-1], words[:-1]
    parts = [p for p in re.split(r"[-\u2010\u2011\u2012\u2013]", surname) if p]
    if not parts:
        return None
    whole_surname = _HYPHEN.join(re.escape(p) for p in parts)
    givens = sorted({re.escape(g.rstrip(".")) for g in given if g.rstrip(".")}
                    | {re.escape(g[0]) for g in given if g[:1].isalpha()}, key=len, reverse=True)
    given_run = (r"(?:(?:" + "|".join(givens) + r")(?:\.[\s\u00a0]*|" + _GAP + r"))+") if givens else None
    lead_ins = [_TITLE + _GAP + (r"(?:" + given_run + r")?" if given_run else "")]
    if given_run:
        lead_ins.append(given_run)
    lead_in = r"(?:" + "|".join(lead_ins) + r")"
    forms = [lead_in + r"?" + whole_surname]
    if len(parts) > 1:
        forms.append(lead_in + r"(?:" + "|".join(re.escape(p) for p in parts) + r")")
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)", re.IGNORECASE)
    return pattern, [p.casefold() for p in parts]


class Redactor:
    """Withholds the names it was given from any text."""

    def __init__(self, names: Iterable[str]) -> None:
        self._by_word: dict[str, list[re.Pattern[str]]] = {}
        self._length: dict[re.Pattern[str], int] = {}
        for name in {n.strip() for n in names if n and n.strip()}:
            made = _name_pattern(name)
            if made is None:
                continue
            pattern, keys = made
            self._length[pattern] = len(name)
            for key in keys:
                self._by_word.setdefault(key, []).append(pattern)

    @classmethod
    def for_structures(cls, *structures: Structure | None) -> Redactor:
        """A redactor for the postholders (and job-share co-holders) of the structures given."""
        return cls(holder for s in structures if s is not None for post in s.posts.values()
                   for holder in (post.postholder, *post.co_holders) if holder)

    def __bool__(self) -> bool:
        return bool(self._by_word)

    def redact_text(self, text: str) -> str:
        """TEXT with every form of every known name replaced by WITHHELD.

        Only the names whose surname (or a part of it) is a word of the text are tried, so this
        costs time in proportion to the text, not to the number of names."""
        if not text or not self._by_word:
            return text
        found = {w.casefold() for w in _WORD.findall(text)} & self._by_word.keys()
        if not found:
            return text
        patterns = {p for word in found for p in self._by_word[word]}
        for pattern in sorted(patterns, key=self._length.__getitem__, reverse=True):  # longest names first
            text = pattern.sub(WITHHELD, text)
        return text


def _identifiers(structure: Structure) -> set[str]:
    """Strings that refer to something (ids, grade codes, tiers, months, categories): never
    rewritten, so the copy's references still hold."""
    keep = set(structure.posts) | set(structure.groups) | structure.post_references()
    keep |= set(structure.pay_scales)
    keep |= set(structure.benchmark.categories) | {c for c in [structure.benchmark.category] if c}
    keep |= {p.grade for p in structure.posts.values() if p.grade} | {p.tier for p in structure.posts.values() if p.tier}
    keep |= {item.id for item in structure.responsibilities}
    keep |= {m.month for m in structure.rota.months}
    return keep


def redacted_structure(structure: Structure, redactor: Redactor | None = None) -> Structure:
    """A copy of STRUCTURE with postholder names removed (marked withheld) and every text field
    passed through `redact_text`; by default withholding the structure's own postholders."""
    redactor = redactor or Redactor.for_structures(structure)
    body = structure.model_dump()
    for post in _posts_of(body):
        if post.get("postholder") or post.get("co_holders"):
            post["name_withheld"] = True
        post["postholder"] = None
        post["co_holders"] = []
    if redactor:
        keep = _identifiers(structure)
        _rewrite_strings(body, lambda text: text if text in keep else redactor.redact_text(text))
    return Structure.model_validate(body)


def _posts_of(body: dict[str, Any]) -> Iterator[dict[str, Any]]:
    posts = body.get("posts") or {}
    yield from (posts.values() if isinstance(posts, dict) else posts)


def _rewrite_strings(value: Any, rewrite: Any) -> None:
    """Rewrite every string value inside dicts and lists in place (keys and enumerated values such as
    a status stay), without recursion."""
    stack = [value]
    while stack:
        item = stack.pop()
        entries = item.items() if isinstance(item, dict) else enumerate(item)
        for key, inner in list(entries):
            if isinstance(inner, str) and not isinstance(inner, Enum):
                item[key] = rewrite(inner)
            elif isinstance(inner, (dict, list)):
                stack.append(inner)


_PERSON_LIKE = [
    (re.compile(r"(?<!\w)" + _TITLE + _GAP + r"[A-Z][\w'’-]+"), "a title and a name"),
    (re.compile(r"(?<!\w)PA(?::|\s+to)\s*[A-Z][\w'’-]+(?:" + _GAP + r"[A-Z][\w'’-]+)?"), "a PA's name"),
    (re.compile(r"(?<!\w)[A-Z]\.[\s\u00a0]*(?:[A-Z]\.[\s\u00a0]*)*[A-Z][a-z][\w'’-]+"), "an initial and a name"),
]


def review_warnings(structure: Structure, limit: int = 20) -> list[str]:
    """Person-like text left in what an export prints (after redaction), one line each, for the user
    to check: a title and a capitalised word, "PA:" and capitalised words, an initial and a word."""
    found: list[str] = []
    for where, text in _printed_texts(structure):
        for pattern, what in _PERSON_LIKE:
            match = pattern.search(text)
            if match:
                found.append(f"{where}: {match.group()!r} looks like {what}; check it is not a person's name")
                break
    if len(found) > limit:
        found = [*found[:limit - 1], f"… and {len(found) - limit + 1:,} more"]
    return found


def _printed_texts(structure: Structure) -> Iterator[tuple[str, str]]:
    yield "the structure's name", structure.name
    yield "the description", structure.description
    for group in structure.groups.values():
        yield f"group {group.id!r}", group.name
        yield f"group {group.id!r} notes", group.notes
    for post in structure.posts.values():
        yield f"post {post.id!r} title", post.title
        yield f"post {post.id!r} notes", post.notes
        for field, value in post.custom.items():
            yield f"post {post.id!r} {field}", value
        for line in post.dotted:
            yield f"post {post.id!r} dotted line label", line.label
    for item in structure.responsibilities:
        for field, value in item.model_dump(mode="json").items():
            if isinstance(value, str) and field != "id":
                yield f"responsibility {item.id!r} {field}", value


def names_to_review(*structures: Structure | None) -> list[str]:
    """`review_warnings` for what an export with names withheld would print from these structures
    (a pack prints two): each redacted as the exporters redact it, then searched."""
    given = [s for s in structures if s is not None]
    redactor = Redactor.for_structures(*given)
    found: list[str] = []
    for structure in given:
        prefix = f"{structure.scenario or structure.name}: " if len(given) > 1 else ""
        found += [prefix + line for line in review_warnings(redacted_structure(structure, redactor))]
    return found
