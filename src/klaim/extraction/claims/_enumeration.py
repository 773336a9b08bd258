"""Claims that share a clause's start: the items of an enumeration and the claim before a cause.

The guideline splits "12 bank terdiri dari Himbara, bank swasta nasional, dan swasta asing" into
one claim per item, each spanning from where the clause starts to the end of its own item (the
last item's claim is the whole clause). A cause or a time clause with a subject and verb of its
own ("X dilakukan karena Y", "X terjadi sebelum Y") states Y besides the whole.

Each function here is one rule over tokens ``a..b-1`` of a clause that has already been trimmed.
"""

from __future__ import annotations

import itertools
import re

from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._lang import Sequences
from klaim.extraction.claims._table import claims_table
from klaim.extraction.figures import find_figures
from klaim.schema import Figure, FigureKind

MAX_ITEM_WORDS = 6  # an enumerated item is a short noun phrase; a longer stretch is a clause
# Each item's claim repeats the clause up to it: a clause gets at most this many such claims, so
# that the output stays linear in the text (a claim per item of a 300-item list would not)
MAX_ITEMS = 12
# "A dan B" without a comma list: a one-word A is as likely an adjective ("a deep and sincere
# apology") or a pair that makes one fact ("amunisi dan unit manuver yang diperlukan")
MIN_PAIR_ITEM_WORDS = 2
_OPENERS = "(“«"
_CLOSERS = ")”»"
_MARKS = (*_OPENERS, *_CLOSERS, '"')


def _depths(ctx: Ctx, a: int, b: int) -> list[int]:
    """Bracket and quotation depth at each token of a..b-1 (straight quotes toggle); read, never
    changed, by the rules of a clause, which ask for it one after another (once each per clause)."""
    key = ("enumeration.depths", a, b)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = _walk_depths(ctx, a, b)
    return hit


def _walk_depths(ctx: Ctx, a: int, b: int) -> list[int]:
    if a >= b:
        return []
    piece = ctx.text[ctx.idx.spans[a][0]:ctx.idx.spans[b - 1][1]]
    if not any(mark in piece for mark in _MARKS):
        return [0] * (b - a)  # most clauses have no brackets or quotes: no walk over the tokens
    out, depth, straight = [], 0, False
    for k in range(a, b):
        ch = ctx.text[ctx.idx.spans[k][0]]
        if ch in _CLOSERS and depth:
            depth -= 1
        elif ch == '"':
            straight = not straight
        out.append(depth + straight)
        if ch in _OPENERS:
            depth += 1
    return out


def _predicate_start(ctx: Ctx, a: int, b: int) -> int | None:
    """Where the subject ends: the first verb, relative pronoun or preposition (items before it
    are the subject, not a list of claims; "terdiri dari A, B" has no verb the table knows).
    Each rule of a clause asks (once per clause each): the answer is kept per article."""
    key = ("enumeration.predicate-start", a, b)
    if key in ctx.memo:
        return ctx.memo[key]  # type: ignore[no-any-return]
    v = ctx.memo[key] = _find_predicate_start(ctx, a, b)
    return v


def _find_predicate_start(ctx: Ctx, a: int, b: int) -> int | None:
    L = ctx.L
    v = next((k for k in range(a, b) if ctx.is_verb(k) or ctx.word(k) in L.relative or ctx.word(k) in L.np_stops),
             None)
    if v is not None and ctx.word(v) in L.list_coordinators and any(ctx.word(k) == "," for k in range(a, v)) \
            and not any(ctx.is_verb(k) for k in range(v, b)):
        return None  # "seksi III Tanah Tinggi, Batusari, dan Seksi IV …": a verbless list, items from its start
    return v


def _item_ends_at_coordinator(ctx: Ctx, k: int, b: int) -> bool:
    """Is the coordinator at k one that ends an item ("Iran dan Turki" is not split inside a name
    such as "Kependudukan dan Pencatatan Sipil"; "dilakukan dan didistribusikan" share an object)?"""
    p = k - 2 if ctx.word(k - 1) == "," else k - 1
    if k + 1 >= b or not (ctx.is_word(p) or _closes_own_bracket(ctx, p)) or not ctx.is_word(k + 1):
        return False  # an item may end with its abbreviation: "Satuan Polisi Pamong Praja (Satpol PP) dan …"
    if _name_with_abbreviation(ctx, k, b):
        return False
    if ctx.is_verb(k + 1) or ctx.word(k + 1) in ctx.L.auxiliaries:
        return False  # a coordinated predicate: the decomposer's own rule decides there
    if _glosses_item(ctx, k, b):
        return False
    return not (ctx.is_cap(p) and ctx.is_cap(k + 1) and p == k - 1) and not (
        ctx.word(p)[0].isdigit() and ctx.word(k + 1)[0].isdigit())


def _glosses_item(ctx: Ctx, k: int, b: int) -> bool:
    """Is the coordinator at k a gloss: the item's other name ("nota kesepahaman atau MoU") or
    the same figure written again ("10 K atau lari 10 kilometer")?"""
    return ctx.word(k) in ctx.L.gloss_coordinators and (_is_acronym(ctx.surface(k + 1)) or _figure_gloss(ctx, k, b))


GLOSS_REACH = 4  # words a figure may stand from the gloss coordinator on either side
GLOSS_LEAD = 2   # words at most between a gloss coordinator and its restated figure ("setara dengan")


def _figure_gloss(ctx: Ctx, k: int, b: int) -> bool:
    """Does a gloss coordinator at k join two ways of writing one figure ("10 K atau lari 10
    kilometer", "5 K atau lari lima kilometer")? A figure on each side, within the item, of the
    same value: one item and its gloss, not two items (asked by several rules: kept per article)."""
    if ctx.word(k) not in ctx.L.gloss_coordinators:
        return False
    key = ("enumeration.figure-gloss", k, b)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = _same_figure_around(ctx, k, b)
    return hit  # type: ignore[no-any-return]


def _same_figure_around(ctx: Ctx, k: int, b: int) -> bool:
    lo, hi = _item_side(ctx, k, -1, 0), _item_side(ctx, k, 1, b)
    before = _figures_in(ctx, lo, k)
    if not before:
        return False
    after = _figures_in(ctx, k + 1, hi)
    return any(_one_figure(f, g) or _one_moment(f, g) for f in before for g in after) \
        or _restated_figure(ctx, lo, k, before, after)


