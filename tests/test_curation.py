"""Curation files: accept, reject, correct, add, verdicts; orphans and malformed files reported
with file, line and field, all problems at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from _claim_fixtures import news_article, news_claims, script_article, script_claims
from klaim.dataset.curation import (
    added_claim_id,
    apply_curation,
    apply_decisions,
    dump_curation,
    init_curation,
    init_curation_file,
    parse_curation,
    sentence_around,
)
from klaim.errors import InputError, SchemaError, ValidationReport
from klaim.schema import make_claim_id

A = news_article()
CLAIMS = news_claims()
INFL, BUDGET, RP, GROWTH, KAMI, FLOOD = CLAIMS


def write(folder: Path, text: str, name: str = A.article_id) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(exc: pytest.ExceptionInfo[SchemaError]) -> list[tuple[str, str, str]]:
    return [(p.record, p.field, p.reason) for p in exc.value.report.problems]


def test_init_file_changes_nothing_and_lists_every_claim(tmp_path: Path) -> None:
    text = init_curation(A, CLAIMS)
    data = yaml.safe_load(text)
    assert [d["claim_id"] for d in data["claims"]] == [
        c.claim_id for c in sorted(CLAIMS, key=lambda c: (c.start, c.end))]
    assert all(d["status"] == "pending" for d in data["claims"])
    assert {d["text"] for d in data["claims"]} == {c.text for c in CLAIMS}
    path = init_curation_file(A, CLAIMS, tmp_path / "curation")
    assert path.name == f"{A.article_id}.yaml"
    assert apply_curation([A], CLAIMS, path) == CLAIMS
    with pytest.raises(InputError):
        init_curation_file(A, CLAIMS, tmp_path / "curation")  # never overwrites a review


def test_init_file_survives_hostile_text(tmp_path: Path) -> None:
    a, cs = script_article(), script_claims()
    text = init_curation(a, cs)
    path = write(tmp_path, text, a.article_id)
    assert apply_curation([a], cs, path) == cs


CURATION = f"""\
article_id: {A.article_id}
reviewer: ana
reviewed: 2024-04-12
claims:
  - claim_id: {INFL.claim_id}
    status: accept
  - claim_id: {KAMI.claim_id}
    status: reject
    note: opinion fragment, not checkable
  - claim_id: {BUDGET.claim_id}
    status: accept
    text: Pemerintah akan menyalurkan Rp 10 triliun kepada 350.000 penduduk.
    claim_type: numerical
    modality: asserted
    speaker: {{kind: person, name: Sri Mulyani Indrawati, role: Menteri Keuangan}}
    check_worthiness: 0.95
  - claim_id: {FLOOD.claim_id}
    status: accept
    claim_type: event_property
    verdict:
      label: supported
      evidence:
        - url: https://example.org/banjir
          quote: "12 orang meninggal"
          retrieved: 2024-04-11
  - claim_id: {GROWTH.claim_id}
    start: {GROWTH.start}
    end: {GROWTH.start + len("pertumbuhan akan mencapai 5")}
    verdict: {{label: refuted, reviewer: budi, reviewed: 2024-04-13}}
added:
  - start: {A.text.index("Banjir")}
    end: {A.text.index("Banjir") + len("Banjir menewaskan 12 orang")}
    claim_type: numerical
    text: Banjir di Bekasi menewaskan 12 orang.
