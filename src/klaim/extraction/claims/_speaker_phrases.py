"""Where the phrase in a speaker's slot starts and ends, on either side of a cue."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._names import initial_dot
from klaim.extraction.claims._table import claims_table
from klaim.extraction.text import (
    opens_quote,
)

FINAL_MARKS = frozenset(".,;:!?…")


INTRODUCED_KEPT = 32  # unnamed sources introduced most recently that a description may repeat


@cache
def calls_by_name_prefix(lang: str) -> bool:
    """Does the language call people by the start of their name (its claims table says)? Read
    once per language, not once per article."""
    return claims_table(lang).short_name_prefixes


def role_starts(ctx: Ctx) -> list[int]:
    """The capitalised tokens that a role may open (its first word): ``Registry._learn`` tries a
    role only there. One pass in C over the article's tokens, not a Python step per token: most
    tokens open no role."""
    firsts, is_cap = ctx.L.roles.by_first, ctx.idx.is_cap
    return [k for k, w in enumerate(ctx.idx.lower) if w in firsts and is_cap[k]]


def run_end(ctx: Ctx, j: int, n: int) -> int:
    """End of a title-and-name run: capitalised words, particles and bracketed acronyms
    ("Menteri Energi Sumber Daya Mineral (ESDM) Ignasius Jonan")."""
    L = ctx.L
    while j < n:
        if ctx.is_word(j) and (ctx.is_cap(j) or ctx.word(j) in L.particles):
            j += 1
        elif ctx.word(j) == "(" and j + 2 < n and ctx.word(j + 2) == ")" and ctx.is_cap(j + 1):
            j += 3
        else:
            break
    while j > 0 and ctx.idx.lower[j - 1] in L.coordinators:
        j -= 1
    return j


def np_context(ctx: Ctx, i: int, j: int) -> tuple:
    """All that ``_parse_np`` reads of the article besides per-word evidence: the text from two
    characters before the token before the phrase to the phrase's end (its words, their case and
    spacing, and whether the word before opens a sentence), and whether the two tokens after it
    exist, are words, are capitalised, and which the first is. Two places with the same context
    are tokenised alike, so they parse alike. (A rule that reads further must widen this.)"""
    idx, spans = ctx.idx, ctx.idx.spans
    first = spans[i - 1][0] if i > 0 else spans[i][0]
    lo = max(0, first - 2)
    n = len(spans)
    after = (idx.lower[j], idx.is_word[j], idx.is_cap[j]) if j < n else None
    return ("attribution.np", ctx.text[lo:spans[j - 1][1]], spans[i][0] - lo, first - lo, i > 0, after,
            idx.is_cap[j + 1] if j + 1 < n else None)


PHRASE_WORDS = 10  # a speaker phrase after a cue is at most this long


def dot_inside_name(ctx: Ctx, t: int, limit: int) -> bool:
    """Is token t the dot of an initial or an abbreviation inside a name, a capitalised word
    after it ("said Paul H. Chipok", "according to the U.S. Judicial Conference")?"""
    if ctx.word(t) != "." or t + 1 >= limit or not ctx.is_cap(t + 1) or not ctx.is_word(t + 1):
        return False
    return initial_dot(ctx, t) or (t > 0 and ctx.word(t - 1) in ctx.L.abbreviations
                                    and ctx.idx.spans[t - 1][1] == ctx.idx.spans[t][0])


def anonymity_clause_end(ctx: Ctx, relative: int, limit: int) -> int | None:
    """End of the relative clause at token ``relative`` when it asks for anonymity."""
    tail = ctx.phrase(relative, limit).lower()
    found = next((hit for pattern in ctx.L.anonymous if (hit := pattern.match(tail))), None)
    if found is None:
        return None
    end_char = ctx.idx.spans[relative][0] + found.end()
    end = relative
    while end < limit and ctx.idx.spans[end][1] <= end_char:
        end += 1
    return end


def tail_end(ctx: Ctx, j: int, limit: int) -> int:
    """The attribution clause runs on ("pada konferensi pers, mengutip …") until a subordinator,
    another speech cue, or a bounded length (keeps run-on text linear)."""
    start, stop = j, min(limit, j + 30)
    if j >= stop:
        return j
    stop = _before_tail_breaker(ctx, j, stop)
    ends = _tail_stops(ctx)
    n = bisect_left(ends, j)
    while n < len(ends) and ends[n] < stop and _opens_occasion(ctx, ends[n]):
        n += 1  # "kata Cavusoglu kepada QNA saat tiba di Doha": when he spoke, part of the attribution
    if n == len(ends) or ends[n] >= stop:
        return stop
    j = ends[n]
    if ctx.word(j) in ctx.L.subordinators:
        return j
    # another attribution follows: the tail ends at the comma before that one's content
    j -= 1
    while j > start and ctx.word(j) == ",":
        j -= 1
    while j > start and ctx.word(j) != ",":
        j -= 1
    return j


def _before_tail_breaker(ctx: Ctx, j: int, stop: int) -> int:
    """ "…, according to a CNN tally, but his pathway to victory is narrowing": a comma before a
    contrast (``tail_breakers``) ends the attribution's tail; the clause after it is a claim of its own."""
    breakers = ctx.L.tail_breakers
    if not breakers:
        return stop
    for t in range(j, stop - 1):
        if ctx.word(t) == "(":
            return stop  # "… exit polls (a sizable margin, but one that …)": inside a bracket, no clause
        if ctx.word(t) == "," and ctx.word(t + 1) in breakers:
            return t
    return stop


