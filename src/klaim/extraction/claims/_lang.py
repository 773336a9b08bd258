"""A language's claim table, compiled once: word sets, phrase matchers and regexes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from klaim.extraction.claims._table import claims_table


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
    complement_cues: frozenset[str]
    pronoun_embedders: frozenset[str]
    pre_cues: frozenset[str]
    act_cues: frozenset[str]
    prefix_cues: frozenset[str]
    inline_cues: frozenset[str]
    passive_cues: frozenset[str]
    passive_auxiliaries: frozenset[str]
    passive_adverbs: Sequences
    measure_predicates: Sequences
    passive_openers: frozenset[str]
    nominal_cues: frozenset[str]
    accusation_cues: frozenset[str]
    denial_cues: frozenset[str]
    interrogatives: frozenset[str]
    irrealis_modals: frozenset[str]
    denial_complementisers: frozenset[str]
    enquiry_verbs: frozenset[str]
    question_participles: frozenset[str]
    speaking_time_words: frozenset[str]
    pair_openers: frozenset[str]
    location_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    recipient_words: frozenset[str]
    object_prepositions: frozenset[str]
    infinitive_cues: frozenset[str]
    infinitive_markers: frozenset[str]
    object_cues: frozenset[str]
    complementisers: frozenset[str]
    wish_complementisers: frozenset[str]
    pronoun_speakers: frozenset[str]
    plural_pronouns: frozenset[str]
    pronoun_suffix: str | None
    participle_suffix: str | None
    speaker_boundaries: frozenset[str]
    np_participles: frozenset[str]
    anonymous: tuple[re.Pattern[str], ...]
    affiliation_tags: tuple[re.Pattern[str], ...]
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
    source_tails: Sequences
    free_relative_openers: Sequences
    speaker_time_phrases: Sequences
    adverb_phrases: Sequences
    parenthetical_cues: Sequences
    subordinator_modifiers: Sequences
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
    result_coordinators: frozenset[str]
    non_subjects: frozenset[str]
    fact_relative_markers: frozenset[str]
    cause_subordinators: frozenset[str]
    purpose_subordinators: frozenset[str]
    gloss_coordinators: frozenset[str]
    disjunctive_coordinators: frozenset[str]
    withholding_verbs: frozenset[str]
    kin_nouns: frozenset[str]
    past_futures: frozenset[str]
    named_kinds: frozenset[str]
    naming_cues: frozenset[str]
    naming_openers: frozenset[str]
    subject_pronouns: frozenset[str]
    fronted_clause_openers: frozenset[str]
    owner_words: frozenset[str]
    appositive_openers: frozenset[str]
    appositive_breakers: frozenset[str]
    abbreviations: frozenset[str]
    non_participles: frozenset[str]
    complement_heads: frozenset[str]
    content_nouns: frozenset[str]
    dangling_relatives: frozenset[str]
    comparison_markers: frozenset[str]
    phrase_quote_openers: frozenset[str]
    quantity_comparatives: frozenset[str]
    subordinators: frozenset[str]
    relative: frozenset[str]
    relative_adverbs: frozenset[str]
    focus_particles: frozenset[str]
    occasion_subordinators: frozenset[str]
    member_nouns: frozenset[str]
    demonyms: frozenset[str]
    possession_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    not_acts: frozenset[str]
    one_word_organisation_heads: frozenset[str]
    only_then_words: frozenset[str]
    only_then_modals: frozenset[str]
    place_prepositions: frozenset[str]
    home_place_prepositions: frozenset[str]
    organisation_pronouns: frozenset[str]
    parenthetical_openers: frozenset[str]
    wish_verbs: frozenset[str]
    request_verbs: frozenset[str]
    request_idioms: frozenset[str]
    dangling_subordinators: frozenset[str]
    source_participles: frozenset[str]
    tail_breakers: frozenset[str]
    casualty_words: frozenset[str]
    past_negations: frozenset[str]
    question_tags: frozenset[str]
    answer_words: frozenset[str]
    organisation_connectors: frozenset[str]
    outlet_prepositions: frozenset[str]
    speech_act_adjuncts: frozenset[str]
    speaker_occasion_openers: frozenset[str]
    channel_prepositions: frozenset[str]
    document_prefix_cues: frozenset[str]
    possessive_determiners: frozenset[str]
    occasion_prepositions: frozenset[str]
    time_subordinators: frozenset[str]
    demonstratives: frozenset[str]
    time_words: frozenset[str]
    predicate_markers: frozenset[str]
    passive_agent: str
    passive_prefix: tuple[str, ...]
    noun_prefixes: tuple[str, ...]
    noun_suffixes: tuple[str, ...]
    possessive_pronouns: dict[str, str]  # "his" → "he": a possessive and the pronoun of its gender
    courtesy_titles: frozenset[str]
    locative_prepositions: frozenset[str]
    np_stops: frozenset[str]
    subject_breakers: frozenset[str]
    breaker_seqs: Sequences
    leading: Sequences
    min_claim_tokens: int
    min_quote_tokens: int
    split_quotes: bool
    age_appositives: bool
    relative_from_antecedent: bool
    named_relatives: bool
    verbless_background: bool
    speaker_max_tokens: int
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
    past_endings: tuple[str, ...]
    active_prefixes: tuple[str, ...]
    future: Phrases
    conditional: Phrases
    conditional_needs: Phrases
    conditional_blockers: Phrases
    causal: Phrases
    position: Phrases
    event_markers: Phrases
    background: Phrases
    identity: Phrases
    deontic: Phrases
    episode_markers: Phrases
    background_years: int
    first_person: Phrases
    ceremony: Phrases
    negation_noun_scopes: Phrases
    future_blockers: Phrases
    future_places: Phrases
    concessions: Phrases
    verb_futures: Phrases
    location_predicates: Phrases
    count_focus: Phrases
    opinion_frames: Phrases
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
    concessive_subordinators: frozenset[str]
    gloss_words: frozenset[str]
    adverbial_demonstratives: frozenset[str]
    simultaneity_subordinators: frozenset[str]
    collective_numbers: frozenset[str]
    reference_determiners: frozenset[str]
    vague_prefixes: frozenset[str]
    causatives: frozenset[str]
    stative_prefixes: frozenset[str]
    correlative_openers: Sequences
    nickname_cues: Sequences
    list_introducers: Sequences
    membership_predicates: Sequences
    membership_phrase: str
    single_member_subjects: Sequences
    future_openers: Sequences
    number_labels: frozenset[str]
    partitives: frozenset[str]
    comparison_words: frozenset[str]
    counted_prepositions: frozenset[str]
    pair_prepositions: frozenset[str]
    shared_determiners: frozenset[str]
    object_verb_suffixes: tuple[str, ...]
    title_prepositions: frozenset[str]
    list_units: frozenset[str]
    object_focus_agents: frozenset[str]
    relative_heads: frozenset[str]
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

    def has_noun_suffix(self, word: str) -> bool:
        """Does the (lower-case) word end in a noun suffix on a stem long enough for a verb's?"""
        return any(word.endswith(x) and len(word) - len(x) > self.verb_min_stem for x in self.noun_suffixes)

    def is_derived_noun(self, word: str) -> bool:
        """A noun prefix and a noun suffix on one stem ("pertanian", "kepolisian"): a common noun,
        whatever its case, where names rarely take both ("Ridwan" ends in one only)."""
        return word.startswith(self.noun_prefixes) and self.has_noun_suffix(word)

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


