"""The JSON Schema files in ``schema/``, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from klaim.schema import json_schemas


def rendered_schema_files() -> dict[str, str]:
    return {f"{name}.schema.json": json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            for name, schema in json_schemas().items()}


def write_schema_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rendered_schema_files().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


def stale_schema_files(folder: Path) -> list[str]:
    """Names of files that are missing or differ from what the models generate."""
    return [name for name, text in rendered_schema_files().items()
            if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
