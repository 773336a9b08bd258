"""Measure check-worthiness: ROC AUC of klaim's score on sentences labelled 1 (check-worthy) or 0.

Input is JSONL, one sentence a line: ``{"id", "text", "label": 1 | 0, "lang"?}`` (ClaimBuster's
two-class format). A sentence's score is the highest ``check_worthiness`` of the claims ``extract``
finds in it, and 0 when it holds none: a sentence is worth checking when any claim in it is.

AUC is the Mann–Whitney statistic, the probability that a random positive outscores a random
negative, with ties counted as half.

A file that guided the choice of features measures them optimistically. ``half`` splits it
deterministically by the parity of the number that ends each record's ``id`` ("claimbuster-23782"
is even): develop on one half and hold the other out.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from klaim.errors import InputError
from klaim.evaluation._jsonl import read_records

HALVES = ("even", "odd")
_TRAILING_NUMBER = re.compile(r"(\d+)\D*$")


@dataclass
class WorthinessReport:
    path: str
    sentences: int
    positives: int
    auc: float
    mean_positive: float
    mean_negative: float
    without_claims: int
    worst: list[dict[str, Any]] = field(default_factory=list)
    half: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def render(self) -> str:
        lines = [
            f"worthiness: {self.sentences} sentences, {self.positives} check-worthy ({self.path}"
            + (f", ids of {self.half} number)" if self.half else ")"),
            f"  ROC AUC {self.auc:.3f}",
            f"  mean score: check-worthy {self.mean_positive:.3f}, not {self.mean_negative:.3f}",
            f"  sentences without any claim (score 0): {self.without_claims}",
        ]
        lines += [f"  {w['label']} scored {w['score']:.3f}: {w['text'][:90]!r}" for w in self.worst]
        return "\n".join(lines)


def roc_auc(scores: list[float], labels: list[int]) -> float:
    """Area under the ROC curve from average ranks (ties share their mean rank)."""
    if len(scores) != len(labels):
        raise InputError(f"{len(scores)} scores but {len(labels)} labels")
    positives = sum(1 for y in labels if y)
    negatives = len(labels) - positives
    if not positives or not negatives:
        raise InputError("AUC needs both check-worthy (1) and not check-worthy (0) sentences")
    rank_sum = sum(rank for rank, y in zip(_average_ranks(scores), labels, strict=False) if y)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def _average_ranks(scores: list[float]) -> list[float]:
    order = sorted(range(len(scores)), key=scores.__getitem__)
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and scores[order[j]] == scores[order[i]]:
            j += 1
        for k in order[i:j]:
            ranks[k] = (i + j + 1) / 2  # 1-based ranks i+1 .. j share their mean
        i = j
    return ranks


def sentence_score(text: str, lang: str) -> tuple[float, int]:
    """(highest check-worthiness among the claims of ``text``, number of claims)."""
    from klaim.extraction.claims import extract

    claims = extract(text, lang)
    return max((c.check_worthiness for c in claims), default=0.0), len(claims)


def in_half(rows: list[dict[str, Any]], half: str, where: str) -> list[dict[str, Any]]:
    """The records whose ``id`` ends in a number of parity ``half`` ("even" or "odd")."""
    if half not in HALVES:
        raise InputError(f"half must be one of {', '.join(HALVES)}, got {half!r}")
    numbers = [_TRAILING_NUMBER.search(str(r.get("id", ""))) for r in rows]
    bad = [i for i, m in enumerate(numbers, 1) if m is None]
    if bad:
        raise InputError(f"half needs an id ending in a number (record {bad[0]} and {len(bad) - 1} more)", where)
    parity = HALVES.index(half)
    return [r for r, m in zip(rows, numbers, strict=True) if m and int(m.group(1)) % 2 == parity]


def _labelled(path: str | Path, limit: int | None) -> list[dict[str, Any]]:
    rows = read_records(path, {"text": str, "label": int}, limit)
    bad = [i for i, r in enumerate(rows, 1) if r["label"] not in (0, 1)]
    if bad:
        raise InputError(f"label must be 0 or 1 (record {bad[0]} and {len(bad) - 1} more)", str(path))
    return rows


def evaluate_worthiness(path: str | Path, lang: str | None = None, limit: int | None = None,
                        examples: int = 0, half: str | None = None) -> WorthinessReport:
    """Score every sentence of ``path`` (or of its ``half``) and measure how well the score ranks
    check-worthy first."""
    rows = _labelled(path, limit)
    if half is not None:
        rows = in_half(rows, half, str(path))
    scored = [(*sentence_score(r["text"], lang or r.get("lang") or "en"), r) for r in rows]
    scores, labels = [s for s, _, _ in scored], [r["label"] for _, _, r in scored]
    pos = [s for s, y in zip(scores, labels, strict=False) if y]
    neg = [s for s, y in zip(scores, labels, strict=False) if not y]
    return WorthinessReport(
        path=str(path), sentences=len(rows), positives=len(pos), auc=round(roc_auc(scores, labels), 4),
        mean_positive=round(sum(pos) / max(1, len(pos)), 4), mean_negative=round(sum(neg) / max(1, len(neg)), 4),
        without_claims=sum(1 for _, n, _ in scored if n == 0), worst=_worst(scored, examples), half=half,
    )


def _worst(scored: list[tuple[float, int, dict[str, Any]]], n: int) -> list[dict[str, Any]]:
    """The ``n`` lowest-scored check-worthy and ``n`` highest-scored other sentences."""
    if n <= 0:
        return []
    pos = sorted((x for x in scored if x[2]["label"]), key=lambda x: x[0])[:n]
    neg = sorted((x for x in scored if not x[2]["label"]), key=lambda x: -x[0])[:n]
    return [{"label": r["label"], "score": s, "text": r["text"]} for s, _, r in pos + neg]
