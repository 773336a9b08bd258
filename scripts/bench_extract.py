#!/usr/bin/env python
"""Throughput of ``klaim.extract`` on IndoSum articles, one core.

    python scripts/bench_extract.py [PATH] [--limit N] [--repeat R]

PATH defaults to ../shared/devdata/id_news_indosum_headlines.jsonl (relative to the repository
root). Reports KB/s of UTF-8 article text over CPU time of this process (what one core does,
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
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    args = ap.parse_args(argv)
    path = Path(args.path)
    if not path.is_file():
        print(f"bench_extract: {path} not found. Pass the IndoSum JSONL path "
              "(the dev data lives outside the repository, in ../shared/devdata/).", file=sys.stderr)
        return 2
    import klaim

    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        texts = texts[: args.limit]
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
    klaim.extract(texts[0], "id")  # load tables and compile patterns outside the timing
    best = min((_timed(lambda t: klaim.extract(t, "id"), texts) for _ in range(args.repeat)), key=lambda r: r[0])
    figs = min((_timed(lambda t: klaim.find_figures(t, "id"), texts) for _ in range(args.repeat)), key=lambda r: r[0])
    cpu, wall, claims = best
    print(f"articles: {len(texts)}  text: {kb:.0f} KB  claims: {claims}")
    print(f"extract: {kb / cpu:.0f} KB/s (CPU time, one core)  {kb / wall:.0f} KB/s (wall)  "
          f"{cpu / len(texts) * 1000:.2f} ms/article")
    print(f"of which find_figures: {figs[0] / cpu:.0%} of CPU time ({kb / figs[0]:.0f} KB/s alone)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
