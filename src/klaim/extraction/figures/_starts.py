"""Which alternatives of a pattern can match at a given token, read off the parsed regex.

The date pattern is one alternation of some twenty expressions, and Python's engine tries each
of them at every token where a date may start: at "the", "a" or "that" in English text that was
most of the cost of finding figures. ``Dispatch`` keeps, for each ASCII token (a word in lower
case, a digit, a symbol), only the alternatives that can start with it, in their order: the
first alternative that matches is the same one, so the match is too. Other tokens get the whole
pattern.

What an alternative can start with is read from Python's own parse of it (``re._parser``, the
module ``re.compile`` uses), over the ASCII characters. The reading over-approximates: a node it
does not know (a group reference, a new kind of node) makes the alternative possible everywhere,
and look-arounds are ignored, so an alternative is only left out where it cannot match.
"""

from __future__ import annotations

import importlib
import re
import string
from dataclasses import dataclass, field
from functools import cache
from typing import Any

try:  # the parser behind re.compile; private, so its absence only turns the dispatch off
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python without it
    _parser = _c = None

_ASCII = frozenset(map(chr, range(128)))


@dataclass
class Reads:
    """What one regex node can read: ``ascii``, the ASCII characters; ``ends``, whether it can
    read a character that ends a word token (anything but a letter), ASCII or not."""

    ascii: frozenset[str]
    ends: bool


@dataclass
class Starts:
    """What a pattern can start with: ``words`` holds (prefix, closed) for an ASCII word token
    in lower case that must equal the prefix (closed) or begin with it; ``chars`` the digits and
    symbols it can start with; ``anything``: it may match at any token."""

    words: set[tuple[str, bool]] = field(default_factory=set)
    chars: set[str] = field(default_factory=set)
    anything: bool = False

    def allows(self, key: str) -> bool:
        """``key``: an ASCII word token in lower case, or the first character of a number or
        symbol token."""
        if self.anything:
            return True
        if not key[:1].isalpha():
            return key[:1] in self.chars
        return any(key == p if closed else key.startswith(p) for p, closed in self.words)


class _Reader:
    """Walks a parsed pattern from its first node, carrying the letters read so far."""

    def __init__(self) -> None:
        self.starts = Starts()

    def read(self, nodes: Any) -> None:
        for p in self._seq(nodes, {""}, False):
            self._open_end(p)  # the pattern may stop here: the token only has to begin so

    def _open_end(self, p: str) -> None:
        if p:
            self.starts.words.add((p, False))
        else:
            self.starts.anything = True

    def _seq(self, nodes: Any, opens: set[str], ci: bool) -> set[str]:
        for op, av in nodes:
            if not opens:
                break
            opens = self._node(op, av, opens, ci)
        return opens

    def _node(self, op: Any, av: Any, opens: set[str], ci: bool) -> set[str]:
        c = _c
        if op is c.ASSERT_NOT and not av[1]:  # "(?!)": nothing gets past it
            return set()
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero width: ignored, which only allows more
            return opens
        if op is c.SUBPATTERN:
            _, add, remove, sub = av
            return self._seq(sub, opens, bool((ci or add & re.IGNORECASE) and not remove & re.IGNORECASE))
        if op is c.ATOMIC_GROUP:
            return self._seq(av, opens, ci)
        if op is c.BRANCH:
            return set().union(*(self._seq(b, set(opens), ci) for b in av[1]))
        if op is c.GROUPREF_EXISTS:
            yes = self._seq(av[1], set(opens), ci)
            return yes | (self._seq(av[2], set(opens), ci) if av[2] is not None else opens)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            return self._repeat(av, opens, ci)
        reads = _reads(op, av, ci)
        if reads is None:
            for p in opens:
                self._open_end(p)
            return set()
        return self._consume(reads, opens)

    def _repeat(self, av: Any, opens: set[str], ci: bool) -> set[str]:
        lo, hi, sub = av
        once = self._seq(sub, set(opens), ci)
        if hi > 1:  # more rounds could add letters without end: the token begins with what is read
            for p in once - opens:
                self.starts.words.add((p, False))
            once &= opens
        return (opens | once) if lo == 0 else once

    def _consume(self, reads: Reads, opens: set[str]) -> set[str]:
        letters = {ch.lower() for ch in reads.ascii if ch.isalpha()}
        out: set[str] = set()
        for p in opens:
            if not p:
                self.starts.chars |= {ch for ch in reads.ascii if not ch.isalpha()}
            elif reads.ends:
                self.starts.words.add((p, True))  # a non-letter ends the word token here
            out |= {p + ch for ch in letters}
        return out


