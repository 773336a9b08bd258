"""Releases: layout that `datasets` loads, CSV that pandas reads back, immutability, atomicity."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from _seed_claims import ROOT, seed_article, seed_claims
from klaim.dataset.exports import read_claims_csv
from klaim.dataset.layout import check_manifest, released_versions
from klaim.dataset.records import claim_from_csv_row
from klaim.dataset.release import ReleasePolicy, write_release
from klaim.dataset.validate import validate_release
from klaim.errors import ReleaseError, SchemaError

DAY = date(2024, 4, 5)


@pytest.fixture(scope="module")
def article():
    return seed_article()


@pytest.fixture(scope="module")
def claims(article):
    return seed_claims(article)


@pytest.fixture
def release(tmp_path, article, claims):
    return write_release([article], claims, tmp_path, "t", "1.0.0", released=DAY).path


def test_release_loads_offline_with_typed_nested_features(release, claims, tmp_path):
    from datasets import ClassLabel, List, load_dataset

    ds = load_dataset(str(release), split="train", cache_dir=str(tmp_path / "cache"),
                      verification_mode="all_checks")
    assert ds.num_rows == len(claims)
    assert isinstance(ds.features["claim_type"], ClassLabel)
    assert isinstance(ds.features["figures"], List)
    assert ds.features["figures"].feature["value"].dtype == "float64"
    row = next(r for r in ds if r["figures"] and r["figures"][0]["currency"] == "EUR")
    assert row["figures"][0]["value"] == 1e11
    assert ds.features["claim_type"].int2str(row["claim_type"]) == "numerical"
    arts = load_dataset(str(release), "articles", split="train", cache_dir=str(tmp_path / "c2"),
                        verification_mode="all_checks")
    assert arts[0]["published"] == date(2024, 4, 4)


def test_csv_export_round_trips_through_pandas(release, claims, article):
    df = pd.read_csv(release / "claims.csv", encoding="utf-8-sig")
    assert sorted(df["claim_id"]) == sorted(c.claim_id for c in claims)
    back = {c.claim_id: c for c in (claim_from_csv_row(r, article.text)
                                    for r in read_claims_csv(release / "claims.csv"))}
    assert back == {c.claim_id: c for c in claims}
    figs = pd.read_csv(release / "figures.csv", encoding="utf-8-sig")
    assert sorted(figs["value"]) == sorted(f.value for c in claims for f in c.figures)
    assert set(figs["claim_id"]) <= set(df["claim_id"])


def test_csv_cells_are_json_not_python_reprs(release):
    row = read_claims_csv(release / "claims.csv")[0]
    assert json.loads(row["speaker"])["kind"] in {"group", "publisher"}
    assert "None" not in row["figures"] and "'" not in row["figures"]


def test_formula_like_cells_are_neutralised(tmp_path, article, claims):
    sneaky = claims[0].model_copy(update={"text": "=HYPERLINK(\"http://x\")"})
    rel = write_release([article], [sneaky, *claims[1:]], tmp_path, "t", "1.0.0", released=DAY).path
    raw = (rel / "claims.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in raw and ",=HYPERLINK" not in raw
    texts = {r["text"] for r in read_claims_csv(rel / "claims.csv")}
    assert "=HYPERLINK(\"http://x\")" in texts


def test_release_validates_and_has_checksums(release):
    report = validate_release(release)
    assert report.ok, str(report)
    assert check_manifest(release) == []
    info = json.loads((release / "release.json").read_text())
    assert info["version"] == "1.0.0" and info["counts"]["claims"] == 3


def test_rebuild_with_same_content_is_a_no_op(tmp_path, article, claims, release):
    before = {p: p.read_bytes() for p in release.rglob("*") if p.is_file()}
    again = write_release([article], claims, tmp_path, "t", "1.0.0", released=date(2030, 1, 1))
    assert again.status == "unchanged"
    assert {p: p.read_bytes() for p in release.rglob("*") if p.is_file()} == before


def test_rebuild_with_different_content_is_refused(tmp_path, article, claims, release):
    with pytest.raises(ReleaseError, match="immutable"):
        write_release([article], claims[:2], tmp_path, "t", "1.0.0", released=DAY)


def test_same_inputs_give_byte_identical_releases(tmp_path, article, claims):
    a = write_release([article], claims, tmp_path / "a", "t", "1.0.0", released=DAY).path
    b = write_release([article], list(reversed(claims)), tmp_path / "b", "t", "1.0.0", released=DAY).path
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_invalid_claim_is_refused_and_nothing_is_written(tmp_path, article, claims):
    broken = claims[0].model_copy(update={"surface": "tampered"})
    with pytest.raises(SchemaError) as info:
        write_release([article], [broken], tmp_path, "t", "1.0.0", released=DAY)
    assert any("surface" in p.field for p in info.value.report.problems)
    assert not (tmp_path / "t" / "v1.0.0").exists()


def test_versions_index_and_changelog(tmp_path, article, claims):
    write_release([article], claims[:2], tmp_path, "t", "1.0.0", released=DAY)
    fixed = claims[1].model_copy(update={"text": "NATO was founded by 12 members."})
    write_release([article], [claims[0], fixed, claims[2]], tmp_path, "t", "1.1.0",
                  released=date(2024, 5, 1), changes="Added the fund claim; reworded one.")
    index = json.loads((tmp_path / "t" / "versions.json").read_text())
    assert index["latest"] == "1.1.0"
    assert [v["version"] for v in index["versions"]] == ["1.0.0", "1.1.0"]
    log = (tmp_path / "t" / "CHANGELOG.md").read_text()
    assert "## v1.1.0 — 2024-05-01" in log and "## v1.0.0 — 2024-04-05" in log
    assert "1 added, 0 removed, 1 changed" in log and fixed.claim_id in log
    with pytest.raises(ReleaseError, match="older than the latest"):
        write_release([article], claims, tmp_path, "t", "1.0.5", released=DAY)


_BUILD_SCRIPT = textwrap.dedent("""
    import sys, time
    from datetime import date
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from _seed_claims import seed_article, seed_claims
    from klaim.dataset.release import ReleasePolicy, write_release

    def progress(msg):
        print(msg, flush=True)
        if msg.startswith({pause!r}):
            time.sleep(60)

    art = seed_article()
    write_release([art], seed_claims(art)[:{n}], Path({root!r}), "t", {version!r},
                  released=date(2024, 4, 6), progress=progress,
                  policy=ReleasePolicy(allow_removal=True))
