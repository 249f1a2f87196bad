"""A real triple store: start Virtuoso, `graphkit push` the seeds graph, query it back."""

from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
from conftest import ROOT, VIRTUOSO_DEFAULT_GRAPH
from rdflib import Dataset
from support import free_port
from test_interop import library_queries, query_text, rows_pyoxigraph, rows_results

from graphkit.serialise import write_formats

pytestmark = [pytest.mark.interop, pytest.mark.slow]

DEFAULT_GRAPH = VIRTUOSO_DEFAULT_GRAPH


def graphkit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def sparql(base: str, query: str, accept: str = "application/sparql-results+xml") -> bytes:
    request = urllib.request.Request(
        f"{base}/sparql",
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


def graph_sizes(base: str, prefix: str) -> dict[str, int]:
    query = (
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{prefix}")) }} GROUP BY ?g'
    )
    return {row[0][1]: int(row[1][1]) for row in rows_results(sparql(base, query), "xml")}


@pytest.fixture(scope="session")
def pushed(virtuoso_seeds):
    return virtuoso_seeds


def test_push_replaces_each_named_graph(pushed, virtuoso, seeds_dataset):
    local = {str(g.identifier): len(g) for g in seeds_dataset.graphs() if len(g)}
    local[DEFAULT_GRAPH] = local.pop("urn:x-rdflib:default")
    assert f"{len(local)} graph(s), {sum(local.values())} triple(s)" in pushed.stdout
    assert graph_sizes(virtuoso, "https://w3id.org/graphkit/id/") == local


@pytest.mark.parametrize("query", library_queries(), ids=lambda p: p.stem)
def test_virtuoso_answers_with_the_same_rows_as_locally(pushed, virtuoso, seeds_build, query, gold):
    text = query_text(query, gold)
    remote = rows_results(sparql(virtuoso, text), "xml")
    assert remote == rows_pyoxigraph(seeds_build / "graph.trig", text)


def test_pushing_again_replaces_a_document_as_a_unit(pushed, virtuoso, seeds_dataset, tmp_path):
    """A document pushed again with fewer facts loses the old ones: PUT replaces the graph."""
    name = sorted(
        str(g.identifier)
        for g in seeds_dataset.graphs()
        if len(g) and str(g.identifier).startswith("https://")
    )[0]
    smaller = Dataset()
    graph = smaller.graph(seeds_dataset.graph(name).identifier)
    for n, triple in enumerate(sorted(seeds_dataset.graph(name))):
        if n % 2 == 0:
            graph.add(triple)
    write_formats(smaller, tmp_path, formats=["nquads"])
    run = graphkit(
        "push",
        str(tmp_path / "graph.nq"),
        "--endpoint",
        f"{virtuoso}/sparql-graph-crud-auth",
        "--user",
        "dba",
        "--password",
        "dba",
    )
    assert run.returncode == 0, run.stderr
    try:
        assert graph_sizes(virtuoso, name)[name] == len(graph)
    finally:  # put the full document back for the other tests
        write_formats(_only(seeds_dataset, name), tmp_path, formats=["nquads"])
        graphkit(
            "push",
            str(tmp_path / "graph.nq"),
            "--endpoint",
            f"{virtuoso}/sparql-graph-crud-auth",
            "--user",
            "dba",
            "--password",
            "dba",
        )


def _only(ds: Dataset, name: str) -> Dataset:
    out = Dataset()
    graph = out.graph(ds.graph(name).identifier)
    for triple in ds.graph(name):
        graph.add(triple)
    return out


def test_wrong_password_is_a_clear_error(virtuoso, seeds_build):
    endpoint = f"{virtuoso}/sparql-graph-crud-auth"
    run = graphkit(
        "push",
        str(seeds_build / "graph.trig"),
        "--endpoint",
        endpoint,
        "--graph",
        DEFAULT_GRAPH,
        "--user",
        "dba",
        "--password",
        "not-the-password",
    )
    assert run.returncode == 2
    assert endpoint in run.stderr and "401" in run.stderr and "--password" in run.stderr


def test_default_graph_needs_a_name_on_virtuoso(virtuoso, seeds_build):
    run = graphkit(
        "push",
        str(seeds_build / "graph.trig"),
        "--endpoint",
        f"{virtuoso}/sparql-graph-crud-auth",
        "--user",
        "dba",
        "--password",
        "dba",
    )
    assert run.returncode == 2
    assert "--graph" in run.stderr


def test_unreachable_endpoint_is_named(seeds_build):
    endpoint = f"http://127.0.0.1:{free_port()}/sparql-graph-crud-auth"
    run = graphkit("push", str(seeds_build / "graph.trig"), "--endpoint", endpoint)
    assert run.returncode == 2
    assert f"cannot reach {endpoint}" in run.stderr


def test_secrets_are_never_printed_and_a_half_push_is_reported(seeds_build, tmp_path):
    """A store that accepts two graphs, then fails echoing the request's Authorization
    header: the message is short, redacted, and says how far the push got, even with -q."""
    import http.server
    import subprocess
    import sys
    import threading

    from conftest import ROOT

    seen = {"n": 0}

    class Store(http.server.BaseHTTPRequestHandler):
        def do_PUT(self):  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            seen["n"] += 1
            if seen["n"] <= 2:
                self.send_response(201)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = f"boom; you sent Authorization: {self.headers.get('Authorization')}".encode()
            body += b" " + b"x" * 5000
            self.send_response(500)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Store)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://dba:s3cretPW@127.0.0.1:{httpd.server_address[1]}/data"
        run = subprocess.run(
            [sys.executable, "-m", "graphkit", "push", str(seeds_build / "graph.trig"),
             "--endpoint", url, "--graph", "https://example.org/default", "-q"],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        httpd.shutdown()
    out = run.stdout + run.stderr
    assert run.returncode == 2
    assert "s3cretPW" not in out and "ZGJh" not in out  # nor its base64 (dba:...)
    assert "dba:***@" in out and "HTTP 500" in out and "Authorization: ***" in out
    assert "2 of " in out and "pushed before" in out and "again" in out
    assert len(run.stderr) < 1000
