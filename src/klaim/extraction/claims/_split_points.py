"""Where a clause splits into atomic claims: coordinated predicates and clauses, comma splices,
coordinated complements, purpose clauses and first-person clauses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from klaim.extraction.claims._claim_unit import is_dash, n_words, quote_depth_after
from klaim.extraction.claims._clauses import (
    clause_table,
)
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._enumeration import (
    closes_pair,
)
from klaim.extraction.claims._phrases import QUOTE_CHARACTERS, evidence_phrase_start, is_adverb, opens_participle
from klaim.extraction.claims._relatives import (
    OBJECT_WORDS,
    describes_a_noun,
    np_start,
    opens_with_verb_phrase,
    verb_in_relative_before,
)
from klaim.extraction.claims._subjects import SPLICE_SUBJECT, clause_subject_bounds, clause_subject_len, skip_modifiers
from klaim.extraction.claims._table import claims_table
from klaim.extraction.claims._trimming import trim_tokens
from klaim.extraction.text import quote_mark


def _names_only(ctx: Ctx, a: int, b: int) -> bool:
    """Tokens a..b-1 are capitalised words only: an appositive name set off by commas."""
    words = [t for t in range(a, b) if ctx.is_word(t)]
    return bool(words) and all(ctx.is_cap(t) or ctx.word(t) in ctx.L.particles for t in words)


@dataclass
class _Scan:
    """State of the left-to-right scan for split points over tokens i..j-1."""

    j: int
    last_comma: int
    opener: int = 0             # the stretch's first token: a subordinator or condition opens no main clause
    has_verb: bool = False      # a predicate since the last split: a new conjunct may start
    purpose: bool = False       # after "untuk …", "seperti …" the verbs are a purpose or examples
    first_verb: int | None = None
    last_verb: int | None = None
    quote_depth: int = 0


def clause_split_points(ctx: Ctx, i: int, j: int) -> list[tuple[int, int, str]]:
    """Where coordinated predicates or clauses start: (connective index, content index, kind)."""
    L = ctx.L
    out: list[tuple[int, int, str]] = []
    st = _Scan(j, last_comma=i - 1, opener=i)
    text, spans, breakers = ctx.text, ctx.idx.spans, L.breaker_seqs.by_first
    k = i
    while k < j:
        w = ctx.word(k)
        # most tokens are neither a purpose breaker's first word nor a quote mark: those two
        # look-ups (which would find nothing) are made only for the tokens that are
        if w in breakers and _opens_purpose(ctx, st, k):
            st.purpose = True
        if text[spans[k][0]] in QUOTE_CHARACTERS:
            st.quote_depth = quote_depth_after(quote_mark(text, spans[k][0]), st.quote_depth)
        if st.quote_depth == 0 and (w in L.coordinators or w in (",", ";")) and k > i:
            hit = _split_at(ctx, st, k)
            if hit is not None:
                out.append(hit[0])
                k = hit[1]
                continue
        if w == ",":
            st.last_comma = k
        if w in L.relative:
            k = _skip_relative(ctx, st, k)
            continue
        if ctx.is_verb(k) and st.quote_depth == 0:
            if not st.has_verb:
                st.first_verb = k
            st.has_verb, st.last_verb = True, k
        k += 1
    return out


NAME_REACH = 6  # capitalised words at most before a coordinator inside an organisation's name


def _inside_organisation_name(ctx: Ctx, k: int) -> bool:
    """Is the coordinator at k part of an organisation's name ("Kementerian Pekerjaan Umum dan
    Perumahan Rakyat"): capitalised words on both sides, the run before it opening with an
    organisation's head? Then what follows is no new clause's subject."""
    if k < 1 or k + 1 >= len(ctx.idx.spans) or not (ctx.is_cap(k - 1) and ctx.is_cap(k + 1)):
        return False
    t = k - 1
    while t > 0 and k - t < NAME_REACH and ctx.is_word(t - 1) and ctx.is_cap(t - 1):
        t -= 1
    return ctx.word(t) in ctx.L.organisation_heads


def _opens_purpose(ctx: Ctx, st: _Scan, k: int) -> bool:
    """Does token k open a purpose clause or examples ("untuk …", "to …", "such as …")? Where the
    table sets ``purpose_after_verb``, not before the clause's first verb unless it opens the
    clause ("Her three speeches to employees … earned …": a preposition in the subject)."""
    if not ctx.match_seq(k, ctx.L.breaker_seqs, st.j):
        return False
    return st.has_verb or k == st.opener or not _purpose_after_verb(ctx.L.code)


@cache
def _purpose_after_verb(lang: str) -> bool:
    """Does a purpose clause only follow the predicate (English "to": before the first verb it is a
    preposition in the subject), where the table sets ``purpose_after_verb``?"""
    return clause_table(lang).purpose_after_verb


def _skip_relative(ctx: Ctx, st: _Scan, k: int) -> int:
    """A relative clause runs to the next comma; its verbs are not the clause's predicate. A
    result connective ends it too ("… segmen yang menjadi prioritas sehingga pembangunan …
    dapat dimulai"): the result is said of the whole clause, not of the relative's noun."""
    k += 1
    while k < st.j and ctx.word(k) not in (",", ";") and ctx.word(k) not in ctx.L.result_coordinators:
        if ctx.match_seq(k, ctx.L.breaker_seqs, st.j):
            st.purpose = True  # "yang menyentuh sektor logistik agar …, namun tetap …"
        k += 1
    return k


def _split_at(ctx: Ctx, st: _Scan, k: int) -> tuple[tuple[int, int, str], int] | None:
    """At a coordinator, comma or semicolon k: the split point and where the scan goes on."""
    L, j = ctx.L, st.j
    u = _conjunct_start(ctx, k, j)
    if u is None or _joins_pronoun_subject(ctx, k):
        return None
    v = skip_modifiers(ctx, u, j)
    if not (v < j and ctx.is_verb(v)) and u < j and ctx.is_verb(u):
        v = u  # an auxiliary that is the verb itself: "… and has 32 members"
    if ctx.word(k) == ";" and n_words(ctx, u, j) >= L.min_claim_tokens:
        st.has_verb = False
        return (k, u, "clause"), u
    hit = _clause_after_connectives(ctx, st, k, u) or _complement_conjunct(ctx, st, k, u)
    if hit is not None:
        return hit
    kind = _split_kind(ctx, st, k, u, v) if st.has_verb else None
    if kind is None:
        return _first_person_split(ctx, st, k, u)
    st.has_verb = False
    if kind == "predicate":
        return (k, u, kind), v
    st.purpose = False
    return (k, u, kind), u


def _joins_pronoun_subject(ctx: Ctx, k: int) -> bool:
    """ "… after he and Cardin came to an impasse", "… when she and Obama carried on a battle": a
    coordinator right after a subject pronoun (``subject_pronouns``) joins two subjects of one
    clause; a clause ends at no subject pronoun, so no new one starts there."""
    return k > 0 and ctx.word(k) in ctx.L.coordinators and ctx.word(k - 1) in ctx.L.subject_pronouns


def _conjunct_start(ctx: Ctx, k: int, j: int) -> int | None:
    """Where what follows the coordinator, comma or semicolon at k starts (past a coordinator
    after a comma); None where the coordinator opens an adverb ("has so far been outspent") or
    closes a pair ("both X and Y", one fact): no split there."""
    u = k + 1
    if ctx.word(k) == "," and u < j and ctx.word(u) in ctx.L.coordinators:
        u += 1
    return None if ctx.match_seq(u - 1, ctx.L.adverb_phrases, j) or closes_pair(ctx, u - 1) else u


def _clause_after_connectives(ctx: Ctx, st: _Scan, k: int, u: int) -> tuple[tuple[int, int, str], int] | None:
    """ "…, sementara itu, di sisi lain, Turki juga punya …": a clause after connectives set off
    by commas (the split point and where the scan goes on)."""
    w = _past_set_off_connectives(ctx, k, st.j)
    if w > u and st.has_verb and clause_subject_len(ctx, w, st.j):
        st.has_verb, st.purpose = False, False
        return (k, w, "clause"), w
    return None


SET_OFF_REACH = 16  # tokens at most from a dash to the dash that closes what it sets off


def _complement_conjunct(ctx: Ctx, st: _Scan, k: int, u: int) -> tuple[tuple[int, int, str], int] | None:
    """ "Kasich has argued that his rating is far higher, and that — despite … — he is best-positioned
    to …": a complement clause coordinated after a predicate (a second thing said, believed or
    found) is a claim of its own from its subject, past a phrase set off by dashes; where the table
    sets ``complement_conjuncts``. Not "and that accounts for …" ("that" is the subject), nor "so
    that …" (a purpose)."""
    L, j = ctx.L, st.j
    conn = ctx.word(u - 1)
    if not st.has_verb or u + 1 >= j or not (conn in L.list_coordinators or conn in L.contrast_connectives) \
            or ctx.word(u) not in L.complementisers or not clause_table(L.code).complement_conjuncts:
        return None
    w = u + 1
    if is_dash(ctx, w):
        w = next((t + 1 for t in range(w + 2, min(j, w + SET_OFF_REACH)) if is_dash(ctx, t)
                  and not is_dash(ctx, t + 1)), w)
    if is_adverb(ctx, w) or not clause_subject_len(ctx, w, j):
        return None  # "a plan that was meant to … but that barely got off the ground": a relative clause
    st.has_verb, st.purpose = False, False
    return (k, w, "complement-conjunct"), w


def _past_set_off_connectives(ctx: Ctx, k: int, j: int) -> int:
    """After the comma at k, past discourse connectives that are themselves set off by commas
    ("…, sementara itu, di sisi lain, Turki …"): where the next clause starts (k + 1 if none)."""
    u = k + 1
    if ctx.word(k) != ",":
        return u
    for _ in range(3):
        n = ctx.match_seq(u, ctx.L.leading, j)
        if not n or u + n >= j or ctx.word(u + n) != ",":
            break
        u += n + 1
    return u


def _split_kind(ctx: Ctx, st: _Scan, k: int, u: int, v: int) -> str | None:
    """ "clause" (a new subject), "predicate" (the subject is shared) or None (no split)."""
    L, j = ctx.L, st.j
    conn = ctx.word(u - 1)
    if v < j and ctx.match_seq(v, L.existentials, j) and conn != ",":
        return "clause"  # "…, dan ada bekas …": an existential has no subject to share
    if _predicate_split(ctx, st, k, v, conn):
        return "predicate"
    if conn in L.clause_coordinators and conn != "," and clause_subject_len(ctx, u, j) \
            and not _coordinated_complement(ctx, st, k) and not _closes_item_list(ctx, st, k) \
            and not _inside_organisation_name(ctx, k):
        return "clause"
    if conn == "," and _comma_splice(ctx, st, u):
        return "splice"
    return None


LIST_ITEM_WORDS = 3  # words at most in a comma-set item of a list of names or modifiers


def _closes_item_list(ctx: Ctx, st: _Scan, k: int) -> bool:
    """Does the coordinator at k close a comma list of short verbless items after the predicate
    ("… menelusuri bangkai kapal perang Belanda, Inggris, dan Amerika mempersiapkan …")? Its last
    item is one more of them (helper idprec), not the subject of a new clause; a clause before the
    comma ("Harga beras naik, harga cabai turun, dan …") has a verb of its own."""
    e = k - 1 if ctx.word(k - 1) == "," else k  # "…, dan" is split at its comma or at its coordinator
    v = st.last_verb
    c = next((t for t in range(e - 1, max(e - LIST_ITEM_WORDS - 2, -1), -1) if ctx.word(t) == ","), None)
    if v is None or c is None or c <= v:
        return False
    L = ctx.L
    return ctx.words_between(c + 1, e) > 0 and not any(
        ctx.is_verb(t) or ctx.word(t) in L.np_stops or ctx.word(t) in L.clause_coordinators
        or ctx.word(t) in L.subordinators for t in range(c + 1, e))  # a bare noun phrase, not "sementara X"


def _opens_dependent(ctx: Ctx, i: int, j: int) -> bool:
    """Does the stretch open with a subordinator, preposition, condition or "tidak hanya"?"""
    L, o = ctx.L, ctx.word(i)
    return (o in L.subordinators or o in L.np_stops or o in L.complementisers
            or bool(L.conditional.pattern.fullmatch(o)) or bool(ctx.match_seq(i, L.correlative_openers, j))
            or bool(ctx.match_seq(i, L.free_relative_openers, j)))


def _comma_splice(ctx: Ctx, st: _Scan, u: int) -> bool:
    """ "Dana sudah ada, studinya pun sudah ada": a clause with a short subject of its own after a
    bare comma, when the stretch opened as a main clause (not "Setelah tiba di Doha, …", "Jika …,
    …", "Dengan adanya …, …"), is a claim of its own (measured on the Indonesian gold; off where
    the table sets no ``split_quotes``, since English commas join clauses less often)."""
    L = ctx.L
    if not L.split_quotes or st.purpose or _opens_dependent(ctx, st.opener, st.j):
        return False
    if opens_with_verb_phrase(ctx, st.opener, st.j):
        return False  # "Mengantisipasi …, PT KAI menambah …": a subjectless phrase fronted to the main clause
    if st.last_verb is not None and ctx.word(st.last_verb) in _complement_verbs(L.code):
        return False  # "Desmond mendesak, Menkumham mencopot …": the verb's complement
    if ctx.word(u) in L.interrogatives:
        return False  # "…, apa kita harus pindah": an embedded question, the complement of the clause before
    if ctx.word(u) in L.non_subjects or not any(ctx.is_verb(t) for t in range(st.last_comma + 1, u - 1)):
        return False  # "…, pemeliharaan sapi, cara membuat konsentrat": the comma ends a verbless item
    n = clause_subject_len(ctx, u, st.j)
    return n is not None and n <= SPLICE_SUBJECT and n_words(ctx, u, st.j) >= L.min_claim_tokens \
        and not _inserted_attribution(ctx, u + n, st.j)


def _inserted_attribution(ctx: Ctx, v: int, j: int) -> bool:
    """ "…, which is an outcome, he said, "we've long anticipated."": a subject and a speech cue
    set off by commas inside what is said is the act of speaking, no clause of its own."""
    return ctx.word(v) in ctx.L.post_cues and v + 1 < j and ctx.word(v + 1) == ","


def _first_person_split(ctx: Ctx, st: _Scan, k: int, u: int) -> tuple[tuple[int, int, str], int] | None:
    """The split point at the comma k before a first-person clause (``_first_person_clause``) that
    no other rule splits, and where the scan goes on; None if there is none."""
    if ctx.word(k) != "," or not _first_person_clause(ctx, st, u):
        return None
    st.has_verb, st.purpose = False, False
    return (k, u, "splice"), u


def _first_person_clause(ctx: Ctx, st: _Scan, u: int) -> bool:
    """ "Nanti kita lihat mungkin dengan bunga lebih murah, kita akan kembangkan proyek LRT …": in a
    run-on quote (where the table sets ``first_person_splices``), a comma before a first-person subject (after
    a ``clause_adverbs`` word at most) starts a clause of its own, though the verbs are bare roots the
    table does not know; not after a condition or subordinator ("Jika …, kami akan …")."""
    L = ctx.L
    if not _first_person_splices(L.code) or st.purpose or ctx.words_between(st.opener, u) < L.min_claim_tokens:
        return False
    if _opens_dependent(ctx, st.opener, st.j) or not _said_as_clause(ctx, max(st.opener, st.last_comma + 1), u - 1):
        return False  # "Pada kuartal keempat, saya …", "Semua mekanisme itu, kita harus hargai": no clause before
    t = u + 1 if ctx.word(u) in _clause_adverbs(L.code) else u
    return t + 1 < st.j and _first_person_at(ctx, t) and ctx.is_word(t + 1) \
        and n_words(ctx, t, st.j) >= L.min_claim_tokens


def _first_person_at(ctx: Ctx, t: int) -> bool:
    """Is token t a first-person pronoun ("saya", "kami", "kita")?"""
    return bool(ctx.L.first_person.pattern.fullmatch(ctx.word(t)))


def _said_as_clause(ctx: Ctx, a: int, k: int) -> bool:
    """Do tokens a..k-1 make a clause: a verb, or a first-person subject with a word after it?"""
    return any(ctx.is_verb(t) or (_first_person_at(ctx, t) and t + 1 < k) for t in range(a, k))


@cache
def _first_person_splices(lang: str) -> bool:
    return clause_table(lang).first_person_splices


@cache
def _clause_adverbs(lang: str) -> frozenset[str]:
    """The table's ``clause_adverbs``, lower-cased."""
    return frozenset(w.lower() for w in clause_table(lang).clause_adverbs)


COMPLEMENT_REACH = 2  # words at most between a copula or speech verb and a coordinator inside its complement


def _coordinated_complement(ctx: Ctx, st: _Scan, k: int) -> bool:
    """ "Kami berharap Pemkot Tangerang dan BPN dapat mendukung …", "… adalah kementerian dan
    lembaga itu harus …": a short noun right after a copula or a speech or demand verb and
    coordinated at k is the first subject of that verb's complement, not a clause of its own."""
    v = st.last_verb
    if v is None or not 0 < ctx.words_between(v + 1, k) <= COMPLEMENT_REACH:
        return False
    return ctx.word(v) in ctx.L.copulas or ctx.word(v) in _complement_verbs(ctx.L.code) or _wish_subject(ctx, v, k)


def _wish_subject(ctx: Ctx, v: int, k: int) -> bool:
    """ "Kami ingin pemerintah dan kepolisian segera …", "Saya merasa bangga dan senang bisa …": a
    wish or a feeling (``wish_verbs``) and the words after it coordinated by "dan" at k are one
    complement. Not before a pronoun ("ingin terburu-buru dan kami tidak ingin …": a clause of its
    own) nor at a comma or a contrast ("…, sementara 47 persen …"; helper idfix, session 13)."""
    L = ctx.L
    if ctx.word(v) not in L.wish_verbs or ctx.word(k) not in L.list_coordinators or k + 1 >= len(ctx.idx.spans):
        return False
    after = ctx.word(k + 1)
    return not _first_person_at(ctx, k + 1) and after not in L.pronoun_speakers and after not in L.plural_pronouns


@cache
def _complement_verbs(lang: str) -> frozenset[str]:
    """Speech and demand verbs: what follows them is a clause, its subject first."""
    t = claims_table(lang)
    return frozenset(w.lower() for w in (*t.pre_cues, *t.demand_cues))


def _predicate_split(ctx: Ctx, st: _Scan, k: int, v: int, conn: str) -> bool:
    """A coordinated predicate starts at v, sharing the subject. Not "dipukul dan dibakar" (two
    bare verbs share their object), not "membawa … dan dikumpulkan" (a passive after an active
    verb has another subject), not after a comma that closes an appositive name."""
    L = ctx.L
    if st.purpose or (ctx.word(k) == "," and _names_only(ctx, st.last_comma + 1, k)):
        return False
    return (v < st.j and ctx.is_verb(v) and conn in L.predicate_coordinators | {","}
            and not ctx.match_seq(v, L.citations, st.j) and not ctx.is_verb(k - 1)
            and not _voice_changes(ctx, st.first_verb, v) and not _nominalised(ctx, v, st.j)
            and not _coordinated_modifiers(ctx, st, k, v))


def _coordinated_modifiers(ctx: Ctx, st: _Scan, k: int, v: int) -> bool:
    """ "… bersifat final dan mengikat", "… tetap aman dan terkendali": one word after the verb
    and one bare word after the coordinator are two modifiers of one predicate (helper idprec),
    not two predicates; "menangkap pelaku dan menyita barang bukti" has an object after each."""
    after = next((t for t in range(v + 1, st.j) if ctx.word(t) in (",", ";")), st.j)
    return st.last_verb is not None and ctx.words_between(st.last_verb + 1, k) == 1 \
        and ctx.words_between(v, after) == 1 and ctx.is_word(k - 1)


def _nominalised(ctx: Ctx, v: int, j: int) -> bool:
    """A verb with the pronoun suffix that a noun follows is a noun ("dari anjloknya harga nikel dan
    meningkatnya biaya produksi": the rise of the costs), not a predicate ("menjualnya kembali")."""
    L, n = ctx.L, v + 1
    stem = ctx.word(v)[:-len(L.pronoun_suffix)] if L.pronoun_suffix and ctx.word(v).endswith(L.pronoun_suffix) else ""
    if not stem or not L.is_verb(stem) or stem.endswith(L.object_verb_suffixes) or n >= j or not ctx.is_word(n):
        return False  # "punya" is no verb with a suffix; "membebaskannya", "diketahuinya": the suffix is an object
    w = ctx.word(n)
    return not (ctx.is_verb(n) or w in ctx.L.np_stops or w in ctx.L.auxiliaries or w in ctx.L.relative
                or w in ctx.L.time_words or w in ctx.L.demonstratives or w in ctx.L.subject_breakers)


def _voice_changes(ctx: Ctx, a: int | None, b: int) -> bool:
    """Active first verb, passive second ("membawa barang … dan dikumpulkan"). A copula has no
    voice ("… adalah konsorsium, dimiliki beberapa orang": the subject is the same)."""
    if a is None or ctx.word(a) in ctx.L.copulas:
        return False
    passive = ctx.L.passive_prefix
    return not ctx.word(a).startswith(passive) and ctx.word(b).startswith(passive)


def evidence_tag(ctx: Ctx, i: int, j: int) -> tuple[int, int] | None:
    """(comma, end) of a tag set off after a clause that names the data it rests on: a noun phrase
    with an ``evidence_nouns`` word and an ``evidence_cues`` verb, at the clause's end or before a
    comma (", official figures show", ", the poll found", ", records show, meaning …"). Not one
    after a coordinator ("… and, records show, does not use the plane": the clause goes on)."""
    L = ctx.L
    if not L.evidence_cues or L.evidence_cues.isdisjoint(ctx.idx.lower[i:j]):
        return None
    for v in range(i + L.min_claim_tokens, j):
        if ctx.word(v) not in L.evidence_cues or not (v + 1 == j or ctx.word(v + 1) == ","):
            continue
        c = evidence_phrase_start(ctx, i, v)
        if c is not None:
            return None if v + 1 < j and _tag_inside_clause(ctx, i, v + 2, j) else (c, v + 1)
    return None


def _tag_inside_clause(ctx: Ctx, i: int, u: int, j: int) -> bool:
    """Does a tag end inside its clause: before the predicate ("The big question, the survey shows,
    is whether …") or between a fronted subordinate clause and its main clause ("As the Russians
    took control, Canadian records show, a flow of cash …")?"""
    return ctx.word(u) in ctx.L.auxiliaries or (ctx.is_verb(u) and not opens_participle(ctx, u)) \
        or _opens_dependent(ctx, i, j)


def blocks_before_relative(ctx: Ctx, a: int, k: int) -> bool:
    """Is the relative clause at k inside a subordinate, complement or existential part of the
    clause a..k ("Fahmi mengakui bila memang ada pertemuan yang …", "… karena Fadli Zon yang …"),
    or not on a noun ("…, atau yang …")?"""
    L = ctx.L
    if not describes_a_noun(ctx, k) or ctx.word(k - 1) in L.coordinators or ctx.word(a) in L.subject_breakers:
        return True  # "Selain mengeluhkan fenomena daerah yang …": a clause that leads to another
    if _needs_its_relative(ctx, a, k) or verb_in_relative_before(ctx, a, k):
        return True
    stops = L.complementisers | L.cause_subordinators | L.wish_complementisers | L.concessive_subordinators
    return any(ctx.word(t) in stops or ctx.match_seq(t, L.existentials, k)
               or (ctx.word(t) in L.subordinators and ctx.word(t + 1) not in L.demonstratives)  # not "saat itu"
               for t in range(a, k))


def _needs_its_relative(ctx: Ctx, a: int, k: int) -> bool:
    """Does the noun before the relative at k say nothing without it: the complement of a copula
    ("X merupakan salah satu tokoh yang …"), one of a set, a bare noun right after the verb
    ("memilah cara-cara yang …"), a noun that needs its clause ("orang yang …", ``relative_heads``)
    or the addressee of a demand ("mengimbau para pihak yang …")?"""
    L = ctx.L
    last_verb = max((t for t in range(a, k) if ctx.is_verb(t)), default=a)
    return ctx.words_between(last_verb + 1, k) < OBJECT_WORDS or ctx.word(last_verb) in _complement_verbs(L.code) \
        or ctx.word(k - 1) in L.relative_heads \
        or any(ctx.word(t) in L.copulas for t in range(a, k)) \
        or bool(ctx.match_seq(np_start(ctx, k, a), L.single_member_subjects, k))


CAUSE_OBJECT_WORDS = 2  # words after the verb before a cause at most, for the cause to be the subject's


def cause_bearer(ctx: Ctx, a: int, k: int) -> tuple[int, int]:
    """The tokens of what the cause before token k is said of: the subject, or a noun phrase
    without a verb ("larangan salat Jumat …"); none when the clause has an object that could be it
    ("Polisi menangkap dua WNI karena hendak bergabung …") or opens as a condition."""
    s0, e0, v0 = clause_subject_bounds(ctx, a, k)
    if v0 >= k:
        return trim_tokens(ctx, a, k)
    if ctx.words_between(v0 + 1, k) > CAUSE_OBJECT_WORDS or (e0 > s0 and _opens_dependent(ctx, s0, k)):
        return e0, e0
    return s0, e0
