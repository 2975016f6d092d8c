"""Dependencies run one way: files -> etl -> warehouse -> ui/reports -> pages, never back.

Every import of the project's code is read with `ast` (imports inside functions included, since a
late import is still a dependency) and checked against the allowed directions below; the ETL's
modules must also not import each other in a circle (the spreadsheet readers and the publication
readers once did).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: each part of the project -> the other parts it may import (benchmarks and tests may import all)
ALLOWED: dict[str, set[str]] = {
    "config": set(),
    "contract": set(),
    "presentation": set(),
    "warehouse": {"config", "contract"},
    "etl": {"config", "contract", "warehouse"},
    "reports": {"config", "contract", "presentation", "warehouse"},
    "ui": {"config", "contract", "presentation", "warehouse", "etl", "reports"},
    "pages": {"config", "contract", "presentation", "warehouse", "etl", "reports", "ui"},
    "dashboard": {"config", "contract", "presentation", "warehouse", "etl", "reports", "ui"},
}
#: parts that hold no screen code, so they run without Streamlit (a report, a load, a test)
NO_STREAMLIT = ("config", "contract", "presentation", "warehouse", "etl", "reports")


def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the parts above."""
    found = {}
    for part in ALLOWED:
        paths = [ROOT / f"{part}.py"] if (ROOT / f"{part}.py").is_file() else \
            sorted((ROOT / part).rglob("*.py"))
        for path in paths:
            dotted = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[dotted.removesuffix(".__init__")] = path
    return found


def imported(path: Path) -> set[str]:
    """Every module name an absolute import in the file names."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


MODULES = modules()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_module_imports_only_in_the_allowed_directions(module: str) -> None:
    part = module.split(".")[0]
    tops = {name.split(".")[0] for name in imported(MODULES[module])}
    forbidden = sorted((tops & set(ALLOWED)) - ALLOWED[part] - {part})
    assert not forbidden, f"{module} imports {forbidden}"
    if part in NO_STREAMLIT:
        assert "streamlit" not in tops, f"{module} imports streamlit"


def etl_graph() -> dict[str, set[str]]:
    etl = {m for m in MODULES if m.split(".")[0] == "etl"}
    return {m: {n for n in imported(MODULES[m]) if n in etl and n != m} for m in etl}


def test_the_etl_modules_import_each_other_without_a_circle() -> None:
    graph, done, path = etl_graph(), set(), []

    def visit(module: str) -> None:
        if module in path:
            cycle = [*path[path.index(module):], module]
            pytest.fail(f"circular imports: {' -> '.join(cycle)}")
        if module in done:
            return
        path.append(module)
        for other in sorted(graph[module]):
            visit(other)
        path.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)


def test_the_spreadsheet_readers_never_import_the_publication_readers() -> None:
    publication = {"etl.publication_readers", "etl.bibtex_reader", "etl.ris_reader",
                   "etl.works_json", "etl.publication_fields"}
    assert not etl_graph()["etl.readers"] & publication
