"""Reading articles: a folder of ``.txt`` files with ``.meta.yaml`` sidecars, or JSONL files of
articles (``id, text, lang, published, ...``). Every problem in the input is collected and
reported together, with the file and record it is in."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from klaim.errors import InputError, Problem, SchemaError, ValidationReport
from klaim.schema import Article

MAX_FILE_BYTES = 256 * 1024 * 1024  # far beyond any article; guards against reading a disk image
META_SUFFIX = ".meta.yaml"


def read_text_file(path: Path, max_bytes: int = MAX_FILE_BYTES, allow_bom: bool = False) -> str:
    """The file's text, or an ``InputError`` saying plainly why it cannot be an article."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", str(path)) from exc
    if size == 0:
        raise InputError("file is empty", str(path))
    if size > max_bytes:
        raise InputError(f"file is {size:,} bytes; the limit is {max_bytes:,}", str(path))
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError("file is binary (contains NUL bytes), not text", str(path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, e.g. `iconv -f latin1 -t utf-8`", str(path)) from exc
    if text.startswith("\ufeff") and not allow_bom:
        # A BOM is an encoding artefact, but dropping it would shift every offset: refuse instead.
        raise InputError("file starts with a UTF-8 byte-order mark; save it without one", str(path))
    if not text.strip():
        raise InputError("file holds only whitespace", str(path))
    return text


def _problems_from(exc: ValidationError, file: str, record: str) -> list[Problem]:
    return [Problem(file, record, ".".join(str(p) for p in err["loc"]) or "(record)", err["msg"])
            for err in exc.errors()]


def _article(data: dict[str, Any], file: str, record: str, report: ValidationReport) -> Article | None:
    report.checked += 1
    try:
        return Article.model_validate(data)
    except ValidationError as exc:
        report.problems.extend(_problems_from(exc, file, record))
        return None


def _read_txt_article(path: Path, report: ValidationReport) -> Article | None:
    meta_path = path.with_name(path.name[: -len(".txt")] + META_SUFFIX)
    try:
        text = read_text_file(path)
    except InputError as exc:
        report.checked += 1
        report.problems.append(Problem(str(path), path.stem, "text", str(exc).split(": ", 1)[-1]))
        return None
    if not meta_path.exists():
        report.checked += 1
        report.problems.append(Problem(str(path), path.stem, "(metadata)",
                                       f"no metadata file {meta_path.name} (needs id, lang, published)"))
        return None
    try:
        meta = yaml.safe_load(read_text_file(meta_path)) or {}
    except (InputError, yaml.YAMLError) as exc:
        report.checked += 1
        report.problems.append(Problem(str(meta_path), path.stem, "(metadata)", str(exc)))
        return None
    if not isinstance(meta, dict):
        report.checked += 1
        report.problems.append(Problem(str(meta_path), path.stem, "(metadata)", "must be a mapping"))
        return None
    return _article({**meta, "text": text}, str(path), path.stem, report)


def iter_jsonl(path: Path, report: ValidationReport) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) pairs; unreadable lines are reported, not raised."""
    try:
        text = read_text_file(path)
    except InputError as exc:
        report.problems.append(Problem(str(path), "-", "(file)", str(exc).split(": ", 1)[-1]))
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            report.checked += 1
            report.problems.append(Problem(str(path), f"line {lineno}", "(json)", exc.msg))
            continue
        if not isinstance(obj, dict):
            report.checked += 1
            report.problems.append(Problem(str(path), f"line {lineno}", "(json)", "not a JSON object"))
            continue
        yield lineno, obj


def _read_jsonl_articles(path: Path, report: ValidationReport) -> Iterator[Article]:
    for lineno, obj in iter_jsonl(path, report):
        art = _article(obj, str(path), f"line {lineno}", report)
        if art is not None:
            yield art


def article_files(root: Path) -> list[Path]:
    """Input files under ``root`` (or ``root`` itself), sorted for a deterministic order."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise InputError("no such file or folder", str(root))
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".txt", ".jsonl"))
    if not files:
        raise InputError("holds no .txt or .jsonl articles", str(root))
    return files


def read_articles(paths: Iterable[Path] | Path) -> list[Article]:
    """Every article in ``paths``; raises ``SchemaError`` listing all problems if any."""
    roots = [paths] if isinstance(paths, Path) else list(paths)
    report = ValidationReport()
    articles: list[Article] = []
    for root in roots:
        for path in article_files(Path(root)):
            if path.suffix == ".jsonl":
                articles.extend(_read_jsonl_articles(path, report))
            else:
                art = _read_txt_article(path, report)
                if art is not None:
                    articles.append(art)
    _report_duplicates(articles, report)
    if report.problems:
        raise SchemaError(report)
    return articles


def _report_duplicates(articles: list[Article], report: ValidationReport) -> None:
    seen: set[str] = set()
    for art in articles:
        if art.article_id in seen:
            report.problems.append(Problem("(input)", art.article_id, "article_id", "duplicate id"))
        seen.add(art.article_id)
