"""The package's layers: data flows files -> kb -> analysis -> output -> cli, so no module
imports from a layer above its own, and every module is small and says its job."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "korea_positions"
LAYERS = ["kb", "analysis", "output", "cli"]  # bottom to top
SHARED = {"korea_positions", "korea_positions.errors", "korea_positions.vocabulary",
          "korea_positions.atomic"}  # fmt: skip
MODULES = sorted(PACKAGE.rglob("*.py"))


def layer_of(module: str) -> int:
    if module == "korea_positions.__main__":  # the entry point, above everything
        return len(LAYERS)
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else -1


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {n for n in names if n.startswith("korea_positions")}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_from_a_layer_above(path):
    own = layer_of(module_name(path))
    for name in imported(path):
        if name not in SHARED:
            assert layer_of(name) <= own, f"{module_name(path)} imports {name}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_is_small_and_says_its_job(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 260, "split it: one job per module"
    assert ast.get_docstring(ast.parse(text)), "a docstring saying its one job"


def test_shared_modules_import_no_layer():
    for name in SHARED - {"korea_positions"}:
        path = PACKAGE.parent / (name.replace(".", "/") + ".py")
        assert all(layer_of(n) == -1 for n in imported(path)), name


def test_no_import_cycle_between_modules():
    graph = {module_name(p): {n for n in imported(p) if n != module_name(p)} for p in MODULES}
    # Only imports at module level can form a cycle at import time; those made inside
    # functions run later. Check the top-level ones.
    top = {}
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = set()
        for node in tree.body:
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("korea_positions")
            ):
                names.add(node.module)
        top[module_name(path)] = names & set(graph)
    done = set()

    def visit(module, chain):
        assert module not in chain, " -> ".join([*chain, module])
        if module in done:
            return
        for name in top.get(module, ()):
            visit(name, [*chain, module])
        done.add(module)

    for module in top:
        visit(module, [])
