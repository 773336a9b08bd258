"""Corpus builds: inputs, determinism across workers, resume after kill -9, invalid records.

Every corpus here is synthetic (Indonesian-looking news from templates with varied numbers), so
the tests depend neither on /work/shared nor on how many claims the extractor finds today: the
reference is always ``klaim.extract`` run on the same article, or another build.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from klaim import extract
from klaim.corpus.build import (
    MANIFEST,
    CorpusProgress,
    build_corpus,
    read_manifest,
    rich_progress,
    shard_files,
)
from klaim.dataset.records import claim_features, row_to_claim
from klaim.errors import SchemaError

NAMES = ["Sri Mulyani", "Budi Santoso", "Retno Marsudi", "Joko Widodo", "Basuki Hadimuljono",
         "Dwikorita Karnawati", "Agus Salim"]
ROLES = ["Menteri Keuangan", "Kepala BNPB", "Gubernur Jawa Barat", "Kepala BPS", "Direktur Utama"]
CITIES = ["Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Palembang", "Kupang"]
SENTENCES = [
    "{role} {name} mengatakan pertumbuhan ekonomi mencapai {a},{b} persen pada {year}.",
    "Sebanyak {n}.{m:03d} penduduk terdampak banjir di {city}, kata {name} di {city2}, Senin ({d}/{mo}).",
    "Pemerintah mengalokasikan anggaran Rp {x} triliun untuk membangun {k} jembatan tahun ini.",
    "\"Kami menargetkan {k} ribu rumah selesai sebelum Desember {year},\" ujar {name}.",
    "Harga beras naik menjadi Rp {p}.{m:03d} per kilogram, menurut data BPS.",
    "Menurut {role} {name}, sekitar {a} persen warga {city} belum menerima bantuan.",
    "Jumlah wisatawan mancanegara turun {a},{b} persen dibandingkan tahun lalu.",
    "Polisi menangkap {k} tersangka dan menyita {n} kilogram narkoba di {city}.",
]


def make_articles(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        sentences = []
        for _ in range(rnd.randint(3, 7)):
            tpl = rnd.choice(SENTENCES)
            sentences.append(tpl.format(
                role=rnd.choice(ROLES), name=rnd.choice(NAMES), city=rnd.choice(CITIES),
                city2=rnd.choice(CITIES), a=rnd.randint(1, 99), b=rnd.randint(0, 9),
                year=rnd.randint(2015, 2025), n=rnd.randint(1, 900), m=rnd.randint(0, 999),
                d=rnd.randint(1, 28), mo=rnd.randint(1, 12), x=rnd.randint(2, 500),
                k=rnd.randint(2, 80), p=rnd.randint(9, 20)))
        published = date(2024, 1, 1) + timedelta(days=rnd.randint(0, 700))
        out.append({"id": f"berita-{i:04d}", "title": f"Berita {i}", "text": " ".join(sentences),
                    "lang": "id", "published": published.isoformat(), "source": "sintetis"})
    return out


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def write_parquet(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def folder_bytes(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.iterdir())
            if p.is_file() and not p.name.startswith(".")}


def claim_table(out: Path) -> pa.Table:
    """The claims of a build, without the shard metadata in the footers."""
    tables = [pq.read_table(p).replace_schema_metadata(None) for p in shard_files(out)]
    return pa.concat_tables(tables)


def expected_claim_ids(articles: list[dict]) -> list[str]:
    return [c.claim_id for a in articles
            for c in extract(a["text"], lang=a["lang"], published=a["published"],
                             article_id=a["id"])]


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return make_articles(36)


@pytest.fixture(scope="module")
def reference(tmp_path_factory, articles) -> Path:
    """An uninterrupted single-process build of the JSONL corpus, shard_size 8."""
    src = write_jsonl(tmp_path_factory.mktemp("src") / "articles.jsonl", articles)
    out = tmp_path_factory.mktemp("reference") / "out"
    build_corpus(src, out, shard_size=8, chunk_size=3)
    return out


def test_jsonl_build_writes_deterministic_shards_and_manifest(reference, articles):
    manifest = read_manifest(reference)
    assert [s["file"] for s in manifest["shards"]] == [f"claims-{k:05d}.parquet" for k in range(5)]
    assert [s["records"] for s in manifest["shards"]] == [8, 8, 8, 8, 4]
    for k, shard in enumerate(manifest["shards"]):  # shard k = articles k*8 … k*8+7
        assert shard["first_article_id"] == articles[8 * k]["id"]
        assert shard["last_article_id"] == articles[min(8 * k + 7, len(articles) - 1)]["id"]
        path = reference / shard["file"]
        assert shard["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert shard["bytes"] == path.stat().st_size
    assert manifest["totals"]["articles"] == len(articles)
    assert manifest["totals"]["chars"] == sum(len(a["text"]) for a in articles)
    assert manifest["problems"] == []
    table = claim_table(reference)
    # Same claims, same order, as extracting article by article.
    assert table.column("claim_id").to_pylist() == expected_claim_ids(articles)
    assert manifest["totals"]["claims"] == table.num_rows


def test_shards_load_with_datasets_as_claims(reference, articles, tmp_path):
    from datasets import Dataset

    ds = Dataset.from_parquet([str(p) for p in shard_files(reference)],
                              cache_dir=str(tmp_path / "cache"))
    assert ds.features == claim_features()
    texts = {a["id"]: a["text"] for a in articles}
    for row in ds.select(range(min(len(ds), 50))):
        claim = row_to_claim(row, text=texts[row["article_id"]])  # spans checked against text
        assert claim.article_id in texts


def test_parquet_folder_and_dataset_inputs_give_the_same_claims(reference, articles, tmp_path):
    from datasets import Dataset

    pq_src = write_parquet(tmp_path / "in.parquet", articles)
    folder = tmp_path / "folder"
    write_jsonl(folder / "a" / "part-1.jsonl", articles[:13])  # files are read by sorted path
    write_parquet(folder / "b.parquet", articles[13:30])
    write_jsonl(folder / "c.jsonl", articles[30:])
    (folder / "notes.txt").write_text("not an input", encoding="utf-8")
    ds = Dataset.from_list(articles)
    want = claim_table(reference)
    for name, source in [("parquet", pq_src), ("folder", folder), ("dataset", ds),
                         ("iterable", ds.to_iterable_dataset())]:
        out = tmp_path / f"out-{name}"
        result = build_corpus(source, out, shard_size=8, chunk_size=3)
        assert result.ok, result.problems
        assert result.articles == len(articles)
        assert claim_table(out).equals(want), name


def test_two_workers_write_the_same_bytes_as_one(reference, articles, tmp_path):
    src = write_jsonl(tmp_path / "articles.jsonl", articles)
    seen: list[CorpusProgress] = []
    result = build_corpus(src, tmp_path / "out", workers=2, shard_size=8, chunk_size=3,
                          max_inflight=3, progress=seen.append)
    assert result.shards_written == 5
    assert folder_bytes(tmp_path / "out") == folder_bytes(reference)
    assert seen[-1].records == seen[-1].total == len(articles)
    assert seen[-1].articles == len(articles) and seen[-1].shards_written == 5
    assert seen[-1].articles_per_s > 0 and seen[-1].eta == 0


KILLED_BUILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import klaim.extraction.claims
    from klaim.corpus.build import build_corpus

    real = klaim.extraction.claims.extract
    def slow(*args, **kwargs):  # slow enough to be killed in the middle of the build
        time.sleep(0.06)
        return real(*args, **kwargs)
    klaim.extraction.claims.extract = slow
    if __name__ == "__main__":
        build_corpus(Path(sys.argv[1]), Path(sys.argv[2]), shard_size=8, chunk_size=3)
""")


