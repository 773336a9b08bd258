"""The time of a claim made explicit in its standalone text (the guideline: "the time is made
explicit where the article gives it").

A relative date inside the claim ("Friday", "Jumat (29/12)", "last month", "tahun ini") is written
as the date ``find_figures`` resolved it to, in the language's formats (the table's
``time_text``): "sent out Friday by …" → "sent out on Friday, January 8, 2016 by …",
"Sabtu (3/6) pukul 16.45" → "pada Sabtu, 3 Juni pukul 16.45". Rule ``standalone.time``.

Only what the article resolves is written: a date needing a year the article (or its publication
date) does not give is left; so is a bare weekday in a claim about the future (figures read a bare
weekday as the latest one before publication), a weekday after "last"/"next" (the word is outside
the figure), one that closes a name ("Super Tuesday") or owns a noun ("Tuesday's primary"), and a
day or month more than half a year from publication (the other year may be meant: "jobs added in
December" in a January article). A month without a year that would lie after publication, in a claim
telling of the past (its nearest verb a past form, or "since" before it), is last year's: "Clinton
released her medical records in July" in a January article is July of the year before. A date that
opens the claim as its subject ("Sunday is the day") takes no preposition ("On Sunday, July 24, 2016
is the day" would not read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from klaim.extraction.claims._claim_unit import Unit
from klaim.extraction.claims._standalone import apply_edits
from klaim.extraction.claims._table import TimeText, claims_table
from klaim.extraction.text import MAX_SENTENCE_CHARS
from klaim.schema import Figure, FigureKind, Modality

TIME = "standalone.time"
MAX_DATES = 3  # dates a claim's text restates at most
NEAR_DAYS = 183  # a date without a year is read in the nearer year only within half a year
_ISO = re.compile(r"(\d{4}|XXXX)(?:-(\d\d)(?:-(\d\d))?)?(?:T[A-Z]{2})?")
_TOKEN = re.compile(r"[^\W\d_][\w'’]*\.?|\d+")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’]*\.?)[ \t]*,?[ \t]*$")
_NAME_BEFORE = re.compile(r"[A-Z][\w'’.-]*[ \t]+$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_NOT_FUTURE = frozenset({Modality.asserted, Modality.negated})
_QUOTES = frozenset("\"“‘'«")
_CLOSING = frozenset("”’»")

Edit = tuple[int, int, str, str]


def with_time(text: str, u: Unit, figs: list[Figure], pub: date | None, lang: str, modality: Modality) -> Unit:
    """``u`` with the relative dates of its text written as resolved (see the module docstring)."""
    table = _time_text(lang)
    if table is None or not figs:
        return u
    edits = _time_edits(text, u, figs, pub, table, modality)
    if not edits or len(edits) > MAX_DATES:
        return u  # a claim with many dates lists them: restating each would bloat it, not clarify it
    out = apply_edits(text, u, edits)
    return out if len(out.text) <= 2 * MAX_SENTENCE_CHARS else u  # the documented bound on claim text


def _time_edits(text: str, u: Unit, figs: list[Figure], pub: date | None, table: TimeText,
                modality: Modality) -> list[Edit]:
    """The rewrites of the claim's relative dates (article start, end, new words, rule)."""
    edits = []
    dates = [f for f in figs if f.kind == FigureKind.date and f.iso]
    for f in dates:
        if (u.skip and u.skip[0] <= f.start < u.skip[1]) or _next_to_another(text, f, dates, table):
            continue
        new = _written(text, f, table, pub, modality, u.start)
        if new is not None and _subject(u.text, f.surface, table):
            new = _without_preposition(new, table)
        if new is not None:
            edits.append((f.start, f.end, new, TIME))
    return edits


def _subject(claim: str, surface: str, t: TimeText) -> bool:
    """Does the date open the claim's text as its subject, a verb of ``subject_verbs`` right after
    it ("Sunday is the day …", "July 24 is the day before …")? A preposition would not read right
    there ("On July 24, 2016 is the day")."""
    if not claim.lower().startswith(surface.lower()):
        return False
    after = _SUBJECT_VERB.match(claim, len(surface))
    return after is not None and after.group(1).lower() in t.subject_verbs