# Table keys compiled the same way, by the Lang field they fill (field → key where the names differ).
_WORD_SETS = (
    "post_cues", "participle_cues", "evidence_cues", "evidence_nouns", "record_cues", "complement_cues",
    "pronoun_embedders", "pre_cues",
    "prefix_cues", "inline_cues", "passive_cues", "passive_openers", "nominal_cues", "speech_nouns",
    "recipient_words", "object_prepositions", "infinitive_cues", "infinitive_markers",
    "object_cues", "complementisers", "wish_complementisers",
    "pronoun_speakers",
    "plural_pronouns", "speaker_boundaries", "np_participles", "group_determiners", "np_articles",
    "non_verbs", "verbs", "auxiliaries", "copulas", "predicate_coordinators", "clause_coordinators",
    "subordinators", "demonstratives", "time_words", "predicate_markers", "locative_prepositions",
    "np_stops", "subject_breakers", "refusals", "not_names", "name_prefixes", "organisation_heads",
    "post_nominals", "location_heads", "list_coordinators", "fact_subordinators",
    "contrast_connectives", "collective_numbers", "reference_determiners",
    "vague_prefixes", "causatives", "stative_prefixes", "passive_auxiliaries", "act_cues",
    "result_coordinators", "non_subjects",
    "fact_relative_markers", "cause_subordinators", "purpose_subordinators", "gloss_coordinators",
    "owner_words", "concessive_subordinators", "gloss_words",
    "adverbial_demonstratives", "simultaneity_subordinators",
    "number_labels", "partitives", "comparison_words", "pair_prepositions", "shared_determiners", "title_prepositions",
    "appositive_openers", "appositive_breakers", "abbreviations", "non_participles", "complement_heads",
    "content_nouns", "counted_prepositions", "dangling_relatives", "comparison_markers", "quantity_comparatives",
    "phrase_quote_openers",
    "list_units", "object_focus_agents", "relative_heads", "relative_adverbs", "focus_particles",
    "occasion_subordinators", "member_nouns", "organisation_connectors", "outlet_prepositions", "speech_act_adjuncts",
    "speaker_occasion_openers", "document_prefix_cues", "channel_prepositions",
    "possessive_determiners", "occasion_prepositions", "time_subordinators", "disjunctive_coordinators",
    "accusation_cues", "denial_cues", "denial_complementisers", "enquiry_verbs", "location_verbs",
    "withholding_verbs", "kin_nouns", "interrogatives", "demonyms",
    "possession_verbs", "stance_verbs", "not_acts",
    "one_word_organisation_heads", "only_then_words", "only_then_modals", "place_prepositions",
    "irrealis_modals", "past_futures", "named_kinds", "naming_cues", "naming_openers",
    "subject_pronouns", "fronted_clause_openers", "question_participles", "speaking_time_words", "pair_openers",
    "home_place_prepositions", "organisation_pronouns", "parenthetical_openers", "wish_verbs",
    "dangling_subordinators", "source_participles", "tail_breakers",
    "casualty_words", "past_negations",
    "request_verbs", "request_idioms", "question_tags", "answer_words",
)
_WORD_SETS_RENAMED = {"relative": "relative_pronouns", "particles": "person_particles"}

