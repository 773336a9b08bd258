"""Offset-preserving segmentation: tokens, paragraphs, quotes, sentences and clauses.

Nothing here rewrites the text: every function returns character offsets into the string it was
given, so that claims can point back at the exact article text. Spans never start or end with
whitespace. Language knowledge (abbreviations) comes from the ``<lang>.claims.yaml`` table.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from klaim.errors import ArticleTooLarge, InputError
from klaim.extraction.lang import load_table
from klaim.schema import lone_surrogate

# Beyond any news article (a long report is ~100,000 characters); extraction is linear, so the
# limit bounds time and memory per article rather than working around a slow path.
MAX_ARTICLE_CHARS = 10_000_000
# The longest sentence in 1,346 IndoSum articles is 765 characters, in 840 PolNeAR articles 979.
# A longer "sentence" is run-on text (no full stops, one unbalanced bracket): it is cut into
# segments of at most this many characters, so that a claim carries a sentence-sized context and
# the per-sentence work stays bounded.
MAX_SENTENCE_CHARS = 1_200

# A word keeps inner dots, commas, hyphens, slashes and apostrophes ("350.000", "ke-75", "U.S",
# "rekan-rekan", "27/3") so that numbers and reduplications stay one token.
# A full stop that scraped copy glued to the next sentence ("tahun anggaran 2012.Fahd disebut",
# "Trump said.Trump claimed"): after a lower-case letter or a digit, before a capitalised word that
# a space or a clause mark follows (not "putusan 35.Pid. Sus", "35/Pid.Sus-TPK/2015": case numbers)
# and that is no web domain ("Detik.Com").
GLUED_STOP = r"(?<=[a-z0-9])\.(?=(?!(?:Com|Net|Org|Co)\b)[A-Z][a-z]+(?=[\s,;:!?]))"
TOKEN = re.compile(rf"\w+(?:[-,/'’]\w+|(?!{GLUED_STOP})\.\w+)*|[^\w\s]")
_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence may end at terminal punctuation, optionally followed by closing quotes or brackets,
# when whitespace follows.
_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)|[.!?…]+[\"”’')\]]*$|" + GLUED_STOP)
# Read backwards: a search for the run that ends at the dot tries every start in the window.
_WORD_RUN = re.compile(r"[\w.]*")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}|[a-zA-Z])$")

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
STRAIGHT_QUOTE = '"'
# Typewriter copy (the New York Times archive, TeX-style wire text) marks a quote with two
# characters: ''…'' or ``…''. Two apostrophes act as a straight quote (they close the open quote,
# else open one), two backticks open one. Three apostrophes are a single quote nested at the edge:
# "…,''' he said" closes with the last two, "'''Sir, …" opens with the first two.
DOUBLE_APOSTROPHE = "''"
DOUBLE_BACKTICK = "``"
_DOUBLED = (DOUBLE_APOSTROPHE, DOUBLE_BACKTICK)
_QUOTE_MARK = re.compile("'''?|``|[" + OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE + "]")
_OPENERS = frozenset(OPEN_QUOTES + STRAIGHT_QUOTE)
# What may close a sentence after its final mark: quote marks, typewriter and single ones included
_TRAILING_MARKS = CLOSE_QUOTES + STRAIGHT_QUOTE + "'’"
_FINAL_MARKS = ".!?…"
_CLOSERS = frozenset(CLOSE_QUOTES + STRAIGHT_QUOTE)
_CLOSING_DOUBLES = frozenset("”")  # the closer that Indonesian copy also types to open a quote
# Anything but spaces and final punctuation: a quote opened before it has content. (A search
# stops at the first such character; stripping the rest of the paragraph copied it for every mark.)
_CONTENT_AFTER = re.compile(r"[^ .,;:!?\t]")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` are the content inside the marks (trimmed)."""

    open: int          # offset of the opening mark
    close: int | None  # offset of the closing mark; None when the quote never closes
    start: int
    end: int


