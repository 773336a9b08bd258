"""Decomposition rules on their own examples (tests/data/claims/decompose/*.yaml).

A case may also map claim surfaces to the standalone text they must have (`texts`)."""

from pathlib import Path

import pytest
import yaml

import klaim

CASES = [case for path in sorted((Path(__file__).parent / "data" / "claims" / "decompose").glob("*.yaml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_decomposition_case(case):
    claims = klaim.extract(case["text"], case["lang"])
    by_surface = {c.surface: c for c in claims}
    for want in case.get("claims", []):
        assert want in by_surface, (want, list(by_surface))
    for unwanted in case.get("absent", []):
        assert unwanted not in by_surface, (unwanted, list(by_surface))
    if "rule" in case:
        assert case["rule"] in by_surface[case["claims"][0]].rules, by_surface[case["claims"][0]].rules
    for surface, text in case.get("texts", {}).items():
        assert by_surface[surface].text == text, (surface, by_surface[surface].text)


def test_every_case_checks_something():
    assert all(case.get("claims") or case.get("absent") for case in CASES)


def test_a_long_enumeration_makes_a_bounded_number_of_claims():
    from klaim.extraction.claims._enumeration import MAX_ITEMS

    items = ", ".join(f"barang nomor{i}" for i in range(3 * MAX_ITEMS))
    claims = klaim.extract(f"Pedagang itu menjual {items}, dan beras.", "id")
    per_item = [c for c in claims if "decompose.enumeration" in c.rules]
    assert len(per_item) == MAX_ITEMS, len(per_item)  # the first items, not one per item of a catalogue
