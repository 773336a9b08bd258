"""A dataset's own settings: ``klaim.toml`` in the dataset's folder.

A dataset is a folder holding ``klaim.toml`` (name, version, licence, card text, where its articles,
curation and releases are); ``klaim init DIR`` scaffolds one and ``klaim build DIR`` builds it.
Relative paths in the file are relative to the folder, so a dataset can be moved or copied whole.
The repository's seed is one such dataset (``seeds/klaim.toml``); ``[tool.klaim] dataset`` in
``pyproject.toml`` names the dataset that a bare ``klaim build`` builds.
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from klaim.errors import InputError, Problem, SchemaError, ValidationReport

SETTINGS_FILE = "klaim.toml"
NAME_PATTERN = r"^[a-z0-9][a-z0-9_.\-]*$"
VERSION_PATTERN = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"
# Fields an article may have; a field map may only target these.
ARTICLE_FIELDS = ("id", "text", "lang", "published", "title", "source", "url", "rights",
                  "published_inferred", "published_note")


@lru_cache(maxsize=1)
def _spdx():
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


def normalise_license(value: str) -> str:
    """The SPDX expression in its canonical spelling; ``ValueError`` if it is not one."""
    info = _spdx().validate(value, strict=True)
    if info.errors or not info.normalized_expression:
        hint = "; see https://spdx.org/licenses/ (e.g. CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, MIT)"
        raise ValueError(f"{value!r} is not an SPDX licence identifier{hint}")
    return info.normalized_expression


def license_label(spdx: str | None) -> str:
    """How the card names the licence: ``CC-BY-4.0`` → ``CC BY 4.0``; others as SPDX spells them."""
    if spdx is None:
        return "not stated (set `license` in klaim.toml)"
    m = re.fullmatch(r"CC-([A-Z\-]+)-(\d\.\d)(?:-([A-Z]+))?", spdx)
    if m:
        return f"CC {m.group(1)} {m.group(2)}" + (f" {m.group(3)}" if m.group(3) else "")
    return spdx


def license_url(spdx: str | None) -> str | None:
    if spdx is None:
        return None
    m = re.fullmatch(r"CC-([A-Z\-]+)-(\d\.\d)", spdx)
    if m:
        return f"https://creativecommons.org/licenses/{m.group(1).lower()}/{m.group(2)}/"
    if spdx == "CC0-1.0":
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    return f"https://spdx.org/licenses/{spdx}.html"


class CardText(BaseModel):
    """The dataset card's words that belong to the dataset, not to klaim."""

    model_config = ConfigDict(extra="forbid")

    description: str | None = Field(default=None, description="What the dataset is (card intro).")
    curated_by: str | None = Field(default=None, description="Who curated it.")
    source: str | None = Field(default=None, description="Where the articles come from.")
    rights: str | None = Field(default=None, description="Rights of the article texts.")
    limitations: str | None = Field(default=None, description="Known limitations of the data.")


class DatasetSettings(CardText):
    """The contents of ``klaim.toml``."""

    name: Annotated[str, Field(pattern=NAME_PATTERN, description="Dataset name (lower case).")]
    version: Annotated[str, Field(pattern=VERSION_PATTERN, description="Version to release next.")]
    license: str | None = Field(default=None, description="SPDX licence of the annotations.")
    lang: str | None = Field(default=None, pattern=r"^[a-z]{2}$",
                             description="Language of articles that do not state one "
                                         "(unset: detected from the text).")
    articles: Path = Field(default=Path("articles"), description="Folder or file of articles.")
    curation: Path | None = Field(default=Path("curation"), description="Human review files.")
    out: Path = Field(default=Path("releases"), description="Where releases are written.")
    card_notes: Path | None = Field(default=None, description="Markdown for 'Dataset Creation'.")
    changes: str | None = Field(default=None, description="What the next version changes.")
    map: dict[str, str] = Field(default_factory=dict,
                                description="Article field ← input field, e.g. published = 'date'.")

    @model_validator(mode="before")
    @classmethod
    def _blank_is_unset(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if v != ""}
        return data

    @field_validator("license")
    @classmethod
    def _spdx_license(cls, v: str | None) -> str | None:
        return None if v is None else normalise_license(v)

    @field_validator("map")
    @classmethod
    def _known_targets(cls, v: dict[str, str]) -> dict[str, str]:
        return check_field_map(v)


