"""`graphkit query` through click's CliRunner, on the hand-written mini graph."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import cli
from graphkit.errors import GraphkitError, QueryError
from graphkit.query import list_queries

pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning",
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning",
)

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "data" / "queries" / "mini.trig"
EXPECTED = json.loads((MINI.parent / "mini-expected.json").read_text(encoding="utf-8"))


def invoke(*args: str):
    return CliRunner().invoke(cli, ["query", *args], catch_exceptions=True)


def _case(name: str, **params: str) -> dict:
    return next(c for c in EXPECTED if c["query"] == name and c["params"] == params)


def test_help():
    res = invoke("--help")
    assert res.exit_code == 0
    for option in ("--list", "--param", "--graph", "--format", "--engine", "--show"):
        assert option in res.output


def test_list_shows_every_query_with_title_and_parameters():
    res = invoke("--list")
    assert res.exit_code == 0
    for q in list_queries():
        assert f"{q.name}: {q.title}" in res.output
        for p in q.params:
            assert f"--param {p.usage()}" in res.output


def test_run_by_name_csv_is_the_default_off_a_terminal():
    res = invoke("topic-timeline", "--param", "topic=play scheme", "--graph", str(MINI))
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(io.StringIO(res.output)))
    case = _case("topic-timeline", topic="play scheme")
    assert rows == [case["columns"], *case["rows"]]


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_formats_and_engines(engine):
    case = _case("person-meetings", person="Cllr Brook")
    base = ["person-meetings", "-p", "person=Cllr Brook", "-g", str(MINI), "--engine", engine]
    res = invoke(*base, "--format", "json")
    doc = json.loads(res.output)
    assert doc["head"]["vars"] == case["columns"]
    assert [
        [b.get(v, {}).get("value", "") for v in case["columns"]] for b in doc["results"]["bindings"]
    ] == case["rows"]
    table = invoke(*base, "--format", "table").output.splitlines()
    assert table[0].split() == case["columns"] and table[-1] == f"({len(case['rows'])} rows)"
    md = invoke(*base, "-f", "markdown").output.splitlines()
    assert md[0] == "| " + " | ".join(case["columns"]) + " |" and len(md) == 2 + len(case["rows"])
    tsv = invoke(*base, "-f", "tsv").output.splitlines()
    assert tsv[0] == "\t".join(f"?{c}" for c in case["columns"])


def test_default_graph_is_build_graph_trig(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = invoke("meeting-chain")
    assert isinstance(res.exception, GraphkitError)
    assert "build/graph.trig does not exist" in str(res.exception)
    (tmp_path / "build").mkdir()
    shutil.copy(MINI, tmp_path / "build" / "graph.trig")
    res = invoke("meeting-chain")
    assert res.exit_code == 0
    assert len(res.output.splitlines()) == 1 + len(_case("meeting-chain")["rows"])


def test_a_build_folder_and_a_user_query_file(tmp_path):
    (tmp_path / "out").mkdir()
    shutil.copy(MINI, tmp_path / "out" / "graph.trig")
    mine = tmp_path / "mine.rq"
    mine.write_text(
        "# title: Meetings by year\n"
        "# param: year = 2021/22 — a municipal year\n"
        "PREFIX gk: <https://w3id.org/graphkit/ns#>\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "SELECT ?date WHERE { ?m gk:municipalYear ?year ; dcterms:date ?date } ORDER BY ?date\n",
        encoding="utf-8",
    )
    res = invoke(str(mine), "--graph", str(tmp_path / "out"))
    assert res.output.splitlines() == ["date", "2021-12-02", "2022-01-20"]
    res = invoke(str(mine), "--graph", str(tmp_path / "out"), "-p", "year=2022/23")
    assert res.output.splitlines() == ["date", "2022-06-16", "2023-02-09"]


def test_show_prints_the_query():
    res = invoke("who-held-role", "--show")
    assert res.output == (ROOT / "queries" / "who-held-role.rq").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["topic-timelin", "-g", str(MINI)], "did you mean topic-timeline"),
        (["evidence", "-g", str(MINI)], "needs --param entity=VALUE"),
        (
            ["evidence", "-g", str(MINI), "-p", "entity=x", "-p", "colour=red"],
            "no parameter colour; its parameters: entity",
        ),
        (["evidence", "-g", str(MINI), "-p", "entity"], "write NAME=VALUE"),
        (["evidence", "-g", str(MINI), "-p", "entity=a", "-p", "entity=b"], "given twice"),
        ([], "name a query or a .rq file; available: actions-and-requests"),
    ],
)
def test_errors_say_what_is_available(args, message):
    res = invoke(*args)
    assert isinstance(res.exception, GraphkitError), res.output
    assert message in str(res.exception)


def test_syntax_error_in_a_user_file(tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT * WHERE { ?s ?p }\n", encoding="utf-8")
    res = invoke(str(bad), "-g", str(MINI))
    assert isinstance(res.exception, QueryError)
    assert "bad.rq: SPARQL syntax error" in str(res.exception)


def test_main_turns_errors_into_a_message_and_exit_status_2(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "graphkit", "query", "no-such-query", "-g", str(MINI)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("graphkit: error: unknown query 'no-such-query'")


# -- limits, timeout and Ctrl-C (issue #12) ------------------------------------------------
def _slow_setup(tmp_path):
    graph = tmp_path / "graph.nq"
    graph.write_text(
        "".join(
            f'<https://e.org/s{i}> <https://e.org/p> "{i}" <https://e.org/g> .\n'
            for i in range(300)
        ),
        encoding="utf-8",
    )
    rq = tmp_path / "slow.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }\n")
    return graph, rq


def _graphkit(*args):
    import subprocess
    import sys

    from conftest import ROOT

    return subprocess.Popen(
        [sys.executable, "-m", "graphkit", "query", *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_ctrl_c_stops_a_running_query(tmp_path, engine):
    import signal
    import time

    graph, rq = _slow_setup(tmp_path)
    proc = _graphkit(str(rq), "--graph", str(graph), "--engine", engine, "--timeout", "0")
    time.sleep(4)  # past start-up and loading: the query is running
    assert proc.poll() is None
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=10)
    except Exception:
        proc.kill()
        raise
    assert proc.returncode == 130 and "stopped" in err


def test_timeout_stops_a_query(tmp_path):
    import time

    graph, rq = _slow_setup(tmp_path)
    started = time.monotonic()
    proc = _graphkit(str(rq), "--graph", str(graph), "--engine", "oxigraph", "--timeout", "1")
    try:
        _, err = proc.communicate(timeout=30)
    except Exception:
        proc.kill()
        raise
    assert proc.returncode == 2 and "1 s timeout" in err
    assert time.monotonic() - started < 20


def test_deep_or_long_queries_are_refused_before_parsing(tmp_path):
    graph, _ = _slow_setup(tmp_path)
    deep = tmp_path / "deep.rq"
    deep.write_text("SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }")
    long = tmp_path / "long.rq"
    long.write_text("SELECT * WHERE { ?s ?p ?o }" + " " * 200_000)
    for path, message in ((deep, "nests brackets 5002 deep"), (long, "characters long")):
        proc = _graphkit(str(path), "--graph", str(graph), "--engine", "oxigraph")
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 2 and message in err, err


def test_construct_can_be_written_as_a_graph(tmp_path):
    import pyoxigraph as ox

    graph, _ = _slow_setup(tmp_path)
    rq = tmp_path / "c.rq"
    rq.write_text("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3")
    for fmt, media in (("turtle", "text/turtle"), ("nquads", "application/n-quads")):
        proc = _graphkit(str(rq), "--graph", str(graph), "--format", fmt)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        parsed = list(ox.parse(out.encode(), format=ox.RdfFormat.from_media_type(media)))
        assert len(parsed) == 3


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_big_graph_says_it_is_loading_on_stderr(engine, monkeypatch):
    """Loading a big graph takes minutes: the wait is announced on stderr, never on stdout."""
    import graphkit.cli.query as command

    small = CliRunner().invoke(cli, ["query", "who-held-role", "-g", str(MINI), "-f", "csv"])
    monkeypatch.setattr(command, "_BIG_GRAPH", 0)  # every graph counts as big
    big = CliRunner().invoke(
        cli, ["query", "who-held-role", "-g", str(MINI), "-f", "csv", "--engine", engine]
    )
    assert big.exit_code == 0 and small.exit_code == 0
    assert "loading" not in small.stderr
    assert f"loading {MINI} (0 MB) with {engine}" in big.stderr
    assert "loaded in" in big.stderr
    assert big.stdout == small.stdout and small.stdout.startswith("role_name,")


def test_a_build_folder_says_its_union_is_read_from_its_turtle(seeds_build, monkeypatch, tmp_path):
    """The union of a build's graphs is read from the graph.ttl the build wrote beside
    its graph.trig, with the same rows as from the TriG alone, and the announcement of a
    big load says so."""
    import shutil

    import graphkit.cli.query as command

    monkeypatch.setattr(command, "_BIG_GRAPH", 0)
    lone = Path(shutil.copy(seeds_build / "graph.trig", tmp_path / "graph.trig"))
    rows = {}
    for graph in (seeds_build, lone):
        run = CliRunner().invoke(cli, ["query", "attendance-record", "-g", str(graph), "-f", "csv"])
        assert run.exit_code == 0, run.stderr
        rows[graph] = run.stdout
    fast = CliRunner().invoke(cli, ["query", "who-held-role", "-g", str(seeds_build)])
    assert "graph.trig's graphs from graph.ttl beside it with oxigraph" in fast.stderr
    assert rows[seeds_build] == rows[lone] and rows[lone].count("\n") > 5


def test_a_query_that_names_graphs_loads_them_before_its_time_starts(monkeypatch, tmp_path):
    """pyoxigraph answers from the union alone; a query with GRAPH gets the documents'
    graphs, loaded (and announced, for a big file) before the query's timeout runs."""
    import graphkit.cli.query as command
    import graphkit.load as load

    made: list[float] = []
    real = load.UnionStore.store.fget

    def store(self):
        if self._store is None:
            made.append(1)
        return real(self)

    monkeypatch.setattr(load.UnionStore, "store", property(store))
    monkeypatch.setattr(command, "_BIG_GRAPH", 0)
    graphs = tmp_path / "graphs.rq"
    graphs.write_text("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }\n")
    res = CliRunner().invoke(cli, ["query", str(graphs), "-g", str(MINI), "-f", "csv"])
    assert res.exit_code == 0, res.output
    assert int(res.stdout.splitlines()[1]) > 1
    assert "the query names graphs: loading them" in res.stderr and made == [1]
    plain = CliRunner().invoke(cli, ["query", "who-held-role", "-g", str(MINI), "-f", "csv"])
    assert plain.exit_code == 0 and "names graphs" not in plain.stderr and made == [1]
