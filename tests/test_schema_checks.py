"""Cross-field checks and the lone-surrogate check run once per model: when it is made from data,
nested or not, and not again each time an instance is put in another model."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from klaim.schema import Claim, Entity, Span, Speaker

TEXT = "Harga beras naik 5 persen, kata Budi."


def _claim(sentence: object, entities: list) -> Claim:
    return Claim(claim_id="a:1", article_id="a", lang="id", text="Harga beras naik 5 persen.", start=0,
                 end=25, surface=TEXT[:25], sentence=sentence, claim_type="numerical",
                 speaker=Speaker(kind="person", name="Budi"), entities=entities, check_worthiness=0.5,
                 extractor="x", extractor_version="0")


def test_a_nested_instance_is_not_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = Span(start=0, end=len(TEXT), surface=TEXT)
    entity = Entity(start=32, end=36, surface="Budi", label="person")
    calls: list[str] = []
    for model in (Span, Entity):
        monkeypatch.setattr(model, "_consistent", lambda self, info: calls.append(type(self).__name__))
    claim = _claim(sentence, [entity, entity])
    assert claim.sentence is sentence and claim.entities == [entity, entity]
    assert calls == []


def test_nested_data_is_checked_when_the_model_is_made() -> None:
    with pytest.raises(ValidationError, match="must be less than"):
        _claim({"start": 5, "end": 5, "surface": ""}, [])
    with pytest.raises(ValidationError, match="lone surrogate"):
        _claim({"start": 0, "end": 3, "surface": "a\ud800b"}, [])
    with pytest.raises(ValidationError, match="span"):
        Claim.model_validate(_claim(Span(start=0, end=len(TEXT), surface=TEXT), []).model_dump()
                             | {"start": 1, "end": 26}, context={"text": TEXT})


@pytest.mark.parametrize("field", ["name", "role", "cue"])
def test_a_lone_surrogate_in_an_optional_field_is_refused(field: str) -> None:
    with pytest.raises(ValidationError, match=f"{field} holds a lone surrogate U\\+D800 at character 1"):
        Speaker.model_validate({"kind": "person", field: "a\ud800"})
