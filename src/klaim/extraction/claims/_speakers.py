"""Who a speaker is: the speaker reference, the article's registry of people, and what a phrase in
the speaker's slot names (a person, a role, an organisation, a pronoun, an anonymous source)."""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from klaim.extraction.claims._context import OPENING, Ctx
from klaim.extraction.claims._names import (
    NAME_WORDS_AT_END,
    RunScan,
    capitalised_common_noun,
    initial_dot,
    name_start_after_role,
    name_stops,
    names_an_organisation,
    opens_sentence,
    past_determiners,
    regional_office,
    role_body_end,
    role_organisation,
    role_words_from,
    unnamed_office,
    with_portfolio,
    written_lower_elsewhere,
)
from klaim.extraction.claims._speaker_phrases import (
    CLAUSE_END_MARKS,
    CLOSING_DESCRIPTION_WORDS,
    INTRODUCED_KEPT,
    PhraseFillers,
    TokenRange,
    before_bracketed_affiliation,
    calls_by_name_prefix,
    end_before_occasion,
    end_before_time,
    nickname_after,
    np_context,
    place_at_end,
    role_starts,
    run_end,
)
from klaim.extraction.claims._table import claims_table
from klaim.schema import SpeakerKind


@dataclass(frozen=True)
class SpeakerRef:
    kind: SpeakerKind
    name: str | None = None
    role: str | None = None
    organisation: str | None = None
    mention: tuple[int, int] | None = None
    cue: str | None = None
    via: str | None = field(default=None, compare=False)  # the rule that resolved a pronoun


PUBLISHER = SpeakerRef(SpeakerKind.publisher)
NAMED_ORGANISATION = "speaker.named-organisation"  # the rule behind "The Sanders campaign" as an organisation


def _moved(ref: SpeakerRef, **changes: object) -> SpeakerRef:
    """``dataclasses.replace`` of a speaker without its look-up of every field: a speaker is
    copied at each cue, with the mention and cue of that place (a quarter of resolving one).
    SpeakerRef has no ``__post_init__`` to run."""
    new = object.__new__(SpeakerRef)
    fields = new.__dict__
    fields.update(ref.__dict__)
    fields.update(changes)
    return new


@dataclass
class NP:
    role: str | None
    organisation: str | None
    name: str | None


class Registry:
    """People named in the article, so that "Stoltenberg" resolves to "Jens Stoltenberg"."""

    def __init__(self, ctx: Ctx):
        self.ctx = ctx
        self.full: dict[str, SpeakerRef] = {}
        self.by_token: dict[str, SpeakerRef] = {}
        # indexes over ``full`` so that a look-up does not scan every name in the article
        self._with_token: dict[str, list[str]] = {}  # word → full names containing it
        self._order: dict[str, int] = {}  # full name → when it was registered
        self._by_role: dict[str, str] = {}  # lower-cased role → first registered name with it
        self.last_person: SpeakerRef | None = None
        self.last_group: SpeakerRef | None = None
        self.mentions: list[tuple[int, SpeakerRef]] = []  # (offset, person) of titled names
        # first word → capitalised name it opens (None: it opens none), found per word when asked
        self._name_runs: dict[str, str | None] = {}
        self._run_scan = RunScan(ctx)
        self._short_names = calls_by_name_prefix(ctx.L.code)
        # unnamed sources introduced with an indefinite article ("seorang komandan aliansi militer",
        # "a senior official"), by their words, for a later "Komandan itu" / "the official"
        # (the last few only: a look-up scans them, and an article may introduce thousands)
        self.described: deque[tuple[frozenset[str], SpeakerRef]] = deque(maxlen=INTRODUCED_KEPT)
        # what the stages work out from ``full`` and ``by_token``, kept until they change (only in
        # ``_store``, which empties it)
        self.derived: dict[tuple, Any] = {}
        self._learn()

    def pronoun(self, ctx: Ctx, k: int, cue: str) -> SpeakerRef:
        """Whom "dia" / "katanya" points to: the last person speaker or titled person named before
        token k, whichever is nearer; an unnamed person when there is none."""
        pos = ctx.idx.spans[k][0]
        best = self.last_person
        best_pos = best.mention[0] if best and best.mention else -1
        n = bisect_left(self.mentions, pos, key=lambda m: m[0])  # the last titled name before pos
        if n and self.mentions[n - 1][0] > best_pos:
            best = self.mentions[n - 1][1]
        mention = ctx.span(k, k + 1)
        # with no person known yet the discourse stage resolves the pronoun from the names around it
        introduced = self._introduced_after(best_pos, pos) if best is not None else None
        if introduced is not None:
            return _moved(introduced, mention=mention, cue=cue, via="speaker.pronoun-introduced")
        if best is None:
            return SpeakerRef(SpeakerKind.person, mention=mention, cue=cue, via="speaker.pronoun-unresolved")
        return _moved(best, mention=mention, cue=cue, via="speaker.pronoun")

    def _introduced_after(self, after: int, before: int) -> SpeakerRef | None:
        """The unnamed source last introduced with an indefinite article ("seorang pejabat
        kementerian …") between offsets ``after`` and ``before``: "…, katanya" after it is that
        source, not the person named before it (helper idfix, session 13)."""
        for _, speaker in reversed(self.described):
            m = speaker.mention
            # only a source the article keeps anonymous ("seorang pejabat …", "… yang enggan disebut
            # namanya"): an indefinite phrase may name anything ("a court document", "a reporter")
            if m is not None and after < m[0] < before and speaker.kind == SpeakerKind.anonymous:
                return None if self._named_between(m[1], before) else speaker
        return None

    def _named_between(self, start: int, end: int) -> bool:
        """Does a capitalised word of a person the article names stand between the offsets
        (" … seorang saksi mata … Presiden Afghanistan Ashraf Ghani … katanya")?"""
        idx = self.ctx.idx
        first = bisect_left(idx.spans, start, key=lambda s: s[0])
        last = bisect_left(idx.spans, end, key=lambda s: s[0])
        return any(idx.is_cap[t] and idx.lower[t] in self._with_token for t in range(first, last))

    def _learn(self) -> None:
        """Register every "Role (Org) Name Name" mention: roles tell us the run is a person."""
        ctx, n = self.ctx, len(self.ctx.idx.spans)
        k = 0
        for t in role_starts(ctx):
            if t < k:
                continue  # inside the run of the name registered before
            k = t
            r = ctx.match_seq(k, ctx.L.roles, n)
            if not r:
                continue
            j = _before_initials(ctx, k + r, run_end(ctx, k + r, n))
            if k > 0 and ctx.word(k - 1) == "(":
                k = max(j, k + 1)  # "(Karopenmas Divhumas) Polri": an abbreviation of the role
                continue
            if j < n and ctx.word(j) in ctx.L.demonstratives and regional_office(ctx, k, j):
                k = j  # "Kapolda Metro Jaya itu": the office of someone named before, no new name
                continue
            np = parse_np(ctx, k, j)
            if np.name:
                self.mentions.append((ctx.idx.spans[k][0], self.add(np.name, np.role, np.organisation)))
            k = max(j, k + 1)

    def add(self, name: str, role: str | None, org: str | None) -> SpeakerRef:
        key = name.lower()
        known = self.full.get(key)
        if known is not None:
            if known.role is None and role:
                known = replace(known, role=role, organisation=org or known.organisation)
                self._store(key, known)
            return known
        ref = SpeakerRef(SpeakerKind.person, name=name, role=role, organisation=org)
        self._store(key, ref)
        return ref

    def _store(self, key: str, ref: SpeakerRef) -> None:
        if self.derived:
            self.derived.clear()
        if key not in self.full:
            self._order[key] = len(self._order)
            for tok in dict.fromkeys(key.split()):
                self._with_token.setdefault(tok, []).append(key)
        self.full[key] = ref
        if ref.role:
            first = self._by_role.get(ref.role.lower())
            if first is None or self._order[key] < self._order[first]:
                self._by_role[ref.role.lower()] = key
        for tok in key.split():
            # a longer full name wins a token: "Stoltenberg" → "Jens Stoltenberg"
            old = self.by_token.get(tok)
            if old is None or len(old.name or "") <= len(ref.name or "") or old.name == ref.name:
                self.by_token[tok] = ref

    def resolve(self, name: str, role: str | None, org: str | None) -> SpeakerRef:
        key = name.lower()
        if key in self.full:
            ref = self.full[key]
        elif len(key.split()) == 1 and key in self.by_token:
            ref = self.by_token[key]
        elif (longer := self._containing(key)) is not None:
            ref = longer  # "Sri Mulyani" → "Sri Mulyani Indrawati"
        elif (fuller := self._fuller_name(key)) is not None:
            ref = self.add(fuller, role, org)  # "tutur Ratna" → "Ratna Sarumpaet", named untitled
        else:
            ref = self.add(name, role, org)
        if role and not ref.role:
            ref = replace(ref, role=role, organisation=org or ref.organisation)
        return ref

    def by_initials(self, acronym: str) -> SpeakerRef | None:
        """The one person named in the article whose capitalised words' initials spell
        ``acronym`` ("JK" for Jusuf Kalla, "SBY" for Susilo Bambang Yudhoyono), if exactly one."""
        table = self.derived.get(("initials",))
        if table is None:
            table = {}
            for ref in self.full.values():
                letters = "".join(w[0] for w in (ref.name or "").split() if w[:1].isupper())
                if len(letters) >= 2:
                    table.setdefault(letters, []).append(ref)
            self.derived[("initials",)] = table
        hits = table.get(acronym, ())
        return hits[0] if len(hits) == 1 else None

    def _fuller_name(self, key: str) -> str | None:
        """The name a one-word speaker opens in the article, when the article first named the
        person without a title ("Aktivis perempuan Ratna Sarumpaet bertandang …"), so no role
        registered it."""
        # only where people go by the start of their name (table); a name of two words asks nothing
        if not self._short_names or len(key.split()) != 1:
            return None
        if key not in self._name_runs:
            self._name_runs[key] = self._run_scan.first_run(key)
        return self._name_runs[key]

    def _containing(self, key: str) -> SpeakerRef | None:
        """The one registered full name that contains ``key`` as whole words, if exactly one."""
        words = key.split()
        if not words:
            return None
        padded = f" {key} "
        hits = [full for full in self._with_token.get(words[0], ()) if padded in f" {full} "]
        return self.full[hits[0]] if len(hits) == 1 else None

    def by_role(self, role: str) -> SpeakerRef | None:
        """The first person registered with this role."""
        key = self._by_role.get(role.lower())
        return self.full[key] if key is not None else None


