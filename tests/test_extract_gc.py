"""``extract`` pauses the cyclic garbage collector while it works (see ``_no_cyclic_gc``): the
pause must be safe (extraction makes no reference cycles) and must leave the collector as it
found it, also when extraction fails."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import klaim
from klaim.extraction import claims as claims_module

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_4081d66b315ef270.txt"
ENGLISH = ('WASHINGTON - Prices rose 5 percent in March, the minister said on Monday. "We will cut taxes '
           'by $3 billion next year," said Treasury Secretary Janet Yellen, who spoke in New York.')


@pytest.mark.parametrize(("text", "lang"), [(SEED.read_text(encoding="utf-8"), "id"), (ENGLISH, "en")],
                         ids=["seed", "en"])
def test_extraction_makes_no_reference_cycles(text: str, lang: str) -> None:
    klaim.extract(text, lang)  # tables and caches are loaded once, outside the count
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        claims = klaim.extract(text, lang)
        unreachable = gc.collect()
    finally:
        if was_enabled:
            gc.enable()
    assert claims
    assert unreachable == 0


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(enabled: bool) -> None:
    was_enabled = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert klaim.extract("Harga beras naik 5 persen, kata Budi.", "id")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_the_collector_is_restored_when_extraction_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> list:
        assert not gc.isenabled()
        raise RuntimeError("stage failed")

    monkeypatch.setattr(claims_module, "_extract", broken)
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="stage failed"):
        klaim.extract("Harga beras naik 5 persen, kata Budi.", "id")
    assert gc.isenabled()
