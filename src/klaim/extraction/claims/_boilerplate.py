"""Text that is not a claim: page furniture, promos, bylines, bios, captions and fragments.

The guideline excludes teasers and links ("Baca juga: …", "Tonton juga video …"), bylines, author
bios, photo credits, headings and list items, and phrases without a proposition ("Di KPU
provinsi", "Alhasil, mengutip laporan ICW."). Each rule here is a named function over
``klaim/extraction/lang/<lang>.boilerplate.yaml``; the table is checked when it is loaded, so a misspelt key
or a broken pattern is an error naming the file, not a rule that silently never fires.

Two kinds of rule: *line* rules mark whole lines (and promo headlines inside a line) as regions
that are not claims; *claim* rules judge a claim's own span. A claim is dropped when at least half
of it lies in such regions or a claim rule names it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationError

from klaim.errors import InputError
from klaim.extraction.claims import _lang
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._table import Regex
from klaim.extraction.figures import find_figures
from klaim.extraction.lang import available, load_table
from klaim.extraction.text import TokenIndex
from klaim.schema import Claim

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_SENTENCE_END = tuple(".!?…\"”’'")
_TIME_KINDS = frozenset({"date", "time"})
_LEADING_WORD = re.compile(r"\s*[^\W\d_]+\s*,\s*")


class BoilerplateTable(BaseModel):
    """The schema of ``<lang>.boilerplate.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    line_patterns: dict[str, list[Regex]] = {}
    inline_promos: list[Regex] = []
    headline_lowercase: list[str] = []
    heading_max_words: int = 0
    list_item_max_words: int = 0
    lead_in_max_words: int = 0
    lead_in_openers: list[Regex] = []
    fragment_openers: list[str] = []
    fragment_max_words: int = 0
    dated_fragment_max_words: int = 0
    predicate_words: list[str] = []
    predicate_endings: list[str] = []
    remnant_max_words: int = 0
    speech_remnants: list[Regex] = []
    calls_to_action: list[Regex] = []
    greetings: list[Regex] = []
    question_marks: list[str] = []
    question_openers: list[str] = []
    questions_in_place: list[Regex] = []
    cut_datelines: list[Regex] = []
    fillers: list[str] = []
    request_words: list[str] = []
    anaphoric_contents: list[Regex] = []
    closing_bios: list[Regex] = []
    presentational_leads: list[Regex] = []


@dataclass(frozen=True)
class Rules:
    """A language's boilerplate table, compiled."""

    lines: tuple[tuple[str, re.Pattern[str]], ...]
    inline: re.Pattern[str] | None
    headline_lowercase: frozenset[str]
    heading_max_words: int
    list_item_max_words: int
    lead_in_max_words: int
    fragment_opener: re.Pattern[str] | None
    fragment_max_words: int
    dated_fragment_max_words: int
    predicate_words: frozenset[str]
    predicate_endings: tuple[str, ...]
    remnant_max_words: int
    remnant: re.Pattern[str] | None
    call_to_action: re.Pattern[str] | None
    greeting: re.Pattern[str] | None
    question_marks: tuple[str, ...]
    question_openers: frozenset[str]
    cut_dateline: re.Pattern[str] | None
    fillers: frozenset[str] = frozenset()
    request_words: frozenset[str] = frozenset()
    anaphoric_content: re.Pattern[str] | None = None
    lead_in_opener: re.Pattern[str] | None = None
    question_in_place: re.Pattern[str] | None = None
    closing_bio: re.Pattern[str] | None = None
    presentational_lead: re.Pattern[str] | None = None
    lang: str = ""


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    rule: str


def _any(patterns: list[str], prefix: str = "") -> re.Pattern[str] | None:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(f"{prefix}(?:{body})", re.IGNORECASE) if patterns else None


