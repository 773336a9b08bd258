"""Every ``klaim`` command and subcommand run as a user runs it (typer's runner), on a two-article
dataset made here: exit codes, and what the output says."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from klaim.cli import app

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "own_dataset" / "folder"
FEED = ROOT / "tests" / "data" / "own_dataset" / "jsonl" / "feed.jsonl"
STORIES = ("harga-beras", "port-strike")  # one Indonesian, one English article
runner = CliRunner()


def run(*args: object, code: int = 0, stdin: str | None = None) -> Result:
    result = runner.invoke(app, [str(a) for a in args], input=stdin)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == code, f"{args} exited {result.exit_code}: {result.output}"
    return result


@pytest.fixture(scope="module", autouse=True)
def wide_terminal():
    """A terminal wide enough that rich does not wrap long paths in messages."""
    from klaim import cli

    cli.out.width = cli.err.width = 250
    yield
    cli.out._width = cli.err._width = None  # back to the terminal's own width


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``klaim init`` + two articles + ``klaim build``: the dataset and its v1.0.0."""
    folder = tmp_path_factory.mktemp("cli") / "desk"
    run("init", folder, "--license", "CC0-1.0", "--description", "Two short stories.",
        "--curated-by", "Desk QA")
    for story in STORIES:
        for suffix in (".txt", ".meta.yaml"):
            shutil.copy(ARTICLES / f"{story}{suffix}", folder / "articles")
    built = run("build", folder)
    assert f"released desk v1.0.0 → {folder / 'releases' / 'desk' / 'v1.0.0'}" in built.stdout
    return folder


def release(folder: Path, version: str = "1.0.0") -> Path:
    return folder / "releases" / folder.name / f"v{version}"


def copy_of(desk: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(desk, tmp_path / "desk"))


# ---------------------------------------------------------------------------------------------
# init, build


def test_version_names_extractor_and_schema() -> None:
    assert re.fullmatch(r"klaim \S+ \(extractor \S+, schema \S+\)\n", run("--version").stdout)


def test_no_arguments_prints_the_commands() -> None:
    result = runner.invoke(app, [])
    assert result.exit_code != 0 and "build" in result.output and "validate" in result.output


def test_init_writes_the_settings_and_refuses_to_overwrite(desk: Path) -> None:
    settings = (desk / "klaim.toml").read_text(encoding="utf-8")
    assert 'name = "desk"' in settings and 'license = "CC0-1.0"' in settings
    assert 'description = "Two short stories."' in settings
    again = run("init", desk, code=1)
    assert again.stderr.startswith("error ") and "klaim.toml" in again.stderr
    assert (desk / "klaim.toml").read_text(encoding="utf-8") == settings
    run("init", desk, "--force", "--license", "MIT")
    assert 'license = "MIT"' in (desk / "klaim.toml").read_text(encoding="utf-8")
    (desk / "klaim.toml").write_text(settings, encoding="utf-8")


def test_build_again_recognises_the_release_and_summarises_it(desk: Path) -> None:
    counts = json.loads((release(desk) / "release.json").read_text(encoding="utf-8"))["counts"]
    again = run("build", desk)
    assert "already released with identical content: desk v1.0.0" in again.stdout
    assert (f"{counts['claims']} claims, {counts['figures']} figures from 2 article(s)"
            in again.stdout)
    for kind, n in counts["figures_per_kind"].items():
        assert re.search(rf"│ {kind}\s+│\s+{n} │", again.stdout), kind


