"""Corpus builds: millions of articles → sharded Parquet of claims, streamed, parallel, resumable.

``build_corpus(source, out_dir)`` reads articles one record at a time (JSONL, Parquet, a folder of
them, a ``datasets.Dataset`` / ``IterableDataset`` or any iterable of mappings), validates each
with :class:`klaim.schema.Article`, extracts claims in a process pool and writes

    out_dir/claims-00000.parquet, claims-00001.parquet, …   (claim features of records.claim_features())
    out_dir/manifest.json                                   (shards, counts, sha256, every problem)

Guarantees, each tested in tests/test_corpus.py:

* **Deterministic shards.** Shard *k* holds the claims of input records ``k*shard_size`` …
  ``(k+1)*shard_size - 1`` in input order (invalid records keep their place, so a shard's input is
  fixed by the input alone). Claims keep input order, then the extractor's order. The bytes of every
  shard and of the manifest are the same for any number of workers and across interrupted runs.
* **Atomic, resumable.** A shard is written to a temporary file and renamed into place; its footer
  carries the shard's own metadata (input sha256, counts, problems, extractor version). After a
  crash or ``kill -9`` a rerun validates the input again (cheap), skips every shard whose file
  exists with the same input digest and extractor version and still hashes to the sha256
  recorded when it was written (manifest, or a sidecar written before the rename), and writes
  only the rest; a damaged shard is rebuilt and named in :attr:`CorpusResult.repaired`. Nothing is
  duplicated, and the result equals an uninterrupted build. Stale temporaries and shards beyond
  the end of the input are removed.
* **A per-article guard.** An article over ``max_article_chars``, or whose extraction raises or
  runs past ``article_timeout`` seconds, is a problem with its id; the build goes on. Pool
  workers die with the driver.
* **Bounded memory.** The input is iterated, never materialised; at most ``max_inflight`` chunks of
  ``chunk_size`` articles are in flight and finished shards are written as soon as complete. The
  only state that grows with the corpus is the set of article-id digests used to catch duplicate
  ids (one small int per article) and the list of problems.
* **Invalid records do not abort.** Each is skipped and reported with file, record (``line N``
  for JSONL, 1-based; ``row N`` for Parquet and datasets, 0-based) and field, both in
  :attr:`CorpusResult.problems` and in ``manifest.json``; callers decide what a non-empty list means
  (the CLI exits non-zero). Extraction errors on one article are reported the same way (field
  ``(extractor)``). ``max_invalid`` aborts early with a :class:`~klaim.errors.SchemaError` once more
  records than that are invalid, for inputs that are plainly the wrong format. Unknown fields are
  invalid (``Article`` forbids them), as everywhere else in klaim.

``klaim.corpus.cluster.build_corpus_dask`` runs the same shards on Dask distributed and writes the same
files.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import hashlib
import itertools
import json
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError

from klaim.articles import Reading
from klaim.dataset.layout import sha256_file
from klaim.errors import InputError, KlaimError, Problem, SchemaError, ValidationReport
from klaim.extraction.text import MAX_ARTICLE_CHARS
from klaim.schema import SCHEMA_VERSION, Article

MANIFEST = "manifest.json"
SHARD_PATTERN = "claims-{:05d}.parquet"
SHARD_META_KEY = b"klaim.shard"
INPUT_SUFFIXES = (".jsonl", ".parquet")
DEFAULT_CHUNK = 64
# The per-article guard. A corpus has no human watching each article: one pathological text must
# cost a bounded time and memory, be reported with its id, and leave the rest of the build alone.
# The size limit is extract()'s own (MAX_ARTICLE_CHARS), checked by the driver before sending.
ARTICLE_TIMEOUT = 60.0  # seconds of extraction per article before it is given up
ROW_GROUP_SIZE = 10_000
COMPRESSION: Final = "zstd"

class CorpusSettingError(InputError, ValueError):
    """A build setting out of range (``workers=0``, ``shard_size=0``...)."""


class ArticleTimeout(BaseException):
    """Raised inside extraction when one article exceeds its time limit.

    A ``BaseException`` so that no ``except Exception`` inside the extractor can swallow it.
    """


def _check_setting(name: str, value: float | None, minimum: float,
                   allow_none: bool = False) -> None:
    if value is None and allow_none:
        return
    if value is None or value < minimum:
        raise CorpusSettingError(f"{name} must be at least {minimum:g} (got {value})")


# --------------------------------------------------------------------------------------------
# Results and progress


@dataclass(frozen=True)
class ShardInfo:
    """One finished shard, as listed in ``manifest.json``."""

    index: int
    file: str
    records: int  # input records in the shard, valid or not
    articles: int  # articles extracted
    claims: int
    chars: int  # characters of article text extracted
    first_article_id: str | None
    last_article_id: str | None
    input_sha256: str
    sha256: str
    bytes: int
    problems: tuple[Problem, ...] = ()


@dataclass
class CorpusResult:
    out_dir: Path
    manifest: Path
    shards: list[ShardInfo]
    records: int
    articles: int
    claims: int
    chars: int
    problems: list[Problem]
    shards_written: int  # by this run
    shards_resumed: int  # found finished and kept
    seconds: float
    repaired: list[str] = field(default_factory=list)  # shards found damaged and rebuilt

    @property
    def ok(self) -> bool:
        return not self.problems

    def report(self) -> ValidationReport:
        return ValidationReport(problems=list(self.problems), checked=self.records)


@dataclass(frozen=True)
class CorpusProgress:
    """Passed to the ``progress`` callback after every finished chunk and shard."""

    records: int  # input records accounted for (including resumed shards)
    total: int | None  # input records, when the source can tell cheaply
    articles: int  # articles extracted by this run
    claims: int  # claims written by this run
    chars: int  # characters extracted by this run
    resumed: int  # input records in shards kept from an earlier run
    shards_written: int
    shards_resumed: int
    problems: int
    elapsed: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left, from this run's rate; None when the total is unknown."""
        done = self.records - self.resumed
        if self.total is None or done <= 0 or self.elapsed <= 0:
            return None
        return max(self.total - self.records, 0) * self.elapsed / done