def check_text(text: object, max_chars: int | None = MAX_ARTICLE_CHARS) -> str:
    """``text`` if klaim can extract from it; else a clear ``InputError``.

    Text must be a ``str`` that UTF-8 can encode (no lone surrogates: every file klaim reads is
    UTF-8, and every release it writes is), and at most ``max_chars`` characters long (``None``:
    no limit).
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, got {type(text).__name__}")
    if max_chars is not None and len(text) > max_chars:
        raise ArticleTooLarge(len(text), max_chars)
    bad = lone_surrogate(text)
    if bad is not None:
        raise InputError(f"text holds a lone surrogate (U+{ord(text[bad]):04X}) at offset {bad}; "
                         "klaim reads Unicode text that UTF-8 can encode")
    return text


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so that it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def tokens(text: str) -> list[tuple[int, int]]:
    """Offsets of words and punctuation marks."""
    return [m.span() for m in TOKEN.finditer(text)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines: news text puts one paragraph (or list item) per line. A line that ends in
    the middle of a sentence (on a letter or digit) and a next line that goes on in lower case are
    one paragraph: copied or scraped text breaks sentences ("… Uruguay ini beragendakan" /
    "membahas isu perdagangan …")."""
    out: list[tuple[int, int]] = []
    for m in _PARAGRAPH.finditer(text):
        s, e = trim(text, *m.span())
        if s >= e:
            continue
        if out and _sentence_runs_on(text, out[-1][1], s):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _sentence_runs_on(text: str, end: int, start: int) -> bool:
    """Does the line ending at ``end`` stop mid-sentence and the line at ``start`` go on with it?
    Not when the next line opens a list item ("b. Tidak melaksanakan …") or with a site's name
    ("blokBojonegoro.com - …", a dateline after a byline)."""
    if not (text[end - 1].isalnum() and text[start].islower()):
        return False
    return _OPENS_ITEM_OR_SITE.match(text, start) is None


# a list item's letter or number and its mark, or a first word with a dot inside (a site's name)
_OPENS_ITEM_OR_SITE = re.compile(r"\w{1,2}[.)]\s|\S*\w\.\w")


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(a.lower() for a in load_table(lang, "claims").get("abbreviations", []))


def quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Quotations in ``text[start:end]`` (normally one paragraph).

    Curly marks say which way they face; a straight ``"`` (or two apostrophes) closes the open
    quote if there is one and opens one otherwise (detokenised copy spaces marks both ways:
    ``, "ucap Dedi``). A quote that never closes runs to the end of the range (news paragraphs
    often leave a quote open when it continues in the next paragraph). A mark that would open a
    quote with nothing after it, or a closing mark with no open quote, extends the quote before
    it: translated wire copy sometimes closes a quote twice ("… NATO." warga … saya.").
    """
    end = len(text) if end is None else end
    found: list[Quote] = []
    opened: int | None = None
    content = 0  # where the open quote's content starts, after its mark
    for m in _QUOTE_MARK.finditer(text, start, end):
        i, mark, role = _read_mark(text, m, opened is not None, bool(found), end)
        if role == "open":
            opened, content = i, i + min(len(mark), 2)
        elif role == "close" and opened is not None:
            s, e = trim(text, content, i)
            if s < e:
                found.append(Quote(opened, i, s, e))
            opened = None
        elif role == "stray" and found and found[-1].close is not None:
            q = found[-1]
            found[-1] = Quote(q.open, i, q.start, trim(text, q.start, i)[1])
    if opened is not None:
        s, e = trim(text, content, end)
        if s < e:
            found.append(Quote(opened, None, s, e))
    return found


def _read_mark(text: str, m: re.Match[str], is_open: bool, after_quote: bool, end: int) -> tuple[int, str, str]:
    """Where the quote mark matched by ``m`` starts, the mark, and what it does."""
    i, mark = m.start(), m.group()
    if len(mark) == 3 and is_open:
        i, mark = i + 1, DOUBLE_APOSTROPHE  # the outer quote closes with the last two
    role = _role(mark, is_open)
    if role == "open" and after_quote and mark[0] in "\"'" and not _CONTENT_AFTER.search(text, i + len(mark), end):
        role = "stray"
    elif role == "stray" and _closer_opens(text, i, mark, end):
        role = "open"
    return i, mark, role


def _closer_opens(text: str, i: int, mark: str, end: int) -> bool:
    """Does a closing double mark, with no quote open, open one (``” Ada informasi …,” ujarnya``)?
    Indonesian copy often types both marks as ``”``. It opens when it stands before a word, at the
    start of the range or after white space; a closer glued to the end of a word ("… NATO.” warga")
    still extends the quote before it."""
    if mark not in _CLOSING_DOUBLES:
        return False
    after = _CONTENT_AFTER.search(text, i + 1, end)
    if after is None or not text[after.start()].isalnum():
        return False
    return i == 0 or text[i - 1].isspace()


def _role(mark: str, is_open: bool) -> str:
    """What a quote mark does, given whether a quote is open: open, close, skip or stray."""
    if mark[0] in "\"'":
        return "close" if is_open else "open"
    if mark[0] in OPEN_QUOTES or mark == DOUBLE_BACKTICK:
        return "skip" if is_open else "open"  # a nested opener stays inside
    return "close" if is_open else "stray"


def ends_sentence(s: str) -> bool:
    """Does ``s`` end in a final mark, the quote marks that close it aside ("… war.''", "….’”")?"""
    body = s.rstrip(_TRAILING_MARKS)
    return bool(body) and body[-1] in _FINAL_MARKS


def mark_end(text: str, i: int) -> int:
    """End of the quote mark that starts at offset ``i``: one character, or two (``''``)."""
    return i + 2 if text.startswith(_DOUBLED, i) else i + 1


def opens_quote(text: str, i: int) -> bool:
    """Can the character at offset ``i`` open a quotation (``“``, ``"``, the first of ``''``)?"""
    ch = text[i]
    return ch in _OPENERS or (ch in "'`" and text.startswith(_DOUBLED, i))


def closes_quote(text: str, i: int) -> bool:
    """Is the character at offset ``i`` part of a mark that can close a quotation (``”``, ``"``,
    either apostrophe of ``''``)? Tokens split ``''`` in two: the token before a cue is the second."""
    ch = text[i]
    return ch in _CLOSERS or (ch == "'" and (text.startswith(DOUBLE_APOSTROPHE, i) or text[i - 1:i + 1] == "''"))


def quote_mark(text: str, i: int) -> str:
    """The character at offset ``i`` read as one quote mark: the first of ``''`` reads as ``"``,
    the first of two backticks as ``“``, the second of either as nothing (``""``); any other
    character is itself. Lets a test written for one-character marks read doubled ones."""
    ch = text[i]
    if ch not in "'`":
        return ch
    if text.startswith(_DOUBLED, i):
        return STRAIGHT_QUOTE if ch == "'" else OPEN_QUOTES[0]
    return "" if text[i - 1:i + 1] in _DOUBLED else ch


def mark_before(text: str, i: int) -> str:
    """The quote mark that ends right before offset ``i``, read as one character (as in
    ``quote_mark``); the character before ``i`` when it is no doubled mark."""
    if i <= 0:
        return ""
    pair = text[i - 2:i] if i >= 2 else ""
    if pair in _DOUBLED:
        return STRAIGHT_QUOTE if pair == DOUBLE_APOSTROPHE else OPEN_QUOTES[0]
    return text[i - 1]


_INLINE_SPACE = " \u00a0\u2009\u202f"


def _is_boundary(text: str, para_start: int, dot: int, after: int, abbreviations: frozenset[str],
                 depth: int) -> bool:
    """Does the punctuation run ending at ``after`` (first mark at ``dot``) end a sentence?"""
    if depth > 0:  # inside parentheses that close later in the paragraph
        return False
    nxt = after
    while nxt < len(text) and text[nxt] in _INLINE_SPACE:  # web copy puts a no-break space after "."
        nxt += 1
    if nxt >= len(text) or text[nxt] == "\n":
        return True
    if not _may_open_sentence(text, nxt):
        return False  # a lower-case continuation: "… NATO." warga …, "dll. dan"
    if text[dot] == ".":
        word = _word_before(text, max(para_start, dot - 40), dot).lower()  # bounded: keeps it linear
        if word in abbreviations or word.rstrip(".") in abbreviations:
            return False
        if len(word) == 1 and word.isalpha():
            return False  # an initial: "J. Smith"
        if dot - para_start <= 3 and _LIST_MARKER.match(text[para_start:dot]):
            return False  # "1. Item" at the start of a paragraph
    return True


_SENTENCE_OPENING_MARKS = frozenset(OPEN_QUOTES + STRAIGHT_QUOTE + "([")


def _may_open_sentence(text: str, i: int) -> bool:
    """Can a sentence start at offset ``i``: a capital, a digit, an opening mark or bracket, or
    two apostrophes with a word after them (not the ones that close a quote: "'no.' '' Then")?"""
    ch = text[i]
    if ch.isupper() or ch.isdigit() or ch in _SENTENCE_OPENING_MARKS:
        return True
    return text.startswith(_DOUBLED, i) and bool(text[i + 2:i + 3].strip())


def _word_before(text: str, lo: int, end: int) -> str:
    """The run of word characters and dots that ends at ``end``, reaching back at most to ``lo``."""
    n = _WORD_RUN.match(text[lo:end][::-1]).end()  # type: ignore[union-attr]  # "*" always matches
    return text[end - n:end]


_SCAN = re.compile(r"[().!?…]")


def sentences(text: str, lang: str = "id", paras: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans, never crossing a paragraph; closing quotes stay with their sentence.
    ``paras``: the text's ``paragraphs``, when the caller has them already."""
    abbreviations = _abbreviations(lang)
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs(text) if paras is None else paras:
        start, depth = ps, 0
        last_close = text.rfind(")", ps, pe)
        i = ps
        for m in _SCAN.finditer(text, ps, pe):
            j = m.start()
            if j < i:
                continue  # inside a punctuation run already consumed
            ch = text[j]
            if ch == "(":
                if last_close > j:
                    depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            else:
                end = _END.match(text, j, pe)
                if end:
                    # a bracket closed inside the run ("(D-Calif.) said") closes its depth too
                    depth = max(0, depth - text.count(")", j, end.end()))
                    if _is_boundary(text, ps, j, end.end(), abbreviations, depth):
                        out += _bounded(text, start, end.end())
                        start = end.end()
                    i = end.end()
        out += _bounded(text, start, pe)
    return out


_SAFE_CUTS = (re.compile(r"[;:]\s"), re.compile(r",\s"), re.compile(r"\s"))


def _bounded(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """The trimmed sentence [start, end), cut into pieces of at most ``limit`` characters.

    Each cut falls at the last clause break (";", ":", ",") in the second half of the window,
    else at its last space, else (one token longer than the window) at the window's end. Every
    piece advances by at least half the limit, so cutting is linear in the sentence length.
    """
    out = []
    s, e = trim(text, start, end)
    while e - s > limit:
        cut = _safe_cut(text, s + limit // 2, s + limit)
        a, b = trim(text, s, cut)
        if a < b:
            out.append((a, b))
        s, e = trim(text, cut, e)
    if s < e:
        out.append((s, e))
    return out


def _safe_cut(text: str, lo: int, hi: int) -> int:
    """Offset in (lo, hi] just after the preferred break in text[lo:hi], or hi."""
    for pattern in _SAFE_CUTS:
        found = None
        for found in pattern.finditer(text, lo, hi):  # noqa: B007 - the last match is the one wanted
            pass
        if found is not None:
            return found.start() + 1
    return hi


_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[-–—]\s+")


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma, semicolon, colon and dash separated pieces of a sentence, trimmed.

    A coarse cut used for residual clauses; the decomposer refines it with verbs and connectives.
    """
    out = []
    pos = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        s, e = trim(text, pos, m.start())
        if s < e:
            out.append((s, e))
        pos = m.end()
    s, e = trim(text, pos, end)
    while e > s and text[e - 1] in ".!?…":
        e -= 1
    if s < e:
        out.append((s, e))
    return out


def _lowered_tokens(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Each token lower-cased. The text is lower-cased once and sliced when that gives the same
    as lower-casing each token: no character grows (the lengths agree; none shrinks) and no
    capital sigma, whose lower case depends on the letters around it, which may lie outside its
    token."""
    lowered = text.lower()
    if len(lowered) == len(text) and "\u03a3" not in text:
        return [lowered[s:e] for s, e in spans]
    return [text[s:e].lower() for s, e in spans]


class TokenIndex:
    """Tokens of a whole text with fast range look-up (one tokenisation per article)."""

    __slots__ = ("_buckets", "ends", "is_cap", "is_word", "lower", "spans", "starts", "text")

    def __init__(self, text: str):
        self.text = text
        self.spans = tokens(text)
        self.starts = [s for s, _ in self.spans]
        self.ends = [e for _, e in self.spans]
        self.lower = _lowered_tokens(text, self.spans)
        self.is_word = [text[s].isalnum() for s, _ in self.spans]
        self.is_cap = [text[s].isupper() for s, _ in self.spans]
        # the first token starting at or after each multiple of _BUCKET characters: a search for
        # an offset then bisects the few tokens of its bucket, not all the article's (the stages
        # ask for the tokens between two offsets some ten times per claim)
        starts, n = self.starts, len(text)
        self._buckets = [bisect_left(starts, c) for c in range(0, n + _BUCKET, _BUCKET)] + [len(starts)]

    def between(self, start: int, end: int) -> range:
        """Indices of tokens lying inside [start, end)."""
        starts, buckets = self.starts, self._buckets
        # the bisections inlined: a call costs as much as the search
        b = start // _BUCKET
        if start < 0:
            i = 0
        elif b + 1 < len(buckets):
            i = bisect_left(starts, start, buckets[b], buckets[b + 1])
        else:
            return range(len(starts), len(starts))
        if end <= start or end <= 0:
            return range(i, i)
        # tokens do not overlap: of those starting before ``end``, only the last may run past it
        b = end // _BUCKET
        j = bisect_left(starts, end, buckets[b], buckets[b + 1]) if b + 1 < len(buckets) else len(starts)
        if j > i and self.ends[j - 1] > end:
            j -= 1
        return range(i, j)


_BUCKET = 64