def _before_initials(ctx: Ctx, start: int, j: int) -> int:
    """End of a name run before a closing bracket that spells the initials of the run's
    capitalised words before it ("Wakil Presiden Jusuf Kalla (JK)"): the name's short form, not
    part of the name (helper idfix, session 13)."""
    if j - start < 5 or ctx.word(j - 1) != ")" or ctx.word(j - 3) != "(":
        return j
    short = ctx.surface(j - 2)
    if not short.isalpha() or not short.isupper() or len(short) < 2:
        return j
    first = j - 3 - len(short)
    if first < start or ctx.word(first) in ctx.L.organisation_heads:
        return j  # "Dewan Kehormatan Penyelenggara Pemilu (DKPP)": an organisation's acronym
    words = [ctx.surface(t) for t in range(first, j - 3)]
    return j - 3 if "".join(w[:1] for w in words) == short else j


def parse_np(ctx: Ctx, i: int, j: int) -> NP:
    """Split a speaker phrase into role ("Menteri Luar Negeri AS"), organisation and name.

    The name is the capitalised run at the end of the phrase; it stops at an acronym, a bracket,
    a known place or organisation, a title ("Irjen Pol") or the role words, so that
    "Kepala Divisi Humas Polri Irjen Pol Boy Rafli Amar" gives the name "Boy Rafli Amar".

    Kept per article for the phrase and what the rules read around it (``np_context``): a
    person named with a title in every sentence is parsed once. The NP returned is shared: read only.
    """
    if not 0 <= i < j <= len(ctx.idx.spans):
        return _parse_np(ctx, i, j)
    key = np_context(ctx, i, j)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = _parse_np(ctx, i, j)
    return hit


def _parse_np(ctx: Ctx, i: int, j: int) -> NP:
    start = past_determiners(ctx, i, j)
    titles = role_words_from(ctx, start, j)
    if unnamed_office(ctx, titles, j):
        return NP(role=ctx.phrase(start, j), organisation=None, name=None)
    role_end = with_portfolio(ctx, titles, j)
    stops = name_stops(ctx, start, j)
    name_start = name_start_after_role(ctx, role_end, j, stops)
    body_end = role_body_end(ctx, start, name_start, stops)
    role = ctx.phrase(start, body_end) if role_end > start and body_end > start else None
    organisation = role_organisation(ctx, start, role_end, body_end)
    if role and organisation is None and names_an_organisation(ctx, name_start, j):
        return NP(role=role, organisation=ctx.phrase(name_start, j), name=None)
    name = ctx.phrase(name_start, j) if name_start < j and not _office_ends(ctx, role, j) else None
    return NP(role=role, organisation=organisation, name=name)


def _office_ends(ctx: Ctx, role: str | None, end: int) -> bool:
    """Does a titled phrase end in a derived noun ("Menteri Koordinator Bidang Perekonomian",
    "Kepala Badan Pengawasan Keuangan dan Pembangunan")? Then it names an office, and its last
    words are no person's name."""
    return role is not None and ctx.L.is_derived_noun(ctx.word(end - 1))


def is_anonymous(ctx: Ctx, phrase: str) -> bool:
    # once per phrase and article: a speaker named in every sentence is asked about every time
    key = ("attribution.anonymous", phrase)
    hit = ctx.memo.get(key)
    if hit is None:
        low = phrase.lower()
        hit = ctx.memo[key] = any(p.search(low) for p in ctx.L.anonymous)
    return hit


@dataclass(slots=True)
class _Phrase:
    """A speaker phrase: tokens i..j-1 of the article, said with the cue ``cue``."""

    ctx: Ctx
    reg: Registry
    i: int
    j: int
    cue: str

    @property
    def mention(self) -> tuple[int, int]:
        return self.ctx.span(self.i, self.j)

    @property
    def text(self) -> str:
        return self.ctx.phrase(self.i, self.j)

    @property
    def first(self) -> str:
        return self.ctx.word(self.i)


LISTED_ORGANISATION = "speaker.listed-organisation"


def _listed_organisation(p: _Phrase) -> Decision:
    """ "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)": an organisation's head word that
    opens a name with a list of capitalised items inside it names one organisation, the whole
    phrase (not a group of several, not a person called "Geofisika"; helper idfix, session 14)."""
    ctx = p.ctx
    if p.first not in ctx.L.organisation_heads or not ctx.is_cap(p.i) \
            or not any(ctx.word(t) in ctx.L.list_coordinators for t in range(p.i + 2, p.j - 1)):
        return UNDECIDED
    if not all(ctx.is_cap(t) or not ctx.is_word(t) or ctx.word(t) in ctx.L.list_coordinators
               for t in range(p.i, p.j)) or any(ctx.word(t) in ctx.L.organisation_heads for t in range(p.i + 1, p.j)):
        # "Partai Demokrat dan Partai Gerindra": two organisations
        return UNDECIDED
    return SpeakerRef(SpeakerKind.organisation, name=p.text, organisation=p.text, mention=p.mention, cue=p.cue,
                      via=LISTED_ORGANISATION)


NAMED_BEFORE = "speaker.organisation-named-before"
_NAME_RUN_WORDS = 5  # capitalised words at most before an organisation's head in its name ("U.S. State Department")


