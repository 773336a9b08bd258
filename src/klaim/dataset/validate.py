"""Validation of releases and exports against the schema: one report of every problem, each with
its file, record and field (lazy validation: never stop at the first error)."""

from __future__ import annotations

import contextlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from klaim.errors import InputError, Problem, ValidationReport
from klaim.schema import Article, Claim, Figure, make_claim_id

_SPAN_MESSAGE = re.compile(r"^(span \[|start \(|surface )")


def _field_of(err: ErrorDetails) -> str:
    loc = ".".join(str(p) for p in err["loc"])
    if _SPAN_MESSAGE.search(err["msg"].removeprefix("Value error, ")):
        return f"{loc}.start/end/surface" if loc else "start/end/surface"
    return loc or "(record)"


def _text_of(texts: dict[str, str], row: dict[str, Any]) -> str | None:
    """The text of the row's article, when its article_id names a known article."""
    aid = row.get("article_id")
    return texts.get(aid) if isinstance(aid, str) else None


def _problems(exc: ValidationError, file: str, record: str) -> list[Problem]:
    return [Problem(file, record, _field_of(e), e["msg"].removeprefix("Value error, "))
            for e in exc.errors()]


def check_articles(rows: list[tuple[str, dict[str, Any]]], file: str,
                   report: ValidationReport) -> dict[str, Article]:
    out = {}
    for record, row in rows:
        report.count(file)
        try:
            art = Article.model_validate(row)
        except ValidationError as exc:
            report.problems.extend(_problems(exc, file, record))
            continue
        out[art.article_id] = art
    return out


def check_claims(articles: list[Article] | dict[str, Article], rows: list[dict[str, Any]],
                 file: str, records: list[str] | None = None,
                 report: ValidationReport | None = None) -> ValidationReport:
    """Validate claim rows against the schema and their article texts; cross-record checks too."""
    report = report if report is not None else ValidationReport()
    texts = {a.article_id: a.text for a in (articles.values() if isinstance(articles, dict) else articles)}
    names = records or [f"row {i}" for i in range(1, len(rows) + 1)]
    ids = Counter(r.get("claim_id") for r in rows)
    for record, row in zip(names, rows, strict=False):
        report.count(file)
        record = f"{record} ({row.get('claim_id')})" if row.get("claim_id") else record
        text = _text_of(texts, row)
        if texts and text is None:
            report.problems.append(Problem(file, record, "article_id",
                                           f"unknown article {row.get('article_id')!r}"))
        try:
            claim = Claim.model_validate(row, context={"text": text} if text is not None else None)
        except ValidationError as exc:
            report.problems.extend(_problems(exc, file, record))
            continue
        if ids[claim.claim_id] > 1:
            report.problems.append(Problem(file, record, "claim_id", "duplicate claim_id"))
        expected = make_claim_id(claim.article_id, claim.start, claim.end)
        if claim.claim_id != expected and not claim.claim_id.startswith(f"{claim.article_id}:added-"):
            report.problems.append(Problem(file, record, "claim_id",
                                           f"does not match its span (expected {expected})"))
    return report


