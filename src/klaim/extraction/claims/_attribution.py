"""Who says what: attribution cues as named rules, and the attributions of one sentence."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from klaim.extraction.claims._context import CLOSING, DATELINE, Ctx
from klaim.extraction.claims._lang import Lang, Sequences
from klaim.extraction.claims._names import (
    earlier_author,
    headline_act,
    is_possessive_owner,
    opens_sentence,
)
from klaim.extraction.claims._rules import RuleSet
from klaim.extraction.claims._speaker_phrases import (
    AFTER_OPEN_QUOTE,
    BETWEEN_QUOTE_AND_CUE,
    FINAL_MARKS,
    PHRASE_WORDS,
    ROLE_LIST_ITEMS,
    SOURCE_WORDS,
    PhraseFillers,
    TokenRange,
    anaphoric_object,
    anonymity_clause_end,
    appositive_name,
    back_through_role_list,
    before_coordinated_cue,
    before_infinitive_opener,
    before_time_phrase,
    clause_start_before,
    comma_at,
    content_start_after_cue,
    cue_is_participle,
    describes_someone,
    determined_subject,
    dot_inside_name,
    end_before_adverb,
    end_before_auxiliaries,
    end_before_final,
    has_predicate,
    nickname_after,
    only_time_words,
    opens_clause_after,
    opens_no_subject,
    past_name_tag,
    place_at_end,
    run_start,
    set_off_insertion,
    set_off_subject,
    source_after_prefix,
    starts_predicate,
    subject_before,
    tail_end,
    time_run_edge,
)
from klaim.extraction.claims._speakers import (
    NAMED_ORGANISATION,
    Registry,
    SpeakerRef,
    appositive_speaker,
    before_home_place,
    is_anonymous,
    known_name_end,
    naming_participle,
    speaker_from_np,
    through_closing_description,
)
from klaim.extraction.claims._table import claims_table
from klaim.extraction.text import (
    CLOSE_QUOTES,
    STRAIGHT_QUOTE,
    closes_quote,
    mark_end,
    opens_quote,
)
from klaim.schema import SpeakerKind


def _closes(ctx: Ctx, t: int) -> bool:
    """Is token t (a mark of) a closing quote: ”, ", either apostrophe of ''?"""
    return closes_quote(ctx.text, ctx.idx.spans[t][0])


_CLOSING_MARKS = frozenset(CLOSE_QUOTES + STRAIGHT_QUOTE + "'")  # what closes_quote may say yes to


def _closers(ctx: Ctx) -> list[int]:
    """The article's tokens that are (marks of) closing quotes, ascending: found once, so that
    looking back from a cue for a quote is a bisection, not a walk over the tokens between."""
    hit = ctx.memo.get("attribution.closers")
    if hit is None:
        text, starts = ctx.text, ctx.idx.starts
        # only tokens that open with a character that may close a quote are asked
        hit = ctx.memo["attribution.closers"] = [t for t, w in enumerate(ctx.idx.lower)
                                                 if w[0] in _CLOSING_MARKS and closes_quote(text, starts[t])]
    return hit


def _last_closer(ctx: Ctx, lo: int, end: int) -> int | None:
    """The last closing-quote token among tokens lo..end-1, if any."""
    closers = _closers(ctx)
    n = bisect_left(closers, end)
    return closers[n - 1] if n and closers[n - 1] >= lo else None


def _closes_before(c: CueScan) -> bool:
    """Does a closing quote mark stand right before the cue?"""
    return c.prev in CLOSING or (c.prev == "'" and _closes(c.ctx, c.k - 1))


@dataclass
class Attribution:
    speaker: SpeakerRef
    span: tuple[int, int]            # the attribution clause: cue, speaker and what hangs on them
    content: tuple[int, int] | None  # character range of what is said (None: a quote's content)
    quote_end: int | None = None     # set when the content is the quote closing at this offset
    quote_open: int | None = None    # set when the content is the quote opening at this offset
    subject: str | None = None       # what subject-less content is about ("X itu, menurut Y, adalah …")
    subject_span: tuple[int, int] | None = None  # where that subject is written (not a claim of its own)
    anaphoric: bool = False          # "Hal itu disampaikan X": the sentence before is what X said
    rule: str = ""                   # name of the cue rule that found it
    fronted: bool = False            # subject_span is a fronted clause ("Jika …, kata X, …"), written before the text


def _np_end_after(ctx: Ctx, k: int, limit: int) -> int:
    """End (exclusive token index) of the speaker phrase that starts at token k."""
    end = k
    while end < limit and (ctx.is_word(end) or dot_inside_name(ctx, end, limit)):
        if ctx.word(end) in ctx.L.relative:
            # "pejabat yang tidak ingin disebutkan namanya": the clause is part of the phrase
            clause_end = anonymity_clause_end(ctx, end, limit)
            if clause_end is None:
                break
            end = clause_end
            continue
        if _ends_speaker_phrase(ctx, end, k):
            break
        end += 1
        if end - k >= PHRASE_WORDS:
            break
    return end


def _ends_speaker_phrase(ctx: Ctx, t: int, start: int) -> bool:
    """Does token t (of a phrase from token ``start``) end it: a boundary word, a verb that is
    no participle, or an auxiliary?"""
    L, word = ctx.L, ctx.word(t)
    if word in L.speaker_boundaries:
        return True
    return t > start and ((ctx.is_verb(t) and word not in L.np_participles) or word in L.auxiliaries
                          or _opens_next_phrase(ctx, t) or _cue_after_name(ctx, t))


def _cue_after_name(ctx: Ctx, t: int) -> bool:
    """ "said Sanders believes those efforts …": a speech or cognition verb right after a
    capitalised word is the next clause's verb, whatever the tagger says of it (helper enspk,
    session 14)."""
    return ctx.word(t) in ctx.L.pre_cues and not ctx.is_cap(t) and ctx.is_cap(t - 1)


def _opens_next_phrase(ctx: Ctx, t: int) -> bool:
    """ "told the AP her group never worked …": a possessive determiner right after a capitalised
    word (a name) opens the next phrase (not in "a spokesman for her campaign", "losing their jobs")."""
    return ctx.word(t) in ctx.L.possessive_determiners and ctx.is_cap(t - 1)


def _is_np(ctx: Ctx, i: int, j: int) -> bool:
    """Could tokens i..j-1 name a speaker? No verb, no clause; brackets ("(FPI)") are fine."""
    if not 0 < j - i <= ctx.L.speaker_max_tokens:
        return False
    phrase = ctx.phrase(i, j)
    if is_anonymous(ctx, phrase):
        return True
    for k in range(i, j):
        w = ctx.word(k)
        if not ctx.is_word(k):
            if w in "().-/&'’—–":
                continue
            return False
        if w in ctx.L.relative or (ctx.is_verb(k) and w not in ctx.L.np_participles) \
                or ctx.L.negated.pattern.fullmatch(w):
            return False
    return True


def _is_listed_np(ctx: Ctx, i: int, j: int) -> bool:
    """``_is_np``, or a name or title with a list of capitalised items inside it ("Badan
    Meteorologi, Klimatologi, dan Geofisika"): each piece between its commas could name one."""
    if _is_np(ctx, i, j):
        return True
    commas = [k for k in range(i, j) if ctx.word(k) == ","]
    if not commas or not 0 < j - i <= ctx.L.speaker_max_tokens:
        return False
    pieces = list(pairwise([i - 1, *commas, j]))  # each piece runs from after a comma to the next
    return all((b - a > 1 and ctx.is_cap(a + 1)) or ctx.word(a + 1) in ctx.L.list_coordinators
               for a, b in pieces) and all(_is_np(ctx, a + 1, b) for a, b in pieces)


def _outside_relatives(ctx: Ctx, i: int, j: int) -> Iterator[tuple[int, str, bool]]:
    """Each token of i..j-1 but relative pronouns and commas, with its word and whether it is inside
    a relative clause (which runs from its pronoun to the next comma)."""
    in_rel = False
    for k in range(i, j):
        w = ctx.word(k)
        if w in ctx.L.relative:
            in_rel = True
        elif w == ",":
            in_rel = False
        else:
            yield k, w, in_rel


def _has_main_verb(ctx: Ctx, i: int, j: int) -> bool:
    """A verb outside relative clauses ("nama calon yang dianggap tak memahami" has none)."""
    return any(not in_rel and ctx.is_verb(k) for k, _, in_rel in _outside_relatives(ctx, i, j))


def _clause_after(ctx: Ctx, i: int, j: int) -> bool:
    """A finite verb in i..j-1 outside relative clauses, not a nominalised one ("meninggalnya")."""
    suffix = ctx.L.pronoun_suffix or "\0"
    for k, w, in_rel in _outside_relatives(ctx, i, j):
        if w in ctx.L.copulas or w[:1].isdigit():
            return True  # "penyebab lain yang mungkin terjadi adalah …", "dari 14.686 notaris …"
        if not in_rel and ctx.is_verb(k) and not w.endswith(suffix):
            return True
    return False


def find_attributions(ctx: Ctx, reg: Registry, s: int, e: int,
                      quoted: list[tuple[int, int, int, int | None]]) -> list[Attribution]:
    """Attribution cues in sentence [s, e) outside quotes.

    ``quoted`` holds (open, content_start, content_end, close) of the quotes in the paragraph,
    in order (they do not overlap).
    """
    toks = ctx.idx.between(s, e)
    if not toks:
        return []
    lo, hi = toks.start, toks.stop
    in_quote = _quoted_tokens(ctx, lo, hi, [q for q in quoted if q[1] < e and q[2] > s])
    out: list[Attribution] = []
    clause_start = lo
    # only the tokens where a cue rule may fire are visited (most tokens of a sentence are none)
    candidates = _cue_candidates(ctx)
    c = bisect_left(candidates, lo)
    while c < len(candidates) and (k := candidates[c]) < hi:
        att = None if in_quote[k - lo] else _attribution_at(ctx, reg, k, lo, hi, clause_start, quoted,
                                                            out[-1] if out else None)
        if att is None:
            c += 1
            continue
        out.append(att)
        k = ctx.idx.between(att.span[0], att.span[1]).stop if att.span[1] > ctx.idx.spans[k][0] else k + 1
        clause_start = k
        c = bisect_left(candidates, k)
    return out


def _cue_candidates(ctx: Ctx) -> list[int]:
    """The article's tokens where ``_attribution_at`` may find a cue, ascending: a cue word, a
    prefix cue with the pronoun suffix, or any token a few after a closing quote mark (where a
    verb that is no cue may follow a quote). Found once per article by set look-ups, so that a
    sentence's scan visits these and not every token."""
    hit = ctx.memo.get("attribution.cue-candidates")
    if hit is not None:
        return hit
    L, lower = ctx.L, ctx.idx.lower
    cues, prefix, suffix = _cue_words(L), L.prefix_cues, L.pronoun_suffix
    # each distinct word is asked once; then the tokens are picked by set membership
    words = {w for w in set(lower) if w in cues or (suffix and w.endswith(suffix) and w[: -len(suffix)] in prefix)
             or w in L.document_prefix_cues}
    found = {k for k, w in enumerate(lower) if w in words}
    n = len(lower)
    for t in _closers(ctx):
        found.update(range(t + 1, min(n, t + 1 + _VERB_QUOTE_GAP)))
    hit = ctx.memo["attribution.cue-candidates"] = sorted(found)
    return hit


def _attribution_at(ctx: Ctx, reg: Registry, k: int, lo: int, hi: int, clause_start: int,
                    quoted: list[tuple[int, int, int, int | None]], before: Attribution | None) -> Attribution | None:
    """The attribution of the first cue rule that applies at token k, if it is a cue word."""
    L = ctx.L
    word = ctx.word(k)
    base = word[: -len(L.pronoun_suffix)] if L.pronoun_suffix and word.endswith(L.pronoun_suffix) else None
    if word not in _cue_words(L) and not (base and base in L.prefix_cues) and word not in L.document_prefix_cues \
            and not _verb_after_quote(ctx, k, lo):
        return None
    if cue_is_participle(ctx, k, lo) or headline_act(ctx, k) or naming_participle(ctx, k, lo):
        return None
    scan = CueScan(ctx, reg, k, lo, hi, clause_start, quoted, word, ctx.word(k - 1) if k > lo else "", base, before)
    fired = CUE_RULES.first(L.code, scan)
    if fired is None:
        return None
    rule, att = fired
    if att is not None:
        att.rule = att.rule or rule
    return att


def _quoted_tokens(ctx: Ctx, lo: int, hi: int, inside: list[tuple[int, int, int, int | None]]) -> list[bool]:
    """For tokens lo..hi-1, whether each starts inside a quote's content: one bisection per
    quote, not one scan of the quotes per token."""
    flags = [False] * (hi - lo)
    starts = ctx.idx.starts
    for _, q_start, q_end, _ in inside:
        for k in range(max(lo, bisect_left(starts, q_start, lo, hi)), bisect_left(starts, q_end, lo, hi)):
            flags[k - lo] = True
    return flags


Quoted = tuple[int, int, int, int | None]


def _quote_before(ctx: Ctx, k: int, quoted: list[Quoted]) -> Quoted | None:
    """The quote that closes right before token k (only commas and spaces between)."""
    if not quoted:
        return None
    text, cue_start = ctx.text, ctx.idx.spans[k][0]
    # where the run of such characters before the cue starts (no quote ends before the first,
    # in order of opening, opens)
    floor = quoted[0][0]
    after_close = run_start(text, cue_start, floor, BETWEEN_QUOTE_AND_CUE)
    after_open = run_start(text, cue_start, floor, AFTER_OPEN_QUOTE)
    for q in quoted:
        # a mark is at most two characters: most quotes close too early to ask for its end
        if q[3] is not None and after_close - 2 <= q[3] < cue_start and mark_end(text, q[3]) >= after_close:
            return q
        if q[3] is None and after_open <= q[2] <= cue_start:
            return q
    return None


def _post_cue(ctx: Ctx, reg: Registry, k: int, lo: int, hi: int, clause_start: int,
              quoted: list, pronoun: bool) -> Attribution | None:
    """ "…," kata X / …, said X / …, menurut X: the speaker after the cue at token k; what is
    said is the quote or the clause before the cue (or the main clause after a parenthetical)."""
    phrase = _speaker_after_cue(ctx, k, hi)
    if phrase.end < hi and ctx.word(phrase.end) in ctx.L.complementisers and _quote_before(ctx, k, quoted) is None:
        return None  # ", told Reuters that …": a speech verb with its content after it
    speaker = _post_speaker(ctx, reg, k, phrase, pronoun, hi)
    if speaker is None:
        return None
    end = tail_end(ctx, phrase.end, hi)
    while end > phrase.end and not ctx.is_word(end - 1):
        end -= 1
    span = ctx.span(k, max(end, k + 1))
    quote = _quote_before(ctx, k, quoted)
    if quote is not None:
        return Attribution(speaker, span, None, quote_end=quote[2])
    content_end = k - 1 if ctx.word(k - 1) == "," else k
    parenthetical = _parenthetical_source(ctx, speaker, k, phrase.end, hi, clause_start, content_end)
    if parenthetical is not None:
        return parenthetical
    if content_end <= clause_start:
        return None
    return Attribution(speaker, span, ctx.span(clause_start, content_end))


