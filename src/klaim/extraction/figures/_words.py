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
    parts = []
    for w in sorted({str(w) for w in words}, key=len, reverse=True):
        esc = r"\s+".join(re.escape(p) for p in w.split())
        if bounded and w[:1].isalnum():
            esc = (_WB_L if w[:1].isdigit() else _LB_WORD) + esc
        if bounded and w[-1:].isalnum():
            esc = esc + _WB_R
        parts.append(f"(?i:{esc})" if ci else esc)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"
