"""graphkit.build and the build command: bad files, atomic outputs, the summary."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from stage_helpers import STAGES, make_pdf

import graphkit
from graphkit import serialise
from graphkit.cli import cli, main
from graphkit.cli.group import ENTRY_POINT
from graphkit.errors import ConfigError, GraphkitError

OUTPUTS = ("graph.ttl", "graph.trig", "summary.json", "summary.md", "void.ttl")


def _mixed_folder(root: Path) -> Path:
    """One good document, an empty file, an unsupported .docx and a broken .pdf."""
    folder = root / "mixed"
    folder.mkdir()
    shutil.copy(STAGES / "minutes_numbered.md", folder / "minutes.md")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 a word-processor file")
    (folder / "broken.pdf").write_bytes(make_pdf(["Parks Committee"])[:60])  # cut short
    return folder


def _empty_folder(root: Path) -> Path:
    folder = root / "nothing"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory):
    folder = _mixed_folder(tmp_path_factory.mktemp("build"))
    return folder, graphkit.build(folder)


def test_build_completes_despite_bad_files(mixed) -> None:
    _, result = mixed
    assert [d.source for d in result.documents] == ["minutes.md"]
    assert len(result.meetings) == 1 and len(result.meetings[0].items) == 4
    assert result.summary()["documents"] == 1


@pytest.mark.parametrize(
    ("source", "problem"),
    [("empty.txt", "empty"), ("broken.pdf", "PDF"), ("notes.docx", "unsupported file type .docx")],
)
def test_problems_name_each_bad_file_and_what_is_wrong(mixed, source: str, problem: str) -> None:
    _, result = mixed
    by_source = {p.source: str(p) for p in result.problems}
    assert source in by_source, sorted(by_source)
    assert by_source[source].startswith(f"{source}: ") and problem in by_source[source]
    assert by_source[source] in result.summary()["problems"]


def test_write_outputs_writes_every_file(mixed, tmp_path: Path) -> None:
    _, result = mixed
    written = graphkit.write_outputs(result, tmp_path / "out", view=False)
    assert sorted(p.name for p in written) == sorted(OUTPUTS)
    for name in OUTPUTS:
        assert (tmp_path / "out" / name).stat().st_size > 0
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert "empty.txt" in summary and "broken.pdf" in summary


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_the_prepared_quads_are_let_go_before_the_views_are_made_here(
    mixed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the views made in the writing process (--jobs 1, or a graph too big to fork
    for), the graph files' copy of the quads is not held while they are made."""
    import importlib

    build_module = importlib.import_module("graphkit.build")
    _folder, result = mixed
    held: list[int] = []
    write_views = build_module._write_views

    def spy(quads, folder):  # type: ignore[no-untyped-def]
        held.append(sum(isinstance(o, serialise.Prepared) for o in gc.get_objects()))
        return write_views(quads, folder)

    monkeypatch.setattr(build_module, "_write_views", spy)
    graphkit.write_outputs(result, tmp_path / "out", jobs=1)
    assert held == [0]


