"""Measure the claim extractor against hand-annotated gold claims of one article.

Gold format (JSONL). An optional first line names the article::

    {"article": {"path": "../../../seeds/x.txt", "lang": "id", "published": "2024-04-04", "id": "x"}}

(``path`` is relative to the gold file). Every other line is one claim::

    {"start": 11, "end": 189, "surface": "...", "text": "standalone ...", "claim_type": "numerical",
     "speaker": {"kind": "group", "name": "para pejabat Ukraina"}, "modality": "asserted",
     "figure_values": [350000], "note": "why"}

Match rule: a predicted claim matches a gold claim when the character IoU of their spans
(|intersection| / |union|) is at least ``threshold`` (0.5 by default). Pairs are matched one to
one, best IoU first, so one long prediction cannot match two gold claims. Precision, recall and F1
count matched spans; type, speaker and modality accuracy are over matched pairs. A speaker is right
when its kind is right and, for persons and organisations, its name is (case-insensitive); groups
and anonymous sources are judged by kind, since their "name" is only the phrase.

A corpus gold file (``evaluate_claims(gold, articles=ARTICLES)``) holds one article a line and no
text: ``{"id", "claims": [{"start", "end", "claim", "type", "speaker", "modality", "figures"}]}``
(the format of ``CLAIMS_GUIDELINE.md``), joined by ``id`` to an articles JSONL
(``{"id", "text", "lang"?, "published"?|"date"?}``). Its speaker is ``"publisher"`` or
``"Name (role)"``; a named gold speaker is matched when the predicted speaker is not the publisher
and the words of one name are all among the words of the other or start them ("Luhut" or
"Enggar" for "Luhut Binsar Panjaitan (Menteri …)" or "Enggartiasto Lukita"), or one is the
acronym of the other ("BNPB"); the predicted mention stands in when the speaker has no name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from klaim.errors import InputError
from klaim.schema import Claim

_WORD = re.compile(r"\w+")
_NAMED = "named"  # the kind of a corpus gold speaker that is not the publisher
_ROLE = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")


@dataclass
class Pair:
    gold: dict[str, Any]
    predicted: dict[str, Any]
    iou: float
    type_ok: bool
    speaker_ok: bool
    modality_ok: bool
    text_f1: float


@dataclass
class ClaimsReport:
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    type_accuracy: float
    speaker_accuracy: float
    modality_accuracy: float
    text_token_f1: float
    threshold: float
    pairs: list[Pair] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    articles: int = 1

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["pairs"] = [asdict(p) for p in self.pairs]
        return d

    def summary(self) -> str:
        return "\n".join([
            (f"claims: {self.articles} article(s), gold {self.gold}, predicted {self.predicted}, "
             f"matched {self.matched} (span IoU >= {self.threshold}, one to one)"),
            f"  span precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
            (f"  on matched: type {self.type_accuracy:.3f}  speaker {self.speaker_accuracy:.3f}  "
             f"modality {self.modality_accuracy:.3f}  standalone-text token F1 {self.text_token_f1:.3f}"),
        ])

    def details(self) -> list[str]:
        lines = []
        for p in self.pairs:
            checks = (("type", p.type_ok), ("speaker", p.speaker_ok), ("modality", p.modality_ok))
            wrong = [n for n, ok in checks if not ok]
            if wrong:
                g, q = p.gold, p.predicted
                lines.append(f"  wrong {'/'.join(wrong)} at {_where(g)} {g['surface'][:60]!r}: "
                             f"gold {_summary(g)} | predicted {_summary(q)}")
        lines += [f"  missed {_where(g)} {g['surface'][:80]!r}" for g in self.missed]
        lines += [f"  spurious {_where(q)} {q['surface'][:80]!r}" for q in self.spurious]
        return lines

    def render(self, details: bool = True) -> str:
        return "\n".join([self.summary(), *(self.details() if details else [])])


def _where(c: dict[str, Any]) -> str:
    aid = c.get("article_id")
    return f"{aid}[{c['start']}:{c['end']}]" if aid else f"[{c['start']}:{c['end']}]"


def _summary(c: dict[str, Any]) -> str:
    sp = c.get("speaker") or {}
    return f"{c.get('claim_type')}/{sp.get('kind')}:{sp.get('name')}/{c.get('modality')}"


def _json_lines(path: Path, what: str) -> Iterable[tuple[int, dict[str, Any]]]:
    from klaim.articles import jsonl_lines

    if not path.is_file():
        raise InputError(f"{what} not found", str(path))
    for n, line in jsonl_lines(path.read_text(encoding="utf-8")):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {n} is not JSON: {exc}", str(path)) from exc
        if not isinstance(rec, dict):
            raise InputError(f"line {n} is not a JSON object", str(path))
        yield n, rec


def read_gold(gold_path: str | Path) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """(article header or None, gold claims) from a one-article gold JSONL file."""
    header, claims = None, []
    for _, rec in _json_lines(Path(gold_path), "gold file"):
        if "article" in rec:
            header = rec["article"]
        else:
            claims.append(rec)
    return header, claims


def _gold_speaker(value: Any) -> dict[str, Any]:
    if value == "publisher":
        return {"kind": "publisher", "name": None, "role": None}
    m = _ROLE.match(value)
    name, role = (m["name"], m["role"]) if m else (value, None)
    return {"kind": _NAMED, "name": name, "role": role}


_CORPUS_FIELDS = {"start": int, "end": int, "claim": str, "type": str, "speaker": str, "modality": str}


def _corpus_claim(rec: dict[str, Any], text: str, where: str) -> dict[str, Any]:
    """A guideline-format gold claim in the form of a one-article gold claim."""
    for name, kind in _CORPUS_FIELDS.items():
        if not isinstance(rec.get(name), kind):
            raise InputError(f"{where}: field {name!r} missing or not {kind.__name__}")
    start, end = rec["start"], rec["end"]
    if not 0 <= start < end <= len(text):
        raise InputError(f"{where}: span [{start}:{end}] outside the article ({len(text)} characters)")
    return {"start": start, "end": end, "surface": text[start:end], "text": rec["claim"],
            "claim_type": rec["type"], "speaker": _gold_speaker(rec["speaker"]),
            "modality": rec["modality"], "figures": rec.get("figures", [])}


def read_articles(path: str | Path) -> dict[str, dict[str, Any]]:
    """Articles JSONL by ``id`` (each record needs ``id`` and ``text``)."""
    articles: dict[str, dict[str, Any]] = {}
    for n, rec in _json_lines(Path(path), "articles file"):
        if not isinstance(rec.get("id"), str) or not isinstance(rec.get("text"), str):
            raise InputError(f"line {n}: an article needs string fields 'id' and 'text'", str(path))
        articles[rec["id"]] = rec
    return articles


def read_corpus_gold(gold_path: str | Path, articles: dict[str, dict[str, Any]],
                     ) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(article, gold claims) for every line of a guideline-format gold file."""
    path = Path(gold_path)
    out = []
    for n, rec in _json_lines(path, "gold file"):
        aid = rec.get("id")
        if aid not in articles:
            raise InputError(f"line {n}: article {aid!r} is not in the articles file", str(path))
        if not isinstance(rec.get("claims"), list):
            raise InputError(f"line {n}: field 'claims' missing or not a list", str(path))
        text = articles[aid]["text"]
        gold = [_corpus_claim(c, text, f"line {n}, claim {i}") if isinstance(c, dict)
                else _raise(f"line {n}, claim {i}: not a JSON object") for i, c in enumerate(rec["claims"])]
        out.append((articles[aid], [{**g, "article_id": aid} for g in gold]))
    return out