_SUBJECT_VERB = re.compile(r"[ \t]+([^\W\d_]+)")


def _without_preposition(new: str, t: TimeText) -> str:
    prep = next((p for p in t.prepositions.values() if new.lower().startswith(p.lower() + " ")), None)
    return new[len(prep) + 1:] if prep else new


def _next_to_another(text: str, f: Figure, dates: list[Figure], t: TimeText) -> bool:
    """Is another date right before or after it, or joined to it by a year link ("January 20 next
    year", "June of last year")? The two make one date, which neither figure resolves alone."""
    def joined(gap: str) -> bool:
        gap = gap.strip(" ,")
        return not gap or gap.lower() in t.year_links
    return any(g is not f and (joined(text[f.end:g.start]) if g.start >= f.end
                               else joined(text[g.end:f.start]) if g.end <= f.start else False)
               for g in dates)


@cache
def _time_text(lang: str) -> TimeText | None:
    return claims_table(lang).time_text


@dataclass(frozen=True)
class _When:
    """A figure's resolved date: year ("XXXX" when unknown), month and day when given."""

    year: str
    month: str | None
    day: str | None

    def month_name(self, t: TimeText) -> str:
        return t.months[int(self.month or 1) - 1]

    def written_day(self, t: TimeText) -> str | None:
        """The day in the language's format, or None when it needs a year the article does not give."""
        if self.month is None or self.day is None or ("{year}" in t.day and self.year == "XXXX"):
            return None
        return t.day.format(day=int(self.day), month=self.month_name(t), year=self.year)


@dataclass(frozen=True)
class _Words:
    """The words of a figure's surface, as the table knows them."""

    weekday: str | None
    parts: list[str]  # parts of the day ("night", "malam")
    named_month: bool
    head: str  # a word of the figure that takes the date ("hari Senin (14/8)"), with its space
    known: bool  # every word is one of these or a marker
    marked: bool  # a marker ("besok", "lalu") points from publication
    numeric: bool


def _written(text: str, f: Figure, t: TimeText, pub: date | None, modality: Modality, start: int) -> str | None:
    """The figure written with its resolved date, or None to leave it (``start``: the claim's)."""
    m = _ISO.fullmatch(f.iso or "")
    if m is None or _YEAR.search(f.surface) or _POSSESSIVE_AFTER.match(text, f.end) or _cut_short(text, f, t) \
            or _year_after(text, f.end, t):
        return None
    written_before = _word_before(text, f.start, start)
    before = written_before.lower()
    if _left_as_written(text, f, t, written_before, start):
        return None
    when, placed = _placed(text, f, t, pub, modality, start, _When(m.group(1), m.group(2), m.group(3)))
    possessive = _POSSESSIVE_END.search(before) is not None  # "the state’s June 7 primary"
    attributive = possessive or before in t.determiners
    # "over the last month": a relative phrase after a determiner would keep it ("the March 2016")
    body = None if attributive else _phrase(f.surface, t, when)
    body = body or _calendar(f.surface, t, when, modality, attributive)
    if body is None or not placed or body[0].lower() == f.surface.lower():
        return None
    return _with_preposition(*body, t, governed=possessive or before in t.governors)


def _placed(text: str, f: Figure, t: TimeText, pub: date | None, modality: Modality, start: int,
            when: _When) -> tuple[_When, bool]:
    """The figure's date (a year earlier in a claim telling of the past) and whether the claim may
    write it: a date moved into the past is the last one before publication, within a year of it,
    so no other year is meant; else it must lie near publication (``_near``)."""
    past = _in_past_year(text, f, t, pub, modality, start, when)
    return (past, True) if past else (when, _near(when, pub, f.surface, t))


def _in_past_year(text: str, f: Figure, t: TimeText, pub: date | None, modality: Modality, start: int,
                  when: _When) -> _When | None:
    """The month a year earlier (else None) when, without a year written, it would lie after publication in a
    claim telling of the past ("Clinton released her medical records in July" in January: last July;
    "since December" in March). Figures read a month without a year in the publication's year."""
    if pub is None or modality not in _NOT_FUTURE or when.year != str(pub.year) or when.month is None \
            or when.day is not None:
        return None  # a day names an occasion, often ahead ("came 15 days before the caucuses on February 1")
    if int(when.month) <= pub.month or _YEAR.search(text, start, f.start):
        return None  # not after publication, or a year written before it sets the claim's time
    if any(w.lower() in t.markers for w in _TOKEN.findall(f.surface)) or not _told_of_past(text, f.start, start, t):
        return None  # "next June", "will win in November", "states that host contests in March"
    return _When(str(pub.year - 1), when.month, when.day)


