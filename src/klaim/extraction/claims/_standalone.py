"""Claim text that stands alone: references replaced by what they refer to.

``Claim.text`` is the claim as a standalone statement; its span (``start``/``end``/``surface``)
stays the article's words. Each rule below rewrites a word of the text only when the article says
what it refers to, and leaves it when unsure; the rule's name joins the claim's ``rules``:

- ``standalone.pronoun``: "ia", "dia", "he", "she" leading a claim outside quotes → the person who
  is the subject of the discourse there, when no person is named in its own sentence (there it may
  be either: "X said Y … he") and, for "he"/"she", only someone the article itself calls so; a
  one-word name there is written in full where people go by their given name ("Fredrich" → "Fredrich
  Yunadi", see ``standalone.given-name``).
- ``standalone.pronoun-sole-person``: "ia", "dia" (a pronoun without gender) where the discourse finds
  no subject → the one person the article knows (a speaker, someone with a role) named before it in
  its own sentence ("Kim mengatakan bahwa ia …") or else in the sentence before; left when a second
  name, or a word that may be one, stands there.
- ``standalone.pronoun-reporting-speaker``: "he", "she" opening reported words right after their
  speaker's name and cue in one sentence ("Harry Reid says he will …") → the speaker, when the
  article gives the speaker that gender and nothing but lower-case words (or a day) stands between.
- ``standalone.quoted-pronoun``: "he", "she" leading a claim in quoted words → the one person of that
  gender the article names before it, the speaker aside, when that person is also the last one
  (of any gender) named before it: "She has experience," Groberg said → Hillary Clinton.
- ``standalone.first-person``: "saya" in a quote, when the speaker says it once → the speaker's
  name (Indonesian verbs do not agree with the subject; English "I" is left: "I am" needs "X is").
- ``standalone.first-person-plural``: "kami" in a quote, once in the claim → the speaker's
  organisation, when the article gives one ("kita" takes the listener in and is left).
- ``standalone.party``: "pihaknya" (his side) → the speaker's organisation.
- ``standalone.full-name``: a short name ("Enggar", "Luhut") → the full name the article gives.
- ``standalone.given-name``: a given name alone ("Fredrich") → the one full name the article writes
  with that first word ("Fredrich Yunadi"), where people are called by their given name (the table's
  ``first_names_alone``, Indonesian); not a name with a word the article writes in lower case, a
  place's or a title's word, nor a word of an entity that is no person ("Qatar" of "Qatar Airways").
- ``standalone.definite``: "the party" → "the Democratic Party" when that is the one name of its kind
  (ending in "Party": the table's ``named_by_head``) the article wrote before; with two, it is left.
- ``standalone.contraction``: "aren’t" → "are not", "I’m" → "I am" (the table's ``contractions``).
- ``standalone.demonstrative``: "Restoran ini" → "Restoran Nusa Dua" when the article named it so
  before; a demonstrative after a name ("putusan MK tersebut") is dropped. Nouns that point to a
  statement ("hal itu") are left.
- ``standalone.description``: "Bencana tersebut" → "Bencana angin puting beliung" when no name
  follows the noun before but a description the article writes at least twice does.
- ``standalone.organisation-pronoun``: "it" (the table's ``organisation_pronouns``) opening a claim
  right after an organisation's cue ("The Clinton campaign said it is looking …") → the organisation
  as the article wrote it there; not an "it" before a copula and no participle ("it was possible
  that …": no one's subject).
- ``standalone.role-organisation``: "kami", "pihaknya" of a person whose organisation the article
  does not give → the office their role names after its title ("Kepala Dinas Sosial DKI" → "Dinas
  Sosial DKI"), from a word of ``organisation_heads`` on.
- ``standalone.country-pair``: "kedua negara" (the table's ``pair_references``) → "Indonesia dan
  Yordania" when the article names exactly two countries (``countries``) before it; with a third, or
  a word after it that makes it another thing ("kedua negara bagian"), it is left.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from klaim.extraction.claims import _lang
from klaim.extraction.claims._claim_unit import Unit, standalone
from klaim.extraction.claims._context import OPENING, Ctx
from klaim.extraction.claims._entities import entities
from klaim.extraction.claims._mentions import (
    POSSESSIVE,
    DiscourseWords,
    _names_by_word_start,
    _short_of,
    discourse_words,
    lower_elsewhere,
)
from klaim.extraction.claims._speakers import Registry, SpeakerRef
from klaim.extraction.claims._standalone_offices import ROLE_ACRONYM, TITLE_ORGANISATION, office_of
from klaim.extraction.claims._table import claims_table
from klaim.extraction.text import mark_before
from klaim.schema import Entity, EntityLabel, SpeakerKind

if TYPE_CHECKING:
    from klaim.extraction.claims._discourse import Discourse

PRONOUN = "standalone.pronoun"
FIRST_PERSON = "standalone.first-person"
FIRST_PLURAL = "standalone.first-person-plural"
PARTY = "standalone.party"
FULL_NAME = "standalone.full-name"
GIVEN_NAME = "standalone.given-name"
DEMONSTRATIVE = "standalone.demonstrative"
DESCRIPTION = "standalone.description"
CONTRACTION = "standalone.contraction"
DEFINITE = "standalone.definite"
QUOTED_PRONOUN = "standalone.quoted-pronoun"
COUNTRY_PAIR = "standalone.country-pair"
ROLE_ORGANISATION = "standalone.role-organisation"
ROLE_RULES = frozenset({ROLE_ORGANISATION, TITLE_ORGANISATION, ROLE_ACRONYM})  # the office a role names
PARENTHESIS = re.compile(r"\s*\([^()]*\)")
ORGANISATION_PRONOUN = "standalone.organisation-pronoun"
CUE_REACH = 60  # characters at most between an organisation's mention and the pronoun its cue leads to
PLACE_BEFORE = re.compile(r"([A-Z][\w-]*),[ \t]*$")  # "Hamburg, " before "Jerman": the place's country
APOSTROPHES = frozenset("'’")  # "He’s": a name before it would read as a possessive
LOOK_BACK_MENTIONS = 20  # mentions passed over (the speaker's own) looking for the last other person
MAX_KNOWN = 3  # distinct people of a gender tracked before a pronoun: past two, it is ambiguous anyway
SOLE_PERSON = "standalone.pronoun-sole-person"
ALIAS = "standalone.alias"
POSSESSIVE_PRONOUN = "standalone.possessive-pronoun"
REPORTING_SPEAKER = "standalone.pronoun-reporting-speaker"
PRONOUN_SUBJECT = "standalone.pronoun-subject"
GLOSS = "standalone.pronoun-gloss"
MAX_GLOSS_WORDS = 6  # a longer parenthesis is a remark, not the name a pronoun stands for
# how a speaker found for a pronoun is resolved (the attribution's or the discourse's; not "…-unresolved")
RESOLVED_PRONOUN = frozenset({"speaker.pronoun", "speaker.pronoun-introduced", "discourse.pronoun-antecedent"})
CUE_WORDS = 6  # tokens at most between a speaker's name and the pronoun opening their reported words
MAX_NAME_TOKENS = 8  # an antecedent name longer than this is not restated
WORD = re.compile(r"\w+")
INNER_POSSESSIVE = re.compile(r"['’]s\b")
MAX_GIVEN_NAME_WORDS = 4  # a longer 'name' is a title or an institution the tagger read as one
MIN_NAME_WORD = 3  # a shorter word of a name ("Al", "bin") does not stand for the person
LEADING_WORDS = 3  # a pronoun among a claim's first words is its subject

Edit = tuple[int, int, str, str]  # article start, end, replacement, rule


def decontextualise(d: Discourse, units: list[Unit], reg: Registry) -> list[Unit]:
    """``units`` with claim texts whose references are replaced (see the module docstring)."""
    words = discourse_words(d.ctx.L.code)
    idx = d.ctx.idx
    wanted = words.rewritable | (d.ctx.L.demonstratives if words.demonstrative_follows else frozenset()) \
        | _definites(d.ctx.L.code)[0] | _pair_table(d.ctx.L.code).firsts | d.ctx.L.organisation_pronouns \
        | d.ctx.L.possessive_pronouns.keys() | d.ctx.L.plural_pronouns
    # the tokens any rule may rewrite, found once: claims overlap and would rescan the same words
    candidates = [k for k, w in enumerate(idx.lower) if idx.is_cap[k] or w in wanted]
    starts = [idx.spans[k][0] for k in candidates]
    out = []
    contractions = _contractions(d.ctx.L.code)
    for u in units:
        ks = candidates[bisect_left(starts, u.start):bisect_left(starts, u.end)]
        edits = _edits(d, words, reg, u, ks)
        u = apply_edits(d.ctx.text, u, edits) if edits else u
        u = _subject_restated(d, words, reg, u)
        u = _written_out(u, *contractions) if contractions else u
        out.append(_clitic_s_written_out(u, d.ctx.L.code))
    return out


def _subject_restated(d: Discourse, words: DiscourseWords, reg: Registry, u: Unit) -> Unit:
    """The unit with a pronoun that opens its text but not its span restated as the speaker: the
    subject of the cue written before reported words ("Dia mengaku akan mengusut …" → "Dia akan
    mengusut …"), which is the speaker the attribution found for that pronoun → "Nufransa Wira Sakti
    akan mengusut …" (``standalone.pronoun-subject``)."""
    m = WORD.match(u.text)
    sp = u.speaker
    if m is None or m.group().lower() not in words.referring_pronouns or sp.kind != SpeakerKind.person \
            or not sp.name or sp.via not in RESOLVED_PRONOUN:
        return u
    first = WORD.search(d.ctx.text, u.start, u.end)
    if first is not None and first.group().lower() == m.group().lower():
        return u  # the span's own pronoun: the rules above read it
    if _existential(d.ctx, u):
        return u  # "Dia mengatakan akan ada 425 petugas": the pronoun was no subject of it
    name = _in_full(d.ctx, reg, (d.mentions.full_name(sp).name or sp.name, PRONOUN_SUBJECT))
    if name is None or _alias_in_claim(d.ctx, reg, u, name[0]) or _misread_name(d.ctx, name[0]):
        return u
    return replace(u, text=name[0] + u.text[m.end():], rules=(*u.rules, PRONOUN_SUBJECT))


def _existential(ctx: Ctx, u: Unit) -> bool:
    """Does the span open (after auxiliaries) with an existential predicate ("akan ada …")?"""
    toks = ctx.idx.between(u.start, u.end)
    j = toks.start
    while j < toks.stop and ctx.word(j) in ctx.L.auxiliaries:
        j += 1
    return j < toks.stop and bool(ctx.match_seq(j, ctx.L.existentials, toks.stop))


def _written_out(u: Unit, pattern: re.Pattern[str], full: dict[str, str], negation: re.Pattern[str],
                 marks: tuple[str, ...]) -> Unit:
    """The unit with the contractions of its text written out ("aren’t" → "are not")."""
    if marks and not any(m in u.text for m in marks):
        return u  # most claims have no apostrophe, which every contraction has: no search
    text = pattern.sub(lambda m: _full_words(m, full, negation), u.text)
    if text == u.text:
        return u
    return replace(u, text=text, rules=u.rules if CONTRACTION in u.rules else (*u.rules, CONTRACTION))


_CliticS = tuple[re.Pattern[str], frozenset[str], frozenset[str], tuple[str, ...], frozenset[str]]


@cache
def _clitic_s(lang: str) -> _CliticS | None:
    """(pattern for a host pronoun, "'s" and the next word; the words taking "has"; past forms;
    past endings; words with a past ending that are none), or None where the table has no hosts."""
    t = claims_table(lang)
    if not t.clitic_s_hosts or t.time_text is None:
        return None
    hosts = "|".join(re.escape(h) for h in t.clitic_s_hosts)
    pattern = re.compile(rf"(?<![\w'’])({hosts})['’]s[ \t]+([^\W\d_]+)", re.IGNORECASE)
    tt = t.time_text
    past = frozenset(w.lower() for w in (*tt.past_forms, *t.clitic_s_participles))
    return (pattern, frozenset(w.lower() for w in t.clitic_s_has), past,
            (*tt.past_endings, *t.clitic_s_participle_endings), frozenset(w.lower() for w in tt.past_lookalikes))


def _clitic_s_written_out(u: Unit, lang: str) -> Unit:
    """ "It’s a rigged system" → "It is a rigged system", "He’s been" → "He has been" (the table's
    ``clitic_s_hosts``): after those pronouns "’s" is no possessive (rule ``standalone.contraction``).
    Before a past form or a participle ("He’s asked", "She’s worried") it may be "is" or "has": left."""
    table = _clitic_s(lang)
    if table is None or ("'" not in u.text and "’" not in u.text):
        return u
    pattern, has, past, endings, lookalikes = table

    def verb(m: re.Match[str]) -> str:
        nxt = m.group(2).lower()
        if nxt in has:
            return f"{m.group(1)} has {m.group(2)}"
        if nxt in past or (nxt.endswith(endings) and nxt not in lookalikes):
            return m.group(0)
        return f"{m.group(1)} is {m.group(2)}"

    text = pattern.sub(verb, u.text)
    if text == u.text:
        return u
    return replace(u, text=text, rules=u.rules if CONTRACTION in u.rules else (*u.rules, CONTRACTION))


def _full_words(m: re.Match[str], full: dict[str, str], negation: re.Pattern[str]) -> str:
    words = full[m.group(0).replace("’", "'").lower()]
    separate = words.startswith(" ") or len(words.split()) > 1  # "will not", " not"; "cannot" is one word
    if separate and negation.fullmatch(words.split()[-1]) and _opens_clause(m.string, m.start()):
        return m.group(0)  # a question or a tag ("Won’t you …", "…, isn’t it"): no "will not you"
    return words[:1].upper() + words[1:] if m.group(0)[:1].isupper() else words  # "Can't" → "Cannot"


def _opens_clause(text: str, pos: int) -> bool:
    """Does the word at ``pos`` (or the word an ending at ``pos`` closes) open the text or a clause?"""
    start = pos
    while start > 0 and (text[start - 1].isalnum()):
        start -= 1
    return text[:start].rstrip()[-1:] in CLAUSE_OPENERS


CLAUSE_OPENERS = frozenset({"", ",", ";", ":", "—", "–", "(", '"', "“", "‘"})


@cache
def _contractions(lang: str) -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], tuple[str, ...]] | None:
    """One pattern for the language's contractions (whole words first: "can't" before "n't"),
    each one's full words, keyed by the contraction written with a straight apostrophe, and the
    language's negations (a negative auxiliary opening a clause is a question: kept). An ending
    glued to the word before is written out with a leading space in the table (" not"). Last,
    the apostrophes one of which every contraction holds (none when one holds none)."""
    table = claims_table(lang).contractions
    if not table:
        return None
    whole = [c for c, words in table.items() if not words.startswith(" ")]
    endings = [c for c, words in table.items() if words.startswith(" ")]
    form = lambda c: re.escape(c).replace("'", "['’]")  # noqa: E731
    alternatives = [rf"(?<![\w'’]){form(c)}(?!\w)" for c in sorted(whole, key=len, reverse=True)]
    alternatives += [rf"(?<=\w){form(c)}(?!\w)" for c in sorted(endings, key=len, reverse=True)]
    marks = ("'", "’") if all("'" in c for c in table) else ()
    return (re.compile("|".join(alternatives), re.IGNORECASE), {c.lower(): w for c, w in table.items()},
            _lang.get(lang).negated.pattern, marks)


