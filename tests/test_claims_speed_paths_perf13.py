"""Short cuts of session 13 (helper perf) give what the long way gives.

- A one-word speaker's fuller name is found by visiting that word's occurrences only, not by a
  scan of the whole article made for every article: the old scan, kept here, agrees on every word.
- A parenthetical source is not looked for after a post cue with no comma after it: with the gate
  opened the claims are the same.
- The auxiliaries and hedges worked out per language: a Lang built anew gets its own answers, and
  the answers start again past their bound.
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

import klaim
from klaim.extraction.claims import _attribution, _names, _subjects
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._lang import get as get_lang
from klaim.extraction.text import TokenIndex

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_4081d66b315ef270.txt"
NAMES = ('Aktivis perempuan Ratna Sarumpaet bertandang ke kantor polisi pada pagi hari untuk melaporkan '
         'kasus yang menimpa dirinya di sana. "Kami datang untuk melapor," tutur Ratna kepada wartawan yang '
         'menunggu.\nBaca Juga: Ratna Sarumpaet Datang Ke Polda\nHarga beras naik lagi minggu ini di pasar, '
         'kata Ratna Sarumpaet Hadi kepada para pedagang. Menurut pedagang, harga naik, kata Adi Nugroho, dan '
         'warga yang datang bersama Adi Nugroho Putra menolak rencana itu. Lalu Budi Santoso Wijaya Kusuma '
         'datang ke pasar dan Budi pergi.')


def _whole_article_runs(ctx: Ctx) -> dict[str, str]:
    """The scan of the whole article that the per-word search replaced (main f57cc80)."""
    runs: dict[str, str] = {}
    title_lines: dict[int, bool] = {}
    n = len(ctx.idx.spans)
    name_word = [ctx.idx.is_cap[t] and _names._name_word(ctx, t) for t in range(n)]
    for k in range(n - 1):
        if not (name_word[k] and name_word[k + 1]) or ctx.idx.lower[k] in runs:
            continue
        end = k + 2
        while end < n and end - k <= _names._NAME_RUN_WORDS and name_word[end]:
            end += 1
        if end - k <= _names._NAME_RUN_WORDS and _names._ends_in_running_text(ctx, end) \
                and not _names._on_title_case_line(ctx, ctx.idx.spans[k][0], title_lines):
            runs[ctx.idx.lower[k]] = ctx.phrase(k, end)
    return runs


def _shuffled_names(seed: int) -> str:
    rnd = random.Random(seed)
    words = NAMES.replace(".", " .").split(" ")
    rnd.shuffle(words)
    return " ".join(words)


@pytest.mark.parametrize("text", [NAMES, SEED.read_text(encoding="utf-8"), _shuffled_names(1), _shuffled_names(2)])
def test_fuller_names_as_the_whole_article_scan_finds_them(text: str) -> None:
    old = _whole_article_runs(Ctx(text, TokenIndex(text), get_lang("id")))
    ctx = Ctx(text, TokenIndex(text), get_lang("id"))
    scan = _names.RunScan(ctx)
    assert old  # the texts open runs
    for word in sorted(set(ctx.idx.lower)):
        assert scan.first_run(word) == old.get(word), word


@pytest.mark.parametrize(("text", "lang"), [
    (NAMES, "id"), (SEED.read_text(encoding="utf-8"), "id"),
    ("Karena regulasi itu, menurut catatan Kemenlu, lebih dari 3.000 perempuan pergi. Harga naik, kata Budi. "
     "Uruguay, tutur Arrmanatha, selama ini mengekspor beras, kata dia, dan harga naik, ujar Ani.", "id"),
    ("Prices rose, the minister said. Jobs, he said, are coming back to the state, officials said.", "en"),
])
def test_parenthetical_sources_as_without_the_comma_gate(text: str, lang: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    gated = [c.model_dump_json() for c in klaim.extract(text, lang)]
    monkeypatch.setattr(_attribution, "_comma_after", lambda ctx, j, hi: True)
    assert [c.model_dump_json() for c in klaim.extract(text, lang)] == gated


def test_modifiers_per_language_start_again(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Harga beras tidak akan naik lagi, kata Budi."
    L = get_lang("id")
    known = _subjects._modifiers(Ctx(text, TokenIndex(text), L))
    assert known is _subjects._modifiers(Ctx(text, TokenIndex(text), L))  # one per language, not per article
    anew = dataclasses.replace(L)  # a Lang built anew (a reloaded table): its own answers
    monkeypatch.setitem(_subjects._MODIFIERS, "id", known)
    assert _subjects._modifiers(Ctx(text, TokenIndex(text), anew)).L is anew
    monkeypatch.setattr(_subjects, "_MODIFIER_WORDS", 2)
    fresh = _subjects._Modifiers(L)
    assert [fresh[w] for w in ("tidak", "akan", "harga", "beras")] == [True, True, False, False]
    assert len(fresh) <= 2  # started again past its bound
