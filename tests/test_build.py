"""End to end: `klaim build` on the seeds gives a valid release holding the mission's claims."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from _seed_claims import SEEDS
from klaim.cli import app
from klaim.dataset.validate import validate_release


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("build")
    shutil.copytree(SEEDS, root / "seeds")
    result = CliRunner().invoke(app, ["build", "--seeds", str(root / "seeds"), "--out",
                                      str(root / "data"), "--name", "seed", "--version", "1.0.0"])
    assert result.exit_code == 0, result.output + result.stderr
    release = root / "data" / "seed" / "v1.0.0"
    claims = [json.loads(line) for line in (release / "claims.jsonl").read_text().splitlines()]
    return result, release, claims


def _claims_with(claims, **figure):
    return [c for c in claims
            if any(all(f.get(k) == v for k, v in figure.items()) for f in c["figures"])]


def test_build_prints_a_summary_and_writes_a_valid_release(built):
    result, release, claims = built
    assert "released seed v1.0.0" in result.output
    assert "claim type" in result.output and "figure kind" in result.output
    assert validate_release(release).ok
    assert len(claims) >= 15


def test_350000_residents_without_power_attributed_to_ukrainian_officials(built):
    [c] = _claims_with(built[2], value=350000.0, kind="cardinal")
    assert c["speaker"]["kind"] == "group" and "Ukraina" in (c["speaker"]["name"] or "")
    assert c["claim_type"] == "numerical"


def test_30000_recruits_a_month_hedged_and_anonymous(built):
    # the coordinated predicates after it span from the shared subject, so they carry the figure too
    claims = _claims_with(built[2], value=30000.0, per="month", approximate=True)
    assert claims and all(c["speaker"]["kind"] == "anonymous" for c in claims)
    own = min(claims, key=lambda c: c["end"] - c["start"])
    assert own["modality"] == "hedged"


def test_100bn_euro_five_year_fund_proposed_by_stoltenberg(built):
    matches = _claims_with(built[2], value=1e11, currency="EUR")
    assert matches
    assert all(any(f["kind"] == "duration" and f["value"] == 5 and f["unit"] == "year"
                   for f in c["figures"]) for c in matches)
    # The proposal is Stoltenberg's; whether members accept it is uncertain.
    assert any("Stoltenberg" in c["text"] for c in matches)
    assert any(c["modality"] == "uncertain" for c in matches)


def test_twelve_founding_members_and_75th_anniversary(built):
    assert _claims_with(built[2], value=12.0, kind="cardinal")
    assert _claims_with(built[2], value=75.0, kind="ordinal")


def test_rebuilding_the_same_version_changes_nothing(built, tmp_path):
    _result, release, _ = built
    before = {p: p.read_bytes() for p in release.rglob("*") if p.is_file()}
    seeds = release.parents[2] / "seeds"
    again = CliRunner().invoke(app, ["build", "--seeds", str(seeds), "--out", str(release.parents[1]),
                                     "--name", "seed", "--version", "1.0.0"])
    assert again.exit_code == 0, again.stderr
    assert "identical content" in again.output
    assert {p: p.read_bytes() for p in release.rglob("*") if p.is_file()} == before
