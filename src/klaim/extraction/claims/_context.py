"""What every stage of one extraction shares: the text, its tokens and the language data."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter
from typing import Any

from klaim.extraction.claims._lang import Lang, Phrases, Sequences
from klaim.extraction.text import TokenIndex, paragraphs, sentences

# A dateline: capitalised words (city, agency) or a site's lower-case name ("blokBojonegoro.com")
# and a dash at the start of a paragraph.
# The next word starts a sentence: "Masing - masing" (a spaced reduplication) is no dateline.
# A group may be a date ("LONDON, March 3 (Reuters) -", "Jakarta, 12/3 (ANTARA) -").
# Dash groups are separated by required whitespace (\s+, not \s*): with \s* a run of dashes could
# be split between the groups in exponentially many ways, and 40 dashes after a capital hung.
# "―" (U+2015, the horizontal bar) is HuffPost's dateline dash ("PHILADELPHIA ― Hillary Clinton's …")
DATELINE = re.compile(r"(?:[A-Z][\w.]*|[a-z]\w*(?:\.\w+)*\.(?:com|net|org|id|tv))"
                      r"(?:[ ,]+(?:\(?[A-Z][\w.]*\)?|\d{1,2}(?:/\d{1,2})?)){0,5}\s*[-–—―]+(?:\s+[-–—―]+)*"
                      r"[\s\u200b-\u200f\u2060\ufeff]+(?=[A-Z\"“])")
_FIRST_CHARACTER = itemgetter(slice(0, 1))  # w[:1]
CLOSING = frozenset('”»"')
OPENING = frozenset('“«„"')


@dataclass
class Ctx:
    text: str
    idx: TokenIndex
    L: Lang
    _cues: dict[int, tuple[list[int], list[tuple[int, int]]]] | None = None
    _positions: dict[str, list[int]] | None = None
    _word_prefix: list[int] | None = None
    _number_prefix: list[int] | None = None
    memo: dict[Any, Any] = field(default_factory=dict)  # per-article caches of the stages
    # The token look-ups every stage makes millions of times per MB: bound to the lists' own
    # __getitem__, a C call, rather than a Python method that indexes the list.
    word: Callable[[int], str] = field(init=False, repr=False)  # the lower-cased token k
    is_cap: Callable[[int], bool] = field(init=False, repr=False)
    is_word: Callable[[int], bool] = field(init=False, repr=False)
    # Is token k a verb? A capitalised word is a name or a sentence's start, not a verb; see
    # ``_Verbs``. Asked some forty times per claim: an answer found before is a dict's own look-up.
    is_verb: Callable[[int], bool] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.word = self.idx.lower.__getitem__
        self.is_cap = self.idx.is_cap.__getitem__
        self.is_word = self.idx.is_word.__getitem__
        self.is_verb = _Verbs(self.idx, self.L).__getitem__

    def words_between(self, i: int, j: int) -> int:
        """Number of word tokens among tokens i..j-1 (a prefix sum: constant time)."""
        if j <= i:
            return 0
        if self._word_prefix is None:
            self._word_prefix = [0, *accumulate(self.idx.is_word)]
        return self._word_prefix[j] - self._word_prefix[i]

    def numbers_between(self, i: int, j: int) -> int:
        """Number of tokens among i..j-1 that open with a digit (a prefix sum: constant time)."""
        if j <= i:
            return 0
        if self._number_prefix is None:
            # w[:1].isdigit() of every token, mapped in C rather than by a generator step per token
            self._number_prefix = [0, *accumulate(map(str.isdigit, map(_FIRST_CHARACTER, self.idx.lower)))]
        return self._number_prefix[j] - self._number_prefix[i]

    def positions(self, word: str) -> list[int]:
        """Token indices where the lower-cased ``word`` occurs."""
        if self._positions is None:
            found: dict[str, list[int]] = {}
            for k, w in enumerate(self.idx.lower):
                at = found.get(w)
                if at is None:
                    found[w] = [k]  # no list made and thrown away for every token, as setdefault would
                else:
                    at.append(k)
            self._positions = found
        return self._positions.get(word, [])

    skip: tuple[int, int] | None = None  # a range whose cues do not count (an inserted clause)

    def cues(self, ph: Phrases, s: int, e: int) -> list[tuple[int, int]]:
        """Matches of a cue list inside [s, e) (outside ``skip``), from one pass over the
        article's tokens."""
        if self._cues is None:
            self._cues = self._scan_cues()
        hit = self._cues.get(id(ph))
        if hit is None:
            return []
        starts, spans = hit
        lo = bisect_left(starts, s)
        hi = bisect_left(starts, e, lo)  # the cues starting inside [s, e): most claims have none
        if lo == hi:
            return []
        skip = self.skip
        return [(a, b) for a, b in spans[lo:hi] if b <= e and not (skip and skip[0] <= a < skip[1])]

    def _scan_cues(self) -> dict[int, tuple[list[int], list[tuple[int, int]]]]:
        index = self.L.cue_index()
        lower, spans = self.idx.lower, self.idx.spans
        found: dict[int, list[tuple[int, int]]] = {}
        last = len(lower) - 1
        for k, w in enumerate(lower):
            entry = index.get(w)
            if entry is None:
                continue
            singles, longer = entry
            for key in singles:
                found.setdefault(key, []).append(spans[k])
            if k < last and longer:
                for key, seq in longer.get(lower[k + 1], ()):
                    n = len(seq)
                    if tuple(lower[k:k + n]) == seq:
                        found.setdefault(key, []).append((spans[k][0], spans[k + n - 1][1]))
        for v in found.values():
            v.sort(key=lambda span: (span[0], -span[1]))  # longest first where cues share a start
        return {key: ([a for a, _ in v], v) for key, v in found.items()}

    def paragraphs(self) -> list[tuple[int, int]]:
        """The article's paragraphs (``text.paragraphs``), found once: the attribution and
        discourse stages both read them (and the sentences within them). Read only."""
        hit = self.memo.get("text.paragraphs")
        if hit is None:
            hit = self.memo["text.paragraphs"] = paragraphs(self.text)
        return hit

    def sentences(self) -> list[tuple[int, int]]:
        """The article's sentences (``text.sentences``), found once as the paragraphs are. Read only."""
        hit = self.memo.get("text.sentences")
        if hit is None:
            hit = self.memo["text.sentences"] = sentences(self.text, self.L.code, self.paragraphs())
        return hit

    def surface(self, k: int) -> str:
        s, e = self.idx.spans[k]
        return self.text[s:e]

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens i..j-1."""
        return self.idx.spans[i][0], self.idx.spans[j - 1][1]

    def phrase(self, i: int, j: int) -> str:
        s, e = self.span(i, j)
        return self.text[s:e]

    def match_seq(self, k: int, seqs: Sequences, limit: int) -> int:
        """Length of the longest sequence in ``seqs`` starting at token k (0 if none)."""
        if k >= limit:
            return 0
        lower = self.idx.lower
        for seq in seqs.by_first.get(lower[k], ()):
            n = len(seq)
            if k + n <= limit and (n == 1 or tuple(lower[k:k + n]) == seq):
                return n
        return 0

    def gazetteer_at(self, k: int, limit: int) -> tuple[int, tuple[str, str] | None]:
        """Longest gazetteer entry starting at token k: (length, (label, canonical))."""
        if k >= limit or not self.is_cap(k) or self.idx.lower[k] not in self.L.gazetteer_first:
            return 0, None
        for n in range(min(self.L.gazetteer_max, limit - k), 0, -1):
            hit = self.L.gazetteer.get(" ".join(self.idx.lower[k:k + n]))
            if hit is not None:
                return n, hit
        return 0, None


class _Verbs(dict[int, bool]):
    """Whether each token asked about is a verb, worked out the first time it is asked
    (``__missing__``). Holds the tokens and the language, not the ``Ctx``: no reference cycle."""

    __slots__ = ("L", "idx")

    def __init__(self, idx: TokenIndex, L: Lang) -> None:
        super().__init__()
        self.idx, self.L = idx, L

    def __missing__(self, k: int) -> bool:
        """A verb is lower case in running text; capitalised words are names or starts."""
        idx, L = self.idx, self.L
        w = idx.lower[k]
        # the word before is checked first: most words follow no agent or auxiliary
        hit = idx.is_word[k] and (L.is_verb(w) or (k > 0 and (idx.lower[k - 1] in L.object_focus_agents
                                                               or idx.lower[k - 1] in L.auxiliaries)
                                                    and self._object_focus(k, w))) \
            and not (idx.is_cap[k] and w not in L.verbs)
        self[k] = hit
        return hit

    def _object_focus(self, k: int, w: str) -> bool:
        """ "sudah kami salurkan", "kita akan tindaklanjuti": a bare word with an object-verb
        suffix after a first-person agent (past auxiliaries) is a verb whose agent the pronoun is,
        the object-focus voice of speech, with no prefix to tell it by."""
        L = self.L
        if not L.object_focus_agents or not w.endswith(L.object_verb_suffixes) or w in L.non_verbs:
            return False
        if not any(w.endswith(s) and len(w) - len(s) >= L.verb_min_stem for s in L.object_verb_suffixes):
            return False
        lower = self.idx.lower
        t = k - 1
        while t >= 0 and lower[t] in L.auxiliaries:
            t -= 1
        return t >= 0 and lower[t] in L.object_focus_agents
