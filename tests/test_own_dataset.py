"""A dataset of one's own (issue 14): settings per dataset, inputs as they come, a CLI that
behaves like one. The whole path in one go is in test_new_user_path.py."""

from __future__ import annotations

import json
import shutil
import tomllib
import warnings
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _release_fixtures import make_release, sample
from _seed_claims import ROOT
from klaim.articles import read_articles
from klaim.cli import app
from klaim.dataset.release import ReleasePolicy, write_release
from klaim.dataset.settings import (
    DatasetSettings,
    license_label,
    license_url,
    load_settings,
    normalise_license,
)
from klaim.errors import InputError, InputWarning, ReleaseError, SchemaError
from klaim.schema import Article, published_day

DATA = Path(__file__).parent / "data" / "own_dataset"
runner = CliRunner()


def _ok(result) -> None:
    assert result.exit_code == 0, result.output + result.stderr


def _one_clean_error(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output + result.stderr
    return result.stderr


# --- settings belong to a dataset ----------------------------------------------------------

def test_init_scaffolds_a_dataset_whose_settings_load(tmp_path):
    _ok(runner.invoke(app, ["init", str(tmp_path / "mine"), "--license", "cc-by-sa-4.0"]))
    s = load_settings(tmp_path / "mine")
    assert (s.name, s.version, s.license) == ("mine", "1.0.0", "CC-BY-SA-4.0")
    assert (tmp_path / "mine" / "articles").is_dir() and (tmp_path / "mine" / "curation").is_dir()
    again = runner.invoke(app, ["init", str(tmp_path / "mine")])
    assert "--force" in _one_clean_error(again)


def test_init_refuses_a_licence_that_is_not_spdx(tmp_path):
    result = runner.invoke(app, ["init", str(tmp_path / "x"), "--license", "CC-BY-40"])
    assert "not an SPDX licence identifier" in _one_clean_error(result)
    assert not (tmp_path / "x" / "klaim.toml").exists()


def test_a_bad_settings_file_is_reported_by_field(tmp_path):
    (tmp_path / "klaim.toml").write_text('name = "Bad Name"\nversion = "1.0"\nlicense = "nope"\n')
    with pytest.raises(SchemaError) as info:
        load_settings(tmp_path)
    assert {p.field for p in info.value.report.problems} == {"name", "version", "license"}
    result = runner.invoke(app, ["build", str(tmp_path)])
    assert "license" in _one_clean_error(result)


@pytest.mark.parametrize(("spdx", "label", "url"), [
    ("CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ("CC-BY-SA-4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("CC0-1.0", "CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    ("MIT", "MIT", "https://spdx.org/licenses/MIT.html"),
])
def test_licences_are_named_and_linked(spdx, label, url):
    assert normalise_license(spdx.lower()) == spdx
    assert (license_label(spdx), license_url(spdx)) == (label, url)


def test_the_seed_is_a_dataset_with_its_own_settings():
    s = load_settings(ROOT / "seeds")
    assert (s.name, s.license) == ("klaim-seed", "CC-BY-4.0")
    assert "seed article" in (s.limitations or "")
    for module in ("card", "croissant"):
        code = (ROOT / "src" / "klaim" / "dataset" / f"{module}.py").read_text(encoding="utf-8")
        assert "seed article" not in code and "cc-by-4.0" not in code.lower()


@pytest.mark.slow
def test_building_the_seed_again_gives_the_committed_card_prose_and_licence(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    settings = tomllib.loads((ROOT / "seeds" / "klaim.toml").read_text(encoding="utf-8"))
    version = settings["version"]  # the seed's current version, which CI's `klaim build` checks
    committed = ROOT / "data" / "klaim-seed" / f"v{version}"
    released = json.loads((committed / "release.json").read_text())["released"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(date.fromisoformat(released).strftime("%s")) + 43200))
    _ok(runner.invoke(app, ["build", "-o", str(tmp_path)]))
    built = tmp_path / "klaim-seed" / f"v{version}"

    def body(p: Path) -> str:  # the card's prose; its YAML header lists the (grown) features
        return " ".join(p.read_text(encoding="utf-8").split("\n---\n", 1)[1].split())

    # The prose that is the dataset's own (its settings and notes file) comes out as released;
    # the card's generic sections follow the card code, which may change between releases.
    notes = (ROOT / "seeds" / settings["card_notes"]).resolve().read_text(encoding="utf-8")
    own = [settings["limitations"], settings["curated_by"], notes.split("\n", 1)[1][:400]]
    for prose in own:
        assert " ".join(prose.split()) in body(built / "README.md")
        assert " ".join(prose.split()) in body(committed / "README.md")
    assert "license: cc-by-4.0" in (built / "README.md").read_text()
    for name in ("release.json", "claims.jsonl", "claims.csv", "figures.csv", "claimreview.jsonld"):
        assert (built / name).read_bytes() == (committed / name).read_bytes(), name
    croissant = [json.loads((d / "croissant.json").read_text()) for d in (built, committed)]
    assert croissant[0]["license"] == croissant[1]["license"]
    again = runner.invoke(app, ["build"])  # the committed release, as CI builds it
    _ok(again)
    assert f"already released with identical content: klaim-seed v{version}" in again.output


def test_a_bare_build_without_a_dataset_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "klaim init" in _one_clean_error(runner.invoke(app, ["build"]))


def test_a_folder_without_settings_does_not_inherit_the_seeds(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # where pyproject.toml names the seed
    shutil.copytree(DATA / "folder", tmp_path / "mine")
    _ok(runner.invoke(app, ["build", "--seeds", str(tmp_path / "mine"), "-o", str(tmp_path / "out")]))
    release = tmp_path / "out" / "mine" / "v0.1.0"
    card = (release / "README.md").read_text(encoding="utf-8")
    assert "seed article" not in card and "klaim maintainers" not in card
    assert "license: unknown" in card
    assert not (tmp_path / "out" / "klaim-seed").exists()


def test_a_release_that_removes_claims_needs_consent_and_a_minor_version(tmp_path):
    articles, claims = sample()
    make_release(tmp_path, "1.0.0", articles=articles, claims=claims)
    fewer = claims[:-1]
    with pytest.raises(ReleaseError, match=r"--allow-removal"):
        write_release(articles, fewer, tmp_path, "t", "1.0.1")
    with pytest.raises(ReleaseError, match=r"minor or major version"):
        write_release(articles, fewer, tmp_path, "t", "1.0.1", policy=ReleasePolicy(allow_removal=True))
    done = write_release(articles, fewer, tmp_path, "t", "1.1.0", policy=ReleasePolicy(allow_removal=True))
    assert done.status == "written" and done.counts["claims"] == len(fewer)


def test_an_empty_or_unchanged_release_needs_consent(tmp_path):
    articles, claims = sample()
    with pytest.raises(ReleaseError, match=r"--allow-empty"):
        write_release(articles, [], tmp_path, "t", "1.0.0")
    make_release(tmp_path, "1.0.0", articles=articles, claims=claims)
    with pytest.raises(ReleaseError, match=r"same content as v1.0.0"):
        write_release(articles, claims, tmp_path, "t", "1.0.1")
    assert write_release(articles, claims, tmp_path, "t", "1.0.1",
                         policy=ReleasePolicy(allow_unchanged=True)).status == "written"


# --- inputs as they come ------------------------------------------------------------------

@pytest.mark.parametrize(("given", "day", "stamp"), [
    ("2025-10-22T07:44", date(2025, 10, 22), "2025-10-22T07:44:00"),
    ("2025-10-22T07:44:00+07:00", date(2025, 10, 22), "2025-10-22T07:44:00+07:00"),
    ("Tue, 21 Oct 2025 23:30:00 -0400", date(2025, 10, 21), "2025-10-21T23:30:00-04:00"),
    ("2025-10-22", date(2025, 10, 22), None),
])
def test_timestamps_are_kept_and_give_the_local_day(given, day, stamp):
    art = Article(id="a", lang="id", published=given, text="Harga naik kemarin.")
    assert (art.published, art.published_at) == (day, stamp)
    assert published_day(given) == day


def test_relative_dates_resolve_the_same_in_the_api_and_the_corpus_path(tmp_path):
    from klaim import extract
    from klaim.corpus import build_corpus

    text = "Harga beras naik 5 persen kemarin, kata pejabat itu."
    stamp = "Wed, 22 Oct 2025 09:30:00 +0700"
    [api] = [f for c in extract(text, lang="id", published=stamp, article_id="a")
             for f in c.figures if f.kind.value == "date"]
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": text, "published": stamp, "desk": "x"}) + "\n")
    result = build_corpus(src, tmp_path / "out")
    assert result.ok and result.articles == 1
    import pyarrow.parquet as pq

    rows = pq.read_table(tmp_path / "out" / result.shards[0].file).to_pylist()
    corpus_dates = [f["iso"] for r in rows for f in r["figures"] if f["kind"] == "date"]
    assert api.iso == "2025-10-21" and corpus_dates == [api.iso]


def test_extra_fields_become_metadata_with_one_note_and_a_map_renames(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        arts = read_articles(DATA / "jsonl" / "feed.jsonl",
                             field_map={"id": "guid", "text": "body", "published": "date"})
    assert [a.article_id for a in arts] == ["kurs-rupiah", "gempa-maluku", "rail-fares"]
    assert arts[0].url == "https://example.org/kurs-rupiah"
    assert {(m.key, m.value) for m in arts[0].metadata} == {("category", "pasar")}
    notes = [str(w.message) for w in caught if w.category is InputWarning]
    assert sum("kept as article metadata" in n for n in notes) == 1
    with pytest.raises(SchemaError):  # without the map the records have no id, text or date
        read_articles(DATA / "jsonl" / "feed.jsonl")


def test_the_field_map_can_live_in_the_settings(tmp_path):
    s = DatasetSettings(name="x", version="1.0.0", map={"published": "date"})
    assert s.map == {"published": "date"}
    with pytest.raises(ValueError, match=r"cannot map to"):
        DatasetSettings(name="x", version="1.0.0", map={"publish": "date"})
    result = runner.invoke(app, ["figures", str(DATA / "jsonl" / "feed.jsonl"), "--map", "published"])
    assert "ARTICLE_FIELD=INPUT_FIELD" in _one_clean_error(result)


def test_csv_and_parquet_tables_of_articles(tmp_path):
    import pandas as pd

    rows = [{"id": "a1", "text": "Harga naik 5 persen.", "lang": "id", "published": "2025-10-22T07:44",
             "section": "ekonomi"},
            {"id": "a2", "text": "Prices rose 5 per cent.", "lang": "en", "published": "2025-10-22",
             "section": "economy"}]
    pd.DataFrame(rows).to_csv(tmp_path / "a.csv", index=False)
    pd.DataFrame(rows).to_parquet(tmp_path / "b.parquet")
    for name in ("a.csv", "b.parquet"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", InputWarning)
            arts = read_articles(tmp_path / name)
        assert [(a.article_id, a.published_at) for a in arts] == [("a1", "2025-10-22T07:44:00"),
                                                                  ("a2", None)]
        assert arts[1].metadata[0].value == "economy"


def test_html_and_warc_keep_the_extracted_text_url_and_crawl_date():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        arts = {a.url or a.article_id: a for a in read_articles(DATA / "web")}
    page, padi, bridge = arts["page"], arts["https://example.org/padi"], arts["https://example.org/bridge"]
    assert page.text == padi.text and "55,6 juta ton" in page.text and "Beranda" not in page.text
    assert padi.retrieved == "2025-10-21T02:00:00+00:00" and padi.published == date(2025, 10, 20)
    # The bridge page gives no date: the crawl date stands in, and says so.
    assert bridge.published_inferred and "WARC-Date" in bridge.published_note
    assert (padi.lang, bridge.lang) == ("id", "en")


def test_language_is_detected_and_a_contradiction_is_noted(tmp_path):
    (tmp_path / "a.txt").write_text("The government said on Monday that prices rose 5 per cent.")
    (tmp_path / "a.meta.yaml").write_text("id: a\nlang: id\npublished: 2025-10-22\n")
    (tmp_path / "b.txt").write_text("Pemerintah mengatakan harga naik 5 persen pada hari Senin.")
    (tmp_path / "b.meta.yaml").write_text("id: b\npublished: 2025-10-22\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        arts = read_articles(tmp_path)
    assert arts[1].lang == "id"
    notes = " ".join(str(w.message) for w in caught)
    assert "lang is 'id' but the text reads as 'en'" in notes and "detected for 1 article" in notes


def test_an_article_in_a_language_without_tables_is_noted_once_per_language(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Der Bundeskanzler sagte am Montag, die Regierung werde "
                                              "fünf Milliarden Euro für die Bahn bereitstellen.")
        (tmp_path / f"{name}.meta.yaml").write_text(f"id: {name}\npublished: 2025-10-22\n")
    (tmp_path / "c.txt").write_text("Pemerintah mengatakan harga naik 5 persen pada hari Senin.")
    (tmp_path / "c.meta.yaml").write_text("id: c\npublished: 2025-10-22\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        arts = read_articles(tmp_path)
    assert len(arts) == 3, "nothing is dropped: the user decides"
    notes = [str(w.message) for w in caught if "no tables" in str(w.message)]
    assert len(notes) == 1 and "2 article(s) in 'de'" in notes[0] and "'en' rules" in notes[0], notes


def test_the_error_summary_counts_records_and_problems(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text("".join(json.dumps({"id": f"x y {i}", "lang": "xyz", "text": "t",
                                       "published": "kemarin"}) + "\n" for i in range(2)))
    result = runner.invoke(app, ["build", "--seeds", str(src), "-o", str(tmp_path / "o")])
    assert "6 problem(s) in 2 record(s)" in _one_clean_error(result)


# --- a CLI that behaves like one ------------------------------------------------------------

def test_version_and_short_help():
    from klaim import __version__

    result = runner.invoke(app, ["--version"])
    _ok(result)
    assert result.output.startswith(f"klaim {__version__}")
    assert "Usage" in runner.invoke(app, ["extract", "-h"]).output


def test_format_is_validated_and_offers_csv_and_json(tmp_path):
    txt = str(ROOT / "seeds" / "000_4081d66b315ef270.txt")
    bad = runner.invoke(app, ["figures", txt, "--format", "tabel"])
    assert bad.exit_code == 2 and "tabel" in bad.stderr
    as_json = runner.invoke(app, ["figures", txt, "--format", "json"])
    _ok(as_json)
    figures = json.loads(as_json.stdout)
    out = tmp_path / "f.csv"
    _ok(runner.invoke(app, ["figures", txt, "--format", "csv", "-o", str(out)]))
    import pandas as pd

    table = pd.read_csv(out, dtype=str)
    assert len(table) == len(figures) > 10 and list(table["surface"]) == [f["surface"] for f in figures]


def test_extract_takes_a_folder_and_reads_the_metadata_beside_each_text():
    result = runner.invoke(app, ["extract", str(DATA / "folder"), "--format", "jsonl"])
    _ok(result)
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert {c["article_id"] for c in claims} == {p.stem for p in (DATA / "folder").glob("*.txt")}
    single = runner.invoke(app, ["extract", str(DATA / "folder" / "vaksin-polio.txt")])
    _ok(single)
    [kemarin] = [f for line in single.stdout.splitlines() for f in json.loads(line)["figures"]
                 if f["surface"] == "Kemarin"]
    assert kemarin["iso"] == "2025-10-22"  # from `published` in vaksin-polio.meta.yaml


def test_the_old_option_names_still_work():
    txt = str(ROOT / "seeds" / "000_4081d66b315ef270.txt")
    old = runner.invoke(app, ["figures", txt, "--date", "2024-04-04", "--table"])
    new = runner.invoke(app, ["figures", txt, "--published", "2024-04-04", "--format", "table"])
    _ok(old)
    assert old.stdout == new.stdout and "deprecated" in old.stderr


def test_validate_knows_figures_and_counts_what_is_in_the_file(tmp_path):
    release = ROOT / "data" / "klaim-seed" / "v1.0.1"
    result = runner.invoke(app, ["validate", str(release / "figures.csv")])
    _ok(result)
    lines = len((release / "figures.csv").read_text(encoding="utf-8-sig").splitlines()) - 1
    assert f"ok: {lines} record(s) valid" in result.output
    claims = runner.invoke(app, ["validate", str(release / "claims.jsonl")])
    n = len((release / "claims.jsonl").read_text().splitlines())
    assert f"ok: {n} record(s) valid" in claims.output
    figures = runner.invoke(app, ["figures", str(ROOT / "seeds" / "000_4081d66b315ef270.txt")]).stdout
    piped = runner.invoke(app, ["validate", "-"], input=figures)
    _ok(piped)
    assert f"ok: {len(figures.splitlines())} record(s) valid in -" in piped.output


def test_validate_max_errors_and_json(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(json.dumps({"start": 5, "end": 1, "surface": "x", "kind": "nope"}) + "\n"
                           for _ in range(4)))
    limited = runner.invoke(app, ["validate", str(bad), "--max-errors", "2"])
    assert limited.exit_code == 1
    assert limited.stderr.count("error ") == 2 and "more problem(s) not shown" in limited.stderr
    as_json = runner.invoke(app, ["validate", str(bad), "--json"])
    assert as_json.exit_code == 1
    doc = json.loads(as_json.stdout)
    assert doc["checked"] == 4 and not doc["ok"] and len(doc["problems"]) >= 4


def test_diff_exits_1_on_differences_and_puts_review_stamps_apart():
    old, new = (str(ROOT / "data" / "klaim-seed" / v) for v in ("v1.0.0", "v1.0.1"))
    result = runner.invoke(app, ["diff", old, new, "--json"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    stamped = set(doc["stamp_only"])
    assert stamped and stamped < {c["claim_id"] for c in doc["changed"]}
    text = runner.invoke(app, ["diff", old, new]).output
    assert "review stamp only" in text
    assert runner.invoke(app, ["diff", new, new]).exit_code == 0


def test_review_works_on_a_built_release(tmp_path):
    release = ROOT / "data" / "klaim-seed" / "v1.0.1"
    _ok(runner.invoke(app, ["review", "--release", str(release), "--all", "-o", str(tmp_path)]))
    page = next((tmp_path / "articles").glob("*.html")).read_text(encoding="utf-8")
    assert "Antony Blinken mengutip" in page  # a claim added in review exists only in the release


def test_evaluate_figures_refuses_a_gold_file_without_text():
    result = runner.invoke(app, ["evaluate", "figures", str(ROOT / "tests/data/figures/seed_gold.jsonl")])
    assert "seed_spans.jsonl" in _one_clean_error(result)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "klaim evaluate figures tests/data/figures/seed_gold.jsonl" not in readme


def test_problems_never_come_as_a_traceback_for_a_missing_input(tmp_path):
    for args in (["extract", str(tmp_path / "nope")], ["figures", str(tmp_path)],
                 ["validate", str(tmp_path / "nope.jsonl")], ["build", str(tmp_path / "nope")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1 and "Traceback" not in result.stderr, args
        assert isinstance(result.exception, SystemExit), args


def test_an_unreadable_publication_date_is_an_input_error_everywhere():
    from klaim import extract, find_figures

    for call in (lambda: published_day("next week"),
                 lambda: extract("Harga naik.", published="next week"),
                 lambda: find_figures("Harga naik kemarin.", reference_date="next week")):
        with pytest.raises(InputError, match=r"next week"):
            call()


def test_plain_text_gets_its_language_detected_or_a_note_when_told_otherwise():
    text = "The finance ministry said on Monday that spending rose 12 per cent to $4.5 billion."
    detected = runner.invoke(app, ["extract", "-"], input=text)
    _ok(detected)
    assert {json.loads(line)["lang"] for line in detected.stdout.splitlines()} == {"en"}
    told = runner.invoke(app, ["extract", "-", "--lang", "id"], input=text)
    _ok(told)
    assert "lang is 'id' but the text reads as 'en'" in told.stderr
