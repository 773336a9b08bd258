"""What phrase stands at a token: appositions and set-off names, roles before names, noun phrases
and object relatives, participles, adverbs, degrees and stance words (the shapes the splitting
rules test)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from klaim.extraction.claims._claim_unit import is_date_phrase, n_words
from klaim.extraction.claims._clauses import (
    clause_table,
)
from klaim.extraction.claims._context import CLOSING, OPENING, Ctx
from klaim.extraction.text import quote_mark


def abbreviation_stop(ctx: Ctx, k: int) -> bool:
    """The full stop of an abbreviation inside a subject ("the U.S. will …", "Sen. Cruz has …"):
    part of the word before it, no punctuation (where the table lists ``abbreviations``)."""
    if ctx.word(k) != "." or k == 0 or not ctx.L.abbreviations or not ctx.is_word(k - 1):
        return False
    before = ctx.word(k - 1)
    return before in ctx.L.abbreviations or "." in before


# the characters ``quote_depth_after`` (after ``quote_mark``) may change the depth at
QUOTE_CHARACTERS = frozenset("“«”»\"'`")


SUBJECT_NAME_TOKENS = 8  # tokens at most in the name that opens a clause before a noun phrase set off after it
SUBJECT_APPOSITIVE_REACH = 24  # tokens at most in a noun phrase set off after a clause's opening name


def inner_predicate(ctx: Ctx, a: int, b: int) -> bool:
    """Do tokens a..b-1 make a noun phrase with a participle, a relative clause or a coordinator in
    it, and no auxiliary before its relative clause ("Among Republicans, 27 percent would vote for
    …, followed by …" is a clause, no phrase)?"""
    L = ctx.L
    if not any(ctx.is_verb(t) or ctx.word(t) in L.relative or ctx.word(t) in L.coordinators for t in range(a + 1, b)):
        return False
    rel = next((t for t in range(a, b) if ctx.word(t) in L.relative), b)
    return not any(ctx.word(t) in L.predicate_markers for t in range(a, rel))


def finite_verb(ctx: Ctx, v: int, j: int) -> bool:
    """Is token v a verb that can be a clause's predicate: not a participle ("…, saying …" opens
    a participle clause) nor a speaker's cue ("…, said")?"""
    suffix = ctx.L.participle_suffix
    return v < j and ctx.is_verb(v) and not (suffix and ctx.word(v).endswith(suffix)) \
        and ctx.word(v) not in ctx.L.post_cues


def opening_name(ctx: Ctx, i: int, c: int) -> bool:
    """Are tokens i..c-1 a name: capitalised words, with abbreviations' stops, particles and the
    connectors of an organisation's name between them ("Democracy for America", "Gov. Chris
    Christie of New Jersey"); not one word capitalised only as the sentence's first ("Essentially")?"""
    L = ctx.L
    if c - i == 1 and not _named_elsewhere(ctx, i):
        return False
    for t in range(i, c):
        w = ctx.word(t)
        if ctx.is_word(t) and ctx.is_cap(t) and w not in L.not_names:
            continue
        if abbreviation_stop(ctx, t) or (t > i and (w in L.particles or (
                w in L.organisation_connectors and t + 1 < c and ctx.is_cap(t + 1)))):
            continue
        return False
    return ctx.is_cap(i)


def opens_appositive(ctx: Ctx, t: int) -> bool:
    """Does a phrase that says who a name is open at token t: an article ("a group that …"), a
    lower-case word that opens no clause ("one of two terrorists", "eager all evening to …") or a
    name's possessive ("Donald Trump's fired campaign manager")?"""
    L, w = ctx.L, ctx.word(t)
    if w in L.appositive_openers:
        return True
    if ctx.is_word(t) and not ctx.is_cap(t):
        return w not in L.relative and w not in L.coordinators and w not in L.subordinators
    ending = clause_table(L.code).possessive_ending
    for k in range(t, min(t + ROLE_NAME_WORDS, len(ctx.idx.spans) - 1)):
        if not (ctx.is_word(k) and ctx.is_cap(k)):
            return False
        if ending and ctx.word(k).replace("’", "'").endswith(ending):
            return ctx.is_word(k + 1) and not ctx.is_cap(k + 1)
    return False


EVIDENCE_TAG_WORDS = 6  # words at most of the data named in a tag ("the Pew Research Center analysis")


def evidence_phrase_start(ctx: Ctx, i: int, v: int) -> int | None:
    """The comma before the verb at v that opens a noun phrase naming data ("…, the poll found"):
    a few words, no verb, one of them an ``evidence_nouns`` word, after a clause long enough to
    claim something and not after a coordinator."""
    L = ctx.L
    c = next((t for t in range(v - 1, max(i, v - EVIDENCE_TAG_WORDS - 1), -1) if not ctx.is_word(t)), None)
    if c is None or ctx.word(c) != "," or ctx.word(c - 1) in L.coordinators or n_words(ctx, i, c) < L.min_claim_tokens:
        return None
    words = range(c + 1, v)
    if any(ctx.word(t) in L.evidence_nouns for t in words) and not any(ctx.is_verb(t) for t in words):
        return c
    return None


def holds_clause(ctx: Ctx, i: int, j: int) -> bool:
    """Does tokens i..j-1 hold a clause: a subordinator, relative pronoun or complementiser, or a
    comma before anything but a participle, verb or preposition ("In line with most Americans, Sen.
    Cruz was critical, telling …")?"""
    L = ctx.L
    return any(ctx.word(t) in L.subordinators or ctx.word(t) in L.relative or ctx.word(t) in L.complementisers
               or (ctx.word(t) == "," and not opens_participle(ctx, t + 1) and not ctx.is_verb(t + 1)
                   and ctx.word(t + 1) not in L.np_stops)
               for t in range(i, j))


INSERTED_WORDS = 4  # words at most in a name set off by commas inside a relative clause
INSERTED_MODIFIERS = 2  # words at most in a lower-case phrase set off so ("ultimately unsuccessful")


def set_off_connective(ctx: Ctx, t: int, b: int) -> bool:
    """Does a connective set off by a comma open at token t (", however, …"), not an adverb of the
    predicate (", also stepped down")?"""
    n = ctx.match_seq(t, ctx.L.leading, b)
    return bool(n) and t + n < b and ctx.word(t + n) == ","


def unlisted_word(ctx: Ctx, t: int) -> bool:
    """Is token t a lower-case word no function-word, adverb or time table of the language lists?"""
    L, w = ctx.L, ctx.word(t)
    if not w.isalpha() or ctx.is_cap(t) or is_adverb(ctx, t):
        return False
    return not any(w in words for words in (
        L.np_stops, L.coordinators, L.subordinators, L.relative, L.np_articles, L.possessive_determiners,
        L.subject_pronouns, L.demonstratives, L.time_words, L.complementisers, L.non_subjects,
        L.interrogatives))


def is_name(ctx: Ctx, a: int, k: int, first: int) -> bool:
    """Are tokens a..k-1 a name: capitalised words (not a date; a name particle inside, "Abdullah al
    - Sabah"), the first capitalised for itself and not only as the first word of the sentence that
    starts at token ``first``?"""
    words = [t for t in range(a, k) if ctx.is_word(t)]
    if not words or not ctx.is_cap(words[0]) or is_date_phrase(ctx, a, k) \
            or not all(ctx.is_cap(t) or ctx.word(t) in ctx.L.particles for t in words):
        return False
    if not _opens_sentence(ctx, a, first):
        return True
    return _named_elsewhere(ctx, a) and not written_lower(ctx, ctx.word(a))  # not "Kereta yang …"


def written_lower(ctx: Ctx, word: str) -> bool:
    """Is ``word`` written in lower case somewhere in the article (a common noun)? Once per word."""
    key = ("decompose.written-lower", word)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = any(not ctx.is_cap(k) for k in ctx.positions(word))
    return hit


APPOSITIVE_WORDS = (2, 14)  # words in a noun phrase set off after a name that says who the name is
_SET_OFF = (",", "—", "–")
SET_OFF_MARK = re.compile(r"[,—–]|--")
_PHRASE_ENDS = frozenset({",", ";", ":", "—", "–", "(", ")", "!", "?", "[", "]", '"', "“", "”"})
AGE_MAX = 120


@dataclass(frozen=True)
class _RoleWords:
    heads: frozenset[str]     # ``prenominal_roles``
    definite: frozenset[str]  # ``definite_prenominal_roles``: one holds it alone ("the Democratic nominee")
    articles: tuple[str, ...]  # ``prenominal_role_articles``: (definite, indefinite)
    infinitive: frozenset[str]  # ``infinitive_markers``: a bare word after one is a verb
    vowels: tuple[str, ...]  # ``vowel_letters``: a role opening with one takes the third article


@cache
def role_words_from(lang: str) -> _RoleWords:
    t = clause_table(lang)
    return _RoleWords(frozenset(t.prenominal_roles), frozenset(t.definite_prenominal_roles),
                      tuple(t.prenominal_role_articles), frozenset(t.infinitive_markers),
                      tuple(t.vowel_letters))


ROLE_MODIFIERS = 5  # words at most that describe a role before it ("Republican and billionaire presidential")
ROLE_NAME_WORDS = 4  # capitalised words at most of the name after a role


def role_modifiers_start(ctx: Ctx, lo: int, h: int) -> int:
    """Where the words that describe the role at h start: back over words that are no verb (a
    hyphened one may be: "well-organized rival"), stop, auxiliary, coordinator or determiner; not
    a bare word after "to" or an auxiliary ("to defeat Republican nominee …", "will make …")."""
    t = h
    while t - 1 >= lo and h - t < ROLE_MODIFIERS and ctx.is_word(t - 1) and _describes_role(ctx, t - 1):
        t -= 1
    before = ctx.word(t - 1) if t - 1 >= lo else ""
    if t < h and (before in role_words_from(ctx.L.code).infinitive or before in ctx.L.auxiliaries) \
            and not ctx.is_cap(t) and "-" not in ctx.word(t) and not is_adverb(ctx, t):
        t += 1
    return t


def _describes_role(ctx: Ctx, t: int) -> bool:
    """May the word at t describe a role after it ("likely Democratic nominee": an adverb may; not
    a preposition, subordinator or participle: "lead over rival …", "beating rival …")?"""
    L, w, words = ctx.L, ctx.word(t), object_relative_words(ctx.L.code)
    if w in words.determiners or w in words.stops or w in L.np_stops or w in L.subordinators \
            or w in L.relative or w in L.coordinators:
        return False
    if "-" in w:
        return True  # "well-organized rival", "newly-announced running mate"
    suffix = L.participle_suffix
    return (w not in L.auxiliaries or is_adverb(ctx, t)) and not ctx.is_verb(t) \
        and not (suffix and w.endswith(suffix) and not ctx.is_cap(t))


def role_name_end(ctx: Ctx, t: int, stop: int) -> int:
    """Where the name after a role ends: its capitalised words (and an abbreviated title's full
    stop), before a possessive ("front-runner Donald Trump's campaign": the claim is on Donald Trump)."""
    end, ending = t, clause_table(ctx.L.code).possessive_ending
    while end < stop and end - t < ROLE_NAME_WORDS and (
            (ctx.is_word(end) and ctx.is_cap(end)) or (end > t and abbreviation_stop(ctx, end) and end + 1 < stop
                                                       and ctx.is_cap(end + 1))):
        end += 1  # "presidential candidate Sen. Ted Cruz": a title's full stop is inside the name
        if ending and ctx.word(end - 1).replace("’", "'").endswith(ending):
            break
    return end


def role_article(ctx: Ctx, role: str, h: int) -> list[str]:
    """The article before a role in a claim's text: none after a possessive ("Clinton's running
    mate"), the definite one for a role one holds alone, else the indefinite one (its form before
    a vowel when the table gives one: "an Ikea tycoon")."""
    words = role_words_from(ctx.L.code)
    if clause_table(ctx.L.code).possessive_ending in role.replace("’", "'"):
        return []
    if ctx.word(h) in words.definite:
        return [words.articles[0]]
    vowel = len(words.articles) > 2 and role[:1].lower().startswith(words.vowels)
    return [words.articles[2] if vowel else words.articles[1]]


RELATIVE_SUBJECT_WORDS = 8  # words at most in a description that opens a sentence before ", who …"


def opening_description(ctx: Ctx, first: int, comma: int) -> int | None:
    """The start of a short verbless noun phrase that opens the sentence with a determiner and ends
    at ``comma`` ("The influential delegate and conservative activist, who …"), else None."""
    a = next((t for t in range(first, comma) if ctx.is_word(t)), comma)
    if a == comma or ctx.word(a) not in ctx.L.appositive_openers \
            or ctx.words_between(a, comma) > RELATIVE_SUBJECT_WORDS:
        return None
    return None if any(not ctx.is_word(t) or ctx.is_verb(t) for t in range(a, comma)) else a


def set_off_end(ctx: Ctx, k: int) -> int | None:
    """The token after a comma or dash at k ("--" is two tokens), None if k sets nothing off."""
    w = ctx.word(k)
    if w in _SET_OFF:
        return k + 1
    return k + 2 if w == "-" and ctx.word(k + 1) == "-" else None


def appositive_name_start(ctx: Ctx, k: int, first: int) -> int | None:
    """Where the name that ends before token k starts (a determiner before it included), None
    when no name ends there or it is a fronted place or time ("In Washington, the …")."""
    L = ctx.L
    a = k
    while a > first and ctx.is_word(a - 1) and (ctx.is_cap(a - 1) or (a < k and ctx.word(a - 1) in L.particles)):
        if ctx.word(a - 1) in L.not_names or ctx.match_seq(a - 1, L.leading, k):
            break  # "But Cruz, …", "Meanwhile, …"
        a -= 1
    if a == k or not ctx.is_cap(a) or _capitalised_as_first(ctx, a, k, first):
        return None
    if a > first and ctx.word(a - 1) in L.appositive_openers:
        a -= 1
    if _in_fronted_phrase(ctx, first, k):
        return None
    return a


def _opens_sentence(ctx: Ctx, k: int, first: int) -> bool:
    return all(not ctx.is_word(t) for t in range(first, k))


def _capitalised_as_first(ctx: Ctx, a: int, k: int, first: int) -> bool:
    """ "First, …", "Essentially, …": one word, capitalised only as the sentence's first word."""
    return k - a == 1 and _opens_sentence(ctx, a, first) and not _named_elsewhere(ctx, a)


def _named_elsewhere(ctx: Ctx, a: int) -> bool:
    """Is the word at a written so after a word elsewhere in the article (a name: "… met Stein")?"""
    s, e = ctx.idx.spans[a]
    word = ctx.text[s:e]
    if _WORD_RUN.fullmatch(word):
        index = ctx.memo.get("decompose.after-word-index")
        if index is None:  # built on the first question: most articles never ask
            index = ctx.memo["decompose.after-word-index"] = _after_word_index(ctx.text)
        return any(end != e for end in index.get(word, ()))
    # once per word and article: a text that opens many sentences with it asks as many times
    ends = ctx.memo.get(("decompose.named-after-word", word))
    if ends is None:
        ends = ctx.memo["decompose.named-after-word", word] = _after_word_ends(ctx.text, word)
    return any(end != e for end in ends)


_SPACE = re.compile(r"\s")
_WORD_OR_COMMA = re.compile(r"[\w,]")
_WORD_RUN = re.compile(r"\w+")


def _after_word_index(text: str) -> dict[str, list[int]]:
    """Each run of word characters written after white space after a word (or a word and
    commas: "Kunciran, Pakojan"), with where each such run ends: one pass over the text, so a
    long text asking about many words costs no more than one asking about one."""
    index: dict[str, list[int]] = {}
    for m in _WORD_THEN_RUN.finditer(text):
        index.setdefault(m.group(1), []).append(m.end(1))
    return index


# A run of word characters with white space right before it, and before that commas and a word
# character ("met Stein", "Kunciran, Pakojan"; not ", , Stein"). The run is read by a lookahead,
# not consumed: the next search starts at it, as it may itself be the word before the next run.
_WORD_THEN_RUN = re.compile(r"\w,*\s+(?=(\w+))")


def _after_word_ends(text: str, word: str) -> tuple[int, ...]:
    """Where the matches of "<word> <``word``>" in ``text`` end (two of them at most: they answer
    whether one ends elsewhere than a given place), for a word that is not one run of word
    characters ("U.S."). Each match ends at an occurrence of ``word`` after white space after a
    word character or comma; the literal search for those runs first, as most words have none
    but their own, and only then the search with the word before."""
    if not any(_after_word(text, m.start()) for m in re.finditer(re.escape(word) + r"\b", text)):
        return ()
    ends: list[int] = []
    for m in re.finditer(r"\w[\w,]*\s+" + re.escape(word) + r"\b", text):
        if m.end() not in ends:
            ends.append(m.end())
            if len(ends) == 2:
                break
    return tuple(ends)


def _after_word(text: str, p: int) -> bool:
    """Is there white space right before ``p``, with a word character or comma before it?"""
    i = p
    while i > 0 and _SPACE.match(text, i - 1):
        i -= 1
    return i < p and i > 0 and _WORD_OR_COMMA.match(text, i - 1) is not None


def _in_fronted_phrase(ctx: Ctx, first: int, k: int) -> bool:
    """Does the comma at k close a phrase that opens the sentence with a preposition or
    subordinator ("In Iowa, the candidate …", "After treatment with 1 M NaOH, the surface …")?"""
    L = ctx.L
    o = next((t for t in range(first, k) if ctx.is_word(t) and ctx.word(t) not in L.coordinators), None)
    if o is None or not (ctx.word(o) in L.np_stops or ctx.word(o) in L.subordinators):
        return False  # "But Cruz, an ultra-conservative senator …" opens with a coordinator, not a phrase
    return all(ctx.word(t) not in _SET_OFF for t in range(o, k))


def appositive_phrase(ctx: Ctx, a: int, b: int) -> bool:
    """Tokens a..b-1 are a describing noun phrase of an appositive's length."""
    lo, hi = APPOSITIVE_WORDS
    return lo <= ctx.words_between(a, b) <= hi and _describes(ctx, a, b)


def ends_phrase(ctx: Ctx, t: int, stop: int) -> bool:
    """Punctuation that closes a phrase; a full stop unless it ends an abbreviation ("a senior
    adviser to Mr. Sanders", "the U.S. embassy", "a former C.I.A. analyst")."""
    w = ctx.word(t)
    if w == ".":
        before = ctx.word(t - 1)
        return not (before in ctx.L.abbreviations or "." in before or len(before) == 1)
    return w in _PHRASE_ENDS or (w == "-" and ctx.word(t + 1) == "-")


def _describes(ctx: Ctx, a: int, b: int) -> bool:
    """A noun phrase with a common noun in it, no verb and no name after a coordinator ("a
    physician from Massachusetts", not "the DNC and Wasserman Schultz for …", not "the debate
    continues")."""
    L = ctx.L
    if any(_predicate_word(ctx, t, a) or ctx.word(t) in L.appositive_breakers
           or (ctx.word(t) in L.coordinators and ctx.is_cap(t + 1)) for t in range(a, b)):
        return False
    return any(ctx.is_word(t) and not ctx.is_cap(t) and not ctx.word(t)[:1].isdigit()
               and ctx.word(t) not in L.appositive_openers and ctx.word(t) not in L.np_stops
               and ctx.word(t) not in L.coordinators for t in range(a, b))


def _predicate_word(ctx: Ctx, t: int, a: int) -> bool:
    """A verb or auxiliary in a noun phrase opening at a; a participle guessed from its ending
    is a modifier right after the determiner ("a seasoned operative") or before a preposition
    ("an update provided by …", "a committee associated with …")."""
    L, w = ctx.L, ctx.word(t)
    if w in L.auxiliaries or w in L.verbs:
        return True
    return ctx.is_verb(t) and t != a + 1 and ctx.word(t + 1) not in L.np_stops


def first_item_end(ctx: Ctx, a: int, b: int) -> int | None:
    """ "a law professor and political newbie": where the first of coordinated nouns ends."""
    k = next((t for t in range(a + 1, b) if ctx.word(t) in ctx.L.list_coordinators), None)
    return k if k is not None and ctx.words_between(a, k) >= APPOSITIVE_WORDS[0] else None


def age_end(ctx: Ctx, t0: int, stop: int) -> list[int]:
    """ "Groberg, 33, opened up …": a bare number set off by commas after a name is an age."""
    w = ctx.word(t0)
    if not ctx.L.age_appositives or ctx.word(t0 - 1) != "," or not w.isdigit() or not 0 < int(w) < AGE_MAX \
            or t0 + 1 >= stop:
        return []
    return [t0 + 1] if ctx.word(t0 + 1) == "," else []


def participle_cut(ctx: Ctx, k: int) -> bool:
    """Does a participle clause open at token k: after a comma (and a quote it closes: "chanting
    "No Hill," raising …"), the participle or an adverb before it ("…, reportedly winning over …")?"""
    prev = k - 1
    closes_quote = ctx.word(prev - 1) == "," and quote_mark(ctx.text, ctx.idx.spans[prev][0]) in CLOSING
    if ctx.word(prev) != "," and not closes_quote:
        return False
    return opens_participle(ctx, k) or (is_adverb(ctx, k) and opens_participle(ctx, k + 1))


def is_adverb(ctx: Ctx, k: int) -> bool:
    endings, nouns = _adverb_words(ctx.L.code)
    w = ctx.word(k)
    return ctx.is_word(k) and not ctx.is_cap(k) and w.endswith(endings) and w not in nouns


@cache
def _adverb_words(lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The endings of adverbs and the nouns with those endings (the table's speaker adverbs)."""
    t = clause_table(lang)
    return tuple(t.speaker_adverb_endings), frozenset(w.lower() for w in t.speaker_non_adverbs)


def opens_participle(ctx: Ctx, k: int) -> bool:
    L, w = ctx.L, ctx.word(k)
    suffix = L.participle_suffix or ""
    return (ctx.is_word(k) and not ctx.is_cap(k) and w.endswith(suffix) and len(w) - len(suffix) >= L.verb_min_stem
            and w not in L.non_participles and w not in L.participle_cues
            and ctx.word(k + 1) not in L.coordinators and ctx.word(k + 1) not in L.list_coordinators
            and (ctx.is_word(k + 1) or quote_mark(ctx.text, ctx.idx.spans[k + 1][0]) in OPENING))


OBJECT_NP_REACH = 8  # tokens at most in the noun phrase a restrictive relative clause describes
OBJECT_CLAUSE_SHARE = 2 / 3  # a noun phrase and its clause that fill more of the clause say what it says


@dataclass(frozen=True)
class _ObjectRelativeWords:
    openers: frozenset[str]      # ``object_relatives``
    joins: frozenset[str]        # ``noun_phrase_joins``
    stops: frozenset[str]        # ``noun_phrase_stops``
    determiners: frozenset[str]  # open a noun phrase: articles, possessives, demonstratives
    person_relatives: frozenset[str]  # ``person_relatives``
    person_reach: frozenset[str]  # ``person_relative_reach``


@cache
def object_relative_words(lang: str) -> _ObjectRelativeWords:
    table = clause_table(lang)
    return _ObjectRelativeWords(frozenset(table.object_relatives), frozenset(table.noun_phrase_joins),
                                frozenset(table.noun_phrase_stops),
                                frozenset(table.np_articles) | frozenset(table.possessive_determiners)
                                | frozenset(table.demonstratives), frozenset(table.person_relatives),
                                frozenset(table.person_relative_reach))


def set_off_noun_phrase(ctx: Ctx, start: int, words: _ObjectRelativeWords) -> bool:
    """Is the noun phrase at ``start`` set off by a comma ("Paul Manafort, a seasoned operative
    who …")? An appositive, whose own rules claim it; not an adjective after a comma ("a
    notorious, serial liar who …")."""
    return ctx.word(start - 1) == "," and ctx.word(start) in words.determiners


def bare_name(ctx: Ctx, start: int, k: int, words: _ObjectRelativeWords) -> bool:
    """Is the noun phrase before the relative at k a demonstrative one ("those voters who …": it
    says which) or a bare name ("… counties like Macomb and Oakland that are seen …": a name needs
    no restrictive clause, which describes a noun before it)?"""
    if ctx.word(start) in ctx.L.demonstratives:
        return True
    return all(ctx.is_cap(t) for t in range(start, k) if ctx.is_word(t)) and ctx.word(start) not in words.determiners


def fills_clause(ctx: Ctx, part: tuple[int, int], clause: tuple[int, int]) -> bool:
    s, e = ctx.span(*part)
    cs, ce = ctx.span(*clause)
    return e - s > OBJECT_CLAUSE_SHARE * (ce - cs)


def relative_noun_before(ctx: Ctx, k: int) -> bool:
    """Is the word before k a noun a relative clause can describe: no comma, verb, number, stop,
    auxiliary or connective, no noun that needs its clause ("anyone who"), of attitude ("a sign
    that") or of time ("emails leaked last week that …" describes the emails)?"""
    L, before = ctx.L, ctx.word(k - 1)
    if not ctx.is_word(k - 1) or ctx.is_verb(k - 1) or before[:1].isdigit():
        return False
    return not any(before in words for words in (L.np_stops, L.relative_heads, L.complement_heads, L.auxiliaries,
                                                 L.time_words, L.clause_coordinators))


def object_np_start(ctx: Ctx, a: int, k: int) -> int:
    """Where the noun phrase before the relative at k starts: back over words that are no verb,
    adverb or stop (a participle right after a determiner is an adjective: "a seasoned operative";
    ``noun_phrase_joins`` join nouns: "the 30 percent of voters"), at most ``OBJECT_NP_REACH``
    tokens, then at its first determiner if it has one ("support of a candidate who …": "a")."""
    words = object_relative_words(ctx.L.code)
    t = _noun_phrase_back(ctx, a, k, words)
    if ctx.word(k) in words.person_relatives and t - 2 > a and ctx.word(t - 1) in words.person_reach \
            and ctx.is_word(t - 2) and not ctx.is_verb(t - 2):
        # "an aide in his office who threatened …", "leaders across the political spectrum who …":
        # a person's clause after a place describes the person before it
        t = _noun_phrase_back(ctx, a, t - 1, words)
    while t < k and ctx.word(t) in words.joins:
        t += 1
    return next((d for d in range(t, k) if ctx.word(d) in words.determiners), t)


def _noun_phrase_back(ctx: Ctx, a: int, k: int, words: _ObjectRelativeWords) -> int:
    t = k
    while t - 1 > a and k - t < OBJECT_NP_REACH and ctx.is_word(t - 1) and not _ends_noun_phrase(ctx, t - 1, words):
        t -= 1
    return t


def _ends_noun_phrase(ctx: Ctx, t: int, words: _ObjectRelativeWords) -> bool:
    """Does the word at t stand before the noun phrase after it (scanning back)?"""
    L, w = ctx.L, ctx.word(t)
    return (w in L.np_stops and w not in words.joins) or w in words.stops or w in L.relative \
        or w in L.auxiliaries or is_adverb(ctx, t) or (ctx.is_verb(t) and ctx.word(t - 1) not in words.determiners)


def object_relative_end(ctx: Ctx, k: int, b: int) -> int:
    """Where the relative clause at k ends: at the first comma, semicolon, dash or bracket after
    its first word, else at the end of the clause."""
    for t in range(k + 2, b):
        if not ctx.is_word(t) and not abbreviation_stop(ctx, t) \
                and ctx.text[ctx.idx.spans[t][0]] not in QUOTE_CHARACTERS:
            return t
    return b


APPOSITIVE_HEAD_WORDS = 6  # words at most between an appositive's article and what opens its clause


def completes_copula(ctx: Ctx, a: int, k: int) -> bool:
    """Does the comma or dash at k close a phrase set off after a bare "be" ("Voters will wonder if
    she is, in the end, the right candidate")? The noun phrase after it is the copula's complement,
    no appositive, and the clause's claim does not end before it."""
    c = next((t for t in range(k - 1, a, -1) if ctx.word(t) == ","), None)
    return c is not None and ctx.word(c - 1) in ctx.L.passive_auxiliaries \
        and not any(ctx.is_verb(t) for t in range(c + 1, k))


def degree_phrase(ctx: Ctx, t: int) -> bool:
    """Does an article at t open a degree ("…, a little safer", "a bit cheaper": ``degree_words``),
    an adjective's modifier, not a noun phrase ("a lot of voters" is one)?"""
    degree = _degree_words(ctx.L.code)
    return ctx.word(t + 1) in degree and ctx.word(t + 2) not in ctx.L.np_stops \
        and ctx.word(t + 2) not in object_relative_words(ctx.L.code).joins


@cache
def _degree_words(lang: str) -> frozenset[str]:
    return frozenset(clause_table(lang).degree_words)


def noun_phrase_head(ctx: Ctx, t: int, b: int) -> bool:
    """Do the words from t run as a noun phrase to the end or to what opens a clause inside it (a
    relative, a complementiser, a subordinator: "the day before the big gathering … was set to
    commence"), with no verb of a clause of its own ("the idea of … is a non-starter", "the
    senator said"; a participle with a preposition after it is no such verb: "a threshold met only
    by Trump") and no list ("the corruption, the backstabbing and the lies")?"""
    L = ctx.L
    head = True  # before a preposition or participle: a coordinator or comma there joins items of a list
    for u in range(t, b):
        w = ctx.word(u)
        if w in L.relative or w in L.complementisers or w in L.subordinators:
            return True
        if _joins_items(ctx, u, head):
            return False
        if w in L.auxiliaries or w in L.post_cues or w in L.pre_cues or w in L.evidence_cues \
                or (ctx.is_verb(u) and not _passive_participle(ctx, u, b)):
            return False
        head = head and w not in L.np_stops and not ctx.is_verb(u)
    return True


def _joins_items(ctx: Ctx, u: int, head: bool) -> bool:
    """Does the word at u join items of a list: a coordinator or comma in a noun phrase's head, or a
    comma before a coordinator ("the question of intent, the volume of material, and …")?"""
    w, coordinators = ctx.word(u), ctx.L.list_coordinators
    return (head and (w in coordinators or w == ",")) or (w == "," and ctx.word(u + 1) in coordinators)


def _passive_participle(ctx: Ctx, u: int, b: int) -> bool:
    """Is the verb at u a participle with its agent after it ("met only by Trump")?"""
    return any(ctx.word(x) == ctx.L.passive_agent for x in range(u + 1, min(b, u + 3)))


def quote_open_between(ctx: Ctx, k: int, b: int) -> bool:
    return any(ctx.text[ctx.idx.spans[t][0]] in QUOTE_CHARACTERS for t in range(k, b))


STANCE_LEAD = 5  # tokens at most of a phrase set off before a first-person stance ("In the meantime, …")
STANCE_SUBJECT = 3  # tokens at most of its subject ("You and I")


@cache
def stance_words(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(``first_person_stances``, first-person words, pronouns that may join them in a subject)."""
    table = clause_table(lang)
    first = frozenset(p.lower() for p in table.first_person if " " not in p)
    return frozenset(table.first_person_stances), first, frozenset(table.appositive_breakers) | first


def stance_word(ctx: Ctx, lead: int, j: int) -> int | None:
    """The word after a pronoun subject ("You and I") and its auxiliaries at ``lead``; None when
    there is no such subject or a negation comes between ("I do not believe")."""
    pronouns, L = stance_words(ctx.L.code)[2], ctx.L
    s = lead
    while s < j and s - lead < STANCE_SUBJECT and (ctx.word(s) in pronouns or ctx.word(s) in L.coordinators):
        s += 1
    v = s
    while v < j and (ctx.word(v) in L.auxiliaries or ctx.word(v) in L.passive_auxiliaries):
        if L.negated.pattern.fullmatch(ctx.word(v)):
            return None
        v += 1
    return v if s > lead and v < j else None


def demonstrative_subject(ctx: Ctx, c: int, j: int, pronouns: frozenset[str]) -> bool:
    """Is "that" at c the clause's subject or its determiner ("I think that definitely had some
    impact", "I believe that person is Sen. Ted Cruz"), not a complementiser ("that he is …")?"""
    t = c + 1
    if t < j and ctx.is_word(t) and not ctx.is_verb(t) and not is_adverb(ctx, t) \
            and ctx.word(t) not in ctx.L.auxiliaries and ctx.word(t) not in pronouns:
        t += 1  # "that person"
    while t < j and is_adverb(ctx, t):
        t += 1
    return t < j and t > c + 1 and (ctx.is_verb(t) or ctx.word(t) in ctx.L.auxiliaries)
