"""Relative clauses and fronted phrases: where one starts and ends, what it hangs on, and whether
it carries a fact of its own."""

from __future__ import annotations

from functools import cache

from klaim.extraction.claims._claim_unit import first_words, is_date_phrase, n_words
from klaim.extraction.claims._clauses import (
    clause_table,
)
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._enumeration import (
    MAX_ITEMS,
)
from klaim.extraction.claims._phrases import abbreviation_stop, holds_clause
from klaim.extraction.claims._subjects import clause_subject_bounds, first_verb_at
from klaim.extraction.claims._trimming import trim_tokens


def _initial_stop(ctx: Ctx, k: int) -> bool:
    """The full stop of an initial inside a name ("Samuel A. Alito"): one capital letter before it."""
    return ctx.word(k) == "." and k > 0 and ctx.is_cap(k - 1) and len(ctx.word(k - 1)) == 1 and ctx.is_word(k - 1)


def inside_fronted_adjunct(ctx: Ctx, a: int, end: int, b: int) -> bool:
    """Does an item ending at token ``end`` lie inside a subjectless subordinate clause fronted to
    the main clause ("Setelah menerima uang … dari 18 daerah tersebut, Jamaluddien memberikan …",
    "usai melakukan pembersihan … dan perbaikan …, penerbangan kembali berjalan normal")? That clause
    tells when or how the main one happens and states nothing alone: no item claim ends in it
    (helper idfix, session 11)."""
    first = trim_tokens(ctx, a, end)[0]
    if first + 1 >= end or ctx.word(first) not in ctx.L.subordinators or not ctx.is_verb(first + 1):
        return False
    comma = next((t for t in range(first + 2, b) if ctx.word(t) == ","), None)
    return comma is not None and end <= comma and first_verb_at(ctx, comma + 1, b) is not None


def ends_fronted_phrase(ctx: Ctx, a: int, k: int, b: int) -> bool:
    """Is the comma at k the end of a subjectless verb phrase fronted to the main clause after it
    ("Mengantisipasi … Imlek 2018 yang jatuh pada Jumat (16/2), PT KAI mengoperasikan …")? A
    figure's item must not end there: the phrase alone states nothing (helper idfix)."""
    return ctx.word(k) == "," and opens_with_verb_phrase(ctx, trim_tokens(ctx, a, k)[0], k) \
        and first_verb_at(ctx, k + 1, b) is not None


def opens_with_verb_phrase(ctx: Ctx, t: int, j: int) -> bool:
    """Does a verb with words of its own open the stretch at token t ("Mengantisipasi kemacetan,
    …", "Melihat korban dianiaya, …"), not an existential ("Ada proses, …") nor a verb set off
    alone ("Tercatat, …")? Before a comma it has no subject: it leads to the clause after."""
    L = ctx.L
    return L.is_verb(ctx.word(t)) and t + 1 < j and ctx.word(t + 1) != "," and not ctx.match_seq(t, L.existentials, j)


def nothing_to_claim(ctx: Ctx, i: int, j: int, residual: bool, keep_verb: bool, sentence: tuple[int, int]) -> bool:
    """Too few words, a residue without a verb or fronted to someone's account, or a fronted
    predicate cut off its main clause."""
    return n_words(ctx, i, j) < ctx.L.min_claim_tokens \
        or (residual and (first_verb_at(ctx, i, j) is None or _fronted_adjunct(ctx, i, j, sentence))) \
        or (not keep_verb and _lone_fronted_member(ctx, i, j))


def _fronted_adjunct(ctx: Ctx, i: int, j: int, sentence: tuple[int, int]) -> bool:
    """ "Speaking on radio show Joney's Jukebox last week, Kiedis said …", "In the final Mass of his
    trip, held along the border, Francis told …": the outlet's residue of a sentence whose main
    clause is someone's account, when it is a phrase fronted to it (``_adjunct_opener``; a comma
    closes it, a subject opens what follows) and holds no clause of its own: the occasion of
    saying, which the guideline gives to the claims said, no claim. Where the table sets
    ``participle_suffix`` (English)."""
    if not ctx.L.participle_suffix or j >= len(ctx.idx.spans) or ctx.word(j) != "," \
            or ctx.idx.spans[j][1] >= sentence[1]:
        return False
    return _adjunct_opener(ctx, i, j) and _opens_subject(ctx, j + 1) and not holds_clause(ctx, i, j)