def _restated_figure(ctx: Ctx, lo: int, k: int, before: list[Figure], after: list[Figure]) -> bool:
    """Does the coordinator at k join a figure right before it to one in another measure right
    after it ("US$ 450 juta atau setara dengan Rp 5,85 triliun", "Rp 235,31 triliun atau 6,56 persen
    dari PDB")? The same amount said twice, not two items; not "Rp 5 juta atau Rp 6 juta" (two
    amounts), a bare number ("5 atau 6 orang") or a change ("atau tumbuh 165 persen") (helper idfix)."""
    if not after:
        return False
    f, g = before[-1], after[0]
    start = ctx.span(lo, k)[0]
    if ctx.text[start + f.end:ctx.idx.spans[k][0]].strip() or _bare(f) or _bare(g):
        return False  # words between the figure and the coordinator: the item goes on
    lead = ctx.text[ctx.idx.spans[k][1]:ctx.idx.spans[k + 1][0] + g.start].split()
    return len(lead) <= GLOSS_LEAD and not any(ctx.L.is_verb(w.lower()) for w in lead) \
        and (f.kind, f.unit) != (g.kind, g.unit)  # not "Rp 1,44 triliun atau tumbuh 165 persen": a change


def _one_figure(f: Figure, g: Figure) -> bool:
    """The same value, measured alike, or one side a bare number ("10 K" for "10 kilometer");
    not "20 kursi atau 20 persen suara", two thresholds."""
    if f.value is None or f.value != g.value:
        return False
    if _bare(f) or _bare(g):
        return True
    return (f.kind, f.unit, f.counted) == (g.kind, g.unit, g.counted)


_TIME = re.compile(r"T(\d\d):(\d\d)(?::\d\d)?([+-]\d\d:\d\d)?$")


def _one_moment(f: Figure, g: Figure) -> bool:
    """One time of day in two zones ("pukul 15.00 WIB atau pukul 16.00 waktu Hong Kong", "03.15 WIB
    atau 04.15 WITA"): the first names its zone, the second another zone or none, at the same
    minute of the hour; not "pukul 15.00 atau 16.00 WIB" nor "15.00 WIB atau 16.00 WIB", a choice."""
    if f.kind != FigureKind.time or g.kind != FigureKind.time or not f.iso or not g.iso:
        return False
    a, b = _TIME.match(f.iso), _TIME.match(g.iso)
    if a is None or b is None or a.group(3) is None or a.group(3) == b.group(3):
        return False
    return a.group(2) == b.group(2) and a.group(1) != b.group(1)


def _bare(f: Figure) -> bool:
    return f.kind == FigureKind.cardinal and f.unit is None and f.counted is None


def _item_side(ctx: Ctx, k: int, step: int, bound: int) -> int:
    """Where the words on one side of k end (going back: start), at a comma, a coordinator or
    after ``GLOSS_REACH`` words."""
    t, words = k + step, 0
    while (t >= bound if step < 0 else t < bound) and words < GLOSS_REACH:
        w = ctx.word(t)
        if w in (",", ";") or w in ctx.L.list_coordinators:
            break
        words += ctx.is_word(t)
        t += step
    return t + 1 if step < 0 else t


def _figures_in(ctx: Ctx, i: int, j: int) -> list[Figure]:
    """The figures in tokens i..j-1."""
    if i >= j:
        return []
    s, e = ctx.span(i, j)
    return find_figures(ctx.text[s:e], ctx.L.code, None)


def _closes_own_bracket(ctx: Ctx, p: int) -> bool:
    """Is token p a closing bracket opened a few tokens before, inside the same item?"""
    if ctx.word(p) != ")":
        return False
    for t in range(p - 1, max(0, p - NAME_REACH), -1):
        if ctx.word(t) == "(":
            return True
        if ctx.word(t) in (",", ")"):
            return False
    return False


NAME_REACH = 8  # tokens a capitalised name may run from a comma or coordinator to its abbreviation


def _name_with_abbreviation(ctx: Ctx, k: int, b: int) -> bool:
    """Is the comma or coordinator at k inside a capitalised name that its abbreviation in brackets
    closes ("petugas Pelayanan, Pengawasan dan Pengendalian Sosial (P3S)")?"""
    if not ctx.is_cap(k - 1):
        return False
    for t in range(k + 1, min(b, k + NAME_REACH)):
        if ctx.word(t) == "(":
            return t > k + 1
        if not (ctx.is_cap(t) or ctx.word(t) == "," or ctx.word(t) in ctx.L.list_coordinators):
            return False
    return False


def _is_acronym(word: str) -> bool:
    """ "MoU", "HET", "OP": mostly capitals."""
    return len(word) >= 2 and word[0].isupper() and sum(c.isupper() for c in word) >= len(word) - 1


def _list_comma(ctx: Ctx, k: int, b: int, depth: list[int], a: int) -> bool:
    """A comma between items: short verbless items follow it up to a list coordinator. Not the
    comma before a list's introducer ("dua dosis, yakni dosis 1 dan dosis 2"): the phrase before
    it is the noun the list lists, no item."""
    L = ctx.L
    if ctx.match_seq(k + 1, L.list_introducers, b):
        return False
    words = 0
    for t in range(k + 1, b):
        w = ctx.word(t)
        if depth[t - a]:
            continue
        if w in L.list_coordinators:
            return words > 0
        if w == ",":
            if words == 0:
                return False
            if t + 1 < b and ctx.word(t + 1) in L.list_coordinators:
                return True  # "…, dan C"
            words = 0
            continue
        if not ctx.is_word(t) or ctx.is_verb(t) or w in L.relative or w in L.np_stops:
            return False
        words += 1
        if words > MAX_ITEM_WORDS:
            return False
    return False


def _region_of_place(ctx: Ctx, k: int, b: int) -> bool:
    """ "kota Kharkiv, Ukraina, dan …": the comma sets a place's region off, not a new item."""
    n, hit = ctx.gazetteer_at(k + 1, b)
    if not (ctx.is_cap(k - 1) and hit is not None and hit[0] == "location" and ctx.word(k + 1 + n) == ","):
        return False
    return not _place_follows(ctx, k + 2 + n, b)


def _place_follows(ctx: Ctx, t: int, b: int) -> bool:
    """Does another place start at token t, after a list coordinator if one is there? Then the
    places are items of a list ("Jawa Barat, Jawa Tengah, Jawa Timur, dan Bali"), not a place and
    its region (helper idprec)."""
    if t < b and ctx.word(t) in ctx.L.list_coordinators:
        t += 1
    hit = ctx.gazetteer_at(t, b)[1]
    return hit is not None and hit[0] == "location"


def _item_words(ctx: Ctx, v: int, k: int) -> int:
    """Words of the item that ends before token k (back to a comma, a preposition or a verb;
    an article does not count: "a deep and sincere apology")."""
    L = ctx.L
    start = k
    while start > v + 1 and ctx.word(start - 1) != "," and ctx.word(start - 1) not in L.np_stops \
            and not ctx.is_verb(start - 1) and _introducer_start(ctx, start) is None:
        start -= 1
    # nor does a quantifier that the pair shares ("banyak permasalahan dan tantangan")
    return sum(1 for t in range(start, k) if ctx.is_word(t) and ctx.word(t) not in L.np_articles
               and ctx.word(t) not in L.shared_determiners)


