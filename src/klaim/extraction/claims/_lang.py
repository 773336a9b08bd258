"""A language's claim table, compiled once: word sets, phrase matchers and regexes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from klaim.extraction.claims._table import check_claims_table
from klaim.extraction.lang import table_source


class Phrases:
    """Case-insensitive whole-word matcher for a list of words and multi-word phrases."""

    __slots__ = ("pattern", "seqs", "words")

    def __init__(self, items: list[str]):
        self.words = sorted({str(i).lower() for i in items}, key=len, reverse=True)
        self.seqs = tuple(tuple(w.split()) for w in self.words)
        body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in self.words) or "(?!)"
        self.pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
        return list(self.pattern.finditer(text, start, len(text) if end is None else end))

    def first(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        return self.pattern.search(text, start, len(text) if end is None else end)


def _words(table: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in table.get(key, []) or [])


class Sequences:
    """Multi-word entries as token tuples, indexed by first word, longest first (greedy match)."""

    __slots__ = ("all", "by_first")

    def __init__(self, items: list[str]):
        seqs = sorted({tuple(str(w).lower().split()) for w in items}, key=len, reverse=True)
        self.all = tuple(seqs)
        self.by_first: dict[str, tuple[tuple[str, ...], ...]] = {}
        for seq in seqs:
            self.by_first[seq[0]] = (*self.by_first.get(seq[0], ()), seq)

    def __contains__(self, seq: object) -> bool:
        return isinstance(seq, tuple) and bool(seq) and seq in self.by_first.get(seq[0], ())

    def __iter__(self):
        return iter(self.all)


def _sequences(table: dict[str, Any], key: str) -> Sequences:
    return Sequences(table.get(key, []) or [])


CueEntry = tuple[tuple[int, ...], dict[str, tuple[tuple[int, tuple[str, ...]], ...]]]


@dataclass(frozen=True)
class Lang:
    code: str
    post_cues: frozenset[str]
    participle_cues: frozenset[str]
    evidence_cues: frozenset[str]
    evidence_nouns: frozenset[str]
    record_cues: frozenset[str]
    pre_cues: frozenset[str]
    prefix_cues: frozenset[str]
    inline_cues: frozenset[str]
    passive_cues: frozenset[str]
    passive_adverbs: Sequences
    passive_openers: frozenset[str]
    nominal_cues: frozenset[str]
    speech_nouns: frozenset[str]
    recipient_words: frozenset[str]
    object_cues: frozenset[str]
    complementisers: frozenset[str]
    wish_complementisers: frozenset[str]
    pronoun_speakers: frozenset[str]
    plural_pronouns: frozenset[str]
    pronoun_suffix: str | None
    speaker_boundaries: frozenset[str]
    np_participles: frozenset[str]
    anonymous: tuple[re.Pattern[str], ...]
    group_determiners: frozenset[str]
    np_articles: frozenset[str]
    plural_suffix: str | None
    roles: Sequences
    spokesperson_roles: Sequences
    honorifics: Sequences
    portfolio_roles: Sequences
    region_roles: Sequences
    document_words: Sequences
    not_speakers: Sequences
    existentials: Sequences
    citations: Sequences
    non_verbs: frozenset[str]
    verb_prefixes: tuple[str, ...]
    verb_suffixes: tuple[str, ...]
    verb_min_stem: int
    verbs: frozenset[str]
    auxiliaries: frozenset[str]
    copula: str
    copulas: frozenset[str]
    copula_plural: str
    coordinators: frozenset[str]
    predicate_coordinators: frozenset[str]
    clause_coordinators: frozenset[str]
    subordinators: frozenset[str]
    relative: frozenset[str]
    demonstratives: frozenset[str]
    time_words: frozenset[str]
    predicate_markers: frozenset[str]
    passive_agent: str
    passive_prefix: tuple[str, ...]
    locative_prepositions: frozenset[str]
    np_stops: frozenset[str]
    subject_breakers: frozenset[str]
    breaker_seqs: Sequences
    leading: Sequences
    min_claim_tokens: int
    min_quote_tokens: int
    uncertain: Phrases
    hedged: Phrases
    negated: Phrases
    negation_blockers: Phrases
    hedge_blockers: Phrases
    hedged_numbers: Phrases
    negation_scopes: Phrases
    additive_negations: Phrases
    additive_continuations: Phrases
    refusals: frozenset[str]
    boilerplate: re.Pattern[str]
    non_claim_endings: tuple[str, ...]
    future: Phrases
    conditional: Phrases
    conditional_needs: Phrases
    conditional_blockers: Phrases
    causal: Phrases
    position: Phrases
    event_markers: Phrases
    background: Phrases
    background_years: int
    first_person: Phrases
    ceremony: Phrases
    not_names: frozenset[str]
    particles: frozenset[str]
    name_prefixes: frozenset[str]
    gazetteer: dict[str, tuple[str, str]]
    gazetteer_max: int
    gazetteer_first: frozenset[str]
    organisation_heads: frozenset[str]
    post_nominals: frozenset[str]
    location_heads: frozenset[str]
    list_coordinators: frozenset[str]
    fact_subordinators: frozenset[str]
    contrast_connectives: frozenset[str]
    correlative_openers: Sequences
    _verb_cache: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    _cue_index: dict[str, CueEntry] = field(default_factory=dict, compare=False, repr=False)

    def cue_index(self) -> dict[str, CueEntry]:
        """First word → the cue lists it is a whole cue of (by id), and the longer phrases it
        starts grouped by their second word, over every cue list: one pass over an article's
        tokens finds the matches of all lists, and a common first word ("tidak") tries only the
        phrases whose second word follows it."""
        if not self._cue_index:
            singles: dict[str, list[int]] = {}
            longer: dict[str, dict[str, list[tuple[int, tuple[str, ...]]]]] = {}
            for value in vars(self).values():
                if isinstance(value, Phrases):
                    for seq in value.seqs:
                        if len(seq) == 1:
                            singles.setdefault(seq[0], []).append(id(value))
                        else:
                            longer.setdefault(seq[0], {}).setdefault(seq[1], []).append((id(value), seq))
            self._cue_index.update({
                w: (tuple(singles.get(w, ())), {nxt: tuple(v) for nxt, v in longer.get(w, {}).items()})
                for w in singles.keys() | longer.keys()})
        return self._cue_index

    def is_verb(self, word: str) -> bool:
        """Morphological guess, cached per word: the vocabulary of news is small."""
        hit = self._verb_cache.get(word)
        if hit is None:
            hit = self._verb_cache[word] = self._guess_verb(word)
        return hit

    def _guess_verb(self, word: str) -> bool:
        """Listed verbs, or a verb prefix (or suffix) on a long enough stem."""
        if word in self.verbs:
            return True
        if word in self.non_verbs or not word.isalpha():
            return False
        suffix = self.pronoun_suffix
        if suffix and word.endswith(suffix) and word[: -len(suffix)] in self.non_verbs:
            return False  # "menurutnya" is "menurut" + "nya"
        for p in self.verb_prefixes:
            if word.startswith(p) and len(word) - len(p) >= self.verb_min_stem:
                return True
        return any(word.endswith(s) and len(word) - len(s) >= self.verb_min_stem for s in self.verb_suffixes)


@cache
def get(lang: str) -> Lang:
    t = check_claims_table(*table_source(lang, "claims")).model_dump()
    gaz = {str(k).lower(): (str(v[0]), str(v[1])) for k, v in (t.get("gazetteer") or {}).items()}
    return Lang(
        code=lang,
        post_cues=_words(t, "post_cues"),
        participle_cues=_words(t, "participle_cues"),
        evidence_cues=_words(t, "evidence_cues"),
        evidence_nouns=_words(t, "evidence_nouns"),
        record_cues=_words(t, "record_cues"),
        pre_cues=_words(t, "pre_cues"),
        prefix_cues=_words(t, "prefix_cues"),
        inline_cues=_words(t, "inline_cues"),
        passive_cues=_words(t, "passive_cues"),
        passive_adverbs=_sequences(t, "passive_adverbs"),
        passive_openers=_words(t, "passive_openers"),
        nominal_cues=_words(t, "nominal_cues"),
        speech_nouns=_words(t, "speech_nouns"),
        recipient_words=_words(t, "recipient_words"),
        object_cues=_words(t, "object_cues"),
        complementisers=_words(t, "complementisers"),
        wish_complementisers=_words(t, "wish_complementisers"),
        pronoun_speakers=_words(t, "pronoun_speakers"),
        plural_pronouns=_words(t, "plural_pronouns"),
        pronoun_suffix=t.get("pronoun_suffix"),
        speaker_boundaries=_words(t, "speaker_boundaries"),
        np_participles=_words(t, "np_participles"),
        anonymous=tuple(re.compile(p) for p in t.get("anonymous_patterns", [])),
        group_determiners=_words(t, "group_determiners"),
        np_articles=_words(t, "np_articles"),
        plural_suffix=t.get("plural_suffix"),
        roles=_sequences(t, "role_words"),
        spokesperson_roles=_sequences(t, "spokesperson_roles"),
        honorifics=_sequences(t, "honorifics"),
        portfolio_roles=_sequences(t, "portfolio_roles"),
        region_roles=_sequences(t, "region_roles"),
        document_words=_sequences(t, "document_words"),
        not_speakers=_sequences(t, "not_speakers"),
        existentials=_sequences(t, "existentials"),
        citations=_sequences(t, "citations"),
        non_verbs=_words(t, "non_verbs"),
        verb_prefixes=tuple(sorted((str(p) for p in t.get("verb_prefixes", [])), key=len, reverse=True)),
        verb_suffixes=tuple(str(p) for p in t.get("verb_suffixes", [])),
        verb_min_stem=int(t.get("verb_min_stem", 3)),
        verbs=_words(t, "verbs"),
        auxiliaries=_words(t, "auxiliaries"),
        copula=t["copulas"][0],
        copulas=_words(t, "copulas"),
        copula_plural=t["copula_plural"] or t["copulas"][0],
        coordinators=_words(t, "predicate_coordinators") | _words(t, "clause_coordinators"),
        predicate_coordinators=_words(t, "predicate_coordinators"),
        clause_coordinators=_words(t, "clause_coordinators"),
        subordinators=_words(t, "subordinators"),
        relative=_words(t, "relative_pronouns"),
        demonstratives=_words(t, "demonstratives"),
        time_words=_words(t, "time_words"),
        predicate_markers=_words(t, "predicate_markers"),
        passive_agent=t["passive_agent"] or "",
        passive_prefix=tuple(str(p) for p in t.get("passive_prefixes", []) or []) or ("\0",),
        locative_prepositions=_words(t, "locative_prepositions"),
        np_stops=_words(t, "np_stops"),
        subject_breakers=_words(t, "subject_breakers"),
        breaker_seqs=_sequences(t, "subject_breakers"),
        leading=_sequences(t, "leading_connectives"),
        min_claim_tokens=int(t.get("min_claim_tokens", 3)),
        min_quote_tokens=int(t.get("min_quote_tokens", 4)),
        uncertain=Phrases(t.get("uncertain", [])),
        hedged=Phrases(t.get("hedged", [])),
        negated=Phrases(t.get("negated", [])),
        negation_blockers=Phrases(t.get("negation_blockers", [])),
        hedge_blockers=Phrases(t.get("hedge_blockers", [])),
        hedged_numbers=Phrases(t.get("hedged_numbers", [])),
        negation_scopes=Phrases(t.get("negation_scopes", [])),
        additive_negations=Phrases(t.get("additive_negations", [])),
        additive_continuations=Phrases(t.get("additive_continuations", [])),
        refusals=_words(t, "refusals"),
        non_claim_endings=tuple(str(x) for x in t.get("non_claim_endings", []) or []),
        boilerplate=re.compile("|".join(t.get("boilerplate", [])) or "(?!)", re.IGNORECASE),
        future=Phrases(t.get("future", [])),
        conditional=Phrases(t.get("conditional", [])),
        conditional_needs=Phrases(t.get("conditional_needs", [])),
        conditional_blockers=Phrases(t.get("conditional_blockers", [])),
        causal=Phrases(t.get("causal", [])),
        position=Phrases(t.get("position", [])),
        event_markers=Phrases(t.get("event_markers", [])),
        background=Phrases(t.get("background", [])),
        background_years=int(t.get("background_years", 5)),
        first_person=Phrases(t.get("first_person", [])),
        ceremony=Phrases(t.get("ceremony", [])),
        not_names=_words(t, "not_names"),
        particles=_words(t, "person_particles"),
        name_prefixes=_words(t, "name_prefixes"),
        gazetteer=gaz,
        gazetteer_max=max((len(k.split()) for k in gaz), default=1),
        gazetteer_first=frozenset(k.split()[0] for k in gaz),
        organisation_heads=_words(t, "organisation_heads"),
        post_nominals=_words(t, "post_nominals"),
        location_heads=_words(t, "location_heads"),
        list_coordinators=_words(t, "list_coordinators"),
        fact_subordinators=_words(t, "fact_subordinators"),
        contrast_connectives=_words(t, "contrast_connectives"),
        correlative_openers=_sequences(t, "correlative_openers"),
    )
