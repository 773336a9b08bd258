"""Releases: one immutable folder per version, in the layout ``push_to_hub`` produces.

A release is written into a temporary folder beside its target and renamed into place only
when complete, so an interrupted or failed build (even ``kill -9``) never leaves a partial
release and never touches an earlier one. A released version is immutable: building it again
with different content is refused; building it with the same content changes nothing.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from klaim.dataset.layout import (
    ARTICLES_PARQUET,
    CLAIMS_PARQUET,
    MANIFEST_FILE,
    RELEASE_FILE,
    content_digest,
    parse_version,
    read_release_info,
    release_files,
    released_versions,
    sha256_file,
    version_dir,
)
from klaim.errors import ReleaseError, SchemaError
from klaim.schema import SCHEMA_VERSION, Article, Claim

Progress = Callable[[str], None]


@dataclass
class ReleaseResult:
    path: Path
    name: str
    version: str
    status: str  # "written" or "unchanged"
    content_sha256: str
    counts: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReleasePolicy:
    """What a new version may do only when the user says so explicitly."""

    allow_removal: bool = False  # drop claims that the latest release has
    allow_empty: bool = False  # release no claims at all
    allow_unchanged: bool = False  # release the latest version's content again


def validate_claims(articles: list[Article], claims: list[Claim]) -> None:
    """Re-validate every claim against its article's text; raise with all problems at once."""
    from klaim.dataset.validate import check_claims

    report = check_claims(articles, [c.model_dump(mode="json") for c in claims], file="(build)")
    if report.problems:
        raise SchemaError(report)


