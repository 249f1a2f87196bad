"""graphkit serve: a real server process, spoken to by a real HTTP client."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from conftest import DATA, ROOT
from support import free_port
from test_interop import rows_pyoxigraph, rows_results

TIMEOUT = 2.0
MAX_ROWS = 1000
QUERY = (DATA / "interop" / "meetings.rq").read_text(encoding="utf-8")
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
INSERT = "INSERT DATA { <https://example.org/x> <https://example.org/p> 'intruder' }"
ASK_INSERTED = "ASK { <https://example.org/x> ?p ?o }"


@pytest.fixture(scope="module")
def endpoint(seeds_build):
    """``graphkit serve`` on the seeds graph, started as a user would, in its own process."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graphkit",
            "serve",
            str(seeds_build / "graph.trig"),
            "--port",
            str(port),
            "--timeout",
            str(TIMEOUT),
            "--max-rows",
            str(MAX_ROWS),
            "-q",
        ],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=5)
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"graphkit serve did not start: {proc.stderr.read()}")
            time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def call(
    url: str,
    *,
    query: str | None = None,
    method: str = "GET",
    body: bytes | None = None,
    content_type: str | None = None,
    accept: str = "",
    params: dict | None = None,
) -> tuple[int, str, bytes]:
    args = dict(params or {})
    if query is not None and method == "GET":
        args["query"] = query
    full = url + ("?" + urllib.parse.urlencode(args) if args else "")
    headers = {"Accept": accept} if accept else {}
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(full, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read()


def test_select_returns_standard_json_results(endpoint, seeds_build):
    status, ctype, body = call(endpoint, query=QUERY)
    assert status == 200
    assert ctype.startswith("application/sparql-results+json")
    doc = json.loads(body)
    assert doc["head"]["vars"] == ["meeting", "date", "committee"]
    bindings = doc["results"]["bindings"]
    assert bindings and {"type", "value"} <= set(bindings[0]["meeting"])
    assert bindings[0]["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    assert rows_results(body, "json") == rows_pyoxigraph(seeds_build / "graph.trig", QUERY)


def test_the_default_graph_is_the_union_each_triple_once(endpoint, seeds_build):
    """A fact several documents state counts once, as in graph.ttl (the union); GRAPH
    patterns still reach each document's graph."""
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    status, _, body = call(endpoint, query=count)
    assert status == 200
    assert rows_results(body, "json") == rows_pyoxigraph(seeds_build / "graph.ttl", count)
    graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    status, _, body = call(endpoint, query=graphs)
    assert status == 200
    assert rows_results(body, "json") == rows_pyoxigraph(seeds_build / "graph.trig", graphs)


@pytest.mark.parametrize("how", ["post-form", "post-query"])
def test_post_forms_of_the_protocol(endpoint, how):
    if how == "post-form":
        status, _, body = call(
            endpoint,
            method="POST",
            content_type="application/x-www-form-urlencoded",
            body=urllib.parse.urlencode({"query": QUERY}).encode(),
        )
    else:
        status, _, body = call(
            endpoint, method="POST", content_type="application/sparql-query", body=QUERY.encode()
        )
    assert status == 200
    assert rows_results(body, "json") == rows_results(call(endpoint, query=QUERY)[2], "json")


@pytest.mark.parametrize(
    "accept,param,media",
    [
        ("application/sparql-results+xml", None, "application/sparql-results+xml"),
        ("text/csv", None, "text/csv"),
        ("text/tab-separated-values", None, "text/tab-separated-values"),
        ("", "xml", "application/sparql-results+xml"),
        ("application/sparql-results+json", "csv", "text/csv"),  # format= wins over Accept
    ],
)
def test_result_formats_by_accept_or_format(endpoint, accept, param, media):
    status, ctype, body = call(
        endpoint, query=QUERY, accept=accept, params={"format": param} if param else None
    )
    assert status == 200 and ctype.startswith(media)
    reference = rows_results(call(endpoint, query=QUERY)[2], "json")
    if media.endswith("xml"):
        assert rows_results(body, "xml") == reference
    else:
        sep = "," if media == "text/csv" else "\t"
        lines = body.decode("utf-8").splitlines()
        assert lines[0].replace("?", "").split(sep) == ["meeting", "date", "committee"]
        assert len(lines) == len(reference) + 1


def test_construct_returns_turtle(endpoint):
    import pyoxigraph as ox

    query = "CONSTRUCT WHERE { ?m a <https://w3id.org/graphkit/ns#Meeting> }"
    status, ctype, body = call(endpoint, query=query)
    assert status == 200 and ctype.startswith("text/turtle")
    meetings = rows_results(call(endpoint, query=QUERY)[2], "json")
    assert len(list(ox.parse(body, format=ox.RdfFormat.TURTLE))) == len({r[0] for r in meetings})


@pytest.mark.parametrize("how", ["update-param", "sparql-update-body", "insert-as-query"])
def test_updates_are_refused(endpoint, how):
    if how == "update-param":
        status, _, body = call(
            endpoint,
            method="POST",
            content_type="application/x-www-form-urlencoded",
            body=urllib.parse.urlencode({"update": INSERT}).encode(),
        )
    elif how == "sparql-update-body":
        status, _, body = call(
            endpoint, method="POST", content_type="application/sparql-update", body=INSERT.encode()
        )
    else:
        status, _, body = call(endpoint, query=INSERT)
    assert 400 <= status < 500, body
    assert b"read-only" in body or b"updates are refused" in body
    assert json.loads(call(endpoint, query=ASK_INSERTED)[2])["boolean"] is False


def test_graph_store_writes_are_refused(endpoint):
    status, _, _ = call(
        endpoint,
        method="PUT",
        content_type="text/turtle",
        body=b"<https://example.org/x> <https://example.org/p> 1 .",
    )
    assert status == 405


def test_a_query_past_the_timeout_is_stopped(endpoint):
    started = time.monotonic()
    status, _, body = call(endpoint, query=EXPENSIVE)
    took = time.monotonic() - started
    assert status == 503 and b"timeout" in body
    assert took < TIMEOUT + 5, f"answered after {took:.1f} s"
    # the server goes on answering (the stopped worker is replaced)
    status, _, body = call(endpoint, query="ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_results_past_the_row_limit_are_refused(endpoint):
    status, _, body = call(endpoint, query="SELECT * WHERE { ?s ?p ?o }")
    assert 400 <= status < 500
    assert str(MAX_ROWS).encode() in body and b"LIMIT" in body
    status, _, body = call(endpoint, query=f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == MAX_ROWS


def test_bad_query_and_unknown_path(endpoint):
    status, _, body = call(endpoint, query="SELECT WHERE {")
    assert status == 400
    status, _, _ = call(endpoint.replace("/sparql", "/elsewhere"), query=QUERY)
    assert status == 404


def test_binds_to_loopback_by_default(seeds_dataset):
    from graphkit.serve import SparqlServer

    server = SparqlServer(seeds_dataset, port=0, workers=1)
    try:
        assert server.host == "127.0.0.1"
        assert server.url.startswith("http://127.0.0.1:")
    finally:
        server.close()


def test_a_graph_file_or_folder_is_read_in_the_workers(seeds_build, seeds_dataset, tmp_path):
    """A path is read by pyoxigraph in each worker (no rdflib): the same answers as the
    Dataset; a file it cannot read is named in the error, before anything listens."""
    from graphkit.errors import GraphkitError
    from graphkit.serve import SparqlServer

    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    answers = []
    for data in (seeds_dataset, seeds_build, seeds_build / "graph.nq"):
        with SparqlServer(data, port=0, workers=1) as server:
            status, _, body = call(server.url, query=count)
            assert status == 200
            answers.append(rows_results(body, "json"))
    assert answers[0] == answers[1] == answers[2]
    broken = tmp_path / "broken.ttl"
    broken.write_text("<https://example.org/a> <https://example.org/b> .\n")
    with pytest.raises(GraphkitError, match=r"broken\.ttl: not a graph pyoxigraph can read"):
        SparqlServer(broken, port=0, workers=1)


def test_serve_help_names_the_defaults():
    from click.testing import CliRunner

    from graphkit.cli import cli

    out = CliRunner().invoke(cli, ["serve", "--help"]).output
    for text in ("--port", "3030", "127.0.0.1", "--timeout", "--max-rows"):
        assert text in out