def _edits(d: Discourse, words: DiscourseWords, reg: Registry, u: Unit, candidates: list[int]) -> list[Edit]:
    named: set[str] = set()  # people already restated in full in this claim
    spans = d.ctx.idx.spans
    edits = (_gloss(d, reg, u, k) if spans[k][1] < u.end and _glossed(d.ctx, words, k)
             else _edit_at(d, words, reg, u, k, named) for k in candidates
             if spans[k][1] <= u.end and not (u.skip and u.skip[0] <= spans[k][0] < u.skip[1]))
    return [e for e in edits if e is not None]


def _edit_at(d: Discourse, words: DiscourseWords, reg: Registry, u: Unit, k: int, named: set[str]) -> Edit | None:
    """The rewrite of token k of the claim, if a rule has one."""
    ctx = d.ctx
    w = ctx.word(k)
    s, e = ctx.idx.spans[k]
    new: tuple[str, str] | None = None
    if w in words.referring_pronouns and _leads(ctx, u, k):
        new = _pronoun_edit(d, words, reg, u, k)
    elif w in ctx.L.possessive_pronouns:
        return _possessive_edit(d, words, reg, u, k)
    elif w in ctx.L.organisation_pronouns:
        return _organisation_subject(d, u, k)
    elif u.quote and (w in words.first_person_singular or w in words.first_person_plural):
        return _first_person(ctx, words, u, k)
    elif w in words.party_pronouns:
        new = _party(ctx, u.speaker)
    elif w in _definites(ctx.L.code)[0]:
        return _definite(d, u, k)
    elif w in _pair_table(ctx.L.code).firsts:
        return _country_pair(ctx, u, k)
    elif ctx.is_cap(k):
        return _full_name(d, reg, k, named, u.start)
    elif w in ctx.L.demonstratives and words.demonstrative_follows:
        return _demonstrative(d, words, k)
    return (s, e, *new) if new is not None else None


def _glossed(ctx: Ctx, words: DiscourseWords, k: int) -> bool:
    """Is token k a pronoun with an opening parenthesis right after it ("Dia (Novel)")?"""
    w = ctx.word(k)
    return k + 1 < len(ctx.idx.spans) and ctx.surface(k + 1) == "(" \
        and (w in words.rewritable or w in ctx.L.plural_pronouns or w in ctx.L.organisation_pronouns)


def _gloss(d: Discourse, reg: Registry, u: Unit, k: int) -> Edit | None:
    """ "Dia (Novel) cuma bilang …" → "Novel Baswedan cuma bilang …", "kami (CPB)" → "CPB": the
    article says whom the pronoun at token k stands for in parentheses right after it, a name of a
    few words (capitalised first; a lower-case gloss is as often no referent: "mereka (satu per
    satu)"), a one-word name written in full as the full-name rules would. Not after a capitalised
    word: the pronoun would be read as the end of that name ("Saldi Isra dia (Arief)")."""
    ctx = d.ctx
    spans = ctx.idx.spans
    close = _gloss_end(ctx, u, k)
    if close is None:
        return None
    gloss = ctx.text[spans[k + 2][0]:spans[close - 1][1]]
    full = _known_full_name(d, reg, k + 2) if close == k + 3 else None
    if full is not None and full[1] == spans[k + 2][1] and len(full[0]) > len(gloss):
        gloss = full[0]
    return spans[k][0], spans[close][1], gloss, GLOSS


def _gloss_end(ctx: Ctx, u: Unit, k: int) -> int | None:
    """The token of the parenthesis closing a name glossing the pronoun at token k (see ``_gloss``)."""
    spans, n = ctx.idx.spans, len(ctx.idx.spans)
    close = next((j for j in range(k + 2, min(n, k + 3 + MAX_GLOSS_WORDS)) if ctx.surface(j) in "()"), None)
    if close is None or ctx.surface(close) != ")" or close == k + 2 or spans[close][1] > u.end:
        return None
    if not ctx.is_cap(k + 2) or not all(ctx.is_word(j) for j in range(k + 2, close)):
        return None
    return None if spans[k][0] > u.start and ctx.is_word(k - 1) and ctx.is_cap(k - 1) else close


def _pronoun_edit(d: Discourse, words: DiscourseWords, reg: Registry, u: Unit, k: int,
                  pronoun: str | None = None) -> tuple[str, str] | None:
    """The person a pronoun leading the claim (token k) stands for: outside quotes the discourse's
    subject (or the one person named before it); in quoted words, for "he"/"she" only, the one
    person of that gender named last before it (not before "’s": "He’s" would read as a possessive).
    ``pronoun``: the personal pronoun a possessive at token k stands for ("he" for "his")."""
    s, e = d.ctx.idx.spans[k]
    pronoun = pronoun or d.ctx.word(k)
    gendered = pronoun in words.gendered_pronouns
    if not u.quote and not d.in_quote(s):
        return _in_full(d.ctx, reg, _pronoun_referent(d, reg, u, s, pronoun if gendered else None))
    return _quoted_referent(d, s, u, pronoun) if gendered and d.ctx.text[e:e + 1] not in APOSTROPHES else None


def _possessive_edit(d: Discourse, words: DiscourseWords, reg: Registry, u: Unit, k: int) -> Edit | None:
    """ "His", "Her" opening the claim before a noun → the person's name and "’s" ("His campaign was
    throttled" → "Donald Trump’s campaign …"), found as for the pronoun of its gender
    (``_pronoun_edit``); the article's apostrophe."""
    ctx = d.ctx
    s, e = ctx.idx.spans[k]
    if s != u.start or k + 1 >= len(ctx.idx.spans) or not ctx.is_word(k + 1) or ctx.is_verb(k + 1):
        return None  # not the claim's first word, or no noun after it ("her to …": an object)
    found = _pronoun_edit(d, words, reg, u, k, ctx.L.possessive_pronouns[ctx.word(k)])
    if found is None:
        return None
    name = found[0]
    return s, e, name + _apostrophe(ctx) + ("" if name.endswith("s") else "s"), POSSESSIVE_PRONOUN


def _apostrophe(ctx: Ctx) -> str:
    """The article's apostrophe (typographic if it writes one anywhere), looked for once per article."""
    key = "standalone.apostrophe"
    mark = ctx.memo.get(key)
    if mark is None:
        mark = ctx.memo[key] = "’" if "’" in ctx.text else "'"
    return mark


