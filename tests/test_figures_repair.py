"""Figures read through encoding damage: values from the repaired characters, spans on the original."""

from __future__ import annotations

from klaim import find_figures
from klaim.extraction.figures._repair import repair


def test_clean_text_needs_no_repair() -> None:
    assert repair("Suhu 23°C, café à la carte, naïve ½ — “kutipan”.") is None


def test_repair_maps_every_offset_back_to_the_original() -> None:
    text = "a 23Â°C b â‰¥77,5 c 2019â€“2020 d"
    fixed = repair(text)
    assert fixed is not None
    assert fixed.text == "a 23°C b ≥77,5 c 2019–2020 d"
    for i, ch in enumerate(fixed.text):
        o = fixed.orig(i)
        if ch in "°≥–":
            assert text[o] in "Ââ"  # the first character of the damaged sequence
        else:
            assert text[o] == ch
    assert fixed.orig(len(fixed.text)) == len(text)


def test_undecodable_lookalikes_are_left_alone() -> None:
    # "Ã" then "©" decodes ("é"); "Ã" then a plain letter does not, and stays as written
    fixed = repair("CafÃ© dan Ãx")
    assert fixed is not None and fixed.text == "Café dan Ãx"


def test_damaged_flag_only_where_the_damage_is() -> None:
    text = "Suhu 23Â°C, lalu 5 persen dan Rp 3 juta."
    figs = find_figures(text, "id")
    assert [(f.surface, f.damaged) for f in figs] == [("23Â°C", True), ("5 persen", False), ("Rp 3 juta", False)]
    assert all(text[f.start:f.end] == f.surface for f in figs)
