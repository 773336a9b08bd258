"""Re-anchoring curation files after the extractor changed (``klaim curation update``).

A decision names its claim by ``claim_id``, a hash of the article and the claim's span. When a
new extractor draws a claim's span differently, the decision names a claim that no longer
exists and ``klaim build`` refuses to go on (a decision is never dropped silently). Moving each
decision to its claim's successor by hand is slow and error-prone, and a moved decision that
keeps a reviewed ``text`` written for the old span puts a stale text in the next release.

So, per curation file, for every decision whose claim is gone:

1. the old span is recovered from the id itself: the id is a hash of the span, so hashing the
   spans between word boundaries of the (unchanged) article text finds it;
2. its successor is the current claim that overlaps the old span most (intersection over union
   at least ``MIN_OVERLAP``) and has no decision of its own in the file;
3. the decision moves there (its ``claim_id`` is rewritten in place, comments and notes kept).
   When the new span says more or less than the old one, beyond punctuation, the decision goes
   back to ``pending`` with a note saying what moved, so the reviewer checks its status and text;
4. a rejection with no successor is dropped (the extractor no longer makes that claim); any
   other decision without one is kept as it is and reported, for the reviewer to delete or turn
   into an ``added:`` claim.

Nothing else in the file changes. Every step is reported (``Reanchor``), so a desk sees what
moved before committing the files.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from klaim.dataset.curation import curation_files
from klaim.dataset.curation_merge import round_trip
from klaim.errors import InputError
from klaim.schema import Article, Claim

MIN_OVERLAP = 0.5
"""Least intersection over union of old and new span for a decision to follow its claim (the
same threshold the claim evaluation uses to call two spans one claim)."""
MAX_SPAN_CHARS = 5000
"""Longest old span searched for; longer than any sentence klaim keeps as one claim."""

_TOKEN = re.compile(r"\w+|[^\w\s]")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")

Span = tuple[int, int]


@dataclass(frozen=True)
class Reanchor:
    """What ``update`` did with one stale decision."""

    file: str
    claim_id: str
    action: str  # moved | to review | dropped | kept
    new_claim_id: str | None
    detail: str


def _span_ids(article_id: str, text: str, limit: int = MAX_SPAN_CHARS) -> Iterator[tuple[str, Span]]:
    """Every span between word boundaries of ``text`` (at most ``limit`` characters) with the
    claim id it would have (``klaim.schema.make_claim_id``, hashed incrementally)."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    ends = [e for _, e in tokens]
    for i, (start, _) in enumerate(tokens):
        prefix = hashlib.sha1(f"{article_id}\x00{start}\x00".encode())
        for end in ends[i:]:
            if end - start > limit:
                break
            digest = prefix.copy()
            digest.update(str(end).encode())
            yield f"{article_id}:{digest.hexdigest()[:12]}", (start, end)


def old_spans(article_id: str, text: str, claim_ids: set[str]) -> dict[str, Span]:
    """The spans the given claim ids were made from, for those that the text still holds."""
    found: dict[str, Span] = {}
    if not claim_ids:
        return found
    for cid, span in _span_ids(article_id, text):
        if cid in claim_ids:
            found[cid] = span
            if len(found) == len(claim_ids):
                break
    return found


def _overlap(a: Span, b: Span) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter > 0 else 0.0


def successor(span: Span, claims: Sequence[Claim], taken: set[str]) -> Claim | None:
    """The current claim overlapping ``span`` most (at least ``MIN_OVERLAP``), among those not
    ``taken`` by another decision; the earliest on a tie."""
    best: tuple[float, Claim] | None = None
    for c in claims:
        score = _overlap(span, (c.start, c.end))
        if c.claim_id not in taken and score >= MIN_OVERLAP and (best is None or score > best[0]):
            best = (score, c)
    return best[1] if best else None


def _same_words(a: str, b: str) -> bool:
    return _EDGE.sub("", a) == _EDGE.sub("", b)


def _quoted_like(old: object, value: str) -> str:
    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(value)
    if isinstance(old, SingleQuotedScalarString):
        return SingleQuotedScalarString(value)
    return value


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