def _speaker_after_cue(ctx: Ctx, cue: int, hi: int) -> TokenRange:
    """The speaker phrase after a post cue (past "to" of ", according to officials"). A rule's
    trigger asks and then the rule: the last answer is kept."""
    last = ctx.memo.get("attribution.speaker-after-cue")
    if last is not None and last[0] == cue and last[1] == hi:
        return last[2]
    start = cue + 1
    if ctx.word(cue) in ctx.L.prefix_cues and start < hi and ctx.word(start) in ctx.L.recipient_words:
        start += 1
    phrase = _through_role_list(ctx, TokenRange(start, _np_end_after(ctx, start, hi)), hi)
    phrase = through_closing_description(ctx, phrase, hi)
    ctx.memo["attribution.speaker-after-cue"] = (cue, hi, phrase)
    return phrase


def _through_role_list(ctx: Ctx, phrase: TokenRange, hi: int) -> TokenRange:
    """The phrase run on through a list of capitalised items inside a title, to the name after it:
    "ujar Kepala Pusat Data, Informasi, dan Humas BNPB Sutopo Purwo Nugroho" (the first comma
    does not end the speaker phrase). Unchanged unless the phrase names a role and the list closes
    with a list coordinator."""
    end, items = phrase.end, 0
    if not comma_at(ctx, end, hi) or not describes_someone(ctx, phrase.start, end):
        return phrase
    while comma_at(ctx, end, hi) and items < ROLE_LIST_ITEMS:
        item = end + 1
        if item < hi and ctx.word(item) in ctx.L.list_coordinators and item + 1 < hi and ctx.is_cap(item + 1):
            return TokenRange(phrase.start, _np_end_after(ctx, item + 1, hi))
        if item >= hi or not ctx.is_cap(item) or ctx.word(item) in ctx.L.time_words:
            return phrase
        end = _np_end_after(ctx, item, hi)
        if end != item + 1:
            return phrase  # "Menteri Luar Negeri, Retno Marsudi, dan …": a name, not a word of the title
        items += 1
    return phrase


def _post_speaker(ctx: Ctx, reg: Registry, cue: int, phrase: TokenRange, pronoun: bool,
                  hi: int) -> SpeakerRef | None:
    """The phrase's speaker; the person pointed back to after "katanya" or a cue with no phrase."""
    if pronoun or phrase.end == phrase.start:
        return reg.pronoun(ctx, cue, ctx.surface(cue))
    return _described_speaker(ctx, reg, cue, phrase, hi)


def _described_speaker(ctx: Ctx, reg: Registry, cue: int, phrase: TokenRange, hi: int) -> SpeakerRef | None:
    """The speaker a phrase after a cue names: the name set off by commas after a description
    ("kata Kasat Reskrim Polresta Depok, Kompol Teguh Nugroho, …") when there is one, else the
    phrase itself."""
    description = _past_set_off_organisation(ctx, phrase, hi)
    appositive = appositive_name(ctx, description.start, description.end, hi, at_end=True)
    if appositive is not None:
        return appositive_speaker(ctx, reg, cue, description, appositive)
    nickname = nickname_after(ctx, phrase.end, hi)
    if nickname is not None:
        return speaker_from_np(ctx, reg, nickname.start, nickname.end, ctx.surface(cue))
    return speaker_from_np(ctx, reg, phrase.start, phrase.end, ctx.surface(cue))


def _parenthetical_source(ctx: Ctx, speaker: SpeakerRef, cue: int, phrase_end: int, hi: int,
                          clause_start: int, content_end: int) -> Attribution | None:
    """ "Karena regulasi itu, menurut catatan X, lebih dari 3.000 perempuan pergi …": after a
    clause without a main verb the attribution is parenthetical; the main clause after it is
    what is said, about the words before it."""
    if not _comma_after(ctx, phrase_end, hi):
        return None  # most post cues end their sentence ("…, kata X."): no rest, so none of the tests below
    lead = clause_start + ctx.match_seq(clause_start, ctx.L.leading, content_end)
    fronted = _fronted_clause(ctx, lead, content_end)
    if not _parenthetical_cue(ctx, cue):
        return None
    rest = _parenthetical_rest(ctx, phrase_end, hi)
    if rest is None:
        return None
    # a leading connective that is also a verb ("Jadi, ujarnya, …") is no main verb of the clause
    main = _has_main_verb(ctx, lead, content_end)
    continues = main and _rest_continues(ctx, rest[0])
    if main and not fronted and not continues:
        return None
    if content_end <= lead:
        return Attribution(speaker, ctx.span(cue, rest[0] - 1), ctx.span(*rest))
    if fronted or (continues and ctx.word(rest[0]) not in ctx.L.copulas):
        # the clause before is written before the rest's text (a copula's rest takes it as its subject)
        return Attribution(speaker, ctx.span(cue, rest[0] - 1), ctx.span(*rest),
                           subject_span=ctx.span(lead, content_end), fronted=True)
    return Attribution(speaker, ctx.span(cue, rest[0] - 1), ctx.span(*rest), subject=ctx.phrase(lead, content_end),
                       subject_span=ctx.span(lead, content_end))


def _rest_continues(ctx: Ctx, t: int) -> bool:
    """Does the rest after an inserted source open with a word that continues the clause before it
    ("Undang-undang diterbitkan, kata Asep, agar pemilik …", "Harga naik, kata dia, karena …",
    "Calya varian G, jelas Henry, adalah …"): a purpose, cause or result subordinator or a copula?
    Then the claim is the clause before with the rest, the source cut out (helper idfix, session 13)."""
    L, w = ctx.L, ctx.word(t)
    return w in L.copulas or w in L.wish_complementisers or w in L.cause_subordinators \
        or w in L.result_coordinators


def _fronted_clause(ctx: Ctx, lead: int, end: int) -> bool:
    """ "Jika penyadapan dihilangkan, kata Febri, tentu akan …": tokens lead..end-1 are one fronted
    clause or adverbial, opened by a word of ``fronted_clause_openers`` with no comma inside (a
    comma would close a clause of its own: "Kendati …, namun Juda memperingatkan …, menurut Juda,
    …"), and the main clause follows the inserted source (helper idfix, session 12)."""
    if end - lead < 2 or ctx.word(lead) not in ctx.L.fronted_clause_openers:
        return False  # "Sebab, …": one word is a connective
    return all(ctx.word(t) not in (",", ";", ":") for t in range(lead, end))


def _parenthetical_cue(ctx: Ctx, cue: int) -> bool:
    """A prefix cue, or a post cue that never opens reported speech ("Uruguay, tutur Arrmanatha,
    selama ini mengekspor …"): set off by commas mid-clause it is an insertion. A cue that may
    also open what is said ("Clinton, 35, …, said on Twitter …") has its content after it."""
    w = ctx.word(cue)
    return w in ctx.L.prefix_cues or w not in ctx.L.pre_cues


def _comma_after(ctx: Ctx, j: int, hi: int) -> bool:
    """Is there a comma among tokens j..hi-1? Without one ``_parenthetical_rest`` finds no rest
    (it needs at least ``min_claim_tokens`` words, one or more, after that comma)."""
    return "," in ctx.idx.lower[j:hi]  # a search in C, no step per token


def _parenthetical_rest(ctx: Ctx, j: int, hi: int) -> tuple[int, int] | None:
    """Tokens after ", <attribution>, " up to the sentence end, when they form a clause."""
    p = j
    while p < hi and ctx.word(p) != ",":
        p += 1
    p += 1
    end = hi
    while end > p and ctx.word(end - 1) in FINAL_MARKS:
        end -= 1
    words = [t for t in range(p, end) if ctx.is_word(t)]
    if len(words) >= ctx.L.min_claim_tokens and any(ctx.is_verb(t) or _marks_predicate(ctx, t) for t in words):
        return p, end
    return None


def _marks_predicate(ctx: Ctx, t: int) -> bool:
    """Does token t mark a predicate without a verb the tagger knows ("…, kata dia, masih tinggi",
    "…, kata dia, sebesar Rp 10.600", "…, kata Royke, pengerjaan proyek itu belum tuntas"): an
    auxiliary, a copula or a measure word (helper idfix, session 12)?"""
    L, word = ctx.L, ctx.word(t)
    return word in L.auxiliaries or word in L.copulas or word in L.predicate_markers \
        or ctx.match_seq(t, L.measure_predicates, t + 1) > 0


_OBJECT_WORDS = 5  # a demonstrative object after a cue is at most this long ("mengakui pernyataan itu")


def _pre_cue(ctx: Ctx, reg: Registry, k: int, lo: int, hi: int, quoted: list) -> Attribution | None:
    """ "X mengatakan …" / "X said …": the speaker phrase before the cue at token k; what is said
    follows the cue, or stands before the speaker when nothing does ("…," the official said)."""
    phrase = _speaker_before_cue(ctx, lo, k)
    if phrase is None or not _is_listed_np(ctx, phrase.start, phrase.end) \
            or (opens_no_subject(ctx, phrase.start) and not determined_subject(ctx, phrase)) \
            or _modifies_plural_cue(ctx, phrase, k):
        return None
    content = content_start_after_cue(ctx, k, hi)
    words = [t for t in range(content, hi) if ctx.is_word(t)]
    if anaphoric_object(ctx, k, content, words):
        return _anaphoric_active(ctx, reg, phrase, k, words[1] + 1)
    if _object_after_cue(ctx, k, content, hi, words, quoted):
        return None
    if len(words) < ctx.L.min_claim_tokens:
        return _said_before_speaker(ctx, reg, phrase, k, lo, hi, quoted)
    before = _said_before_insertion(ctx, reg, phrase, k, lo, hi, quoted, content)
    if before is not None:
        return before
    after = _content_past_object_preposition(ctx, k, content, hi)
    if after is None:
        return None
    speaker = speaker_from_np(ctx, reg, phrase.start, phrase.end, ctx.surface(k))
    if speaker is None:
        return None
    return _said_after_cue(ctx, speaker, phrase, k, after, hi, quoted)


def _modifies_plural_cue(ctx: Ctx, phrase: TokenRange, k: int) -> bool:
    """ "Initial estimates put the total …", "Other estimates put …": a cue with the plural ending
    after one word that the article capitalises only to open a sentence (no name) and that is no
    plural itself, and before a verb, is a plural noun and its modifier, the subject of that verb;
    no one speaks ("Analysts say", "Police said", "Trump says" keep their speakers) (helper enspk, session 15)."""
    suffix = str(ctx.L.plural_suffix or "")
    t = phrase.start
    if not suffix or phrase.end - t != 1 or not ctx.word(k).endswith(suffix) or ctx.word(t).endswith(suffix) \
            or k + 1 >= len(ctx.idx.spans) or not ctx.is_verb(k + 1):
        return False  # "Trump calls the agreement …", "Rubio wants mainstream …": no verb after the cue
    return _capitalised_to_open_only(ctx, t)


def _capitalised_to_open_only(ctx: Ctx, t: int) -> bool:
    """Is token t capitalised, and capitalised wherever the article writes it only to open a
    sentence: a common word, no name ("Initial", "Exit"; not "Trump")?"""
    return ctx.is_cap(t) and all(opens_sentence(ctx, p) for p in ctx.positions(ctx.word(t)) if ctx.is_cap(p))


def _content_past_object_preposition(ctx: Ctx, k: int, content: int, hi: int) -> int | None:
    """Where the content starts when a preposition follows the cue: None after an act and its
    object ("agreed on creating a commission": nothing said), past the day after a speech verb
    ("said on Friday he met …": the day is when it was said; helper enspk, session 14)."""
    if content != k + 1 or ctx.word(content) not in ctx.L.object_prepositions:
        return content
    day = _past_day(ctx, content, hi) if ctx.word(k) in ctx.L.post_cues else content
    return None if day == content or day >= hi or not ctx.is_word(day) else day


def _said_before_insertion(ctx: Ctx, reg: Registry, phrase: TokenRange, k: int, lo: int, hi: int, quoted: list,
                           content: int) -> Attribution | None:
    """What was said before a source that only a time or place phrase follows ("…, she said in a
    video message."), or that is set off by commas before an appended phrase ("…, the company said
    on Monday, the first …"); None when the content follows the cue."""
    if _nothing_said_after(ctx, k, content, hi):
        before = _said_before_speaker(ctx, reg, phrase, k, lo, hi, quoted)
        if before is not None:
            before.rule = "attribution.said-before-adverbial"
            return before
    comma = _comma_after_cue(ctx, k, hi)
    if comma is not None and _set_off_source(ctx, lo, phrase.start, comma, hi):
        before = _said_before_speaker(ctx, reg, phrase, k, lo, hi, quoted, until=comma)
        if before is not None:
            before.rule = "attribution.said-before-comma"
            return before
    return None


def _object_after_cue(ctx: Ctx, cue: int, content: int, hi: int, words: list[int], quoted: list) -> bool:
    """Does the cue take an object (a noun, a short act's object, a figure) rather than report
    what was said?"""
    return _takes_object(ctx, cue, content, hi, words, quoted) or _short_act(ctx, cue, content, hi) \
        or _figure_object(ctx, cue, content, hi) or _takes_infinitive(ctx, cue, hi) or _adds_to(ctx, cue, hi) \
        or _done_by_means(ctx, cue, hi)


def _adds_to(ctx: Ctx, cue: int, hi: int) -> bool:
    """ "The latest hiccup adds to the drama that …": a cue that takes a figure as its object
    ("added 292,000 jobs") before a recipient word means "increases"; nothing is said (helper
    enspk, session 15)."""
    cues, _ = _figure_object_cues(ctx.L.code)
    return cue + 1 < hi and ctx.word(cue) in cues and ctx.word(cue + 1) in ctx.L.recipient_words


def _done_by_means(ctx: Ctx, cue: int, hi: int) -> bool:
    """ "Carson concluded by admonishing journalists who …": the agent word and a participle that
    is no speech cue after the cue tell how the act was done, not what was said ("responded by
    saying that …" leaves it to the participle cue); the agent word before anything else makes the
    cue a passive participle ("the country described by the president"): its subject said nothing.
    A "that" soon after opens what was said after all (helper enspk, session 15)."""
    L, by = ctx.L, cue + 1
    if by + 1 >= hi or not L.passive_agent or ctx.word(by) != L.passive_agent:
        return False
    fillers = PhraseFillers.of(L.code)
    act = by + 1
    while act + 1 < hi and fillers.fills(ctx, act):
        act += 1  # "responded by first saying …"
    if ctx.word(act) in L.participle_cues:
        return False  # "responded by saying Japan should …": the participle cue reports it
    # "concluded by making it clear to the judge that …", "say by 55%-41% that …": a statement follows
    return not any(ctx.word(t) in L.complementisers for t in range(act, min(hi, act + 1 + _BY_MEANS_REACH)))


_BY_MEANS_REACH = 8  # tokens after the participle searched for "that" ("making it clear to the judge that")


def _takes_infinitive(ctx: Ctx, cue: int, hi: int) -> bool:
    """ "Trump wants to build a wall", "the court agreed to hear cases …": a cue of intention,
    promise or agreement before an infinitive marker names an act, and what follows is its object,
    not what was said (the claim is the clause as a whole)."""
    L = ctx.L
    return cue + 1 < hi and ctx.word(cue) in L.infinitive_cues and ctx.word(cue + 1) in L.infinitive_markers


@cache
def _figure_object_cues(lang: str) -> tuple[frozenset[str], Sequences]:
    """The cues that take a figure as their object, and the approximators before a figure."""
    t = claims_table(lang)
    return frozenset(w.lower() for w in t.figure_object_cues), Sequences(t.hedged_numbers)


