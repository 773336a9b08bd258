"""Standalone claim text: each decontextualisation rule on its own examples
(tests/data/claims/standalone*.yaml), and the article span left as written."""

from pathlib import Path

import pytest
import yaml

import klaim

# standalone.yaml and each helper's own file of cases (standalone_*.yaml)
CASES = [case for path in sorted((Path(__file__).parent / "data" / "claims").glob("standalone*.yaml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


def _claim(case):
    claims = klaim.extract(case["text"], case["lang"], case.get("published"))
    hits = [c for c in claims if case["claim"] in c.surface]
    assert hits, f"no claim contains {case['claim']!r}: {[c.surface for c in claims]}"
    return hits[0]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.get('rule') or 'not ' + c['no_rule']}:{c['claim']}" for c in CASES])
def test_standalone_rule(case):
    claim = _claim(case)
    assert case["text"][claim.start:claim.end] == claim.surface
    if "rule" in case:
        assert case["rule"] in claim.rules, claim.rules
        assert claim.text == case["want"]
    else:
        assert case["no_rule"] not in claim.rules, (claim.rules, claim.text)
        assert case["claim"] in claim.text
