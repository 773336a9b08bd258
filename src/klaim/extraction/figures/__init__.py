"""Find and normalise figures (numbers, money, percentages, dates, durations) in news text.

The grammar is shared; every word it knows comes from ``klaim/lang/<lang>.figures.yaml``.
"""

from __future__ import annotations

from datetime import date

from klaim.extraction.text import MAX_ARTICLE_CHARS, check_text
from klaim.schema import Figure


def find_figures(text: str, lang: str = "id", reference_date: date | str | None = None, *,
                 max_chars: int | None = MAX_ARTICLE_CHARS) -> list[Figure]:
    """Every figure in ``text``, sorted by start and non-overlapping, with ``text[start:end] == surface``.

    ``reference_date`` (usually the publication date) grounds relative dates: "Kamis malam",
    "bulan Juli". Qualifiers ("sekitar", "more than") are not part of a figure's span; they set
    ``approximate`` and ``qualifier``. The counted noun and a rate phrase ("per bulan") are fields,
    not part of the span.

    Text longer than ``max_chars`` characters (default
    ``klaim.extraction.text.MAX_ARTICLE_CHARS``; ``None``: no limit) raises ``ArticleTooLarge``;
    a lone surrogate raises ``InputError``.
    """
    from klaim.extraction.figures._grammar import find

    check_text(text, max_chars)
    if not text:
        return []
    return find(text, lang, reference_date)


__all__ = ["find_figures"]