_FIGURE_OBJECT_REACH = 3  # tokens at most before the figure ("around", "more than", "an estimated")


def _figure_object(ctx: Ctx, cue: int, content: int, hi: int) -> bool:
    """ "The U.S. added 292,000 jobs in December": a cue right before a figure and no verb up to
    the next comma takes the figure as its object; an amount, no statement."""
    cues, approximators = _figure_object_cues(ctx.L.code)
    if content != cue + 1 or ctx.word(cue) not in cues:
        return False
    k = content + ctx.match_seq(content, approximators, hi)
    if k - content > _FIGURE_OBJECT_REACH or k >= hi or not _opens_figure(ctx.word(k)):
        return False
    end = next((t for t in range(k, hi) if ctx.word(t) in (",", ";", ":")), hi)
    return not _has_main_verb(ctx, k + 1, end)


def _opens_figure(word: str) -> bool:
    """A digit or a currency sign ("$2.3 billion") opens a figure."""
    return word[:1].isdigit() or unicodedata.category(word[:1]) == "Sc"


_ADVERBIAL_WORDS = 8  # a time or place phrase after a cue ("in a video message to the convention")


def _adverbial_after_cue(ctx: Ctx, content: int, hi: int) -> bool:
    """ "…, she said in a video message.", "…, Hollande said Tuesday in Paris, noting …", "…, Reuters
    reported on Tuesday, citing …": only a time or place phrase (no verb) follows the cue, up to the
    end or a participle set off by a comma; what was said is then the clause before the speaker."""
    L = ctx.L
    if content >= hi:
        return False
    word = ctx.word(content)
    if (word not in L.speaker_boundaries and word not in L.time_words) or word in L.relative \
            or word in L.complementisers or word in L.coordinators:
        return False
    comma = next((t for t in range(content, hi) if ctx.word(t) == ","), hi)
    if _clause_like(ctx, content, comma):
        return False  # "saat ini ia hanya akan fokus …": a clause of its own, whatever opens it
    after = comma + 1
    return end_before_final(ctx, content, hi) <= comma \
        or (after < hi and (ctx.word(after) in L.participle_cues or ctx.word(after) in L.source_participles))


def _nothing_said_after(ctx: Ctx, cue: int, content: int, hi: int) -> bool:
    """Does only an adverbial or a phrase summing up the clause before follow the cue?"""
    return _adverbial_after_cue(ctx, content, hi) or _appositive_after_cue(ctx, cue, content, hi)


def _appositive_after_cue(ctx: Ctx, cue: int, content: int, hi: int) -> bool:
    """ "Retail sales rose 0.6 percent, the Commerce Department said on Wednesday, the first gain in
    three months.": after the cue (and a time or place phrase) a comma sets off a noun phrase with
    no verb, opened by an article or a possessive, to the sentence's end. It sums up the clause
    before the speaker, which is what was said; it is no content of its own (wire style)."""
    L = ctx.L
    comma = cue + 1
    if not comma_at(ctx, comma, hi):
        comma = next((t for t in range(content, hi) if ctx.word(t) == ","), hi)
        if comma >= hi or content >= comma or _clause_like(ctx, content, comma) \
                or (ctx.word(content) not in L.speaker_boundaries and ctx.word(content) not in L.time_words):
            return False
    after, end = comma + 1, end_before_final(ctx, comma + 1, hi)
    if after >= end or (ctx.word(after) not in L.np_articles and ctx.word(after) not in L.possessive_determiners):
        return False
    return not _has_main_verb(ctx, after, end) and not any(ctx.word(t) in (",", ":", ";") for t in range(after, end))


def _comma_after_cue(ctx: Ctx, cue: int, hi: int) -> int | None:
    """ "…, Hennessey said, and with Clinton …", "…, the department said on Wednesday, the first
    time in …": a speech verb that may follow its content, set off by a comma right after it (past
    a day: "Tuesday", "on Wednesday") with no quote opening after the comma, closes an insertion;
    what was said is the clause before the speaker, not what follows the comma (helper enspk,
    session 14). The comma's token, or None."""
    L = ctx.L
    if ctx.word(cue) not in L.post_cues:
        return None
    t = _past_day(ctx, cue + 1, hi)
    if t + 1 < hi and ctx.word(t) == "," and not opens_quote(ctx.text, ctx.idx.starts[t + 1]):
        return t
    return None


def _past_day(ctx: Ctx, t: int, hi: int) -> int:
    """Token t moved past a day or time phrase ("Tuesday", "on Wednesday", "last week")."""
    L = ctx.L
    return time_run_edge(ctx, t, hi, 1, lambda k: ctx.word(k) in L.speaker_boundaries and k + 1 < hi
                         and ctx.word(k + 1) in L.time_words)


def _set_off_source(ctx: Ctx, lo: int, start: int, comma: int, hi: int) -> bool:
    """Is the source between commas after a whole clause, and what follows it no continuation of
    what was said: a clause before with a verb, opened by no verb, subordinator or preposition
    and ending in no auxiliary ("If …, the campaign said, it may …", "The hashtag, Abboud said, was
    …" and "It was, he said, one of …" are one statement around the insertion), and a rest with no
    verb outside its relative clauses ("…, Sanders said, a policy that …", "…, Amadou said, wiping
    sweat off his face")?"""
    L, first, last = ctx.L, ctx.word(lo), start - 2
    if start - 1 - lo < L.min_claim_tokens or first in L.subordinators or first in L.np_stops \
            or first in L.complementisers or ctx.is_verb(lo) or not _has_main_verb(ctx, lo, start - 1) \
            or ctx.word(last) in L.auxiliaries or _marks_predicate(ctx, last) \
            or any(ctx.word(t) in _PHRASE_MARKS for t in range(lo, start)):
        return False
    return _appended_phrase(ctx, comma + 1, hi)


# Marks that set off a phrase inside the clause before a source ("… a boost - all of whom, she
# explained, needed …", "… radio show - proof, the government argued, of …"): the source then
# interrupts that phrase, and what it said runs on past it (helper enspk, session 15).
_PHRASE_MARKS = frozenset({"-", "—", "–", ":", ";"})


def _appended_phrase(ctx: Ctx, rest: int, hi: int) -> bool:
    """Do tokens rest..hi-1 open with a noun phrase, a preposition or a participle ("a policy that
    …", "the first time in …", "on condition of …", "wiping sweat off …") and hold no auxiliary
    before a clause of their own opens: a phrase appended to the sentence, not its predicate
    ("…, many Democrats say, represents …") nor a clause ("…, they say, the world could …")?"""
    L, w = ctx.L, ctx.word(rest)
    # a participle cue ("adding that …") says more; it is no appended phrase
    participle = PhraseFillers.of(L.code).participle(ctx, rest) and w not in L.participle_cues
    if not ctx.is_word(rest) or not (w in L.np_articles or w in L.object_prepositions or w in L.occasion_prepositions
                                     or participle or w[:1].isdigit()):
        return False  # a finite verb ("…, Butz said, allowed him to …") is the predicate of the clause before
    for t in range(rest, hi):
        w = ctx.word(t)
        if w in L.relative or w in L.complementisers or w in L.subordinators or w == ",":
            return True
        if w in L.auxiliaries or _marks_predicate(ctx, t):
            return False
    return True


def _clause_like(ctx: Ctx, start: int, end: int) -> bool:
    """Do tokens start..end-1 hold a verb, an auxiliary or a subject pronoun, or run longer than
    a time or place phrase?"""
    L = ctx.L
    if _has_main_verb(ctx, start, end) or ctx.words_between(start, end) > _ADVERBIAL_WORDS:
        return True
    return any(ctx.word(t) in L.auxiliaries or ctx.word(t) in L.pronoun_speakers or ctx.word(t) in L.plural_pronouns
               for t in range(start, end))


def _short_act(ctx: Ctx, cue: int, content: int, hi: int) -> bool:
    """An act whose object is too short to be a claim ("asked for a photo", "called him"): the
    act is the outlet's event, not a statement of the subject."""
    if ctx.word(cue) not in ctx.L.act_cues:
        return False
    end = before_coordinated_cue(ctx, content, hi)
    if n_words_between(ctx, content, end) < ctx.L.min_quote_tokens:
        return True
    return _object_before_clause(ctx, content, end)


def _object_before_clause(ctx: Ctx, content: int, end: int) -> bool:
    """Is the act's object a few words before a clause telling when it was done, with nothing
    quoted ("who called Sanders shortly after the winner was declared": a call, and its time)?"""
    sub = next((t for t in range(content + 1, end) if ctx.word(t) in ctx.L.time_subordinators), end)
    return sub < end and n_words_between(ctx, content, sub) < ctx.L.min_quote_tokens \
        and not any(opens_quote(ctx.text, ctx.idx.starts[t]) or _closes(ctx, t) for t in range(content, sub))


def _phrase_start_before(ctx: Ctx, lo: int, cue: int) -> int | None:
    """Where the clause before the cue opens (after a comma, subordinator or closing quote);
    None when that is more than a speaker phrase away."""
    start = cue
    while start > lo and (not opens_clause_after(ctx, start - 1) or _adverb_before_cue(ctx, start - 1, cue)) \
            and not _closes(ctx, start - 1):
        start -= 1
        if cue - start > ctx.L.speaker_max_tokens:
            return None
    return start


def _adverb_before_cue(ctx: Ctx, t: int, cue: int) -> bool:
    """ "Ferdie Pacheco once said: …": a subordinator right before a speech cue that is also a
    speaker adverb says when it was said; it opens no clause, which would need a subject of its
    own. What was said must follow the cue (helper enspk, session 15)."""
    L, nxt = ctx.L, cue + 1
    if t + 1 != cue or ctx.is_cap(t) or not PhraseFillers.of(L.code).fills(ctx, t) \
            or ctx.word(cue) not in L.pre_cues or ctx.word(cue) in L.act_cues or nxt >= len(ctx.idx.spans):
        return False  # "… in Syria once agreed.": a subordinate clause; "once defended X": an act
    return ctx.is_word(nxt) or ctx.word(nxt) == ":" or opens_quote(ctx.text, ctx.idx.spans[nxt][0])


def _past_dateline(ctx: Ctx, lo: int, start: int, end: int) -> int:
    """Token ``start`` moved past a dateline that opens the sentence at token lo ("JAKARTA (Pos
    Kota) – KPI mendesak …", "Jakarta, CNN Indonesia - - Menteri …")."""
    dateline = DATELINE.match(ctx.text, ctx.idx.spans[lo][0])
    while dateline and start < end and ctx.idx.spans[start][0] < dateline.end():
        start += 1
    return start


def _speaker_before_cue(ctx: Ctx, lo: int, cue: int) -> TokenRange | None:
    """The speaker phrase before the cue verb at token ``cue``: the clause before it, past a
    dateline and discourse words, without the auxiliaries in front of the verb."""
    cue = before_time_phrase(ctx, lo, before_infinitive_opener(ctx, lo, cue))
    start = _phrase_start_before(ctx, lo, cue)
    if start is None:
        return None
    start = _past_dateline(ctx, lo, start, cue)
    start += ctx.match_seq(start, ctx.L.leading, cue)
    start = _past_dateline(ctx, lo, back_through_role_list(ctx, lo, start, cue), cue)
    end = cue
    if start == cue and cue - 2 > lo and ctx.word(cue - 1) == ",":
        start, end = set_off_subject(ctx, lo, cue), cue - 1
        if set_off_insertion(ctx, lo, start, end) and start - 2 > lo and ctx.word(start - 1) == ",":
            # "Cruz, R-Texas, said", "The two lawmakers, however, argue": the subject is before
            start, end = set_off_subject(ctx, lo, start), start - 1
    verb_end = end_before_auxiliaries(ctx, start, end)
    if verb_end is None:
        return None
    if verb_end > start and start - 1 > lo and ctx.word(start - 1) == "," \
            and only_time_words(ctx, start, verb_end):
        return _phrase_before_time(ctx, lo, start - 1)
    return TokenRange(start, verb_end)


def _phrase_before_time(ctx: Ctx, lo: int, comma: int) -> TokenRange | None:
    """ "Bustang di Palu, Selasa, mengatakan …": the day is not the speaker; the phrase before
    the comma at token ``comma`` is."""
    start = clause_start_before(ctx, lo, comma)
    start += ctx.match_seq(start, ctx.L.leading, comma)
    end = _np_end_after(ctx, start, comma)
    return TokenRange(start, end) if end > start else None


def _takes_object(ctx: Ctx, cue: int, content: int, hi: int, words: list[int], quoted: list) -> bool:
    """Does the cue take an object rather than report a statement? "Anton menyampaikan itu
    saat …", "melaporkan wabah campak di Papua", "mengakui pernyataan La Nyalla itu"."""
    if content < hi and ctx.word(content) in ctx.L.demonstratives and not _determines_subject(ctx, content, hi):
        return True
    if not words or any(q[0] == ctx.idx.spans[content][0] for q in quoted):
        return False  # nothing after the cue, or a quote: what is said
    return _noun_object(ctx, cue, content, hi) or _demonstrative_object(ctx, content, hi, words)


_DETERMINED_WORDS = 3  # words between a demonstrative and the verb of the clause it opens


def _determines_subject(ctx: Ctx, t: int, hi: int) -> bool:
    """Does the demonstrative at token t open the subject of a clause ("said those statements were
    wrong", "said this is …"): a verb follows within a few words, no comma or subordinator between?"""
    L = ctx.L
    for p in range(t + 1, min(hi, t + 2 + _DETERMINED_WORDS)):
        w = ctx.word(p)
        if not ctx.is_word(p) or w in L.subordinators or w in L.np_stops:
            return False
        if ctx.is_verb(p) or w in L.auxiliaries:
            return True
    return False


def _noun_object(ctx: Ctx, cue: int, content: int, hi: int) -> bool:
    """A nominal cue ("melaporkan") right before words that are no clause."""
    if ctx.word(cue) in ctx.L.accusation_cues and content == cue + 1:
        return _only_accused(ctx, content, hi)
    if ctx.word(cue) not in ctx.L.nominal_cues or content != cue + 1:
        return False
    return not _clause_after(ctx, content + (0 if ctx.is_verb(content) else 1), hi)


def _only_accused(ctx: Ctx, content: int, hi: int) -> bool:
    """ "menuding tiga partai lain, yaitu Gerindra, Demokrat, dan PAN": after an accusation cue,
    a noun phrase with nothing said of it (no verb, auxiliary, negation or relative) names the
    accused only; the sentence is the subject's act, not a statement of theirs."""
    L = ctx.L
    return not _clause_after(ctx, content, hi) and not any(
        ctx.word(t) in L.auxiliaries or ctx.word(t) in L.relative or L.negated.pattern.fullmatch(ctx.word(t))
        for t in range(content, hi))


def _demonstrative_object(ctx: Ctx, content: int, hi: int, words: list[int]) -> bool:
    """A few words without a verb or a figure closed by a demonstrative."""
    return len(words) <= _OBJECT_WORDS and not _has_main_verb(ctx, content, hi) \
        and ctx.word(words[-1]) in ctx.L.demonstratives \
        and not any(ctx.word(t)[0].isdigit() for t in words)


