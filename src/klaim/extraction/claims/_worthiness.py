"""Check-worthiness in [0, 1] with the reasons that moved it.

Figures, named sources and concrete past events make a claim worth checking; opinions,
predictions, first-person quotes and ceremony make it less so. The weights are a transparent
prior, not a trained model: every reason is listed next to the score.
"""

from __future__ import annotations

from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._decompose import Unit
from klaim.extraction.claims._typing import is_numeric
from klaim.schema import ClaimType, Entity, Figure, FigureKind, Modality, SpeakerKind

BASE = 0.35


def worthiness(ctx: Ctx, u: Unit, ctype: ClaimType, modality: Modality, figures: list[Figure],
               entities: list[Entity], speaker_kind: SpeakerKind) -> tuple[float, list[str]]:
    L, text = ctx.L, ctx.text
    score, reasons = BASE, []

    def add(delta: float, reason: str) -> None:
        nonlocal score
        score += delta
        reasons.append(reason)

    if any(is_numeric(f) for f in figures):
        add(0.3, "contains a figure")
    if any(f.kind in (FigureKind.date, FigureKind.time) for f in figures):
        add(0.05, "dated")
    if speaker_kind in (SpeakerKind.person, SpeakerKind.organisation):
        add(0.1, "named source")
    elif speaker_kind in (SpeakerKind.group, SpeakerKind.anonymous):
        add(0.05, "unnamed source")
    if entities:
        add(0.1, "names an entity")
    if ctype in (ClaimType.event_property, ClaimType.numerical, ClaimType.causal) and \
            modality in (Modality.asserted, Modality.negated):
        add(0.1, "concrete event")
    if ctype == ClaimType.position:
        add(-0.15, "opinion")
    if ctype == ClaimType.prediction or modality == Modality.future:
        add(-0.1, "prediction")
    if modality in (Modality.hedged, Modality.uncertain):
        add(-0.05, "hedged")
    if u.quote and ctx.cues(L.first_person, u.start, u.end):
        add(-0.15, "first-person opinion")
    if ctx.cues(L.ceremony, u.start, u.end):
        add(-0.2, "ceremony")
    if len(text[u.start:u.end].split()) < 6:
        add(-0.15, "short")
    return round(min(1.0, max(0.0, score)), 3), reasons
