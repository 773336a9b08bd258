"""The part finders run on each clause, each finding claims of its own: correlatives, causes,
listed subjects and their actors, labelled and enumerated list items, appositions, descriptions,
participles, complements and object relatives."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from klaim.extraction.claims._claim_unit import LIST_ITEM, Unit, is_dash, n_words, standalone
from klaim.extraction.claims._clauses import (
    clause_table,
)
from klaim.extraction.claims._context import CLOSING, Ctx
from klaim.extraction.claims._enumeration import (
    MAX_ITEMS,
    figure_ends,
    item_text,
    trailing_appositive,
)
from klaim.extraction.claims._lang import Phrases
from klaim.extraction.claims._phrases import (
    SET_OFF_MARK,
    appositive_name_start,
    bare_name,
    fills_clause,
    object_np_start,
    object_relative_end,
    object_relative_words,
    participle_cut,
    role_article,
    role_modifiers_start,
    role_name_end,
    role_words_from,
    set_off_end,
    set_off_noun_phrase,
    stance_words,
    written_lower,
)
from klaim.extraction.claims._relatives import (
    before_inclusion,
    ends_fronted_phrase,
    inside_fronted_adjunct,
    np_start,
)
from klaim.extraction.claims._speakers import PUBLISHER
from klaim.extraction.claims._split_points import cause_bearer
from klaim.extraction.claims._subjects import (
    appositive_phrase_ends,
    clause_subject_len,
    first_predicate_end,
    first_verb_at,
    opens_object_relative,
    set_off_relative,
    skip_modifiers,
)
from klaim.extraction.claims._trimming import trim_tokens
from klaim.schema import SpeakerKind


def figure_items(ctx: Ctx, a: int, b: int, head: list[str], like: Unit, limit: int) -> list[Unit]:
    """A claim per figure item of the clause a..b-1, from the clause's start to the item's end."""
    return [part_unit(ctx, a, end, head, like, "figure-item") for end in figure_ends(ctx, a, b)[:limit]
            if not ends_fronted_phrase(ctx, a, end, b) and not inside_fronted_adjunct(ctx, a, end, b)]


def from_subject(ctx: Ctx, units: list[Unit], subject: tuple[int, int] | None) -> list[Unit]:
    """ "Uruguay, tutur Arrmanatha, selama ini mengekspor …": the claims that open the content
    after an attribution inserted between commas span from the subject written before it (the
    guideline's span: the smallest contiguous one); the insertion is skipped, as an inserted
    relative clause is."""
    if subject is None or not units or not ctx.text.startswith(",", subject[1]):
        return units
    first = min(u.start for u in units)
    for u in units:
        if u.start == first and subject[1] <= u.start:
            u.start, u.skip = subject[0], u.skip or (subject[1], first)
    return units


_NAME_MARKS = frozenset({"-", ".", "'"})  # inside a name ("Al - Habsyi", "M. Iriawan")
def correlative_parts(ctx: Ctx, a: int, b: int, like: Unit) -> list[Unit]:
    """ "keberadaan sel mewah bukan hanya karena adanya kongkalikong …, melainkan karena lemahnya
    pengawasan Yasonna": "not only X but also Y" asserts both members; the first member's claim
    spans from the clause's start to the member's end (the whole clause is the second member's,
    as a split conjunct's span runs from the shared subject). A cause that names a fact of its own
    ("adanya kongkalikong …", "lemahnya pengawasan Yasonna") is a claim besides."""
    L = ctx.L
    if L.correlative_openers.by_first.keys().isdisjoint(ctx.idx.lower[a + 1:b]):
        return []  # most clauses: no correlative opener, looked for at once
    t = next((t for t in range(a + 1, b) if ctx.match_seq(t, L.correlative_openers, b)), None)
    if t is None or ctx.word(t - 1) in L.relative:
        return []  # "gerakan … yang tidak hanya bertujuan …": the relative clause's rules claim its noun's facts
    n = ctx.match_seq(t, L.correlative_openers, b)
    k = next((k for k in range(t + 1, b - 1)
              if ctx.word(k) == "," and _phrase_at(ctx, k + 1, L.additive_continuations, b)), None)
    if k is None or ctx.words_between(t, k) < L.min_claim_tokens:
        return []
    s, e = ctx.span(a, k)
    # the claim says the member without "bukan hanya" (which would read as a negation)
    out = [Unit(s, e, standalone([ctx.phrase(a, t), ctx.phrase(t + n, k)]), like.sentence, like.speaker,
                list(like.spans), role="correlative", cue=like.cue, skip=ctx.span(t, t + n))]
    for c in (t + n, k + 1 + _phrase_at(ctx, k + 1, L.additive_continuations, b)):
        fact = _cause_fact(ctx, c, k if c < k else b)
        if fact is not None:
            out.append(part_unit(ctx, *fact, [], like, "cause-fact"))
    return out


def cause_predicate_parts(ctx: Ctx, a: int, b: int, head: list[str], like: Unit) -> list[Unit]:
    """ "… menyatakan larangan salat Jumat di Jalan Sudirman lantaran dapat mengganggu aktivitas
    masyarakat lain": a cause that is a predicate without a subject of its own (a modal or a verb
    right after the connective) says a fact of the clause's subject; a claim from the predicate to
    the next comma (the guideline's "akibat …" when the cause is itself a fact)."""
    L = ctx.L
    if L.cause_subordinators.isdisjoint(ctx.idx.lower[a:b]):
        return []  # most clauses: no cause connective, looked for at once
    k = next((k for k in range(a + 1, b - 2) if ctx.word(k) in L.cause_subordinators), None)
    end = _cause_predicate_end(ctx, k, b) if k is not None else None
    if k is None or end is None:
        return []
    s, e = ctx.span(k + 1, end)
    said_of = cause_bearer(ctx, a, k)
    words = [ctx.phrase(*said_of), ctx.text[s:e]] if said_of[1] > said_of[0] else [ctx.text[s:e]]
    return [Unit(s, e, standalone(words), like.sentence, like.speaker, list(like.spans), role="cause-predicate",
                 cue=like.cue)]


def _cause_predicate_end(ctx: Ctx, k: int, b: int) -> int | None:
    """Where the subjectless predicate after the cause connective at k ends (the next clause
    mark), or None: a subject of its own, an existential ("karena ada …": the subordinate rule's)."""
    L = ctx.L
    v = skip_modifiers(ctx, k + 1, b)
    if v >= b or not ctx.is_verb(v) or ctx.match_seq(k + 1, L.existentials, b) or ctx.match_seq(v, L.existentials, b):
        return None
    end = next((t for t in range(v + 1, b) if ctx.word(t) in CLAUSE_ENDS), b)
    return end if n_words(ctx, k + 1, end) >= L.min_claim_tokens else None


def _phrase_at(ctx: Ctx, k: int, phrases: Phrases, b: int) -> int:
    """Words of the longest of ``phrases`` that tokens k.. (before b) spell, 0 if none."""
    lower = ctx.idx.lower
    return next((len(seq) for seq in phrases.seqs if k + len(seq) <= b and tuple(lower[k:k + len(seq)]) == seq), 0)


def _cause_fact(ctx: Ctx, c: int, end: int) -> tuple[int, int] | None:
    """(start, end) of a cause that names a fact after the cause subordinator at c: a noun made of
    a predicate and "-nya" that a noun follows ("karena adanya kongkalikong …", "karena lemahnya
    pengawasan …")."""
    L = ctx.L
    suffix = L.pronoun_suffix
    if c + 2 >= end or ctx.word(c) not in L.cause_subordinators or not suffix:
        return None
    head = ctx.word(c + 1)
    if not (head.endswith(suffix) and len(head) - len(suffix) >= L.verb_min_stem and ctx.is_word(c + 2)):
        return None
    return c + 1, end


SUBJECT_ITEM_WORDS = 10  # a listed actor may be a role and a name ("Direktur Tindak Pidana Umum Brigjen Herry Nahak")


def clause_fact_parts(ctx: Ctx, a: int, b: int, head: list[str], like: Unit) -> list[Unit]:
    """The facts a clause states besides the whole: each listed actor of its subject, the first
    member of a correlative, a cause predicate, the clause before an inclusion."""
    out = subject_item_parts(ctx, a, b, like)
    out += correlative_parts(ctx, a, b, like)
    out += cause_predicate_parts(ctx, a, b, head, like)
    out += [part_unit(ctx, a, k, head, like, "before-inclusion") for k in before_inclusion(ctx, a, b)]
    return out


def subject_item_parts(ctx: Ctx, a: int, b: int, like: Unit) -> list[Unit]:
    """ "Arab Saudi, Mesir, Uni Emirat Arab dan Bahrain, memutuskan hubungan dengan Qatar": each
    actor of a listed subject does the deed alone, a claim of its own (the guideline splits an
    enumeration of distinct facts). The smallest contiguous span that carries an actor's claim runs
    from the actor to the clause's end (the actors after it are skipped: not this claim's); the
    first actor's claim is the whole clause. Where the table sets ``subject_items``."""
    if not clause_table(ctx.L.code).subject_items:
        return []
    found = _subject_items(ctx, a, b)
    if found is None:
        return []
    items, predicate = found
    app = trailing_appositive(ctx, a, b)
    b = app[0] if app is not None else b  # "…, gerakan Islam tertua di dunia": the name's, not each actor's
    out = []
    for s, e in items[1:]:
        us, ue = ctx.span(s, b)
        skip = (ctx.idx.spans[e - 1][1], ctx.idx.spans[predicate][0]) if e < predicate else None
        out.append(Unit(us, ue, standalone([ctx.phrase(s, e), ctx.phrase(predicate, b)]), like.sentence,
                        like.speaker, list(like.spans), role="subject-item", cue=like.cue, skip=skip))
    return out


def _subject_items(ctx: Ctx, a: int, b: int) -> tuple[list[tuple[int, int]], int] | None:
    """The listed actors (start, end tokens) that open the clause a..b-1 and the token where what
    they share starts (an auxiliary, a verb, "bersama"); None when the clause opens otherwise."""
    L = ctx.L
    if L.list_coordinators.isdisjoint(ctx.idx.lower[a:b]):
        return None  # most clauses: no list coordinator at all, looked for at once
    v = first_verb_at(ctx, a, b)
    if v is None or not ctx.is_word(a) or ctx.word(a) in L.np_stops or ctx.word(a) in L.subordinators:
        return None
    if not any(w in L.list_coordinators for w in ctx.idx.lower[a:v]):
        return None  # most clauses: no list coordinator before the verb, so no list to walk
    items, stop, coordinated = _listed_subject(ctx, a, v)
    ok = coordinated and 2 <= len(items) <= MAX_ITEMS and _actors(ctx, items, stop, b) \
        and _each_does_it(ctx, stop, v, b)
    return (items, stop) if ok else None


def _listed_subject(ctx: Ctx, a: int, v: int) -> tuple[list[tuple[int, int]], int, bool]:
    """The items between commas and list coordinators before the verb at v, where they stop, and
    whether a list coordinator joins them."""
    L = ctx.L
    items: list[tuple[int, int]] = []
    start, stop, depth, coordinated = a, v, 0, False
    for k in range(a, v):
        w = ctx.word(k)
        depth += (w == "(") - (w == ")")
        if depth:
            continue
        if w == "," or (w in L.list_coordinators and w not in L.gloss_coordinators):
            coordinated = coordinated or w != ","
            if k > start:
                items.append((start, k))
            start = k + 1
        elif _ends_listed_subject(ctx, k):
            stop = k
            break
    if start < stop:
        items.append((start, stop))
    return items, stop, coordinated


JOINT_REACH = 4  # words after the verb looked at for a number that counts the actors ("adalah dua orang")


def _each_does_it(ctx: Ctx, stop: int, v: int, b: int) -> bool:
    """Is what the actors share a predicate that each does alone: it opens with the verb (after
    auxiliaries) or "bersama", and no reciprocal verb or counting number is in its first words
    ("A dan B bertemu", "A dan B adalah dua orang yang …": one fact of them together)?"""
    L = ctx.L
    if ctx.word(stop) not in L.pair_prepositions and skip_modifiers(ctx, stop, b) != v:
        return False  # "Korea Utara dan Korea Selatan bahwa …": the list is no subject
    joint = frozenset(w.lower() for w in clause_table(L.code).joint_predicates)
    return not any(ctx.word(t) in joint for t in range(stop, min(b, v + JOINT_REACH + 1)))


def _ends_listed_subject(ctx: Ctx, k: int) -> bool:
    """Does token k start what the listed actors share (an auxiliary, a hedge or negation, a
    preposition, a relative clause)?"""
    L = ctx.L
    w = ctx.word(k)
    return (w in L.auxiliaries or w in L.np_stops or w in L.relative or w in L.pair_prepositions
            or bool(L.hedged.pattern.fullmatch(w)) or bool(L.negated.pattern.fullmatch(w)))


def _actors(ctx: Ctx, items: list[tuple[int, int]], stop: int, b: int) -> bool:
    """Are the items names of actors that each can do the deed: short, the later ones written as
    names, no time ("Kamis malam, A dan B …": an adverbial, no actor), and not the parts of one
    name ("Badan Pengawas Obat dan Makanan", "Kementerian Pemuda dan Olahraga (Kemenpora)")?"""
    L = ctx.L
    if stop >= b or ctx.word(stop) == "(":
        return False
    for n, (s, e) in enumerate(items):
        if not 1 <= ctx.words_between(s, e) <= SUBJECT_ITEM_WORDS or (n and not ctx.is_cap(s)):
            return False
        if any(not ctx.is_word(t) and ctx.word(t) not in _NAME_MARKS for t in range(s, e)):
            return False  # "Demokrasi (Kode) Inisiatif": a bracket in a later item closes one name
        if any(ctx.word(t) in L.time_words or ctx.word(t)[:1].isdigit() for t in range(s, e)):
            return False
    return _first_actor(ctx, *items[0]) and not _noun_of_names(ctx, items)


def _first_actor(ctx: Ctx, s: int, e: int) -> bool:
    """Is the first item an actor of its own, not the head of a noun phrase that the later items
    complete ("Kerja Sama Indonesia dan Yordania", "Badan Pengawas Obat dan Makanan")? A name or
    noun of two words at most, a known name, or a role before a name ("Politikus PKS Nashir
    Djamil dan Aboe Bakar": the role is both actors')."""
    L = ctx.L
    if e - s > 1 and (ctx.word(s) in L.organisation_heads or ctx.word(s) in L.location_heads
                      or ctx.match_seq(s, L.portfolio_roles, e)):
        return False  # "Menteri Kelautan dan Perikanan Susi Pudjiastuti": the portfolio's two fields
    if not ctx.is_cap(s) and any(ctx.is_cap(t) for t in range(s, e)):
        return False  # "upaya Taiwan dan Hong Kong": a noun and whose, not an actor
    return ctx.words_between(s, e) <= 2 or ctx.gazetteer_at(s, e)[0] == e - s or ctx.match_seq(s, L.roles, e) > 0


def _noun_of_names(ctx: Ctx, items: list[tuple[int, int]]) -> bool:
    """Does the first item open with a derived noun, capitalised as the clause's first word, that
    the names after it complete ("Hubungan Indonesia dan Australia memburuk", "Pertemuan Korsel dan
    Korut digelar")? Then the noun is what the names share, no actor. A noun with the table's
    prefix and suffix ("Pertemuan") is one; one with a suffix alone ("Hubungan"; "Ridwan" is a
    name) when the article writes it in lower case elsewhere or the later items are shorter than
    the first (a name per item: "Ridwan Kamil dan Deddy Mizwar")."""
    s, e = items[0]
    if e - s < 2 or ctx.gazetteer_at(s, e)[0]:
        return False
    w = ctx.word(s)
    if not ctx.L.has_noun_suffix(w):
        return False
    first = ctx.words_between(s, e)
    return w.startswith(ctx.L.noun_prefixes) or any(not ctx.is_cap(t) for t in ctx.positions(w)) \
        or all(ctx.words_between(a, b) < first for a, b in items[1:])


NUMERAL = re.compile(r"[IVX]+|\d+")  # the number of a numbered unit: "seksi II", "zona 3"


def labelled_list_items(ctx: Ctx, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of each item of a list of names headed by a numbered unit in tokens a..b-1
    ("seksi I Kunciran, Pakojan, Cipete", "Seksi IV Jurumudi dan Benda"): a verbless list that
    says what the unit (a figure) covers (the places): a claim per item, from the unit's label to
    the item's end (the guideline's span of an enumerated item)."""
    out: list[tuple[int, int]] = []
    labels = label_positions(ctx)
    for t in labels[bisect_left(labels, a):]:
        if t + 2 >= b or len(out) >= MAX_ITEMS:
            break
        out += [(t, end) for end in _name_item_ends(ctx, t + 2, b)]
    return out[:MAX_ITEMS]


def label_positions(ctx: Ctx) -> list[int]:
    """Tokens of the article that are a number label followed by a numeral and a capitalised
    word, found once per article (most articles have none)."""
    hit = ctx.memo.get("decompose.labels")
    if hit is None:
        n = len(ctx.idx.lower)
        # a scan of the text, not of the tokens: most articles have no numbered unit at all
        found = (bisect_left(ctx.idx.starts, m.start()) for m in _label_pattern(ctx.L.list_units).finditer(ctx.text))
        hit = ctx.memo["decompose.labels"] = [
            t for t in found if t + 2 < n and NUMERAL.fullmatch(ctx.surface(t + 1)) and ctx.is_cap(t + 2)
            and ctx.is_word(t + 2)]
    return hit


@cache
def _label_pattern(units: frozenset[str]) -> re.Pattern[str]:
    """A unit's label, its numeral and a capital: where a list after a numbered unit may start."""
    body = "|".join(sorted(map(re.escape, units), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\b(?i:{body})\s+(?:[IVX]+|\d+)\s+[^\W\d_]")


def _name_item_ends(ctx: Ctx, k: int, b: int) -> list[int]:
    """Ends of the capitalised items from token k on, separated by commas and list coordinators,
    up to the clause's end, a word in lower case or the next numbered unit; none unless two."""
    ends: list[int] = []
    words = 0
    while k < b and words <= MAX_NAME_ITEM_WORDS:
        if _separates_items(ctx, k):
            if not words:
                break
            ends.append(k)
            words, k = 0, _next_item(ctx, k, b)
            if k < b and ctx.word(k) in ctx.L.list_units:
                break  # "…, dan Seksi IV …": the next unit's list
            continue
        if not (ctx.is_word(k) and ctx.is_cap(k)) or (not words and ctx.word(k) in ctx.L.time_words):
            break  # "…, Sabtu": the day it was said, no item
        words, k = words + 1, k + 1
    if words and words <= MAX_NAME_ITEM_WORDS:
        ends.append(k)
    return ends if len(ends) >= 2 else []


def _separates_items(ctx: Ctx, k: int) -> bool:
    return ctx.word(k) == "," or ctx.word(k) in ctx.L.list_coordinators


def _next_item(ctx: Ctx, k: int, b: int) -> int:
    """Where the item after the separator at k starts (past ", dan")."""
    k += 1
    return k + 1 if ctx.word(k - 1) == "," and k < b and ctx.word(k) in ctx.L.list_coordinators else k


MAX_NAME_ITEM_WORDS = 4  # words at most in one name of a list ("Poris Plawad Indah")
CLAUSE_ENDS = frozenset({",", ";", ":", "—", "–", "(", "?", "!"})


def ends_as_question(ctx: Ctx, sentence: tuple[int, int], b: int) -> bool:
    """Does the sentence, or the clause ending before token b, end as a question ("… when it
    appeared to be a losing battle?")?"""
    after = ctx.text[ctx.idx.spans[b - 1][1]:sentence[1]].lstrip()
    return ctx.text[sentence[0]:sentence[1]].rstrip().endswith(ctx.L.non_claim_endings) \
        or after.startswith(ctx.L.non_claim_endings)


def only_then(ctx: Ctx, a: int, k: int) -> bool:
    """Does the clause before the connective at k happen only then ("Penerbangan baru dapat
    dilanjutkan setelah pesawat diperbaiki", "Penindakan itu baru dilakukan setelah …"): a table
    word before a table modal or a passive verb? What follows the connective is then its
    condition, no fact yet, and no claim of its own; not "Kasus baru terus bermunculan sejak …",
    "Orde baru membubarkan PKI setelah …", where the word describes a noun."""
    words, modals = ctx.L.only_then_words, ctx.L.only_then_modals
    return bool(words) and any(ctx.word(t) in words and _modal_or_passive(ctx, t + 1, modals) for t in range(a, k - 1))


def _modal_or_passive(ctx: Ctx, t: int, modals: frozenset[str]) -> bool:
    w = ctx.word(t)
    return w in modals or (ctx.is_verb(t) and w.startswith(ctx.L.passive_prefix))


def unreal_before(ctx: Ctx, a: int, k: int) -> bool:
    """Is the clause before the connective at k future or conditional ("Anda akan melihat sesuatu
    di KTT ketika kita bertemu di Washington")? A clause that happens at its time is no fact yet."""
    s, e = ctx.idx.spans[a][0], ctx.idx.spans[k][0]
    return ctx.L.future.first(ctx.text, s, e) is not None or ctx.L.conditional.first(ctx.text, s, e) is not None


def appositive_parts(ctx: Ctx, a: int, b: int, head: list[str], like: Unit) -> list[Unit]:
    """ "Turki dan Qatar pernah memberi dukungan pada Ikhwanul Muslimin di Mesir, gerakan Islam
    tertua di dunia yang …": the clause up to the comma, and the name with its appositive."""
    app = trailing_appositive(ctx, a, b)
    if app is None:
        return []
    comma, end = app
    name = np_start(ctx, comma, a)
    out = [part_unit(ctx, a, comma, head, like, "before-appositive")]
    if name < comma:
        ns, ne = ctx.span(name, end)
        out.append(Unit(ns, ne, standalone([ctx.phrase(name, comma), ctx.L.copula, ctx.phrase(comma + 1, end)]),
                        like.sentence, like.speaker, list(like.spans), role="appositive", cue=like.cue))
    return out


def enumerated_items(ctx: Ctx, clause: tuple[int, int], ends: list[int], head: list[str], like: Unit) -> list[Unit]:
    """A claim per enumerated item of the clause, but none inside a fronted adjunct."""
    a, b = clause
    return [_enumerated_item(ctx, (a, end), ends[0], head, like) for end in ends
            if not inside_fronted_adjunct(ctx, a, end, b)]


def _enumerated_item(ctx: Ctx, clause: tuple[int, int], first_end: int, head: list[str], like: Unit) -> Unit:
    """The claim of one enumerated item: its span runs from the clause's start (the guideline's
    span), its text says the item alone (``_enumeration.item_text``)."""
    a, end = clause
    s, e = ctx.span(a, end)
    pieces, restate = item_text(ctx, a, first_end, end)
    # "seksi III Tanah Tinggi, Batusari": a verbless list's item, said after its unit's label
    item = labelled_item_words(ctx, a, end) if restate and len(pieces) == 1 else None
    words = item or ([*_unless_restated(head, pieces[0]), *pieces] if restate else pieces)
    return Unit(s, e, standalone(words), like.sentence, like.speaker, list(like.spans), role="enumeration",
                cue=like.cue, text_rules=(LIST_ITEM,) if item else ())


def labelled_item(ctx: Ctx, a: int, b: int, like: Unit, role: str) -> Unit:
    """The claim of one item of a list headed by a numbered unit: its span from the unit's label,
    its text the label and the item alone ("seksi I Kunciran, Pakojan" → "Seksi I Pakojan")."""
    words = labelled_item_words(ctx, a, b)
    if not words:
        return part_unit(ctx, a, b, [], like, role)
    u = worded_part(ctx, a, b, words, like, role)
    u.text_rules = (LIST_ITEM,)
    return u


def labelled_item_words(ctx: Ctx, a: int, b: int) -> list[str] | None:
    """The label of the numbered unit opening tokens a..b-1 ("seksi III") and the last item of the
    list after it, when that is not the first item (a verbless list: the earlier items are other
    claims'); None otherwise. Rule ``standalone.list-item``."""
    if a + 2 >= b or a not in _label_set(ctx):
        return None
    start = b
    while start > a + 2 and not _separates_items(ctx, start - 1):
        start -= 1
    if start <= a + 2 or not all(ctx.is_word(k) and ctx.is_cap(k) for k in range(start, b)) \
            or any(a < t < start for t in label_positions(ctx)):
        return None  # the first item, or another unit's list ("…, dan Seksi IV Jurumudi dan Benda")
    return [ctx.phrase(a, a + 2), ctx.phrase(start, b)]


def _label_set(ctx: Ctx) -> frozenset[int]:
    hit = ctx.memo.get("decompose.label-set")
    if hit is None:
        hit = ctx.memo["decompose.label-set"] = frozenset(label_positions(ctx))
    return hit


def part_unit(ctx: Ctx, a: int, b: int, head: list[str], like: Unit, role: str) -> Unit:
    s, e = ctx.span(a, b)
    body = ctx.text[s:e]
    return Unit(s, e, standalone([*_unless_restated(head, body), body]), like.sentence, like.speaker,
                list(like.spans), role=role, cue=like.cue)


def worded_part(ctx: Ctx, a: int, b: int, words: list[str], like: Unit, role: str) -> Unit:
    """A claim on tokens a..b-1 whose text is ``words``, not the span as written."""
    s, e = ctx.span(a, b)
    return Unit(s, e, standalone(words), like.sentence, like.speaker, list(like.spans), role=role, cue=like.cue)


def _unless_restated(head: list[str], body: str) -> list[str]:
    """The subject to put in front of ``body``, unless ``body`` already opens with it (a clause
    whose span starts at the shared subject: "harga kokas juga meningkat …")."""
    said = " ".join(head).strip()
    return [] if said and body.casefold().startswith(said.casefold()) else head


QUOTE_SPLIT = "decompose.quote-split"


def interrupted_fragment(ctx: Ctx, i: int, j: int, sentence_end: int) -> bool:
    """ "“Supporters of some other candidates,” Blackwell added, “have focused largely on …": a quote
    that ends in a comma before its closing mark and goes on in lower case after a short attribution
    is cut by it; without a verb it is a subject or a fronted phrase whose predicate comes after the
    cue, no claim of its own."""
    e = ctx.span(i, j)[1]
    if not ctx.text.startswith(",", e) or ctx.text[e + 1:e + 2] not in CLOSING or first_verb_at(ctx, i, j) is not None:
        return False
    return _RESUMED_QUOTE.match(ctx.text, e + 2, min(sentence_end, e + 2 + ATTRIBUTION_REACH)) is not None


ATTRIBUTION_REACH = 60  # characters at most of an attribution that interrupts a quote
_RESUMED_QUOTE = re.compile(r"[^.!?\n]*?,\s*[“\"]\s*[a-z]")


DESCRIPTION_WORDS = 3  # words at least in a description ("Politikus Partai Gerindra itu")
DESCRIBED_NAME_CHARS = 800  # characters before a description in which the person it describes is named


def description_claims(ctx: Ctx, units: list[Unit]) -> list[Unit]:
    """ "Mantan Kepala Divisi Hukum Mabes Polri itu mengatakan …": a speaker named by a
    definite description the article resolves to a person states who the person is; a claim
    (the outlet's) on the description, "<name> adalah <description>"."""
    out: list[Unit] = []
    seen: set[tuple[int, int]] = set()
    for u in units:
        sp = u.speaker
        if sp.kind != SpeakerKind.person or not sp.name or sp.mention is None or sp.mention in seen:
            continue
        seen.add(sp.mention)
        desc = _description(ctx, sp.mention, sp.name, u.sentence)
        if desc is not None:
            s, e = ctx.span(*desc)
            words = [sp.name, ctx.L.copula, ctx.text[s:ctx.idx.spans[desc[1] - 1][0]].strip()]
            out.append(Unit(s, e, standalone(words), u.sentence, PUBLISHER, [], role="description"))
    return out


def _description(ctx: Ctx, mention: tuple[int, int], name: str, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The tokens of a mention that describes (and does not name) a person: a phrase opening with
    a role word and closed by a demonstrative, with no preposition or relative clause in it."""
    if not sentence[0] <= mention[0] < sentence[1]:
        return None
    toks = ctx.idx.between(*mention)
    i, j = trim_tokens(ctx, toks.start, toks.stop)
    j = toks.stop  # the demonstrative closes the description
    L = ctx.L
    last = name.split()[-1]
    if last not in ctx.text[max(0, mention[0] - DESCRIBED_NAME_CHARS):mention[0]]:
        return None  # the person is named just before: the description is said of them
    if j - i < DESCRIPTION_WORDS or ctx.word(j - 1) not in L.demonstratives:
        return None
    if not ctx.match_seq(i, L.roles, j):
        return None  # a role ("Mantan Kepala Divisi …", "politisi Golkar"), not "Warga asli Jakarta ini"
    names = {w.lower() for w in name.split()}
    if any(not ctx.is_word(t) or ctx.word(t) in L.np_stops or ctx.word(t) in L.relative or ctx.word(t) in names
           for t in range(i, j)):
        return None
    return i, j


def name_appositive_claims(ctx: Ctx, sentence: tuple[int, int], units: list[Unit]) -> list[Unit]:
    """ "Stein, a physician from Massachusetts and longtime Green Party activist, has accused …":
    a noun phrase set off after a name says who or what the name is, a claim of its own whether
    the name is the subject, an object or the speaker. Its span runs from the name to the
    phrase's end (with a relative clause on the phrase, one claim without it and one with it;
    with coordinated nouns, one for the first too); it is said by whoever says the part of the
    sentence it lies in. On where the table lists ``appositive_openers`` (English)."""
    L = ctx.L
    if not L.appositive_openers and not L.age_appositives:
        return []
    toks = ctx.idx.between(*sentence)
    out: list[Unit] = []
    # the marks are found by a scan of the text, not a walk over every token of every sentence
    for m in SET_OFF_MARK.finditer(ctx.text, *sentence):
        k = bisect_left(ctx.idx.starts, m.start())
        t0 = set_off_end(ctx, k) if toks.start < k < toks.stop - 2 else None
        if t0 is None:
            continue
        name = appositive_name_start(ctx, k, toks.start)
        if ctx.word(t0) in L.relative:
            out += set_off_relative(ctx, (name, k, t0, toks.stop), sentence, units)
            continue
        if name is None:
            continue
        for end in appositive_phrase_ends(ctx, t0, toks.stop):
            out.append(_name_appositive(ctx, (name, k, t0, end), sentence, units))
    return out + role_before_name_claims(ctx, sentence, units)


def role_before_name_claims(ctx: Ctx, sentence: tuple[int, int], units: list[Unit]) -> list[Unit]:
    """ "veteran Democratic strategist Donna Brazile", "likely Democratic nominee Hillary Clinton":
    a role noun (``prenominal_roles``, written in lower case) with words that describe it, right
    before a name, says who the name is, a claim of its own ("Donna Brazile is a veteran Democratic
    strategist."), said by whoever says the part of the sentence it lies in. Not a bare role
    ("businessman Matt Bevin": a title, no description)."""
    words = role_words_from(ctx.L.code)
    if not words.heads:
        return []
    toks = ctx.idx.between(*sentence)
    out: list[Unit] = []
    if words.heads.isdisjoint(ctx.idx.lower[toks.start + 1:toks.stop - 1]):
        return out  # most sentences: no role noun, looked for at once
    for h in range(toks.start + 1, toks.stop - 1):
        if ctx.word(h) not in words.heads or ctx.is_cap(h) or not ctx.is_cap(h + 1):
            continue
        first = role_modifiers_start(ctx, toks.start, h)
        end = role_name_end(ctx, h + 1, toks.stop)
        if first < h and end > h + 1 and ctx.word(h + 1) not in stance_words(ctx.L.code)[2]:
            out.append(_role_claim(ctx, (first, h, end), sentence, units))  # not "Any candidate I …"
    return out


def _role_claim(ctx: Ctx, bounds: tuple[int, int, int], sentence: tuple[int, int], units: list[Unit]) -> Unit:
    first, h, end = bounds
    role = ctx.phrase(first, h + 1)
    if first == ctx.idx.between(*sentence).start and written_lower(ctx, ctx.word(first)):
        role = role[0].lower() + role[1:]  # "Veteran strategist X said", not "Republican candidate X said"
    name, ending = ctx.phrase(h + 1, end), clause_table(ctx.L.code).possessive_ending
    if ending and name.replace("’", "'").endswith(ending):
        name = name[:-len(ending)]
    text = standalone([name, ctx.L.copula, *role_article(ctx, role, h), role])
    s, e = ctx.span(first, end)
    cover = min((u for u in units if u.start <= s and e <= u.end), key=lambda u: u.end - u.start, default=None)
    if cover is None:
        return Unit(s, e, text, sentence, PUBLISHER, [], role="role-before-name")
    return Unit(s, e, text, sentence, cover.speaker, list(cover.spans), role="role-before-name", cue=cover.cue,
                rules=tuple(r for r in cover.rules if not r.startswith("decompose.")))


def _name_appositive(ctx: Ctx, bounds: tuple[int, int, int, int], sentence: tuple[int, int],
                     units: list[Unit]) -> Unit:
    name, comma, t0, end = bounds
    s, e = ctx.span(name, end)
    cover = min((u for u in units if u.start <= s and e <= u.end), key=lambda u: u.end - u.start, default=None)
    text = standalone([ctx.phrase(name, comma), ctx.L.copula, ctx.phrase(t0, end)])
    if cover is None:
        return Unit(s, e, text, sentence, PUBLISHER, [], role="name-appositive")
    return Unit(s, e, text, sentence, cover.speaker, list(cover.spans), role="name-appositive", cue=cover.cue,
                rules=tuple(r for r in cover.rules if not r.startswith("decompose.")))


def participle_parts(ctx: Ctx, a: int, b: int, like: Unit) -> list[Unit]:
    """ "The release of the emails led her to resign, casting a dark cloud over Clinton": a
    participle clause after a comma states a fact of its own; a claim for the clause before the
    first participle and one for each participle clause (to the next one or a dash), besides the
    whole. Nothing when a piece is too short to claim anything (a list of gerunds: "…, fishing,
    swimming"). On where the table sets ``participle_suffix`` (English)."""
    if not ctx.L.participle_suffix or "," not in ctx.idx.lower[a:b - 1]:
        return []  # a participle clause opens after a comma: most clauses have none
    cuts = [k for k in range(a + 2, b - 1) if participle_cut(ctx, k) and not _completes_progressive(ctx, a, k)]
    cuts = cuts[:MAX_ITEMS]
    if not cuts or not any(ctx.is_verb(t) for t in range(a, cuts[0] - 1)):
        return []
    pieces = _participle_pieces(ctx, a, b, cuts)
    if any(n_words(ctx, s, e) < ctx.L.min_claim_tokens for s, e in pieces):
        return []
    return [part_unit(ctx, s, e, [], like, "before-participle" if n == 0 else "participle")
            for n, (s, e) in enumerate(pieces)]


def _completes_progressive(ctx: Ctx, a: int, k: int) -> bool:
    """Is the participle at k the verb of a "be" left before a phrase set off by commas ("she is,
    through her super PAC, taking tens of millions")? One predicate, no participle clause: the piece
    before it would end in a bare auxiliary."""
    be = ctx.L.passive_auxiliaries  # not a "be" right before the comma: "… than Cleveland is, allowing …"
    c = next((t for t in range(k - 3, a, -1) if ctx.word(t) == ","), None)
    return c is not None and ctx.word(c - 1) in be and not any(ctx.is_verb(t) for t in range(c + 1, k - 1))


def _participle_pieces(ctx: Ctx, a: int, b: int, cuts: list[int]) -> list[tuple[int, int]]:
    """The clause before the first participle at ``cuts`` and each participle clause, trimmed."""
    pieces = [trim_tokens(ctx, a, cuts[0] - 1 if ctx.word(cuts[0] - 1) == "," else cuts[0])]
    for n, k in enumerate(cuts):
        end = cuts[n + 1] - 1 if n + 1 < len(cuts) else b
        pieces.append(trim_tokens(ctx, k, next((t for t in range(k, end) if is_dash(ctx, t)), end)))
    return pieces


def _predicate_before(ctx: Ctx, a: int, k: int) -> bool:
    """A verb or an existential before token k: the head and its clause are in the predicate, not
    the subject ("The fact that it is not understood is no excuse": the clause ends before "is")."""
    return any(ctx.is_verb(t) or ctx.match_seq(t, ctx.L.existentials, k) for t in range(a, k))


NEGATION_REACH = 3  # words at most between a negation and the head it denies ("no clear sign that")


def _negated_head(ctx: Ctx, a: int, head: int) -> bool:
    """Is the complement's head denied ("showed no sign that he was planning to apologize", "it is
    not clear that …")? Then the clause is not asserted, and a claim of it would say the opposite."""
    return any(ctx.L.negated.pattern.fullmatch(ctx.word(t)) for t in range(max(a, head - NEGATION_REACH), head))


def complement_parts(ctx: Ctx, a: int, b: int, like: Unit) -> list[Unit]:
    """ "Pundits are shocked that Donald Trump is leading in the polls": the clause that an
    adjective or noun of attitude or knowledge (``complement_heads``) takes after a complementiser
    states a fact of its own; a claim from its subject to the clause's end, besides the whole."""
    L = ctx.L
    if not L.complement_heads or L.complementisers.isdisjoint(ctx.idx.lower[a + 1:b - 1]):
        return []  # most clauses: no complementiser, looked for at once
    out = []
    for k in range(a + 1, b - 1):
        if ctx.word(k) in L.complementisers and ctx.word(k - 1) in L.complement_heads \
                and _predicate_before(ctx, a, k) and clause_subject_len(ctx, k + 1, b) \
                and not _negated_head(ctx, a, k - 1):
            s, e = trim_tokens(ctx, k + 1, b)
            if n_words(ctx, s, e) >= L.min_claim_tokens:
                out.append(part_unit(ctx, s, e, [], like, "complement"))
    return out[:MAX_ITEMS]


def object_relative_parts(ctx: Ctx, a: int, b: int, like: Unit) -> list[Unit]:
    """ "The two camps agreed on creating a commission to examine changes to party rules that could
    reduce the role of superdelegates": a restrictive relative clause on a noun after the clause's
    verb states a fact about that noun of its own (the guideline's relative clause that adds a
    fact); a claim from the noun phrase's start to the clause's end, and one to the end of its
    first predicate when it coordinates two. Not one that fills most of the clause (the clause's
    claim says it). Where the table lists ``object_relatives``."""
    words = object_relative_words(ctx.L.code)
    if not words.openers or words.openers.isdisjoint(ctx.idx.lower[a + 2:b - 1]):
        return []
    out = []
    for k in range(a + 2, b - 1):
        if ctx.word(k) not in words.openers or not opens_object_relative(ctx, a, k, b):
            continue
        start, end = object_np_start(ctx, a, k), object_relative_end(ctx, k, b)
        if start >= k or set_off_noun_phrase(ctx, start, words) or bare_name(ctx, start, k, words) \
                or ctx.words_between(k + 1, end) < 2 or fills_clause(ctx, (start, end), (a, b)):
            continue
        out.append(part_unit(ctx, start, end, [], like, "object-relative"))
        first = first_predicate_end(ctx, k, end)
        if first is not None:
            out.append(part_unit(ctx, start, first, [], like, "object-relative"))
    return out