ProgressHook = Callable[[CorpusProgress], None]


@contextmanager
def rich_progress(console: Any = None, description: str = "extracting") -> Iterator[ProgressHook]:
    """A ``progress`` hook drawing a rich bar: records done / total, articles/s, MB/s, ETA."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[speed]}"), TextColumn("{task.fields[eta]}"),
                   console=console, transient=False)
    task = bar.add_task(description, total=None, speed="", eta="")

    def hook(p: CorpusProgress) -> None:
        eta = "" if p.eta is None else f"ETA {_duration(p.eta)}"
        speed = (f"{p.articles_per_s:,.0f} articles/s · {p.chars_per_s / 1e6:.2f} MB/s · "
                 f"{p.claims:,} claims")
        if p.resumed:
            speed += f" · {p.shards_resumed} shards resumed"
        bar.update(task, completed=p.records, total=p.total, speed=speed, eta=eta)

    with bar:
        yield hook


def _duration(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


# --------------------------------------------------------------------------------------------
# Reading the source, one record at a time


@dataclass(frozen=True)
class _Record:
    file: str
    where: str
    data: dict[str, Any] | None  # None when the record could not be read at all
    error: Problem | None = None


def source_files(root: Path) -> list[Path]:
    """JSONL and Parquet files under ``root`` (or ``root`` itself), sorted by relative path."""
    if root.is_file():
        if root.suffix not in INPUT_SUFFIXES:
            raise InputError(f"not a .jsonl or .parquet file (suffix {root.suffix!r})", str(root))
        return [root]
    if not root.is_dir():
        raise InputError("no such file or folder", str(root))
    files = sorted((p for p in root.rglob("*") if p.is_file() and p.suffix in INPUT_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(root).parts)),
                   key=lambda p: p.relative_to(root).as_posix())
    if not files:
        raise InputError("holds no .jsonl or .parquet files", str(root))
    return files


def _iter_jsonl(path: Path) -> Iterator[_Record]:
    file = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        yield _Record(file, "-", None, Problem(file, "-", "(file)", f"cannot read: {exc.strerror}"))
        return
    with fh:
        for lineno, raw in enumerate(fh, 1):
            where = f"line {lineno}"
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a BOM before the first JSON value is an encoding artefact only
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield _Record(file, where, None, Problem(
                    file, where, "(encoding)", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})"))
                continue
            except json.JSONDecodeError as exc:
                yield _Record(file, where, None, Problem(file, where, "(json)", exc.msg))
                continue
            except RecursionError:
                yield _Record(file, where, None, Problem(file, where, "(json)",
                                                         "nested too deeply to read"))
                continue
            if not isinstance(obj, dict):
                yield _Record(file, where, None, Problem(file, where, "(json)", "not a JSON object"))
                continue
            yield _Record(file, where, obj)


def _iter_parquet(path: Path) -> Iterator[_Record]:
    import pyarrow.parquet as pq

    file = str(path)
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:
        yield _Record(file, "-", None, Problem(file, "-", "(file)", f"not a Parquet file: {exc}"))
        return
    row = 0
    for batch in pf.iter_batches(batch_size=256):
        for obj in batch.to_pylist():
            yield _Record(file, f"row {row}", obj)
            row += 1


def _iter_rows(rows: Iterable[Mapping[str, Any]], file: str) -> Iterator[_Record]:
    for i, obj in enumerate(rows):
        if not isinstance(obj, Mapping):
            yield _Record(file, f"row {i}", None,
                          Problem(file, f"row {i}", "(record)", f"not a mapping: {type(obj).__name__}"))
            continue
        yield _Record(file, f"row {i}", dict(obj))


def _dataset_label(ds: Any) -> str:
    name = getattr(getattr(ds, "info", None), "dataset_name", None)
    return f"(dataset {name})" if name else "(dataset)"


def iter_records(source: Any) -> Iterator[_Record]:
    if isinstance(source, (str, os.PathLike)):
        for path in source_files(Path(source)):
            yield from (_iter_jsonl(path) if path.suffix == ".jsonl" else _iter_parquet(path))
    elif _is_dataset(source):
        yield from _iter_rows(source, _dataset_label(source))
    elif isinstance(source, Iterable):
        yield from _iter_rows(source, "(records)")
    else:
        raise InputError(f"cannot read articles from a {type(source).__name__}")


def _is_dataset(obj: Any) -> bool:
    try:
        from datasets import Dataset, IterableDataset
    except ImportError:  # pragma: no cover - datasets is a core dependency
        return False
    return isinstance(obj, (Dataset, IterableDataset))


def count_records(source: Any) -> int | None:
    """Input records, when cheap to know (JSONL lines, Parquet footers, ``len(Dataset)``)."""
    if isinstance(source, (str, os.PathLike)):
        import pyarrow.parquet as pq

        total = 0
        for path in source_files(Path(source)):
            try:
                if path.suffix == ".parquet":
                    total += pq.ParquetFile(path).metadata.num_rows
                else:
                    with open(path, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
            except Exception:
                continue
        return total
    try:
        return len(source)
    except TypeError:
        return None


# --------------------------------------------------------------------------------------------
# Shards: which articles, and whether an earlier run already finished them


@dataclass
class ShardPlan:
    """The validated input of one shard: what a worker needs to build it."""

    index: int
    records: int
    articles: list[tuple[str, str, str, str | None]]  # (article_id, text, lang, published ISO)
    locations: list[tuple[str, str]]  # (file, record) of each article, for error reports
    problems: list[Problem]
    input_sha256: str

    @property
    def file(self) -> str:
        return SHARD_PATTERN.format(self.index)


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def _problems_from(exc: ValidationError, file: str, record: str) -> list[Problem]:
    return [Problem(file, record, ".".join(str(p) for p in err["loc"]) or "(record)", err["msg"])
            for err in exc.errors()]


def _non_empty(records: Iterator[_Record], source: Any) -> Iterator[_Record]:
    """``records``, checked up front to hold at least one record: an empty corpus is a mistake."""
    first = next(records, None)
    if first is None:
        label = str(source) if isinstance(source, (str, os.PathLike)) else type(source).__name__
        raise InputError("holds no articles (empty input)", label)
    return itertools.chain([first], records)


class _Planner:
    """Cuts the record stream into shards of ``shard_size`` records and validates them."""

    def __init__(self, source: Any, shard_size: int, max_invalid: int | None,
                 max_article_chars: int | None = MAX_ARTICLE_CHARS):
        _check_setting("shard_size", shard_size, 1)
        _check_setting("max_article_chars", max_article_chars, 1, allow_none=True)
        self.records = _non_empty(iter_records(source), source)
        self.shard_size = shard_size
        self.max_invalid = max_invalid
        self.max_chars = max_article_chars
        self.invalid = 0
        self.seen: set[int] = set()  # 8-byte digests of article ids, to catch duplicates
        # The same reading as a release build: timestamps, extra fields, a detected language.
        self.reading = Reading(check_language=False)

    def __iter__(self) -> Iterator[ShardPlan]:
        index = 0
        while True:
            batch = []
            for rec in self.records:
                batch.append(rec)
                if len(batch) == self.shard_size:
                    break
            if not batch:
                return
            yield self._plan(index, batch)
            index += 1
            if len(batch) < self.shard_size:
                return

    def _plan(self, index: int, batch: list[_Record]) -> ShardPlan:
        h = hashlib.sha256()
        articles: list[tuple[str, str, str, str | None]] = []
        locations: list[tuple[str, str]] = []
        problems: list[Problem] = []
        for rec in batch:
            if rec.error is not None:
                h.update(f"! {rec.error.field} {rec.error.reason}\n".encode())
                problems.append(rec.error)
                continue
            h.update(json.dumps(rec.data, sort_keys=True, ensure_ascii=False,
                                default=_json_default).encode())
            h.update(b"\n")
            try:
                assert rec.data is not None  # a record without data carries its error
                art = Article.model_validate(self.reading.prepare(rec.data))
            except ValidationError as exc:
                problems.extend(_problems_from(exc, rec.file, rec.where))
                continue
            key = int.from_bytes(hashlib.blake2b(art.article_id.encode(), digest_size=8).digest())
            if key in self.seen:
                problems.append(Problem(rec.file, rec.where, "article_id",
                                        f"duplicate id {art.article_id!r}; this record is skipped"))
                continue
            self.seen.add(key)
            if self.max_chars is not None and len(art.text) > self.max_chars:
                # in the digest, so that a run with another limit rebuilds the shard
                h.update(b"! too large\n")
                problems.append(Problem(rec.file, rec.where, "text", (
                    f"article {art.article_id!r} too large: {len(art.text):,} characters "
                    f"(limit {self.max_chars:,}); skipped")))
                continue
            articles.append((art.article_id, art.text, art.lang, art.published.isoformat()))
            locations.append((rec.file, rec.where))
        self.invalid += len({(p.file, p.record) for p in problems})
        if self.max_invalid is not None and self.invalid > self.max_invalid:
            raise SchemaError(ValidationReport(problems=problems, checked=len(batch)))
        return ShardPlan(index, len(batch), articles, locations, problems, h.hexdigest())


def _extractor_version() -> dict[str, str]:
    from klaim.extraction.claims import EXTRACTOR, EXTRACTOR_VERSION

    return {"extractor": EXTRACTOR, "extractor_version": EXTRACTOR_VERSION,
            "schema_version": SCHEMA_VERSION}


def finished_shard(out_dir: Path, plan: ShardPlan, shard_size: int,
                   recorded: Mapping[str, str] | None = None) -> ShardInfo | None:
    """The shard an earlier run wrote for exactly this input and extractor, if any, intact.

    Intact means its sha256 is the one recorded when it was written (``recorded``, default
    :func:`recorded_hashes`): a file changed on disk since is not trusted, whatever its footer says.
    """
    path = out_dir / plan.file
    info = _shard_meta(path)
    if info is None:
        return None
    expected = {"index": plan.index, "shard_size": shard_size, "input_sha256": plan.input_sha256,
                **_extractor_version()}
    if any(info.get(k) != v for k, v in expected.items()):
        return None
    recorded = recorded_hashes(out_dir) if recorded is None else recorded
    sha = sha256_file(path)
    if recorded.get(path.name) != sha:
        return None
    return _info_from_meta(path, info, sha)


def shard_damage(path: Path, recorded: str | None) -> str | None:
    """Why an existing shard file cannot be trusted, or None when nothing says it is damaged."""
    if not path.is_file():
        return None
    if _shard_meta(path) is None:
        return "unreadable (no klaim footer)"
    if recorded is None:
        return "no recorded sha256"
    if sha256_file(path) != recorded:
        return "sha256 differs from the one recorded when it was written"
    return None


def _shard_meta(path: Path) -> dict[str, Any] | None:
    import pyarrow.parquet as pq

    if not path.is_file():
        return None
    try:
        meta = pq.read_schema(path).metadata or {}
        info = json.loads(meta[SHARD_META_KEY])
    except Exception:
        return None
    return info if isinstance(info, dict) else None


def _sidecar(out_dir: Path, file: str) -> Path:
    return out_dir / f".{file}.sha256"


def recorded_hashes(out_dir: Path) -> dict[str, str]:
    """sha256 of each shard as written: the manifest's, overridden by newer per-shard sidecars.

    A sidecar is written just before its shard is renamed into place, so a shard finished by a run
    that died before writing the manifest has one too.
    """
    hashes: dict[str, str] = {}
    try:
        for entry in read_manifest(out_dir).get("shards", []):
            hashes[str(entry["file"])] = str(entry["sha256"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # no manifest (first run, or killed before it), or a damaged one: sidecars decide
    for side in out_dir.glob(".claims-*.parquet.sha256"):
        try:
            sha, name = side.read_text(encoding="ascii").split()
        except (OSError, ValueError):
            continue  # torn or foreign: the shard is rebuilt
        hashes[name] = sha
    return hashes


def _info_from_meta(path: Path, info: dict[str, Any], sha: str) -> ShardInfo:
    return ShardInfo(index=info["index"], file=path.name, records=info["records"],
                     articles=info["articles"], claims=info["claims"], chars=info["chars"],
                     first_article_id=info["first_article_id"],
                     last_article_id=info["last_article_id"], input_sha256=info["input_sha256"],
                     sha256=sha, bytes=path.stat().st_size,
                     problems=tuple(Problem(**p) for p in info["problems"]))


# --------------------------------------------------------------------------------------------
# The work: extraction of a chunk (in a worker), writing a shard (anywhere)


_CLAIMS = None  # (claims module, class-label maps), loaded once per process


def _claim_tools():
    global _CLAIMS
    if _CLAIMS is None:
        from klaim.dataset.records import CLASS_LABEL_FIELDS
        from klaim.extraction import claims

        labels = {n: {m.value: i for i, m in enumerate(e)} for n, e in CLASS_LABEL_FIELDS.items()}
        _CLAIMS = (claims, labels)
    return _CLAIMS


@lru_cache(maxsize=1)
def claim_schema():
    """The Arrow schema of ``records.claim_features()`` (with its ``huggingface`` metadata).

    Computed once by the driver and passed to workers, so that they need not import ``datasets``
    (about 115 MB of RSS per process).
    """
    from klaim.dataset.records import claim_features

    return claim_features().arrow_schema


def extract_chunk(articles: list[tuple[str, str, str, str | None]], schema: Any = None,
                  timeout: float | None = ARTICLE_TIMEOUT):
    """Claims of ``articles`` as an Arrow table with the claim features; and (i, error) pairs.

    The table has exactly the schema of ``records.claim_features()`` (class labels as ints); rows
    are the ``model_dump`` of each claim, which equals ``features.encode_example(claim_row(c))``
    and is 30x faster. An article that raises, or takes longer than ``timeout`` seconds, gives an
    error pair and no rows; the others are unaffected.
    """
    import pyarrow as pa

    claims_mod, labels = _claim_tools()
    rows: list[dict[str, Any]] = []
    errors: list[tuple[int, str]] = []
    for i, (aid, text, lang, published) in enumerate(articles):
        _load_language(claims_mod, lang)
        try:
            with deadline(timeout):
                found = claims_mod.extract(text, lang=lang, published=published, article_id=aid)
        except ArticleTimeout:
            errors.append((i, f"article {aid!r} took longer than {timeout:g} s to extract; skipped"))
            continue
        except Exception as exc:
            errors.append((i, f"article {aid!r}: {type(exc).__name__}: {exc}"))
            continue
        for c in found:
            row = c.model_dump(mode="python")
            for name, index in labels.items():
                row[name] = index[row[name]]
            rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema or claim_schema()), errors


_LOADED: set[str] = set()  # languages whose tables this process has loaded


def _load_language(claims_mod: Any, lang: str) -> None:
    """Load a language's tables before the clock starts: the time limit is the article's."""
    if lang in _LOADED:
        return
    _LOADED.add(lang)
    with suppress(Exception):
        claims_mod.extract("1.", lang=lang)


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in this thread if the block runs longer than ``seconds``.

    In a process's main thread (the local pool's workers, a single-process build) a SIGALRM timer
    interrupts even a long regular-expression match. In other threads (Dask runs tasks in a thread
    pool), where signals cannot be delivered, a timer thread raises the exception asynchronously in
    the worker thread: that interrupts Python code, not a single call stuck in C.
    """
    if not seconds:
        yield
        return
    on_main = threading.current_thread() is threading.main_thread()
    with (_alarm(seconds) if on_main and hasattr(signal, "setitimer") else _async_raise(seconds)):
        yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: Any) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _async_raise(seconds: float) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(ArticleTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["active"] = False
            if state["fired"]:  # not delivered yet: it must not surface in unrelated code
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def write_shard(out_dir: Path, plan: ShardPlan, shard_size: int, tables: list[Any],
                errors: list[tuple[int, str]], schema: Any = None) -> ShardInfo:
    """Write one shard atomically (temp file, fsync, rename); ``errors`` index into the plan."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = schema or claim_schema()
    failed = {i for i, _ in errors}
    problems = list(plan.problems) + [
        Problem(*plan.locations[i], "(extractor)", msg) for i, msg in errors]
    done = [a for i, a in enumerate(plan.articles) if i not in failed]
    table = pa.concat_tables(tables).combine_chunks() if tables else schema.empty_table()
    info = {"index": plan.index, "shard_size": shard_size, "input_sha256": plan.input_sha256,
            **_extractor_version(), "records": plan.records, "articles": len(done),
            "claims": table.num_rows, "chars": sum(len(a[1]) for a in done),
            "first_article_id": plan.articles[0][0] if plan.articles else None,
            "last_article_id": plan.articles[-1][0] if plan.articles else None,
            "problems": [asdict(p) for p in problems]}
    meta = dict(schema.metadata or {})
    meta[SHARD_META_KEY] = json.dumps(info, ensure_ascii=False, sort_keys=True).encode()
    table = table.replace_schema_metadata(meta)
    final = out_dir / plan.file
    tmp = out_dir / f".{plan.file}.tmp-{os.getpid()}"
    try:
        pq.write_table(table, tmp, compression=COMPRESSION, row_group_size=ROW_GROUP_SIZE)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        sha = sha256_file(tmp)
        _write_synced(_sidecar(out_dir, plan.file), f"{sha}  {plan.file}\n")
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(out_dir)
    return _info_from_meta(final, info, sha)


def _write_synced(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def build_shard(out_dir: str | Path, plan: ShardPlan, shard_size: int,
                chunk_size: int = DEFAULT_CHUNK, schema: Any = None,
                timeout: float | None = ARTICLE_TIMEOUT) -> ShardInfo:
    """Extract and write one whole shard in this process (the Dask task)."""
    tables: list[Any] = []
    errors: list[tuple[int, str]] = []
    for k, chunk in enumerate(_chunks(plan.articles, chunk_size)):
        table, errs = extract_chunk(chunk, schema, timeout)
        tables.append(table)
        errors.extend((k * chunk_size + i, msg) for i, msg in errs)
    return write_shard(Path(out_dir), plan, shard_size, tables, errors, schema)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --------------------------------------------------------------------------------------------
# The output folder: lock, stale files, manifest


@contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """One build per output folder at a time; a second one is refused, not interleaved.

    A folder that holds files but nothing a corpus build writes (a release, a folder of articles)
    is refused too: resuming deletes stale shards, and must never touch anything else.
    """
    if out_dir.is_dir():
        names = [p.name for p in out_dir.iterdir()]
        if names and not any(_is_ours(n) for n in names):
            raise KlaimError(f"{out_dir}: not empty and not a klaim corpus (no {MANIFEST} or "
                             "claims-NNNNN.parquet); choose a new or empty folder")
    elif out_dir.exists():
        raise KlaimError(f"{out_dir}: exists and is not a folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise KlaimError(f"{out_dir}: another corpus build is writing here") from exc
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


SHARD_NAME = re.compile(r"^claims-\d{5,}\.parquet$")


def _is_ours(name: str) -> bool:
    return (name in (MANIFEST, ".lock") or bool(SHARD_NAME.match(name))
            or (name.startswith(".claims-") and (".tmp-" in name or name.endswith(".sha256"))))


def remove_temporaries(out_dir: Path) -> None:
    for tmp in out_dir.glob(".claims-*.tmp-*"):
        tmp.unlink(missing_ok=True)
    (out_dir / f".{MANIFEST}.tmp").unlink(missing_ok=True)


def finish(out_dir: Path, shards: list[ShardInfo], shard_size: int, written: int, resumed: int,
           started: float, repaired: list[str] | None = None) -> CorpusResult:
    """Remove shards beyond the input's end, write the manifest atomically, sum up."""
    remove_temporaries(out_dir)  # a worker killed mid-write (on a cluster) leaves one behind
    shards = sorted(shards, key=lambda s: s.index)
    keep = {s.file for s in shards}
    for stale in out_dir.glob("claims-*.parquet"):
        if SHARD_NAME.match(stale.name) and stale.name not in keep:
            stale.unlink()
    problems = [p for s in shards for p in s.problems]
    totals = {k: sum(getattr(s, k) for s in shards)
              for k in ("records", "articles", "claims", "chars", "bytes")}
    manifest = {
        "format": "klaim-corpus/1", **_extractor_version(), "shard_size": shard_size,
        "totals": {**totals, "shards": len(shards), "problems": len(problems)},
        "shards": [{k: v for k, v in asdict(s).items() if k != "problems"}
                   | {"problems": len(s.problems)} for s in shards],
        "problems": [asdict(p) for p in problems],
    }
    path = out_dir / MANIFEST
    tmp = out_dir / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                   encoding="utf-8")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(out_dir)
    for side in out_dir.glob(".claims-*.parquet.sha256"):  # the manifest holds them now
        side.unlink(missing_ok=True)
    return CorpusResult(out_dir=out_dir, manifest=path, shards=shards, records=totals["records"],
                        articles=totals["articles"], claims=totals["claims"],
                        chars=totals["chars"], problems=problems, shards_written=written,
                        shards_resumed=resumed, seconds=time.monotonic() - started,
                        repaired=list(repaired or []))


