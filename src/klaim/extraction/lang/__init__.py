"""Per-language knowledge, kept as data: one YAML table per language and concept.

``src/klaim/lang/<lang>.<concept>.yaml`` (for example ``id.figures.yaml``, ``en.claims.yaml``).
Adding a language is adding its tables; no code names a language's words.

A close language can start from its neighbour's table: ``extends: id`` at the top of
``ms.figures.yaml`` reads the Indonesian table first and lays the Malay one over it (see
``overlay``), so Malay keeps every Indonesian word it shares and states only what differs;
``without:`` drops the Indonesian entries Malay does not share.
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


EXTENDS = "extends"  # the key naming the table a table starts from
WITHOUT = "without"  # entries of the extended table that the language does not share


@cache
def extends(lang: str, concept: str = "claims") -> str | None:
    """The language whose ``concept`` table the table of ``lang`` extends, if it names one."""
    table = parse_yaml(table_source(lang, concept)[0])
    base = table.get(EXTENDS) if isinstance(table, dict) else None
    return base if isinstance(base, str) else None


@cache
def load_table(lang: str, concept: str) -> dict[str, Any]:
    """The ``concept`` table of ``lang`` as read from YAML, laid over the table it extends."""
    text, where = table_source(lang, concept)
    return resolve_extends(parse_yaml(text) or {}, concept, where, (lang,))


def resolve_extends(table: Any, concept: str, where: str, seen: tuple[str, ...] = ()) -> Any:
    """``table`` (read from ``where``) laid over the ``concept`` table it names under ``extends``.

    ``seen`` is the chain of languages read so far, so a loop (ms extends id extends ms) is an
    error that names it instead of a recursion without end."""
    if not isinstance(table, dict) or EXTENDS not in table:
        return table
    own = dict(table)
    base = own.pop(EXTENDS)
    dropped = own.pop(WITHOUT, None) or {}
    if not isinstance(base, str):
        raise InputError(f"{EXTENDS}: names one language, got {base!r}", where)
    if base in seen:
        raise InputError(f"{EXTENDS}: {base!r} makes a loop ({' -> '.join((*seen, base))})", where)
    if base not in available(concept):
        raise InputError(f"{EXTENDS}: no {concept} table for language {base!r}; available: "
                         f"{', '.join(available(concept)) or 'none'}", where)
    text, base_where = table_source(base, concept)
    parent = resolve_extends(parse_yaml(text) or {}, concept, base_where, (*seen, base))
    return overlay(without(parent, dropped, where), own)


def without(table: dict[str, Any], dropped: Any, where: str) -> dict[str, Any]:
    """``table`` less the entries listed per key in ``dropped`` (``without: {conditional:
    [manakala]}``: Malay "manakala" is "whereas", an Indonesian "when"). An entry the table does
    not have is an error, so a misspelling cannot silently keep a word."""
    if not isinstance(dropped, dict):
        raise InputError(f"{WITHOUT}: maps keys to the entries to drop, got {dropped!r}", where)
    kept = dict(table)
    for key, entries in dropped.items():
        present = kept.get(key)
        if not isinstance(present, (list, dict)):
            raise InputError(f"{WITHOUT}: {key!r} is no list or mapping of the extended table", where)
        missing = [e for e in entries or [] if e not in present]
        if missing:
            raise InputError(f"{WITHOUT}: {key!r} of the extended table has no {missing!r}", where)
        if isinstance(present, dict):
            kept[key] = {k: v for k, v in present.items() if k not in entries}
        else:
            kept[key] = [e for e in present if e not in entries]
    return kept


def overlay(base: Any, own: Any) -> Any:
    """``own`` laid over ``base``: mappings merge key by key, lists keep the base's entries and
    add the new ones after them, anything else is replaced. A language that extends another
    therefore adds words; to change a value it states the key again."""
    if isinstance(base, dict) and isinstance(own, dict):
        merged = dict(base)
        for key, value in own.items():
            merged[key] = overlay(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(own, list):
        return base + [item for item in own if item not in base]
    return own
