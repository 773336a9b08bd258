"""Publishing a release folder to a Hugging Face dataset repository, tagged with its version.

The release folder is the repository root (its README.md is the dataset card with the configs),
uploaded in one commit on ``main`` that mirrors the release exactly, then tagged ``v<version>`` at
that commit so users can pin it: ``load_dataset(repo_id, "claims", revision="v1.0.0")``.

Guards, in order: the release must validate (``klaim.dataset.validate.validate_release``); a token is
required (argument or ``HF_TOKEN``); the tag must not exist with other content (publishing the
same release again changes nothing); versions only move forward (publishing v1.0.0 after v1.1.0
would roll ``main`` back). ``huggingface_hub`` is optional: ``pip install 'klaim[publish]'``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from klaim.dataset.layout import MANIFEST_FILE, RELEASE_FILE, parse_version, read_release_info, release_files
from klaim.errors import KlaimError, ReleaseError

REPO_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$")
REPO_TYPE = "dataset"


class PublishError(KlaimError):
    """A release cannot be published: no token, invalid release, tag conflict, missing extra."""


@dataclass(frozen=True)
class UploadFile:
    path: str  # relative to the release folder, POSIX separators
    size: int


@dataclass
class UploadPlan:
    release: Path
    repo_id: str
    name: str
    version: str
    revision: str  # the tag users pass as ``revision=``
    commit_message: str
    content_sha256: str
    files: list[UploadFile] = field(default_factory=list)
    repo_type: str = REPO_TYPE
    status: str = "planned"  # planned, dry-run, uploaded, unchanged
    commit_url: str | None = None

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def url(self) -> str:
        return f"https://huggingface.co/datasets/{self.repo_id}/tree/{self.revision}"

    def summary(self) -> str:
        """Human-readable lines for the CLI."""
        head = {
            "planned": "would upload", "dry-run": "dry run: would upload",
            "uploaded": "uploaded",
            "unchanged": "already published (same content), nothing uploaded:",
        }.get(self.status, self.status)
        lines = [f"{head} {self.name} v{self.version} ({len(self.files)} files, "
                 f"{self.total_bytes:,} bytes) to dataset {self.repo_id} at tag {self.revision}"]
        lines += [f"  {f.path}  {f.size:,} B" for f in self.files]
        lines.append(f"commit message: {self.commit_message}")
        if self.status in ("uploaded", "unchanged"):
            lines.append(f"{self.url}")
            lines.append(f'load_dataset("{self.repo_id}", "claims", revision="{self.revision}")')
        return "\n".join(lines)


def plan_upload(release: Path, repo_id: str) -> UploadPlan:
    """What ``publish`` would upload: every file of the release, the target repo and tag."""
    release = Path(release)
    if not REPO_ID_RE.match(repo_id):
        raise PublishError(f"repo id {repo_id!r} is not ORG/NAME (e.g. klaim-dev/klaim-seed)")
    if not release.is_dir():
        raise PublishError(f"{release}: no such release folder")
    try:
        info = read_release_info(release)
    except ReleaseError as exc:
        raise PublishError(str(exc)) from exc
    version = str(info.get("version", "")).removeprefix("v")
    try:
        parse_version(version)
    except ReleaseError as exc:
        raise PublishError(f"{release / RELEASE_FILE}: {exc}") from exc
    paths = release_files(release)
    if (release / MANIFEST_FILE).is_file():
        paths = sorted([*paths, release / MANIFEST_FILE])
    files = [UploadFile(p.relative_to(release).as_posix(), p.stat().st_size) for p in paths]
    digest = str(info.get("content_sha256", ""))
    return UploadPlan(
        release=release, repo_id=repo_id, name=str(info.get("name")), version=version,
        revision=f"v{version}", content_sha256=digest, files=files,
        commit_message=f"klaim {info.get('name')} v{version} (content sha256 {digest[:12]})",
    )


def _hf_api(token: str) -> Any:
    try:
        from huggingface_hub import HfApi
    except ImportError as exc:
        raise PublishError("publishing needs huggingface_hub, which is not installed: "
                           "pip install 'klaim[publish]'") from exc
    return HfApi(token=token)


def _remote_content_sha256(api: Any, repo_id: str, tag: str) -> str | None:
    """content_sha256 of the release.json at ``tag`` on the hub; None if it cannot be read."""
    try:
        local = api.hf_hub_download(repo_id, RELEASE_FILE, repo_type=REPO_TYPE, revision=tag)
        return json.loads(Path(local).read_text(encoding="utf-8")).get("content_sha256")
    except Exception:
        return None


def _version_tags(api: Any, repo_id: str) -> list[str]:
    refs = api.list_repo_refs(repo_id, repo_type=REPO_TYPE)
    out = []
    for ref in getattr(refs, "tags", []) or []:
        name = getattr(ref, "name", str(ref))
        try:
            parse_version(name)
        except ReleaseError:
            continue
        if name.startswith("v"):
            out.append(name)
    return out


def _hub(action: str, call: Any, *args: Any, **kwargs: Any) -> Any:
    """Run one Hub call; its errors (HTTP, auth, offline mode) become a ``PublishError``."""
    try:
        return call(*args, **kwargs)
    except PublishError:
        raise
    except Exception as exc:
        raise PublishError(f"Hugging Face Hub: {action} failed: {exc}") from exc


def publish(release: Path, repo_id: str, token: str | None = None, dry_run: bool = False,
            api: Any = None) -> UploadPlan:
    """Upload the release folder to the Hugging Face dataset repo ``repo_id`` and tag it.

    ``api`` replaces ``huggingface_hub.HfApi(token=token)`` (tests pass a fake). Returns the plan
    with ``status`` ``dry-run``, ``uploaded`` or ``unchanged``; raises ``PublishError``.
    """
    from klaim.dataset.validate import validate_release

    plan = plan_upload(release, repo_id)
    report = validate_release(plan.release)
    if report.problems:
        raise PublishError(f"{plan.release} is not a valid release; refusing to publish it.\n"
                           f"{report}")
    if dry_run:
        plan.status = "dry-run"
        return plan
    token = token or os.environ.get("HF_TOKEN")
    if not token:
        raise PublishError("no Hugging Face token: pass --token or set HF_TOKEN to a token with "
                           "write access (https://huggingface.co/settings/tokens)")
    api = api if api is not None else _hf_api(token)

    _hub(f"creating dataset repo {repo_id}", api.create_repo, repo_id, repo_type=REPO_TYPE,
         exist_ok=True, token=token)
    tags = _hub(f"listing the tags of {repo_id}", _version_tags, api, repo_id)
    if plan.revision in tags:
        remote = _remote_content_sha256(api, repo_id, plan.revision)
        if remote == plan.content_sha256:
            plan.status = "unchanged"
            return plan
        raise PublishError(
            f"tag {plan.revision} already exists on {repo_id} with different content "
            f"(hub content sha256 {remote or 'unknown'}, local {plan.content_sha256}); "
            "published versions are immutable: build a new version and publish that")
    newer = [t for t in tags if parse_version(t) > parse_version(plan.version)]
    if newer:
        raise PublishError(
            f"{repo_id} already has {max(newer, key=parse_version)}, newer than v{plan.version}; "
            "versions only move forward (publishing an older one would roll main back)")

    commit = _hub(
        f"uploading {plan.release} to {repo_id}", api.upload_folder,
        repo_id=repo_id, folder_path=str(plan.release), repo_type=REPO_TYPE,
        commit_message=plan.commit_message,
        commit_description=f"Release {plan.name} v{plan.version}, built by klaim.",
        allow_patterns=[f.path for f in plan.files],
        # main mirrors the release exactly: files of an earlier release that this one no longer
        # has are removed (.gitattributes is always kept by huggingface_hub).
        delete_patterns=["*"],
        token=token,
    )
    oid = getattr(commit, "oid", None)
    _hub(f"tagging commit {oid} as {plan.revision} (the files are uploaded; run publish again "
         "to tag them)", api.create_tag, repo_id, tag=plan.revision,
         tag_message=plan.commit_message, revision=oid, repo_type=REPO_TYPE, token=token)
    plan.status = "uploaded"
    plan.commit_url = getattr(commit, "commit_url", None)
    return plan