class _Tally:
    """Counts for the progress hook."""

    def __init__(self, total: int | None, hook: ProgressHook | None):
        self.total, self.hook, self.started = total, hook, time.monotonic()
        self.records = self.articles = self.claims = self.chars = self.resumed = 0
        self.written = self.kept = self.problems = 0
        self.repaired: list[str] = []

    def resumed_shard(self, info: ShardInfo) -> None:
        self.kept += 1
        self.records += info.records
        self.resumed += info.records
        self.problems += len(info.problems)
        self.emit()

    def chunk(self, articles: int, claims: int, chars: int) -> None:
        self.articles += articles
        self.claims += claims
        self.chars += chars
        self.emit()

    def shard(self, info: ShardInfo) -> None:
        self.written += 1
        self.records += info.records
        self.problems += len(info.problems)
        self.emit()

    def emit(self) -> None:
        if self.hook:
            self.hook(CorpusProgress(
                records=self.records, total=self.total, articles=self.articles,
                claims=self.claims, chars=self.chars, resumed=self.resumed,
                shards_written=self.written, shards_resumed=self.kept, problems=self.problems,
                elapsed=time.monotonic() - self.started))


# --------------------------------------------------------------------------------------------
# The local build


class _Done:
    """A finished result with the Future interface the loop uses."""

    def __init__(self, value: Any):
        self.value = value

    def result(self) -> Any:
        return self.value


