"""Word lists become one regex alternation; grouping its branches by first character (for speed)
must not change what matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from klaim.extraction.figures._words import alt, alt_branches, by_first_char

# ASCII letters in both cases, digits, symbols, letters with special case folding (µ and the
# Greek mu, the Kelvin sign, long s, dotless i), spaces inside phrases, full stops around them
_CHARS = "aAbBkKsSiI1$%°µμÅKſı"
_WORD = st.text(_CHARS + " ", min_size=1, max_size=4).map(str.strip).filter(bool)
_TEXT = st.text(_CHARS + " .", max_size=24)


def _same_matches(grouped: re.Pattern[str], plain: re.Pattern[str], text: str) -> None:
    for i in range(len(text) + 1):
        a, b = grouped.match(text, i), plain.match(text, i)
        assert (a and a.span()) == (b and b.span()), (text, i)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=12), st.booleans(), st.booleans(), _TEXT)
def test_grouped_word_list_matches_as_the_plain_alternation(words: list[str], ci: bool, bounded: bool,
                                                           text: str) -> None:
    plain = "(?:" + "|".join(p for _, _, p in alt_branches(words, ci=ci, bounded=bounded)) + ")"
    _same_matches(re.compile(alt(words, ci=ci, bounded=bounded)), re.compile(plain), text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORD, st.booleans()), min_size=1, max_size=12), _TEXT)
def test_mixed_case_sensitivity_matches_as_the_plain_alternation(items: list[tuple[str, bool]], text: str) -> None:
    parts = [(w[:1], ci, f"(?i:{re.escape(w)})" if ci else re.escape(w)) for w, ci in items]
    plain = "(?:" + "|".join(p for _, _, p in parts) + ")"
    _same_matches(re.compile(by_first_char(parts)), re.compile(plain), text)


def test_a_long_list_is_grouped() -> None:
    pattern = alt(["dua", "delapan", "tiga", "Tiga puluh", "$", "µg"])
    assert pattern.count("(?=") == 4  # d, t, $ and the non-ASCII letters
