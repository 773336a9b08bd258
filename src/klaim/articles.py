"""Reading articles: a folder of ``.txt`` files with ``.meta.yaml`` sidecars, or JSONL files of
articles (``id, text, lang, published, ...``). Every problem in the input is collected and
reported together, with the file and record it is in."""

from __future__ import annotations

import json
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from klaim.errors import (
    InputError,
    InputWarning,
    Problem,
    SchemaError,
    ValidationReport,
)
from klaim.schema import Article
from klaim.sources import (
    HTML_SUFFIXES,
    TABLE_SUFFIXES,
    WARC_SUFFIXES,
    is_warc,
    read_html,
    read_table,
    read_warc,
)

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


@dataclass
class Reading:
    """How input records become articles: the dataset's defaults, its field map, and what was
    noticed on the way (fields kept as metadata, languages detected or contradicted)."""

    defaults: dict[str, Any] = field(default_factory=dict)
    field_map: dict[str, str] = field(default_factory=dict)
    kept: Counter[str] = field(default_factory=Counter)
    detected: int = 0
    notes: list[str] = field(default_factory=list)
    check_language: bool = True  # warn when the stated language disagrees with the text

    def prepare(self, data: dict[str, Any], where: str = "") -> dict[str, Any]:
        renamed = dict(data)
        for target, source in self.field_map.items():
            if source in renamed:
                renamed[target] = renamed.pop(source)
        merged = {**self.defaults, **renamed}
        extra = {k: merged.pop(k) for k in list(merged) if k not in ARTICLE_KEYS}
        if extra:
            self.kept.update(extra.keys())
            merged["metadata"] = [{"key": k, "value": v if isinstance(v, str) else
                                   json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)}
                                  for k, v in sorted(extra.items())]
        self._language(merged, where)
        return merged

    def _language(self, data: dict[str, Any], where: str) -> None:
        from klaim.extraction.langid import detect, disagreement

        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            return
        if not data.get("lang"):
            data["lang"] = detect(text)[0]
            self.detected += 1
        elif (self.check_language and isinstance(data["lang"], str)
              and (note := disagreement(data["lang"], text))):
            self.notes.append(f"{where}: {note}")

    def summary(self) -> list[str]:
        """One note per kind of thing noticed, for the user (never silent, never one per record)."""
        out = list(self.notes)
        if self.kept:
            fields = ", ".join(f"{k} ({n})" for k, n in sorted(self.kept.items()))
            out.append(f"kept as article metadata (no column for them): {fields}; "
                       "rename with --map ARTICLE_FIELD=INPUT_FIELD if one is an article field")
        if self.detected:
            out.append(f"language detected for {self.detected} article(s) that did not state it")
        return out


# What an input record may set directly; anything else is kept as metadata.
ARTICLE_KEYS = frozenset(Article.model_fields) | {"id"}


def _article(data: dict[str, Any], file: str, record: str, report: ValidationReport,
             reading: Reading | None = None) -> Article | None:
    report.checked += 1
    reading = reading or Reading()
    try:
        return Article.model_validate(reading.prepare(data, f"{file}: record {record}"))
    except ValidationError as exc:
        report.problems.extend(_problems_from(exc, file, record))
        return None


def _read_txt_article(path: Path, report: ValidationReport, reading: Reading) -> Article | None:
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
    return _article({**meta, "text": text}, str(path), path.stem, report, reading)


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


def _read_jsonl_articles(path: Path, report: ValidationReport, reading: Reading) -> Iterator[Article]:
    for lineno, obj in iter_jsonl(path, report):
        art = _article(obj, str(path), f"line {lineno}", report, reading)
        if art is not None:
            yield art


INPUT_SUFFIXES = (".txt", ".jsonl", *TABLE_SUFFIXES, *HTML_SUFFIXES, *WARC_SUFFIXES)


def article_files(root: Path) -> list[Path]:
    """Input files under ``root`` (or ``root`` itself), sorted for a deterministic order."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise InputError("no such file or folder", str(root))
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.name.endswith(INPUT_SUFFIXES))
    if not files:
        raise InputError(f"holds no articles ({', '.join(INPUT_SUFFIXES)})", str(root))
    return files


def _read_records(path: Path, records: Iterator[tuple[str, dict[str, Any]]],
                  report: ValidationReport, reading: Reading) -> Iterator[Article]:
    try:
        for label, data in records:
            art = _article(data, str(path), label, report, reading)
            if art is not None:
                yield art
    except InputError as exc:
        report.problems.append(Problem(str(path), "-", "(file)", str(exc).split(": ", 1)[-1]))


def _read_file(path: Path, report: ValidationReport, reading: Reading) -> Iterator[Article]:
    if path.suffix == ".jsonl":
        yield from _read_jsonl_articles(path, report, reading)
    elif path.suffix in TABLE_SUFFIXES:
        yield from _read_records(path, read_table(path), report, reading)
    elif path.suffix in HTML_SUFFIXES:
        yield from _read_records(path, read_html(path), report, reading)
    elif is_warc(path):
        yield from _read_records(path, read_warc(path), report, reading)
    else:
        art = _read_txt_article(path, report, reading)
        if art is not None:
            yield art


def read_articles(paths: Iterable[Path] | Path, defaults: dict[str, Any] | None = None,
                  field_map: dict[str, str] | None = None) -> list[Article]:
    """Every article in ``paths``; raises ``SchemaError`` listing all problems if any.

    ``defaults`` fill fields an article does not give (a dataset's language, source, rights);
    ``field_map`` renames input fields to article fields (``{"published": "date"}``)."""
    reading = Reading(defaults or {}, field_map or {})
    roots = [paths] if isinstance(paths, Path) else list(paths)
    report = ValidationReport()
    articles: list[Article] = []
    for root in roots:
        for path in article_files(Path(root)):
            articles.extend(_read_file(path, report, reading))
    _report_duplicates(articles, report)
    if report.problems:
        raise SchemaError(report)
    for note in reading.summary():
        warnings.warn(note, InputWarning, stacklevel=2)
    return articles


def _report_duplicates(articles: list[Article], report: ValidationReport) -> None:
    seen: set[str] = set()
    for art in articles:
        if art.article_id in seen:
            report.problems.append(Problem("(input)", art.article_id, "article_id", "duplicate id"))
        seen.add(art.article_id)
