"""The package's structure: no import cycles, the contract and renderers where ARCHITECTURE.md says they are."""

from __future__ import annotations

import ast
from pathlib import Path

import rashomon

PACKAGE = Path(rashomon.__file__).resolve().parent


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["rashomon", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports anywhere in its body (lazy imports in functions count too)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".") if is_package else name.split(".")[:-1]
                    base = base[: len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                for alias in node.names:
                    full = f"{target}.{alias.name}"
                    found.add(full if full in modules else target)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_itself_back():
    assert cycles(import_graph()) == []


def test_the_contract_is_one_module_that_report_web_batch_and_scorecards_use():
    graph = import_graph()
    users = {name for name, deps in graph.items() if "rashomon.contract" in deps}
    assert {
        "rashomon.report.html",
        "rashomon.report.markdown",
        "rashomon.report.terminal",
        "rashomon.web.app",
        "rashomon.batch.worker",
        "rashomon.actors.scorecard",
    } <= users
    assert not [m for m in graph["rashomon.contract"] if m.startswith(("rashomon.report", "rashomon.web"))]


def test_renderers_live_in_report_and_stages_render_nothing():
    graph = import_graph()
    for name in (
        "rashomon.compare",
        "rashomon.batch.scorecard",
        "rashomon.report.markdown",
        "rashomon.report.terminal",
    ):
        assert "rashomon.report.html" not in graph[name], name
    source = (PACKAGE / "compare.py").read_text(encoding="utf-8") + (PACKAGE / "batch" / "scorecard.py").read_text()
    assert "def render" not in source and "def comparison_text" not in source
