"""Check-worthiness in [0, 1] with the reasons that moved it.

Figures, comparisons, records of what someone did, named sources and concrete past events make a
claim worth checking; intentions, opinions, calls to action, hypotheses and courtesies make it less
so. The weights and words are a transparent prior in ``klaim/extraction/lang/<lang>.worthiness.yaml``, not a
trained model: every reason is listed next to the score. Text that is no claim at all (bylines,
promos, captions: see ``_boilerplate``) is never emitted, so it ranks below every claim, which
scores at least the table's ``floor``; what slips past those rules but still speaks of the outlet's
own pages (the table's ``page_furniture``: "This article originally appeared on …", "Gabung grup
Telegram kami") scores 0 as well.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from klaim.errors import InputError
from klaim.extraction.claims._required_words import required_words
from klaim.extraction.claims._table import Regex
from klaim.extraction.claims._typing import is_numeric
from klaim.extraction.lang import available, load_table
from klaim.schema import ClaimType, Entity, Figure, FigureKind, Modality, SpeakerKind

_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")
_STRONG_KINDS = frozenset({FigureKind.money, FigureKind.percent, FigureKind.quantity})
_DATED = frozenset({FigureKind.date, FigureKind.time})  # never numeric (``is_numeric``)
_CONCRETE = frozenset({ClaimType.event_property, ClaimType.numerical, ClaimType.causal})
_FACTUAL = frozenset({Modality.asserted, Modality.negated})
PAGE_FURNITURE = "page furniture"
# The only characters outside ASCII that IGNORECASE matches to an ASCII letter (İ ı ſ K). Text
# without them, lower-cased once, is matched by a pattern without upper-case (or non-ASCII cased)
# letters of its own exactly as the text is by the pattern with IGNORECASE, which is several times
# slower in ``re``.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
# What keeps a pattern from running on lower-cased text: inline flags, letters written as escapes.
_CASE_BOUND = re.compile(r"\(\?[a-zA-Z-]|\\[xuUN0-9]")


class Weights(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    base: float = 0.35
    figure: float = 0.0
    date: float = 0.0
    named_source: float = 0.0
    unnamed_source: float = 0.0
    entity: float = 0.0
    entities: float = 0.0
    concrete_event: float = 0.0
    opinion: float = 0.0
    prediction: float = 0.0
    conditional: float = 0.0
    hedged: float = 0.0
    short: float = 0.0
    long: float = 0.0


class Lexical(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    reason: str
    weight: float
    phrases: list[str] = []
    patterns: list[Regex] = []

    @model_validator(mode="after")
    def _not_empty(self) -> Lexical:
        if not self.phrases and not self.patterns:
            raise ValueError(f"feature {self.reason!r} has neither phrases nor patterns")
        return self


class WorthinessTable(BaseModel):
    """The schema of ``<lang>.worthiness.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    weights: Weights = Weights()
    short_words: int = 0
    long_words: int = 0
    floor: float = 0.0
    page_furniture: list[Regex] = []
    lexical: list[Lexical] = []


Search = Callable[[str], "re.Match[str] | None"]


@dataclass(frozen=True)
class Feature:
    reason: str
    weight: float
    pattern: re.Pattern[str] | None
    lower_pattern: re.Pattern[str] | None  # ``pattern`` without IGNORECASE, for lower-cased text

    def search(self, surface: str, lowered: str | None) -> bool:
        """Whether the pattern occurs in ``surface``; ``lowered`` is its lower-cased form when
        ``_FOLDS_TO_ASCII`` does not occur in it."""
        if self.lower_pattern is not None and lowered is not None:
            return self.lower_pattern.search(lowered) is not None
        return self.pattern is not None and self.pattern.search(surface) is not None

    def match(self, surface: str, lowered: str | None) -> bool:
        """Whether the pattern matches at the start of ``surface`` (``lowered`` as for ``search``)."""
        if self.lower_pattern is not None and lowered is not None:
            return self.lower_pattern.match(lowered) is not None
        return self.pattern is not None and self.pattern.match(surface) is not None


@dataclass(frozen=True)
class Furniture:
    # patterns anchored at the claim's start are tried there only: one alternation of them all,
    # searched at every position, costs more than all the rest of the scoring
    anchored: Feature | None
    floating: Feature | None

    def found(self, surface: str, lowered: str | None) -> bool:
        """Whether a pattern occurs in ``surface`` (``lowered`` as for ``Feature.search``)."""
        return bool((self.anchored and self.anchored.match(surface, lowered))
                    or (self.floating and self.floating.search(surface, lowered)))


def _furniture(patterns: list[str]) -> Furniture:
    def joined(ps: list[str]) -> Feature | None:
        return _compiled(PAGE_FURNITURE, 0.0, ps) if ps else None
    return Furniture(joined([p for p in patterns if p.startswith("^")]),
                     joined([p for p in patterns if not p.startswith("^")]))