def test_an_interrupted_write_keeps_the_old_file(mixed, tmp_path: Path, monkeypatch) -> None:
    _, result = mixed
    out = tmp_path / "out"
    graphkit.write_outputs(result, out, view=False)
    before = _snapshot(out)

    def fail(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        graphkit.write_outputs(result, out, view=False)
    assert _snapshot(out) == before  # no half-written file, no temporary left behind


def test_a_bad_format_fails_before_anything_is_written(mixed, tmp_path: Path) -> None:
    _, result = mixed
    out = tmp_path / "out"
    graphkit.write_outputs(result, out, view=False)
    before = _snapshot(out)
    with pytest.raises(ConfigError, match="turtle"):  # lists the valid choices
        graphkit.write_outputs(result, out, formats=("turtle", "docx"), view=False)
    assert _snapshot(out) == before


def test_serialise_failure_leaves_earlier_outputs(mixed, tmp_path: Path, monkeypatch) -> None:
    _, result = mixed
    out = tmp_path / "out"
    graphkit.write_outputs(result, out, view=False)
    before = _snapshot(out)

    def flaky(prepared):  # the quads of graph.trig, written after graph.ttl
        import pyoxigraph as ox

        n, (g, s, p, o) = prepared.nodes, prepared.rows[0]
        yield ox.Quad(n[s], n[p], n[o], n[g])  # one quad written, then a crash
        raise RuntimeError("serialiser crashed")

    monkeypatch.setattr(serialise.Prepared, "iter_quads", flaky)
    with pytest.raises(RuntimeError, match="serialiser crashed"):
        graphkit.write_outputs(result, out, view=False)
    assert _snapshot(out) == before


# -- the command line --------------------------------------------------------------------
def test_cli_build_refuses_a_bad_format_before_reading(tmp_path: Path, monkeypatch) -> None:
    """A mistyped --format fails at once, not after a long build."""
    import importlib

    def no_build(*_args, **_kwargs):
        raise AssertionError("the build ran")

    monkeypatch.setattr(importlib.import_module("graphkit.build"), "build", no_build)
    folder = _mixed_folder(tmp_path)
    run = CliRunner().invoke(
        cli, ["build", str(folder), "--out", str(tmp_path / "o"), "--format", "ttl"]
    )
    assert run.exit_code == 2
    assert "'ttl' is not one of 'turtle'" in run.output
    assert not (tmp_path / "o").exists()


def test_cli_build_prints_the_summary_and_exits_0(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    out = tmp_path / "out"
    run = CliRunner().invoke(cli, ["build", str(folder), "--out", str(out), "--no-view", "--quiet"])
    assert run.exit_code == 0, run.output
    stdout = run.stdout
    for label, value in (("documents", "1"), ("meetings", "1"), ("agenda items", "4")):
        assert any(line.split() == [*label.split(), value] for line in stdout.splitlines()), stdout
    for label in ("people", "programmes", "organisations", "triples"):
        assert label in stdout
    for name in OUTPUTS:
        assert (out / name).exists()
    for bad in ("empty.txt", "broken.pdf", "notes.docx"):  # each file not read, and why
        assert bad in stdout, stdout


@pytest.mark.parametrize("entry_point", [True, False])
def test_the_collector_is_off_only_when_the_build_owns_the_process(
    tmp_path: Path, entry_point: bool
) -> None:
    folder = _mixed_folder(tmp_path)
    args = ["build", str(folder), "--out", str(tmp_path / "out"), "--no-view", "--quiet"]
    obj = ENTRY_POINT if entry_point else None
    assert gc.isenabled()
    try:
        run = CliRunner().invoke(cli, args, obj=obj)
        assert run.exit_code == 0, run.output
        # as `graphkit build` (main), the process ends with the build: no collector;
        # called inside another program (here a test), it is left as it was
        assert gc.isenabled() is not entry_point
    finally:
        gc.enable()


def test_the_summary_counts_are_remembered_until_the_graph_grows(tmp_path: Path) -> None:
    from rdflib import URIRef

    from graphkit.build import build
    from graphkit.vocab import GK, RDF

    result = build(_mixed_folder(tmp_path), cache=False)
    first = result.summary()
    assert result.summary() == first
    # a meeting more, with no document it is derived from: counted on the next summary
    result.quads.default.add((URIRef("https://example.org/m"), RDF.type, GK.Meeting))
    again = result.summary()
    assert again["meetings_referred_to"] == first["meetings_referred_to"] + 1
    assert again["triples"] == first["triples"] + 1


def test_cli_build_with_no_readable_document_fails_clearly(tmp_path: Path) -> None:
    run = CliRunner().invoke(
        cli,
        [
            "build",
            str(_empty_folder(tmp_path)),
            "--out",
            str(tmp_path / "out"),
            "--no-view",
            "--quiet",
        ],
    )
    assert run.exit_code != 0
    message = run.output + str(run.exception or "")
    assert "no document could be read" in message


def test_main_prints_the_error_and_exits_2(tmp_path: Path, monkeypatch, capsys) -> None:
    folder = _empty_folder(tmp_path)
    monkeypatch.setattr(
        sys,
        "argv",
        ["graphkit", "build", str(folder), "--out", str(tmp_path / "out"), "--no-view", "--quiet"],
    )
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    captured = capsys.readouterr()
    assert "graphkit: error: no document could be read" in captured.err
    assert "empty.txt: the file is empty" in captured.out + captured.err  # and says why


# the program as a user runs it, in its own process (``graphkit.cli.run``)
_GRAPHKIT = [sys.executable, "-m", "graphkit"]


def _program(*args: str) -> subprocess.CompletedProcess[str]:
    """``graphkit ARGS`` run to its end."""
    return subprocess.run(
        [*_GRAPHKIT, *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_program_ends_with_its_output_flushed_and_its_status(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = _program("build", str(_mixed_folder(tmp_path)), "--out", str(out), "--no-view")
    assert done.returncode == 0, done.stderr
    # the summary, printed last into a pipe (buffered), reached the reader before the end
    assert done.stdout.startswith(f"graphkit build: {out}/")
    assert "  documents      1" in done.stdout
    assert all((out / name).is_file() for name in OUTPUTS)
    failed = _program("build", str(_empty_folder(tmp_path)), "--out", str(tmp_path / "o2"))
    assert failed.returncode == 2
    assert "graphkit: error: no document could be read" in failed.stderr


def test_a_reader_that_goes_away_is_no_error_of_graphkit(tmp_path: Path) -> None:
    """``graphkit build ... | head -1``: the summary meets a closed pipe."""
    folder = _mixed_folder(tmp_path)
    proc = subprocess.Popen(
        [*_GRAPHKIT, "build", str(folder), "--out", str(tmp_path / "o")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before a word is written
    err = proc.stderr.read()
    assert proc.wait(timeout=300) in (0, 1)  # 1 when a write met the closed pipe
    assert "Traceback" not in err and "internal error" not in err, err
    assert (tmp_path / "o" / "graph.ttl").is_file()


def test_a_failed_build_does_not_clobber_earlier_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    good = CliRunner().invoke(
        cli, ["build", str(_mixed_folder(tmp_path)), "--out", str(out), "--no-view", "--quiet"]
    )
    assert good.exit_code == 0, good.output
    before = _snapshot(out)
    bad = CliRunner().invoke(
        cli, ["build", str(_empty_folder(tmp_path)), "--out", str(out), "--no-view", "--quiet"]
    )
    assert bad.exit_code != 0
    assert _snapshot(out) == before, "a build that failed replaced the graph of the last good build"


def test_cli_bad_base_fails_clearly(tmp_path: Path) -> None:
    run = CliRunner().invoke(
        cli,
        [
            "build",
            str(_mixed_folder(tmp_path)),
            "--out",
            str(tmp_path / "out"),
            "--base",
            "not-an-iri",
            "--no-view",
            "--quiet",
        ],
    )
    assert run.exit_code != 0
    assert isinstance(run.exception, GraphkitError) and "--base" in str(run.exception)
    assert not (tmp_path / "out").exists()


def test_the_summary_says_why_names_were_merged(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "minutes.txt").write_text(
        "Minutes of the Meeting of the Parks Committee held at 6.00 pm on 3 March 2031\n\n"
        "Present:\n\nCouncillor R Okafor (Chair)\n\n"
        "1. Tree Strategy\n\nCouncillor Rita Okafor introduced the Tree Strategy.\n",
        encoding="utf-8",
    )
    result = graphkit.build(tmp_path / "in")
    graphkit.write_outputs(result, tmp_path / "out", view=False)
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    why = summary.split("## Why names were merged", 1)[1]
    assert "R Okafor'" in why and "Rita Okafor'" in why and "expands the initial" in why


def test_the_build_times_each_stage(tmp_path: Path) -> None:
    result = graphkit.build(_mixed_folder(tmp_path))
    assert set(result.timings) == {"map", "resolve", "link", "graph"}
    graphkit.write_outputs(result, tmp_path / "out", view=False)
    assert set(result.timings) == {"map", "resolve", "link", "graph", "write"}
    assert all(seconds >= 0 for seconds in result.timings.values())
    assert graphkit.BuildResult is graphkit.result.BuildResult


def test_the_readme_shows_the_summary_the_seeds_build_prints(seeds_result, capsys) -> None:
    """The README's first screen quotes the summary `graphkit build seeds/` prints."""
    from graphkit.cli.build import _print_summary

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("graphkit build: build/")
    quoted = readme[start : readme.index("```", start)]
    _print_summary(seeds_result, Path("build"))
    assert capsys.readouterr().out == quoted
