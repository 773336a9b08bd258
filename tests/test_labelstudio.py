"""Label Studio interop: tasks with pre-annotations out, a completed export back as curation;
a round trip keeps every claim and every decision."""

from __future__ import annotations

import copy
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from _claim_fixtures import (
    all_articles,
    all_claims,
    emoji_article,
    emoji_claims,
    news_article,
    news_claims,
)
from klaim.dataset.curation import (
    added_claim_id,
    apply_curation,
    apply_decisions,
    read_curation,
    write_curation,
)
from klaim.errors import InputError, SchemaError
from klaim.review.labelstudio import (
    export_tasks,
    from_labelstudio,
    import_annotations,
    labelstudio_config,
    parse_reviewer_map,
    region_id,
    to_labelstudio,
)
from klaim.schema import ClaimType, make_claim_id


def completed(tasks: list[dict], edit=None) -> list[dict]:
    """Simulate Label Studio's export: each task with an annotation copied from its prediction
    (what an annotator who submits without changes produces), optionally edited."""
    out = copy.deepcopy(tasks)
    for i, t in enumerate(out, 1):
        t["id"] = i
        result = copy.deepcopy(t["predictions"][0]["result"])
        for r in result:
            r.pop("origin", None)
        t["annotations"] = [{"id": 100 + i, "result": result, "was_cancelled": False,
                             "completed_by": {"id": 7, "email": "rina@example.org"},
                             "created_at": "2024-05-01T09:00:00Z",
                             "updated_at": "2024-05-02T10:30:00.123Z"}]
        if edit:
            edit(t)
    return json.loads(json.dumps(out))  # what the export file holds


def test_tasks_and_config_agree() -> None:
    tasks = to_labelstudio(all_articles(), all_claims())
    root = ET.fromstring(labelstudio_config())
    names = {el.get("name"): el for el in root.iter() if el.get("name")}
    assert {"claim", "text", "status", "modality", "verdict", "claim_text", "evidence"} <= set(names)
    assert {el.get("value") for el in names["claim"]} == {t.value for t in ClaimType}
    for t in tasks:
        text = t["data"]["text"]
        for r in t["predictions"][0]["result"]:
            assert r["from_name"] in names and r["to_name"] == "text"
            v = r["value"]
            if r["type"] == "labels":
                assert text[v["start"]:v["end"]] == v["text"]
                assert v["labels"][0] in {t.value for t in ClaimType}
            else:
                assert r["type"] in ("choices", "textarea")
                choices = {el.get("value") for el in names[r["from_name"]]}
                assert all(c in choices for c in v.get("choices", []))
    json.dumps(tasks)  # plain JSON


def test_every_claim_is_a_region() -> None:
    tasks = {t["data"]["article_id"]: t for t in to_labelstudio(all_articles(), all_claims())}
    for c in all_claims():
        result = tasks[c.article_id]["predictions"][0]["result"]
        region = [r for r in result if r["id"] == region_id(c.claim_id)]
        lab = next(r for r in region if r["type"] == "labels")
        assert (lab["value"]["start"], lab["value"]["end"]) == (c.start, c.end)
        assert lab["value"]["labels"] == [c.claim_type.value]
        verdict = next(r for r in region if r["from_name"] == "verdict")
        assert verdict["value"]["choices"] == [c.verdict.label.value]


def test_untouched_round_trip_keeps_every_claim(tmp_path: Path) -> None:
    arts, claims = all_articles(), all_claims()
    decisions = from_labelstudio(completed(to_labelstudio(arts, claims)), arts, claims)
    assert sum(len(cf.claims) for cf in decisions.values()) == len(claims)
    assert all(d.status.value == "pending" for cf in decisions.values() for d in cf.claims)
    assert apply_decisions(arts, claims, decisions) == claims
    # and through the YAML files the build reads
    write_curation(decisions, tmp_path / "curation")
    assert apply_curation(arts, claims, tmp_path / "curation") == claims


