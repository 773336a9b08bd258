#!/usr/bin/env python
"""Throughput of ``klaim.extract`` on news articles, one core.

    python scripts/bench_extract.py [PATH] [--lang LANG] [--limit N] [--repeat R]
    python scripts/bench_extract.py ../shared/devdata/en_polnear_train.jsonl --lang en

PATH defaults to ../shared/devdata/id_news_indosum_headlines.jsonl (relative to the repository
root); each record's ``lang`` is used, else ``--lang`` (default ``id``). Reports KB/s of UTF-8
article text over CPU time of this process (what one core does,
robust to other load on the machine) and over wall-clock time, best of R runs, and the share of
time spent in ``find_figures`` (which ``extract`` calls once per article).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "devdata" / "id_news_indosum_headlines.jsonl"


def _timed(fn, texts):
    c0, w0 = time.process_time(), time.perf_counter()
    n = 0
    for t in texts:
        n += len(fn(t))
    return time.process_time() - c0, time.perf_counter() - w0, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--lang", default="id", help="language of records that do not state one")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    args = ap.parse_args(argv)
    path = Path(args.path)
    if not path.is_file():
        print(f"bench_extract: {path} not found. Pass the IndoSum JSONL path "
              "(the dev data lives outside the repository, in ../shared/devdata/).", file=sys.stderr)
        return 2
    import klaim

    # One record per "\n": U+2028 and friends inside a JSON string are text, not line breaks.
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    if args.limit:
        records = records[: args.limit]
    texts = [(r["text"], r.get("lang") or args.lang) for r in records]
    kb = sum(len(t.encode("utf-8")) for t, _ in texts) / 1000
    for lang in {lang for _, lang in texts}:
        klaim.extract(texts[0][0], lang)  # load tables and compile patterns outside the timing
    best = min((_timed(lambda t: klaim.extract(*t), texts) for _ in range(args.repeat)), key=lambda r: r[0])
    figs = min((_timed(lambda t: klaim.find_figures(*t), texts) for _ in range(args.repeat)), key=lambda r: r[0])
    cpu, wall, claims = best
    langs = ", ".join(sorted({lang for _, lang in texts}))
    print(f"articles: {len(texts)} ({langs})  text: {kb:.0f} KB  claims: {claims}")
    print(f"extract: {kb / cpu:.0f} KB/s (CPU time, one core)  {kb / wall:.0f} KB/s (wall)  "
          f"{cpu / len(texts) * 1000:.2f} ms/article")
    print(f"of which find_figures: {figs[0] / cpu:.0%} of CPU time ({kb / figs[0]:.0f} KB/s alone)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
