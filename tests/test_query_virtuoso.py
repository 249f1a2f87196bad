"""The shipped queries run unchanged in Virtuoso, a real triple store, with the same rows.

A throwaway Virtuoso is started on free localhost ports, the seeds graph is loaded as
N-Quads (one named graph per document), and each query goes to its SPARQL endpoint
with its parameters in a VALUES block (Virtuoso's endpoint has no binding API).
Virtuoso sorts strings with its own collation, so rows are compared as multisets.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections import Counter

import pytest
from conftest import need_tool
from rdflib import BNode, Literal, URIRef
from test_query_seeds import ENGINE_CASES, Gold, runner_for

from graphkit.query import bind_params, load_query, with_values

pytestmark = [
    pytest.mark.interop,
    pytest.mark.filterwarnings(
        "ignore:Dataset.default_context is deprecated:DeprecationWarning",
        "ignore:ConjunctiveGraph is deprecated:DeprecationWarning",
    ),
]

INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DirsAllowed = ., {data}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {db}
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory, seeds_dataset):
    virtuoso = need_tool("virtuoso-t", "runs the shipped queries in a real triple store")
    isql = need_tool("isql-vt", "loads the graph into Virtuoso")
    root = tmp_path_factory.mktemp("virtuoso")
    db, data = root / "db", root / "data"
    db.mkdir()
    data.mkdir()
    seeds_dataset.serialize(data / "graph.nq", format="nquads")
    sql, http = _free_port(), _free_port()
    ini = root / "virtuoso.ini"
    ini.write_text(INI.format(db=db, data=data, sql=sql, http=http), encoding="utf-8")
    log = (root / "stdout.log").open("wb")
    proc = subprocess.Popen([virtuoso, "-c", str(ini), "+foreground"], cwd=root,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http}/sparql"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("Virtuoso did not start:\n" + (db / "virtuoso.log").read_text())
                time.sleep(0.3)
        subprocess.run(
            [isql, f"127.0.0.1:{sql}", "dba", "dba",
             f"exec=ld_dir('{data}', 'graph.nq', 'urn:graphkit:default'); "
             "rdf_loader_run(); checkpoint;"],
            check=True, capture_output=True, timeout=120)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _term(b: dict | None):
    if b is None:
        return None
    if b["type"] == "uri":
        return URIRef(b["value"])
    if b["type"] == "bnode":
        return BNode(b["value"])
    if b.get("xml:lang"):
        return Literal(b["value"], lang=b["xml:lang"])
    dt = b.get("datatype")
    plain = dt in (None, "http://www.w3.org/2001/XMLSchema#string")
    return Literal(b["value"], datatype=None if plain else URIRef(dt))


def _ask(url: str, text: str) -> tuple[list[str], list[tuple]]:
    req = urllib.request.Request(url, data=urllib.parse.urlencode({"query": text}).encode(),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as res:
        doc = json.load(res)
    names = doc["head"]["vars"]
    return names, [tuple(_term(b.get(v)) for v in names) for b in doc["results"]["bindings"]]


@pytest.mark.parametrize(("name", "params"), ENGINE_CASES,
                         ids=[f"{n}-{k}" for k, (n, _) in enumerate(ENGINE_CASES)])
def test_same_rows_in_virtuoso(name, params, endpoint, seeds_dataset, gold):
    params = params(Gold(gold))
    q = load_query(name)
    terms = {k: v.n3() for k, v in bind_params(q, params).items()}
    names, rows = _ask(endpoint, with_values(q.text, terms))
    expected = runner_for(seeds_dataset).results(name, **params)
    assert tuple(names) == expected.variables
    assert expected.rows, f"{name} {params}: no rows on the seeds graph"

    def n3(rs):
        return Counter(tuple(None if t is None else t.n3() for t in r) for r in rs)

    assert n3(rows) == n3(expected.rows)
