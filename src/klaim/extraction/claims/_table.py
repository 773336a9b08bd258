"""The schema of ``lang/<lang>.claims.yaml``, checked when a language is loaded.

A misspelt key, a multi-word entry under a key whose entries are matched as single words, an
entry of the wrong type or a regular expression that does not compile would otherwise change the
extractor's behaviour silently; here each is an error naming the file and line.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from klaim.errors import InputError
from klaim.extraction.lang import compose_yaml, parse_yaml, resolve_extends, table_source
from klaim.schema import EntityLabel


def _one_word(value: str) -> str:
    if not value.strip() or len(value.split()) != 1:
        raise ValueError(f"{value!r} is not one word: this key's entries are matched word by word")
    return value


def _phrase(value: str) -> str:
    if not value.strip():
        raise ValueError("empty entry")
    return value


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"{value!r} is not a regular expression (it does not compile: {exc})") from exc
    return value


def _as_str(value: Any) -> Any:
    # YAML reads a bare `1` as a number where a table means the word; a bare `no` or `on` reads as
    # a bool and stays one, so that it fails validation (it must be quoted) instead of becoming "false"
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


Word = Annotated[str, AfterValidator(_one_word)]
Phrase = Annotated[str, AfterValidator(_phrase)]
Regex = Annotated[str, AfterValidator(_regex)]
Words = list[Word]
Phrases = list[Phrase]


class TimeText(BaseModel):
    """How a claim's text writes a relative date once resolved (claims/_standalone_time.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    day: Phrase  # a day's format: "{month} {day}, {year}"; without {year} it needs no publication date
    months: Annotated[list[Phrase], Field(min_length=12, max_length=12)]  # January … December
    weekdays: Words  # the weekday names, matched in a figure's words
    parts_of_day: Words = []  # kept after the weekday ("Thursday night, January 7, 2016")
    markers: Words = []  # words of a figure that point from publication ("besok", "lalu"): dropped
    governors: Words = []  # a word before the date that takes it already ("on", "since", "the"): no preposition
    deictics: Words = []  # a word before a weekday outside its figure ("next Tuesday"): left as written
    determiners: Words = []  # before a weekday they make it a modifier ("his Friday night show"): left
    name_openers: Words = []  # capitalised, they make a weekday a name ("Super Tuesday"): left
    prepositions: dict[Word, Word] = {}  # day, month, year → the preposition of a date not governed
    phrases: dict[Phrase, Phrase] = {}  # a relative phrase → its form with {date}, {month} or {year}
    year_links: Words = []  # join a date to the year after it ("February of 2015"): the date is left
    # a month or day without a year that would lie after publication is read in the year before when
    # the claim tells of the past there: a past form (``past_forms`` or a word with a
    # ``past_endings`` ending) is the nearest verb before it, or a ``past_governors`` word governs it
    past_governors: Words = []  # "since December" in a March article: last December
    past_forms: Words = []  # irregular past forms ("went", "shot")
    past_endings: Words = []  # "-ed": "released her records in July"
    # end the look-back for a past form: a present or modal verb ("is scheduled", "will win"), a
    # relative word (another clause: "states that host contests in March") or a participle ending
    tense_stops: Words = []
    present_endings: Words = []  # "-ing": "teeing up the November showdown"
    past_lookalikes: Words = []  # words with a past ending that are none ("indeed", "hundred")
    # a verb right after a date that opens the claim makes the date its subject: no preposition
    # ("Sunday is the day", not "On Sunday, July 24, 2016 is the day")
    subject_verbs: Words = []


