"""The words a regular expression cannot match without: a look-up that rules a pattern out.

``required_words(source)`` reads the pattern's syntax tree and returns a set of words such that
whenever the pattern (compiled from ``source`` without flags) finds a match in a text, one of them
is a whole word of that text (a maximal run of ``\\w`` characters, as ``re.findall(r"\\w+", text)``
lists them), or None when it cannot tell. Most worthiness patterns open with a word list between
boundaries (``\\b(was|were|had)\\b``): one set look-up among the claim's words then answers for
the dozen character-by-character searches that would find nothing. Only sound steps are taken:
the literal strings of consecutive items (characters, classes of characters, alternatives and
groups of them) with what the items on either side guarantee about the characters next to them.
"""

from __future__ import annotations

import importlib
import re
from itertools import product
from typing import Any

# the parser ``re`` itself compiles patterns with (no stubs: its syntax tree is plain tuples)
sre: Any = importlib.import_module("re._parser")

_MAX_STRINGS = 512  # literal strings a run may expand to before it is no help
_WORD_CHAR = re.compile(r"\w")
_PIECE = re.compile(r"\w+")
_NON_WORD_CATEGORIES = frozenset({sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD})
_STARTS = frozenset({sre.AT_BEGINNING, sre.AT_BEGINNING_STRING})
_ENDS = frozenset({sre.AT_END, sre.AT_END_STRING})
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})

Items = list[tuple[Any, Any]]


def required_words(source: str, *, ignorecase: bool = False) -> frozenset[str] | None:
    """Words one of which is a whole word of any text ``re.compile(source)`` finds a match in.

    ``ignorecase``: for ``re.compile(source, re.IGNORECASE)``, the words in lower case, one of
    which is a whole word of the text lower-cased, when the text holds none of the characters
    outside ASCII that fold to an ASCII letter (İ ı ſ K: see ``_worthiness._FOLDS_TO_ASCII``;
    lower-casing keeps every other character's length and class). Only patterns whose letters
    are all ASCII are read then: an ASCII letter matches no other character.
    """
    if ignorecase and (_UNSAFE_WITHOUT_CASE.search(source) or any(
            not c.isascii() and (c.lower() != c or c.upper() != c) for c in source)):
        return None
    try:
        tree = sre.parse(source)
    except re.error:
        return None
    if tree.state.flags & (re.IGNORECASE | re.VERBOSE | re.ASCII | re.LOCALE):
        return None  # inline flags for the whole pattern: literal characters may match others
    words = _sequence(list(tree), False, False)
    return frozenset(w.lower() for w in words) if words is not None and ignorecase else words


# characters written as escapes (which may be letters outside ASCII)
_UNSAFE_WITHOUT_CASE = re.compile(r"\\[xuUN0-9]")


def _sequence(items: Items, left: bool, right: bool) -> frozenset[str] | None:
    """Required words of a sequence of items; ``left``/``right``: whether the characters before
    and after the sequence are known to be no word characters (or the text's edges)."""
    best: frozenset[str] | None = None
    k = 0
    while k < len(items):
        end = k
        while end < len(items) and _strings(items[end]) is not None:
            end += 1
        if end > k:
            found = _run(items[k:end], _left_ok(items, k, left), _right_ok(items, end, right))
            k = end
        else:
            found = _nested(items[k], _left_ok(items, k, left), _right_ok(items, k + 1, right))
            k += 1
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _nested(item: tuple[Any, Any], left: bool, right: bool) -> frozenset[str] | None:
    """Required words of a group or an alternation that is not all literal."""
    op, av = item
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return None if add_flags or del_flags else _sequence(list(inner), left, right)
    if op is sre.BRANCH:
        found: set[str] = set()
        for alternative in av[1]:
            words = _sequence(list(alternative), left, right)
            if words is None:
                return None
            found |= words
        return frozenset(found)
    return None


