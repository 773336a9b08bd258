#!/usr/bin/env python
"""Dump every claim of a corpus as JSONL, to prove a refactor behaviour-preserving with ``cmp``.

    python scripts/dump_claims.py -o OUT.jsonl [PATH ...] [--lang id] [--without rules]

PATH defaults to ../shared/devdata/id_news_indosum_headlines.jsonl and the seed article. Each line
is one claim (``model_dump(mode="json")``, keys sorted) with its article id; ``--without`` drops
fields from the dump (e.g. a field added by the refactor itself).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / ".." / "shared" / "devdata" / "id_news_indosum_headlines.jsonl"
SEED = ROOT / "seeds" / "000_4081d66b315ef270.txt"


def _articles(path: Path, lang: str):
    if path.suffix == ".txt":
        yield path.stem, path.read_text(encoding="utf-8"), lang, "2024-04-04"
        return
    for line in path.read_text(encoding="utf-8").split("\n"):  # U+2028 and friends are text
        if line.strip():
            rec = json.loads(line)
            yield rec["id"], rec["text"], rec.get("lang") or lang, rec.get("published") or rec.get("date")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    # OUT is an option, not the first positional: a positional OUT once truncated an input corpus
    # when called as `dump_claims.py CORPUS.jsonl`.
    ap.add_argument("-o", "--output", dest="out", required=True, help="the JSONL file to write")
    ap.add_argument("paths", nargs="*", default=[str(DEFAULT), str(SEED)])
    ap.add_argument("--lang", default="id", help="language of articles without a 'lang' field")
    ap.add_argument("--without", action="append", default=[], help="a claim field to leave out")
    args = ap.parse_args(argv)
    paths = [Path(p) for p in args.paths]
    for path in paths:
        if not path.is_file():
            print(f"dump_claims: {path} not found", file=sys.stderr)
            return 2
        if path.resolve() == Path(args.out).resolve():
            print(f"dump_claims: refusing to write over the input {path}", file=sys.stderr)
            return 2
    import klaim

    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for path in paths:
            for aid, text, lang, published in _articles(path, args.lang):
                for claim in klaim.extract(text, lang, published, aid):
                    rec = {k: v for k, v in claim.model_dump(mode="json").items() if k not in args.without}
                    out.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
                    n += 1
    print(f"{n} claims -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
