"""Proposed pairs of a deleted and a new post, for snapshots whose references do not line up.

A body that renumbers its posts between two publications (HO_NHO000 → HO_NHO000v2) makes every
renumbered post look deleted and new. `suggest_matches` pairs them by how alike they are: title
(the most weight), grade, line manager (by id or, when those were renumbered too, by the manager's
title) and unit, each pair with a score from 0 to 1 and the reason in words. Pairs are one to one,
best first; the user accepts or rejects each (`review_matches` gives each pair with that decision).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..model import Post, Structure
from ..model.money import percent

TITLE_WEIGHT, GRADE_WEIGHT, MANAGER_WEIGHT, UNIT_WEIGHT = 0.5, 0.2, 0.2, 0.1
MIN_SCORE = 0.5
"""Below this a pair is too unlike to propose."""


@dataclass(frozen=True)
class MatchSuggestion:
    before: str
    """The deleted (current) post's id."""
    after: str
    """The new (proposed) post's id."""
    score: float
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {"before": self.before, "after": self.after, "score": round(self.score, 3), "reason": self.reason}


Pair = tuple[str, str]
"""(current post id, proposed post id)."""


def suggest_matches(before: Structure, after: Structure, min_score: float = MIN_SCORE,
                    accepted: Collection[Pair] = (), rejected: Collection[Pair] = ()) -> list[MatchSuggestion]:
    """One-to-one pairs of a post only in `before` and a post only in `after`, best score first.

    Pairs the user `accepted` are kept whatever their score, and their posts are in no other pair;
    pairs the user `rejected` are never proposed (their posts may pair with others)."""
    deleted = [p for pid, p in before.posts.items() if pid not in after.posts and p.context is None]
    new = [p for pid, p in after.posts.items() if pid not in before.posts and p.context is None]
    deleted_ids, new_ids = {p.id for p in deleted}, {p.id for p in new}
    fixed = [_score(before, after, before.posts[b], after.posts[a]) for b, a in accepted
             if b in deleted_ids and a in new_ids]
    by_word: dict[str, list[Post]] = {}
    for post in new:
        for word in _words(post.title):
            by_word.setdefault(word, []).append(post)
    scored: list[MatchSuggestion] = []
    for old in deleted:
        candidates = {p.id: p for word in _words(old.title) for p in by_word.get(word, ())}
        for candidate in candidates.values():
            if (old.id, candidate.id) in rejected:
                continue
            suggestion = _score(before, after, old, candidate)
            if suggestion.score >= min_score:
                scored.append(suggestion)
    scored.sort(key=lambda s: (-s.score, s.before, s.after))
    taken_before = {s.before for s in fixed}
    taken_after = {s.after for s in fixed}
    chosen = list(fixed)
    for suggestion in scored:
        if suggestion.before in taken_before or suggestion.after in taken_after:
            continue
        taken_before.add(suggestion.before)
        taken_after.add(suggestion.after)
        chosen.append(suggestion)
    chosen.sort(key=lambda s: (-s.score, s.before, s.after))
    return chosen


def review_matches(before: Structure, after: Structure) -> list[tuple[MatchSuggestion, bool | None]]:
    """The suggested pairs with the user's decision (True accepted, False rejected, None not yet),
    as kept in `after`'s proposal; rejected pairs whose posts are still deleted and new come last."""
    decisions = {(m.before, m.after): m.accepted for m in after.proposal.matches}
    accepted = [pair for pair, yes in decisions.items() if yes]
    rejected = [pair for pair, yes in decisions.items() if not yes]
    reviewed: list[tuple[MatchSuggestion, bool | None]] = [
        (s, decisions.get((s.before, s.after))) for s in suggest_matches(before, after, accepted=accepted,
                                                                         rejected=rejected)]
    for b, a in rejected:
        if b in before.posts and b not in after.posts and a in after.posts and a not in before.posts:
            reviewed.append((_score(before, after, before.posts[b], after.posts[a]), False))
    return reviewed


def pair_score(before: Structure, after: Structure, old: Post, new: Post) -> MatchSuggestion:
    """How alike a current and a proposed post are (title, grade, line manager, unit), with the reason."""
    return _score(before, after, old, new)


def title_likeness(old: str, new: str) -> float:
    """0 to 1: how alike two job titles read (1 the same, ignoring case and punctuation)."""
    return SequenceMatcher(None, _normal(old), _normal(new)).ratio()


def shares_a_word(old: str, new: str) -> bool:
    """Whether two titles have a word in common (other than 'of', 'and', 'the'…), as a pair here must."""
    return bool(_words(old) & _words(new))


def _words(title: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in {"of", "and", "the", "for", "to"}}


def _normal(text: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (text or "").lower()))


def _score(before: Structure, after: Structure, old: Post, new: Post) -> MatchSuggestion:
    reasons: list[str] = []
    title = title_likeness(old.title, new.title)
    reasons.append("same title" if title == 1
                   else f"title {percent(round(title, 2))} alike ('{old.title}' → '{new.title}')")
    grade = 1.0 if old.grade is not None and old.grade == new.grade else 0.0
    reasons.append(f"same grade ({old.grade})" if grade else "different grade")
    manager = _manager_likeness(before, after, old, new)
    reasons.append({1.0: "same line manager", 0.8: "a line manager of the same title"}.get(manager,
                                                                                          "different line manager"))
    unit = 1.0 if _unit(before, old) == _unit(after, new) else 0.0
    reasons.append("same unit" if unit else "different unit")
    score = TITLE_WEIGHT * title + GRADE_WEIGHT * grade + MANAGER_WEIGHT * manager + UNIT_WEIGHT * unit
    return MatchSuggestion(old.id, new.id, score, ", ".join(reasons))


def _manager_likeness(before: Structure, after: Structure, old: Post, new: Post) -> float:
    if old.reports_to is None and new.reports_to is None:
        return 1.0
    if old.reports_to is None or new.reports_to is None:
        return 0.0
    if old.reports_to == new.reports_to:
        return 1.0
    old_manager, new_manager = before.posts.get(old.reports_to), after.posts.get(new.reports_to)
    if old_manager is not None and new_manager is not None and _normal(old_manager.title) == _normal(new_manager.title):
        return 0.8
    return 0.0


def _unit(structure: Structure, post: Post) -> str:
    return _normal(structure.groups[post.group].name) if post.group in structure.groups else ""
