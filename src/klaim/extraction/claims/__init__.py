"""Claims: decomposition, attribution, modality, type, time, entities, check-worthiness.

``extract`` is the only public function. The stages live in small modules, one concept each:
``_units`` (quotes, attributed content, publisher text), ``_attribution`` (cue rules) with
``_speaker_phrases``, ``_speakers`` and ``_names`` (who a speaker phrase names), ``_decompose``
(atomic claims) with ``_split_points``, ``_part_finders``, ``_relatives``, ``_subjects``,
``_phrases`` and ``_trimming``, ``_discourse`` (who speaks across sentences and paragraphs, over
the people and organisations of ``_mentions``), ``_standalone`` (claim text with its references
restated), ``_modality``, ``_typing``, ``_entities`` and ``_worthiness``. docs/architecture.md
maps every module. All language knowledge comes from ``klaim/lang/<lang>.claims.yaml``.
"""

from __future__ import annotations

import gc
import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from klaim.dates import parse_iso_date
from klaim.errors import InputError
from klaim.extraction.claims import _lang
from klaim.extraction.claims._boilerplate import drop_non_claims
from klaim.extraction.claims._claim_unit import Unit
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._discourse import attribute_discourse
from klaim.extraction.claims._entities import entities
from klaim.extraction.claims._modality import RELATIVE_CLAIMS, denied, modality, relative_content_start
from klaim.extraction.claims._speakers import Registry, SpeakerRef
from klaim.extraction.claims._standalone_time import with_time
from klaim.extraction.claims._typing import typed
from klaim.extraction.claims._units import article_units
from klaim.extraction.claims._worthiness import score
from klaim.extraction.figures import find_figures
from klaim.extraction.text import MAX_ARTICLE_CHARS, TokenIndex, check_text
from klaim.schema import (
    Claim,
    Entity,
    Figure,
    FigureKind,
    Span,
    Speaker,
    TimeRef,
    lone_surrogate,
    make_claim_id,
    unverified,
)

EXTRACTOR = "klaim-rules"
EXTRACTOR_VERSION = "0.18.0"

__all__ = ["EXTRACTOR", "EXTRACTOR_VERSION", "explain", "extract"]


def _as_date(published: date | str | None) -> date | None:
    return parse_iso_date(published, "published")


def article_id_for(text: str) -> str:
    """A stable identifier derived from the text alone."""
    return "a" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def extract(text: str, lang: str = "id", published: date | str | None = None,
            article_id: str | None = None, *, max_chars: int | None = MAX_ARTICLE_CHARS) -> list[Claim]:
    """Atomic, attributed claims of ``text``, sorted by (start, end), deterministic.

    Time and output grow linearly with the text. A text longer than ``max_chars`` characters
    (default ``klaim.extraction.text.MAX_ARTICLE_CHARS``, 10 million; ``None``: no limit) raises
    ``ArticleTooLarge``; a lone surrogate raises ``InputError``. A claim's sentence is at most
    ``klaim.extraction.text.MAX_SENTENCE_CHARS`` characters: run-on text is cut into pieces of
    at most that length.
    """
    check_text(text, max_chars)
    pub = _as_date(published)
    L = _lang.get(lang)
    aid = _checked_article_id(article_id) or article_id_for(text)
    if not text.strip():
        return []
    with _no_cyclic_gc():
        return _extract(text, lang, L, pub, aid)