@dataclass(frozen=True)
class Table:
    weights: Weights
    short_words: int
    long_words: int
    floor: float
    furniture: Furniture
    lexical: tuple[Feature, ...]
    # first word → (phrase as lowercase tokens, the features listing it): one pass over a claim's
    # tokens finds every phrase, where a regex per feature would rescan the claim a dozen times
    phrases: dict[str, tuple[tuple[tuple[str, ...], frozenset[int]], ...]]
    # what ``score`` needs for every claim, worked out once: the features with patterns (by
    # index), each feature's move, the figure reasons' weights, and the structural moves of each
    # (type, modality, speaker kind, entities) seen so far
    # (index, on lowered text, on the surface, words one of which the lowered text holds when
    # the search that runs for a claim with a lowered text, on it or on the surface, finds a match)
    searched: tuple[tuple[int, Search | None, Search, frozenset[str] | None], ...] = ()
    moves: tuple[tuple[float, str], ...] = ()
    figure_weights: dict[str, float] = field(default_factory=dict)
    structural: dict[tuple[ClaimType, Modality, SpeakerKind, int], list[tuple[float, str]]] = field(
        default_factory=dict)


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _claim_tokens(surface: str, lowered: str | None) -> list[str]:
    """``_tokens(surface)``, read off ``lowered`` (``surface.lower()``) when that gives the same:
    lower-casing keeps every other character's class and length (``_FOLDS_TO_ASCII`` holds the one
    that grows), but a capital sigma lowers by its neighbours, which may lie outside its token."""
    if lowered is None or "\u03a3" in surface:
        return _tokens(surface)
    return _TOKEN.findall(lowered)


def _feature(f: Lexical) -> Feature:
    if not f.patterns:
        return Feature(f.reason, f.weight, None, None)
    return _compiled(f.reason, f.weight, f.patterns)


def _compiled(reason: str, weight: float, patterns: list[str]) -> Feature:
    """The alternation of ``patterns`` without case, and the same for lower-cased text when it
    has no upper-case letters of its own (see ``_FOLDS_TO_ASCII``)."""
    source = "|".join(f"(?:{p})" for p in patterns)
    letters = re.sub(r"\\.", "", source)
    caseless = not _CASE_BOUND.search(source) and not any(
        c.isupper() or (c.islower() and not c.isascii()) for c in letters)
    return Feature(reason, weight, re.compile(source, re.IGNORECASE), re.compile(source) if caseless else None)


def _phrase_index(features: list[Lexical]) -> dict[str, tuple[tuple[tuple[str, ...], frozenset[int]], ...]]:
    owners: dict[tuple[str, ...], set[int]] = {}
    for i, f in enumerate(features):
        for phrase in f.phrases:
            if seq := tuple(_tokens(phrase)):
                owners.setdefault(seq, set()).add(i)
    index: dict[str, list[tuple[tuple[str, ...], frozenset[int]]]] = {}
    for seq, ids in owners.items():
        index.setdefault(seq[0], []).append((seq, frozenset(ids)))
    return {first: tuple(entries) for first, entries in index.items()}


def _phrase_hits(t: Table, surface: str, lowered: str | None) -> set[int]:
    tokens = _claim_tokens(surface, lowered)
    hits: set[int] = set()
    for i, token in enumerate(tokens):
        for seq, ids in t.phrases.get(token, ()):
            if tuple(tokens[i:i + len(seq)]) == seq:
                hits |= ids
    return hits


def compile_table(data: dict, where: str) -> Table:
    """Check ``data`` against the schema and compile it; errors name ``where``."""
    try:
        t = WorthinessTable.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InputError(f"invalid worthiness table: {problems}", where) from exc
    lexical = tuple(_feature(f) for f in t.lexical)
    w = t.weights
    return Table(t.weights, t.short_words, t.long_words, t.floor, _furniture(t.page_furniture), lexical,
                 _phrase_index(t.lexical),
                 tuple((i, f.lower_pattern.search if f.lower_pattern else None, f.pattern.search,
                        required_words(f.lower_pattern.pattern) if f.lower_pattern
                        else required_words(f.pattern.pattern, ignorecase=True))
                       for i, f in enumerate(lexical) if f.pattern is not None),
                 tuple((f.weight, f.reason) for f in lexical),
                 {"contains a figure": w.figure, "contains a small number": w.figure / 2, "dated": w.date})


@cache
def table(lang: str) -> Table:
    """The worthiness table of ``lang``; a language without one gets the structural weights only."""
    if lang not in available("worthiness"):
        return compile_table({}, lang)
    return compile_table(load_table(lang, "worthiness"), f"klaim/extraction/lang/{lang}.worthiness.yaml")