def _first_person(ctx: Ctx, words: DiscourseWords, u: Unit, k: int) -> Edit | None:
    """ "saya" in a quote → the speaker's name, "kami" → the speaker's organisation, when said once;
    where verbs agree, "I" and the verb after it (see ``_agreeing``)."""
    w, (s, e) = ctx.word(k), ctx.idx.spans[k]
    if w not in words.first_person_singular:
        if not _once(ctx, words.first_person_plural, u) or _object_focus_agent(ctx, k) or _place_after(ctx, k):
            return None
        new = _organisation(ctx, u.speaker)
        return (s, e, *new) if new else None
    name = _speaker_name(u.speaker, FIRST_PERSON) if _once(ctx, words.first_person_singular, u) else None
    if name is None:
        return None
    agreement = _agreement(ctx.L.code)
    if agreement is None:
        return s, e, *name
    return _agreeing(ctx, k, name[0], agreement)


def _place_after(ctx: Ctx, k: int) -> bool:
    """Does a place preposition follow the pronoun at token k ("Kami di PWI akan …")? The office
    comes after it: "PWI Jawa Timur di PWI" would not read."""
    return k + 1 < len(ctx.idx.spans) and ctx.word(k + 1) in ctx.L.place_prepositions


def _object_focus_agent(ctx: Ctx, k: int) -> bool:
    """Is the pronoun at token k, after a word, the agent of a bare object-focus verb after it
    ("sudah kami salurkan", "yang kami dalami")? A name there would not read right ("akan PT KAI
    kembangkan"); one that opens its clause does ("Kami ingatkan …" → "KPK ingatkan …")."""
    before = ctx.word(k - 1) if k else ""
    if not (k and ctx.is_word(k - 1)) or (before,) in ctx.L.leading or before in ctx.L.subordinators:
        return False  # it opens its clause ("Tapi kami pastikan …", "ketika kami koordinasi …")
    j = k + 1
    while j < len(ctx.idx.spans) and ctx.word(j) in ctx.L.auxiliaries:
        j += 1
    return j < len(ctx.idx.spans) and ctx.is_verb(j) and not ctx.L.is_verb(ctx.word(j))


@dataclass(frozen=True)
class _Agreement:
    """The table's words for "I" and its verb (``agreeing_verbs`` and the keys after it)."""

    verbs: dict[str, str]
    same: frozenset[str]
    past_endings: tuple[str, ...]
    adverbs: frozenset[str]


@cache
def _agreement(lang: str) -> _Agreement | None:
    t = claims_table(lang)
    if not t.agreeing_verbs:
        return None
    return _Agreement({k.lower(): v for k, v in t.agreeing_verbs.items()}, frozenset(w.lower() for w in t.same_verbs),
                      tuple(t.past_endings), frozenset(w.lower() for w in t.agreement_adverbs))


def _agreeing(ctx: Ctx, k: int, name: str, agreement: _Agreement) -> Edit | None:
    """ "I" (or "I’m") at token k and the verb after it, rewritten for the speaker's name: "I have
    decided" → "X has decided", "I’m" → "X is", "I also pledged" → "X also pledged"; None before a
    verb whose form would change otherwise ("I think")."""
    s, e = ctx.idx.spans[k]
    if k > 0 and ctx.is_word(k - 1) and ctx.is_cap(k - 1) and not _opens_sentence(ctx, k - 1):
        return None  # a numeral closing a name: "World War I was …"
    if ctx.word(k) in agreement.verbs:  # "I’m": the subject and its verb in one word
        return s, e, f"{name} {agreement.verbs[ctx.word(k)]}", FIRST_PERSON
    j = k + 1
    while j < len(ctx.idx.spans) and ctx.word(j) in agreement.adverbs:
        j += 1
    if j >= len(ctx.idx.spans) or not ctx.is_word(j):
        return None
    verb = ctx.word(j)
    if verb in agreement.verbs:
        return s, ctx.idx.spans[j][1], f"{name}{ctx.text[e:ctx.idx.spans[j][0]]}{agreement.verbs[verb]}", FIRST_PERSON
    if verb in agreement.same or verb.endswith(agreement.past_endings):
        return s, e, name, FIRST_PERSON
    return None


def _once(ctx: Ctx, pronouns: frozenset[str], u: Unit) -> bool:
    """The speaker speaks of themself once in the claim: a name there reads right, several would
    not ("X percaya … yang X dengar")."""
    return sum(ctx.word(k) in pronouns for k in ctx.idx.between(u.start, u.end)) == 1


def _leads(ctx: Ctx, u: Unit, k: int) -> bool:
    """The pronoun is the claim's subject: among its first words ("Setelah itu, dia …")."""
    return ctx.words_between(ctx.idx.between(u.start, u.end).start, k) < LEADING_WORDS


def _referent(d: Discourse, pos: int, u: Unit, pronoun: str | None) -> tuple[str, str] | None:
    """``pronoun``: the gendered pronoun at ``pos`` (or the one its possessive stands for), None
    for a pronoun without gender."""
    k = d.sentence_index(pos)
    if k < 0 or d.unquoted_people(*d.sentences[k]):
        return None  # a person named in its own sentence may be the one meant
    ref = d.antecedent(pos, _gender_of(d, pronoun))
    if ref is None or not ref.name:
        return None
    if pronoun and pronoun not in d.pronouns.get(d.mentions.canonical(ref) or "", ()):
        return None  # "he" for someone the article never calls "he" (it may be "she")
    if any(m.entity == ref for m in d.mentions.between(u.start, u.end)):
        return None  # "he and Brafman": the claim names the one it would restate
    return d.mentions.full_name(ref).name or "", PRONOUN


def _gender_of(d: Discourse, pronoun: str | None) -> str | None:
    return discourse_words(d.ctx.L.code).genders.pronouns.get(pronoun) if pronoun else None


def _pronoun_referent(d: Discourse, reg: Registry, u: Unit, pos: int, pronoun: str | None) -> tuple[str, str] | None:
    """The person a pronoun leading the claim stands for: the discourse's subject, else (for a
    pronoun without gender) the one person named before it, else (for "he"/"she") the speaker whose
    cue the claim follows. ``pronoun``: the gendered pronoun (see ``_referent``)."""
    found = _referent(d, pos, u, pronoun) or (_reporting_speaker(d, reg, pos, u, _gender_of(d, pronoun)) if pronoun
                                              else _sole_person(d, reg, pos, u)
                                              or _reporting_speaker(d, reg, pos, u, None, genderless=True))
    return None if found and (_alias_in_claim(d.ctx, reg, u, found[0]) or _misread_name(d.ctx, found[0])) else found


def _misread_name(ctx: Ctx, name: str) -> bool:
    """Is the name a misreading of a title's place and a name (helper standalone, session 15): one
    opening with a place ("Taiwan Tsai Ing" of "Presiden Taiwan Tsai Ing-wen")?"""
    words = name.split()
    if len(words) < 2:
        return False
    first = words[0].lower()
    hit = ctx.L.gazetteer.get(first)
    return (hit is not None and hit[0] == "location") or first in _pair_table(ctx.L.code).aliases



def _alias_in_claim(ctx: Ctx, reg: Registry, u: Unit, name: str) -> bool:
    """Does the claim call the person by an alias ("Ia sempat makan bersama Jokowi": "Ia" is not
    Joko Widodo)?"""
    aliases = _people_aliases(ctx, reg)
    return bool(aliases) and any(_same_person(full, name) for w in WORD.findall(ctx.text[u.start:u.end])
                                 if (full := aliases.get(w.lower())))


def _reporting_speaker(d: Discourse, reg: Registry, pos: int, u: Unit, want: str | None,
                       genderless: bool = False) -> tuple[str, str] | None:
    """"he"/"she" opening reported words right after their speaker's name and cue, in one sentence:
    "Harry Reid says he will make an endorsement" → Harry Reid, when the article gives the speaker
    that gender (by a title, a given name or its own pronouns) and no other capitalised word stands
    between them (another person may be meant: "Clinton told Sanders he …"). Not before "’s": "He’s"
    would read as a possessive. A pronoun without gender (``genderless``: "Hidayat menuturkan dia
    membenarkan …", "Menurut Soemitro, dia berpesan …") needs no gender (helper standalone, session 15)."""
    sp, ctx = u.speaker, d.ctx
    if sp.kind != SpeakerKind.person or not sp.name or sp.mention is None or pos != u.start \
            or not sp.mention[1] <= pos or d.sentence_index(sp.mention[0]) != d.sentence_index(pos):
        return None
    k = ctx.idx.between(pos, pos + 1).start
    if ctx.text[ctx.idx.spans[k][1]:ctx.idx.spans[k][1] + 1] in APOSTROPHES \
            or not (genderless or _gender_known(d, sp, want)) \
            or not _only_cue_between(ctx, sp.mention[1], pos, commas=genderless):
        return None
    name = d.mentions.full_name(sp).name or sp.name
    if " " not in name and _family_names(ctx.L.code):
        name = _article_people(ctx, reg).get(name.lower(), name)  # "Sanders" → "Bernie Sanders"
    # "He had told Donald Trump …": the claim names them already, as another (a pronoun without
    # gender is the speaker's own in Indonesian reports: "Soemitro berpesan … menggantikan Soemitro")
    return None if _named_in_claim(ctx, u, name, genderless) else (name, REPORTING_SPEAKER)


def _named_in_claim(ctx: Ctx, u: Unit, name: str, genderless: bool = False) -> bool:
    """Does the claim's span hold every word of the name ("He had told Donald Trump …" for Donald
    Trump)? One word shared is as often another's ("the Clinton Foundation", "Eric Trump").
    ``genderless``: never (see ``_reporting_speaker``)."""
    if genderless:
        return False
    claim = {w.lower() for w in WORD.findall(ctx.text[u.start:u.end])}
    words = [w.lower() for w in name.split() if len(w) >= MIN_NAME_WORD]
    return bool(words) and all(w in claim for w in words)


def _only_cue_between(ctx: Ctx, start: int, end: int, commas: bool = False) -> bool:
    """A few lower-case words (a cue, "that", a day) between the speaker and the pronoun, and with
    ``commas`` commas after the cue ("Djarot mengatakan, dia …", "Menurut Soemitro, dia …"): a name,
    a quote or a clause there and the pronoun may be someone else's. English commas are left: "…,
    Mr. Manafort said, adding that he would …" reports what another did."""
    between = ctx.idx.between(start, end)
    return len(between) <= CUE_WORDS and all((ctx.is_word(j) or (commas and ctx.surface(j) == ","))
                                             and (not ctx.is_cap(j) or ctx.word(j) in ctx.L.time_words)
                                             for j in between)


def _gender_known(d: Discourse, sp: SpeakerRef, want: str | None) -> bool:
    """Is the speaker known to be of the pronoun's gender ``want`` (and not also of another)?"""
    others = set(discourse_words(d.ctx.L.code).genders.pronouns.values()) - {want}
    return want is not None and d.compatible(sp, want) and not any(d.compatible(sp, g) for g in others)


