"""The README's Python examples run as written (from the repository root, offline)."""

from __future__ import annotations

import re

import pytest

from _seed_claims import ROOT

BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_python_example_runs(code, monkeypatch, tmp_path, capsys):
    import datasets

    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(datasets.config, "HF_DATASETS_CACHE", tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    # Every example ends by printing its result; an empty print means it silently did nothing.
    assert capsys.readouterr().out.strip()
