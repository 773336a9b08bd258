"""Static review pages: one self-contained HTML file per article, plus an index.

``write_review(articles, claims, out_dir)`` writes

- ``out_dir/index.html``: every article with its counts (claims, per type, figures,
  check-worthy claims, verdicts), and the charts of ``klaim.dataset.charts`` inlined as SVG;
- ``out_dir/articles/<article_id>.html``: the article text with every claim span highlighted and
  coloured by claim type, figures marked inside it, a details panel (standalone text, type,
  speaker, modality, time, figures with normalised values, check-worthiness with reasons,
  verdict with evidence) shown on hover and pinned on click, and a table of claims with filters
  by type, speaker and verdict.

The pages need no server and no network: CSS and JavaScript are inline, and a
Content-Security-Policy allows only the page's own script (by hash), no remote resource at all.
Every piece of text is HTML-escaped, so an article containing ``<script>`` shows it as text.

Markup of the article text (what tests and tools can rely on):

- ``#article-text`` holds the article; its ``textContent`` is exactly the article text.
- Each claim is a ``<mark class="claim" data-claim-id=… data-start=… data-end=…>``; the text of
  the element is ``article.text[data-start:data-end]``. Nested claims nest. When two claims cross
  (neither contains the other) the later one is split into pieces at the other's boundary; each
  piece carries the same ``data-claim-id``, its own ``data-start``/``data-end``, and
  ``data-part="i/n"``; ``data-claim-start``/``data-claim-end`` always give the whole claim span.
- Each figure is a ``<span class="figure" data-figure-kind=… data-start=… data-end=…>``.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from klaim.dataset.charts import TYPE_COLOURS, VERDICT_COLOURS, render_charts
from klaim.errors import SchemaError
from klaim.schema import Article, Claim, ClaimType, Figure, Speaker, VerdictLabel

ARTICLES_DIR = "articles"
INDEX_FILE = "index.html"
CHECK_WORTHY = 0.5  # the index counts claims at or above this check-worthiness


def esc(value: object) -> str:
    """HTML-escape text for element content and quoted attributes (CR kept as a reference, since
    the HTML parser would otherwise turn CR LF into LF and shift every offset)."""
    return escape("" if value is None else str(value), quote=True).replace("\r", "&#13;")


def article_page_name(article_id: str) -> str:
    return f"{ARTICLES_DIR}/{article_id}.html"


def speaker_label(sp: Speaker) -> str:
    """A short name for a speaker, used by the speaker filter and the claims table."""
    return sp.name or sp.organisation or sp.role or f"({sp.kind.value})"


# ---------------------------------------------------------------------------------------------
# Highlights: a properly nested tree of marks over the text, splitting crossing spans.


@dataclass(order=True)
class _Interval:
    start: int
    neg_end: int
    order: int  # 0 claim, 1 figure: a claim encloses a figure with the same span
    key: str
    kind: str = field(compare=False)  # "claim" or "figure"
    ref: object = field(compare=False)
    whole: tuple[int, int] = field(compare=False)

    @property
    def end(self) -> int:
        return -self.neg_end


@dataclass
class _Piece:
    interval: _Interval
    start: int
    end: int
    part: int = 1
    parts: int = 1


_Event = tuple[str, _Piece | tuple[int, int]]  # ("open" | "close", piece) or ("text", (a, b))


def _layout(text_len: int, intervals: list[_Interval]) -> list[_Event]:
    """Events ("open", piece) / ("text", (a, b)) / ("close", piece) forming a well-nested tree.

    A span that crosses an open one is cut at the open one's end and its remainder queued again,
    so the output is always valid nested markup and covers each span exactly once.
    """
    heap = list(intervals)
    heapq.heapify(heap)
    events: list[_Event] = []
    stack: list[_Piece] = []
    pos = 0
    pieces: dict[str, list[_Piece]] = defaultdict(list)

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            if pos < top.end:
                events.append(("text", (pos, top.end)))
                pos = top.end
            events.append(("close", top))

    while heap:
        iv = heapq.heappop(heap)
        close_until(iv.start)
        if pos < iv.start:
            events.append(("text", (pos, iv.start)))
            pos = iv.start
        end = iv.end
        if stack and stack[-1].end < end:
            rest = _Interval(stack[-1].end, iv.neg_end, iv.order, iv.key, iv.kind, iv.ref, iv.whole)
            heapq.heappush(heap, rest)
            end = stack[-1].end
        piece = _Piece(iv, iv.start, end)
        pieces[iv.key].append(piece)
        stack.append(piece)
        events.append(("open", piece))
    close_until(text_len)
    if pos < text_len:
        events.append(("text", (pos, text_len)))
    for group in pieces.values():
        for i, p in enumerate(group, 1):
            p.part, p.parts = i, len(group)
    return events


def _num(v: float | None) -> str:
    if v is None:
        return ""
    if float(v).is_integer() and abs(v) < 1e18:
        return f"{int(v):,}".replace(",", "\u202f")  # narrow no-break space: 10 000 000
    return repr(float(v))


def figure_summary(f: Figure) -> str:
    """The normalised reading of a figure in one line: ``money 1e13 IDR``, ``date 2024-03``."""
    parts = [f.kind.value]
    if f.qualifier:
        parts.append(f.qualifier)
    if f.value is not None:
        parts.append(_num(f.value))
    if f.low is not None or f.high is not None:
        parts.append(f"[{_num(f.low)}–{_num(f.high)}]")
    for extra in (f.currency, f.unit, f"per {f.per.value}" if f.per else None, f.iso,
                  f"({f.counted})" if f.counted else None, "≈" if f.approximate else None):
        if extra:
            parts.append(extra)
    return " ".join(parts)


def _highlighted_text(article: Article, claims: Sequence[Claim], index: dict[str, int]) -> str:
    intervals: list[_Interval] = []
    for c in claims:
        intervals.append(_Interval(c.start, -c.end, 0, f"c{index[c.claim_id]:06d}", "claim", c,
                                   (c.start, c.end)))
    seen: set[tuple[int, int, str]] = set()
    for c in claims:
        for f in c.figures:
            k = (f.start, f.end, f.kind.value)
            if k in seen:
                continue
            seen.add(k)
            intervals.append(_Interval(f.start, -f.end, 1, f"f{f.start:09d}-{f.end:09d}-{k[2]}",
                                       "figure", f, (f.start, f.end)))
    text = article.text
    out: list[str] = []
    for kind, obj in _layout(len(text), intervals):
        if isinstance(obj, tuple):
            a, b = obj
            out.append(esc(text[a:b]))
        elif kind == "close":
            out.append("</mark>" if obj.interval.kind == "claim" else "</span>")
        else:
            out.append(_open_tag(obj, index))
    return "".join(out)


def _open_tag(p: _Piece, index: dict[str, int]) -> str:
    """The opening tag of a piece of a claim (``<mark>``) or of a figure (``<span>``)."""
    pos = f'data-start="{p.start}" data-end="{p.end}"'
    ref = p.interval.ref
    if isinstance(ref, Claim):
        return (f'<mark class="claim t-{ref.claim_type.value}" data-claim-id="{esc(ref.claim_id)}" '
                f'data-n="{index[ref.claim_id]}" {pos} data-claim-start="{ref.start}" '
                f'data-claim-end="{ref.end}" data-part="{p.part}/{p.parts}" '
                f'data-type="{ref.claim_type.value}" data-speaker="{esc(speaker_label(ref.speaker))}" '
                f'data-verdict="{ref.verdict.label.value}" tabindex="0" '
                f'title="{esc(ref.claim_type.value)}: {esc(ref.text)}">')
    assert isinstance(ref, Figure)  # an interval refers to a claim or a figure, nothing else
    return (f'<span class="figure" data-figure-kind="{ref.kind.value}" {pos} '
            f'title="{esc(figure_summary(ref))}">')


# ---------------------------------------------------------------------------------------------
# Details of one claim


def _safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) stays text."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _dl(rows: list[tuple[str, str]]) -> str:
    return "<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows if v) + "</dl>"


def _claim_detail(c: Claim, n: int) -> str:
    sp = c.speaker
    speaker = ", ".join(esc(x) for x in (sp.name, sp.role, sp.organisation) if x)
    speaker = f"{speaker} <small>({esc(sp.kind.value)}" + (f"; cue “{esc(sp.cue)}”" if sp.cue else "") + ")</small>"
    figs = ""
    if c.figures:
        fig_rows = "".join(
            f"<tr><td>“{esc(f.surface)}”</td><td>{esc(f.kind.value)}</td>"
            f"<td>{esc(_num(f.value))}</td><td>{esc(figure_summary(f))}</td>"
            f"<td>{f.start}–{f.end}</td></tr>" for f in c.figures)
        figs = ("<table class='figs'><thead><tr><th>figure</th><th>kind</th><th>value</th>"
                f"<th>normalised</th><th>span</th></tr></thead><tbody>{fig_rows}</tbody></table>")
    reasons = "".join(f"<li>{esc(r)}</li>" for r in c.check_worthiness_reasons)
    cw = (f"<span class='cw'><span style='width:{round(c.check_worthiness * 100)}%'></span></span> "
          f"{c.check_worthiness:.2f}" + (f"<ul>{reasons}</ul>" if reasons else ""))
    v = c.verdict
    ev_items = []
    for e in v.evidence:
        url = _safe_url(e.url)
        link = (f"<a href='{esc(url)}' rel='noopener noreferrer'>{esc(url)}</a>" if url
                else esc(e.url))
        bits = [link] if e.url else []
        if e.publisher:
            bits.append(esc(e.publisher))
        if e.retrieved:
            bits.append(f"retrieved {e.retrieved.isoformat()}")
        quote = f"<blockquote>{esc(e.quote)}</blockquote>" if e.quote else ""
        note = f"<p class='note'>{esc(e.note)}</p>" if e.note else ""
        ev_items.append(f"<li>{' · '.join(bits)}{quote}{note}</li>")
    verdict = f"<span class='verdict v-{v.label.value}'>{esc(v.label.value)}</span>"
    if v.reviewer or v.reviewed:
        verdict += f" <small>by {esc(v.reviewer or '?')}" + (
            f" on {v.reviewed.isoformat()}" if v.reviewed else "") + "</small>"
    if ev_items:
        verdict += f"<ol class='evidence'>{''.join(ev_items)}</ol>"
    entities = ", ".join(f"{esc(e.surface)} <small>({esc(e.label.value)})</small>" for e in c.entities)
    time = f"{esc(c.time.iso)} <small>({esc(c.time.source)})</small>" if c.time else ""
    rows = [
        ("standalone text", f"<q class='standalone'>{esc(c.text)}</q>"),
        ("span", f"[{c.start}:{c.end}] “{esc(c.surface)}”"),
        ("type", f"<span class='badge t-{c.claim_type.value}'>{esc(c.claim_type.value)}</span>"),
        ("speaker", speaker),
        ("modality", esc(c.modality.value)),
        ("time", time),
        ("figures", figs),
        ("entities", entities),
        ("check-worthiness", cw),
        ("verdict", verdict),
        ("extractor", f"{esc(c.extractor)} {esc(c.extractor_version)}"),
    ]
    return (f'<section class="claim-detail" id="detail-{n}" data-claim-id="{esc(c.claim_id)}" hidden>'
            f'<h3>#{n} <code>{esc(c.claim_id)}</code></h3>{_dl(rows)}</section>')


# ---------------------------------------------------------------------------------------------
# Pages

_CSS = """
:root{--fg:#1d1d1f;--muted:#666;--line:#ddd}
html{overflow-y:scroll;scrollbar-gutter:stable}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);margin:0}
header{padding:12px 20px;border-bottom:1px solid var(--line)}
header h1{font-size:20px;margin:4px 0}
.meta{color:var(--muted);font-size:13px;margin:0}
.layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(320px,2fr);gap:20px;padding:16px 20px;align-items:start}
main{min-width:0}
aside{min-width:0;position:sticky;top:0;max-height:100vh;overflow:auto;overflow-wrap:break-word}
#article-text{white-space:pre-wrap;line-height:2.1;font-size:16px;border:1px solid var(--line);padding:12px 16px;border-radius:6px}
mark.claim{background:rgba(0,0,0,.06);color:inherit;cursor:pointer;padding:2px 0;border-bottom:3px solid #999;border-radius:2px}
mark.claim mark.claim{padding:0 0 1px 0}
mark.claim.active{outline:2px solid #000;background:rgba(255,230,0,.45)}
mark.claim.dim{background:transparent;border-bottom-color:transparent;cursor:default}
span.figure{border:1px dashed #444;border-radius:3px;padding:0 1px;font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 8px;font-size:13px}
.badge{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:12px}
#details{border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin-bottom:12px;display:flex;flex-direction:column}
#details .hint{color:var(--muted);margin:0}
.claim-detail h3{font-size:14px;margin:6px 0}
.claim-detail dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0 0 8px}
.claim-detail dt{color:var(--muted);font-size:13px}
.claim-detail dd{margin:0}
.claim-detail + .claim-detail{border-top:1px dashed var(--line);margin-top:6px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:3px 5px;text-align:left;vertical-align:top}
tr.claim-row{cursor:pointer}
tr.claim-row:hover,tr.claim-row.active{background:#fff6c2}
.cw{display:inline-block;width:80px;height:8px;background:#eee;border-radius:4px;vertical-align:middle}
.cw span{display:block;height:8px;background:#555;border-radius:4px}
.verdict{font-weight:600}
blockquote{margin:4px 0 4px 8px;padding-left:8px;border-left:3px solid var(--line);color:#333}
.filters{display:flex;gap:6px;flex-wrap:wrap;margin:6px 0}
.filters label{font-size:13px}
#articles td.title{min-width:18em}
.table-wrap{padding:16px 20px;overflow-x:auto}
.charts{display:flex;flex-wrap:wrap;gap:12px;padding:0 20px 20px}
"""


def _type_css() -> str:
    rules = []
    for t, colour in TYPE_COLOURS.items():
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        rules.append(f"mark.t-{t}{{background:rgba({r},{g},{b},.16);border-bottom-color:{colour}}}")
        rules.append(f".badge.t-{t}{{background:{colour}}}")
    for v, colour in VERDICT_COLOURS.items():
        rules.append(f".v-{v}{{color:{colour}}}")
    return "\n".join(rules)


_JS = r"""
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var panel = document.getElementById("details");
  var hint = document.getElementById("details-hint");
  var details = {};
  Array.prototype.forEach.call(document.querySelectorAll(".claim-detail"), function (d) {
    details[d.getAttribute("data-claim-id")] = d;
  });
  var marks = Array.prototype.slice.call(text.querySelectorAll("mark.claim"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.claim-row"));
  var pinned = null;

  function claimsAt(node) {
    var ids = [];
    for (var n = node; n && n !== text; n = n.parentNode) {
      if (n.nodeType === 1 && n.hasAttribute("data-claim-id") && !n.classList.contains("dim")) {
        var id = n.getAttribute("data-claim-id");
        if (ids.indexOf(id) < 0) ids.push(id);
      }
    }
    return ids;
  }
  function show(ids) {
    Object.keys(details).forEach(function (k) { details[k].hidden = true; details[k].style.order = ""; });
    ids.forEach(function (id, i) {
      if (details[id]) { details[id].hidden = false; details[id].style.order = String(i + 1); }
    });
    hint.hidden = ids.length > 0;
    var first = ids.length ? ids[0] : null;
    marks.forEach(function (m) { m.classList.toggle("active", m.getAttribute("data-claim-id") === first); });
    rows.forEach(function (r) { r.classList.toggle("active", r.getAttribute("data-claim-id") === first); });
  }
  function pin(ids) { pinned = ids.length ? ids : null; show(ids); }

  text.addEventListener("click", function (e) { pin(claimsAt(e.target)); });
  text.addEventListener("keydown", function (e) {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pin(claimsAt(e.target)); }
  });
  text.addEventListener("mouseover", function (e) {
    if (pinned) return;
    show(claimsAt(e.target));
  });
  text.addEventListener("mouseleave", function () { if (!pinned) show([]); });
  rows.forEach(function (r) {
    r.addEventListener("click", function () {
      var id = r.getAttribute("data-claim-id");
      pin([id]);
      for (var i = 0; i < marks.length; i++) {
        if (marks[i].getAttribute("data-claim-id") === id) { marks[i].scrollIntoView({block: "center"}); break; }
      }
    });
  });

  var filters = ["type", "speaker", "verdict"].map(function (name) {
    return {name: name, el: document.getElementById("filter-" + name)};
  });
  function matches(el) {
    return filters.every(function (f) {
      return !f.el.value || el.getAttribute("data-" + f.name) === f.el.value;
    });
  }
  function applyFilters() {
    rows.forEach(function (r) { r.hidden = !matches(r); });
    marks.forEach(function (m) { m.classList.toggle("dim", !matches(m)); });
    var shown = rows.filter(function (r) { return !r.hidden; }).length;
    document.getElementById("shown-count").textContent = String(shown);
  }
  filters.forEach(function (f) { f.el.addEventListener("change", applyFilters); });
})();
"""


def _csp(script: str | None) -> str:
    if script is None:
        src = "'none'"
    else:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        src = f"'sha256-{digest}'"
    return ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            f"script-src {src}; base-uri 'none'; form-action 'none'")


def _head(title: str, lang: str, script: str | None) -> str:
    return ("<!DOCTYPE html>\n"
            f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(_csp(script))}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>{esc(title)}</title>\n<style>{_CSS}\n{_type_css()}</style>\n</head>\n")


def _options(name: str, values: list[str]) -> str:
    opts = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)
    return (f'<label>{name} <select id="filter-{name}"><option value="">all</option>'
            f"{opts}</select></label>")


def render_article(article: Article, claims: Sequence[Claim]) -> str:
    """The review page of one article (``claims`` are that article's claims)."""
    ordered = sorted(claims, key=lambda c: (c.start, -c.end, c.claim_id))
    index = {c.claim_id: i for i, c in enumerate(ordered, 1)}
    title = article.title or article.article_id
    legend = "".join(f"<span class='badge t-{t.value}'>{t.value}</span>" for t in ClaimType
                     if any(c.claim_type == t for c in ordered))
    rows = "".join(
        f'<tr class="claim-row" data-claim-id="{esc(c.claim_id)}" data-n="{index[c.claim_id]}" '
        f'data-type="{c.claim_type.value}" data-speaker="{esc(speaker_label(c.speaker))}" '
        f'data-verdict="{c.verdict.label.value}">'
        f"<td>{index[c.claim_id]}</td>"
        f"<td><span class='badge t-{c.claim_type.value}'>{c.claim_type.value}</span></td>"
        f"<td>{esc(c.text)}</td><td>{esc(speaker_label(c.speaker))}</td>"
        f"<td>{c.modality.value}</td><td>{c.check_worthiness:.2f}</td>"
        f"<td class='v-{c.verdict.label.value}'>{c.verdict.label.value}</td></tr>"
        for c in ordered)
    types = [t.value for t in ClaimType if any(c.claim_type == t for c in ordered)]
    speakers = sorted({speaker_label(c.speaker) for c in ordered})
    verdicts = [v.value for v in VerdictLabel if any(c.verdict.label == v for c in ordered)]
    meta = " · ".join(esc(x) for x in (
        article.article_id, article.lang,
        article.published.isoformat() + (" (inferred)" if article.published_inferred else ""),
        f"{len(ordered)} claims", article.source) if x)
    link = _safe_url(article.url)
    if link:
        meta += f" · <a href='{esc(link)}' rel='noopener noreferrer'>source</a>"
    return (
        _head(f"{title} — klaim review", article.lang, _JS)
        + "<body>\n<header><a href='../index.html'>← all articles</a>"
        f"<h1>{esc(title)}</h1><p class='meta'>{meta}</p></header>\n"
        "<div class='layout'>\n<main>\n"
        f"<div class='legend'>{legend}<span class='figure'>figure</span></div>\n"
        f'<div id="article-text" data-article-id="{esc(article.article_id)}" '
        f'data-length="{len(article.text)}">{_highlighted_text(article, ordered, index)}</div>\n'
        "</main>\n<aside>\n"
        "<section id='details' aria-live='polite'>"
        "<p id='details-hint' class='hint'>Hover or click a highlighted claim to see its details.</p>"
        + "".join(_claim_detail(c, index[c.claim_id]) for c in ordered)
        + "</section>\n<section id='claims'>"
        f"<div class='filters'>{_options('type', types)}{_options('speaker', speakers)}"
        f"{_options('verdict', verdicts)}</div>"
        f"<p class='meta'><span id='shown-count'>{len(ordered)}</span> of {len(ordered)} claims</p>"
        "<table id='claims-table'><thead><tr><th>#</th><th>type</th><th>claim</th>"
        "<th>speaker</th><th>modality</th><th>cw</th><th>verdict</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>\n</aside>\n</div>\n"
        f"<script>{_JS}</script>\n</body>\n</html>\n")


def article_counts(claims: Sequence[Claim]) -> dict[str, object]:
    """The numbers the index shows for one article."""
    return {
        "claims": len(claims),
        "types": Counter(c.claim_type.value for c in claims),
        "figures": len({(f.start, f.end, f.kind.value) for c in claims for f in c.figures}),
        "check_worthy": sum(1 for c in claims if c.check_worthiness >= CHECK_WORTHY),
        "verdicts": Counter(c.verdict.label.value for c in claims),
    }


def render_index(articles: Sequence[Article], claims: Sequence[Claim]) -> str:
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    type_cols = [t.value for t in ClaimType]
    verdict_cols = [v.value for v in VerdictLabel]
    head = ("<tr><th>article</th><th>title</th><th>lang</th><th>published</th><th>claims</th>"
            + "".join(f"<th><span class='badge t-{t}'>{t}</span></th>" for t in type_cols)
            + f"<th>figures</th><th>check-worthy (≥{CHECK_WORTHY})</th>"
            + "".join(f"<th class='v-{v}'>{v}</th>" for v in verdict_cols) + "</tr>")
    body = []
    for a in sorted(articles, key=lambda a: a.article_id):
        n = article_counts(by_article.get(a.article_id, []))
        types: Counter = n["types"]  # type: ignore[assignment]
        verdicts: Counter = n["verdicts"]  # type: ignore[assignment]
        body.append(
            f'<tr class="article-row" data-article-id="{esc(a.article_id)}" '
            f'data-claims="{n["claims"]}" data-figures="{n["figures"]}" '
            f'data-check-worthy="{n["check_worthy"]}">'
            f"<td><a href='{esc(article_page_name(a.article_id))}'>{esc(a.article_id)}</a></td>"
            f"<td class='title'>{esc(a.title or '')}</td><td>{esc(a.lang)}</td>"
            f"<td>{a.published.isoformat()}</td><td class='n-claims'>{n['claims']}</td>"
            + "".join(f"<td data-type='{t}'>{types.get(t, 0)}</td>" for t in type_cols)
            + f"<td>{n['figures']}</td><td>{n['check_worthy']}</td>"
            + "".join(f"<td data-verdict='{v}'>{verdicts.get(v, 0)}</td>" for v in verdict_cols)
            + "</tr>")
    total = article_counts(claims)
    charts = "".join(f"<figure data-chart='{esc(name)}'>{svg}</figure>"
                     for name, svg in render_charts(list(claims)).items())
    return (
        _head("klaim review", "en", None)
        + "<body>\n<header><h1>klaim review</h1>"
        f"<p class='meta'>{len(articles)} articles · {total['claims']} claims · "
        f"{total['figures']} figures · {total['check_worthy']} check-worthy</p></header>\n"
        f"<div class='table-wrap'><table id='articles'><thead>{head}</thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>\n"
        f"<div class='charts'>{charts}</div>\n</body>\n</html>\n")


def _check(articles: Sequence[Article], claims: Sequence[Claim]) -> None:
    from klaim.dataset.validate import check_claims

    report = check_claims(list(articles), [c.model_dump(mode="json") for c in claims],
                          file="(review)")
    if report.problems:
        raise SchemaError(report)


def write_review(articles: Sequence[Article], claims: Sequence[Claim], out_dir: Path,
                 article_ids: Sequence[str] | None = None) -> list[Path]:
    """Write ``index.html`` and one page per article into ``out_dir``; returns the paths written.

    ``article_ids`` limits the pages (and the index) to those articles; their claims are picked
    from ``claims``, so callers can pass everything.

    Every claim is checked against its article first (a wrong span would highlight the wrong
    text): on any problem a ``SchemaError`` lists them all and nothing is written.
    Output is deterministic: the same input gives byte-identical files.
    """
    if article_ids is not None:
        wanted = set(article_ids)
        missing = sorted(wanted - {a.article_id for a in articles})
        if missing:
            from klaim.errors import InputError

            raise InputError(f"no article {', '.join(missing)} among the articles")
        articles = [a for a in articles if a.article_id in wanted]
        claims = [c for c in claims if c.article_id in wanted]
    _check(articles, claims)
    out_dir = Path(out_dir)
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    (out_dir / ARTICLES_DIR).mkdir(parents=True, exist_ok=True)
    paths = []
    for a in sorted(articles, key=lambda a: a.article_id):
        path = out_dir / article_page_name(a.article_id)
        path.write_bytes(render_article(a, by_article.get(a.article_id, [])).encode("utf-8"))
        paths.append(path)
    index = out_dir / INDEX_FILE
    index.write_bytes(render_index(articles, claims).encode("utf-8"))
    return [index, *paths]
