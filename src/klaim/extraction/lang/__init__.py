"""Per-language knowledge, kept as data: one YAML table per language and concept.

``src/klaim/lang/<lang>.<concept>.yaml`` (for example ``id.figures.yaml``, ``en.claims.yaml``).
Adding a language is adding its tables; no code names a language's words.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from klaim.errors import InputError


def available(concept: str) -> list[str]:
    """Languages that have a table for ``concept``."""
    suffix = f".{concept}.yaml"
    return sorted(p.name[: -len(suffix)] for p in resources.files(__package__).iterdir()
                  if p.name.endswith(suffix))


def table_source(lang: str, concept: str) -> tuple[str, str]:
    """(YAML text, file name) of the ``concept`` table of ``lang``; a clear error names the
    languages that exist."""
    path = resources.files(__package__) / f"{lang}.{concept}.yaml"
    if not path.is_file():
        raise InputError(
            f"no {concept} table for language {lang!r}; available: {', '.join(available(concept)) or 'none'}"
        )
    return path.read_text(encoding="utf-8"), f"lang/{lang}.{concept}.yaml"


# libyaml parses the tables about ten times faster than PyYAML's Python loader, which was most of
# a fresh process's first extract; it resolves tags exactly as SafeLoader does.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """``text`` as plain data (YAML's safe subset), parsed by libyaml when it is installed."""
    return yaml.load(text, Loader=SafeLoader)  # a safe loader: plain data only


def compose_yaml(text: str) -> yaml.Node | None:
    """The node tree of ``text``, whose marks give each key's line for error messages."""
    return yaml.compose(text, Loader=SafeLoader)


@cache
def load_table(lang: str, concept: str) -> dict[str, Any]:
    """The ``concept`` table of ``lang`` as read from YAML."""
    return parse_yaml(table_source(lang, concept)[0]) or {}
