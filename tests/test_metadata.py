"""Guards on the project's own metadata: help for every command, every data file used,
the explain command, and the public API."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import DATA, ROOT

import graphkit
from graphkit.cli import cli


def _commands(group: click.Group) -> list[tuple[str, click.Command]]:
    return sorted(group.commands.items())


@pytest.mark.parametrize(("name", "command"), _commands(cli), ids=[n for n, _ in _commands(cli)])
def test_every_command_has_help(name: str, command: click.Command) -> None:
    assert command.help and len(command.help.strip()) > 20, f"graphkit {name} has no help text"
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"graphkit {name} {param.opts[0]} has no help"


def test_every_test_data_file_is_used() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("*.py"))
    unused = [
        str(p.relative_to(DATA))
        for p in sorted(DATA.rglob("*"))
        if p.is_file() and p.name not in sources and p.stem not in sources
    ]
    assert not unused, f"test data no test uses: {unused}"


def test_public_api_is_typed_and_documented() -> None:
    assert (Path(graphkit.__file__).parent / "py.typed").exists()
    for name in graphkit.__all__:
        obj = getattr(graphkit, name)
        if callable(obj):
            assert obj.__doc__, f"graphkit.{name} has no docstring"


def test_explain_says_why_names_were_merged(tmp_path: Path) -> None:
    doc = tmp_path / "docs" / "minutes.md"
    doc.parent.mkdir()
    doc.write_text(
        "Minutes of the Meeting of the Parks Committee held at 2.00 pm on 3 May 2030\n\n"
        "Present:\n\nMembers: Councillor R Quill (Chair)\n\nEmployees: T Marsh, Director of Parks\n\n"
        "1. Parks Strategy\n\nTeresa Marsh, Director of Parks, presented the report. "
        "Councillor Quill thanked her.\n",
        encoding="utf-8",
    )
    out = tmp_path / "build"
    runner = CliRunner()
    built = runner.invoke(cli, ["build", str(doc.parent), "--out", str(out), "--no-view", "-q"])
    assert built.exit_code == 0, built.output
    result = runner.invoke(cli, ["explain", "marsh", "--build", str(out)])
    assert result.exit_code == 0, result.output
    assert "Teresa Marsh" in result.output
    assert "T Marsh" in result.output and "the full name expands the initial" in result.output
    quill = runner.invoke(cli, ["explain", "Quill", "--build", str(out)])
    assert "bare surname" in quill.output
    missing = runner.invoke(cli, ["explain", "Nobody", "--build", str(out)])
    assert missing.exit_code != 0


def test_public_api_is_sorted_and_importable():
    assert graphkit.__all__ == sorted(graphkit.__all__)
    for name in graphkit.__all__:
        assert hasattr(graphkit, name), name


# -- tests mirror the code --------------------------------------------------------------------

# Test files named after no single module, each with why: suites that cut across the
# stages or need something beside Python (a browser, a triple store, the corpus).
CROSS_CUTTING_TESTS = {
    "test_corpus_figures": "figures over the optional real-records corpus, when it is present",
    "test_gold_seeds": "the whole pipeline on the seeds against the hand-made gold",
    "test_generate": "benchmarks/generate.py: its corpus is deterministic and a build finds it",
    "test_golden": "the seeds' golden graph, compared by isomorphism",
    "test_hostile_inputs": "hostile files through every reader and stage",
    "test_imports": "the import graph of the package (no cycles)",
    "test_interop": "the outputs read by other RDF tools",
    "test_metadata": "the project's own metadata: help, data files, API, these guards",
    "test_network_browser": "network.html in headless Chromium (needs a browser)",
    "test_notebooks": "the notebooks in notebooks/ run and are stored clean",
    "test_ontology": "data/ontology.ttl against the graph stage's terms",
    "test_output_swap": "build's output swap, killing builds in subprocesses",
    "test_push_virtuoso": "push against a live Virtuoso (needs a triple store)",
    "test_query_cli": "graphkit query through the command line and its output formats",
    "test_query_seeds": "every stored query on the seeds build, checked against the graph",
    "test_query_virtuoso": "the stored queries on a live Virtuoso (needs a triple store)",
    "test_serve_attacks": "graphkit serve under hostile requests",
    "test_shacl": "data/shapes.ttl: every build conforms, broken graphs do not",
    "test_view_browser": "view.html in headless Chromium (needs a browser)",
}


def _module_names() -> set[str]:
    """``<module>``, ``<package>`` and ``<package>_<module>`` for every part of graphkit."""
    package = ROOT / "graphkit"
    names: set[str] = set()
    for path in package.rglob("*.py"):
        inner = path.parent.relative_to(package).parts
        if path.stem == "__init__":
            if inner:
                names.add("_".join(inner))
            continue
        if path.stem != "__main__":
            names.add(path.stem)
            names.add("_".join((*inner, path.stem)))
    return names


def test_every_test_file_is_named_after_a_module() -> None:
    names = _module_names()
    stems = {p.stem for p in (ROOT / "tests").glob("test_*.py")}
    unnamed = sorted(s for s in stems if s[len("test_") :] not in names)
    assert unnamed == sorted(s for s in CROSS_CUTTING_TESTS if s in stems), (
        "name a test file test_<module>.py or test_<package>_<module>.py after what it "
        f"tests, or list it in CROSS_CUTTING_TESTS with why: {unnamed}"
    )
    gone = sorted(set(CROSS_CUTTING_TESTS) - stems)
    assert not gone, f"CROSS_CUTTING_TESTS names files that do not exist: {gone}"


# -- functions short enough to read at a glance ---------------------------------------------

MAX_FUNCTION_LINES = 60

# Functions over MAX_FUNCTION_LINES lines (def to last line), each with why it stays for
# now. A new long function fails the test below; a listed one that gets short fails it too,
# so the list only shrinks. It is empty: add a function only with the reason it must be long.
LONG_FUNCTIONS: dict[str, str] = {}


def _long_functions() -> dict[str, int]:
    """``path:qualified name`` → lines, for every function in graphkit over the limit."""
    import ast

    found: dict[str, int] = {}

    def visit(node: ast.AST, path: str, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = prefix + child.name
                lines = (child.end_lineno or child.lineno) - child.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    found[f"{path}:{name}"] = lines
                visit(child, path, name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, path, prefix + child.name + ".")
            else:
                visit(child, path, prefix)

    for file in sorted((ROOT / "graphkit").rglob("*.py")):
        visit(ast.parse(file.read_text(encoding="utf-8")), file.relative_to(ROOT).as_posix(), "")
    return found


def test_no_new_long_functions() -> None:
    found = _long_functions()
    new = {name: n for name, n in found.items() if name not in LONG_FUNCTIONS}
    assert not new, f"functions over {MAX_FUNCTION_LINES} lines; split them: {new}"
    short = sorted(set(LONG_FUNCTIONS) - set(found))
    assert not short, f"now short (or gone): take them off LONG_FUNCTIONS: {short}"
