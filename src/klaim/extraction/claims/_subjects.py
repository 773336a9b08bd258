"""Where a clause's subject ends and its predicate starts: modifiers, auxiliaries, set-off
insertions, appositives and relatives between them."""

from __future__ import annotations

from klaim.extraction.claims._claim_unit import Unit, is_dash, n_words, next_comma, standalone
from klaim.extraction.claims._clauses import (
    clause_table,
    relative_antecedent,
)
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._enumeration import (
    closes_pair,
)
from klaim.extraction.claims._lang import Lang
from klaim.extraction.claims._phrases import (
    INSERTED_MODIFIERS,
    INSERTED_WORDS,
    STANCE_LEAD,
    SUBJECT_APPOSITIVE_REACH,
    SUBJECT_NAME_TOKENS,
    abbreviation_stop,
    age_end,
    appositive_phrase,
    completes_copula,
    degree_phrase,
    demonstrative_subject,
    ends_phrase,
    finite_verb,
    first_item_end,
    inner_predicate,
    is_adverb,
    noun_phrase_head,
    opening_description,
    opening_name,
    opens_appositive,
    opens_participle,
    quote_open_between,
    relative_noun_before,
    set_off_connective,
    stance_word,
    stance_words,
    unlisted_word,
)
from klaim.extraction.claims._speakers import PUBLISHER


def skip_modifiers(ctx: Ctx, k: int, j: int) -> int:
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


def first_verb_at(ctx: Ctx, i: int, j: int, skip_relatives: bool = False) -> int | None:
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


def clause_subject_bounds(ctx: Ctx, i: int, j: int) -> tuple[int, int, int]:
    """(subject start, subject end, verb index) of the clause at tokens i..j-1.

    A leading adverbial set off by a comma ("Kamis malam, …") is not part of the subject.
    """
    v = first_verb_at(ctx, i, j, skip_relatives=True)
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


def clause_subject_len(ctx: Ctx, u: int, j: int) -> int | None:
    """If tokens from u start a clause (a short subject, then a verb), the subject's length."""
    if u >= j or ctx.word(u) in ctx.L.np_stops or skip_modifiers(ctx, u, j) > u:
        return None  # a clause needs a subject, not just "tidak" before its verb
    k, stop = u, min(j, u + 7)
    while k < stop:
        inserted = _dash_insertion_end(ctx, k, j) if k > u else None
        if inserted is not None:
            k, stop = inserted, min(j, stop + inserted - k)
            continue
        if _no_subject_through(ctx, u, k, j):
            return None  # "… dan keputusan Labfor untuk mengetahui": a purpose clause, no subject
        v = skip_modifiers(ctx, k, j)
        if v > k and v < j and ctx.is_verb(v) and k > u:
            return k - u
        if ctx.is_verb(k):
            return (k - u) if k > u else None
        k += 1
    return None


def _no_subject_through(ctx: Ctx, u: int, k: int, j: int) -> bool:
    """Can a subject opening at token u not run through token k?"""
    return _breaks_subject(ctx, k) or _comparison_tail(ctx, u, k) or (k > u and _prepositional_verb(ctx, k, j))


def _prepositional_verb(ctx: Ctx, k: int, j: int) -> bool:
    """ "… kebocoran plasma dan perdarahan saluran cerna hingga mengakibatkan kematian": a verb
    right after a preposition (the table's ``np_stops``) is that preposition's complement, not the
    predicate of a clause whose subject ends before it: the conjunct before is one more noun of a
    list (helper idfix, session 14)."""
    return ctx.word(k) in ctx.L.np_stops and k + 1 < j and ctx.is_verb(k + 1)


DASH_INSERTION_WORDS = 8  # words at most in a phrase set off by dashes inside a subject


def _dash_insertion_end(ctx: Ctx, k: int, j: int) -> int | None:
    """ "many outsiders -- some of them business people -- continue to shock …": a verbless phrase
    between two dashes inside a subject, right before its verb, describes it; the token after the
    closing dash, or None. Not a phrase that singles out ("— especially Hispanics —") or opens a
    participle clause ("— casting the government as enforcer —"): those end a clause before."""
    if not is_dash(ctx, k):
        return None
    t = k + (2 if ctx.word(k) == "-" else 1)
    if t >= j or ctx.word(t) in ctx.L.non_subjects or opens_participle(ctx, t):
        return None
    for e in range(t, min(j, t + DASH_INSERTION_WORDS + 1)):
        if is_dash(ctx, e):
            after = e + (2 if ctx.word(e) == "-" else 1)
            v = skip_modifiers(ctx, after, j)
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
    return ((not ctx.is_word(k) and not abbreviation_stop(ctx, k)) or w in L.relative or w in L.subject_breakers
            or w in L.coordinators or w in L.subordinators or w in L.cause_subordinators)


