"""The claim extractor stays a set of small rules (issue #12's "rebuilt core"): no function in
``klaim/extraction/claims/`` over 60 lines or over cyclomatic complexity 15, measured by radon.
A rule that grows past that is split into named steps, not waved through."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest
from radon.visitors import ComplexityVisitor, Function

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "klaim"
CLAIMS = PACKAGE / "extraction" / "claims"
MAX_LINES = 60
MAX_COMPLEXITY = 15


def _functions(path: Path) -> list[Function]:
    visitor = ComplexityVisitor.from_code(path.read_text(encoding="utf-8"))
    found = list(visitor.functions)
    for cls in visitor.classes:
        found += cls.methods
    return found


def _where(path: Path, fn: Function) -> str:
    return f"{path.name}:{fn.lineno} {fn.name}"


MODULES = sorted(CLAIMS.glob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_claims_functions_are_short_and_simple(path: Path) -> None:
    too_long = [f"{_where(path, fn)}: {fn.endline - fn.lineno + 1} lines"
                for fn in _functions(path) if fn.endline - fn.lineno + 1 > MAX_LINES]
    too_complex = [f"{_where(path, fn)}: complexity {fn.complexity}"
                   for fn in _functions(path) if fn.complexity > MAX_COMPLEXITY]
    assert not too_long + too_complex


def test_the_measure_sees_a_long_complex_function(tmp_path: Path) -> None:
    branches = "\n".join(f"    if x == {n}:\n        return {n}" for n in range(40))
    path = tmp_path / "big.py"
    path.write_text(f"def big(x):\n{branches}\n    return -1\n", encoding="utf-8")
    (fn,) = _functions(path)
    assert fn.complexity > MAX_COMPLEXITY and fn.endline - fn.lineno + 1 > MAX_LINES


def _defined_twice(source: str) -> list[str]:
    """Module-level names bound twice: the later binding wins for every function of the module,
    even those written above it (``NAME_REACH`` once meant 6 near its use and 800 in effect)."""
    bound: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound[node.name] += 1
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            bound.update(t.id for t in targets if isinstance(t, ast.Name))
    return sorted(name for name, count in bound.items() if count > 1)


ALL_MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", ALL_MODULES, ids=[str(p.relative_to(PACKAGE)) for p in ALL_MODULES])
def test_no_module_binds_a_name_twice(path: Path) -> None:
    assert not _defined_twice(path.read_text(encoding="utf-8"))


def test_the_check_sees_a_constant_bound_twice() -> None:
    assert _defined_twice("REACH = 6\ndef f():\n    return REACH\nREACH = 800\n") == ["REACH"]


# _attribution.py and _decompose.py had reached 4,223 and 3,644 lines before their split by concept
MAX_MODULE_LINES = 2500
ARCHITECTURE = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_claims_modules_stay_small_enough_to_hold_one_concept(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{path.name} has {lines} lines: split it by concept"


def test_the_architecture_page_names_every_claims_module() -> None:
    page = ARCHITECTURE.read_text(encoding="utf-8")
    missing = [p.stem for p in MODULES if p.stem != "__init__" and f"`{p.stem}`" not in page]
    assert not missing, f"docs/architecture.md does not name {missing}"
