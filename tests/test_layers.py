"""Imports go one way: the layers of docs/architecture.md, checked on the source."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
# Each layer may import only from the layers after it in this list.
BOTTOM_UP = ["veille.analysis.lang", "veille.analysis.syntax"]
BASE = {"veille.model", "veille.errors", "veille.settings", "veille.normal", "veille.validation"}


def _package(module: str) -> str:
    parts = module.split(".")
    depth = 3 if len(parts) > 2 and parts[1] == "analysis" else 2
    return ".".join(parts[:depth])


def _imports() -> dict[str, set[str]]:
    """Return, for each package, the veille packages its modules import at module level."""
    graph: dict[str, set[str]] = defaultdict(set)
    for path in SRC.rglob("*.py"):
        module = ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("veille."):
                if _package(node.module) != _package(module):
                    graph[_package(module)].add(_package(node.module))
    return graph


def test_no_package_imports_one_that_imports_it_back() -> None:
    graph = _imports()
    cycles = [(a, b) for a, targets in graph.items() for b in targets if a in graph.get(b, set())]
    assert not cycles


def test_the_shared_layers_import_no_stage() -> None:
    graph = _imports()
    assert graph["veille.analysis.lang"] <= BASE
    assert graph["veille.analysis.syntax"] <= BASE | {"veille.analysis.lang"}


def test_the_base_modules_import_nothing_else_from_veille() -> None:
    graph = _imports()
    for module in BASE:
        assert graph.get(module, set()) <= BASE, module


def test_the_store_never_imports_the_analysis() -> None:
    graph = _imports()
    assert not any(target.startswith("veille.analysis") for target in graph["veille.store"])