@dataclass
class _FileUpdate:
    """The stale decisions of one curation file, moved in its round-trip YAML document."""

    file: str
    article: Article
    claims: Sequence[Claim]
    doc: CommentedMap

    def entries(self) -> CommentedSeq:
        seq = self.doc.get("claims")
        return seq if isinstance(seq, CommentedSeq) else CommentedSeq()

    def run(self) -> list[Reanchor]:
        current = {c.claim_id for c in self.claims}
        stale = [e for e in self.entries() if isinstance(e, CommentedMap)
                 and str(e.get("claim_id")) not in current]
        if not stale:
            return []
        taken = {str(e.get("claim_id")) for e in self.entries() if isinstance(e, CommentedMap)}
        spans = old_spans(self.article.article_id, self.article.text,
                          {str(e.get("claim_id")) for e in stale})
        return [self.move(entry, spans.get(str(entry.get("claim_id"))), taken) for entry in stale]

    def move(self, entry: CommentedMap, span: Span | None, taken: set[str]) -> Reanchor:
        old_id = str(entry.get("claim_id"))
        if span is None:
            return Reanchor(self.file, old_id, "kept", None,
                            "its span is not in the article text (the text changed?): "
                            "delete the decision or re-anchor it by hand")
        old_surface = self.article.text[span[0]:span[1]]
        new = successor(span, self.claims, taken)
        if new is None:
            return self.orphan(entry, span, old_surface)
        taken.add(new.claim_id)
        entry["claim_id"] = _quoted_like(entry.get("claim_id"), new.claim_id)
        where = f"[{span[0]}:{span[1]}] → [{new.start}:{new.end}]"
        if _same_words(old_surface, new.surface):
            return Reanchor(self.file, old_id, "moved", new.claim_id, where)
        if str(entry.get("status", "pending")) != "pending":
            entry["status"] = "pending"
        note = (f"Re-anchored by `klaim curation update` from [{span[0]}:{span[1]}] "
                f"\"{_short(old_surface)}\" to [{new.start}:{new.end}]: the span changed, "
                "check the status and any reviewed text.")
        entry["note"] = f"{entry['note']} {note}" if entry.get("note") else note
        return Reanchor(self.file, old_id, "to review", new.claim_id,
                        f"{where}: \"{_short(new.surface, 60)}\"")

    def orphan(self, entry: CommentedMap, span: Span, old_surface: str) -> Reanchor:
        old_id = str(entry.get("claim_id"))
        where = f"[{span[0]}:{span[1]}] \"{_short(old_surface, 60)}\""
        if str(entry.get("status")) == "reject":
            self.entries().remove(entry)
            return Reanchor(self.file, old_id, "dropped", None,
                            f"{where}: the rejected claim is no longer extracted")
        return Reanchor(self.file, old_id, "kept", None,
                        f"{where}: no current claim overlaps it; delete the decision or add "
                        "the claim under `added:`")


def update_curation_text(existing: str, article: Article, claims: Sequence[Claim],
                         file: str = "(curation)") -> tuple[str, list[Reanchor]]:
    """A curation file's text with its stale decisions re-anchored (see the module
    documentation), and what was done. Raises ``SchemaError`` if the file is not valid."""
    y, doc = round_trip(existing, file, "update it")
    return _updated(existing, y, doc, article, claims, file)


def _updated(existing: str, y: YAML, doc: CommentedMap, article: Article, claims: Sequence[Claim],
             file: str) -> tuple[str, list[Reanchor]]:
    mine = [c for c in claims if c.article_id == article.article_id]
    steps = _FileUpdate(file, article, mine, doc).run()
    if not steps:
        return existing, steps
    out = io.StringIO()
    y.dump(doc, out)
    return out.getvalue(), steps


def update_curation(folder: Path, articles: Sequence[Article],
                    claims: Sequence[Claim]) -> list[Reanchor]:
    """Re-anchor the stale decisions of every curation file in ``folder`` (or one file) to the
    current ``claims``; files are written only when every one of them was read."""
    by_id: Mapping[str, Article] = {a.article_id: a for a in articles}
    texts: dict[Path, str] = {}
    steps: list[Reanchor] = []
    for path in curation_files(Path(folder)):
        existing = path.read_text(encoding="utf-8")
        y, doc = round_trip(existing, str(path), "update it")
        article_id = str(doc.get("article_id"))
        if article_id not in by_id:
            raise InputError(f"it curates {article_id!r}, which is not among the articles", str(path))
        text, done = _updated(existing, y, doc, by_id[article_id], claims, str(path))
        steps += done
        if text != existing:
            texts[path] = text
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
    return steps


__all__ = ["MIN_OVERLAP", "Reanchor", "old_spans", "successor", "update_curation",
           "update_curation_text"]
