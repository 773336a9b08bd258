"""Numerals to floats: digit strings with either separator convention, and number words."""

from __future__ import annotations

import math
import re

from klaim.extraction.figures._lexicon import Lexicon, norm

_MAX_DIGITS = 300  # float overflows past ~308 digits; longer runs get no value, not a crash
_SPLIT = re.compile(r"[\s\-]+")


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def parse_digits(s: str, lex: Lexicon) -> float | None:
    """'350.000' (id) or '350,000' (en) → 350000; decided by the language's marks and the shape.

    A single separator followed by exactly three digits is a thousands group ('12.345' in id,
    '12,345' in en); any other lone separator is a decimal mark, whichever it is, because news
    text mixes conventions ('1.3 %' in Indonesian, '1,5' in an English quote).
    """
    if len(s) > _MAX_DIGITS:
        return None
    dots, commas = s.count("."), s.count(",")
    if not dots and not commas:
        return _finite(float(s))
    if dots and commas:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        grp = "," if dec == "." else "."
        return _to_float(s, grp, dec)
    sep = "." if dots else ","
    groups = s.split(sep)
    if len(groups) > 2:
        return _to_float(s, sep, None) if all(len(g) == 3 for g in groups[1:]) else None
    if len(groups[1]) == 3 and groups[0] != "0" and (sep == lex.group or len(groups[0]) <= 3):
        return _to_float(s, sep, None)
    return _to_float(s, None, sep)


def _to_float(s: str, grp: str | None, dec: str | None) -> float | None:
    if grp:
        s = s.replace(grp, "")
    if dec:
        s = s.replace(dec, ".")
    try:
        return _finite(float(s))
    except ValueError:
        return None


def parse_words(s: str, lex: Lexicon) -> tuple[float | None, int]:
    """'dua ratus lima puluh ribu' → 250000. Returns the value and how many tokens form it.

    Small numbers accumulate in ``last``; 'puluh'/'ratus'/'hundred' multiply the last one in
    place, 'belas' adds ten to it, scale words close the group. A unit right after a unit
    ('dua tiga') ends the numeral there, so a list of numbers is not summed.
    """
    toks = [t for t in _SPLIT.split(s) if t]
    total, group, last, used = 0.0, 0.0, None, 0
    for i, raw in enumerate(toks):
        t = norm(raw)
        if t in lex.connectors and i:
            continue
        if t in lex.words or (not i and t in lex.articles):
            v = float(lex.words.get(t, 1.0))
            if last is not None and (last < 10 or v >= last or (last < 100 and v < 10 and last % 10)):
                break
            if last is not None:
                group += last
            last = v
        elif t in lex.local_mult:
            group += (last if last is not None else 1.0) * lex.local_mult[t]
            last = None
        elif t in lex.teens:
            group += (last if last is not None else 1.0) + lex.teens[t]
            last = None
        elif t in lex.scales:
            group += last or 0.0
            total += (group or 1.0) * lex.scales[t]
            group, last = 0.0, None
        else:
            break
        used = i + 1
    if not used:
        return None, 0
    return _finite(total + group + (last or 0.0)), used


def word_prefix_len(s: str, ntok: int) -> int:
    """Character length of the first ``ntok`` tokens of ``s`` (to shorten a word numeral)."""
    end = len(s)
    for count, m in enumerate(re.finditer(r"[^\s\-]+", s), 1):
        end = m.end()
        if count == ntok:
            break
    return end