@pytest.mark.slow
def test_kill_9_midway_then_rerun_resumes_to_the_same_result(reference, articles, tmp_path):
    src = write_jsonl(tmp_path / "articles.jsonl", articles)
    out = tmp_path / "out"
    script = tmp_path / "killed_build.py"
    script.write_text(KILLED_BUILD, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(src), str(out)])
    deadline = time.monotonic() + 30
    try:
        while not list(out.glob("claims-*.parquet")):
            assert proc.poll() is None, "the build finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        time.sleep(0.3)  # let it get into the next shard
        assert proc.poll() is None, "the build finished before it could be killed"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert not (out / MANIFEST).exists()
    finished = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns)
                for p in out.glob("claims-*.parquet")}
    assert 1 <= len(finished) < 5

    result = build_corpus(src, out, shard_size=8, chunk_size=3)

    assert result.shards_resumed == len(finished)
    assert result.shards_written == 5 - len(finished)
    for name, stamp in finished.items():  # finished shards were kept, not rewritten
        p = out / name
        assert (p.stat().st_ino, p.stat().st_mtime_ns) == stamp
    assert folder_bytes(out) == folder_bytes(reference)
    assert not [p for p in out.iterdir() if ".tmp" in p.name]
    ids = claim_table(out).column("claim_id").to_pylist()
    assert len(ids) == len(set(ids))

    again = build_corpus(src, out, shard_size=8, chunk_size=3)  # all done: nothing rewritten
    assert (again.shards_resumed, again.shards_written) == (5, 0)


