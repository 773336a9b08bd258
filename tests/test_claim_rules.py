"""Each named rule on its own examples (tests/data/claims/rules/*.yaml), and the rule registry."""

from pathlib import Path

import pytest
import yaml

import klaim
from klaim.extraction.claims import explain
from klaim.extraction.claims._attribution import CUE_RULES
from klaim.extraction.claims._rules import RuleSet

RULES_DIR = Path(__file__).parent / "data" / "claims" / "rules"
CASES = [case for path in sorted(RULES_DIR.glob("*.yaml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
PARAMS = [pytest.param(c, id=f"{c['rule']}:{c['lang']}:{c['claim']}",
                       marks=[pytest.mark.xfail(reason=c["known_wrong"], strict=True)] if "known_wrong" in c else [])
          for c in CASES]


def _claim(case):
    claims = klaim.extract(case["text"], case["lang"])
    hits = [c for c in claims if case["claim"] in c.surface]
    assert hits, f"no claim contains {case['claim']!r}: {[c.surface for c in claims]}"
    # claims may overlap (a partial quote inside what a cue reports): the one the rule made, if any
    return next((c for c in hits if case.get("rule") in c.rules), hits[0])


@pytest.mark.parametrize("case", PARAMS)
def test_rule_fires_and_chooses_the_speaker(case):
    claim = _claim(case)
    assert case["rule"] in claim.rules, claim.rules
    for key, want in case["speaker"].items():
        assert getattr(claim.speaker, key) == want, (key, claim.speaker)


def test_every_attribution_rule_has_a_case():
    covered = {c["rule"] for c in CASES if "known_wrong" not in c}
    assert set(CUE_RULES.names()) <= covered, set(CUE_RULES.names()) - covered


def test_the_first_rule_that_applies_decides_and_languages_filter():
    rules: RuleSet[int, str] = RuleSet("demo")
    rules.register("even", lambda n: n % 2 == 0)(lambda n: "even")
    rules.register("any", lambda n: True)(lambda n: None)
    rules.register("english-only", lambda n: True, langs=("en",))(lambda n: "en")
    assert rules.first("id", 4) == ("demo.even", "even")
    assert rules.first("id", 3) == ("demo.any", None)
    assert [r.name for r in rules.for_lang("id")] == ["demo.even", "demo.any"]
    assert rules.names()[-1] == "demo.english-only"
    with pytest.raises(ValueError, match="registered twice"):
        rules.register("even", lambda n: True)(lambda n: "again")


def test_explain_lists_each_claim_with_its_rules():
    text = "\"Stok beras cukup sampai akhir tahun,\" kata Menteri Pertanian Agus Wibowo di Jakarta."
    claims = klaim.extract(text, "id")
    out = explain(claims)
    assert out.count("rules: ") == len(claims) and "attribution.post-cue" in out
    assert f"[{claims[0].start}:{claims[0].end}]" in out


# a file's language is the last part of its name ("id.yaml", "types12_id.yaml")
MODALITY = [dict(case, lang=path.stem.rsplit("_", 1)[-1])
            for path in sorted((RULES_DIR.parent / "modality").glob("*.yaml"))
            for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", MODALITY, ids=[f"{c['lang']}:{c['claim']}" for c in MODALITY])
def test_modality_cases(case):
    assert _claim(case).modality == case["modality"]


def test_releases_cut_before_rules_existed_keep_their_identity():
    from klaim.dataset.layout import canonical_jsonl

    claims = klaim.extract("Kepala BPS Rina Lestari mengatakan inflasi bulan Maret mencapai 0,2 persen.", "id")
    assert claims and all(c.rules for c in claims)
    assert b'"rules"' in canonical_jsonl(claims)
    old = [c.model_copy(update={"rules": []}) for c in claims]
    assert b'"rules"' not in canonical_jsonl(old)


def test_cli_extract_explain_prints_the_rules(tmp_path):
    from typer.testing import CliRunner

    from klaim.cli import app

    article = tmp_path / "a.txt"
    article.write_text("Kepala BPS Rina Lestari mengatakan inflasi bulan Maret mencapai 0,2 persen.\n",
                       encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--explain"])
    assert result.exit_code == 0, result.output
    assert "rules: unit.attributed > attribution.pre-cue > decompose.main" in result.output
    assert "person: Rina Lestari (cue 'mengatakan')" in result.output
