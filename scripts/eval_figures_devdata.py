"""Score the figure extractor on the development data in ../shared/devdata (not part of the repo).

    python scripts/eval_figures_devdata.py [DEVDATA_DIR] [--examples N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from klaim.evaluation.figures import evaluate_figures

RUNS = [
    ("id_ud_csui_num_spans.jsonl", "ud-num", "id"),
    ("id_news_ner_yusufs_train.jsonl", "yusufs", "id"),
    ("en_measeval_train.jsonl", "measeval", "en"),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("devdata", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "devdata"))
    ap.add_argument("--examples", type=int, default=0, help="print this many misses per file")
    args = ap.parse_args()
    root = Path(args.devdata)
    if not root.is_dir():
        print(f"no development data at {root}; pass its directory as the first argument", file=sys.stderr)
        return 2
    for name, conv, lang in RUNS:
        path = root / name
        if not path.is_file():
            print(f"skipping {name}: not found in {root}")
            continue
        print(evaluate_figures(path, convention=conv, lang=lang).render(examples=args.examples))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
