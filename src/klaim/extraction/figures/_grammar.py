"""Matching: candidate spans from the date, ordinal and number patterns, leftmost-longest,
then each one read into a ``Figure`` with its context (qualifier before, rate and counted noun
after)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

from klaim.extraction.figures import _dates
from klaim.extraction.figures._lexicon import (
    DATE,
    NUMBER,
    ORDINAL,
    PAREN,
    ROMAN_TOKENS,
    TRIGGERS,
    Lexicon,
    lexicon,
    norm,
)
from klaim.extraction.figures._numbers import parse_digits, parse_words, word_prefix_len
from klaim.extraction.figures._patterns import ROMAN
from klaim.extraction.figures._repair import DamagedFigure, Repaired, repair
from klaim.extraction.figures._words import QUALIFIER_OPENERS
from klaim.schema import Figure, FigureKind, Period

_LEADING_ZERO = re.compile(r"0\d")
_CLOCK = re.compile(r"0\d[.:][0-5]\d")
_PLAIN_YEAR = re.compile(r"(?:1[6-9]\d\d|20\d\d)")
_NUMERIC_DATE = {"paren", "slash"}
_DUR_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute",
              "S": "second", "DECADE": "decade", "CENTURY": "century", "WINDU": "windu",
              "SEMESTER": "semester", "QUARTER": "quarter"}
# Units that ISO 8601 writes as a multiple of another one.
_DUR_ISO = {"DECADE": (10, "Y"), "CENTURY": (100, "Y"), "WINDU": (8, "Y"), "SEMESTER": (6, "M"),
            "QUARTER": (3, "M")}


@dataclass
class Cand:
    start: int
    end: int
    kind: str
    m: Any


@dataclass
class Later:
    """Figures whose value depends on their neighbours, settled after selection: relative dates
    counted from the date just named, and currency subunits ("13 sen") that take its currency."""

    anchored: list[tuple[Figure, _dates.Shift]] = field(default_factory=list)
    subunits: list[Figure] = field(default_factory=list)


def find(text: str, lang: str, reference_date: date | str | None) -> list[Figure]:
    lex = lexicon(lang)
    ref = _dates.parse_ref(reference_date)
    fixed = repair(text)
    if fixed is None:
        return _find(text, lex, ref)
    return [_back_to_original(f, fixed, text) for f in _find(fixed.text, lex, ref)]


def _back_to_original(f: Figure, fixed: Repaired, text: str) -> Figure:
    """A figure read on the repaired text, with its span on the original and flagged when the
    damage touches it."""
    a, b = fixed.orig(f.start), fixed.orig(f.end)
    data = {**f.model_dump(), "start": a, "end": b, "surface": text[a:b]}
    return (DamagedFigure if fixed.touches(a, b) else Figure).model_construct(**data)


def _find(text: str, lex: Lexicon, ref: date | None) -> list[Figure]:
    figs: list[Figure] = []
    later = Later()
    for c in _candidates(text, lex):
        f = _build(c, text, lex, ref, later)
        if isinstance(f, list):
            figs += f
        elif f is not None:
            figs.append(f)
    kept = _select(figs)
    if later.anchored:
        kept = _settle_anchored(kept, later.anchored, text)
    if later.subunits:
        kept = _lend_currency(kept, later.subunits, text)
    return kept


# A bracket starts a date only as "(21/10)": trying the whole date pattern at every "(" made
# deeply nested brackets slow.
_PAREN_DIGIT = re.compile(r"\(\s*\d")


def _candidates(text: str, lex: Lexicon) -> list[Cand]:
    """Each pattern is tried only where a token could start its kind of figure, left to right
    and non-overlapping within a family as a full scan would be, at a fraction of the cost.
    Most tokens are words that start no figure: one look-up of the word sets them aside."""
    scan = _Scan(text, lex)
    kinds, prefixes = lex.trigger_kinds, lex.ordinal_prefixes
    for tok in lex.token_re.finditer(text):
        w = tok.group()
        if w[0].isdigit():
            scan.at(tok, w, w[0], TRIGGERS)
            continue
        low = w.lower()
        k = kinds.get(low, 0)
        if prefixes and low.startswith(prefixes):  # "ke75", "kedua": the ordinal prefix
            k |= ORDINAL
        if k:
            scan.at(tok, w, low, k)
    return scan.dates + scan.ords + scan.nums


class _Scan:
    """The candidates of each family so far and where the last one ends (a family's
    candidates do not overlap)."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text, self.lex = text, lex
        self.dates: list[Cand] = []
        self.ords: list[Cand] = []
        self.nums: list[Cand] = []
        self.d_end = self.o_end = self.n_end = 0

    def at(self, tok: re.Match[str], w: str, key: str, k: int) -> None:
        """Try the families ``k`` names at token ``tok`` (``key``: its first digit, or the word
        in lower case)."""
        s = tok.start()
        if k & (DATE | PAREN) and s >= self.d_end and (k & DATE or _PAREN_DIGIT.match(self.text, s)):
            self._date(s, key)
        if k & ORDINAL and s >= self.o_end:
            self._ordinal(tok, w, key)
        if k & NUMBER and s >= self.n_end:
            self._number(s)

    def _date(self, s: int, key: str) -> None:
        text, lex = self.text, self.lex
        # "setahun lalu", "a year earlier" (the triggers are among the date triggers)
        if key in lex.ago1_triggers and (m := lex.res["ago1"].match(text, s)):
            self.dates.append(Cand(s, m.end(), "ago1", m))
            self.d_end = m.end()
        elif (m := lex.date_at.match(key, text, s)) and m.end() > s:
            self.dates.append(Cand(s, m.end(), "date", m))
            self.d_end = m.end()

    def _ordinal(self, tok: re.Match[str], w: str, key: str) -> None:
        # Roman numerals are among the ordinal triggers, in lower case
        if w.isupper() and key in ROMAN_TOKENS:
            if r := _roman(self.text, tok, self.lex):
                self.ords.append(r)
                self.o_end = r.end
        elif m := self.lex.res["ordinal"].match(self.text, tok.start()):
            self.ords.append(Cand(m.start(), m.end(), "ordinal", m))
            self.o_end = m.end()

    def _number(self, s: int) -> None:
        text, lex = self.text, self.lex
        m = lex.res["number"].match(text, s)
        if not m:
            return
        # a proportion starts like a number and goes on with "/", "in", "dari" after it
        if (text.startswith(lex.proportion_cues, m.end("n1"))
                and (p := lex.res["proportion"].match(text, s)) and (c := _proportion_cand(p, text, lex))):
            self.nums.append(c)
        start = m.start("cur") if m.group("cur") else m.start("n1")
        self.nums.append(Cand(start, m.end(), "number", m))
        # resume after the first amount, so a range's second end is a candidate on its own (it
        # wins when the range loses to an overlapping date)
        self.n_end = max(m.end("n1"), m.end("s1"), m.end("a1")) if m.group("n2") else m.end()
        n1 = m.group("n1")
        if n1[:1].isalpha() and (used := _numeral(n1, lex)[2]) < len(n1):
            self.n_end = m.start("n1") + used  # "dua tiga": the next word starts its own


