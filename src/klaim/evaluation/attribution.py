"""Measure attribution against PolNeAR-style annotation: does a claim carry the right source?

Input is JSONL, one article a line: ``{"id", "text", "lang"?, "published"?, "attributions":
[{"source": [[start, end, surface], ...], "cue": [...], "content": [...]}]}``, where each
attribution lists its source, cue and content as character fragments of ``text``.

Definitions (``extract`` is run on each article):

- a claim **covers** an attribution when its span overlaps at least half of the content's
  characters; the covering claim is the one with the largest overlap;
- **content found**: share of attributions with content that some claim covers;
- **attributed**: share of those covering claims that name a speaker (any kind but publisher);
- **source recall**: share of attributions with a source whose covering claim's speaker matches
  the source;
- **precision**: of all claims naming a speaker that overlap some attribution's content (by half
  the content or half the claim), the share whose speaker matches the source of one of them.
  Claims over text that PolNeAR leaves unattributed are not counted: PolNeAR is complete for
  attributions, so a speaker there is checked by the content-found side instead.

A speaker **matches** a source when the speaker's mention overlaps a source fragment, or the head
(last word) of the speaker's name is a word of the source. A source without a name ("he", "who",
"the newspaper": no capitalised word that the article never writes in lowercase) is a pronoun or
description; it also matches when the nearest
preceding capitalised source of the article does: a recency approximation of coreference, since
PolNeAR has no coreference chains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from klaim.evaluation._jsonl import read_records
from klaim.schema import Claim, SpeakerKind

_WORD = re.compile(r"\w+")
Fragment = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    source: tuple[Fragment, ...]
    content: tuple[Fragment, ...]
    source_text: str
    antecedent: str | None  # for pronoun and description sources, the nearest named source


@dataclass
class AttributionCounts:
    attributions: int = 0
    with_content: int = 0
    content_found: int = 0
    found_attributed: int = 0
    with_source: int = 0
    source_right: int = 0
    speaker_claims: int = 0
    speaker_claims_right: int = 0

    def add(self, other: AttributionCounts) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)


@dataclass
class AttributionReport:
    path: str
    articles: int
    counts: AttributionCounts
    content_found: float
    attributed: float
    source_recall: float
    precision: float
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def render(self) -> str:
        c = self.counts
        lines = [
            f"attribution: {self.articles} articles, {c.attributions} attributions ({self.path})",
            f"  content found {self.content_found:.3f} ({c.content_found}/{c.with_content})",
            f"  attributed    {self.attributed:.3f} ({c.found_attributed}/{c.content_found})",
            f"  source recall {self.source_recall:.3f} ({c.source_right}/{c.with_source})",
            f"  precision     {self.precision:.3f} ({c.speaker_claims_right}/{c.speaker_claims})",
        ]
        lines += [f"  missed source {m['source']!r} -> {m['speaker']!r}: {m['content'][:70]!r}" for m in self.misses]
        return "\n".join(lines)


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _frags(raw: Any) -> tuple[Fragment, ...]:
    return tuple(sorted((int(f[0]), int(f[1])) for f in raw or []))


def _is_named(source: str, lowercase: frozenset[str]) -> bool:
    """A capitalised word the article never writes in lowercase is a name ("Trump"); one it does
    is a capitalised common word at the start of a sentence ("He", "The newspaper")."""
    return any(w[0].isupper() and w.lower() not in lowercase for w in _WORD.findall(source))


def read_attributions(text: str, raw: list[dict[str, Any]]) -> list[Attribution]:
    """Attributions of one article, each pronoun or description source given its antecedent."""
    lowercase = frozenset(w for w in _WORD.findall(text) if w.islower())
    out: list[tuple[int, Attribution]] = []
    for a in raw:
        source = _frags(a.get("source"))
        out.append((source[0][0] if source else -1, Attribution(
            source, _frags(a.get("content")), " ".join(text[s:e] for s, e in source), None)))
    is_named = {pos: _is_named(a.source_text, lowercase) for pos, a in out}
    named = sorted((pos, a.source_text) for pos, a in out if a.source and is_named[pos])
    return [a if not a.source or is_named[pos] else _with_antecedent(a, pos, named) for pos, a in out]


def _with_antecedent(a: Attribution, pos: int, named: list[tuple[int, str]]) -> Attribution:
    before = [t for p, t in named if p < pos]
    return Attribution(a.source, a.content, a.source_text, before[-1] if before else None)


def _overlap(s: int, e: int, frags: Iterable[Fragment]) -> int:
    return sum(max(0, min(e, fe) - max(s, fs)) for fs, fe in frags)


def _length(frags: Iterable[Fragment]) -> int:
    return sum(e - s for s, e in frags)


def _covering(a: Attribution, claims: list[Claim]) -> Claim | None:
    need = _length(a.content) / 2
    best = max(claims, key=lambda c: (_overlap(c.start, c.end, a.content), -c.start), default=None)
    if best is None or not need or _overlap(best.start, best.end, a.content) < need:
        return None
    return best


def _head(name: str | None) -> str | None:
    words = _WORD.findall(name or "")
    return words[-1].casefold() if words else None


def speaker_matches(claim: Claim, a: Attribution) -> bool:
    """Whether the claim's speaker is the attribution's source (see the module docstring)."""
    sp = claim.speaker
    if sp.kind == SpeakerKind.publisher or not a.source:
        return False
    if sp.mention and _overlap(sp.mention.start, sp.mention.end, a.source):
        return True
    head = _head(sp.name) or (_head(sp.mention.surface) if sp.mention else None)
    if head is None:
        return False
    return any(head in {w.casefold() for w in _WORD.findall(t)} for t in (a.source_text, a.antecedent) if t)


def _related(c: Claim, a: Attribution) -> bool:
    inter = _overlap(c.start, c.end, a.content)
    return bool(inter) and inter >= min(_length(a.content), c.end - c.start) / 2


def score_article(claims: list[Claim], attributions: list[Attribution],
                  misses: list[dict[str, Any]] | None = None, text: str = "") -> AttributionCounts:
    """Counts of one article's claims against its attributions."""
    n = AttributionCounts(attributions=len(attributions))
    for a in attributions:
        n.with_content += bool(a.content)
        n.with_source += bool(a.source)
        cover = _covering(a, claims) if a.content else None
        if cover is None:
            continue
        n.content_found += 1
        n.found_attributed += cover.speaker.kind != SpeakerKind.publisher
        right = speaker_matches(cover, a)
        n.source_right += right
        if a.source and not right and misses is not None:
            misses.append({"source": a.source_text, "speaker": cover.speaker.name,
                           "content": " ".join(text[s:e] for s, e in a.content)})
    for c in claims:
        related = [a for a in attributions if a.content and _related(c, a)]
        if c.speaker.kind == SpeakerKind.publisher or not related:
            continue
        n.speaker_claims += 1
        n.speaker_claims_right += any(speaker_matches(c, a) for a in related)
    return n


def evaluate_attribution(path: str | Path, lang: str | None = None, limit: int | None = None,
                         examples: int = 0) -> AttributionReport:
    """Run ``extract`` on each article of ``path`` and score its speakers against the sources."""
    from klaim.extraction.claims import extract

    rows = read_records(path, {"text": str, "attributions": list}, limit)
    total = AttributionCounts()
    misses: list[dict[str, Any]] = []
    for r in rows:
        claims = extract(r["text"], lang or r.get("lang") or "en", r.get("published"), r.get("id"))
        total.add(score_article(claims, read_attributions(r["text"], r["attributions"]), misses, r["text"]))
    return AttributionReport(
        path=str(path), articles=len(rows), counts=total,
        content_found=_ratio(total.content_found, total.with_content),
        attributed=_ratio(total.found_attributed, total.content_found),
        source_recall=_ratio(total.source_right, total.with_source),
        precision=_ratio(total.speaker_claims_right, total.speaker_claims),
        misses=misses[:examples] if examples > 0 else [],
    )