def _said_before_speaker(ctx: Ctx, reg: Registry, phrase: TokenRange, cue: int, lo: int, hi: int,
                         quoted: list, until: int | None = None) -> Attribution | None:
    """ "…," the official said: nothing follows the cue, so the content is before the speaker
    (a quote closing there, or the clause from the sentence start). The attribution runs to the
    end, or to token ``until`` when a rest of the sentence follows it."""
    before = phrase.start - 1
    if ctx.word(cue) in ctx.L.act_cues:
        return None  # "…, Lopez called them on it:": what she called them is not the clause before
    if not (phrase.start > lo and (ctx.word(before) == "," or _closes(ctx, before))) \
            and not _exclaimed_before(ctx, phrase.start, lo):
        return None
    speaker = speaker_from_np(ctx, reg, phrase.start, phrase.end, ctx.surface(cue))
    if speaker is None:
        return None
    end = max(cue + 1, hi - 1 if not ctx.is_word(hi - 1) else hi)
    span = ctx.span(phrase.start, until if until is not None else end)
    if _exclaimed_before(ctx, phrase.start, lo):
        return Attribution(speaker, span, None, quote_end=ctx.idx.spans[lo - 1][0])
    quote = _quote_before(ctx, phrase.start, quoted)
    if quote is not None:
        return Attribution(speaker, span, None, quote_end=quote[2])
    content_end = before if ctx.word(before) == "," else phrase.start
    return Attribution(speaker, span, ctx.span(lo, content_end)) if content_end > lo else None


def _exclaimed_before(ctx: Ctx, start: int, lo: int) -> bool:
    """ "“… need our fix!” Clinton said to People.": a quote closed after an exclamation or question
    mark ends its sentence, so the source's sentence opens right after it; what was said is that
    quote (helper enspk, session 15)."""
    return start == lo and lo > 1 and _closes(ctx, lo - 1) and ctx.word(lo - 2) in ("!", "?")


def _said_after_cue(ctx: Ctx, speaker: SpeakerRef, phrase: TokenRange, cue: int, content: int, hi: int,
                    quoted: list) -> Attribution:
    """The attribution from the speaker through the cue; what follows is what is said (a quote
    opening there is a quote's content)."""
    span = ctx.span(phrase.start, content) if content > phrase.start else ctx.span(phrase.start, cue + 1)
    while span[1] > span[0] and ctx.text[span[1] - 1] in ": ,":
        span = (span[0], span[1] - 1)
    start_char = ctx.idx.spans[content][0] if content < hi else None
    for quote in quoted:
        if start_char is not None and quote[0] <= start_char <= quote[1]:
            return Attribution(speaker, span, None, quote_open=quote[0])
    end = before_coordinated_cue(ctx, content, hi)
    while end > content and ctx.word(end - 1) in FINAL_MARKS:
        end -= 1
    return Attribution(speaker, span, ctx.span(content, end))


def _past_set_off_organisation(ctx: Ctx, phrase: TokenRange, hi: int) -> TokenRange:
    """The description run on over an organisation set off by commas after it ("Direktur Tindak
    Pidana Narkotika, Bareskrim Mabes Polri, Kombes Pol John Turman Panjaitan"): the name comes
    after the organisation. Unchanged when no organisation's head opens what follows the comma."""
    org = phrase.end + 1
    if not comma_at(ctx, phrase.end, hi) or org >= hi or ctx.word(org) not in ctx.L.organisation_heads:
        return phrase
    end = _np_end_after(ctx, org, hi)
    return TokenRange(phrase.start, end) if comma_at(ctx, end, hi) else phrase


def _after_leading(ctx: Ctx, lo: int, k: int) -> bool:
    """Only discourse words before token k in the sentence ("Namun menurut Alex, …")."""
    p = lo
    while p < k and (n := ctx.match_seq(p, ctx.L.leading, k)):
        p += n
    return p == k > lo


def _agent_end(ctx: Ctx, i: int, hi: int) -> int:
    """End of the named speaker phrase at token i after a passive or inline cue ("oleh Kepala
    BPTJ Bambang Prihartono"); i when there is none (no capitalised word: "oleh negara")."""
    j = _np_end_after(ctx, i, hi)
    while j > i and not ctx.is_word(j - 1):
        j -= 1
    if j == i or not any(ctx.is_cap(t) for t in range(i, j)):
        return i
    if ctx.word(i) in ctx.L.speaker_boundaries or ctx.word(i) in ctx.L.demonstratives:
        return i
    return j


def _inline_cue(ctx: Ctx, reg: Registry, k: int, hi: int, clause_start: int, w: str) -> Attribution | None:
    """ "Smart city menurut Sandi jadi program …": a source inside a clause, without commas; the
    subject before it and the predicate after it are what the source says."""
    a, b = subject_before(ctx, clause_start, k)
    if not _subject_np(ctx, a, b):
        return None
    j = _agent_end(ctx, k + 1, hi)
    if j == k + 1 or not starts_predicate(ctx, j, hi):
        return None
    return _source_then_predicate(ctx, reg, k, k + 1, j, hi, (a, b), ctx.surface(k))


def _source_then_predicate(ctx: Ctx, reg: Registry, k: int, i: int, j: int, hi: int,
                           subject: tuple[int, int], cue: str) -> Attribution | None:
    """The source named at [i:j] (cue at k) says the subject plus the predicate from j to the
    clause end; shared by mid-clause "menurut X" and passive "diakui oleh X"."""
    speaker = speaker_from_np(ctx, reg, i, j, cue)
    if speaker is None or speaker.kind == SpeakerKind.publisher:
        return None
    end = hi
    while end > j and ctx.word(end - 1) in FINAL_MARKS:
        end -= 1
    if n_words_between(ctx, j, end) < 2:
        return None
    a, b = subject
    return Attribution(speaker, ctx.span(k, j), ctx.span(j, end), subject=ctx.phrase(a, b),
                       subject_span=ctx.span(a, b))


def _subject_np(ctx: Ctx, a: int, b: int) -> bool:
    """A subject noun phrase before a mid-clause source: no comma, no verb outside a relative
    clause ("Kesepakatan yang ditandatangani oleh Obama itu menurut Trump …")."""
    if not 0 < b - a <= 16 or any(ctx.word(t) in (",", ";", ":") for t in range(a, b)):
        return False
    if ctx.word(a) in ctx.L.relative or _has_main_verb(ctx, a, b):
        return False
    return all(ctx.is_word(t) or ctx.word(t) in "().-/&'’" for t in range(a, b))


def n_words_between(ctx: Ctx, i: int, j: int) -> int:
    return ctx.words_between(i, j)


_AGENT_REACH = 12  # tokens at most from a passive cue's agent to the comma closing it


def _passive_cue(ctx: Ctx, reg: Registry, k: int, lo: int, hi: int, clause_start: int) -> Attribution | None:
    """Passive speech verbs with a named agent:
    "Hal itu disampaikan Ketua Komnas HAM Nurkholis …" (the sentence before is the agent's),
    "Kondisi tersebut diakui oleh ahli X menjadi tantangan …" (subject and predicate are the agent's),
    "…, seperti dikatakan X." / "Seperti dikatakan X, …" (a parenthetical source)."""
    agent = _passive_agent(ctx, k, hi)
    if agent is None:
        return None
    if ctx.word(k - 1) in ctx.L.passive_openers:
        return _opened_passive(ctx, reg, k, agent, lo, hi, clause_start)
    return _passive_with_subject(ctx, reg, k, agent, lo, hi, clause_start)


def _passive_agent(ctx: Ctx, cue: int, hi: int) -> TokenRange | None:
    """The named agent after a passive cue, past its adverbs and "oleh" / "by"."""
    L = ctx.L
    start = cue + 1
    while start < hi and (length := ctx.match_seq(start, L.passive_adverbs, hi)):
        start += length
    if start < hi and ctx.word(start) == L.passive_agent:
        start += 1
    end = _agent_end(ctx, start, hi)
    return TokenRange(start, end) if end != start else None


def _opened_passive(ctx: Ctx, reg: Registry, cue: int, agent: TokenRange, lo: int, hi: int,
                    clause_start: int) -> Attribution | None:
    """ "Seperti dikatakan X, …" (what follows the comma is X's) and "…, sebagaimana disampaikan
    X." (the clause before is X's): a source opened by "seperti" / "as"."""
    opener = cue - 1
    speaker = speaker_from_np(ctx, reg, agent.start, agent.end, ctx.surface(cue))
    if speaker is None or speaker.kind == SpeakerKind.publisher:
        return None
    if opener == lo or (ctx.word(opener - 1) == "," and opener - 1 <= clause_start) \
            or _after_leading(ctx, lo, opener):
        return _source_before_clause(ctx, speaker, opener, agent.end, hi)
    if ctx.word(opener - 1) == "," and clause_start == lo:
        return _source_after_clause(ctx, speaker, opener, agent.end, clause_start)
    return None


def _source_before_clause(ctx: Ctx, speaker: SpeakerRef, opener: int, agent_end: int,
                          hi: int) -> Attribution | None:
    """ "Seperti dikatakan X, …": the clause after the comma is what X said."""
    comma = agent_end
    while comma < min(hi, agent_end + _AGENT_REACH) and ctx.word(comma) != ",":
        comma += 1
    if comma >= hi or ctx.word(comma) != ",":
        return None
    end = end_before_final(ctx, comma + 1, hi)
    if n_words_between(ctx, comma + 1, end) < ctx.L.min_claim_tokens:
        return None
    return Attribution(speaker, ctx.span(opener, comma), ctx.span(comma + 1, end))


def _source_after_clause(ctx: Ctx, speaker: SpeakerRef, opener: int, agent_end: int,
                         clause_start: int) -> Attribution | None:
    """ "…, sebagaimana disampaikan X.": the clause before the comma is what X said."""
    content_end = opener - 1
    content_start, _ = subject_before(ctx, clause_start, content_end)
    if n_words_between(ctx, content_start, content_end) < ctx.L.min_claim_tokens:
        return None
    return Attribution(speaker, ctx.span(opener, agent_end), ctx.span(content_start, content_end))


def _passive_with_subject(ctx: Ctx, reg: Registry, cue: int, agent: TokenRange, lo: int, hi: int,
                          clause_start: int) -> Attribution | None:
    """ "Kondisi tersebut diakui oleh ahli X menjadi tantangan …": the subject before the cue and
    the predicate after the agent are the agent's; "Hal itu disampaikan X": the sentence before is."""
    L = ctx.L
    start, end = subject_before(ctx, clause_start, cue)
    if not _subject_np(ctx, start, end):
        return None
    while end - start > 2 and ctx.word(end - 1) in L.auxiliaries:
        end -= 1  # "Hal itu pun disampaikan …"
    if start == lo and end - start == 2 and ctx.word(start) in L.speech_nouns \
            and ctx.word(end - 1) in L.demonstratives:
        return _anaphoric_passive(ctx, reg, cue, agent, start, hi)
    if starts_predicate(ctx, agent.end, hi):
        return _source_then_predicate(ctx, reg, cue, agent.start, agent.end, hi, (start, end), ctx.surface(cue))
    return None


def _anaphoric_active(ctx: Ctx, reg: Registry, phrase: TokenRange, cue: int, end: int) -> Attribution | None:
    """ "Panggah menyampaikan hal itu saat …": what was written just before is his."""
    speaker = speaker_from_np(ctx, reg, phrase.start, phrase.end, ctx.surface(cue))
    if speaker is None or speaker.kind not in (SpeakerKind.person, SpeakerKind.organisation, SpeakerKind.group):
        return None
    return Attribution(speaker, ctx.span(phrase.start, end), None, anaphoric=True)


def _anaphoric_passive(ctx: Ctx, reg: Registry, cue: int, agent: TokenRange, start: int,
                       hi: int) -> Attribution | None:
    """ "Hal itu disampaikan Ketua Komnas HAM Nurkholis …": what was written just before is his."""
    speaker = _described_speaker(ctx, reg, cue, agent, hi)
    if speaker is None or speaker.kind not in (SpeakerKind.person, SpeakerKind.organisation, SpeakerKind.group):
        return None
    return Attribution(speaker, ctx.span(start, agent.end), None, anaphoric=True)


def _prefix_cue(ctx: Ctx, reg: Registry, k: int, lo: int, hi: int, pronoun: bool = False,
                at_start: bool = False) -> Attribution | None:
    """ "Menurut X, …" / "According to X, …" / "Menurutnya, …" and the trailing "…, menurut X." """
    source = source_after_prefix(ctx, k, hi, pronoun)
    if at_start and k != lo and not pronoun and not comma_at(ctx, source.end, hi):
        return None  # "Tapi kata Dirman sampah …": no comma closes the source
    if k == lo and not pronoun and not comma_at(ctx, source.end, hi):
        source = _name_closed_source(ctx, reg, source.start, hi) or source
    speaker, source_end = _prefix_speaker(ctx, reg, k, source, hi, pronoun)
    if speaker is None:
        return None
    span = ctx.span(k, max(source_end, k + 1))
    if k == lo or at_start:
        content_start = source_end + 1 if comma_at(ctx, source_end, hi) else source_end
        end = end_before_final(ctx, content_start, hi)
        return Attribution(speaker, span, ctx.span(content_start, end)) if end > content_start else None
    return Attribution(speaker, span, ctx.span(lo, k - 1)) if k - 1 > lo else None


def _name_closed_source(ctx: Ctx, reg: Registry, start: int, hi: int) -> TokenRange | None:
    """ "Menurut Zainudin itu merupakan bukti …" / "Menurut data BPS jumlah penduduk miskin naik":
    a sentence with no comma at all, so a name closes the source: the words up to and including
    the first run of capitalised words (cut after a name the article already knows: "Menurut
    Erwan Partai Demokrat perlu …"); what was said starts at the lower-case word after it."""
    if any(ctx.word(t) == "," for t in range(start, hi)):
        return None  # a comma further on closes a long source ("According to early results of …,")
    name = start
    while name < min(hi, start + SOURCE_WORDS) and not ctx.is_cap(name):
        name += 1
    if name >= hi or not ctx.is_cap(name):
        return None
    end = name
    while end < hi and (ctx.is_cap(end) or dot_inside_name(ctx, end, hi)):
        end += 1
    end = known_name_end(ctx, reg, name, end)
    if end >= hi or not ctx.idx.is_word[end] or ctx.word(end) in ctx.L.relative \
            or n_words_between(ctx, end, hi) < ctx.L.min_claim_tokens:
        return None  # "Menurut Pratama yang pernah …": a clause of the name, not what was said
    return TokenRange(start, end)


def _prefix_speaker(ctx: Ctx, reg: Registry, cue: int, source: TokenRange, hi: int,
                    pronoun: bool) -> tuple[SpeakerRef | None, int]:
    """The speaker of a prefix cue and where its source ends (after an appositive name)."""
    if pronoun:
        return reg.pronoun(ctx, cue, ctx.surface(cue)), source.end
    appositive = appositive_name(ctx, source.start, source.end, hi)
    if appositive is not None:
        return appositive_speaker(ctx, reg, cue, source, appositive), appositive
    speaker = speaker_from_np(ctx, reg, source.start, source.end, ctx.surface(cue))
    return speaker, _past_description(ctx, source, hi)


def _past_description(ctx: Ctx, source: TokenRange, hi: int) -> int:
    """Where a named source ends: after a description set off by commas that follows the name
    ("According to John Smith, a senior fellow at Brookings, the race …"), else at its end."""
    if not comma_at(ctx, source.end, hi) or not all(ctx.is_cap(t) for t in range(source.start, source.end)):
        return source.end
    comma = source.end + 1
    while comma < min(hi, source.end + 1 + SOURCE_WORDS) and ctx.word(comma) != ",":
        comma += 1
    if not comma_at(ctx, comma, hi) or comma == source.end + 1 or not _is_appositive(ctx, source.end + 1, comma) \
            or not _is_np(ctx, source.end + 1, comma) or has_predicate(ctx, source.end + 1, comma):
        return source.end
    return comma


