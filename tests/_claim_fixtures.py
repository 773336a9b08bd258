"""Hand-made articles and claims for the review, curation, Label Studio and chart tests.

Independent of the extractor's current output and of anything outside the repository: the
articles are written here, and every claim is built and validated against its article text.
"""

from __future__ import annotations

from datetime import date

from klaim.schema import (
    Article,
    Claim,
    Evidence,
    Figure,
    Span,
    Speaker,
    Verdict,
    make_claim_id,
)

NEWS_TEXT = (
    "JAKARTA - Pemerintah mengatakan inflasi turun menjadi 2,5 persen pada bulan Maret 2024.\n"
    "Menteri Keuangan Sri Mulyani mengatakan anggaran sebesar Rp 10 triliun akan disalurkan "
    "kepada 350.000 penduduk.\n"
    "“Kami yakin pertumbuhan akan mencapai 5 persen,” kata Sri Mulyani kepada wartawan.\n"
    "Banjir menewaskan 12 orang di Bekasi, kata polisi.\n"
)

# Text that must never be interpreted as markup: the review page has to show it as text.
SCRIPT_TEXT = (
    "Warga menulis <script>alert(1)</script> di kolom komentar & menuntut 5 < 7 > 3.\n"
    "Polisi menangkap 3 orang pada \"Senin\" malam.\n"
)

# An astral character (emoji) before a claim: Python and JavaScript count offsets differently.
EMOJI_TEXT = "Berita 🚀 hari ini: harga beras naik 20 persen di Jakarta.\n"


def news_article() -> Article:
    return Article(article_id="news-001", title="Inflasi turun <b>tajam</b>", lang="id",
                   published=date(2024, 4, 4), text=NEWS_TEXT)


def script_article() -> Article:
    return Article(article_id="xss-002", title="<script>alert('title')</script>", lang="id",
                   published=date(2024, 4, 5), text=SCRIPT_TEXT)


def emoji_article() -> Article:
    return Article(article_id="emoji-003", title="Emoji", lang="id",
                   published=date(2024, 4, 6), text=EMOJI_TEXT)


def sentence_of(text: str, start: int, end: int) -> Span:
    """The line holding [start:end] (each fixture sentence is its own line)."""
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    e = len(text) if e == -1 else e
    return Span(start=s, end=e, surface=text[s:e])


def claim_on(article: Article, surface: str, *, occurrence: int = 0, after: str | None = None,
             claim_type: str = "event_property", figures: list[tuple[str, dict]] = (),
             **fields) -> Claim:
    """A valid claim whose span is the ``occurrence``-th match of ``surface`` (after ``after``)."""
    text = article.text
    start = text.index(after) if after else -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    end = start + len(surface)
    figs = []
    for fig_surface, values in figures:
        f_start = text.index(fig_surface, start)
        figs.append(Figure(start=f_start, end=f_start + len(fig_surface), surface=fig_surface,
                           **values))
    data = {
        "claim_id": make_claim_id(article.article_id, start, end), "article_id": article.article_id,
        "lang": article.lang, "text": fields.pop("text", surface), "start": start, "end": end,
        "surface": surface, "sentence": sentence_of(text, start, end), "claim_type": claim_type,
        "figures": figs, "speaker": Speaker(kind="publisher"), "check_worthiness": 0.5,
        "extractor": "test-fixture", "extractor_version": "0",
    }
    data.update(fields)
    return Claim.model_validate(data, context={"text": text})


def news_claims() -> list[Claim]:
    """Five claims on the news article: two nested, two overlapping (crossing), one plain."""
    a = news_article()
    gov = Speaker(kind="organisation", name="Pemerintah")
    sri = Speaker(kind="person", name="Sri Mulyani", role="Menteri Keuangan")
    return [
        # c0: inflation (numerical), with two figures
        claim_on(a, "inflasi turun menjadi 2,5 persen pada bulan Maret 2024",
                 claim_type="numerical", speaker=gov, check_worthiness=0.92,
                 check_worthiness_reasons=["statistic", "official source"],
                 text="Inflasi Indonesia turun menjadi 2,5 persen pada Maret 2024.",
                 figures=[("2,5 persen", {"kind": "percent", "value": 2.5}),
                          ("Maret 2024", {"kind": "date", "iso": "2024-03"})],
                 verdict=Verdict(label="supported", reviewer="ana", reviewed=date(2024, 4, 10),
                                 evidence=[Evidence(url="https://bps.go.id/inflasi",
                                                    quote="inflasi 2,5 persen",
                                                    retrieved=date(2024, 4, 9))])),
        # c1: the whole budget sentence part; c2 is nested inside it
        claim_on(a, "anggaran sebesar Rp 10 triliun akan disalurkan kepada 350.000 penduduk",
                 claim_type="numerical", speaker=sri, modality="future", check_worthiness=0.8,
                 figures=[("Rp 10 triliun", {"kind": "money", "value": 1e13, "currency": "IDR"}),
                          ("350.000", {"kind": "cardinal", "value": 350000.0,
                                       "counted": "penduduk"})]),
        claim_on(a, "Rp 10 triliun", claim_type="numerical", speaker=sri, check_worthiness=0.6,
                 figures=[("Rp 10 triliun", {"kind": "money", "value": 1e13, "currency": "IDR"})]),
        # c3 and c4 cross each other: "pertumbuhan akan mencapai 5 persen" / "Kami yakin pertumbuhan"
        claim_on(a, "pertumbuhan akan mencapai 5 persen", claim_type="prediction", speaker=sri,
                 modality="hedged", check_worthiness=0.7,
                 figures=[("5 persen", {"kind": "percent", "value": 5.0})],
                 verdict=Verdict(label="not_enough_evidence")),
        claim_on(a, "Kami yakin pertumbuhan", claim_type="position", speaker=sri,
                 check_worthiness=0.2),
        # c5: a plain event claim with an anonymous-ish speaker
        claim_on(a, "Banjir menewaskan 12 orang di Bekasi", claim_type="event_property",
                 speaker=Speaker(kind="organisation", name="polisi"), check_worthiness=0.85,
                 figures=[("12", {"kind": "cardinal", "value": 12.0, "counted": "orang"})],
                 verdict=Verdict(label="refuted", reviewer="budi", reviewed=date(2024, 4, 11))),
    ]


def script_claims() -> list[Claim]:
    a = script_article()
    return [
        claim_on(a, "Warga menulis <script>alert(1)</script> di kolom komentar",
                 claim_type="event_property", check_worthiness=0.3,
                 text="Warga menulis <script>alert(2)</script> & <img src=x onerror=alert(3)>"),
        claim_on(a, "Polisi menangkap 3 orang pada \"Senin\" malam", claim_type="event_property",
                 speaker=Speaker(kind="organisation", name="<i>Polisi</i> & \"Humas\""),
                 figures=[("3", {"kind": "cardinal", "value": 3.0})],
                 verdict=Verdict(label="mixed", evidence=[
                     Evidence(url="javascript:alert(4)", quote="<script>alert(5)</script>")])),
    ]


def emoji_claims() -> list[Claim]:
    a = emoji_article()
    return [claim_on(a, "harga beras naik 20 persen di Jakarta", claim_type="numerical",
                     figures=[("20 persen", {"kind": "percent", "value": 20.0})])]


def all_articles() -> list[Article]:
    return [news_article(), script_article(), emoji_article()]


def all_claims() -> list[Claim]:
    return news_claims() + script_claims() + emoji_claims()
