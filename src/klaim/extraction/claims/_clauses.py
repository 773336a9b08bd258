"""Which pieces of a clause are claims of their own where a language's table says so (English).

The decomposer's rules were first measured on Indonesian news; English news joins its facts
differently. Each rule here is switched on by a key of the claims table, so a language without
the key keeps the decomposer's behaviour:

- ``noun_list_items: false`` — a list of plain noun phrases after a verb ("booed the mention of
  Clinton or her running mate", "a deep and sincere apology") is one fact; its items are claims
  of their own only when they carry a figure, follow a form of "be" or a verb of membership
  (``item_verbs``: "is a former captain and Medal of Honor winner", "includes tanks, shells and
  …") or are predicates themselves ("to endorse Cruz and to urge …").
- ``appositive_openers`` — "Tim Canova, a law professor, has the backing of … and has pulled in
  …": a name with a noun phrase set off after it is the clause's subject, which its coordinated
  predicates share (the decomposer would take the subject to start after the last comma); the
  first predicate's claim is named ``decompose.appositive-subject``.
"""

from __future__ import annotations

from functools import cache

from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._enumeration import MAX_ITEMS, item_start
from klaim.extraction.claims._table import ClaimsTable, claims_table
from klaim.extraction.figures import find_figures
from klaim.schema import FigureKind

NEXT_ITEM_REACH = 8  # tokens of the next item looked at for a figure


@cache
def clause_table(lang: str) -> ClaimsTable:
    """The language's claims table (the keys read here are not compiled into ``Lang``)."""
    return claims_table(lang)


def claimed_items(ctx: Ctx, a: int, ends: list[int], b: int) -> list[int]:
    """The enumerated items' ends (``ends``, in clause a..b-1) whose items are claims of their own."""
    t = clause_table(ctx.L.code)
    if not ends or _counted_members(ctx, a, ends, b):
        return []
    if t.noun_list_items:
        return ends
    copulas = frozenset(w.lower() for w in t.item_verbs)
    return [e for e in ends if _distinct_item(ctx, a, e, b, copulas)]


def _counted_members(ctx: Ctx, a: int, ends: list[int], b: int) -> bool:
    """ "Ini ada dua kasus Sumber Waras dan reklamasi pulau": a list whose first item opens with a
    count of as many as the items, and a noun, names the members of what is counted; one fact, not
    an item claim that says "dua kasus Sumber Waras" alone. Not "dua orang tewas dan tiga luka"
    (a count in a later item: each its own figure), nor a count with a verb after its noun."""
    start = item_start(ctx, a, ends[0])
    if start + 2 >= ends[0] or not ctx.is_word(start + 1) or ctx.is_cap(start + 1) or ctx.is_verb(start + 2):
        return False
    if _cardinal(ctx.word(start), ctx.L.code) != len(ends) + 1:
        return False
    return not any(ctx.is_word(t) and _cardinal(ctx.word(t), ctx.L.code) is not None for t in range(ends[0], b))


@cache
def _cardinal(word: str, lang: str) -> float | None:
    """The value of a word that is a count ("dua", "12"), None for any other word; once per word."""
    figures = find_figures(word, lang, None)
    if len(figures) != 1 or figures[0].kind != FigureKind.cardinal or figures[0].end - figures[0].start != len(word):
        return None
    return figures[0].value


def _distinct_item(ctx: Ctx, a: int, end: int, b: int, copulas: frozenset[str]) -> bool:
    """Is the item ending before token ``end`` a fact of its own: a figure in it or in the next
    item, a form of "be" or a verb of membership right before the list, or a next item that opens
    a predicate?"""
    start = item_start(ctx, a, end)
    nxt = _next_item_start(ctx, end, b)
    if _has_number(ctx, start, min(b, nxt + NEXT_ITEM_REACH)):
        return True
    if nxt < b and (ctx.is_verb(nxt) or ctx.word(nxt) in ctx.L.subject_breakers):
        return True  # "… and to urge others", "…, and that he is …": a predicate, not a noun
    first = _list_start(ctx, a, start)
    suffix = ctx.L.participle_suffix
    return first > a and ctx.word(first - 1) in copulas and not (suffix and ctx.word(first).endswith(suffix))


def _next_item_start(ctx: Ctx, end: int, b: int) -> int:
    """The first word of the item after the comma or coordinator at ``end``."""
    k = end
    while k < b and (not ctx.is_word(k) or ctx.word(k) in ctx.L.list_coordinators):
        k += 1
    return k


def _list_start(ctx: Ctx, a: int, start: int) -> int:
    """The first item's start: back over the items before ``start`` (commas and coordinators
    between them) to the word the list follows."""
    k = start
    while k > a and (ctx.word(k - 1) == "," or ctx.word(k - 1) in ctx.L.list_coordinators):
        prev = item_start(ctx, a, k - 1)
        if prev >= k - 1:
            break
        k = prev
    return k


def _has_number(ctx: Ctx, i: int, j: int) -> bool:
    return any(ctx.word(k)[:1].isdigit() for k in range(i, j))


def appositive_subject(ctx: Ctx, i: int, subject: tuple[int, int]) -> tuple[int, int]:
    """The subject (start, end tokens) of the clause at token ``i`` whose subject the decomposer
    found empty after a comma: the name before a set-off noun phrase ("Tim Canova, a law professor
    and political newbie, has …") or age ("Groberg, 33, opened …"); else ``subject`` unchanged."""
    s0, e0 = subject
    if not ctx.L.appositive_openers or e0 != s0 or s0 <= i + 2 or ctx.word(s0 - 1) != ",":
        return subject
    comma = next((k for k in range(i + 1, s0 - 1) if ctx.word(k) == ","), None)
    if comma is None or not all(ctx.is_word(k) and ctx.is_cap(k) for k in range(i, comma)):
        return subject
    return (i, comma) if _set_off_phrase(ctx, comma + 1, s0 - 1) else subject


