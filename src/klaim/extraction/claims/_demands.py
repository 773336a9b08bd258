"""Demands and advice: "Desmond mendesak Menkumham mencopot Dirjen" is Desmond's position.

A demand verb ("meminta", "mendesak", "menyarankan") with an object and then a clause ("massa
aksi memahami surat maklumat itu") states what its subject wants done: the claim is the subject's,
and it keeps the verb, since the demand and not the demanded act is what the subject asserts (the
act did not happen). With a plain object ("meminta keterangan saksi", "meminta uang jasa") the
verb is an act the outlet reports, and the claim stays the outlet's.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from klaim.extraction.claims._claim_unit import Unit, standalone
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._speakers import Registry, speaker_from_np
from klaim.extraction.claims._table import claims_table
from klaim.schema import SpeakerKind

DEMAND = "attribution.demand"
WISH_DEMAND = "attribution.wish-demand"
SUBJECT_WORDS = 8  # a subject phrase is at most this long
CLAUSE_REACH = 8   # words at most in the object before the demanded clause's verb
BRACKETS = frozenset("()")  # an abbreviation in brackets inside the object ("Badan … (BPN)")


@cache
def demand_cues(lang: str) -> frozenset[str]:
    t = claims_table(lang)
    return frozenset(w.lower() for w in t.demand_cues)


def demand_speaker(ctx: Ctx, reg: Registry, u: Unit) -> Unit:
    """``u`` given to its subject when it is a demand of someone that a clause follows."""
    cues = demand_cues(ctx.L.code)
    if not cues or u.quote:
        return u
    toks = ctx.idx.between(u.start, u.end)
    if cues.isdisjoint(ctx.idx.lower[toks.start:toks.stop]):
        return u  # most claims: no demand cue, looked for at once rather than token by token
    cue = next((k for k in toks if ctx.word(k) in cues), None)
    if cue is None or not _demands_a_clause(ctx, cue, toks.stop):
        return u
    i, j = _subject(ctx, toks.start, cue)
    if j <= i or (j - i == 1 and ctx.word(i) in ctx.L.plural_pronouns):
        return u  # "Mereka meminta …": left for a later "Hal itu disampaikan X" to name
    speaker = speaker_from_np(ctx, reg, i, j, ctx.surface(cue))
    if speaker is None or speaker.kind == SpeakerKind.publisher:
        return u
    return replace(u, speaker=speaker, spans=[ctx.span(i, cue + 1)], cue=speaker.cue,
                   rules=("unit.attributed", DEMAND, *((speaker.via,) if speaker.via else ())))


def _subject(ctx: Ctx, lo: int, cue: int) -> tuple[int, int]:
    """The subject phrase before the demand verb (past a leading phrase closed by a comma and the
    verb's auxiliaries): a noun phrase of a few words with no verb, preposition, relative pronoun
    or coordinator in it ("calo yang meminta …", "Arie kemudian meminta …" narrate an act)."""
    commas = [k for k in range(lo, cue) if ctx.word(k) == ","]
    lo = commas[-1] + 1 if commas else lo
    j = _verb_group_start(ctx, lo, cue)
    if j is None:
        return lo, lo
    i = lo + ctx.match_seq(lo, ctx.L.leading, j)
    while i < j and not ctx.is_word(i):
        i += 1
    words = [k for k in range(i, j) if ctx.is_word(k)]
    return (i, j) if words and len(words) <= SUBJECT_WORDS and all(_in_np(ctx, k) for k in words) else (lo, lo)


def _verb_group_start(ctx: Ctx, lo: int, cue: int) -> int | None:
    """Where the auxiliaries before the verb start; None when one marks a narrated act ("sempat
    meminta waktu") or a sequence ("kemudian meminta")."""
    L = ctx.L
    j = cue
    while j > lo and ctx.word(j - 1) in L.auxiliaries:
        if L.event_markers.pattern.fullmatch(ctx.word(j - 1)) or ctx.word(j - 1) in L.coordinators:
            return None
        j -= 1
    return j


def _in_np(ctx: Ctx, k: int) -> bool:
    L, w = ctx.L, ctx.word(k)
    return not (w in L.np_stops or w in L.relative or w in L.coordinators or ctx.is_verb(k))


def _demands_a_clause(ctx: Ctx, cue: int, hi: int) -> bool:
    """After the verb: [a comma or a recipient word,] an object, then a wish complementiser, a
    purpose word and a verb ("semua pihak untuk menerima"), or a verb ("massa aksi memahami")."""
    L = ctx.L
    k = cue + 1
    if k < hi and ctx.word(k) == ",":
        k += 1
    if k < hi and ctx.word(k) in L.recipient_words:
        k += 1
    words = 0
    for n in range(k, hi):
        w = ctx.word(n)
        if w in L.wish_complementisers:
            return n + 1 < hi
        if w in L.subject_breakers and n > k:
            return n + 1 < hi and ctx.is_verb(n + 1)
        if _ends_object(ctx, w, n):
            return False
        if n > k and ctx.is_verb(n):
            return True
        words += ctx.is_word(n)
        if words >= CLAUSE_REACH:
            return False
    return False


def _ends_object(ctx: Ctx, w: str, n: int) -> bool:
    """A token after which no demanded clause follows: punctuation (brackets aside), a relative
    pronoun, a subordinator or a preposition."""
    L = ctx.L
    if not ctx.is_word(n):
        return w not in BRACKETS
    return w in L.relative or w in L.subordinators or w in L.fact_subordinators \
        or (w in L.np_stops and w not in L.list_coordinators)


def wish_demand(ctx: Ctx, u: Unit) -> Unit:
    """``u`` kept with its cue when the speaker's verb introduces it with a wish complementiser
    ("Sri Mulyani menegaskan agar proyek LRT bebas dari korupsi"): what follows "agar" is what the
    speaker wants to be so, not what is so, and cut from its verb it reads as a fact. The claim
    starts at the verb (the guideline's span of a demand), and its text keeps the speaker."""
    if u.quote or not u.spans or u.cue is None:
        return u
    first = ctx.idx.between(u.start, u.end).start
    cue = first - 2
    if cue < 0 or ctx.word(first - 1) not in ctx.L.wish_complementisers or ctx.word(cue) != u.cue.lower():
        return u
    start = ctx.idx.spans[cue][0]
    said = u.spans[0][0]
    if not said <= start < u.start:
        return u
    return replace(u, start=start, text=standalone([_named_subject(ctx, u, said, start), ctx.text[start:u.end]]),
                   rules=(*u.rules, WISH_DEMAND))


def _named_subject(ctx: Ctx, u: Unit, said: int, cue: int) -> str:
    """The words before the verb, with the speaker's name for a pronoun that opens them ("Ia
    mengingatkan agar …" of Suwardi)."""
    k = ctx.idx.between(said, cue).start
    if u.speaker.name and ctx.word(k) in ctx.L.pronoun_speakers:
        return u.speaker.name + ctx.text[ctx.idx.spans[k][1]:cue]
    return ctx.text[said:cue]