def _quoted_referent(d: Discourse, pos: int, u: Unit, pronoun: str) -> tuple[str, str] | None:
    """ "he"/"she" leading a claim in quoted words → the one person of that gender the article names
    before it, the speaker aside (a speaker says "I", not "he", of themself): "She has experience,"
    Groberg said → Hillary Clinton when she is the one woman named. People of unknown gender do not
    count; a second person of the gender and the pronoun is left."""
    want = _gender_of(d, pronoun)
    if want is None:
        return None
    starts, seen = _gendered_people(d, want)
    n = bisect_left(starts, pos)
    people = [name for name in (seen[n - 1] if n else ()) if not _same_person(name, u.speaker.name)]
    if len(people) != 1 or (n and len(seen[n - 1]) > MAX_KNOWN) or not _same_person(people[0], _last_other(d, pos, u)):
        return None  # one of that gender, and the last person named before it, the speaker aside
    claim = {w.lower() for w in WORD.findall(d.ctx.text[u.start:u.end])}
    if any(w.lower() in claim for w in people[0].split() if len(w) >= MIN_NAME_WORD):
        return None  # the claim names them already
    return people[0], QUOTED_PRONOUN


def _last_other(d: Discourse, pos: int, u: Unit) -> str | None:
    """The last person named before ``pos`` who is not the claim's speaker (of any gender, known
    or not: "… Ayotte's position …" before "She is standing with Trump," Hassan said)."""
    key = "standalone.people-mentions"
    found = d.ctx.memo.get(key)
    if found is None:
        hits = sorted((m.start, mentions.full_name(m.entity).name or "") for mentions in (d.mentions, d.named)
                      for m in mentions.found if m.entity.kind == SpeakerKind.person)
        found = d.ctx.memo[key] = ([h[0] for h in hits], [h[1] for h in hits])
    starts, names = found
    n = bisect_left(starts, pos)
    return next((names[j] for j in range(n - 1, max(-1, n - 1 - LOOK_BACK_MENTIONS), -1)
                 if names[j] and not _same_person(names[j], u.speaker.name)), None)


def _same_person(name: str, other: str | None) -> bool:
    a, b = name.lower(), (other or "").lower()
    return bool(b) and (_short_of(a, b) or _short_of(b, a))


def _gendered_people(d: Discourse, want: str) -> tuple[list[int], list[tuple[str, ...]]]:
    """(start of each mention of a person of gender ``want``, the distinct people of that gender
    named up to it: full names, MAX_KNOWN + 1 at most), in text order; found once per article."""
    key = ("standalone.gendered", want)
    found = d.ctx.memo.get(key)
    if found is None:
        hits = sorted((m.start, mentions.full_name(m.entity).name or "")
                      for mentions, genders in ((d.mentions, d.genders), (d.named, d.named_genders))
                      for m in mentions.found
                      if m.entity.kind == SpeakerKind.person
                      and genders.get(mentions.canonical(m.entity) or "") == want)
        starts: list[int] = []
        seen: list[tuple[str, ...]] = []
        names: tuple[str, ...] = ()
        for start, name in hits:
            if name and len(names) <= MAX_KNOWN and not any(_same_person(name, n) for n in names):
                names = (*names, name)
            starts.append(start)
            seen.append(names)
        found = d.ctx.memo[key] = (starts, seen)
    return found


def _sole_person(d: Discourse, reg: Registry, pos: int, u: Unit) -> tuple[str, str] | None:
    """The one person named outside quotes before a pronoun without gender, in its own sentence or
    else in the sentence before ("Polisi menetapkan Hilman Mattauch … sebagai tersangka. Ia …"),
    where the discourse finds no subject: a person named in passing, not as a speaker. Two people
    there, or a name that may be a second person's, and the pronoun is left."""
    k = d.sentence_index(pos)
    if k < 0:
        return None
    people = _people_between(d, reg, d.sentences[k][0], pos)
    if people == [] and k > 0:
        people = _people_between(d, reg, *d.sentences[k - 1])
    if people is None or len(people) != 1:
        return None
    name = people[0]
    claim = {w.lower() for w in WORD.findall(d.ctx.text[u.start:u.end])}
    if any(w.lower() in claim for w in name.split() if len(w) >= MIN_NAME_WORD):
        return None  # the claim names the one it would restate ("… kegiatan Obama")
    return name, SOLE_PERSON


def _people_between(d: Discourse, reg: Registry, start: int, end: int) -> list[str] | None:
    """The people named outside quotes in start..end (full names, a short form joined to its full
    one) the article knows as people (speakers, people with a role), or None when a capitalised word
    there may name another person: a name known by its shape alone ("Kramat Pela" may be a place),
    one the entities leave unlabelled ("Haryanto"), or a lone word opening the sentence the article
    capitalises inside sentences too ("Anton kembali menerangkan …"). A name after a word of place
    ("di Mapolsek Kebayoran Baru") names a place."""
    ctx = d.ctx
    first = d.sentences[d.sentence_index(start)][0]
    found = entities(ctx, reg, start, end, first)
    covered = {k for en in found for k in ctx.idx.between(en.start, en.end)}
    if any(_may_name_someone(ctx, k) for k in ctx.idx.between(start, end) if k not in covered):
        return None
    names: list[str] = []
    for ent in found:
        if d.in_quote(ent.start) or ent.label not in (EntityLabel.person, EntityLabel.other):
            continue
        if _after_place_word(ctx, ent.start):
            continue
        if ent.label == EntityLabel.other or ent.canonical is None:
            return None  # a name by its shape alone may be a place ("Kramat Pela") or another person
        names = _with_person(names, _full_person_name(ctx, reg, ent))
    return names


def _may_name_someone(ctx: Ctx, k: int) -> bool:
    """Is the capitalised word at token k, outside any entity, perhaps a person's name: one the article
    never writes in lower case, capitalised inside a sentence or opening one ("Ashor tak menjelaskan")?"""
    w = ctx.word(k)
    return ctx.is_cap(k) and ctx.is_word(k) and w not in ctx.L.time_words and w not in ctx.L.gazetteer \
        and not lower_elsewhere(ctx, w) and (_opens_sentence(ctx, k) or _capitalised_inside(ctx, w))


def _after_place_word(ctx: Ctx, pos: int) -> bool:
    k = ctx.idx.between(pos, pos + 1).start
    return k > 0 and ctx.word(k - 1) in ctx.L.place_prepositions



def _full_person_name(ctx: Ctx, reg: Registry, ent: Entity) -> str:
    name = _clean_name(ctx, POSSESSIVE.sub("", ent.canonical or ent.surface))
    return name if " " in name else _article_people(ctx, reg).get(name.lower(), name)


def _with_person(names: list[str], full: str) -> list[str]:
    """``names`` with one more person's name, a short form and its full name kept as one (the full)."""
    same = [n for n in names if _short_of(full.lower(), n.lower()) or _short_of(n.lower(), full.lower())]
    if not same:
        return [*names, full]
    return [full if n in same and len(full) > len(n) else n for n in names]


def _speaker_name(sp: SpeakerRef, rule: str) -> tuple[str, str] | None:
    if sp.kind != SpeakerKind.person or not sp.name:
        return None
    return sp.name, rule


def _organisation(ctx: Ctx, sp: SpeakerRef) -> tuple[str, str] | None:
    """ "kami" of a speaker whose organisation the article gives: that organisation."""
    found = _party(ctx, sp)
    return (found[0], found[1] if found[1] in ROLE_RULES else FIRST_PLURAL) if found else None


def _party(ctx: Ctx, sp: SpeakerRef) -> tuple[str, str] | None:
    if sp.kind == SpeakerKind.organisation and sp.name:
        return sp.name, PARTY
    if sp.kind == SpeakerKind.person and sp.organisation and _names_an_organisation(ctx, sp.organisation):
        return sp.organisation, PARTY
    if sp.kind != SpeakerKind.person:
        return None
    found = _role_organisation(ctx, sp)  # none, or a place
    return (found, ROLE_ORGANISATION) if found else office_of(ctx, sp)


def _opens_name(ctx: Ctx, words: list[str], i: int) -> bool:
    """Does words[i] open a person's name: an initial ("M") or the first word of a rank
    (``honorifics``: "Inspektur Jenderal")?"""
    w = words[i].rstrip(".").lower()
    if len(w) == 1:
        return True
    seqs = ctx.L.honorifics.by_first.get(w, ())
    return any(tuple(x.lower() for x in words[i:i + len(seq)]) == seq for seq in seqs)


def _role_organisation(ctx: Ctx, sp: SpeakerRef) -> str | None:
    """The organisation a speaker's role names after its title, from a word of ``organisation_heads``
    on ("Kepala Dinas Sosial DKI" → "Dinas Sosial DKI", "Kepala Badan Pengatur Jalan Tol (BPJT)" →
    "Badan Pengatur Jalan Tol"), when the speaker has none of their own (or only the region of
    their office: "Jawa Barat"): "kami" of the head of an office is the office."""
    words = PARENTHESIS.sub("", sp.role or "").split()
    first = next((i for i, w in enumerate(words) if i and w.lower() in ctx.L.organisation_heads), None)
    if first is not None:  # a rank or an initial after the office opens the person's name ("Inspektur Jenderal M")
        words = words[:next((i for i in range(first + 1, len(words)) if _opens_name(ctx, words, i)), len(words))]
    if first is None or first == len(words) - 1 or not words[-1][:1].isupper() \
            or not all(w[:1].isupper() or w.lower() in ctx.L.coordinators for w in words[first:]):
        return None  # a head word alone ("Kepala Dinas") names no one office; "Obat dan Makanan" is one
    name = " ".join(words[first:])
    return name if _names_an_organisation(ctx, name) else None


def _names_an_organisation(ctx: Ctx, name: str) -> bool:
    """Not a place the gazetteer knows: the region of a regional office ("Gubernur Jakarta",
    "Kapolda Sumatera Barat") is no "kami"."""
    hit = ctx.L.gazetteer.get(name.lower())
    return hit is None or hit[0] != "location"


def _full_name(d: Discourse, reg: Registry, k: int, named: set[str], start: int) -> Edit | None:
    """The full name for a short one, once per claim (the first mention). A short name of several
    words opening a sentence ("Wasserman Schultz stepped down") is restated whole, from its first
    word: not its last word alone ("Wasserman Debbie Wasserman Schultz")."""
    found = _known_full_name(d, reg, k)
    if found is None or _prefix_of_a_thing(d.ctx, k, found[0]):
        return None
    full, end, rule = found
    s, e = d.ctx.idx.spans[k]
    key = full.lower()
    if key in named or len(full) <= end - s or k + 1 >= len(d.ctx.idx.spans):
        named.add(key)
        return None
    named.add(key)
    if d.ctx.is_cap(k + 1) and d.ctx.idx.spans[k + 1][0] >= end:
        return None  # "Data Badan …": the word starts another name
    if _written_in_full(d.ctx.text, e, full) or _spelt_out_after(d.ctx.text, e, full):
        return None  # "Sen. Ted Cruz" is Ted Cruz already; so is "Agus (Agus Maftuh Abegebriel)"
    first = _lead(d.ctx, k, full)
    if first == k and _ends_another_name(d.ctx, k):
        return None  # "PT Adhi Karya" is not Budi Karya
    if end != e:
        return None  # a mention of several words is already the name as written
    return _after_courtesy_title(d.ctx, first, start), e, full, rule


