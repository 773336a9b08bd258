"""The discourse of an article: who is speaking in each sentence.

A sentence has a voice: its own cue's speaker ("kata Risal", "Groberg says"), an account carried
over from before, or the outlet's own. Three rules run over the units of the whole article, in
article order, after attribution has read each sentence alone:

- ``discourse.pronoun-antecedent``: a pronoun or description that is a cue's subject ("ia
  menilai", "he said", "Politisi itu menambahkan") names the person who is the subject of the
  discourse there: the first person named in the same sentence before it, else in the nearest
  sentence before it that names one (quoted words aside). A subject is the first thing a sentence
  names, and the person a paragraph is about stays its subject until another is named.
- ``discourse.account-continues``: news names a source once and goes on paraphrasing that source's
  account for a while without a new cue. A sentence with no attribution of its own that follows an
  attributed one in the same paragraph continues that account, if a person or an organisation
  gave it (a group's or an unnamed source's view is reported in one sentence); another source
  introduced starts its own account.
- ``discourse.account-resumes``: a few paragraphs without any attribution between two paragraphs
  that give the same source's account (the figures of that source's briefing between its quotes)
  belong to that source, unless a sentence is about a person (it names one as its subject: the
  outlet narrating, "Blackwell also took a shot at …"). Carrying an account into any next
  paragraph instead helps Indonesian news a little but costs English news more, where a
  paragraph is often one sentence and the outlet's voice returns without a sign: measured on both
  claims golds. The account must be taken up again by the same source to be carried.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from itertools import islice, takewhile

from klaim.extraction.claims._claim_unit import Unit
from klaim.extraction.claims._context import OPENING, Ctx
from klaim.extraction.claims._demands import DEMAND
from klaim.extraction.claims._mentions import (
    POSSESSIVE,
    Mention,
    Mentions,
    discourse_words,
    find_mentions,
    lower_elsewhere,
    named_people,
    own_genders,
    person_genders,
)
from klaim.extraction.claims._speakers import NAMED_BEFORE, STATE, Registry, SpeakerRef, speaker_from_np
from klaim.extraction.claims._standalone import _article_people as article_people
from klaim.extraction.claims._standalone import decontextualise
from klaim.extraction.text import quote_mark
from klaim.schema import SpeakerKind

PRONOUN = "discourse.pronoun-antecedent"
PRONOUN_UNRESOLVED = "discourse.pronoun-no-antecedent"
QUOTE_CONTINUES = "discourse.quote-continues"
CONTINUES = "discourse.account-continues"
NEGATION_REACH = 2  # words after a pronoun subject that may hold its negation ("ia juga tidak …")
RESUMES = "discourse.account-resumes"
BLOCK_QUOTE = "discourse.block-quote-source"
SUBJECT_REACH = 8  # tokens at most from a sentence's subject to its verb (a block quote's source)
QUOTE_IN_CONTENT = "discourse.quote-in-content"
QUOTE_NEW_SOURCE = "discourse.quote-after-new-source"
OP_ED = "discourse.op-ed-author"
OP_ED_FIRST_PERSON = 3  # first-person words outside quotes that make an article someone's own account
TAGLINE_WORDS = 40      # an author's tagline ("Rick Scott is the Republican governor of Florida.")
TAGLINE_NAME = 4        # words of the name that opens it
INTRODUCED = "speaker.introduced-description"
PRONOUN_VIAS = frozenset({"speaker.pronoun", "speaker.pronoun-unresolved", "speaker.definite-description"})
LOOK_BACK = 6      # sentences searched for a pronoun's antecedent
SUBJECT_WORDS = 4  # a person named among a sentence's first words is its subject
LEAD_TOKENS = 8    # a leading phrase closed by a comma within these tokens comes before the subject


@dataclass
class Discourse:
    """What the rules share: the sentences, paragraphs, quoted ranges and mentions of an article."""

    ctx: Ctx
    mentions: Mentions
    sentences: list[tuple[int, int]]
    paragraph_starts: list[int]
    quoted: list[tuple[int, int]]
    voices: dict[tuple[int, int], list[SpeakerRef]]  # sentence → the named people its own cues name
    pronouns: dict[str, set[str]] = field(default_factory=dict)  # person → pronouns the article uses for them
    sentence_starts: list[int] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)
    quote_ends: list[int] = field(default_factory=list)  # the furthest end of a quote opening at or before
    # the subject of each whole sentence asked for: pronoun after pronoun looks back over the same
    # sentences (mentions, voices and quotes do not change once the discourse is built)
    whole_subjects: dict[tuple[int, int], SpeakerRef | None] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)  # person (canonical name) → gender
    named: Mentions = field(default_factory=Mentions)  # people named by a given name or a title
    named_genders: dict[str, str] = field(default_factory=dict)  # their genders

    def __post_init__(self) -> None:
        self.sentence_starts = [s for s, _ in self.sentences]
        self.quote_starts = [a for a, _ in self.quoted]
        furthest = -1
        for _, b in self.quoted:
            furthest = max(furthest, b)
            self.quote_ends.append(furthest)

    def paragraph(self, pos: int) -> int:
        return bisect_right(self.paragraph_starts, pos) - 1

    def sentence_index(self, pos: int) -> int:
        return bisect_right(self.sentence_starts, pos) - 1

    def in_quote(self, pos: int) -> bool:
        k = bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and pos < self.quote_ends[k]

    def unquoted_people(self, start: int, end: int, everyone: bool = False) -> list[Mention]:
        """The people named outside quotes in start..end; with ``everyone``, those named by a given
        name or a gendered title only (a pronoun's last resort) instead."""
        mentions = self.named if everyone else self.mentions
        return [m for m in mentions.between(start, end) if m.entity.kind == SpeakerKind.person
                and not self.in_quote(m.start)]

    def antecedent(self, pos: int, gender: str | None = None) -> SpeakerRef | None:
        """The person a pronoun at ``pos`` points to (see the module docstring): of the pronoun's
        gender (or ``gender``: a possessive's, "his") or of none known ("she" passes over a man the
        article names)."""
        k = self.sentence_index(pos)
        if k < 0:
            return None
        want = gender or self.pronoun_gender(pos)
        found = self._antecedent_from(k, pos, want, everyone=False)
        if found is None and want is not None:
            # no speaker or titled person of its gender: one named only by a given name or a title
            # ("Hillary Clinton has been asked …" before "she told")
            found = self._antecedent_from(k, pos, want, everyone=True)
        return found

    def _antecedent_from(self, k: int, pos: int, want: str | None, everyone: bool) -> SpeakerRef | None:
        """The subject of sentence k up to ``pos``, else of the nearest sentence before it."""
        found = self._subject(self.sentences[k], pos, want, everyone)
        for j in range(k - 1, max(-1, k - 1 - LOOK_BACK), -1):
            if found is not None:
                break
            sentence = self.sentences[j]
            found = self._subject(sentence, sentence[1], want, True) if everyone \
                else self._whole_subject(sentence, want)
        return found

    def pronoun_gender(self, pos: int) -> str | None:
        """The gender of a pronoun whose token starts at ``pos`` ("she"), if it has one."""
        pronouns = discourse_words(self.ctx.L.code).genders.pronouns
        starts = self.ctx.idx.starts
        k = bisect_left(starts, pos)
        return pronouns.get(self.ctx.word(k)) if k < len(starts) and starts[k] == pos else None

    def compatible(self, person: SpeakerRef, want: str | None) -> bool:
        """May a pronoun of gender ``want`` point to this person (whose gender is that or unknown)?"""
        if want is None:
            return True
        key = self.mentions.canonical(person)
        if key in self.mentions.entities:
            known = {self.genders[key]} if key in self.genders else set()
        else:  # someone named only by a given name or a title
            key = self.named.canonical(person)
            known = {self.named_genders[key]} if key in self.named_genders else set()
        known |= own_genders(discourse_words(self.ctx.L.code).genders, person)
        return len(known) != 1 or want in known

    def _whole_subject(self, sentence: tuple[int, int], want: str | None = None) -> SpeakerRef | None:
        if sentence not in self.whole_subjects:
            self.whole_subjects[sentence] = self._subject(sentence, sentence[1])
        subject = self.whole_subjects[sentence]
        if subject is None or self.compatible(subject, want):
            return subject
        return self._subject(sentence, sentence[1], want)  # "Sanders has accused Clinton …": she

    def _subject(self, sentence: tuple[int, int], end: int, want: str | None = None,
                 everyone: bool = False) -> SpeakerRef | None:
        """The person a sentence (up to ``end``) is about: the one its own cue names if that one
        is named there ("Sandi menyatakan bersama Anies …"), else the first one it names; of
        gender ``want`` or unknown when one is asked for (named only by a given name: ``everyone``)."""
        named = self.unquoted_people(sentence[0], end, everyone)
        if want is not None:
            named = [m for m in named if self.compatible(m.entity, want)]
        if not named:
            return None
        speakers = {self.mentions.canonical(v) for v in self.voices.get(sentence, ())}
        return next((m.entity for m in named if self.mentions.canonical(m.entity) in speakers), named[0].entity)

    def _subject_words(self, sentence: tuple[int, int]) -> list[int]:
        """The first word tokens of a sentence (where its subject is), after a leading phrase
        closed by a comma ("Dalam kasus itu, Agus …")."""
        ctx = self.ctx
        toks = list(ctx.idx.between(*sentence))
        comma = next((n for n, k in enumerate(toks[:LEAD_TOKENS]) if ctx.word(k) == ","), -1)
        return [k for k in toks[comma + 1:] if ctx.is_word(k)][:SUBJECT_WORDS]

    def subject_person(self, sentence: tuple[int, int]) -> SpeakerRef | None:
        """The person a sentence names among its first words (its subject), if any."""
        words = self._subject_words(sentence)
        if not words:
            return None
        start, end = self.ctx.idx.spans[words[0]][0], self.ctx.idx.spans[words[-1]][1]
        named = self.unquoted_people(start, end)
        return named[0].entity if named else None

    def about_another(self, sentence: tuple[int, int], speaker: SpeakerRef) -> bool:
        """The sentence is about a person other than ``speaker``: the outlet narrating."""
        subject = self.subject_person(sentence)
        if subject is not None:
            return self.mentions.canonical(subject) != self.mentions.canonical(speaker)
        return self._named_subject_other(sentence, speaker)

    def tells_of_source(self, sentence: tuple[int, int]) -> bool:
        """Does a sentence without a cue open with a pronoun for a person and a negation ("Dia tak
        merinci kerja sama itu", "ia belum ingin membagi …")? The outlet tells what its source did
        not say, in its own voice (helper idprec)."""
        ctx = self.ctx
        words = self._subject_words(sentence)
        if not words or ctx.word(words[0]) not in discourse_words(ctx.L.code).referring_pronouns:
            return False
        for k in words[1:1 + NEGATION_REACH]:
            if ctx.L.negated.pattern.fullmatch(ctx.word(k)):
                return True
            if ctx.is_verb(k):
                return False  # "Dia menjamin tidak pernah …": the negation is what was said
        return False

    def _named_subject_other(self, sentence: tuple[int, int], speaker: SpeakerRef) -> bool:
        """Does the sentence open with a name (past capitalised common words: "The", "But") that
        is none of the speaker's words ("Sen. Marco Rubio called …", "Trump's campaign has …")?
        A name nobody is registered under is still someone else the outlet writes about; the
        speaker's own role or organisation ("Dinas Sosial" of its head) and a title are not."""
        ctx = self.ctx
        full = self.mentions.full_name(speaker)
        own = set(" ".join(w or "" for w in (full.name, full.role, full.organisation, speaker.role,
                                              speaker.organisation)).lower().split())
        words = self._subject_words(sentence)
        if not words or ctx.match_seq(words[0], ctx.L.roles, words[-1] + 1):
            return False  # "Kedua Menlu …", "Senator …": a title, maybe the speaker's
        opening = list(takewhile(lambda k: ctx.is_cap(k), words))  # "Sen. Ted Cruz", "The Post"
        name = [k for k in opening if ctx.word(k) not in ctx.L.not_names
                and not lower_elsewhere(ctx, ctx.surface(k)) and _name_inside_sentences(ctx, ctx.word(k))]
        return bool(name) and not any(POSSESSIVE.sub("", ctx.word(k)) in own for k in opening)


def _name_inside_sentences(ctx: Ctx, word: str) -> bool:
    """Is the word written capitalised after another word somewhere (a name, not a common word
    that only opens sentences: "Mekanisme distribusi …")?"""
    key = ("discourse.name_inside", word)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = any(p > 0 and ctx.is_cap(p) and ctx.is_word(p - 1) for p in ctx.positions(word))
    return hit


def build(ctx: Ctx, reg: Registry, units: list[Unit]) -> Discourse:
    quoted = sorted((u.start, u.end) for u in units if u.quote)
    voices: dict[tuple[int, int], list[SpeakerRef]] = {}
    for u in units:
        if _attributed(u) and u.speaker.kind == SpeakerKind.person and u.speaker.via not in PRONOUN_VIAS:
            voices.setdefault(u.sentence, []).append(u.speaker)
    mentions, named = find_mentions(ctx, reg, units), named_people(ctx)
    return Discourse(ctx, mentions, ctx.sentences(), [p for p, _ in ctx.paragraphs()], quoted, voices,
                     genders=person_genders(ctx, mentions, lambda: article_people(ctx, reg)), named=named,
                     named_genders=person_genders(ctx, named, dict))


def attribute_discourse(ctx: Ctx, reg: Registry, units: list[Unit]) -> list[Unit]:
    """``units`` (in article order) with the speakers the discourse gives them and claim texts
    that stand alone."""
    d = build(ctx, reg, units)
    units = [_resolve_pronoun(d, u) for u in units]
    units = quotes_in_content(units)
    units = quotes_after_new_source(d, units)
    units = carry_accounts(d, units)
    units = resume_accounts(d, units)
    units = block_quote_sources(d, reg, units)
    units = op_ed_author(d, units)
    return decontextualise(d, units, reg)


def _description(d: Discourse, sp: SpeakerRef) -> bool:
    """A speaker written as a description closed by a demonstrative and naming no one ("polisi
    jenderal bintang dua itu"): it refers back, as a pronoun does."""
    if sp.mention is None or sp.kind not in (SpeakerKind.group, SpeakerKind.person):
        return False
    toks = list(d.ctx.idx.between(*sp.mention))
    if len(toks) < 2 or d.ctx.word(toks[-1]) not in d.ctx.L.demonstratives:
        return False
    return not any(d.ctx.is_cap(k) for k in toks[1:])


def _resolve_pronoun(d: Discourse, u: Unit) -> Unit:
    sp = u.speaker
    if sp.mention is None or sp.via == INTRODUCED or (sp.via not in PRONOUN_VIAS and not _description(d, sp)):
        return u  # "Komandan itu" after "seorang komandan …": attribution found the source it describes
    found = d.antecedent(sp.mention[0])
    if found is None and not d.compatible(sp, d.pronoun_gender(sp.mention[0])):
        return _unresolved(u)  # no one of the pronoun's gender before it: not the one attribution guessed
    if found is None or (sp.name and d.mentions.canonical(sp) == d.mentions.canonical(found)):
        _learn_pronoun(d, sp, found or sp)
        _speaks_in(d, u.sentence, found or sp)
        return u
    _learn_pronoun(d, sp, found)
    _speaks_in(d, u.sentence, found)
    speaker = replace(found, mention=sp.mention, cue=sp.cue, via=PRONOUN)
    rules = tuple(r for r in u.rules if r not in PRONOUN_VIAS)
    return replace(u, speaker=speaker, rules=(*rules, PRONOUN))


def _unresolved(u: Unit) -> Unit:
    """A pronoun's unit whose speaker is a person the article does not name before it."""
    sp = u.speaker
    speaker = SpeakerRef(SpeakerKind.person, mention=sp.mention, cue=sp.cue, via=PRONOUN_UNRESOLVED)
    rules = tuple(r for r in u.rules if r not in PRONOUN_VIAS)
    return replace(u, speaker=speaker, rules=(*rules, PRONOUN_UNRESOLVED))


def _speaks_in(d: Discourse, sentence: tuple[int, int], person: SpeakerRef) -> None:
    """A sentence whose cue's subject is a pronoun for a person ("Menurut dia, penyidik … yang
    melibatkan Sandi …") is that person's: a pronoun after it points to them, not to someone the
    content names. Pronouns are resolved in article order, so later ones see this."""
    if person.kind == SpeakerKind.person and person.name:
        d.whole_subjects[sentence] = person


def _learn_pronoun(d: Discourse, sp: SpeakerRef, person: SpeakerRef) -> None:
    """Remember that the article calls this person by this pronoun ("he said" → he)."""
    key = d.mentions.canonical(person)
    if key and sp.mention is not None:
        d.pronouns.setdefault(key, set()).add(d.ctx.text[sp.mention[0]:sp.mention[1]].lower())


def quotes_in_content(units: list[Unit]) -> list[Unit]:
    """A quote with no speaker of its own after a cue in the same sentence is part of what that
    cue reports ("Lofgren said the announcements were “important preliminary steps …”"): it is
    the speaker's, as the words around it are."""
    cues: dict[tuple[int, int], list[Unit]] = {}  # sentence → its attributed units
    for u in units:
        if _attributed(u) and not u.quote and u.spans:
            cues.setdefault(u.sentence, []).append(u)
    out = []
    for u in units:
        if u.quote and u.sentence in cues and _speakerless_quote(u):
            cue = _reporting_cue(u, cues[u.sentence])
            if cue is not None:
                u = replace(u, speaker=cue.speaker, spans=list(cue.spans), cue=cue.speaker.cue,
                            rules=(*u.rules, QUOTE_IN_CONTENT))
        out.append(u)
    return out


def quotes_after_new_source(d: Discourse, units: list[Unit]) -> list[Unit]:
    """A quote with no cue of its own that would go on with the last quote's speaker, after a
    sentence that brings in someone else (the outlet's "John Miller, a retired steelworker, is not
    convinced." or another source's attributed sentence), is that newcomer's: the quotes after it
    (the same carried speaker, nobody new between) too."""
    out = []
    since: list[Unit] = []  # the units that are no quote since the last quote
    moved: tuple[str | None, SpeakerRef] | None = None  # carried speaker (canonical) → who speaks now
    for u in units:
        if not u.quote:
            since.append(u)
            out.append(u)
            continue
        carried = QUOTE_CONTINUES in u.rules and u.rules[0] == "unit.quote"
        newcomer = _newcomer(d, since, u.speaker) if carried else None
        if newcomer is not None:
            moved = (d.mentions.canonical(u.speaker), newcomer)
        elif not carried or (moved is not None and moved[0] != d.mentions.canonical(u.speaker)):
            moved = None  # a quote with a cue of its own, or one carried from another speaker
        if carried and moved is not None:
            spans = [moved[1].mention] if moved[1].mention else []
            u = replace(u, speaker=moved[1], spans=spans, cue=moved[1].cue, rules=(*u.rules, QUOTE_NEW_SOURCE))
        since = []
        out.append(u)
    return out


def _newcomer(d: Discourse, since: list[Unit], speaker: SpeakerRef) -> SpeakerRef | None:
    """The person the last sentence before a carried quote brings in, other than ``speaker``: the
    source of an attributed sentence, or the person the outlet's sentence opens with."""
    if not since:
        return None
    last = since[-1]
    if _attributed(last):
        other = last.speaker if last.speaker.kind == SpeakerKind.person and last.speaker.name else None
    else:
        other = _opening_person(d, last.sentence) if last.rules[:1] == ("unit.publisher",) else None
    return other if other is not None and not _same_person(d, other, speaker) else None


def _opening_person(d: Discourse, sentence: tuple[int, int]) -> SpeakerRef | None:
    """The person named among a sentence's first words ("John Miller, a retired steelworker …"),
    or after a phrase that leads it."""
    words = [k for k in d.ctx.idx.between(*sentence) if d.ctx.is_word(k)][:SUBJECT_WORDS]
    if not words:
        return None
    start, end = d.ctx.idx.spans[words[0]][0], d.ctx.idx.spans[words[-1]][1]
    named = d.unquoted_people(start, end) or d.unquoted_people(start, end, everyone=True)
    return named[0].entity if named else d.subject_person(sentence)


def _same_person(d: Discourse, a: SpeakerRef, b: SpeakerRef) -> bool:
    """Do two references name one person: the same canonical name, or one's family name (last
    word) among the other's full name's words?"""
    if d.mentions.canonical(a) == d.mentions.canonical(b):
        return True
    full_a, full_b = d.mentions.full_name(a).name or "", d.mentions.full_name(b).name or ""
    words_a, words_b = full_a.lower().split(), full_b.lower().split()
    return bool(words_a and words_b) and (words_a[-1] in words_b or words_b[-1] in words_a)


def _speakerless_quote(u: Unit) -> bool:
    """A quote with no cue of its own: the outlet's, or carried over from the quote before."""
    return u.rules == ("unit.quote",) or u.rules[-1:] == (QUOTE_CONTINUES,)


def _reporting_cue(u: Unit, attributed: list[Unit]) -> Unit | None:
    """The attributed unit whose content holds the quote ('"Let me thank …" for the victory,
    Sanders said'), else the one whose cue comes last before it."""
    inside = [a for a in attributed if a.start <= u.start and u.end <= a.end]
    if inside:
        return min(inside, key=lambda a: a.end - a.start)
    before = [a for a in attributed if a.spans[0][1] <= u.start]
    return max(before, key=lambda a: a.spans[0][1]) if before else None


def op_ed_author(d: Discourse, units: list[Unit]) -> list[Unit]:
    """An op-ed: the article speaks in the first person and ends with its author's tagline
    ("Rick Scott is the Republican governor of Florida."). What it states in its own voice is
    the author's, not the outlet's; the tagline itself is the outlet's."""
    found = _author_tagline(d)
    if found is None:
        return units
    author, tagline = found
    out = []
    for u in units:
        if u.rules[:1] == ("unit.publisher",) and u.speaker.kind == SpeakerKind.publisher \
                and not u.quote and u.start < tagline:
            u = replace(u, speaker=author, spans=[author.mention] if author.mention else [],
                        rules=(*u.rules, OP_ED))
        out.append(u)
    return out


def _author_tagline(d: Discourse) -> tuple[SpeakerRef, int] | None:
    """The author named by the last paragraph's tagline ("<Name> is …") of an article that says
    "I" or "we" outside quotes, and where the tagline starts."""
    if not d.paragraph_starts or not d.sentences:
        return None
    start = d.paragraph_starts[-1]
    words = _one_short_sentence(d, start)
    copula = _tagline_copula(d.ctx, words) if words else None
    if words is None or copula is None or not _writes_in_first_person(d, start):
        return None
    return _tagline_author(d.ctx, words, copula), start


def _one_short_sentence(d: Discourse, start: int) -> list[int] | None:
    """The word tokens from ``start`` to the end, if they are one sentence of a tagline's length."""
    ctx = d.ctx
    # one more word than a tagline has is enough to tell (a one-line article is one paragraph)
    words = list(islice((k for k in ctx.idx.between(start, len(ctx.text)) if ctx.is_word(k)), TAGLINE_WORDS + 1))
    if not 3 <= len(words) <= TAGLINE_WORDS:
        return None
    same = d.sentence_index(ctx.idx.spans[words[-1]][0]) == d.sentence_index(ctx.idx.spans[words[0]][0])
    return words if same else None


def _tagline_copula(ctx: Ctx, words: list[int]) -> int | None:
    """Where "<Name> is a/the …" has its copula: a capitalised name of two words or more before
    it and an article after it ("Mr. Hurt is eager …" is narration, not a tagline)."""
    L = ctx.L
    copula = next((n for n, k in enumerate(words[:TAGLINE_NAME + 1]) if ctx.word(k) in L.copulas), None)
    if copula is None or copula < 2 or copula + 1 >= len(words) or not all(ctx.is_cap(k) for k in words[:copula]):
        return None
    if ctx.word(words[copula + 1]) not in L.np_articles or ctx.match_seq(words[0], L.honorifics, words[copula]):
        return None
    return copula


def _writes_in_first_person(d: Discourse, before: int) -> bool:
    first_person = [a for a, _ in d.ctx.cues(d.ctx.L.first_person, 0, before) if not d.in_quote(a)]
    return len(first_person) >= OP_ED_FIRST_PERSON


def _tagline_author(ctx: Ctx, words: list[int], copula: int) -> SpeakerRef:
    spans = ctx.idx.spans
    name_start, name_end = spans[words[0]][0], spans[words[copula - 1]][1]
    role = ctx.text[spans[words[copula + 1]][0]:spans[words[-1]][1]]
    return SpeakerRef(SpeakerKind.person, name=ctx.text[name_start:name_end], role=role,
                      mention=(name_start, name_end))


def _attributed(u: Unit) -> bool:
    return u.speaker.kind != SpeakerKind.publisher and bool(u.rules) and u.rules[0] != "unit.publisher"


def carry_accounts(d: Discourse, units: list[Unit]) -> list[Unit]:
    """``units`` (in article order) with publisher sentences that continue an account in the
    same paragraph given to its speaker; a sentence about another person ends the account."""
    attributed_sentences = {u.sentence for u in units if _attributed(u) or u.quote}
    account: tuple[SpeakerRef, list[tuple[int, int]], int] | None = None  # speaker, spans, paragraph
    out = []
    for u in units:
        para = d.paragraph(u.sentence[0])
        if u.sentence in attributed_sentences:
            if _attributed(u):
                # a demand is no account that the next sentences go on with, nor is a group's or an
                # unnamed source's: "Officials say …", "they think …" report a view in one
                # sentence, and the outlet's own voice follows (on PolNeAR, seven in ten sentences
                # carried to a group were not its account)
                account = (u.speaker, u.spans, para) if _keeps_account(u) else None
            out.append(u)
            continue
        if account is not None and (para != account[2] or d.about_another(u.sentence, account[0])):
            account = None
        if account is not None and u.rules[:1] == ("unit.publisher",) and not d.tells_of_source(u.sentence):
            u = replace(u, speaker=account[0], spans=list(account[1]), cue=account[0].cue,
                        rules=(*u.rules, CONTINUES))
        out.append(u)
    return out


def _keeps_account(u: Unit) -> bool:
    """Does the unit's source go on speaking in the sentences after it: a person or an
    organisation, not a demand? Not a country either: "Israel menyebut …" reports a state's stand
    in one sentence, as a group's, and the outlet explains it after ("Hal itu didasari kekesalan
    Israel …"; helper idfix, session 13). Nor an organisation a description named ("the court
    announced …": the outlet goes on to explain, as after any description; helper enspk, session 15)."""
    return u.speaker.kind in (SpeakerKind.person, SpeakerKind.organisation) and DEMAND not in u.rules \
        and u.speaker.via not in (STATE, NAMED_BEFORE)


def _voiced(u: Unit) -> bool:
    """A unit of a named source's account (a demand is none: the outlet reports it)."""
    return u.speaker.kind in (SpeakerKind.person, SpeakerKind.organisation) and bool(u.speaker.name) \
        and DEMAND not in u.rules


def _paragraph_voices(d: Discourse, units: list[Unit]) -> dict[int, list[int]]:
    """Paragraph index → indices of its units, for paragraphs that have units."""
    by_para: dict[int, list[int]] = {}
    for t, u in enumerate(units):
        by_para.setdefault(d.paragraph(u.sentence[0]), []).append(t)
    return by_para


def resume_accounts(d: Discourse, units: list[Unit]) -> list[Unit]:
    """Publisher paragraphs between two paragraphs of the same source's account given to that
    source (see the module docstring)."""
    gap = discourse_words(d.ctx.L.code).resume_paragraphs
    if not gap:
        return units
    by_para = _paragraph_voices(d, units)
    paras = sorted(by_para)
    out = list(units)
    k = 0
    while k < len(paras):
        run = _publisher_run(units, by_para, paras, k)
        if not run or len(run) > gap:
            k += 1
            continue
        before, after = paras[k - 1] if k else None, paras[k + len(run)] if k + len(run) < len(paras) else None
        speaker = _same_source(d, units, by_para, before, after, run)
        if speaker is not None and not any(_outlet_paragraph(d, units, by_para[p]) for p in run):
            for p in run:
                for t in by_para[p]:
                    out[t] = _resumed(out[t], speaker)
        k += len(run)
    return _resume_leads(d, out, by_para)


def _resume_leads(d: Discourse, units: list[Unit], by_para: dict[int, list[int]]) -> list[Unit]:
    """A paragraph that opens with the outlet's sentences and then gives the account of the
    source the paragraph before ended with ("… kata X.¶ Pada 2015, nilai … . Menurut X, …"): the
    opening sentences are that source's too."""
    out = list(units)
    for p, ids in by_para.items():
        before = by_para.get(p - 1)
        first = next((n for n, t in enumerate(ids) if _attributed(units[t]) or units[t].quote), None)
        if not before or not first or not _voiced(units[ids[first]]):
            continue
        last = next((units[t] for t in reversed(before) if _voiced(units[t])), None)
        lead = ids[:first]
        if last is None or d.mentions.canonical(last.speaker) != d.mentions.canonical(units[ids[first]].speaker):
            continue
        if _outlet_paragraph(d, units, lead):
            continue
        for t in lead:
            out[t] = _resumed(out[t], last)
    return out


def _publisher_run(units: list[Unit], by_para: dict[int, list[int]], paras: list[int], k: int) -> list[int]:
    """The consecutive paragraphs from ``paras[k]`` whose units are all the publisher's own."""
    run: list[int] = []
    while k + len(run) < len(paras):
        p = paras[k + len(run)]
        if run and p != run[-1] + 1:
            break
        if not all(units[t].speaker.kind == SpeakerKind.publisher and not units[t].quote for t in by_para[p]):
            break
        run.append(p)
    return run


def _outlet_paragraph(d: Discourse, units: list[Unit], unit_ids: list[int]) -> bool:
    """A paragraph in the outlet's own voice: it opens as the outlet does ("Sebelumnya, …"),
    names another source, or is about a person (names one as a sentence's subject)."""
    text, words = d.ctx.text, discourse_words(d.ctx.L.code)
    sents = dict.fromkeys(units[t].sentence for t in unit_ids)
    first = next(iter(sents))
    opener = words.outlet_openers.pattern.match(text, first[0])
    if opener is not None:
        return True
    return any(words.source_words.first(text, *s) or d.subject_person(s) is not None or d.tells_of_source(s)
               for s in sents)


def _same_source(d: Discourse, units: list[Unit], by_para: dict[int, list[int]], before: int | None,
                 after: int | None, run: list[int]) -> Unit | None:
    """The last voiced unit before the run when the first voiced unit after it is the same source."""
    if before is None or after is None or before != run[0] - 1 or after != run[-1] + 1:
        return None
    last = next((units[t] for t in reversed(by_para[before]) if _voiced(units[t])), None)
    first = next((units[t] for t in by_para[after] if _voiced(units[t])), None)
    if last is None or first is None:
        return None
    same = d.mentions.canonical(last.speaker) == d.mentions.canonical(first.speaker)
    return last if same else None


def block_quote_sources(d: Discourse, reg: Registry, units: list[Unit]) -> list[Unit]:
    """A paragraph that is a quote with no source of its own, right after a paragraph whose last
    sentence has a named subject ("… the DNC issued a statement apologizing …" ¶ "“On behalf of
    everyone at the DNC, we want …”"), is that subject's, and so are the quote paragraphs that
    go on from it: the outlet does not speak in quotes."""
    if not discourse_words(d.ctx.L.code).block_quote_subjects:
        return units
    by_para = _paragraph_voices(d, units)
    out = list(units)
    last: tuple[int, SpeakerRef] | None = None  # the paragraph last given a source, and the source
    for p, ids in by_para.items():
        if not _unsourced_block_quote(d, units, p, ids):
            continue
        before = by_para.get(p - 1)
        if last is not None and last[0] == p - 1:
            source: SpeakerRef | None = last[1]
        else:
            # the subject of the outlet's own sentence, not of words quoted there
            told = before is not None and not units[before[-1]].quote
            source = _sentence_subject(d, reg, units[before[-1]].sentence) if before and told else None
        if source is None:
            continue
        last = (p, source)
        spans = [source.mention] if source.mention else []
        for t in ids:
            out[t] = replace(out[t], speaker=source, spans=spans, cue=source.cue, rules=(*out[t].rules, BLOCK_QUOTE))
    return out


def _unsourced_block_quote(d: Discourse, units: list[Unit], p: int, ids: list[int]) -> bool:
    """Does paragraph ``p`` open with a quote mark and hold only quotes nobody is named for?"""
    text = d.ctx.text
    start = d.paragraph_starts[p]
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text) or quote_mark(text, start) not in OPENING:
        return False
    return all(units[t].quote and units[t].speaker.kind == SpeakerKind.publisher for t in ids)


