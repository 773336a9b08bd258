"""The people and organisations of an article and where each is mentioned.

Attribution names a speaker where a cue stands ("kata Risal", "Groberg says"); the registry of
``_attribution`` knows the people named with a title. Here both are gathered into one index of
entities, and every later mention of one is found by its words: a person by any word of the name
("Luhut", "Groberg") or a short form of one ("Enggar" for "Enggartiasto"), an organisation by its
whole name. The discourse model asks it who a pronoun points to and what a short name stands for.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from klaim.extraction.claims._claim_unit import Unit
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._lang import Phrases
from klaim.extraction.claims._speakers import Registry, SpeakerRef
from klaim.extraction.claims._table import claims_table
from klaim.schema import SpeakerKind

POSSESSIVE = re.compile(r"['’]s$")
MIN_PREFIX = 4  # a short form is the start of a name word at least this long ("Sandi", "Enggar")
NAMED_KINDS = (SpeakerKind.person, SpeakerKind.organisation)


@dataclass(frozen=True)
class DiscourseWords:
    """The words of a language that the discourse model reads (keys of ``<lang>.claims.yaml``)."""

    referring_pronouns: frozenset[str]
    gendered_pronouns: frozenset[str]
    party_pronouns: frozenset[str]
    first_person_singular: frozenset[str]
    first_person_plural: frozenset[str]
    anaphoric_nouns: frozenset[str]
    not_nouns: frozenset[str]
    quantifiers: frozenset[str]
    demonstrative_follows: bool
    outlet_openers: Phrases
    source_words: Phrases
    resume_paragraphs: int
    short_name_prefixes: bool
    block_quote_subjects: bool
    genders: GenderWords

    @property
    def rewritable(self) -> frozenset[str]:
        """Words a standalone rule may rewrite (besides names and demonstratives)."""
        return self.referring_pronouns | self.first_person_singular | self.first_person_plural | self.party_pronouns


@cache
def discourse_words(lang: str) -> DiscourseWords:
    t = claims_table(lang)
    return DiscourseWords(
        referring_pronouns=frozenset(w.lower() for w in t.referring_pronouns),
        gendered_pronouns=frozenset(w.lower() for w in t.gendered_pronouns),
        party_pronouns=frozenset(w.lower() for w in t.party_pronouns),
        first_person_singular=frozenset(w.lower() for w in t.first_person_singular),
        first_person_plural=frozenset(w.lower() for w in t.first_person_plural),
        anaphoric_nouns=frozenset(w.lower() for w in t.anaphoric_nouns),
        not_nouns=frozenset(w.lower() for w in t.not_nouns),
        quantifiers=frozenset(w.lower() for w in t.quantifiers),
        demonstrative_follows=t.demonstratives_follow_noun,
        outlet_openers=Phrases(t.outlet_openers),
        source_words=Phrases(t.source_words),
        resume_paragraphs=t.resume_paragraphs,
        short_name_prefixes=t.short_name_prefixes,
        block_quote_subjects=t.block_quote_subjects,
        genders=GenderWords(_by_word(t.gender_pronouns), _by_word(t.gender_titles), _by_word(t.given_names)),
    )


@dataclass(frozen=True)
class GenderWords:
    """Each word that tells a person's gender → its label ("he" → "m"), by where it is read."""

    pronouns: dict[str, str]  # a pronoun for a person
    titles: dict[str, str]    # a title or noun written right before a person's name ("Mrs.", "wife")
    names: dict[str, str]     # a given name opening a person's full name


def _by_word(groups: dict[str, list[str]]) -> dict[str, str]:
    """A table's label → words, as word → label (a word under two labels tells neither)."""
    out: dict[str, str | None] = {}
    for label, words in groups.items():
        for w in words:
            out[w.lower()] = label if out.get(w.lower(), label) == label else None
    return {w: label for w, label in out.items() if label is not None}


def own_genders(words: GenderWords, ref: SpeakerRef) -> set[str]:
    """The genders a person's own words give: the given name opening the name, a gendered role."""
    found = {words.titles[w] for w in (ref.role or "").lower().split() if w in words.titles}
    name = (ref.name or "").lower().split()
    if name and name[0] in words.names:
        found.add(words.names[name[0]])
    elif len(name) > 2 and name[1] in words.names:
        # "Democrat Hillary Clinton", "Speaker Paul Ryan": a title or party word the name was
        # written with stands before the given name
        found.add(words.names[name[1]])
    return found