def _opens_occasion(ctx: Ctx, k: int) -> bool:
    """Does the subordinator at token k, in the tail after a post cue's speaker, open the occasion
    of speaking ("saat ditemui", "usai rapat", "ketika berbincang dengan …")? The guideline counts
    the act of speaking and its circumstances as no claim (table key occasion_subordinators)."""
    return ctx.word(k) in ctx.L.occasion_subordinators


def _tail_stops(ctx: Ctx) -> list[int]:
    """The article's tokens that end an attribution's tail (a subordinator or a speech cue),
    ascending: found once, so that each tail is a bisection, not a walk over its words."""
    hit = ctx.memo.get("attribution.tail-stops")
    if hit is None:
        L = ctx.L
        hit = ctx.memo["attribution.tail-stops"] = [
            k for k, w in enumerate(ctx.idx.lower) if w in L.subordinators or w in L.post_cues or w in L.pre_cues]
    return hit


def _noun_complementiser(ctx: Ctx, k: int, p: int) -> bool:
    """Is the complementiser at p a content noun's after the verb of saying at k ("said the mayor's
    claim that crime fell is not true")? A verb of saying takes no such noun as its object: the
    noun phrase opens the content, and its clause is not what was said."""
    L = ctx.L
    return p - 1 > k and ctx.word(p) in L.complementisers and ctx.word(p - 1) in L.content_nouns \
        and ctx.word(k) in L.post_cues


def content_start_after_cue(ctx: Ctx, k: int, limit: int) -> int:
    """First token of the reported content after a pre-cue (past "kepada wartawan bahwa")."""
    L = ctx.L
    pronoun = False
    for p in range(k + 1, min(limit, k + 9)):
        w = ctx.word(p)
        if _noun_complementiser(ctx, k, p):
            break
        if w in L.complementisers or w == ":" or (p == k + 1 and w in L.wish_complementisers):
            return p + 1
        if opens_quote(ctx.text, ctx.idx.spans[p][0]):
            if pronoun:
                break  # "says he’s “excited where we stand”": the clause that was said opens at its subject
            return p  # mengatakan "Kalau …": the content is the quote
        if ctx.is_verb(p) or w in L.relative:
            break  # a complementiser after a verb belongs to the content's own clause
        # a cue after the pronoun ("said she thinks lawmakers “…”") reports the quote itself
        pronoun = (pronoun or _subject_pronoun(ctx, p)) and w not in L.pre_cues
    return _content_start_past_recipient(ctx, k, limit)


def _subject_pronoun(ctx: Ctx, p: int) -> bool:
    """Is token p a subject pronoun (``subject_pronouns``), alone or with a contracted verb ("he’s",
    "they're")?"""
    w = ctx.word(p)
    cut = min((i for i in (w.find("'"), w.find("’")) if i > 0), default=len(w))
    return w[:cut] in ctx.L.subject_pronouns


def _content_start_past_recipient(ctx: Ctx, k: int, limit: int) -> int:
    """First token after the cue at k past its object or recipient ("told reporters") and a colon."""
    L = ctx.L
    p = k + 1
    if p < limit and ctx.word(k) in L.object_cues:
        p += 2 if p + 1 < limit and ctx.word(p) in L.np_articles else 1  # "told the AP her group …"
    if p < limit and ctx.word(p) in L.recipient_words:
        p += 2
    while p < limit and ctx.word(p) in (",", ":"):
        p += 1
    return p


def cue_is_participle(ctx: Ctx, k: int, lo: int) -> bool:
    """Is the cue word at token k a participle, no one's speech act: passive after a form of "be"
    ("Trump is expected to win", "Sanders was asked to name …") or an adjective after an article
    ("the proposed ban")?"""
    L = ctx.L
    if ctx.word(k) in L.participle_cues:
        return False  # "is predicting that …": a progressive, active (progressive-cue)
    fillers = PhraseFillers.of(L.code)
    t = k - 1
    while t >= lo:
        word = ctx.word(t)
        if word in L.passive_auxiliaries:
            return True
        if word not in L.auxiliaries and not fillers.fills(ctx, t):
            return word in L.np_articles  # "was first reported", "is widely expected": adverbs between
        t -= 1
    return False


BETWEEN_QUOTE_AND_CUE = " ,—-"  # all that may stand between a closing mark and its cue
AFTER_OPEN_QUOTE = BETWEEN_QUOTE_AND_CUE + "\"”'"  # … and between an unclosed quote's words and it


def run_start(text: str, end: int, floor: int, chars: str) -> int:
    """Start of the run of ``chars`` that ends at offset ``end`` (not looked for before ``floor``)."""
    p = end
    while p > floor and text[p - 1] in chars:
        p -= 1
    return p


