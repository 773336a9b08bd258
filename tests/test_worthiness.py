"""Check-worthiness: orderings from the case files, reasons, and the table checked at load."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import klaim
from klaim.errors import InputError
from klaim.evaluation.worthiness import sentence_score
from klaim.extraction.claims._worthiness import compile_table

DATA = Path(__file__).parent / "data" / "claims"
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
])
def test_table_is_checked_at_load(table, message):
    with pytest.raises(InputError, match=r"xx.worthiness.yaml") as info:
        compile_table(table, "klaim/lang/xx.worthiness.yaml")
    assert message in str(info.value)