def person_genders(ctx: Ctx, mentions: Mentions, people: Callable[[], dict[str, str]]) -> dict[str, str]:
    """Each person's gender (by canonical name) where all the article's signs agree: their own
    words (those of the one full name the article writes with a family name alone: "Sanders" of
    "Bernie Sanders", from ``people()``) and a title or gendered noun right before any mention
    ("Mrs. Clinton"). ``people`` is called only in a language with gendered pronouns: the full
    names are looked for over every sentence, a fifth of the time of an article naming many
    people, and a language without them (Indonesian) needs them nowhere else."""
    words = discourse_words(ctx.L.code).genders
    if not words.pronouns:
        return {}
    full_names = people()
    signs: dict[str, set[str]] = {}
    for key, ref in mentions.entities.items():
        if ref.kind == SpeakerKind.person:
            full = full_names.get(key) if " " not in key else None
            signs[key] = own_genders(words, replace(ref, name=full) if full else ref)
    for m in mentions.found:
        title = _title_before(ctx, words, m.start) if m.entity.kind == SpeakerKind.person else None
        titled = mentions.canonical(m.entity) if title else None
        if title and titled:
            signs.setdefault(titled, set()).add(title)
    return {key: next(iter(found)) for key, found in signs.items() if len(found) == 1}


def _title_before(ctx: Ctx, words: GenderWords, start: int) -> str | None:
    """The gender of a title or gendered noun right before the token at ``start`` ("Mr." Trump)."""
    k = bisect_left(ctx.idx.starts, start) - 1
    if k > 0 and ctx.word(k) == ".":
        k -= 1
    return words.titles.get(ctx.word(k)) if k >= 0 else None


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
    _canonical: dict[str, str] = field(default_factory=dict)

    def between(self, start: int, end: int) -> list[Mention]:
        return self.found[bisect_left(self._starts, start):bisect_right(self._starts, end - 1)]

    def canonical(self, ref: SpeakerRef) -> str | None:
        """The lower-cased full name an entity is known by ("enggartiasto lukita" for "Enggar")."""
        if not ref.name:
            return None
        key = ref.name.lower()
        if key not in self._canonical:
            self._canonical[key] = key if key in self.entities else _unique_full_name(self.entities, key) or key
        return self._canonical[key]

    def full_name(self, ref: SpeakerRef) -> SpeakerRef:
        key = self.canonical(ref)
        return self.entities.get(key, ref) if key else ref


def _unique_full_name(entities: dict[str, SpeakerRef], key: str) -> str | None:
    """The one person's full name of which every word of ``key`` is a word or a short form."""
    hits = [full for full, ref in entities.items() if ref.kind == SpeakerKind.person and _short_of(key, full)]
    return hits[0] if len(hits) == 1 else None


def lower_elsewhere(ctx: Ctx, word: str) -> bool:
    # once per word and article: a speaker named in every sentence would rescan all its mentions
    key = ("mentions.lower_elsewhere", word.lower())
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = any(not ctx.is_cap(k) for k in ctx.positions(key[1]))
    return hit


def _clean(ctx: Ctx, name: str) -> str:
    """A name without the capitalised common words a sentence start glued to it ("Sebab
    Hermansyah"): words the article also writes in lower case."""
    words, L = name.split(), ctx.L
    while len(words) > 1 and (words[0].lower() in L.subordinators or (words[0].lower(),) in L.leading
                              or (words[0].lower(),) in L.roles or lower_elsewhere(ctx, words[0])):
        words.pop(0)
    if words and POSSESSIVE.search(words[-1]):
        words[-1] = POSSESSIVE.sub("", words[-1])  # "Bill Clinton’s": a mention, not the name
    return " ".join(words)


def _entities(ctx: Ctx, reg: Registry, units: list[Unit]) -> dict[str, SpeakerRef]:
    """People the registry knows and every named person or organisation a unit is attributed to."""
    found: dict[str, SpeakerRef] = {}
    # a speaker is the entity of what it names, whatever its mention and cue: each is asked once
    # (the units of one source's account, or a source named in every sentence, repeat it)
    asked: set[tuple[SpeakerKind, str | None, str | None, str | None]] = set()
    for sp in [*reg.full.values(), *(u.speaker for u in units)]:
        what = (sp.kind, sp.name, sp.role, sp.organisation)
        if what in asked:
            continue
        asked.add(what)
        ref = _named(ctx, sp)
        if ref is not None and ref.name:
            found.setdefault(ref.name.lower(), ref)
    return _without_short_forms(found)