def _organisation_named_before(p: _Phrase) -> Decision:
    """ "the department said" after "the Labor Department": an article and an organisation's head
    in lower case are the organisation the article named with that head before, when it named one
    only (a name that ends in another is the same: "State Department", "U.S. State Department").
    Nothing is guessed from other words ("the newspaper", "the campaign") (helper enspk, session 15)."""
    ctx, L = p.ctx, p.ctx.L
    if p.j - p.i != 2 or p.first not in L.np_articles or ctx.word(p.i + 1) not in L.organisation_heads \
            or ctx.is_cap(p.i + 1):
        return UNDECIDED
    names = sorted({n for n in (_name_ending_at(ctx, t) for t in ctx.positions(ctx.word(p.i + 1)) if t < p.i) if n},
                   key=len)
    if not names or not all(names[-1].endswith(n) for n in names):
        return UNDECIDED
    return SpeakerRef(SpeakerKind.organisation, name=names[-1], organisation=names[-1], mention=p.mention,
                      cue=p.cue, via=NAMED_BEFORE)


def _name_ending_at(ctx: Ctx, head: int) -> str | None:
    """The capitalised name of two or more words that ends in the capitalised head at token head
    ("Labor Department"), without an article that opens it; None when there is none."""
    if not ctx.is_cap(head):
        return None
    L, start = ctx.L, head
    while start > 0 and head - start < _NAME_RUN_WORDS and ctx.is_word(start - 1) and ctx.is_cap(start - 1) \
            and ctx.word(start - 1) not in L.np_articles:
        start -= 1
    if any(ctx.word(t) in L.np_stops or ctx.is_verb(t) for t in range(start, head)):
        return None  # a title-case headline ("Terror Suspect Named By Police"), no name
    return ctx.phrase(start, head + 1) if start < head else None


class _Undecided:
    """A speaker rule that does not apply: the next one is tried."""


UNDECIDED = _Undecided()
Decision = SpeakerRef | None | _Undecided  # None: the phrase names no speaker at all


def speaker_from_np(ctx: Ctx, reg: Registry, i: int, j: int, cue: str) -> SpeakerRef | None:
    """Classify the speaker phrase tokens i..j-1 (person, organisation, group, anonymous): the
    first speaker rule that applies decides."""
    j = before_bracketed_affiliation(ctx, i, end_before_time(ctx, i, end_before_occasion(ctx, i, j)))
    j = before_home_place(ctx, i, j)
    if j <= i:
        return None
    phrase = _Phrase(ctx, reg, i, j, cue)
    speaker = _apposed_holder(phrase) or _state_speaker(phrase, _classified(phrase))
    if speaker is not None and speaker.kind in (SpeakerKind.group, SpeakerKind.person, SpeakerKind.anonymous):
        _remember_introduced(phrase, speaker)
    return speaker


APPOSED_HOLDER = "speaker.apposed-holder"
_APPOSED_NAME_TOKENS = 6  # tokens at most of a rank and a name set off after a title ("Kombes Halim Pagarra")


def _apposed_holder(p: _Phrase) -> SpeakerRef | None:
    """ "kata Manajer Humas Daop 2 KAI, Joni Martinus, melalui telepon": a title set off by a comma
    from the name after it is that person's; the apposed name is the speaker, not the office (helper
    idfix, session 15). A name of two words at least, not a known place or organisation."""
    ctx, n = p.ctx, len(p.ctx.idx.spans)
    k = p.j
    if k + 2 >= n or ctx.word(k) != "," or not ctx.match_seq(p.i, ctx.L.roles, p.j):
        return None
    end = k + 1
    while end < n and end - k <= _APPOSED_NAME_TOKENS and (ctx.is_cap(end) or initial_dot(ctx, end)):
        end += 1
    if end >= n or end - k - 1 < 2 or ctx.gazetteer_at(k + 1, end)[0] or ctx.word(k + 1) in ctx.L.organisation_heads:
        return None
    np = parse_np(ctx, k + 1, end)
    if not np.name or len(np.name.split()) < 2 or np.organisation:
        return None
    role = ctx.phrase(p.i, p.j)
    return _moved(p.reg.resolve(np.name, role, None), mention=p.mention, cue=p.cue, via=APPOSED_HOLDER)


@cache
def _country_names(lang: str) -> dict[str, str]:
    """Lower-cased country names and aliases of the table (``countries``, ``country_aliases``) →
    the country's name."""
    t = claims_table(lang)
    return {n.lower(): n for n in t.countries} | {a.lower(): n for a, n in t.country_aliases.items()}


STATE = "speaker.country"


def _state_speaker(p: _Phrase, speaker: SpeakerRef | None) -> SpeakerRef | None:
    """ "Bangladesh … dan mengatakan", "Israel menyebut …": a country that speaks is its state, an
    organisation, not a person or a group. A phrase with other words before the country is its
    organisation when an organisation's head opens it ("Pemerintah Afghanistan"), an unnamed official
    when a role does ("Pejabat senior Bangladesh"), else some of its people ("Pengungsi Burundi"): a
    group (helper idfix, session 13)."""
    if speaker is None or speaker.kind not in (SpeakerKind.person, SpeakerKind.group) or not speaker.name:
        return speaker
    names = _country_names(p.ctx.L.code)
    country = names.get(speaker.name.lower())
    if country is None:
        return speaker
    if p.j - p.i == 1 or p.text.lower() in names:  # the country itself, or a pronoun for it
        return _moved(speaker, kind=SpeakerKind.organisation, name=country, organisation=country, role=None,
                      via=STATE)
    if p.first in p.ctx.L.organisation_heads:
        return _moved(speaker, kind=SpeakerKind.organisation, name=p.text, organisation=country, role=None,
                      via=STATE)
    if p.ctx.match_seq(p.i, p.ctx.L.roles, p.j):  # "Pejabat senior Bangladesh": an unnamed official
        return SpeakerRef(SpeakerKind.person, role=p.text, organisation=country, mention=p.mention, cue=p.cue,
                          via=STATE)
    return SpeakerRef(SpeakerKind.group, name=p.text, mention=p.mention, cue=p.cue, via=STATE)


def _classified(phrase: _Phrase) -> SpeakerRef | None:
    for rule in (_not_a_speaker, _cited_speaker, _pronoun_speaker, _pronoun_cue_speaker, _document_speaker,
                 _described_before, _closing_person_description, _description_speaker, _listed_organisation,
                 _organisation_named_before):
        hit = rule(phrase)
        if not isinstance(hit, _Undecided):
            return hit
    np = parse_np(phrase.ctx, phrase.i, phrase.j)
    for np_rule in (_anonymous_speaker, _member_speaker, _group_speaker, _plural_speaker, _connected_organisation,
                    _named_speaker, _role_speaker):
        hit = np_rule(phrase, np)
        if not isinstance(hit, _Undecided):
            return hit
    return _bare_speaker(phrase)


def _content_words(ctx: Ctx, i: int, j: int) -> frozenset[str]:
    """The words of a description without its articles, determiners and demonstratives."""
    L = ctx.L
    return frozenset(ctx.word(t) for t in range(i, j) if ctx.is_word(t) and ctx.word(t) not in L.np_articles
                     and ctx.word(t) not in L.demonstratives)


_INTRODUCED_WORDS = 6  # words at most of an introduced source's description kept for matching


def _remember_introduced(p: _Phrase, speaker: SpeakerRef) -> None:
    """Keep an unnamed source introduced with an indefinite article ("seorang komandan aliansi
    militer yang …", "a senior official"), by the words of its description before any clause."""
    ctx, L = p.ctx, p.ctx.L
    if p.first not in L.np_articles or p.first in _person_nouns(L.code)[0] \
            or any(ctx.is_cap(t) for t in range(p.i + 1, p.j)):
        return
    end = next((t for t in range(p.i + 1, p.j) if ctx.word(t) in L.np_stops or ctx.word(t) in L.relative
                or not ctx.is_word(t)), p.j)
    words = _content_words(ctx, p.i, min(end, p.i + 1 + _INTRODUCED_WORDS))
    if words:
        p.reg.described.append((words, speaker))