def _reads(op: Any, av: Any, ci: bool) -> Reads | None:
    """What a consuming node reads; None for a node the reader does not know."""
    c = _c
    if op is c.LITERAL:
        ch = chr(av)
        return Reads(_literal(ch, ci), not ch.isalpha())
    if op is c.NOT_LITERAL:
        return Reads(_ASCII - _literal(chr(av), ci), True)
    if op is c.ANY:
        return Reads(_ASCII - {"\n"}, True)
    if op is c.IN:
        return _in(av, ci)
    return None


def _literal(ch: str, ci: bool) -> frozenset[str]:
    if not ci:
        return frozenset({ch}) & _ASCII
    if ch.isascii():
        return frozenset({ch, ch.swapcase()})
    return _ascii_folds(ch)


@cache
def _ascii_folds(ch: str) -> frozenset[str]:
    """The ASCII letters a non-ASCII character matches without case ('K', the Kelvin sign: k)."""
    pat = re.compile(f"(?i:{re.escape(ch)})")
    return frozenset(a for a in string.ascii_letters if pat.fullmatch(a))


_CATEGORY_TESTS = {
    "DIGIT": str.isdecimal, "WORD": lambda a: a.isalnum() or a == "_", "SPACE": str.isspace,
    "LINEBREAK": lambda a: a in "\n\x0b\x0c\r\x1c\x1d\x1e",
}


def _in(items: Any, ci: bool) -> Reads:
    """A character class: its ASCII members (tested one by one) and whether it may end a token
    (any class that reaches past ASCII is taken to)."""
    c = _c
    negated = bool(items) and items[0][0] is c.NEGATE
    body = items[1:] if negated else items
    hit: set[str] = set()
    beyond = negated
    for op, av in body:
        member = _in_item(op, av, ci)
        if member is None:  # unknown: the class may read anything
            return Reads(_ASCII, True)
        hit |= member
        beyond = beyond or op is c.CATEGORY or (op is c.RANGE and av[1] > 127) \
            or (op is c.LITERAL and av > 127 and not chr(av).isalpha())
    members = _ASCII - hit if negated else frozenset(hit)
    return Reads(frozenset(members), beyond or any(not a.isalpha() for a in members))


def _in_item(op: Any, av: Any, ci: bool) -> frozenset[str] | None:
    c = _c
    if op is c.LITERAL:
        return _literal(chr(av), ci)
    if op is c.RANGE:
        lo, hi = av
        if ci and hi > 127:  # a range past ASCII, without case: which letters it folds to is not worked out
            return None
        inside = frozenset(a for a in _ASCII if lo <= ord(a) <= hi)
        return inside | {a.swapcase() for a in inside} if ci else inside
    if op is c.CATEGORY:
        name = av.name.replace("CATEGORY_", "").replace("UNI_", "")
        negate = name.startswith("NOT_")
        test = _CATEGORY_TESTS.get(name.removeprefix("NOT_"))
        if test is None:
            return None
        return frozenset(a for a in _ASCII if bool(test(a)) != negate)
    return None


def starts_of(pattern: str) -> Starts:
    """What ``pattern`` can start with (anything, when it cannot be read)."""
    if _parser is None:
        return Starts(anything=True)
    reader = _Reader()
    try:
        reader.read(_parser.parse(pattern))
    except Exception:  # an unreadable pattern is simply never left out
        return Starts(anything=True)
    return reader.starts


class Dispatch:
    """One alternation of named patterns, tried at a token with only the alternatives that can
    start there, each compiled on its own (once, when first needed) and tried in their order:
    the first that matches is what the whole alternation matches (same group names)."""

    def __init__(self, alternatives: dict[str, str]) -> None:
        self.alternatives = alternatives
        self._starts = {name: starts_of(p) for name, p in alternatives.items()}
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._by_key: dict[str, tuple[re.Pattern[str], ...]] = {}

    @property
    def full(self) -> re.Pattern[str]:
        """The whole alternation as one pattern."""
        return re.compile(_join(self.alternatives))

    def match(self, key: str, text: str, pos: int) -> re.Match[str] | None:
        """The alternation matched at ``pos``, a token whose ``key`` is the word in lower case,
        or the first character of a number or a symbol."""
        pats = self._by_key.get(key)
        if pats is None:
            pats = self._by_key[key] = self._patterns(key)
        for pat in pats:
            if m := pat.match(text, pos):
                return m
        return None

    def _patterns(self, key: str) -> tuple[re.Pattern[str], ...]:
        ascii_key = key.isascii() and bool(key)
        names = [n for n, st in self._starts.items() if not ascii_key or st.allows(key)]
        for n in names:
            if n not in self._compiled:
                self._compiled[n] = re.compile(f"(?P<{n}>{self.alternatives[n]})")
        return tuple(self._compiled[n] for n in names)


def _join(alternatives: dict[str, str]) -> str:
    return "|".join(f"(?P<{k}>{v})" for k, v in alternatives.items()) or "(?!)"
