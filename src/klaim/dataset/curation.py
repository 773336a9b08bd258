"""Human curation of extracted claims: one YAML file per article, reviewed in git like code.

``curation/<article_id>.yaml``::

    article_id: 000_4081d66b315ef270
    reviewer: ana                 # default reviewer of the verdicts below
    reviewed: 2024-04-10          # default review date (YYYY-MM-DD); an entry may give its own
    claims:                       # decisions on extracted claims, keyed by the stable claim_id
      - claim_id: 000_4081d66b315ef270:3f2a9c0d1e2b
        status: accept            # pending | accept | reject
        text: Serangan pesawat tak berawak Rusia memutus aliran listrik bagi 350.000 penduduk.
        claim_type: numerical     # any field written here is the reviewed value and wins
        modality: asserted
        speaker: {kind: group, name: para pejabat Ukraina}
        verdict:
          label: supported        # supported | refuted | mixed | not_enough_evidence | unverified
          evidence:
            - url: https://example.org/report
              quote: "... 350.000 penduduk ..."
              retrieved: 2024-04-09
      - claim_id: 000_4081d66b315ef270:0a1b2c3d4e5f
        status: reject
        note: not a claim, a headline fragment
    added:                        # claims the extractor missed
      - start: 1200
        end: 1264
        claim_type: event_property
        text: Rusia menginvasi Ukraina pada Februari 2022.

Semantics (decided here, relied on by the build):

- ``reject`` drops the claim. ``accept`` and ``pending`` keep it with every field written in the
  decision applied (``pending`` = not reviewed yet; its fields still apply, so an
  ``init_curation`` file, which repeats each claim's text, changes nothing until edited).
- Corrections keep the ``claim_id`` (the release diff then shows the claim as "changed"), except
  a correction of ``start``/``end``: a claim's id is by definition a hash of its span (the
  validator checks it), so a moved claim gets the id of its new span and the diff shows the old
  one removed and the new one added. The decision stays keyed by the *extracted* id, so it
  applies again after every re-extraction. ``surface`` is always recomputed from the article
  text; a moved span must stay inside its sentence, or give ``sentence: {start, end}`` too.
- Added claims get ``claim_id = f"{article_id}:added-<sha1 of article_id, start, end>[:12]"``,
  ``extractor = "curation"``, speaker ``publisher`` unless given, check-worthiness 1.0 unless
  given (a reviewer judged it worth a claim), and the sentence around the span unless given.
- A verdict without its own ``reviewer``/``reviewed`` takes its entry's, else the file's, and
  so does the (unchanged) verdict of an accepted claim: the record shows it was checked by a
  person. An entry's own ``reviewer``/``reviewed`` is for a decision made later than the rest
  of the file (a claim a new extractor found), so it does not claim the file's older date.
- Every resulting claim is re-validated against its article text. A decision whose claim_id is
  not among the claims extracted now (the text or the extractor changed) is an error, never
  silently dropped. Problems are collected over all files (YAML syntax, unknown fields, bad
  enums and dates, each with file, line and field) and raised together as one ``SchemaError``;
  the caller then writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from klaim.errors import InputError, Problem, SchemaError, ValidationReport
from klaim.schema import (
    Article,
    Claim,
    ClaimType,
    FigureKind,
    Modality,
    Period,
    Span,
    SpeakerKind,
    TimeRef,
    VerdictLabel,
    make_claim_id,
)
from klaim.yaml_input import NoAliasDumper, StrictLoader

FORMAT_VERSION = 1
ADDED_EXTRACTOR = "curation"
ADDED_EXTRACTOR_VERSION = str(FORMAT_VERSION)


# ---------------------------------------------------------------------------------------------
# The file format (pydantic, unknown fields forbidden)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(v: Any) -> Any:
    """Dates are written YYYY-MM-DD; anything else (a number, 4/4/2024) is an error."""
    if v is None or isinstance(v, date):
        return v
    if isinstance(v, str) and _ISO_DATE.match(v.strip()):
        return v.strip()
    raise ValueError(f"{v!r} is not a date written YYYY-MM-DD")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Status(StrEnum):
    pending = "pending"
    accept = "accept"
    reject = "reject"


class SpanRef(_Strict):
    """A stretch of the article by offsets; its surface is read from the article text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class SpeakerIn(_Strict):
    kind: SpeakerKind
    name: str | None = None
    role: str | None = None
    organisation: str | None = None
    cue: str | None = None
    mention: SpanRef | None = None