def test_changed_or_shorter_input_rebuilds_only_what_changed(reference, articles, tmp_path):
    out = tmp_path / "out"
    src = write_jsonl(tmp_path / "articles.jsonl", articles)
    build_corpus(src, out, shard_size=8, chunk_size=3)
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("claims-*.parquet")}
    edited = [dict(a) for a in articles[:20]]
    edited[9]["text"] += " Kerugian ditaksir mencapai Rp 12 miliar."
    write_jsonl(src, edited)
    result = build_corpus(src, out, shard_size=8, chunk_size=3)
    assert (result.shards_resumed, result.shards_written) == (1, 2)  # shard 1 changed, 2 is short
    assert (out / "claims-00000.parquet").stat().st_mtime_ns == stamps["claims-00000.parquet"]
    assert sorted(p.name for p in out.glob("claims-*.parquet")) == [
        "claims-00000.parquet", "claims-00001.parquet", "claims-00002.parquet"]
    assert claim_table(out).column("claim_id").to_pylist() == expected_claim_ids(edited)


def test_invalid_records_are_skipped_and_reported_with_file_line_and_field(articles, tmp_path):
    good = articles[:10]
    bad_date = {**articles[10], "published": "kemarin"}
    # A missing lang is detected and unknown fields are kept as metadata (test_own_dataset.py),
    # so these two are wrong in ways no reading can fix.
    no_lang = {**articles[11], "lang": "indonesia"}
    unknown = {**articles[12], "url": 12}
    blank = {**articles[13], "text": "   "}
    dup = {**articles[14], "id": good[0]["id"]}
    lines = [json.dumps(a) for a in good[:4]] + [
        "{not json", json.dumps(bad_date), json.dumps(no_lang), "", json.dumps(["a", "list"]),
        json.dumps(unknown), json.dumps(blank), json.dumps(dup)] + [json.dumps(a) for a in good[4:]]
    src = tmp_path / "mixed.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"

    result = build_corpus(src, out, shard_size=5)

    assert not result.ok
    where = {(p.file, p.record, p.field) for p in result.problems}
    f = str(src)
    assert where == {(f, "line 5", "(json)"), (f, "line 6", "published"), (f, "line 7", "lang"),
                     (f, "line 9", "(json)"), (f, "line 10", "url"), (f, "line 11", "text"),
                     (f, "line 12", "article_id")}
    assert result.articles == len(good)
    assert result.records == len(good) + 7  # blank line is not a record
    assert [s.records for s in result.shards] == [5, 5, 5, 2]  # invalid records keep their place
    manifest = read_manifest(out)
    assert {(p["file"], p["record"], p["field"]) for p in manifest["problems"]} == where
    assert manifest["totals"]["problems"] == 7
    assert claim_table(out).column("claim_id").to_pylist() == expected_claim_ids(good)
    # Problems of shards kept on a rerun are still reported.
    rerun = build_corpus(src, out, shard_size=5)
    assert rerun.shards_resumed == 4 and rerun.problems == result.problems


