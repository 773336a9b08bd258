"""Read evaluation JSONL: one clear error naming the file, line and field for bad records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from klaim.errors import InputError


def read_records(path: str | Path, required: dict[str, type | tuple[type, ...]],
                 limit: int | None = None) -> list[dict[str, Any]]:
    """Records of ``path``, each checked for ``required`` fields and their types; every bad record
    is reported in one error, not just the first. ``limit`` keeps that many records spread evenly
    over the file (files are often sorted by label or source, so the first N would be biased)."""
    p = Path(path)
    if not p.is_file():
        raise InputError("file not found", str(p))
    if limit is not None and limit < 1:
        raise InputError(f"limit must be at least 1, got {limit}")
    records, problems = [], []
    for n, rec, problem in _spread(list(_lines(p)), limit):
        problem = problem or _missing(rec, required)
        if problem:
            problems.append(f"line {n}: {problem}")
        else:
            records.append(rec)
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise InputError(f"{len(problems)} bad record(s): {shown}", str(p))
    return records


def _spread(items: list[Any], limit: int | None) -> list[Any]:
    if limit is None or limit >= len(items):
        return items
    return [items[i * len(items) // limit] for i in range(limit)]


def _lines(p: Path) -> Iterator[tuple[int, Any, str | None]]:
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line), None
            except json.JSONDecodeError as exc:
                yield n, None, f"not JSON ({exc.msg})"


def _missing(rec: Any, required: dict[str, type | tuple[type, ...]]) -> str | None:
    if not isinstance(rec, dict):
        return "not a JSON object"
    for name, kind in required.items():
        if name not in rec:
            return f"field {name!r} is missing"
        if not isinstance(rec[name], kind) or (isinstance(rec[name], bool) and kind is not bool):
            return f"field {name!r} has the wrong type ({type(rec[name]).__name__})"
    return None
