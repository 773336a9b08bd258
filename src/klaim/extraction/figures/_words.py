"""Word lists as regexes: the boundaries figures use and one alternation per list.

Shared by the table loader (`_lexicon`) and the pattern builder (`_patterns`), which must not
import each other.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

# A word boundary that treats digits and letters alike: figures never start inside a token.
_WB_L = r"(?<![^\W_])"
_WB_R = r"(?![^\W_])"
# Words may follow digits directly ("20ribu", "5Rp", "10km"), just not other letters.
_LB_WORD = r"(?<![^\W\d_])"
# What may stand right before a qualifier ("sekitar", "about") besides white space
QUALIFIER_OPENERS = "(\"'“"
# The character classes of those two look-behinds (a branch keeps the class, not the pattern)
_BEHIND = {_WB_L: r"[^\W_]", _LB_WORD: r"[^\W\d_]"}


def norm(s: str) -> str:
    """Lookup key: lower case, inner whitespace collapsed (tables write one space)."""
    return " ".join(s.split()).lower()


class Branch(NamedTuple):
    """One word of an alternation: its first character, whether it matches in any case, the
    character class that must not precede it ("" for none) and its pattern from the first
    character on (``re.escape`` of that character, then the rest)."""

    first: str
    ci: bool
    behind: str
    body: str

    @property
    def pattern(self) -> str:
        look = f"(?<!{self.behind})" if self.behind else ""
        return _case(self.ci, look + self.body)

    def after_first(self) -> str:
        """The pattern once the first character is read: the look-behind moves back one."""
        look = f"(?<!{self.behind}.)" if self.behind else ""
        return _case(self.ci, look + self.body[len(re.escape(self.first)):])


def _case(ci: bool, p: str) -> str:
    return f"(?i:{p})" if ci and p else p


def word_branch(w: str, ci: bool, bounded: bool, joiner: str = r"\s+") -> Branch:
    """The branch of a word (its parts joined by ``joiner``), bounded by the figure boundaries
    when ``bounded``."""
    body = joiner.join(re.escape(p) for p in w.split())
    behind = ""
    if bounded and w[:1].isalnum():
        behind = _BEHIND[_WB_L if w[:1].isdigit() else _LB_WORD]
    if bounded and w[-1:].isalnum():
        body += _WB_R
    return Branch(w[:1], ci, behind, body)


def alt(words: Any, *, ci: bool = True, bounded: bool = True) -> str:
    """One alternation, longest first so that Python's first-match acts as longest-match."""
    return by_first_char(alt_branches(words, ci=ci, bounded=bounded))


def alt_branches(words: Any, *, ci: bool = True, bounded: bool = True) -> list[Branch]:
    """The branches of ``alt``, longest word first."""
    return [word_branch(w, ci, bounded) for w in sorted({str(w) for w in words}, key=len, reverse=True)]


def by_first_char(parts: list[Branch]) -> str:
    """The alternation of ``parts``, with the branches grouped by their first character, each
    group behind a character class that reads that character.

    Python's engine tries every branch of an alternation in turn, and each of these starts with
    a look-behind: a list of hundreds of words cost microseconds at every position it was tried.
    A branch that starts with a plain character class is skipped by the engine at the cost of
    one table look-up when the class does not hold the character at hand, so each group starts
    with the exact characters its words can start with (both cases of an ASCII letter), reads
    it, and its words go on with their look-behinds moved one character back. The match is the
    same: a character is read by one group only, and within a group the branches keep their
    order. Words that start with an ASCII letter in any case also match a few other letters
    (the Kelvin sign, dotless i, long s; ``FOLDED_LETTERS``): those are read by one last group
    that checks each word's first letter as the word's own pattern would. Other first letters ("µg", "Å") share
    one group behind a look-ahead, unless one of them folds to an ASCII letter (the Kelvin
    sign), which leaves the list one alternation.
    """
    if not parts:
        return "(?!)"
    if any(_ungroupable(p) for p in parts):
        return "(?:" + "|".join(p.pattern for p in parts) + ")"
    groups: dict[str, list[Branch]] = {}
    for p in parts:
        groups.setdefault(p.first.lower() if _caseless_or_ascii(p.first) else "", []).append(p)
    out = [_read_first(members) if key else _behind_look_ahead(members) for key, members in groups.items()]
    folded = [p for p in parts if p.ci and p.first.lower() in FOLDED_LETTERS]
    if folded:
        out.append(_other_case_forms(folded))
    return "(?:" + "|".join(out) + ")"


def _ungroupable(p: Branch) -> bool:
    return (len(p.first) != 1 or p.first.isspace() or not p.body.startswith(re.escape(p.first))
            or (_FOLDS_TO_ASCII.fullmatch(p.first) is not None and not p.first.isascii()))


def _accepts(p: Branch) -> frozenset[str]:
    """The ASCII characters (or the one caseless symbol) the first character of ``p`` matches."""
    return frozenset({p.first.lower(), p.first.upper()} if p.ci else {p.first})


def _char_class(chars: frozenset[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _read_first(members: list[Branch]) -> str:
    """A group of words whose first character is one ASCII letter (either case) or one symbol."""
    read = frozenset().union(*(_accepts(p) for p in members))
    if len({(p.ci, p.behind) for p in members}) == 1 and all(_accepts(p) == read for p in members):
        # the common case: one look-behind for the group, not one per word
        p = members[0]
        look = f"(?<!{p.behind}.)" if p.behind else ""
        rests = "|".join(q.body[len(re.escape(q.first)):] for q in members)
        return _char_class(read) + look + _case(p.ci, f"(?:{rests})")
    branches = []
    for p in members:
        # a word that takes fewer of the group's characters checks the one just read
        check = "" if _accepts(p) == read else f"(?<={_char_class(_accepts(p))})"
        branches.append(check + p.after_first())
    return _char_class(read) + "(?:" + "|".join(branches) + ")"


def _other_case_forms(folded: list[Branch]) -> str:
    """Words starting with an ASCII letter in any case, at a non-ASCII character that letter
    matches in Python's case-insensitive matching (the Kelvin sign for k)."""
    by_letter: dict[str, list[Branch]] = {}
    for p in folded:
        by_letter.setdefault(p.first.lower(), []).append(p)
    letters = "".join(sorted(by_letter))
    groups = [f"(?<=(?i:{c}))(?:" + "|".join(p.after_first() for p in ps) + ")" for c, ps in by_letter.items()]
    return rf"[^\x00-\x7f](?<=(?i:[{letters}]))(?:" + "|".join(groups) + ")"


def _behind_look_ahead(members: list[Branch]) -> str:
    """Words starting with non-ASCII letters: one group behind a look-ahead for those letters."""
    exact = "".join(re.escape(c) for c in sorted({p.first for p in members if not p.ci}))
    folded = "".join(re.escape(c) for c in sorted({p.first for p in members if p.ci}))
    guard = "|".join(([f"[{exact}]"] if exact else []) + ([f"(?i:[{folded}])"] if folded else []))
    return f"(?={guard})(?:" + "|".join(p.pattern for p in members) + ")"


_FOLDS_TO_ASCII = re.compile("(?i:[a-z])")
# The ASCII letters that other characters match in Python's case-insensitive matching: dotted
# and dotless i (İ, ı), the Kelvin sign (K), long s (ſ). Checked against every character by
# tests/test_figures_words.py.
FOLDED_LETTERS = frozenset("iks")


def _caseless_or_ascii(c: str) -> bool:
    """An ASCII letter or digit, or a character without case (a digit, a symbol)."""
    return (c.isascii() and c.isalnum()) or (not c.isalpha() and c.lower() == c == c.upper())
