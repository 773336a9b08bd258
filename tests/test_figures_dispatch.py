"""Shortcuts of the figure scan must not change what it finds: the date pattern compiled per
token with only the expressions that can start there (``_starts.Dispatch``) matches as the
whole pattern does, and the look-up before the qualifier pattern never rules out a qualifier
the pattern would find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klaim.extraction.figures._grammar import _may_end_with_qualifier
from klaim.extraction.figures._lexicon import lexicon
from klaim.extraction.figures._starts import Dispatch, starts_of
from klaim.extraction.figures._words import alt

_TOKEN = re.compile(r"\d+|[^\W\d_]+|\(")


def _keys(text: str) -> list[tuple[int, str]]:
    """Each token's start and the key the scan looks the pattern up by."""
    return [(m.start(), m.group()[0] if m.group()[0].isdigit() else m.group().lower())
            for m in _TOKEN.finditer(text)]


def _same_at_every_token(d: Dispatch, text: str) -> None:
    full = d.full
    for s, key in _keys(text):
        a, b = full.match(text, s), d.match(key, text, s)
        assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), (text, s, key)


def test_starts_read_from_the_pattern() -> None:
    the = starts_of(r"(?i:the)\s+\d")
    assert the.allows("the") and not the.allows("these") and not the.allows("5") and not the.allows("(")
    open_end = starts_of(r"(?i:to)day")  # nothing after it: a longer token may still match
    assert open_end.allows("today") and open_end.allows("todays") and not open_end.allows("to")
    assert starts_of(r"\(\s*\d").allows("(") and not starts_of(r"\(\s*\d").allows("1")
    assert starts_of(r"(?!)x|\d").allows("7") and not starts_of(r"(?!)x|\d").allows("x")
    assert starts_of(r"(a)?\1x").anything  # a group reference is not read: possible everywhere
    assert starts_of(r"(a)\1").allows("ab") and not starts_of(r"(a)\1").allows("b")
    assert starts_of(r"(?:x)?").anything  # may match the empty string


def test_a_letter_that_folds_to_ascii_is_read_as_that_letter() -> None:
    kelvin = starts_of("(?i:\u212aelvin)")  # the Kelvin sign matches k and K without case
    assert kelvin.allows("kelvin")


_WORDS = st.text("abtTKſı ", min_size=1, max_size=5).map(str.strip).filter(bool)
_TEXT = st.text("abtTKſı 12(-.", max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(_WORDS, min_size=1, max_size=4), st.booleans(), st.sampled_from(
    ["", r"\s+\d", r"\s*\(", r"(?:\s+x)?", r"\d*"])), min_size=1, max_size=5), _TEXT)
def test_dispatch_matches_as_the_whole_alternation(alts: list[tuple[list[str], bool, str]], text: str) -> None:
    d = Dispatch({f"a{i}": f"(?:{alt(words, ci=ci)}|\\d+-){tail}" for i, (words, ci, tail) in enumerate(alts)})
    _same_at_every_token(d, text)


def _table_words(lang: str) -> list[str]:
    lex = lexicon(lang)
    return sorted(set(lex.months) | set(lex.weekdays) | set(lex.relative) | set(lex.parts_of_day)
                  | set(lex.ordinal_words) | {str(w) for k in ("year_cue", "time_cue", "month_cue", "quarter_words")
                                              for w in lex.table.get(k) or []})


@pytest.mark.parametrize("lang", ["id", "en"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_date_dispatch_matches_the_date_pattern(lang: str, data: st.DataObject) -> None:
    words = [*_table_words(lang), "5", "12", "2024", "(", ")", "/", "-", ",", "the", "a", "of"]
    pieces = data.draw(st.lists(st.sampled_from(words), max_size=8))
    cased = [w.capitalize() if data.draw(st.booleans()) else w for w in pieces]
    text = data.draw(st.sampled_from([" ", ""])).join(cased)
    _same_at_every_token(lexicon(lang).date_at, text)


@pytest.mark.parametrize("lang", ["id", "en"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_the_qualifier_look_up_never_rules_out_a_qualifier(lang: str, data: st.DataObject) -> None:
    lex = lexicon(lang)
    words = [*sorted(lex.qualifiers), "harga", "naik", "(", "\"", "“", "x", "5"]
    pieces = data.draw(st.lists(st.sampled_from(words), max_size=5))
    text = data.draw(st.sampled_from([" ", "  ", "(", ""])).join(
        w.upper() if data.draw(st.booleans()) else w for w in pieces) + data.draw(st.sampled_from([" ", "", "\n"]))
    for lo in range(len(text) + 1):
        if lex.res["qualifier"].search(text, lo, len(text)):
            assert _may_end_with_qualifier(text, lo, len(text), lex), (text, lo)
