"""The JSON Schema files in ``schema/``, generated from the pydantic models, and the record of
which schema each ``SCHEMA_VERSION`` names.

A release says which schema version its records follow, so a consumer can tell whether two
releases can be read the same way. That only holds if a version never names two different
schemas: ``schema/versions.json`` records a fingerprint of the schema per version, and the
check fails when the models changed but ``SCHEMA_VERSION`` did not.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from klaim.errors import KlaimError
from klaim.schema import SCHEMA_VERSION, json_schemas

HISTORY = "versions.json"


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


def schema_fingerprint(schemas: dict[str, dict[str, Any]] | None = None) -> str:
    """SHA-256 of the schemas without their ``$id`` (which holds the version itself)."""
    bodies = {name: {k: v for k, v in schema.items() if k != "$id"}
              for name, schema in (schemas or json_schemas()).items()}
    return hashlib.sha256(json.dumps(bodies, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def schema_history(folder: Path) -> dict[str, str]:
    """Schema version → fingerprint, as recorded in ``folder/versions.json``."""
    path = Path(folder) / HISTORY
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def schema_version_problem(folder: Path) -> str | None:
    """Why ``SCHEMA_VERSION`` does not name the schema the models generate, if it does not."""
    recorded = schema_history(folder).get(SCHEMA_VERSION)
    if recorded is None or recorded == schema_fingerprint():
        return None
    return (f"the models no longer generate the schema recorded as {SCHEMA_VERSION} in "
            f"{Path(folder) / HISTORY}: bump SCHEMA_VERSION in klaim/schema.py (semver), "
            "then run `klaim schema`")


def record_schema_version(folder: Path) -> Path:
    """Record the current schema's fingerprint under ``SCHEMA_VERSION`` (refused if that version
    already names another schema)."""
    if (why := schema_version_problem(folder)) is not None:
        raise KlaimError(why)
    history = {**schema_history(folder), SCHEMA_VERSION: schema_fingerprint()}
    path = Path(folder) / HISTORY
    path.write_text(json.dumps(dict(sorted(history.items())), indent=2) + "\n", encoding="utf-8")
    return path


def stale_schema_files(folder: Path) -> list[str]:
    """Names of files that are missing or differ from what the models generate."""
    stale = [name for name, text in rendered_schema_files().items()
             if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
    if schema_history(folder).get(SCHEMA_VERSION) != schema_fingerprint():
        stale.append(HISTORY)
    return stale