def test_build_refuses_an_output_folder_that_is_a_file(desk: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("", encoding="utf-8")
    result = run("build", desk, "-o", blocker / "out", code=1)
    assert f"--out {blocker / 'out'}: {blocker} is a file, not a folder" in result.stderr


def test_build_without_a_dataset_says_how_to_start(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("build", code=1)
    assert "no dataset here" in result.stderr and "klaim init DIR" in result.stderr


def test_build_a_folder_of_articles_without_settings(desk: Path, tmp_path: Path) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    shutil.copy(FEED, feed)
    result = run("build", "--seeds", feed, "-o", tmp_path / "out", "--version", "0.2.0",
                 "--lang", "id", "--license", "MIT", "--map", "id=guid", "--map", "text=body",
                 "--map", "published=date")
    assert f"released feed v0.2.0 → {tmp_path / 'out' / 'feed' / 'v0.2.0'}" in result.stdout
    rel = tmp_path / "out" / "feed" / "v0.2.0"
    assert "\nlicense: mit\n" in (rel / "README.md").read_text(encoding="utf-8")
    info = json.loads((rel / "release.json").read_text(encoding="utf-8"))
    assert info["counts"]["articles"] == len(FEED.read_text(encoding="utf-8").splitlines())


def test_build_reports_every_problem_of_a_curation_file(desk: Path, tmp_path: Path) -> None:
    d = copy_of(desk, tmp_path)
    (d / "curation" / "harga-beras.yaml").write_text(
        "article_id: harga-beras\nclaims:\n  - claim_id: harga-beras:000000000000\n"
        "    colour: red\n", encoding="utf-8")
    result = run("build", d, "--version", "1.0.1", code=1)
    assert "claims[0].colour" in result.stderr and "unknown field" in result.stderr
    assert "problem(s) in 1 record(s); nothing was written." in result.stderr
    assert not release(d, "1.0.1").exists()


# ---------------------------------------------------------------------------------------------
# curation, a patch release, diff


def test_curate_release_a_patch_and_diff(desk: Path, tmp_path: Path) -> None:
    d = copy_of(desk, tmp_path)
    made = run("curation", "init", "harga-beras", "--dataset", d)
    path = d / "curation" / "harga-beras.yaml"
    assert f"wrote {path}" in made.stdout
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    fixed = doc["claims"][0]["claim_id"]
    path.write_text(path.read_text(encoding="utf-8").replace(
        "status: pending", "status: accept\n    modality: hedged", 1), encoding="utf-8")
    assert "already exists" in run("curation", "init", "harga-beras", "--dataset", d,
                                   code=1).stderr
    assert "no article 'nope'" in run("curation", "init", "nope", "--dataset", d, code=1).stderr

    built = run("build", d, "--version", "1.0.1", "--changes", "Reviewed the rice story.")
    assert "released desk v1.0.1" in built.stdout
    old, new = release(d), release(d, "1.0.1")
    assert fixed in run("diff", old, new, code=1).stdout
    as_json = json.loads(run("diff", old, new, "--json", code=1).stdout)
    assert [c["claim_id"] for c in as_json["changed"]] == [fixed]
    assert as_json["changed"][0]["fields"]["modality"]["new"] == "hedged"
    assert as_json["added"] == as_json["removed"] == []
    run("diff", old, new, "-o", tmp_path / "diff.txt", code=1)
    assert fixed in (tmp_path / "diff.txt").read_text(encoding="utf-8")
    same = run("diff", old, old)
    assert fixed not in same.stdout
    assert "Reviewed the rice story." in (d / "releases" / "desk" / "CHANGELOG.md").read_text(
        encoding="utf-8")
    assert "error" in run("diff", old, tmp_path / "missing", code=1).stderr


# ---------------------------------------------------------------------------------------------
# validate


def test_validate_a_release_a_file_and_stdin(desk: Path) -> None:
    rel = release(desk)
    claims = (rel / "claims.jsonl").read_text(encoding="utf-8")
    n = len(claims.splitlines())
    whole = run("validate", rel)
    assert whole.stdout.startswith("ok: ") and f"in {rel}" in whole.stdout
    assert f"claims.jsonl: {n}" in whole.stdout
    assert f"ok: {n} record(s) valid in {rel / 'claims.jsonl'}" in run(
        "validate", rel / "claims.jsonl").stdout
    assert f"ok: {n} record(s) valid in -" in run("validate", "-", stdin=claims).stdout


def test_validate_reports_every_problem_and_caps_what_it_prints(desk: Path,
                                                                 tmp_path: Path) -> None:
    rows = jsonl((release(desk) / "claims.jsonl").read_text(encoding="utf-8"))[:3]
    for r in rows:
        r["claim_type"] = "gossip"
    bad = tmp_path / "claims.jsonl"
    bad.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    capped = run("validate", bad, "--max-errors", "1", code=1)
    errors = [line for line in capped.stderr.splitlines() if line.startswith("error ")]
    assert len(errors) == 1 and "claim_type" in errors[0] and str(bad) in errors[0]
    assert "… 2 more problem(s) not shown (--max-errors 1)" in capped.stderr
    assert "3 problem(s) in 3 of 3 record(s)." in capped.stderr
    report = json.loads(run("validate", bad, "--json", code=1).stdout)
    assert report["ok"] is False and report["checked"] == 3
    assert [p["field"] for p in report["problems"]] == ["claim_type"] * 3
    run("validate", bad, "--json", "-o", tmp_path / "report.json", code=1)
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8")) == report
    good = json.loads(run("validate", release(desk), "--json").stdout)
    assert good["ok"] is True and good["problems"] == []
    assert run("validate", tmp_path / "nothing.jsonl", code=1).stderr.startswith("error ")


# ---------------------------------------------------------------------------------------------
# figures, extract


def _text(story: str) -> str:
    return (ARTICLES / f"{story}.txt").read_text(encoding="utf-8")


def test_figures_in_every_format_agree(tmp_path: Path) -> None:
    path = ARTICLES / "harga-beras.txt"
    text = _text("harga-beras")
    rows = jsonl(run("figures", path).stdout)  # jsonl by default; lang and date from .meta.yaml
    assert rows and all(text[r["start"]:r["end"]] == r["surface"] for r in rows)
    by_surface = {r["surface"]: r for r in rows}
    assert by_surface["5 persen"]["kind"] == "percent" and by_surface["5 persen"]["value"] == 5
    money = next(r for r in rows if r["surface"].startswith("Rp13.500"))
    assert money["currency"] == "IDR" and money["value"] == 13500
    assert json.loads(run("figures", path, "--format", "json").stdout) == rows
    table = list(csv.DictReader(io.StringIO(run("figures", path, "-f", "CSV").stdout)))
    assert [r["surface"] for r in table] == [r["surface"] for r in rows]
    assert [float(r["value"]) for r in table if r["value"]] == [
        r["value"] for r in rows if "value" in r]
    shown = run("figures", path, "--format", "table").stdout
    assert "percent" in shown and "13,500" in shown and "IDR" in shown
    old = run("figures", path, "--table")
    assert "--table is deprecated" in old.stderr and "percent" in old.stdout
    run("figures", path, "-o", tmp_path / "out" / "figures.jsonl")
    assert jsonl((tmp_path / "out" / "figures.jsonl").read_text(encoding="utf-8")) == rows


def test_figures_of_a_folder_a_feed_and_stdin() -> None:
    rows = jsonl(run("figures", ARTICLES).stdout)
    assert set(STORIES) <= {r["article_id"] for r in rows}
    feed = jsonl(run("figures", FEED, "--lang", "id", "--map", "id=guid", "--map", "text=body",
                     "--map", "published=date").stdout)
    assert "kurs-rupiah" in {r["article_id"] for r in feed}
    piped = jsonl(run("figures", "-", "--lang", "en", stdin=_text("port-strike")).stdout)
    assert "article_id" not in piped[0]
    assert any(r["surface"] == "$120 million" and r["value"] == 1.2e8 for r in piped)
    shown = run("figures", ARTICLES, "--format", "table").stdout
    assert "article" in shown and "harga-beras" in shown


def test_extract_claims_in_every_format(tmp_path: Path) -> None:
    path = ARTICLES / "harga-beras.txt"
    text = _text("harga-beras")
    claims = jsonl(run("extract", path).stdout)
    assert claims and all(c["article_id"] == "harga-beras" for c in claims)
    assert all(text[c["start"]:c["end"]] == c["surface"] for c in claims)
    assert json.loads(run("extract", path, "--format", "json").stdout) == claims
    rows = list(csv.DictReader(io.StringIO(run("extract", path, "--format", "csv").stdout)))
    assert [r["claim_id"] for r in rows] == [c["claim_id"] for c in claims]
    assert json.loads(rows[0]["speaker"]) == claims[0]["speaker"]  # nested cells are JSON
    shown = run("extract", path, "--format", "table").stdout
    assert claims[0]["claim_type"] in shown and f"{claims[0]['start']}-{claims[0]['end']}" in shown
    run("extract", ARTICLES, "--format", "jsonl", "-o", tmp_path / "claims.jsonl")
    assert {p.stem for p in ARTICLES.glob("*.txt")} == {c["article_id"] for c in jsonl(
        (tmp_path / "claims.jsonl").read_text(encoding="utf-8"))}


def test_extract_from_stdin_with_its_own_id_date_and_language() -> None:
    text = _text("port-strike")
    claims = jsonl(run("extract", "-", "--lang", "en", "--published", "2025-10-21",
                       "--article-id", "strike", stdin=text).stdout)
    assert claims and all(c["claim_id"].startswith("strike:") for c in claims)
    assert all(c["lang"] == "en" for c in claims)
    detected = jsonl(run("extract", "-", stdin=text).stdout)
    assert [c["lang"] for c in detected] == ["en"] * len(detected)
    wrong = run("extract", "-", "--lang", "id", stdin=text)
    assert "note: -: " in wrong.stderr
    bad_date = run("extract", "-", "--published", "yesterday-ish", stdin=text, code=1)
    assert bad_date.stderr.startswith("error ") and "yesterday-ish" in bad_date.stderr
    assert "input is empty" in run("extract", "-", stdin="", code=1).stderr


def test_extract_notes_text_in_a_language_without_tables() -> None:
    german = "Der Bundeskanzler sagte am Montag, die Regierung werde fünf Milliarden Euro bereitstellen."
    noted = run("extract", "-", stdin=german)
    assert "reads as 'de'" in noted.stderr and "no tables" in noted.stderr and "'en' rules" in noted.stderr
    assert jsonl(noted.stdout), "the text is still read, with the closest rules"
    indonesian = "Pemerintah mengatakan harga beras naik 5 persen pada hari Senin karena panen gagal di Jawa."
    assert "no tables" not in run("extract", "-", stdin=indonesian).stderr


# ---------------------------------------------------------------------------------------------
# schema, review, Label Studio, publish


def test_schema_writes_and_checks(tmp_path: Path) -> None:
    assert "is up to date" in run("schema", "--check", "-o", ROOT / "schema").stdout
    written = run("schema", "-o", tmp_path).stdout.splitlines()
    files = sorted(tmp_path.glob("*.json"))
    assert files and sorted(written) == sorted(f"wrote {p}" for p in files)
    assert run("schema", "--check", "-o", tmp_path).stdout == f"ok: {tmp_path} is up to date\n"
    files[0].write_text("{}", encoding="utf-8")
    stale = run("schema", "--check", "-o", tmp_path, code=1)
    assert f"stale schema files (run `klaim schema`): {files[0].name}" in stale.stderr


def test_review_pages_from_the_articles_or_a_release(desk: Path, tmp_path: Path) -> None:
    pages = run("review", "--dataset", desk, "--all", "-o", tmp_path / "all")
    assert f"open {tmp_path / 'all' / 'index.html'}" in pages.stdout
    html = sorted(p.name for p in (tmp_path / "all").rglob("*.html"))
    assert f"wrote {len(html)} page(s)" in pages.stdout
    assert html == sorted(["index.html", *(f"{s}.html" for s in STORIES)])
    one = run("review", "port-strike", "--release", release(desk), "-o", tmp_path / "one")
    assert "open" in one.stdout
    assert sorted(p.name for p in (tmp_path / "one").rglob("*.html")) == [
        "index.html", "port-strike.html"]
    neither = run("review", "--dataset", desk, code=1)
    assert "name an ARTICLE_ID or pass --all" in neither.stderr


def test_label_studio_round_trip(desk: Path, tmp_path: Path) -> None:
    tasks_file = tmp_path / "ls" / "tasks.json"
    exported = run("labelstudio", "export", "--dataset", desk, "-o", tasks_file)
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    assert f"wrote {len(tasks)} task(s) to {tasks_file}" in exported.stdout and len(tasks) == 2
    assert tasks_file.with_suffix(".xml").read_text(encoding="utf-8").startswith("<View")
    for i, t in enumerate(tasks, 1):  # an annotator who submits every prediction unchanged
        t["id"] = i
        t["annotations"] = [{"id": 100 + i, "result": t["predictions"][0]["result"],
                             "was_cancelled": False, "completed_by": {"id": 7},
                             "created_at": "2025-10-22T09:00:00Z",
                             "updated_at": "2025-10-22T09:30:00Z"}]
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks), encoding="utf-8")
    cur = tmp_path / "curation"
    imported = run("labelstudio", "import", export, "--dataset", desk, "--folder", cur,
                   "--reviewer-map", "7=rina@desk.example")
    written = sorted(cur.glob("*.yaml"))
    assert [f"wrote {p}" for p in written] == imported.stdout.splitlines()
    assert {p.stem for p in written} == set(STORIES)
    released = jsonl((release(desk) / "claims.jsonl").read_text(encoding="utf-8"))
    for p in written:  # every claim kept, as the annotator left it
        doc = yaml.safe_load(p.read_text(encoding="utf-8"))
        assert [d["claim_id"] for d in doc["claims"]] == [
            c["claim_id"] for c in released if c["article_id"] == p.stem]
    export.write_text("[{not json", encoding="utf-8")
    broken = run("labelstudio", "import", export, "--dataset", desk, "--folder", cur, code=1)
    assert f"{export}: not JSON" in broken.stderr


