"""Cross-checks of a release against its own data, so that tampering shows even after
``checksums.sha256`` has been regenerated: every export must say what the Parquet says,
``release.json``'s content hash and counts must be those of the data, and ``croissant.json``'s
hashes must be those of the files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from klaim.errors import InputError, Problem, ValidationReport
from klaim.schema import ADDED_FIELDS, SCHEMA_VERSION, Article, Claim


def _sorted(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.article_id, c.start, c.end, c.claim_id))


def check_exports(root: Path, claims: list[Claim], report: ValidationReport) -> None:
    """claims.jsonl, claims.csv and figures.csv against the release's claims (its Parquet)."""
    from klaim.dataset import records

    claims = _sorted(claims)
    later = _added_and_empty(claims)
    if (root / "claims.jsonl").is_file():
        _check_jsonl(root / "claims.jsonl", claims, report, later)
    if (root / "claims.csv").is_file():
        columns, rows = records.CLAIM_CSV_COLUMNS, [records.claim_csv_row(c) for c in claims]
        if later and _header(root / "claims.csv") == [c for c in columns if c not in later]:
            # written before the schema gained these (empty) fields
            columns = [c for c in columns if c not in later]
            rows = [{k: v for k, v in r.items() if k not in later} for r in rows]
        _check_csv(root / "claims.csv", columns, rows, report)
    if (root / "figures.csv").is_file():
        report.problems.extend(formula_problems(root / "figures.csv"))  # claims.csv: validate_file
        _check_csv(root / "figures.csv", records.FIGURE_CSV_COLUMNS,
                   [r for c in claims for r in records.figure_csv_rows(c)], report)


def _added_and_empty(claims: list[Claim]) -> set[str]:
    """Claim fields added after schema 1.0.0 (``ADDED_FIELDS``) that every claim leaves empty:
    exports written before the schema gained them have no key or column for them."""
    if not claims:
        return set()
    return {n for n in ADDED_FIELDS if n in Claim.model_fields and not any(getattr(c, n) for c in claims)}


def _check_jsonl(path: Path, claims: list[Claim], report: ValidationReport, later: set[str]) -> None:
    from klaim.articles import iter_jsonl

    expected = {c.claim_id: c.model_dump(mode="json") for c in claims}
    seen: set[str] = set()
    scratch = ValidationReport()  # unreadable lines are already reported by the schema check
    for lineno, row in iter_jsonl(path, scratch, allow_empty=True):
        cid = str(row.get("claim_id"))
        record = f"line {lineno} ({cid})"
        if cid not in expected:
            report.problems.append(Problem(str(path), record, "claim_id",
                                           "not a claim of the release's Parquet data"))
            continue
        seen.add(cid)
        for name in sorted(expected[cid].keys() | row.keys()):
            if name in later and name not in row:
                continue  # written before the schema gained this (empty) field
            if row.get(name) != expected[cid].get(name):
                report.problems.append(Problem(str(path), record, name,
                                               "differs from the release's Parquet data"))
    for cid in sorted(expected.keys() - seen):
        report.problems.append(Problem(str(path), cid, "claim_id",
                                       "claim of the Parquet data missing from the file"))


def _header(path: Path) -> list[str] | None:
    try:
        cells = _csv_cells(path.read_bytes())
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return cells[0] if cells else None


def _csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def formula_problems(path: Path) -> list[Problem]:
    """Cells of a CSV export that a spreadsheet would run as formulas (not neutralised)."""
    from klaim.dataset.exports import formula_cell

    try:
        rows = _csv_cells(path.read_bytes())
    except (OSError, UnicodeDecodeError, csv.Error):
        return []  # unreadable files are reported by the reader that needs them
    header = rows[0] if rows else []
    return [Problem(str(path), f"row {i}", col, f"cell starts with {raw[:1]!r} and is not "
                    "neutralised: a spreadsheet would run it as a formula")
            for i, cells in enumerate(rows[1:], 1) for col, raw in zip(header, cells, strict=False)
            if formula_cell(raw)]


