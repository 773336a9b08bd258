"""From an article to claim units: quotes, attributed content and the publisher's own text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import accumulate

from klaim.extraction.claims._attribution import Attribution, find_attributions
from klaim.extraction.claims._claim_unit import Unit, n_words, standalone
from klaim.extraction.claims._clauses import clause_table
from klaim.extraction.claims._context import Ctx
from klaim.extraction.claims._decompose import decompose, quote_claims
from klaim.extraction.claims._demands import DEMAND, demand_speaker, wish_demand
from klaim.extraction.claims._intro import colon_intros, headline_source, interview_answer
from klaim.extraction.claims._part_finders import description_claims, from_subject, name_appositive_claims
from klaim.extraction.claims._speakers import PUBLISHER, Registry, SpeakerRef
from klaim.extraction.claims._trimming import trim_tokens
from klaim.extraction.text import Quote, mark_end, quotes
from klaim.schema import SpeakerKind


def _significant(ctx: Ctx, q: Quote) -> bool:
    """A quotation long enough to be a statement; short ones are scare quotes inside a claim."""
    toks = ctx.idx.between(q.start, q.end)
    if _embedded(ctx.text, q) or _completes_phrase(ctx, q):
        return False  # bisa "disalahkan karena tidak melihat" kekerasan …: a partial quote
    words = [k for k in toks if ctx.is_word(k)]
    n = len(words)
    if n > 1 and sum(ctx.is_cap(k) for k in words) >= 0.6 * n and _ends_as_title(ctx, words[-1]):
        return False  # "Santa Perawan Maria Diangkat ke Surga": a quoted name or title
    if n >= ctx.L.min_quote_tokens:
        return True
    return n >= 2 and (any(ctx.is_verb(k) for k in toks) or _leads_attribution(ctx.text, q))


def _completes_phrase(ctx: Ctx, q: Quote) -> bool:
    """Does the quote complete a phrase its clause opened right before the mark ("landed a sharp
    dig at “my dear sister Hillary Clinton.”", "funded by “closing tax loopholes …”", "condemned
    the “attack …”")? A preposition or an article (``phrase_quote_openers``) or a noun's
    possessive needs what follows: the
    quote is part of the running clause, no statement of its own, when it ends the sentence (a
    comma after it may lead to its speaker: "The “question … remains a great one,” Hasen wrote")."""
    openers = ctx.L.phrase_quote_openers
    if not openers or q.close is None:
        return False
    k = bisect_left(ctx.idx.starts, q.open) - 1
    if k < 0 or ctx.idx.spans[k][1] > q.open or not (ctx.word(k) in openers or _possessive(ctx, k)):
        return False
    if ctx.word(k) not in ctx.L.np_stops and (_after_cue(ctx, k) or _speech_quote(ctx, q)):
        return False  # "said the justice's “mind is shot.”", "the “… I don't think …”": what was said, as before
    if ctx.text[q.start:q.end].rstrip()[-1:] in (",", ":", ";"):
        return False  # "… remains a great one to consider," Hasen wrote: the quote leads to its speaker
    after = ctx.text[mark_end(ctx.text, q.close):q.close + 12].lstrip(" ")[:1]
    return after in ("", "\n", ".", "!", "?") or after.isupper()  # the quote ends the sentence


def _possessive(ctx: Ctx, k: int) -> bool:
    """Is token k a noun's possessive ("the investigation's “specific focus …”"), which needs the noun
    after it; not a pronoun's contraction ("he's", "that's")? Where the table has a
    ``possessive_ending`` and lists ``phrase_quote_openers``."""
    L, ending = ctx.L, clause_table(ctx.L.code).possessive_ending
    word = ctx.word(k).replace("’", "'")
    if not ending or len(word) <= len(ending) or not word.endswith(ending):
        return False
    stem = word[:-len(ending)]
    return not (stem in L.appositive_breakers or stem in L.demonstratives or stem in L.relative)


_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")


def _speech_quote(ctx: Ctx, q: Quote) -> bool:
    """Is the quote someone's speech rather than a phrase: more than one sentence ("the “same kind of
    attitude. The attitude being, …”") or words in the first person ("the “strategic threats …,
    which I don't think …”")?"""
    inner = ctx.text[q.start:q.end]
    return bool(_SENTENCE_INSIDE.search(inner)) or ctx.L.first_person.first(inner) is not None


CUE_REACH = 6  # tokens looked back from a quote's opener for the speech cue that reports the quote


def _after_cue(ctx: Ctx, k: int) -> bool:
    """Is there a speech cue among the few tokens before token k, in the same clause ("said the
    83-year-old justice's", "expects to leave Nevada with a")?"""
    L = ctx.L
    for t in range(k - 1, max(-1, k - CUE_REACH - 1), -1):
        if not ctx.is_word(t):
            return False
        if ctx.word(t) in L.pre_cues or ctx.word(t) in L.post_cues:
            return True
    return False


def _ends_as_title(ctx: Ctx, last: int) -> bool:
    """Does a quote full of capitals end as a title does, in a capital or a number ("… for Hillary
    2008")? A statement full of names ends in a lower-case word ("Both Donald Trump and Ted Cruz
    scare me")."""
    return ctx.is_cap(last) or ctx.word(last)[:1].isdigit()


def _leads_attribution(text: str, q: Quote) -> bool:
    """Does the quote open its paragraph or sentence and run on into what follows with a comma, a
    question or an exclamation ("“Elections matter,” Kelly said.")? Then it is a statement,
    however short."""
    if q.close is None or text[q.end - 1] not in ",?!":
        return False
    before = text[max(0, q.open - 2):q.open].strip()
    return q.open == 0 or before in ("", ".", "?", "!")


def _embedded(text: str, q: Quote) -> bool:
    """A quote inside a running clause: a word before the opening mark (on its line: a quote
    opening its paragraph after a heading or a "Baca_Juga" line runs in no clause) and a
    lower-case word after the closing one."""
    if q.close is None:
        return False
    head = text[max(0, q.open - 20):q.open]
    if "\n" in head[len(head.rstrip()):]:
        return False
    before = head.rstrip()[-1:]
    after = text[mark_end(text, q.close):q.close + 22].lstrip()[:1]
    return before.isalnum() and after.isalpha() and after.islower()


# (paragraph, speaker, spans, rules) of the last quote
_LastQuote = tuple[int, SpeakerRef, list[tuple[int, int]], tuple[str, ...]]


@dataclass
class _Scan:
    """What the walk over an article's sentences carries from one sentence to the next."""

    units: list[Unit] = field(default_factory=list)
    last_quote: _LastQuote | None = None
    # (paragraph, first unit, end unit) of the sentence before, if wholly the publisher's
    last_sentence: tuple[int, int, int] = (-2, 0, 0)
    # quotes introduced by a colon ("Cruz continued:"), by where they open: maybe the next paragraph
    intros: dict[int, Attribution] = field(default_factory=dict)
    reg: Registry | None = None  # the article's people, to name an introducing speaker


@dataclass
class _Sentence:
    """One sentence and what was found in it: its paragraph, quotes and attributions."""

    span: tuple[int, int]
    paragraph: int
    para_start: int
    quotes: list[Quote]
    atts: list[Attribution]
    covered: list[tuple[int, int]] = field(default_factory=list)


def article_units(ctx: Ctx, reg: Registry) -> list[Unit]:
    text = ctx.text
    sents = ctx.sentences()
    starts = [s for s, _ in sents]
    scan = _Scan(reg=reg)
    for p_i, (ps, pe) in enumerate(ctx.paragraphs()):
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
            _sentence_units(ctx, scan, _Sentence(se, p_i, ps, near[se], atts[se]), q_att)
    return scan.units


def _sentence_units(ctx: Ctx, scan: _Scan, sent: _Sentence, q_att: dict[int, Attribution]) -> None:
    """The claims of one sentence: its quotes, attributed content and the publisher's rest."""
    s, e = sent.span
    u0 = len(scan.units)
    _colon_intros(ctx, scan, sent, q_att)
    _headline(ctx, scan, sent)
    _interview_answer(ctx, scan, sent)
    _quote_units(ctx, scan, sent, q_att)
    quotes_end = len(scan.units)
    _attributed_units(ctx, scan, sent)
    _drop_partial_quotes(ctx.text, scan, u0, quotes_end)
    if _is_question(ctx, s, e):
        scan.last_sentence = (sent.paragraph, u0, len(scan.units))
        return  # a question asks: no claim
    if len(scan.units) == u0 and not sent.atts and not sent.quotes and _act_of_speaking(ctx, s, e):
        return  # what it points back to stays the sentence before, for a later "Hal itu disampaikan X"
    _publisher_units(ctx, scan, sent)
    scan.units += description_claims(ctx, scan.units[u0:])
    scan.units += name_appositive_claims(ctx, sent.span, scan.units[u0:])
    # only a sentence wholly the publisher's can be handed to a later "Hal itu disampaikan X"
    plain = not sent.atts and not any(scan.units[t].quote for t in range(u0, len(scan.units)))
    scan.last_sentence = (sent.paragraph, u0, len(scan.units)) if plain else (sent.paragraph, 0, 0)


def _drop_partial_quotes(text: str, scan: _Scan, first: int, quotes_end: int) -> None:
    """A quote inside what an attribution reports, with the same speaker ('Hunt said the figures
    showed the economy was "returning to full health"'), is part of that claim: as a claim of its
    own it would repeat a fragment of it. A quote with no attribution of its own counts, the
    outlet's or carried over from the quote before (the discourse gives it the reporting speaker
    later)."""
    reported = [u for u in scan.units[quotes_end:] if not u.quote and u.speaker.kind != SpeakerKind.publisher]
    if not reported:
        return
    kept = [u for u in scan.units[first:quotes_end] if not any(
        _inside(text, u, r) and (u.speaker in (r.speaker, PUBLISHER) or QUOTE_CONTINUES in u.rules)
        for r in reported)]
    scan.units[first:quotes_end] = kept


_CLOSING_MARKS = " .,;:!?\"'”’»"


def _inside(text: str, quote: Unit, reported: Unit) -> bool:
    """Does the quote lie within the reported unit, but for the closing marks the unit's end left
    out ('his own pen “has got an eraser.”'), and is it less than the whole of it?"""
    end = max(reported.end, quote.end) if not text[reported.end:quote.end].strip(_CLOSING_MARKS) else reported.end
    return reported.start <= quote.start and quote.end <= end \
        and (quote.start, quote.end) != (reported.start, reported.end)


def _colon_intros(ctx: Ctx, scan: _Scan, sent: _Sentence, q_att: dict[int, Attribution]) -> None:
    """Speakers that introduce a quote with a colon: their quote, here or opening the next
    paragraph, is theirs unless a cue of its own names someone; the introduction is no claim."""
    if scan.reg is None:
        return
    for a in colon_intros(ctx, scan.reg, *sent.span):
        if a.quote_open is not None and a.quote_open not in q_att:
            scan.intros[a.quote_open] = a
            sent.covered.append(a.span)


def _headline(ctx: Ctx, scan: _Scan, sent: _Sentence) -> None:
    """The article's first sentence as a title line naming its source ("Graham: …")."""
    if sent.span[0] != sent.para_start or sent.paragraph != 0 or sent.atts or scan.reg is None:
        return
    a = headline_source(ctx, scan.reg, *sent.span)
    if a is not None:
        sent.atts.append(a)


def _interview_answer(ctx: Ctx, scan: _Scan, sent: _Sentence) -> None:
    """A sentence of an interview's answer paragraph without a source of its own: the interviewee's."""
    if sent.atts or scan.reg is None:
        return
    a = interview_answer(ctx, scan.reg, sent.para_start, *sent.span)
    if a is not None:
        sent.atts.append(a)


def _quote_units(ctx: Ctx, scan: _Scan, sent: _Sentence, q_att: dict[int, Attribution]) -> None:
    s, e = sent.span
    for q in sent.quotes:
        a0, b0 = max(q.start, s), min(q.end, e)
        if a0 >= b0:
            continue
        sent.covered.append((max(q.open, s), min(mark_end(ctx.text, q.close) if q.close is not None else q.end + 1, e)))
        toks = ctx.idx.between(a0, b0)
        i, j = trim_tokens(ctx, toks.start, toks.stop, verbatim=True)
        if n_words(ctx, i, j) < 2:
            continue
        speaker, spans, rules = _quote_speaker(q_att.get(q.open) or scan.intros.get(q.open), scan.last_quote,
                                               sent.paragraph)
        scan.last_quote = (sent.paragraph, speaker, spans, rules[:2])
        if n_words(ctx, i, j) < ctx.L.min_claim_tokens:
            continue  # "Itu pasti.", "It's fine.": too short to say something checkable; its speaker goes on
        if _quoted_question(ctx, a0, b0):
            continue  # a question asks, quoted or not: no claim (the guideline); its speaker goes on
        cs, ce = ctx.span(i, j)
        scan.units += quote_claims(ctx, i, j, Unit(cs, ce, standalone([ctx.text[cs:ce]]), sent.span, speaker, spans,
                                                   quote=True, cue=speaker.cue, rules=_with_via(rules, speaker)))


QUOTE_CONTINUES = "discourse.quote-continues"


def _quote_speaker(a: Attribution | None, last_quote: _LastQuote | None, p_i: int,
                   ) -> tuple[SpeakerRef, list[tuple[int, int]], tuple[str, ...]]:
    """Who said a quote: its attribution, else the last quote's speaker when a quote paragraph
    goes on, else the publisher."""
    if a is not None:
        return a.speaker, [a.span], ("unit.quote", a.rule)
    if last_quote is not None and p_i - last_quote[0] <= 1:
        return last_quote[1], list(last_quote[2]), (*last_quote[3], QUOTE_CONTINUES)
    return PUBLISHER, [], ("unit.quote",)


def _attributed_units(ctx: Ctx, scan: _Scan, sent: _Sentence) -> None:
    for a in sent.atts:
        if a.anaphoric:
            # "Hal itu disampaikan X …": what the publisher wrote just before is X's
            if sent.paragraph - scan.last_sentence[0] <= 1:
                _hand_over(scan, a)
            # the sentence reports the act of speaking, its venue and date: no claim of its own
            # (the guideline), and a rest cut from it would be a fragment
            sent.covered.append(sent.span)
            continue
        sent.covered.append(a.span)
        _fronted(ctx, scan, sent, a)
        subject_span, prefix = a.subject_span, a.subject if a.subject_span is not None else None
        rules: tuple[str, ...] = ("unit.attributed", a.rule)
        front = _fronted_argument(ctx, sent, a) if subject_span is None else None
        if front is not None:
            subject_span, rules = front, (*rules, FRONTED_ARGUMENT)
        if subject_span is not None:
            sent.covered.append(subject_span)
        if a.content is not None:
            sent.covered.append(a.content)
            toks = ctx.idx.between(*a.content)
            units = decompose(ctx, toks.start, toks.stop, sent.span, a.speaker, [a.span],
                              para_start=sent.para_start, cue=a.speaker.cue,
                              default_subject=a.subject or _named_mention(ctx.text, a.speaker),
                              subject_prefix=prefix)
            units = _outside_nested(units, _nested_start(sent.atts, a, a.content))
            units = from_subject(ctx, units, subject_span)
            written_before = front if front is not None else subject_span if a.fronted else None
            if written_before is not None:
                _fronted_in_text(ctx, units, written_before)
            scan.units += [wish_demand(ctx, u) for u in _tagged(units, _with_via(rules, a.speaker))]


FRONTED_ARGUMENT = "unit.fronted-argument"
# the speaker before the cue and the content after it: "X mengatakan …", "dia mengatakan …"
_SPEAKER_FIRST = frozenset({"attribution.pre-cue", "attribution.pronoun-subject"})


def _fronted_in_text(ctx: Ctx, units: list[Unit], front: tuple[int, int]) -> None:
    """The fronted phrase before the text of the claims that start at it and do not open with it
    (content with a subject of its own: "Untuk mengantisipasi kemacetan, Polri akan …"); the
    content's first word keeps the case it is written in."""
    phrase = ctx.text[front[0]:front[1]]
    for u in units:
        if u.start != front[0] or u.text.casefold().startswith(phrase.casefold()):
            continue
        body = u.text
        k = ctx.text.find(body[:1].lower() + body[1:body.find(" ")], front[1]) if " " in body else -1
        if body[:1].isupper() and 0 <= k < u.end and not ctx.text[k - 1].isalnum():
            body = body[:1].lower() + body[1:]  # "pihaknya masih …" was capitalised as a sentence
        u.text = standalone([phrase + ",", body])


def _fronted_argument(ctx: Ctx, sent: _Sentence, a: Attribution) -> tuple[int, int] | None:
    """The characters of a phrase opened by a word of the table's ``fronted_arguments`` (after a
    connective, if any) that opens the sentence and ends at the comma right before a pre-cue's
    speaker, with no other comma inside ("Sedangkan bagi yang menyuruh, Iriawan menjelaskan, juga
    akan dikenakan pidana"): what the content's predicate takes, where its claims start."""
    table = clause_table(ctx.L.code)
    words = table.fronted_arguments
    if not words or a.rule not in _SPEAKER_FIRST or a.content is None or a.content[0] < a.span[1]:
        return None
    if table.fronted_arguments_set_off and not ctx.text[a.span[1]:a.content[0]].strip().startswith(","):
        return None  # "If X, the campaign said, Y": the speaker and cue set off on both sides
    toks = ctx.idx.between(sent.span[0], a.span[0])
    first = toks.start + ctx.match_seq(toks.start, ctx.L.leading, toks.stop)
    if toks.stop - first < 3 or ctx.word(toks.stop - 1) != "," or ctx.word(first) not in words \
            or any(ctx.word(t) in (",", ";", ":") for t in range(first, toks.stop - 1)):
        return None
    return ctx.span(first, toks.stop - 1)


def _nested_start(atts: list[Attribution], a: Attribution, content: tuple[int, int]) -> int | None:
    """Where the first attribution of someone else inside ``a``'s content starts ("A said B told
    him C"), if one does; the same speaker's inserted "he said" goes on with what ``a`` reports."""
    inner = [b.span[0] for b in atts
             if b is not a and content[0] < b.span[0] < content[1] and not _same_source(b.speaker, a.speaker)]
    return min(inner) if inner else None


def _same_source(inner: SpeakerRef, outer: SpeakerRef) -> bool:
    """Is the nested attribution a pronoun for the outer source ("he said" inside what Mook
    acknowledged)? A cue repeated with its own subject ("… itu mengatakan" after "… itu
    mengatakan") reports anew."""
    return (inner.via or "").startswith("speaker.pronoun") and bool(inner.name) \
        and (inner.kind, inner.name) == (outer.kind, outer.name)


def _outside_nested(units: list[Unit], nested: int | None) -> list[Unit]:
    """Of the claims split from a content, the whole content and the parts that end before an
    attribution nested in it: what follows that attribution is its own speaker's, split there,
    and splitting it again under the outer speaker would repeat it (run-on text of cue after cue
    would repeat it once per cue)."""
    if nested is None:
        return units
    return [u for u in units if u.role == "main" or u.end <= nested]


def _fronted(ctx: Ctx, scan: _Scan, sent: _Sentence, a: Attribution) -> None:
    """ "In a memo released as polls closed Tuesday, Mook acknowledged …", "Dalam keterangan
    tertulisnya, X mengatakan …", "Saat ditanya soal …, X mengatakan …": a phrase opened by a
    preposition and closed by a comma right before the speaker tells where or when it was said,
    part of the attribution (the guideline's act of speaking), no claim of its own; unless it says
    what the speaker did (``_fronted_fact``)."""
    toks = _fronted_phrase(ctx, sent, a)
    if toks is None:
        return
    if _says_what_the_speaker_did(ctx, toks):
        _fronted_fact(ctx, scan, sent, a, toks)
    else:
        sent.covered.append((sent.span[0], ctx.idx.spans[toks.stop - 1][1]))


def _fronted_phrase(ctx: Ctx, sent: _Sentence, a: Attribution) -> range | None:
    """The tokens from a preposition of the table's ``occasion_prepositions`` that opens the
    sentence (after a connective, if any) to the comma right before a pre-cue's speaker, with no
    other comma inside."""
    if a.rule != "attribution.pre-cue" or a.content is None or a.content[0] < a.span[1]:
        return None
    toks = ctx.idx.between(sent.span[0], a.span[0])
    # "And in a halfhearted endorsement of …, Mrs. Clinton added": a connective may open it
    first = toks.start
    if ctx.word(first) not in ctx.L.occasion_prepositions:
        first += ctx.match_seq(first, ctx.L.leading, toks.stop)
    if toks.stop - first < 3 or ctx.word(toks.stop - 1) != "," \
            or ctx.word(first) not in ctx.L.occasion_prepositions:
        return None
    if any(ctx.word(t) in (",", ";", ":") for t in range(first, toks.stop - 1)):
        return None
    return range(first, toks.stop)


def _says_what_the_speaker_did(ctx: Ctx, toks: range) -> bool:
    """ "Usai ditunjuk menjadi Ketua DPR, X mengatakan …", "Saat menjadi Pelaksana Tugas Menteri,
    X mengatakan …": a verb right after the preposition tells what the speaker did or underwent,
    a fact of its own; not one of being asked or met (the table's ``enquiry_verbs``: "Saat ditanya
    …"), which is the act of speaking. Only where the table lists those: an English participle
    after "in" is as often an adjective ("In animated remarks, Obama said …")."""
    verb, enquiry = toks.start + 1, ctx.L.enquiry_verbs
    return bool(enquiry) and ctx.is_verb(verb) and ctx.word(verb) not in enquiry


def _fronted_fact(ctx: Ctx, scan: _Scan, sent: _Sentence, a: Attribution, toks: range) -> None:
    """The fact a fronted verb phrase states about the speaker, with the speaker as its subject,
    passive or not ("Bambang Soesatyo ditunjuk menjadi Ketua DPR"); the outlet states it (helper idfix)."""
    sent.covered.append((sent.span[0], ctx.idx.spans[toks.stop - 1][1]))
    units = decompose(ctx, toks.start + 1, toks.stop - 1, sent.span, PUBLISHER, [], residual=True,
                      para_start=sent.para_start, subject_prefix=_named_mention(ctx.text, a.speaker))
    scan.units += _tagged(units, ("unit.publisher", "unit.fronted-fact"))


def _hand_over(scan: _Scan, a: Attribution) -> None:
    for t in range(scan.last_sentence[1], scan.last_sentence[2]):
        u = scan.units[t]
        # a demand's subject ("Komnas HAM meminta …") yields to the one "Hal itu disampaikan" names
        if (u.speaker.kind == SpeakerKind.publisher or DEMAND in u.rules) and not u.quote:
            rules = _with_via((*u.rules, a.rule, "discourse.anaphoric-handover"), a.speaker)
            scan.units[t] = replace(u, speaker=a.speaker, spans=[a.span], cue=a.speaker.cue, rules=rules)


def _publisher_units(ctx: Ctx, scan: _Scan, sent: _Sentence) -> None:
    s, e = sent.span
    residual = bool(sent.covered)
    last_ended = _LastEnded(sent.atts)
    for rs, re_ in _uncovered(s, e, sent.covered):
        toks = ctx.idx.between(rs, re_)
        # "…," kata Novel usai menghadiri …: a subject-less clause after an attribution is
        # about the speaker, though it is the publisher who reports it
        before = last_ended.by(rs)
        subject = _named_mention(ctx.text, before.speaker) if before is not None else None
        units = _tagged(decompose(ctx, toks.start, toks.stop, sent.span, PUBLISHER, [],
                                  residual=residual, para_start=sent.para_start, default_subject=subject),
                        ("unit.publisher",))
        scan.units += [demand_speaker(ctx, scan.reg, u) for u in units] if scan.reg is not None else units


class _LastEnded:
    """Of a sentence's attributions, the last (in their order) that ends by a given offset: a
    bisection, not a scan of them all for every part of a sentence of thousands."""

    def __init__(self, atts: list[Attribution]):
        self.atts = atts
        self.ends: list[int] = []
        self.latest: list[int] = []  # the last in order among the n earliest-ending
        if len(atts) > 1:  # most sentences have one attribution or none: nothing to index
            by_end = sorted(range(len(atts)), key=lambda t: atts[t].span[1])
            self.ends = [atts[t].span[1] for t in by_end]
            self.latest = list(accumulate(by_end, max))

    def by(self, offset: int) -> Attribution | None:
        if len(self.atts) <= 1:
            return self.atts[0] if self.atts and self.atts[0].span[1] <= offset else None
        n = bisect_right(self.ends, offset)
        return self.atts[self.latest[n - 1]] if n else None


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


ACT_FILLERS = 2  # words at most between a demonstrative and a passive speech verb ("pun", "juga sempat")


def _act_of_speaking(ctx: Ctx, s: int, e: int) -> bool:
    """ "Pernyataan itu disampaikan usai pertemuan tiga negara di Manila", "Hal itu diungkapkan usai
    hadir dalam Rakernas": a sentence whose subject is a noun for what was said and its
    demonstrative, with a passive speech verb and no named source (which would take the sentence
    before as its account), says only where or when something was said: the act of speaking, no
    claim (the guideline). Not when it goes on to report anything ("bahwa", a colon, another cue)."""
    L, toks = ctx.L, ctx.idx.between(s, e)
    t = toks.start + ctx.match_seq(toks.start, L.leading, toks.stop)
    if t + 2 >= toks.stop or ctx.word(t) not in L.speech_nouns or ctx.word(t + 1) not in L.demonstratives:
        return False
    cue = next((k for k in range(t + 2, min(toks.stop, t + 3 + ACT_FILLERS)) if ctx.word(k) in L.passive_cues), None)
    if cue is None or any(ctx.is_verb(k) and ctx.word(k) not in L.auxiliaries for k in range(t + 2, cue)):
        return False
    rest = range(cue + 1, toks.stop)
    return not any(ctx.word(k) in L.complementisers or ctx.word(k) == ":" or ctx.word(k) in L.pre_cues
                   or ctx.word(k) in L.passive_cues for k in rest)


def _quoted_question(ctx: Ctx, a: int, b: int) -> bool:
    """Does the quoted text at [a, b) of a sentence end in a question mark ("“Bersediakah saudara
    diambil sumpah?” kata Presiden", "“And who can fix things better than me?”")? The golds
    annotate no quoted question as a claim (helper idfix, session 15). Not a statement with a tag
    after its comma ("Everybody sues, right?")."""
    if not _is_question(ctx, a, b) or _answered(ctx, b) or _asked_inside(ctx.text[a:b]):
        return False
    toks = ctx.idx.between(a, b)
    last = toks.stop - 1
    while last > toks.start and not ctx.is_word(last):
        last -= 1
    return not (last - 1 >= toks.start and ctx.word(last) in ctx.L.question_tags and ctx.word(last - 1) == ",")


_INNER_OPENERS = ("\u2018", " '")  # a single quotation mark that opens a quote inside a quote
_INNER_CLOSERS = "\u2019'"


def _asked_inside(text: str) -> bool:
    """Does the question mark belong to a quotation inside the quote ("I am always asking, \u2018How
    can we bring the viewer closer?\u2019", "\u2026 talk with us about, \u2018What can I do?")? The
    sentence states what someone asks or asked; it is no question itself."""
    tail = text.rstrip()
    if tail.endswith(tuple(_INNER_CLOSERS)) and tail[:-1].rstrip().endswith("?"):
        return True
    k = max(text.rfind(o) for o in _INNER_OPENERS)
    if k < 0:
        return False
    after = text[k + 2:]
    # a closing mark, not an apostrophe between letters ("isn\u2019t")
    return not any(ch in _INNER_CLOSERS and not (0 < n < len(after) - 1 and after[n - 1].isalpha()
                                                 and after[n + 1].isalpha())
                   for n, ch in enumerate(after))


def _answered(ctx: Ctx, end: int) -> bool:
    """Does the speaker answer the question ending at offset ``end`` right after it ("… talk to
    them? No, that's not possible.")? Then the question states the speaker's point."""
    rest = ctx.text[end:end + 40].lstrip("?!\u201d\u2019\"' ")
    word = rest.split(",", 1)[0].split(".", 1)[0].split()
    return len(word) == 1 and word[0].lower() in ctx.L.answer_words and rest[len(word[0]):][:1] in (",", ".", "!")


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