class ClaimsTable(BaseModel):
    """Every key a claims table may have; each list is either single words or phrases."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # words, matched one token at a time
    post_cues: Words = []
    participle_cues: Words = []
    evidence_cues: Words = []
    evidence_nouns: Words = []
    record_cues: Words = []
    complement_cues: Words = []  # report what their subject states only before a complementiser ("found that")
    pronoun_embedders: Words = []  # before "they" + cue, an embedded clause, no one's statement ("what they want")
    pre_cues: Words = []
    act_cues: Words = []          # pre-cues whose content only follows them ("accused her of …")
    possessive_relatives: Words = []  # relative pronouns that stand for the antecedent's possessive ("whose")
    possessive_ending: str = ""  # what the antecedent takes in a claim's text for them ("'s")
    possessive_bare_after: list[str] = []  # endings after which the possessive is the mark alone ("s")
    possessive_determiners: Words = []  # a cue word after one is a noun ("Their calls intensified")
    definite_articles: Words = []  # open a description of someone named before ("the")
    person_nouns: Words = []  # a description headed by one is the person last named ("the businessman")
    naming_cues: Words = []  # a cue that also names a thing after its noun ("a group called Citizens for Trump")
    naming_openers: Words = []  # right before a naming cue, make it name ("the so called …")
    member_nouns: Words = []  # a member of a party or movement, capitalised: no name ("Democrats", "a Republican")
    infinitive_openers: list[str] = []  # before a cue, its subject stands before them ("went on to")
    figure_object_cues: Words = []  # pre-cues that take a figure as object, no statement ("added 292,000 jobs")
    colon_cues: Words = []        # introduce a quote only after a colon ("continued:"), besides the cues
    demand_cues: Words = []       # a demand that a clause follows: the subject's position ("mendesak")
    prefix_cues: Words = []
    inline_cues: Words = []
    passive_cues: Words = []
    passive_auxiliaries: Words = []  # a cue verb after one is a passive participle ("is expected to")
    passive_openers: Words = []
    nominal_cues: Words = []
    accusation_cues: Words = []   # the object is the accused; with no predicate after it, no statement
    denial_cues: Words = []   # what the speaker denies: the content is negated
    denial_complementisers: Words = []  # if any, one must come between a denial cue and its content
    speech_nouns: Words = []
    recipient_words: Words = []
    object_prepositions: Words = []  # "agreed on creating …": after a cue, an object, not a statement
    infinitive_cues: Words = []  # "pledged to ban …": with an infinitive marker after it, an act, nothing said
    object_cues: Words = []
    complementisers: Words = []
    wish_complementisers: Words = []
    pronoun_speakers: Words = []
    plural_pronouns: Words = []
    speaker_boundaries: Words = []
    np_participles: Words = []
    group_determiners: Words = []
    np_articles: Words = []
    non_verbs: Words = []
    verbs: Words = []
    auxiliaries: Words = []
    # what ends a speaker phrase before its cue without being part of the speaker (attribution)
    emphatic_auxiliaries: Words = []
    speaker_adverb_endings: Words = []
    speaker_non_adverbs: Words = []
    speaker_adverbs: Words = []
    speaker_participle_endings: Words = []
    copulas: Words = Field(min_length=1)
    copula_plural: Word | None = None
    predicate_coordinators: Words = []
    clause_coordinators: Words = []
    subordinators: Words = []
    relative_pronouns: Words = Field(min_length=1)
    demonstratives: Words = []
    time_words: Words = []
    predicate_markers: Words = []
    locative_prepositions: Words = []
    np_stops: Words = []
    refusals: Words = []
    not_names: Words = []
    person_particles: Words = []
    name_prefixes: Words = []
    organisation_heads: Words = []
    organisation_connectors: Words = []  # lower-case words inside an organisation's name ("Bureau of Labor Statistics")
    outlet_prepositions: Words = []  # before a known organisation that ends a source ("a tally by the AP")
    post_nominals: Words = []
    location_heads: Words = []
    list_coordinators: Words = []
    fact_subordinators: Words = []
    contrast_connectives: Words = []
    collective_numbers: Words = []   # a number word naming a known set ("kedua negara" = both)
    reference_determiners: Words = []  # before a number, point back to a known set ("the two")
    causatives: Words = []           # with an object and its own predicate, state a cause ("membuat")
    stative_prefixes: Words = []     # a word so prefixed is a resulting state ("terganggu")
    vague_prefixes: Words = []       # an amount starting so says only "more than one" ("multi-miliar")
    irrealis_modals: Words = []  # a time clause under them tells what may happen, no fact ("would … once")
    demonyms: Words = []  # a nation, people or faith's adjective or noun: no family name ("Arab Israeli")
    interrogatives: Words = []  # a clause or noun phrase they open asks ("apa kita harus pindah")
    non_subjects: Words = []  # words that open no subject of a clause after a comma ("…, demikian dikutip …")
    owner_words: Words = []  # "Restoran milik Usya Suharjono": a noun phrase that names its owner is a claim
    non_participles: Words = []  # end in the participle suffix but open no participle clause ("including", "during")
    complement_heads: Words = []  # a clause after them and a complementiser is a fact ("shocked that …")
    # a "that"-clause after them is the noun's content, not asserted ("said the claim that crime fell is
    # not true"): after a cue, no complementiser of the cue's own content
    content_nouns: Words = []
    phrase_quote_openers: Words = []  # before a quote's mark they make it part of the running clause ("a dig at “…”")
    comparison_markers: Words = []  # "than": after it a comparison's term, no clause's subject
    quantity_comparatives: Words = []  # "more than 260 were injured": a subject may open with one and a marker
    dangling_relatives: Words = []  # a claim ending in one ("…, which") lost its relative clause: cut it off
    appositive_breakers: Words = []  # make a phrase after "Name," a clause ("Sanders, the more they …")
    # a role noun right before a name with words that describe it says who the name is ("veteran
    # Democratic strategist Donna Brazile"): a claim; its article in the claim's text
    prenominal_roles: Words = []
    definite_prenominal_roles: Words = []
    prenominal_role_articles: Words = []  # the definite one, the indefinite one (and its form before a vowel)
    vowel_letters: Words = []  # letters that open a word taking the indefinite article's form before a vowel
    infinitive_markers: Words = []  # a bare lower-case word after one is a verb ("to defeat …")
    appositive_openers: Words = []  # open a noun phrase after "Name," that says who it is ("Stein, a physician")
    # "warga setempat atau pendatang": alternatives, of which no one is asserted alone
    disjunctive_coordinators: Words = []
    # "but did not mention …": a negated one after a coordinator reports that the speaker said no more
    withholding_verbs: Words = []
    gloss_coordinators: Words = []  # "nota kesepahaman atau MoU": another name for the item, not another item
    cause_subordinators: Words = []  # "X karena Y": X (the effect) is a claim of its own besides the whole
    purpose_subordinators: Words = []  # "X agar Y tidak Z": a negation in Y is the purpose's, not X's
    fact_relative_markers: Words = []  # open a restrictive clause that states a fact of its own
    result_coordinators: Words = []  # a result clause's claim keeps the clause it follows from ("X sehingga Y")
    concessive_subordinators: Words = []  # "X meskipun Y": X and Y are two claims, as after ", namun"
    gloss_words: Words = []  # "HET beras medium, yakni Rp 9.450": the noun phrase's figure is a claim of its own
    adverbial_demonstratives: Words = []  # after a connective they make an adverbial ("saat ini"), not a clause
    simultaneity_subordinators: Words = []  # "ketika": the clause after shares the main clause's time
    # affixes and single tokens
    pronoun_suffix: Word | None = None
    # a clause after a comma that opens with a word so ending states a fact ("…, casting a cloud …")
    participle_suffix: Word | None = None
    plural_suffix: Word | None = None
    verb_prefixes: Words = []
    verb_suffixes: Words = []
    passive_prefixes: Words = []
    passive_agent: Word | None = None
    abbreviations: Words = []
    # phrases, matched as word sequences
    passive_adverbs: Phrases = []
    role_words: Phrases = []
    spokesperson_roles: Phrases = []
    honorifics: Phrases = []
    portfolio_roles: Phrases = []
    region_roles: Phrases = []
    document_words: Phrases = []
    not_speakers: Phrases = []
    existentials: Phrases = []
    citations: Phrases = []
    source_tails: Phrases = []  # ", according to X" closing a claim names its source: no part of its span
    subject_breakers: Phrases = []
    leading_connectives: Phrases = []
    correlative_openers: Phrases = []
    free_relative_openers: Phrases = []  # "wherever", "whatever": open a clause that is no claim of its own
    speaker_time_phrases: Phrases = []  # "saat itu" in "Yasonna saat itu beralasan": when, not who
    # "so far", "once again": open with a connective or subordinator but only modify what follows
    adverb_phrases: Phrases = []
    nickname_cues: Phrases = []  # after "yang" in a speaker's description, the name follows ("akrab disapa")
    uncertain: Phrases = []
    hedged: Phrases = []
    negated: Phrases = []
    negation_blockers: Phrases = []
    hedge_blockers: Phrases = []
    hedged_numbers: Phrases = []
    negation_scopes: Phrases = []
    # a noun of what was said with its complement, as a verb's object, scopes a negation after it
    negation_noun_scopes: Phrases = []
    additive_negations: Phrases = []
    additive_continuations: Phrases = []
    future: Phrases = []
    future_blockers: Phrases = []   # a future cue inside one is no future ("would have allowed": a counterfactual)
    future_places: Phrases = []     # a future cue inside one is a direction ("menuju ke depan barisan"): no future
    concessions: Phrases = []       # a negated denial admits ("tak membantah jika X"): no negation of the claim
    verb_futures: Phrases = []      # an intent that is a future only as a verb ("officials plan to"), not a noun's
    location_predicates: Phrases = []  # where a noun stands, in its relative clause ("yang terletak di"): background
    count_focus: Phrases = []       # before a count, make it the point ("only eight", "hanya dua"): numerical
    opinion_frames: Phrases = []    # the speaker's own opinion ("in my opinion", "menurut saya"): position
    future_openers: Phrases = []    # a time adverb of the future before the predicate ("Nanti kita uji …")
    past_futures: Words = []        # after a verb, a future of the past ("feared it would fail"): no forecast
    conditional: Phrases = []
    conditional_needs: Phrases = []
    conditional_blockers: Phrases = []
    causal: Phrases = []
    position: Phrases = []
    event_markers: Phrases = []
    background: Phrases = []
    episode_markers: Phrases = []    # tie a clause to an occasion ("tengah", "has been", "last month")
    deontic: Phrases = []            # what ought to be ("harus", "should"): a demand, even about the future
    identity: Phrases = []           # say who or what someone is ("menjabat sebagai", "is a"): background
    identity_copulas: Words = []     # "X is a former captain": a copula before an article says who X is
    identity_openers: Phrases = []   # open a noun phrase that identifies after the copula ("the", "a former")
    superlatives: Words = []         # after an identity opener they make an assessment ("the most valuable")
    # only ever subjects: after a cue one opens the clause said, never the speaker ("…, said she
    # thinks …"); none in Indonesian, where "kata dia" names the speaker
    subject_pronouns: Words = []
    # open a fronted clause or adverbial before a source inserted between commas ("Jika …, kata X,
    # …"): the main clause after the insertion is what was said, with the fronted part
    fronted_clause_openers: Words = []
    kin_nouns: Words = []            # after a possessive they name a person ("her husband was the president")
    bare_identity: bool = False      # no articles: a copula and any noun phrase say who someone is
    perfect_auxiliaries: Words = []  # before an act's participle, a completed act ("have decided"): an event
    experiential_markers: Words = []  # "pernah menjabat": what was once so of someone, a standing fact (background)
    stance_verbs: Words = []         # after a first-person agent they state a view, not an act ("kami tahu")
    happening_verbs: Words = []      # in a quote, say that something happened or changed ("terjadi"): an event
    possession_verbs: Words = []     # in the outlet's voice, what something has ("punya hubungan dekat"): background
    active_prefixes: Words = []      # the active voice's verb prefixes ("membersihkan"): in a quote, an act told
    not_acts: Words = []             # words with an active prefix that tell no act ("memang" = indeed)
    adverb_endings: list[str] = []   # an adverb so ending may stand inside a verb group ("have rightly apologized")
    first_person: Phrases = []
    ceremony: Phrases = []
    non_claim_endings: Phrases = []
    # regular expressions
    anonymous_patterns: list[Regex] = []
    # a party and state after a name, in brackets or set off by commas ("(D-Calif.)", "R-Texas"):
    # who the person is, not part of the speaker's name
    affiliation_tags: list[Regex] = []
    boilerplate: list[Regex] = []
    # the paragraph openings of a question and answer interview ("Q:", "A:"): an answer is the
    # interviewee's (claims/_intro.py)
    interview_question: Regex = ""
    interview_answer: Regex = ""
    interview_first_person: list[str] = []  # the interviewee naming themself in an answer ("I")
    # numbers
    verb_min_stem: int = Field(default=3, ge=1)
    min_claim_tokens: int = Field(default=3, ge=1)
    min_quote_tokens: int = Field(default=4, ge=1)
    background_years: int = Field(default=5, ge=0)
    # a quote sentence is split into claims as the outlet's own text is (clauses, items, causes)
    split_quotes: bool = False
    # a list of plain noun phrases is split into one claim per item (claims/_clauses.py); English
    # splits only items with a figure, after a form of "be" (item_verbs) or that are predicates
    noun_list_items: bool = True
    # a clause after a subordinator ("as Clinton continues to lead") is a claim besides the whole
    subordinate_clauses: bool = False
    # "argued that X, and that Y": a complement clause coordinated after the first is a claim of its own
    complement_conjuncts: bool = False
    # a lower-case phrase set off by commas between a capitalised subject and its cue describes the
    # speaker ("Rep. Bobby Scott (D-Va.), ranking member of …, said"): the subject speaks
    set_off_descriptions: bool = False
    # "who founded X and is Y": the first of a relative clause's coordinated predicates is a claim
    relative_conjuncts: bool = False
    # a subject breaker ("to") before the clause's first verb is a preposition in the subject ("her
    # speeches to employees earned …"), no purpose clause (unless it opens the clause: "To win, …")
    purpose_after_verb: bool = False
    item_verbs: Words = []
    # "proyek senilai Rp 6 triliun tersebut": a noun phrase measured by a figure states the measure of
    # that noun, a claim of its own; each measure phrase → the predicate that states it ("bernilai")
    measure_predicates: dict[Phrase, Phrase] = {}
    relative_from_antecedent: bool = False  # a non-restrictive clause's claim spans its noun ("Sanders, who is Jewish")
    age_appositives: bool = False  # "Groberg, 33, …": a number set off after a name is the person's age
    named_relatives: bool = False  # a restrictive relative on a name adds a fact ("Jawa yang penduduknya padat")
    # each actor of a listed subject is a claim ("Arab Saudi, Mesir dan Bahrain memutuskan …")
    subject_items: bool = False
    # what listed actors do together, not each alone ("bertemu", "sepakat", "adalah dua orang"): no claim per actor
    joint_predicates: Words = []
    only_then_words: Words = []  # before a predicate: it happens only after a condition ("baru dapat …")
    only_then_modals: Words = []  # the modals after those words ("dapat", "bisa")
    # a derived noun's affixes: such a noun before names ("Hubungan Indonesia dan Australia") is what
    # they share, no listed actor; a prefixed one always, a suffixed one when written lower case elsewhere
    noun_suffixes: Words = []
    # a figure's item ends only at a comma or a list coordinator, never at a preposition ("leads Clinton
    # 50% to 40%", "raised $21 million in January": one fact each); "or" joins alternatives or a
    # gloss of the figure, and a coordinator after a range opener ("between $2,500 and $5,000")
    # closes one range: no item of its own either (English; claims/_enumeration.py)
    figure_items_at_separators: bool = False
    range_openers: Words = []
    # a comparison's words that join a list's items ("X, as well as Y"): the second "as" opens no
    # comparison's measure (claims/_decompose.py, subordinate clauses)
    list_comparatives: Phrases = []
    noun_prefixes: Words = []
    # open a sentence with a member that the main clause adds to ("Selain mengurangi hambatan, …",
    # "Tidak hanya memutus hubungan, …"): the member is a claim, the main clause one from its subject
    fronted_additives: Phrases = []
    # open a sentence with a phrase the content's predicate takes, before a speaker and cue ("Sedangkan
    # bagi yang menyuruh, Iriawan menjelaskan, juga akan dikenakan pidana"): the content's claims start there
    fronted_arguments: Words = []
    # only before a speaker and cue set off by commas on both sides ("If X, the campaign said, Y")
    fronted_arguments_set_off: bool = False
    # open a sentence with a concession ("Although X, Y", "While X, Y"): X and Y are two claims
    fronted_concessives: Phrases = []
    # a relative clause set off after a speaker's name or in a fronted phrase is a claim (claims/_decompose.py)
    speaker_relatives: bool = False
    # open a restrictive relative clause on a noun after the verb ("changes to party rules that could
    # reduce …"): the noun phrase with its clause is a claim besides the whole (claims/_decompose.py)
    object_relatives: Words = []
    noun_phrase_joins: Words = []  # join nouns inside such a noun phrase ("a coalition of labor unions")
    # a noun phrase set off at the end of a clause ("…, the day before …") is a claim; the clause's ends before it
    final_appositives: bool = False
    # after an article, make a degree, not a noun phrase (", a little safer"): no final appositive
    degree_words: Words = []
    person_relatives: Words = []  # open a relative clause on a person ("who")
    person_relative_reach: Words = []  # a person's relative reaches back over them ("an aide in his office who")
    # a first-person subject's own stance on a clause ("I am glad X", "I think that X"): the claim is X
    first_person_stances: Words = []
    noun_phrase_stops: Words = []  # end such a noun phrase (prepositions: "among voters who …")
    # set off after a clause, name a member of what it counts ("… enam saksi, termasuk Agus"): the clause
    # before the comma is a claim of its own
    inclusion_words: Words = []
    # in a run-on quote, a comma before a first-person subject (after one of ``clause_adverbs`` at most)
    # starts a clause ("…, nanti kami konfirmasi lagi")
    first_person_splices: bool = False
    clause_adverbs: Words = []
    verbless_background: bool = False  # a claim with no verb only names or describes (the morphology marks verbs)
    speaker_max_tokens: int = 16  # no speaker phrase is longer: a longer one is a run-on clause, no attribution
    list_units: Words = []  # a numbered unit that a list of places follows covers them ("seksi II Cipete, …")
    relative_heads: Words = []  # say nothing without their relative clause ("pihak yang …", "orang yang …")
    relative_adverbs: Words = []  # may open a relative clause before its cue ("yang semula tak …")
    focus_particles: Words = []  # open a cleft's focus ("hanya X, Y, dan Z yang masih tersedia")
    occasion_subordinators: Words = []  # after a post cue's speaker: when it was said ("saat ditemui")
    occasion_prepositions: Words = []  # open a phrase before a speaker: where or when it was said ("In a memo …,")
    # after an act's short object: when it was done ("called Sanders after …"), no statement
    time_subordinators: Words = []
    enquiry_verbs: Words = []  # being asked or met: the act of speaking; listed, other verbs there state facts
    question_participles: Words = []  # "Asked whether …, X said": what was asked is the occasion of speaking, no claim
    speaking_time_words: Words = []  # "said Tuesday she will …": the day after a cue dates the act of speaking
    pair_openers: Words = []  # "both X and Y", "either X or Y": the pair is one fact, split at neither item
    location_verbs: Words = []  # "yang berada di …" on a name: where it is, a fact of its own
    speech_act_adjuncts: Words = []  # after "<cue> hal itu": the circumstances of speaking ("… hal itu saat …")
    # inside a speaker phrase before its cue: where the act of speaking starts ("X kepada kumparan
    # membenarkan", "X melalui Twitter menyatakan"); the speaker is the words before
    speaker_occasion_openers: Words = []
    # a lower-case preposition before the channel of a statement inside the speaker's phrase ("BPS
    # dalam keterangannya menyatakan"): the channel is a possessed noun or a document word
    channel_prepositions: Words = []
    # at a clause's start before a document word and a source ("Mengutip laporan ICW, …"): the
    # source's, as after a prefix cue; before anything else (a medium: "Mengutip Telegraph") no source
    document_prefix_cues: Words = []
    # heads of organisations that one word after them names ("Partai Republik"): a capitalised run
    # after those two is a person's name ("Partai Republik Donald Trump")
    one_word_organisation_heads: Words = []
    object_focus_agents: Words = []  # before a bare verb with an object suffix: its agent ("kami salurkan")
    # the discourse (_discourse, _standalone): references and the voices of paragraphs
    referring_pronouns: Words = []   # one person: replaced by the person they refer to ("ia", "he")
    # words after which a name is a place, not a person ("di Mapolsek Kebayoran Baru")
    place_prepositions: Words = []
    # between a person's name and the place they represent or come from ("Senator Ted Cruz of
    # Texas"): the place is no part of the name (_attribution)
    home_place_prepositions: Words = []
    gendered_pronouns: Words = []    # restated only for a person the article calls so ("he said")
    # a gender label ("m", "f") → its pronouns, the titles and nouns written right before a person's
    # name, and common given names: a gendered pronoun never points to a person of another gender
    gender_pronouns: dict[Word, Words] = {}
    gender_titles: dict[Word, Words] = {}
    given_names: dict[Word, Words] = {}
    party_pronouns: Words = []       # "his side": the speaker's organisation ("pihaknya")
    first_person_singular: Words = []  # in a quote, the speaker ("saya"; not "I": verbs agree)
    first_person_plural: Words = []  # in a quote, the speaker's organisation ("kami"; helper idprec)
    anaphoric_nouns: Words = []      # with a demonstrative they point to a statement ("hal itu"): kept
    not_nouns: Words = []            # words before a demonstrative that are no noun ("selain itu")
    quantifiers: Words = []          # before a noun, make it several ("ketiga partai tersebut")
    description_stops: Words = []    # end a noun's description ("bencana angin puting beliung yang …")
    named_kinds: Words = []          # nouns for a thing with a name ("negara"): restated by a name only
    demonstratives_follow_noun: bool = False  # "restoran ini" (Indonesian), not "this restaurant"
    outlet_openers: Phrases = []     # a paragraph opening so is the outlet's ("Sebelumnya, …")
    source_words: Phrases = []       # name another source ("berdasarkan", "according to")
    resume_paragraphs: int = Field(default=0, ge=0)  # paragraphs an account may resume across
    block_quote_subjects: bool = False  # a quote paragraph with no source is the subject's of the sentence before
    # a person is called by the start of a name ('Enggar' for Enggartiasto): Indonesian usage; in English
    # it would read 'Islam' as 'Islamic State'
    short_name_prefixes: bool = False
    # a family name alone ("Clinton") stands for the full name the article writes ("Hillary Clinton")
    # even for someone who speaks nowhere: where two or three capitalised words make a person (English);
    # in Indonesian they as often make a title or an institution ("Dinas Sosial", "Ibu Kota")
    family_names: bool = False
    # a given name alone ("Fredrich") stands for the full name the article writes ("Fredrich Yunadi"):
    # Indonesian usage, where people are called by their first name
    first_names_alone: bool = False
    # a contraction → its full words in standalone text ("n't": " not", "can't": "cannot"); a key that
    # opens with the apostrophe or "n'" is an ending, any other a whole word; "'" stands for ' and ’
    contractions: dict[Phrase, str] = {}
    # "the party" → "the Democratic Party": a common noun after a definite article → the one name of
    # that kind the article wrote before (its last word among the noun's ``heads``)
    named_by_head: dict[Word, Words] = {}
    # an office → the words that title its holder before a name besides the office itself ("senator":
    # "Sen."): "the senator said" is the person last named with that title (attribution)
    role_titles: dict[Word, Words] = {}
    # a title's abbreviation → its long form ("mendagri": "menteri dalam negeri"): "kata Mendagri" is the
    # person the article named "Menteri Dalam Negeri …" (speaker.title-holder)
    role_abbreviations: dict[Phrase, Phrase] = {}
    # where verbs agree with their subject (English), "I" in a quote becomes the speaker's name only
    # before a verb that reads right after a name: one with a third-person form here ("am": "is",
    # "I’ve": "has"), one that reads the same (a modal, a past form, or a word with a past ending),
    # past the adverbs between them ("I also pledged")
    agreeing_verbs: dict[Phrase, str] = {}
    same_verbs: Words = []
    past_endings: Words = []
    agreement_adverbs: Words = []
    # enumerations (claims/_enumeration.py, helper idprec): a list's introducer ("yakni", "antara lain")
    # follows the list's noun, so the phrase before it is no item; after a membership predicate
    # ("adalah", "terdiri dari") an item's claim says it is a member ("Bali termasuk dalam enam provinsi itu")
    list_introducers: Phrases = []
    membership_predicates: Phrases = []
    membership_phrase: Phrase | None = None
    single_member_subjects: Phrases = []  # "salah satu penyebabnya adalah X": one member, X alone says it
    object_verb_suffixes: Words = []  # a verb so ending takes the pronoun suffix as its object ("membebaskannya")
    title_prepositions: Words = []  # "UU Nomor 12 Tahun 2017 tentang A, B, dan C": one document's title
    shared_determiners: Words = []  # "banyak permasalahan dan tantangan": the pair shares it, not an item's word
    pair_prepositions: Words = []  # "antara A dan B": the items are one relation's parties, no list of claims
    number_labels: Words = []  # a bare number after one labels it ("dosis 2", "kelas 5"): no figure of its own
    partitives: Words = []  # "99 di antaranya …": a number counted out of one before it, no figure item of its own
    counted_prepositions: Words = []  # "38% of likely voters": what the figure counts follows, its item goes on
    comparison_words: Words = []  # "menurun 1,2 persen dibandingkan dengan 2017": the figure needs its comparand
    # a claim's relative dates written as resolved (claims/_standalone_time.py); None: left as written
    time_text: TimeText | None = None
    # surface → [label, canonical name]
    gazetteer: dict[Phrase, tuple[EntityLabel, Phrase]] = {}
    # standalone text (helper standalone, session 12): a phrase for two countries ("kedua negara") →
    # its standalone form with the two the article named before it ("{} dan {}"); the country names
    # (a short form → its full name in ``country_aliases``: "RI" → "Indonesia"); a word after the phrase
    # that makes it another thing ("kedua negara bagian": two states) leaves it
    pair_references: dict[Phrase, Phrase] = {}
    countries: Phrases = []
    country_aliases: dict[Phrase, Phrase] = {}
    pair_reference_stops: Words = []
    # "X's campaign said it is looking …": a pronoun for a thing ("it") right after an organisation's cue
    # is the organisation; not before a copula and a word that is no participle ("it was possible that")
    organisation_pronouns: Words = []
    # "…, as The Times reported on Tuesday, …", "As Cruz put it, …": a word that opens an
    # attribution set off from the clause it is about (_attribution, as-parenthetical)
    parenthetical_openers: Words = []
    # after a parenthetical opener, a verb phrase that reports as a speech cue does ("as she put it")
    parenthetical_cues: Phrases = []
    # verbs of wish and feeling whose complement is a clause or a state, its subject first: a noun
    # coordinated right after one opens that complement's subject ("ingin pemerintah dan polisi
    # segera mengungkap …"), no clause of its own
    wish_verbs: Words = []
    # verbs by which the speaker asks for something to be done ("Kami minta …", "urged"): a demand,
    # a position, whatever the tense of what is asked for
    request_verbs: Words = []
    request_idioms: Words = []  # after a request verb, an idiom, no demand ("minta maaf": an apology)
    # a claim that ends in one of these while its sentence goes on with a word lost the clause the
    # subordinator opens ("… is backing Clinton because he worries …": what he worries is his): cut
    # it off, with a modifier of it (``subordinator_modifiers``: "in part", "even", "shortly")
    dangling_subordinators: Words = []
    subordinator_modifiers: Phrases = []
    # participles that name a report's own sources ("…, Reuters reported on Tuesday, citing two people
    # familiar with the matter"): after a post cue and a comma, as a speech participle, the clause
    # before the speaker is what was reported
    source_participles: Words = []
    # a comma before one of these ends the tail of an attribution after its speaker ("…, according
    # to a CNN tally, but his pathway … is narrowing"): the clause after it is a claim of its own
    tail_breakers: Words = []
    # the dead, the injured, the arrested: a count of people next to one is the claim's point
    # ("empat penenggak miras tewas", "killed three soldiers"), even spelled as a small word
    casualty_words: Words = []
    # a negation in the past tense ("wasn't going to"): a future of the past, what was so then
    past_negations: Words = []
    # a word that turns a statement into a tag question after a comma ("He sues, right?", "Harganya
    # naik, kan?"): the sentence still states something, a question mark or not
    question_tags: Words = []
    # a word that answers a question when it opens the next sentence with a comma or a stop ("You think
    # you can talk to them? No, that's not possible."): the speaker states the point by the question
    answer_words: Words = []
    # a person is called by a blend of the starts of their name's words ("Jokowi" for Joko Widodo,
    # "Bamsoet" for Bambang Soesatyo): Indonesian usage; standalone text writes the full name
    name_blends: bool = False
    # a possessive pronoun → the personal pronoun of its gender ("his": "he"): opening a claim before
    # a noun it is restated as the person's name and "'s", as that pronoun would be
    possessive_pronouns: dict[Word, Word] = {}
    # titles that say nothing but a person's sex ("Mr.", "Mrs."): where a short name after one is written
    # in full, the title goes ("Mr. Sanders" → "Bernie Sanders", not "Mr. Bernie Sanders")
    courtesy_titles: Words = []
    # (helper standalone, session 15) a title that names the office its holder speaks for → the office,
    # "{}" taking the rest of the role ("Menteri Perhubungan" → "Kementerian Perhubungan", "Kapolri" →
    # "Polri"): "kami" and "pihaknya" of a speaker whose organisation the article does not give
    title_organisations: dict[Phrase, Phrase] = {}
    # (helper standalone, session 15) pronouns whose "'s" is "is" or "has", never a possessive ("It's a
    # rigged system" → "It is …"), and the words after which it is "has" ("He's been", "She's got");
    # before a past form or a participle ("He's asked", "He's worried") it may be either: left
    clitic_s_hosts: Words = []
    clitic_s_has: Words = []
    clitic_s_participles: Words = []  # participles with no past ending nor past form ("become", "done")
    clitic_s_participle_endings: Words = []  # endings of participles besides the past endings ("taken", "shown")


def _normalised(raw: Any) -> Any:
    if isinstance(raw, dict):
        return {k: _normalised(v) for k, v in raw.items()}
    if isinstance(raw, list):
        return [_normalised(v) for v in raw]
    return _as_str(raw)


def _line_of(root: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the YAML node at a pydantic error location (the deepest one that exists)."""
    node, line = root, (root.start_mark.line + 1 if root is not None else None)
    for step in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == str(step)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            child = node.value[step]
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line