def _described_before(p: _Phrase) -> Decision:
    """ "Komandan itu mengatakan", "The commander said": a definite description whose words all
    describe an unnamed source introduced before ("seorang komandan aliansi militer") is that source."""
    ctx, L = p.ctx, p.ctx.L
    definite = ctx.word(p.j - 1) in L.demonstratives or p.first in _person_nouns(L.code)[0] \
        or p.first in L.demonstratives
    if not p.reg.described or not definite or p.j - p.i > _DESCRIPTION_WORDS \
            or any(ctx.is_cap(t) and t > p.i for t in range(p.i, p.j)):
        return UNDECIDED
    words = _content_words(ctx, p.i, p.j)
    for known, speaker in reversed(p.reg.described):
        if words and words <= known:
            return _moved(speaker, mention=p.mention, cue=p.cue, via="speaker.introduced-description")
    return UNDECIDED


def _not_a_speaker(p: _Phrase) -> Decision:
    """ "Peraturan ini menyebutkan …", "the law says …", "Penulis menilai …": a law or rule is
    never a speaker, and the article's own writer is the publisher."""
    return None if p.ctx.match_seq(p.i, p.ctx.L.not_speakers, p.j) else UNDECIDED


CITED_SOURCE = "speaker.cited-source"


def _cited_speaker(p: _Phrase) -> Decision:
    """ "according to preliminary exit polling reported by CNN and The New York Times": the source
    of what a record shows is who reported it, named after the citation words."""
    ctx = p.ctx
    for k in range(p.i + 1, p.j - 1):
        n = ctx.match_seq(k, ctx.L.citations, p.j)
        if n and k + n < p.j:
            ref = speaker_from_np(ctx, p.reg, k + n, p.j, p.cue)
            if ref is not None and ref.via in (None, COORDINATED_ORGANISATIONS):
                return _moved(ref, via=CITED_SOURCE)
            return ref
    return UNDECIDED


def _pronoun_speaker(p: _Phrase) -> Decision:
    """ "mereka" / "they": the last group; "ia" / "he": the person it points back to."""
    L = p.ctx.L
    if p.j - p.i != 1:
        return UNDECIDED
    if p.first in L.plural_pronouns:
        if p.reg.last_group is not None:
            return _moved(p.reg.last_group, mention=p.mention, cue=p.cue)
        return SpeakerRef(SpeakerKind.group, name=p.text, mention=p.mention, cue=p.cue)
    if p.first in L.pronoun_speakers:
        return _moved(p.reg.pronoun(p.ctx, p.i, p.cue), mention=p.mention)
    return UNDECIDED


def _pronoun_cue_speaker(p: _Phrase) -> Decision:
    """ "…," ujarnya menambahkan: a post cue with the pronoun suffix before another cue is no name
    but the cue's own pronoun, the person last named (helper idfix, session 12)."""
    L = p.ctx.L
    suffix = L.pronoun_suffix
    if p.j - p.i != 1 or not suffix or not p.first.endswith(suffix) or p.first[: -len(suffix)] not in L.post_cues:
        return UNDECIDED
    return _moved(p.reg.pronoun(p.ctx, p.i, p.cue), mention=p.mention)


def _document_speaker(p: _Phrase) -> Decision:
    """ "menurut catatan Departemen Kesehatan Inggris": the source is who keeps the document."""
    ctx = p.ctx
    d = ctx.match_seq(p.i, ctx.L.document_words, p.j)
    if not d:
        return UNDECIDED
    k = p.i + d
    while k < p.j and not ctx.is_cap(k):
        k += 1
    org = ctx.phrase(k, p.j) if k < p.j else _document_issuer(ctx, p.j)
    return SpeakerRef(SpeakerKind.organisation, name=org, role=ctx.phrase(p.i, p.i + d),
                      organisation=org, mention=p.mention, cue=p.cue)


def _document_issuer(ctx: Ctx, t: int) -> str | None:
    """ "menurut data yang dirilis Bank Dunia, …": a relative clause right after the document,
    its verb then a name, says who issued it (the phrase of the speaker ends before it)."""
    n = len(ctx.idx.spans)
    if t + 2 >= n or ctx.word(t) not in ctx.L.relative or not ctx.is_verb(t + 1):
        return None
    end = t + 2
    while end < n and ctx.is_cap(end):
        end += 1
    return ctx.phrase(t + 2, end) if end > t + 2 else None


def _closing_person_description(p: _Phrase) -> Decision:
    """ "politisi Partai Demokrasi Indonesia Perjuangan (PDIP) itu", "pria berkumis itu": a
    description opened by a lower-case noun that describes a person (``person_nouns``) and closed
    by a demonstrative is the person last named, whatever names of parties, offices or places it
    holds (helper idfix, session 12)."""
    ctx = p.ctx
    if p.j - p.i < 2 or ctx.is_cap(p.i) or p.first not in _person_nouns(ctx.L.code)[1] \
            or ctx.word(p.j - 1) not in ctx.L.demonstratives:
        return UNDECIDED
    ref = p.reg.pronoun(ctx, p.i, p.cue)
    if not ref.name:
        return UNDECIDED
    return _moved(ref, mention=p.mention, via="speaker.definite-description")


def _description_speaker(p: _Phrase) -> Decision:
    """ "Mantan Kapolda Banten itu mengatakan", "jenderal polisi bintang satu itu": a definite
    description of the person last named."""
    if not _definite_description(p.ctx, p.i, p.j) and not _person_description(p.ctx, p.i, p.j):
        return UNDECIDED
    ref = p.reg.pronoun(p.ctx, p.i, p.cue)
    if not ref.name:
        return UNDECIDED
    return _moved(ref, mention=p.mention, via="speaker.definite-description")


def _anonymous_speaker(p: _Phrase, np: NP) -> Decision:
    if not is_anonymous(p.ctx, p.text):
        return UNDECIDED
    return SpeakerRef(SpeakerKind.anonymous, role=np.role, organisation=np.organisation,
                      mention=p.mention, cue=p.cue)


MEMBER_SPEAKER = "speaker.party-member"  # "Democrats say", "a New Hampshire Republican said"


def _member_speaker(p: _Phrase, np: NP) -> Decision:
    """A phrase headed by a party member's word names no one, though capitalised: the plural is a
    group ("Democrats", "79 percent of Republicans"), the singular after a definite article the
    person last named ("the Wisconsin Republican"), any other singular an unnamed person."""
    ctx = p.ctx
    nouns = ctx.L.member_nouns
    head = ctx.word(p.j - 1)
    suffix = str(ctx.L.plural_suffix or "")
    if not nouns or not ctx.is_cap(p.j - 1):
        return UNDECIDED
    if suffix and head.endswith(suffix) and head[: -len(suffix)] in nouns:
        p.reg.last_group = SpeakerRef(SpeakerKind.group, name=p.text, mention=p.mention, cue=p.cue, via=MEMBER_SPEAKER)
        return p.reg.last_group
    return _one_member(p) if head in nouns else UNDECIDED


def _one_member(p: _Phrase) -> SpeakerRef:
    """ "the Wisconsin Republican": the person last named (the discourse model resolves it again,
    knowing every name mentioned before); "a New Hampshire Democrat": an unnamed person."""
    ctx = p.ctx
    run = p.j - 1
    while run > p.i and ctx.is_cap(run - 1) and ctx.is_word(run - 1) and ctx.word(run - 1) not in ctx.L.np_articles:
        run -= 1  # "New Hampshire Republican": the capitalised run is the role
    role = ctx.phrase(run, p.j)
    definite = _person_nouns(ctx.L.code)[0]
    if p.first in definite or (run > p.i and ctx.word(run - 1) in definite):
        ref = p.reg.pronoun(ctx, p.i, p.cue)
        return _moved(ref, mention=p.mention, role=ref.role if ref.name else role, via="speaker.definite-description")
    return SpeakerRef(SpeakerKind.anonymous, role=role, mention=p.mention, cue=p.cue, via=MEMBER_SPEAKER)


