"""Releases klaim writes are releases klaim reads back; tampering, stale indexes, unsafe names and
unsafe URLs are caught (issue 10, items 1, 4, 6, 7, 8 and 11)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from _release_fixtures import article, make_release, refuted_verdict, sample
from klaim.dataset.build import BuildSettings, build
from klaim.dataset.claimreview import to_jsonld
from klaim.dataset.exports import neutralise, read_claims_csv, unneutralise
from klaim.dataset.layout import released_versions
from klaim.dataset.release import write_manifest, write_release
from klaim.dataset.validate import validate_release
from klaim.errors import InputError, KlaimError
from klaim.schema import Evidence, Verdict, VerdictLabel

# Every character str.splitlines() breaks on; JSON keeps U+0085, U+2028 and U+2029 raw in strings.
SEPARATORS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\r", "\r\n"]
SENTENCES = ("Menteri Energi Budi Santoso mengatakan harga listrik naik 5 persen pada 2024.",
             "Polisi menangkap 3 tersangka di Jakarta, kata juru bicara.")


def _separated_text() -> str:
    return "".join(f"{SENTENCES[0]}{sep}{SENTENCES[1]}{sep}" for sep in SEPARATORS)


def _meta(article_id: str) -> dict:
    return {"id": article_id, "lang": "id", "published": "2024-04-04", "title": "Uji\u2028pemisah"}


def _problems(report) -> list[str]:
    """Problems with the file's base name only: the tmp path holds the test's name, which would
    otherwise match the words the assertions look for."""
    return [f"{Path(p.file).name}: record {p.record}: {p.field}: {p.reason}" for p in report.problems]


# --- 1. every release klaim writes validates -----------------------------------------------

def test_release_from_seeds_jsonl_with_every_line_separator_validates(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    records = [{**_meta(f"sep{i}"), "text": f"{SENTENCES[0]}{sep}{SENTENCES[1]}{sep}"}
               for i, sep in enumerate(SEPARATORS)]
    records.append({**_meta("all"), "text": _separated_text()})
    (seeds / "a.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert "\u2028" in (seeds / "a.jsonl").read_text(encoding="utf-8")  # raw, as JSON allows

    result = build(BuildSettings(seeds=seeds, out=tmp_path / "out", name="sep", version="1.0.0"))

    assert result.counts["articles"] == len(SEPARATORS) + 1
    jsonl = (result.path / "claims.jsonl").read_text(encoding="utf-8")
    assert any(ch in jsonl for ch in ("\x85", "\u2028", "\u2029"))  # the hard case is present
    assert _problems(validate_release(result.path)) == []


def test_release_from_txt_seeds_with_every_line_separator_validates(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "all.txt").write_bytes(_separated_text().encode("utf-8"))
    (seeds / "all.meta.yaml").write_text("id: all\nlang: id\npublished: 2024-04-04\n")

    result = build(BuildSettings(seeds=seeds, out=tmp_path / "out", name="sep", version="1.0.0"))

    assert result.counts["claims"] >= len(SEPARATORS)
    assert _problems(validate_release(result.path)) == []


def test_release_of_zero_claim_articles_validates(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.jsonl").write_text("".join(
        json.dumps({**_meta(f"empty{i}"), "text": t}) + "\n"
        for i, t in enumerate(["...", "(Foto: Antara)", "Baca juga:"])), encoding="utf-8")

    from klaim.dataset.release import ReleasePolicy

    result = build(BuildSettings(seeds=seeds, out=tmp_path / "out", name="none", version="1.0.0",
                                 allow=ReleasePolicy(allow_empty=True)))  # empty only on request

    assert result.counts["claims"] == 0
    assert (result.path / "claims.jsonl").stat().st_size == 0
    assert _problems(validate_release(result.path)) == []


def test_empty_claims_jsonl_is_a_problem_when_the_release_has_claims(tmp_path):
    result = make_release(tmp_path)
    (result.path / "claims.jsonl").write_bytes(b"")
    write_manifest(result.path)

    problems = _problems(validate_release(result.path))

    assert any(p.startswith("claims.jsonl") and "empty" in p for p in problems), problems


# --- 4. the dataset index is derived from the releases on every run ------------------------

def _index(root: Path, name: str = "t") -> tuple[dict, str]:
    base = root / name
    return (json.loads((base / "versions.json").read_text()),
            (base / "CHANGELOG.md").read_text())


def test_kill_between_rename_and_index_write_is_repaired_by_the_rerun(tmp_path, monkeypatch):
    import os

    articles, claims = sample()
    write_release(articles, claims[:1], tmp_path, "t", "1.0.0", released=date(2024, 1, 1))
    real_rename = os.rename

    def rename_then_die(src, dst):
        real_rename(src, dst)
        raise KeyboardInterrupt("killed after the rename, before the index")

    monkeypatch.setattr(os, "rename", rename_then_die)
    with pytest.raises(KeyboardInterrupt):
        write_release(articles, claims, tmp_path, "t", "1.1.0", released=date(2024, 2, 1))
    monkeypatch.undo()
    assert released_versions(tmp_path, "t") == ["1.0.0", "1.1.0"]
    assert _index(tmp_path)[0]["latest"] == "1.0.0"  # stale, as after the audit's SIGKILL

    again = write_release(articles, claims, tmp_path, "t", "1.1.0", released=date(2024, 2, 1))

    assert again.status == "unchanged"  # "already released" ...
    versions, changelog = _index(tmp_path)  # ... and the index is repaired
    assert versions["latest"] == "1.1.0"
    assert [v["version"] for v in versions["versions"]] == ["1.0.0", "1.1.0"]
    assert "## v1.1.0" in changelog


@pytest.mark.parametrize("damage", ["delete", "corrupt"])
def test_deleted_or_corrupted_index_is_rebuilt_by_any_build(tmp_path, damage):
    result = make_release(tmp_path)
    expected = _index(tmp_path)
    for f in ("versions.json", "CHANGELOG.md"):
        path = tmp_path / "t" / f
        path.unlink() if damage == "delete" else path.write_bytes(b"\x00{not json")

    articles, claims = sample()
    write_release(articles, claims, tmp_path, "t", "1.0.0", released=date(2024, 4, 4))

    assert result.path.is_dir()
    assert _index(tmp_path) == expected


# --- 6. names are one safe folder inside --out ----------------------------------------------

UNSAFE_NAMES = ["../../x", "../x", "/tmp/abs", "a/b", "..", ".", "", ".hidden", "x" * 101, "a\\b",
                "a\x00b"]


@pytest.mark.parametrize("name", UNSAFE_NAMES)
def test_unsafe_names_are_refused_by_write_release(tmp_path, name):
    articles, claims = sample()
    out = tmp_path / "a" / "b" / "out"
    with pytest.raises(KlaimError):
        write_release(articles, claims, out, name, "1.0.0")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize("name", ["../../x", "/tmp/abs-klaim-name"])
def test_unsafe_names_are_refused_by_build_settings_and_pyproject(tmp_path, name):
    with pytest.raises(InputError, match="safe name"):
        BuildSettings(name=name, out=tmp_path / "out")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(f'[tool.klaim]\nname = "{name}"\n')
    with pytest.raises(InputError, match="safe name"):
        BuildSettings.from_pyproject(pyproject)


def test_cli_refuses_name_that_climbs_out_of_out(tmp_path):
    from typer.testing import CliRunner

    from klaim.cli import app

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.jsonl").write_text(json.dumps({**_meta("a"), "text": SENTENCES[0]}) + "\n")
    out = tmp_path / "deep" / "er" / "out"
    r = CliRunner().invoke(app, ["build", "--seeds", str(seeds), "--out", str(out),
                                 "--name", "../../x", "--version", "1.0.0", "--no-curation"])
    assert r.exit_code == 1
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert not (tmp_path / "deep" / "x").exists()
    assert not (tmp_path / "x").exists()


def test_symlinked_name_folder_pointing_outside_is_refused(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "t").symlink_to(outside, target_is_directory=True)
    articles, claims = sample()
    with pytest.raises(InputError, match="outside"):
        write_release(articles, claims, out, "t", "1.0.0")
    assert list(outside.iterdir()) == []


# --- 7. tampering is reported even after checksums.sha256 is regenerated -------------------

def _tampered(tmp_path: Path, edit) -> list[str]:
    result = make_release(tmp_path)
    assert validate_release(result.path).ok
    edit(result.path)
    write_manifest(result.path)  # the tamperer regenerates the checksums
    return _problems(validate_release(result.path))


def _edit_jsonl(path: Path, change) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]
    change(rows)
    path.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows),
                    encoding="utf-8")


def _edit_parquet(path: Path, change) -> None:
    table = pq.read_table(path)
    rows = table.to_pylist()
    change(rows)
    import pyarrow as pa

    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), path)


def _rewrite_csv(path: Path, change) -> None:
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    change(rows)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes("\ufeff".encode() + buf.getvalue().encode("utf-8"))


def test_edited_claim_text_in_jsonl_is_reported(tmp_path):
    def edit(root):
        _edit_jsonl(root / "claims.jsonl", lambda rows: rows[0].update(text="Sesuatu yang lain."))

    problems = _tampered(tmp_path, edit)
    assert any(p.startswith("claims.jsonl") and ": text:" in p for p in problems), problems


def test_flipped_verdict_in_all_exports_and_parquet_is_reported_by_the_content_hash(tmp_path):
    def flip(row):
        if row["verdict"]["label"] == "refuted":
            row["verdict"]["label"] = "supported"

    def edit(root):
        _edit_parquet(root / "data" / "claims-00000-of-00001.parquet",
                      lambda rows: [flip(r) for r in rows])
        _edit_jsonl(root / "claims.jsonl", lambda rows: [flip(r) for r in rows])
        _rewrite_csv(root / "claims.csv", lambda rows: [
            r.__setitem__(rows[0].index("verdict"), r[rows[0].index("verdict")].replace(
                '"refuted"', '"supported"')) for r in rows[1:]])

    problems = _tampered(tmp_path, edit)
    assert any(p.startswith("release.json") and "content_sha256" in p for p in problems), problems
    assert any("counts: verdicts" in p for p in problems), problems


def test_forged_article_text_with_consistent_spans_is_reported(tmp_path):
    def forge(rows):
        rows[0]["text"] = rows[0]["text"].replace("350.000", "999.999")

    def edit(root):
        _edit_parquet(root / "data" / "articles-00000-of-00001.parquet", forge)

    problems = _tampered(tmp_path, edit)
    assert any("content_sha256" in p for p in problems), problems


def test_raw_formula_in_claims_csv_is_reported(tmp_path):
    def edit(root):
        _rewrite_csv(root / "claims.csv", lambda rows: rows[1].__setitem__(
            rows[0].index("text"), '=HYPERLINK("http://evil.example","klik")'))

    problems = _tampered(tmp_path, edit)
    assert any(p.startswith("claims.csv") and "not neutralised" in p for p in problems), problems
    assert any(p.startswith("claims.csv") and "differs from the release's claims" in p for p in problems)


def test_figures_csv_edit_is_reported(tmp_path):
    def edit(root):
        _rewrite_csv(root / "figures.csv", lambda rows: rows[1].__setitem__(
            rows[0].index("value"), "1.0"))

    problems = _tampered(tmp_path, edit)
    assert any(p.startswith("figures.csv") and ": value:" in p for p in problems), problems


def test_altered_counts_in_release_json_are_reported(tmp_path):
    def edit(root):
        info = json.loads((root / "release.json").read_text())
        info["counts"]["claims"] = 999
        (root / "release.json").write_text(json.dumps(info))

    problems = _tampered(tmp_path, edit)
    assert any("counts: claims: declares 999, data has 2" in p for p in problems), problems


def test_altered_croissant_hash_is_reported(tmp_path):
    def edit(root):
        doc = json.loads((root / "croissant.json").read_text())
        doc["distribution"][0]["sha256"] = "0" * 64
        (root / "croissant.json").write_text(json.dumps(doc))

    problems = _tampered(tmp_path, edit)
    assert any(p.startswith("croissant.json") and "sha256" in p for p in problems), problems


def test_hostile_card_front_matter_is_a_problem_not_a_crash(tmp_path):
    bomb = "l0: &l0 [x, x, x, x, x, x, x, x, x]\n" + "".join(  # 9**13 values if expanded
        f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 13))
    for header in ("dataset_info: 5\n", "dataset_info:\n- splits: [{num_examples: many}]\n",
                   "{unclosed: [\n", "- just\n- a list\n", bomb):
        def edit(root, header=header):
            body = (root / "README.md").read_text().split("\n---\n", 1)[1]
            (root / "README.md").write_text(f"---\n{header}\n---\n{body}")

        problems = _tampered(tmp_path / str(abs(hash(header))), edit)
        assert any(p.startswith("README.md") for p in problems), (header, problems)
    assert any("alias bomb" in p for p in problems), problems  # the last header was the bomb


# --- 8. ClaimReview: web links only, no "</script" ------------------------------------------

@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x",
                                 "vbscript:x", "//example.org/x", "file:///etc/passwd",
                                 "https://example.org/\"><script>", "http:///nohost"])
def test_non_web_urls_are_dropped_from_claimreview(url):
    from klaim.dataset.claimreview import web_url

    assert web_url(url) is None
    articles, claims = sample()
    art = articles[0].model_copy(update={"url": url})
    bad = claims[0].model_copy(update={"verdict": Verdict(
        label=VerdictLabel.refuted, evidence=[Evidence(url=url, quote="q")])})
    doc = json.dumps(to_jsonld([art], [bad, claims[1]]))
    assert url not in doc and json.dumps(url)[1:-1] not in doc


def test_web_urls_are_kept():
    from klaim.dataset.claimreview import web_url

    assert web_url("https://example.org/a?b=1#c") == "https://example.org/a?b=1#c"
    assert web_url("http://example.org") == "http://example.org"


def test_no_json_ld_file_of_a_release_contains_a_raw_less_than(tmp_path):
    articles, claims = sample()
    art = articles[0].model_copy(update={"title": "</script><script>alert(1)</script>"})
    evil = refuted_verdict().model_copy(update={"reviewer": "</SCRIPT >x<!--"})
    claims = [claims[0].model_copy(update={"verdict": evil}), claims[1]]
    result = write_release([art], claims, tmp_path, "t", "1.0.0", released=date(2024, 4, 4))

    for name in ("claimreview.jsonld", "croissant.json"):
        text = (result.path / name).read_text(encoding="utf-8")
        assert "<" not in text, name
        json.loads(text)  # still JSON, and the escape decodes to the same characters
    doc = json.loads((result.path / "claimreview.jsonld").read_text(encoding="utf-8"))
    assert doc["@graph"][0]["itemReviewed"]["appearance"]["headline"] == art.title
    assert validate_release(result.path).ok


# --- 11. CSV neutralisation is exactly reversible -------------------------------------------

@pytest.mark.parametrize("value", ["'-5 derajat", "''", "'", "'=1+1", "-5 derajat", "=SUM(A1)",
                                   "@x", "\tx", "+62 21", "biasa", "", "''quoted''"])
def test_neutralisation_round_trips_exactly(value):
    assert unneutralise(neutralise(value)) == value


def test_leading_apostrophe_survives_a_release_and_is_compared_with_the_jsonl(tmp_path):
    text = "'-5 derajat' kata BMKG tentang suhu di puncak pada 2024.\n"
    art = article(text=text)
    from _release_fixtures import claim

    c = claim(art, "'-5 derajat' kata BMKG tentang suhu di puncak pada 2024")
    result = write_release([art], [c], tmp_path, "t", "1.0.0", released=date(2024, 4, 4))

    assert read_claims_csv(result.path / "claims.csv")[0]["text"] == c.text
    assert validate_release(result.path).ok
    # A reader that strips only "formula" apostrophes would lose this one; validate notices.
    shutil.copy(result.path / "claims.csv", tmp_path / "orig.csv")
    _rewrite_csv(result.path / "claims.csv", lambda rows: rows[1].__setitem__(
        rows[0].index("text"), c.text))  # the old, ambiguous way of writing it
    write_manifest(result.path)
    problems = _problems(validate_release(result.path))
    assert any(p.startswith("claims.csv") and ": text:" in p for p in problems), problems


def test_raw_formula_in_a_lone_claims_csv_is_reported(tmp_path):
    result = make_release(tmp_path / "r")
    lone = tmp_path / "claims.csv"
    shutil.copy(result.path / "claims.csv", lone)
    _rewrite_csv(lone, lambda rows: rows[1].__setitem__(rows[0].index("text"), "@SUM(1+1)*cmd"))

    from klaim.dataset.validate import validate_file

    problems = _problems(validate_file(lone))
    assert any(p.startswith("claims.csv: record row 1: text:") and "not neutralised" in p
               for p in problems), problems


def test_ragged_claims_csv_is_a_problem_not_a_crash(tmp_path):
    def edit(root):
        with open(root / "claims.csv", "a", encoding="utf-8") as fh:
            fh.write('a,"b",c,"d\r\nx,y\r\n')

    problems = _tampered(tmp_path, edit)
    assert any(p.startswith(("claims.csv: record (file): (csv): not readable CSV",
                             "claims.csv: record (file): (rows)")) for p in problems), problems


def test_index_temporaries_of_a_killed_build_are_removed(tmp_path):
    make_release(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    debris = tmp_path / "t" / f".versions.json.{dead}.tmp"
    debris.write_text("{half")
    mine = tmp_path / "t" / f".CHANGELOG.md.{os.getpid()}.tmp"  # a live process's: kept
    mine.write_text("in progress")
    make_release(tmp_path)
    assert not debris.exists() and mine.exists()
