"""No import cycles among graphkit's modules.

An edge is any import of one graphkit module by another, at module level or inside a
function (a function-level import only defers a cycle, it does not remove it); imports
under ``if TYPE_CHECKING:`` are not edges, since they never run. ``from . import x``
is an edge to the submodule ``x`` when there is one, else to the package.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "graphkit"

# Cycles known and owned elsewhere, each with why it is still here. The test fails when
# one of them is gone too, so that the entry is removed with the cycle.
KNOWN: dict[frozenset[str], str] = {}


def modules(root: Path = PACKAGE) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, whether it is a package's ``__init__``)."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        out[".".join(parts)] = (path, is_package)
    return out


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return skip


def imports_of(name: str, source: str, is_package: bool, known: set[str]) -> set[str]:
    """The graphkit modules (among ``known``) that module ``name`` imports."""
    tree = ast.parse(source)
    skip = _type_checking_nodes(tree)
    here = name.split(".") if is_package else name.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in known else target)
    return {m for m in out if m in known and m != name}


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    mods = modules(root)
    known = set(mods)
    return {
        name: imports_of(name, path.read_text(encoding="utf-8"), is_package, known)
        for name, (path, is_package) in mods.items()
    }


def cycles(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm,
    without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(edges.get(w, ())))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                component = set()
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.add(w)
                    if w == v:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def _describe(component: frozenset[str], edges: dict[str, set[str]]) -> str:
    return "\n".join(f"  {m} -> {sorted(edges[m] & component)}" for m in sorted(component))


def test_no_import_cycles_among_graphkit_modules() -> None:
    edges = import_graph()
    found = set(cycles(edges))
    new = [c for c in found if c not in KNOWN]
    assert not new, "import cycle(s):\n" + "\n\n".join(_describe(c, edges) for c in new)
    gone = [KNOWN[c] for c in KNOWN if c not in found]
    assert not gone, f"a known cycle is gone; remove it from KNOWN: {gone}"


def test_edges_count_function_level_imports_but_not_type_checking_ones() -> None:
    source = """
from typing import TYPE_CHECKING
from . import model
from .segment import text
if TYPE_CHECKING:
    from .build import BuildResult
def f():
    from . import stats
    import graphkit.void
"""
    known = {
        "graphkit",
        "graphkit.model",
        "graphkit.stats",
        "graphkit.build",
        "graphkit.void",
        "graphkit.segment",
        "graphkit.segment.text",
    }
    assert imports_of("graphkit.graph", source, False, known) == {
        "graphkit.model",
        "graphkit.segment.text",
        "graphkit.stats",
        "graphkit.void",
    }
    # in a package's __init__, "." is the package itself
    assert imports_of("graphkit.segment", "from . import text", True, known) == {
        "graphkit.segment.text"
    }


def test_cycles_finds_each_cycle_once() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"f"}, "f": {"e"}}
    assert sorted(sorted(c) for c in cycles(edges)) == [["a", "b", "c"], ["e", "f"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