def _words_pattern(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def rules(lang: str) -> Rules:
    """The compiled rules of ``lang``; a language without a table has none."""
    if lang not in available("boilerplate"):
        return compile_table({}, lang)
    return compile_table(load_table(lang, "boilerplate"), f"klaim/extraction/lang/{lang}.boilerplate.yaml", lang)


def compile_table(table: dict[str, Any], where: str, lang: str = "") -> Rules:
    """Check ``table`` against the schema and compile it; errors name ``where``."""
    try:
        t = BoilerplateTable.model_validate(table)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InputError(f"invalid boilerplate table: {problems}", where) from exc
    return Rules(
        lines=tuple((name, p) for name, ps in t.line_patterns.items() if (p := _any(ps))),
        # a promo marker starts a word; the \b also lets the scan over the text skip ahead fast
        inline=_any(t.inline_promos, r"\b"),
        headline_lowercase=frozenset(w.lower() for w in t.headline_lowercase),
        heading_max_words=t.heading_max_words, list_item_max_words=t.list_item_max_words,
        lead_in_max_words=t.lead_in_max_words, fragment_opener=_words_pattern(t.fragment_openers),
        fragment_max_words=t.fragment_max_words, dated_fragment_max_words=t.dated_fragment_max_words,
        predicate_words=frozenset(w.lower() for w in t.predicate_words),
        predicate_endings=tuple(t.predicate_endings), remnant_max_words=t.remnant_max_words,
        remnant=_any(t.speech_remnants), call_to_action=_any(t.calls_to_action),
        greeting=_any(t.greetings), question_marks=tuple(t.question_marks),
        question_openers=frozenset(w.lower() for w in t.question_openers),
        cut_dateline=_any(t.cut_datelines), fillers=frozenset(w.lower() for w in t.fillers),
        request_words=frozenset(w.lower() for w in t.request_words),
        anaphoric_content=_any(t.anaphoric_contents), lead_in_opener=_any(t.lead_in_openers),
        question_in_place=_any(t.questions_in_place, r"\b"), closing_bio=_any(t.closing_bios),
        presentational_lead=_any(t.presentational_leads), lang=lang,
    )


# ---- line rules -------------------------------------------------------------------------------

def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, without its surrounding spaces."""
    for m in re.finditer(r"[^\n]+", text):
        s, _e = m.span()
        stripped = m.group().strip()
        if stripped:
            s += len(m.group()) - len(m.group().lstrip())
            yield s, s + len(stripped)


_CAPITALS_MAX_CHARS = 160


def _furniture(r: Rules, line: str) -> str | None:
    for name, pattern in r.lines:
        if pattern.match(line):
            return name
    return None


def _title_case(r: Rules, words: list[str]) -> bool:
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in r.headline_lowercase for w in words)


def _heading(r: Rules, line: str) -> str | None:
    """A short line without sentence punctuation: a heading in title case or capitals, a list
    item, or a lead-in ending in ":"."""
    lead_in = line.endswith(":")
    if not lead_in and line.endswith(_SENTENCE_END):
        return None
    limit = r.lead_in_max_words if lead_in else r.heading_max_words
    if len(line.split(None, 2 * limit + 2)) > 2 * limit + 2:
        return None  # prose: most lines are, and counting their words is the costly part
    words = _WORD.findall(line)
    if not words:
        return "heading"
    if lead_in:
        return "lead-in" if len(words) <= limit else None
    if len(words) <= r.heading_max_words and _title_case(r, words):
        return "heading"
    if len(words) <= r.list_item_max_words and not any(c.isdigit() for c in line):
        return "list item"
    return None


def _capitals(line: str) -> str | None:
    """A line in capitals ("1. FIREWORKS FLY IN FIRST ONE-ON-ONE DEMOCRATIC DEBATE."), with or
    without a final stop: a headline or a kicker, not a sentence of the story."""
    if len(line) > _CAPITALS_MAX_CHARS or line.upper() != line:
        return None  # most lines: a lowercase letter
    lettered = [w for w in _WORD.findall(line) if any(c.isalpha() for c in w)]
    return "heading" if len(lettered) >= 2 else None


def _line_rule(r: Rules, line: str) -> str | None:
    return _furniture(r, line) or _heading(r, line) or _capitals(line)


def _inline_promos(r: Rules, text: str) -> Iterator[Region]:
    """A promo marker and the title-case headline after it, up to the first word that a headline
    would not write (a lowercase word outside ``headline_lowercase``) or the end of the line."""
    if r.inline is None:
        return
    headlines: _Headlines | None = None
    for m in r.inline.finditer(text):
        headlines = headlines or _Headlines(r, text)  # built only for a text that has a marker
        yield Region(m.start(), headlines.end_from(m.end()), "promo")


class _Headlines:
    """Where a headline that starts at a given offset ends, from one pass over the text's words:
    a scan from every promo marker to its line's end was quadratic on one-line text full of them."""

    def __init__(self, r: Rules, text: str) -> None:
        self.r, self.text = r, text
        words = list(_WORD.finditer(text))
        self.starts = [w.start() for w in words]
        self.ends = [w.end() for w in words]
        stops = [w.start() for w in words if not self._headline_word(w.group())]
        self.stops = sorted([*stops, *(m.start() for m in re.finditer("\n", text))])

    def _headline_word(self, word: str) -> bool:
        return word[0].isupper() or word[0].isdigit() or word.lower() in self.r.headline_lowercase

    def end_from(self, pos: int) -> int:
        """The end of the last headline word from ``pos`` on, before the first word that stops a
        headline or the line's end (``pos`` when there is none)."""
        i = bisect_left(self.starts, pos)
        if i and self.ends[i - 1] > pos:
            return self._scan(pos)  # the marker ends inside a word: its words are not the text's
        k = bisect_left(self.stops, pos)
        stop = self.stops[k] if k < len(self.stops) else len(self.text)
        j = bisect_left(self.starts, stop)
        return self.ends[j - 1] if j > i else pos

    def _scan(self, pos: int) -> int:
        line_end = self.text.find("\n", pos)
        end = pos
        for w in _WORD.finditer(self.text, pos, len(self.text) if line_end < 0 else line_end):
            if not self._headline_word(w.group()):
                break
            end = w.end()
        return end


def non_claim_regions(text: str, lang: str) -> list[Region]:
    """Regions of ``text`` that hold no claim, sorted by start."""
    r = rules(lang)
    out = [Region(s, e, rule) for s, e in _lines(text) if (rule := _line_rule(r, text[s:e]))]
    out += _inline_promos(r, text)
    out += _closing_bio(r, text)
    return sorted(out, key=lambda x: (x.start, x.end))


BIO_MAX_CHARS = 400  # an op-ed's closing tagline is a sentence or three


def _closing_bio(r: Rules, text: str) -> Iterator[Region]:
    """ "Rick Scott is the Republican governor of Florida.": an article's last paragraph that says
    who someone the article never named before is (``closing_bios``; "James Bovard is the author of
    …") is the op-ed's tagline about its author, not a claim of the article. A person named before
    ("Clinton is well positioned in South Carolina") ends a news story."""
    if r.closing_bio is None:
        return
    end = len(text.rstrip())
    start = text.rfind("\n", 0, end) + 1
    start += len(text[start:end]) - len(text[start:end].lstrip())
    m = r.closing_bio.match(text, start, end) if start else None  # a text of one paragraph is no tagline
    if m is None or end - start > BIO_MAX_CHARS:
        return
    surname = m.group("name").split()[-1]
    if re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text[:start]) is None:
        yield Region(start, end, "bio")


