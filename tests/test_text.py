"""Segmentation keeps offsets: sentences, quotes, clauses and tokens point into the text."""

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from klaim.extraction.text import TokenIndex, clauses, ends_sentence, paragraphs, quotes, sentences, trim

DATA = Path(__file__).parent / "data" / "claims"


def _cases(name):
    cases = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return [pytest.param(c, id=c["name"]) for c in cases]


@pytest.mark.parametrize("case", _cases("segmentation_id.yaml"))
def test_sentences_id(case):
    text = case["text"]
    assert [text[s:e] for s, e in sentences(text, "id")] == case["sentences"]


@pytest.mark.parametrize("case", _cases("segmentation_en.yaml"))
def test_sentences_en(case):
    text = case["text"]
    assert [text[s:e] for s, e in sentences(text, "en")] == case["sentences"]


@pytest.mark.parametrize("case", _cases("quotes.yaml"))
def test_quotes(case):
    text = case["text"]
    got = [[text[q.start:q.end], q.close is not None] for q in quotes(text)]
    assert got == case["quotes"]


def test_seed_sentences_and_its_unclosed_quote():
    text = (Path(__file__).parents[1] / "seeds" / "000_4081d66b315ef270.txt").read_text(encoding="utf-8")
    sents = sentences(text, "id")
    assert len(sents) == 25
    assert text[slice(*sents[0])].startswith("BRUSSELS - Anggota aliansi NATO")
    kuleba = next(text[s:e] for s, e in sents if "Kuleba mengatakan" in text[s:e])
    assert kuleba.endswith('di negara saya."')  # the doubled closing quote does not split it


def test_clauses_split_on_commas_and_drop_final_stop():
    text = "Kamis malam, serangan menghantam Kharkiv; listrik padam."
    assert [text[s:e] for s, e in clauses(text, 0, len(text))] == [
        "Kamis malam", "serangan menghantam Kharkiv", "listrik padam"]


def test_token_index_between_and_flags():
    idx = TokenIndex("Sebanyak 350.000 penduduk, kata Ketua.")
    words = [idx.text[s:e] for s, e in idx.spans]
    assert words == ["Sebanyak", "350.000", "penduduk", ",", "kata", "Ketua", "."]
    assert list(idx.between(9, 25)) == [1, 2]
    assert idx.is_cap[5] and not idx.is_word[3]


def test_paragraphs_skip_blank_lines():
    text = "a b.\n\n  \nc d  \n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["a b.", "c d"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,!?\"“”()\n AS Dr 12.000")), max_size=120))
def test_sentence_spans_are_trimmed_ordered_and_inside(text):
    prev_end = 0
    for s, e in sentences(text, "id"):
        assert 0 <= prev_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        for m in re.finditer(r"\s*\n\s*", text[s:e]):  # only a line broken mid-sentence runs on
            assert text[s + m.start() - 1].isalnum() and text[s + m.end()].islower(), text[s:e]
        prev_end = e
    for q in quotes(text):
        assert trim(text, q.start, q.end) == (q.start, q.end)


@pytest.mark.parametrize("piece, ends", [
    ("It was over.", True), ("It was ''over.''", True), ("He said ‘half-pregnant.’”", True),
    ("Is it?\"", True), ("It was over", False), ("the candidates'", False), ("''", False),
])
def test_ends_sentence_past_closing_quote_marks(piece, ends):
    assert ends_sentence(piece) is ends


def test_claim_text_of_a_quote_closed_by_two_apostrophes_gets_no_second_full_stop():
    import klaim

    text = "It gets your attention when a leader says we are at ''the beginning of a long war.''\n\nThen he left."
    quote = next(c for c in klaim.extract(text, "en") if "long war" in c.surface)
    assert not quote.text.endswith(".''.") and ends_sentence(quote.text), quote.text


# Letters whose lower case changes length (U+0130) or depends on its neighbours (capital sigma),
# mixed with plain words and punctuation: where lower-casing the whole text and slicing it could
# differ from lower-casing each token.
_CASE_TRICKY = st.text(alphabet=st.sampled_from(list("aZ İΣΟΔ.-'’ \n1")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_CASE_TRICKY)
def test_lowered_tokens_are_each_tokens_own_lower_case(text):
    idx = TokenIndex(text)
    assert idx.lower == [text[s:e].lower() for s, e in idx.spans]
