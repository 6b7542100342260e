"""tests/ and benchmarks/ import each other one way only (issue 16).

A benchmark may read what the tests hold (labelled sets and their loaders, page generators, the engine
test kit); a test never imports a benchmark: what both need lives under tests/data/ or in the module it
measures. Read from the source with ast, so a lazy import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

# What under tests/ a benchmark may import: data and its loaders, generators of test files, the engine
# test kit (tiny settings, the contract record) that the CPU benchmark reuses.
BENCHMARKS_MAY_READ = ("tests.data", "tests.fixtures", "tests.deid_corpus", "tests.engine")


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in a file, absolute names only (relative ones stay in a package)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append((node.lineno, node.args[0].value))
    return found


def under(package: str, module: str) -> bool:
    return module == package or module.startswith(package + ".")


def offending(folder: str, bad) -> list[str]:
    return [f"{path.relative_to(ROOT)}:{line} imports {module}"
            for path in sorted((ROOT / folder).rglob("*.py")) for line, module in imports(path) if bad(module)]


def test_nothing_under_tests_imports_benchmarks() -> None:
    assert not offending("tests", lambda m: under("benchmarks", m))


def test_benchmarks_read_only_data_and_test_kits_from_tests() -> None:
    assert not offending("benchmarks", lambda m: under("tests", m)
                         and not any(under(p, m) for p in BENCHMARKS_MAY_READ))


def test_the_product_imports_neither_tests_nor_benchmarks() -> None:
    # import-linter's contracts cover app, engine, ingestion and ui among themselves only.
    for folder in ("app", "engine", "ingestion", "ui"):
        assert not offending(folder, lambda m: under("tests", m) or under("benchmarks", m)), folder


def test_the_check_sees_every_form_of_import(tmp_path: Path) -> None:
    source = tmp_path / "t.py"
    source.write_text("import benchmarks.x\nfrom benchmarks import y\ndef f():\n    from benchmarks.z import w\n"
                      "importlib.import_module('benchmarks.v')\nfrom . import local\nimport benchmarking\n")
    found = [m for _, m in imports(source) if under("benchmarks", m)]
    assert sorted(found) == ["benchmarks", "benchmarks.v", "benchmarks.x", "benchmarks.z"]
