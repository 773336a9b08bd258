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
from klaim.extraction.claims._enumeration import item_start
from klaim.extraction.claims._table import ClaimsTable, claims_table

NEXT_ITEM_REACH = 8  # tokens of the next item looked at for a figure


@cache
def clause_table(lang: str) -> ClaimsTable:
    """The language's claims table (the keys read here are not compiled into ``Lang``)."""
    return claims_table(lang)


def claimed_items(ctx: Ctx, a: int, ends: list[int], b: int) -> list[int]:
    """The enumerated items' ends (``ends``, in clause a..b-1) whose items are claims of their own."""
    t = clause_table(ctx.L.code)
    if not ends or t.noun_list_items:
        return ends
    copulas = frozenset(w.lower() for w in t.item_verbs)
    return [e for e in ends if _distinct_item(ctx, a, e, b, copulas)]


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