_SEQUENCES = (
    "passive_adverbs", "spokesperson_roles", "honorifics", "portfolio_roles", "region_roles",
    "document_words", "not_speakers", "existentials", "citations", "source_tails", "correlative_openers",
    "list_introducers", "membership_predicates", "single_member_subjects", "nickname_cues", "future_openers",
    "measure_predicates", "free_relative_openers", "speaker_time_phrases",
    "adverb_phrases",
    "parenthetical_cues",
    "subordinator_modifiers",
)
_SEQUENCES_RENAMED = {"roles": "role_words", "breaker_seqs": "subject_breakers", "leading": "leading_connectives"}

_PHRASES = (
    "uncertain", "hedged", "negated", "negation_blockers", "hedge_blockers", "hedged_numbers",
    "negation_scopes", "additive_negations", "additive_continuations", "future", "conditional",
    "conditional_needs", "conditional_blockers", "causal", "position", "event_markers", "background", "identity",
    "episode_markers", "deontic",
    "first_person", "ceremony", "negation_noun_scopes", "future_blockers",
    "future_places", "concessions", "verb_futures", "location_predicates", "count_focus",
    "opinion_frames",
)
_PHRASES_RENAMED: dict[str, str] = {}


def _by_key(names: tuple[str, ...], renamed: dict[str, str]) -> dict[str, str]:
    return {**{name: name for name in names}, **renamed}


