"""What every stage of one extraction shares: the text, its tokens and the language data."""

from __future__ import annotations

from dataclasses import dataclass

from klaim.claims._lang import Lang
from klaim.text import TokenIndex

CLOSING = frozenset('”»"')
OPENING = frozenset('“«„"')
PUNCT_END = frozenset(".,;:!?…")


@dataclass
class Ctx:
    text: str
    idx: TokenIndex
    L: Lang

    def word(self, k: int) -> str:
        return self.idx.lower[k]

    def surface(self, k: int) -> str:
        s, e = self.idx.spans[k]
        return self.text[s:e]

    def is_cap(self, k: int) -> bool:
        s, _ = self.idx.spans[k]
        return self.text[s].isupper()

    def is_word(self, k: int) -> bool:
        s, _ = self.idx.spans[k]
        return self.text[s].isalnum()

    def is_verb(self, k: int) -> bool:
        """A verb is lower case in running text; capitalised words are names or starts."""
        w = self.idx.lower[k]
        return self.is_word(k) and self.L.is_verb(w) and not (self.is_cap(k) and w not in self.L.verbs)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens i..j-1."""
        return self.idx.spans[i][0], self.idx.spans[j - 1][1]

    def phrase(self, i: int, j: int) -> str:
        s, e = self.span(i, j)
        return self.text[s:e]

    def match_seq(self, k: int, seqs: tuple[tuple[str, ...], ...], limit: int) -> int:
        """Length of the longest sequence in ``seqs`` starting at token k (0 if none)."""
        for seq in seqs:
            n = len(seq)
            if k + n <= limit and tuple(self.idx.lower[k:k + n]) == seq:
                return n
        return 0

    def gazetteer_at(self, k: int, limit: int) -> tuple[int, tuple[str, str] | None]:
        """Longest gazetteer entry starting at token k: (length, (label, canonical))."""
        for n in range(min(self.L.gazetteer_max, limit - k), 0, -1):
            if not self.is_cap(k):
                break
            hit = self.L.gazetteer.get(self.phrase(k, k + n).lower())
            if hit is not None:
                return n, hit
        return 0, None
