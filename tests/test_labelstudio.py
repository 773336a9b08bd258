"""Label Studio interop: tasks with pre-annotations out, a completed export back as curation;
a round trip keeps every claim and every decision."""

from __future__ import annotations

import copy
import json
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
from klaim.errors import SchemaError
from klaim.review.labelstudio import (
    export_tasks,
    from_labelstudio,
    import_annotations,
    labelstudio_config,
    region_id,
    to_labelstudio,
)
from klaim.schema import ClaimType


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