def _set_off_phrase(ctx: Ctx, a: int, b: int) -> bool:
    """Tokens a..b-1 are a noun phrase opening with an appositive opener or a bare age, with no
    verb, punctuation or relative clause in it ("Cruz, a senator who has …, said": a clause)."""
    L = ctx.L
    opener = ctx.word(a)
    if not (opener in L.appositive_openers or (b - a == 1 and opener.isdigit())):
        return False
    return not any(not ctx.is_word(k) or ctx.is_verb(k) or ctx.word(k) in L.relative for k in range(a, b))


def relative_antecedent(ctx: Ctx, k: int, antecedent: str) -> str:
    """The antecedent as the relative pronoun at token k stands for it in a claim's text: with
    the table's possessive ending after a possessive relative ("Ryan, whose district is …" →
    "Ryan's district is …")."""
    t = clause_table(ctx.L.code)
    if not antecedent or ctx.word(k) not in t.possessive_relatives:
        return antecedent
    if antecedent.endswith(tuple(t.possessive_bare_after)):
        return antecedent + t.possessive_ending[:1]  # "Republicans'", not "Republicans's"
    return antecedent + t.possessive_ending


MEASURED_NP_WORDS = 8  # words at most in a noun phrase before its measure
_NAME_JOINS = frozenset({"-", "–"})  # inside a name ("tol Kunciran - Bandara")


def measured_noun_phrases(ctx: Ctx, a: int, b: int) -> list[tuple[int, int, list[str]]]:
    """ "Pekerjaan tol Kunciran - Bandara dengan total panjang 14,18 kilometer masih menunggu …",
    "meloloskan proyek senilai Rp 6 triliun tersebut": a noun phrase measured by a figure
    (``measure_predicates``) states the measure of that noun, a claim of its own besides the
    clause: (start, end, words of its text). Only an amount, a share or a quantity, and only a
    known thing's (a demonstrative after the figure) or the measure of the clause's subject, its
    predicate after it; an object's measure right after its verb ("mengimpor beras sebanyak
    500.000 ton") or a clause that ends at the figure ("Pelaku sebanyak dua orang") is the
    clause's own figure."""
    seqs = ctx.L.measure_predicates
    if not seqs.all or seqs.by_first.keys().isdisjoint(ctx.idx.lower[a + 1:b - 1]):
        return []  # most clauses: no measure word, looked for at once
    predicates = {tuple(k.lower().split()): v for k, v in clause_table(ctx.L.code).measure_predicates.items()}
    out: list[tuple[int, int, list[str]]] = []
    for k in range(a + 1, b - 1):
        m = ctx.match_seq(k, seqs, b)
        fig_end = _figure_end(ctx, k + m, b) if m else None
        if fig_end is None:
            continue
        start = _measured_np_start(ctx, a, k)
        known = fig_end < b and ctx.word(fig_end) in ctx.L.demonstratives
        if start is None or not (known or _measured_subject(ctx, (a, b), start, fig_end)):
            continue
        end = fig_end + known
        if (start, end) != (a, b):
            words = [ctx.phrase(start, k), *([ctx.phrase(fig_end, end)] if known else []),
                     predicates[tuple(ctx.idx.lower[k:k + m])], ctx.phrase(k + m, fig_end)]
            out.append((start, end, words))
    return out[:MAX_ITEMS]


def _measured_subject(ctx: Ctx, clause: tuple[int, int], start: int, fig_end: int) -> bool:
    """Is the noun phrase from token ``start`` the clause's subject (it opens the clause) with a
    verb after its figure (its predicate, or a relative clause's on the way to it)?"""
    a, b = clause
    return trim_start(ctx, a, start) == start and any(ctx.is_verb(t) for t in range(fig_end, b))


def trim_start(ctx: Ctx, a: int, start: int) -> int:
    """The first token from ``a`` that is a word (past opening quotes and brackets), up to ``start``."""
    while a < start and not ctx.is_word(a):
        a += 1
    return a


_MEASURED_KINDS = frozenset({FigureKind.money, FigureKind.percent, FigureKind.quantity})


def _figure_end(ctx: Ctx, t: int, b: int) -> int | None:
    """The token after the amount, share or quantity that opens at token t (None: none opens there,
    or it is restated or joined by another after a coordinator)."""
    if t >= b:
        return None
    s, e = ctx.span(t, min(b, t + MEASURED_NP_WORDS))
    figures = find_figures(ctx.text[s:e], ctx.L.code, None)
    if not figures or figures[0].start != 0 or figures[0].kind not in _MEASURED_KINDS:
        return None
    end = s + figures[0].end
    u = next((u for u in range(t, b) if ctx.idx.spans[u][0] >= end), b)
    # "US$ 450 juta atau setara Rp 6,4 triliun": the figure goes on in another measure
    return None if u < b and ctx.word(u) in ctx.L.list_coordinators else u


def _measured_np_start(ctx: Ctx, a: int, k: int) -> int | None:
    """Where the noun phrase before the measure at token k starts: back to a verb, a preposition,
    a relative pronoun, a comma or a number (a name's hyphen is inside it). None: no noun."""
    L = ctx.L
    t = k
    while t > a and k - t < MEASURED_NP_WORDS:
        w = ctx.word(t - 1)
        inside_name = w in _NAME_JOINS and ctx.is_cap(t) and t - 1 > a and ctx.is_cap(t - 2)
        if not inside_name and (not ctx.is_word(t - 1) or ctx.is_verb(t - 1) or w in L.np_stops
                                or w in L.relative or w[:1].isdigit()):
            break
        t -= 1
    return t if t < k else None
