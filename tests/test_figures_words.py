"""Word lists become one regex alternation; grouping its branches by first character (for speed)
must not change what matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from klaim.extraction.figures._words import FOLDED_LETTERS, Branch, alt, alt_branches, by_first_char, word_branch

# ASCII letters in both cases, digits, symbols, letters with special case folding (µ and the
# Greek mu, the Kelvin sign, long s, dotless i), spaces inside phrases, full stops around them
_CHARS = "aAbBkKsSiI1$%°µμÅKſı"
_WORD = st.text(_CHARS + " ", min_size=1, max_size=4).map(str.strip).filter(bool)
_TEXT = st.text(_CHARS + " .", max_size=24)


def _same_matches(grouped: re.Pattern[str], plain: re.Pattern[str], text: str) -> None:
    for i in range(len(text) + 1):
        a, b = grouped.match(text, i), plain.match(text, i)
        assert (a and a.span()) == (b and b.span()), (text, i)


def _plain(parts: list[Branch]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(p.pattern for p in parts) + ")")


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=12), st.booleans(), st.booleans(), _TEXT)
def test_grouped_word_list_matches_as_the_plain_alternation(words: list[str], ci: bool, bounded: bool,
                                                           text: str) -> None:
    _same_matches(re.compile(alt(words, ci=ci, bounded=bounded)), _plain(alt_branches(words, ci=ci, bounded=bounded)),
                  text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORD, st.booleans(), st.booleans()), min_size=1, max_size=12), _TEXT)
def test_mixed_case_sensitivity_matches_as_the_plain_alternation(items: list[tuple[str, bool, bool]],
                                                                text: str) -> None:
    # per word: its case sensitivity and whether it is bounded, as the unit lists mix them
    parts = [word_branch(w, ci, bounded) for w, ci, bounded in items]
    _same_matches(re.compile(by_first_char(parts)), _plain(parts), text)


def test_a_long_list_is_grouped() -> None:
    pattern = alt(["dua", "delapan", "tiga", "Tiga puluh", "$", "µg"])
    # d, t and $ each read their first character with a plain class (the engine skips such a
    # branch with one table look-up); the non-ASCII letters share one look-ahead
    assert pattern.count("[Dd]") == 1 and pattern.count("[Tt]") == 1 and pattern.count("[\\$]") == 1
    assert pattern.count("(?=") == 1
    assert re.fullmatch(pattern, "TIGA puluh") and re.fullmatch(pattern, "µg") and not re.match(pattern, "xdua")


def test_a_group_checks_its_look_behind_once() -> None:
    pattern = alt(["satu", "sebelas", "sepuluh"])
    assert pattern.startswith(r"(?:[Ss](?<![^\W\d_].)(?i:(?:")  # not once per word
    assert re.compile(pattern).match("sepuluh") and re.compile(pattern).match("asepuluh", 1) is None


def test_the_letters_other_characters_fold_to_are_known() -> None:
    # every non-ASCII character, matched without case against the ASCII letters
    others = "".join(chr(i) for i in range(0x80, 0x110000) if not 0xD800 <= i < 0xE000)
    folded = {c for c in "abcdefghijklmnopqrstuvwxyz" if re.search(f"(?i:{c})", others)}
    assert folded == set(FOLDED_LETTERS)
