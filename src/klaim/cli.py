"""The ``klaim`` command line: a few lines per command over the library."""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypedDict

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from klaim.corpus.build import ARTICLE_TIMEOUT, MAX_ARTICLE_CHARS
from klaim.errors import KlaimError, SchemaError

HELP = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                  context_settings=HELP,
                  help="Turn news articles into fact-checking datasets of atomic claims.")
evaluate_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, context_settings=HELP, help="Measure the extractors against gold data.")
app.add_typer(evaluate_app, name="evaluate")
curation_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, context_settings=HELP, help="Human review files.")
app.add_typer(curation_app, name="curation")
labelstudio_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, context_settings=HELP,
                              help="Round trip with the Label Studio annotation tool.")
app.add_typer(labelstudio_app, name="labelstudio")

# Messages carry user data (names, ids, field names, regular expressions such as `^[a-z]{2}$`):
# never read them as rich markup, where `[/]` raises and `[a-z]` vanishes.
out = Console(markup=False)
err = Console(stderr=True, markup=False)

SCHEDULER_TIMEOUT = 10  # seconds to reach a Dask scheduler (and to wait for it to come back)
INTERRUPTED = 130  # the shell's exit status for a command ended by Ctrl-C (128 + SIGINT)


def _error_line(message: object) -> None:
    err.print(Text.assemble(("error", "red"), " ", str(message)), highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        from klaim import __version__
        from klaim.extraction.claims import EXTRACTOR_VERSION
        from klaim.schema import SCHEMA_VERSION

        print(f"klaim {__version__} (extractor {EXTRACTOR_VERSION}, schema {SCHEMA_VERSION})")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn news articles into fact-checking datasets of atomic claims."""
    ctx.with_resource(_notes())


def _fail(exc: Exception, tail: str = "nothing was written.") -> NoReturn:
    """One clear line per problem on stderr, then a non-zero exit."""
    if isinstance(exc, SchemaError):
        for p in exc.report.problems:
            _error_line(p)
        records = len({(p.file, p.record) for p in exc.report.problems})
        err.print(f"{len(exc.report.problems)} problem(s) in {records} record(s); {tail}",
                  highlight=False)
    else:
        _error_line(exc)
    raise typer.Exit(1)


def _os_error(exc: OSError) -> KlaimError:
    """An operating-system error as one line: the path and the reason, no traceback."""
    where = f"{exc.filename}: " if exc.filename else ""
    return KlaimError(f"{where}{exc.strerror or exc}")


def _read_input(path: str) -> str:
    from klaim.textfiles import decode_text, read_text_file

    if path == "-":  # bytes, decoded strictly: the locale's surrogateescape would let bad bytes in
        return decode_text(sys.stdin.buffer.read(), "<stdin>")
    return read_text_file(Path(path))


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Folder of the new dataset (created if missing).")],
    name: Annotated[str | None, typer.Option(help="Dataset name [default: the folder's name].")] = None,
    license: Annotated[str, typer.Option("--license", help="SPDX id of the annotations' licence.")] = "CC-BY-4.0",
    lang: Annotated[str | None, typer.Option(help="Language of the articles [default: detected per article].")] = None,
    description: Annotated[str | None, typer.Option(help="What the dataset is, for its card.")] = None,
    curated_by: Annotated[str, typer.Option(help="Who curates it, for its card.")] = "",
    source: Annotated[str, typer.Option(help="Where the articles come from.")] = "",
    rights: Annotated[str, typer.Option(help="Rights of the article texts.")] = "",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing klaim.toml.")] = False,
) -> None:
    """Start a dataset of your own: FOLDER/klaim.toml (name, version, licence, card text),
    FOLDER/articles/ for the articles and FOLDER/curation/ for review files."""
    from klaim.dataset.settings import scaffold

    try:
        path = scaffold(folder, name=name, license=license, lang=lang, description=description,
                        curated_by=curated_by, source=source, rights=rights, force=force)
    except KlaimError as exc:
        _fail(exc)
        return
    out.print(f"wrote {path}; put articles into {folder / 'articles'}, edit the card text in "
              f"{path.name}, then `klaim build {folder}`", highlight=False)


@app.command()
def build(
    dataset: Annotated[Path | None, typer.Argument(help="Dataset folder (with klaim.toml) [default: ./klaim.toml, else [tool.klaim] dataset in pyproject.toml: the seed].")] = None,
    seeds: Annotated[Path | None, typer.Option(help="Folder or file of articles [default: the dataset's `articles`].")] = None,
    out_dir: Annotated[Path | None, typer.Option("-o", "--out", "--output", help="Where releases go [default: the dataset's `out`].")] = None,
    name: Annotated[str | None, typer.Option(help="Dataset name.")] = None,
    version: Annotated[str | None, typer.Option(help="Version to release (MAJOR.MINOR.PATCH).")] = None,
    license: Annotated[str | None, typer.Option("--license", help="SPDX id of the annotations' licence.")] = None,
    lang: Annotated[str | None, typer.Option(help="Language of articles that do not state one.")] = None,
    field_map: Annotated[list[str] | None, typer.Option("--map", help="ARTICLE_FIELD=INPUT_FIELD, e.g. published=date (repeatable).")] = None,
    curation: Annotated[Path | None, typer.Option(help="Curation folder applied on top of extraction.")] = None,
    no_curation: Annotated[bool, typer.Option("--no-curation", help="Release the raw extraction, unreviewed.")] = False,
    changes: Annotated[str | None, typer.Option(help="What this version changes, for the changelog.")] = None,
    allow_removal: Annotated[bool, typer.Option("--allow-removal", help="Release even though claims of the latest version are gone (needs a minor or major bump).")] = False,
    allow_empty: Annotated[bool, typer.Option("--allow-empty", help="Release even with no claims.")] = False,
    allow_unchanged: Annotated[bool, typer.Option("--allow-unchanged", help="Release a new version with the latest version's content.")] = False,
    corpus: Annotated[Path | None, typer.Option(help="A corpus (JSONL/parquet file or folder): build sharded parquet into --out instead of a release.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes for --corpus.")] = 1,
    shard_size: Annotated[int, typer.Option(help="Articles per shard for --corpus.")] = 1000,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (tcp://host:8786) for --corpus.")] = None,
    max_invalid: Annotated[int | None, typer.Option(help="Abort a --corpus build after this many invalid records.")] = None,
    article_timeout: Annotated[float, typer.Option(help="--corpus: seconds per article before it is skipped as a problem.")] = ARTICLE_TIMEOUT,
    max_article_chars: Annotated[int, typer.Option(help="--corpus: longer articles are skipped as problems.")] = MAX_ARTICLE_CHARS,
) -> None:
    """Build the next release of a dataset (settings from its klaim.toml), or with --corpus,
    sharded parquet from a corpus of any size (resumable)."""
    if corpus is not None:
        job = CorpusJob(corpus, out_dir or Path("corpus-out"), workers, shard_size, scheduler,
                        max_invalid, article_timeout, max_article_chars)
        _build_corpus(job)
        return
    from klaim.dataset.release import ReleasePolicy

    try:
        s = _settings(dataset, seeds=seeds, out=out_dir, name=name, version=version,
                      curation=curation, no_curation=no_curation, changes=changes,
                      license=license, lang=lang, field_map=_field_map(field_map),
                      allow=ReleasePolicy(allow_removal, allow_empty, allow_unchanged))
        _check_out_folder(Path(s.out), "--out")
        result = _run_build(s)
    except KlaimError as exc:
        _fail(exc)
        return
    except OSError as exc:
        _fail(_os_error(exc))
        return
    verb = "released" if result.status == "written" else "already released with identical content:"
    out.print(f"{verb} {result.name} v{result.version} → {result.path}", highlight=False)
    _summary(result.counts)


@contextmanager
def _notes() -> Iterator[None]:
    """Print the input notes (``InputWarning``) the library raised, one line each, even on failure."""
    from klaim.errors import InputWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        try:
            yield
        finally:
            for w in caught:
                if issubclass(w.category, InputWarning):
                    err.print(f"note: {w.message}", highlight=False, soft_wrap=True, markup=False)


def _field_map(pairs: list[str] | None) -> dict[str, str] | None:
    from klaim.dataset.settings import parse_field_map

    return parse_field_map(pairs) if pairs else None


def _run_build(s):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from klaim.articles import article_files
    from klaim.dataset.build import build as run_build

    n_files = len(article_files(s.seeds))
    with Progress(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("extracting", total=n_files)
        return run_build(s, on_article=lambda a: bar.update(task, advance=1,
                                                            description=f"extracting {a.article_id}"),
                         progress=lambda msg: bar.update(task, description=msg))


@dataclass(frozen=True)
class CorpusJob:
    """The --corpus options of `klaim build`."""

    source: Path
    out_dir: Path
    workers: int
    shard_size: int
    scheduler: str | None
    max_invalid: int | None
    article_timeout: float
    max_article_chars: int


def _build_corpus(job: CorpusJob) -> None:
    try:
        r = _run_corpus(job)
    except KeyboardInterrupt:
        err.print("interrupted; run again to resume", highlight=False)
        raise typer.Exit(INTERRUPTED) from None
    except KlaimError as exc:
        _fail(exc)
        return
    except OSError as exc:
        _fail(_os_error(exc))
        return
    rate = r.chars / r.seconds / 1e6 if r.seconds else 0.0
    for note in r.repaired:
        err.print(f"repaired {note}", highlight=False, soft_wrap=True)
    out.print(f"{r.articles:,} articles → {r.claims:,} claims in {len(r.shards)} shard(s) at "
              f"{r.out_dir} ({r.shards_written} written, {r.shards_resumed} resumed; "
              f"{r.seconds:.1f} s, {rate:.2f} MB/s)", highlight=False)
    if r.problems:
        for p in r.problems[:50]:
            err.print(f"invalid {p}", highlight=False, soft_wrap=True)
        records = len({(p.file, p.record) for p in r.problems})
        err.print(f"{records} invalid record(s) with {len(r.problems)} problem(s) skipped; all are listed in "
                  f"{job.out_dir / 'manifest.json'}", highlight=False)
        raise typer.Exit(1)


class _CorpusOptions(TypedDict):
    """The options that a local and a Dask corpus build share."""

    shard_size: int
    max_invalid: int | None
    article_timeout: float
    max_article_chars: int


def _run_corpus(job: CorpusJob):
    """Check every input before any work (or any connection), then build locally or on Dask."""
    from klaim.corpus.build import build_corpus, rich_progress, source_files

    for name, value in (("--workers", job.workers), ("--shard-size", job.shard_size),
                        ("--max-article-chars", job.max_article_chars)):
        if value < 1:
            raise KlaimError(f"{name} must be at least 1 (got {value})")
    if job.article_timeout <= 0:
        raise KlaimError(f"--article-timeout must be positive (got {job.article_timeout:g})")
    source_files(job.source)
    _check_out_folder(job.out_dir, "--out")
    options: _CorpusOptions = {
        "shard_size": job.shard_size, "max_invalid": job.max_invalid,
        "article_timeout": job.article_timeout, "max_article_chars": job.max_article_chars}
    if not job.scheduler:
        with rich_progress(err) as hook:
            return build_corpus(job.source, job.out_dir, workers=job.workers, progress=hook,
                                **options)
    from klaim.corpus.cluster import build_corpus_dask

    with _dask_client(job.scheduler) as client, rich_progress(err) as hook:
        return build_corpus_dask(job.source, job.out_dir, client, progress=hook, **options)


def _check_out_folder(path: Path, option: str) -> None:
    """The output folder, or the nearest part of it that exists, must be a folder."""
    for part in (path, *path.parents):
        if part.exists():
            if not part.is_dir():
                raise KlaimError(f"{option} {path}: {part} is a file, not a folder")
            return


@contextmanager
def _dask_client(address: str) -> Iterator[Any]:
    """A client of the scheduler at ``address``, or one clear error within SCHEDULER_TIMEOUT."""
    from distributed import Client
    from distributed.comm.addressing import parse_address, parse_host_port

    _quiet_dask_logs()
    try:  # a malformed address fails here, before a half-made Client hangs on closing
        scheme, location = parse_address(address)
        if scheme in ("tcp", "tls"):
            parse_host_port(location)
    except ValueError as exc:
        raise KlaimError(f"--scheduler {address!r} is not a scheduler address such as "
                         f"tcp://host:8786 ({exc})") from None
    try:
        client = Client(address, timeout=SCHEDULER_TIMEOUT, set_as_default=False)
    except (OSError, ValueError, TypeError) as exc:
        raise KlaimError(f"cannot reach the Dask scheduler at {address!r}: {exc}") from None
    try:
        yield client
    finally:
        _close_quietly(client)


def _quiet_dask_logs() -> None:
    """Dask logs a lost connection as tracebacks on stderr; the CLI says it in one line instead."""
    import logging

    for name in ("distributed", "distributed.client", "distributed.core", "distributed.comm",
                 "distributed.batched", "distributed.utils", "tornado", "tornado.application"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _close_quietly(client: Any) -> None:
    with suppress(Exception):
        client.close(timeout=SCHEDULER_TIMEOUT)


def _settings(dataset: Path | None = None, no_curation: bool = False, **overrides):
    """The build settings: of DATASET, else of the dataset that --seeds holds, else (a folder of
    articles without settings) klaim's defaults, else of the default dataset."""
    from klaim.dataset.build import BuildSettings, default_dataset
    from klaim.dataset.settings import SETTINGS_FILE

    seeds = overrides.get("seeds")
    if dataset is not None:
        s = BuildSettings.from_dataset(dataset, **overrides)
    elif seeds is not None and (Path(seeds) / SETTINGS_FILE).is_file():
        s = BuildSettings.from_dataset(Path(seeds), **overrides)
    elif seeds is not None:
        s = BuildSettings._with({"name": _slug(Path(seeds)), "version": "0.1.0"}, overrides)
    elif (folder := default_dataset()) is not None:
        s = BuildSettings.from_dataset(folder, **overrides)
    else:
        raise KlaimError(f"no dataset here (no {SETTINGS_FILE}); run `klaim init DIR` and "
                         "`klaim build DIR`, or pass --seeds")
    if no_curation:
        s.curation = None
    return s


def _slug(path: Path) -> str:
    import re

    stem = path.resolve().name if path.is_dir() else path.stem
    return re.sub(r"[^a-z0-9_.\-]+", "-", stem.lower()).strip("-.") or "dataset"


def _summary(counts: dict) -> None:
    table = Table(title=f"{counts.get('claims', 0)} claims, {counts.get('figures', 0)} figures "
                        f"from {counts.get('articles', 0)} article(s)")
    table.add_column("claim type")
    table.add_column("claims", justify="right")
    table.add_column("figure kind")
    table.add_column("figures", justify="right")
    from klaim.schema import ClaimType, FigureKind

    per_type, per_kind = counts.get("claims_per_type", {}), counts.get("figures_per_kind", {})
    types = [(t.value, per_type.get(t.value, 0)) for t in ClaimType]
    kinds = [(k.value, per_kind.get(k.value, 0)) for k in FigureKind]
    for i in range(max(len(types), len(kinds))):
        t, n = types[i] if i < len(types) else ("", "")
        k, m = kinds[i] if i < len(kinds) else ("", "")
        table.add_row(t, str(n), k, str(m))
    out.print(table)


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


OutputOpt = Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file instead of standard output.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table, csv, json or jsonl.", case_sensitive=False)]


def _emit(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output``, or print it; the file is written whole or not at all."""
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)
    err.print(f"wrote {output}", highlight=False)


def _report(run: Callable[[], Any], as_json: bool, output: Path | None, **render: Any) -> None:
    """Run an evaluation and emit its report as text or JSON; a klaim error is one line."""
    try:
        report = run()
    except KlaimError as exc:
        _fail(exc)
        return
    _emit((json.dumps(report.to_dict(), indent=2) if as_json else report.render(**render)) + "\n", output)


def _render_table(table: Table) -> str:
    from io import StringIO

    buf = StringIO()
    Console(file=buf, width=max(out.width, 120)).print(table)
    return buf.getvalue()


def _rows_text(rows: list[dict], fmt: Format, table: Table | None = None) -> str:
    if fmt is Format.jsonl:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt is Format.json:
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt is Format.csv:
        import csv
        from io import StringIO

        from klaim.dataset.exports import neutralise

        buf = StringIO()
        columns = list(dict.fromkeys(k for r in rows for k in r))
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: neutralise(_csv_cell(r.get(k))) for k in columns})
        return buf.getvalue()
    return _render_table(table) if table is not None else ""


def _csv_cell(value):
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "" if value is None else value


@app.command()
def validate(
    path: Annotated[str, typer.Argument(help="Release folder, a JSONL, CSV or Parquet file (claims, articles or figures), or - for JSON lines on standard input.")],
    max_errors: Annotated[int, typer.Option("--max-errors", min=1, help="Print at most this many problems (all are counted).")] = 1000,
    as_json: Annotated[bool, typer.Option("--json", help="The report as JSON (every problem).")] = False,
    output: OutputOpt = None,
) -> None:
    """Validate against the schema; report every invalid record with file, row, field and reason.
    Knows claims, articles and figures (figures.csv, `klaim figures` output) by their columns."""
    from klaim.dataset.validate import validate_path

    try:
        report = validate_path(path)
    except KlaimError as exc:
        _fail(exc)
        return
    if as_json:
        doc = {"ok": report.ok, "checked": report.checked, "files": report.files,
               "problems": [vars(p) for p in report.problems]}
        _emit(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output)
        raise typer.Exit(0 if report.ok else 1)
    if report.problems:
        for p in report.problems[:max_errors]:
            err.print(f"error {p}", highlight=False, soft_wrap=True, markup=False)
        hidden = len(report.problems) - max_errors
        if hidden > 0:
            err.print(f"… {hidden} more problem(s) not shown (--max-errors {max_errors})", highlight=False)
        records = len({(p.file, p.record) for p in report.problems})
        err.print(f"{len(report.problems)} problem(s) in {records} of {report.checked} record(s).",
                  highlight=False)
        raise typer.Exit(1)
    per_file = "; ".join(f"{Path(f).name}: {n}" for f, n in report.files.items())
    out.print(f"ok: {report.checked} record(s) valid in {path}"
              + (f" ({per_file})" if len(report.files) > 1 else ""), highlight=False, soft_wrap=True)


def _inputs(path: str, lang: str | None, published: str | None, article_id: str | None,
            field_map: list[str] | None = None):
    """(article_id, text, lang, published) of each article in PATH: a text file (with its
    .meta.yaml when there is one), a folder or JSONL of articles, or - for standard input."""
    from klaim.articles import META_SUFFIX, read_articles
    from klaim.schema import published_day

    p = Path(path)
    sidecar = p.with_name(p.name.removesuffix(".txt") + META_SUFFIX)
    if path != "-" and (p.is_dir() or p.suffix != ".txt" or sidecar.is_file()):
        defaults = {k: v for k, v in (("lang", lang), ("published", published)) if v}
        arts = read_articles(p, defaults=defaults, field_map=_field_map(field_map))
        return [(a.article_id, a.text, a.lang, a.published) for a in arts]
    text = _read_input(path)
    published_day(published)  # a bad date is an error here, as in an article's metadata
    if lang is None:
        from klaim.extraction.langid import detect, unsupported_note

        lang = detect(text)[0]
        if note := unsupported_note(text, lang):
            err.print(f"note: {path}: {note}", highlight=False, soft_wrap=True, markup=False)
    else:
        _warn_language(lang, text, path)
    return [(article_id, text, lang, published)]


def _warn_language(lang: str, text: str, where: str) -> None:
    from klaim.extraction.langid import disagreement

    note = disagreement(lang, text)
    if note:
        err.print(f"note: {where}: {note}", highlight=False, soft_wrap=True, markup=False)


LangOpt = Annotated[str | None, typer.Option(help="Language of the text: id, en or ms [default: the metadata's, else detected].")]
MapOpt = Annotated[list[str] | None, typer.Option("--map", help="ARTICLE_FIELD=INPUT_FIELD for JSONL/CSV input, e.g. published=date (repeatable).")]
PublishedOpt = Annotated[str | None, typer.Option("--published", "--date", help="Publication date or timestamp, for relative dates (--date is the old name).")]


@app.command()
def figures(
    path: Annotated[str, typer.Argument(help="Text file (its .meta.yaml is read), folder or JSONL of articles, or - for standard input.")],
    lang: LangOpt = None,
    published: PublishedOpt = None,
    fmt: FormatOpt = Format.jsonl,
    table: Annotated[bool, typer.Option("--table", hidden=True, help="Deprecated: --format table.")] = False,
    field_map: MapOpt = None,
    output: OutputOpt = None,
) -> None:
    """Find and normalise every figure; one JSON object per figure (or --format table|csv|json)."""
    from klaim.extraction.figures import find_figures

    if table:
        err.print("note: --table is deprecated; use --format table", highlight=False)
        fmt = Format.table
    try:
        inputs = _inputs(path, lang, published, None, field_map)
        found = [(aid, f) for aid, text, lg, pub in inputs
                 for f in find_figures(text, lang=lg, reference_date=pub)]
    except KlaimError as exc:
        _fail(exc)
        return
    many = len(inputs) > 1 or inputs[0][0] is not None
    rows = [({"article_id": aid} if many else {}) | f.model_dump(mode="json", exclude_none=True)
            for aid, f in found]
    t = Table(*(["article"] if many else []), "span", "surface", "kind", "value", "unit/currency",
              "per", "approx", "iso")
    for aid, f in found:
        t.add_row(*([aid] if many else []), f"{f.start}-{f.end}", f.surface, f.kind.value,
                  _num(f.value), f.currency or f.unit or "", f.per.value if f.per else "",
                  f.qualifier or ("yes" if f.approximate else ""), f.iso or "")
    _emit(_rows_text(rows, fmt, t), output)


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return f"{int(v):,}" if float(v).is_integer() and abs(v) < 1e18 else f"{v:g}"


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="Text file (its .meta.yaml is read), folder or JSONL of articles, or - for standard input.")],
    lang: LangOpt = None,
    published: PublishedOpt = None,
    article_id: Annotated[str | None, typer.Option(help="Article ID for claim IDs (one text).")] = None,
    fmt: FormatOpt = Format.jsonl,
    field_map: MapOpt = None,
    output: OutputOpt = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Print each claim with its speaker and the rules that produced it.")] = False,
) -> None:
    """Extract atomic claims from articles; one JSON object per claim (or --format table|csv|json)."""
    from klaim.extraction.claims import explain as explain_claims
    from klaim.extraction.claims import extract as run_extract

    try:
        claims = [c for aid, text, lg, pub in _inputs(path, lang, published, article_id, field_map)
                  for c in run_extract(text, lang=lg, published=pub, article_id=aid)]
    except KlaimError as exc:
        _fail(exc)
        return
    if explain:
        _emit(explain_claims(claims) + "\n", output)
        return
    t = Table("span", "type", "speaker", "modality", "cw", "claim")
    for c in claims:
        t.add_row(f"{c.start}-{c.end}", c.claim_type.value, c.speaker.name or c.speaker.kind.value,
                  c.modality.value, f"{c.check_worthiness:.2f}", c.text)
    _emit(_rows_text([c.model_dump(mode="json") for c in claims], fmt, t), output)


@app.command()
def diff(old: Annotated[Path, typer.Argument(help="The earlier release folder (or claims JSONL).")],
         new: Annotated[Path, typer.Argument(help="The later release folder (or claims JSONL).")],
         as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
         output: OutputOpt = None) -> None:
    """Claims added, removed and changed between two releases (by claim_id); changes of the
    review stamp alone are listed apart. Exits 1 when the releases differ, like diff."""
    from klaim.dataset.diff import diff_releases

    try:
        d = diff_releases(old, new)
    except KlaimError as exc:
        _fail(exc)
        return
    text = json.dumps(d.to_dict(), ensure_ascii=False, indent=2) if as_json else d.render()
    _emit(text + "\n", output)
    raise typer.Exit(0 if d.empty else 1)


@app.command()
def publish(
    release: Annotated[Path, typer.Argument(help="Release folder, e.g. data/klaim-seed/v1.0.0.")],
    repo_id: Annotated[str, typer.Option("--repo-id", help="Hugging Face dataset repo, ORG/NAME.")],
    token: Annotated[str | None, typer.Option(help="Hub token [default: $HF_TOKEN].")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List what would be uploaded; upload nothing.")] = False,
) -> None:
    """Upload a validated release to the Hugging Face Hub, tagged v<version>."""
    from klaim.dataset.publish import publish as run_publish

    try:
        plan = run_publish(release, repo_id, token=token, dry_run=dry_run)
    except KlaimError as exc:
        _fail(exc)
        return
    out.print(plan.summary(), highlight=False)


DatasetOpt = Annotated[Path | None, typer.Option("--dataset", "-d", help="Dataset folder (with klaim.toml) [default: ./klaim.toml, else the seed].")]


@app.command()
def review(
    article_id: Annotated[str | None, typer.Argument(help="One article; omit with --all.")] = None,
    all_articles: Annotated[bool, typer.Option("--all", help="Every article.")] = False,
    out_dir: Annotated[Path, typer.Option("-o", "--output", "--out", help="Folder for the HTML pages.")] = Path("review"),
    release: Annotated[Path | None, typer.Option(help="A built release folder to review (instead of extracting from the articles).")] = None,
    dataset: DatasetOpt = None,
    seeds: Annotated[Path | None, typer.Option(help="Folder or file of articles [default: the dataset's].")] = None,
) -> None:
    """Write static HTML review pages: claims highlighted in their article, with details."""
    from klaim.dataset.build import collect
    from klaim.dataset.release import load_release
    from klaim.review.pages import write_review

    if not (article_id or all_articles):
        _fail(KlaimError("name an ARTICLE_ID or pass --all"))
    try:
        if release is not None:
            articles, claims = load_release(release)
        else:
            articles, claims = collect(_settings(dataset, seeds=seeds))
        paths = write_review(articles, claims, out_dir,
                             None if all_articles or article_id is None else [article_id])
    except KlaimError as exc:
        _fail(exc)
        return
    out.print(f"wrote {len(paths)} page(s); open {out_dir / 'index.html'}", highlight=False)


@curation_app.command("init")
def curation_init(
    article_id: Annotated[str, typer.Argument(help="The article to review.")],
    dataset: DatasetOpt = None,
    seeds: Annotated[Path | None, typer.Option(help="Folder or file of articles [default: the dataset's].")] = None,
    folder: Annotated[Path | None, typer.Option("-o", "--output", "--folder", help="Curation folder [default: the dataset's `curation`].")] = None,
) -> None:
    """Start a curation file listing every extracted claim of an article as pending."""
    from klaim.dataset.build import collect
    from klaim.dataset.curation import init_curation_file

    try:
        s = _settings(dataset, seeds=seeds)
        target = folder or s.curation or Path("curation")
        s.curation = None
        articles, claims = collect(s)
        article = next((a for a in articles if a.article_id == article_id), None)
        if article is None:
            raise KlaimError(f"no article {article_id!r} in {s.seeds}")
        path = init_curation_file(article, [c for c in claims if c.article_id == article_id], target)
    except KlaimError as exc:
        _fail(exc)
        return
    out.print(f"wrote {path}; edit it, then `klaim build`", highlight=False)


@curation_app.command("update")
def curation_update(
    dataset: DatasetOpt = None,
    seeds: Annotated[Path | None, typer.Option(help="Folder or file of articles [default: the dataset's].")] = None,
    folder: Annotated[Path | None, typer.Option("-o", "--output", "--folder", help="Curation folder or file [default: the dataset's `curation`].")] = None,
) -> None:
    """Re-anchor decisions whose claim a new extractor drew differently to that claim's
    successor; a changed span goes back to pending. Exits 1 while a decision still names no claim."""
    from klaim.dataset.build import collect
    from klaim.dataset.curation_update import update_curation

    try:
        s = _settings(dataset, seeds=seeds)
        target = folder or s.curation or Path("curation")
        s.curation = None
        articles, claims = collect(s)
        steps = update_curation(target, articles, claims)
    except KlaimError as exc:
        _fail(exc)
        return
    if not steps:
        out.print(f"{target}: every decision names a current claim; nothing to do", highlight=False)
        return
    table = Table("decision", "action", "new claim", "detail", title=f"{target}: {len(steps)} stale decision(s)")
    for step in steps:
        table.add_row(step.claim_id, step.action, step.new_claim_id or "-", step.detail)
    out.print(table)
    orphans = sum(step.action == "kept" for step in steps)
    if orphans:
        err.print(f"{orphans} decision(s) still name no claim: delete them or add their claims "
                  "under `added:`, then `klaim build`", highlight=False)
        raise typer.Exit(1)


@labelstudio_app.command("export")
def labelstudio_export(
    out_file: Annotated[Path, typer.Option("-o", "--output", "--out", help="Tasks JSON to import into Label Studio.")] = Path("labelstudio-tasks.json"),
    dataset: DatasetOpt = None,
    seeds: Annotated[Path | None, typer.Option(help="Folder or file of articles [default: the dataset's].")] = None,
) -> None:
    """Write Label Studio tasks with the claims as pre-annotations, and the labeling config."""
    from klaim.dataset.build import collect
    from klaim.review.labelstudio import export_tasks, labelstudio_config

    try:
        s = _settings(dataset, seeds=seeds)
        articles, extracted = collect(_settings(dataset, seeds=seeds, no_curation=True))
        tasks = export_tasks(articles, extracted, s.curation)
    except KlaimError as exc:
        _fail(exc)
        return
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(json.dumps(tasks, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    config = out_file.with_suffix(".xml")
    config.write_text(labelstudio_config(), encoding="utf-8")
    out.print(f"wrote {len(tasks)} task(s) to {out_file} and the labeling config to {config}",
              highlight=False)


@labelstudio_app.command("import")
def labelstudio_import(
    export_file: Annotated[Path, typer.Argument(help="A Label Studio JSON export.")],
    dataset: DatasetOpt = None,
    seeds: Annotated[Path | None, typer.Option(help="Folder or file of articles [default: the dataset's].")] = None,
    folder: Annotated[Path | None, typer.Option("-o", "--output", "--folder", help="Curation folder [default: the dataset's `curation`].")] = None,
    reviewer_map: Annotated[list[str] | None, typer.Option("--reviewer-map", metavar="ID=NAME", help="Label Studio user id = reviewer, e.g. 1=ana@desk.example (repeatable); the default JSON export names annotators by id only.")] = None,
) -> None:
    """Turn a completed Label Studio export into curation files, merged into the ones there
    (their comments, header and notes kept; checked before writing)."""
    from klaim.dataset.build import collect
    from klaim.review.labelstudio import import_annotations, parse_reviewer_map

    try:
        reviewers = parse_reviewer_map(reviewer_map or [])
        export = json.loads(_read_input(str(export_file)))
        s = _settings(dataset, seeds=seeds)
        target = folder or s.curation or Path("curation")
        s.curation = None
        articles, extracted = collect(s)
        paths = import_annotations(export, articles, extracted, target, reviewers)
    except json.JSONDecodeError as exc:
        _fail(KlaimError(f"{export_file}: not JSON ({exc.msg}, line {exc.lineno})"))
        return
    except KlaimError as exc:
        _fail(exc)
        return
    for p in paths:
        out.print(f"wrote {p}", highlight=False)


@app.command()
def schema(
    out_dir: Annotated[Path, typer.Option("-o", "--output", "--out", help="Folder for the JSON Schema files.")] = Path("schema"),
    check: Annotated[bool, typer.Option(help="Only check that the files are up to date.")] = False,
) -> None:
    """Write (or --check) the JSON Schema files generated from the pydantic models."""
    from klaim.dataset.schema_files import (
        record_schema_version,
        schema_version_problem,
        stale_schema_files,
        write_schema_files,
    )

    if (why := schema_version_problem(out_dir)) is not None:
        _fail(KlaimError(why))
    if check:
        stale = stale_schema_files(out_dir)
        if stale:
            _fail(KlaimError(f"stale schema files (run `klaim schema`): {', '.join(stale)}"))
        out.print(f"ok: {out_dir} is up to date")
        return
    for p in [*write_schema_files(out_dir), record_schema_version(out_dir)]:
        out.print(f"wrote {p}")


@evaluate_app.command("figures")
def evaluate_figures_cmd(
    gold: Path,
    convention: Annotated[str, typer.Option(help="auto, klaim, ud-num, yusufs or measeval.")] = "auto",
    lang: Annotated[str | None, typer.Option(help="Language (default: from the gold file).")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    output: OutputOpt = None,
) -> None:
    """Precision, recall and F1 of figures per kind (overlap and exact), and value accuracy."""
    from klaim.evaluation.figures import evaluate_figures

    _report(lambda: evaluate_figures(gold, convention=convention, lang=lang), as_json, output)


@evaluate_app.command("claims")
def evaluate_claims_cmd(
    gold: Path,
    articles: Annotated[Path | None, typer.Option(
        help="Articles JSONL that a guideline-format gold (one article a line, no text) joins by id.")] = None,
    lang: Annotated[str | None, typer.Option(help="Language of articles without a 'lang' field.")] = None,
    details: Annotated[bool, typer.Option(help="List wrong, missed and spurious claims.")] = True,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    output: OutputOpt = None,
) -> None:
    """Claim-span precision, recall and F1; type, speaker and modality agreement on matched claims."""
    from klaim.evaluation.claims import evaluate_claims

    _report(lambda: evaluate_claims(gold, articles=articles, lang=lang), as_json, output, details=details)


@evaluate_app.command("attribution")
def evaluate_attribution_cmd(
    path: Path,
    limit: Annotated[int | None, typer.Option(help="Score N articles spread evenly over the file.")] = None,
    examples: Annotated[int, typer.Option(help="Show N attributions whose source was missed.")] = 0,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    output: OutputOpt = None,
) -> None:
    """Content found, attributed, source recall and precision on PolNeAR-style attributions."""
    from klaim.evaluation.attribution import evaluate_attribution

    _report(lambda: evaluate_attribution(path, limit=limit, examples=examples), as_json, output)


@evaluate_app.command("worthiness")
def evaluate_worthiness_cmd(
    path: Path,
    limit: Annotated[int | None, typer.Option(help="Score N sentences spread evenly over the file.")] = None,
    examples: Annotated[int, typer.Option(help="Show the N worst-ranked sentences of each label.")] = 0,
    half: Annotated[str | None, typer.Option(
        help="Score only the sentences whose id ends in an 'even' or 'odd' number (develop on one, hold out the other).")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    output: OutputOpt = None,
) -> None:
    """ROC AUC of check-worthiness on sentences labelled 1 (check-worthy) or 0."""
    from klaim.evaluation.worthiness import evaluate_worthiness

    _report(lambda: evaluate_worthiness(path, limit=limit, examples=examples, half=half), as_json, output)


if __name__ == "__main__":
    app()
