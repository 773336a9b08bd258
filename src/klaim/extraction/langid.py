"""Which language an article is in, with a packaged identifier (py3langid; no download).

Only the languages klaim has tables for are candidates: an article goes through one language's
rules, and a guess outside them could not be used anyway. A second identifier over every language
only says when a text reads confidently as none of them.
"""

from __future__ import annotations

from functools import lru_cache

from klaim.extraction.lang import available, extends

MIN_CONFIDENCE = 0.95  # below this the text is too short or mixed to contradict what was stated
SAMPLE_CHARS = 20_000  # what the identifier reads of a text: plenty to be sure, bounded on huge input


def _load():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _identifier():
    ident = _load()  # its own copy: set_languages narrows it in place
    ident.set_languages(available("claims"))
    return ident


@lru_cache(maxsize=1)
def _any_language_identifier():
    return _load()


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence 0..1) among the languages klaim supports.

    A language whose tables extend a neighbour's (Malay over Indonesian) is chosen only when the
    identifier is sure: the two are hard to tell apart in a sentence or two (on 2,861 short
    Indonesian sentences of the dev data, 215 rank Malay first, none of them at 0.95), and the
    neighbour's rules read the other language well enough, while the extension's words (Malay
    "mendakwa" claims, Indonesian "mendakwa" indicts) would misread the neighbour."""
    ranked = {str(lang): float(prob) for lang, prob in _identifier().rank(text[:SAMPLE_CHARS])}
    lang = max(ranked, key=ranked.__getitem__)
    base = extends(lang)
    if base is not None and base in ranked and ranked[lang] < MIN_CONFIDENCE:
        # the confidence is the pair's: sure it is one of the two, not sure which
        return base, ranked[base] + ranked[lang]
    return lang, ranked[lang]


def disagreement(stated: str, text: str) -> str | None:
    """A warning when the text is confidently in another language than ``stated``."""
    lang, prob = detect(text)
    if lang != stated and prob >= MIN_CONFIDENCE and not _neighbours(lang, stated):
        return f"lang is {stated!r} but the text reads as {lang!r} ({prob:.0%} sure)"
    return None


def _neighbours(one: str, other: str) -> bool:
    """Whether one language's tables extend the other's: stating either for the other's text is
    no mistake worth a note (see ``detect``)."""
    known = available("claims")
    return one in known and other in known and (extends(one) == other or extends(other) == one)


def unsupported_language(text: str) -> tuple[str, float] | None:
    """(code, confidence) when the text confidently reads as a language klaim has no tables for.

    ``detect`` only chooses among supported languages, so a German article would be read as
    English without a word; this says so. A close language (Malay) reads well enough through its
    neighbour's rules (Indonesian), a distant one does not: the user decides. On IndoSum and
    PolNeAR (2,186 articles) it flags none."""
    lang, prob = _any_language_identifier().classify(text[:SAMPLE_CHARS])
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