def _prefix_of_a_thing(ctx: Ctx, k: int, full: str) -> bool:
    """Is the word at token k only the start of a word of the full name ("Papua" of "Papuan …",
    "Salah" of "Salahuddin", "Gempa" of "Gempabumi") and a word that names no one: a place, a word
    the article writes in lower case, or the head of an office's or a place's name ("Polres")? The
    short forms people go by ("Sandi" of Sandiaga) are none of these (helper standalone, session 15)."""
    w = POSSESSIVE.sub("", ctx.word(k))
    if not any(v.startswith(w) and v != w for v in POSSESSIVE.sub("", full.lower()).split()):
        return False  # a whole word of the name ("Clinton’s" of Hillary Clinton)
    L = ctx.L
    hit = L.gazetteer.get(w)
    return (hit is not None and hit[0] == "location") or w in _pair_table(L.code).aliases or lower_elsewhere(ctx, w) \
        or w in L.organisation_heads or w in L.location_heads or w in L.not_names


def _after_courtesy_title(ctx: Ctx, k: int, start: int) -> int:
    """Where the name at token k is written from: a courtesy title right before it ("Mr.", the
    table's ``courtesy_titles``) and inside the claim (from ``start``) goes with the short name,
    the full name says the rest."""
    j = k - 1 if k > 0 and ctx.surface(k - 1) == "." else k
    if j > 0 and ctx.word(j - 1) in ctx.L.courtesy_titles and ctx.is_cap(j - 1) \
            and ctx.idx.spans[j - 1][0] >= start:
        return ctx.idx.spans[j - 1][0]
    return ctx.idx.spans[k][0]


def _lead(ctx: Ctx, k: int, full: str) -> int:
    """The first token of the short name ending at token k (``_written_lead``). Inside a sentence
    the words before it may close a longer name, theirs, not this one's (``_ends_another_name``):
    token k alone, unless the full name opens with a given name ("Debbie Wasserman Schultz"; not
    "Vermonter Bernie Sanders", "Old San Juan": names the entities glued a word to)."""
    first = _written_lead(ctx, k, full)
    if first < k and not _opens_sentence(ctx, first) \
            and (_ends_another_name(ctx, first) or not _opens_with_given_name(ctx, full)):
        return k
    return first


def _opens_with_given_name(ctx: Ctx, full: str) -> bool:
    """Does the full name open with a given name of the language's table ("Debbie")?"""
    return full.split()[0].lower() in discourse_words(ctx.L.code).genders.names


def _written_lead(ctx: Ctx, k: int, full: str) -> int:
    """The first token of the full name's words written right before its last word at token k
    ("Wasserman" of "Debbie Wasserman Schultz" before "Schultz"); k when none is."""
    words = full.lower().split()[:-1]
    first = k
    while words and first > 0 and ctx.is_word(first - 1) and ctx.word(first - 1) == words[-1] \
            and ctx.text[ctx.idx.spans[first - 1][1]:ctx.idx.spans[first][0]] == " ":
        words.pop()
        first -= 1
    return first


def _known_full_name(d: Discourse, reg: Registry, k: int) -> tuple[str, int, str] | None:
    """(full name, end of the mention, rule) of the person a capitalised word at token k names: a
    speaker or titled person the discourse knows, else (where the language allows) someone the
    article names in full, by the family name or by the given name."""
    s, e = d.ctx.idx.spans[k]
    hit = next((m for m in d.mentions.between(s, s + 1) if m.start == s), None)
    if hit is not None and (hit.entity.kind != SpeakerKind.person or not hit.entity.name):
        return None
    full, end = (d.mentions.full_name(hit.entity).name or "", hit.end) if hit else ("", e)
    if len(full) <= end - s and end == e:
        found = _article_full_name(d.ctx, reg, k)
        if found is not None:
            return found[0], end, found[1]
    return (full, end, FULL_NAME) if full else None


def _article_full_name(ctx: Ctx, reg: Registry, k: int) -> tuple[str, str] | None:
    """(full name, rule) of someone the article names in full, for the word at token k alone: by
    the family name or, where people go by it, the given name (as the language's table says); else
    by an alias the article gives the person (``_alias_full_name``)."""
    if _family_names(ctx.L.code):
        full = _family_name(ctx, reg, k)
        if full:
            return full, FULL_NAME
    elif _given_names(ctx.L.code):
        full = _given_name(ctx, reg, k)
        if full:
            return full, GIVEN_NAME
    full = _alias_full_name(ctx, reg, k)
    return (full, ALIAS) if full else None


def _alias_full_name(ctx: Ctx, reg: Registry, k: int) -> str | None:
    """The full name of the person the word at token k calls by an alias (``_people_aliases``):
    not the alias in its own parentheses ("Basuki Tjahaja Purnama (Ahok)"), nor one joined by a
    hyphen to another name (a ticket: "Ahok - Djarot") or inside a role."""
    full = _people_aliases(ctx, reg).get(ctx.word(k))
    if full is None or (k > 0 and ctx.surface(k - 1) == "(") or _in_pair(ctx, k) or _inside_role(ctx, k):
        return None
    end = ctx.idx.spans[k][1]
    if full.lower() in ctx.text[end:end + ALIAS_GLOSS + len(full)].lower():
        return None  # the full name glosses it right after ("Bamsoet, panggilan Bambang Soesatyo")
    return full


def _people_aliases(ctx: Ctx, reg: Registry) -> dict[str, str]:
    """Each alias (lower-cased) of one of the article's people → the full name: a word in
    parentheses right after the full name ("Basuki Tjahaja Purnama (Ahok)", "Susilo Bambang
    Yudhoyono (SBY)") and, where people are called so (the table's ``name_blends``), a capitalised
    word made of the starts of the name's words in order ("Jokowi" of Joko Widodo, "Bamsoet" of
    Bambang Soesatyo). An alias two people would share, or a word of someone's name, is none. The
    people are those the registry knows (speakers, people with a title): a capitalised run the
    entities call a person by its shape alone is as often an institution's name before its acronym
    ("Kredit Usaha Rakyat (KUR)", "Rapat Koordinasi Nasional (Rakornas)") or a place ("Samudera
    Pasifik" of "Sampai")."""
    key = "standalone.aliases"
    found = ctx.memo.get(key)
    if found is None:
        people = _registered_people(ctx, reg)
        by_alias: dict[str, set[str]] = {}
        for alias, name in (*_bracketed_aliases(ctx.text, people), *_blended_aliases(ctx, people)):
            by_alias.setdefault(alias, set()).add(name)
        name_words = {w for name in people for w in name.lower().split()}
        found = ctx.memo[key] = {a: next(iter(ns)) for a, ns in by_alias.items()
                                 if len(ns) == 1 and a not in name_words}
    return found


def _registered_people(ctx: Ctx, reg: Registry) -> list[str]:
    """The full names (two words or more) of the people the registry knows, without the words a
    sentence start or a title glued to them."""
    registered = (_clean_name(ctx, POSSESSIVE.sub("", ref.name or "")) for ref in reg.full.values()
                  if ref.kind == SpeakerKind.person)
    names = (_without_acronyms(n) for n in registered)
    return _longest_names(list(dict.fromkeys(n for n in names if 1 < len(n.split()) <= MAX_NAME_TOKENS)))


# an alias in parentheses: a capitalised word, not an acronym ("(KPK)": an office's, more often) nor
# a party's letter ("(R)", "(D-Fla.)")
BRACKETED = re.compile(r"\(\s*([A-Z][a-z]{2,})\s*\)")


def _bracketed_aliases(text: str, people: list[str]) -> list[tuple[str, str]]:
    """(alias, full name) for each "Full Name (Alias)" of the article's people."""
    out = []
    for m in BRACKETED.finditer(text):
        before = text[max(0, m.start() - 80):m.start()].rstrip()
        out += [(m.group(1).lower(), _without_acronyms(name)) for name in people if before.endswith(name)]
    return out


def _without_acronyms(name: str) -> str:
    """The name without the acronyms a title glued to it ("DKI Basuki Tjahaja Purnama")."""
    words = name.split()
    while len(words) > 2 and words[0].isupper():
        words.pop(0)
    return " ".join(words)


ALIAS_GLOSS = 30  # characters at most between an alias and the full name that glosses it
MIN_BLEND = 5  # letters at least of a blended name ("Buwas" of Budi Waseso)
MIN_PIECE = 2  # letters at least each word of the name gives a blend


def _blended_aliases(ctx: Ctx, people: list[str]) -> list[tuple[str, str]]:
    """(alias, full name) for each capitalised word of the article that blends the starts of a
    person's name words (``_blend_of``), where the language's people are called so. Not a word the
    article writes in lower case, a place's or a word of the gazetteer."""
    if not claims_table(ctx.L.code).name_blends or not people:
        return []
    by_start = _name_tails(people)
    return [(w, name) for w in sorted(_blend_candidates(ctx))
            for tail, name in by_start.get(w[:MIN_PIECE], ()) if _blend_of(w, tail, 0)]


def _name_tails(people: list[str]) -> dict[str, list[tuple[list[str], str]]]:
    """The first letters of each word of each name → (the name's words from it on, lower-cased;
    those words as written): a blend names the person from its first word on ("Setya Novanto" of
    "Rakyat Setya Novanto", a title's word glued to the name)."""
    by_start: dict[str, list[tuple[list[str], str]]] = {}
    for name in people:
        words = name.split()
        for i, w in enumerate(words):
            by_start.setdefault(w[:MIN_PIECE].lower(), []).append(([v.lower() for v in words[i:]], " ".join(words[i:])))
    return by_start


def _blend_candidates(ctx: Ctx) -> set[str]:
    """The article's capitalised words (lower-cased) that may be a blended name: long enough, all
    letters, never written in lower case, no place of the gazetteer and no function word."""
    words = {ctx.word(k) for k, cap in enumerate(ctx.idx.is_cap) if cap and len(ctx.word(k)) >= MIN_BLEND}
    return {w for w in words if w.isalpha() and w not in ctx.L.gazetteer and not lower_elsewhere(ctx, w)
            and not _function_word(ctx, w)}


def _function_word(ctx: Ctx, w: str) -> bool:
    """A word the language's tables know as no name ("Sampai" opening a sentence)."""
    L = ctx.L
    return w in L.subordinators or w in L.coordinators or w in L.auxiliaries or w in L.time_words \
        or w in L.not_names or w in L.focus_particles