CURATION = """\
article_id: news-001
reviewer: ana
reviewed: 2024-04-12
claims:
  - claim_id: {infl}
    status: accept
    note: checked against BPS
  - claim_id: {kami}
    status: reject
    note: opinion fragment
  - claim_id: {budget}
    status: accept
    text: Pemerintah akan menyalurkan Rp 10 triliun kepada 350.000 penduduk.
    speaker: {{kind: person, name: Sri Mulyani Indrawati}}
    check_worthiness: 0.95
    figures:
      - {{start: 145, end: 158, kind: money, value: 1.0e13, currency: IDR}}
  - claim_id: {flood}
    status: accept
    verdict:
      label: supported
      evidence:
        - {{url: "https://example.org/banjir", quote: "12 orang | meninggal", retrieved: 2024-04-11}}
        - {{url: "https://example.org/b", publisher: Kompas, note: "second source"}}
  - claim_id: {growth}
    end: {growth_end}
added:
  - start: 283
    end: 309
    claim_type: numerical
    text: Banjir di Bekasi menewaskan 12 orang.
    check_worthiness: 0.7
    verdict: {{label: mixed}}
"""


def test_round_trip_keeps_every_decision(tmp_path: Path) -> None:
    arts, base = all_articles(), all_claims()
    infl, budget, _rp, growth, kami, flood = news_claims()
    text = CURATION.format(infl=infl.claim_id, kami=kami.claim_id, budget=budget.claim_id,
                           flood=flood.claim_id, growth=growth.claim_id,
                           growth_end=growth.start + len("pertumbuhan akan mencapai 5"))
    (tmp_path / "cur").mkdir()
    (tmp_path / "cur" / "news-001.yaml").write_text(text, encoding="utf-8")
    loaded, _ = read_curation(tmp_path / "cur")
    given = {lc.data.article_id: lc.data for lc in loaded}
    origins: dict[str, str] = {}
    curated = apply_decisions(arts, base, given, origins=origins)

    tasks = to_labelstudio(arts, curated, given, origins)
    assert tasks == export_tasks(arts, base, tmp_path / "cur")
    back = from_labelstudio(completed(tasks), arts, base)
    assert apply_decisions(arts, base, back) == curated
    # every decision survives: status and note per claim, the moved span, the added claim
    want = {d.claim_id: (d.status, d.note) for d in given["news-001"].claims}
    got = {d.claim_id: (d.status, d.note) for d in back["news-001"].claims}
    assert {k: got[k] for k in want} == want
    assert {d.claim_id for d in back["news-001"].claims} == {c.claim_id for c in news_claims()}
    assert [(a.start, a.end) for a in back["news-001"].added] == [(283, 309)]
    # and through YAML files
    write_curation(back, tmp_path / "back")
    assert apply_curation(arts, base, tmp_path / "back") == curated


