"""find_figures against hand-checked data: the seed article's gold and the case tables."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml

from klaim import Figure, find_figures
from klaim.evaluation.figures import FiguresReport, evaluate_figures, numeral_cores

DATA = Path(__file__).parent / "data" / "figures"
SEED = Path(__file__).parents[1] / "seeds" / "000_4081d66b315ef270.txt"


def _same(got, want) -> bool:
    if hasattr(got, "value"):
        got = got.value
    if isinstance(want, str) and isinstance(got, float):
        want = float(want)  # YAML 1.1 reads 1.5e6 (no exponent sign) as a string
    if isinstance(want, (int, float)) and not isinstance(want, bool) and got is not None:
        return math.isclose(float(got), float(want), rel_tol=1e-9)
    return got == want


def _cases(lang: str) -> list[dict]:
    return yaml.safe_load((DATA / f"cases_{lang}.yaml").read_text(encoding="utf-8"))


def _check_case(case: dict, lang: str) -> None:
    ref = case.get("ref")
    figs = find_figures(case["text"], lang, str(ref) if ref else None)
    _check_invariants(case["text"], figs)
    pool = list(figs)
    for want in case.get("expect", []):
        hit = next((f for f in pool if f.surface == want["surface"]), None)
        assert hit is not None, f"{want['surface']!r} not found in {[f.surface for f in figs]}"
        pool.remove(hit)
        for key, value in want.items():
            assert _same(getattr(hit, key), value), f"{want['surface']!r}.{key}: {getattr(hit, key)!r} != {value!r}"
    if case.get("exact"):
        assert not pool, f"unexpected figures: {[f.surface for f in pool]}"
    for surface in case.get("absent", []):
        assert all(f.surface != surface for f in figs), f"{surface!r} should not be a figure"


def _check_invariants(text: str, figs: list[Figure]) -> None:
    last = 0
    for f in figs:
        assert text[f.start:f.end] == f.surface
        assert f.start >= last
        last = f.end
        Figure.model_validate(f.model_dump(), context={"text": text})


@pytest.mark.parametrize("case", _cases("id"), ids=lambda c: c["text"][:40])
def test_indonesian_cases(case: dict) -> None:
    _check_case(case, "id")


@pytest.mark.parametrize("case", _cases("en"), ids=lambda c: c["text"][:40])
def test_english_cases(case: dict) -> None:
    _check_case(case, "en")


@pytest.mark.parametrize("case", _cases("ms"), ids=lambda c: c["text"][:40])
def test_malay_cases(case: dict) -> None:
    _check_case(case, "ms")


def test_seed_article_matches_gold() -> None:
    text = SEED.read_text(encoding="utf-8")
    gold = [json.loads(line) for line in (DATA / "seed_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    figs = find_figures(text, "id", "2024-04-04")
    _check_invariants(text, figs)
    assert [(f.start, f.end) for f in figs] == [(g["start"], g["end"]) for g in gold]
    for f, g in zip(figs, gold, strict=False):
        for key, value in g.items():
            assert _same(getattr(f, key), value), f"{g['surface']!r}.{key}"


def test_reference_date_accepts_date_and_string() -> None:
    from datetime import date

    a = find_figures("hari Rabu", "id", date(2024, 4, 4))
    b = find_figures("hari Rabu", "id", "2024-04-04")
    assert a[0].iso == b[0].iso == "2024-04-03"


def test_unknown_language_is_a_clear_error() -> None:
    from klaim.errors import InputError

    with pytest.raises(InputError, match="available"):
        find_figures("5 km", "xx")


def test_empty_text() -> None:
    assert find_figures("") == []


def test_evaluate_klaim_gold_is_perfect_on_seed() -> None:
    path = DATA / "seed_spans.jsonl"  # seed_gold.jsonl in the span format, for evaluate_figures
    rec = json.loads(path.read_text(encoding="utf-8"))
    gold = [json.loads(line) for line in (DATA / "seed_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rec["text"] == SEED.read_text(encoding="utf-8")
    want = [(g["start"], g["end"], g["kind"]) for g in gold]
    assert [(s["start"], s["end"], s["label"]) for s in rec["spans"]] == want
    rep = evaluate_figures(path)
    assert isinstance(rep, FiguresReport)
    total = rep.row("ALL")
    assert total["f1_overlap"] == total["f1_exact"] == 1.0
    assert total["value_accuracy"] == 1.0
    assert "value acc" in rep.render()
    assert rep.to_dict()["convention"] == "klaim"


def test_evaluate_ud_num_compares_numeral_cores(tmp_path: Path) -> None:
    text = "Laba Rp 5 miliar pada 31 Desember 2006, naik 12 %."
    spans = [{"start": text.index("5 miliar"), "end": text.index("5 miliar") + 8, "label": "NUM"},
             {"start": text.index("31"), "end": text.index("31") + 2, "label": "NUM"},
             {"start": text.index("2006"), "end": text.index("2006") + 4, "label": "NUM"},
             {"start": text.index("12"), "end": text.index("12") + 2, "label": "NUM"}]
    path = tmp_path / "ud.jsonl"
    path.write_text(json.dumps({"id": "x", "text": text, "spans": spans}) + "\n")
    rep = evaluate_figures(path)
    assert rep.convention == "ud-num"
    assert rep.row("NUM")["f1_exact"] == 1.0


def test_numeral_cores_skip_determiners_and_ordinals() -> None:
    text = "beberapa orang dan ke-50"
    cores = [c for f in find_figures(text) for c in numeral_cores(f, "id")]
    assert cores == []


def test_evaluate_rejects_unknown_convention(tmp_path: Path) -> None:
    from klaim.errors import InputError

    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a", "text": "5", "spans": []}\n')
    with pytest.raises(InputError):
        evaluate_figures(path, convention="nope")


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("Kerugian negara mencapai Rp 279,9 triliun.", "id", 279_900_000_000_000),
    ("Suap itu senilai Rp 4,1 miliar.", "id", 4_100_000_000),
    ("Penduduknya 132,45 juta jiwa.", "id", 132_450_000),
    ("The fund holds $4.1 trillion.", "en", 4_100_000_000_000),
    ("Sales reached 64.1 million units.", "en", 64_100_000),
])
def test_a_written_decimal_times_its_scale_is_exact(text, lang, value):
    # 279.9 * 1e12 is 279899999999999.97 in binary floating point: a dataset must not say so
    assert find_figures(text, lang)[0].value == value


def test_a_ratio_keeps_its_own_digits():
    third = next(f for f in find_figures("Sepertiga warga mengungsi.", "id"))
    assert third.value == pytest.approx(1 / 3, rel=1e-15)