CLOSING_DESCRIPTION_WORDS = 14  # "kata pria asal Cepu, Kabupaten Blora, Jawa Tengah, itu"
CLAUSE_END_MARKS = frozenset({".", ",", "!", "?", ";"})


ROLE_LIST_ITEMS = 4  # one-word capitalised items at most in a list inside a title ("Pusat Data, Informasi, dan Humas")


@dataclass(frozen=True, slots=True)
class TokenRange:
    """Tokens start..end-1 of the article (a speaker phrase, a subject)."""

    start: int
    end: int


def anaphoric_object(ctx: Ctx, cue: int, content: int, words: list[int]) -> bool:
    """ "Zainudin menyatakan hal tersebut untuk menyikapi …", "Panggah menyampaikan hal itu saat
    kunjungan kerja …": the cue's object points back to what was said before, and the rest tells
    when, where or why it was said. With a comma after the cue ("menyebut, hal ini lantaran …") or
    a predicate after the pointer ("hal itu merupakan …") the words open what was said."""
    L = ctx.L
    if content != cue + 1 or len(words) < 2 or ctx.word(words[0]) not in L.speech_nouns \
            or ctx.word(words[1]) not in L.demonstratives:
        return False
    return len(words) == 2 or ctx.word(words[2]) in L.speech_act_adjuncts


def determined_subject(ctx: Ctx, phrase: TokenRange) -> bool:
    """Is the phrase a noun phrase opened by a demonstrative ("That person said …", "This
    official said …"), not a complementiser or a relative pronoun before the subject?"""
    return phrase.end - phrase.start >= 2 and ctx.word(phrase.start) in ctx.L.demonstratives \
        and ctx.is_cap(phrase.start) and not any(ctx.is_cap(t) for t in range(phrase.start + 1, phrase.end))


def opens_no_subject(ctx: Ctx, t: int) -> bool:
    """Does the phrase before a cue open with a word no subject opens with: a preposition,
    conjunction or subordinator ("in what officials …", "during a debate …", "where Obama …"), or a
    participle cue ("citing", "saying")? Then the phrase is the tail of another clause."""
    L, word = ctx.L, ctx.word(t)
    return word in L.np_stops or word in L.subordinators or word in L.speaker_boundaries \
        or word in L.participle_cues or PhraseFillers.of(L.code).participle(ctx, t)


def opens_clause_after(ctx: Ctx, t: int) -> bool:
    """Does a clause open after token t (a comma, colon, semicolon or subordinator)?"""
    word = ctx.word(t)
    return word in (",", ":", ";") or word in ctx.L.subordinators


def clause_start_before(ctx: Ctx, lo: int, end: int) -> int:
    """First token of the clause that ends before token ``end`` (not before token lo)."""
    start = end
    while start > lo and not opens_clause_after(ctx, start - 1):
        start -= 1
    return start


_TAG_TOKENS = 8  # an affiliation in brackets after a name ("(D-N.Y.)") is at most this many tokens


@cache
def _infinitive_openers(lang: str) -> tuple[tuple[str, ...], ...]:
    t = claims_table(lang)
    return tuple(tuple(w.lower().split()) for w in t.infinitive_openers)


_TIME_PHRASE_WORDS = 3  # words at most of a time phrase of ``speaker_time_phrases`` ("beberapa waktu lalu")


def before_time_phrase(ctx: Ctx, lo: int, cue: int) -> int:
    """Where a time phrase right before the cue at token ``cue`` starts ("Yasonna saat itu
    beralasan", "Israel beberapa waktu lalu menyatakan"): when it was said, no part of who said it,
    and its demonstrative closes no description (table key speaker_time_phrases; helper idfix,
    session 12); else ``cue``."""
    for k in range(max(lo + 1, cue - _TIME_PHRASE_WORDS), cue):
        if ctx.match_seq(k, ctx.L.speaker_time_phrases, cue) == cue - k:
            return k
    return cue


def before_infinitive_opener(ctx: Ctx, lo: int, cue: int) -> int:
    """Where "went on to" opens before the cue at token ``cue`` ("He went on to say that …"): the
    speaker stands before it; else ``cue``."""
    for seq in _infinitive_openers(ctx.L.code):
        n = len(seq)
        if cue - n > lo and tuple(ctx.word(t) for t in range(cue - n, cue)) == seq:
            return cue - n
    return cue


def set_off_insertion(ctx: Ctx, lo: int, start: int, end: int) -> bool:
    """Are tokens start..end-1, set off by commas before a cue, an insertion after the speaker
    rather than the speaker: an affiliation, a short adverbial, or (where the table says so) a
    description or participle phrase after a name?"""
    return _is_affiliation(ctx, start, end) or _adverbial_insertion(ctx, start, end) \
        or _description_after_name(ctx, lo, start) or _named_before_indefinite(ctx, lo, start)


@cache
def _describes_after_names(lang: str) -> bool:
    return claims_table(lang).set_off_descriptions


