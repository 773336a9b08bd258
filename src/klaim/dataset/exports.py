"""Exports of a release: Parquet (the dataset itself), CSV (flat, spreadsheet-safe), JSONL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from klaim.dataset import records
from klaim.dataset.layout import ARTICLES_PARQUET, CLAIMS_PARQUET
from klaim.schema import Article, Claim

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection); a leading
# apostrophe makes it text. A value that itself starts with an apostrophe gets one more, so
# reading strips exactly one apostrophe and the round trip is exact ("'-5 derajat" survives).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
ESCAPED_PREFIXES = (*FORMULA_PREFIXES, "'")


def write_parquet(root: Path, articles: list[Article], claims: list[Claim]) -> dict[str, int]:
    """Write both configs; returns byte sizes for the card."""
    from datasets import Dataset
    from datasets.utils.logging import disable_progress_bar

    disable_progress_bar()  # klaim shows its own progress; per-file bars would interleave

    claims = sorted(claims, key=lambda c: (c.article_id, c.start, c.end, c.claim_id))
    articles = sorted(articles, key=lambda a: a.article_id)
    sizes = {}
    for rel, rows, feats in (
        (CLAIMS_PARQUET, [records.claim_row(c) for c in claims], records.claim_features()),
        (ARTICLES_PARQUET, [records.article_row(a) for a in articles], records.article_features()),
    ):
        ds = Dataset.from_list(rows, features=feats) if rows else Dataset.from_dict(
            {k: [] for k in feats}, features=feats)
        ds.to_parquet(str(root / rel))
        sizes[rel] = (root / rel).stat().st_size
    return sizes


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(ESCAPED_PREFIXES):
        return "'" + value
    return value


def unneutralise(value: Any) -> Any:
    """Inverse of ``neutralise``: ``unneutralise(neutralise(v)) == v`` for every value."""
    if isinstance(value, str) and value.startswith("'"):
        return value[1:]
    return value


def formula_cell(raw: str) -> bool:
    """True when a raw CSV cell would run as a spreadsheet formula (it was not neutralised)."""
    return raw.startswith(FORMULA_PREFIXES)


def csv_text(columns: list[str], rows: list[dict[str, Any]]) -> bytes:
    """The exact bytes klaim writes for these rows (validation compares a release's CSV with it)."""
    return _csv_bytes(columns, rows)


def _csv_bytes(columns: list[str], rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: neutralise(v) for k, v in row.items()})
    # The BOM is what makes Excel read the file as UTF-8 rather than the locale's code page.
    return "\ufeff".encode() + buf.getvalue().encode("utf-8")


def write_csv(root: Path, claims: list[Claim]) -> None:
    claims = sorted(claims, key=lambda c: (c.article_id, c.start, c.end, c.claim_id))
    (root / "claims.csv").write_bytes(
        _csv_bytes(records.CLAIM_CSV_COLUMNS, [records.claim_csv_row(c) for c in claims]))
    (root / "figures.csv").write_bytes(
        _csv_bytes(records.FIGURE_CSV_COLUMNS, [r for c in claims for r in records.figure_csv_rows(c)]))


def read_claims_csv(path: Path) -> list[dict[str, Any]]:
    """Rows of a claims.csv export with spreadsheet neutralisation undone (strings as written)."""
    import pandas as pd

    df = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    return [{str(k): unneutralise(v) for k, v in row.items()} for row in df.to_dict("records")]


def write_jsonl(path: Path, claims: list[Claim]) -> None:
    claims = sorted(claims, key=lambda c: (c.article_id, c.start, c.end, c.claim_id))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for c in claims:
            fh.write(json.dumps(c.model_dump(mode="json"), ensure_ascii=False, sort_keys=True) + "\n")
