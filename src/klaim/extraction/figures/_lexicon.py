"""A language's figure table turned into lookup dicts and compiled regexes, once per language.

Everything language-specific comes from ``<lang>.figures.yaml``; the code only knows the keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from klaim.extraction.figures._starts import Dispatch
from klaim.extraction.figures._words import QUALIFIER_OPENERS, norm
from klaim.extraction.lang import load_table


def _lower_map(d: dict | None) -> dict[str, Any]:
    return {norm(str(k)): v for k, v in (d or {}).items()}


def _num_map(d: dict | None) -> dict[str, float]:
    # float(): YAML 1.1 reads "1.0e3" (no sign in the exponent) as a string
    return {norm(str(k)): float(v) for k, v in (d or {}).items()}


@dataclass
class Lexicon:
    lang: str
    table: dict[str, Any]
    decimal: str
    group: str
    words: dict[str, float]
    local_mult: dict[str, float]
    teens: dict[str, float]
    scales: dict[str, float]
    money_abbrev: dict[str, float]
    fractions: dict[str, float]
    vague: dict[str, float]
    determiner_vague: frozenset[str]
    ordinal_words: dict[str, int]
    percent: frozenset[str]
    percent_point: frozenset[str]
    basis_point: frozenset[str]
    cur_after: dict[str, str]
    cur_before: dict[str, str]
    units: dict[str, str]
    units_ci: dict[str, str]
    time_units: dict[str, str]
    qualifiers: dict[str, str]
    periods: dict[str, str]
    not_counted: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    parts_of_day: dict[str, str]
    future: frozenset[str]
    past: frozenset[str]
    time_zones: dict[str, str]
    relative: dict[str, dict[str, int]]
    roman: dict[str, int]
    connectors: frozenset[str]
    articles: frozenset[str]
    mixed: dict[str, float]
    subunits: dict[str, float]
    one_unit: dict[str, str]
    res: dict[str, re.Pattern[str]] = field(default_factory=dict)
    date_triggers: frozenset[str] = frozenset()
    number_triggers: frozenset[str] = frozenset()
    ordinal_triggers: frozenset[str] = frozenset()
    ago1_triggers: frozenset[str] = frozenset()
    proportion_cues: tuple[str, ...] = ()
    ordinal_prefix_triggers: frozenset[str] = frozenset()
    roman_context: Any = None
    # lower-case token → the families (DATE, ORDINAL, NUMBER, PAREN bits) it may start
    trigger_kinds: dict[str, int] = field(default_factory=dict)
    # the two-letter ordinal triggers a token may start with ("ke": "kedua", "ke75")
    ordinal_prefixes: tuple[str, ...] = ()
    reference_cues: tuple[str, ...] = ()
    # the last words of the qualifiers in lower case (None: some cannot be looked up so)
    qualifier_ends: frozenset[str] | None = None
    # the date pattern with only the expressions that can start at a given token
    date_at: Dispatch = field(default_factory=lambda: Dispatch({}))
    token_re: re.Pattern[str] = re.compile(r"\d+|[^\W\d_]+")


def _fraction_forms(t: dict) -> dict[str, float]:
    """Fractions spelled from the table's words: 'seperdelapan' (1/8), 'tiga perdelapan' (3/8),
    'three eighths'. ``fraction_forms`` gives templates; denominators come from number words (id)
    or ordinal words (en, plural), numerators from number words."""
    forms = t.get("fraction_forms") or {}
    if not forms:
        return {}
    den_src = t.get(forms.get("denominators", "number_words")) or {}
    nums = {str(k): float(v) for k, v in (t.get("number_words") or {}).items()}
    out: dict[str, float] = {}
    for dw, dv in den_src.items():
        dv = float(dv)
        if not 3 <= dv <= 1000 or str(dw).endswith(("second",)):
            continue
        for tpl in forms.get("one") or []:
            out[norm(tpl.format(d=dw))] = 1 / dv
        for nw, nv in nums.items():
            if 2 <= nv < dv and nv <= 9:
                for tpl in forms.get("many") or []:
                    out[norm(tpl.format(n=nw, d=dw))] = nv / dv
    return out


def _get(t: dict, key: str, default: Any = None) -> Any:
    v = t.get(key)
    return default if v is None else v


@cache
def lexicon(lang: str) -> Lexicon:
    t = load_table(lang, "figures")
    digits = _get(t, "digits", {})
    units = {str(k): str(v) for k, v in _get(t, "units", {}).items()}
    lex = Lexicon(
        lang=lang,
        table=t,
        decimal=digits.get("decimal", "."),
        group=digits.get("group", ","),
        words=_num_map(t.get("number_words")),
        local_mult=_num_map(t.get("local_multipliers")),
        teens=_num_map(t.get("teen_words")),
        scales=_num_map(t.get("scale_words")),
        money_abbrev={str(k): float(v) for k, v in _get(t, "money_scale_abbrev", {}).items()},
        fractions={**_fraction_forms(t), **_num_map(t.get("fractions"))},
        vague=_num_map(t.get("vague")),
        determiner_vague=frozenset(norm(w) for w in _get(t, "determiner_vague", [])),
        ordinal_words=_lower_map(t.get("ordinal_words")),
        percent=frozenset(norm(w) for w in _get(t, "percent_words", [])),
        percent_point=frozenset(norm(w) for w in _get(t, "percent_point_words", [])),
        basis_point=frozenset(norm(w) for w in _get(t, "basis_point_words", [])),
        cur_after=_lower_map(t.get("currency_after")),
        cur_before={str(k): str(v) for k, v in _get(t, "currency_before", {}).items()},
        units=units,
        units_ci={norm(k): v for k, v in units.items() if len(k) > 3},
        time_units=_lower_map(t.get("time_units")),
        qualifiers=_lower_map(t.get("qualifiers")),
        periods=_lower_map(t.get("periods")),
        not_counted=frozenset(norm(str(w)) for w in _get(t, "not_counted", [])),
        months=_lower_map(t.get("months")),
        weekdays=_lower_map(t.get("weekdays")),
        parts_of_day=_lower_map(t.get("parts_of_day")),
        future=frozenset(norm(w) for w in _get(t, "future_markers", [])),
        past=frozenset(norm(w) for w in _get(t, "past_markers", [])),
        time_zones={str(k): str(v) for k, v in _get(t, "time_zones", {}).items()},
        relative={norm(k): v for k, v in _get(t, "relative_dates", {}).items()},
        roman={str(k): int(v) for k, v in _get(t, "roman", {}).items()},
        connectors=frozenset(norm(w) for w in _get(t, "number_connectors", [])),
        articles=frozenset(norm(w) for w in _get(t, "article_numbers", [])),
        mixed=_num_map(t.get("mixed_fractions")),
        subunits=_num_map(t.get("currency_subunits")),
        one_unit=_lower_map(t.get("one_unit_words")),
    )
    from klaim.extraction.figures._patterns import compile_patterns, date_alternatives, roman_context

    lex.date_at = Dispatch(date_alternatives(lex))
    lex.res = compile_patterns(lex)
    lex.roman_context = roman_context(t)
    lex.date_triggers = _date_triggers(lex)
    lex.number_triggers, lex.ordinal_triggers, lex.token_re = _number_triggers(lex)
    lex.ago1_triggers = frozenset(lex.one_unit) | lex.articles
    lex.date_triggers |= lex.ago1_triggers
    # "ke75", "kedua": a token whose first two letters are the ordinal prefix (before the
    # Roman numerals join the triggers, so that "li-ma" does not pass as "li")
    lex.ordinal_prefix_triggers = frozenset(lex.ordinal_triggers)
    lex.ordinal_triggers |= ROMAN_TOKENS
    # what follows the first number of a proportion: "/", " dari ", " in " (as str.startswith
    # prefixes, a cheap test after every number; the proportion pattern then decides)
    lex.trigger_kinds = _trigger_kinds(lex)
    # a token whose first two letters are a trigger: it starts with a two-letter one, or it is a
    # one-letter one (already among the triggers)
    lex.ordinal_prefixes = tuple(sorted(w for w in lex.ordinal_prefix_triggers if len(w) == 2))
    lex.reference_cues = tuple(t.get("reference_cues") or ())
    lex.qualifier_ends = _qualifier_ends(lex.qualifiers)
    words = [str(w) for w in t.get("proportion_words") or []]
    lex.proportion_cues = ("/", *(f" {w} " for w in words), *(f" {w.capitalize()} " for w in words))
    return lex


_FOLDS_TO_ASCII = re.compile("(?i:[a-z])")


def _qualifier_ends(qualifiers: dict[str, str]) -> frozenset[str] | None:
    """The last word of each qualifier, for a look-up of the word before a figure; None when
    a word holds an opener (it would be cut there) or a non-ASCII letter matching an ASCII one
    (the Kelvin sign: the look-up would miss what the pattern matches)."""
    ends = set()
    for q in qualifiers:
        last = q.split()[-1] if q.split() else ""
        if not last or any(c in QUALIFIER_OPENERS for c in q) \
                or any(not c.isascii() and _FOLDS_TO_ASCII.fullmatch(c) for c in last):
            return None
        ends.add(last.lower())
    return frozenset(ends)


# The families of figures a token may start (bits of Lexicon.trigger_kinds); PAREN: a date, if a
# digit follows the bracket ("(21/10)")
DATE, ORDINAL, NUMBER, PAREN = 1, 2, 4, 8
TRIGGERS = DATE | ORDINAL | NUMBER


def _trigger_kinds(lex: Lexicon) -> dict[str, int]:
    kinds: dict[str, int] = {}
    for words, bit in ((lex.date_triggers, DATE), (lex.ordinal_triggers, ORDINAL), (lex.number_triggers, NUMBER),
                       (("(",), PAREN)):
        for w in words:
            kinds[w] = kinds.get(w, 0) | bit
    return kinds


def _roman_numerals(top: int = 399) -> frozenset[str]:
    """Roman numerals 1..top in lower case (the tokens a Roman ordinal can be)."""
    out = set()
    for n in range(1, top + 1):
        r, k = "", n
        for v, sym in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                       (4, "iv"), (1, "i")):
            while k >= v:
                r, k = r + sym, k - v
        out.add(r)
    return frozenset(out)


ROMAN_TOKENS = _roman_numerals()


def _first_word(w: str) -> str:
    m = re.match(r"[^\W\d_]+", w)
    return m.group().lower() if m else w[:1]


def _number_triggers(lex: Lexicon) -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    """Tokens a number or an ordinal can start with; symbols ('$', '€', '(') become tokens too."""
    t = lex.table
    starts = set(lex.words) | set(lex.articles) | set(lex.fractions) | set(lex.vague) | set(lex.cur_before)
    starts |= {norm(t["range_open"])} if t.get("range_open") else set()
    nums = frozenset(_first_word(w) for w in starts)
    pre = norm(t.get("ordinal_prefix") or "")
    ords = frozenset({_first_word(w) for w in lex.ordinal_words} | ({pre + w for w in lex.words} if pre else set())
                     | ({pre} if pre else set()))
    symbols = {w[:1] for w in starts if not w[:1].isalnum()} | {"(", "."}
    cls = "".join(re.escape(c) for c in sorted(symbols))
    return nums | {c for c in symbols}, ords, re.compile(rf"\d+|[^\W\d_]+|[{cls}]")


def _date_triggers(lex: Lexicon) -> frozenset[str]:
    """Lower-case first words a date expression can start with; the date pattern is only tried
    where one of them (or a digit or '(') starts a token, which keeps the scan fast."""
    t = lex.table
    words: set[str] = set(lex.weekdays) | set(lex.months) | set(lex.ordinal_words) | set(lex.roman)
    for key in ("month_cue", "month_markers_before", "weekday_markers_before", "weekday_cue", "year_cue", "time_cue",
                "quarter_words", "half_words", "century_words"):
        words |= {norm(w) for w in t.get(key) or []}
    words |= {k.replace("-", " ") for k in lex.relative}
    pre = norm(t.get("ordinal_prefix") or "")
    words |= {pre + w for w in lex.words} if pre else set()
    return frozenset(_first_word(w) for w in words if w)