# ---- claim rules ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    """A claim's or a sentence's span over the article's tokens, which the claims stages share:
    a rule asks ``Ctx.is_verb`` of them instead of tokenizing the span again."""

    ctx: Ctx
    start: int
    end: int

    @property
    def surface(self) -> str:
        return self.ctx.text[self.start:self.end]

    def words(self, offset: int = 0, outside: tuple[tuple[int, int], ...] = ()) -> list[int]:
        """The word tokens from ``offset`` (in the span) on, leaving out those inside ``outside``."""
        ctx, spans = self.ctx, self.ctx.idx.spans
        is_word = ctx.idx.is_word
        if not outside:  # most calls: no generator per token
            return [k for k in ctx.idx.between(self.start + offset, self.end) if is_word[k]]
        return [k for k in ctx.idx.between(self.start + offset, self.end) if is_word[k]
                and not any(a <= spans[k][0] < b for a, b in outside)]

    def first_word(self) -> int | None:
        """The first word token of the span (``words()[0]``), found without listing the rest."""
        is_word = self.ctx.idx.is_word
        return next((k for k in self.ctx.idx.between(self.start, self.end) if is_word[k]), None)


def _fragment(r: Rules, span: Span) -> str | None:
    """Only a prepositional or citing phrase: an opener and a few words, no figure but a date, no
    verb after the opener's first word ("Untuk mengatasi persoalan itu" is one, "Dalam pertemuan
    itu membahas Pilpres" has a predicate). A dated phrase may hold fewer words: "Pada Selasa
    (6/9/2016) waktu setempat" is when something happened, "In 2011, Weiner resigned" is what."""
    surface = span.surface
    lead = m.end() if (m := _LEADING_WORD.match(surface)) else 0
    body = surface[lead:]
    opener = r.fragment_opener.match(body.lstrip()) if r.fragment_opener else None
    if not opener:
        return None
    times = _time_spans(body, r.lang, span.start + lead)
    if _digit_outside(body, span.start + lead, times):
        return None
    words = span.words(lead, times)
    limit = r.dated_fragment_max_words if times else r.fragment_max_words
    if len(words) > limit or any(_is_predicate(r, span.ctx.word(k)) for k in words):
        return None
    return None if _clause_follows(span, span.start + lead + len(body) - len(body.lstrip()) + opener.end()) \
        else "fragment"


