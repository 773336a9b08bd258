"""Claim text that stands alone: references replaced by what they refer to."""

from __future__ import annotations

from collections.abc import Callable

from klaim.extraction.claims._attribution import SpeakerRef
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._decompose import Unit
from klaim.extraction.claims._mentions import Mentions


def decontextualise(ctx: Ctx, mentions: Mentions, antecedent: Callable[[int], SpeakerRef | None],
                    units: list[Unit]) -> list[Unit]:
    return units