def _description_after_name(ctx: Ctx, lo: int, start: int) -> bool:
    """ "Rep. Bobby Scott (D-Va.), ranking member of …, said", "Powell's office, when contacted by
    Reuters, said", "Mary Susan, clad in a red cape, said": a phrase opening with a lower-case
    word (no article, pronoun or relative) after a capitalised subject that opens the clause
    (not "On Tuesday, officials said")."""
    L = ctx.L
    if not _describes_after_names(L.code) or start - 2 <= lo or ctx.word(start - 1) != ",":
        return False
    w = ctx.word(start)
    if not ctx.is_word(start) or ctx.is_cap(start) or w in L.np_articles or w in L.relative \
            or w in L.pronoun_speakers or w in L.plural_pronouns:
        return False
    subject = set_off_subject(ctx, lo, start)
    first = ctx.word(subject)
    return subject < start - 1 and ctx.is_cap(subject) and first not in L.np_stops and first not in L.subordinators \
        and first not in L.time_words and not ctx.match_seq(subject, L.leading, start - 1)


@cache
def _indefinite_articles(lang: str) -> frozenset[str]:
    """The table's indefinite articles (``prenominal_role_articles`` after the definite one)."""
    return frozenset(w.lower() for w in claims_table(lang).prenominal_role_articles[1:])


def _named_before_indefinite(ctx: Ctx, lo: int, start: int) -> bool:
    """ "Stein, a physician from Massachusetts and longtime Green Party activist, accused …": an
    indefinite noun phrase set off after a name says who the name is; the name, every word of it
    capitalised, is the subject (not "Asked about it, a spokesman said")."""
    L = ctx.L
    if not _describes_after_names(L.code) or start - 2 <= lo or ctx.word(start - 1) != "," \
            or (ctx.word(start) not in _indefinite_articles(L.code) and not _party_of_place(ctx, start)):
        return False
    subject = set_off_subject(ctx, lo, start)
    if not subject < start - 1 or ctx.match_seq(subject, L.leading, start - 1):
        return False
    if all(ctx.is_word(t) and ctx.is_cap(t) and ctx.word(t) not in L.time_words for t in range(subject, start - 1)):
        return True
    return _titled_name(ctx, subject, start - 1)


def _party_of_place(ctx: Ctx, start: int) -> bool:
    """ "Republican of South Carolina", "Democrat of New York": a capitalised word and a
    preposition before a capitalised place, set off after a name (helper enspk, session 14)."""
    return start + 2 < len(ctx.idx.spans) and ctx.is_cap(start) and ctx.word(start + 1) in ctx.L.np_stops \
        and ctx.is_cap(start + 2)


def _titled_name(ctx: Ctx, subject: int, end: int) -> bool:
    """ "Former House speaker Newt Gingrich", "Rep. Alan Price": a phrase with no verb, opened by a capitalised word
    and closed by two capitalised words (a name after its title) (helper enspk, session 14)."""
    L = ctx.L
    if end - subject < 3 or not ctx.is_cap(subject) or ctx.word(subject) in L.np_stops \
            or ctx.word(subject) in L.time_words or ctx.word(subject) in L.subordinators:
        return False
    return ctx.is_cap(end - 1) and ctx.is_cap(end - 2) and all(
        ctx.word(t) == "." or (ctx.is_word(t) and not ctx.is_verb(t) and ctx.word(t) not in L.np_stops)
        for t in range(subject, end))  # "Rep. Alan Price": the abbreviation's dot


_INSERTION_WORDS = 3  # an adverbial set off by commas before a cue ("for example", "in fact")


def _adverbial_insertion(ctx: Ctx, start: int, end: int) -> bool:
    """Are tokens start..end-1 a short adverbial set off by commas ("however", "for example"),
    no one named or described: lower-case words, no article, no pronoun, no verb?"""
    L = ctx.L
    if not 0 < end - start <= _INSERTION_WORDS or ctx.word(start) in L.np_articles \
            or any(ctx.match_seq(t, L.roles, end) for t in range(start, end)):
        return False  # "…, anggota parlemen, mengatakan": a description of the speaker
    return all(ctx.is_word(t) and not ctx.is_cap(t) and not ctx.is_verb(t) and ctx.word(t) not in L.pronoun_speakers
               and ctx.word(t) not in L.plural_pronouns for t in range(start, end))


def _is_affiliation(ctx: Ctx, start: int, end: int) -> bool:
    """Are tokens start..end-1 a party-and-state tag (the table's affiliation_tags: "R-Texas")?"""
    if not 0 < end - start <= _TAG_TOKENS:
        return False
    text = ctx.text[ctx.idx.spans[start][0]:ctx.idx.spans[end - 1][1]]
    return any(p.fullmatch(text) for p in ctx.L.affiliation_tags)


def before_bracketed_affiliation(ctx: Ctx, start: int, end: int) -> int:
    """End of a speaker phrase before a bracketed affiliation that closes it ("Sen. Bernie
    Sanders (I-Vt.) said"): the tag says who the speaker is, it is not part of the name."""
    if end - start < 4 or ctx.word(end - 1) != ")":
        return end
    opening = next((t for t in range(end - 2, max(start, end - 2 - _TAG_TOKENS), -1) if ctx.word(t) == "("), None)
    if opening is None or opening == start or not _is_affiliation(ctx, opening + 1, end - 1):
        return end
    return opening