@cache
def get(lang: str) -> Lang:
    """The language's claim table, schema-checked and compiled (once per process)."""
    t = claims_table(lang).model_dump()
    fields: dict[str, Any] = {"code": lang}
    fields |= {name: _words(t, key) for name, key in _by_key(_WORD_SETS, _WORD_SETS_RENAMED).items()}
    fields |= {name: _sequences(t, key) for name, key in _by_key(_SEQUENCES, _SEQUENCES_RENAMED).items()}
    fields |= {name: Phrases(t.get(key, [])) for name, key in _by_key(_PHRASES, _PHRASES_RENAMED).items()}
    for part in (_morphology, _clause_words, _limits, _gazetteer):
        fields |= part(t)
    fields["pre_cues"] = fields["pre_cues"] | fields["act_cues"]  # cues before their content too
    return Lang(**fields)


def _morphology(t: dict[str, Any]) -> dict[str, Any]:
    """Affixes: verbs are guessed from prefixes and suffixes on a long enough stem."""
    return {
        "pronoun_suffix": t.get("pronoun_suffix"),
        "participle_suffix": t.get("participle_suffix"),
        "plural_suffix": t.get("plural_suffix"),
        "verb_prefixes": tuple(sorted((str(p) for p in t.get("verb_prefixes", [])), key=len, reverse=True)),
        "verb_suffixes": tuple(str(p) for p in t.get("verb_suffixes", [])),
        "verb_min_stem": int(t.get("verb_min_stem", 3)),
        # a language without a passive prefix gets one no word starts with
        "passive_prefix": tuple(str(p) for p in t.get("passive_prefixes", []) or []) or ("\0",),
        "noun_prefixes": tuple(str(p) for p in t.get("noun_prefixes", []) or []),
        "noun_suffixes": tuple(str(p) for p in t.get("noun_suffixes", []) or []),
        "possessive_pronouns": {str(w).lower(): str(p).lower()
                                for w, p in (t.get("possessive_pronouns") or {}).items()},
        "courtesy_titles": _words(t, "courtesy_titles"),
    }


def _clause_words(t: dict[str, Any]) -> dict[str, Any]:
    """Words the decomposer builds claim text with, and the coordinators it splits at."""
    return {
        "copula": t["copulas"][0],
        "copula_plural": t["copula_plural"] or t["copulas"][0],
        "coordinators": _words(t, "predicate_coordinators") | _words(t, "clause_coordinators"),
        "passive_agent": t["passive_agent"] or "",
        "anonymous": tuple(re.compile(p) for p in t.get("anonymous_patterns", [])),
        "affiliation_tags": tuple(re.compile(p) for p in t.get("affiliation_tags", [])),
        "boilerplate": re.compile("|".join(t.get("boilerplate", [])) or "(?!)", re.IGNORECASE),
        "non_claim_endings": tuple(str(x) for x in t.get("non_claim_endings", []) or []),
        "membership_phrase": t.get("membership_phrase") or "",
        "object_verb_suffixes": tuple(str(x) for x in t.get("object_verb_suffixes", []) or []),
        "past_endings": tuple(str(x) for x in t.get("past_endings", []) or []),
        "active_prefixes": tuple(str(x).lower() for x in t.get("active_prefixes", []) or []),
    }


def _limits(t: dict[str, Any]) -> dict[str, Any]:
    return {
        "min_claim_tokens": int(t.get("min_claim_tokens", 3)),
        "min_quote_tokens": int(t.get("min_quote_tokens", 4)),
        "background_years": int(t.get("background_years", 5)),
        "split_quotes": bool(t.get("split_quotes", False)),
        "age_appositives": bool(t.get("age_appositives", False)),
        "relative_from_antecedent": bool(t.get("relative_from_antecedent", False)),
        "named_relatives": bool(t.get("named_relatives", False)),
        "verbless_background": bool(t.get("verbless_background", False)),
        "speaker_max_tokens": int(t.get("speaker_max_tokens", 16)),
    }


def _gazetteer(t: dict[str, Any]) -> dict[str, Any]:
    gaz = {str(k).lower(): (str(v[0]), str(v[1])) for k, v in (t.get("gazetteer") or {}).items()}
    return {
        "gazetteer": gaz,
        "gazetteer_max": max((len(k.split()) for k in gaz), default=1),
        "gazetteer_first": frozenset(k.split()[0] for k in gaz),
    }
