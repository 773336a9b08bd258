"""A claim unit: a span of content with its speaker and the rules that made it, before it becomes
a claim record; and the sentence form of a unit's text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._speakers import SpeakerRef
from klaim.extraction.text import ends_sentence


@dataclass
class Unit:
    start: int
    end: int
    text: str
    sentence: tuple[int, int]
    speaker: SpeakerRef
    spans: list[tuple[int, int]] = field(default_factory=list)
    quote: bool = False
    role: str = "main"          # main, coordinated, clause, relative, apposition, residual
    cue: str | None = None      # attribution cue, which may itself hedge ("memperkirakan")
    skip: tuple[int, int] | None = None  # an inserted clause that is not part of this claim
    rules: tuple[str, ...] = ()  # names of the rules that made the unit and chose its speaker
    text_rules: tuple[str, ...] = ()  # rules that wrote its text otherwise than the span's words


_SPACES = re.compile(r"\s+")


def standalone(words: list[str]) -> str:
    """Join pieces into a sentence: capitalised first letter, final full stop."""
    s = " ".join(w.strip() for w in words if w and w.strip())
    s = _SPACES.sub(" ", s).strip(" ,;:")
    if not s:
        return s
    s = s[0].upper() + s[1:]
    return s if ends_sentence(s) else s + "."


def n_words(ctx: Ctx, i: int, j: int) -> int:
    return ctx.words_between(i, j)


def next_comma(ctx: Ctx, start: int, stop: int) -> int | None:
    return next((k for k in range(start, stop) if ctx.word(k) == ","), None)


def quote_depth_after(ch: str, depth: int) -> int:
    if ch in "“«":
        return depth + 1
    if ch in "”»" and depth:
        return depth - 1
    if ch == '"':
        return 0 if depth else 1  # straight marks toggle
    return depth


@cache
def first_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """The words that open the phrases (of a table key read once per language)."""
    return frozenset(p[0] for p in phrases if p)


def is_date_phrase(ctx: Ctx, a: int, k: int) -> bool:
    L = ctx.L
    return all(ctx.word(t) in L.time_words or ctx.word(t)[0].isdigit() or not ctx.is_word(t) for t in range(a, k))
LIST_ITEM = "standalone.list-item"  # a verbless list's item said alone, after its unit's label


def is_dash(ctx: Ctx, t: int) -> bool:
    w = ctx.word(t)
    return w in ("—", "–") or (w == "-" and ctx.word(t + 1) == "-")
