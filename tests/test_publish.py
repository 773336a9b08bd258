"""Publishing to the Hugging Face Hub, against a fake HfApi (no network)."""

from __future__ import annotations

import inspect
import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from _release_fixtures import article, claim, make_release, sample
from klaim.dataset.publish import PublishError, plan_upload, publish
from klaim.errors import KlaimError

REPO = "klaim-dev/klaim-test"


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("HF_TOKEN", raising=False)


@pytest.fixture(scope="module")
def release_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("pub")
    make_release(root, "1.0.0")
    return root


@pytest.fixture
def release(release_root, tmp_path):
    """A private copy, so a test may tamper with it."""
    dst = tmp_path / "v1.0.0"
    shutil.copytree(release_root / "t" / "v1.0.0", dst)
    return dst


@dataclass
class _Ref:
    name: str


@dataclass
class _Refs:
    tags: list


@dataclass
class _Commit:
    oid: str
    commit_url: str


@dataclass
class FakeHfApi:
    """Stands in for ``huggingface_hub.HfApi`` at the network boundary: records calls (checked
    against the real method signatures), keeps uploaded files per commit and tags."""

    tmp: Path
    calls: list = field(default_factory=list)
    commits: dict = field(default_factory=dict)  # oid -> {path: bytes}
    tags: dict = field(default_factory=dict)  # tag -> oid

    def _record(self, name, *args, **kwargs):
        from huggingface_hub import HfApi

        inspect.signature(getattr(HfApi, name)).bind(self, *args, **kwargs)  # real signature
        self.calls.append((name, args, kwargs))

    def create_repo(self, *args, **kwargs):
        self._record("create_repo", *args, **kwargs)

    def list_repo_refs(self, *args, **kwargs):
        self._record("list_repo_refs", *args, **kwargs)
        return _Refs([_Ref(t) for t in self.tags])

    def upload_folder(self, *args, **kwargs):
        self._record("upload_folder", *args, **kwargs)
        folder = Path(kwargs["folder_path"])
        files = {p: (folder / p).read_bytes() for p in kwargs["allow_patterns"]}
        oid = f"{len(self.commits):040x}"
        self.commits[oid] = files
        return _Commit(oid, f"https://huggingface.co/datasets/{kwargs['repo_id']}/commit/{oid}")

    def create_tag(self, *args, **kwargs):
        self._record("create_tag", *args, **kwargs)
        self.tags[kwargs["tag"]] = kwargs["revision"]

    def hf_hub_download(self, *args, **kwargs):
        self._record("hf_hub_download", *args, **kwargs)
        data = self.commits[self.tags[kwargs["revision"]]][args[1]]
        out = self.tmp / f"dl-{len(self.calls)}"
        out.write_bytes(data)
        return str(out)

    def names(self):
        return [c[0] for c in self.calls]


@pytest.fixture
def api(tmp_path):
    return FakeHfApi(tmp_path)