def _clause_follows(span: Span, at: int) -> bool:
    """Does a clause follow the opener's phrase that ends at ``at``: a subject and a verb after its
    comma ("Sejak itu, hubungan keduanya memanas"), or a verb right after a demonstrative that
    closes the phrase ("Dalam pertemuan itu membahas Pilpres")? A verb inside the phrase is none
    ("Untuk mengatasi persoalan itu", "bagi yang menyuruh", "from the left")."""
    ctx = span.ctx
    comma, subject = False, False
    for k in ctx.idx.between(at, span.end):
        w = ctx.word(k)
        if w in ctx.L.relative:
            return False
        if ctx.is_verb(k) and ((comma and subject) or (ctx.word(k - 1) in ctx.L.demonstratives)):
            return True
        subject = comma and (subject or ctx.is_word(k))
        comma = comma or w == ","
    return False


def _time_spans(body: str, lang: str, at: int) -> tuple[tuple[int, int], ...]:
    """The article spans of the dates and times in ``body`` (which starts at ``at``): "Pada Selasa
    (6/9/2016) waktu setempat" says when, not how much, so its digits do not make it a claim."""
    if not lang or not any(map(str.isdigit, body)):
        return ()
    return tuple((at + f.start, at + f.end) for f in find_figures(body, lang) if f.kind in _TIME_KINDS)


def _digit_outside(body: str, at: int, times: tuple[tuple[int, int], ...]) -> bool:
    """Is a digit of ``body`` (which starts at ``at``) outside every span of ``times``? The
    stretches between the spans are searched, not each character against each span."""
    pos = 0
    for a, b in sorted(times):
        if any(map(str.isdigit, body[pos:max(pos, a - at)])):
            return True
        pos = max(pos, b - at)
    return any(map(str.isdigit, body[pos:]))


def _is_predicate(r: Rules, word: str) -> bool:
    return word in r.predicate_words or word.endswith(r.predicate_endings)


def _speech_remnant(r: Rules, span: Span) -> str | None:
    """The act of speaking left over from an attribution ("dihubungi, Jumat (10/3/2017)")."""
    # the anchored pattern first: it fails at once on most claims, counting words does not
    if r.remnant is None or not r.remnant.match(span.surface.strip()):
        return None
    return "speech act" if len(span.words()) <= r.remnant_max_words else None


def _opening(surface: str) -> str:
    """The claim without the quotation marks and spaces that open it."""
    return surface.lstrip(" \t\n\"“”'‘’«»„")


