"""Claims: decomposition, attribution, modality, type, time, entities, check-worthiness."""

from __future__ import annotations

from datetime import date

from klaim.schema import Claim

EXTRACTOR = "klaim-rules"


def extract(text: str, lang: str = "id", published: date | str | None = None,
            article_id: str | None = None) -> list[Claim]:
    """Placeholder until the claim extractor lands: finds nothing."""
    return []
