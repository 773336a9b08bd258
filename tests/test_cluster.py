"""The corpus build on a real Dask distributed cluster (two worker processes on this machine)
writes the same bytes as the single-process build, and resumes the same way."""

from __future__ import annotations

import pytest

distributed = pytest.importorskip(
    "distributed", reason="Dask distributed is not installed: pip install 'klaim[cluster]'")

# Imported after the skip check: klaim.corpus.cluster needs distributed at import time.
from klaim.corpus.build import build_corpus  # noqa: E402
from klaim.corpus.cluster import build_corpus_dask  # noqa: E402
from test_corpus import folder_bytes, make_articles, write_jsonl  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


@pytest.mark.slow
def test_dask_cluster_writes_the_same_shards_as_one_process(client, tmp_path):
    articles = make_articles(30, seed=11)
    articles.insert(17, {"id": "rusak", "text": "x", "lang": "id", "published": "bukan tanggal"})
    src = write_jsonl(tmp_path / "articles.jsonl", articles)
    local = build_corpus(src, tmp_path / "local", shard_size=7, chunk_size=3)
    seen = []
    dask = build_corpus_dask(src, tmp_path / "dask", client, shard_size=7, chunk_size=3,
                             progress=seen.append)
    assert dask.shards_written == local.shards_written == 5
    assert folder_bytes(tmp_path / "dask") == folder_bytes(tmp_path / "local")
    assert [(p.record, p.field) for p in dask.problems] == [("line 18", "published")]
    assert seen[-1].records == len(articles)

    # Resume: a shard lost (as after a crash) is the only one the cluster rebuilds.
    (tmp_path / "dask" / "claims-00002.parquet").unlink()
    again = build_corpus_dask(src, tmp_path / "dask", client, shard_size=7, chunk_size=3)
    assert (again.shards_resumed, again.shards_written) == (4, 1)
    assert folder_bytes(tmp_path / "dask") == folder_bytes(tmp_path / "local")