def enumeration_ends(ctx: Ctx, a: int, b: int) -> list[int]:
    """Token indices (exclusive ends) of each enumerated item but the last, in a..b-1.

    Items before the clause's first verb are its subject ("Arab Saudi, Mesir dan Bahrain
    memutuskan …"): one fact with several actors, not a list of claims; so are items that a
    verb follows ("ketika upacara dengan kue dan marching band tidak bisa menutupi …"). A
    clause without a verb ("Biaya paling mahal Rp 87 ribu untuk mobil barang, bus, dan kereta")
    lists after its first word.
    """
    ends: list[int] = []
    words = ctx.idx.lower[a + 1:b - 1]
    if "," not in words and ctx.L.list_coordinators.isdisjoint(words):
        return ends  # most clauses: no comma or coordinator to end an item, looked for at once
    v = _predicate_start(ctx, a, b)
    if v is None:
        v = a
    closing = _subordinate_comma(ctx, a, b)
    depth = _depths(ctx, a, b)
    list_open = 0  # the ends of the list being read start here
    for k in _item_marks(ctx, v + 1, b - 1):
        if not depth[k - a] and (_closes_alternatives(ctx, k, b) or closes_pair(ctx, k)):
            del ends[list_open:]
            continue
        end = None if depth[k - a] or k == closing else _item_end(ctx, k, b, v, (depth, a))
        if end is None:
            continue
        shared = _items_sharing_what_follows(ctx, a, k, b, ends)
        if shared is not None:
            ends = shared
        elif not _one_relation(ctx, v, k, b):
            ends.append(end)
        if ctx.word(k) in ctx.L.list_coordinators:
            list_open = len(ends)
    return _outside_negation(ctx, a, b, ends)[:MAX_ITEMS]


def _item_marks(ctx: Ctx, lo: int, hi: int) -> list[int]:
    """The commas and coordinators among tokens lo..hi-1: only they close an item
    (``_item_end``) or make the list a choice (``_closes_alternatives``)."""
    lower, lists, choices = ctx.idx.lower, ctx.L.list_coordinators, ctx.L.disjunctive_coordinators
    return [k for k in range(lo, hi) if lower[k] == "," or lower[k] in lists or lower[k] in choices]


def _closes_alternatives(ctx: Ctx, k: int, b: int) -> bool:
    """Is token k a coordinator that makes its list a choice ("warga setempat atau pendatang", "A,
    B, or C")? None of the items is asserted alone, so none is a claim of its own; a gloss ("nota
    kesepahaman atau MoU") names one item twice and is no choice."""
    if ctx.word(k) not in ctx.L.disjunctive_coordinators or k + 1 >= b or _glosses_item(ctx, k, b):
        return False
    # "Rp 3,8 triliun atau turun 25,7 persen", "3.187 notaris atau sekitar 22 persen": what follows
    # restates or adds to the item before, a predicate or a figure of its own, not another choice
    return not _elaborates(ctx, k + 1, b)


def closes_pair(ctx: Ctx, k: int) -> bool:
    """Is token k the coordinator of a pair that a word of ``pair_openers`` opens within its first
    item ("to be both president and commander in chief", "is worth either $43 billion or $55
    billion")? The pair is one fact: no claim ends at its first item, and no clause starts after
    the coordinator ("the survey came as both Mr. Sanders and Mrs. Clinton have stepped up …")."""
    L = ctx.L
    if ctx.word(k) not in L.list_coordinators or not L.pair_openers:
        return False
    for t in range(k - 1, max(-1, k - MAX_ITEM_WORDS - 2), -1):
        if ctx.word(t) in L.pair_openers:
            return True
        if ctx.word(t) in _PAIR_BREAKS or ctx.word(t) in L.list_coordinators or (
                ctx.word(t) == "." and not (t > 0 and ctx.word(t - 1) in L.abbreviations)):  # "both Mr. Sanders and …"
            return False
    return False


_PAIR_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "?", "!"})  # marks that end a pair's first item


def _elaborates(ctx: Ctx, t: int, b: int) -> bool:
    """Does a predicate or a figure open right at token t (within ``GLOSS_LEAD`` words)?"""
    lead = range(t, min(b, t + GLOSS_LEAD + 1))
    return ctx.is_verb(t) or ctx.word(t) in ctx.L.auxiliaries or any(ctx.word(u)[:1].isdigit() for u in lead)


def _items_sharing_what_follows(ctx: Ctx, a: int, k: int, b: int, ends: list[int]) -> list[int] | None:
    """At the list's coordinator k: the item ends left when the items share what follows them, a
    predicate (they are its subject) or a cleft's relative clause; None when they do not."""
    if ctx.word(k) not in ctx.L.list_coordinators:
        return None
    if _predicate_follows(ctx, k + 1, b):
        return [e for e in ends if any(ctx.is_verb(t) for t in range(e, k))]
    focus = _cleft_focus(ctx, a, k, b)
    return None if focus is None else [e for e in ends if e < focus]


CLEFT_REACH = 40  # tokens at most from a focus particle to the coordinator of the list it opens
RELATIVE_REACH = 15  # tokens at most from a list's coordinator to the relative pronoun after its last item


def _cleft_focus(ctx: Ctx, a: int, k: int, b: int) -> int | None:
    """Where a focus particle opens the list whose coordinator is at k, when a relative clause
    follows the list: a cleft ("hanya KA Tawang Jaya, KA Kutojaya, dan KA Gumarang yang masih
    tersedia": only these are still available). The items are its subject, and an item alone would
    say something else. None when a verb comes first going back, or no clause follows."""
    if not _relative_follows(ctx, k + 1, b):
        return None
    for t in range(k - 1, max(a, k - CLEFT_REACH) - 1, -1):
        if ctx.word(t) in ctx.L.focus_particles:
            return None if ctx.match_seq(t - 1, ctx.L.correlative_openers, k) else t  # "bukan hanya …"
        if ctx.is_verb(t):
            return None
    return None


def _relative_follows(ctx: Ctx, t: int, b: int) -> bool:
    """Does a relative pronoun follow the last item (before a comma)?"""
    for p in range(t, min(b, t + RELATIVE_REACH)):
        w = ctx.word(p)
        if w in ctx.L.relative:
            return True
        if w == ",":
            return False
    return False


def _one_relation(ctx: Ctx, v: int, k: int, b: int) -> bool:
    """Do the items around token k (a comma or a coordinator) make one fact together? After a
    preposition of relation ("kisruh antara pelaku transportasi online dan tradisional") the items
    are the relation's parties, not a list of claims."""
    L = ctx.L
    opener = _list_opener(ctx, v, k)
    if ctx.word(opener) in L.pair_prepositions and ctx.word(opener + 1) != "," \
            and not ctx.match_seq(opener, L.list_introducers, b):
        return True  # not "penelitian bersama, …" (joint research): no preposition before a comma
    return _in_title(ctx, opener, k)


