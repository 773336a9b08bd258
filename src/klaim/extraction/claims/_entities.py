"""Named entities in a claim: gazetteer look-up first, then capitalised-run heuristics."""

from __future__ import annotations

from klaim.extraction.claims._context import OPENING, Ctx
from klaim.extraction.claims._speakers import Registry
from klaim.extraction.text import mark_before
from klaim.schema import Entity, EntityLabel

_LABELS = {label.value: label for label in EntityLabel}


def _sentence_initial(ctx: Ctx, k: int, sentence_start: int) -> bool:
    if ctx.idx.spans[k][0] == sentence_start or k == 0:
        return True
    prev = mark_before(ctx.text, ctx.idx.spans[k - 1][1])
    return prev in OPENING or prev in ":-–—"


def _classify(ctx: Ctx, reg: Registry, a: int, b: int, after_role: bool,
              initial: bool) -> tuple[EntityLabel, str | None] | None:
    """The label (and canonical name) of the capitalised run a..b-1: a registered person, an
    organisation or place by its head word, a person after a role, else by its shape; None for
    a lone capitalised first word of a sentence."""
    name = ctx.phrase(a, b)
    person = reg.full.get(name.lower()) or (reg.by_token.get(name.lower()) if b - a == 1 else None)
    if person is not None:
        return EntityLabel.person, person.name
    by_head = _label_by_head(ctx, a)
    if by_head is not None:
        return by_head, None
    if after_role:
        return EntityLabel.person, None
    if b - a == 1 and initial:
        return None  # a capitalised first word is most often not a name
    return _label_by_shape(ctx, a, b, name), None


def _label_by_head(ctx: Ctx, a: int) -> EntityLabel | None:
    """An organisation ("Universitas …") or a place ("Kabupaten …") by its first word."""
    head = ctx.word(a)
    if head in ctx.L.organisation_heads:
        return EntityLabel.organisation
    if head in ctx.L.location_heads:
        return EntityLabel.location
    return None


def _label_by_shape(ctx: Ctx, a: int, b: int, name: str) -> EntityLabel:
    """An acronym is an organisation; two or three title-case words a person; else other."""
    if all(ctx.surface(k).isupper() for k in range(a, b)) and len(name) > 1:
        return EntityLabel.organisation
    if 2 <= b - a <= 3 and all(ctx.surface(k)[1:].islower() for k in range(a, b) if ctx.is_cap(k)):
        return EntityLabel.person
    return EntityLabel.other


def entities(ctx: Ctx, reg: Registry, s: int, e: int, sentence_start: int) -> list[Entity]:
    """The entities in [s, e), kept while the people registered stay the same (``Registry.derived``):
    the standalone stage reads every sentence's, and the claims then ask for the same sentences'
    again. The list returned is shared: read only."""
    key = ("entities", s, e, sentence_start)
    hit = reg.derived.get(key)
    if hit is None:
        hit = reg.derived[key] = _entities(ctx, reg, s, e, sentence_start)
    return hit


def _entities(ctx: Ctx, reg: Registry, s: int, e: int, sentence_start: int) -> list[Entity]:
    idx = ctx.idx
    is_word, is_cap, lower, particles = idx.is_word, idx.is_cap, idx.lower, ctx.L.particles
    out: list[Entity] = []
    toks = idx.between(s, e)
    k, hi = toks.start, toks.stop
    while k < hi:
        if not (is_word[k] and is_cap[k]):
            k += 1
            continue
        j = k
        while j < hi and is_word[j] and (is_cap[j] or (lower[j] in particles and j + 1 < hi and is_cap[j + 1])):
            j += 1
        _run_entities(ctx, reg, k, j, sentence_start, out)
        k = j
    return out


def _run_entities(ctx: Ctx, reg: Registry, k: int, j: int, sentence_start: int, out: list[Entity]) -> None:
    """The entities of the capitalised run k..j-1: gazetteer entries, and the stretches between
    them and role words, classified."""
    L, lower, is_cap = ctx.L, ctx.idx.lower, ctx.idx.is_cap
    p, pending, after_role = k, None, False
    while p < j:
        # gazetteer_at and match_seq return nothing for a word that opens no entry: test that first
        n, hit = ctx.gazetteer_at(p, j) if is_cap[p] and lower[p] in L.gazetteer_first else (0, None)
        if hit is not None:
            _flush(ctx, reg, pending, p, after_role, sentence_start, out)
            pending = None
            a, b = ctx.span(p, p + n)
            out.append(Entity.trusted(start=a, end=b, surface=ctx.text[a:b],
                                      label=_LABELS.get(hit[0], EntityLabel.other), canonical=hit[1]))
            p += n
            continue
        r = ctx.match_seq(p, L.roles, j) if lower[p] in L.roles.by_first else 0
        if r or lower[p] in L.not_names:
            _flush(ctx, reg, pending, p, after_role, sentence_start, out)
            pending = None
            after_role = bool(r)
            p += max(r, 1)
            continue
        pending = p if pending is None else pending
        p += 1
    _flush(ctx, reg, pending, j, after_role, sentence_start, out)


def _flush(ctx: Ctx, reg: Registry, pending: int | None, end: int, after_role: bool, sentence_start: int,
           out: list[Entity]) -> None:
    """The stretch pending..end-1 of a capitalised run, classified, as an entity."""
    if pending is None or end <= pending:
        return
    got = _classify(ctx, reg, pending, end, after_role, _sentence_initial(ctx, pending, sentence_start))
    if got is not None:
        a, b = ctx.span(pending, end)
        out.append(Entity.trusted(start=a, end=b, surface=ctx.text[a:b], label=got[0], canonical=got[1]))
