"""Croissant metadata of a release: derived from the files and the schema, valid offline."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess

import pytest

from _release_fixtures import make_release, sample
from klaim.dataset import croissant
from klaim.schema import Article, Claim, Figure, Span, Speaker, Verdict


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    return make_release(tmp_path_factory.mktemp("croissant")).path


@pytest.fixture(scope="module")
def doc(release):
    return json.loads((release / "croissant.json").read_text(encoding="utf-8"))


def _record_set(doc, name):
    return next(rs for rs in doc["recordSet"] if rs["@id"] == name)


def _by_name(fields):
    return {f["name"]: f for f in fields}


def test_release_writer_includes_croissant_and_checksums_cover_it(release):
    assert (release / "croissant.json").is_file()
    manifest = (release / "checksums.sha256").read_text(encoding="utf-8")
    assert "  croissant.json\n" in manifest


def test_dataset_metadata(doc):
    assert doc["@type"] == "sc:Dataset"
    assert doc["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    assert doc["name"] == "t"
    assert doc["version"] == "1.0.0"
    assert doc["datePublished"] == "2024-05-01"
    assert doc["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert doc["url"].startswith("https://")
    assert "@misc{" in doc["citeAs"] and "v1.0.0" in doc["citeAs"]
    assert "2 atomic" in doc["description"]
    assert doc["inLanguage"] == ["id"]


def test_distribution_lists_files_with_their_sha256(doc, release):
    files = {f["contentUrl"]: f for f in doc["distribution"]}
    assert {"data/claims-00000-of-00001.parquet", "data/articles-00000-of-00001.parquet",
            "claims.csv", "figures.csv"} <= set(files)
    for rel, obj in files.items():
        assert obj["@type"] == "cr:FileObject"
        assert not rel.startswith("/") and "://" not in rel  # relative to the release folder
        assert obj["sha256"] == hashlib.sha256((release / rel).read_bytes()).hexdigest()
    assert files["data/claims-00000-of-00001.parquet"]["encodingFormat"] == "application/x-parquet"
    assert files["claims.csv"]["encodingFormat"] == "text/csv"


def test_record_set_fields_follow_the_models(doc):
    claims = _by_name(_record_set(doc, "claims")["field"])
    assert list(claims) == list(Claim.model_fields)
    assert list(_by_name(_record_set(doc, "articles")["field"])) == list(Article.model_fields)
    # scalars typed from the Parquet schema, described from the pydantic model
    assert claims["start"]["dataType"] == "sc:Integer"
    assert claims["check_worthiness"]["dataType"] == "sc:Float"
    assert claims["text"]["description"] == Claim.model_fields["text"].description
    assert _by_name(_record_set(doc, "articles")["field"])["published"]["dataType"] == "sc:Date"
    # a struct becomes subFields read from its column with jsonPath
    sentence = _by_name(claims["sentence"]["subField"])
    assert list(sentence) == list(Span.model_fields)
    assert sentence["start"]["source"] == {"fileObject": {"@id": "claims-parquet"},
                                           "extract": {"column": "sentence"},
                                           "transform": [{"jsonPath": "start"}]}
    # a list of structs is repeated with subFields; nested models recurse
    assert claims["figures"]["repeated"] is True
    figure = _by_name(claims["figures"]["subField"])
    assert list(figure) == list(Figure.model_fields)
    assert "cardinal" in figure["kind"]["description"]  # enum values listed
    assert list(_by_name(claims["speaker"]["subField"])) == list(Speaker.model_fields)
    assert list(_by_name(claims["verdict"]["subField"])) == list(Verdict.model_fields)
    assert claims["check_worthiness_reasons"] == {**claims["check_worthiness_reasons"],
                                                  "repeated": True, "dataType": "sc:Text"}
    # class labels are integers that reference their names
    assert claims["claim_type"]["dataType"] == "sc:Integer"
    assert claims["claim_type"]["references"] == {"field": {"@id": "claim_type_names/index"}}
    names = _record_set(doc, "claim_type_names")
    assert names["data"][0] == {"claim_type_names/index": 0, "claim_type_names/name": "numerical"}


def test_ids_are_unique(doc):
    ids = []

    def walk(fields):
        for f in fields:
            ids.append(f["@id"])
            walk(f.get("subField", []))

    for rs in doc["recordSet"]:
        ids.append(rs["@id"])
        walk(rs["field"])
    ids += [f["@id"] for f in doc["distribution"]]
    assert len(ids) == len(set(ids))


def test_write_is_deterministic(release, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(release, copy)
    info = json.loads((copy / "release.json").read_text(encoding="utf-8"))
    croissant.write(copy, {**info, "card": {"license": "CC-BY-4.0"}})  # as the fixture built it
    assert (copy / "croissant.json").read_bytes() == (release / "croissant.json").read_bytes()


@pytest.fixture(scope="module")
def mlc():
    return pytest.importorskip("mlcroissant", reason="mlcroissant is not installed")


def test_mlcroissant_validates_without_errors_or_warnings(mlc, release):
    ds = mlc.Dataset(jsonld=str(release / "croissant.json"))
    issues = ds.metadata.ctx.issues
    assert not issues.errors, issues.report()
    assert not issues.warnings, issues.report()


def test_mlcroissant_cli_validate_passes(release):
    exe = shutil.which("mlcroissant")
    if exe is None:
        pytest.skip("mlcroissant is not installed")
    out = subprocess.run([exe, "validate", "--jsonld", str(release / "croissant.json")],
                         capture_output=True, text=True, timeout=60,
                         env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert out.returncode == 0, out.stderr
    assert "WARNING" not in out.stderr and "ERROR" not in out.stderr, out.stderr


def test_mlcroissant_loads_claim_and_article_records(mlc, release):
    ds = mlc.Dataset(jsonld=str(release / "croissant.json"))
    claims = list(ds.records("claims"))
    _, expected = sample()
    expected = sorted(expected, key=lambda c: (c.article_id, c.start, c.end))
    assert [r["claims/claim_id"].decode() for r in claims] == [c.claim_id for c in expected]
    first = claims[0]
    assert first["claims/start"] == expected[0].start
    sentence = first["claims/sentence"]
    assert sentence["claims/sentence/surface"].decode() == expected[0].sentence.surface
    figures = first["claims/figures"]
    assert [f["claims/figures/surface"].decode() for f in figures] == ["350.000"]
    assert figures[0]["claims/figures/value"] == 350000.0
    # two levels down (verdict.evidence[].url) is read with chained jsonPath transforms;
    # mlcroissant puts a grandchild at the top level of the record, keyed by its @id
    evidence = first["claims/verdict/evidence"]
    assert [e["claims/verdict/evidence/url"].decode() for e in evidence] == ["https://example.org/pln"]
    assert claims[0]["claims/claim_type"] == 0  # index into claim_type_names
    articles = list(ds.records("articles"))
    assert [r["articles/article_id"].decode() for r in articles] == ["a1"]


def test_claimreview_is_listed_when_the_release_has_it(release, tmp_path, mlc):
    from klaim.dataset import claimreview

    copy = tmp_path / "copy"
    shutil.copytree(release, copy)
    articles, claims = sample()
    claimreview.write(copy, articles, claims)
    info = json.loads((copy / "release.json").read_text(encoding="utf-8"))
    croissant.write(copy, {**info, "card": {"license": "CC-BY-4.0"}})  # as the fixture built it
    doc = json.loads((copy / "croissant.json").read_text(encoding="utf-8"))
    files = {f["contentUrl"]: f for f in doc["distribution"]}
    assert files["claimreview.jsonld"]["encodingFormat"] == "application/ld+json"
    issues = mlc.Dataset(jsonld=str(copy / "croissant.json")).metadata.ctx.issues
    assert not issues.errors and not issues.warnings, issues.report()