def _in_title(ctx: Ctx, opener: int, k: int) -> bool:
    """Is the list a named document's title ("Peraturan KPU Nomor 12 Tahun 2017 tentang Pendaftaran,
    Verifikasi, dan Penetapan Partai Politik")? After a title preposition that follows a name or a
    number, items in capitals name one document."""
    if ctx.word(opener) not in ctx.L.title_prepositions or opener == 0:
        return False
    before = ctx.word(opener - 1)
    return (ctx.is_cap(opener - 1) or before[:1].isdigit()) and all(
        ctx.is_cap(t) or not ctx.is_word(t) or ctx.word(t) in ctx.L.list_coordinators for t in range(opener + 1, k))


def _list_opener(ctx: Ctx, v: int, k: int) -> int:
    """The token before the first item of the list that token k is in: the preposition, verb or
    introducer that the items follow (``v`` at the latest)."""
    L = ctx.L
    t = k - 1
    while t > v:
        w = ctx.word(t)
        if (w in L.np_stops and w not in L.list_coordinators) or ctx.is_verb(t) or w in L.relative \
                or w in L.pair_prepositions or _introducer_start(ctx, t + 1) is not None:
            break
        t -= 1
    return t


def item_start(ctx: Ctx, a: int, end: int) -> int:
    """Where the item that ends before token ``end`` starts: after the comma, list coordinator,
    preposition or verb before it (not before ``a``)."""
    L = ctx.L
    start = end
    while start > a:
        w = ctx.word(start - 1)
        if _figure_gloss(ctx, start - 1, end):
            start -= 1  # "10 K atau lari 10 kilometer": one item written twice
            continue
        if w == "," or w in L.list_coordinators or w in L.np_stops or ctx.is_verb(start - 1) \
                or _introducer_start(ctx, start) is not None:
            break
        start -= 1
    return start


INTRODUCER_WORDS = 3  # words at most in a list introducer or a membership predicate ("terdiri dari")


def _phrase_start(ctx: Ctx, k: int, seqs: Sequences) -> int | None:
    """Start of the entry of ``seqs`` that ends right before token k, if one does."""
    for n in range(1, INTRODUCER_WORDS + 1):
        if k - n >= 0 and ctx.match_seq(k - n, seqs, k) == n:
            return k - n
    return None


def _introducer_start(ctx: Ctx, k: int) -> int | None:
    """Start of the list introducer ("yakni", "antara lain") that ends right before token k."""
    return _phrase_start(ctx, k, ctx.L.list_introducers)


# words in the subject before a membership predicate: one word is as often an ordinal ("Pertama adalah
# …", first is …) and a longer one a clause, not a set's name
MEMBER_SUBJECT_WORDS = (2, 8)


def item_text(ctx: Ctx, a: int, first_end: int, end: int) -> tuple[list[str], bool]:
    """The pieces of the claim text of the enumerated item that ends before token ``end`` in a
    clause from ``a`` whose first item ends before ``first_end``, and whether a restated subject
    goes in front. The item alone after what leads to the list ("terdiri dari Bank Mandiri, BNI"
    → "terdiri dari BNI"); after a membership predicate, that the item is a member ("Enam provinsi
    itu adalah DKI Jakarta, …, Bali" → "Bali termasuk dalam enam provinsi itu": the item alone
    would make the six provinces Bali)."""
    lead_end = item_start(ctx, a, first_end)
    start = _after_separator(ctx, lead_end, end)
    if start > lead_end:
        start += ctx.match_seq(start, ctx.L.leading, end)  # "…, kemudian 13 April 2007": the item is the date
    if lead_end <= a or start < lead_end or not ctx.words_between(start, end) or ctx.is_verb(start) \
            or _lead_holds_items(ctx, a, lead_end):
        return [ctx.phrase(a, end)], True  # an item that opens with a verb is a predicate: no item after the lead
    subject = _member_subject(ctx, a, lead_end)
    if subject is not None and ctx.L.membership_phrase:
        return [ctx.phrase(start, end), ctx.L.membership_phrase, subject], False
    if start == lead_end:
        return [ctx.phrase(a, end)], True
    return [ctx.phrase(a, lead_end), *_shared_head(ctx, lead_end, first_end, (start, end)),
            ctx.phrase(start, end)], True


def _shared_head(ctx: Ctx, lead_end: int, first_end: int, item: tuple[int, int]) -> list[str]:
    """The noun that a one-word item shares with a longer first item ("menutup perbatasan laut,
    darat, dan udara" → "menutup perbatasan darat", "bangkai kapal perang Belanda, Inggris" →
    "bangkai kapal perang Inggris"): the first item's lower-case words but its last (helper idprec)."""
    start, end = item
    # the last item may go on with what every item shares ("… dan udara ke negara tetangganya")
    core = next((t for t in range(start, end) if ctx.word(t) in ctx.L.np_stops or ctx.word(t) in ctx.L.relative), end)
    if core - start != 1 or not ctx.is_word(start) or first_end - lead_end < 2:
        return []
    if not all(ctx.is_word(t) and not ctx.is_cap(t) for t in range(lead_end, first_end - 1)):
        return []  # "Jawa Barat, Bali": a name of several words shares nothing
    return [ctx.phrase(lead_end, first_end - 1)]


def _lead_holds_items(ctx: Ctx, a: int, lead_end: int) -> bool:
    """Does what leads to the first item found hold items itself ("… dari perwakilan budaya 13
    provinsi, 20 kabupaten / kota di Jawa Barat, 43 komunitas": the first item found is "Jawa
    Barat")? A comma after the predicate's start that no verb follows before the items: the item
    alone after such a lead would be garbled, and the claim keeps its span's words. A leading
    adverbial's comma ("Di Desa Alitupu, terdapat …") and an introducer's ("…, yakni") are not."""
    v = _predicate_start(ctx, _after_adverbial(ctx, a, lead_end), lead_end)
    if v is None:
        return False
    for t in range(v + 1, lead_end - 1):
        if ctx.word(t) != "," or ctx.match_seq(t + 1, ctx.L.list_introducers, lead_end) \
                or _introducer_start(ctx, t) is not None:
            continue
        if not any(ctx.is_verb(k) for k in range(t + 1, lead_end)):
            return True
    return False


def _after_separator(ctx: Ctx, lead_end: int, end: int) -> int:
    """Where the item that ends before token ``end`` starts: after the comma or list coordinator
    before it, not after a preposition inside it ("20 kabupaten / kota di Jawa Barat"); the first
    item starts at ``lead_end``."""
    start = end
    while start > lead_end and ctx.word(start - 1) != "," and (ctx.word(start - 1) not in ctx.L.list_coordinators
                                                                or _figure_gloss(ctx, start - 1, end)):
        start -= 1
    if start > lead_end and ctx.word(start) in ctx.L.np_stops:
        return item_start(ctx, lead_end, end)  # "berhak atas A, dan berhak atas rasa aman": the item is "rasa aman"
    return max(start, lead_end)


