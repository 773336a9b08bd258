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
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from klaim.errors import InputError
from klaim.schema import Claim

_WORD = re.compile(r"\w+")


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

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["pairs"] = [asdict(p) for p in self.pairs]
        return d

    def render(self) -> str:
        lines = [
            (f"claims: gold {self.gold}, predicted {self.predicted}, matched {self.matched} "
             f"(span IoU >= {self.threshold})"),
            f"  span precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
            (f"  on matched: type {self.type_accuracy:.3f}  speaker {self.speaker_accuracy:.3f}  "
             f"modality {self.modality_accuracy:.3f}  standalone-text token F1 {self.text_token_f1:.3f}"),
        ]
        for p in self.pairs:
            wrong = [n for n, ok in (("type", p.type_ok), ("speaker", p.speaker_ok), ("modality", p.modality_ok)) if not ok]
            if wrong:
                g, q = p.gold, p.predicted
                lines.append(f"  wrong {'/'.join(wrong)} at [{g['start']}:{g['end']}] {g['surface'][:60]!r}: "
                             f"gold {_summary(g)} | predicted {_summary(q)}")
        lines += [f"  missed [{g['start']}:{g['end']}] {g['surface'][:80]!r}" for g in self.missed]
        lines += [f"  spurious [{q['start']}:{q['end']}] {q['surface'][:80]!r}" for q in self.spurious]
        return "\n".join(lines)


def _summary(c: dict[str, Any]) -> str:
    sp = c.get("speaker") or {}
    return f"{c.get('claim_type')}/{sp.get('kind')}:{sp.get('name')}/{c.get('modality')}"


def read_gold(gold_path: str | Path) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """(article header or None, gold claims) from a gold JSONL file."""
    path = Path(gold_path)
    if not path.is_file():
        raise InputError("gold file not found", str(path))
    header, claims = None, []
    from klaim.articles import jsonl_lines

    for n, line in jsonl_lines(path.read_text(encoding="utf-8")):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {n} is not JSON: {exc}", str(path)) from exc
        if "article" in rec:
            header = rec["article"]
        else:
            claims.append(rec)
    return header, claims


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


def _speaker_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
    gs, ps = g.get("speaker") or {}, p.get("speaker") or {}
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


def evaluate_claims(gold_path: str | Path, predicted: list[Claim] | None = None, *,
                    text: str | None = None, lang: str | None = None,
                    published: date | str | None = None, article_id: str | None = None,
                    threshold: float = 0.5) -> ClaimsReport:
    """Score ``predicted`` (or ``extract`` run on the gold file's article) against the gold."""
    gold_path = Path(gold_path)
    header, gold = read_gold(gold_path)
    if predicted is None:
        predicted = _predict(header, gold_path, text, lang, published, article_id)
    preds = [c.model_dump(mode="json") for c in predicted]
    candidates = sorted(((_iou(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(preds)),
                        key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, pairs = set(), set(), []
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
    m = len(pairs)
    prec = m / len(preds) if preds else 0.0
    rec = m / len(gold) if gold else 0.0

    def acc(attr: str) -> float:
        return round(sum(getattr(x, attr) for x in pairs) / m, 4) if m else 0.0

    return ClaimsReport(
        gold=len(gold), predicted=len(preds), matched=m, precision=round(prec, 4), recall=round(rec, 4),
        f1=round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0,
        type_accuracy=acc("type_ok"), speaker_accuracy=acc("speaker_ok"), modality_accuracy=acc("modality_ok"),
        text_token_f1=acc("text_f1"), threshold=threshold, pairs=pairs,
        missed=[g for i, g in enumerate(gold) if i not in used_g],
        spurious=[p for i, p in enumerate(preds) if i not in used_p],
    )
