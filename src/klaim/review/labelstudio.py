"""Label Studio interop: claims out as pre-annotated tasks, a completed export back as curation.

``to_labelstudio(articles, claims)`` gives one task per article in Label Studio's JSON import
format: ``data`` (the article text, title, id, and a ``klaim`` snapshot of every exported claim)
and one ``predictions`` entry whose ``result`` holds, per claim, a ``labels`` region over the
article text (start, end, text, the claim type as label) plus per-region results sharing the
region's ``id``: ``status`` (pending/accept/reject), ``modality`` and ``verdict`` choices, the
standalone ``claim_text`` and the ``evidence`` (text areas). ``labelstudio_config()`` is the
matching labeling configuration.

``from_labelstudio(export, articles, claims)`` reads a Label Studio JSON export (each task's
latest submitted ``annotations[].result``; a task nobody annotated falls back to its prediction
when the export holds it in full, as klaim's own tasks do; a skipped task, and an unannotated
one in Label Studio's exports, which list predictions as ids, give nothing) back into curation
files (``{article_id: CurationFile}``), relative to ``claims`` = the current extraction:

- a region whose id (or span) matches an extracted claim becomes a decision on that claim: its
  status choice (default ``pending``), and every field that differs from the extraction (span,
  type, modality, text, verdict and evidence from the annotation; speaker, figures,
  check-worthiness, time and sentence from the exported snapshot);
- a new region overlapping the highlight of a claim the annotator deleted is that claim redrawn
  (Label Studio cannot resize a highlight): a span fix of the same claim;
- an extracted claim with no region left in the annotation was deleted by the annotator: ``reject``;
- any other region is an added claim (unless its status is ``reject``).

Spaces a selection takes in at either end of a highlight are trimmed. The annotator
(``completed_by``) is a user id in the default export and a user record in an export snapshot
with user details: ``reviewers`` maps ids to people, and a bare id is refused as a reviewer.
``import_annotations`` merges the result into the curation files already there
(``klaim.dataset.curation_merge``): only what the reviewer changed in Label Studio is rewritten.

So ``claims → to_labelstudio → (annotate) → from_labelstudio → apply_decisions`` keeps every
claim and decision, and an untouched round trip reproduces the exported claims exactly.

Offsets: Label Studio (since 1.4) counts code points, as Python does; a region whose text does
not match is tried once more as UTF-16 offsets (older versions, emoji), and reported otherwise.
Evidence lines read ``url | quote | retrieved (YYYY-MM-DD)``, or a JSON object per line.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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
    added_claim_id,
    apply_decisions,
    read_curation,
    sentence_around,
)
from klaim.dataset.curation_merge import ALL as ALL_FIELDS
from klaim.dataset.curation_merge import Edits, write_merged_curation
from klaim.errors import InputError, Problem, SchemaError, ValidationReport
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
# The claim fields a reviewer can change in Label Studio (the others only travel in the snapshot).
EDITABLE = ("text", "claim_type", "modality", "verdict", "start", "end", "sentence")


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


def _reads_back_as_one_line(url: str, quote: str, e: dict[str, Any]) -> bool:
    """Whether ``url | quote | retrieved`` parses back to exactly this evidence."""
    return (bool(url) and not e.get("publisher") and not e.get("note")
            and not any(bad in url for bad in (" ", "|"))
            and " | " not in quote and "\n" not in quote and quote == quote.strip())


def _evidence_line(e: dict[str, Any]) -> str:
    url, quote, retrieved = e.get("url") or "", e.get("quote") or "", e.get("retrieved") or ""
    if not _reads_back_as_one_line(url, quote, e):
        return json.dumps({k: v for k, v in e.items() if v is not None}, ensure_ascii=False,
                          sort_keys=True)
    if quote or not retrieved:
        return " | ".join(x for x in (url, quote, retrieved) if x)
    return f"{url} |  | {retrieved}"


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
        # validated from a dict: `retrieved` is a YYYY-MM-DD string the model turns into a date
        out.append(EvidenceIn.model_validate({"url": url, "quote": quote, "retrieved": retrieved}))
    return out


@dataclass
class _Exported:
    """What the curation a task's claims came from says about each of them."""

    origin: dict[str, str]  # curated claim id → extracted claim id (they differ for moved spans)
    decision: dict[str, Decision]  # curated claim id → its decision
    rejected: dict[str, dict[str, str | None]]  # article → rejected claim id → note
    added_notes: dict[str, str | None]  # added claim id → note