def _member_subject(ctx: Ctx, a: int, lead_end: int) -> str | None:
    """The set that a membership predicate ending before ``lead_end`` says the items make up: a
    short noun phrase from ``a`` (verbs only inside its relative clause), else None."""
    p = _phrase_start(ctx, lead_end, ctx.L.membership_predicates)
    if p is not None:
        p = _introducer_start(ctx, p) or p  # "Para uskup yang hadir antara lain adalah …"
    if p is None or not _names_a_set(ctx, a, p):
        return None
    subject = ctx.phrase(a, p)
    first = ctx.surface(a)
    if first[:1].isupper() and first[1:].islower() and not ctx.is_cap(a + 1) and _opens_sentence(ctx, a):
        subject = subject[0].lower() + subject[1:]  # "Enam provinsi itu" inside a sentence
    return subject


def _names_a_set(ctx: Ctx, a: int, p: int) -> bool:
    """Are tokens a..p-1 a noun phrase that names a set of several ("Enam provinsi itu", "Bank yang
    terlibat")? Not one word (as often an ordinal: "Pertama adalah …"), not a clause, not a subject
    that names one member already ("Salah satu penyebabnya adalah …", "Yang penting adalah …")."""
    L = ctx.L
    lo, hi = MEMBER_SUBJECT_WORDS
    if not lo <= ctx.words_between(a, p) <= hi or ctx.match_seq(a, L.single_member_subjects, p):
        return False
    relative = next((k for k in range(a, p) if ctx.word(k) in L.relative), p)
    if relative == a or any(ctx.word(k) == "," or not ctx.is_word(k) for k in range(a, p)):
        return False
    return not any(ctx.is_verb(k) or ctx.word(k) in L.auxiliaries for k in range(a, relative))


def _opens_sentence(ctx: Ctx, k: int) -> bool:
    """Does token k start a sentence or paragraph (its capital is the sentence's, not a name's)?"""
    before = ctx.text[:ctx.idx.spans[k][0]].rstrip(" \t\"“'‘")
    return not before or before[-1] in ".!?\n:"


def _outside_negation(ctx: Ctx, a: int, b: int, ends: list[int]) -> list[int]:
    """The item ends before the clause's first negation, long enough to be claims. "Tidak ada
    pejabat yang menyebutkan janji atau target secara spesifik": under a negation the items share
    what follows them, and an item alone would say something else."""
    if not ends:
        return ends
    # "Tidak hanya X, …" (not only X) is no negation of what follows it
    negated = next((k for k in range(a, b) if ctx.L.negated.pattern.fullmatch(ctx.word(k))
                    and not ctx.match_seq(k, ctx.L.correlative_openers, b)), b)
    return [e for e in ends if e <= negated and ctx.words_between(a, e) >= ctx.L.min_claim_tokens]


def _item_end(ctx: Ctx, k: int, b: int, v: int, depth: tuple[list[int], int]) -> int | None:
    """If token k (a comma or a coordinator) closes an item, where the item's claim ends."""
    w = ctx.word(k)
    if w == ",":
        return k if _list_comma(ctx, k, b, *depth) and not _region_of_place(ctx, k, b) \
            and not _name_with_abbreviation(ctx, k, b) else None
    if w not in ctx.L.list_coordinators or not _item_ends_at_coordinator(ctx, k, b):
        return None
    if ctx.word(k - 1) == ",":
        return k - 1
    return k if _item_words(ctx, v, k) >= MIN_PAIR_ITEM_WORDS else None


def _predicate_follows(ctx: Ctx, k: int, b: int) -> bool:
    """Does a verb follow the last item (within an item's length, before a comma)?"""
    L = ctx.L
    for t in range(k, min(b, k + MAX_ITEM_WORDS + 1)):
        w = ctx.word(t)
        if w == "," or w in L.np_stops or w in L.relative:
            return False
        if ctx.is_verb(t) or w in L.auxiliaries or L.negated.pattern.fullmatch(w):
            return True
    return False


def _after_adverbial(ctx: Ctx, a: int, b: int) -> int:
    """Where the clause proper starts after a leading adverbial set off by a comma ("Hingga kini, …")."""
    return _after_comma(ctx, a, b) if ctx.word(a) in ctx.L.np_stops else a


def _subordinate_comma(ctx: Ctx, a: int, b: int) -> int:
    """The comma that closes a leading subordinate clause ("Ketika pengunjung tiba di kuil, Waheed
    dan para kaki tangannya menyiksa …"): no item ends there. -1 when the clause opens otherwise,
    with a time adverbial ("Saat ini …"), or no verb follows the first comma ("Saat penangkapan
    ditemukan empat tutup peledak, dua tali peledak": a list's comma)."""
    if ctx.word(a) not in ctx.L.subordinators or a + 1 >= b or _opens_with_time(ctx, a + 1):
        return -1
    comma = _after_comma(ctx, a, b) - 1
    if comma < a:
        return -1
    # the main clause after it: a verb, or a coordinated subject that a verb follows ("Waheed dan
    # para kaki tangannya menyiksa"), not a list that goes on ("pemilik tanah, pemangku adat, dan …")
    t = next((t for t in range(comma + 1, b) if ctx.is_verb(t) or ctx.word(t) in ctx.L.list_coordinators
              or ctx.word(t) == ","), b)
    if t == b or ctx.word(t) == ",":
        return -1
    return comma if ctx.is_verb(t) or _predicate_follows(ctx, t + 1, b) else -1


def _after_comma(ctx: Ctx, a: int, b: int) -> int:
    """The token after the first comma in a..b-1 (``a`` when there is none)."""
    comma = next((k for k in range(a + 1, b) if ctx.word(k) == ","), None)
    return comma + 1 if comma is not None and comma + 1 < b else a


def subordinate_start(ctx: Ctx, a: int, b: int) -> int | None:
    """Where a clause that states a fact of its own starts, after a cause or time connective
    ("X dilakukan karena Y", "X naik setelah Y"): Y is a claim besides the whole. The part before
    the connective is not: the predicate keeps its cause and its time. The connective must follow
    the subject ("Hingga kini, total kerugian akibat kerusakan belum bisa ditaksir": a leading
    adverbial is not where the subject ends)."""
    L = ctx.L
    if L.fact_subordinators.isdisjoint(ctx.idx.lower[a:b]):
        return None  # most clauses: no connective, looked for at once
    v = _predicate_start(ctx, _after_adverbial(ctx, a, b), b)
    if v is None:
        return None
    depth = _depths(ctx, a, b)
    for k in range(v + 1, b - 1):
        if depth[k - a] or ctx.word(k) not in L.fact_subordinators:
            continue
        return k + 1 if _is_clause(ctx, k + 1, b) and not _opens_with_time(ctx, k + 1) else None
    return None