def _roman(text: str, tok: re.Match[str], lex: Lexicon) -> Cand | None:
    """'Perang Dunia II', 'Henry VIII', 'XXI century': a Roman numeral in an ordinal's context."""
    res, s, w = lex.res, tok.start(), tok.group()
    if not (ROMAN.fullmatch(w) and res["roman_end"].match(text, tok.end())):
        return None
    if w in (lex.table.get("roman_ambiguous") or ()) and not res["roman_punct"].match(text, tok.end()):
        return None
    after, named = lex.roman_context.allows(text[max(0, s - 80):s])
    if after or res["roman_next"].match(text, tok.end()):
        return Cand(s, tok.end(), "roman", tok)
    # after a name, one letter and a full stop is an initial: "Richard C. Adkerson", "James L."
    initial = len(w) == 1 and _INITIAL_AFTER.match(text, tok.end()) is not None
    return Cand(s, tok.end(), "roman", tok) if named and not initial else None


def _proportion_cand(p: re.Match[str], text: str, lex: Lexicon) -> Cand | None:
    """'one in four' → 0.25 when both ends read as whole numbers and the first is at most the second;
    '50/50', '60/40' → 0.5, 0.6 when the shares add up to 100."""
    if p.group("sa"):
        share, rest = int(p.group("sa")), int(p.group("sb"))
        return Cand(p.start(), p.end(), "proportion", share / 100) if share + rest == 100 else None
    before = _PREV_WORD.search(text, max(0, p.start() - 30), p.start())
    if before and norm(before.group(1)) in lex.table.get("proportion_blockers", ()):
        return None  # "salah satu dari empat": one of them, not a share
    if p.group("pa").isdigit() and _is_label(text, p.start(), p.end("pa"), lex):
        return None  # "phases 3, 5, and 7 in 120 patients": a label, then a count
    name = _NAME_BEFORE.search(text, max(0, p.start() - 30), p.start())
    if name and p.group("pa")[:1].isupper():
        return None  # "Uranium One in three deals": a name, not a count
    a, _, used_a = _numeral(p.group("pa"), lex)
    b, _, used_b = _numeral(p.group("pb"), lex)
    if used_a < len(p.group("pa")) or used_b < len(p.group("pb")) or not a or not b or a > b:
        return None
    if _PLAIN_YEAR.fullmatch(p.group("pb")) or a != int(a) or b != int(b):
        return None  # "1 in 2008": a year; "1.5 in 3": not a count of cases
    return Cand(p.start(), p.end(), "proportion", a / b)


def _select(figs: list[Figure]) -> list[Figure]:
    """Leftmost-longest; on a tie the earlier pattern family (dates, ordinals, numbers) wins."""
    figs.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Figure] = []
    last_end = 0
    for f in figs:
        if f.start >= last_end:
            kept.append(f)
            last_end = f.end
    return kept


def _build(c: Cand, text: str, lex: Lexicon, ref: date | None, later: Later) -> Figure | list[Figure] | None:
    if c.kind == "date":
        return _build_date(c, text, lex, ref, later)
    if c.kind == "ago1":
        return _build_one_unit_ago(c, text, lex, ref, later)
    if c.kind == "ordinal":
        return _build_ordinal(c, text, lex)
    if c.kind == "roman":
        return _fig(text, c.start, c.end, kind="ordinal", value=float(_roman_value(c.m.group())))
    if c.kind == "proportion":
        # "one in four" → 0.25, a dimensionless share: a quantity whose unit says so (the release
        # schema has no proportion kind)
        return _fig(text, c.start, c.end, kind="quantity", value=c.m, unit="proportion",
                    counted=_counted(text, c.end, lex))
    return _build_number(c, text, lex, ref, later)


_INITIAL_AFTER = re.compile(r"\.[ \t]?[A-Z]")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_value(s: str) -> int:
    vals = [_ROMAN_DIGITS[ch] for ch in s]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


def _build_one_unit_ago(c: Cand, text: str, lex: Lexicon, ref: date | None, later: Later) -> Figure:
    """'setahun lalu', 'a year ago' (from the publication date), 'a year earlier' (from the date
    just named)."""
    m = c.m
    code = _unit_code(text[c.start:m.start("mark")], lex)
    return _ago_figure(text, c.start, c.end, 1.0, code, norm(m.group("mark")), lex, ref, later)