def _raise(message: str) -> dict[str, Any]:
    raise InputError(message)


def _iou(a: dict[str, Any], b: dict[str, Any]) -> float:
    inter = min(a["end"], b["end"]) - max(a["start"], b["start"])
    if inter <= 0:
        return 0.0
    return inter / (max(a["end"], b["end"]) - min(a["start"], b["start"]))


def _token_f1(a: str, b: str) -> float:
    ta, tb = _WORD.findall(a.lower()), _WORD.findall(b.lower())
    if not ta or not tb:
        return float(ta == tb)
    common: dict[str, int] = {}
    for w in ta:
        common[w] = common.get(w, 0) + 1
    hit = 0
    for w in tb:
        if common.get(w, 0):
            common[w] -= 1
            hit += 1
    if not hit:
        return 0.0
    p, r = hit / len(tb), hit / len(ta)
    return 2 * p * r / (p + r)


def _words(name: str | None) -> set[str]:
    return set(_WORD.findall((name or "").casefold()))


def _acronym(name: str) -> str:
    return "".join(w[0] for w in _WORD.findall(name) if w[0].isupper()).casefold()


def _short_form_of(short: set[str], long: set[str]) -> bool:
    """Every word of ``short`` is a word of ``long`` or the start of one ("Enggar", "Enggartiasto")."""
    return all(any(w == v or (len(w) >= 4 and v.startswith(w)) for v in long) for w in short)