def _sentence_subject(d: Discourse, reg: Registry, sentence: tuple[int, int]) -> SpeakerRef | None:
    """The named person or organisation that is a sentence's subject, before its first verb
    (past a leading phrase closed by a comma: "At Brazile's direction, the DNC issued …")."""
    ctx = d.ctx
    phrase = _subject_phrase(ctx, sentence)
    if phrase is None:
        return None
    speaker = speaker_from_np(ctx, reg, *phrase)
    if speaker is None or not speaker.name or speaker.via in PRONOUN_VIAS:
        return None  # a pronoun or description: who it is was not resolved yet
    return speaker if speaker.kind == SpeakerKind.organisation or _known_person(d, speaker) else None


def _subject_phrase(ctx: Ctx, sentence: tuple[int, int]) -> tuple[int, int, str] | None:
    """Tokens i..j-1 before the sentence's first verb (auxiliaries aside), and that verb."""
    toks = ctx.idx.between(*sentence)
    lo, hi = toks.start, toks.stop
    comma = next((k for k in range(lo, min(hi, lo + LEAD_TOKENS)) if ctx.word(k) == ","), None)
    i = comma + 1 if comma is not None else lo
    i += ctx.match_seq(i, ctx.L.leading, hi)
    verb = next((k for k in range(i, min(hi, i + SUBJECT_REACH)) if ctx.is_verb(k)), None)
    if verb is None:
        return None
    j = verb
    while j > i and ctx.word(j - 1) in ctx.L.auxiliaries:
        j -= 1
    if j <= i or not all(ctx.is_word(k) and ctx.word(k) not in ctx.L.np_stops for k in range(i, j)):
        return None
    return i, j, ctx.surface(verb)


def _known_person(d: Discourse, speaker: SpeakerRef) -> bool:
    """A person the article quotes or names with a title elsewhere ("Two Americans" is none)."""
    return speaker.kind == SpeakerKind.person and d.mentions.canonical(speaker) in d.mentions.entities


def _resumed(u: Unit, source: Unit) -> Unit:
    if u.rules[:1] != ("unit.publisher",):
        return u
    sp = source.speaker
    return replace(u, speaker=sp, spans=list(source.spans), cue=sp.cue, rules=(*u.rules, RESUMES))