def _unit_code(s: str, lex: Lexicon) -> str:
    words = s.split()
    k = norm(words[-1]) if words else ""
    return lex.one_unit.get(norm(s)) or lex.time_units.get(k) or "Y"


def _ago_figure(text: str, start: int, end: int, v: float, code: str, mark: str, lex: Lexicon,
                ref: date | None, later: Later) -> Figure:
    t = lex.table
    mult, base = _DUR_ISO.get(code, (1, code))  # "a decade ago": ten years
    v, code = v * mult, base
    if mark in {norm(w) for w in t.get("ago_words") or []}:
        return _fig(text, start, end, kind="date", iso=_dates.ago_iso(v, code, ref))
    sign = -1 if mark in {norm(w) for w in t.get("anchor_before_words") or []} else 1
    f = _fig(text, start, end, kind="date", iso="PAST_REF" if sign < 0 else "FUTURE_REF")
    later.anchored.append((f, _dates.Shift(v, code, sign)))
    return f


def _fig(text: str, start: int, end: int, **kw: Any) -> Figure:
    """The figure of these values. They come from the grammar (offsets of the checked text, words
    of the lexicon, numbers it computed), so once each has the type validation would give it the
    figure is built without validating it again (``trusted_dict``; its invariants still checked).
    A value of any other type goes through full validation, which coerces or refuses it."""
    values = _figure_fields(text, start, end, kw)
    if values is None:
        return Figure(start=start, end=end, surface=text[start:end], **kw)
    return Figure.trusted_dict(values, {"start", "end", "surface", *kw})


_KINDS = {k.value: k for k in FigureKind}
_PERIODS = {p.value: p for p in Period}
_NUMBER_FIELDS = frozenset({"value", "low", "high"})
_TEXT_FIELDS = frozenset({"unit", "currency", "qualifier", "counted", "iso"})
_NULLABLE = _NUMBER_FIELDS | _TEXT_FIELDS | {"per"}
_NOT_VALID = object()
# every field of Figure in the model's order, with its default (the required ones are set per figure)
_DEFAULTS = {name: field.default for name, field in Figure.model_fields.items()}


def _figure_fields(text: str, start: int, end: int, kw: dict[str, Any]) -> dict[str, Any] | None:
    """Every field of a Figure in the model's order (defaults where ``kw`` gives none), each as
    pydantic's lax validation makes it; None when one is of a type this does not know."""
    kind = kw.get("kind")
    if start < 0 or end < 0 or not (type(kind) is str or type(kind) is FigureKind) or kind not in _KINDS:
        return None
    values = dict(_DEFAULTS)  # the model's order and defaults
    values.update(start=start, end=end, surface=text[start:end], kind=_KINDS[kind])
    for name, v in kw.items():
        if name != "kind":
            values[name] = _field_value(name, v)
            if values[name] is _NOT_VALID:
                return None
    return values


def _field_value(name: str, v: Any) -> Any:
    """``v`` as the value of field ``name`` (an int as a float, a period's name as the member), or
    ``_NOT_VALID`` for a value of any other type or a name that is no optional field."""
    if v is None:
        return None if name in _NULLABLE else _NOT_VALID
    t = type(v)
    if name in _NUMBER_FIELDS:
        return float(v) if t is int else v if t is float else _NOT_VALID
    if name in _TEXT_FIELDS:
        return v if t is str else _NOT_VALID
    if name == "per":
        return _PERIODS[v] if (t is str or t is Period) and v in _PERIODS else _NOT_VALID
    return v if name == "approximate" and t is bool else _NOT_VALID


# ---------------------------------------------------------------- dates and times

def _build_date(c: Cand, text: str, lex: Lexicon, ref: date | None, later: Later) -> Figure | list[Figure] | None:
    m, alt = c.m, c.m.lastgroup
    if alt == "dmrange":
        return _fig(text, c.start, c.end, kind="date", iso=_cross_month_range(m, lex, ref))
    if alt == "dlist":
        return _date_list(c, text, lex, ref)
    if alt == "mdlist":
        return _month_day_list(c, text, lex, ref)
    kind, iso, shift = _date_value(alt or "", m.group(), lex.lang, ref)
    f = _fig(text, c.start, c.end, kind=kind, iso=iso)
    if shift:  # "sehari sebelumnya": counted from the date just named, settled after selection
        later.anchored.append((f, shift))
    return f


@lru_cache(maxsize=4096)
def _date_value(alt: str, s: str, lang: str, ref: date | None) -> tuple[str, str | None, _dates.Shift | None]:
    """(kind, iso, shift from the date just named) of a date expression: the same surfaces come
    back in article after article ("Senin (12/3)", "tahun lalu", "2018"), so they are cached."""
    lex = lexicon(lang)
    if alt in _NUMERIC_DATE or alt in {"dmy", "mdy", "my", "month"}:
        iso = _dates.calendar_iso(s, lex, ref, numeric=alt in _NUMERIC_DATE)
        if alt == "paren" and iso and not iso.startswith("X"):
            iso = _with_weekday(iso, s, lex)
        return "date", iso, None
    if alt == "time":
        return "time", _dates.time_iso(s, lex), None
    if alt == "relative":
        key = _dates.relative_key(s, lex)
        return "date", _dates.relative_iso(s, lex, ref), _dates.relative_shift(key, lex) if key else None
    return "date", _other_date_iso(alt, s, lex, ref), None