def test_publish_dry_run_lists_the_upload(desk: Path) -> None:
    rel = release(desk)
    plan = run("publish", rel, "--repo-id", "desk-org/desk", "--dry-run").stdout
    files = sorted(p for p in rel.rglob("*") if p.is_file())
    assert plan.startswith(f"dry run: would upload desk v1.0.0 ({len(files)} files")
    assert "to dataset desk-org/desk at tag v1.0.0" in plan
    assert all(p.relative_to(rel).as_posix() in plan for p in files)
    bad = run("publish", rel, "--repo-id", "no-slash", "--dry-run", code=1)
    assert "is not ORG/NAME" in bad.stderr


# ---------------------------------------------------------------------------------------------
# evaluate


def test_evaluate_figures_on_a_small_gold_file(tmp_path: Path) -> None:
    text = "Harga beras naik 5 persen menjadi Rp13.500 per kilogram."
    spans = [{"start": text.index("5 persen"), "end": text.index("5 persen") + 8,
              "label": "percent", "value": 5},
             {"start": text.index("Rp13.500"), "end": text.index("Rp13.500") + 8,
              "label": "money", "value": 99}]  # a wrong value: value accuracy must show it
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "r1", "lang": "id", "text": text, "spans": spans}) + "\n",
                    encoding="utf-8")
    report = json.loads(run("evaluate", "figures", gold, "--convention", "klaim", "--json").stdout)
    assert report["convention"] == "klaim" and report["records"] == 1
    rows = {r["label"]: r for r in report["rows"]}
    assert rows["percent"]["recall_overlap"] == 1.0 and rows["percent"]["value_accuracy"] == 1.0
    assert rows["money"]["recall_overlap"] == 1.0 and rows["money"]["value_accuracy"] == 0.0
    shown = run("evaluate", "figures", gold, "--convention", "klaim", "-o", tmp_path / "r.txt")
    assert f"wrote {tmp_path / 'r.txt'}" in shown.stderr
    assert "convention=klaim" in (tmp_path / "r.txt").read_text(encoding="utf-8")
    unknown = run("evaluate", "figures", gold, "--convention", "nope", code=1)
    assert unknown.stderr.startswith("error ")


