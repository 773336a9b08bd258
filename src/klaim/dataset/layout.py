"""What a release is on disk: its file names, version folders, identity and checksums.

Read-only knowledge shared by the writer (`release`) and every reader (`validate`, `integrity`,
`card`, `croissant`, `exports`, `changelog`, `publish`), so none of them imports another to learn
a file name.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from klaim.errors import InputError, ReleaseError
from klaim.schema import ADDED_FIELDS, SCHEMA_VERSION, Article, Claim

VERSION_RE = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
# One path component: starts with a letter or digit, so never "", "." or "..".
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")
RELEASE_FILE = "release.json"
MANIFEST_FILE = "checksums.sha256"
CLAIMS_PARQUET = "data/claims-00000-of-00001.parquet"
ARTICLES_PARQUET = "data/articles-00000-of-00001.parquet"


def parse_version(version: str) -> tuple[int, int, int]:
    m = VERSION_RE.match(version.removeprefix("v"))
    if not m:
        raise ReleaseError(f"version {version!r} is not MAJOR.MINOR.PATCH (e.g. 1.0.0)")
    return tuple(int(g) for g in m.groups())  # type: ignore[return-value]


def check_name(name: object) -> str:
    """``name`` if it is a safe dataset name (one folder, never a path); ``InputError`` otherwise."""
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise InputError(
            f"dataset name {name!r} is not a safe name: use 1-100 letters, digits, '_', '.' or '-', "
            "starting with a letter or digit (no '/', no '..')")
    return name


def inside(root: Path, path: Path) -> Path:
    """``path`` resolved, if it stays inside ``root`` (symlinks followed); ``InputError`` otherwise."""
    base, resolved = root.resolve(), path.resolve()
    if resolved != base and base not in resolved.parents:
        raise InputError(f"{path} resolves to {resolved}, outside the output folder {base}")
    return resolved


def version_dir(root: Path, name: str, version: str) -> Path:
    parse_version(version)
    path = root / check_name(name) / f"v{version.removeprefix('v')}"
    inside(root, path)
    return path


def released_versions(root: Path, name: str) -> list[str]:
    """Complete releases of ``name``, oldest first (a folder counts once its release.json exists)."""
    base = root / name
    if not base.is_dir():
        return []
    found = [p.name[1:] for p in base.iterdir()
             if p.is_dir() and VERSION_RE.match(p.name[1:]) and (p / RELEASE_FILE).is_file()]
    return sorted(found, key=parse_version)


def canonical_jsonl(models: list[Any]) -> bytes:
    return b"".join(
        json.dumps(_canonical(m), ensure_ascii=False, sort_keys=True).encode() + b"\n"
        for m in models)


def _canonical(model: Any) -> dict[str, Any]:
    data = model.model_dump(mode="json")
    return {k: v for k, v in data.items() if not (k in ADDED_FIELDS and (v is None or v == []))}


def content_digest(articles: list[Article], claims: list[Claim],
                   schema_version: str = SCHEMA_VERSION) -> str:
    """Identity of a release's content, independent of how Parquet or CSV bytes are laid out
    (a release made under an earlier schema version is checked with the version it declares)."""
    h = hashlib.sha256()
    h.update(f"schema {schema_version}\n".encode())
    h.update(canonical_jsonl(sorted(articles, key=lambda a: a.article_id)))
    h.update(canonical_jsonl(sorted(claims, key=lambda c: (c.article_id, c.start, c.end, c.claim_id))))
    return h.hexdigest()


def read_release_info(path: Path) -> dict[str, Any]:
    try:
        return json.loads((path / RELEASE_FILE).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ReleaseError(f"{path}: not a klaim release ({RELEASE_FILE} unreadable: {exc})") from exc


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def release_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name != MANIFEST_FILE
                  and not p.name.startswith("."))


def check_manifest(root: Path) -> list[str]:
    """Problems with the checksums: missing, changed or unlisted files."""
    manifest = root / MANIFEST_FILE
    if not manifest.is_file():
        return [f"{MANIFEST_FILE} is missing"]
    problems, listed = [], set()
    for line in manifest.read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        digest, _, rel = line.partition("  ")
        listed.add(rel)
        path = root / rel
        if not path.is_file():
            problems.append(f"{rel}: listed in {MANIFEST_FILE} but missing")
        elif sha256_file(path) != digest:
            problems.append(f"{rel}: checksum differs from {MANIFEST_FILE} (file was changed)")
    for p in release_files(root):
        rel = p.relative_to(root).as_posix()
        if rel not in listed:
            problems.append(f"{rel}: not listed in {MANIFEST_FILE}")
    return problems