def _other_date_iso(alt: str, s: str, lex: Lexicon, ref: date | None) -> str | None:
    if alt == "drange":
        return _dates.day_range_iso(s, lex, ref)
    if alt == "weekday":
        return _dates.weekday_expr_iso(s, lex, ref)
    if alt == "qtr":
        return _dates.quarter_iso(s, lex, ref)
    if alt == "yrange":
        return _dates.year_range_iso(s)
    if alt == "decade":
        return _dates.decade_iso(s)
    if alt == "century":
        digits = re.search(r"\d+", s)
        n = int(digits.group()) if digits else 0
        return f"{n - 1:02d}XX" if 1 <= n <= 99 else None
    ym = _dates._YEAR.search(s)
    return ym.group(1) if ym else None


_DAY_NUM = re.compile(r"\d{1,2}")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _cross_month_range(m: re.Match[str], lex: Lexicon, ref: date | None) -> str | None:
    """'30 Desember - 1 Januari' → 2023-12-30/2024-01-01 (in a 2024 article): the first end takes
    the second's year, one less when it would come after it."""
    s = m.group()
    cut = (m.start("dm2") if m.group("dm2") else m.start("md2")) - m.start()
    first, second = s[:cut], s[cut:]
    b = _dates.calendar_iso(second, lex, ref, numeric=False)
    a = _dates.calendar_iso(first, lex, ref, numeric=False)
    if not (a and b and len(a) >= 10 and len(b) >= 10):
        return None
    a, b = a[:10], b[:10]
    if not _dates._YEAR.search(first) and b[:4].isdigit():
        a = b[:4] + a[4:]
        if a[5:] > b[5:]:
            a = f"{int(b[:4]) - 1:04d}" + a[4:]
    return f"{a}/{b}" if a <= b else None


def _date_list(c: Cand, text: str, lex: Lexicon, ref: date | None) -> list[Figure]:
    """'23 dan 24 Juni 2024' → '23' (2024-06-23) and '24 Juni 2024' (2024-06-24): one date per
    listed day, each with the month and year of the last."""
    s = c.m.group()
    days = list(_DAY_NUM.finditer(s))
    i = next((k for k, d in enumerate(days) if (w := _NEXT_WORD.match(s, d.end()))
              and norm(w.group(1)) in lex.months), len(days) - 1)
    last = days[i]
    iso_last = _dates.calendar_iso(s[last.start():], lex, ref, numeric=False)
    figs = [_fig(text, c.start + last.start(), c.end, kind="date", iso=iso_last)]
    for d in days[:i]:
        iso = None
        if iso_last and len(iso_last) >= 7:
            y, mo = iso_last[:4], int(iso_last[5:7])
            iso = _dates._ymd(int(y) if y.isdigit() else None, mo, int(d.group()))
        figs.append(_fig(text, c.start + d.start(), c.start + d.end(), kind="date", iso=iso))
    return figs


def _month_day_list(c: Cand, text: str, lex: Lexicon, ref: date | None) -> list[Figure]:
    """'June 23 and 24, 2024' → 'June 23' and '24, 2024': the later days borrow the month."""
    s = c.m.group()
    ym = _dates._YEAR.search(s)
    days = [d for d in _DAY_NUM.finditer(s[: ym.start()] if ym else s)]
    base = _dates.calendar_iso(s, lex, ref, numeric=False)
    y = int(base[:4]) if base and base[:4].isdigit() else None
    mo = int(base[5:7]) if base and len(base) >= 7 else None
    figs = []
    for k, d in enumerate(days):
        a = c.start if k == 0 else c.start + d.start()
        sfx = _ORD_SFX.match(s, d.end())  # optional suffix: matches, if only the empty string
        b = c.end if k == len(days) - 1 else c.start + (sfx.end() if sfx else d.end())
        iso = _dates._ymd(y, mo, int(d.group())) if mo else None
        figs.append(_fig(text, a, b, kind="date", iso=iso))
    return figs


_ORD_SFX = re.compile(r"(?:st|nd|rd|th)?")


def _with_weekday(iso: str, s: str, lex: Lexicon) -> str:
    """'Kamis (4/4)': a weekday with a numeric date keeps the date; the part of day is added."""
    pod = _dates._lookup(_dates._words(s), lex.parts_of_day)
    return f"{iso}T{pod}" if pod and len(iso) == 10 else iso


# ---------------------------------------------------------------- ordinals

def _build_ordinal(c: Cand, text: str, lex: Lexicon) -> Figure | None:
    s = c.m.group()
    key = norm(s)
    pre = norm(lex.table.get("ordinal_prefix") or "")
    hyphen = False
    if key in lex.ordinal_words:
        n: float | None = float(lex.ordinal_words[key])
    elif pre and key.startswith(pre):
        rest = key[len(pre):].strip().lstrip("-").strip()
        hyphen = rest[:1].isdigit()
        n = parse_digits(rest, lex) if hyphen else parse_words(rest, lex)[0]
    else:
        n = parse_digits(re.sub(r"\D", "", s), lex)
    if n is None:
        return None
    counted = None if hyphen or key in lex.ordinal_words else _collective(c, text, lex)
    if counted:
        return _fig(text, c.start, c.end, kind="cardinal", value=n, counted=counted)
    return _fig(text, c.start, c.end, kind="ordinal", value=n)


def _collective(c: Cand, text: str, lex: Lexicon) -> str | None:
    """'kedua tersangka', 'hubungan kedua negara' (both) count; 'tahap kedua', 'kedua
    terbesar', 'untuk kedua kalinya' order. A ke-number before a noun is a collective cardinal."""
    if not lex.table.get("collective_ordinals"):
        return None
    word = _counted(text, c.end, lex)
    if word is None or norm(word) in lex.table.get("collective_blockers", ()):
        return None
    return word


