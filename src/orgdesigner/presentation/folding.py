"""What a folded card says it stands for, and the words of a branch's chain of command."""

from __future__ import annotations

from ..analysis import Totals
from .figures import fte_text
from .money import money


def hidden_summary(totals: Totals) -> str:
    """'12 posts · 11.5 FTE · £640,000': the posts folded away under a card, with their FTE and net cost."""
    posts = f"{totals.posts:,} post{'s' if totals.posts != 1 else ''}"
    return f"{posts} · {fte_text(totals.fte)} FTE · {money(totals.net)}"
