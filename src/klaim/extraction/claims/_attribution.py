"""Who says what: attribution cues, speaker phrases, and people tied across the article."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from klaim.extraction.claims._context import CLOSING, DATELINE, OPENING, Ctx
from klaim.extraction.claims._lang import Sequences
from klaim.extraction.claims._rules import RuleSet
from klaim.extraction.claims._table import claims_table
from klaim.extraction.text import (
    CLOSE_QUOTES,
    DOUBLE_APOSTROPHE,
    DOUBLE_BACKTICK,
    STRAIGHT_QUOTE,
    closes_quote,
    mark_end,
    opens_quote,
)
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


_FINAL = frozenset(".,;:!?…")
# What the two characters before a sentence's first word may be (a capitalised word there is no name)
_SENTENCE_OPENERS = (".", '"', "“", DOUBLE_APOSTROPHE, DOUBLE_BACKTICK)


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


@dataclass
class NP:
    role: str | None
    organisation: str | None
    name: str | None


_INTRODUCED_KEPT = 32  # unnamed sources introduced most recently that a description may repeat


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
        self._run_scan = _RunScan(ctx)
        self._short_names = _short_name_prefixes(ctx.L.code)
        # unnamed sources introduced with an indefinite article ("seorang komandan aliansi militer",
        # "a senior official"), by their words, for a later "Komandan itu" / "the official"
        # (the last few only: a look-up scans them, and an article may introduce thousands)
        self.described: deque[tuple[frozenset[str], SpeakerRef]] = deque(maxlen=_INTRODUCED_KEPT)
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
        for t in _role_starts(ctx):
            if t < k:
                continue  # inside the run of the name registered before
            k = t
            r = ctx.match_seq(k, ctx.L.roles, n)
            if not r:
                continue
            j = _before_initials(ctx, k + r, _run_end(ctx, k + r, n))
            if k > 0 and ctx.word(k - 1) == "(":
                k = max(j, k + 1)  # "(Karopenmas Divhumas) Polri": an abbreviation of the role
                continue
            if j < n and ctx.word(j) in ctx.L.demonstratives and _regional_office(ctx, k, j):
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


@cache
def _short_name_prefixes(lang: str) -> bool:
    """Does the language call people by the start of their name (its claims table says)? Read
    once per language, not once per article."""
    return claims_table(lang).short_name_prefixes


_NAME_RUN_WORDS = 3  # at most, in a name found by its first word ("Ratna Sarumpaet")


class _RunScan:
    """The first run of two or three name words that a given word opens, found by visiting only
    that word's occurrences (``Ctx.positions``): most articles never ask (every speaker is named
    in full), and a scan of the whole article for every article cost some 2% of the calls on
    IndoSum. Each token's name-word test and each line's title-case test are worked out once, so
    the questions of one article together stay linear."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self._name_word: dict[int, bool] = {}
        self._title_lines: dict[int, bool] = {}

    def _is_name_word(self, t: int) -> bool:
        hit = self._name_word.get(t)
        if hit is None:
            hit = self._name_word[t] = self.ctx.idx.is_cap[t] and _name_word(self.ctx, t)
        return hit

    def first_run(self, word: str) -> str | None:
        ctx = self.ctx
        n = len(ctx.idx.spans)
        for k in ctx.positions(word):
            if k >= n - 1 or not (self._is_name_word(k) and self._is_name_word(k + 1)):
                continue
            end = k + 2
            while end < n and end - k <= _NAME_RUN_WORDS and self._is_name_word(end):
                end += 1
            if end - k <= _NAME_RUN_WORDS and _ends_in_running_text(ctx, end) \
                    and not _on_title_case_line(ctx, ctx.idx.spans[k][0], self._title_lines):
                return ctx.phrase(k, end)
        return None


_WORD = re.compile(r"\w+")


def _on_title_case_line(ctx: Ctx, pos: int, seen: dict[int, bool]) -> bool:
    """Is the line at ``pos`` a headline or teaser in title case ("Baca juga: Prediksi Survei:
    Anies - Sandi Kalahkan Ahok")? Each line is read once (``seen``) and found by bisection among
    the article's line breaks (searching the text for them scanned a long line from its start at
    every name on it), so the pass stays linear."""
    breaks = _line_breaks(ctx)
    i = bisect_left(breaks, pos)
    start = breaks[i - 1] + 1 if i else 0
    if start not in seen:
        words = _WORD.findall(ctx.text, start, breaks[i] if i < len(breaks) else len(ctx.text))
        seen[start] = sum(w[:1].isupper() for w in words) * 2 > len(words)
    return seen[start]


def _line_breaks(ctx: Ctx) -> list[int]:
    """Offsets of the article's newlines, found once per article."""
    breaks = ctx.memo.get("attribution.line-breaks")
    if breaks is None:
        breaks = ctx.memo["attribution.line-breaks"] = [m.start() for m in re.finditer("\n", ctx.text)]
    return breaks


def _ends_in_running_text(ctx: Ctx, end: int) -> bool:
    """Does a run of name words stop at a lower-case word or punctuation on the same line? Not so
    in a title-case headline ("Anies-Sandi Kalahkan Ahok") or a longer capitalised run."""
    if end >= len(ctx.idx.spans) or "\n" in ctx.text[ctx.idx.spans[end - 1][1]:ctx.idx.spans[end][0]]:
        return False
    return not ctx.is_cap(end)


def _name_word(ctx: Ctx, t: int) -> bool:
    """Could token t be part of a person's name: a capitalised word that is no acronym, title,
    organisation or place word, and opens no gazetteer entry?"""
    L, word = ctx.L, ctx.word(t)
    if not (ctx.is_word(t) and ctx.is_cap(t)) or ctx.surface(t).isupper():
        return False
    low = word.lower()
    if low in L.organisation_heads or low in L.location_heads or low in L.not_names:
        return False
    limit = len(ctx.idx.spans)
    return not ctx.match_seq(t, L.roles, limit) and ctx.gazetteer_at(t, limit)[0] == 0


def _role_starts(ctx: Ctx) -> list[int]:
    """The capitalised tokens that a role may open (its first word): ``Registry._learn`` tries a
    role only there. One pass in C over the article's tokens, not a Python step per token: most
    tokens open no role."""
    firsts, is_cap = ctx.L.roles.by_first, ctx.idx.is_cap
    return [k for k, w in enumerate(ctx.idx.lower) if w in firsts and is_cap[k]]


def _run_end(ctx: Ctx, j: int, n: int) -> int:
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


@dataclass(frozen=True, slots=True)
class _RoleWords:
    """Where the titles of a speaker phrase end, and what the last one says of the word after
    it: a portfolio ("Menteri Pertanian …") or a region ("Kapolres Kudus")."""

    end: int
    portfolio: bool = False
    region: bool = False


_QUALIFIER_WORDS = 4  # capitalised words before a title that qualify it ("U.S. Secretary of State")
_NAME_WORDS_AT_END = 3  # a long capitalised run: the last three words are the name


def parse_np(ctx: Ctx, i: int, j: int) -> NP:
    """Split a speaker phrase into role ("Menteri Luar Negeri AS"), organisation and name.

    The name is the capitalised run at the end of the phrase; it stops at an acronym, a bracket,
    a known place or organisation, a title ("Irjen Pol") or the role words, so that
    "Kepala Divisi Humas Polri Irjen Pol Boy Rafli Amar" gives the name "Boy Rafli Amar".

    Kept per article for the phrase and what the rules read around it (``_np_context``): a
    person named with a title in every sentence is parsed once. The NP returned is shared: read only.
    """
    if not 0 <= i < j <= len(ctx.idx.spans):
        return _parse_np(ctx, i, j)
    key = _np_context(ctx, i, j)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = _parse_np(ctx, i, j)
    return hit


def _np_context(ctx: Ctx, i: int, j: int) -> tuple:
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


def _parse_np(ctx: Ctx, i: int, j: int) -> NP:
    start = _past_determiners(ctx, i, j)
    titles = _role_words(ctx, start, j)
    if _unnamed_office(ctx, titles, j):
        return NP(role=ctx.phrase(start, j), organisation=None, name=None)
    role_end = _with_portfolio(ctx, titles, j)
    stops = _name_stops(ctx, start, j)
    name_start = _name_start(ctx, role_end, j, stops)
    body_end = _role_body_end(ctx, start, name_start, stops)
    role = ctx.phrase(start, body_end) if role_end > start and body_end > start else None
    organisation = _role_organisation(ctx, start, role_end, body_end)
    if role and organisation is None and _names_an_organisation(ctx, name_start, j):
        return NP(role=role, organisation=ctx.phrase(name_start, j), name=None)
    name = ctx.phrase(name_start, j) if name_start < j else None
    return NP(role=role, organisation=organisation, name=name)


def _names_an_organisation(ctx: Ctx, start: int, end: int) -> bool:
    """Does the capitalised run after a role open with an organisation's head ("Kasat Reskrim
    Polresta Depok"): the office's organisation, not the holder's name?"""
    return start < end and ctx.word(start) in ctx.L.organisation_heads


