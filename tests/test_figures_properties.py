"""find_figures never crashes and always returns well-formed, ordered, disjoint figures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klaim import find_figures

_PIECES = st.sampled_from([
    "Rp", "Rp ", "US$", "€", "$", " ", ".", ",", "-", "–", "/", "(", ")", "[", "]", "%", "persen",
    "juta", "miliar", "ribu", "ribuan", "dua", "puluh", "belas", "ratus", "ke-", "kedua", "sekitar",
    "pukul", "tahun", "bulan", "Juli", "Kamis", "malam", "per", "hari", "antara", "dan", "sampai",
    "km", "ton", "million", "billion", "five", "about", "between", "and", "April", "Thursday",
    "1", "12", "350.000", "1.922,57", "2024", "19.30", "21/10/2025", "3-0", "9" * 40, "0,5", ".05",
    "\u00a0", "\u200b", "٣", "१२", "½", "²", "𝟙",
    # mojibake (UTF-8 read as Windows-1252) and Roman numerals in their contexts
    "Â°C", "â‰¥", "â€“", "Ã©", "Â", "â€", "Perang Dunia", "II", "XXI", "abad", "dari", "in", "50/50",
])


def _check(text: str, lang: str) -> None:
    figs = find_figures(text, lang, "2024-04-04")
    last = 0
    for f in figs:
        assert text[f.start:f.end] == f.surface
        assert f.start >= last
        last = f.end


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join), st.sampled_from(["id", "en"]))
def test_grammar_soup(text: str, lang: str) -> None:
    _check(text, lang)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["id", "en"]))
def test_any_unicode(text: str, lang: str) -> None:
    _check(text, lang)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=3000), st.sampled_from(["", ".", ",", " "]))
def test_huge_numbers_do_not_overflow(n: int, sep: str) -> None:
    text = f"Rp {sep.join(['999'] * n)} triliun dan {'9' * n} persen"
    _check(text, "id")


# Pathological inputs: each must give well-formed figures. Their speed (they once took minutes
# through regex backtracking) is measured by scripts/bench_pathological.py, not asserted here.
PATHOLOGICAL = ("1" * 100_000, "1." * 50_000, "1,2." * 30_000, "dua " * 20_000,
                "(" * 50_000 + "5" + ")" * 50_000, "Rp " * 20_000, "- " * 50_000 + "5",
                "twenty " * 20_000, "1 - " * 10_000,
                # every figure near damage, a subunit, a proportion or a relative date
                "Â°1 " * 5_000, "13 sen Rp 5 " * 3_000, "1 dari 2 " * 5_000, "tahun yang sama " * 5_000)


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: repr(t[:8]))
def test_long_runs_keep_offsets(text: str) -> None:
    _check(text, "id")
    _check(text, "en")


@settings(max_examples=40, deadline=None)
@given(st.recursive(st.just("5 persen"), lambda inner: st.tuples(st.sampled_from("([{"), inner).map(
    lambda t: t[0] + t[1] + {"(": ")", "[": "]", "{": "}"}[t[0]]), max_leaves=20))
def test_nested_brackets(text: str) -> None:
    _check(text, "id")
