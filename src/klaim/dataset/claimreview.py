"""schema.org ClaimReview export (``claimreview.jsonld``), as fact-checkers and search engines
read it.

A claim that a reviewer has judged (any verdict other than ``unverified``) becomes a
``ClaimReview`` of the claim; an unverified claim becomes a bare schema.org ``Claim`` with no
rating at all, because nobody has reviewed it and "no evidence" is never "true".

Rating scale (integers, worstRating 1, bestRating 5, as Google's ClaimReview guidance suggests):

    refuted              1  "Refuted"               the evidence contradicts the claim
    mixed                3  "Mixed"                 conflicting evidence / cherry-picking
    supported            5  "Supported"             the evidence supports the claim
    not_enough_evidence  –  "Not enough evidence"   reviewed, but no numeric ratingValue

``not_enough_evidence`` is a review outcome (someone looked), so it is a ClaimReview with the
textual verdict in ``alternateName``, but it gets no ``ratingValue``: any number on a truth scale
would be read as a degree of truth (3 as "half true", 1 as "false"), which it is not. 2 and 4
are left unused so that the scale can gain "mostly false"/"mostly true" without renumbering.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from klaim.errors import InputError
from klaim.schema import Article, Claim, Speaker, SpeakerKind, VerdictLabel

CLAIMREVIEW_FILE = "claimreview.jsonld"
WORST_RATING = 1
BEST_RATING = 5
RATINGS: dict[VerdictLabel, int | None] = {
    VerdictLabel.refuted: 1,
    VerdictLabel.mixed: 3,
    VerdictLabel.supported: 5,
    VerdictLabel.not_enough_evidence: None,
}
LABEL_NAMES: dict[VerdictLabel, str] = {
    VerdictLabel.refuted: "Refuted",
    VerdictLabel.mixed: "Mixed",
    VerdictLabel.supported: "Supported",
    VerdictLabel.not_enough_evidence: "Not enough evidence",
}


def web_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL; None for ``javascript:``, ``data:``, relative or
    malformed ones, which a page embedding the JSON-LD must never link to."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch in url for ch in "\x00\r\n\t<>\"\\ "):
        return None
    return url


def jsonld_text(doc: Any) -> str:
    """JSON-LD as written to files: ``<`` escaped as ``\\u003c`` so that the document can be
    embedded in ``<script type="application/ld+json">`` (no ``</script`` can end it early).
    ``<`` only occurs inside JSON strings, where the escape means the same character."""
    return json.dumps(doc, ensure_ascii=False, indent=2).replace("<", "\\u003c") + "\n"


def _drop_none(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v is not None and v != [] and v != {}}


def _author(speaker: Speaker, article: Article) -> dict[str, Any] | None:
    """The speaker as schema.org Person or Organization; None when it cannot be named."""
    if speaker.kind == SpeakerKind.anonymous:
        return None  # an unnamed source: inventing a name would mislead
    if speaker.kind == SpeakerKind.publisher:
        # No attribution in the text: the article's publisher makes the claim.
        name = speaker.name or article.source
        return {"@type": "Organization", "name": name} if name else None
    mention = speaker.mention.surface if speaker.mention else None
    if speaker.kind == SpeakerKind.person:
        name = speaker.name or mention
        if not name:
            return None
        return _drop_none({
            "@type": "Person", "name": name, "jobTitle": speaker.role,
            "affiliation": {"@type": "Organization", "name": speaker.organisation}
            if speaker.organisation else None,
        })
    # organisation, or a group ("para pejabat Ukraina"): schema.org has no type for a group of
    # people, and Organization is what ClaimReview consumers accept for a collective author.
    name = speaker.name or speaker.organisation or mention
    return _drop_none({"@type": "Organization", "name": name,
                       "description": speaker.role}) if name else None


def _appearance(article: Article) -> dict[str, Any]:
    return _drop_none({
        "@type": "NewsArticle",
        "url": web_url(article.url),
        "headline": article.title,
        "datePublished": article.published.isoformat(),
        "inLanguage": article.lang,
        "identifier": article.article_id,
    })


def _claim(claim: Claim, article: Article) -> dict[str, Any]:
    return _drop_none({
        "@type": "Claim",
        "identifier": claim.claim_id,
        "text": claim.text,
        "inLanguage": claim.lang,
        "author": _author(claim.speaker, article),
        "datePublished": article.published.isoformat(),
        # appearance, not firstAppearance: klaim knows where the claim appears, not where it
        # appeared first.
        "appearance": _appearance(article),
    })


def _rating(label: VerdictLabel) -> dict[str, Any]:
    return _drop_none({
        "@type": "Rating",
        "ratingValue": RATINGS[label],
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
        "alternateName": LABEL_NAMES[label],
    })


def _citation(claim: Claim) -> list[dict[str, Any]]:
    return [_drop_none({
        "@type": "CreativeWork",
        "url": web_url(ev.url),
        "text": ev.quote,
        "publisher": {"@type": "Organization", "name": ev.publisher} if ev.publisher else None,
        # schema.org has no "accessed" date: the retrieval date goes into the description.
        "description": " ".join(filter(None, [
            ev.note, f"Retrieved {ev.retrieved.isoformat()}." if ev.retrieved else None])) or None,
    }) for ev in claim.verdict.evidence]


def _review(claim: Claim, article: Article) -> dict[str, Any]:
    verdict = claim.verdict
    return _drop_none({
        "@type": "ClaimReview",
        "identifier": claim.claim_id,
        "claimReviewed": claim.text,
        "itemReviewed": _claim(claim, article),
        "reviewRating": _rating(verdict.label),
        # The reviewer is recorded as a name only; ClaimReview authors are fact-checking
        # organisations (a desk, an outlet), so Organization is the safer reading.
        "author": {"@type": "Organization", "name": verdict.reviewer} if verdict.reviewer else None,
        "datePublished": verdict.reviewed.isoformat() if verdict.reviewed else None,
        "inLanguage": claim.lang,
        "citation": _citation(claim),
    })


def to_jsonld(articles: list[Article], claims: list[Claim]) -> dict[str, Any]:
    """A JSON-LD document (``@context`` schema.org, ``@graph``): a ClaimReview per reviewed claim,
    a bare Claim per unverified one, in a stable order (article, offsets, id)."""
    by_id = {a.article_id: a for a in articles}
    graph = []
    for claim in sorted(claims, key=lambda c: (c.article_id, c.start, c.end, c.claim_id)):
        article = by_id.get(claim.article_id)
        if article is None:
            raise InputError(f"claim {claim.claim_id} refers to article {claim.article_id!r}, "
                             "which is not among the articles given")
        if claim.verdict.label == VerdictLabel.unverified:
            graph.append(_claim(claim, article))
        else:
            graph.append(_review(claim, article))
    return {"@context": "https://schema.org", "@graph": graph}


def write(root: Path, articles: list[Article], claims: list[Claim]) -> None:
    """Write ``root/claimreview.jsonld``."""
    doc = to_jsonld(articles, claims)
    (Path(root) / CLAIMREVIEW_FILE).write_text(jsonld_text(doc), encoding="utf-8")