def _blend_of(word: str, words: list[str], pieces: int) -> bool:
    """Is ``word`` a piece of each of ``words`` in order, two at least: a piece opens with the
    word's first MIN_PIECE letters and goes on with letters of the word in order ("jokowi": "joko"
    + "wi" of "joko widodo"; "bamsoet": "bam" + "soet" of "bambang soesatyo")?"""
    if not word:
        return pieces >= 2
    if not words or word[:MIN_PIECE] != words[0][:MIN_PIECE]:
        return False
    return any(_in_order(word[:n], words[0]) and _blend_of(word[n:], words[1:], pieces + 1)
               for n in range(MIN_PIECE, len(word) + 1))


def _in_order(piece: str, word: str) -> bool:
    """Are the letters of ``piece`` letters of ``word`` in the same order?"""
    letters = iter(word)
    return all(ch in letters for ch in piece)


def _spelt_out_after(text: str, end: int, full: str) -> bool:
    return text[end:end + len(full) + 4].lstrip(" \t(").lower().startswith(full.lower())


def _written_in_full(text: str, end: int, full: str) -> bool:
    before = text[max(0, end - len(full) - 4):end]  # a bounded look-back: the name and its "’s"
    return POSSESSIVE.sub("", before).lower().endswith(POSSESSIVE.sub("", full).lower())


def _family_name(ctx: Ctx, reg: Registry, k: int) -> str | None:
    """The full name of someone the article names in full but not in a cue ("Hillary Clinton" …
    "Clinton"), with the word's "’s" ("Smegielski’s")."""
    bare = POSSESSIVE.sub("", ctx.word(k))
    found = _article_people(ctx, reg).get(bare)
    return found + ctx.surface(k)[len(bare):] if found else None


@cache
def _family_names(lang: str) -> bool:
    return claims_table(lang).family_names


@cache
def _given_names(lang: str) -> bool:
    return claims_table(lang).first_names_alone


def _given_name(ctx: Ctx, reg: Registry, k: int) -> str | None:
    """The full name of someone the article names in full, for its first word alone ("Fredrich"
    after "Fredrich Yunadi"): not a word joined by a hyphen to another name (a ticket: "Deddy -
    Dedi"), nor a word the article writes in lower case or knows as a place."""
    w = ctx.word(k)
    full = _given_names_of_people(ctx, reg).get(w)  # few words are anyone's given name: ask first
    if full is None or lower_elsewhere(ctx, w) or w in ctx.L.gazetteer or _in_pair(ctx, k) or _inside_role(ctx, k):
        return None
    return full


def _given_names_of_people(ctx: Ctx, reg: Registry) -> dict[str, str]:
    key = "standalone.given-names"
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _people_by_given_name(ctx, reg)
    return found


def _in_full(ctx: Ctx, reg: Registry, found: tuple[str, str] | None) -> tuple[str, str] | None:
    """A pronoun's one-word referent ("Fredrich", as the discourse knows the subject) written as the
    one full name the article gives that given name ("Fredrich Yunadi"), where people go by it."""
    if found is None or " " in found[0] or not _given_names(ctx.L.code):
        return found
    return _given_names_of_people(ctx, reg).get(found[0].lower(), found[0]), found[1]


def _inside_role(ctx: Ctx, k: int) -> bool:
    """Is token k a word of a role opened before it ("Sosial" of "Menteri Sosial")?"""
    roles = ctx.L.roles
    return any(ctx.match_seq(j, roles, k + 1) == k + 1 - j for j in range(max(0, k - TITLE_REACH), k)
               if ctx.word(j) in roles.by_first)


def _in_pair(ctx: Ctx, k: int) -> bool:
    n = len(ctx.idx.spans)
    return (k > 0 and ctx.surface(k - 1) in HYPHENS) or (k + 1 < n and ctx.surface(k + 1) in HYPHENS)


def _people_by_given_name(ctx: Ctx, reg: Registry) -> dict[str, str]:
    """Each first word of the article's people's full names → the full name, when one name has it
    (see ``_given_name_of``) and no organisation or place of the article has the word."""
    by_word: dict[str, set[str]] = {}
    people = list(dict.fromkeys(_people_names(ctx, reg)))
    known = set(people)
    for name in _longest_names(people):
        if _given_name_of(ctx, name, known):
            by_word.setdefault(name.split()[0].lower(), set()).add(name)
    others = _other_entity_words(ctx, reg)
    return {w: next(iter(ns)) for w, ns in by_word.items() if len(ns) == 1 and w not in others}


def _given_name_of(ctx: Ctx, name: str, known: set[str]) -> bool:
    """Does the name's first word stand for it: every word written capitalised wherever the article
    writes it (a word also written in lower case makes a thing of it: "Gempa Bumi", "Permendag
    Nomor"), no acronym, title, place or people's word first, and not a word glued to another name
    the article writes ("Purwakarta Dedi Mulyadi" beside "Dedi Mulyadi")?"""
    words = name.split()
    w, L = words[0].lower(), ctx.L
    if len(words) > MAX_GIVEN_NAME_WORDS or len(w) < MIN_NAME_WORD or words[0].isupper() \
            or " ".join(words[1:]) in known or any(lower_elsewhere(ctx, v) for v in words):
        return False
    return not (_titled(ctx, words) or _group_word(ctx, w) or w in _pair_table(L.code).aliases
                or w in L.gazetteer or w in L.location_heads or w in L.organisation_heads or w in L.not_names)


def _titled(ctx: Ctx, words: list[str]) -> bool:
    """Does a word of the name open a role or an honorific ("Pemasaran Pak Koeshartono": a title
    glued to the name before it)?"""
    L = ctx.L
    return any(v.lower() in L.roles.by_first or v.lower() in L.honorifics.by_first for v in words)


def _other_entity_words(ctx: Ctx, reg: Registry) -> set[str]:
    """The words of the article's entities that are no person ("Qatar" of "Qatar Airways", "Dulux"
    written alone where "Dulux Paint" reads as a person's name): such a word may name a thing, and
    a given name written alone inside a sentence is one of them unless the article knows the person
    by it (a speaker "Fredrich" is a person wherever the word stands)."""
    out: set[str] = set()
    for first, last in ctx.sentences():
        for ent in entities(ctx, reg, first, last, first):
            if ent.label != EntityLabel.person:
                out.update(WORD.findall(ent.surface.lower()))
    return out


def _article_people(ctx: Ctx, reg: Registry) -> dict[str, str]:
    """Each family name of the article's people (as its entities name them: "Sen. Ted Cruz",
    "Hillary Clinton") → the full name, when only one has it once the names that are short forms
    of another are left out ("Wasserman Schultz" of "Debbie Wasserman Schultz")."""
    key = "standalone.article-people"
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _people_by_word(ctx, reg)
    return found


def _people_by_word(ctx: Ctx, reg: Registry) -> dict[str, str]:
    """Only the family name stands for the name here: a first word is as often a place or a thing
    that opens a longer name ("Uruguay Rodolfo Nin Novoa", "Saudi Cs") as a given name."""
    names = list(dict.fromkeys(part for name in _people_names(ctx, reg) if (part := _person_part(ctx, name))))
    longest = _longest_names(names)
    by_word: dict[str, set[str]] = {}
    for name in longest:
        w = name.lower().split()[-1]
        # "the Granite State", "Kota Bekasi": a place's head word names no one
        if len(w) >= MIN_NAME_WORD and w not in ctx.L.not_names and w not in ctx.L.particles \
                and w not in ctx.L.location_heads and w not in ctx.L.organisation_heads:
            by_word.setdefault(w, set()).add(name)
    return {w: next(iter(ns)) for w, ns in by_word.items() if len(ns) == 1}


def _person_part(ctx: Ctx, name: str) -> str | None:
    """The name without the words for a people, a faith or a party's members that open it
    ("Republican Donald Trump" is Donald Trump); None when what is left is no full name or ends
    in such a word ("Arab Israeli", "Muslim Americans", "House Republicans": groups, whose last
    word is no one's family name). A title and a family name ("Secretary Clinton") name no one
    but the person the family name stands for: no second person to tell from the full name."""
    words = name.split()
    while words and _group_word(ctx, words[0]):
        words.pop(0)
    if len(words) == 2 and _titled(ctx, words[:1]):
        return None
    return " ".join(words) if len(words) >= 2 and not _group_word(ctx, words[-1]) else None


def _group_word(ctx: Ctx, word: str) -> bool:
    """Is the word one for a people, a faith or a party's members (``demonyms``, ``member_nouns``
    and their plurals)?"""
    L, low = ctx.L, word.lower()
    single = low.removesuffix(L.plural_suffix) if L.plural_suffix else low
    return low in L.demonyms or low in L.member_nouns or single in L.member_nouns


def _longest_names(names: list[str]) -> list[str]:
    """The names that are no short form of another ("Wasserman Schultz" of "Debbie Wasserman
    Schultz"), in order. A name is looked up only against the names holding a word its first word
    is or opens (``_names_by_word_start``): one pass, not every pair (a long article names
    thousands of people), and not every name sharing the first letters of a word either: those
    grow with the article too."""
    lowered = [name.lower() for name in names]
    by_start = _names_by_word_start(list(dict.fromkeys(lowered)))
    written: dict[str, list[str]] = {}  # each lower-cased name → the names written so
    for name, low in zip(names, lowered, strict=True):
        written.setdefault(low, []).append(name)
    out = []
    for name, low in zip(names, lowered, strict=True):
        pool = by_start.get(low.split()[0], {})
        if not any(_short_of(low, other) and any(o != name for o in written[other]) for other in pool):
            out.append(name)
    return out


def _people_names(ctx: Ctx, reg: Registry) -> list[str]:
    """The full names (two words or more) of the people of the article. A name that opens a
    sentence loses its first word when the rest is a name the article writes too ("Using Ted
    Cruz's …" is Ted Cruz), and is left out when its first word is capitalised only there
    ("Another Muslim", "Plus Democrats")."""
    names: dict[str, bool] = {}  # name → it only opens sentences
    for first, last in ctx.sentences():
        for ent in entities(ctx, reg, first, last, first):
            name = _person_name(ctx, ent)
            if name is not None:
                opens = not any(ch.isalnum() for ch in ctx.text[first:ent.start])  # "– Using Ted Cruz? –"
                names[name] = names.get(name, True) and opens
    out = []
    for name, opens in names.items():
        given, rest = name.split(" ", 1)
        if opens and rest in names:
            out.append(rest)
        elif not opens or _capitalised_inside(ctx, given.lower()):
            out.append(name)
    return list(dict.fromkeys(out))


def _person_name(ctx: Ctx, ent: Entity) -> str | None:
    """The entity's name when it is a person's full name: not a quoted title ("''Francesco
    Excommunicates Trump,'' declared La Stampa") nor a possessive and its noun ("Erdogan’s Turkey")."""
    if ent.label != EntityLabel.person or mark_before(ctx.text, ent.start) in OPENING:
        return None
    name = _clean_name(ctx, POSSESSIVE.sub("", ent.canonical or ent.surface))
    if not 1 < len(name.split()) <= MAX_NAME_TOKENS or "\n" in name or INNER_POSSESSIVE.search(name):
        return None
    return name