def _key_line(root: yaml.Node | None, key: str) -> int | None:
    if isinstance(root, yaml.MappingNode):
        for k, _ in root.value:
            if k.value == key:
                return k.start_mark.line + 1
    return None


@lru_cache(maxsize=16)
def check_claims_table(text: str, where: str, lang: str = "") -> ClaimsTable:
    """The table in ``text`` (YAML), or an InputError naming ``where``, the line and the key.

    Cached: each module that reads the claims table asks for it, and parsing and checking it
    is most of a fresh process's first extract. Callers only read the table.
    """
    try:
        raw = parse_yaml(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"{where}:{mark.line + 1}" if mark is not None else where
        raise InputError(f"not valid YAML: {getattr(exc, 'problem', None) or exc}", at) from exc
    if not isinstance(raw, dict):
        raise InputError("a claims table is a mapping of keys to lists", where)
    raw = resolve_extends(raw, "claims", where, (lang,) if lang else ())
    try:
        return ClaimsTable.model_validate(_normalised(raw))
    except ValidationError as exc:
        root = compose_yaml(text)  # parsed again only to say where the error is
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        unknown = err["type"] == "extra_forbidden"
        line = _key_line(root, str(loc[0])) if unknown else _line_of(root, loc)
        field = ".".join(str(p) for p in loc)
        message = f"unknown key {field!r}" if unknown else f"{field}: {err['msg']}"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise InputError(message + more, f"{where}:{line}" if line else where) from exc


@cache
def claims_table(lang: str) -> ClaimsTable:
    """The language's checked claims table: the one place that reads it, for the keys that are not
    compiled into ``Lang``. Kept per language, as ``load_table`` keeps the parsed tables: some
    rules ask for it per sentence, and reading the packaged file each time cost 4% of English
    extraction."""
    return check_claims_table(*table_source(lang, "claims"), lang)