"""


def test_apply_accept_reject_correct_add_verdict(tmp_path: Path) -> None:
    out = apply_curation([A], CLAIMS, write(tmp_path / "curation", CURATION))
    by_id = {c.claim_id: c for c in out}
    # accept: unchanged; pending (RP has no decision): unchanged
    assert by_id[INFL.claim_id] == INFL and by_id[RP.claim_id] == RP
    # reject: gone
    assert KAMI.claim_id not in by_id
    # corrections keep the claim_id
    b = by_id[BUDGET.claim_id]
    assert b.text.startswith("Pemerintah akan menyalurkan") and b.modality.value == "asserted"
    assert b.speaker.name == "Sri Mulyani Indrawati" and b.check_worthiness == 0.95
    assert b.surface == BUDGET.surface and b.figures == BUDGET.figures
    # accepting records who checked it, and leaves the truth label as it was
    assert BUDGET.verdict.reviewer is None
    assert b.verdict.reviewer == "ana" and b.verdict.reviewed == date(2024, 4, 12)
    assert b.verdict.label == BUDGET.verdict.label
    # verdict with evidence, reviewer and date from the file
    v = by_id[FLOOD.claim_id].verdict
    assert v.label.value == "supported" and v.reviewer == "ana" and v.reviewed == date(2024, 4, 12)
    assert v.evidence[0].url == "https://example.org/banjir"
    assert v.evidence[0].retrieved == date(2024, 4, 11)
    # a moved span: surface recomputed, id of the new span, verdict's own reviewer
    end = GROWTH.start + len("pertumbuhan akan mencapai 5")
    moved = by_id[make_claim_id(A.article_id, GROWTH.start, end)]
    assert moved.surface == "pertumbuhan akan mencapai 5"
    assert moved.verdict.reviewer == "budi" and moved.verdict.reviewed == date(2024, 4, 13)
    assert GROWTH.claim_id not in by_id
    # added claim: id from its span, sentence found, publisher speaker, extractor "curation"
    s = A.text.index("Banjir")
    added = by_id[added_claim_id(A.article_id, s, s + len("Banjir menewaskan 12 orang"))]
    assert added.surface == "Banjir menewaskan 12 orang" and added.speaker.kind.value == "publisher"
    assert added.sentence.surface == "Banjir menewaskan 12 orang di Bekasi, kata polisi."
    assert added.extractor == "curation" and added.check_worthiness == 1.0
    assert added.verdict.reviewer == "ana" and added.verdict.label.value == "unverified"
    assert len(out) == len(CLAIMS) - 1 + 1


def test_an_entry_reviewed_later_stamps_its_own_reviewer_and_date(tmp_path: Path) -> None:
    """A decision made after the file's review (a claim a new extractor found) says when it
    was made: its verdict, and an accepted claim's record, carry the entry's date, not the
    file's; entries without their own stamp keep the file's."""
    s = A.text.index("Banjir")
    text = f"""\
article_id: {A.article_id}
reviewer: ana
reviewed: 2024-04-12
claims:
  - claim_id: {RP.claim_id}
    status: accept
    reviewed: 2024-05-02
  - claim_id: {BUDGET.claim_id}
    status: accept
    reviewer: budi
    reviewed: 2024-05-03
    verdict: {{label: unverified}}
  - claim_id: {GROWTH.claim_id}
    status: accept
added:
  - start: {s}
    end: {s + len("Banjir menewaskan 12 orang")}
    claim_type: numerical
    reviewed: 2024-05-04
"""
    out = {c.claim_id: c for c in apply_curation([A], CLAIMS, write(tmp_path / "curation", text))}
    assert RP.verdict.reviewer is None and GROWTH.verdict.reviewer is None
    rp, budget, growth = (out[c.claim_id].verdict for c in (RP, BUDGET, GROWTH))
    assert (rp.reviewer, rp.reviewed) == ("ana", date(2024, 5, 2))
    assert (budget.reviewer, budget.reviewed) == ("budi", date(2024, 5, 3))
    assert (growth.reviewer, growth.reviewed) == ("ana", date(2024, 4, 12))
    added = out[added_claim_id(A.article_id, s, s + len("Banjir menewaskan 12 orang"))].verdict
    assert (added.reviewer, added.reviewed) == ("ana", date(2024, 5, 4))


def test_orphan_decision_is_reported(tmp_path: Path) -> None:
    text = CURATION.replace(INFL.claim_id, f"{A.article_id}:000000000000")
    with pytest.raises(SchemaError) as exc:
        apply_curation([A], CLAIMS, write(tmp_path, text))
    (record, field, reason), = problems(exc)
    assert record == f"line 5 ({A.article_id}:000000000000)"
    assert field == "claims[0].claim_id" and "no claim" in reason
    # after a re-extraction that no longer finds the claim, the decision is not silently dropped
    with pytest.raises(SchemaError, match="no claim"):
        apply_curation([A], [c for c in CLAIMS if c is not INFL], write(tmp_path, CURATION))


MALFORMED = f"""\
article_id: {A.article_id}
reviewed: 12/04/2024
claims:
  - claim_id: {INFL.claim_id}
    status: accepted
  - claim_id: {BUDGET.claim_id}
    claim_typ: numerical
  - claim_id: {FLOOD.claim_id}
    verdict:
      label: true
      evidence:
        - url: https://example.org
          retrieved: 2024-02-30
