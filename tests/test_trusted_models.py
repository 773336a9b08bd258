"""``extract`` builds its claims with ``_Model.trusted`` (no validation: its inputs are valid by
construction). These tests hold it to that: what it builds is what validation would build, the
cross-field invariants still hold, and data from outside is still validated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

import klaim
from klaim.errors import InputError
from klaim.schema import Claim, Entity, Figure, Span, Speaker, SpeakerKind, Verdict, unverified

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_4081d66b315ef270.txt"
ENGLISH = ('WASHINGTON - Prices rose 5 percent in March, the minister said on Monday. "We will cut taxes '
           'by $3 billion next year," said Treasury Secretary Janet Yellen, who spoke in New York.')


def _typed(value: Any) -> Any:
    """A value with the type of every part spelled out: ``==`` alone takes "person" for
    ``SpeakerKind.person`` and 1 for 1.0. Field order and the fields set are part of a model."""
    if isinstance(value, BaseModel):
        return ("model", list(value.__dict__), sorted(value.model_fields_set),
                {k: _typed(v) for k, v in value.__dict__.items()})
    if isinstance(value, list | tuple):
        return (type(value).__name__, [_typed(v) for v in value])
    return (type(value).__name__, value)


@pytest.mark.parametrize(("text", "lang"), [(SEED.read_text(encoding="utf-8"), "id"), (ENGLISH, "en")],
                         ids=["seed", "en"])
def test_extracted_claims_are_what_validation_makes_of_them(text: str, lang: str) -> None:
    claims = klaim.extract(text, lang, "2024-04-04", "a1")
    assert claims
    for claim in claims:
        validated = Claim.model_validate(claim.model_dump(exclude_unset=True), context={"text": text})
        assert _typed(claim) == _typed(validated)
        assert claim.model_dump_json() == validated.model_dump_json()


def test_claims_of_one_article_share_no_mutable_field() -> None:
    claims = klaim.extract(SEED.read_text(encoding="utf-8"), "id")
    for field in ("figures", "entities", "spans", "rules", "check_worthiness_reasons", "verdict"):
        assert len({id(getattr(c, field)) for c in claims}) == len(claims), field
    assert len({id(c.verdict.evidence) for c in claims}) == len(claims)


def test_trusted_checks_the_invariants_across_fields() -> None:
    with pytest.raises(ValueError, match="must be less than"):
        Span.trusted(start=5, end=5, surface="")
    with pytest.raises(ValueError, match="has 3 characters but the span covers 4"):
        Entity.trusted(start=0, end=4, surface="abc", label="other")


def test_trusted_refuses_unknown_and_missing_fields() -> None:
    with pytest.raises(TypeError, match="no field 'speakr'"):
        Speaker.trusted(speakr="x")
    with pytest.raises(TypeError, match=r"Speaker\.kind is required"):
        Speaker.trusted(name="Budi")


def test_trusted_gives_the_defaults_and_fields_set_of_the_constructor() -> None:
    made, checked = Speaker.trusted(kind=SpeakerKind.person), Speaker(kind=SpeakerKind.person)
    assert _typed(made) == _typed(checked)
    assert _typed(Verdict.trusted()) == _typed(Verdict()) == _typed(unverified())
    assert Verdict.trusted().evidence is not Verdict.trusted().evidence
    assert unverified().evidence is not unverified().evidence


def test_records_from_outside_are_still_validated() -> None:
    text = "Harga beras naik 5 persen, kata Budi."
    [claim] = [c for c in klaim.extract(text, "id", article_id="a1") if c.surface.startswith("Harga")]
    record = claim.model_dump(mode="json")
    with pytest.raises(ValidationError, match="lone surrogate"):
        Claim.model_validate(record | {"text": "Harga\ud800"})
    with pytest.raises(ValidationError, match="span"):
        Claim.model_validate(record | {"start": 1}, context={"text": text})
    with pytest.raises(ValidationError, match="claim_type"):
        Claim.model_validate(record | {"claim_type": "rumour"})


@pytest.mark.parametrize(("article_id", "message"), [(5, "must be a str, got int"),
                                                     ("a\ud800", "lone surrogate")])
def test_a_bad_article_id_is_one_clear_error(article_id: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        klaim.extract("Harga beras naik 5 persen, kata Budi.", "id", article_id=article_id)  # type: ignore[arg-type]


FIGURE_TEXTS = [("Harga beras naik 5 persen menjadi Rp 12.500 per kilogram sejak Januari 2018, sekitar "
                 "350.000 orang terdampak selama 3 tahun; kedua, pada Senin (12/3) pukul 10.00 WIB.", "id"),
                ("About 300,000 jobs, one in four workers, $3 billion a year since March 2019, 14 years ago, "
                 "the 2nd quarter, 5 to 7 percent, at 10:30 a.m. on Monday, for 3 years.", "en")]


@pytest.mark.parametrize(("text", "lang"), FIGURE_TEXTS, ids=["id", "en"])
def test_found_figures_are_what_validation_makes_of_them(text: str, lang: str) -> None:
    figures = klaim.find_figures(text, lang, "2024-04-04")
    assert {f.kind for f in figures} >= {"percent", "money", "date", "duration"}
    for f in figures:
        validated = type(f).model_validate(f.model_dump(exclude_unset=True), context={"text": text})
        assert _typed(f) == _typed(validated)


def test_a_figure_of_unexpected_values_is_validated() -> None:
    from klaim.extraction.figures._grammar import _fig

    text = "naik 5 persen"
    assert _typed(_fig(text, 5, 6, kind="cardinal", value=5)) == _typed(Figure(start=5, end=6, surface="5",
                                                                              kind="cardinal", value=5.0))
    with pytest.raises(ValidationError, match="kind"):
        _fig(text, 5, 6, kind="number", value=5.0)
    with pytest.raises(ValidationError, match="value"):
        _fig(text, 5, 6, kind="cardinal", value="five")
    with pytest.raises(ValueError, match="iso"):  # the invariants across fields, still checked
        _fig(text, 5, 6, kind="date", iso="last week")
