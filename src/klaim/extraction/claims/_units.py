"""From an article to claim units: quotes, attributed content and the publisher's own text."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import replace

from klaim.extraction.claims._attribution import (
    PUBLISHER,
    Attribution,
    Registry,
    SpeakerRef,
    find_attributions,
)
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._decompose import Unit, decompose, n_words, standalone, trim_tokens
from klaim.extraction.text import Quote, paragraphs, quotes, sentences
from klaim.schema import SpeakerKind


def _significant(ctx: Ctx, q: Quote) -> bool:
    """A quotation long enough to be a statement; short ones are scare quotes inside a claim."""
    toks = ctx.idx.between(q.start, q.end)
    if _embedded(ctx.text, q):
        return False  # bisa "disalahkan karena tidak melihat" kekerasan …: a partial quote
    words = [k for k in toks if ctx.is_word(k)]
    n = len(words)
    if n and sum(ctx.is_cap(k) for k in words) >= 0.6 * n and n > 1:
        return False  # "Santa Perawan Maria Diangkat ke Surga": a quoted name or title
    return n >= ctx.L.min_quote_tokens or (n >= 2 and any(ctx.is_verb(k) for k in toks))


def _embedded(text: str, q: Quote) -> bool:
    """A quote inside a running clause: a word before the opening mark and a lower-case word
    after the closing one."""
    if q.close is None:
        return False
    before = text[max(0, q.open - 20):q.open].rstrip()[-1:]
    after = text[q.close + 1:q.close + 21].lstrip()[:1]
    return before.isalnum() and after.isalpha() and after.islower()


def article_units(ctx: Ctx, reg: Registry) -> list[Unit]:
    text = ctx.text
    sents = sentences(text, ctx.L.code)
    starts = [s for s, _ in sents]
    units: list[Unit] = []
    # (paragraph, speaker, spans, rules) of the last quote
    last_quote: tuple[int, SpeakerRef, list[tuple[int, int]], tuple[str, ...]] | None = None
    last_sentence: tuple[int, int, int] = (-2, 0, 0)  # (paragraph, first unit, end unit) of the sentence before
    for p_i, (ps, pe) in enumerate(paragraphs(text)):
        if ctx.L.boilerplate.match(text, ps):
            continue  # "Baca juga: …" links and similar page furniture carry no claim
        qs = [q for q in quotes(text, ps, pe) if _significant(ctx, q)]
        opens = [q.open for q in qs]
        para_sents = [se for se in sents[bisect_left(starts, ps):bisect_left(starts, pe)] if se[1] <= pe]
        # each sentence sees only the quotes that overlap it (a paragraph may hold thousands)
        near = {se: _overlapping(qs, opens, se) for se in para_sents}
        atts = {se: find_attributions(ctx, reg, se[0], se[1], [(q.open, q.start, q.end, q.close) for q in near[se]])
                for se in para_sents}
        q_att = _quote_attributions(qs, atts.values())
        for se in para_sents:
            s, e = se
            u0 = len(units)
            covered: list[tuple[int, int]] = []
            for q in near[se]:
                a0, b0 = max(q.start, s), min(q.end, e)
                if a0 >= b0:
                    continue
                covered.append((max(q.open, s), min((q.close if q.close is not None else q.end) + 1, e)))
                toks = ctx.idx.between(a0, b0)
                i, j = trim_tokens(ctx, toks.start, toks.stop, verbatim=True)
                if n_words(ctx, i, j) < 2:
                    continue
                a = q_att.get(q.open)
                rules: tuple[str, ...]
                if a is not None:
                    speaker, spans, rules = a.speaker, [a.span], ("unit.quote", a.rule)
                elif last_quote is not None and p_i - last_quote[0] <= 1:
                    # a quote paragraph goes on
                    speaker, spans = last_quote[1], list(last_quote[2])
                    rules = (*last_quote[3], "discourse.quote-continues")
                else:
                    speaker, spans, rules = PUBLISHER, [], ("unit.quote",)
                last_quote = (p_i, speaker, spans, rules[:2])
                cs, ce = ctx.span(i, j)
                units.append(Unit(cs, ce, standalone([text[cs:ce]]), se, speaker, spans, quote=True,
                                  cue=speaker.cue, rules=_with_via(rules, speaker)))
            for a in atts[se]:
                if a.anaphoric:
                    # "Hal itu disampaikan X …": what the publisher wrote just before is X's
                    if p_i - last_sentence[0] <= 1:
                        for t in range(last_sentence[1], last_sentence[2]):
                            u = units[t]
                            if u.speaker.kind == SpeakerKind.publisher and not u.quote:
                                rules = _with_via((*u.rules, a.rule, "discourse.anaphoric-handover"), a.speaker)
                                units[t] = replace(u, speaker=a.speaker, spans=[a.span], cue=a.speaker.cue,
                                                   rules=rules)
                    continue
                covered.append(a.span)
                if a.subject_span is not None:
                    covered.append(a.subject_span)
                if a.content is not None:
                    covered.append(a.content)
                    toks = ctx.idx.between(*a.content)
                    units += _tagged(decompose(ctx, toks.start, toks.stop, se, a.speaker, [a.span], para_start=ps,
                                               cue=a.speaker.cue,
                                               default_subject=a.subject or _named_mention(text, a.speaker),
                                               subject_prefix=a.subject if a.subject_span is not None else None),
                                     _with_via(("unit.attributed", a.rule), a.speaker))
            if _is_question(ctx, s, e):
                last_sentence = (p_i, u0, len(units))
                continue  # a question asks; only a quoted one (above) is kept, as what was said
            for rs, re_ in _uncovered(s, e, covered):
                toks = ctx.idx.between(rs, re_)
                # "…," kata Novel usai menghadiri …: a subject-less clause after an attribution is
                # about the speaker, though it is the publisher who reports it
                before = [a for a in atts[se] if a.span[1] <= rs]
                subject = _named_mention(text, before[-1].speaker) if before else None
                units += _tagged(decompose(ctx, toks.start, toks.stop, se, PUBLISHER, [],
                                           residual=bool(covered), para_start=ps, default_subject=subject),
                                 ("unit.publisher",))
            # only a sentence wholly the publisher's can be handed to a later "Hal itu disampaikan X"
            plain = not atts[se] and not any(units[t].quote for t in range(u0, len(units)))
            last_sentence = (p_i, u0, len(units)) if plain else (p_i, 0, 0)
    return units


def _with_via(rules: tuple[str, ...], speaker: SpeakerRef) -> tuple[str, ...]:
    return (*rules, speaker.via) if speaker.via else rules


def _tagged(units: list[Unit], rules: tuple[str, ...]) -> list[Unit]:
    for u in units:
        u.rules = rules
    return units


def _quote_attributions(qs: list[Quote], found: Iterable[list[Attribution]]) -> dict[int, Attribution]:
    """The attribution of each quote (by its opening mark): the one whose content is the quote
    ending or opening there. Looked up by offset, so a paragraph of thousands of quotes and
    attributions is not a product of the two."""
    by_end = {q.end: q.open for q in qs}
    opens = {q.open for q in qs}
    q_att: dict[int, Attribution] = {}
    for atts in found:
        for a in atts:
            if a.quote_end is not None and a.quote_end in by_end:
                q_att[by_end[a.quote_end]] = a
            if a.quote_open in opens:
                q_att[a.quote_open] = a
    return q_att


def _overlapping(quotes: list[Quote], opens: list[int], se: tuple[int, int]) -> list[Quote]:
    """Quotes overlapping a sentence. Quotes are sorted and do not overlap one another, so a
    bisection on their openings and a short walk back find them."""
    out = []
    for q in reversed(quotes[:bisect_right(opens, se[1] - 1)]):
        if (q.close if q.close is not None else q.end) < se[0]:
            break
        out.append(q)
    return out[::-1]


def _is_question(ctx: Ctx, s: int, e: int) -> bool:
    tail = ctx.text[s:e].rstrip("\"”’' ")
    return bool(ctx.L.non_claim_endings) and tail.endswith(ctx.L.non_claim_endings)


def _named_mention(text: str, speaker: SpeakerRef) -> str | None:
    """The speaker as written ("Elza"), to restate as the subject of subject-less content."""
    if speaker.kind == SpeakerKind.publisher or not speaker.mention:
        return None
    mention = text[speaker.mention[0]:speaker.mention[1]]
    if speaker.cue and mention.lower() == speaker.cue.lower():
        return None  # "Menurutnya": the mention is the cue itself
    return mention if mention[:1].isupper() else None


def _uncovered(s: int, e: int, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts of [s, e) outside every covered range."""
    out, pos = [], s
    for a, b in sorted(covered):
        if a > pos:
            out.append((pos, min(a, e)))
        pos = max(pos, b)
    if pos < e:
        out.append((pos, e))
    return [(a, b) for a, b in out if b > a]