def _adjunct_opener(ctx: Ctx, i: int, j: int) -> bool:
    """Does a fronted phrase open at token i: a preposition, a time phrase ("Last year, …", not
    "This is …") or a participle that is no speech cue ("Noting he majored in philosophy, Allen
    said …" gives a fact said)?"""
    L, w = ctx.L, ctx.word(i)
    suffix = L.participle_suffix or ""
    if w in L.np_stops:
        return w not in L.coordinators and w not in L.relative and w not in L.complementisers
    if w in L.time_words:
        return i + 1 < j and ctx.word(i + 1) in L.time_words
    return w.endswith(suffix) and len(w) - len(suffix) >= L.verb_min_stem and w not in L.non_participles \
        and w not in L.participle_cues


def _opens_subject(ctx: Ctx, t: int) -> bool:
    """Can token t open the subject of a clause (the speaker's: "…, Sen. John Smith said")?"""
    return t < len(ctx.idx.spans) and ctx.is_word(t) and (ctx.is_cap(t) or ctx.word(t) in ctx.L.np_articles)


def fronted_member(ctx: Ctx, i: int, j: int) -> tuple[tuple[int, int], list[str], int] | None:
    """ "Selain mengurangi berbagai hambatan perdagangan, diversifikasi produk … juga perlu didorong":
    a predicate fronted by an additive (``fronted_additives``) is a claim of its own, and the clause
    after its comma (with a subject of its own) is the main clause: (the member's span, its claim's
    words, where the main clause starts). Not "Selain itu, …" (no verb)."""
    n = _fronted_additive_len(ctx, i, j)
    k = next((k for k in range(i + n, j) if ctx.word(k) == ","), None) if n else None
    if k is None or first_verb_at(ctx, i + n, k) is None or first_verb_at(ctx, k + 2, j) is None:
        return None  # the main clause: a word at least before its verb
    if n_words(ctx, i, k) < ctx.L.min_claim_tokens or n_words(ctx, k + 1, j) < ctx.L.min_claim_tokens:
        return None
    s1, e1, _ = clause_subject_bounds(ctx, k + 1, j)
    # the member said of the main clause's subject ("negara-negara Teluk itu memutus hubungan …")
    words = [ctx.phrase(s1, e1), ctx.phrase(i + n, k)] if e1 > s1 else [ctx.phrase(i, k)]
    return ctx.span(i, k), words, k + 1


def _lone_fronted_member(ctx: Ctx, i: int, j: int) -> bool:
    """Is the stretch only a predicate fronted by an additive, its main clause cut off by a full
    stop ("Selain menerjunkan personel gabungan. Polres juga …")? It says nothing of whom: no claim
    (helper idfix). Not "Selain tersangka kita juga mengamankan …" (a noun, then the main clause)."""
    n = _fronted_additive_len(ctx, i, j)
    return n > 0 and ctx.L.is_verb(ctx.word(i + n)) and not any(ctx.word(k) == "," for k in range(i + n, j))


@cache
def _fronted_additives(lang: str) -> tuple[tuple[str, ...], ...]:
    """The table's ``fronted_additives`` as word tuples, longest first."""
    seqs = {tuple(p.lower().split()) for p in clause_table(lang).fronted_additives}
    return tuple(sorted(seqs, key=lambda p: (-len(p), p)))


def _fronted_additive_len(ctx: Ctx, i: int, j: int) -> int:
    """Words of the ``fronted_additives`` phrase that opens tokens i..j-1, 0 if none."""
    lower = ctx.idx.lower
    if i >= j or lower[i] not in first_words(_fronted_additives(ctx.L.code)):
        return 0  # most clauses open with no such phrase: its first word tells at once
    return next((len(p) for p in _fronted_additives(ctx.L.code)
                 if i + len(p) < j and tuple(lower[i:i + len(p)]) == p), 0)