def _call_to_action(r: Rules, span: Span) -> str | None:
    """An appeal to the listener ("Please join me …", "Mari kita …"): asks, does not state."""
    return "call to action" if r.call_to_action and r.call_to_action.match(_opening(span.surface)) else None


def _request(r: Rules, span: Span) -> str | None:
    """A request with no verb before its word ("Itu nanti laporannya tolong disampaikan", "Anton,
    tolong carikan BAP"): asks, does not state. After a verb it is reported ("Markus sampaikan
    tolong antarkan BAP", "meminta tolong") and stays (helper idprec)."""
    if not r.request_words:
        return None
    ctx = span.ctx
    is_word = ctx.idx.is_word
    toks = ctx.idx.between(span.start, span.end)
    if r.request_words.isdisjoint(ctx.idx.lower[toks.start:toks.stop]):
        return None  # most claims: no request word, looked for at once rather than up to the first verb
    for k in toks:
        if not is_word[k]:
            continue
        if ctx.word(k) in r.request_words:
            return "call to action"
        if ctx.is_verb(k):
            return None
    return None


def _lead_in_opener(r: Rules, span: Span) -> str | None:
    """A sentence that only announces what follows ("Berikut daftar situs webnya:")."""
    opener = r.lead_in_opener
    return "lead-in" if opener and opener.match(_opening(span.surface)) else None


def _greeting(r: Rules, span: Span) -> str | None:
    """Thanks and greetings ("Alright, thank you very much", "Terima kasih")."""
    return "greeting" if r.greeting and r.greeting.match(_opening(span.surface)) else None


def _filler(r: Rules, span: Span) -> str | None:
    """Words that only answer or nod ("Iya dong."), and after them at most a few words without a
    verb ("Iya dong. kapal kapal perang kan"): no proposition of their own (helper idprec)."""
    ctx = span.ctx
    first = span.first_word() if r.fillers else None
    if first is None or ctx.word(first) not in r.fillers:
        return None
    words = span.words()
    head, rest = _first_sentence(span, words)
    if not all(ctx.word(k) in r.fillers for k in head) or len(rest) > r.fragment_max_words:
        return None
    return None if any(ctx.is_verb(k) or ctx.word(k)[:1].isdigit() for k in rest) else "filler"


def _presentational(r: Rules, span: Span) -> str | None:
    """ "Here they are:", "Here is what he said:": a sentence that only presents what follows its
    colon (``presentational_leads``, the whole claim) says nothing of its own."""
    if r.presentational_lead is None:
        return None
    m = r.presentational_lead.match(span.surface)
    after = span.ctx.text[span.end:span.end + 2].lstrip()
    return "lead-in" if m and m.end() == len(span.surface.rstrip()) and after.startswith(":") else None


def _anaphoric_content(r: Rules, span: Span) -> str | None:
    """What a speaker said given only as a pointer back ("Luhut mengatakan hal yang sama."): the
    claim would be "Hal yang sama.", which states nothing a reader can check."""
    if r.anaphoric_content is None:
        return None
    bare = _opening(span.surface).rstrip(" .!\"”'’")
    return "anaphoric content" if r.anaphoric_content.fullmatch(bare) else None


def _first_sentence(span: Span, words: list[int]) -> tuple[list[int], list[int]]:
    """``words`` split at the first full stop, question or exclamation mark in the span."""
    ctx = span.ctx
    stop = next((k for k in ctx.idx.between(span.start, span.end) if ctx.word(k) in _STOPS), None)
    if stop is None:
        return words, []
    return [k for k in words if k < stop], [k for k in words if k > stop]


_STOPS = frozenset(".!?…")
_CLOSING = " \t\"”’'»)"


