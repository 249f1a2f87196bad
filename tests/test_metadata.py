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