def test_evaluate_claims_on_a_small_gold_file(tmp_path: Path) -> None:
    text = _text("port-strike")
    (tmp_path / "strike.txt").write_text(text, encoding="utf-8")
    first = text.splitlines()[0]
    head = {"article": {"path": "strike.txt", "lang": "en", "published": "2025-10-21",
                        "id": "strike"}}
    claim = {"start": 0, "end": len(first) - 1, "surface": first[:-1], "text": first,
             "claim_type": "numerical", "speaker": {"kind": "organisation", "name": "the union"},
             "modality": "asserted"}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(head) + "\n" + json.dumps(claim) + "\n", encoding="utf-8")
    report = json.loads(run("evaluate", "claims", gold, "--json").stdout)
    predicted = jsonl(run("extract", tmp_path / "strike.txt", "--lang", "en",
                          "--article-id", "strike", "--published", "2025-10-21").stdout)
    assert report["gold"] == 1 and report["predicted"] == len(predicted)
    assert 0 <= report["recall"] <= 1
    assert "recall" in run("evaluate", "claims", gold).stdout.lower()
    gold.write_text("{not json\n", encoding="utf-8")
    assert run("evaluate", "claims", gold, code=1).stderr.startswith("error ")


# ---------------------------------------------------------------------------------------------
# build --corpus


def test_corpus_build_reports_shards_and_invalid_records(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": s, "text": _text(s), "lang": "id" if s == "harga-beras" else "en",
                "published": "2025-10-21"} for s in STORIES]
    records.append({"id": "empty", "lang": "en", "published": "2025-10-21"})
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", "--corpus", corpus, "-o", out, "--shard-size", "10", code=1)
    assert re.search(r"^2 articles → \d+ claims in 1 shard\(s\) at ", result.stdout, re.MULTILINE)
    assert "(1 written, 0 resumed;" in result.stdout
    assert "invalid " in result.stderr and "text" in result.stderr
    assert f"1 invalid record(s) with 1 problem(s) skipped; all are listed in {out / 'manifest.json'}" \
        in result.stderr
    again = run("build", "--corpus", corpus, "-o", out, "--shard-size", "10", code=1)
    assert "(0 written, 1 resumed;" in again.stdout
    for option, value, says in (("--workers", "0", "--workers must be at least 1"),
                                ("--article-timeout", "0", "--article-timeout must be positive"),
                                ("--scheduler", "tcp://", "is not a scheduler address")):
        bad = run("build", "--corpus", corpus, "-o", tmp_path / "x", option, value, code=1)
        assert says in bad.stderr
