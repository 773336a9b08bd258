"""Modality of a claim from cue words in the language table.

Precedence, strongest first: uncertain ("masih belum jelas") > hedged ("kemungkinan") >
conditional > negated > future > asserted. A conditional needs its condition at the start of the
claim or a future/modal word: "leaders worry about X if Y" asserts the worry, while "if Y, NATO
will …" is a conditional prediction.
"""

from __future__ import annotations

import re

from klaim.extraction.claims._context import Ctx
from klaim.schema import Modality

_BEFORE = re.compile(r"(\w+)\W*$")


def _in_relative(ctx: Ctx, s: int, pos: int) -> bool:
    """Is the cue right after a relative pronoun ("dokumen yang diduga …", "situasi yang tak
    kondusif")? Then it qualifies a noun, not the claim."""
    m = _BEFORE.search(ctx.text, max(s, pos - 20), pos)
    return bool(m) and m.group(1).lower() in ctx.L.relative


def _cue(ctx: Ctx, ph, s: int, e: int) -> bool:
    """A cue word written in lower case, or capitalised only at the claim's start ("May" the
    month or "Will" the name are not modal words), and not inside a relative clause."""
    text = ctx.text
    return any((a == s or not text[a].isupper()) and not _in_relative(ctx, s, a) for a, _ in ctx.cues(ph, s, e))


def _negation(ctx: Ctx, s: int, e: int) -> bool:
    """A negation cue that is not inside a purpose clause or a fixed compound ("tak berawak")."""
    L = ctx.L
    for a, b_ in ctx.cues(L.negated, s, e):
        if (a != s and ctx.text[a].isupper()) or _in_relative(ctx, s, a):
            continue
        blocked = False
        for bs, be in ctx.cues(L.negation_blockers, max(s, a - 40), min(e, b_ + 40)):
            if bs <= a <= be + 1:
                blocked = True
                break
        if not blocked:
            return True
    return False


def _hedge(ctx: Ctx, s: int, e: int) -> bool:
    """A hedge cue that is not part of a negated certainty ("tidak mungkin" is not "mungkin")."""
    blocked = ctx.cues(ctx.L.hedge_blockers, s, e)
    return any(not any(bs <= a < be for bs, be in blocked) and (a == s or not ctx.text[a].isupper())
               and not _in_relative(ctx, s, a) for a, _ in ctx.cues(ctx.L.hedged, s, e))


def _conditions(ctx: Ctx, s: int, e: int) -> list[tuple[int, int]]:
    """Condition cues, leaving out those that open a way of looking ("Apabila dicermati, …")."""
    conds = ctx.cues(ctx.L.conditional, s, e)
    if not conds:
        return conds
    blocked = ctx.cues(ctx.L.conditional_blockers, s, e)
    return [c for c in conds if not any(bs <= c[0] < be for bs, be in blocked)]


def modality(ctx: Ctx, s: int, e: int, cue: str | None = None) -> Modality:
    L = ctx.L
    if _cue(ctx, L.uncertain, s, e):
        return Modality.uncertain
    if _hedge(ctx, s, e) or (cue and L.hedged.pattern.fullmatch(cue.lower())):
        return Modality.hedged
    conds = _conditions(ctx, s, e)
    if conds and (conds[0][0] - s <= 1 or _cue(ctx, L.conditional_needs, s, e)):
        return Modality.conditional
    if _negation(ctx, s, e):
        return Modality.negated
    if _cue(ctx, L.future, s, e):
        return Modality.future
    return Modality.asserted
