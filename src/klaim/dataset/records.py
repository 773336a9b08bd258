"""Records: claims and articles as table rows, with dataset features and CSV columns derived
from the pydantic models (never written by hand, so they cannot drift from the schema)."""

from __future__ import annotations

import json
import types
import typing
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from klaim.schema import Article, Claim, ClaimType, Figure, Modality

# Top-level enums become class labels: datasets users filter and stratify on them.
CLASS_LABEL_FIELDS: dict[str, type[Enum]] = {"claim_type": ClaimType, "modality": Modality}

_SCALARS = {str: "string", int: "int64", float: "float64", bool: "bool", date: "date32"}


def unwrap_optional(tp: Any) -> Any:
    """``X | None`` → ``X``; other types unchanged."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _feature_for(tp: Any) -> Any:
    from datasets import List, Value

    tp = unwrap_optional(tp)
    if typing.get_origin(tp) is list:
        return List(_feature_for(typing.get_args(tp)[0]))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return {name: _feature_for(f.annotation) for name, f in tp.model_fields.items()}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return Value("string")
    for py, arrow in _SCALARS.items():
        if tp is py:
            return Value(arrow)
    raise TypeError(f"no dataset feature for type {tp!r}")


def features_of(model: type[BaseModel], class_labels: dict[str, type[Enum]] | None = None):
    """``datasets.Features`` for a model: nested models as structs, lists as lists."""
    from datasets import ClassLabel, Features

    labels = class_labels or {}
    out = {}
    for name, field in model.model_fields.items():
        if name in labels:
            out[name] = ClassLabel(names=[m.value for m in labels[name]])
        else:
            out[name] = _feature_for(field.annotation)
    return Features(out)


@lru_cache(maxsize=1)
def claim_features():
    return features_of(Claim, CLASS_LABEL_FIELDS)


@lru_cache(maxsize=1)
def article_features():
    return features_of(Article)


def to_row(model: BaseModel) -> dict[str, Any]:
    """A plain row: enums as their values, dates as ``date`` (Arrow date32)."""
    return _plain(model.model_dump(mode="python"))


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def claim_row(claim: Claim) -> dict[str, Any]:
    return to_row(claim)


def article_row(article: Article) -> dict[str, Any]:
    return to_row(article)


def row_to_claim(row: dict[str, Any], text: str | None = None) -> Claim:
    """Parse a row back; class labels may arrive as ints from ``datasets``."""
    row = dict(row)
    for name, enum in CLASS_LABEL_FIELDS.items():
        if isinstance(row.get(name), int):
            row[name] = list(enum)[row[name]].value
    return Claim.model_validate(row, context={"text": text} if text is not None else None)


# --- flat CSV views: nested values JSON-encoded, never Python reprs -------------------------

def _is_nested(tp: Any) -> bool:
    tp = unwrap_optional(tp)
    return typing.get_origin(tp) is list or (isinstance(tp, type) and issubclass(tp, BaseModel))


def csv_columns(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


CLAIM_CSV_COLUMNS = csv_columns(Claim)
FIGURE_CSV_COLUMNS = ["claim_id", "article_id", *csv_columns(Figure)]
JSON_CELL_FIELDS = frozenset(n for n, f in Claim.model_fields.items() if _is_nested(f.annotation))


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return value


def claim_csv_row(claim: Claim) -> dict[str, Any]:
    data = claim.model_dump(mode="json")
    return {col: _cell(data[col]) for col in CLAIM_CSV_COLUMNS}


def figure_csv_rows(claim: Claim) -> list[dict[str, Any]]:
    rows = []
    for fig in claim.figures:
        data = fig.model_dump(mode="json")
        rows.append({"claim_id": claim.claim_id, "article_id": claim.article_id,
                     **{col: data[col] for col in FIGURE_CSV_COLUMNS[2:]}})
    return rows


def claim_from_csv_row(row: dict[str, Any], text: str | None = None) -> Claim:
    """Inverse of ``claim_csv_row``: JSON cells decoded, empty cells read as missing."""
    data: dict[str, Any] = {}
    for col, value in row.items():
        if value is None or (isinstance(value, float) and value != value) or value == "":
            continue
        if col in JSON_CELL_FIELDS and isinstance(value, str):
            value = json.loads(value)
        data[col] = value
    return Claim.model_validate(data, context={"text": text} if text is not None else None)