def cut_before_complement(ctx: Ctx, b: int) -> bool:
    """ "It's important that New Yorkers understand that while …, Senator Sanders has …": a clause
    that ends in a complementiser before a comma or a subordinator is cut before what it says (the
    complement comes after the inserted phrase): no claim of its own. Not a demonstrative object
    ("I cannot understand that.")."""
    L = ctx.L
    if b <= 0 or b >= len(ctx.idx.spans) or ctx.word(b - 1) not in L.complementisers:
        return False
    after = ctx.word(b)
    return after == "," or after in L.subordinators or after in L.clause_coordinators


def noun_before_relative(ctx: Ctx, k: int, lo: int, subject: str) -> tuple[int, str]:
    """The noun phrase a relative clause at token k attaches to: (start token, text)."""
    L = ctx.L
    a = _home_place_name_start(ctx, np_start(ctx, k, lo), k, lo)
    if k > a and is_date_phrase(ctx, a, k):
        # "…, Desember lalu, yang mengecam …", "pada 2017, yang dapat …": a date is not what
        # the clause describes; look at the phrase before it
        b = a - 1
        while b > lo and not ctx.is_word(b):
            b -= 1
        if b > lo and b < a:
            return noun_before_relative(ctx, b if ctx.word(b) in L.np_stops else b + 1, lo, subject)
        return a, subject or ctx.phrase(a, k)
    stop = ctx.word(a - 1) if a > lo else ""
    if stop in L.locative_prepositions and subject:
        return a, subject
    return a, ctx.phrase(a, k) if k > a else subject


def _home_place_name_start(ctx: Ctx, a: int, k: int, lo: int) -> int:
    """ "Senator Ted Cruz of Texas, who …", "the League of Conservation Voters, whose …": a name
    before a ``home_place_prepositions`` word ("of") and the capitalised words after it up to token
    k are one noun phrase, the person's or body's; a relative clause after it describes that, not
    the place. Where the noun phrase from token ``a`` starts then (``a`` itself otherwise)."""
    if a - 2 <= lo or ctx.word(a - 1) not in ctx.L.home_place_prepositions or not ctx.is_cap(a - 2):
        return a
    if not all(ctx.is_cap(t) for t in range(a, k) if ctx.is_word(t)):
        return a  # "the mother of Sean Smith, who …" has no capital before "of"; this needs a name after it
    return np_start(ctx, a - 1, lo)


def np_start(ctx: Ctx, k: int, lo: int) -> int:
    """Where the noun phrase ending before token k starts (at most 7 tokens back)."""
    L = ctx.L
    a = k
    while a > lo and k - a < 7:
        w = ctx.word(a - 1)
        if w in L.coordinators and w not in L.clause_coordinators - L.predicate_coordinators:
            a -= 1  # "Amerika Utara dan Eropa": coordination inside the noun phrase
            continue
        if _spaced_particle_hyphen(ctx, a, lo):
            a -= 2  # "Masjid Al - Marzuqiyah": one name
            continue
        if abbreviation_stop(ctx, a - 1) or _initial_stop(ctx, a - 1):
            a -= 1  # "Justice Samuel A. Alito Jr., who …": the full stops are part of the name
            continue
        if w in L.np_stops or ctx.is_verb(a - 1) or not ctx.is_word(a - 1) or _opens_clause_here(ctx, a - 1, lo):
            break
        a -= 1
    return a


def _opens_clause_here(ctx: Ctx, k: int, lo: int) -> bool:
    """Is token k a subordinator that opens the clause ("When Mr. Buchanan, who …", "…, while
    Sanders, who …")? Then it is no part of the noun phrase after it. After a noun it may be a
    preposition inside the phrase ("the first debate since the shootings, which …")."""
    return ctx.word(k) in ctx.L.subordinators and (k == lo or not ctx.is_word(k - 1))


def _spaced_particle_hyphen(ctx: Ctx, t: int, lo: int) -> bool:
    """Is token t a capitalised word after a name particle and a hyphen ("al - Assad", "Al -
    Qaeda": text detokenised with spaces around the hyphen)? The three are one name's."""
    return t - 2 >= lo and ctx.word(t - 1) == "-" and ctx.word(t - 2) in ctx.L.particles and ctx.is_cap(t)