def _capitalised_inside(ctx: Ctx, word: str) -> bool:
    """Is the word written capitalised after another word somewhere (a name, not a common word
    that only opens sentences)?"""
    return any(p > 0 and ctx.is_cap(p) and ctx.is_word(p - 1) for p in ctx.positions(word))


def _clean_name(ctx: Ctx, name: str) -> str:
    """A name without the capitalised words a sentence start glued to it ("Kini Doha"): words the
    article also writes in lower case."""
    words = name.split()
    while len(words) > 1 and lower_elsewhere(ctx, words[0]):
        words.pop(0)
    return " ".join(words)


def _ends_another_name(ctx: Ctx, k: int) -> bool:
    """Does the short name at token k close a longer capitalised name ("PT Adhi Karya", "George
    W. Bush")? Not when the word before it opens its sentence ("Keputusan Trump …": capitalised as
    a first word) or the words before it are a title or honorific ("Menteri Perhubungan Budi")."""
    if k >= 2 and ctx.surface(k - 1) == "." and INITIALS.fullmatch(ctx.surface(k - 2)):
        return True  # after initials: "W. Bush", "H.W. Bush"
    if k == 0 or not (ctx.is_word(k - 1) and ctx.is_cap(k - 1)) or _opens_sentence(ctx, k - 1):
        return False
    L = ctx.L
    return not any(ctx.match_seq(j, seqs, k) == k - j
                   for j in range(max(0, k - TITLE_REACH), k) for seqs in (L.roles, L.honorifics))


def _opens_sentence(ctx: Ctx, k: int) -> bool:
    start = ctx.idx.spans[k][0]
    before = ctx.text[max(0, start - 16):start].rstrip(" \t")[-1:]  # a bounded look-back
    return before in SENTENCE_BOUNDARIES


INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")
SENTENCE_BOUNDARIES = frozenset({"", ".", "!", "?", "\n", '"', "“", "”", "("})
TITLE_REACH = 4  # words at most in a title before a name ("Menteri Koordinator Bidang Kemaritiman")


def _demonstrative(d: Discourse, words: DiscourseWords, k: int) -> Edit | None:
    """A noun and its demonstrative: dropped after a name, or the noun restated with the name the
    article gave it before."""
    ctx = d.ctx
    if k == 0 or not ctx.is_word(k - 1):
        return None
    noun = ctx.word(k - 1)
    if noun in words.anaphoric_nouns or noun in words.not_nouns or ctx.is_verb(k - 1):
        return None
    s, e = ctx.idx.spans[k]
    if k >= 2 and (ctx.word(k - 2) in words.quantifiers or ctx.word(k - 2)[:1].isdigit() or "-" in ctx.word(k - 2)):
        return None  # "ketiga partai tersebut": several things, not the one named last
    if ctx.is_cap(k - 1) and k >= 2 and ctx.is_word(k - 2):
        return s, e, "", DEMONSTRATIVE  # "putusan MK tersebut": a name needs no pointer
    return _restated(d, k - 1, e)


def _restated(d: Discourse, k: int, end: int) -> Edit | None:
    """The noun at token k up to ``end`` (its demonstrative) restated: with the name the article
    gave it before, else (for a noun that is no kind of named thing) with its description."""
    ctx = d.ctx
    noun, pos = ctx.word(k), ctx.idx.spans[k][0]
    name = _named_before(d, noun, pos)
    if name is not None:
        return pos, end, name, DEMONSTRATIVE
    described = None if noun in ctx.L.named_kinds else _described_before(d, noun, pos)
    if described is None:
        return None
    # the noun as the claim writes it: "sketsa tersebut" → "sketsa wajah", not "Sketsa wajah"
    return pos, end, ctx.surface(k) + described[len(noun):], DESCRIPTION


def _named_before(d: Discourse, noun: str, pos: int) -> str | None:
    """The last "noun Name …" written before ``pos`` (the noun as the article wrote it), within a
    line, where the noun is not itself part of a name ("Badan … Bencana Daerah")."""
    key = ("standalone.named", noun)
    named = d.ctx.memo.get(key)
    if named is None:  # every "noun Name" of the article once: a walk per call was quadratic
        named = d.ctx.memo[key] = _noun_names(d.ctx, noun)
    starts, names = named
    n = bisect_left(starts, pos)
    return names[n - 1] if n else None


MAX_DESCRIPTION = 4
MIN_DESCRIPTIONS = 2  # times the article writes a description before it stands for the noun


def _described_before(d: Discourse, noun: str, pos: int) -> str | None:
    """The last description of the noun written before ``pos`` ("bencana angin puting beliung" for
    "bencana tersebut"), when the article writes it at least MIN_DESCRIPTIONS times: its own term
    for the thing. Written once, the words after a noun are as often a predicate or an aside
    ("inflasi tertinggi", "hukum tentu") or another thing of the same kind ("negara anggota" for
    "negara ini")."""
    key = ("standalone.described", noun)
    found = d.ctx.memo.get(key)
    if found is None:
        found = d.ctx.memo[key] = _noun_descriptions(d.ctx, noun)
    starts, phrases, written = found
    n = bisect_left(starts, pos)
    if not n:
        return None
    last = phrases[n - 1]
    return last if written[last.lower()] >= MIN_DESCRIPTIONS else None


def _noun_descriptions(ctx: Ctx, noun: str) -> tuple[list[int], list[str], Counter[str]]:
    """(start, description) of each place where ``noun`` is followed by the words that describe
    it ("bencana angin puting beliung", "kasus penyiraman air keras"): words up to a function word,
    a verb, a number or a mark, at most MAX_DESCRIPTION, not itself pointed to ("sidang ini"); and
    how often each is written, pointed to or not (lower-cased)."""
    stops = _description_stops(ctx.L.code)
    written: Counter[str] = Counter()
    if noun in stops:
        return [], [], written  # "kalau itu", "selama itu": no noun
    spans = ctx.idx.spans
    starts, phrases = [], []
    for k in ctx.positions(noun):
        j = k + 1
        while j < len(spans) and j - k <= MAX_DESCRIPTION and _describes(ctx, j, stops):
            j += 1
        if j == k + 1 or j - k > MAX_DESCRIPTION or (j < len(spans) and _cut_short(ctx, j)):
            continue
        phrase = ctx.phrase(k, j)
        written[phrase.lower()] += 1
        if not (j < len(spans) and _points(ctx, j)):
            starts.append(spans[k][0])
            phrases.append(phrase)
    return starts, phrases, written


def _cut_short(ctx: Ctx, j: int) -> bool:
    """Does token j, right after a description, show it cut inside a name ("kereta cepat Al -
    Haramain")?"""
    return ctx.surface(j) in HYPHENS and ctx.is_cap(j - 1)


HYPHENS = frozenset({"-", "–"})


def _describes(ctx: Ctx, j: int, stops: frozenset[str]) -> bool:
    """Can token j go on describing the noun before it (a content word after a single space, not
    a pronoun nor a word with the pronoun suffix: "rumah mereka", "industri baja khususnya")?"""
    w = ctx.word(j)
    suffix = ctx.L.pronoun_suffix
    return ctx.is_word(j) and w not in stops and not w[:1].isdigit() and not _points(ctx, j) \
        and not (suffix and w.endswith(suffix)) and not ctx.is_verb(j) \
        and ctx.text[ctx.idx.spans[j - 1][1]:ctx.idx.spans[j][0]] == " "


def _points(ctx: Ctx, j: int) -> bool:
    """A demonstrative, also with a particle ("inilah")."""
    w = ctx.word(j)
    return any(w.startswith(dem) for dem in ctx.L.demonstratives)


@cache
def _description_stops(lang: str) -> frozenset[str]:
    """Words that end a noun's description: the table's ``description_stops`` and the function
    words the language lists elsewhere."""
    L, t = _lang.get(lang), claims_table(lang)
    people = (*t.first_person_singular, *t.first_person_plural, *t.referring_pronouns, *t.party_pronouns)
    return frozenset(w.lower() for w in (*t.description_stops, *t.quantifiers, *t.not_nouns, *people)) \
        | L.subordinators | L.coordinators | L.auxiliaries | L.focus_particles | L.relative | L.time_words \
        | L.copulas | L.pronoun_speakers | L.plural_pronouns


@cache
def _definites(lang: str) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    t = claims_table(lang)
    return (frozenset(w.lower() for w in t.definite_articles),
            {n.lower(): frozenset(h.lower() for h in heads) for n, heads in t.named_by_head.items()})


def _definite(d: Discourse, u: Unit, k: int) -> Edit | None:
    """The common noun after the definite article at token k ("the party’s") restated as the one
    name of its kind the article wrote before ("the Democratic Party’s"), unless the claim names it."""
    ctx = d.ctx
    j = k + 1
    if j >= len(ctx.idx.spans) or not ctx.is_word(j) or ctx.is_cap(j):
        return None
    s, e = ctx.idx.spans[j]
    surface = ctx.surface(j)
    bare = POSSESSIVE.sub("", surface)
    heads = _definites(ctx.L.code)[1].get(bare.lower())
    if heads is None or e > u.end:
        return None
    name = _one_name_before(ctx, heads, s)
    if name is None or name.lower() in ctx.text[u.start:u.end].lower():
        return None
    if mark_before(ctx.text, ctx.idx.spans[k][0]) in OPENING:
        return None  # a quoted phrase ("the party of overwhelming government") is the speaker's words
    return s, e, name + surface[len(bare):], DEFINITE


def _one_name_before(ctx: Ctx, heads: frozenset[str], pos: int) -> str | None:
    """The name ending in one of ``heads`` written before ``pos``, when the article wrote only one."""
    key = ("standalone.kind-names", heads)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _kind_names(ctx, heads)
    names = {name.lower(): name for start, name in found if start < pos}
    return next(iter(names.values())) if len(names) == 1 else None


def _kind_names(ctx: Ctx, heads: frozenset[str]) -> list[tuple[int, str]]:
    """(start, name) of each capitalised name whose last word is one of ``heads`` ("Democratic
    Party"), in the article's order."""
    found = (_name_ending(ctx, k) for k in sorted(p for head in heads for p in ctx.positions(head)))
    return [hit for hit in found if hit is not None]


def _name_ending(ctx: Ctx, k: int) -> tuple[int, str] | None:
    """The capitalised name ending at token k, without a leading article or words the article
    writes in lower case elsewhere (a headline's "Clinton Tells Democratic Party"); not a name in
    capitals (a headline's "GROWING PARTY") nor one going on after k ("Party Platform")."""
    spans, articles = ctx.idx.spans, _definites(ctx.L.code)[0]
    if not ctx.is_cap(k) or ctx.surface(k).isupper() or (k + 1 < len(spans) and _goes_with(ctx, k + 1)):
        return None
    i = k
    while i > 0 and k - i < MAX_NAME_TOKENS and _goes_with(ctx, i) and ctx.is_word(i - 1):
        i -= 1
    while i < k and (ctx.word(i) in articles or lower_elsewhere(ctx, ctx.word(i))):
        i += 1
    return (spans[i][0], ctx.phrase(i, k + 1)) if i < k else None


