"""The static review pages: every claim highlighted at its span, all text escaped, index counts."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from _claim_fixtures import (
    all_articles,
    all_claims,
    news_article,
    news_claims,
    script_article,
)
from klaim.errors import SchemaError
from klaim.review.pages import render_article, write_review


class _Tree(HTMLParser):
    """Collects the article text, every highlight with its text, and every <script> body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.in_text = 0
        self.text: list[str] = []
        self.marks: list[dict] = []
        self.scripts: list[str] = []
        self._script: list[str] | None = None
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "script":
            self._script = []
        if a.get("id") == "article-text":
            self.in_text = 1
            self.stack.append({"tag": tag, "root": True})
            return
        if self.in_text:
            node = {"tag": tag, "attrs": a, "text": []}
            self.stack.append(node)
            if "data-start" in a:
                self.marks.append(node)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None
        if self.in_text and self.stack:
            node = self.stack.pop()
            if node.get("root"):
                self.in_text = 0

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        if self.in_text:
            self.text.append(data)
            for node in self.stack:
                if not node.get("root"):
                    node["text"].append(data)


def parse(html: str) -> _Tree:
    t = _Tree()
    t.feed(html)
    return t


@pytest.fixture
def review(tmp_path: Path) -> Path:
    write_review(all_articles(), all_claims(), tmp_path)
    return tmp_path


def test_files_written(review: Path) -> None:
    assert (review / "index.html").is_file()
    for a in all_articles():
        assert (review / "articles" / f"{a.article_id}.html").is_file()


def test_every_claim_is_highlighted_at_its_span(review: Path) -> None:
    a = news_article()
    tree = parse((review / "articles" / f"{a.article_id}.html").read_text(encoding="utf-8"))
    assert "".join(tree.text) == a.text  # the page shows the article text, exactly
    claims = {c.claim_id: c for c in news_claims()}
    pieces: dict[str, list[dict]] = {}
    for node in tree.marks:
        attrs = node["attrs"]
        s, e = int(attrs["data-start"]), int(attrs["data-end"])
        assert "".join(node["text"]) == a.text[s:e]
        if "data-claim-id" in attrs:
            pieces.setdefault(attrs["data-claim-id"], []).append(attrs)
    assert set(pieces) == set(claims)
    for cid, parts in pieces.items():
        c = claims[cid]
        assert all(int(p["data-claim-start"]) == c.start and int(p["data-claim-end"]) == c.end
                   for p in parts)
        # the pieces tile the claim span exactly
        spans = sorted((int(p["data-start"]), int(p["data-end"])) for p in parts)
        assert spans[0][0] == c.start and spans[-1][1] == c.end
        assert all(x[1] == y[0] for x, y in itertools.pairwise(spans))
        assert [p["data-part"] for p in parts] == [f"{i}/{len(parts)}" for i in range(1, len(parts) + 1)]
    # non-crossing claims are one element each; the crossing pair is split once
    split = {cid for cid, parts in pieces.items() if len(parts) > 1}
    assert split == {next(c.claim_id for c in claims.values() if c.surface.startswith("pertumbuhan"))}
    figures = [n for n in tree.marks if n["attrs"].get("class") == "figure"]
    assert {a.text[int(f["attrs"]["data-start"]):int(f["attrs"]["data-end"])] for f in figures} == {
        "2,5 persen", "Maret 2024", "Rp 10 triliun", "350.000", "5 persen", "12"}


def test_details_present_for_every_claim(review: Path) -> None:
    html = (review / "articles" / "news-001.html").read_text(encoding="utf-8")
    tree = parse(html)
    details = [a for t, a in tree.tags if t == "section" and "claim-detail" in a.get("class", "")]
    rows = [a for t, a in tree.tags if t == "tr" and a.get("class") == "claim-row"]
    ids = {c.claim_id for c in news_claims()}
    assert {d["data-claim-id"] for d in details} == ids
    assert {r["data-claim-id"] for r in rows} == ids
    assert "Inflasi Indonesia turun menjadi 2,5 persen pada Maret 2024." in html
    assert "https://bps.go.id/inflasi" in html and "statistic" in html
    for name in ("filter-type", "filter-speaker", "filter-verdict"):
        assert f'id="{name}"' in html


def test_all_text_is_escaped(review: Path) -> None:
    a = script_article()
    html = (review / "articles" / f"{a.article_id}.html").read_text(encoding="utf-8")
    tree = parse(html)
    assert "".join(tree.text) == a.text
    # the only script element is the page's own
    assert len([t for t, _ in tree.tags if t == "script"]) == 1
    assert "alert(" not in tree.scripts[0]
    assert not any(t in ("img", "i", "b") for t, _ in tree.tags)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(3)&gt;" in html
    # a javascript: evidence URL is shown, never linked
    assert not any(t == "a" and "javascript" in (attrs.get("href") or "") for t, attrs in tree.tags)
    assert "javascript:alert(4)" in html
    # the CSP allows only the page's own script
    assert re.search(r"script-src (?:'|&#x27;)sha256-[A-Za-z0-9+/=]+(?:'|&#x27;)", html)
    index = (review / "index.html").read_text(encoding="utf-8")
    assert "<script" not in index and "&lt;script&gt;alert(&#x27;title&#x27;)" in index