def _opens_with_time(ctx: Ctx, t: int) -> bool:
    """ "saat ini …", "sejak 2014 …", "setelah itu …": the connective makes a time adverbial with
    what follows it, not a clause of its own."""
    w = ctx.word(t)
    return w in ctx.L.adverbial_demonstratives or w in ctx.L.time_words or w[:1].isdigit()


def cause_head_end(ctx: Ctx, a: int, b: int) -> int | None:
    """Where the effect ends before a cause connective ("12 rumah mengalami kerusakan akibat
    terkena angin kencang"): the effect is a fact of its own besides the whole when its predicate
    says something after its verb. "Penyitaan tidak bisa dilakukan karena …", "Hal ini dilakukan
    karena …" state nothing without their cause."""
    L = ctx.L
    if L.cause_subordinators.isdisjoint(ctx.idx.lower[a:b]):
        return None  # most clauses: no connective, looked for at once
    v = _predicate_start(ctx, _after_adverbial(ctx, a, b), b)
    if v is None:
        return None
    depth = _depths(ctx, a, b)
    k = next((t for t in range(v + 1, b - 1) if not depth[t - a] and ctx.word(t) in L.cause_subordinators), None)
    if k is None or ctx.words_between(a, k) <= L.min_claim_tokens or not any(ctx.is_verb(t) for t in range(k + 1, b)):
        return None  # "… akibat perluasan aliansi tersebut": a cause that is a noun phrase stays in its claim
    return k if _says_after_verb(ctx, v, k) else None


def _says_after_verb(ctx: Ctx, v: int, k: int) -> bool:
    """Does the predicate from token v say something between its last verb and token k?"""
    L = ctx.L
    # a modal that ends the predicate is what it says ("… dianggap perlu karena …"), not its verb
    last_verb = max(t for t in range(v, k) if (ctx.is_verb(t) and ctx.word(t) not in L.auxiliaries)
                    or ctx.word(t) in L.relative or t == v)
    return ctx.words_between(last_verb + 1, k) > 0


def _is_clause(ctx: Ctx, a: int, b: int) -> bool:
    """A subject and a verb (or "ada …") in tokens a..b-1: a fact of its own, not a noun phrase
    ("akibat perluasan aliansi") nor a predicate that shares the main subject ("karena diduga
    mencuri")."""
    L = ctx.L
    if a >= b:
        return False
    if ctx.match_seq(a, L.existentials, b):
        return True
    w = ctx.word(a)
    if ctx.is_verb(a) or w in L.auxiliaries or L.hedged.pattern.fullmatch(w) or L.negated.pattern.fullmatch(w):
        return False
    return any(ctx.is_verb(k) for k in range(a + 1, b))


def contrast_cut(ctx: Ctx, a: int, b: int) -> tuple[int, int] | None:
    """(comma, start of the second clause) of "X, namun Y": two claims, neither needs the other.

    Not after "tidak hanya X": "tidak hanya X, tetapi juga Y" asserts both, and cutting it would
    leave a negated X.
    """
    L = ctx.L
    if L.contrast_connectives.isdisjoint(ctx.idx.lower[a + 2:b]):
        return None  # most clauses: no connective after a comma, looked for at once
    depth = _depths(ctx, a, b)
    for k in range(a + 1, b - 1):
        if depth[k - a] or ctx.word(k) != "," or ctx.word(k + 1) not in L.contrast_connectives:
            continue
        if ctx.words_between(a, k) < L.min_claim_tokens or ctx.words_between(k + 2, b) < L.min_claim_tokens:
            continue
        if _same_predicate_goes_on(ctx, k + 2, b):
            continue  # "cemas mengenai X, namun juga mengenai Y": one predicate goes on
        if any(ctx.match_seq(t, L.correlative_openers, k) for t in range(a, k)):
            return None
        return k, k + 1
    return None


def _same_predicate_goes_on(ctx: Ctx, k: int, b: int) -> bool:
    """After a contrast connective, auxiliaries and then no subject of their own ("namun juga
    mengenai Y", "tetapi juga tentu saja memastikan"): the predicate before goes on. A demonstrative
    or a name after them is a new subject ("tapi justru ini potensi kita")."""
    L = ctx.L
    t = k
    while t < b and ctx.word(t) in L.auxiliaries:
        t += 1
    return t > k and not (t < b and (ctx.word(t) in L.demonstratives or ctx.is_cap(t)))


FIGURE_TAIL = 4  # words after a number that still belong to its figure ("Rp 19,25 triliun", "18 tahun")


def figure_ends(ctx: Ctx, a: int, b: int) -> list[int]:
    """Where a figure's phrase ends when another figure follows in the clause ("… sebesar Rp 19,25
    triliun dengan jangka waktu 18 tahun"): a claim per figure, from the clause's start."""
    L = ctx.L
    if ctx.numbers_between(a, b) < 2:
        return []  # most clauses: fewer than two numbers, counted at once
    numbers = [k for k in range(a, b) if _is_figure_number(ctx, a, k)]
    if len(numbers) < 2:  # most clauses: the predicate is not looked for
        return []
    v = _predicate_start(ctx, a, b)
    if v is None:
        return []
    depth = _depths(ctx, a, b)
    ends = []
    for t, later in itertools.pairwise(numbers):
        if t < v:
            continue
        k = _figure_item_end(ctx, t, later, depth[t - a:later - a], b)
        if k is not None and _no_item_end(ctx, (a, b), t, k, depth[k - a]):
            continue  # "(sekitar Rp 106 juta": a claim must not end inside a bracket, nor before a gloss
        if k is not None and any(n > k for n in numbers) and ctx.words_between(a, k) >= L.min_claim_tokens:
            ends.append(k)
    return ends[:MAX_ITEMS]


def _no_item_end(ctx: Ctx, clause: tuple[int, int], t: int, k: int, depth: int) -> bool:
    """Is the separator at k, after the figure at token t, no end of that figure's item: inside a
    bracket, before a gloss or a pair's second member, or closing a range or a choice?"""
    a, b = clause
    return bool(depth) or _joins_one_figure(ctx, k, b) or _closes_range_or_choice(ctx, a, t, k)


def _joins_one_figure(ctx: Ctx, k: int, b: int) -> bool:
    """Does the coordinator at k join what is one figure's fact: a gloss of the figure before it,
    or a pair ("either $43 billion or $55 billion")?"""
    return _figure_gloss(ctx, k, b) or closes_pair(ctx, k)


