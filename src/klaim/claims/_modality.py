"""Modality of a claim from cue words in the language table.

Precedence, strongest first: uncertain ("masih belum jelas") > hedged ("kemungkinan") >
conditional > negated > future > asserted. A conditional needs its condition at the start of the
claim or a future/modal word: "leaders worry about X if Y" asserts the worry, while "if Y, NATO
will …" is a conditional prediction.
"""

from __future__ import annotations

from klaim.claims._context import Ctx
from klaim.schema import Modality


def _negation(ctx: Ctx, s: int, e: int) -> bool:
    """A negation cue that is not inside a purpose clause or a fixed compound ("tak berawak")."""
    L = ctx.L
    for m in L.negated.find(ctx.text, s, e):
        blocked = False
        for b in L.negation_blockers.find(ctx.text, max(s, m.start() - 12), min(e, m.end() + 12)):
            if b.start() <= m.start() <= b.end() + 1:
                blocked = True
                break
        if not blocked:
            return True
    return False


def modality(ctx: Ctx, s: int, e: int, cue: str | None = None) -> Modality:
    L = ctx.L
    text = ctx.text
    if L.uncertain.first(text, s, e):
        return Modality.uncertain
    if L.hedged.first(text, s, e) or (cue and L.hedged.pattern.fullmatch(cue.lower())):
        return Modality.hedged
    cond = L.conditional.first(text, s, e)
    if cond and (cond.start() - s <= 1 or L.conditional_needs.first(text, s, e)):
        return Modality.conditional
    if _negation(ctx, s, e):
        return Modality.negated
    if L.future.first(text, s, e):
        return Modality.future
    return Modality.asserted
