"""The office a speaker's role names, for "kami" and "pihaknya" in standalone claim text.

``_standalone._party`` restates "kami" (we) and "pihaknya" (his side) of a person as their
organisation. Where the article gives none, the role may still name the office the person heads
or speaks for. Two rules here (helper standalone, session 15), each tried after the role's own
organisation head ("Kepala Dinas Sosial DKI" → "Dinas Sosial DKI", ``standalone.role-organisation``):

- ``standalone.title-organisation``: a title that names its office (the table's
  ``title_organisations``) opening the role → the office with the rest of the role: "Menteri
  Perhubungan" → "Kementerian Perhubungan", "Kapolres Jember" → "Polres Jember", "Kapolri" →
  "Polri". A title whose office needs the rest ("Menteri" alone) and has none is left.
- ``standalone.role-acronym``: an acronym after the title, with only capitalised words after it
  (a region, a unit) → that name: "Direktur Utama BTN" → "BTN", "Juru bicara KPK" → "KPK",
  "Wakil Ketua DPRD DKI Jakarta" → "DPRD DKI Jakarta". Not a Roman numeral ("Komisi IX"), and
  not a place the gazetteer knows ("Gubernur DKI": the region is no "kami").
"""

from __future__ import annotations

import re
from functools import cache

from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._speakers import SpeakerRef
from klaim.extraction.claims._table import claims_table

TITLE_ORGANISATION = "standalone.title-organisation"
ROLE_ACRONYM = "standalone.role-acronym"
PARENTHESIS = re.compile(r"\s*\([^()]*\)")
ROMAN = re.compile(r"[IVXLC]+")
MIN_ACRONYM = 2  # letters at least of an acronym that names an office ("MA", "KPK")


@cache
def _titles(lang: str) -> dict[str, str]:
    return {t.lower(): form for t, form in claims_table(lang).title_organisations.items()}


def office_of(ctx: Ctx, sp: SpeakerRef) -> tuple[str, str] | None:
    """(the office the speaker's role names, rule), by its title or else by an acronym in it."""
    words = PARENTHESIS.sub("", sp.role or "").split()
    if not words:
        return None
    return _by_title(ctx, words) or _by_acronym(ctx, words)


def _by_title(ctx: Ctx, words: list[str]) -> tuple[str, str] | None:
    """ "Menteri Perhubungan" → "Kementerian Perhubungan": the title's office and the capitalised
    words after it (a lower-case word ends the office: "Menteri Keuangan saat itu")."""
    form = _titles(ctx.L.code).get(words[0].lower())
    if form is None:
        return None
    rest = []
    for w in words[1:]:
        if not (w[:1].isupper() or w.lower() in ctx.L.coordinators):
            break
        rest.append(w)
    while rest and rest[-1].lower() in ctx.L.coordinators:
        rest.pop()
    if "{}" in form and not rest:
        return None  # "Menteri" alone: which ministry?
    name = form.format(" ".join(rest)) if "{}" in form else form
    return (name, TITLE_ORGANISATION) if _no_place(ctx, name) else None


def _by_acronym(ctx: Ctx, words: list[str]) -> tuple[str, str] | None:
    """ "Direktur Utama BTN" → "BTN": the first acronym after the title, and the capitalised words
    after it, when every word from it on is capitalised."""
    first = next((i for i, w in enumerate(words) if i and _acronym(w)), None)
    if first is None or not all(w[:1].isupper() for w in words[first:]):
        return None
    name = " ".join(words[first:])
    return (name, ROLE_ACRONYM) if _no_place(ctx, name) and _no_place(ctx, words[first]) else None


def _acronym(word: str) -> bool:
    letters = word.strip(".,")
    return len(letters) >= MIN_ACRONYM and letters.isalpha() and letters.isupper() and not ROMAN.fullmatch(letters)


def _no_place(ctx: Ctx, name: str) -> bool:
    """Not a place the gazetteer knows: the region of a regional office is no "kami"."""
    hit = ctx.L.gazetteer.get(name.lower())
    return hit is None or hit[0] != "location"