def _counted(text: str, end: int, lex: Lexicon) -> str | None:
    """The noun a number counts ("758 delegates"), through one participle before it ("758
    pledged delegates", "12 confirmed cases"); None after a verb ("15 died") or a function word."""
    m = lex.res["word"].match(text, end)
    if not m:
        return None
    w = m.group(1)
    if _participle(w, lex):
        after = lex.res["word"].match(text, m.end())
        noun = after.group(1) if after and _countable(after.group(1), lex) else None
        return f"{w} {noun}" if noun else None
    return w if _countable(w, lex) else None


def _participle(word: str, lex: Lexicon) -> bool:
    k = norm(word)
    return len(k) > 4 and k.endswith(tuple(lex.table.get("verb_suffixes") or ("\0",)))


def _countable(w: str, lex: Lexicon) -> bool:
    k = norm(w)
    return not (k in lex.not_counted or k.startswith(tuple(lex.table.get("verb_prefixes") or ("\0",)))
                or _participle(w, lex)
                or k in lex.words or k in lex.scales or k in lex.local_mult
                or k in lex.teens or k in lex.months or k in lex.weekdays or k in lex.qualifiers
                or k in lex.periods or w[:1].isupper() or len(w) < 2)


# ---------------------------------------------------------------- numbers

def _numeral(s: str, lex: Lexicon) -> tuple[float | None, float | None, int]:
    """(value, low, characters used) of one numeral; vague words give only a lower bound."""
    k = norm(s)
    if k in lex.fractions:
        return float(lex.fractions[k]), None, len(s)
    if k in lex.vague:
        return None, float(lex.vague[k]), len(s)
    if s[:1].isdigit() or s[:1] in ".,":
        if (sci := _SCI.fullmatch(s)) is not None:
            return _sci_value(sci, lex), None, len(s)
        if (fr := _FRACTION.fullmatch(s)) is not None:
            return int(fr.group(1)) / int(fr.group(2)), None, len(s)
        return parse_digits(s, lex), None, len(s)
    v, used = parse_words(s, lex)
    n = word_prefix_len(s, used)
    half = lex.mixed.get(norm(s[n:]))
    if half is not None and v is not None:  # "dua setengah" 2.5, "two and a half"
        return v + half, None, len(s)
    return v, None, n


_SCI = re.compile(r"(\d+(?:\.\d+)?)\s?(?:[×xX]\s?10\^?([−\-–+⁻⁺]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)|[eE]([−\-+]?\d+))")
_FRACTION = re.compile(r"(\d+)/(\d+)")
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺−–", "0123456789-+--")


def _sci_value(m: re.Match[str], lex: Lexicon) -> float | None:
    """'5×10−4' → 0.0005, '1.5e6' → 1.5e6 (the mantissa's point is always a decimal mark)."""
    exp = (m.group(2) or m.group(3)).translate(_SUPER)
    try:
        return _mul(float(m.group(1)), 10.0 ** int(exp))
    except OverflowError:
        return None


def _scale(m: re.Match[str], i: str, lex: Lexicon) -> float:
    if m.group(f"s{i}"):
        return float(lex.scales[norm(m.group(f"s{i}"))])
    if m.group(f"a{i}"):
        return lex.money_abbrev[m.group(f"a{i}")]
    if i == "1" and m.group("a1x"):
        return lex.money_abbrev[m.group("a1x")]
    return 1.0


def _mul(x: float | None, k: float) -> float | None:
    if x is None:
        return None
    y = _product(x, k)
    return y if y != float("inf") else None


def _product(x: float, k: float) -> float:
    """x times a scale, without the binary rounding noise of the product: "Rp 279,9 triliun" is
    2.799e14, not 279899999999999.97. Rounded to 15 significant digits (what a float holds
    exactly), a written figure has few; a ratio such as a third keeps all of its own."""
    product = x * k
    rounded = f"{product:.15g}"
    digits = rounded.split("e")[0].replace("-", "").replace(".", "").strip("0")
    return float(rounded) if len(digits) <= _WRITTEN_DIGITS else product


_WRITTEN_DIGITS = 12


