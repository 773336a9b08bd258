"""Quotes introduced by a colon: "Cruz continued:", "Ia mengatakan:" and the quote after it.

A speaker and a speech verb closed by a colon hand the quote that follows to that speaker, in
the same sentence or as a block quote opening the next paragraph. Attribution reads one sentence
at a time and so misses the block quote; and verbs that only introduce a quote this way
("continued") are no cue elsewhere ("he continued to press"). The rule lives here, over the
sentence's tokens, and names its speaker with attribution's speaker phrases.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache

from klaim.extraction.claims._attribution import Attribution
from klaim.extraction.claims._attribution import _speaker_before_cue as speaker_before_cue
from klaim.extraction.claims._context import OPENING, Ctx
from klaim.extraction.claims._speakers import PUBLISHER, Registry, SpeakerRef, speaker_from_np
from klaim.extraction.claims._table import claims_table
from klaim.extraction.text import quote_mark
from klaim.schema import SpeakerKind

COLON_INTRO = "attribution.colon-intro"
COLON_SUBJECT = "attribution.colon-subject"
CUE_REACH = 6     # tokens at most between the cue and its colon ("told The Huffington Post:")
SPEAKER_REACH = 10  # tokens at most in the speaker phrase before the cue
NAMED = (SpeakerKind.person, SpeakerKind.organisation)


@cache
def speech_cues(lang: str) -> frozenset[str]:
    """The speech verbs that are cues before their content wherever they stand."""
    t = claims_table(lang)
    return frozenset(w.lower() for w in t.pre_cues)


@cache
def colon_cues(lang: str) -> frozenset[str]:
    """Verbs that introduce a quote after a colon: the speech cues (those after their content
    too: "he added:") and the colon-only ones."""
    t = claims_table(lang)
    return speech_cues(lang) | frozenset(w.lower() for w in (*t.post_cues, *t.colon_cues))


def colon_intros(ctx: Ctx, reg: Registry, s: int, e: int) -> list[Attribution]:
    """Attributions of sentence [s, e) that end in a colon before an opening quote mark; each
    names the quote by where it opens (``quote_open``), which may be in the next paragraph."""
    out = []
    toks = ctx.idx.between(s, e)
    colons = ctx.positions(":")  # the article's colons, found once: most sentences have none
    for k in colons[bisect_left(colons, toks.start):bisect_left(colons, toks.stop)]:
        opens = _quote_after(ctx.text, ctx.idx.spans[k][1])
        if opens is None:
            continue
        lo = toks.start
        att = _intro_before(ctx, reg, lo, k) or _subject_before(ctx, reg, lo, k)
        if att is not None:
            att.quote_open = opens
            out.append(att)
    return out


def _quote_after(text: str, pos: int) -> int | None:
    """Where a quote opens right after ``pos``, across spaces and a paragraph break."""
    rest = len(text[pos:pos + 8]) - len(text[pos:pos + 8].lstrip())
    at = pos + rest
    return at if at < len(text) and quote_mark(text, at) in OPENING else None


def _intro_before(ctx: Ctx, reg: Registry, lo: int, colon: int) -> Attribution | None:
    """The speaker and cue ending at token ``colon`` (the sentence opens at token ``lo``):
    "<speaker> <cue> [recipient]:"."""
    cue = _colon_cue(ctx, lo, colon)
    if cue is None:
        return None
    j = cue
    while j > lo and ctx.word(j - 1) in ctx.L.auxiliaries:
        j -= 1
    i = _phrase_start(ctx, lo, j)
    if i < j and ctx.word(i) in ctx.L.np_stops and i > lo and ctx.is_verb(i - 1):
        return _verb_subject_intro(ctx, reg, lo, i - 1, cue, colon, COLON_INTRO)  # "went on to say:"
    opening, i = i, _past_relative_opener(ctx, i, j)  # the introduction starts at ``opening`` all the same
    if i >= j:
        return None
    speaker = speaker_from_np(ctx, reg, i, j, ctx.surface(cue))
    if speaker is None or (ctx.word(cue) not in speech_cues(ctx.L.code) and speaker.kind not in NAMED):
        return None  # "The list of demands continued:": a verb that is no pre-cue elsewhere needs someone
    return Attribution(speaker, ctx.span(opening, colon), None, rule=COLON_INTRO)


def _past_relative_opener(ctx: Ctx, i: int, j: int) -> int:
    """Token i moved past a preposition and relative pronoun that open the phrase ("to which
    O'Malley interjected:", "in which Adelson said:")."""
    while i < j and (ctx.word(i) in ctx.L.np_stops or ctx.word(i) in ctx.L.relative):
        i += 1
    return i


def _colon_cue(ctx: Ctx, lo: int, colon: int) -> int | None:
    """The cue a few words before the colon at token ``colon``, with only words between."""
    cues = colon_cues(ctx.L.code)
    cue = next((k for k in range(colon - 1, max(lo - 1, colon - 1 - CUE_REACH), -1) if ctx.word(k) in cues), None)
    if cue is None or any(not ctx.is_word(t) or ctx.word(t) in ctx.L.complementisers for t in range(cue + 1, colon)):
        return None
    return cue


def _verb_subject_intro(ctx: Ctx, reg: Registry, lo: int, verb: int, cue: int, colon: int,
                        rule: str) -> Attribution | None:
    """ "She went on to say:", "O'Malley, who …, interjected to say:": the cue is the infinitive
    of the verb at token ``verb``, whose subject is the speaker (not the particles between)."""
    phrase = speaker_before_cue(ctx, lo, verb)
    if phrase is None or phrase.start >= phrase.end:
        return None
    end = next((t for t in range(phrase.start + 1, phrase.end - 1)
                if ctx.word(t) == "," and ctx.word(t + 1) in ctx.L.relative), phrase.end)  # past "…, who …,"
    speaker = speaker_from_np(ctx, reg, phrase.start, end, ctx.surface(cue))
    if speaker is None or speaker.kind not in NAMED:
        return None
    start = phrase.start if end == phrase.end else verb  # the relative clause is a claim of its own
    return Attribution(speaker, ctx.span(start, colon), None, rule=rule)


def _subject_before(ctx: Ctx, reg: Registry, lo: int, colon: int) -> Attribution | None:
    """The named subject of the clause closed by the colon, whatever its verb ("Cruz called them
    on it:"): news introduces a block quote with what its speaker did."""
    start = colon
    while start > lo and ctx.is_word(start - 1):
        start -= 1
    verb = next((k for k in range(start, colon) if ctx.is_verb(k)), None)
    if verb is None:
        return None
    j = verb
    while j > start and ctx.word(j - 1) in ctx.L.auxiliaries:
        j -= 1
    i = start + ctx.match_seq(start, ctx.L.leading, j)
    if i >= j or j - i > SPEAKER_REACH:
        return None
    speaker = speaker_from_np(ctx, reg, i, j, ctx.surface(verb))
    if speaker is None or speaker.kind not in NAMED or not speaker.name:
        return None
    return Attribution(speaker, ctx.span(i, colon), None, rule=COLON_SUBJECT)


def _phrase_start(ctx: Ctx, lo: int, j: int) -> int:
    """The start of the speaker phrase ending before token ``j``: after the last punctuation,
    subordinator, clause coordinator or verb ("Here is what the mayor wrote:"), and past leading
    connectives."""
    L = ctx.L
    i = j
    while i > lo and j - i < SPEAKER_REACH:
        w = ctx.word(i - 1)
        if not ctx.is_word(i - 1) or w in L.subordinators or w in L.clause_coordinators or ctx.is_verb(i - 1):
            break
        i -= 1
    if j - i >= SPEAKER_REACH and i > lo:
        return j  # a run-on clause, not a speaker phrase
    return i + ctx.match_seq(i, L.leading, j)


HEADLINE = "attribution.headline-source"


def headline_source(ctx: Ctx, reg: Registry, s: int, e: int) -> Attribution | None:
    """A title line "John McCain: Republican anger appeals to …" (sentence [s, e) opening the
    article): what follows the colon is the named person's or organisation's, when the article
    names them again below (so "The Latest:", "Poll:", "Clinton Wades In:" name no one)."""
    toks = ctx.idx.between(s, e)
    colon = next((k for k in toks[:SPEAKER_REACH] if ctx.word(k) == ":"), None)
    if colon is None or colon == toks.start or colon + 1 >= toks.stop:
        return None
    speaker = _title_speaker(ctx, reg, toks.start, colon)
    if speaker is None or not _named_below(ctx.text, speaker.name or "", e):
        return None
    end = toks.stop
    while end > colon + 1 and not ctx.is_word(end - 1):
        end -= 1
    return Attribution(speaker, ctx.span(toks.start, colon + 1), ctx.span(colon + 1, end), rule=HEADLINE)


def _title_speaker(ctx: Ctx, reg: Registry, lo: int, colon: int) -> SpeakerRef | None:
    """The person or organisation a title names before its colon, if the words are a name alone."""
    if not all(_name_token(ctx, k) for k in range(lo, colon)):
        return None  # "Clinton to Planned Parenthood:", "CNN President On Trump:": not a name alone
    speaker = speaker_from_np(ctx, reg, lo, colon, ctx.surface(colon))
    if speaker is None or speaker.kind not in NAMED or not speaker.name:
        return None
    if speaker.kind == SpeakerKind.person and ctx.word(lo) in ctx.L.np_articles:
        return None  # "The Latest:": no person's name takes an article
    return speaker


def _name_token(ctx: Ctx, k: int) -> bool:
    """A token of a name in a title: a capitalised word that is no preposition or possessive, or
    the full stop of an initial or a title ("Dr.")."""
    if not ctx.is_word(k):
        return ctx.word(k) == "."
    w = ctx.word(k)
    return ctx.is_cap(k) and w not in ctx.L.np_stops and not w.endswith(("'s", "’s"))


def _named_below(text: str, name: str, after: int) -> bool:
    """Every word of ``name`` is written again, capitalised, after the title."""
    body = text[after:]
    return all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", body) for w in name.split())


INTERVIEW_ANSWER = "attribution.interview-answer"
INTERVIEW_QUESTION = "attribution.interview-question"
INTRO_REACH = 200  # tokens of an interview's title and introduction searched for the interviewee's name


@cache
def _interview_marks(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The table's marks of an interview's question and answer paragraphs ("Q:", "A:")."""
    t = claims_table(lang)
    if not t.interview_question or not t.interview_answer:
        return None
    return re.compile(t.interview_question, re.M), re.compile(t.interview_answer)


@functools.lru_cache(maxsize=8)
def _first_question(text: str, lang: str) -> int | None:
    """Where the first question paragraph of an interview opens (None: the article is no
    interview). Cached by text: every sentence of every answer asks."""
    marks = _interview_marks(lang)
    m = marks[0].search(text) if marks else None
    return m.start() if m else None


def interview_answer(ctx: Ctx, reg: Registry, para_start: int, s: int, e: int) -> Attribution | None:
    """A sentence of an answer paragraph ("A: I think it's in our interests.") of a question and
    answer interview: the interviewee's, the first person the article names with a title before
    its first question ("Q&A with Vice President Joe Biden"); a first-person subject of the
    sentence ("I think") is where the sentence names them."""
    marks = _interview_marks(ctx.L.code)
    answer = marks[1].match(ctx.text, para_start) if marks else None
    if answer is None:
        return _question_mark(ctx, marks[0] if marks else None, para_start, s, e)
    first = _first_question(ctx.text, ctx.L.code)
    interviewee = _interviewee(ctx, reg, first) if first is not None and first < para_start else None
    if interviewee is None:
        return None
    start = max(s, answer.end())
    toks = ctx.idx.between(start, e)
    if not toks:
        return None
    start = ctx.idx.spans[toks.start][0]
    mention = _first_person_subject(ctx, toks.start, toks.stop)
    speaker = replace(interviewee, mention=mention)
    mark = (para_start, para_start + len(answer.group().rstrip()))  # "A:", what names the turn's speaker
    return Attribution(speaker, mark, (start, e), rule=INTERVIEW_ANSWER)


def _question_mark(ctx: Ctx, question: re.Pattern[str] | None, para_start: int, s: int, e: int) -> Attribution | None:
    """ "Q: Bernie's a socialist.": what the interviewer states is the outlet's, without the mark
    that names the turn (a question itself is no claim, and is left alone)."""
    mark = question.match(ctx.text, para_start) if question is not None else None
    if mark is None or not s <= mark.start() < mark.end() < e or _asks(ctx, s, e):
        return None
    toks = ctx.idx.between(mark.end(), e)
    start = ctx.idx.spans[toks.start][0] if toks else e
    if ctx.text[mark.end():start].strip():
        return None  # "QThere's no shortage …": the mark is glued to a word the tokens keep whole
    return Attribution(PUBLISHER, (mark.start(), mark.end()), (start, e), rule=INTERVIEW_QUESTION)


def _asks(ctx: Ctx, s: int, e: int) -> bool:
    tail = ctx.text[s:e].rstrip("\"”’' ")
    return bool(ctx.L.non_claim_endings) and tail.endswith(ctx.L.non_claim_endings)


def _interviewee(ctx: Ctx, reg: Registry, first: int) -> SpeakerRef | None:
    """The first person named before the first question: with a title ("Vice President Joe
    Biden"), else by a name of two capitalised words or more ("Laura Bush sees hope …")."""
    if reg.mentions and reg.mentions[0][0] < first:
        return reg.mentions[0][1]
    toks = ctx.idx.between(0, first)
    k, stop = toks.start, min(toks.stop, toks.start + INTRO_REACH)
    while k < stop:
        j = k
        while j < stop and ctx.is_word(j) and ctx.is_cap(j) and ctx.word(j) not in ctx.L.np_stops:
            j += 1
        if j - k >= 2:
            speaker = speaker_from_np(ctx, reg, k, j, "")
            return speaker if speaker is not None and speaker.kind == SpeakerKind.person else None
        k = j + 1
    return None


def _first_person_subject(ctx: Ctx, k: int, stop: int) -> tuple[int, int] | None:
    """The first first-person pronoun of the sentence in tokens k..stop-1 ("I think …", "Well,
    I think …"): where the sentence names the interviewee."""
    first = first_person_words(ctx.L.code)
    t = next((t for t in range(k, stop) if ctx.word(t) in first), None)
    return ctx.span(t, t + 1) if t is not None else None


@cache
def first_person_words(lang: str) -> frozenset[str]:
    """The pronouns by which an interviewee names themself in an answer."""
    t = claims_table(lang)
    return frozenset(w.lower() for w in t.interview_first_person)