def _parquet_rows(path: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    try:
        return pq.read_table(path).to_pylist()
    except Exception as exc:  # pyarrow raises several unrelated types for a corrupt file
        raise InputError(f"not a readable Parquet file ({exc})", str(path)) from exc


def _claim_rows_from_parquet(path: Path) -> list[dict[str, Any]]:
    from klaim.dataset.records import CLASS_LABEL_FIELDS

    rows = _parquet_rows(path)
    for row in rows:
        for name, enum in CLASS_LABEL_FIELDS.items():
            v = row.get(name)
            if isinstance(v, int):
                members = list(enum)
                row[name] = members[v].value if 0 <= v < len(members) else f"<label {v}>"
    return rows


def _jsonl_rows(path: Path, report: ValidationReport) -> list[tuple[str, dict[str, Any]]]:
    from klaim.articles import iter_jsonl

    return [(f"line {n}", obj) for n, obj in iter_jsonl(path, report)]


def _csv_rows(path: Path, report: ValidationReport) -> list[tuple[str, dict[str, Any]]]:
    from klaim.dataset.exports import read_claims_csv
    from klaim.dataset.records import JSON_CELL_FIELDS
    from klaim.textfiles import read_text_file

    read_text_file(path, allow_bom=True)  # clear errors for empty, binary or non-UTF-8 files
    try:
        csv_rows = read_claims_csv(path)
    except ValueError as exc:  # pandas' ParserError (ragged rows, bad quoting) is a ValueError
        msg = str(exc).strip().replace("\n", " ")
        report.problems.append(Problem(str(path), "(file)", "(csv)", f"not readable CSV: {msg}"))
        return []
    out = []
    for i, row in enumerate(csv_rows, 1):
        data: dict[str, Any] = {}
        for col, value in row.items():
            if value == "":
                continue
            if col in JSON_CELL_FIELDS:
                try:
                    value = json.loads(value)
                except json.JSONDecodeError as exc:
                    report.problems.append(Problem(str(path), f"row {i}", col, f"not JSON: {exc.msg}"))
                    continue
            elif col in ("start", "end"):
                value = int(value) if value.lstrip("-").isdigit() else value
            elif col == "check_worthiness":
                with contextlib.suppress(ValueError):
                    value = float(value)
            data[col] = value
        out.append((f"row {i}", data))
    return out


def _load_articles_near(path: Path, report: ValidationReport) -> dict[str, Article]:
    """Article texts from the release the file belongs to, so spans can be checked."""
    from klaim.dataset.layout import ARTICLES_PARQUET

    for folder in (path.parent, path.parent.parent):
        candidate = folder / ARTICLES_PARQUET
        if candidate.is_file():
            rows = _parquet_rows(candidate)
            # Problems of the articles count; their records do not: the user asked about `path`.
            seen = ValidationReport()
            found = check_articles([(f"row {i}", r) for i, r in enumerate(rows, 1)],
                                   str(candidate), seen)
            report.problems.extend(seen.problems)
            return found
    return {}


FIGURE_LINK_FIELDS = ("claim_id", "article_id")


def is_figure_rows(rows: list[tuple[str, dict[str, Any]]]) -> bool:
    """Rows of figures (figures.csv, ``klaim figures`` output), not of claims or articles."""
    return bool(rows) and all("kind" in r and "claim_type" not in r and "text" not in r
                              for _, r in rows)


def check_figures(rows: list[tuple[str, dict[str, Any]]], file: str, report: ValidationReport,
                  articles: dict[str, Article] | None = None) -> None:
    """Each figure against the schema and, when its article is known, against the text."""
    texts = {k: a.text for k, a in (articles or {}).items()}
    for record, row in rows:
        report.count(file)
        data = {k: v for k, v in row.items() if k not in FIGURE_LINK_FIELDS and v not in ("", None)}
        text = _text_of(texts, row)
        try:
            Figure.model_validate(data, context={"text": text} if text is not None else None)
        except ValidationError as exc:
            report.problems.extend(_problems(exc, file, record))


def validate_file(path: Path, articles: dict[str, Article] | None = None,
                  report: ValidationReport | None = None) -> ValidationReport:
    """Validate one JSONL, CSV or Parquet file of claims (or a JSONL of articles)."""
    report = report if report is not None else ValidationReport()
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", str(path))
    if articles is None:
        articles = _load_articles_near(path, report)
    if path.suffix == ".jsonl":
        rows = _jsonl_rows(path, report)
        if is_figure_rows(rows):
            check_figures(rows, str(path), report, articles)
            return report
        if rows and all("claim_id" not in r for _, r in rows):
            check_articles(rows, str(path), report)
            return report
    elif path.suffix == ".csv":
        from klaim.dataset.integrity import formula_problems

        rows = _csv_rows(path, report)
        report.problems.extend(formula_problems(path))
        if is_figure_rows(rows):
            check_figures(rows, str(path), report, articles)
            return report
    elif path.suffix == ".parquet":
        rows = [(f"row {i}", r) for i, r in enumerate(_claim_rows_from_parquet(path), 1)]
        if rows and all("claim_id" not in r and "text" in r for _, r in rows):
            check_articles(rows, str(path), report)  # the articles table of a release
            return report
    else:
        raise InputError("expected a release folder or a .jsonl, .csv or .parquet file", str(path))
    check_claims(articles, [r for _, r in rows], str(path), [n for n, _ in rows], report)
    return report


def _card_counts(card: Path, report: ValidationReport) -> dict[str, Any]:
    """Row counts the card's YAML header declares; a malformed header is a problem, not a crash."""
    from klaim.yaml_input import load_bounded, yaml_error_reason

    def bad(reason: str) -> dict[str, Any]:
        report.problems.append(Problem(str(card), "(front matter)", "dataset_info", reason))
        return {}

    try:
        text = card.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return bad(f"cannot read the card: {exc}")
    if not text.startswith("---\n") or "\n---\n" not in text:
        return bad("the card has no YAML front matter (--- ... ---)")
    try:
        meta = load_bounded(text.split("\n---\n", 1)[0][4:])
    except yaml.YAMLError as exc:
        where, reason = yaml_error_reason(exc)
        return bad(f"front matter: {reason} ({where} of the YAML)")
    infos = meta.get("dataset_info") if isinstance(meta, dict) else None
    infos = [infos] if isinstance(infos, dict) else infos
    if not isinstance(infos, list) or not all(isinstance(i, dict) for i in infos):
        return bad("dataset_info is missing or not a list of mappings")
    out: dict[str, Any] = {}
    for info in infos:
        splits = info.get("splits")
        if not isinstance(splits, list) or not all(
                isinstance(sp, dict) and type(sp.get("num_examples")) is int for sp in splits):
            return bad("dataset_info.splits must list num_examples as integers")
        out[str(info.get("config_name", "default"))] = sum(sp["num_examples"] for sp in splits)
    return out


def _valid_models(rows: list[dict[str, Any]], model: type[Any]) -> list[Any] | None:
    """The rows as models, or None if any is invalid (its problems are reported elsewhere)."""
    try:
        return [model.model_validate(r) for r in rows]
    except (ValidationError, RecursionError):
        return None


def validate_release(root: Path) -> ValidationReport:
    """Validate a release folder: every claim and article against the schema, every export
    against the data (claims.jsonl, claims.csv and figures.csv say what the Parquet says),
    release.json's content hash and counts recomputed from the data, the card's row counts,
    croissant.json's hashes and the checksums. Regenerating ``checksums.sha256`` after editing a
    file therefore does not make the edit pass."""
    from klaim.dataset.layout import ARTICLES_PARQUET, CLAIMS_PARQUET, check_manifest

    root = Path(root)
    report = ValidationReport()
    for rel in (CLAIMS_PARQUET, ARTICLES_PARQUET, "README.md"):
        if not (root / rel).is_file():
            report.problems.append(Problem(str(root), "-", rel, "missing from the release"))
    if report.problems:
        return report
    art_rows = _parquet_rows(root / ARTICLES_PARQUET)
    articles = check_articles([(f"row {i}", r) for i, r in enumerate(art_rows, 1)],
                              str(root / ARTICLES_PARQUET), report)
    claim_rows = _claim_rows_from_parquet(root / CLAIMS_PARQUET)
    check_claims(articles, claim_rows, str(root / CLAIMS_PARQUET), report=report)
    claims = _valid_models(claim_rows, Claim)
    for export in ("claims.jsonl", "claims.csv", "figures.csv"):
        path = root / export
        if path.is_file() and not (export == "claims.jsonl" and _empty_and_no_claims(path, claim_rows)):
            validate_file(path, articles, report)
    declared = _card_counts(root / "README.md", report)
    for config, actual in (("claims", len(claim_rows)), ("articles", len(art_rows))):
        if declared and declared.get(config) != actual:
            report.problems.append(Problem(str(root / "README.md"), config, "num_examples",
                                           f"card declares {declared.get(config)}, data has {actual}"))
    if claims is not None:
        from klaim.dataset.integrity import check_exports, check_release_info

        check_exports(root, claims, report)
        art_models = _valid_models(art_rows, Article)
        if art_models is not None:
            check_release_info(root, art_models, claims, report)
    from klaim.dataset.integrity import check_croissant

    check_croissant(root, report)
    for msg in check_manifest(root):
        report.problems.append(Problem(str(root), "-", "checksums", msg))
    return report


def _empty_and_no_claims(path: Path, claim_rows: list[dict[str, Any]]) -> bool:
    """A release without claims has an empty claims.jsonl, which is then valid."""
    return not claim_rows and path.stat().st_size == 0


def validate_path(path: Path | str) -> ValidationReport:
    """A release folder, a file, or ``-``: JSON lines on standard input."""
    if str(path) == "-":
        return validate_stdin()
    path = Path(path)
    if path.is_dir():
        return validate_release(path)
    return validate_file(path)


def validate_stdin(text: str | None = None) -> ValidationReport:
    """JSON lines (claims, articles or figures) from standard input, reported as file ``-``."""
    import sys
    import tempfile

    data = sys.stdin.read() if text is None else text
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stdin.jsonl"
        path.write_text(data, encoding="utf-8")
        report = validate_file(path, articles={})
    report.problems = [Problem("-" if p.file == str(path) else p.file, p.record, p.field, p.reason)
                       for p in report.problems]
    report.files = {("-" if f == str(path) else f): n for f, n in report.files.items()}
    return report
