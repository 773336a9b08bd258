"""Throughput of klaim.find_figures on IndoSum news articles, side by side with quantulum3.

    python scripts/bench_figures.py [ARTICLES.jsonl] [--repeat N] [--quantulum-chars N]

One process, one core. quantulum3 is much slower, so it is timed on a prefix of the same text
(``--quantulum-chars``) and both rates are per character, which keeps them comparable.
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
        t0 = time.perf_counter()
        found = sum(len(fn(t)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    return best, sum(len(t) for t in texts), found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
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

    texts = _load(path)
    find_figures(texts[0], "id")  # compile the language's patterns outside the timing
    secs, chars, found = _rate(lambda t: find_figures(t, "id"), texts, args.repeat)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    k_rate = chars / secs
    print(f"corpus: {path.name}: {len(texts)} articles, {chars:,} chars, {mb:.2f} MB (UTF-8)")
    print(f"klaim.find_figures   : {secs:7.2f} s  {k_rate:12,.0f} chars/s  {mb / secs:6.2f} MB/s  "
          f"{found:,} figures  (best of {args.repeat})")
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
    ksecs, _, kfound = _rate(lambda t: find_figures(t, "id"), subset, args.repeat)
    print(f"quantulum3.parse     : {qsecs:7.2f} s  {q_rate:12,.0f} chars/s  "
          f"{qchars / qsecs * mb / chars:6.3f} MB/s  {qfound:,} quantities  "
          f"(subset: first {len(subset)} articles, {qchars:,} chars; one run)")
    print(f"klaim on that subset : {ksecs:7.2f} s  {qchars / ksecs:12,.0f} chars/s  {kfound:,} figures")
    print(f"speed ratio klaim / quantulum3 (chars/s): {k_rate / q_rate:,.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
