"""Claim types on the written cases of ``tests/data/claims/types/<lang>.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import klaim
from klaim.extraction.claims._typing import TYPE_RULES

TYPES = Path(__file__).parent / "data" / "claims" / "types"
# a file's language is the last part of its name ("id.yaml", "types12_id.yaml")
CASES = [dict(case, lang=path.stem.rsplit("_", 1)[-1]) for path in sorted(TYPES.glob("*.yaml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}:{c['claim']}" for c in CASES])
def test_claim_type_cases(case):
    claims = klaim.extract(case["text"], case["lang"], case.get("published"))
    # the claim whose surface is the fragment, else the first that contains it (a claim of a noun
    # and its relative clause is contained in its sentence's main claim)
    claim = next((c for c in claims if c.surface == case["claim"]), None) \
        or next((c for c in claims if case["claim"] in c.surface), None)
    assert claim is not None, [c.surface for c in claims]
    if "claim_type" in case:
        assert claim.claim_type.value == case["claim_type"], claim.rules
    if "claim_type_not" in case:
        assert claim.claim_type.value != case["claim_type_not"], claim.rules
    if "rule" in case:
        assert case["rule"] in claim.rules, claim.rules


def test_every_type_rule_has_a_case():
    covered = {c["rule"] for c in CASES if "rule" in c}
    assert set(TYPE_RULES.names()) <= covered, set(TYPE_RULES.names()) - covered