def _closes_range_or_choice(ctx: Ctx, a: int, t: int, k: int) -> bool:
    """Does the separator at k, after the figure at token t, join that figure to the next as one
    fact, where the table sets ``figure_items_at_separators`` (English): "or" (", or 1.4 percent":
    a gloss; "$100 billion or $350 billion": alternatives, neither asserted alone) or a coordinator
    after a range opener ("between $2,500 and $5,000": one range)?"""
    table = claims_table(ctx.L.code)
    if not table.figure_items_at_separators:
        return False
    L = ctx.L
    if _in_fronted_phrase(ctx, a, k):
        return True  # "With 107 delegates at stake, Clinton …": the phrase tells when, no fact alone
    after = ctx.word(k + 1)
    if ctx.word(k) in L.disjunctive_coordinators or (ctx.word(k) == "," and after in L.disjunctive_coordinators):
        return True
    if ctx.word(k) == "," and ctx.word(k + 1) in L.np_stops and ctx.word(k + 1) not in L.list_coordinators:
        return True  # "fell $1.25, or 1.4 percent, to $80.50", "to 44 percent, from 54 percent": one move
    opener = any(ctx.word(p) in table.range_openers for p in range(max(0, t - 2), t))
    return opener and ctx.word(k) in L.list_coordinators


def _in_fronted_phrase(ctx: Ctx, a: int, k: int) -> bool:
    """Does the clause at token a open with a preposition or a subordinator ("With 35 delegates at
    stake", "By the 30-minute mark") and the separator at k come before any comma? The figure then
    stands in the main clause's circumstance, which states nothing alone."""
    L = ctx.L
    w = ctx.word(a)
    return (w in L.np_stops or w in L.subordinators) and not any(ctx.word(p) == "," for p in range(a, k))


def _is_figure_number(ctx: Ctx, a: int, k: int) -> bool:
    """Is token k a number that makes a figure: not a date, and not labelled by the word before it
    ("Nomor 18", "Pasal 55" name a document or a part)?"""
    return ctx.word(k)[:1].isdigit() and not _is_date_number(ctx, k) and not (k > a and _labels_number(ctx, k - 1))


def _figure_item_end(ctx: Ctx, t: int, later: int, depth: list[int], b: int) -> int | None:
    """Where the item of the figure at token t ends when another figure follows at ``later``."""
    k = _item_separator(ctx, t, later, depth)
    if k is None or (k == t + 1 and _bare_number(ctx, t, k, b)):  # "RT 04 dan 02": one figure
        k = _figure_phrase_end(ctx, t, b)
    return k


def _item_separator(ctx: Ctx, t: int, later: int, depth: list[int]) -> int | None:
    """The comma or coordinator right before the next figure that ends the item of the figure at
    token t ("dengan rincian 71.488 penumpang yang berangkat dari Stasiun Pasar Senen dan 52.961 …"):
    the next item starts there, so the words after the figure up to it complete this one, and a
    preposition or relative pronoun among them does not end it; None when the next figure is no
    such item (helper idfix)."""
    k = next((k for k in range(later - 1, t, -1) if _separates(ctx, k, depth[k - t])
              or ctx.words_between(k, later) > ITEM_LEAD), t)
    if k == t or not _separates(ctx, k, depth[k - t]):
        return None
    while k - 1 > t and _separates(ctx, k - 1, depth[k - 1 - t]):
        k -= 1  # ", dan 52.961": the item ends at the comma
    return k


def _separates(ctx: Ctx, k: int, depth: int) -> bool:
    return not depth and (ctx.word(k) == "," or ctx.word(k) in ctx.L.list_coordinators)


SEPARATOR_TAIL = 8  # tokens after a number to the separator that ends its item ("$4 billion in the quarter and")
ITEM_LEAD = 2  # words at most between a list separator and the figure of the item it opens ("dan Rp 5")


def _figure_phrase_end(ctx: Ctx, t: int, b: int) -> int | None:
    """The preposition, relative pronoun, coordinator or comma that ends the figure at token t.
    None when a passive verb comes before its agent ("Untuk dosis 1 akan diterima oleh …": the
    figure's phrase ran into a predicate that goes on) or when the number stands bare before it as a
    label or a range's start. Where the table sets ``figure_items_at_separators`` (English), only
    a coordinator or comma ends it, within ``SEPARATOR_TAIL`` tokens ("revenue of $4 billion in the
    quarter and …")."""
    L = ctx.L
    predicate = False
    tail = SEPARATOR_TAIL if claims_table(L.code).figure_items_at_separators else FIGURE_TAIL
    for k in range(t + 1, min(b, t + tail + 1)):
        w = ctx.word(k)
        predicate = predicate or ctx.is_verb(k) or (w in L.auxiliaries and w not in L.time_words)
        if w in L.list_coordinators or w == ",":
            return None if k == t + 1 and _bare_number(ctx, t, k, b) else k  # "80 orang tewas, …" ends a clause
        if w in L.np_stops or w in L.relative:
            if claims_table(L.code).figure_items_at_separators:
                continue  # "leads Clinton 50% to 40%", "raised $21 million in January": one fact
            return None if _phrase_goes_on(ctx, t, k, b, predicate) else k
    return None


def _phrase_goes_on(ctx: Ctx, t: int, k: int, b: int, predicate: bool) -> bool:
    """Does the figure's phrase go on past the preposition or relative pronoun at k: an agent after
    a passive verb, a comparison ("menurun 1,2 persen dibandingkan dengan 2017 …", "naik 13 persen
    jika dibandingkan dengan …": the figure needs what follows, helper idfix), what the figure counts
    ("38% of likely voters"), a bare number?"""
    L = ctx.L
    if predicate and ctx.word(k) == L.passive_agent:
        return True
    if ctx.word(k) in L.counted_prepositions:
        return True  # "For Trump, 38% of likely voters would …": the figure counts what follows
    if ctx.word(k - 1) in L.comparison_words or (k + 1 < b and ctx.word(k + 1) in L.comparison_words):
        return True
    return k == t + 1 and _bare_number(ctx, t, k, b)


def _bare_number(ctx: Ctx, t: int, k: int, b: int) -> bool:
    """A number without a unit is no figure of its own when another number follows the word after
    it ("30 hingga 40 saksi", "33 dari 150 kursi", "RT 04 dan 02": one figure) or when it labels the
    noun before it ("dosis 2", "kelas 5"; not "Rp 9.450")."""
    if k + 1 < b and ctx.word(k + 1)[:1].isdigit():
        return True
    if _counts_out_of(ctx, k, b):
        return True
    return t > 0 and _labels_number(ctx, t - 1)


def _counts_out_of(ctx: Ctx, k: int, b: int) -> bool:
    """Does the number before token k count out of a figure before it ("150 habitat …, 99 di
    antaranya dari perumahan"): the item goes on after the partitive."""
    partitives = ctx.L.partitives
    return ctx.word(k) in partitives or (k + 1 < b and ctx.word(k + 1) in partitives)