SPLICE_SUBJECT = 3  # words at most in the subject of a clause joined by a bare comma


def subject_appositive(ctx: Ctx, i: int, j: int) -> tuple[int, int, int] | None:
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
    c1 = next_comma(ctx, i + 1, min(j, i + SUBJECT_NAME_TOKENS + 1))
    if c1 is None or c1 + 2 >= j or not opening_name(ctx, i, c1) or not opens_appositive(ctx, c1 + 1):
        return None
    c2 = next((t for t in range(c1 + 2, min(j, c1 + SUBJECT_APPOSITIVE_REACH)) if ends_phrase(ctx, t, j)), None)
    if c2 is None or ctx.word(c2) != "," or not inner_predicate(ctx, c1 + 1, c2):
        return None
    v = skip_modifiers(ctx, c2 + 1, j)
    return (c1, c2, v) if finite_verb(ctx, v, j) else None


def unlisted_predicate_comma(ctx: Ctx, k: int, b: int) -> int:
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
        if not inserted and ctx.is_word(p + 1) and ctx.is_word(p + 2) and unlisted_word(ctx, p + 1) \
                and not set_off_connective(ctx, p + 1, b) and not opens_participle(ctx, p + 1) \
                and not any(ctx.word(t) in L.list_coordinators for t in range(p + 2, min(b, p + 4))):
            return p  # not an item of a list ("campaigns against Communism, abortion and …")
    return b


def _closes_insertion(ctx: Ctx, c: int, p: int) -> bool:
    """Does the comma at p close a short verbless phrase set off after the comma at c inside a
    relative clause, so that what follows still is the clause's: an auxiliary after a name ("whose
    start-up, Theranos, has come under scrutiny", "whose husband, Navy SEAL Ty Woods, was …") or
    anything after a lower-case phrase ("a $5 billion, ultimately unsuccessful, defamation lawsuit")?
    Not "under Mr. Bush's father, George Bush, ticked through …": after a name, a verb that is no
    auxiliary is the main clause's."""
    n = ctx.words_between(c + 1, p)
    if n > INSERTED_WORDS or first_verb_at(ctx, c + 1, p) is not None:
        return False
    return ctx.word(p + 1) in ctx.L.auxiliaries if ctx.is_cap(c + 1) else n <= INSERTED_MODIFIERS


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
        if not ctx.is_word(t) and not abbreviation_stop(ctx, t):
            return None  # a comma or bracket: the clause has a part inserted, not two predicates
        if verb and ctx.word(t) in L.predicate_coordinators and not closes_pair(ctx, t):
            v = skip_modifiers(ctx, t + 1, end)
            said = ctx.words_between(k + 1, t) >= L.min_claim_tokens - 1  # not "the media, which is and …"
            return t if said and v < end and (v > t + 1 or ctx.is_verb(v)) else None
    return None