class FigureIn(_Strict):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: FigureKind
    surface: str | None = Field(default=None, description="Ignored: recomputed from the text.")
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    currency: str | None = None
    per: Period | None = None
    approximate: bool = False
    qualifier: str | None = None
    counted: str | None = None
    iso: str | None = None


class EvidenceIn(_Strict):
    url: str | None = None
    quote: str | None = None
    publisher: str | None = None
    retrieved: IsoDate | None = None
    note: str | None = None


class VerdictIn(_Strict):
    label: VerdictLabel
    evidence: list[EvidenceIn] = Field(default_factory=list)
    reviewer: str | None = None
    reviewed: IsoDate | None = None


class _Fields(_Strict):
    """Claim fields a reviewer may set (on a decision: corrections; on an added claim: values)."""

    text: str | None = None
    claim_type: ClaimType | None = None
    speaker: SpeakerIn | None = None
    modality: Modality | None = None
    sentence: SpanRef | None = None
    figures: list[FigureIn] | None = None
    time: TimeRef | None = None
    check_worthiness: float | None = Field(default=None, ge=0.0, le=1.0)
    check_worthiness_reasons: list[str] | None = None
    verdict: VerdictIn | None = None
    note: str | None = Field(default=None, description="The reviewer's note; not in the dataset.")
    reviewer: str | None = Field(default=None, description="Who reviewed this entry, when not the file's reviewer.")
    reviewed: IsoDate | None = Field(default=None,
                                     description="When this entry was reviewed, when not on the file's date.")


class Decision(_Fields):
    claim_id: str
    status: Status = Status.pending
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)


class AddedClaim(_Fields):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    claim_type: ClaimType


class CurationFile(_Strict):
    version: int = FORMAT_VERSION
    article_id: str
    reviewer: str | None = None
    reviewed: IsoDate | None = None
    claims: list[Decision] = Field(default_factory=list)
    added: list[AddedClaim] = Field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Reading files with line numbers


class _Loader(StrictLoader):
    """Keeps dates as strings (a bad date is a field error with a line) and refuses aliases
    (an alias bomb would hang the build)."""


@dataclass
class LoadedCuration:
    """One parsed curation file; ``lines`` maps a path in the data (keys, indexes) to its line."""

    file: str
    data: CurationFile
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)

    def line_of(self, loc: Sequence[Any]) -> int | None:
        loc = tuple(loc)
        while True:
            if loc in self.lines:
                return self.lines[loc]
            if not loc:
                return None
            loc = loc[:-1]

    def where(self, loc: Sequence[Any]) -> str:
        """``line N (claim_id)`` for a problem at ``loc`` (``claims[i]`` when no line is known)."""
        line = self.line_of(loc)
        head = f"line {line}" if line is not None else _dotted(loc[:2]) or "(file)"
        if (len(loc) >= 2 and loc[0] == "claims" and isinstance(loc[1], int)
                and loc[1] < len(self.data.claims)):
            head += f" ({self.data.claims[loc[1]].claim_id})"
        return head


def _dotted(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _walk(node: yaml.Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int],
          dupes: list[tuple[tuple[Any, ...], int]]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key, value in node.value:
            k = key.value if isinstance(key, yaml.ScalarNode) else str(key.start_mark)
            sub = (*path, k)
            if k in seen:
                dupes.append((sub, key.start_mark.line + 1))
            seen.add(k)
            lines[sub] = key.start_mark.line + 1
            _walk(value, sub, lines, dupes)
            lines[sub] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), lines, dupes)


def parse_curation(text: str, file: str, report: ValidationReport) -> LoadedCuration | None:
    """Parse and validate one curation file; problems go to ``report`` with file, line and field."""
    report.checked += 1
    parsed = _yaml_document(text, file, report)
    if parsed is None:
        return None
    node, data = parsed
    lines: dict[tuple[Any, ...], int] = {}
    dupes: list[tuple[tuple[Any, ...], int]] = []
    _walk(node, (), lines, dupes)
    for loc, line in dupes:
        report.problems.append(Problem(file, f"line {line}", _dotted(loc),
                                       "key given twice (YAML keeps only the last)"))
    try:
        model = CurationFile.model_validate(data)
    except ValidationError as exc:
        report.problems.extend(_model_problems(exc, data, file, lines))
        return None
    if dupes:
        return None
    return LoadedCuration(file, model, lines)