def _question(r: Rules, text: str, start: int, end: int, sentence_end: int | None = None,
              ctx: Ctx | None = None) -> str | None:
    """A claim that asks ("Has the candidate …?", "If elected, would he …?"): a question mark
    right after it, or first after it in its sentence (a conjunct split off a question: "Has the
    candidate built a record … and …?"), and a question word or an inverted auxiliary first in
    it or after its opening phrase. A statement with a question mark ("You think you can talk to
    ISIL?") is rhetorical: it asserts, and stays a claim."""
    marks = r.question_marks
    if not marks or not (text[start:end].rstrip(_CLOSING).endswith(marks)
                         or text[end:end + 4].lstrip(_CLOSING)[:1].endswith(marks)
                         or _next_stop(text, end, sentence_end, ctx).endswith(marks)):
        return None
    clauses = _opening(text[start:end]).split(",", 2)[:2]
    firsts = {words[0].lower() for clause in clauses if (words := _WORD.findall(clause))}
    return "question" if firsts & r.question_openers or _asks_in_place(r, text[start:end]) else None


def _asks_in_place(r: Rules, claim: str) -> bool:
    """Does a question word stand where the asked-for thing would ("Maksud KPK apa, mau main
    politik?", "Pasal berapa yang digunakan?")? A language that asks without moving the word
    (Indonesian) lists patterns of such words under ``questions_in_place``."""
    return r.question_in_place is not None and r.question_in_place.search(claim) is not None


_STOP = re.compile(r"[.!?]")


def _next_stop(text: str, end: int, sentence_end: int | None, ctx: Ctx | None = None) -> str:
    """The first full stop, exclamation or question mark after ``end`` in its sentence ("" if none)."""
    if sentence_end is None or sentence_end <= end:
        return ""
    if ctx is None:
        m = _STOP.search(text, end, sentence_end)
        return m.group() if m else ""
    # the article's stops, found once: a run-on sentence's claims would each search to its end
    stops = ctx.memo.get("boilerplate.stops")
    if stops is None:
        stops = ctx.memo["boilerplate.stops"] = [m.start() for m in _STOP.finditer(text)]
    n = bisect_left(stops, end)
    return text[stops[n]] if n < len(stops) and stops[n] < sentence_end else ""


_ROMAN = re.compile(r"[IVX]+")


def _numbered(first_item: list[str]) -> bool:
    """ "Seksi II Cipete, Poris Plawad Indah, …": a list headed by a numbered unit says what the
    unit covers; it is no bare list of names."""
    return len(first_item) > 1 and bool(_ROMAN.fullmatch(first_item[1]))


def _name_list(r: Rules, span: Span) -> str | None:
    """A bare list of names ("Jakarta, Bandung, dan Surabaya"): three or more title-case items."""
    surface = span.surface
    if surface.count(",") + surface.count(";") < 2:
        return None
    items = [i for i in re.split(r"[,;]", surface.strip().rstrip(".")) if i.strip()]
    if len(items) < 3:
        return None
    words = [_WORD.findall(i) for i in items]
    if any(not ws or len(ws) > r.heading_max_words for ws in words) or _numbered(words[0]):
        return None
    return "noun list" if _title_case(r, [w for ws in words for w in ws]) else None


def _cut_lead(r: Rules, span: Span) -> str | None:
    """A site's dateline that no sentence start follows ("Suara.com - calon pemimpin MPR"): what
    is left of a lead cut off when the article was copied, not a proposition."""
    return "cut lead" if r.cut_dateline and r.cut_dateline.match(span.surface.strip()) else None


# Rules over the claim's own span, and over its whole sentence: a decomposed enumeration item
# ("Poris Plawad Indah, Buaran Indah, …") is a claim when its sentence has a predicate.
# A fragment is one whether it is the whole sentence or a claim cut from one ("…, according to CNN").
CLAIM_RULES: tuple[Callable[[Rules, Span], str | None], ...] = (_speech_remnant, _fragment, _call_to_action,
                                                                _greeting, _cut_lead, _filler, _request,
                                                                _anaphoric_content, _lead_in_opener,
                                                                _presentational)
SENTENCE_RULES: tuple[Callable[[Rules, Span], str | None], ...] = (_fragment, _name_list)


class Regions(NamedTuple):
    """Non-claim regions sorted by start, with the running maximum of their ends: the first
    region that can reach a claim is found by bisection, not by a walk from the article's start
    for every claim."""

    regions: list[Region]
    reach: list[int]

    @classmethod
    def of(cls, regions: list[Region]) -> Regions:
        return cls(regions, list(accumulate((r.end for r in regions), max)))