def _checked_article_id(article_id: object) -> str | None:
    """``article_id`` if it is None or text UTF-8 can encode: the claims are built without
    validation (``_Model.trusted``), so the one value from the caller they carry is checked here."""
    if article_id is None:
        return None
    if not isinstance(article_id, str):
        raise InputError(f"article_id must be a str, got {type(article_id).__name__}")
    if lone_surrogate(article_id) is not None:
        raise InputError(f"article_id {article_id!r} holds a lone surrogate (not valid Unicode text)")
    return article_id


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while one article is extracted, then restore it.

    Extraction builds several hundred thousand long-lived objects per MB of text (tokens, spans,
    claims and their models) and frees them by reference counting: it makes no reference cycles
    (``gc.collect()`` after each of the 2,186 IndoSum and PolNeAR dev articles finds none). As
    those objects pile up the collector re-traverses them again and again and finds nothing:
    a quarter to a third of the CPU time of a dense 1 MB article (scripts/bench_pathological.py).
    The previous state is restored, so a caller that disabled the collector keeps it disabled.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _extract(text: str, lang: str, L: _lang.Lang, pub: date | None, aid: str) -> list[Claim]:
    ctx = Ctx(text, TokenIndex(text), L)
    reg = Registry(ctx)
    # each sentence read alone, then the article as a discourse: accounts, pronouns, standalone text
    units = attribute_discourse(ctx, reg, article_units(ctx, reg))
    figures = sorted(find_figures(text, lang, pub, max_chars=None), key=lambda f: (f.start, f.end))
    fig_starts = [f.start for f in figures]
    # entities are found once per sentence (after attribution has named the people) and shared
    # by the claims that contain them: overlapping claims would otherwise rescan the same words
    ents: list[Entity] = []
    for first, last in sorted({u.sentence for u in units}):
        ents += entities(ctx, reg, first, last, first)
    ent_starts = [en.start for en in ents]
    seen: set[tuple[int, int]] = set()
    # a sentence's span and dates, and each time reference, are built once and shared by the
    # claims that carry them (as figures and entities are): run-on text has many per sentence
    sentences: dict[tuple[int, int], list[Figure]] = {}
    times: dict[tuple[str, str], TimeRef] = {}
    made = _Shared(text)
    claims = []
    for u in sorted(units, key=lambda u: (u.start, u.end)):
        if (u.start, u.end) in seen:
            continue
        seen.add((u.start, u.end))
        if u.sentence not in sentences:
            sentences[u.sentence] = [f for f in _within(figures, fig_starts, *u.sentence) if _is_date(f)]
        dates = sentences[u.sentence]
        figs = _within(figures, fig_starts, u.start, u.end)
        claims.append(_claim(ctx, u, aid, figs, made, _within(ents, ent_starts, u.start, u.end),
                             _time(figs, dates, pub, times), pub))
    return drop_non_claims(ctx, claims)