def test_annotator_edits_become_decisions() -> None:
    a, base = news_article(), news_claims()
    infl, budget, rp, growth, kami, flood = base
    new_start = a.text.index("Sri Mulyani mengatakan")
    new_end = new_start + len("Sri Mulyani mengatakan anggaran")

    def edit(task: dict) -> None:
        res = task["annotations"][0]["result"]
        # delete a region (every result of it)
        res[:] = [r for r in res if r["id"] != region_id(kami.claim_id)]
        for r in res:
            if r["id"] == region_id(rp.claim_id) and r["type"] == "labels":
                r["value"]["labels"] = ["quote"]  # relabel
            if r["id"] == region_id(flood.claim_id) and r["from_name"] == "verdict":
                r["value"]["choices"] = ["mixed"]
            if r["id"] == region_id(growth.claim_id) and r["from_name"] == "claim_text":
                r["value"]["text"] = ["Pertumbuhan ekonomi akan mencapai 5 persen."]
        region = {"start": new_start, "end": new_end}
        res.append({"id": "newRegion1", "from_name": "claim", "to_name": "text", "type": "labels",
                    "value": {**region, "text": a.text[new_start:new_end],
                              "labels": ["event_property"]}})
        res.append({"id": "newRegion1", "from_name": "evidence", "to_name": "text",
                    "type": "textarea", "value": {**region, "text": [
                        "https://example.org/x | kata Sri Mulyani | 2024-05-01"]}})
        res.append({"id": "newRegion1", "from_name": "verdict", "to_name": "text",
                    "type": "choices", "value": {**region, "choices": ["supported"]}})
        res.append({"id": region_id(flood.claim_id), "from_name": "status", "to_name": "text",
                    "type": "choices", "value": {"start": flood.start, "end": flood.end,
                                                 "choices": ["accept"]}})
        res.append({"id": "rejectedNew", "from_name": "claim", "to_name": "text",
                    "type": "labels", "value": {"start": 0, "end": 7, "text": "JAKARTA",
                                                "labels": ["background"]}})
        res.append({"id": "rejectedNew", "from_name": "status", "to_name": "text",
                    "type": "choices", "value": {"start": 0, "end": 7, "choices": ["reject"]}})

    export = completed(to_labelstudio([a], base), edit)
    cf = from_labelstudio(export, [a], base)["news-001"]
    by = {d.claim_id: d for d in cf.claims}
    assert by[kami.claim_id].status.value == "reject"
    assert by[rp.claim_id].claim_type.value == "quote"
    assert by[flood.claim_id].status.value == "accept"
    assert by[flood.claim_id].verdict.label.value == "mixed"
    assert by[flood.claim_id].verdict.reviewer == "rina@example.org"
    assert str(by[flood.claim_id].verdict.reviewed) == "2024-05-02"
    assert by[growth.claim_id].text == "Pertumbuhan ekonomi akan mencapai 5 persen."
    # untouched: a pending decision without corrections
    assert by[infl.claim_id].model_dump(exclude_none=True) == {"claim_id": infl.claim_id,
                                                               "status": "pending"}
    (added,) = cf.added
    assert (added.start, added.end, added.claim_type.value) == (new_start, new_end, "event_property")
    assert added.verdict.evidence[0].url == "https://example.org/x"
    assert str(added.verdict.evidence[0].retrieved) == "2024-05-01"
    out = {c.claim_id: c for c in apply_decisions([a], base, {"news-001": cf})}
    assert kami.claim_id not in out
    assert out[added_claim_id("news-001", new_start, new_end)].verdict.label.value == "supported"
    assert out[rp.claim_id].claim_type.value == "quote"
    assert out[budget.claim_id] == budget


def test_emoji_offsets() -> None:
    a, base = emoji_article(), emoji_claims()
    tasks = to_labelstudio([a], base)
    lab = next(r for r in tasks[0]["predictions"][0]["result"] if r["type"] == "labels")
    assert a.text[lab["value"]["start"]:lab["value"]["end"]] == lab["value"]["text"]

    def utf16(task: dict) -> None:  # an older Label Studio counting UTF-16 code units
        for r in task["annotations"][0]["result"]:
            for k in ("start", "end"):
                r["value"][k] = len(a.text[:r["value"][k]].encode("utf-16-le")) // 2

    back = from_labelstudio(completed(tasks, utf16), [a], base)
    assert apply_decisions([a], base, back) == base


def test_bad_export_reports_every_problem() -> None:
    a, base = news_article(), news_claims()

    def edit(task: dict) -> None:
        res = task["annotations"][0]["result"]
        labs = [r for r in res if r["type"] == "labels"]
        labs[0]["value"]["text"] = "something else"
        labs[1]["value"]["labels"] = ["rumour"]
        labs[2]["value"]["end"] = 10_000

    tasks = completed(to_labelstudio([a], base), edit)
    tasks.append({"id": 99, "data": {"article_id": "missing", "text": "x"}, "annotations": []})
    with pytest.raises(SchemaError) as exc:
        from_labelstudio(tasks, [a], base)
    fields = sorted(p.field for p in exc.value.report.problems)
    assert fields == ["data.article_id", "value.labels", "value.start/end", "value.text"]


