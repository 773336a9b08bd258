"""Non-claims (page furniture, promos, bylines, bios, captions, fragments): named by table-driven
rules, never emitted, and so below every real claim in check-worthiness."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import klaim
from klaim.errors import InputError
from klaim.evaluation.worthiness import sentence_score
from klaim.extraction.claims._boilerplate import compile_table, non_claim_rule

DATA = Path(__file__).parent / "data" / "claims"
LANGS = ("id", "en")


def _load(lang: str) -> list[dict]:
    return yaml.safe_load((DATA / f"boilerplate_{lang}.yaml").read_text(encoding="utf-8"))


CASES = [pytest.param(lang, c, id=f"{lang}: {c['name']}") for lang in LANGS for c in _load(lang)]


def _span(text: str, surface: str) -> tuple[int, int]:
    start = text.index(surface)
    return start, start + len(surface)


@pytest.mark.parametrize(("lang", "case"), CASES)
def test_rules_name_each_non_claim(lang, case):
    text = case["text"]
    got = {surface: non_claim_rule(text, lang, *_span(text, surface)) for surface in case["non_claims"]}
    assert got == case["non_claims"]


@pytest.mark.parametrize(("lang", "case"), CASES)
def test_real_claims_are_not_named(lang, case):
    text = case["text"]
    named = {}
    for fragment in case["claims"]:
        claim = next((c for c in klaim.extract(text, lang) if fragment in c.surface), None)
        assert claim is not None, f"no claim holds {fragment!r}"
        named[fragment] = non_claim_rule(text, lang, claim.start, claim.end)
    assert named == dict.fromkeys(case["claims"])


@pytest.mark.parametrize(("lang", "case"), CASES)
def test_extract_emits_no_non_claim(lang, case):
    text = case["text"]
    claims = klaim.extract(text, lang)
    for surface in case["non_claims"]:
        s, e = _span(text, surface)
        inside = [c.surface for c in claims if 2 * (min(e, c.end) - max(s, c.start)) >= c.end - c.start]
        assert inside == [], surface


@pytest.mark.parametrize("lang", LANGS)
def test_non_claims_score_below_every_real_claim(lang):
    real, furniture = [], []
    for case in _load(lang):
        claims = klaim.extract(case["text"], lang)
        real += [c.check_worthiness for f in case["claims"] for c in claims if f in c.surface]
        furniture += [sentence_score(surface, lang)[0] for surface in case["non_claims"]]
    assert real and furniture
    assert max(furniture) < min(real)


@pytest.mark.parametrize(("table", "message"), [
    ({"line_pattern": {"promo": ["x"]}}, "line_pattern: Extra inputs are not permitted"),
    ({"line_patterns": {"promo": ["(unclosed"]}}, "does not compile"),
    ({"fragment_openers": ["in", True]}, "fragment_openers.1: Input should be a valid string"),
    ({"heading_max_words": "six"}, "heading_max_words"),
])
def test_table_is_checked_at_load(table, message):
    with pytest.raises(InputError, match=r"xx.boilerplate.yaml") as info:
        compile_table(table, "klaim/lang/xx.boilerplate.yaml")
    assert message in str(info.value)