class _Shared:
    """Spans and speakers built once per article and shared by the claims that carry them, as
    sentences, figures and entities are: an attribution's span and speaker serve every claim
    split from its content, and most claims have the publisher as their speaker."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: dict[tuple[int, int], Span] = {}
        self.speakers: dict[SpeakerRef, Speaker] = {}
        # the same SpeakerRef object serves every claim of an attribution: found by identity
        # first, without hashing its fields (the ref is kept, so its id is not reused)
        self.by_id: dict[int, tuple[SpeakerRef, Speaker]] = {}

    def span(self, s: int, e: int) -> Span:
        made = self.spans.get((s, e))
        if made is None:
            made = self.spans[s, e] = _span(self.text, s, e)
        return made

    def speaker(self, ref: SpeakerRef) -> Speaker:
        same = self.by_id.get(id(ref))
        if same is not None and same[0] is ref:
            return same[1]
        made = self._speaker(ref)
        self.by_id[id(ref)] = (ref, made)
        return made

    def _speaker(self, ref: SpeakerRef) -> Speaker:
        # SpeakerRef equality leaves out ``via`` (how a pronoun was resolved), which a Speaker
        # does not carry
        made = self.speakers.get(ref)
        if made is None:
            mention = self.span(*ref.mention) if ref.mention else None
            made = self.speakers[ref] = Speaker.trusted(kind=ref.kind, name=ref.name, role=ref.role,
                                                        organisation=ref.organisation, mention=mention, cue=ref.cue)
        return made


def _within(items: list, starts: list[int], s: int, e: int) -> list:
    """Figures or entities lying inside [s, e) (``items`` sorted by start)."""
    lo, hi = bisect_left(starts, s), bisect_right(starts, e)
    return [f for f in items[lo:hi] if f.end <= e]


def _is_date(f: Figure) -> bool:
    return f.kind == FigureKind.date and bool(f.iso)


def _time(claim_figs: list[Figure], sentence_dates: list[Figure], pub: date | None,
          made: dict[tuple[str, str], TimeRef]) -> TimeRef | None:
    """A date in the claim, else one in its sentence ("Kamis malam, …"), else the publication date."""
    key = next(((f.iso, "text") for figs in (claim_figs, sentence_dates) for f in figs if f.iso and _is_date(f)),
               (pub.isoformat(), "published") if pub else None)
    if key is None:
        return None
    if key not in made:
        made[key] = TimeRef(iso=key[0], source=key[1])
    return made[key]


def _span(text: str, s: int, e: int) -> Span:
    return Span.trusted(start=s, end=e, surface=text[s:e])


def _rules(u: Unit) -> list[str]:
    made = list(u.rules) if u.quote else [*u.rules, f"decompose.{u.role}"]
    return [*made, *u.text_rules] if u.text_rules else made


_DEFAULT_VERDICT = frozenset({"verdict"})
_DIRECT_CONTENT = "unit.attributed"

def _claim(ctx: Ctx, u: Unit, aid: str, figs: list[Figure], made: _Shared, ents: list[Entity],
           time: TimeRef | None, pub: date | None) -> Claim:
    surface = ctx.text[u.start:u.end]
    skip = ctx.skip = u.skip
    mod_start = relative_content_start(ctx, u.start, u.end) if u.role in RELATIVE_CLAIMS else u.start
    mod, mod_rules = modality(ctx, mod_start, u.end, u.cue, figs)
    type_figs = [f for f in figs if not skip[0] <= f.start < skip[1]] if skip else figs
    ctype, type_rule = typed(ctx, u, type_figs, mod, pub)
    if _DIRECT_CONTENT in u.rules:  # not an account carried on from a denial
        mod, mod_rules = denied(ctx, u.cue, u.start, mod, mod_rules)
    ctx.skip = None
    u = with_time(ctx.text, u, figs, pub, ctx.L.code, mod)
    worth, reasons = score(surface, ctx.L.code, claim_type=ctype, modality=mod, figures=figs,
                           entities=_outside_money(ents, figs), speaker_kind=u.speaker.kind)
    # every field in order (the fast path of ``trusted``); the verdict is the default one
    return Claim.trusted(
        _DEFAULT_VERDICT, claim_id=make_claim_id(aid, u.start, u.end), article_id=aid, lang=ctx.L.code, text=u.text,
        start=u.start, end=u.end, surface=surface, sentence=made.span(*u.sentence),
        spans=[made.span(*sp) for sp in u.spans], claim_type=ctype, figures=figs,
        speaker=made.speaker(u.speaker), modality=mod, time=time,
        entities=ents, check_worthiness=_unit_interval(worth), check_worthiness_reasons=reasons,
        rules=[*_rules(u), *mod_rules, type_rule], verdict=unverified(),
        extractor=EXTRACTOR, extractor_version=EXTRACTOR_VERSION,
    )


def _outside_money(ents: list[Entity], figs: list[Figure]) -> list[Entity]:
    """The entities that are not part of a sum of money ("US" of "US$46 million", "Rp52,8" of
    "Rp52,8 triliun", "RM52.8"): a currency's sign names no one, and the figure already counts
    for the claim's worthiness; counted again as an entity it would lift a claim twice."""
    money = [(f.start, f.end) for f in figs if f.kind == FigureKind.money]
    if not money or not ents:
        return ents
    return [en for en in ents if not any(a <= en.start and en.end <= b for a, b in money)]


def _unit_interval(score: float) -> float:
    """The score as the float a validated ``Claim`` holds, checked to lie in [0, 1]."""
    if not 0.0 <= score <= 1.0:
        raise ValueError(f"check-worthiness {score} lies outside [0, 1]")
    return float(score)


def explain(claims: list[Claim]) -> str:
    """Each claim with its span, speaker, modality and the rules that produced it, for reading."""
    lines = []
    for c in claims:
        who = c.speaker.kind.value + (f": {c.speaker.name}" if c.speaker.name else "")
        cue = f" (cue {c.speaker.cue!r})" if c.speaker.cue else ""
        lines.append(f"[{c.start}:{c.end}] {c.claim_type.value}, {c.modality.value}, {who}{cue}")
        lines.append(f"  {c.text}")
        lines.append(f"  rules: {' > '.join(c.rules) or '-'}")
    return "\n".join(lines)