def _build_number(c: Cand, text: str, lex: Lexicon, ref: date | None, later: Later) -> Figure | None:
    m = c.m
    if (_ref_cue_before(text, c.start, lex) or _is_citation(text, c, lex)
            or ("/" in text[c.start - 2:c.start] and _CODE_BEFORE.search(text, max(0, c.start - 30), c.start))):
        return None  # "Pasal 5", "Fig. 3", "[12]": a label or reference, not a figure
    n1 = m.group("n1")
    bare = not (m.group("cur") or m.group("s1") or m.group("post") or m.group("n2"))
    if bare and _LEADING_ZERO.match(n1):
        if _CLOCK.fullmatch(n1):  # "07.30" with no cue: a clock time
            return _fig(text, c.start, c.end, kind="time", iso=_dates.time_iso(n1, lex))
        return None  # "08123456789", "01.5514": a phone or fleet number, not an amount
    v1, low1, used = _numeral(n1, lex)
    if used < len(n1):  # a word list like "dua tiga": keep the first numeral only
        end = m.start("n1") + used
        first: dict[str, Any] = {"value": v1, "low": low1, "approximate": low1 is not None}
        return _finish(text, c.start, end, "cardinal", first, lex)
    if m.group("sfx") and v1 is not None:
        v1, low1 = None, v1
    sc1 = _scale(m, "1", lex)
    v1, low1 = _mul(v1, sc1), _mul(low1, sc1)
    f: dict[str, Any] = {"value": v1, "low": low1, "approximate": low1 is not None}
    end = max(m.end("n1"), m.end("sfx"), m.end("s1"), m.end("a1"), m.end("a1x"), m.end("p1"))
    if m.group("pm") and v1 is not None:  # "25 ± 0.02 °C": the value with low and high
        d = parse_digits(m.group("pm"), lex)
        if d is not None:
            d = _product(d, float(lex.scales[norm(m.group("pm_s"))]) if m.group("pm_s") else sc1)
            f.update(low=v1 - d, high=v1 + d)
            end = max(m.end("pm"), m.end("pm_s"))
    is_range = change = False
    if m.group("n2"):
        change = _is_change(m, text, lex)
        is_range = not change and _is_range(m, text, lex)
    if is_range:
        v2, _, used2 = _numeral(m.group("n2"), lex)
        sc2 = _scale(m, "2", lex)
        if used2 == len(m.group("n2")) and v1 is not None and v2 is not None:
            if sc2 != 1.0 and sc1 == 1.0 and v1 <= v2:
                v1 = _product(v1, sc2)  # "2 sampai 2,2 juta ton": the first end borrows the scale
            v2 = _product(v2, sc2)
            if v1 <= v2:
                f.update(value=None, low=v1, high=v2)
                end = max(m.end("n2"), m.end("s2"), m.end("a2"))
    cur = m.group("cur")
    post = m.group("post") if m.start("post") >= end else None
    borrowed = None
    if m.group("n2") and end <= m.start("sep"):  # two figures: the unit is the second one's,
        # lent to a bare first end right after "dari"/"from" ("naik dari 5 menjadi 10 persen")
        bare1 = not (m.group("p1") or cur or m.group("cur2") or m.group("s1"))
        borrowed = post if change and bare1 and _after_from(m, text, lex) else None
        post = None
    if post and cur and norm(post) not in lex.cur_after:
        post = None  # "Rp 5 triliun tahun ini": an amount of money has no further unit
    if post and m.group("p1") and norm(post) in lex.time_units:
        post = None  # "tumbuh 5,2 persen tahun ini", "3% year-on-year": nor has a percent; the time is its own
    if post:
        end = m.end("post")
    elif m.group("p1"):
        post = m.group("p1")
    kind, extra = _classify(post or borrowed, cur, lex)
    if post and norm(post) in lex.basis_point:
        _in_percentage_points(f)
    if borrowed and kind == "duration":
        kind, extra = "cardinal", {}
    f.update(extra)
    if kind == "duration":
        return _duration(text, c.start, end, f, lex, ref, later)
    if kind == "cardinal" and _is_year(text, c.start, end, m, lex):
        return _fig(text, c.start, end, kind="date", iso=m.group("n1"))
    sub = lex.subunits.get(norm(post)) if post and kind == "money" else None
    if sub:  # "13 sen": a hundredth of the currency named nearby, settled after selection
        for k in ("value", "low", "high"):
            f[k] = _mul(f.get(k), sub)
        f.pop("currency", None)
    fig = _finish(text, c.start, end, kind, f, lex)
    if sub and fig is not None:
        later.subunits.append(fig)
    return fig


def _in_percentage_points(f: dict[str, Any]) -> None:
    """ "25 basis poin" is 0.25 percentage point: basis points are written as percentage points, the
    unit the same change is written in elsewhere, so that the two compare."""
    for key in ("value", "low", "high"):
        if f.get(key) is not None:
            f[key] = f[key] / 100


# "Nomor 34/PMK.011/2007", "Kep-176/KM.10/7": the last part of a document code
_CODE_BEFORE = re.compile(r"/[^\W\d_][\w.\-]*/$")
_CITE = re.compile(r"\[[\d\s,;–\-]*\]")
_PAREN_INT = re.compile(r"\(\d{1,3}\)")


def _is_citation(text: str, c: Cand, lex: Lexicon) -> bool:
    """'[12]', '[49,50]' anywhere; '(11)' where the table says bare parenthesised integers are
    references (scientific English), not ages as in Indonesian news ('Budi (45)')."""
    a, b = max(0, c.start - 12), min(len(text), c.end + 12)
    if text.find("[", a, c.start) >= 0:  # a citation's bracket opens before the figure
        for m in _CITE.finditer(text, a, b):
            if m.start() < c.start and c.end < m.end():
                return True
    if lex.table.get("parenthesised_integers_are_references"):
        paren = _PAREN_INT.match(text, c.start - 1) if c.start else None
        return paren is not None and paren.end() == c.end + 1
    return False


def _is_range(m: re.Match[str], text: str, lex: Lexicon) -> bool:
    """Both ends must read alike: '10%-15 %', '10-20 persen', 'Rp 4-6 ribu', but not
    '2.5 percent to $182.41' or '1.6% to 30.5 million' (a change, not a range). '3-0' after
    'skor'/'menang' is a score: two numbers."""
    post = m.group("post")
    if m.group("p1") and not (post and norm(post) in lex.percent):
        return False
    if m.group("cur2") and not m.group("cur"):
        return False
    sep = m.group("sep").strip()
    if sep not in "-–—" or m.group("post") or m.group("cur"):
        return True
    window = text[max(0, m.start("n1") - 40):m.start("n1")]
    return lex.res["score_cue"].search(window) is None


def _is_change(m: re.Match[str], text: str, lex: Lexicon) -> bool:
    """'naik dari 5 menjadi 10 persen', 'rose from 5 to 10 percent': a change marker between
    the two, or a change verb then 'dari'/'from' right before the first, makes two figures."""
    if norm(m.group("sep")) in lex.table.get("change_separators", ()):
        return True
    start = m.start("cur") if m.group("cur") else m.start("n1")
    lo = max(0, start - 60)
    # the cue ends in 'dari'/'from': that short pattern rules most windows out before the long
    # alternation of change verbs is tried at every position of the window
    return lex.res["change_from"].search(text, lo, start) is not None \
        and lex.res["change_cue"].search(text, lo, start) is not None


def _after_from(m: re.Match[str], text: str, lex: Lexicon) -> bool:
    start = m.start("n1")
    return lex.res["change_from"].search(text, max(0, start - 12), start) is not None


