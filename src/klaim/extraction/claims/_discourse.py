"""The discourse of an article: whose account each sentence continues.

News names a source once ("kata Risal", "Retno said") and goes on paraphrasing that source's
account for a while without a new cue. A sentence with no attribution of its own that follows
an attributed one in the same paragraph continues that account; the outlet's own voice returns
with the next paragraph, and another source introduced starts its own account. (Carrying an
account into the next paragraph helps Indonesian news a little but costs English news more,
where a paragraph is often one sentence: measured on both claims golds.)
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from klaim.extraction.claims._attribution import SpeakerRef
from klaim.extraction.claims._decompose import Unit
from klaim.schema import SpeakerKind

CONTINUES = "discourse.account-continues"


def _attributed(u: Unit) -> bool:
    return u.speaker.kind != SpeakerKind.publisher and bool(u.rules) and u.rules[0] != "unit.publisher"


def carry_accounts(units: list[Unit], paragraph_starts: list[int]) -> list[Unit]:
    """``units`` (in article order) with publisher sentences that continue an account in the
    same paragraph given to its speaker."""
    attributed_sentences = {u.sentence for u in units if _attributed(u) or u.quote}
    account: tuple[SpeakerRef, list[tuple[int, int]], int] | None = None  # speaker, spans, paragraph
    out = []
    for u in units:
        para = bisect_right(paragraph_starts, u.sentence[0]) - 1
        if u.sentence in attributed_sentences:
            if _attributed(u):
                account = (u.speaker, u.spans, para)
            out.append(u)
            continue
        if account is not None and para != account[2]:
            account = None
        if account is not None and u.rules[:1] == ("unit.publisher",):
            u = replace(u, speaker=account[0], spans=list(account[1]), cue=account[0].cue,
                        rules=(*u.rules, CONTINUES))
        out.append(u)
    return out
