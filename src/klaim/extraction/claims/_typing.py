"""Claim type (AVeriTeC-style) from what the claim says: its cues, figures and modality.

The guideline's `quote` (someone's verbatim words) is how a claim was said, not what it says;
annotators following the guideline type a verbatim quote by its content (a prediction, a cause, a
figure, an assessment), so klaim does too and keeps the verbatim status in ``Claim.rules``."""

from __future__ import annotations

from datetime import date

from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._decompose import Unit
from klaim.schema import ClaimType, Figure, FigureKind, Modality

_QUANTITIES = frozenset({FigureKind.cardinal, FigureKind.money, FigureKind.percent, FigureKind.quantity})


def is_numeric(f: Figure) -> bool:
    """A figure worth checking as a number: a value, not "satu negara" (one, as an article)."""
    if f.kind not in _QUANTITIES:
        return False
    # vague amounts ("beberapa", "multi-miliar") have only a lower bound: nothing exact to check
    return f.value is not None and not (f.kind == FigureKind.cardinal and f.value == 1)


def _old_date(figures: list[Figure], published: date | None, years: int) -> bool:
    """A date in the claim well before publication ("pada 1949") marks history."""
    if published is None:
        return False
    for f in figures:
        if f.kind == FigureKind.date and f.iso and f.iso[:4].isdigit() and int(f.iso[:4]) < published.year - years:
            return True
    return False


def _quote_type(ctx: Ctx, u: Unit) -> ClaimType:
    """A verbatim quote with no more specific type is the speaker's position, unless it reports a
    completed event ("sudah kami salurkan", "we were told"). That it is verbatim stays in the
    claim's rules (``unit.quote``)."""
    return ClaimType.event_property if ctx.cues(ctx.L.event_markers, u.start, u.end) else ClaimType.position


def claim_type(ctx: Ctx, u: Unit, figures: list[Figure], modality: Modality,
               published: date | None = None) -> ClaimType:
    """Typed by what the claim says, first match wins: prediction, background, causal, numerical,
    position, then a quote's position or event, else event."""
    L = ctx.L
    if modality in (Modality.future, Modality.conditional):
        return ClaimType.prediction
    if u.role == "nonrestrictive" or ctx.cues(L.background, u.start, u.end) \
            or _old_date(figures, published, L.background_years):
        return ClaimType.background
    if ctx.cues(L.causal, u.start, u.end):
        return ClaimType.causal
    if any(is_numeric(f) for f in figures):
        return ClaimType.numerical
    if ctx.cues(L.position, u.start, u.end) or (u.cue and L.position.pattern.fullmatch(u.cue.lower())):
        return ClaimType.position
    return _quote_type(ctx, u) if u.quote else ClaimType.event_property
