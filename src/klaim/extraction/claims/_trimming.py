"""The edges of a claim: leading connectives and paragraph openers, trailing sources, dangling
relatives and connectives, and the time of speaking that belongs to the attribution."""

from __future__ import annotations

import re
from bisect import bisect_left

from klaim.extraction.claims._claim_unit import next_comma
from klaim.extraction.claims._context import CLOSING, DATELINE, OPENING, Ctx
from klaim.extraction.claims._subjects import clause_subject_len, first_verb_at, skip_modifiers
from klaim.extraction.text import DOUBLE_APOSTROPHE, mark_before, quote_mark


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
    cut = min(_trailing_connective(ctx, i, j), _dangling_relative(ctx, i, j), _trailing_source(ctx, i, j),
              _dangling_subordinator(ctx, i, j))
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


CORRELATIVE_SPAN = 3  # tokens before a final "as" that may hold its pair ("as many as", "as much as")


def _dangling_subordinator(ctx: Ctx, i: int, j: int) -> int:
    """Where a claim ends before a subordinator (``dangling_subordinators``) left at its end while
    the sentence goes on with a word ("… is backing Clinton because | he worries Sanders would …",
    "… began circulating after | it announced a breach"): a cue inside the subordinate clause gave
    it to its speaker, and its opener, with a modifier of it ("in part", "even"), is no part of
    this claim. Not at a sentence's end ("visited before."), before a coordinator ("before and
    after") or a quotation mark, nor the second word of a pair ("as many as 30 percent")."""
    L = ctx.L
    k = j - 1
    if k - L.min_claim_tokens < i or ctx.word(k) not in L.dangling_subordinators or j >= len(ctx.idx.lower):
        return j
    if not ctx.is_word(j) or ctx.word(j) in L.coordinators:
        return j
    if any(ctx.word(m) == ctx.word(k) for m in range(max(i, k - CORRELATIVE_SPAN), k)):
        return j
    for n in (2, 1):
        if k - n > i and ctx.match_seq(k - n, L.subordinator_modifiers, k) == n:
            return k - n
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
    if residual and opens_subordinate(ctx, i, j):
        i += 1
    c = ctx.match_seq(i, L.citations, j) if not verbatim and i < j and ctx.word(i) in L.citations.by_first else 0
    if c:
        # "seperti dikutip Reuters, …": a citation of the medium, not part of the claim
        comma = next_comma(ctx, i + c, min(j, i + c + 8))
        if comma is not None:
            i = comma + 1
    return i



def opens_subordinate(ctx: Ctx, k: int, j: int) -> bool:
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
    return n if clause_subject_len(ctx, i + n, j) else 0


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


def apposition_commas(ctx: Ctx, i: int, j: int) -> tuple[int, int, int] | None:
    """ "Dua anggota terbaru NATO, Finlandia dan Swedia, bergabung …": (comma1, comma2, verb)."""
    L = ctx.L
    if ctx.word(i) in L.subordinators or ctx.word(i) in L.np_stops:
        return None
    c1 = next_comma(ctx, i, min(j, i + 8))
    if c1 is None or c1 == i or first_verb_at(ctx, i, c1) is not None:
        return None
    c2 = next_comma(ctx, c1 + 1, min(j, c1 + 8))
    if c2 is None or c2 == c1 + 1:
        return None
    if not _appositive_names(ctx, c1, c2):
        return None
    v = skip_modifiers(ctx, c2 + 1, j)
    return (c1, c2, v) if v < j and ctx.is_verb(v) else None


def _appositive_names(ctx: Ctx, c1: int, c2: int) -> bool:
    """Capitalised names (joined by coordinators) between the commas, and not a region."""
    names = [k for k in range(c1 + 1, c2) if ctx.word(k) not in ctx.L.coordinators]
    return bool(names) and all(ctx.is_cap(k) for k in names) and not _place_and_region(ctx, names[0], c2)


def _place_and_region(ctx: Ctx, k: int, c2: int) -> bool:
    """ "Kabupaten Indramayu, Jawa Barat, …": a place and its region, not an apposition."""
    n, hit = ctx.gazetteer_at(k, c2)
    return hit is not None and hit[0] == "location" and n == c2 - k


def antecedent_only(ctx: Ctx, a: int, ant_start: int, k: int) -> bool:
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