def leading_place(ctx: Ctx, a: int, k: int) -> bool:
    """ "Di KPU provinsi, yang semula 14 hari itu dipangkas …": a prepositional phrase opens the
    clause and the comma sets it off; "yang …" is the clause's subject, not a relative on it."""
    return ctx.word(a) in ctx.L.np_stops and not any(ctx.is_verb(t) for t in range(a, k))


def is_cleft(ctx: Ctx, a: int, start: int, end: int, b: int) -> bool:
    """ "Di luar Jawa yang sudah pasti": only a preposition before the noun phrase and the clause
    runs to the end, so the clause is the sentence's predicate (a cleft) and the main claim
    already says it. Not a fronted phrase that a clause follows ("Terkait saksi Prana yang sudah
    dipanggil KPK, ia menyatakan …")."""
    fronted = b + 1 < len(ctx.idx.lower) and ctx.word(b) == "," and ctx.is_word(b + 1)
    return end == b and not fronted and all(ctx.word(t) in ctx.L.np_stops for t in range(a, start))


LONG_RELATIVE = 6  # words at least in a relative clause that states a fact of its own
PREDICATE_REACH = 4  # tokens at most between "yang" and its verb ("yang saat itu menjabat")
OBJECT_WORDS = 2  # words at least between a verb and the noun a long relative clause is cut before


def subject_name_start(ctx: Ctx, a: int, k: int, b: int) -> int | None:
    """Where the capitalised noun phrase before the relative at k starts, when it is in the
    subject (no verb before it) and the clause is no existential's; None otherwise."""
    start = np_start(ctx, k, a)
    if start >= k or not ctx.is_cap(start) or ctx.match_seq(k + 1, ctx.L.existentials, b) \
            or first_verb_at(ctx, a, k) is not None:
        return None  # a name after the verb: the clause may say which of its kind ("Ahok yang memperoleh 40%")
    while (start > a and ctx.is_word(start - 1) and ctx.is_cap(start - 1)) or _spaced_particle_hyphen(ctx, start, a):
        start -= 2 if ctx.word(start - 1) == "-" else 1  # a long name: "Menteri Dalam Negeri Tjahjo Kumolo yang …"
    return start


def located_object_start(ctx: Ctx, a: int, k: int) -> int | None:
    """ "… menyita Restoran Nusa Dua yang berada di London, Inggris, …": a name after the verb with
    a clause that says where it is (the table's ``location_verbs``) adds that fact; it does not say
    which of its kind is meant (helper idfix). Where the name starts, else None."""
    if ctx.word(k + 1) not in ctx.L.location_verbs or not ctx.is_cap(k - 1):
        return None
    start = k - 1
    while start > a and ctx.is_word(start - 1) and ctx.is_cap(start - 1):
        start -= 1
    if start <= a or not (ctx.is_verb(start - 1) or ctx.word(start - 1) in ctx.L.np_stops):
        return None  # "rumah Setya Novanto yang berada di …": the house is there, the name its owner's
    return start


def subject_relative_end(ctx: Ctx, k: int, b: int) -> int:
    """Where a relative clause at token k ("yang") in the subject ends: where ``relative_end``
    ends it, or earlier at the main clause's verb, a verb after a noun past the clause's own verb
    ("CGT yang didukung komunis mengklaim …"), not one its own verb runs into ("yang berhasil
    menangkap …") or a purpose opens ("yang datang untuk mencari …")."""
    L = ctx.L
    verb = first_verb_at(ctx, k + 1, min(b, k + 1 + PREDICATE_REACH))  # "yang saat itu menjabat …"
    end = relative_end(ctx, k + 1 if verb is None else verb + 1, b)
    if verb is None:
        return end
    for t in range(verb + 2, end):
        before = ctx.word(t - 1)
        if ctx.is_verb(t) and (ctx.is_word(t - 1) or before == ")") and not ctx.is_verb(t - 1) \
                and before not in L.np_stops and before not in L.subject_breakers and before not in L.auxiliaries:
            return t
    return end