def set_off_relative(ctx: Ctx, bounds: tuple[int | None, int, int, int], sentence: tuple[int, int],
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
    start = name if name is not None else opening_description(ctx, first, comma)
    end = next((t for t in range(t0 + 1, stop) if ends_phrase(ctx, t, stop)), stop)
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
    v = skip_modifiers(ctx, k, end)
    L = ctx.L
    return v < end and (ctx.is_verb(v) or (ctx.is_word(v) and not ctx.is_cap(v) and ctx.word(v) not in L.np_articles
                                          and ctx.word(v) not in L.np_stops and not ctx.word(v)[:1].isdigit()))


def appositive_phrase_ends(ctx: Ctx, t0: int, stop: int) -> list[int]:
    """Where the appositive opening at t0 ends: before a relative clause on it and after it, and
    after its first coordinated noun; [] when t0 opens no appositive."""
    L = ctx.L
    if ctx.word(t0) not in L.appositive_openers:
        return age_end(ctx, t0, stop)
    end = next((t for t in range(t0, stop) if ends_phrase(ctx, t, stop) or ctx.word(t) in L.relative), stop)
    first = first_predicate_end(ctx, t0, end)  # "an update provided by X and paid for by Y"
    if first is not None and appositive_phrase(ctx, t0, first):
        return [first, end]
    if not appositive_phrase(ctx, t0, end):
        return []
    ends = [first_item_end(ctx, t0, end), end]
    if end < stop and ctx.word(end) in L.relative:
        r_end = next((t for t in range(end + 1, stop) if ends_phrase(ctx, t, stop)), stop)
        if ctx.words_between(end + 1, r_end) >= L.min_claim_tokens - 1:
            ends += [first_predicate_end(ctx, end, r_end), r_end]
    return [e for e in dict.fromkeys(ends) if e is not None]


def opens_object_relative(ctx: Ctx, a: int, k: int, b: int) -> bool:
    """Does the word at k open a restrictive relative clause on a noun after a verb of the clause
    a..b-1: a noun right before it (``relative_noun_before``), no copula's complement ("Donald is
    a man who speaks" is one claim), and for a complementiser ("that") a verb right after it
    ("rules that could reduce …", not "a sign that he is bracing …")?"""
    L = ctx.L
    if ctx.is_cap(k) or not relative_noun_before(ctx, k):
        return False  # "Who's Who in the CIA": a title
    verb = max((t for t in range(a, k - 1) if ctx.is_verb(t)), default=None)
    if verb is None or ctx.word(verb) in L.copulas | L.passive_auxiliaries:
        return False
    v = skip_modifiers(ctx, k + 1, b)
    while v < b and is_adverb(ctx, v):
        v += 1
    if ctx.word(k) not in L.complementisers:
        # "campaigns which candidates have …", "Trump, who he blasted as …": a subject first, the
        # noun is the clause's object (or the word asks which): no fact said of it
        return v > k + 1 or not (v + 1 < b and ctx.is_verb(v + 1) and not ctx.is_verb(v))
    return v < b and (ctx.is_verb(v) or v > k + 1)


def final_appositive(ctx: Ctx, a: int, b: int) -> tuple[int, int] | None:
    """(comma or dash, article) of the last noun phrase set off after the clause's predicate that
    runs to the clause's end; None when the phrase is a clause (", the newspaper reported")."""
    L = ctx.L
    if first_verb_at(ctx, a, b) is None:
        return None
    for k in range(b - 3, a + 2, -1):
        mark = ctx.word(k) == "," or ctx.word(k) in ("—", "–")
        if not mark or ctx.word(k + 1) not in L.appositive_openers or not ctx.is_word(k - 1):
            continue
        if first_verb_at(ctx, a, k) is None or quote_open_between(ctx, k, b) or degree_phrase(ctx, k + 1) \
                or completes_copula(ctx, a, k):
            return None
        return (k, k + 1) if noun_phrase_head(ctx, k + 2, b) else None
    return None


def stance_complement(ctx: Ctx, i: int, j: int) -> tuple[int, str] | None:
    """ "In the meantime, I am glad Republicans are frustrated", "You and I can be confident that Ted
    Cruz will make superb judicial nominations": a first-person subject that asserts its own stance
    (``first_person_stances``, not negated) on a clause; the claim is the clause, where it starts.
    A denied stance ("I do not believe that she should go to jail") stays whole. Returns the
    clause's first token and the stance's words ("I think")."""
    stances, first, pronouns = stance_words(ctx.L.code)
    if not stances or stances.isdisjoint(ctx.idx.lower[i:min(j, i + STANCE_LEAD + 8)]):
        return None
    lead = next((t + 1 for t in range(i, min(j, i + STANCE_LEAD)) if ctx.word(t) == ","), i)
    v = stance_word(ctx, lead, j)
    if v is None or ctx.word(v) not in stances or first.isdisjoint(ctx.idx.lower[lead:v]):
        return None
    c, held = v + 1, ctx.phrase(lead, v + 1)
    if ctx.word(c) in ctx.L.complementisers:
        if demonstrative_subject(ctx, c, j, pronouns):
            return (c, held) if n_words(ctx, c, j) >= ctx.L.min_claim_tokens else None
        c += 1  # "I believe that the party is …"
    return (c, held) if clause_subject_len(ctx, c, j) and n_words(ctx, c, j) >= ctx.L.min_claim_tokens else None
