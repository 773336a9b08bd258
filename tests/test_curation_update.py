"""`klaim curation update`: decisions whose claim a new extractor drew differently follow it to
its successor; what cannot follow is reported, never lost."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from typer.testing import CliRunner

from _claim_fixtures import news_article, news_claims
from klaim.dataset.curation import apply_curation
from klaim.dataset.curation_update import old_spans, update_curation, update_curation_text
from klaim.schema import make_claim_id

A = news_article()
CLAIMS = news_claims()
INFL, BUDGET, RP, GROWTH, KAMI, FLOOD = CLAIMS


def span_of(surface: str) -> tuple[int, int]:
    start = A.text.index(surface)
    return start, start + len(surface)


def old_id(surface: str) -> str:
    """The id an earlier extractor gave a claim over ``surface``."""
    return make_claim_id(A.article_id, *span_of(surface))


WITH_PERIOD = old_id("inflasi turun menjadi 2,5 persen pada bulan Maret 2024.")
SHORTER = old_id("pertumbuhan akan mencapai")
GONE_REJECTED = old_id("kata polisi")
GONE_ACCEPTED = old_id("kepada wartawan")
UNKNOWN = f"{A.article_id}:ffffffffffff"
SECOND_FOR_FLOOD = old_id("Banjir menewaskan 12 orang")

CURATION = f"""\
# reviewed by the desk
article_id: {A.article_id}
reviewer: ana
reviewed: 2024-04-12
claims:
  # the inflation claim, as the old extractor drew it
  - claim_id: "{WITH_PERIOD}"
    status: accept
  - claim_id: "{SHORTER}"
    status: accept
    text: Pertumbuhan akan mencapai target.
    note: checked against the budget speech
  - claim_id: "{GONE_REJECTED}"
    status: reject
  - claim_id: "{GONE_ACCEPTED}"
    status: accept
  - claim_id: "{UNKNOWN}"
    status: accept
  - claim_id: "{FLOOD.claim_id}"
    status: accept
  - claim_id: "{SECOND_FOR_FLOOD}"
    status: accept
