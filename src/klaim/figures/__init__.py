"""Find and normalise figures (numbers, money, percentages, dates, durations) in news text."""

from __future__ import annotations

from datetime import date

from klaim.schema import Figure


def find_figures(text: str, lang: str = "id", reference_date: date | str | None = None) -> list[Figure]:
    """Placeholder until the figure grammar lands: finds nothing."""
    return []