def test_index_counts(review: Path) -> None:
    tree = parse((review / "index.html").read_text(encoding="utf-8"))
    rows = {a["data-article-id"]: a for t, a in tree.tags if t == "tr" and "data-article-id" in a}
    assert set(rows) == {"news-001", "xss-002", "emoji-003"}
    assert rows["news-001"]["data-claims"] == "6"
    assert rows["news-001"]["data-figures"] == "6"  # "Rp 10 triliun" is shared by two claims
    assert rows["news-001"]["data-check-worthy"] == "5"
    assert rows["xss-002"]["data-claims"] == "2"
    assert rows["emoji-003"]["data-claims"] == "1"
    hrefs = {a.get("href") for t, a in tree.tags if t == "a"}
    assert {"articles/news-001.html", "articles/xss-002.html", "articles/emoji-003.html"} <= hrefs
    charts = [a["data-chart"] for t, a in tree.tags if t == "figure"]
    assert "claims_per_type.svg" in charts


def test_deterministic(tmp_path: Path) -> None:
    write_review(all_articles(), all_claims(), tmp_path / "a")
    write_review(all_articles(), list(reversed(all_claims())), tmp_path / "b")
    for p in sorted((tmp_path / "a").rglob("*.html")):
        assert p.read_bytes() == (tmp_path / "b" / p.relative_to(tmp_path / "a")).read_bytes()


def test_article_without_claims_and_crlf() -> None:
    from klaim.schema import Article

    a = Article(article_id="crlf", lang="en", published="2024-01-01", text="One.\r\nTwo <b>.")
    tree = parse(render_article(a, []))
    assert "".join(tree.text) == a.text


def test_claim_on_unknown_article_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SchemaError) as err:
        write_review([news_article()], all_claims(), tmp_path / "out")
    assert "unknown article" in str(err.value)
    assert not (tmp_path / "out").exists()


def test_any_overlap_renders_well_nested_and_exact() -> None:
    """Random overlapping, nested and crossing claims: the article text is intact, every
    highlight piece holds exactly its span, and each claim's pieces tile its span."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from klaim.schema import Article, Claim, Span, Speaker, make_claim_id

    text = "Ab <c> d&e\n“f” 🚀 g. Hij klm nop qrs tuv wxy z.\r\nSecond line <script>x</script>."
    art = Article(article_id="prop", lang="en", published="2024-01-01", text=text)
    n = len(text)

    def claim(s: int, e: int) -> Claim:
        return Claim(claim_id=make_claim_id("prop", s, e), article_id="prop", lang="en", text="t",
                     start=s, end=e, surface=text[s:e],
                     sentence=Span(start=0, end=n, surface=text), claim_type="numerical",
                     speaker=Speaker(kind="publisher"), check_worthiness=0.5,
                     extractor="x", extractor_version="0")

    spans = st.tuples(st.integers(0, n - 1), st.integers(1, n)).filter(lambda t: t[0] < t[1])

    @settings(max_examples=60, deadline=None)
    @given(st.lists(spans, max_size=8, unique=True))
    def check(pairs: list[tuple[int, int]]) -> None:
        claims = [claim(s, e) for s, e in pairs]
        tree = parse(render_article(art, claims))
        assert "".join(tree.text) == text
        pieces: dict[str, list[tuple[int, int]]] = {}
        for node in tree.marks:
            s, e = int(node["attrs"]["data-start"]), int(node["attrs"]["data-end"])
            assert "".join(node["text"]) == text[s:e]
            pieces.setdefault(node["attrs"]["data-claim-id"], []).append((s, e))
        assert set(pieces) == {c.claim_id for c in claims}
        for c in claims:
            got = sorted(pieces[c.claim_id])
            assert got[0][0] == c.start and got[-1][1] == c.end
            assert all(a[1] == b[0] for a, b in itertools.pairwise(got))

    check()


def test_only_some_articles(tmp_path: Path) -> None:
    from klaim.errors import InputError

    paths = write_review(all_articles(), all_claims(), tmp_path, article_ids=["xss-002"])
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == ["index.html",
                                                                   "articles/xss-002.html"]
    assert 'data-article-id="news-001"' not in (tmp_path / "index.html").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="no article nope"):
        write_review(all_articles(), all_claims(), tmp_path, article_ids=["nope"])