def _names_agree(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Same name, a short form of it, or its acronym ("BNPB" for "Badan Nasional Penanggulangan Bencana")."""
    mention = predicted.get("mention") or {}
    gold_name, our_name = gold.get("name") or "", predicted.get("name") or mention.get("surface") or ""
    theirs, ours = _words(gold_name), _words(our_name)
    if not (theirs and ours):
        return False
    if _short_form_of(ours, theirs) or _short_form_of(theirs, ours):
        return True
    acronyms = {_acronym(gold_name), _acronym(our_name)} - {""}
    return bool(acronyms & (theirs | ours) - (theirs & ours))


def _speaker_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
    gs, ps = g.get("speaker") or {}, p.get("speaker") or {}
    if gs.get("kind") == _NAMED:
        return ps.get("kind") != "publisher" and _names_agree(gs, ps)
    if gs.get("kind") != ps.get("kind"):
        return False
    if gs.get("kind") in ("person", "organisation") and gs.get("name"):
        return (ps.get("name") or "").casefold() == gs["name"].casefold()
    return True


def _predict(header: dict[str, Any] | None, gold_path: Path, text: str | None, lang: str | None,
             published: date | str | None, article_id: str | None) -> list[Claim]:
    from klaim.extraction.claims import extract

    header = header or {}
    if text is None:
        if not header.get("path"):
            raise InputError("no article text: pass text= or put an article header in the gold file",
                             str(gold_path))
        text = (gold_path.parent / header["path"]).read_text(encoding="utf-8")
    return extract(text, lang or header.get("lang", "id"), published or header.get("published"),
                   article_id or header.get("id"))


def _match(gold: list[dict[str, Any]], preds: list[dict[str, Any]], threshold: float,
           ) -> tuple[list[Pair], list[dict[str, Any]], list[dict[str, Any]]]:
    """One-to-one pairs, best IoU first; then the gold claims and predictions left unpaired."""
    candidates = sorted(((_iou(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(preds)),
                        key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for iou, gi, pi in candidates:
        if iou < threshold:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = gold[gi], preds[pi]
        pairs.append(Pair(g, p, round(iou, 4), g.get("claim_type") == p.get("claim_type"), _speaker_ok(g, p),
                          g.get("modality") == p.get("modality"), _token_f1(g.get("text", ""), p.get("text", ""))))
    pairs.sort(key=lambda x: (x.gold["start"], x.gold["end"]))
    return (pairs, [g for i, g in enumerate(gold) if i not in used_g],
            [p for i, p in enumerate(preds) if i not in used_p])


def _report(n_gold: int, n_pred: int, pairs: list[Pair], missed: list[dict[str, Any]],
            spurious: list[dict[str, Any]], threshold: float, articles: int = 1) -> ClaimsReport:
    m = len(pairs)
    prec = m / n_pred if n_pred else 0.0
    rec = m / n_gold if n_gold else 0.0

    def acc(attr: str) -> float:
        return round(sum(getattr(x, attr) for x in pairs) / m, 4) if m else 0.0

    return ClaimsReport(
        gold=n_gold, predicted=n_pred, matched=m, precision=round(prec, 4), recall=round(rec, 4),
        f1=round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0,
        type_accuracy=acc("type_ok"), speaker_accuracy=acc("speaker_ok"), modality_accuracy=acc("modality_ok"),
        text_token_f1=acc("text_f1"), threshold=threshold, pairs=pairs, missed=missed, spurious=spurious,
        articles=articles,
    )


def evaluate_claims(gold_path: str | Path, predicted: list[Claim] | None = None, *,
                    text: str | None = None, lang: str | None = None,
                    published: date | str | None = None, article_id: str | None = None,
                    threshold: float = 0.5, articles: str | Path | None = None) -> ClaimsReport:
    """Score ``predicted`` (or ``extract`` run on the gold file's article) against the gold.

    With ``articles`` the gold file is a guideline-format corpus gold, joined to that articles
    JSONL by id, and ``extract`` runs on every article it names (``lang`` is the fallback for
    articles without a ``lang`` field).
    """
    if articles is not None:
        return evaluate_claims_corpus(gold_path, articles, lang=lang, threshold=threshold)
    gold_path = Path(gold_path)
    header, gold = read_gold(gold_path)
    if predicted is None:
        predicted = _predict(header, gold_path, text, lang, published, article_id)
    preds = [c.model_dump(mode="json") for c in predicted]
    return _report(len(gold), len(preds), *_match(gold, preds, threshold), threshold)


def _extract_article(article: dict[str, Any], lang: str | None) -> list[dict[str, Any]]:
    from klaim.extraction.claims import extract

    published = article.get("published") or article.get("date")
    claims = extract(article["text"], article.get("lang") or lang or "id", published, article["id"])
    return [{**c.model_dump(mode="json"), "article_id": article["id"]} for c in claims]


def evaluate_claims_corpus(gold_path: str | Path, articles_path: str | Path, *, lang: str | None = None,
                           threshold: float = 0.5) -> ClaimsReport:
    """Run ``extract`` on each article a guideline-format gold names and score it, pooled over articles."""
    corpus = read_corpus_gold(gold_path, read_articles(articles_path))
    n_gold = n_pred = 0
    pairs: list[Pair] = []
    missed: list[dict[str, Any]] = []
    spurious: list[dict[str, Any]] = []
    for article, gold in corpus:
        preds = _extract_article(article, lang)
        p, m, s = _match(gold, preds, threshold)
        n_gold, n_pred = n_gold + len(gold), n_pred + len(preds)
        pairs, missed, spurious = pairs + p, missed + m, spurious + s
    return _report(n_gold, n_pred, pairs, missed, spurious, threshold, articles=len(corpus))
