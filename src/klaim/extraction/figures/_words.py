"""Word lists as regexes: the boundaries figures use and one alternation per list.

Shared by the table loader (`_lexicon`) and the pattern builder (`_patterns`), which must not
import each other.
"""

from __future__ import annotations

import re
from typing import Any

# A word boundary that treats digits and letters alike: figures never start inside a token.
_WB_L = r"(?<![^\W_])"
_WB_R = r"(?![^\W_])"
# Words may follow digits directly ("20ribu", "5Rp", "10km"), just not other letters.
_LB_WORD = r"(?<![^\W\d_])"


def norm(s: str) -> str:
    """Lookup key: lower case, inner whitespace collapsed (tables write one space)."""
    return " ".join(s.split()).lower()


def alt(words: Any, *, ci: bool = True, bounded: bool = True) -> str:
    """One alternation, longest first so that Python's first-match acts as longest-match."""
    return by_first_char(alt_branches(words, ci=ci, bounded=bounded))


def alt_branches(words: Any, *, ci: bool = True, bounded: bool = True) -> list[tuple[str, bool, str]]:
    """The branches of ``alt``, longest word first: (first character, case-insensitive?, pattern)."""
    parts = []
    for w in sorted({str(w) for w in words}, key=len, reverse=True):
        esc = r"\s+".join(re.escape(p) for p in w.split())
        if bounded and w[:1].isalnum():
            esc = (_WB_L if w[:1].isdigit() else _LB_WORD) + esc
        if bounded and w[-1:].isalnum():
            esc = esc + _WB_R
        parts.append((w[:1], ci, f"(?i:{esc})" if ci else esc))
    return parts


def by_first_char(parts: list[tuple[str, bool, str]]) -> str:
    """The alternation of ``parts`` (first character of the word, case-insensitive?, pattern),
    with the branches grouped by their first character behind a look-ahead for it.

    Python's engine tries every branch of an alternation in turn, and each of these starts with
    a look-behind: a list of hundreds of words cost microseconds at every position it was tried.
    Grouped, the engine tries one look-ahead per character and only the branches of the one at
    hand. The match is the same: a character passes the look-ahead of one group only, and within
    a group the branches keep their order. ASCII letters are grouped case-insensitively, digits
    and symbols (no case) alone; the other first letters ("µg", "Å") share one group, unless one
    of them folds to an ASCII letter (the Kelvin sign), which leaves the list one alternation.
    """
    if not parts:
        return "(?!)"
    groups: dict[str, list[tuple[str, bool, str]]] = {}
    for first, ci, p in parts:
        if len(first) != 1 or first.isspace() or (_FOLDS_TO_ASCII.fullmatch(first) and not first.isascii()):
            return "(?:" + "|".join(p for _, _, p in parts) + ")"
        key = first.lower() if _caseless_or_ascii(first) else ""
        groups.setdefault(key, []).append((first, ci, p))
    out = []
    for members in groups.values():
        exact = "".join(re.escape(c) for c in sorted({first for first, ci, _ in members if not ci}))
        folded = "".join(re.escape(c) for c in sorted({first for first, ci, _ in members if ci}))
        guard = "|".join(([f"[{exact}]"] if exact else []) + ([f"(?i:[{folded}])"] if folded else []))
        out.append(f"(?={guard})(?:" + "|".join(p for _, _, p in members) + ")")
    return "(?:" + "|".join(out) + ")"


_FOLDS_TO_ASCII = re.compile("(?i:[a-z])")


def _caseless_or_ascii(c: str) -> bool:
    """An ASCII letter or digit, or a character without case (a digit, a symbol)."""
    return (c.isascii() and c.isalnum()) or (not c.isalpha() and c.lower() == c == c.upper())
