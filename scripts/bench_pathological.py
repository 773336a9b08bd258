"""Time klaim on pathological inputs and show that time and output grow linearly with input.

Unit tests check that these inputs give well-formed output; this script shows how long they
take, so a backtracking or quadratic regression is visible as a number, not a flaky test.

    python scripts/bench_pathological.py [--sizes 64,256,1024] [--limit 5] [--quick] [--family NAME]

Each family of hostile text (one line of news, nested brackets, repeated attributions, chained
clauses, long digit runs, long runs without spaces, ...) is built at several sizes (KB of text)
and run through ``klaim.extract`` (which also runs ``find_figures``). For each it prints CPU
seconds, claims, output size (bytes of the claims as JSON lines, what a release stores) and the
growth of time and output per input character from the smallest to the largest size (1.0 is
linear). News text comes from IndoSum (``../shared/devdata``) when present, else from a
generator. Then the older figure inputs run through ``find_figures``, and a 50 MB article shows
the size limit.

Exits 1 when any run takes more than ``--limit`` CPU seconds, when output per character grows by
more than 1.5x, or time per character by more than 2.5x, between the smallest and largest size;
and when the 50 MB article is not refused with ``ArticleTooLarge``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import klaim
from klaim.errors import ArticleTooLarge
from klaim.extraction.text import MAX_ARTICLE_CHARS

DEVDATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "devdata"
OUTPUT_GROWTH_LIMIT = 1.5
TIME_GROWTH_LIMIT = 2.5

FIGURE_INPUTS = {
    "100k digits": "1" * 100_000,
    "'1.' x 50k": "1." * 50_000,
    "'1,2.' x 30k": "1,2." * 30_000,
    "'dua ' x 20k": "dua " * 20_000,
    "50k nested brackets": "(" * 50_000 + "5" + ")" * 50_000,
    "'Rp ' x 20k": "Rp " * 20_000,
    "'- ' x 50k": "- " * 50_000 + "5",
    "'twenty ' x 20k": "twenty " * 20_000,
    "'1 - ' x 10k": "1 - " * 10_000,
    "'1, ' x 20k": "A " + "1, " * 20_000,  # a list of days read from every number once took n²
}

# Whole-article inputs that once made a pattern backtrack (run through ``extract``).
EXTRACT_INPUTS = {
    "capital, then 10k dashes": "A " + "-" * 10_000 + "x",
    "capital, then 5k '- '": "Jakarta " + "- " * 5_000 + "x",
}


def _repeat(piece: str, n: int) -> str:
    return (piece * (n // len(piece) + 1))[:n]


_SUBJECTS = ["Harga beras", "Jumlah penumpang", "Inflasi", "Ekspor batu bara", "Produksi padi",
             "Anggaran pendidikan", "Jumlah kasus", "Nilai tukar rupiah"]
_VERBS = ["naik", "turun", "meningkat", "menurun", "mencapai", "bertambah"]
_SPEAKERS = ["kata Menteri Keuangan Sri Mulyani", "ujar Kepala BPS Suhariyanto", "kata Budi",
             "menurut juru bicara Polri", "ungkap Direktur Utama PT KAI Edi Sukmoro"]
_TAILS = ["pada Senin (12/3)", "sejak Januari 2018", "dibanding tahun lalu", "di Jakarta",
          "menjadi Rp 12.500 per kilogram", "sebanyak 350.000 orang"]


def _generated_news(n: int, seed: int = 10) -> str:
    """Indonesian news-like sentences (figures, speakers, dates), deterministic."""
    rnd = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        s = (f"{rnd.choice(_SUBJECTS)} {rnd.choice(_VERBS)} {rnd.randint(1, 99)} persen "
             f"{rnd.choice(_TAILS)}, {rnd.choice(_SPEAKERS)}.")
        out.append(s)
        size += len(s) + 1
    return " ".join(out)[:n]


def _distinct_speakers(n: int, seed: int = 10) -> str:
    """A new two-word name in every sentence: each must be looked up among all those before."""
    rnd = random.Random(seed)

    def name() -> str:
        return "".join(rnd.choice("bcdfghjklmnprstvz") + rnd.choice("aeiou") for _ in range(3)).capitalize()

    out: list[str] = []
    size = 0
    while size < n:
        out.append(f"Harga beras naik, kata {name()} {name()}.")
        size += len(out[-1]) + 1
    return " ".join(out)[:n]


def _devdata_news(name: str, n: int) -> str | None:
    path = DEVDATA / name
    if not path.is_file():
        return None
    out: list[str] = []
    size = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            out.append(" ".join(text.split()))  # the whole article on one line
            size += len(out[-1]) + 1
            if size >= n:
                break
    text = " ".join(out)
    return (text * (n // len(text) + 1))[:n]


def _one_line_news(n: int) -> str:
    return _devdata_news("id_news_indosum_headlines.jsonl", n) or _generated_news(n)


def _one_line_news_en(n: int) -> str:
    return _devdata_news("en_polnear_train.jsonl", n) or _repeat(
        "Prices rose 5 percent in March, the minister said on Monday, and exports fell by $3 billion. ", n)


# (name, language, text of about n characters)
FAMILIES: dict[str, tuple[str, Callable[[int], str]]] = {
    "one line of news": ("id", _one_line_news),
    "one line of news (en)": ("en", _one_line_news_en),
    "nested brackets": ("id", lambda n: "(" * (n // 2) + ")" * (n - n // 2)),
    "nested brackets, words": ("id", lambda n: _repeat("(harga naik ", n // 2) + _repeat(")", n - n // 2)),
    "repeated attributions": ("id", lambda n: _repeat("harga beras naik, kata Budi, ", n)),
    "repeated quotes": ("id", lambda n: _repeat('"Harga naik terus," kata Budi, ', n)),
    "distinct speakers": ("id", _distinct_speakers),
    "titled names, then pronouns": ("id", lambda n: _repeat("Menteri Keuangan Budi Santoso hadir di sana. ", n // 2)
                                    + _repeat("Harga naik tajam, katanya. ", n - n // 2)),
    "chained clauses": ("id", lambda n: _repeat("harga naik 5 persen dan ", n)),
    "chained clauses (en)": ("en", lambda n: _repeat("prices rose 5 percent and ", n)),
    "long digit run": ("id", lambda n: "1" * n),
    "long run without spaces": ("id", lambda n: "a" * n),
    "one sentence, no punctuation": ("id", lambda n: _repeat(
        "Budi mengatakan bahwa harga naik dan Ani yang datang mengatakan ", n)),
}


def _run_extract(text: str, lang: str) -> tuple[float, int, int]:
    t0 = time.process_time()
    claims = klaim.extract(text, lang)
    cpu = time.process_time() - t0
    out = sum(len(c.model_dump_json().encode("utf-8")) + 1 for c in claims)
    return cpu, len(claims), out


def _families(sizes_kb: list[int], limit: float, only: list[str]) -> list[str]:
    failures: list[str] = []
    print(f"{'extract: family':34} {'lang':>4} {'KB':>6} {'CPU s':>7} {'claims':>8} {'output MB':>10} "
          f"{'out/char':>9}")
    for name, (lang, make) in FAMILIES.items():
        if only and not any(o.lower() in name.lower() for o in only):
            continue
        rows = []
        for kb in sizes_kb:
            text = make(kb * 1024)
            cpu, n, out = _run_extract(text, lang)
            rows.append((len(text), cpu, out))
            print(f"{name:34} {lang:>4} {len(text) / 1024:6.0f} {cpu:7.2f} {n:8,} {out / 1e6:10.2f} "
                  f"{out / len(text):9.1f}")
            if cpu > limit:
                failures.append(f"{name} at {kb} KB: {cpu:.2f} s CPU > {limit} s")
        failures += _growth(name, rows)
    return failures


def _growth(name: str, rows: list[tuple[int, float, int]]) -> list[str]:
    """Growth of time and output per input character from the smallest to the largest size."""
    (c0, t0, o0), (c1, t1, o1) = rows[0], rows[-1]
    out_growth = (o1 / c1) / (o0 / c0) if o0 else (0.0 if not o1 else float("inf"))
    # below ~50 ms a timing is mostly noise: compare against a floor
    time_growth = (max(t1, 0.05) / c1) / (max(t0, 0.05) / c0)
    print(f"{'':34} growth per char {c0 // 1024}→{c1 // 1024} KB: time {time_growth:.2f}x, "
          f"output {out_growth:.2f}x")
    failures = []
    if out_growth > OUTPUT_GROWTH_LIMIT:
        failures.append(f"{name}: output per char grows {out_growth:.2f}x (limit {OUTPUT_GROWTH_LIMIT})")
    if time_growth > TIME_GROWTH_LIMIT:
        failures.append(f"{name}: time per char grows {time_growth:.2f}x (limit {TIME_GROWTH_LIMIT})")
    return failures


def _figure_inputs(limit: float) -> list[str]:
    failures = []
    print(f"\n{'find_figures: input':34} {'lang':>4} {'chars':>9} {'CPU s':>7} {'figures':>8}")
    for name, text in FIGURE_INPUTS.items():
        for lang in ("id", "en"):
            t0 = time.process_time()
            n = len(klaim.find_figures(text, lang))
            cpu = time.process_time() - t0
            print(f"{name:34} {lang:>4} {len(text):9,} {cpu:7.2f} {n:8,}")
            if cpu > limit:
                failures.append(f"find_figures {name} ({lang}): {cpu:.2f} s CPU > {limit} s")
    for name, text in EXTRACT_INPUTS.items():
        t0 = time.process_time()
        n = len(klaim.extract(text, "id"))
        cpu = time.process_time() - t0
        print(f"{'extract: ' + name:34} {'id':>4} {len(text):9,} {cpu:7.2f} {n:8,}")
        if cpu > limit:
            failures.append(f"extract {name}: {cpu:.2f} s CPU > {limit} s")
    return failures


def _huge_article() -> list[str]:
    text = "harga naik 5 persen " * (50 * 1024 * 1024 // 20)
    t0 = time.perf_counter()
    try:
        klaim.extract(text, "id")
    except ArticleTooLarge as exc:
        print(f"\n50 MB article: refused in {time.perf_counter() - t0:.3f} s: {exc}")
        return []
    return [f"a {len(text):,}-character article was not refused (limit {MAX_ARTICLE_CHARS:,})"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="64,256,1024", help="input sizes in KB, comma-separated")
    ap.add_argument("--limit", type=float, default=5.0, help="CPU seconds allowed for one run")
    ap.add_argument("--quick", action="store_true", help="sizes 16,64 KB and no 50 MB article")
    ap.add_argument("--family", action="append", default=[],
                    help="only the families whose name contains this (repeatable); skips the figure "
                         "inputs and the 50 MB article")
    args = ap.parse_args(argv)
    sizes = [16, 64] if args.quick else [int(s) for s in args.sizes.split(",")]
    klaim.extract(_generated_news(2000), "id")  # load tables and compile patterns outside the timing
    klaim.extract(_one_line_news_en(2000), "en")
    failures = _families(sizes, args.limit, args.family)
    if not args.family:
        failures += _figure_inputs(args.limit)
    if not args.quick and not args.family:
        failures += _huge_article()
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    print("\nall inputs within limits" if not failures else f"\n{len(failures)} limit(s) exceeded")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
