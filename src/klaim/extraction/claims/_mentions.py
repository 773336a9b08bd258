"""The people and organisations of an article and where each is mentioned.

Attribution names a speaker where a cue stands ("kata Risal", "Groberg says"); the registry of
``_attribution`` knows the people named with a title. Here both are gathered into one index of
entities, and every later mention of one is found by its words: a person by any word of the name
("Luhut", "Groberg") or a short form of one ("Enggar" for "Enggartiasto"), an organisation by its
whole name. The discourse model asks it who a pronoun points to and what a short name stands for.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

from klaim.extraction.claims._attribution import Registry, SpeakerRef
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._decompose import Unit
from klaim.extraction.claims._lang import Phrases
from klaim.extraction.claims._table import check_claims_table
from klaim.extraction.lang import table_source
from klaim.schema import SpeakerKind

MIN_PREFIX = 4  # a short form is the start of a name word at least this long ("Sandi", "Enggar")
NAMED_KINDS = (SpeakerKind.person, SpeakerKind.organisation)


@dataclass(frozen=True)
class DiscourseWords:
    """The words of a language that the discourse model reads (keys of ``<lang>.claims.yaml``)."""

    referring_pronouns: frozenset[str]
    party_pronouns: frozenset[str]
    first_person_singular: frozenset[str]
    anaphoric_nouns: frozenset[str]
    outlet_openers: Phrases
    source_words: Phrases
    resume_paragraphs: int


@cache
def discourse_words(lang: str) -> DiscourseWords:
    t = check_claims_table(*table_source(lang, "claims"))
    return DiscourseWords(
        referring_pronouns=frozenset(w.lower() for w in t.referring_pronouns),
        party_pronouns=frozenset(w.lower() for w in t.party_pronouns),
        first_person_singular=frozenset(w.lower() for w in t.first_person_singular),
        anaphoric_nouns=frozenset(w.lower() for w in t.anaphoric_nouns),
        outlet_openers=Phrases(t.outlet_openers),
        source_words=Phrases(t.source_words),
        resume_paragraphs=t.resume_paragraphs,
    )


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: SpeakerRef


@dataclass
class Mentions:
    """Entities of one article (by lower-cased full name) and their mentions in text order."""

    entities: dict[str, SpeakerRef] = field(default_factory=dict)
    found: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def between(self, start: int, end: int) -> list[Mention]:
        return self.found[bisect_left(self._starts, start):bisect_right(self._starts, end - 1)]

    def canonical(self, ref: SpeakerRef) -> str | None:
        """The lower-cased full name an entity is known by ("enggartiasto lukita" for "Enggar")."""
        if not ref.name:
            return None
        key = ref.name.lower()
        if key in self.entities:
            return key
        full = _unique_full_name(self.entities, key)
        return full or key

    def full_name(self, ref: SpeakerRef) -> SpeakerRef:
        key = self.canonical(ref)
        return self.entities.get(key, ref) if key else ref


def _unique_full_name(entities: dict[str, SpeakerRef], key: str) -> str | None:
    """The one person's full name of which every word of ``key`` is a word or a short form."""
    words = key.split()
    hits = [full for full, ref in entities.items() if ref.kind == SpeakerKind.person
            and all(any(v == w or (len(w) >= MIN_PREFIX and v.startswith(w)) for v in full.split()) for w in words)]
    return hits[0] if len(hits) == 1 else None


def _entities(reg: Registry, units: list[Unit]) -> dict[str, SpeakerRef]:
    """People the registry knows and every named person or organisation a unit is attributed to."""
    found: dict[str, SpeakerRef] = {}
    for key, ref in reg.full.items():
        found.setdefault(key, ref)
    for u in units:
        sp = u.speaker
        if sp.kind in NAMED_KINDS and sp.name and sp.name[:1].isupper():
            found.setdefault(sp.name.lower(), SpeakerRef(sp.kind, sp.name, sp.role, sp.organisation))
    # a short name ("Enggar") that a longer registered one contains is that person, not another
    for key in [k for k, ref in found.items() if ref.kind == SpeakerKind.person]:
        full = _unique_full_name({k: v for k, v in found.items() if k != key}, key)
        if full is not None and len(full) > len(key):
            del found[key]
    return found


def _word_index(ctx: Ctx, entities: dict[str, SpeakerRef]) -> dict[str, SpeakerRef]:
    """Each person's name words (and an organisation's one-word name) → the entity, when only one
    entity has that word."""
    index: dict[str, SpeakerRef | None] = {}
    for key, ref in entities.items():
        words = key.split()
        if ref.kind != SpeakerKind.person and len(words) > 1:
            continue
        for w in words:
            if len(w) < 3 or w in ctx.L.not_names or w in ctx.L.particles:
                continue
            index[w] = None if index.get(w, ref) != ref else ref
    return {w: ref for w, ref in index.items() if ref is not None}


def _prefix_hit(word: str, index: dict[str, SpeakerRef]) -> SpeakerRef | None:
    if len(word) < MIN_PREFIX:
        return None
    hits = {ref.name for w, ref in index.items() if w.startswith(word) and ref.kind == SpeakerKind.person}
    if len(hits) != 1:
        return None
    return next(ref for w, ref in index.items() if ref.name in hits)


def find_mentions(ctx: Ctx, reg: Registry, units: list[Unit]) -> Mentions:
    """Every mention of the article's people and organisations, in text order."""
    entities = _entities(reg, units)
    index = _word_index(ctx, entities)
    phrases = {tuple(k.split()): ref for k, ref in entities.items() if len(k.split()) > 1}
    firsts = {p[0] for p in phrases}
    lower, spans, n = ctx.idx.lower, ctx.idx.spans, len(ctx.idx.spans)
    short: dict[str, SpeakerRef | None] = {}  # short forms looked up once per article
    out: list[Mention] = []
    k = 0
    while k < n:
        if not ctx.is_cap(k):
            k += 1
            continue
        length, ref = _longest_phrase(lower, k, phrases, firsts)
        if ref is None:
            w = lower[k]
            if w not in short:
                short[w] = index.get(w) or _prefix_hit(w, index)
            length, ref = 1, short[w]
        if ref is not None:
            if out and out[-1].entity == ref and out[-1].end >= spans[k][0] - 1:
                out[-1] = Mention(out[-1].start, spans[k + length - 1][1], ref)  # "Luhut Binsar Panjaitan"
            else:
                out.append(Mention(spans[k][0], spans[k + length - 1][1], ref))
        k += length
    return Mentions(entities, out, [m.start for m in out])


def _longest_phrase(lower: list[str], k: int, phrases: dict[tuple[str, ...], SpeakerRef],
                    firsts: set[str]) -> tuple[int, SpeakerRef | None]:
    if lower[k] not in firsts:
        return 0, None
    best: tuple[int, SpeakerRef | None] = (0, None)
    for seq, ref in phrases.items():
        if len(seq) > best[0] and tuple(lower[k:k + len(seq)]) == seq:
            best = (len(seq), ref)
    return best