def check_field_map(mapping: dict[str, str]) -> dict[str, str]:
    unknown = sorted(set(mapping) - set(ARTICLE_FIELDS))
    if unknown:
        raise ValueError(f"cannot map to {', '.join(unknown)}: article fields are "
                         f"{', '.join(ARTICLE_FIELDS)}")
    return mapping


def parse_field_map(pairs: list[str]) -> dict[str, str]:
    """``["published=date", "id=guid"]`` → ``{"published": "date", "id": "guid"}``."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        target, sep, source = pair.partition("=")
        if not sep or not target.strip() or not source.strip():
            raise InputError(f"--map {pair!r}: write ARTICLE_FIELD=INPUT_FIELD, e.g. published=date")
        mapping[target.strip()] = source.strip()
    try:
        return check_field_map(mapping)
    except ValueError as exc:
        raise InputError(f"--map: {exc}") from exc


def settings_path(folder: Path) -> Path:
    return folder / SETTINGS_FILE if folder.is_dir() or not folder.suffix else folder


def load_settings(folder: Path) -> DatasetSettings:
    """The dataset settings in ``folder/klaim.toml``; every problem reported with its field."""
    path = settings_path(Path(folder))
    if not path.is_file():
        raise InputError(f"no {SETTINGS_FILE} here; run `klaim init {folder}` to make a dataset",
                         str(path.parent))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not valid TOML: {exc}", str(path)) from exc
    try:
        return DatasetSettings.model_validate(data)
    except ValidationError as exc:
        report = ValidationReport(checked=1)
        report.problems.extend(
            Problem(str(path), "settings", ".".join(str(p) for p in e["loc"]) or "(file)",
                    e["msg"].removeprefix("Value error, "))
            for e in exc.errors())
        raise SchemaError(report) from exc


TEMPLATE = '''# Settings of the klaim dataset in this folder (see `klaim init --help`).
# Paths are relative to this folder.

name = {name}
version = "{version}"            # the version `klaim build` releases next (MAJOR.MINOR.PATCH)
license = {license}           # SPDX id of the annotations' licence: CC-BY-4.0, CC0-1.0, MIT, ...
{lang_line}

# The dataset card's words: say what this dataset is, who made it, where the texts come from.
description = {description}
curated_by = {curated_by}
source = {source}
rights = {rights}
limitations = ""

articles = "articles"            # .txt + .meta.yaml, JSONL, CSV, Parquet, HTML or WARC
curation = "curation"            # `klaim curation init ARTICLE_ID` writes review files here
out = "releases"                 # releases go to <out>/<name>/v<version>/
# changes = "What this version changes."

# Input field names that differ from klaim's (article field = input field):
[map]
# published = "date"
'''


def scaffold(folder: Path, name: str | None = None, license: str = "CC-BY-4.0",
             lang: str | None = None, description: str | None = None,
             curated_by: str = "", source: str = "", rights: str = "",
             force: bool = False) -> Path:
    """Write ``folder/klaim.toml`` and empty ``articles/`` and ``curation/`` folders."""
    folder = Path(folder)
    path = folder / SETTINGS_FILE
    if path.exists() and not force:
        raise InputError(f"{SETTINGS_FILE} exists; pass --force to overwrite it", str(folder))
    slug = name or re.sub(r"[^a-z0-9_.\-]+", "-", folder.resolve().name.lower()).strip("-.") or "dataset"
    text = TEMPLATE.format(
        name=_q(slug), version="1.0.0", license=_q(license),
        lang_line=f'lang = "{lang}"' if lang else '# lang = "id"                  # unset: detected per article',
        description=_q(description or f"Atomic, checkable claims from the articles of {slug}."),
        curated_by=_q(curated_by), source=_q(source), rights=_q(rights))
    try:
        DatasetSettings.model_validate(tomllib.loads(text))
    except (ValidationError, tomllib.TOMLDecodeError) as exc:
        raise InputError(_first_error(exc), str(path)) from exc
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "articles").mkdir(exist_ok=True)
    (folder / "curation").mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _q(value: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML)."""
    return json.dumps(value, ensure_ascii=False)


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        e = exc.errors()[0]
        return f"{'.'.join(str(p) for p in e['loc'])}: {e['msg'].removeprefix('Value error, ')}"
    return str(exc)