def _warm_up(parent: int) -> None:
    """Initialise a pool worker: Ctrl-C is the driver's; die with the driver; load the extractor."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's to handle, once
    exit_with_parent(parent)
    _load_extractor()


def _load_extractor() -> None:
    """Load the language tables and compile their patterns before the first article.

    They load lazily, on first use; in a worker that would be inside the first article's time
    limit, and a loaded machine could time out a small article for work that is not its own.
    """
    from klaim.extraction.lang import available

    claims, _ = _claim_tools()
    for lang in available("claims"):
        claims.extract("Warm-up.", lang=lang, article_id="warm-up")


def exit_with_parent(parent: int, poll: float = 0.5) -> None:
    """End this process soon after ``parent`` dies (killed with SIGKILL, say).

    A killed driver cannot shut its pool down, and pool workers blocked on their queue would live
    on for minutes. On Linux the kernel sends SIGKILL on the parent's death (PR_SET_PDEATHSIG);
    elsewhere, and as a back-up, a daemon thread polls the parent pid.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # no prctl here: the thread below serves
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll)
        os._exit(1)

    if os.getppid() != parent:  # died before the line above took effect
        os._exit(1)
    threading.Thread(target=watch, name="klaim-parent-watch", daemon=True).start()


def _start_pool(workers: int) -> Any:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_warm_up, initargs=(os.getpid(),))