_PLACE_WORDS = 3  # words at most of a place after a name ("Gov. Chris Christie of New Jersey")


def place_at_end(ctx: Ctx, start: int, end: int) -> int | None:
    """First token of a place from the gazetteer that ends at token ``end`` right after "of"
    (" … of New Jersey"), if one does."""
    for k in range(end - 1, max(start, end - _PLACE_WORDS) - 1, -1):
        n, hit = ctx.gazetteer_at(k, end)
        if k + n == end and hit is not None and hit[0] == "location" \
                and ctx.word(k - 1) in ctx.L.home_place_prepositions:
            return k
    return None


def set_off_subject(ctx: Ctx, lo: int, cue: int) -> int:
    """First token of the subject set off by commas before the cue: "Kuasa hukum korban …, Aldwin
    Rahardian, menilai …" (the name); "A NATO official, who spoke on condition of anonymity,
    told …" (the phrase before the relative clause)."""
    start = cue - 1
    while start > lo and ctx.word(start - 1) != ",":
        start -= 1
    if ctx.word(start) in ctx.L.relative and start - 1 > lo:
        start = clause_start_before(ctx, lo, start - 1)
    return start


def _declines(ctx: Ctx, t: int) -> bool:
    """Is token t a negation or a refusal ("tidak", "enggan", "declined")?"""
    word = ctx.word(t)
    return bool(ctx.L.negated.pattern.fullmatch(word)) or word in ctx.L.refusals


def end_before_auxiliaries(ctx: Ctx, start: int, end: int) -> int | None:
    """End of the speaker phrase before the auxiliaries and adverbs in front of the cue ("polls
    did predict", "Clinton wrongly said"); None when one of them negates or refuses ("ia enggan
    menyebutkan …": the speaker declined to say it)."""
    fillers = PhraseFillers.of(ctx.L.code)
    while end > start and (ctx.word(end - 1) in ctx.L.auxiliaries or fillers.fills(ctx, end - 1)):
        if _declines(ctx, end - 1):
            return None
        end -= 1
    return end


def end_before_occasion(ctx: Ctx, start: int, end: int) -> int:
    """End of the speaker phrase before the words that open the act of speaking inside it ("Alvin
    Lie kepada kumparan membenarkan", "Direktorat investigasi melalui Twitter menyatakan"): the
    one spoken to or the channel is no part of who spoke (table key speaker_occasion_openers)."""
    openers = ctx.L.speaker_occasion_openers
    return next((t for t in range(start + 1, end) if ctx.word(t) in openers or _opens_channel(ctx, t, end)), end)


def _opens_channel(ctx: Ctx, t: int, end: int) -> bool:
    """Does token t open the channel of the statement ("Kantor Suu Kyi dalam pernyataannya",
    "BPS dalam keterangan tertulis")? A lower-case preposition (table key channel_prepositions;
    "Menteri Dalam Negeri" is a title) before a possessed noun or a document word."""
    L = ctx.L
    if t + 1 >= end or ctx.word(t) not in L.channel_prepositions or ctx.is_cap(t):
        return False
    following = ctx.word(t + 1)
    suffix = L.pronoun_suffix
    return bool(suffix and following.endswith(suffix) and len(following) > len(suffix) + L.verb_min_stem) \
        or ctx.match_seq(t + 1, L.document_words, end) > 0 or following in L.speech_nouns


def end_before_time(ctx: Ctx, start: int, end: int) -> int:
    """End of the speaker phrase before a time phrase in front of the cue ("Feinstein last week
    said", "Trump on Tuesday said"): the time is when it was said, not who said it."""
    L = ctx.L
    if end > start and ctx.word(end - 1) in L.demonstratives:
        return end  # "mantan Direktur Bank Dunia ini": a demonstrative closes a description
    stop = time_run_edge(ctx, _before_bracketed_date(ctx, start, end), start, -1)
    if stop == end:
        return end
    if stop - 1 > start and ctx.word(stop - 1) in L.speaker_boundaries:
        stop -= 1  # "on Tuesday"
    return stop


def _before_bracketed_date(ctx: Ctx, start: int, end: int) -> int:
    """Where a bracketed date after a day closes the phrase ("Kementerian Luar Negeri Suriah pada
    Selasa (4/4) menyatakan"): its opening bracket, for the day before it to be cut as well; else
    ``end``."""
    if end - 4 <= start or ctx.word(end - 1) != ")" or ctx.word(end - 3) != "(" \
            or not ctx.word(end - 2)[:1].isdigit() or ctx.word(end - 4) not in ctx.L.time_words:
        return end
    return end - 3


def end_before_adverb(ctx: Ctx, start: int, end: int) -> int:
    """End of the speaker phrase before a lower-case boundary word in front of the cue ("“…,”
    Reince Priebus later told reporters"): such a word ("later", "earlier") says when it was said,
    not who said it, nor does a time word after it ("later Thursday") (helper enspk, session 14)."""
    L = ctx.L
    return time_run_edge(ctx, end, start, -1, lambda t: ctx.word(t) in L.speaker_boundaries and not ctx.is_cap(t))