def verb_in_relative_before(ctx: Ctx, a: int, k: int) -> bool:
    """Does a relative clause with a verb open in tokens a..k-1 (not "lahan yang sangat besar")?"""
    r = next((t for t in range(a, k) if ctx.word(t) in ctx.L.relative), None)
    return r is not None and any(ctx.is_verb(t) for t in range(r + 1, k))


def past_aspect_markers(ctx: Ctx, k: int, b: int) -> int | None:
    """The token after the aspect or negation words that open the clause at ``k`` ("yang"),
    None when none opens it or what follows is an existential ("sistem yang sudah ada memiliki …":
    "the existing system", no fact of its own)."""
    m = k + 1
    while m < b and ctx.word(m) in ctx.L.fact_relative_markers:
        m += 1
    if m == k + 1 or m >= b or ctx.match_seq(m, ctx.L.existentials, b) or not ctx.is_word(m):
        return None
    return m


def describes_a_noun(ctx: Ctx, k: int) -> bool:
    """Is there a noun before "yang" at k ("… dibandingkan yang tidak bebas", "juga yang …": no)?"""
    L, before = ctx.L, ctx.word(k - 1)
    return ctx.is_word(k - 1) and before not in L.np_stops and before not in L.auxiliaries \
        and not (before in L.non_verbs and before.startswith(L.passive_prefix))


def under_negated_existential(ctx: Ctx, a: int, k: int) -> bool:
    L = ctx.L
    return any(ctx.match_seq(t, L.existentials, k) and L.negated.pattern.fullmatch(ctx.word(t)) for t in range(a, k))


def relative_end(ctx: Ctx, t: int, b: int) -> int:
    """Where a restrictive clause whose predicate starts before token t ends: at a comma, a
    coordinator or a predicate marker of the main clause ("… yang tidak membebani APBN seperti ini
    bisa dilakukan"), else at the end of the conjunct."""
    L = ctx.L
    for k in range(t, b):
        w = ctx.word(k)
        if w in (",", ";") or w in L.coordinators or w in L.predicate_markers or w in L.relative:
            return k
        if w in L.demonstratives and k + 1 < b and ctx.is_word(k + 1):
            return k + 1  # "… yang sebelumnya berada di kapal itu ditemukan …": the noun phrase closes
    return b


def determined_antecedent(ctx: Ctx, a: int, k: int, ant: str) -> tuple[int, str]:
    """ "Bezos owns The Washington Post, which …", "publishing its real-time index, which …": the
    noun phrase a relative clause at token k+1 describes starts at its first article or possessive
    determiner; the words before it (a verb the word lists do not know) are the main clause's, no
    part of the relative clause's claim (where the table sets ``relative_from_antecedent``: English)."""
    L = ctx.L
    if not L.relative_from_antecedent or ant != ctx.phrase(a, k):
        return a, ant
    t = next((t for t in range(a, k - 1) if (ctx.word(t) in L.np_articles and not _initial_stop(ctx, t + 1))
              or ctx.word(t) in L.possessive_determiners), a)  # "Samuel A. Alito": an initial, no article
    return (t, ctx.phrase(t, k)) if t > a else (a, ant)


def describes_clause(ctx: Ctx, a: int, ant_start: int) -> bool:
    """ "Sanders had split the first two contests, which is an outcome …": after an auxiliary the
    "antecedent" is a verb phrase; the relative clause describes the whole clause, and its claim
    keeps the clause (where the table sets ``relative_from_antecedent``: English)."""
    return ctx.L.relative_from_antecedent and ant_start > a and ctx.word(ant_start - 1) in ctx.L.auxiliaries


def past_examples_opener(ctx: Ctx, ant_start: int, ant: str, end: int) -> tuple[int, str]:
    """ "… under similar circumstances, such as Chief Petty Officer Lyle White, who pleaded guilty
    …": the clause describes the example, not "such as" before it (a ``subject_breakers`` phrase);
    the antecedent's start and text past it. Where relative claims start at their antecedent
    (``relative_from_antecedent``)."""
    n = ctx.match_seq(ant_start, ctx.L.breaker_seqs, end) if ctx.L.relative_from_antecedent else 0
    if not n or ant_start + n >= end:
        return ant_start, ant
    return ant_start + n, ctx.phrase(ant_start + n, end)