def _past_determiners(ctx: Ctx, start: int, end: int) -> int:
    """Token ``start`` moved past group determiners and articles ("para", "the")."""
    L = ctx.L
    while start < end and (ctx.word(start) in L.group_determiners or ctx.word(start) in L.np_articles):
        start += 1
    return start


def _past_qualifiers(ctx: Ctx, start: int, end: int) -> int:
    """First title after the capitalised words qualifying it ("U.S. Secretary of State …",
    "Ukrainian Foreign Minister …"); ``start`` when no title follows them."""
    roles = ctx.L.roles
    title = start
    while title < end and (ctx.is_cap(title) or ctx.word(title) == ".") \
            and not ctx.match_seq(title, roles, end) and title - start < _QUALIFIER_WORDS:
        title += 1
    return title if start < title < end and ctx.match_seq(title, roles, end) else start


def _role_words(ctx: Ctx, start: int, end: int) -> _RoleWords:
    """The titles from token ``start`` on (after their qualifiers), and the kind of the last."""
    L = ctx.L
    titles = _RoleWords(_past_qualifiers(ctx, start, end))
    while titles.end < end and (length := ctx.match_seq(titles.end, L.roles, end)):
        seq = tuple(ctx.idx.lower[titles.end:titles.end + length])
        titles = _RoleWords(titles.end + length, seq in L.portfolio_roles, seq in L.region_roles)
    return titles


def _unnamed_office(ctx: Ctx, titles: _RoleWords, end: int) -> bool:
    """Is the one capitalised word after the title part of the office, naming no one? "Kapolres
    Kudus" (the region), "Mantan Menteri Energi dan Sumber Daya Mineral" (a coordinated portfolio)."""
    if titles.end + 1 != end or not ctx.is_cap(titles.end):
        return False
    return titles.region or (titles.portfolio and _coordination_follows(ctx, end))


def _coordination_follows(ctx: Ctx, end: int) -> bool:
    """Does a coordinator and a capitalised word follow token ``end`` ("… Energi dan Sumber"; a
    coordinator doubled by a typo, "Menteri Hukum dan dan HAM", is one)?"""
    count = len(ctx.idx.lower)
    after = end
    while after < count and ctx.word(after) in ctx.L.coordinators:
        after += 1
    return end < after < count and ctx.is_cap(after)


def _with_portfolio(ctx: Ctx, titles: _RoleWords, end: int) -> int:
    """End of the role with the portfolio or region word after the title ("Menteri Pertanian
    Amran Sulaiman": "Pertanian" is the role's), when a name still follows it."""
    after = titles.end
    if (titles.portfolio or titles.region) and after + 2 < end and ctx.is_cap(after) \
            and after not in _name_stops(ctx, after, after + 1):
        return after + 1
    return after


def _name_start(ctx: Ctx, role_end: int, end: int, stops: dict[int, str]) -> int:
    """First token of the name that ends the speaker phrase at token ``end``; ``end`` when the
    phrase names no one ("Menteri Koordinator Bidang Politik": common words)."""
    start = _name_run_start(ctx, role_end, end, stops)
    if end - start >= 2 and start > role_end and ctx.word(start - 1) in ctx.L.coordinators:
        start += 1  # "Menteri Pendidikan dan Kebudayaan Muhadjir Effendy": the coordination is the role's
    start = _past_role_words_in_name(ctx, start, end)
    if start < end and ctx.is_cap(start) and not _common_words(ctx, start, role_end, end):
        return start
    return end


def _name_run_start(ctx: Ctx, role_end: int, end: int, stops: dict[int, str]) -> int:
    """First token of the capitalised run (with particles and initials) that ends the phrase,
    not before the role's end or over a stop, at most its last three words."""
    start = end
    while start > role_end and (step := _name_step_back(ctx, start, role_end, stops)):
        start -= step
    while start < end and ctx.word(start) in ctx.L.particles:
        start += 1
    start = _past_organisation_name(ctx, start, end)
    while ctx.words_between(start, end) > _NAME_WORDS_AT_END:
        start += 1
    while start < end and not ctx.is_word(start):
        start += 1  # the cut fell on an initial's dot
    return start


def _past_organisation_name(ctx: Ctx, start: int, end: int) -> int:
    """Token ``start`` of a capitalised run that opens with the head of a one-word-named organisation
    (table key one_word_organisation_heads) moved past the head and the word after it, when two
    words are left for a name ("Calon presiden dari Partai Republik Donald Trump": the party is
    "Partai Republik", the name "Donald Trump", not "Republik Donald Trump"). Other heads name
    longer organisations ("Organisasi Pelarangan Senjata Kimia")."""
    if start < end and ctx.word(start) in ctx.L.one_word_organisation_heads \
            and ctx.words_between(start + 2, end) >= _GIVEN_AND_FAMILY \
            and all(ctx.is_word(t) for t in range(start, end)):
        return start + 2
    return start


_GIVEN_AND_FAMILY = 2  # words at least of a name after an organisation's two


def _name_step_back(ctx: Ctx, start: int, role_end: int, stops: dict[int, str]) -> int:
    """How many tokens before token ``start`` still belong to the name: a capitalised word or a
    particle (1), an initial with its dot ("Herlambang P. Wiratraman", 2), else 0."""
    before = start - 1
    if before not in stops and ctx.is_word(before) \
            and (ctx.is_cap(before) or ctx.word(before) in ctx.L.particles) and not _possessive(ctx, before):
        return 1
    if before - 1 >= role_end and before - 1 not in stops and _initial_dot(ctx, before):
        return 2
    return 0


@cache
def _possessive_endings(lang: str) -> tuple[str, ...]:
    """A possessive's endings in the language ("'s" and its typographic "’s"), from its table."""
    ending = claims_table(lang).possessive_ending
    return (ending, ending.replace("'", "\u2019")) if ending else ()


def _possessive(ctx: Ctx, t: int) -> bool:
    """ "Politico's Glenn Thrush", "Florida’s Rick Wilson": a possessive is its owner, an outlet or
    a place, never a word of the name after it."""
    endings = _possessive_endings(ctx.L.code)
    return bool(endings) and ctx.surface(t).endswith(endings)


def _initial_dot(ctx: Ctx, t: int) -> bool:
    """Is token t the dot of an initial: right after a single capital letter ("P.")?"""
    if t < 1 or ctx.word(t) != "." or ctx.idx.spans[t - 1][1] != ctx.idx.spans[t][0]:
        return False
    letter = ctx.surface(t - 1)
    return len(letter) == 1 and letter.isupper()


def _past_role_words_in_name(ctx: Ctx, start: int, end: int) -> int:
    """The name run's start moved past words the article shows are not the name's: "Direktur
    Riset Setara Institute Ismail Hasani" ("Institute" ends a name elsewhere), "Direktur
    Statistik Harga Yunita Risanti" ("harga" is a common word, "Yunita" the name), "Sekretaris
    DPRD Kota Bekasi Junaedi" (a place after its head word, then the name the article uses alone)."""
    while end - start >= 3 and ctx.word(start) in ctx.L.location_heads and _alone(ctx, start + 2):
        start += 2
    while end - start >= 2 and _org_word_elsewhere(ctx, start):
        start += 1
    while end - start >= 2 and _not_name_start(ctx, start, end):
        start += 1
    return start


def _common_words(ctx: Ctx, start: int, role_end: int, end: int) -> bool:
    """Are the words after the role all written in lower case elsewhere and never alone?"""
    return start > role_end and all(_lower_elsewhere(ctx, t) and not _alone(ctx, t) for t in range(start, end))


def _role_body_end(ctx: Ctx, start: int, name_start: int, stops: dict[int, str]) -> int:
    """End of the role before the name: before a relative clause, without trailing titles (a
    title is dropped, not part of the role)."""
    end = next((t for t in range(start, name_start) if ctx.word(t) in ctx.L.relative), name_start)
    while end > start and stops.get(end - 1) == "title":
        end -= 1
    return end


def _role_organisation(ctx: Ctx, start: int, role_end: int, body_end: int) -> str | None:
    """An organisation anywhere in the role, or a place right after the title ("Menteri Luar
    Negeri AS"); not the place inside a name ("Majelis Ulama Indonesia")."""
    token = start
    while token < body_end:
        length, hit = ctx.gazetteer_at(token, body_end)
        if hit is not None and (hit[0] == "organisation" or token == role_end):
            return hit[1]
        token += max(length, 1)
    return None


def _alone(ctx: Ctx, n: int) -> bool:
    """Is the word at token n used elsewhere in the article as a name on its own (capitalised,
    no capitalised word before or after it: "kata Yunita.")?"""
    return _evidence(ctx, n).alone - _stands_alone(ctx, n) > 0


def _lower_elsewhere(ctx: Ctx, n: int) -> bool:
    """Is the word at token n written in lower case elsewhere (a common word, not a name)?"""
    return _evidence(ctx, n).lower - (not ctx.is_cap(n)) > 0


def _not_name_start(ctx: Ctx, n: int, j: int) -> bool:
    """Evidence from the rest of the article that token n, first of the name run n..j-1, belongs
    to the role: it is a common word written in lower case elsewhere, or the next word is the name
    the article repeats alone ("Yunita") while this one never stands alone."""
    if ctx.word(n) in ctx.L.name_prefixes or _alone(ctx, n):
        return False
    if _lower_elsewhere(ctx, n):
        return True
    return j - n >= 3 and _alone(ctx, n + 1) and not _pair_elsewhere(ctx, n)


