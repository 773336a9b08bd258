"""Label Studio interop: claims out as pre-annotated tasks, a completed export back as curation.

``to_labelstudio(articles, claims)`` gives one task per article in Label Studio's JSON import
format: ``data`` (the article text, title, id, and a ``klaim`` snapshot of every exported claim)
and one ``predictions`` entry whose ``result`` holds, per claim, a ``labels`` region over the
article text (start, end, text, the claim type as label) plus per-region results sharing the
region's ``id``: ``status`` (pending/accept/reject), ``modality`` and ``verdict`` choices, the
standalone ``claim_text`` and the ``evidence`` (text areas). ``labelstudio_config()`` is the
matching labeling configuration.

``from_labelstudio(export, articles, claims)`` reads a Label Studio JSON export (each task's
latest ``annotations[].result``; a task nobody annotated falls back to its prediction) back into
curation files (``{article_id: CurationFile}``), relative to ``claims`` = the current extraction:

- a region whose id (or span) matches an extracted claim becomes a decision on that claim: its
  status choice (default ``pending``), and every field that differs from the extraction (span,
  type, modality, text, verdict and evidence from the annotation; speaker, figures,
  check-worthiness, time and sentence from the exported snapshot);
- an extracted claim with no region left in the annotation was deleted by the annotator: ``reject``;
- any other region is an added claim (unless its status is ``reject``).

So ``claims → to_labelstudio → (annotate) → from_labelstudio → apply_decisions`` keeps every
claim and decision, and an untouched round trip reproduces the exported claims exactly.

Offsets: Label Studio (since 1.4) counts code points, as Python does; a region whose text does
not match is tried once more as UTF-16 offsets (older versions, emoji), and reported otherwise.
Evidence lines read ``url | quote | retrieved (YYYY-MM-DD)``, or a JSON object per line.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from klaim.dataset.charts import TYPE_COLOURS
from klaim.dataset.curation import (
    AddedClaim,
    CurationFile,
    Decision,
    EvidenceIn,
    FigureIn,
    SpanRef,
    SpeakerIn,
    Status,
    VerdictIn,
    apply_decisions,
    read_curation,
    write_curation,
)
from klaim.errors import Problem, SchemaError, ValidationReport
from klaim.schema import (
    Article,
    Claim,
    ClaimType,
    Modality,
    VerdictLabel,
    make_claim_id,
)

FROM_LABEL, TO_TEXT = "claim", "text"
STATUS, MODALITY, VERDICT, CLAIM_TEXT, EVIDENCE = (
    "status", "modality", "verdict", "claim_text", "evidence")
SNAPSHOT_KEY = "klaim"


def labelstudio_config() -> str:
    """The labeling configuration (XML) matching ``to_labelstudio`` tasks."""

    def choices(name: str, values: list[str], hint: str) -> str:
        opts = "\n".join(f"      <Choice value={quoteattr(v)}/>" for v in values)
        return (f'    <Header value={quoteattr(hint)} size="6"/>\n'
                f'    <Choices name="{name}" toName="{TO_TEXT}" perRegion="true" '
                f'choice="single-radio" showInline="true">\n{opts}\n    </Choices>')

    labels = "\n".join(f'    <Label value={quoteattr(t.value)} background="{TYPE_COLOURS[t.value]}"/>'
                       for t in ClaimType)
    return "\n".join([
        "<View>",
        '  <Header value="$title"/>',
        f'  <Labels name="{FROM_LABEL}" toName="{TO_TEXT}">',
        labels,
        "  </Labels>",
        f'  <Text name="{TO_TEXT}" value="$text" granularity="symbol"/>',
        '  <View visibleWhen="region-selected">',
        choices(STATUS, [s.value for s in Status], "Decision"),
        choices(MODALITY, [m.value for m in Modality], "Modality"),
        choices(VERDICT, [v.value for v in VerdictLabel], "Verdict"),
        '    <Header value="Standalone claim text" size="6"/>',
        (f'    <TextArea name="{CLAIM_TEXT}" toName="{TO_TEXT}" perRegion="true" editable="true" '
        'maxSubmissions="1" rows="2"/>'),
        '    <Header value="Evidence, one per line: url | quote | retrieved YYYY-MM-DD" size="6"/>',
        (f'    <TextArea name="{EVIDENCE}" toName="{TO_TEXT}" perRegion="true" editable="true" '
        'maxSubmissions="1" rows="3"/>'),
        "  </View>",
        "</View>",
        "",
    ])


def region_id(claim_id: str) -> str:
    """The region id of a claim: the part of its id after the article id (stable, unique)."""
    return claim_id.split(":", 1)[1]


def _evidence_line(e: dict[str, Any]) -> str:
    url, quote, retrieved = e.get("url") or "", e.get("quote") or "", e.get("retrieved") or ""
    simple = (not e.get("publisher") and not e.get("note") and url and " " not in url
              and "|" not in url and " | " not in quote and "\n" not in quote
              and quote == quote.strip())
    if simple:
        return " | ".join(x for x in (url, quote, retrieved) if x) if quote or not retrieved \
            else f"{url} |  | {retrieved}"
    return json.dumps({k: v for k, v in e.items() if v is not None}, ensure_ascii=False,
                      sort_keys=True)


def _parse_evidence(lines: list[str]) -> list[EvidenceIn]:
    out = []
    for line in "\n".join(lines).splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            out.append(EvidenceIn.model_validate(json.loads(line)))
            continue
        parts = [p.strip() for p in line.split(" | ")]
        url = parts[0] or None
        retrieved = None
        if len(parts) >= 3 and len(parts[-1]) == 10 and parts[-1][4] == "-":
            retrieved = parts.pop()
        quote = " | ".join(parts[1:]) or None
        out.append(EvidenceIn(url=url, quote=quote, retrieved=retrieved))
    return out


def _origins(decisions: Mapping[str, CurationFile] | None) -> tuple[dict[str, str], dict[str, Decision]]:
    """Curated claim id → extracted claim id (for moved spans), and the decision of each."""
    origin: dict[str, str] = {}
    by_curated: dict[str, Decision] = {}
    for aid, cf in (decisions or {}).items():
        for d in cf.claims:
            cid = d.claim_id
            if d.start is not None and d.end is not None:
                cid = make_claim_id(aid, d.start, d.end)
            origin[cid] = d.claim_id
            by_curated[cid] = d
            by_curated.setdefault(d.claim_id, d)
    return origin, by_curated


def to_labelstudio(articles: Sequence[Article], claims: Sequence[Claim],
                   decisions: Mapping[str, CurationFile] | None = None,
                   origins: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """One Label Studio task per article with every claim as a pre-annotated region.

    ``decisions`` (the curation the claims came from, optional) adds each claim's status and
    note; ``origins`` (curated → extracted claim_id, as filled by ``apply_decisions``) lets a
    claim whose span a reviewer moved find its extracted claim again (without it, only moves
    that give both start and end are recognised). ``export_tasks`` does all of this.
    """
    origin, by_curated = _origins(decisions)
    for cur, ext in (origins or {}).items():
        origin[cur] = ext
        for cf in (decisions or {}).values():
            for d in cf.claims:
                if d.claim_id == ext:
                    by_curated[cur] = d
    rejected = {aid: {d.claim_id: d.note for d in cf.claims if d.status == Status.reject}
                for aid, cf in (decisions or {}).items()}
    tasks = []
    for a in sorted(articles, key=lambda a: a.article_id):
        mine = sorted((c for c in claims if c.article_id == a.article_id),
                      key=lambda c: (c.start, c.end, c.claim_id))
        result: list[dict[str, Any]] = []
        snapshot: dict[str, Any] = {}
        for c in mine:
            rid = region_id(c.claim_id)
            d = by_curated.get(c.claim_id)
            snapshot[rid] = {"claim": c.model_dump(mode="json"),
                             "origin": origin.get(c.claim_id, c.claim_id if not
                                                  c.claim_id.startswith(f"{a.article_id}:added-")
                                                  else None),
                             "note": d.note if d else None}
            span = {"start": c.start, "end": c.end}

            def item(name: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
                return {"id": rid, "from_name": name, "to_name": TO_TEXT, "type": kind,  # noqa: B023
                        "origin": "prediction", "value": {**span, **value}}  # noqa: B023

            result.append(item(FROM_LABEL, "labels", {"text": c.surface,
                                                      "labels": [c.claim_type.value]}))
            if d is not None:
                result.append(item(STATUS, "choices", {"choices": [d.status.value]}))
            result.append(item(MODALITY, "choices", {"choices": [c.modality.value]}))
            result.append(item(VERDICT, "choices", {"choices": [c.verdict.label.value]}))
            result.append(item(CLAIM_TEXT, "textarea", {"text": [c.text]}))
            if c.verdict.evidence:
                lines = [_evidence_line(e.model_dump(mode="json")) for e in c.verdict.evidence]
                result.append(item(EVIDENCE, "textarea", {"text": ["\n".join(lines)]}))
        tasks.append({
            "data": {"text": a.text, "title": a.title or a.article_id, "article_id": a.article_id,
                     "lang": a.lang, "published": a.published.isoformat(),
                     SNAPSHOT_KEY: {"version": 1, "claims": snapshot,
                                    "rejected": rejected.get(a.article_id, {})}},
            "predictions": [{
                "model_version": "klaim " + ", ".join(sorted({f"{c.extractor} {c.extractor_version}"
                                                             for c in mine})),
                "score": round(sum(c.check_worthiness for c in mine) / len(mine), 4) if mine else 0,
                "result": result,
            }],
        })
    return tasks


def export_tasks(articles: Sequence[Article], extracted: Sequence[Claim],
                 curation: Path | None = None) -> list[dict[str, Any]]:
    """Tasks for the extracted claims with the curation folder (or file) applied, if given:
    what ``klaim labelstudio export`` writes."""
    if curation is None or not Path(curation).exists():
        return to_labelstudio(articles, extracted)
    loaded, report = read_curation(Path(curation))
    origins: dict[str, str] = {}
    curated = apply_decisions(articles, extracted, loaded, report, origins=origins)
    return to_labelstudio(articles, curated, {lc.data.article_id: lc.data for lc in loaded},
                          origins)


def import_annotations(export: list[dict[str, Any]], articles: Sequence[Article],
                       extracted: Sequence[Claim], curation_dir: Path) -> list[Path]:
    """Read a Label Studio export and write its decisions as curation files (one per annotated
    article) into ``curation_dir``, after checking they apply cleanly; nothing is written on a
    problem. What ``klaim labelstudio import`` does."""
    decisions = from_labelstudio(export, articles, extracted)
    apply_decisions(articles, extracted, decisions)  # raises SchemaError before writing
    return write_curation(decisions, Path(curation_dir))


# ---------------------------------------------------------------------------------------------
# Import


def _utf16_to_cp(text: str, offset: int) -> int | None:
    units = 0
    for i, ch in enumerate(text):
        if units == offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text) if units == offset else None


def _annotation(task: dict[str, Any]) -> dict[str, Any] | None:
    anns = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if anns:
        return max(anns, key=lambda a: (str(a.get("updated_at") or a.get("created_at") or ""),
                                         str(a.get("id") or "")))
    preds = task.get("predictions") or []
    return preds[0] if preds else None


def _who(ann: dict[str, Any]) -> tuple[str | None, date | None]:
    by = ann.get("completed_by")
    if isinstance(by, dict):
        by = by.get("email") or by.get("username") or by.get("id")
    reviewer = None if by is None else str(by)
    stamp = str(ann.get("updated_at") or ann.get("created_at") or "")
    try:
        when = date.fromisoformat(stamp[:10]) if stamp else None
    except ValueError:
        when = None
    return reviewer, when


def _diff_fields(base: dict[str, Any], cur: dict[str, Any]) -> dict[str, Any]:
    """Decision fields for every value of ``cur`` that differs from ``base`` (claim JSON dicts)."""
    out: dict[str, Any] = {}
    for name in ("text", "claim_type", "modality", "check_worthiness", "check_worthiness_reasons",
                 "time"):
        if cur.get(name) != base.get(name):
            out[name] = cur.get(name)
    if cur["speaker"] != base["speaker"]:
        sp = dict(cur["speaker"])
        m = sp.pop("mention", None)
        out["speaker"] = SpeakerIn(**sp, mention=SpanRef(start=m["start"], end=m["end"]) if m else None)
    if cur["figures"] != base["figures"]:
        out["figures"] = [FigureIn.model_validate({k: v for k, v in f.items() if k != "surface"})
                          for f in cur["figures"]]
    if (cur["start"], cur["end"]) != (base["start"], base["end"]):
        out["start"], out["end"] = cur["start"], cur["end"]
    if cur["sentence"] != base["sentence"]:
        out["sentence"] = SpanRef(start=cur["sentence"]["start"], end=cur["sentence"]["end"])
    if cur["verdict"] != base["verdict"]:
        out["verdict"] = VerdictIn.model_validate(cur["verdict"])
    return out


def from_labelstudio(export: list[dict[str, Any]], articles: Sequence[Article],
                     claims: Sequence[Claim]) -> dict[str, CurationFile]:
    """Curation decisions (``{article_id: CurationFile}``) from a Label Studio JSON export,
    relative to ``claims`` (the current extraction). Raises ``SchemaError`` with every problem."""
    report = ValidationReport()
    by_article = {a.article_id: a for a in articles}
    by_text = {a.text: a for a in articles}
    out: dict[str, CurationFile] = {}
    for ti, task in enumerate(export, 1):
        report.checked += 1
        data = task.get("data") or {}
        where = f"task {task.get('id', ti)}"
        art = by_article.get(data.get("article_id")) or by_text.get(data.get("text"))
        if art is None:
            report.problems.append(Problem("(labelstudio)", where, "data.article_id",
                                           f"no article {data.get('article_id')!r} (nor one with "
                                           "this text) among the articles"))
            continue
        if data.get("text") is not None and data["text"] != art.text:
            report.problems.append(Problem("(labelstudio)", where, "data.text",
                                           "the task's text differs from the article's text"))
            continue
        ann = _annotation(task)
        if ann is None:
            continue
        reviewer, when = _who(ann) if ann is not (task.get("predictions") or [None])[0] else (None, None)
        snapshot = ((data.get(SNAPSHOT_KEY) or {}).get("claims")) or {}
        rejected = ((data.get(SNAPSHOT_KEY) or {}).get("rejected")) or {}
        base = [c for c in claims if c.article_id == art.article_id]
        base_by_id = {c.claim_id: c for c in base}
        base_by_span = {(c.start, c.end): c for c in base}

        regions: dict[str, dict[str, dict[str, Any]]] = {}
        order: list[str] = []
        for item in ann.get("result") or []:
            rid = str(item.get("id"))
            if rid not in regions:
                regions[rid] = {}
                order.append(rid)
            regions[rid][item.get("from_name") or item.get("type")] = item

        seen_base: set[str] = set()
        decisions: list[Decision] = []
        added: list[AddedClaim] = []
        for rid in order:
            parts = regions[rid]
            lab = parts.get(FROM_LABEL)
            rec = f"{where} region {rid}"
            if lab is None:
                continue  # per-region answers of a region that was deleted
            v = lab.get("value") or {}
            s, e = v.get("start"), v.get("end")
            if not (isinstance(s, int) and isinstance(e, int)) or not 0 <= s < e <= len(art.text):
                report.problems.append(Problem("(labelstudio)", rec, "value.start/end",
                                               f"not a span of the article text: {s!r}, {e!r}"))
                continue
            if v.get("text") is not None and art.text[s:e] != v["text"]:
                s16, e16 = _utf16_to_cp(art.text, s), _utf16_to_cp(art.text, e)
                if s16 is not None and e16 is not None and art.text[s16:e16] == v["text"]:
                    s, e = s16, e16
                else:
                    report.problems.append(Problem(
                        "(labelstudio)", rec, "value.text",
                        f"{v['text']!r} is not the article text at [{s}:{e}] "
                        f"({art.text[s:e]!r})"))
                    continue
            labels = v.get("labels") or []
            if len(labels) != 1 or labels[0] not in {t.value for t in ClaimType}:
                report.problems.append(Problem("(labelstudio)", rec, "value.labels",
                                               f"expected one claim type, got {labels!r}"))
                continue

            def choice(name: str) -> str | None:
                vals = ((parts.get(name) or {}).get("value") or {}).get("choices") or []  # noqa: B023
                return vals[0] if vals else None

            def textarea(name: str) -> list[str] | None:
                p = parts.get(name)  # noqa: B023
                return None if p is None else list((p.get("value") or {}).get("text") or [])

            snap = snapshot.get(rid) or {}
            snap_claim = snap.get("claim")
            origin = snap.get("origin")
            cand = (base_by_id.get(origin) if origin else None) \
                or base_by_id.get(f"{art.article_id}:{rid}") or base_by_span.get((s, e))
            if cand is not None and cand.claim_id in seen_base:
                report.problems.append(Problem("(labelstudio)", rec, "id",
                                               f"a second region for claim {cand.claim_id}"))
                continue
            cur: dict[str, Any] = (dict(snap_claim) if snap_claim else
                                   cand.model_dump(mode="json") if cand else {})
            prev_verdict = dict(cur.get("verdict") or {"label": "unverified", "evidence": [],
                                                       "reviewer": None, "reviewed": None})
            cur.update(start=s, end=e, surface=art.text[s:e], claim_type=labels[0])
            if (m := choice(MODALITY)) is not None:
                cur["modality"] = m
            texts = textarea(CLAIM_TEXT)
            if texts:
                cur["text"] = "\n".join(texts)
            try:
                evidence = _parse_evidence(textarea(EVIDENCE) or [])
            except (ValueError, json.JSONDecodeError) as exc:
                report.problems.append(Problem("(labelstudio)", rec, EVIDENCE, str(exc)))
                continue
            verdict = {"label": choice(VERDICT) or prev_verdict["label"],
                       "evidence": [x.model_dump(mode="json") for x in evidence],
                       "reviewer": prev_verdict.get("reviewer"),
                       "reviewed": prev_verdict.get("reviewed")}
            if (verdict["label"], verdict["evidence"]) != (prev_verdict["label"],
                                                           prev_verdict.get("evidence", [])):
                verdict["reviewer"], verdict["reviewed"] = reviewer, \
                    when.isoformat() if when else None
            cur["verdict"] = verdict
            status = choice(STATUS)
            note = snap.get("note")
            if cand is not None:
                seen_base.add(cand.claim_id)
                base_json = cand.model_dump(mode="json")
                cur = {**base_json, **{k: v for k, v in cur.items() if k in base_json}}
                fields = _diff_fields(base_json, cur)
                decisions.append(Decision(claim_id=cand.claim_id,
                                          status=status or Status.pending, note=note, **fields))
            elif status != Status.reject.value:
                fields: dict[str, Any] = {"start": s, "end": e, "claim_type": labels[0],
                                          "verdict": VerdictIn.model_validate(verdict), "note": note}
                if "text" in cur:
                    fields["text"] = cur["text"]
                if "modality" in cur:
                    fields["modality"] = cur["modality"]
                if snap_claim:
                    sp = dict(snap_claim["speaker"])
                    mention = sp.pop("mention", None)
                    fields.update(
                        speaker=SpeakerIn(**sp, mention=SpanRef(**{k: mention[k] for k in
                                                                    ("start", "end")})
                                          if mention else None),
                        sentence=SpanRef(start=snap_claim["sentence"]["start"],
                                         end=snap_claim["sentence"]["end"]),
                        figures=[FigureIn.model_validate({k: x for k, x in f.items()
                                                          if k != "surface"})
                                 for f in snap_claim["figures"]],
                        time=snap_claim.get("time"),
                        check_worthiness=snap_claim["check_worthiness"],
                        check_worthiness_reasons=snap_claim["check_worthiness_reasons"])
                added.append(AddedClaim.model_validate(fields))
        for c in base:
            if c.claim_id not in seen_base:
                note = rejected.get(c.claim_id, "region deleted in Label Studio")
                decisions.append(Decision(claim_id=c.claim_id, status=Status.reject, note=note))
        pos = {c.claim_id: i for i, c in enumerate(base)}
        decisions.sort(key=lambda d: pos[d.claim_id])
        added.sort(key=lambda x: (x.start, x.end))
        out[art.article_id] = CurationFile(article_id=art.article_id, claims=decisions, added=added)
    if report.problems:
        raise SchemaError(report)
    return out