"""


def test_malformed_file_reports_every_problem_with_line_and_field(tmp_path: Path) -> None:
    with pytest.raises(SchemaError) as exc:
        apply_curation([A], CLAIMS, write(tmp_path, MALFORMED))
    got = sorted(problems(exc))
    assert [(r, f) for r, f, _ in got] == sorted([
        ("line 2", "reviewed"),
        (f"line 5 ({INFL.claim_id})", "claims[0].status"),
        (f"line 7 ({BUDGET.claim_id})", "claims[1].claim_typ"),
        (f"line 10 ({FLOOD.claim_id})", "claims[2].verdict.label"),
        (f"line 13 ({FLOOD.claim_id})", "claims[2].verdict.evidence[0].retrieved"),
    ])
    reasons = {f: r for _, f, r in got}
    assert "YYYY-MM-DD" in reasons["reviewed"]
    assert "'accepted'" in reasons["claims[0].status"]
    assert reasons["claims[1].claim_typ"] == "unknown field"
    assert "day" in reasons["claims[2].verdict.evidence[0].retrieved"]


def test_problems_in_several_files_come_together(tmp_path: Path) -> None:
    folder = tmp_path / "curation"
    write(folder, MALFORMED)
    write(folder, "article_id: [unclosed\n", "other")
    write(folder, "article_id: nope\nclaims: []\n", "nope")
    with pytest.raises(SchemaError) as exc:
        apply_curation([A], CLAIMS, folder)
    files = {Path(p.file).name for p in exc.value.report.problems}
    assert files == {f"{A.article_id}.yaml", "other.yaml", "nope.yaml"}
    yaml_problem = next(p for p in exc.value.report.problems if p.file.endswith("other.yaml"))
    assert yaml_problem.field == "(yaml)" and yaml_problem.record.startswith("line 2")
    nope = next(p for p in exc.value.report.problems if p.file.endswith("nope.yaml"))
    assert "no article 'nope'" in nope.reason


def test_bad_yaml_syntax_has_line_and_column() -> None:
    report = ValidationReport()
    assert parse_curation("article_id: x\nclaims:\n  - claim_id: a\n   status: accept\n",
                          "f.yaml", report) is None
    (p,) = report.problems
    assert p.record.startswith("line 4") and p.field == "(yaml)"


def test_duplicate_keys_and_decisions_are_reported(tmp_path: Path) -> None:
    text = (f"article_id: {A.article_id}\nclaims:\n  - claim_id: {INFL.claim_id}\n"
            f"    status: accept\n    status: reject\n")
    with pytest.raises(SchemaError) as exc:
        apply_curation([A], CLAIMS, write(tmp_path, text))
    assert problems(exc) == [("line 5", "claims[0].status", "key given twice (YAML keeps only the last)")]
    text = (f"article_id: {A.article_id}\nclaims:\n  - claim_id: {INFL.claim_id}\n"
            f"  - claim_id: {INFL.claim_id}\n    status: reject\n")
    with pytest.raises(SchemaError) as exc:
        apply_curation([A], CLAIMS, write(tmp_path, text))
    assert len(problems(exc)) == 2 and all("more than one" in r for *_, r in problems(exc))


def test_invalid_results_are_reported(tmp_path: Path) -> None:
    text = f"""\
article_id: {A.article_id}
claims:
  - claim_id: {INFL.claim_id}
    end: 5000
  - claim_id: {BUDGET.claim_id}
    start: 0
  - claim_id: {FLOOD.claim_id}
    figures:
      - {{start: 301, end: 303, kind: cardinal, currency: XXY}}
added:
  - {{start: {INFL.start}, end: {INFL.end}, claim_type: numerical}}
  - {{start: 10, end: 5, claim_type: numerical}}
