"""Date and time expressions to ISO 8601 / TIMEX3 values, grounded on a reference date.

News reports the past: a bare weekday is the latest such day on or before the reference date;
a numeric day/month without a year ("(21/12)") is the latest such date at most ~a month after
the reference date (December of the previous year in a June article); a bare month or a day with a
month name is in the reference year, moved a year back or forward only when a
marker ("lalu", "mendatang", "last", "next") says the other side of the reference date.
Without a reference date the year stays unknown ("XXXX-07").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from klaim.dates import parse_iso_date
from klaim.extraction.figures._lexicon import Lexicon, norm

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_INT = re.compile(r"\d+")
_TOKENS = re.compile(r"[^\W\d_][\w']*\.?|\d+")


def parse_ref(ref: date | str | None) -> date | None:
    return parse_iso_date(ref, "reference_date")


def _words(surface: str) -> list[str]:
    return [norm(w.rstrip(".")) for w in _TOKENS.findall(surface)]


_Value = TypeVar("_Value")


def _lookup(words: list[str], table: Mapping[str, _Value]) -> _Value | None:
    for i, w in enumerate(words):
        pair = f"{w} {words[i + 1]}" if i + 1 < len(words) else None
        if pair and pair in table:
            return table[pair]
        if w in table:
            return table[w]
    return None


def _marker(words: list[str], lex: Lexicon) -> int:
    joined = " ".join(words)
    if any(f" {m}" in f" {joined}" for m in lex.future if m):
        return 1
    if any(f" {m}" in f" {joined}" for m in lex.past if m):
        return -1
    return 0


def _year_for(month: int, day: int, ref: date, marker: int) -> int:
    if marker < 0 and (month, day) > (ref.month, ref.day):
        return ref.year - 1
    if marker > 0 and (month, day) < (ref.month, ref.day):
        return ref.year + 1
    return ref.year


# How far after the reference date a day/month without a year may still fall ("(21/12)").
FUTURE_WINDOW = timedelta(days=31)


def nearest_year(month: int, day: int, ref: date, weekday: int | None = None) -> int:
    """'(21/12)' in an article of 2024-06-10 → 2023: news reports past events, so a numeric
    day/month without a year is the latest such date that is at most FUTURE_WINDOW after the
    reference date (the previous, same or next year; '(2/1)' on 2024-12-28 → 2025). A weekday
    written with it ('Kamis (21/12)') picks, among those years, the one where it falls on that day."""
    fits = []
    for y in (ref.year + 1, ref.year, ref.year - 1):
        try:
            d = date(y, month, day)
        except ValueError:  # 29/2 outside a leap year: compare with the 28th
            d = date(y, month, min(day, 28))
        if d <= ref + FUTURE_WINDOW:
            fits.append((y, d))
    if weekday:
        for y, d in fits:
            if d.isoweekday() == weekday and d.day == day:
                return y
    return fits[0][0] if fits else ref.year


def _ymd(y: int | None, m: int | None, d: int | None) -> str:
    ys = f"{y:04d}" if y else "XXXX"
    if m is None:
        return ys
    if d is None:
        return f"{ys}-{m:02d}"
    if y:
        try:
            date(y, m, d)
        except ValueError:
            return f"{ys}-{m:02d}"
    return f"{ys}-{m:02d}-{d:02d}"


def calendar_iso(surface: str, lex: Lexicon, ref: date | None, numeric: bool) -> str | None:
    """Dates with a day, month or year written out: '4 April 2024', '(20/10)', 'Februari 2022'."""
    words = _words(surface)
    ym = _YEAR.search(surface)
    year = int(ym.group(1)) if ym else None
    if numeric:
        nums = [int(x) for x in _INT.findall(surface)]
        if nums and nums[0] > 31:  # yyyy-mm-dd
            nums = [nums[2], nums[1], nums[0]] if len(nums) >= 3 else nums
        day, month = ([*nums, None, None])[:2]
        if len(nums) >= 3:
            year = nums[2] + 2000 if nums[2] < 100 else nums[2]
    else:
        month = _lookup(words, lex.months)
        rest = surface if not ym else surface[: ym.start()] + surface[ym.end():]
        dm = re.search(r"(?<!\d)(\d{1,2})(?!\d)", rest)
        day = int(dm.group(1)) if dm else None
    if month is not None and not 1 <= int(month) <= 12:
        return None
    mark = _marker(words, lex)
    if year is None and month is not None and ref is not None:
        if numeric and day is not None and not mark:
            wd = _lookup(words, lex.weekdays)
            year = nearest_year(int(month), day, ref, int(wd) if wd else None)
        else:
            year = _year_for(int(month), day or 1, ref, mark)
    iso: str | None = _ymd(year, month, day)
    if day is None and month is None and year is None:
        wd = _lookup(words, lex.weekdays)
        iso = weekday_iso(int(wd), ref, mark) if wd else None
    pod = _lookup(words, lex.parts_of_day)
    return f"{iso}T{pod}" if iso and pod and day is not None else iso


def weekday_iso(wd: int, ref: date | None, marker: int) -> str | None:
    if ref is None:
        return None
    if marker > 0:
        return (ref + timedelta(days=(wd - ref.isoweekday()) % 7 or 7)).isoformat()
    back = (ref.isoweekday() - wd) % 7
    if marker < 0 and back == 0:
        back = 7
    return (ref - timedelta(days=back)).isoformat()


def weekday_expr_iso(surface: str, lex: Lexicon, ref: date | None) -> str | None:
    words = _words(surface)
    wd = _lookup(words, lex.weekdays)
    iso = weekday_iso(int(wd), ref, _marker(words, lex)) if wd else None
    pod = _lookup(words, lex.parts_of_day)
    return f"{iso}T{pod}" if iso and pod else iso


def quarter_iso(surface: str, lex: Lexicon, ref: date | None) -> str | None:
    words = _words(surface)
    ym = _YEAR.search(surface)
    year = int(ym.group(1)) if ym else (ref.year if ref else None)
    rest = surface if not ym else surface[: ym.start()] + surface[ym.end():]
    n = _ordinal_in(rest, lex)
    half = any(w in {norm(h) for h in lex.table.get("half_words") or []} for w in words)
    if n is None or not 1 <= n <= (2 if half else 4):
        return None
    return f"{year or 'XXXX'}-{'H' if half else 'Q'}{n}"


def _ordinal_in(s: str, lex: Lexicon) -> int | None:
    from klaim.extraction.figures._numbers import parse_words

    pre = norm(lex.table.get("ordinal_prefix") or "")
    for raw in re.findall(r"[\w']+", s):
        if raw in lex.roman:
            return lex.roman[raw]
        w = norm(raw)
        if w.isdigit():
            return int(w)
        if w in lex.ordinal_words:
            return int(lex.ordinal_words[w])
        if pre and w.startswith(pre) and w[len(pre):] in lex.words:
            v, _ = parse_words(w[len(pre):], lex)
            return int(v) if v else None
    return None


def time_iso(surface: str, lex: Lexicon) -> str | None:
    """'pukul 19.30 WIB' → T19:30+07:00; 'pukul 08.00 - 10.00 WIB' → T08:00+07:00/T10:00+07:00."""
    parts = list(re.finditer(r"(?<![\d.:])\d{1,2}(?:[.:]\d{2})?(?::\d{2})?", surface))
    if len(parts) == 2:
        tail = surface[parts[1].start():]
        a = _one_time(surface[: parts[1].start()] + "".join(c for c in tail if not c.isdigit()), lex)
        b = _one_time(tail, lex)
        return f"{a}/{b}" if a and b else None
    return _one_time(surface, lex)


def _one_time(surface: str, lex: Lexicon) -> str | None:
    m = re.search(r"(\d{1,2})(?:[.:](\d{2}))?(?::(\d{2}))?", surface)
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    low = surface.lower()
    pod = _lookup(_words(surface), lex.parts_of_day)
    if h < 12 and ("p.m" in low or re.search(r"\dpm|\spm\b", low) or pod in {"AF", "EV"}):
        h += 12
    if h == 12 and ("a.m" in low or re.search(r"\dam|\sam\b", low)):
        h = 0
    if h > 23:
        return None
    tz = next((v for k, v in lex.time_zones.items() if re.search(rf"\b{re.escape(k)}\b", surface)), "")
    sec = f":{m.group(3)}" if m.group(3) else ""
    return f"T{h:02d}:{mi:02d}{sec}{tz}"


_UNIT_OF = {"day": "D", "week": "W", "month": "M", "year": "Y"}


@dataclass(frozen=True)
class Shift:
    """How far a relative date lies from the date it is counted from: n units, back (-1),
    forward (1) or the same period (0)."""

    n: float
    unit: str
    sign: int
    coarse: bool = False  # a named period ("tahun sebelumnya"): the result only to that unit


def relative_key(surface: str, lex: Lexicon) -> str | None:
    joined = " ".join(_words(surface))
    return next((k for k in sorted(lex.relative, key=len, reverse=True) if k.replace("-", " ") in joined), None)


def relative_shift(key: str, lex: Lexicon) -> Shift | None:
    """The shift of a relative date the table marks as counted from the date just named
    ('anchored': else from the publication date; 'same': else unknown)."""
    off = lex.relative[key]
    if not (off.get("anchored") or off.get("same")):
        return None
    unit, n = next(((k, v) for k, v in off.items() if k in _UNIT_OF), ("year", 0))
    return Shift(abs(n), _UNIT_OF[unit], (n > 0) - (n < 0), coarse=True)


def relative_iso(surface: str, lex: Lexicon, ref: date | None) -> str | None:
    key = relative_key(surface, lex)
    if key is None:
        return None
    words = _words(surface)
    off = {k: v for k, v in lex.relative[key].items() if k in _UNIT_OF}
    if off.get("same") or lex.relative[key].get("same"):
        return None  # "tahun yang sama": only the date just named gives it a value
    if ref is None:
        return "PRESENT_REF" if all(v == 0 for v in off.values()) else None
    if "day" in off:
        iso = (ref + timedelta(days=off["day"])).isoformat()
        pod = _lookup(words, lex.parts_of_day)
        return f"{iso}T{pod}" if pod else iso
    if "week" in off:
        y, w, _ = (ref + timedelta(weeks=off["week"])).isocalendar()
        return f"{y:04d}-W{w:02d}"
    if "month" in off:
        k = ref.year * 12 + ref.month - 1 + off["month"]
        return f"{k // 12:04d}-{k % 12 + 1:02d}"
    return f"{ref.year + off.get('year', 0):04d}"


def year_range_iso(surface: str) -> str | None:
    nums = _INT.findall(surface)
    if len(nums) < 2:
        return None
    a = int(nums[0])
    b = int(nums[1]) if len(nums[1]) == 4 else a // 100 * 100 + int(nums[1])
    return f"{a:04d}/{b:04d}" if b >= a else None


def ago_iso(value: float, unit: str, ref: date | None) -> str | None:
    """'dua tahun lalu' → the year two years before the reference date."""
    if ref is None or value != int(value) or value > 5000:
        return None
    n = int(value)
    if unit == "Y":
        return f"{ref.year - n:04d}" if ref.year - n > 0 else None
    if unit == "M":
        k = ref.year * 12 + ref.month - 1 - n
        return f"{k // 12:04d}-{k % 12 + 1:02d}" if k > 12 else None
    if unit in {"D", "W"}:
        try:
            return (ref - timedelta(days=n * (7 if unit == "W" else 1))).isoformat()
        except OverflowError:
            return None
    return None


def day_range_iso(surface: str, lex: Lexicon, ref: date | None) -> str | None:
    """'19-21 Agustus 2024' → 2024-08-19/2024-08-21; the first day borrows month and year."""
    days = list(re.finditer(r"(?<!\d)(\d{1,2})(?!\d)", surface))
    if len(days) < 2:
        return None
    end = calendar_iso(surface[days[1].start():], lex, ref, numeric=False)
    if not end or len(end) < 10:
        return None
    first = f"{end[:8]}{int(days[0].group(1)):02d}"
    return f"{first}/{end[:10]}" if first <= end[:10] else None


def decade_iso(surface: str) -> str | None:
    """'1990-an', "90s" → 199X (a two-digit decade is taken as the 1900s)."""
    digits = re.search(r"\d+", surface)
    if digits is None:
        return None
    d = digits.group()
    if len(d) == 2:
        d = ("19" if d != "00" else "20") + d
    return f"{d[:3]}X" if len(d) == 4 else None


_ISO_YMD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def shift_iso(anchor_iso: str, shift: Shift) -> str | None:
    """The date ``shift`` away from the anchor, at the anchor's precision where the unit allows:
    '2019-05' a year earlier → '2018-05'; '2019' a month earlier → None (too coarse)."""
    m = _ISO_YMD.match(anchor_iso)
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    k = int(shift.n) * shift.sign
    if shift.n != int(shift.n) or abs(k) > 5000:
        return None
    if shift.unit == "Y":
        return _ymd(y + k, int(mo) if mo else None, int(d) if d else None) if y + k > 0 else None
    if shift.unit == "M" and mo:
        t = y * 12 + int(mo) - 1 + k
        return _ymd(t // 12, t % 12 + 1, None) if t > 12 else None
    if shift.unit in {"D", "W"} and d:
        try:
            day = date(y, int(mo), int(d)) + timedelta(days=k * (7 if shift.unit == "W" else 1))
        except (ValueError, OverflowError):
            return None
        return day.isoformat()
    return None
