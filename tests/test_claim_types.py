"""Claim types on the written cases of ``tests/data/claims/types/<lang>.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import klaim
from klaim.extraction.claims import _typing
from klaim.extraction.claims._typing import TYPE_RULES

TYPES = Path(__file__).parent / "data" / "claims" / "types"
CASES = [dict(case, lang=path.stem) for path in sorted(TYPES.glob("*.yaml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


def _type_rules(monkeypatch) -> dict[tuple[int, int], str]:
    """The type rule that decided each claim, by span: type rules are not (yet) part of
    ``Claim.rules`` (recording them changes every released claim), so the test listens in."""
    fired: dict[tuple[int, int], str] = {}
    typed = _typing.typed

    def listen(ctx, u, *args, **kwargs):
        ctype, rule = typed(ctx, u, *args, **kwargs)
        fired[u.start, u.end] = rule
        return ctype, rule

    monkeypatch.setattr(_typing, "typed", listen)
    return fired


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}:{c['claim']}" for c in CASES])
def test_claim_type_cases(case, monkeypatch):
    fired = _type_rules(monkeypatch)
    claims = klaim.extract(case["text"], case["lang"], case.get("published"))
    claim = next((c for c in claims if case["claim"] in c.surface), None)
    assert claim is not None, [c.surface for c in claims]
    if "claim_type" in case:
        assert claim.claim_type.value == case["claim_type"], claim.rules
    if "claim_type_not" in case:
        assert claim.claim_type.value != case["claim_type_not"], claim.rules
    if "rule" in case:
        assert case["rule"] in [*claim.rules, fired[claim.start, claim.end]], (claim.rules, fired)


def test_every_type_rule_has_a_case():
    covered = {c["rule"] for c in CASES if "rule" in c}
    assert set(TYPE_RULES.names()) <= covered, set(TYPE_RULES.names()) - covered
