"""The short cuts that make per-claim work cheaper give what the long way gives.

Each test runs the long way beside the short cut on the same input: a token range searched over
the whole article, a full-text search for a word after a word, and the modality and type rules
with every cue list looked up one by one.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import klaim
from klaim.extraction.claims import _claim_unit, _modality, _phrases, _speakers, _typing
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._lang import get as get_lang
from klaim.extraction.text import TokenIndex

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_4081d66b315ef270.txt"
ENGLISH = ('WASHINGTON - Prices rose 5 percent in March, the minister said on Monday. "We will cut taxes '
           'by $3 billion next year," said Treasury Secretary Janet Yellen, who may speak in New York. '
           'Yellen, a former Fed chair, did not say if rates would fall. First, they must agree; '
           'perhaps about 300 jobs were lost because the plant closed.')


def _inside(idx: TokenIndex, start: int, end: int) -> list[int]:
    return [k for k, (s, e) in enumerate(idx.spans) if start <= s and e <= end]


def test_between_is_the_tokens_inside_the_range() -> None:
    text = SEED.read_text(encoding="utf-8")
    idx = TokenIndex(text)
    rnd = random.Random(7)
    for _ in range(300):
        start = rnd.randrange(len(text))
        end = start + rnd.randrange(-3, 200)
        assert list(idx.between(start, end)) == _inside(idx, start, end), (start, end)


def _plain_ends(text: str, word: str) -> list[int]:
    return [m.end() for m in re.finditer(r"\w[\w,]*\s+" + re.escape(word) + r"\b", text)]


@pytest.mark.parametrize("text", [
    "Stein spoke. Later, Stein left.", "Stein, a doctor. I met\u00a0 Stein ,Stein", "x ,  Stein Stein Stein",
    "Stein", "a Steiner b, Stein", "StStein St Stein. St, St", "", "1, Stein\n\tStein_ Stein",
])
def test_words_after_a_word_as_the_full_search_finds_them(text: str) -> None:
    for word in {m.group() for m in re.finditer(r"\w+", text)} | {"Stein", "St"}:
        plain = _plain_ends(text, word)
        ends = _phrases._after_word_ends(text, word)
        assert list(ends) == list(dict.fromkeys(plain))[:2], (text, word)
        for e in {*plain, len(text), 5}:
            assert any(end != e for end in ends) == any(end != e for end in plain)


def _always_cued(ctx: Ctx, names: tuple[str, ...], s: int, e: int) -> bool:
    return True


@pytest.mark.parametrize(("text", "lang"), [(SEED.read_text(encoding="utf-8"), "id"), (ENGLISH, "en")],
                         ids=["seed", "en"])
def test_modality_and_type_as_with_every_cue_list_looked_up(text: str, lang: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    claims = klaim.extract(text, lang)
    L = get_lang(lang)

    def read(ctx: Ctx) -> list[tuple[object, ...]]:
        out = []
        for c in claims:
            mod, rules = _modality.modality(ctx, c.start, c.end, c.speaker.cue, c.figures)
            u = _claim_unit.Unit(c.start, c.end, c.text, (c.sentence.start, c.sentence.end), None,  # type: ignore[arg-type]
                                quote="unit.quote" in c.rules, cue=c.speaker.cue)
            out.append((mod, tuple(rules), _typing.typed(ctx, u, c.figures, mod)))
        return out

    short = read(Ctx(text, TokenIndex(text), L))
    monkeypatch.setattr(_modality, "cue_within", _always_cued)
    monkeypatch.setattr(_typing, "cue_within", _always_cued)
    assert short == read(Ctx(text, TokenIndex(text), L))
    assert len({m for m, _, _ in short}) > 1  # the texts hold modalities other than asserted


@pytest.mark.parametrize("lang", ["id", "en"])
def test_reference_cue_windows_as_every_cue_is_tried(lang: str) -> None:
    from klaim.extraction.figures import _grammar

    cues = sorted(_grammar.lexicon(lang).reference_cues)
    rnd = random.Random(3)
    words = [*cues, "rose", "naik", "and", "dan", "e", "(", "  ", "Fig", "Tabl", "pasa"]
    for _ in range(2000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randrange(1, 4))) + rnd.choice(["", " ", " (", "("])
        lo, end = rnd.randrange(0, 3), len(text)
        k = end - 1 if end > lo and text[end - 1] == "(" else end
        while k > lo and text[k - 1].isspace():
            k -= 1
        every = k > lo and any(k - len(w) >= lo and text[k - len(w):k] == w for w in cues)
        assert _grammar._may_end_with_cue(text, lo, end, lang) == every, (text, lo)


_PEOPLE = ("Menteri Keuangan Budi Santoso hadir. Kata Budi Santoso, harga naik. Budi hadir. "
           "Direktur Riset Setara Institute Ismail Hasani berkata. Setara Institute menolak. "
           "Kepala Divisi Humas Polri Irjen Pol Boy Rafli Amar. Herlambang P. Wiratraman menulis. "
           "Ia hadir. Menteri Pertanian dan Sumber Daya hadir. Menteri Pertanian dan harga naik. Ia hadir. "
           "Menteri Pertanian dan harga naik. kata Menteri Keuangan Budi Santoso\nBudi Santoso dan Ani. "
           "Budi Santoso Jr datang. harga naik, ujar Yunita. Direktur Statistik Harga Yunita Risanti. "
           "(Budi Santoso) kata Kapolres Kudus. Kapolres Kudus Budi Santoso.")


@pytest.mark.parametrize(("text", "lang"), [(_PEOPLE, "id"), (ENGLISH, "en"), (None, "id")])
def test_speaker_phrases_parse_as_without_the_memo(text: str | None, lang: str) -> None:
    """parse_np keeps a phrase's parse per article by the text around it: every phrase of the
    article, asked in a shuffled order, parses as it does alone."""
    text = text if text is not None else SEED.read_text(encoding="utf-8")
    ctx = Ctx(text, TokenIndex(text), get_lang(lang))
    n = len(ctx.idx.spans)
    ranges = [(i, j) for i in range(n) for j in range(i + 1, min(n, i + 8) + 1)]
    random.Random(5).shuffle(ranges)
    for i, j in ranges:
        assert _speakers.parse_np(ctx, i, j) == _speakers._parse_np(ctx, i, j), ctx.phrase(i, j)