def _yaml_document(text: str, file: str,
                   report: ValidationReport) -> tuple[yaml.Node, dict[Any, Any]] | None:
    """The YAML node tree (for line numbers) and the mapping it holds; None after a problem."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        reason = " ".join(x for x in (exc.context, exc.problem) if x) or str(exc)
        report.problems.append(Problem(file, where, "(yaml)", f"not valid YAML: {reason}"))
        return None
    except yaml.YAMLError as exc:
        report.problems.append(Problem(file, "(file)", "(yaml)", f"not valid YAML: {exc}"))
        return None
    finally:
        loader.dispose()
    if node is None or not isinstance(data, dict):
        report.problems.append(Problem(file, "line 1", "(file)",
                                       "a curation file is a mapping with article_id, claims, added"))
        return None
    return node, data


def _model_problems(exc: ValidationError, data: dict[Any, Any], file: str,
                    lines: dict[tuple[Any, ...], int]) -> list[Problem]:
    """Each field error of a file with its line, and the claim_id of its decision when written."""
    loaded = LoadedCuration(file, CurationFile.model_construct(article_id="?", claims=[]), lines)
    raw_claims = data.get("claims")
    problems = []
    for err in exc.errors():
        loc = err["loc"]
        where = loaded.where(loc) + _raw_claim_id(raw_claims, loc)
        reason = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            reason = "unknown field"
        elif err["type"] == "enum":
            reason = f"{err['input']!r}: {reason}"
        problems.append(Problem(file, where, _dotted(loc), reason))
    return problems


def _raw_claim_id(raw_claims: Any, loc: tuple[int | str, ...]) -> str:
    """`` (claim_id)`` of the decision at ``loc`` as written, when there is one."""
    if not (len(loc) >= 2 and loc[0] == "claims" and isinstance(loc[1], int)
            and isinstance(raw_claims, list) and loc[1] < len(raw_claims)):
        return ""
    decision = raw_claims[loc[1]]
    if isinstance(decision, dict) and decision.get("claim_id"):
        return f" ({decision['claim_id']})"
    return ""


def curation_files(path: Path) -> list[Path]:
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if path.is_file():
        return [path]
    raise InputError("no such curation file or folder", str(path))


def read_curation(path: Path, report: ValidationReport | None = None) -> tuple[list[LoadedCuration], ValidationReport]:
    """Parse every curation file under ``path`` (a folder or one file); never stops at the first
    problem. Returns the files that parsed, and the report of every problem found."""
    report = report if report is not None else ValidationReport()
    loaded = []
    for p in curation_files(path):
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            report.checked += 1
            report.problems.append(Problem(str(p), "(file)", "(file)", f"cannot read: {exc}"))
            continue
        one = parse_curation(text, str(p), report)
        if one is None:
            continue
        if one.data.article_id != p.stem:
            report.problems.append(Problem(str(p), one.where(("article_id",)), "article_id",
                                           f"{one.data.article_id!r} does not match the file name "
                                           f"(expected {p.stem}.yaml to hold article {p.stem!r})"))
            continue
        loaded.append(one)
    return loaded, report


# ---------------------------------------------------------------------------------------------
# Applying decisions


def added_claim_id(article_id: str, start: int, end: int) -> str:
    digest = hashlib.sha1(f"{article_id}\x00{start}\x00{end}".encode()).hexdigest()[:12]
    return f"{article_id}:added-{digest}"


_BOUNDARY = re.compile(r"([.!?…][\"”’')\]]*)[ \t]+|\n+")


def sentence_around(text: str, start: int, end: int) -> Span:
    """The sentence(s) holding [start:end]: from the boundary before start to the one after end."""
    s, e = 0, len(text)
    for m in _BOUNDARY.finditer(text):
        stop = m.end(1) if m.group(1) else m.start()  # the sentence keeps its closing quote
        if m.end() <= start:
            s = m.end()
        elif stop >= end:
            e = stop
            break
    return Span(start=s, end=e, surface=text[s:e])


def _span(text: str, ref: SpanRef) -> dict[str, Any]:
    return {"start": ref.start, "end": ref.end, "surface": text[ref.start:ref.end]}


def _speaker(text: str, sp: SpeakerIn) -> dict[str, Any]:
    out = sp.model_dump(exclude={"mention"})
    out["mention"] = _span(text, sp.mention) if sp.mention else None
    return out


def _figures(text: str, figs: list[FigureIn]) -> list[dict[str, Any]]:
    return [{**f.model_dump(exclude={"surface"}), "surface": text[f.start:f.end]} for f in figs]


@dataclass(frozen=True)
class _Stamp:
    """Who reviewed an entry and when: its own ``reviewer``/``reviewed``, else the file's."""

    reviewer: str | None
    reviewed: date | None