def named_people(ctx: Ctx) -> Mentions:
    """The people an article names by a common given name and a family name ("Hillary Clinton")
    or a gendered title ("Mrs. Clinton"), speakers or not, and their mentions: where no speaker
    or titled person fits a pronoun, it may point to one of them."""
    found: dict[str, SpeakerRef] = {}
    for sp in _gendered_names(ctx):
        ref = _named(ctx, sp)
        if ref is not None and ref.name:
            found.setdefault(ref.name.lower(), ref)
    return _scan_mentions(ctx, _without_short_forms(found))


GIVEN_NAME_RUN = 3  # capitalised words after a given name or a gendered title that may be the rest of the name


def _gendered_names(ctx: Ctx) -> list[SpeakerRef]:
    """People named nowhere as speakers or with a role but by a common given name and a family
    name ("Hillary Clinton") or a gendered title ("Mrs. Clinton"): a pronoun may point to them."""
    words = discourse_words(ctx.L.code).genders
    if not words.names:
        return []
    found: dict[str, SpeakerRef] = {}
    n = len(ctx.idx.spans)
    for k in (t for t, cap in enumerate(ctx.idx.is_cap) if cap):
        w = ctx.word(k)
        if w in words.names:
            start, end = k, _name_run_end(ctx, k + 1, n)  # the given name may be a word too ("Bill")
        elif w in words.titles and ctx.match_seq(k, ctx.L.honorifics, k + 1):
            start = k + 2 if k + 1 < n and ctx.word(k + 1) == "." else k + 1
            end = _name_run_end(ctx, start, n)
        else:
            continue
        if end - start > 1 or (start > k and end > start):
            name = ctx.text[ctx.idx.spans[start][0]:ctx.idx.spans[end - 1][1]]
            found.setdefault(name.lower(), SpeakerRef(SpeakerKind.person, name))
    return list(found.values())


def _name_run_end(ctx: Ctx, start: int, n: int) -> int:
    """The end of the capitalised name words from token ``start`` (no common word of the article
    written in lower case elsewhere: a headline's "Hillary Clinton Won Among …")."""
    end, stop = start, min(n, start + GIVEN_NAME_RUN)
    while end < stop and ctx.is_cap(end) and ctx.is_word(end) and not ctx.is_verb(end) \
            and ctx.word(end) not in ctx.L.not_names and not lower_elsewhere(ctx, ctx.word(end)):
        if POSSESSIVE.search(ctx.word(end)):
            return end + 1  # "Mr. Trump's Republican rivals": the name ends on its possessive
        initial = len(ctx.word(end)) == 1 and end + 1 < n and ctx.word(end + 1) == "."
        end += 2 if initial else 1  # "Donald J. Trump": the initial and its full stop
        stop += initial
    end = min(end, n)
    return end - 2 if end - start > 1 and ctx.word(end - 1) == "." else end  # no name ends on an initial


def _named(ctx: Ctx, sp: SpeakerRef) -> SpeakerRef | None:
    """The speaker as an entity with a clean name, or None when it names no one."""
    if sp.kind not in NAMED_KINDS or not sp.name or not sp.name[:1].isupper():
        return None
    name = _clean(ctx, sp.name) if sp.kind == SpeakerKind.person else sp.name
    if " " not in name and lower_elsewhere(ctx, name):
        return None  # "Having", "Namun": a capitalised common word, not a name
    return SpeakerRef(sp.kind, name, sp.role, sp.organisation)


def _without_short_forms(found: dict[str, SpeakerRef]) -> dict[str, SpeakerRef]:
    """A short name ("Enggar") that one longer registered name contains is that person."""
    people = [k for k, ref in found.items() if ref.kind == SpeakerKind.person]
    by_start = _names_by_word_start(people)
    short = {key for key in people
             if len([full for full in _candidates(key, people, by_start)
                     if len(full) > len(key) and _short_of(key, full)]) == 1}
    return {k: v for k, v in found.items() if k not in short}


def _names_by_word_start(names: list[str]) -> dict[str, dict[str, None]]:
    """Each word of a name, and each start of one ``_short_of`` accepts → the names (in order):
    a name is then compared with the few names its first word can be part of, not all of them
    (an article naming a new person in every sentence would take quadratic time)."""
    index: dict[str, dict[str, None]] = {}
    for name in names:
        for v in name.split():
            # no set of the starts per word: a name is a key once in each starts' dict anyway
            index.setdefault(v, {})[name] = None
            for n in range(MIN_PREFIX, len(v)):
                index.setdefault(v[:n], {})[name] = None
    return index