def _stop_pool(executor: Any, interrupted: bool) -> None:
    """Shut the pool down; when interrupted, without waiting for chunks in progress."""
    if not interrupted:
        executor.shutdown(wait=True, cancel_futures=True)
        return
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for proc in processes:  # the chunks they are working on are lost anyway: the shard is redone
        proc.terminate()
    for proc in processes:
        proc.join(5)
    _drain(getattr(executor, "_call_queue", None))


def _drain(call_queue: Any) -> None:
    """Let the pool's call queue go once its workers are gone. Its feeder thread may be blocked
    writing a chunk into a pipe no worker reads any more, and the interpreter joins that thread at
    exit, so an interrupted build could hang after saying so (seen in CI): read what is left, and
    do not join the thread at exit."""
    if call_queue is None:
        return
    with contextlib.suppress(Exception):  # queue.Empty ends it; a closed queue has nothing to drain
        while True:
            call_queue.get(timeout=0.1)
    with contextlib.suppress(Exception):
        call_queue.cancel_join_thread()


def build_corpus(source: Any, out_dir: Path, *, workers: int = 1, shard_size: int = 1000,
                 progress: ProgressHook | None = None, chunk_size: int = DEFAULT_CHUNK,
                 max_inflight: int | None = None, max_invalid: int | None = None,
                 max_article_chars: int | None = MAX_ARTICLE_CHARS,
                 article_timeout: float | None = ARTICLE_TIMEOUT) -> CorpusResult:
    """Build (or resume) sharded claim Parquet for every article of ``source`` under ``out_dir``.

    ``workers`` > 1 extracts chunks of ``chunk_size`` articles in a process pool; the output is
    byte-identical to ``workers=1``. At most ``max_inflight`` chunks (default ``4 * workers``)
    are in flight. An article longer than ``max_article_chars`` characters, or whose extraction
    raises or takes longer than ``article_timeout`` seconds, is reported as a problem and skipped
    (None turns a limit off). See the module docstring for the guarantees.
    """
    out_dir = Path(out_dir)
    _check_setting("workers", workers, 1)
    _check_setting("chunk_size", chunk_size, 1)
    _check_setting("article_timeout", article_timeout, 0.001, allow_none=True)
    inflight = max_inflight or 4 * workers
    started = time.monotonic()
    planner = _Planner(source, shard_size, max_invalid, max_article_chars)
    schema = claim_schema()
    tally = _Tally(count_records(source), progress)
    with output_lock(out_dir):
        remove_temporaries(out_dir)
        executor = _start_pool(workers) if workers > 1 else None
        shards: list[ShardInfo] = []
        pending: deque[tuple[dict[str, Any], int, Any]] = deque()

        def drain_one() -> None:
            state, k, fut = pending.popleft()
            table, errs = fut.result()
            plan = state["plan"]
            state["tables"][k] = table
            base = k * chunk_size
            state["errors"].extend((base + i, msg) for i, msg in errs)
            chunk = plan.articles[base:base + chunk_size]
            failed = {i for i, _ in errs}
            tally.chunk(len(chunk) - len(errs), table.num_rows,
                        sum(len(a[1]) for i, a in enumerate(chunk) if i not in failed))
            state["left"] -= 1
            if state["left"] == 0:
                info = write_shard(out_dir, plan, shard_size, state["tables"], state["errors"],
                                   schema)
                shards.append(info)
                tally.shard(info)

        try:
            written = 0
            for plan in plans_to_build(planner, out_dir, shard_size, shards, tally):
                written += 1
                chunks = _chunks(plan.articles, chunk_size)
                if not chunks:
                    info = write_shard(out_dir, plan, shard_size, [], [], schema)
                    shards.append(info)
                    tally.shard(info)
                    continue
                state = {"plan": plan, "tables": [None] * len(chunks), "errors": [],
                         "left": len(chunks)}
                for k, chunk in enumerate(chunks):
                    while len(pending) >= inflight:
                        drain_one()
                    fut = (executor.submit(extract_chunk, chunk, schema, article_timeout)
                           if executor else _Done(extract_chunk(chunk, schema, article_timeout)))
                    pending.append((state, k, fut))
                    if executor is None:
                        drain_one()
            while pending:
                drain_one()
        except BaseException:
            if executor is not None:
                _stop_pool(executor, interrupted=True)
            raise
        if executor is not None:
            _stop_pool(executor, interrupted=False)
        return finish(out_dir, shards, shard_size, written, tally.kept, started, tally.repaired)