"""
    with pytest.raises(SchemaError) as exc:
        apply_curation([A], CLAIMS, write(tmp_path, text))
    got = {f: (r, reason) for r, f, reason in problems(exc)}
    assert "past the end" in got["claims[0].start/end"][1]
    assert "outside the claim's sentence" in got["claims[1].start/end"][1]
    assert got["claims[2].figures[0]"] == (f"line 9 ({FLOOD.claim_id})",
                                           "currency 'XXY' is not an ISO 4217 code")
    assert "already has this span" in got["added[0].start/end"][1]
    assert "less than end" in got["added[1].start/end"][1]


def test_file_name_must_match_article(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="does not match the file name"):
        apply_curation([A], CLAIMS, write(tmp_path, CURATION, "renamed"))


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        apply_curation([A], CLAIMS, tmp_path / "nowhere")


def test_dump_round_trip(tmp_path: Path) -> None:
    from klaim.dataset.curation import read_curation

    loaded, report = read_curation(write(tmp_path / "a", CURATION))
    assert report.ok
    text = dump_curation(loaded[0].data)
    again = apply_curation([A], CLAIMS, write(tmp_path / "b", text))
    assert again == apply_curation([A], CLAIMS, tmp_path / "a")


def test_sentence_around() -> None:
    text = "Satu dua. Tiga “empat.” Lima enam!\nTujuh"
    assert sentence_around(text, text.index("Tiga"), text.index("Tiga") + 4).surface == "Tiga “empat.”"
    assert sentence_around(text, 0, 3).surface == "Satu dua."
    assert sentence_around(text, text.index("Tujuh"), len(text)).surface == "Tujuh"


def test_build_applies_curation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's hook (``klaim.dataset.curation.apply_curation``) with a curation folder."""
    import importlib

    build = importlib.import_module("klaim.dataset.build")

    monkeypatch.setattr(build, "read_articles", lambda *_a, **_kw: [A])
    monkeypatch.setattr(build, "extract_articles", lambda arts, cb=None: list(CLAIMS))
    folder = tmp_path / "curation"
    write(folder, CURATION)
    res = build.build(build.BuildSettings(seeds=tmp_path, out=tmp_path / "data", curation=folder))
    assert res.counts.get("claims", len(CLAIMS)) == len(CLAIMS)
    (folder / f"{A.article_id}.yaml").write_text(MALFORMED, encoding="utf-8")
    with pytest.raises(SchemaError):
        build.build(build.BuildSettings(seeds=tmp_path, out=tmp_path / "data2", curation=folder))
    assert not (tmp_path / "data2").exists()


def test_conflicts_between_files_and_results_are_reported(tmp_path: Path) -> None:
    """Two files for one article, an added claim that does not validate, and a moved span that
    lands on another claim's span: each is a problem with its file and record."""
    moved_onto_budget = f"""\
article_id: {A.article_id}
claims:
  - claim_id: {RP.claim_id}
    start: {BUDGET.start}
    end: {BUDGET.end}
added:
  - start: {A.text.index("Banjir")}
    end: {A.text.index("Banjir") + len("Banjir")}
    claim_type: numerical
    figures: [{{start: 0, end: 7, kind: money, currency: XXY}}]
"""
    first = parse_curation(moved_onto_budget, "first.yaml", ValidationReport())
    second = parse_curation(f"article_id: {A.article_id}\n", "second.yaml", ValidationReport())
    assert first is not None and second is not None
    with pytest.raises(SchemaError) as exc:
        apply_decisions([A], CLAIMS, [first, second])
    got = {(p.file, p.field): (p.record, p.reason) for p in exc.value.report.problems}
    assert got[("second.yaml", "article_id")] == (
        "line 1", f"article {A.article_id!r} is curated in two files (first.yaml too)")
    assert got[("first.yaml", "added[0].figures[0]")][1] == "currency 'XXY' is not an ISO 4217 code"
    assert got[("first.yaml", "claims[0]")] == (
        f"line 3 ({RP.claim_id})", (f"the result has 2 claims with id {BUDGET.claim_id} "
                                    "(a corrected span equals another claim's span)"))
    assert len(got) == 3


def test_a_span_written_unchanged_keeps_the_claim_id(tmp_path: Path) -> None:
    text = (f"article_id: {A.article_id}\nclaims:\n  - claim_id: {INFL.claim_id}\n"
            f"    start: {INFL.start}\n    end: {INFL.end}\n    modality: hedged\n")
    origins: dict[str, str] = {}
    loaded = parse_curation(text, "f.yaml", ValidationReport())
    assert loaded is not None
    out = apply_decisions([A], CLAIMS, [loaded], origins=origins)
    assert [c.claim_id for c in out] == [c.claim_id for c in CLAIMS]
    assert out[0].modality.value == "hedged" and origins == {INFL.claim_id: INFL.claim_id}
