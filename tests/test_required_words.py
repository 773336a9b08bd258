"""The words a pattern needs (``required_words``) rule out only claims it cannot match: a match
always holds one of them, and check-worthiness with the look-up is what searching every pattern
gives."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import klaim
from klaim.extraction.claims import _worthiness
from klaim.extraction.claims._required_words import required_words

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_4081d66b315ef270.txt"
ENGLISH = ("I've met him. You're right, we've got to act; let's vote. He has been there since 2010 and "
           "they raised taxes. I'll never forget it: my plan was cut, the wasp hasn't flown, told me so. "
           "Number two, Senator Smith, you said it. We will support it; it was right now, as you know.")


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\bwas\b", {"was"}),
    (r"\b(was|were|had)\b", {"was", "were", "had"}),
    (r"^\W*(let's|let us)\b", {"let"}),
    (r"\byou('re|’re)?\b(?!\s+said)", {"you"}),
    (r"\b(told|asked) me\b", {"told", "asked"}),
    (r"\b(i|we)\s+(\w+ly\s+)?(met|saw)\b", {"i", "we"}),
    (r"\bmy (plan|view)\b|\bnever\b", {"plan", "view", "never"}),
])
def test_the_words_a_pattern_needs(pattern: str, words: set[str]) -> None:
    assert required_words(pattern) == words


@pytest.mark.parametrize("pattern", [
    r"was",                          # no boundaries: inside "wasp"
    r"\bwas",                        # the word may go on
    r"\b(has|had)\s*(not|never)\b",  # "hasnot": neither is a whole word
    r"\b(i|we)('|’)?(ve|m)?\b",      # "ive"
    r"\b(ab|)\b",                    # an empty alternative
    r"(?i)\bwas\b",                  # flags: its letters match others
    r"\b(?i:was)\b",
    r"\b\w+ed\b",
    r"\bwas\b|\b\d+\b",              # one alternative needs no word
])
def test_no_words_when_a_match_may_hold_none(pattern: str) -> None:
    assert required_words(pattern) is None


def test_words_of_a_pattern_read_without_case() -> None:
    assert required_words(r"^\W*(Mr|Mrs)\.?\s+(?-i:[A-Z])\w+", ignorecase=True) == {"mr", "mrs"}
    assert required_words(r"\b(étude|plan)\b", ignorecase=True) is None  # 'É' matches too
    assert required_words(r"\b\x41BC\b", ignorecase=True) is None
    assert required_words(r"\b(?-i:I)\b|\bme\b", ignorecase=True) is None


def _texts(lang: str) -> list[str]:
    """Claims of the seed or of English text, and the table's words glued to others."""
    text = SEED.read_text(encoding="utf-8") if lang == "id" else ENGLISH
    texts = [c.surface.lower() for c in klaim.extract(text, lang)] + re.split(r"(?<=[.;:])\s+", text.lower())
    t = _worthiness.table(lang)
    vocab = [*sorted({w for *_, words in t.searched if words for w in words}), "ed", "ly", "ve", "re", "not", "x"]
    rnd = random.Random(3)
    for _ in range(3000):
        texts.append("".join(rnd.choice(vocab) + rnd.choice([" ", "", "'", "’", "-", ", ", "_", "1"])
                             for _ in range(rnd.randint(1, 6))))
    return texts


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_match_always_holds_a_required_word(lang: str) -> None:
    t = _worthiness.table(lang)
    assert any(words for *_, words in t.searched)
    for text in _texts(lang):
        for surface in (text, text.title(), text.upper()):  # the patterns read without case see capitals
            lowered = surface.lower()
            found = set(re.findall(r"\w+", lowered))
            for _i, on_lowered, on_surface, words in t.searched:
                if words is not None and (on_lowered(lowered) if on_lowered else on_surface(surface)):
                    assert not found.isdisjoint(words), (surface, words)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_lexical_moves_are_those_of_every_pattern_searched(lang: str) -> None:
    t = _worthiness.table(lang)
    for text in _texts(lang):
        surface = text.capitalize()
        lowered = surface.lower()
        hits = _worthiness._phrase_hits(t, surface, lowered)
        hits |= {i for i, f in enumerate(t.lexical) if f.search(surface, lowered)}
        assert _worthiness._lexical_moves(t, surface, lowered) == [t.moves[i] for i in sorted(hits)]

