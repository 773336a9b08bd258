"""`evaluate claims --articles`: a guideline-format gold without text, joined to its articles by id."""

import json

import pytest
from typer.testing import CliRunner

import klaim
from klaim.cli import app
from klaim.errors import InputError
from klaim.evaluation.claims import evaluate_claims

TEXT = ("Menteri Keuangan Sri Mulyani mengatakan defisit anggaran turun menjadi 2,5 persen. "
        "Pemerintah juga menaikkan tarif cukai rokok sebesar 10 persen tahun depan.")


def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _gold_from(claims, speaker_of=lambda c: "publisher"):
    return [{"start": c.start, "end": c.end, "claim": c.text, "type": c.claim_type.value,
             "speaker": speaker_of(c), "modality": c.modality.value, "figures": []} for c in claims]


@pytest.fixture
def corpus(tmp_path):
    articles = _write(tmp_path / "articles.jsonl", [{"id": "a1", "text": TEXT, "lang": "id"}])
    return tmp_path, articles


def test_a_gold_made_from_the_output_scores_one(corpus):
    tmp, articles = corpus
    claims = klaim.extract(TEXT, "id", article_id="a1")
    assert claims
    names = {c.claim_id: (c.speaker.name or "") for c in claims}

    def speaker(c):
        return "publisher" if c.speaker.kind == "publisher" else f"{names[c.claim_id]} (Menteri Keuangan)"

    gold = _write(tmp / "gold.jsonl", [{"id": "a1", "line": 1, "claims": _gold_from(claims, speaker)}])
    report = evaluate_claims(gold, articles=articles)
    assert (report.articles, report.gold, report.matched) == (1, len(claims), len(claims))
    assert report.f1 == 1.0 and report.speaker_accuracy == 1.0 and report.modality_accuracy == 1.0


def test_missed_spurious_and_wrong_speaker_are_counted(corpus):
    tmp, articles = corpus
    claims = klaim.extract(TEXT, "id", article_id="a1")
    gold_claims = _gold_from(claims[:1], lambda c: "Budi Santoso (pengamat)")
    gold_claims.append({"start": 0, "end": 7, "claim": "x", "type": "other", "speaker": "publisher",
                        "modality": "asserted"})
    gold = _write(tmp / "gold.jsonl", [{"id": "a1", "claims": gold_claims}])
    report = evaluate_claims(gold, articles=articles)
    assert report.matched == 1 and len(report.missed) == 1
    assert len(report.spurious) == len(claims) - 1
    assert report.speaker_accuracy == 0.0
    assert "missed a1[0:7]" in report.render()


def test_short_forms_and_acronyms_of_a_name_agree():
    from klaim.evaluation.claims import _names_agree

    gold = {"name": "Badan Nasional Penanggulangan Bencana"}
    assert _names_agree(gold, {"name": "BNPB"})
    assert _names_agree({"name": "Enggartiasto Lukita"}, {"name": "Enggar"})
    assert _names_agree({"name": "Enggartiasto Lukita"}, {"name": None, "mention": {"surface": "Lukita"}})
    assert not _names_agree({"name": "Enggartiasto Lukita"}, {"name": "Joko Widodo"})
    assert not _names_agree({"name": "Retno Marsudi"}, {"name": "Ret"})


@pytest.mark.parametrize(("record", "message"), [
    ({"id": "nope", "claims": []}, "article 'nope' is not in the articles file"),
    ({"id": "a1"}, "field 'claims' missing"),
    ({"id": "a1", "claims": [{"start": 0, "end": 5}]}, "line 1, claim 0: field 'claim' missing"),
    ({"id": "a1", "claims": [{"start": 0, "end": 9999, "claim": "x", "type": "other", "speaker": "publisher",
                              "modality": "asserted"}]}, "outside the article"),
])
def test_bad_gold_records_name_line_and_field(corpus, record, message):
    tmp, articles = corpus
    gold = _write(tmp / "gold.jsonl", [record])
    with pytest.raises(InputError, match=message):
        evaluate_claims(gold, articles=articles)


def test_cli_reports_one_error_line_for_a_missing_articles_file(tmp_path):
    gold = _write(tmp_path / "gold.jsonl", [{"id": "a1", "claims": []}])
    result = CliRunner().invoke(app, ["evaluate", "claims", str(gold), "--articles", str(tmp_path / "none.jsonl")])
    assert result.exit_code != 0 and "articles file not found" in result.output
    assert "Traceback" not in result.output


def test_cli_prints_the_figures(corpus):
    tmp, articles = corpus
    claims = klaim.extract(TEXT, "id", article_id="a1")
    gold = _write(tmp / "gold.jsonl", [{"id": "a1", "claims": _gold_from(claims)}])
    result = CliRunner().invoke(app, ["evaluate", "claims", str(gold), "--articles", str(articles), "--no-details"])
    assert result.exit_code == 0, result.output
    assert "1 article(s)" in result.output and "span precision 1.000" in result.output