def _candidates(key: str, names: list[str], by_start: dict[str, dict[str, None]]) -> list[str]:
    """The names of which ``key`` may be a short form (every one when ``key`` has no word)."""
    words = key.split()
    return list(by_start.get(words[0], {})) if words else names


def _short_of(key: str, full: str) -> bool:
    """Every word of ``key`` is a word of ``full`` or the start of one ("sandi" of "sandiaga uno")."""
    words = full.split()
    return all(any(v == w or (len(w) >= MIN_PREFIX and v.startswith(w)) for v in words) for w in key.split())


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


@dataclass(frozen=True)
class _WordIndex:
    """``_word_index`` with its words sorted, so that the words a short form starts are one
    bisected range, and each name's first entity."""

    words: dict[str, SpeakerRef]
    ordered: list[str]
    first_of_name: dict[str | None, SpeakerRef]

    @classmethod
    def of(cls, words: dict[str, SpeakerRef]) -> _WordIndex:
        first: dict[str | None, SpeakerRef] = {}
        for ref in words.values():
            first.setdefault(ref.name, ref)
        return cls(words, sorted(words), first)


def _prefix_hit(word: str, index: _WordIndex) -> SpeakerRef | None:
    if len(word) < MIN_PREFIX:
        return None
    lo = bisect_left(index.ordered, word)
    hits = set()
    for w in index.ordered[lo:]:
        if not w.startswith(word):
            break
        if index.words[w].kind == SpeakerKind.person:
            hits.add(index.words[w].name)
    if len(hits) != 1:
        return None
    return index.first_of_name[hits.pop()]


def find_mentions(ctx: Ctx, reg: Registry, units: list[Unit]) -> Mentions:
    """Every mention of the article's people and organisations, in text order."""
    return _scan_mentions(ctx, _entities(ctx, reg, units))


def _scan_mentions(ctx: Ctx, entities: dict[str, SpeakerRef]) -> Mentions:
    """Every mention of these entities, in text order."""
    if not entities:
        return Mentions(entities, [], [])  # nothing to find (the people named by a given name, in Indonesian)
    index = _word_index(ctx, entities)
    words = _WordIndex.of(index)
    phrases = _phrases_by_first_word(entities)
    lower, spans = ctx.idx.lower, ctx.idx.spans
    short: dict[str, SpeakerRef | None] = {}  # short forms looked up once per article
    prefixes = discourse_words(ctx.L.code).short_name_prefixes
    out: list[Mention] = []
    k = 0
    # only capitalised tokens start a mention: they are picked in one pass, not stepped to
    for c in [t for t, cap in enumerate(ctx.idx.is_cap) if cap]:
        if c < k:
            continue  # inside the mention before
        k = c
        length, ref = _longest_phrase(lower, k, phrases.get(lower[k], {}))
        if ref is None:
            w = lower[k]
            if w not in short:
                short[w] = index.get(w) or (_prefix_hit(w, words) if prefixes else None)
            length, ref = 1, short[w]
        if ref is not None:
            if out and out[-1].entity == ref and out[-1].end >= spans[k][0] - 1:
                out[-1] = Mention(out[-1].start, spans[k + length - 1][1], ref)  # "Luhut Binsar Panjaitan"
            else:
                out.append(Mention(spans[k][0], spans[k + length - 1][1], ref))
        k += length
    return Mentions(entities, out, [m.start for m in out])


def _phrases_by_first_word(entities: dict[str, SpeakerRef]) -> dict[str, dict[tuple[str, ...], SpeakerRef]]:
    """The names of more than one word as word sequences, grouped by their first word: a token
    is compared with the names it can start, not with every name of the article."""
    phrases: dict[str, dict[tuple[str, ...], SpeakerRef]] = {}
    for name, ref in entities.items():
        if len(name.split()) > 1:
            phrases.setdefault(name.split()[0], {})[tuple(name.split())] = ref
    return phrases


def _longest_phrase(lower: list[str], k: int, phrases: dict[tuple[str, ...], SpeakerRef]
                    ) -> tuple[int, SpeakerRef | None]:
    """The longest of ``phrases`` (those starting with token k's word) at token k."""
    best: tuple[int, SpeakerRef | None] = (0, None)
    for seq, ref in phrases.items():
        if len(seq) > best[0] and tuple(lower[k:k + len(seq)]) == seq:
            best = (len(seq), ref)
    return best
