"""YAML written by people (curation files, ``.meta.yaml`` sidecars), read defensively.

Anchors and aliases are refused: klaim's input files never need them, and nested aliases expand
exponentially on load (a "billion laughs" file hangs the build). Dates stay strings so that an
impossible date (``2024-02-30``) is a field error of the schema, not a crash of the YAML parser;
duplicate keys are reported because YAML silently keeps only the last one.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError

MAX_DEPTH = 100  # far beyond any klaim file; deeper nesting would exhaust Python's stack


class _DepthLimited(yaml.SafeLoader):
    """Refuses nesting deeper than ``MAX_DEPTH`` with its line, instead of a RecursionError."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self._depth >= MAX_DEPTH:
            raise ComposerError(None, None, f"nested deeper than {MAX_DEPTH} levels",
                                self.peek_event().start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class StrictLoader(_DepthLimited):
    """SafeLoader without anchors, aliases or implicit timestamps, and with bounded nesting."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ComposerError(None, None, "anchors and aliases (&name, *name) are not allowed "
                                "in this file; write the value out", event.start_mark)
        return super().compose_node(parent, index)


StrictLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def duplicate_keys(node: yaml.Node | None, path: str = "") -> list[tuple[str, int]]:
    """(dotted key, line) of every mapping key given twice."""
    found: list[tuple[str, int]] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            k = str(key.value) if isinstance(key, yaml.ScalarNode) else str(key.start_mark)
            sub = f"{path}.{k}" if path else k
            if k in seen:
                found.append((sub, key.start_mark.line + 1))
            seen.add(k)
            found.extend(duplicate_keys(value, sub))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            found.extend(duplicate_keys(item, f"{path}[{i}]"))
    return found


def yaml_error_reason(exc: yaml.YAMLError) -> tuple[str, str]:
    """(where, reason) of a YAML error: ``line N, column M`` when the parser knows it."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        reason = " ".join(x for x in (exc.context, exc.problem) if x) or str(exc)
        return where, f"not valid YAML: {reason}"
    return "(file)", f"not valid YAML: {exc}"


def load_strict(text: str) -> tuple[Any, list[tuple[str, int]]]:
    """The document's data and its duplicate keys; raises ``yaml.YAMLError`` on bad YAML."""
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, duplicate_keys(node)


class _AliasLoader(_DepthLimited):
    """SafeLoader for machine-written YAML (dataset cards), where aliases are legitimate."""


MAX_EXPANDED_NODES = 1_000_000


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Nodes the document has once aliases are expanded; linear in the composed graph."""
    if id(node) in memo:
        return memo[id(node)]
    memo[id(node)] = 1  # a self-referencing node counts once instead of recursing forever
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [n for pair in node.value for n in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    total = 1 + sum(min(_expanded_size(c, memo), MAX_EXPANDED_NODES) for c in children)
    memo[id(node)] = total
    return total


def load_bounded(text: str, max_nodes: int = MAX_EXPANDED_NODES) -> Any:
    """Load YAML that may use aliases, refusing a document that expands beyond ``max_nodes``
    (an alias bomb) before it is constructed."""
    loader = _AliasLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        size = _expanded_size(node, {})
        if size > max_nodes:
            raise yaml.YAMLError(f"expands to more than {max_nodes:,} values through aliases "
                                 "(an alias bomb?)")
        return loader.construct_document(node)
    finally:
        loader.dispose()


class NoAliasDumper(yaml.SafeDumper):
    """SafeDumper that writes a value shared by two places twice instead of as ``&id001`` /
    ``*id001``, so that files klaim writes pass the loader that refuses aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True
