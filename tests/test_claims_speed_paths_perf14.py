"""Short cuts of session 14 (helper perf) give what the long way gives.

- A restated word is found in the claim's text and counted in the article's by a lower-cased
  search (``_standalone._alone``) when the word is ASCII and the text holds none of the four
  characters IGNORECASE matches to an ASCII letter: the same starts as the pattern made per word
  (``_standalone._word_re``) with the same ``pos`` and ``endpos``; any other text still goes
  through the pattern.
"""

from __future__ import annotations

import random

import pytest

from klaim.extraction.claims import _standalone
from klaim.extraction.claims._claim_unit import Unit
from klaim.extraction.claims._speakers import PUBLISHER


def _by_pattern(hay: str, word: str, pos: int, endpos: int) -> list[int]:
    return [m.start() for m in _standalone._word_re(word).finditer(hay, pos, endpos)]


@pytest.mark.parametrize(("hay", "word", "pos", "endpos"), [
    ("Budi dan budi-man, BUDI.", "budi", 0, 24),      # any case; not inside a hyphenated word
    ("xBudi Budi", "budi", 1, 10),                    # the character before pos bounds the word
    ("Budiman", "budi", 0, 4),                        # nothing after endpos does
    ("Budi_ Budi2 Budi", "budi", 0, 16),              # "_" and digits join a word
    ("kata Budi Budi", "budi", 5, 14),                # back to back
    ("Budi", "budi", 3, 1),                           # an empty stretch
    ("Joko Widodo dan Joko  Widodo", "joko widodo", 0, 28),
    ("Anies’ Anies-nya Anies", "anies", 0, 22),
])
def test_alone_finds_what_the_pattern_finds(hay: str, word: str, pos: int, endpos: int) -> None:
    assert _standalone._alone(hay, word.lower(), pos, endpos) == _by_pattern(hay, word, pos, endpos)


def test_alone_agrees_with_the_pattern_on_random_text() -> None:
    rnd = random.Random(14)
    letters = ["a", "b", "A", "B", "-", "_", " ", "é", "1", ".", "’", "ß"]
    found = 0
    for _ in range(20_000):
        word = "".join(rnd.choice("abAB. -") for _ in range(rnd.randint(1, 3)))
        # pieces of text and the word itself in any case, so that it is found often
        pieces = [*letters, word, word.upper(), word.lower()]
        hay = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        pos, endpos = rnd.randint(0, len(hay) + 1), rnd.randint(0, len(hay) + 2)
        want = _by_pattern(hay, word, pos, endpos)
        assert _standalone._alone(hay, word.lower(), pos, endpos) == want, (hay, word, pos, endpos)
        found += bool(want)
    assert found > 500  # the words were found often, not only missed


@pytest.mark.parametrize("text", [
    "Kata Budi, harga naik. Budi menambahkan bahwa harga Budi turun.",
    "Menurut İsmail, harga naik. Ismail menambahkan bahwa harga ısmail turun.",  # İ and ı: the pattern
    "Temperatur 5 \u212aelvin, kata Kelvin. Kelvin menambahkan bahwa KELVIN turun.",  # the Kelvin sign
])
def test_occurrences_match_the_pattern_with_or_without_folding_characters(text: str) -> None:
    word = "Ismail" if "smail" in text else "Kelvin" if "elvin" in text else "Budi"
    start = text.index(". ") + 2
    u = Unit(start, len(text), text[start:].replace(word, "X " + word), (start, len(text)), PUBLISHER, [])
    for s in [i for i in range(start, len(text)) if text.startswith(word, i)]:
        old = _standalone._word_re(word)
        want = ([m.span() for m in old.finditer(u.text)], len(old.findall(text, u.start, s)),
                len(old.findall(text, u.start, u.end)))
        assert _standalone._occurrences(text, u, u.text, s, s + len(word)) == want