def _is_group_phrase(p: _Phrase) -> bool:
    """ "para pejabat", "pejabat-pejabat", "Ukrainian officials" (a plural role word)."""
    L = p.ctx.L
    last = p.ctx.word(p.j - 1)
    suffix = str(L.plural_suffix or "")
    plural = bool(suffix) and last.endswith(suffix) and (last[: -len(suffix)],) in L.roles
    reduplicated = "-" in p.first and p.first.split("-")[0] == p.first.split("-")[-1]
    return p.first in L.group_determiners or reduplicated or plural


def _group_speaker(p: _Phrase, np: NP) -> Decision:
    if not _is_group_phrase(p):
        return UNDECIDED
    p.reg.last_group = SpeakerRef(SpeakerKind.group, name=p.text, role=np.role, organisation=np.organisation,
                                  mention=p.mention, cue=p.cue)
    return p.reg.last_group


PLURAL_SPEAKER = "speaker.plural-noun"


def _plural_speaker(p: _Phrase, np: NP) -> Decision:
    """ "Aides said", "Prosecutors say", "two out of three Americans feel": a plural word where a
    name would be, of no person the article names, is a group, not a person named "Aides"."""
    if not _common_plural(p, np):
        return UNDECIDED
    p.reg.last_group = SpeakerRef(SpeakerKind.group, name=p.text, mention=p.mention, cue=p.cue, via=PLURAL_SPEAKER)
    return p.reg.last_group


def _common_plural(p: _Phrase, np: NP) -> bool:
    """Is the phrase's last word, its one-word name, a plural that is no one's name: a common noun
    capitalised to open the sentence, or a plural after lower-case words of the phrase ("the vast
    majority of Americans")?"""
    ctx, t = p.ctx, p.j - 1
    word, suffix = ctx.word(t), str(ctx.L.plural_suffix or "")
    if np.role or not suffix or np.name != ctx.surface(t) or not word.endswith(suffix) \
            or len(word) <= len(suffix) + 2 or _names_a_person(p.reg, word):
        return False
    return capitalised_common_noun(ctx, t, word[: -len(suffix)]) if t == p.i else _after_quantity(p, t)


def _after_quantity(p: _Phrase, t: int) -> bool:
    """ "two out of three Americans": lower-case words before token t, and no name among them
    ("the Wilson Center for Scholars" is one)."""
    ctx = p.ctx
    return ctx.is_word(t - 1) and not ctx.is_cap(t - 1) and ctx.word(t - 1) not in ctx.L.np_articles \
        and not any(ctx.is_cap(q) for q in range(p.i + 1, t))


def _named_speaker(p: _Phrase, np: NP) -> Decision:
    """A name: an organisation by the gazetteer or its head word ("Setara Institute"), else a
    person tied to the registry ("Stoltenberg" → "Jens Stoltenberg")."""
    ctx, L = p.ctx, p.ctx.L
    if not np.name:
        return UNDECIDED
    if np.name.lower() in L.not_names or _opening_participle(p):
        return None  # "Selasa", "Namun": a day or a function word, not a speaker
    if np.name.split()[0].lower() in L.location_heads:
        return _regional_speaker(p, np)
    _, hit = ctx.gazetteer_at(p.j - (len(np.name.split())), p.j)
    if hit is not None and hit[0] == "organisation" and not np.role:
        return SpeakerRef(SpeakerKind.organisation, name=hit[1], mention=p.mention, cue=p.cue)
    if not np.role and (any(w.lower() in L.organisation_heads for w in np.name.split())
                        or _definite_institution(p, np)):
        name = _organisation_name(p, np.name)
        return SpeakerRef(SpeakerKind.organisation, name=name, organisation=name,
                          mention=p.mention, cue=p.cue)
    ref = p.reg.resolve(np.name, np.role, np.organisation)
    # with its mention, so that a later "katanya" weighs it against titled people named since
    mention = p.mention
    p.reg.last_person = _moved(ref, mention=mention)
    return _moved(ref, mention=mention, cue=p.cue)


def _definite_institution(p: _Phrase, np: NP) -> bool:
    """ "The Treasury said", "the Kremlin said": one capitalised word after a definite article
    names an institution; a person's name takes no article. Not a plural ("the Clintons", "the
    Saudis"): people; but a compound of capitalised parts ("the Sun-Times", "the Times-Picayune")
    is a title, whatever its last letter."""
    name = np.name or ""
    if not (p.cue or "")[:1].isalpha():
        return False  # a title's label ("The Latest: …") is no source
    return p.j - p.i == 2 and p.ctx.word(p.i) in _person_nouns(p.ctx.L.code)[0] \
        and p.ctx.surface(p.i + 1) == name and (not name.endswith("s") or _capitalised_compound(name))


def _capitalised_compound(name: str) -> bool:
    parts = name.split("-")
    return len(parts) > 1 and all(part[:1].isupper() for part in parts)


def _regional_speaker(p: _Phrase, np: NP) -> SpeakerRef:
    """ "Ketua FPI Kota Sukabumi", "pemerintah Kabupaten Tapanuli Utara": a place (its first word
    a head of the table's ``location_heads``) where a name would be is no person's name. After a
    role it says whose office (an unnamed holder); alone it is the region's government speaking,
    an organisation (helper idfix)."""
    if np.role:
        return SpeakerRef(SpeakerKind.person, role=f"{np.role} {np.name}", organisation=np.organisation,
                          mention=p.mention, cue=p.cue)
    return SpeakerRef(SpeakerKind.organisation, name=np.name, organisation=np.name, mention=p.mention, cue=p.cue)


def _connected_organisation(p: _Phrase, np: NP) -> Decision:
    """ "The Bureau of Labor Statistics said", "kelompok pemantau Syrian Observatory for Human
    Rights melaporkan": capitalised parts joined by "of" / "for" at the end of the phrase, the first
    part with an organisation's head word, are one organisation, not a person named "Labor
    Statistics". A title ("Secretary of State John Kerry") or a person's name before the joining
    word ("Bernie Sanders of Vermont") is no such first part."""
    ctx = p.ctx
    if np.role:
        return UNDECIDED
    start = _connected_run_start(ctx, p.i, p.j, ctx.L.organisation_connectors)
    if start is None:
        return UNDECIDED
    while ctx.word(start) in ctx.L.np_articles:
        start += 1  # "The Bureau of …" at a sentence start: the name is without its article
    if _belongs_to_someone(ctx, p.i, start):
        return _person_of_organisation(p, start)
    first_part = range(start, next(t for t in range(start, p.j) if not ctx.is_cap(t)))
    last_part = next(t for t in range(p.j - 1, start, -1) if not ctx.is_cap(t - 1))
    if not any(ctx.word(t) in ctx.L.organisation_heads for t in first_part) \
            or p.j - last_part > NAME_WORDS_AT_END or _names_a_person(p.reg, ctx.phrase(last_part, p.j)):
        return UNDECIDED  # "Council on American-Islamic Relations … Director Nihad Awad", "Campaign for Trump"
    name = ctx.phrase(start, p.j)
    return SpeakerRef(SpeakerKind.organisation, name=name, organisation=name, mention=p.mention, cue=p.cue)