def test_parquet_and_dataset_rows_are_reported_by_row(articles, tmp_path):
    from datasets import Dataset

    rows = [dict(a) for a in articles[:6]]
    rows[2]["lang"] = "indonesia"
    result = build_corpus(write_parquet(tmp_path / "in.parquet", rows), tmp_path / "o1")
    assert [(p.record, p.field) for p in result.problems] == [("row 2", "lang")]
    result = build_corpus(Dataset.from_list(rows), tmp_path / "o2")
    assert [(p.file, p.record, p.field) for p in result.problems] == [("(dataset)", "row 2", "lang")]


def test_an_extractor_error_on_one_article_is_reported_not_fatal(articles, tmp_path, monkeypatch):
    import klaim.extraction.claims

    real = klaim.extraction.claims.extract

    def flaky(text, lang="id", published=None, article_id=None):
        if article_id == articles[3]["id"]:
            raise RuntimeError("regex blew up")
        return real(text, lang=lang, published=published, article_id=article_id)

    monkeypatch.setattr(klaim.extraction.claims, "extract", flaky)
    src = write_jsonl(tmp_path / "a.jsonl", articles[:6])
    result = build_corpus(src, tmp_path / "out", shard_size=4, chunk_size=2)
    assert [(p.record, p.field, p.reason) for p in result.problems] == [
        ("line 4", "(extractor)", "article 'berita-0003': RuntimeError: regex blew up")]
    assert result.articles == 5
    ids = claim_table(tmp_path / "out").column("article_id").to_pylist()
    assert articles[3]["id"] not in ids


def test_max_invalid_aborts_a_plainly_wrong_input(tmp_path):
    src = write_jsonl(tmp_path / "wrong.jsonl", [{"headline": f"h{i}"} for i in range(30)])
    with pytest.raises(SchemaError) as err:
        build_corpus(src, tmp_path / "out", shard_size=10, max_invalid=5)
    assert "text: Field required" in str(err.value)  # "headline" is kept as metadata


def test_missing_or_empty_sources_are_input_errors(tmp_path):
    from klaim.errors import InputError

    with pytest.raises(InputError, match=r"no such file"):
        build_corpus(tmp_path / "nope", tmp_path / "out")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no .jsonl or .parquet"):
        build_corpus(tmp_path / "empty", tmp_path / "out")


def test_rich_progress_hook_draws_rate_and_eta(articles, tmp_path):
    from rich.console import Console

    buf = io.StringIO()
    src = write_jsonl(tmp_path / "a.jsonl", articles[:10])
    with rich_progress(Console(file=buf, width=160, force_terminal=False)) as hook:
        build_corpus(src, tmp_path / "out", shard_size=4, progress=hook)
    text = buf.getvalue()
    assert "10/10" in text and "articles/s" in text and "MB/s" in text


def test_a_second_build_into_the_same_folder_is_refused(tmp_path):
    import fcntl

    from klaim.errors import KlaimError

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        with pytest.raises(KlaimError, match=r"another corpus build"):
            build_corpus(write_jsonl(tmp_path / "a.jsonl", make_articles(2)), out)


def test_a_folder_that_is_not_a_corpus_is_never_written_into(tmp_path):
    from klaim.errors import KlaimError

    release = tmp_path / "data"
    release.mkdir()
    (release / "claims-00000-of-00001.parquet").write_bytes(b"a release's file")
    with pytest.raises(KlaimError, match=r"not a klaim corpus"):
        build_corpus(write_jsonl(tmp_path / "a.jsonl", make_articles(2)), release)
    assert (release / "claims-00000-of-00001.parquet").read_bytes() == b"a release's file"


def test_peak_memory_does_not_grow_with_the_corpus(tmp_path):
    """Streaming: the reader holds one shard of records at a time, whatever the input size."""
    from klaim.corpus.build import _Planner

    src = tmp_path / "big.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for a in make_articles(3000, seed=3):
            fh.write(json.dumps(a) + "\n")
    planner = iter(_Planner(src, 100, None))
    first = next(planner)
    import gc
    import weakref

    ref = weakref.ref(first)
    del first
    for _ in planner:
        pass
    gc.collect()
    assert ref() is None  # earlier shards are not kept alive by the reader
    assert os.path.getsize(src) > 1_000_000
