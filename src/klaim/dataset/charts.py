"""Charts of a set of claims as small, dependency-free SVG files.

The SVG text is a pure function of the claims (no timestamps, no random ids, fixed number
formatting, categories in schema order), so a dataset build writes byte-identical charts for the
same input. ``render_charts`` gives the SVG text (the review index inlines it);
``write_charts`` writes the files (the dataset card links them).

Charts:

- ``claims_per_type.svg``: claims per claim type (every type of the schema, zeros included);
- ``figures_per_kind.svg``: distinct figures per kind (a figure shared by several claims of the
  same article, same span and kind, counts once);
- ``check_worthiness.svg``: histogram of check-worthiness in ten bins [0, 0.1), …, [0.9, 1.0];
- ``verdicts.svg``: claims per verdict label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

from klaim.schema import Claim, ClaimType, FigureKind, VerdictLabel

CHART_FILES = ("claims_per_type.svg", "figures_per_kind.svg", "check_worthiness.svg",
               "verdicts.svg")

# One colour per claim type, shared with the review page so a chart reads like the highlights.
TYPE_COLOURS: dict[str, str] = {
    "numerical": "#1f77b4",
    "event_property": "#2ca02c",
    "quote": "#9467bd",
    "position": "#ff7f0e",
    "causal": "#d62728",
    "prediction": "#17becf",
    "background": "#7f7f7f",
}
VERDICT_COLOURS: dict[str, str] = {
    "unverified": "#9e9e9e",
    "supported": "#2e7d32",
    "refuted": "#c62828",
    "mixed": "#ef6c00",
    "not_enough_evidence": "#6d4c41",
}
_BAR = "#4e79a7"


def _fmt(x: float) -> str:
    """Fixed formatting: integers without a fraction, else two decimals."""
    return str(int(x)) if float(x).is_integer() else f"{x:.2f}"


def bar_chart(title: str, rows: Sequence[tuple[str, int]], colours: dict[str, str] | None = None,
              width: int = 560) -> str:
    """A horizontal bar chart: one row per (label, count), in the given order."""
    label_w, value_w, bar_h, gap, top = 170, 50, 18, 6, 34
    plot_w = width - label_w - value_w - 10
    height = top + len(rows) * (bar_h + gap) + 10
    peak = max((n for _, n in rows), default=0) or 1
    out = [
        (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
         f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
         'font-family="Helvetica, Arial, sans-serif" font-size="12">'),
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="10" y="20" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (label, n) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = round(plot_w * n / peak, 1)
        colour = (colours or {}).get(label, _BAR)
        out.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{escape(label)}</text>')
        out.append(f'<rect x="{label_w}" y="{y}" width="{_fmt(w)}" height="{bar_h}" '
                   f'fill="{colour}"><title>{escape(label)}: {n}</title></rect>')
        out.append(f'<text x="{_fmt(label_w + w + 4)}" y="{y + 13}">{n}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _figure_keys(claims: Iterable[Claim]) -> set[tuple[str, int, int, str]]:
    return {(c.article_id, f.start, f.end, f.kind.value) for c in claims for f in c.figures}


def worthiness_bins(claims: Iterable[Claim], bins: int = 10) -> list[tuple[str, int]]:
    counts = Counter(min(int(c.check_worthiness * bins), bins - 1) for c in claims)
    labels = []
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        close = "]" if i == bins - 1 else ")"
        labels.append((f"[{lo:.1f}, {hi:.1f}{close}", counts.get(i, 0)))
    return labels


def render_charts(claims: Sequence[Claim]) -> dict[str, str]:
    """File name → SVG text of each chart, in ``CHART_FILES`` order."""
    types = Counter(c.claim_type.value for c in claims)
    kinds = Counter(k for *_, k in _figure_keys(claims))
    verdicts = Counter(c.verdict.label.value for c in claims)
    n = len(claims)
    return {
        "claims_per_type.svg": bar_chart(f"Claims per type ({n} claims)",
                                         [(t.value, types.get(t.value, 0)) for t in ClaimType],
                                         TYPE_COLOURS),
        "figures_per_kind.svg": bar_chart(f"Figures per kind ({sum(kinds.values())} figures)",
                                          [(k.value, kinds.get(k.value, 0)) for k in FigureKind]),
        "check_worthiness.svg": bar_chart(f"Check-worthiness ({n} claims)",
                                          worthiness_bins(claims)),
        "verdicts.svg": bar_chart(f"Verdicts ({n} claims)",
                                  [(v.value, verdicts.get(v.value, 0)) for v in VerdictLabel],
                                  VERDICT_COLOURS),
    }


def write_charts(claims: Sequence[Claim], out_dir: Path) -> list[Path]:
    """Write every chart into ``out_dir`` (created if needed); returns the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, svg in render_charts(claims).items():
        path = out_dir / name
        path.write_bytes(svg.encode("utf-8"))
        paths.append(path)
    return paths
