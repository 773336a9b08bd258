"""Throughput of klaim.find_figures on news articles, side by side with quantulum3.

    python scripts/bench_figures.py [ARTICLES.jsonl] [--lang id] [--repeat N] [--quantulum-chars N]
    python scripts/bench_figures.py ../shared/devdata/en_polnear_train.jsonl --lang en --quantulum-chars 0

One process, one core. Reports KB/s of UTF-8 text over CPU time of this process (robust to
other load on the machine), best of N runs, and the same on 1 MB of the densest hostile text of
``bench_pathological.py`` ("harga naik 5 persen dan ...": a figure every 24 characters).
quantulum3 is much slower, so it is timed on a prefix of the same text (``--quantulum-chars``,
0 to skip) and both rates are per character, which keeps them comparable.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "devdata" / "id_news_indosum_headlines.jsonl"


def _load(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def _rate(fn, texts: list[str], repeat: int) -> tuple[float, int, int]:
    best, found = float("inf"), 0
    for _ in range(repeat):
        t0 = time.process_time()
        found = sum(len(fn(t)) for t in texts)
        best = min(best, time.process_time() - t0)
    return best, sum(len(t) for t in texts), found


_DENSE = {"id": "harga naik 5 persen dan ", "en": "prices rose 5 percent and "}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--lang", default="id", help="language of the articles (default id)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--quantulum-chars", type=int, default=300_000,
                    help="characters of the same text to time quantulum3 on (default 300000)")
    args = ap.parse_args()
    path = Path(args.path)
    if not path.is_file():
        print(f"no article file at {path}: pass the IndoSum JSONL path "
              f"(devdata/id_news_indosum_headlines.jsonl) as the first argument", file=sys.stderr)
        return 2
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    from klaim import find_figures

    lang = args.lang
    texts = _load(path)
    find_figures(texts[0], lang)  # compile the language's patterns outside the timing
    for t in texts:  # and the per-token patterns
        find_figures(t, lang)
    secs, chars, found = _rate(lambda t: find_figures(t, lang), texts, args.repeat)
    kb = sum(len(t.encode()) for t in texts) / 1000
    k_rate = chars / secs
    print(f"corpus: {path.name} ({lang}): {len(texts)} articles, {chars:,} chars, {kb / 1000:.2f} MB (UTF-8)")
    print(f"klaim.find_figures   : {secs:7.2f} s  {k_rate:12,.0f} chars/s  {kb / secs:6.0f} KB/s  "
          f"{found:,} figures  (CPU time, best of {args.repeat})")
    piece = _DENSE.get(lang, _DENSE["en"])
    dense = (piece * (2**20 // len(piece) + 1))[: 2**20]
    dsecs, _, dfound = _rate(lambda t: find_figures(t, lang), [dense], args.repeat)
    print(f"dense 1 MB ({piece.strip()!r} ...): {dsecs:.2f} s CPU  {dfound:,} figures "
          f"({dsecs / max(dfound, 1) * 1e6:.1f} µs per figure)")
    if args.quantulum_chars <= 0:
        return 0
    try:
        from quantulum3 import parser as q
    except ImportError:
        print("quantulum3 is not installed (pip install -e '.[bench]'); no comparison")
        return 0
    subset, n = [], 0
    for t in texts:
        if n >= args.quantulum_chars:
            break
        subset.append(t)
        n += len(t)
    q.parse(subset[0][:200])  # load its models outside the timing
    qsecs, qchars, qfound = _rate(q.parse, subset, 1)
    q_rate = qchars / qsecs
    ksecs, _, kfound = _rate(lambda t: find_figures(t, lang), subset, args.repeat)
    print(f"quantulum3.parse     : {qsecs:7.2f} s  {q_rate:12,.0f} chars/s  "
          f"{qchars / qsecs * kb / chars:6.0f} KB/s  {qfound:,} quantities  "
          f"(subset: first {len(subset)} articles, {qchars:,} chars; one run)")
    print(f"klaim on that subset : {ksecs:7.2f} s  {qchars / ksecs:12,.0f} chars/s  {kfound:,} figures")
    print(f"speed ratio klaim / quantulum3 (chars/s): {k_rate / q_rate:,.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