# --- attribution cues as named rules ------------------------------------------------------------

@dataclass(slots=True)  # made at every cue word: no frozen-dataclass setattr cost
class CueScan:
    """What a cue rule sees: the cue token k of sentence tokens lo..hi-1 and what precedes it."""

    ctx: Ctx
    reg: Registry
    k: int
    lo: int
    hi: int
    clause_start: int
    quoted: list
    word: str
    prev: str            # the token before the cue within the sentence ("" at its start)
    base: str | None     # the cue without its pronoun suffix ("menurut" of "menurutnya")
    before: Attribution | None = None  # the sentence's attribution before this cue, if any


_CUE_CACHE: dict[str, frozenset[str]] = {}


def _cue_words(L) -> frozenset[str]:
    hit = _CUE_CACHE.get(L.code)
    if hit is None:
        hit = _CUE_CACHE[L.code] = L.post_cues | L.pre_cues | L.prefix_cues | L.inline_cues | L.passive_cues \
            | L.participle_cues | L.evidence_cues | L.record_cues | L.complement_cues \
            | frozenset(L.parenthetical_cues.by_first)
    return hit


CUE_RULES: RuleSet[CueScan, Attribution] = RuleSet("attribution")


def _subject_end(c: CueScan) -> int:
    """Where the subject of the cue verb ends: before the auxiliaries in front of the verb."""
    start = c.k
    while start > c.lo and c.ctx.word(start - 1) in c.ctx.L.auxiliaries:
        start -= 1
    return start


def _after_np_stop(c: CueScan) -> bool:
    """A speech verb right after a preposition, conjunction or "to" ("as if to say", "and said"):
    no speaker phrase ends there, so this is not a cue of its own."""
    end = _subject_end(c)
    return c.word in c.ctx.L.pre_cues and end > c.lo and c.ctx.word(end - 1) in c.ctx.L.np_stops \
        and before_infinitive_opener(c.ctx, c.lo, c.k) == c.k  # "He went on to say …" is a cue


_QUOTE_GAP = 30  # tokens at most between a closing quote and its cue ("…,” Graham, a former candidate, told)


def _quote_speaker(c: CueScan) -> tuple[Quoted, int, int] | None:
    """The quote closing before the cue and the speaker phrase between them: (quote, first token,
    end token) of "“…,” McCain said", "“…,” Graham, a former candidate, told"; None when anything
    but a short noun phrase (and an appositive set off by commas) stands between."""
    ctx, end = c.ctx, _subject_end(c)
    start = _after_closing_quote(c, end)
    q = _quote_before(ctx, start, c.quoted) if start is not None and start < end else None
    if start is None or q is None or not _quote_runs_on(ctx, q, start):
        return None
    while start < end and (ctx.word(start) in ctx.L.coordinators or ctx.word(start) in ctx.L.subordinators):
        start += 1  # "“…,” sementara Menteri …": the connective is not the speaker
    if _adds_to_quote(ctx, start, end):
        return None
    first_comma = next((t for t in range(start, end) if ctx.word(t) == ","), end)
    if not _is_np(ctx, start, first_comma) or any(ctx.word(t) in _cue_words(ctx.L) for t in range(start, end)):
        return None
    return q, start, end_before_adverb(ctx, start, first_comma)


def _adds_to_quote(ctx: Ctx, start: int, end: int) -> bool:
    """ "“…,” like the recent volatility of markets, said X": a lower-case preposition or a
    subject breaker opens a phrase that adds to the quote, no speaker (helper enspk, session 14)."""
    return start < end and not ctx.is_cap(start) \
        and (ctx.word(start) in ctx.L.np_stops or ctx.word(start) in ctx.L.subject_breakers)


def _after_closing_quote(c: CueScan, end: int) -> int | None:
    """First token after the closing quote mark (and its commas) within a short reach before
    token ``end``; None when no quote closes inside this sentence there."""
    ctx = c.ctx
    closer = _last_closer(ctx, max(c.lo, end - _QUOTE_GAP), end)
    start = closer + 1 if closer is not None else max(c.lo, end - _QUOTE_GAP)
    if start == c.lo:
        return None
    while start < end and ctx.word(start) == ",":
        start += 1
    return start


def _quote_runs_on(ctx: Ctx, q: Quoted, start: int) -> bool:
    """Does the sentence run on after the quote ("“…,” he said"; "“…?” she asked"), rather than
    the quote closing one sentence and the speaker opening the next ("“… kiri.” Dahulu, …")?"""
    if q[3] is None:
        return False
    around = ctx.text[max(q[1], q[3] - 2):q[3]] + ctx.text[mark_end(ctx.text, q[3]):ctx.idx.spans[start][0]]
    return any(mark in around for mark in ",?!—")


def _quote_then_speaker_applies(c: CueScan) -> bool:
    L = c.ctx.L
    return (c.word in L.pre_cues or c.word in L.post_cues) and c.k > c.lo and _quote_speaker(c) is not None


_AS_SOURCE_WORDS = 6  # words at most of the source in "as <source> said"
_AS_TAIL_WORDS = 8  # words at most after its cue before the parenthetical closes ("on a radio show on Monday")


@dataclass(frozen=True)
class _AsSource:
    """ "as <source> <cue> <tail>" set off in a sentence: its tokens and what the source said."""

    opener: int
    source: tuple[int, int]
    close: int  # the comma closing the parenthetical, or the sentence end
    content: tuple[int, int] | None  # None: a generic plural pronoun ("as they say"), no source


def _as_parenthetical(c: CueScan) -> _AsSource | None:
    """ "…, as The Times reported on Tuesday, …", "As Cruz put it, …": an attribution opened by a
    word of ``parenthetical_openers``, set off by a comma (or opening the sentence), whose source
    is a short noun phrase and whose cue reports nothing after it (no verb or complementiser
    before the parenthetical closes)."""
    ctx, L = c.ctx, c.ctx.L
    extra = ctx.match_seq(c.k, L.parenthetical_cues, c.hi) if L.parenthetical_cues.all else 0
    if not L.parenthetical_openers or (c.word not in L.pre_cues and not extra):
        return None
    source = _as_source(c)
    if source is None:
        return None
    opener = source[0] - 1
    close = _as_close(c, c.k + max(extra, 1))
    if close is None:
        return None
    pronoun = source[1] - source[0] == 1 and ctx.word(source[0]) in L.subject_pronouns
    if pronoun and ctx.word(source[0]) not in L.pronoun_speakers:
        return _AsSource(opener, source, close, None)  # "as they say", "as we now know it"
    content = _as_content(c, opener, close)
    return None if content is None else _AsSource(opener, source, close, content)


def _as_source(c: CueScan) -> tuple[int, int] | None:
    """The source between the opener and the cue (past auxiliaries and adverbs: "as HuffPost has
    noted", "as The Atlantic recently noted"), when it is a noun phrase with no verb in it."""
    ctx, L = c.ctx, c.ctx.L
    fillers = PhraseFillers.of(L.code)
    end = _subject_end(c)
    while end - 1 > c.lo and fillers.fills(ctx, end - 1):
        end -= 1
    opener = end - 1
    while opener > c.lo and end - opener <= _AS_SOURCE_WORDS and ctx.is_word(opener) \
            and ctx.word(opener) not in L.parenthetical_openers:
        opener -= 1
    if ctx.word(opener) not in L.parenthetical_openers or opener + 1 >= end:
        return None
    if opener != _sentence_lead(c) and ctx.word(opener - 1) != ",":
        return None
    return (opener + 1, end) if _plain_source(ctx, opener + 1, end) else None


def _plain_source(ctx: Ctx, start: int, end: int) -> bool:
    """Are tokens start..end-1 a noun phrase that opens and ends with no stop word, with no verb
    and no possessive at its end ("as if to say", "as Clinton extends her lead in …", "as he’s
    often alleged" are no sources)?"""
    L = ctx.L
    if ctx.word(start) in L.np_stops or ctx.word(end - 1) in L.np_stops or is_possessive_owner(ctx, end - 1):
        return False
    return not any(ctx.is_verb(t) for t in range(start, end)) and _is_np(ctx, start, end)


def _as_close(c: CueScan, after: int) -> int | None:
    """The token closing the parenthetical whose cue ends before ``after``, when what follows the
    cue reports nothing ("as she said she would"; an act: "as he called for …") and the
    clause it is set off from does not go on with a predicate ("…, as he later explained, was …")."""
    ctx, L = c.ctx, c.ctx.L
    close = next((t for t in range(after, c.hi) if ctx.word(t) in (",", ";")), c.hi)
    tail = [t for t in range(after, close) if ctx.is_word(t)]
    if len(tail) > _AS_TAIL_WORDS or any(_opens_predicate(ctx, t) or ctx.word(t) in L.complementisers for t in tail):
        return None
    if c.word in L.act_cues:
        return None  # "as he called for greater ethics": an act done meanwhile, no source set off
    if close + 1 < c.hi and _opens_predicate(ctx, close + 1):
        return None
    return close


def _sentence_lead(c: CueScan) -> int:
    """The sentence's first token past its leading connectives."""
    return c.lo + c.ctx.match_seq(c.lo, c.ctx.L.leading, c.hi)


def _as_content(c: CueScan, opener: int, close: int) -> tuple[int, int] | None:
    """What a parenthetical source said: the clause before its comma, or the clause after it when
    nothing with a verb stands before ("As Cruz said, …", "Just a few weeks ago, as X reported, …");
    not a clause cut off after a preposition ("owed his election to, as …")."""
    ctx = c.ctx
    lead = _sentence_lead(c)
    if opener > lead and ctx.word(opener - 2) in ctx.L.np_stops:
        return None  # "who owed his election to, as a diplomat put it, an extreme makeover": mid-phrase
    if opener == lead or not _has_main_verb(ctx, lead, opener - 1):
        start, end = close + 1, c.hi
    else:
        start, end = lead, opener - 1
    while end > start and ctx.word(end - 1) in FINAL_MARKS:
        end -= 1
    if start >= end or ctx.words_between(start, end) < ctx.L.min_claim_tokens:
        return None
    return start, end


@CUE_RULES.register("as-parenthetical", lambda c: _as_parenthetical(c) is not None)
def as_parenthetical(c: CueScan) -> Attribution | None:
    """ "The plan would drive up deficits, as the Tax Policy Center has noted", "As Cruz said on
    Monday, the race is a dead heat": the source set off by "as" said the clause it is attached
    to. A plural or first-person pronoun ("as they say in baseball", "as we now know it") is an
    idiom's generic voice: no source, and no attribution."""
    found = _as_parenthetical(c)
    if found is None or found.content is None:
        return None
    ctx = c.ctx
    speaker = speaker_from_np(ctx, c.reg, found.source[0], found.source[1], ctx.surface(c.k))
    if speaker is None:
        return None
    return Attribution(speaker, ctx.span(found.opener, found.close), ctx.span(*found.content))


@CUE_RULES.register("quote-then-speaker", _quote_then_speaker_applies)
def quote_then_speaker(c: CueScan) -> Attribution | None:
    """ "“…,” McCain said, citing …" / "“…,” he told cheering supporters": the speaker and the cue
    follow a quote; the quote is what was said, whatever the clause after the cue adds."""
    found = _quote_speaker(c)
    if found is None:
        return None
    q, start, end = found
    if _says_more(c):
        return None  # "“…,” he said that …": a new content follows the cue
    speaker = speaker_from_np(c.ctx, c.reg, start, end, c.ctx.surface(c.k))
    if speaker is None:
        return None
    tail = tail_end(c.ctx, c.k + 1, c.hi)
    while tail > c.k + 1 and not c.ctx.is_word(tail - 1):
        tail -= 1
    span = c.ctx.span(start, max(tail, c.k + 1))
    clause = _clause_around_quote(c.ctx, q, c.clause_start, start)
    return Attribution(speaker, span, clause, quote_end=q[2])


def _clause_around_quote(ctx: Ctx, q: Quoted, clause_start: int, end: int) -> tuple[int, int] | None:
    """The clause (tokens ``clause_start`` up to the speaker at ``end``) when the quote before the
    speaker is only its tail: a word of the clause stands right before the opening mark ("the group
    is less likely to be “overrun with social conservatives,” Hoover said"). The speaker said the
    whole clause, and the quote in it (the attribution names both)."""
    first = ctx.idx.spans[clause_start][0] if clause_start < end else q[0]
    if first >= q[0] or q[3] is None or not ctx.text[first:q[0]].rstrip()[-1:].isalnum():
        return None
    return first, mark_end(ctx.text, q[3])  # with the closing mark: the claim keeps the quote whole


_VERB_QUOTE_GAP = 8  # tokens at most between a closing quote and a verb that is no cue


def _verb_after_quote(ctx: Ctx, k: int, lo: int) -> bool:
    """Is token k a verb (no auxiliary) with a closing quote mark a few tokens before it? Cheap:
    it lets the quote rules look at a verb that is no cue ("“…,” the man shouted")."""
    if not ctx.is_verb(k) or ctx.word(k) in ctx.L.auxiliaries:
        return False
    return _last_closer(ctx, max(lo, k - _VERB_QUOTE_GAP), k) is not None


def _quote_then_verb_applies(c: CueScan) -> bool:
    if c.word in _cue_words(c.ctx.L) or not _verb_after_quote(c.ctx, c.k, c.lo):
        return False
    after = _after_closing_quote(c, _subject_end(c))
    if after is None or c.ctx.word(after) in c.ctx.L.coordinators or c.ctx.word(after) in c.ctx.L.subordinators:
        return False
    return _quote_speaker(c) is not None


@CUE_RULES.register("quote-then-verb", _quote_then_verb_applies)
def quote_then_verb(c: CueScan) -> Attribution | None:
    """ "“They stole the country,” the man shouted", "“…,” Kelly charged in her assault": a quote
    that runs on into a short subject and its verb is that subject's, whatever the verb; a clause
    joined by a conjunction ("“…,” and Clinton won") is the outlet's narration."""
    return quote_then_speaker(c)


_OPENING_NAME_WORDS = 5  # a name that opens the clause ("Paul R. Pillar, …") is at most this many tokens
_APPOSITIVE_TOKENS = 40  # an appositive between a name and its cue ("…, a truck driver from Ava, Mo., who …,")


def _opening_name(c: CueScan) -> tuple[int, int] | None:
    """The capitalised name that opens the clause and the comma closing it ("Paul Porter, …"),
    as (first token, comma token), when an appositive set off by commas runs from there to the
    comma right before the cue."""
    ctx, L = c.ctx, c.ctx.L
    start = _past_dateline(ctx, c.lo, c.clause_start, c.k)
    start += ctx.match_seq(start, L.leading, c.k)
    while start < c.k - 2 and (ctx.word(start) in L.np_stops or not ctx.is_cap(start)):
        # "At Boca West, where …, Jay DiPietro, the club's president, suggested …": a phrase
        # opened by a preposition or a lower-case word is no name; the subject opens after its comma
        start = next((t + 1 for t in range(start, c.k - 2) if ctx.word(t) == ","), c.k)
    comma = start
    while comma < c.k and comma - start < _OPENING_NAME_WORDS and (ctx.is_cap(comma) or ctx.word(comma) == "."):
        comma += 1
    comma = past_name_tag(ctx, start, comma, c.k)
    if comma == start or comma >= c.k - 2 or ctx.word(comma) != "," or c.k - comma > _APPOSITIVE_TOKENS:
        return None
    return (start, comma) if _is_appositive(ctx, comma + 1, c.k - 1) else None


