"""Corpus builds on a Dask distributed cluster: the same shards, the same bytes, more machines.

    from dask.distributed import Client, LocalCluster
    from klaim.corpus.cluster import build_corpus_dask

    client = Client("tcp://scheduler:8786")        # or Client(LocalCluster(n_workers=8))
    result = build_corpus_dask("articles/", Path("/shared/corpus"), client)

The driver streams the input and validates it exactly as :func:`klaim.corpus.build.build_corpus` does
(so shard boundaries, invalid-record reports and resume decisions are identical), then sends each
unfinished shard's articles to the cluster as one task. The worker extracts the shard in chunks and
writes ``claims-NNNNN.parquet`` itself, atomically, with :func:`klaim.corpus.build.write_shard`; the
driver writes ``manifest.json``. The output is byte-identical to a local build of the same input
with the same ``shard_size``.

Each task carries its shard's articles (nothing is scattered to one worker), so a shard whose
worker dies is recomputed elsewhere, and resubmitted by the driver if it still comes back lost;
losing the scheduler is one :class:`~klaim.errors.KlaimError`.

Requirements on a real cluster: every worker has klaim (same version) and the ``cluster`` extra
installed, and ``out_dir`` is a folder every worker and the driver see at the same path (NFS,
a shared volume). At most ``max_inflight`` shards (default two per worker thread) are in flight,
so the driver's memory stays bounded however large the corpus is.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from klaim.corpus.build import (
    ARTICLE_TIMEOUT,
    DEFAULT_CHUNK,
    MAX_ARTICLE_CHARS,
    CorpusResult,
    ProgressHook,
    ShardInfo,
    ShardPlan,
    _check_setting,
    _Planner,
    _Tally,
    build_shard,
    claim_schema,
    count_records,
    finish,
    output_lock,
    plans_to_build,
    remove_temporaries,
)
from klaim.errors import KlaimError

MAX_ATTEMPTS = 3  # submissions of one shard before a lost task fails the build


def _require_distributed():
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ImportError("klaim.corpus.cluster needs Dask distributed: pip install 'klaim[cluster]'"
                          ) from exc
    return distributed


def build_corpus_dask(source: Any, out_dir: Path, client: Any, *, shard_size: int = 1000,
                      progress: ProgressHook | None = None, chunk_size: int = DEFAULT_CHUNK,
                      max_inflight: int | None = None, max_invalid: int | None = None,
                      max_article_chars: int | None = MAX_ARTICLE_CHARS,
                      article_timeout: float | None = ARTICLE_TIMEOUT,
                      max_attempts: int = MAX_ATTEMPTS) -> CorpusResult:
    """Build (or resume) the corpus under ``out_dir`` with one Dask task per unfinished shard.

    ``client`` is a ``distributed.Client``. Same arguments and result as
    :func:`klaim.corpus.build.build_corpus` (``workers`` is the cluster's business). A shard whose task
    is lost with its worker is recomputed by the scheduler, and resubmitted by the driver up to
    ``max_attempts`` times in all; losing the scheduler raises :class:`~klaim.errors.KlaimError`.
    """
    _require_distributed()
    out_dir = Path(out_dir).absolute()
    _check_setting("chunk_size", chunk_size, 1)
    _check_setting("max_attempts", max_attempts, 1)
    started = time.monotonic()
    planner = _Planner(source, shard_size, max_invalid, max_article_chars)
    schema = claim_schema()
    tally = _Tally(count_records(source), progress)
    try:
        inflight = max_inflight or 2 * (sum(client.nthreads().values()) or 1)
        with output_lock(out_dir):
            remove_temporaries(out_dir)
            run = _ShardRun(client, out_dir, shard_size, chunk_size, schema, article_timeout,
                            max_attempts, tally)
            written = run.all(plans_to_build(planner, out_dir, shard_size, run.shards, tally),
                              inflight)
            return finish(out_dir, run.shards, shard_size, written, tally.kept, started,
                          tally.repaired)
    except KlaimError:
        raise
    except Exception as exc:
        if _scheduler_lost(client) or _is_comm_error(exc):
            raise KlaimError(f"lost the Dask scheduler ({type(exc).__name__}: {exc}); "
                             "run again to resume") from exc
        raise


class _ShardRun:
    """Shard tasks in flight on the cluster, resubmitted when their worker is lost."""

    def __init__(self, client: Any, out_dir: Path, shard_size: int, chunk_size: int, schema: Any,
                 timeout: float | None, max_attempts: int, tally: _Tally):
        self.client, self.out_dir, self.tally = client, out_dir, tally
        self.args = (str(out_dir), shard_size, chunk_size, schema, timeout)
        self.max_attempts = max_attempts
        self.shards: list[ShardInfo] = []
        self.plans: dict[str, tuple[ShardPlan, int]] = {}  # future key -> (plan, attempt)
        self.running = _require_distributed().as_completed(loop=client.loop)

    def all(self, plans: Any, inflight: int) -> int:
        written = 0
        try:
            for plan in plans:
                written += 1
                while self.running.count() >= inflight:
                    self.collect(next(self.running))
                self.submit(plan, 1)
            while self.running.count():
                self.collect(next(self.running))
        except BaseException:
            self.client.cancel(list(self.running.futures), force=True)
            raise
        return written

    def submit(self, plan: ShardPlan, attempt: int) -> None:
        # The plan travels inside the task, not scattered to one worker: a task whose worker dies
        # is rerun elsewhere from the scheduler's copy (a scattered input would die with it).
        out_dir, shard_size, chunk_size, schema, timeout = self.args
        fut = self.client.submit(build_shard, out_dir, plan, shard_size, chunk_size, schema,
                                 timeout, pure=False, retries=1,
                                 key=f"klaim-shard-{plan.index:05d}-{plan.input_sha256[:12]}-"
                                     f"{attempt}")
        self.plans[fut.key] = (plan, attempt)
        self.running.add(fut)

    def collect(self, fut: Any) -> None:
        plan, attempt = self.plans.pop(fut.key)
        try:
            info = fut.result()
        except Exception as exc:
            if not _is_lost_task(exc) or _scheduler_lost(self.client) \
                    or attempt >= self.max_attempts:
                raise
            self.submit(plan, attempt + 1)  # the write is atomic and idempotent
            return
        finally:
            fut.release()
        self.shards.append(info)
        self.tally.chunk(info.articles, info.claims, info.chars)
        self.tally.shard(info)


def _is_lost_task(exc: BaseException) -> bool:
    """The task died with workers (or was cancelled), rather than failing by itself."""
    from concurrent.futures import CancelledError

    from distributed.scheduler import KilledWorker

    return isinstance(exc, (KilledWorker, CancelledError)) or type(exc).__name__ in (
        "FutureCancelledError", "CancelledError")


def _is_comm_error(exc: BaseException) -> bool:
    """The connection to the scheduler broke (the client may not have noticed yet)."""
    from distributed.comm.core import CommClosedError

    return isinstance(exc, CommClosedError)


def _scheduler_lost(client: Any) -> bool:
    return getattr(client, "status", "running") != "running"


__all__ = ["MAX_ATTEMPTS", "build_corpus_dask"]
