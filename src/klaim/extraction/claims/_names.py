"""Where a name starts and ends: runs of capitalised words, initials, roles and organisations in a name."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._table import claims_table
from klaim.extraction.text import (
    DOUBLE_APOSTROPHE,
    DOUBLE_BACKTICK,
)

# What the two characters before a sentence's first word may be (a capitalised word there is no name)
_SENTENCE_OPENERS = (".", '"', "“", DOUBLE_APOSTROPHE, DOUBLE_BACKTICK)


_NAME_RUN_WORDS = 3  # at most, in a name found by its first word ("Ratna Sarumpaet")


class RunScan:
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


@dataclass(frozen=True, slots=True)
class _RoleWords:
    """Where the titles of a speaker phrase end, and what the last one says of the word after
    it: a portfolio ("Menteri Pertanian …") or a region ("Kapolres Kudus")."""

    end: int
    portfolio: bool = False
    region: bool = False


_QUALIFIER_WORDS = 4  # capitalised words before a title that qualify it ("U.S. Secretary of State")
NAME_WORDS_AT_END = 3  # a long capitalised run: the last three words are the name


def names_an_organisation(ctx: Ctx, start: int, end: int) -> bool:
    """Does the capitalised run after a role open with an organisation's head ("Kasat Reskrim
    Polresta Depok"): the office's organisation, not the holder's name?"""
    return start < end and ctx.word(start) in ctx.L.organisation_heads


def past_determiners(ctx: Ctx, start: int, end: int) -> int:
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


def role_words_from(ctx: Ctx, start: int, end: int) -> _RoleWords:
    """The titles from token ``start`` on (after their qualifiers), and the kind of the last."""
    L = ctx.L
    titles = _RoleWords(_past_qualifiers(ctx, start, end))
    while titles.end < end and (length := ctx.match_seq(titles.end, L.roles, end)):
        seq = tuple(ctx.idx.lower[titles.end:titles.end + length])
        titles = _RoleWords(titles.end + length, seq in L.portfolio_roles, seq in L.region_roles)
    return titles


def unnamed_office(ctx: Ctx, titles: _RoleWords, end: int) -> bool:
    """Is the one capitalised word after the title part of the office, naming no one? "Kapolres
    Kudus" (the region), "Mantan Menteri Energi dan Sumber Daya Mineral" (a coordinated portfolio),
    "kata Menteri Pertanian." (a derived noun: the portfolio; "Menteri Susi" is a name)."""
    if titles.end + 1 != end or not ctx.is_cap(titles.end):
        return False
    return titles.region or (titles.portfolio and (_coordination_follows(ctx, end)
                                                   or ctx.L.is_derived_noun(ctx.word(titles.end))))


def _coordination_follows(ctx: Ctx, end: int) -> bool:
    """Does a coordinator and a capitalised word follow token ``end`` ("… Energi dan Sumber"; a
    coordinator doubled by a typo, "Menteri Hukum dan dan HAM", is one)?"""
    count = len(ctx.idx.lower)
    after = end
    while after < count and ctx.word(after) in ctx.L.coordinators:
        after += 1
    return end < after < count and ctx.is_cap(after)


def with_portfolio(ctx: Ctx, titles: _RoleWords, end: int) -> int:
    """End of the role with the portfolio or region word after the title ("Menteri Pertanian
    Amran Sulaiman": "Pertanian" is the role's), when a name still follows it."""
    after = titles.end
    if (titles.portfolio or titles.region) and after + 2 < end and ctx.is_cap(after) \
            and after not in name_stops(ctx, after, after + 1):
        return after + 1
    return after


def name_start_after_role(ctx: Ctx, role_end: int, end: int, stops: dict[int, str]) -> int:
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
    while ctx.words_between(start, end) > NAME_WORDS_AT_END:
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
            and (ctx.is_cap(before) or ctx.word(before) in ctx.L.particles) and not is_possessive_owner(ctx, before):
        return 1
    if before - 1 >= role_end and before - 1 not in stops and initial_dot(ctx, before):
        return 2
    return 0


@cache
def _possessive_endings(lang: str) -> tuple[str, ...]:
    """A possessive's endings in the language ("'s" and its typographic "’s"), from its table."""
    ending = claims_table(lang).possessive_ending
    return (ending, ending.replace("'", "\u2019")) if ending else ()


def is_possessive_owner(ctx: Ctx, t: int) -> bool:
    """ "Politico's Glenn Thrush", "Florida’s Rick Wilson": a possessive is its owner, an outlet or
    a place, never a word of the name after it."""
    endings = _possessive_endings(ctx.L.code)
    return bool(endings) and ctx.surface(t).endswith(endings)


def initial_dot(ctx: Ctx, t: int) -> bool:
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
    return start > role_end and all(written_lower_elsewhere(ctx, t) and not _alone(ctx, t) for t in range(start, end))