def _pair_elsewhere(ctx: Ctx, n: int) -> bool:
    """Are tokens n and n+1 written together again ("Donald Trump" … "Donald Trump Jr")? Then
    the pair is a name, not a role word and a name."""
    ev = _evidence(ctx, n)
    nxt = ctx.word(n + 1)
    # occurrences followed by the same word, less those also preceded by the same word (n's own
    # occurrence is among both)
    return ev.next_words.get(nxt, 0) - ev.contexts.get((_before(ctx, n), nxt), 0) > 0


def _org_word_elsewhere(ctx: Ctx, n: int) -> bool:
    """Does the word at token n appear elsewhere as the tail of another capitalised name
    ("Setara Institute", "DPN Peradi"), never followed by the rest of this name?"""
    ev = _evidence(ctx, n)
    has_next = n + 1 < len(ctx.idx.lower)
    if has_next and ev.next_words.get(ctx.word(n + 1), 0) > 1:
        return False  # the same name again
    return ev.tails - _ends_name(ctx, n) > 0


@dataclass
class _WordEvidence:
    """How one word is written across the article, counted over all its occurrences once so
    that each question about one occurrence is answered in constant time (a name repeated
    thousands of times must not make every mention rescan all the others)."""

    alone: int = 0   # occurrences standing alone as a capitalised name
    lower: int = 0   # occurrences in lower case
    tails: int = 0   # occurrences ending another capitalised name
    # counts kept in plain dicts: a Counter costs more to make than a rare word's whole count
    next_words: dict[str, int] = field(default_factory=dict)  # the word after each occurrence
    contexts: dict[tuple[str, str], int] = field(default_factory=dict)  # (word before, word after)


def _evidence(ctx: Ctx, n: int) -> _WordEvidence:
    word = ctx.word(n)
    key = ("word-evidence", word)
    ev = ctx.memo.get(key)
    if ev is None:
        ev = ctx.memo[key] = _count_evidence(ctx, word)
    return ev


def _count_evidence(ctx: Ctx, word: str) -> _WordEvidence:
    ev = _WordEvidence()
    last = len(ctx.idx.lower) - 1
    for p in ctx.positions(word):
        ev.alone += _stands_alone(ctx, p)
        ev.lower += not ctx.is_cap(p)
        ev.tails += _ends_name(ctx, p)
        if p < last:
            nxt = ctx.word(p + 1)
            ev.next_words[nxt] = ev.next_words.get(nxt, 0) + 1
            context = (_before(ctx, p), nxt)
            ev.contexts[context] = ev.contexts.get(context, 0) + 1
    return ev


def _before(ctx: Ctx, p: int) -> str:
    return ctx.word(p - 1) if p > 0 else ""  # no token is empty: "" marks the article start


def _stands_alone(ctx: Ctx, p: int) -> bool:
    if not ctx.is_cap(p):
        return False
    before = p > 0 and ctx.is_word(p - 1) and ctx.is_cap(p - 1) and ctx.idx.spans[p - 1][1] + 1 >= ctx.idx.spans[p][0]
    after = p < len(ctx.idx.lower) - 1 and ctx.is_word(p + 1) and ctx.is_cap(p + 1)
    return not before and not after


def _ends_name(ctx: Ctx, p: int) -> bool:
    """Is token p the tail of a capitalised name that is not a role or title ("Setara Institute")?
    Not after a line break (a subheading's last word) or after a word that opens a sentence."""
    L = ctx.L
    return p > 0 and ctx.is_cap(p - 1) and ctx.is_word(p - 1) and not ctx.match_seq(p - 1, L.roles, p) \
        and not ctx.match_seq(p - 1, L.honorifics, p) and not _opens_sentence(ctx, p - 1) \
        and "\n" not in ctx.text[ctx.idx.spans[p - 1][1]:ctx.idx.spans[p][0]]


def _opens_sentence(ctx: Ctx, t: int) -> bool:
    """Does token t open the text, a paragraph or a sentence ("Menurut Adib, …" at a paragraph's
    start is a cue and a name, not one name)?"""
    start = ctx.idx.spans[t][0]
    before = ctx.text[max(0, start - 2):start]
    return start == 0 or "\n" in before or before.strip() in _SENTENCE_OPENERS


def _name_stops(ctx: Ctx, i: int, j: int) -> dict[int, str]:
    """Token positions a name cannot extend over: titles, acronyms, brackets, known entities."""
    stops: dict[int, str] = {}
    p = i
    while p < j:
        h = ctx.match_seq(p, ctx.L.honorifics, j)
        if h:
            for q in range(p, p + h):
                stops[q] = "title"
            p += h
            continue
        n, hit = ctx.gazetteer_at(p, j)
        if hit is not None:
            for q in range(p, p + n):
                stops[q] = "entity"
            p += n
            continue
        w = ctx.surface(p)
        if not ctx.is_word(p) or (w.isupper() and len(w) > 1):
            stops[p] = "mark"
        p += 1
    return stops


def _is_anonymous(ctx: Ctx, phrase: str) -> bool:
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


class _Undecided:
    """A speaker rule that does not apply: the next one is tried."""


UNDECIDED = _Undecided()
Decision = SpeakerRef | None | _Undecided  # None: the phrase names no speaker at all


def speaker_from_np(ctx: Ctx, reg: Registry, i: int, j: int, cue: str) -> SpeakerRef | None:
    """Classify the speaker phrase tokens i..j-1 (person, organisation, group, anonymous): the
    first speaker rule that applies decides."""
    j = _before_bracketed_affiliation(ctx, i, _end_before_time(ctx, i, _end_before_occasion(ctx, i, j)))
    j = _before_home_place(ctx, i, j)
    if j <= i:
        return None
    phrase = _Phrase(ctx, reg, i, j, cue)
    speaker = _state_speaker(phrase, _classified(phrase))
    if speaker is not None and speaker.kind in (SpeakerKind.group, SpeakerKind.person, SpeakerKind.anonymous):
        _remember_introduced(phrase, speaker)
    return speaker


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
                 _described_before, _closing_person_description, _description_speaker):
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
    if not _is_anonymous(p.ctx, p.text):
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
    return _capitalised_common_noun(ctx, t, word[: -len(suffix)]) if t == p.i else _after_quantity(p, t)


def _capitalised_common_noun(ctx: Ctx, t: int, singular: str) -> bool:
    """ "Aides said": a word capitalised to open its sentence that the article writes in lower
    case elsewhere, as it is or in the singular."""
    return _opens_sentence(ctx, t) and (_lower_elsewhere(ctx, t)
                                        or any(not ctx.is_cap(q) for q in ctx.positions(singular)))


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
            or p.j - last_part > _NAME_WORDS_AT_END or _names_a_person(p.reg, ctx.phrase(last_part, p.j)):
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
    endings = _PhraseFillers.of(p.ctx.L.code).participle_endings
    return p.j - p.i == 1 and bool(endings) and p.first.endswith(endings) and _opens_sentence(p.ctx, p.i) \
        and _lower_elsewhere(p.ctx, p.i)


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
    known = p.reg.by_role(np.role) or _role_holder_before(p, np.role)
    if known is not None:
        mention = p.mention
        p.reg.last_person = _moved(known, mention=mention)
        return _moved(known, mention=mention, cue=p.cue)
    return SpeakerRef(SpeakerKind.person, role=np.role, organisation=np.organisation,
                      mention=p.mention, cue=p.cue)


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
    start = _past_determiners(ctx, p.i, p.j)
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
    return not parse_np(ctx, i, j - 1).name or _regional_office(ctx, i, j - 1)


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


_REGION_WORDS = 3  # capitalised words at most in a region after its title ("Kapolda Metro Jaya")


def _regional_office(ctx: Ctx, i: int, end: int) -> bool:
    """ "Mantan Kapolda Metro Jaya itu": a region's title and the region, closed by a demonstrative,
    describe whoever held the office; the capitalised words are the region, not a name."""
    titles = _role_words(ctx, i, end)
    while titles.end == i and i < end and not ctx.is_cap(i):
        i += 1  # "mantan", "eks": words before the title
        titles = _role_words(ctx, i, end)
    if not titles.region or titles.end >= end or end - titles.end > _REGION_WORDS:
        return False
    return all(ctx.is_word(k) and ctx.is_cap(k) for k in range(titles.end, end))


_PHRASE_WORDS = 10  # a speaker phrase after a cue is at most this long


def _np_end_after(ctx: Ctx, k: int, limit: int) -> int:
    """End (exclusive token index) of the speaker phrase that starts at token k."""
    end = k
    while end < limit and (ctx.is_word(end) or _dot_inside_name(ctx, end, limit)):
        if ctx.word(end) in ctx.L.relative:
            # "pejabat yang tidak ingin disebutkan namanya": the clause is part of the phrase
            clause_end = _anonymity_clause_end(ctx, end, limit)
            if clause_end is None:
                break
            end = clause_end
            continue
        if _ends_speaker_phrase(ctx, end, k):
            break
        end += 1
        if end - k >= _PHRASE_WORDS:
            break
    return end