def _goes_with(ctx: Ctx, k: int) -> bool:
    """Do tokens k-1 and k make one name: both capitalised, a single space between?"""
    return ctx.is_cap(k) and ctx.is_cap(k - 1) and ctx.text[ctx.idx.spans[k - 1][1]:ctx.idx.spans[k][0]] == " "


def _noun_names(ctx: Ctx, noun: str) -> tuple[list[int], list[str]]:
    """(start, name) of each place where ``noun`` is followed by a name, in the article's order."""
    text, spans = ctx.text, ctx.idx.spans
    starts, names = [], []
    for k in ctx.positions(noun):
        if ctx.is_cap(k) and k > 0 and text[spans[k - 1][1]:spans[k][0]].strip() == "" and ctx.is_word(k - 1):
            continue  # a capitalised noun after a word: a name or a headline
        j = k + 1
        while j < len(spans) and j - k <= MAX_NAME_TOKENS and ctx.is_cap(j) \
                and "\n" not in text[spans[j - 1][1]:spans[j][0]]:
            j += 1
        if j > k + 1 and j - k <= MAX_NAME_TOKENS:
            starts.append(spans[k][0])
            names.append(ctx.phrase(k, j))
    return starts, names


def apply_edits(text: str, u: Unit, edits: list[Edit]) -> Unit:
    """The unit with each edit made in its text where the edited words can be found there."""
    claim = u.text
    rules = list(u.rules)
    spots: list[tuple[int, int, str]] = []
    for s, e, new, rule in edits:
        if s < u.start or e > u.end:
            continue  # the text was rewritten around the word: leave it
        found, nth, written = _occurrences(text, u, claim, s, e)
        if len(found) != written or nth >= len(found):
            continue
        a, b = found[nth]
        spots.append((len(claim[:a].rstrip()) if not new else a, b, new))
        if rule not in rules:
            rules.append(rule)
    for a, b, new in sorted(_apart(spots), reverse=True):
        claim = claim[:a] + new + claim[b:]
    if claim == u.text:
        return u
    return replace(u, text=standalone([claim]), rules=tuple(rules))


def _apart(spots: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The rewrites that do not overlap one opened before them or a longer one at the same place
    ("Dia (Novel)" → "Novel" keeps no rewrite of "Novel" inside it): two would garble the text."""
    out: list[tuple[int, int, str]] = []
    for a, b, new in sorted(spots, key=lambda x: (x[0], -x[1])):
        if not out or a >= out[-1][1]:
            out.append((a, b, new))
    return out


def _occurrences(text: str, u: Unit, claim: str, s: int, e: int) -> tuple[list[tuple[int, int]], int, int]:
    """The spans where the word ``text[s:e]`` stands alone in the claim's text, which of the
    article's occurrences in the unit's span it is (0 for the first), and how many the span holds
    (as ``_word_re`` finds them). An ASCII word in text without the few characters that match an
    ASCII letter in any case (``_FOLDS_TO_ASCII``) is found by lower-cased search, without a
    pattern made for it: compiling one per restated word was the cost."""
    word = text[s:e]
    area = text[max(0, u.start - 1):u.end]  # the character before the span bounds its first word
    if word and word.isascii() and not _FOLDS_TO_ASCII.search(area) and not _FOLDS_TO_ASCII.search(claim):
        low = word.lower()
        found = [(a, a + len(word)) for a in _alone(claim, low, 0, len(claim))]
        return found, len(_alone(text, low, u.start, s)), len(_alone(text, low, u.start, u.end))
    old = _word_re(word)
    return ([m.span() for m in old.finditer(claim)], len(old.findall(text, u.start, s)),
            len(old.findall(text, u.start, u.end)))


# The only characters outside ASCII that IGNORECASE matches to an ASCII letter (İ ı ſ K); no
# other character lower-cases to ASCII or changes length
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _alone(hay: str, low: str, pos: int, endpos: int) -> list[int]:
    """Where the ASCII word ``low`` (lower case) starts, standing alone, in ``hay[pos:endpos]``
    with no case, as ``_word_re`` finds it with ``pos`` and ``endpos``: the character before
    ``pos`` bounds a word, none after ``endpos`` does."""
    base = max(0, pos - 1)
    seg = hay[base:endpos].lower()
    n, out = len(low), []
    p = seg.find(low, pos - base)
    while p >= 0:
        q = p + n
        at = p + base  # the bounds are read on the text as written: no word character or hyphen
        if (at == 0 or not (hay[at - 1] in _JOINING or hay[at - 1].isalnum())) \
                and (q == len(seg) or not (hay[at + n] in _JOINING or hay[at + n].isalnum())):
            out.append(at)
            p = seg.find(low, q)
        else:
            p = seg.find(low, p + 1)
    return out


_JOINING = frozenset("_-")  # with the letters and digits (``str.isalnum``): ``[\\w-]``


@lru_cache(maxsize=4096)
def _word_re(word: str) -> re.Pattern[str]:
    # cached here: names outnumber the slots of ``re``'s own cache, and compiling is the cost
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class _Pairs:
    """The table's phrases for two countries (``pair_references``) and the names they stand for."""

    phrases: dict[tuple[str, ...], str]  # the phrase's words → its standalone form ("{} dan {}")
    firsts: frozenset[str]
    names: re.Pattern[str] | None  # any country name, longest first
    aliases: dict[str, str]  # a name as written (lower-cased) → the country's name
    stops: frozenset[str]


@cache
def _pair_table(lang: str) -> _Pairs:
    t = claims_table(lang)
    phrases = {tuple(p.lower().split()): form for p, form in t.pair_references.items()}
    written = sorted({*t.countries, *t.country_aliases}, key=len, reverse=True)
    names = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, written)) + r")(?![\w-])") if written else None
    aliases = {n.lower(): n for n in t.countries} | {a.lower(): n for a, n in t.country_aliases.items()}
    return _Pairs(phrases, frozenset(p[0] for p in phrases), names, aliases,
                  frozenset(w.lower() for w in t.pair_reference_stops))


def _country_pair(ctx: Ctx, u: Unit, k: int) -> Edit | None:
    """ "kedua negara" at token k → the two countries the article names before it, in the order it
    first names them, when it names exactly two: with more the phrase may mean any two of them."""
    pairs = _pair_table(ctx.L.code)
    for words, form in pairs.phrases.items():
        j = k + len(words)
        if j > len(ctx.idx.spans) or tuple(ctx.word(i) for i in range(k, j)) != words:
            continue
        if (j < len(ctx.idx.spans) and ctx.word(j) in pairs.stops) or ctx.idx.spans[j - 1][1] > u.end:
            return None  # "kedua negara bagian": two states, not two countries
        s = ctx.idx.spans[k][0]
        named = _countries_before(ctx, pairs, s)
        return (s, ctx.idx.spans[j - 1][1], form.format(*named), COUNTRY_PAIR) if len(named) == 2 else None
    return None


def _countries_before(ctx: Ctx, pairs: _Pairs, pos: int) -> list[str]:
    """The distinct countries the article names before ``pos``, in the order it first names them; not
    one after a place and a comma ("di KTT G20, Hamburg, Jerman"): where something happened, not a party."""
    key = "standalone.countries"
    found = ctx.memo.get(key)
    if found is None:
        hits = pairs.names.finditer(ctx.text) if pairs.names else ()
        found = ctx.memo[key] = [(m.start(), pairs.aliases[m.group().lower()]) for m in hits
                                 if not _after_place(ctx.text, pairs, m.start())]
    return list(dict.fromkeys(name for start, name in found if start < pos))


def _after_place(text: str, pairs: _Pairs, pos: int) -> bool:
    """Is the country at ``pos`` written after a capitalised name and a comma that is no country
    ("Hamburg, Jerman"), not an item of a list of countries ("Korea Selatan, Jepang")?"""
    m = PLACE_BEFORE.search(text, max(0, pos - 40), pos)
    if m is None or pairs.names is None:
        return False
    return not any(c.end() == m.end(1) for c in pairs.names.finditer(text, max(0, m.end(1) - 40), m.end(1)))


def _organisation_subject(d: Discourse, u: Unit, k: int) -> Edit | None:
    """ "it" at token k opening a claim outside quotes, right after its organisation speaker's
    mention and cue ("Hillary Clinton’s campaign said it is looking …") → the organisation as written
    there. Not an "it" with no subject's role ("it was possible that …", "it would be hard to …")."""
    ctx, sp = d.ctx, u.speaker
    s, e = ctx.idx.spans[k]
    if u.quote or d.in_quote(s) or sp.kind != SpeakerKind.organisation or sp.mention is None or not u.cue:
        return None
    if ctx.idx.between(u.start, u.end).start != k or not 0 <= s - sp.mention[1] <= CUE_REACH:
        return None
    between = ctx.text[sp.mention[1]:s]
    if any(mark in between for mark in ".!?\n\"“”") or u.cue.lower() not in WORD.findall(between.lower()):
        return None  # the pronoun does not follow the organisation's own cue
    if _expletive(ctx, k):
        return None
    return s, e, _as_written(ctx, sp), ORGANISATION_PRONOUN


def _as_written(ctx: Ctx, sp: SpeakerRef) -> str:
    """The organisation as the mention writes it ("the State Department") when the mention is its
    name with at most a definite article before it; else its name ("YouTube", not "A spokeswoman for
    YouTube")."""
    written = ctx.text[sp.mention[0]:sp.mention[1]] if sp.mention else ""
    name = sp.name or written
    before = written[:len(written) - len(name)].strip().lower() if written.lower().endswith(name.lower()) else None
    return written if before is not None and (not before or before in _definites(ctx.L.code)[0]) else name


def _expletive(ctx: Ctx, k: int) -> bool:
    """Is the pronoun at token k followed by a copula (past auxiliaries) and a word that is no
    participle ("it was possible", "it would be hard"), where it stands for no one? An ending
    that is a whole word ("-ed" of "red") is rare after a copula here: taken as a participle."""
    L, j, n = ctx.L, k + 1, len(ctx.idx.spans)
    while j < n and ctx.word(j) in L.auxiliaries and ctx.word(j) not in L.passive_auxiliaries:
        j += 1
    if j >= n or ctx.word(j) not in L.passive_auxiliaries:
        return False
    j += 1
    while j < n and ctx.word(j) in L.auxiliaries:
        j += 1
    return j >= n or not ctx.word(j).endswith(_participle_endings(L.code))


@cache
def _participle_endings(lang: str) -> tuple[str, ...]:
    """The endings of participles ("is looking", "was hacked"): the time table's present and past endings."""
    t = claims_table(lang).time_text
    return tuple(t.present_endings) + tuple(t.past_endings) if t else ()