def test_unannotated_task_falls_back_to_prediction() -> None:
    arts, claims = all_articles(), all_claims()
    tasks = to_labelstudio(arts, claims)
    decisions = from_labelstudio(tasks, arts, claims)
    assert apply_decisions(arts, claims, decisions) == claims


def test_import_writes_curation_files(tmp_path: Path) -> None:
    arts, claims = all_articles(), all_claims()
    export = completed(export_tasks(arts, claims))
    paths = import_annotations(export, arts, claims, tmp_path / "curation")
    assert sorted(p.name for p in paths) == sorted(f"{a.article_id}.yaml" for a in arts)
    assert apply_curation(arts, claims, tmp_path / "curation") == claims
    export[0]["annotations"][0]["result"][0]["value"]["labels"] = ["nonsense"]
    with pytest.raises(SchemaError):
        import_annotations(export, arts, claims, tmp_path / "other")
    assert not (tmp_path / "other").exists()


# ---------------------------------------------------------------------------------------------
# Exports of a real Label Studio server (scripts/capture_labelstudio.py; tests/data/labelstudio/)

LS_DATA = Path(__file__).parent / "data" / "labelstudio"
ANA = {"1": "ana@desk.example"}


def ls_export(name: str) -> list[dict]:
    return json.loads((LS_DATA / name).read_text(encoding="utf-8"))


def reviewed_on(export: list[dict]) -> str:
    """The date Label Studio stamped on the news-001 annotation (the capture's date)."""
    task = next(t for t in export if t["data"]["article_id"] == "news-001")
    return task["annotations"][0]["updated_at"][:10]


def captured_curation(tmp_path: Path) -> Path:
    """A copy of the hand-written curation folder the captured tasks were exported with."""
    folder = tmp_path / "curation"
    shutil.copytree(LS_DATA / "curation", folder)
    return folder


@pytest.mark.parametrize("name", ["export-default.json", "export-all-tasks.json",
                                  "export-snapshot.json"])
def test_real_export_imports_only_the_annotated_task(name: str) -> None:
    export = ls_export(name)
    # Label Studio lists predictions as ids, and keeps a skipped task in its default export
    assert all(isinstance(p, int) for t in export for p in t["predictions"])
    assert any(a["was_cancelled"] for t in export for a in t["annotations"])
    decisions = from_labelstudio(export, all_articles(), all_claims(), ANA)
    assert list(decisions) == ["news-001"]  # xss-002 was skipped, emoji-003 never opened
    curated = apply_decisions(all_articles(), all_claims(), decisions)
    assert [c for c in curated if c.article_id != "news-001"] == \
        [c for c in all_claims() if c.article_id != "news-001"]


def test_annotator_id_is_resolved_to_a_person() -> None:
    growth = news_claims()[3]
    with pytest.raises(SchemaError) as exc:
        from_labelstudio(ls_export("export-default.json"), all_articles(), all_claims())
    (problem,) = exc.value.report.problems
    assert problem.field == "completed_by" and "--reviewer-map 1=" in problem.reason
    for name, reviewers in [("export-default.json", ANA), ("export-snapshot.json", None)]:
        export = ls_export(name)
        cf = from_labelstudio(export, all_articles(), all_claims(), reviewers)["news-001"]
        verdict = next(d for d in cf.claims if d.claim_id == growth.claim_id).verdict
        assert (verdict.reviewer, str(verdict.reviewed)) == ("ana@desk.example",
                                                             reviewed_on(export))