def time_run_edge(ctx: Ctx, t: int, limit: int, step: int, boundary: Callable[[int], bool] | None = None) -> int:
    """The edge of a run of time words ("last week", "Tuesday"), and of the words ``boundary``
    accepts, next to token t: forward (step 1) from t, the first token past the run, not past
    ``limit``; backward (step -1) from an end t, the run's first token, never ``limit`` itself
    (the phrase's first token stays). One walk for the day after a cue and the time or adverb
    before one (helper enspk, session 15)."""
    L = ctx.L

    def inside(k: int) -> bool:
        return ctx.is_word(k) and (ctx.word(k) in L.time_words or (boundary is not None and boundary(k)))

    if step > 0:
        while t < limit and inside(t):
            t += 1
    else:
        while t - 1 > limit and inside(t - 1):
            t -= 1
    return t


@dataclass(frozen=True)
class PhraseFillers:
    """Words between a speaker and the cue that are no part of the speaker (the claims table):
    emphatic auxiliaries and adverbs (lower-case words with an adverb ending, listed nouns aside)."""

    auxiliaries: frozenset[str]
    adverb_endings: tuple[str, ...]
    non_adverbs: frozenset[str]
    participle_endings: tuple[str, ...]

    @staticmethod
    @cache
    def of(lang: str) -> PhraseFillers:
        t = claims_table(lang)
        return PhraseFillers(frozenset((*t.emphatic_auxiliaries, *t.speaker_adverbs)),
                              tuple(t.speaker_adverb_endings), frozenset(t.speaker_non_adverbs),
                              tuple(t.speaker_participle_endings))

    def participle(self, ctx: Ctx, t: int) -> bool:
        """Does token t open a participle clause, not a noun phrase: a lower-case word with a
        participle ending, followed by a lower-case word ("putting them at odds with …",
        "sparking nationwide …"; not "leading Democrats")?"""
        word = ctx.word(t)
        if not self.participle_endings or not word.endswith(self.participle_endings) or ctx.is_cap(t):
            return False
        nxt = t + 1
        return nxt >= len(ctx.idx.spans) or not ctx.is_cap(nxt)

    def fills(self, ctx: Ctx, t: int) -> bool:
        word = ctx.word(t)
        if word in self.auxiliaries:
            return True
        return bool(self.adverb_endings) and word.endswith(self.adverb_endings) and not ctx.is_cap(t) \
            and word not in self.non_adverbs and ctx.is_word(t)


def only_time_words(ctx: Ctx, start: int, end: int) -> bool:
    """Are tokens start..end-1 a day or date ("Selasa", "Selasa (12/9)")?"""
    return all(ctx.word(t) in ctx.L.time_words or not ctx.is_word(t) or ctx.word(t)[:1].isdigit()
               for t in range(start, end))


_NEXT_SUBJECT_WORDS = 3  # a subject between a coordinator and the next cue ("and Clinton said")
_COORDINATED_REACH = 80  # tokens of a content searched for a coordinated cue (keeps run-on text linear)


def before_coordinated_cue(ctx: Ctx, start: int, hi: int) -> int:
    """Where the content from token ``start`` ends: before a coordinated predicate or clause with
    a cue of its own ("Graham called both candidates “crazy” and said …", "A woman asked for a
    photo and Clinton said …": what was said next is not what was asked), else at ``hi``."""
    L = ctx.L
    for t in range(start + 1, min(hi - 1, start + _COORDINATED_REACH)):
        if ctx.word(t) in L.predicate_coordinators and (_cue_follows(ctx, t + 1, hi) or _withholds(ctx, t + 1, hi)):
            return t
    return hi


_WITHHELD_REACH = 3  # words at most from the coordinator to the verb of saying ("but would not say")


def _withholds(ctx: Ctx, t: int, hi: int) -> bool:
    """Does a predicate at token t report that the speaker said no more ("said …, but declined to
    give details", "but did not mention the strike", "tetapi enggan merinci")? It is the subject's
    act, which the outlet reports (the guideline), not more of what was said."""
    L = ctx.L
    if t + 1 < hi and ctx.word(t) not in L.refusals and L.negated.pattern.fullmatch(ctx.word(t + 1)):
        t += 1  # "did not", "would not": the auxiliary before the negation
    if t >= hi or ctx.word(t) not in L.refusals:
        return False
    if not L.negated.pattern.fullmatch(ctx.word(t)):
        return True  # "declined", "refused", "enggan", "menolak"
    return any(ctx.word(u) in L.withholding_verbs for u in range(t + 1, min(hi, t + _WITHHELD_REACH)))


def _cue_follows(ctx: Ctx, t: int, hi: int) -> bool:
    """Is there a pre-cue at token t, after a short subject without a verb and auxiliaries?"""
    L = ctx.L
    words = 0
    while t < hi and words <= _NEXT_SUBJECT_WORDS and ctx.is_word(t):
        if ctx.word(t) in L.pre_cues:
            return True
        if ctx.is_verb(t) and ctx.word(t) not in L.auxiliaries:
            return False
        words += 1
        t += 1
    return False