def _strings(item: tuple[Any, Any]) -> set[str] | None:
    """The finite set of strings an item matches, or None."""
    op, av = item
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN:
        return {chr(v) for o, v in av} if all(o is sre.LITERAL for o, _ in av) else None
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return None if add_flags or del_flags else _product(list(inner))
    if op is sre.BRANCH:
        found: set[str] = set()
        for alternative in av[1]:
            strings = _product(list(alternative))
            if strings is None:
                return None
            found |= strings
        return found if len(found) <= _MAX_STRINGS else None
    return None


def _product(items: Items) -> set[str] | None:
    out = {""}
    for item in items:
        strings = _strings(item)
        if strings is None:
            return None
        out = {a + b for a, b in product(out, strings)}
        if len(out) > _MAX_STRINGS:
            return None
    return out


def _run(items: Items, left: bool, right: bool) -> frozenset[str] | None:
    """One whole word of each string the run may match: a piece of word characters that the
    string itself, or a known edge, bounds on both sides. None if a string has none."""
    out: set[str] = set()
    for s in _product(items) or ():
        pieces = [m for m in _PIECE.finditer(s) if (m.start() or left) and (m.end() < len(s) or right)]
        if not pieces:
            return None
        out.add(max(pieces, key=lambda m: (m.end() - m.start(), m.start())).group())
    return frozenset(out) if out else None


def _non_word(item: tuple[Any, Any]) -> bool:
    """Does the item match only characters that are no word characters (at least one)?"""
    op, av = item
    if op is sre.LITERAL:
        return not _WORD_CHAR.match(chr(av))
    if op is sre.IN:
        return bool(av) and all((o is sre.LITERAL and not _WORD_CHAR.match(chr(v)))
                                or (o is sre.CATEGORY and v in _NON_WORD_CATEGORIES) for o, v in av)
    if op in _REPEATS:
        low, _high, inner = av
        return low >= 1 and len(inner) == 1 and _non_word(inner[0])
    return False


def _left_ok(items: Items, k: int, outer: bool) -> bool:
    """Is the character before item k no word character (or the text's start)?"""
    if k == 0:
        return outer
    op, av = items[k - 1]
    if op is sre.AT:
        return av is sre.AT_BOUNDARY or av in _STARTS
    if _non_word(items[k - 1]):
        return True
    if op in _REPEATS and av[0] == 0 and _closes_non_word(list(av[2])):
        return _left_ok(items, k - 1, outer)  # "^\W*(let's …)", "(\w+ly\s+)?(met …)": none, or some
    return False


def _right_ok(items: Items, k: int, outer: bool) -> bool:
    """Is the character at item k (after those before) no word character (or the text's end)?"""
    if k == len(items):
        return outer
    op, av = items[k]
    if op is sre.AT:
        return av is sre.AT_BOUNDARY or av in _ENDS
    if _non_word(items[k]):
        return True
    if op in _REPEATS and av[0] == 0 and _opens_non_word(list(av[2])):
        return _right_ok(items, k + 1, outer)  # "you('re)?\b": the optional part, or what follows
    if op is sre.SUBPATTERN and not av[1] and not av[2]:
        return _opens_non_word(list(av[3]))
    return False


def _opens_non_word(items: Items) -> bool:
    """Does every match of the sequence start with a character that is no word character?"""
    if not items:
        return False
    op, av = items[0]
    if op is sre.BRANCH:
        return all(_opens_non_word(list(alternative)) for alternative in av[1])
    if op is sre.SUBPATTERN and not av[1] and not av[2]:
        return _opens_non_word(list(av[3]))
    return _non_word(items[0])


def _closes_non_word(items: Items) -> bool:
    """Does every match of the sequence end with a character that is no word character?"""
    if not items:
        return False
    op, av = items[-1]
    if op is sre.BRANCH:
        return all(_closes_non_word(list(alternative)) for alternative in av[1])
    if op is sre.SUBPATTERN and not av[1] and not av[2]:
        return _closes_non_word(list(av[3]))
    return _non_word(items[-1])