def _dot_inside_name(ctx: Ctx, t: int, limit: int) -> bool:
    """Is token t the dot of an initial or an abbreviation inside a name, a capitalised word
    after it ("said Paul H. Chipok", "according to the U.S. Judicial Conference")?"""
    if ctx.word(t) != "." or t + 1 >= limit or not ctx.is_cap(t + 1) or not ctx.is_word(t + 1):
        return False
    return _initial_dot(ctx, t) or (t > 0 and ctx.word(t - 1) in ctx.L.abbreviations
                                    and ctx.idx.spans[t - 1][1] == ctx.idx.spans[t][0])


def _anonymity_clause_end(ctx: Ctx, relative: int, limit: int) -> int | None:
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


def _ends_speaker_phrase(ctx: Ctx, t: int, start: int) -> bool:
    """Does token t (of a phrase from token ``start``) end it: a boundary word, a verb that is
    no participle, or an auxiliary?"""
    L, word = ctx.L, ctx.word(t)
    if word in L.speaker_boundaries:
        return True
    return t > start and ((ctx.is_verb(t) and word not in L.np_participles) or word in L.auxiliaries
                          or _opens_next_phrase(ctx, t))


def _opens_next_phrase(ctx: Ctx, t: int) -> bool:
    """ "told the AP her group never worked …": a possessive determiner right after a capitalised
    word (a name) opens the next phrase (not in "a spokesman for her campaign", "losing their jobs")."""
    return ctx.word(t) in ctx.L.possessive_determiners and ctx.is_cap(t - 1)


def _tail_end(ctx: Ctx, j: int, limit: int) -> int:
    """The attribution clause runs on ("pada konferensi pers, mengutip …") until a subordinator,
    another speech cue, or a bounded length (keeps run-on text linear)."""
    start, stop = j, min(limit, j + 30)
    if j >= stop:
        return j
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


def _is_np(ctx: Ctx, i: int, j: int) -> bool:
    """Could tokens i..j-1 name a speaker? No verb, no clause; brackets ("(FPI)") are fine."""
    if not 0 < j - i <= ctx.L.speaker_max_tokens:
        return False
    phrase = ctx.phrase(i, j)
    if _is_anonymous(ctx, phrase):
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


def _noun_complementiser(ctx: Ctx, k: int, p: int) -> bool:
    """Is the complementiser at p a content noun's after the verb of saying at k ("said the mayor's
    claim that crime fell is not true")? A verb of saying takes no such noun as its object: the
    noun phrase opens the content, and its clause is not what was said."""
    L = ctx.L
    return p - 1 > k and ctx.word(p) in L.complementisers and ctx.word(p - 1) in L.content_nouns \
        and ctx.word(k) in L.post_cues


def _content_start_after_cue(ctx: Ctx, k: int, limit: int) -> int:
    """First token of the reported content after a pre-cue (past "kepada wartawan bahwa")."""
    L = ctx.L
    for p in range(k + 1, min(limit, k + 9)):
        w = ctx.word(p)
        if _noun_complementiser(ctx, k, p):
            break
        if w in L.complementisers or w == ":" or (p == k + 1 and w in L.wish_complementisers):
            return p + 1
        if opens_quote(ctx.text, ctx.idx.spans[p][0]):
            return p  # mengatakan "Kalau …": the content is the quote
        if ctx.is_verb(p) or w in L.relative:
            break  # a complementiser after a verb belongs to the content's own clause
    return _content_start_past_recipient(ctx, k, limit)


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
    if _participle(ctx, k, lo) or _headline_act(ctx, k) or _naming_participle(ctx, k, lo):
        return None
    scan = CueScan(ctx, reg, k, lo, hi, clause_start, quoted, word, ctx.word(k - 1) if k > lo else "", base, before)
    fired = CUE_RULES.first(L.code, scan)
    if fired is None:
        return None
    rule, att = fired
    if att is not None:
        att.rule = att.rule or rule
    return att


def _headline_act(ctx: Ctx, k: int) -> bool:
    """ "Hillary Clinton Campaign Wants A Progressive DNC Chair": an act or wish cue written
    capitalised inside its sentence is a title-case headline's verb. The guideline gives acts and
    stances to the outlet: the headline is its claim, not a wish with a source."""
    return ctx.idx.is_cap[k] and ctx.word(k) in ctx.L.act_cues and not _opens_sentence(ctx, k)


_NAMED_NOUN_WORDS = 3  # words at most from the indefinite article to the cue ("a small firm called")


def _naming_participle(ctx: Ctx, k: int, lo: int) -> bool:
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


def _participle(ctx: Ctx, k: int, lo: int) -> bool:
    """Is the cue word at token k a participle, no one's speech act: passive after a form of "be"
    ("Trump is expected to win", "Sanders was asked to name …") or an adjective after an article
    ("the proposed ban")?"""
    L = ctx.L
    if ctx.word(k) in L.participle_cues:
        return False  # "is predicting that …": a progressive, active (progressive-cue)
    fillers = _PhraseFillers.of(L.code)
    t = k - 1
    while t >= lo:
        word = ctx.word(t)
        if word in L.passive_auxiliaries:
            return True
        if word not in L.auxiliaries and not fillers.fills(ctx, t):
            return word in L.np_articles  # "was first reported", "is widely expected": adverbs between
        t -= 1
    return False


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


_BETWEEN_QUOTE_AND_CUE = " ,—-"  # all that may stand between a closing mark and its cue
_AFTER_OPEN_QUOTE = _BETWEEN_QUOTE_AND_CUE + "\"”'"  # … and between an unclosed quote's words and it


def _quote_before(ctx: Ctx, k: int, quoted: list[Quoted]) -> Quoted | None:
    """The quote that closes right before token k (only commas and spaces between)."""
    if not quoted:
        return None
    text, cue_start = ctx.text, ctx.idx.spans[k][0]
    # where the run of such characters before the cue starts (no quote ends before the first,
    # in order of opening, opens)
    floor = quoted[0][0]
    after_close = _run_start(text, cue_start, floor, _BETWEEN_QUOTE_AND_CUE)
    after_open = _run_start(text, cue_start, floor, _AFTER_OPEN_QUOTE)
    for q in quoted:
        # a mark is at most two characters: most quotes close too early to ask for its end
        if q[3] is not None and after_close - 2 <= q[3] < cue_start and mark_end(text, q[3]) >= after_close:
            return q
        if q[3] is None and after_open <= q[2] <= cue_start:
            return q
    return None


def _run_start(text: str, end: int, floor: int, chars: str) -> int:
    """Start of the run of ``chars`` that ends at offset ``end`` (not looked for before ``floor``)."""
    p = end
    while p > floor and text[p - 1] in chars:
        p -= 1
    return p


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
    end = _tail_end(ctx, phrase.end, hi)
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
    phrase = _through_closing_description(ctx, phrase, hi)
    ctx.memo["attribution.speaker-after-cue"] = (cue, hi, phrase)
    return phrase


_CLOSING_DESCRIPTION_WORDS = 14  # "kata pria asal Cepu, Kabupaten Blora, Jawa Tengah, itu"
_CLAUSE_END_MARKS = frozenset({".", ",", "!", "?", ";"})


def _through_closing_description(ctx: Ctx, phrase: TokenRange, hi: int) -> TokenRange:
    """ "ujar pria yang murah senyum ini.", "kata mantan Ketua Mahkamah Konstitusi 2008 - 2013
    itu.": a phrase opened by a noun that describes a person (``person_nouns``) runs on to the
    demonstrative that closes the clause, past the verb, number or relative clause that cut it;
    the whole description is someone named before (helper idfix, session 12)."""
    L = ctx.L
    if phrase.end >= hi or ctx.is_cap(phrase.start) or ctx.word(phrase.start) not in _person_nouns(L.code)[1] \
            or not claims_table(L.code).demonstratives_follow_noun or _nickname_after(ctx, phrase.end, hi):
        return phrase  # "perempuan yang akrab dengan sapaan Angie tersebut": the name it goes by decides
    for t in range(phrase.start + 1, min(hi, phrase.start + _CLOSING_DESCRIPTION_WORDS)):
        word = ctx.word(t)
        if word in L.demonstratives:
            closes = t + 1 >= hi or ctx.word(t + 1) in _CLAUSE_END_MARKS
            return TokenRange(phrase.start, t + 1) if closes else phrase
        if word in L.post_cues or word in L.pre_cues or word in L.subordinators \
                or not (ctx.is_word(t) or word in ",-()"):
            return phrase
    return phrase


_ROLE_LIST_ITEMS = 4  # one-word capitalised items at most in a list inside a title ("Pusat Data, Informasi, dan Humas")


def _through_role_list(ctx: Ctx, phrase: TokenRange, hi: int) -> TokenRange:
    """The phrase run on through a list of capitalised items inside a title, to the name after it:
    "ujar Kepala Pusat Data, Informasi, dan Humas BNPB Sutopo Purwo Nugroho" (the first comma
    does not end the speaker phrase). Unchanged unless the phrase names a role and the list closes
    with a list coordinator."""
    end, items = phrase.end, 0
    if not _comma_at(ctx, end, hi) or not _describes_someone(ctx, phrase.start, end):
        return phrase
    while _comma_at(ctx, end, hi) and items < _ROLE_LIST_ITEMS:
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
    appositive = _appositive_name(ctx, description.start, description.end, hi, at_end=True)
    if appositive is not None:
        return _appositive_speaker(ctx, reg, cue, description, appositive)
    nickname = _nickname_after(ctx, phrase.end, hi)
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
    while end > p and ctx.word(end - 1) in _FINAL:
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


