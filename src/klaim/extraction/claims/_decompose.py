"""Split a stretch of content into atomic claims: coordinated predicates and clauses,
appositions and relative clauses that carry their own fact.

Verbs are recognised by the language table (listed verbs and verb prefixes), so the rules below
stay the same for every language: a split needs a verb on both sides, which keeps noun lists
("Tiongkok, Korea Utara, dan Iran") whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from klaim.extraction.claims._attribution import PUBLISHER, SpeakerRef
from klaim.extraction.claims._clauses import (
    appositive_subject,
    claimed_items,
    clause_table,
    measured_noun_phrases,
    relative_antecedent,
)
from klaim.extraction.claims._context import CLOSING, DATELINE, OPENING, Ctx
from klaim.extraction.claims._enumeration import (
    MAX_ITEMS,
    cause_head_end,
    closes_pair,
    contrast_cut,
    enumeration_ends,
    figure_ends,
    item_text,
    owned_phrases,
    subordinate_start,
    trailing_appositive,
    wish_predicate_ends,
)
from klaim.extraction.claims._lang import Lang, Phrases
from klaim.extraction.claims._table import claims_table
from klaim.extraction.text import DOUBLE_APOSTROPHE, ends_sentence, mark_before, quote_mark
from klaim.schema import SpeakerKind


@dataclass
class Unit:
    start: int
    end: int
    text: str
    sentence: tuple[int, int]
    speaker: SpeakerRef
    spans: list[tuple[int, int]] = field(default_factory=list)
    quote: bool = False
    role: str = "main"          # main, coordinated, clause, relative, apposition, residual
    cue: str | None = None      # attribution cue, which may itself hedge ("memperkirakan")
    skip: tuple[int, int] | None = None  # an inserted clause that is not part of this claim
    rules: tuple[str, ...] = ()  # names of the rules that made the unit and chose its speaker
    text_rules: tuple[str, ...] = ()  # rules that wrote its text otherwise than the span's words


_SPACES = re.compile(r"\s+")


def standalone(words: list[str]) -> str:
    """Join pieces into a sentence: capitalised first letter, final full stop."""
    s = " ".join(w.strip() for w in words if w and w.strip())
    s = _SPACES.sub(" ", s).strip(" ,;:")
    if not s:
        return s
    s = s[0].upper() + s[1:]
    return s if ends_sentence(s) else s + "."


def trim_tokens(ctx: Ctx, i: int, j: int, *, residual: bool = False, para_start: int | None = None,
                verbatim: bool = False, keep_verb: bool = False) -> tuple[int, int]:
    """Drop leading connectives and punctuation and trailing punctuation from tokens i..j-1.

    ``verbatim`` (quotes) keeps the words and only drops punctuation at the edges. The answer
    depends on the tokens alone: kept per article, as a clause's stages ask again for the same
    stretch (a fifth of the questions on IndoSum).
    """
    key = ("decompose.trim", i, j, residual, para_start, verbatim, keep_verb)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = _trimmed(ctx, i, j, residual, para_start, verbatim, keep_verb)
    return hit  # type: ignore[no-any-return]


def _trimmed(ctx: Ctx, i: int, j: int, residual: bool, para_start: int | None, verbatim: bool,
             keep_verb: bool) -> tuple[int, int]:
    if para_start is not None:
        # "1. Saya sampai …", "(2) …": a list item's number; "JAKARTA, KOMPAS.com - …": a dateline
        i = _skip_paragraph_opening(ctx, i, j, para_start, LIST_NUMBER)
        i = _skip_paragraph_opening(ctx, i, j, para_start, DATELINE)
    while i < j:
        nxt = _trim_leading(ctx, i, j, residual=residual, verbatim=verbatim, keep_verb=keep_verb)
        if nxt == i:
            break
        i = nxt
    j = _trim_trailing(ctx, i, j)
    cut = min(_trailing_connective(ctx, i, j), _dangling_relative(ctx, i, j), _trailing_source(ctx, i, j))
    return i, (j if cut == j else _trim_trailing(ctx, i, cut))


SOURCE_TAIL = 20  # tokens at most in a source set off at a claim's end ("…, according to an AP-GfK poll …")


def _trailing_source(ctx: Ctx, i: int, j: int) -> int:
    """Where a claim ends before a source set off by a comma at its end (``source_tails``: "… than
    help, according to preliminary exit polling reported by CNN"): the attribution is the speaker's,
    no part of the span. Not a source that opens the claim ("That's according to …")."""
    L = ctx.L
    lo = max(i + L.min_claim_tokens, j - SOURCE_TAIL)
    found = _source_tail_words(ctx)
    n = bisect_left(found, j - 1)
    if not n or found[n - 1] <= lo:
        return j  # most claims: no source word near their end, found by a bisection
    for k in range(j - 2, lo, -1):
        if ctx.word(k) == ",":
            return j  # "Of its voters, according to county data, 30,290 are Democrats": a source inside
        if ctx.word(k - 1) == "," and ctx.match_seq(k, L.source_tails, j):
            return k - 1
    return j


def _source_tail_words(ctx: Ctx) -> list[int]:
    """The article's tokens that open a ``source_tails`` phrase, ascending (found once)."""
    hit = ctx.memo.get("decompose.source-tails")
    if hit is None:
        first = ctx.L.source_tails.by_first
        hit = [k for k, w in enumerate(ctx.idx.lower) if w in first] if first else []
        ctx.memo["decompose.source-tails"] = hit
    return hit


def _is_preposition(ctx: Ctx, k: int) -> bool:
    L = ctx.L
    w = ctx.word(k)
    return w in L.np_stops and w not in L.coordinators and w not in L.relative and w not in L.complementisers


def _dangling_relative(ctx: Ctx, i: int, j: int) -> int:
    """Where a claim ends before a relative word left at its end ("… at the Mexico border, which"
    when "he said" after it starts someone's statement; "… the elementary school in Florida where"):
    the relative clause went to another claim, and its opener (with a preposition before it: "in
    which") is no part of this one. Not an indirect question ("did not say when", "and when")."""
    L = ctx.L
    k = j - 1
    if k - 1 <= i or ctx.word(k) not in L.dangling_relatives:
        return j
    if _is_preposition(ctx, k - 1):
        k -= 1  # "in which", "to whom"
    before = ctx.word(k - 1)
    if before in L.coordinators or before in L.pre_cues or before in L.post_cues or ctx.is_verb(k - 1):
        return j
    return k


def _trailing_connective(ctx: Ctx, i: int, j: int) -> int:
    """Where a claim ends before a connective that a comma sets off at its end ("… Sumber Waras, di
    mana", "…, namun"): the connective opens the next clause, it is not this claim's."""
    for n in range(1, 4):
        k = j - n
        if k - 1 > i and ctx.word(k - 1) == "," and (ctx.match_seq(k, ctx.L.leading, j) == n
                                                     or (n == 1 and ctx.word(k) in ctx.L.subordinators)):
            return k - 1  # "These figures are unsurprising, as": the subordinator opens what follows
    return j


def _skip_paragraph_opening(ctx: Ctx, i: int, j: int, para_start: int, opening: re.Pattern[str]) -> int:
    """The first token after ``opening`` when tokens i..j-1 start their paragraph with it and go
    on after it: what opens the paragraph (a dateline, a list item's number) is not part of the
    claim, nor are its figures."""
    spans = ctx.idx.spans
    if i >= j or spans[i][0] != para_start:
        return i
    m = opening.match(ctx.text, para_start)
    if m and m.end() < spans[j - 1][1]:
        while i < j and spans[i][0] < m.end():
            i += 1
    return i


def _leading_connective(ctx: Ctx, i: int, j: int, keep_verb: bool) -> int:
    """Length of the connective that leads tokens i..j-1 ("Namun", "Selain itu"), 0 if none."""
    L = ctx.L
    n = ctx.match_seq(i, L.leading, j)
    if n and ctx.match_seq(i, L.adverb_phrases, j) > n:
        return 0  # "So far, it is working": the phrase is the claim's time, no connective
    if n and ctx.match_seq(i, L.free_relative_openers, j) > n:
        return 0  # "Di mana pun mereka berada, …": a clause that leads to the main one, no connective
    if n == 1 and keep_verb and ctx.word(i) in L.verbs and i + 1 < j and ctx.word(i + 1) != ",":
        return 0  # "Smart city menurut Sandi jadi program …": a predicate after a restated subject
    return n


def _trim_leading(ctx: Ctx, i: int, j: int, *, residual: bool, verbatim: bool, keep_verb: bool) -> int:
    """One pass over what may lead a claim and is not part of it; returns the new start."""
    L = ctx.L
    # a connective or a citation is looked for only where a word opens one: most claims start otherwise
    if not verbatim and i < j and ctx.word(i) in L.leading.by_first:
        i += _leading_connective(ctx, i, j, keep_verb)
    if i < j and (not ctx.is_word(i) and quote_mark(ctx.text, ctx.idx.spans[i][0]) not in OPENING):
        i += 1
    i += _time_of_speaking(ctx, i, j)
    if residual and _opens_subordinate(ctx, i, j):
        i += 1
    c = ctx.match_seq(i, L.citations, j) if not verbatim and i < j and ctx.word(i) in L.citations.by_first else 0
    if c:
        # "seperti dikutip Reuters, …": a citation of the medium, not part of the claim
        comma = _next_comma(ctx, i + c, min(j, i + c + 8))
        if comma is not None:
            i = comma + 1
    return i



def _opens_subordinate(ctx: Ctx, k: int, j: int) -> bool:
    """Is token k a subordinator (``subordinators``) that opens no adverb ("once again")?"""
    return k < j and ctx.word(k) in ctx.L.subordinators and not ctx.match_seq(k, ctx.L.adverb_phrases, j)


SPEAKING_TIME_WORDS = 2  # words at most in the time of an act of speaking ("Tuesday night")


def _time_of_speaking(ctx: Ctx, i: int, j: int) -> int:
    """ "Wasserman Schultz announced Sunday she will resign …", "Clinton said Wednesday she, too, wants
    …": a day right after a speech cue (``speaking_time_words``) dates the act of speaking, and the
    clause said starts after it; the number of its words, 0 if none (not "said Thursday's speeches
    have …", where the day is the clause's subject)."""
    L = ctx.L
    if i == 0 or i >= j or ctx.word(i) not in L.speaking_time_words \
            or not (ctx.word(i - 1) in L.pre_cues or ctx.word(i - 1) in L.post_cues):
        return 0
    n = 1
    while n < SPEAKING_TIME_WORDS and i + n < j and ctx.word(i + n) in L.speaking_time_words:
        n += 1
    return n if _clause_subject_len(ctx, i + n, j) else 0


_FIGURE_SIGNS = "%‰°"
# A list item's number at the start of its paragraph, before a word ("1. Saya", "(2) Polisi", "3) …").
LIST_NUMBER = re.compile(r"\(?\d{1,2}[.)][ \t]+(?=\S)")


def _trim_trailing(ctx: Ctx, i: int, j: int) -> int:
    """Drop trailing punctuation from tokens i..j-1, but keep a closing mark whose opening mark
    is inside the claim: "tenaga kerja bongkar muat (TKBM)", "… "konfrontasi langsung"".

    The marks before each candidate are counted once and updated as tokens are dropped, so a run
    of closing brackets costs one pass, not one pass per bracket.
    """
    spans, text = ctx.idx.spans, ctx.text
    marks: _MarkCount | None = None
    while j > i and not ctx.is_word(j - 1):
        at = spans[j - 1][0]
        ch = mark_before(text, spans[j - 1][1])  # the second of '' closes as " does
        if ch in _FIGURE_SIGNS:
            break  # "naik 5%.": the sign is the figure's unit, not punctuation
        if ch == ")" or ch in CLOSING:
            marks = _MarkCount(text, spans[i][0], at) if marks is None else marks.up_to(at)
            if marks.closes(ch):
                break
        j -= 1
    return j


class _MarkCount:
    """Brackets and quotation marks in text[start:end], shrinkable from the right."""

    MARKS = ('(', ')', '"', '“', '”', DOUBLE_APOSTROPHE)

    def __init__(self, text: str, start: int, end: int):
        self.text, self.end = text, end
        piece = text[start:end]
        self.n = {m: piece.count(m) for m in self.MARKS}

    def up_to(self, end: int) -> _MarkCount:
        piece = self.text[end:self.end]
        for m in self.MARKS:
            self.n[m] -= piece.count(m)
        self.end = end
        return self

    def closes(self, ch: str) -> bool:
        """Does the closing mark ``ch`` at ``end`` close a mark opened inside the range?"""
        n = self.n
        if ch == ")":
            return n["("] > n[")"]
        return (n['"'] + n[DOUBLE_APOSTROPHE]) % 2 == 1 or n["“"] > n["”"]


def n_words(ctx: Ctx, i: int, j: int) -> int:
    return ctx.words_between(i, j)


def _skip_modifiers(ctx: Ctx, k: int, j: int) -> int:
    """Skip auxiliaries and hedges that stand between a subject or connective and the verb."""
    modifier, word = _modifiers(ctx), ctx.word
    while k < j and modifier[word(k)]:
        k += 1
    return k


_MODIFIER_WORDS = 200_000  # words at most kept per language (then it starts again)


class _Modifiers(dict[str, bool]):
    """Whether each word asked about is an auxiliary, hedge or negation, worked out the first
    time it is asked (``__missing__``) and kept per language (the answer depends on the word and
    the language's tables alone), not per article: asked for the tokens after every comma and
    coordinator of every clause, and two of the three tests are patterns."""

    __slots__ = ("L",)

    def __init__(self, L: Lang) -> None:
        super().__init__()
        self.L = L

    def __missing__(self, w: str) -> bool:
        L = self.L
        if len(self) >= _MODIFIER_WORDS:
            self.clear()  # a long run over many articles must not grow it without bound
        hit = self[w] = bool(w in L.auxiliaries or L.hedged.pattern.fullmatch(w) or L.negated.pattern.fullmatch(w))
        return hit


_MODIFIERS: dict[str, _Modifiers] = {}  # language code → its answers so far


def _modifiers(ctx: Ctx) -> _Modifiers:
    known = _MODIFIERS.get(ctx.L.code)
    # a Lang built anew (a table reloaded, a test's own) gets its own answers
    if known is None or known.L is not ctx.L:
        known = _MODIFIERS[ctx.L.code] = _Modifiers(ctx.L)
    return known


def _first_verb(ctx: Ctx, i: int, j: int, skip_relatives: bool = False) -> int | None:
    """The first verb; with ``skip_relatives`` the verbs of "yang …" clauses do not count."""
    in_rel = False
    for k in range(i, j):
        w = ctx.word(k)
        if skip_relatives and w in ctx.L.relative:
            in_rel = True
            continue
        if in_rel and w == ",":
            in_rel = False
            continue
        if ctx.is_verb(k):
            if in_rel:
                # the first verb after "yang" belongs to the relative clause; a later one after
                # its noun phrase ("… yang ditandatangani oleh Obama itu akan merugikan") is main
                in_rel = not _ends_relative(ctx, k, j)
                if in_rel:
                    continue
            return k
    return None


def _ends_relative(ctx: Ctx, k: int, j: int) -> bool:
    """Is the verb at k preceded by a demonstrative or name that closes a relative clause?"""
    prev = ctx.word(k - 1)
    while prev in ctx.L.auxiliaries and k > 1:
        k -= 1
        prev = ctx.word(k - 1)
    return prev in ctx.L.demonstratives


def _subject(ctx: Ctx, i: int, j: int) -> tuple[int, int, int]:
    """(subject start, subject end, verb index) of the clause at tokens i..j-1.

    A leading adverbial set off by a comma ("Kamis malam, …") is not part of the subject.
    """
    v = _first_verb(ctx, i, j, skip_relatives=True)
    if v is None:
        return i, i, j
    end = v
    modifier = _modifiers(ctx)
    while end > i and modifier[ctx.word(end - 1)]:
        end -= 1
    start = i
    for k in range(i, end):
        if ctx.word(k) == ",":
            start = k + 1
    return start, end, v


def _clause_subject_len(ctx: Ctx, u: int, j: int) -> int | None:
    """If tokens from u start a clause (a short subject, then a verb), the subject's length."""
    if u >= j or ctx.word(u) in ctx.L.np_stops or _skip_modifiers(ctx, u, j) > u:
        return None  # a clause needs a subject, not just "tidak" before its verb
    k, stop = u, min(j, u + 7)
    while k < stop:
        inserted = _dash_insertion_end(ctx, k, j) if k > u else None
        if inserted is not None:
            k, stop = inserted, min(j, stop + inserted - k)
            continue
        if _breaks_subject(ctx, k) or _comparison_tail(ctx, u, k):
            return None  # "… dan keputusan Labfor untuk mengetahui": a purpose clause, no subject
        v = _skip_modifiers(ctx, k, j)
        if v > k and v < j and ctx.is_verb(v) and k > u:
            return k - u
        if ctx.is_verb(k):
            return (k - u) if k > u else None
        k += 1
    return None


DASH_INSERTION_WORDS = 8  # words at most in a phrase set off by dashes inside a subject


def _dash_insertion_end(ctx: Ctx, k: int, j: int) -> int | None:
    """ "many outsiders -- some of them business people -- continue to shock …": a verbless phrase
    between two dashes inside a subject, right before its verb, describes it; the token after the
    closing dash, or None. Not a phrase that singles out ("— especially Hispanics —") or opens a
    participle clause ("— casting the government as enforcer —"): those end a clause before."""
    if not _is_dash(ctx, k):
        return None
    t = k + (2 if ctx.word(k) == "-" else 1)
    if t >= j or ctx.word(t) in ctx.L.non_subjects or _opens_participle(ctx, t):
        return None
    for e in range(t, min(j, t + DASH_INSERTION_WORDS + 1)):
        if _is_dash(ctx, e):
            after = e + (2 if ctx.word(e) == "-" else 1)
            v = _skip_modifiers(ctx, after, j)
            return after if e > t and v < j and ctx.is_verb(v) else None
        if not ctx.is_word(e) or ctx.is_verb(e):
            return None
    return None


def _comparison_tail(ctx: Ctx, u: int, k: int) -> bool:
    """Is token k the "than" of a comparison in what would be a clause's subject from token u
    ("… by Republicans and independents than Clinton is", "… for businesses and consumers faster
    than the Fed would like")? The words are the end of a comparison, no subject; but a subject may
    open with a quantity's comparative ("and more than 260 were injured")."""
    L = ctx.L
    return ctx.word(k) in L.comparison_markers and not (k == u + 1 and ctx.word(u) in L.quantity_comparatives)


def _breaks_subject(ctx: Ctx, k: int) -> bool:
    """Can token k not stand inside a clause's subject? A cause subordinator cannot either: in
    "… keputusan pemerintah dan DPR lantaran khawatir …" the conjunct "DPR" ends a noun phrase and
    the cause is said of the clause before, so "DPR lantaran" is no new clause's subject."""
    L = ctx.L
    w = ctx.word(k)
    return ((not ctx.is_word(k) and not _abbreviation_stop(ctx, k)) or w in L.relative or w in L.subject_breakers
            or w in L.coordinators or w in L.subordinators or w in L.cause_subordinators)


def _abbreviation_stop(ctx: Ctx, k: int) -> bool:
    """The full stop of an abbreviation inside a subject ("the U.S. will …", "Sen. Cruz has …"):
    part of the word before it, no punctuation (where the table lists ``abbreviations``)."""
    if ctx.word(k) != "." or k == 0 or not ctx.L.abbreviations or not ctx.is_word(k - 1):
        return False
    before = ctx.word(k - 1)
    return before in ctx.L.abbreviations or "." in before


def _initial_stop(ctx: Ctx, k: int) -> bool:
    """The full stop of an initial inside a name ("Samuel A. Alito"): one capital letter before it."""
    return ctx.word(k) == "." and k > 0 and ctx.is_cap(k - 1) and len(ctx.word(k - 1)) == 1 and ctx.is_word(k - 1)


def _next_comma(ctx: Ctx, start: int, stop: int) -> int | None:
    return next((k for k in range(start, stop) if ctx.word(k) == ","), None)


def _apposition(ctx: Ctx, i: int, j: int) -> tuple[int, int, int] | None:
    """ "Dua anggota terbaru NATO, Finlandia dan Swedia, bergabung …": (comma1, comma2, verb)."""
    L = ctx.L
    if ctx.word(i) in L.subordinators or ctx.word(i) in L.np_stops:
        return None
    c1 = _next_comma(ctx, i, min(j, i + 8))
    if c1 is None or c1 == i or _first_verb(ctx, i, c1) is not None:
        return None
    c2 = _next_comma(ctx, c1 + 1, min(j, c1 + 8))
    if c2 is None or c2 == c1 + 1:
        return None
    if not _appositive_names(ctx, c1, c2):
        return None
    v = _skip_modifiers(ctx, c2 + 1, j)
    return (c1, c2, v) if v < j and ctx.is_verb(v) else None


def _appositive_names(ctx: Ctx, c1: int, c2: int) -> bool:
    """Capitalised names (joined by coordinators) between the commas, and not a region."""
    names = [k for k in range(c1 + 1, c2) if ctx.word(k) not in ctx.L.coordinators]
    return bool(names) and all(ctx.is_cap(k) for k in names) and not _place_and_region(ctx, names[0], c2)


def _place_and_region(ctx: Ctx, k: int, c2: int) -> bool:
    """ "Kabupaten Indramayu, Jawa Barat, …": a place and its region, not an apposition."""
    n, hit = ctx.gazetteer_at(k, c2)
    return hit is not None and hit[0] == "location" and n == c2 - k



def _names_only(ctx: Ctx, a: int, b: int) -> bool:
    """Tokens a..b-1 are capitalised words only: an appositive name set off by commas."""
    words = [t for t in range(a, b) if ctx.is_word(t)]
    return bool(words) and all(ctx.is_cap(t) or ctx.word(t) in ctx.L.particles for t in words)


@dataclass
class _Scan:
    """State of the left-to-right scan for split points over tokens i..j-1."""

    j: int
    last_comma: int
    opener: int = 0             # the stretch's first token: a subordinator or condition opens no main clause
    has_verb: bool = False      # a predicate since the last split: a new conjunct may start
    purpose: bool = False       # after "untuk …", "seperti …" the verbs are a purpose or examples
    first_verb: int | None = None
    last_verb: int | None = None
    quote_depth: int = 0


# the characters ``_quote_depth`` (after ``quote_mark``) may change the depth at
_QUOTE_CHARACTERS = frozenset("“«”»\"'`")


def _quote_depth(ch: str, depth: int) -> int:
    if ch in "“«":
        return depth + 1
    if ch in "”»" and depth:
        return depth - 1
    if ch == '"':
        return 0 if depth else 1  # straight marks toggle
    return depth


def _split_points(ctx: Ctx, i: int, j: int) -> list[tuple[int, int, str]]:
    """Where coordinated predicates or clauses start: (connective index, content index, kind)."""
    L = ctx.L
    out: list[tuple[int, int, str]] = []
    st = _Scan(j, last_comma=i - 1, opener=i)
    text, spans, breakers = ctx.text, ctx.idx.spans, L.breaker_seqs.by_first
    k = i
    while k < j:
        w = ctx.word(k)
        # most tokens are neither a purpose breaker's first word nor a quote mark: those two
        # look-ups (which would find nothing) are made only for the tokens that are
        if w in breakers and _opens_purpose(ctx, st, k):
            st.purpose = True
        if text[spans[k][0]] in _QUOTE_CHARACTERS:
            st.quote_depth = _quote_depth(quote_mark(text, spans[k][0]), st.quote_depth)
        if st.quote_depth == 0 and (w in L.coordinators or w in (",", ";")) and k > i:
            hit = _split_at(ctx, st, k)
            if hit is not None:
                out.append(hit[0])
                k = hit[1]
                continue
        if w == ",":
            st.last_comma = k
        if w in L.relative:
            k = _skip_relative(ctx, st, k)
            continue
        if ctx.is_verb(k) and st.quote_depth == 0:
            if not st.has_verb:
                st.first_verb = k
            st.has_verb, st.last_verb = True, k
        k += 1
    return out


NAME_REACH = 6  # capitalised words at most before a coordinator inside an organisation's name


def _inside_organisation_name(ctx: Ctx, k: int) -> bool:
    """Is the coordinator at k part of an organisation's name ("Kementerian Pekerjaan Umum dan
    Perumahan Rakyat"): capitalised words on both sides, the run before it opening with an
    organisation's head? Then what follows is no new clause's subject."""
    if k < 1 or k + 1 >= len(ctx.idx.spans) or not (ctx.is_cap(k - 1) and ctx.is_cap(k + 1)):
        return False
    t = k - 1
    while t > 0 and k - t < NAME_REACH and ctx.is_word(t - 1) and ctx.is_cap(t - 1):
        t -= 1
    return ctx.word(t) in ctx.L.organisation_heads


def _opens_purpose(ctx: Ctx, st: _Scan, k: int) -> bool:
    """Does token k open a purpose clause or examples ("untuk …", "to …", "such as …")? Where the
    table sets ``purpose_after_verb``, not before the clause's first verb unless it opens the
    clause ("Her three speeches to employees … earned …": a preposition in the subject)."""
    if not ctx.match_seq(k, ctx.L.breaker_seqs, st.j):
        return False
    return st.has_verb or k == st.opener or not _purpose_after_verb(ctx.L.code)


@cache
def _purpose_after_verb(lang: str) -> bool:
    """Does a purpose clause only follow the predicate (English "to": before the first verb it is a
    preposition in the subject), where the table sets ``purpose_after_verb``?"""
    return clause_table(lang).purpose_after_verb


def _skip_relative(ctx: Ctx, st: _Scan, k: int) -> int:
    """A relative clause runs to the next comma; its verbs are not the clause's predicate. A
    result connective ends it too ("… segmen yang menjadi prioritas sehingga pembangunan …
    dapat dimulai"): the result is said of the whole clause, not of the relative's noun."""
    k += 1
    while k < st.j and ctx.word(k) not in (",", ";") and ctx.word(k) not in ctx.L.result_coordinators:
        if ctx.match_seq(k, ctx.L.breaker_seqs, st.j):
            st.purpose = True  # "yang menyentuh sektor logistik agar …, namun tetap …"
        k += 1
    return k


def _split_at(ctx: Ctx, st: _Scan, k: int) -> tuple[tuple[int, int, str], int] | None:
    """At a coordinator, comma or semicolon k: the split point and where the scan goes on."""
    L, j = ctx.L, st.j
    u = _conjunct_start(ctx, k, j)
    if u is None or _joins_pronoun_subject(ctx, k):
        return None
    v = _skip_modifiers(ctx, u, j)
    if not (v < j and ctx.is_verb(v)) and u < j and ctx.is_verb(u):
        v = u  # an auxiliary that is the verb itself: "… and has 32 members"
    if ctx.word(k) == ";" and n_words(ctx, u, j) >= L.min_claim_tokens:
        st.has_verb = False
        return (k, u, "clause"), u
    hit = _clause_after_connectives(ctx, st, k, u) or _complement_conjunct(ctx, st, k, u)
    if hit is not None:
        return hit
    kind = _split_kind(ctx, st, k, u, v) if st.has_verb else None
    if kind is None:
        return _first_person_split(ctx, st, k, u)
    st.has_verb = False
    if kind == "predicate":
        return (k, u, kind), v
    st.purpose = False
    return (k, u, kind), u


def _joins_pronoun_subject(ctx: Ctx, k: int) -> bool:
    """ "… after he and Cardin came to an impasse", "… when she and Obama carried on a battle": a
    coordinator right after a subject pronoun (``subject_pronouns``) joins two subjects of one
    clause; a clause ends at no subject pronoun, so no new one starts there."""
    return k > 0 and ctx.word(k) in ctx.L.coordinators and ctx.word(k - 1) in ctx.L.subject_pronouns


def _conjunct_start(ctx: Ctx, k: int, j: int) -> int | None:
    """Where what follows the coordinator, comma or semicolon at k starts (past a coordinator
    after a comma); None where the coordinator opens an adverb ("has so far been outspent") or
    closes a pair ("both X and Y", one fact): no split there."""
    u = k + 1
    if ctx.word(k) == "," and u < j and ctx.word(u) in ctx.L.coordinators:
        u += 1
    return None if ctx.match_seq(u - 1, ctx.L.adverb_phrases, j) or closes_pair(ctx, u - 1) else u


def _clause_after_connectives(ctx: Ctx, st: _Scan, k: int, u: int) -> tuple[tuple[int, int, str], int] | None:
    """ "…, sementara itu, di sisi lain, Turki juga punya …": a clause after connectives set off
    by commas (the split point and where the scan goes on)."""
    w = _past_set_off_connectives(ctx, k, st.j)
    if w > u and st.has_verb and _clause_subject_len(ctx, w, st.j):
        st.has_verb, st.purpose = False, False
        return (k, w, "clause"), w
    return None


SET_OFF_REACH = 16  # tokens at most from a dash to the dash that closes what it sets off


def _complement_conjunct(ctx: Ctx, st: _Scan, k: int, u: int) -> tuple[tuple[int, int, str], int] | None:
    """ "Kasich has argued that his rating is far higher, and that — despite … — he is best-positioned
    to …": a complement clause coordinated after a predicate (a second thing said, believed or
    found) is a claim of its own from its subject, past a phrase set off by dashes; where the table
    sets ``complement_conjuncts``. Not "and that accounts for …" ("that" is the subject), nor "so
    that …" (a purpose)."""
    L, j = ctx.L, st.j
    conn = ctx.word(u - 1)
    if not st.has_verb or u + 1 >= j or not (conn in L.list_coordinators or conn in L.contrast_connectives) \
            or ctx.word(u) not in L.complementisers or not clause_table(L.code).complement_conjuncts:
        return None
    w = u + 1
    if _is_dash(ctx, w):
        w = next((t + 1 for t in range(w + 2, min(j, w + SET_OFF_REACH)) if _is_dash(ctx, t)
                  and not _is_dash(ctx, t + 1)), w)
    if _is_adverb(ctx, w) or not _clause_subject_len(ctx, w, j):
        return None  # "a plan that was meant to … but that barely got off the ground": a relative clause
    st.has_verb, st.purpose = False, False
    return (k, w, "complement-conjunct"), w


def _past_set_off_connectives(ctx: Ctx, k: int, j: int) -> int:
    """After the comma at k, past discourse connectives that are themselves set off by commas
    ("…, sementara itu, di sisi lain, Turki …"): where the next clause starts (k + 1 if none)."""
    u = k + 1
    if ctx.word(k) != ",":
        return u
    for _ in range(3):
        n = ctx.match_seq(u, ctx.L.leading, j)
        if not n or u + n >= j or ctx.word(u + n) != ",":
            break
        u += n + 1
    return u


def _split_kind(ctx: Ctx, st: _Scan, k: int, u: int, v: int) -> str | None:
    """ "clause" (a new subject), "predicate" (the subject is shared) or None (no split)."""
    L, j = ctx.L, st.j
    conn = ctx.word(u - 1)
    if v < j and ctx.match_seq(v, L.existentials, j) and conn != ",":
        return "clause"  # "…, dan ada bekas …": an existential has no subject to share
    if _predicate_split(ctx, st, k, v, conn):
        return "predicate"
    if conn in L.clause_coordinators and conn != "," and _clause_subject_len(ctx, u, j) \
            and not _coordinated_complement(ctx, st, k) and not _closes_item_list(ctx, st, k) \
            and not _inside_organisation_name(ctx, k):
        return "clause"
    if conn == "," and _comma_splice(ctx, st, u):
        return "splice"
    return None


LIST_ITEM_WORDS = 3  # words at most in a comma-set item of a list of names or modifiers


def _closes_item_list(ctx: Ctx, st: _Scan, k: int) -> bool:
    """Does the coordinator at k close a comma list of short verbless items after the predicate
    ("… menelusuri bangkai kapal perang Belanda, Inggris, dan Amerika mempersiapkan …")? Its last
    item is one more of them (helper idprec), not the subject of a new clause; a clause before the
    comma ("Harga beras naik, harga cabai turun, dan …") has a verb of its own."""
    e = k - 1 if ctx.word(k - 1) == "," else k  # "…, dan" is split at its comma or at its coordinator
    v = st.last_verb
    c = next((t for t in range(e - 1, max(e - LIST_ITEM_WORDS - 2, -1), -1) if ctx.word(t) == ","), None)
    if v is None or c is None or c <= v:
        return False
    L = ctx.L
    return ctx.words_between(c + 1, e) > 0 and not any(
        ctx.is_verb(t) or ctx.word(t) in L.np_stops or ctx.word(t) in L.clause_coordinators
        or ctx.word(t) in L.subordinators for t in range(c + 1, e))  # a bare noun phrase, not "sementara X"


def _opens_dependent(ctx: Ctx, i: int, j: int) -> bool:
    """Does the stretch open with a subordinator, preposition, condition or "tidak hanya"?"""
    L, o = ctx.L, ctx.word(i)
    return (o in L.subordinators or o in L.np_stops or o in L.complementisers
            or bool(L.conditional.pattern.fullmatch(o)) or bool(ctx.match_seq(i, L.correlative_openers, j))
            or bool(ctx.match_seq(i, L.free_relative_openers, j)))


SPLICE_SUBJECT = 3  # words at most in the subject of a clause joined by a bare comma


def _comma_splice(ctx: Ctx, st: _Scan, u: int) -> bool:
    """ "Dana sudah ada, studinya pun sudah ada": a clause with a short subject of its own after a
    bare comma, when the stretch opened as a main clause (not "Setelah tiba di Doha, …", "Jika …,
    …", "Dengan adanya …, …"), is a claim of its own (measured on the Indonesian gold; off where
    the table sets no ``split_quotes``, since English commas join clauses less often)."""
    L = ctx.L
    if not L.split_quotes or st.purpose or _opens_dependent(ctx, st.opener, st.j):
        return False
    if _opens_with_verb_phrase(ctx, st.opener, st.j):
        return False  # "Mengantisipasi …, PT KAI menambah …": a subjectless phrase fronted to the main clause
    if st.last_verb is not None and ctx.word(st.last_verb) in _complement_verbs(L.code):
        return False  # "Desmond mendesak, Menkumham mencopot …": the verb's complement
    if ctx.word(u) in L.interrogatives:
        return False  # "…, apa kita harus pindah": an embedded question, the complement of the clause before
    if ctx.word(u) in L.non_subjects or not any(ctx.is_verb(t) for t in range(st.last_comma + 1, u - 1)):
        return False  # "…, pemeliharaan sapi, cara membuat konsentrat": the comma ends a verbless item
    n = _clause_subject_len(ctx, u, st.j)
    return n is not None and n <= SPLICE_SUBJECT and n_words(ctx, u, st.j) >= L.min_claim_tokens \
        and not _inserted_attribution(ctx, u + n, st.j)


def _inserted_attribution(ctx: Ctx, v: int, j: int) -> bool:
    """ "…, which is an outcome, he said, "we've long anticipated."": a subject and a speech cue
    set off by commas inside what is said is the act of speaking, no clause of its own."""
    return ctx.word(v) in ctx.L.post_cues and v + 1 < j and ctx.word(v + 1) == ","


def _figure_items(ctx: Ctx, a: int, b: int, head: list[str], like: Unit, limit: int) -> list[Unit]:
    """A claim per figure item of the clause a..b-1, from the clause's start to the item's end."""
    return [_part(ctx, a, end, head, like, "figure-item") for end in figure_ends(ctx, a, b)[:limit]
            if not _ends_fronted_phrase(ctx, a, end, b) and not _inside_fronted_adjunct(ctx, a, end, b)]


def _inside_fronted_adjunct(ctx: Ctx, a: int, end: int, b: int) -> bool:
    """Does an item ending at token ``end`` lie inside a subjectless subordinate clause fronted to
    the main clause ("Setelah menerima uang … dari 18 daerah tersebut, Jamaluddien memberikan …",
    "usai melakukan pembersihan … dan perbaikan …, penerbangan kembali berjalan normal")? That clause
    tells when or how the main one happens and states nothing alone: no item claim ends in it
    (helper idfix, session 11)."""
    first = trim_tokens(ctx, a, end)[0]
    if first + 1 >= end or ctx.word(first) not in ctx.L.subordinators or not ctx.is_verb(first + 1):
        return False
    comma = next((t for t in range(first + 2, b) if ctx.word(t) == ","), None)
    return comma is not None and end <= comma and _first_verb(ctx, comma + 1, b) is not None


def _ends_fronted_phrase(ctx: Ctx, a: int, k: int, b: int) -> bool:
    """Is the comma at k the end of a subjectless verb phrase fronted to the main clause after it
    ("Mengantisipasi … Imlek 2018 yang jatuh pada Jumat (16/2), PT KAI mengoperasikan …")? A
    figure's item must not end there: the phrase alone states nothing (helper idfix)."""
    return ctx.word(k) == "," and _opens_with_verb_phrase(ctx, trim_tokens(ctx, a, k)[0], k) \
        and _first_verb(ctx, k + 1, b) is not None


def _opens_with_verb_phrase(ctx: Ctx, t: int, j: int) -> bool:
    """Does a verb with words of its own open the stretch at token t ("Mengantisipasi kemacetan,
    …", "Melihat korban dianiaya, …"), not an existential ("Ada proses, …") nor a verb set off
    alone ("Tercatat, …")? Before a comma it has no subject: it leads to the clause after."""
    L = ctx.L
    return L.is_verb(ctx.word(t)) and t + 1 < j and ctx.word(t + 1) != "," and not ctx.match_seq(t, L.existentials, j)


def _first_person_split(ctx: Ctx, st: _Scan, k: int, u: int) -> tuple[tuple[int, int, str], int] | None:
    """The split point at the comma k before a first-person clause (``_first_person_clause``) that
    no other rule splits, and where the scan goes on; None if there is none."""
    if ctx.word(k) != "," or not _first_person_clause(ctx, st, u):
        return None
    st.has_verb, st.purpose = False, False
    return (k, u, "splice"), u


def _first_person_clause(ctx: Ctx, st: _Scan, u: int) -> bool:
    """ "Nanti kita lihat mungkin dengan bunga lebih murah, kita akan kembangkan proyek LRT …": in a
    run-on quote (where the table sets ``first_person_splices``), a comma before a first-person subject (after
    a ``clause_adverbs`` word at most) starts a clause of its own, though the verbs are bare roots the
    table does not know; not after a condition or subordinator ("Jika …, kami akan …")."""
    L = ctx.L
    if not _first_person_splices(L.code) or st.purpose or ctx.words_between(st.opener, u) < L.min_claim_tokens:
        return False
    if _opens_dependent(ctx, st.opener, st.j) or not _said_as_clause(ctx, max(st.opener, st.last_comma + 1), u - 1):
        return False  # "Pada kuartal keempat, saya …", "Semua mekanisme itu, kita harus hargai": no clause before
    t = u + 1 if ctx.word(u) in _clause_adverbs(L.code) else u
    return t + 1 < st.j and _first_person_at(ctx, t) and ctx.is_word(t + 1) \
        and n_words(ctx, t, st.j) >= L.min_claim_tokens


def _first_person_at(ctx: Ctx, t: int) -> bool:
    """Is token t a first-person pronoun ("saya", "kami", "kita")?"""
    return bool(ctx.L.first_person.pattern.fullmatch(ctx.word(t)))


def _said_as_clause(ctx: Ctx, a: int, k: int) -> bool:
    """Do tokens a..k-1 make a clause: a verb, or a first-person subject with a word after it?"""
    return any(ctx.is_verb(t) or (_first_person_at(ctx, t) and t + 1 < k) for t in range(a, k))


@cache
def _first_person_splices(lang: str) -> bool:
    return clause_table(lang).first_person_splices


@cache
def _clause_adverbs(lang: str) -> frozenset[str]:
    """The table's ``clause_adverbs``, lower-cased."""
    return frozenset(w.lower() for w in clause_table(lang).clause_adverbs)


COMPLEMENT_REACH = 2  # words at most between a copula or speech verb and a coordinator inside its complement


def _coordinated_complement(ctx: Ctx, st: _Scan, k: int) -> bool:
    """ "Kami berharap Pemkot Tangerang dan BPN dapat mendukung …", "… adalah kementerian dan
    lembaga itu harus …": a short noun right after a copula or a speech or demand verb and
    coordinated at k is the first subject of that verb's complement, not a clause of its own."""
    v = st.last_verb
    if v is None or not 0 < ctx.words_between(v + 1, k) <= COMPLEMENT_REACH:
        return False
    return ctx.word(v) in ctx.L.copulas or ctx.word(v) in _complement_verbs(ctx.L.code) or _wish_subject(ctx, v, k)


def _wish_subject(ctx: Ctx, v: int, k: int) -> bool:
    """ "Kami ingin pemerintah dan kepolisian segera …", "Saya merasa bangga dan senang bisa …": a
    wish or a feeling (``wish_verbs``) and the words after it coordinated by "dan" at k are one
    complement. Not before a pronoun ("ingin terburu-buru dan kami tidak ingin …": a clause of its
    own) nor at a comma or a contrast ("…, sementara 47 persen …"; helper idfix, session 13)."""
    L = ctx.L
    if ctx.word(v) not in L.wish_verbs or ctx.word(k) not in L.list_coordinators or k + 1 >= len(ctx.idx.spans):
        return False
    after = ctx.word(k + 1)
    return not _first_person_at(ctx, k + 1) and after not in L.pronoun_speakers and after not in L.plural_pronouns


@cache
def _complement_verbs(lang: str) -> frozenset[str]:
    """Speech and demand verbs: what follows them is a clause, its subject first."""
    t = claims_table(lang)
    return frozenset(w.lower() for w in (*t.pre_cues, *t.demand_cues))


def _predicate_split(ctx: Ctx, st: _Scan, k: int, v: int, conn: str) -> bool:
    """A coordinated predicate starts at v, sharing the subject. Not "dipukul dan dibakar" (two
    bare verbs share their object), not "membawa … dan dikumpulkan" (a passive after an active
    verb has another subject), not after a comma that closes an appositive name."""
    L = ctx.L
    if st.purpose or (ctx.word(k) == "," and _names_only(ctx, st.last_comma + 1, k)):
        return False
    return (v < st.j and ctx.is_verb(v) and conn in L.predicate_coordinators | {","}
            and not ctx.match_seq(v, L.citations, st.j) and not ctx.is_verb(k - 1)
            and not _voice_changes(ctx, st.first_verb, v) and not _nominalised(ctx, v, st.j)
            and not _coordinated_modifiers(ctx, st, k, v))


def _coordinated_modifiers(ctx: Ctx, st: _Scan, k: int, v: int) -> bool:
    """ "… bersifat final dan mengikat", "… tetap aman dan terkendali": one word after the verb
    and one bare word after the coordinator are two modifiers of one predicate (helper idprec),
    not two predicates; "menangkap pelaku dan menyita barang bukti" has an object after each."""
    after = next((t for t in range(v + 1, st.j) if ctx.word(t) in (",", ";")), st.j)
    return st.last_verb is not None and ctx.words_between(st.last_verb + 1, k) == 1 \
        and ctx.words_between(v, after) == 1 and ctx.is_word(k - 1)


def _nominalised(ctx: Ctx, v: int, j: int) -> bool:
    """A verb with the pronoun suffix that a noun follows is a noun ("dari anjloknya harga nikel dan
    meningkatnya biaya produksi": the rise of the costs), not a predicate ("menjualnya kembali")."""
    L, n = ctx.L, v + 1
    stem = ctx.word(v)[:-len(L.pronoun_suffix)] if L.pronoun_suffix and ctx.word(v).endswith(L.pronoun_suffix) else ""
    if not stem or not L.is_verb(stem) or stem.endswith(L.object_verb_suffixes) or n >= j or not ctx.is_word(n):
        return False  # "punya" is no verb with a suffix; "membebaskannya", "diketahuinya": the suffix is an object
    w = ctx.word(n)
    return not (ctx.is_verb(n) or w in ctx.L.np_stops or w in ctx.L.auxiliaries or w in ctx.L.relative
                or w in ctx.L.time_words or w in ctx.L.demonstratives or w in ctx.L.subject_breakers)


def _later_predicate(ctx: Ctx, i: int, j: int) -> bool:
    """A copula or modal outside relative and purpose clauses in tokens i..j-1."""
    L = ctx.L
    skip = False
    for k in range(i, j):
        w = ctx.word(k)
        if w in L.relative or w in L.subject_breakers:
            skip = True
        elif w == ",":
            skip = False
        elif not skip and w in L.predicate_markers:
            return True
    return False


def _voice_changes(ctx: Ctx, a: int | None, b: int) -> bool:
    """Active first verb, passive second ("membawa barang … dan dikumpulkan"). A copula has no
    voice ("… adalah konsorsium, dimiliki beberapa orang": the subject is the same)."""
    if a is None or ctx.word(a) in ctx.L.copulas:
        return False
    passive = ctx.L.passive_prefix
    return not ctx.word(a).startswith(passive) and ctx.word(b).startswith(passive)


def decompose(ctx: Ctx, i: int, j: int, sentence: tuple[int, int], speaker: SpeakerRef,
              spans: list[tuple[int, int]], **kwargs: Any) -> list[Unit]:
    """Atomic claims in content tokens i..j-1 (already known to belong to ``speaker``); keywords
    ``residual``, ``para_start``, ``cue``, ``default_subject`` and ``subject_prefix``.

    ``default_subject`` restates who the content is about when it has no subject of its own
    ("Elza mengaku sudah berkomunikasi …" → "Elza sudah berkomunikasi …"). A stretch that only says
    what the speaker was asked (``_question_context``) is no claim; what is said inside it after
    the question may be ("…, which friends described as miserable").
    """
    units = _decompose(ctx, i, j, sentence, speaker, spans, **kwargs)
    if not units or ctx.L.question_participles.isdisjoint(ctx.idx.lower[i:i + 3]):
        return units  # most stretches: no participle of asking near their start, looked for at once
    a, b = trim_tokens(ctx, i, j, residual=kwargs.get("residual", False), para_start=kwargs.get("para_start"),
                       keep_verb=kwargs.get("default_subject") is not None or kwargs.get("subject_prefix") is not None)
    cut = _question_end(ctx, a, b)
    if cut is None:
        return units
    asked_at = a + 1 if ctx.word(a) in ctx.L.subordinators else a  # "when asked …"
    start, end = ctx.idx.spans[asked_at][0], ctx.idx.spans[cut - 1][1]
    asked = [u for u in units if u.start > start and u.end <= end]  # "…, which friends described as …"
    return asked + (decompose(ctx, cut + 1, j, sentence, speaker, spans, **kwargs) if cut < b else [])


def _decompose(ctx: Ctx, i: int, j: int, sentence: tuple[int, int], speaker: SpeakerRef,
               spans: list[tuple[int, int]], *, residual: bool = False,
               para_start: int | None = None, cue: str | None = None,
               default_subject: str | None = None, subject_prefix: str | None = None) -> list[Unit]:
    """``decompose`` on the stretch as it is."""
    keep_verb = default_subject is not None or subject_prefix is not None
    i, j = trim_tokens(ctx, i, j, residual=residual, para_start=para_start, keep_verb=keep_verb)
    if _nothing_to_claim(ctx, i, j, residual, keep_verb, sentence):
        return []
    tagged = _around_evidence_tag(ctx, (i, j), (sentence, speaker, spans), dict(
        residual=residual, para_start=para_start, cue=cue, default_subject=default_subject,
        subject_prefix=subject_prefix))
    if tagged is not None:
        return tagged
    stance = _stance_complement(ctx, i, j)
    if stance is not None:
        # "I am glad Republicans are frustrated": what the speaker holds is the claim; a hedging
        # stance ("I think") still hedges it, as a hedging cue does
        c, held = stance
        hedge = held if ctx.L.hedged.pattern.fullmatch(held.lower()) else cue
        return _tagged_role(decompose(ctx, c, j, sentence, speaker, spans, residual=residual, cue=hedge),
                            "stance-complement")
    cut, role = contrast_cut(ctx, i, j), "contrast"
    if cut is None:
        cut, role = _concessive_cut(ctx, i, j), "concession"
    if cut is not None:
        # "X, namun Y": two claims; Y has its own subject (or none), so nothing is carried over
        first = decompose(ctx, i, cut[0], sentence, speaker, spans, residual=residual, para_start=para_start,
                          cue=cue, default_subject=default_subject, subject_prefix=subject_prefix)
        return first + _tagged_role(decompose(ctx, cut[1], j, sentence, speaker, spans, residual=residual,
                                              cue=cue), role)
    cut = _fronted_concession(ctx, i, j)
    if cut is not None:
        # "While the U.S. added 292,000 jobs, China suffered market chaos": two facts, as "X, but Y"
        return _tagged_role(decompose(ctx, cut[0], cut[1], sentence, speaker, spans, residual=residual,
                                      cue=cue), "concession") \
            + decompose(ctx, cut[1] + 1, j, sentence, speaker, spans, residual=residual, cue=cue,
                        default_subject=default_subject, subject_prefix=subject_prefix)
    front = _fronted_member(ctx, i, j)
    if front is not None:
        (s, e), words, main = front
        member = Unit(s, e, standalone(words), sentence, speaker, list(spans), role="fronted-member", cue=cue)
        return [member, *decompose(ctx, main, j, sentence, speaker, spans, residual=residual, cue=cue)]
    d = _Decomposition(ctx, sentence, speaker, spans, cue, i, keep_verb)
    override = _apposition_claim(d, j)
    (s0, e0, v0), aux0, points = _clause_subject(ctx, i, j)
    ns, ne = appositive_subject(ctx, i, (s0, e0))
    subject, override, points = _main_subject(ctx, (i, j), (ns, ne, v0), points, override,
                                              (default_subject, subject_prefix))
    carried = [ctx.phrase(aux0, v0)] if v0 > aux0 and v0 < j else []
    carry = _Carry(subject, carried, override, ns if ne > ns else i, ne if ne > ns else i, (aux0, v0))
    _copula_clause_carry(ctx, carry, v0, j)
    _conjuncts(d, [(i, i, "main"), *points], j, carry)
    return _tagged_role(d.units, "appositive-subject") if ns != s0 else d.units


def _clause_subject(ctx: Ctx, i: int, j: int) -> tuple[tuple[int, int, int], int, list[tuple[int, int, str]]]:
    """The clause's (subject start, subject end, verb), where its auxiliaries start, and its split
    points; past a noun phrase set off after an opening name (``_subject_appositive``), whose
    commas and coordinators split nothing."""
    points = _split_points(ctx, i, j)
    app = _subject_appositive(ctx, i, j)
    if app is None:
        s0, e0, v0 = _subject(ctx, i, j)
        return (s0, e0, v0), e0, points
    c1, c2, v = app
    return (i, c1, v), c2 + 1, [p for p in points if not c1 <= p[0] <= c2]


SUBJECT_NAME_TOKENS = 8  # tokens at most in the name that opens a clause before a noun phrase set off after it
SUBJECT_APPOSITIVE_REACH = 24  # tokens at most in a noun phrase set off after a clause's opening name


def _subject_appositive(ctx: Ctx, i: int, j: int) -> tuple[int, int, int] | None:
    """ "Tashfeen Malik, one of two terrorists involved in the attacks, posted …", "Democracy for
    America, a group that endorsed Sanders in the primary, launched …": a name that opens the
    clause and a noun phrase set off after it by commas, with a participle, a relative clause or a
    coordinator inside, before the clause's verb: the name is the subject and the phrase says who it
    is; the phrase's verbs are no predicate of the clause, and its second comma opens none (which
    left a verbless claim "Tashfeen Malik, one of two terrorists …" and a claim "one of two
    terrorists posted …"). (first comma, second comma, verb), else None. A verbless plain phrase
    is ``appositive_subject``'s."""
    if not ctx.L.appositive_openers:
        return None
    c1 = _next_comma(ctx, i + 1, min(j, i + SUBJECT_NAME_TOKENS + 1))
    if c1 is None or c1 + 2 >= j or not _opening_name(ctx, i, c1) or not _opens_appositive(ctx, c1 + 1):
        return None
    c2 = next((t for t in range(c1 + 2, min(j, c1 + SUBJECT_APPOSITIVE_REACH)) if _ends_phrase(ctx, t, j)), None)
    if c2 is None or ctx.word(c2) != "," or not _inner_predicate(ctx, c1 + 1, c2):
        return None
    v = _skip_modifiers(ctx, c2 + 1, j)
    return (c1, c2, v) if _finite_verb(ctx, v, j) else None


def _inner_predicate(ctx: Ctx, a: int, b: int) -> bool:
    """Do tokens a..b-1 make a noun phrase with a participle, a relative clause or a coordinator in
    it, and no auxiliary before its relative clause ("Among Republicans, 27 percent would vote for
    …, followed by …" is a clause, no phrase)?"""
    L = ctx.L
    if not any(ctx.is_verb(t) or ctx.word(t) in L.relative or ctx.word(t) in L.coordinators for t in range(a + 1, b)):
        return False
    rel = next((t for t in range(a, b) if ctx.word(t) in L.relative), b)
    return not any(ctx.word(t) in L.predicate_markers for t in range(a, rel))


def _finite_verb(ctx: Ctx, v: int, j: int) -> bool:
    """Is token v a verb that can be a clause's predicate: not a participle ("…, saying …" opens
    a participle clause) nor a speaker's cue ("…, said")?"""
    suffix = ctx.L.participle_suffix
    return v < j and ctx.is_verb(v) and not (suffix and ctx.word(v).endswith(suffix)) \
        and ctx.word(v) not in ctx.L.post_cues


def _opening_name(ctx: Ctx, i: int, c: int) -> bool:
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
        if _abbreviation_stop(ctx, t) or (t > i and (w in L.particles or (
                w in L.organisation_connectors and t + 1 < c and ctx.is_cap(t + 1)))):
            continue
        return False
    return ctx.is_cap(i)


def _opens_appositive(ctx: Ctx, t: int) -> bool:
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


def _around_evidence_tag(ctx: Ctx, ij: tuple[int, int],
                         where: tuple[tuple[int, int], SpeakerRef, list[tuple[int, int]]],
                         kwargs: dict[str, Any]) -> list[Unit] | None:
    """ "Jobs grew in March, official figures show, meaning …": the data a clause rests on is its
    source, no claim of its own and no part of the clause's span; the claims of the clause before
    the tag and of what follows it, or None when there is no such tag."""
    i, j = ij
    tag = _evidence_tag(ctx, i, j)
    if tag is None:
        return None
    first = decompose(ctx, i, tag[0], *where, **kwargs)
    rest = decompose(ctx, tag[1] + 1, j, *where, residual=True, cue=kwargs["cue"]) if tag[1] < j else []
    return _tagged_role(first, "evidence-tag") + rest


def _evidence_tag(ctx: Ctx, i: int, j: int) -> tuple[int, int] | None:
    """(comma, end) of a tag set off after a clause that names the data it rests on: a noun phrase
    with an ``evidence_nouns`` word and an ``evidence_cues`` verb, at the clause's end or before a
    comma (", official figures show", ", the poll found", ", records show, meaning …"). Not one
    after a coordinator ("… and, records show, does not use the plane": the clause goes on)."""
    L = ctx.L
    if not L.evidence_cues or L.evidence_cues.isdisjoint(ctx.idx.lower[i:j]):
        return None
    for v in range(i + L.min_claim_tokens, j):
        if ctx.word(v) not in L.evidence_cues or not (v + 1 == j or ctx.word(v + 1) == ","):
            continue
        c = _evidence_phrase_start(ctx, i, v)
        if c is not None:
            return None if v + 1 < j and _tag_inside_clause(ctx, i, v + 2, j) else (c, v + 1)
    return None


def _evidence_phrase_start(ctx: Ctx, i: int, v: int) -> int | None:
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


def _tag_inside_clause(ctx: Ctx, i: int, u: int, j: int) -> bool:
    """Does a tag end inside its clause: before the predicate ("The big question, the survey shows,
    is whether …") or between a fronted subordinate clause and its main clause ("As the Russians
    took control, Canadian records show, a flow of cash …")?"""
    return ctx.word(u) in ctx.L.auxiliaries or (ctx.is_verb(u) and not _opens_participle(ctx, u)) \
        or _opens_dependent(ctx, i, j)


def _nothing_to_claim(ctx: Ctx, i: int, j: int, residual: bool, keep_verb: bool, sentence: tuple[int, int]) -> bool:
    """Too few words, a residue without a verb or fronted to someone's account, or a fronted
    predicate cut off its main clause."""
    return n_words(ctx, i, j) < ctx.L.min_claim_tokens \
        or (residual and (_first_verb(ctx, i, j) is None or _fronted_adjunct(ctx, i, j, sentence))) \
        or (not keep_verb and _lone_fronted_member(ctx, i, j))


def _fronted_adjunct(ctx: Ctx, i: int, j: int, sentence: tuple[int, int]) -> bool:
    """ "Speaking on radio show Joney's Jukebox last week, Kiedis said …", "In the final Mass of his
    trip, held along the border, Francis told …": the outlet's residue of a sentence whose main
    clause is someone's account, when it is a phrase fronted to it (``_adjunct_opener``; a comma
    closes it, a subject opens what follows) and holds no clause of its own: the occasion of
    saying, which the guideline gives to the claims said, no claim. Where the table sets
    ``participle_suffix`` (English)."""
    if not ctx.L.participle_suffix or j >= len(ctx.idx.spans) or ctx.word(j) != "," \
            or ctx.idx.spans[j][1] >= sentence[1]:
        return False
    return _adjunct_opener(ctx, i, j) and _opens_subject(ctx, j + 1) and not _holds_clause(ctx, i, j)


def _adjunct_opener(ctx: Ctx, i: int, j: int) -> bool:
    """Does a fronted phrase open at token i: a preposition, a time phrase ("Last year, …", not
    "This is …") or a participle that is no speech cue ("Noting he majored in philosophy, Allen
    said …" gives a fact said)?"""
    L, w = ctx.L, ctx.word(i)
    suffix = L.participle_suffix or ""
    if w in L.np_stops:
        return w not in L.coordinators and w not in L.relative and w not in L.complementisers
    if w in L.time_words:
        return i + 1 < j and ctx.word(i + 1) in L.time_words
    return w.endswith(suffix) and len(w) - len(suffix) >= L.verb_min_stem and w not in L.non_participles \
        and w not in L.participle_cues


def _holds_clause(ctx: Ctx, i: int, j: int) -> bool:
    """Does tokens i..j-1 hold a clause: a subordinator, relative pronoun or complementiser, or a
    comma before anything but a participle, verb or preposition ("In line with most Americans, Sen.
    Cruz was critical, telling …")?"""
    L = ctx.L
    return any(ctx.word(t) in L.subordinators or ctx.word(t) in L.relative or ctx.word(t) in L.complementisers
               or (ctx.word(t) == "," and not _opens_participle(ctx, t + 1) and not ctx.is_verb(t + 1)
                   and ctx.word(t + 1) not in L.np_stops)
               for t in range(i, j))


def _opens_subject(ctx: Ctx, t: int) -> bool:
    """Can token t open the subject of a clause (the speaker's: "…, Sen. John Smith said")?"""
    return t < len(ctx.idx.spans) and ctx.is_word(t) and (ctx.is_cap(t) or ctx.word(t) in ctx.L.np_articles)


def _question_end(ctx: Ctx, i: int, j: int) -> int | None:
    """ "Asked whether he would back the nominee, Rubio said …", "…, he said when asked about the
    wall", "“…?” asked Sen. Barbara Mikulski", "Asked about the vote, she pointed to …": a phrase
    that says what the speaker was asked (a participle of ``question_participles``, after a
    subordinator or not) is the occasion of what was said, a question, no claim (the guideline)
    and no part of the span of the clause it is fronted to. Where it ends: j, or the comma or dash
    before a clause of its own; None when the stretch opens with no such phrase, or the phrase
    carries a quote or a colon (what was said)."""
    L = ctx.L
    k = i + 1 if i < j and ctx.word(i) in L.subordinators else i
    if k >= j or ctx.word(k) not in L.question_participles:
        return None
    for t in range(k + 1, j):
        w = ctx.word(t)
        if w == ":" or (not ctx.is_word(t) and quote_mark(ctx.text, ctx.idx.spans[t][0]) in OPENING):
            return None
        if (w == "," or _is_dash(ctx, t)) and _clause_after(ctx, t + 1, j):
            return t
    return j


def _clause_after(ctx: Ctx, t: int, j: int) -> bool:
    """Does a clause of its own open at token t: a short subject and its verb, or a noun phrase
    opened by an article with a verb after it ("…, an average of 32 percent across all 50 states
    picked …"); not the rest of the question ("…, which friends described as troubled, hurt …")?"""
    if t >= j:
        return False
    return bool(_clause_subject_len(ctx, t, j)) or (
        ctx.word(t) in ctx.L.np_articles and any(ctx.is_verb(v) for v in range(t + 1, j)))


def _fronted_member(ctx: Ctx, i: int, j: int) -> tuple[tuple[int, int], list[str], int] | None:
    """ "Selain mengurangi berbagai hambatan perdagangan, diversifikasi produk … juga perlu didorong":
    a predicate fronted by an additive (``fronted_additives``) is a claim of its own, and the clause
    after its comma (with a subject of its own) is the main clause: (the member's span, its claim's
    words, where the main clause starts). Not "Selain itu, …" (no verb)."""
    n = _fronted_additive_len(ctx, i, j)
    k = next((k for k in range(i + n, j) if ctx.word(k) == ","), None) if n else None
    if k is None or _first_verb(ctx, i + n, k) is None or _first_verb(ctx, k + 2, j) is None:
        return None  # the main clause: a word at least before its verb
    if n_words(ctx, i, k) < ctx.L.min_claim_tokens or n_words(ctx, k + 1, j) < ctx.L.min_claim_tokens:
        return None
    s1, e1, _ = _subject(ctx, k + 1, j)
    # the member said of the main clause's subject ("negara-negara Teluk itu memutus hubungan …")
    words = [ctx.phrase(s1, e1), ctx.phrase(i + n, k)] if e1 > s1 else [ctx.phrase(i, k)]
    return ctx.span(i, k), words, k + 1


def _lone_fronted_member(ctx: Ctx, i: int, j: int) -> bool:
    """Is the stretch only a predicate fronted by an additive, its main clause cut off by a full
    stop ("Selain menerjunkan personel gabungan. Polres juga …")? It says nothing of whom: no claim
    (helper idfix). Not "Selain tersangka kita juga mengamankan …" (a noun, then the main clause)."""
    n = _fronted_additive_len(ctx, i, j)
    return n > 0 and ctx.L.is_verb(ctx.word(i + n)) and not any(ctx.word(k) == "," for k in range(i + n, j))


@cache
def _fronted_additives(lang: str) -> tuple[tuple[str, ...], ...]:
    """The table's ``fronted_additives`` as word tuples, longest first."""
    seqs = {tuple(p.lower().split()) for p in clause_table(lang).fronted_additives}
    return tuple(sorted(seqs, key=lambda p: (-len(p), p)))


def _fronted_additive_len(ctx: Ctx, i: int, j: int) -> int:
    """Words of the ``fronted_additives`` phrase that opens tokens i..j-1, 0 if none."""
    lower = ctx.idx.lower
    if i >= j or lower[i] not in _first_words(_fronted_additives(ctx.L.code)):
        return 0  # most clauses open with no such phrase: its first word tells at once
    return next((len(p) for p in _fronted_additives(ctx.L.code)
                 if i + len(p) < j and tuple(lower[i:i + len(p)]) == p), 0)


@cache
def _first_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """The words that open the phrases (of a table key read once per language)."""
    return frozenset(p[0] for p in phrases if p)


def _copula_clause_carry(ctx: Ctx, carry: _Carry, v0: int, j: int) -> None:
    """ "Kendalanya adalah Indonesia belum dapat memproduksi vaksin dan masih melakukan impor": after
    a copula that a clause follows, a coordinated predicate shares the clause's subject
    ("Indonesia masih melakukan impor"), not the copula's ("Kendalanya"). Not a copula that is an
    auxiliary too ("The operation is being led by …": English "is")."""
    L = ctx.L
    if v0 >= j or ctx.word(v0) not in L.copulas or ctx.word(v0) in L.auxiliaries or carry.override is not None:
        return
    n = _clause_subject_len(ctx, v0 + 1, j)
    if not n or any(ctx.word(t) in L.relative for t in range(v0 + 1, j)):
        return  # "X merupakan penghargaan bergengsi yang diberikan … dan didukung …": a noun phrase
    s, e = v0 + 1, v0 + 1 + n
    v = _skip_modifiers(ctx, e, j)
    carry.subject, carry.start, carry.end = ctx.phrase(s, e), s, e
    carry.carried, carry.aux = ([ctx.phrase(e, v)] if v > e else []), (e, v)


def from_subject(ctx: Ctx, units: list[Unit], subject: tuple[int, int] | None) -> list[Unit]:
    """ "Uruguay, tutur Arrmanatha, selama ini mengekspor …": the claims that open the content
    after an attribution inserted between commas span from the subject written before it (the
    guideline's span: the smallest contiguous one); the insertion is skipped, as an inserted
    relative clause is."""
    if subject is None or not units or not ctx.text.startswith(",", subject[1]):
        return units
    first = min(u.start for u in units)
    for u in units:
        if u.start == first and subject[1] <= u.start:
            u.start, u.skip = subject[0], u.skip or (subject[1], first)
    return units


def _concessive_cut(ctx: Ctx, i: int, j: int) -> tuple[int, int] | None:
    """(connective, start of the second clause) of "X meskipun Y" when Y has a subject and a verb
    of its own and X says something: both are asserted, two claims as for "X, namun Y". Not at the
    clause's start ("Meskipun Y, X"), nor inside brackets or a quote."""
    L = ctx.L
    if not L.concessive_subordinators or ctx.words_between(i, j) < 2 * L.min_claim_tokens \
            or L.concessive_subordinators.isdisjoint(ctx.idx.lower[i + 1:j - 1]):
        return None
    depth = 0
    for k in range(i, j - 1):
        depth = _quote_depth(ctx.text[ctx.idx.spans[k][0]], depth)
        if depth or ctx.word(k) not in L.concessive_subordinators or k == i:
            continue
        if ctx.word(k - 1) in L.complementisers:
            return None  # "understand that while X, Y": the concession opens the complement
        if ctx.words_between(i, k) >= L.min_claim_tokens and _first_verb(ctx, i, k) is not None \
                and _clause_subject_len(ctx, k + 1, j):
            return (k - 1 if ctx.word(k - 1) == "," else k), k + 1
        return None
    return None


@cache
def _fronted_concessives(lang: str) -> tuple[tuple[str, ...], ...]:
    """The table's ``fronted_concessives`` as word tuples, longest first."""
    seqs = {tuple(p.lower().split()) for p in clause_table(lang).fronted_concessives}
    return tuple(sorted(seqs, key=lambda p: (-len(p), p)))


def _fronted_concession(ctx: Ctx, i: int, j: int) -> tuple[int, int] | None:
    """(start, comma) of the clause after a concessive that opens tokens i..j-1 ("Although the
    party raised more money than ever, its candidates lost"), when the clause has a verb and the
    comma after it opens a clause with a subject of its own: both clauses are asserted, two
    claims. Not a verbless or participle opening ("While serving in the House, Sanders voted …")."""
    lower = ctx.idx.lower
    if i >= len(lower) or lower[i] not in _first_words(_fronted_concessives(ctx.L.code)):
        return None  # most clauses open with no concessive: its first word tells at once
    n = next((len(p) for p in _fronted_concessives(ctx.L.code) if tuple(lower[i:i + len(p)]) == p), 0)
    if not n or _clause_subject_len(ctx, i + n, j) is None:
        return None
    depth = 0
    for k in range(i + n + 1, j - 1):
        depth = _quote_depth(ctx.text[ctx.idx.spans[k][0]], depth)
        if depth or ctx.word(k) != ",":
            continue
        if _clause_subject_len(ctx, k + 1, j) and n_words(ctx, k + 1, j) >= ctx.L.min_claim_tokens:
            return i + n, k
    return None


@dataclass
class _Decomposition:
    """What the claims of one stretch of content share, and the claims made so far."""

    ctx: Ctx
    sentence: tuple[int, int]
    speaker: SpeakerRef
    spans: list[tuple[int, int]]
    cue: str | None
    i: int
    keep_verb: bool  # a restated subject: a leading verb is the predicate, not a connective
    units: list[Unit] = field(default_factory=list)

    def unit(self, a: int, b: int, words: list[str], role: str, skip: tuple[int, int] | None = None) -> None:
        ctx = self.ctx
        a, b = trim_tokens(ctx, a, b, keep_verb=self.keep_verb and a == self.i)
        if _cut_before_complement(ctx, b):
            return
        if n_words(ctx, a, b) >= ctx.L.min_claim_tokens or (role == "coordinated" and n_words(ctx, a, b) >= 2):
            s, e = ctx.span(a, b)
            # a clause that is a numbered unit's list says its last item: the others are claims of their own
            as_written = not words or words == [ctx.phrase(a, b)]
            item = _labelled_item_words(ctx, a, b) if as_written and _label_positions(ctx) else None
            self.units.append(Unit(s, e, standalone(item or words or [ctx.text[s:e]]), self.sentence, self.speaker,
                                   list(self.spans), role=role, cue=self.cue, skip=skip,
                                   text_rules=(LIST_ITEM,) if item else ()))
            if role != "apposition":
                like = Unit(s, e, "", self.sentence, self.speaker, list(self.spans), cue=self.cue)
                self.units.extend(_parts(ctx, a, b, words, like))


def _cut_before_complement(ctx: Ctx, b: int) -> bool:
    """ "It's important that New Yorkers understand that while …, Senator Sanders has …": a clause
    that ends in a complementiser before a comma or a subordinator is cut before what it says (the
    complement comes after the inserted phrase): no claim of its own. Not a demonstrative object
    ("I cannot understand that.")."""
    L = ctx.L
    if b <= 0 or b >= len(ctx.idx.spans) or ctx.word(b - 1) not in L.complementisers:
        return False
    after = ctx.word(b)
    return after == "," or after in L.subordinators or after in L.clause_coordinators


@dataclass
class _Carry:
    """What a conjunct takes from those before it: the subject, the auxiliaries before the verb
    ("akan menandatangani … dan menyerahkan" → "akan menyerahkan") and a restated subject."""

    subject: str
    carried: list[str]
    override: tuple[str, int] | None
    start: int  # the token where the shared subject starts: a coordinated predicate's span starts there
    end: int    # the token where it ends: the predicates before are in the span but not in the claim
    aux: tuple[int, int] = (0, 0)  # the tokens of the carried auxiliaries


def _apposition_claim(d: _Decomposition, j: int) -> tuple[str, int] | None:
    """ "Dua anggota terbaru NATO, Finlandia dan Swedia, bergabung …": a claim that the names are
    the noun phrase, and the names as the subject of what follows (subject, first token)."""
    ctx, i = d.ctx, d.i
    L = ctx.L
    app = _apposition(ctx, i, j)
    if app is None:
        return None
    c1, c2, _ = app
    names = ctx.phrase(c1 + 1, c2)
    np1 = ctx.phrase(i, c1)
    np1 = np1 if ctx.is_cap(i) and ctx.word(i) in L.gazetteer else np1[0].lower() + np1[1:]
    plural = any(ctx.word(k) in L.coordinators for k in range(c1 + 1, c2))
    d.unit(i, c2, [names, L.copula_plural if plural else L.copula, np1], "apposition")
    return names, c2 + 1


def _main_subject(ctx: Ctx, ij: tuple[int, int], sv: tuple[int, int, int], points: list[tuple[int, int, str]],
                  override: tuple[str, int] | None, given: tuple[str | None, str | None],
                  ) -> tuple[str, tuple[str, int] | None, list[tuple[int, int, str]]]:
    """(subject, restated subject, split points) of the first clause."""
    L = ctx.L
    i, j = ij
    s0, e0, v0 = sv
    default_subject, subject_prefix = given
    subject = ctx.phrase(s0, e0) if e0 > s0 else ""
    if not subject and subject_prefix:
        # "Massa menurut Sugito bisa jadi akan melawan": the subject written before the source
        subject = subject_prefix
        override = override or (subject, i)
    elif not subject and default_subject and _restates_subject(ctx, i, j, v0):
        subject = default_subject
        override = override or (subject, i)
    elif not subject or ctx.word(s0) in L.np_stops or ctx.word(s0) in L.subordinators:
        # "Dengan mengatasi masalah efisiensi, diharapkan …": an adverbial clause, not a
        # predicate with a subject to restate, so its comma does not start a new claim
        points = [p for p in points if p[2] != "predicate"]
    if override is not None:
        subject = override[0]
    return subject, override, points


def _restates_subject(ctx: Ctx, i: int, j: int, v0: int) -> bool:
    """Content that opens with its (active) verb takes the speaker as its subject. Not with a
    copula or modal later: then the verb phrase is itself the subject ("melanjutkan kasus …
    merupakan …", "memanfaatkan keahlian … akan menggerakkan kita")."""
    L = ctx.L
    return (v0 < j and _skip_modifiers(ctx, i, j) == v0 and not ctx.match_seq(i, L.existentials, j)
            and not ctx.word(v0).startswith(L.passive_prefix) and not _later_predicate(ctx, v0 + 1, j))


def _conjuncts(d: _Decomposition, bounds: list[tuple[int, int, str]], j: int, carry: _Carry) -> None:
    """A claim per conjunct: the main clause, coordinated predicates and coordinated clauses."""
    ctx = d.ctx
    for n, (_conn, a, kind) in enumerate(bounds):
        b = bounds[n + 1][0] if n + 1 < len(bounds) else j
        a, b = trim_tokens(ctx, a, b, keep_verb=d.keep_verb and a == d.i)
        if a >= b:
            continue
        b_main = _relatives(d, a, b, carry.subject)
        if b_main < 0:
            continue  # the main claim was written with the inserted relative clause left out
        if kind == "main":
            words = [ctx.phrase(a, b_main)]
            if carry.override is not None and a == d.i:
                words = [carry.subject, ctx.phrase(carry.override[1], b_main)]
            d.unit(a, b_main, words, "main")
        elif kind == "predicate":
            _predicate_unit(d, _conn, a, b_main, carry)
        else:
            s1, e1, v1 = _subject(ctx, a, b_main)
            carry.start, carry.end = (s1, e1) if e1 > s1 else (a, a)
            carry.aux = (e1, v1)
            carry.subject = ctx.phrase(s1, e1) if e1 > s1 else carry.subject
            carry.carried = [ctx.phrase(e1, v1)] if v1 > e1 and v1 < b_main else []
            if ctx.word(_conn) in ctx.L.result_coordinators:
                _result_clause(d, bounds[n - 1][1], b_main)
                continue
            d.unit(a, b_main, [ctx.phrase(a, b_main)], kind)


def _predicate_unit(d: _Decomposition, conn: int, a: int, b: int, carry: _Carry) -> None:
    """The claim of a coordinated predicate at tokens a..b-1. Its span is the guideline's for a split
    conjunct: from where the shared subject starts (the predicates between are in the span, not in
    the claim: their hedges and cues do not count). ", followed by Justices …" tells more of the
    predicate before it, whose subject is no subject of the participle ("O'Connor followed by …"):
    that claim is the span as written."""
    ctx = d.ctx
    if _agent_participle(ctx, conn, a, b):
        d.unit(carry.start, b, [ctx.phrase(carry.start, b)], "coordinated")
        return
    aux = _carried(ctx, a, b, carry)
    skip = _between_predicates(ctx, carry, a, bool(aux))
    d.unit(carry.start, b, [carry.subject, *aux, ctx.phrase(a, b)], "coordinated", skip)


def _agent_participle(ctx: Ctx, conn: int, a: int, b: int) -> bool:
    """Does the conjunct at token a open, after a comma, with a participle and its agent ("…, followed
    by", "…, helped by", "…, diikuti oleh")?"""
    agent = ctx.L.passive_agent
    return bool(agent) and ctx.word(conn) == "," and a + 1 < b and ctx.word(a + 1) == agent


def _result_clause(d: _Decomposition, a: int, b: int) -> None:
    """ "PPI menjadi pintu sehingga kami bisa mengatur": the result is claimed with the clause it
    follows from (tokens a..b-1), which is a claim of its own besides."""
    a, b = trim_tokens(d.ctx, a, b, keep_verb=d.keep_verb and a == d.i)
    if a < b:
        s, e = d.ctx.span(a, b)
        d.units.append(Unit(s, e, standalone([d.ctx.text[s:e]]), d.sentence, d.speaker, list(d.spans),
                            role="result", cue=d.cue))


def _carried(ctx: Ctx, a: int, b: int, carry: _Carry) -> list[str]:
    """The auxiliaries a coordinated predicate takes from before (none when it has its own,
    which the next predicate then takes)."""
    lead = _skip_modifiers(ctx, a, b)
    if lead > a:
        carry.carried, carry.aux = [ctx.phrase(a, lead)], (a, lead)
        return []
    return carry.carried


def _between_predicates(ctx: Ctx, carry: _Carry, a: int, carried: bool) -> tuple[int, int] | None:
    """The characters of a coordinated predicate's span that are not its claim: the predicates
    between the subject and it, but not the auxiliaries it carries ("Rusia kemungkinan merekrut …
    dan dapat menanggung … dan melanjutkan serangan": "dapat" counts, "kemungkinan" does not)."""
    lo, hi = carry.end, a
    if carried and carry.aux[0] == carry.end:
        lo = carry.aux[1]   # right after the subject: skip from the first verb
    elif carried and carry.end < carry.aux[0] < a:
        hi = carry.aux[0]   # before a later predicate: skip up to them
    return (ctx.idx.spans[lo][0], ctx.idx.spans[hi][0]) if lo < hi else None


def _antecedent(ctx: Ctx, k: int, lo: int, subject: str) -> tuple[int, str]:
    """The noun phrase a relative clause at token k attaches to: (start token, text)."""
    L = ctx.L
    a = _home_place_name_start(ctx, _np_start(ctx, k, lo), k, lo)
    if k > a and _is_date_phrase(ctx, a, k):
        # "…, Desember lalu, yang mengecam …", "pada 2017, yang dapat …": a date is not what
        # the clause describes; look at the phrase before it
        b = a - 1
        while b > lo and not ctx.is_word(b):
            b -= 1
        if b > lo and b < a:
            return _antecedent(ctx, b if ctx.word(b) in L.np_stops else b + 1, lo, subject)
        return a, subject or ctx.phrase(a, k)
    stop = ctx.word(a - 1) if a > lo else ""
    if stop in L.locative_prepositions and subject:
        return a, subject
    return a, ctx.phrase(a, k) if k > a else subject


def _home_place_name_start(ctx: Ctx, a: int, k: int, lo: int) -> int:
    """ "Senator Ted Cruz of Texas, who …", "the League of Conservation Voters, whose …": a name
    before a ``home_place_prepositions`` word ("of") and the capitalised words after it up to token
    k are one noun phrase, the person's or body's; a relative clause after it describes that, not
    the place. Where the noun phrase from token ``a`` starts then (``a`` itself otherwise)."""
    if a - 2 <= lo or ctx.word(a - 1) not in ctx.L.home_place_prepositions or not ctx.is_cap(a - 2):
        return a
    if not all(ctx.is_cap(t) for t in range(a, k) if ctx.is_word(t)):
        return a  # "the mother of Sean Smith, who …" has no capital before "of"; this needs a name after it
    return _np_start(ctx, a - 1, lo)


def _np_start(ctx: Ctx, k: int, lo: int) -> int:
    """Where the noun phrase ending before token k starts (at most 7 tokens back)."""
    L = ctx.L
    a = k
    while a > lo and k - a < 7:
        w = ctx.word(a - 1)
        if w in L.coordinators and w not in L.clause_coordinators - L.predicate_coordinators:
            a -= 1  # "Amerika Utara dan Eropa": coordination inside the noun phrase
            continue
        if _spaced_particle_hyphen(ctx, a, lo):
            a -= 2  # "Masjid Al - Marzuqiyah": one name
            continue
        if _abbreviation_stop(ctx, a - 1) or _initial_stop(ctx, a - 1):
            a -= 1  # "Justice Samuel A. Alito Jr., who …": the full stops are part of the name
            continue
        if w in L.np_stops or ctx.is_verb(a - 1) or not ctx.is_word(a - 1) or _opens_clause_here(ctx, a - 1, lo):
            break
        a -= 1
    return a


def _opens_clause_here(ctx: Ctx, k: int, lo: int) -> bool:
    """Is token k a subordinator that opens the clause ("When Mr. Buchanan, who …", "…, while
    Sanders, who …")? Then it is no part of the noun phrase after it. After a noun it may be a
    preposition inside the phrase ("the first debate since the shootings, which …")."""
    return ctx.word(k) in ctx.L.subordinators and (k == lo or not ctx.is_word(k - 1))


def _spaced_particle_hyphen(ctx: Ctx, t: int, lo: int) -> bool:
    """Is token t a capitalised word after a name particle and a hyphen ("al - Assad", "Al -
    Qaeda": text detokenised with spaces around the hyphen)? The three are one name's."""
    return t - 2 >= lo and ctx.word(t - 1) == "-" and ctx.word(t - 2) in ctx.L.particles and ctx.is_cap(t)


def _is_date_phrase(ctx: Ctx, a: int, k: int) -> bool:
    L = ctx.L
    return all(ctx.word(t) in L.time_words or ctx.word(t)[0].isdigit() or not ctx.is_word(t) for t in range(a, k))


def _inner_clause_end(ctx: Ctx, k: int, b: int) -> int:
    """Where a relative clause opened after a comma ends: at the next comma when a predicate
    follows it (the clause was inserted mid-sentence), else at the end of the conjunct."""
    for p in range(k, b):
        if ctx.word(p) == ",":
            v = _skip_modifiers(ctx, p + 1, b)
            if any(ctx.is_verb(t) for t in range(p + 1, min(v + 1, b))) or _clause_follows(ctx, k, p, b):
                return p
            return b
    return b


def _unlisted_predicate_comma(ctx: Ctx, k: int, b: int) -> int:
    """ "Senator Ted Cruz of Texas, who is running second in many states, stuck to policy at first":
    a relative clause on the subject that opens the stretch ends at the first comma (not one that
    closes a short phrase set off inside it) followed by a lower-case word that no table lists as a
    function word, adverb or connective, nor a participle, nor a list's item, with more words after it:
    the main clause's predicate, a verb the verb guess does not know ("stuck", "died"). Where
    relative claims start at their antecedent (``relative_from_antecedent``: English); the comma
    where it ends (``b``: none)."""
    L = ctx.L
    if not L.relative_from_antecedent:
        return b
    last = None  # the comma before, inside the clause
    for p in range(k, b - 2):
        if ctx.word(p) != ",":
            continue
        inserted = last is not None and _closes_insertion(ctx, last, p)
        last = p
        if not inserted and ctx.is_word(p + 1) and ctx.is_word(p + 2) and _unlisted_word(ctx, p + 1) \
                and not _set_off_connective(ctx, p + 1, b) and not _opens_participle(ctx, p + 1) \
                and not any(ctx.word(t) in L.list_coordinators for t in range(p + 2, min(b, p + 4))):
            return p  # not an item of a list ("campaigns against Communism, abortion and …")
    return b


INSERTED_WORDS = 4  # words at most in a name set off by commas inside a relative clause
INSERTED_MODIFIERS = 2  # words at most in a lower-case phrase set off so ("ultimately unsuccessful")


def _set_off_connective(ctx: Ctx, t: int, b: int) -> bool:
    """Does a connective set off by a comma open at token t (", however, …"), not an adverb of the
    predicate (", also stepped down")?"""
    n = ctx.match_seq(t, ctx.L.leading, b)
    return bool(n) and t + n < b and ctx.word(t + n) == ","


def _closes_insertion(ctx: Ctx, c: int, p: int) -> bool:
    """Does the comma at p close a short verbless phrase set off after the comma at c inside a
    relative clause, so that what follows still is the clause's: an auxiliary after a name ("whose
    start-up, Theranos, has come under scrutiny", "whose husband, Navy SEAL Ty Woods, was …") or
    anything after a lower-case phrase ("a $5 billion, ultimately unsuccessful, defamation lawsuit")?
    Not "under Mr. Bush's father, George Bush, ticked through …": after a name, a verb that is no
    auxiliary is the main clause's."""
    n = ctx.words_between(c + 1, p)
    if n > INSERTED_WORDS or _first_verb(ctx, c + 1, p) is not None:
        return False
    return ctx.word(p + 1) in ctx.L.auxiliaries if ctx.is_cap(c + 1) else n <= INSERTED_MODIFIERS


def _unlisted_word(ctx: Ctx, t: int) -> bool:
    """Is token t a lower-case word no function-word, adverb or time table of the language lists?"""
    L, w = ctx.L, ctx.word(t)
    if not w.isalpha() or ctx.is_cap(t) or _is_adverb(ctx, t):
        return False
    return not any(w in words for words in (
        L.np_stops, L.coordinators, L.subordinators, L.relative, L.np_articles, L.possessive_determiners,
        L.subject_pronouns, L.demonstratives, L.time_words, L.complementisers, L.non_subjects,
        L.interrogatives))


def _clause_follows(ctx: Ctx, k: int, p: int, b: int) -> bool:
    """ "In the piece I wrote last November, which you can see here, I discussed …": after the
    relative clause's comma a clause with a subject of its own goes on with the sentence, where the
    table sets ``relative_from_antecedent`` (English: a relative clause set off on both sides). Not
    a post cue's speaker (", Frankel said": the attribution ends the sentence)."""
    if not clause_table(ctx.L.code).relative_from_antecedent or _first_verb(ctx, k, p) is None:
        return False
    n = _clause_subject_len(ctx, p + 1, b)
    return n is not None and n > 0 and ctx.word(_skip_modifiers(ctx, p + 1 + n, b)) not in ctx.L.post_cues


def _relatives(d: _Decomposition, a: int, b: int, subject: str) -> int:
    """Add claims for relative clauses in tokens a..b-1; return where the main claim ends.

    A non-restrictive clause (", yang …") states a fact about its antecedent and is cut off the
    main claim. A restrictive passive clause with a named agent ("dana … yang diusulkan oleh
    Stoltenberg") states who did something; the main claim keeps it.
    """
    ctx = d.ctx
    b = _final_appositive_cut(d, a, b)
    for k in range(a + 1, b):
        if ctx.word(k) not in ctx.L.relative:
            continue
        if ctx.word(k - 1) == "," and _first_verb(ctx, k + 1, b) is not None and not _leading_place(ctx, a, k):
            if _attributed_relative(ctx, k, b):
                return k - 1  # "the delegate system, which he said runs the risk …": the speaker's content
            return _nonrestrictive(d, a, b, k, subject)
        if not _marked_relative(d, a, b, k) and not _named_relative(d, a, b, k):
            _agent_relative(d, a, b, k)
        _before_long_relative(d, a, b, k)
    return b


def _attributed_relative(ctx: Ctx, k: int, b: int) -> bool:
    """Does the relative clause at k open with a short subject and a speech cue ("which he said
    runs the risk of …")? What follows the cue is what the speaker said, a claim of the
    attribution's; the clause is no fact of the outlet's about its noun."""
    n = _clause_subject_len(ctx, k + 1, b)
    return n is not None and 0 < n <= SPLICE_SUBJECT and ctx.word(k + 1 + n) in ctx.L.post_cues


def _leading_place(ctx: Ctx, a: int, k: int) -> bool:
    """ "Di KPU provinsi, yang semula 14 hari itu dipangkas …": a prepositional phrase opens the
    clause and the comma sets it off; "yang …" is the clause's subject, not a relative on it."""
    return ctx.word(a) in ctx.L.np_stops and not any(ctx.is_verb(t) for t in range(a, k))


def _marked_relative(d: _Decomposition, a: int, b: int, k: int) -> bool:
    """ "model pembiayaan yang tidak membebani APBN", "harga beras yang kian meningkat": a
    restrictive clause that opens with an aspect, frequency or negation word states a fact about
    its noun of its own; a claim from the noun phrase's start to the clause's end. Not under a
    negated existential ("Tidak ada masalah yang tidak bisa diselesaikan") and not "yang sudah
    ada"."""
    ctx = d.ctx
    m = _past_markers(ctx, k, b)
    if m is None or not _describes_a_noun(ctx, k) or _under_negated_existential(ctx, a, k):
        return False
    start = _np_start(ctx, k, a)
    end = _relative_end(ctx, m + 1, b)
    opener = ctx.match_seq(k + 1, ctx.L.correlative_openers, b)
    if start >= k or ctx.word(start) in ctx.L.interrogatives \
            or ctx.words_between(max(m, k + 1 + opener), end) < (2 if opener else 1) \
            or (start == a and end == b) or _is_date_phrase(ctx, start, k) or _cleft(ctx, a, start, end, b):
        return False  # "media yang tidak hanya" says nothing yet; "Juli lalu yang …" describes no date
    s, e = ctx.span(start, end)
    # the claim says the clause of its noun: "Angin tak terlalu kencang", not the noun phrase
    # "Angin yang tak terlalu kencang" (helper idprec)
    d.units.append(Unit(s, e, standalone([ctx.phrase(start, k), ctx.phrase(k + 1, end)]), d.sentence, d.speaker,
                        list(d.spans), role="marked-relative", cue=d.cue))
    return True


def _cleft(ctx: Ctx, a: int, start: int, end: int, b: int) -> bool:
    """ "Di luar Jawa yang sudah pasti": only a preposition before the noun phrase and the clause
    runs to the end, so the clause is the sentence's predicate (a cleft) and the main claim
    already says it. Not a fronted phrase that a clause follows ("Terkait saksi Prana yang sudah
    dipanggil KPK, ia menyatakan …")."""
    fronted = b + 1 < len(ctx.idx.lower) and ctx.word(b) == "," and ctx.is_word(b + 1)
    return end == b and not fronted and all(ctx.word(t) in ctx.L.np_stops for t in range(a, start))


def _named_relative(d: _Decomposition, a: int, b: int, k: int) -> bool:
    """ "pihaknya tak bisa menyita Restoran Nusa Dua yang berada di London", "Dalam kasus itu, Agus
    yang saat itu menjabat sebagai Menteri Keuangan …": a name already picks out what it names, so a
    restrictive clause on it does not say which one is meant but adds a fact about it (the
    guideline's relative clause with a fact of its own); a claim from the name to the clause's end.
    Where the table sets ``named_relatives``."""
    ctx = d.ctx
    if not ctx.L.named_relatives or k + 1 >= b or not ctx.is_word(k + 1):
        return False
    start = _subject_name_start(ctx, a, k, b)
    if start is None:
        start = _located_object_start(ctx, a, k)
    if start is None:
        return False
    end = _subject_relative_end(ctx, k, b)
    if (start == a and end == b) or ctx.words_between(k + 1, end) < 2 \
            or not _is_name(ctx, start, k, ctx.idx.between(*d.sentence).start):
        return False
    if end == b and start > a and ctx.word(start - 1) == "," and _first_verb(ctx, a, start) is None:
        return False  # a cleft ("…, istri Tito, Sri yang mengangkat bendera"): the clause is the predicate
    s, e = ctx.span(start, end)
    d.units.append(Unit(s, e, standalone([ctx.text[s:e]]), d.sentence, d.speaker, list(d.spans),
                        role="named-relative", cue=d.cue))
    return True


LONG_RELATIVE = 6  # words at least in a relative clause that states a fact of its own
PREDICATE_REACH = 4  # tokens at most between "yang" and its verb ("yang saat itu menjabat")
OBJECT_WORDS = 2  # words at least between a verb and the noun a long relative clause is cut before


def _before_long_relative(d: _Decomposition, a: int, b: int, k: int) -> None:
    """ "Agus sempat menolak memberikan lampu hijau untuk anggaran proyek yang menyeret dua pejabat
    Direktorat Jenderal …, Irman dan Sugiharto": a long restrictive clause with a verb of its own
    on a noun in the predicate states a fact of its own; the clause without it is a claim too
    (from the clause's start to the noun). A short one ("kepada warga yang menjadi korban") only
    says which noun is meant. Where the table sets ``named_relatives``."""
    ctx, L = d.ctx, d.ctx.L
    main = _first_verb(ctx, a, k, skip_relatives=True)
    if not L.named_relatives or ctx.word(k - 1) == "," or main is None or ctx.match_seq(main, L.existentials, k):
        return  # "ada dua risiko yang harus diperhatikan …": the existential's noun is the clause's content
    end = _relative_end(ctx, k + 1, b)
    if ctx.words_between(k + 1, end) < LONG_RELATIVE or _first_verb(ctx, k + 1, end) is None \
            or any(ctx.word(t) in L.coordinators for t in range(_np_start(ctx, k, a) - 1, k)) \
            or _blocks_before_relative(ctx, a, k) or _fronted_participle(d, a, k, b):
        return  # "lahan yang sangat besar yang dibagi …": no verb; "…, serta bank-bank lain yang …": a list's item
    s0, e0 = trim_tokens(ctx, a, k)
    if n_words(ctx, s0, e0) >= ctx.L.min_claim_tokens:
        s, e = ctx.span(s0, e0)
        d.units.append(Unit(s, e, standalone([ctx.text[s:e]]), d.sentence, d.speaker, list(d.spans),
                            role="before-relative", cue=d.cue))


def _fronted_participle(d: _Decomposition, a: int, k: int, b: int) -> bool:
    """Does the sentence open with a verb phrase that has no subject and leads to the main clause
    after a comma ("Mengantisipasi meningkatnya jumlah penumpang yang …, PT KAI mengoperasikan …",
    "Mendengar teriakan …, warga yang berada di sekitar lokasi ikut …")? The noun before the
    relative is then part of a purpose or circumstance, or the main subject cut off its predicate:
    no claim's end (helper idfix)."""
    ctx = d.ctx
    s0 = trim_tokens(ctx, a, k)[0]
    start = ctx.span(s0, s0 + 1)[0]
    if not _opens_with_verb_phrase(ctx, s0, k) or ctx.text[d.sentence[0]:start].strip(" \"“'‘«"):
        return False  # a subject before the verb, or a verb inside the sentence (a carried conjunct)
    end = ctx.idx.between(start, d.sentence[1]).stop  # a comma splice may have ended the stretch at the comma
    comma = next((t for t in range(s0 + 1, end) if ctx.word(t) == ","), None)
    return comma is not None and _first_verb(ctx, comma + 1, end) is not None


def _subject_name_start(ctx: Ctx, a: int, k: int, b: int) -> int | None:
    """Where the capitalised noun phrase before the relative at k starts, when it is in the
    subject (no verb before it) and the clause is no existential's; None otherwise."""
    start = _np_start(ctx, k, a)
    if start >= k or not ctx.is_cap(start) or ctx.match_seq(k + 1, ctx.L.existentials, b) \
            or _first_verb(ctx, a, k) is not None:
        return None  # a name after the verb: the clause may say which of its kind ("Ahok yang memperoleh 40%")
    while (start > a and ctx.is_word(start - 1) and ctx.is_cap(start - 1)) or _spaced_particle_hyphen(ctx, start, a):
        start -= 2 if ctx.word(start - 1) == "-" else 1  # a long name: "Menteri Dalam Negeri Tjahjo Kumolo yang …"
    return start


def _located_object_start(ctx: Ctx, a: int, k: int) -> int | None:
    """ "… menyita Restoran Nusa Dua yang berada di London, Inggris, …": a name after the verb with
    a clause that says where it is (the table's ``location_verbs``) adds that fact; it does not say
    which of its kind is meant (helper idfix). Where the name starts, else None."""
    if ctx.word(k + 1) not in ctx.L.location_verbs or not ctx.is_cap(k - 1):
        return None
    start = k - 1
    while start > a and ctx.is_word(start - 1) and ctx.is_cap(start - 1):
        start -= 1
    if start <= a or not (ctx.is_verb(start - 1) or ctx.word(start - 1) in ctx.L.np_stops):
        return None  # "rumah Setya Novanto yang berada di …": the house is there, the name its owner's
    return start


def _subject_relative_end(ctx: Ctx, k: int, b: int) -> int:
    """Where a relative clause at token k ("yang") in the subject ends: where ``_relative_end``
    ends it, or earlier at the main clause's verb, a verb after a noun past the clause's own verb
    ("CGT yang didukung komunis mengklaim …"), not one its own verb runs into ("yang berhasil
    menangkap …") or a purpose opens ("yang datang untuk mencari …")."""
    L = ctx.L
    verb = _first_verb(ctx, k + 1, min(b, k + 1 + PREDICATE_REACH))  # "yang saat itu menjabat …"
    end = _relative_end(ctx, k + 1 if verb is None else verb + 1, b)
    if verb is None:
        return end
    for t in range(verb + 2, end):
        before = ctx.word(t - 1)
        if ctx.is_verb(t) and (ctx.is_word(t - 1) or before == ")") and not ctx.is_verb(t - 1) \
                and before not in L.np_stops and before not in L.subject_breakers and before not in L.auxiliaries:
            return t
    return end


def _blocks_before_relative(ctx: Ctx, a: int, k: int) -> bool:
    """Is the relative clause at k inside a subordinate, complement or existential part of the
    clause a..k ("Fahmi mengakui bila memang ada pertemuan yang …", "… karena Fadli Zon yang …"),
    or not on a noun ("…, atau yang …")?"""
    L = ctx.L
    if not _describes_a_noun(ctx, k) or ctx.word(k - 1) in L.coordinators or ctx.word(a) in L.subject_breakers:
        return True  # "Selain mengeluhkan fenomena daerah yang …": a clause that leads to another
    if _needs_its_relative(ctx, a, k) or _verb_in_relative_before(ctx, a, k):
        return True
    stops = L.complementisers | L.cause_subordinators | L.wish_complementisers | L.concessive_subordinators
    return any(ctx.word(t) in stops or ctx.match_seq(t, L.existentials, k)
               or (ctx.word(t) in L.subordinators and ctx.word(t + 1) not in L.demonstratives)  # not "saat itu"
               for t in range(a, k))


def _needs_its_relative(ctx: Ctx, a: int, k: int) -> bool:
    """Does the noun before the relative at k say nothing without it: the complement of a copula
    ("X merupakan salah satu tokoh yang …"), one of a set, a bare noun right after the verb
    ("memilah cara-cara yang …"), a noun that needs its clause ("orang yang …", ``relative_heads``)
    or the addressee of a demand ("mengimbau para pihak yang …")?"""
    L = ctx.L
    last_verb = max((t for t in range(a, k) if ctx.is_verb(t)), default=a)
    return ctx.words_between(last_verb + 1, k) < OBJECT_WORDS or ctx.word(last_verb) in _complement_verbs(L.code) \
        or ctx.word(k - 1) in L.relative_heads \
        or any(ctx.word(t) in L.copulas for t in range(a, k)) \
        or bool(ctx.match_seq(_np_start(ctx, k, a), L.single_member_subjects, k))


def _verb_in_relative_before(ctx: Ctx, a: int, k: int) -> bool:
    """Does a relative clause with a verb open in tokens a..k-1 (not "lahan yang sangat besar")?"""
    r = next((t for t in range(a, k) if ctx.word(t) in ctx.L.relative), None)
    return r is not None and any(ctx.is_verb(t) for t in range(r + 1, k))


def _is_name(ctx: Ctx, a: int, k: int, first: int) -> bool:
    """Are tokens a..k-1 a name: capitalised words (not a date; a name particle inside, "Abdullah al
    - Sabah"), the first capitalised for itself and not only as the first word of the sentence that
    starts at token ``first``?"""
    words = [t for t in range(a, k) if ctx.is_word(t)]
    if not words or not ctx.is_cap(words[0]) or _is_date_phrase(ctx, a, k) \
            or not all(ctx.is_cap(t) or ctx.word(t) in ctx.L.particles for t in words):
        return False
    if not _opens_sentence(ctx, a, first):
        return True
    return _named_elsewhere(ctx, a) and not _written_lower(ctx, ctx.word(a))  # not "Kereta yang …"


def _written_lower(ctx: Ctx, word: str) -> bool:
    """Is ``word`` written in lower case somewhere in the article (a common noun)? Once per word."""
    key = ("decompose.written-lower", word)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = any(not ctx.is_cap(k) for k in ctx.positions(word))
    return hit


def _past_markers(ctx: Ctx, k: int, b: int) -> int | None:
    """The token after the aspect or negation words that open the clause at ``k`` ("yang"),
    None when none opens it or what follows is an existential ("sistem yang sudah ada memiliki …":
    "the existing system", no fact of its own)."""
    m = k + 1
    while m < b and ctx.word(m) in ctx.L.fact_relative_markers:
        m += 1
    if m == k + 1 or m >= b or ctx.match_seq(m, ctx.L.existentials, b) or not ctx.is_word(m):
        return None
    return m


def _describes_a_noun(ctx: Ctx, k: int) -> bool:
    """Is there a noun before "yang" at k ("… dibandingkan yang tidak bebas", "juga yang …": no)?"""
    L, before = ctx.L, ctx.word(k - 1)
    return ctx.is_word(k - 1) and before not in L.np_stops and before not in L.auxiliaries \
        and not (before in L.non_verbs and before.startswith(L.passive_prefix))


def _under_negated_existential(ctx: Ctx, a: int, k: int) -> bool:
    L = ctx.L
    return any(ctx.match_seq(t, L.existentials, k) and L.negated.pattern.fullmatch(ctx.word(t)) for t in range(a, k))


def _relative_end(ctx: Ctx, t: int, b: int) -> int:
    """Where a restrictive clause whose predicate starts before token t ends: at a comma, a
    coordinator or a predicate marker of the main clause ("… yang tidak membebani APBN seperti ini
    bisa dilakukan"), else at the end of the conjunct."""
    L = ctx.L
    for k in range(t, b):
        w = ctx.word(k)
        if w in (",", ";") or w in L.coordinators or w in L.predicate_markers or w in L.relative:
            return k
        if w in L.demonstratives and k + 1 < b and ctx.is_word(k + 1):
            return k + 1  # "… yang sebelumnya berada di kapal itu ditemukan …": the noun phrase closes
    return b


def _nonrestrictive(d: _Decomposition, a: int, b: int, k: int, subject: str) -> int:
    """The claim of ", yang …" at token k; where the main claim ends (-1: it was written here)."""
    ctx = d.ctx
    ant_start, ant = _antecedent(ctx, k - 1, a, subject)
    r_end = _inner_clause_end(ctx, k + 1, b)
    if r_end == b and _antecedent_only(ctx, a, ant_start, k):
        r_end = _unlisted_predicate_comma(ctx, k + 1, b)
    s, e = ctx.span(k, r_end)
    if n_words(ctx, k + 1, r_end) < ctx.L.min_claim_tokens - 1:
        return b
    on_clause = _describes_clause(ctx, a, ant_start)
    if not on_clause:
        ant_start, ant = _past_examples_opener(ctx, *_determined_antecedent(ctx, ant_start, k - 1, ant), k - 1)
    start = _relative_claim_start(ctx, ant_start, k, s)
    ant = relative_antecedent(ctx, k, ant)
    if on_clause:
        start = ctx.span(trim_tokens(ctx, a, k, residual=True)[0], k)[0]
    d.units.append(Unit(start, e, standalone([ctx.text[start:e]] if on_clause else [ant, ctx.phrase(k + 1, r_end)]),
                        d.sentence, d.speaker, list(d.spans), role="nonrestrictive", cue=d.cue))
    first = first_predicate_end(ctx, k, r_end)
    if first is not None:
        f_end = ctx.span(k, first)[1]
        words = [ctx.text[start:f_end]] if on_clause else [ant, ctx.phrase(k + 1, first)]
        d.units.append(Unit(start, f_end, standalone(words),
                            d.sentence, d.speaker, list(d.spans), role="relative-conjunct", cue=d.cue))
    if r_end == b:
        return -1 if _antecedent_only(ctx, a, ant_start, k) else k - 1
    # "NATO, yang didirikan pada 1949, kini memiliki 32 anggota": the main claim keeps its whole
    # span; its text leaves the inserted clause out
    d.units.append(Unit(*ctx.span(a, b), standalone([ctx.phrase(a, k - 1), ctx.phrase(r_end + 1, b)]),
                        d.sentence, d.speaker, list(d.spans), role="main", cue=d.cue, skip=(s, e)))
    return -1


def _antecedent_only(ctx: Ctx, a: int, ant_start: int, k: int) -> bool:
    """ "Senator Ted Cruz of Texas, who is running second in many states, stuck to policy", "Senator
    Chris Murphy, who campaigned with her, said …": is all the stretch from token ``a`` holds before
    the relative clause at token k the noun phrase it describes (from ``ant_start``, no verb in
    it)? Then, where the clause runs to the end of the stretch, the main claim would be a bare noun
    phrase, no claim; the relative clause's claim, from that noun phrase on, says it all. Where
    relative claims start at their antecedent (``relative_from_antecedent``: English)."""
    return ctx.L.relative_from_antecedent and trim_tokens(ctx, a, k, residual=True)[0] == ant_start \
        and not any(ctx.is_verb(t) for t in range(a, k - 1)) and not _pronoun_subject_clause(ctx, ant_start, k - 1)


def _pronoun_subject_clause(ctx: Ctx, a: int, c: int) -> bool:
    """ "He plays them off against each other, which …", "This represents real wage growth, which
    …": a subject pronoun, or a demonstrative with a word in the third person's ending after it, opens
    a clause whose verb the verb guess does not know, no noun phrase (up to the comma at c)."""
    L, w = ctx.L, ctx.word(a)
    if w in L.subject_pronouns:
        return True
    return w in L.demonstratives and a + 2 < c and ctx.word(a + 1).endswith(L.plural_suffix or "\0")


def _determined_antecedent(ctx: Ctx, a: int, k: int, ant: str) -> tuple[int, str]:
    """ "Bezos owns The Washington Post, which …", "publishing its real-time index, which …": the
    noun phrase a relative clause at token k+1 describes starts at its first article or possessive
    determiner; the words before it (a verb the word lists do not know) are the main clause's, no
    part of the relative clause's claim (where the table sets ``relative_from_antecedent``: English)."""
    L = ctx.L
    if not L.relative_from_antecedent or ant != ctx.phrase(a, k):
        return a, ant
    t = next((t for t in range(a, k - 1) if (ctx.word(t) in L.np_articles and not _initial_stop(ctx, t + 1))
              or ctx.word(t) in L.possessive_determiners), a)  # "Samuel A. Alito": an initial, no article
    return (t, ctx.phrase(t, k)) if t > a else (a, ant)


def _describes_clause(ctx: Ctx, a: int, ant_start: int) -> bool:
    """ "Sanders had split the first two contests, which is an outcome …": after an auxiliary the
    "antecedent" is a verb phrase; the relative clause describes the whole clause, and its claim
    keeps the clause (where the table sets ``relative_from_antecedent``: English)."""
    return ctx.L.relative_from_antecedent and ant_start > a and ctx.word(ant_start - 1) in ctx.L.auxiliaries


def first_predicate_end(ctx: Ctx, k: int, end: int) -> int | None:
    """Where the first of coordinated predicates ends in the relative clause or participle phrase
    that opens at token k and ends before ``end`` ("who founded the Institute in 1979 and is a
    longtime committeeman", "who is widely disliked and distrusted"): the coordinator before the
    next predicate, None without one. Each predicate states a fact of its own; the guideline's span
    of a split conjunct runs from the shared start to its own end. On where the table sets
    ``relative_conjuncts`` (English)."""
    L = ctx.L
    if not clause_table(L.code).relative_conjuncts:
        return None
    verb = False
    for t in range(k + 1, end - 1):
        verb = verb or ctx.is_verb(t)
        if not ctx.is_word(t) and not _abbreviation_stop(ctx, t):
            return None  # a comma or bracket: the clause has a part inserted, not two predicates
        if verb and ctx.word(t) in L.predicate_coordinators and not closes_pair(ctx, t):
            v = _skip_modifiers(ctx, t + 1, end)
            said = ctx.words_between(k + 1, t) >= L.min_claim_tokens - 1  # not "the media, which is and …"
            return t if said and v < end and (v > t + 1 or ctx.is_verb(v)) else None
    return None


def _past_examples_opener(ctx: Ctx, ant_start: int, ant: str, end: int) -> tuple[int, str]:
    """ "… under similar circumstances, such as Chief Petty Officer Lyle White, who pleaded guilty
    …": the clause describes the example, not "such as" before it (a ``subject_breakers`` phrase);
    the antecedent's start and text past it. Where relative claims start at their antecedent
    (``relative_from_antecedent``)."""
    n = ctx.match_seq(ant_start, ctx.L.breaker_seqs, end) if ctx.L.relative_from_antecedent else 0
    if not n or ant_start + n >= end:
        return ant_start, ant
    return ant_start + n, ctx.phrase(ant_start + n, end)


def _relative_claim_start(ctx: Ctx, ant_start: int, k: int, s: int) -> int:
    """Where the claim of a non-restrictive clause at token k starts: at the clause (``s``), or
    where the table says so (``relative_from_antecedent``, English: "Sanders, who is Jewish") at
    the noun phrase it describes."""
    if not ctx.L.relative_from_antecedent or ant_start >= k - 1:
        return s
    start = trim_tokens(ctx, ant_start, k, residual=True)[0]  # not "while" in "while Sanders, who …"
    return ctx.span(start, k)[0] if start < k - 1 else s


def _agent_relative(d: _Decomposition, a: int, b: int, k: int) -> None:
    """ "dana … yang diusulkan oleh Stoltenberg": a claim that the named agent did it."""
    ctx = d.ctx
    L = ctx.L
    v = k + 1
    if not (v < b and ctx.is_verb(v) and L.passive_agent):
        return
    agent = next((t for t in range(v + 1, min(b, v + 6)) if ctx.word(t) == L.passive_agent), None)
    if agent is None or agent + 1 >= b or not ctx.is_cap(agent + 1):
        return
    z = agent + 1
    while z < b and ctx.is_cap(z) and ctx.is_word(z):
        z += 1
    ant_start, ant = _antecedent(ctx, k, a, "")
    if ant and ant_start < k:
        s, e = ctx.span(ant_start, z)
        d.units.append(Unit(s, e, standalone([ant, ctx.phrase(v, z)]), d.sentence, d.speaker,
                            list(d.spans), role="relative", cue=d.cue))



def _tagged_role(units: list[Unit], role: str) -> list[Unit]:
    for u in units:
        if u.role == "main":
            u.role = role
    return units


def _parts(ctx: Ctx, a: int, b: int, words: list[str], like: Unit) -> list[Unit]:
    """Claims inside the clause a..b-1 besides the whole: one per enumerated item (from the
    clause's start to the item's end) and the clause after a cause or time connective."""
    head = words[:-1] if len(words) > 1 else []  # a restated subject stays in front
    out = []
    ends = claimed_items(ctx, a, enumeration_ends(ctx, a, b), b)
    out += _enumerated_items(ctx, (a, b), ends, head, like)
    out += _clause_fact_parts(ctx, a, b, head, like)
    out += _figure_items(ctx, a, b, head, like, MAX_ITEMS - len(ends))  # output linear in the text
    out += _appositive_parts(ctx, a, b, head, like)
    out += participle_parts(ctx, a, b, like)
    out += complement_parts(ctx, a, b, like)
    out += object_relative_parts(ctx, a, b, like)
    out += [_part(ctx, a, end, head, like, "wish-predicate") for end in wish_predicate_ends(ctx, a, b)]
    out += [_part(ctx, s, e, [], like, "glossed-figure") for s, e in _glossed_figures(ctx, a, b)]
    out += [_worded_part(ctx, s, e, words, like, "measured-noun") for s, e, words in measured_noun_phrases(ctx, a, b)]
    out += [_part(ctx, *trim_tokens(ctx, s, e), [], like, "owner") for s, e in owned_phrases(ctx, a, b)]
    if _label_positions(ctx):  # most articles list no numbered unit
        out += [_labelled_item(ctx, s, e, like, "labelled-list") for s, e in labelled_list_items(ctx, a, b)
                if (s, e) != (a, b)]
    out += subordinate_clauses(ctx, a, b, like)
    effect = cause_head_end(ctx, a, b)
    if effect is not None:
        c_end = trim_tokens(ctx, a, effect)[1]
        out.append(_part(ctx, a, c_end, head, like, "effect"))
    c = subordinate_start(ctx, a, b)
    if c is not None and not (ctx.word(c - 1) in ctx.L.simultaneity_subordinators and _unreal_before(ctx, a, c - 1)) \
            and not _only_then(ctx, a, c - 1):
        c, d = trim_tokens(ctx, c, b)
        if n_words(ctx, c, d) >= ctx.L.min_claim_tokens:
            out.append(_part(ctx, c, d, [], like, "subordinate"))
            out += subject_item_parts(ctx, c, d, like)
    return out


_NAME_MARKS = frozenset({"-", ".", "'"})  # inside a name ("Al - Habsyi", "M. Iriawan")
def correlative_parts(ctx: Ctx, a: int, b: int, like: Unit) -> list[Unit]:
    """ "keberadaan sel mewah bukan hanya karena adanya kongkalikong …, melainkan karena lemahnya
    pengawasan Yasonna": "not only X but also Y" asserts both members; the first member's claim
    spans from the clause's start to the member's end (the whole clause is the second member's,
    as a split conjunct's span runs from the shared subject). A cause that names a fact of its own
    ("adanya kongkalikong …", "lemahnya pengawasan Yasonna") is a claim besides."""
    L = ctx.L
    if L.correlative_openers.by_first.keys().isdisjoint(ctx.idx.lower[a + 1:b]):
        return []  # most clauses: no correlative opener, looked for at once
    t = next((t for t in range(a + 1, b) if ctx.match_seq(t, L.correlative_openers, b)), None)
    if t is None or ctx.word(t - 1) in L.relative:
        return []  # "gerakan … yang tidak hanya bertujuan …": the relative clause's rules claim its noun's facts
    n = ctx.match_seq(t, L.correlative_openers, b)
    k = next((k for k in range(t + 1, b - 1)
              if ctx.word(k) == "," and _phrase_at(ctx, k + 1, L.additive_continuations, b)), None)
    if k is None or ctx.words_between(t, k) < L.min_claim_tokens:
        return []
    s, e = ctx.span(a, k)
    # the claim says the member without "bukan hanya" (which would read as a negation)
    out = [Unit(s, e, standalone([ctx.phrase(a, t), ctx.phrase(t + n, k)]), like.sentence, like.speaker,
                list(like.spans), role="correlative", cue=like.cue, skip=ctx.span(t, t + n))]
    for c in (t + n, k + 1 + _phrase_at(ctx, k + 1, L.additive_continuations, b)):
        fact = _cause_fact(ctx, c, k if c < k else b)
        if fact is not None:
            out.append(_part(ctx, *fact, [], like, "cause-fact"))
    return out


def _before_inclusion(ctx: Ctx, a: int, b: int) -> list[int]:
    """ "pihaknya akan menghadirkan enam saksi, termasuk Agus Martowardojo": the comma before an
    inclusion word (``inclusion_words``) after a predicate ends a claim of its own (the six
    witnesses), besides the whole (that Agus is one of them); [] when there is none."""
    words = _inclusion_words(ctx.L.code)
    if words.isdisjoint(ctx.idx.lower[a:b]):
        return []
    k = next((k for k in range(a + 1, b - 1) if ctx.word(k) == ","), None)
    if k is None or ctx.word(k + 1) not in words or n_words(ctx, a, k) < ctx.L.min_claim_tokens:
        return []  # the first comma only: one before ends an adverbial or a cue ("Maryono melihat, …")
    return [k] if _first_verb(ctx, a, k, skip_relatives=True) is not None else []


@cache
def _inclusion_words(lang: str) -> frozenset[str]:
    """The table's ``inclusion_words``, lower-cased, read once per language."""
    return frozenset(w.lower() for w in clause_table(lang).inclusion_words)


CAUSE_OBJECT_WORDS = 2  # words after the verb before a cause at most, for the cause to be the subject's


def cause_predicate_parts(ctx: Ctx, a: int, b: int, head: list[str], like: Unit) -> list[Unit]:
    """ "… menyatakan larangan salat Jumat di Jalan Sudirman lantaran dapat mengganggu aktivitas
    masyarakat lain": a cause that is a predicate without a subject of its own (a modal or a verb
    right after the connective) says a fact of the clause's subject; a claim from the predicate to
    the next comma (the guideline's "akibat …" when the cause is itself a fact)."""
    L = ctx.L
    if L.cause_subordinators.isdisjoint(ctx.idx.lower[a:b]):
        return []  # most clauses: no cause connective, looked for at once
    k = next((k for k in range(a + 1, b - 2) if ctx.word(k) in L.cause_subordinators), None)
    end = _cause_predicate_end(ctx, k, b) if k is not None else None
    if k is None or end is None:
        return []
    s, e = ctx.span(k + 1, end)
    said_of = _cause_bearer(ctx, a, k)
    words = [ctx.phrase(*said_of), ctx.text[s:e]] if said_of[1] > said_of[0] else [ctx.text[s:e]]
    return [Unit(s, e, standalone(words), like.sentence, like.speaker, list(like.spans), role="cause-predicate",
                 cue=like.cue)]


def _cause_predicate_end(ctx: Ctx, k: int, b: int) -> int | None:
    """Where the subjectless predicate after the cause connective at k ends (the next clause
    mark), or None: a subject of its own, an existential ("karena ada …": the subordinate rule's)."""
    L = ctx.L
    v = _skip_modifiers(ctx, k + 1, b)
    if v >= b or not ctx.is_verb(v) or ctx.match_seq(k + 1, L.existentials, b) or ctx.match_seq(v, L.existentials, b):
        return None
    end = next((t for t in range(v + 1, b) if ctx.word(t) in _CLAUSE_ENDS), b)
    return end if n_words(ctx, k + 1, end) >= L.min_claim_tokens else None


def _cause_bearer(ctx: Ctx, a: int, k: int) -> tuple[int, int]:
    """The tokens of what the cause before token k is said of: the subject, or a noun phrase
    without a verb ("larangan salat Jumat …"); none when the clause has an object that could be it
    ("Polisi menangkap dua WNI karena hendak bergabung …") or opens as a condition."""
    s0, e0, v0 = _subject(ctx, a, k)
    if v0 >= k:
        return trim_tokens(ctx, a, k)
    if ctx.words_between(v0 + 1, k) > CAUSE_OBJECT_WORDS or (e0 > s0 and _opens_dependent(ctx, s0, k)):
        return e0, e0
    return s0, e0


def _phrase_at(ctx: Ctx, k: int, phrases: Phrases, b: int) -> int:
    """Words of the longest of ``phrases`` that tokens k.. (before b) spell, 0 if none."""
    lower = ctx.idx.lower
    return next((len(seq) for seq in phrases.seqs if k + len(seq) <= b and tuple(lower[k:k + len(seq)]) == seq), 0)


def _cause_fact(ctx: Ctx, c: int, end: int) -> tuple[int, int] | None:
    """(start, end) of a cause that names a fact after the cause subordinator at c: a noun made of
    a predicate and "-nya" that a noun follows ("karena adanya kongkalikong …", "karena lemahnya
    pengawasan …")."""
    L = ctx.L
    suffix = L.pronoun_suffix
    if c + 2 >= end or ctx.word(c) not in L.cause_subordinators or not suffix:
        return None
    head = ctx.word(c + 1)
    if not (head.endswith(suffix) and len(head) - len(suffix) >= L.verb_min_stem and ctx.is_word(c + 2)):
        return None
    return c + 1, end


SUBJECT_ITEM_WORDS = 10  # a listed actor may be a role and a name ("Direktur Tindak Pidana Umum Brigjen Herry Nahak")


def _clause_fact_parts(ctx: Ctx, a: int, b: int, head: list[str], like: Unit) -> list[Unit]:
    """The facts a clause states besides the whole: each listed actor of its subject, the first
    member of a correlative, a cause predicate, the clause before an inclusion."""
    out = subject_item_parts(ctx, a, b, like)
    out += correlative_parts(ctx, a, b, like)
    out += cause_predicate_parts(ctx, a, b, head, like)
    out += [_part(ctx, a, k, head, like, "before-inclusion") for k in _before_inclusion(ctx, a, b)]
    return out


def subject_item_parts(ctx: Ctx, a: int, b: int, like: Unit) -> list[Unit]:
    """ "Arab Saudi, Mesir, Uni Emirat Arab dan Bahrain, memutuskan hubungan dengan Qatar": each
    actor of a listed subject does the deed alone, a claim of its own (the guideline splits an
    enumeration of distinct facts). The smallest contiguous span that carries an actor's claim runs
    from the actor to the clause's end (the actors after it are skipped: not this claim's); the
    first actor's claim is the whole clause. Where the table sets ``subject_items``."""
    if not clause_table(ctx.L.code).subject_items:
        return []
    found = _subject_items(ctx, a, b)
    if found is None:
        return []
    items, predicate = found
    app = trailing_appositive(ctx, a, b)
    b = app[0] if app is not None else b  # "…, gerakan Islam tertua di dunia": the name's, not each actor's
    out = []
    for s, e in items[1:]:
        us, ue = ctx.span(s, b)
        skip = (ctx.idx.spans[e - 1][1], ctx.idx.spans[predicate][0]) if e < predicate else None
        out.append(Unit(us, ue, standalone([ctx.phrase(s, e), ctx.phrase(predicate, b)]), like.sentence,
                        like.speaker, list(like.spans), role="subject-item", cue=like.cue, skip=skip))
    return out


def _subject_items(ctx: Ctx, a: int, b: int) -> tuple[list[tuple[int, int]], int] | None:
    """The listed actors (start, end tokens) that open the clause a..b-1 and the token where what
    they share starts (an auxiliary, a verb, "bersama"); None when the clause opens otherwise."""
    L = ctx.L
    if L.list_coordinators.isdisjoint(ctx.idx.lower[a:b]):
        return None  # most clauses: no list coordinator at all, looked for at once
    v = _first_verb(ctx, a, b)
    if v is None or not ctx.is_word(a) or ctx.word(a) in L.np_stops or ctx.word(a) in L.subordinators:
        return None
    if not any(w in L.list_coordinators for w in ctx.idx.lower[a:v]):
        return None  # most clauses: no list coordinator before the verb, so no list to walk
    items, stop, coordinated = _listed_subject(ctx, a, v)
    ok = coordinated and 2 <= len(items) <= MAX_ITEMS and _actors(ctx, items, stop, b) \
        and _each_does_it(ctx, stop, v, b)
    return (items, stop) if ok else None


def _listed_subject(ctx: Ctx, a: int, v: int) -> tuple[list[tuple[int, int]], int, bool]:
    """The items between commas and list coordinators before the verb at v, where they stop, and
    whether a list coordinator joins them."""
    L = ctx.L
    items: list[tuple[int, int]] = []
    start, stop, depth, coordinated = a, v, 0, False
    for k in range(a, v):
        w = ctx.word(k)
        depth += (w == "(") - (w == ")")
        if depth:
            continue
        if w == "," or (w in L.list_coordinators and w not in L.gloss_coordinators):
            coordinated = coordinated or w != ","
            if k > start:
                items.append((start, k))
            start = k + 1
        elif _ends_listed_subject(ctx, k):
            stop = k
            break
    if start < stop:
        items.append((start, stop))
    return items, stop, coordinated


JOINT_REACH = 4  # words after the verb looked at for a number that counts the actors ("adalah dua orang")


def _each_does_it(ctx: Ctx, stop: int, v: int, b: int) -> bool:
    """Is what the actors share a predicate that each does alone: it opens with the verb (after
    auxiliaries) or "bersama", and no reciprocal verb or counting number is in its first words
    ("A dan B bertemu", "A dan B adalah dua orang yang …": one fact of them together)?"""
    L = ctx.L
    if ctx.word(stop) not in L.pair_prepositions and _skip_modifiers(ctx, stop, b) != v:
        return False  # "Korea Utara dan Korea Selatan bahwa …": the list is no subject
    joint = frozenset(w.lower() for w in clause_table(L.code).joint_predicates)
    return not any(ctx.word(t) in joint for t in range(stop, min(b, v + JOINT_REACH + 1)))


def _ends_listed_subject(ctx: Ctx, k: int) -> bool:
    """Does token k start what the listed actors share (an auxiliary, a hedge or negation, a
    preposition, a relative clause)?"""
    L = ctx.L
    w = ctx.word(k)
    return (w in L.auxiliaries or w in L.np_stops or w in L.relative or w in L.pair_prepositions
            or bool(L.hedged.pattern.fullmatch(w)) or bool(L.negated.pattern.fullmatch(w)))


def _actors(ctx: Ctx, items: list[tuple[int, int]], stop: int, b: int) -> bool:
    """Are the items names of actors that each can do the deed: short, the later ones written as
    names, no time ("Kamis malam, A dan B …": an adverbial, no actor), and not the parts of one
    name ("Badan Pengawas Obat dan Makanan", "Kementerian Pemuda dan Olahraga (Kemenpora)")?"""
    L = ctx.L
    if stop >= b or ctx.word(stop) == "(":
        return False
    for n, (s, e) in enumerate(items):
        if not 1 <= ctx.words_between(s, e) <= SUBJECT_ITEM_WORDS or (n and not ctx.is_cap(s)):
            return False
        if any(not ctx.is_word(t) and ctx.word(t) not in _NAME_MARKS for t in range(s, e)):
            return False  # "Demokrasi (Kode) Inisiatif": a bracket in a later item closes one name
        if any(ctx.word(t) in L.time_words or ctx.word(t)[:1].isdigit() for t in range(s, e)):
            return False
    return _first_actor(ctx, *items[0]) and not _noun_of_names(ctx, items)


def _first_actor(ctx: Ctx, s: int, e: int) -> bool:
    """Is the first item an actor of its own, not the head of a noun phrase that the later items
    complete ("Kerja Sama Indonesia dan Yordania", "Badan Pengawas Obat dan Makanan")? A name or
    noun of two words at most, a known name, or a role before a name ("Politikus PKS Nashir
    Djamil dan Aboe Bakar": the role is both actors')."""
    L = ctx.L
    if e - s > 1 and (ctx.word(s) in L.organisation_heads or ctx.word(s) in L.location_heads
                      or ctx.match_seq(s, L.portfolio_roles, e)):
        return False  # "Menteri Kelautan dan Perikanan Susi Pudjiastuti": the portfolio's two fields
    if not ctx.is_cap(s) and any(ctx.is_cap(t) for t in range(s, e)):
        return False  # "upaya Taiwan dan Hong Kong": a noun and whose, not an actor
    return ctx.words_between(s, e) <= 2 or ctx.gazetteer_at(s, e)[0] == e - s or ctx.match_seq(s, L.roles, e) > 0


@cache
def _noun_affixes(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    t = clause_table(lang)
    return tuple(t.noun_prefixes), tuple(t.noun_suffixes)


def _noun_of_names(ctx: Ctx, items: list[tuple[int, int]]) -> bool:
    """Does the first item open with a derived noun, capitalised as the clause's first word, that
    the names after it complete ("Hubungan Indonesia dan Australia memburuk", "Pertemuan Korsel dan
    Korut digelar")? Then the noun is what the names share, no actor. A noun with the table's
    prefix and suffix ("Pertemuan") is one; one with a suffix alone ("Hubungan"; "Ridwan" is a
    name) when the article writes it in lower case elsewhere or the later items are shorter than
    the first (a name per item: "Ridwan Kamil dan Deddy Mizwar")."""
    s, e = items[0]
    if e - s < 2 or ctx.gazetteer_at(s, e)[0]:
        return False
    prefixes, suffixes = _noun_affixes(ctx.L.code)
    w = ctx.word(s)
    if not any(w.endswith(x) and len(w) - len(x) > ctx.L.verb_min_stem for x in suffixes):
        return False
    first = ctx.words_between(s, e)
    return w.startswith(prefixes) or any(not ctx.is_cap(t) for t in ctx.positions(w)) \
        or all(ctx.words_between(a, b) < first for a, b in items[1:])


NUMERAL = re.compile(r"[IVX]+|\d+")  # the number of a numbered unit: "seksi II", "zona 3"


def labelled_list_items(ctx: Ctx, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of each item of a list of names headed by a numbered unit in tokens a..b-1
    ("seksi I Kunciran, Pakojan, Cipete", "Seksi IV Jurumudi dan Benda"): a verbless list that
    says what the unit (a figure) covers (the places): a claim per item, from the unit's label to
    the item's end (the guideline's span of an enumerated item)."""
    out: list[tuple[int, int]] = []
    labels = _label_positions(ctx)
    for t in labels[bisect_left(labels, a):]:
        if t + 2 >= b or len(out) >= MAX_ITEMS:
            break
        out += [(t, end) for end in _name_item_ends(ctx, t + 2, b)]
    return out[:MAX_ITEMS]


def _label_positions(ctx: Ctx) -> list[int]:
    """Tokens of the article that are a number label followed by a numeral and a capitalised
    word, found once per article (most articles have none)."""
    hit = ctx.memo.get("decompose.labels")
    if hit is None:
        n = len(ctx.idx.lower)
        # a scan of the text, not of the tokens: most articles have no numbered unit at all
        found = (bisect_left(ctx.idx.starts, m.start()) for m in _label_pattern(ctx.L.list_units).finditer(ctx.text))
        hit = ctx.memo["decompose.labels"] = [
            t for t in found if t + 2 < n and NUMERAL.fullmatch(ctx.surface(t + 1)) and ctx.is_cap(t + 2)
            and ctx.is_word(t + 2)]
    return hit


@cache
def _label_pattern(units: frozenset[str]) -> re.Pattern[str]:
    """A unit's label, its numeral and a capital: where a list after a numbered unit may start."""
    body = "|".join(sorted(map(re.escape, units), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\b(?i:{body})\s+(?:[IVX]+|\d+)\s+[^\W\d_]")


def _name_item_ends(ctx: Ctx, k: int, b: int) -> list[int]:
    """Ends of the capitalised items from token k on, separated by commas and list coordinators,
    up to the clause's end, a word in lower case or the next numbered unit; none unless two."""
    ends: list[int] = []
    words = 0
    while k < b and words <= MAX_NAME_ITEM_WORDS:
        if _separates_items(ctx, k):
            if not words:
                break
            ends.append(k)
            words, k = 0, _next_item(ctx, k, b)
            if k < b and ctx.word(k) in ctx.L.list_units:
                break  # "…, dan Seksi IV …": the next unit's list
            continue
        if not (ctx.is_word(k) and ctx.is_cap(k)) or (not words and ctx.word(k) in ctx.L.time_words):
            break  # "…, Sabtu": the day it was said, no item
        words, k = words + 1, k + 1
    if words and words <= MAX_NAME_ITEM_WORDS:
        ends.append(k)
    return ends if len(ends) >= 2 else []


def _separates_items(ctx: Ctx, k: int) -> bool:
    return ctx.word(k) == "," or ctx.word(k) in ctx.L.list_coordinators


def _next_item(ctx: Ctx, k: int, b: int) -> int:
    """Where the item after the separator at k starts (past ", dan")."""
    k += 1
    return k + 1 if ctx.word(k - 1) == "," and k < b and ctx.word(k) in ctx.L.list_coordinators else k


MAX_NAME_ITEM_WORDS = 4  # words at most in one name of a list ("Poris Plawad Indah")
_CLAUSE_ENDS = frozenset({",", ";", ":", "—", "–", "(", "?", "!"})


def subordinate_clauses(ctx: Ctx, a: int, b: int, like: Unit) -> list[Unit]:
    """ "Mark-Viverito has served as a surrogate this week as Clinton continues to lead in polls":
    a clause after a subordinator (``subordinators``) with a subject and a verb of its own states
    a fact besides the whole; a claim from its subject to the next punctuation or subordinator.
    On where the table sets ``subordinate_clauses`` (English; Indonesian names its connectives
    under ``fact_subordinators``)."""
    L = ctx.L
    if not clause_table(L.code).subordinate_clauses or L.subordinators.isdisjoint(ctx.idx.lower[a + 1:b - 1]) \
            or _asks(ctx, like.sentence, b):
        return []
    out: list[Unit] = []
    verb = next((t for t in range(a, b) if ctx.is_verb(t)), b)
    for k in range(verb + 1, b - 1):
        if not _opens_subordinate(ctx, k, b):
            continue  # "has once again breached": an adverb, no clause after a subordinator
        end = next((t for t in range(k + 2, b) if ctx.word(t) in _CLAUSE_ENDS or ctx.word(t) in L.subordinators
                    or _is_dash(ctx, t)), b)
        if _states_a_fact(ctx, k + 1, end) and not _irrealis_time(ctx, a, k, end):
            s, e = trim_tokens(ctx, k + 1, end - 1 if ctx.word(end - 1) in L.coordinators else end)
            out.append(_part(ctx, s, e, [], like, "subordinate-clause"))
    return out[:MAX_ITEMS]


def _irrealis_time(ctx: Ctx, a: int, k: int, end: int) -> bool:
    """Is the subordinator at k a time word that tells of what may happen, not of a fact: with a
    modal first in its own clause ("until you can prove …", "when he would trick Americans …"), or
    under a modal with a verb not in the past ("Clinton could have 90% after all the votes are
    counted"; not "will not be prosecuted after prosecutors determined …")?"""
    L = ctx.L
    if ctx.word(k) not in L.time_subordinators:
        return False
    verb = k + 1 + (_clause_subject_len(ctx, k + 1, end) or 0)
    if verb >= end:
        return False
    if ctx.word(verb) in L.irrealis_modals:
        return True
    return any(ctx.word(t) in L.irrealis_modals for t in range(a, k)) and not _past_form(ctx, verb)


def _past_form(ctx: Ctx, t: int) -> bool:
    """Is token t a verb in the past: a regular ending (``past_endings``) or an event marker ("was")?"""
    word = ctx.word(t)
    return word.endswith(ctx.L.past_endings) or bool(ctx.L.event_markers.pattern.fullmatch(word))


def _states_a_fact(ctx: Ctx, u: int, end: int) -> bool:
    """Do tokens u..end-1 make a clause that says something: a subject that is more than an
    article ("as a weakened America"), a lower-case verb that is no participle on a noun ("as part
    of a lawsuit brought by …") and something after the verb (not "since the recession began",
    which only dates the main clause)?"""
    L = ctx.L
    n = _clause_subject_len(ctx, u, end)
    if not n or ctx.word(u + n - 1) in L.np_articles:
        return False  # "after meeting Thursday", "as one of her surrogates": no clause of its own
    verb = _skip_modifiers(ctx, u + n, end)
    if verb + 1 >= end or any(ctx.is_cap(t) for t in range(u + n, verb + 1)):
        return False  # "as the Plan B for …", "when it votes May 10"
    return verb > u + n or ctx.word(verb + 1) != L.passive_agent


def _asks(ctx: Ctx, sentence: tuple[int, int], b: int) -> bool:
    """Does the sentence, or the clause ending before token b, end as a question ("… when it
    appeared to be a losing battle?")?"""
    after = ctx.text[ctx.idx.spans[b - 1][1]:sentence[1]].lstrip()
    return ctx.text[sentence[0]:sentence[1]].rstrip().endswith(ctx.L.non_claim_endings) \
        or after.startswith(ctx.L.non_claim_endings)


GLOSS_REACH = 10  # tokens at most in the noun phrase before a gloss word


def _glossed_figures(ctx: Ctx, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of "<noun phrase>, yakni <figure> …" in tokens a..b-1: the noun phrase back to
    a preposition, verb-free (a relative clause in it is kept: "HET yang ditentukan yakni Rp
    9.450"), the figure to the next comma. Not the gloss of a date or an amount ("pada tahun 2017,
    yakni …", "Rp 400 miliar yaitu Rp 24 miliar": a share, not what the noun is) and not the whole
    clause (that is the clause's own claim)."""
    L = ctx.L
    out: list[tuple[int, int]] = []
    if L.gloss_words.isdisjoint(ctx.idx.lower[a + 1:b - 1]):
        return out  # most clauses: no gloss word, looked for at once
    for k in range(a + 1, b - 1):
        if ctx.word(k) not in L.gloss_words or not any(ctx.word(t)[:1].isdigit() for t in range(k + 1, min(b, k + 3))):
            continue
        end = next((t for t in range(k + 1, b) if ctx.word(t) in (",", ";")), b)
        start = _gloss_np_start(ctx, a, k - 1 if ctx.word(k - 1) == "," else k)
        if start is not None and (start, end) != (a, b) and end > k + 1 \
                and not any(ctx.word(t)[:1].isdigit() for t in range(start, k)):  # a date, an amount's share
            out.append(trim_tokens(ctx, start, end))
    return out[:MAX_ITEMS]


def _gloss_np_start(ctx: Ctx, a: int, k: int) -> int | None:
    """Where the noun phrase ending before token k starts: after a preposition or a comma, past a
    relative clause in it. None when a verb outside a relative comes first (the gloss is then the
    predicate's: "pangsa pasar … terbilang kecil, yakni …") or the phrase is one word."""
    L = ctx.L
    t = k
    while t > max(a, k - GLOSS_REACH):
        w = ctx.word(t - 1)
        if w in L.relative:
            t -= 1
            continue
        if ctx.is_verb(t - 1) and ctx.word(t - 2) not in L.relative:
            return None
        if w in L.np_stops or w == ",":
            break
        t -= 1
    return t if ctx.words_between(t, k) >= 2 and ctx.word(t) not in L.relative else None


def _only_then(ctx: Ctx, a: int, k: int) -> bool:
    """Does the clause before the connective at k happen only then ("Penerbangan baru dapat
    dilanjutkan setelah pesawat diperbaiki", "Penindakan itu baru dilakukan setelah …"): a table
    word before a table modal or a passive verb? What follows the connective is then its
    condition, no fact yet, and no claim of its own; not "Kasus baru terus bermunculan sejak …",
    "Orde baru membubarkan PKI setelah …", where the word describes a noun."""
    words, modals = ctx.L.only_then_words, ctx.L.only_then_modals
    return bool(words) and any(ctx.word(t) in words and _modal_or_passive(ctx, t + 1, modals) for t in range(a, k - 1))


def _modal_or_passive(ctx: Ctx, t: int, modals: frozenset[str]) -> bool:
    w = ctx.word(t)
    return w in modals or (ctx.is_verb(t) and w.startswith(ctx.L.passive_prefix))


def _unreal_before(ctx: Ctx, a: int, k: int) -> bool:
    """Is the clause before the connective at k future or conditional ("Anda akan melihat sesuatu
    di KTT ketika kita bertemu di Washington")? A clause that happens at its time is no fact yet."""
    s, e = ctx.idx.spans[a][0], ctx.idx.spans[k][0]
    return ctx.L.future.first(ctx.text, s, e) is not None or ctx.L.conditional.first(ctx.text, s, e) is not None


def _appositive_parts(ctx: Ctx, a: int, b: int, head: list[str], like: Unit) -> list[Unit]:
    """ "Turki dan Qatar pernah memberi dukungan pada Ikhwanul Muslimin di Mesir, gerakan Islam
    tertua di dunia yang …": the clause up to the comma, and the name with its appositive."""
    app = trailing_appositive(ctx, a, b)
    if app is None:
        return []
    comma, end = app
    name = _np_start(ctx, comma, a)
    out = [_part(ctx, a, comma, head, like, "before-appositive")]
    if name < comma:
        ns, ne = ctx.span(name, end)
        out.append(Unit(ns, ne, standalone([ctx.phrase(name, comma), ctx.L.copula, ctx.phrase(comma + 1, end)]),
                        like.sentence, like.speaker, list(like.spans), role="appositive", cue=like.cue))
    return out


def _enumerated_items(ctx: Ctx, clause: tuple[int, int], ends: list[int], head: list[str], like: Unit) -> list[Unit]:
    """A claim per enumerated item of the clause, but none inside a fronted adjunct."""
    a, b = clause
    return [_enumerated_item(ctx, (a, end), ends[0], head, like) for end in ends
            if not _inside_fronted_adjunct(ctx, a, end, b)]


def _enumerated_item(ctx: Ctx, clause: tuple[int, int], first_end: int, head: list[str], like: Unit) -> Unit:
    """The claim of one enumerated item: its span runs from the clause's start (the guideline's
    span), its text says the item alone (``_enumeration.item_text``)."""
    a, end = clause
    s, e = ctx.span(a, end)
    pieces, restate = item_text(ctx, a, first_end, end)
    # "seksi III Tanah Tinggi, Batusari": a verbless list's item, said after its unit's label
    item = _labelled_item_words(ctx, a, end) if restate and len(pieces) == 1 else None
    words = item or ([*_unless_restated(head, pieces[0]), *pieces] if restate else pieces)
    return Unit(s, e, standalone(words), like.sentence, like.speaker, list(like.spans), role="enumeration",
                cue=like.cue, text_rules=(LIST_ITEM,) if item else ())


def _labelled_item(ctx: Ctx, a: int, b: int, like: Unit, role: str) -> Unit:
    """The claim of one item of a list headed by a numbered unit: its span from the unit's label,
    its text the label and the item alone ("seksi I Kunciran, Pakojan" → "Seksi I Pakojan")."""
    words = _labelled_item_words(ctx, a, b)
    if not words:
        return _part(ctx, a, b, [], like, role)
    u = _worded_part(ctx, a, b, words, like, role)
    u.text_rules = (LIST_ITEM,)
    return u


def _labelled_item_words(ctx: Ctx, a: int, b: int) -> list[str] | None:
    """The label of the numbered unit opening tokens a..b-1 ("seksi III") and the last item of the
    list after it, when that is not the first item (a verbless list: the earlier items are other
    claims'); None otherwise. Rule ``standalone.list-item``."""
    if a + 2 >= b or a not in _label_set(ctx):
        return None
    start = b
    while start > a + 2 and not _separates_items(ctx, start - 1):
        start -= 1
    if start <= a + 2 or not all(ctx.is_word(k) and ctx.is_cap(k) for k in range(start, b)) \
            or any(a < t < start for t in _label_positions(ctx)):
        return None  # the first item, or another unit's list ("…, dan Seksi IV Jurumudi dan Benda")
    return [ctx.phrase(a, a + 2), ctx.phrase(start, b)]


def _label_set(ctx: Ctx) -> frozenset[int]:
    hit = ctx.memo.get("decompose.label-set")
    if hit is None:
        hit = ctx.memo["decompose.label-set"] = frozenset(_label_positions(ctx))
    return hit


def _part(ctx: Ctx, a: int, b: int, head: list[str], like: Unit, role: str) -> Unit:
    s, e = ctx.span(a, b)
    body = ctx.text[s:e]
    return Unit(s, e, standalone([*_unless_restated(head, body), body]), like.sentence, like.speaker,
                list(like.spans), role=role, cue=like.cue)


def _worded_part(ctx: Ctx, a: int, b: int, words: list[str], like: Unit, role: str) -> Unit:
    """A claim on tokens a..b-1 whose text is ``words``, not the span as written."""
    s, e = ctx.span(a, b)
    return Unit(s, e, standalone(words), like.sentence, like.speaker, list(like.spans), role=role, cue=like.cue)


def _unless_restated(head: list[str], body: str) -> list[str]:
    """The subject to put in front of ``body``, unless ``body`` already opens with it (a clause
    whose span starts at the shared subject: "harga kokas juga meningkat …")."""
    said = " ".join(head).strip()
    return [] if said and body.casefold().startswith(said.casefold()) else head


QUOTE_SPLIT = "decompose.quote-split"
LIST_ITEM = "standalone.list-item"  # a verbless list's item said alone, after its unit's label


def quote_claims(ctx: Ctx, i: int, j: int, quote: Unit) -> list[Unit]:
    """The claims of a quote sentence (tokens i..j-1, the unit ``quote``): where the language's
    table says so (``split_quotes``), the clauses, items and causes it runs together, split as the
    outlet's own text is, each still verbatim and the speaker's; else the sentence whole."""
    if not ctx.L.split_quotes:
        return [quote]
    if _interrupted_fragment(ctx, i, j, quote.sentence[1]):
        return []
    parts = decompose(ctx, i, j, quote.sentence, quote.speaker, quote.spans, cue=quote.cue)
    if not parts or [(u.start, u.end) for u in parts] == [(quote.start, quote.end)]:
        return [quote]
    for u in parts:
        u.quote = True
        u.rules = (*quote.rules, QUOTE_SPLIT, f"decompose.{u.role}")
    return parts


def _interrupted_fragment(ctx: Ctx, i: int, j: int, sentence_end: int) -> bool:
    """ "“Supporters of some other candidates,” Blackwell added, “have focused largely on …": a quote
    that ends in a comma before its closing mark and goes on in lower case after a short attribution
    is cut by it; without a verb it is a subject or a fronted phrase whose predicate comes after the
    cue, no claim of its own."""
    e = ctx.span(i, j)[1]
    if not ctx.text.startswith(",", e) or ctx.text[e + 1:e + 2] not in CLOSING or _first_verb(ctx, i, j) is not None:
        return False
    return _RESUMED_QUOTE.match(ctx.text, e + 2, min(sentence_end, e + 2 + ATTRIBUTION_REACH)) is not None


ATTRIBUTION_REACH = 60  # characters at most of an attribution that interrupts a quote
_RESUMED_QUOTE = re.compile(r"[^.!?\n]*?,\s*[“\"]\s*[a-z]")


DESCRIPTION_WORDS = 3  # words at least in a description ("Politikus Partai Gerindra itu")
DESCRIBED_NAME_CHARS = 800  # characters before a description in which the person it describes is named


def description_claims(ctx: Ctx, units: list[Unit]) -> list[Unit]:
    """ "Mantan Kepala Divisi Hukum Mabes Polri itu mengatakan …": a speaker named by a
    definite description the article resolves to a person states who the person is; a claim
    (the outlet's) on the description, "<name> adalah <description>"."""
    out: list[Unit] = []
    seen: set[tuple[int, int]] = set()
    for u in units:
        sp = u.speaker
        if sp.kind != SpeakerKind.person or not sp.name or sp.mention is None or sp.mention in seen:
            continue
        seen.add(sp.mention)
        desc = _description(ctx, sp.mention, sp.name, u.sentence)
        if desc is not None:
            s, e = ctx.span(*desc)
            words = [sp.name, ctx.L.copula, ctx.text[s:ctx.idx.spans[desc[1] - 1][0]].strip()]
            out.append(Unit(s, e, standalone(words), u.sentence, PUBLISHER, [], role="description"))
    return out


def _description(ctx: Ctx, mention: tuple[int, int], name: str, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The tokens of a mention that describes (and does not name) a person: a phrase opening with
    a role word and closed by a demonstrative, with no preposition or relative clause in it."""
    if not sentence[0] <= mention[0] < sentence[1]:
        return None
    toks = ctx.idx.between(*mention)
    i, j = trim_tokens(ctx, toks.start, toks.stop)
    j = toks.stop  # the demonstrative closes the description
    L = ctx.L
    last = name.split()[-1]
    if last not in ctx.text[max(0, mention[0] - DESCRIBED_NAME_CHARS):mention[0]]:
        return None  # the person is named just before: the description is said of them
    if j - i < DESCRIPTION_WORDS or ctx.word(j - 1) not in L.demonstratives:
        return None
    if not ctx.match_seq(i, L.roles, j):
        return None  # a role ("Mantan Kepala Divisi …", "politisi Golkar"), not "Warga asli Jakarta ini"
    names = {w.lower() for w in name.split()}
    if any(not ctx.is_word(t) or ctx.word(t) in L.np_stops or ctx.word(t) in L.relative or ctx.word(t) in names
           for t in range(i, j)):
        return None
    return i, j


APPOSITIVE_WORDS = (2, 14)  # words in a noun phrase set off after a name that says who the name is
_SET_OFF = (",", "—", "–")
_SET_OFF_MARK = re.compile(r"[,—–]|--")
_PHRASE_ENDS = frozenset({",", ";", ":", "—", "–", "(", ")", "!", "?", "[", "]", '"', "“", "”"})
AGE_MAX = 120


def name_appositive_claims(ctx: Ctx, sentence: tuple[int, int], units: list[Unit]) -> list[Unit]:
    """ "Stein, a physician from Massachusetts and longtime Green Party activist, has accused …":
    a noun phrase set off after a name says who or what the name is, a claim of its own whether
    the name is the subject, an object or the speaker. Its span runs from the name to the
    phrase's end (with a relative clause on the phrase, one claim without it and one with it;
    with coordinated nouns, one for the first too); it is said by whoever says the part of the
    sentence it lies in. On where the table lists ``appositive_openers`` (English)."""
    L = ctx.L
    if not L.appositive_openers and not L.age_appositives:
        return []
    toks = ctx.idx.between(*sentence)
    out: list[Unit] = []
    # the marks are found by a scan of the text, not a walk over every token of every sentence
    for m in _SET_OFF_MARK.finditer(ctx.text, *sentence):
        k = bisect_left(ctx.idx.starts, m.start())
        t0 = _set_off_end(ctx, k) if toks.start < k < toks.stop - 2 else None
        if t0 is None:
            continue
        name = _appositive_name_start(ctx, k, toks.start)
        if ctx.word(t0) in L.relative:
            out += _set_off_relative(ctx, (name, k, t0, toks.stop), sentence, units)
            continue
        if name is None:
            continue
        for end in _appositive_phrase_ends(ctx, t0, toks.stop):
            out.append(_name_appositive(ctx, (name, k, t0, end), sentence, units))
    return out + role_before_name_claims(ctx, sentence, units)


@dataclass(frozen=True)
class _RoleWords:
    heads: frozenset[str]     # ``prenominal_roles``
    definite: frozenset[str]  # ``definite_prenominal_roles``: one holds it alone ("the Democratic nominee")
    articles: tuple[str, ...]  # ``prenominal_role_articles``: (definite, indefinite)
    infinitive: frozenset[str]  # ``infinitive_markers``: a bare word after one is a verb
    vowels: tuple[str, ...]  # ``vowel_letters``: a role opening with one takes the third article


@cache
def _role_words(lang: str) -> _RoleWords:
    t = clause_table(lang)
    return _RoleWords(frozenset(t.prenominal_roles), frozenset(t.definite_prenominal_roles),
                      tuple(t.prenominal_role_articles), frozenset(t.infinitive_markers),
                      tuple(t.vowel_letters))


ROLE_MODIFIERS = 5  # words at most that describe a role before it ("Republican and billionaire presidential")
ROLE_NAME_WORDS = 4  # capitalised words at most of the name after a role


def role_before_name_claims(ctx: Ctx, sentence: tuple[int, int], units: list[Unit]) -> list[Unit]:
    """ "veteran Democratic strategist Donna Brazile", "likely Democratic nominee Hillary Clinton":
    a role noun (``prenominal_roles``, written in lower case) with words that describe it, right
    before a name, says who the name is, a claim of its own ("Donna Brazile is a veteran Democratic
    strategist."), said by whoever says the part of the sentence it lies in. Not a bare role
    ("businessman Matt Bevin": a title, no description)."""
    words = _role_words(ctx.L.code)
    if not words.heads:
        return []
    toks = ctx.idx.between(*sentence)
    out: list[Unit] = []
    if words.heads.isdisjoint(ctx.idx.lower[toks.start + 1:toks.stop - 1]):
        return out  # most sentences: no role noun, looked for at once
    for h in range(toks.start + 1, toks.stop - 1):
        if ctx.word(h) not in words.heads or ctx.is_cap(h) or not ctx.is_cap(h + 1):
            continue
        first = _role_modifiers_start(ctx, toks.start, h)
        end = _role_name_end(ctx, h + 1, toks.stop)
        if first < h and end > h + 1 and ctx.word(h + 1) not in _stance_words(ctx.L.code)[2]:
            out.append(_role_claim(ctx, (first, h, end), sentence, units))  # not "Any candidate I …"
    return out


def _role_modifiers_start(ctx: Ctx, lo: int, h: int) -> int:
    """Where the words that describe the role at h start: back over words that are no verb (a
    hyphened one may be: "well-organized rival"), stop, auxiliary, coordinator or determiner; not
    a bare word after "to" or an auxiliary ("to defeat Republican nominee …", "will make …")."""
    t = h
    while t - 1 >= lo and h - t < ROLE_MODIFIERS and ctx.is_word(t - 1) and _describes_role(ctx, t - 1):
        t -= 1
    before = ctx.word(t - 1) if t - 1 >= lo else ""
    if t < h and (before in _role_words(ctx.L.code).infinitive or before in ctx.L.auxiliaries) \
            and not ctx.is_cap(t) and "-" not in ctx.word(t) and not _is_adverb(ctx, t):
        t += 1
    return t


def _describes_role(ctx: Ctx, t: int) -> bool:
    """May the word at t describe a role after it ("likely Democratic nominee": an adverb may; not
    a preposition, subordinator or participle: "lead over rival …", "beating rival …")?"""
    L, w, words = ctx.L, ctx.word(t), _object_relative_words(ctx.L.code)
    if w in words.determiners or w in words.stops or w in L.np_stops or w in L.subordinators \
            or w in L.relative or w in L.coordinators:
        return False
    if "-" in w:
        return True  # "well-organized rival", "newly-announced running mate"
    suffix = L.participle_suffix
    return (w not in L.auxiliaries or _is_adverb(ctx, t)) and not ctx.is_verb(t) \
        and not (suffix and w.endswith(suffix) and not ctx.is_cap(t))


def _role_name_end(ctx: Ctx, t: int, stop: int) -> int:
    """Where the name after a role ends: its capitalised words (and an abbreviated title's full
    stop), before a possessive ("front-runner Donald Trump's campaign": the claim is on Donald Trump)."""
    end, ending = t, clause_table(ctx.L.code).possessive_ending
    while end < stop and end - t < ROLE_NAME_WORDS and (
            (ctx.is_word(end) and ctx.is_cap(end)) or (end > t and _abbreviation_stop(ctx, end) and end + 1 < stop
                                                       and ctx.is_cap(end + 1))):
        end += 1  # "presidential candidate Sen. Ted Cruz": a title's full stop is inside the name
        if ending and ctx.word(end - 1).replace("’", "'").endswith(ending):
            break
    return end


def _role_article(ctx: Ctx, role: str, h: int) -> list[str]:
    """The article before a role in a claim's text: none after a possessive ("Clinton's running
    mate"), the definite one for a role one holds alone, else the indefinite one (its form before
    a vowel when the table gives one: "an Ikea tycoon")."""
    words = _role_words(ctx.L.code)
    if clause_table(ctx.L.code).possessive_ending in role.replace("’", "'"):
        return []
    if ctx.word(h) in words.definite:
        return [words.articles[0]]
    vowel = len(words.articles) > 2 and role[:1].lower().startswith(words.vowels)
    return [words.articles[2] if vowel else words.articles[1]]


def _role_claim(ctx: Ctx, bounds: tuple[int, int, int], sentence: tuple[int, int], units: list[Unit]) -> Unit:
    first, h, end = bounds
    role = ctx.phrase(first, h + 1)
    if first == ctx.idx.between(*sentence).start and _written_lower(ctx, ctx.word(first)):
        role = role[0].lower() + role[1:]  # "Veteran strategist X said", not "Republican candidate X said"
    name, ending = ctx.phrase(h + 1, end), clause_table(ctx.L.code).possessive_ending
    if ending and name.replace("’", "'").endswith(ending):
        name = name[:-len(ending)]
    text = standalone([name, ctx.L.copula, *_role_article(ctx, role, h), role])
    s, e = ctx.span(first, end)
    cover = min((u for u in units if u.start <= s and e <= u.end), key=lambda u: u.end - u.start, default=None)
    if cover is None:
        return Unit(s, e, text, sentence, PUBLISHER, [], role="role-before-name")
    return Unit(s, e, text, sentence, cover.speaker, list(cover.spans), role="role-before-name", cue=cover.cue,
                rules=tuple(r for r in cover.rules if not r.startswith("decompose.")))


RELATIVE_SUBJECT_WORDS = 8  # words at most in a description that opens a sentence before ", who …"


def _set_off_relative(ctx: Ctx, bounds: tuple[int | None, int, int, int], sentence: tuple[int, int],
                      units: list[Unit]) -> list[Unit]:
    """ "Standing alongside … Dolores Huerta, who co-founded the United Farm Workers, and …",
    "The influential delegate and conservative activist, who backs Cruz, warned of …": a relative
    clause set off after a name (or a description that opens the sentence) says a fact of its own,
    a claim (the outlet's) from the name to the clause's end, where no other claim has it (a
    speaker's phrase, a phrase fronted before the clause); where the table sets
    ``speaker_relatives``."""
    name, comma, t0, stop = bounds
    if not clause_table(ctx.L.code).speaker_relatives:
        return []
    first = ctx.idx.between(*sentence).start
    start = name if name is not None else _opening_description(ctx, first, comma)
    end = next((t for t in range(t0 + 1, stop) if _ends_phrase(ctx, t, stop)), stop)
    if start is None or end >= stop or ctx.word(end) != "," \
            or (start > first and ctx.word(start - 1) in ctx.L.np_stops):
        return []  # closed by a quote, or said of a noun before a preposition ("a person close to Trump, who …")
    if ctx.words_between(t0 + 1, end) < ctx.L.min_claim_tokens - 1 or not _opens_predicate(ctx, t0 + 1, end):
        return []
    s, e = ctx.span(start, end)
    if any(u.start <= ctx.idx.spans[t0][0] < u.end for u in units):
        return []  # said inside a claim: the decomposer has the clause
    words = [relative_antecedent(ctx, t0, ctx.phrase(start, comma)), ctx.phrase(t0 + 1, end)]
    # a non-restrictive clause as the decomposer's (typed and negated as one), found by this rule
    return [Unit(s, e, standalone(words), sentence, PUBLISHER, [], role="nonrestrictive",
                 rules=("decompose.set-off-relative",))]


def _opens_predicate(ctx: Ctx, k: int, end: int) -> bool:
    """Does a predicate open at token k, right after a relative pronoun: a verb, or a lower-case word
    that is no article or preposition (the verb lexicon is short: "who backs Cruz")?"""
    v = _skip_modifiers(ctx, k, end)
    L = ctx.L
    return v < end and (ctx.is_verb(v) or (ctx.is_word(v) and not ctx.is_cap(v) and ctx.word(v) not in L.np_articles
                                          and ctx.word(v) not in L.np_stops and not ctx.word(v)[:1].isdigit()))


def _opening_description(ctx: Ctx, first: int, comma: int) -> int | None:
    """The start of a short verbless noun phrase that opens the sentence with a determiner and ends
    at ``comma`` ("The influential delegate and conservative activist, who …"), else None."""
    a = next((t for t in range(first, comma) if ctx.is_word(t)), comma)
    if a == comma or ctx.word(a) not in ctx.L.appositive_openers \
            or ctx.words_between(a, comma) > RELATIVE_SUBJECT_WORDS:
        return None
    return None if any(not ctx.is_word(t) or ctx.is_verb(t) for t in range(a, comma)) else a


def _set_off_end(ctx: Ctx, k: int) -> int | None:
    """The token after a comma or dash at k ("--" is two tokens), None if k sets nothing off."""
    w = ctx.word(k)
    if w in _SET_OFF:
        return k + 1
    return k + 2 if w == "-" and ctx.word(k + 1) == "-" else None


def _appositive_name_start(ctx: Ctx, k: int, first: int) -> int | None:
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


def _appositive_phrase_ends(ctx: Ctx, t0: int, stop: int) -> list[int]:
    """Where the appositive opening at t0 ends: before a relative clause on it and after it, and
    after its first coordinated noun; [] when t0 opens no appositive."""
    L = ctx.L
    if ctx.word(t0) not in L.appositive_openers:
        return _age_end(ctx, t0, stop)
    end = next((t for t in range(t0, stop) if _ends_phrase(ctx, t, stop) or ctx.word(t) in L.relative), stop)
    first = first_predicate_end(ctx, t0, end)  # "an update provided by X and paid for by Y"
    if first is not None and _appositive_phrase(ctx, t0, first):
        return [first, end]
    if not _appositive_phrase(ctx, t0, end):
        return []
    ends = [_first_item_end(ctx, t0, end), end]
    if end < stop and ctx.word(end) in L.relative:
        r_end = next((t for t in range(end + 1, stop) if _ends_phrase(ctx, t, stop)), stop)
        if ctx.words_between(end + 1, r_end) >= L.min_claim_tokens - 1:
            ends += [first_predicate_end(ctx, end, r_end), r_end]
    return [e for e in dict.fromkeys(ends) if e is not None]


def _appositive_phrase(ctx: Ctx, a: int, b: int) -> bool:
    """Tokens a..b-1 are a describing noun phrase of an appositive's length."""
    lo, hi = APPOSITIVE_WORDS
    return lo <= ctx.words_between(a, b) <= hi and _describes(ctx, a, b)


def _ends_phrase(ctx: Ctx, t: int, stop: int) -> bool:
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


def _first_item_end(ctx: Ctx, a: int, b: int) -> int | None:
    """ "a law professor and political newbie": where the first of coordinated nouns ends."""
    k = next((t for t in range(a + 1, b) if ctx.word(t) in ctx.L.list_coordinators), None)
    return k if k is not None and ctx.words_between(a, k) >= APPOSITIVE_WORDS[0] else None


def _age_end(ctx: Ctx, t0: int, stop: int) -> list[int]:
    """ "Groberg, 33, opened up …": a bare number set off by commas after a name is an age."""
    w = ctx.word(t0)
    if not ctx.L.age_appositives or ctx.word(t0 - 1) != "," or not w.isdigit() or not 0 < int(w) < AGE_MAX \
            or t0 + 1 >= stop:
        return []
    return [t0 + 1] if ctx.word(t0 + 1) == "," else []


def _name_appositive(ctx: Ctx, bounds: tuple[int, int, int, int], sentence: tuple[int, int],
                     units: list[Unit]) -> Unit:
    name, comma, t0, end = bounds
    s, e = ctx.span(name, end)
    cover = min((u for u in units if u.start <= s and e <= u.end), key=lambda u: u.end - u.start, default=None)
    text = standalone([ctx.phrase(name, comma), ctx.L.copula, ctx.phrase(t0, end)])
    if cover is None:
        return Unit(s, e, text, sentence, PUBLISHER, [], role="name-appositive")
    return Unit(s, e, text, sentence, cover.speaker, list(cover.spans), role="name-appositive", cue=cover.cue,
                rules=tuple(r for r in cover.rules if not r.startswith("decompose.")))


def participle_parts(ctx: Ctx, a: int, b: int, like: Unit) -> list[Unit]:
    """ "The release of the emails led her to resign, casting a dark cloud over Clinton": a
    participle clause after a comma states a fact of its own; a claim for the clause before the
    first participle and one for each participle clause (to the next one or a dash), besides the
    whole. Nothing when a piece is too short to claim anything (a list of gerunds: "…, fishing,
    swimming"). On where the table sets ``participle_suffix`` (English)."""
    if not ctx.L.participle_suffix or "," not in ctx.idx.lower[a:b - 1]:
        return []  # a participle clause opens after a comma: most clauses have none
    cuts = [k for k in range(a + 2, b - 1) if _participle_cut(ctx, k) and not _completes_progressive(ctx, a, k)]
    cuts = cuts[:MAX_ITEMS]
    if not cuts or not any(ctx.is_verb(t) for t in range(a, cuts[0] - 1)):
        return []
    pieces = _participle_pieces(ctx, a, b, cuts)
    if any(n_words(ctx, s, e) < ctx.L.min_claim_tokens for s, e in pieces):
        return []
    return [_part(ctx, s, e, [], like, "before-participle" if n == 0 else "participle")
            for n, (s, e) in enumerate(pieces)]


def _participle_cut(ctx: Ctx, k: int) -> bool:
    """Does a participle clause open at token k: after a comma (and a quote it closes: "chanting
    "No Hill," raising …"), the participle or an adverb before it ("…, reportedly winning over …")?"""
    prev = k - 1
    closes_quote = ctx.word(prev - 1) == "," and quote_mark(ctx.text, ctx.idx.spans[prev][0]) in CLOSING
    if ctx.word(prev) != "," and not closes_quote:
        return False
    return _opens_participle(ctx, k) or (_is_adverb(ctx, k) and _opens_participle(ctx, k + 1))


def _completes_progressive(ctx: Ctx, a: int, k: int) -> bool:
    """Is the participle at k the verb of a "be" left before a phrase set off by commas ("she is,
    through her super PAC, taking tens of millions")? One predicate, no participle clause: the piece
    before it would end in a bare auxiliary."""
    be = ctx.L.passive_auxiliaries  # not a "be" right before the comma: "… than Cleveland is, allowing …"
    c = next((t for t in range(k - 3, a, -1) if ctx.word(t) == ","), None)
    return c is not None and ctx.word(c - 1) in be and not any(ctx.is_verb(t) for t in range(c + 1, k - 1))


def _is_adverb(ctx: Ctx, k: int) -> bool:
    endings, nouns = _adverb_words(ctx.L.code)
    w = ctx.word(k)
    return ctx.is_word(k) and not ctx.is_cap(k) and w.endswith(endings) and w not in nouns


@cache
def _adverb_words(lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The endings of adverbs and the nouns with those endings (the table's speaker adverbs)."""
    t = clause_table(lang)
    return tuple(t.speaker_adverb_endings), frozenset(w.lower() for w in t.speaker_non_adverbs)


def _participle_pieces(ctx: Ctx, a: int, b: int, cuts: list[int]) -> list[tuple[int, int]]:
    """The clause before the first participle at ``cuts`` and each participle clause, trimmed."""
    pieces = [trim_tokens(ctx, a, cuts[0] - 1 if ctx.word(cuts[0] - 1) == "," else cuts[0])]
    for n, k in enumerate(cuts):
        end = cuts[n + 1] - 1 if n + 1 < len(cuts) else b
        pieces.append(trim_tokens(ctx, k, next((t for t in range(k, end) if _is_dash(ctx, t)), end)))
    return pieces


def _opens_participle(ctx: Ctx, k: int) -> bool:
    L, w = ctx.L, ctx.word(k)
    suffix = L.participle_suffix or ""
    return (ctx.is_word(k) and not ctx.is_cap(k) and w.endswith(suffix) and len(w) - len(suffix) >= L.verb_min_stem
            and w not in L.non_participles and w not in L.participle_cues
            and ctx.word(k + 1) not in L.coordinators and ctx.word(k + 1) not in L.list_coordinators
            and (ctx.is_word(k + 1) or quote_mark(ctx.text, ctx.idx.spans[k + 1][0]) in OPENING))


def _is_dash(ctx: Ctx, t: int) -> bool:
    w = ctx.word(t)
    return w in ("—", "–") or (w == "-" and ctx.word(t + 1) == "-")


def _predicate_before(ctx: Ctx, a: int, k: int) -> bool:
    """A verb or an existential before token k: the head and its clause are in the predicate, not
    the subject ("The fact that it is not understood is no excuse": the clause ends before "is")."""
    return any(ctx.is_verb(t) or ctx.match_seq(t, ctx.L.existentials, k) for t in range(a, k))


NEGATION_REACH = 3  # words at most between a negation and the head it denies ("no clear sign that")


def _negated_head(ctx: Ctx, a: int, head: int) -> bool:
    """Is the complement's head denied ("showed no sign that he was planning to apologize", "it is
    not clear that …")? Then the clause is not asserted, and a claim of it would say the opposite."""
    return any(ctx.L.negated.pattern.fullmatch(ctx.word(t)) for t in range(max(a, head - NEGATION_REACH), head))


def complement_parts(ctx: Ctx, a: int, b: int, like: Unit) -> list[Unit]:
    """ "Pundits are shocked that Donald Trump is leading in the polls": the clause that an
    adjective or noun of attitude or knowledge (``complement_heads``) takes after a complementiser
    states a fact of its own; a claim from its subject to the clause's end, besides the whole."""
    L = ctx.L
    if not L.complement_heads or L.complementisers.isdisjoint(ctx.idx.lower[a + 1:b - 1]):
        return []  # most clauses: no complementiser, looked for at once
    out = []
    for k in range(a + 1, b - 1):
        if ctx.word(k) in L.complementisers and ctx.word(k - 1) in L.complement_heads \
                and _predicate_before(ctx, a, k) and _clause_subject_len(ctx, k + 1, b) \
                and not _negated_head(ctx, a, k - 1):
            s, e = trim_tokens(ctx, k + 1, b)
            if n_words(ctx, s, e) >= L.min_claim_tokens:
                out.append(_part(ctx, s, e, [], like, "complement"))
    return out[:MAX_ITEMS]


OBJECT_NP_REACH = 8  # tokens at most in the noun phrase a restrictive relative clause describes
OBJECT_CLAUSE_SHARE = 2 / 3  # a noun phrase and its clause that fill more of the clause say what it says


def object_relative_parts(ctx: Ctx, a: int, b: int, like: Unit) -> list[Unit]:
    """ "The two camps agreed on creating a commission to examine changes to party rules that could
    reduce the role of superdelegates": a restrictive relative clause on a noun after the clause's
    verb states a fact about that noun of its own (the guideline's relative clause that adds a
    fact); a claim from the noun phrase's start to the clause's end, and one to the end of its
    first predicate when it coordinates two. Not one that fills most of the clause (the clause's
    claim says it). Where the table lists ``object_relatives``."""
    words = _object_relative_words(ctx.L.code)
    if not words.openers or words.openers.isdisjoint(ctx.idx.lower[a + 2:b - 1]):
        return []
    out = []
    for k in range(a + 2, b - 1):
        if ctx.word(k) not in words.openers or not _opens_object_relative(ctx, a, k, b):
            continue
        start, end = _object_np_start(ctx, a, k), _object_relative_end(ctx, k, b)
        if start >= k or _set_off_noun_phrase(ctx, start, words) or _bare_name(ctx, start, k, words) \
                or ctx.words_between(k + 1, end) < 2 or _fills_clause(ctx, (start, end), (a, b)):
            continue
        out.append(_part(ctx, start, end, [], like, "object-relative"))
        first = first_predicate_end(ctx, k, end)
        if first is not None:
            out.append(_part(ctx, start, first, [], like, "object-relative"))
    return out


@dataclass(frozen=True)
class _ObjectRelativeWords:
    openers: frozenset[str]      # ``object_relatives``
    joins: frozenset[str]        # ``noun_phrase_joins``
    stops: frozenset[str]        # ``noun_phrase_stops``
    determiners: frozenset[str]  # open a noun phrase: articles, possessives, demonstratives
    person_relatives: frozenset[str]  # ``person_relatives``
    person_reach: frozenset[str]  # ``person_relative_reach``


@cache
def _object_relative_words(lang: str) -> _ObjectRelativeWords:
    table = clause_table(lang)
    return _ObjectRelativeWords(frozenset(table.object_relatives), frozenset(table.noun_phrase_joins),
                                frozenset(table.noun_phrase_stops),
                                frozenset(table.np_articles) | frozenset(table.possessive_determiners)
                                | frozenset(table.demonstratives), frozenset(table.person_relatives),
                                frozenset(table.person_relative_reach))


def _set_off_noun_phrase(ctx: Ctx, start: int, words: _ObjectRelativeWords) -> bool:
    """Is the noun phrase at ``start`` set off by a comma ("Paul Manafort, a seasoned operative
    who …")? An appositive, whose own rules claim it; not an adjective after a comma ("a
    notorious, serial liar who …")."""
    return ctx.word(start - 1) == "," and ctx.word(start) in words.determiners


def _bare_name(ctx: Ctx, start: int, k: int, words: _ObjectRelativeWords) -> bool:
    """Is the noun phrase before the relative at k a demonstrative one ("those voters who …": it
    says which) or a bare name ("… counties like Macomb and Oakland that are seen …": a name needs
    no restrictive clause, which describes a noun before it)?"""
    if ctx.word(start) in ctx.L.demonstratives:
        return True
    return all(ctx.is_cap(t) for t in range(start, k) if ctx.is_word(t)) and ctx.word(start) not in words.determiners


def _fills_clause(ctx: Ctx, part: tuple[int, int], clause: tuple[int, int]) -> bool:
    s, e = ctx.span(*part)
    cs, ce = ctx.span(*clause)
    return e - s > OBJECT_CLAUSE_SHARE * (ce - cs)


def _opens_object_relative(ctx: Ctx, a: int, k: int, b: int) -> bool:
    """Does the word at k open a restrictive relative clause on a noun after a verb of the clause
    a..b-1: a noun right before it (``_relative_noun_before``), no copula's complement ("Donald is
    a man who speaks" is one claim), and for a complementiser ("that") a verb right after it
    ("rules that could reduce …", not "a sign that he is bracing …")?"""
    L = ctx.L
    if ctx.is_cap(k) or not _relative_noun_before(ctx, k):
        return False  # "Who's Who in the CIA": a title
    verb = max((t for t in range(a, k - 1) if ctx.is_verb(t)), default=None)
    if verb is None or ctx.word(verb) in L.copulas | L.passive_auxiliaries:
        return False
    v = _skip_modifiers(ctx, k + 1, b)
    while v < b and _is_adverb(ctx, v):
        v += 1
    if ctx.word(k) not in L.complementisers:
        # "campaigns which candidates have …", "Trump, who he blasted as …": a subject first, the
        # noun is the clause's object (or the word asks which): no fact said of it
        return v > k + 1 or not (v + 1 < b and ctx.is_verb(v + 1) and not ctx.is_verb(v))
    return v < b and (ctx.is_verb(v) or v > k + 1)


def _relative_noun_before(ctx: Ctx, k: int) -> bool:
    """Is the word before k a noun a relative clause can describe: no comma, verb, number, stop,
    auxiliary or connective, no noun that needs its clause ("anyone who"), of attitude ("a sign
    that") or of time ("emails leaked last week that …" describes the emails)?"""
    L, before = ctx.L, ctx.word(k - 1)
    if not ctx.is_word(k - 1) or ctx.is_verb(k - 1) or before[:1].isdigit():
        return False
    return not any(before in words for words in (L.np_stops, L.relative_heads, L.complement_heads, L.auxiliaries,
                                                 L.time_words, L.clause_coordinators))


def _object_np_start(ctx: Ctx, a: int, k: int) -> int:
    """Where the noun phrase before the relative at k starts: back over words that are no verb,
    adverb or stop (a participle right after a determiner is an adjective: "a seasoned operative";
    ``noun_phrase_joins`` join nouns: "the 30 percent of voters"), at most ``OBJECT_NP_REACH``
    tokens, then at its first determiner if it has one ("support of a candidate who …": "a")."""
    words = _object_relative_words(ctx.L.code)
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
        or w in L.auxiliaries or _is_adverb(ctx, t) or (ctx.is_verb(t) and ctx.word(t - 1) not in words.determiners)


def _object_relative_end(ctx: Ctx, k: int, b: int) -> int:
    """Where the relative clause at k ends: at the first comma, semicolon, dash or bracket after
    its first word, else at the end of the clause."""
    for t in range(k + 2, b):
        if not ctx.is_word(t) and not _abbreviation_stop(ctx, t) \
                and ctx.text[ctx.idx.spans[t][0]] not in _QUOTE_CHARACTERS:
            return t
    return b


APPOSITIVE_HEAD_WORDS = 6  # words at most between an appositive's article and what opens its clause


def _final_appositive_cut(d: _Decomposition, a: int, b: int) -> int:
    """ "Wasserman Schultz stepped down as DNC chair on July 24, the day before the big gathering
    … was set to commence": a noun phrase set off by a comma or dash at the end of the clause
    says what the noun before it is, a claim of its own; the clause's claim ends before it (the
    guideline's smallest span). Its claim is written here, unless a name comes before it (the
    name's appositive rule writes "Paul Manafort, a seasoned operative …"). Where the table sets
    ``final_appositives``; returns where the clause's claim ends."""
    ctx = d.ctx
    if not clause_table(ctx.L.code).final_appositives:
        return b
    cut = _final_appositive(ctx, a, b)
    if cut is None:
        return b
    k, opener = cut
    if not ctx.is_cap(k - 1) and n_words(ctx, opener, b) >= ctx.L.min_claim_tokens:
        # the claim says what the noun is: "July 24 is the day before …"
        noun = _object_np_start(ctx, a, k)
        if not (ctx.word(noun) in _object_relative_words(ctx.L.code).determiners or ctx.is_cap(noun)
                or ctx.word(noun)[:1].isdigit()):
            noun = k  # "… qualify, a move that survived court challenges": it says what the clause is
        s, e = ctx.span(noun if noun < k else opener, b)
        # a name or date is what its appositive says ("July 24 is the day before …"); after a common
        # noun the phrase may sum up the clause ("… inside the hall — a message that …"): verbatim
        named = noun < k and (ctx.is_cap(noun) or ctx.word(noun)[:1].isdigit())
        words = [ctx.phrase(noun, k), ctx.L.copula, ctx.phrase(opener, b)] if named else [ctx.text[s:e]]
        d.units.append(Unit(s, e, standalone(words), d.sentence, d.speaker, list(d.spans),
                            role="final-appositive", cue=d.cue))
    return k


def _final_appositive(ctx: Ctx, a: int, b: int) -> tuple[int, int] | None:
    """(comma or dash, article) of the last noun phrase set off after the clause's predicate that
    runs to the clause's end; None when the phrase is a clause (", the newspaper reported")."""
    L = ctx.L
    if _first_verb(ctx, a, b) is None:
        return None
    for k in range(b - 3, a + 2, -1):
        mark = ctx.word(k) == "," or ctx.word(k) in ("—", "–")
        if not mark or ctx.word(k + 1) not in L.appositive_openers or not ctx.is_word(k - 1):
            continue
        if _first_verb(ctx, a, k) is None or _quote_open_between(ctx, k, b) or _degree_phrase(ctx, k + 1) \
                or _completes_copula(ctx, a, k):
            return None
        return (k, k + 1) if _noun_phrase_head(ctx, k + 2, b) else None
    return None


def _completes_copula(ctx: Ctx, a: int, k: int) -> bool:
    """Does the comma or dash at k close a phrase set off after a bare "be" ("Voters will wonder if
    she is, in the end, the right candidate")? The noun phrase after it is the copula's complement,
    no appositive, and the clause's claim does not end before it."""
    c = next((t for t in range(k - 1, a, -1) if ctx.word(t) == ","), None)
    return c is not None and ctx.word(c - 1) in ctx.L.passive_auxiliaries \
        and not any(ctx.is_verb(t) for t in range(c + 1, k))


def _degree_phrase(ctx: Ctx, t: int) -> bool:
    """Does an article at t open a degree ("…, a little safer", "a bit cheaper": ``degree_words``),
    an adjective's modifier, not a noun phrase ("a lot of voters" is one)?"""
    degree = _degree_words(ctx.L.code)
    return ctx.word(t + 1) in degree and ctx.word(t + 2) not in ctx.L.np_stops \
        and ctx.word(t + 2) not in _object_relative_words(ctx.L.code).joins


@cache
def _degree_words(lang: str) -> frozenset[str]:
    return frozenset(clause_table(lang).degree_words)


def _noun_phrase_head(ctx: Ctx, t: int, b: int) -> bool:
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


def _quote_open_between(ctx: Ctx, k: int, b: int) -> bool:
    return any(ctx.text[ctx.idx.spans[t][0]] in _QUOTE_CHARACTERS for t in range(k, b))


STANCE_LEAD = 5  # tokens at most of a phrase set off before a first-person stance ("In the meantime, …")
STANCE_SUBJECT = 3  # tokens at most of its subject ("You and I")


@cache
def _stance_words(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(``first_person_stances``, first-person words, pronouns that may join them in a subject)."""
    table = clause_table(lang)
    first = frozenset(p.lower() for p in table.first_person if " " not in p)
    return frozenset(table.first_person_stances), first, frozenset(table.appositive_breakers) | first


def _stance_complement(ctx: Ctx, i: int, j: int) -> tuple[int, str] | None:
    """ "In the meantime, I am glad Republicans are frustrated", "You and I can be confident that Ted
    Cruz will make superb judicial nominations": a first-person subject that asserts its own stance
    (``first_person_stances``, not negated) on a clause; the claim is the clause, where it starts.
    A denied stance ("I do not believe that she should go to jail") stays whole. Returns the
    clause's first token and the stance's words ("I think")."""
    stances, first, pronouns = _stance_words(ctx.L.code)
    if not stances or stances.isdisjoint(ctx.idx.lower[i:min(j, i + STANCE_LEAD + 8)]):
        return None
    lead = next((t + 1 for t in range(i, min(j, i + STANCE_LEAD)) if ctx.word(t) == ","), i)
    v = _stance_word(ctx, lead, j)
    if v is None or ctx.word(v) not in stances or first.isdisjoint(ctx.idx.lower[lead:v]):
        return None
    c, held = v + 1, ctx.phrase(lead, v + 1)
    if ctx.word(c) in ctx.L.complementisers:
        if _demonstrative_subject(ctx, c, j, pronouns):
            return (c, held) if n_words(ctx, c, j) >= ctx.L.min_claim_tokens else None
        c += 1  # "I believe that the party is …"
    return (c, held) if _clause_subject_len(ctx, c, j) and n_words(ctx, c, j) >= ctx.L.min_claim_tokens else None


def _stance_word(ctx: Ctx, lead: int, j: int) -> int | None:
    """The word after a pronoun subject ("You and I") and its auxiliaries at ``lead``; None when
    there is no such subject or a negation comes between ("I do not believe")."""
    pronouns, L = _stance_words(ctx.L.code)[2], ctx.L
    s = lead
    while s < j and s - lead < STANCE_SUBJECT and (ctx.word(s) in pronouns or ctx.word(s) in L.coordinators):
        s += 1
    v = s
    while v < j and (ctx.word(v) in L.auxiliaries or ctx.word(v) in L.passive_auxiliaries):
        if L.negated.pattern.fullmatch(ctx.word(v)):
            return None
        v += 1
    return v if s > lead and v < j else None


def _demonstrative_subject(ctx: Ctx, c: int, j: int, pronouns: frozenset[str]) -> bool:
    """Is "that" at c the clause's subject or its determiner ("I think that definitely had some
    impact", "I believe that person is Sen. Ted Cruz"), not a complementiser ("that he is …")?"""
    t = c + 1
    if t < j and ctx.is_word(t) and not ctx.is_verb(t) and not _is_adverb(ctx, t) \
            and ctx.word(t) not in ctx.L.auxiliaries and ctx.word(t) not in pronouns:
        t += 1  # "that person"
    while t < j and _is_adverb(ctx, t):
        t += 1
    return t < j and t > c + 1 and (ctx.is_verb(t) or ctx.word(t) in ctx.L.auxiliaries)