def role_body_end(ctx: Ctx, start: int, name_start: int, stops: dict[int, str]) -> int:
    """End of the role before the name: before a relative clause, without trailing titles (a
    title is dropped, not part of the role)."""
    end = next((t for t in range(start, name_start) if ctx.word(t) in ctx.L.relative), name_start)
    while end > start and stops.get(end - 1) == "title":
        end -= 1
    return end


def role_organisation(ctx: Ctx, start: int, role_end: int, body_end: int) -> str | None:
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


def written_lower_elsewhere(ctx: Ctx, n: int) -> bool:
    """Is the word at token n written in lower case elsewhere (a common word, not a name)?"""
    return _evidence(ctx, n).lower - (not ctx.is_cap(n)) > 0


def _not_name_start(ctx: Ctx, n: int, j: int) -> bool:
    """Evidence from the rest of the article that token n, first of the name run n..j-1, belongs
    to the role: it is a common word written in lower case elsewhere, or the next word is the name
    the article repeats alone ("Yunita") while this one never stands alone."""
    if ctx.word(n) in ctx.L.name_prefixes or _alone(ctx, n):
        return False
    if written_lower_elsewhere(ctx, n):
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
        and not ctx.match_seq(p - 1, L.honorifics, p) and not opens_sentence(ctx, p - 1) \
        and "\n" not in ctx.text[ctx.idx.spans[p - 1][1]:ctx.idx.spans[p][0]]


def opens_sentence(ctx: Ctx, t: int) -> bool:
    """Does token t open the text, a paragraph or a sentence ("Menurut Adib, …" at a paragraph's
    start is a cue and a name, not one name)?"""
    start = ctx.idx.spans[t][0]
    before = ctx.text[max(0, start - 2):start]
    return start == 0 or "\n" in before or before.strip() in _SENTENCE_OPENERS


def name_stops(ctx: Ctx, i: int, j: int) -> dict[int, str]:
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
        if hit is not None and not _family_name_after_given(ctx, p, n, i):
            for q in range(p, p + n):
                stops[q] = "entity"
            p += n
            continue
        w = ctx.surface(p)
        if not ctx.is_word(p) or (w.isupper() and len(w) > 1):
            stops[p] = "mark"
        p += 1
    return stops


@cache
def _given_names(lang: str) -> frozenset[str]:
    """The table's common given names (``given_names``), of any gender."""
    return frozenset(w for names in claims_table(lang).given_names.values() for w in names)


def _family_name_after_given(ctx: Ctx, p: int, n: int, i: int) -> bool:
    """ "Representative Steve Israel", "Michael Jordan": one entity word (a country) right after a
    common given name is the family name, no entity that ends the name (helper enspk, session 14)."""
    return n == 1 and p > i and ctx.is_cap(p - 1) and ctx.word(p - 1) in _given_names(ctx.L.code)


def capitalised_common_noun(ctx: Ctx, t: int, singular: str) -> bool:
    """ "Aides said": a word capitalised to open its sentence that the article writes in lower
    case elsewhere, as it is or in the singular."""
    return opens_sentence(ctx, t) and (written_lower_elsewhere(ctx, t)
                                        or any(not ctx.is_cap(q) for q in ctx.positions(singular)))


_REGION_WORDS = 3  # capitalised words at most in a region after its title ("Kapolda Metro Jaya")


def regional_office(ctx: Ctx, i: int, end: int) -> bool:
    """ "Mantan Kapolda Metro Jaya itu": a region's title and the region, closed by a demonstrative,
    describe whoever held the office; the capitalised words are the region, not a name."""
    titles = role_words_from(ctx, i, end)
    while titles.end == i and i < end and not ctx.is_cap(i):
        i += 1  # "mantan", "eks": words before the title
        titles = role_words_from(ctx, i, end)
    if not titles.region or titles.end >= end or end - titles.end > _REGION_WORDS:
        return False
    return all(ctx.is_word(k) and ctx.is_cap(k) for k in range(titles.end, end))


def headline_act(ctx: Ctx, k: int) -> bool:
    """ "Hillary Clinton Campaign Wants A Progressive DNC Chair": an act or wish cue written
    capitalised inside its sentence is a title-case headline's verb. The guideline gives acts and
    stances to the outlet: the headline is its claim, not a wish with a source."""
    return ctx.idx.is_cap[k] and ctx.word(k) in ctx.L.act_cues and not opens_sentence(ctx, k)


_AUTHOR_REACH = 800  # tokens searched back for who made "the poll" (an earlier "Quinnipiac poll")
_AUTHOR_WORDS = 5  # capitalised words at most before the noun that name its author


def earlier_author(ctx: Ctx, start: int, end: int) -> str | None:
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
    if first == noun or (opens_sentence(ctx, first) and noun - first == 1):
        return None
    n, hit = ctx.gazetteer_at(first, noun)
    if hit is not None and hit[0] == "location" and n == noun - first:
        return None
    return ctx.phrase(first, noun)