def _person_of_organisation(p: _Phrase, org_start: int) -> Decision:
    """ "Stephen Vladeck of the University of Texas School of Law": the name before the
    preposition is the person, the organisation after it theirs."""
    ctx = p.ctx
    prep = org_start - 1
    while prep > p.i and ctx.word(prep) in ctx.L.np_articles:
        prep -= 1
    if prep - p.i < 2 or ctx.word(prep) not in ctx.L.np_stops \
            or not all(ctx.is_cap(t) or ctx.word(t) in ctx.L.particles for t in range(p.i, prep)):
        return UNDECIDED
    ref = p.reg.resolve(ctx.phrase(p.i, prep), None, ctx.phrase(org_start, p.j))
    p.reg.last_person = _moved(ref, mention=p.mention)
    return _moved(ref, mention=p.mention, cue=p.cue)


def _names_a_person(reg: Registry, name: str) -> bool:
    key = name.lower()
    return key in reg.full or key in reg.by_token


def _belongs_to_someone(ctx: Ctx, i: int, start: int) -> bool:
    """Do the words before the organisation describe someone of it ("Stephen Vladeck of the
    University of Texas", "a professor at the University of Florida"): a name before it, or a
    preposition right before it (past its article)?"""
    before = start
    while before > i and ctx.word(before - 1) in ctx.L.np_articles:
        before -= 1
    return (before > i and ctx.word(before - 1) in ctx.L.np_stops) or any(ctx.is_cap(t) for t in range(i, before))


def _connected_run_start(ctx: Ctx, i: int, j: int, connectors: frozenset[str]) -> int | None:
    """Start of the run of capitalised words ending at token j that a connector joins, or None when
    no connector joins it."""
    start, joined = j, False
    while start > i and ctx.is_cap(start - 1):
        start -= 1
        if start - 2 >= i and not ctx.is_cap(start - 1) and ctx.word(start - 1) in connectors and ctx.is_cap(start - 2):
            start -= 1
            joined = True
    return start if joined and start < j and ctx.is_cap(start) else None


def _opening_participle(p: _Phrase) -> bool:
    """ "Having announced that …, Judge Berman proceeded": a participle opening the sentence,
    capitalised there and written in lower case elsewhere, is no name."""
    endings = PhraseFillers.of(p.ctx.L.code).participle_endings
    return p.j - p.i == 1 and bool(endings) and p.first.endswith(endings) and opens_sentence(p.ctx, p.i) \
        and written_lower_elsewhere(p.ctx, p.i)


def _organisation_name(p: _Phrase, name: str) -> str:
    """The whole capitalised phrase when it ends in the name ("The Washington Post", not "Post"
    cut at the place inside it), without its article."""
    ctx = p.ctx
    start = p.i
    while start < p.j and ctx.word(start) in ctx.L.np_articles:
        start += 1
    whole = ctx.phrase(start, p.j)
    # "CNN and The New York Times": names joined by a coordinator are one source
    capitalised = all(ctx.is_cap(t) or not ctx.is_word(t) or ctx.word(t) in ctx.L.particles
                      or (start < t and ctx.word(t) in ctx.L.list_coordinators) for t in range(start, p.j))
    return whole if capitalised and whole.endswith(name) else name


def _role_speaker(p: _Phrase, np: NP) -> Decision:
    """A role without a name: a spokesperson speaks for the organisation; another role is the
    person registered with it, or an unnamed person."""
    if not np.role:
        return UNDECIDED
    seq = tuple(np.role.lower().split())
    if any(seq[: len(s)] == s for s in p.ctx.L.spokesperson_roles) and np.organisation:
        return SpeakerRef(SpeakerKind.organisation, name=np.organisation, role=np.role,
                          organisation=np.organisation, mention=p.mention, cue=p.cue)
    known = p.reg.by_role(np.role) or _role_holder_before(p, np.role) or _title_holder(p, np.role)
    if known is not None:
        mention = p.mention
        p.reg.last_person = _moved(known, mention=mention)
        return _moved(known, mention=mention, cue=p.cue)
    return SpeakerRef(SpeakerKind.person, role=np.role, organisation=np.organisation,
                      mention=p.mention, cue=p.cue)


TITLE_HOLDER = "speaker.title-holder"
_TITLE_NAME_GAP = 6  # tokens at most between a title and the name written after it ("Kapolsek Cipondoh, Kompol Bayu")
_TITLE_NAME_WORDS = 4  # words at most of a name written right before a title and its comma


def _title_holder(p: _Phrase, role: str) -> SpeakerRef | None:
    """ "kata Kapolsek", "Menurut Mendagri": a bare title, the whole speaker phrase, is the person the
    article named with that title last, up to this place: the name written after the title
    ("Kapolsek Cipondoh, Kompol Bayu Suseno mengatakan") or before it and a comma ("Boby
    Kusumawardhana, Kapolsek Tambun, mengatakan"), a name the article registers; the title also in
    its long form (table ``role_abbreviations``: "Mendagri" → "Menteri Dalam Negeri"). None when
    the article names no one so (helper idfix, session 15)."""
    ctx = p.ctx
    if p.text.lower() != role.lower() or not ctx.match_seq(p.i, ctx.L.roles, p.j):
        return None
    forms = _title_forms(ctx.L.code, role.lower())
    hits = [t for form in forms for t in _form_positions(ctx, form) if t <= p.i]
    for t in sorted(hits, reverse=True):
        length = len(next(f for f in forms if _form_at(ctx, f, t)))
        name = _name_after_title(p, t + length) or _name_before_title(p, t)
        if name is not None:
            return _moved(name, via=TITLE_HOLDER)
    return None


@cache
def _title_forms(lang: str, role: str) -> tuple[tuple[str, ...], ...]:
    """The words of a title and of its other forms in the table's ``role_abbreviations``, longest first."""
    table = {k.lower(): v.lower() for k, v in claims_table(lang).role_abbreviations.items()}
    forms = {role, table.get(role, role), *(short for short, full in table.items() if full == role)}
    return tuple(sorted((tuple(f.split()) for f in forms), key=len, reverse=True))


def _form_at(ctx: Ctx, form: tuple[str, ...], t: int) -> bool:
    return t + len(form) <= len(ctx.idx.lower) and tuple(ctx.idx.lower[t:t + len(form)]) == form


def _form_positions(ctx: Ctx, form: tuple[str, ...]) -> list[int]:
    return [t for t in ctx.positions(form[0]) if _form_at(ctx, form, t)]


def _registered(p: _Phrase, u: int, v: int) -> SpeakerRef | None:
    """The person registered with the name at tokens u..v-1; not a known place or organisation that
    a title before it was taken to name ("Menteri Dalam Negeri Pakistan")."""
    if not 0 <= u < v <= len(p.ctx.idx.spans) or p.ctx.gazetteer_at(u, v)[0] == v - u:
        return None
    key = p.ctx.phrase(u, v).lower()
    return None if key in _country_names(p.ctx.L.code) else p.reg.full.get(key)


def _name_after_title(p: _Phrase, k: int) -> SpeakerRef | None:
    """A registered name in the capitalised words and commas after a title's end (token k), past
    the bracket closing an abbreviated title ("Menteri Ketenagakerjaan (Menaker), M Hanif Dhakiri")."""
    ctx = p.ctx
    end = min(k + _TITLE_NAME_GAP, len(ctx.idx.spans))
    for u in range(k, end):
        if not (ctx.is_cap(u) or ctx.word(u) in (",", ")")):
            return None
        for v in range(u + 1, min(u + _TITLE_NAME_WORDS, end) + 1):
            if (ref := _registered(p, u, v)) is not None:
                return ref
    return None


def _name_before_title(p: _Phrase, t: int) -> SpeakerRef | None:
    """A registered name ending right before the comma before a title at token t; at the speaker
    phrase itself, the name that opens the sentence ("AKP Boby Kusumawardhana, Kapolsek Tambun,
    mengatakan …": the title is in apposition to it, whether or not it was registered)."""
    ctx = p.ctx
    if t < 2 or ctx.word(t - 1) != ",":
        return None
    for u in range(t - 2, max(t - 2 - _TITLE_NAME_WORDS - 1, -1), -1):
        if not ctx.is_cap(u):
            return None
        if (ref := _registered(p, u, t - 1)) is not None:
            return ref
        if t == p.i and ctx.is_cap(t) and opens_sentence(ctx, u):
            # a name of two words at least: "Sebelumnya, jaksa …" opens with an adverb
            np = parse_np(ctx, u, t - 1)
            return p.reg.resolve(np.name, p.text, None) if np.name and len(np.name.split()) > 1 else None
    return None


