"""Writing curation decisions that came from a tool into the curation files a person edits.

A curation file is hand-edited and reviewed in git: its comments, its header (``reviewer``,
``reviewed``), the order of its entries and every ``note`` are the reviewer's. So decisions
imported from a tool (``klaim labelstudio import``) are *merged* into an existing file with a
round-trip YAML parser (ruamel.yaml), never written over it:

- an entry the import says nothing about is left exactly as it is;
- in an entry it does touch, only the fields the reviewer changed in the tool (``Edits``) are
  rewritten, each in place; a field the tool cannot show (speaker, figures, notes) is kept;
- a verdict's ``reviewer``/``reviewed`` equal to the file's header are left to the header;
- an added claim the reviewer deleted in the tool is removed, one the file added after the
  export is kept, and a claim added in the tool is appended.

A folder without a file for the article gets a new one (``dump_curation``). Every merged file
is parsed and applied before anything is written; on a problem nothing is.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from klaim.dataset.curation import (
    CurationFile,
    apply_decisions,
    dump_curation,
    parse_curation,
)
from klaim.errors import InputError, SchemaError, ValidationReport
from klaim.schema import Article, Claim

Span = tuple[int, int]
ALL = frozenset({"status", "text", "claim_type", "speaker", "modality", "sentence", "figures",
                 "time", "check_worthiness", "check_worthiness_reasons", "verdict", "start",
                 "end"})


@dataclass
class Edits:
    """What a reviewer changed in a tool, per entry of one article's curation file.

    ``claims``: claim_id → the decision fields changed (a claim not listed: every field).
    ``added``: the span an added claim was exported with → its span now (``None``: deleted) and
    the fields changed (an added claim not listed was added in the tool)."""

    claims: dict[str, set[str]] = field(default_factory=dict)
    added: dict[Span, tuple[Span | None, set[str]]] = field(default_factory=dict)


def _plain(value: Any) -> Any:
    """A YAML or model value as plain JSON-like data, for comparing."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, str):
        return str(value)
    return value


def _yaml(text: str) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a reviewer's long lines
    # keep the file's list style: "claims:\n  - claim_id" (seed files) or "claims:\n- claim_id"
    if re.search(r"^- ", text, re.MULTILINE):
        y.indent(mapping=2, sequence=2, offset=0)
    else:
        y.indent(mapping=2, sequence=4, offset=2)
    return y


def _relative(new: dict[str, Any], header: Mapping[str, Any]) -> dict[str, Any]:
    """A new entry with its verdict's reviewer/date left to the file header when equal."""
    verdict = new.get("verdict")
    if not isinstance(verdict, dict):
        return new
    verdict = {k: v for k, v in verdict.items()
               if not (k in ("reviewer", "reviewed") and _plain(header.get(k)) == v)}
    return {**new, "verdict": verdict}


def _update(entry: CommentedMap, new: dict[str, Any], changed: set[str] | frozenset[str],
            header: Mapping[str, Any]) -> None:
    """Rewrite the ``changed`` fields of ``entry`` from ``new`` in place; keep the rest."""
    new = _relative(new, header)
    for name in [k for k in new if k in changed] + [k for k in entry if k in changed]:
        if name not in new:
            entry.pop(name, None)
        elif _plain(entry.get(name)) != _plain(new[name]):
            entry[name] = _yamlish(new[name], name)
    if new.get("note") and not entry.get("note"):
        entry["note"] = new["note"]


def _seq(doc: CommentedMap, key: str) -> CommentedSeq:
    seq = doc.get(key)
    if not isinstance(seq, CommentedSeq) or not seq:  # absent, null or a flow-style "[]"
        seq = CommentedSeq()
        doc[key] = seq
    return seq


FIRST = ("claim_id", "status", "start", "end", "claim_type", "text")


