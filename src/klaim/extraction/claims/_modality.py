"""Modality of a claim from cue words in the language table.

Precedence, strongest first: uncertain ("masih belum jelas") > hedged ("kemungkinan") >
conditional > negated > future > asserted. A conditional needs its condition at the start of the
claim or a future/modal word: "leaders worry about X if Y" asserts the worry, while "if Y, NATO
will …" is a conditional prediction. An approximator ("sekitar", "about") hedges only a number
right after it ("about 300,000 jobs", not "spoke about"; not a clock time: "sekitar pukul 10.00"),
and a negation after a verb that opens a request or assurance ("meminta … tidak", "asked them not
to") belongs to what was asked, not to the claim. The rules that decided are returned by name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from klaim.extraction.claims._context import Ctx
from klaim.schema import Figure, FigureKind, Modality

_WORDS_BEFORE = re.compile(r"\w+")
_RELATIVE_REACH = 40  # characters looked back from a cue for the relative pronoun of its clause
# at most this many characters between an approximator and its number ("about  $5")
_NUMBER_GAP = 2
_SENTENCE_END = re.compile(r"[.!?]\s|[.!?]$|\n")
_OPENER_REACH = 4  # tokens from a claim's start within which a future opener stands before the predicate


def in_relative(ctx: Ctx, s: int, pos: int) -> bool:
    """Is the cue right after a relative pronoun ("dokumen yang diduga …", "situasi yang tak
    kondusif"), or after one and the adverbs a relative clause may open with ("Mayat yang semula
    tak diketahui identitasnya itu teridentifikasi …")? Then it qualifies a noun, not the claim."""
    start = max(s, pos - _RELATIVE_REACH)
    words = _WORDS_BEFORE.findall(ctx.text, start, pos)
    if start > s and ctx.text[start - 1].isalnum() and words:
        words.pop(0)  # the window cut a word
    for word in reversed(words):
        low = word.lower()
        if low in ctx.L.relative:
            return True
        if low not in ctx.L.relative_adverbs:
            return False
    return False  # only adverbs, or nothing, before the cue


# Claims that state what a relative clause says of its noun ("calon yang tidak memenuhi syarat" →
# "Calon tidak memenuhi syarat."): the clause is their predicate, so its cues are theirs.
RELATIVE_CLAIMS = frozenset({"marked-relative", "named-relative", "nonrestrictive", "relative-conjunct", "relative"})


def relative_content_start(ctx: Ctx, s: int, e: int) -> int:
    """Where the content of a claim made of a noun and its relative clause starts: right after the
    clause's relative pronoun, so that a cue inside the clause is the claim's own; ``s`` when the
    claim has no relative pronoun."""
    words = ctx.idx.lower
    for t in ctx.idx.between(s, e):
        if words[t] in ctx.L.relative:
            return ctx.idx.spans[t][1]
    return s


def _cue(ctx: Ctx, ph, s: int, e: int) -> bool:
    """A cue word written in lower case, or capitalised only at the claim's start ("May" the
    month or "Will" the name are not modal words), and not inside a relative clause."""
    text = ctx.text
    return any(_unnamed(text, s, a) and not in_relative(ctx, s, a) for a, _ in ctx.cues(ph, s, e))


# what may stand before a claim's first word: a quote's opening mark or a bracket
_OPENING_MARKS = " \"“”'‘’«(["


def _unnamed(text: str, s: int, a: int) -> bool:
    """Is the cue word at ``a`` no name: written in lower case, or capitalised only as the claim's
    first word, after an opening quote mark if any ("“Tidak ada korban jiwa …": helper idfix)?"""
    return not text[a].isupper() or not text[s:a].strip(_OPENING_MARKS)


def _blocked_negation(ctx: Ctx, s: int, e: int, a: int, b: int) -> bool:
    """A negation inside a purpose clause or a fixed compound ("agar tidak", "tak berawak")."""
    return any(bs <= a <= be + 1 for bs, be in ctx.cues(ctx.L.negation_blockers, max(s, a - 40), min(e, b + 40)))


def _additive(ctx: Ctx, a: int) -> bool:
    """"bukan sekadar X, tetapi juga Y" (not only X but also Y) asserts X: an additive negation
    at ``a`` with its continuation later in the same sentence, even when the split put Y in a
    claim of its own."""
    if not any(x == a for x, _ in ctx.cues(ctx.L.additive_negations, a, a + 40)):
        return False
    stop = _SENTENCE_END.search(ctx.text, a)
    return bool(ctx.cues(ctx.L.additive_continuations, a, stop.start() if stop else len(ctx.text)))


def _after_cause(ctx: Ctx, s: int, a: int) -> bool:
    """Is the negation at ``a`` inside a cause that follows the claim's own clause ("Ini kami
    lakukan …, karena … para pihak tidak terima" asserts what was done)? Only after a verb or a
    comma of the claim's own: a claim that opens with the cause ("Karena proses itu belum …", "lantaran …,
    Febri belum bisa …") keeps its negation, which may be the cause's alone or the main clause's
    after it, and so does a cause inside a noun phrase ("kerugian akibat kerusakan belum bisa
    ditaksir") (helper idfix)."""
    return _after_subordinator(ctx, ctx.L.cause_subordinators, s, a)


def _after_purpose(ctx: Ctx, s: int, a: int) -> bool:
    """The same for a purpose clause with its own subject ("pemerintah menjaga pasokan pangan agar
    harga tidak melonjak" asserts the keeping); right after the purpose word ("agar tidak") the
    negation blockers already set it aside."""
    return _after_subordinator(ctx, ctx.L.purpose_subordinators, s, a)


def _after_subordinator(ctx: Ctx, subordinators: frozenset[str], s: int, a: int) -> bool:
    """Does one of ``subordinators`` stand between the claim's own predicate (or a comma) and the
    negation at ``a``?"""
    if not subordinators:
        return False
    words = ctx.idx.lower
    predicate = False
    for t in ctx.idx.between(s, a):
        if words[t] in subordinators and (predicate or words[t - 1] == ","):
            return True
        predicate = predicate or ctx.is_verb(t)
    return False


def _negation(ctx: Ctx, s: int, e: int) -> tuple[bool, list[str]]:
    """A negation cue of the claim's own, and the rule that set others aside."""
    negations = ctx.cues(ctx.L.negated, s, e)
    if not negations:
        return False, []  # most claims: the cues that set a negation aside need not be looked up
    scopes = ctx.cues(ctx.L.negation_scopes, s, e) + _object_noun_scopes(ctx, s, e)
    concessions = ctx.cues(ctx.L.concessions, s, e)
    rules: list[str] = []
    for a, b in negations:
        if not _unnamed(ctx.text, s, a) or in_relative(ctx, s, a) or _blocked_negation(ctx, s, e, a, b):
            continue
        if any(cs <= a < ce for cs, ce in concessions):
            rules = ["modality.concession"]  # "tak membantah jika X": the speaker admits X
            continue
        if any(scope_end <= a for _, scope_end in scopes):
            rules = ["modality.negation-in-complement"]
            continue
        if _after_cause(ctx, s, a):
            rules = ["modality.negation-in-cause"]
            continue
        if _after_purpose(ctx, s, a):
            rules = ["modality.negation-in-purpose"]
            continue
        if _additive(ctx, a):
            rules = ["modality.not-only-but-also"]
            continue
        return True, []
    return False, rules


def _object_noun_scopes(ctx: Ctx, s: int, e: int) -> list[tuple[int, int]]:
    """ "pressing his attack that Clinton is not qualified": a noun of what someone said with its
    complement (``negation_noun_scopes``), as the object of a verb of the claim, scopes a negation
    after it; not as the claim's subject ("the claim that Y is simply not true" is negated)."""
    found = ctx.L.negation_noun_scopes.find(ctx.text, s, e)
    return [(m.start(), m.end()) for m in found
            if any(ctx.is_verb(t) for t in ctx.idx.between(s, m.start())) and _subject_after(ctx, m.end(), e)]


def _subject_after(ctx: Ctx, pos: int, e: int) -> bool:
    """Does a subject follow "that" ending at ``pos`` (a complement), not a verb or an auxiliary
    ("an attack that just didn't seem to …" is a relative clause)?"""
    after = ctx.idx.between(pos, e)
    return bool(after) and not ctx.is_verb(after.start) and ctx.word(after.start) not in ctx.L.auxiliaries


def _hedge(ctx: Ctx, s: int, e: int) -> bool:
    """A hedge cue that is not part of a negated certainty ("tidak mungkin" is not "mungkin")."""
    hedges = ctx.cues(ctx.L.hedged, s, e)
    if not hedges:
        return False
    blocked = ctx.cues(ctx.L.hedge_blockers, s, e)
    return any(not any(bs <= a < be for bs, be in blocked) and _unnamed(ctx.text, s, a)
               and not in_relative(ctx, s, a) for a, _ in hedges)


def _approximate_number(ctx: Ctx, s: int, e: int, figures: Sequence[Figure]) -> bool:
    """An approximator right before a figure that is not a clock time ("sekitar 20 orang")."""
    approximators = ctx.cues(ctx.L.hedged_numbers, s, e)
    if not approximators or not figures:
        return False
    starts = {f.start for f in figures if f.kind != FigureKind.time}
    blocked = ctx.cues(ctx.L.hedge_blockers, s, e)
    for a, b in approximators:
        if any(b < f <= b + _NUMBER_GAP and not ctx.text[b:f].strip() for f in starts) \
                and not any(bs <= a < be for bs, be in blocked):
            return True
    return False


def _conditions(ctx: Ctx, s: int, e: int) -> list[tuple[int, int]]:
    """Condition cues, leaving out those that open a way of looking ("Apabila dicermati, …")."""
    conds = ctx.cues(ctx.L.conditional, s, e)
    if not conds:
        return conds
    blocked = ctx.cues(ctx.L.conditional_blockers, s, e)
    return [c for c in conds if not any(bs <= c[0] < be for bs, be in blocked)]


def _future(ctx: Ctx, s: int, e: int) -> tuple[bool, list[str]]:
    """A future cue of the claim's own (as ``_cue``), and the rule that set one aside: a future
    cue inside a counterfactual, a modal's perfect before its participle ("a proposal that would
    have allowed …": what did not happen), is no future; nor is one inside a direction of place
    (``future_places``: "menuju ke depan barisan"); nor is a future of the past after the
    claim's own verb ("feared the bill would allow …", "it became clear he would fall short"):
    what was feared or became clear then, not a forecast."""
    blocked = [(m.start(), m.end()) for m in ctx.L.future_blockers.find(ctx.text, s, e)
               if _participle_after(ctx, m.end(), e)]
    places = ctx.cues(ctx.L.future_places, s, e)
    past = _past_futures_after_verb(ctx, s, e)
    if not blocked and not past and not places:
        return _cue(ctx, ctx.L.future, s, e), []
    text, aside = ctx.text, blocked + places
    own = any(_unnamed(text, s, a) and not in_relative(ctx, s, a) and a not in past
              and not any(bs <= a < be for bs, be in aside) for a, _ in ctx.cues(ctx.L.future, s, e))
    if own:
        return True, []
    return False, [_set_aside(blocked, places)]


def negated_future(ctx: Ctx, s: int, e: int) -> int | None:
    """Whether the claim's negation negates a future of its own: a negation cue and a future cue
    of the claim's own (``_future``) next to each other, with at most auxiliaries between ("tidak
    akan", "tak akan pernah", "will not", "won't", "do not plan to"; not "would"). Apart they are two things:
    a negation of what was ("belum bisa memastikan Rizieq akan pulang", "tak pernah membayangkan
    akan …") or "akan" as a preposition ("tidak takut akan ancaman"). The negation's first token,
    or None."""
    if not _future(ctx, s, e)[0]:
        return None
    text = ctx.text
    # not "would" (``past_futures``): "would not comment", "I would not be anxious to …", "would
    # never have been able to …" refuse, assess or imagine; they do not forecast
    own = [ctx.idx.between(a, b) for a, b in ctx.cues(ctx.L.future, s, e)
           if _unnamed(text, s, a) and not in_relative(ctx, s, a) and text[a:b].lower() not in ctx.L.past_futures]
    for a, b in ctx.cues(ctx.L.negated, s, e):
        if not _unnamed(text, s, a) or in_relative(ctx, s, a) or text[a:b].lower() in ctx.L.past_negations:
            continue  # "wasn't going to": a future of the past
        neg = ctx.idx.between(a, b)
        if any(_adjacent(ctx, neg, fut) and not _noun_after(ctx, neg, fut) for fut in own):
            return neg.start
    return None


def _adjacent(ctx: Ctx, x: range, y: range) -> bool:
    """Token spans x and y overlap or only auxiliaries stand between them, in either order."""
    first, second = (x, y) if x.start <= y.start else (y, x)
    return all(ctx.word(k) in ctx.L.auxiliaries for k in range(first.stop, second.start))


def _noun_after(ctx: Ctx, neg: range, fut: range) -> bool:
    """A future cue right after the negation whose first word has the plural suffix: after a
    negation a verb has its plain form, so "no plans to endorse" negates a noun, what someone has
    (no plans), not what will be."""
    return neg.stop == fut.start and _plural_subject(ctx, ctx.word(fut.start))


def _set_aside(blocked: list[tuple[int, int]], places: list[tuple[int, int]]) -> str:
    """The rule that set a claim's future cues aside: a counterfactual, a direction in space
    ("menuju ke depan barisan": toward the front, not ahead in time) or a future of the past."""
    if blocked:
        return "modality.counterfactual"
    return "modality.future-of-place" if places else "modality.future-in-past"


def _past_futures_after_verb(ctx: Ctx, s: int, e: int) -> set[int]:
    """Where a future of the past (``past_futures``: "would") stands after a verb of the claim's
    own clause: not its first word (a headline's noun: "Plan would create …"), nor one before a
    relative pronoun or a comma ("a pledge from China, which was afflicted …, would help": the
    verb is the relative clause's, and the claim's own "would" is a forecast). Inside a relative
    clause its own verb counts ("unions who feared the bill would allow …")."""
    words, lower = ctx.L.past_futures, ctx.idx.lower
    claim = ctx.idx.between(s, e)
    if not words or words.isdisjoint(lower[claim.start:claim.stop]):
        return set()
    out, verb = set(), False
    for k in range(claim.start + 1, claim.stop):
        if lower[k] in ctx.L.relative or lower[k] == ",":
            verb = False  # a relative clause's verbs, or a clause's that a comma closed, are not the next's
            continue
        if lower[k] in words and verb:
            out.add(ctx.idx.starts[k])
        verb = verb or (ctx.is_verb(k) and lower[k] not in ctx.L.auxiliaries)
    return out


def future_opener(ctx: Ctx, s: int, e: int) -> bool:
    """A time adverb of the future among the claim's first ``_OPENER_REACH`` tokens, before its
    first verb ("Nanti kita uji di praperadilan", "Fokus RUU nantinya adalah …"). After a verb it
    dates a noun of the predicate ("menunda vonis pada sidang 27 September nanti"): no future."""
    openers = ctx.L.future_openers
    if not openers.by_first:
        return False
    claim = ctx.idx.between(s, e)
    for k in range(claim.start, min(claim.stop, claim.start + _OPENER_REACH)):
        if ctx.match_seq(k, openers, claim.stop):
            return True
        if ctx.is_verb(k):
            return False
    return False


def _verb_future(ctx: Ctx, s: int, e: int) -> bool:
    """An intent of ``verb_futures`` as the verb of the claim's own clause ("campaign strategists
    plan to secure …", "Republicans might plan to …"): after a plural subject (a word with the
    plural suffix that is no determiner and no auxiliary) or an auxiliary. After a possessive, an
    article or a noun in the singular it is a noun ("his plan to", "Trump's plan to", "a tax plan
    to"): no future."""
    L, text = ctx.L, ctx.text
    for a, _ in ctx.cues(L.verb_futures, s, e):
        before = ctx.idx.between(s, a)
        if not before or not _unnamed(text, s, a) or in_relative(ctx, s, a):
            continue
        w = ctx.word(before[-1])
        if w in L.auxiliaries or _plural_subject(ctx, w):
            return True
    return False


def _plural_subject(ctx: Ctx, w: str) -> bool:
    L, suffix = ctx.L, ctx.L.plural_suffix
    return bool(suffix) and w.endswith(suffix or "") and w.isalpha() \
        and w not in L.possessive_determiners and w not in L.demonstratives and w not in L.np_articles


def _participle_after(ctx: Ctx, b: int, e: int) -> bool:
    """A verb right after ``b`` ("would have allowed"), not an infinitive's "to" or an object
    ("would have to wait", "would have a profound impact": what will have to be, or will be)."""
    after = ctx.idx.between(b, e)
    return bool(after) and ctx.is_verb(after.start)


FUTURE_OPENER = "modality.future-opener"
VERB_FUTURE = "modality.verb-future"
DENIED = "modality.denied"
# The cue lists that make a claim other than asserted: a claim with none of them is asserted
# (unless its attribution cue hedges), whatever the lists that only set a cue aside say.
MODALITY_CUES = ("uncertain", "hedged", "hedged_numbers", "conditional", "negated", "future", "verb_futures")


def cue_within(ctx: Ctx, names: tuple[str, ...], s: int, e: int) -> bool:
    """Whether a cue of one of the lists ``names`` (attributes of the language) starts inside
    [s, e): when none does, every look-up of those lists in the claim finds nothing (``Ctx.cues``
    returns the cues starting inside, less some), so the claim need not make them one by one.
    The lists' cues are gathered once per article."""
    key = ("modality.cue-starts", names)
    starts = ctx.memo.get(key)
    if starts is None:
        starts = ctx.memo[key] = _cue_starts(ctx, names)
    k = bisect_left(starts, s)
    return k < len(starts) and starts[k] < e


def _cue_starts(ctx: Ctx, names: tuple[str, ...]) -> list[int]:
    skip, ctx.skip = ctx.skip, None  # every cue of the article, none set aside
    try:
        return sorted(a for name in names for a, _ in ctx.cues(getattr(ctx.L, name), 0, len(ctx.text)))
    finally:
        ctx.skip = skip


def modality(ctx: Ctx, s: int, e: int, cue: str | None = None,
             figures: Sequence[Figure] = ()) -> tuple[Modality, list[str]]:
    """The modality of the claim ``ctx.text[s:e]`` and the names of the rules that decided it."""
    L = ctx.L
    if not cue_within(ctx, MODALITY_CUES, s, e):
        # most claims: what the rules below would find with no cue of their lists in the claim
        if cue and L.hedged.pattern.fullmatch(cue.lower()):
            return Modality.hedged, []
        return (Modality.future, [FUTURE_OPENER]) if future_opener(ctx, s, e) else (Modality.asserted, [])
    if _cue(ctx, L.uncertain, s, e):
        return Modality.uncertain, []
    if _hedge(ctx, s, e) or (cue and L.hedged.pattern.fullmatch(cue.lower())):
        return Modality.hedged, []
    if _approximate_number(ctx, s, e, figures):
        return Modality.hedged, ["modality.approximate-number"]
    conds = _conditions(ctx, s, e)
    if conds and (conds[0][0] - s <= 1 or _cue(ctx, L.conditional_needs, s, e)):
        return Modality.conditional, []
    negated, rules = _negation(ctx, s, e)
    if negated:
        return Modality.negated, []
    return _future_or_asserted(ctx, s, e, rules)


def denied(ctx: Ctx, cue: str | None, start: int, said: Modality,
           rules: list[str]) -> tuple[Modality, list[str]]:
    """The modality of what the speaker claims when their cue denies the content ``said`` that
    starts at ``start`` ("Lion Air membantah terjadi kebocoran"): its negation, and a negated
    content is asserted."""
    if not cue or cue.lower() not in ctx.L.denial_cues or not _denied_clause(ctx, cue, start):
        return said, rules
    return (Modality.asserted if said is Modality.negated else Modality.negated), [*rules, DENIED]


def _denied_clause(ctx: Ctx, cue: str, start: int) -> bool:
    """Does the content follow its denial cue as a clause? Where the table names complementisers
    for it, one must come between ("Cruz denied that waterboarding …"): English "deny" also takes
    objects that are no statement ("denied his party the victory", "denied the charges")."""
    needed = ctx.L.denial_complementisers
    if not needed:
        return True
    before = ctx.idx.between(max(0, start - 40), start)
    return len(before) >= 2 and ctx.word(before[-1]) in needed and ctx.word(before[-2]) == cue.lower()


def _future_or_asserted(ctx: Ctx, s: int, e: int, rules: list[str]) -> tuple[Modality, list[str]]:
    """The last of the precedence: a future cue, an intent as a verb or a future opener, else asserted."""
    future, set_aside = _future(ctx, s, e)
    if future:
        return Modality.future, rules
    if _verb_future(ctx, s, e):
        return Modality.future, [*rules, VERB_FUTURE]
    if future_opener(ctx, s, e):
        return Modality.future, [*rules, FUTURE_OPENER]
    return Modality.asserted, rules + set_aside