def _exported(decisions: Mapping[str, CurationFile] | None,
              origins: Mapping[str, str] | None) -> _Exported:
    out = _Exported({}, {}, {}, {})
    for aid, cf in (decisions or {}).items():
        for d in cf.claims:
            cid = make_claim_id(aid, d.start, d.end) if d.start is not None and d.end is not None \
                else d.claim_id
            out.origin[cid] = d.claim_id
            out.decision[cid] = d
            out.decision.setdefault(d.claim_id, d)
        out.rejected[aid] = {d.claim_id: d.note for d in cf.claims if d.status == Status.reject}
        out.added_notes.update({added_claim_id(aid, a.start, a.end): a.note for a in cf.added})
    by_extracted = {d.claim_id: d for cf in (decisions or {}).values() for d in cf.claims}
    for cur, ext in (origins or {}).items():
        out.origin[cur] = ext
        if ext in by_extracted:
            out.decision[cur] = by_extracted[ext]
    return out


def _region_results(c: Claim, d: Decision | None) -> list[dict[str, Any]]:
    """The pre-annotation of one claim: its highlight and the answers that go with it."""
    rid, span = region_id(c.claim_id), {"start": c.start, "end": c.end}

    def item(name: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
        return {"id": rid, "from_name": name, "to_name": TO_TEXT, "type": kind,
                "origin": "prediction", "value": {**span, **value}}

    out = [item(FROM_LABEL, "labels", {"text": c.surface, "labels": [c.claim_type.value]})]
    if d is not None:
        out.append(item(STATUS, "choices", {"choices": [d.status.value]}))
    out += [item(MODALITY, "choices", {"choices": [c.modality.value]}),
            item(VERDICT, "choices", {"choices": [c.verdict.label.value]}),
            item(CLAIM_TEXT, "textarea", {"text": [c.text]})]
    if c.verdict.evidence:
        lines = [_evidence_line(e.model_dump(mode="json")) for e in c.verdict.evidence]
        out.append(item(EVIDENCE, "textarea", {"text": ["\n".join(lines)]}))
    return out


def _snapshot_entry(c: Claim, ex: _Exported) -> dict[str, Any]:
    """What klaim knows of a claim beyond what Label Studio shows, kept in the task's data."""
    d = ex.decision.get(c.claim_id)
    added = c.claim_id.startswith(f"{c.article_id}:added-")
    return {"claim": c.model_dump(mode="json"),
            "origin": ex.origin.get(c.claim_id, None if added else c.claim_id),
            "note": d.note if d else ex.added_notes.get(c.claim_id),
            "status": d.status.value if d else None}


def _task(a: Article, mine: list[Claim], ex: _Exported) -> dict[str, Any]:
    result = [r for c in mine for r in _region_results(c, ex.decision.get(c.claim_id))]
    snapshot = {region_id(c.claim_id): _snapshot_entry(c, ex) for c in mine}
    versions = sorted({f"{c.extractor} {c.extractor_version}" for c in mine})
    return {
        "data": {"text": a.text, "title": a.title or a.article_id, "article_id": a.article_id,
                 "lang": a.lang, "published": a.published.isoformat(),
                 SNAPSHOT_KEY: {"version": 1, "claims": snapshot,
                                "rejected": ex.rejected.get(a.article_id, {})}},
        "predictions": [{
            "model_version": "klaim " + ", ".join(versions),
            "score": round(sum(c.check_worthiness for c in mine) / len(mine), 4) if mine else 0,
            "result": result,
        }],
    }


def to_labelstudio(articles: Sequence[Article], claims: Sequence[Claim],
                   decisions: Mapping[str, CurationFile] | None = None,
                   origins: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """One Label Studio task per article with every claim as a pre-annotated region.

    ``decisions`` (the curation the claims came from, optional) adds each claim's status and
    note; ``origins`` (curated → extracted claim_id, as filled by ``apply_decisions``) lets a
    claim whose span a reviewer moved find its extracted claim again (without it, only moves
    that give both start and end are recognised). ``export_tasks`` does all of this.
    """
    ex = _exported(decisions, origins)
    return [_task(a, sorted((c for c in claims if c.article_id == a.article_id),
                            key=lambda c: (c.start, c.end, c.claim_id)), ex)
            for a in sorted(articles, key=lambda a: a.article_id)]


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
                       extracted: Sequence[Claim], curation_dir: Path,
                       reviewers: Mapping[str, str] | None = None) -> list[Path]:
    """Read a Label Studio export and write its decisions as curation files (one per annotated
    article) into ``curation_dir``, merged into the files already there (their comments, header
    and notes kept), after checking they apply cleanly; nothing is written on a problem. What
    ``klaim labelstudio import`` does. ``reviewers`` maps Label Studio user ids to names."""
    edits: dict[str, Edits] = {}
    decisions = from_labelstudio(export, articles, extracted, reviewers, edits)
    apply_decisions(articles, extracted, decisions)  # raises SchemaError before writing
    return write_merged_curation(decisions, Path(curation_dir), articles, extracted, edits)


def parse_reviewer_map(pairs: Sequence[str]) -> dict[str, str]:
    """``["1=ana@desk.example", ...]`` → ``{"1": "ana@desk.example"}``; a bad pair is an error."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, name = (x.strip() for x in pair.partition("="))
        if not sep or not key or not name:
            raise InputError(f"--reviewer-map {pair!r}: write USER_ID=NAME, e.g. 1=ana@desk.example")
        if _is_bare_id(name):
            raise InputError(f"--reviewer-map {pair!r}: {name!r} is an id, not a reviewer's name")
        out[key] = name
    return out


# ---------------------------------------------------------------------------------------------
# Import


def _utf16_to_cp(text: str, offset: int) -> int | None:
    units = 0
    for i, ch in enumerate(text):
        if units == offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text) if units == offset else None


def _is_bare_id(name: str) -> bool:
    return name.strip().isdigit()


@dataclass
class _Task:
    """One export task resolved to its article, with what the review needs from it."""

    where: str
    article: Article
    annotation: dict[str, Any]
    base: list[Claim]
    snapshot: dict[str, Any]
    rejected: dict[str, str]
    reviewer: str | None = None
    when: date | None = None


@dataclass
class _Region:
    """One highlight of an annotation: its span (checked, trimmed), claim type and answers."""

    rid: str
    rec: str
    start: int
    end: int
    label: str
    parts: dict[str, dict[str, Any]]
    redrawn: bool = False  # a new highlight that replaces a deleted pre-annotation

    def choice(self, name: str) -> str | None:
        vals = ((self.parts.get(name) or {}).get("value") or {}).get("choices") or []
        return vals[0] if vals else None

    def textarea(self, name: str) -> list[str] | None:
        p = self.parts.get(name)
        return None if p is None else list((p.get("value") or {}).get("text") or [])


def _latest(annotations: list[dict[str, Any]]) -> dict[str, Any]:
    return max(annotations, key=lambda a: (str(a.get("updated_at") or a.get("created_at") or ""),
                                           str(a.get("id") or "")))


def _annotation(task: dict[str, Any]) -> tuple[dict[str, Any] | None, bool]:
    """The task's latest submitted annotation; else (nobody annotated it) its prediction when the
    export holds it in full, as klaim's own tasks do (``True`` second). A skipped task (only
    cancelled annotations) and Label Studio's own exports, which list predictions as ids, give
    nothing to import."""
    anns = [a for a in task.get("annotations") or [] if isinstance(a, dict)]
    done = [a for a in anns if not a.get("was_cancelled")]
    if done:
        return _latest(done), False
    if anns:
        return None, False
    preds = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    return (preds[0], True) if preds else (None, False)


def _user(by: Any) -> tuple[str | None, str | None]:
    """(user id, name from the expanded user record) of an annotation's ``completed_by``."""
    if isinstance(by, dict):
        full = " ".join(x for x in (by.get("first_name"), by.get("last_name")) if x)
        name = by.get("email") or by.get("username") or full or None
        return (None if by.get("id") is None else str(by["id"])), name
    return (None if by is None else str(by)), None