@dataclass(frozen=True, slots=True)
class TokenRange:
    """Tokens start..end-1 of the article (a speaker phrase, a subject)."""

    start: int
    end: int


_OBJECT_WORDS = 5  # a demonstrative object after a cue is at most this long ("mengakui pernyataan itu")


def _pre_cue(ctx: Ctx, reg: Registry, k: int, lo: int, hi: int, quoted: list) -> Attribution | None:
    """ "X mengatakan …" / "X said …": the speaker phrase before the cue at token k; what is said
    follows the cue, or stands before the speaker when nothing does ("…," the official said)."""
    phrase = _speaker_before_cue(ctx, lo, k)
    if phrase is None or not _is_np(ctx, phrase.start, phrase.end) \
            or (_opens_no_subject(ctx, phrase.start) and not _determined_subject(ctx, phrase)):
        return None
    content = _content_start_after_cue(ctx, k, hi)
    words = [t for t in range(content, hi) if ctx.is_word(t)]
    if _anaphoric_object(ctx, k, content, words):
        return _anaphoric_active(ctx, reg, phrase, k, words[1] + 1)
    if _object_after_cue(ctx, k, content, hi, words, quoted):
        return None
    if len(words) < ctx.L.min_claim_tokens:
        return _said_before_speaker(ctx, reg, phrase, k, lo, hi, quoted)
    if _adverbial_after_cue(ctx, content, hi):
        before = _said_before_speaker(ctx, reg, phrase, k, lo, hi, quoted)
        if before is not None:
            before.rule = "attribution.said-before-adverbial"
            return before
    if content == k + 1 and ctx.word(content) in ctx.L.object_prepositions:
        return None  # "agreed on creating a commission": an act and its object, nothing said
    speaker = speaker_from_np(ctx, reg, phrase.start, phrase.end, ctx.surface(k))
    if speaker is None:
        return None
    return _said_after_cue(ctx, speaker, phrase, k, content, hi, quoted)


def _object_after_cue(ctx: Ctx, cue: int, content: int, hi: int, words: list[int], quoted: list) -> bool:
    """Does the cue take an object (a noun, a short act's object, a figure) rather than report
    what was said?"""
    return _takes_object(ctx, cue, content, hi, words, quoted) or _short_act(ctx, cue, content, hi) \
        or _figure_object(ctx, cue, content, hi) or _takes_infinitive(ctx, cue, hi)


def _takes_infinitive(ctx: Ctx, cue: int, hi: int) -> bool:
    """ "Trump wants to build a wall", "the court agreed to hear cases …": a cue of intention,
    promise or agreement before an infinitive marker names an act, and what follows is its object,
    not what was said (the claim is the clause as a whole)."""
    L = ctx.L
    return cue + 1 < hi and ctx.word(cue) in L.infinitive_cues and ctx.word(cue + 1) in L.infinitive_markers


def _anaphoric_object(ctx: Ctx, cue: int, content: int, words: list[int]) -> bool:
    """ "Zainudin menyatakan hal tersebut untuk menyikapi …", "Panggah menyampaikan hal itu saat
    kunjungan kerja …": the cue's object points back to what was said before, and the rest tells
    when, where or why it was said. With a comma after the cue ("menyebut, hal ini lantaran …") or
    a predicate after the pointer ("hal itu merupakan …") the words open what was said."""
    L = ctx.L
    if content != cue + 1 or len(words) < 2 or ctx.word(words[0]) not in L.speech_nouns \
            or ctx.word(words[1]) not in L.demonstratives:
        return False
    return len(words) == 2 or ctx.word(words[2]) in L.speech_act_adjuncts


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


def _determined_subject(ctx: Ctx, phrase: TokenRange) -> bool:
    """Is the phrase a noun phrase opened by a demonstrative ("That person said …", "This
    official said …"), not a complementiser or a relative pronoun before the subject?"""
    return phrase.end - phrase.start >= 2 and ctx.word(phrase.start) in ctx.L.demonstratives \
        and ctx.is_cap(phrase.start) and not any(ctx.is_cap(t) for t in range(phrase.start + 1, phrase.end))


_ADVERBIAL_WORDS = 8  # a time or place phrase after a cue ("in a video message to the convention")


def _adverbial_after_cue(ctx: Ctx, content: int, hi: int) -> bool:
    """ "…, she said in a video message.", "…, Hollande said Tuesday in Paris, noting …": only a
    time or place phrase (no verb) follows the cue, up to the end or a participle set off by a
    comma; what was said is then the clause before the speaker."""
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
    return _end_before_final(ctx, content, hi) <= comma or (after < hi and ctx.word(after) in L.participle_cues)


def _clause_like(ctx: Ctx, start: int, end: int) -> bool:
    """Do tokens start..end-1 hold a verb, an auxiliary or a subject pronoun, or run longer than
    a time or place phrase?"""
    L = ctx.L
    if _has_main_verb(ctx, start, end) or ctx.words_between(start, end) > _ADVERBIAL_WORDS:
        return True
    return any(ctx.word(t) in L.auxiliaries or ctx.word(t) in L.pronoun_speakers or ctx.word(t) in L.plural_pronouns
               for t in range(start, end))


def _opens_no_subject(ctx: Ctx, t: int) -> bool:
    """Does the phrase before a cue open with a word no subject opens with: a preposition,
    conjunction or subordinator ("in what officials …", "during a debate …", "where Obama …"), or a
    participle cue ("citing", "saying")? Then the phrase is the tail of another clause."""
    L, word = ctx.L, ctx.word(t)
    return word in L.np_stops or word in L.subordinators or word in L.speaker_boundaries \
        or word in L.participle_cues or _PhraseFillers.of(L.code).participle(ctx, t)


def _short_act(ctx: Ctx, cue: int, content: int, hi: int) -> bool:
    """An act whose object is too short to be a claim ("asked for a photo", "called him"): the
    act is the outlet's event, not a statement of the subject."""
    if ctx.word(cue) not in ctx.L.act_cues:
        return False
    end = _before_coordinated_cue(ctx, content, hi)
    if n_words_between(ctx, content, end) < ctx.L.min_quote_tokens:
        return True
    return _object_before_clause(ctx, content, end)


def _object_before_clause(ctx: Ctx, content: int, end: int) -> bool:
    """Is the act's object a few words before a clause telling when it was done, with nothing
    quoted ("who called Sanders shortly after the winner was declared": a call, and its time)?"""
    sub = next((t for t in range(content + 1, end) if ctx.word(t) in ctx.L.time_subordinators), end)
    return sub < end and n_words_between(ctx, content, sub) < ctx.L.min_quote_tokens \
        and not any(opens_quote(ctx.text, ctx.idx.starts[t]) or _closes(ctx, t) for t in range(content, sub))


def _opens_clause_after(ctx: Ctx, t: int) -> bool:
    """Does a clause open after token t (a comma, colon, semicolon or subordinator)?"""
    word = ctx.word(t)
    return word in (",", ":", ";") or word in ctx.L.subordinators


def _clause_start_before(ctx: Ctx, lo: int, end: int) -> int:
    """First token of the clause that ends before token ``end`` (not before token lo)."""
    start = end
    while start > lo and not _opens_clause_after(ctx, start - 1):
        start -= 1
    return start


def _phrase_start_before(ctx: Ctx, lo: int, cue: int) -> int | None:
    """Where the clause before the cue opens (after a comma, subordinator or closing quote);
    None when that is more than a speaker phrase away."""
    start = cue
    while start > lo and not _opens_clause_after(ctx, start - 1) \
            and not _closes(ctx, start - 1):
        start -= 1
        if cue - start > ctx.L.speaker_max_tokens:
            return None
    return start


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
    cue = _before_time_phrase(ctx, lo, _before_infinitive_opener(ctx, lo, cue))
    start = _phrase_start_before(ctx, lo, cue)
    if start is None:
        return None
    start = _past_dateline(ctx, lo, start, cue)
    start += ctx.match_seq(start, ctx.L.leading, cue)
    end = cue
    if start == cue and cue - 2 > lo and ctx.word(cue - 1) == ",":
        start, end = _set_off_subject(ctx, lo, cue), cue - 1
        if _set_off_insertion(ctx, lo, start, end) and start - 2 > lo and ctx.word(start - 1) == ",":
            # "Cruz, R-Texas, said", "The two lawmakers, however, argue": the subject is before
            start, end = _set_off_subject(ctx, lo, start), start - 1
    verb_end = _end_before_auxiliaries(ctx, start, end)
    if verb_end is None:
        return None
    if verb_end > start and start - 1 > lo and ctx.word(start - 1) == "," \
            and _only_time_words(ctx, start, verb_end):
        return _phrase_before_time(ctx, lo, start - 1)
    return TokenRange(start, verb_end)