_APPOSITIVE_WORDS = 6  # a name set off by commas after a description is at most this long


def appositive_name(ctx: Ctx, i: int, j: int, hi: int, at_end: bool = False) -> int | None:
    """End of a name set off by commas after a description ("juru bicara KPK, Febri Diansyah,"),
    or None. The description must name a role or start in lower case; the name is capitalised.
    With ``at_end`` the name may also close the sentence ("…,” kata juru bicara KPK, Febri Diansyah.")."""
    if not comma_at(ctx, j, hi) or j <= i or not describes_someone(ctx, i, j):
        return None
    end = _set_off_name_end(ctx, j, hi)
    if at_end and ctx.word(end - 1) == "." and _ends_sentence_at(ctx, end - 1, hi):
        end -= 1  # the full stop, not an initial's dot
    closed = comma_at(ctx, end, hi) or (at_end and _closes_speaker(ctx, end, hi))
    if not closed or end == j + 1 or not ctx.is_cap(end - 1) or _is_affiliation(ctx, j + 1, end):
        return None  # "…, said former Sen. Scott Brown, R-Mass.": a party tag, no name
    length, hit = ctx.gazetteer_at(j + 1, end)
    if hit is not None and length == end - j - 1:
        return None  # a known place or organisation, not a person's name
    return end


def nickname_after(ctx: Ctx, t: int, hi: int) -> TokenRange | None:
    """The name a description goes by, when a relative clause at token t gives it ("perempuan yang
    akrab dengan sapaan Angie tersebut"): the capitalised words after a ``nickname_cues`` phrase."""
    if t >= hi or ctx.word(t) not in ctx.L.relative:
        return None
    opener = ctx.match_seq(t + 1, ctx.L.nickname_cues, hi)
    start = t + 1 + opener
    end = start
    while opener and end < hi and end - start < _APPOSITIVE_WORDS and ctx.is_word(end) and ctx.is_cap(end):
        end += 1
    return TokenRange(start, end) if end > start else None


def _closes_speaker(ctx: Ctx, t: int, hi: int) -> bool:
    """Does the speaker phrase end at token t: the sentence ends, or a word that follows a speaker
    ("di Mapolda", "saat dikonfirmasi") comes next?"""
    return _ends_sentence_at(ctx, t, hi) or ctx.word(t) in ctx.L.speaker_boundaries


def _ends_sentence_at(ctx: Ctx, t: int, hi: int) -> bool:
    """Does the sentence end at token t: its last token, or only final marks from there on?"""
    return all(ctx.word(p) in FINAL_MARKS for p in range(t, hi))


def describes_someone(ctx: Ctx, start: int, end: int) -> bool:
    """Does the phrase name a role, or start in lower case (a description, not a name)?"""
    return any(ctx.match_seq(t, ctx.L.roles, end) for t in range(start, end)) or not ctx.is_cap(start)


def _set_off_name_end(ctx: Ctx, comma: int, hi: int) -> int:
    """End of the titles, capitalised words, particles and initials after the comma at token
    ``comma`` (a short reach)."""
    end = comma + 1
    while end < hi and end - comma <= _APPOSITIVE_WORDS:
        length = _name_piece(ctx, end, comma, hi)
        if not length:
            break
        end += length
    return end


def _name_piece(ctx: Ctx, t: int, comma: int, hi: int) -> int:
    """Length of the title ("Dr.", "Irjen Pol"), name word, particle or initial's dot at token
    t of a name after the comma at token ``comma``; 0 when token t is none of them."""
    title = ctx.match_seq(t, ctx.L.honorifics, hi)
    if title:
        return title
    if ctx.word(t) in ctx.L.time_words:
        return 0  # "…, kata Kapolres, Senin (3/10)": a day, not a name
    name_word = ctx.is_word(t) and (ctx.is_cap(t) or ctx.word(t) in ctx.L.particles)
    return 1 if name_word or (ctx.word(t) == "." and t > comma + 1) else 0


def starts_predicate(ctx: Ctx, j: int, hi: int) -> bool:
    L = ctx.L
    return j < hi and (ctx.is_verb(j) or ctx.word(j) in L.auxiliaries or ctx.word(j) in L.predicate_markers)


def subject_before(ctx: Ctx, clause_start: int, k: int) -> tuple[int, int]:
    lead = clause_start
    while lead < k and (n := ctx.match_seq(lead, ctx.L.leading, k)):
        lead += n
    return lead, k


def end_before_final(ctx: Ctx, start: int, end: int) -> int:
    """Token ``end`` moved back over the final punctuation before it, not before ``start``."""
    while end > start and ctx.word(end - 1) in FINAL_MARKS:
        end -= 1
    return end


SOURCE_WORDS = 10  # a source after "menurut" / "according to" is at most this long before its comma


def comma_at(ctx: Ctx, t: int, hi: int) -> bool:
    return t < hi and ctx.word(t) == ","