def _stamp(f: _Fields, cf: CurationFile) -> _Stamp:
    return _Stamp(f.reviewer if f.reviewer is not None else cf.reviewer,
                  f.reviewed if f.reviewed is not None else cf.reviewed)


def _verdict(v: VerdictIn, stamp: _Stamp) -> dict[str, Any]:
    return {"label": v.label, "evidence": [e.model_dump() for e in v.evidence],
            "reviewer": v.reviewer if v.reviewer is not None else stamp.reviewer,
            "reviewed": v.reviewed if v.reviewed is not None else stamp.reviewed}


def _bounds_problem(text: str, start: int, end: int) -> str | None:
    if start >= end:
        return f"start ({start}) must be less than end ({end})"
    if end > len(text):
        return f"end ({end}) is past the end of the article text ({len(text)} characters)"
    return None


def _apply_fields(data: dict[str, Any], f: _Fields, text: str, cf: CurationFile) -> None:
    for name in ("text", "claim_type", "modality", "time", "check_worthiness",
                 "check_worthiness_reasons"):
        value = getattr(f, name)
        if value is not None:
            data[name] = value
    if f.speaker is not None:
        data["speaker"] = _speaker(text, f.speaker)
    if f.figures is not None:
        data["figures"] = _figures(text, f.figures)
    if f.sentence is not None:
        data["sentence"] = _span(text, f.sentence)
    if f.verdict is not None:
        data["verdict"] = _verdict(f.verdict, _stamp(f, cf))


def _validation_problems(exc: ValidationError, lc: LoadedCuration, base: tuple[Any, ...],
                         claim_id: str) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = err["loc"]
        # map claim fields back to where they are written in the decision, when they are
        line = lc.line_of((*base, *loc)) if lc.lines else None
        where = f"line {line}" if line is not None else _dotted(base)
        out.append(Problem(lc.file, f"{where} ({claim_id})", _dotted((*base, *loc)),
                           err["msg"].removeprefix("Value error, ")))
    return out


def apply_decisions(articles: Sequence[Article], claims: Sequence[Claim],
                    files: Sequence[LoadedCuration] | Mapping[str, CurationFile],
                    report: ValidationReport | None = None,
                    origins: dict[str, str] | None = None) -> list[Claim]:
    """Apply parsed curation on top of extracted claims; raise ``SchemaError`` with every problem
    (including those already in ``report``) if there is any.

    ``origins``, when given, is filled with curated claim_id → extracted claim_id for every
    claim a decision applied to (they differ only for a moved span)."""
    report = report if report is not None else ValidationReport()
    if isinstance(files, Mapping):
        files = [LoadedCuration(f"(curation {aid})", cf) for aid, cf in files.items()]
    curator = _Curator(articles, claims, report, origins)
    for lc in _one_file_per_article(files, curator.texts, report):
        curator.apply_file(lc)
    out = curator.result()
    report.problems.extend(curator.duplicate_id_problems(out))
    if not report.problems:
        from klaim.dataset.validate import check_claims

        check_claims(list(articles), [c.model_dump(mode="json") for c in out],
                     file="(curated claims)", report=report)
    if report.problems:
        raise SchemaError(report)
    return out