_TAG_TOKENS = 8  # an affiliation in brackets after a name ("(D-N.Y.)") is at most this many tokens


@cache
def _infinitive_openers(lang: str) -> tuple[tuple[str, ...], ...]:
    t = claims_table(lang)
    return tuple(tuple(w.lower().split()) for w in t.infinitive_openers)


_TIME_PHRASE_WORDS = 3  # words at most of a time phrase of ``speaker_time_phrases`` ("beberapa waktu lalu")


def _before_time_phrase(ctx: Ctx, lo: int, cue: int) -> int:
    """Where a time phrase right before the cue at token ``cue`` starts ("Yasonna saat itu
    beralasan", "Israel beberapa waktu lalu menyatakan"): when it was said, no part of who said it,
    and its demonstrative closes no description (table key speaker_time_phrases; helper idfix,
    session 12); else ``cue``."""
    for k in range(max(lo + 1, cue - _TIME_PHRASE_WORDS), cue):
        if ctx.match_seq(k, ctx.L.speaker_time_phrases, cue) == cue - k:
            return k
    return cue


def _before_infinitive_opener(ctx: Ctx, lo: int, cue: int) -> int:
    """Where "went on to" opens before the cue at token ``cue`` ("He went on to say that …"): the
    speaker stands before it; else ``cue``."""
    for seq in _infinitive_openers(ctx.L.code):
        n = len(seq)
        if cue - n > lo and tuple(ctx.word(t) for t in range(cue - n, cue)) == seq:
            return cue - n
    return cue


def _set_off_insertion(ctx: Ctx, lo: int, start: int, end: int) -> bool:
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
    subject = _set_off_subject(ctx, lo, start)
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
            or ctx.word(start) not in _indefinite_articles(L.code):
        return False
    subject = _set_off_subject(ctx, lo, start)
    if not subject < start - 1 or ctx.match_seq(subject, L.leading, start - 1):
        return False
    return all(ctx.is_word(t) and ctx.is_cap(t) and ctx.word(t) not in L.time_words for t in range(subject, start - 1))


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


def _before_bracketed_affiliation(ctx: Ctx, start: int, end: int) -> int:
    """End of a speaker phrase before a bracketed affiliation that closes it ("Sen. Bernie
    Sanders (I-Vt.) said"): the tag says who the speaker is, it is not part of the name."""
    if end - start < 4 or ctx.word(end - 1) != ")":
        return end
    opening = next((t for t in range(end - 2, max(start, end - 2 - _TAG_TOKENS), -1) if ctx.word(t) == "("), None)
    if opening is None or opening == start or not _is_affiliation(ctx, opening + 1, end - 1):
        return end
    return opening


_PLACE_WORDS = 3  # words at most of a place after a name ("Gov. Chris Christie of New Jersey")


def _place_at_end(ctx: Ctx, start: int, end: int) -> int | None:
    """First token of a place from the gazetteer that ends at token ``end`` right after "of"
    (" … of New Jersey"), if one does."""
    for k in range(end - 1, max(start, end - _PLACE_WORDS) - 1, -1):
        n, hit = ctx.gazetteer_at(k, end)
        if k + n == end and hit is not None and hit[0] == "location" \
                and ctx.word(k - 1) in ctx.L.home_place_prepositions:
            return k
    return None


def _before_home_place(ctx: Ctx, start: int, end: int) -> int:
    """End of a speaker phrase before the place that closes it ("Senator Ted Cruz of Texas said",
    "Gov. John Kasich of Ohio"): a person's name with the state or country they represent or come
    from. The place says who the speaker is; it is neither the name nor an organisation. Not an
    office or an institution of the place ("the Attorney General of Delaware", "the University
    of Texas", "the Communications Workers of America"): the words before "of" must be a name of
    two words or more, no organisation's, with no article before it."""
    place = _place_at_end(ctx, start + 2, end) if end - start >= 4 else None
    if place is None or ctx.word(start) in ctx.L.np_articles:
        return end  # "the Communications Workers of America": a person's name takes no article
    name = parse_np(ctx, start, place - 1).name
    if not name or len(name.split()) < 2 or any(w.lower() in ctx.L.organisation_heads for w in name.split()):
        return end
    return place - 1


def _set_off_subject(ctx: Ctx, lo: int, cue: int) -> int:
    """First token of the subject set off by commas before the cue: "Kuasa hukum korban …, Aldwin
    Rahardian, menilai …" (the name); "A NATO official, who spoke on condition of anonymity,
    told …" (the phrase before the relative clause)."""
    start = cue - 1
    while start > lo and ctx.word(start - 1) != ",":
        start -= 1
    if ctx.word(start) in ctx.L.relative and start - 1 > lo:
        start = _clause_start_before(ctx, lo, start - 1)
    return start


def _declines(ctx: Ctx, t: int) -> bool:
    """Is token t a negation or a refusal ("tidak", "enggan", "declined")?"""
    word = ctx.word(t)
    return bool(ctx.L.negated.pattern.fullmatch(word)) or word in ctx.L.refusals


def _end_before_auxiliaries(ctx: Ctx, start: int, end: int) -> int | None:
    """End of the speaker phrase before the auxiliaries and adverbs in front of the cue ("polls
    did predict", "Clinton wrongly said"); None when one of them negates or refuses ("ia enggan
    menyebutkan …": the speaker declined to say it)."""
    fillers = _PhraseFillers.of(ctx.L.code)
    while end > start and (ctx.word(end - 1) in ctx.L.auxiliaries or fillers.fills(ctx, end - 1)):
        if _declines(ctx, end - 1):
            return None
        end -= 1
    return end


def _end_before_occasion(ctx: Ctx, start: int, end: int) -> int:
    """End of the speaker phrase before the words that open the act of speaking inside it ("Alvin
    Lie kepada kumparan membenarkan", "Direktorat investigasi melalui Twitter menyatakan"): the
    one spoken to or the channel is no part of who spoke (table key speaker_occasion_openers)."""
    openers = ctx.L.speaker_occasion_openers
    return next((t for t in range(start + 1, end) if ctx.word(t) in openers), end)


def _end_before_time(ctx: Ctx, start: int, end: int) -> int:
    """End of the speaker phrase before a time phrase in front of the cue ("Feinstein last week
    said", "Trump on Tuesday said"): the time is when it was said, not who said it."""
    L = ctx.L
    if end > start and ctx.word(end - 1) in L.demonstratives:
        return end  # "mantan Direktur Bank Dunia ini": a demonstrative closes a description
    stop = end
    while stop - 1 > start and ctx.is_word(stop - 1) and ctx.word(stop - 1) in L.time_words:
        stop -= 1
    if stop == end:
        return end
    if stop - 1 > start and ctx.word(stop - 1) in L.speaker_boundaries:
        stop -= 1  # "on Tuesday"
    return stop


@dataclass(frozen=True)
class _PhraseFillers:
    """Words between a speaker and the cue that are no part of the speaker (the claims table):
    emphatic auxiliaries and adverbs (lower-case words with an adverb ending, listed nouns aside)."""

    auxiliaries: frozenset[str]
    adverb_endings: tuple[str, ...]
    non_adverbs: frozenset[str]
    participle_endings: tuple[str, ...]

    @staticmethod
    @cache
    def of(lang: str) -> _PhraseFillers:
        t = claims_table(lang)
        return _PhraseFillers(frozenset((*t.emphatic_auxiliaries, *t.speaker_adverbs)),
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


def _only_time_words(ctx: Ctx, start: int, end: int) -> bool:
    """Are tokens start..end-1 a day or date ("Selasa", "Selasa (12/9)")?"""
    return all(ctx.word(t) in ctx.L.time_words or not ctx.is_word(t) or ctx.word(t)[:1].isdigit()
               for t in range(start, end))


def _phrase_before_time(ctx: Ctx, lo: int, comma: int) -> TokenRange | None:
    """ "Bustang di Palu, Selasa, mengatakan …": the day is not the speaker; the phrase before
    the comma at token ``comma`` is."""
    start = _clause_start_before(ctx, lo, comma)
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
                         quoted: list) -> Attribution | None:
    """ "…," the official said: nothing follows the cue, so the content is before the speaker
    (a quote closing there, or the clause from the sentence start)."""
    before = phrase.start - 1
    if ctx.word(cue) in ctx.L.act_cues:
        return None  # "…, Lopez called them on it:": what she called them is not the clause before
    if not (phrase.start > lo and (ctx.word(before) == "," or _closes(ctx, before))):
        return None
    speaker = speaker_from_np(ctx, reg, phrase.start, phrase.end, ctx.surface(cue))
    if speaker is None:
        return None
    span = ctx.span(phrase.start, max(cue + 1, hi - 1 if not ctx.is_word(hi - 1) else hi))
    quote = _quote_before(ctx, phrase.start, quoted)
    if quote is not None:
        return Attribution(speaker, span, None, quote_end=quote[2])
    content_end = before if ctx.word(before) == "," else phrase.start
    return Attribution(speaker, span, ctx.span(lo, content_end)) if content_end > lo else None


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
    end = _before_coordinated_cue(ctx, content, hi)
    while end > content and ctx.word(end - 1) in _FINAL:
        end -= 1
    return Attribution(speaker, span, ctx.span(content, end))