def _yamlish(value: Any, key: str = "") -> Any:
    """A new value as the file writes it: dates as YAML dates, not quoted strings."""
    if isinstance(value, dict):
        return {k: _yamlish(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_yamlish(v) for v in value]
    if key in ("reviewed", "retrieved") and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _entry(data: dict[str, Any]) -> CommentedMap:
    """A new entry, its keys in the order a person writes them (the note last)."""
    order = [k for k in FIRST if k in data] + sorted(data.keys() - {*FIRST, "note"}) \
        + (["note"] if "note" in data else [])
    out = CommentedMap()
    for k in order:
        out[k] = _yamlish(data[k], k)
    return out


def _merge_claims(doc: CommentedMap, new: list[dict[str, Any]], edits: Edits) -> None:
    seq = _seq(doc, "claims")
    by_id = {e.get("claim_id"): e for e in seq if isinstance(e, CommentedMap)}
    for d in new:
        entry = by_id.get(d["claim_id"])
        if entry is not None:
            _update(entry, d, edits.claims.get(d["claim_id"], ALL), doc)
        elif d.keys() - {"claim_id", "status"} or d["status"] != "pending":
            seq.append(_entry(_relative(d, doc)))
        # else an untouched claim: a bare "pending" entry would change nothing


def _merge_added(doc: CommentedMap, new: list[dict[str, Any]], edits: Edits) -> None:
    seq = _seq(doc, "added")
    by_span = {(e.get("start"), e.get("end")): e for e in seq if isinstance(e, CommentedMap)}
    new_by_span = {(a["start"], a["end"]): a for a in new}
    done: set[Span] = set()
    for old_span, (new_span, changed) in edits.added.items():
        if new_span is not None:
            done.add(new_span)
        entry = by_span.get(old_span)
        if entry is None:
            continue  # taken out of the file since the export: stays out
        if new_span is None:
            seq.remove(entry)
        else:
            _update(entry, new_by_span[new_span], changed, doc)
    for span, a in new_by_span.items():
        if span in done:
            continue
        if span in by_span:
            _update(by_span[span], a, ALL, doc)
        else:
            seq.append(_entry(_relative(a, doc)))


def round_trip(existing: str, file: str, doing: str) -> tuple[YAML, CommentedMap]:
    """A valid curation file's text loaded for editing in place (comments, quoting and order
    kept), with the YAML that writes it back. Raises ``SchemaError`` if the file is not valid
    (the strict reader runs first: no aliases) and ``InputError`` if it cannot be edited."""
    report = ValidationReport()
    if parse_curation(existing, file, report) is None:
        raise SchemaError(report)
    y = _yaml(existing)
    try:
        doc = y.load(existing)
    except YAMLError as exc:
        raise InputError(f"cannot {doing}: not valid YAML ({exc})", file) from exc
    if not isinstance(doc, CommentedMap):
        raise InputError(f"cannot {doing}: not a curation file (a mapping)", file)
    return y, doc


def merge_curation(existing: str, new: CurationFile, edits: Edits | None = None,
                   file: str = "(curation)") -> str:
    """``new`` (decisions from a tool) merged into the text of an existing curation file.
    Raises ``SchemaError`` if that file is not a valid curation file (fix it first)."""
    y, doc = round_trip(existing, file, "merge into it")
    if doc.get("article_id") != new.article_id:
        raise InputError(f"cannot merge into it: it curates {doc.get('article_id')!r}, "
                         f"not {new.article_id!r}", file)
    data = new.model_dump(mode="json", exclude_none=True)
    for d in data.get("claims", []) + data.get("added", []):
        for f in d.get("figures") or []:
            f.pop("surface", None)
            if f.get("approximate") is False:
                f.pop("approximate")
    edits = edits or Edits()
    _merge_claims(doc, data["claims"], edits)
    _merge_added(doc, data["added"], edits)
    for key in ("claims", "added"):
        if isinstance(doc.get(key), CommentedSeq) and not doc[key]:
            empty = CommentedSeq()  # "added: []", without the comments of the entries it held
            empty.fa.set_flow_style()
            doc[key] = empty
            doc.ca.items.pop(key, None)
    out = io.StringIO()
    y.dump(doc, out)
    return out.getvalue()


def merged_texts(files: Mapping[str, CurationFile], folder: Path,
                 edits: Mapping[str, Edits] | None = None) -> dict[Path, str]:
    """The text each curation file of ``files`` gets: merged into the file in ``folder`` when
    there is one, else a new file."""
    out: dict[Path, str] = {}
    for aid in sorted(files):
        path = Path(folder) / f"{aid}.yaml"
        if path.exists():
            out[path] = merge_curation(path.read_text(encoding="utf-8"), files[aid],
                                       (edits or {}).get(aid), str(path))
        else:
            out[path] = dump_curation(files[aid])
    return out


def write_merged_curation(files: Mapping[str, CurationFile], folder: Path,
                          articles: Sequence[Article], claims: Sequence[Claim],
                          edits: Mapping[str, Edits] | None = None) -> list[Path]:
    """Merge ``files`` into the curation ``folder`` (see the module documentation); every
    resulting file is parsed and applied first, and nothing is written on a problem."""
    texts = merged_texts(files, folder, edits)
    report = ValidationReport()
    loaded = [lc for path, text in texts.items()
              if (lc := parse_curation(text, str(path), report)) is not None]
    if report.problems:
        raise SchemaError(report)
    apply_decisions(articles, claims, loaded, report)
    Path(folder).mkdir(parents=True, exist_ok=True)
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
    return list(texts)


__all__ = ["Edits", "merge_curation", "merged_texts", "round_trip", "write_merged_curation"]