def _one_file_per_article(files: Sequence[LoadedCuration], texts: Mapping[str, str],
                          report: ValidationReport) -> list[LoadedCuration]:
    """The files to apply: a file of an unknown article, or a second file of an article, is a
    problem and is not applied."""
    per_article: dict[str, LoadedCuration] = {}
    for lc in files:
        aid = lc.data.article_id
        if aid not in texts:
            reason = f"no article {aid!r} among the articles being built"
        elif aid in per_article:
            reason = f"article {aid!r} is curated in two files ({per_article[aid].file} too)"
        else:
            per_article[aid] = lc
            continue
        report.problems.append(Problem(lc.file, lc.where(("article_id",)), "article_id", reason))
    return list(per_article.values())


_Where = tuple[LoadedCuration, tuple[Any, ...]]  # a file and the place of a decision in it


class _Curator:
    """Applies curation files one by one to the extracted claims, collecting the problems."""

    def __init__(self, articles: Sequence[Article], claims: Sequence[Claim],
                 report: ValidationReport, origins: dict[str, str] | None) -> None:
        self.langs: dict[str, str] = {}
        for a in articles:
            self.langs.setdefault(a.article_id, a.lang)
        self.texts = {a.article_id: a.text for a in articles}
        self.claims = claims
        self.by_id: dict[str, Claim] = {c.claim_id: c for c in claims}
        self.report = report
        self.origins = origins
        self.replaced: dict[str, Claim | None] = {}  # extracted claim_id → curated (None: rejected)
        self.added: list[Claim] = []
        self.where_of: dict[str, _Where] = {}  # curated claim_id → the decision that made it

    def problem(self, at: _Where, field_name: str, reason: str) -> None:
        lc, loc = at
        self.report.problems.append(Problem(lc.file, lc.where(loc), _dotted((*loc, field_name)),
                                            reason))

    def apply_file(self, lc: LoadedCuration) -> None:
        counts = Counter(d.claim_id for d in lc.data.claims)
        for i, d in enumerate(lc.data.claims):
            if counts[d.claim_id] > 1:
                self.problem((lc, ("claims", i)), "claim_id", "more than one decision for this claim")
            else:
                self.decide(d, (lc, ("claims", i)))
        aid = lc.data.article_id
        extracted_spans = {(c.start, c.end): c.claim_id for c in self.claims if c.article_id == aid}
        for i, a in enumerate(lc.data.added):
            self.add(a, (lc, ("added", i)), extracted_spans)

    def decide(self, d: Decision, at: _Where) -> None:
        """Reject, or correct and re-validate, the extracted claim a decision names."""
        lc = at[0]
        aid, text, cf = lc.data.article_id, self.texts[lc.data.article_id], lc.data
        c = self.by_id.get(d.claim_id)
        if c is None or c.article_id != aid:
            self.problem(at, "claim_id",
                         f"no claim {d.claim_id!r} in the current extraction of article {aid!r} "
                         "(the text or the extractor changed): re-anchor this decision to the new "
                         "claim_id or delete it")
            return
        if d.status == Status.reject:
            self.replaced[c.claim_id] = None
            return
        data = c.model_dump()
        _apply_fields(data, d, text, cf)
        if d.status == Status.accept and data["verdict"].get("reviewer") is None:
            # An accepted claim was checked by a person even when its truth is not settled:
            # the record says who and when, with the label left as it is.
            stamp = _stamp(d, cf)
            data["verdict"] = {**data["verdict"], "reviewer": stamp.reviewer, "reviewed": stamp.reviewed}
        if (why := _move_span(data, d, c, text)) is not None:
            self.problem(at, "start/end", why)
            return
        new = self.validated(data, at, d.claim_id)
        if new is not None:
            self.replaced[c.claim_id] = new
            if self.origins is not None:
                self.origins[new.claim_id] = c.claim_id

    def add(self, a: AddedClaim, at: _Where, extracted_spans: Mapping[tuple[int, int], str]) -> None:
        """A claim the extractor missed, with the defaults of an added claim under its fields."""
        cf = at[0].data
        aid = cf.article_id
        text = self.texts[aid]
        if (why := _bounds_problem(text, a.start, a.end)) is not None:
            self.problem(at, "start/end", why)
            return
        if (a.start, a.end) in extracted_spans:
            self.problem(at, "start/end",
                         f"claim {extracted_spans[(a.start, a.end)]} already has this span: "
                         "correct that claim under `claims:` instead of adding one")
            return
        data = _added_claim_data(aid, self.langs[aid], text, a, cf)
        _apply_fields(data, a, text, cf)
        new = self.validated(data, at, data["claim_id"])
        if new is not None:
            self.added.append(new)

    def validated(self, data: dict[str, Any], at: _Where, claim_id: str) -> Claim | None:
        """The curated claim, checked against its article text; None (and problems) if invalid."""
        lc, loc = at
        try:
            new = Claim.model_validate(data, context={"text": self.texts[lc.data.article_id]})
        except ValidationError as exc:
            self.report.problems.extend(_validation_problems(exc, lc, loc, claim_id))
            return None
        self.where_of[new.claim_id] = at
        return new

    def result(self) -> list[Claim]:
        """The extracted claims in their order with decisions applied, then the added ones."""
        out = [self.replaced.get(c.claim_id, c) for c in self.claims]
        kept = [c for c in out if c is not None]
        return kept + sorted(self.added, key=lambda c: (c.article_id, c.start, c.end))

    def duplicate_id_problems(self, out: Sequence[Claim]) -> list[Problem]:
        problems = []
        for cid, n in Counter(c.claim_id for c in out).items():
            if n > 1 and cid in self.where_of:
                lc, loc = self.where_of[cid]
                problems.append(Problem(lc.file, lc.where(loc), _dotted(loc),
                                        f"the result has {n} claims with id {cid} "
                                        "(a corrected span equals another claim's span)"))
        return problems