def _figure_reasons(figures: list[Figure]) -> list[str]:
    """A figure counts fully when it measures something (money, percent, a counted noun or a
    count of ten or more) and half when it is a bare small number ("Number two, …")."""
    strong = small = dated = False
    for f in figures:
        if f.kind in _DATED:
            dated = True
        elif is_numeric(f):
            if f.kind in _STRONG_KINDS or f.counted or (f.value or 0) >= 10:
                strong = True
            else:
                small = True
    reasons = ["contains a figure"] if strong else ["contains a small number"] if small else []
    if dated:
        reasons.append("dated")
    return reasons


def _structural(w: Weights, ctype: ClaimType, modality: Modality, speaker_kind: SpeakerKind,
                entities: list[Entity]) -> list[tuple[float, str]]:
    """What the extractor already found: who said it, what kind of claim, how certain."""
    found = [
        (speaker_kind in (SpeakerKind.person, SpeakerKind.organisation), w.named_source, "named source"),
        (speaker_kind in (SpeakerKind.group, SpeakerKind.anonymous), w.unnamed_source, "unnamed source"),
        (bool(entities), w.entity, "names an entity"),
        (len(entities) >= 2, w.entities, "names several entities"),
        (ctype in _CONCRETE and modality in _FACTUAL, w.concrete_event, "concrete event"),
        (ctype == ClaimType.position, w.opinion, "opinion"),
        (ctype == ClaimType.prediction or modality == Modality.future, w.prediction, "prediction"),
        (modality == Modality.conditional, w.conditional, "conditional"),
        (modality in (Modality.hedged, Modality.uncertain), w.hedged, "hedged"),
    ]
    return [(weight, reason) for hit, weight, reason in found if hit and weight]


def _structural_moves(t: Table, ctype: ClaimType, modality: Modality, speaker_kind: SpeakerKind,
                      entities: list[Entity]) -> list[tuple[float, str]]:
    """``_structural``, once per table for each combination (they are few)."""
    key = (ctype, modality, speaker_kind, min(len(entities), 2))
    moves = t.structural.get(key)
    if moves is None:
        moves = t.structural[key] = _structural(t.weights, ctype, modality, speaker_kind, entities)
    return moves


def _lexical_moves(t: Table, surface: str, lowered: str | None) -> list[tuple[float, str]]:
    """The moves of the lexical features found in ``surface``, in the table's order."""
    hits = _phrase_hits(t, surface, lowered)
    words: set[str] | None = None  # the claim's whole words, made when a pattern first asks
    for i, on_lowered, on_surface, required in t.searched:  # ``Feature.search``, unrolled: it runs for every claim
        if i in hits:
            continue
        if lowered is None:
            if on_surface(surface):
                hits.add(i)
            continue
        if required is not None:
            # a pattern that needs one of a few words is not searched for in a claim without them
            if words is None:
                words = set(_WORD.findall(lowered))
            if words.isdisjoint(required):
                continue
        if on_lowered(lowered) if on_lowered is not None else on_surface(surface):
            hits.add(i)
    return [t.moves[i] for i in sorted(hits)]


def score(surface: str, lang: str, *, claim_type: ClaimType, modality: Modality, figures: list[Figure],
          entities: list[Entity], speaker_kind: SpeakerKind) -> tuple[float, list[str]]:
    """The check-worthiness of a claim whose span reads ``surface``, with its reasons."""
    t = table(lang)
    # lower-cased once for every pattern that can run without case (see ``_FOLDS_TO_ASCII``)
    lowered = None if _FOLDS_TO_ASCII.search(surface) else surface.lower()
    if t.furniture.found(surface, lowered):
        return 0.0, [PAGE_FURNITURE]
    w = t.weights
    moves = [(t.figure_weights[r], r) for r in _figure_reasons(figures)] if figures else []
    moves += _structural_moves(t, claim_type, modality, speaker_kind, entities)
    moves += _lexical_moves(t, surface, lowered)
    words = len(_WORD.findall(surface))
    if words < t.short_words:
        moves.append((w.short, "short"))
    elif t.long_words and words >= t.long_words:
        moves.append((w.long, "long"))
    total = w.base + sum(weight for weight, _ in moves)
    return round(max(t.floor, _squash(total)), 3), [reason for _, reason in moves]


def _squash(total: float) -> float:
    """The summed evidence mapped into (0, 1) by a logistic curve through 0.5 at 0.5, steep
    enough to stay close to the sum in the middle: clipping at 0 and 1 would tie every claim
    with much evidence (or much against it) and lose their order."""
    return 1 / (1 + math.exp(-4 * (total - 0.5)))