def _check_csv(path: Path, columns: list[str], rows: list[dict[str, Any]],
               report: ValidationReport) -> None:
    """Every cell neutralised, and the text (neutralisation undone) equal to what the claims give."""
    from klaim.dataset.exports import csv_text, unneutralise

    try:
        actual = _csv_cells(path.read_bytes())
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        report.problems.append(Problem(str(path), "(file)", "(csv)", f"not readable CSV: {exc}"))
        return
    expected = _csv_cells(csv_text(columns, rows))
    if not actual or actual[0] != expected[0]:
        report.problems.append(Problem(str(path), "header", "(columns)",
                                       f"columns differ from the schema's {expected[0]}"))
        return
    if len(actual) != len(expected):
        report.problems.append(Problem(str(path), "(file)", "(rows)",
                                       f"{len(actual) - 1} row(s); the release's claims give "
                                       f"{len(expected) - 1}"))
    for i, (got, want) in enumerate(zip(actual[1:], expected[1:], strict=False), 1):
        if len(got) != len(want):
            report.problems.append(Problem(str(path), f"row {i}", "(columns)",
                                           f"{len(got)} cell(s), expected {len(want)}"))
            continue
        for col, g, w in zip(expected[0], got, want, strict=False):
            if unneutralise(g) != unneutralise(w):
                report.problems.append(Problem(str(path), f"row {i} ({want[0]})", col,
                                               "differs from the release's claims (claims.jsonl)"))


def check_release_info(root: Path, articles: list[Article], claims: list[Claim],
                       report: ValidationReport) -> None:
    """release.json's content hash and counts, recomputed from the data."""
    from klaim.dataset.card import counts
    from klaim.dataset.layout import RELEASE_FILE, VERSION_RE, content_digest

    path = root / RELEASE_FILE
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        report.problems.append(Problem(str(path), "(file)", "(json)", f"unreadable: {exc}"))
        return
    if not isinstance(info, dict):
        report.problems.append(Problem(str(path), "(file)", "(json)", "not a JSON object"))
        return
    digest = content_digest(articles, claims, str(info.get("schema_version") or SCHEMA_VERSION))
    if info.get("content_sha256") != digest:
        report.problems.append(Problem(str(path), "-", "content_sha256",
                                       f"the data hashes to {digest}, not {info.get('content_sha256')}"
                                       " (the articles or claims were changed)"))
    actual = counts(articles, claims)
    declared = info.get("counts")
    if not isinstance(declared, dict):
        declared = {}
    for key in sorted(actual.keys() | declared.keys()):
        if declared.get(key) != actual.get(key):
            report.problems.append(Problem(str(path), "counts", key,
                                           f"declares {declared.get(key)!r}, data has {actual.get(key)!r}"))
    if VERSION_RE.match(root.name[1:]) and info.get("version") != root.name[1:]:
        report.problems.append(Problem(str(path), "-", "version",
                                       f"{info.get('version')!r} but the folder is {root.name}"))


def check_croissant(root: Path, report: ValidationReport) -> None:
    """Each file croissant.json lists exists and has the sha256 and size it states."""
    from klaim.dataset.croissant import CROISSANT_FILE
    from klaim.dataset.layout import inside, sha256_file

    path = root / CROISSANT_FILE
    if not path.is_file():
        return  # optional: releases before Croissant support have none
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        dist = doc.get("distribution", [])
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError, AttributeError) as exc:
        report.problems.append(Problem(str(path), "(file)", "(json)", f"unreadable: {exc}"))
        return
    for i, entry in enumerate(dist if isinstance(dist, list) else [None]):
        where = f"distribution[{i}]"
        url = entry.get("contentUrl") if isinstance(entry, dict) else None
        if not isinstance(url, str) or not isinstance(entry.get("sha256"), str):
            if (isinstance(entry, dict) and entry.get("@type") == "cr:FileObject") or entry is None:
                report.problems.append(Problem(str(path), where, "contentUrl/sha256", "missing"))
            continue
        report.problems.extend(Problem(str(path), f"{where} ({url})", f, r)
                               for f, r in _file_problems(root, url, entry, inside, sha256_file))


def _file_problems(root: Path, url: str, entry: dict[str, Any], inside: Any,
                   sha256_file: Any) -> list[tuple[str, str]]:
    try:
        target = inside(root, root / url)
    except InputError:
        return [("contentUrl", "points outside the release folder")]
    if not target.is_file():
        return [("contentUrl", "no such file in the release")]
    out = []
    if sha256_file(target) != entry["sha256"]:
        out.append(("sha256", "differs from the file's sha256"))
    size = entry.get("contentSize")
    if isinstance(size, str) and size != f"{target.stat().st_size} B":
        out.append(("contentSize", f"{size} but the file has {target.stat().st_size} B"))
    return out
