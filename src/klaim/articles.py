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

from klaim.dates import future_date_problem
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
from klaim.textfiles import read_text_file
from klaim.yaml_input import load_strict, yaml_error_reason

META_SUFFIX = ".meta.yaml"


def _problems_from(exc: ValidationError, file: str, record: str,
                   meta_file: str | None = None) -> list[Problem]:
    """One problem per invalid field; with a sidecar, every field but ``text`` is its own."""
    out = []
    for err in exc.errors():
        name = ".".join(str(p) for p in err["loc"]) or "(record)"
        where = meta_file if meta_file and name != "text" else file
        out.append(Problem(where, record, name, err["msg"].removeprefix("Value error, ")))
    return out


@dataclass
class Reading:
    """How input records become articles: the dataset's defaults, its field map, and what was
    noticed on the way (fields kept as metadata, languages detected or contradicted)."""

    defaults: dict[str, Any] = field(default_factory=dict)
    field_map: dict[str, str] = field(default_factory=dict)
    kept: Counter[str] = field(default_factory=Counter)
    detected: int = 0
    unsupported: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (language, rules used) → where
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
        from klaim.extraction.langid import detect, disagreement, unsupported_language

        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            return
        if not data.get("lang"):
            data["lang"] = detect(text)[0]
            self.detected += 1
            if found := unsupported_language(text):
                self.unsupported.setdefault((found[0], data["lang"]), []).append(where)
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
        for (lang, rules), places in sorted(self.unsupported.items()):
            first = f" (first: {places[0]})" if places[0] else ""
            out.append(f"{len(places)} article(s) in {lang!r}, a language klaim has no tables for, were read "
                       f"with the {rules!r} rules{first}; state their lang to choose, or leave them out")
        return out


# What an input record may set directly; anything else is kept as metadata.
ARTICLE_KEYS = frozenset(Article.model_fields) | {"id"}


def _article(data: dict[str, Any], file: str, record: str, report: ValidationReport,
             reading: Reading | None = None, meta_file: str | None = None) -> Article | None:
    report.checked += 1
    reading = reading or Reading()
    try:
        art = Article.model_validate(reading.prepare(data, f"{file}: record {record}"))
    except ValidationError as exc:
        report.problems.extend(_problems_from(exc, file, record, meta_file))
        return None
    except RecursionError:
        report.problems.append(Problem(file, record, "(record)", "nested too deeply to read"))
        return None
    future = future_date_problem(art.published)
    if future:
        report.problems.append(Problem(meta_file or file, record, "published", future))
        return None
    return art


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
    meta = _read_meta(meta_path, path.stem, report)
    if meta is None:
        return None
    return _article({**meta, "text": text}, str(path), path.stem, report, reading, str(meta_path))


def _read_meta(meta_path: Path, record: str, report: ValidationReport) -> dict[str, Any] | None:
    """The sidecar's mapping, or None with the problem (file, line, key) reported."""
    where = record
    try:
        meta, dupes = load_strict(read_text_file(meta_path))
    except InputError as exc:
        problems = [("(metadata)", str(exc).split(": ", 1)[-1])]
    except yaml.YAMLError as exc:
        where, reason = yaml_error_reason(exc)
        problems = [("(yaml)", reason)]
    else:
        problems = [(key, f"key given twice (line {line}); YAML keeps only the last")
                    for key, line in dupes]
        if meta is not None and not isinstance(meta, dict):
            problems.append(("(metadata)", "must be a mapping of id, lang, published, ..."))
    if problems:
        report.checked += 1
        report.problems.extend(Problem(str(meta_path), where, f, r) for f, r in problems)
        return None
    return meta or {}


def jsonl_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of JSONL text, split on "\\n" only.

    ``str.splitlines`` also splits on U+0085, U+2028, U+2029 and other separators, which JSON
    keeps raw inside strings: a record holding one would be cut in two.
    """
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield lineno, line


def iter_jsonl(path: Path, report: ValidationReport,
               allow_empty: bool = False) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) pairs; unreadable lines are reported, not raised."""
    try:
        text = read_text_file(path, allow_empty=allow_empty)
    except InputError as exc:
        report.problems.append(Problem(str(path), "-", "(file)", str(exc).split(": ", 1)[-1]))
        return
    for lineno, line in jsonl_lines(text):
        obj, reason = parse_json_record(line)
        if reason is not None:
            report.checked += 1
            report.problems.append(Problem(str(path), f"line {lineno}", "(json)", reason))
            continue
        yield lineno, obj


def parse_json_record(line: str) -> tuple[Any, str | None]:
    """(object, None), or (None, why the line is not one JSON object)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, exc.msg
    except RecursionError:
        return None, "nested too deeply to read"
    if not isinstance(obj, dict):
        return None, "not a JSON object"
    return obj, None


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