def _is_appositive(ctx: Ctx, i: int, j: int) -> bool:
    """Do tokens i..j-1 describe someone (a description in lower case, a role, an age) with no cue
    or quote inside ("a senior fellow at Brookings who studies elections", "45")?"""
    first = ctx.word(i)
    if ctx.is_cap(i) and not first[:1].isdigit() and not ctx.match_seq(i, ctx.L.roles, j):
        return False  # "Trump, Clinton, Sanders said": an enumeration, not a description
    cues = _cue_words(ctx.L)
    return not any(ctx.word(t) in cues or _closes(ctx, t) for t in range(i, j))


def _clause_follows_cue(c: CueScan) -> bool:
    """Does a clause follow the cue ("said the race would tighten", "said he …", "said that …")
    rather than its speaker ("said John Smith, who …")?"""
    ctx, L = c.ctx, c.ctx.L
    content = content_start_after_cue(ctx, c.k, c.hi)
    if c.k + 1 < content <= c.hi and ctx.word(content - 1) in L.complementisers:
        return True  # "said that …", "said Sunday that …"
    phrase = _speaker_after_cue(ctx, c.k, c.hi)
    end = phrase.end
    return (phrase.start < end < c.hi and (ctx.is_verb(end) or ctx.word(end) in L.auxiliaries
                                           or _opens_next_phrase(ctx, end))) \
        or _subject_pronoun_after(c) or _quote_after_cue(c)


def _quote_after_cue(c: CueScan) -> bool:
    """ "Alex Castellanos, a veteran media consultant, said, “A fantasy effort …”": a quote opens
    right after the cue (past a comma or colon) and none closes before it in the sentence, so the
    quote is what the name set off before the cue said; no speaker follows the cue (helper enspk,
    session 15)."""
    ctx = c.ctx
    t = c.k + 1
    while t < c.hi and ctx.word(t) in (",", ":"):
        t += 1
    return t < c.hi and opens_quote(ctx.text, ctx.idx.spans[t][0]) and _quote_before(ctx, c.k, c.quoted) is None


def _subject_pronoun_after(c: CueScan) -> bool:
    """Does a subject pronoun follow the cue ("…, a Democratic super PAC, said she thinks …")? A
    speaker phrase after a cue is never one: the pronoun opens the clause that was said, whatever
    verb the tagger misses after it."""
    phrase = _speaker_after_cue(c.ctx, c.k, c.hi)
    return phrase.start < c.hi and c.ctx.word(phrase.start) in c.ctx.L.subject_pronouns


def _appositive_subject_applies(c: CueScan) -> bool:
    if c.word not in c.ctx.L.pre_cues or c.prev != ",":
        return False
    found = _opening_name(c)
    if found is None or _relative_insertion(c) == found[1] + 1:
        return False  # a relative clause alone between the name and the cue: interrupted-subject
    return _clause_follows_cue(c)


@CUE_RULES.register("appositive-subject", _appositive_subject_applies)
def appositive_subject(c: CueScan) -> Attribution | None:
    """ "John Smith, a senior fellow at Brookings who studies elections, said the race would
    tighten": the name opening the clause is the subject; the appositive between it and the cue
    describes him, and what follows the cue is what he said."""
    found = _opening_name(c)
    content = _content_after(c)
    if found is None or content is None:
        return None
    speaker = speaker_from_np(c.ctx, c.reg, found[0], found[1], c.ctx.surface(c.k))
    if speaker is None or speaker.kind not in (SpeakerKind.person, SpeakerKind.organisation):
        return None
    return _said_after(c, speaker, c.k, content)


def _after_content(c: CueScan) -> bool:
    # ", who …, said …": the comma closes a relative clause, not the content (interrupted-subject)
    return c.word in c.ctx.L.post_cues and (c.prev in (",", "—", "-") or _closes_before(c)) \
        and _relative_insertion(c) is None and not _clause_after_cue(c)


def _clause_after_cue(c: CueScan) -> bool:
    """ "Suu Kyi, 70, said it was too early …": no quote closes before the cue and the phrase
    after it is the subject of a verb, so the cue reports the clause after it; its speaker is
    the subject set off before the cue, not "it"."""
    phrase = _speaker_after_cue(c.ctx, c.k, c.hi)
    opens = phrase.start < phrase.end < c.hi and (c.ctx.is_verb(phrase.end) or _opens_next_phrase(c.ctx, phrase.end)
                                                  or _cue_after_name(c.ctx, phrase.end))
    return (opens or _subject_pronoun_after(c) or _clause_past_occasion(c)) \
        and _quote_before(c.ctx, c.k, c.quoted) is None


def _clause_past_occasion(c: CueScan) -> bool:
    """ "Rep. Tom Cole of Oklahoma, an ally of …, said Thursday his biggest worry …", "Sen. Jack
    Reed (D-R.I.), said after a lunch on Tuesday that he …": past a day, or a phrase up to "that",
    the cue reports the clause after it; no speaker follows it (helper enspk, session 14)."""
    ctx, L = c.ctx, c.ctx.L
    if c.base or c.word not in L.pre_cues or c.word in L.prefix_cues:
        return False  # "…, katanya, bahwa …", "…, menurut X, tampak bahwa …": the source follows the cue
    day = _past_day(ctx, c.k + 1, c.hi)
    if c.k + 1 < day < c.hi and (ctx.word(day) in L.possessive_determiners or ctx.word(day) in L.pronoun_speakers
                                 or ctx.word(day) in L.plural_pronouns or ctx.word(day) in L.complementisers):
        return True
    content = content_start_after_cue(ctx, c.k, c.hi)
    return c.k + 2 < content <= c.hi and ctx.word(content - 1) in L.complementisers


@CUE_RULES.register("post-cue", _after_content)
def post_cue(c: CueScan) -> Attribution | None:
    """ "…," kata X / …, said X: the cue and speaker follow what was said."""
    pronoun = c.base in c.ctx.L.post_cues if c.base else False
    att = _post_cue(c.ctx, c.reg, c.k, c.lo, c.hi, c.clause_start, c.quoted, pronoun=pronoun)
    if att is None and c.word in c.ctx.L.pre_cues:
        att = _pre_cue(c.ctx, c.reg, c.k, c.lo, c.hi, c.quoted)  # "X, who …, told Reuters that …"
        if att is not None:
            att.rule = "attribution.pre-cue"
    return att


def _says_more(c: CueScan) -> bool:
    """Does a reported statement of its own start right after the cue ("“…,” he said that …",
    "said: …")? A clause further on ("said, before clarifying that …") does not, and a quote
    that opens after it continues the one before ("“…,” he said, “but …”")."""
    ctx, p = c.ctx, c.k + 1
    while p < c.hi and ctx.word(p) == ",":
        p += 1
    return p < c.hi and (ctx.word(p) in ctx.L.complementisers or ctx.word(p) == ":")


def _relative_insertion(c: CueScan) -> int | None:
    """Token of the relative pronoun opening ", who …," right before the cue, if one does."""
    ctx = c.ctx
    cue = _perfect_start(c)  # "Trump, who has relied on …, has said …": past "has"
    if cue <= c.lo or ctx.word(cue - 1) != ",":
        return None
    start = cue - 2
    while start > c.lo and cue - start <= 16 and ctx.word(start - 1) != ",":
        start -= 1
    if start <= c.lo or ctx.word(start - 1) != ",":
        return None
    if ctx.word(start) in ctx.L.relative or _participle_insertion(c, start):
        return start
    return _relative_before_appositive(c, start - 1) if cue == c.k else None


def _participle_insertion(c: CueScan, t: int) -> bool:
    """ "An Israeli official, speaking on the condition of anonymity, said …": a participle clause
    set off by commas stands between the subject and its cue as a relative clause does, when a
    speaker opens the clause before it (else the rules after this one decide: "Sen. Marco Rubio,
    R-Fla., appearing on Fox News, said …")."""
    ctx = c.ctx
    suffix, word = ctx.L.participle_suffix, ctx.word(t)
    if not suffix or not word.endswith(suffix) or len(word) <= len(suffix) + 2 or word in ctx.L.non_participles \
            or t + 1 >= c.k or ctx.is_cap(t + 1):
        return False
    antecedent = _antecedent(c, t)
    if antecedent is None or ctx.words_between(c.lo, antecedent[0]) > ctx.match_seq(c.lo, ctx.L.leading, antecedent[0]):
        return False  # "…, leading up to the convention, forcing her …, said X": no subject opens the clause
    return speaker_from_np(ctx, c.reg, antecedent[0], antecedent[1], ctx.surface(c.k)) is not None


_RELATIVE_REACH = 24  # tokens at most from a relative pronoun to its cue across an appositive in the clause


def _relative_before_appositive(c: CueScan, comma: int) -> int | None:
    """ "Ms. Arnold, who helped found EDGE, an environmental justice group based in Philadelphia,
    said …": the phrase before the cue describes the relative clause's last noun; the relative
    clause set off before it is still what stands between the subject and its cue. Its token, when
    the phrase set off at ``comma`` is an appositive (no verb, no cue) and a relative clause opens
    after the comma before it, or when the relative pronoun itself stands before that comma."""
    ctx, L = c.ctx, c.ctx.L
    # the relative pronoun this looks for lies within reach before the comma: most phrases set off
    # before a cue have none there ("…, kata Budi, …"), seen by one search in C
    if L.relative.isdisjoint(ctx.idx.lower[max(c.lo + 1, min(comma - 1, c.k - _RELATIVE_REACH - 1)):comma]):
        return None
    if comma - 1 > c.lo and ctx.word(comma - 1) in L.relative:
        return comma - 1  # "Stephens, who, after trading insults with …, said": the relative's own adverbial
    first = ctx.word(comma + 1)
    if first in L.np_stops or first in L.subordinators:
        return None  # an adverbial after a relative clause's end is no appositive
    if not _is_appositive(ctx, comma + 1, c.k - 1) or any(ctx.is_verb(t) for t in range(comma + 1, c.k - 1)):
        return None
    start = comma - 1
    while start > c.lo and c.k - start <= _RELATIVE_REACH and ctx.word(start - 1) != ",":
        start -= 1
    if start <= c.lo or ctx.word(start - 1) != "," or ctx.word(start) not in ctx.L.relative:
        return None
    return start


@CUE_RULES.register("interrupted-subject", lambda c: c.word in c.ctx.L.pre_cues
                    and _relative_insertion(c) is not None)
def interrupted_subject(c: CueScan) -> Attribution | None:
    """ "Barkley, who lives in Ohio, said Sanders will win": a relative clause set off by commas
    stands between the subject and its speech verb."""
    relative = _relative_insertion(c)
    antecedent = _antecedent(c, relative) if relative is not None else None
    content = _content_after(c)
    if antecedent is None or content is None:
        return None
    if _perfect_start(c) != c.k and _reports_nothing(c):
        return None  # "…, has agreed to serve as …", "…, have vowed to block it": no statement
    speaker = speaker_from_np(c.ctx, c.reg, antecedent[0], antecedent[1], c.ctx.surface(c.k))
    if speaker is None:
        return None
    return _said_after(c, speaker, _perfect_start(c), content)


def _perfect_start(c: CueScan) -> int:
    """The cue's token, or the perfect auxiliary right before it ("has said"); not a modal ("will
    explain", "must ensure": no statement made)."""
    perfect = _perfect_auxiliaries(c.ctx.L.code)
    return c.k - 1 if c.k - 1 > c.lo and c.ctx.word(c.k - 1) in perfect else c.k


@cache
def _perfect_auxiliaries(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in claims_table(lang).perfect_auxiliaries)


def _pronoun_before(c: CueScan) -> int | None:
    """Token of the personal pronoun that is the cue verb's subject ("he said", "they argued",
    "they really want", "he later said": past auxiliaries and adverbs)."""
    end = _subject_end(c)
    L = c.ctx.L
    fillers = PhraseFillers.of(L.code)
    while end - 1 > c.lo and fillers.fills(c.ctx, end - 1):
        end -= 1
    if end > c.lo and (c.ctx.word(end - 1) in L.pronoun_speakers or c.ctx.word(end - 1) in L.plural_pronouns):
        return end - 1
    return None


def _pronoun_subject_applies(c: CueScan) -> bool:
    return c.word in c.ctx.L.pre_cues and _pronoun_before(c) is not None


@CUE_RULES.register("pronoun-subject", _pronoun_subject_applies)
def pronoun_subject(c: CueScan) -> Attribution | None:
    """ "… every time he thinks …", "that they argue …": a subject pronoun right before the verb
    is its whole subject, whatever stands before it; the mention stays on the pronoun."""
    subject = _pronoun_before(c)
    if subject is not None and _embedded_plural(c.ctx, subject):
        return None  # "what they really want": a clause about people, no one's statement
    return _pre_cue_from(c, subject)


def _embedded_plural(ctx: Ctx, pronoun: int) -> bool:
    """Is the plural pronoun at token ``pronoun`` the subject of an embedded clause opened by an
    embedding word of the table ("what they want", "how they think")?"""
    return ctx.word(pronoun) in ctx.L.plural_pronouns and pronoun > 0 \
        and ctx.word(pronoun - 1) in ctx.L.pronoun_embedders


def _pre_cue_from(c: CueScan, subject: int | None) -> Attribution | None:
    """The pre-cue attribution, its speaker phrase kept from token ``subject`` on when the
    phrase found back from the cue would run over it."""
    att = _pre_cue(c.ctx, c.reg, c.k, c.lo, c.hi, c.quoted)
    if subject is None or (att is not None and att.speaker.mention is not None
                           and att.speaker.mention[0] >= c.ctx.idx.spans[subject][0]):
        return att
    return _pre_cue(c.ctx, c.reg, c.k, subject, c.hi, c.quoted)


_NAME_WORDS = 4  # a name that stands as a subject after a conjunction ("… and Clinton said")


def _name_after_conjunction(c: CueScan) -> int | None:
    """First token of a capitalised name right before the cue that a conjunction or a
    subordinator opens ("a woman asked for a photo and Clinton said, …")."""
    ctx, L = c.ctx, c.ctx.L
    end = _subject_end(c)
    start = end
    while start > c.lo and end - start < _NAME_WORDS and ctx.is_word(start - 1) \
            and (ctx.is_cap(start - 1) or ctx.word(start - 1) in L.particles):
        start -= 1
    if start == end or start <= c.lo or not ctx.is_cap(start):
        return None
    before = ctx.word(start - 1)
    if before in L.subordinators:
        return start
    # "… a photo and Clinton said": a clause ends before the conjunction; after a capitalised
    # word ("Sanders and Clinton said", "Kelautan dan Perikanan Susi") the subject is coordinated
    closes_clause = start - 2 >= c.lo and ctx.is_word(start - 2) and not ctx.is_cap(start - 2)
    return start if before in L.coordinators and closes_clause else None


@CUE_RULES.register("named-subject", lambda c: c.word in c.ctx.L.pre_cues and _name_after_conjunction(c) is not None)
def named_subject(c: CueScan) -> Attribution | None:
    """ "… and Clinton said, “…”": the name right after the conjunction is the whole subject;
    the conjunction goes with the attribution, not with the clause before it."""
    start = _name_after_conjunction(c)
    att = _pre_cue_from(c, start)
    if att is not None and start is not None and att.span[0] == c.ctx.idx.spans[start][0]:
        att.span = (c.ctx.idx.spans[start - 1][0], att.span[1])
    return att