def _covered(regions: Regions, s: int, e: int) -> tuple[int, str | None]:
    inside, rule = 0, None
    found = regions.regions
    for k in range(bisect_right(regions.reach, s), len(found)):
        reg = found[k]
        if reg.start >= e:
            break
        overlap = min(e, reg.end) - max(s, reg.start)
        if overlap > 0:
            inside += overlap
            rule = rule or reg.rule
    return inside, rule


def non_claim_rule(text: str, lang: str, start: int, end: int, *, sentence: tuple[int, int] | None = None,
                   regions: Regions | None = None, ctx: Ctx | None = None) -> str | None:
    """The name of the rule that makes the claim ``text[start:end]`` (in ``sentence``, by default
    the span itself) a non-claim, or None. ``ctx`` holds the article's tokens (made from ``text``
    when not given)."""
    regions = Regions.of(non_claim_regions(text, lang)) if regions is None else regions
    inside, rule = _covered(regions, start, end)
    if rule and 2 * inside >= end - start:
        return rule
    r = rules(lang)
    ctx = ctx or Ctx(text, TokenIndex(text), _lang.get(lang))
    span = Span(ctx, start, end)
    for claim_rule in CLAIM_RULES:
        if name := claim_rule(r, span):
            return name
    if name := _question(r, text, start, end, sentence[1] if sentence else None, ctx):
        return name
    s, e = sentence or (start, end)
    return _sentence_rule(r, Span(ctx, s, e))


def _sentence_rule(r: Rules, sentence: Span) -> str | None:
    """Sentence rules, once per sentence: the claims of a sentence share its verdict."""
    key = ("boilerplate.sentence", sentence.start, sentence.end)
    memo = sentence.ctx.memo
    if key not in memo:
        memo[key] = next((name for rule in SENTENCE_RULES if (name := rule(r, sentence))), None)
    return memo[key]  # type: ignore[no-any-return]


def drop_non_claims(ctx: Ctx, claims: list[Claim]) -> list[Claim]:
    """``claims`` without those that the rules name as non-claims."""
    text, lang = ctx.text, ctx.L.code
    regions = Regions.of(non_claim_regions(text, lang))
    kept = [c for c in claims if non_claim_rule(
        text, lang, c.start, c.end, sentence=(c.sentence.start, c.sentence.end), regions=regions, ctx=ctx) is None]
    return _without_inserted_cues(kept)


def _without_inserted_cues(claims: list[Claim]) -> list[Claim]:
    """``claims`` without those that hold another claim's source and cue before it and end where
    it ends ("Menurut pemetaan, ia menjelaskan, PMKS … mendatangi …" beside "PMKS … mendatangi …",
    whose speaker "ia" and cue are inside the longer one): the same content with an act of speaking
    inside it, which is no part of a claim (helper idprec)."""
    by_end: dict[int, list[Claim]] = {}
    for c in claims:
        by_end.setdefault(c.end, []).append(c)
    dropped: set[int] = set()
    for same_end in by_end.values():
        for short in same_end:
            mention = short.speaker.mention
            if mention is None or not short.speaker.cue:
                continue
            dropped.update(id(c) for c in same_end if _cue_set_off(c, mention.start, mention.end, short.start))
    return [c for c in claims if id(c) not in dropped] if dropped else claims


def _cue_set_off(c: Claim, source: int, source_end: int, content: int) -> bool:
    """Does claim ``c`` hold a source and cue set off by a comma before ``content`` ("ia
    menjelaskan, PMKS …"), from its own start or after a comma? Not "Trump proposed a ban …" nor
    "he thinks Clinton …": a verb without a comma is as often the claim's own predicate."""
    if not c.start <= source < source_end <= content:
        return False
    before, gap = c.surface[:source - c.start].rstrip(), c.surface[source_end - c.start:content - c.start].rstrip()
    return gap.endswith(",") and (not before or before.endswith(","))
