"""The package's import graph: no cycles, and lower layers never import higher ones.

Imports inside functions count too: they hide a cycle from the interpreter, not from a reader.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "klaim"

# Each layer may import itself and the layers listed after it, never the ones before.
LAYERS = ["cli", "evaluation", "review", "corpus", "dataset", "inputs", "extraction", "foundation"]
FOUNDATION = {"klaim", "klaim.schema", "klaim.errors", "klaim.dates", "klaim.textfiles", "klaim.yaml_input"}
INPUTS = {"klaim.articles", "klaim.sources"}  # reading articles may detect their language


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under `if TYPE_CHECKING:`, which never run (annotations only)."""
    skipped = {id(inner) for node in ast.walk(tree)
               if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING")
               for stmt in node.body for inner in ast.walk(stmt)}
    return [node for node in ast.walk(tree) if id(node) not in skipped]


def imported_modules(path: Path) -> set[str]:
    """Every klaim module that `path` imports at run time, wherever the import statement stands."""
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("klaim"))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("klaim"):
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in MODULES else node.module)
    return {name for name in found if name in MODULES}


GRAPH = {name: imported_modules(path) - {name} for name, path in MODULES.items()}


def layer_of(module: str) -> str:
    if module in FOUNDATION:
        return "foundation"
    if module in INPUTS:
        return "inputs"
    return module.split(".")[1]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_the_package():
    assert len(MODULES) > 30
    assert "klaim.extraction.claims" in GRAPH["klaim"]


def test_type_checking_imports_do_not_count():
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import klaim.x\nimport klaim.y\n")
    names = {alias.name for node in _runtime_nodes(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert names == {"klaim.y"}


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle():
    # The package's own __init__ re-exports the public API: its edges are not part of a cycle
    # that matters, since nothing inside the package imports `klaim` itself for code.
    graph = {name: edges - {"klaim"} for name, edges in GRAPH.items()}
    assert cycles(graph) == []


@pytest.mark.parametrize("module", sorted(name for name in MODULES if name != "klaim"))
def test_lower_layers_never_import_higher_ones(module):
    rank = LAYERS.index(layer_of(module))
    upward = sorted(dep for dep in GRAPH[module] if LAYERS.index(layer_of(dep)) < rank)
    assert upward == [], f"{module} imports a higher layer"