_COORDINATED_SUBJECT_WORDS = 4  # a common-noun subject after a conjunction ("… and one in four said")


def _phrase_after_conjunction(c: CueScan) -> int | None:
    """First token of a short noun phrase right before a speech verb that a coordinator opens after
    a clause with a verb of its own ("Nearly half said …, and one in four said …", "… about them and
    most said …"): the second clause's subject, not the words back to the sentence start
    (helper enspk, session 14). A subject coordinated with another ("the mayor and the governor
    said") has no verb before the coordinator."""
    ctx, L = c.ctx, c.ctx.L
    end = _subject_end(c)
    start = end
    while start > c.lo and end - start <= _COORDINATED_SUBJECT_WORDS and ctx.is_word(start - 1) \
            and ctx.word(start - 1) not in L.coordinators:
        start -= 1
    if start == end or start - 1 <= c.clause_start or ctx.word(start - 1) not in L.coordinators \
            or ctx.is_cap(start) or not _is_np(ctx, start, end) or ctx.word(end - 1) in L.np_stops:
        return None
    verb = any(ctx.is_verb(t) or _marks_predicate(ctx, t) for t in range(c.clause_start, start - 1))
    return start if verb else None


@CUE_RULES.register("coordinated-subject", lambda c: c.word in c.ctx.L.pre_cues and c.word in c.ctx.L.post_cues
                    and _phrase_after_conjunction(c) is not None)
def coordinated_subject(c: CueScan) -> Attribution | None:
    """ "… and most said …": the phrase after the conjunction is the whole subject; the
    conjunction goes with the attribution."""
    start = _phrase_after_conjunction(c)
    att = _pre_cue_from(c, start)
    if att is not None and start is not None and att.speaker.kind == SpeakerKind.publisher:
        return None
    if att is not None and start is not None and att.span[0] == c.ctx.idx.spans[start][0]:
        att.span = (c.ctx.idx.spans[start - 1][0], att.span[1])
    return att


_SUBJECT_WORDS = 8  # a subject phrase found back across a predicate is at most this long


def _word_before_subject(c: CueScan) -> str:
    end = _subject_end(c)
    return c.ctx.word(end - 1) if end > c.lo else ""


def _clause_subject(c: CueScan, end: int) -> tuple[int, int] | None:
    """The subject of the clause that token ``end`` closes: after the last comma or
    subordinator before it (and the connectives that open the clause), up to its first verb."""
    ctx, L = c.ctx, c.ctx.L
    start = _clause_opening(c, end)
    verb = next((t for t in range(start, end) if ctx.is_verb(t) or ctx.word(t) in L.auxiliaries), end)
    if verb == end or not 0 < verb - start <= _SUBJECT_WORDS or not _is_np(ctx, start, verb):
        return None
    return start, verb


def _clause_opening(c: CueScan, end: int) -> int:
    """First token of the clause that token ``end`` is in, past its connectives and a dateline
    ("Rimanews - Seorang pencuri …": the dateline is not the subject)."""
    ctx, L = c.ctx, c.ctx.L
    start = end
    while start > c.clause_start and ctx.word(start - 1) not in (",", ";", ":") \
            and ctx.word(start - 1) not in L.subordinators:
        start -= 1
    while start < end and (skip := ctx.match_seq(start, L.leading, end) or
                           (ctx.word(start) in L.subordinators)):
        start += skip
    dateline = DATELINE.match(ctx.text, ctx.idx.spans[c.lo][0])
    while dateline and start < end and ctx.idx.spans[start][0] < dateline.end():
        start += 1
    return start


def _content_after(c: CueScan, stop_at_comma: bool = False) -> tuple[int, int] | None:
    """What the cue at c.k introduces: from past "that" / a recipient to the sentence end (or
    the next comma), when it is long enough to be a claim."""
    ctx = c.ctx
    start = content_start_after_cue(ctx, c.k, c.hi)
    end = before_coordinated_cue(ctx, start, c.hi)
    if stop_at_comma:
        end = next((t for t in range(start, c.hi) if ctx.word(t) == ","), c.hi)
    while end > start and ctx.word(end - 1) in FINAL_MARKS:
        end -= 1
    if n_words_between(ctx, start, end) < ctx.L.min_claim_tokens:
        return None
    return start, end


def _said_after(c: CueScan, speaker: SpeakerRef, start: int, content: tuple[int, int]) -> Attribution:
    """The attribution from token ``start`` to the content; a quote that opens the content is
    the content (its claims are quotes)."""
    ctx = c.ctx
    span = ctx.span(start, content[0])
    first = ctx.idx.spans[content[0]][0]
    for q in c.quoted:
        if q[0] <= first <= q[1]:
            return Attribution(speaker, span, None, quote_open=q[0])
    return Attribution(speaker, span, ctx.span(*content))


def _refused(c: CueScan, start: int) -> bool:
    """ "… and did not say", "yang enggan menyebutkan": a negated or refused speech act."""
    L = c.ctx.L
    return any(L.negated.pattern.fullmatch(c.ctx.word(t)) or c.ctx.word(t) in L.refusals
               for t in range(start, c.k))


@CUE_RULES.register("coordinated-cue", lambda c: c.word in c.ctx.L.pre_cues
                    and _word_before_subject(c) in c.ctx.L.predicate_coordinators)
def coordinated_cue(c: CueScan) -> Attribution | None:
    """ "Graham called Trump “crazy” and said the party is bound to lose": the second predicate
    shares the clause's subject, who is the speaker of what follows the cue."""
    coordinator = _subject_end(c) - 1
    subject = _clause_subject(c, coordinator) or _name_with_appositive(c, coordinator)
    across = None if subject is not None else _predicate_list_subject(c, coordinator)
    # "Sanders, who endorsed Canova and said he would campaign with him, did not show up":
    # what is said inside a relative clause ends at its comma
    content = _content_after(c, stop_at_comma=across is not None and c.ctx.word(across[1]) == ",")
    if content is None or _refused(c, coordinator):
        return None
    if c.word in c.ctx.L.nominal_cues and content[0] == c.k + 1:
        return None  # "dan menyampaikan laporannya": an object, not a reported statement
    speaker = _first_predicate_speaker(c, coordinator) or _subject_speaker(c, subject or across)
    if speaker is None:
        return None
    att = _said_after(c, speaker, coordinator, content)
    if across is not None and speaker.kind != SpeakerKind.publisher:
        att.rule = "attribution.predicate-list"
    return att


def _subject_speaker(c: CueScan, phrase: tuple[int, int] | None) -> SpeakerRef | None:
    """The speaker a subject found back across a predicate names, if it names someone."""
    if phrase is None:
        return None
    speaker = speaker_from_np(c.ctx, c.reg, phrase[0], phrase[1], c.ctx.surface(c.k))
    return speaker if speaker is not None and _names_someone(speaker, phrase) else None


def _predicate_list_subject(c: CueScan, coordinator: int) -> tuple[int, int] | None:
    """ "Trump summed up Clinton as “terrible,” denounced her record and said …", "Clinton, who
    was speaking to the mayors, did not mention Trump, but told …": the clause before the
    coordinator is a predicate with no subject of its own (it opens with a verb after a comma);
    the subject is that of the clause the list of predicates opens with, found back across the
    predicates and a relative clause set off after a name."""
    ctx = c.ctx
    if _reports_nothing(c):
        return None
    end = coordinator - 1 if ctx.word(coordinator - 1) == "," else coordinator  # ", but told …"
    for _ in range(_PREDICATE_LIST):
        opening = end
        while opening > c.clause_start and ctx.word(opening - 1) != ",":
            opening -= 1  # "… her record as secretary of state and said": no subordinator opens a chunk
        if opening >= end:
            return None
        if opening <= c.clause_start:
            return _opening_subject(c, end)
        first = opening
        while first < end and _closes(ctx, first):
            first += 1  # "“terrible,” denounced": the quote's closing mark opens no clause
        if ctx.word(first) in ctx.L.relative:
            return _relative_antecedent(c, opening - 1)
        if first == end or not _opens_predicate(ctx, first):
            return None
        end = opening - 1
    return None


def _opening_subject(c: CueScan, end: int) -> tuple[int, int] | None:
    """The subject of the sentence's first clause (tokens up to ``end``): the words before its
    first verb, when they are a noun phrase."""
    ctx = c.ctx
    start = _past_dateline(ctx, c.lo, c.clause_start, end)
    start += ctx.match_seq(start, ctx.L.leading, end)
    verb = next((t for t in range(start, end) if _opens_predicate(ctx, t)), end)
    if any(not ctx.is_word(t) and ctx.word(t) != "." for t in range(start, verb)):
        return None  # "George Zimmerman (left) shot …": a bracket or quote makes no plain subject
    fillers = PhraseFillers.of(ctx.L.code)
    while verb - 1 > start and verb < end and fillers.fills(ctx, verb - 1):
        verb -= 1  # "Trump further summed up …": an adverb before the verb is no part of the subject
    if verb == end or not 0 < verb - start <= _SUBJECT_WORDS or not _is_np(ctx, start, verb):
        return None
    return start, verb


def _reports_nothing(c: CueScan) -> bool:
    """Does the cue take an object ("wrote a children's book", "criticized Sanders after the
    event", "accused her of …") rather than report a statement? A statement follows "that" or a
    recipient, opens a quote, or is a clause whose verb comes within a few words."""
    ctx = c.ctx
    if c.k + 1 < c.hi and ctx.word(c.k + 1) in ctx.L.infinitive_markers:
        return True  # "has agreed to serve", "have vowed to block it": an intention, no statement
    content = content_start_after_cue(ctx, c.k, c.hi)
    if content >= c.hi or content > c.k + 1 or any(q[0] == ctx.idx.spans[content][0] for q in c.quoted):
        return False
    for t in range(content, min(c.hi, content + _STATEMENT_VERB_WORDS)):
        if ctx.word(t) in ctx.L.np_stops or not ctx.is_word(t):
            return True
        if t > content and _opens_predicate(ctx, t):
            return False
    return True


_STATEMENT_VERB_WORDS = 6  # words at most from the start of a reported clause to its verb


_PREDICATE_LIST = 4  # predicates at most a subject is found back across ("X did A, did B, did C and said")


def _opens_predicate(ctx: Ctx, t: int) -> bool:
    """Does token ``t`` open a predicate (a verb or an auxiliary, after any adverbs)?"""
    word = ctx.word(t)
    return ctx.is_verb(t) or word in ctx.L.auxiliaries or word in _emphatic_auxiliaries(ctx.L.code)


@cache
def _emphatic_auxiliaries(lang: str) -> frozenset[str]:
    return frozenset(claims_table(lang).emphatic_auxiliaries)


def _relative_antecedent(c: CueScan, comma: int) -> tuple[int, int] | None:
    """The name that opens the sentence right before the comma of a relative clause ("Clinton,
    who was speaking to the mayors, …"), when it is all capitalised words."""
    ctx = c.ctx
    start = _past_dateline(ctx, c.lo, c.clause_start, comma)
    start += ctx.match_seq(start, ctx.L.leading, comma)
    if not 0 < comma - start <= _OPENING_NAME_WORDS:
        return None
    return (start, comma) if all(ctx.is_cap(t) or ctx.word(t) == "." for t in range(start, comma)) else None


def _first_predicate_speaker(c: CueScan, coordinator: int) -> SpeakerRef | None:
    """ "Graham called both candidates “crazy” and said …": the first predicate was a cue of its
    own, whose content ends at the coordinator; its speaker (found and resolved there) is the
    subject of both."""
    before = c.before
    if before is None or before.content is None or before.content[1] > c.ctx.idx.spans[coordinator][0]:
        return None
    return replace(before.speaker, cue=c.ctx.surface(c.k))


def _names_someone(speaker: SpeakerRef, phrase: tuple[int, int]) -> bool:
    """A subject found back across a predicate is trusted when it names a person or an
    organisation, or is a lone pronoun; a longer common-noun phrase is too often not the subject."""
    named = speaker.kind in (SpeakerKind.person, SpeakerKind.organisation)
    return named or phrase[1] - phrase[0] == 1