_NEXT_SUBJECT_WORDS = 3  # a subject between a coordinator and the next cue ("and Clinton said")
_COORDINATED_REACH = 80  # tokens of a content searched for a coordinated cue (keeps run-on text linear)


def _before_coordinated_cue(ctx: Ctx, start: int, hi: int) -> int:
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


def _appositive_name(ctx: Ctx, i: int, j: int, hi: int, at_end: bool = False) -> int | None:
    """End of a name set off by commas after a description ("juru bicara KPK, Febri Diansyah,"),
    or None. The description must name a role or start in lower case; the name is capitalised.
    With ``at_end`` the name may also close the sentence ("…,” kata juru bicara KPK, Febri Diansyah.")."""
    if not _comma_at(ctx, j, hi) or j <= i or not _describes_someone(ctx, i, j):
        return None
    end = _set_off_name_end(ctx, j, hi)
    if at_end and ctx.word(end - 1) == "." and _ends_sentence_at(ctx, end - 1, hi):
        end -= 1  # the full stop, not an initial's dot
    closed = _comma_at(ctx, end, hi) or (at_end and _closes_speaker(ctx, end, hi))
    if not closed or end == j + 1 or not ctx.is_cap(end - 1) or _is_affiliation(ctx, j + 1, end):
        return None  # "…, said former Sen. Scott Brown, R-Mass.": a party tag, no name
    length, hit = ctx.gazetteer_at(j + 1, end)
    if hit is not None and length == end - j - 1:
        return None  # a known place or organisation, not a person's name
    return end


def _nickname_after(ctx: Ctx, t: int, hi: int) -> TokenRange | None:
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


def _past_set_off_organisation(ctx: Ctx, phrase: TokenRange, hi: int) -> TokenRange:
    """The description run on over an organisation set off by commas after it ("Direktur Tindak
    Pidana Narkotika, Bareskrim Mabes Polri, Kombes Pol John Turman Panjaitan"): the name comes
    after the organisation. Unchanged when no organisation's head opens what follows the comma."""
    org = phrase.end + 1
    if not _comma_at(ctx, phrase.end, hi) or org >= hi or ctx.word(org) not in ctx.L.organisation_heads:
        return phrase
    end = _np_end_after(ctx, org, hi)
    return TokenRange(phrase.start, end) if _comma_at(ctx, end, hi) else phrase


def _closes_speaker(ctx: Ctx, t: int, hi: int) -> bool:
    """Does the speaker phrase end at token t: the sentence ends, or a word that follows a speaker
    ("di Mapolda", "saat dikonfirmasi") comes next?"""
    return _ends_sentence_at(ctx, t, hi) or ctx.word(t) in ctx.L.speaker_boundaries


def _ends_sentence_at(ctx: Ctx, t: int, hi: int) -> bool:
    """Does the sentence end at token t: its last token, or only final marks from there on?"""
    return all(ctx.word(p) in _FINAL for p in range(t, hi))


def _describes_someone(ctx: Ctx, start: int, end: int) -> bool:
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


def _starts_predicate(ctx: Ctx, j: int, hi: int) -> bool:
    L = ctx.L
    return j < hi and (ctx.is_verb(j) or ctx.word(j) in L.auxiliaries or ctx.word(j) in L.predicate_markers)


def _subject_before(ctx: Ctx, clause_start: int, k: int) -> tuple[int, int]:
    lead = clause_start
    while lead < k and (n := ctx.match_seq(lead, ctx.L.leading, k)):
        lead += n
    return lead, k


def _inline_cue(ctx: Ctx, reg: Registry, k: int, hi: int, clause_start: int, w: str) -> Attribution | None:
    """ "Smart city menurut Sandi jadi program …": a source inside a clause, without commas; the
    subject before it and the predicate after it are what the source says."""
    a, b = _subject_before(ctx, clause_start, k)
    if not _subject_np(ctx, a, b):
        return None
    j = _agent_end(ctx, k + 1, hi)
    if j == k + 1 or not _starts_predicate(ctx, j, hi):
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
    while end > j and ctx.word(end - 1) in _FINAL:
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


def _end_before_final(ctx: Ctx, start: int, end: int) -> int:
    """Token ``end`` moved back over the final punctuation before it, not before ``start``."""
    while end > start and ctx.word(end - 1) in _FINAL:
        end -= 1
    return end


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
    end = _end_before_final(ctx, comma + 1, hi)
    if n_words_between(ctx, comma + 1, end) < ctx.L.min_claim_tokens:
        return None
    return Attribution(speaker, ctx.span(opener, comma), ctx.span(comma + 1, end))


def _source_after_clause(ctx: Ctx, speaker: SpeakerRef, opener: int, agent_end: int,
                         clause_start: int) -> Attribution | None:
    """ "…, sebagaimana disampaikan X.": the clause before the comma is what X said."""
    content_end = opener - 1
    content_start, _ = _subject_before(ctx, clause_start, content_end)
    if n_words_between(ctx, content_start, content_end) < ctx.L.min_claim_tokens:
        return None
    return Attribution(speaker, ctx.span(opener, agent_end), ctx.span(content_start, content_end))


def _passive_with_subject(ctx: Ctx, reg: Registry, cue: int, agent: TokenRange, lo: int, hi: int,
                          clause_start: int) -> Attribution | None:
    """ "Kondisi tersebut diakui oleh ahli X menjadi tantangan …": the subject before the cue and
    the predicate after the agent are the agent's; "Hal itu disampaikan X": the sentence before is."""
    L = ctx.L
    start, end = _subject_before(ctx, clause_start, cue)
    if not _subject_np(ctx, start, end):
        return None
    while end - start > 2 and ctx.word(end - 1) in L.auxiliaries:
        end -= 1  # "Hal itu pun disampaikan …"
    if start == lo and end - start == 2 and ctx.word(start) in L.speech_nouns \
            and ctx.word(end - 1) in L.demonstratives:
        return _anaphoric_passive(ctx, reg, cue, agent, start, hi)
    if _starts_predicate(ctx, agent.end, hi):
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


_SOURCE_WORDS = 10  # a source after "menurut" / "according to" is at most this long before its comma


def _prefix_cue(ctx: Ctx, reg: Registry, k: int, lo: int, hi: int, pronoun: bool = False,
                at_start: bool = False) -> Attribution | None:
    """ "Menurut X, …" / "According to X, …" / "Menurutnya, …" and the trailing "…, menurut X." """
    source = _source_after_prefix(ctx, k, hi, pronoun)
    if at_start and k != lo and not pronoun and not _comma_at(ctx, source.end, hi):
        return None  # "Tapi kata Dirman sampah …": no comma closes the source
    if k == lo and not pronoun and not _comma_at(ctx, source.end, hi):
        source = _name_closed_source(ctx, reg, source.start, hi) or source
    speaker, source_end = _prefix_speaker(ctx, reg, k, source, hi, pronoun)
    if speaker is None:
        return None
    span = ctx.span(k, max(source_end, k + 1))
    if k == lo or at_start:
        content_start = source_end + 1 if _comma_at(ctx, source_end, hi) else source_end
        end = _end_before_final(ctx, content_start, hi)
        return Attribution(speaker, span, ctx.span(content_start, end)) if end > content_start else None
    return Attribution(speaker, span, ctx.span(lo, k - 1)) if k - 1 > lo else None


def _comma_at(ctx: Ctx, t: int, hi: int) -> bool:
    return t < hi and ctx.word(t) == ","


def _source_after_prefix(ctx: Ctx, cue: int, hi: int, pronoun: bool) -> TokenRange:
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
    """Token ``end`` moved on to a comma or the sentence end, at most ``_SOURCE_WORDS`` tokens from ``start``."""
    while not pronoun and end < hi and (ctx.word(end) not in (",", ".", ";") or _dot_inside_name(ctx, end, hi)) \
            and end - start < _SOURCE_WORDS:
        end += 1
    return end


def _name_closed_source(ctx: Ctx, reg: Registry, start: int, hi: int) -> TokenRange | None:
    """ "Menurut Zainudin itu merupakan bukti …" / "Menurut data BPS jumlah penduduk miskin naik":
    a sentence with no comma at all, so a name closes the source: the words up to and including
    the first run of capitalised words (cut after a name the article already knows: "Menurut
    Erwan Partai Demokrat perlu …"); what was said starts at the lower-case word after it."""
    if any(ctx.word(t) == "," for t in range(start, hi)):
        return None  # a comma further on closes a long source ("According to early results of …,")
    name = start
    while name < min(hi, start + _SOURCE_WORDS) and not ctx.is_cap(name):
        name += 1
    if name >= hi or not ctx.is_cap(name):
        return None
    end = name
    while end < hi and (ctx.is_cap(end) or _dot_inside_name(ctx, end, hi)):
        end += 1
    end = _known_name_end(ctx, reg, name, end)
    if end >= hi or not ctx.idx.is_word[end] or ctx.word(end) in ctx.L.relative \
            or n_words_between(ctx, end, hi) < ctx.L.min_claim_tokens:
        return None  # "Menurut Pratama yang pernah …": a clause of the name, not what was said
    return TokenRange(start, end)