def _labels_number(ctx: Ctx, p: int) -> bool:
    """Is token p a noun that the number after it labels ("dosis", "kelas", "pasal")?"""
    return ctx.word(p) in ctx.L.number_labels


def _is_date_number(ctx: Ctx, k: int) -> bool:
    """A year, a day or a clock time ("2016", "Januari 2018", "pukul 18.06"): a date is when
    something happened, not a figure of its own."""
    w = ctx.word(k)
    if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"):
        return True
    # a day before a month's name ("mulai 1 Januari 2017"): the time words written in capitals
    month = k + 1 < len(ctx.idx.lower) and ctx.is_cap(k + 1) and ctx.word(k + 1) in ctx.L.time_words
    return month or (k > 0 and ctx.word(k - 1) in ctx.L.time_words)


APPOSITIVE_WORDS = (2, 8)  # words in a trailing appositive noun phrase ("salah satu proyek strategis nasional")


def _ends_a_name(ctx: Ctx, k: int) -> bool:
    """Does a name end before token k ("Ikhwanul Muslimin", "proyek JORR 2")?"""
    return ctx.is_cap(k - 1) or (ctx.word(k - 1).isdigit() and k > 1 and ctx.is_cap(k - 2))


def trailing_appositive(ctx: Ctx, a: int, b: int) -> tuple[int, int] | None:
    """(comma, end) of a noun phrase set off by a comma after a name that ends the predicate
    ("… masuk dalam proyek JORR 2, salah satu proyek strategis nasional yang …"): the appositive
    says what the name is, a claim of its own, and the clause before the comma is one too. Not
    after a leading adverbial ("Menjelang Pilkada Jawa Timur 2018, nama pasangan yang …": the
    phrase after its comma is the clause's subject)."""
    words = ctx.idx.lower[a:b]
    if "," not in words or ctx.L.relative.isdisjoint(words):
        return None  # most clauses: no comma, or no relative word to end an appositive, at once
    v = _predicate_start(ctx, _after_adverbial(ctx, a, b), b)
    if v is None:
        return None
    depth = _depths(ctx, a, b)
    k = next((t for t in range(v + 1, b - 2) if not depth[t - a] and ctx.word(t) == "," and _ends_a_name(ctx, t)
              and ctx.is_word(t + 1) and _may_open_appositive(ctx, t + 1, b)), None)
    if k is None:
        return None
    end = _appositive_end(ctx, k + 1, b)
    return (k, end) if end is not None else None


def _may_open_appositive(ctx: Ctx, k: int, b: int) -> bool:
    """A lower-case noun, not a preposition, connective, quantifier or number ("…, terutama …",
    "…, para tamu …")."""
    L, w = ctx.L, ctx.word(k)
    return not (ctx.is_cap(k) or w[:1].isdigit() or w in L.np_stops or w in L.relative or w in L.coordinators
                or w in L.non_subjects or w in L.group_determiners or ctx.match_seq(k, L.leading, b))


def _appositive_end(ctx: Ctx, k: int, b: int) -> int | None:
    """The appositive runs to the relative clause that describes it, with no verb before it: a
    phrase that a comma or the clause's end closes is as often a list item or a time ("London,
    awal tahun ini")."""
    L = ctx.L
    end = next((t for t in range(k, b) if ctx.word(t) in L.relative or ctx.word(t) in (",", ";")), b)
    lo, hi = APPOSITIVE_WORDS
    if end == b or ctx.word(end) not in L.relative or not lo <= ctx.words_between(k, end) <= hi:
        return None
    return None if any(ctx.is_verb(t) or ctx.word(t) in L.auxiliaries for t in range(k, end)) else end


def wish_predicate_ends(ctx: Ctx, a: int, b: int) -> list[int]:
    """Where each coordinated predicate but the last ends inside a wish clause with its own subject
    ("… mencakup agar Qatar memutuskan hubungan dengan Iran dan mengusir anggota Hamas"): a claim
    per predicate, from the clause's start (the guideline's growing span), as for enumerated items."""
    L = ctx.L
    if L.wish_complementisers.isdisjoint(ctx.idx.lower[a + 1:b]):
        return []  # most clauses: no complementiser, looked for at once
    w = next((k for k in range(a + 1, b) if ctx.word(k) in L.wish_complementisers), None)
    if w is None or not _is_clause(ctx, w + 1, b):
        return []
    depth = _depths(ctx, a, b)
    ends = []
    for k in range(w + 2, b - 1):
        if depth[k - a] or ctx.word(k) not in L.list_coordinators or ctx.word(k - 1) == ",":
            continue
        # not "tidak dilecehkan dan ditangkap": two bare verbs share what follows them
        if ctx.is_verb(k + 1) and not ctx.is_verb(k - 1) and any(ctx.is_verb(t) for t in range(w + 1, k)):
            ends.append(k)
    return ends[:MAX_ITEMS]


OWNER_REACH = 7  # tokens at most in the noun phrase before an owner word and in the owner after it


def owned_phrases(ctx: Ctx, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of each noun phrase that names its owner ("Restoran milik Usya Suharjono",
    "sel mewah milik terpidana narkotika Haryanto Chandra"): who owns what is a fact of its own.
    The owner must be named (a capitalised word); "rumah milik warga" says nothing to check, and
    after a copula the phrase is the clause's own predicate ("… adalah basis terakhir milik ISIS")."""
    L = ctx.L
    out: list[tuple[int, int]] = []
    if L.owner_words.isdisjoint(ctx.idx.lower[a + 1:b - 1]):
        return out  # most clauses: no owner word, looked for at once
    for k in range(a + 1, b - 1):
        if ctx.word(k) not in L.owner_words or ctx.is_cap(k) or not _in_noun_phrase(ctx, k - 1):
            continue  # "Badan Usaha Milik Negara" is a name
        start = k
        while start > max(a, k - OWNER_REACH) and _in_noun_phrase(ctx, start - 1):
            start -= 1
        end = k + 1
        while end < min(b, k + 1 + OWNER_REACH) and _in_noun_phrase(ctx, end):
            end += 1
        if _names_an_owner(ctx, (a, b), start, k, end):
            out.append((start, end))
    return out[:MAX_ITEMS]


def _in_noun_phrase(ctx: Ctx, t: int) -> bool:
    L = ctx.L
    w = ctx.word(t)
    return ctx.is_word(t) and not ctx.is_verb(t) and not (w in L.np_stops or w in L.relative or w in L.auxiliaries)


def _names_an_owner(ctx: Ctx, clause: tuple[int, int], start: int, k: int, end: int) -> bool:
    L = ctx.L
    return (start < k < end - 1 and (start, end) != clause and ctx.word(start) not in L.demonstratives
            and not (start > 0 and ctx.word(start - 1) in L.copulas) and any(ctx.is_cap(t) for t in range(k + 1, end)))
