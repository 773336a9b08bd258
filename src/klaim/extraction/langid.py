"""Which language an article is in, with a packaged identifier (py3langid; no download).

Only the languages klaim has tables for are candidates: an article goes through one language's
rules, and a guess outside them could not be used anyway.
"""

from __future__ import annotations

from functools import lru_cache

from klaim.extraction.lang import available

MIN_CONFIDENCE = 0.95  # below this the text is too short or mixed to contradict what was stated


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(available("claims"))
    return ident


@lru_cache(maxsize=1)
def _any_language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence 0..1) among the languages klaim supports."""
    lang, prob = _identifier().classify(text[:20_000])
    return str(lang), float(prob)


def disagreement(stated: str, text: str) -> str | None:
    """A warning when the text is confidently in another language than ``stated``."""
    lang, prob = detect(text)
    if lang != stated and prob >= MIN_CONFIDENCE:
        return f"lang is {stated!r} but the text reads as {lang!r} ({prob:.0%} sure)"
    return None


def unsupported_language(text: str) -> tuple[str, float] | None:
    """(code, confidence) when the text confidently reads as a language klaim has no tables for.

    ``detect`` only chooses among supported languages, so a German article would be read as
    English without a word; this says so. A close language (Malay) reads well enough through its
    neighbour's rules (Indonesian), a distant one does not: the user decides. On IndoSum and
    PolNeAR (2,186 articles) it flags none."""
    lang, prob = _any_language_identifier().classify(text[:20_000])
    if lang in available("claims") or prob < MIN_CONFIDENCE:
        return None
    return str(lang), float(prob)


def unsupported_note(text: str, chosen: str) -> str | None:
    """The note for ``unsupported_language``, naming the language the text was read as."""
    found = unsupported_language(text)
    if found is None:
        return None
    lang, prob = found
    return (f"the text reads as {lang!r} ({prob:.0%} sure), a language klaim has no tables for; it was "
            f"read with the {chosen!r} rules (tables: {', '.join(available('claims'))})")