@contextmanager
def _locked(base: Path) -> Iterator[None]:
    base.mkdir(parents=True, exist_ok=True)
    with open(base / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _remove_stale_temporaries(base: Path) -> None:
    """Temporaries of builds that died (kill -9) are debris, never releases."""
    for tmp in base.glob(".tmp-*"):
        pid = tmp.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(tmp, ignore_errors=True)
    for tmp in base.glob(".*.*.tmp"):  # the index's temporaries: .versions.json.<pid>.tmp
        pid = tmp.name.rsplit(".", 2)[-2]
        if pid.isdigit() and not _alive(int(pid)) and tmp.is_file():
            tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_release(
    articles: list[Article],
    claims: list[Claim],
    root: Path,
    name: str,
    version: str,
    *,
    released: date | None = None,
    changes: str | None = None,
    notes: str | None = None,
    progress: Progress | None = None,
    card: dict[str, Any] | None = None,
    policy: ReleasePolicy | None = None,
) -> ReleaseResult:
    """Write version ``version`` of dataset ``name`` under ``root``, atomically and only once."""
    say = progress or (lambda _msg: None)
    version = version.removeprefix("v")
    target = version_dir(root, name, version)
    validate_claims(articles, claims)
    digest = content_digest(articles, claims)
    base = target.parent
    with _locked(base):
        _remove_stale_temporaries(base)
        # The index is derived from the releases on every run, so one left stale by a kill
        # between the rename and the index write (or deleted, or corrupted) is repaired here.
        refresh_dataset_index(root, name)
        if target.exists():
            return _unchanged_or_refuse(target, name, version, digest)
        previous = released_versions(root, name)
        if previous and parse_version(previous[-1]) > parse_version(version):
            raise ReleaseError(f"version {version} is older than the latest release {previous[-1]}; "
                               "versions only move forward")
        check_against_latest(root, name, version, claims, digest, policy or ReleasePolicy())
        tmp = base / f".tmp-v{version}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        try:
            counts = _write_files(tmp, articles, claims, name, version, digest,
                                  released or date.today(), changes, notes, say, card or {})
            _fsync_tree(tmp)
            os.rename(tmp, target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        say(f"released {name} v{version} at {target}")
        refresh_dataset_index(root, name)
    return ReleaseResult(target, name, version, "written", digest, counts)


def check_against_latest(root: Path, name: str, version: str, claims: list[Claim], digest: str,
                         policy: ReleasePolicy) -> None:
    """Refuse a new version that is empty, repeats the latest one, or silently drops claims."""
    if not claims and not policy.allow_empty:
        raise ReleaseError(f"{name} v{version} would hold no claims; pass --allow-empty to "
                           "release an empty dataset")
    previous = released_versions(root, name)
    if not previous:
        return
    latest = version_dir(root, name, previous[-1])
    if read_release_info(latest).get("content_sha256") == digest and not policy.allow_unchanged:
        raise ReleaseError(f"{name} v{version} has the same content as v{previous[-1]}; nothing "
                           "to release (pass --allow-unchanged to release it anyway)")
    removed = _claim_ids(latest) - {c.claim_id for c in claims}
    if not removed:
        return
    what = f"{name} v{version} removes {len(removed)} claim(s) of v{previous[-1]}"
    if not policy.allow_removal:
        raise ReleaseError(f"{what} (e.g. {min(removed)}); pass --allow-removal if that "
                           "is intended")
    old, new = parse_version(previous[-1]), parse_version(version)
    if old[:2] == new[:2]:
        raise ReleaseError(f"{what}: removing claims needs a minor or major version, not a patch "
                           f"(e.g. {new[0]}.{new[1] + 1}.0)")


def _claim_ids(release: Path) -> set[str]:
    path = release / "claims.jsonl"
    if not path.is_file():
        return set()
    return {json.loads(line)["claim_id"] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()}


def refresh_dataset_index(root: Path, name: str) -> None:
    """Rewrite ``versions.json`` and ``CHANGELOG.md`` from the releases (no-op without releases)."""
    from klaim.dataset.changelog import write_dataset_index

    if released_versions(root, name):
        write_dataset_index(root, name)


def _unchanged_or_refuse(target: Path, name: str, version: str, digest: str) -> ReleaseResult:
    info = read_release_info(target)
    if info.get("content_sha256") != digest:
        raise ReleaseError(
            f"{name} v{version} is already released at {target} with different content; "
            "released versions are immutable: bump the version (patch for corrections, minor for "
            "new articles or claims, major for breaking schema changes) and build again")
    return ReleaseResult(target, name, version, "unchanged", digest, info.get("counts", {}))


def _write_files(tmp: Path, articles: list[Article], claims: list[Claim], name: str,
                 version: str, digest: str, released: date, changes: str | None,
                 notes: str | None, say: Progress, card_text: dict[str, Any]) -> dict[str, Any]:
    from klaim.dataset import card, charts, claimreview, croissant, exports
    from klaim.dataset.schema_files import write_schema_files

    (tmp / "data").mkdir(parents=True)
    say("writing parquet")
    sizes = exports.write_parquet(tmp, articles, claims)
    say("writing CSV and JSONL exports")
    exports.write_csv(tmp, claims)
    exports.write_jsonl(tmp / "claims.jsonl", claims)
    claimreview.write(tmp, articles, claims)
    charts.write_charts(claims, tmp / "charts")
    write_schema_files(tmp / "schema")
    counts = card.counts(articles, claims)
    info = {"name": name, "version": version, "released": released.isoformat(),
            "schema_version": SCHEMA_VERSION, "content_sha256": digest, "counts": counts,
            "changes": changes}
    _write_json(tmp / RELEASE_FILE, info)
    # card only: prose is not part of the release's identity
    info = {**info, "creation_notes": notes, "card": card_text}
    say("writing dataset card")
    (tmp / "README.md").write_text(card.render(articles, claims, info, sizes), encoding="utf-8")
    croissant.write(tmp, info)  # last but the manifest: it lists the other files' checksums
    write_manifest(tmp)
    return counts


def _write_json(path: Path, obj: Any) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                    encoding="utf-8")


def _fsync_tree(root: Path) -> None:
    for p in sorted(root.rglob("*")):
        if p.is_file():
            with open(p, "rb") as fh:
                os.fsync(fh.fileno())


def write_manifest(root: Path) -> None:
    """``sha256sum -c``-compatible list of every file in the release."""
    lines = [f"{sha256_file(p)}  {p.relative_to(root).as_posix()}\n" for p in release_files(root)]
    (root / MANIFEST_FILE).write_text("".join(lines), encoding="utf-8")


def load_release(root: Path) -> tuple[list[Article], list[Claim]]:
    """The articles and claims of a built release, validated (offsets against the texts)."""
    from klaim.dataset.validate import validate_release

    root = Path(root)
    report = validate_release(root)
    if not report.ok:
        raise SchemaError(report)
    import pyarrow.parquet as pq

    from klaim.dataset.records import row_to_claim

    articles = [Article.model_validate(r) for r in pq.read_table(root / ARTICLES_PARQUET).to_pylist()]
    texts = {a.article_id: a.text for a in articles}
    claims = [row_to_claim(r, texts.get(r["article_id"]))
              for r in pq.read_table(root / CLAIMS_PARQUET).to_pylist()]
    return articles, claims