def _classify(post: str | None, cur: str | None, lex: Lexicon) -> tuple[str, dict[str, Any]]:
    extra: dict[str, Any] = {}
    if cur:
        extra["currency"] = lex.cur_before.get(cur) or _ci_get(lex.cur_before, cur)
    if post is None:
        return ("money" if cur else "cardinal"), extra
    k = norm(post)
    if k in lex.percent_point or k in lex.basis_point:
        return "percent", {**extra, "unit": "percentage_point"}
    if k in lex.percent:
        return "percent", extra
    if k in lex.cur_after:
        return "money", {**extra, "currency": extra.get("currency") or lex.cur_after[k]}
    if post in lex.subunits:
        return "money", extra
    if k in lex.time_units and not cur:
        return "duration", {"unit": lex.time_units[k]}
    unit = lex.units.get(post) or lex.units_ci.get(k) or " ".join(post.split())
    if cur:
        return "money", extra
    return "quantity", {"unit": unit}


def _ci_get(d: dict[str, str], key: str) -> str | None:
    low = key.lower()
    return next((v for k, v in d.items() if k.lower() == low), None)


def _is_year(text: str, start: int, end: int, m: re.Match[str], lex: Lexicon) -> bool:
    """A bare 1600-2099 is a year unless a qualifier or a counting word puts it in a count
    ("sekitar 2000 orang", "ada 2016 orang")."""
    n1 = m.group("n1")
    if not (end - start == 4 and n1 == text[start:end] and _PLAIN_YEAR.fullmatch(n1)):
        return False
    before = text[max(0, start - 30):start]
    return not (lex.res["qualifier"].search(before) or lex.res["count_cue"].search(before))


def _ref_cue_before(text: str, start: int, lex: Lexicon) -> bool:
    """ "Pasal 5", "Fig. (3)": a reference cue ends right before ``start``."""
    lo = max(0, start - 20)
    return _may_end_with_cue(text, lo, start, lex.lang) and lex.res["ref_cue"].search(text, lo, start) is not None


def _may_end_with_cue(text: str, lo: int, end: int, lang: str) -> bool:
    """Could text[lo:end] end with a reference cue (case-sensitive, then spaces, then "(")?
    Exact for one-word cues, by a look-up of the text's last few characters; with a phrase
    among them (spaces inside may stretch), only the last character is looked at. Either rules
    out most windows before the cue pattern is searched at each of their positions."""
    k = end - 1 if end > lo and text[end - 1] == "(" else end
    while k > lo and text[k - 1].isspace():  # as the patterns' \s: str.isspace()
        k -= 1
    index, last = _cue_index(lang)
    if k <= lo or text[k - 1] not in last:
        return False
    if index is None:
        return True
    lengths, known, last_two = index
    if lengths[0] >= 2 and text[max(lo, k - 2):k] not in last_two:
        return False  # most numbers: no cue ends with the two characters before them
    return any(k - n >= lo and text[k - n:k] in known for n in lengths)


_CueIndex = tuple[tuple[int, ...], frozenset[str], frozenset[str]]


@cache
def _cue_index(lang: str) -> tuple[_CueIndex | None, frozenset[str]]:
    """The lengths, the set and the last two characters of the language's reference cues (None
    if one is a phrase), and the characters they can end with."""
    cues = lexicon(lang).reference_cues
    one_word = all(len(w.split()) == 1 and w.strip() == w and not w.endswith("(") for w in cues)
    index = (tuple(sorted({len(w) for w in cues})), frozenset(cues), frozenset(w[-2:] for w in cues)) \
        if one_word and cues else None
    return index, frozenset(w[-1] for w in cues if w)


def _qualifier_before(text: str, start: int, lex: Lexicon) -> re.Match[str] | None:
    lo = max(0, start - 30)
    if not _may_end_with_qualifier(text, lo, start, lex):
        return None
    return lex.res["qualifier"].search(text, lo, start)


# A qualifier follows white space or one of these (its pattern's look-behind)
_OPENERS_AS_SPACE = str.maketrans(dict.fromkeys(QUALIFIER_OPENERS, " "))


def _may_end_with_qualifier(text: str, lo: int, end: int, lex: Lexicon) -> bool:
    """Could text[lo:end] end with a qualifier (then white space)? Its last word, after white
    space or an opening bracket or quote, must be the last word of one: a look-up that rules out
    nearly every window before the qualifier pattern is searched at each of its positions (the
    cost of every figure). ASCII words are compared in lower case, as the pattern matches them;
    any other word is not ruled out."""
    ends = lex.qualifier_ends
    if ends is None:
        return True
    words = text[lo:end].translate(_OPENERS_AS_SPACE).rsplit(None, 1)
    if not words:
        return False
    last = words[-1]
    return not last.isascii() or last.lower() in ends


def _finish(text: str, start: int, end: int, kind: str, f: dict[str, Any], lex: Lexicon) -> Figure | None:
    q = _qualifier_before(text, start, lex)
    if q:
        f.update(approximate=True, qualifier=norm(q.group(1)))
    if kind in {"cardinal", "money", "quantity", "percent"}:
        r = lex.res["rate"].match(text, end)
        if r:
            f["per"] = lex.periods.get(norm(r.group(1).split()[-1].lstrip("/")))
    if kind == "cardinal":
        f["counted"] = _counted(text, end, lex)
        if f["counted"] is None and lex.table.get("hyphen_units") and (h := _COMPOUND_WORD.match(text, end)):
            f["counted"] = h.group(1)  # "a 30-item scale" counts items
        if f["counted"] is None and not q and _is_label(text, start, end, lex):
            return None
    return _fig(text, start, end, kind=kind, **f)