PAST_REACH = 12  # words looked back from a date for the verb that sets its tense
_WORD_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


def _told_of_past(text: str, pos: int, start: int, t: TimeText) -> bool:
    """Is the nearest verb before ``pos`` in the claim a past form (not after "is", "will": passive
    or future), or is the date governed by "since"? A present or modal verb, a relative word or an
    "-ing" form met first sets another tense; capitalised words (names: "Ted", "United") are passed."""
    words = [w.replace("’", "'") for w in _WORD_TOKEN.findall(text, max(start, pos - 200), pos)][-PAST_REACH:]
    if words and words[-1].lower() in t.past_governors:
        return True
    for i in range(len(words) - 1, -1, -1):
        w = words[i].lower()
        if words[i][0].isupper() and i > 0:
            continue
        if w in t.tense_stops or w.endswith(tuple(t.present_endings)):
            return False
        if w in t.past_forms or (w.endswith(tuple(t.past_endings)) and w not in t.past_lookalikes and len(w) > 4):
            return i == 0 or words[i - 1].lower() not in t.tense_stops  # "is scheduled": present
    return False


def _with_preposition(new: str, kind: str, t: TimeText, governed: bool) -> str:
    """A day, month or year not taken by a word before it gets the language's preposition."""
    prep = None if governed or kind == "bare" else t.prepositions.get(kind)
    return f"{prep} {new}" if prep else new


def _left_as_written(text: str, f: Figure, t: TimeText, written_before: str, start: int) -> bool:
    before = written_before.lower()
    if before in t.deictics or before in t.weekdays:
        return True  # "next Tuesday", "Sabtu kemarin (15/10)": the figure's surface lacks a word of the date
    if before in t.name_openers and _closes_name(text, f.start, start):
        return True  # "Super Tuesday", "Black Friday"
    return written_before.isupper() and len(written_before) > 1  # a dateline ("PHILADELPHIA, July 25 (UPI)")


_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def _word_before(text: str, pos: int, start: int) -> str:
    """The word before ``pos`` within the claim (from ``start``): one before the claim does not
    govern the date in the claim's text."""
    m = _WORD_BEFORE.search(text, max(start, pos - 40), pos)
    return m.group(1) if m else ""


def _closes_name(text: str, pos: int, start: int) -> bool:
    """Does a capitalised word of the claim stand right before ``pos`` ("Super Tuesday", "Black
    Friday" even as a sentence's first words)?"""
    return _NAME_BEFORE.search(text, max(start, pos - 40), pos) is not None


def _cut_short(text: str, f: Figure, t: TimeText) -> bool:
    """Is the figure part of a longer phrase: a title in quotes (NBC's "Today") or a weekday before
    a plural ("Saturday nights")?"""
    if f.start and text[f.start - 1] in _QUOTES and text[f.end:f.end + 1] in _QUOTES | _CLOSING:
        return True  # the whole of a quoted title
    after = _TOKEN.match(text, f.end + 1) if text[f.end:f.end + 1] == " " else None
    return after is not None and any(after.group().lower().startswith(p) for p in t.parts_of_day)


def _year_after(text: str, end: int, t: TimeText) -> bool:
    """Does a year follow the figure, after a comma or a linking word ("February of 2015")? The
    figure resolved without it, to another year."""
    m = _LINKED_YEAR.match(text, end)
    return m is not None and (not m.group(1) or m.group(1).lower() in t.year_links)


_LINKED_YEAR = re.compile(r"[ \t]*,?[ \t]*(?:([^\W\d_]+)[ \t]+)?(?:1[5-9]\d\d|20\d\d)(?!\d)")