_HOLDER_NAME_WORDS = 3  # capitalised words at most of a name after its title ("Sen. Ted Cruz")
_HOLDER_PLACE_WORDS = 2  # capitalised words at most of a place written before a title ("New Jersey Gov.")


def _role_holder_before(p: _Phrase, role: str) -> SpeakerRef | None:
    """ "The senator said", "the Florida senator said": a definite description headed by an office
    is the person last named (by any part of the name) of those the article titles with that office
    ("Sen. Ted Cruz", "Senator Bernie Sanders"; the table's ``role_titles`` give the abbreviations),
    with the place the description gives written before the title ("Florida Sen. Marco Rubio");
    not whoever was named last. None when there is none: the
    description is left unresolved."""
    ctx = p.ctx
    titles = _role_titles(ctx.L.code)
    words = role.split()
    head = next((w.lower() for w in reversed(words) if w.lower() in titles), None)
    if head is None or p.first not in _person_nouns(ctx.L.code)[0]:
        return None
    places = frozenset(w.lower() for w in words if w[:1].isupper())
    holders = {last: name for last, name, around in _office_holders(ctx, head) if places <= around}
    for t in range(p.i - 1, -1, -1):
        if ctx.is_cap(t) and ctx.word(t) in holders:
            return p.reg.resolve(holders[ctx.word(t)], None, None)
    return None


def _office_holders(ctx: Ctx, office: str) -> list[tuple[str, str, frozenset[str]]]:
    """(last word of the name lower-cased, name, capitalised words around) of each name the article
    writes after a title of ``office``, in the article's order."""
    key = ("attribution.office-holders", office)
    hit = ctx.memo.get(key)
    if hit is not None:
        return hit
    found = []
    for k in sorted(t for w in _role_titles(ctx.L.code)[office] for t in ctx.positions(w)):
        start = k + 2 if k + 1 < len(ctx.idx.spans) and ctx.word(k + 1) == "." else k + 1
        end = start
        while end < len(ctx.idx.spans) and end - start < _HOLDER_NAME_WORDS and ctx.is_word(end) and ctx.is_cap(end):
            end += 1
        if end - start < 2:
            continue
        found.append((ctx.word(end - 1), ctx.phrase(start, end), _holder_place(ctx, k)))
    ctx.memo[key] = found
    return found


def _holder_place(ctx: Ctx, title: int) -> frozenset[str]:
    """The capitalised words right before a title ("Florida Sen. Marco Rubio"), lower-cased."""
    k = title
    while k > 0 and title - k < _HOLDER_PLACE_WORDS and ctx.is_word(k - 1) and ctx.is_cap(k - 1):
        k -= 1
    return frozenset(ctx.word(t) for t in range(k, title))


@cache
def _role_titles(lang: str) -> dict[str, frozenset[str]]:
    """Each office of the table's ``role_titles`` → the words that title its holder before a name
    (the office itself and its abbreviations)."""
    return {office.lower(): frozenset({office.lower(), *(w.lower() for w in words)})
            for office, words in claims_table(lang).role_titles.items()}


def _bare_speaker(p: _Phrase) -> SpeakerRef:
    """No name and no role: a known entity, a capitalised phrase (an organisation), or a group."""
    ctx = p.ctx
    n, hit = ctx.gazetteer_at(p.i, p.j)
    if hit is not None and n == p.j - p.i:
        kind = SpeakerKind.organisation if hit[0] == "organisation" else SpeakerKind.group
        return SpeakerRef(kind, name=hit[1], organisation=hit[1], mention=p.mention, cue=p.cue)
    start = p.i
    while start < p.j - 1 and ctx.word(start) in ctx.L.np_articles:
        start += 1  # "the DNC said": an organisation named without its article
    person = _initials_person(p)
    if person is not None:
        return person
    if all(ctx.is_cap(k) or not ctx.is_word(k) or ctx.word(k) in ctx.L.particles for k in range(start, p.j)):
        return SpeakerRef(SpeakerKind.organisation, name=ctx.phrase(start, p.j), mention=p.mention, cue=p.cue)
    outlets = _trailing_organisations(ctx, start, p.j)
    if outlets is not None:
        return SpeakerRef(SpeakerKind.organisation, name=ctx.phrase(outlets, p.j), mention=p.mention, cue=p.cue,
                          via=COORDINATED_ORGANISATIONS)
    named = _named_organisation(p)
    if named is not None:
        return named
    described = _description_holding_name(p)
    if described is not None:
        return described
    return SpeakerRef(SpeakerKind.group, name=p.text, mention=p.mention, cue=p.cue)


_INITIALS_MAX = 4  # letters at most of a person's initials used as a name ("JK", "SBY", "AHY")


def _initials_person(p: _Phrase) -> SpeakerRef | None:
    """ "kata JK", "Menurut SBY": a lone acronym that spells the initials of exactly one person
    the article names is that person, not an organisation (the gazetteer's organisations were
    matched before; helper idfix, session 13)."""
    ctx = p.ctx
    if p.j - p.i != 1:
        return None
    word = ctx.surface(p.i)
    if not (2 <= len(word) <= _INITIALS_MAX and word.isalpha() and word.isupper()):
        return None
    ref = p.reg.by_initials(word)
    return None if ref is None else _moved(ref, mention=p.mention, cue=p.cue, via="speaker.initials")


def _description_holding_name(p: _Phrase) -> SpeakerRef | None:
    """ "ibunda artis Atiqah Hasiholan tersebut", "Guru Besar Perguruan Tinggi Ilmu Kepolisian
    itu", "anak buah bandar narkotik Fredi Budiman itu": a singular description closed by a
    demonstrative that no rule read as a name is the person last named; the name inside is
    someone the person is related to, or where they work (helper idfix)."""
    ctx = p.ctx
    if p.j - p.i < 3 or not _definite_description_words(ctx, p.i, p.j):
        return None
    ref = p.reg.pronoun(ctx, p.i, p.cue)
    if not ref.name:
        return None
    return _moved(ref, mention=p.mention, via="speaker.definite-description")


COORDINATED_ORGANISATIONS = "speaker.coordinated-organisations"


def _trailing_organisations(ctx: Ctx, start: int, end: int) -> int | None:
    """Where the organisations the gazetteer knows that end the phrase start: "CNN and The New York
    Times", "Both The New York Times and the Wall Street Journal" (two or more, joined), "a tally by
    the Associated Press" (one after a preposition of the table's ``outlet_prepositions``). Such a
    source is an organisation, not a group of people."""
    for k in range(start, end):
        # after words that are no name ("a tally by", "Both"), not after a joined item of its own
        before = k - 1
        while before > start and ctx.word(before) in ctx.L.np_articles:
            before -= 1
        after_preposition = k > start and ctx.word(before) in ctx.L.outlet_prepositions
        # alone, after one opening word ("Both") or no word: two joined at least, one after a preposition
        if (k - 1 <= start or after_preposition) \
                and _coordinated_organisations(ctx, k, end) >= (1 if after_preposition else 2):
            while ctx.word(k) in ctx.L.np_articles:
                k += 1
            return k
    return None


