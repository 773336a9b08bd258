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
    DEFAULT_CHUNK,
    CorpusResult,
    ProgressHook,
    ShardInfo,
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


def _require_distributed():
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ImportError("klaim.corpus.cluster needs Dask distributed: pip install 'klaim[cluster]'"
                          ) from exc
    return distributed


def build_corpus_dask(source: Any, out_dir: Path, client: Any, *, shard_size: int = 1000,
                      progress: ProgressHook | None = None, chunk_size: int = DEFAULT_CHUNK,
                      max_inflight: int | None = None,
                      max_invalid: int | None = None) -> CorpusResult:
    """Build (or resume) the corpus under ``out_dir`` with one Dask task per unfinished shard.

    ``client`` is a ``distributed.Client``. Same arguments and result as
    :func:`klaim.corpus.build.build_corpus` (``workers`` is the cluster's business).
    """
    distributed = _require_distributed()
    out_dir = Path(out_dir).absolute()
    started = time.monotonic()
    threads = sum(client.nthreads().values()) or 1
    inflight = max_inflight or 2 * threads
    schema = claim_schema()
    tally = _Tally(count_records(source), progress)
    planner = _Planner(source, shard_size, max_invalid)
    shards: list[ShardInfo] = []
    written = 0
    with output_lock(out_dir):
        remove_temporaries(out_dir)
        running = distributed.as_completed()
        submitted: dict[str, Any] = {}

        def collect(fut: Any) -> None:
            info = fut.result()
            submitted.pop(fut.key, None)
            shards.append(info)
            tally.chunk(info.articles, info.claims, info.chars)
            tally.shard(info)
            fut.release()

        try:
            for plan in plans_to_build(planner, out_dir, shard_size, shards, tally):
                written += 1
                while running.count() >= inflight:
                    collect(next(running))
                [data] = client.scatter([plan], hash=False)
                fut = client.submit(build_shard, str(out_dir), data, shard_size, chunk_size, schema,
                                    key=f"klaim-shard-{plan.index:05d}-{plan.input_sha256[:12]}",
                                    pure=False, retries=1)
                submitted[fut.key] = fut
                running.add(fut)
            for fut in running:
                collect(fut)
        except BaseException:
            client.cancel(list(submitted.values()))
            raise
        return finish(out_dir, shards, shard_size, written, tally.kept, started)


__all__ = ["build_corpus_dask"]