added: []
"""


def test_old_spans_are_recovered_from_their_ids() -> None:
    ids = {WITH_PERIOD, SHORTER, GONE_REJECTED, UNKNOWN}
    found = old_spans(A.article_id, A.text, ids)
    assert found == {WITH_PERIOD: span_of("inflasi turun menjadi 2,5 persen pada bulan Maret 2024."),
                     SHORTER: span_of("pertumbuhan akan mencapai"),
                     GONE_REJECTED: span_of("kata polisi")}


def test_stale_decisions_follow_their_claims_and_the_rest_is_reported() -> None:
    text, steps = update_curation_text(CURATION, A, CLAIMS)
    by_old = {s.claim_id: s for s in steps}
    assert len(steps) == 6  # every stale decision, and not the current one (FLOOD)
    # only punctuation differs: the decision moves as it is
    assert (by_old[WITH_PERIOD].action, by_old[WITH_PERIOD].new_claim_id) == ("moved", INFL.claim_id)
    # the span says more now: back to review, with a note saying what moved
    assert (by_old[SHORTER].action, by_old[SHORTER].new_claim_id) == ("to review", GROWTH.claim_id)
    # a rejection of a claim no longer made is dropped; other orphans stay, reported
    assert by_old[GONE_REJECTED].action == "dropped"
    assert by_old[GONE_ACCEPTED].action == "kept" and "no current claim" in by_old[GONE_ACCEPTED].detail
    assert by_old[UNKNOWN].action == "kept" and "not in the article text" in by_old[UNKNOWN].detail
    # the successor already has a decision of its own: two decisions for one claim are not made
    assert by_old[SECOND_FOR_FLOOD].action == "kept"

    data = yaml.safe_load(text)
    entries = {d["claim_id"]: d for d in data["claims"]}
    assert entries[INFL.claim_id]["status"] == "accept"
    growth = entries[GROWTH.claim_id]
    assert growth["status"] == "pending" and growth["text"] == "Pertumbuhan akan mencapai target."
    assert growth["note"].startswith("checked against the budget speech Re-anchored")
    assert GONE_REJECTED not in entries and {GONE_ACCEPTED, UNKNOWN, SECOND_FOR_FLOOD} <= entries.keys()
    # the reviewer's comments and quoting stay
    assert "# reviewed by the desk" in text and "# the inflation claim" in text
    assert f'claim_id: "{INFL.claim_id}"' in text


def test_a_file_with_nothing_stale_is_left_byte_for_byte() -> None:
    current = f"article_id: {A.article_id}\nclaims:\n  - claim_id: {INFL.claim_id}   # ok\n    status: accept\n"
    text, steps = update_curation_text(current, A, CLAIMS)
    assert (text, steps) == (current, [])


def test_updated_folder_applies_once_the_reported_orphans_are_resolved(tmp_path: Path) -> None:
    folder = tmp_path / "curation"
    folder.mkdir()
    path = folder / f"{A.article_id}.yaml"
    kept = {GONE_ACCEPTED, UNKNOWN, SECOND_FOR_FLOOD}
    path.write_text(_without(CURATION, kept), encoding="utf-8")
    steps = update_curation(folder, [A], CLAIMS)
    assert {s.action for s in steps} == {"moved", "to review", "dropped"}
    out = {c.claim_id: c for c in apply_curation([A], CLAIMS, folder)}
    assert out[INFL.claim_id].verdict.reviewer == "ana"  # the moved acceptance applies
    assert out[GROWTH.claim_id].text == "Pertumbuhan akan mencapai target."
    assert update_curation(folder, [A], CLAIMS) == []  # a second run has nothing to do


def _without(curation: str, claim_ids: set[str]) -> str:
    """``curation`` without the decisions on ``claim_ids`` (each is two lines)."""
    lines = curation.splitlines(keepends=True)
    out: list[str] = []
    skip = 0
    for line in lines:
        if any(f'"{cid}"' in line for cid in claim_ids):
            skip = 2
        if skip:
            skip -= 1
            continue
        out.append(line)
    return "".join(out)


def test_cli_reports_each_step(tmp_path: Path) -> None:
    from klaim.cli import app
    from klaim.dataset.build import extract_articles

    first = extract_articles([A])[0]  # whatever the extractor makes now, drawn one word longer
    longer = next(m.end() for m in re.finditer(r"\w+", A.text) if m.start() > first.end)
    seeds = tmp_path / "articles.jsonl"
    seeds.write_text(A.model_dump_json() + "\n", encoding="utf-8")
    folder = tmp_path / "curation"
    folder.mkdir()
    (folder / f"{A.article_id}.yaml").write_text(f"""\
article_id: {A.article_id}
claims:
  - claim_id: {make_claim_id(A.article_id, first.start, longer)}
    status: accept
  - claim_id: {UNKNOWN}
    status: accept
""", encoding="utf-8")
    args = ["curation", "update", "--seeds", str(seeds), "--folder", str(folder)]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "250"})
    assert result.exit_code == 1, result.output  # an orphan remains: the build would still refuse
    assert "to review" in result.output and first.claim_id in result.output
    assert "1 decision(s) still name no claim" in result.output


def test_cli_with_nothing_stale_says_so(tmp_path: Path) -> None:
    from klaim.cli import app

    seeds = tmp_path / "articles.jsonl"
    seeds.write_text(A.model_dump_json() + "\n", encoding="utf-8")
    (tmp_path / "curation").mkdir()
    (tmp_path / "curation" / f"{A.article_id}.yaml").write_text(
        f"article_id: {A.article_id}\nclaims: []\n", encoding="utf-8")
    args = ["curation", "update", "--seeds", str(seeds), "--folder", str(tmp_path / "curation")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0 and "nothing to do" in result.output, result.output