@pytest.mark.parametrize("pair", ["1=2", "1", "=ana", "ana@desk.example"])
def test_reviewer_map_refuses_ids_and_bad_pairs(pair: str) -> None:
    with pytest.raises(InputError):
        parse_reviewer_map([pair])
    assert parse_reviewer_map(["1=ana@desk.example", " 7 = Budi Santoso "]) == {
        "1": "ana@desk.example", "7": "Budi Santoso"}


def test_every_reviewer_change_arrives() -> None:
    arts, base = all_articles(), all_claims()
    infl, _budget, rp, growth, kami, flood = news_claims()
    export = ls_export("export-snapshot.json")
    loaded, _ = read_curation(LS_DATA / "curation")
    decisions = from_labelstudio(export, arts, base)
    by = {d.claim_id: d for d in decisions["news-001"].claims}
    assert by[infl.claim_id].status.value == "accept"
    assert by[kami.claim_id].status.value == "reject"       # rejected with the status choice
    assert by[flood.claim_id].status.value == "reject"      # highlight deleted
    assert (by[rp.claim_id].claim_type.value, by[rp.claim_id].modality.value) == \
        ("background", "future")
    assert by[growth.claim_id].text == "Pertumbuhan ekonomi Indonesia akan mencapai 5 persen."
    assert by[growth.claim_id].verdict.label.value == "mixed"
    assert [e.url for e in by[growth.claim_id].verdict.evidence] == \
        ["https://example.org/bi-outlook-2024"]
    # what the exported curation said and Label Studio cannot show comes back from the snapshot
    assert by[growth.claim_id].speaker.name == "Sri Mulyani Indrawati"
    assert by[infl.claim_id].note == loaded[0].data.claims[0].note
    assert {(a.start, a.end) for a in decisions["news-001"].added} >= {(249, 281)}
    assert next(a for a in decisions["news-001"].added if a.start == 249).note == \
        loaded[0].data.added[0].note


def test_deleted_and_redrawn_highlight_is_a_span_fix() -> None:
    arts, base = all_articles(), all_claims()
    budget = news_claims()[1]
    text = news_article().text
    decisions = from_labelstudio(ls_export("export-snapshot.json"), arts, base)
    d = next(d for d in decisions["news-001"].claims if d.claim_id == budget.claim_id)
    wider = "Sri Mulyani mengatakan anggaran sebesar Rp 10 triliun akan disalurkan kepada"
    assert (d.status.value, text[d.start:d.end]) == ("accept", wider + " 350.000 penduduk")
    assert all((a.start, a.end) != (d.start, d.end) for a in decisions["news-001"].added)
    moved = {c.claim_id: c for c in apply_decisions(arts, base, decisions)}[
        make_claim_id("news-001", d.start, d.end)]
    # the same claim on a wider span: speaker, figures and check-worthiness kept
    assert (moved.speaker, moved.figures, moved.check_worthiness, moved.claim_type) == \
        (budget.speaker, budget.figures, budget.check_worthiness, budget.claim_type)


def test_highlight_starting_with_a_space_is_trimmed() -> None:
    text = news_article().text
    export = ls_export("export-snapshot.json")
    task = next(t for t in export if t["data"]["article_id"] == "news-001")
    drawn = next(r["value"] for r in task["annotations"][0]["result"]
                 if r["from_name"] == "claim" and r["value"]["text"].startswith(" "))
    decisions = from_labelstudio(export, all_articles(), all_claims())
    added = next(a for a in decisions["news-001"].added if a.start <= drawn["start"] + 1 < a.end)
    assert (added.start, added.end) == (drawn["start"] + 1, drawn["end"])
    assert text[added.start:added.end] == drawn["text"].strip()


def test_highlight_of_only_spaces_is_reported() -> None:
    a, base = news_article(), news_claims()
    blank = a.text.index(" - ")

    def edit(task: dict) -> None:
        task["annotations"][0]["result"].append(
            {"id": "blank", "from_name": "claim", "to_name": "text", "type": "labels",
             "value": {"start": blank, "end": blank + 1, "text": " ", "labels": ["quote"]}})

    with pytest.raises(SchemaError) as exc:
        from_labelstudio(completed(to_labelstudio([a], base), edit), [a], base)
    assert [p.field for p in exc.value.report.problems] == ["value.text"]