def _known_name_end(ctx: Ctx, reg: Registry, start: int, end: int) -> int:
    """The end of the longest leading part of the capitalised run start..end-1 that is a name the
    article registered, else ``end``."""
    for cut in range(end - 1, start, -1):
        key = ctx.phrase(start, cut).lower()
        if key in reg.full or (cut == start + 1 and key in reg.by_token):
            return cut
    return end


def _prefix_speaker(ctx: Ctx, reg: Registry, cue: int, source: TokenRange, hi: int,
                    pronoun: bool) -> tuple[SpeakerRef | None, int]:
    """The speaker of a prefix cue and where its source ends (after an appositive name)."""
    if pronoun:
        return reg.pronoun(ctx, cue, ctx.surface(cue)), source.end
    appositive = _appositive_name(ctx, source.start, source.end, hi)
    if appositive is not None:
        return _appositive_speaker(ctx, reg, cue, source, appositive), appositive
    speaker = speaker_from_np(ctx, reg, source.start, source.end, ctx.surface(cue))
    return speaker, _past_description(ctx, source, hi)


def _past_description(ctx: Ctx, source: TokenRange, hi: int) -> int:
    """Where a named source ends: after a description set off by commas that follows the name
    ("According to John Smith, a senior fellow at Brookings, the race …"), else at its end."""
    if not _comma_at(ctx, source.end, hi) or not all(ctx.is_cap(t) for t in range(source.start, source.end)):
        return source.end
    comma = source.end + 1
    while comma < min(hi, source.end + 1 + _SOURCE_WORDS) and ctx.word(comma) != ",":
        comma += 1
    if not _comma_at(ctx, comma, hi) or comma == source.end + 1 or not _is_appositive(ctx, source.end + 1, comma) \
            or not _is_np(ctx, source.end + 1, comma) or _has_predicate(ctx, source.end + 1, comma):
        return source.end
    return comma


def _has_predicate(ctx: Ctx, i: int, j: int) -> bool:
    """A modal or copula outside a relative clause: "Menurut Danang, instrumen regulasi sudah cukup,
    …" opens the content, no description of Danang."""
    L = ctx.L
    return not any(ctx.word(t) in L.relative for t in range(i, j)) and any(
        ctx.word(t) in L.predicate_markers for t in range(i, j))


def _appositive_speaker(ctx: Ctx, reg: Registry, cue: int, description: TokenRange, name_end: int) -> SpeakerRef:
    """ "Menurut juru bicara KPK, Febri Diansyah, …": the name set off after the description,
    with the description's role."""
    described = parse_np(ctx, description.start, description.end)
    named = parse_np(ctx, description.end + 1, name_end)
    name = named.name or ctx.phrase(description.end + 1, name_end)
    ref = reg.resolve(name, described.role or ctx.phrase(description.start, description.end), described.organisation)
    mention = ctx.span(description.start, name_end)
    reg.last_person = replace(ref, mention=mention)
    return replace(ref, mention=mention, cue=ctx.surface(cue))


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
        and _before_infinitive_opener(c.ctx, c.lo, c.k) == c.k  # "He went on to say …" is a cue


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
    first_comma = next((t for t in range(start, end) if ctx.word(t) == ","), end)
    if not _is_np(ctx, start, first_comma) or any(ctx.word(t) in _cue_words(ctx.L) for t in range(start, end)):
        return None
    return q, start, first_comma


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
    fillers = _PhraseFillers.of(L.code)
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
    if ctx.word(start) in L.np_stops or ctx.word(end - 1) in L.np_stops or _possessive(ctx, end - 1):
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
    while end > start and ctx.word(end - 1) in _FINAL:
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
    tail = _tail_end(c.ctx, c.k + 1, c.hi)
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
    comma = _past_name_tag(ctx, start, comma, c.k)
    if comma == start or comma >= c.k - 2 or ctx.word(comma) != "," or c.k - comma > _APPOSITIVE_TOKENS:
        return None
    return (start, comma) if _is_appositive(ctx, comma + 1, c.k - 1) else None


def _past_name_tag(ctx: Ctx, start: int, t: int, limit: int) -> int:
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
        return comma if comma is not None and _place_at_end(ctx, t + 1, comma) == t + 1 else t
    return t


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
    content = _content_start_after_cue(ctx, c.k, c.hi)
    if c.k + 1 < content <= c.hi and ctx.word(content - 1) in L.complementisers:
        return True  # "said that …", "said Sunday that …"
    phrase = _speaker_after_cue(ctx, c.k, c.hi)
    end = phrase.end
    return (phrase.start < end < c.hi and (ctx.is_verb(end) or ctx.word(end) in L.auxiliaries
                                           or _opens_next_phrase(ctx, end))) \
        or _subject_pronoun_after(c)


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
    opens = phrase.start < phrase.end < c.hi and (c.ctx.is_verb(phrase.end) or _opens_next_phrase(c.ctx, phrase.end))
    return (opens or _subject_pronoun_after(c)) and _quote_before(c.ctx, c.k, c.quoted) is None


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
    fillers = _PhraseFillers.of(L.code)
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
    start = _content_start_after_cue(ctx, c.k, c.hi)
    end = _before_coordinated_cue(ctx, start, c.hi)
    if stop_at_comma:
        end = next((t for t in range(start, c.hi) if ctx.word(t) == ","), c.hi)
    while end > start and ctx.word(end - 1) in _FINAL:
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
    fillers = _PhraseFillers.of(ctx.L.code)
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
    content = _content_start_after_cue(ctx, c.k, c.hi)
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
    if start - 2 <= lo or _place_at_end(ctx, start, end) != start or not ctx.is_cap(start - 2):
        return start
    name = start - 1
    while name > lo and start - name < _SUBJECT_WORDS and (ctx.is_cap(name - 1) or ctx.word(name - 1) == "."):
        name -= 1
    return name if _before_home_place(ctx, name, end) < end else start


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
    if close + 1 >= end or not _starts_predicate(ctx, close + 1, end) or not _is_appositive(ctx, comma + 1, close):
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
    org = _evidence_author(c.ctx, *subject) or _earlier_author(c.ctx, *subject)
    if org is None:
        return None
    speaker = SpeakerRef(SpeakerKind.organisation, name=org, organisation=org,
                         mention=c.ctx.span(*subject), cue=c.ctx.surface(c.k))
    return _said_after(c, speaker, subject[0], content)


_AUTHOR_REACH = 800  # tokens searched back for who made "the poll" (an earlier "Quinnipiac poll")
_AUTHOR_WORDS = 5  # capitalised words at most before the noun that name its author


def _earlier_author(ctx: Ctx, start: int, end: int) -> str | None:
    """ "The poll showed …" naming no one: the author the article named earlier with the same
    noun ("a new Quinnipiac University poll"), the nearest such mention before it."""
    noun = next(t for t in range(start, end) if ctx.word(t) in ctx.L.evidence_nouns)
    positions = ctx.positions(ctx.word(noun))
    for p in reversed(positions[:bisect_left(positions, start)]):
        if start - p > _AUTHOR_REACH:
            return None
        author = _author_before(ctx, p)
        if author is not None:
            return author
    return None


def _author_before(ctx: Ctx, noun: int) -> str | None:
    """The capitalised words right before the noun at token ``noun`` ("CNN/ORC poll"), not an
    article, a place or a sentence's first word alone."""
    first = noun
    while first > 0 and noun - first < _AUTHOR_WORDS and (ctx.is_cap(first - 1) or ctx.word(first - 1) in "/-&") \
            and ctx.word(first - 1) not in ctx.L.np_articles and not ctx.match_seq(first - 1, ctx.L.leading, noun):
        first -= 1
    while first < noun and not ctx.is_word(first):
        first += 1
    if first == noun or (_opens_sentence(ctx, first) and noun - first == 1):
        return None
    n, hit = ctx.gazetteer_at(first, noun)
    if hit is not None and hit[0] == "location" and n == noun - first:
        return None
    return ctx.phrase(first, noun)


def _evidence_author(ctx: Ctx, start: int, end: int) -> str | None:
    """Who made the poll or data: the capitalised words after the noun ("data dari Badan
    Kesehatan Dunia (WHO)"), else those before it ("the latest Reuters/Ipsos poll"); not a place."""
    L = ctx.L
    noun = next(t for t in range(start, end) if ctx.word(t) in L.evidence_nouns)
    after = next((t for t in range(noun + 1, end) if ctx.is_cap(t)), None)
    if after is not None:
        first, last = after, end - 1
    else:
        named = [t for t in range(start, noun) if ctx.is_cap(t) and ctx.word(t) not in L.np_articles
                 and ctx.match_seq(t, L.leading, noun) == 0]
        if not named:
            return None
        first, last = named[0], named[-1]
    n, hit = ctx.gazetteer_at(first, last + 1)
    if hit is not None and hit[0] == "location" and n == last + 1 - first:
        return None
    return ctx.phrase(first, last + 1)


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
    if any(not ctx.is_word(t) for t in range(rel + 1, end)):
        return None  # a comma or a quote: no plain relative clause
    return start, rel


@CUE_RULES.register("restricted-subject", lambda c: c.word in c.ctx.L.pre_cues and _restricted_subject(c) is not None
                    and _clause_follows_cue(c))
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
