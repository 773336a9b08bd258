"""Hand-made claims on the seed article, for release tests that must not depend on the extractor."""

from __future__ import annotations

from pathlib import Path

from klaim.articles import read_articles
from klaim.schema import Article, Claim, Figure, Span, Speaker, make_claim_id

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def seed_article() -> Article:
    return read_articles(SEEDS)[0]


def claim_on(article: Article, surface: str, *, claim_type: str = "event_property",
             figures: list[tuple[str, dict]] = (), **fields) -> Claim:
    """A valid claim whose span is the first occurrence of ``surface`` in the article."""
    text = article.text
    start = text.index(surface)
    end = start + len(surface)
    s_start = text.rfind("\n", 0, start) + 1
    s_end = text.find("\n", end)
    s_end = len(text) if s_end == -1 else s_end
    figs = []
    for fig_surface, values in figures:
        f_start = text.index(fig_surface, start)
        figs.append(Figure(start=f_start, end=f_start + len(fig_surface), surface=fig_surface, **values))
    data = dict(
        claim_id=make_claim_id(article.article_id, start, end), article_id=article.article_id,
        lang=article.lang, text=surface, start=start, end=end, surface=surface,
        sentence=Span(start=s_start, end=s_end, surface=text[s_start:s_end]),
        claim_type=claim_type, figures=figs, speaker=Speaker(kind="publisher"),
        check_worthiness=0.5, extractor="test-fixture", extractor_version="0",
    )
    data.update(fields)
    return Claim.model_validate(data, context={"text": text})


def seed_claims(article: Article) -> list[Claim]:
    return [
        claim_on(article, "memutus aliran listrik bagi 350.000 penduduk", claim_type="numerical",
                 figures=[("350.000", {"kind": "cardinal", "value": 350000, "counted": "penduduk"})],
                 speaker=Speaker(kind="group", name="para pejabat Ukraina"), check_worthiness=0.9),
        claim_on(article, "NATO dimulai dengan 12 anggota dari Amerika Utara dan Eropa",
                 claim_type="background",
                 figures=[("12", {"kind": "cardinal", "value": 12, "counted": "anggota"})]),
        claim_on(article, "dana lima tahun sebesar 100 miliar euro", claim_type="numerical",
                 figures=[("100 miliar euro", {"kind": "money", "value": 1e11, "currency": "EUR"})],
                 modality="uncertain"),
    ]
