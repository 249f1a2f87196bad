"""The shipped queries run unchanged in Virtuoso, a real triple store, with the same rows.

The session's Virtuoso (started once on free localhost ports, see conftest) holds the
seeds graph pushed with ``graphkit push`` (one named graph per document), and each query goes to its SPARQL endpoint
with its parameters in a VALUES block (Virtuoso's endpoint has no binding API).
Virtuoso sorts strings with its own collation, so rows are compared as multisets.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections import Counter

import pytest
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


@pytest.fixture(scope="module")
def endpoint(virtuoso, virtuoso_seeds) -> str:
    """The session's Virtuoso, holding the seeds graph pushed with ``graphkit push``."""
    return f"{virtuoso}/sparql"


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
    req = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"query": text}).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(req, timeout=60) as res:
        doc = json.load(res)
    names = doc["head"]["vars"]
    return names, [tuple(_term(b.get(v)) for v in names) for b in doc["results"]["bindings"]]


@pytest.mark.parametrize(
    ("name", "params"), ENGINE_CASES, ids=[f"{n}-{k}" for k, (n, _) in enumerate(ENGINE_CASES)]
)
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