_COMPOUND = re.compile(r"-[^\W\d_]")
_COMPOUND_WORD = re.compile(r"-([^\W\d_]{2,})(?![\w-])")
_PREV_WORD = re.compile(r"([^\W\d_][\w\-]*)\.?\s{1,2}$")
_NAME_BEFORE = re.compile(r"[A-Z][\w\-]* $")


def _is_label(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """'phase 3', 'line 10', 'Telkom 1': a bare integer right after a noun names a thing.
    A lone 'one' with no noun after it is a pronoun ('the smaller one')."""
    surface = text[start:end]
    if norm(surface) in lex.table.get("pronoun_numbers", ()):
        return True
    if not (lex.table.get("labels_after_nouns") and surface.isdigit()):
        return False
    if _COMPOUND.match(text, end):  # "the 30-item scale": a count inside a compound adjective
        return False
    # "phases 3, 5, and 7", "samples 1 and 2": the later numbers of a list share its head
    lst = lex.res["list_before"].search(text, max(0, start - 40), start)
    head = lst.start() if lst else start
    if lst and _ref_cue_before(text, head, lex):
        return True
    m = _PREV_WORD.search(text, max(0, head - 40), head)
    if not m:
        return False
    k = norm(m.group(1))
    return not (k in lex.not_counted or k in lex.qualifiers or k in lex.words
                or k in lex.table.get("count_cues", ()) or k in lex.periods)


def _duration(text: str, start: int, end: int, f: dict[str, Any], lex: Lexicon, ref: date | None,
              later: Later) -> Figure:
    code = f.pop("unit")
    v, low = f.get("value"), f.get("low")
    ago = lex.res["ago"].match(text, end)
    if ago and v is not None and f.get("high") is None:
        return _ago_figure(text, start, ago.end(), v, code, norm(ago.group(1)), lex, ref, later)
    f["unit"] = _DUR_UNITS.get(code, code.lower())
    if f.get("high") is not None:  # "12 - 21 tahun" → P12Y/P21Y
        a, b = _duration_iso(low, code), _duration_iso(f["high"], code)
        f["iso"] = f"{a}/{b}" if a and b else None
    else:
        f["iso"] = _duration_iso(v if v is not None else (None if low is None else -1.0), code)
    q = _qualifier_before(text, start, lex)
    if q:
        f.update(approximate=True, qualifier=norm(q.group(1)))
    return _fig(text, start, end, kind="duration", **f)


def _duration_iso(v: float | None, code: str) -> str | None:
    """P5Y, P3M; hours, minutes and seconds as P0DT<hours>H (the schema's ISO pattern reads
    time durations in that form)."""
    mult, base = _DUR_ISO.get(code, (1, code))
    if v is None:
        return None
    if v < 0:  # vague: the count is unknown
        return f"PX{base}" if base in {"Y", "M", "W", "D"} else None
    hours = {"H": 1.0, "MIN": 1 / 60, "S": 1 / 3600}.get(base)
    n = v * (hours or mult)
    num = str(int(n)) if n == int(n) and n < 1e15 else repr(round(n, 6))
    if "e" in num or "inf" in num:
        return None
    return f"P0DT{num}H" if hours else f"P{num}{base}"


# ---------------------------------------------------------------- settled after selection

_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+")
_ANCHOR_REACH = 600  # characters back to look for the date a relative one is counted from


def _anchor_iso(kept: list[Figure], i: int, text: str) -> str | None:
    """The iso of the nearest date before ``kept[i]`` that names a year, in the same sentence or
    the one before it."""
    f = kept[i]
    for g in reversed(kept[:i]):
        if f.start - g.end > _ANCHOR_REACH:
            return None
        if g.kind == "date" and g.iso and g.iso[:4].isdigit() and "/" not in g.iso:
            ends = len(_SENTENCE_END.findall(text, g.end, f.start))
            return g.iso if ends <= 1 else None
    return None


def _settle_anchored(kept: list[Figure], anchored: list[tuple[Figure, _dates.Shift]], text: str) -> list[Figure]:
    """'Pada 2019 ... setahun sebelumnya' → 2018; 'tahun yang sama' → the year just named.
    Without such a date the figure keeps what it had (from the publication date, PAST_REF or none)."""
    shifts = {id(f): sh for f, sh in anchored}
    out = list(kept)
    for i, f in enumerate(kept):
        sh = shifts.get(id(f))
        if sh is None:
            continue
        anchor = _anchor_iso(out, i, text)
        iso = _dates.shift_iso(anchor, sh) if anchor else None
        if iso and sh.coarse:  # "tahun yang sama", "tahun sebelumnya": a year, not a day
            iso = iso[: {"Y": 4, "M": 7}.get(sh.unit, 10)]
        if iso:
            out[i] = f.model_copy(update={"iso": iso})
    return out


_CURRENCY_REACH = 300  # characters either way to look for the money figure a subunit belongs to


def _lend_currency(kept: list[Figure], subunits: list[Figure], text: str) -> list[Figure]:
    """'naik 13 sen menjadi 1,20 dolar AS': the subunit takes the currency of the nearest money
    figure with one, within the same stretch of text."""
    ids = {id(f) for f in subunits}
    money = [g for g in kept if g.kind == "money" and g.currency and id(g) not in ids]
    starts = [g.start for g in money]  # ascending: kept is sorted
    out = []
    for f in kept:
        if id(f) in ids:
            k = bisect_left(starts, f.start)
            near = min(money[max(0, k - 1):k + 1], key=lambda g: abs(g.start - f.start), default=None)
            if near is not None and abs(near.start - f.start) <= _CURRENCY_REACH:
                f = f.model_copy(update={"currency": near.currency})
        out.append(f)
    return out