def _who(ann: dict[str, Any], reviewers: Mapping[str, str], where: str,
         report: ValidationReport) -> tuple[str | None, date | None] | None:
    """The annotation's reviewer, as a person, and date; ``None`` (reported) for a bare id."""
    uid, name = _user(ann.get("completed_by"))
    reviewer = reviewers.get(uid or "") or (reviewers.get(name) if name else None) or name or uid
    if reviewer is not None and _is_bare_id(reviewer):
        report.problems.append(Problem(
            "(labelstudio)", where, "completed_by",
            f"the annotator is Label Studio user {reviewer}, an id and not a person: give "
            f"--reviewer-map {reviewer}=NAME (or export a snapshot with user details)"))
        return None
    stamp = str(ann.get("updated_at") or ann.get("created_at") or "")
    try:
        when = date.fromisoformat(stamp[:10]) if stamp else None
    except ValueError:
        when = None
    return reviewer, when


def _task_article(task: Any, where: str, articles: Sequence[Article],
                  report: ValidationReport) -> Article | None:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        report.problems.append(Problem("(labelstudio)", where, "data",
                                       "not a task of Label Studio's JSON export (use the JSON "
                                       "export; JSON-MIN, CSV and the others are not read)"))
        return None
    data = task["data"]
    art = (next((a for a in articles if a.article_id == data.get("article_id")), None)
           or next((a for a in articles if a.text == data.get("text")), None))
    if art is None:
        report.problems.append(Problem("(labelstudio)", where, "data.article_id",
                                       f"no article {data.get('article_id')!r} (nor one with "
                                       "this text) among the articles"))
    elif data.get("text") is not None and data["text"] != art.text:
        report.problems.append(Problem("(labelstudio)", where, "data.text",
                                       "the task's text differs from the article's text"))
        return None
    return art