def _move_span(data: dict[str, Any], d: Decision, c: Claim, text: str) -> str | None:
    """Apply a decision's start/end to ``data`` (a moved span gets the id of its new span);
    the reason it cannot, if any."""
    if d.start is None and d.end is None:
        return None
    s = d.start if d.start is not None else c.start
    e = d.end if d.end is not None else c.end
    if (why := _bounds_problem(text, s, e)) is not None:
        return why
    data.update(start=s, end=e, surface=text[s:e])
    if (s, e) != (c.start, c.end):
        data["claim_id"] = make_claim_id(c.article_id, s, e)
    sent = data["sentence"]
    if not sent["start"] <= s < e <= sent["end"]:
        return (f"the corrected span [{s}:{e}] lies outside the claim's sentence "
                f"[{sent['start']}:{sent['end']}]: give `sentence: {{start, end}}` too")
    return None


def _added_claim_data(aid: str, lang: str, text: str, a: AddedClaim,
                      cf: CurationFile) -> dict[str, Any]:
    """An added claim before its reviewer's fields: publisher speaker, check-worthiness 1.0,
    the sentence around it, unverified (reviewed by its entry's reviewer, else the file's)."""
    surface = text[a.start:a.end]
    stamp = _stamp(a, cf)
    return {
        "claim_id": added_claim_id(aid, a.start, a.end), "article_id": aid, "lang": lang,
        "text": surface, "start": a.start, "end": a.end, "surface": surface,
        "sentence": sentence_around(text, a.start, a.end).model_dump(),
        "claim_type": a.claim_type, "speaker": {"kind": "publisher"},
        "check_worthiness": 1.0, "check_worthiness_reasons": ["added by a reviewer"],
        "extractor": ADDED_EXTRACTOR, "extractor_version": ADDED_EXTRACTOR_VERSION,
        "verdict": {"label": "unverified", "evidence": [], "reviewer": stamp.reviewer,
                    "reviewed": stamp.reviewed},
    }


def apply_curation(articles: Sequence[Article], claims: Sequence[Claim], path: Path) -> list[Claim]:
    """Apply a curation folder (every ``*.yaml`` in it) or one file on top of extracted claims.

    Returns the curated claims; raises ``SchemaError`` listing every problem in every file
    (syntax, unknown fields, bad values, orphan decisions, invalid results) at once.
    """
    loaded, report = read_curation(Path(path))
    return apply_decisions(articles, claims, loaded, report)