def _antecedent(c: CueScan, relative: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at token ``relative`` refers to ("Barkley, who …")."""
    ctx = c.ctx
    end = relative - 1 if relative > c.lo and ctx.word(relative - 1) == "," else relative
    start = end
    while start > c.lo and end - start < _SUBJECT_WORDS and ctx.is_word(start - 1) \
            and not ctx.is_verb(start - 1) and ctx.word(start - 1) not in ctx.L.np_stops:
        start -= 1
    start = _name_before_place(ctx, c.lo, start, end)
    start += ctx.match_seq(start, ctx.L.leading, end)
    if start == end or not _is_np(ctx, start, end):
        return None
    if all(ctx.word(t)[:1].isdigit() for t in range(start, end)) and start - 1 > c.lo and ctx.word(start - 1) == ",":
        return _antecedent(c, start - 1)  # "Woodrow Benford, 58, who …": the age is set off too
    return start, end


def _name_before_place(ctx: Ctx, lo: int, start: int, end: int) -> int:
    """ "Senator Chris Murphy of Connecticut, who …": a place after "of" is where the person the
    relative clause is about comes from; the antecedent starts at the name before it."""
    if start - 2 <= lo or place_at_end(ctx, start, end) != start or not ctx.is_cap(start - 2):
        return start
    name = start - 1
    while name > lo and start - name < _SUBJECT_WORDS and (ctx.is_cap(name - 1) or ctx.word(name - 1) == "."):
        name -= 1
    return name if before_home_place(ctx, name, end) < end else start


def _nonrestrictive_relative(c: CueScan) -> bool:
    end = _subject_end(c)
    return end - 1 > c.lo and c.ctx.word(end - 1) in c.ctx.L.relative and c.ctx.word(end - 2) == ","


@CUE_RULES.register("relative-subject", lambda c: c.word in c.ctx.L.pre_cues and _nonrestrictive_relative(c))
def relative_subject(c: CueScan) -> Attribution | None:
    """ "Barkley, who said he typically votes democratic, …": the speaker is what the relative
    pronoun refers to; the mention stays on the pronoun, the name is the antecedent's. Only a
    relative clause set off by a comma adds a statement: a restrictive one ("pengusaha yang
    menyampaikan minatnya", "voters who say …") describes who is meant."""
    relative = _subject_end(c) - 1
    antecedent = _antecedent(c, relative)
    content = _content_after(c, stop_at_comma=True)
    if antecedent is None or content is None or _refused(c, relative) \
            or _short_act(c.ctx, c.k, c.k + 1, content[1]):
        return None  # "Clinton, who called Sanders shortly after …,": a call, no statement
    speaker = speaker_from_np(c.ctx, c.reg, antecedent[0], antecedent[1], c.ctx.surface(c.k))
    if speaker is None:
        return None
    return _said_after(c, replace(speaker, mention=c.ctx.span(relative, relative + 1)), relative, content)


def _comma_before_degrees(c: CueScan) -> int | None:
    """The comma before academic degrees that end the subject ("Dr. Ahmad Yustika, MA
    mengatakan"), if the words between it and the cue are all degrees."""
    ctx, end = c.ctx, _subject_end(c)
    start = end
    while start > c.lo and (ctx.word(start - 1) in ctx.L.post_nominals or ctx.word(start - 1) == "."):
        start -= 1
    if start == end or start <= c.lo or ctx.word(start - 1) != ",":
        return None
    return start - 1


@CUE_RULES.register("degrees-after-name", lambda c: c.word in c.ctx.L.pre_cues
                    and _comma_before_degrees(c) is not None)
def degrees_after_name(c: CueScan) -> Attribution | None:
    """ "Pengamat ekonomi Dr. Ahmad Yustika, MA mengatakan …": the degrees after the comma are
    the name's, the speaker is the phrase before the comma."""
    comma = _comma_before_degrees(c)
    if comma is None:
        return None
    start = _clause_opening(c, comma)
    content = _content_after(c)
    if not 0 < comma - start <= 16 or content is None:
        return None
    speaker = speaker_from_np(c.ctx, c.reg, start, comma, c.ctx.surface(c.k))
    if speaker is None:
        return None
    return _said_after(c, speaker, start, content)


@CUE_RULES.register("participle-cue", lambda c: c.word in c.ctx.L.participle_cues and c.prev == ",")
def participle_cue(c: CueScan) -> Attribution | None:
    """ "Clinton posted a comment, saying “We are so excited”": the participle reports what the
    subject of the clause before the comma said."""
    subject = _clause_subject(c, c.k - 1) or _sentence_subject(c) or _name_with_appositive(c, c.k - 1)
    content = _content_after(c)
    if subject is None or content is None:
        return None
    speaker = speaker_from_np(c.ctx, c.reg, subject[0], subject[1], c.ctx.surface(c.k))
    if speaker is None or not _names_someone(speaker, subject):
        return None
    return _said_after(c, speaker, c.k - 1, content)


def _name_with_appositive(c: CueScan, end: int) -> tuple[int, int] | None:
    """The name that opens the sentence when an appositive set off by commas stands between it
    and its predicate ("Brian Fallon, a spokesman for Mrs. Clinton, called on … and said …"):
    (first token, comma token) of the name, the predicate's verb right after the second comma."""
    ctx = c.ctx
    start = _past_dateline(ctx, c.lo, c.clause_start, end)
    start += ctx.match_seq(start, ctx.L.leading, end)
    comma = start
    while comma < end and comma - start < _OPENING_NAME_WORDS and (ctx.is_cap(comma) or ctx.word(comma) == "."):
        comma += 1
    if comma == start or comma >= end or ctx.word(comma) != ",":
        return None
    close = next((t for t in range(comma + 1, min(end, comma + 1 + _APPOSITIVE_TOKENS)) if ctx.word(t) == ","), end)
    if close + 1 >= end or not starts_predicate(ctx, close + 1, end) or not _is_appositive(ctx, comma + 1, close):
        return None
    return start, comma


def _sentence_subject(c: CueScan) -> tuple[int, int] | None:
    """The subject of the clause that opens the sentence, up to its first verb, when the clause
    before the participle's comma has none of its own ("Fiorina was upfront about her distaste
    for Trump, the current front-runner, saying …")."""
    ctx, L = c.ctx, c.ctx.L
    start = _past_dateline(ctx, c.lo, c.clause_start, c.k)
    start += ctx.match_seq(start, L.leading, c.k)
    verb = next((t for t in range(start, c.k) if ctx.is_verb(t) or ctx.word(t) in L.auxiliaries), c.k)
    if verb >= c.k - 1 or not 0 < verb - start <= _SUBJECT_WORDS or not _is_np(ctx, start, verb):
        return None
    return start, verb


def _evidence_subject(c: CueScan) -> tuple[int, int] | None:
    """The subject before the cue when it is a poll, survey, study or data ("The latest
    Reuters/Ipsos poll", "Hasil survei Indikator")."""
    end = _subject_end(c)
    start = _clause_opening(c, end)
    words = range(start, end)
    if not 0 < end - start <= _SUBJECT_WORDS or not any(c.ctx.word(t) in c.ctx.L.evidence_nouns for t in words):
        return None
    return (start, end) if _is_np(c.ctx, start, end) else None


@CUE_RULES.register("evidence-cue", lambda c: c.word in c.ctx.L.evidence_cues and _evidence_subject(c) is not None)
def evidence_cue(c: CueScan) -> Attribution | None:
    """ "A CNN/ORC poll showed …", "Survei Indikator menunjukkan …": who made the poll or study
    is the source (named by its capitalised words); a document alone is never a speaker."""
    subject = _evidence_subject(c)
    content = _content_after(c)
    if subject is None or content is None:
        return None
    org = _evidence_author(c.ctx, *subject) or earlier_author(c.ctx, *subject)
    if org is None:
        return None
    speaker = SpeakerRef(SpeakerKind.organisation, name=org, organisation=org,
                         mention=c.ctx.span(*subject), cue=c.ctx.surface(c.k))
    return _said_after(c, speaker, subject[0], content)


def _evidence_author(ctx: Ctx, start: int, end: int) -> str | None:
    """Who made the poll or data: the capitalised words after the noun ("data dari Badan
    Kesehatan Dunia (WHO)"), else those before it ("the latest Reuters/Ipsos poll"); not a place,
    and not a common word capitalised to open the sentence before a place ("Exit polls taken in …")."""
    L = ctx.L
    noun = next(t for t in range(start, end) if ctx.word(t) in L.evidence_nouns)
    after = next((t for t in range(noun + 1, end) if ctx.is_cap(t)), None)
    placed = after is not None and ctx.word(after - 1) in L.occasion_prepositions
    if after is not None and not placed:
        first, last = after, end - 1
    else:  # "exit polls in New Hampshire", "a Bloomberg poll in June": where or when, not who
        named = _named_before(ctx, start, noun, placed)
        if not named:
            return None
        first, last = named[0], named[-1]
    n, hit = ctx.gazetteer_at(first, last + 1)
    if hit is not None and hit[0] == "location" and n == last + 1 - first:
        return None
    return ctx.phrase(first, last + 1)


def _named_before(ctx: Ctx, start: int, noun: int, placed: bool) -> list[int]:
    """The capitalised words before the evidence noun that may name its author: no article,
    leading connective or function word, nor (before a place) a common word opening the sentence."""
    L = ctx.L
    return [t for t in range(start, noun) if ctx.is_cap(t) and ctx.word(t) not in L.np_articles
            and ctx.match_seq(t, L.leading, noun) == 0 and not _function_word(L, ctx.word(t))
            and not (placed and _capitalised_to_open_only(ctx, t))]


def _function_word(L: Lang, word: str) -> bool:
    """A subordinator or stop word capitalised to open the sentence ("Because exit polls …") names
    no author (helper enspk, session 15)."""
    return word in L.np_stops or word in L.subordinators or word in L.fact_subordinators


@CUE_RULES.register("record-cue", lambda c: c.word in c.ctx.L.record_cues)
def record_cue(c: CueScan) -> Attribution | None:
    """ "BPS mencatat inflasi September mencapai 0,22 persen": an organisation or a named
    official records a figure; what it records is a clause, not an object ("mencatat kemenangan")."""
    end = _subject_end(c)
    start = _clause_opening(c, end)
    content = _content_after(c)
    if not 0 < end - start <= 16 or not _is_np(c.ctx, start, end) or content is None \
            or not _clause_after(c.ctx, content[0] + 1, content[1]):
        return None
    speaker = speaker_from_np(c.ctx, c.reg, start, end, c.ctx.surface(c.k))
    if speaker is None or speaker.via not in (None, NAMED_ORGANISATION) or not (
            speaker.kind == SpeakerKind.organisation or (speaker.kind == SpeakerKind.person and speaker.name)):
        return None
    return _said_after(c, speaker, start, content)


def _pre_cue_applies(c: CueScan) -> bool:
    return c.word in c.ctx.L.pre_cues and not _after_np_stop(c) and not _after_possessive(c)


def _after_possessive(c: CueScan) -> bool:
    """ "Their calls intensified", "Their fear is that …": after a possessive determiner the cue
    word is a noun, no verb of speaking."""
    return c.k > c.lo and c.prev in c.ctx.L.possessive_determiners


def _progressive(c: CueScan) -> bool:
    return c.word in c.ctx.L.participle_cues and c.k > c.lo and c.prev in c.ctx.L.passive_auxiliaries


@CUE_RULES.register("progressive-cue", _progressive)
def progressive_cue(c: CueScan) -> Attribution | None:
    """ "The Florida senator is predicting that he will win …": a participle cue after a form of
    "be" is the verb of the clause, its subject the speaker (as "X predicts that …")."""
    return _pre_cue(c.ctx, c.reg, c.k, c.lo, c.hi, c.quoted)


_HEAD_WORDS = 6  # a subject noun phrase before its restrictive relative clause


def _restricted_subject(c: CueScan) -> tuple[int, int] | None:
    """The noun phrase before a restrictive relative clause that runs up to the cue ("A woman
    who has accused Bill Clinton of rape said …"): (first token, relative pronoun token). Not
    when the pronoun is right before the cue ("voters who say …": the relative clause says it)."""
    ctx, L = c.ctx, c.ctx.L
    start = _past_dateline(ctx, c.lo, c.clause_start, c.k)
    start += ctx.match_seq(start, L.leading, c.k)
    if ctx.word(start) in L.subordinators:
        start += 1  # "Though executives who … say …": the subordinator opens the clause, not the subject
    end = _subject_end(c)
    rel = next((t for t in range(start + 1, min(end, start + _HEAD_WORDS + 1)) if ctx.word(t) in L.relative), None)
    if rel is None or rel >= end - 1 or not _is_np(ctx, start, rel):
        return None
    if any(not ctx.is_word(t) and not _in_bracketed_acronym(ctx, t) for t in range(rel + 1, end)):
        return None  # a comma or a quote: no plain relative clause
    return start, rel


def _in_bracketed_acronym(ctx: Ctx, t: int) -> bool:
    """Is token t a bracket around one acronym ("Ketua Lembaga Riset Keamanan Siber (CISSReC)")?"""
    if ctx.word(t) == "(":
        return t + 2 < len(ctx.idx.spans) and ctx.word(t + 2) == ")" and ctx.is_cap(t + 1)
    return ctx.word(t) == ")" and t >= 2 and ctx.word(t - 2) == "(" and ctx.is_cap(t - 1)


def _comma_opens_content(c: CueScan) -> bool:
    """ "Refrizal yang juga Ketua Satgas mengatakan, patroli …": a comma right after a cue that never
    follows its content opens what was said, when the subject before the relative clause is a
    name the article writes capitalised inside a sentence too (not "Pria yang kerap disapa Bani
    ini", "Tim yang mendampingi …", "Pejabat militer yang enggan disebutkan …"; helper idfix,
    session 15)."""
    ctx = c.ctx
    if c.word in ctx.L.post_cues or c.k + 2 >= c.hi or ctx.word(c.k + 1) != "," or not ctx.is_word(c.k + 2):
        return False
    found = _restricted_subject(c)
    return found is not None and _named_elsewhere(ctx, found[0])


def _named_elsewhere(ctx: Ctx, t: int) -> bool:
    """Is the word at token t written capitalised elsewhere inside a sentence (a name)?"""
    return ctx.is_cap(t) and any(k != t and ctx.is_cap(k) and not opens_sentence(ctx, k)
                                 for k in ctx.positions(ctx.word(t)))


@CUE_RULES.register("restricted-subject", lambda c: c.word in c.ctx.L.pre_cues and _restricted_subject(c) is not None
                    and (_clause_follows_cue(c) or _comma_opens_content(c)))
def restricted_subject(c: CueScan) -> Attribution | None:
    """ "A woman who has accused Bill Clinton of rape said Sunday that …": the subject is the noun
    phrase the relative clause restricts; the clause stays part of who is meant."""
    found = _restricted_subject(c)
    content = _content_after(c)
    if found is None or content is None or _refused(c, found[1]):
        return None
    speaker = speaker_from_np(c.ctx, c.reg, found[0], found[1], c.ctx.surface(c.k))
    if speaker is None:
        return None
    return _said_after(c, speaker, found[0], content)


def _complement_cue_applies(c: CueScan) -> bool:
    return c.word in c.ctx.L.complement_cues and c.k + 1 < c.hi and c.ctx.word(c.k + 1) in c.ctx.L.complementisers


@CUE_RULES.register("complement-cue", _complement_cue_applies)
def complement_cue(c: CueScan) -> Attribution | None:
    """ "Pew found that …", "he pointed out that …": a verb that reports what its subject states
    only when a complement clause follows it ("found a job" states nothing)."""
    return _pre_cue_from(c, _pronoun_before(c))


@CUE_RULES.register("pre-cue", _pre_cue_applies)
def pre_cue(c: CueScan) -> Attribution | None:
    """X mengatakan … / X said …: the speaker and a speech verb before what was said."""
    return _pre_cue(c.ctx, c.reg, c.k, c.lo, c.hi, c.quoted)


def _opens_clause(c: CueScan) -> bool:
    L = c.ctx.L
    is_prefix = c.word in L.prefix_cues or bool(c.base and c.base in L.prefix_cues)
    return is_prefix and (c.k == c.lo or c.prev == "," or _after_leading(c.ctx, c.lo, c.k))


@CUE_RULES.register("prefix-cue", _opens_clause)
def prefix_cue(c: CueScan) -> Attribution | None:
    """Menurut X, … / According to X, … / Menurutnya, …"""
    at_start = c.k == c.lo or (c.prev != "," and _after_leading(c.ctx, c.lo, c.k))
    return _prefix_cue(c.ctx, c.reg, c.k, c.lo, c.hi, pronoun=c.word not in c.ctx.L.prefix_cues, at_start=at_start)


def _cites_document(c: CueScan) -> bool:
    L = c.ctx.L
    # at the sentence's start only: after a comma it cites what another source says ("SMH, mengutip
    # percakapan …, menyebut …")
    return c.word in L.document_prefix_cues and (c.k == c.lo or _after_leading(c.ctx, c.lo, c.k)) \
        and _document_after(c)


def _document_after(c: CueScan) -> bool:
    """Does a document word follow the cue ("mengutip laporan …", "mengutip data …")?"""
    return bool(c.ctx.match_seq(c.k + 1, c.ctx.L.document_words, c.hi))


@CUE_RULES.register("document-prefix-cue", _cites_document)
def document_prefix_cue(c: CueScan) -> Attribution | None:
    """ "Mengutip laporan ICW, …": a document cited at the clause's start is the content's source, as
    after "Menurut laporan ICW, …"; the cue alone ("Mengutip Telegraph, …") cites a medium, no source."""
    return _prefix_cue(c.ctx, c.reg, c.k, c.lo, c.hi, pronoun=False, at_start=True)


@CUE_RULES.register("inline-cue", lambda c: c.word in c.ctx.L.inline_cues and c.k > c.clause_start)
def inline_cue(c: CueScan) -> Attribution | None:
    """Subject menurut X predicate: a source between subject and predicate, without commas."""
    return _inline_cue(c.ctx, c.reg, c.k, c.hi, c.clause_start, c.word)


@CUE_RULES.register("passive-cue", lambda c: c.word in c.ctx.L.passive_cues and c.k > c.lo)
def passive_cue(c: CueScan) -> Attribution | None:
    """… diungkapkan oleh X / Hal itu disampaikan X: a passive speech verb with its agent."""
    return _passive_cue(c.ctx, c.reg, c.k, c.lo, c.hi, c.clause_start)
