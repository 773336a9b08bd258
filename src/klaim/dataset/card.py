"""The dataset card (README.md of a release), generated from the data and the schema.

The YAML header is what ``datasets.load_dataset`` reads: configs with their data files and
version, and per config the features and split sizes it verifies on load.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from pydantic import BaseModel

from klaim.dataset import records
from klaim.dataset.layout import ARTICLES_PARQUET, CLAIMS_PARQUET
from klaim.dataset.settings import license_label
from klaim.extraction.lang import available
from klaim.schema import Article, Claim, ClaimType, FigureKind

DEFAULT_DESCRIPTION = """Atomic, checkable claims extracted from news articles by [klaim](https://github.com/klaim-dev/klaim),
each traceable to its exact character span in the article, with its figures normalised, its speaker,
modality, time, entities, check-worthiness, and a verdict slot with evidence."""
LIMITATIONS = """Rule-based extraction misses claims phrased in unusual ways and may split or merge claims
differently from a human annotator. Speaker names are resolved within one article only.
Check-worthiness is a heuristic score, not a judgement of importance."""
TASK_CATEGORIES = ["text-classification", "token-classification"]
TASK_IDS = ["fact-checking"]


def counts(articles: list[Article], claims: list[Claim]) -> dict[str, Any]:
    by_type = Counter(c.claim_type.value for c in claims)
    by_kind = Counter(f.kind.value for c in claims for f in c.figures)
    return {
        "articles": len(articles),
        "claims": len(claims),
        "figures": sum(len(c.figures) for c in claims),
        "claims_per_type": {t.value: by_type.get(t.value, 0) for t in ClaimType},
        "figures_per_kind": {k.value: by_kind.get(k.value, 0) for k in FigureKind},
        "claims_per_language": dict(sorted(Counter(c.lang for c in claims).items())),
        "claims_per_article": dict(sorted(Counter(c.article_id for c in claims).items())),
        "verdicts": dict(sorted(Counter(c.verdict.label.value for c in claims).items())),
    }


def _size_category(n: int) -> str:
    for limit, label in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"),
                         (1_000_000, "100K<n<1M")):
        if n < limit:
            return label
    return "1M<n<10M"


def yaml_header(articles: list[Article], claims: list[Claim], info: dict[str, Any],
                sizes: dict[str, int]) -> str:
    from datasets import DatasetInfo, SplitDict, SplitInfo
    from datasets.info import DatasetInfosDict
    from datasets.utils.metadata import MetadataConfigs
    from huggingface_hub import DatasetCardData

    data = DatasetCardData(
        pretty_name=f"klaim: {info['name']} (atomic fact-checking claims)",
        language=sorted({a.lang for a in articles}) or ["id"],
        license=((info.get("card") or {}).get("license") or "unknown").lower(),
        task_categories=TASK_CATEGORIES,
        task_ids=TASK_IDS,
        size_categories=[_size_category(len(claims))],
        tags=["fact-checking", "claims", "numbers", "indonesian", "klaim"],
    )
    MetadataConfigs({
        "claims": {"data_files": [{"split": "train", "path": CLAIMS_PARQUET}], "default": True,
                   "version": info["version"]},
        "articles": {"data_files": [{"split": "train", "path": ARTICLES_PARQUET}],
                     "version": info["version"]},
    }).to_dataset_card_data(data)
    infos = {}
    for config, feats, n, rel in (("claims", records.claim_features(), len(claims), CLAIMS_PARQUET),
                                  ("articles", records.article_features(), len(articles), ARTICLES_PARQUET)):
        splits = SplitDict()
        splits.add(SplitInfo(name="train", num_bytes=sizes[rel], num_examples=n))
        infos[config] = DatasetInfo(features=feats, splits=splits, download_size=sizes[rel],
                                    dataset_size=sizes[rel])
    DatasetInfosDict(infos).to_dataset_card_data(data)
    return "---\n" + data.to_yaml() + "\n---\n"


def _field_rows(model: type[BaseModel], prefix: str = "") -> list[str]:
    rows = []
    for name, field in model.model_fields.items():
        tp = records.unwrap_optional(field.annotation)
        inner = tp
        import typing

        if typing.get_origin(tp) is list:
            inner = typing.get_args(tp)[0]
        type_name = getattr(inner, "__name__", str(inner))
        if typing.get_origin(tp) is list:
            type_name = f"list of {type_name}"
        desc = (field.description or "").replace("|", "\\|").replace("\n", " ")
        rows.append(f"| `{prefix}{name}` | {type_name} | {desc} |")
        if isinstance(inner, type) and issubclass(inner, BaseModel) and inner.__name__ != "Span":
            rows.extend(_field_rows(inner, f"{prefix}{name}."))
    return rows


def _review_note(claims: list[Claim]) -> str:
    reviewed = [c for c in claims if c.verdict.reviewer]
    if not reviewed:
        return ("**Human review.** None: this version is the raw extraction. Reviewed versions "
                "are built with curation files (`klaim curation init`), and `klaim diff` shows "
                "what the review changed.")
    settled = sum(1 for c in reviewed if c.verdict.label.value != "unverified")
    added = sum(1 for c in claims if c.extractor == "curation")
    return (f"**Human review.** {len(reviewed)} of {len(claims)} claims were checked by a person "
            f"against the article (`verdict.reviewer`, `verdict.reviewed`); {added} were added by "
            f"reviewers; {settled} carry a verdict with evidence, the others stay `unverified`. "
            "Rejected claims are left out; `klaim diff` against the unreviewed version shows "
            "every change the review made.")


def _table(counter: dict[str, int], head: str) -> str:
    lines = [f"| {head} | count |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in counter.items()]
    return "\n".join(lines)


def _curated_line(curated_by: str | None, reviewed: int, total: int) -> str:
    if not curated_by:
        return f"- **Human review:** {reviewed} of {total} claims carry one."
    return f"- **Curated by:** {curated_by}; {reviewed} of {total} claims carry a human review."


def _source_lines(text: dict[str, Any]) -> str:
    rights = text.get("rights")
    return f"\n- **Rights of the article texts:** {rights}" if rights else ""


def _sentence(extra: str | None) -> str:
    return f" {extra.strip()}" if extra and extra.strip() else ""


def render(articles: list[Article], claims: list[Claim], info: dict[str, Any],
           sizes: dict[str, int]) -> str:
    c = info["counts"]
    example = ""
    if claims:
        best = max(claims, key=lambda x: (len(x.figures), x.check_worthiness, -x.start))
        example = json.dumps(best.model_dump(mode="json"), ensure_ascii=False, indent=2)
    reviewed = sum(1 for cl in claims if cl.verdict.reviewer)
    text = info.get("card") or {}
    body = f"""
# klaim dataset `{info['name']}` v{info['version']}

{text.get('description') or DEFAULT_DESCRIPTION}

Released {info['released']} · schema {info['schema_version']} · content sha256 `{info['content_sha256'][:16]}…`

## Dataset Description

- **Articles:** {c['articles']} · **claims:** {c['claims']} · **figures:** {c['figures']}
- **Languages:** {', '.join(c['claims_per_language']) or 'none'}
{_curated_line(text.get('curated_by'), reviewed, c['claims'])}
- **License:** annotations {license_label(text.get('license'))}; article texts keep their own rights (see `rights` in the
  `articles` config).{_source_lines(text)}

## Uses

Training and evaluating claim detection, claim decomposition, attribution and numeric
fact-checking models; seeding a fact-checking desk's queue (sort by `check_worthiness`).
Not for: judging truth. `verdict` is `unverified` unless a reviewer recorded evidence; an
unverified claim is neither true nor false.

```python
from datasets import load_dataset

claims = load_dataset("path/to/v{info['version']}", "claims", split="train")
articles = load_dataset("path/to/v{info['version']}", "articles", split="train")
```

```python
import pandas as pd

df = pd.read_csv("claims.csv", encoding="utf-8-sig")  # nested columns are JSON strings
```

## Dataset Structure

Configs: `claims` (default; one row per claim) and `articles` (one row per article, with the full
text that every offset refers to: `article.text[claim.start:claim.end] == claim.surface`).
Files: `data/*.parquet`; `claims.csv` and `figures.csv` (flat views, nested values JSON-encoded,
cells that a spreadsheet would run as formulas, or that start with `'`, prefixed with one `'`, which
readers strip); `claims.jsonl`; `claimreview.jsonld`
(schema.org ClaimReview for reviewed claims, bare Claim for the rest); JSON Schema in `schema/`;
`croissant.json`; charts in `charts/`; `checksums.sha256`.

### Claim fields

| field | type | description |
|---|---|---|
{chr(10).join(_field_rows(Claim))}

![Claims per type](charts/claims_per_type.svg) ![Figures per kind](charts/figures_per_kind.svg)
![Check-worthiness](charts/check_worthiness.svg) ![Verdicts](charts/verdicts.svg)

### Claims per type

{_table(c['claims_per_type'], 'claim type')}

### Figures per kind

{_table(c['figures_per_kind'], 'figure kind')}

### Claims per language

{_table(c['claims_per_language'], 'language')}

### Claims per article

{_table(c['claims_per_article'], 'article')}

### Example record

```json
{example}
```

## Dataset Creation

Claims are extracted by klaim's rule-based, deterministic extractor (sentence and clause
segmentation that keeps offsets, decomposition of coordinated predicates and reported speech,
attribution from per-language cue tables, modality cues, a number grammar per language:
{', '.join(available('figures'))}). Source articles: see the `source` and `rights` of each article.{_sentence(text.get('source'))}

{_review_note(claims)}

{info.get('creation_notes') or 'Measured accuracy: see `docs/evaluation-claims.md` and `docs/evaluation-figures.md` in the klaim repository.'}

## Bias, Risks and Limitations

{LIMITATIONS}{_sentence(text.get('limitations'))}

## Citation

```bibtex
@misc{{klaim_{info['name'].replace('-', '_')}_{info['version'].replace('.', '_')},
  title  = {{klaim: {info['name']} v{info['version']}}},
  year   = {{{info['released'][:4]}}},
  note   = {{Dataset of atomic fact-checking claims built with klaim}}
}}
```

## Changelog

{info.get('changes') or 'See CHANGELOG.md beside the version folders.'}
"""
    return yaml_header(articles, claims, info, sizes) + body
