"""Split a stretch of content into atomic claims: coordinated predicates and clauses,
appositions and relative clauses that carry their own fact.

Verbs are recognised by the language table (listed verbs and verb prefixes), so the rules below
stay the same for every language: a split needs a verb on both sides, which keeps noun lists
("Tiongkok, Korea Utara, dan Iran") whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from klaim.extraction.claims._claim_unit import (
    LIST_ITEM,
    Unit,
    first_words,
    is_dash,
    is_date_phrase,
    n_words,
    quote_depth_after,
    standalone,
)
from klaim.extraction.claims._clauses import (
    appositive_subject,
    claimed_items,
    clause_table,
    measured_noun_phrases,
    relative_antecedent,
)
from klaim.extraction.claims._context import OPENING, Ctx
from klaim.extraction.claims._enumeration import (
    MAX_ITEMS,
    cause_head_end,
    contrast_cut,
    enumeration_ends,
    owned_phrases,
    subordinate_start,
    wish_predicate_ends,
)
from klaim.extraction.claims._part_finders import (
    CLAUSE_ENDS,
    QUOTE_SPLIT,
    appositive_parts,
    clause_fact_parts,
    complement_parts,
    ends_as_question,
    enumerated_items,
    figure_items,
    interrupted_fragment,
    label_positions,
    labelled_item,
    labelled_item_words,
    labelled_list_items,
    object_relative_parts,
    only_then,
    part_unit,
    participle_parts,
    subject_item_parts,
    unreal_before,
    worded_part,
)
from klaim.extraction.claims._phrases import is_name, object_np_start, object_relative_words
from klaim.extraction.claims._relatives import (
    LONG_RELATIVE,
    cut_before_complement,
    describes_a_noun,
    describes_clause,
    determined_antecedent,
    fronted_member,
    glossed_figures,
    is_cleft,
    leading_place,
    located_object_start,
    nothing_to_claim,
    noun_before_relative,
    np_start,
    opens_with_verb_phrase,
    past_aspect_markers,
    past_examples_opener,
    relative_claim_start,
    relative_end,
    subject_name_start,
    subject_relative_end,
    under_negated_existential,
)
from klaim.extraction.claims._speakers import SpeakerRef
from klaim.extraction.claims._split_points import blocks_before_relative, clause_split_points, evidence_tag
from klaim.extraction.claims._subjects import (
    SPLICE_SUBJECT,
    clause_subject_bounds,
    clause_subject_len,
    final_appositive,
    first_predicate_end,
    first_verb_at,
    skip_modifiers,
    stance_complement,
    subject_appositive,
    unlisted_predicate_comma,
)
from klaim.extraction.claims._trimming import antecedent_only, apposition_commas, opens_subordinate, trim_tokens
from klaim.extraction.text import quote_mark


def _later_predicate(ctx: Ctx, i: int, j: int) -> bool:
    """A copula or modal outside relative and purpose clauses in tokens i..j-1."""
    L = ctx.L
    skip = False
    for k in range(i, j):
        w = ctx.word(k)
        if w in L.relative or w in L.subject_breakers:
            skip = True
        elif w == ",":
            skip = False
        elif not skip and w in L.predicate_markers:
            return True
    return False


def decompose(ctx: Ctx, i: int, j: int, sentence: tuple[int, int], speaker: SpeakerRef,
              spans: list[tuple[int, int]], **kwargs: Any) -> list[Unit]:
    """Atomic claims in content tokens i..j-1 (already known to belong to ``speaker``); keywords
    ``residual``, ``para_start``, ``cue``, ``default_subject`` and ``subject_prefix``.

    ``default_subject`` restates who the content is about when it has no subject of its own
    ("Elza mengaku sudah berkomunikasi …" → "Elza sudah berkomunikasi …"). A stretch that only says
    what the speaker was asked (``_question_context``) is no claim; what is said inside it after
    the question may be ("…, which friends described as miserable").
    """
    units = _decompose(ctx, i, j, sentence, speaker, spans, **kwargs)
    if not units or ctx.L.question_participles.isdisjoint(ctx.idx.lower[i:i + 3]):
        return units  # most stretches: no participle of asking near their start, looked for at once
    a, b = trim_tokens(ctx, i, j, residual=kwargs.get("residual", False), para_start=kwargs.get("para_start"),
                       keep_verb=kwargs.get("default_subject") is not None or kwargs.get("subject_prefix") is not None)
    cut = _question_end(ctx, a, b)
    if cut is None or _reported_participle(ctx, a):
        return units  # "Retno mengaku dihubungi oleh Menlu Inggris": what a cue reports, no occasion
    asked_at = a + 1 if ctx.word(a) in ctx.L.subordinators else a  # "when asked …"
    start, end = ctx.idx.spans[asked_at][0], ctx.idx.spans[cut - 1][1]
    asked = [u for u in units if u.start > start and u.end <= end]  # "…, which friends described as …"
    return asked + (decompose(ctx, cut + 1, j, sentence, speaker, spans, **kwargs) if cut < b else [])


def _reported_participle(ctx: Ctx, a: int) -> bool:
    """Does the stretch open right with the participle after a word (a cue's content: "mengaku
    dihubungi oleh …"), not after a subordinator, a comma or the sentence's start?"""
    subordinators = ctx.L.subordinators
    return ctx.word(a) not in subordinators and a > 0 and ctx.is_word(a - 1) and ctx.word(a - 1) not in subordinators


def _decompose(ctx: Ctx, i: int, j: int, sentence: tuple[int, int], speaker: SpeakerRef,
               spans: list[tuple[int, int]], *, residual: bool = False,
               para_start: int | None = None, cue: str | None = None,
               default_subject: str | None = None, subject_prefix: str | None = None) -> list[Unit]:
    """``decompose`` on the stretch as it is."""
    keep_verb = default_subject is not None or subject_prefix is not None
    i, j = trim_tokens(ctx, i, j, residual=residual, para_start=para_start, keep_verb=keep_verb)
    if nothing_to_claim(ctx, i, j, residual, keep_verb, sentence):
        return []
    tagged = _around_evidence_tag(ctx, (i, j), (sentence, speaker, spans), dict(
        residual=residual, para_start=para_start, cue=cue, default_subject=default_subject,
        subject_prefix=subject_prefix))
    if tagged is not None:
        return tagged
    stance = stance_complement(ctx, i, j)
    if stance is not None:
        # "I am glad Republicans are frustrated": what the speaker holds is the claim; a hedging
        # stance ("I think") still hedges it, as a hedging cue does
        c, held = stance
        hedge = held if ctx.L.hedged.pattern.fullmatch(held.lower()) else cue
        return _tagged_role(decompose(ctx, c, j, sentence, speaker, spans, residual=residual, cue=hedge),
                            "stance-complement")
    cut, role = contrast_cut(ctx, i, j), "contrast"
    if cut is None:
        cut, role = _concessive_cut(ctx, i, j), "concession"
    if cut is not None:
        # "X, namun Y": two claims; Y has its own subject (or none), so nothing is carried over
        first = decompose(ctx, i, cut[0], sentence, speaker, spans, residual=residual, para_start=para_start,
                          cue=cue, default_subject=default_subject, subject_prefix=subject_prefix)
        return first + _tagged_role(decompose(ctx, cut[1], j, sentence, speaker, spans, residual=residual,
                                              cue=cue), role)
    cut = _fronted_concession(ctx, i, j)
    if cut is not None:
        # "While the U.S. added 292,000 jobs, China suffered market chaos": two facts, as "X, but Y"
        return _tagged_role(decompose(ctx, cut[0], cut[1], sentence, speaker, spans, residual=residual,
                                      cue=cue), "concession") \
            + decompose(ctx, cut[1] + 1, j, sentence, speaker, spans, residual=residual, cue=cue,
                        default_subject=default_subject, subject_prefix=subject_prefix)
    front = fronted_member(ctx, i, j)
    if front is not None:
        (s, e), words, main = front
        member = Unit(s, e, standalone(words), sentence, speaker, list(spans), role="fronted-member", cue=cue)
        return [member, *decompose(ctx, main, j, sentence, speaker, spans, residual=residual, cue=cue)]
    d = _Decomposition(ctx, sentence, speaker, spans, cue, i, keep_verb)
    override = _apposition_claim(d, j)
    (s0, e0, v0), aux0, points = _clause_subject(ctx, i, j)
    ns, ne = appositive_subject(ctx, i, (s0, e0))
    subject, override, points = _main_subject(ctx, (i, j), (ns, ne, v0), points, override,
                                              (default_subject, subject_prefix))
    carried = [ctx.phrase(aux0, v0)] if v0 > aux0 and v0 < j else []
    carry = _Carry(subject, carried, override, ns if ne > ns else i, ne if ne > ns else i, (aux0, v0))
    _copula_clause_carry(ctx, carry, v0, j)
    _conjuncts(d, [(i, i, "main"), *points], j, carry)
    return _tagged_role(d.units, "appositive-subject") if ns != s0 else d.units


def _clause_subject(ctx: Ctx, i: int, j: int) -> tuple[tuple[int, int, int], int, list[tuple[int, int, str]]]:
    """The clause's (subject start, subject end, verb), where its auxiliaries start, and its split
    points; past a noun phrase set off after an opening name (``subject_appositive``), whose
    commas and coordinators split nothing."""
    points = clause_split_points(ctx, i, j)
    app = subject_appositive(ctx, i, j)
    if app is None:
        s0, e0, v0 = clause_subject_bounds(ctx, i, j)
        return (s0, e0, v0), e0, points
    c1, c2, v = app
    return (i, c1, v), c2 + 1, [p for p in points if not c1 <= p[0] <= c2]


def _around_evidence_tag(ctx: Ctx, ij: tuple[int, int],
                         where: tuple[tuple[int, int], SpeakerRef, list[tuple[int, int]]],
                         kwargs: dict[str, Any]) -> list[Unit] | None:
    """ "Jobs grew in March, official figures show, meaning …": the data a clause rests on is its
    source, no claim of its own and no part of the clause's span; the claims of the clause before
    the tag and of what follows it, or None when there is no such tag."""
    i, j = ij
    tag = evidence_tag(ctx, i, j)
    if tag is None:
        return None
    first = decompose(ctx, i, tag[0], *where, **kwargs)
    rest = decompose(ctx, tag[1] + 1, j, *where, residual=True, cue=kwargs["cue"]) if tag[1] < j else []
    return _tagged_role(first, "evidence-tag") + rest


def _question_end(ctx: Ctx, i: int, j: int) -> int | None:
    """ "Asked whether he would back the nominee, Rubio said …", "…, he said when asked about the
    wall", "“…?” asked Sen. Barbara Mikulski", "Asked about the vote, she pointed to …": a phrase
    that says what the speaker was asked (a participle of ``question_participles``, after a
    subordinator or not) is the occasion of what was said, a question, no claim (the guideline)
    and no part of the span of the clause it is fronted to. Where it ends: j, or the comma or dash
    before a clause of its own; None when the stretch opens with no such phrase, or the phrase
    carries a quote or a colon (what was said). Where no clause is recognised after any comma, the
    first comma that a verb follows (not in a relative clause) ends it: "Dikonfirmasi secara
    terpisah, Ketua DPD PDI Perjuangan Jatim, Kusnadi, membantah …" has a long subject."""
    L = ctx.L
    k = i + 1 if i < j and ctx.word(i) in L.subordinators else i
    if k >= j or ctx.word(k) not in L.question_participles:
        return None
    first_comma = None
    for t in range(k + 1, j):
        w = ctx.word(t)
        if w == ":" or (not ctx.is_word(t) and quote_mark(ctx.text, ctx.idx.spans[t][0]) in OPENING):
            return None
        if (w == "," or is_dash(ctx, t)) and _clause_after(ctx, t + 1, j):
            return t
        if w == "," and first_comma is None:
            first_comma = t
    return _comma_before_verb(ctx, first_comma, j)


def _comma_before_verb(ctx: Ctx, t: int | None, j: int) -> int:
    """t when a verb follows the comma at t before j and no relative pronoun opens what follows
    ("…, which friends described as …" is still the question); else j."""
    if t is None or t + 1 >= j or ctx.word(t + 1) in ctx.L.relative:
        return j
    return t if any(ctx.is_verb(v) for v in range(t + 1, j)) else j


def _clause_after(ctx: Ctx, t: int, j: int) -> bool:
    """Does a clause of its own open at token t: a short subject and its verb, or a noun phrase
    opened by an article with a verb after it ("…, an average of 32 percent across all 50 states
    picked …"); not the rest of the question ("…, which friends described as troubled, hurt …")?"""
    if t >= j:
        return False
    return bool(clause_subject_len(ctx, t, j)) or (
        ctx.word(t) in ctx.L.np_articles and any(ctx.is_verb(v) for v in range(t + 1, j)))


def _copula_clause_carry(ctx: Ctx, carry: _Carry, v0: int, j: int) -> None:
    """ "Kendalanya adalah Indonesia belum dapat memproduksi vaksin dan masih melakukan impor": after
    a copula that a clause follows, a coordinated predicate shares the clause's subject
    ("Indonesia masih melakukan impor"), not the copula's ("Kendalanya"). Not a copula that is an
    auxiliary too ("The operation is being led by …": English "is")."""
    L = ctx.L
    if v0 >= j or ctx.word(v0) not in L.copulas or ctx.word(v0) in L.auxiliaries or carry.override is not None:
        return
    n = clause_subject_len(ctx, v0 + 1, j)
    if not n or any(ctx.word(t) in L.relative for t in range(v0 + 1, j)):
        return  # "X merupakan penghargaan bergengsi yang diberikan … dan didukung …": a noun phrase
    s, e = v0 + 1, v0 + 1 + n
    v = skip_modifiers(ctx, e, j)
    carry.subject, carry.start, carry.end = ctx.phrase(s, e), s, e
    carry.carried, carry.aux = ([ctx.phrase(e, v)] if v > e else []), (e, v)


def _concessive_cut(ctx: Ctx, i: int, j: int) -> tuple[int, int] | None:
    """(connective, start of the second clause) of "X meskipun Y" when Y has a subject and a verb
    of its own and X says something: both are asserted, two claims as for "X, namun Y". Not at the
    clause's start ("Meskipun Y, X"), nor inside brackets or a quote."""
    L = ctx.L
    if not L.concessive_subordinators or ctx.words_between(i, j) < 2 * L.min_claim_tokens \
            or L.concessive_subordinators.isdisjoint(ctx.idx.lower[i + 1:j - 1]):
        return None
    depth = 0
    for k in range(i, j - 1):
        depth = quote_depth_after(ctx.text[ctx.idx.spans[k][0]], depth)
        if depth or ctx.word(k) not in L.concessive_subordinators or k == i:
            continue
        if ctx.word(k - 1) in L.complementisers:
            return None  # "understand that while X, Y": the concession opens the complement
        if ctx.words_between(i, k) >= L.min_claim_tokens and first_verb_at(ctx, i, k) is not None \
                and clause_subject_len(ctx, k + 1, j):
            return (k - 1 if ctx.word(k - 1) == "," else k), k + 1
        return None
    return None


@cache
def _fronted_concessives(lang: str) -> tuple[tuple[str, ...], ...]:
    """The table's ``fronted_concessives`` as word tuples, longest first."""
    seqs = {tuple(p.lower().split()) for p in clause_table(lang).fronted_concessives}
    return tuple(sorted(seqs, key=lambda p: (-len(p), p)))


def _fronted_concession(ctx: Ctx, i: int, j: int) -> tuple[int, int] | None:
    """(start, comma) of the clause after a concessive that opens tokens i..j-1 ("Although the
    party raised more money than ever, its candidates lost"), when the clause has a verb and the
    comma after it opens a clause with a subject of its own: both clauses are asserted, two
    claims. Not a verbless or participle opening ("While serving in the House, Sanders voted …")."""
    lower = ctx.idx.lower
    if i >= len(lower) or lower[i] not in first_words(_fronted_concessives(ctx.L.code)):
        return None  # most clauses open with no concessive: its first word tells at once
    n = next((len(p) for p in _fronted_concessives(ctx.L.code) if tuple(lower[i:i + len(p)]) == p), 0)
    if not n or clause_subject_len(ctx, i + n, j) is None:
        return None
    depth = 0
    for k in range(i + n + 1, j - 1):
        depth = quote_depth_after(ctx.text[ctx.idx.spans[k][0]], depth)
        if depth or ctx.word(k) != ",":
            continue
        if clause_subject_len(ctx, k + 1, j) and n_words(ctx, k + 1, j) >= ctx.L.min_claim_tokens:
            return i + n, k
    return None


@dataclass
class _Decomposition:
    """What the claims of one stretch of content share, and the claims made so far."""

    ctx: Ctx
    sentence: tuple[int, int]
    speaker: SpeakerRef
    spans: list[tuple[int, int]]
    cue: str | None
    i: int
    keep_verb: bool  # a restated subject: a leading verb is the predicate, not a connective
    units: list[Unit] = field(default_factory=list)

    def unit(self, a: int, b: int, words: list[str], role: str, skip: tuple[int, int] | None = None) -> None:
        ctx = self.ctx
        a, b = trim_tokens(ctx, a, b, keep_verb=self.keep_verb and a == self.i)
        if cut_before_complement(ctx, b):
            return
        if n_words(ctx, a, b) >= ctx.L.min_claim_tokens or (role == "coordinated" and n_words(ctx, a, b) >= 2):
            s, e = ctx.span(a, b)
            # a clause that is a numbered unit's list says its last item: the others are claims of their own
            as_written = not words or words == [ctx.phrase(a, b)]
            item = labelled_item_words(ctx, a, b) if as_written and label_positions(ctx) else None
            self.units.append(Unit(s, e, standalone(item or words or [ctx.text[s:e]]), self.sentence, self.speaker,
                                   list(self.spans), role=role, cue=self.cue, skip=skip,
                                   text_rules=(LIST_ITEM,) if item else ()))
            if role != "apposition":
                like = Unit(s, e, "", self.sentence, self.speaker, list(self.spans), cue=self.cue)
                self.units.extend(_parts(ctx, a, b, words, like))


@dataclass
class _Carry:
    """What a conjunct takes from those before it: the subject, the auxiliaries before the verb
    ("akan menandatangani … dan menyerahkan" → "akan menyerahkan") and a restated subject."""

    subject: str
    carried: list[str]
    override: tuple[str, int] | None
    start: int  # the token where the shared subject starts: a coordinated predicate's span starts there
    end: int    # the token where it ends: the predicates before are in the span but not in the claim
    aux: tuple[int, int] = (0, 0)  # the tokens of the carried auxiliaries


def _apposition_claim(d: _Decomposition, j: int) -> tuple[str, int] | None:
    """ "Dua anggota terbaru NATO, Finlandia dan Swedia, bergabung …": a claim that the names are
    the noun phrase, and the names as the subject of what follows (subject, first token)."""
    ctx, i = d.ctx, d.i
    L = ctx.L
    app = apposition_commas(ctx, i, j)
    if app is None:
        return None
    c1, c2, _ = app
    names = ctx.phrase(c1 + 1, c2)
    np1 = ctx.phrase(i, c1)
    np1 = np1 if ctx.is_cap(i) and ctx.word(i) in L.gazetteer else np1[0].lower() + np1[1:]
    plural = any(ctx.word(k) in L.coordinators for k in range(c1 + 1, c2))
    d.unit(i, c2, [names, L.copula_plural if plural else L.copula, np1], "apposition")
    return names, c2 + 1


def _main_subject(ctx: Ctx, ij: tuple[int, int], sv: tuple[int, int, int], points: list[tuple[int, int, str]],
                  override: tuple[str, int] | None, given: tuple[str | None, str | None],
                  ) -> tuple[str, tuple[str, int] | None, list[tuple[int, int, str]]]:
    """(subject, restated subject, split points) of the first clause."""
    L = ctx.L
    i, j = ij
    s0, e0, v0 = sv
    default_subject, subject_prefix = given
    subject = ctx.phrase(s0, e0) if e0 > s0 else ""
    if not subject and subject_prefix:
        # "Massa menurut Sugito bisa jadi akan melawan": the subject written before the source
        subject = subject_prefix
        override = override or (subject, i)
    elif not subject and default_subject and _restates_subject(ctx, i, j, v0):
        subject = default_subject
        override = override or (subject, i)
    elif not subject or ctx.word(s0) in L.np_stops or ctx.word(s0) in L.subordinators:
        # "Dengan mengatasi masalah efisiensi, diharapkan …": an adverbial clause, not a
        # predicate with a subject to restate, so its comma does not start a new claim
        points = [p for p in points if p[2] != "predicate"]
    if override is not None:
        subject = override[0]
    return subject, override, points


def _restates_subject(ctx: Ctx, i: int, j: int, v0: int) -> bool:
    """Content that opens with its (active) verb takes the speaker as its subject. Not with a
    copula or modal later: then the verb phrase is itself the subject ("melanjutkan kasus …
    merupakan …", "memanfaatkan keahlian … akan menggerakkan kita")."""
    L = ctx.L
    return (v0 < j and skip_modifiers(ctx, i, j) == v0 and not ctx.match_seq(i, L.existentials, j)
            and not ctx.word(v0).startswith(L.passive_prefix) and not _later_predicate(ctx, v0 + 1, j))


def _conjuncts(d: _Decomposition, bounds: list[tuple[int, int, str]], j: int, carry: _Carry) -> None:
    """A claim per conjunct: the main clause, coordinated predicates and coordinated clauses."""
    ctx = d.ctx
    for n, (_conn, a, kind) in enumerate(bounds):
        b = bounds[n + 1][0] if n + 1 < len(bounds) else j
        a, b = trim_tokens(ctx, a, b, keep_verb=d.keep_verb and a == d.i)
        if a >= b:
            continue
        b_main = _relatives(d, a, b, carry.subject)
        if b_main < 0:
            continue  # the main claim was written with the inserted relative clause left out
        if kind == "main":
            words = [ctx.phrase(a, b_main)]
            if carry.override is not None and a == d.i:
                words = [carry.subject, ctx.phrase(carry.override[1], b_main)]
            d.unit(a, b_main, words, "main")
        elif kind == "predicate":
            _predicate_unit(d, _conn, a, b_main, carry)
        else:
            s1, e1, v1 = clause_subject_bounds(ctx, a, b_main)
            carry.start, carry.end = (s1, e1) if e1 > s1 else (a, a)
            carry.aux = (e1, v1)
            carry.subject = ctx.phrase(s1, e1) if e1 > s1 else carry.subject
            carry.carried = [ctx.phrase(e1, v1)] if v1 > e1 and v1 < b_main else []
            if ctx.word(_conn) in ctx.L.result_coordinators:
                _result_clause(d, bounds[n - 1][1], b_main)
                continue
            d.unit(a, b_main, [ctx.phrase(a, b_main)], kind)


def _predicate_unit(d: _Decomposition, conn: int, a: int, b: int, carry: _Carry) -> None:
    """The claim of a coordinated predicate at tokens a..b-1. Its span is the guideline's for a split
    conjunct: from where the shared subject starts (the predicates between are in the span, not in
    the claim: their hedges and cues do not count). ", followed by Justices …" tells more of the
    predicate before it, whose subject is no subject of the participle ("O'Connor followed by …"):
    that claim is the span as written."""
    ctx = d.ctx
    if _agent_participle(ctx, conn, a, b):
        d.unit(carry.start, b, [ctx.phrase(carry.start, b)], "coordinated")
        return
    aux = _carried(ctx, a, b, carry)
    skip = _between_predicates(ctx, carry, a, bool(aux))
    d.unit(carry.start, b, [carry.subject, *aux, ctx.phrase(a, b)], "coordinated", skip)


def _agent_participle(ctx: Ctx, conn: int, a: int, b: int) -> bool:
    """Does the conjunct at token a open, after a comma, with a participle and its agent ("…, followed
    by", "…, helped by", "…, diikuti oleh")?"""
    agent = ctx.L.passive_agent
    return bool(agent) and ctx.word(conn) == "," and a + 1 < b and ctx.word(a + 1) == agent


def _result_clause(d: _Decomposition, a: int, b: int) -> None:
    """ "PPI menjadi pintu sehingga kami bisa mengatur": the result is claimed with the clause it
    follows from (tokens a..b-1), which is a claim of its own besides."""
    a, b = trim_tokens(d.ctx, a, b, keep_verb=d.keep_verb and a == d.i)
    if a < b:
        s, e = d.ctx.span(a, b)
        d.units.append(Unit(s, e, standalone([d.ctx.text[s:e]]), d.sentence, d.speaker, list(d.spans),
                            role="result", cue=d.cue))


def _carried(ctx: Ctx, a: int, b: int, carry: _Carry) -> list[str]:
    """The auxiliaries a coordinated predicate takes from before (none when it has its own,
    which the next predicate then takes)."""
    lead = skip_modifiers(ctx, a, b)
    if lead > a:
        carry.carried, carry.aux = [ctx.phrase(a, lead)], (a, lead)
        return []
    return carry.carried


def _between_predicates(ctx: Ctx, carry: _Carry, a: int, carried: bool) -> tuple[int, int] | None:
    """The characters of a coordinated predicate's span that are not its claim: the predicates
    between the subject and it, but not the auxiliaries it carries ("Rusia kemungkinan merekrut …
    dan dapat menanggung … dan melanjutkan serangan": "dapat" counts, "kemungkinan" does not)."""
    lo, hi = carry.end, a
    if carried and carry.aux[0] == carry.end:
        lo = carry.aux[1]   # right after the subject: skip from the first verb
    elif carried and carry.end < carry.aux[0] < a:
        hi = carry.aux[0]   # before a later predicate: skip up to them
    return (ctx.idx.spans[lo][0], ctx.idx.spans[hi][0]) if lo < hi else None


def _inner_clause_end(ctx: Ctx, k: int, b: int) -> int:
    """Where a relative clause opened after a comma ends: at the next comma when a predicate
    follows it (the clause was inserted mid-sentence), else at the end of the conjunct."""
    for p in range(k, b):
        if ctx.word(p) == ",":
            v = skip_modifiers(ctx, p + 1, b)
            if any(ctx.is_verb(t) for t in range(p + 1, min(v + 1, b))) or _clause_follows(ctx, k, p, b):
                return p
            return b
    return b


def _clause_follows(ctx: Ctx, k: int, p: int, b: int) -> bool:
    """ "In the piece I wrote last November, which you can see here, I discussed …": after the
    relative clause's comma a clause with a subject of its own goes on with the sentence, where the
    table sets ``relative_from_antecedent`` (English: a relative clause set off on both sides). Not
    a post cue's speaker (", Frankel said": the attribution ends the sentence)."""
    if not clause_table(ctx.L.code).relative_from_antecedent or first_verb_at(ctx, k, p) is None:
        return False
    n = clause_subject_len(ctx, p + 1, b)
    return n is not None and n > 0 and ctx.word(skip_modifiers(ctx, p + 1 + n, b)) not in ctx.L.post_cues


def _relatives(d: _Decomposition, a: int, b: int, subject: str) -> int:
    """Add claims for relative clauses in tokens a..b-1; return where the main claim ends.

    A non-restrictive clause (", yang …") states a fact about its antecedent and is cut off the
    main claim. A restrictive passive clause with a named agent ("dana … yang diusulkan oleh
    Stoltenberg") states who did something; the main claim keeps it.
    """
    ctx = d.ctx
    b = _final_appositive_cut(d, a, b)
    for k in range(a + 1, b):
        if ctx.word(k) not in ctx.L.relative:
            continue
        if ctx.word(k - 1) == "," and first_verb_at(ctx, k + 1, b) is not None and not leading_place(ctx, a, k):
            if _attributed_relative(ctx, k, b):
                return k - 1  # "the delegate system, which he said runs the risk …": the speaker's content
            return _nonrestrictive(d, a, b, k, subject)
        if not _marked_relative(d, a, b, k) and not _named_relative(d, a, b, k):
            _agent_relative(d, a, b, k)
        _before_long_relative(d, a, b, k)
    return b


def _attributed_relative(ctx: Ctx, k: int, b: int) -> bool:
    """Does the relative clause at k open with a short subject and a speech cue ("which he said
    runs the risk of …")? What follows the cue is what the speaker said, a claim of the
    attribution's; the clause is no fact of the outlet's about its noun."""
    n = clause_subject_len(ctx, k + 1, b)
    return n is not None and 0 < n <= SPLICE_SUBJECT and ctx.word(k + 1 + n) in ctx.L.post_cues


def _marked_relative(d: _Decomposition, a: int, b: int, k: int) -> bool:
    """ "model pembiayaan yang tidak membebani APBN", "harga beras yang kian meningkat": a
    restrictive clause that opens with an aspect, frequency or negation word states a fact about
    its noun of its own; a claim from the noun phrase's start to the clause's end. Not under a
    negated existential ("Tidak ada masalah yang tidak bisa diselesaikan") and not "yang sudah
    ada"."""
    ctx = d.ctx
    m = past_aspect_markers(ctx, k, b)
    if m is None or not describes_a_noun(ctx, k) or under_negated_existential(ctx, a, k):
        return False
    start = np_start(ctx, k, a)
    end = relative_end(ctx, m + 1, b)
    opener = ctx.match_seq(k + 1, ctx.L.correlative_openers, b)
    if start >= k or ctx.word(start) in ctx.L.interrogatives \
            or ctx.words_between(max(m, k + 1 + opener), end) < (2 if opener else 1) \
            or (start == a and end == b) or is_date_phrase(ctx, start, k) or is_cleft(ctx, a, start, end, b):
        return False  # "media yang tidak hanya" says nothing yet; "Juli lalu yang …" describes no date
    s, e = ctx.span(start, end)
    # the claim says the clause of its noun: "Angin tak terlalu kencang", not the noun phrase
    # "Angin yang tak terlalu kencang" (helper idprec)
    d.units.append(Unit(s, e, standalone([ctx.phrase(start, k), ctx.phrase(k + 1, end)]), d.sentence, d.speaker,
                        list(d.spans), role="marked-relative", cue=d.cue))
    return True


def _named_relative(d: _Decomposition, a: int, b: int, k: int) -> bool:
    """ "pihaknya tak bisa menyita Restoran Nusa Dua yang berada di London", "Dalam kasus itu, Agus
    yang saat itu menjabat sebagai Menteri Keuangan …": a name already picks out what it names, so a
    restrictive clause on it does not say which one is meant but adds a fact about it (the
    guideline's relative clause with a fact of its own); a claim from the name to the clause's end.
    Where the table sets ``named_relatives``."""
    ctx = d.ctx
    if not ctx.L.named_relatives or k + 1 >= b or not ctx.is_word(k + 1):
        return False
    start = subject_name_start(ctx, a, k, b)
    if start is None:
        start = located_object_start(ctx, a, k)
    if start is None:
        return False
    end = subject_relative_end(ctx, k, b)
    if (start == a and end == b) or ctx.words_between(k + 1, end) < 2 \
            or not is_name(ctx, start, k, ctx.idx.between(*d.sentence).start):
        return False
    if end == b and start > a and ctx.word(start - 1) == "," and first_verb_at(ctx, a, start) is None:
        return False  # a cleft ("…, istri Tito, Sri yang mengangkat bendera"): the clause is the predicate
    s, e = ctx.span(start, end)
    d.units.append(Unit(s, e, standalone([ctx.text[s:e]]), d.sentence, d.speaker, list(d.spans),
                        role="named-relative", cue=d.cue))
    return True


def _before_long_relative(d: _Decomposition, a: int, b: int, k: int) -> None:
    """ "Agus sempat menolak memberikan lampu hijau untuk anggaran proyek yang menyeret dua pejabat
    Direktorat Jenderal …, Irman dan Sugiharto": a long restrictive clause with a verb of its own
    on a noun in the predicate states a fact of its own; the clause without it is a claim too
    (from the clause's start to the noun). A short one ("kepada warga yang menjadi korban") only
    says which noun is meant. Where the table sets ``named_relatives``."""
    ctx, L = d.ctx, d.ctx.L
    main = first_verb_at(ctx, a, k, skip_relatives=True)
    if not L.named_relatives or ctx.word(k - 1) == "," or main is None or ctx.match_seq(main, L.existentials, k):
        return  # "ada dua risiko yang harus diperhatikan …": the existential's noun is the clause's content
    end = relative_end(ctx, k + 1, b)
    if ctx.words_between(k + 1, end) < LONG_RELATIVE or first_verb_at(ctx, k + 1, end) is None \
            or any(ctx.word(t) in L.coordinators for t in range(np_start(ctx, k, a) - 1, k)) \
            or blocks_before_relative(ctx, a, k) or _fronted_participle(d, a, k, b):
        return  # "lahan yang sangat besar yang dibagi …": no verb; "…, serta bank-bank lain yang …": a list's item
    s0, e0 = trim_tokens(ctx, a, k)
    if n_words(ctx, s0, e0) >= ctx.L.min_claim_tokens:
        s, e = ctx.span(s0, e0)
        d.units.append(Unit(s, e, standalone([ctx.text[s:e]]), d.sentence, d.speaker, list(d.spans),
                            role="before-relative", cue=d.cue))


def _fronted_participle(d: _Decomposition, a: int, k: int, b: int) -> bool:
    """Does the sentence open with a verb phrase that has no subject and leads to the main clause
    after a comma ("Mengantisipasi meningkatnya jumlah penumpang yang …, PT KAI mengoperasikan …",
    "Mendengar teriakan …, warga yang berada di sekitar lokasi ikut …")? The noun before the
    relative is then part of a purpose or circumstance, or the main subject cut off its predicate:
    no claim's end (helper idfix)."""
    ctx = d.ctx
    s0 = trim_tokens(ctx, a, k)[0]
    start = ctx.span(s0, s0 + 1)[0]
    if not opens_with_verb_phrase(ctx, s0, k) or ctx.text[d.sentence[0]:start].strip(" \"“'‘«"):
        return False  # a subject before the verb, or a verb inside the sentence (a carried conjunct)
    end = ctx.idx.between(start, d.sentence[1]).stop  # a comma splice may have ended the stretch at the comma
    comma = next((t for t in range(s0 + 1, end) if ctx.word(t) == ","), None)
    return comma is not None and first_verb_at(ctx, comma + 1, end) is not None


def _nonrestrictive(d: _Decomposition, a: int, b: int, k: int, subject: str) -> int:
    """The claim of ", yang …" at token k; where the main claim ends (-1: it was written here)."""
    ctx = d.ctx
    ant_start, ant = noun_before_relative(ctx, k - 1, a, subject)
    r_end = _inner_clause_end(ctx, k + 1, b)
    if r_end == b and antecedent_only(ctx, a, ant_start, k):
        r_end = unlisted_predicate_comma(ctx, k + 1, b)
    s, e = ctx.span(k, r_end)
    if n_words(ctx, k + 1, r_end) < ctx.L.min_claim_tokens - 1:
        return b
    on_clause = describes_clause(ctx, a, ant_start)
    if not on_clause:
        ant_start, ant = past_examples_opener(ctx, *determined_antecedent(ctx, ant_start, k - 1, ant), k - 1)
    start = relative_claim_start(ctx, ant_start, k, s)
    ant = relative_antecedent(ctx, k, ant)
    if on_clause:
        start = ctx.span(trim_tokens(ctx, a, k, residual=True)[0], k)[0]
    d.units.append(Unit(start, e, standalone([ctx.text[start:e]] if on_clause else [ant, ctx.phrase(k + 1, r_end)]),
                        d.sentence, d.speaker, list(d.spans), role="nonrestrictive", cue=d.cue))
    first = first_predicate_end(ctx, k, r_end)
    if first is not None:
        f_end = ctx.span(k, first)[1]
        words = [ctx.text[start:f_end]] if on_clause else [ant, ctx.phrase(k + 1, first)]
        d.units.append(Unit(start, f_end, standalone(words),
                            d.sentence, d.speaker, list(d.spans), role="relative-conjunct", cue=d.cue))
    if r_end == b:
        return -1 if antecedent_only(ctx, a, ant_start, k) else k - 1
    # "NATO, yang didirikan pada 1949, kini memiliki 32 anggota": the main claim keeps its whole
    # span; its text leaves the inserted clause out
    d.units.append(Unit(*ctx.span(a, b), standalone([ctx.phrase(a, k - 1), ctx.phrase(r_end + 1, b)]),
                        d.sentence, d.speaker, list(d.spans), role="main", cue=d.cue, skip=(s, e)))
    return -1


def _agent_relative(d: _Decomposition, a: int, b: int, k: int) -> None:
    """ "dana … yang diusulkan oleh Stoltenberg": a claim that the named agent did it."""
    ctx = d.ctx
    L = ctx.L
    v = k + 1
    if not (v < b and ctx.is_verb(v) and L.passive_agent):
        return
    agent = next((t for t in range(v + 1, min(b, v + 6)) if ctx.word(t) == L.passive_agent), None)
    if agent is None or agent + 1 >= b or not ctx.is_cap(agent + 1):
        return
    z = agent + 1
    while z < b and ctx.is_cap(z) and ctx.is_word(z):
        z += 1
    ant_start, ant = noun_before_relative(ctx, k, a, "")
    if ant and ant_start < k:
        s, e = ctx.span(ant_start, z)
        d.units.append(Unit(s, e, standalone([ant, ctx.phrase(v, z)]), d.sentence, d.speaker,
                            list(d.spans), role="relative", cue=d.cue))



def _tagged_role(units: list[Unit], role: str) -> list[Unit]:
    for u in units:
        if u.role == "main":
            u.role = role
    return units


def _parts(ctx: Ctx, a: int, b: int, words: list[str], like: Unit) -> list[Unit]:
    """Claims inside the clause a..b-1 besides the whole: one per enumerated item (from the
    clause's start to the item's end) and the clause after a cause or time connective."""
    head = words[:-1] if len(words) > 1 else []  # a restated subject stays in front
    out = []
    ends = claimed_items(ctx, a, enumeration_ends(ctx, a, b), b)
    out += enumerated_items(ctx, (a, b), ends, head, like)
    out += clause_fact_parts(ctx, a, b, head, like)
    out += figure_items(ctx, a, b, head, like, MAX_ITEMS - len(ends))  # output linear in the text
    out += appositive_parts(ctx, a, b, head, like)
    out += participle_parts(ctx, a, b, like)
    out += complement_parts(ctx, a, b, like)
    out += object_relative_parts(ctx, a, b, like)
    out += [part_unit(ctx, a, end, head, like, "wish-predicate") for end in wish_predicate_ends(ctx, a, b)]
    out += [part_unit(ctx, s, e, [], like, "glossed-figure") for s, e in glossed_figures(ctx, a, b)]
    out += [worded_part(ctx, s, e, words, like, "measured-noun") for s, e, words in measured_noun_phrases(ctx, a, b)]
    out += [part_unit(ctx, *trim_tokens(ctx, s, e), [], like, "owner") for s, e in owned_phrases(ctx, a, b)]
    if label_positions(ctx):  # most articles list no numbered unit
        out += [labelled_item(ctx, s, e, like, "labelled-list") for s, e in labelled_list_items(ctx, a, b)
                if (s, e) != (a, b)]
    out += subordinate_clauses(ctx, a, b, like)
    effect = cause_head_end(ctx, a, b)
    if effect is not None:
        c_end = trim_tokens(ctx, a, effect)[1]
        out.append(part_unit(ctx, a, c_end, head, like, "effect"))
    c = subordinate_start(ctx, a, b)
    if c is not None and not (ctx.word(c - 1) in ctx.L.simultaneity_subordinators and unreal_before(ctx, a, c - 1)) \
            and not only_then(ctx, a, c - 1):
        c, d = trim_tokens(ctx, c, b)
        if n_words(ctx, c, d) >= ctx.L.min_claim_tokens:
            out.append(part_unit(ctx, c, d, [], like, "subordinate"))
            out += subject_item_parts(ctx, c, d, like)
    return out


def subordinate_clauses(ctx: Ctx, a: int, b: int, like: Unit) -> list[Unit]:
    """ "Mark-Viverito has served as a surrogate this week as Clinton continues to lead in polls":
    a clause after a subordinator (``subordinators``) with a subject and a verb of its own states
    a fact besides the whole; a claim from its subject to the next punctuation or subordinator.
    On where the table sets ``subordinate_clauses`` (English; Indonesian names its connectives
    under ``fact_subordinators``)."""
    L = ctx.L
    if not clause_table(L.code).subordinate_clauses or L.subordinators.isdisjoint(ctx.idx.lower[a + 1:b - 1]) \
            or ends_as_question(ctx, like.sentence, b):
        return []
    out: list[Unit] = []
    verb = next((t for t in range(a, b) if ctx.is_verb(t)), b)
    for k in range(verb + 1, b - 1):
        if not _opens_fact_clause(ctx, a, k, b):
            continue  # "has once again breached": an adverb, no clause after a subordinator
        end = next((t for t in range(k + 2, b) if ctx.word(t) in CLAUSE_ENDS or ctx.word(t) in L.subordinators
                    or is_dash(ctx, t)), b)
        if _states_a_fact(ctx, k + 1, end) and not _irrealis_time(ctx, a, k, end):
            s, e = trim_tokens(ctx, k + 1, end - 1 if ctx.word(end - 1) in L.coordinators else end)
            out.append(part_unit(ctx, s, e, [], like, "subordinate-clause"))
    return out[:MAX_ITEMS]


def _opens_fact_clause(ctx: Ctx, a: int, k: int, b: int) -> bool:
    """Does the subordinator at k open a clause (not an adverb's use) that is no comparison's measure?"""
    return opens_subordinate(ctx, k, b) and not _closes_comparison(ctx, a, k)


def _closes_comparison(ctx: Ctx, a: int, k: int) -> bool:
    """Does the subordinator at k repeat the word two tokens before it, closing a comparison ("go as
    far as your heart will take you", "as popular as Reagan was", "as well as his support")? What
    follows is the measure of the comparison, no fact of its own. Not a comparison's words that join
    a list's items (``list_comparatives``: "his vote, as well as his support for a bill that …")."""
    if k - 2 < a or ctx.word(k - 2) != ctx.word(k) or not ctx.is_word(k - 1):
        return False
    return " ".join(ctx.word(t) for t in range(k - 2, k + 1)) not in clause_table(ctx.L.code).list_comparatives


def _irrealis_time(ctx: Ctx, a: int, k: int, end: int) -> bool:
    """Is the subordinator at k a time word that tells of what may happen, not of a fact: with a
    modal first in its own clause ("until you can prove …", "when he would trick Americans …"), or
    under a modal with a verb not in the past ("Clinton could have 90% after all the votes are
    counted"; not "will not be prosecuted after prosecutors determined …")?"""
    L = ctx.L
    if ctx.word(k) not in L.time_subordinators:
        return False
    verb = k + 1 + (clause_subject_len(ctx, k + 1, end) or 0)
    if verb >= end:
        return False
    if ctx.word(verb) in L.irrealis_modals:
        return True
    return any(ctx.word(t) in L.irrealis_modals for t in range(a, k)) and not _past_form(ctx, verb)


def _past_form(ctx: Ctx, t: int) -> bool:
    """Is token t a verb in the past: a regular ending (``past_endings``) or an event marker ("was")?"""
    word = ctx.word(t)
    return word.endswith(ctx.L.past_endings) or bool(ctx.L.event_markers.pattern.fullmatch(word))


def _states_a_fact(ctx: Ctx, u: int, end: int) -> bool:
    """Do tokens u..end-1 make a clause that says something: a subject that is more than an
    article ("as a weakened America"), a lower-case verb that is no participle on a noun ("as part
    of a lawsuit brought by …") and something after the verb (not "since the recession began",
    which only dates the main clause)?"""
    L = ctx.L
    n = clause_subject_len(ctx, u, end)
    if not n or ctx.word(u + n - 1) in L.np_articles:
        return False  # "after meeting Thursday", "as one of her surrogates": no clause of its own
    verb = skip_modifiers(ctx, u + n, end)
    if verb + 1 >= end or any(ctx.is_cap(t) for t in range(u + n, verb + 1)):
        return False  # "as the Plan B for …", "when it votes May 10"
    return verb > u + n or ctx.word(verb + 1) != L.passive_agent


def quote_claims(ctx: Ctx, i: int, j: int, quote: Unit) -> list[Unit]:
    """The claims of a quote sentence (tokens i..j-1, the unit ``quote``): where the language's
    table says so (``split_quotes``), the clauses, items and causes it runs together, split as the
    outlet's own text is, each still verbatim and the speaker's; else the sentence whole."""
    if not ctx.L.split_quotes:
        return [quote]
    if interrupted_fragment(ctx, i, j, quote.sentence[1]):
        return []
    parts = decompose(ctx, i, j, quote.sentence, quote.speaker, quote.spans, cue=quote.cue)
    if not parts or [(u.start, u.end) for u in parts] == [(quote.start, quote.end)]:
        return [quote]
    for u in parts:
        u.quote = True
        u.rules = (*quote.rules, QUOTE_SPLIT, f"decompose.{u.role}")
    return parts


def _final_appositive_cut(d: _Decomposition, a: int, b: int) -> int:
    """ "Wasserman Schultz stepped down as DNC chair on July 24, the day before the big gathering
    … was set to commence": a noun phrase set off by a comma or dash at the end of the clause
    says what the noun before it is, a claim of its own; the clause's claim ends before it (the
    guideline's smallest span). Its claim is written here, unless a name comes before it (the
    name's appositive rule writes "Paul Manafort, a seasoned operative …"). Where the table sets
    ``final_appositives``; returns where the clause's claim ends."""
    ctx = d.ctx
    if not clause_table(ctx.L.code).final_appositives:
        return b
    cut = final_appositive(ctx, a, b)
    if cut is None:
        return b
    k, opener = cut
    if not ctx.is_cap(k - 1) and n_words(ctx, opener, b) >= ctx.L.min_claim_tokens:
        # the claim says what the noun is: "July 24 is the day before …"
        noun = object_np_start(ctx, a, k)
        if not (ctx.word(noun) in object_relative_words(ctx.L.code).determiners or ctx.is_cap(noun)
                or ctx.word(noun)[:1].isdigit()):
            noun = k  # "… qualify, a move that survived court challenges": it says what the clause is
        s, e = ctx.span(noun if noun < k else opener, b)
        # a name or date is what its appositive says ("July 24 is the day before …"); after a common
        # noun the phrase may sum up the clause ("… inside the hall — a message that …"): verbatim
        named = noun < k and (ctx.is_cap(noun) or ctx.word(noun)[:1].isdigit())
        words = [ctx.phrase(noun, k), ctx.L.copula, ctx.phrase(opener, b)] if named else [ctx.text[s:e]]
        d.units.append(Unit(s, e, standalone(words), d.sentence, d.speaker, list(d.spans),
                            role="final-appositive", cue=d.cue))
    return k
