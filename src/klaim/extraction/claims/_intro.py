"""Quotes introduced by a colon: "Cruz continued:", "Ia mengatakan:" and the quote after it.

A speaker and a speech verb closed by a colon hand the quote that follows to that speaker, in
the same sentence or as a block quote opening the next paragraph. Attribution reads one sentence
at a time and so misses the block quote; and verbs that only introduce a quote this way
("continued") are no cue elsewhere ("he continued to press"). The rule lives here, over the
sentence's tokens, and names its speaker with attribution's speaker phrases.
"""

from __future__ import annotations

from functools import cache

from klaim.extraction.claims._attribution import Attribution, Registry, speaker_from_np
from klaim.extraction.claims._context import OPENING, Ctx
from klaim.extraction.claims._table import check_claims_table
from klaim.extraction.lang import table_source
from klaim.schema import SpeakerKind

COLON_INTRO = "attribution.colon-intro"
CUE_REACH = 6     # tokens at most between the cue and its colon ("told The Huffington Post:")
SPEAKER_REACH = 10  # tokens at most in the speaker phrase before the cue
NAMED = (SpeakerKind.person, SpeakerKind.organisation)


@cache
def speech_cues(lang: str) -> frozenset[str]:
    """The speech verbs that are cues before their content wherever they stand."""
    t = check_claims_table(*table_source(lang, "claims"))
    return frozenset(w.lower() for w in t.pre_cues)


@cache
def colon_cues(lang: str) -> frozenset[str]:
    """Verbs that introduce a quote after a colon: the speech cues (those after their content
    too: "he added:") and the colon-only ones."""
    t = check_claims_table(*table_source(lang, "claims"))
    return speech_cues(lang) | frozenset(w.lower() for w in (*t.post_cues, *t.colon_cues))


def colon_intros(ctx: Ctx, reg: Registry, s: int, e: int) -> list[Attribution]:
    """Attributions of sentence [s, e) that end in a colon before an opening quote mark; each
    names the quote by where it opens (``quote_open``), which may be in the next paragraph."""
    out = []
    for k in ctx.idx.between(s, e):
        if ctx.word(k) != ":":
            continue
        opens = _quote_after(ctx.text, ctx.idx.spans[k][1])
        if opens is None:
            continue
        att = _intro_before(ctx, reg, ctx.idx.between(s, e).start, k)
        if att is not None:
            att.quote_open = opens
            out.append(att)
    return out


def _quote_after(text: str, pos: int) -> int | None:
    """Where a quote opens right after ``pos``, across spaces and a paragraph break."""
    rest = len(text[pos:pos + 8]) - len(text[pos:pos + 8].lstrip())
    at = pos + rest
    return at if at < len(text) and text[at] in OPENING else None


def _intro_before(ctx: Ctx, reg: Registry, lo: int, colon: int) -> Attribution | None:
    """The speaker and cue ending at token ``colon`` (the sentence opens at token ``lo``):
    "<speaker> <cue> [recipient]:"."""
    cues = colon_cues(ctx.L.code)
    cue = next((k for k in range(colon - 1, max(lo - 1, colon - 1 - CUE_REACH), -1) if ctx.word(k) in cues), None)
    if cue is None or any(not ctx.is_word(t) or ctx.word(t) in ctx.L.complementisers for t in range(cue + 1, colon)):
        return None
    j = cue
    while j > lo and ctx.word(j - 1) in ctx.L.auxiliaries:
        j -= 1
    i = _phrase_start(ctx, lo, j)
    if i >= j:
        return None
    speaker = speaker_from_np(ctx, reg, i, j, ctx.surface(cue))
    if speaker is None or (ctx.word(cue) not in speech_cues(ctx.L.code) and speaker.kind not in NAMED):
        return None  # "The list of demands continued:": a verb that is no pre-cue elsewhere needs someone
    return Attribution(speaker, ctx.span(i, colon), None, rule=COLON_INTRO)


def _phrase_start(ctx: Ctx, lo: int, j: int) -> int:
    """The start of the speaker phrase ending before token ``j``: after the last punctuation,
    subordinator or clause coordinator, and past leading connectives."""
    L = ctx.L
    i = j
    while i > lo and j - i < SPEAKER_REACH:
        w = ctx.word(i - 1)
        if not ctx.is_word(i - 1) or w in L.subordinators or w in L.clause_coordinators:
            break
        i -= 1
    if j - i >= SPEAKER_REACH and i > lo:
        return j  # a run-on clause, not a speaker phrase
    return i + ctx.match_seq(i, L.leading, j)