def relative_claim_start(ctx: Ctx, ant_start: int, k: int, s: int) -> int:
    """Where the claim of a non-restrictive clause at token k starts: at the clause (``s``), or
    where the table says so (``relative_from_antecedent``, English: "Sanders, who is Jewish") at
    the noun phrase it describes."""
    if not ctx.L.relative_from_antecedent or ant_start >= k - 1:
        return s
    start = trim_tokens(ctx, ant_start, k, residual=True)[0]  # not "while" in "while Sanders, who …"
    return ctx.span(start, k)[0] if start < k - 1 else s


def before_inclusion(ctx: Ctx, a: int, b: int) -> list[int]:
    """ "pihaknya akan menghadirkan enam saksi, termasuk Agus Martowardojo": the comma before an
    inclusion word (``inclusion_words``) after a predicate ends a claim of its own (the six
    witnesses), besides the whole (that Agus is one of them); [] when there is none."""
    words = _inclusion_words(ctx.L.code)
    if words.isdisjoint(ctx.idx.lower[a:b]):
        return []
    k = next((k for k in range(a + 1, b - 1) if ctx.word(k) == ","), None)
    if k is None or ctx.word(k + 1) not in words or n_words(ctx, a, k) < ctx.L.min_claim_tokens:
        return []  # the first comma only: one before ends an adverbial or a cue ("Maryono melihat, …")
    return [k] if first_verb_at(ctx, a, k, skip_relatives=True) is not None else []


@cache
def _inclusion_words(lang: str) -> frozenset[str]:
    """The table's ``inclusion_words``, lower-cased, read once per language."""
    return frozenset(w.lower() for w in clause_table(lang).inclusion_words)


GLOSS_REACH = 10  # tokens at most in the noun phrase before a gloss word


def glossed_figures(ctx: Ctx, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of "<noun phrase>, yakni <figure> …" in tokens a..b-1: the noun phrase back to
    a preposition, verb-free (a relative clause in it is kept: "HET yang ditentukan yakni Rp
    9.450"), the figure to the next comma. Not the gloss of a date or an amount ("pada tahun 2017,
    yakni …", "Rp 400 miliar yaitu Rp 24 miliar": a share, not what the noun is) and not the whole
    clause (that is the clause's own claim)."""
    L = ctx.L
    out: list[tuple[int, int]] = []
    if L.gloss_words.isdisjoint(ctx.idx.lower[a + 1:b - 1]):
        return out  # most clauses: no gloss word, looked for at once
    for k in range(a + 1, b - 1):
        if ctx.word(k) not in L.gloss_words or not any(ctx.word(t)[:1].isdigit() for t in range(k + 1, min(b, k + 3))):
            continue
        end = next((t for t in range(k + 1, b) if ctx.word(t) in (",", ";")), b)
        start = _gloss_np_start(ctx, a, k - 1 if ctx.word(k - 1) == "," else k)
        if start is not None and (start, end) != (a, b) and end > k + 1 \
                and not any(ctx.word(t)[:1].isdigit() for t in range(start, k)):  # a date, an amount's share
            out.append(trim_tokens(ctx, start, end))
    return out[:MAX_ITEMS]


def _gloss_np_start(ctx: Ctx, a: int, k: int) -> int | None:
    """Where the noun phrase ending before token k starts: after a preposition or a comma, past a
    relative clause in it. None when a verb outside a relative comes first (the gloss is then the
    predicate's: "pangsa pasar … terbilang kecil, yakni …") or the phrase is one word."""
    L = ctx.L
    t = k
    while t > max(a, k - GLOSS_REACH):
        w = ctx.word(t - 1)
        if w in L.relative:
            t -= 1
            continue
        if ctx.is_verb(t - 1) and ctx.word(t - 2) not in L.relative:
            return None
        if w in L.np_stops or w == ",":
            break
        t -= 1
    return t if ctx.words_between(t, k) >= 2 and ctx.word(t) not in L.relative else None