def plans_to_build(planner: Iterable[Any], out_dir: Path, shard_size: int,
                   shards: list[ShardInfo], tally: Any) -> Iterator[Any]:
    """The shard plans that need (re)building; finished shards are kept, counted as resumed."""
    recorded = recorded_hashes(out_dir)
    for plan in planner:
        kept = finished_shard(out_dir, plan, shard_size, recorded)
        if kept is not None:
            shards.append(kept)
            tally.resumed_shard(kept)
            continue
        damage = shard_damage(out_dir / plan.file, recorded.get(plan.file))
        if damage is not None:
            tally.repaired.append(f"{plan.file}: {damage}; rebuilt")
        yield plan


def read_manifest(out_dir: Path) -> dict[str, Any]:
    return json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))


def shard_files(out_dir: Path) -> list[Path]:
    """The shards listed in the manifest, in order (for ``load_dataset("parquet", ...)``)."""
    return [Path(out_dir) / s["file"] for s in read_manifest(out_dir)["shards"]]


__all__ = ["ArticleTimeout", "CorpusProgress", "CorpusResult", "CorpusSettingError", "ShardInfo",
           "ShardPlan", "build_corpus", "build_shard", "count_records", "deadline",
           "exit_with_parent", "extract_chunk", "finished_shard", "iter_records", "plans_to_build",
           "read_manifest", "recorded_hashes", "rich_progress", "shard_damage", "shard_files",
           "source_files", "write_shard"]
