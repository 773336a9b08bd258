"""The pydantic models are the single source of truth; their invariants hold; generated files are fresh."""

from __future__ import annotations

import json

import jsonschema
import pytest
from pydantic import ValidationError

from _seed_claims import ROOT, seed_article, seed_claims
from klaim.dataset.records import CLAIM_CSV_COLUMNS, claim_features
from klaim.dataset.schema_files import (
    HISTORY,
    record_schema_version,
    schema_fingerprint,
    schema_version_problem,
    stale_schema_files,
)
from klaim.errors import KlaimError
from klaim.schema import SCHEMA_VERSION, Claim, Figure, Speaker


def test_committed_json_schema_files_are_up_to_date():
    assert stale_schema_files(ROOT / "schema") == [], "run `klaim schema` and commit schema/"


def test_schema_version_names_one_schema(tmp_path):
    """A release's schema_version tells consumers how to read it, so a version never names two
    schemas: changed models under an unchanged SCHEMA_VERSION fail the check (and CI)."""
    assert schema_version_problem(ROOT / "schema") is None
    (tmp_path / HISTORY).write_text(json.dumps({SCHEMA_VERSION: "0" * 64}), encoding="utf-8")
    assert "bump SCHEMA_VERSION" in (schema_version_problem(tmp_path) or "")
    with pytest.raises(KlaimError, match="bump SCHEMA_VERSION"):
        record_schema_version(tmp_path)
    (tmp_path / HISTORY).unlink()
    assert HISTORY in stale_schema_files(tmp_path)  # a version not recorded yet is stale
    record_schema_version(tmp_path)
    assert json.loads((tmp_path / HISTORY).read_text())[SCHEMA_VERSION] == schema_fingerprint()


def test_jsonl_records_validate_with_plain_jsonschema():
    """Someone without klaim can validate the JSONL with the committed schema files alone."""
    schema = json.loads((ROOT / "schema" / "claim.schema.json").read_text())
    for claim in seed_claims(seed_article()):
        jsonschema.validate(claim.model_dump(mode="json"), schema)
    bad = seed_claims(seed_article())[0].model_dump(mode="json") | {"claim_type": "rumour"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_features_and_csv_columns_follow_the_model():
    assert list(claim_features()) == list(Claim.model_fields) == CLAIM_CSV_COLUMNS


@pytest.mark.parametrize("change, message", [
    ({"start": 10, "end": 5}, "must be less than"),
    ({"currency": "EURO"}, "ISO 4217"),
    ({"iso": "next tuesday"}, "ISO 8601"),
    ({"low": 10, "high": 1}, "greater than high"),
    ({"kind": "fraction"}, "Input should be"),
    ({"surface": "350.0000"}, "characters but the span covers"),
])
def test_figure_invariants(change, message):
    data = {"start": 0, "end": 7, "surface": "350.000", "kind": "cardinal", "value": 350000.0} | change
    with pytest.raises(ValidationError, match=message):
        Figure.model_validate(data)


def test_span_must_match_the_article_text():
    article = seed_article()
    claim = seed_claims(article)[0]
    data = claim.model_dump() | {"start": claim.start + 1, "end": claim.end + 1}
    with pytest.raises(ValidationError, match="span"):
        Claim.model_validate(data, context={"text": article.text})


def test_unknown_fields_are_rejected_not_dropped():
    with pytest.raises(ValidationError, match="Extra inputs"):
        Speaker.model_validate({"kind": "person", "nmae": "Typo"})
