"""Claim type (AVeriTeC-style) from what the claim says: its cues, figures and modality.

The guideline's `quote` (someone's verbatim words) is how a claim was said, not what it says;
annotators following the guideline type a verbatim quote by its content (a prediction, a cause, a
figure, an assessment), so klaim does too and keeps the verbatim status in ``Claim.rules``.

Each type rule is a small named function in ``TYPE_RULES``, tried in order; the first that applies
decides, and its name (``type.<name>``) goes into ``Claim.rules``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from klaim.extraction.claims._claim_unit import Unit
from klaim.extraction.claims._clauses import clause_table
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._demands import WISH_DEMAND
from klaim.extraction.claims._lang import Lang, Sequences
from klaim.extraction.claims._mentions import discourse_words
from klaim.extraction.claims._modality import (
    RELATIVE_CLAIMS,
    cue_within,
    future_opener,
    in_relative,
    negated_future,
    relative_content_start,
)
from klaim.extraction.claims._rules import RuleSet
from klaim.schema import ClaimType, Figure, FigureKind, Modality, SpeakerKind

_QUANTITIES = frozenset({FigureKind.cardinal, FigureKind.money, FigureKind.percent, FigureKind.quantity})
_MAGNITUDE = 10  # tens and more ("puluhan", "dozens"): an order of magnitude to check
_YEAR = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,])")  # a year in running text
_NOUN_PHRASE = 4  # words a number's noun phrase may run before its demonstrative
_NEGATION_REACH = 2  # words before a marker a negation of it may stand ("tidak akan pernah")


def is_numeric(f: Figure) -> bool:
    """A figure worth checking as a number: a value, not "satu negara" (one, as an article)."""
    if f.kind not in _QUANTITIES:
        return False
    # vague amounts ("beberapa", "multi-miliar") have only a lower bound: nothing exact to check
    return f.value is not None and not (f.kind == FigureKind.cardinal and f.value == 1)


@dataclass(slots=True)
class TypeScan:
    """What a type rule looks at: one claim unit with its figures and modality (made for every
    claim: a plain class with slots, which is quicker to make than a frozen one)."""

    ctx: Ctx
    u: Unit
    figures: list[Figure]
    modality: Modality
    published: date | None
    # the claim's tokens, looked up when a rule first needs them (most claims are typed before)
    _tokens: range | None = field(default=None, init=False)
    _cued: bool | None = field(default=None, init=False)  # whether a cue of ``TYPE_CUES`` is in the claim

    @property
    def tokens(self) -> range:
        if self._tokens is None:
            self._tokens = self.ctx.idx.between(self.u.start, self.u.end)
        return self._tokens

    @property
    def cued(self) -> bool:
        """Whether a cue of a list the rules look up starts in the claim: most claims have none,
        and then every look-up finds nothing (``cue_within``)."""
        if self._cued is None:
            self._cued = cue_within(self.ctx, TYPE_CUES, self.u.start, self.u.end)
        return self._cued

    def has(self, cues_name: str) -> bool:
        return self.cued and bool(self.ctx.cues(getattr(self.ctx.L, cues_name), self.u.start, self.u.end))


# every cue list a type rule looks up (``TypeScan.has`` and the rules' own ``Ctx.cues``)
TYPE_CUES = ("deontic", "future", "episode_markers", "background", "causal", "position", "identity",
             "event_markers")


TYPE_RULES: RuleSet[TypeScan, ClaimType] = RuleSet("type")


def _future(s: TypeScan) -> bool:
    """Future or conditional modality; or a future cue under a hedge, which takes precedence in
    the modality ("mungkin … akan"), unless an opinion frames it ("saya kira … akan": a position).
    What ought to happen is a demand (a position), whenever it is to happen. A negated future
    ("Senate leaders do not plan to elevate Cruz", "proyek itu tidak akan mangkrak") is a
    prediction too, that something will not happen (the modality keeps the negation), when the
    negation is the future's own (``negated_future``), unless an opinion frames it or the speaker
    pledges it (``_own_pledge``)."""
    if _demand(s):
        return False
    if s.modality in (Modality.future, Modality.conditional):
        return True
    if s.modality == Modality.negated:
        return _negated_prediction(s)
    return s.modality == Modality.hedged and (s.has("future") or future_opener(s.ctx, s.u.start, s.u.end)) \
        and not _assessing(s)


def _negated_prediction(s: TypeScan) -> bool:
    """A negated future of the claim's own clause (``negated_future``): not after a verb of the
    claim ("It's one thing to say you won't accept …", "the survey doesn't capture how many just
    won't care": the future is inside what the verb takes), not framed by an opinion, not the
    speaker's own pledge."""
    if not s.has("future"):
        return False
    k = negated_future(s.ctx, s.u.start, s.u.end)
    return k is not None and not _verb_in(s, s.tokens.start, k) and not _assessing(s) and not _own_pledge(s)


def _own_pledge(s: TypeScan) -> bool:
    """A claim whose subject is the speaker ("We will not abandon Ukraine", "Kami tidak akan
    melindungi mereka", "I'm not going to say …"): what the speaker will not do is a pledge or a
    refusal, the speaker's position, not a forecast."""
    ctx = s.ctx
    first = next((k for k in s.tokens if ctx.is_word(k)), None)
    if first is None:
        return False
    words = discourse_words(ctx.L.code)
    w = ctx.word(first)
    return bool(ctx.L.first_person.pattern.fullmatch(w)) or w in words.first_person_singular \
        or w in words.first_person_plural


def _demand(s: TypeScan) -> bool:
    """What ought to happen on a condition ("kalau … harus ditertibkan"), or before the future it
    governs ("we should unite behind a candidate who could win"); not a demand beside a forecast
    ("… akan terjadi, dan kita harus siap")."""
    ctx, u = s.ctx, s.u
    if not s.cued:
        return False
    ought = ctx.cues(ctx.L.deontic, u.start, u.end)
    if not ought or s.modality == Modality.conditional:
        return bool(ought)
    future = ctx.cues(ctx.L.future, u.start, u.end)
    return not future or ought[0][0] < future[0][0]


@TYPE_RULES.register("wish-demand", lambda s: WISH_DEMAND in s.u.rules)
def _wish(s: TypeScan) -> ClaimType:
    """What a speaker wants to be so ("menegaskan agar …", "berharap agar … akan …") is the
    speaker's position, a demand, whatever the verb and the tense of the wish."""
    return ClaimType.position


_AHEAD = frozenset({Modality.future, Modality.conditional, Modality.hedged})


def _requested(s: TypeScan) -> bool:
    """The claim's own predicate is a request (``request_verbs``: "Kami minta pada Pilkada tahun
    depan KPU dan Bawaslu tegas", "Jika belum ada, Desmond meminta Jokowi tidak mengeluarkan keppres",
    "I implore those Americans that would probably vote for him …"): what lies ahead or hangs on a
    condition is what is asked for, and the request is the speaker's demand. Not a request that is
    itself ahead (a future cue before it: "Jepang akan meminta penegasan …", a plan), not an idiom
    (``request_idioms``: "minta maaf"), nor one right after a word that makes it no demand of the
    claim's own (``_not_own_request``)."""
    ctx, verbs = s.ctx, s.ctx.L.request_verbs
    if not verbs or s.modality not in _AHEAD:
        return False
    claim, lower = s.tokens, ctx.idx.lower
    if verbs.isdisjoint(lower[claim.start:claim.stop]):
        return False
    futures = ctx.cues(ctx.L.future, s.u.start, s.u.end)
    ahead = futures[0][0] if futures else s.u.end
    k = next(k for k in claim if lower[k] in verbs)
    if ctx.idx.starts[k] >= ahead or (k + 1 < claim.stop and lower[k + 1] in ctx.L.request_idioms):
        return False  # "akan meminta"; "minta maaf" (an apology), "minta tolong"
    return not any(_not_own_request(ctx.L, lower[j]) for j in range(max(claim.start, k - _NEGATION_REACH), k))


def _not_own_request(L: Lang, w: str) -> bool:
    """A word before a request that makes it no demand of the claim's own: a preposition, a purpose
    word, a coordinator, a subordinator, a relative pronoun, a cause ("sehingga meminta …"), or an
    aspect marker of a request already made ("telah meminta maaf", "sempat mengimbau": reported)."""
    return w in L.np_stops or w in L.subordinators or w in L.relative or w in L.subject_breakers \
        or bool(L.causal.pattern.fullmatch(w)) or bool(L.episode_markers.pattern.fullmatch(w))


@TYPE_RULES.register("request-demand", _requested)
def _request(s: TypeScan) -> ClaimType:
    """What the speaker asks to be done, whenever it is to be done, is a demand: a position."""
    return ClaimType.position


@TYPE_RULES.register("future", _future)
def _prediction(s: TypeScan) -> ClaimType:
    """A claim about what will (or would, on a condition) happen is a prediction."""
    return ClaimType.prediction


def _episodic(s: TypeScan) -> bool:
    """Tied to an occasion: an aspect or tense marker ("tengah mencari", "has been rumored"),
    a past time ("last month") or a date."""
    return s.has("episode_markers") or any(f.kind == FigureKind.date for f in s.figures)


@TYPE_RULES.register("nonrestrictive", lambda s: s.u.role == "nonrestrictive" and not _episodic(s))
def _nonrestrictive(s: TypeScan) -> ClaimType:
    """A non-restrictive relative clause in the general present ("NATO, yang mengambil keputusan
    berdasarkan konsensus") adds a standing fact about its noun: background to the sentence's
    news. One tied to an occasion ("who dropped out last month") is typed by what it says."""
    return ClaimType.background


@TYPE_RULES.register("background-cue", lambda s: s.has("background"))
def _background_cue(s: TypeScan) -> ClaimType:
    return ClaimType.background


def _reference_year(s: TypeScan) -> int | None:
    """The publication year; without one, the latest year the article mentions stands for it
    (news mentions the current year; an older article's years are older too)."""
    if s.published is not None:
        return s.published.year
    if "typing.latest-year" not in s.ctx.memo:
        years = (int(y) for y in _YEAR.findall(s.ctx.text))
        s.ctx.memo["typing.latest-year"] = max(years, default=None)
    return s.ctx.memo["typing.latest-year"]


# a number (and a slash) right before a date: the date is part of a document's number ("UU Nomor
# 31 Tahun 1999", "UU No. 35/2014"), not when the claim happened
_NUMBERED = re.compile(r"\d\s*/?\s*$")


def _old_date(s: TypeScan) -> bool:
    """A date in the claim well before publication ("pada 1949") marks history."""
    year = _reference_year(s)
    if year is None:
        return False
    limit, text = year - s.ctx.L.background_years, s.ctx.text
    return any(f.kind == FigureKind.date and f.iso and f.iso[:4].isdigit() and int(f.iso[:4]) < limit
               and not _NUMBERED.search(text, max(0, f.start - 4), f.start) for f in s.figures)


@TYPE_RULES.register("old-date", _old_date)
def _history(s: TypeScan) -> ClaimType:
    return ClaimType.background


@TYPE_RULES.register("causal-cue", lambda s: s.has("causal"))
def _causal(s: TypeScan) -> ClaimType:
    return ClaimType.causal


def _causative(s: TypeScan) -> bool:
    """A causative verb with an object and that object's own predicate ("membuat parpol lama
    harus diverifikasi", "membuat lalu lintas impor terganggu"): X makes Y happen. Without one
    the verb makes a thing ("membuat laporan", "membuat program untuk …")."""
    ctx = s.ctx
    if not _causative_within(ctx, s.u.start, s.u.end):
        return False  # most claims: no causative verb to look behind
    claim = s.tokens
    if ctx.L.causatives.isdisjoint(ctx.idx.lower[claim.start:claim.stop]):
        return False
    return any(ctx.word(k) in ctx.L.causatives and _object_predicate(s, k + 2, claim.stop) for k in claim)


def _causative_within(ctx: Ctx, start: int, end: int) -> bool:
    """Whether a causative verb of the article starts inside [start, end): the article's causative
    verbs are found once, so a claim without one is told apart without looking up its tokens."""
    starts = ctx.memo.get("typing.causative-starts")
    if starts is None:
        starts = ctx.memo["typing.causative-starts"] = sorted(
            ctx.idx.starts[k] for w in ctx.L.causatives for k in ctx.positions(w))
    k = bisect_left(starts, start)
    return k < len(starts) and starts[k] < end


def _object_predicate(s: TypeScan, i: int, j: int) -> bool:
    """A predicate among tokens i..j-1 within the object's clause: not past a punctuation mark,
    a relative pronoun, a subordinator or a purpose word ("membuat program untuk memberikan …");
    a preposition or a list's "dan" is part of the object ("lalu lintas ke Qatar terganggu")."""
    ctx, L = s.ctx, s.ctx.L
    for k in range(i, j):
        w = ctx.word(k)
        if not ctx.is_word(k) or w in L.relative or w in L.subordinators or w in L.subject_breakers:
            return False
        if w in L.np_stops:
            continue
        if ctx.is_verb(k) or w in L.predicate_markers or w.startswith(tuple(L.stative_prefixes)):
            return True
    return False


@TYPE_RULES.register("causative", _causative)
def _caused(s: TypeScan) -> ClaimType:
    return ClaimType.causal


def _amount(s: TypeScan, f: Figure) -> bool:
    """A number to check: an exact value or a length of time ("selama 14 hari", "a 44-year low";
    not "a day"), or an order of magnitude ("belasan rumah", "hundreds more"; not "beberapa",
    "several", whose lower bound is below ``_MAGNITUDE``, nor "multi-miliar", which says only
    "more than one")."""
    if is_numeric(f) or _length_of_time(f):
        return f.value != 0  # "zero experience", "nol": an absence, not a count
    if f.kind not in _QUANTITIES or f.value is not None or f.low is None or f.low < _MAGNITUDE:
        return False
    return not f.surface.lower().startswith(tuple(s.ctx.L.vague_prefixes))


def _length_of_time(f: Figure) -> bool:
    return f.kind == FigureKind.duration and f.value is not None and f.value > 1


def _tokens(s: TypeScan, f: Figure) -> range:
    # a figure is shared by the claims that hold it, and two rules ask for its tokens in each
    key = ("typing.figure-tokens", f.start, f.end)
    hit = s.ctx.memo.get(key)
    if hit is None:
        hit = s.ctx.memo[key] = s.ctx.idx.between(f.start, f.end)
    return hit  # type: ignore[no-any-return]


def _in_name(s: TypeScan, f: Figure) -> bool:
    """A number that is part of a name ("Restoran Nusa Dua", "proyek JORR 2"): it follows a
    capitalised word inside the sentence and is itself capitalised or counts nothing."""
    ctx, first = s.ctx, _tokens(s, f).start
    prev = first - 1
    if f.kind != FigureKind.cardinal or prev < 0 or ctx.idx.starts[prev] <= s.u.sentence[0]:
        return False
    if not (ctx.is_word(prev) and ctx.is_cap(prev)):
        return False
    return ctx.is_cap(first) if f.surface[:1].isalpha() else f.counted is None


def _refers_back(s: TypeScan, f: Figure) -> bool:
    """A number that names a set the article already gave ("kedua negara", "the two camps",
    "12 bank sindikasi ini"): a reference, not a quantity the claim asserts."""
    ctx, span, L = s.ctx, _tokens(s, f), s.ctx.L
    if f.kind != FigureKind.cardinal or not span:
        return False
    if ctx.word(span.start) in L.collective_numbers:
        return True
    if span.start > 0 and ctx.word(span.start - 1) in L.reference_determiners:
        return True
    return discourse_words(L.code).demonstrative_follows and _demonstrative_after(s, span.stop)


def _demonstrative_after(s: TypeScan, k: int) -> bool:
    """A demonstrative closes the noun phrase the number counts ("dua risiko tersebut")."""
    ctx, L = s.ctx, s.ctx.L
    stop = min(k + _NOUN_PHRASE, s.tokens.stop)
    for j in range(k, stop):
        w = ctx.word(j)
        if w in L.demonstratives:
            return True
        if not ctx.is_word(j) or w in L.np_stops or w in L.relative or ctx.is_verb(j):
            return False
    return False


def _central(s: TypeScan, f: Figure) -> bool:
    """A quantity the claim asserts. A length of time beside an assessment frames it ("I have
    known him for 14 years and he is the best person …"): the assessment is the point."""
    if _length_of_time(f) and _assessing(s):
        return False
    return _amount(s, f) and not _small_count(s, f) and not _in_name(s, f) and not _refers_back(s, f)


_FOCUS_GAP = 2  # characters between a focus word and its count ("only  eight")


def _small_count(s: TypeScan, f: Figure) -> bool:
    """A count below ten spelled as a word ("dua pejabat", "two officials resigned", "the
    five-justice majority"): news spells out small counts of the people or things an event
    involves; what is checked is the event. Digits ("2 negara"), fractions ("half the people",
    "three-quarters of the board": a share), lengths of time and amounts keep their figure, and
    so does a count a focus word or an approximator puts forward ("only eight incidents", "just two
    staffers", "at least three primaries", "sedikitnya tiga orang", "about five")."""
    if f.kind != FigureKind.cardinal or f.value is None or f.value >= _MAGNITUDE or f.value != int(f.value) \
            or any(ch.isdigit() for ch in f.surface):
        return False
    ctx, text = s.ctx, s.ctx.text
    before = max(s.u.start, f.start - 40)
    return not any(not text[b:f.start].strip() and f.start - b <= _FOCUS_GAP
                   for ph in (ctx.L.count_focus, ctx.L.hedged_numbers) for _, b in ctx.cues(ph, before, f.start)) \
        and not _casualty_count(s, f)


def _embedded_count(s: TypeScan, k: int) -> bool:
    """A count at token k inside a side clause or a phrase of the claim, not its subject or
    object: after a word that opens a side clause ("the attacks, in which four Americans were
    killed", "how four Americans died"), or right after a preposition ("the parents of two Americans
    killed in …"): a casualty told again to name an event, not the claim's point."""
    ctx, L = s.ctx, s.ctx.L
    if k > s.tokens.start and ctx.word(k - 1) in L.np_stops:
        return True
    return any(_opens_side_clause(L, ctx.word(j)) for j in range(s.tokens.start, k))


def _opens_side_clause(L: Lang, w: str) -> bool:
    """A relative pronoun, a subordinator, an interrogative or a word that embeds a clause ("how",
    "that": "how four Americans died", "attacks that left four Americans dead")."""
    return w in L.relative or w in L.subordinators or w in L.interrogatives or w in L.pronoun_embedders


_CASUALTY_REACH = 3  # words of the counted noun between a count and its casualty word ("empat penenggak miras tewas")


def _casualty_count(s: TypeScan, f: Figure) -> bool:
    """A count of the dead, the injured or the arrested (``casualty_words``) right after the verb
    ("menewaskan tiga orang", "killed two soldiers") or before it past the counted noun and
    auxiliaries ("empat penenggak miras tewas", "two officers were wounded"): how many is what
    the news reports and a fact-checker checks, however small and however spelled."""
    ctx, words = s.ctx, s.ctx.L.casualty_words
    span, claim = _tokens(s, f), s.tokens
    if not words or not span or words.isdisjoint(ctx.idx.lower[claim.start:claim.stop]):
        return False
    if _embedded_count(s, span.start):
        return False
    if span.start > claim.start and ctx.word(span.start - 1) in words:
        return True
    j, reach = span.stop, _CASUALTY_REACH
    while j < claim.stop and ctx.is_word(j) and ctx.word(j) not in ctx.L.relative:
        w = ctx.word(j)
        if w in words:
            return True
        if w not in ctx.L.auxiliaries:
            reach -= 1
            if reach < 0:
                return False
        j += 1
    return False


@TYPE_RULES.register("figure", lambda s: any(_central(s, f) for f in s.figures))
def _numerical(s: TypeScan) -> ClaimType:
    """A claim that asserts a quantity (guideline: a figure is central). A number inside a name
    or one that refers back to a set already given is not the claim's point."""
    return ClaimType.numerical


@cache
def _experiential_markers(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in clause_table(lang).experiential_markers)


def _experience(s: TypeScan) -> bool:
    """An experiential marker before the predicate ("Sitorus pernah berurusan dengan kasus hukum",
    "pernah menjabat sebagai …"): what was once so of someone, their past, told as a standing fact
    about them. Not negated ("tak pernah menerima uang", "tidak akan pernah": a denial), not in a
    relative clause ("serangan terbesar yang pernah terjadi"), not dated, not a verbatim quote (the
    speaker tells an event)."""
    ctx, claim = s.ctx, s.tokens
    markers = _experiential_markers(ctx.L.code)
    lower = ctx.idx.lower
    if s.u.quote or not markers or markers.isdisjoint(lower[claim.start:claim.stop]):
        return False
    if any(f.kind == FigureKind.date for f in s.figures):
        return False  # a dated occasion is an event ("pernah dimintai keterangan pada 11 Desember")
    k = next(k for k in claim if lower[k] in markers)
    before = [lower[j] for j in range(max(claim.start, k - _NEGATION_REACH), k)]
    return not (before and before[-1] in ctx.L.relative) \
        and not any(ctx.L.negated.pattern.fullmatch(w) for w in before)


@TYPE_RULES.register("experience", _experience)
def _experience_type(s: TypeScan) -> ClaimType:
    return ClaimType.background


def _assessing(s: TypeScan) -> bool:
    cue = s.u.cue
    return _own_position_cue(s) or bool(cue and s.ctx.L.position.pattern.fullmatch(cue.lower())) \
        or _opinion_framed(s)


_FRAME_GAP = re.compile(r"[\s,:;\-—–\"“”'‘’«»(]*")  # what may stand between a frame and what it frames


def _opinion_framed(s: TypeScan) -> bool:
    """The speaker's own opinion frames the claim (``opinion_frames``: "in my opinion", "menurut
    saya"): the frame stands inside the claim, right before it ("Menurut saya, pemerintah …",
    where the claim starts after the comma) or opens its sentence ("In my view, A and B": both
    conjuncts). What a speaker offers as their opinion is their assessment, a position."""
    ctx, u = s.ctx, s.u
    for a, b in ctx.cues(ctx.L.opinion_frames, u.sentence[0], u.end):
        if a >= u.start or _FRAME_GAP.fullmatch(ctx.text, b, u.start) \
                or _FRAME_GAP.fullmatch(ctx.text, u.sentence[0], a):
            return True
    return False


def _own_position_cue(s: TypeScan) -> bool:
    """A position cue of the claim's own: not a verb of saying, thinking or asking that opens a
    relative clause ("voters who believe that …", "warga yang meminta foto": what the noun's
    referent thinks or does, not the speaker's assessment; as in modality, ``in_relative``). A
    grading or an obligation there is still the speaker's ("jumlah yang sangat besar", "hal yang
    harus diperhatikan adalah …"). In a claim made of a relative clause the clause is the claim's
    own predicate."""
    if not s.has("position"):
        return False
    ctx, u = s.ctx, s.u
    start = relative_content_start(ctx, u.start, u.end) if u.role in RELATIVE_CLAIMS else u.start
    return any(not (in_relative(ctx, start, a) and _act_of_noun(ctx, a, b) and _headed(ctx, start, a))
               for a, b in ctx.cues(ctx.L.position, u.start, u.end))


def _act_of_noun(ctx: Ctx, a: int, b: int) -> bool:
    """The cue at [a, b) is a verb or a cue of saying or thinking, not an obligation."""
    if ctx.L.deontic.pattern.fullmatch(ctx.text[a:b].lower()):
        return False
    k = ctx.idx.between(a, b).start
    return ctx.is_verb(k) or ctx.word(k) in ctx.L.pre_cues


_EXISTENTIAL_REACH = 2  # words before a relative pronoun an existential may stand ("Ada pula yang …")


def _headed(ctx: Ctx, start: int, a: int) -> bool:
    """The relative clause of the cue at ``a`` qualifies a noun of the claim: its pronoun is not
    the claim's first word ("yang juga masih berharap …") nor after an existential ("Ada pula yang
    menilai bahwa …": some hold the view, and the claim states it)."""
    first, k = ctx.idx.between(start, a + 1).start, ctx.idx.between(a, a + 1).start
    r = next((j for j in range(k - 1, first - 1, -1) if ctx.word(j) in ctx.L.relative), None)
    if r is None or r == first:
        return False
    return not any(ctx.match_seq(j, ctx.L.existentials, r) for j in range(max(first, r - _EXISTENTIAL_REACH), r))


@TYPE_RULES.register("opinion-frame", _opinion_framed)
def _opinion_position(s: TypeScan) -> ClaimType:
    """What the speaker frames as their own opinion ("in my opinion", "menurut saya")."""
    return ClaimType.position


@TYPE_RULES.register("position-cue", _assessing)
def _position(s: TypeScan) -> ClaimType:
    return ClaimType.position


def _identity_predicate(s: TypeScan) -> bool:
    """An identity cue that is the claim's predicate: no verb in the subject before it, none in
    its complement after it (up to a relative clause), and no existential ("there is a")."""
    if not s.cued:
        return False
    ctx, claim = s.ctx, s.tokens
    for a, b in ctx.cues(ctx.L.identity, s.u.start, s.u.end):
        cue = ctx.idx.between(a, b)
        if ctx.match_seq(max(claim.start, cue.start - 1), ctx.L.existentials, cue.stop) > 0:
            continue  # "there is a faction …": something exists, nobody is identified
        if not _verb_in(s, claim.start, cue.start) and not _verb_in(s, cue.stop, claim.stop):
            return True
    return False


def _verb_in(s: TypeScan, i: int, j: int) -> bool:
    """A verb or a subordinator ("selama menjabat …": the role is a time, not the claim's
    point) among tokens i..j-1, before a relative pronoun (whose clause may have its own)."""
    ctx = s.ctx
    for k in range(i, j):
        w = ctx.word(k)
        if w in ctx.L.relative:
            return False
        if ctx.is_verb(k) or w in ctx.L.subordinators:
            return True
    return False


@cache
def _identity_copulas(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in clause_table(lang).identity_copulas)


@cache
def _copula_pattern(lang: str) -> re.Pattern[str] | None:
    """A copula and the first word of an identifying noun phrase (an article or an opener)."""
    t = clause_table(lang)
    if not t.identity_copulas:
        return None
    copulas = "|".join(re.escape(w) for w in t.identity_copulas)
    if t.bare_identity:  # no articles: any word may open the noun phrase
        return re.compile(rf"(?<![\w-])(?:{copulas})(?![\w-])", re.IGNORECASE)
    firsts = {w.split()[0] for w in (*t.np_articles, *t.identity_openers)}
    either = "|".join(re.escape(w) for w in sorted(firsts))
    return re.compile(rf"(?<![\w-])(?:{copulas})\s+(?:{either})(?![\w-])", re.IGNORECASE)


@cache
def _identity_openers(lang: str) -> Sequences:
    return Sequences(list(clause_table(lang).identity_openers))


@cache
def _person_pronouns(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in clause_table(lang).referring_pronouns)


def _copula_identity(s: TypeScan) -> bool:
    """ "Florent Groberg is a former Army captain", "She was the first lady": a copula after a
    person's name (or a pronoun for one), then an article and a noun phrase with no verb (up to a
    relative clause), says who the person is. Not "Our airports are a mess", "The effort was an
    attempt to …". On where the table lists ``identity_copulas``; where it sets ``bare_identity``
    (no articles) any noun phrase ("Khadr merupakan tahanan termuda di Guantanamo")."""
    ctx = s.ctx
    pattern = _copula_pattern(ctx.L.code)
    if pattern is None or pattern.search(ctx.text, s.u.start, s.u.end) is None:
        return False  # most claims: no copula before an article, no tokens to look at
    claim, copulas = s.tokens, _identity_copulas(ctx.L.code)
    c = next((k for k in claim if ctx.word(k) in copulas), None)
    if c is None or c == claim.start or c + 2 >= claim.stop or not _role_follows(s, c + 1):
        return False
    subject = c
    while subject - 1 > claim.start and ctx.word(subject - 1) in ctx.L.auxiliaries:
        subject -= 1  # "Dia juga merupakan …"
    return _names_someone(s, claim.start, subject) and not _verb_in(s, c + 1, claim.stop)


ROLE_REACH = 4  # words after an article in which a role word names what someone is ("a senior Army official")


def _role_follows(s: TypeScan, k: int) -> bool:
    """A noun phrase at token k that names a role: one opening with an identity opener ("the",
    "a former"), not a superlative ("the most valuable player"), or an article and a role word
    ("a senator from Texas"); not an evaluation ("a charlatan", "a tough game")."""
    ctx, t = s.ctx, clause_table(s.ctx.L.code)
    if t.bare_identity:  # not in a verbatim quote, where a bare noun phrase is as often a
        w = ctx.word(k)  # characterisation ("DPR adalah rumah rakyat", "Wanita adalah kaum yang independen")
        return not s.u.quote and ctx.is_word(k) and not ctx.is_verb(k) and w not in ctx.L.np_stops \
            and w not in ctx.L.relative
    n = ctx.match_seq(k, _identity_openers(ctx.L.code), s.tokens.stop)
    if n:
        return ctx.word(k + n) not in {w.lower() for w in t.superlatives}
    if ctx.word(k) not in ctx.L.np_articles:
        return False
    stop = s.tokens.stop
    return any(ctx.match_seq(j, ctx.L.roles, stop) for j in range(k + 1, min(k + 1 + ROLE_REACH, stop)))


def _names_someone(s: TypeScan, i: int, j: int) -> bool:
    """Tokens i..j-1 are a name (capitalised words, no article), a pronoun for a person, or a
    possessive and a kin noun ("her husband", "His father"), which names one as a name does."""
    ctx = s.ctx
    if j - i == 1 and ctx.word(i) in _person_pronouns(ctx.L.code):
        return True
    if j - i == 2 and ctx.word(i) in ctx.L.possessive_determiners and ctx.word(i + 1) in ctx.L.kin_nouns:
        return True
    return ctx.word(i) not in ctx.L.not_names and all(ctx.is_cap(k) or not ctx.is_word(k) for k in range(i, j))


@TYPE_RULES.register("identity", lambda s: s.u.role in ("apposition", "name-appositive", "role-before-name")
                    or _identity_predicate(s))
def _identity(s: TypeScan) -> ClaimType:
    """An apposition or an identity predicate says who or what someone is ("Menteri ESDM, Ignasius
    Jonan", "menjabat sebagai", "is a physician"): a standing fact, background to the news. An
    evaluative one ("is a notorious liar") was typed a position by the rule before."""
    return ClaimType.background


@TYPE_RULES.register("copula-identity", _copula_identity)
def _copula_identity_type(s: TypeScan) -> ClaimType:
    return ClaimType.background


def _possession(s: TypeScan) -> bool:
    """What something has, told in the outlet's voice with the possession as the claim's own first
    verb ("Turki punya hubungan dekat dengan Qatar dan memiliki pangkalan militer di Doha"): a
    standing fact, background to the news. Not in a relative clause ("Banyak negara yang memiliki
    kepentingan … ingin membantu": the noun's, not the claim's predicate), not tied to an occasion
    ("sudah memiliki", a date), not in a quote or a paraphrase (what a source says something has
    is their assessment or report)."""
    ctx, verbs, speaker = s.ctx, s.ctx.L.possession_verbs, s.u.speaker
    if not verbs or s.u.quote or speaker is None or speaker.kind != SpeakerKind.publisher:
        return False  # (a unit made without a speaker is nobody's voice)
    claim, lower = s.tokens, ctx.idx.lower
    if verbs.isdisjoint(lower[claim.start:claim.stop]):
        return False
    if _episodic(s):
        return False
    found = _first_predicate(s)
    if found is None:
        return False
    lead, first = found
    return lower[first] in verbs and not in_relative(ctx, s.u.start, ctx.idx.starts[lead])


def _first_predicate(s: TypeScan) -> tuple[int, int] | None:
    """Where the claim's predicate starts and its first verb, past the adverbs the table counts as
    auxiliaries ("Turki juga punya …", "masih memiliki", "hanya punya"). A modal, a wish or a
    negation stops there ("bisa memiliki", "ingin memiliki": what may be or is wanted, not what is;
    "tidak memiliki dokumen", "belum memiliki tempat": a lack, which the news reports)."""
    ctx, lower = s.ctx, s.ctx.idx.lower
    L = ctx.L
    lead = None
    for k in s.tokens:
        w = lower[k]
        if w in L.auxiliaries and not L.conditional_needs.pattern.fullmatch(w) and w not in L.stance_verbs \
                and not L.negated.pattern.fullmatch(w):
            lead = k if lead is None else lead
            continue
        if w in L.possession_verbs or ctx.is_verb(k) or w in L.auxiliaries:
            return (k if lead is None else lead), k
        lead = None  # a word between: the adverbs before it were not the predicate's
    return None


@TYPE_RULES.register("possession", _possession)
def _possession_type(s: TypeScan) -> ClaimType:
    return ClaimType.background


_LOCATION_CUES = ("location_predicates",)


def _located(s: TypeScan) -> bool:
    """A claim made of a noun and its relative clause that says where the noun stands ("Restoran
    Nusa Dua yang berada di London", "Grup yang bermarkas di Singapura"; ``location_predicates``):
    a standing fact about a place or a body, background. As a main
    predicate these say as often where an incident was or someone is ("TKP berlokasi di depan
    warung", "Konflik itu berpusat di Dili", "Jokowi berada di Bogor"): an event, left to the
    rules after. Not tied to an occasion (a date, an aspect marker), not in a verbatim quote."""
    ctx, u = s.ctx, s.u
    if u.role not in RELATIVE_CLAIMS or u.quote or not cue_within(ctx, _LOCATION_CUES, u.start, u.end) \
            or _episodic(s):
        return False
    start = relative_content_start(ctx, u.start, u.end)
    cues = {a for a, _ in ctx.cues(ctx.L.location_predicates, start, u.end)}
    return bool(cues) and _predicate_is(s, start, cues)


def _predicate_is(s: TypeScan, start: int, cues: set[int]) -> bool:
    """Whether the claim's first predicate from ``start`` on, past its subject and auxiliaries,
    starts at one of ``cues``: not after a comma or a relative pronoun (a side clause), nor after
    another verb."""
    ctx, lower = s.ctx, s.ctx.idx.lower
    for k in ctx.idx.between(start, s.u.end):
        if ctx.idx.starts[k] in cues:
            return True
        if lower[k] == "," or (lower[k] in ctx.L.relative and ctx.idx.starts[k] > start):
            return False
        if ctx.is_verb(k) and lower[k] not in ctx.L.auxiliaries:
            return False
    return False


@TYPE_RULES.register("location", _located)
def _location_type(s: TypeScan) -> ClaimType:
    return ClaimType.background


def _verbless(s: TypeScan) -> bool:
    """No word in the claim that could be its predicate: a verb, a predicate marker, a resulting
    state ("terdiri", "terbuka"), or an auxiliary, which stands before a predicate the morphology
    does not mark ("masih dalam pengejaran", "sedang ramai")."""
    ctx, L = s.ctx, s.ctx.L
    states = tuple(L.stative_prefixes)
    for k in s.tokens:
        w = ctx.word(k)
        if w in L.predicate_markers or w in L.auxiliaries or ctx.is_verb(k):
            return False
        if states and w.startswith(states) and ctx.is_word(k):
            return False
    return True


@TYPE_RULES.register("verbless", lambda s: s.ctx.L.verbless_background and not s.u.quote and _verbless(s))
def _verbless_type(s: TypeScan) -> ClaimType:
    """A claim in the outlet's voice with no predicate at all ("seksi I Kunciran, Pakojan",
    "Restoran milik Usya Suharjono") names or describes: background, nothing happens in it. Where
    the table says a missing verb can be seen (``verbless_background``: a morphology marks verbs)."""
    return ClaimType.background


def _event_marked(s: TypeScan) -> bool:
    """An event marker of the claim's own predicate ("sudah kami salurkan", "we were told")."""
    if not s.has("event_markers"):
        return False
    ctx = s.ctx
    return any(_marks_event(s, ctx.idx.between(a, b)) for a, b in ctx.cues(ctx.L.event_markers, s.u.start, s.u.end))


def _marks_event(s: TypeScan, cue: range) -> bool:
    """A past copula ("was", "were") before a noun phrase states what something or someone was
    ("it was an embarrassment", "his father was a coal miner"): an assessment or a standing fact,
    no occasion. Before a participle ("we were told"), in an existential ("there was carnage") or
    closing a clause ("no one knew who she was") it stays a past tense marker."""
    ctx, claim = s.ctx, s.tokens
    if ctx.word(cue.start) not in _identity_copulas(ctx.L.code):
        return True
    if cue.start > claim.start and ctx.match_seq(cue.start - 1, ctx.L.existentials, claim.stop) > 1:
        return True  # "there was a crash": something happened
    j, stop = cue.stop, claim.stop
    while j < stop and ctx.is_word(j) and ctx.word(j) in ctx.L.auxiliaries:
        j += 1  # "was also the …", "was not a …"
    return j >= stop or (ctx.word(j) not in ctx.L.np_articles and ctx.word(j) not in ctx.L.possessive_determiners)


@TYPE_RULES.register("quote-event", lambda s: s.u.quote and _event_marked(s))
def _quote_event(s: TypeScan) -> ClaimType:
    """A verbatim quote that reports a completed event ("sudah kami salurkan", "we were told")."""
    return ClaimType.event_property


@cache
def _happening_verbs(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in clause_table(lang).happening_verbs)


def _happening(s: TypeScan) -> bool:
    """A verb that says something happened or changed as the claim's own predicate ("terjadi
    kenaikan sedikit", "awal Januari terus meningkat secara tajam"): what the speaker reports is
    an event. Not one inside a relative clause ("apa yang terjadi", "yang biasa terjadi": a noun
    of the claim), nor after a complementiser ("X menjadi rujukan bahwa persekusi terjadi …":
    the happening is what the claim's own predicate shows), nor under a verb of stance or wishing ("Kita
    harapkan tidak terjadi rush"), nor in a claim that is not asserted or denied, nor with a modal,
    a future or a condition in it ("dapat meningkat", "tidak akan terjadi", "manakala harga naik")."""
    ctx, verbs = s.ctx, _happening_verbs(s.ctx.L.code)
    if not verbs or s.modality not in (Modality.asserted, Modality.negated):
        return False
    claim, lower = s.tokens, ctx.idx.lower
    if verbs.isdisjoint(lower[claim.start:claim.stop]):
        return False
    if not ctx.L.stance_verbs.isdisjoint(lower[claim.start:claim.stop]):
        return False
    if _modal_within(s) or ctx.cues(ctx.L.conditional, s.u.start, s.u.end):
        return False
    for k in claim:
        if lower[k] in ctx.L.complementisers:
            return False  # what follows is what the claim's own predicate says or shows
        if lower[k] in verbs and not in_relative(ctx, s.u.start, ctx.idx.starts[k]):
            return True
    return False


def _modal_within(s: TypeScan) -> bool:
    """A future or modal word in the claim ("dapat meningkat", "tidak akan terjadi"): what may or
    will happen, not what did."""
    return bool(s.ctx.cues(s.ctx.L.conditional_needs, s.u.start, s.u.end))


@TYPE_RULES.register("quote-happening", lambda s: s.u.quote and _happening(s))
def _quote_happening(s: TypeScan) -> ClaimType:
    """A verbatim quote that reports something happening or changing ("harga terus meningkat")."""
    return ClaimType.event_property


@cache
def _perfect_words(lang: str) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    t = clause_table(lang)
    return (frozenset(w.lower() for w in t.perfect_auxiliaries), tuple(t.adverb_endings),
            frozenset(w.lower() for w in t.passive_auxiliaries))


def _perfect_act(s: TypeScan) -> bool:
    """A perfect with the participle of an act ("I have decided to endorse", "staffers have
    rightly apologized"): a completed act, reported. Not "has been" (what has gone on and still
    does: "She has been fighting her entire life"), nor "has" as a verb ("He has experience")."""
    auxiliaries = _perfect_words(s.ctx.L.code)[0]
    ctx, claim = s.ctx, s.tokens
    lower = ctx.idx.lower
    if not auxiliaries or auxiliaries.isdisjoint(lower[claim.start:claim.stop]):
        return False
    for k in claim:
        if lower[k] not in auxiliaries or (k > claim.start and ctx.L.conditional_needs.pattern.fullmatch(lower[k - 1])):
            continue  # "would have allowed", "could have known": what did not happen, or may have
        if _participle_after(s, k + 1):
            return True
    return False


def _participle_after(s: TypeScan, j: int) -> bool:
    """An act's participle at token j, after auxiliaries and adverbs ("rightly apologized")."""
    auxiliaries, adverbs, passives = _perfect_words(s.ctx.L.code)
    ctx, stop, lower = s.ctx, s.tokens.stop, s.ctx.idx.lower
    while j < stop and ctx.is_word(j) and (lower[j] in ctx.L.auxiliaries or lower[j].endswith(adverbs)):
        j += 1
    return j < stop and ctx.is_verb(j) and lower[j] not in passives and lower[j] not in auxiliaries


@TYPE_RULES.register("quote-perfect", lambda s: s.u.quote and _perfect_act(s))
def _quote_perfect(s: TypeScan) -> ClaimType:
    """A verbatim quote that reports a completed act in the perfect ("I have decided to …")."""
    return ClaimType.event_property


def _own_act(s: TypeScan) -> bool:
    """The speaker's own act in the object-focus voice ("Sekarang ini kita kerjakan secara
    terintegrasi", "Kita sampaikan surat maklumat"): a first-person agent right before the verb
    it is the agent of, which the morphology marks (``Ctx.is_verb``); not a verb of knowing,
    thinking or wishing (``stance_verbs``: "kami tahu …", "saya harapkan …" state a view). Where
    the table has such agents (``object_focus_agents``)."""
    ctx, claim = s.ctx, s.tokens
    agents = ctx.L.object_focus_agents
    if not agents or agents.isdisjoint(ctx.idx.lower[claim.start:claim.stop]):
        return False
    stances = ctx.L.stance_verbs
    return any(ctx.word(k) in agents and k + 1 < claim.stop and ctx.is_verb(k + 1)
               and not _no_act(ctx, ctx.word(k + 1), stances) for k in claim)


def _no_act(ctx: Ctx, w: str, stances: frozenset[str]) -> bool:
    """An auxiliary, a copula ("Masa depan kami adalah …") or a verb of stance after the agent."""
    return w in ctx.L.auxiliaries or w in ctx.L.copulas or w in stances


@TYPE_RULES.register("quote-own-act", lambda s: s.u.quote and _own_act(s))
def _quote_own_act(s: TypeScan) -> ClaimType:
    """A verbatim quote in which the speaker reports what they do or did ("kami salurkan")."""
    return ClaimType.event_property


def _reported_act(s: TypeScan) -> bool:
    """A verbatim quote whose own predicate is an act in the active voice, done by the subject
    before it ("secara bergotong royong warga membersihkan puing", "Partai Nasdem mengumumkan
    keputusan"): the speaker tells what was done, an event. The claim's first verb, after a
    subject that is neither the speaker (``quote-own-act``) nor a complementiser or relative
    pronoun; not a verb of being, having or stance ("menjadi", "memiliki", "mengharapkan": they
    state a view or a standing fact), nor one under a modal ("bisa mengganggu"); asserted or
    denied. Where the table names the active voice's prefixes (``active_prefixes``)."""
    ctx, prefixes = s.ctx, s.ctx.L.active_prefixes
    if not prefixes or s.modality not in (Modality.asserted, Modality.negated) or _modal_within(s):
        return False
    claim = s.tokens
    k = next((k for k in claim if ctx.is_verb(k) or ctx.word(k) in ctx.L.auxiliaries), None)
    if k is None:
        return False
    verb = ctx.word(k)
    if not verb.startswith(prefixes) or verb in ctx.L.verbs or _not_an_act(ctx, verb):
        return False
    return _agent_before(s, claim.start, k)


_SUBJECT_WORDS = 5  # words a subject before its verb may have ("secara bergotong royong warga")


def _agent_before(s: TypeScan, i: int, k: int) -> bool:
    """Tokens i..k-1 are a short subject: words only (after an opening quote mark), none a
    preposition, a subordinator, a complementiser, a relative pronoun or a word of stance ("siap
    menemui": a pledge), not the speaker (``quote-own-act``) and not a demonstrative that sums up
    what was said ("Ini membuktikan …", "hal tersebut melanggar …": an assessment)."""
    ctx, L = s.ctx, s.ctx.L
    while i < k and not ctx.is_word(i):
        i += 1
    if not 0 < k - i <= _SUBJECT_WORDS or _sums_up(s, i, k):
        return False
    stances = L.stance_verbs
    return all(ctx.is_word(j) and not _no_subject_word(ctx, ctx.word(j), stances) for j in range(i, k))


def _sums_up(s: TypeScan, i: int, k: int) -> bool:
    """A subject that points back to what was said: a demonstrative ("Ini membuktikan …"), alone
    or after a noun of statements ("hal tersebut melanggar …"); or a lone word with the pronoun
    suffix, which opens a sentence as an adverb."""
    ctx = s.ctx
    if ctx.word(i) in ctx.L.demonstratives:
        return True
    suffix = ctx.L.pronoun_suffix
    if k - i == 1 and suffix and ctx.word(i).endswith(suffix):
        return True  # a sentence adverb ("Khususnya mengembangkan …", "Intinya …"), no agent
    return k - i == 2 and ctx.word(k - 1) in ctx.L.demonstratives \
        and ctx.word(i) in discourse_words(ctx.L.code).anaphoric_nouns


def _no_subject_word(ctx: Ctx, w: str, stances: frozenset[str]) -> bool:
    L = ctx.L
    return w in L.np_stops or w in L.subject_breakers or w in L.subordinators or w in L.complementisers \
        or w in L.relative or w in L.object_focus_agents or w in stances


def _not_an_act(ctx: Ctx, verb: str) -> bool:
    """A verb of having, of stance or of causing ("menjadikannya tantangan"): what it says is
    held, not done; or a word that only looks like an active verb (``not_acts``: "memang")."""
    suffix = ctx.L.pronoun_suffix
    stem = verb[: -len(suffix)] if suffix and verb.endswith(suffix) else verb
    return verb in ctx.L.possession_verbs or verb in ctx.L.stance_verbs \
        or stem in ctx.L.causatives or verb in ctx.L.not_acts


@TYPE_RULES.register("quote-act", lambda s: s.u.quote and _reported_act(s))
def _quote_act(s: TypeScan) -> ClaimType:
    """A verbatim quote that tells what someone did ("warga membersihkan puing")."""
    return ClaimType.event_property


@TYPE_RULES.register("quote-position", lambda s: s.u.quote)
def _quote_position(s: TypeScan) -> ClaimType:
    """A verbatim quote with no more specific type is the speaker's position. That it is
    verbatim stays in the claim's rules (``unit.quote``)."""
    return ClaimType.position


@TYPE_RULES.register("event", lambda s: True)
def _event(s: TypeScan) -> ClaimType:
    return ClaimType.event_property


def typed(ctx: Ctx, u: Unit, figures: list[Figure], modality: Modality,
          published: date | None = None) -> tuple[ClaimType, str]:
    """The claim's type and the name of the rule that decided it (the first that applies)."""
    fired = TYPE_RULES.first(ctx.L.code, TypeScan(ctx, u, figures, modality, published))
    if fired is None or fired[1] is None:  # unreachable: the last rule always applies
        return ClaimType.event_property, "type.event"
    return fired[1], fired[0]


def claim_type(ctx: Ctx, u: Unit, figures: list[Figure], modality: Modality,
               published: date | None = None) -> ClaimType:
    """Typed by what the claim says (see ``typed``)."""
    return typed(ctx, u, figures, modality, published)[0]
