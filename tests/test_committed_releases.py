"""Every committed release under data/ loads offline, validates, and says what it should."""

from __future__ import annotations

import json

import pytest

from _seed_claims import ROOT
from klaim.dataset.diff import diff_releases
from klaim.dataset.layout import check_manifest, released_versions
from klaim.dataset.validate import validate_release

DATA = ROOT / "data"
RELEASES = sorted(p for p in DATA.glob("*/v*") if (p / "release.json").is_file())


def test_there_are_committed_releases():
    assert released_versions(DATA, "klaim-seed")[:2] == ["1.0.0", "1.0.1"]


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_release_loads_offline_with_all_checks(release, tmp_path):
    from datasets import ClassLabel, List, load_dataset

    info = json.loads((release / "release.json").read_text())
    claims = load_dataset(str(release), "claims", split="train", cache_dir=str(tmp_path / "c"),
                          verification_mode="all_checks")
    assert claims.num_rows == info["counts"]["claims"]
    assert isinstance(claims.features["claim_type"], ClassLabel)
    assert isinstance(claims.features["figures"], List)
    articles = load_dataset(str(release), "articles", split="train", cache_dir=str(tmp_path / "a"),
                            verification_mode="all_checks")
    assert articles.num_rows == info["counts"]["articles"]


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_release_is_valid_and_untouched(release):
    assert check_manifest(release) == []
    report = validate_release(release)
    assert report.ok, str(report)


def test_reviewed_version_differs_from_raw_by_exactly_the_curation():
    import yaml

    d = diff_releases(DATA / "klaim-seed" / "v1.0.0", DATA / "klaim-seed" / "v1.0.1")
    curation = yaml.safe_load((ROOT / "seeds" / "curation" / "000_4081d66b315ef270.yaml").read_text())
    rejected = {c["claim_id"] for c in curation["claims"] if c["status"] == "reject"}
    assert {c["claim_id"] for c in d.removed} == rejected
    assert len(d.added) == len(curation["added"])
    assert all(c["extractor"] == "curation" for c in d.added)
    kept = {c["claim_id"] for c in curation["claims"]} - rejected
    # Every kept claim now carries its review. The curation file lives on: when a later extractor
    # re-spans a claim, its decision moves to the new claim id (v1.3.0 moved 8), and claims first
    # extracted later get decisions of their own (v1.4.0 reviewed 10), so the ids of v1.0.x are
    # checked where they still stand, and every claim v1.0.1 changed carries the review.
    raw = (DATA / "klaim-seed" / "v1.0.0" / "claims.jsonl").read_text(encoding="utf-8")
    raw_ids = {json.loads(line)["claim_id"] for line in raw.split("\n") if line}
    changed = {c.claim_id for c in d.changed}
    assert kept & raw_ids <= changed <= raw_ids and len(changed) <= len(kept)
    reviewed = (DATA / "klaim-seed" / "v1.0.1" / "claims.jsonl").read_text(encoding="utf-8")
    reviewers = {json.loads(line)["claim_id"]: json.loads(line)["verdict"]["reviewer"]
                 for line in reviewed.split("\n") if line}
    assert {reviewers[cid] for cid in changed} == {curation["reviewer"]}
    corrected = {c["claim_id"]: c for c in curation["claims"] if "text" in c and c["status"] == "accept"}
    by_id = {c.claim_id: c for c in d.changed}
    changed_text = {cid for cid, ch in by_id.items() if "text" in ch.fields}
    assert changed_text & kept <= set(corrected) and len(changed_text) <= len(corrected)
    assert "Sekutu memahami urgensinya." in {c["text"] for c in d.removed}


def test_changelog_records_the_correction():
    log = (DATA / "klaim-seed" / "CHANGELOG.md").read_text()
    assert "## v1.0.1" in log and "## v1.0.0" in log
    assert "removed `000_4081d66b315ef270:b1012831d601`" in log
    latest = json.loads((DATA / "klaim-seed" / "versions.json").read_text())["latest"]
    assert latest == released_versions(DATA, "klaim-seed")[-1] == "1.12.3"
