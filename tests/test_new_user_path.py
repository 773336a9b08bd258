"""The new user's path, end to end, as the README tells it: three datasets of one's own (a folder
of articles with timestamps and extra metadata, a JSONL feed with a field mapping, HTML and WARC
pages), each with its own name, licence and card text; then review, curate, release a patch,
diff, and validate every file of the release. The seed dataset is never touched."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from _seed_claims import ROOT
from klaim.cli import app

DATA = Path(__file__).parent / "data" / "own_dataset"
runner = CliRunner()

DATASETS = {
    # name: (fixtures, licence, card text, extra settings)
    "desk-folder": ("folder", "CC-BY-SA-4.0", "Five short articles of our desk.", ""),
    "desk-feed": ("jsonl", "CC0-1.0", "Claims from our newswire feed.",
                  '[map]\nid = "guid"\ntext = "body"\npublished = "date"\n'),
    "desk-web": ("web", "MIT", "Claims from crawled pages.", ""),
}
SPDX_CARD = {"CC-BY-SA-4.0": "cc-by-sa-4.0", "CC0-1.0": "cc0-1.0", "MIT": "mit"}


def _run(*args: str, code: int = 0):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output + result.stderr, result.stderr
    assert result.exit_code == code, f"{args}: {result.output}{result.stderr}"
    return result


def _tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _init(name: str) -> Path:
    fixtures, licence, card, extra = DATASETS[name]
    _run("init", name, "--license", licence, "--description", card, "--curated-by", "Desk QA")
    folder = Path(name)
    for f in (DATA / fixtures).iterdir():
        shutil.copy(f, folder / "articles" / f.name)
    if extra:
        settings = folder / "klaim.toml"
        text = settings.read_text(encoding="utf-8").replace('[map]\n# published = "date"\n', extra)
        settings.write_text(text, encoding="utf-8")
    return folder


def _release(name: str, version: str) -> Path:
    return Path(name) / "releases" / name / f"v{version}"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A fresh working folder, and the seed's files as they were before the walk."""
    root = tmp_path_factory.mktemp("newuser")
    before = {d: _tree_digest(ROOT / d) for d in ("data/klaim-seed", "seeds")}
    return root, before


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DATASETS))
def test_a_dataset_of_ones_own_from_init_to_a_reviewed_patch(name, workspace, monkeypatch):
    root, _ = workspace
    monkeypatch.chdir(root)
    folder = _init(name)
    _run("build", name)
    first = _release(name, "1.0.0")
    _check_card(first, name)

    # Review the extraction, then curate one article: accept every claim, with a verdict.
    _run("review", "--dataset", name, "--all", "-o", f"review-{name}")
    assert (root / f"review-{name}" / "index.html").is_file()
    article_id = json.loads((first / "claims.jsonl").read_text().splitlines()[0])["article_id"]
    _run("curation", "init", article_id, "--dataset", name)
    _accept_all(folder / "curation" / f"{article_id}.yaml")

    # The patch: same claims, now reviewed. Unchanged content would be refused as a new version.
    _run("build", name, "--version", "1.0.1", "--changes", "Reviewed one article.")
    patch = _release(name, "1.0.1")
    assert "Reviewed one article." in (Path(name) / "releases" / name / "CHANGELOG.md").read_text()
    again = _run("build", name, "--version", "1.0.2", code=1)
    assert "same content as v1.0.1" in again.stderr

    diff = _run("diff", str(first), str(patch), "--json", code=1)
    doc = json.loads(diff.stdout)
    assert not doc["added"] and not doc["removed"] and doc["changed"]
    assert set(doc["stamp_only"]) < {c["claim_id"] for c in doc["changed"]}  # the verdict is content

    for path in [patch, *sorted(patch.glob("*.jsonl")), *sorted(patch.glob("*.csv")),
                 *sorted(patch.glob("data/*.parquet"))]:
        result = _run("validate", str(path))
        assert result.stdout.startswith("ok: ")
    _run("review", "--release", str(patch), "--all", "-o", f"review-{name}-v1.0.1")


def _check_card(release: Path, name: str) -> None:
    _, licence, card_text, _ = DATASETS[name]
    card = (release / "README.md").read_text(encoding="utf-8")
    assert f"license: {SPDX_CARD[licence]}" in card
    assert card_text in card and "Desk QA" in card
    assert "seed article" not in card and "klaim maintainers" not in card
    croissant = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    assert croissant["name"] == name and "creativecommons.org/licenses/by/4.0" not in croissant["license"]
    articles = _articles(release)
    if name == "desk-folder":
        assert len(articles) == 5
        assert all(a["published_at"] and a["metadata"] for a in articles)
    elif name == "desk-feed":
        assert {a["article_id"] for a in articles} == {"kurs-rupiah", "gempa-maluku", "rail-fares"}
    else:
        assert any(a["retrieved"] and a["url"] for a in articles)


def _articles(release: Path) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(release / "data" / "articles-00000-of-00001.parquet").to_pylist()


def _accept_all(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    text = text.replace("reviewer: null", "reviewer: Desk QA").replace("reviewed: null", "reviewed: 2025-10-30")
    text = re.sub(r"status: pending", "status: accept", text)
    path.write_text(text, encoding="utf-8")
    doc = yaml.safe_load(text)
    doc["claims"][0]["verdict"] = {"label": "supported", "evidence": [
        {"url": "https://example.org/source", "quote": "as reported", "retrieved": "2025-10-30"}]}
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.slow
def test_the_walk_left_the_seed_dataset_untouched(workspace):
    _, before = workspace
    assert {d: _tree_digest(ROOT / d) for d in before} == before
