"""Score ``find_figures`` against span-annotated gold data in several annotation conventions.

Gold is JSONL: ``{"id", "text", "spans": [{"start", "end", "label", "surface", ...}]}``. Each
convention says which gold labels count, what part of our figure to compare and whether the gold
is complete (precision only means something when every figure is annotated):

- ``ud-num``: UD treebank NUM tokens (numeral only: ``5 miliar`` of ``Rp 5 miliar``; ``%`` apart);
  we compare the numeral cores of each figure (``31`` and ``2006`` of ``31 Desember 2006``).
  Complete.
- ``yusufs``: Indonesian NER QUANTITY (with unit or counted noun) and TIME; incomplete, so
  recall is the measure.
- ``measeval``: MeasEval ``Quantity`` (with unit), English; complete for quantities.
- ``klaim``: our own gold (``kind`` as label, normalised fields); complete; values checked.

"Overlap" scores are lenient: a gold span is found when a prediction shares a character with it,
and a prediction is right when it shares one with a gold span (so "Sabtu (22/3)" as one figure
covers gold "Sabtu" and "(22/3)" annotated apart). "Exact" pairs spans one-to-one with the same
boundaries. Value accuracy compares ``value``/``low``/``high``/``iso``/``currency``/``unit``/
``per`` where gold gives them, over overlap-matched pairs.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from klaim.errors import InputError
from klaim.extraction.figures import find_figures
from klaim.extraction.figures._lexicon import lexicon, norm
from klaim.schema import Figure

CONVENTIONS = ("auto", "ud-num", "yusufs", "measeval", "klaim")
_QUANTITY_KINDS = {"cardinal", "money", "percent", "quantity", "duration", "ordinal"}
_TIME_KINDS = {"date", "time", "duration"}
# MeasEval marks measured quantities; dates, clock times and ordinals are other entity types.
_NOT_MEASEVAL = {"date", "time", "ordinal"}
_VALUE_FIELDS = ("value", "low", "high", "iso", "currency", "unit", "per", "counted", "approximate")


@dataclass
class _Counts:
    gold: int = 0
    pred: int = 0
    tp_overlap: int = 0
    tp_exact: int = 0
    pred_tp_overlap: int = 0
    values_checked: int = 0
    values_right: int = 0

    def row(self, label: str, complete: bool) -> dict[str, Any]:
        def prf(tp_p: int, tp_r: int) -> tuple[float | None, float | None, float | None]:
            p = tp_p / self.pred if self.pred and complete else None
            r = tp_r / self.gold if self.gold else None
            f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
            return p, r, f

        po, ro, fo = prf(self.pred_tp_overlap, self.tp_overlap)
        pe, re_, fe = prf(self.tp_exact, self.tp_exact)
        acc = self.values_right / self.values_checked if self.values_checked else None
        return {"label": label, "gold": self.gold, "pred": self.pred,
                "precision_overlap": po, "recall_overlap": ro, "f1_overlap": fo,
                "precision_exact": pe, "recall_exact": re_, "f1_exact": fe,
                "value_accuracy": acc, "values_checked": self.values_checked}


@dataclass
class FiguresReport:
    """Per-label precision, recall and F1 (by overlap and by exact boundaries), value accuracy."""

    path: str
    convention: str
    lang: str
    complete: bool
    records: int
    rows: list[dict[str, Any]]
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "convention": self.convention, "lang": self.lang,
                "complete": self.complete, "records": self.records, "rows": self.rows,
                "missed": self.missed, "spurious": self.spurious}

    def row(self, label: str) -> dict[str, Any]:
        return next(r for r in self.rows if r["label"] == label)

    def render(self, examples: int = 0) -> str:
        head = (f"{self.path}  convention={self.convention} lang={self.lang} records={self.records}"
                + ("" if self.complete else "  (incomplete gold: precision not reported)"))
        cols = ["label", "gold", "pred", "P(ovl)", "R(ovl)", "F1(ovl)", "P(exact)", "R(exact)",
                "F1(exact)", "value acc"]
        lines = [head, "  ".join(f"{c:>9}" for c in cols)]
        for r in self.rows:
            acc = _fmt(r["value_accuracy"]) + (f" ({r['values_checked']})" if r["values_checked"] else "")
            cells = [r["label"], str(r["gold"]), str(r["pred"]), _fmt(r["precision_overlap"]),
                     _fmt(r["recall_overlap"]), _fmt(r["f1_overlap"]), _fmt(r["precision_exact"]),
                     _fmt(r["recall_exact"]), _fmt(r["f1_exact"]), acc]
            lines.append("  ".join(f"{c:>9}" for c in cells))
        for name, items in (("missed", self.missed), ("spurious", self.spurious)):
            for it in items[:examples]:
                lines.append(f"  {name}: {it['surface']!r} [{it.get('label', '')}]  … {it['context']}")
        return "\n".join(lines)


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def evaluate_figures(path: str | Path, convention: str = "auto", lang: str | None = None) -> FiguresReport:
    """Run ``find_figures`` over every record of the span JSONL at ``path`` and score it."""
    rows = _read(path)
    _require_text(rows, path)
    if convention not in CONVENTIONS:
        raise InputError(f"unknown convention {convention!r}; choose one of {', '.join(CONVENTIONS)}")
    if convention == "auto":
        convention = _detect(rows)
    lang = lang or ("en" if convention == "measeval" else "id")
    scorer = _Scorer(convention, lang)
    for rec in rows:
        scorer.add(rec)
    return scorer.report(str(path))


def _require_text(rows: list[dict[str, Any]], path: str | Path) -> None:
    """A gold file must carry the text it annotates; a list of bare figures scores nothing."""
    if not rows:
        raise InputError(f"gold file {path} holds no records")
    missing = sum(1 for r in rows if not isinstance(r.get("text"), str))
    if missing:
        raise InputError(f"gold file {path}: {missing} of {len(rows)} record(s) have no \"text\"; "
                         "a gold file holds {\"text\", \"spans\": [...]} per record (e.g. "
                         "tests/data/figures/seed_spans.jsonl), not bare figures")


def _read(path: str | Path) -> list[dict[str, Any]]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"gold file {p} does not exist")
    out = []
    with p.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise InputError(f"{p}:{i}: not JSON ({e})") from e
    return out


def _detect(rows: list[dict[str, Any]]) -> str:
    labels = {s.get("label") for r in rows[:200] for s in r.get("spans", [])}
    if "NUM" in labels:
        return "ud-num"
    if "QUANTITY" in labels or "TIME" in labels:
        return "yusufs"
    if "Quantity" in labels:
        return "measeval"
    return "klaim"


class _Scorer:
    def __init__(self, convention: str, lang: str) -> None:
        self.conv, self.lang = convention, lang
        self.complete = convention != "yusufs"
        self.counts: dict[str, _Counts] = {}
        self.missed: list[dict[str, Any]] = []
        self.spurious: list[dict[str, Any]] = []
        self.records = 0

    def add(self, rec: dict[str, Any]) -> None:
        text = rec.get("text") or ""
        self.records += 1
        figs = find_figures(text, rec.get("lang") or self.lang, rec.get("date") or rec.get("reference_date"))
        for label, gold, pred in self._pairs(text, rec.get("spans", []), figs):
            self._score(label, text, gold, pred)

    def _pairs(self, text: str, spans: list[dict], figs: list[Figure]):
        if self.conv == "ud-num":
            cores = [c for f in figs for c in numeral_cores(f, self.lang)]
            yield "NUM", [s for s in spans if s.get("label") == "NUM"], cores
        elif self.conv == "yusufs":
            for label, kinds in (("QUANTITY", _QUANTITY_KINDS), ("TIME", _TIME_KINDS)):
                yield label, [s for s in spans if s.get("label") == label], \
                    [_as_span(f) for f in figs if f.kind.value in kinds]
        elif self.conv == "measeval":
            yield "Quantity", [s for s in spans if s.get("label") == "Quantity"], \
                [_as_span(f) for f in figs if f.kind.value not in _NOT_MEASEVAL
                 and norm(f.surface) not in lexicon(self.lang).determiner_vague]
        else:
            for kind in sorted({_kind_of(s) for s in spans} | {f.kind.value for f in figs}):
                yield kind, [s for s in spans if _kind_of(s) == kind], \
                    [_as_span(f) for f in figs if f.kind.value == kind]

    def _score(self, label: str, text: str, gold: list[dict], pred: list[dict]) -> None:
        c = self.counts.setdefault(label, _Counts())
        c.gold += len(gold)
        c.pred += len(pred)
        pairs = _match(gold, pred)
        c.tp_overlap += sum(1 for g in gold if any(_overlap(g, p) for p in pred))
        c.pred_tp_overlap += sum(1 for p in pred if any(_overlap(p, g) for g in gold))
        c.tp_exact += len(_match(gold, pred, exact=True))
        matched_g = {id(g) for g in gold if any(_overlap(g, p) for p in pred)}
        for g, p in pairs:
            checked, right = _values_agree(g, p.get("figure"))
            c.values_checked += checked
            c.values_right += right
        for g in gold:
            if id(g) not in matched_g and len(self.missed) < 400:
                self.missed.append({**_brief(g, text), "label": label})
        if self.complete:
            for p in pred:
                if not any(_overlap(p, g) for g in gold) and len(self.spurious) < 400:
                    self.spurious.append({**_brief(p, text), "label": p.get("label", label)})

    def report(self, path: str) -> FiguresReport:
        rows = [c.row(k, self.complete) for k, c in sorted(self.counts.items())]
        total = _Counts()
        for c in self.counts.values():
            for f in total.__dataclass_fields__:
                setattr(total, f, getattr(total, f) + getattr(c, f))
        if len(rows) > 1:
            rows.append(total.row("ALL", self.complete))
        return FiguresReport(path, self.conv, self.lang, self.complete, self.records, rows,
                             self.missed, self.spurious)


def _brief(s: dict[str, Any], text: str) -> dict[str, Any]:
    a, b = s["start"], s["end"]
    return {"start": a, "end": b, "surface": text[a:b],
            "context": text[max(0, a - 50):a] + "[[" + text[a:b] + "]]" + text[b:b + 50]}


def _kind_of(span: dict[str, Any]) -> str:
    """A gold span's kind in klaim's convention ("" when it has none, so sorting never fails)."""
    return str(span.get("label") or span.get("kind") or "")


def _as_span(f: Figure) -> dict[str, Any]:
    return {"start": f.start, "end": f.end, "label": f.kind.value, "figure": f}


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _match(gold: list[dict], pred: list[dict], exact: bool = False) -> list[tuple[dict, dict]]:
    """One-to-one pairs, each gold span taking the unused prediction it overlaps most."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        best, best_ov = None, 0
        for i, p in enumerate(pred):
            if i in used:
                continue
            if exact:
                if p["start"] == g["start"] and p["end"] == g["end"]:
                    best, best_ov = i, 1
                    break
                continue
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > best_ov:
                best, best_ov = i, ov
        if best is not None:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def _values_agree(gold: dict[str, Any], fig: Figure | None) -> tuple[int, int]:
    wanted = {k: gold[k] for k in _VALUE_FIELDS if k in gold}
    if not wanted or fig is None:
        return 0, 0
    return 1, int(all(_same(getattr(fig, k), v) for k, v in wanted.items()))