""")


def _start_build(root: Path, version: str, n: int, pause: str) -> subprocess.Popen:
    script = _BUILD_SCRIPT.format(tests=str(ROOT / "tests"), root=str(root), version=version,
                                  n=n, pause=pause)
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_build_killed_midway_leaves_earlier_release_intact(tmp_path, release, article, claims):
    before = _snapshot(release)
    proc = _start_build(tmp_path, "1.1.0", 2, pause="writing dataset card")
    for line in proc.stdout:
        if line.startswith("writing dataset card"):
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert _snapshot(release) == before
    assert validate_release(release).ok
    assert not (tmp_path / "t" / "v1.1.0").exists()
    assert released_versions(tmp_path, "t") == ["1.0.0"]
    # The next build clears the dead build's debris and succeeds.
    again = write_release([article], claims[:2], tmp_path, "t", "1.1.0", released=DAY,
                          policy=ReleasePolicy(allow_removal=True))  # the fixture has 3 claims
    assert again.status == "written"
    assert not list((tmp_path / "t").glob(".tmp-*"))


@pytest.mark.slow
def test_concurrent_builds_of_one_version_cannot_corrupt_each_other(tmp_path):
    procs = [_start_build(tmp_path, "2.0.0", n, pause="never") for n in (3, 2)]
    codes = [p.wait(timeout=120) for p in procs]
    assert sorted(codes) == [0, 1], codes  # one wins; the other is refused as different content
    rel = tmp_path / "t" / "v2.0.0"
    assert validate_release(rel).ok
    assert json.loads((rel / "release.json").read_text())["counts"]["claims"] in (2, 3)
