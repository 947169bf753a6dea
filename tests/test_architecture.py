"""The package's import graph, read from the source (no import runs): no cycles, and each
layer imports only what README's "How the code is laid out" allows it.

Every ``import`` counts, also inside a function or under ``TYPE_CHECKING``: an import moved
into a function still ties the two modules together, it only hides the tie from start-up.
"""

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGES = ("dadeum", "udfs", "training")

EXCEL_LIBRARIES = ("xlwings", "xlwings_server", "openpyxl", "xlrd", "python_calamine")
ADDIN = ("custom_functions", "custom_scripts", "fastapi", "starlette")  # the server's world
# Modules under a prefix must not import anything under these prefixes.
RULES = {
    "dadeum.engine": (
        *EXCEL_LIBRARIES, *ADDIN, "udfs", "training", "dadeum.fileio", "dadeum.samples",
        "dadeum.server", "dadeum.excel", "dadeum.reports", "dadeum.cli",
    ),
    "dadeum.reports": (*EXCEL_LIBRARIES, *ADDIN, "udfs", "dadeum.server", "dadeum.cli"),
    "dadeum.fileio": (*ADDIN, "udfs", "dadeum.server", "dadeum.excel", "dadeum.cli"),
    "dadeum.server": ("dadeum.cli", "training", "dadeum.samples"),
    "dadeum.excel": ("dadeum.server", "dadeum.cli"),
    "udfs": ("dadeum.server", "dadeum.cli", "custom_scripts"),
}  # fmt: skip


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            found[_module_name(path)] = path
    return found


def imported_names(name: str, path: Path) -> set[str]:
    """Every module name ``name`` imports, ours or not, relative imports made absolute."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that ``name`` imports: ``from a import b`` is a.b when b is a
    module, else a."""
    found = set()
    for target in imported_names(name, path):
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, set(known)) for name, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each as a sorted list."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_graph_sees_imports_inside_functions_and_relative_ones():
    graph = import_graph()
    # A function-level import (``header_names`` is imported where --save-recipe needs it).
    assert "dadeum.engine.recipe_replay" in graph["dadeum.cli.clean"]
    assert "dadeum.engine.tables.periods" in graph["dadeum.engine.tables.header"]
    assert "dadeum.engine.tables.tidy" in graph["udfs.tables"]
    assert {"dadeum.engine.recipes", "dadeum.engine.recipe_replay"} <= graph[
        "dadeum.reports.recipe"
    ]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def broken_rules(rules: dict[str, tuple[str, ...]]) -> list[str]:
    broken = []
    for name, path in modules().items():
        for layer, forbidden in rules.items():
            if _under(name, layer):
                wrong = {i for i in imported_names(name, path) for f in forbidden if _under(i, f)}
                broken += [f"{name} imports {target}" for target in sorted(wrong)]
    return broken


def test_each_layer_imports_only_what_it_may():
    assert broken_rules(RULES) == []


def test_the_rules_catch_what_they_forbid():
    # Real imports today, so each rule below is shown to bite.
    assert "dadeum.server.pages imports dadeum.excel.runtime.REPO_ROOT" in broken_rules(
        {"dadeum.server": ("dadeum.excel",)}
    )
    assert "udfs._catalogue imports udfs._excel.summary" in broken_rules({"udfs": ("udfs._excel",)})
    assert any(
        line.startswith("dadeum.engine.") for line in broken_rules({"dadeum.engine": ("pandas",)})
    )


def test_readme_lays_out_every_folder_and_root_module():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    root = REPO / "dadeum"
    folders = [f"`dadeum/{p.name}/`" for p in root.iterdir() if (p / "__init__.py").is_file()]
    files = [f"`dadeum/{p.name}`" for p in root.glob("*.py") if not p.name.startswith("__")]
    assert [name for name in folders + files if name not in section] == []
