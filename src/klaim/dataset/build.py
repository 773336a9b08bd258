"""``klaim build``: articles → claims → validated records → an immutable release.

Settings come from arguments, else ``[tool.klaim]`` in ``./pyproject.toml``, else defaults, so
``klaim build`` with no arguments builds the project's seeds.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from klaim.articles import read_articles
from klaim.extraction.claims import extract
from klaim.dates import build_date
from klaim.dataset.release import ReleaseResult, check_name, write_release
from klaim.schema import Article, Claim


@dataclass
class BuildSettings:
    seeds: Path = Path("seeds")
    out: Path = Path("data")
    name: str = "klaim-seed"
    version: str = "0.1.0"
    changes: str | None = None
    curation: Path | None = None
    card_notes: Path | None = None  # markdown for the card's "Dataset Creation" (measured accuracy)

    @classmethod
    def from_pyproject(cls, path: Path = Path("pyproject.toml"), **overrides: Any) -> BuildSettings:
        conf: dict[str, Any] = {}
        if path.is_file():
            conf = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("klaim", {})
        merged = {**conf, **{k: v for k, v in overrides.items() if v is not None}}
        for key in ("seeds", "out", "curation", "card_notes"):
            if merged.get(key) is not None:
                merged[key] = Path(merged[key])
        known = {k: v for k, v in merged.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def __post_init__(self) -> None:
        check_name(self.name)  # the name becomes a folder under ``out``: never a path


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
    articles = read_articles(s.seeds)
    claims = extract_articles(articles, on_article)
    # A project without reviews yet has no curation folder; that is not an error.
    if s.curation is not None and s.curation.exists():
        from klaim.dataset.curation import apply_curation

        claims = apply_curation(articles, claims, s.curation)
    return articles, claims


def build(settings: BuildSettings | None = None, *,
          on_article: Callable[[Article], None] | None = None,
          progress: Callable[[str], None] | None = None) -> ReleaseResult:
    """Read the seeds, extract and validate claims, and write (or confirm) the release."""
    s = settings or BuildSettings.from_pyproject()
    articles, claims = collect(s, on_article)
    notes = s.card_notes.read_text(encoding="utf-8") if s.card_notes and s.card_notes.is_file() else None
    return write_release(articles, claims, s.out, s.name, s.version, released=release_date(),
                         changes=s.changes, notes=notes, progress=progress)
