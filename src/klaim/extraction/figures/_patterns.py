"""The regexes of one language, built from its table.

Every repetition is over disjoint pieces (digits, then a separator, then digits), so no input
makes the engine backtrack exponentially; long digit runs are matched in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from klaim.extraction.figures._words import _WB_L, _WB_R, QUALIFIER_OPENERS, alt, by_first_char, norm, word_branch

if TYPE_CHECKING:
    from klaim.extraction.figures._lexicon import Lexicon

DIGITS = r"\d+(?:[.,]\d+)*"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
LISTED_DAYS = 31  # days a list of days names at most before its last ("1, 2 dan 3 Mei")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
_SP = r"\s{0,2}"


def _mixed_alt(items: list[tuple[str, bool]]) -> str:
    """Alternation of words with per-word case sensitivity, longest first."""
    # a symbol's parts may touch ("° C"), a word's are apart ("per cent")
    return by_first_char([word_branch(w, ci, True, r"\s+" if w[:1].isalnum() else r"\s*")
                          for w, ci in sorted(set(items), key=lambda x: len(x[0]), reverse=True)])


def _unit_alt(lex: Lexicon) -> str:
    t = lex.table
    items: list[tuple[str, bool]] = []
    for k in t.get("units") or {}:
        items.append((str(k), len(str(k)) > 3))
    for key in ("percent_words", "percent_point_words", "basis_point_words"):
        items += [(str(w), True) for w in t.get(key) or []]
    items += [(str(k), True) for k in t.get("currency_after") or {}]
    items += [(str(k), False) for k in t.get("currency_subunits") or {}]
    items += [(str(k), True) for k in t.get("time_units") or {}]
    unit = _mixed_alt(items)
    # Scientific compounds: "m s−1", "W/m2", "g cm−3", "μg/ml".
    power = r"(?:[−\-]?[1-4](?![\d.,]))?"
    base = _mixed_alt([(str(k), False) for k in t.get("units") or {}])
    return rf"{unit}{power}(?:\s?/\s?{base}{power}|\s{base}[−\-][1-4](?![\d.,]))*"


def _word_numeral(lex: Lexicon, bounded: bool = True, mixed: bool = False) -> str:
    start = alt(lex.words, bounded=bounded)
    arts = lex.table.get("article_numbers") or []
    if arts:  # "a hundred", "a million": the article counts as one only before such a word
        mult = alt(list(lex.local_mult) + list(lex.scales))
        start = rf"(?:{start}|{alt(arts, bounded=bounded)}(?=\s+{mult}))"
    atom = alt(list(lex.words) + list(lex.local_mult) + list(lex.teens) + list(lex.scales))
    conn = "".join(rf"|\s+{re.escape(c)}\s+" for c in lex.connectors)
    # "dua setengah", "two and a half": a whole number then a fraction word
    half = rf"(?:\s+{alt(lex.mixed)})?" if mixed and lex.mixed else ""
    # bounded: a written numeral has a handful of words, and an unbounded run ("dua dua dua ...")
    # would be rescanned from every token, quadratic in its length
    return rf"{start}(?:(?:\s+|-{conn}){atom}){{0,12}}{half}"


def compile_patterns(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    t = lex.table
    scale = alt(lex.scales)
    abbrev = alt(lex.money_abbrev, ci=False)
    cur_b = alt(lex.cur_before, bounded=False)
    cur_b = rf"(?:{cur_b})(?![^\W\d_])"
    # ".05": a bare decimal fraction, where the decimal mark is a point
    lead = r"|(?<!\d)\.\d+" if lex.decimal == "." else ""
    numeral = (f"(?:{_scientific(lex)}{SLASH_FRACTION}|{alt(lex.fractions)}|{alt(lex.vague)}|{DIGITS}{lead}"
               f"|{_word_numeral(lex, mixed=True)})")
    # "300m pounds": a scale abbreviation with no currency before it, when a currency word follows
    cur_a = alt(lex.cur_after)
    # "naik dari 5 menjadi 10 persen": a change marker joins two figures the way a range separator
    # would; _is_range then splits them
    seps = [s for s in (t.get("range_separators") or []) + (t.get("change_separators") or [])]
    sym = [re.escape(s) for s in seps if not s[:1].isalnum()]
    words = [s for s in seps if s[:1].isalnum()]
    rsep = rf"(?:\s*(?:{'|'.join(sym) or '(?!)'})\s*|\s+{alt(words)}\s+)"
    open_w = t.get("range_open")
    close_w = t.get("range_close")
    open_re = rf"(?:(?P<open>{alt([open_w])})\s+)?" if open_w else "(?P<open>(?!))?"
    close_re = rf"(?(open)\s+{alt([close_w])}\s+|(?!))" if close_w else "(?!)"
    # "20-an": twenty-odd, a vague amount with 20 as its lower bound
    approx_sfx = "|".join(map(re.escape, t.get("approx_suffixes") or [])) or "(?!)"
    pct = alt((t.get("percent_words") or []) + (t.get("percent_point_words") or []) + (t.get("basis_point_words") or []))
    # "25 ± 0.02 °C": one figure, the value with its margin
    pm = "|".join(map(re.escape, t.get("plus_minus") or [])) or "(?!)"
    # "a 10-year bond", "a 5-km race": the unit joined by a hyphen (English compounds)
    unit_gap = rf"(?:{_SP}|-)" if t.get("hyphen_units") else _SP
    number = (
        rf"(?<![^\W_]|[.,)])(?<![^\d]/)(?<![^\W\d_]-){open_re}(?:(?P<cur>{cur_b}){_SP})?"
        rf"(?P<n1>{numeral})(?P<sfx>{approx_sfx})?(?:{_SP}(?P<s1>{scale})|(?(cur)\s?(?P<a1>{abbrev})|(?P<a1x>{abbrev})(?=\s+{cur_a})))?"
        rf"(?:{_SP}(?P<p1>{pct}))?"
        rf"(?:{_SP}(?:{pm})\s?(?P<pm>{DIGITS})(?:{_SP}(?P<pm_s>{scale}))?|(?P<sep>{rsep}|{close_re})(?:(?P<cur2>{cur_b}){_SP})?(?P<n2>{numeral})"
        rf"(?:{_SP}(?P<s2>{scale})|(?(cur)\s?(?P<a2>{abbrev})))?)?"
        rf"(?:{unit_gap}(?P<post>{_unit_alt(lex)}))?(?![^\W_]|/[A-Z]|[.,]\d)"
    )
    res = {"number": re.compile(number)}
    res["ordinal"] = re.compile(_ordinal_pattern(lex))
    res["proportion"] = re.compile(_proportion_pattern(lex, numeral_words=_word_numeral(lex, mixed=False),
                                                       scale=scale, pct=pct))
    res["ago1"] = re.compile(_one_unit_ago_pattern(lex))
    res.update(_roman_patterns(lex))
    res.update(_context_patterns(lex))
    return res


def _proportion_pattern(lex: Lexicon, numeral_words: str, scale: str, pct: str) -> str:
    """'one in four', 'satu dari empat', 'three out of five'; '50/50' and '60/40' (shares of 100)."""
    words = lex.table.get("proportion_words") or []
    if not words:
        return "(?!)"
    part = rf"(?:\d+(?:[.,]\d{{3}})*|{numeral_words})"
    after = rf"(?!{_SP}(?:{_unit_alt(lex)}|{pct}|{scale})|[^\W_]|[.,]\d)"
    return (rf"(?<![^\W_]|[.,])(?P<pa>{part})\s+{alt(words)}\s+(?P<pb>{part}){after}"
            rf"|(?<![\d/.,])(?P<sa>[1-9]\d)/(?P<sb>[1-9]\d)(?![\d/]){after}")


def _one_unit_ago_pattern(lex: Lexicon) -> str:
    """'setahun lalu', 'a year ago', 'a year earlier': one of a unit, then an ago or anchor word."""
    t = lex.table
    marks = (t.get("ago_words") or []) + (t.get("anchor_before_words") or [])
    arts = alt(lex.articles) + r"\s+" + alt(lex.time_units) if lex.articles else "(?!)"
    return rf"(?:{alt(lex.one_unit)}|{arts})\s+(?P<mark>{alt(marks)})"


ROMAN = re.compile(r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def _roman_patterns(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    """What may follow a Roman ordinal (' century'; not a letter, not '.X' as in 'V.I.P.').
    The words before it are looked up in ``roman_context`` (a regex searched backwards over the
    window before every numeral cost more than the rest of the scan)."""
    nxt = rf"\s+{alt(lex.table.get('roman_ordinal_before') or [])}"
    return {"roman_next": re.compile(nxt),
            "roman_end": re.compile(r"(?![^\W_]|\.[^\W\d_])"),
            "roman_punct": re.compile(r"\s*(?:[^\w\s]|$)")}


_WORD_SPLIT = re.compile(r"[\s\-]+")
_WORD_EDGE = "()[]{}\"'“”‘’«»"


@dataclass(frozen=True)
class RomanContext:
    """The table's contexts of a Roman ordinal, as word tuples: lower-case for the words it may
    follow and the titles, as written for the regnal names."""

    after: frozenset[tuple[str, ...]]
    titles: frozenset[tuple[str, ...]]
    names: frozenset[tuple[str, ...]]
    longest: int

    def allows(self, before: str) -> tuple[bool, bool]:
        """(after a context word such as 'Perang Dunia', after a name or a title and names)
        for the text ``before`` that ends right before the numeral."""
        if not before[-1:].isspace():
            return False, False
        # "post-World War II", "(Henry VIII)": hyphens split words, brackets and quotes go
        words = [w.strip(_WORD_EDGE) for w in _WORD_SPLIT.split(before.strip())[-(self.longest + 3):]]
        words = [w for w in words if w]
        if not words:
            return False, False
        low = [w.lower() for w in words]
        if any(tuple(low[-k:]) in self.after for k in range(1, len(low) + 1)):
            return True, False
        if any(tuple(words[-k:]) in self.names for k in range(1, len(words) + 1)):
            return False, True
        for n in range(1, 4):  # "Paus Yohanes Paulus II": a title, then 1-3 capitalised names
            names, head = words[len(words) - n:], low[:len(low) - n]
            if len(names) < n or not all(w[:1].isupper() for w in names):
                break
            if any(tuple(head[-k:]) in self.titles for k in range(1, len(head) + 1)):
                return False, True
        return False, False


def roman_context(t: dict) -> RomanContext:
    def words(key: str, lower: bool) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple((str(w).lower() if lower else str(w)).split()) for w in t.get(key) or [])

    after, titles, names = words("roman_ordinal_after", True), words("roman_titles", True), \
        words("roman_regnal_names", False)
    longest = max((len(w) for w in after | titles | names), default=1)
    return RomanContext(after, titles, names, longest)


def _proper_fractions() -> str:
    """Slash fractions whose numerator is smaller than the denominator: '1/10', '3/4', '15/100'.
    '21/12', '24/7' or '4/2007' are not matched (a date, a schedule, a number slashed to a year)."""
    one = "|".join(f"{a}/[{a + 1}-9]" for a in range(1, 9))
    return rf"(?<![\d/.,])(?:(?:{one})|[1-9]/[1-9]\d{{1,2}}|[1-9]\d/[1-9]\d\d)(?![\d/]|[.,]\d)"


SLASH_FRACTION = _proper_fractions()
SCIENTIFIC = (r"\d+(?:\.\d+)?(?:\s?[×xX]\s?10(?:\^[−\-–+]?\d{1,3}|[−\-–]\d{1,3}|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
              r"|[eE][−\-+]?\d{1,3})(?![\d.,]?\d)")


def _scientific(lex: Lexicon) -> str:
    """'5×10−4', '5 x 10^-4', '1.5e6' where the table says the language writes them."""
    return SCIENTIFIC + "|" if lex.table.get("scientific_notation") else ""


def _ordinal_pattern(lex: Lexicon) -> str:
    t = lex.table
    parts = [alt(lex.ordinal_words)]
    pre = t.get("ordinal_prefix")
    if pre:
        parts.append(rf"{_WB_L}(?i:{re.escape(pre)})\s?-\s?\d+{_WB_R}")
        parts.append(rf"{_WB_L}(?i:{re.escape(pre)}){_word_numeral(lex, bounded=False)}{_WB_R}")
    suf = t.get("ordinal_suffixes") or []
    if suf:
        grouped = rf"\d{{1,3}}(?:{re.escape(lex.group)}\d{{3}})+"  # "2,838th"
        parts.append(rf"{_WB_L}(?:{grouped}|\d+)(?:{'|'.join(map(re.escape, suf))}){_WB_R}")
    return "(?:" + "|".join(parts) + ")"


def date_alternatives(lex: Lexicon) -> dict[str, str]:
    """The date expressions of the language, by name, in the order they are tried."""
    t = lex.table
    amb_m = {norm(m) for m in t.get("ambiguous_months") or []}
    month_any = alt(lex.months) + r"(?:\.(?=\s*\d))?"  # "Jan. 5", not a sentence's full stop
    month_full = alt([m for m in lex.months if m not in amb_m])
    amb_w = {norm(w) for w in t.get("ambiguous_weekdays") or []}
    wcue = t.get("weekday_cue") or []
    wd_parts = [alt([w for w in lex.weekdays if w not in amb_w])]
    wd_parts += [alt([w.capitalize()], ci=False) for w in amb_w]
    wd = "(?:" + "|".join(wd_parts) + ")"
    wd_cued = rf"(?:{alt(wcue)}\s+(?:{wd}|{alt(amb_w)})|{wd})" if wcue else wd
    pod = alt(lex.parts_of_day)
    mark = alt(list(lex.future) + list(lex.past))
    mcue = alt(t.get("month_cue") or [])
    ycue = alt(t.get("year_cue") or [])
    tcue = alt(t.get("time_cue") or [])
    tz = alt(lex.time_zones, ci=False)
    ampm = alt(t.get("ampm") or [], ci=False)
    qword = alt(t.get("quarter_words") or [])
    hword = alt(t.get("half_words") or [])
    ords = list(lex.ordinal_words) + list(lex.roman)
    pre = t.get("ordinal_prefix")
    qord = alt(ords) + (rf"|{_WB_L}(?i:{re.escape(pre)}){alt(lex.words)}" if pre else "") + r"|[1-4](?!\d)"
    suf = t.get("ordinal_suffixes") or []
    qord_c = rf"{_WB_L}(?i:{re.escape(pre)})-?\d{{1,2}}{_WB_R}" if pre else "(?!)"
    if suf:
        qord_c += rf"|{_WB_L}\d{{1,2}}(?:{'|'.join(map(re.escape, suf))}){_WB_R}"
    # an ambiguous month name ("May", "March") is a month when capitalised after "in", "since"...
    preps = t.get("month_prepositions") or []
    behind = "|".join(rf"(?<=\b{re.escape(p)}\s)" for p in preps) or "(?!)"
    caps = [m.capitalize() for m in amb_m]
    prep_month = rf"(?:{behind})(?:{alt(caps, ci=False)})" if caps else "(?!)"
    rwords = [w for w in t.get("range_separators") or [] if w[:1].isalnum()]
    dsep = rf"(?:\s?[-–]\s?|\s+{alt(rwords)}\s+)"
    # "23 dan 24 Juni", "1, 2 dan 3 Mei": the listed days borrow the last one's month
    conj = alt(t.get("list_connectors") or [])
    # at most LISTED_DAYS days before the last: unbounded, a long run of "1, 1, 1, …" was read to
    # its end from every number in it (time quadratic in the run)
    dlist = rf"{_WB_L}{_DAY}(?:\s*,\s*{_DAY}){{0,{LISTED_DAYS}}}\s*,?\s+{conj}\s+{_DAY}\s+{month_any}(?!\w)(?:\s*,?\s*{_YEAR})?(?:\s+{mark})?"
    premark = t.get("month_markers_before") or []
    # "next Thursday", "last Friday": the marker is part of the span and says which side of the reference date
    wd_pre = rf"(?:{alt(t.get('weekday_markers_before'))}\s+)?" if t.get("weekday_markers_before") else ""
    pre_month = rf"{alt(premark)}\s+(?:{month_full}|{alt(caps, ci=False)})" if premark and caps else "(?!)"
    sfx = r"(?:st|nd|rd|th)?"
    mdlist = (rf"{month_any}\s+{_DAY}{sfx}(?:\s*,\s*{_DAY}{sfx}){{0,{LISTED_DAYS}}}\s*,?\s+{conj}\s+{_DAY}{sfx}"
              rf"(?![\d:]|[.,]\d|\s*%)(?:\s*,?\s*{_YEAR})?")
    # "30 Desember - 1 Januari", "June 23 to July 2, 2024": a range across months
    yr = rf"(?:\s*,?\s*{_YEAR})?"
    dmrange = (rf"{_WB_L}{_DAY}\s+{month_any}(?!\w){yr}{dsep}(?P<dm2>{_DAY}\s+{month_any}(?!\w){yr})(?:\s+{mark})?"
               rf"|{month_any}\s+{_DAY}{sfx}(?![\d:]|[.,]\d){yr}{dsep}(?P<md2>{month_any}\s+{_DAY}{sfx}(?![\d:]|[.,]\d){yr})")
    alts = {
        "dmrange": dmrange,
        "dlist": dlist,
        "mdlist": mdlist,
        "drange": rf"{_WB_L}{_DAY}{dsep}{_DAY}\s+{month_any}(?!\w)(?:\s*,?\s*{_YEAR})?",
        "paren": rf"(?:{wd_cued}(?:\s+{pod})?\s*,?\s*)?\(\s*{_DAY}\s*/\s*(?:1[0-2]|0?[1-9])(?:\s*/\s*(?:\d{{4}}|\d\d))?\s*\)"
                 rf"(?:\s+{pod})?",
        "slash": rf"(?<![\d/.,]){_DAY}\s?/\s?(?:1[0-2]|0?[1-9])\s?/\s?(?:\d{{4}}|\d\d)(?![\d/])"
                 rf"|(?<![\d/.,-]){_DAY}-(?:1[0-2]|0?[1-9])-\d{{4}}(?![\d-])"
                 rf"|(?<![\d/.,-]){_YEAR}-(?:1[0-2]|0[1-9])-{_DAY}(?![\d-])",
        "dmy": rf"(?:{wd_pre}{wd_cued}\s*,?\s*)?{_WB_L}{_DAY}(?:st|nd|rd|th)?\s*(?:of\s+)?{month_any}(?!\w)"
               rf"(?:\s*,?\s*{_YEAR})?(?:\s+{mark})?",
        "mdy": rf"(?:{wd_pre}{wd_cued}\s*,?\s*)?{month_any}\s+{_DAY}(?:st|nd|rd|th)?(?![\d:]|[.,]\d)(?:\s*,?\s*{_YEAR})?",
        "qtr": rf"(?:{qword}|{hword})\s*(?:{qord})(?:\s+{_YEAR}|\s?[-/]\s?{_YEAR}|\s+(?:{ycue}\s+){_YEAR})?"
               rf"|(?:{qord})\s+(?:{qword}|{hword})(?:\s+of)?(?:\s+{_YEAR})?",
        "my": rf"(?:{mcue}\s+)?{month_any}\s*,?\s+(?:{ycue}\s+)?{_YEAR}",
        "yrange": rf"(?<![\d.,]){_YEAR}(?:\s?[-–/]\s?(?:{_YEAR}|\d\d(?![\d.,]))|\s+{alt(rwords)}\s+{_YEAR})",
        "decade": rf"(?<![\d.,])(?:'\d0|(?:1[5-9]|20)\d0)(?:{'|'.join(map(re.escape, t.get('decade_suffixes') or [])) or '(?!)'}){_WB_R}",
        "century": rf"(?:{alt(t.get('century_words') or [])})\s+(?:{qord_c})|{_WB_L}(?:{qord_c})\s+(?:{alt(t.get('century_words') or [])})",
        "ycue": rf"(?:{ycue})\s+{_YEAR}(?![.,]\d)",
        "time": rf"(?:{tcue})\s+(?:2[0-4]|[01]?\d)(?!\d)(?:[.:][0-5]\d)?(?![\d.,]\d)(?:{dsep}(?:2[0-4]|[01]?\d)(?!\d)[.:][0-5]\d)?(?:\s*{ampm})?(?:\s+{pod})?(?:\s*{tz})?"
                rf"|(?<![\d.,]){_WB_L}(?:2[0-4]|[01]?\d)(?!\d)[.][0-5]\d\s*{tz}"
                rf"|(?<![\d.,]){_WB_L}(?:2[0-4]|[01]?\d)(?!\d):[0-5]\d(?::[0-5]\d)?(?![\d:])(?:\s*{ampm})?(?:\s*{tz})?"
                rf"|(?<![\d.,]){_WB_L}(?:1[0-2]|0?[1-9])\s?{ampm}",
        "relative": rf"(?<![^\W\d_]-){alt(lex.relative)}(?!\s+{_YEAR})(?:\s+{pod})?",
        "month": rf"(?:{mcue}\s+(?:{month_any})|{pre_month}|{month_full}|{prep_month})(?!\w)(?:\s+{mark})?",
        "weekday": rf"{wd_pre}{wd_cued}(?!\w)(?:\s+{pod})?(?:\s+{mark})?",
    }
    return alts


def _context_patterns(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    t = lex.table
    quals = alt(lex.qualifiers)
    rate_pre = t.get("rate_prefixes") or []
    periods = alt(lex.periods)
    rate = rf"(?:{alt([p for p in rate_pre if p[:1].isalnum()])}\s+|{'|'.join(re.escape(p) for p in rate_pre if not p[:1].isalnum()) or '(?!)'}\s?)(?:{periods})"
    rate = rf"(?:{rate}|{alt(t.get('rate_words') or [])})"
    return {
        # the qualifier must end right where the figure starts: searched on the text before it
        "qualifier": re.compile(rf"(?:^|(?<=[\s{re.escape(QUALIFIER_OPENERS)}]))({quals})\s*$"),
        "rate": re.compile(rf"\s*(?:[^\W\d_][\w\-]*\s+){{0,2}}?({rate})(?![^\W_])"),
        "word": re.compile(r"\s{1,2}([^\W\d_][\w\-]*)"),
        "ago": re.compile(rf"\s+({alt((t.get('ago_words') or []) + (t.get('anchor_before_words') or []))})"),
        "ref_cue": re.compile(rf"(?:{alt(t.get('reference_cues') or [], ci=False)})\s*\(?$"),
        "count_cue": re.compile(rf"{alt(t.get('count_cues') or [])}\s+$"),
        # "naik dari", "rose sharply from": a change verb, a few words, then 'from' (searched on
        # the text before a figure)
        "change_cue": re.compile(rf"{alt(t.get('change_verbs') or [])}\s+(?:[^\W\d_][\w\-]*\s+){{0,3}}?"
                                 rf"{alt(t.get('change_from') or [])}\s+$"),
        # "phases 3, 5, and 7": the numbers of a list before a figure (searched on the text before it)
        "list_before": re.compile(rf"(?:(?<![\w.,])\d{{1,3}}(?:\s*,\s*|\s*,?\s+{alt(t.get('list_connectors') or [])}\s+))+$"),
        "change_from": re.compile(rf"{alt(t.get('change_from') or [])}\s+$"),
        "score_cue": re.compile(rf"{alt(t.get('score_cues') or [])}(?:\s+\w+)?\s+$"),
    }
