"""Check-worthiness: orderings from the case files, page furniture below every real claim, reasons,
and the table checked at load."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

import klaim
from klaim.errors import InputError
from klaim.evaluation.worthiness import sentence_score
from klaim.extraction.claims._worthiness import compile_table

DATA = Path(__file__).parent / "data" / "claims"
SEED = Path(__file__).parents[1] / "seeds" / "000_4081d66b315ef270.txt"
CASES = [pytest.param(lang, c, id=f"{lang}: {c['name']}") for lang in ("id", "en")
         for c in yaml.safe_load((DATA / f"worthiness_{lang}.yaml").read_text(encoding="utf-8"))]


def _reasons(text: str, lang: str) -> set[str]:
    return {r for c in klaim.extract(text, lang) for r in c.check_worthiness_reasons}


@pytest.mark.parametrize(("lang", "case"), CASES)
def test_ordering(lang, case):
    higher, lower = sentence_score(case["higher"], lang)[0], sentence_score(case["lower"], lang)[0]
    assert higher > lower
    if "reason" in case:
        assert case["reason"] in _reasons(case["higher"], lang)
    if "lower_reason" in case:
        assert case["lower_reason"] in _reasons(case["lower"], lang)


def _furniture_scores(case: dict) -> dict[str, float]:
    """Each non-claim line's score: the highest of the claims emitted (mostly) inside it in its
    article, and of the line scored alone; 0 when nothing is emitted."""
    text, lang = case["text"], case["lang"]
    claims = klaim.extract(text, lang)
    scores = {}
    for surface in case["non_claims"]:
        s = text.index(surface)
        e = s + len(surface)
        inside = [c.check_worthiness for c in claims if 2 * (min(e, c.end) - max(s, c.start)) >= c.end - c.start]
        scores[surface] = max([sentence_score(surface, lang)[0], *inside])
    return scores


def _real_claim_scores(case: dict) -> dict[str, float]:
    claims = klaim.extract(case["text"], case["lang"])
    found = {f: [c.check_worthiness for c in claims if f in c.surface] for f in case["claims"]}
    assert all(found.values()), f"no claim holds {[f for f, s in found.items() if not s]}"
    return {f: min(s) for f, s in found.items()}


def test_page_furniture_scores_below_every_real_claim():
    """Bylines, author bios, promos and teasers (both languages) rank below every claim of the
    seed article and every real claim of the case file."""
    cases = yaml.safe_load((DATA / "worthiness_non_claims.yaml").read_text(encoding="utf-8"))
    seed = klaim.extract(SEED.read_text(encoding="utf-8"), "id", date(2024, 4, 4), "seed")
    real = {c.surface: c.check_worthiness for c in seed}
    furniture: dict[str, float] = {}
    for case in cases:
        real |= _real_claim_scores(case)
        furniture |= _furniture_scores(case)
    assert len(seed) >= 30 and {c["lang"] for c in cases} == {"id", "en"}
    lowest = min(real.values())
    assert {f: s for f, s in furniture.items() if s >= lowest} == {}, f"lowest real claim scores {lowest}"


def test_page_furniture_scores_zero_with_its_reason():
    text = "Gabung grup Telegram kami untuk berita terkini."
    assert klaim.extract(text, "id") and sentence_score(text, "id")[0] == 0.0
    assert _reasons(text, "id") == {"page furniture"}


@pytest.mark.parametrize(("text", "reason"), [
    ("The United States has a border with Mexico.", "past event"),
    ("Indeed, many people are concerned about the plan.", "past event"),
    ("Right now the state has a budget surplus.", "opinion word"),
    ("Workers have the right to strike in this state.", "opinion word"),
    ("My opponent voted against the highway bill.", "procedural talk"),
    # the currency sign of a sum ("US" of "US$46 million") names no entity: the figure counts once
    ("The ministry spent US$46 million on the new port.", "names an entity"),
])
def test_words_that_only_look_like_a_reason(text, reason):
    """-ed words that are no verbs ("United", "indeed", an adjective after "are"), "right" that
    judges nothing, the opponent's record: none of them moves the score."""
    claims = klaim.extract(text, "en")
    assert claims
    assert reason not in {r for c in claims for r in c.check_worthiness_reasons}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_scores_are_spread_not_saturated(lang):
    scores = [sentence_score(c.values[1][k], lang)[0] for c in CASES if c.values[0] == lang
              for k in ("higher", "lower")]
    assert all(0.0 < s < 1.0 for s in scores)
    assert len(set(scores)) >= len(scores) // 2


@pytest.mark.parametrize(("table", "message"), [
    ({"weights": {"figures": 0.3}}, "weights.figures: Extra inputs are not permitted"),
    ({"lexical": [{"reason": "x", "weight": 0.1}]}, "neither phrases nor patterns"),
    ({"lexical": [{"reason": "x", "weight": 0.1, "patterns": ["(open"]}]}, "does not compile"),
    ({"lexical": [{"reason": "x", "weight": "high", "phrases": ["a"]}]}, "lexical.0.weight"),
    ({"lexical": [{"reason": "x", "weight": 0.1, "phrases": ["on", True]}]}, "lexical.0.phrases.1"),
    ({"page_furniture": ["(open"]}, "does not compile"),
])
def test_table_is_checked_at_load(table, message):
    with pytest.raises(InputError, match=r"xx.worthiness.yaml") as info:
        compile_table(table, "klaim/lang/xx.worthiness.yaml")
    assert message in str(info.value)
