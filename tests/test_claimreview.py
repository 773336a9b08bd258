"""schema.org ClaimReview export: reviewed claims get a rating, unverified ones stay bare Claims."""

from __future__ import annotations

import json
from datetime import date

import pytest

from _release_fixtures import article, claim, refuted_verdict, sample
from klaim.dataset import claimreview
from klaim.errors import KlaimError
from klaim.schema import Speaker, Verdict, VerdictLabel


def _by_id(doc):
    return {node["identifier"]: node for node in doc["@graph"]}


def test_reviewed_claim_becomes_claimreview_with_integer_rating():
    articles, claims = sample()
    doc = claimreview.to_jsonld(articles, claims)
    assert doc["@context"] == "https://schema.org"
    review = _by_id(doc)[claims[0].claim_id]
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claims[0].text
    rating = review["reviewRating"]
    assert rating == {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                      "alternateName": "Refuted"}
    assert all(type(rating[k]) is int for k in ("ratingValue", "bestRating", "worstRating"))
    assert review["author"] == {"@type": "Organization", "name": "Cek Fakta Desk"}
    assert review["datePublished"] == "2024-04-10"
    assert review["citation"] == [{
        "@type": "CreativeWork", "url": "https://example.org/pln", "text": "200.000 pelanggan",
        "publisher": {"@type": "Organization", "name": "PLN"},
        "description": "Retrieved 2024-04-09."}]


def test_item_reviewed_is_the_claim_with_speaker_date_and_appearance():
    articles, claims = sample()
    item = _by_id(claimreview.to_jsonld(articles, claims))[claims[0].claim_id]["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "para pejabat"}  # a group
    assert item["datePublished"] == "2024-04-04"  # the article's date
    assert item["appearance"] == {"@type": "NewsArticle", "url": "https://example.org/a1",
                                  "headline": "Listrik padam di Jakarta",
                                  "datePublished": "2024-04-04", "inLanguage": "id",
                                  "identifier": "a1"}


def test_unverified_claim_is_a_bare_claim_without_rating():
    articles, claims = sample()
    node = _by_id(claimreview.to_jsonld(articles, claims))[claims[1].claim_id]
    assert node["@type"] == "Claim"
    assert "reviewRating" not in node and "claimReviewed" not in node
    assert node["author"] == {"@type": "Person", "name": "Budi Santoso",
                              "jobTitle": "Menteri Energi"}
    assert node["text"] == claims[1].text
    assert node["appearance"]["url"] == "https://example.org/a1"


@pytest.mark.parametrize("label,value,name", [
    (VerdictLabel.supported, 5, "Supported"),
    (VerdictLabel.mixed, 3, "Mixed"),
    (VerdictLabel.refuted, 1, "Refuted"),
])
def test_rating_scale(label, value, name):
    art = article()
    c = claim(art, "350.000 penduduk", verdict=Verdict(label=label))
    rating = claimreview.to_jsonld([art], [c])["@graph"][0]["reviewRating"]
    assert (rating["ratingValue"], rating["alternateName"]) == (value, name)


def test_not_enough_evidence_is_reviewed_but_never_rated_true():
    art = article()
    c = claim(art, "350.000 penduduk", verdict=Verdict(label=VerdictLabel.not_enough_evidence))
    node = claimreview.to_jsonld([art], [c])["@graph"][0]
    assert node["@type"] == "ClaimReview"
    assert node["reviewRating"]["alternateName"] == "Not enough evidence"
    assert "ratingValue" not in node["reviewRating"]


def test_anonymous_speaker_has_no_invented_author():
    art = article()
    c = claim(art, "350.000 penduduk", speaker=Speaker(kind="anonymous"), verdict=refuted_verdict())
    item = claimreview.to_jsonld([art], [c])["@graph"][0]["itemReviewed"]
    assert "author" not in item


def test_publisher_speaker_is_the_article_source():
    art = article()
    c = claim(art, "350.000 penduduk", speaker=Speaker(kind="publisher"))
    assert claimreview.to_jsonld([art], [c])["@graph"][0]["author"] == {
        "@type": "Organization", "name": "Contoh Wire"}


def test_article_without_url_or_title_omits_them():
    art = article(url=None, title=None)
    c = claim(art, "350.000 penduduk")
    appearance = claimreview.to_jsonld([art], [c])["@graph"][0]["appearance"]
    assert "url" not in appearance and "headline" not in appearance
    assert appearance["datePublished"] == "2024-04-04"


def test_claim_of_unknown_article_is_a_clear_error():
    art = article()
    c = claim(art, "350.000 penduduk")
    with pytest.raises(KlaimError, match="refers to article 'a1'"):
        claimreview.to_jsonld([article("other")], [c])


def test_write_creates_jsonld_file(tmp_path):
    articles, claims = sample()
    claimreview.write(tmp_path, articles, claims)
    doc = json.loads((tmp_path / "claimreview.jsonld").read_text(encoding="utf-8"))
    assert doc == claimreview.to_jsonld(articles, claims)
    assert [n["@type"] for n in doc["@graph"]] == ["ClaimReview", "Claim"]
    # no nulls or empty values anywhere: consumers treat them as statements
    text = json.dumps(doc)
    assert "null" not in text and "[]" not in text and "{}" not in text


def test_review_date_and_reviewer_are_optional():
    art = article()
    c = claim(art, "350.000 penduduk", verdict=Verdict(label=VerdictLabel.supported))
    node = claimreview.to_jsonld([art], [c])["@graph"][0]
    assert "author" not in node and "datePublished" not in node and "citation" not in node
    assert node["itemReviewed"]["datePublished"] == date(2024, 4, 4).isoformat()
