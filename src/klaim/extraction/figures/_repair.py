"""Text damaged by a wrong decoding (UTF-8 read as Windows-1252: '23Â°C', 'â‰¥77,5', 'â€“').

The figure grammar reads the repaired characters, and every span is mapped back to the text as
given, so offsets stay on the original. Nothing language-specific here: the damage is a property
of the two encodings, so the sequences are derived from them rather than listed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from klaim.schema import Figure


class DamagedFigure(Figure):
    """A figure read through encoding damage: the same data, ``damaged`` is True."""

    @property
    def damaged(self) -> bool:
        return True


def _cp1252(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined there, kept as Latin-1
        return bytes([b]).decode("latin-1")


@cache
def _damage_re() -> re.Pattern[str]:
    """A UTF-8 lead byte then its continuation bytes, each shown as its Windows-1252 character."""
    cont = "".join(re.escape(_cp1252(b)) for b in range(0x80, 0xC0))
    lead2 = "".join(re.escape(_cp1252(b)) for b in range(0xC2, 0xE0))
    lead3 = "".join(re.escape(_cp1252(b)) for b in range(0xE0, 0xF0))
    # one character class first, so the scan of clean text is a single fast pass
    return re.compile(rf"[{lead2}{lead3}](?:(?<=[{lead2}])[{cont}]|(?<=[{lead3}])[{cont}]{{2}})")


def _encode(s: str) -> bytes | None:
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            try:
                out += ch.encode("latin-1")
            except UnicodeEncodeError:
                return None
    return bytes(out)


@dataclass
class Repaired:
    """The repaired text and the way back: ``orig(i)`` is the original offset of repaired offset i."""

    text: str
    runs: list[tuple[int, int]]  # damaged stretches, as original offsets
    _starts: list[int]  # repaired offset where each replacement begins
    _shift: list[int]  # original minus repaired offset after each replacement
    _run_ends: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._run_ends = [b for _, b in self.runs]  # ascending, as the stretches are

    def orig(self, i: int) -> int:
        k = bisect_right(self._starts, i - 1) - 1  # replacements that begin before i
        return i + (self._shift[k] if k >= 0 else 0)

    def touches(self, start: int, end: int) -> bool:
        """Whether a damaged stretch lies in the span or right before it (its qualifier: '≥')."""
        k = bisect_right(self._run_ends, start - 2)  # the first stretch ending at start - 1 or later
        return k < len(self.runs) and self.runs[k][0] < end



def repair(text: str) -> Repaired | None:
    """The text with each decodable damaged sequence replaced by its character; None when there
    is none (the common case, checked with one regex scan)."""
    pat = _damage_re()
    if pat.search(text) is None:
        return None
    parts: list[str] = []
    runs: list[tuple[int, int]] = []
    starts: list[int] = []
    shift: list[int] = []
    pos = out_len = 0
    for m in pat.finditer(text):
        raw = _encode(m.group())
        try:
            fixed = raw.decode("utf-8") if raw else None
        except UnicodeDecodeError:
            fixed = None
        if not fixed:
            continue
        parts.append(text[pos:m.start()])
        out_len += m.start() - pos
        starts.append(out_len + len(fixed) - 1)
        parts.append(fixed)
        out_len += len(fixed)
        shift.append(m.end() - out_len)
        runs.append((m.start(), m.end()))
        pos = m.end()
    if not runs:
        return None
    parts.append(text[pos:])
    return Repaired("".join(parts), runs, starts, shift)
