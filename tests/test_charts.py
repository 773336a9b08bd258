"""Charts: one SVG per view of the claims, byte-identical for the same input."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from _claim_fixtures import all_claims
from klaim.dataset.charts import CHART_FILES, render_charts, worthiness_bins, write_charts

SVG = "{http://www.w3.org/2000/svg}"


def test_files_produced_and_valid_svg(tmp_path: Path) -> None:
    paths = write_charts(all_claims(), tmp_path / "charts")
    assert [p.name for p in paths] == list(CHART_FILES)
    for p in paths:
        root = ET.fromstring(p.read_bytes())
        assert root.tag == f"{SVG}svg"


def test_deterministic(tmp_path: Path) -> None:
    a = write_charts(all_claims(), tmp_path / "a")
    b = write_charts(list(reversed(all_claims())), tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def _bars(svg: str) -> dict[str, str]:
    root = ET.fromstring(svg)
    out = {}
    for rect in root.iter(f"{SVG}rect"):
        title = rect.find(f"{SVG}title")
        if title is not None:
            label, n = title.text.rsplit(": ", 1)
            out[label] = n
    return out


def test_counts() -> None:
    charts = render_charts(all_claims())
    types = _bars(charts["claims_per_type.svg"])
    assert types["numerical"] == "4" and types["event_property"] == "3"
    assert types["quote"] == "0"  # every type is listed, zeros included
    kinds = _bars(charts["figures_per_kind.svg"])
    assert kinds == {"cardinal": "3", "ordinal": "0", "money": "1", "percent": "3",
                     "quantity": "0", "date": "1", "time": "0", "duration": "0"}
    verdicts = _bars(charts["verdicts.svg"])
    assert verdicts["supported"] == "1" and verdicts["refuted"] == "1"


def test_histogram_bins_edges() -> None:
    from _claim_fixtures import news_claims

    c = news_claims()[0]
    bins = dict(worthiness_bins([c.model_copy(update={"check_worthiness": v})
                                 for v in (0.0, 0.1, 0.99, 1.0)]))
    assert bins["[0.0, 0.1)"] == 1 and bins["[0.1, 0.2)"] == 1 and bins["[0.9, 1.0]"] == 2


def test_empty() -> None:
    charts = render_charts([])
    assert set(charts) == set(CHART_FILES)
    assert all(ET.fromstring(s) is not None for s in charts.values())