def _files_on_disk(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_plan_lists_exactly_the_release_files(release):
    plan = plan_upload(release, REPO)
    assert [f.path for f in plan.files] == _files_on_disk(release)
    assert {"README.md", "release.json", "checksums.sha256", "croissant.json",
            "data/claims-00000-of-00001.parquet"} <= {f.path for f in plan.files}
    assert all(f.size == (release / f.path).stat().st_size for f in plan.files)
    assert plan.revision == "v1.0.0"
    assert plan.repo_id == REPO and plan.repo_type == "dataset"
    assert plan.commit_message.startswith("klaim t v1.0.0")
    assert "v1.0.0" in plan.summary() and "README.md" in plan.summary()


def test_dry_run_needs_no_token_and_touches_nothing(release, api):
    plan = publish(release, REPO, dry_run=True, api=api)
    assert plan.status == "dry-run"
    assert [f.path for f in plan.files] == _files_on_disk(release)
    assert plan.revision == "v1.0.0"
    assert api.calls == []


def test_upload_creates_repo_uploads_folder_and_tags_the_commit(release, api):
    plan = publish(release, REPO, token="hf_x", api=api)
    assert plan.status == "uploaded"
    assert api.names() == ["create_repo", "list_repo_refs", "upload_folder", "create_tag"]
    _, args, kw = api.calls[0]
    assert args == (REPO,) and kw["repo_type"] == "dataset" and kw["exist_ok"] is True
    _, _, kw = api.calls[2]
    assert kw["repo_id"] == REPO and kw["repo_type"] == "dataset"
    assert Path(kw["folder_path"]) == release
    assert kw["commit_message"] == plan.commit_message
    assert sorted(kw["allow_patterns"]) == _files_on_disk(release)
    _, args, kw = api.calls[3]
    oid = next(iter(api.commits))
    assert args == (REPO,)
    assert kw == {**kw, "tag": "v1.0.0", "revision": oid, "repo_type": "dataset"}
    assert api.commits[oid]["release.json"] == (release / "release.json").read_bytes()
    assert plan.commit_url.endswith(oid)


def test_token_from_environment(release, api, monkeypatch):
    monkeypatch.setenv("HF_TOKEN", "hf_env")
    publish(release, REPO, api=api)
    assert api.calls[0][2]["token"] == "hf_env"


def test_no_token_is_refused_clearly(release, api):
    with pytest.raises(PublishError, match=r"no Hugging Face token.*HF_TOKEN") as err:
        publish(release, REPO, api=api)
    assert isinstance(err.value, KlaimError)
    assert api.calls == []


def test_invalid_release_is_refused(release, api):
    (release / "claims.csv").write_text("tampered\n", encoding="utf-8")
    with pytest.raises(PublishError, match=r"(?s)not a valid release.*claims.csv: checksum differs"):
        publish(release, REPO, token="hf_x", api=api)
    with pytest.raises(PublishError, match=r"not a valid release"):
        publish(release, REPO, dry_run=True, api=api)
    assert api.calls == []


def test_not_a_release_folder(tmp_path, api):
    with pytest.raises(PublishError, match=r"not a klaim release"):
        publish(tmp_path, REPO, token="hf_x", api=api)


def test_bad_repo_id(release):
    with pytest.raises(PublishError, match=r"ORG/NAME"):
        plan_upload(release, "no-slash")


def test_same_release_again_uploads_nothing(release, api):
    publish(release, REPO, token="hf_x", api=api)
    api.calls.clear()
    plan = publish(release, REPO, token="hf_x", api=api)
    assert plan.status == "unchanged"
    assert "upload_folder" not in api.names() and "create_tag" not in api.names()


def test_existing_tag_with_other_content_is_refused(release, api, tmp_path):
    publish(release, REPO, token="hf_x", api=api)
    art = article()
    other = make_release(tmp_path / "other", "1.0.0",
                         articles=[art], claims=[claim(art, "350.000 penduduk")]).path
    api.calls.clear()
    with pytest.raises(PublishError, match=r"tag v1.0.0 already exists .* different content"):
        publish(other, REPO, token="hf_x", api=api)
    assert "upload_folder" not in api.names()


def test_older_version_than_on_hub_is_refused(release, api, tmp_path):
    articles, claims = sample()
    newer = make_release(tmp_path / "n", "1.1.0", articles=articles, claims=claims[:1]).path
    publish(newer, REPO, token="hf_x", api=api)
    with pytest.raises(PublishError, match=r"v1.1.0, newer than v1.0.0"):
        publish(release, REPO, token="hf_x", api=api)


def test_missing_huggingface_hub_is_a_clear_error(release, monkeypatch):
    monkeypatch.setitem(sys.modules, "huggingface_hub", None)
    with pytest.raises(PublishError, match=r"pip install 'klaim\[publish\]'"):
        publish(release, REPO, token="hf_x")


def test_release_json_version_is_the_tag(release):
    info = json.loads((release / "release.json").read_text(encoding="utf-8"))
    assert plan_upload(release, REPO).revision == f"v{info['version']}"


def test_hub_errors_become_publish_errors_real_client_offline(release):
    pytest.importorskip("huggingface_hub")
    # the real HfApi with HF_HUB_OFFLINE=1 fails before any network access
    with pytest.raises(PublishError, match=r"creating dataset repo .* failed: .*offline"):
        publish(release, REPO, token="hf_x")


def test_tag_failure_says_files_are_uploaded(release, api, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("403 Forbidden")

    monkeypatch.setattr(api, "create_tag", boom)
    with pytest.raises(PublishError, match=r"files are uploaded; run publish again.*403"):
        publish(release, REPO, token="hf_x", api=api)