def _coordinated_organisations(ctx: Ctx, start: int, end: int) -> int:
    """How many organisations the gazetteer knows make up tokens start..end-1, joined by list
    coordinators or commas (each after an optional article); 0 when anything else is there."""
    k, items, joined = start, 0, True
    while k < end:
        if not joined:
            if ctx.word(k) not in ctx.L.list_coordinators and ctx.word(k) != ",":
                return 0
            joined, k = True, k + 1
            continue
        while k < end - 1 and ctx.word(k) in ctx.L.np_articles:
            k += 1
        n, hit = ctx.gazetteer_at(k, end)
        if hit is None or hit[0] != "organisation":
            return 0
        items, joined, k = items + 1, False, k + n
    return 0 if joined else items


def _named_organisation(p: _Phrase) -> SpeakerRef | None:
    """ "The Sanders campaign", "the Obama administration": names and an organisation's head
    word in lower case are that organisation (named without its article), not a group."""
    ctx = p.ctx
    start = past_determiners(ctx, p.i, p.j)
    last = p.j - 1
    if last <= start or ctx.word(last) not in ctx.L.organisation_heads:
        return None
    if not all(ctx.is_cap(k) or not ctx.is_word(k) for k in range(start, last)):
        return None
    name = ctx.phrase(start, p.j)
    return SpeakerRef(SpeakerKind.organisation, name=name, organisation=name, mention=p.mention, cue=p.cue,
                      via=NAMED_ORGANISATION)


@cache
def _person_nouns(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The table's definite articles and nouns that describe a person (not an office)."""
    t = claims_table(lang)
    return frozenset(w.lower() for w in t.definite_articles), frozenset(w.lower() for w in t.person_nouns)


_DESCRIPTION_WORDS = 5  # "the former reality TV star"


def _person_description(ctx: Ctx, i: int, j: int) -> bool:
    """ "The businessman said", "the former reality TV star said": a definite article, lower-case
    modifiers and a noun that describes a person, naming no one: the person last named."""
    articles, nouns = _person_nouns(ctx.L.code)
    if not nouns or not 2 <= j - i <= _DESCRIPTION_WORDS or ctx.word(i) not in articles or ctx.word(j - 1) not in nouns:
        return False
    if j + 1 < len(ctx.idx.spans) and ctx.word(j) == "," and ctx.is_cap(j + 1):
        return False  # "the presumptive nominee, Donald Trump, tweeted": the name follows
    # capitalised modifiers are a party or a place ("the Republican presidential candidate",
    # "the Florida senator and Republican nominee"), never a name: the head word is the noun
    return not ctx.is_cap(j - 1) and all(ctx.is_word(k) for k in range(i + 1, j))


def _definite_description(ctx: Ctx, i: int, j: int) -> bool:
    """A singular description without a name closed by a demonstrative ("X itu", "that X"),
    headed by a word that is neither a group determiner nor an organisation's head word."""
    if not _definite_description_words(ctx, i, j):
        return False
    return not parse_np(ctx, i, j - 1).name or regional_office(ctx, i, j - 1)


def _definite_description_words(ctx: Ctx, i: int, j: int) -> bool:
    """Tokens i..j-1 closed by a demonstrative and headed by a word that is neither a group
    determiner nor an organisation's head word: one someone or something spoken of before."""
    L = ctx.L
    if j - i < 2 or ctx.word(j - 1) not in L.demonstratives:
        return False
    first = ctx.word(i)
    if first in L.group_determiners or first in L.organisation_heads or first in L.demonstratives:
        return False
    return not ("-" in first and first.split("-")[0] == first.split("-")[-1])  # "pejabat-pejabat itu": plural


_NAMED_NOUN_WORDS = 3  # words at most from the indefinite article to the cue ("a small firm called")


def naming_participle(ctx: Ctx, k: int, lo: int) -> bool:
    """ "a group called Citizens for Trump", "the so called “Self-Determination Initiative”": a
    naming cue before a name or quote, after "so" or after an indefinite noun phrase that is no
    person ("a spokesman called Trump …" is one speaking), names what follows: no cue."""
    cues, openers = ctx.L.naming_cues, ctx.L.naming_openers
    if ctx.word(k) not in cues or k + 1 >= len(ctx.idx.spans) or k - 1 < lo \
            or not (ctx.is_cap(k + 1) or ctx.word(k + 1) in OPENING):
        return False
    if ctx.word(k - 1) in openers:
        return True
    indefinite = ctx.L.np_articles - _person_nouns(ctx.L.code)[0]
    for t in range(k - 1, max(lo, k - 1 - _NAMED_NOUN_WORDS) - 1, -1):
        if not ctx.is_word(t) or ctx.is_cap(t) or ctx.match_seq(t, ctx.L.roles, k) \
                or ctx.word(t) in _person_nouns(ctx.L.code)[1]:
            return False
        if ctx.word(t) in indefinite:
            return t < k - 1
    return False


def through_closing_description(ctx: Ctx, phrase: TokenRange, hi: int) -> TokenRange:
    """ "ujar pria yang murah senyum ini.", "kata mantan Ketua Mahkamah Konstitusi 2008 - 2013
    itu.": a phrase opened by a noun that describes a person (``person_nouns``) runs on to the
    demonstrative that closes the clause, past the verb, number or relative clause that cut it;
    the whole description is someone named before (helper idfix, session 12)."""
    L = ctx.L
    if phrase.end >= hi or ctx.is_cap(phrase.start) or ctx.word(phrase.start) not in _person_nouns(L.code)[1] \
            or not claims_table(L.code).demonstratives_follow_noun or nickname_after(ctx, phrase.end, hi):
        return phrase  # "perempuan yang akrab dengan sapaan Angie tersebut": the name it goes by decides
    for t in range(phrase.start + 1, min(hi, phrase.start + CLOSING_DESCRIPTION_WORDS)):
        word = ctx.word(t)
        if word in L.demonstratives:
            closes = t + 1 >= hi or ctx.word(t + 1) in CLAUSE_END_MARKS
            return TokenRange(phrase.start, t + 1) if closes else phrase
        if word in L.post_cues or word in L.pre_cues or word in L.subordinators \
                or not (ctx.is_word(t) or word in ",-()"):
            return phrase
    return phrase


def before_home_place(ctx: Ctx, start: int, end: int) -> int:
    """End of a speaker phrase before the place that closes it ("Senator Ted Cruz of Texas said",
    "Gov. John Kasich of Ohio"): a person's name with the state or country they represent or come
    from. The place says who the speaker is; it is neither the name nor an organisation. Not an
    office or an institution of the place ("the Attorney General of Delaware", "the University
    of Texas", "the Communications Workers of America"): the words before "of" must be a name of
    two words or more, no organisation's, with no article before it."""
    place = place_at_end(ctx, start + 2, end) if end - start >= 4 else None
    if place is None or ctx.word(start) in ctx.L.np_articles:
        return end  # "the Communications Workers of America": a person's name takes no article
    name = parse_np(ctx, start, place - 1).name
    if not name or len(name.split()) < 2 or any(w.lower() in ctx.L.organisation_heads for w in name.split()):
        return end
    return place - 1


def known_name_end(ctx: Ctx, reg: Registry, start: int, end: int) -> int:
    """The end of the longest leading part of the capitalised run start..end-1 that is a name the
    article registered, else ``end``."""
    for cut in range(end - 1, start, -1):
        key = ctx.phrase(start, cut).lower()
        if key in reg.full or (cut == start + 1 and key in reg.by_token):
            return cut
    return end


def appositive_speaker(ctx: Ctx, reg: Registry, cue: int, description: TokenRange, name_end: int) -> SpeakerRef:
    """ "Menurut juru bicara KPK, Febri Diansyah, …": the name set off after the description,
    with the description's role."""
    described = parse_np(ctx, description.start, description.end)
    named = parse_np(ctx, description.end + 1, name_end)
    name = named.name or ctx.phrase(description.end + 1, name_end)
    ref = reg.resolve(name, described.role or ctx.phrase(description.start, description.end), described.organisation)
    mention = ctx.span(description.start, name_end)
    reg.last_person = replace(ref, mention=mention)
    return replace(ref, mention=mention, cue=ctx.surface(cue))