def _same(got: Any, want: Any) -> bool:
    if hasattr(got, "value"):
        got = got.value
    if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(got, (int, float)):
        return math.isclose(float(got), float(want), rel_tol=1e-9, abs_tol=1e-9)
    return got == want


_ROMAN = re.compile(r"[IVXLC]+")
_CORE_TOKEN = re.compile(r"\d+(?:[.,/:]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*")


def numeral_cores(fig: Figure, lang: str) -> list[dict[str, Any]]:
    """The numeral runs inside a figure, as UD tags them: '5 miliar' of 'Rp 5 miliar',
    '31' and '2006' of '31 Desember 2006'; determiners ('beberapa') and suppletive ordinals
    ('pertama', 'first') are not numerals there."""
    if fig.kind.value == "ordinal":
        # UD tags ordinals (ke-50, pertama) ADJ; only cardinal numerals are NUM, and Roman ones
        # ("Perang Dunia II", NumForm=Roman)
        if not _ROMAN.fullmatch(fig.surface):
            return []
        return [{"start": fig.start, "end": fig.end, "label": fig.kind.value, "figure": fig}]
    lex = lexicon(lang)
    pre = norm(lex.table.get("ordinal_prefix") or "")
    runs: list[list[int]] = []
    for m in _CORE_TOKEN.finditer(fig.surface):
        if not _is_numeral_token(m.group(), lex, pre) or _glued_to_word(fig.surface, m):
            continue
        a, b = fig.start + m.start(), fig.start + m.end()
        gap = fig.surface[runs[-1][1] - fig.start:m.start()] if runs else None
        if runs and gap is not None and gap.strip() == "" and len(gap) <= 3:
            runs[-1][1] = b
        else:
            runs.append([a, b])
    return [{"start": a, "end": b, "label": fig.kind.value, "figure": fig} for a, b in runs]


def _glued_to_word(surface: str, m: re.Match[str]) -> bool:
    """'I/2006', 'II/2007': UD keeps a number slashed onto a word in one non-numeral token."""
    return m.group()[:1].isdigit() and m.start() >= 2 and surface[m.start() - 1] == "/" \
        and surface[m.start() - 2].isalpha()


def _is_numeral_token(tok: str, lex: Any, pre: str) -> bool:
    if tok[:1].isdigit():
        return True
    k = norm(tok)
    if k in lex.determiner_vague:
        return False
    if (k in lex.words or k in lex.local_mult or k in lex.teens or k in lex.scales
            or k in lex.vague or k in lex.fractions):
        return True
    if pre and k.startswith(pre):
        rest = k[len(pre):].lstrip("-")
        return rest[:1].isdigit() or rest.split("-")[0] in lex.words
    return "-" in k and all(part in lex.words or part in lex.scales for part in k.split("-"))
