"""Bad input gets a clear error and loses nothing: empty, binary, not UTF-8, no metadata, bad JSONL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _seed_claims import SEEDS
from klaim.articles import read_articles
from klaim.cli import app
from klaim.errors import InputError, SchemaError
from klaim.textfiles import read_text_file

runner = CliRunner()
META = "id: {id}\nlang: id\npublished: 2024-04-04\n"


def _seed_dir(tmp_path: Path, name: str, content: bytes, meta: str | None = META) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_bytes(content)
    if meta is not None:
        (folder / f"{name}.meta.yaml").write_text(meta.format(id=name))
    return folder


BAD_FILES = {
    "empty": (b"", "file is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "latin1": ("Jakarta — harga naik 5% pada Januari, kata menteri.".encode("cp1252"), "not valid UTF-8"),
    "blank": (b"   \n\n  ", "only whitespace"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_text_files_give_one_clear_error(tmp_path, case):
    content, message = BAD_FILES[case]
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_text_file(path)


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_build_on_bad_input_fails_cleanly_and_writes_nothing(tmp_path, case):
    content, message = BAD_FILES[case]
    seeds = _seed_dir(tmp_path, "bad", content)
    out = tmp_path / "data"
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(out), "--version", "1.0.0"])
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not list(out.glob("*/v*")), "no partial release may be left behind"


def test_missing_metadata_is_reported(tmp_path):
    seeds = _seed_dir(tmp_path, "nometa", b"Teks berita.", meta=None)
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(tmp_path / "d")])
    assert result.exit_code == 1
    assert "no metadata file nometa.meta.yaml" in result.stderr


def test_metadata_without_required_fields_reports_each_field(tmp_path):
    seeds = _seed_dir(tmp_path, "x", b"Teks berita.", meta="id: x\n")
    with pytest.raises(SchemaError) as info:
        read_articles(seeds)
    fields = {p.field for p in info.value.report.problems}
    assert "published" in fields  # a missing lang is detected from the text (test_own_dataset)


def test_every_problem_in_a_jsonl_is_reported_not_just_the_first(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": "ok-1", "text": "Harga naik 5 persen.", "lang": "id", "published": "2024-04-04"}),
        "{not json",
        json.dumps({"id": "bad date", "text": "x", "lang": "id", "published": "2024-13-01"}),
        json.dumps({"id": "ok-2", "text": "", "lang": "indonesian", "published": "2024-04-04"}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(SchemaError) as info:
        read_articles(path)
    problems = info.value.report.problems
    assert {p.record for p in problems} == {"line 2", "line 3", "line 4", "line 5"}
    assert {("line 3", "id"), ("line 3", "published"), ("line 4", "text"),
            ("line 4", "lang")} <= {(p.record, p.field) for p in problems}
    assert all(p.file == str(path) for p in problems)


def test_jsonl_articles_are_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": "Harga naik 5 persen.", "lang": "id",
                                "published": "2024-04-04", "title": "T"}) + "\n")
    [art] = read_articles(path)
    assert art.article_id == "a1" and art.published.isoformat() == "2024-04-04"


def test_duplicate_article_ids_are_reported(tmp_path):
    seeds = tmp_path / "s"
    shutil.copytree(SEEDS, seeds)
    row = {"id": "000_4081d66b315ef270", "text": "x", "lang": "id", "published": "2024-04-04"}
    (seeds / "more.jsonl").write_text(json.dumps(row) + "\n")
    with pytest.raises(SchemaError, match="duplicate id"):
        read_articles(seeds)


def test_validate_on_bad_files_gives_clear_errors(tmp_path):
    for name, content in (("empty.jsonl", b""), ("bin.parquet", b"\x00\x01garbage"),
                          ("x.csv", "a,b\n".encode("utf-16"))):
        path = tmp_path / name
        path.write_bytes(content)
        result = runner.invoke(app, ["validate", str(path)])
        assert result.exit_code == 1, name
        assert "Traceback" not in result.output + result.stderr
        assert str(path) in result.stderr


def test_huge_files_are_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("angka 1.000 " * 100)
    with pytest.raises(InputError, match="the limit is 100"):
        read_text_file(path, max_bytes=100)


def test_validate_reports_articles_without_required_metadata(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": "Harga naik 5 persen."}) + "\n"
                    + json.dumps({"id": "a2", "text": "Harga turun.", "lang": "id"}) + "\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("error")]
    assert len(lines) == 3  # a1: lang and published; a2: published
    assert all(str(path) in ln for ln in lines)
    assert sum("published" in ln for ln in lines) == 2


def test_figures_reads_standard_input():
    result = runner.invoke(app, ["figures", "-", "--date", "2024-04-04"],
                           input="Rusia merekrut sekitar 30.000 personel per bulan.")
    assert result.exit_code == 0
    [fig] = [json.loads(line) for line in result.output.splitlines()]
    assert fig["value"] == 30000 and fig["per"] == "month" and fig["approximate"] is True
