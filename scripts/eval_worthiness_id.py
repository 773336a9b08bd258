"""Check that check-worthiness holds up on Indonesian news (development data, not in the repo).

    python scripts/eval_worthiness_id.py [DEVDATA_DIR]

There is no labelled Indonesian check-worthiness set, so this is a sanity check on the blind
IndoSum claims gold: each gold claim's span is scored as a sentence (positives) against the
sentences of the same articles that hold no gold claim (negatives, page furniture mostly), and
the mean score per gold claim type shows whether the order of types is sensible (figures first,
predictions and opinions last) rather than collapsed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

from klaim.evaluation.worthiness import roc_auc, sentence_score
from klaim.extraction.text import sentences

GOLD = "id_indosum_claims_gold.jsonl"
ARTICLES = "id_news_indosum_headlines.jsonl"


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("devdata", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "devdata"))
    root = Path(ap.parse_args().devdata)
    if not (root / GOLD).is_file() or not (root / ARTICLES).is_file():
        print(f"no {GOLD} and {ARTICLES} in {root}; pass the dev data directory", file=sys.stderr)
        return 2
    texts = {a["id"]: a["text"] for a in _read(root / ARTICLES)}
    scores, labels, by_type = [], [], defaultdict(list)
    for article in _read(root / GOLD):
        text = texts[article["id"]]
        for c in article["claims"]:
            s = sentence_score(text[c["start"]:c["end"]], "id")[0]
            scores.append(s)
            labels.append(1)
            by_type[c["type"]].append(s)
        for s, e in sentences(text, "id"):
            if not any(c["start"] < e and c["end"] > s for c in article["claims"]):
                scores.append(sentence_score(text[s:e], "id")[0])
                labels.append(0)
    positives = [s for s, y in zip(scores, labels, strict=False) if y]
    print(f"gold claims {len(positives)}, sentences without a gold claim {len(labels) - len(positives)}")
    print(f"ROC AUC {roc_auc(scores, labels):.3f}")
    print(f"gold claims: mean {statistics.mean(positives):.3f}, stdev {statistics.stdev(positives):.3f}")
    for kind, values in sorted(by_type.items(), key=lambda kv: -statistics.mean(kv[1])):
        print(f"  {kind:15} {len(values):4}  mean {statistics.mean(values):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
