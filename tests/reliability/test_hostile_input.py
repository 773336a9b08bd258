"""Hostile input gets one clear problem with its file, record and field, never a traceback or a
hang (issue 10, items 9, 10 and 12, input part)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from _release_fixtures import make_release
from klaim.articles import read_articles
from klaim.errors import InputError, SchemaError

SENTENCE = "Menteri Energi Budi Santoso mengatakan harga listrik naik 5 persen pada 2024."
SRC = str(Path(__file__).resolve().parents[2] / "src")


def _short(problems) -> list[str]:
    """Problems as lines with the file's base name only: the tmp path holds the test's name,
    which would otherwise match the words the assertions look for."""
    return [f"{Path(p.file).name}: record {p.record}: {p.field}: {p.reason}" for p in problems]


def _problems(exc_info) -> list[str]:
    return _short(exc_info.value.report.problems)


def _txt_seed(folder: Path, meta: str, text: str = SENTENCE, stem: str = "a") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / f"{stem}.meta.yaml").write_text(meta, encoding="utf-8")
    return folder


def _alias_bomb(levels: int, width: int = 9) -> str:
    lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


# --- 12. input files ------------------------------------------------------------------------

def test_nul_byte_after_the_first_8_kb_is_refused_as_binary(tmp_path):
    text = SENTENCE + " " + "x" * 20_000 + "\x00" + SENTENCE
    seeds = _txt_seed(tmp_path / "seeds", "id: a\nlang: id\npublished: 2024-04-04\n", text)
    with pytest.raises(SchemaError) as exc:
        read_articles(seeds)
    assert any(p.startswith("a.txt") and "binary" in p for p in _problems(exc)), _problems(exc)


def test_far_future_publication_date_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1712188800")  # 2024-04-04: the rule is reproducible
    seeds = _txt_seed(tmp_path / "seeds", "id: a\nlang: id\npublished: 9999-12-31\n")
    _txt_seed(seeds, "id: b\nlang: id\npublished: 2025-04-01\n", stem="b")  # within a year: fine
    with pytest.raises(SchemaError) as exc:
        read_articles(seeds)
    problems = _problems(exc)
    assert len(problems) == 1 and problems[0].startswith("a.meta.yaml: record a: published:"), problems


def test_duplicate_keys_in_meta_yaml_are_reported_with_their_line(tmp_path):
    seeds = _txt_seed(tmp_path / "seeds",
                      "id: a\nlang: id\npublished: 2024-04-04\npublished: 2023-01-01\n")
    with pytest.raises(SchemaError) as exc:
        read_articles(seeds)
    assert any(p.startswith("a.meta.yaml") and "published" in p and "line 4" in p
               for p in _problems(exc)), _problems(exc)


def test_duplicate_keys_in_curation_files_are_reported(tmp_path):
    from klaim.dataset.curation import read_curation

    f = tmp_path / "a.yaml"
    f.write_text("article_id: a\nreviewer: x\nreviewer: y\nclaims: []\n")
    loaded, report = read_curation(f)
    assert loaded == []
    assert any("line 3" in p and "reviewer" in p for p in _short(report.problems))


@pytest.mark.parametrize("value", ["2024-04-04junk", "2024-04-04 junk", "04/04/2024", "2024-02-30",
                                   "0000-01-01", "", "2024-13-01"])
def test_bad_date_strings_are_refused_not_truncated(value):
    from klaim.dates import parse_iso_date

    with pytest.raises(InputError, match="published"):
        parse_iso_date(value, "published")


def test_good_date_strings_parse():
    from klaim.dates import parse_iso_date

    assert parse_iso_date("2024-04-04", "published") == date(2024, 4, 4)
    assert parse_iso_date("2024-04-04T23:30:00+07:00", "published") == date(2024, 4, 4)
    assert parse_iso_date(None) is None


@pytest.mark.parametrize("option", [["--published", "2024-04-04junk"]])
def test_cli_extract_refuses_a_date_with_trailing_junk(tmp_path, option):
    from typer.testing import CliRunner

    from klaim.cli import app

    f = tmp_path / "a.txt"
    f.write_text(SENTENCE)
    r = CliRunner().invoke(app, ["extract", str(f), *option])
    assert r.exit_code == 1
    assert "2024-04-04junk" in r.output and "Traceback" not in r.output


def test_extract_and_find_figures_refuse_junk_dates():
    from klaim import extract, find_figures

    with pytest.raises(InputError):
        extract(SENTENCE, published="2024-04-04junk")
    with pytest.raises(InputError):
        find_figures(SENTENCE, reference_date="2024-04-04junk")


# --- 10. YAML aliases in curation and metadata files ----------------------------------------

def test_alias_bomb_in_a_curation_file_is_refused_quickly_with_file_and_line(tmp_path):
    from klaim.dataset.curation import read_curation

    f = tmp_path / "a.yaml"
    # Small enough that a loader which expands aliases finishes (and then fails this test);
    # the 9**12 bomb is run by the next test, in a subprocess with a timeout.
    f.write_text("article_id: a\nclaims: []\n" + _alias_bomb(3))
    loaded, report = read_curation(f)
    assert loaded == []
    assert any(p.startswith("a.yaml: record line 3") and "anchors and aliases" in p
               for p in _short(report.problems)), report


def test_klaim_build_with_an_alias_bomb_curation_fails_with_one_clear_line(tmp_path):
    seeds = _txt_seed(tmp_path / "seeds", "id: a\nlang: id\npublished: 2024-04-04\n")
    cur = tmp_path / "cur"
    cur.mkdir()
    (cur / "a.yaml").write_text("article_id: a\nclaims: []\n" + _alias_bomb(12))
    r = subprocess.run(
        [sys.executable, "-m", "klaim.cli", "build", "--seeds", str(seeds), "--out",
         str(tmp_path / "out"), "--name", "t", "--version", "1.0.0", "--curation", str(cur)],
        capture_output=True, text=True, timeout=60, check=False, env={**os.environ, "PYTHONPATH": SRC})
    err = r.stderr.replace(str(tmp_path), "")
    assert r.returncode == 1, err
    assert "/cur/a.yaml: record line 3" in err and "anchors and aliases" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out" / "t" / "v1.0.0").exists()


def test_anchors_and_aliases_in_meta_yaml_are_refused(tmp_path):
    seeds = _txt_seed(tmp_path / "seeds",
                      "id: &x a\nlang: id\npublished: 2024-04-04\nsource: *x\n")
    with pytest.raises(SchemaError) as exc:
        read_articles(seeds)
    assert any(p.startswith("a.meta.yaml") and "anchors and aliases" in p
               for p in _problems(exc)), _problems(exc)


# --- 9. one clear line instead of a traceback -----------------------------------------------

@pytest.mark.parametrize("published", ["2024-02-30", "0000-01-01", "2023-02-29", "2024-00-10"])
def test_impossible_calendar_dates_in_metadata_name_file_and_field(tmp_path, published):
    seeds = _txt_seed(tmp_path / "seeds", f"id: a\nlang: id\npublished: {published}\n")
    with pytest.raises(SchemaError) as exc:
        read_articles(seeds)
    problems = _problems(exc)
    assert len(problems) == 1 and problems[0].startswith("a.meta.yaml: record a: published:"), problems


def test_impossible_calendar_dates_in_jsonl_name_file_record_and_field(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "a", "lang": "id", "published": "2024-02-30",
                             "text": SENTENCE}) + "\n")
    with pytest.raises(SchemaError) as exc:
        read_articles(f)
    assert _problems(exc)[0].startswith("a.jsonl: record line 1: published:")


def test_deeply_nested_json_in_seeds_is_a_per_record_problem(tmp_path):
    f = tmp_path / "a.jsonl"
    good = {"id": "ok", "lang": "id", "published": "2024-04-04", "text": SENTENCE}
    deep = '{"id": "deep", "lang": "id", "published": "2024-04-04", "text": "x", "extra": ' \
        + "[" * 200_000 + "]" * 200_000 + "}"
    f.write_text(json.dumps(good) + "\n" + deep + "\n")
    with pytest.raises(SchemaError) as exc:
        read_articles(f)
    assert _problems(exc) == ["a.jsonl: record line 2: (json): nested too deeply to read"]


def test_deeply_nested_json_in_a_release_export_is_reported_by_validate(tmp_path):
    from klaim.dataset.release import write_manifest
    from klaim.dataset.validate import validate_release

    result = make_release(tmp_path)
    with open(result.path / "claims.jsonl", "a", encoding="utf-8") as fh:
        fh.write("[" * 100_000 + "]" * 100_000 + "\n")
    write_manifest(result.path)
    problems = _short(validate_release(result.path).problems)
    assert any(p.startswith("claims.jsonl") and "nested too deeply" in p for p in problems), problems


@pytest.mark.parametrize("field", ["title", "source", "url", "text"])
def test_lone_surrogates_in_jsonl_articles_are_field_errors(tmp_path, field):
    f = tmp_path / "a.jsonl"
    rec = {"id": "a", "lang": "id", "published": "2024-04-04", "text": SENTENCE, field: "x\ud800y"}
    f.write_text(json.dumps(rec) + "\n")  # json.dumps writes the surrogate as the escape \ud800
    with pytest.raises(SchemaError) as exc:
        read_articles(f)
    assert any(p.startswith("a.jsonl: record line 1") and field in p and ("surrogate" in p or "unicode" in p)
               for p in _problems(exc)), _problems(exc)


def test_lone_surrogate_passed_to_extract_is_an_input_error():
    from klaim import extract, find_figures

    with pytest.raises(InputError, match="surrogate"):
        extract("Harga naik 5 persen\udc80.")
    with pytest.raises(InputError, match="surrogate"):
        find_figures("5 persen \ud800")


def test_undecodable_stdin_is_one_clear_line_even_with_surrogateescape(tmp_path):
    # A C/POSIX locale makes Python decode stdin with surrogateescape: bad bytes become lone
    # surrogates that crash much later, when something is written. klaim reads bytes instead.
    r = subprocess.run([sys.executable, "-m", "klaim.cli", "extract", "-"],
                       input=b"Harga naik 5 persen \xed\xa0\x80 \xff.", capture_output=True,
                       timeout=120, check=False, env={**os.environ, "PYTHONPATH": SRC,
                                         "PYTHONIOENCODING": "utf-8:surrogateescape"})
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode == 1 and "<stdin>" in err and "UTF-8" in err and "Traceback" not in err


@pytest.mark.parametrize("article_id", ["a" * 129, "a" * 300, "../etc", "a/b", "-a", ".a"],
                         ids=["129", "300", "dotdot", "slash", "dash", "dot"])
def test_overlong_or_unsafe_article_ids_are_refused_by_the_schema(tmp_path, article_id):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": article_id, "lang": "id", "published": "2024-04-04",
                             "text": SENTENCE}) + "\n")
    with pytest.raises(SchemaError) as exc:
        read_articles(f)
    assert any("line 1: id:" in p for p in _problems(exc)), _problems(exc)


def test_the_json_schema_bounds_article_ids():
    from klaim.schema import json_schemas

    prop = json_schemas()["article"]["properties"]["article_id"]
    assert prop["maxLength"] == 128 and prop["pattern"].endswith("{0,127}$")


def test_deeply_nested_yaml_is_one_problem_with_its_line(tmp_path):
    from klaim.dataset.curation import read_curation

    deep = "[" * 50_000 + "]" * 50_000
    seeds = _txt_seed(tmp_path / "seeds", f"id: a\nlang: id\npublished: 2024-04-04\nsource: {deep}\n")
    with pytest.raises(SchemaError) as exc:
        read_articles(seeds)
    assert _problems(exc) == [("a.meta.yaml: record line 4, column 108: (yaml): not valid YAML: "
                               "nested deeper than 100 levels")]
    cur = tmp_path / "a.yaml"
    cur.write_text(f"article_id: a\nclaims: {deep}\n")
    loaded, report = read_curation(cur)
    assert loaded == [] and "nested deeper than 100 levels" in _short(report.problems)[0]


def test_yaml_klaim_writes_has_no_aliases_even_for_shared_values():
    import yaml

    from klaim.yaml_input import NoAliasDumper, load_strict

    shared = {"label": "refuted", "reviewer": "Cek Fakta"}
    doc = {"claims": [{"verdict": shared}, {"verdict": shared}]}
    assert "&id001" in yaml.safe_dump(doc)  # what the plain dumper writes, and the loader refuses
    text = yaml.dump(doc, Dumper=NoAliasDumper)
    assert load_strict(text) == (doc, [])
