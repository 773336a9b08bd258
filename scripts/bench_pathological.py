"""Time klaim on pathological inputs (long digit runs, deep brackets, run-on attributions).

Unit tests check that these inputs give well-formed output; this script shows how long they
take, so a backtracking or quadratic regression is visible as a number, not a flaky test.

    python scripts/bench_pathological.py
"""

from __future__ import annotations

import time

import klaim

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
}
CLAIM_INPUTS = {
    "3000 quotes in one paragraph": '"Harga naik terus," kata Budi. ' * 3000,
    "run-on attributions": "harga beras naik, kata Budi, " * 3000,
    "no punctuation": "Budi mengatakan bahwa harga naik dan Ani yang datang mengatakan " * 3000,
    "open relative clauses": "Rusia, yang menyerang, dan NATO, yang " * 3000,
}


def _time(fn, text: str) -> tuple[float, int]:
    t0 = time.process_time()
    n = len(fn(text))
    return time.process_time() - t0, n


def main() -> None:
    print(f"{'input':32} {'chars':>9} {'lang':>4} {'CPU s':>7} {'results':>8}")
    for name, text in FIGURE_INPUTS.items():
        for lang in ("id", "en"):
            s, n = _time(lambda t: klaim.find_figures(t, lang), text)
            print(f"{'find_figures: ' + name:32} {len(text):9,} {lang:>4} {s:7.2f} {n:8,}")
    for name, text in CLAIM_INPUTS.items():
        s, n = _time(lambda t: klaim.extract(t, "id"), text)
        print(f"{'extract: ' + name:32} {len(text):9,} {'id':>4} {s:7.2f} {n:8,}")


if __name__ == "__main__":
    main()