def test_import_merges_into_the_hand_edited_file(tmp_path: Path) -> None:
    arts, base = all_articles(), all_claims()
    folder = captured_curation(tmp_path)
    before = (folder / "news-001.yaml").read_text(encoding="utf-8")
    export = ls_export("export-default.json")
    paths = import_annotations(export, arts, base, folder, ANA)
    assert [p.name for p in paths] == ["news-001.yaml"]  # nothing for the skipped task
    after = (folder / "news-001.yaml").read_text(encoding="utf-8")
    # the reviewer's comments, header and notes survive, and the field Label Studio cannot show
    kept = [line for line in before.splitlines()
            if line.lstrip().startswith("#") or line.startswith("reviewer:")
            or "note:" in line or "speaker:" in line]
    assert len(kept) == 9 and all(line in after.splitlines() for line in kept)
    # and the result is what the import decided
    merged = apply_curation(arts, base, folder)
    imported = from_labelstudio(export, arts, base, ANA)
    header = read_curation(LS_DATA / "curation")[0][0].data
    imported["news-001"].reviewer, imported["news-001"].reviewed = header.reviewer, header.reviewed
    assert merged == apply_decisions(arts, base, imported)
    growth = next(c for c in merged if c.claim_id == news_claims()[3].claim_id)
    assert growth.speaker.name == "Sri Mulyani Indrawati"
    accepted = next(c for c in merged if c.claim_id == news_claims()[0].claim_id)
    for c in (growth, accepted):  # verdict changed, accepted: by the Label Studio annotator
        assert (c.verdict.reviewer, str(c.verdict.reviewed)) == ("ana@desk.example",
                                                                 reviewed_on(export))


def test_merge_leaves_untouched_entries_alone(tmp_path: Path) -> None:
    arts, base = all_articles(), all_claims()
    folder = captured_curation(tmp_path)
    before = (folder / "news-001.yaml").read_text(encoding="utf-8")
    untouched = completed(export_tasks(arts, base, folder))  # submitted without a change
    import_annotations(untouched, arts, base, folder)
    assert (folder / "news-001.yaml").read_text(encoding="utf-8") == before
    # an article with no curation file yet gets a new one, as before
    assert sorted(p.name for p in folder.iterdir()) == ["emoji-003.yaml", "news-001.yaml",
                                                        "xss-002.yaml"]
    assert apply_curation(arts, base, folder) == apply_curation(arts, base, LS_DATA / "curation")


def test_added_claim_deleted_in_label_studio_leaves_the_file(tmp_path: Path) -> None:
    arts, base = all_articles(), all_claims()
    folder = captured_curation(tmp_path)

    def drop_added(task: dict) -> None:
        res = task["annotations"][0]["result"]
        res[:] = [r for r in res if not str(r["id"]).startswith("added-")]

    import_annotations(completed(export_tasks(arts, base, folder), drop_added), arts, base, folder)
    text = (folder / "news-001.yaml").read_text(encoding="utf-8")
    assert "berbicara kepada wartawan" not in text
    assert "# Curation of article news-001" in text


def test_not_a_json_export_is_one_clear_problem() -> None:
    json_min = [{"id": 2, "text": news_article().text, "article_id": "news-001", "claim": []}]
    with pytest.raises(SchemaError) as exc:
        from_labelstudio(json_min, all_articles(), all_claims())
    (problem,) = exc.value.report.problems
    assert "JSON export" in problem.reason


