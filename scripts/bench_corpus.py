"""Corpus build benchmark: articles/s, MB/s, peak RSS of the process tree, 2-worker speed-up.

    python scripts/bench_corpus.py                      # N = 1k, 10k; workers 1 and 2
    python scripts/bench_corpus.py --n 1000,10000,100000 --quantulum 200

The corpus is the IndoSum articles in ../shared/devdata/id_news_indosum_headlines.jsonl, cycled up
to N articles in an order shuffled with a fixed seed, each copy with its digits permuted (a
per-article permutation, fixed by the seed) so no two copies are the same text. It is written to a
temporary folder and removed afterwards (never commit it: the data is not part of the project).

Every build runs in a fresh subprocess (`klaim.corpus.build.build_corpus`, shard_size 1000). Peak RSS is
the largest sum of RSS over the subprocess and all its descendants (workers), sampled every
50 ms with psutil; the subprocess's own getrusage maxima (self, largest child) are printed too.
quantulum3 (figures only, English grammar) runs in this process on the first articles of the
same corpus, next to klaim's figure finder and full claim extractor on the same texts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

DEVDATA = Path(__file__).resolve().parents[2] / "shared" / "devdata" / "id_news_indosum_headlines.jsonl"
DIGITS = "0123456789"


def make_corpus(devdata: Path, n: int, path: Path, seed: int = 2026) -> dict[str, int]:
    base = [json.loads(line) for line in devdata.open(encoding="utf-8") if line.strip()]
    rnd = random.Random(seed)
    rnd.shuffle(base)
    chars = nbytes = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            src = base[i % len(base)]
            perm = list(DIGITS)
            rnd.shuffle(perm)
            text = src["text"].translate(str.maketrans(DIGITS, "".join(perm)))
            published = date(2016, 1, 1) + timedelta(days=rnd.randrange(3 * 365))
            rec = {"id": f"bench-{i:07d}", "title": src.get("title"), "text": text, "lang": "id",
                   "published": published.isoformat(), "source": src.get("source")}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            chars += len(text)
            nbytes += len(text.encode("utf-8"))
    return {"articles": n, "chars": chars, "text_bytes": nbytes, "file_bytes": path.stat().st_size}


def child(src: str, out: str, workers: int, shard_size: int) -> None:
    """Run inside the measured subprocess; prints one JSON line."""
    from klaim.corpus.build import build_corpus

    t0 = time.perf_counter()
    r = build_corpus(Path(src), Path(out), workers=workers, shard_size=shard_size)
    wall = time.perf_counter() - t0
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "wall": wall, "articles": r.articles, "claims": r.claims, "chars": r.chars,
        "problems": len(r.problems), "shards": len(r.shards),
        "parquet_bytes": sum(s.bytes for s in r.shards),
        "cpu_main": me.ru_utime + me.ru_stime, "cpu_workers": kids.ru_utime + kids.ru_stime,
        "maxrss_main_mb": me.ru_maxrss / 1024, "maxrss_largest_worker_mb": kids.ru_maxrss / 1024,
    }))


def measure(src: Path, out: Path, workers: int, shard_size: int) -> dict:
    import psutil

    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(src), str(out), str(workers),
                             str(shard_size)], stdout=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            p = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not done.is_set():
            total = 0
            try:
                for q in [p, *p.children(recursive=True)]:
                    with contextlib.suppress(psutil.NoSuchProcess):
                        total += q.memory_info().rss
            except psutil.NoSuchProcess:
                break
            peak = max(peak, total)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"build with {workers} worker(s) failed ({proc.returncode})")
    res = json.loads(stdout.strip().splitlines()[-1])
    res["peak_tree_rss_mb"] = peak / 2**20
    return res


def quantulum_comparison(src: Path, k: int) -> dict:
    from quantulum3 import parser

    from klaim import extract, find_figures

    arts = []
    with src.open(encoding="utf-8") as fh:
        for line in fh:
            arts.append(json.loads(line))
            if len(arts) == k:
                break
    chars = sum(len(a["text"]) for a in arts)
    parser.parse("warm up 3 km")
    find_figures("warm up 3 km", "id")
    out = {"articles": len(arts), "chars": chars}
    for name, fn in [
        ("quantulum3.parse", lambda a: parser.parse(a["text"])),
        ("klaim.find_figures", lambda a: find_figures(a["text"], "id", a["published"])),
        ("klaim.extract", lambda a: extract(a["text"], "id", a["published"], a["id"])),
    ]:
        t0 = time.perf_counter()
        found = sum(len(fn(a)) for a in arts)
        dt = time.perf_counter() - t0
        out[name] = {"seconds": dt, "kb_per_s": chars / dt / 1e3, "found": found}
    return out


def git_commit() -> str:
    """The commit measured: the checkout's HEAD, or the snapshot klaim is imported from.

    The extractor changes under your feet in a shared checkout; to measure one commit exactly,
    export it (`git archive HEAD src | tar -x -C /tmp/snap`) and run with
    `PYTHONPATH=/tmp/snap/src KLAIM_BENCH_COMMIT=$(git rev-parse --short HEAD)`.
    """
    import klaim

    root = Path(__file__).resolve().parents[1]
    where = Path(klaim.__file__).resolve()
    if root not in where.parents:
        return f"{os.environ.get('KLAIM_BENCH_COMMIT', '?')} (klaim imported from {where.parent})"
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root,
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=root, check=False,
                               capture_output=True, text=True).stdout.strip()
        return head + (" (src/ has uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", default="1000,10000", help="comma-separated corpus sizes")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--shard-size", type=int, default=1000)
    ap.add_argument("--devdata", type=Path, default=DEVDATA)
    ap.add_argument("--quantulum", type=int, default=200,
                    help="articles for the quantulum3 comparison (0: skip)")
    ap.add_argument("--tmp", type=Path, default=None, help="folder for the corpora (default: a temp dir)")
    args = ap.parse_args()
    if not args.devdata.is_file():
        # Exit 2 on missing data, like the other scripts: a usage problem, not a failed run.
        print(f"bench_corpus: {args.devdata} not found (IndoSum dev data; see ../shared/devdata/README.md)",
              file=sys.stderr)
        sys.exit(2)
    sizes = [int(x) for x in args.n.split(",")]
    worker_counts = [int(x) for x in args.workers.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="klaim-bench-", dir=args.tmp))
    print(f"# klaim corpus benchmark — commit {git_commit()}, python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    try:
        rows = []
        for n in sizes:
            src = tmp / f"corpus-{n}.jsonl"
            info = make_corpus(args.devdata, n, src)
            print(f"\ncorpus N={n:,}: {info['text_bytes'] / 1e6:.1f} MB of text "
                  f"({info['file_bytes'] / 1e6:.1f} MB JSONL)", flush=True)
            results = {}
            for w in worker_counts:
                r = measure(src, tmp / f"out-{n}-{w}", w, args.shard_size)
                results[w] = r
                mbps = info["text_bytes"] / r["wall"] / 1e6
                print(f"  workers={w}: {r['wall']:.1f} s, {r['articles'] / r['wall']:,.0f} articles/s, "
                      f"{mbps:.2f} MB/s, {r['claims']:,} claims in {r['shards']} shards "
                      f"({r['parquet_bytes'] / 1e6:.1f} MB parquet), peak RSS tree "
                      f"{r['peak_tree_rss_mb']:.0f} MB (main {r['maxrss_main_mb']:.0f} MB, "
                      f"largest worker {r['maxrss_largest_worker_mb']:.0f} MB), CPU main "
                      f"{r['cpu_main']:.1f} s + workers {r['cpu_workers']:.1f} s, "
                      f"load {os.getloadavg()[0]:.2f}", flush=True)
                rows.append((n, w, r, mbps))
            if 1 in results and 2 in results:
                print(f"  speed-up 2 workers / 1: {results[1]['wall'] / results[2]['wall']:.2f}x")
            shutil.rmtree(tmp / f"out-{n}-1", ignore_errors=True)
            for w in worker_counts:
                shutil.rmtree(tmp / f"out-{n}-{w}", ignore_errors=True)
        print("\n| N | workers | seconds | articles/s | MB/s | claims | peak RSS (tree) |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for n, w, r, mbps in rows:
            print(f"| {n:,} | {w} | {r['wall']:.1f} | {r['articles'] / r['wall']:,.0f} | {mbps:.2f} "
                  f"| {r['claims']:,} | {r['peak_tree_rss_mb']:.0f} MB |")
        if args.quantulum:
            src = tmp / f"corpus-{sizes[0]}.jsonl"
            q = quantulum_comparison(src, args.quantulum)
            print(f"\nfigures on the first {q['articles']} articles ({q['chars'] / 1e3:.0f} K chars), "
                  "one process:")
            for name in ("quantulum3.parse", "klaim.find_figures", "klaim.extract"):
                m = q[name]
                print(f"  {name:20s} {m['seconds']:6.2f} s  {m['kb_per_s']:7.1f} KB/s  "
                      f"{m['found']:,} found")
            ratio = q["quantulum3.parse"]["seconds"] / q["klaim.find_figures"]["seconds"]
            print(f"  klaim.find_figures is {ratio:.1f}x quantulum3's speed; full klaim.extract "
                  f"{q['quantulum3.parse']['seconds'] / q['klaim.extract']['seconds']:.1f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        main()
