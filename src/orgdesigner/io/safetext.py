"""Text made safe for a terminal and for a spreadsheet cell.

`terminal_safe` is for every line of text output that prints a title, name or note: control
characters and ANSI escape sequences from a file are shown escaped (``\\x1b[31m``) rather than
obeyed by the terminal. `neutralise_formula` makes a cell a spreadsheet could read as a formula
inert; `cell_safe` also replaces the control characters an .xlsx file cannot hold.
"""

from __future__ import annotations

import re

_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TERMINAL_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI_CONTROLS}]")
_TERMINAL_UNSAFE_KEEP_LINES = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}]")
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""What an .xlsx cell cannot hold (openpyxl's IllegalCharacterError)."""
FORMULA_SIGNS = "=+-@＝＋－＠"
"""Characters that start a formula in some spreadsheet program (fullwidth forms included)."""
FORMULA_PREFIX = "'"
"""Written before a cell that starts like a formula, so spreadsheet programs show it as text."""
_LEADING_BLANKS = " \t\r\n\u3000"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, keep_newlines: bool = False) -> str:
    """`text` with control characters (ESC included, so every ANSI sequence) and bidirectional
    overrides written as visible escapes; newlines kept only if `keep_newlines`."""
    pattern = _TERMINAL_UNSAFE_KEEP_LINES if keep_newlines else _TERMINAL_UNSAFE
    return pattern.sub(_escape, text)


def looks_like_formula(text: str) -> bool:
    """True if a spreadsheet could read the cell as a formula: it starts with = + - or @ (or their
    fullwidth forms), also after leading spaces, tabs or line breaks."""
    return text.lstrip(_LEADING_BLANKS)[:1] in tuple(FORMULA_SIGNS)


def neutralise_formula(text: str) -> str:
    """The cell text, with a leading apostrophe if it could be read as a formula."""
    return FORMULA_PREFIX + text if looks_like_formula(text) else text


def restore_formula_text(text: str) -> str:
    """Undo `neutralise_formula` when a table written by this program is read back."""
    if text.startswith(FORMULA_PREFIX) and looks_like_formula(text[1:]):
        return text[1:]
    return text


def cell_safe(text: str) -> tuple[str, bool]:
    """Text an .xlsx cell can hold, neutralised as a formula, and whether control characters were
    replaced (by visible escapes such as ``\\x1b``)."""
    cleaned, count = _XLSX_ILLEGAL.subn(_escape, text)
    return neutralise_formula(cleaned), count > 0