def _phrase(surface: str, t: TimeText, when: _When) -> tuple[str, str] | None:
    """A relative phrase of the table ("last month" → "March 2016")."""
    form = t.phrases.get(surface.lower())
    if form is None or ("{year}" in form and when.year == "XXXX") or ("{month}" in form and when.month is None):
        return None
    day = when.written_day(t)
    if day is None and "{date}" in form:
        return None
    kinds = (("{date}", "day"), ("{month}", "month"), ("{year}", "year"))
    kind = "bare" if not form.startswith("{") else next(k for key, k in kinds if form.startswith(key))
    month = f"{when.month_name(t)} {when.year}" if when.month else ""
    return form.format(year=when.year, month=month, date=day or ""), kind


def _words(surface: str, t: TimeText) -> _Words:
    words = [w for w in _TOKEN.findall(surface) if not w.isdigit()]
    weekday = next((w for w in words if w.lower() in t.weekdays), None)
    parts = [w for w in words if w.lower() in t.parts_of_day]
    months = [w for w in words if _month_word(w, t)]
    head = words[0] + " " if words and words[0].lower() in t.governors else ""
    markers = [w for w in words if w.lower() in t.markers]
    known = {weekday, *parts, *months, *markers, head[:-1]}
    return _Words(weekday, parts, bool(months), head, all(w in known for w in words), bool(markers),
                  any(ch.isdigit() for ch in surface))


def _calendar(surface: str, t: TimeText, when: _When, modality: Modality,
              attributive: bool) -> tuple[str, str] | None:
    """A weekday, a numeric day ("(29/12)"), a day with a month name or a bare month, written out."""
    w = _words(surface, t)
    if not w.known:
        return None  # a word the formats do not know: leave the figure as written
    kind = "bare" if w.head else "day"  # "hari Senin (14/8)": the figure's own word takes the date
    if when.day is None:
        # "31 April" resolves to its month alone: the claim would lose the day it gave, so it stays
        bare_month = w.named_month and not (w.weekday or w.parts or w.numeric) and when.year != "XXXX"
        # "in December" keeps its preposition; "last November" loses the word that held one
        return (f"{w.head}{when.month_name(t)} {when.year}", "month" if w.marked else "bare") if bare_month else None
    day = when.written_day(t)
    if day is None:
        return None
    if w.weekday is None:
        return _day(surface, w, day, t, kind)
    return _weekday(w, w.weekday, day, modality, kind, attributive)


def _day(surface: str, w: _Words, day: str, t: TimeText, kind: str) -> tuple[str, str] | None:
    """A day without a weekday: "(29/12)" → "(29 Desember)", "Jan. 7" → "January 7, 2016"."""
    if surface.startswith("(") and surface.endswith(")"):
        return f"({day})", "bare"  # "Senin pekan depan (5/6)": the parentheses stay
    adds_year = "{year}" in t.day or not w.named_month  # "7 Agustus lalu" says more than "7 Agustus"
    return (w.head + day, kind) if not w.parts and adds_year else None


def _weekday(w: _Words, weekday: str, day: str, modality: Modality, kind: str,
             attributive: bool) -> tuple[str, str] | None:
    """ "Friday" → "Friday, January 8, 2016"; "Sabtu malam (3/6)" → "Sabtu malam, 3 Juni"; not a
    weekday that modifies a noun after a determiner ("his Friday night show", "New Hampshire’s
    Tuesday primary"): a date inside would not read right."""
    if attributive:
        return None
    if not (w.named_month or w.numeric or w.marked) and modality not in _NOT_FUTURE:
        return None  # "will vote Tuesday": figures read a bare weekday as the one before publication
    return w.head + " ".join([weekday, *w.parts]) + ", " + day, kind


def _month_word(word: str, t: TimeText) -> bool:
    w = word.rstrip(".").lower()
    return len(w) >= 3 and any(name.lower().startswith(w) for name in t.months)


def _near(when: _When, pub: date | None, surface: str, t: TimeText) -> bool:
    """A day or month without a marker lies within half a year of publication (else the other year
    may be meant); a year-less date and a relative phrase are taken as resolved."""
    if pub is None or when.year == "XXXX" or when.month is None or surface.lower() in t.phrases:
        return True
    if any(w.lower() in t.markers for w in _TOKEN.findall(surface)):
        return True
    then = date(int(when.year), int(when.month), int(when.day or 15))
    return abs((then - pub).days) <= NEAR_DAYS