def _read_task(task: Any, ti: int, articles: Sequence[Article], claims: Sequence[Claim],
               reviewers: Mapping[str, str], report: ValidationReport) -> _Task | None:
    """The task's article and annotation, or ``None`` when there is nothing to import (a skipped
    or unannotated task) or a problem (reported)."""
    where = f"task {task.get('id', ti) if isinstance(task, dict) else ti}"
    art = _task_article(task, where, articles, report)
    if art is None:
        return None
    ann, predicted = _annotation(task)
    if ann is None:
        return None
    snap = task["data"].get(SNAPSHOT_KEY) or {}
    out = _Task(where, art, ann, [c for c in claims if c.article_id == art.article_id],
                snap.get("claims") or {}, snap.get("rejected") or {})
    if not predicted:
        who = _who(ann, reviewers, where, report)
        if who is None:
            return None
        out.reviewer, out.when = who
    return out


def _grouped(result: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """Result items by region id (in order), each region's items by control name."""
    regions: dict[str, dict[str, dict[str, Any]]] = {}
    for item in result:
        name = str(item.get("from_name") or item.get("type"))
        regions.setdefault(str(item.get("id")), {})[name] = item
    return regions


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    """A highlight without the spaces a sloppy selection takes in at either end."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _span(text: str, v: dict[str, Any]) -> tuple[int, int] | str:
    """The region's span on the article text (code points, else UTF-16), or why not."""
    s, e = v.get("start"), v.get("end")
    if not (isinstance(s, int) and isinstance(e, int)) or not 0 <= s < e <= len(text):
        return f"not a span of the article text: {s!r}, {e!r}"
    if v.get("text") is not None and text[s:e] != v["text"]:
        s16, e16 = _utf16_to_cp(text, s), _utf16_to_cp(text, e)
        if s16 is None or e16 is None or text[s16:e16] != v["text"]:
            return f"{v['text']!r} is not the article text at [{s}:{e}] ({text[s:e]!r})"
        s, e = s16, e16
    s, e = _trimmed(text, s, e)
    return (s, e) if s < e else "the highlight holds only spaces"


def _read_region(rid: str, parts: dict[str, dict[str, Any]], t: _Task,
                 report: ValidationReport) -> _Region | None:
    lab = parts.get(FROM_LABEL)
    if lab is None:
        return None  # per-region answers of a region that was deleted
    rec = f"{t.where} region {rid}"
    v = lab.get("value") or {}
    span = _span(t.article.text, v)
    if isinstance(span, str):
        field = "value.start/end" if span.startswith("not a span") else "value.text"
        report.problems.append(Problem("(labelstudio)", rec, field, span))
        return None
    labels = v.get("labels") or []
    if len(labels) != 1 or labels[0] not in {c.value for c in ClaimType}:
        report.problems.append(Problem("(labelstudio)", rec, "value.labels",
                                       f"expected one claim type, got {labels!r}"))
        return None
    return _Region(rid, rec, span[0], span[1], labels[0], parts)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _direct_match(r: _Region, t: _Task) -> Claim | None:
    """The extracted claim a region stands for: by its snapshot origin, its id or its span."""
    origin = (t.snapshot.get(r.rid) or {}).get("origin")
    for c in t.base:
        if c.claim_id == origin:
            return c
    return next((c for c in t.base if c.claim_id == f"{t.article.article_id}:{r.rid}"), None) \
        or next((c for c in t.base if (c.start, c.end) == (r.start, r.end)), None)


def _pair_redrawn(free: list[_Region], deleted: list[Claim]) -> dict[str, Claim]:
    """Label Studio cannot resize a highlight, so a reviewer deletes one and draws it again: each
    new region takes the deleted claim it overlaps most (one each, largest overlaps first)."""
    pairs = sorted(((_overlap((r.start, r.end), (c.start, c.end)), i, j)
                    for i, r in enumerate(free) for j, c in enumerate(deleted)),
                   key=lambda x: (-x[0], x[1], x[2]))
    out: dict[str, Claim] = {}
    taken: set[int] = set()
    for size, i, j in pairs:
        if size and free[i].rid not in out and j not in taken:
            out[free[i].rid] = deleted[j]
            taken.add(j)
            free[i].redrawn = True
    return out


def _match(regions: list[_Region], t: _Task,
           report: ValidationReport) -> list[tuple[_Region, Claim | None]]:
    """Each region with the extracted claim it reviews (``None``: an added claim)."""
    direct: dict[str, Claim] = {}
    kept: list[_Region] = []
    for r in regions:
        c = _direct_match(r, t)
        if c is not None and c.claim_id in {x.claim_id for x in direct.values()}:
            report.problems.append(Problem("(labelstudio)", r.rec, "id",
                                           f"a second region for claim {c.claim_id}"))
            continue
        if c is not None:
            direct[r.rid] = c
        kept.append(r)
    matched = {c.claim_id for c in direct.values()}
    free = [r for r in kept if r.rid not in direct and r.rid not in t.snapshot]
    redrawn = _pair_redrawn(free, [c for c in t.base if c.claim_id not in matched])
    return [(r, direct.get(r.rid) or redrawn.get(r.rid)) for r in kept]


def _snapshot_of(r: _Region, cand: Claim | None, t: _Task) -> dict[str, Any]:
    """What klaim exported for this region (for a redrawn one: for the claim it replaces)."""
    if not r.redrawn or cand is None:
        return t.snapshot.get(r.rid) or {}
    return next((s for s in t.snapshot.values() if s.get("origin") == cand.claim_id), {})


def _verdict_of(r: _Region, prev: dict[str, Any], t: _Task) -> dict[str, Any]:
    lines = r.textarea(EVIDENCE)
    evidence = (prev.get("evidence", []) if lines is None and r.redrawn else
                [x.model_dump(mode="json") for x in _parse_evidence(lines or [])])
    verdict = {"label": r.choice(VERDICT) or prev["label"], "evidence": evidence,
               "reviewer": prev.get("reviewer"), "reviewed": prev.get("reviewed")}
    if (verdict["label"], verdict["evidence"]) != (prev["label"], prev.get("evidence", [])):
        verdict["reviewer"] = t.reviewer
        verdict["reviewed"] = t.when.isoformat() if t.when else None
    return verdict


def _edited(r: _Region, start_from: dict[str, Any], t: _Task) -> dict[str, Any]:
    """The claim (JSON dict) as the region leaves it: span, type and answers over ``start_from``.
    Raises ``ValueError`` on unreadable evidence."""
    text = t.article.text
    cur = dict(start_from)
    prev = dict(cur.get("verdict") or {"label": "unverified", "evidence": [], "reviewer": None,
                                       "reviewed": None})
    cur.update(start=r.start, end=r.end, surface=text[r.start:r.end], claim_type=r.label)
    if (m := r.choice(MODALITY)) is not None:
        cur["modality"] = m
    if texts := r.textarea(CLAIM_TEXT):
        cur["text"] = "\n".join(texts)
    cur["verdict"] = _verdict_of(r, prev, t)
    sent = cur.get("sentence")
    if sent and not sent["start"] <= r.start < r.end <= sent["end"]:
        cur["sentence"] = sentence_around(text, r.start, r.end).model_dump(mode="json")
    return cur


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


def _changed(cur: dict[str, Any], snap: dict[str, Any]) -> set[str]:
    """The fields a reviewer changed in Label Studio: what differs from the exported claim."""
    before = snap.get("claim")
    if not before:
        return set(ALL_FIELDS)
    return {k for k in EDITABLE if cur.get(k) != before.get(k)}


def _decision(r: _Region, cand: Claim, snap: dict[str, Any], t: _Task) -> tuple[Decision, set[str]]:
    base_json = cand.model_dump(mode="json")
    edited = _edited(r, snap.get("claim") or base_json, t)
    cur = {**base_json, **{k: v for k, v in edited.items() if k in base_json}}
    status = Status(r.choice(STATUS) or Status.pending.value)
    changed = _changed(edited, snap)
    if "status" not in snap or status != (snap["status"] or Status.pending.value):
        changed.add("status")
        if status == Status.accept and t.reviewer:
            # accepted in Label Studio: the record names who checked it there, and when
            cur["verdict"] = {**cur["verdict"], "reviewer": t.reviewer,
                              "reviewed": t.when.isoformat() if t.when else None}
            changed.add("verdict")
    return Decision(claim_id=cand.claim_id, status=status, note=snap.get("note"),
                    **_diff_fields(base_json, cur)), changed


def _added_defaults(text: str, s: int, e: int) -> dict[str, Any]:
    """What ``apply_decisions`` gives an added claim for fields it does not write."""
    return {"text": text[s:e], "modality": Modality.asserted.value,
            "speaker": {"kind": "publisher", "name": None, "role": None, "organisation": None,
                        "cue": None, "mention": None},
            "sentence": sentence_around(text, s, e).model_dump(mode="json"), "figures": [],
            "time": None, "check_worthiness": 1.0,
            "check_worthiness_reasons": ["added by a reviewer"]}


def _added(r: _Region, snap: dict[str, Any], t: _Task) -> tuple[AddedClaim, set[str]]:
    """An added claim with only the fields that differ from what an added claim gets anyway."""
    cur = _edited(r, snap.get("claim") or {}, t)
    changed = _changed(cur, snap)
    defaults = _added_defaults(t.article.text, r.start, r.end)
    fields: dict[str, Any] = {"start": r.start, "end": r.end, "claim_type": r.label,
                              "note": snap.get("note")}
    for name, default in defaults.items():
        if name in cur and cur[name] != default:
            fields[name] = cur[name]
    if cur["verdict"]["label"] != VerdictLabel.unverified.value or cur["verdict"]["evidence"]:
        fields["verdict"] = cur["verdict"]
    return AddedClaim.model_validate({k: _without_surfaces(k, v) for k, v in fields.items()}), \
        changed


def _without_surfaces(name: str, value: Any) -> Any:
    """A claim field as a curation file writes it: spans by offsets only."""
    if name == "sentence":
        return {"start": value["start"], "end": value["end"]}
    if name == "speaker" and value.get("mention"):
        return {**value, "mention": {k: value["mention"][k] for k in ("start", "end")}}
    return value


def _exported_span(snap: dict[str, Any]) -> tuple[int, int] | None:
    """The span an added claim was exported with (``None``: not an exported added claim)."""
    c = snap.get("claim")
    return (c["start"], c["end"]) if c and not snap.get("origin") else None


def _review_region(r: _Region, cand: Claim | None, t: _Task, cf: CurationFile,
                   edits: Edits) -> None:
    """Add the region's decision (or added claim) to ``cf`` and what it changed to ``edits``."""
    snap = _snapshot_of(r, cand, t)
    if cand is not None:
        d, changed = _decision(r, cand, snap, t)
        cf.claims.append(d)
        edits.claims[cand.claim_id] = changed
        return
    old = _exported_span(snap)
    if r.choice(STATUS) == Status.reject.value:
        if old is not None:
            edits.added[old] = (None, {"deleted"})
        return
    a, changed = _added(r, snap, t)
    cf.added.append(a)
    if old is not None:
        edits.added[old] = ((a.start, a.end), changed)


def _deleted(t: _Task, cf: CurationFile, edits: Edits, kept: set[str]) -> None:
    """Claims and added claims whose highlight the reviewer deleted (``kept``: region ids left)."""
    reviewed = {d.claim_id for d in cf.claims}
    for c in t.base:
        if c.claim_id not in reviewed:
            cf.claims.append(Decision(claim_id=c.claim_id, status=Status.reject, note=t.rejected.get(
                c.claim_id, "region deleted in Label Studio")))
            edits.claims[c.claim_id] = {"status"}
    for rid, snap in t.snapshot.items():
        if rid not in kept and (old := _exported_span(snap)) is not None:
            edits.added[old] = (None, {"deleted"})


def _curate(t: _Task, report: ValidationReport) -> tuple[CurationFile, Edits]:
    """The curation file of one annotated task, and what the reviewer changed."""
    regions = [r for rid, parts in _grouped(t.annotation.get("result") or []).items()
               if (r := _read_region(rid, parts, t, report)) is not None]
    cf = CurationFile(article_id=t.article.article_id)
    edits = Edits()
    for r, cand in _match(regions, t, report):
        try:
            _review_region(r, cand, t, cf, edits)
        except (ValueError, json.JSONDecodeError) as exc:  # pydantic's errors are ValueErrors
            report.problems.append(Problem("(labelstudio)", r.rec, EVIDENCE, str(exc)))
    _deleted(t, cf, edits, {r.rid for r in regions})
    pos = {c.claim_id: i for i, c in enumerate(t.base)}
    cf.claims.sort(key=lambda d: pos[d.claim_id])
    cf.added.sort(key=lambda x: (x.start, x.end))
    return cf, edits


def from_labelstudio(export: Any, articles: Sequence[Article], claims: Sequence[Claim],
                     reviewers: Mapping[str, str] | None = None,
                     edits: dict[str, Edits] | None = None) -> dict[str, CurationFile]:
    """Curation decisions (``{article_id: CurationFile}``) from a Label Studio JSON export,
    relative to ``claims`` (the current extraction). Raises ``SchemaError`` with every problem.

    A skipped task, or one nobody annotated, gives no file. ``reviewers`` maps Label Studio user
    ids (``completed_by``, a bare number in the default export) to the reviewer's name; a user
    record in the export (an export snapshot with user details) gives the email otherwise.
    ``edits``, when given, is filled with what the reviewer changed per article (``Edits``), for
    merging into the curation files without touching anything else."""
    report = ValidationReport()
    if not isinstance(export, list):
        report.problems.append(Problem("(labelstudio)", "(file)", "(file)",
                                       "a Label Studio JSON export is a list of tasks"))
        raise SchemaError(report)
    out: dict[str, CurationFile] = {}
    for ti, task in enumerate(export, 1):
        report.checked += 1
        t = _read_task(task, ti, articles, claims, reviewers or {}, report)
        if t is not None:
            out[t.article.article_id], changed = _curate(t, report)
            if edits is not None:
                edits[t.article.article_id] = changed
    if report.problems:
        raise SchemaError(report)
    return out
