"""Build small, self-contained releases for tests (no extractor, no shared data).

Import from tests as ``from _release_fixtures import ...`` (pytest puts tests/ on sys.path).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from klaim.dataset.release import ReleaseResult, write_release
from klaim.schema import (
    Article,
    Claim,
    Evidence,
    Figure,
    Span,
    Speaker,
    Verdict,
    VerdictLabel,
    make_claim_id,
)

TEXT = ("JAKARTA - Pemadaman listrik memutus aliran listrik bagi 350.000 penduduk, "
        "kata para pejabat.\n"
        "Menteri Energi Budi Santoso mengatakan harga naik 5 persen pada 2024.\n")


def article(article_id: str = "a1", **kw) -> Article:
    data = dict(article_id=article_id, title="Listrik padam di Jakarta", lang="id",
                published=date(2024, 4, 4), source="Contoh Wire", url="https://example.org/a1",
                text=TEXT)
    data.update(kw)
    return Article(**data)


def _sentence(text: str, at: int) -> Span:
    s = text.rfind("\n", 0, at) + 1
    e = text.index("\n", at)
    return Span(start=s, end=e, surface=text[s:e])


def claim(art: Article, surface: str, *, figure: str | None = None, speaker: Speaker | None = None,
          verdict: Verdict | None = None, text: str | None = None) -> Claim:
    t = art.text
    s = t.index(surface)
    e = s + len(surface)
    figures = []
    if figure:
        fs = t.index(figure, s)
        figures = [Figure(start=fs, end=fs + len(figure), surface=figure, kind="cardinal",
                          value=float(figure.replace(".", "")))]
    return Claim(
        claim_id=make_claim_id(art.article_id, s, e), article_id=art.article_id, lang=art.lang,
        text=text or surface, start=s, end=e, surface=surface, sentence=_sentence(t, s),
        claim_type="numerical", figures=figures,
        speaker=speaker or Speaker(kind="group", name="para pejabat"),
        check_worthiness=0.8, verdict=verdict or Verdict(), extractor="test", extractor_version="0",
    )


def refuted_verdict() -> Verdict:
    return Verdict(label=VerdictLabel.refuted, reviewer="Cek Fakta Desk",
                   reviewed=date(2024, 4, 10),
                   evidence=[Evidence(url="https://example.org/pln", quote="200.000 pelanggan",
                                      publisher="PLN", retrieved=date(2024, 4, 9))])


def sample() -> tuple[list[Article], list[Claim]]:
    """One article; a refuted claim with evidence and an unverified one."""
    art = article()
    c1 = claim(art, "memutus aliran listrik bagi 350.000 penduduk", figure="350.000",
               text="A power cut left 350,000 residents without electricity.",
               verdict=refuted_verdict())
    c2 = claim(art, "harga naik 5 persen pada 2024", figure="5",
               speaker=Speaker(kind="person", name="Budi Santoso", role="Menteri Energi"))
    return [art], [c1, c2]


def make_release(root: Path, version: str = "1.0.0", name: str = "t",
                 articles: list[Article] | None = None,
                 claims: list[Claim] | None = None) -> ReleaseResult:
    if articles is None or claims is None:
        articles, claims = sample()
    return write_release(articles, claims, root, name, version, released=date(2024, 5, 1),
                         card={"license": "CC-BY-4.0"})
