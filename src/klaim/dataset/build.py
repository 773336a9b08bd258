"""``klaim build``: articles → claims → validated records → an immutable release.

Settings come from arguments, else the dataset's ``klaim.toml`` (see ``klaim.settings``); a bare
``klaim build`` builds the dataset that ``[tool.klaim] dataset`` in ``./pyproject.toml`` names.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from klaim.articles import read_articles
from klaim.dataset.layout import check_name
from klaim.dataset.release import ReleasePolicy, ReleaseResult, write_release
from klaim.dataset.settings import (
    SETTINGS_FILE,
    CardText,
    load_settings,
    normalise_license,
    settings_path,
)
from klaim.dates import build_date
from klaim.errors import InputError
from klaim.extraction.claims import extract
from klaim.schema import Article, Claim


@dataclass
class BuildSettings:
    """A resolved build: paths absolute or relative to the working directory, card text set."""

    seeds: Path = Path("seeds")
    out: Path = Path("data")
    name: str = "klaim-seed"
    version: str = "0.1.0"
    changes: str | None = None
    curation: Path | None = None
    card_notes: Path | None = None  # markdown for the card's "Dataset Creation" (measured accuracy)
    license: str | None = None  # SPDX id of the annotations' licence
    card: CardText = field(default_factory=CardText)
    lang: str | None = None  # language of articles that do not state one; None: detect
    field_map: dict[str, str] = field(default_factory=dict)
    allow: ReleasePolicy = field(default_factory=ReleasePolicy)

    @classmethod
    def from_dataset(cls, folder: Path, **overrides: Any) -> BuildSettings:
        """The settings of the dataset in ``folder`` (its ``klaim.toml``), then ``overrides``."""
        folder = Path(folder)
        ds = load_settings(folder)
        base = settings_path(folder).parent

        def under(p: Path) -> Path:
            return Path(os.path.normpath(base / p))

        merged: dict[str, Any] = {
            "seeds": under(ds.articles), "out": under(ds.out), "name": ds.name,
            "version": ds.version, "changes": ds.changes,
            "curation": under(ds.curation) if ds.curation else None,
            "card_notes": under(ds.card_notes) if ds.card_notes else None,
            "license": ds.license, "lang": ds.lang, "field_map": dict(ds.map),
            "card": CardText.model_validate(ds.model_dump(include=set(CardText.model_fields))),
        }
        return cls._with(merged, overrides)

    @classmethod
    def from_pyproject(cls, path: Path = Path("pyproject.toml"), **overrides: Any) -> BuildSettings:
        """The dataset that ``[tool.klaim] dataset`` names (a bare ``klaim build`` builds it);
        a ``[tool.klaim]`` table of build settings (the layout before ``klaim.toml``) still works."""
        folder = default_dataset(path)
        if folder is None:
            return cls._with(_tool_table(path), overrides)
        return cls.from_dataset(folder, **overrides)

    @classmethod
    def _with(cls, merged: dict[str, Any], overrides: dict[str, Any]) -> BuildSettings:
        merged = {**merged, **{k: v for k, v in overrides.items() if v is not None}}
        for key in ("seeds", "out", "curation", "card_notes"):
            if merged.get(key) is not None:
                merged[key] = Path(merged[key])
        if merged.get("license") is not None:
            try:
                merged["license"] = normalise_license(merged["license"])
            except ValueError as exc:
                raise InputError(f"--license: {exc}") from exc
        known = {k: v for k, v in merged.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def __post_init__(self) -> None:
        check_name(self.name)  # the name becomes a folder under ``out``: never a path


def _tool_table(pyproject: Path) -> dict[str, Any]:
    if not pyproject.is_file():
        return {}
    conf = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("klaim", {})
    return {k: v for k, v in conf.items() if k != "dataset"}


def default_dataset(pyproject: Path = Path("pyproject.toml")) -> Path | None:
    """The dataset folder a bare ``klaim build`` builds: ``./klaim.toml``, else the one that
    ``[tool.klaim] dataset`` in ``pyproject.toml`` names, else none."""
    if Path(SETTINGS_FILE).is_file():
        return Path(".")
    if not pyproject.is_file():
        return None
    conf = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("klaim", {})
    folder = conf.get("dataset")
    return pyproject.parent / folder if folder else None


def release_date() -> date:
    """``SOURCE_DATE_EPOCH`` (reproducible builds) or today, in UTC."""
    return build_date()


def extract_articles(articles: list[Article],
                     on_article: Callable[[Article], None] | None = None) -> list[Claim]:
    claims: list[Claim] = []
    for art in articles:
        claims.extend(extract(art.text, lang=art.lang, published=art.published,
                              article_id=art.article_id))
        if on_article:
            on_article(art)
    return claims


def collect(s: BuildSettings, on_article: Callable[[Article], None] | None = None
            ) -> tuple[list[Article], list[Claim]]:
    """The articles and their claims, with the curation (human review) applied when configured."""
    articles = read_articles(s.seeds, defaults=_article_defaults(s), field_map=s.field_map)
    claims = extract_articles(articles, on_article)
    # A project without reviews yet has no curation folder; that is not an error.
    if s.curation is not None and s.curation.exists():
        from klaim.dataset.curation import apply_curation

        claims = apply_curation(articles, claims, s.curation)
    return articles, claims


def _article_defaults(s: BuildSettings) -> dict[str, Any]:
    """What an article that does not say inherits from its dataset."""
    given = {"lang": s.lang, "source": s.card.source, "rights": s.card.rights}
    return {k: v for k, v in given.items() if v is not None}


def build(settings: BuildSettings | None = None, *,
          on_article: Callable[[Article], None] | None = None,
          progress: Callable[[str], None] | None = None) -> ReleaseResult:
    """Read the seeds, extract and validate claims, and write (or confirm) the release."""
    s = settings or BuildSettings.from_pyproject()
    articles, claims = collect(s, on_article)
    notes = s.card_notes.read_text(encoding="utf-8") if s.card_notes and s.card_notes.is_file() else None
    return write_release(articles, claims, s.out, s.name, s.version, released=release_date(),
                         changes=s.changes, notes=notes, progress=progress,
                         card={"license": s.license, **s.card.model_dump()}, policy=s.allow)