def source_after_prefix(ctx: Ctx, cue: int, hi: int, pronoun: bool) -> TokenRange:
    """The source after "menurut" / "according to" (past "to"), up to a comma or the sentence
    end; empty after "menurutnya", whose suffix is the source."""
    start = cue + 1
    if start < hi and ctx.word(start) in ctx.L.recipient_words:
        start += 1
    end = _source_end(ctx, start, start, hi, pronoun)
    cited = next((k for k in range(start + 1, end) if ctx.match_seq(k, ctx.L.citations, end)), None)
    if cited is not None:  # "exit polling reported by CNN and The New York Times": the reporter's name counts
        end = _source_end(ctx, cited, end, hi, pronoun)
    return TokenRange(start, end)


def _source_end(ctx: Ctx, start: int, end: int, hi: int, pronoun: bool) -> int:
    """Token ``end`` moved on to a comma or the sentence end, at most ``SOURCE_WORDS`` tokens from ``start``."""
    while not pronoun and end < hi and (ctx.word(end) not in (",", ".", ";") or dot_inside_name(ctx, end, hi)) \
            and end - start < SOURCE_WORDS:
        end += 1
    return end


def has_predicate(ctx: Ctx, i: int, j: int) -> bool:
    """A modal or copula outside a relative clause: "Menurut Danang, instrumen regulasi sudah cukup,
    …" opens the content, no description of Danang."""
    L = ctx.L
    return not any(ctx.word(t) in L.relative for t in range(i, j)) and any(
        ctx.word(t) in L.predicate_markers for t in range(i, j))


def past_name_tag(ctx: Ctx, start: int, t: int, limit: int) -> int:
    """Token ``t`` (the end of a name opening at ``start``) moved past what may follow the name
    before its appositive's comma: a bracketed affiliation ("Sen. Rob Portman (R-Ohio), another
    incumbent, said") or the place the person comes from ("Senator John Cornyn of Texas, the No. 2
    Republican, said")."""
    word = ctx.word(t) if start < t < limit else ""
    if word == "(":
        close = next((k for k in range(t + 1, min(limit, t + 2 + _TAG_TOKENS)) if ctx.word(k) == ")"), None)
        return close + 1 if close is not None and _is_affiliation(ctx, t + 1, close) else t
    if word in ctx.L.home_place_prepositions:
        comma = next((k for k in range(t + 1, min(limit, t + 2 + _PLACE_WORDS)) if ctx.word(k) == ","), None)
        return comma if comma is not None and place_at_end(ctx, t + 1, comma) == t + 1 else t
    return t


def back_through_role_list(ctx: Ctx, lo: int, start: int, cue: int) -> int:
    """Where a speaker phrase before a cue starts when the comma before it sits inside a list of
    one-word capitalised items in a name or title: "Menteri Koordinator bidang Politik, Hukum, dan
    Keamanan Wiranto mengatakan", "Badan Meteorologi, Klimatologi dan Geofisika (BMKG)
    menyebutkan" (the speaker is not "Keamanan Wiranto" or "Geofisika"). The list must close with
    a list coordinator before the phrase's first word or after it, and open at the end of a
    capitalised phrase of two words or more; else ``start``."""
    first, inner = _last_list_item(ctx, lo, start, cue)
    if first is None:
        return start
    k, items = first - 1, 0
    while items <= ROLE_LIST_ITEMS:
        item = k - 1
        if item <= lo or not ctx.is_word(item) or not ctx.is_cap(item) or ctx.word(item) in ctx.L.time_words:
            return start
        if ctx.word(item - 1) == ",":
            k, items = item - 1, items + 1
            continue
        return _list_head(ctx, lo, item + 1, TokenRange(start, cue)) if items or inner else start
    return start


def _last_list_item(ctx: Ctx, lo: int, start: int, cue: int) -> tuple[int | None, bool]:
    """Where the last item of a list opens (its coordinator before the phrase, or the phrase
    itself when a coordinator joins its first word to the next: "Klimatologi dan Geofisika"),
    right after a comma, and whether the coordinator is inside; None when no list closes there."""
    L = ctx.L
    first = start - 1 if start - 1 > lo and ctx.word(start - 1) in L.list_coordinators else start
    inner = start + 2 < cue and ctx.word(start + 1) in L.list_coordinators and ctx.is_cap(start + 2)
    if (first == start and not inner) or not ctx.is_cap(start) or first - 2 <= lo or ctx.word(first - 1) != ",":
        return None, inner
    return first, inner


def _list_head(ctx: Ctx, lo: int, end: int, phrase: TokenRange) -> int:
    """The start of the capitalised phrase (two words or more, opening no other clause) whose last
    word is a list's first item, ending at token ``end``, if the whole, up to the cue, is no longer
    than a speaker phrase; else the phrase's own start."""
    head = clause_start_before(ctx, lo, end)
    head += ctx.match_seq(head, ctx.L.leading, end)
    if end - head < 2 or not ctx.is_cap(head) or opens_no_subject(ctx, head) \
            or phrase.end - head > ctx.L.speaker_max_tokens:
        return phrase.start
    return head