# ---------------------------------------------------------------------------------------------
# Writing files


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON escapes are valid YAML; line separators escaped too)."""
    return (json.dumps(value, ensure_ascii=False)
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\x85"))


def _comment(value: str, limit: int = 100) -> str:
    s = json.dumps(value, ensure_ascii=False)
    return s if len(s) <= limit else s[: limit - 2] + "…\""


def init_curation(article: Article, claims: Sequence[Claim]) -> str:
    """A starter curation file for ``article``: every claim listed as ``pending`` with its text
    (and, as comments, its surface, type, speaker, modality, figures and check-worthiness), so a
    reviewer only edits. Applying it unchanged changes nothing."""
    mine = sorted((c for c in claims if c.article_id == article.article_id),
                  key=lambda c: (c.start, c.end, c.claim_id))
    out = [
        f"# Curation of article {article.article_id}"
        + (f": {_comment(article.title, 80)}" if article.title else ""),
        "# For each claim set status to accept or reject, and write any field to correct it",
        "# (text, claim_type, speaker, modality, start/end, figures, check_worthiness, verdict).",
        "# Add missed claims under `added:` with their start/end offsets in the article text.",
        "# See the klaim.dataset.curation module documentation for every field.",
        f"version: {FORMAT_VERSION}",
        f"article_id: {_q(article.article_id)}",
        "reviewer: null   # your name: the default reviewer of verdicts below",
        "reviewed: null   # YYYY-MM-DD: the default review date",
        "claims:" if mine else "claims: []",
    ]
    for c in mine:
        sp = c.speaker
        speaker = ", ".join(x for x in (sp.name, sp.role, sp.organisation) if x) or "-"
        figs = "; ".join(f"{f.surface} = {f.kind.value} {f.value if f.value is not None else f.iso}"
                         for f in c.figures)
        out += [
            f"  # [{c.start}:{c.end}] {_comment(c.surface)}",
            f"  # {c.claim_type.value} · speaker {speaker} ({sp.kind.value}) · {c.modality.value}"
            f" · check-worthiness {c.check_worthiness:.2f}"
            + (f" · verdict {c.verdict.label.value}" if c.verdict.label != VerdictLabel.unverified else ""),
        ]
        if figs:
            out.append(f"  # figures: {_comment(figs)}")
        out += [
            f"  - claim_id: {_q(c.claim_id)}",
            "    status: pending   # accept | reject",
            f"    text: {_q(c.text)}",
            f"    # claim_type: {c.claim_type.value}",
            f"    # modality: {c.modality.value}",
            "    # verdict: {label: supported, evidence: [{url: ..., quote: ..., retrieved: YYYY-MM-DD}]}",
        ]
    out += ["added: []", "# added:", "#   - {start: 0, end: 10, claim_type: event_property, text: ...}",
            ""]
    return "\n".join(out)


def init_curation_file(article: Article, claims: Sequence[Claim], folder: Path) -> Path:
    """Write ``folder/<article_id>.yaml`` from ``init_curation``; refuses to overwrite one."""
    path = Path(folder) / f"{article.article_id}.yaml"
    if path.exists():
        raise InputError("a curation file already exists; edit it (or delete it to start over)",
                         str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(init_curation(article, claims), encoding="utf-8")
    return path


def dump_curation(cf: CurationFile) -> str:
    """A curation file as YAML (only fields that are set), readable by ``apply_curation``."""
    data = cf.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
    for d in data.get("claims", []) + data.get("added", []):
        for f in d.get("figures") or []:
            f.pop("surface", None)
            if f.get("approximate") is False:
                f.pop("approximate")
    return yaml.dump(data, Dumper=NoAliasDumper, sort_keys=False, allow_unicode=True, width=100)


def write_curation(files: Mapping[str, CurationFile], folder: Path) -> list[Path]:
    """Write one ``<article_id>.yaml`` per curation file into ``folder`` (overwriting: the folder
    is under version control, so the change is reviewed as a diff)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for aid in sorted(files):
        path = folder / f"{aid}.yaml"
        path.write_text(dump_curation(files[aid]), encoding="utf-8")
        paths.append(path)
    return paths


def decisions_by_article(files: Sequence[LoadedCuration]) -> dict[str, CurationFile]:
    return {lc.data.article_id: lc.data for lc in files}


__all__ = [
    "AddedClaim", "CurationFile", "Decision", "EvidenceIn", "FigureIn", "LoadedCuration",
    "SpanRef", "SpeakerIn", "Status", "VerdictIn", "added_claim_id", "apply_curation",
    "apply_decisions", "dump_curation", "init_curation", "init_curation_file", "parse_curation",
    "read_curation", "sentence_around", "write_curation",
]