def test_tasks_arrive_in_label_studio_unchanged() -> None:
    """The captured tasks hold exactly what ``export_tasks`` gives today (else: recapture)."""
    tasks = export_tasks(all_articles(), all_claims(), LS_DATA / "curation")
    captured = sorted(ls_export("export-all-tasks.json"), key=lambda t: t["data"]["article_id"])
    assert [t["data"] for t in captured] == [_without_late_fields(t["data"]) for t in tasks]


def _without_late_fields(data: dict) -> dict:
    """The task as it was when captured: claim fields the schema gained since (ADDED_FIELDS, such
    as ``rules``) were not sent then."""
    from klaim.schema import ADDED_FIELDS

    data = json.loads(json.dumps(data))
    for entry in data.get("klaim", {}).get("claims", {}).values():
        for name in ADDED_FIELDS:
            entry.get("claim", {}).pop(name, None)
    return data


def test_cli_refuses_an_id_as_reviewer_name(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from klaim.cli import app

    export = tmp_path / "export.json"
    export.write_text("[]", encoding="utf-8")
    result = CliRunner().invoke(app, ["labelstudio", "import", str(export), "--folder",
                                      str(tmp_path / "cur"), "--reviewer-map", "1=2"])
    assert result.exit_code == 1
    assert "'2' is an id, not a reviewer's name" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "cur").exists()


def test_cli_export_makes_its_folder(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from klaim.cli import app

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    out = tmp_path / "ls" / "tasks.json"
    result = CliRunner().invoke(app, ["labelstudio", "export", "-o", str(out), "--seeds",
                                      str(seeds)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))[0]["data"]["article_id"]
    assert ET.fromstring(out.with_suffix(".xml").read_text(encoding="utf-8")).tag == "View"


def test_redrawn_highlight_across_sentences_takes_their_sentence() -> None:
    a, base = news_article(), news_claims()
    flood = base[5]
    s, e = a.text.index("kata Sri Mulyani kepada"), flood.end

    def redraw(task: dict) -> None:
        res = task["annotations"][0]["result"]
        res[:] = [r for r in res if r["id"] != region_id(flood.claim_id)]
        res.append({"id": "wider", "from_name": "claim", "to_name": "text", "type": "labels",
                    "value": {"start": s, "end": e, "text": a.text[s:e],
                              "labels": ["event_property"]}})

    cf = from_labelstudio(completed(to_labelstudio([a], base), redraw), [a], base)["news-001"]
    assert not cf.added
    moved = {c.claim_id: c for c in apply_decisions([a], base, {"news-001": cf})}[
        make_claim_id("news-001", s, e)]
    assert moved.sentence.start <= s < e <= moved.sentence.end
    assert (moved.speaker, moved.figures) == (flood.speaker, flood.figures)


def test_import_refuses_to_merge_into_a_broken_file(tmp_path: Path) -> None:
    arts, base = all_articles(), all_claims()
    folder = captured_curation(tmp_path)
    broken = "article_id: news-001\nclaims: [\n# a file someone is halfway through editing\n"
    (folder / "news-001.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        import_annotations(ls_export("export-default.json"), arts, base, folder, ANA)
    assert [p.field for p in exc.value.report.problems] == ["(yaml)"]
    assert (folder / "news-001.yaml").read_text(encoding="utf-8") == broken
    assert sorted(p.name for p in folder.iterdir()) == ["news-001.yaml"]
    # nor into one with YAML aliases, which the strict curation reader refuses
    aliased = (LS_DATA / "curation" / "news-001.yaml").read_text(encoding="utf-8") \
        .replace("reviewer: budi@desk.example", "reviewer: &who budi@desk.example") \
        .replace("note: compare with the BPS release of 1 April", "note: *who")
    assert "&who" in aliased and "*who" in aliased
    (folder / "news-001.yaml").write_text(aliased, encoding="utf-8")
    with pytest.raises(SchemaError):
        import_annotations(ls_export("export-default.json"), arts, base, folder, ANA)
    assert (folder / "news-001.yaml").read_text(encoding="utf-8") == aliased
